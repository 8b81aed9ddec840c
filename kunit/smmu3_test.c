// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests of the smmu3 driver's pure functions: STE, CD and level-1
 * descriptor builders, used-bit masks, the hitless entry update, command
 * encoding, event decoding, queue index arithmetic, StreamID checks and
 * TLB range invalidation.
 *
 * Expected 64-bit words are literal constants worked out by hand from the
 * SMMUv3 layouts (the comment next to each one derives it); they are never
 * recomputed with the FIELD_PREP() masks the driver itself uses.
 */
#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/acpi.h>
#include <linux/bits.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/io-pgtable.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/msi.h>
#include <linux/regmap.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <uapi/linux/iommufd.h>

#include "../drivers/smmu3/smmu3.h"

/* STEs and CDs have the same size: eight 64-bit words */
#define T_WORDS		8

static void expect_words(struct kunit *test, const char *what,
			 const __le64 *got, const u64 *exp, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ_MSG(test, le64_to_cpu(got[i]), exp[i],
				    "%s dword %u: got %#018llx, expected %#018llx",
				    what, i, le64_to_cpu(got[i]), exp[i]);
}

static void expect_u64(struct kunit *test, const char *what, u64 got, u64 exp)
{
	KUNIT_EXPECT_EQ_MSG(test, got, exp,
			    "%s: got %#018llx, expected %#018llx",
			    what, got, exp);
}

/* ------------------------------------------------------------------
 * smmu3-ste: stream table entries and level-1 descriptors
 */

static void ste_abort(struct kunit *test)
{
	__le64 ste[T_WORDS];
	/* V (bit 0) = 1, Config (bits 3:1) = 0b000 abort */
	static const u64 exp[T_WORDS] = { 0x0000000000000001ULL };

	memset(ste, 0xa5, sizeof(ste));
	smmu3_ste_abort(ste);
	expect_words(test, "abort", ste, exp, T_WORDS);
}

static void ste_bypass(struct kunit *test)
{
	__le64 ste[T_WORDS];
	static const u64 exp[T_WORDS] = {
		/* V = 1, Config = 0b100 << 1 = 0x8: 0x9 */
		0x0000000000000009ULL,
		/* SHCFG (bits 45:44 of dword 1) = 0b01 incoming: 1 << 44 */
		0x0000100000000000ULL,
	};

	memset(ste, 0xa5, sizeof(ste));
	smmu3_ste_bypass(ste);
	expect_words(test, "bypass", ste, exp, T_WORDS);
}

static void ste_s1_linear_coherent(struct kunit *test)
{
	struct smmu3_ste_s1 cfg = {
		.cdtab_dma = 0x0000000812345640ULL,
		.s1fmt = STE_S1FMT_LINEAR,
		.s1cdmax = 0,
		.coherent = true,
	};
	__le64 ste[T_WORDS];
	static const u64 exp[T_WORDS] = {
		/*
		 * V = 1, Config = 0b101 << 1 = 0xa, S1Fmt (5:4) = 0,
		 * S1ContextPtr (51:6) = 0x8_1234_5640, S1CDMAX (63:59) = 0
		 */
		0x000000081234564bULL,
		/*
		 * S1DSS (1:0) = 0b10 SSID0 -> 0x2; S1CIR (3:2) = 0b01 WBRA
		 * -> 0x4; S1COR (5:4) = 0b01 -> 0x10; S1CSH (7:6) = 0b11 ISH
		 * -> 0xc0; STRW (31:30) = 0 NS-EL1; SHCFG (45:44) = 0b01
		 */
		0x00001000000000d6ULL,
	};

	memset(ste, 0xa5, sizeof(ste));
	smmu3_ste_s1(ste, &cfg);
	expect_words(test, "s1 linear coherent", ste, exp, T_WORDS);
}

static void ste_s1_linear_noncoherent(struct kunit *test)
{
	struct smmu3_ste_s1 cfg = {
		.cdtab_dma = 0x0000000040001000ULL,
		.s1fmt = STE_S1FMT_LINEAR,
		.s1cdmax = 3,
		.coherent = false,
	};
	__le64 ste[T_WORDS];
	static const u64 exp[T_WORDS] = {
		/* 0x4000_1000 | 0xb | S1CDMAX 3 << 59 = 0x1800_0000_0000_0000 */
		0x180000004000100bULL,
		/*
		 * S1DSS 0b10 -> 0x2, S1CIR = S1COR = 0b00 non-cacheable,
		 * S1CSH = 0b10 OSH -> 0x80, SHCFG incoming -> 1 << 44
		 */
		0x0000100000000082ULL,
	};

	smmu3_ste_s1(ste, &cfg);
	expect_words(test, "s1 linear non-coherent", ste, exp, T_WORDS);
}

static void ste_s1_2lvl(struct kunit *test)
{
	struct smmu3_ste_s1 cfg = {
		/* a 52-bit, 64-byte aligned level-1 CD table address */
		.cdtab_dma = 0x000fedcba9876540ULL,
		.s1fmt = STE_S1FMT_2LVL_64K,
		.s1cdmax = 20,
		.coherent = true,
	};
	__le64 ste[T_WORDS];
	static const u64 exp[T_WORDS] = {
		/*
		 * S1CDMAX 20 = 0b10100 at 63:59 -> bits 61 and 63:
		 * 0xa000_0000_0000_0000; pointer 0x000f_edcb_a987_6540;
		 * S1Fmt 0b10 (64KB leaves) -> 0x20; V | Config S1 -> 0xb
		 */
		0xa00fedcba987656bULL,
		0x00001000000000d6ULL,
	};

	smmu3_ste_s1(ste, &cfg);
	expect_words(test, "s1 2-level", ste, exp, T_WORDS);

	/* 4KB leaves: S1Fmt 0b01 -> 0x10 instead of 0x20 */
	cfg.s1fmt = STE_S1FMT_2LVL_4K;
	cfg.s1cdmax = 16;
	smmu3_ste_s1(ste, &cfg);
	/* S1CDMAX 16 = 0b10000 -> bit 63 */
	expect_u64(test, "s1 2-level 4K dword 0", le64_to_cpu(ste[0]),
		   0x800fedcba987655bULL);
}

static void ste_s1_field_limits(struct kunit *test)
{
	/* Every field at its maximum: nothing may spill into a neighbour */
	struct smmu3_ste_s1 cfg = {
		.cdtab_dma = ~0ULL,
		.s1fmt = 3,
		.s1cdmax = 31,
		.coherent = true,
	};
	__le64 ste[T_WORDS];
	static const u64 exp[T_WORDS] = {
		/*
		 * S1CDMAX 31 -> 0xf800_0000_0000_0000, bits 58:52 clear,
		 * S1ContextPtr 51:6 all ones, S1Fmt 0b11 -> 0x30, 0xb
		 */
		0xf80ffffffffffffbULL,
		0x00001000000000d6ULL,
	};

	smmu3_ste_s1(ste, &cfg);
	expect_words(test, "s1 limits", ste, exp, T_WORDS);
}

static void t_s2_cfg_4k(struct io_pgtable_cfg *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	/* 40-bit IPA and PA, 4KB granule, walk starting at level 1 */
	cfg->arm_lpae_s2_cfg.vttbr = 0x0000000087654000ULL;
	cfg->arm_lpae_s2_cfg.vtcr.tsz = 24;	/* 64 - 40 */
	cfg->arm_lpae_s2_cfg.vtcr.sl = 1;	/* 4K: SL0 1 = level 1 */
	cfg->arm_lpae_s2_cfg.vtcr.tg = 0;	/* 4KB */
	cfg->arm_lpae_s2_cfg.vtcr.ps = 2;	/* 40 bits */
	cfg->arm_lpae_s2_cfg.vtcr.irgn = 1;	/* WBWA */
	cfg->arm_lpae_s2_cfg.vtcr.orgn = 1;	/* WBWA */
	cfg->arm_lpae_s2_cfg.vtcr.sh = 3;	/* inner shareable */
}

static void ste_s2_4k_coherent(struct kunit *test)
{
	struct io_pgtable_cfg cfg;
	__le64 ste[T_WORDS];
	static const u64 exp[T_WORDS] = {
		/* V = 1, Config 0b110 << 1 = 0xc */
		0x000000000000000dULL,
		/* SHCFG incoming */
		0x0000100000000000ULL,
		/*
		 * S2VMID (15:0) = 0x1234; bits 63:32 as a 32-bit value:
		 * S2T0SZ 24 -> 0x18, S2SL0 1 << 6 -> 0x40, S2IR0 1 << 8
		 * -> 0x100, S2OR0 1 << 10 -> 0x400, S2SH0 3 << 12 -> 0x3000,
		 * S2TG 0, S2PS 2 << 16 -> 0x20000, S2AA64 (bit 51) 1 << 19
		 * -> 0x80000, S2PTW (54) 1 << 22 -> 0x400000, S2R (58)
		 * 1 << 26 -> 0x4000000: total 0x044a3558
		 */
		0x044a355800001234ULL,
		/* S2TTB (51:4) */
		0x0000000087654000ULL,
	};

	t_s2_cfg_4k(&cfg);
	memset(ste, 0xa5, sizeof(ste));
	smmu3_ste_s2(ste, &cfg, 0x1234, true);
	expect_words(test, "s2 4K coherent", ste, exp, T_WORDS);
}

static void ste_s2_64k_noncoherent(struct kunit *test)
{
	struct io_pgtable_cfg cfg = {};
	__le64 ste[T_WORDS];
	static const u64 exp[T_WORDS] = {
		0x000000000000000dULL,
		0x0000100000000000ULL,
		/*
		 * VMID 0xffff; high half: T0SZ 16 -> 0x10, SL0 2 << 6 ->
		 * 0x80, IR0 = OR0 = 0 (non-cacheable walks, whatever VTCR
		 * says), SH0 = 0b10 OSH -> 0x2000, S2TG 0b01 (64KB) << 14 ->
		 * 0x4000, S2PS 5 << 16 -> 0x50000, AA64 0x80000, PTW
		 * 0x400000, S2R 0x4000000: total 0x044d6090
		 */
		0x044d60900000ffffULL,
		0x0000fffffff10000ULL,
	};

	/* 48-bit IPA, 64KB granule, start level 1 (SL0 0b10) */
	cfg.arm_lpae_s2_cfg.vttbr = 0x0000fffffff10000ULL;
	cfg.arm_lpae_s2_cfg.vtcr.tsz = 16;
	cfg.arm_lpae_s2_cfg.vtcr.sl = 2;
	cfg.arm_lpae_s2_cfg.vtcr.tg = 1;
	cfg.arm_lpae_s2_cfg.vtcr.ps = 5;
	cfg.arm_lpae_s2_cfg.vtcr.irgn = 1;
	cfg.arm_lpae_s2_cfg.vtcr.orgn = 1;
	cfg.arm_lpae_s2_cfg.vtcr.sh = 3;
	smmu3_ste_s2(ste, &cfg, 0xffff, false);
	expect_words(test, "s2 64K non-coherent", ste, exp, T_WORDS);
}

static void ste_s2_16k_field_limits(struct kunit *test)
{
	struct io_pgtable_cfg cfg = {};
	__le64 ste[T_WORDS];

	/* 16KB granule: S2TG 0b10 -> bits 47:46 = 0x8000 in the high half */
	cfg.arm_lpae_s2_cfg.vttbr = 0x0000000080004000ULL;
	cfg.arm_lpae_s2_cfg.vtcr.tsz = 28;
	cfg.arm_lpae_s2_cfg.vtcr.sl = 1;
	cfg.arm_lpae_s2_cfg.vtcr.tg = 2;
	cfg.arm_lpae_s2_cfg.vtcr.ps = 1;
	cfg.arm_lpae_s2_cfg.vtcr.irgn = 2;
	cfg.arm_lpae_s2_cfg.vtcr.orgn = 3;
	cfg.arm_lpae_s2_cfg.vtcr.sh = 3;
	smmu3_ste_s2(ste, &cfg, 0x0001, true);
	/*
	 * T0SZ 28 -> 0x1c, SL0 0x40, IR0 2 << 8 -> 0x200, OR0 3 << 10 ->
	 * 0xc00, SH0 0x3000, TG 0x8000, PS 1 << 16 -> 0x10000, AA64
	 * 0x80000, PTW 0x400000, R 0x4000000: 0x0449be5c
	 */
	expect_u64(test, "s2 16K dword 2", le64_to_cpu(ste[2]),
		   0x0449be5c00000001ULL);

	/* Every VTCR field, the VMID and the TTB at their maxima */
	cfg.arm_lpae_s2_cfg.vttbr = ~0ULL;
	cfg.arm_lpae_s2_cfg.vtcr.tsz = 63;
	cfg.arm_lpae_s2_cfg.vtcr.sl = 3;
	cfg.arm_lpae_s2_cfg.vtcr.tg = 3;
	cfg.arm_lpae_s2_cfg.vtcr.ps = 7;
	cfg.arm_lpae_s2_cfg.vtcr.irgn = 3;
	cfg.arm_lpae_s2_cfg.vtcr.orgn = 3;
	cfg.arm_lpae_s2_cfg.vtcr.sh = 3;
	smmu3_ste_s2(ste, &cfg, 0xffff, true);
	/*
	 * High half: VTCR bits 18:0 all ones (0x7ffff), AA64 0x80000, PTW
	 * 0x400000, R 0x4000000; S2ENDI, S2AFFD, S2HD, S2HA, S2S clear:
	 * 0x044fffff
	 */
	expect_u64(test, "s2 limits dword 2", le64_to_cpu(ste[2]),
		   0x044fffff0000ffffULL);
	/* S2TTB is bits 51:4 only */
	expect_u64(test, "s2 limits dword 3", le64_to_cpu(ste[3]),
		   0x000ffffffffffff0ULL);
}

static void t_pgtbl_flush_all(void *cookie)
{
}

static void t_pgtbl_flush_walk(unsigned long iova, size_t size,
			       size_t granule, void *cookie)
{
}

static const struct iommu_flush_ops t_pgtbl_flush_ops = {
	.tlb_flush_all = t_pgtbl_flush_all,
	.tlb_flush_walk = t_pgtbl_flush_walk,
};

static void t_pgtbl_free(void *ops)
{
	free_io_pgtable_ops(ops);
}

/* A real io-pgtable-arm table; its cfg is what the driver would pass */
static void t_pgtbl_alloc(struct kunit *test, enum io_pgtable_fmt fmt,
			  unsigned int ias, unsigned int oas,
			  struct io_pgtable_cfg *cfg)
{
	struct io_pgtable_ops *ops;
	struct device *dev;
	int ret;

	dev = kunit_device_register(test, fmt == ARM_64_LPAE_S1 ?
				    "smmu3-test-s1" : "smmu3-test-s2");
	KUNIT_ASSERT_FALSE(test, IS_ERR(dev));
	*cfg = (struct io_pgtable_cfg){
		.pgsize_bitmap = SZ_4K | SZ_2M | SZ_1G,
		.ias = ias,
		.oas = oas,
		.coherent_walk = true,
		.tlb = &t_pgtbl_flush_ops,
		.iommu_dev = dev,
	};
	ops = alloc_io_pgtable_ops(fmt, cfg, NULL);
	KUNIT_ASSERT_NOT_NULL(test, ops);
	ret = kunit_add_action_or_reset(test, t_pgtbl_free, ops);
	KUNIT_ASSERT_EQ(test, ret, 0);
}

static void ste_s2_from_io_pgtable(struct kunit *test)
{
	struct io_pgtable_cfg cfg;
	__le64 ste[T_WORDS];
	u64 vttbr;

	/*
	 * ARM_64_LPAE_S2, 4KB, IAS = OAS = 40, coherent: io-pgtable
	 * concatenates the two level-0 entries into level 1, so VTCR is
	 * T0SZ 24, SL0 1, TG0 4KB, PS 40-bit, WBWA, inner shareable.
	 */
	t_pgtbl_alloc(test, ARM_64_LPAE_S2, 40, 40, &cfg);
	vttbr = cfg.arm_lpae_s2_cfg.vttbr;
	KUNIT_ASSERT_NE(test, vttbr, 0);
	smmu3_ste_s2(ste, &cfg, 7, true);
	expect_u64(test, "s2 io-pgtable dword 0", le64_to_cpu(ste[0]),
		   0x000000000000000dULL);
	/* as ste_s2_4k_coherent's high half, VMID 7 */
	expect_u64(test, "s2 io-pgtable dword 2", le64_to_cpu(ste[2]),
		   0x044a355800000007ULL);
	/* the table is page aligned and below 2^52 */
	KUNIT_EXPECT_EQ(test, vttbr & 0xfff0000000000fffULL, 0);
	expect_u64(test, "s2 io-pgtable dword 3", le64_to_cpu(ste[3]), vttbr);
}

/* Used-bit masks, worked out from the layouts */
#define USED_VALID_CONFIG	0x000000000000000fULL	/* V, Config */
#define USED_S1_W0		0xf80fffffffffffffULL	/* + S1Fmt, ptr, CDMAX */
/* S1DSS..S1CSH 0xff, S1STALLD 1 << 27, EATS 29:28, STRW 31:30, SHCFG */
#define USED_S1_W1		0x00003000f80000ffULL
#define USED_S2_W1		0x00003000f0000000ULL	/* EATS, STRW, SHCFG */
#define USED_SHCFG		0x0000300000000000ULL
#define USED_VMID		0x000000000000ffffULL
/* VMID, VTCR 50:32, S2AA64 .. S2R 58:51 */
#define USED_S2_W2		0x07ffffff0000ffffULL
#define USED_TTB		0x000ffffffffffff0ULL	/* 51:4 */

static void ste_get_used_masks(struct kunit *test)
{
	struct smmu3_ste_s1 s1cfg = { .cdtab_dma = 0x40000000ULL };
	struct io_pgtable_cfg s2cfg;
	__le64 ste[T_WORDS], used[T_WORDS];
	static const u64 exp_invalid[T_WORDS] = { 0x1ULL };
	static const u64 exp_abort[T_WORDS] = { USED_VALID_CONFIG };
	static const u64 exp_bypass[T_WORDS] = {
		USED_VALID_CONFIG, USED_SHCFG,
	};
	static const u64 exp_s1[T_WORDS] = {
		USED_S1_W0, USED_S1_W1, USED_VMID,
	};
	static const u64 exp_s2[T_WORDS] = {
		USED_VALID_CONFIG, USED_S2_W1, USED_S2_W2, USED_TTB,
	};

	/* V = 0: only V is read, whatever the rest holds */
	memset(ste, 0xff, sizeof(ste));
	ste[0] = cpu_to_le64(0xfffffffffffffffeULL);
	smmu3_ste_get_used(ste, used);
	expect_words(test, "used invalid", used, exp_invalid, T_WORDS);

	smmu3_ste_abort(ste);
	smmu3_ste_get_used(ste, used);
	expect_words(test, "used abort", used, exp_abort, T_WORDS);

	smmu3_ste_bypass(ste);
	smmu3_ste_get_used(ste, used);
	expect_words(test, "used bypass", used, exp_bypass, T_WORDS);

	smmu3_ste_s1(ste, &s1cfg);
	smmu3_ste_get_used(ste, used);
	expect_words(test, "used s1", used, exp_s1, T_WORDS);

	t_s2_cfg_4k(&s2cfg);
	smmu3_ste_s2(ste, &s2cfg, 1, true);
	smmu3_ste_get_used(ste, used);
	expect_words(test, "used s2", used, exp_s2, T_WORDS);
}

