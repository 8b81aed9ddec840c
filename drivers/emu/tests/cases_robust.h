/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Model cases: robustness: random registers, memory and commands.
 * Listed in s3e_model_dma[] (model_cases.h).
 *
 * Part of model_cases.h, which includes the cases_*.h files in order,
 * after model_helpers.h and S3E_CASE(): a file may use the helpers of
 * the files before it.
 */
#ifndef S3E_CASES_ROBUST_H
#define S3E_CASES_ROBUST_H

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
	map_block(&s1t, 0x40000000, DATA_PA, 2, S1_RW);
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
			/* A well-formed result */
			EXPECT_EQ(res.status > S3E_TXN_ABORT ||
				  (res.status == S3E_TXN_OK && !res.len) ||
				  (res.status == S3E_TXN_FAULT &&
				   (!res.event ||
				    res.event >= S3E_NR_EVENT_TYPES)), 0);
			break;
		}
		(void)r32((rnd() % SMMU3_MMIO_SIZE) & ~3U);
		if (rnd() % 4 == 0)
			evt_pop(e);
	}
}

static const struct fuzz_case {
	const char *name;
	unsigned int round;
} fuzz_rounds[] = {
	{ "0", 0 }, { "1", 1 }, { "2", 2 }, { "3", 3 },
	{ "4", 4 }, { "5", 5 }, { "6", 6 }, { "7", 7 },
};

S3E_PARAMS(fuzz_rounds);

/*
 * Random register writes, structure bit flips, commands and transactions
 * on an instance whose queue, cache and stage configuration depend on the
 * round; nothing may fail and every result must be well-formed.
 */
S3E_CASE(fuzz_round)
{
	const struct fuzz_case *c = test->param_value;
	unsigned int round = c->round;
	const struct s3e_smmu_stats *sp;

	cmdq_log2 = 4 + round % 3;
	evtq_log2 = round % 4;
	cfg.stages = round < 6 ? 3 : 1 + round % 2;
	cfg.tlb_entries = 16 << round;
	cfg.cfgc_entries = 8 << round;
	if (round & 1)
		host.read64 = NULL;
	rng_state = 0x9e3779b97f4a7c15ULL + round;
	smmu_up();
	fuzz_setup();
	fuzz_round(FUZZ_ITERS);
	sp = st();
	/* The loop reached the interesting paths */
	EXPECT_EQ(sp->walks > 100, 1);
	EXPECT_EQ(sp->syncs > 100, 1);
	EXPECT_EQ(sp->events > 100, 1);
}

#endif /* S3E_CASES_ROBUST_H */
