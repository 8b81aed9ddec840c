/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Model cases: the stream table: linear and 2-level, STE fetch, validation
 * and caching, C_BAD_STREAMID and C_BAD_STE.
 * Listed in s3e_model_strtab[] (model_cases.h).
 *
 * Part of model_cases.h, which includes the cases_*.h files in order,
 * after model_helpers.h and S3E_CASE(): a file may use the helpers of
 * the files before it.
 */
#ifndef S3E_CASES_STRTAB_H
#define S3E_CASES_STRTAB_H

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

S3E_CASE(ste_bypass)
{
	smmu_up();
	ste_bypass(3);
	EXPECT_EQ(xl(3, NOSS, 0xdeadbeef000ULL, ACC_W), S3E_TXN_OK);
	EXPECT_EQ(res.pa, 0xdeadbeef000ULL);
	EXPECT_EQ(st()->bypassed, 1);
	EXPECT_EQ(evt_pending(), 0);
}

S3E_CASE(ste_abort_no_event)
{
	smmu_up();
	ste_abort(3);
	EXPECT_EQ(xl(3, NOSS, 0x1000, ACC_R), S3E_TXN_ABORT);
	EXPECT_EQ(xl(3, 5, 0x1000, ACC_R), S3E_TXN_ABORT);
	EXPECT_EQ(evt_pending(), 0);
	EXPECT_EQ(st()->aborted, 2);
}

S3E_CASE(bad_streamid_recorded)
{
	s3e_u64 e[4];

	smmu_up();
	xl(256, 9, 0x1000, ACC_R);		/* LOG2SIZE = 8 */
	EXPECT_EQ(res.event, EVT_C_BAD_STREAMID);
	EXPECT_EQ(evt_type(e), EVT_C_BAD_STREAMID);
	EXPECT_EQ(FG(EVT_0_SID, e[0]), 256);
	EXPECT_EQ(e[0] & EVT_0_SSV, EVT_0_SSV);
	EXPECT_EQ(FG(EVT_0_SSID, e[0]), 9);
}

