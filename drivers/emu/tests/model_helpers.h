/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Driver-side helpers of the emulated SMMUv3's model tests, shared by the
 * native test program (drivers/emu/native/smmu_test.c) and the KUnit suites
 * (kunit/emu_model_test.c).  The device is driven only as a driver drives
 * it: registers (s3e_smmu_read32/write32/read64/write64), structures in
 * memory written here from the architecture's layouts (stream table,
 * context descriptors, translation tables, queues), and client
 * transactions (s3e_smmu_translate/s3e_smmu_dma).
 *
 * The including file (the environment) provides, before including this:
 *  RAM_BASE, RAM_SIZE   physical address and size of the test memory, which
 *                       the model reaches through the host callbacks;
 *                       RAM_BASE aligned to RAM_SIZE, RAM_SIZE = 4 MiB.
 *                       For the model, every other address is not RAM:
 *                       the host refuses to access it
 *  ram                  unsigned char *: the test memory as the CPU sees it
 *  HOLE_PA              a physical address outside the test memory
 *  host                 struct s3e_host the instances are created with
 *  env_host_reset()     restore @host to the environment's services
 *  irqs[S3E_IRQ_NR]     interrupt pulses counted by host.irq
 *  alloc_bytes          bytes host.alloc gave out
 *  quiet_alloc_fail     when non-zero, host.alloc fails its Nth call
 *  EXPECT_EQ(got, want) an expectation on two 64-bit values
 *  test_bug(msg)        report a broken test and end the case (no return)
 *  FUZZ_ITERS           operations per round of the robustness cases
 *
 * Little-endian memory is written and read with the helpers below, which
 * convert on big-endian hosts.
 */
#ifndef S3E_MODEL_HELPERS_H
#define S3E_MODEL_HELPERS_H

#include "../core/smmu.h"
/* Layout of the simulated RAM */
#define STRTAB_PA	(RAM_BASE + 0x000000)	/* linear: 256 STEs */
#define L2STE_PA	(RAM_BASE + 0x008000)	/* 2-level: leaf tables */
#define CMDQ_PA		(RAM_BASE + 0x010000)
#define EVTQ_PA		(RAM_BASE + 0x020000)
#define CD_PA		(RAM_BASE + 0x030000)	/* CD tables, 0x30000 */
#define CD2_PA		(RAM_BASE + 0x040000)	/* level-2 CD tables */
#define MSI_PA		(RAM_BASE + 0x0f0000)
#define PT_PA		(RAM_BASE + 0x100000)	/* translation tables */
#define DATA_PA		(RAM_BASE + 0x200000)	/* data pages */
#define RAM_END		(RAM_BASE + RAM_SIZE)

/* Stage-2 window: IPA_BASE + x is RAM_BASE + x (when mapped) */
#define RAM_END		(RAM_BASE + RAM_SIZE)

/* Stage-2 window: IPA_BASE + x is RAM_BASE + x (when mapped) */
#define IPA_BASE	0x1000000000ULL
#define S2_T0SZ		25	/* 39-bit IPA, 4K, start level 1 */
#define S2_SL0		1

#ifndef SZ_4K
#define SZ_4K		0x1000ULL
#endif
#ifndef SZ_64K
#define SZ_64K		0x10000ULL
#endif
#ifndef SZ_2M
#define SZ_2M		0x200000ULL
#endif
#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#endif
#ifndef GENMASK
#define GENMASK		SMMU3_GENMASK
#endif
#ifndef BIT
#define BIT		SMMU3_BIT
#endif
#define FP		s3e_field_prep
#define FG		s3e_field_get
/* FP() as a constant expression, for static tables */
#define FPC(mask, val)	((((s3e_u64)(val)) << __builtin_ctzll(mask)) & (mask))

#define ACC_R		0
#define ACC_W		S3E_ACC_WRITE
#define ACC_X		S3E_ACC_EXEC
#define ACC_P		S3E_ACC_PRIV

/* Stage-1 page: RW at EL1 and EL0, non-global */
#define S1_RW		(TTD_AF | TTD_AP_UNPRIV | TTD_NG)
/* Stage-2 page: RW normal memory */
#define S2_RW		(TTD_AF | TTD_S2AP_READ | TTD_S2AP_WRITE | \
			 FP(TTD_S2_MEMATTR, 0xf))

#define CMDQ_LOG2	8
#define EVTQ_LOG2	7

static unsigned char *ram;
static s3e_u64 pt_next;
static struct s3e_smmu *smmu;
static struct s3e_smmu_config cfg;
static unsigned int cmdq_log2 = CMDQ_LOG2, evtq_log2 = EVTQ_LOG2;

/* ------------------------------------------------------------------ */
/* Memory helpers */

