// SPDX-License-Identifier: GPL-2.0-only
/*
 * Stream table of the emulated SMMUv3: locate, fetch, validate and decode
 * the STE of a StreamID.
 *
 * Lookup: a StreamID at or above 2^min(STRTAB_BASE_CFG.LOG2SIZE,
 * IDR1.SIDSIZE) is C_BAD_STREAMID.  Linear format: STE number StreamID
 * from STRTAB_BASE.  Two-level format: level-1 descriptor number
 * StreamID >> SPLIT; its Span covers 2^(Span - 1) STEs from L2Ptr; Span = 0
 * (invalid), a Span above SPLIT + 1 (reserved) or a StreamID beyond the
 * span is C_BAD_STREAMID.  SPLIT values other than 6, 8 and 10 are taken
 * as the next lower legal value (6 at least).  A reserved FMT is taken as
 * linear.  Whether C_BAD_STREAMID is recorded is CR2.RECINVSID's choice.
 * Any descriptor that cannot be read is F_STE_FETCH with its address.
 *
 * Validation (C_BAD_STE): V = 0; a reserved Config (1..3); a stage that is
 * not implemented; with stage 1: S1CDMax above IDR1.SSIDSIZE, S1Fmt = 3
 * with substreams, S1STALLD = 1 (ILLEGAL without the stall model), a
 * reserved StreamWorld (1, 3) or EL2 without IDR0.HYP (StreamWorld is
 * only used for stage-1-only streams); with stage 2: S2AA64 = 0
 * (AArch32 tables not implemented), S2ENDI = 1 (little-endian tables
 * only), S2S = 1 (no stall model), the reserved S2TG or S2PS values, and
 * an S2T0SZ/S2SL0/S2TG combination the walker cannot start (the same
 * rules as walk.c).
 *
 * Freestanding: no kernel or libc headers.
 */
#include "smmu-int.h"
#include "trace-int.h"

#define TT_MIN_TSZ		16
#define TT_MAX_TSZ_STT_4K16K	48
#define TT_MAX_TSZ_STT_64K	47
#define TT_MAX_CONCAT_BITS	4

int s3e_host_read64s(struct s3e_smmu *s, s3e_u64 pa, s3e_u64 *buf,
		     unsigned int n)
{
	unsigned int i;

	if (s->host.read(s->host.ctx, pa, buf, (unsigned long)n * 8))
		return -1;
	for (i = 0; i < n; i++)
		buf[i] = s3e_le64(buf[i]);
	return 0;
}

static int bad_sid(const struct s3e_smmu *s, struct s3e_fault *f)
{
	return s3e_fault_set(f, EVT_C_BAD_STREAMID, !!(s->cr2 & CR2_RECINVSID));
}

static int fetch_fault(struct s3e_fault *f, s3e_u64 addr)
{
	f->fetch_addr = addr;
	return s3e_fault_set(f, EVT_F_STE_FETCH, 1);
}

static int strtab_fetch(struct s3e_smmu *s, s3e_u32 sid, s3e_u64 *ste,
			struct s3e_fault *f)
{
	s3e_u32 cfg = s->strtab_base_cfg;
	unsigned int log2 = s3e_field_get(STRTAB_BASE_CFG_LOG2SIZE, cfg);
	unsigned int split, span;
	s3e_u64 base = s->strtab_base & STRTAB_BASE_ADDR, addr, l1;
	s3e_u32 idx;

	if (log2 > s->cfg.sid_bits)
		log2 = s->cfg.sid_bits;
	if ((s3e_u64)sid >> log2)
		return bad_sid(s, f);

	if (s3e_field_get(STRTAB_BASE_CFG_FMT, cfg) ==
	    STRTAB_BASE_CFG_FMT_2LVL) {
		split = s3e_field_get(STRTAB_BASE_CFG_SPLIT, cfg);
		if (split < 6)
			split = 6;
		else if (split > 10)
			split = 10;
		else
			split &= ~1U;
		addr = base + ((s3e_u64)(sid >> split) << 3);
		if (s3e_host_read64s(s, addr, &l1, 1))
			return fetch_fault(f, addr);
		span = s3e_field_get(STRTAB_L1_DESC_SPAN, l1);
		idx = sid & ((1U << split) - 1);
		if (!span || span > split + 1 || (idx >> (span - 1)))
			return bad_sid(s, f);
		addr = (l1 & STRTAB_L1_DESC_L2PTR) + (s3e_u64)idx * STE_SIZE;
	} else {
		addr = base + (s3e_u64)sid * STE_SIZE;
	}
	if (s3e_host_read64s(s, addr, ste, STE_DWORDS))
		return fetch_fault(f, addr);
	return 0;
}

