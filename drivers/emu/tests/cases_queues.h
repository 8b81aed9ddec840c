/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Model cases: the command queue (consumption, wrap, budget, command errors,
 * CMD_SYNC signalling) and the event queue (overflow, interrupts, MSIs,
 * aborts).
 * Listed in s3e_model_queues[] (model_cases.h).
 *
 * Part of model_cases.h, which includes the cases_*.h files in order,
 * after model_helpers.h and S3E_CASE(): a file may use the helpers of
 * the files before it.
 */
#ifndef S3E_CASES_QUEUES_H
#define S3E_CASES_QUEUES_H

/* ================================================================== */
/* Command queue */

S3E_CASE(cmdq_sync_consumed)
{
	smmu_up();
	cmd_sync();
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 1);
	EXPECT_EQ(st()->syncs, 1);
	EXPECT_EQ(st()->cmds[CMD_OP_SYNC], 1);
}

S3E_CASE(cmdq_wrap)
{
	unsigned int i;
	unsigned int j;

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
}

S3E_CASE(cmdq_full_queue_in_one_write)
{
	unsigned int i;

	cmdq_log2 = 3;
	smmu_up();
	cmdq_shadow = 0;
	for (i = 0; i < 8; i++)
		cmd_queue(OP(SYNC), 0);
	cmd_publish();			/* PROD = wrap | 0: full */
	EXPECT_EQ(r32(SMMU3_CMDQ_PROD), 8);
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 8);
	EXPECT_EQ(st()->syncs, 8);
}

/* §3.4.3: queue addresses beyond the OAS are truncated to the OAS */
S3E_CASE(queue_base_truncated_to_oas)
{
	smmu_up();
	w32(SMMU3_CR0, CR0_SMMUEN);
	w64(SMMU3_CMDQ_BASE, CMDQ_PA | SMMU3_BIT(50) | cmdq_log2);
	w64(SMMU3_EVENTQ_BASE, EVTQ_PA | SMMU3_BIT(49) | evtq_log2);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	cmd_sync();
	EXPECT_EQ(cmdq_idle(), 1);
	EXPECT_EQ(r32(SMMU3_GERROR), 0);
	xl(7, NOSS, 0, ACC_R);
	EXPECT_EQ(res.recorded, 1);
	EXPECT_EQ(evt_pending(), 1);
}

/* §6.3.26: a queue base is aligned to the queue size */
S3E_CASE(queue_base_aligned_to_size)
{
	smmu_up();
	w32(SMMU3_CR0, CR0_SMMUEN);
	/* 256 commands of 16 bytes: 4KB; 128 records of 32 bytes: 4KB */
	w64(SMMU3_CMDQ_BASE, (CMDQ_PA + 0x800) | cmdq_log2);
	w64(SMMU3_EVENTQ_BASE, (EVTQ_PA + 0x40) | evtq_log2);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	cmd_sync();			/* written at CMDQ_PA by the helper */
	EXPECT_EQ(cmdq_idle(), 1);
	EXPECT_EQ(st()->syncs, 1);
	xl(7, NOSS, 0, ACC_R);
	EXPECT_EQ(evt_pending(), 1);	/* read from EVTQ_PA */
	EXPECT_EQ(FG(EVT_0_TYPE, rd64(EVTQ_PA)), EVT_C_BAD_STE);
}

S3E_CASE(cmdq_log2_capped_by_idr1)
{
	cfg.cmdq_log2 = 4;
	cmdq_log2 = 4;
	smmu_new();
	w64(SMMU3_CMDQ_BASE, CMDQ_PA | 12);	/* asks for 4096 entries */
	w32(SMMU3_CMDQ_PROD, 0xffff);
	EXPECT_EQ(r32(SMMU3_CMDQ_PROD), 0x1f);	/* 16 entries + wrap */
}

S3E_CASE(cmdq_not_consumed_while_disabled)
{
	smmu_up();
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN);
	cmd_sync();
	cmd_sync();
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 0);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 2);
}

S3E_CASE(cmdq_cerror_ill_stops)
{
	s3e_u32 cons;

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
}

