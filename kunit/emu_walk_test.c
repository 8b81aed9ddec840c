// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests of the emulator core's table walker against the kernel's own
 * page-table writer: io-pgtable-arm builds stage-1 and stage-2 tables in
 * kernel memory, the freestanding walker reads them by physical address,
 * and every translation must agree with io-pgtable's iova_to_phys().
 */
#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/io-pgtable.h>
#include <linux/iommu.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/sizes.h>

#include <smmu3/smmu3-arch.h>
#include "../drivers/emu/core/walk.h"

/* A physical address outside RAM for external-abort tests */
#define WT_NOT_RAM	0x0000100000000000ULL

static int wt_read64(void *ctx, s3e_u64 pa, s3e_u64 *val)
{
	if (!IS_ALIGNED(pa, 8) || !pfn_valid(PHYS_PFN(pa)))
		return -EFAULT;
	*val = le64_to_cpu(READ_ONCE(*(__le64 *)phys_to_virt(pa)));
	return 0;
}

static const struct s3e_walker wt_walker = {
	.mem = { .read64 = wt_read64 },
	.oas = 48,
};

static void wt_tlb_flush_all(void *cookie)
{
}

static void wt_tlb_flush_walk(unsigned long iova, size_t size,
			      size_t granule, void *cookie)
{
}

static const struct iommu_flush_ops wt_flush_ops = {
	.tlb_flush_all = wt_tlb_flush_all,
	.tlb_flush_walk = wt_tlb_flush_walk,
};

struct wt_ctx {
	struct io_pgtable_cfg cfg;
	struct io_pgtable_ops *ops;
};

static void wt_free(void *data)
{
	free_io_pgtable_ops(data);
}

static struct wt_ctx *wt_alloc(struct kunit *test, enum io_pgtable_fmt fmt,
			       unsigned long pgsizes, unsigned int ias)
{
	static atomic_t seq = ATOMIC_INIT(0);
	struct wt_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	struct device *dev;
	char name[32];

	snprintf(name, sizeof(name), "smmu3-walk-%d", atomic_inc_return(&seq));
	dev = kunit_device_register(test, name);

	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_ASSERT_FALSE(test, IS_ERR(dev));
	c->cfg = (struct io_pgtable_cfg) {
		.pgsize_bitmap = pgsizes,
		.ias = ias,
		.oas = 48,
		.coherent_walk = true,
		.tlb = &wt_flush_ops,
		.iommu_dev = dev,
	};
	c->ops = alloc_io_pgtable_ops(fmt, &c->cfg, c);
	KUNIT_ASSERT_NOT_NULL(test, c->ops);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, wt_free, c->ops), 0);
	return c;
}

static void wt_map(struct kunit *test, struct wt_ctx *c, unsigned long iova,
		   phys_addr_t pa, size_t pgsize, size_t count, int prot)
{
	size_t mapped = 0;

	KUNIT_ASSERT_EQ(test, c->ops->map_pages(c->ops, iova, pa, pgsize, count,
						prot, GFP_KERNEL, &mapped), 0);
	KUNIT_ASSERT_EQ(test, mapped, pgsize * count);
}

static void wt_s1_cfg(struct wt_ctx *c, struct s3e_s1_cfg *s1)
{
	*s1 = (struct s3e_s1_cfg) {
		.tt[0] = {
			.ttb = c->cfg.arm_lpae_s1_cfg.ttbr,
			.tsz = c->cfg.arm_lpae_s1_cfg.tcr.tsz,
			.tg = c->cfg.arm_lpae_s1_cfg.tcr.tg,
		},
		.tt[1] = { .flags = S3E_TT_EPD },
		.ips = c->cfg.arm_lpae_s1_cfg.tcr.ips,
	};
}

/* Walk @iova at stage 1 and compare with io-pgtable's own answer */
static void wt_expect_s1(struct kunit *test, struct wt_ctx *c, u64 iova,
			 unsigned int access)
{
	struct s3e_walk_result res;
	struct s3e_s1_cfg s1;
	int fault;

	wt_s1_cfg(c, &s1);
	fault = s3e_walk_s1(&wt_walker, &s1, NULL, iova, access, &res);
	KUNIT_EXPECT_EQ_MSG(test, fault, 0, "iova %#llx", iova);
	KUNIT_EXPECT_EQ_MSG(test, res.oa, (u64)c->ops->iova_to_phys(c->ops, iova),
			    "iova %#llx", iova);
}

