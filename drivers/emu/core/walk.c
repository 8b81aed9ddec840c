// SPDX-License-Identifier: GPL-2.0-only
/*
 * VMSAv8-64 translation table walker of the SMMUv3 emulator core.
 *
 * The tables are written by a guest driver that may be buggy or hostile, so
 * every value read from them or from the configuration is range-checked
 * before it is used as a shift count or an index, every loop has a fixed
 * bound, and the only recursion (a stage-1 descriptor fetch translated by a
 * stage-2 walk) is one level deep by construction.
 *
 * Architectural choices, where the architecture leaves one:
 * - A TxSZ outside the supported range is a translation fault rather than
 *   being clamped (IMPLEMENTATION DEFINED).
 * - Descriptor bits [51:48] are not part of any address (no 52-bit output);
 *   the low bits of a start table base below its alignment are ignored.
 * - An instruction fetch needs stage-2 read permission as well as execute
 *   permission (stage-2 XN = 0 with S2AP read clear is CONSTRAINED
 *   UNPREDICTABLE; this takes the "fault" option).  At stage 1 execute
 *   permission alone suffices, so EL0 execute-only mappings work.
 * - The contiguous hint is ignored: results describe one block or page.
 * - A permission fault leaves AF as it was (§3.13.2: UNKNOWN whether it is
 *   set).
 * - A stage-2 descriptor that maps a stage-1 table is made writable-dirty
 *   only when a stage-1 update writes that table, never speculatively
 *   (§3.13.4 permits it).
 * - A hardware update that keeps racing software restarts the walk after
 *   S3E_WALK_HTTU_REREADS + 1 compare-and-swap attempts on the leaf, and
 *   after S3E_WALK_HTTU_RETRIES walks gives the fault the access would
 *   have had without the update.
 *
 * Hardware updates (§3.13), with CD.HA/HD and STE.S2HA/S2HD: a leaf with
 * AF = 0 gets AF set instead of an Access flag fault; a write to a
 * writable-clean leaf (DBM = 1 and AP[2] = 1, or S2AP[1] = 0) that would
 * be permitted were it writable makes it writable-dirty instead of a
 * Permission fault.  Each update is one compare-and-swap of the whole
 * descriptor against the value the walk used; when software changed the
 * descriptor meanwhile, the new value is read and evaluated as the walk
 * would (it may now be invalid, a table, writable, ...): software's write
 * is never overwritten.
 */
#include "walk.h"

#define TT_FINAL_LEVEL		3
#define TT_OA_MAX		48	/* largest output size implemented */
#define TT_MIN_TSZ		16	/* 48-bit inputs; no 52-bit VA or IPA */
#define TT_MAX_TSZ		39	/* without small translation tables */
#define TT_MAX_TSZ_STT_4K16K	48
#define TT_MAX_TSZ_STT_64K	47
#define TT_MAX_CONCAT_BITS	4	/* up to 16 concatenated S2 start tables */

/* Geometry of one walk, validated and derived from the configuration */
struct tt_geom {
	s3e_u64 base;		/* start table(s), aligned to their size */
	unsigned int gshift;	/* log2 of the granule: 12, 14 or 16 */
	unsigned int start;	/* start level */
	unsigned int ias;	/* input address size in bits */
	unsigned int ps;	/* output address size in bits */
	unsigned int blk_min;	/* lowest level at which a block is legal */
	unsigned int flags;	/* S3E_S1_* or S3E_S2_* */
	int bad;		/* configuration invalid: translation fault */
	int ttb_oor;		/* table base beyond the output size */
};

/* Leaf of a table walk */
struct tt_leaf {
	s3e_u64 desc;		/* leaf descriptor as read */
	s3e_u64 desc_pa;	/* its physical address */
	s3e_u64 desc_ipa;	/* its IPA, in a nested walk */
	s3e_u64 tbl;		/* table descriptors above it, or-ed together */
	s3e_u64 oa;		/* output address of the block or page */
	unsigned int level;
	unsigned int shift;	/* log2 of the block or page size */
	unsigned int desc_s2perm; /* stage-2 permissions of its page (nested) */
};

/* CD.IPS / STE.S2PS; reserved value 7 is taken as the largest size */
static const s3e_u8 ps_bits[8] = { 32, 36, 40, 42, 44, 48, 52, 52 };

static unsigned int walker_oas(const struct s3e_walker *w)
{
	return w->oas > TT_OA_MAX ? TT_OA_MAX : w->oas;
}

