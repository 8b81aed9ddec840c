// SPDX-License-Identifier: GPL-2.0-only
/*
 * Native tests and micro-benchmark of the emulated SMMUv3 device
 * (drivers/emu/core/smmu.h).
 *
 * The device is driven only as a driver would drive it: through its
 * registers (s3e_smmu_read32/write32/read64/write64), the structures in
 * memory (stream table, context descriptors, translation tables, queues)
 * written here by hand from the architecture's layouts, and client
 * transactions (s3e_smmu_translate/s3e_smmu_dma).  Guest memory is a
 * malloc'ed array standing for RAM at RAM_BASE; every other address
 * aborts.
 *
 * Usage: smmu_test           run the tests
 *        smmu_test --bench   time translations and report memory use
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "test_util.h"
#include "smmu.h"

#define RAM_BASE	0x40000000ULL
#define RAM_SIZE	(16ULL << 20)
#define HOLE_PA		0x10000000ULL	/* not RAM */

/* Layout of the simulated RAM */
#define STRTAB_PA	(RAM_BASE + 0x000000)	/* linear: 256 STEs */
#define L2STE_PA	(RAM_BASE + 0x008000)	/* 2-level: leaf tables */
#define CMDQ_PA		(RAM_BASE + 0x010000)
#define EVTQ_PA		(RAM_BASE + 0x020000)
#define CD_PA		(RAM_BASE + 0x030000)	/* CD tables, 0x30000 */
#define CD2_PA		(RAM_BASE + 0x040000)	/* level-2 CD tables */
#define MSI_PA		(RAM_BASE + 0x0f0000)
#define PT_PA		(RAM_BASE + 0x100000)	/* translation tables */
#define DATA_PA		(RAM_BASE + 0x800000)	/* data pages */
#define RAM_END		(RAM_BASE + RAM_SIZE)

/* Stage-2 window: IPA_BASE + x is RAM_BASE + x (when mapped) */
#define IPA_BASE	0x1000000000ULL
#define S2_T0SZ		25	/* 39-bit IPA, 4K, start level 1 */
#define S2_SL0		1

#define SZ_4K		0x1000ULL
#define SZ_64K		0x10000ULL
#define SZ_2M		0x200000ULL

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define GENMASK		SMMU3_GENMASK
#define BIT		SMMU3_BIT
#define FP		s3e_field_prep
#define FG		s3e_field_get

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
static int irqs[S3E_IRQ_NR];
static unsigned long alloc_bytes;
static int quiet_alloc_fail;

/* ------------------------------------------------------------------ */
/* Host services */

static int ram_range(s3e_u64 pa, unsigned long len)
{
	return pa >= RAM_BASE && pa - RAM_BASE <= RAM_SIZE &&
	       len <= RAM_SIZE - (pa - RAM_BASE);
}

static int h_read(void *ctx, s3e_u64 pa, void *buf, unsigned long len)
{
	(void)ctx;
	if (!ram_range(pa, len))
		return -1;
	memcpy(buf, ram + (pa - RAM_BASE), len);
	return 0;
}

/* Descriptor reads: one aligned 64-bit load */
static int h_read64(void *ctx, s3e_u64 pa, s3e_u64 *val)
{
	s3e_u64 v;

	(void)ctx;
	if (pa - RAM_BASE > RAM_SIZE - 8 || (pa & 7))
		return -1;
	v = __atomic_load_n((s3e_u64 *)(ram + (pa - RAM_BASE)),
			    __ATOMIC_RELAXED);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);
#endif
	*val = v;
	return 0;
}

static int h_write(void *ctx, s3e_u64 pa, const void *buf, unsigned long len)
{
	(void)ctx;
	if (!ram_range(pa, len))
		return -1;
	memcpy(ram + (pa - RAM_BASE), buf, len);
	return 0;
}

static int h_cmpxchg64(void *ctx, s3e_u64 pa, s3e_u64 old, s3e_u64 newval)
{
	s3e_u64 *p;

	(void)ctx;
	if (!ram_range(pa, 8) || (pa & 7))
		return -1;
	p = (s3e_u64 *)(ram + (pa - RAM_BASE));
	return __atomic_compare_exchange_n(p, &old, newval, 0,
					   __ATOMIC_SEQ_CST,
					   __ATOMIC_SEQ_CST) ? 0 : 1;
}

static void h_irq(void *ctx, unsigned int line)
{
	(void)ctx;
	if (line < S3E_IRQ_NR)
		irqs[line]++;
}

static void *h_alloc(void *ctx, unsigned long size)
{
	(void)ctx;
	if (quiet_alloc_fail && !--quiet_alloc_fail)
		return NULL;
	alloc_bytes += size;
	return calloc(1, size);
}

static void h_free(void *ctx, void *p)
{
	(void)ctx;
	free(p);
}

/* Without read64 (and cmpxchg64) the model uses read for descriptors */
static struct s3e_host host = {
	.read = h_read,
	.write = h_write,
	.cmpxchg64 = h_cmpxchg64,
	.irq = h_irq,
	.alloc = h_alloc,
	.free = h_free,
	.read64 = h_read64,
};

/* ------------------------------------------------------------------ */
/* Memory helpers */

static void wr64(s3e_u64 pa, s3e_u64 v)
{
	if (!ram_range(pa, 8)) {
		fprintf(stderr, "test bug: write outside RAM %llx\n",
			(unsigned long long)pa);
		exit(2);
	}
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);
#endif
	memcpy(ram + (pa - RAM_BASE), &v, 8);
}

static s3e_u64 rd64(s3e_u64 pa)
{
	s3e_u64 v;

	if (!ram_range(pa, 8))
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

	if (pa + size > DATA_PA) {
		fprintf(stderr, "test bug: out of table memory\n");
		exit(2);
	}
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
	if (!smmu) {
		fprintf(stderr, "test bug: s3e_smmu_create failed\n");
		exit(2);
	}
}

/* Enable the SMMU with a linear stream table of 256 entries and queues */
static void smmu_up(void)
{
	smmu_new();
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

static void case_reset(void)
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
	host.read64 = h_read64;
	host.cmpxchg64 = h_cmpxchg64;
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

/* ================================================================== */
/* Registers */

static void test_idr(void)
{
	s3e_u32 v;

	case_begin("reset_idr0");
	smmu_new();
	v = r32(SMMU3_IDR0);
	EXPECT_EQ(v & IDR0_S1P, IDR0_S1P);
	EXPECT_EQ(v & IDR0_S2P, IDR0_S2P);
	EXPECT_EQ(FG(IDR0_TTF, v), IDR0_TTF_AARCH64);
	EXPECT_EQ(v & IDR0_COHACC, IDR0_COHACC);
	EXPECT_EQ(v & IDR0_BTM, 0);
	EXPECT_EQ(FG(IDR0_HTTU, v), 1);
	EXPECT_EQ(v & IDR0_HYP, IDR0_HYP);
	EXPECT_EQ(v & (IDR0_ATS | IDR0_PRI | IDR0_NS1ATS | IDR0_ATOS), 0);
	EXPECT_EQ(v & IDR0_ASID16, IDR0_ASID16);
	EXPECT_EQ(v & IDR0_VMID16, IDR0_VMID16);
	EXPECT_EQ(v & (IDR0_MSI | IDR0_SEV | IDR0_CD2L),
		  IDR0_MSI | IDR0_SEV | IDR0_CD2L);
	EXPECT_EQ(FG(IDR0_TTENDIAN, v), IDR0_TTENDIAN_LE);
	EXPECT_EQ(FG(IDR0_STALL_MODEL, v), IDR0_STALL_MODEL_NOSTALL);
	EXPECT_EQ(v & IDR0_TERM_MODEL, IDR0_TERM_MODEL);
	EXPECT_EQ(FG(IDR0_ST_LEVEL, v), IDR0_ST_LEVEL_2LVL);
	case_end();

	case_begin("reset_idr1_5_iidr_aidr");
	smmu_new();
	v = r32(SMMU3_IDR1);
	EXPECT_EQ(FG(IDR1_SIDSIZE, v), S3E_DEFAULT_SID_BITS);
	EXPECT_EQ(FG(IDR1_SSIDSIZE, v), S3E_DEFAULT_SSID_BITS);
	EXPECT_EQ(FG(IDR1_CMDQS, v), S3E_DEFAULT_QUEUE_LOG2);
	EXPECT_EQ(FG(IDR1_EVENTQS, v), S3E_DEFAULT_QUEUE_LOG2);
	EXPECT_EQ(FG(IDR1_PRIQS, v), 0);
	EXPECT_EQ(v & (IDR1_REL | IDR1_QUEUES_PRESET | IDR1_TABLES_PRESET), 0);
	v = r32(SMMU3_IDR3);
	EXPECT_EQ(v & (IDR3_RIL | IDR3_STT | IDR3_XNX),
		  IDR3_RIL | IDR3_STT | IDR3_XNX);
	v = r32(SMMU3_IDR5);
	EXPECT_EQ(FG(IDR5_OAS, v), IDR5_OAS_48);
	EXPECT_EQ(v & (IDR5_GRAN4K | IDR5_GRAN16K | IDR5_GRAN64K),
		  IDR5_GRAN4K | IDR5_GRAN16K | IDR5_GRAN64K);
	EXPECT_EQ(FG(IDR5_VAX, v), 0);
	EXPECT_EQ(r32(SMMU3_IIDR), 0x53e00000);
	EXPECT_EQ(FG(AIDR_MAJOR, r32(SMMU3_AIDR)), 0);
	EXPECT_EQ(FG(AIDR_MINOR, r32(SMMU3_AIDR)), 2);
	case_end();

	case_begin("idr_stage1_only");
	cfg.stages = S3E_STAGE1;
	cfg.sid_bits = 12;
	cfg.ssid_bits = 0;
	smmu_new();
	v = r32(SMMU3_IDR0);
	EXPECT_EQ(v & (IDR0_S1P | IDR0_S2P | IDR0_HYP | IDR0_VMID16),
		  IDR0_S1P | IDR0_HYP);
	EXPECT_EQ(r32(SMMU3_IDR3) & IDR3_XNX, 0);
	EXPECT_EQ(FG(IDR1_SIDSIZE, r32(SMMU3_IDR1)), 12);
	EXPECT_EQ(FG(IDR1_SSIDSIZE, r32(SMMU3_IDR1)), 0);
	case_end();

	case_begin("idr_stage2_only");
	cfg.stages = S3E_STAGE2;
	smmu_new();
	v = r32(SMMU3_IDR0);
	EXPECT_EQ(v & (IDR0_S1P | IDR0_S2P | IDR0_HYP | IDR0_VMID16),
		  IDR0_S2P | IDR0_VMID16);
	case_end();
}

static void test_create(void)
{
#define CFG_FIELD(f)	offsetof(struct s3e_smmu_config, f)
	const struct {
		const char *name;
		size_t field;
		unsigned int value;
	} bad[] = {
		{ "sid_bits_33", CFG_FIELD(sid_bits), 33 },
		{ "ssid_bits_21", CFG_FIELD(ssid_bits), 21 },
		{ "tlb_entries_0", CFG_FIELD(tlb_entries), 0 },
		{ "cfgc_entries_0", CFG_FIELD(cfgc_entries), 0 },
		{ "stages_0", CFG_FIELD(stages), 0 },
		{ "stages_4", CFG_FIELD(stages), 4 },
		{ "cmdq_log2_20", CFG_FIELD(cmdq_log2), 20 },
		{ "evtq_log2_20", CFG_FIELD(evtq_log2), 20 },
	};
	struct s3e_smmu *s;
	unsigned int i;
	unsigned long before;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		case_begin("create_rejects_%s", bad[i].name);
		*(unsigned int *)((char *)&cfg + bad[i].field) = bad[i].value;
		s = s3e_smmu_create(&cfg, &host);
		EXPECT_EQ(!s, 1);
		s3e_smmu_destroy(s);
		case_end();
	}

	case_begin("create_alloc_failure");
	for (i = 1; i <= 4; i++) {
		quiet_alloc_fail = i;
		s = s3e_smmu_create(&cfg, &host);
		EXPECT_EQ(!s, 1);
		s3e_smmu_destroy(s);
	}
	quiet_alloc_fail = 0;
	case_end();

	case_begin("mem_size_matches_allocations");
	before = alloc_bytes;
	smmu_new();
	EXPECT_EQ(s3e_smmu_mem_size(smmu), alloc_bytes - before);
	EXPECT_EQ(s3e_smmu_mem_size(smmu) <= 10UL << 20, 1);
	case_end();
}

static void test_reset_values(void)
{
	static const s3e_u32 zero[] = {
		SMMU3_CR0, SMMU3_CR0ACK, SMMU3_CR1, SMMU3_CR2, SMMU3_IRQ_CTRL,
		SMMU3_IRQ_CTRLACK, SMMU3_GERROR, SMMU3_GERRORN,
		SMMU3_STRTAB_BASE, SMMU3_STRTAB_BASE + 4,
		SMMU3_STRTAB_BASE_CFG, SMMU3_CMDQ_BASE, SMMU3_CMDQ_PROD,
		SMMU3_CMDQ_CONS, SMMU3_EVENTQ_BASE, SMMU3_EVENTQ_PROD,
		SMMU3_EVENTQ_CONS, SMMU3_EVENTQ_PROD_P1,
		SMMU3_EVENTQ_CONS_P1, SMMU3_GERROR_IRQ_CFG0,
		SMMU3_EVENTQ_IRQ_CFG0, SMMU3_STATUSR,
	};
	unsigned int i;

	case_begin("reset_values");
	smmu_new();
	for (i = 0; i < ARRAY_SIZE(zero); i++)
		EXPECT_EQ(r32(zero[i]), 0);
	EXPECT_EQ(r32(SMMU3_GBPA), GBPA_ABORT);
	case_end();

	case_begin("reset_restores_state");
	smmu_up();
	w32(SMMU3_CR0, 0);
	w32(SMMU3_GBPA, GBPA_UPDATE);
	w32(SMMU3_CR1, 0x555);
	s3e_smmu_reset(smmu);
	EXPECT_EQ(r32(SMMU3_CR0), 0);
	EXPECT_EQ(r32(SMMU3_CR1), 0);
	EXPECT_EQ(r32(SMMU3_GBPA), GBPA_ABORT);
	EXPECT_EQ(r64(SMMU3_STRTAB_BASE), 0);
	EXPECT_EQ(r64(SMMU3_CMDQ_BASE), 0);
	case_end();
}

