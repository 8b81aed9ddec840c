/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Model cases: strict mode (invalidation completes at the next CMD_SYNC) and
 * the checker.
 * Listed in s3e_model_inval[] (model_cases.h).
 *
 * Part of model_cases.h, which includes the cases_*.h files in order,
 * after model_helpers.h and S3E_CASE(): a file may use the helpers of
 * the files before it.
 */
#ifndef S3E_CASES_STRICT_H
#define S3E_CASES_STRICT_H

/* ================================================================== */
/* Strict mode: invalidation completes late (§3.21.1, §3.21.3, §4.7.3) */

#define TLBI_VA_T	(OP(TLBI_NH_VA) | FPC(CMD_TLBI_0_ASID, 5))

/* A stage-1 stream (ASID 5) whose VA_T is cached, then remapped */
static void strict_stale_setup(unsigned int strict)
{
	cfg.strict = strict;
	smmu_up();
	s1_stream(1, 5);
	map_page(&s1t, VA_T, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA);
	map_page(&s1t, VA_T, DATA_PA + 0x1000, S1_RW);
}

/* A TLBI without CMD_SYNC: the stale entry stays usable */
S3E_CASE(strict_tlbi_without_sync_stale)
{
	strict_stale_setup(1);
	cmd(TLBI_VA_T, VA_T);
	EXPECT_EQ(cmdq_idle(), 1);
	EXPECT_EQ(st()->cmds[CMD_OP_TLBI_NH_VA], 1);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA);
	EXPECT_EQ(xpa(1, NOSS, VA_T + 8, ACC_R), DATA_PA + 8);
	/* Another command that is not a CMD_SYNC completes nothing */
	cmd(OP(PREFETCH_CONFIG) | FP(CMD_0_SID, 1), 0);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA);
}

/* The CMD_SYNC that follows completes it */
S3E_CASE(strict_tlbi_then_sync_fresh)
{
	strict_stale_setup(1);
	cmdq_shadow = r32(SMMU3_CMDQ_PROD);
	cmd_queue(TLBI_VA_T, VA_T);
	cmd_queue(OP(SYNC), 0);
	cmd_publish();
	EXPECT_EQ(cmdq_idle(), 1);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA + 0x1000);
}

/* Default mode unchanged: the TLBI takes effect as it is consumed */
S3E_CASE(default_tlbi_without_sync_fresh)
{
	strict_stale_setup(0);
	cmd(TLBI_VA_T, VA_T);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA + 0x1000);
}

/* A CFGI_STE without CMD_SYNC: the cached STE stays in use */
S3E_CASE(strict_cfgi_without_sync_stale)
{
	cfg.strict = 1;
	smmu_up();
	s1_stream(1, 5);
	map_page(&s1t, VA_T, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA);
	ste_abort(1);
	cmd(OP(CFGI_STE) | FP(CMD_0_SID, 1), CMD_CFGI_1_LEAF);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA);
	cmd_sync();
	EXPECT_EQ(xl(1, NOSS, VA_T, ACC_R), S3E_TXN_ABORT);
}

/* Default mode: the CFGI_STE takes effect as it is consumed */
S3E_CASE(default_cfgi_without_sync_fresh)
{
	smmu_up();
	s1_stream(1, 5);
	map_page(&s1t, VA_T, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA);
	ste_abort(1);
	cmd(OP(CFGI_STE) | FP(CMD_0_SID, 1), CMD_CFGI_1_LEAF);
	EXPECT_EQ(xl(1, NOSS, VA_T, ACC_R), S3E_TXN_ABORT);
}

/*
 * More outstanding invalidations than the model holds: the oldest
 * completes early (allowed), the later ones still wait for the CMD_SYNC.
 */
S3E_CASE(strict_pending_overflow_completes_oldest)
{
	unsigned int i;

	strict_stale_setup(1);
	cmd(TLBI_VA_T, VA_T);
	for (i = 0; i < 64; i++)
		cmd(OP(TLBI_NH_ASID) | FP(CMD_TLBI_0_ASID, 100 + i), 0);
	EXPECT_EQ(cmdq_idle(), 1);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA + 0x1000);
	map_page(&s1t, VA_T, DATA_PA + 0x2000, S1_RW);
	cmd(TLBI_VA_T, VA_T);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA + 0x1000);
	cmd_sync();
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA + 0x2000);
}

