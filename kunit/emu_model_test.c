// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suites of the emulated SMMUv3 device model, driven only through
 * its register and memory interface: the cases of
 * drivers/emu/tests/model_cases.h (the native test program runs the same
 * ones) write stream tables, context descriptors, translation tables and
 * queue entries by hand in a 4 MiB block of kernel memory, program the
 * registers, issue commands through the command queue, translate client
 * transactions and read the event queue back.
 *
 * The instances use smmu3_emu's own host services (its RAM-checked,
 * exception-protected memory accessors and its allocator), restricted to
 * the test memory as the native program restricts them to its array:
 * for the model, every other physical address is not RAM.  A last suite
 * checks those services on their own, outside the test memory.
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/ioport.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/pgtable.h>
#include <linux/platform_device.h>
#include <linux/regmap.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <smmu3/smmu3-arch.h>
#include "../drivers/emu/core/smmu.h"
#include "../drivers/emu/smmu3_emu_kunit.h"

/* The environment model_helpers.h expects */
#define RAM_SIZE	(4ULL << 20)
#define RAM_BASE	ram_base
/* QEMU virt: PCIe MMIO window, never RAM (checked by the glue suite) */
#define HOLE_PA		0x10000000ULL
#define FUZZ_ITERS	60000

static s3e_u64 ram_base;
static unsigned char *ram;
static int irqs[S3E_IRQ_NR];
static unsigned long alloc_bytes;
static int quiet_alloc_fail;
static struct s3e_host host;
/* smmu3_emu's services, which @host wraps */
static struct s3e_host glue;
/* The running case */
static struct kunit *kt;

#define EXPECT_EQ(got, want) \
	KUNIT_EXPECT_EQ(kt, (s3e_u64)(got), (s3e_u64)(want))

static void test_bug(const char *msg)
{
	KUNIT_FAIL_ASSERTION(kt, KUNIT_ASSERTION, "test bug: %s", msg);
}

static void env_host_reset(void);