static void test_cr0(void)
{
	case_begin("cr0_ack_mirrors_and_res0");
	smmu_new();
	w32(SMMU3_CR0, CR0_EVENTQEN);
	EXPECT_EQ(r32(SMMU3_CR0ACK), CR0_EVENTQEN);
	w32(SMMU3_CR0, 0xffffffff);
	/* PRIQEN, ATSCHK and VMW are RES0: no PRI, ATS or VMW */
	EXPECT_EQ(r32(SMMU3_CR0), CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	EXPECT_EQ(r32(SMMU3_CR0ACK), CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	w32(SMMU3_CR0, 0);
	EXPECT_EQ(r32(SMMU3_CR0ACK), 0);
	case_end();

	case_begin("irq_ctrl_ack");
	smmu_new();
	w32(SMMU3_IRQ_CTRL, 0xffffffff);
	EXPECT_EQ(r32(SMMU3_IRQ_CTRL),
		  IRQ_CTRL_GERROR_IRQEN | IRQ_CTRL_EVENTQ_IRQEN);
	EXPECT_EQ(r32(SMMU3_IRQ_CTRLACK),
		  IRQ_CTRL_GERROR_IRQEN | IRQ_CTRL_EVENTQ_IRQEN);
	case_end();

	case_begin("cr1_cr2_writable_only_while_disabled");
	smmu_new();
	w32(SMMU3_CR1, 0xfff);
	w32(SMMU3_CR2, CR2_E2H | CR2_RECINVSID | 0xf0);
	EXPECT_EQ(r32(SMMU3_CR1), 0xfff);
	EXPECT_EQ(r32(SMMU3_CR2), CR2_E2H | CR2_RECINVSID);
	w32(SMMU3_CR0, CR0_SMMUEN);
	w32(SMMU3_CR1, 0);
	w32(SMMU3_CR2, 0);
	EXPECT_EQ(r32(SMMU3_CR1), 0xfff);
	EXPECT_EQ(r32(SMMU3_CR2), CR2_E2H | CR2_RECINVSID);
	case_end();
}

static void test_gbpa(void)
{
	case_begin("gbpa_update_handshake");
	smmu_new();
	w32(SMMU3_GBPA, FP(GBPA_SHCFG, 1) | FP(GBPA_PRIVCFG, 2));
	/* Without UPDATE: ignored */
	EXPECT_EQ(r32(SMMU3_GBPA), GBPA_ABORT);
	w32(SMMU3_GBPA, GBPA_UPDATE | FP(GBPA_SHCFG, 1) |
			FP(GBPA_PRIVCFG, 2) | FP(GBPA_MEMATTR, 0xf));
	EXPECT_EQ(r32(SMMU3_GBPA),
		  FP(GBPA_SHCFG, 1) | FP(GBPA_PRIVCFG, 2) |
		  FP(GBPA_MEMATTR, 0xf));
	EXPECT_EQ(r32(SMMU3_GBPA) & GBPA_UPDATE, 0);
	case_end();

	case_begin("gbpa_abort_when_disabled");
	smmu_new();
	EXPECT_EQ(xl(5, NOSS, 0x1234, ACC_R), S3E_TXN_ABORT);
	EXPECT_EQ(res.recorded, 0);
	EXPECT_EQ(st()->aborted, 1);
	case_end();

	case_begin("gbpa_bypass_when_disabled");
	smmu_new();
	w32(SMMU3_GBPA, GBPA_UPDATE);
	EXPECT_EQ(xl(5, 7, 0x123456789aULL, ACC_W), S3E_TXN_OK);
	EXPECT_EQ(res.pa, 0x123456789aULL);
	EXPECT_EQ(res.len >= 1, 1);
	EXPECT_EQ(st()->bypassed, 1);
	/* Enabled: GBPA no longer applies (the stream table does) */
	smmu_up();
	w32(SMMU3_GBPA, GBPA_UPDATE | GBPA_ABORT);
	ste_bypass(5);
	EXPECT_EQ(xpa(5, NOSS, 0x1234, ACC_R), 0x1234);
	case_end();
}

static void test_gerror(void)
{
	s3e_u32 g;

	case_begin("gerror_toggle_and_ack");
	smmu_up();
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_CMDQEN);
	w64(SMMU3_EVENTQ_BASE, HOLE_PA | 3);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_CMDQEN | CR0_EVENTQEN);
	xl(7, NOSS, 0, ACC_R);		/* the event write aborts */
	g = r32(SMMU3_GERROR);
	EXPECT_EQ(g, GERROR_EVENTQ_ABT_ERR);
	EXPECT_EQ(irqs[S3E_IRQ_GERROR], 1);
	/* While active, the same error again does not toggle */
	xl(8, NOSS, 0, ACC_R);
	EXPECT_EQ(r32(SMMU3_GERROR), g);
	EXPECT_EQ(irqs[S3E_IRQ_GERROR], 1);
	/* Acknowledge */
	w32(SMMU3_GERRORN, g);
	EXPECT_EQ(r32(SMMU3_GERRORN), g);
	/* A new error toggles GERROR back to 0: active again */
	xl(9, NOSS, 0, ACC_R);
	EXPECT_EQ(r32(SMMU3_GERROR), 0);
	EXPECT_EQ(r32(SMMU3_GERRORN), GERROR_EVENTQ_ABT_ERR);
	EXPECT_EQ(irqs[S3E_IRQ_GERROR], 2);
	/* Independent errors toggle independently */
	cmd(0x7f, 0);
	EXPECT_EQ(r32(SMMU3_GERROR), GERROR_CMDQ_ERR);
	EXPECT_EQ(irqs[S3E_IRQ_GERROR], 3);
	case_end();

	case_begin("gerrorn_inactive_bits_ignored");
	smmu_up();
	w32(SMMU3_GERRORN, 0xffffffff);
	EXPECT_EQ(r32(SMMU3_GERRORN), 0);
	/* The command queue still runs */
	cmd_sync();
	EXPECT_EQ(cmdq_idle(), 1);
	case_end();

	case_begin("gerror_irq_gated");
	smmu_up();
	w32(SMMU3_IRQ_CTRL, IRQ_CTRL_EVENTQ_IRQEN);
	cmd(0x7f, 0);
	EXPECT_EQ(r32(SMMU3_GERROR) & GERROR_CMDQ_ERR, GERROR_CMDQ_ERR);
	EXPECT_EQ(irqs[S3E_IRQ_GERROR], 0);
	case_end();

	case_begin("gerror_msi");
	smmu_up();
	w32(SMMU3_IRQ_CTRL, 0);
	w64(SMMU3_GERROR_IRQ_CFG0, MSI_PA);
	w32(SMMU3_GERROR_IRQ_CFG1, 0xcafe);
	w32(SMMU3_IRQ_CTRL, IRQ_CTRL_GERROR_IRQEN);
	cmd(0x7f, 0);
	EXPECT_EQ(rd32(MSI_PA), 0xcafe);
	EXPECT_EQ(irqs[S3E_IRQ_GERROR], 0);
	EXPECT_EQ(st()->msis, 1);
	case_end();

	case_begin("gerror_msi_abort");
	smmu_up();
	w32(SMMU3_IRQ_CTRL, 0);
	w64(SMMU3_GERROR_IRQ_CFG0, HOLE_PA);
	w32(SMMU3_IRQ_CTRL, IRQ_CTRL_GERROR_IRQEN);
	cmd(0x7f, 0);
	EXPECT_EQ(r32(SMMU3_GERROR),
		  GERROR_CMDQ_ERR | GERROR_MSI_GERROR_ABT_ERR);
	case_end();
}

static void test_readonly_while_enabled(void)
{
	case_begin("strtab_base_ignored_while_smmuen");
	smmu_up();
	w64(SMMU3_STRTAB_BASE, RAM_BASE + 0x4000);
	w32(SMMU3_STRTAB_BASE_CFG, 3);
	EXPECT_EQ(r64(SMMU3_STRTAB_BASE), STRTAB_PA);
	EXPECT_EQ(r32(SMMU3_STRTAB_BASE_CFG), 8);
	w32(SMMU3_CR0, 0);
	w64(SMMU3_STRTAB_BASE, (RAM_BASE + 0x4000) | STRTAB_BASE_RA | 0x3f);
	EXPECT_EQ(r64(SMMU3_STRTAB_BASE),
		  (RAM_BASE + 0x4000) | STRTAB_BASE_RA);
	case_end();

	case_begin("queue_base_ignored_while_enabled");
	smmu_up();
	w64(SMMU3_CMDQ_BASE, RAM_BASE | 3);
	w64(SMMU3_EVENTQ_BASE, RAM_BASE | 3);
	EXPECT_EQ(r64(SMMU3_CMDQ_BASE), CMDQ_PA | CMDQ_LOG2);
	EXPECT_EQ(r64(SMMU3_EVENTQ_BASE), EVTQ_PA | EVTQ_LOG2);
	w32(SMMU3_CR0, CR0_SMMUEN);
	w64(SMMU3_CMDQ_BASE, RAM_BASE | Q_BASE_RA | 3);
	w64(SMMU3_EVENTQ_BASE, RAM_BASE | 4);
	EXPECT_EQ(r64(SMMU3_CMDQ_BASE), RAM_BASE | Q_BASE_RA | 3);
	EXPECT_EQ(r64(SMMU3_EVENTQ_BASE), RAM_BASE | 4);
	case_end();

	case_begin("queue_indices_ro_while_enabled");
	smmu_up();
	w32(SMMU3_CMDQ_CONS, 5);
	w32(SMMU3_EVENTQ_PROD_P1, 5);
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 0);
	EXPECT_EQ(r32(SMMU3_EVENTQ_PROD_P1), 0);
	/* EVENTQ_CONS belongs to the consumer: always writable */
	w32(SMMU3_EVENTQ_CONS_P1, 0x80000000);
	EXPECT_EQ(r32(SMMU3_EVENTQ_CONS_P1), 0x80000000);
	case_end();

	case_begin("irq_cfg_ro_while_irq_enabled");
	smmu_up();
	w64(SMMU3_EVENTQ_IRQ_CFG0, MSI_PA);
	w32(SMMU3_EVENTQ_IRQ_CFG1, 1);
	w64(SMMU3_GERROR_IRQ_CFG0, MSI_PA);
	EXPECT_EQ(r64(SMMU3_EVENTQ_IRQ_CFG0), 0);
	EXPECT_EQ(r32(SMMU3_EVENTQ_IRQ_CFG1), 0);
	EXPECT_EQ(r64(SMMU3_GERROR_IRQ_CFG0), 0);
	w32(SMMU3_IRQ_CTRL, 0);
	w64(SMMU3_EVENTQ_IRQ_CFG0, MSI_PA | 3 | BIT(60));
	w32(SMMU3_EVENTQ_IRQ_CFG2, 0xff);
	EXPECT_EQ(r64(SMMU3_EVENTQ_IRQ_CFG0), MSI_PA);
	EXPECT_EQ(r32(SMMU3_EVENTQ_IRQ_CFG2), 0x3f);
	case_end();
}

static void test_reg_access(void)
{
	case_begin("page1_aliases");
	smmu_up();
	ste_write(0, 0, 0, 0, 0);	/* C_BAD_STE: one event */
	xl(0, NOSS, 0, ACC_R);
	EXPECT_EQ(r32(SMMU3_EVENTQ_PROD_P1), 1);
	EXPECT_EQ(r32(SMMU3_EVENTQ_PROD), 1);
	w32(SMMU3_EVENTQ_CONS_P1, 1);
	EXPECT_EQ(r32(SMMU3_EVENTQ_CONS), 1);
	/* No PRI: the PRI queue registers are RAZ/WI */
	w32(SMMU3_PRIQ_PROD_P1, 3);
	w32(SMMU3_PRIQ_BASE, 0x1000);
	EXPECT_EQ(r32(SMMU3_PRIQ_PROD_P1), 0);
	EXPECT_EQ(r32(SMMU3_PRIQ_CONS_P1), 0);
	EXPECT_EQ(r32(SMMU3_PRIQ_BASE), 0);
	/* Page 1 has nothing else */
	EXPECT_EQ(r32(SMMU3_PAGE_SIZE + SMMU3_IDR0), 0);
	case_end();

	case_begin("reg64_halves");
	smmu_new();
	w64(SMMU3_STRTAB_BASE, 0xffffffffffffffffULL);
	EXPECT_EQ(r64(SMMU3_STRTAB_BASE), STRTAB_BASE_ADDR | STRTAB_BASE_RA);
	w32(SMMU3_STRTAB_BASE + 4, 0);
	EXPECT_EQ(r64(SMMU3_STRTAB_BASE), STRTAB_BASE_ADDR & 0xffffffc0ULL);
	EXPECT_EQ(r32(SMMU3_STRTAB_BASE), 0xffffffc0);
	case_end();

	case_begin("readonly_unaligned_unimplemented");
	smmu_new();
	w32(SMMU3_IDR0, 0);
	w32(SMMU3_AIDR, 0);
	EXPECT_EQ(r32(SMMU3_IDR0) != 0, 1);
	EXPECT_EQ(r32(SMMU3_AIDR), 2);
	EXPECT_EQ(r32(SMMU3_CR0 + 1), 0);
	EXPECT_EQ(r32(0x1f0), 0);
	EXPECT_EQ(r32(SMMU3_MMIO_SIZE), 0);
	w32(SMMU3_MMIO_SIZE + 0x20, 1);
	w32(SMMU3_CR0 + 2, CR0_SMMUEN);
	EXPECT_EQ(r32(SMMU3_CR0), 0);
	case_end();
}

/* ================================================================== */
/* Command queue */

static void test_cmdq(void)
{
	unsigned int i, j;
	s3e_u32 cons;

	case_begin("cmdq_sync_consumed");
	smmu_up();
	cmd_sync();
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 1);
	EXPECT_EQ(st()->syncs, 1);
	EXPECT_EQ(st()->cmds[CMD_OP_SYNC], 1);
	case_end();

	case_begin("cmdq_wrap");
	cmdq_log2 = 2;
	smmu_up();
	for (i = 0; i < 7; i++) {
		/* Batches of 1..4 commands: the queue holds 4 */
		cmdq_shadow = r32(SMMU3_CMDQ_PROD);
		for (j = 0; j <= i % 4; j++)
			cmd_queue(OP(TLBI_NSNH_ALL), 0);
		cmd_publish();
		EXPECT_EQ(cmdq_idle(), 1);
	}
	/* 1+2+3+4+1+2+3 = 16 commands: wrapped twice, back to 0 */
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 0);
	EXPECT_EQ(st()->cmds[CMD_OP_TLBI_NSNH_ALL], 16);
	cmd(OP(SYNC), 0);
	cmd(OP(SYNC), 0);
	cmd(OP(SYNC), 0);
	cmd(OP(SYNC), 0);
	cmd(OP(SYNC), 0);
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 4 | 1);	/* wrap bit set, index 1 */
	case_end();

	case_begin("cmdq_full_queue_in_one_write");
	cmdq_log2 = 3;
	smmu_up();
	cmdq_shadow = 0;
	for (i = 0; i < 8; i++)
		cmd_queue(OP(SYNC), 0);
	cmd_publish();			/* PROD = wrap | 0: full */
	EXPECT_EQ(r32(SMMU3_CMDQ_PROD), 8);
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 8);
	EXPECT_EQ(st()->syncs, 8);
	case_end();

	case_begin("cmdq_log2_capped_by_idr1");
	cfg.cmdq_log2 = 4;
	cmdq_log2 = 4;
	smmu_new();
	w64(SMMU3_CMDQ_BASE, CMDQ_PA | 12);	/* asks for 4096 entries */
	w32(SMMU3_CMDQ_PROD, 0xffff);
	EXPECT_EQ(r32(SMMU3_CMDQ_PROD), 0x1f);	/* 16 entries + wrap */
	case_end();

	case_begin("cmdq_not_consumed_while_disabled");
	smmu_up();
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN);
	cmd_sync();
	cmd_sync();
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 0);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 2);
	case_end();

	case_begin("cmdq_cerror_ill_stops");
	smmu_up();
	cmdq_shadow = 0;
	cmd_queue(OP(SYNC), 0);
	cmd_queue(0x55, 0);			/* unknown */
	cmd_queue(OP(SYNC), 0);
	cmd_publish();
	cons = r32(SMMU3_CMDQ_CONS);
	EXPECT_EQ(cons & 0xff, 1);		/* on the bad command */
	EXPECT_EQ(FG(CMDQ_CONS_ERR, cons), CERROR_ILL);
	EXPECT_EQ(r32(SMMU3_GERROR) & GERROR_CMDQ_ERR, GERROR_CMDQ_ERR);
	EXPECT_EQ(st()->cmd_errors, 1);
	/* Another PROD write does not restart it */
	cmd_sync();
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS) & 0xff, 1);
	EXPECT_EQ(st()->syncs, 1);
	case_end();

	case_begin("cmdq_cerror_ill_recover_after_ack");
	smmu_up();
	cmdq_shadow = 0;
	cmd_queue(0x55, 0);
	cmd_queue(OP(SYNC), 0);
	cmd_publish();
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), FP(CMDQ_CONS_ERR, CERROR_ILL));
	/* As Linux does: replace by a CMD_SYNC, then acknowledge */
	wr64(CMDQ_PA, OP(SYNC));
	w32(SMMU3_GERRORN, r32(SMMU3_GERROR));
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 2);
	EXPECT_EQ(st()->syncs, 2);
	cmd_sync();
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 3);
	case_end();

	case_begin("cmdq_cerror_abt");
	smmu_up();
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN);
	w64(SMMU3_CMDQ_BASE, HOLE_PA | CMDQ_LOG2);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	w32(SMMU3_CMDQ_PROD, 1);
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), FP(CMDQ_CONS_ERR, CERROR_ABT));
	EXPECT_EQ(r32(SMMU3_GERROR), GERROR_CMDQ_ERR);
	EXPECT_EQ(irqs[S3E_IRQ_GERROR], 1);
	case_end();
}

