// SPDX-License-Identifier: GPL-2.0-only
/*
 * Translation of client transactions by the emulated SMMUv3, and its DMA
 * port.
 *
 * Order of the checks: SMMUEN = 0 -> GBPA (abort, or bypass); then the
 * decoded context of (StreamID, SubstreamID); then the TLB; then a walk.
 *
 * Decoded contexts: the configuration cache keeps raw STEs and CDs, which
 * would need decoding and validating on every transaction.  A small
 * direct-mapped cache (S3E_DCTX_NR slots, hashed on StreamID and
 * SubstreamID) keeps their decoded form instead: the kind of stream
 * (translate, bypass, abort, disabled), stage-1 and stage-2
 * configurations, the TLB tag, the fault-recording bits and the STE's
 * attribute overrides.  A slot is valid while its generation equals the
 * instance's, which every CFGI_* command, every CR0 change and reset bump:
 * the decoded contexts never outlive the configuration-cache entries they
 * come from.  Each context also remembers its last translation (input and
 * output page, size, permissions), valid while the TLB generation, bumped
 * by every TLBI_* command and reset, is unchanged; this is a one-entry
 * micro-TLB per context in front of the TLB, and what makes the common
 * case (consecutive accesses to one page) cost a hash, a few compares and
 * a permission check.
 *
 * Substreams (stage 1 enabled): a transaction with a SubstreamID needs
 * S1CDMax != 0 and SubstreamID < 2^S1CDMax, or it is C_BAD_SUBSTREAMID,
 * as is any SubstreamID on a stream without stage 1 (bypass, stage 2
 * only) (§7.3.9).  With S1DSS = 0b10 (CD 0 serves transactions without a
 * SubstreamID) SubstreamID 0 is F_STREAM_DISABLED (§5.2 S1DSS, §7.3.7).  A
 * transaction without a SubstreamID uses CD 0 when S1CDMax = 0; otherwise
 * S1DSS decides: terminate (0b00, and the reserved 0b11 which behaves so)
 * records F_STREAM_DISABLED, bypass skips stage 1, 0b10 uses CD 0.
 *
 * Address sizes (§3.4): with SMMUEN = 0 and GBPA bypass, an input address
 * beyond the OAS aborts without an event.  An STE bypass (Config = 0b100)
 * with one beyond the OAS, and a bypassed stage 1 (Config = 0b110, or
 * S1DSS = 0b01) with one beyond the IAS (= OAS), is a stage-1 F_ADDR_SIZE
 * of class IN, always recorded (no CD.R applies: §3.12, §7.3.14).
 *
 * Faults: translation-related faults (F_TRANSLATION, F_ADDR_SIZE,
 * F_ACCESS, F_PERMISSION) of a translating stage are recorded only when
 * CD.R (stage 1) or STE.S2R (stage 2) is set, and are otherwise terminated
 * silently; F_WALK_EABT and the configuration errors are always recorded
 * (C_BAD_STREAMID when CR2.RECINVSID is set).  The access attributes used
 * for permission checks and in the records are the transaction's
 * (SMMU_IDR1.ATTR_PERMS_OVR = 0: STE.PRIVCFG/INSTCFG are RES0); a write is
 * never an instruction fetch.
 *
 * Stalls (stall.c, on an instance with stall slots): a translation-
 * related fault of a stage configured to stall (CD.S with STE.S1STALLD =
 * 0, or STE.S2S) is recorded with Stall = 1 and a STAG, whatever CD.R /
 * STE.S2R say, and the transaction ends S3E_TXN_STALL (§3.12.2).  Faults
 * of CD fetches through stage 2 are configuration faults here and
 * terminate.
 *
 * Freestanding: no kernel or libc headers.
 */
#include "smmu-int.h"
#include "trace-int.h"

#define TXN_PAGE_SIZE	4096ULL

static inline unsigned int dctx_hash(s3e_u32 sid, s3e_u32 ssid)
{
	return ((sid * 0x9e3779b1U) ^ (ssid * 0x85ebca6bU)) >>
	       (32 - S3E_DCTX_LOG2);
}