/* A CMD_SYNC that completes without a signal still completes them */
S3E_CASE(strict_sync_cs_none_completes)
{
	strict_stale_setup(1);
	cmd(TLBI_VA_T, VA_T);
	cmd(OP(SYNC) | FP(CMD_SYNC_0_CS, CMD_SYNC_CS_NONE), 0);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA + 0x1000);
}

/* A command error before the CMD_SYNC: still outstanding after it */
S3E_CASE(strict_cmd_error_keeps_pending)
{
	strict_stale_setup(1);
	cmdq_shadow = r32(SMMU3_CMDQ_PROD);
	cmd_queue(TLBI_VA_T, VA_T);
	cmd_queue(OP(TLBI_EL3_ALL), 0);
	cmd_publish();
	EXPECT_EQ(!!(r32(SMMU3_GERROR) & GERROR_CMDQ_ERR), 1);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA);
	/* Replace the bad command by a CMD_SYNC and acknowledge */
	wr64(CMDQ_PA + (r32(SMMU3_CMDQ_CONS) & ((1U << cmdq_log2) - 1)) * 16,
	     OP(SYNC));
	w32(SMMU3_GERRORN, r32(SMMU3_GERROR));
	EXPECT_EQ(cmdq_idle(), 1);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA + 0x1000);
}

/* ================================================================== */
/* The checker (strict mode): classes 2 and 3 (§3.21.1, §3.21.3) */

static s3e_u64 chk_count(unsigned int cls)
{
	const struct s3e_chk_state *k = s3e_smmu_checker(smmu);

	return k ? k->count[cls] : ~0ULL;
}

static const struct s3e_chk_report *chk_last(void)
{
	const struct s3e_chk_report *r = s3e_smmu_checker_report(smmu, 0);

	if (!r)
		test_bug("no checker report");
	return r;
}

/* Default mode has no checker */
S3E_CASE(checker_absent_in_default_mode)
{
	smmu_up();
	EXPECT_EQ(!s3e_smmu_checker(smmu), 1);
	EXPECT_EQ(!s3e_smmu_checker_report(smmu, 0), 1);
}

/*
 * Class 3, failing sequence: a cached leaf changed, CMD_SYNC without a
 * TLBI, and the stale translation used after it.  The translation is the
 * same as in default mode: the checker only reports.
 */
S3E_CASE(checker_tlb_stale_used_reported)
{
	unsigned int strict;
	s3e_u64 dpa = 0;

	for (strict = 0; strict < 2; strict++) {
		model_reset();
		cfg.strict = strict;
		smmu_up();
		s1_stream(1, 5);
		dpa = map_page(&s1t, VA_T, DATA_PA, S1_RW);
		EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA);
		map_page(&s1t, VA_T, DATA_PA + 0x1000, S1_RW);
		cmd_sync();
		EXPECT_EQ(xpa(1, NOSS, VA_T + 8, ACC_R), DATA_PA + 8);
	}
	EXPECT_EQ(chk_count(S3E_CHK_TLB_STALE), 1);
	EXPECT_EQ(chk_count(S3E_CHK_CFG_STALE), 0);
	EXPECT_EQ(s3e_smmu_checker(smmu)->total, 1);
	EXPECT_EQ(chk_last()->cls, S3E_CHK_TLB_STALE);
	EXPECT_EQ(chk_last()->sid, 1);
	EXPECT_EQ(chk_last()->ssid, NOSS);
	EXPECT_EQ(chk_last()->asid, 5);
	EXPECT_EQ(chk_last()->addr, dpa);
	EXPECT_EQ(chk_last()->iova, VA_T);
	EXPECT_EQ(chk_last()->stage, 1);
	EXPECT_EQ(chk_last()->missing, CMD_OP_TLBI_NH_VA);
	EXPECT_EQ(chk_last()->seq, 1);
	/* Once per stale entry */
	EXPECT_EQ(xpa(1, NOSS, VA_T + 16, ACC_R), DATA_PA + 16);
	cmd_sync();
	EXPECT_EQ(xpa(1, NOSS, VA_T + 16, ACC_R), DATA_PA + 16);
	EXPECT_EQ(chk_count(S3E_CHK_TLB_STALE), 1);
	s3e_smmu_checker_clear(smmu);
	EXPECT_EQ(chk_count(S3E_CHK_TLB_STALE), 0);
	EXPECT_EQ(!s3e_smmu_checker_report(smmu, 0), 1);
}

