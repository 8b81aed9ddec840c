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
 * span is C_BAD_STREAMID.  SPLIT values other than 6, 8 and 10 behave as
 * 6, a reserved FMT as linear (§6.3.25).  The base address is aligned to
 * the table size (linear) or to the level-1 table size, 64 bytes at least
 * (§6.3.24).  Whether C_BAD_STREAMID is recorded is CR2.RECINVSID's choice.
 * Any descriptor that cannot be read is F_STE_FETCH with its address.
 *
 * Validation (C_BAD_STE), as SteIllegal() of §5.2.2: V = 0; a stage that
 * is not implemented; with stage 1: S1CDMax above IDR1.SSIDSIZE (when
 * SSIDSIZE != 0), S1STALLD = 1 without the stall model, a
 * reserved StreamWorld (0bx1) when STRW is used, S1ContextPtr out of
 * range; with stage 2: S2AA64 = 0 (AArch32 tables not implemented),
 * S2ENDI = 1 (little-endian tables only), S2S = 1 without the stall
 * model, S2HA or S2HD = 1 with SMMU_IDR0.HTTU = 0b00, S2HD = 1 with
 * HTTU = 0b01, the reserved S2TG, S2TTB beyond the effective S2PS, and
 * an S2T0SZ/S2SL0/S2TG combination the walker cannot start (the same
 * rules as walk.c).  What is not ILLEGAL: a reserved Config (0b001..0b011)
 * behaves as abort, S1Fmt = 0b11 as linear, S2PS = 0b111 as 52 bits, and
 * STRW is RES0 without SMMU_IDR0.Hyp.  PRIVCFG and INSTCFG are RES0
 * (SMMU_IDR1.ATTR_PERMS_OVR = 0): the incoming attributes are used.
 *
 * Freestanding: no kernel or libc headers.
 */
#include "smmu-int.h"
#include "trace-int.h"

#define TT_MIN_TSZ		16
#define TT_MAX_TSZ_STT_4K16K	48
#define TT_MAX_TSZ_STT_64K	47
#define TT_MAX_CONCAT_BITS	4

/* Bits of a PS/IPS encoding; the reserved 0b111 behaves as 0b110 (§5.2) */
static const s3e_u8 ps_bits[8] = { 32, 36, 40, 42, 44, 48, 52, 52 };

unsigned int s3e_eff_ps(unsigned int ps)
{
	unsigned int bits = ps_bits[ps & 7];

	/* §5.2 S2PS, §5.4 IPS: capped to the OAS */
	return bits > S3E_OAS_BITS ? S3E_OAS_BITS : bits;
}

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

/* Low bits that an alignment to 2^@log2 bytes (64 at least) clears */
static s3e_u64 align_mask(unsigned int log2)
{
	if (log2 < 6)
		log2 = 6;
	return log2 >= 63 ? ~0ULL : SMMU3_BIT(log2) - 1;
}

/*
 * The level-1 descriptor at @addr locating @sid: strict mode may have it
 * cached (l1cache.h), valid or not; otherwise it is read (and cached).
 */
static int l1std_get(struct s3e_smmu *s, s3e_u32 sid, unsigned int split,
		     s3e_u64 addr, int cache, s3e_u64 *l1)
{
	struct s3e_l1c_entry *e = S3E_NULL;

	if (cache && s->l1c)
		e = s3e_l1c_lookup(s->l1c, S3E_L1C_STD, sid, 0, split, addr);
	if (e) {
		if (e->state == S3E_CHK_STALE && s->chk)
			s3e_chk_l1c_hit(s, e, sid, S3E_NO_SSID);
		*l1 = e->desc;
		return 0;
	}
	if (s3e_host_read64s(s, addr, l1, 1))
		return -1;
	if (cache && s->l1c)
		s3e_l1c_insert(s->l1c, S3E_L1C_STD, sid, 0, split, addr, *l1);
	return 0;
}

/*
 * Fetch the STE of @sid into @ste; @cache: through the level-1 descriptor
 * cache, as a transaction does (not for an inspection of memory).
 */
static int strtab_fetch(struct s3e_smmu *s, s3e_u32 sid, s3e_u64 *ste,
			struct s3e_fault *f, int cache)
{
	s3e_u32 cfg = s->strtab_base_cfg;
	unsigned int log2 = s3e_field_get(STRTAB_BASE_CFG_LOG2SIZE, cfg);
	unsigned int split, span;
	s3e_u64 base = s->strtab_base & STRTAB_BASE_ADDR, addr, l1;
	s3e_u32 idx;

