// SPDX-License-Identifier: GPL-2.0-only
/*
 * The checker of the emulated SMMUv3 (strict mode): reports driver
 * protocol violations that the model can see and real hardware cannot,
 * because it can re-read the driver's tables at any time.  It observes
 * and reports; it never changes what the model does (translations,
 * events, memory, caches).  Two internal shortcuts are the only side
 * effects: when it finds a stale entry it drops the decoded contexts or
 * the last-translation entries (which are derived from the configuration
 * cache and the TLB and rebuilt from them unchanged), so that the next use
 * of the stale entry goes through the cache where it is seen; only the
 * statistics of where a translation was answered can differ.
 *
 * Mechanism: at every CMD_SYNC completion (after the invalidations it
 * completes, §4.7.3), every valid configuration cache entry and TLB entry
 * is compared with memory: the STE or CD at the address it was fetched
 * from, and the leaf descriptors of the walk that filled the TLB entry.
 * One that differs is marked stale: by §3.21.1 and §3.21.3 the driver must
 * invalidate a cached structure or translation it changed, and the
 * CMD_SYNC guarantees completion only of the invalidations issued before
 * it.  A later use of a stale entry is a report:
 *
 *  - class 2 (S3E_CHK_CFG_STALE): a live STE or CD changed and the SMMU
 *    used the cached copy after the next CMD_SYNC without a covering
 *    CFGI_STE / CFGI_CD (§3.21.3);
 *  - class 3 (S3E_CHK_TLB_STALE): a cached leaf descriptor changed and a
 *    translation used the cached copy after the next CMD_SYNC without a
 *    covering TLBI (§3.21.1).
 *
 * Each stale entry is reported once, at its first use, after checking that
 * memory still differs.  An entry that is never used again is not
 * reported: a driver with a deferred (lazy) flush may leave stale
 * translations of IOVAs it does not reuse until the flush.
 *
 * What it can miss: a change that is undone before the next CMD_SYNC (the
 * comparison only sees memory at CMD_SYNCs and at uses); changes to
 * entries that are no longer cached (evicted: the next fetch sees the new
 * value, as hardware may); table (non-leaf) descriptors, level-1 stream
 * table and CD descriptors, and the stage-2 translation of stage-1 table
 * addresses (the model caches none of them); and hardware-managed bits
 * (AF, and the dirty state of DBM descriptors), which are not compared.
 * A driver that writes a structure on one CPU while another CPU's
 * CMD_SYNC completes, and a device that uses it before the first CPU's
 * invalidation, is reported although the first CPU's sequence may be
 * correct; the project's driver does not let a device use a stream or an
 * IOVA while it is being changed.
 *
 * Freestanding: no kernel or libc headers.
 */
#include "smmu-int.h"

static void *chk_alloc(struct s3e_smmu *s, unsigned long size)
{
	return s->host.alloc(s->host.ctx, size);
}

int s3e_chk_create(struct s3e_smmu *s)
{
	struct s3e_checker *k = chk_alloc(s, sizeof(*k));

	s->chk = k;
	if (!k)
		return -1;
	k->cfg_pa = chk_alloc(s, sizeof(*k->cfg_pa) * s->cfg.cfgc_entries);
	k->cfg_state = chk_alloc(s, sizeof(*k->cfg_state) *
				 s->cfg.cfgc_entries);
	k->tlb = chk_alloc(s, sizeof(*k->tlb) * s->cfg.tlb_entries);
	if (!k->cfg_pa || !k->cfg_state || !k->tlb)
		return -1;
	return 0;
}

void s3e_chk_destroy(struct s3e_smmu *s)
{
	struct s3e_checker *k = s->chk;

	if (!k || !s->host.free)
		return;
	s->host.free(s->host.ctx, k->tlb);
	s->host.free(s->host.ctx, k->cfg_state);
	s->host.free(s->host.ctx, k->cfg_pa);
	s->host.free(s->host.ctx, k);
	s->chk = S3E_NULL;
}

unsigned long s3e_chk_mem_size(const struct s3e_smmu *s)
{
	if (!s->chk)
		return 0;
	return sizeof(*s->chk) +
	       (sizeof(*s->chk->cfg_pa) + sizeof(*s->chk->cfg_state)) *
	       s->cfg.cfgc_entries +
	       sizeof(*s->chk->tlb) * s->cfg.tlb_entries;
}