static void test_cmd_illegal(void)
{
	const struct {
		const char *name;
		unsigned int stages;
		s3e_u64 c0;
	} ill[] = {
		{ "opcode_0", 3, 0x00 },
		{ "opcode_0x7f", 3, 0x7f },
		{ "opcode_0xff", 3, 0xff },
		{ "cfgi_ste_ssec", 3, OP(CFGI_STE) | CMD_0_SSEC },
		{ "prefetch_ssec", 3, OP(PREFETCH_CONFIG) | CMD_0_SSEC },
		{ "sync_cs_reserved", 3,
		  OP(SYNC) | FP(CMD_SYNC_0_CS, 3) },
		{ "tlbi_el3_all", 3, OP(TLBI_EL3_ALL) },
		{ "tlbi_el3_va", 3, OP(TLBI_EL3_VA) },
		{ "tlbi_s2_ipa_without_s2", S3E_STAGE1, OP(TLBI_S2_IPA) },
		{ "tlbi_s12_vmall_without_s2", S3E_STAGE1,
		  OP(TLBI_S12_VMALL) },
		{ "tlbi_nh_all_without_s1", S3E_STAGE2, OP(TLBI_NH_ALL) },
		{ "tlbi_el2_all_without_s1", S3E_STAGE2, OP(TLBI_EL2_ALL) },
	};
	const s3e_u64 ok[] = {
		OP(PREFETCH_CONFIG), OP(PREFETCH_ADDR), OP(CFGI_STE),
		OP(CFGI_STE_RANGE), OP(CFGI_CD), OP(CFGI_CD_ALL),
		OP(CFGI_VMS_PIDM), OP(TLBI_NH_ALL), OP(TLBI_NH_ASID),
		OP(TLBI_NH_VA), OP(TLBI_NH_VAA), OP(TLBI_EL2_ALL),
		OP(TLBI_EL2_ASID), OP(TLBI_EL2_VA), OP(TLBI_EL2_VAA),
		OP(TLBI_S12_VMALL), OP(TLBI_S2_IPA), OP(TLBI_NSNH_ALL),
		OP(ATC_INV), OP(PRI_RESP), OP(RESUME), OP(STALL_TERM),
		OP(SYNC), OP(SYNC) | FP(CMD_SYNC_0_CS, CMD_SYNC_CS_SEV),
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ill); i++) {
		case_begin("cerror_ill_%s", ill[i].name);
		cfg.stages = ill[i].stages;
		smmu_up();
		cmd(ill[i].c0, 0);
		EXPECT_EQ(r32(SMMU3_CMDQ_CONS), FP(CMDQ_CONS_ERR, CERROR_ILL));
		EXPECT_EQ(r32(SMMU3_GERROR), GERROR_CMDQ_ERR);
		case_end();
	}

	case_begin("cmd_every_legal_opcode_accepted");
	smmu_up();
	cmdq_shadow = 0;
	for (i = 0; i < ARRAY_SIZE(ok); i++)
		cmd_queue(ok[i], 0);
	cmd_publish();
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), ARRAY_SIZE(ok));
	EXPECT_EQ(r32(SMMU3_GERROR), 0);
	EXPECT_EQ(st()->cmds[CMD_OP_ATC_INV], 1);
	EXPECT_EQ(st()->cmds[CMD_OP_SYNC], 2);
	EXPECT_EQ(irqs[S3E_IRQ_CMDQ_SYNC], 0);
	case_end();
}

static void test_sync(void)
{
	case_begin("cmd_sync_cs_irq_line");
	smmu_up();
	cmd(OP(SYNC) | FP(CMD_SYNC_0_CS, CMD_SYNC_CS_IRQ), 0);
	EXPECT_EQ(irqs[S3E_IRQ_CMDQ_SYNC], 1);
	EXPECT_EQ(st()->irqs[S3E_IRQ_CMDQ_SYNC], 1);
	case_end();

	case_begin("cmd_sync_cs_irq_msi");
	smmu_up();
	wr64(MSI_PA, ~0ULL);
	cmd(OP(SYNC) | FP(CMD_SYNC_0_CS, CMD_SYNC_CS_IRQ) |
	    FP(CMD_SYNC_0_MSIDATA, 0x12345678), MSI_PA);
	EXPECT_EQ(rd64(MSI_PA), 0xffffffff12345678ULL);
	EXPECT_EQ(irqs[S3E_IRQ_CMDQ_SYNC], 0);
	EXPECT_EQ(st()->msis, 1);
	/* Linux's MSI polling: the data 0 written over the CMD_SYNC itself */
	cmdq_shadow = r32(SMMU3_CMDQ_PROD);
	cmd(OP(SYNC) | FP(CMD_SYNC_0_CS, CMD_SYNC_CS_IRQ),
	    CMDQ_PA + (cmdq_shadow & 0xff) * 16);
	EXPECT_EQ(rd32(CMDQ_PA + 16), 0);
	EXPECT_EQ(cmdq_idle(), 1);
	case_end();

	case_begin("cmd_sync_msi_abort");
	smmu_up();
	cmd(OP(SYNC) | FP(CMD_SYNC_0_CS, CMD_SYNC_CS_IRQ), HOLE_PA);
	EXPECT_EQ(r32(SMMU3_GERROR), GERROR_MSI_CMDQ_ABT_ERR);
	EXPECT_EQ(cmdq_idle(), 1);
	case_end();

	case_begin("cmd_sync_sev_and_none_silent");
	smmu_up();
	cmd(OP(SYNC) | FP(CMD_SYNC_0_CS, CMD_SYNC_CS_SEV), MSI_PA);
	cmd(OP(SYNC), MSI_PA);
	EXPECT_EQ(rd64(MSI_PA), 0);
	EXPECT_EQ(irqs[S3E_IRQ_CMDQ_SYNC], 0);
	EXPECT_EQ(st()->syncs, 2);
	case_end();
}

/* ================================================================== */
/* Event queue */

