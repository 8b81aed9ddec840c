// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target of the emulated SMMUv3 (drivers/emu/core/smmu.h).
 *
 * The input is a program for a guest: it fills a small guest RAM, then
 * drives the device through its registers, command queue, in-memory tables
 * and client transactions.  Layout (multi-byte operands little-endian; an
 * input that ends early reads as zeroes, and the program stops there):
 *
 *   byte 0      TLB and configuration cache capacities (small ones evict
 *               all the time), stages present
 *   byte 1      SID and SSID sizes, command and event queue sizes
 *   byte 2      host options: 1: no read64 callback (the core reads
 *               descriptors with read), 2: no cmpxchg64 (no hardware
 *               access flag or dirty state updates); bits 4:2: the
 *               command budget (0: none), the rest consumed by
 *               OP_CMDQ_RUN; bit 5: strict mode; bits 7:6: SMMU_IDR0.HTTU
 *               0b01 (0), 0b10 (1), 0b00 (2), 0b01 (3)
 *   byte 3      offset of the RAM chunk, in 256-byte units
 *   byte 4      length of the RAM chunk, in 64-byte units
 *   ...         the RAM chunk
 *   ...         operations, an opcode byte (enum fuzz_op) and its operands
 *
 * Guest RAM is RAM_SIZE bytes at RAM_BASE; any other physical address is
 * not RAM, and the host callbacks fail there.  OP_SETUP builds in one step
 * an enabled SMMU whose stream table, queues, context descriptors and
 * stage-1/stage-2 tables are in RAM (see setup()), so that the fuzzer gets
 * to commands, walks and faults at once and spends its time mutating
 * registers, table words and transactions from there.
 *
 * Oracles: ASan and UBSan, the hang timeout, the leak checker, and the
 * contracts of smmu.h on every result (CHECK()).
 *
 * Build and run: make fuzz (FUZZ_TIME seconds), make fuzz-smoke.  The
 * Makefile defines FUZZ_ENTRY and FUZZ_INIT as libFuzzer's entry points,
 * LLVMFuzzerTestOneInput and LLVMFuzzerInitialize, whose CamelCase names
 * checkpatch would refuse here.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smmu.h"

#define RAM_BASE	0x80000000ULL
#define RAM_SIZE	0x10000U

/* Layout of RAM built by OP_SETUP (offsets from RAM_BASE) */
#define L_STRTAB	0x0000	/* 32 STEs, linear */
#define L_CD		0x0800	/* 16 CDs, linear */
#define L_CD_L1		0x0c00	/* level 1 of a two-level CD table */
#define L_ST_L1		0x0e00	/* level 1 of a two-level stream table */
#define L_CMDQ		0x1000	/* 2^7 commands */
#define L_EVTQ		0x1800	/* 2^6 events */
#define L_S1_L1		0x2000	/* stage 1, 4K granule, 39-bit VA */
#define L_S1_L2		0x3000
#define L_S1_L3		0x4000
#define L_S2_L1		0x5000	/* stage 2, 4K granule, 39-bit IPA */
#define L_S2_L2		0x6000
#define L_S2_L3		0x7000
#define L_DATA		0x8000	/* pages that DMA moves data in and out of */
#define L_MSI		0xfff0	/* CMD_SYNC MSI target */

#define STRTAB_LOG2	5
#define CMDQ_LOG2	7
#define EVTQ_LOG2	6
#define CD_LOG2		4

#define MAX_OPS		512
#define MAX_DMA		0x6000