S3E_CASE(bad_streamid_silent_without_recinvsid)
{
	smmu_up();
	w32(SMMU3_CR0, 0);
	w32(SMMU3_CR2, 0);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	EXPECT_EQ(xl(0x10000, NOSS, 0x1000, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_C_BAD_STREAMID);
	EXPECT_EQ(res.recorded, 0);
	EXPECT_EQ(evt_pending(), 0);
}

S3E_CASE(bad_streamid_beyond_sidsize)
{
	cfg.sid_bits = 6;
	smmu_up();			/* LOG2SIZE 8 > SIDSIZE 6 */
	ste_bypass(63);
	ste_bypass(64);
	EXPECT_EQ(xl(63, NOSS, 0, ACC_R), S3E_TXN_OK);
	xl(64, NOSS, 0, ACC_R);
	expect_evt(EVT_C_BAD_STREAMID, 64);
}

S3E_CASE(sidsize_32_all_streamids)
{
	s3e_u64 e[4];

	cfg.sid_bits = 32;
	smmu_up();
	w32(SMMU3_CR0, 0);
	w32(SMMU3_STRTAB_BASE_CFG, 32);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	/*
	 * §6.3.24: the 256 GiB table is aligned to its size, so the base
	 * is 0 (not RAM): every StreamID reaches its STE's fetch
	 */
	xl(0, NOSS, 0x42, ACC_R);
	EXPECT_EQ(res.event, EVT_F_STE_FETCH);
	EXPECT_EQ(evt_type(e), EVT_F_STE_FETCH);
	EXPECT_EQ(e[3], 0);
	xl(0xffffffff, NOSS, 0, ACC_R);
	EXPECT_EQ(res.event, EVT_F_STE_FETCH);
	EXPECT_EQ(evt_type(e), EVT_F_STE_FETCH);
	EXPECT_EQ(FG(EVT_0_SID, e[0]), 0xffffffff);
	EXPECT_EQ(e[3], 0xffffffffULL * 64);
}

S3E_CASE(ste_fetch_abort_linear)
{
	s3e_u64 e[4];

	smmu_up();
	w32(SMMU3_CR0, 0);
	w64(SMMU3_STRTAB_BASE, HOLE_PA);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	xl(5, NOSS, 0x1000, ACC_R);
	EXPECT_EQ(res.event, EVT_F_STE_FETCH);
	EXPECT_EQ(evt_type(e), EVT_F_STE_FETCH);
	EXPECT_EQ(e[3] & EVT_3_FETCH_ADDR, HOLE_PA + 5 * 64);
}

S3E_CASE(ste_cached_after_fetch)
{
	smmu_up();
	ste_bypass(4);
	EXPECT_EQ(xl(4, NOSS, 0, ACC_R), S3E_TXN_OK);
	ste_write(4, 0, 0, 0, 0);	/* no CFGI: the cached STE is used */
	EXPECT_EQ(xl(4, NOSS, 0, ACC_R), S3E_TXN_OK);
	EXPECT_EQ(s3e_smmu_cfgc_stats(smmu)->inserts, 1);
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

S3E_CASE(strtab_2lvl_lookup)
{
	smmu_up();
	strtab_2lvl(16);
	wr64(STRTAB_PA + 3 * 8, L2STE_PA | 9);		/* 256 STEs */
	ste_write_at(L2STE_PA + 0x21 * 64,
		     (s3e_u64[8]) { ste0(STE_CONFIG_BYPASS) });
	EXPECT_EQ(xpa(0x321, NOSS, 0x5000, ACC_R), 0x5000);
	ste_write_at(L2STE_PA + 0xff * 64,
		     (s3e_u64[8]) { ste0(STE_CONFIG_ABORT) });
	EXPECT_EQ(xl(0x3ff, NOSS, 0x5000, ACC_R), S3E_TXN_ABORT);
}

/*
 * s3e_smmu_ste_read(): the STE through the instance's own stream table
 * registers (§3.3), 2-level here, with no side effect: no cache fill, no
 * event, no counter; an invalid L1 descriptor and a hole are told apart
 */
S3E_CASE(ste_read_view)
{
	s3e_u64 raw[8];

	smmu_up();
	strtab_2lvl(16);
	wr64(STRTAB_PA + 3 * 8, L2STE_PA | 9);		/* 256 STEs */
	ste_write_at(L2STE_PA + 0x21 * 64, (s3e_u64[8]) {
		ste0(STE_CONFIG_S2), 0, 7, 0x45678000 });
	EXPECT_EQ(s3e_smmu_ste_read(smmu, 0x321, raw), 0);
	EXPECT_EQ(raw[0], ste0(STE_CONFIG_S2));
	EXPECT_EQ(raw[2], 7);
	EXPECT_EQ(raw[3], 0x45678000);
	EXPECT_EQ(s3e_smmu_ste_read(smmu, 0x421, raw), -1);
	EXPECT_EQ(s3e_smmu_ste_read(smmu, 0x10000, raw), -1);
	wr64(STRTAB_PA + 4 * 8, HOLE_PA | 9);
	EXPECT_EQ(s3e_smmu_ste_read(smmu, 0x421, raw), -2);
	EXPECT_EQ(s3e_smmu_cfgc_stats(smmu)->inserts, 0);
	EXPECT_EQ(evt_pending(), 0);
	EXPECT_EQ(s3e_smmu_stats(smmu)->events, 0);
}

/*
 * §6.3.25: a reserved SPLIT behaves as 6; §6.3.24: the base is aligned to
 * the table size
 */
S3E_CASE(strtab_split_reserved_and_base_alignment)
{
	smmu_up();
	w32(SMMU3_CR0, 0);
	/* 2-level, LOG2SIZE 16, SPLIT 9 (reserved: 6): 1024 L1STDs, 8KB */
	w64(SMMU3_STRTAB_BASE, STRTAB_PA + 0x1000);
	w32(SMMU3_STRTAB_BASE_CFG, FP(STRTAB_BASE_CFG_LOG2SIZE, 16) |
	    FP(STRTAB_BASE_CFG_SPLIT, 9) |
	    FP(STRTAB_BASE_CFG_FMT, STRTAB_BASE_CFG_FMT_2LVL));
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	/* StreamID 0x85: L1STD 2 (at the aligned base), STE 5 */
	wr64(STRTAB_PA + 2 * 8, L2STE_PA | 7);
	ste_write_at(L2STE_PA + 5 * 64, (s3e_u64[8]) {
		ste0(STE_CONFIG_BYPASS) });
	EXPECT_EQ(xpa(0x85, NOSS, 0x1234, ACC_R), 0x1234);
	/* Linear, LOG2SIZE 8: 16KB, aligned */
	w32(SMMU3_CR0, 0);
	w64(SMMU3_STRTAB_BASE, STRTAB_PA + 0x2040);
	w32(SMMU3_STRTAB_BASE_CFG, FP(STRTAB_BASE_CFG_LOG2SIZE, 8));
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	cmd(OP(CFGI_ALL) | 0, CMD_CFGI_RANGE_ALL);
	ste_bypass(3);
	EXPECT_EQ(xpa(3, NOSS, 0x5678, ACC_R), 0x5678);
}

S3E_CASE(strtab_2lvl_span0)
{
	smmu_up();
	strtab_2lvl(16);
	xl(0x105, NOSS, 0, ACC_R);
	expect_evt(EVT_C_BAD_STREAMID, 0x105);
}

S3E_CASE(strtab_2lvl_beyond_span)
{
	smmu_up();
	strtab_2lvl(16);
	wr64(STRTAB_PA + 1 * 8, L2STE_PA | 2);		/* 2 STEs */
	ste_write_at(L2STE_PA + 64, (s3e_u64[8]) { ste0(STE_CONFIG_BYPASS) });
	EXPECT_EQ(xl(0x101, NOSS, 0, ACC_R), S3E_TXN_OK);
	xl(0x102, NOSS, 0, ACC_R);
	expect_evt(EVT_C_BAD_STREAMID, 0x102);
}

S3E_CASE(strtab_2lvl_span_reserved)
{
	smmu_up();
	strtab_2lvl(16);
	wr64(STRTAB_PA + 1 * 8, L2STE_PA | 10);		/* > SPLIT + 1 */
	xl(0x100, NOSS, 0, ACC_R);
	expect_evt(EVT_C_BAD_STREAMID, 0x100);
}

S3E_CASE(strtab_2lvl_beyond_log2size)
{
	smmu_up();
	strtab_2lvl(9);
	wr64(STRTAB_PA + 2 * 8, L2STE_PA | 9);
	xl(0x200, NOSS, 0, ACC_R);
	expect_evt(EVT_C_BAD_STREAMID, 0x200);
}

S3E_CASE(strtab_2lvl_l1_fetch_abort)
{
	s3e_u64 e[4];

	smmu_up();
	w32(SMMU3_CR0, 0);
	w64(SMMU3_STRTAB_BASE, HOLE_PA);
	strtab_2lvl(16);
	xl(0x305, NOSS, 0, ACC_R);
	EXPECT_EQ(res.event, EVT_F_STE_FETCH);
	EXPECT_EQ(evt_type(e), EVT_F_STE_FETCH);
	EXPECT_EQ(e[3] & EVT_3_FETCH_ADDR, HOLE_PA + 3 * 8);
}

S3E_CASE(strtab_2lvl_l2_fetch_abort)
{
	s3e_u64 e[4];

	smmu_up();
	strtab_2lvl(16);
	wr64(STRTAB_PA + 3 * 8, HOLE_PA | 9);
	xl(0x305, NOSS, 0, ACC_R);
	EXPECT_EQ(evt_type(e), EVT_F_STE_FETCH);
	EXPECT_EQ(e[3] & EVT_3_FETCH_ADDR, HOLE_PA + 5 * 64);
}

/* ste0() as a constant expression */
#define STE0C(config)	(STE_0_V | FPC(STE_0_CONFIG, config))

static const struct bad_ste_case {
	const char *name;
	unsigned int stages;
	s3e_u64 w0, w1, w2;
} bad_ste[] = {
	{ "v0", 3, FPC(STE_0_CONFIG, STE_CONFIG_BYPASS), 0, 0 },
	{ "s1_without_s1p", S3E_STAGE2, STE0C(STE_CONFIG_S1), 0, 0 },
	{ "s2_without_s2p", S3E_STAGE1, STE0C(STE_CONFIG_S2), 0,
	  0 },
	{ "nested_without_s2p", S3E_STAGE1, STE0C(STE_CONFIG_NESTED),
	  0, 0 },
	{ "s1cdmax_beyond_ssidsize", 3,
	  STE0C(STE_CONFIG_S1) | FPC(STE_0_S1CDMAX, 9), 0, 0 },
	/* §3.4.3 (1), §5.2 S1ContextPtr: beyond the OAS */
	{ "s1contextptr_beyond_oas", 3,
	  STE0C(STE_CONFIG_S1) | SMMU3_BIT(48), 0, 0 },
	/* §3.4.3 (2): beyond the IAS, CONSTRAINED UNPREDICTABLE: C_BAD_STE */
	{ "s1contextptr_beyond_ias", 3,
	  STE0C(STE_CONFIG_NESTED) | SMMU3_BIT(50), 0,
	  FPC(STE_2_S2T0SZ, 25) | FPC(STE_2_S2SL0, 1) | STE_2_S2AA64 |
	  FPC(STE_2_S2PS, PS_48) },
	{ "s1stalld", 3, STE0C(STE_CONFIG_S1), STE_1_S1STALLD, 0 },
	{ "strw_1", 3, STE0C(STE_CONFIG_S1), FPC(STE_1_STRW, 1), 0 },
	{ "strw_3", 3, STE0C(STE_CONFIG_S1), FPC(STE_1_STRW, 3), 0 },
	{ "s2aa64_0", 3, STE0C(STE_CONFIG_S2), 0,
	  FPC(STE_2_S2T0SZ, 25) | FPC(STE_2_S2SL0, 1) },
	{ "s2endi", 3, STE0C(STE_CONFIG_S2), 0,
	  FPC(STE_2_S2T0SZ, 25) | FPC(STE_2_S2SL0, 1) | STE_2_S2AA64 |
	  STE_2_S2ENDI },
	{ "s2s_stall", 3, STE0C(STE_CONFIG_S2), 0,
	  FPC(STE_2_S2T0SZ, 25) | FPC(STE_2_S2SL0, 1) | STE_2_S2AA64 |
	  STE_2_S2S },
	{ "s2tg_reserved", 3, STE0C(STE_CONFIG_S2), 0,
	  FPC(STE_2_S2T0SZ, 25) | FPC(STE_2_S2SL0, 1) | STE_2_S2AA64 |
	  FPC(STE_2_S2TG, 3) },
	/* §5.2 S2HD: ILLEGAL with HTTU = 0b01 */
	{ "s2hd", 3, STE0C(STE_CONFIG_S2), 0,
	  FPC(STE_2_S2T0SZ, 25) | FPC(STE_2_S2SL0, 1) | STE_2_S2AA64 |
	  FPC(STE_2_S2PS, PS_48) | STE_2_S2HA | STE_2_S2HD },
	{ "s2_sl0_t0sz_inconsistent", 3, STE0C(STE_CONFIG_S2), 0,
	  FPC(STE_2_S2T0SZ, 25) | FPC(STE_2_S2SL0, 2) | STE_2_S2AA64 },
	{ "s2_t0sz_too_small", 3, STE0C(STE_CONFIG_S2), 0,
	  FPC(STE_2_S2T0SZ, 10) | FPC(STE_2_S2SL0, 2) | STE_2_S2AA64 },
	{ "s2_64k_sl0_3", 3, STE0C(STE_CONFIG_S2), 0,
	  FPC(STE_2_S2T0SZ, 25) | FPC(STE_2_S2SL0, 3) | STE_2_S2AA64 |
	  FPC(STE_2_S2TG, S2TG_64K) },
	{ "nested_bad_s2", 3, STE0C(STE_CONFIG_NESTED), 0,
	  FPC(STE_2_S2T0SZ, 40) | FPC(STE_2_S2SL0, 2) | STE_2_S2AA64 },
};

S3E_PARAMS(bad_ste);

S3E_CASE(c_bad_ste)
{
	const struct bad_ste_case *c = test->param_value;
	s3e_u64 e[4];

	cfg.stages = c->stages;
	smmu_up();
	ste_write(9, c->w0, c->w1, c->w2, 0);
	xl(9, 3, 0x1000, ACC_R);
	EXPECT_EQ(res.event, EVT_C_BAD_STE);
	EXPECT_EQ(evt_type(e), EVT_C_BAD_STE);
	EXPECT_EQ(FG(EVT_0_SID, e[0]), 9);
	EXPECT_EQ(e[0] & EVT_0_SSV, EVT_0_SSV);
	EXPECT_EQ(FG(EVT_0_SSID, e[0]), 3);
}

S3E_CASE(c_bad_ste_not_cached)
{
	smmu_up();
	ste_write(9, 0, 0, 0, 0);
	xl(9, NOSS, 0, ACC_R);
	ste_bypass(9);			/* fixed without CFGI: used at once */
	EXPECT_EQ(xl(9, NOSS, 0, ACC_R), S3E_TXN_OK);
}

/*
 * §3.4, §5.2 S2TTB: beyond the effective S2PS is C_BAD_STE, not an Address
 * Size fault at walk time
 */
S3E_CASE(ste_s2ttb_beyond_s2ps)
{
	struct tree t2;

	smmu_up();
	tree_new(&t2, 1, 0);
	ste_write(2, ste0(STE_CONFIG_S2), 0,
		  (ste_s2w2(7) & ~STE_2_S2PS) | FP(STE_2_S2PS, 2),
		  SMMU3_BIT(40));
	xl(2, NOSS, 0x1000, ACC_R);
	expect_evt(EVT_C_BAD_STE, 2);
	/* S2PS = 48 bits: the same table base is accepted */
	ste_write(2, ste0(STE_CONFIG_S2), 0, ste_s2w2(7), SMMU3_BIT(40));
	xl(2, NOSS, 0x1000, ACC_R);
	EXPECT_EQ(res.event, EVT_F_WALK_EABT);
}

/* §5.2 Config: 0b001..0b011 are reserved and behave as 0b000 (abort) */
S3E_CASE(ste_config_reserved_aborts)
{
	unsigned int c;

	smmu_up();
	for (c = 1; c < 4; c++) {
		ste_write(9, ste0(c), 0, 0, 0);
		cmd(OP(CFGI_STE) | FP(CMD_0_SID, 9), 0);
		EXPECT_EQ(xl(9, NOSS, 0x1000, ACC_R), S3E_TXN_ABORT);
		EXPECT_EQ(xl(9, 1, 0x1000, ACC_R), S3E_TXN_ABORT);
	}
	EXPECT_EQ(evt_pending(), 0);
}

/* §5.2 S1Fmt: 0b11 is reserved and behaves as 0b00 (linear) */
S3E_CASE(ste_s1fmt_reserved_linear)
{
	smmu_up();
	s1_stream(7, 3);
	ste_write(6, ste_s1w0(STE_CONFIG_S1, CD_PA, 4, 3),
		  FP(STE_1_S1DSS, STE_S1DSS_SSID0), 0, 0);
	cd_write(CD_PA + 2 * 64, cd0(3), tree_ttb(&s1t));
	map_page(&s1t, 0x1000, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(6, 2, 0x1000, ACC_R), DATA_PA);
}

/* §5.2 S2PS: 0b111 is reserved and behaves as 0b110, capped to the OAS */
S3E_CASE(ste_s2ps_reserved_as_52)
{
	struct tree t2;

	smmu_up();
	tree_new(&t2, 1, 0);
	map_page(&t2, 0x12345000, DATA_PA, S2_RW);
	ste_write(2, ste0(STE_CONFIG_S2), 0,
		  (ste_s2w2(7) & ~STE_2_S2PS) | FP(STE_2_S2PS, 7), t2.base);
	EXPECT_EQ(xpa(2, NOSS, 0x12345000, ACC_R), DATA_PA);
}

/*
 * §5.2 S1CDMax, S1Fmt, S1DSS: IGNORED when SMMU_IDR1.SSIDSIZE = 0; a
 * SubstreamID is C_BAD_SUBSTREAMID (§7.3.9)
 */
S3E_CASE(ste_s1cdmax_ignored_without_substreams)
{
	cfg.ssid_bits = 0;
	smmu_up();
	s1_stream(1, 1);
	ste_write(1, ste_s1w0(STE_CONFIG_S1, CD_PA + 64, 5, 1),
		  FP(STE_1_S1DSS, STE_S1DSS_TERMINATE), 0, 0);
	map_page(&s1t, 0x1000, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, 0x1000, ACC_R), DATA_PA);
	xl(1, 0, 0x1000, ACC_R);
	expect_evt(EVT_C_BAD_SUBSTREAMID, 1);
}

#endif /* S3E_CASES_STRTAB_H */
