/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Model cases: invalidation through the command queue: stale entries before
 * a TLBI or CFGI, fresh ones after.
 * Listed in s3e_model_inval[] (model_cases.h).
 *
 * Part of model_cases.h, which includes the cases_*.h files in order,
 * after model_helpers.h and S3E_CASE(): a file may use the helpers of
 * the files before it.
 */
#ifndef S3E_CASES_INVAL_H
#define S3E_CASES_INVAL_H

/* ================================================================== */
/* Invalidation through the command queue: stale before, fresh after */

struct inval_case {
	const char *name;
	s3e_u64 c0, c1;		/* invalidation that must hit */
	s3e_u64 m0, m1;		/* one that must miss (0: none) */
};

#define VA_T		0x123000ULL

static const struct inval_case tlbi_s1_cases[] = {
	{ "tlbi_nh_va", OP(TLBI_NH_VA) | FPC(CMD_TLBI_0_ASID, 5) |
	  FPC(CMD_TLBI_0_VMID, 0), VA_T,
	  OP(TLBI_NH_VA) | FPC(CMD_TLBI_0_ASID, 6), VA_T },
	{ "tlbi_nh_va_wrong_page", OP(TLBI_NH_VA) |
	  FPC(CMD_TLBI_0_ASID, 5), VA_T,
	  OP(TLBI_NH_VA) | FPC(CMD_TLBI_0_ASID, 5), VA_T + SZ_4K },
	{ "tlbi_nh_vaa", OP(TLBI_NH_VAA), VA_T,
	  OP(TLBI_NH_VAA) | FPC(CMD_TLBI_0_VMID, 1), VA_T },
	{ "tlbi_nh_asid", OP(TLBI_NH_ASID) | FPC(CMD_TLBI_0_ASID, 5),
	  0, OP(TLBI_NH_ASID) | FPC(CMD_TLBI_0_ASID, 4), 0 },
	{ "tlbi_nh_all", OP(TLBI_NH_ALL), 0,
	  OP(TLBI_NH_ALL) | FPC(CMD_TLBI_0_VMID, 2), 0 },
	{ "tlbi_nsnh_all", OP(TLBI_NSNH_ALL), 0, OP(TLBI_EL2_ALL),
	  0 },
	{ "tlbi_s12_vmall", OP(TLBI_S12_VMALL), 0,
	  OP(TLBI_S12_VMALL) | FPC(CMD_TLBI_0_VMID, 9), 0 },
	/* 4 pages from VA_T - 2 pages: TG 4K, NUM 1, SCALE 1 */
	{ "tlbi_nh_va_range", OP(TLBI_NH_VA) | FPC(CMD_TLBI_0_ASID, 5) |
	  FPC(CMD_TLBI_0_NUM, 1) | FPC(CMD_TLBI_0_SCALE, 1),
	  (VA_T - 2 * SZ_4K) | FPC(CMD_TLBI_1_TG, CMD_TLBI_TG_4K),
	  OP(TLBI_NH_VA) | FPC(CMD_TLBI_0_ASID, 5) |
	  FPC(CMD_TLBI_0_NUM, 1) | FPC(CMD_TLBI_0_SCALE, 1),
	  (VA_T - 4 * SZ_4K) | FPC(CMD_TLBI_1_TG, CMD_TLBI_TG_4K) },
	{ "tlbi_nh_va_range_64k", OP(TLBI_NH_VA) |
	  FPC(CMD_TLBI_0_ASID, 5),
	  (VA_T & ~(SZ_64K - 1)) | FPC(CMD_TLBI_1_TG, CMD_TLBI_TG_64K) |
	  FPC(CMD_TLBI_1_TTL, 3) | CMD_TLBI_1_LEAF,
	  OP(TLBI_NH_VA) | FPC(CMD_TLBI_0_ASID, 5),
	  0x200000 | FPC(CMD_TLBI_1_TG, CMD_TLBI_TG_64K) |
	  FPC(CMD_TLBI_1_TTL, 3) },
};

S3E_PARAMS(tlbi_s1_cases);

S3E_CASE(stale_then_tlbi)
{
	const struct inval_case *c = test->param_value;

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
}

S3E_CASE(stale_then_tlbi_s2_ipa)
{
	struct tree t2;

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
}

/*
 * Nested stream 5 (VMID 3, ASID 9) translating 0x7000 to DATA_PA, used
 * once (so cached), then remapped to DATA_PA + 0x3000 in memory
 */
static void stale_nested_setup(void)
{
	struct tree t2;
	struct tree t1;
	s3e_u64 cdpa;

	smmu_up();
	s2_window(&t2);
	tree_new(&t1, 0, IPA_BASE - RAM_BASE);
	map_page(&t1, 0x7000, ipa(DATA_PA), S1_RW);
	cdpa = CD_PA + 5 * 64;
	cd_write(cdpa, cd0(9), tree_ttb(&t1));
	ste_nested(5, ipa(cdpa), 0, 0, 0, 3, t2.base);
	EXPECT_EQ(xpa(5, NOSS, 0x7000, ACC_R), DATA_PA);
	map_page(&t1, 0x7000, ipa(DATA_PA + 0x3000), S1_RW);
}