static inline unsigned int eff_access(const struct s3e_dctx *c,
				      unsigned int access)
{
	access = (access & ~c->acc_clr) | c->acc_set;
	if (access & S3E_ACC_WRITE)
		access &= ~S3E_ACC_EXEC;
	return access;
}

/*
 * Top byte ignored: lookups and walks use the address with the top byte
 * replaced by the sign extension of bit 55 (the range select).
 */
static s3e_u64 tbi_canon(const struct s3e_dctx *c, s3e_u64 va)
{
	unsigned int upper = 0;

	if (!(c->s1.flags & S3E_S1_EL2))
		upper = (va >> 55) & 1;
	if (!(c->s1.tt[upper].flags & S3E_TT_TBI))
		return va;
	va &= (1ULL << 56) - 1;
	return upper ? va | (0xffULL << 56) : va;
}

static inline s3e_u64 ctx_input(const struct s3e_dctx *c, s3e_u64 iova)
{
	return c->flags & S3E_DCTX_TBI ? tbi_canon(c, iova) : iova;
}

/* ------------------------------------------------------------------ */

static void evt_build(const struct s3e_txn *t, unsigned int access,
		      const struct s3e_fault *f, s3e_u64 *e)
{
	e[0] = s3e_field_prep(EVT_0_TYPE, f->type) |
	       s3e_field_prep(EVT_0_SID, t->sid);
	if (f->type == EVT_C_BAD_SUBSTREAMID) {
		/*
		 * §7.3.9: no SSV qualifier, the SubstreamID is always valid:
		 * 0 for CD 0 of a transaction without one (S1DSS = 0b10).
		 */
		if (t->ssid != S3E_NO_SSID)
			e[0] |= s3e_field_prep(EVT_0_SSID, t->ssid);
	} else if (t->ssid != S3E_NO_SSID && f->type != EVT_F_STREAM_DISABLED) {
		/* §7.3.7: F_STREAM_DISABLED has no SubstreamID fields */
		e[0] |= EVT_0_SSV | s3e_field_prep(EVT_0_SSID, t->ssid);
	}
	e[1] = 0;
	e[2] = 0;
	e[3] = 0;

	switch (f->type) {
	case EVT_F_STE_FETCH:
	case EVT_F_CD_FETCH:
		e[3] = f->fetch_addr & EVT_3_FETCH_ADDR;
		return;
	case EVT_F_WALK_EABT:
	case EVT_F_TRANSLATION:
	case EVT_F_ADDR_SIZE:
	case EVT_F_ACCESS:
	case EVT_F_PERMISSION:
		break;
	default:
		return;
	}
	e[1] = (access & S3E_ACC_PRIV ? EVT_1_PNU : 0) |
	       (access & S3E_ACC_EXEC ? EVT_1_IND : 0) |
	       (access & S3E_ACC_WRITE ? 0 : EVT_1_RNW) |
	       s3e_field_prep(EVT_1_CLASS, f->fclass);
	if (f->stage == 2) {
		e[1] |= EVT_1_S2;
		if (f->fclass != EVT_CLASS_IN && !f->tt_write)
			e[1] |= EVT_1_TT_READ;
	}
	e[2] = t->iova;
	if (f->type == EVT_F_WALK_EABT)
		e[3] = f->fetch_addr & EVT_3_FETCH_ADDR;
	else if (f->stage == 2)
		e[3] = f->ipa & EVT_3_IPA;
}

/* Terminate @t with the event @f; record it unless suppressed */
static int txn_fault(struct s3e_smmu *s, const struct s3e_txn *t,
		     unsigned int access, const struct s3e_fault *f,
		     struct s3e_txn_result *r)
{
	s3e_u64 rec[EVTQ_ENT_DWORDS];

	s->stats.faults[f->type & (S3E_NR_EVENT_TYPES - 1)]++;
	r->status = S3E_TXN_FAULT;
	r->pa = 0;
	r->len = 0;
	r->event = f->type;
	r->recorded = 0;
	if (f->record) {
		evt_build(t, access, f, rec);
		r->recorded = s3e_evtq_record(s, rec);
		s3e_trace_event(s, rec, r->recorded);
	}
	return S3E_TXN_FAULT;
}