static void test_evtq(void)
{
	s3e_u64 e[4];
	unsigned int i;
	s3e_u32 prod;

	case_begin("evtq_overflow_flag_and_ack");
	evtq_log2 = 1;			/* two entries */
	smmu_up();
	for (i = 0; i < 2; i++)
		EXPECT_EQ(xl(200 + i, NOSS, 0, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(r32(SMMU3_EVENTQ_PROD_P1), 2);	/* full */
	EXPECT_EQ(xl(202, NOSS, 0, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(res.recorded, 0);
	prod = r32(SMMU3_EVENTQ_PROD_P1);
	EXPECT_EQ(prod, Q_OVF | 2);
	EXPECT_EQ(st()->events_dropped, 1);
	/* Still outstanding: no second toggle */
	xl(203, NOSS, 0, ACC_R);
	EXPECT_EQ(r32(SMMU3_EVENTQ_PROD_P1), Q_OVF | 2);
	/* Consume both and acknowledge the overflow */
	EXPECT_EQ(evt_type(e), EVT_C_BAD_STE);
	EXPECT_EQ(FG(EVT_0_SID, e[0]), 200);
	EXPECT_EQ(evt_type(e), EVT_C_BAD_STE);
	EXPECT_EQ(FG(EVT_0_SID, e[0]), 201);
	w32(SMMU3_EVENTQ_CONS_P1, r32(SMMU3_EVENTQ_CONS_P1) | Q_OVF);
	xl(204, NOSS, 0, ACC_R);
	xl(205, NOSS, 0, ACC_R);
	EXPECT_EQ(r32(SMMU3_EVENTQ_PROD_P1), Q_OVF | 0);
	/* A new overflow toggles the flag back */
	xl(206, NOSS, 0, ACC_R);
	EXPECT_EQ(r32(SMMU3_EVENTQ_PROD_P1), 0);
	EXPECT_EQ(st()->events, 4);
	EXPECT_EQ(st()->events_dropped, 3);
	case_end();

	case_begin("evtq_disabled_drops");
	smmu_up();
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_CMDQEN);
	EXPECT_EQ(xl(7, NOSS, 0, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_C_BAD_STE);
	EXPECT_EQ(res.recorded, 0);
	EXPECT_EQ(r32(SMMU3_EVENTQ_PROD_P1), 0);
	EXPECT_EQ(st()->events_dropped, 1);
	EXPECT_EQ(irqs[S3E_IRQ_EVTQ], 0);
	case_end();

	case_begin("evtq_irq_gating");
	smmu_up();
	xl(7, NOSS, 0, ACC_R);
	EXPECT_EQ(irqs[S3E_IRQ_EVTQ], 1);
	w32(SMMU3_IRQ_CTRL, IRQ_CTRL_GERROR_IRQEN);
	xl(7, NOSS, 0, ACC_R);
	EXPECT_EQ(irqs[S3E_IRQ_EVTQ], 1);
	EXPECT_EQ(evt_pending(), 2);
	case_end();

	case_begin("evtq_msi");
	smmu_up();
	w32(SMMU3_IRQ_CTRL, 0);
	w64(SMMU3_EVENTQ_IRQ_CFG0, MSI_PA + 8);
	w32(SMMU3_EVENTQ_IRQ_CFG1, 0xbeef);
	w32(SMMU3_IRQ_CTRL, IRQ_CTRL_EVENTQ_IRQEN);
	xl(7, NOSS, 0, ACC_R);
	EXPECT_EQ(rd32(MSI_PA + 8), 0xbeef);
	EXPECT_EQ(irqs[S3E_IRQ_EVTQ], 0);
	case_end();

	case_begin("evtq_msi_abort");
	smmu_up();
	w32(SMMU3_IRQ_CTRL, 0);
	w64(SMMU3_EVENTQ_IRQ_CFG0, HOLE_PA);
	w32(SMMU3_IRQ_CTRL, IRQ_CTRL_EVENTQ_IRQEN | IRQ_CTRL_GERROR_IRQEN);
	xl(7, NOSS, 0, ACC_R);
	EXPECT_EQ(res.recorded, 1);
	EXPECT_EQ(r32(SMMU3_GERROR), GERROR_MSI_EVENTQ_ABT_ERR);
	EXPECT_EQ(irqs[S3E_IRQ_GERROR], 1);
	case_end();

	case_begin("evtq_write_abort");
	smmu_up();
	w32(SMMU3_CR0, CR0_SMMUEN);
	w64(SMMU3_EVENTQ_BASE, HOLE_PA | 4);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN);
	xl(7, NOSS, 0, ACC_R);
	EXPECT_EQ(res.recorded, 0);
	EXPECT_EQ(r32(SMMU3_GERROR), GERROR_EVENTQ_ABT_ERR);
	EXPECT_EQ(r32(SMMU3_EVENTQ_PROD_P1), 0);
	EXPECT_EQ(st()->events_dropped, 1);
	case_end();
}

/* ================================================================== */
/* Stream table */

static void expect_evt(unsigned int type, s3e_u32 sid)
{
	s3e_u64 e[4];

	EXPECT_EQ(res.status, S3E_TXN_FAULT);
	EXPECT_EQ(res.event, type);
	EXPECT_EQ(res.recorded, 1);
	EXPECT_EQ(evt_type(e), type);
	EXPECT_EQ(FG(EVT_0_SID, e[0]), sid);
	EXPECT_EQ(evt_pending(), 0);
}

static void test_strtab(void)
{
	s3e_u64 e[4];

	case_begin("ste_bypass");
	smmu_up();
	ste_bypass(3);
	EXPECT_EQ(xl(3, NOSS, 0xdeadbeef000ULL, ACC_W), S3E_TXN_OK);
	EXPECT_EQ(res.pa, 0xdeadbeef000ULL);
	EXPECT_EQ(st()->bypassed, 1);
	EXPECT_EQ(evt_pending(), 0);
	case_end();

	case_begin("ste_abort_no_event");
	smmu_up();
	ste_abort(3);
	EXPECT_EQ(xl(3, NOSS, 0x1000, ACC_R), S3E_TXN_ABORT);
	EXPECT_EQ(xl(3, 5, 0x1000, ACC_R), S3E_TXN_ABORT);
	EXPECT_EQ(evt_pending(), 0);
	EXPECT_EQ(st()->aborted, 2);
	case_end();

	case_begin("bad_streamid_recorded");
	smmu_up();
	xl(256, 9, 0x1000, ACC_R);		/* LOG2SIZE = 8 */
	EXPECT_EQ(res.event, EVT_C_BAD_STREAMID);
	EXPECT_EQ(evt_type(e), EVT_C_BAD_STREAMID);
	EXPECT_EQ(FG(EVT_0_SID, e[0]), 256);
	EXPECT_EQ(e[0] & EVT_0_SSV, EVT_0_SSV);
	EXPECT_EQ(FG(EVT_0_SSID, e[0]), 9);
	case_end();

	case_begin("bad_streamid_silent_without_recinvsid");
	smmu_up();
	w32(SMMU3_CR0, 0);
	w32(SMMU3_CR2, 0);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	EXPECT_EQ(xl(0x10000, NOSS, 0x1000, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_C_BAD_STREAMID);
	EXPECT_EQ(res.recorded, 0);
	EXPECT_EQ(evt_pending(), 0);
	case_end();

	case_begin("bad_streamid_beyond_sidsize");
	cfg.sid_bits = 6;
	smmu_up();			/* LOG2SIZE 8 > SIDSIZE 6 */
	ste_bypass(63);
	ste_bypass(64);
	EXPECT_EQ(xl(63, NOSS, 0, ACC_R), S3E_TXN_OK);
	xl(64, NOSS, 0, ACC_R);
	expect_evt(EVT_C_BAD_STREAMID, 64);
	case_end();

	case_begin("sidsize_32_all_streamids");
	cfg.sid_bits = 32;
	smmu_up();
	w32(SMMU3_CR0, 0);
	w32(SMMU3_STRTAB_BASE_CFG, 32);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	ste_bypass(0);
	EXPECT_EQ(xpa(0, NOSS, 0x42, ACC_R), 0x42);
	xl(0xffffffff, NOSS, 0, ACC_R);		/* 256 GiB above the base */
	EXPECT_EQ(res.event, EVT_F_STE_FETCH);
	EXPECT_EQ(evt_type(e), EVT_F_STE_FETCH);
	EXPECT_EQ(FG(EVT_0_SID, e[0]), 0xffffffff);
	EXPECT_EQ(e[3], STRTAB_PA + 0xffffffffULL * 64);
	case_end();

	case_begin("ste_fetch_abort_linear");
	smmu_up();
	w32(SMMU3_CR0, 0);
	w64(SMMU3_STRTAB_BASE, HOLE_PA);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	xl(5, NOSS, 0x1000, ACC_R);
	EXPECT_EQ(res.event, EVT_F_STE_FETCH);
	EXPECT_EQ(evt_type(e), EVT_F_STE_FETCH);
	EXPECT_EQ(e[3] & EVT_3_FETCH_ADDR, HOLE_PA + 5 * 64);
	case_end();

	case_begin("ste_cached_after_fetch");
	smmu_up();
	ste_bypass(4);
	EXPECT_EQ(xl(4, NOSS, 0, ACC_R), S3E_TXN_OK);
	ste_write(4, 0, 0, 0, 0);	/* no CFGI: the cached STE is used */
	EXPECT_EQ(xl(4, NOSS, 0, ACC_R), S3E_TXN_OK);
	EXPECT_EQ(s3e_smmu_cfgc_stats(smmu)->inserts, 1);
	case_end();
}

/* Two-level stream table with SPLIT = 8 at STRTAB_PA; leaf tables after */
static void strtab_2lvl(unsigned int log2size)
{
	w32(SMMU3_CR0, 0);
	w32(SMMU3_STRTAB_BASE_CFG,
	    FP(STRTAB_BASE_CFG_FMT, STRTAB_BASE_CFG_FMT_2LVL) |
	    FP(STRTAB_BASE_CFG_SPLIT, 8) |
	    FP(STRTAB_BASE_CFG_LOG2SIZE, log2size));
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
}

static void test_strtab_2lvl(void)
{
	s3e_u64 e[4];

	case_begin("strtab_2lvl_lookup");
	smmu_up();
	strtab_2lvl(16);
	wr64(STRTAB_PA + 3 * 8, L2STE_PA | 9);		/* 256 STEs */
	ste_write_at(L2STE_PA + 0x21 * 64,
		     (s3e_u64[8]) { ste0(STE_CONFIG_BYPASS) });
	EXPECT_EQ(xpa(0x321, NOSS, 0x5000, ACC_R), 0x5000);
	ste_write_at(L2STE_PA + 0xff * 64,
		     (s3e_u64[8]) { ste0(STE_CONFIG_ABORT) });
	EXPECT_EQ(xl(0x3ff, NOSS, 0x5000, ACC_R), S3E_TXN_ABORT);
	case_end();

	case_begin("strtab_2lvl_span0");
	smmu_up();
	strtab_2lvl(16);
	xl(0x105, NOSS, 0, ACC_R);
	expect_evt(EVT_C_BAD_STREAMID, 0x105);
	case_end();

	case_begin("strtab_2lvl_beyond_span");
	smmu_up();
	strtab_2lvl(16);
	wr64(STRTAB_PA + 1 * 8, L2STE_PA | 2);		/* 2 STEs */
	ste_write_at(L2STE_PA + 64, (s3e_u64[8]) { ste0(STE_CONFIG_BYPASS) });
	EXPECT_EQ(xl(0x101, NOSS, 0, ACC_R), S3E_TXN_OK);
	xl(0x102, NOSS, 0, ACC_R);
	expect_evt(EVT_C_BAD_STREAMID, 0x102);
	case_end();

	case_begin("strtab_2lvl_span_reserved");
	smmu_up();
	strtab_2lvl(16);
	wr64(STRTAB_PA + 1 * 8, L2STE_PA | 10);		/* > SPLIT + 1 */
	xl(0x100, NOSS, 0, ACC_R);
	expect_evt(EVT_C_BAD_STREAMID, 0x100);
	case_end();

	case_begin("strtab_2lvl_beyond_log2size");
	smmu_up();
	strtab_2lvl(9);
	wr64(STRTAB_PA + 2 * 8, L2STE_PA | 9);
	xl(0x200, NOSS, 0, ACC_R);
	expect_evt(EVT_C_BAD_STREAMID, 0x200);
	case_end();

	case_begin("strtab_2lvl_l1_fetch_abort");
	smmu_up();
	w32(SMMU3_CR0, 0);
	w64(SMMU3_STRTAB_BASE, HOLE_PA);
	strtab_2lvl(16);
	xl(0x305, NOSS, 0, ACC_R);
	EXPECT_EQ(res.event, EVT_F_STE_FETCH);
	EXPECT_EQ(evt_type(e), EVT_F_STE_FETCH);
	EXPECT_EQ(e[3] & EVT_3_FETCH_ADDR, HOLE_PA + 3 * 8);
	case_end();

	case_begin("strtab_2lvl_l2_fetch_abort");
	smmu_up();
	strtab_2lvl(16);
	wr64(STRTAB_PA + 3 * 8, HOLE_PA | 9);
	xl(0x305, NOSS, 0, ACC_R);
	EXPECT_EQ(evt_type(e), EVT_F_STE_FETCH);
	EXPECT_EQ(e[3] & EVT_3_FETCH_ADDR, HOLE_PA + 5 * 64);
	case_end();
}

static void test_bad_ste(void)
{
	const struct {
		const char *name;
		unsigned int stages;
		s3e_u64 w0, w1, w2;
	} bad[] = {
		{ "v0", 3, FP(STE_0_CONFIG, STE_CONFIG_BYPASS), 0, 0 },
		{ "config_1", 3, ste0(1), 0, 0 },
		{ "config_2", 3, ste0(2), 0, 0 },
		{ "config_3", 3, ste0(3), 0, 0 },
		{ "s1_without_s1p", S3E_STAGE2, ste0(STE_CONFIG_S1), 0, 0 },
		{ "s2_without_s2p", S3E_STAGE1, ste0(STE_CONFIG_S2), 0,
		  0 },
		{ "nested_without_s2p", S3E_STAGE1, ste0(STE_CONFIG_NESTED),
		  0, 0 },
		{ "s1cdmax_beyond_ssidsize", 3,
		  ste0(STE_CONFIG_S1) | FP(STE_0_S1CDMAX, 9), 0, 0 },
		{ "s1fmt_reserved", 3,
		  ste0(STE_CONFIG_S1) | FP(STE_0_S1CDMAX, 2) |
		  FP(STE_0_S1FMT, 3), 0, 0 },
		{ "s1stalld", 3, ste0(STE_CONFIG_S1), STE_1_S1STALLD, 0 },
		{ "strw_1", 3, ste0(STE_CONFIG_S1), FP(STE_1_STRW, 1), 0 },
		{ "strw_3", 3, ste0(STE_CONFIG_S1), FP(STE_1_STRW, 3), 0 },
		{ "s2aa64_0", 3, ste0(STE_CONFIG_S2), 0,
		  FP(STE_2_S2T0SZ, 25) | FP(STE_2_S2SL0, 1) },
		{ "s2endi", 3, ste0(STE_CONFIG_S2), 0,
		  FP(STE_2_S2T0SZ, 25) | FP(STE_2_S2SL0, 1) | STE_2_S2AA64 |
		  STE_2_S2ENDI },
		{ "s2s_stall", 3, ste0(STE_CONFIG_S2), 0,
		  FP(STE_2_S2T0SZ, 25) | FP(STE_2_S2SL0, 1) | STE_2_S2AA64 |
		  STE_2_S2S },
		{ "s2tg_reserved", 3, ste0(STE_CONFIG_S2), 0,
		  FP(STE_2_S2T0SZ, 25) | FP(STE_2_S2SL0, 1) | STE_2_S2AA64 |
		  FP(STE_2_S2TG, 3) },
		{ "s2ps_reserved", 3, ste0(STE_CONFIG_S2), 0,
		  FP(STE_2_S2T0SZ, 25) | FP(STE_2_S2SL0, 1) | STE_2_S2AA64 |
		  FP(STE_2_S2PS, 7) },
		{ "s2_sl0_t0sz_inconsistent", 3, ste0(STE_CONFIG_S2), 0,
		  FP(STE_2_S2T0SZ, 25) | FP(STE_2_S2SL0, 2) | STE_2_S2AA64 },
		{ "s2_t0sz_too_small", 3, ste0(STE_CONFIG_S2), 0,
		  FP(STE_2_S2T0SZ, 10) | FP(STE_2_S2SL0, 2) | STE_2_S2AA64 },
		{ "s2_64k_sl0_3", 3, ste0(STE_CONFIG_S2), 0,
		  FP(STE_2_S2T0SZ, 25) | FP(STE_2_S2SL0, 3) | STE_2_S2AA64 |
		  FP(STE_2_S2TG, S2TG_64K) },
		{ "nested_bad_s2", 3, ste0(STE_CONFIG_NESTED), 0,
		  FP(STE_2_S2T0SZ, 40) | FP(STE_2_S2SL0, 2) | STE_2_S2AA64 },
	};
	s3e_u64 e[4];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		case_begin("c_bad_ste_%s", bad[i].name);
		cfg.stages = bad[i].stages;
		smmu_up();
		ste_write(9, bad[i].w0, bad[i].w1, bad[i].w2, 0);
		xl(9, 3, 0x1000, ACC_R);
		EXPECT_EQ(res.event, EVT_C_BAD_STE);
		EXPECT_EQ(evt_type(e), EVT_C_BAD_STE);
		EXPECT_EQ(FG(EVT_0_SID, e[0]), 9);
		EXPECT_EQ(e[0] & EVT_0_SSV, EVT_0_SSV);
		EXPECT_EQ(FG(EVT_0_SSID, e[0]), 3);
		case_end();
	}

	case_begin("c_bad_ste_not_cached");
	smmu_up();
	ste_write(9, 0, 0, 0, 0);
	xl(9, NOSS, 0, ACC_R);
	ste_bypass(9);			/* fixed without CFGI: used at once */
	EXPECT_EQ(xl(9, NOSS, 0, ACC_R), S3E_TXN_OK);
	case_end();
}

/* ================================================================== */
/* Context descriptors and substreams */

static void test_cd(void)
{
	s3e_u64 e[4], l1;
	struct tree t2;

	case_begin("cd_single_translate");
	smmu_up();
	s1_stream(1, 1);
	map_page(&s1t, 0x12345000, DATA_PA + 0x7000, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, 0x12345abc, ACC_R), DATA_PA + 0x7abc);
	EXPECT_EQ(res.len, 0x1000 - 0xabc);
	case_end();

	case_begin("cd_linear_table_substreams");
	smmu_up();
	ste_s1(1, CD_PA, 4, STE_S1FMT_LINEAR, STE_S1DSS_SSID0);
	tree_new(&s1t, 0, 0);
	tree_new(&t2, 0, 0);
	cd_write(CD_PA, cd0(10), tree_ttb(&s1t));
	cd_write(CD_PA + 5 * 64, cd0(15), tree_ttb(&t2));
	map_page(&s1t, 0x1000, DATA_PA, S1_RW);
	map_page(&t2, 0x1000, DATA_PA + 0x5000, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, 0x1000, ACC_R), DATA_PA);
	EXPECT_EQ(xpa(1, 5, 0x1000, ACC_R), DATA_PA + 0x5000);
	/* CD 3 is invalid */
	xl(1, 3, 0x1000, ACC_R);
	expect_evt(EVT_C_BAD_CD, 1);
	case_end();

	case_begin("cd_2lvl_64k_leaves");
	cfg.ssid_bits = 16;
	smmu_up();
	ste_s1(2, CD_PA, 11, STE_S1FMT_2LVL_64K, STE_S1DSS_SSID0);
	l1 = CD2_PA | CD_L1_DESC_V;
	wr64(CD_PA + 1 * 8, l1);			/* SSIDs 1024..2047 */
	tree_new(&s1t, 0, 0);
	cd_write(CD2_PA + (1030 - 1024) * 64, cd0(20), tree_ttb(&s1t));
	map_page(&s1t, 0x4000, DATA_PA + 0x1000, S1_RW);
	EXPECT_EQ(xpa(2, 1030, 0x4000, ACC_R), DATA_PA + 0x1000);
	/* Level-1 descriptor 0 is invalid */
	xl(2, 7, 0x4000, ACC_R);
	expect_evt(EVT_C_BAD_SUBSTREAMID, 2);
	case_end();

	case_begin("cd_2lvl_4k_leaves");
	smmu_up();
	ste_s1(2, CD_PA, 8, STE_S1FMT_2LVL_4K, STE_S1DSS_SSID0);
	wr64(CD_PA + 1 * 8, CD2_PA | CD_L1_DESC_V);	/* SSIDs 64..127 */
	tree_new(&s1t, 0, 0);
	cd_write(CD2_PA + 6 * 64, cd0(21), tree_ttb(&s1t));
	map_page(&s1t, 0x4000, DATA_PA + 0x2000, S1_RW);
	EXPECT_EQ(xpa(2, 70, 0x4000, ACC_R), DATA_PA + 0x2000);
	case_end();

	case_begin("cd_fetch_abort");
	smmu_up();
	ste_s1(1, HOLE_PA, 0, 0, 0);
	xl(1, NOSS, 0x1000, ACC_R);
	EXPECT_EQ(res.event, EVT_F_CD_FETCH);
	EXPECT_EQ(evt_type(e), EVT_F_CD_FETCH);
	EXPECT_EQ(e[3] & EVT_3_FETCH_ADDR, HOLE_PA);
	case_end();

	case_begin("cd_l1_fetch_abort");
	smmu_up();
	ste_s1(1, HOLE_PA, 8, STE_S1FMT_2LVL_4K, STE_S1DSS_SSID0);
	xl(1, 200, 0x1000, ACC_R);
	EXPECT_EQ(evt_type(e), EVT_F_CD_FETCH);
	EXPECT_EQ(e[3] & EVT_3_FETCH_ADDR, HOLE_PA + 3 * 8);
	EXPECT_EQ(FG(EVT_0_SSID, e[0]), 200);
	case_end();

	case_begin("cd_l2_fetch_abort");
	smmu_up();
	ste_s1(1, CD_PA, 8, STE_S1FMT_2LVL_4K, STE_S1DSS_SSID0);
	wr64(CD_PA, HOLE_PA | CD_L1_DESC_V);
	xl(1, 2, 0x1000, ACC_R);
	EXPECT_EQ(evt_type(e), EVT_F_CD_FETCH);
	EXPECT_EQ(e[3] & EVT_3_FETCH_ADDR, HOLE_PA + 2 * 64);
	case_end();
}

static void test_substreams(void)
{
	const struct {
		const char *name;
		unsigned int config, cdmax, dss;
		s3e_u32 ssid;
	} bad[] = {
		{ "ssid_with_cdmax_0", STE_CONFIG_S1, 0, 0, 1 },
		{ "ssid0_with_cdmax_0", STE_CONFIG_S1, 0, 0, 0 },
		{ "ssid_beyond_cdmax", STE_CONFIG_S1, 4, STE_S1DSS_SSID0, 16 },
		{ "ssid0_with_s1dss_ssid0", STE_CONFIG_S1, 4, STE_S1DSS_SSID0,
		  0 },
		{ "ssid_on_bypass", STE_CONFIG_BYPASS, 0, 0, 1 },
		{ "ssid_on_s2_only", STE_CONFIG_S2, 0, 0, 0 },
	};
	struct tree t2;
	s3e_u64 e[4];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		case_begin("c_bad_substreamid_%s", bad[i].name);
		smmu_up();
		tree_new(&t2, 1, 0);
		if (bad[i].config == STE_CONFIG_BYPASS)
			ste_bypass(6);
		else if (bad[i].config == STE_CONFIG_S2)
			ste_s2(6, 1, t2.base);
		else
			ste_s1(6, CD_PA, bad[i].cdmax, 0, bad[i].dss);
		cd_write(CD_PA, cd0(1), pt_alloc(SZ_4K));
		xl(6, bad[i].ssid, 0x1000, ACC_R);
		EXPECT_EQ(res.event, EVT_C_BAD_SUBSTREAMID);
		EXPECT_EQ(evt_type(e), EVT_C_BAD_SUBSTREAMID);
		EXPECT_EQ(FG(EVT_0_SID, e[0]), 6);
		EXPECT_EQ(e[0] & EVT_0_SSV, EVT_0_SSV);
		EXPECT_EQ(FG(EVT_0_SSID, e[0]), bad[i].ssid);
		case_end();
	}

	case_begin("s1dss_terminate_stream_disabled");
	smmu_up();
	ste_s1(6, CD_PA, 4, 0, STE_S1DSS_TERMINATE);
	xl(6, NOSS, 0x1000, ACC_R);
	EXPECT_EQ(res.status, S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_F_STREAM_DISABLED);
	EXPECT_EQ(evt_type(e), EVT_F_STREAM_DISABLED);
	EXPECT_EQ(FG(EVT_0_SID, e[0]), 6);
	EXPECT_EQ(e[0] & EVT_0_SSV, 0);
	EXPECT_EQ(e[1], 0);
	/* Substream transactions still use their CDs */
	s1_stream(7, 3);
	cd_write(CD_PA + 64, cd0(3), tree_ttb(&s1t));
	map_page(&s1t, 0x1000, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(6, 1, 0x1000, ACC_R), DATA_PA);
	case_end();

	case_begin("s1dss_reserved_behaves_as_terminate");
	smmu_up();
	ste_s1(6, CD_PA, 4, 0, 3);
	xl(6, NOSS, 0x1000, ACC_R);
	expect_evt(EVT_F_STREAM_DISABLED, 6);
	case_end();

	case_begin("s1dss_bypass_stage1_only");
	smmu_up();
	ste_s1(6, CD_PA, 4, 0, STE_S1DSS_BYPASS);
	EXPECT_EQ(xpa(6, NOSS, 0xabcdef, ACC_W), 0xabcdef);
	case_end();

	case_begin("s1dss_bypass_nested_uses_stage2");
	smmu_up();
	s2_window(&t2);
	ste_nested(6, ipa(CD_PA), 4, 0, STE_S1DSS_BYPASS, 1, t2.base);
	EXPECT_EQ(xpa(6, NOSS, IPA_BASE + 0x123456, ACC_R),
		  RAM_BASE + 0x123456);
	xl(6, NOSS, 0x123456, ACC_R);	/* IPA outside the window */
	EXPECT_EQ(res.event, EVT_F_TRANSLATION);
	EXPECT_EQ(evt_type(e), EVT_F_TRANSLATION);
	EXPECT_EQ(e[1] & EVT_1_S2, EVT_1_S2);
	case_end();

	case_begin("s1dss_ssid0_uses_cd0");
	smmu_up();
	ste_s1(6, CD_PA, 4, 0, STE_S1DSS_SSID0);
	s1_stream(7, 3);
	cd_write(CD_PA, cd0(3), tree_ttb(&s1t));
	map_page(&s1t, 0x1000, DATA_PA + 0x3000, S1_RW);
	EXPECT_EQ(xpa(6, NOSS, 0x1000, ACC_R), DATA_PA + 0x3000);
	case_end();
}