static void ste_get_used_config_only(struct kunit *test)
{
	__le64 ste[T_WORDS], used[T_WORDS];
	static const u64 exp_nested[T_WORDS] = {
		USED_S1_W0, USED_S1_W1, USED_S2_W2, USED_TTB,
	};
	static const u64 exp_reserved[T_WORDS] = { USED_VALID_CONFIG };

	/* Only dword 0's V and Config decide: nested (0b111) uses both */
	memset(ste, 0, sizeof(ste));
	ste[0] = cpu_to_le64(0x000000000000000fULL);
	smmu3_ste_get_used(ste, used);
	expect_words(test, "used nested", used, exp_nested, T_WORDS);

	/* Reserved Config 0b001 with junk elsewhere: like abort */
	memset(ste, 0xff, sizeof(ste));
	ste[0] = cpu_to_le64(0xfffffffffffffff3ULL);
	smmu3_ste_get_used(ste, used);
	expect_words(test, "used reserved config", used, exp_reserved,
		     T_WORDS);
}

/* Every bit an entry sets must be one its get_used() reports */
static void expect_within_used(struct kunit *test, const char *what,
			       const __le64 *e,
			       void (*get_used)(const __le64 *, __le64 *))
{
	__le64 used[T_WORDS];
	unsigned int i;

	get_used(e, used);
	for (i = 0; i < T_WORDS; i++)
		KUNIT_EXPECT_EQ_MSG(test, le64_to_cpu(e[i] & ~used[i]), 0,
				    "%s dword %u: %#018llx outside used %#018llx",
				    what, i, le64_to_cpu(e[i]),
				    le64_to_cpu(used[i]));
}

static void ste_builders_within_used(struct kunit *test)
{
	struct smmu3_ste_s1 s1 = {
		.cdtab_dma = ~0ULL, .s1fmt = STE_S1FMT_2LVL_64K,
		.s1cdmax = 31, .coherent = true,
	};
	struct io_pgtable_cfg s2;
	__le64 ste[T_WORDS];

	smmu3_ste_abort(ste);
	expect_within_used(test, "abort", ste, smmu3_ste_get_used);
	smmu3_ste_bypass(ste);
	expect_within_used(test, "bypass", ste, smmu3_ste_get_used);
	smmu3_ste_s1(ste, &s1);
	expect_within_used(test, "s1 coherent", ste, smmu3_ste_get_used);
	s1.coherent = false;
	s1.s1fmt = STE_S1FMT_LINEAR;
	smmu3_ste_s1(ste, &s1);
	expect_within_used(test, "s1 non-coherent", ste, smmu3_ste_get_used);

	memset(&s2, 0, sizeof(s2));
	s2.arm_lpae_s2_cfg.vttbr = ~0ULL;
	s2.arm_lpae_s2_cfg.vtcr.tsz = 63;
	s2.arm_lpae_s2_cfg.vtcr.sl = 3;
	s2.arm_lpae_s2_cfg.vtcr.tg = 3;
	s2.arm_lpae_s2_cfg.vtcr.ps = 7;
	s2.arm_lpae_s2_cfg.vtcr.irgn = 3;
	s2.arm_lpae_s2_cfg.vtcr.orgn = 3;
	s2.arm_lpae_s2_cfg.vtcr.sh = 3;
	smmu3_ste_s2(ste, &s2, 0xffff, true);
	expect_within_used(test, "s2 coherent", ste, smmu3_ste_get_used);
	smmu3_ste_s2(ste, &s2, 0xffff, false);
	expect_within_used(test, "s2 non-coherent", ste, smmu3_ste_get_used);
}

static void ste_l1_desc(struct kunit *test)
{
	/* L2Ptr (51:6) = 0x4_0000_1000, SPAN (4:0) = 9: 256 STEs */
	expect_u64(test, "l1 span 9", smmu3_l1_desc(0x0000000400001000ULL, 9),
		   0x0000000400001009ULL);
	/* largest L2Ptr, SPAN 12 = 0xc */
	expect_u64(test, "l1 52-bit", smmu3_l1_desc(0x000fffffffffffc0ULL, 12),
		   0x000fffffffffffccULL);
	/* address bits outside 51:6 are not descriptor bits */
	expect_u64(test, "l1 masked", smmu3_l1_desc(~0ULL, 1),
		   0x000fffffffffffc1ULL);
	/* SPAN 0: no level-2 table */
	expect_u64(test, "l1 span 0", smmu3_l1_desc(0, 0), 0);
}

static struct kunit_case smmu3_ste_cases[] = {
	KUNIT_CASE(ste_abort),
	KUNIT_CASE(ste_bypass),
	KUNIT_CASE(ste_s1_linear_coherent),
	KUNIT_CASE(ste_s1_linear_noncoherent),
	KUNIT_CASE(ste_s1_2lvl),
	KUNIT_CASE(ste_s1_field_limits),
	KUNIT_CASE(ste_s2_4k_coherent),
	KUNIT_CASE(ste_s2_64k_noncoherent),
	KUNIT_CASE(ste_s2_16k_field_limits),
	KUNIT_CASE(ste_s2_from_io_pgtable),
	KUNIT_CASE(ste_get_used_masks),
	KUNIT_CASE(ste_get_used_config_only),
	KUNIT_CASE(ste_builders_within_used),
	KUNIT_CASE(ste_l1_desc),
	{}
};

static struct kunit_suite smmu3_ste_suite = {
	.name = "smmu3-ste",
	.test_cases = smmu3_ste_cases,
};

/* ------------------------------------------------------------------
 * smmu3-cd: context descriptors
 */

static void t_s1_cfg_4k(struct io_pgtable_cfg *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	/* 48-bit VA and PA, 4KB granule, coherent walks */
	cfg->arm_lpae_s1_cfg.ttbr = 0x0000000123456000ULL;
	cfg->arm_lpae_s1_cfg.tcr.tsz = 16;	/* 64 - 48 */
	cfg->arm_lpae_s1_cfg.tcr.tg = 0;	/* 4KB */
	cfg->arm_lpae_s1_cfg.tcr.irgn = 1;	/* WBWA */
	cfg->arm_lpae_s1_cfg.tcr.orgn = 1;
	cfg->arm_lpae_s1_cfg.tcr.sh = 3;	/* inner shareable */
	cfg->arm_lpae_s1_cfg.tcr.ips = 5;	/* 48 bits */
	cfg->arm_lpae_s1_cfg.mair = 0x00000000f404ff44ULL;
}

static void cd_s1_4k(struct kunit *test)
{
	struct io_pgtable_cfg cfg;
	__le64 cd[T_WORDS];
	static const u64 exp[T_WORDS] = {
		/*
		 * Low half: T0SZ 16 -> 0x10, TG0 0, IR0 1 << 8 -> 0x100,
		 * OR0 1 << 10 -> 0x400, SH0 3 << 12 -> 0x3000, EPD0 0,
		 * EPD1 (30) -> 0x40000000, V (31) -> 0x80000000: 0xc0003510.
		 * High half: IPS 5, AA64 (41) 0x200, R (45) 0x2000, A (46)
		 * 0x4000, ASET (47) 0x8000, ASID 0x42 << 16: 0x0042e205
		 */
		0x0042e205c0003510ULL,
		/* TTB0 (51:4) */
		0x0000000123456000ULL,
		/* TTB1 unused (EPD1) */
		0,
		/* MAIR */
		0x00000000f404ff44ULL,
	};

	t_s1_cfg_4k(&cfg);
	memset(cd, 0xa5, sizeof(cd));
	smmu3_cd_s1(cd, &cfg, 0x42);
	expect_words(test, "cd 4K", cd, exp, T_WORDS);
}

static void cd_s1_64k_asid16(struct kunit *test)
{
	struct io_pgtable_cfg cfg = {};
	__le64 cd[T_WORDS];
	static const u64 exp[T_WORDS] = {
		/*
		 * Low: T0SZ 22 -> 0x16, TG0 0b01 (64KB) << 6 -> 0x40,
		 * IR0 = OR0 = 0, SH0 0b10 << 12 -> 0x2000, EPD1, V:
		 * 0xc0002056.  High: IPS 6 (52 bits), 0xe200 (AA64, R, A,
		 * ASET), 16-bit ASID 0xbeef at 63:48: 0xbeefe206
		 */
		0xbeefe206c0002056ULL,
		0x000fedcba9870000ULL,
		0,
		/* all 64 MAIR bits are kept */
		0x0123456789abcdefULL,
	};

	cfg.arm_lpae_s1_cfg.ttbr = 0x000fedcba9870000ULL;
	cfg.arm_lpae_s1_cfg.tcr.tsz = 22;
	cfg.arm_lpae_s1_cfg.tcr.tg = 1;
	cfg.arm_lpae_s1_cfg.tcr.irgn = 0;
	cfg.arm_lpae_s1_cfg.tcr.orgn = 0;
	cfg.arm_lpae_s1_cfg.tcr.sh = 2;
	cfg.arm_lpae_s1_cfg.tcr.ips = 6;
	cfg.arm_lpae_s1_cfg.mair = 0x0123456789abcdefULL;
	smmu3_cd_s1(cd, &cfg, 0xbeef);
	expect_words(test, "cd 64K asid16", cd, exp, T_WORDS);
}

static void cd_s1_16k_field_limits(struct kunit *test)
{
	struct io_pgtable_cfg cfg = {};
	__le64 cd[T_WORDS];
	static const u64 exp[T_WORDS] = {
		/*
		 * Low: T0SZ 63 -> 0x3f, TG0 3 -> 0xc0, IR0 0x300, OR0 0xc00,
		 * SH0 0x3000, EPD0 (bit 14) still clear, EPD1, V: 0xc0003fff.
		 * High: IPS 7, 0xe200, ASID 0xffff: 0xffffe207
		 */
		0xffffe207c0003fffULL,
		/* TTB0 is bits 51:4 only */
		0x000ffffffffffff0ULL,
		0,
		0xffffffffffffffffULL,
	};

	/* 16KB granule: TG0 0b10 -> 0x80 */
	cfg.arm_lpae_s1_cfg.ttbr = 0x0000000040004000ULL;
	cfg.arm_lpae_s1_cfg.tcr.tsz = 25;
	cfg.arm_lpae_s1_cfg.tcr.tg = 2;
	cfg.arm_lpae_s1_cfg.tcr.irgn = 2;
	cfg.arm_lpae_s1_cfg.tcr.orgn = 3;
	cfg.arm_lpae_s1_cfg.tcr.sh = 0;
	cfg.arm_lpae_s1_cfg.tcr.ips = 0;
	smmu3_cd_s1(cd, &cfg, 1);
	/*
	 * Low: 0x19 | 0x80 | 2 << 8 | 3 << 10 | SH0 0 | EPD1 | V =
	 * 0xc0000e99; high: IPS 0, 0xe200, ASID 1: 0x0001e200
	 */
	expect_u64(test, "cd 16K dword 0", le64_to_cpu(cd[0]),
		   0x0001e200c0000e99ULL);
	expect_u64(test, "cd 16K dword 1", le64_to_cpu(cd[1]),
		   0x0000000040004000ULL);
	expect_u64(test, "cd 16K dword 3", le64_to_cpu(cd[3]), 0);

	cfg.arm_lpae_s1_cfg.ttbr = ~0ULL;
	cfg.arm_lpae_s1_cfg.tcr.tsz = 63;
	cfg.arm_lpae_s1_cfg.tcr.tg = 3;
	cfg.arm_lpae_s1_cfg.tcr.irgn = 3;
	cfg.arm_lpae_s1_cfg.tcr.orgn = 3;
	cfg.arm_lpae_s1_cfg.tcr.sh = 3;
	cfg.arm_lpae_s1_cfg.tcr.ips = 7;
	cfg.arm_lpae_s1_cfg.mair = ~0ULL;
	smmu3_cd_s1(cd, &cfg, 0xffff);
	expect_words(test, "cd limits", cd, exp, T_WORDS);
}

static void cd_s1_from_io_pgtable(struct kunit *test)
{
	struct io_pgtable_cfg cfg;
	__le64 cd[T_WORDS];
	u64 ttbr;

	/*
	 * ARM_64_LPAE_S1, 4KB, IAS = OAS = 48, coherent: TCR is T0SZ 16,
	 * TG0 4KB, IRGN = ORGN = WBWA, SH inner, IPS 48-bit, and MAIR has
	 * NC 0x44, WBRWA 0xff, Device 0x04, INC-OWBRWA 0xf4 at indexes 0..3.
	 */
	t_pgtbl_alloc(test, ARM_64_LPAE_S1, 48, 48, &cfg);
	ttbr = cfg.arm_lpae_s1_cfg.ttbr;
	KUNIT_ASSERT_NE(test, ttbr, 0);
	smmu3_cd_s1(cd, &cfg, 1);
	/* as cd_s1_4k, ASID 1: high half 0x0001e205 */
	expect_u64(test, "cd io-pgtable dword 0", le64_to_cpu(cd[0]),
		   0x0001e205c0003510ULL);
	KUNIT_EXPECT_EQ(test, ttbr & 0xfff0000000000fffULL, 0);
	expect_u64(test, "cd io-pgtable dword 1", le64_to_cpu(cd[1]), ttbr);
	/*
	 * io-pgtable-arm builds MAIR in int arithmetic: 0xf4 << 24 is
	 * negative and sign-extends, so Attr4..7 read 0xff.  The CD takes
	 * MAIR as it is.
	 */
	expect_u64(test, "cd io-pgtable dword 3", le64_to_cpu(cd[3]),
		   0xfffffffff404ff44ULL);
}

/*
 * Dirty tracking (IO_PGTABLE_QUIRK_ARM_HD): HA (bit 43) and HD (bit 42)
 * on top of cd_s1_4k's CD, nothing else changes (§5.4)
 */
static void cd_s1_dirty_sets_ha_hd(struct kunit *test)
{
	struct io_pgtable_cfg cfg = {};
	__le64 cd[T_WORDS];

	t_s1_cfg_4k(&cfg);
	cfg.quirks = IO_PGTABLE_QUIRK_ARM_HD;
	smmu3_cd_s1(cd, &cfg, 0x42);
	expect_u64(test, "cd dirty dword 0", le64_to_cpu(cd[0]),
		   0x0042ee05c0003510ULL);
	/* other quirks leave HA/HD clear */
	cfg.quirks = IO_PGTABLE_QUIRK_ARM_OUTER_WBWA;
	smmu3_cd_s1(cd, &cfg, 0x42);
	expect_u64(test, "cd no dirty dword 0", le64_to_cpu(cd[0]),
		   0x0042e205c0003510ULL);
}

static void cd_get_used_masks(struct kunit *test)
{
	struct io_pgtable_cfg cfg;
	__le64 cd[T_WORDS], used[T_WORDS];
	static const u64 exp_invalid[T_WORDS] = { 0x0000000080000000ULL };
	static const u64 exp_epd1[T_WORDS] = {
		~0ULL, USED_TTB, 0, ~0ULL,
	};
	static const u64 exp_both[T_WORDS] = {
		~0ULL, USED_TTB, USED_TTB, ~0ULL,
	};
	static const u64 exp_epd0[T_WORDS] = {
		~0ULL, 0, USED_TTB, ~0ULL,
	};

	/* V (bit 31) clear: nothing else is read */
	memset(cd, 0xff, sizeof(cd));
	cd[0] = cpu_to_le64(0xffffffff7fffffffULL);
	smmu3_cd_get_used(cd, used);
	expect_words(test, "cd used invalid", used, exp_invalid, T_WORDS);

	t_s1_cfg_4k(&cfg);
	smmu3_cd_s1(cd, &cfg, 3);
	smmu3_cd_get_used(cd, used);
	expect_words(test, "cd used EPD1", used, exp_epd1, T_WORDS);

	/* EPD1 (bit 30) clear: TTB1 is walked too */
	cd[0] &= cpu_to_le64(~0x0000000040000000ULL);
	smmu3_cd_get_used(cd, used);
	expect_words(test, "cd used both", used, exp_both, T_WORDS);

	/* EPD0 (bit 14) set: TTB0 is not walked */
	cd[0] |= cpu_to_le64(0x0000000000004000ULL);
	smmu3_cd_get_used(cd, used);
	expect_words(test, "cd used EPD0", used, exp_epd0, T_WORDS);
}

static void cd_builder_within_used(struct kunit *test)
{
	struct io_pgtable_cfg cfg;
	__le64 cd[T_WORDS];

	t_s1_cfg_4k(&cfg);
	smmu3_cd_s1(cd, &cfg, 0x42);
	expect_within_used(test, "cd 4K", cd, smmu3_cd_get_used);

	cfg.arm_lpae_s1_cfg.ttbr = ~0ULL;
	cfg.arm_lpae_s1_cfg.mair = ~0ULL;
	cfg.arm_lpae_s1_cfg.tcr.tsz = 63;
	cfg.arm_lpae_s1_cfg.tcr.tg = 3;
	cfg.arm_lpae_s1_cfg.tcr.ips = 7;
	smmu3_cd_s1(cd, &cfg, 0xffff);
	expect_within_used(test, "cd limits", cd, smmu3_cd_get_used);
}

static void cd_l1_desc(struct kunit *test)
{
	/* V (bit 0) = 1, L2Ptr (51:12) = 0x1_2345_6000 */
	expect_u64(test, "cd l1", smmu3_cd_l1_desc(0x0000000123456000ULL),
		   0x0000000123456001ULL);
	/* a 64KB-aligned 52-bit level-2 table */
	expect_u64(test, "cd l1 52-bit",
		   smmu3_cd_l1_desc(0x000fffffffff0000ULL),
		   0x000fffffffff0001ULL);
	/* bits outside 51:12 are dropped; V stays set */
	expect_u64(test, "cd l1 masked", smmu3_cd_l1_desc(~0ULL),
		   0x000ffffffffff001ULL);
}