static int txn_abort(struct s3e_smmu *s, struct s3e_txn_result *r)
{
	s->stats.aborted++;
	r->status = S3E_TXN_ABORT;
	r->pa = 0;
	r->len = 0;
	r->event = 0;
	r->recorded = 0;
	return S3E_TXN_ABORT;
}

static int txn_bypass(struct s3e_smmu *s, s3e_u64 iova,
		      struct s3e_txn_result *r)
{
	s->stats.bypassed++;
	r->status = S3E_TXN_OK;
	r->pa = iova;
	/* The caller checked iova against the OAS */
	r->len = SMMU3_BIT(S3E_OAS_BITS) - iova;
	r->event = 0;
	r->recorded = 0;
	return S3E_TXN_OK;
}

/* ------------------------------------------------------------------ */

static int bad_substream(struct s3e_fault *f)
{
	return s3e_fault_set(f, EVT_C_BAD_SUBSTREAMID, 1);
}

/*
 * Decode the configuration of (t->sid, t->ssid) into @d.  Return 0, or the
 * event type of a configuration fault described in @f.
 */
static int dctx_build(struct s3e_smmu *s, const struct s3e_txn *t,
		      struct s3e_dctx *d, struct s3e_fault *f)
{
	int has_ssid = t->ssid != S3E_NO_SSID;
	struct s3e_ste ste;
	struct s3e_cd cd;
	unsigned int a;
	s3e_u32 idx = 0;
	int rc;

	d->acc_clr = 0;
	d->acc_set = 0;
	rc = s3e_ste_get(s, t->sid, &ste, f);
	if (rc)
		return rc;

	d->sid = t->sid;
	d->ssid = t->ssid;
	d->flags = 0;
	d->acc_clr = ste.acc_clr;
	d->acc_set = ste.acc_set;
	for (a = 0; a < 8; a++)
		d->need[a] = s3e_perm_needed(eff_access(d, a));
	d->s2_gshift = 12;
	d->tag.regime = S3E_TLB_NSEL1;
	d->tag.kind = S3E_TLB_S2;
	d->tag.vmid = ste.vmid;
	d->tag.asid = 0;
	/* A CD fetch through stage 2 may use the walk cache */
	if (s->wc)
		s3e_wc_begin(s, &d->tag, t->sid, t->ssid);

	switch (ste.config) {
	case STE_CONFIG_ABORT:
		d->kind = S3E_DCTX_ABORT;
		return 0;
	case STE_CONFIG_BYPASS:
		if (has_ssid)
			return bad_substream(f);
		d->kind = S3E_DCTX_BYPASS;
		return 0;
	}

	d->kind = S3E_DCTX_XLATE;
	if (ste.config & 2) {
		d->flags |= S3E_DCTX_S2 | (ste.s2r ? S3E_DCTX_REC_S2 : 0) |
			    (ste.s2s ? S3E_DCTX_STALL_S2 : 0);
		d->s2 = ste.s2;
		d->s2_gshift = ste.s2.tg == S2TG_4K ? 12 :
			       ste.s2.tg == S2TG_16K ? 14 : 16;
	}
	if (!(ste.config & 1)) {
		if (has_ssid)
			return bad_substream(f);
		return 0;
	}

	/* Stage 1: which CD, if any */
	if (has_ssid) {
		if (!ste.s1cdmax || (t->ssid >> ste.s1cdmax))
			return bad_substream(f);
		/* §5.2 S1DSS 0b10, §7.3.7: SubstreamID 0 is disabled */
		if (ste.s1dss == STE_S1DSS_SSID0 && !t->ssid) {
			d->kind = S3E_DCTX_DISABLED;
			return 0;
		}
		idx = t->ssid;
	} else if (ste.s1cdmax) {
		switch (ste.s1dss) {
		case STE_S1DSS_BYPASS:
			if (!(ste.config & 2))
				d->kind = S3E_DCTX_BYPASS;
			return 0;
		case STE_S1DSS_SSID0:
			break;
		default:
			d->kind = S3E_DCTX_DISABLED;
			return 0;
		}
	}