/* A model case is a KUnit case; a table-driven one is parameterised */
#define s3e_test		kunit
#define S3E_LIST_TYPE		kunit_case
#define S3E_LIST_ENTRY(n) \
	{ .run_case = s3e_case_##n, .name = #n, .module_name = KBUILD_MODNAME }
#define S3E_PARAM_ENTRY(n, arr) \
	{ .run_case = s3e_case_##n, .name = #n, .module_name = KBUILD_MODNAME, \
	  .generate_params = kt_##arr##_gen_params }
#define S3E_PARAMS(arr)		KUNIT_ARRAY_PARAM_DESC(kt_##arr, arr, name)

#include "../drivers/emu/tests/model_cases.h"

/* ------------------------------------------------------------------------
 * Host services: smmu3_emu's, for the test memory only
 */

static int kt_read(void *ctx, s3e_u64 pa, void *buf, unsigned long len)
{
	if (!in_ram(pa, len))
		return -EFAULT;
	return glue.read(glue.ctx, pa, buf, len);
}

static int kt_write(void *ctx, s3e_u64 pa, const void *buf,
		    unsigned long len)
{
	if (!in_ram(pa, len))
		return -EFAULT;
	return glue.write(glue.ctx, pa, buf, len);
}

/* Through a pointer: cmpxchg64 is also a kernel macro */
static int host_cas(const struct s3e_host *h, u64 pa, u64 old, u64 newval)
{
	int (*cas)(void *ctx, s3e_u64 pa, s3e_u64 old, s3e_u64 newval) =
		h->cmpxchg64;

	return cas(h->ctx, pa, old, newval);
}

static int kt_cmpxchg64(void *ctx, s3e_u64 pa, s3e_u64 old, s3e_u64 newval)
{
	if (!in_ram(pa, 8))
		return -EFAULT;
	return host_cas(&glue, pa, old, newval);
}

static void kt_irq(void *ctx, unsigned int line)
{
	if (line < S3E_IRQ_NR)
		irqs[line]++;
}

static void *kt_alloc(void *ctx, unsigned long size)
{
	if (quiet_alloc_fail && !--quiet_alloc_fail)
		return NULL;
	alloc_bytes += size;
	return glue.alloc(glue.ctx, size);
}

static void kt_free(void *ctx, void *p)
{
	glue.free(glue.ctx, p);
}

/* The glue has no read64: descriptors are read with read() */
static void env_host_reset(void)
{
	host = (struct s3e_host) {
		.read = kt_read,
		.write = kt_write,
		.cmpxchg64 = kt_cmpxchg64,
		.irq = kt_irq,
		.alloc = kt_alloc,
		.free = kt_free,
	};
}

/* ------------------------------------------------------------------------
 * Suites
 */

#define RAM_ORDER	(const_ilog2(RAM_SIZE) - PAGE_SHIFT)
static_assert(RAM_ORDER <= MAX_PAGE_ORDER);

static struct page *ram_pages;

/* Buddy blocks are aligned to their size, as model_helpers.h requires */
static int kt_suite_init(struct kunit_suite *suite)
{
	int ret;

	ram_pages = alloc_pages(GFP_KERNEL | __GFP_NOWARN, RAM_ORDER);
	if (!ram_pages)
		return -ENOMEM;
	ram = page_address(ram_pages);
	ram_base = page_to_phys(ram_pages);
	ret = smmu3_emu_kunit_host_create(&glue);
	if (ret) {
		__free_pages(ram_pages, RAM_ORDER);
		return ret;
	}
	env_host_reset();
	return 0;
}

static void kt_suite_exit(struct kunit_suite *suite)
{
	s3e_smmu_destroy(smmu);
	smmu = NULL;
	smmu3_emu_kunit_host_destroy(&glue);
	__free_pages(ram_pages, RAM_ORDER);
}

static int kt_init(struct kunit *test)
{
	kt = test;
	model_reset();
	return 0;
}

static void kt_exit(struct kunit *test)
{
	s3e_smmu_destroy(smmu);
	smmu = NULL;
}

#define KT_SUITE(area) \
	static struct kunit_suite kt_##area##_suite = { \
		.name = "smmu3_emu_model_" #area, \
		.suite_init = kt_suite_init, \
		.suite_exit = kt_suite_exit, \
		.init = kt_init, \
		.exit = kt_exit, \
		.test_cases = s3e_model_##area, \
	}

KT_SUITE(regs);
KT_SUITE(queues);
KT_SUITE(strtab);
KT_SUITE(cd);
KT_SUITE(walk);
KT_SUITE(inval);
KT_SUITE(dma);
KT_SUITE(caching);
KT_SUITE(stall);
KT_SUITE(httu);

/* ------------------------------------------------------------------------
 * smmu3_emu's host services on their own
 */

struct kt_glue {
	struct s3e_host h;
	__le64 *buf;		/* 2 doublewords of kmalloc'ed RAM */
};

static int kt_glue_init(struct kunit *test)
{
	struct kt_glue *g = kunit_kzalloc(test, sizeof(*g), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, g);
	g->buf = kunit_kzalloc(test, 2 * sizeof(*g->buf), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, g->buf);
	KUNIT_ASSERT_EQ(test, smmu3_emu_kunit_host_create(&g->h), 0);
	test->priv = g;
	return 0;
}

static void kt_glue_exit(struct kunit *test)
{
	struct kt_glue *g = test->priv;

	smmu3_emu_kunit_host_destroy(&g->h);
}

/* RAM is read and written by physical address, little-endian as stored */
static void glue_ram_read_write(struct kunit *test)
{
	struct kt_glue *g = test->priv;
	u64 pa = virt_to_phys(g->buf);
	u8 in[16], out[16];
	int i;

	for (i = 0; i < sizeof(in); i++)
		in[i] = 0xa0 + i;
	KUNIT_EXPECT_EQ(test, g->h.write(g->h.ctx, pa, in, sizeof(in)), 0);
	KUNIT_EXPECT_EQ(test, le64_to_cpu(g->buf[0]), 0xa7a6a5a4a3a2a1a0ULL);
	/* An unaligned, odd-sized range */
	KUNIT_EXPECT_EQ(test, g->h.read(g->h.ctx, pa + 3, out, 9), 0);
	KUNIT_EXPECT_EQ(test, memcmp(out, in + 3, 9), 0);
	KUNIT_EXPECT_EQ(test, smmu3_emu_kunit_mem_refused(&g->h), 0);
}

/* Not RAM: refused, counted, the buffer untouched */
static void glue_not_ram_refused(struct kunit *test)
{
	struct kt_glue *g = test->priv;
	u8 buf[8] = { 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a };

	KUNIT_ASSERT_FALSE_MSG(test, pfn_valid(PHYS_PFN(HOLE_PA)),
			       "%#llx is RAM on this machine", HOLE_PA);
	KUNIT_EXPECT_LT(test, g->h.read(g->h.ctx, HOLE_PA, buf, 8), 0);
	KUNIT_EXPECT_EQ(test, buf[0], 0x5a);
	KUNIT_EXPECT_LT(test, g->h.write(g->h.ctx, HOLE_PA, buf, 8), 0);
	KUNIT_EXPECT_LT(test, host_cas(&g->h, HOLE_PA, 0, 1), 0);
	/* Wrapping around the top of the address space */
	KUNIT_EXPECT_LT(test, g->h.read(g->h.ctx, ~0ULL - 3, buf, 8), 0);
	/* Beyond the physical address size */
	KUNIT_EXPECT_LT(test, g->h.read(g->h.ctx, 1ULL << 60, buf, 8), 0);
	KUNIT_EXPECT_EQ(test, smmu3_emu_kunit_mem_refused(&g->h), 5);
}

static int kt_ram_end(struct resource *res, void *arg)
{
	u64 *end = arg;

	*end = max_t(u64, *end, res->end);
	return 0;
}

/* A range that starts in RAM and ends outside it is refused as a whole */
static void glue_straddling_range_refused(struct kunit *test)
{
	struct kt_glue *g = test->priv;
	u64 last = 0;
	u8 buf[16];

	walk_iomem_res_desc(IORES_DESC_NONE,
			    IORESOURCE_SYSTEM_RAM | IORESOURCE_BUSY, 0, ~0ULL,
			    &last, kt_ram_end);
	KUNIT_ASSERT_NE(test, last, 0);
	KUNIT_ASSERT_FALSE(test, pfn_valid(PHYS_PFN(last + 1)));
	/* The last 8 bytes of RAM, then 8 more beyond */
	KUNIT_EXPECT_EQ(test, g->h.read(g->h.ctx, last - 7, buf, 8), 0);
	KUNIT_EXPECT_LT(test, g->h.read(g->h.ctx, last - 7, buf, 16), 0);
	KUNIT_EXPECT_LT(test, g->h.write(g->h.ctx, last - 7, buf, 16), 0);
	KUNIT_EXPECT_EQ(test, smmu3_emu_kunit_mem_refused(&g->h), 2);
}

/* The access flag update: compare-and-swap of a little-endian doubleword */
static void glue_cmpxchg64(struct kunit *test)
{
	struct kt_glue *g = test->priv;
	u64 pa = virt_to_phys(g->buf);

	g->buf[1] = cpu_to_le64(0x1111);
	KUNIT_EXPECT_EQ(test, host_cas(&g->h, pa + 8, 0x1111, 0x2222),
			0);
	KUNIT_EXPECT_EQ(test, le64_to_cpu(g->buf[1]), 0x2222);
	/* Old value mismatch: 1, memory unchanged */
	KUNIT_EXPECT_EQ(test, host_cas(&g->h, pa + 8, 0x1111, 0x3333),
			1);
	KUNIT_EXPECT_EQ(test, le64_to_cpu(g->buf[1]), 0x2222);
	/* Misaligned: refused */
	KUNIT_EXPECT_LT(test, host_cas(&g->h, pa + 4, 0, 1), 0);
	KUNIT_EXPECT_EQ(test, le64_to_cpu(g->buf[0]), 0);
	KUNIT_EXPECT_EQ(test, smmu3_emu_kunit_mem_refused(&g->h), 1);
}

/*
 * Reserved pages (the kernel image, whose linear alias is read-only) are
 * never swapped into.  The zero page is all zeros and the old value is
 * not zero, so even a wrong acceptance could not write it.
 */
static void glue_cmpxchg64_reserved_refused(struct kunit *test)
{
	struct kt_glue *g = test->priv;
	u64 pa = page_to_phys(ZERO_PAGE(0));

	KUNIT_ASSERT_TRUE(test, PageReserved(ZERO_PAGE(0)));
	KUNIT_EXPECT_LT(test, host_cas(&g->h, pa, 0xdead, 0xbeef), 0);
	KUNIT_EXPECT_EQ(test, smmu3_emu_kunit_mem_refused(&g->h), 1);
}

/*
 * The command queue work of a real instance (the guests' spare emulator
 * node, budget 4, bound to no driver): a batch of 20 commands published
 * in one write is consumed 4 in the write and the rest in the background,
 * with nobody reading a register; the CMD_SYNC's MSI write-back shows it.
 */
#define KT_SPARE_NODE	"/smmu3-emu-spare"
#define KT_SPARE_LOG2	5

static void glue_cmdq_work_consumes_in_background(struct kunit *test)
{
	__le64 *q, *msi;
	struct platform_device *pdev;
	struct device_node *np;
	struct regmap *map;
	unsigned int i, cons;
	u64 base;

	np = of_find_node_by_path(KT_SPARE_NODE);
	if (!np)
		kunit_skip(test, "no %s node in this device tree", KT_SPARE_NODE);
	pdev = of_find_device_by_node(np);
	of_node_put(np);
	KUNIT_ASSERT_NOT_NULL(test, pdev);
	map = dev_get_regmap(&pdev->dev, "regs");
	if (!map) {
		put_device(&pdev->dev);
		kunit_skip(test, "%s is not bound to smmu3-emu", KT_SPARE_NODE);
	}

	/* kmalloc aligns a power-of-two size to itself, as CMDQ_BASE needs */
	q = kunit_kzalloc(test, 16 << KT_SPARE_LOG2, GFP_KERNEL);
	msi = kunit_kzalloc(test, sizeof(*msi), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_ASSERT_NOT_NULL(test, msi);
	for (i = 0; i < 19; i++)
		q[2 * i] = cpu_to_le64(FIELD_PREP(CMD_0_OP,
						  CMD_OP_TLBI_NSNH_ALL));
	/* CMD_SYNC, completion by MSI: MSIDATA 0 written over *msi */
	q[38] = cpu_to_le64(FIELD_PREP(CMD_0_OP, CMD_OP_SYNC) |
			    FIELD_PREP(CMD_SYNC_0_CS, CMD_SYNC_CS_IRQ));
	q[39] = cpu_to_le64(virt_to_phys(msi) & CMD_SYNC_1_MSIADDR);
	*msi = cpu_to_le64(~0ULL);

	base = virt_to_phys(q) | KT_SPARE_LOG2;
	KUNIT_ASSERT_EQ(test, regmap_write(map, SMMU3_CR0, 0), 0);
	regmap_write(map, SMMU3_CMDQ_BASE, lower_32_bits(base));
	regmap_write(map, SMMU3_CMDQ_BASE + 4, upper_32_bits(base));
	regmap_write(map, SMMU3_CMDQ_PROD, 0);
	regmap_write(map, SMMU3_CMDQ_CONS, 0);
	regmap_write(map, SMMU3_CR0, CR0_CMDQEN);
	/* Published in one write: 4 consumed in it, 16 left */
	regmap_write(map, SMMU3_CMDQ_PROD, 20);

	/* Memory only: a register read would consume a budget itself */
	for (i = 0; i < 5000 && lower_32_bits(le64_to_cpu(READ_ONCE(*msi)));
	     i++)
		usleep_range(1000, 2000);
	KUNIT_EXPECT_EQ(test, lower_32_bits(le64_to_cpu(READ_ONCE(*msi))), 0);
	KUNIT_EXPECT_EQ(test, regmap_read(map, SMMU3_CMDQ_CONS, &cons), 0);
	KUNIT_EXPECT_EQ(test, cons, 20);

	regmap_write(map, SMMU3_CR0, 0);
	regmap_write(map, SMMU3_CMDQ_BASE, 0);
	regmap_write(map, SMMU3_CMDQ_BASE + 4, 0);
	put_device(&pdev->dev);
}

static struct kunit_case kt_glue_cases[] = {
	KUNIT_CASE(glue_ram_read_write),
	KUNIT_CASE(glue_not_ram_refused),
	KUNIT_CASE(glue_straddling_range_refused),
	KUNIT_CASE(glue_cmpxchg64),
	KUNIT_CASE(glue_cmpxchg64_reserved_refused),
	KUNIT_CASE(glue_cmdq_work_consumes_in_background),
	{}
};

static struct kunit_suite kt_glue_suite = {
	.name = "smmu3_emu_glue",
	.init = kt_glue_init,
	.exit = kt_glue_exit,
	.test_cases = kt_glue_cases,
};

kunit_test_suites(&kt_regs_suite, &kt_queues_suite, &kt_strtab_suite,
		  &kt_cd_suite, &kt_walk_suite, &kt_inval_suite, &kt_dma_suite,
		  &kt_caching_suite, &kt_stall_suite, &kt_httu_suite,
		  &kt_glue_suite);

MODULE_DESCRIPTION("KUnit tests of the emulated SMMUv3 device model");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