static struct kunit_case smmu3_cd_cases[] = {
	KUNIT_CASE(cd_s1_4k),
	KUNIT_CASE(cd_s1_64k_asid16),
	KUNIT_CASE(cd_s1_16k_field_limits),
	KUNIT_CASE(cd_s1_from_io_pgtable),
	KUNIT_CASE(cd_s1_dirty_sets_ha_hd),
	KUNIT_CASE(cd_get_used_masks),
	KUNIT_CASE(cd_builder_within_used),
	KUNIT_CASE(cd_l1_desc),
	{}
};

static struct kunit_suite smmu3_cd_suite = {
	.name = "smmu3-cd",
	.test_cases = smmu3_cd_cases,
};

/* ------------------------------------------------------------------
 * smmu3-write: the hitless entry update
 *
 * The sync callback is where the SMMU could next be told to re-read the
 * entry; between two syncs it may read the words written since the last
 * one in any order, each 64-bit word single-copy atomic.  So at every sync
 * each subset of the words changed since the previous sync is combined
 * with the previous snapshot, and every such state must be, under the
 * used-bit masks, the old configuration, the new one, or (only in an
 * update that has to break) an invalid entry.  Along every order of the
 * word writes the configuration may only move forward: old, invalid, new.
 */

enum wr_state { WR_OLD, WR_INVALID, WR_NEW, WR_BAD };

/* What a test expects smmu3_write_entry() to have to do */
enum wr_kind {
	WR_NOP,		/* identical: no write, no sync */
	WR_HITLESS,	/* at most one word's used bits conflict */
	WR_BREAK,	/* V = 0 in between */
};

struct wr_ctx {
	struct smmu3_entry_writer writer;
	unsigned int n;
	__le64 entry[T_WORDS];
	__le64 old[T_WORDS];
	__le64 new[T_WORDS];
	__le64 old_used[T_WORDS];
	__le64 new_used[T_WORDS];
	__le64 snap[T_WORDS];
	bool allow_invalid;
	enum wr_state phase;
	unsigned int syncs;
	unsigned int empty_syncs;
	unsigned int states;
	unsigned int invalid;
	unsigned int bad;
	unsigned int regressions;
	char why[192];
	u8 cls[1U << T_WORDS];
};

static bool wr_is(const struct wr_ctx *c, const __le64 *m, const __le64 *cfg,
		  const __le64 *used)
{
	__le64 mu[T_WORDS];
	unsigned int i;

	c->writer.ops->get_used(m, mu);
	for (i = 0; i < c->n; i++) {
		if (mu[i] != used[i])
			return false;
		if (le64_to_cpu((m[i] ^ cfg[i]) & used[i]))
			return false;
	}
	return true;
}

static enum wr_state wr_classify(const struct wr_ctx *c, const __le64 *m)
{
	if (wr_is(c, m, c->new, c->new_used))
		return WR_NEW;
	if (wr_is(c, m, c->old, c->old_used))
		return WR_OLD;
	if (!(le64_to_cpu(m[0]) & c->writer.ops->valid_bit))
		return WR_INVALID;
	return WR_BAD;
}

static const char *const wr_state_names[] = {
	[WR_OLD] = "old", [WR_INVALID] = "invalid", [WR_NEW] = "new",
	[WR_BAD] = "neither",
};

static void wr_fail(struct wr_ctx *c, unsigned int *counter,
		    unsigned int sub, unsigned int changed, const char *what)
{
	(*counter)++;
	if (c->why[0])
		return;
	snprintf(c->why, sizeof(c->why),
		 "sync %u: words %#x of changed %#x: %s (dword 0 %#018llx)",
		 c->syncs, sub, changed, what,
		 le64_to_cpu(sub & 1 ? c->entry[0] : c->snap[0]));
}

static void wr_sync(struct smmu3_entry_writer *writer)
{
	struct wr_ctx *c = container_of(writer, struct wr_ctx, writer);
	unsigned int changed = 0, sub, i;
	__le64 m[T_WORDS];

	c->syncs++;
	for (i = 0; i < c->n; i++)
		if (READ_ONCE(c->entry[i]) != c->snap[i])
			changed |= BIT(i);
	if (!changed) {
		c->empty_syncs++;
		return;
	}

	/* Every state the SMMU may see: a subset of the new words */
	c->cls[0] = c->phase;
	for (sub = changed; sub; sub = (sub - 1) & changed) {
		for (i = 0; i < c->n; i++)
			m[i] = sub & BIT(i) ? c->entry[i] : c->snap[i];
		c->cls[sub] = wr_classify(c, m);
		c->states++;
		if (c->cls[sub] == WR_INVALID)
			c->invalid++;
		if (c->cls[sub] == WR_BAD ||
		    (c->cls[sub] == WR_INVALID && !c->allow_invalid))
			wr_fail(c, &c->bad, sub, changed,
				wr_state_names[c->cls[sub]]);
	}
	/* Every single-word write step, along every order */
	for (sub = changed; ; sub = (sub - 1) & changed) {
		for (i = 0; i < c->n; i++) {
			unsigned int next = sub | BIT(i);

			if (!(changed & BIT(i)) || (sub & BIT(i)))
				continue;
			if (c->cls[sub] == WR_BAD || c->cls[next] == WR_BAD)
				continue;
			if (c->cls[next] < c->cls[sub])
				wr_fail(c, &c->regressions, next, changed,
					"goes back to an earlier state");
		}
		if (!sub)
			break;
	}
	if (c->cls[changed] != WR_BAD)
		c->phase = c->cls[changed];
	memcpy(c->snap, c->entry, sizeof(c->snap));
}

static const struct smmu3_entry_writer_ops wr_ste_ops = {
	.num_words = STE_DWORDS,
	.valid_bit = STE_0_V,
	.get_used = smmu3_ste_get_used,
	.sync = wr_sync,
};

static const struct smmu3_entry_writer_ops wr_cd_ops = {
	.num_words = CD_DWORDS,
	.valid_bit = CD_0_V,
	.get_used = smmu3_cd_get_used,
	.sync = wr_sync,
};

static struct wr_ctx *wr_setup(struct kunit *test,
			       const struct smmu3_entry_writer_ops *ops,
			       const __le64 *from, const __le64 *to,
			       bool allow_invalid)
{
	struct wr_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, c);
	c->writer.ops = ops;
	c->n = ops->num_words;
	KUNIT_ASSERT_LE(test, c->n, T_WORDS);
	memcpy(c->entry, from, c->n * sizeof(__le64));
	memcpy(c->snap, from, c->n * sizeof(__le64));
	memcpy(c->old, from, c->n * sizeof(__le64));
	memcpy(c->new, to, c->n * sizeof(__le64));
	ops->get_used(c->old, c->old_used);
	ops->get_used(c->new, c->new_used);
	c->allow_invalid = allow_invalid;
	c->phase = wr_classify(c, c->entry);
	return c;
}

/*
 * Words whose bits used by both configurations differ.  Each needs its
 * own switching write, so more than one means no write order is hitless.
 */
static unsigned int wr_conflicts(const struct wr_ctx *c)
{
	unsigned int i, n = 0;

	for (i = 0; i < c->n; i++)
		if (le64_to_cpu((c->old[i] ^ c->new[i]) & c->old_used[i] &
				c->new_used[i]))
			n++;
	return n;
}

static void wr_check(struct kunit *test,
		     const struct smmu3_entry_writer_ops *ops,
		     const __le64 *from, const __le64 *to,
		     enum wr_kind kind, unsigned int syncs)
{
	struct wr_ctx *c = wr_setup(test, ops, from, to, kind == WR_BREAK);
	unsigned int conflicts = wr_conflicts(c);

	/* The expectation of the test itself, from the used masks */
	if (kind == WR_NOP)
		KUNIT_ASSERT_EQ(test, memcmp(from, to, c->n * 8), 0);
	else if (kind == WR_HITLESS)
		KUNIT_ASSERT_LE(test, conflicts, 1);
	else
		KUNIT_ASSERT_GE(test, conflicts, 2);
	KUNIT_ASSERT_NE(test, c->phase, WR_BAD);

	smmu3_write_entry(&c->writer, c->entry, to);

	KUNIT_EXPECT_EQ_MSG(test, memcmp(c->entry, to, c->n * 8), 0,
			    "the entry is not the target at the end");
	KUNIT_EXPECT_EQ_MSG(test, memcmp(c->entry, c->snap, c->n * 8), 0,
			    "words written after the last sync");
	KUNIT_EXPECT_EQ(test, c->syncs, syncs);
	KUNIT_EXPECT_EQ(test, c->empty_syncs, 0);
	KUNIT_EXPECT_EQ_MSG(test, c->bad, 0, "%s", c->why);
	KUNIT_EXPECT_EQ_MSG(test, c->regressions, 0, "%s", c->why);
	if (kind == WR_BREAK)
		KUNIT_EXPECT_GT(test, c->invalid, 0);
	if (kind != WR_NOP)
		KUNIT_EXPECT_EQ(test, c->phase, WR_NEW);
}

static void t_ste_s1(__le64 *ste, dma_addr_t cdtab, bool coherent)
{
	struct smmu3_ste_s1 cfg = {
		.cdtab_dma = cdtab,
		.s1fmt = STE_S1FMT_LINEAR,
		.coherent = coherent,
	};

	smmu3_ste_s1(ste, &cfg);
}

static void t_ste_s2(__le64 *ste, u64 vttbr, u16 vmid)
{
	struct io_pgtable_cfg cfg;

	t_s2_cfg_4k(&cfg);
	cfg.arm_lpae_s2_cfg.vttbr = vttbr;
	smmu3_ste_s2(ste, &cfg, vmid, true);
}

static void write_ste_abort_to_bypass(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];

	/* SHCFG is unused by abort: written first, then dword 0 */
	smmu3_ste_abort(a);
	smmu3_ste_bypass(b);
	wr_check(test, &wr_ste_ops, a, b, WR_HITLESS, 2);
}

static void write_ste_bypass_to_s1(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];

	/* Both keep SHCFG = incoming: dword 1's S1 fields, then dword 0 */
	smmu3_ste_bypass(a);
	t_ste_s1(b, 0x40000000, true);
	wr_check(test, &wr_ste_ops, a, b, WR_HITLESS, 2);
}

static void write_ste_s1_to_bypass(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];

	/* dword 0 switches, then the S1 fields of dword 1 are cleared */
	t_ste_s1(a, 0x40000000, true);
	smmu3_ste_bypass(b);
	wr_check(test, &wr_ste_ops, a, b, WR_HITLESS, 2);
}

static void write_ste_s1_to_s2(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];

	/* Config (dword 0) and S2VMID (dword 2, used by both) change */
	t_ste_s1(a, 0x40000000, true);
	t_ste_s2(b, 0x87654000, 5);
	wr_check(test, &wr_ste_ops, a, b, WR_BREAK, 3);
}

static void write_ste_s2_to_s1(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];

	t_ste_s2(a, 0x87654000, 5);
	t_ste_s1(b, 0x40000000, true);
	wr_check(test, &wr_ste_ops, a, b, WR_BREAK, 3);
}

static void write_ste_s1_cdtab_change(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];

	/* Only S1ContextPtr in dword 0: one write, one sync */
	t_ste_s1(a, 0x40000000, true);
	t_ste_s1(b, 0x40010000, true);
	wr_check(test, &wr_ste_ops, a, b, WR_HITLESS, 1);
}

static void write_ste_s1_coherency_change(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];

	/* Only S1CIR/S1COR/S1CSH in dword 1 */
	t_ste_s1(a, 0x40000000, true);
	t_ste_s1(b, 0x40000000, false);
	wr_check(test, &wr_ste_ops, a, b, WR_HITLESS, 1);
}

static void write_ste_s1_table_and_coherency(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];

	/* dwords 0 and 1 both switch: no hitless order exists */
	t_ste_s1(a, 0x40000000, true);
	t_ste_s1(b, 0x40010000, false);
	wr_check(test, &wr_ste_ops, a, b, WR_BREAK, 3);
}

static void write_ste_s1_to_abort(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];

	t_ste_s1(a, 0x40000000, true);
	smmu3_ste_abort(b);
	wr_check(test, &wr_ste_ops, a, b, WR_HITLESS, 2);
}

static void write_ste_s2_vmid_change(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];

	t_ste_s2(a, 0x87654000, 5);
	t_ste_s2(b, 0x87654000, 6);
	wr_check(test, &wr_ste_ops, a, b, WR_HITLESS, 1);
}

static void write_ste_s2_domain_change(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];

	/* VMID (dword 2) and S2TTB (dword 3) must change together */
	t_ste_s2(a, 0x87654000, 5);
	t_ste_s2(b, 0x12345000, 6);
	wr_check(test, &wr_ste_ops, a, b, WR_BREAK, 3);
}

static void write_ste_s2_to_bypass(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];

	t_ste_s2(a, 0x87654000, 5);
	smmu3_ste_bypass(b);
	wr_check(test, &wr_ste_ops, a, b, WR_HITLESS, 2);
}

static void write_ste_invalid_to_s2(struct kunit *test)
{
	__le64 a[T_WORDS] = {}, b[T_WORDS];

	/* A zeroed (V = 0) STE: the rest first, then dword 0 */
	t_ste_s2(b, 0x87654000, 5);
	wr_check(test, &wr_ste_ops, a, b, WR_HITLESS, 2);
}

static void write_ste_unused_junk(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];

	/* Abort with junk in words abort does not read: one cleanup */
	smmu3_ste_abort(b);
	memcpy(a, b, sizeof(a));
	a[3] = cpu_to_le64(0x1234567890abcdefULL);
	a[7] = cpu_to_le64(~0ULL);
	wr_check(test, &wr_ste_ops, a, b, WR_HITLESS, 1);
}

static void write_ste_identical(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];

	t_ste_s1(a, 0x40000000, true);
	t_ste_s1(b, 0x40000000, true);
	wr_check(test, &wr_ste_ops, a, b, WR_NOP, 0);
	t_ste_s2(a, 0x87654000, 5);
	t_ste_s2(b, 0x87654000, 5);
	wr_check(test, &wr_ste_ops, a, b, WR_NOP, 0);
}

static void t_cd(__le64 *cd, u64 ttbr, u16 asid, u64 mair)
{
	struct io_pgtable_cfg cfg;

	t_s1_cfg_4k(&cfg);
	cfg.arm_lpae_s1_cfg.ttbr = ttbr;
	cfg.arm_lpae_s1_cfg.mair = mair;
	smmu3_cd_s1(cd, &cfg, asid);
}

static void write_cd_install(struct kunit *test)
{
	__le64 a[T_WORDS] = {}, b[T_WORDS];

	/* TTB0 and MAIR while V = 0, then dword 0 */
	t_cd(b, 0x123456000ULL, 1, 0xf404ff44);
	wr_check(test, &wr_cd_ops, a, b, WR_HITLESS, 2);
}

static void write_cd_remove(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS] = {};

	/* V = 0 is the new configuration here, not a break */
	t_cd(a, 0x123456000ULL, 1, 0xf404ff44);
	wr_check(test, &wr_cd_ops, a, b, WR_HITLESS, 2);
}

static void write_cd_asid_change(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];

	t_cd(a, 0x123456000ULL, 1, 0xf404ff44);
	t_cd(b, 0x123456000ULL, 0xbeef, 0xf404ff44);
	wr_check(test, &wr_cd_ops, a, b, WR_HITLESS, 1);
}

static void write_cd_ttb0_change(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];

	t_cd(a, 0x123456000ULL, 1, 0xf404ff44);
	t_cd(b, 0x654321000ULL, 1, 0xf404ff44);
	wr_check(test, &wr_cd_ops, a, b, WR_HITLESS, 1);
}

static void write_cd_ttb0_and_asid(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];

	/* Another domain: dwords 0 and 1 both switch, so V = 0 between */
	t_cd(a, 0x123456000ULL, 1, 0xf404ff44);
	t_cd(b, 0x654321000ULL, 2, 0xf404ff44);
	wr_check(test, &wr_cd_ops, a, b, WR_BREAK, 3);
}

static void write_cd_ttb0_and_mair(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];

	/* dword 0 unchanged, dwords 1 and 3 conflict */
	t_cd(a, 0x123456000ULL, 1, 0xf404ff44);
	t_cd(b, 0x654321000ULL, 1, 0x44);
	wr_check(test, &wr_cd_ops, a, b, WR_BREAK, 3);
}

static void write_cd_identical(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];

	t_cd(a, 0x123456000ULL, 7, 0xf404ff44);
	t_cd(b, 0x123456000ULL, 7, 0xf404ff44);
	wr_check(test, &wr_cd_ops, a, b, WR_NOP, 0);
}

/* The checker itself must catch bad sequences */
static void write_checker_catches_torn_update(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];
	struct wr_ctx *c;

	/* S1 -> S2 in one go: S2 Config with the S1 VMID/TTB is neither */
	t_ste_s1(a, 0x40000000, true);
	t_ste_s2(b, 0x87654000, 5);
	c = wr_setup(test, &wr_ste_ops, a, b, true);
	memcpy(c->entry, b, sizeof(b));
	wr_sync(&c->writer);
	KUNIT_EXPECT_GT(test, c->bad, 0);
	KUNIT_EXPECT_EQ(test, c->phase, WR_NEW);
	/* 2^4 - 1 subsets of the four changed words */
	KUNIT_EXPECT_EQ(test, c->states, 15);
}

static void write_checker_catches_one_bad_order(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];
	struct wr_ctx *c;

	/*
	 * V = 0 and the new TTB0 in the same interval: the end state is
	 * fine, but an SMMU reading dword 1 first sees the old ASID with
	 * the new table.
	 */
	t_cd(a, 0x123456000ULL, 1, 0xf404ff44);
	t_cd(b, 0x654321000ULL, 2, 0xf404ff44);
	c = wr_setup(test, &wr_cd_ops, a, b, true);
	c->entry[0] &= ~cpu_to_le64(CD_0_V);
	c->entry[1] = b[1];
	wr_sync(&c->writer);
	KUNIT_EXPECT_EQ(test, c->bad, 1);
	KUNIT_EXPECT_EQ(test, c->phase, WR_INVALID);
}

static void write_checker_catches_needless_break(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];
	struct wr_ctx *c;

	/* bypass -> S1 through V = 0, where a hitless order exists */
	smmu3_ste_bypass(a);
	t_ste_s1(b, 0x40000000, true);
	c = wr_setup(test, &wr_ste_ops, a, b, false);
	c->entry[0] &= ~cpu_to_le64(STE_0_V);
	wr_sync(&c->writer);
	memcpy(&c->entry[1], &b[1], 7 * sizeof(__le64));
	wr_sync(&c->writer);
	c->entry[0] = b[0];
	wr_sync(&c->writer);
	KUNIT_EXPECT_GT(test, c->bad, 0);
	KUNIT_EXPECT_EQ(test, c->phase, WR_NEW);
}