	rc = s3e_cd_get(s, t->sid, idx, &ste, &cd, f);
	if (rc)
		return rc;
	d->flags |= S3E_DCTX_S1 | (cd.r ? S3E_DCTX_REC_S1 : 0) |
		    (cd.tbi ? S3E_DCTX_TBI : 0) |
		    (cd.s ? S3E_DCTX_STALL_S1 : 0);
	d->s1 = cd.s1;
	d->tag.kind = ste.config & 2 ? S3E_TLB_S12 : S3E_TLB_S1;
	d->tag.asid = cd.asid;
	if (ste.strw == STE_STRW_EL2) {
		d->tag.vmid = 0;
		if (s->cr2 & CR2_E2H) {
			d->tag.regime = S3E_TLB_EL2_E2H;
		} else {
			d->tag.regime = S3E_TLB_EL2;
			d->tag.asid = 0;
		}
	}
	return 0;
}

/* The decoded context of @t, or NULL when its configuration faulted */
static struct s3e_dctx *dctx_get(struct s3e_smmu *s, const struct s3e_txn *t,
				 struct s3e_txn_result *r)
{
	struct s3e_dctx *c = &s->dctx[dctx_hash(t->sid, t->ssid)];
	struct s3e_fault f = { 0 };
	int rc;

	if (c->gen == s->cfg_gen && c->sid == t->sid && c->ssid == t->ssid &&
	    c->kind != S3E_DCTX_FREE) {
		s->stats.ctx_hits++;
		return c;
	}
	s->stats.ctx_misses++;
	/* Decoded in place: the slot is invalid until complete */
	c->gen = 0;
	c->u_gen = 0;
	c->kind = S3E_DCTX_FREE;
	rc = dctx_build(s, t, c, &f);
	s->wc_tag = S3E_NULL;
	if (rc) {
		c->kind = S3E_DCTX_FREE;
		txn_fault(s, t, eff_access(c, t->access & 7), &f, r);
		return S3E_NULL;
	}
	c->gen = s->cfg_gen;
	return c;
}

/* ------------------------------------------------------------------ */
/* Walk cache (strict mode): the walker's callbacks, see walkcache.h */

int s3e_wc_walk_find(void *ctx, unsigned int stage, unsigned int gshift,
		     unsigned int start, s3e_u64 ia, unsigned int *level,
		     s3e_u64 *desc, s3e_u64 *tbl)
{
	struct s3e_smmu *s = ctx;
	struct s3e_wc_entry *e;

	if (!s->wc_tag)
		return 0;
	e = s3e_wc_find(s->wc, s->wc_tag, stage, gshift, start, ia);
	if (!e)
		return 0;
	if (e->state == S3E_CHK_STALE && s->chk)
		s3e_chk_wc_hit(s, e, ia);
	s->stats.wc_hits++;
	*level = e->level;
	*desc = e->desc;
	*tbl = e->tbl;
	return 1;
}

void s3e_wc_walk_fill(void *ctx, unsigned int stage, unsigned int gshift,
		      unsigned int level, unsigned int shift, s3e_u64 ia,
		      s3e_u64 pa, s3e_u64 desc, s3e_u64 tbl)
{
	struct s3e_smmu *s = ctx;
	struct s3e_wc_entry *e;

	if (!s->wc_tag)
		return;
	e = s3e_wc_fill(s->wc, s->wc_tag, stage, gshift, level, shift, ia, pa,
			desc, tbl);
	e->sid = s->wc_sid;
	e->ssid = s->wc_ssid;
	s->stats.wc_fills++;
}

/* ------------------------------------------------------------------ */