static unsigned int out_size(const struct s3e_walker *w, unsigned int ps)
{
	unsigned int bits = ps_bits[ps & 7];
	unsigned int oas = walker_oas(w);

	return bits > oas ? oas : bits;
}

static unsigned int max_tsz(const struct s3e_walker *w, unsigned int gshift)
{
	if (!(w->features & S3E_WALKER_STT))
		return TT_MAX_TSZ;
	return gshift == 16 ? TT_MAX_TSZ_STT_64K : TT_MAX_TSZ_STT_4K16K;
}

static int walk_fault(struct s3e_walk_result *res, unsigned int fault,
		      unsigned int stage, unsigned int level)
{
	res->fault = fault;
	res->stage = stage;
	res->level = level;
	res->fclass = EVT_CLASS_IN;
	return fault;
}

static int walk_eabt(struct s3e_walk_result *res, unsigned int stage,
		     unsigned int level, s3e_u64 pa)
{
	res->fetch_addr = pa;
	walk_fault(res, EVT_F_WALK_EABT, stage, level);
	if (stage == 1)
		res->fclass = EVT_CLASS_TTD;
	return EVT_F_WALK_EABT;
}

static void res_init(struct s3e_walk_result *res, s3e_u64 addr)
{
	*res = (struct s3e_walk_result) {
		.addr = addr,
		.perm = S3E_PERM_ALL,
		.s1_perm = S3E_PERM_ALL,
		.s2_perm = S3E_PERM_ALL,
	};
}

/*
 * Stage-1 geometry.  The start level follows from the input size alone:
 * each level below the start resolves (granule bits - 3) bits, and the
 * start level resolves the remaining 1 to (granule bits - 3) bits.
 */
static int s1_geom(const struct s3e_walker *w, const struct s3e_s1_cfg *c,
		   s3e_u64 va, struct tt_geom *g, struct s3e_walk_result *res)
{
	const struct s3e_s1_tt *tt;
	unsigned int upper = 0, stride, n, x, bits, align;
	s3e_u64 range;

	/* VA[55] selects the range, whether or not the top byte is ignored */
	if (!(c->flags & S3E_S1_EL2))
		upper = (va >> 55) & 1;
	tt = &c->tt[upper];

	switch (tt->tg) {
	case CD_TG0_4K:
		g->gshift = 12;
		break;
	case CD_TG0_16K:
		g->gshift = 14;
		break;
	case CD_TG0_64K:
		g->gshift = 16;
		break;
	default:
		return walk_fault(res, EVT_F_TRANSLATION, 1, 0);
	}
	if (tt->flags & S3E_TT_EPD)
		return walk_fault(res, EVT_F_TRANSLATION, 1, 0);
	if (tt->tsz < TT_MIN_TSZ || tt->tsz > max_tsz(w, g->gshift))
		return walk_fault(res, EVT_F_TRANSLATION, 1, 0);
	g->ias = 64 - tt->tsz;

	/* Bits [top:ias] must all equal VA[55] (all zero in the EL2 regime) */
	range = SMMU3_GENMASK(tt->flags & S3E_TT_TBI ? 55 : 63, g->ias);
	if ((va & range) != (upper ? range : 0))
		return walk_fault(res, EVT_F_TRANSLATION, 1, 0);

	/* Levels after the start one: (ias - 1 - gshift) / stride, at most 3 */
	stride = g->gshift - 3;
	n = 0;
	for (x = g->ias - 1 - g->gshift; x >= stride && n < 3; x -= stride)
		n++;
	g->start = TT_FINAL_LEVEL - n;
	bits = g->ias - (g->gshift + n * stride);

	g->ps = out_size(w, c->ips);
	g->blk_min = g->gshift == 12 ? 1 : 2;
	g->flags = c->flags & ~S3E_S1_NOATOMIC;
	if (tt->flags & S3E_TT_NOATOMIC)
		g->flags |= S3E_S1_NOATOMIC;
	g->bad = 0;

	/* A table base beyond the output size is an address size fault */
	if (tt->ttb >> g->ps)
		return walk_fault(res, EVT_F_ADDR_SIZE, 1, g->start);
	/* The start table is aligned to its size, and to at least 64 bytes */
	align = bits + 3 < 6 ? 6 : bits + 3;
	g->base = tt->ttb & ~((1ULL << align) - 1);
	return 0;
}