static void write_checker_catches_regression(struct kunit *test)
{
	__le64 a[T_WORDS], b[T_WORDS];
	struct wr_ctx *c;

	/* abort -> bypass -> abort again: back to an earlier state */
	smmu3_ste_abort(a);
	smmu3_ste_bypass(b);
	c = wr_setup(test, &wr_ste_ops, a, b, false);
	c->entry[1] = b[1];
	wr_sync(&c->writer);
	c->entry[0] = b[0];
	wr_sync(&c->writer);
	KUNIT_EXPECT_EQ(test, c->regressions, 0);
	c->entry[0] = a[0];
	wr_sync(&c->writer);
	KUNIT_EXPECT_EQ(test, c->regressions, 1);
	KUNIT_EXPECT_EQ(test, c->bad, 0);
	KUNIT_EXPECT_EQ(test, c->empty_syncs, 0);
	wr_sync(&c->writer);
	KUNIT_EXPECT_EQ(test, c->empty_syncs, 1);
}

static struct kunit_case smmu3_write_cases[] = {
	KUNIT_CASE(write_ste_abort_to_bypass),
	KUNIT_CASE(write_ste_bypass_to_s1),
	KUNIT_CASE(write_ste_s1_to_bypass),
	KUNIT_CASE(write_ste_s1_to_s2),
	KUNIT_CASE(write_ste_s2_to_s1),
	KUNIT_CASE(write_ste_s1_cdtab_change),
	KUNIT_CASE(write_ste_s1_coherency_change),
	KUNIT_CASE(write_ste_s1_table_and_coherency),
	KUNIT_CASE(write_ste_s1_to_abort),
	KUNIT_CASE(write_ste_s2_vmid_change),
	KUNIT_CASE(write_ste_s2_domain_change),
	KUNIT_CASE(write_ste_s2_to_bypass),
	KUNIT_CASE(write_ste_invalid_to_s2),
	KUNIT_CASE(write_ste_unused_junk),
	KUNIT_CASE(write_ste_identical),
	KUNIT_CASE(write_cd_install),
	KUNIT_CASE(write_cd_remove),
	KUNIT_CASE(write_cd_asid_change),
	KUNIT_CASE(write_cd_ttb0_change),
	KUNIT_CASE(write_cd_ttb0_and_asid),
	KUNIT_CASE(write_cd_ttb0_and_mair),
	KUNIT_CASE(write_cd_identical),
	KUNIT_CASE(write_checker_catches_torn_update),
	KUNIT_CASE(write_checker_catches_one_bad_order),
	KUNIT_CASE(write_checker_catches_needless_break),
	KUNIT_CASE(write_checker_catches_regression),
	{}
};

static struct kunit_suite smmu3_write_suite = {
	.name = "smmu3-write",
	.test_cases = smmu3_write_cases,
};

/* ------------------------------------------------------------------
 * smmu3-cmd: command encoding
 */

static void expect_cmd(struct kunit *test, const char *what,
		       const struct smmu3_cmd *cmd, u64 w0, u64 w1)
{
	u64 out[2] = { 0xdeaddeaddeaddeadULL, 0xdeaddeaddeaddeadULL };

	KUNIT_ASSERT_EQ_MSG(test, smmu3_cmd_encode(cmd, out), 0, "%s", what);
	KUNIT_EXPECT_EQ_MSG(test, out[0], w0,
			    "%s dword 0: got %#018llx, expected %#018llx",
			    what, out[0], w0);
	KUNIT_EXPECT_EQ_MSG(test, out[1], w1,
			    "%s dword 1: got %#018llx, expected %#018llx",
			    what, out[1], w1);
}

static void cmd_cfgi_ste(struct kunit *test)
{
	struct smmu3_cmd cmd = {
		.opcode = CMD_OP_CFGI_STE, .sid = 0x1234, .leaf = true,
	};

	/* SID (63:32) 0x1234, opcode 0x03; Leaf is dword 1 bit 0 */
	expect_cmd(test, "CFGI_STE leaf", &cmd, 0x0000123400000003ULL, 1);
	cmd.leaf = false;
	cmd.sid = 0xffffffff;
	expect_cmd(test, "CFGI_STE", &cmd, 0xffffffff00000003ULL, 0);
}

static void cmd_cfgi_ste_range(struct kunit *test)
{
	struct smmu3_cmd cmd = {
		.opcode = CMD_OP_CFGI_STE_RANGE, .sid = 0x100, .range = 8,
	};

	/* 256 StreamIDs from 0x100: Range (dword 1, 4:0) = 8 */
	expect_cmd(test, "CFGI_STE_RANGE", &cmd, 0x0000010000000004ULL, 8);
}

static void cmd_cfgi_all(struct kunit *test)
{
	struct smmu3_cmd cmd = {
		.opcode = CMD_OP_CFGI_ALL, .range = CMD_CFGI_RANGE_ALL,
	};

	/* CFGI_STE_RANGE (0x04) with Range 31 = 0x1f */
	expect_cmd(test, "CFGI_ALL", &cmd, 0x0000000000000004ULL, 0x1f);
}

static void cmd_cfgi_cd(struct kunit *test)
{
	struct smmu3_cmd cmd = {
		.opcode = CMD_OP_CFGI_CD, .sid = 0x42, .ssid = 0xabcde,
		.leaf = true,
	};

	/* SID 0x42 at 63:32, SSID 0xabcde at 31:12, opcode 0x05 */
	expect_cmd(test, "CFGI_CD", &cmd, 0x00000042abcde005ULL, 1);
	cmd.ssid = 0;
	cmd.leaf = false;
	expect_cmd(test, "CFGI_CD ssid 0", &cmd, 0x0000004200000005ULL, 0);
}

static void cmd_cfgi_cd_all(struct kunit *test)
{
	struct smmu3_cmd cmd = {
		.opcode = CMD_OP_CFGI_CD_ALL, .sid = 0xfffff, .ssid = 0x7,
	};

	/* SID only: an SSID given by mistake is not encoded */
	expect_cmd(test, "CFGI_CD_ALL", &cmd, 0x000fffff00000006ULL, 0);
}

static void cmd_tlbi_nh(struct kunit *test)
{
	struct smmu3_cmd cmd = {
		.opcode = CMD_OP_TLBI_NH_ALL, .vmid = 0x1234, .asid = 0x99,
	};

	/* VMID (47:32) only */
	expect_cmd(test, "TLBI_NH_ALL", &cmd, 0x0000123400000010ULL, 0);
	/* ASID (63:48) 0xbeef, VMID 2 */
	cmd = (struct smmu3_cmd){
		.opcode = CMD_OP_TLBI_NH_ASID, .vmid = 2, .asid = 0xbeef,
	};
	expect_cmd(test, "TLBI_NH_ASID", &cmd, 0xbeef000200000011ULL, 0);
}

static void cmd_tlbi_nh_va(struct kunit *test)
{
	struct smmu3_cmd cmd = {
		.opcode = CMD_OP_TLBI_NH_VA, .asid = 0x1234, .vmid = 5,
		.num = 3, .scale = 7, .leaf = true, .ttl = 3,
		.tg = CMD_TLBI_TG_4K, .addr = 0x00007ffffffff000ULL,
	};

	/*
	 * dword 0: NUM 3 << 12 = 0x3000, SCALE 7 << 20 = 0x700000,
	 * VMID 5 << 32, ASID 0x1234 << 48, opcode 0x12.
	 * dword 1: Leaf 1, TTL 3 << 8 = 0x300, TG 1 << 10 = 0x400,
	 * Address (63:12).
	 */
	expect_cmd(test, "TLBI_NH_VA", &cmd, 0x1234000500703012ULL,
		   0x00007ffffffff701ULL);
	/* Address bits 11:0 are not the address; 63:48 are (TBI) */
	cmd.addr = 0xffff800000001abcULL;
	cmd.num = 31;
	cmd.scale = 31;
	cmd.ttl = 0;
	cmd.tg = 0;
	cmd.leaf = false;
	/* NUM 31 -> 0x1f000, SCALE 31 -> 0x1f00000 */
	expect_cmd(test, "TLBI_NH_VA all", &cmd, 0x1234000501f1f012ULL,
		   0xffff800000001000ULL);
}

static void cmd_tlbi_nh_vaa(struct kunit *test)
{
	struct smmu3_cmd cmd = {
		.opcode = CMD_OP_TLBI_NH_VAA, .asid = 0x1234, .vmid = 9,
		.addr = 0x1000, .leaf = false, .tg = CMD_TLBI_TG_64K,
		.ttl = 2, .num = 1, .scale = 4,
	};

	/*
	 * No ASID for all ASIDs: VMID 9 << 32, NUM 1 << 12, SCALE
	 * 4 << 20, opcode 0x13; TTL 2 << 8 | TG 3 << 10 = 0xe00
	 */
	expect_cmd(test, "TLBI_NH_VAA", &cmd, 0x0000000900401013ULL,
		   0x0000000000001e00ULL);
}

static void cmd_tlbi_el2(struct kunit *test)
{
	struct smmu3_cmd cmd = {
		.opcode = CMD_OP_TLBI_EL2_ALL, .asid = 0xbeef, .vmid = 0x55,
	};

	/* No ASID or VMID field */
	expect_cmd(test, "TLBI_EL2_ALL", &cmd, 0x0000000000000020ULL, 0);
	/* ASID only: the VMID is not part of the EL2 regime */
	cmd.opcode = CMD_OP_TLBI_EL2_ASID;
	expect_cmd(test, "TLBI_EL2_ASID", &cmd, 0xbeef000000000021ULL, 0);
}

static void cmd_tlbi_el2_va(struct kunit *test)
{
	struct smmu3_cmd cmd = {
		.opcode = CMD_OP_TLBI_EL2_VA, .asid = 0xab, .vmid = 0x55,
		.addr = 0xffff000000200000ULL, .leaf = true, .ttl = 2,
		.tg = CMD_TLBI_TG_4K, .num = 0, .scale = 9,
	};

	/*
	 * ASID 0xab << 48, no VMID, SCALE 9 << 20 = 0x900000, 0x22;
	 * Leaf | TTL 2 << 8 | TG 1 << 10 = 0x601, address
	 */
	expect_cmd(test, "TLBI_EL2_VA", &cmd, 0x00ab000000900022ULL,
		   0xffff000000200601ULL);
}

static void cmd_tlbi_s12_vmall(struct kunit *test)
{
	struct smmu3_cmd cmd = {
		.opcode = CMD_OP_TLBI_S12_VMALL, .vmid = 0xffff, .asid = 3,
	};

	expect_cmd(test, "TLBI_S12_VMALL", &cmd, 0x0000ffff00000028ULL, 0);
}

static void cmd_tlbi_s2_ipa(struct kunit *test)
{
	struct smmu3_cmd cmd = {
		.opcode = CMD_OP_TLBI_S2_IPA, .vmid = 0x0101, .asid = 0xffff,
		.num = 31, .scale = 31, .leaf = true, .ttl = 1,
		.tg = CMD_TLBI_TG_64K, .addr = 0xffffffffffff0000ULL,
	};

	/*
	 * dword 0: VMID 0x0101 << 32, no ASID, NUM 0x1f000, SCALE
	 * 0x1f00000, opcode 0x2a.  dword 1: Leaf | TTL 1 << 8 | TG
	 * 3 << 10 = 0xd01 and IPA bits 51:12 only.
	 */
	expect_cmd(test, "TLBI_S2_IPA", &cmd, 0x0000010101f1f02aULL,
		   0x000fffffffff0d01ULL);
	cmd = (struct smmu3_cmd){
		.opcode = CMD_OP_TLBI_S2_IPA, .vmid = 1,
		.addr = 0x0000000080000000ULL,
	};
	expect_cmd(test, "TLBI_S2_IPA plain", &cmd, 0x000000010000002aULL,
		   0x0000000080000000ULL);
}

static void cmd_tlbi_nsnh_all(struct kunit *test)
{
	struct smmu3_cmd cmd = {
		.opcode = CMD_OP_TLBI_NSNH_ALL, .vmid = 1, .asid = 1,
		.addr = 0x1000,
	};

	expect_cmd(test, "TLBI_NSNH_ALL", &cmd, 0x0000000000000030ULL, 0);
}

static void cmd_sync(struct kunit *test)
{
	struct smmu3_cmd cmd = {
		.opcode = CMD_OP_SYNC, .cs = CMD_SYNC_CS_NONE,
		.addr = 0x40001000, .msidata = 0x1234,
	};

	/* CS = SIG_NONE: no MSI fields even if an address is given */
	expect_cmd(test, "CMD_SYNC none", &cmd, 0x0000000000000046ULL, 0);

	/*
	 * CS = SIG_IRQ (13:12) 1 -> 0x1000, MSH (23:22) ISH 3 -> 0xc00000,
	 * MSIAttr (27:24) 0xf inner/outer WB -> 0xf000000, MSIData at
	 * 63:32; dword 1 MSIAddress bits 51:2
	 */
	cmd = (struct smmu3_cmd){
		.opcode = CMD_OP_SYNC, .cs = CMD_SYNC_CS_IRQ,
		.addr = 0xfff000401234567fULL, .msidata = 0xdeadbeef,
	};
	expect_cmd(test, "CMD_SYNC msi", &cmd, 0xdeadbeef0fc01046ULL,
		   0x000000401234567cULL);
	/* MSIData 0 as the driver uses it to overwrite the sync */
	cmd.addr = 0x0000000041000020ULL;
	cmd.msidata = 0;
	expect_cmd(test, "CMD_SYNC msi data 0", &cmd, 0x000000000fc01046ULL,
		   0x0000000041000020ULL);
	/* SIG_IRQ without an address: the wired interrupt, no MSI */
	cmd.addr = 0;
	cmd.msidata = 0x5555;
	expect_cmd(test, "CMD_SYNC irq", &cmd, 0x0000000000001046ULL, 0);
}

static void cmd_prefetch_config(struct kunit *test)
{
	struct smmu3_cmd cmd = {
		.opcode = CMD_OP_PREFETCH_CONFIG, .sid = 0xdead, .ssid = 5,
	};

	expect_cmd(test, "PREFETCH_CONFIG", &cmd, 0x0000dead00000001ULL, 0);
}

static void cmd_resume(struct kunit *test)
{
	struct smmu3_cmd cmd = {
		.opcode = CMD_OP_RESUME, .sid = 0x1234, .stag = 0xbeef,
		.resp = CMD_RESUME_RESP_RETRY,
	};

	/*
	 * §4.7.1: SID 63:32, Ac (bit 12) 1 = retry; STAG in dword 1 15:0.
	 * Fields of other commands (ssid, addr) leave no trace.
	 */
	cmd.ssid = 0xfffff;
	cmd.addr = 0xfffffffffffff000ULL;
	expect_cmd(test, "RESUME retry", &cmd, 0x0000123400001044ULL, 0xbeef);
	/* Ac 0, Ab (bit 13) 1: terminated with an abort */
	cmd.resp = CMD_RESUME_RESP_ABORT;
	cmd.stag = 0xffff;
	cmd.sid = 0xffffffff;
	expect_cmd(test, "RESUME abort", &cmd, 0xffffffff00002044ULL, 0xffff);
	/* Ac 0, Ab 0: RAZ/WI completion */
	cmd.resp = CMD_RESUME_RESP_TERM;
	cmd.stag = 0;
	expect_cmd(test, "RESUME term", &cmd, 0xffffffff00000044ULL, 0);
}

static void cmd_stall_term(struct kunit *test)
{
	struct smmu3_cmd cmd = {
		.opcode = CMD_OP_STALL_TERM, .sid = 0x50, .stag = 0x12,
		.resp = CMD_RESUME_RESP_ABORT,
	};

	/* §4.7.2: the StreamID only */
	expect_cmd(test, "STALL_TERM", &cmd, 0x0000005000000045ULL, 0);
}

static void cmd_unsupported(struct kunit *test)
{
	static const u8 ops[] = {
		0x00, CMD_OP_PREFETCH_ADDR, CMD_OP_CFGI_VMS_PIDM,
		CMD_OP_TLBI_EL3_ALL, CMD_OP_TLBI_EL3_VA, CMD_OP_ATC_INV,
		CMD_OP_PRI_RESP, 0x47,
		0x7f, 0xff,
	};
	struct smmu3_cmd cmd = { .sid = 1, .addr = 0x1000 };
	unsigned int i;
	u64 out[2];

	for (i = 0; i < ARRAY_SIZE(ops); i++) {
		out[0] = 0x1111111111111111ULL;
		out[1] = 0x2222222222222222ULL;
		cmd.opcode = ops[i];
		KUNIT_EXPECT_EQ_MSG(test, smmu3_cmd_encode(&cmd, out), -EINVAL,
				    "opcode %#x", ops[i]);
		/* nothing is written for a command that is refused */
		KUNIT_EXPECT_EQ(test, out[0], 0x1111111111111111ULL);
		KUNIT_EXPECT_EQ(test, out[1], 0x2222222222222222ULL);
	}
}

static struct kunit_case smmu3_cmd_cases[] = {
	KUNIT_CASE(cmd_cfgi_ste),
	KUNIT_CASE(cmd_cfgi_ste_range),
	KUNIT_CASE(cmd_cfgi_all),
	KUNIT_CASE(cmd_cfgi_cd),
	KUNIT_CASE(cmd_cfgi_cd_all),
	KUNIT_CASE(cmd_tlbi_nh),
	KUNIT_CASE(cmd_tlbi_nh_va),
	KUNIT_CASE(cmd_tlbi_nh_vaa),
	KUNIT_CASE(cmd_tlbi_el2),
	KUNIT_CASE(cmd_tlbi_el2_va),
	KUNIT_CASE(cmd_tlbi_s12_vmall),
	KUNIT_CASE(cmd_tlbi_s2_ipa),
	KUNIT_CASE(cmd_tlbi_nsnh_all),
	KUNIT_CASE(cmd_sync),
	KUNIT_CASE(cmd_prefetch_config),
	KUNIT_CASE(cmd_resume),
	KUNIT_CASE(cmd_stall_term),
	KUNIT_CASE(cmd_unsupported),
	{}
};

static struct kunit_suite smmu3_cmd_suite = {
	.name = "smmu3-cmd",
	.test_cases = smmu3_cmd_cases,
};

/* ------------------------------------------------------------------
 * smmu3-event: event records
 */

static void t_decode(const u64 *raw, struct smmu3_event *evt)
{
	/* junk first: every field must be written by the decoder */
	memset(evt, 0xa5, sizeof(*evt));
	smmu3_event_decode(raw, evt);
}