static void utlb_fill(struct s3e_smmu *s, struct s3e_dctx *c, s3e_u64 va,
		      s3e_u64 oa, unsigned int shift, unsigned int perm)
{
	s3e_u64 mask = (1ULL << shift) - 1;

	c->u_va = va & ~mask;
	c->u_oa = oa & ~mask;
	c->u_mask = mask;
	c->u_perm = perm;
	c->u_gen = s->tlb_gen;
}

static int txn_ok(s3e_u64 pa, s3e_u64 mask, struct s3e_txn_result *r)
{
	r->status = S3E_TXN_OK;
	r->pa = pa;
	r->len = mask - (pa & mask) + 1;
	r->event = 0;
	r->recorded = 0;
	return S3E_TXN_OK;
}

/*
 * The stall model (stall.c): the transaction waits in a stall slot, its
 * fault always recorded with Stall = 1 and the STAG (§3.12.2, §7.3).
 * Without a free slot it is terminated as the terminate model would; if
 * the record cannot be written it is terminated (aborted) unrecorded.
 */
static noinline int
txn_stall(struct s3e_smmu *s, const struct s3e_txn *t, unsigned int access,
	  struct s3e_fault *f, struct s3e_txn_result *r)
{
	s3e_u64 rec[EVTQ_ENT_DWORDS];
	s3e_u32 stag;

	if (s3e_stall_begin(s, t->sid, t->ssid, &stag))
		return txn_fault(s, t, access, f, r);
	s->stats.faults[f->type & (S3E_NR_EVENT_TYPES - 1)]++;
	evt_build(t, access, f, rec);
	rec[1] |= EVT_1_STALL | s3e_field_prep(EVT_1_STAG, stag);
	r->pa = 0;
	r->len = 0;
	r->event = f->type;
	r->recorded = s3e_evtq_record(s, rec);
	s3e_trace_event(s, rec, r->recorded);
	if (!r->recorded) {
		s3e_stall_cancel(s, stag);
		r->status = S3E_TXN_FAULT;
		return S3E_TXN_FAULT;
	}
	s->stats.stalls++;
	r->status = S3E_TXN_STALL;
	r->stag = stag;
	return S3E_TXN_STALL;
}

/* Walk-fault recording rules: see the file comment */
static int walk_fault(struct s3e_smmu *s, const struct s3e_dctx *c,
		      const struct s3e_txn *t, unsigned int access,
		      const struct s3e_walk_result *res,
		      struct s3e_txn_result *r)
{
	unsigned int rec = res->stage == 2 ? S3E_DCTX_REC_S2 : S3E_DCTX_REC_S1;
	unsigned int stall = res->stage == 2 ? S3E_DCTX_STALL_S2 :
					       S3E_DCTX_STALL_S1;
	struct s3e_fault f;

	s3e_fault_set(&f, res->fault,
		      res->fault == EVT_F_WALK_EABT || (c->flags & rec));
	f.stage = res->stage;
	f.fclass = res->fclass;
	f.tt_write = res->tt_write;
	f.ipa = res->ipa;
	f.fetch_addr = res->fetch_addr;
	/*
	 * §3.12.2: a translation-related fault of a stage configured to
	 * stall (not an external abort of the walk) stalls.
	 */
	if ((c->flags & stall) && res->fault != EVT_F_WALK_EABT)
		return txn_stall(s, t, access, &f, r);
	return txn_fault(s, t, access, &f, r);
}

/* Strict mode only: kept out of line, off the default path */
static noinline int
fill_translation(struct s3e_smmu *s, const struct s3e_dctx *c, s3e_u32 sid,
		 s3e_u32 ssid, s3e_u64 va);

/*
 * The walk of a TLB miss (or of a hit the access is not permitted), and
 * the TLB fill.  @strict is a constant at each call site: the default
 * mode's walk has none of strict mode's code (walk cache, speculative
 * fill).
 */