static void wt_expect_s1_fault(struct kunit *test, struct wt_ctx *c, u64 iova,
			       unsigned int access, int fault)
{
	struct s3e_walk_result res;
	struct s3e_s1_cfg s1;

	wt_s1_cfg(c, &s1);
	KUNIT_EXPECT_EQ_MSG(test, s3e_walk_s1(&wt_walker, &s1, NULL, iova,
					      access, &res), fault,
			    "iova %#llx", iova);
	KUNIT_EXPECT_EQ(test, res.fault, fault);
	KUNIT_EXPECT_EQ(test, res.stage, 1);
}

static void wt_s1_granule(struct kunit *test, unsigned long pgsizes,
			  size_t page, size_t block)
{
	const int rw = IOMMU_READ | IOMMU_WRITE;
	struct wt_ctx *c = wt_alloc(test, ARM_64_LPAE_S1, pgsizes, 48);
	u64 iova;

	wt_map(test, c, 0x10000000, 0x80000000, page, 4, rw);
	wt_map(test, c, 0x7ff000000000ULL - block, 0x4000000000ULL, block, 1, rw);
	for (iova = 0x10000000; iova < 0x10000000 + 4 * page; iova += page / 2)
		wt_expect_s1(test, c, iova + 0x18, S3E_ACC_WRITE);
	wt_expect_s1(test, c, 0x7ff000000000ULL - block, 0);
	wt_expect_s1(test, c, 0x7ff000000000ULL - 8, S3E_ACC_WRITE);
	/* Next to the mappings: not mapped */
	wt_expect_s1_fault(test, c, 0x10000000 + 4 * page, 0, EVT_F_TRANSLATION);
	wt_expect_s1_fault(test, c, 0x10000000 - 8, 0, EVT_F_TRANSLATION);
	/* After unmap the walker reads what io-pgtable left: no mapping */
	KUNIT_EXPECT_EQ(test, c->ops->unmap_pages(c->ops, 0x10000000 + page, page,
						  1, NULL), page);
	wt_expect_s1_fault(test, c, 0x10000000 + page, 0, EVT_F_TRANSLATION);
	wt_expect_s1(test, c, 0x10000000 + 2 * page, 0);
}

static void emu_walk_s1_4k(struct kunit *test)
{
	wt_s1_granule(test, SZ_4K | SZ_2M | SZ_1G, SZ_4K, SZ_2M);
	wt_s1_granule(test, SZ_4K | SZ_2M | SZ_1G, SZ_4K, SZ_1G);
}

static void emu_walk_s1_16k(struct kunit *test)
{
	wt_s1_granule(test, SZ_16K | SZ_32M, SZ_16K, SZ_32M);
}

static void emu_walk_s1_64k(struct kunit *test)
{
	wt_s1_granule(test, SZ_64K | SZ_512M, SZ_64K, SZ_512M);
}

static void emu_walk_s1_permissions(struct kunit *test)
{
	struct wt_ctx *c = wt_alloc(test, ARM_64_LPAE_S1, SZ_4K | SZ_2M, 48);

	wt_map(test, c, 0x1000, 0x80001000, SZ_4K, 1, IOMMU_READ);
	wt_map(test, c, 0x2000, 0x80002000, SZ_4K, 1,
	       IOMMU_READ | IOMMU_WRITE | IOMMU_NOEXEC);
	wt_map(test, c, 0x3000, 0x80003000, SZ_4K, 1,
	       IOMMU_READ | IOMMU_WRITE | IOMMU_PRIV);

	/* Read-only: AP[2] set */
	wt_expect_s1(test, c, 0x1000, 0);
	wt_expect_s1(test, c, 0x1000, S3E_ACC_PRIV);
	wt_expect_s1_fault(test, c, 0x1008, S3E_ACC_WRITE, EVT_F_PERMISSION);
	wt_expect_s1_fault(test, c, 0x1008, S3E_ACC_WRITE | S3E_ACC_PRIV,
			   EVT_F_PERMISSION);
	/* No-exec: XN */
	wt_expect_s1(test, c, 0x2000, S3E_ACC_WRITE);
	wt_expect_s1_fault(test, c, 0x2000, S3E_ACC_EXEC, EVT_F_PERMISSION);
	wt_expect_s1_fault(test, c, 0x2000, S3E_ACC_EXEC | S3E_ACC_PRIV,
			   EVT_F_PERMISSION);
	/* Privileged only: AP[1] clear, so unprivileged accesses fault */
	wt_expect_s1(test, c, 0x3000, S3E_ACC_WRITE | S3E_ACC_PRIV);
	wt_expect_s1_fault(test, c, 0x3000, 0, EVT_F_PERMISSION);
}