int s3e_s2_cfg_valid(const struct s3e_smmu *s, const struct s3e_s2_cfg *c)
{
	unsigned int oas = s->walker.oas, gshift, start, stride, levels;
	unsigned int smin, ias, max_tsz;

	if (c->ps > PS_52)
		return 0;
	switch (c->tg) {
	case S2TG_4K:
		gshift = 12;
		/* SL0 = 3 starts at level 3: small translation tables */
		start = c->sl0 == 3 ? 3 : 2 - c->sl0;
		if (c->sl0 == 2 && oas < 44)
			return 0;
		break;
	case S2TG_16K:
		gshift = 14;
		if (c->sl0 > 2 || (c->sl0 == 2 && oas < 42))
			return 0;
		start = 3 - c->sl0;
		break;
	case S2TG_64K:
		gshift = 16;
		if (c->sl0 > 2 || (c->sl0 == 2 && oas < 44))
			return 0;
		start = 3 - c->sl0;
		break;
	default:
		return 0;
	}
	max_tsz = gshift == 16 ? TT_MAX_TSZ_STT_64K : TT_MAX_TSZ_STT_4K16K;
	if (c->t0sz < 64 - oas || c->t0sz < TT_MIN_TSZ || c->t0sz > max_tsz)
		return 0;
	stride = gshift - 3;
	levels = 3 - start;
	smin = levels * stride + gshift + 1;
	ias = 64 - c->t0sz;
	return ias >= smin && ias <= smin + stride - 1 + TT_MAX_CONCAT_BITS;
}

int s3e_ste_decode(const struct s3e_smmu *s, const s3e_u64 *raw,
		   struct s3e_ste *ste)
{
	s3e_u64 w0 = raw[0], w1 = raw[1], w2 = raw[2];
	unsigned int config, v;

	if (!(w0 & STE_0_V))
		return -1;
	config = s3e_field_get(STE_0_CONFIG, w0);
	*ste = (struct s3e_ste) {
		.config = config,
		.strw = STE_STRW_NSEL1,
	};
	if (config == STE_CONFIG_ABORT || config == STE_CONFIG_BYPASS)
		return 0;
	if (config < STE_CONFIG_BYPASS)
		return -1;
	if ((config & 1) && !s3e_has_s1(s))
		return -1;
	if ((config & 2) && !s3e_has_s2(s))
		return -1;

	/* Overrides of the incoming privilege and instruction attributes */
	v = s3e_field_get(STE_1_PRIVCFG, w1);
	if (v == 2)
		ste->acc_clr |= S3E_ACC_PRIV;
	else if (v == 3)
		ste->acc_set |= S3E_ACC_PRIV;
	v = s3e_field_get(STE_1_INSTCFG, w1);
	if (v == 2)
		ste->acc_clr |= S3E_ACC_EXEC;
	else if (v == 3)
		ste->acc_set |= S3E_ACC_EXEC;

	ste->vmid = s3e_has_s2(s) ? s3e_field_get(STE_2_S2VMID, w2) : 0;

	if (config & 1) {
		ste->ctxptr = w0 & STE_0_S1CONTEXTPTR;
		ste->s1cdmax = s3e_field_get(STE_0_S1CDMAX, w0);
		ste->s1fmt = s3e_field_get(STE_0_S1FMT, w0);
		ste->s1dss = s3e_field_get(STE_1_S1DSS, w1);
		if (ste->s1cdmax > s->cfg.ssid_bits)
			return -1;
		if (ste->s1cdmax && ste->s1fmt > STE_S1FMT_2LVL_64K)
			return -1;
		if (w1 & STE_1_S1STALLD)
			return -1;
		if (config == STE_CONFIG_S1) {
			v = s3e_field_get(STE_1_STRW, w1);
			if (v != STE_STRW_NSEL1 && v != STE_STRW_EL2)
				return -1;
			if (v == STE_STRW_EL2 && !(s->idr[0] & IDR0_HYP))
				return -1;
			ste->strw = v;
		}
	}

	if (config & 2) {
		if (!(w2 & STE_2_S2AA64) || (w2 & (STE_2_S2ENDI | STE_2_S2S)))
			return -1;
		ste->s2.ttb = raw[3] & STE_3_S2TTB;
		ste->s2.t0sz = s3e_field_get(STE_2_S2T0SZ, w2);
		ste->s2.sl0 = s3e_field_get(STE_2_S2SL0, w2);
		ste->s2.tg = s3e_field_get(STE_2_S2TG, w2);
		ste->s2.ps = s3e_field_get(STE_2_S2PS, w2);
		ste->s2.flags = (w2 & STE_2_S2HA ? S3E_S2_HA : 0) |
				(w2 & STE_2_S2AFFD ? S3E_S2_AFFD : 0) |
				(w2 & STE_2_S2PTW ? S3E_S2_PTW : 0);
		if (!s3e_s2_cfg_valid(s, &ste->s2))
			return -1;
		ste->s2r = !!(w2 & STE_2_S2R);
	}
	return 0;
}

int s3e_ste_get(struct s3e_smmu *s, s3e_u32 sid, struct s3e_ste *ste,
		struct s3e_fault *f)
{
	const s3e_u64 *raw = s3e_cfgc_lookup_ste(&s->cfgc, sid);
	s3e_u64 buf[STE_DWORDS];
	int rc;

	if (!raw) {
		rc = strtab_fetch(s, sid, buf, f);
		if (rc)
			return rc;
		raw = buf;
	}
	if (s3e_ste_decode(s, raw, ste))
		return s3e_fault_set(f, EVT_C_BAD_STE, 1);
	s3e_trace_cfg(s, sid, S3E_NO_SSID, raw, raw == buf);
	if (raw == buf)
		s3e_cfgc_insert_ste(&s->cfgc, sid, buf);
	return 0;
}