const struct s3e_chk_state *s3e_smmu_checker(const struct s3e_smmu *s)
{
	return s->chk ? &s->chk->st : S3E_NULL;
}

const struct s3e_chk_report *s3e_smmu_checker_report(const struct s3e_smmu *s,
						     unsigned int i)
{
	const struct s3e_chk_state *st = s3e_smmu_checker(s);

	if (!st || i >= S3E_CHK_LAST || i >= st->total)
		return S3E_NULL;
	return &st->last[(st->total - 1 - i) % S3E_CHK_LAST];
}

void s3e_smmu_checker_clear(struct s3e_smmu *s)
{
	struct s3e_chk_state *st;
	unsigned int i;

	if (!s->chk)
		return;
	st = &s->chk->st;
	for (i = 0; i < S3E_CHK_NR_CLASSES; i++)
		st->count[i] = 0;
	st->total = 0;
	st->checks = 0;
}

static void chk_report(struct s3e_smmu *s, struct s3e_chk_report *r)
{
	struct s3e_chk_state *st = &s->chk->st;

	r->seq = ++st->total;
	st->count[r->cls]++;
	st->last[(r->seq - 1) % S3E_CHK_LAST] = *r;
	if (s->host.report)
		s->host.report(s->host.ctx, r);
}

/* Configuration cache: classes 2 */

void s3e_chk_cfg_insert(struct s3e_smmu *s, s3e_u32 idx, s3e_u64 pa)
{
	if (idx >= s->cfg.cfgc_entries)
		return;
	s->chk->cfg_pa[idx] = pa;
	s->chk->cfg_state[idx] = S3E_CHK_CLEAN;
}

/* Whether cached configuration entry @i differs from memory */
static int cfg_changed(struct s3e_smmu *s, s3e_u32 i)
{
	const struct s3e_cfgc_entry *e = &s->cfgc.entries[i];
	s3e_u64 mem[STE_DWORDS];
	unsigned int k;

	/* Unreadable now: a fetch would fault; not a stale copy */
	if (s->host.read(s->host.ctx, s->chk->cfg_pa[i], mem, sizeof(mem)))
		return 0;
	for (k = 0; k < STE_DWORDS; k++)
		if (s3e_le64(mem[k]) != e->words[k])
			return 1;
	return 0;
}

void s3e_chk_cfg_hit(struct s3e_smmu *s, const s3e_u64 *raw)
{
	/* @raw is the first member of its entry */
	const struct s3e_cfgc_entry *e = (const struct s3e_cfgc_entry *)raw;
	s3e_u32 i = (s3e_u32)(e - s->cfgc.entries);
	struct s3e_chk_report r = { 0 };

	if (i >= s->cfg.cfgc_entries ||
	    s->chk->cfg_state[i] != S3E_CHK_STALE || !cfg_changed(s, i))
		return;
	s->chk->cfg_state[i] = S3E_CHK_REPORTED;
	r.cls = S3E_CHK_CFG_STALE;
	r.addr = s->chk->cfg_pa[i];
	r.sid = e->sid;
	if (e->type == S3E_CFGC_STE) {
		/* §3.21.3: a changed STE needs CFGI_STE before CMD_SYNC */
		r.ssid = S3E_NO_SSID;
		r.vmid = s3e_field_get(STE_2_S2VMID, e->words[2]);
		r.missing = CMD_OP_CFGI_STE;
	} else {
		/* §3.21.3: a changed CD needs CFGI_CD before CMD_SYNC */
		r.ssid = e->ssid;
		r.asid = s3e_field_get(CD_0_ASID, e->words[0]);
		r.missing = CMD_OP_CFGI_CD;
	}
	chk_report(s, &r);
}

/* TLB: class 3 */

void s3e_chk_tlb_insert(struct s3e_smmu *s, const struct s3e_tlb_entry *e,
			const struct s3e_walk_result *res, s3e_u32 sid,
			s3e_u32 ssid, const struct s3e_tlb_tag *tag)
{
	s3e_u32 i = (s3e_u32)(e - s->tlb.entries);
	struct s3e_chk_tlb *t;

	if (i >= s->cfg.tlb_entries)
		return;
	t = &s->chk->tlb[i];
	t->nd = 0;
	t->sid = sid;
	t->ssid = ssid;
	t->asid = tag->asid;
	t->vmid = tag->vmid;
	t->state = S3E_CHK_CLEAN;
	/* §4.4.2: EL2 entries are invalidated by the TLBI_EL2_* commands */
	t->missing = tag->regime == S3E_TLB_NSEL1 ? CMD_OP_TLBI_NH_VA :
						    CMD_OP_TLBI_EL2_VA;
	t->stage0 = tag->kind == S3E_TLB_S2 ? 2 : 1;
	if (tag->kind != S3E_TLB_S2) {
		t->pa[t->nd] = res->s1_desc_pa;
		t->desc[t->nd++] = res->s1_desc;
	}
	if (tag->kind != S3E_TLB_S1) {
		t->pa[t->nd] = res->s2_desc_pa;
		t->desc[t->nd++] = res->s2_desc;
	}
}