S3E_CASE(cmdq_cerror_ill_recover_after_ack)
{
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
}

/* A budget bounds each PROD write; the rest waits for cmdq_run */
S3E_CASE(cmdq_budget_bounds_each_write)
{
	unsigned int i;

	cfg.cmdq_budget = 4;
	smmu_up();
	cmdq_shadow = 0;
	for (i = 0; i < 9; i++)
		cmd_queue(OP(TLBI_NSNH_ALL), 0);
	cmd_queue(OP(SYNC) | FP(CMD_SYNC_0_CS, CMD_SYNC_CS_IRQ), 0);
	cmd_publish();
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 4);
	EXPECT_EQ(s3e_smmu_cmdq_pending(smmu), 1);
	EXPECT_EQ(irqs[S3E_IRQ_CMDQ_SYNC], 0);
	EXPECT_EQ(s3e_smmu_cmdq_run(smmu), 1);
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 8);
	EXPECT_EQ(st()->syncs, 0);
	EXPECT_EQ(s3e_smmu_cmdq_run(smmu), 0);
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 10);
	EXPECT_EQ(st()->syncs, 1);
	EXPECT_EQ(irqs[S3E_IRQ_CMDQ_SYNC], 1);
	EXPECT_EQ(st()->cmds[CMD_OP_TLBI_NSNH_ALL], 9);
	/* Nothing left: a further run changes nothing */
	EXPECT_EQ(s3e_smmu_cmdq_run(smmu), 0);
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 10);
}

/*
 * syncs_queued_max: the CMD_SYNCs published and not yet consumed at once.
 * Two writers' batches published together leave two; one at a time with
 * a consumer that keeps up, one.
 */
S3E_CASE(cmdq_syncs_queued_max)
{
	cfg.cmdq_budget = 2;
	smmu_up();
	cmd_sync();
	s3e_smmu_cmdq_run(smmu);
	EXPECT_EQ(st()->syncs_queued_max, 1);
	cmdq_shadow = r32(SMMU3_CMDQ_PROD);
	cmd_queue(OP(TLBI_NSNH_ALL), 0);
	cmd_queue(OP(SYNC), 0);
	cmd_queue(OP(TLBI_NSNH_ALL), 0);
	cmd_queue(OP(SYNC), 0);
	cmd_queue(OP(TLBI_NSNH_ALL), 0);
	cmd_queue(OP(SYNC), 0);
	cmd_publish();
	EXPECT_EQ(st()->syncs_queued_max, 3);
	while (s3e_smmu_cmdq_run(smmu))
		;
	EXPECT_EQ(cmdq_idle(), 1);
	EXPECT_EQ(st()->syncs, 4);
	/* Consumed: the count starts again from nothing */
	cmd_sync();
	s3e_smmu_cmdq_run(smmu);
	EXPECT_EQ(st()->syncs_queued_max, 3);
	EXPECT_EQ(st()->syncs, 5);
}

/* A command error ends the pending work until it is acknowledged */
S3E_CASE(cmdq_budget_error_stops_pending)
{
	cfg.cmdq_budget = 2;
	smmu_up();
	cmdq_shadow = 0;
	cmd_queue(OP(SYNC), 0);
	cmd_queue(OP(SYNC), 0);
	cmd_queue(0x55, 0);			/* unknown */
	cmd_queue(OP(SYNC), 0);
	cmd_queue(OP(SYNC), 0);
	cmd_publish();
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 2);
	EXPECT_EQ(s3e_smmu_cmdq_run(smmu), 0);
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 2 | FP(CMDQ_CONS_ERR, CERROR_ILL));
	EXPECT_EQ(s3e_smmu_cmdq_pending(smmu), 0);
	/* Replaced and acknowledged: the acknowledgment consumes a budget */
	wr64(CMDQ_PA + 2 * 16, OP(SYNC));
	w32(SMMU3_GERRORN, r32(SMMU3_GERROR));
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 4);
	EXPECT_EQ(s3e_smmu_cmdq_run(smmu), 0);
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 5);
	EXPECT_EQ(st()->syncs, 5);
}

