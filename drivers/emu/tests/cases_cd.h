/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Model cases: context descriptors and substreams: linear and 2-level CD
 * tables, S1DSS, C_BAD_SUBSTREAMID and C_BAD_CD.
 * Listed in s3e_model_cd[] (model_cases.h).
 *
 * Part of model_cases.h, which includes the cases_*.h files in order,
 * after model_helpers.h and S3E_CASE(): a file may use the helpers of
 * the files before it.
 */
#ifndef S3E_CASES_CD_H
#define S3E_CASES_CD_H

/* ================================================================== */
/* Context descriptors and substreams */

S3E_CASE(cd_single_translate)
{
	smmu_up();
	s1_stream(1, 1);
	map_page(&s1t, 0x12345000, DATA_PA + 0x7000, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, 0x12345abc, ACC_R), DATA_PA + 0x7abc);
	EXPECT_EQ(res.len, 0x1000 - 0xabc);
}

S3E_CASE(cd_linear_table_substreams)
{
	struct tree t2;

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
}

S3E_CASE(cd_2lvl_64k_leaves)
{
	s3e_u64 l1;

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
}

S3E_CASE(cd_2lvl_4k_leaves)
{
	smmu_up();
	ste_s1(2, CD_PA, 8, STE_S1FMT_2LVL_4K, STE_S1DSS_SSID0);
	wr64(CD_PA + 1 * 8, CD2_PA | CD_L1_DESC_V);	/* SSIDs 64..127 */
	tree_new(&s1t, 0, 0);
	cd_write(CD2_PA + 6 * 64, cd0(21), tree_ttb(&s1t));
	map_page(&s1t, 0x4000, DATA_PA + 0x2000, S1_RW);
	EXPECT_EQ(xpa(2, 70, 0x4000, ACC_R), DATA_PA + 0x2000);
}

S3E_CASE(cd_fetch_abort)
{
	s3e_u64 e[4];

	smmu_up();
	ste_s1(1, HOLE_PA, 0, 0, 0);
	xl(1, NOSS, 0x1000, ACC_R);
	EXPECT_EQ(res.event, EVT_F_CD_FETCH);
	EXPECT_EQ(evt_type(e), EVT_F_CD_FETCH);
	EXPECT_EQ(e[3] & EVT_3_FETCH_ADDR, HOLE_PA);
}

S3E_CASE(cd_l1_fetch_abort)
{
	s3e_u64 e[4];

	smmu_up();
	ste_s1(1, HOLE_PA, 8, STE_S1FMT_2LVL_4K, STE_S1DSS_SSID0);
	xl(1, 200, 0x1000, ACC_R);
	EXPECT_EQ(evt_type(e), EVT_F_CD_FETCH);
	EXPECT_EQ(e[3] & EVT_3_FETCH_ADDR, HOLE_PA + 3 * 8);
	EXPECT_EQ(FG(EVT_0_SSID, e[0]), 200);
}

S3E_CASE(cd_l2_fetch_abort)
{
	s3e_u64 e[4];

	smmu_up();
	ste_s1(1, CD_PA, 8, STE_S1FMT_2LVL_4K, STE_S1DSS_SSID0);
	wr64(CD_PA, HOLE_PA | CD_L1_DESC_V);
	xl(1, 2, 0x1000, ACC_R);
	EXPECT_EQ(evt_type(e), EVT_F_CD_FETCH);
	EXPECT_EQ(e[3] & EVT_3_FETCH_ADDR, HOLE_PA + 2 * 64);
}

static const struct bad_ssid_case {
	const char *name;
	unsigned int config, cdmax, dss;
	s3e_u32 ssid;
} bad_ssid[] = {
	{ "ssid_with_cdmax_0", STE_CONFIG_S1, 0, 0, 1 },
	{ "ssid0_with_cdmax_0", STE_CONFIG_S1, 0, 0, 0 },
	{ "ssid_beyond_cdmax", STE_CONFIG_S1, 4, STE_S1DSS_SSID0, 16 },
	{ "ssid_on_bypass", STE_CONFIG_BYPASS, 0, 0, 1 },
	{ "ssid_on_s2_only", STE_CONFIG_S2, 0, 0, 0 },
};

S3E_PARAMS(bad_ssid);

