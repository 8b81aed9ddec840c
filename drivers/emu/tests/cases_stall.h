/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Model cases: the stall model (§3.12.2, §4.7.1, §4.7.2, §7.3) on an
 * instance with stall slots.  Included by model_cases.h, whose
 * s3e_model_stall[] lists them.
 */
#ifndef S3E_CASES_STALL_H
#define S3E_CASES_STALL_H

#define ST_VA		0x7000ULL
#define ST_SLOTS	4

/* A stage-1 stream (SID 1, ASID 3) whose CD stalls faults (CD.S = 1) */
static void stall_s1_stream(s3e_u64 w1)
{
	cfg.stall_slots = ST_SLOTS;
	smmu_up();
	tree_new(&s1t, 0, 0);
	cd_write(CD_PA + 64, cd0(3) | CD_0_S, tree_ttb(&s1t));
	ste_write(1, ste_s1w0(STE_CONFIG_S1, CD_PA + 64, 0, 0), w1, 0, 0);
}

static void resume(s3e_u32 sid, s3e_u32 stag, unsigned int resp)
{
	cmd(OP(RESUME) | FPC(CMD_0_SID, sid) |
	    FPC(CMD_RESUME_0_RESP, resp), FPC(CMD_RESUME_1_STAG, stag));
	cmd_sync();
	EXPECT_EQ(cmdq_idle(), 1);
}

/*
 * A stage-1 fault of a stalling CD: the transaction stalls, the record
 * has Stall = 1 and the STAG (whatever CD.R says), the client waits;
 * after software maps the page, CMD_RESUME retry makes the translation
 * succeed (§3.12.2, §4.7.1).
 */
S3E_CASE(stall_resume_retry_sees_fix)
{
	s3e_u64 e[4];
	s3e_u32 stag;

	stall_s1_stream(0);
	cd_write(CD_PA + 64, (cd0(3) | CD_0_S) & ~CD_0_R, tree_ttb(&s1t));
	EXPECT_EQ(xl(1, NOSS, ST_VA, ACC_W), S3E_TXN_STALL);
	EXPECT_EQ(res.event, EVT_F_TRANSLATION);
	EXPECT_EQ(res.recorded, 1);
	stag = res.stag;
	EXPECT_EQ(evt_type(e), EVT_F_TRANSLATION);
	EXPECT_EQ(!!(e[1] & EVT_1_STALL), 1);
	EXPECT_EQ(FG(EVT_1_STAG, e[1]), stag);
	EXPECT_EQ(e[2], ST_VA);
	EXPECT_EQ(s3e_smmu_stall_poll(smmu, 1, stag), S3E_STALL_PENDING);
	map_page(&s1t, ST_VA, DATA_PA, S1_RW);
	resume(1, stag, CMD_RESUME_RESP_RETRY);
	EXPECT_EQ(s3e_smmu_stall_poll(smmu, 1, stag), S3E_STALL_RETRY);
	/* Released: polled once */
	EXPECT_EQ(s3e_smmu_stall_poll(smmu, 1, stag), S3E_STALL_GONE);
	EXPECT_EQ(xpa(1, NOSS, ST_VA, ACC_W), DATA_PA);
	EXPECT_EQ(st()->stalls, 1);
	EXPECT_EQ(st()->stall_retries, 1);
}

/*
 * CMD_RESUME terminate aborts the transaction, whatever Abort says
 * (SMMU_IDR0.TERM_MODEL = 1); a retry that faults again stalls again,
 * with a new STAG.
 */
S3E_CASE(stall_resume_terminate_and_refault)
{
	s3e_u32 stag, stag2;

	stall_s1_stream(0);
	EXPECT_EQ(xl(1, NOSS, ST_VA, ACC_R), S3E_TXN_STALL);
	stag = res.stag;
	resume(1, stag, CMD_RESUME_RESP_RETRY);
	EXPECT_EQ(s3e_smmu_stall_poll(smmu, 1, stag), S3E_STALL_RETRY);
	EXPECT_EQ(xl(1, NOSS, ST_VA, ACC_R), S3E_TXN_STALL);
	stag2 = res.stag;
	EXPECT_EQ(stag2 != stag, 1);
	resume(1, stag2, CMD_RESUME_RESP_TERM);
	EXPECT_EQ(s3e_smmu_stall_poll(smmu, 1, stag2), S3E_STALL_ABORT);
	EXPECT_EQ(xl(1, NOSS, ST_VA, ACC_R), S3E_TXN_STALL);
	resume(1, res.stag, CMD_RESUME_RESP_ABORT);
	EXPECT_EQ(s3e_smmu_stall_poll(smmu, 1, res.stag), S3E_STALL_ABORT);
	EXPECT_EQ(st()->stall_aborts, 2);
}

