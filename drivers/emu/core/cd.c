// SPDX-License-Identifier: GPL-2.0-only
/*
 * Context descriptors of the emulated SMMUv3: locate, fetch, validate and
 * decode the CD that a transaction's StreamID and SubstreamID select.
 *
 * Location (the caller has already applied S1CDMax and S1DSS and passes
 * the CD index): with S1CDMax = 0, the single CD at S1ContextPtr.
 * Otherwise by STE.S1Fmt: linear, CD number index; two-level with 4KB
 * (64 CDs) or 64KB (1024 CDs) leaf tables, where level-1 descriptor
 * number index >> 6 or >> 10 gives L2Ptr; a level-1 descriptor with V = 0
 * is C_BAD_SUBSTREAMID, and so is an L2Ptr beyond the OAS (or the IAS with
 * stage 2) (§3.4.3, §7.3.9).  With stage 2 enabled every one of these
 * addresses is an IPA translated through stage 2 (a read): a fault there
 * is a stage-2 fault of class CD on that IPA, recorded according to
 * STE.S2R like any translation-related stage-2 fault (F_WALK_EABT always);
 * with STE.S2PTW, an IPA mapped as Device is a stage-2 permission fault
 * (§5.2 S2PTW).  A descriptor that cannot be read is F_CD_FETCH with its
 * physical address.
 *
 * Validation (C_BAD_CD), as CdIllegal() of §5.4: V = 0; AA64 = 0 (AArch32
 * tables are not implemented); ENDI = 1 while a range is in use
 * (little-endian tables only); S = 1 without the stall model, or with
 * STE.S1STALLD = 1; A = 0 (SMMU_IDR0.TERM_MODEL = 1: terminated
 * transactions always abort); HA or HD = 1 with SMMU_IDR0.HTTU = 0b00, HD
 * = 1 with HTTU = 0b01; for each range in use (TTB0, and TTB1 except in
 * the EL2 regime without E2H) whose walks are not disabled by EPDx: a
 * reserved TGx, TxSZ outside 16..48 (16..47 with 64KB pages; small
 * translation tables are implemented), or TTBx beyond the effective IPS.
 * EPD0 and EPD1 are IGNORED (0) for an EL2 stream without E2H (§5.4
 * EPD0).  IPS = 0b111 is reserved and behaves as 52 bits, capped to the
 * OAS like any IPS.  HA and HD are honoured ({HD, HA} = 0b10 updates
 * nothing).

 * Freestanding: no kernel or libc headers.
 */
#include "smmu-int.h"
#include "trace-int.h"

#define TT_MIN_TSZ		16
#define TT_MAX_TSZ_STT_4K16K	48
#define TT_MAX_TSZ_STT_64K	47

#define CD_L2_SPLIT_4K		6	/* 4KB leaf table: 64 CDs */
#define CD_L2_SPLIT_64K		10	/* 64KB leaf table: 1024 CDs */

/* CD.TG1 encoding to the CD.TG0 one the walker takes (3 is reserved) */
static const s3e_u8 tg1_to_tg0[4] = {
	3, CD_TG0_16K, CD_TG0_4K, CD_TG0_64K,
};

static int tt_valid(const struct s3e_s1_tt *tt, unsigned int ips_bits)
{
	unsigned int max;

	if (tt->flags & S3E_TT_EPD)
		return 1;
	if (tt->tg > CD_TG0_16K)
		return 0;
	max = tt->tg == CD_TG0_64K ? TT_MAX_TSZ_STT_64K : TT_MAX_TSZ_STT_4K16K;
	if (tt->tsz < TT_MIN_TSZ || tt->tsz > max)
		return 0;
	/* §3.4, §5.4 TTB0/TTB1: beyond the effective IPS is ILLEGAL */
	return !(tt->ttb >> ips_bits);
}

/*
 * §5.4 IR0, OR0 (IR1, OR1), §3.15: a hardware update through table walks
 * that are not Write-back cacheable (0b00 Non-cacheable, 0b10
 * Write-through) is IMPLEMENTATION DEFINED: atomic, not atomic, or an
 * F_WALK_EABT.  The model's memory is coherent, so by default the update
 * is atomic; strict mode takes the F_WALK_EABT, which shows a driver that
 * enables HTTU on tables it does not walk cacheably.
 */
static s3e_u8 tt_noatomic(const struct s3e_smmu *s, s3e_u64 w0, s3e_u64 ir,
			  s3e_u64 or)
{
	if (!s->cfg.strict || !(w0 & CD_0_HA))
		return 0;
	if ((s3e_field_get(ir, w0) & 1) && (s3e_field_get(or, w0) & 1))
		return 0;
	return S3E_TT_NOATOMIC;
}

int s3e_cd_decode(const struct s3e_smmu *s, const s3e_u64 *raw, int el2,
		  struct s3e_cd *cd)
{
	s3e_u64 w0 = raw[0];
	struct s3e_s1_tt *tt0 = &cd->s1.tt[0], *tt1 = &cd->s1.tt[1];
	unsigned int ips_bits;