/* Nothing is pending while the queue is disabled */
S3E_CASE(cmdq_budget_nothing_pending_while_disabled)
{
	cfg.cmdq_budget = 1;
	smmu_up();
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN);
	cmd_sync();
	cmd_sync();
	EXPECT_EQ(s3e_smmu_cmdq_pending(smmu), 0);
	EXPECT_EQ(s3e_smmu_cmdq_run(smmu), 0);
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 0);
	/* Enabling consumes one budget */
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 1);
	EXPECT_EQ(s3e_smmu_cmdq_pending(smmu), 1);
	EXPECT_EQ(s3e_smmu_cmdq_run(smmu), 0);
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 2);
}

S3E_CASE(cmdq_cerror_abt)
{
	smmu_up();
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN);
	w64(SMMU3_CMDQ_BASE, HOLE_PA | CMDQ_LOG2);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	w32(SMMU3_CMDQ_PROD, 1);
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), FP(CMDQ_CONS_ERR, CERROR_ABT));
	EXPECT_EQ(r32(SMMU3_GERROR), GERROR_CMDQ_ERR);
	EXPECT_EQ(irqs[S3E_IRQ_GERROR], 1);
}

static const struct cmd_ill_case {
	const char *name;
	unsigned int stages;
	s3e_u64 c0;
} cmd_ill[] = {
	{ "opcode_0", 3, 0x00 },
	{ "opcode_0x7f", 3, 0x7f },
	{ "opcode_0xff", 3, 0xff },
	{ "cfgi_ste_ssec", 3, OP(CFGI_STE) | CMD_0_SSEC },
	{ "prefetch_ssec", 3, OP(PREFETCH_CONFIG) | CMD_0_SSEC },
	{ "sync_cs_reserved", 3,
	  OP(SYNC) | FPC(CMD_SYNC_0_CS, 3) },
	{ "tlbi_el3_all", 3, OP(TLBI_EL3_ALL) },
	{ "tlbi_el3_va", 3, OP(TLBI_EL3_VA) },
	{ "tlbi_s2_ipa_without_s2", S3E_STAGE1, OP(TLBI_S2_IPA) },
	{ "tlbi_s12_vmall_without_s2", S3E_STAGE1,
	  OP(TLBI_S12_VMALL) },
	{ "tlbi_nh_all_without_s1", S3E_STAGE2, OP(TLBI_NH_ALL) },
	{ "tlbi_el2_all_without_s1", S3E_STAGE2, OP(TLBI_EL2_ALL) },
	{ "cfgi_cd_without_s1", S3E_STAGE2, OP(CFGI_CD) },
	{ "cfgi_cd_all_without_s1", S3E_STAGE2, OP(CFGI_CD_ALL) },
	/* §4.5: no ATS, no PRI; §4.7: STALL_MODEL = 0b01; §4.3.5: no MPAM */
	{ "atc_inv_without_ats", 3, OP(ATC_INV) },
	{ "pri_resp_without_pri", 3, OP(PRI_RESP) },
	{ "resume_without_stalls", 3, OP(RESUME) },
	{ "stall_term_without_stalls", 3, OP(STALL_TERM) },
	{ "cfgi_vms_pidm_without_mpam", 3, OP(CFGI_VMS_PIDM) },
	/* §4.4.2: Hyp is RES0 on a stage-1-only SMMU (§6.3.1) */
	{ "tlbi_el2_all_without_hyp", S3E_STAGE1, OP(TLBI_EL2_ALL) },
	{ "tlbi_el2_asid_without_hyp", S3E_STAGE1, OP(TLBI_EL2_ASID) },
};

S3E_PARAMS(cmd_ill);

S3E_CASE(cerror_ill)
{
	const struct cmd_ill_case *c = test->param_value;

	cfg.stages = c->stages;
	smmu_up();
	cmd(c->c0, 0);
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), FP(CMDQ_CONS_ERR, CERROR_ILL));
	EXPECT_EQ(r32(SMMU3_GERROR), GERROR_CMDQ_ERR);
}