	if (s3e_field_get(STRTAB_BASE_CFG_FMT, cfg) ==
	    STRTAB_BASE_CFG_FMT_2LVL) {
		split = s3e_field_get(STRTAB_BASE_CFG_SPLIT, cfg);
		/* §6.3.25 SPLIT: reserved values behave as 6 */
		if (split != 6 && split != 8 && split != 10)
			split = 6;
		/*
		 * §6.3.24: the base is aligned to the level-1 table size
		 * (from the literal LOG2SIZE), 64 bytes at least
		 */
		base &= ~(align_mask(log2 > split ? log2 - split + 3 : 0));
	} else {
		/* §6.3.24: a linear table is aligned to its size */
		base &= ~(align_mask(log2 + 6));
		split = 0;
	}
	if (log2 > s->cfg.sid_bits)
		log2 = s->cfg.sid_bits;
	if ((s3e_u64)sid >> log2)
		return bad_sid(s, f);

	if (split) {
		addr = base + ((s3e_u64)(sid >> split) << 3);
		if (l1std_get(s, sid, split, addr, cache, &l1))
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
	s->fetch_pa = addr;
	return 0;
}

int s3e_s2_cfg_valid(const struct s3e_smmu *s, const struct s3e_s2_cfg *c)
{
	unsigned int oas = s->walker.oas, gshift, start, stride, levels;
	unsigned int smin, ias, max_tsz;

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
	/* §5.2 Config: 0b0xx is reserved and behaves as 0b000 (abort) */
	if (config < STE_CONFIG_BYPASS) {
		ste->config = STE_CONFIG_ABORT;
		return 0;
	}
	if (config == STE_CONFIG_BYPASS)
		return 0;
	/* §5.2.2: a stage that is not implemented */
	if ((config & 1) && !s3e_has_s1(s))
		return -1;
	if ((config & 2) && !s3e_has_s2(s))
		return -1;

	/*
	 * §5.2 PRIVCFG, INSTCFG: RES0 with SMMU_IDR1.ATTR_PERMS_OVR = 0, the
	 * incoming attributes are used (acc_clr/acc_set stay 0).
	 */
	ste->vmid = s3e_has_s2(s) ? s3e_field_get(STE_2_S2VMID, w2) : 0;

	if (config & 1) {
		ste->ctxptr = w0 & STE_0_S1CONTEXTPTR;
		/* §5.2 S1CDMax, S1DSS: IGNORED when SSIDSIZE = 0 */
		if (s->cfg.ssid_bits)
			ste->s1cdmax = s3e_field_get(STE_0_S1CDMAX, w0);
		ste->s1fmt = s3e_field_get(STE_0_S1FMT, w0);
		/* §5.2 S1Fmt: 0b11 is reserved and behaves as 0b00 */
		if (ste->s1fmt > STE_S1FMT_2LVL_64K)
			ste->s1fmt = STE_S1FMT_LINEAR;
		ste->s1dss = s3e_field_get(STE_1_S1DSS, w1);
		if (ste->s1cdmax > s->cfg.ssid_bits)
			return -1;
		/* §5.5: S1STALLD = 1 is ILLEGAL unless STALL_MODEL = 0b00 */
		if ((w1 & STE_1_S1STALLD) && (!s->stall || s->cfg.stall_forced))
			return -1;
		ste->s1stalld = !!(w1 & STE_1_S1STALLD);
		/*
		 * §3.4.3, §5.2 S1ContextPtr: beyond the OAS (a PA), or the
		 * IAS (an IPA, stage 2 enabled: CONSTRAINED UNPREDICTABLE,
		 * C_BAD_STE chosen), is ILLEGAL; bits [55:52] included.
		 */
		if (w0 & SMMU3_GENMASK(55, S3E_OAS_BITS))
			return -1;
		/*
		 * §5.2 STRW: used for stage-1-only STEs when SMMU_IDR0.Hyp is
		 * set (RES0 otherwise); 0bx1 is reserved, ILLEGAL.
		 */
		if (config == STE_CONFIG_S1 && (s->idr[0] & IDR0_HYP)) {
			v = s3e_field_get(STE_1_STRW, w1);
			if (v & 1)
				return -1;
			ste->strw = v;
		}
	}

	if (config & 2) {
		if (!(w2 & STE_2_S2AA64) || (w2 & STE_2_S2ENDI))
			return -1;
		/* §5.2 S2S: ILLEGAL with STALL_MODEL = 0b01 (no stalls) */
		if ((w2 & STE_2_S2S) && !s->stall)
			return -1;
		/* SteIllegal(): S2S = 0 is ILLEGAL when stalls are forced */
		if (!(w2 & STE_2_S2S) && s->cfg.stall_forced)
			return -1;
		ste->s2s = !!(w2 & STE_2_S2S);
		/* §5.2 S2HA, S2HD, SteIllegal(): ILLEGAL beyond IDR0.HTTU */
		if ((w2 & (STE_2_S2HA | STE_2_S2HD)) &&
		    s->cfg.httu == S3E_HTTU_NONE)
			return -1;
		if ((w2 & STE_2_S2HD) && s->cfg.httu < S3E_HTTU_AF_DIRTY)
			return -1;
		ste->s2.ttb = raw[3] & STE_3_S2TTB;
		ste->s2.t0sz = s3e_field_get(STE_2_S2T0SZ, w2);
		ste->s2.sl0 = s3e_field_get(STE_2_S2SL0, w2);
		ste->s2.tg = s3e_field_get(STE_2_S2TG, w2);
		ste->s2.ps = s3e_field_get(STE_2_S2PS, w2);
		/*
		 * §5.2 S2HA: {S2HA, S2HD} = 0b11 updates the access flag and
		 * the dirty state; 0b01 is reserved and behaves as 0b00.
		 */
		ste->s2.flags = (w2 & STE_2_S2HA ? S3E_S2_HA : 0) |
				((w2 & STE_2_S2HA) && (w2 & STE_2_S2HD) ?
				 S3E_S2_HD : 0) |
				(w2 & STE_2_S2AFFD ? S3E_S2_AFFD : 0) |
				(w2 & STE_2_S2PTW ? S3E_S2_PTW : 0);
		/*
		 * §5.2 S2IR0, S2OR0, §3.15: updates through stage-2 walks
		 * that are not Write-back cacheable fail with F_WALK_EABT in
		 * strict mode (IMPLEMENTATION DEFINED; atomic otherwise).
		 */
		if (s->cfg.strict && (w2 & STE_2_S2HA) &&
		    (!(s3e_field_get(STE_2_S2IR0, w2) & 1) ||
		     !(s3e_field_get(STE_2_S2OR0, w2) & 1)))
			ste->s2.flags |= S3E_S2_NOATOMIC;
		if (!s3e_s2_cfg_valid(s, &ste->s2))
			return -1;
		/*
		 * §3.4, §5.2 S2TTB: an address beyond the effective S2PS is
		 * ILLEGAL (C_BAD_STE, not an Address Size fault); bits
		 * [55:52] of the field included.
		 */
		if ((raw[3] & SMMU3_GENMASK(55, 4)) >> s3e_eff_ps(ste->s2.ps))
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
		rc = strtab_fetch(s, sid, buf, f, 1);
		if (rc)
			return rc;
		raw = buf;
	}
	if (s3e_ste_decode(s, raw, ste))
		return s3e_fault_set(f, EVT_C_BAD_STE, 1);
	s3e_trace_cfg(s, sid, S3E_NO_SSID, raw, raw == buf);
	if (raw != buf) {
		if (s->chk)
			s3e_chk_cfg_hit(s, raw);
	} else if (s->chk) {
		s3e_chk_cfg_insert(s, s3e_cfgc_insert_ste(&s->cfgc, sid, buf),
				   s->fetch_pa);
	} else {
		s3e_cfgc_insert_ste(&s->cfgc, sid, buf);
	}
	return 0;
}

int s3e_smmu_ste_read(struct s3e_smmu *s, s3e_u32 sid, s3e_u64 *ste)
{
	struct s3e_fault f = { 0 };
	int rc = strtab_fetch(s, sid, ste, &f, 0);

	if (!rc)
		return 0;
	/* fetch_fault() and bad_sid() set the record's type */
	return f.type == EVT_F_STE_FETCH ? -2 : -1;
}
