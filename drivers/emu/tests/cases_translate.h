/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Model cases: translation: stage 1, stage 2 and nested walks, their faults
 * and records, the EL2 regimes.
 * Listed in s3e_model_walk[] (model_cases.h).
 *
 * Part of model_cases.h, which includes the cases_*.h files in order,
 * after model_helpers.h and S3E_CASE(): a file may use the helpers of
 * the files before it.
 */
#ifndef S3E_CASES_TRANSLATE_H
#define S3E_CASES_TRANSLATE_H

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

S3E_CASE(s1_4k_4level_then_cached)
{
	smmu_up();
	s1_stream(1, 1);
	map_page(&s1t, 0x7fff12345000ULL, DATA_PA + 0x3000, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, 0x7fff12345008ULL, ACC_R), DATA_PA + 0x3008);
	EXPECT_EQ(st()->walks, 1);
	EXPECT_EQ(xpa(1, NOSS, 0x7fff12345ff0ULL, ACC_W), DATA_PA + 0x3ff0);
	EXPECT_EQ(res.len, 0x10);
	EXPECT_EQ(st()->walks, 1);
	EXPECT_EQ(st()->utlb_hits, 1);
}

S3E_CASE(s1_2m_block)
{
	smmu_up();
	s1_stream(1, 1);
	map_block(&s1t, 0x40000000, DATA_PA & ~(SZ_2M - 1), 2, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, 0x40012345, ACC_R),
		  (DATA_PA & ~(SZ_2M - 1)) + 0x12345);
	EXPECT_EQ(res.len, SZ_2M - 0x12345);
}

S3E_CASE(s1_16k_granule)
{
	s3e_u64 d;
	struct tree t16;

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
}

S3E_CASE(s1_64k_granule)
{
	s3e_u64 d;
	struct tree t16;

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
}

S3E_CASE(s1_ttb1_upper_range)
{
	struct tree t16;

	smmu_up();
	tree_new(&s1t, 0, 0);
	tree_new(&t16, 0, 0);
	cd_write(CD_PA, cd0(1) & ~CD_0_EPD1, tree_ttb(&s1t));
	wr64(CD_PA + 16, tree_ttb(&t16));
	ste_s1(1, CD_PA, 0, 0, 0);
	map_page(&t16, 0xffff800000001000ULL, DATA_PA + 0x9000, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, 0xffff800000001234ULL, ACC_R),
		  DATA_PA + 0x9234);
}

S3E_CASE(s1_tbi)
{
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
}

S3E_CASE(f_translation_s1_record_fields)
{
	smmu_up();
	s1_stream(1, 1);
	ste_s1(1, CD_PA + 64, 4, 0, STE_S1DSS_SSID0);
	cd_write(CD_PA + 64 + 2 * 64, cd0(1), tree_ttb(&s1t));
	xl(1, 2, 0x12345678, ACC_R | ACC_P | ACC_X);
	expect_fault_evt(EVT_F_TRANSLATION, 1, 2, 0x12345678,
			 E1_READ | EVT_1_PNU | EVT_1_IND, 0);
}