static void event_translation_ssid(struct kunit *test)
{
	static const u64 raw[4] = {
		/*
		 * Type 0x10, SSV (bit 11) 0x800, SSID 0xabcde at 31:12,
		 * SID 0x1234 at 63:32
		 */
		0x00001234abcde810ULL,
		/*
		 * PnU (33) 0x2_0000_0000, RnW (35) 0x8_0000_0000,
		 * CLASS (41:40) IN = 2 -> 0x200_0000_0000
		 */
		0x0000020a00000000ULL,
		0x00007fffdeadb000ULL,
		0,
	};
	struct smmu3_event evt;

	t_decode(raw, &evt);
	KUNIT_EXPECT_EQ(test, evt.type, EVT_F_TRANSLATION);
	KUNIT_EXPECT_EQ(test, evt.sid, 0x1234);
	KUNIT_EXPECT_TRUE(test, evt.ssv);
	KUNIT_EXPECT_EQ(test, evt.ssid, 0xabcde);
	KUNIT_EXPECT_EQ(test, evt.addr, 0x00007fffdeadb000ULL);
	KUNIT_EXPECT_EQ(test, evt.ipa, 0);
	KUNIT_EXPECT_FALSE(test, evt.s2);
	KUNIT_EXPECT_TRUE(test, evt.read);
	KUNIT_EXPECT_FALSE(test, evt.instr);
	KUNIT_EXPECT_TRUE(test, evt.priv);
	KUNIT_EXPECT_EQ(test, evt.class, EVT_CLASS_IN);
	KUNIT_EXPECT_FALSE(test, evt.stall);
}

static void event_translation_s2_stall(struct kunit *test)
{
	static const u64 raw[4] = {
		/* Type 0x10, SSV clear with SSID bits all set, SID 7 */
		0x00000007fffff010ULL,
		/*
		 * CLASS TTD 1 << 40, S2 (39), InD (34), RnW clear (write),
		 * PnU clear, Stall (31), STAG 0x1234
		 */
		0x0000018480001234ULL,
		0x0000000012345678ULL,
		/* IPA is bits 51:12 of dword 3 */
		0xffffffffffffffffULL,
	};
	struct smmu3_event evt;

	t_decode(raw, &evt);
	KUNIT_EXPECT_EQ(test, evt.type, EVT_F_TRANSLATION);
	KUNIT_EXPECT_EQ(test, evt.sid, 7);
	/* without SSV the SSID field means nothing */
	KUNIT_EXPECT_FALSE(test, evt.ssv);
	KUNIT_EXPECT_EQ(test, evt.ssid, 0);
	KUNIT_EXPECT_TRUE(test, evt.s2);
	KUNIT_EXPECT_EQ(test, evt.class, EVT_CLASS_TTD);
	KUNIT_EXPECT_TRUE(test, evt.instr);
	KUNIT_EXPECT_FALSE(test, evt.read);
	KUNIT_EXPECT_FALSE(test, evt.priv);
	KUNIT_EXPECT_TRUE(test, evt.stall);
	KUNIT_EXPECT_EQ(test, evt.stag, 0x1234);
	KUNIT_EXPECT_EQ(test, evt.addr, 0x0000000012345678ULL);
	expect_u64(test, "s2 fault IPA", evt.ipa, 0x000ffffffffff000ULL);
}

static void event_no_stall_no_stag(struct kunit *test)
{
	static const u64 raw[4] = {
		/* F_TRANSLATION, SID 7 */
		0x0000000700000010ULL,
		/* Stall clear: bits 15:0 are not a STAG (§7.3.12) */
		0x000000000000ffffULL,
		0x1000,
		0,
	};
	struct smmu3_event evt;

	t_decode(raw, &evt);
	KUNIT_EXPECT_FALSE(test, evt.stall);
	KUNIT_EXPECT_EQ(test, evt.stag, 0);
}

static void event_permission_class_cd(struct kunit *test)
{
	static const u64 raw[4] = {
		/* F_PERMISSION 0x13, SID 0xffffffff */
		0xffffffff00000013ULL,
		/* CLASS CD = 0, RnW, InD, PnU all set: bits 35:33 = 0xe */
		0x0000000e00000000ULL,
		0x1000ULL,
		/* a stage-2 IPA: bits 11:0 of the field are not stored */
		0x0000000080001fffULL,
	};
	struct smmu3_event evt;

	t_decode(raw, &evt);
	KUNIT_EXPECT_EQ(test, evt.type, EVT_F_PERMISSION);
	KUNIT_EXPECT_EQ(test, evt.sid, 0xffffffff);
	KUNIT_EXPECT_EQ(test, evt.class, EVT_CLASS_CD);
	KUNIT_EXPECT_TRUE(test, evt.read);
	KUNIT_EXPECT_TRUE(test, evt.instr);
	KUNIT_EXPECT_TRUE(test, evt.priv);
	KUNIT_EXPECT_FALSE(test, evt.s2);
	KUNIT_EXPECT_FALSE(test, evt.stall);
	expect_u64(test, "permission IPA", evt.ipa, 0x0000000080001000ULL);
}

static void event_ste_fetch(struct kunit *test)
{
	static const u64 raw[4] = {
		/* F_STE_FETCH 0x03, SID 0x80 */
		0x0000008000000003ULL,
		0,
		0,
		/* FetchAddr 51:3: STE 0x80 of a table at 0x40_0000_0000 */
		0x0000004000002008ULL,
	};
	u64 raw2[4] = { 0x0000008000000003ULL, 0, 0, ~0ULL };
	struct smmu3_event evt;

	t_decode(raw, &evt);
	KUNIT_EXPECT_EQ(test, evt.type, EVT_F_STE_FETCH);
	KUNIT_EXPECT_EQ(test, evt.sid, 0x80);
	/* bits 11:3 are part of a fetch address, unlike an IPA */
	expect_u64(test, "STE fetch address", evt.ipa, 0x0000004000002008ULL);
	t_decode(raw2, &evt);
	expect_u64(test, "STE fetch address mask", evt.ipa,
		   0x000ffffffffffff8ULL);
	/* F_CD_FETCH has the same layout */
	raw2[0] = 0x0000008000000009ULL;
	raw2[3] = 0x0000000050000048ULL;
	t_decode(raw2, &evt);
	KUNIT_EXPECT_EQ(test, evt.type, EVT_F_CD_FETCH);
	expect_u64(test, "CD fetch address", evt.ipa, 0x0000000050000048ULL);
}

static void event_walk_eabt(struct kunit *test)
{
	static const u64 raw[4] = {
		/* F_WALK_EABT 0x0b, SSV, SSID 1, SID 3 */
		0x000000030000180bULL,
		/* CLASS TTD (1 << 40), RnW */
		0x0000010800000000ULL,
		/* input address */
		0x0000000080001000ULL,
		/* descriptor fetch address, 8-byte aligned */
		0x0000000043210ff8ULL,
	};
	struct smmu3_event evt;

	t_decode(raw, &evt);
	KUNIT_EXPECT_EQ(test, evt.type, EVT_F_WALK_EABT);
	KUNIT_EXPECT_EQ(test, evt.sid, 3);
	KUNIT_EXPECT_TRUE(test, evt.ssv);
	KUNIT_EXPECT_EQ(test, evt.ssid, 1);
	KUNIT_EXPECT_EQ(test, evt.class, EVT_CLASS_TTD);
	KUNIT_EXPECT_TRUE(test, evt.read);
	KUNIT_EXPECT_EQ(test, evt.addr, 0x0000000080001000ULL);
	expect_u64(test, "walk fetch address", evt.ipa,
		   0x0000000043210ff8ULL);
}

static void event_bad_streamid(struct kunit *test)
{
	static const u64 raw[4] = {
		/* C_BAD_STREAMID 0x02, SID 0xfffffffe, SSV, SSID 0xfffff */
		0xfffffffefffff802ULL, 0, 0, 0,
	};
	struct smmu3_event evt;

	t_decode(raw, &evt);
	KUNIT_EXPECT_EQ(test, evt.type, EVT_C_BAD_STREAMID);
	KUNIT_EXPECT_EQ(test, evt.sid, 0xfffffffe);
	KUNIT_EXPECT_TRUE(test, evt.ssv);
	KUNIT_EXPECT_EQ(test, evt.ssid, 0xfffff);
	KUNIT_EXPECT_EQ(test, evt.addr, 0);
	KUNIT_EXPECT_EQ(test, evt.ipa, 0);
	KUNIT_EXPECT_FALSE(test, evt.s2);
	KUNIT_EXPECT_FALSE(test, evt.read);
	KUNIT_EXPECT_FALSE(test, evt.instr);
	KUNIT_EXPECT_FALSE(test, evt.priv);
	KUNIT_EXPECT_FALSE(test, evt.stall);
	KUNIT_EXPECT_EQ(test, evt.class, 0);
}

/* A stage-2 F_TRANSLATION of a read by StreamID 0x50, input = IPA = @ipa */
static void t_raw_s2_translation(u64 *raw, u64 ipa)
{
	/* Type 0x10, SID 0x50 at 63:32 */
	raw[0] = 0x0000005000000010ULL;
	/* S2 (39) 0x80_0000_0000, RnW (35) 0x8_0000_0000, CLASS IN 2 << 40 */
	raw[1] = 0x0000028800000000ULL;
	raw[2] = ipa;
	/* IPA 51:12 */
	raw[3] = ipa;
}

static void event_ipa_valid(struct kunit *test)
{
	struct smmu3_event evt;
	u64 raw[4];

	/* A stage-2 fault on IPA 0 still carries its IPA */
	t_raw_s2_translation(raw, 0);
	t_decode(raw, &evt);
	KUNIT_EXPECT_TRUE(test, evt.s2);
	KUNIT_EXPECT_EQ(test, evt.ipa, 0);
	KUNIT_EXPECT_TRUE(test, smmu3_event_ipa_valid(&evt));
	/* F_PERMISSION 0x13, F_ACCESS 0x12, F_ADDR_SIZE 0x11 alike */
	raw[0] = 0x0000005000000013ULL;
	t_decode(raw, &evt);
	KUNIT_EXPECT_TRUE(test, smmu3_event_ipa_valid(&evt));
	raw[0] = 0x0000005000000012ULL;
	t_decode(raw, &evt);
	KUNIT_EXPECT_TRUE(test, smmu3_event_ipa_valid(&evt));
	raw[0] = 0x0000005000000011ULL;
	t_decode(raw, &evt);
	KUNIT_EXPECT_TRUE(test, smmu3_event_ipa_valid(&evt));
	/* The same fault at stage 1 (S2 clear) has no IPA, even non-zero */
	raw[0] = 0x0000005000000010ULL;
	raw[1] = 0x0000020800000000ULL;
	raw[3] = 0x0000000080001000ULL;
	t_decode(raw, &evt);
	KUNIT_EXPECT_FALSE(test, smmu3_event_ipa_valid(&evt));
	/* Fetch faults carry their fetch address, at address 0 too */
	raw[0] = 0x0000008000000003ULL;	/* F_STE_FETCH */
	raw[1] = 0;
	raw[3] = 0;
	t_decode(raw, &evt);
	KUNIT_EXPECT_TRUE(test, smmu3_event_ipa_valid(&evt));
	raw[0] = 0x000000030000000bULL;	/* F_WALK_EABT, stage 1 */
	t_decode(raw, &evt);
	KUNIT_EXPECT_TRUE(test, smmu3_event_ipa_valid(&evt));
	/* Configuration errors carry none, whatever dword 1 says */
	raw[0] = 0x0000005000000004ULL;	/* C_BAD_STE */
	raw[1] = 0x0000008000000000ULL;	/* S2 set */
	raw[3] = 0x0000000080001000ULL;
	t_decode(raw, &evt);
	KUNIT_EXPECT_FALSE(test, smmu3_event_ipa_valid(&evt));
}

static void event_detail(struct kunit *test)
{
	static const u64 walk[4] = {
		/* F_WALK_EABT 0x0b, SSV, SSID 1, SID 3 */
		0x000000030000180bULL,
		/* CLASS TTD (1 << 40), InD (34), PnU (33), write */
		0x0000010600000000ULL,
		0x0000000080001000ULL,
		0x0000000043210ff8ULL,
	};
	struct smmu3_event evt;
	char buf[160];
	u64 raw[4];
	int n;

	t_raw_s2_translation(raw, 0xdead0000);
	t_decode(raw, &evt);
	n = smmu3_event_detail(&evt, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf,
			   "s2 1 class IN rnw 1 ind 0 pnu 0 addr 0xdead0000 ipa 0xdead0000");
	KUNIT_EXPECT_EQ(test, n, strlen(buf));
	/* IPA 0 is printed, not taken for "no IPA" */
	t_raw_s2_translation(raw, 0);
	t_decode(raw, &evt);
	smmu3_event_detail(&evt, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf,
			   "s2 1 class IN rnw 1 ind 0 pnu 0 addr 0x0 ipa 0x0");
	/* Stage 1: no IPA */
	raw[1] = 0x0000020800000000ULL;
	raw[2] = 0x00007fffdeadb000ULL;
	raw[3] = 0x0000000080001000ULL;
	t_decode(raw, &evt);
	smmu3_event_detail(&evt, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf,
			   "s2 0 class IN rnw 1 ind 0 pnu 0 addr 0x7fffdeadb000");
	/* SubstreamID and fetch address */
	t_decode(walk, &evt);
	smmu3_event_detail(&evt, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf,
			   "s2 0 class TT rnw 0 ind 1 pnu 1 addr 0x80001000 ssid 0x1 fetch 0x43210ff8");
	/* Only the fields a record type defines (§7.3) */
	memset(raw, 0, sizeof(raw));
	raw[0] = EVT_C_BAD_STREAMID | FIELD_PREP(EVT_0_SID, 0x10000);
	raw[1] = 0x0000020800000000ULL;	/* junk where faults have fields */
	raw[2] = 0xdead0000;
	raw[3] = 0x43210ff8;
	t_decode(raw, &evt);
	smmu3_event_detail(&evt, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "-");
	raw[0] |= EVT_0_SSV | FIELD_PREP(EVT_0_SSID, 7);
	t_decode(raw, &evt);
	smmu3_event_detail(&evt, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "ssid 0x7");
	/* C_BAD_SUBSTREAMID: the SubstreamID without an SSV qualifier */
	raw[0] = EVT_C_BAD_SUBSTREAMID | FIELD_PREP(EVT_0_SSID, 5);
	t_decode(raw, &evt);
	smmu3_event_detail(&evt, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "ssid 0x5");
	raw[0] = EVT_F_STE_FETCH;
	raw[3] = 0x43210fc0;
	t_decode(raw, &evt);
	smmu3_event_detail(&evt, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "fetch 0x43210fc0");
	raw[0] = EVT_F_UUT;
	t_decode(raw, &evt);
	smmu3_event_detail(&evt, buf, sizeof(buf));
	KUNIT_EXPECT_STREQ(test, buf, "rnw 1 ind 0 pnu 0 addr 0xdead0000");
	/* Cut to the buffer, NUL-terminated, the length written returned */
	t_decode(walk, &evt);
	n = smmu3_event_detail(&evt, buf, 8);
	KUNIT_EXPECT_STREQ(test, buf, "s2 0 cl");
	KUNIT_EXPECT_EQ(test, n, 7);
}

static void event_names_known(struct kunit *test)
{
	static const struct {
		u8 type;
		const char *name;
	} names[] = {
		{ 0x01, "F_UUT" }, { 0x02, "C_BAD_STREAMID" },
		{ 0x03, "F_STE_FETCH" }, { 0x04, "C_BAD_STE" },
		{ 0x05, "F_BAD_ATS_TREQ" }, { 0x06, "F_STREAM_DISABLED" },
		{ 0x07, "F_TRANSL_FORBIDDEN" }, { 0x08, "C_BAD_SUBSTREAMID" },
		{ 0x09, "F_CD_FETCH" }, { 0x0a, "C_BAD_CD" },
		{ 0x0b, "F_WALK_EABT" }, { 0x10, "F_TRANSLATION" },
		{ 0x11, "F_ADDR_SIZE" }, { 0x12, "F_ACCESS" },
		{ 0x13, "F_PERMISSION" }, { 0x20, "F_TLB_CONFLICT" },
		{ 0x21, "F_CFG_CONFLICT" }, { 0x24, "E_PAGE_REQUEST" },
		{ 0x25, "F_VMS_FETCH" },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		KUNIT_EXPECT_STREQ_MSG(test, smmu3_event_name(names[i].type),
				       names[i].name, "type %#x",
				       names[i].type);
}

static void event_names_unknown(struct kunit *test)
{
	static const u8 types[] = {
		0x00, 0x0c, 0x0d, 0x0e, 0x0f, 0x14, 0x1f, 0x22, 0x23, 0x26,
		0x27, 0x80, 0xff,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(types); i++)
		KUNIT_EXPECT_STREQ_MSG(test, smmu3_event_name(types[i]),
				       "UNKNOWN", "type %#x", types[i]);
}

static struct kunit_case smmu3_event_cases[] = {
	KUNIT_CASE(event_translation_ssid),
	KUNIT_CASE(event_translation_s2_stall),
	KUNIT_CASE(event_no_stall_no_stag),
	KUNIT_CASE(event_permission_class_cd),
	KUNIT_CASE(event_ste_fetch),
	KUNIT_CASE(event_walk_eabt),
	KUNIT_CASE(event_bad_streamid),
	KUNIT_CASE(event_ipa_valid),
	KUNIT_CASE(event_detail),
	KUNIT_CASE(event_names_known),
	KUNIT_CASE(event_names_unknown),
	{}
};

static struct kunit_suite smmu3_event_suite = {
	.name = "smmu3-event",
	.test_cases = smmu3_event_cases,
};

/* ------------------------------------------------------------------
 * smmu3-queue: queue pointers and StreamID range
 *
 * A pointer of a queue of 2^4 entries: index in bits 3:0, wrap bit 4;
 * bit 31 is OVF and bits 30:24 are CMDQ_CONS.ERR.
 */

static void queue_inc(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, smmu3_q_inc(0x00, 4, 1), 0x01);
	KUNIT_EXPECT_EQ(test, smmu3_q_inc(0x03, 4, 5), 0x08);
	/* index 15 + 1: index 0, wrap bit toggled to 1 */
	KUNIT_EXPECT_EQ(test, smmu3_q_inc(0x0f, 4, 1), 0x10);
	/* and back to 0 at the end of the next lap */
	KUNIT_EXPECT_EQ(test, smmu3_q_inc(0x1f, 4, 1), 0x00);
	/* wrap 1 index 14 + 3: index 1, wrap 0 */
	KUNIT_EXPECT_EQ(test, smmu3_q_inc(0x1e, 4, 3), 0x01);
	/* a whole queue: same index, other wrap */
	KUNIT_EXPECT_EQ(test, smmu3_q_inc(0x05, 4, 16), 0x15);
	KUNIT_EXPECT_EQ(test, smmu3_q_inc(0x15, 4, 16), 0x05);
	/* n = 0 */
	KUNIT_EXPECT_EQ(test, smmu3_q_inc(0x17, 4, 0), 0x17);
}