/* §4.4.1.1: reserved range-TLBI parameters */
static const struct cmd_ill2_case {
	const char *name;
	s3e_u64 c0, c1;
} tlbi_range_ill[] = {
	{ "nh_va_tg_no_range_no_ttl", OP(TLBI_NH_VA),
	  FPC(CMD_TLBI_1_TG, CMD_TLBI_TG_4K) },
	{ "nh_vaa_tg_no_range_no_ttl", OP(TLBI_NH_VAA),
	  FPC(CMD_TLBI_1_TG, CMD_TLBI_TG_64K) },
	{ "el2_va_tg_no_range_no_ttl", OP(TLBI_EL2_VA),
	  FPC(CMD_TLBI_1_TG, CMD_TLBI_TG_16K) },
	{ "s2_ipa_tg_no_range_no_ttl", OP(TLBI_S2_IPA),
	  FPC(CMD_TLBI_1_TG, CMD_TLBI_TG_4K) },
	{ "nh_va_16k_ttl_1", OP(TLBI_NH_VA) | FPC(CMD_TLBI_0_NUM, 3),
	  FPC(CMD_TLBI_1_TG, CMD_TLBI_TG_16K) | FPC(CMD_TLBI_1_TTL, 1) },
};

S3E_PARAMS(tlbi_range_ill);

S3E_CASE(cerror_ill_tlbi_range)
{
	const struct cmd_ill2_case *c = test->param_value;

	smmu_up();
	cmd(c->c0, c->c1);
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), FP(CMDQ_CONS_ERR, CERROR_ILL));
	EXPECT_EQ(r32(SMMU3_GERROR), GERROR_CMDQ_ERR);
}

static const s3e_u64 cmd_legal[] = {
	OP(PREFETCH_CONFIG), OP(PREFETCH_ADDR), OP(CFGI_STE),
	OP(CFGI_STE_RANGE), OP(CFGI_CD), OP(CFGI_CD_ALL),
	OP(TLBI_NH_ALL), OP(TLBI_NH_ASID),
	OP(TLBI_NH_VA), OP(TLBI_NH_VAA), OP(TLBI_EL2_ALL),
	OP(TLBI_EL2_ASID), OP(TLBI_EL2_VA), OP(TLBI_EL2_VAA),
	OP(TLBI_S12_VMALL), OP(TLBI_S2_IPA), OP(TLBI_NSNH_ALL),
	OP(SYNC), OP(SYNC) | FPC(CMD_SYNC_0_CS, CMD_SYNC_CS_SEV),
};

S3E_CASE(cmd_every_legal_opcode_accepted)
{
	unsigned int i;

	smmu_up();
	cmdq_shadow = 0;
	for (i = 0; i < ARRAY_SIZE(cmd_legal); i++)
		cmd_queue(cmd_legal[i], 0);
	cmd_publish();
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), ARRAY_SIZE(cmd_legal));
	EXPECT_EQ(r32(SMMU3_GERROR), 0);
	EXPECT_EQ(st()->cmds[CMD_OP_TLBI_NSNH_ALL], 1);
	EXPECT_EQ(st()->cmds[CMD_OP_SYNC], 2);
	EXPECT_EQ(irqs[S3E_IRQ_CMDQ_SYNC], 0);
}

S3E_CASE(cmd_sync_cs_irq_line)
{
	smmu_up();
	cmd(OP(SYNC) | FP(CMD_SYNC_0_CS, CMD_SYNC_CS_IRQ), 0);
	EXPECT_EQ(irqs[S3E_IRQ_CMDQ_SYNC], 1);
	EXPECT_EQ(st()->irqs[S3E_IRQ_CMDQ_SYNC], 1);
}