/* [@pa, @pa + @len) lies in the test memory */
static int in_ram(s3e_u64 pa, unsigned long len)
{
	return pa >= RAM_BASE && pa - RAM_BASE <= RAM_SIZE &&
	       len <= RAM_SIZE - (pa - RAM_BASE);
}

static void wr64(s3e_u64 pa, s3e_u64 v)
{
	if (!in_ram(pa, 8))
		test_bug("write outside the test memory");
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);
#endif
	memcpy(ram + (pa - RAM_BASE), &v, 8);
}

static s3e_u64 rd64(s3e_u64 pa)
{
	s3e_u64 v;

	if (!in_ram(pa, 8))
		return ~0ULL;
	memcpy(&v, ram + (pa - RAM_BASE), 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);
#endif
	return v;
}

static s3e_u32 rd32(s3e_u64 pa)
{
	s3e_u32 v;

	memcpy(&v, ram + (pa - RAM_BASE), 4);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap32(v);
#endif
	return v;
}

static s3e_u64 pt_alloc(s3e_u64 size)
{
	s3e_u64 pa = (pt_next + size - 1) & ~(size - 1);

	if (pa + size > DATA_PA)
		test_bug("out of table memory");
	pt_next = pa + size;
	return pa;
}

/* ------------------------------------------------------------------ */
/* Register helpers */

static s3e_u32 r32(s3e_u32 off)
{
	return s3e_smmu_read32(smmu, off);
}

static void w32(s3e_u32 off, s3e_u32 v)
{
	s3e_smmu_write32(smmu, off, v);
}

static s3e_u64 r64(s3e_u32 off)
{
	return s3e_smmu_read64(smmu, off);
}

static void w64(s3e_u32 off, s3e_u64 v)
{
	s3e_smmu_write64(smmu, off, v);
}

static const struct s3e_smmu_stats *st(void)
{
	return s3e_smmu_stats(smmu);
}

static void smmu_new(void)
{
	s3e_smmu_destroy(smmu);
	smmu = s3e_smmu_create(&cfg, &host);
	if (!smmu)
		test_bug("s3e_smmu_create failed");
}

/* Program a linear stream table of 256 entries and queues, and enable */
static void smmu_regs_up(void)
{
	w64(SMMU3_STRTAB_BASE, STRTAB_PA);
	w32(SMMU3_STRTAB_BASE_CFG, FP(STRTAB_BASE_CFG_LOG2SIZE, 8));
	w64(SMMU3_CMDQ_BASE, CMDQ_PA | cmdq_log2);
	w32(SMMU3_CMDQ_PROD, 0);
	w32(SMMU3_CMDQ_CONS, 0);
	w64(SMMU3_EVENTQ_BASE, EVTQ_PA | evtq_log2);
	w32(SMMU3_EVENTQ_PROD_P1, 0);
	w32(SMMU3_EVENTQ_CONS_P1, 0);
	w32(SMMU3_CR2, CR2_RECINVSID);
	w32(SMMU3_IRQ_CTRL, IRQ_CTRL_GERROR_IRQEN | IRQ_CTRL_EVENTQ_IRQEN);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
}

/* A new instance, enabled as smmu_regs_up() does */
static void smmu_up(void)
{
	smmu_new();
	smmu_regs_up();
}

/* Start a case: no instance, memory zeroed, default configuration */
static void model_reset(void)
{
	if (smmu)
		s3e_smmu_destroy(smmu);
	smmu = NULL;
	memset(ram, 0, RAM_SIZE);
	pt_next = PT_PA;
	s3e_smmu_config_default(&cfg);
	cmdq_log2 = CMDQ_LOG2;
	evtq_log2 = EVTQ_LOG2;
	memset(irqs, 0, sizeof(irqs));
	env_host_reset();
}

/* ------------------------------------------------------------------ */
/* Command queue (driver side) */

#define OP(x)		((s3e_u64)CMD_OP_##x)

static s3e_u32 q_next(s3e_u32 p, unsigned int log2)
{
	s3e_u32 mask = (2U << log2) - 1;

	return (p & ~mask) | ((p + 1) & mask);
}

/* Driver's copy of PROD while it queues several commands */
static s3e_u32 cmdq_shadow;

static void cmd_queue(s3e_u64 c0, s3e_u64 c1)
{
	s3e_u64 at = CMDQ_PA + (cmdq_shadow & ((1U << cmdq_log2) - 1)) * 16;

	wr64(at, c0);
	wr64(at + 8, c1);
	cmdq_shadow = q_next(cmdq_shadow, cmdq_log2);
}

static void cmd_publish(void)
{
	w32(SMMU3_CMDQ_PROD, cmdq_shadow);
}