	if (!(w0 & CD_0_V) || !(w0 & CD_0_AA64) || !(w0 & CD_0_A))
		return -1;
	/* §5.4 S: ILLEGAL when SMMU_IDR0.STALL_MODEL = 0b01 (no stalls) */
	if ((w0 & CD_0_S) && !s->stall)
		return -1;
	/* §5.4 CdIllegal(): CD.S = 0 is ILLEGAL when stalls are forced */
	if (!(w0 & CD_0_S) && s->cfg.stall_forced)
		return -1;
	/* §5.4 HA, HD, CdIllegal(): ILLEGAL beyond SMMU_IDR0.HTTU */
	if ((w0 & (CD_0_HA | CD_0_HD)) && s->cfg.httu == S3E_HTTU_NONE)
		return -1;
	if ((w0 & CD_0_HD) && s->cfg.httu < S3E_HTTU_AF_DIRTY)
		return -1;
	/* §5.4 IPS: 0b111 behaves as 0b110; the effective IPS is capped */
	cd->s1.ips = s3e_field_get(CD_0_IPS, w0);
	ips_bits = s3e_eff_ps(cd->s1.ips);

	/* The TTBx fields with their RES0 bits [55:52] (§5.4 TTB0) */
	tt0->ttb = raw[1] & SMMU3_GENMASK(55, 4);
	tt0->tsz = s3e_field_get(CD_0_T0SZ, w0);
	tt0->tg = s3e_field_get(CD_0_TG0, w0);
	/* §5.4 EPD0: IGNORED (0) for an EL2 stream without E2H */
	tt0->flags = (w0 & CD_0_EPD0 && !el2 ? S3E_TT_EPD : 0) |
		     (w0 & CD_0_TBI0 ? S3E_TT_TBI : 0) |
		     tt_noatomic(s, w0, CD_0_IR0, CD_0_OR0);
	if (!tt_valid(tt0, ips_bits))
		return -1;
	cd->tbi = !!(tt0->flags & S3E_TT_TBI);

	tt1->ttb = raw[2] & SMMU3_GENMASK(55, 4);
	tt1->tsz = s3e_field_get(CD_0_T1SZ, w0);
	tt1->tg = tg1_to_tg0[s3e_field_get(CD_0_TG1, w0)];
	if (el2) {
		/* One range: TTB1 and its controls are not used */
		tt1->flags = S3E_TT_EPD;
	} else {
		tt1->flags = (w0 & CD_0_EPD1 ? S3E_TT_EPD : 0) |
			     (w0 & CD_0_TBI1 ? S3E_TT_TBI : 0) |
			     tt_noatomic(s, w0, CD_0_IR1, CD_0_OR1);
		if (!tt_valid(tt1, ips_bits))
			return -1;
		cd->tbi |= !!(tt1->flags & S3E_TT_TBI);
	}
	/* §5.4 CdIllegal: ENDI is IGNORED when neither range walks */
	if ((w0 & CD_0_ENDI) &&
	    !((tt0->flags & S3E_TT_EPD) && (tt1->flags & S3E_TT_EPD)))
		return -1;

	/*
	 * §5.4 HA, HD: {HD, HA} = 0b11 updates the access flag and the
	 * dirty state; 0b10 is reserved and behaves as 0b00 (no update).
	 */
	cd->s1.flags = (w0 & CD_0_HA ? S3E_S1_HA : 0) |
		       ((w0 & CD_0_HA) && (w0 & CD_0_HD) ? S3E_S1_HD : 0) |
		       (w0 & CD_0_AFFD ? S3E_S1_AFFD : 0) |
		       (w0 & CD_0_WXN ? S3E_S1_WXN : 0) |
		       (w0 & CD_0_PAN ? S3E_S1_PAN : 0) |
		       (el2 ? S3E_S1_EL2 : 0);
	cd->asid = s3e_field_get(CD_0_ASID, w0);
	cd->r = !!(w0 & CD_0_R);
	cd->s = !!(w0 & CD_0_S);
	return 0;
}

/* Physical address of a CD table structure: through stage 2 if enabled */
static int cd_pa(struct s3e_smmu *s, const struct s3e_ste *ste, s3e_u64 addr,
		 s3e_u64 *pa, struct s3e_fault *f)
{
	struct s3e_walk_result res;

	if (!(ste->config & 2)) {
		*pa = addr;
		return 0;
	}
	if (!s3e_walk_s2(&s->walker, &ste->s2, addr, 0, &res)) {
		/*
		 * §5.2 S2PTW: a CD or L1CD fetch from an IPA that stage 2
		 * maps as any Device type is a stage-2 permission fault.
		 */
		if (!(ste->s2.flags & S3E_S2_PTW) ||
		    (s3e_field_get(TTD_S2_MEMATTR, res.s2_desc) & 0xc)) {
			*pa = res.oa;
			return 0;
		}
		res.fault = EVT_F_PERMISSION;
	}
	s3e_fault_set(f, res.fault, res.fault == EVT_F_WALK_EABT || ste->s2r);
	f->stage = 2;
	f->fclass = EVT_CLASS_CD;
	f->ipa = addr;
	f->fetch_addr = res.fetch_addr;
	return res.fault;
}