/*
 * Stage-2 geometry.  The start level comes from S2SL0 and must be
 * consistent with the input size (S2T0SZ), following the architecture's
 * rules for VTCR_EL2:
 * - 4KB granule: SL0 0/1/2 start at level 2/1/0; level 0 needs an output
 *   size of at least 44 bits; SL0 = 3 (level 3) needs small translation
 *   tables.
 * - 16KB granule: SL0 0/1/2 start at level 3/2/1; level 1 needs an output
 *   size of at least 42 bits; SL0 = 3 (level 0) needs 52-bit support and
 *   is invalid here.
 * - 64KB granule: SL0 0/1/2 start at level 3/2/1; level 1 needs an output
 *   size of at least 44 bits; SL0 = 3 is reserved.
 * - The input size must need at least one bit at the start level and at
 *   most a full table plus 4 bits, which select one of up to 16
 *   concatenated start tables: with L levels after the start one,
 *   L * stride + granule bits + 1 <= ias <= that + stride - 1 + 4.
 * - S2T0SZ must lie between 64 - OAS (the IPA size cannot exceed the
 *   physical one) and 39, or 48 (47 for 64KB) with small tables.
 * An invalid combination gives a stage-2 translation fault for every
 * translation through the configuration.
 */
static void s2_geom(const struct s3e_walker *w, const struct s3e_s2_cfg *c,
		    struct tt_geom *g)
{
	unsigned int oas = walker_oas(w), stride, levels, smin, bits, align;

	g->bad = 1;
	g->ttb_oor = 0;
	g->flags = c->flags;
	g->ias = 0;
	g->start = 0;
	switch (c->tg) {
	case S2TG_4K:
		g->gshift = 12;
		if (c->sl0 == 3) {
			if (!(w->features & S3E_WALKER_STT))
				return;
			g->start = 3;
		} else {
			if (c->sl0 == 2 && oas < 44)
				return;
			g->start = 2 - c->sl0;
		}
		break;
	case S2TG_16K:
		g->gshift = 14;
		if (c->sl0 > 2 || (c->sl0 == 2 && oas < 42))
			return;
		g->start = 3 - c->sl0;
		break;
	case S2TG_64K:
		g->gshift = 16;
		if (c->sl0 > 2 || (c->sl0 == 2 && oas < 44))
			return;
		g->start = 3 - c->sl0;
		break;
	default:
		return;
	}
	if (c->t0sz < 64 - oas || c->t0sz < TT_MIN_TSZ ||
	    c->t0sz > max_tsz(w, g->gshift))
		return;

	stride = g->gshift - 3;
	levels = TT_FINAL_LEVEL - g->start;
	smin = levels * stride + g->gshift + 1;
	g->ias = 64 - c->t0sz;
	if (g->ias < smin || g->ias > smin + stride - 1 + TT_MAX_CONCAT_BITS) {
		g->ias = 0;
		return;
	}
	bits = g->ias - (levels * stride + g->gshift);

	g->ps = out_size(w, c->ps);
	g->blk_min = g->gshift == 12 ? 1 : 2;
	g->bad = 0;
	g->ttb_oor = !!(c->ttb >> g->ps);
	align = bits + 3 < 6 ? 6 : bits + 3;
	g->base = c->ttb & ~((1ULL << align) - 1);
}

static int s2_translate(const struct s3e_walker *w, const struct tt_geom *g,
			const struct s3e_s2_cfg *c, s3e_u64 ipa,
			unsigned int access, struct s3e_walk_result *res);

/*
 * Translate the IPA of a stage-1 descriptor through stage 2.  A fault is
 * reported as a stage-2 fault of class TTD on that IPA.
 */
static int s2_fetch(const struct s3e_walker *w, const struct tt_geom *g2,
		    const struct s3e_s2_cfg *c2, s3e_u64 ipa, s3e_u64 *pa,
		    unsigned int *perm, struct s3e_walk_result *res)
{
	struct s3e_walk_result r2;
	int rc;

	rc = s2_translate(w, g2, c2, ipa, 0, &r2);
	/*
	 * Protected table walk: a stage-1 walk that reaches Device memory
	 * (stage-2 MemAttr[3:2] == 0) is a stage-2 permission fault.
	 */
	if (!rc && (g2->flags & S3E_S2_PTW) &&
	    !(s3e_field_get(TTD_S2_MEMATTR, r2.s2_desc) & 0xc))
		rc = walk_fault(&r2, EVT_F_PERMISSION, 2, r2.s2_level);
	if (rc) {
		walk_fault(res, rc, 2, r2.level);
		res->fclass = EVT_CLASS_TTD;
		res->ipa = ipa;
		res->fetch_addr = r2.fetch_addr;
		return rc;
	}
	*pa = r2.oa;
	*perm = r2.s2_perm;
	return 0;
}