/* Class 3, clean sequence: TLBI then CMD_SYNC */
S3E_CASE(checker_tlb_tlbi_sync_clean)
{
	strict_stale_setup(1);
	cmd(TLBI_VA_T, VA_T);
	cmd_sync();
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA + 0x1000);
	cmd_sync();
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA + 0x1000);
	EXPECT_EQ(chk_count(S3E_CHK_TLB_STALE), 0);
	EXPECT_EQ(s3e_smmu_checker(smmu)->total, 0);
	EXPECT_EQ(s3e_smmu_checker(smmu)->checks, 2);
}

/*
 * Class 3, clean: a leaf cleared and left stale across CMD_SYNCs but never
 * used (a deferred flush); and the access flag set by software.
 */
S3E_CASE(checker_tlb_stale_unused_clean)
{
	s3e_u64 dpa;

	cfg.strict = 1;
	smmu_up();
	s1_stream(1, 5);
	dpa = map_page(&s1t, VA_T, DATA_PA, S1_RW);
	map_page(&s1t, VA_T + SZ_4K, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA);
	EXPECT_EQ(xpa(1, NOSS, VA_T + SZ_4K, ACC_R), DATA_PA);
	wr64(dpa + 8, rd64(dpa + 8) ^ TTD_AF);
	wr64(dpa, 0);
	cmd_sync();
	cmd_sync();
	EXPECT_EQ(xpa(1, NOSS, VA_T + SZ_4K, ACC_R), DATA_PA);
	cmd(TLBI_VA_T, VA_T);
	cmd_sync();
	EXPECT_EQ(xl(1, NOSS, VA_T, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(s3e_smmu_checker(smmu)->total, 0);
}

/* Class 3 at stage 2: the missing command is TLBI_S2_IPA */
S3E_CASE(checker_tlb_stale_s2_reported)
{
	struct tree t2;
	s3e_u64 dpa;

	cfg.strict = 1;
	smmu_up();
	tree_new(&t2, 1, 0);
	dpa = map_page(&t2, 0x40000, DATA_PA, S2_RW);
	ste_s2(2, 7, t2.base);
	EXPECT_EQ(xpa(2, NOSS, 0x40010, ACC_R), DATA_PA + 0x10);
	map_page(&t2, 0x40000, DATA_PA + 0x1000, S2_RW);
	cmd(OP(TLBI_S2_IPA) | FP(CMD_TLBI_0_VMID, 6), 0x40000);
	cmd_sync();
	EXPECT_EQ(xpa(2, NOSS, 0x40010, ACC_R), DATA_PA + 0x10);
	EXPECT_EQ(chk_count(S3E_CHK_TLB_STALE), 1);
	EXPECT_EQ(chk_last()->vmid, 7);
	EXPECT_EQ(chk_last()->addr, dpa);
	EXPECT_EQ(chk_last()->stage, 2);
	EXPECT_EQ(chk_last()->missing, CMD_OP_TLBI_S2_IPA);
}

/* Class 2, failing sequence: STE rewritten, CMD_SYNC without CFGI_STE */
S3E_CASE(checker_ste_stale_used_reported)
{
	cfg.strict = 1;
	smmu_up();
	s1_stream(1, 5);
	map_page(&s1t, VA_T, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA);
	ste_abort(1);
	cmd_sync();
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA);
	EXPECT_EQ(chk_count(S3E_CHK_CFG_STALE), 1);
	EXPECT_EQ(chk_count(S3E_CHK_TLB_STALE), 0);
	EXPECT_EQ(chk_last()->cls, S3E_CHK_CFG_STALE);
	EXPECT_EQ(chk_last()->sid, 1);
	EXPECT_EQ(chk_last()->ssid, NOSS);
	EXPECT_EQ(chk_last()->addr, STRTAB_PA + 64);
	EXPECT_EQ(chk_last()->missing, CMD_OP_CFGI_STE);
}

/* Class 2, failing sequence: CD rewritten, CMD_SYNC without CFGI_CD */
S3E_CASE(checker_cd_stale_used_reported)
{
	cfg.strict = 1;
	smmu_up();
	s1_stream(1, 5);
	map_page(&s1t, VA_T, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA);
	cd_write(CD_PA + 64, cd0(6), tree_ttb(&s1t));
	cmd(OP(TLBI_NH_ASID) | FP(CMD_TLBI_0_ASID, 5), 0);
	cmd_sync();
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA);
	EXPECT_EQ(chk_count(S3E_CHK_CFG_STALE), 1);
	EXPECT_EQ(chk_last()->addr, CD_PA + 64);
	EXPECT_EQ(chk_last()->asid, 5);
	EXPECT_EQ(chk_last()->missing, CMD_OP_CFGI_CD);
}

