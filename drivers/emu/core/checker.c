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
 *    covering TLBI (§3.21.1); likewise a table descriptor of the walk
 *    cache, whose covering TLBI must have Leaf = 0 (detail
 *    S3E_CHK_T_TABLE);
 *  - class 2 also covers the level-1 stream table and CD descriptors
 *    (detail S3E_CHK_C_L1), whose covering CFGI must have Leaf = 0.
 *
 * Class 4 (S3E_CHK_WALK_FREED): a walk cache entry that went stale points
 * to a table that is no longer linked; if that table is freed
 * (s3e_host.page_free) or rewritten while the entry is still cached, a
 * walk through the entry would read freed memory.  Checked at every
 * CMD_SYNC (a checksum of the table taken when the entry went stale),
 * reported once per entry whether or not a walk uses it.
 *
 * Class 1 (S3E_CHK_LIVE_TORN): every STE or CD the model fetched valid
 * is followed while it stays live (V = 1, SMMUEN = 1; a CD until a
 * CFGI_STE of its StreamID, after which the driver may free it): at every
 * CMD_SYNC its memory is compared with what it was at the previous one,
 * and a change of more than one doubleword in bits that the old or the
 * new value uses is reported (§3.21.3: 64-bit single-copy atomicity, so
 * the SMMU could have read a mix that is neither).  This is the rule a
 * hitless update follows (one critical doubleword per CFGI_* + CMD_SYNC
 * step, or break-before-make through V = 0).  It can miss a torn update
 * that is completed and undone within one CMD_SYNC interval, structures
 * never fetched, and it judges at CMD_SYNC granularity (two steps without
 * a CMD_SYNC between them count as one).
 *
 * Class 5 (S3E_CHK_QUEUE), queue protocol errors, is judged at the
 * register write (regs.c): CMDQ_PROD more than the queue's size ahead of
 * CMDQ_CONS, EVENTQ_CONS moved past EVENTQ_PROD (§3.5: a queue holds at
 * most its size, the consumer never passes the producer), and a write of
 * CMDQ_BASE/CMDQ_CONS or EVENTQ_BASE/EVENTQ_PROD while the queue is
 * enabled (§6.3.26: Guarded by CR0.CMDQEN, likewise for the other queues;
 * the model ignores such writes, as SMMUv3.2 does).  Not judged: the
 * event queue left full across an interrupt without CONS moving.  The
 * model cannot tell the driver's interrupt handler from any other reader
 * of EVENTQ_PROD (a debugfs file polled by a test), nor whether the
 * handler has run yet; a judgement from PROD reads reported the
 * project's driver while its handler was merely late.
 *
 * Each stale entry is reported once, at its first use, after checking that
 * memory still differs.  An entry that is never used again is not
 * reported: a driver with a deferred (lazy) flush may leave stale
 * translations of IOVAs it does not reuse until the flush.
 *
 * What it can miss: a change that is undone before the next CMD_SYNC (the
 * comparison only sees memory at CMD_SYNCs and at uses); changes to
 * entries that are no longer cached (evicted: the next fetch sees the new
 * value, as hardware may); L1CDs read through stage 2 and the stage-1
 * tables of nested walks for class 4 (not cached, not followed); a table
 * freed and reused between two CMD_SYNCs with the same content; and
 * hardware-managed bits (AF, and a DBM descriptor made writable-dirty),
 * which are not compared.
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
	k->live = chk_alloc(s, sizeof(*k->live) * s->cfg.cfgc_entries);
	if (!k->cfg_pa || !k->cfg_state || !k->tlb || !k->live)
		return -1;
	return 0;
}