/*
 * Walk the tables from the start level down to a block or page descriptor.
 * @g2 is the stage-2 geometry of a nested stage-1 walk, NULL otherwise.
 */
/*
 * The walk, for tt_walk(): @wc is a constant at each of its two call
 * sites, so that the walk without a walk cache has none of its code.
 */
static __always_inline int
tt_walk_body(const struct s3e_walker *w, const struct tt_geom *g, s3e_u64 ia,
	     unsigned int stage, const struct tt_geom *g2,
	     const struct s3e_s2_cfg *c2, struct tt_leaf *lf,
	     struct s3e_walk_result *res, const int wc)
{
	unsigned int stride = g->gshift - 3;
	unsigned int level = g->start;
	unsigned int shift = g->gshift + (TT_FINAL_LEVEL - level) * stride;
	/* g->ias - shift is 1 .. stride + 4, as checked by the geometry */
	s3e_u64 idx_mask = (1ULL << (g->ias - shift)) - 1;
	s3e_u64 table = g->base, tbl = 0, desc, dpa;
	unsigned int wlevel;
	int rc;

	/* A cached table descriptor: continue the walk below it */
	if (wc && w->wc_find(w->wc_ctx, stage, g->gshift, g->start, ia,
			     &wlevel, &desc, &tbl) &&
	    wlevel < TT_FINAL_LEVEL) {
		level = wlevel + 1;
		table = desc & SMMU3_GENMASK(47, g->gshift);
		shift = g->gshift + (TT_FINAL_LEVEL - level) * stride;
		idx_mask = (1ULL << stride) - 1;
	}

	for (; level <= TT_FINAL_LEVEL; level++) {
		dpa = table + (((ia >> shift) & idx_mask) << 3);
		if (g2) {
			lf->desc_ipa = dpa;
			rc = s2_fetch(w, g2, c2, dpa, &dpa, &lf->desc_s2perm,
				      res);
			if (rc)
				return rc;
		}
		if (w->mem.read64(w->mem.ctx, dpa, &desc))
			return walk_eabt(res, stage, level, dpa);
		if (w->trace)
			w->trace(w->trace_ctx, stage, level, dpa, desc);
		if (!(desc & TTD_VALID))
			return walk_fault(res, EVT_F_TRANSLATION, stage, level);

		if (level < TT_FINAL_LEVEL && (desc & TTD_TABLE)) {
			table = desc & SMMU3_GENMASK(47, g->gshift);
			if (table >> g->ps)
				return walk_fault(res, EVT_F_ADDR_SIZE, stage,
						  level);
			tbl |= desc;
			if (wc)
				w->wc_fill(w->wc_ctx, stage, g->gshift, level,
					   shift, ia, dpa, desc, tbl);
			shift -= stride;
			idx_mask = (1ULL << stride) - 1;
			continue;
		}

		/*
		 * Level 3 needs the page encoding (0b11; 0b01 is reserved);
		 * above it a block is legal only from level 1 (4KB) or level 2
		 * (16KB, 64KB): larger blocks need 52-bit addressing.
		 */
		if (level == TT_FINAL_LEVEL ? !(desc & TTD_TABLE) :
					      level < g->blk_min)
			return walk_fault(res, EVT_F_TRANSLATION, stage, level);

		lf->oa = desc & SMMU3_GENMASK(47, shift);
		if (lf->oa >> g->ps)
			return walk_fault(res, EVT_F_ADDR_SIZE, stage, level);
		lf->desc = desc;
		lf->desc_pa = dpa;
		lf->tbl = tbl;
		lf->level = level;
		lf->shift = shift;
		return 0;
	}
	return walk_fault(res, EVT_F_TRANSLATION, stage, TT_FINAL_LEVEL);
}

/* With a walk cache (strict mode): out of line, off the default path */
static noinline int
tt_walk_wc(const struct s3e_walker *w, const struct tt_geom *g, s3e_u64 ia,
	   unsigned int stage, const struct tt_geom *g2,
	   const struct s3e_s2_cfg *c2, struct tt_leaf *lf,
	   struct s3e_walk_result *res)
{
	return tt_walk_body(w, g, ia, stage, g2, c2, lf, res, 1);
}