#define CHECK(cond)							\
	do {								\
		if (!(cond)) {						\
			fprintf(stderr, "%s:%d: CHECK(%s) failed\n",	\
				__FILE__, __LINE__, #cond);		\
			abort();					\
		}							\
	} while (0)

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static s3e_u8 ram[RAM_SIZE];
static unsigned long allocated;
static s3e_u64 irqs;

/* ------------------------------------------------------------------ */
/* Host services */

static int ram_range(s3e_u64 pa, unsigned long len)
{
	return pa >= RAM_BASE && len <= RAM_SIZE &&
	       pa - RAM_BASE <= RAM_SIZE - len;
}

static int host_read(void *ctx, s3e_u64 pa, void *buf, unsigned long len)
{
	(void)ctx;
	if (!ram_range(pa, len))
		return -1;
	memcpy(buf, ram + (pa - RAM_BASE), len);
	return 0;
}

static int host_write(void *ctx, s3e_u64 pa, const void *buf,
		      unsigned long len)
{
	(void)ctx;
	if (!ram_range(pa, len))
		return -1;
	memcpy(ram + (pa - RAM_BASE), buf, len);
	return 0;
}

static int host_read64(void *ctx, s3e_u64 pa, s3e_u64 *val)
{
	(void)ctx;
	/* The core promises aligned descriptor reads */
	CHECK(!(pa & 7));
	if (!ram_range(pa, 8))
		return -1;
	memcpy(val, ram + (pa - RAM_BASE), 8);
	return 0;
}

static int host_cmpxchg64(void *ctx, s3e_u64 pa, s3e_u64 old,
			  s3e_u64 newval)
{
	s3e_u64 cur;

	(void)ctx;
	if ((pa & 7) || !ram_range(pa, 8))
		return -1;
	memcpy(&cur, ram + (pa - RAM_BASE), 8);
	if (cur != old)
		return 1;
	memcpy(ram + (pa - RAM_BASE), &newval, 8);
	return 0;
}

static void host_irq(void *ctx, unsigned int line)
{
	(void)ctx;
	CHECK(line < S3E_IRQ_NR);
	irqs++;
}

static void *host_alloc(void *ctx, unsigned long size)
{
	void *p = calloc(1, size);

	(void)ctx;
	if (p)
		allocated += size;
	return p;
}

static void host_free(void *ctx, void *p)
{
	(void)ctx;
	free(p);
}

static struct s3e_host host = {
	.read = host_read,
	.write = host_write,
	.cmpxchg64 = host_cmpxchg64,
	.irq = host_irq,
	.alloc = host_alloc,
	.free = host_free,
	.read64 = host_read64,
};

static void ram_put64(s3e_u32 off, s3e_u64 val)
{
	if (off <= RAM_SIZE - 8)
		memcpy(ram + off, &val, 8);
}

/* ------------------------------------------------------------------ */
/* Input */

struct input {
	const s3e_u8 *p;
	size_t left;
	int ended;
};

static s3e_u64 take(struct input *in, unsigned int bytes)
{
	s3e_u64 v = 0;
	unsigned int i;

	for (i = 0; i < bytes; i++) {
		if (!in->left) {
			in->ended = 1;
			break;
		}
		v |= (s3e_u64)*in->p++ << (8 * i);
		in->left--;
	}
	return v;
}

static unsigned int take8(struct input *in)
{
	return (unsigned int)take(in, 1);
}

/* ------------------------------------------------------------------ */
/* Registers */

static const s3e_u32 reg_offsets[] = {
	SMMU3_IDR0, SMMU3_IDR1, SMMU3_IDR2, SMMU3_IDR3, SMMU3_IDR4,
	SMMU3_IDR5, SMMU3_IIDR, SMMU3_AIDR, SMMU3_CR0, SMMU3_CR0ACK,
	SMMU3_CR1, SMMU3_CR2, SMMU3_STATUSR, SMMU3_GBPA, SMMU3_IRQ_CTRL,
	SMMU3_IRQ_CTRLACK, SMMU3_GERROR, SMMU3_GERRORN,
	SMMU3_GERROR_IRQ_CFG0, SMMU3_GERROR_IRQ_CFG0 + 4,
	SMMU3_GERROR_IRQ_CFG1, SMMU3_GERROR_IRQ_CFG2,
	SMMU3_STRTAB_BASE, SMMU3_STRTAB_BASE + 4, SMMU3_STRTAB_BASE_CFG,
	SMMU3_CMDQ_BASE, SMMU3_CMDQ_BASE + 4, SMMU3_CMDQ_PROD,
	SMMU3_CMDQ_CONS, SMMU3_EVENTQ_BASE, SMMU3_EVENTQ_BASE + 4,
	SMMU3_EVENTQ_PROD, SMMU3_EVENTQ_CONS, SMMU3_EVENTQ_IRQ_CFG0,
	SMMU3_EVENTQ_IRQ_CFG0 + 4, SMMU3_EVENTQ_IRQ_CFG1,
	SMMU3_EVENTQ_IRQ_CFG2, SMMU3_PRIQ_BASE, SMMU3_PRIQ_BASE + 4,
	SMMU3_PRIQ_PROD, SMMU3_PRIQ_CONS, SMMU3_PRIQ_IRQ_CFG0,
	SMMU3_PRIQ_IRQ_CFG1, SMMU3_PRIQ_IRQ_CFG2, SMMU3_EVENTQ_PROD_P1,
	SMMU3_EVENTQ_CONS_P1, SMMU3_PRIQ_PROD_P1, SMMU3_PRIQ_CONS_P1,
	SMMU3_IDREGS, SMMU3_IDREGS + 0x2c,
};

/* A register offset: mostly a real one, else any (unaligned, too big) */
static s3e_u32 take_reg(struct input *in)
{
	unsigned int sel = take8(in);

	if (sel < ARRAY_SIZE(reg_offsets) * 3)
		return reg_offsets[sel % ARRAY_SIZE(reg_offsets)];
	return (s3e_u32)take(in, 3);
}

/* Effective log2 size of a queue: BASE.LOG2SIZE capped by IDR1 */
static unsigned int q_log2(struct s3e_smmu *s, s3e_u32 base_reg,
			   s3e_u64 idr1_field)
{
	unsigned int log2 = s3e_smmu_read64(s, base_reg) & Q_BASE_LOG2SIZE;
	unsigned int max = s3e_field_get(idr1_field,
					  s3e_smmu_read32(s, SMMU3_IDR1));

	return log2 < max ? log2 : max;
}

/*
 * Write commands at the command queue's PROD, where the registers say the
 * queue is, then publish them with one PROD write.
 */
static void cmdq_push(struct s3e_smmu *s, const s3e_u64 *cmds,
		      unsigned int n)
{
	s3e_u64 base = s3e_smmu_read64(s, SMMU3_CMDQ_BASE) & Q_BASE_ADDR;
	unsigned int log2 = q_log2(s, SMMU3_CMDQ_BASE, IDR1_CMDQS);
	s3e_u32 prod = s3e_smmu_read32(s, SMMU3_CMDQ_PROD);
	s3e_u32 mask = (2U << log2) - 1;
	unsigned int i;

	for (i = 0; i < n; i++) {
		s3e_u64 pa = base + (s3e_u64)(prod & ((1U << log2) - 1)) *
			      CMDQ_ENT_DWORDS * 8;

		host_write(NULL, pa, &cmds[2 * i], 16);
		prod = (prod + 1) & mask;
	}
	s3e_smmu_write32(s, SMMU3_CMDQ_PROD, prod);
}

/*
 * Read the pending event records and consume them.  Their contents are not
 * checked: the guest may have set PROD itself (while EVENTQEN = 0) or
 * written over the queue.
 */
static void evtq_drain(struct s3e_smmu *s)
{
	s3e_u64 base = s3e_smmu_read64(s, SMMU3_EVENTQ_BASE) & Q_BASE_ADDR;
	unsigned int log2 = q_log2(s, SMMU3_EVENTQ_BASE, IDR1_EVENTQS);
	s3e_u32 prod = s3e_smmu_read32(s, SMMU3_EVENTQ_PROD_P1);
	s3e_u32 cons = s3e_smmu_read32(s, SMMU3_EVENTQ_CONS_P1);
	s3e_u32 mask = (2U << log2) - 1, n;
	s3e_u64 evt[EVTQ_ENT_DWORDS];

	for (n = 0; n <= mask && (cons & mask) != (prod & mask); n++) {
		s3e_u64 pa = base + (s3e_u64)(cons & ((1U << log2) - 1)) *
			      EVTQ_ENT_DWORDS * 8;

		host_read(NULL, pa, evt, sizeof(evt));
		cons = (cons & Q_OVF) | ((cons + 1) & mask);
	}
	/* Acknowledge an overflow along with the records */
	cons = (cons & mask) | (prod & Q_OVF);
	s3e_smmu_write32(s, SMMU3_EVENTQ_CONS_P1, cons);
}

/* ------------------------------------------------------------------ */
/* OP_SETUP: a working SMMU with its structures in RAM */

#define PTE_VALID	SMMU3_BIT(0)
#define PTE_TABLE	SMMU3_BIT(1)	/* or page, at the last level */
#define PTE_AF		SMMU3_BIT(10)
#define PTE_NG		SMMU3_BIT(11)
#define PTE_DBM		SMMU3_BIT(51)
#define PTE_S1_AP_EL0	SMMU3_BIT(6)
#define PTE_S1_AP_RO	SMMU3_BIT(7)
#define PTE_S1_ATTR1	SMMU3_BIT(2)	/* AttrIndx 1 */
#define PTE_S2_READ	SMMU3_BIT(6)
#define PTE_S2_WRITE	SMMU3_BIT(7)
#define PTE_S2_NORMAL	(0xfULL << 2)	/* MemAttr: normal write-back */
#define PTE_SH_ISH	(3ULL << 8)

static s3e_u64 s1_page(s3e_u64 pa, unsigned int i)
{
	s3e_u64 d = pa | PTE_VALID | PTE_TABLE | PTE_AF | PTE_SH_ISH |
		     PTE_S1_ATTR1 | PTE_S1_AP_EL0;

	switch (i % 5) {
	case 1:
		d |= PTE_S1_AP_RO;
		if (i % 10 == 6)	/* writable-clean: HD makes it dirty */
			d |= PTE_DBM;
		break;
	case 2:
		d &= ~PTE_AF;		/* access flag fault, or HA sets it */
		break;
	case 3:
		d |= PTE_NG;
		break;
	case 4:
		d &= ~PTE_S1_AP_EL0;	/* privileged only */
		break;
	}
	return d;
}

static s3e_u64 s2_page(s3e_u64 pa, unsigned int i)
{
	s3e_u64 d = pa | PTE_VALID | PTE_TABLE | PTE_AF | PTE_SH_ISH |
		     PTE_S2_NORMAL | PTE_S2_READ | PTE_S2_WRITE;

	if (i == 9)
		d &= ~PTE_S2_WRITE;
	if (i == 11)		/* writable-clean: S2HD makes it dirty */
		d = (d & ~PTE_S2_WRITE) | PTE_DBM;
	if (i == 10)
		d &= ~PTE_AF;
	return d;
}

/*
 * Stage 1: VA 0 .. 64K in 4K pages onto RAM (tables and queues included,
 * so that DMA can corrupt them), a 2M block at VA 2M and a 1G block at VA
 * 1G onto RAM_BASE (mostly not RAM).  Stage 2: IPA RAM_BASE .. + 64K onto
 * itself, so that the stage-1 tables and outputs of nested streams are
 * found through it, and a 2M block at IPA RAM_BASE + 2M onto RAM_BASE.
 */
static void setup_tables(void)
{
	unsigned int i;

	ram_put64(L_S1_L1 + 0 * 8, RAM_BASE + L_S1_L2 | PTE_VALID | PTE_TABLE);
	ram_put64(L_S1_L1 + 1 * 8, RAM_BASE | PTE_VALID | PTE_AF |
		  PTE_S1_ATTR1 | PTE_S1_AP_EL0);
	ram_put64(L_S1_L2 + 0 * 8, RAM_BASE + L_S1_L3 | PTE_VALID | PTE_TABLE);
	ram_put64(L_S1_L2 + 1 * 8, RAM_BASE | PTE_VALID | PTE_AF |
		  PTE_S1_ATTR1 | PTE_S1_AP_EL0 | PTE_NG);
	for (i = 0; i < RAM_SIZE / 4096; i++)
		ram_put64(L_S1_L3 + i * 8, s1_page(RAM_BASE + i * 4096ULL, i));

	/* IPA RAM_BASE: level-1 index 2, level-2 index 0 */
	ram_put64(L_S2_L1 + 2 * 8, RAM_BASE + L_S2_L2 | PTE_VALID | PTE_TABLE);
	ram_put64(L_S2_L2 + 0 * 8, RAM_BASE + L_S2_L3 | PTE_VALID | PTE_TABLE);
	ram_put64(L_S2_L2 + 1 * 8, RAM_BASE | PTE_VALID | PTE_AF |
		  PTE_S2_NORMAL | PTE_S2_READ | PTE_S2_WRITE);
	for (i = 0; i < RAM_SIZE / 4096; i++)
		ram_put64(L_S2_L3 + i * 8, s2_page(RAM_BASE + i * 4096ULL, i));
}

/* CD @i: 39-bit VA through the stage-1 tables; variations by index */
static void setup_cd(unsigned int i, unsigned int flags)
{
	s3e_u64 cd[CD_DWORDS] = { 0 };

	cd[0] = s3e_field_prep(CD_0_T0SZ, 25) |
		s3e_field_prep(CD_0_TG0, CD_TG0_4K) |
		s3e_field_prep(CD_0_IR0, 1) | s3e_field_prep(CD_0_OR0, 1) |
		s3e_field_prep(CD_0_SH0, 3) | CD_0_EPD1 | CD_0_V |
		s3e_field_prep(CD_0_IPS, PS_48) | CD_0_AA64 | CD_0_R | CD_0_A |
		s3e_field_prep(CD_0_ASID, i + 1);
	if (i & 1 || flags & 1)
		cd[0] |= CD_0_HA;
	if ((i & 3) == 3)
		cd[0] |= CD_0_HD;
	if (i % 4 == 2)
		cd[0] |= CD_0_TBI0;
	if (i % 8 == 5)
		cd[0] |= CD_0_WXN | CD_0_PAN;
	if (i % 6 == 4) {
		/* 48-bit VA: the level-1 table is walked as level 0 */
		cd[0] &= ~CD_0_T0SZ;
		cd[0] |= s3e_field_prep(CD_0_T0SZ, 16);
	}
	if (i == 13)
		cd[0] = (cd[0] & ~CD_0_TG0) | s3e_field_prep(CD_0_TG0,
							      CD_TG0_16K);
	if (i == 14)
		cd[0] = (cd[0] & ~CD_0_TG0) | s3e_field_prep(CD_0_TG0,
							      CD_TG0_64K);
	if (i == 15)
		cd[0] &= ~CD_0_V;
	cd[1] = (RAM_BASE + L_S1_L1) & CD_1_TTB0;
	cd[3] = 0x44ff;		/* MAIR: 0 normal WB, 1 normal NC */
	memcpy(ram + L_CD + i * CD_SIZE, cd, sizeof(cd));
}

/*
 * STE @sid, by sid % 8: bypass, stage 1 with 16 substreams, stage 2,
 * nested, abort, stage 1 with one CD, invalid, stage 1 in the EL2 regime.
 */
static void setup_ste(unsigned int sid, unsigned int stages,
		      unsigned int flags)
{
	s3e_u64 ste[STE_DWORDS] = { 0 };
	unsigned int kind = sid % 8, config;
	int s1 = 0, s2 = 0;

	switch (kind) {
	case 0:
		config = STE_CONFIG_BYPASS;
		break;
	case 2:
		config = STE_CONFIG_S2;
		s2 = 1;
		break;
	case 3:
		config = STE_CONFIG_NESTED;
		s1 = 1;
		s2 = 1;
		break;
	case 4:
	case 6:
		config = STE_CONFIG_ABORT;
		break;
	default:
		config = STE_CONFIG_S1;
		s1 = 1;
		break;
	}
	/* Keep to the stages the SMMU has, or the STE is ILLEGAL */
	if ((s1 && !(stages & S3E_STAGE1)) || (s2 && !(stages & S3E_STAGE2))) {
		config = STE_CONFIG_BYPASS;
		s1 = 0;
		s2 = 0;
	}
	ste[0] = (kind == 6 ? 0 : STE_0_V) |
		 s3e_field_prep(STE_0_CONFIG, config);
	if (s1) {
		ste[0] |= (RAM_BASE + L_CD) & STE_0_S1CONTEXTPTR;
		if (kind != 5 && flags & 32)
			ste[0] = (ste[0] & ~STE_0_S1CONTEXTPTR) |
				 ((RAM_BASE + L_CD_L1) & STE_0_S1CONTEXTPTR) |
				 s3e_field_prep(STE_0_S1FMT,
						STE_S1FMT_2LVL_4K) |
				 s3e_field_prep(STE_0_S1CDMAX, 8);
		else if (kind != 5)
			ste[0] |= s3e_field_prep(STE_0_S1FMT,
						 STE_S1FMT_LINEAR) |
				  s3e_field_prep(STE_0_S1CDMAX, CD_LOG2);
		ste[1] = s3e_field_prep(STE_1_S1DSS, sid & 8 ?
					STE_S1DSS_SSID0 : STE_S1DSS_BYPASS) |
			 s3e_field_prep(STE_1_S1CIR, STE_S1C_WBRA) |
			 s3e_field_prep(STE_1_S1COR, STE_S1C_WBRA) |
			 s3e_field_prep(STE_1_S1CSH, 3);
		if (kind == 7)
			ste[1] |= s3e_field_prep(STE_1_STRW, STE_STRW_EL2);
	}
	ste[1] |= s3e_field_prep(STE_1_SHCFG, STE_SHCFG_INCOMING);
	if (s2) {
		ste[2] = s3e_field_prep(STE_2_S2VMID, sid + 1) |
			 s3e_field_prep(STE_2_S2T0SZ, 25) |
			 s3e_field_prep(STE_2_S2SL0, 1) |
			 s3e_field_prep(STE_2_S2IR0, 1) |
			 s3e_field_prep(STE_2_S2OR0, 1) |
			 s3e_field_prep(STE_2_S2SH0, 3) |
			 s3e_field_prep(STE_2_S2TG, S2TG_4K) |
			 s3e_field_prep(STE_2_S2PS, PS_48) | STE_2_S2AA64 |
			 STE_2_S2R | (sid & 16 ? STE_2_S2HA : 0) |
			 ((sid & 48) == 48 ? STE_2_S2HD : 0);
		ste[3] = (RAM_BASE + L_S2_L1) & STE_3_S2TTB;
		/* Other granules over the same tables: mostly faults */
		if (sid & 16 && kind == 2)
			ste[2] = (ste[2] & ~(STE_2_S2TG | STE_2_S2SL0)) |
				 s3e_field_prep(STE_2_S2TG, S2TG_16K) |
				 s3e_field_prep(STE_2_S2SL0, 2);
		if (sid & 16 && kind == 3)
			ste[2] = (ste[2] & ~STE_2_S2TG) |
				 s3e_field_prep(STE_2_S2TG, S2TG_64K);
	}
	memcpy(ram + L_STRTAB + sid * STE_SIZE, ste, sizeof(ste));
}

/*
 * Two-level tables over the same structures.  Stream table: SPLIT 6, four
 * level-1 descriptors: StreamIDs 0-31 and 64-95 reach the 32 STEs, 128-191
 * have none, 192-255 are not RAM.  CD tables: 4K leaves (64 CDs), four
 * descriptors: SubstreamIDs 32-47 reach the 16 CDs (the STEs serve as CDs
 * 0-31), 64-127 the data pages, 128-191 none, 192-255 are not RAM.
 */
static void setup_two_level(void)
{
	ram_put64(L_ST_L1 + 0, (RAM_BASE + L_STRTAB) |
		  s3e_field_prep(STRTAB_L1_DESC_SPAN, STRTAB_LOG2 + 1));
	ram_put64(L_ST_L1 + 8, (RAM_BASE + L_STRTAB) |
		  s3e_field_prep(STRTAB_L1_DESC_SPAN, STRTAB_LOG2 + 1));
	ram_put64(L_ST_L1 + 16, 0);
	ram_put64(L_ST_L1 + 24, (RAM_BASE + RAM_SIZE) |
		  s3e_field_prep(STRTAB_L1_DESC_SPAN, 7));
	ram_put64(L_CD_L1 + 0, RAM_BASE | CD_L1_DESC_V);
	ram_put64(L_CD_L1 + 8, (RAM_BASE + L_DATA) | CD_L1_DESC_V);
	ram_put64(L_CD_L1 + 16, 0);
	ram_put64(L_CD_L1 + 24, (RAM_BASE + 2 * RAM_SIZE) | CD_L1_DESC_V);
}

/*
 * @flags: 1: HA in every CD; 2: MSIs into RAM; 4: CR2.E2H; 8: GBPA.ABORT;
 * 16: leave SMMUEN clear (queues only); 32: two-level CD tables; 64:
 * two-level stream table
 */
static void setup(struct s3e_smmu *s, unsigned int stages, unsigned int flags)
{
	unsigned int i;

	s3e_smmu_write32(s, SMMU3_CR0, 0);
	setup_tables();
	for (i = 0; i < 1U << CD_LOG2; i++)
		setup_cd(i, flags);
	for (i = 0; i < 1U << STRTAB_LOG2; i++)
		setup_ste(i, stages, flags);
	setup_two_level();
	memset(ram + L_CMDQ, 0, 16U << CMDQ_LOG2);
	memset(ram + L_EVTQ, 0, 32U << EVTQ_LOG2);

	if (flags & 64) {
		s3e_smmu_write64(s, SMMU3_STRTAB_BASE, RAM_BASE + L_ST_L1);
		s3e_smmu_write32(s, SMMU3_STRTAB_BASE_CFG,
				 s3e_field_prep(STRTAB_BASE_CFG_FMT,
						STRTAB_BASE_CFG_FMT_2LVL) |
				 s3e_field_prep(STRTAB_BASE_CFG_SPLIT, 6) |
				 s3e_field_prep(STRTAB_BASE_CFG_LOG2SIZE, 8));
	} else {
		s3e_smmu_write64(s, SMMU3_STRTAB_BASE, RAM_BASE + L_STRTAB);
		s3e_smmu_write32(s, SMMU3_STRTAB_BASE_CFG,
				 s3e_field_prep(STRTAB_BASE_CFG_FMT,
						STRTAB_BASE_CFG_FMT_LINEAR) |
				 s3e_field_prep(STRTAB_BASE_CFG_LOG2SIZE,
						STRTAB_LOG2));
	}
	s3e_smmu_write64(s, SMMU3_CMDQ_BASE, (RAM_BASE + L_CMDQ) | CMDQ_LOG2);
	s3e_smmu_write32(s, SMMU3_CMDQ_PROD, 0);
	s3e_smmu_write32(s, SMMU3_CMDQ_CONS, 0);
	s3e_smmu_write64(s, SMMU3_EVENTQ_BASE, (RAM_BASE + L_EVTQ) | EVTQ_LOG2);
	s3e_smmu_write32(s, SMMU3_EVENTQ_PROD_P1, 0);
	s3e_smmu_write32(s, SMMU3_EVENTQ_CONS_P1, 0);
	s3e_smmu_write32(s, SMMU3_IRQ_CTRL, 0);
	s3e_smmu_write64(s, SMMU3_EVENTQ_IRQ_CFG0,
			 flags & 2 ? RAM_BASE + L_MSI + 8 : 0);
	s3e_smmu_write32(s, SMMU3_EVENTQ_IRQ_CFG1, 0x5a5a);
	s3e_smmu_write64(s, SMMU3_GERROR_IRQ_CFG0,
			 flags & 2 ? RAM_BASE + L_MSI : 0);
	s3e_smmu_write32(s, SMMU3_GERROR_IRQ_CFG1, 0xa5a5);
	s3e_smmu_write32(s, SMMU3_IRQ_CTRL,
			 IRQ_CTRL_GERROR_IRQEN | IRQ_CTRL_EVENTQ_IRQEN);
	s3e_smmu_write32(s, SMMU3_CR1,
			 s3e_field_prep(CR1_TABLE_SH, SMMU3_SH_ISH) |
			 s3e_field_prep(CR1_TABLE_OC, CR1_CACHE_WB) |
			 s3e_field_prep(CR1_TABLE_IC, CR1_CACHE_WB) |
			 s3e_field_prep(CR1_QUEUE_SH, SMMU3_SH_ISH) |
			 s3e_field_prep(CR1_QUEUE_OC, CR1_CACHE_WB) |
			 s3e_field_prep(CR1_QUEUE_IC, CR1_CACHE_WB));
	s3e_smmu_write32(s, SMMU3_CR2, CR2_RECINVSID |
			 (flags & 4 ? CR2_E2H : 0));
	s3e_smmu_write32(s, SMMU3_GBPA, GBPA_UPDATE |
			 (flags & 8 ? GBPA_ABORT : 0));
	s3e_smmu_write32(s, SMMU3_CR0, CR0_EVENTQEN | CR0_CMDQEN);
	s3e_smmu_write32(s, SMMU3_CR0, CR0_EVENTQEN | CR0_CMDQEN |
			 (flags & 16 ? 0 : CR0_SMMUEN));
}

/* ------------------------------------------------------------------ */
/* Commands, table words, transactions */

static const s3e_u8 cmd_opcodes[] = {
	CMD_OP_PREFETCH_CONFIG, CMD_OP_PREFETCH_ADDR, CMD_OP_CFGI_STE,
	CMD_OP_CFGI_STE_RANGE, CMD_OP_CFGI_CD, CMD_OP_CFGI_CD_ALL,
	CMD_OP_CFGI_VMS_PIDM, CMD_OP_TLBI_NH_ALL, CMD_OP_TLBI_NH_ASID,
	CMD_OP_TLBI_NH_VA, CMD_OP_TLBI_NH_VAA, CMD_OP_TLBI_EL3_ALL,
	CMD_OP_TLBI_EL3_VA, CMD_OP_TLBI_EL2_ALL, CMD_OP_TLBI_EL2_ASID,
	CMD_OP_TLBI_EL2_VA, CMD_OP_TLBI_EL2_VAA, CMD_OP_TLBI_S12_VMALL,
	CMD_OP_TLBI_S2_IPA, CMD_OP_TLBI_NSNH_ALL, CMD_OP_ATC_INV,
	CMD_OP_PRI_RESP, CMD_OP_RESUME, CMD_OP_STALL_TERM, CMD_OP_SYNC,
};

/*
 * A command with a real opcode; with bit 7 of the selector, the StreamID,
 * VMID and ASID fields are kept small (those of the tables) and the
 * address to the low 4 GiB.
 */
static void take_cmd(struct input *in, s3e_u64 *cmd)
{
	unsigned int sel = take8(in);

	cmd[0] = take(in, 8);
	cmd[1] = take(in, 8);
	cmd[0] &= ~CMD_0_OP;
	cmd[0] |= cmd_opcodes[(sel & 0x7f) % ARRAY_SIZE(cmd_opcodes)];
	if (sel & 0x80) {
		cmd[0] &= 0x001f003fffffffffULL;
		cmd[1] &= 0xffffffffULL;
	}
}

static const s3e_u64 iova_bases[] = {
	0, 0x200000, 0x40000000, RAM_BASE, RAM_BASE + 0x200000,
	0xffffff8000000000ULL, 1ULL << 39, 0x5a00000000000000ULL,
	RAM_BASE + RAM_SIZE, 0x7ffffff000ULL,
};

/* A transaction: mostly the StreamIDs, SSIDs and addresses of setup() */
static void take_txn(struct input *in, struct s3e_txn *t)
{
	unsigned int sel;

	sel = take8(in);
	if (sel < 0xc0)
		t->sid = sel % 40;
	else if (sel < 0xf0)
		t->sid = 64 * (sel % 4) + sel % 40;
	else
		t->sid = (s3e_u32)take(in, 4);
	sel = take8(in);
	if (sel < 0x80)
		t->ssid = S3E_NO_SSID;
	else if (sel < 0xc0)
		t->ssid = sel % 20;
	else if (sel < 0xff)
		t->ssid = 64 * (sel % 4) + 32 + sel % 20;
	else
		t->ssid = (s3e_u32)take(in, 4);
	sel = take8(in);
	if (sel < 0xf0)
		t->iova = iova_bases[sel % ARRAY_SIZE(iova_bases)] +
			  take(in, 2) * 8;
	else
		t->iova = take(in, 8);
	t->access = take8(in) & (S3E_ACC_WRITE | S3E_ACC_EXEC | S3E_ACC_PRIV);
}

static void check_result(int ret, const struct s3e_txn_result *r)
{
	CHECK(ret == r->status);
	switch (r->status) {
	case S3E_TXN_OK:
		CHECK(r->len >= 1);
		CHECK(r->pa + (r->len - 1) >= r->pa);
		break;
	case S3E_TXN_FAULT:
		CHECK(r->event && r->event < S3E_NR_EVENT_TYPES);
		break;
	case S3E_TXN_ABORT:
		break;
	default:
		CHECK(0);
	}
}

static void translate(struct s3e_smmu *s, const struct s3e_txn *t)
{
	struct s3e_txn_result r;

	memset(&r, 0xa5, sizeof(r));
	check_result(s3e_smmu_translate(s, t, &r), &r);
}

static void dma(struct s3e_smmu *s, const struct s3e_txn *t,
		unsigned long len)
{
	static s3e_u8 buf[MAX_DMA];
	struct s3e_txn_result r;
	unsigned long done, i;

	for (i = 0; i < len; i++)
		buf[i] = (s3e_u8)(i ^ 0xa5);
	memset(&r, 0xa5, sizeof(r));
	done = s3e_smmu_dma(s, t, buf, len, &r);
	CHECK(done <= len);
	if (done < len)
		CHECK(r.status != S3E_TXN_OK);
	else
		CHECK(r.status == S3E_TXN_OK);
	check_result(r.status, &r);
}

/* Regions of setup()'s layout that OP_RAM_STRUCT addresses by index */
static const struct {
	s3e_u32 off;
	s3e_u32 words;
} regions[] = {
	{ L_STRTAB, STE_DWORDS << STRTAB_LOG2 },
	{ L_CD, CD_DWORDS << CD_LOG2 },
	{ L_S1_L1, 512 }, { L_S1_L2, 512 }, { L_S1_L3, 512 },
	{ L_S2_L1, 512 }, { L_S2_L2, 512 }, { L_S2_L3, 512 },
	{ L_CMDQ, CMDQ_ENT_DWORDS << CMDQ_LOG2 },
	{ L_EVTQ, EVTQ_ENT_DWORDS << EVTQ_LOG2 },
	{ L_DATA, (RAM_SIZE - L_DATA) / 8 },
};

static void ram_struct(struct input *in)
{
	unsigned int sel = take8(in), idx = (unsigned int)take(in, 2);
	s3e_u64 val = take(in, 8), old;
	s3e_u32 off;

	off = regions[(sel >> 2) % ARRAY_SIZE(regions)].off +
	      idx % regions[(sel >> 2) % ARRAY_SIZE(regions)].words * 8;
	memcpy(&old, ram + off, 8);
	switch (sel & 3) {
	case 0:
		old = val;
		break;
	case 1:
		old ^= val;
		break;
	case 2:
		old |= val;
		break;
	default:
		old &= ~val;
		break;
	}
	ram_put64(off, old);
}

enum fuzz_op {
	OP_SETUP,		/* flags */
	OP_WRITE32,		/* register, value */
	OP_WRITE64,		/* register, value */
	OP_READ32,		/* register */
	OP_READ64,		/* register */
	OP_CMD,			/* selector, 2 doublewords */
	OP_CMD_RAW,		/* 2 doublewords, any opcode */
	OP_CMD_BATCH,		/* count, then that many OP_CMD operands */
	OP_SYNC,		/* CS and MSI selector, MSI data */
	OP_RAM_WRITE,		/* offset, doubleword */
	OP_RAM_STRUCT,		/* region and mode, index, doubleword */
	OP_TRANSLATE,		/* transaction */
	OP_DMA,			/* transaction, length */
	OP_BURST,		/* transaction, pages: one per page */
	OP_EVTQ_DRAIN,
	OP_GERROR_ACK,
	OP_RESET,
	OP_CMDQ_RUN,		/* the host consumes left-over commands */
	OP_NR,
};

static void run(struct s3e_smmu *s, unsigned int stages, struct input *in)
{
	s3e_u64 cmds[2 * 8];
	struct s3e_txn t;
	unsigned int op, n, i, sel;
	s3e_u32 reg;

	for (op = 0; op < MAX_OPS && !in->ended && in->left; op++) {
		switch (take8(in) % OP_NR) {
		case OP_SETUP:
			setup(s, stages, take8(in));
			break;
		case OP_WRITE32:
			reg = take_reg(in);
			s3e_smmu_write32(s, reg, (s3e_u32)take(in, 4));
			break;
		case OP_WRITE64:
			reg = take_reg(in);
			s3e_smmu_write64(s, reg, take(in, 8));
			break;
		case OP_READ32:
			s3e_smmu_read32(s, take_reg(in));
			break;
		case OP_READ64:
			s3e_smmu_read64(s, take_reg(in));
			break;
		case OP_CMD:
			take_cmd(in, cmds);
			cmdq_push(s, cmds, 1);
			break;
		case OP_CMD_RAW:
			cmds[0] = take(in, 8);
			cmds[1] = take(in, 8);
			cmdq_push(s, cmds, 1);
			break;
		case OP_CMD_BATCH:
			n = take8(in) % 8 + 1;
			for (i = 0; i < n; i++)
				take_cmd(in, &cmds[2 * i]);
			cmdq_push(s, cmds, n);
			break;
		case OP_SYNC:
			sel = take8(in);
			cmds[0] = CMD_OP_SYNC |
				  s3e_field_prep(CMD_SYNC_0_CS, sel & 3) |
				  s3e_field_prep(CMD_SYNC_0_MSIDATA,
						 take(in, 4));
			cmds[1] = sel & 4 ? take(in, 8) & CMD_SYNC_1_MSIADDR :
					    RAM_BASE + L_MSI;
			cmdq_push(s, cmds, 1);
			break;
		case OP_RAM_WRITE:
			reg = (s3e_u32)take(in, 2) & ~7U;
			ram_put64(reg, take(in, 8));
			break;
		case OP_RAM_STRUCT:
			ram_struct(in);
			break;
		case OP_TRANSLATE:
			take_txn(in, &t);
			translate(s, &t);
			break;
		case OP_DMA:
			take_txn(in, &t);
			dma(s, &t, take(in, 2) % MAX_DMA + 1);
			break;
		case OP_BURST:
			take_txn(in, &t);
			n = take8(in) % 64 + 1;
			for (i = 0; i < n; i++) {
				translate(s, &t);
				t.iova += 4096;
			}
			break;
		case OP_EVTQ_DRAIN:
			evtq_drain(s);
			break;
		case OP_GERROR_ACK:
			s3e_smmu_write32(s, SMMU3_GERRORN,
					 s3e_smmu_read32(s, SMMU3_GERROR));
			break;
		case OP_RESET:
			s3e_smmu_reset(s);
			break;
		case OP_CMDQ_RUN:
			CHECK(s3e_smmu_cmdq_run(s) == s3e_smmu_cmdq_pending(s));
			break;
		}
	}
}

/*
 * What an input did, with FUZZ_SMMU_VERBOSE set: to see what a seed or a
 * crashing input reaches
 */
static int verbose;

static void print_stats(struct s3e_smmu *s)
{
	const struct s3e_smmu_stats *st = s3e_smmu_stats(s);
	const struct s3e_tlb_stats *tlb = s3e_smmu_tlb_stats(s);
	const struct s3e_cfgc_stats *cfgc = s3e_smmu_cfgc_stats(s);
	unsigned long long faults = 0, cmds = 0;
	unsigned int i;

	for (i = 0; i < S3E_NR_EVENT_TYPES; i++)
		faults += st->faults[i];
	for (i = 0; i < S3E_NR_OPCODES; i++)
		cmds += st->cmds[i];
	fprintf(stderr,
		"translations %llu bypassed %llu aborted %llu faults %llu walks %llu events %llu/%llu dropped\n"
		"cmds %llu errors %llu syncs %llu irqs %llu msis %llu\n"
		"tlb hits %llu misses %llu evictions %llu; cfgc hits %llu misses %llu evictions %llu\n",
		(unsigned long long)st->translations,
		(unsigned long long)st->bypassed,
		(unsigned long long)st->aborted, faults,
		(unsigned long long)st->walks,
		(unsigned long long)st->events,
		(unsigned long long)st->events_dropped, cmds,
		(unsigned long long)st->cmd_errors,
		(unsigned long long)st->syncs, (unsigned long long)irqs,
		(unsigned long long)st->msis,
		(unsigned long long)tlb->hits, (unsigned long long)tlb->misses,
		(unsigned long long)tlb->evictions,
		(unsigned long long)cfgc->hits,
		(unsigned long long)cfgc->misses,
		(unsigned long long)cfgc->evictions);
}

/* ------------------------------------------------------------------ */
/* Seed programs, written by LLVMFuzzerInitialize() on request */

struct seed {
	s3e_u8 b[2048];
	size_t n;
};

static void emit(struct seed *sd, s3e_u64 v, unsigned int bytes)
{
	unsigned int i;

	for (i = 0; i < bytes && sd->n < sizeof(sd->b); i++)
		sd->b[sd->n++] = (s3e_u8)(v >> (8 * i));
}

/* Header: configuration bytes, all host services, no RAM chunk */
static void emit_header(struct seed *sd, unsigned int a, unsigned int b)
{
	sd->n = 0;
	emit(sd, a, 1);
	emit(sd, b, 1);
	emit(sd, 0, 3);
}

static void emit_txn(struct seed *sd, unsigned int op, unsigned int sid,
		     unsigned int ssid_sel, unsigned int iova_sel,
		     unsigned int off, unsigned int access)
{
	emit(sd, op, 1);
	emit(sd, sid, 1);
	emit(sd, ssid_sel, 1);
	emit(sd, iova_sel, 1);
	emit(sd, off, 2);
	emit(sd, access, 1);
}

static void emit_cmd(struct seed *sd, unsigned int opcode_idx, s3e_u64 cmd0,
		     s3e_u64 cmd1)
{
	emit(sd, OP_CMD, 1);
	emit(sd, 0x80 | opcode_idx, 1);
	emit(sd, cmd0, 8);
	emit(sd, cmd1, 8);
}

static void seed_write(const char *dir, const char *name,
		       const struct seed *sd)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(sd->b, 1, sd->n, f) != sd->n) {
		perror(path);
		exit(1);
	}
	fclose(f);
}