static void test_bad_cd(void)
{
	const struct {
		const char *name;
		s3e_u64 clr, set;
	} bad[] = {
		{ "v0", CD_0_V, 0 },
		{ "aa64_0", CD_0_AA64, 0 },
		{ "endi", 0, CD_0_ENDI },
		{ "stall", 0, CD_0_S },
		{ "a0", CD_0_A, 0 },
		{ "ips_reserved", CD_0_IPS, FP(CD_0_IPS, 7) },
		{ "tg0_reserved", 0, FP(CD_0_TG0, 3) },
		{ "t0sz_15", CD_0_T0SZ, FP(CD_0_T0SZ, 15) },
		{ "t0sz_49", CD_0_T0SZ, FP(CD_0_T0SZ, 49) },
		{ "t0sz_48_64k", CD_0_T0SZ | CD_0_TG0,
		  FP(CD_0_T0SZ, 48) | FP(CD_0_TG0, CD_TG0_64K) },
		{ "tg1_reserved", CD_0_EPD1 | CD_0_TG1, 0 },
		{ "t1sz_out_of_range", CD_0_EPD1 | CD_0_T1SZ,
		  FP(CD_0_T1SZ, 50) },
	};
	const struct {
		const char *name;
		s3e_u64 clr, set;
	} good[] = {
		{ "epd0_tg0_reserved", 0, CD_0_EPD0 | FP(CD_0_TG0, 3) },
		{ "epd1_tg1_reserved", CD_0_TG1, 0 },
		{ "t0sz_48_stt", CD_0_T0SZ, FP(CD_0_T0SZ, 48) },
		{ "hd_ignored", 0, CD_0_HD },
		{ "aset", 0, CD_0_ASET },
	};
	s3e_u64 e[4];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		case_begin("c_bad_cd_%s", bad[i].name);
		smmu_up();
		s1_stream(4, 1);
		cd_write(CD_PA + 4 * 64, (cd0(1) & ~bad[i].clr) | bad[i].set,
			 tree_ttb(&s1t));
		xl(4, NOSS, 0x1000, ACC_R);
		EXPECT_EQ(res.event, EVT_C_BAD_CD);
		EXPECT_EQ(evt_type(e), EVT_C_BAD_CD);
		EXPECT_EQ(FG(EVT_0_SID, e[0]), 4);
		case_end();
	}
	for (i = 0; i < ARRAY_SIZE(good); i++) {
		case_begin("cd_accepted_%s", good[i].name);
		smmu_up();
		s1_stream(4, 1);
		cd_write(CD_PA + 4 * 64, (cd0(1) & ~good[i].clr) | good[i].set,
			 tree_ttb(&s1t));
		xl(4, NOSS, 0x1000, ACC_R);
		/* A translation fault (no mapping), not a bad CD */
		EXPECT_EQ(res.event, EVT_F_TRANSLATION);
		case_end();
	}
}

/* ================================================================== */
/* Translation */

static void expect_fault_evt(unsigned int type, s3e_u32 sid, s3e_u32 ssid,
			     s3e_u64 addr, s3e_u64 e1, s3e_u64 e3)
{
	s3e_u64 e[4];

	EXPECT_EQ(res.status, S3E_TXN_FAULT);
	EXPECT_EQ(res.event, type);
	EXPECT_EQ(res.recorded, 1);
	EXPECT_EQ(evt_type(e), type);
	EXPECT_EQ(FG(EVT_0_SID, e[0]), sid);
	EXPECT_EQ(!!(e[0] & EVT_0_SSV), ssid != NOSS);
	EXPECT_EQ(FG(EVT_0_SSID, e[0]), ssid == NOSS ? 0 : ssid);
	EXPECT_EQ(e[1], e1);
	EXPECT_EQ(e[2], addr);
	EXPECT_EQ(e[3], e3);
}

#define E1_READ		(EVT_1_RNW | FP(EVT_1_CLASS, EVT_CLASS_IN))
#define E1_WRITE	FP(EVT_1_CLASS, EVT_CLASS_IN)

static void test_s1(void)
{
	s3e_u64 d;
	struct tree t16;

	case_begin("s1_4k_4level_then_cached");
	smmu_up();
	s1_stream(1, 1);
	map_page(&s1t, 0x7fff12345000ULL, DATA_PA + 0x3000, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, 0x7fff12345008ULL, ACC_R), DATA_PA + 0x3008);
	EXPECT_EQ(st()->walks, 1);
	EXPECT_EQ(xpa(1, NOSS, 0x7fff12345ff0ULL, ACC_W), DATA_PA + 0x3ff0);
	EXPECT_EQ(res.len, 0x10);
	EXPECT_EQ(st()->walks, 1);
	EXPECT_EQ(st()->utlb_hits, 1);
	case_end();

	case_begin("s1_2m_block");
	smmu_up();
	s1_stream(1, 1);
	map_block(&s1t, 0x40000000, DATA_PA & ~(SZ_2M - 1), 2, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, 0x40012345, ACC_R),
		  (DATA_PA & ~(SZ_2M - 1)) + 0x12345);
	EXPECT_EQ(res.len, SZ_2M - 0x12345);
	case_end();

	case_begin("s1_16k_granule");
	smmu_up();
	/* T0SZ 17 (47-bit VA), 16K: levels 1..3, 11 bits each */
	t16.base = pt_alloc(SZ_4K * 4);
	d = pt_alloc(0x4000);
	wr64(t16.base + ((0x123456000ULL >> 36) & 0x7ff) * 8, d | 3);
	{
		s3e_u64 l3 = pt_alloc(0x4000);

		wr64(d + ((0x123456000ULL >> 25) & 0x7ff) * 8, l3 | 3);
		wr64(l3 + ((0x123456000ULL >> 14) & 0x7ff) * 8,
		     (DATA_PA + 0x4000) | S1_RW | 3);
	}
	cd_write(CD_PA, (cd0(1) & ~(CD_0_T0SZ | CD_0_TG0)) |
		 FP(CD_0_T0SZ, 17) | FP(CD_0_TG0, CD_TG0_16K), t16.base);
	ste_s1(1, CD_PA, 0, 0, 0);
	EXPECT_EQ(xpa(1, NOSS, 0x123457abcULL, ACC_R), DATA_PA + 0x7abc);
	EXPECT_EQ(res.len, 0x4000 - 0x3abc);
	case_end();

	case_begin("s1_64k_granule");
	smmu_up();
	/* T0SZ 22 (42-bit VA), 64K: levels 2..3 (13 bits each) */
	t16.base = pt_alloc(SZ_64K);
	d = pt_alloc(SZ_64K);
	wr64(t16.base + ((0x20000010000ULL >> 29) & 0x1fff) * 8, d | 3);
	wr64(d + ((0x20000010000ULL >> 16) & 0x1fff) * 8,
	     (DATA_PA + 0x10000) | S1_RW | 3);
	cd_write(CD_PA, (cd0(1) & ~(CD_0_T0SZ | CD_0_TG0)) |
		 FP(CD_0_T0SZ, 22) | FP(CD_0_TG0, CD_TG0_64K), t16.base);
	ste_s1(1, CD_PA, 0, 0, 0);
	EXPECT_EQ(xpa(1, NOSS, 0x2000001fff0ULL, ACC_R),
		  DATA_PA + 0x1fff0);
	case_end();

	case_begin("s1_ttb1_upper_range");
	smmu_up();
	tree_new(&s1t, 0, 0);
	tree_new(&t16, 0, 0);
	cd_write(CD_PA, cd0(1) & ~CD_0_EPD1, tree_ttb(&s1t));
	wr64(CD_PA + 16, tree_ttb(&t16));
	ste_s1(1, CD_PA, 0, 0, 0);
	map_page(&t16, 0xffff800000001000ULL, DATA_PA + 0x9000, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, 0xffff800000001234ULL, ACC_R),
		  DATA_PA + 0x9234);
	case_end();

	case_begin("s1_tbi");
	smmu_up();
	s1_stream(1, 1);
	map_page(&s1t, 0x5000, DATA_PA + 0x1000, S1_RW);
	xl(1, NOSS, 0xab00000000005000ULL, ACC_R);
	EXPECT_EQ(res.event, EVT_F_TRANSLATION);
	EXPECT_EQ(evt_pending(), 1);
	cd_write(CD_PA + 64, cd0(1) | CD_0_TBI0, tree_ttb(&s1t));
	cmd(OP(CFGI_CD) | FP(CMD_0_SID, 1), 0);
	EXPECT_EQ(xpa(1, NOSS, 0xab00000000005010ULL, ACC_R),
		  DATA_PA + 0x1010);
	EXPECT_EQ(xpa(1, NOSS, 0x1200000000005020ULL, ACC_R),
		  DATA_PA + 0x1020);
	case_end();
}

static void test_s1_faults(void)
{
	s3e_u64 dpa, l0;

	case_begin("f_translation_s1_record_fields");
	smmu_up();
	s1_stream(1, 1);
	ste_s1(1, CD_PA + 64, 4, 0, STE_S1DSS_SSID0);
	cd_write(CD_PA + 64 + 2 * 64, cd0(1), tree_ttb(&s1t));
	xl(1, 2, 0x12345678, ACC_R | ACC_P | ACC_X);
	expect_fault_evt(EVT_F_TRANSLATION, 1, 2, 0x12345678,
			 E1_READ | EVT_1_PNU | EVT_1_IND, 0);
	case_end();

	case_begin("f_translation_s1_silent_without_cd_r");
	smmu_up();
	s1_stream(1, 1);
	cd_write(CD_PA + 64, cd0(1) & ~CD_0_R, tree_ttb(&s1t));
	EXPECT_EQ(xl(1, NOSS, 0x1000, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_F_TRANSLATION);
	EXPECT_EQ(res.recorded, 0);
	EXPECT_EQ(evt_pending(), 0);
	EXPECT_EQ(st()->faults[EVT_F_TRANSLATION], 1);
	case_end();

	case_begin("f_permission_s1_write_readonly");
	smmu_up();
	s1_stream(1, 1);
	map_page(&s1t, 0x3000, DATA_PA, S1_RW | TTD_AP_RDONLY);
	EXPECT_EQ(xpa(1, NOSS, 0x3000, ACC_R), DATA_PA);
	xl(1, NOSS, 0x3008, ACC_W);	/* a TLB (and micro-TLB) hit */
	expect_fault_evt(EVT_F_PERMISSION, 1, NOSS, 0x3008, E1_WRITE, 0);
	case_end();

	case_begin("f_permission_s1_exec_uxn");
	smmu_up();
	s1_stream(1, 1);
	map_page(&s1t, 0x3000, DATA_PA, S1_RW | TTD_UXN);
	xl(1, NOSS, 0x3000, ACC_X);
	expect_fault_evt(EVT_F_PERMISSION, 1, NOSS, 0x3000,
			 E1_READ | EVT_1_IND, 0);
	/* A write with the instruction attribute is a data write */
	EXPECT_EQ(xpa(1, NOSS, 0x3000, ACC_W | ACC_X), DATA_PA);
	case_end();

	case_begin("f_permission_s1_silent_without_cd_r");
	smmu_up();
	s1_stream(1, 1);
	cd_write(CD_PA + 64, cd0(1) & ~CD_0_R, tree_ttb(&s1t));
	map_page(&s1t, 0x3000, DATA_PA, S1_RW | TTD_AP_RDONLY);
	EXPECT_EQ(xl(1, NOSS, 0x3000, ACC_W), S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_F_PERMISSION);
	EXPECT_EQ(evt_pending(), 0);
	case_end();

	case_begin("f_access_s1");
	smmu_up();
	s1_stream(1, 1);
	dpa = map_page(&s1t, 0x3000, DATA_PA, S1_RW & ~TTD_AF);
	xl(1, NOSS, 0x3000, ACC_W);
	expect_fault_evt(EVT_F_ACCESS, 1, NOSS, 0x3000, E1_WRITE, 0);
	/* With CD.HA the SMMU sets AF itself */
	cd_write(CD_PA + 64, cd0(1) | CD_0_HA, tree_ttb(&s1t));
	cmd(OP(CFGI_CD_ALL) | FP(CMD_0_SID, 1), 0);
	EXPECT_EQ(xpa(1, NOSS, 0x3000, ACC_W), DATA_PA);
	EXPECT_EQ(rd64(dpa) & TTD_AF, TTD_AF);
	case_end();

	case_begin("host_without_read64_and_cmpxchg64");
	host.read64 = NULL;
	smmu_up();
	s1_stream(1, 1);
	dpa = map_page(&s1t, 0x3000, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, 0x3010, ACC_W), DATA_PA + 0x10);
	wr64(s1t.base, HOLE_PA | 3);
	cmd(OP(TLBI_NH_ALL), 0);
	xl(1, NOSS, 0x3000, ACC_R);
	EXPECT_EQ(res.event, EVT_F_WALK_EABT);
	/* Without cmpxchg64, CD.HA cannot set AF: an access fault */
	host.cmpxchg64 = NULL;
	smmu_up();
	s1_stream(1, 1);
	cd_write(CD_PA + 64, cd0(1) | CD_0_HA, tree_ttb(&s1t));
	dpa = map_page(&s1t, 0x3000, DATA_PA, S1_RW & ~TTD_AF);
	xl(1, NOSS, 0x3000, ACC_R);
	EXPECT_EQ(res.event, EVT_F_ACCESS);
	EXPECT_EQ(rd64(dpa) & TTD_AF, 0);
	case_end();

	case_begin("f_addr_size_s1");
	smmu_up();
	s1_stream(1, 1);
	cd_write(CD_PA + 64, (cd0(1) & ~CD_0_IPS) | FP(CD_0_IPS, PS_32),
		 tree_ttb(&s1t));
	map_page(&s1t, 0x3000, 0x100000000ULL, S1_RW);
	xl(1, NOSS, 0x3000, ACC_R);
	expect_fault_evt(EVT_F_ADDR_SIZE, 1, NOSS, 0x3000, E1_READ, 0);
	case_end();

	case_begin("f_walk_eabt_s1_recorded_without_cd_r");
	smmu_up();
	s1_stream(1, 1);
	cd_write(CD_PA + 64, cd0(1) & ~CD_0_R, tree_ttb(&s1t));
	l0 = tree_ttb(&s1t);
	wr64(l0 + 1 * 8, HOLE_PA | 3);		/* VA bit 39 set */
	xl(1, NOSS, 0x8000403000ULL, ACC_R);
	expect_fault_evt(EVT_F_WALK_EABT, 1, NOSS, 0x8000403000ULL,
			 EVT_1_RNW | FP(EVT_1_CLASS, EVT_CLASS_TTD), HOLE_PA);
	case_end();

	case_begin("f_translation_s1_epd0");
	smmu_up();
	s1_stream(1, 1);
	map_page(&s1t, 0x3000, DATA_PA, S1_RW);
	cd_write(CD_PA + 64, cd0(1) | CD_0_EPD0, tree_ttb(&s1t));
	xl(1, NOSS, 0x3000, ACC_R);
	expect_fault_evt(EVT_F_TRANSLATION, 1, NOSS, 0x3000, E1_READ, 0);
	case_end();

	case_begin("ste_privcfg_instcfg_overrides");
	smmu_up();
	s1_stream(1, 1);
	/* Privileged-only data page, executable nowhere */
	map_page(&s1t, 0x3000, DATA_PA,
		 TTD_AF | TTD_NG | TTD_PXN | TTD_UXN);
	EXPECT_EQ(xl(1, NOSS, 0x3000, ACC_R), S3E_TXN_FAULT);
	evt_pop((s3e_u64[4]) { 0 });
	ste_write(1, ste_s1w0(STE_CONFIG_S1, CD_PA + 64, 0, 0),
		  FP(STE_1_PRIVCFG, 3) | FP(STE_1_INSTCFG, 2), 0, 0);
	cmd(OP(CFGI_STE) | FP(CMD_0_SID, 1), 0);
	/* Now privileged data: read permitted even as an instruction */
	EXPECT_EQ(xpa(1, NOSS, 0x3000, ACC_X), DATA_PA);
	ste_write(1, ste_s1w0(STE_CONFIG_S1, CD_PA + 64, 0, 0),
		  FP(STE_1_PRIVCFG, 2) | FP(STE_1_INSTCFG, 3), 0, 0);
	cmd(OP(CFGI_STE) | FP(CMD_0_SID, 1), 0);
	xl(1, NOSS, 0x3000, ACC_P);
	expect_fault_evt(EVT_F_PERMISSION, 1, NOSS, 0x3000,
			 E1_READ | EVT_1_IND, 0);
	case_end();
}