static int tt_walk(const struct s3e_walker *w, const struct tt_geom *g,
		   s3e_u64 ia, unsigned int stage, const struct tt_geom *g2,
		   const struct s3e_s2_cfg *c2, struct tt_leaf *lf,
		   struct s3e_walk_result *res)
{
	if (__builtin_expect(!!w->wc_find, 0))
		return tt_walk_wc(w, g, ia, stage, g2, c2, lf, res);
	return tt_walk_body(w, g, ia, stage, g2, c2, lf, res, 0);
}

static unsigned int s1_perms(s3e_u64 desc, s3e_u64 tbl, unsigned int flags)
{
	unsigned int pr = 1, pw, px, ur, uw, ux, p;

	if (flags & S3E_S1_EL2) {
		/* One privilege level: AP[1] and PXN are ignored, XN is UXN */
		pw = !(desc & TTD_AP_RDONLY) && !(tbl & TTD_APTABLE_RDONLY);
		px = !(desc & TTD_UXN) && !(tbl & TTD_UXNTABLE);
		if ((flags & S3E_S1_WXN) && pw)
			px = 0;
		p = S3E_PERM_UR | (pw ? S3E_PERM_UW : 0) |
		    (px ? S3E_PERM_UX : 0);
		return p | p << 3;
	}

	/* Leaf AP[2:1], then the hierarchical APTable restrictions */
	pw = !(desc & TTD_AP_RDONLY);
	ur = !!(desc & TTD_AP_UNPRIV);
	uw = ur && pw;
	if (tbl & TTD_APTABLE_NO_EL0) {
		ur = 0;
		uw = 0;
	}
	if (tbl & TTD_APTABLE_RDONLY) {
		pw = 0;
		uw = 0;
	}

	/* Memory writable at EL0 is never executable at EL1 */
	px = !(desc & TTD_PXN) && !(tbl & TTD_PXNTABLE) && !uw;
	ux = !(desc & TTD_UXN) && !(tbl & TTD_UXNTABLE);
	if (flags & S3E_S1_WXN) {
		if (pw)
			px = 0;
		if (uw)
			ux = 0;
	}
	/* PAN: privileged data accesses to EL0-accessible memory fault */
	if ((flags & S3E_S1_PAN) && (ur || uw)) {
		pr = 0;
		pw = 0;
	}

	return (ur ? S3E_PERM_UR : 0) | (uw ? S3E_PERM_UW : 0) |
	       (ux ? S3E_PERM_UX : 0) | (pr ? S3E_PERM_PR : 0) |
	       (pw ? S3E_PERM_PW : 0) | (px ? S3E_PERM_PX : 0);
}

static unsigned int s2_perms(s3e_u64 desc, unsigned int features)
{
	unsigned int xn = s3e_field_get(TTD_S2_XN, desc);
	unsigned int p = 0;

	/* Without XNX, XN[0] is ignored */
	if (!(features & S3E_WALKER_XNX))
		xn &= 2;
	if (desc & TTD_S2AP_READ) {
		p |= S3E_PERM_UR | S3E_PERM_PR;
		/*
		 * XN[1:0]: 0b00 executable at EL1 and EL0, 0b01 not at EL1,
		 * 0b10 at neither, 0b11 not at EL0.  The privilege is that of
		 * the transaction (PnU).
		 */
		if (xn == 0 || xn == 1)
			p |= S3E_PERM_UX;
		if (xn == 0 || xn == 3)
			p |= S3E_PERM_PX;
	}
	if (desc & TTD_S2AP_WRITE)
		p |= S3E_PERM_UW | S3E_PERM_PW;
	return p;
}

#define S3E_PERM_W		(S3E_PERM_UW | S3E_PERM_PW)
#define S1_HAHD			(S3E_S1_HA | S3E_S1_HD)
#define S2_HAHD			(S3E_S2_HA | S3E_S2_HD)

/* Outcomes of a leaf's evaluation besides 0 and the EVT_F_* faults */
#define LEAF_CHANGED		(-1)	/* software changed it: evaluate again */
#define LEAF_RESTART		(-2)	/* no longer the leaf: walk again */

/*
 * Stage-1 leaf @desc under table descriptors @tbl: its permissions in
 * @perm, and in @upd the descriptor as hardware leaves it after @access
 * (@desc when nothing is to be updated).  Returns 0 or the fault.
 */