/* Class 2, clean sequences: CFGI then CMD_SYNC; a STE not cached */
S3E_CASE(checker_ste_cfgi_sync_clean)
{
	cfg.strict = 1;
	smmu_up();
	s1_stream(1, 5);
	map_page(&s1t, VA_T, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA);
	ste_abort(1);
	cmd(OP(CFGI_STE) | FP(CMD_0_SID, 1), CMD_CFGI_1_LEAF);
	cmd_sync();
	EXPECT_EQ(xl(1, NOSS, VA_T, ACC_R), S3E_TXN_ABORT);
	ste_bypass(3);
	cmd_sync();
	EXPECT_EQ(xl(3, NOSS, VA_T, ACC_R), S3E_TXN_OK);
	ste_abort(3);
	cmd(OP(CFGI_STE) | FP(CMD_0_SID, 3), 0);
	cmd_sync();
	EXPECT_EQ(xl(3, NOSS, VA_T, ACC_R), S3E_TXN_ABORT);
	EXPECT_EQ(s3e_smmu_checker(smmu)->total, 0);
}

/* Class 5: CMDQ_PROD more than the queue's size ahead of CONS (§3.5) */
S3E_CASE(checker_queue_prod_overflow_reported)
{
	s3e_u32 cons;

	cfg.strict = 1;
	smmu_up();
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN);
	cons = r32(SMMU3_CMDQ_CONS);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	/* A full queue is allowed: nothing reported */
	w32(SMMU3_CMDQ_PROD, q_next(cons, cmdq_log2) + (1U << cmdq_log2) - 1);
	EXPECT_EQ(s3e_smmu_checker(smmu)->total, 0);
	model_reset();
	cfg.strict = 1;
	smmu_up();
	w32(SMMU3_CMDQ_PROD, (1U << cmdq_log2) + 1);
	EXPECT_EQ(chk_count(S3E_CHK_QUEUE), 1);
	EXPECT_EQ(chk_last()->detail, S3E_CHK_Q_CMDQ_PROD);
	EXPECT_EQ(chk_last()->addr, CMDQ_PA);
	EXPECT_EQ(chk_last()->value, (1U << cmdq_log2) + 1);
}

/* Class 5: queue base and CONS/PROD written while the queue is enabled */
S3E_CASE(checker_queue_base_while_enabled_reported)
{
	cfg.strict = 1;
	smmu_up();
	w64(SMMU3_CMDQ_BASE, CMDQ_PA | 4);
	EXPECT_EQ(chk_count(S3E_CHK_QUEUE), 2);	/* both halves */
	EXPECT_EQ(chk_last()->detail, S3E_CHK_Q_CMDQ_BASE);
	/* Ignored, as SMMUv3.2 does (§6.3.26): still the old size */
	EXPECT_EQ(r64(SMMU3_CMDQ_BASE), CMDQ_PA | cmdq_log2);
	w32(SMMU3_CMDQ_CONS, 0);
	EXPECT_EQ(chk_last()->detail, S3E_CHK_Q_CMDQ_CONS);
	w64(SMMU3_EVENTQ_BASE, EVTQ_PA | 4);
	EXPECT_EQ(chk_last()->detail, S3E_CHK_Q_EVTQ_BASE);
	w32(SMMU3_EVENTQ_PROD_P1, 0);
	EXPECT_EQ(chk_last()->detail, S3E_CHK_Q_EVTQ_PROD);
	w32(SMMU3_EVENTQ_CONS_P1, 5);
	EXPECT_EQ(chk_last()->detail, S3E_CHK_Q_EVTQ_CONS);
	EXPECT_EQ(chk_count(S3E_CHK_QUEUE), 7);
	EXPECT_EQ(s3e_smmu_checker(smmu)->total, 7);
}