static void emu_walk_s2_concatenated(struct kunit *test)
{
	/* 40-bit IPA, 4K: io-pgtable starts at level 1 with 2 tables */
	struct wt_ctx *c = wt_alloc(test, ARM_64_LPAE_S2, SZ_4K | SZ_2M | SZ_1G, 40);
	struct s3e_walk_result res;
	struct s3e_s2_cfg s2;
	u64 ipa;

	wt_map(test, c, 0x8000001000ULL, 0x80005000, SZ_4K, 2,
	       IOMMU_READ | IOMMU_WRITE);
	wt_map(test, c, 0x40000000, 0x4040000000ULL, SZ_1G, 1, IOMMU_READ);
	s2 = (struct s3e_s2_cfg) {
		.ttb = c->cfg.arm_lpae_s2_cfg.vttbr,
		.t0sz = c->cfg.arm_lpae_s2_cfg.vtcr.tsz,
		.sl0 = c->cfg.arm_lpae_s2_cfg.vtcr.sl,
		.tg = c->cfg.arm_lpae_s2_cfg.vtcr.tg,
		.ps = c->cfg.arm_lpae_s2_cfg.vtcr.ps,
	};
	KUNIT_EXPECT_EQ(test, s2.t0sz, 24);
	for (ipa = 0x8000001000ULL; ipa < 0x8000003000ULL; ipa += 0x800) {
		KUNIT_EXPECT_EQ(test, s3e_walk_s2(&wt_walker, &s2, ipa + 4,
						  S3E_ACC_WRITE, &res), 0);
		KUNIT_EXPECT_EQ(test, res.oa,
				(u64)c->ops->iova_to_phys(c->ops, ipa + 4));
	}
	KUNIT_EXPECT_EQ(test, s3e_walk_s2(&wt_walker, &s2, 0x7fffff8ULL, 0,
					  &res), EVT_F_TRANSLATION);
	KUNIT_EXPECT_EQ(test, s3e_walk_s2(&wt_walker, &s2, 0x40001234, 0,
					  &res), 0);
	KUNIT_EXPECT_EQ(test, res.oa, 0x4040001234ULL);
	KUNIT_EXPECT_EQ(test, s3e_walk_s2(&wt_walker, &s2, 0x40001234,
					  S3E_ACC_WRITE, &res), EVT_F_PERMISSION);
	KUNIT_EXPECT_EQ(test, res.stage, 2);
	KUNIT_EXPECT_EQ(test, res.ipa, 0x40001234ULL);
}

static void emu_walk_external_abort(struct kunit *test)
{
	struct wt_ctx *c = wt_alloc(test, ARM_64_LPAE_S1, SZ_4K | SZ_2M, 48);
	struct s3e_walk_result res;
	struct s3e_s1_cfg s1;

	wt_map(test, c, 0x1000, 0x80001000, SZ_4K, 1, IOMMU_READ);
	wt_s1_cfg(c, &s1);
	s1.tt[0].ttb = WT_NOT_RAM;
	KUNIT_EXPECT_EQ(test, s3e_walk_s1(&wt_walker, &s1, NULL, 0x1000, 0, &res),
			EVT_F_WALK_EABT);
	/* Level-0 descriptor of VA 0x1000 is the first of the table */
	KUNIT_EXPECT_EQ(test, res.fetch_addr, WT_NOT_RAM);
	KUNIT_EXPECT_EQ(test, res.stage, 1);
}

static struct kunit_case smmu3_emu_walk_cases[] = {
	KUNIT_CASE(emu_walk_s1_4k),
	KUNIT_CASE(emu_walk_s1_16k),
	KUNIT_CASE(emu_walk_s1_64k),
	KUNIT_CASE(emu_walk_s1_permissions),
	KUNIT_CASE(emu_walk_s2_concatenated),
	KUNIT_CASE(emu_walk_external_abort),
	{}
};

static struct kunit_suite smmu3_emu_walk_suite = {
	.name = "smmu3-emu-walk",
	.test_cases = smmu3_emu_walk_cases,
};

kunit_test_suite(smmu3_emu_walk_suite);

MODULE_DESCRIPTION("KUnit tests of the emulator's walker against io-pgtable-arm");
MODULE_LICENSE("GPL");