static __always_inline int
s1_leaf(const struct s3e_walker *w, unsigned int flags, s3e_u64 desc,
	s3e_u64 tbl, unsigned int access, unsigned int *perm, s3e_u64 *upd)
{
	unsigned int need = s3e_perm_needed(access), p, pd;

	p = s1_perms(desc, tbl, flags);
	*upd = desc;
	if (!(desc & TTD_AF)) {
		/* §3.13.2: AF set where, without HA and with AFFD = 0, it faults */
		if ((flags & S3E_S1_HA) && w->mem.cmpxchg64)
			*upd |= TTD_AF;
		/* §3.13.1: the Access flag fault before any Permission fault */
		else if (!(flags & S3E_S1_AFFD))
			return EVT_F_ACCESS;
	}
	if ((flags & S1_HAHD) == S1_HAHD && (desc & TTD_DBM) &&
	    (desc & TTD_AP_RDONLY) && w->mem.cmpxchg64) {
		/*
		 * §3.13.3.1: writable-clean.  A write becomes writable-dirty
		 * (AP[2] cleared, AF set) only when AP[2] alone forbids it:
		 * APTable, PAN, AP[1] for unprivileged accesses and the EL2
		 * regime still apply, as the permissions of the descriptor
		 * with AP[2] = 0 tell.  §3.13.8: for execute permission
		 * (WXN, EL0-writable not executable at EL1) it counts as
		 * writable already.
		 */
		pd = s1_perms(desc & ~TTD_AP_RDONLY, tbl, flags);
		p = pd & (p | ~S3E_PERM_W);
		if ((need & S3E_PERM_W) && (pd & need)) {
			*upd = (*upd & ~TTD_AP_RDONLY) | TTD_AF;
			p = pd;
		}
	}
	if (!(p & need))
		return EVT_F_PERMISSION;
	*perm = p;
	return 0;
}

/* Stage-2 leaf @desc, as s1_leaf() */
static __always_inline int
s2_leaf(const struct s3e_walker *w, unsigned int flags, s3e_u64 desc,
	unsigned int access, unsigned int *perm, s3e_u64 *upd)
{
	unsigned int need = s3e_perm_needed(access), p;

	p = s2_perms(desc, w->features);
	*upd = desc;
	if (!(desc & TTD_AF)) {
		/* §3.13.2: AF set where, without S2HA, S2AFFD = 0 faults */
		if ((flags & S3E_S2_HA) && w->mem.cmpxchg64)
			*upd |= TTD_AF;
		/* §3.13.1: the Access flag fault before any Permission fault */
		else if (!(flags & S3E_S2_AFFD))
			return EVT_F_ACCESS;
	}
	/*
	 * §3.13.3.1: a write to a writable-clean descriptor (DBM = 1,
	 * S2AP[1] = 0) sets S2AP[1] (and AF).  CD and L1CD fetches and
	 * stage-1 table reads are reads: they never set it.
	 */
	if ((flags & S2_HAHD) == S2_HAHD && (need & S3E_PERM_W) &&
	    (desc & TTD_DBM) && !(desc & TTD_S2AP_WRITE) && w->mem.cmpxchg64) {
		*upd |= TTD_S2AP_WRITE | TTD_AF;
		p |= S3E_PERM_W;
	}
	if (!(p & need))
		return EVT_F_PERMISSION;
	*perm = p;
	return 0;
}

/*
 * The leaf at @lf->desc_pa changed under a hardware update: read it again
 * and take it as the walk would at that level.  Returns 0 with @lf
 * updated, LEAF_RESTART when it is now a table descriptor, or a fault.
 */
static int leaf_reread(const struct s3e_walker *w, const struct tt_geom *g,
		       unsigned int stage, struct tt_leaf *lf,
		       struct s3e_walk_result *res)
{
	s3e_u64 desc;

	if (w->mem.read64(w->mem.ctx, lf->desc_pa, &desc))
		return walk_eabt(res, stage, lf->level, lf->desc_pa);
	if (w->trace)
		w->trace(w->trace_ctx, stage, lf->level, lf->desc_pa, desc);
	if (!(desc & TTD_VALID))
		return walk_fault(res, EVT_F_TRANSLATION, stage, lf->level);
	if (lf->level < TT_FINAL_LEVEL && (desc & TTD_TABLE))
		return LEAF_RESTART;
	if (lf->level == TT_FINAL_LEVEL && !(desc & TTD_TABLE))
		return walk_fault(res, EVT_F_TRANSLATION, stage, lf->level);
	lf->oa = desc & SMMU3_GENMASK(47, lf->shift);
	if (lf->oa >> g->ps)
		return walk_fault(res, EVT_F_ADDR_SIZE, stage, lf->level);
	lf->desc = desc;
	return 0;
}