static void write_seeds(const char *dir)
{
	static struct seed sd;
	unsigned int i;

	/* Every kind of stream, with and without substreams, and DMA */
	emit_header(&sd, 0, 0);
	emit(&sd, OP_SETUP, 1);
	emit(&sd, 0, 1);
	for (i = 0; i < 40; i++)
		emit_txn(&sd, OP_TRANSLATE, i, i & 1 ? 0x80 + i % 20 : 0,
			 i % 5, i * 0x201, i & 7);
	emit_txn(&sd, OP_DMA, 1, 0, 0, 0x1000, S3E_ACC_WRITE);
	emit(&sd, 0x2000, 2);
	emit_txn(&sd, OP_DMA, 3, 0x81, 0, 0x10, 0);
	emit(&sd, 0x5000, 2);
	emit_txn(&sd, OP_BURST, 2, 0, 3, 0, 0);
	emit(&sd, 40, 1);
	emit(&sd, OP_EVTQ_DRAIN, 1);
	seed_write(dir, "seed-streams", &sd);

	/* Commands of every kind on top of translations, MSIs into RAM */
	emit_header(&sd, 0, 0);
	emit(&sd, OP_SETUP, 1);
	emit(&sd, 2, 1);
	for (i = 0; i < ARRAY_SIZE(cmd_opcodes); i++) {
		emit_txn(&sd, OP_TRANSLATE, i % 8, 0, 0, i * 0x200, 0);
		emit_cmd(&sd, i, (s3e_u64)(i % 8) << 32, 0x1000 * i);
	}
	emit(&sd, OP_SYNC, 1);
	emit(&sd, CMD_SYNC_CS_IRQ, 1);
	emit(&sd, 0x1234, 4);
	emit(&sd, OP_EVTQ_DRAIN, 1);
	emit(&sd, OP_GERROR_ACK, 1);
	seed_write(dir, "seed-commands", &sd);

	/* One-entry TLB and configuration cache, HA: evictions, AF updates */
	emit_header(&sd, 1 | 1 << 3, 0);
	emit(&sd, OP_SETUP, 1);
	emit(&sd, 1, 1);
	for (i = 0; i < 8; i++) {
		emit_txn(&sd, OP_BURST, i, i & 1 ? 0x81 : 0, 0, 0, i & 1);
		emit(&sd, 17, 1);
	}
	seed_write(dir, "seed-evictions", &sd);

	/* Two-level stream table and CD tables */
	emit_header(&sd, 0, 0);
	emit(&sd, OP_SETUP, 1);
	emit(&sd, 32 | 64, 1);
	for (i = 0; i < 48; i++)
		emit_txn(&sd, OP_TRANSLATE, i < 24 ? i : 0xc0 + i,
			 i & 1 ? 0xc0 + i : 0x80 + i % 20, 0, i * 0x200, 0);
	emit(&sd, OP_EVTQ_DRAIN, 1);
	seed_write(dir, "seed-two-level", &sd);

	/* Every register read and written, then a table word flipped */
	emit_header(&sd, 0, 0);
	emit(&sd, OP_SETUP, 1);
	emit(&sd, 0, 1);
	for (i = 0; i < ARRAY_SIZE(reg_offsets); i++) {
		emit(&sd, OP_READ64, 1);
		emit(&sd, i, 1);
		emit(&sd, OP_WRITE32, 1);
		emit(&sd, i, 1);
		emit(&sd, 0xffffffff, 4);
	}
	emit(&sd, OP_RAM_STRUCT, 1);
	emit(&sd, 4 * 4 + 1, 1);
	emit(&sd, 0, 2);
	emit(&sd, 2, 8);
	emit_txn(&sd, OP_TRANSLATE, 1, 0, 0, 0, 0);
	seed_write(dir, "seed-registers", &sd);
}