S3E_CASE(f_translation_s1_silent_without_cd_r)
{
	smmu_up();
	s1_stream(1, 1);
	cd_write(CD_PA + 64, cd0(1) & ~CD_0_R, tree_ttb(&s1t));
	EXPECT_EQ(xl(1, NOSS, 0x1000, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_F_TRANSLATION);
	EXPECT_EQ(res.recorded, 0);
	EXPECT_EQ(evt_pending(), 0);
	EXPECT_EQ(st()->faults[EVT_F_TRANSLATION], 1);
}

S3E_CASE(f_permission_s1_write_readonly)
{
	smmu_up();
	s1_stream(1, 1);
	map_page(&s1t, 0x3000, DATA_PA, S1_RW | TTD_AP_RDONLY);
	EXPECT_EQ(xpa(1, NOSS, 0x3000, ACC_R), DATA_PA);
	xl(1, NOSS, 0x3008, ACC_W);	/* a TLB (and micro-TLB) hit */
	expect_fault_evt(EVT_F_PERMISSION, 1, NOSS, 0x3008, E1_WRITE, 0);
}

S3E_CASE(f_permission_s1_exec_uxn)
{
	smmu_up();
	s1_stream(1, 1);
	map_page(&s1t, 0x3000, DATA_PA, S1_RW | TTD_UXN);
	xl(1, NOSS, 0x3000, ACC_X);
	expect_fault_evt(EVT_F_PERMISSION, 1, NOSS, 0x3000,
			 E1_READ | EVT_1_IND, 0);
	/* A write with the instruction attribute is a data write */
	EXPECT_EQ(xpa(1, NOSS, 0x3000, ACC_W | ACC_X), DATA_PA);
}

S3E_CASE(f_permission_s1_silent_without_cd_r)
{
	smmu_up();
	s1_stream(1, 1);
	cd_write(CD_PA + 64, cd0(1) & ~CD_0_R, tree_ttb(&s1t));
	map_page(&s1t, 0x3000, DATA_PA, S1_RW | TTD_AP_RDONLY);
	EXPECT_EQ(xl(1, NOSS, 0x3000, ACC_W), S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_F_PERMISSION);
	EXPECT_EQ(evt_pending(), 0);
}

S3E_CASE(f_access_s1)
{
	s3e_u64 dpa;

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
}

S3E_CASE(host_without_read64_and_cmpxchg64)
{
	s3e_u64 dpa;

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
}

S3E_CASE(f_addr_size_s1)
{
	smmu_up();
	s1_stream(1, 1);
	cd_write(CD_PA + 64, (cd0(1) & ~CD_0_IPS) | FP(CD_0_IPS, PS_32),
		 tree_ttb(&s1t));
	map_page(&s1t, 0x3000, 0x100000000ULL, S1_RW);
	xl(1, NOSS, 0x3000, ACC_R);
	expect_fault_evt(EVT_F_ADDR_SIZE, 1, NOSS, 0x3000, E1_READ, 0);
}

S3E_CASE(f_walk_eabt_s1_recorded_without_cd_r)
{
	s3e_u64 l0;

	smmu_up();
	s1_stream(1, 1);
	cd_write(CD_PA + 64, cd0(1) & ~CD_0_R, tree_ttb(&s1t));
	l0 = tree_ttb(&s1t);
	wr64(l0 + 1 * 8, HOLE_PA | 3);		/* VA bit 39 set */
	xl(1, NOSS, 0x8000403000ULL, ACC_R);
	expect_fault_evt(EVT_F_WALK_EABT, 1, NOSS, 0x8000403000ULL,
			 EVT_1_RNW | FP(EVT_1_CLASS, EVT_CLASS_TTD), HOLE_PA);
}

S3E_CASE(f_translation_s1_epd0)
{
	smmu_up();
	s1_stream(1, 1);
	map_page(&s1t, 0x3000, DATA_PA, S1_RW);
	cd_write(CD_PA + 64, cd0(1) | CD_0_EPD0, tree_ttb(&s1t));
	xl(1, NOSS, 0x3000, ACC_R);
	expect_fault_evt(EVT_F_TRANSLATION, 1, NOSS, 0x3000, E1_READ, 0);
}

/*
 * §5.2 PRIVCFG/INSTCFG: RES0 with SMMU_IDR1.ATTR_PERMS_OVR = 0, the
 * incoming attributes are used
 */
S3E_CASE(ste_privcfg_instcfg_res0)
{
	smmu_up();
	EXPECT_EQ(r32(SMMU3_IDR1) & IDR1_ATTR_PERMS_OVR, 0);
	s1_stream(1, 1);
	/* Privileged-only data page, executable nowhere */
	map_page(&s1t, 0x3000, DATA_PA,
		 TTD_AF | TTD_NG | TTD_PXN | TTD_UXN);
	ste_write(1, ste_s1w0(STE_CONFIG_S1, CD_PA + 64, 0, 0),
		  FP(STE_1_PRIVCFG, 3) | FP(STE_1_INSTCFG, 2), 0, 0);
	/* An unprivileged instruction fetch stays one */
	xl(1, NOSS, 0x3000, ACC_X);
	expect_fault_evt(EVT_F_PERMISSION, 1, NOSS, 0x3000,
			 E1_READ | EVT_1_IND, 0);
	ste_write(1, ste_s1w0(STE_CONFIG_S1, CD_PA + 64, 0, 0),
		  FP(STE_1_PRIVCFG, 2) | FP(STE_1_INSTCFG, 3), 0, 0);
	cmd(OP(CFGI_STE) | FP(CMD_0_SID, 1), 0);
	/* A privileged data read stays one */
	EXPECT_EQ(xpa(1, NOSS, 0x3000, ACC_P), DATA_PA);
}

S3E_CASE(s2_only_translate)
{
	struct tree t2;

	smmu_up();
	tree_new(&t2, 1, 0);
	map_page(&t2, 0x12345000, DATA_PA + 0x8000, S2_RW);
	ste_s2(2, 7, t2.base);
	EXPECT_EQ(xpa(2, NOSS, 0x12345678, ACC_W), DATA_PA + 0x8678);
	EXPECT_EQ(xpa(2, NOSS, 0x12345000, ACC_X | ACC_P), DATA_PA + 0x8000);
}

/*
 * §3.4: stage 1 bypassed, an input beyond the IAS (48 bits) is a stage-1
 * Address Size fault of class IN before stage 2 is consulted, recorded
 * (§7.3.14: no CD.R applies); one within the IAS but beyond the stage-2
 * input range is stage 2's
 */
S3E_CASE(f_addr_size_s1_bypassed_beyond_ias)
{
	struct tree t2;
	s3e_u64 e[4];

	smmu_up();
	tree_new(&t2, 1, 0);
	ste_s2(2, 7, t2.base);
	EXPECT_EQ(xl(2, NOSS, 1ULL << 48, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_F_ADDR_SIZE);
	EXPECT_EQ(res.recorded, 1);
	EXPECT_EQ(evt_type(e), EVT_F_ADDR_SIZE);
	EXPECT_EQ(e[1], E1_READ);
	EXPECT_EQ(e[2], 1ULL << 48);
	EXPECT_EQ(st()->faults[EVT_F_ADDR_SIZE], 1);
	EXPECT_EQ(st()->walks, 1);
	xl(2, NOSS, (1ULL << 48) - SZ_4K, ACC_R);
	EXPECT_EQ(res.event, EVT_F_TRANSLATION);
	EXPECT_EQ(evt_type(e), EVT_F_TRANSLATION);
	EXPECT_EQ(e[1] & EVT_1_S2, EVT_1_S2);
}

/*
 * §3.4: STE bypass with an input beyond the OAS is a stage-1 F_ADDR_SIZE
 * of class IN, recorded (§7.3.14)
 */
S3E_CASE(ste_bypass_beyond_oas_addr_size)
{
	smmu_up();
	ste_bypass(3);
	EXPECT_EQ(xpa(3, NOSS, SMMU3_BIT(48) - 8, ACC_R), SMMU3_BIT(48) - 8);
	EXPECT_EQ(res.len, 8);
	xl(3, NOSS, 0xff00000000001000ULL, ACC_W);
	expect_fault_evt(EVT_F_ADDR_SIZE, 3, NOSS, 0xff00000000001000ULL,
			 E1_WRITE, 0);
	EXPECT_EQ(st()->bypassed, 1);
}

/*
 * §3.4, §5.2 S1DSS 0b01: stage 1 bypassed, an input beyond the IAS is a
 * stage-1 F_ADDR_SIZE, recorded, with or without stage 2
 */
S3E_CASE(s1dss_bypass_beyond_ias_addr_size)
{
	struct tree t2;

	smmu_up();
	ste_s1(6, CD_PA, 4, 0, STE_S1DSS_BYPASS);
	xl(6, NOSS, SMMU3_BIT(48), ACC_R);
	expect_fault_evt(EVT_F_ADDR_SIZE, 6, NOSS, SMMU3_BIT(48), E1_READ, 0);
	s2_window(&t2);
	ste_nested(7, ipa(CD_PA), 4, 0, STE_S1DSS_BYPASS, 1, t2.base);
	xl(7, NOSS, SMMU3_BIT(52), ACC_R);
	expect_fault_evt(EVT_F_ADDR_SIZE, 7, NOSS, SMMU3_BIT(52), E1_READ, 0);
}

S3E_CASE(f_translation_s2_record_fields)
{
	struct tree t2;

	smmu_up();
	tree_new(&t2, 1, 0);
	ste_s2(2, 7, t2.base);
	xl(2, NOSS, 0x55555123, ACC_W | ACC_P);
	expect_fault_evt(EVT_F_TRANSLATION, 2, NOSS, 0x55555123,
			 E1_WRITE | EVT_1_S2 | EVT_1_PNU, 0x55555000);
}

S3E_CASE(f_translation_s2_silent_without_s2r)
{
	struct tree t2;

	smmu_up();
	tree_new(&t2, 1, 0);
	ste_write(2, ste0(STE_CONFIG_S2), 0, ste_s2w2(7) & ~STE_2_S2R,
		  t2.base);
	EXPECT_EQ(xl(2, NOSS, 0x55555123, ACC_W), S3E_TXN_FAULT);
	EXPECT_EQ(res.recorded, 0);
	EXPECT_EQ(evt_pending(), 0);
}

S3E_CASE(f_permission_s2_write)
{
	struct tree t2;

	smmu_up();
	tree_new(&t2, 1, 0);
	map_page(&t2, 0x3000, DATA_PA, S2_RW & ~TTD_S2AP_WRITE);
	ste_s2(2, 7, t2.base);
	EXPECT_EQ(xpa(2, NOSS, 0x3000, ACC_R), DATA_PA);
	xl(2, NOSS, 0x3010, ACC_W);
	expect_fault_evt(EVT_F_PERMISSION, 2, NOSS, 0x3010,
			 E1_WRITE | EVT_1_S2, 0x3000);
}

S3E_CASE(f_access_s2_and_s2ha)
{
	struct tree t2;
	s3e_u64 l0;

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
}

S3E_CASE(f_addr_size_s2)
{
	struct tree t2;

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
}

S3E_CASE(f_walk_eabt_s2)
{
	struct tree t2;

	smmu_up();
	tree_new(&t2, 1, 0);
	wr64(t2.base, HOLE_PA | 3);
	ste_write(2, ste0(STE_CONFIG_S2), 0, ste_s2w2(7) & ~STE_2_S2R,
		  t2.base);
	xl(2, NOSS, 0x3000, ACC_R);
	expect_fault_evt(EVT_F_WALK_EABT, 2, NOSS, 0x3000,
			 E1_READ | EVT_1_S2, HOLE_PA);
}

S3E_CASE(nested_translate)
{
	struct tree t2;
	struct tree t1;
	s3e_u64 cdpa;

	smmu_up();
	s2_window(&t2);
	tree_new(&t1, 0, IPA_BASE - RAM_BASE);
	map_page(&t1, 0x7000, ipa(DATA_PA + 0x2000), S1_RW);
	cdpa = CD_PA + 5 * 64;
	cd_write(cdpa, cd0(9), tree_ttb(&t1));
	ste_nested(5, ipa(cdpa), 0, 0, 0, 3, t2.base);
	EXPECT_EQ(xpa(5, NOSS, 0x7abc, ACC_R), DATA_PA + 0x2abc);
	EXPECT_EQ(res.len, 0x1000 - 0xabc);
}

S3E_CASE(nested_s2_fault_on_s1_table)
{
	struct tree t2;
	struct tree t1;
	s3e_u64 cdpa;

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
}

S3E_CASE(nested_s2_fault_on_output)
{
	struct tree t2;
	struct tree t1;
	s3e_u64 cdpa;

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
}

S3E_CASE(nested_s1_fault_not_s2)
{
	struct tree t2;
	struct tree t1;
	s3e_u64 cdpa;

	smmu_up();
	s2_window(&t2);
	tree_new(&t1, 0, IPA_BASE - RAM_BASE);
	cdpa = CD_PA + 5 * 64;
	cd_write(cdpa, cd0(9) & ~CD_0_R, tree_ttb(&t1));
	ste_nested(5, ipa(cdpa), 0, 0, 0, 3, t2.base);
	xl(5, NOSS, 0x7000, ACC_R);		/* stage 1: CD.R = 0 */
	EXPECT_EQ(res.event, EVT_F_TRANSLATION);
	EXPECT_EQ(res.recorded, 0);
}

S3E_CASE(nested_cd_fetch_through_s2_fault)
{
	struct tree t2;

	smmu_up();
	s2_window(&t2);
	ste_nested(5, 0x3000000000ULL, 0, 0, 0, 3, t2.base);
	xl(5, NOSS, 0x7000, ACC_R);
	expect_fault_evt(EVT_F_TRANSLATION, 5, NOSS, 0x7000,
			 EVT_1_RNW | EVT_1_S2 | EVT_1_TT_READ |
			 FP(EVT_1_CLASS, EVT_CLASS_CD),
			 0x3000000000ULL);
}

S3E_CASE(nested_cd_fetch_abort_after_s2)
{
	struct tree t2;

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
}

/*
 * §5.2 S2PTW: a CD or L1CD fetch from an IPA that stage 2 maps as Device
 * is a stage-2 permission fault of class CD
 */
S3E_CASE(nested_s2ptw_cd_fetch_device)
{
	struct tree t2;
	s3e_u64 e1 = EVT_1_RNW | EVT_1_S2 | EVT_1_TT_READ |
		     FP(EVT_1_CLASS, EVT_CLASS_CD);

	smmu_up();
	s2_window(&t2);
	/* The 2M block holding the CDs: Device-nGnRnE (MemAttr 0) */
	map_block(&t2, ipa(CD_PA), CD_PA & ~(SZ_2M - 1), 2,
		  TTD_AF | TTD_S2AP_READ | TTD_S2AP_WRITE);
	cd_write(CD_PA + 5 * 64, cd0(9), IPA_BASE);
	ste_write(5, ste_s1w0(STE_CONFIG_NESTED, ipa(CD_PA + 5 * 64), 0, 0),
		  0, ste_s2w2(3) | STE_2_S2PTW, t2.base);
	xl(5, NOSS, 0x7000, ACC_R);
	expect_fault_evt(EVT_F_PERMISSION, 5, NOSS, 0x7000, e1,
			 ipa(CD_PA + 5 * 64) & EVT_3_IPA);
	/* An L1CD */
	ste_write(6, ste_s1w0(STE_CONFIG_NESTED, ipa(CD_PA + 0x1000), 4,
			      STE_S1FMT_2LVL_4K),
		  FP(STE_1_S1DSS, STE_S1DSS_SSID0),
		  ste_s2w2(3) | STE_2_S2PTW, t2.base);
	xl(6, 1, 0x7000, ACC_R);
	expect_fault_evt(EVT_F_PERMISSION, 6, 1, 0x7000, e1,
			 ipa(CD_PA + 0x1000) & EVT_3_IPA);
}

S3E_CASE(nested_s2_walk_eabt_on_s1_table)
{
	struct tree t2;
	s3e_u64 l0;

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
}

S3E_CASE(el2_regime_tlbi_scope)
{
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
}

/* §5.4 EPD0: IGNORED (effective 0) for an EL2 stream without E2H */
S3E_CASE(el2_epd0_ignored)
{
	smmu_up();
	s1_stream(1, 1);
	cd_write(CD_PA + 64, cd0(1) | CD_0_EPD0, tree_ttb(&s1t));
	ste_write(1, ste_s1w0(STE_CONFIG_S1, CD_PA + 64, 0, 0),
		  FP(STE_1_STRW, STE_STRW_EL2), 0, 0);
	map_page(&s1t, 0x3000, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, 0x3000, ACC_R), DATA_PA);
}

S3E_CASE(el2_e2h_regime_asid)
{
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
}

#endif /* S3E_CASES_TRANSLATE_H */