static __always_inline int
xlate_walk(struct s3e_smmu *s, struct s3e_dctx *c, const struct s3e_txn *t,
	   unsigned int access, s3e_u64 va, struct s3e_txn_result *r,
	   const int strict)
{
	const struct s3e_tlb_entry *e;
	struct s3e_walk_result res;
	int rc;

	if (strict)
		s3e_wc_begin(s, &c->tag, t->sid, t->ssid);
	if (c->flags & S3E_DCTX_S1)
		rc = s3e_walk_s1(&s->walker, &c->s1,
				 c->flags & S3E_DCTX_S2 ? &c->s2 : S3E_NULL,
				 va, access, &res);
	else
		rc = s3e_walk_s2(&s->walker, &c->s2, va, access, &res);
	if (strict)
		s->wc_tag = S3E_NULL;
	s3e_trace_walk(s, t, c, va, &res);
	if (rc)
		return walk_fault(s, c, t, access, &res, r);

	e = s3e_tlb_insert(&s->tlb, &c->tag, va, &res, c->s2_gshift);
	if (e) {
		if (s->chk)
			s3e_chk_tlb_insert(s, e, &res, t->sid, t->ssid, &c->tag);
		utlb_fill(s, c, va, res.oa, res.size_shift,
			  res.s1_perm & res.s2_perm);
	}
	/*
	 * Strict mode: the next mapping too, speculatively (§3.21.1: valid
	 * translations may be cached at any time), so that a driver that
	 * changes it without a TLBI is caught when the stream gets there.
	 */
	if (strict && va + (1ULL << res.size_shift) > va)
		fill_translation(s, c, t->sid, t->ssid,
				 (va | ((1ULL << res.size_shift) - 1)) + 1);
	return txn_ok(res.oa, (1ULL << res.size_shift) - 1, r);
}

static noinline int
xlate_walk_strict(struct s3e_smmu *s, struct s3e_dctx *c,
		  const struct s3e_txn *t, unsigned int access, s3e_u64 va,
		  struct s3e_txn_result *r)
{
	return xlate_walk(s, c, t, access, va, r, 1);
}

static int xlate_ctx(struct s3e_smmu *s, struct s3e_dctx *c,
		     const struct s3e_txn *t, struct s3e_txn_result *r)
{
	unsigned int access = eff_access(c, t->access & 7);
	const struct s3e_tlb_entry *e;
	struct s3e_fault f;
	s3e_u64 va = ctx_input(c, t->iova);

	e = s3e_tlb_lookup(&s->tlb, &c->tag, va);
	if (e && !s3e_tlb_perm_denied(e, access)) {
		if (s->chk_armed)
			s3e_chk_tlb_hit(s, e);
		s->stats.tlb_answered++;
		utlb_fill(s, c, va, e->oa, e->size_shift,
			  e->s1_perm & e->s2_perm);
		return txn_ok(s3e_tlb_entry_oa(e, va),
			      (1ULL << e->size_shift) - 1, r);
	}

	/*
	 * A miss, or a hit that the access is not permitted: walk, which
	 * describes the fault exactly (or finds that the tables changed).
	 */
	s->stats.walks++;
	if (!(c->flags & S3E_DCTX_S1) && (va >> S3E_IAS_BITS)) {
		/*
		 * §3.4: stage 1 bypassed, the input address is the IPA, and
		 * one beyond the IAS is a stage-1 Address Size fault of class
		 * IN, before stage 2 is consulted; always recorded (§7.3.14:
		 * no CD, so no CD.R).
		 */
		s3e_fault_set(&f, EVT_F_ADDR_SIZE, 1);
		return txn_fault(s, t, access, &f, r);
	}
	if (s->wc)
		return xlate_walk_strict(s, c, t, access, va, r);
	return xlate_walk(s, c, t, access, va, r, 0);
}

/* ------------------------------------------------------------------ */
/*
 * Prefetch and speculative fills (strict mode).  Whatever they find
 * wrong (an invalid or illegal structure, a fault) is ignored and
 * recorded nowhere (§4.2); they only fill the caches, as a read by the
 * stream would.  They are not counted as translations or walks.
 */