/*
 * §4.7.1: a CMD_RESUME whose STAG holds no stall, or holds one of another
 * StreamID, or a STAG already answered, has no effect.
 */
S3E_CASE(stall_resume_wrong_stag_or_sid_no_effect)
{
	s3e_u32 stag;

	stall_s1_stream(0);
	ste_write(2, ste_s1w0(STE_CONFIG_S1, CD_PA + 64, 0, 0), 0, 0, 0);
	EXPECT_EQ(xl(1, NOSS, ST_VA, ACC_R), S3E_TXN_STALL);
	stag = res.stag;
	resume(2, stag, CMD_RESUME_RESP_TERM);
	resume(1, stag ^ 1, CMD_RESUME_RESP_TERM);
	resume(1, stag + (1U << 6), CMD_RESUME_RESP_TERM);
	resume(1, 0xffff, CMD_RESUME_RESP_TERM);
	EXPECT_EQ(s3e_smmu_stall_poll(smmu, 1, stag), S3E_STALL_PENDING);
	resume(1, stag, CMD_RESUME_RESP_RETRY);
	/* Answered: a second CMD_RESUME does not change the outcome */
	resume(1, stag, CMD_RESUME_RESP_TERM);
	EXPECT_EQ(s3e_smmu_stall_poll(smmu, 1, stag), S3E_STALL_RETRY);
	EXPECT_EQ(st()->stall_aborts, 0);
}

/* §4.7.2: CMD_STALL_TERM terminates every stall of its StreamID only */
S3E_CASE(stall_term_stream)
{
	s3e_u32 a, b, c;

	stall_s1_stream(0);
	ste_write(2, ste_s1w0(STE_CONFIG_S1, CD_PA + 64, 0, 0), 0, 0, 0);
	EXPECT_EQ(xl(1, NOSS, ST_VA, ACC_R), S3E_TXN_STALL);
	a = res.stag;
	EXPECT_EQ(xl(1, NOSS, ST_VA + SZ_4K, ACC_W), S3E_TXN_STALL);
	b = res.stag;
	EXPECT_EQ(xl(2, NOSS, ST_VA, ACC_R), S3E_TXN_STALL);
	c = res.stag;
	cmd(OP(STALL_TERM) | FPC(CMD_0_SID, 1), 0);
	cmd_sync();
	EXPECT_EQ(cmdq_idle(), 1);
	EXPECT_EQ(s3e_smmu_stall_poll(smmu, 1, a), S3E_STALL_ABORT);
	EXPECT_EQ(s3e_smmu_stall_poll(smmu, 1, b), S3E_STALL_ABORT);
	EXPECT_EQ(s3e_smmu_stall_poll(smmu, 2, c), S3E_STALL_PENDING);
}

/*
 * Every slot in use: the next fault terminates, recorded with Stall = 0
 * as the terminate model records it (§3.12); a slot freed is used again.
 */