static void queue_inc_drops_flags(struct kunit *test)
{
	/* OVF (bit 31) is dropped */
	KUNIT_EXPECT_EQ(test, smmu3_q_inc(0x8000001eU, 4, 3), 0x01);
	KUNIT_EXPECT_EQ(test, smmu3_q_inc(0x80000002U, 4, 1), 0x03);
	/* CMDQ_CONS.ERR (30:24) is dropped */
	KUNIT_EXPECT_EQ(test, smmu3_q_inc(0x0100000eU, 4, 2), 0x10);
	KUNIT_EXPECT_EQ(test, smmu3_q_inc(0x7f000000U, 4, 1), 0x01);
	/* bits between the wrap bit and the flags too */
	KUNIT_EXPECT_EQ(test, smmu3_q_inc(0x00000fe0U, 4, 1), 0x01);
}

static void queue_inc_sizes(struct kunit *test)
{
	/* one entry: every increment toggles the wrap bit (bit 0) */
	KUNIT_EXPECT_EQ(test, smmu3_q_inc(0, 0, 1), 1);
	KUNIT_EXPECT_EQ(test, smmu3_q_inc(1, 0, 1), 0);
	/* the largest queue the architecture allows, 2^19 entries */
	KUNIT_EXPECT_EQ(test, smmu3_q_inc(0x7ffff, 19, 1), 0x80000);
	KUNIT_EXPECT_EQ(test, smmu3_q_inc(0xfffff, 19, 1), 0);
	KUNIT_EXPECT_EQ(test, smmu3_q_inc(0x800fffffU, 19, 2), 1);
}

static void queue_empty(struct kunit *test)
{
	/* same index and wrap: empty */
	KUNIT_EXPECT_TRUE(test, smmu3_q_empty(0x13, 0x13, 4));
	KUNIT_EXPECT_TRUE(test, smmu3_q_empty(0x00, 0x00, 4));
	/* same index, different wrap: full */
	KUNIT_EXPECT_FALSE(test, smmu3_q_empty(0x03, 0x13, 4));
	KUNIT_EXPECT_FALSE(test, smmu3_q_empty(0x13, 0x03, 4));
	KUNIT_EXPECT_FALSE(test, smmu3_q_empty(0x05, 0x03, 4));
	/* OVF and ERR are not part of the index */
	KUNIT_EXPECT_TRUE(test, smmu3_q_empty(0x80000003U, 0x03, 4));
	KUNIT_EXPECT_TRUE(test, smmu3_q_empty(0x03, 0x81000003U, 4));
}

static void queue_space(struct kunit *test)
{
	/* empty: the whole queue */
	KUNIT_EXPECT_EQ(test, smmu3_q_space(0x07, 0x07, 4), 16);
	KUNIT_EXPECT_EQ(test, smmu3_q_space(0x17, 0x17, 4), 16);
	/* full: same index, different wrap */
	KUNIT_EXPECT_EQ(test, smmu3_q_space(0x17, 0x07, 4), 0);
	KUNIT_EXPECT_EQ(test, smmu3_q_space(0x07, 0x17, 4), 0);
	/* no wrap in between: 3 used */
	KUNIT_EXPECT_EQ(test, smmu3_q_space(0x05, 0x02, 4), 13);
	/* PROD wrapped (wrap 1 index 2), CONS at wrap 0 index 14: 4 used */
	KUNIT_EXPECT_EQ(test, smmu3_q_space(0x12, 0x0e, 4), 12);
	/* the same across the other wrap */
	KUNIT_EXPECT_EQ(test, smmu3_q_space(0x02, 0x1e, 4), 12);
	/* 15 used, across a wrap */
	KUNIT_EXPECT_EQ(test, smmu3_q_space(0x10, 0x01, 4), 1);
	/* flags ignored */
	KUNIT_EXPECT_EQ(test, smmu3_q_space(0x80000012U, 0x0100000eU, 4), 12);
	/* one-entry queue */
	KUNIT_EXPECT_EQ(test, smmu3_q_space(1, 0, 0), 0);
	KUNIT_EXPECT_EQ(test, smmu3_q_space(1, 1, 0), 1);
}

static void queue_passed(struct kunit *test)
{
	/* the entry at wrap 0 index 14 */
	KUNIT_EXPECT_FALSE(test, smmu3_q_passed(0x0d, 0x0e, 4));
	KUNIT_EXPECT_FALSE(test, smmu3_q_passed(0x0e, 0x0e, 4));
	KUNIT_EXPECT_TRUE(test, smmu3_q_passed(0x0f, 0x0e, 4));
	/* CONS wrapped past the end of the queue */
	KUNIT_EXPECT_TRUE(test, smmu3_q_passed(0x10, 0x0e, 4));
	KUNIT_EXPECT_TRUE(test, smmu3_q_passed(0x1d, 0x0e, 4));
	/* a whole queue past it is still past it */
	KUNIT_EXPECT_TRUE(test, smmu3_q_passed(0x1e, 0x0e, 4));
	/* CONS a lap behind: 15 entries before it */
	KUNIT_EXPECT_FALSE(test, smmu3_q_passed(0x1f, 0x0e, 4));
}

static void queue_passed_wrap(struct kunit *test)
{
	/* the last slot (wrap 0 index 15) */
	KUNIT_EXPECT_FALSE(test, smmu3_q_passed(0x0e, 0x0f, 4));
	KUNIT_EXPECT_FALSE(test, smmu3_q_passed(0x0f, 0x0f, 4));
	KUNIT_EXPECT_TRUE(test, smmu3_q_passed(0x10, 0x0f, 4));
	/* the last slot of the odd lap (wrap 1 index 15) */
	KUNIT_EXPECT_FALSE(test, smmu3_q_passed(0x1e, 0x1f, 4));
	KUNIT_EXPECT_FALSE(test, smmu3_q_passed(0x1f, 0x1f, 4));
	KUNIT_EXPECT_TRUE(test, smmu3_q_passed(0x00, 0x1f, 4));
	KUNIT_EXPECT_TRUE(test, smmu3_q_passed(0x03, 0x1f, 4));
	/* the first slot of the odd lap (wrap 1 index 0) */
	KUNIT_EXPECT_FALSE(test, smmu3_q_passed(0x0f, 0x10, 4));
	KUNIT_EXPECT_TRUE(test, smmu3_q_passed(0x11, 0x10, 4));
	/* flags in CONS are ignored */
	KUNIT_EXPECT_TRUE(test, smmu3_q_passed(0x80000010U, 0x0f, 4));
	KUNIT_EXPECT_FALSE(test, smmu3_q_passed(0x8100000fU, 0x0f, 4));
}

static void queue_check_sid(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, smmu3_check_sid(0, 8), 0);
	KUNIT_EXPECT_EQ(test, smmu3_check_sid(0xff, 8), 0);
	KUNIT_EXPECT_EQ(test, smmu3_check_sid(0x100, 8), -ERANGE);
	KUNIT_EXPECT_EQ(test, smmu3_check_sid(0xffff, 16), 0);
	KUNIT_EXPECT_EQ(test, smmu3_check_sid(0x10000, 16), -ERANGE);
	KUNIT_EXPECT_EQ(test, smmu3_check_sid(0x7fffffff, 31), 0);
	KUNIT_EXPECT_EQ(test, smmu3_check_sid(0x80000000U, 31), -ERANGE);
	KUNIT_EXPECT_EQ(test, smmu3_check_sid(0, 32), 0);
	KUNIT_EXPECT_EQ(test, smmu3_check_sid(0xffffffffU, 32), 0);
	/* no StreamID bits: only StreamID 0 */
	KUNIT_EXPECT_EQ(test, smmu3_check_sid(0, 0), 0);
	KUNIT_EXPECT_EQ(test, smmu3_check_sid(1, 0), -ERANGE);
	KUNIT_EXPECT_EQ(test, smmu3_check_sid(0x80000000U, 0), -ERANGE);
}

static struct kunit_case smmu3_queue_cases[] = {
	KUNIT_CASE(queue_inc),
	KUNIT_CASE(queue_inc_drops_flags),
	KUNIT_CASE(queue_inc_sizes),
	KUNIT_CASE(queue_empty),
	KUNIT_CASE(queue_space),
	KUNIT_CASE(queue_passed),
	KUNIT_CASE(queue_passed_wrap),
	KUNIT_CASE(queue_check_sid),
	{}
};

static struct kunit_suite smmu3_queue_suite = {
	.name = "smmu3-queue",
	.test_cases = smmu3_queue_cases,
};

/* ------------------------------------------------------------------
 * smmu3-tlbi: range invalidation commands
 */

#define PGS_4K		(SZ_4K | SZ_2M | SZ_1G)
#define PGS_16K		(SZ_16K | SZ_32M)
#define PGS_64K		(SZ_64K | SZ_512M)

/* One expected command: the template's opcode/ASID/VMID plus these */
struct tlbi_exp {
	u64 addr;
	u8 num;
	u8 scale;
};

#define TLBI_MAX	600

/* Room for TLBI_MAX commands and one more, never to be written */
static struct smmu3_cmd *tlbi_out(struct kunit *test)
{
	struct smmu3_cmd *out;

	out = kunit_kcalloc(test, TLBI_MAX + 1, sizeof(*out), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, out);
	return out;
}

static void tlbi_expect(struct kunit *test, const char *what,
			const struct smmu3_cmd *out, unsigned int n,
			const struct tlbi_exp *exp, unsigned int nexp,
			u8 tg, u8 ttl, bool leaf)
{
	unsigned int i;

	KUNIT_ASSERT_EQ_MSG(test, n, nexp, "%s: commands", what);
	for (i = 0; i < n; i++) {
		KUNIT_EXPECT_EQ_MSG(test, out[i].opcode, CMD_OP_TLBI_NH_VA,
				    "%s cmd %u", what, i);
		KUNIT_EXPECT_EQ_MSG(test, out[i].asid, 0x77, "%s cmd %u",
				    what, i);
		KUNIT_EXPECT_EQ_MSG(test, out[i].vmid, 0x33, "%s cmd %u",
				    what, i);
		KUNIT_EXPECT_EQ_MSG(test, out[i].addr, exp[i].addr,
				    "%s cmd %u addr %#llx", what, i,
				    out[i].addr);
		KUNIT_EXPECT_EQ_MSG(test, out[i].num, exp[i].num,
				    "%s cmd %u num", what, i);
		KUNIT_EXPECT_EQ_MSG(test, out[i].scale, exp[i].scale,
				    "%s cmd %u scale", what, i);
		KUNIT_EXPECT_EQ_MSG(test, out[i].tg, tg, "%s cmd %u tg",
				    what, i);
		KUNIT_EXPECT_EQ_MSG(test, out[i].ttl, ttl, "%s cmd %u ttl",
				    what, i);
		KUNIT_EXPECT_EQ_MSG(test, out[i].leaf, leaf, "%s cmd %u leaf",
				    what, i);
	}
	KUNIT_EXPECT_EQ_MSG(test, out[n].opcode, 0xee,
			    "%s: written past the count", what);
}

static unsigned int tlbi_run(u64 iova, size_t size, size_t granule,
			     unsigned long pgsizes, bool leaf, bool range,
			     struct smmu3_cmd *out, unsigned int max)
{
	struct smmu3_cmd tmpl = {
		.opcode = CMD_OP_TLBI_NH_VA, .asid = 0x77, .vmid = 0x33,
		/* stale values that must be replaced */
		.tg = 3, .ttl = 3, .leaf = !leaf, .num = 9, .scale = 9,
	};
	unsigned int i;

	for (i = 0; i <= TLBI_MAX; i++)
		out[i].opcode = 0xee;	/* untouched marker */
	return smmu3_tlbi_range(iova, size, granule, pgsizes, leaf, range,
				&tmpl, out, max);
}

static void tlbi_range_1_page(struct kunit *test)
{
	struct smmu3_cmd *out = tlbi_out(test);
	static const struct tlbi_exp exp[] = { { 0x1000, 0, 0 } };
	unsigned int n;
	u64 raw[2];

	/* TG 4KB = 1, TTL 3 (a level-3 page), (0 + 1) << 0 pages */
	n = tlbi_run(0x1000, SZ_4K, SZ_4K, PGS_4K, true, true, out, TLBI_MAX);
	tlbi_expect(test, "1 page", out, n, exp, 1, 1, 3, true);

	/*
	 * And as the SMMU gets it: ASID 0x77 << 48, VMID 0x33 << 32,
	 * NUM = SCALE = 0, opcode 0x12; Leaf | TTL 3 << 8 | TG 1 << 10
	 */
	KUNIT_ASSERT_EQ(test, smmu3_cmd_encode(&out[0], raw), 0);
	expect_u64(test, "1 page dword 0", raw[0], 0x0077003300000012ULL);
	expect_u64(test, "1 page dword 1", raw[1], 0x0000000000001701ULL);
}

static void tlbi_range_31_pages(struct kunit *test)
{
	struct smmu3_cmd *out = tlbi_out(test);
	static const struct tlbi_exp exp[] = { { 0x100000, 30, 0 } };
	unsigned int n;

	/* 31 = 0b11111: one command, NUM 30, SCALE 0 */
	n = tlbi_run(0x100000, 31 * SZ_4K, SZ_4K, PGS_4K, true, true, out,
		     TLBI_MAX);
	tlbi_expect(test, "31 pages", out, n, exp, 1, 1, 3, true);
}

static void tlbi_range_32_pages(struct kunit *test)
{
	struct smmu3_cmd *out = tlbi_out(test);
	static const struct tlbi_exp exp[] = { { 0x200000, 0, 5 } };
	unsigned int n;

	/* 32 = 1 << 5: NUM 0, SCALE 5 */
	n = tlbi_run(0x200000, 32 * SZ_4K, SZ_4K, PGS_4K, true, true, out,
		     TLBI_MAX);
	tlbi_expect(test, "32 pages", out, n, exp, 1, 1, 3, true);
}

static void tlbi_range_33_pages(struct kunit *test)
{
	struct smmu3_cmd *out = tlbi_out(test);
	static const struct tlbi_exp exp[] = {
		{ 0x10000, 0, 0 },	/* 1 page */
		{ 0x11000, 0, 5 },	/* the next 32 */
	};
	unsigned int n;
	u64 raw[2];

	n = tlbi_run(0x10000, 33 * SZ_4K, SZ_4K, PGS_4K, true, true, out,
		     TLBI_MAX);
	tlbi_expect(test, "33 pages", out, n, exp, 2, 1, 3, true);

	/* SCALE 5 << 20 = 0x500000; Leaf | TTL 3 | TG 1 = 0x701 */
	KUNIT_ASSERT_EQ(test, smmu3_cmd_encode(&out[1], raw), 0);
	expect_u64(test, "33 pages dword 0", raw[0], 0x0077003300500012ULL);
	expect_u64(test, "33 pages dword 1", raw[1], 0x0000000000011701ULL);
}

static void tlbi_range_513_pages(struct kunit *test)
{
	struct smmu3_cmd *out = tlbi_out(test);
	static const struct tlbi_exp exp[] = {
		{ 0x40000000, 0, 0 },	/* 1 page */
		{ 0x40001000, 0, 9 },	/* 512 pages */
	};
	unsigned int n;

	n = tlbi_run(0x40000000, 513 * SZ_4K, SZ_4K, PGS_4K, true, true, out,
		     TLBI_MAX);
	tlbi_expect(test, "513 pages", out, n, exp, 2, 1, 3, true);
}

static void tlbi_range_chunks(struct kunit *test)
{
	struct smmu3_cmd *out = tlbi_out(test);
	/* 0x3ff pages = 0b11_1111_1111: 31 pages, then 31 << 5 pages */
	static const struct tlbi_exp exp[] = {
		{ 0x0, 30, 0 },
		{ 0x1f000, 30, 5 },
	};
	unsigned int n;

	n = tlbi_run(0, 0x3ff * SZ_4K, SZ_4K, PGS_4K, true, true, out,
		     TLBI_MAX);
	tlbi_expect(test, "1023 pages", out, n, exp, 2, 1, 3, true);
}

static void tlbi_range_2m_block(struct kunit *test)
{
	struct smmu3_cmd *out = tlbi_out(test);
	static const struct tlbi_exp exp2m[] = { { 0x200000, 0, 9 } };
	static const struct tlbi_exp exp1g[] = { { 0x40000000, 0, 18 } };
	unsigned int n;

	/* A 2MB block is a level-2 leaf: TTL 2, 512 4KB pages */
	n = tlbi_run(0x200000, SZ_2M, SZ_2M, PGS_4K, true, true, out,
		     TLBI_MAX);
	tlbi_expect(test, "2M block", out, n, exp2m, 1, 1, 2, true);
	/* A 1GB block is a level-1 leaf: TTL 1, 2^18 pages */
	n = tlbi_run(0x40000000, SZ_1G, SZ_1G, PGS_4K, true, true, out,
		     TLBI_MAX);
	tlbi_expect(test, "1G block", out, n, exp1g, 1, 1, 1, true);
}

static void tlbi_range_nonleaf(struct kunit *test)
{
	struct smmu3_cmd *out = tlbi_out(test);
	static const struct tlbi_exp exp[] = { { 0x200000, 0, 9 } };
	unsigned int n;

	/*
	 * A freed level-3 table (2MB of IOVA) with the nominal 4KB
	 * granule: entries of any level may be cached, so TTL 0 and not
	 * leaf-only.
	 */
	n = tlbi_run(0x200000, SZ_2M, SZ_4K, PGS_4K, false, true, out,
		     TLBI_MAX);
	tlbi_expect(test, "non-leaf", out, n, exp, 1, 1, 0, false);

	/*
	 * 33 pages: a one-granule chunk without TTL would be the reserved
	 * NUM = SCALE = TTL = 0 (IHI 0070 §4.4.1.1): the plain form, TG 0
	 */
	n = tlbi_run(0x10000, 33 * SZ_4K, SZ_4K, PGS_4K, false, true, out,
		     TLBI_MAX);
	KUNIT_ASSERT_EQ(test, n, 2);
	KUNIT_EXPECT_EQ(test, out[0].tg, 0);
	KUNIT_EXPECT_EQ(test, out[0].addr, 0x10000);
	KUNIT_EXPECT_EQ(test, out[1].tg, 1);
	KUNIT_EXPECT_EQ(test, out[1].scale, 5);
}