S3E_CASE(stale_then_tlbi_s12_vmall_nested)
{
	stale_nested_setup();
	cmd(OP(TLBI_S12_VMALL) | FP(CMD_TLBI_0_VMID, 4), 0);
	EXPECT_EQ(xpa(5, NOSS, 0x7000, ACC_R), DATA_PA);
	cmd(OP(TLBI_S12_VMALL) | FP(CMD_TLBI_0_VMID, 3), 0);
	EXPECT_EQ(xpa(5, NOSS, 0x7000, ACC_R), DATA_PA + 0x3000);
}

S3E_CASE(stale_then_tlbi_nh_asid_nested_vmid)
{
	stale_nested_setup();
	cmd(OP(TLBI_NH_ASID) | FP(CMD_TLBI_0_ASID, 9) |
	    FP(CMD_TLBI_0_VMID, 2), 0);
	EXPECT_EQ(xpa(5, NOSS, 0x7000, ACC_R), DATA_PA);
	cmd(OP(TLBI_NH_ASID) | FP(CMD_TLBI_0_ASID, 9) |
	    FP(CMD_TLBI_0_VMID, 3), 0);
	EXPECT_EQ(xpa(5, NOSS, 0x7000, ACC_R), DATA_PA + 0x3000);
}

S3E_CASE(tlbi_vmid_ignored_without_stage2)
{
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
}

static const struct inval_case cfgi_cases[] = {
	{ "cfgi_ste", OP(CFGI_STE) | FPC(CMD_0_SID, 0x21), 0,
	  OP(CFGI_STE) | FPC(CMD_0_SID, 0x20), 0 },
	{ "cfgi_ste_leaf", OP(CFGI_STE) | FPC(CMD_0_SID, 0x21),
	  CMD_CFGI_1_LEAF, 0, 0 },
	{ "cfgi_ste_range", OP(CFGI_STE_RANGE) | FPC(CMD_0_SID, 0x22),
	  FPC(CMD_CFGI_1_RANGE, 1),
	  OP(CFGI_STE_RANGE) | FPC(CMD_0_SID, 0x24),
	  FPC(CMD_CFGI_1_RANGE, 1) },
	{ "cfgi_all", OP(CFGI_ALL), FPC(CMD_CFGI_1_RANGE, 31),
	  OP(CFGI_CD_ALL) | FPC(CMD_0_SID, 0x21), 0 },
};

S3E_PARAMS(cfgi_cases);

S3E_CASE(stale_then_cfgi)
{
	const struct inval_case *c = test->param_value;

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
}

/*
 * Stream 1 with CD 3 translating 0x1000 to DATA_PA, used once (so cached),
 * then CD 3 made invalid in memory: the cached copy still translates
 */
static void stale_cd_setup(void)
{
	smmu_up();
	ste_s1(1, CD_PA, 4, 0, STE_S1DSS_SSID0);
	tree_new(&s1t, 0, 0);
	cd_write(CD_PA + 3 * 64, cd0(1), tree_ttb(&s1t));
	map_page(&s1t, 0x1000, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(1, 3, 0x1000, ACC_R), DATA_PA);
	wr64(CD_PA + 3 * 64, 0);		/* CD.V = 0 */
	EXPECT_EQ(xpa(1, 3, 0x1000, ACC_R), DATA_PA);
}

S3E_CASE(stale_then_cfgi_cd)
{
	s3e_u64 e[4];

	stale_cd_setup();
	cmd(OP(CFGI_CD) | FP(CMD_0_SID, 1) | FP(CMD_0_SSID, 2), 0);
	EXPECT_EQ(xpa(1, 3, 0x1000, ACC_R), DATA_PA);
	cmd(OP(CFGI_CD) | FP(CMD_0_SID, 1) | FP(CMD_0_SSID, 3), 0);
	xl(1, 3, 0x1000, ACC_R);
	EXPECT_EQ(res.event, EVT_C_BAD_CD);
	EXPECT_EQ(evt_type(e), EVT_C_BAD_CD);
}

S3E_CASE(stale_then_cfgi_cd_all)
{
	stale_cd_setup();
	cmd(OP(CFGI_CD_ALL) | FP(CMD_0_SID, 1), 0);
	EXPECT_EQ(xl(1, 3, 0x1000, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_C_BAD_CD);
}

S3E_CASE(cd_change_new_asid_after_cfgi_no_tlbi)
{
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
}

S3E_CASE(reset_drops_caches)
{
	smmu_up();
	ste_bypass(3);
	EXPECT_EQ(xl(3, NOSS, 0, ACC_R), S3E_TXN_OK);
	ste_abort(3);
	s3e_smmu_reset(smmu);
	w64(SMMU3_STRTAB_BASE, STRTAB_PA);
	w32(SMMU3_STRTAB_BASE_CFG, 8);
	w32(SMMU3_CR0, CR0_SMMUEN);
	EXPECT_EQ(xl(3, NOSS, 0, ACC_R), S3E_TXN_ABORT);
}

#endif /* S3E_CASES_INVAL_H */