/*
 * libFuzzer's initialisation hook (FUZZ_INIT, see the top of the file).
 * With FUZZ_SMMU_SEEDS=<dir> in the environment, write the seed programs
 * into <dir> and exit instead of fuzzing.
 */
int FUZZ_INIT(int *argc, char ***argv)
{
	const char *dir = getenv("FUZZ_SMMU_SEEDS");

	(void)argc;
	(void)argv;
	verbose = !!getenv("FUZZ_SMMU_VERBOSE");
	if (dir) {
		write_seeds(dir);
		exit(0);
	}
	return 0;
}

/* ------------------------------------------------------------------ */

static const unsigned int tlb_sizes[] = { 1024, 1, 3, 16, 64, 4096 };
static const unsigned int cfgc_sizes[] = { 256, 1, 2, 7, 64 };
static const unsigned int sid_sizes[] = { 16, 5, 6, 0, 32, 8 };
static const unsigned int ssid_sizes[] = { 8, 0, 4, 20 };
static const unsigned int q_sizes[] = { 10, 7, 1, 0, 19, 6, 3, 2 };

/* libFuzzer's entry point (FUZZ_ENTRY, see the top of the file) */
int FUZZ_ENTRY(const s3e_u8 *data, size_t size)
{
	struct input in = { .p = data, .left = size };
	struct s3e_smmu_config cfg;
	unsigned int a, b, opts, off, len;
	struct s3e_smmu *s;

	a = take8(&in);
	b = take8(&in);
	s3e_smmu_config_default(&cfg);
	cfg.tlb_entries = tlb_sizes[a % ARRAY_SIZE(tlb_sizes)];
	cfg.cfgc_entries = cfgc_sizes[(a >> 3) % ARRAY_SIZE(cfgc_sizes)];
	cfg.stages = (a >> 6) % 3 + 1;
	cfg.sid_bits = sid_sizes[b % ARRAY_SIZE(sid_sizes)];
	cfg.ssid_bits = ssid_sizes[(b >> 3) % ARRAY_SIZE(ssid_sizes)];
	cfg.cmdq_log2 = q_sizes[(b >> 5) % ARRAY_SIZE(q_sizes)];
	cfg.evtq_log2 = q_sizes[(b >> 2) % ARRAY_SIZE(q_sizes)];

	opts = take8(&in);
	host.read64 = opts & 1 ? NULL : host_read64;
	host.cmpxchg64 = opts & 2 ? NULL : host_cmpxchg64;
	cfg.cmdq_budget = (opts >> 2) & 7;	/* 0: no limit */
	cfg.strict = (opts >> 5) & 1;		/* and the checker */
	cfg.httu = ((opts >> 6) + 1) % 3;

	memset(ram, 0, sizeof(ram));
	off = take8(&in) * 256;
	len = take8(&in) * 64;
	if (len > in.left)
		len = in.left;
	if (len > RAM_SIZE - off)
		len = RAM_SIZE - off;
	memcpy(ram + off, in.p, len);
	in.p += len;
	in.left -= len;

	allocated = 0;
	irqs = 0;
	s = s3e_smmu_create(&cfg, &host);
	CHECK(s);
	CHECK(s3e_smmu_mem_size(s) == allocated);
	run(s, cfg.stages, &in);
	if (verbose)
		print_stats(s);
	s3e_smmu_destroy(s);
	return 0;
}