/* Class 5, clean: the same writes with the queues disabled */
S3E_CASE(checker_queue_clean)
{
	cfg.strict = 1;
	smmu_up();
	cmd_sync();
	w32(SMMU3_CR0, CR0_SMMUEN);
	w64(SMMU3_CMDQ_BASE, CMDQ_PA | 4);
	w32(SMMU3_CMDQ_PROD, 0);
	w32(SMMU3_CMDQ_CONS, 0);
	w64(SMMU3_EVENTQ_BASE, EVTQ_PA | 4);
	w32(SMMU3_EVENTQ_PROD_P1, 0);
	w32(SMMU3_EVENTQ_CONS_P1, 0);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	cmdq_log2 = 4;
	cmd_sync();
	EXPECT_EQ(cmdq_idle(), 1);
	w32(SMMU3_EVENTQ_CONS_P1, 0);
	EXPECT_EQ(s3e_smmu_checker(smmu)->total, 0);
}

/*
 * Class 1, failing sequence: a live STE switched from stage 1 to stage 2
 * in one go (doublewords 0, 2 and 3 change in used bits between two
 * CMD_SYNCs): the SMMU could read a mix (§3.21.3)
 */
S3E_CASE(checker_ste_torn_reported)
{
	struct tree t2;

	cfg.strict = 1;
	smmu_up();
	s1_stream(1, 5);
	map_page(&s1t, VA_T, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA);
	tree_new(&t2, 1, 0);
	map_page(&t2, VA_T, DATA_PA + 0x1000, S2_RW);
	ste_s2(1, 7, t2.base);
	cmd(OP(CFGI_STE) | FP(CMD_0_SID, 1), CMD_CFGI_1_LEAF);
	cmd_sync();
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA + 0x1000);
	EXPECT_EQ(chk_count(S3E_CHK_LIVE_TORN), 1);
	EXPECT_EQ(s3e_smmu_checker(smmu)->total, 1);
	EXPECT_EQ(chk_last()->addr, STRTAB_PA + 64);
	EXPECT_EQ(chk_last()->sid, 1);
	EXPECT_EQ(chk_last()->value, 0xd);
	EXPECT_EQ(chk_last()->missing, CMD_OP_CFGI_STE);
}

/* Class 1, clean: the same change break-before-make, a step per sync */
S3E_CASE(checker_ste_break_before_make_clean)
{
	s3e_u64 pa = STRTAB_PA + 64;
	struct tree t2;

	cfg.strict = 1;
	smmu_up();
	s1_stream(1, 5);
	map_page(&s1t, VA_T, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA);
	tree_new(&t2, 1, 0);
	map_page(&t2, VA_T, DATA_PA + 0x1000, S2_RW);
	wr64(pa, rd64(pa) & ~STE_0_V);
	cmd(OP(CFGI_STE) | FP(CMD_0_SID, 1), CMD_CFGI_1_LEAF);
	cmd_sync();
	wr64(pa + 16, ste_s2w2(7));
	wr64(pa + 24, t2.base & STE_3_S2TTB);
	wr64(pa + 8, 0);
	cmd(OP(CFGI_STE) | FP(CMD_0_SID, 1), CMD_CFGI_1_LEAF);
	cmd_sync();
	wr64(pa, ste0(STE_CONFIG_S2));
	cmd(OP(CFGI_STE) | FP(CMD_0_SID, 1), CMD_CFGI_1_LEAF);
	cmd_sync();
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA + 0x1000);
	EXPECT_EQ(s3e_smmu_checker(smmu)->total, 0);
}

/* Class 1 on a CD: ASID and TTB0 at once is torn; ASID alone is not */
S3E_CASE(checker_cd_torn_reported)
{
	struct tree t;

	cfg.strict = 1;
	smmu_up();
	s1_stream(1, 5);
	map_page(&s1t, VA_T, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, VA_T, ACC_R), DATA_PA);
	cd_write(CD_PA + 64, cd0(6), tree_ttb(&s1t));
	cmd(OP(CFGI_CD) | FP(CMD_0_SID, 1), CMD_CFGI_1_LEAF);
	cmd_sync();
	EXPECT_EQ(s3e_smmu_checker(smmu)->total, 0);
	tree_new(&t, 0, 0);
	cd_write(CD_PA + 64, cd0(7), tree_ttb(&t));
	cmd(OP(CFGI_CD) | FP(CMD_0_SID, 1), CMD_CFGI_1_LEAF);
	cmd_sync();
	EXPECT_EQ(chk_count(S3E_CHK_LIVE_TORN), 1);
	EXPECT_EQ(chk_last()->addr, CD_PA + 64);
	EXPECT_EQ(chk_last()->asid, 6);
	EXPECT_EQ(chk_last()->value, 0x3);
	EXPECT_EQ(chk_last()->missing, CMD_OP_CFGI_CD);
}

#endif /* S3E_CASES_STRICT_H */