S3E_CASE(c_bad_substreamid)
{
	const struct bad_ssid_case *c = test->param_value;
	struct tree t2;
	s3e_u64 e[4];

	smmu_up();
	tree_new(&t2, 1, 0);
	if (c->config == STE_CONFIG_BYPASS)
		ste_bypass(6);
	else if (c->config == STE_CONFIG_S2)
		ste_s2(6, 1, t2.base);
	else
		ste_s1(6, CD_PA, c->cdmax, 0, c->dss);
	cd_write(CD_PA, cd0(1), pt_alloc(SZ_4K));
	xl(6, c->ssid, 0x1000, ACC_R);
	EXPECT_EQ(res.event, EVT_C_BAD_SUBSTREAMID);
	EXPECT_EQ(evt_type(e), EVT_C_BAD_SUBSTREAMID);
	EXPECT_EQ(FG(EVT_0_SID, e[0]), 6);
	/* §7.3.9: no SSV qualifier, the SubstreamID is always valid */
	EXPECT_EQ(e[0] & EVT_0_SSV, 0);
	EXPECT_EQ(FG(EVT_0_SSID, e[0]), c->ssid);
}

S3E_CASE(s1dss_terminate_stream_disabled)
{
	s3e_u64 e[4];

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
}

S3E_CASE(s1dss_reserved_behaves_as_terminate)
{
	smmu_up();
	ste_s1(6, CD_PA, 4, 0, 3);
	xl(6, NOSS, 0x1000, ACC_R);
	expect_evt(EVT_F_STREAM_DISABLED, 6);
}

S3E_CASE(s1dss_bypass_stage1_only)
{
	smmu_up();
	ste_s1(6, CD_PA, 4, 0, STE_S1DSS_BYPASS);
	EXPECT_EQ(xpa(6, NOSS, 0xabcdef, ACC_W), 0xabcdef);
}

S3E_CASE(s1dss_bypass_nested_uses_stage2)
{
	struct tree t2;
	s3e_u64 e[4];

	smmu_up();
	s2_window(&t2);
	ste_nested(6, ipa(CD_PA), 4, 0, STE_S1DSS_BYPASS, 1, t2.base);
	EXPECT_EQ(xpa(6, NOSS, IPA_BASE + 0x123456, ACC_R),
		  RAM_BASE + 0x123456);
	xl(6, NOSS, 0x123456, ACC_R);	/* IPA outside the window */
	EXPECT_EQ(res.event, EVT_F_TRANSLATION);
	EXPECT_EQ(evt_type(e), EVT_F_TRANSLATION);
	EXPECT_EQ(e[1] & EVT_1_S2, EVT_1_S2);
}

S3E_CASE(s1dss_ssid0_uses_cd0)
{
	smmu_up();
	ste_s1(6, CD_PA, 4, 0, STE_S1DSS_SSID0);
	s1_stream(7, 3);
	cd_write(CD_PA, cd0(3), tree_ttb(&s1t));
	map_page(&s1t, 0x1000, DATA_PA + 0x3000, S1_RW);
	EXPECT_EQ(xpa(6, NOSS, 0x1000, ACC_R), DATA_PA + 0x3000);
}

/*
 * §5.2 S1DSS 0b10, §7.3.7: a transaction with SubstreamID 0 is terminated
 * with F_STREAM_DISABLED (no SubstreamID fields in the record)
 */
S3E_CASE(s1dss_ssid0_substream0_disabled)
{
	s3e_u64 e[4];

	smmu_up();
	ste_s1(6, CD_PA, 4, 0, STE_S1DSS_SSID0);
	xl(6, 0, 0x1000, ACC_R);
	EXPECT_EQ(res.status, S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_F_STREAM_DISABLED);
	EXPECT_EQ(evt_type(e), EVT_F_STREAM_DISABLED);
	EXPECT_EQ(e[0], FP(EVT_0_TYPE, EVT_F_STREAM_DISABLED) |
		  FP(EVT_0_SID, 6));
	EXPECT_EQ(e[1] | e[2] | e[3], 0);
}

/*
 * §3.4.3 (3), §7.3.9: an L1CD.L2Ptr beyond the OAS is C_BAD_SUBSTREAMID;
 * for CD 0 of a transaction without a SubstreamID, recorded as 0
 */
S3E_CASE(cd_l1_l2ptr_beyond_oas)
{
	s3e_u64 e[4];

	smmu_up();
	ste_s1(1, CD_PA, 8, STE_S1FMT_2LVL_4K, STE_S1DSS_SSID0);
	wr64(CD_PA, SMMU3_BIT(48) | CD_L1_DESC_V);
	xl(1, 2, 0x1000, ACC_R);
	EXPECT_EQ(res.event, EVT_C_BAD_SUBSTREAMID);
	EXPECT_EQ(evt_type(e), EVT_C_BAD_SUBSTREAMID);
	EXPECT_EQ(FG(EVT_0_SSID, e[0]), 2);
	xl(1, NOSS, 0x1000, ACC_R);
	EXPECT_EQ(evt_type(e), EVT_C_BAD_SUBSTREAMID);
	EXPECT_EQ(e[0] & (EVT_0_SSV | EVT_0_SSID), 0);
}