static void test_s2_nested(void)
{
	struct tree t2, t1;
	s3e_u64 cdpa, l0;

	case_begin("s2_only_translate");
	smmu_up();
	tree_new(&t2, 1, 0);
	map_page(&t2, 0x12345000, DATA_PA + 0x8000, S2_RW);
	ste_s2(2, 7, t2.base);
	EXPECT_EQ(xpa(2, NOSS, 0x12345678, ACC_W), DATA_PA + 0x8678);
	EXPECT_EQ(xpa(2, NOSS, 0x12345000, ACC_X | ACC_P), DATA_PA + 0x8000);
	case_end();

	case_begin("f_translation_s2_record_fields");
	smmu_up();
	tree_new(&t2, 1, 0);
	ste_s2(2, 7, t2.base);
	xl(2, NOSS, 0x55555123, ACC_W | ACC_P);
	expect_fault_evt(EVT_F_TRANSLATION, 2, NOSS, 0x55555123,
			 E1_WRITE | EVT_1_S2 | EVT_1_PNU, 0x55555000);
	case_end();

	case_begin("f_translation_s2_silent_without_s2r");
	smmu_up();
	tree_new(&t2, 1, 0);
	ste_write(2, ste0(STE_CONFIG_S2), 0, ste_s2w2(7) & ~STE_2_S2R,
		  t2.base);
	EXPECT_EQ(xl(2, NOSS, 0x55555123, ACC_W), S3E_TXN_FAULT);
	EXPECT_EQ(res.recorded, 0);
	EXPECT_EQ(evt_pending(), 0);
	case_end();

	case_begin("f_permission_s2_write");
	smmu_up();
	tree_new(&t2, 1, 0);
	map_page(&t2, 0x3000, DATA_PA, S2_RW & ~TTD_S2AP_WRITE);
	ste_s2(2, 7, t2.base);
	EXPECT_EQ(xpa(2, NOSS, 0x3000, ACC_R), DATA_PA);
	xl(2, NOSS, 0x3010, ACC_W);
	expect_fault_evt(EVT_F_PERMISSION, 2, NOSS, 0x3010,
			 E1_WRITE | EVT_1_S2, 0x3000);
	case_end();

	case_begin("f_access_s2_and_s2ha");
	smmu_up();
	tree_new(&t2, 1, 0);
	l0 = map_page(&t2, 0x3000, DATA_PA, S2_RW & ~TTD_AF);
	ste_s2(2, 7, t2.base);
	xl(2, NOSS, 0x3000, ACC_R);
	expect_fault_evt(EVT_F_ACCESS, 2, NOSS, 0x3000, E1_READ | EVT_1_S2,
			 0x3000);
	ste_write(2, ste0(STE_CONFIG_S2), 0, ste_s2w2(7) | STE_2_S2HA,
		  t2.base);
	cmd(OP(CFGI_STE) | FP(CMD_0_SID, 2), 0);
	EXPECT_EQ(xpa(2, NOSS, 0x3000, ACC_R), DATA_PA);
	EXPECT_EQ(rd64(l0) & TTD_AF, TTD_AF);
	case_end();

	case_begin("f_addr_size_s2");
	smmu_up();
	tree_new(&t2, 1, 0);
	map_page(&t2, 0x3000, 0x100000000ULL, S2_RW);
	ste_write(2, ste0(STE_CONFIG_S2), 0,
		  (ste_s2w2(7) & ~STE_2_S2PS) | FP(STE_2_S2PS, PS_32) |
		  FP(STE_2_S2SL0, 0) | FP(STE_2_S2T0SZ, 32), t2.base);
	/* 32-bit IPA: level 1 start with SL0 = 1 */
	ste_write(2, ste0(STE_CONFIG_S2), 0,
		  (ste_s2w2(7) & ~(STE_2_S2PS | STE_2_S2T0SZ)) |
		  FP(STE_2_S2PS, PS_32) | FP(STE_2_S2T0SZ, 32), t2.base);
	xl(2, NOSS, 0x3000, ACC_W);
	expect_fault_evt(EVT_F_ADDR_SIZE, 2, NOSS, 0x3000,
			 E1_WRITE | EVT_1_S2, 0x3000);
	case_end();

	case_begin("f_walk_eabt_s2");
	smmu_up();
	tree_new(&t2, 1, 0);
	wr64(t2.base, HOLE_PA | 3);
	ste_write(2, ste0(STE_CONFIG_S2), 0, ste_s2w2(7) & ~STE_2_S2R,
		  t2.base);
	xl(2, NOSS, 0x3000, ACC_R);
	expect_fault_evt(EVT_F_WALK_EABT, 2, NOSS, 0x3000,
			 E1_READ | EVT_1_S2, HOLE_PA);
	case_end();

	case_begin("nested_translate");
	smmu_up();
	s2_window(&t2);
	tree_new(&t1, 0, IPA_BASE - RAM_BASE);
	map_page(&t1, 0x7000, ipa(DATA_PA + 0x2000), S1_RW);
	cdpa = CD_PA + 5 * 64;
	cd_write(cdpa, cd0(9), tree_ttb(&t1));
	ste_nested(5, ipa(cdpa), 0, 0, 0, 3, t2.base);
	EXPECT_EQ(xpa(5, NOSS, 0x7abc, ACC_R), DATA_PA + 0x2abc);
	EXPECT_EQ(res.len, 0x1000 - 0xabc);
	case_end();

	case_begin("nested_s2_fault_on_s1_table");
	smmu_up();
	s2_window(&t2);
	tree_new(&t1, 0, 0x100000000ULL);	/* IPAs outside the window */
	map_page(&t1, 0x7000, ipa(DATA_PA), S1_RW);
	cdpa = CD_PA + 5 * 64;
	cd_write(cdpa, cd0(9), tree_ttb(&t1));
	ste_nested(5, ipa(cdpa), 0, 0, 0, 3, t2.base);
	xl(5, NOSS, 0x7000, ACC_W);
	expect_fault_evt(EVT_F_TRANSLATION, 5, NOSS, 0x7000,
			 EVT_1_S2 | EVT_1_TT_READ |
			 FP(EVT_1_CLASS, EVT_CLASS_TTD),
			 tree_ttb(&t1) & EVT_3_IPA);
	case_end();

	case_begin("nested_s2_fault_on_output");
	smmu_up();
	s2_window(&t2);
	tree_new(&t1, 0, IPA_BASE - RAM_BASE);
	map_page(&t1, 0x7000, 0x2000000000ULL, S1_RW);	/* unmapped IPA */
	cdpa = CD_PA + 5 * 64;
	cd_write(cdpa, cd0(9), tree_ttb(&t1));
	ste_nested(5, ipa(cdpa), 0, 0, 0, 3, t2.base);
	xl(5, NOSS, 0x7123, ACC_R);
	expect_fault_evt(EVT_F_TRANSLATION, 5, NOSS, 0x7123,
			 E1_READ | EVT_1_S2, 0x2000000000ULL);
	case_end();

	case_begin("nested_s1_fault_not_s2");
	smmu_up();
	s2_window(&t2);
	tree_new(&t1, 0, IPA_BASE - RAM_BASE);
	cdpa = CD_PA + 5 * 64;
	cd_write(cdpa, cd0(9) & ~CD_0_R, tree_ttb(&t1));
	ste_nested(5, ipa(cdpa), 0, 0, 0, 3, t2.base);
	xl(5, NOSS, 0x7000, ACC_R);		/* stage 1: CD.R = 0 */
	EXPECT_EQ(res.event, EVT_F_TRANSLATION);
	EXPECT_EQ(res.recorded, 0);
	case_end();

	case_begin("nested_cd_fetch_through_s2_fault");
	smmu_up();
	s2_window(&t2);
	ste_nested(5, 0x3000000000ULL, 0, 0, 0, 3, t2.base);
	xl(5, NOSS, 0x7000, ACC_R);
	expect_fault_evt(EVT_F_TRANSLATION, 5, NOSS, 0x7000,
			 EVT_1_RNW | EVT_1_S2 | EVT_1_TT_READ |
			 FP(EVT_1_CLASS, EVT_CLASS_CD),
			 0x3000000000ULL);
	case_end();

	case_begin("nested_cd_fetch_abort_after_s2");
	smmu_up();
	s2_window(&t2);
	map_block(&t2, IPA_BASE + RAM_SIZE, HOLE_PA, 2, S2_RW);
	ste_nested(5, IPA_BASE + RAM_SIZE + 0x40, 0, 0, 0, 3, t2.base);
	xl(5, NOSS, 0x7000, ACC_R);
	EXPECT_EQ(res.event, EVT_F_CD_FETCH);
	{
		s3e_u64 e[4];

		EXPECT_EQ(evt_type(e), EVT_F_CD_FETCH);
		EXPECT_EQ(e[3], HOLE_PA + 0x40);
	}
	case_end();

	case_begin("nested_s2_walk_eabt_on_s1_table");
	smmu_up();
	tree_new(&t2, 1, 0);
	map_block(&t2, IPA_BASE, RAM_BASE, 2, S2_RW);	/* CD, tables */
	l0 = t2.base + ((IPA_BASE + 0x40000000ULL) >> 30 & 511) * 8;
	wr64(l0, HOLE_PA | 3);				/* S1 table region */
	cd_write(CD_PA, cd0(9), IPA_BASE + 0x40000000ULL);
	ste_nested(5, ipa(CD_PA), 0, 0, 0, 3, t2.base);
	xl(5, NOSS, 0x7000, ACC_R);
	EXPECT_EQ(res.event, EVT_F_WALK_EABT);
	EXPECT_EQ(res.recorded, 1);
	case_end();
}

static void test_regimes(void)
{
	case_begin("el2_regime_tlbi_scope");
	smmu_up();
	s1_stream(1, 1);
	ste_write(1, ste_s1w0(STE_CONFIG_S1, CD_PA + 64, 0, 0),
		  FP(STE_1_STRW, STE_STRW_EL2), 0, 0);
	map_page(&s1t, 0x3000, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, 0x3000, ACC_R), DATA_PA);
	map_page(&s1t, 0x3000, DATA_PA + 0x1000, S1_RW);
	cmd(OP(TLBI_NH_ALL), 0);
	cmd(OP(TLBI_NSNH_ALL), 0);
	EXPECT_EQ(xpa(1, NOSS, 0x3000, ACC_R), DATA_PA);	/* stale */
	cmd(OP(TLBI_EL2_ALL), 0);
	EXPECT_EQ(xpa(1, NOSS, 0x3000, ACC_R), DATA_PA + 0x1000);
	case_end();

	case_begin("el2_e2h_regime_asid");
	smmu_up();
	w32(SMMU3_CR0, 0);
	w32(SMMU3_CR2, CR2_E2H | CR2_RECINVSID);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	s1_stream(1, 77);
	ste_write(1, ste_s1w0(STE_CONFIG_S1, CD_PA + 64, 0, 0),
		  FP(STE_1_STRW, STE_STRW_EL2), 0, 0);
	map_page(&s1t, 0x3000, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, 0x3000, ACC_R), DATA_PA);
	map_page(&s1t, 0x3000, DATA_PA + 0x1000, S1_RW);
	cmd(OP(TLBI_EL2_ASID) | FP(CMD_TLBI_0_ASID, 76), 0);
	EXPECT_EQ(xpa(1, NOSS, 0x3000, ACC_R), DATA_PA);	/* stale */
	cmd(OP(TLBI_EL2_ASID) | FP(CMD_TLBI_0_ASID, 77), 0);
	EXPECT_EQ(xpa(1, NOSS, 0x3000, ACC_R), DATA_PA + 0x1000);
	case_end();
}

/* ================================================================== */
/* Invalidation through the command queue: stale before, fresh after */

struct inval_case {
	const char *name;
	s3e_u64 c0, c1;		/* invalidation that must hit */
	s3e_u64 m0, m1;		/* one that must miss (0: none) */
};

#define VA_T		0x123000ULL

static void test_tlbi_s1(void)
{
	const struct inval_case cases[] = {
		{ "tlbi_nh_va", OP(TLBI_NH_VA) | FP(CMD_TLBI_0_ASID, 5) |
		  FP(CMD_TLBI_0_VMID, 0), VA_T,
		  OP(TLBI_NH_VA) | FP(CMD_TLBI_0_ASID, 6), VA_T },
		{ "tlbi_nh_va_wrong_page", OP(TLBI_NH_VA) |
		  FP(CMD_TLBI_0_ASID, 5), VA_T,
		  OP(TLBI_NH_VA) | FP(CMD_TLBI_0_ASID, 5), VA_T + SZ_4K },
		{ "tlbi_nh_vaa", OP(TLBI_NH_VAA), VA_T,
		  OP(TLBI_NH_VAA) | FP(CMD_TLBI_0_VMID, 1), VA_T },
		{ "tlbi_nh_asid", OP(TLBI_NH_ASID) | FP(CMD_TLBI_0_ASID, 5),
		  0, OP(TLBI_NH_ASID) | FP(CMD_TLBI_0_ASID, 4), 0 },
		{ "tlbi_nh_all", OP(TLBI_NH_ALL), 0,
		  OP(TLBI_NH_ALL) | FP(CMD_TLBI_0_VMID, 2), 0 },
		{ "tlbi_nsnh_all", OP(TLBI_NSNH_ALL), 0, OP(TLBI_EL2_ALL),
		  0 },
		{ "tlbi_s12_vmall", OP(TLBI_S12_VMALL), 0,
		  OP(TLBI_S12_VMALL) | FP(CMD_TLBI_0_VMID, 9), 0 },
		/* 4 pages from VA_T - 2 pages: TG 4K, NUM 1, SCALE 1 */
		{ "tlbi_nh_va_range", OP(TLBI_NH_VA) | FP(CMD_TLBI_0_ASID, 5) |
		  FP(CMD_TLBI_0_NUM, 1) | FP(CMD_TLBI_0_SCALE, 1),
		  (VA_T - 2 * SZ_4K) | FP(CMD_TLBI_1_TG, CMD_TLBI_TG_4K),
		  OP(TLBI_NH_VA) | FP(CMD_TLBI_0_ASID, 5) |
		  FP(CMD_TLBI_0_NUM, 1) | FP(CMD_TLBI_0_SCALE, 1),
		  (VA_T - 4 * SZ_4K) | FP(CMD_TLBI_1_TG, CMD_TLBI_TG_4K) },
		{ "tlbi_nh_va_range_64k", OP(TLBI_NH_VA) |
		  FP(CMD_TLBI_0_ASID, 5),
		  (VA_T & ~(SZ_64K - 1)) | FP(CMD_TLBI_1_TG, CMD_TLBI_TG_64K) |
		  FP(CMD_TLBI_1_TTL, 3) | CMD_TLBI_1_LEAF,
		  OP(TLBI_NH_VA) | FP(CMD_TLBI_0_ASID, 5),
		  0x200000 | FP(CMD_TLBI_1_TG, CMD_TLBI_TG_64K) },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct inval_case *c = &cases[i];

		case_begin("stale_then_%s", c->name);
		smmu_up();
		s1_stream(1, 5);
		map_page(&s1t, VA_T, DATA_PA, S1_RW);
		EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA);
		map_page(&s1t, VA_T, DATA_PA + 0x1000, S1_RW);
		/* Both the micro-TLB (same page) and the TLB are stale */
		EXPECT_EQ(xpa(1, NOSS, VA_T + 8, ACC_R), DATA_PA + 8);
		if (c->m0) {
			cmd(c->m0, c->m1);
			cmd_sync();
			EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA);
		}
		cmd(c->c0, c->c1);
		cmd_sync();
		EXPECT_EQ(cmdq_idle(), 1);
		EXPECT_EQ(xpa(1, NOSS, VA_T + 8, ACC_R), DATA_PA + 0x1008);
		case_end();
	}
}