/*
 * §3.13.5: a stage-1 descriptor update is a write to the descriptor's IPA
 * through stage 2, which must permit it, or make its descriptor
 * writable-dirty (STE.S2HD).  Returns 0, LEAF_RESTART when stage 2 now
 * maps the IPA elsewhere, or the stage-2 fault (class TTD, a write).
 */
static int s1_update_s2(const struct s3e_walker *w, const struct tt_geom *g2,
			const struct s3e_s2_cfg *c2, struct tt_leaf *lf,
			struct s3e_walk_result *res)
{
	struct s3e_walk_result r2;
	int rc;

	if (lf->desc_s2perm & S3E_PERM_UW)
		return 0;
	rc = s2_translate(w, g2, c2, lf->desc_ipa, S3E_ACC_WRITE, &r2);
	if (rc) {
		walk_fault(res, rc, 2, r2.level);
		res->fclass = EVT_CLASS_TTD;
		res->ipa = lf->desc_ipa;
		res->fetch_addr = r2.fetch_addr;
		res->tt_write = 1;
		return rc;
	}
	if (r2.oa != lf->desc_pa)
		return LEAF_RESTART;
	lf->desc_s2perm = r2.s2_perm;
	return 0;
}

/*
 * Write @upd over the leaf @lf->desc with one compare-and-swap.  Returns 0
 * when written, LEAF_CHANGED when software had changed the descriptor
 * (@lf then holds the new value, to be evaluated again), LEAF_RESTART, or
 * a fault.
 */
static noinline int
leaf_update(const struct s3e_walker *w, const struct tt_geom *g,
	    unsigned int stage, const struct tt_geom *g2,
	    const struct s3e_s2_cfg *c2, struct tt_leaf *lf, s3e_u64 upd,
	    struct s3e_walk_result *res)
{
	int rc;

	if (g2) {
		rc = s1_update_s2(w, g2, c2, lf, res);
		if (rc)
			return rc;
	}
	/*
	 * §5.4 IR0/OR0, §5.2 S2IR0/S2OR0, §3.15: tables not walked as
	 * Write-back cacheable, in strict mode: the update aborts.
	 */
	if (g->flags & (stage == 1 ? S3E_S1_NOATOMIC : S3E_S2_NOATOMIC))
		return walk_eabt(res, stage, lf->level, lf->desc_pa);
	rc = w->mem.cmpxchg64(w->mem.ctx, lf->desc_pa, lf->desc, upd);
	if (rc < 0)
		return walk_eabt(res, stage, lf->level, lf->desc_pa);
	if (rc) {
		/* §3.13: never overwrite software's update; act on it */
		rc = leaf_reread(w, g, stage, lf, res);
		return rc ? rc : LEAF_CHANGED;
	}
	if (w->stats) {
		if ((upd ^ lf->desc) & TTD_AF)
			w->stats->af_updates++;
		/* AP[2] (stage 1) and S2AP[1] (stage 2) are both bit 7 */
		if ((upd ^ lf->desc) & TTD_AP_RDONLY)
			w->stats->dirty_updates++;
	}
	lf->desc = upd;
	return 0;
}

/*
 * Evaluate the leaf @lf of a walk for @access and make the hardware update
 * it needs, re-evaluating it as long as software changes it under the
 * update, S3E_WALK_HTTU_REREADS times at most.  Returns 0 with the
 * permissions in @perm and @lf->desc as memory holds it, LEAF_RESTART, or
 * a fault; on the walk's @last attempt, the fault the access has without
 * the update instead of LEAF_RESTART.  Inline, with leaf_update() out of
 * line: a walk that updates nothing costs what it did before updates.
 */
static __always_inline int
leaf_settle(const struct s3e_walker *w, const struct tt_geom *g,
	    unsigned int stage, const struct tt_geom *g2,
	    const struct s3e_s2_cfg *c2, struct tt_leaf *lf,
	    unsigned int access, int last, unsigned int *perm,
	    struct s3e_walk_result *res)
{
	unsigned int tries;
	s3e_u64 upd;
	int rc;

	for (tries = 0; ; tries++) {
		if (stage == 1)
			rc = s1_leaf(w, g->flags, lf->desc, lf->tbl, access,
				     perm, &upd);
		else
			rc = s2_leaf(w, g->flags, lf->desc, access, perm, &upd);
		if (rc)
			return walk_fault(res, rc, stage, lf->level);
		if (upd == lf->desc)
			return 0;
		if (tries > S3E_WALK_HTTU_REREADS)
			break;
		rc = leaf_update(w, g, stage, g2, c2, lf, upd, res);
		if (rc != LEAF_CHANGED && rc != LEAF_RESTART)
			return rc;
		if (rc == LEAF_RESTART)
			break;
	}
	if (!last)
		return LEAF_RESTART;
	return walk_fault(res, lf->desc & TTD_AF ? EVT_F_PERMISSION :
			  EVT_F_ACCESS, stage, lf->level);
}