static void cmd(s3e_u64 c0, s3e_u64 c1)
{
	cmdq_shadow = r32(SMMU3_CMDQ_PROD);
	cmd_queue(c0, c1);
	cmd_publish();
}

static void cmd_sync(void)
{
	cmd(OP(SYNC), 0);
}

/* Queue consumed up to PROD with no error */
static int cmdq_idle(void)
{
	return r32(SMMU3_CMDQ_CONS) == r32(SMMU3_CMDQ_PROD);
}

/* ------------------------------------------------------------------ */
/* Event queue (driver side) */

static int evt_pending(void)
{
	s3e_u32 mask = (2U << evtq_log2) - 1;

	return (r32(SMMU3_EVENTQ_PROD_P1) - r32(SMMU3_EVENTQ_CONS_P1)) & mask;
}

static int evt_pop(s3e_u64 *e)
{
	s3e_u32 mask = (2U << evtq_log2) - 1;
	s3e_u32 prod = r32(SMMU3_EVENTQ_PROD_P1);
	s3e_u32 cons = r32(SMMU3_EVENTQ_CONS_P1);
	s3e_u64 at;
	int i;

	if (!((prod ^ cons) & mask))
		return 0;
	at = EVTQ_PA + (cons & ((1U << evtq_log2) - 1)) * 32;
	for (i = 0; i < 4; i++)
		e[i] = rd64(at + i * 8);
	w32(SMMU3_EVENTQ_CONS_P1, q_next(cons, evtq_log2));
	return 1;
}

/* Pop one event and return its type, or 0 */
static unsigned int evt_type(s3e_u64 *e)
{
	if (!evt_pop(e))
		return 0;
	return FG(EVT_0_TYPE, e[0]);
}

/* ------------------------------------------------------------------ */
/* Stream table entries and context descriptors */

static void ste_write_at(s3e_u64 pa, const s3e_u64 *w)
{
	int i;

	for (i = 0; i < 8; i++)
		wr64(pa + i * 8, w[i]);
}

static void ste_write(s3e_u32 sid, s3e_u64 w0, s3e_u64 w1, s3e_u64 w2,
		      s3e_u64 w3)
{
	s3e_u64 w[8] = { w0, w1, w2, w3 };

	ste_write_at(STRTAB_PA + sid * 64ULL, w);
}

static s3e_u64 ste0(unsigned int config)
{
	return STE_0_V | FP(STE_0_CONFIG, config);
}

static void ste_bypass(s3e_u32 sid)
{
	ste_write(sid, ste0(STE_CONFIG_BYPASS), 0, 0, 0);
}

static void ste_abort(s3e_u32 sid)
{
	ste_write(sid, ste0(STE_CONFIG_ABORT), 0, 0, 0);
}

static s3e_u64 ste_s1w0(unsigned int config, s3e_u64 ctxptr,
			unsigned int cdmax, unsigned int fmt)
{
	return ste0(config) | (ctxptr & STE_0_S1CONTEXTPTR) |
	       FP(STE_0_S1CDMAX, cdmax) | FP(STE_0_S1FMT, fmt);
}

/* Default stage-2 doubleword 2: 39-bit IPA, 4K, SL0 1, 48-bit PS */
static s3e_u64 ste_s2w2(unsigned int vmid)
{
	return FP(STE_2_S2VMID, vmid) | FP(STE_2_S2T0SZ, S2_T0SZ) |
	       FP(STE_2_S2SL0, S2_SL0) | FP(STE_2_S2TG, S2TG_4K) |
	       FP(STE_2_S2PS, PS_48) | STE_2_S2AA64 | STE_2_S2R;
}

static void ste_s1(s3e_u32 sid, s3e_u64 ctxptr, unsigned int cdmax,
		   unsigned int fmt, unsigned int dss)
{
	ste_write(sid, ste_s1w0(STE_CONFIG_S1, ctxptr, cdmax, fmt),
		  FP(STE_1_S1DSS, dss), 0, 0);
}

static void ste_s2(s3e_u32 sid, unsigned int vmid, s3e_u64 s2ttb)
{
	ste_write(sid, ste0(STE_CONFIG_S2), 0, ste_s2w2(vmid),
		  s2ttb & STE_3_S2TTB);
}

static void ste_nested(s3e_u32 sid, s3e_u64 ctxptr_ipa, unsigned int cdmax,
		       unsigned int fmt, unsigned int dss, unsigned int vmid,
		       s3e_u64 s2ttb)
{
	ste_write(sid, ste_s1w0(STE_CONFIG_NESTED, ctxptr_ipa, cdmax, fmt),
		  FP(STE_1_S1DSS, dss), ste_s2w2(vmid), s2ttb & STE_3_S2TTB);
}

