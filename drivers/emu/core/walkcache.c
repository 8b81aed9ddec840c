// SPDX-License-Identifier: GPL-2.0-only
/*
 * Walk cache of the SMMUv3 emulator core (strict mode): see walkcache.h.
 *
 * Freestanding: no kernel or libc headers.
 */
#include "walkcache.h"

static int tag_match(const struct s3e_wc_entry *e,
		     const struct s3e_tlb_tag *tag, unsigned int stage)
{
	if (e->stage != stage)
		return 0;
	/* Stage-2 tables belong to the VMID alone */
	if (stage == 2)
		return e->vmid == tag->vmid;
	return e->regime == tag->regime && e->kind == tag->kind &&
	       e->vmid == tag->vmid && e->asid == tag->asid;
}

struct s3e_wc_entry *s3e_wc_find(struct s3e_wcache *wc,
				 const struct s3e_tlb_tag *tag,
				 unsigned int stage, unsigned int gshift,
				 unsigned int start, s3e_u64 ia)
{
	struct s3e_wc_entry *e, *best = S3E_NULL;
	unsigned int i;

	for (i = 0; i < S3E_WC_NR; i++) {
		e = &wc->e[i];
		if (!e->valid || e->gshift != gshift || e->level < start ||
		    (best && e->level <= best->level) ||
		    ((ia ^ e->ia) >> e->shift) || !tag_match(e, tag, stage))
			continue;
		best = e;
	}
	if (best)
		wc->hits++;
	return best;
}

struct s3e_wc_entry *s3e_wc_fill(struct s3e_wcache *wc,
				 const struct s3e_tlb_tag *tag,
				 unsigned int stage, unsigned int gshift,
				 unsigned int level, unsigned int shift,
				 s3e_u64 ia, s3e_u64 pa, s3e_u64 desc,
				 s3e_u64 tbl)
{
	struct s3e_wc_entry *e = S3E_NULL, *free = S3E_NULL;
	unsigned int i;

	ia &= ~((1ULL << shift) - 1);
	for (i = 0; i < S3E_WC_NR; i++) {
		if (!wc->e[i].valid) {
			if (!free)
				free = &wc->e[i];
			continue;
		}
		if (wc->e[i].ia == ia && wc->e[i].level == level &&
		    wc->e[i].gshift == gshift &&
		    tag_match(&wc->e[i], tag, stage)) {
			e = &wc->e[i];
			break;
		}
	}
	if (!e)
		e = free;
	if (!e) {
		e = &wc->e[wc->next];
		wc->next = (wc->next + 1) % S3E_WC_NR;
	}
	*e = (struct s3e_wc_entry) {
		.ia = ia,
		.desc = desc,
		.desc_pa = pa,
		.tbl = tbl,
		.vmid = tag->regime == S3E_TLB_NSEL1 ? tag->vmid : 0,
		.asid = stage == 1 && tag->regime != S3E_TLB_EL2 ? tag->asid : 0,
		.regime = stage == 1 ? tag->regime : S3E_TLB_NSEL1,
		.kind = stage == 1 ? tag->kind : S3E_TLB_S2,
		.stage = stage,
		.level = level,
		.gshift = gshift,
		.shift = shift,
		.valid = 1,
	};
	wc->fills++;
	return e;
}

/* Scope of one invalidation */
struct wc_filter {
	s3e_u64 first;
	s3e_u64 last;
	unsigned int stages;	/* bit 1: stage 1, bit 2: stage 2 */
	unsigned int regimes;	/* bit per enum s3e_tlb_regime */
	int vmid;		/* -1: any */
	int asid;		/* -1: any */
};

#define RG(r)		(1U << (r))

static void wc_invalidate(struct s3e_wcache *wc, const struct wc_filter *f)
{
	struct s3e_wc_entry *e;
	unsigned int i;

	for (i = 0; i < S3E_WC_NR; i++) {
		e = &wc->e[i];
		if (!e->valid || !(f->stages & (1U << e->stage)) ||
		    !(f->regimes & RG(e->regime)))
			continue;
		if (f->vmid >= 0 && e->vmid != f->vmid)
			continue;
		/* EL2 entries (without E2H) have no ASID: any matches */
		if (f->asid >= 0 && e->stage == 1 &&
		    e->regime != S3E_TLB_EL2 && e->asid != f->asid)
			continue;
		if (e->ia > f->last ||
		    e->ia + ((1ULL << e->shift) - 1) < f->first)
			continue;
		e->valid = 0;
		wc->removed++;
	}
}

void s3e_wc_exec_cmd(struct s3e_wcache *wc, s3e_u64 cmd0, s3e_u64 cmd1)
{
	unsigned int op = s3e_field_get(CMD_0_OP, cmd0);
	unsigned int tg = s3e_field_get(CMD_TLBI_1_TG, cmd1);
	unsigned int num = s3e_field_get(CMD_TLBI_0_NUM, cmd0);
	unsigned int scale = s3e_field_get(CMD_TLBI_0_SCALE, cmd0);
	int vmid = (int)s3e_field_get(CMD_TLBI_0_VMID, cmd0);
	int asid = (int)s3e_field_get(CMD_TLBI_0_ASID, cmd0);
	int by_addr = 0;
	s3e_u64 addr = cmd1 & CMD_TLBI_1_VA;
	struct wc_filter f = {
		.first = 0,
		.last = ~0ULL,
		.stages = 2,
		.regimes = RG(S3E_TLB_NSEL1),
		.vmid = vmid,
		.asid = -1,
	};

	switch (op) {
	case CMD_OP_TLBI_NH_ALL:
		break;
	case CMD_OP_TLBI_NH_ASID:
		f.asid = asid;
		break;
	case CMD_OP_TLBI_NH_VA:
		f.asid = asid;
		by_addr = 1;
		break;
	case CMD_OP_TLBI_NH_VAA:
		by_addr = 1;
		break;
	case CMD_OP_TLBI_EL2_ALL:
	case CMD_OP_TLBI_EL2_ASID:
	case CMD_OP_TLBI_EL2_VA:
	case CMD_OP_TLBI_EL2_VAA:
		f.regimes = RG(S3E_TLB_EL2) | RG(S3E_TLB_EL2_E2H);
		f.vmid = -1;
		if (op == CMD_OP_TLBI_EL2_ASID || op == CMD_OP_TLBI_EL2_VA)
			f.asid = asid;
		by_addr = op == CMD_OP_TLBI_EL2_VA || op == CMD_OP_TLBI_EL2_VAA;
		break;
	case CMD_OP_TLBI_S12_VMALL:
		f.stages = 2 | 4;
		break;
	case CMD_OP_TLBI_S2_IPA:
		f.stages = 4;
		addr = cmd1 & CMD_TLBI_1_IPA;
		by_addr = 1;
		break;
	case CMD_OP_TLBI_NSNH_ALL:
		f.stages = 2 | 4;
		f.vmid = -1;
		break;
	default:
		return;
	}
	if (by_addr) {
		/* §4.4.1: Leaf = 1 needs to invalidate leaf entries only */
		if (cmd1 & CMD_TLBI_1_LEAF)
			return;
		s3e_tlbi_range(addr, tg, num, scale, &f.first, &f.last);
	}
	wc_invalidate(wc, &f);
}

void s3e_wc_flush(struct s3e_wcache *wc)
{
	unsigned int i;

	for (i = 0; i < S3E_WC_NR; i++)
		wc->e[i].valid = 0;
	wc->next = 0;
}