S3E_CASE(stall_slots_full_terminates)
{
	s3e_u32 stag[ST_SLOTS];
	s3e_u64 e[4];
	unsigned int i;

	stall_s1_stream(0);
	for (i = 0; i < ST_SLOTS; i++) {
		EXPECT_EQ(xl(1, NOSS, ST_VA + i * SZ_4K, ACC_R),
			  S3E_TXN_STALL);
		stag[i] = res.stag;
		EXPECT_EQ(evt_type(e), EVT_F_TRANSLATION);
	}
	EXPECT_EQ(xl(1, NOSS, ST_VA + 9 * SZ_4K, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(res.recorded, 1);
	EXPECT_EQ(evt_type(e), EVT_F_TRANSLATION);
	EXPECT_EQ(!!(e[1] & EVT_1_STALL), 0);
	EXPECT_EQ(FG(EVT_1_STAG, e[1]), 0);
	EXPECT_EQ(st()->stall_full, 1);
	resume(1, stag[2], CMD_RESUME_RESP_TERM);
	EXPECT_EQ(s3e_smmu_stall_poll(smmu, 1, stag[2]), S3E_STALL_ABORT);
	EXPECT_EQ(xl(1, NOSS, ST_VA + 9 * SZ_4K, ACC_R), S3E_TXN_STALL);
	EXPECT_EQ(st()->stalls, ST_SLOTS + 1);
}

/*
 * STE.S1STALLD = 1 with CD.S = 1 is an ILLEGAL CD (§5.4 CdIllegal():
 * stalls disabled for the stream but enabled for the CD): C_BAD_CD; and
 * a walk's external abort never stalls.
 */
S3E_CASE(stall_s1stalld_and_eabt_terminate)
{
	stall_s1_stream(STE_1_S1STALLD);
	EXPECT_EQ(xl(1, NOSS, ST_VA, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_C_BAD_CD);
	model_reset();
	stall_s1_stream(0);
	tree_set(&s1t, ST_VA, 2, HOLE_PA | TTD_TABLE | TTD_VALID);
	EXPECT_EQ(xl(1, NOSS, ST_VA, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_F_WALK_EABT);
	EXPECT_EQ(st()->stalls, 0);
}

/* Stage 2 with STE.S2S = 1 stalls; the record is a stage-2 one */
S3E_CASE(stall_s2)
{
	struct tree t2;
	s3e_u64 e[4];

	cfg.stall_slots = ST_SLOTS;
	smmu_up();
	tree_new(&t2, 1, 0);
	ste_write(2, ste0(STE_CONFIG_S2), 0, ste_s2w2(7) | STE_2_S2S,
		  t2.base & STE_3_S2TTB);
	EXPECT_EQ(xl(2, NOSS, 0x40000, ACC_W), S3E_TXN_STALL);
	EXPECT_EQ(evt_type(e), EVT_F_TRANSLATION);
	EXPECT_EQ(!!(e[1] & EVT_1_S2), 1);
	EXPECT_EQ(!!(e[1] & EVT_1_STALL), 1);
	EXPECT_EQ(FG(EVT_1_STAG, e[1]), res.stag);
	map_page(&t2, 0x40000, DATA_PA, S2_RW);
	resume(2, res.stag, CMD_RESUME_RESP_RETRY);
	EXPECT_EQ(xpa(2, NOSS, 0x40000, ACC_W), DATA_PA);
}

/* §3.12.2: clearing SMMUEN terminates every stall; so does reset */
S3E_CASE(stall_smmuen_off_terminates)
{
	s3e_u32 a;

	stall_s1_stream(0);
	EXPECT_EQ(xl(1, NOSS, ST_VA, ACC_R), S3E_TXN_STALL);
	a = res.stag;
	w32(SMMU3_CR0, CR0_EVENTQEN | CR0_CMDQEN);
	EXPECT_EQ(s3e_smmu_stall_poll(smmu, 1, a), S3E_STALL_ABORT);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	EXPECT_EQ(xl(1, NOSS, ST_VA, ACC_R), S3E_TXN_STALL);
	a = res.stag;
	s3e_smmu_reset(smmu);
	EXPECT_EQ(s3e_smmu_stall_poll(smmu, 1, a), S3E_STALL_ABORT);
}

/*
 * A client that stops waiting: the stall stays until software answers
 * it (its STAG is not reused before), then the slot is free again.
 */
S3E_CASE(stall_abandoned_until_answered)
{
	s3e_u32 stag[ST_SLOTS];
	unsigned int i;

	stall_s1_stream(0);
	for (i = 0; i < ST_SLOTS; i++) {
		EXPECT_EQ(xl(1, NOSS, ST_VA, ACC_R), S3E_TXN_STALL);
		stag[i] = res.stag;
	}
	s3e_smmu_stall_abandon(smmu, 1, stag[0]);
	EXPECT_EQ(s3e_smmu_stall_poll(smmu, 1, stag[0]), S3E_STALL_GONE);
	EXPECT_EQ(st()->stall_abandoned, 1);
	/* Slot 0 still held: no slot for a new stall */
	EXPECT_EQ(xl(1, NOSS, ST_VA, ACC_R), S3E_TXN_FAULT);
	resume(1, stag[0], CMD_RESUME_RESP_RETRY);
	EXPECT_EQ(xl(1, NOSS, ST_VA, ACC_R), S3E_TXN_STALL);
	EXPECT_EQ(res.stag != stag[0], 1);
}

/*
 * The record cannot be written (event queue disabled): the transaction is
 * terminated instead of stalled, and no slot stays taken.
 */
S3E_CASE(stall_without_event_queue_terminates)
{
	stall_s1_stream(0);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_CMDQEN);
	EXPECT_EQ(xl(1, NOSS, ST_VA, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(res.recorded, 0);
	EXPECT_EQ(st()->stalls, 0);
}

/*
 * Without the stall model CD.S = 1, STE.S1STALLD = 1 and STE.S2S = 1 are
 * ILLEGAL (§5.2, §5.4); with it they are legal.
 */
S3E_CASE(stall_fields_legal_only_with_stalls)
{
	unsigned int slots;

	for (slots = 0; slots <= ST_SLOTS; slots += ST_SLOTS) {
		model_reset();
		cfg.stall_slots = slots;
		smmu_up();
		tree_new(&s1t, 0, 0);
		map_page(&s1t, ST_VA, DATA_PA, S1_RW);
		cd_write(CD_PA + 64, cd0(3) | CD_0_S, tree_ttb(&s1t));
		ste_write(1, ste_s1w0(STE_CONFIG_S1, CD_PA + 64, 0, 0),
			  0, 0, 0);
		xl(1, NOSS, ST_VA, ACC_R);
		EXPECT_EQ(res.status, slots ? S3E_TXN_OK : S3E_TXN_FAULT);
		EXPECT_EQ(res.event, slots ? 0 : EVT_C_BAD_CD);
		cd_write(CD_PA + 128, cd0(4), tree_ttb(&s1t));
		ste_write(2, ste_s1w0(STE_CONFIG_S1, CD_PA + 128, 0, 0),
			  STE_1_S1STALLD, 0, 0);
		xl(2, NOSS, ST_VA, ACC_R);
		EXPECT_EQ(res.event, slots ? 0 : EVT_C_BAD_STE);
		ste_write(3, ste0(STE_CONFIG_S2), 0, ste_s2w2(7) | STE_2_S2S,
			  PT_PA & STE_3_S2TTB);
		xl(3, NOSS, 0x1000, ACC_R);
		EXPECT_EQ(res.event == EVT_C_BAD_STE, !slots);
		EXPECT_EQ(FG(IDR0_STALL_MODEL, r32(SMMU3_IDR0)),
			  slots ? IDR0_STALL_MODEL_STALL :
				  IDR0_STALL_MODEL_NOSTALL);
		EXPECT_EQ(FG(IDR5_STALL_MAX, r32(SMMU3_IDR5)), slots);
	}
	/* RESUME and STALL_TERM are legal with stalls */
	cmd(OP(STALL_TERM) | FPC(CMD_0_SID, 9), 0);
	resume(9, 0, CMD_RESUME_RESP_TERM);
}

/*
 * Forced stalls (SMMU_IDR0.STALL_MODEL = 0b10): CD.S = 0, STE.S1STALLD =
 * 1 and a stage-2 STE with S2S = 0 are ILLEGAL (§5.4 CdIllegal(), §5.2
 * SteIllegal()); the legal contexts stall.  Forcing stalls without stall
 * slots is a configuration the model refuses.
 */
S3E_CASE(stall_forced_contexts)
{
	struct s3e_smmu *bad;
	struct tree t2;

	cfg.stall_forced = 1;
	bad = s3e_smmu_create(&cfg, &host);
	EXPECT_EQ(!bad, 1);
	s3e_smmu_destroy(bad);
	cfg.stall_slots = ST_SLOTS;
	smmu_up();
	EXPECT_EQ(FG(IDR0_STALL_MODEL, r32(SMMU3_IDR0)),
		  IDR0_STALL_MODEL_FORCE);
	tree_new(&s1t, 0, 0);
	cd_write(CD_PA + 64, cd0(3), tree_ttb(&s1t));
	ste_write(1, ste_s1w0(STE_CONFIG_S1, CD_PA + 64, 0, 0), 0, 0, 0);
	EXPECT_EQ(xl(1, NOSS, ST_VA, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_C_BAD_CD);
	cd_write(CD_PA + 128, cd0(4) | CD_0_S, tree_ttb(&s1t));
	ste_write(2, ste_s1w0(STE_CONFIG_S1, CD_PA + 128, 0, 0),
		  STE_1_S1STALLD, 0, 0);
	EXPECT_EQ(xl(2, NOSS, ST_VA, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_C_BAD_STE);
	ste_write(3, ste_s1w0(STE_CONFIG_S1, CD_PA + 128, 0, 0), 0, 0, 0);
	EXPECT_EQ(xl(3, NOSS, ST_VA, ACC_R), S3E_TXN_STALL);
	resume(3, res.stag, CMD_RESUME_RESP_ABORT);
	tree_new(&t2, 1, 0);
	ste_write(4, ste0(STE_CONFIG_S2), 0, ste_s2w2(7),
		  t2.base & STE_3_S2TTB);
	EXPECT_EQ(xl(4, NOSS, 0x40000, ACC_W), S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_C_BAD_STE);
	ste_write(5, ste0(STE_CONFIG_S2), 0, ste_s2w2(8) | STE_2_S2S,
		  t2.base & STE_3_S2TTB);
	EXPECT_EQ(xl(5, NOSS, 0x40000, ACC_W), S3E_TXN_STALL);
}

#endif /* S3E_CASES_STALL_H */