/* Walk @va in context @c and cache the translation; 0 when cached */
static noinline int
fill_translation(struct s3e_smmu *s, const struct s3e_dctx *c, s3e_u32 sid,
		 s3e_u32 ssid, s3e_u64 va)
{
	const struct s3e_tlb_entry *e;
	struct s3e_walk_result res;
	int rc;

	if (!(c->flags & S3E_DCTX_S1) && (va >> S3E_IAS_BITS))
		return -1;
	s3e_wc_begin(s, &c->tag, sid, ssid);
	if (c->flags & S3E_DCTX_S1)
		rc = s3e_walk_s1(&s->walker, &c->s1,
				 c->flags & S3E_DCTX_S2 ? &c->s2 : S3E_NULL,
				 va, 0, &res);
	else
		rc = s3e_walk_s2(&s->walker, &c->s2, va, 0, &res);
	s->wc_tag = S3E_NULL;
	if (rc)
		return -1;
	e = s3e_tlb_insert(&s->tlb, &c->tag, va, &res, c->s2_gshift);
	if (!e)
		return -1;
	if (s->chk)
		s3e_chk_tlb_insert(s, e, &res, sid, ssid, &c->tag);
	s->stats.prefetched++;
	return 0;
}

/*
 * The configuration of (@sid, @ssid) into the configuration cache, and
 * when @n is not 0, the translations of @n addresses from @iova at a
 * stride of 2^@stride_shift bytes into the TLB.
 */
static void prefetch(struct s3e_smmu *s, s3e_u32 sid, s3e_u32 ssid,
		     s3e_u64 iova, unsigned int n, unsigned int stride_shift)
{
	struct s3e_txn t = { .sid = sid, .ssid = ssid, .iova = iova };
	struct s3e_fault f = { 0 };
	struct s3e_dctx d;
	s3e_u64 va;
	int rc;

	if (!s->smmuen)
		return;
	rc = dctx_build(s, &t, &d, &f);
	s->wc_tag = S3E_NULL;
	if (rc || d.kind != S3E_DCTX_XLATE)
		return;
	s->stats.prefetched++;
	va = ctx_input(&d, iova);
	for (; n; n--) {
		fill_translation(s, &d, sid, ssid, va);
		/* Stop at the top of the address space */
		if (va + (1ULL << stride_shift) < va)
			break;
		va += 1ULL << stride_shift;
	}
}

void s3e_prefetch_cmd(struct s3e_smmu *s, s3e_u64 cmd0, s3e_u64 cmd1)
{
	s3e_u32 sid = s3e_field_get(CMD_0_SID, cmd0);
	s3e_u32 ssid = cmd0 & CMD_0_SSV ? s3e_field_get(CMD_0_SSID, cmd0) :
					  S3E_NO_SSID;
	unsigned int size = s3e_field_get(CMD_PREFETCH_1_SIZE, cmd1);
	unsigned int stride = s3e_field_get(CMD_PREFETCH_1_STRIDE, cmd1);

	if (s3e_field_get(CMD_0_OP, cmd0) == CMD_OP_PREFETCH_CONFIG) {
		prefetch(s, sid, ssid, 0, 0, 12);
		return;
	}
	/*
	 * §4.2.2: 2^Size translations at a stride of 2^(12 + Stride) bytes
	 * (SMMUv3.2), limited to S3E_PREFETCH_MAX as the architecture lets
	 * an implementation limit them.
	 */
	prefetch(s, sid, ssid, cmd1 & CMD_PREFETCH_1_ADDR,
		 size >= 5 ? S3E_PREFETCH_MAX : 1U << size,
		 12 + (stride > 40 ? 40 : stride));
}

void s3e_spec_config(struct s3e_smmu *s, s3e_u32 sid, s3e_u32 ssid)
{
	prefetch(s, sid, ssid, 0, 0, 12);
}

/* ------------------------------------------------------------------ */

static int translate_slow(struct s3e_smmu *s, const struct s3e_txn *t,
			  struct s3e_txn_result *r)
{
	struct s3e_dctx *c;
	struct s3e_fault f;

	if (!s->smmuen) {
		/* §3.4: GBPA bypass beyond the OAS aborts, without an event */
		if ((s->gbpa & GBPA_ABORT) || (t->iova >> S3E_OAS_BITS))
			return txn_abort(s, r);
		return txn_bypass(s, t->iova, r);
	}