/* §3.4, §5.4 TTB0/TTB1: a TTBx in use beyond the effective IPS: C_BAD_CD */
S3E_CASE(cd_ttb_beyond_ips)
{
	s3e_u64 w[8] = { 0 };

	smmu_up();
	s1_stream(4, 1);
	cd_write(CD_PA + 4 * 64, (cd0(1) & ~CD_0_IPS) | FP(CD_0_IPS, 2),
		 SMMU3_BIT(40));
	xl(4, NOSS, 0x1000, ACC_R);
	expect_evt(EVT_C_BAD_CD, 4);
	w[0] = (cd0(1) & ~(CD_0_IPS | CD_0_EPD1)) | FP(CD_0_IPS, 2);
	w[1] = tree_ttb(&s1t);
	w[2] = SMMU3_BIT(44);
	ste_write_at(CD_PA + 4 * 64, w);
	xl(4, NOSS, 0x1000, ACC_R);
	expect_evt(EVT_C_BAD_CD, 4);
	/* EPD1 = 1: TTB1 is IGNORED */
	w[0] |= CD_0_EPD1;
	ste_write_at(CD_PA + 4 * 64, w);
	xl(4, NOSS, 0x1000, ACC_R);
	EXPECT_EQ(res.event, EVT_F_TRANSLATION);
}

static const struct cd_bits_case {
	const char *name;
	s3e_u64 clr, set;
} bad_cd[] = {
	{ "v0", CD_0_V, 0 },
	{ "aa64_0", CD_0_AA64, 0 },
	{ "endi", 0, CD_0_ENDI },
	{ "stall", 0, CD_0_S },
	{ "a0", CD_0_A, 0 },
	/* §5.4 HD: ILLEGAL with HTTU = 0b01 */
	{ "hd", 0, CD_0_HA | CD_0_HD },
	{ "tg0_reserved", 0, FPC(CD_0_TG0, 3) },
	{ "t0sz_15", CD_0_T0SZ, FPC(CD_0_T0SZ, 15) },
	{ "t0sz_49", CD_0_T0SZ, FPC(CD_0_T0SZ, 49) },
	{ "t0sz_48_64k", CD_0_T0SZ | CD_0_TG0,
	  FPC(CD_0_T0SZ, 48) | FPC(CD_0_TG0, CD_TG0_64K) },
	{ "tg1_reserved", CD_0_EPD1 | CD_0_TG1, 0 },
	{ "t1sz_out_of_range", CD_0_EPD1 | CD_0_T1SZ, FPC(CD_0_T1SZ, 50) },
}, good_cd[] = {
	{ "epd0_tg0_reserved", 0, CD_0_EPD0 | FPC(CD_0_TG0, 3) },
	{ "epd1_tg1_reserved", CD_0_TG1, 0 },
	{ "t0sz_48_stt", CD_0_T0SZ, FPC(CD_0_T0SZ, 48) },
	/* §5.4 IPS: 0b111 behaves as 0b110 (52 bits), capped to the OAS */
	{ "ips_reserved_as_52", CD_0_IPS, FPC(CD_0_IPS, 7) },
	/* §5.4 CdIllegal: ENDI is IGNORED when neither range walks */
	{ "endi_both_ranges_disabled", 0, CD_0_ENDI | CD_0_EPD0 },
	{ "aset", 0, CD_0_ASET },
};

S3E_PARAMS(bad_cd);
S3E_PARAMS(good_cd);

S3E_CASE(c_bad_cd)
{
	const struct cd_bits_case *c = test->param_value;
	s3e_u64 e[4];

	smmu_up();
	s1_stream(4, 1);
	cd_write(CD_PA + 4 * 64, (cd0(1) & ~c->clr) | c->set, tree_ttb(&s1t));
	xl(4, NOSS, 0x1000, ACC_R);
	EXPECT_EQ(res.event, EVT_C_BAD_CD);
	EXPECT_EQ(evt_type(e), EVT_C_BAD_CD);
	EXPECT_EQ(FG(EVT_0_SID, e[0]), 4);
}

S3E_CASE(cd_accepted)
{
	const struct cd_bits_case *c = test->param_value;

	smmu_up();
	s1_stream(4, 1);
	cd_write(CD_PA + 4 * 64, (cd0(1) & ~c->clr) | c->set, tree_ttb(&s1t));
	xl(4, NOSS, 0x1000, ACC_R);
	/* A translation fault (no mapping), not a bad CD */
	EXPECT_EQ(res.event, EVT_F_TRANSLATION);
}

#endif /* S3E_CASES_CD_H */