/*
 * Bits of a leaf descriptor that the SMMU itself may change (§3.13:
 * the access flag, and AP[2]/S2AP[1] of a DBM descriptor as its dirty
 * state) or that it ignores (software bits [58:55], §5.4 of VMSAv8-64),
 * left out of the comparison.
 */
static s3e_u64 leaf_cmp_bits(s3e_u64 d)
{
	s3e_u64 ign = SMMU3_BIT(10) | SMMU3_GENMASK(58, 55);

	if (d & SMMU3_BIT(51))
		ign |= SMMU3_BIT(7);
	return d & ~ign;
}

/* The first descriptor of TLB entry @i that differs from memory, or -1 */
static int tlb_changed(struct s3e_smmu *s, s3e_u32 i)
{
	const struct s3e_chk_tlb *t = &s->chk->tlb[i];
	s3e_u64 v;
	unsigned int k;

	for (k = 0; k < t->nd; k++) {
		if (s->walker.mem.read64(s->walker.mem.ctx, t->pa[k], &v))
			continue;
		if (leaf_cmp_bits(v) != leaf_cmp_bits(t->desc[k]))
			return (int)k;
	}
	return -1;
}

void s3e_chk_tlb_hit(struct s3e_smmu *s, const struct s3e_tlb_entry *e)
{
	s3e_u32 i = (s3e_u32)(e - s->tlb.entries);
	struct s3e_chk_report r = { 0 };
	struct s3e_chk_tlb *t;
	int k;

	if (i >= s->cfg.tlb_entries)
		return;
	t = &s->chk->tlb[i];
	if (t->state != S3E_CHK_STALE)
		return;
	k = tlb_changed(s, i);
	if (k < 0)
		return;
	t->state = S3E_CHK_REPORTED;
	if (s->chk_armed)
		s->chk_armed--;
	r.cls = S3E_CHK_TLB_STALE;
	r.addr = t->pa[k];
	r.iova = e->va;
	r.sid = t->sid;
	r.ssid = t->ssid;
	r.asid = t->asid;
	r.vmid = t->vmid;
	r.stage = t->stage0 + k;
	r.missing = t->missing;
	/* §3.21.1: a changed stage-2 leaf needs TLBI_S2_IPA */
	if (r.stage == 2)
		r.missing = CMD_OP_TLBI_S2_IPA;
	chk_report(s, &r);
}

void s3e_chk_sync(struct s3e_smmu *s)
{
	struct s3e_checker *k = s->chk;
	s3e_u32 i, armed = 0;
	int cfg_stale = 0, tlb_stale = 0;

	k->st.checks++;
	for (i = 0; i < s->cfg.cfgc_entries; i++) {
		if (!s->cfgc.entries[i].type ||
		    k->cfg_state[i] != S3E_CHK_CLEAN || !cfg_changed(s, i))
			continue;
		k->cfg_state[i] = S3E_CHK_STALE;
		cfg_stale = 1;
	}
	for (i = 0; i < s->cfg.tlb_entries; i++) {
		if (!s->tlb.entries[i].valid || !k->tlb[i].nd)
			continue;
		if (k->tlb[i].state == S3E_CHK_CLEAN &&
		    tlb_changed(s, i) >= 0) {
			k->tlb[i].state = S3E_CHK_STALE;
			tlb_stale = 1;
		}
		if (k->tlb[i].state == S3E_CHK_STALE)
			armed++;
	}
	/*
	 * The next use of a stale entry must go through the cache that
	 * holds it: rebuild the derived entries (same content).
	 */
	if (cfg_stale)
		s3e_dctx_invalidate(s);
	if (tlb_stale)
		s3e_utlb_invalidate(s);
	s->chk_armed = armed;
}