/* Stage-2 translation of @ipa with a validated (or flagged bad) geometry */
static int s2_translate(const struct s3e_walker *w, const struct tt_geom *g,
			const struct s3e_s2_cfg *c, s3e_u64 ipa,
			unsigned int access, struct s3e_walk_result *res)
{
	unsigned int attempt, perm = 0;
	struct tt_leaf lf;
	int rc;

	res_init(res, ipa);
	res->ipa = ipa;
	if (g->bad || (ipa >> g->ias))
		return walk_fault(res, EVT_F_TRANSLATION, 2, g->start);
	if (g->ttb_oor)
		return walk_fault(res, EVT_F_ADDR_SIZE, 2, g->start);

	for (attempt = 1; ; attempt++) {
		rc = tt_walk(w, g, ipa, 2, S3E_NULL, c, &lf, res);
		if (rc)
			return rc;
		rc = leaf_settle(w, g, 2, S3E_NULL, S3E_NULL, &lf, access,
				 attempt >= S3E_WALK_HTTU_RETRIES, &perm, res);
		if (rc != LEAF_RESTART)
			break;
	}
	if (rc)
		return rc;

	res->oa = lf.oa | (ipa & ((1ULL << lf.shift) - 1));
	res->s2_desc = lf.desc;
	res->s2_desc_pa = lf.desc_pa;
	res->s2_perm = perm;
	res->perm = perm;
	res->s2_level = lf.level;
	res->level = lf.level;
	res->size_shift = lf.shift;
	return 0;
}

int s3e_walk_s2(const struct s3e_walker *w, const struct s3e_s2_cfg *s2,
		s3e_u64 ipa, unsigned int access, struct s3e_walk_result *res)
{
	struct tt_geom g;

	s2_geom(w, s2, &g);
	return s2_translate(w, &g, s2, ipa, access, res);
}

int s3e_walk_s1(const struct s3e_walker *w, const struct s3e_s1_cfg *s1,
		const struct s3e_s2_cfg *s2, s3e_u64 va, unsigned int access,
		struct s3e_walk_result *res)
{
	struct tt_geom g, g2, *pg2 = S3E_NULL;
	struct s3e_walk_result r2;
	unsigned int attempt, perm = 0;
	struct tt_leaf lf;
	s3e_u64 out;
	int rc;

	res_init(res, va);
	rc = s1_geom(w, s1, va, &g, res);
	if (rc)
		return rc;
	if (s2) {
		s2_geom(w, s2, &g2);
		pg2 = &g2;
	}

	for (attempt = 1; ; attempt++) {
		rc = tt_walk(w, &g, va, 1, pg2, s2, &lf, res);
		if (rc)
			return rc;
		rc = leaf_settle(w, &g, 1, pg2, s2, &lf, access,
				 attempt >= S3E_WALK_HTTU_RETRIES, &perm, res);
		if (rc != LEAF_RESTART)
			break;
	}
	if (rc)
		return rc;

	out = lf.oa | (va & ((1ULL << lf.shift) - 1));
	res->oa = out;
	res->s1_desc = lf.desc;
	res->s1_desc_pa = lf.desc_pa;
	res->s1_perm = perm;
	res->perm = perm;
	res->level = lf.level;
	res->size_shift = lf.shift;
	res->ng = !(g.flags & S3E_S1_EL2) && (lf.desc & TTD_NG);
	if (!pg2)
		return 0;

	/* Final output through stage 2: faults there are of class IN */
	res->ipa = out;
	rc = s2_translate(w, pg2, s2, out, access, &r2);
	if (rc) {
		walk_fault(res, rc, 2, r2.level);
		res->fetch_addr = r2.fetch_addr;
		return rc;
	}
	res->oa = r2.oa;
	res->s2_desc = r2.s2_desc;
	res->s2_desc_pa = r2.s2_desc_pa;
	res->s2_perm = r2.s2_perm;
	res->s2_level = r2.s2_level;
	res->perm = perm & r2.s2_perm;
	if (r2.size_shift < res->size_shift)
		res->size_shift = r2.size_shift;
	return 0;
}