S3E_CASE(cmd_sync_cs_irq_msi)
{
	smmu_up();
	wr64(MSI_PA, ~0ULL);
	cmd(OP(SYNC) | FP(CMD_SYNC_0_CS, CMD_SYNC_CS_IRQ) |
	    FP(CMD_SYNC_0_MSIDATA, 0x12345678), MSI_PA);
	EXPECT_EQ(rd64(MSI_PA), 0xffffffff12345678ULL);
	/* §4.7.3: the wired output is asserted regardless of MSIAddress */
	EXPECT_EQ(irqs[S3E_IRQ_CMDQ_SYNC], 1);
	EXPECT_EQ(st()->msis, 1);
	/* Linux's MSI polling: the data 0 written over the CMD_SYNC itself */
	cmdq_shadow = r32(SMMU3_CMDQ_PROD);
	cmd(OP(SYNC) | FP(CMD_SYNC_0_CS, CMD_SYNC_CS_IRQ),
	    CMDQ_PA + (cmdq_shadow & 0xff) * 16);
	EXPECT_EQ(rd32(CMDQ_PA + 16), 0);
	EXPECT_EQ(cmdq_idle(), 1);
}

S3E_CASE(cmd_sync_msi_abort)
{
	smmu_up();
	cmd(OP(SYNC) | FP(CMD_SYNC_0_CS, CMD_SYNC_CS_IRQ), HOLE_PA);
	EXPECT_EQ(r32(SMMU3_GERROR), GERROR_MSI_CMDQ_ABT_ERR);
	EXPECT_EQ(cmdq_idle(), 1);
}

S3E_CASE(cmd_sync_sev_and_none_silent)
{
	smmu_up();
	cmd(OP(SYNC) | FP(CMD_SYNC_0_CS, CMD_SYNC_CS_SEV), MSI_PA);
	/* §4.7.3 SIG_SEV: a WFE wake-up event (SMMU_IDR0.SEV = 1) */
	EXPECT_EQ(r32(SMMU3_IDR0) & IDR0_SEV, IDR0_SEV);
	EXPECT_EQ(st()->sevs, 1);
	cmd(OP(SYNC), MSI_PA);
	EXPECT_EQ(rd64(MSI_PA), 0);
	EXPECT_EQ(irqs[S3E_IRQ_CMDQ_SYNC], 0);
	EXPECT_EQ(st()->syncs, 2);
	EXPECT_EQ(st()->sevs, 1);
}

/* §4.1.2: with SEV, a wake-up event as a full command queue drains */
S3E_CASE(cmdq_sev_when_full_queue_drains)
{
	cmdq_log2 = 1;			/* two entries */
	smmu_up();
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN);
	cmdq_shadow = 0;
	cmd_queue(OP(TLBI_NSNH_ALL), 0);
	cmd_queue(OP(TLBI_NSNH_ALL), 0);
	cmd_publish();			/* full, not consumed */
	EXPECT_EQ(st()->sevs, 0);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	EXPECT_EQ(cmdq_idle(), 1);
	EXPECT_EQ(st()->sevs, 1);
	/* Never full: no event */
	cmd(OP(TLBI_NSNH_ALL), 0);
	EXPECT_EQ(cmdq_idle(), 1);
	EXPECT_EQ(st()->sevs, 1);
}

/* §4.7.3: the MSIAddress zero check covers bits [55:2], not only the OAS */
S3E_CASE(cmd_sync_msi_addr_above_oas)
{
	smmu_up();
	cmd(OP(SYNC) | FP(CMD_SYNC_0_CS, CMD_SYNC_CS_IRQ), SMMU3_BIT(53));
	/* An MSI was attempted (to PA 0, truncated to the OAS): aborted */
	EXPECT_EQ(r32(SMMU3_GERROR), GERROR_MSI_CMDQ_ABT_ERR);
	EXPECT_EQ(irqs[S3E_IRQ_CMDQ_SYNC], 1);
}

/* ================================================================== */
/* Event queue */

S3E_CASE(evtq_overflow_flag_and_ack)
{
	s3e_u64 e[4];
	unsigned int i;
	s3e_u32 prod;

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
}

S3E_CASE(evtq_disabled_drops)
{
	smmu_up();
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_CMDQEN);
	EXPECT_EQ(xl(7, NOSS, 0, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_C_BAD_STE);
	EXPECT_EQ(res.recorded, 0);
	EXPECT_EQ(r32(SMMU3_EVENTQ_PROD_P1), 0);
	EXPECT_EQ(st()->events_dropped, 1);
	EXPECT_EQ(irqs[S3E_IRQ_EVTQ], 0);
}