static void tlbi_range_16k(struct kunit *test)
{
	struct smmu3_cmd *out = tlbi_out(test);
	static const struct tlbi_exp exp[] = { { 0x4000, 2, 0 } };
	static const struct tlbi_exp exp32m[] = { { 0x2000000, 0, 11 } };
	unsigned int n;

	/* TG 16KB = 2; 3 pages: NUM 2; level-3 leaves: TTL 3 */
	n = tlbi_run(0x4000, 3 * SZ_16K, SZ_16K, PGS_16K, true, true, out,
		     TLBI_MAX);
	tlbi_expect(test, "16K", out, n, exp, 1, 2, 3, true);
	/* a 32MB level-2 block: 2^11 16KB pages, TTL 2 */
	n = tlbi_run(0x2000000, SZ_32M, SZ_32M, PGS_16K, true, true, out,
		     TLBI_MAX);
	tlbi_expect(test, "16K 32M block", out, n, exp32m, 1, 2, 2, true);
}

static void tlbi_range_64k(struct kunit *test)
{
	struct smmu3_cmd *out = tlbi_out(test);
	static const struct tlbi_exp exp[] = { { 0x400000, 0, 6 } };
	static const struct tlbi_exp exp512m[] = { { 0x20000000, 0, 13 } };
	unsigned int n;

	/* TG 64KB = 3; 4MB = 64 pages: SCALE 6; TTL 3 */
	n = tlbi_run(0x400000, SZ_4M, SZ_64K, PGS_64K, true, true, out,
		     TLBI_MAX);
	tlbi_expect(test, "64K", out, n, exp, 1, 3, 3, true);
	/* a 512MB level-2 block: 2^13 pages, TTL 2 */
	n = tlbi_run(0x20000000, SZ_512M, SZ_512M, PGS_64K, true, true, out,
		     TLBI_MAX);
	tlbi_expect(test, "64K 512M block", out, n, exp512m, 1, 3, 2, true);
}

static void tlbi_no_range_per_granule(struct kunit *test)
{
	struct smmu3_cmd *out = tlbi_out(test);
	static const struct tlbi_exp exp[] = {
		{ 0x8000, 0, 0 }, { 0x9000, 0, 0 },
		{ 0xa000, 0, 0 }, { 0xb000, 0, 0 },
	};
	static const struct tlbi_exp exp2m[] = {
		{ 0x200000, 0, 0 }, { 0x400000, 0, 0 },
	};
	unsigned int n;
	u64 raw[2];

	/* One command per granule, TG = TTL = 0: no range, no hint */
	n = tlbi_run(0x8000, 4 * SZ_4K, SZ_4K, PGS_4K, true, false, out,
		     TLBI_MAX);
	tlbi_expect(test, "no range", out, n, exp, 4, 0, 0, true);
	KUNIT_ASSERT_EQ(test, smmu3_cmd_encode(&out[3], raw), 0);
	expect_u64(test, "no range dword 1", raw[1], 0x000000000000b001ULL);

	n = tlbi_run(0x200000, SZ_4M, SZ_2M, PGS_4K, true, false, out,
		     TLBI_MAX);
	tlbi_expect(test, "no range 2M", out, n, exp2m, 2, 0, 0, true);

	/* non-leaf: one per nominal granule, all levels */
	n = tlbi_run(0x8000, 4 * SZ_4K, SZ_4K, PGS_4K, false, false, out,
		     TLBI_MAX);
	tlbi_expect(test, "no range non-leaf", out, n, exp, 4, 0, 0, false);
}

static void tlbi_more_than_max(struct kunit *test)
{
	struct smmu3_cmd *out = tlbi_out(test);
	unsigned int n;

	/* 300 pages without range: 300 needed, 256 written */
	n = tlbi_run(0x100000, 300 * SZ_4K, SZ_4K, PGS_4K, true, false, out,
		     256);
	KUNIT_EXPECT_EQ(test, n, 300);
	KUNIT_EXPECT_EQ(test, out[255].addr, 0x100000ULL + 255 * SZ_4K);
	KUNIT_EXPECT_EQ(test, out[256].opcode, 0xee);

	/*
	 * With range: 0x8421 pages (bits 0, 5, 10, 15) take four commands;
	 * with room for two, only two are written
	 */
	n = tlbi_run(0, 0x8421ULL * SZ_4K, SZ_4K, PGS_4K, true, true, out, 2);
	KUNIT_EXPECT_EQ(test, n, 4);
	KUNIT_EXPECT_EQ(test, out[0].scale, 0);
	KUNIT_EXPECT_EQ(test, out[1].scale, 5);
	KUNIT_EXPECT_EQ(test, out[1].addr, 0x1000);
	KUNIT_EXPECT_EQ(test, out[2].opcode, 0xee);

	/* max 0: nothing written, the count still returned */
	n = tlbi_run(0, 4 * SZ_4K, SZ_4K, PGS_4K, true, false, out, 0);
	KUNIT_EXPECT_EQ(test, n, 4);
	KUNIT_EXPECT_EQ(test, out[0].opcode, 0xee);
}

static void tlbi_empty(struct kunit *test)
{
	struct smmu3_cmd *out = tlbi_out(test);

	KUNIT_EXPECT_EQ(test, tlbi_run(0x1000, 0, SZ_4K, PGS_4K, true, true,
				       out, TLBI_MAX), 0);
	KUNIT_EXPECT_EQ(test, tlbi_run(0x1000, 0, SZ_4K, PGS_4K, true, false,
				       out, TLBI_MAX), 0);
	KUNIT_EXPECT_EQ(test, out[0].opcode, 0xee);
}

/*
 * iotlb_sync's reading of a gather: an unmap's page size and leaves; a
 * dirty-state clear's range without a page size: the smallest page size
 * with Leaf = 0 (no TTL, every level: blocks too); an empty gather nothing
 */
static void tlbi_gather_inv(struct kunit *test)
{
	struct iommu_iotlb_gather g;
	size_t granule = 0;
	bool leaf = false;

	iommu_iotlb_gather_init(&g);
	KUNIT_EXPECT_FALSE(test, smmu3_gather_inv(&g, SZ_4K | SZ_2M | SZ_1G,
						  &granule, &leaf));
	g.start = SZ_2M;
	g.end = SZ_4M - 1;
	g.pgsize = SZ_2M;
	KUNIT_EXPECT_TRUE(test, smmu3_gather_inv(&g, SZ_4K | SZ_2M | SZ_1G,
						 &granule, &leaf));
	KUNIT_EXPECT_EQ(test, granule, SZ_2M);
	KUNIT_EXPECT_TRUE(test, leaf);
	iommu_iotlb_gather_init(&g);
	iommu_iotlb_gather_add_range(&g, SZ_2M, SZ_2M);
	KUNIT_EXPECT_TRUE(test, smmu3_gather_inv(&g, SZ_16K | SZ_32M,
						 &granule, &leaf));
	KUNIT_EXPECT_EQ(test, granule, SZ_16K);
	KUNIT_EXPECT_FALSE(test, leaf);
}

static struct kunit_case smmu3_tlbi_cases[] = {
	KUNIT_CASE(tlbi_range_1_page),
	KUNIT_CASE(tlbi_range_31_pages),
	KUNIT_CASE(tlbi_range_32_pages),
	KUNIT_CASE(tlbi_range_33_pages),
	KUNIT_CASE(tlbi_range_513_pages),
	KUNIT_CASE(tlbi_range_chunks),
	KUNIT_CASE(tlbi_range_2m_block),
	KUNIT_CASE(tlbi_range_nonleaf),
	KUNIT_CASE(tlbi_range_16k),
	KUNIT_CASE(tlbi_range_64k),
	KUNIT_CASE(tlbi_no_range_per_granule),
	KUNIT_CASE(tlbi_more_than_max),
	KUNIT_CASE(tlbi_empty),
	KUNIT_CASE(tlbi_gather_inv),
	{}
};

static struct kunit_suite smmu3_tlbi_suite = {
	.name = "smmu3-tlbi",
	.test_cases = smmu3_tlbi_cases,
};

/* --- Queue sizing and register programming --- */

static void cmdq_batch_fits_queue(struct kunit *test)
{
	/* One entry: no room for a command and its CMD_SYNC */
	KUNIT_EXPECT_EQ(test, smmu3_cmdq_batch_max(0), 0);
	KUNIT_EXPECT_EQ(test, smmu3_cmdq_batch_max(1), 1);
	KUNIT_EXPECT_EQ(test, smmu3_cmdq_batch_max(2), 3);
	KUNIT_EXPECT_EQ(test, smmu3_cmdq_batch_max(5), 31);
	KUNIT_EXPECT_EQ(test, smmu3_cmdq_batch_max(6), SMMU3_CMD_BATCH);
	KUNIT_EXPECT_EQ(test, smmu3_cmdq_batch_max(SMMU3_QUEUE_MAX_LOG2),
			SMMU3_CMD_BATCH);
}

/* A register file in memory, page 0's first 0x100 bytes */
#define REGS_WORDS	(0x100 / 4)

static int regs_read(void *ctx, unsigned int reg, unsigned int *val)
{
	*val = ((u32 *)ctx)[reg / 4];
	return 0;
}

static int regs_write(void *ctx, unsigned int reg, unsigned int val)
{
	((u32 *)ctx)[reg / 4] = val;
	return 0;
}

static const struct regmap_config regs_config = {
	.reg_bits = 32,
	.val_bits = 32,
	.reg_stride = 4,
	.max_register = (REGS_WORDS - 1) * 4,
	.reg_read = regs_read,
	.reg_write = regs_write,
	.disable_locking = true,
};

static u32 *regs_smmu(struct kunit *test, struct smmu3_device *smmu,
		      u32 features)
{
	struct device *dev;
	u32 *regs;
	unsigned int i;

	regs = kunit_kzalloc(test, REGS_WORDS * 4, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, regs);
	for (i = 0; i < REGS_WORDS; i++)
		regs[i] = 0xdead0000 | i;
	dev = kunit_device_register(test, "smmu3-regs-test");
	KUNIT_ASSERT_FALSE(test, IS_ERR(dev));
	memset(smmu, 0, sizeof(*smmu));
	smmu->dev = dev;
	smmu->features = features;
	smmu->regmap = devm_regmap_init(dev, NULL, regs, &regs_config);
	KUNIT_ASSERT_FALSE(test, IS_ERR(smmu->regmap));
	return regs;
}

/* Every word of @regs is zero where @zero says so, else untouched */
static void regs_expect(struct kunit *test, const u32 *regs,
			const u32 *zero, unsigned int n)
{
	unsigned int i, j;
	bool cleared;

	for (i = 0; i < REGS_WORDS; i++) {
		cleared = false;
		for (j = 0; j < n; j++)
			if (zero[j] == i * 4)
				cleared = true;
		KUNIT_EXPECT_EQ_MSG(test, regs[i], cleared ? 0 : 0xdead0000 | i,
				    "register %#x", i * 4);
	}
}

static const u32 irq_cfg_regs[] = {
	SMMU3_GERROR_IRQ_CFG0, SMMU3_GERROR_IRQ_CFG0 + 4,
	SMMU3_GERROR_IRQ_CFG1, SMMU3_GERROR_IRQ_CFG2,
	SMMU3_EVENTQ_IRQ_CFG0, SMMU3_EVENTQ_IRQ_CFG0 + 4,
	SMMU3_EVENTQ_IRQ_CFG1, SMMU3_EVENTQ_IRQ_CFG2,
	SMMU3_PRIQ_IRQ_CFG0, SMMU3_PRIQ_IRQ_CFG0 + 4,
	SMMU3_PRIQ_IRQ_CFG1, SMMU3_PRIQ_IRQ_CFG2,
};

static void irq_cfg_cleared_with_msi(struct kunit *test)
{
	struct smmu3_device smmu;
	u32 *regs = regs_smmu(test, &smmu, SMMU3_FEAT_MSI);

	smmu3_clear_irq_cfg(&smmu);
	/* GERROR and event queue; no PRI queue */
	regs_expect(test, regs, irq_cfg_regs, 8);
}

static void irq_cfg_cleared_with_pri(struct kunit *test)
{
	struct smmu3_device smmu;
	u32 *regs = regs_smmu(test, &smmu, SMMU3_FEAT_MSI | SMMU3_FEAT_PRI);

	smmu3_clear_irq_cfg(&smmu);
	regs_expect(test, regs, irq_cfg_regs, ARRAY_SIZE(irq_cfg_regs));
}

static void irq_cfg_untouched_without_msi(struct kunit *test)
{
	struct smmu3_device smmu;
	u32 *regs = regs_smmu(test, &smmu, SMMU3_FEAT_PRI);

	/* §6.3.21: the registers are RES0 without IDR0.MSI */
	smmu3_clear_irq_cfg(&smmu);
	regs_expect(test, regs, irq_cfg_regs, 0);
}

/* --- MSI configuration: *_IRQ_CFG0/1/2 from an msi_msg (§6.3.21-23) --- */

static struct msi_msg msi_msg_make(u64 addr, u32 data)
{
	struct msi_msg msg = {};

	msg.address_lo = lower_32_bits(addr);
	msg.address_hi = upper_32_bits(addr);
	msg.data = data;
	return msg;
}

/* A GICv3 ITS doorbell (GITS_TRANSLATER of QEMU virt's ITS), event 3 */
static void msi_cfg_its_doorbell(struct kunit *test)
{
	struct msi_msg msg = msi_msg_make(0x8090040, 3);
	struct smmu3_irq_cfg cfg;

	smmu3_msi_irq_cfg(&msg, &cfg);
	KUNIT_EXPECT_EQ(test, cfg.cfg0, 0x8090040ULL);
	KUNIT_EXPECT_EQ(test, cfg.cfg1, 3);
	/* MemAttr Device-nGnRE (0b0001), SH 0 */
	KUNIT_EXPECT_EQ(test, cfg.cfg2, 0x1);
}

/* ADDR is bits [51:2]: bits [1:0] and [63:52] are not written */
static void msi_cfg_address_bits(struct kunit *test)
{
	struct msi_msg msg = msi_msg_make(~0ULL, 0xffffffff);
	struct smmu3_irq_cfg cfg;

	smmu3_msi_irq_cfg(&msg, &cfg);
	KUNIT_EXPECT_EQ(test, cfg.cfg0, 0x000ffffffffffffcULL);
	KUNIT_EXPECT_EQ(test, cfg.cfg1, 0xffffffff);
	KUNIT_EXPECT_EQ(test, cfg.cfg2, 0x1);

	msg = msi_msg_make(0x0000123456789abcULL, 0);
	smmu3_msi_irq_cfg(&msg, &cfg);
	KUNIT_EXPECT_EQ(test, cfg.cfg0, 0x0000123456789abcULL);
	KUNIT_EXPECT_EQ(test, cfg.cfg1, 0);
}

/*
 * The message of a deactivated interrupt has no address: no MSI, and all
 * three registers as the reset left them
 */
static void msi_cfg_no_address(struct kunit *test)
{
	struct msi_msg msg = msi_msg_make(0, 7);
	struct smmu3_irq_cfg cfg = { .cfg0 = 1, .cfg1 = 1, .cfg2 = 1 };

	smmu3_msi_irq_cfg(&msg, &cfg);
	KUNIT_EXPECT_EQ(test, cfg.cfg0, 0ULL);
	KUNIT_EXPECT_EQ(test, cfg.cfg1, 0);
	KUNIT_EXPECT_EQ(test, cfg.cfg2, 0);

	/* Only bits [1:0] set: ADDR is still 0 */
	msg = msi_msg_make(0x3, 7);
	smmu3_msi_irq_cfg(&msg, &cfg);
	KUNIT_EXPECT_EQ(test, cfg.cfg0, 0ULL);
	KUNIT_EXPECT_EQ(test, cfg.cfg1, 0);
}

/* Every word of @regs is @vals[j] at @offs[j], else untouched */
static void regs_expect_vals(struct kunit *test, const u32 *regs,
			     const u32 *offs, const u32 *vals, unsigned int n)
{
	unsigned int i, j;
	u32 want;

	for (i = 0; i < REGS_WORDS; i++) {
		want = 0xdead0000 | i;
		for (j = 0; j < n; j++)
			if (offs[j] == i * 4)
				want = vals[j];
		KUNIT_EXPECT_EQ_MSG(test, regs[i], want, "register %#x", i * 4);
	}
}

static void msi_write_cfg_one(struct kunit *test, unsigned int index,
			      u32 cfg0, u32 cfg1, u32 cfg2)
{
	const u32 offs[] = { cfg0, cfg0 + 4, cfg1, cfg2 };
	const u32 vals[] = { 0x08090040, 0x00000abc, 42, 0x1 };
	const u32 zero[] = { 0, 0, 0, 0 };
	struct msi_msg msg = msi_msg_make(0x00000abc08090040ULL, 42);
	struct smmu3_device smmu;
	u32 *regs = regs_smmu(test, &smmu, SMMU3_FEAT_MSI);

	smmu3_msi_write_cfg(&smmu, index, &msg);
	regs_expect_vals(test, regs, offs, vals, ARRAY_SIZE(offs));

	/* Freeing the interrupt writes an empty message: CFG0 back to 0 */
	msg = msi_msg_make(0, 0);
	smmu3_msi_write_cfg(&smmu, index, &msg);
	regs_expect_vals(test, regs, offs, zero, ARRAY_SIZE(offs));
}

static void msi_write_cfg_evtq(struct kunit *test)
{
	msi_write_cfg_one(test, SMMU3_MSI_EVTQ, SMMU3_EVENTQ_IRQ_CFG0,
			  SMMU3_EVENTQ_IRQ_CFG1, SMMU3_EVENTQ_IRQ_CFG2);
}

static void msi_write_cfg_gerror(struct kunit *test)
{
	msi_write_cfg_one(test, SMMU3_MSI_GERROR, SMMU3_GERROR_IRQ_CFG0,
			  SMMU3_GERROR_IRQ_CFG1, SMMU3_GERROR_IRQ_CFG2);
}

static void msi_write_cfg_priq(struct kunit *test)
{
	msi_write_cfg_one(test, SMMU3_MSI_PRIQ, SMMU3_PRIQ_IRQ_CFG0,
			  SMMU3_PRIQ_IRQ_CFG1, SMMU3_PRIQ_IRQ_CFG2);
}

/* MSI indexes are the platform MSI indexes: two are allocated */
static void msi_indexes(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, SMMU3_MSI_EVTQ, 0);
	KUNIT_EXPECT_EQ(test, SMMU3_MSI_GERROR, 1);
	KUNIT_EXPECT_EQ(test, SMMU3_MSI_PRIQ, 2);
	KUNIT_EXPECT_EQ(test, SMMU3_MSI_ALLOC, 2);
}