static void test_tlbi_s2(void)
{
	struct tree t2, t1;
	s3e_u64 cdpa;

	case_begin("stale_then_tlbi_s2_ipa");
	smmu_up();
	tree_new(&t2, 1, 0);
	map_page(&t2, 0x40000, DATA_PA, S2_RW);
	ste_s2(2, 7, t2.base);
	EXPECT_EQ(xpa(2, NOSS, 0x40010, ACC_R), DATA_PA + 0x10);
	map_page(&t2, 0x40000, DATA_PA + 0x1000, S2_RW);
	cmd(OP(TLBI_S2_IPA) | FP(CMD_TLBI_0_VMID, 6), 0x40000);
	cmd(OP(TLBI_NH_ALL) | FP(CMD_TLBI_0_VMID, 7), 0);
	cmd(OP(TLBI_S2_IPA) | FP(CMD_TLBI_0_VMID, 7), 0x41000);
	EXPECT_EQ(xpa(2, NOSS, 0x40010, ACC_R), DATA_PA + 0x10);
	cmd(OP(TLBI_S2_IPA) | FP(CMD_TLBI_0_VMID, 7), 0x40000);
	EXPECT_EQ(xpa(2, NOSS, 0x40010, ACC_R), DATA_PA + 0x1010);
	case_end();

	case_begin("stale_then_tlbi_s12_vmall_nested");
	smmu_up();
	s2_window(&t2);
	tree_new(&t1, 0, IPA_BASE - RAM_BASE);
	map_page(&t1, 0x7000, ipa(DATA_PA), S1_RW);
	cdpa = CD_PA + 5 * 64;
	cd_write(cdpa, cd0(9), tree_ttb(&t1));
	ste_nested(5, ipa(cdpa), 0, 0, 0, 3, t2.base);
	EXPECT_EQ(xpa(5, NOSS, 0x7000, ACC_R), DATA_PA);
	map_page(&t1, 0x7000, ipa(DATA_PA + 0x3000), S1_RW);
	cmd(OP(TLBI_S12_VMALL) | FP(CMD_TLBI_0_VMID, 4), 0);
	EXPECT_EQ(xpa(5, NOSS, 0x7000, ACC_R), DATA_PA);
	cmd(OP(TLBI_S12_VMALL) | FP(CMD_TLBI_0_VMID, 3), 0);
	EXPECT_EQ(xpa(5, NOSS, 0x7000, ACC_R), DATA_PA + 0x3000);
	case_end();

	case_begin("stale_then_tlbi_nh_asid_nested_vmid");
	smmu_up();
	s2_window(&t2);
	tree_new(&t1, 0, IPA_BASE - RAM_BASE);
	map_page(&t1, 0x7000, ipa(DATA_PA), S1_RW);
	cdpa = CD_PA + 5 * 64;
	cd_write(cdpa, cd0(9), tree_ttb(&t1));
	ste_nested(5, ipa(cdpa), 0, 0, 0, 3, t2.base);
	EXPECT_EQ(xpa(5, NOSS, 0x7000, ACC_R), DATA_PA);
	map_page(&t1, 0x7000, ipa(DATA_PA + 0x3000), S1_RW);
	cmd(OP(TLBI_NH_ASID) | FP(CMD_TLBI_0_ASID, 9) |
	    FP(CMD_TLBI_0_VMID, 2), 0);
	EXPECT_EQ(xpa(5, NOSS, 0x7000, ACC_R), DATA_PA);
	cmd(OP(TLBI_NH_ASID) | FP(CMD_TLBI_0_ASID, 9) |
	    FP(CMD_TLBI_0_VMID, 3), 0);
	EXPECT_EQ(xpa(5, NOSS, 0x7000, ACC_R), DATA_PA + 0x3000);
	case_end();

	case_begin("tlbi_vmid_ignored_without_stage2");
	cfg.stages = S3E_STAGE1;
	smmu_up();
	s1_stream(1, 5);
	ste_write(1, ste_s1w0(STE_CONFIG_S1, CD_PA + 64, 0, 0), 0,
		  FP(STE_2_S2VMID, 44), 0);
	map_page(&s1t, VA_T, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA);
	map_page(&s1t, VA_T, DATA_PA + 0x1000, S1_RW);
	cmd(OP(TLBI_NH_ASID) | FP(CMD_TLBI_0_ASID, 5) |
	    FP(CMD_TLBI_0_VMID, 3), 0);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA + 0x1000);
	case_end();
}

static void test_cfgi(void)
{
	const struct inval_case cases[] = {
		{ "cfgi_ste", OP(CFGI_STE) | FP(CMD_0_SID, 0x21), 0,
		  OP(CFGI_STE) | FP(CMD_0_SID, 0x20), 0 },
		{ "cfgi_ste_leaf", OP(CFGI_STE) | FP(CMD_0_SID, 0x21),
		  CMD_CFGI_1_LEAF, 0, 0 },
		{ "cfgi_ste_range", OP(CFGI_STE_RANGE) | FP(CMD_0_SID, 0x22),
		  FP(CMD_CFGI_1_RANGE, 1),
		  OP(CFGI_STE_RANGE) | FP(CMD_0_SID, 0x24),
		  FP(CMD_CFGI_1_RANGE, 1) },
		{ "cfgi_all", OP(CFGI_ALL), FP(CMD_CFGI_1_RANGE, 31),
		  OP(CFGI_CD_ALL) | FP(CMD_0_SID, 0x21), 0 },
	};
	unsigned int i;
	s3e_u64 e[4];

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct inval_case *c = &cases[i];

		case_begin("stale_then_%s", c->name);
		smmu_up();
		ste_bypass(0x21);
		EXPECT_EQ(xl(0x21, NOSS, 0x1000, ACC_R), S3E_TXN_OK);
		ste_abort(0x21);
		EXPECT_EQ(xl(0x21, NOSS, 0x1000, ACC_R), S3E_TXN_OK);
		if (c->m0) {
			cmd(c->m0, c->m1);
			EXPECT_EQ(xl(0x21, NOSS, 0x1000, ACC_R), S3E_TXN_OK);
		}
		cmd(c->c0, c->c1);
		EXPECT_EQ(xl(0x21, NOSS, 0x1000, ACC_R), S3E_TXN_ABORT);
		case_end();
	}

	case_begin("stale_then_cfgi_cd");
	smmu_up();
	ste_s1(1, CD_PA, 4, 0, STE_S1DSS_SSID0);
	tree_new(&s1t, 0, 0);
	cd_write(CD_PA + 3 * 64, cd0(1), tree_ttb(&s1t));
	map_page(&s1t, 0x1000, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(1, 3, 0x1000, ACC_R), DATA_PA);
	wr64(CD_PA + 3 * 64, 0);		/* CD.V = 0 */
	EXPECT_EQ(xpa(1, 3, 0x1000, ACC_R), DATA_PA);
	cmd(OP(CFGI_CD) | FP(CMD_0_SID, 1) | FP(CMD_0_SSID, 2), 0);
	EXPECT_EQ(xpa(1, 3, 0x1000, ACC_R), DATA_PA);
	cmd(OP(CFGI_CD) | FP(CMD_0_SID, 1) | FP(CMD_0_SSID, 3), 0);
	xl(1, 3, 0x1000, ACC_R);
	EXPECT_EQ(res.event, EVT_C_BAD_CD);
	EXPECT_EQ(evt_type(e), EVT_C_BAD_CD);
	case_end();

	case_begin("stale_then_cfgi_cd_all");
	smmu_up();
	ste_s1(1, CD_PA, 4, 0, STE_S1DSS_SSID0);
	tree_new(&s1t, 0, 0);
	cd_write(CD_PA + 3 * 64, cd0(1), tree_ttb(&s1t));
	map_page(&s1t, 0x1000, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(1, 3, 0x1000, ACC_R), DATA_PA);
	wr64(CD_PA + 3 * 64, 0);
	EXPECT_EQ(xpa(1, 3, 0x1000, ACC_R), DATA_PA);
	cmd(OP(CFGI_CD_ALL) | FP(CMD_0_SID, 1), 0);
	EXPECT_EQ(xl(1, 3, 0x1000, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_C_BAD_CD);
	case_end();

	case_begin("cd_change_new_asid_after_cfgi_no_tlbi");
	smmu_up();
	s1_stream(1, 1);
	map_page(&s1t, 0x1000, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, 0x1000, ACC_R), DATA_PA);
	{
		struct tree t;

		tree_new(&t, 0, 0);
		map_page(&t, 0x1000, DATA_PA + 0x6000, S1_RW);
		cd_write(CD_PA + 64, cd0(2), tree_ttb(&t));
	}
	cmd(OP(CFGI_CD) | FP(CMD_0_SID, 1), 0);
	EXPECT_EQ(xpa(1, NOSS, 0x1000, ACC_R), DATA_PA + 0x6000);
	case_end();

	case_begin("reset_drops_caches");
	smmu_up();
	ste_bypass(3);
	EXPECT_EQ(xl(3, NOSS, 0, ACC_R), S3E_TXN_OK);
	ste_abort(3);
	s3e_smmu_reset(smmu);
	w64(SMMU3_STRTAB_BASE, STRTAB_PA);
	w32(SMMU3_STRTAB_BASE_CFG, 8);
	w32(SMMU3_CR0, CR0_SMMUEN);
	EXPECT_EQ(xl(3, NOSS, 0, ACC_R), S3E_TXN_ABORT);
	case_end();
}

/* ================================================================== */
/* DMA port */

static void test_dma(void)
{
	struct s3e_txn t = { .sid = 1, .ssid = NOSS, .iova = 0x10ff0 };
	unsigned char buf[0x2000], chk[0x2000];
	unsigned long n;
	unsigned int i;

	case_begin("dma_write_read_across_pages");
	smmu_up();
	s1_stream(1, 1);
	map_page(&s1t, 0x10000, DATA_PA + 0x5000, S1_RW);
	map_page(&s1t, 0x11000, DATA_PA + 0x2000, S1_RW);
	for (i = 0; i < 0x20; i++)
		buf[i] = i + 1;
	t.access = ACC_W;
	n = s3e_smmu_dma(smmu, &t, buf, 0x20, &res);
	EXPECT_EQ(n, 0x20);
	EXPECT_EQ(res.status, S3E_TXN_OK);
	EXPECT_EQ(ram[DATA_PA - RAM_BASE + 0x5ff0], 1);
	EXPECT_EQ(ram[DATA_PA - RAM_BASE + 0x5fff], 0x10);
	EXPECT_EQ(ram[DATA_PA - RAM_BASE + 0x2000], 0x11);
	t.access = ACC_R;
	memset(chk, 0, sizeof(chk));
	n = s3e_smmu_dma(smmu, &t, chk, 0x20, &res);
	EXPECT_EQ(n, 0x20);
	EXPECT_EQ(memcmp(buf, chk, 0x20), 0);
	case_end();

	case_begin("dma_fault_mid_transfer");
	smmu_up();
	s1_stream(1, 1);
	map_page(&s1t, 0x10000, DATA_PA, S1_RW);
	t.iova = 0x10000;
	t.access = ACC_R;
	n = s3e_smmu_dma(smmu, &t, buf, 0x2000, &res);
	EXPECT_EQ(n, 0x1000);
	EXPECT_EQ(res.status, S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_F_TRANSLATION);
	EXPECT_EQ(evt_pending(), 1);
	case_end();

	case_begin("dma_not_ram_aborts");
	smmu_up();
	ste_bypass(2);
	t.sid = 2;
	t.iova = RAM_END - 0x800;
	n = s3e_smmu_dma(smmu, &t, buf, 0x1000, &res);
	EXPECT_EQ(n, 0x800);
	EXPECT_EQ(res.status, S3E_TXN_ABORT);
	EXPECT_EQ(evt_pending(), 0);
	case_end();

	case_begin("dma_zero_length");
	smmu_up();
	n = s3e_smmu_dma(smmu, &t, buf, 0, &res);
	EXPECT_EQ(n, 0);
	EXPECT_EQ(res.status, S3E_TXN_OK);
	case_end();
}

/* ================================================================== */
/* Statistics */

static void test_stats(void)
{
	case_begin("stats_counters");
	smmu_up();
	s1_stream(1, 1);
	map_page(&s1t, 0x1000, DATA_PA, S1_RW);
	map_page(&s1t, 0x2000, DATA_PA + 0x1000, S1_RW);
	xl(1, NOSS, 0x1000, ACC_R);	/* ctx miss, walk */
	xl(1, NOSS, 0x1008, ACC_R);	/* micro hit */
	xl(1, NOSS, 0x2000, ACC_R);	/* ctx hit, walk */
	xl(1, NOSS, 0x1000, ACC_R);	/* ctx hit, TLB hit */
	xl(1, NOSS, 0x9000, ACC_R);	/* walk, fault */
	EXPECT_EQ(st()->translations, 5);
	EXPECT_EQ(st()->ctx_misses, 1);
	EXPECT_EQ(st()->ctx_hits, 3);
	EXPECT_EQ(st()->utlb_hits, 1);
	EXPECT_EQ(st()->walks, 3);
	EXPECT_EQ(s3e_smmu_tlb_stats(smmu)->hits, 1);
	EXPECT_EQ(st()->faults[EVT_F_TRANSLATION], 1);
	EXPECT_EQ(st()->events, 1);
	EXPECT_EQ(st()->irqs[S3E_IRQ_EVTQ], 1);
	case_end();
}

/* ================================================================== */
/* Robustness: random registers, memory and commands */

static s3e_u64 rng_state = 0x9e3779b97f4a7c15ULL;

static s3e_u64 rnd(void)
{
	s3e_u64 x = rng_state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	rng_state = x;
	return x;
}

static const s3e_u32 fuzz_regs[] = {
	SMMU3_CR0, SMMU3_CR1, SMMU3_CR2, SMMU3_GBPA, SMMU3_IRQ_CTRL,
	SMMU3_GERRORN, SMMU3_GERROR_IRQ_CFG0, SMMU3_GERROR_IRQ_CFG0 + 4,
	SMMU3_GERROR_IRQ_CFG1, SMMU3_STRTAB_BASE, SMMU3_STRTAB_BASE + 4,
	SMMU3_STRTAB_BASE_CFG, SMMU3_CMDQ_BASE, SMMU3_CMDQ_BASE + 4,
	SMMU3_CMDQ_PROD, SMMU3_CMDQ_CONS, SMMU3_EVENTQ_BASE,
	SMMU3_EVENTQ_BASE + 4, SMMU3_EVENTQ_PROD_P1, SMMU3_EVENTQ_CONS_P1,
	SMMU3_EVENTQ_IRQ_CFG0, SMMU3_EVENTQ_IRQ_CFG1,
};

static s3e_u64 rnd_addr(void)
{
	switch (rnd() % 4) {
	case 0:
		return rnd();
	case 1:
		return RAM_BASE + (rnd() % RAM_SIZE);
	default:
		return RAM_BASE + (rnd() % 0x80000);	/* structures */
	}
}

/* Valid streams of every kind, also in a 2-level table at STRTAB_PA */
static void fuzz_setup(void)
{
	struct tree t2, t1;

	memset(ram + (STRTAB_PA - RAM_BASE), 0, 0x10000);
	memset(ram + (CD_PA - RAM_BASE), 0, 0x20000);
	memset(ram + (PT_PA - RAM_BASE), 0, pt_next - PT_PA);
	pt_next = PT_PA;
	s1_stream(1, 1);
	map_page(&s1t, 0x1000, DATA_PA, S1_RW);
	map_page(&s1t, 0x2000, DATA_PA + 0x1000, S1_RW & ~TTD_AF);
	map_block(&s1t, 0x40000000, 0x40000000, 1, S1_RW);
	ste_bypass(2);
	s2_window(&t2);
	ste_s2(3, 3, t2.base);
	tree_new(&t1, 0, IPA_BASE - RAM_BASE);
	map_page(&t1, 0x7000, ipa(DATA_PA + 0x2000), S1_RW);
	cd_write(CD_PA + 4 * 64, cd0(4) | CD_0_HA, tree_ttb(&t1));
	ste_nested(4, ipa(CD_PA + 4 * 64), 0, 0, 0, 4, t2.base);
	ste_s1(5, CD_PA, 2, 0, STE_S1DSS_SSID0);
	cd_write(CD_PA, cd0(5), tree_ttb(&s1t));
	cd_write(CD_PA + 64 * 2, cd0(6) & ~CD_0_R, tree_ttb(&s1t));
	/* 2-level: L1 descriptor 0 at STRTAB_PA + 64 * 8, SIDs 0..255 */
	wr64(STRTAB_PA + 64 * 8, STRTAB_PA | 9);
}