void s3e_chk_destroy(struct s3e_smmu *s)
{
	struct s3e_checker *k = s->chk;

	if (!k || !s->host.free)
		return;
	s->host.free(s->host.ctx, k->live);
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
	       (sizeof(*s->chk->cfg_pa) + sizeof(*s->chk->cfg_state) +
		sizeof(*s->chk->live)) * s->cfg.cfgc_entries +
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

/* Live structures: class 1 */

/*
 * Bits of an STE the SMMU reads, given the STE (§5.2): V; with V = 1
 * Config, and the fields of the stages Config enables (a bypassed stage's
 * fields are ignored); S2VMID also tags stage-1 translations.
 */
static void ste_used(const s3e_u64 *w, s3e_u64 *u)
{
	unsigned int config = s3e_field_get(STE_0_CONFIG, w[0]), i;

	for (i = 0; i < STE_DWORDS; i++)
		u[i] = 0;
	u[0] = STE_0_V;
	if (!(w[0] & STE_0_V))
		return;
	u[0] |= STE_0_CONFIG;
	if (config == STE_CONFIG_BYPASS) {
		u[1] |= STE_1_SHCFG;
		return;
	}
	if (config != STE_CONFIG_S1 && config != STE_CONFIG_S2 &&
	    config != STE_CONFIG_NESTED)
		return;
	u[1] |= STE_1_EATS | STE_1_STRW | STE_1_SHCFG;
	if (config & 1) {
		u[0] |= STE_0_S1FMT | STE_0_S1CONTEXTPTR | STE_0_S1CDMAX;
		u[1] |= STE_1_S1DSS | STE_1_S1CIR | STE_1_S1COR |
			STE_1_S1CSH | STE_1_S1STALLD;
		u[2] |= STE_2_S2VMID;
	}
	if (config & 2) {
		u[2] |= STE_2_S2VMID | STE_2_VTCR | STE_2_S2AA64 |
			STE_2_S2ENDI | STE_2_S2AFFD | STE_2_S2PTW |
			STE_2_S2HD | STE_2_S2HA | STE_2_S2S | STE_2_S2R;
		u[3] |= STE_3_S2TTB;
	}
}

/*
 * Bits of a CD the SMMU reads (§5.4): V; with V = 1 all of doubleword 0,
 * TTB0 and TTB1 unless their walks are disabled (EPD0, EPD1), and MAIR.
 */
static void cd_used(const s3e_u64 *w, s3e_u64 *u)
{
	unsigned int i;

	for (i = 0; i < CD_DWORDS; i++)
		u[i] = 0;
	u[0] = CD_0_V;
	if (!(w[0] & CD_0_V))
		return;
	u[0] = ~0ULL;
	u[1] = w[0] & CD_0_EPD0 ? 0 : CD_1_TTB0;
	u[2] = w[0] & CD_0_EPD1 ? 0 : CD_2_TTB1;
	u[3] = CD_3_MAIR;
}

/*
 * §3.21.3: the SMMU reads a structure 64 bits at a time, in any order, so
 * an update between two observations is hitless only when at most one
 * doubleword changes in a bit that the old or the new value uses: any mix
 * of old and new doublewords is then the old or the new structure.
 * Return: the mask of the doublewords that break the rule, or 0.
 */
static unsigned int torn_words(unsigned int type, const s3e_u64 *old,
			       const s3e_u64 *new)
{
	s3e_u64 uo[STE_DWORDS], un[STE_DWORDS];
	unsigned int i, mask = 0, n = 0;

	if (type == S3E_CFGC_STE) {
		ste_used(old, uo);
		ste_used(new, un);
	} else {
		cd_used(old, uo);
		cd_used(new, un);
	}
	for (i = 0; i < STE_DWORDS; i++) {
		if ((old[i] ^ new[i]) & (uo[i] | un[i])) {
			mask |= 1U << i;
			n++;
		}
	}
	return n > 1 ? mask : 0;
}

static void live_track(struct s3e_smmu *s, s3e_u32 idx, s3e_u64 pa)
{
	const struct s3e_cfgc_entry *e = &s->cfgc.entries[idx];
	struct s3e_checker *k = s->chk;
	s3e_u32 i, slot = S3E_CFGC_NIL;
	unsigned int w;

	for (i = 0; i < s->cfg.cfgc_entries; i++) {
		if (k->live[i].type && k->live[i].pa == pa)
			return;
		if (!k->live[i].type && slot == S3E_CFGC_NIL)
			slot = i;
	}
	if (slot == S3E_CFGC_NIL) {
		slot = k->live_next;
		k->live_next = (slot + 1) % s->cfg.cfgc_entries;
	}
	for (w = 0; w < STE_DWORDS; w++)
		k->live[slot].words[w] = e->words[w];
	k->live[slot].pa = pa;
	k->live[slot].sid = e->sid;
	k->live[slot].ssid = e->type == S3E_CFGC_CD ? e->ssid : S3E_NO_SSID;
	k->live[slot].type = e->type;
}

void s3e_chk_reset(struct s3e_smmu *s)
{
	s3e_u32 i;

	if (!s->chk)
		return;
	for (i = 0; i < s->cfg.cfgc_entries; i++)
		s->chk->live[i].type = 0;
}

void s3e_chk_cfgi(struct s3e_smmu *s, s3e_u64 cmd0)
{
	unsigned int op = s3e_field_get(CMD_0_OP, cmd0);
	s3e_u32 sid = s3e_field_get(CMD_0_SID, cmd0), i;
	struct s3e_chk_live *l;

	if (op != CMD_OP_CFGI_STE && op != CMD_OP_CFGI_STE_RANGE)
		return;
	/*
	 * The STE may no longer point at its CDs, whose memory the driver
	 * may then free: they are followed again once fetched again.
	 */
	for (i = 0; i < s->cfg.cfgc_entries; i++) {
		l = &s->chk->live[i];
		if (l->type == S3E_CFGC_CD &&
		    (op == CMD_OP_CFGI_STE_RANGE || l->sid == sid))
			l->type = 0;
	}
}

/* Compare the live structures with memory (class 1) */
static void live_check(struct s3e_smmu *s)
{
	struct s3e_checker *k = s->chk;
	struct s3e_chk_report r;
	s3e_u64 mem[STE_DWORDS];
	struct s3e_chk_live *l;
	unsigned int w, torn;
	s3e_u32 i;

	for (i = 0; i < s->cfg.cfgc_entries; i++) {
		l = &k->live[i];
		if (!l->type)
			continue;
		if (s->host.read(s->host.ctx, l->pa, mem, sizeof(mem))) {
			l->type = 0;
			continue;
		}
		for (w = 0; w < STE_DWORDS; w++)
			mem[w] = s3e_le64(mem[w]);
		torn = torn_words(l->type, l->words, mem);
		if (torn) {
			r = (struct s3e_chk_report) { 0 };
			r.cls = S3E_CHK_LIVE_TORN;
			r.addr = l->pa;
			r.sid = l->sid;
			r.ssid = l->ssid;
			r.value = torn;
			if (l->type == S3E_CFGC_STE) {
				r.vmid = s3e_field_get(STE_2_S2VMID,
						       l->words[2]);
				r.missing = CMD_OP_CFGI_STE;
			} else {
				r.asid = s3e_field_get(CD_0_ASID, l->words[0]);
				r.missing = CMD_OP_CFGI_CD;
			}
			chk_report(s, &r);
		}
		for (w = 0; w < STE_DWORDS; w++)
			l->words[w] = mem[w];
		/* Invalid: no longer live */
		if (!(mem[0] & (l->type == S3E_CFGC_STE ? STE_0_V : CD_0_V)))
			l->type = 0;
	}
}

void s3e_chk_cfg_insert(struct s3e_smmu *s, s3e_u32 idx, s3e_u64 pa)
{
	if (idx >= s->cfg.cfgc_entries)
		return;
	s->chk->cfg_pa[idx] = pa;
	s->chk->cfg_state[idx] = S3E_CHK_CLEAN;
	live_track(s, idx, pa);
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
 * Whether the stage-@stage leaf descriptor @v in memory differs from the
 * value @cached that a TLB entry was filled from, leaving out what the
 * SMMU changes itself and what needs no invalidation: AF (§3.13.2 the
 * SMMU sets it; §3.13.1 software setting it needs no TLBI), the dirty
 * state that makes a DBM descriptor writable-dirty (§3.13.3.1: AP[2]
 * cleared, S2AP[1] set; the SMMU never makes a descriptor clean again,
 * so software cleaning one without a TLBI is reported), and the software
 * bits [58:55], which the walk ignores.
 */
static int leaf_changed(s3e_u64 v, s3e_u64 cached, unsigned int stage)
{
	s3e_u64 ign = TTD_AF | SMMU3_GENMASK(58, 55);
	/* AP[2] (stage 1) and S2AP[1] (stage 2) are both bit 7 */
	s3e_u64 wr_cached = (cached ^ (stage == 1 ? TTD_AP_RDONLY : 0)) &
			    TTD_AP_RDONLY;
	s3e_u64 wr_now = (v ^ (stage == 1 ? TTD_AP_RDONLY : 0)) &
			 TTD_AP_RDONLY;

	/* Clean (not writable) when cached, dirty (writable) now */
	if ((v & cached & TTD_DBM) && !wr_cached && wr_now)
		ign |= TTD_AP_RDONLY;
	return ((v ^ cached) & ~ign) != 0;
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
		if (leaf_changed(v, t->desc[k], t->stage0 + k))
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

/* Level-1 descriptors: class 2 */

static int l1c_changed(struct s3e_smmu *s, const struct s3e_l1c_entry *e)
{
	s3e_u64 v;

	if (s3e_host_read64s(s, e->pa, &v, 1))
		return 0;
	return v != e->desc;
}

void s3e_chk_l1c_hit(struct s3e_smmu *s, struct s3e_l1c_entry *e, s3e_u32 sid,
		     s3e_u32 ssid)
{
	struct s3e_chk_report r = { 0 };

	if (!l1c_changed(s, e))
		return;
	e->state = S3E_CHK_REPORTED;
	r.cls = S3E_CHK_CFG_STALE;
	r.detail = S3E_CHK_C_L1;
	r.addr = e->pa;
	r.sid = sid;
	r.ssid = ssid;
	/* §5.1, §5.3: a changed L1STD/L1CD needs the Leaf = 0 CFGI */
	r.missing = e->type == S3E_L1C_STD ? CMD_OP_CFGI_STE : CMD_OP_CFGI_CD;
	chk_report(s, &r);
}

static void l1c_sync(struct s3e_smmu *s)
{
	struct s3e_l1c_entry *e;
	unsigned int i;

	for (i = 0; i < S3E_L1C_NR; i++) {
		e = &s->l1c->e[i];
		if (e->type && e->state == S3E_CHK_CLEAN && l1c_changed(s, e))
			e->state = S3E_CHK_STALE;
	}
}

/* Walk cache: classes 3 (table descriptors) and 4 */

/* Table descriptor bits [58:52] are IGNORED by the walk (VMSAv8-64) */
static s3e_u64 table_cmp_bits(s3e_u64 d)
{
	return d & ~SMMU3_GENMASK(58, 52);
}

static int wc_changed(struct s3e_smmu *s, const struct s3e_wc_entry *e)
{
	s3e_u64 v;

	if (s->walker.mem.read64(s->walker.mem.ctx, e->desc_pa, &v))
		return 0;
	return table_cmp_bits(v) != table_cmp_bits(e->desc);
}

/* The invalidation that removes a walk cache entry: Leaf = 0 (§4.4.1) */
static unsigned int wc_missing(const struct s3e_wc_entry *e)
{
	if (e->stage == 2)
		return CMD_OP_TLBI_S2_IPA;
	return e->regime == S3E_TLB_NSEL1 ? CMD_OP_TLBI_NH_VA :
					    CMD_OP_TLBI_EL2_VA;
}

static void wc_report(struct s3e_smmu *s, const struct s3e_wc_entry *e,
		      unsigned int cls, unsigned int detail, s3e_u64 addr,
		      s3e_u64 iova)
{
	struct s3e_chk_report r = { 0 };

	r.cls = cls;
	r.detail = detail;
	r.addr = addr;
	r.iova = iova;
	r.sid = e->sid;
	r.ssid = e->ssid;
	r.asid = e->asid;
	r.vmid = e->vmid;
	r.stage = e->stage;
	r.missing = wc_missing(e);
	if (cls == S3E_CHK_WALK_FREED)
		r.value = e->desc_pa;
	chk_report(s, &r);
}

void s3e_chk_wc_hit(struct s3e_smmu *s, struct s3e_wc_entry *e, s3e_u64 ia)
{
	if (!wc_changed(s, e))
		return;
	e->state = S3E_CHK_REPORTED;
	/* §3.21.1, §4.4.1: a changed table descriptor needs Leaf = 0 */
	wc_report(s, e, S3E_CHK_TLB_STALE, S3E_CHK_T_TABLE, e->desc_pa,
		  ia & ~((1ULL << e->shift) - 1));
}

/*
 * Checksum of the table a walk cache entry points to, as memory holds it,
 * without what a walk through the entry may change itself (§3.13): AF,
 * and AP[2]/S2AP[1] (bit 7) of a DBM descriptor.
 * Return: 0 and the sum in @sum, or -1 when it cannot be read.
 */
static int wc_table_sum(struct s3e_smmu *s, const struct s3e_wc_entry *e,
			s3e_u64 *sum)
{
	s3e_u64 pa = e->desc & SMMU3_GENMASK(47, e->gshift), v, h = 0;
	s3e_u64 n = 1ULL << (e->gshift - 3), i;

	for (i = 0; i < n; i++) {
		if (s->walker.mem.read64(s->walker.mem.ctx, pa + i * 8, &v))
			return -1;
		v &= ~(TTD_AF | (v & TTD_DBM ? TTD_AP_RDONLY : 0));
		h = (h ^ v) * 0x100000001b3ULL + i;
	}
	*sum = h;
	return 0;
}

/*
 * At a CMD_SYNC: a cached table descriptor that memory no longer holds
 * goes stale (its use is class 3).  The table it points to is then no
 * longer linked, yet a walk may still reach it through the entry: freeing
 * the table (s3e_host.page_free) or rewriting it while the entry stays is
 * class 4, reported once.  Stage-1 tables of a nested walk are addressed
 * by IPA and are not followed for class 4.
 */
/* Class 4 for a stale entry: the table it still points to freed or rewritten */
static void wc_check_table(struct s3e_smmu *s, struct s3e_wc_entry *e)
{
	s3e_u64 table = e->desc & SMMU3_GENMASK(47, e->gshift), sum;
	unsigned int detail;

	if (s->host.page_free && s->host.page_free(s->host.ctx, table))
		detail = S3E_CHK_W_FREED;
	else if (wc_table_sum(s, e, &sum) || sum != e->sum)
		detail = S3E_CHK_W_REWRITTEN;
	else
		return;
	e->c4 = 1;
	wc_report(s, e, S3E_CHK_WALK_FREED, detail, table, e->ia);
}

static void wc_sync(struct s3e_smmu *s)
{
	struct s3e_wc_entry *e;
	unsigned int i;

	for (i = 0; i < S3E_WC_NR; i++) {
		e = &s->wc->e[i];
		if (!e->valid)
			continue;
		if (e->state == S3E_CHK_CLEAN) {
			if (!wc_changed(s, e))
				continue;
			e->state = S3E_CHK_STALE;
			e->c4 = e->kind == S3E_TLB_S12 ||
				wc_table_sum(s, e, &e->sum);
		}
		if (!e->c4)
			wc_check_table(s, e);
	}
}

/* Queues: class 5 */

void s3e_chk_queue(struct s3e_smmu *s, unsigned int detail, s3e_u64 base,
		   s3e_u64 val)
{
	struct s3e_chk_report r = { 0 };

	r.cls = S3E_CHK_QUEUE;
	r.detail = detail;
	r.addr = base & Q_BASE_ADDR;
	r.value = val;
	r.sid = 0;
	r.ssid = S3E_NO_SSID;
	chk_report(s, &r);
}

void s3e_chk_sync(struct s3e_smmu *s)
{
	struct s3e_checker *k = s->chk;
	s3e_u32 i, armed = 0;
	int cfg_stale = 0, tlb_stale = 0;

	k->st.checks++;
	if (s->smmuen)
		live_check(s);
	else
		s3e_chk_reset(s);
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
	if (s->wc)
		wc_sync(s);
	if (s->l1c)
		l1c_sync(s);
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