static int cd_fetch_fault(struct s3e_fault *f, s3e_u64 pa)
{
	f->fetch_addr = pa;
	return s3e_fault_set(f, EVT_F_CD_FETCH, 1);
}

/*
 * The L1CD at @addr locating CD @idx of @sid.  Strict mode may have it
 * cached (l1cache.h), valid or not; an L1CD read through stage 2 is not
 * cached (a choice: the cache is keyed by the address it was read from).
 */
static int l1cd_get(struct s3e_smmu *s, const struct s3e_ste *ste, s3e_u32 sid,
		    s3e_u32 idx, unsigned int split, s3e_u64 addr, s3e_u64 *l1,
		    struct s3e_fault *f)
{
	int cache = s->l1c && !(ste->config & 2);
	struct s3e_l1c_entry *e = S3E_NULL;
	s3e_u64 pa;
	int rc;

	if (cache)
		e = s3e_l1c_lookup(s->l1c, S3E_L1C_CD, sid, idx, split, addr);
	if (e) {
		if (e->state == S3E_CHK_STALE && s->chk)
			s3e_chk_l1c_hit(s, e, sid, idx);
		*l1 = e->desc;
		return 0;
	}
	rc = cd_pa(s, ste, addr, &pa, f);
	if (rc)
		return rc;
	if (s3e_host_read64s(s, pa, l1, 1))
		return cd_fetch_fault(f, pa);
	if (cache)
		s3e_l1c_insert(s->l1c, S3E_L1C_CD, sid, idx, split, pa, *l1);
	return 0;
}

static int cd_fetch(struct s3e_smmu *s, const struct s3e_ste *ste,
		    s3e_u32 sid, s3e_u32 idx, s3e_u64 *buf,
		    struct s3e_fault *f)
{
	s3e_u64 addr = ste->ctxptr, pa, l1;
	unsigned int split;
	int rc;

	if (ste->s1cdmax && ste->s1fmt != STE_S1FMT_LINEAR) {
		split = ste->s1fmt == STE_S1FMT_2LVL_4K ? CD_L2_SPLIT_4K :
							  CD_L2_SPLIT_64K;
		addr += (s3e_u64)(idx >> split) << 3;
		rc = l1cd_get(s, ste, sid, idx, split, addr, &l1, f);
		if (rc)
			return rc;
		/*
		 * §7.3.9, §3.4.3: an invalid L1CD, or an L2Ptr beyond the OAS
		 * (IAS with stage 2: CONSTRAINED UNPREDICTABLE, this choice),
		 * bits [55:52] of the field included.
		 */
		if (!(l1 & CD_L1_DESC_V) ||
		    (l1 & SMMU3_GENMASK(55, S3E_OAS_BITS)))
			return s3e_fault_set(f, EVT_C_BAD_SUBSTREAMID, 1);
		addr = (l1 & CD_L1_DESC_L2PTR) +
		       (s3e_u64)(idx & ((1U << split) - 1)) * CD_SIZE;
	} else {
		addr += (s3e_u64)idx * CD_SIZE;
	}
	rc = cd_pa(s, ste, addr, &pa, f);
	if (rc)
		return rc;
	if (s3e_host_read64s(s, pa, buf, CD_DWORDS))
		return cd_fetch_fault(f, pa);
	s->fetch_pa = pa;
	return 0;
}

int s3e_cd_get(struct s3e_smmu *s, s3e_u32 sid, s3e_u32 idx,
	       const struct s3e_ste *ste, struct s3e_cd *cd,
	       struct s3e_fault *f)
{
	const s3e_u64 *raw = s3e_cfgc_lookup_cd(&s->cfgc, sid, idx);
	int el2 = ste->strw == STE_STRW_EL2 && !(s->cr2 & CR2_E2H);
	s3e_u64 buf[CD_DWORDS];
	int rc;

	if (!raw) {
		rc = cd_fetch(s, ste, sid, idx, buf, f);
		if (rc)
			return rc;
		raw = buf;
	}
	/* §5.4 CdIllegal(): CD.S = 1 while STE.S1STALLD = 1 is ILLEGAL */
	if (s3e_cd_decode(s, raw, el2, cd) || (cd->s && ste->s1stalld))
		return s3e_fault_set(f, EVT_C_BAD_CD, 1);
	s3e_trace_cfg(s, sid, idx, raw, raw == buf);
	if (raw != buf) {
		if (s->chk)
			s3e_chk_cfg_hit(s, raw);
	} else if (s->chk) {
		s3e_chk_cfg_insert(s, s3e_cfgc_insert_cd(&s->cfgc, sid, idx,
							 buf), s->fetch_pa);
	} else {
		s3e_cfgc_insert_cd(&s->cfgc, sid, idx, buf);
	}
	return 0;
}