/* Default CD doubleword 0: 48-bit VA, 4K, TTB1 disabled, recorded faults */
static s3e_u64 cd0(unsigned int asid)
{
	return CD_0_V | CD_0_AA64 | CD_0_A | CD_0_R | FP(CD_0_T0SZ, 16) |
	       FP(CD_0_TG0, CD_TG0_4K) | CD_0_EPD1 | FP(CD_0_TG1, 2) |
	       FP(CD_0_T1SZ, 16) | FP(CD_0_IPS, PS_48) | FP(CD_0_ASID, asid);
}

static void cd_write(s3e_u64 pa, s3e_u64 w0, s3e_u64 ttb0)
{
	s3e_u64 w[8] = { w0, ttb0 & CD_1_TTB0, 0, 0 };

	ste_write_at(pa, w);
}

/* ------------------------------------------------------------------ */
/* Translation tables (4K granule) */

/*
 * A tree of 4K tables: @start level 0 (48-bit, stage 1) or 1 (39-bit,
 * stage 2).  @ofs is added to table addresses stored in descriptors (IPA
 * of stage-1 tables in nested tests).
 */
struct tree {
	s3e_u64 base;
	s3e_u64 ofs;
	unsigned int start;
};

static void tree_new(struct tree *t, unsigned int start, s3e_u64 ofs)
{
	t->base = pt_alloc(SZ_4K);
	t->start = start;
	t->ofs = ofs;
}

static s3e_u64 tree_ttb(const struct tree *t)
{
	return t->base + t->ofs;
}

static unsigned int lshift(unsigned int lvl)
{
	return 12 + 9 * (3 - lvl);
}

/* Set the descriptor of @ia at @level; return its physical address */
static s3e_u64 tree_set(struct tree *t, s3e_u64 ia, unsigned int level,
			s3e_u64 desc)
{
	s3e_u64 table = t->base, d, dpa;
	unsigned int l;

	for (l = t->start; l < level; l++) {
		dpa = table + ((ia >> lshift(l)) & 511) * 8;
		d = rd64(dpa);
		if (!(d & TTD_VALID)) {
			d = (pt_alloc(SZ_4K) + t->ofs) | TTD_TABLE | TTD_VALID;
			wr64(dpa, d);
		}
		table = (d & GENMASK(47, 12)) - t->ofs;
	}
	dpa = table + ((ia >> lshift(level)) & 511) * 8;
	wr64(dpa, desc);
	return dpa;
}

static s3e_u64 map_page(struct tree *t, s3e_u64 va, s3e_u64 pa,
			s3e_u64 attrs)
{
	return tree_set(t, va, 3, pa | attrs | TTD_TABLE | TTD_VALID);
}

static s3e_u64 map_block(struct tree *t, s3e_u64 va, s3e_u64 pa,
			 unsigned int level, s3e_u64 attrs)
{
	return tree_set(t, va, level, pa | attrs | TTD_VALID);
}

/* Stage 2 mapping IPA_BASE + x to RAM_BASE + x for all of RAM (2M blocks) */
static void s2_window(struct tree *t)
{
	s3e_u64 x;

	tree_new(t, 1, 0);
	for (x = 0; x < RAM_SIZE; x += SZ_2M)
		map_block(t, IPA_BASE + x, RAM_BASE + x, 2, S2_RW);
}

static s3e_u64 ipa(s3e_u64 pa)
{
	return pa - RAM_BASE + IPA_BASE;
}

/* ------------------------------------------------------------------ */
/* Transactions */

static struct s3e_txn_result res;

static int xl(s3e_u32 sid, s3e_u32 ssid, s3e_u64 iova, unsigned int access)
{
	struct s3e_txn t = {
		.sid = sid, .ssid = ssid, .iova = iova, .access = access,
	};

	memset(&res, 0xa5, sizeof(res));
	return s3e_smmu_translate(smmu, &t, &res);
}

/* Output address of a successful translation, or ~0 */
static s3e_u64 xpa(s3e_u32 sid, s3e_u32 ssid, s3e_u64 iova,
		   unsigned int access)
{
	if (xl(sid, ssid, iova, access) != S3E_TXN_OK)
		return ~0ULL;
	return res.pa;
}

#define NOSS		S3E_NO_SSID
#define FAILED		(~0ULL)

/*
 * A ready-made stage-1 stream: STE @sid with a single CD (ASID @asid) at
 * CD_PA + 64 * @sid, and a fresh 48-bit table tree.
 */
static struct tree s1t;

static void s1_stream(s3e_u32 sid, unsigned int asid)
{
	s3e_u64 cdpa = CD_PA + 64ULL * sid;

	tree_new(&s1t, 0, 0);
	cd_write(cdpa, cd0(asid), tree_ttb(&s1t));
	ste_s1(sid, cdpa, 0, 0, 0);
}

#endif /* S3E_MODEL_HELPERS_H */