	c = dctx_get(s, t, r);
	if (!c)
		return r->status;
	switch (c->kind) {
	case S3E_DCTX_XLATE:
		return xlate_ctx(s, c, t, r);
	case S3E_DCTX_BYPASS:
		/*
		 * §3.4: STE bypass beyond the OAS, or S1DSS = 0b01 without
		 * stage 2 beyond the IAS (= OAS): a stage-1 F_ADDR_SIZE of
		 * class IN, always recorded.
		 */
		if (t->iova >> S3E_OAS_BITS) {
			s3e_fault_set(&f, EVT_F_ADDR_SIZE, 1);
			return txn_fault(s, t, eff_access(c, t->access & 7),
					 &f, r);
		}
		return txn_bypass(s, t->iova, r);
	case S3E_DCTX_DISABLED:
		s3e_fault_set(&f, EVT_F_STREAM_DISABLED, 1);
		return txn_fault(s, t, 0, &f, r);
	}
	return txn_abort(s, r);
}

static int xlate_inner(struct s3e_smmu *s, const struct s3e_txn *t,
		       struct s3e_txn_result *r)
{
	struct s3e_dctx *c;
	s3e_u64 va, off;

	s->stats.translations++;
	if (!s->smmuen)
		return translate_slow(s, t, r);
	c = &s->dctx[dctx_hash(t->sid, t->ssid)];
	if (c->gen != s->cfg_gen || c->sid != t->sid || c->ssid != t->ssid)
		return translate_slow(s, t, r);

	/* Fast path: the context's last translation */
	if (c->u_gen == s->tlb_gen) {
		va = ctx_input(c, t->iova);
		if ((va & ~c->u_mask) == c->u_va &&
		    (c->u_perm & c->need[t->access & 7])) {
			s->stats.utlb_hits++;
			off = va & c->u_mask;
			r->status = S3E_TXN_OK;
			r->pa = c->u_oa | off;
			r->len = c->u_mask - off + 1;
			r->event = 0;
			r->recorded = 0;
			return S3E_TXN_OK;
		}
	}
	if (c->kind == S3E_DCTX_XLATE) {
		s->stats.ctx_hits++;
		return xlate_ctx(s, c, t, r);
	}
	return translate_slow(s, t, r);
}

int s3e_smmu_translate(struct s3e_smmu *s, const struct s3e_txn *t,
		       struct s3e_txn_result *r)
{
	if (s3e_tracing(s))
		return s3e_trace_translate(s, t, r, xlate_inner);
	return xlate_inner(s, t, r);
}

unsigned long s3e_smmu_dma(struct s3e_smmu *s, const struct s3e_txn *t,
			   void *buf, unsigned long len,
			   struct s3e_txn_result *r)
{
	struct s3e_txn tx = *t;
	unsigned long done = 0;
	s3e_u64 chunk, page_left;
	unsigned char *p = buf;
	int rc;

	r->status = S3E_TXN_OK;
	r->pa = 0;
	r->len = 0;
	r->event = 0;
	r->recorded = 0;
	/* Each round moves at least one byte: bounded by @len */
	while (done < len) {
		tx.iova = t->iova + done;
		if (s3e_smmu_translate(s, &tx, r) != S3E_TXN_OK)
			break;
		/* Page by page, so that a hole in RAM stops at its page */
		chunk = len - done;
		if (chunk > r->len)
			chunk = r->len;
		page_left = TXN_PAGE_SIZE - (r->pa & (TXN_PAGE_SIZE - 1));
		if (chunk > page_left)
			chunk = page_left;
		if (t->access & S3E_ACC_WRITE)
			rc = s->host.write(s->host.ctx, r->pa, p + done, chunk);
		else
			rc = s->host.read(s->host.ctx, r->pa, p + done, chunk);
		if (rc) {
			txn_abort(s, r);
			break;
		}
		done += chunk;
	}
	return done;
}