/* ID registers of an SMMU with stage 1, 4KB granule, 48-bit OAS */
static void id_regs_set(u32 *regs, u32 stall_model)
{
	regs[SMMU3_IDR0 / 4] = FIELD_PREP(IDR0_TTF, IDR0_TTF_AARCH64) |
			       IDR0_S1P | IDR0_PRI | IDR0_ATS | IDR0_BTM |
			       FIELD_PREP(IDR0_HTTU, 2) |
			       FIELD_PREP(IDR0_STALL_MODEL, stall_model);
	regs[SMMU3_IDR1 / 4] = IDR1_ATTR_TYPES_OVR |
			       FIELD_PREP(IDR1_SIDSIZE, 16) |
			       FIELD_PREP(IDR1_CMDQS, 8) |
			       FIELD_PREP(IDR1_EVENTQS, 8);
	regs[SMMU3_IDR3 / 4] = 0;
	regs[SMMU3_IDR5 / 4] = IDR5_GRAN4K | FIELD_PREP(IDR5_OAS, 5) |
			       FIELD_PREP(IDR5_VAX, 1);
	regs[SMMU3_IIDR / 4] = 0x4321043b;
	regs[SMMU3_AIDR / 4] = 0x02;
}

static void id_regs_read(struct kunit *test)
{
	struct smmu3_device smmu;
	u32 *regs = regs_smmu(test, &smmu, 0);
	u32 want = SMMU3_FEAT_S1 | SMMU3_FEAT_PRI | SMMU3_FEAT_ATS |
		   SMMU3_FEAT_BTM | SMMU3_FEAT_ATTR_TYPES_OVR;

	id_regs_set(regs, IDR0_STALL_MODEL_NOSTALL);
	KUNIT_ASSERT_EQ(test, smmu3_probe_features(&smmu), 0);
	KUNIT_EXPECT_EQ(test, smmu.features & want, want);
	KUNIT_EXPECT_FALSE(test, smmu.features & SMMU3_FEAT_S2);
	KUNIT_EXPECT_EQ(test, smmu.iidr, 0x4321043b);
	KUNIT_EXPECT_EQ(test, smmu.aidr, 0x02);
	KUNIT_EXPECT_EQ(test, smmu.stall_model, IDR0_STALL_MODEL_NOSTALL);
	KUNIT_EXPECT_EQ(test, smmu.httu, 2);
	KUNIT_EXPECT_EQ(test, smmu.vax, 1);
	KUNIT_EXPECT_EQ(test, smmu.sid_bits, 16);
	KUNIT_EXPECT_EQ(test, smmu.oas, 48);
}

static void id_regs_no_attr_override(struct kunit *test)
{
	struct smmu3_device smmu;
	u32 *regs = regs_smmu(test, &smmu, 0);

	id_regs_set(regs, IDR0_STALL_MODEL_STALL);
	regs[SMMU3_IDR1 / 4] &= ~IDR1_ATTR_TYPES_OVR;
	/* Stall and terminate: accepted, faults terminate (CD.S 0) */
	KUNIT_ASSERT_EQ(test, smmu3_probe_features(&smmu), 0);
	KUNIT_EXPECT_FALSE(test, smmu.features & SMMU3_FEAT_ATTR_TYPES_OVR);
	KUNIT_EXPECT_EQ(test, smmu.stall_model, IDR0_STALL_MODEL_STALL);
}

static void id_regs_forced_stalls(struct kunit *test)
{
	struct smmu3_device smmu;
	u32 *regs = regs_smmu(test, &smmu, 0);

	/* Forced stalls are driven: every context stalls, stalls answered */
	id_regs_set(regs, IDR0_STALL_MODEL_FORCE);
	KUNIT_ASSERT_EQ(test, smmu3_probe_features(&smmu), 0);
	KUNIT_EXPECT_TRUE(test, smmu.features & SMMU3_FEAT_STALL_FORCE);
	KUNIT_EXPECT_TRUE(test, smmu.features & SMMU3_FEAT_STALLS);
	/* Stall and terminate: stalls only where CD.S asks */
	id_regs_set(regs, IDR0_STALL_MODEL_STALL);
	smmu.features = 0;
	KUNIT_ASSERT_EQ(test, smmu3_probe_features(&smmu), 0);
	KUNIT_EXPECT_FALSE(test, smmu.features & SMMU3_FEAT_STALL_FORCE);
	KUNIT_EXPECT_TRUE(test, smmu.features & SMMU3_FEAT_STALLS);
	/* No stalls */
	id_regs_set(regs, IDR0_STALL_MODEL_NOSTALL);
	smmu.features = 0;
	KUNIT_ASSERT_EQ(test, smmu3_probe_features(&smmu), 0);
	KUNIT_EXPECT_FALSE(test, smmu.features & SMMU3_FEAT_STALLS);
}

#if IS_ENABLED(CONFIG_ACPI_IORT)
/*
 * An SMMU device as the IORT code creates it: its platform data points to
 * an IORT SMMUv3 node (node header, then the SMMUv3 data).
 */
static u32 *iort_smmu(struct kunit *test, struct smmu3_device *smmu, u8 type,
		      u32 model, u32 flags)
{
	u32 *regs = regs_smmu(test, smmu, 0);
	struct acpi_iort_node **pdata, *node;
	struct acpi_iort_smmu_v3 *data;

	node = kunit_kzalloc(test, sizeof(*node) + sizeof(*data), GFP_KERNEL);
	pdata = kunit_kzalloc(test, sizeof(*pdata), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, node);
	KUNIT_ASSERT_NOT_NULL(test, pdata);
	node->type = type;
	node->length = sizeof(*node) + sizeof(*data);
	node->identifier = 7;
	data = (struct acpi_iort_smmu_v3 *)node->node_data;
	data->base_address = 0x9050000;
	data->model = model;
	data->flags = flags;
	*pdata = node;
	smmu->dev->platform_data = pdata;
	return regs;
}

/*
 * Generic model, COHACC Override and HTTU Override 0b01 (access flag):
 * coherent although IDR0.COHACC is 0, and IDR0.HTTU (0b10) replaced.
 */
static void iort_coherent_httu_override(struct kunit *test)
{
	struct smmu3_device smmu;
	u32 *regs = iort_smmu(test, &smmu, ACPI_IORT_NODE_SMMU_V3,
			      ACPI_IORT_SMMU_V3_GENERIC,
			      ACPI_IORT_SMMU_V3_COHACC_OVERRIDE |
			      FIELD_PREP(ACPI_IORT_SMMU_V3_HTTU_OVERRIDE, 1));

	KUNIT_ASSERT_EQ(test, smmu3_probe_iort(&smmu), 0);
	KUNIT_EXPECT_EQ(test, smmu.fw.type, SMMU3_FW_IORT);
	KUNIT_EXPECT_TRUE(test, smmu.fw.coherent);
	KUNIT_EXPECT_FALSE(test, smmu.fw.page0_only);
	KUNIT_EXPECT_EQ(test, smmu.fw.iort_id, 7);
	KUNIT_EXPECT_EQ(test, smmu.fw.iort_httu, 1);
	id_regs_set(regs, IDR0_STALL_MODEL_NOSTALL);
	KUNIT_ASSERT_EQ(test, smmu3_probe_features(&smmu), 0);
	KUNIT_EXPECT_TRUE(test, smmu.features & SMMU3_FEAT_COHERENCY);
	KUNIT_EXPECT_EQ(test, smmu.httu, 1);
}

/* Cavium CN99xx, no flags: page 0 only, not coherent although IDR0 says so */
static void iort_cn99xx_page0_noncoherent(struct kunit *test)
{
	struct smmu3_device smmu;
	u32 *regs = iort_smmu(test, &smmu, ACPI_IORT_NODE_SMMU_V3,
			      ACPI_IORT_SMMU_V3_CAVIUM_CN99XX, 0);

	KUNIT_ASSERT_EQ(test, smmu3_probe_iort(&smmu), 0);
	KUNIT_EXPECT_FALSE(test, smmu.fw.coherent);
	KUNIT_EXPECT_TRUE(test, smmu.fw.page0_only);
	KUNIT_EXPECT_EQ(test, smmu.fw.iort_model,
			ACPI_IORT_SMMU_V3_CAVIUM_CN99XX);
	id_regs_set(regs, IDR0_STALL_MODEL_NOSTALL);
	regs[SMMU3_IDR0 / 4] |= IDR0_COHACC;
	KUNIT_ASSERT_EQ(test, smmu3_probe_features(&smmu), 0);
	KUNIT_EXPECT_FALSE(test, smmu.features & SMMU3_FEAT_COHERENCY);
	KUNIT_EXPECT_EQ(test, smmu.httu, 0);
}

/* An SMMUv1/v2 node, or no node at all, is not this driver's */
static void iort_not_smmuv3_refused(struct kunit *test)
{
	struct smmu3_device smmu;

	iort_smmu(test, &smmu, ACPI_IORT_NODE_SMMU, 0, 0);
	KUNIT_EXPECT_EQ(test, smmu3_probe_iort(&smmu), -ENODEV);
	smmu.dev->platform_data = NULL;
	KUNIT_EXPECT_EQ(test, smmu3_probe_iort(&smmu), -ENODEV);
}

/* Without an IORT node the firmware is the DT, and IDR0.HTTU stands */
static void iort_dt_keeps_idr0(struct kunit *test)
{
	struct smmu3_device smmu;
	u32 *regs = regs_smmu(test, &smmu, 0);

	id_regs_set(regs, IDR0_STALL_MODEL_NOSTALL);
	KUNIT_ASSERT_EQ(test, smmu3_probe_features(&smmu), 0);
	KUNIT_EXPECT_EQ(test, smmu.fw.type, SMMU3_FW_DT);
	KUNIT_EXPECT_EQ(test, smmu.httu, 2);
}

static struct kunit_case smmu3_iort_cases[] = {
	KUNIT_CASE(iort_coherent_httu_override),
	KUNIT_CASE(iort_cn99xx_page0_noncoherent),
	KUNIT_CASE(iort_not_smmuv3_refused),
	KUNIT_CASE(iort_dt_keeps_idr0),
	{}
};

static struct kunit_suite smmu3_iort_suite = {
	.name = "smmu3-iort",
	.test_cases = smmu3_iort_cases,
};

kunit_test_suite(smmu3_iort_suite);
#endif /* CONFIG_ACPI_IORT */

/*
 * iommufd's paging domain flags -> stage: nest parent is stage 2, dirty
 * tracking stage 1 with HTTU dirty state, never both; unknown flags and
 * what the SMMU lacks are refused
 */
static void domain_user_stage(struct kunit *test)
{
	static const struct {
		u32 features;
		bool dirty;
		u32 flags;
		int ret;
		enum smmu3_stage stage;
	} c[] = {
		{ SMMU3_FEAT_S1 | SMMU3_FEAT_S2, false, 0, 0, SMMU3_STAGE1 },
		{ SMMU3_FEAT_S2, false, 0, 0, SMMU3_STAGE2 },
		{ 0, false, 0, -EOPNOTSUPP },
		{ SMMU3_FEAT_S1 | SMMU3_FEAT_S2, false,
		  IOMMU_HWPT_ALLOC_NEST_PARENT, 0, SMMU3_STAGE2 },
		{ SMMU3_FEAT_S2, false, IOMMU_HWPT_ALLOC_NEST_PARENT, 0,
		  SMMU3_STAGE2 },
		{ SMMU3_FEAT_S1, true, IOMMU_HWPT_ALLOC_NEST_PARENT,
		  -EOPNOTSUPP },
		{ SMMU3_FEAT_S1 | SMMU3_FEAT_S2, true,
		  IOMMU_HWPT_ALLOC_DIRTY_TRACKING, 0, SMMU3_STAGE1 },
		{ SMMU3_FEAT_S1 | SMMU3_FEAT_S2, false,
		  IOMMU_HWPT_ALLOC_DIRTY_TRACKING, -EOPNOTSUPP },
		{ SMMU3_FEAT_S1 | SMMU3_FEAT_S2, true,
		  IOMMU_HWPT_ALLOC_DIRTY_TRACKING |
		  IOMMU_HWPT_ALLOC_NEST_PARENT, -EOPNOTSUPP },
		{ SMMU3_FEAT_S1 | SMMU3_FEAT_S2, true,
		  BIT(2), -EOPNOTSUPP },
		{ SMMU3_FEAT_S1 | SMMU3_FEAT_S2, true, BIT(31), -EOPNOTSUPP },
	};
	enum smmu3_stage stage;
	unsigned int i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(c); i++) {
		stage = (enum smmu3_stage)-1;
		ret = smmu3_domain_alloc_user_stage(c[i].features, c[i].dirty,
						    c[i].flags, &stage);
		KUNIT_EXPECT_EQ_MSG(test, ret, c[i].ret, "case %u", i);
		if (!c[i].ret)
			KUNIT_EXPECT_EQ_MSG(test, stage, c[i].stage,
					    "case %u", i);
	}
}

/*
 * GERRORN is read-modified-written by two owners (§6.3.20: toggling a bit
 * acknowledges its error): the command queue's CMDQ_ERR recovery and the
 * GERROR handler.  Thread A acknowledges CMDQ_ERR on one CPU; the first
 * time it reads GERRORN, the read lets thread B, on another CPU,
 * acknowledge MSI_GERROR_ABT_ERR and waits up to 50 ms for it to finish
 * before returning the value it read.  Serialised, B cannot finish inside
 * A's read-modify-write and both acknowledgements land; otherwise A
 * writes back the stale value and B's is lost.
 */
struct gerrorn_race {
	u32 regs[REGS_WORDS];
	struct smmu3_device smmu;
	struct completion b_go;
	struct completion a_exit;
	struct completion b_exit;
	atomic_t reads;
	atomic_t b_done;
	int b_done_in_window;
};

static int gerrorn_race_read(void *ctx, unsigned int reg, unsigned int *val)
{
	struct gerrorn_race *r = ctx;
	unsigned int us;

	*val = READ_ONCE(r->regs[reg / 4]);
	if (reg != SMMU3_GERRORN || atomic_inc_return(&r->reads) != 1)
		return 0;
	/* A's read: B acknowledges now, and A waits for it (bounded) */
	complete(&r->b_go);
	for (us = 0; us < 50000 && !atomic_read(&r->b_done); us += 5)
		udelay(5);
	r->b_done_in_window = atomic_read(&r->b_done);
	return 0;
}

static int gerrorn_race_write(void *ctx, unsigned int reg, unsigned int val)
{
	struct gerrorn_race *r = ctx;

	WRITE_ONCE(r->regs[reg / 4], val);
	return 0;
}

static const struct regmap_config gerrorn_race_config = {
	.reg_bits = 32,
	.val_bits = 32,
	.reg_stride = 4,
	.max_register = (REGS_WORDS - 1) * 4,
	.reg_read = gerrorn_race_read,
	.reg_write = gerrorn_race_write,
	.disable_locking = true,
};

static int gerrorn_race_a(void *data)
{
	struct gerrorn_race *r = data;

	smmu3_gerror_ack(&r->smmu, GERROR_CMDQ_ERR);
	complete(&r->a_exit);
	return 0;
}

static int gerrorn_race_b(void *data)
{
	struct gerrorn_race *r = data;

	wait_for_completion(&r->b_go);
	smmu3_gerror_ack(&r->smmu, GERROR_MSI_GERROR_ABT_ERR);
	atomic_set(&r->b_done, 1);
	complete(&r->b_exit);
	return 0;
}

static void gerrorn_ack_serialised(struct kunit *test)
{
	struct task_struct *a, *b;
	struct gerrorn_race *r;
	struct device *dev;
	int cpu_a, cpu_b;

	cpu_a = cpumask_first(cpu_online_mask);
	cpu_b = cpumask_next(cpu_a, cpu_online_mask);
	if (cpu_b >= nr_cpu_ids)
		kunit_skip(test, "needs two online CPUs");
	/* Not freed if a thread never ends: it may still use @r */
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, r);
	init_completion(&r->b_go);
	init_completion(&r->a_exit);
	init_completion(&r->b_exit);
	spin_lock_init(&r->smmu.gerror_lock);
	dev = kunit_device_register(test, "smmu3-gerrorn-test");
	r->smmu.dev = dev;
	r->smmu.regmap = IS_ERR(dev) ? ERR_CAST(dev) :
			 devm_regmap_init(dev, NULL, r, &gerrorn_race_config);
	/* Both threads run to their end by themselves: no kthread_stop() */
	a = IS_ERR(r->smmu.regmap) ? ERR_CAST(r->smmu.regmap) :
	    kthread_create(gerrorn_race_a, r, "smmu3-gerrorn-a");
	b = IS_ERR(a) ? a :
	    kthread_create(gerrorn_race_b, r, "smmu3-gerrorn-b");
	if (IS_ERR(b)) {
		if (!IS_ERR(a))
			kthread_stop(a);
		kfree(r);
		KUNIT_FAIL(test, "setup failed: %ld", PTR_ERR(b));
		return;
	}
	kthread_bind(a, cpu_a);
	kthread_bind(b, cpu_b);
	wake_up_process(b);
	wake_up_process(a);
	KUNIT_ASSERT_TRUE(test, wait_for_completion_timeout(&r->a_exit, 10 * HZ));
	KUNIT_ASSERT_TRUE(test, wait_for_completion_timeout(&r->b_exit, 10 * HZ));

	KUNIT_EXPECT_EQ_MSG(test, r->b_done_in_window, 0,
			    "B acknowledged inside A's read-modify-write");
	KUNIT_EXPECT_EQ(test, r->regs[SMMU3_GERRORN / 4],
			GERROR_CMDQ_ERR | GERROR_MSI_GERROR_ABT_ERR);
	kfree(r);
}

static struct kunit_case smmu3_regs_cases[] = {
	KUNIT_CASE(id_regs_read),
	KUNIT_CASE(id_regs_no_attr_override),
	KUNIT_CASE(id_regs_forced_stalls),
	KUNIT_CASE(cmdq_batch_fits_queue),
	KUNIT_CASE(irq_cfg_cleared_with_msi),
	KUNIT_CASE(irq_cfg_cleared_with_pri),
	KUNIT_CASE(irq_cfg_untouched_without_msi),
	KUNIT_CASE(msi_cfg_its_doorbell),
	KUNIT_CASE(msi_cfg_address_bits),
	KUNIT_CASE(msi_cfg_no_address),
	KUNIT_CASE(msi_write_cfg_evtq),
	KUNIT_CASE(msi_write_cfg_gerror),
	KUNIT_CASE(msi_write_cfg_priq),
	KUNIT_CASE(msi_indexes),
	KUNIT_CASE(domain_user_stage),
	KUNIT_CASE(gerrorn_ack_serialised),
	{}
};

static struct kunit_suite smmu3_regs_suite = {
	.name = "smmu3-regs",
	.test_cases = smmu3_regs_cases,
};

kunit_test_suites(&smmu3_ste_suite, &smmu3_cd_suite, &smmu3_write_suite,
		  &smmu3_cmd_suite, &smmu3_event_suite, &smmu3_queue_suite,
		  &smmu3_tlbi_suite, &smmu3_regs_suite);

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_DESCRIPTION("KUnit tests of the smmu3 driver's encoders and decoders");
MODULE_LICENSE("GPL");