S3E_CASE(evtq_irq_gating)
{
	smmu_up();
	xl(7, NOSS, 0, ACC_R);
	EXPECT_EQ(irqs[S3E_IRQ_EVTQ], 1);
	w32(SMMU3_IRQ_CTRL, IRQ_CTRL_GERROR_IRQEN);
	xl(7, NOSS, 0, ACC_R);
	EXPECT_EQ(irqs[S3E_IRQ_EVTQ], 1);
	EXPECT_EQ(evt_pending(), 2);
}

S3E_CASE(evtq_msi)
{
	smmu_up();
	w32(SMMU3_IRQ_CTRL, 0);
	w64(SMMU3_EVENTQ_IRQ_CFG0, MSI_PA + 8);
	w32(SMMU3_EVENTQ_IRQ_CFG1, 0xbeef);
	w32(SMMU3_IRQ_CTRL, IRQ_CTRL_EVENTQ_IRQEN);
	xl(7, NOSS, 0, ACC_R);
	EXPECT_EQ(rd32(MSI_PA + 8), 0xbeef);
	/* §3.18.2: the wired pulse does not depend on the MSI address */
	EXPECT_EQ(irqs[S3E_IRQ_EVTQ], 1);
}

S3E_CASE(evtq_msi_abort)
{
	smmu_up();
	w32(SMMU3_IRQ_CTRL, 0);
	w64(SMMU3_EVENTQ_IRQ_CFG0, HOLE_PA);
	w32(SMMU3_IRQ_CTRL, IRQ_CTRL_EVENTQ_IRQEN | IRQ_CTRL_GERROR_IRQEN);
	xl(7, NOSS, 0, ACC_R);
	EXPECT_EQ(res.recorded, 1);
	EXPECT_EQ(r32(SMMU3_GERROR), GERROR_MSI_EVENTQ_ABT_ERR);
	EXPECT_EQ(irqs[S3E_IRQ_GERROR], 1);
	EXPECT_EQ(st()->msi_aborts, 1);
}

S3E_CASE(evtq_write_abort)
{
	smmu_up();
	w32(SMMU3_CR0, CR0_SMMUEN);
	w64(SMMU3_EVENTQ_BASE, HOLE_PA | 4);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN);
	xl(7, NOSS, 0, ACC_R);
	EXPECT_EQ(res.recorded, 0);
	EXPECT_EQ(r32(SMMU3_GERROR), GERROR_EVENTQ_ABT_ERR);
	EXPECT_EQ(r32(SMMU3_EVENTQ_PROD_P1), 0);
	EXPECT_EQ(st()->events_dropped, 1);
}

/* §7.2.1: not writable while EVENTQ_ABT_ERR is active, until acknowledged */
S3E_CASE(evtq_abt_err_stops_recording)
{
	smmu_up();
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_CMDQEN);
	w64(SMMU3_EVENTQ_BASE, HOLE_PA | 4);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	xl(7, NOSS, 0, ACC_R);
	EXPECT_EQ(r32(SMMU3_GERROR), GERROR_EVENTQ_ABT_ERR);
	/* The queue repaired, the error not acknowledged */
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_CMDQEN);
	w64(SMMU3_EVENTQ_BASE, EVTQ_PA | evtq_log2);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	xl(7, NOSS, 0, ACC_R);
	EXPECT_EQ(res.event, EVT_C_BAD_STE);
	EXPECT_EQ(res.recorded, 0);
	EXPECT_EQ(evt_pending(), 0);
	/* Discarded without an overflow (§7.4) */
	EXPECT_EQ(r32(SMMU3_EVENTQ_PROD_P1) & Q_OVF, 0);
	w32(SMMU3_GERRORN, r32(SMMU3_GERROR));
	xl(7, NOSS, 0, ACC_R);
	EXPECT_EQ(res.recorded, 1);
	EXPECT_EQ(evt_pending(), 1);
}

#endif /* S3E_CASES_QUEUES_H */