/* Program the registers of smmu_up() again on the existing instance */
static void fuzz_repair(void)
{
	w32(SMMU3_CR0, 0);
	w32(SMMU3_GERRORN, r32(SMMU3_GERROR));
	if (rnd() & 1) {
		w64(SMMU3_STRTAB_BASE, STRTAB_PA);
		w32(SMMU3_STRTAB_BASE_CFG, 8);
	} else {
		w64(SMMU3_STRTAB_BASE, STRTAB_PA + 64 * 8);
		w32(SMMU3_STRTAB_BASE_CFG, FP(STRTAB_BASE_CFG_FMT, 1) |
		    FP(STRTAB_BASE_CFG_SPLIT, 8) | 8);
	}
	w64(SMMU3_CMDQ_BASE, CMDQ_PA | cmdq_log2);
	w32(SMMU3_CMDQ_PROD, 0);
	w32(SMMU3_CMDQ_CONS, 0);
	w64(SMMU3_EVENTQ_BASE, EVTQ_PA | evtq_log2);
	w32(SMMU3_EVENTQ_PROD_P1, 0);
	w32(SMMU3_EVENTQ_CONS_P1, 0);
	w32(SMMU3_CR2, rnd() & 3);
	w32(SMMU3_GBPA, GBPA_UPDATE | (rnd() & GBPA_ABORT));
	w32(SMMU3_IRQ_CTRL, rnd() & 5);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
}

/* A word of the structures the setup wrote */
static s3e_u64 fuzz_struct_word(void)
{
	switch (rnd() % 3) {
	case 0:
		return STRTAB_PA + (rnd() % (9 * 64 / 8)) * 8;
	case 1:
		return CD_PA + (rnd() % (8 * 64 / 8)) * 8;
	default:
		return PT_PA + (rnd() % ((pt_next - PT_PA) / 8)) * 8;
	}
}

static const unsigned int fuzz_ops[] = {
	CMD_OP_PREFETCH_CONFIG, CMD_OP_CFGI_STE, CMD_OP_CFGI_STE_RANGE,
	CMD_OP_CFGI_CD, CMD_OP_CFGI_CD_ALL, CMD_OP_TLBI_NH_ALL,
	CMD_OP_TLBI_NH_ASID, CMD_OP_TLBI_NH_VA, CMD_OP_TLBI_NH_VAA,
	CMD_OP_TLBI_EL2_ALL, CMD_OP_TLBI_EL2_VA, CMD_OP_TLBI_S12_VMALL,
	CMD_OP_TLBI_S2_IPA, CMD_OP_TLBI_NSNH_ALL, CMD_OP_ATC_INV,
	CMD_OP_SYNC,
};

static void fuzz_cmd(void)
{
	s3e_u64 c0, c1;

	c0 = fuzz_ops[rnd() % ARRAY_SIZE(fuzz_ops)];
	c1 = rnd() & ~0xfffULL;
	switch (rnd() % 4) {
	case 0:
		c0 |= rnd() & ~0xffULL & ~(s3e_u64)CMD_0_SSEC;
		break;
	case 1:
		c0 = rnd();				/* anything */
		c1 = rnd_addr();
		break;
	default:
		c0 |= FP(CMD_0_SID, rnd() % 8) | FP(CMD_TLBI_0_ASID, rnd() % 4) |
		      FP(CMD_TLBI_0_VMID, rnd() % 6);
		if (c0 == CMD_OP_SYNC)
			c1 = rnd() & 1 ? MSI_PA : 0;
		break;
	}
	if ((c0 & 0xff) == CMD_OP_SYNC && (rnd() & 1))
		c0 = (c0 & ~CMD_SYNC_0_CS) | FP(CMD_SYNC_0_CS, CMD_SYNC_CS_IRQ);
	cmdq_shadow = r32(SMMU3_CMDQ_PROD);
	cmd_queue(c0, c1);
	if (rnd() & 1)
		cmd_queue(OP(SYNC), 0);
	cmd_publish();
}

static const s3e_u64 fuzz_iovas[] = {
	0x1000, 0x2000, 0x3000, 0x40000000, IPA_BASE + 0x800000,
	IPA_BASE + 0x1000, 0x7000,
};

static void fuzz_txn(struct s3e_txn *t)
{
	t->sid = rnd() & 3 ? rnd() % 6 : rnd() % 300;
	t->ssid = rnd() & 1 ? NOSS : rnd() % 4;
	if (rnd() % 4 == 0)
		t->ssid = (s3e_u32)rnd();
	t->iova = fuzz_iovas[rnd() % ARRAY_SIZE(fuzz_iovas)] +
		  (rnd() % 0x3000);
	if (rnd() % 4 == 0)
		t->iova = rnd_addr();
	t->access = rnd() & 7;
}

static void fuzz_round(unsigned int iters)
{
	struct s3e_txn t;
	unsigned char buf[64];
	unsigned int i, op, n;
	s3e_u64 a, e[4];

	for (i = 0; i < iters; i++) {
		op = rnd() % 32;
		switch (op) {
		case 0:
			w32(fuzz_regs[rnd() % ARRAY_SIZE(fuzz_regs)], rnd());
			break;
		case 1:
			w32((rnd() % SMMU3_MMIO_SIZE) & ~3U, rnd());
			break;
		case 2:
		case 3:
		case 4:
			/* Flip a few bits of a structure */
			a = fuzz_struct_word();
			for (n = rnd() % 3 + 1; n; n--)
				wr64(a, rd64(a) ^ BIT(rnd() % 64));
			break;
		case 5:
			wr64(fuzz_struct_word(), rnd() & (rnd() | 0xffffffffULL));
			break;
		case 6:
			a = RAM_BASE + ((rnd() % 0x80000) & ~7ULL);
			wr64(a, rnd());
			break;
		case 7:
		case 8:
		case 9:
			fuzz_cmd();
			break;
		case 10:
			w32(SMMU3_GERRORN, r32(SMMU3_GERROR));
			break;
		case 11:
			if (rnd() % 8)
				break;
			if (rnd() % 64 == 0)
				s3e_smmu_reset(smmu);
			if (rnd() & 1)
				fuzz_setup();
			fuzz_repair();
			break;
		case 12:
		case 13:
			fuzz_txn(&t);
			s3e_smmu_dma(smmu, &t, buf, rnd() % sizeof(buf), &res);
			break;
		default:
			fuzz_txn(&t);
			s3e_smmu_translate(smmu, &t, &res);
			if (res.status > S3E_TXN_ABORT ||
			    (res.status == S3E_TXN_OK && !res.len) ||
			    (res.status == S3E_TXN_FAULT &&
			     (!res.event || res.event >= S3E_NR_EVENT_TYPES)))
				expect_fail(__LINE__, "result", res.status, 0);
			break;
		}
		(void)r32((rnd() % SMMU3_MMIO_SIZE) & ~3U);
		if (rnd() % 4 == 0)
			evt_pop(e);
	}
}

static void test_fuzz(void)
{
	const struct s3e_smmu_stats *sp;
	unsigned int round;

	for (round = 0; round < 8; round++) {
		case_begin("fuzz_round_%u", round);
		cmdq_log2 = 4 + round % 3;
		evtq_log2 = round % 4;
		cfg.stages = round < 6 ? 3 : 1 + round % 2;
		cfg.tlb_entries = 16 << round;
		cfg.cfgc_entries = 8 << round;
		if (round & 1)
			host.read64 = NULL;
		smmu_up();
		fuzz_setup();
		fuzz_round(60000);
		sp = st();
		/* The loop reached the interesting paths */
		EXPECT_EQ(sp->walks > 100, 1);
		EXPECT_EQ(sp->syncs > 100, 1);
		EXPECT_EQ(sp->events > 100, 1);
		case_end();
	}
}

/* ================================================================== */
/* Benchmark */

#define BENCH_REPS	9
#define BENCH_HITS	10000000ULL
#define BENCH_MISSES	500000ULL

static s3e_u64 sink;

/* Map 1 GiB of VA from 0x40000000 with 4K pages through one L3 table */
static void bench_s1_window(struct tree *t, s3e_u64 va, unsigned int n2m,
			    s3e_u64 ofs)
{
	s3e_u64 l3 = pt_alloc(SZ_4K), i;

	for (i = 0; i < 512; i++)
		wr64(l3 + i * 8, (DATA_PA + (i % 256) * SZ_4K + ofs) | S1_RW |
		     TTD_TABLE | TTD_VALID);
	for (i = 0; i < n2m; i++)
		tree_set(t, va + i * SZ_2M, 2,
			 (l3 + ofs) | TTD_TABLE | TTD_VALID);
}

/*
 * Translate @n addresses of stream 1, number i at
 * @base + (((@start + i * @stride) & @mask) << @shift); return ns each
 */
static double bench_loop(s3e_u64 n, s3e_u64 base, s3e_u64 start,
			 s3e_u64 mask, unsigned int shift, s3e_u64 stride)
{
	struct s3e_txn t = { .sid = 1, .ssid = NOSS, .access = ACC_R };
	struct s3e_txn_result r;
	double t0;
	s3e_u64 i;

	t0 = now_ns();
	for (i = 0; i < n; i++) {
		t.iova = base + (((start + i * stride) & mask) << shift);
		s3e_smmu_translate(smmu, &t, &r);
		sink += r.pa;
	}
	if (r.status != S3E_TXN_OK)
		printf("bench bug: translation failed (%u)\n", r.event);
	return (now_ns() - t0) / n;
}

static double best_of(double *v)
{
	double b = v[0];
	int i;

	for (i = 1; i < BENCH_REPS; i++)
		if (v[i] < b)
			b = v[i];
	return b;
}

/*
 * One 256 KiB transfer at @xva: 64 pages read with 64 bursts of 64
 * bytes, one translation each, then one TLBI_NH_VA per page and a
 * CMD_SYNC, as Linux unmaps without range invalidation
 */
static void stream_xfer(s3e_u64 xva)
{
	struct s3e_txn t = { .sid = 1, .ssid = NOSS, .access = ACC_R };
	struct s3e_txn_result r;
	unsigned int p, burst;

	for (p = 0; p < 64; p++) {
		for (burst = 0; burst < 64; burst++) {
			t.iova = xva + p * SZ_4K + burst * 64;
			s3e_smmu_translate(smmu, &t, &r);
			sink += r.pa;
		}
	}
	cmdq_shadow = r32(SMMU3_CMDQ_PROD);
	for (p = 0; p < 64; p++)
		cmd_queue(OP(TLBI_NH_VA) | FP(CMD_TLBI_0_ASID, 1),
			  xva + p * SZ_4K);
	cmd_queue(OP(SYNC), 0);
	cmd_publish();
}

static int bench(void)
{
	double v[BENCH_REPS], t0;
	struct tree t2, t1;
	s3e_u64 n, w, walks0, x;
	unsigned int rep, pass, xfer;
	unsigned long mem;

	printf("(each figure: best of %d runs)\n", BENCH_REPS);
	case_reset();
	smmu_up();
	s1_stream(1, 1);
	bench_s1_window(&s1t, 0x40000000ULL, 512, 0);

	/* 1. Hits on one page: decoded context + last-translation entry */
	bench_loop(1, 0x40005000, 0, 0, 0, 0);
	for (rep = 0; rep < BENCH_REPS; rep++)
		v[rep] = bench_loop(BENCH_HITS, 0x40005000, 0, 0xfc, 4, 1);
	printf("translate, TLB hit, same 4K page ");
	printf("(decoded context + last-translation entry): %.2f ns\n",
	       best_of(v));

	/* 2. Hits, the page changing every access (64 resident pages) */
	bench_loop(64, 0x40000000, 0, 63, 12, 1);
	for (rep = 0; rep < BENCH_REPS; rep++)
		v[rep] = bench_loop(BENCH_HITS / 4, 0x40000040, 0, 63, 12, 7);
	printf("translate, TLB hit, page changes every access ");
	printf("(64 pages): %.2f ns\n", best_of(v));

	/* 3. Misses: 262144 pages cycled through a 1024-entry TLB */
	walks0 = st()->walks;
	for (rep = 0; rep < BENCH_REPS; rep++)
		v[rep] = bench_loop(BENCH_MISSES, 0x40000000,
				    rep * BENCH_MISSES, 0x3ffff, 12, 1);
	printf("translate, S1 4K 4-level TLB miss (walk + TLB insert): ");
	printf("%.2f ns (%llu walks for %llu translations)\n", best_of(v),
	       (unsigned long long)(st()->walks - walks0),
	       (unsigned long long)BENCH_MISSES * BENCH_REPS);

	/* 4. Nested misses: S1 4-level at IPAs, S2 4K 3-level pages */
	case_reset();
	smmu_up();
	tree_new(&t2, 1, 0);
	for (x = 0; x < RAM_SIZE; x += SZ_4K)
		map_page(&t2, IPA_BASE + x, RAM_BASE + x, S2_RW);
	tree_new(&t1, 0, IPA_BASE - RAM_BASE);
	bench_s1_window(&t1, 0x40000000ULL, 512, IPA_BASE - RAM_BASE);
	cd_write(CD_PA + 64, cd0(1), tree_ttb(&t1));
	ste_nested(1, ipa(CD_PA + 64), 0, 0, 0, 1, t2.base);
	walks0 = st()->walks;
	for (rep = 0; rep < BENCH_REPS; rep++)
		v[rep] = bench_loop(BENCH_MISSES / 2, 0x40000000,
				    rep * BENCH_MISSES / 2, 0x3ffff, 12, 1);
	printf("translate, nested S1 4K 4-level + S2 4K 3-level TLB miss: ");
	printf("%.2f ns (%llu walks for %llu translations)\n", best_of(v),
	       (unsigned long long)(st()->walks - walks0),
	       (unsigned long long)BENCH_MISSES / 2 * BENCH_REPS);

	/*
	 * 5. Streaming DMA: a 64 MiB IOVA buffer (S1, 4K pages, aliased
	 * onto 1 MiB of RAM) transferred 4 times in 256 KiB transfers
	 * (stream_xfer()).
	 */
	for (rep = 0; rep < BENCH_REPS; rep++) {
		case_reset();
		smmu_up();
		s1_stream(1, 1);
		bench_s1_window(&s1t, 0x100000000ULL, 32, 0);
		t0 = now_ns();
		for (pass = 0; pass < 4; pass++)
			for (xfer = 0; xfer < 256; xfer++)
				stream_xfer(0x100000000ULL + xfer * 0x40000ULL);
		n = st()->translations;
		v[rep] = (now_ns() - t0) / n;
	}
	w = st()->walks;
	printf("streaming DMA: 64 MiB S1 buffer, 4K pages, ");
	printf("256 KiB transfers of 64 x 64-byte bursts per page, ");
	printf("TLBI_NH_VA per page + CMD_SYNC after each transfer, ");
	printf("4 passes\n");
	printf("  %llu translations, %llu walks: hit rate %.2f%% ",
	       (unsigned long long)n, (unsigned long long)w,
	       100.0 * (n - w) / n);
	printf("(last-translation entry %.2f%%), ",
	       100.0 * st()->utlb_hits / n);
	printf("%.2f ns per burst incl. walks and commands\n", best_of(v));

	/* 6. Memory of an instance with the defaults */
	case_reset();
	alloc_bytes = 0;
	smmu_new();
	mem = s3e_smmu_mem_size(smmu);
	printf("instance memory, defaults (TLB %u, config cache %u, ",
	       cfg.tlb_entries, cfg.cfgc_entries);
	printf("256 decoded contexts): %lu bytes (%.1f KiB); ", mem,
	       mem / 1024.0);
	printf("host allocations %lu bytes\n", alloc_bytes);
	case_reset();
	return sink == 0x12345 ? 1 : 0;
}

int main(int argc, char **argv)
{
	ram = calloc(1, RAM_SIZE);
	if (!ram)
		return 2;
	s3e_smmu_config_default(&cfg);
	if (argc > 1 && !strcmp(argv[1], "--bench")) {
		int rc = bench();

		free(ram);
		return rc;
	}

	test_idr();
	test_create();
	test_reset_values();
	test_cr0();
	test_gbpa();
	test_gerror();
	test_readonly_while_enabled();
	test_reg_access();
	test_cmdq();
	test_cmd_illegal();
	test_sync();
	test_evtq();
	test_strtab();
	test_strtab_2lvl();
	test_bad_ste();
	test_cd();
	test_substreams();
	test_bad_cd();
	test_s1();
	test_s1_faults();
	test_s2_nested();
	test_regimes();
	test_tlbi_s1();
	test_tlbi_s2();
	test_cfgi();
	test_dma();
	test_stats();
	test_fuzz();

	case_reset();
	free(ram);
	return case_summary();
}
