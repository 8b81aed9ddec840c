/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Model cases: the register file: reset values and the IDRs, CR0/CR0ACK,
 * GBPA, IRQ_CTRL, GERROR/GERRORN, read-only registers, page-1 aliases.
 * Listed in s3e_model_regs[] (model_cases.h).
 *
 * Part of model_cases.h, which includes the cases_*.h files in order,
 * after model_helpers.h and S3E_CASE(): a file may use the helpers of
 * the files before it.
 */
#ifndef S3E_CASES_REGS_H
#define S3E_CASES_REGS_H

/* ================================================================== */
/* Registers */

S3E_CASE(reset_idr0)
{
	s3e_u32 v;

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
}

S3E_CASE(reset_idr1_5_iidr_aidr)
{
	s3e_u32 v;

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
}

S3E_CASE(idr_stage1_only)
{
	s3e_u32 v;

	cfg.stages = S3E_STAGE1;
	cfg.sid_bits = 12;
	cfg.ssid_bits = 0;
	smmu_new();
	v = r32(SMMU3_IDR0);
	/* §6.3.1 Hyp: RES0 when S2P == 0 */
	EXPECT_EQ(v & (IDR0_S1P | IDR0_S2P | IDR0_HYP | IDR0_VMID16),
		  IDR0_S1P);
	EXPECT_EQ(r32(SMMU3_IDR3) & IDR3_XNX, 0);
	EXPECT_EQ(FG(IDR1_SIDSIZE, r32(SMMU3_IDR1)), 12);
	EXPECT_EQ(FG(IDR1_SSIDSIZE, r32(SMMU3_IDR1)), 0);
}

/*
 * §6.3.1 Hyp is RES0 without stage 2: CR2.E2H is RES0, and STE.STRW is
 * RES0 (§5.2 STRW), so an STE with STRW set is an EL1 stream
 */
S3E_CASE(stage1_only_strw_res0)
{
	cfg.stages = S3E_STAGE1;
	smmu_up();
	w32(SMMU3_CR0, 0);
	w32(SMMU3_CR2, CR2_E2H | CR2_RECINVSID);
	EXPECT_EQ(r32(SMMU3_CR2), CR2_RECINVSID);
	w32(SMMU3_CR0, CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	s1_stream(1, 1);
	ste_write(1, ste_s1w0(STE_CONFIG_S1, CD_PA + 64, 0, 0),
		  FP(STE_1_STRW, 3), 0, 0);
	map_page(&s1t, 0x3000, DATA_PA, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, 0x3000, ACC_R), DATA_PA);
	/* An NS-EL1 entry: TLBI_NH_ALL removes it */
	map_page(&s1t, 0x3000, DATA_PA + 0x1000, S1_RW);
	cmd(OP(TLBI_NH_ALL), 0);
	EXPECT_EQ(cmdq_idle(), 1);
	EXPECT_EQ(xpa(1, NOSS, 0x3000, ACC_R), DATA_PA + 0x1000);
}

S3E_CASE(idr_stage2_only)
{
	s3e_u32 v;

	cfg.stages = S3E_STAGE2;
	smmu_new();
	v = r32(SMMU3_IDR0);
	EXPECT_EQ(v & (IDR0_S1P | IDR0_S2P | IDR0_HYP | IDR0_VMID16),
		  IDR0_S2P | IDR0_VMID16);
}

#define CFG_FIELD(f)	offsetof(struct s3e_smmu_config, f)
static const struct create_case {
	const char *name;
	size_t field;
	unsigned int value;
} create_bad[] = {
	{ "sid_bits_33", CFG_FIELD(sid_bits), 33 },
	{ "ssid_bits_21", CFG_FIELD(ssid_bits), 21 },
	{ "tlb_entries_0", CFG_FIELD(tlb_entries), 0 },
	{ "cfgc_entries_0", CFG_FIELD(cfgc_entries), 0 },
	{ "stages_0", CFG_FIELD(stages), 0 },
	{ "stages_4", CFG_FIELD(stages), 4 },
	{ "cmdq_log2_20", CFG_FIELD(cmdq_log2), 20 },
	{ "evtq_log2_20", CFG_FIELD(evtq_log2), 20 },
};

S3E_PARAMS(create_bad);

S3E_CASE(create_rejects)
{
	const struct create_case *c = test->param_value;
	struct s3e_smmu *s;

	*(unsigned int *)((char *)&cfg + c->field) = c->value;
	s = s3e_smmu_create(&cfg, &host);
	EXPECT_EQ(!s, 1);
	s3e_smmu_destroy(s);
}

S3E_CASE(create_alloc_failure)
{
	struct s3e_smmu *s;
	unsigned int i;

	for (i = 1; i <= 4; i++) {
		quiet_alloc_fail = i;
		s = s3e_smmu_create(&cfg, &host);
		EXPECT_EQ(!s, 1);
		s3e_smmu_destroy(s);
	}
	quiet_alloc_fail = 0;
}

S3E_CASE(mem_size_matches_allocations)
{
	unsigned long before = alloc_bytes;

	smmu_new();
	EXPECT_EQ(s3e_smmu_mem_size(smmu), alloc_bytes - before);
	EXPECT_EQ(s3e_smmu_mem_size(smmu) <= 10UL << 20, 1);
}

static const s3e_u32 reset_zero_regs[] = {
	SMMU3_CR0, SMMU3_CR0ACK, SMMU3_CR1, SMMU3_CR2, SMMU3_IRQ_CTRL,
	SMMU3_IRQ_CTRLACK, SMMU3_GERROR, SMMU3_GERRORN,
	SMMU3_STRTAB_BASE, SMMU3_STRTAB_BASE + 4,
	SMMU3_STRTAB_BASE_CFG, SMMU3_CMDQ_BASE, SMMU3_CMDQ_PROD,
	SMMU3_CMDQ_CONS, SMMU3_EVENTQ_BASE, SMMU3_EVENTQ_PROD,
	SMMU3_EVENTQ_CONS, SMMU3_EVENTQ_PROD_P1,
	SMMU3_EVENTQ_CONS_P1, SMMU3_GERROR_IRQ_CFG0,
	SMMU3_EVENTQ_IRQ_CFG0, SMMU3_STATUSR,
};

S3E_CASE(reset_values)
{
	unsigned int i;

	smmu_new();
	for (i = 0; i < ARRAY_SIZE(reset_zero_regs); i++)
		EXPECT_EQ(r32(reset_zero_regs[i]), 0);
	EXPECT_EQ(r32(SMMU3_GBPA), GBPA_ABORT);
}

S3E_CASE(reset_restores_state)
{
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
}

S3E_CASE(cr0_ack_mirrors_and_res0)
{
	smmu_new();
	w32(SMMU3_CR0, CR0_EVENTQEN);
	EXPECT_EQ(r32(SMMU3_CR0ACK), CR0_EVENTQEN);
	w32(SMMU3_CR0, 0xffffffff);
	/* PRIQEN, ATSCHK and VMW are RES0: no PRI, ATS or VMW */
	EXPECT_EQ(r32(SMMU3_CR0), CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	EXPECT_EQ(r32(SMMU3_CR0ACK), CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN);
	w32(SMMU3_CR0, 0);
	EXPECT_EQ(r32(SMMU3_CR0ACK), 0);
}

S3E_CASE(irq_ctrl_ack)
{
	smmu_new();
	w32(SMMU3_IRQ_CTRL, 0xffffffff);
	EXPECT_EQ(r32(SMMU3_IRQ_CTRL),
		  IRQ_CTRL_GERROR_IRQEN | IRQ_CTRL_EVENTQ_IRQEN);
	EXPECT_EQ(r32(SMMU3_IRQ_CTRLACK),
		  IRQ_CTRL_GERROR_IRQEN | IRQ_CTRL_EVENTQ_IRQEN);
}

S3E_CASE(cr1_cr2_writable_only_while_disabled)
{
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
}

S3E_CASE(gbpa_update_handshake)
{
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
}

S3E_CASE(gbpa_abort_when_disabled)
{
	smmu_new();
	EXPECT_EQ(xl(5, NOSS, 0x1234, ACC_R), S3E_TXN_ABORT);
	EXPECT_EQ(res.recorded, 0);
	EXPECT_EQ(st()->aborted, 1);
}

S3E_CASE(gbpa_bypass_when_disabled)
{
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
}

/* §3.4: GBPA bypass with an input beyond the OAS aborts, no event */
S3E_CASE(gbpa_bypass_beyond_oas_aborts)
{
	smmu_new();
	w32(SMMU3_GBPA, GBPA_UPDATE);
	EXPECT_EQ(xl(5, NOSS, SMMU3_BIT(48) - 8, ACC_R), S3E_TXN_OK);
	EXPECT_EQ(res.len, 8);
	EXPECT_EQ(xl(5, NOSS, SMMU3_BIT(48), ACC_R), S3E_TXN_ABORT);
	EXPECT_EQ(res.event, 0);
	EXPECT_EQ(xl(5, NOSS, ~0ULL, ACC_W), S3E_TXN_ABORT);
	EXPECT_EQ(st()->aborted, 2);
}

S3E_CASE(gerror_toggle_and_ack)
{
	s3e_u32 g;

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
}

S3E_CASE(gerrorn_inactive_bits_ignored)
{
	smmu_up();
	w32(SMMU3_GERRORN, 0xffffffff);
	EXPECT_EQ(r32(SMMU3_GERRORN), 0);
	/* The command queue still runs */
	cmd_sync();
	EXPECT_EQ(cmdq_idle(), 1);
}

S3E_CASE(gerror_irq_gated)
{
	smmu_up();
	w32(SMMU3_IRQ_CTRL, IRQ_CTRL_EVENTQ_IRQEN);
	cmd(0x7f, 0);
	EXPECT_EQ(r32(SMMU3_GERROR) & GERROR_CMDQ_ERR, GERROR_CMDQ_ERR);
	EXPECT_EQ(irqs[S3E_IRQ_GERROR], 0);
}

S3E_CASE(gerror_msi)
{
	smmu_up();
	w32(SMMU3_IRQ_CTRL, 0);
	w64(SMMU3_GERROR_IRQ_CFG0, MSI_PA);
	w32(SMMU3_GERROR_IRQ_CFG1, 0xcafe);
	w32(SMMU3_IRQ_CTRL, IRQ_CTRL_GERROR_IRQEN);
	cmd(0x7f, 0);
	EXPECT_EQ(rd32(MSI_PA), 0xcafe);
	/* §3.18.2: the wired pulse does not depend on the MSI address */
	EXPECT_EQ(irqs[S3E_IRQ_GERROR], 1);
	EXPECT_EQ(st()->msis, 1);
}

S3E_CASE(gerror_msi_abort)
{
	smmu_up();
	w32(SMMU3_IRQ_CTRL, 0);
	w64(SMMU3_GERROR_IRQ_CFG0, HOLE_PA);
	w32(SMMU3_IRQ_CTRL, IRQ_CTRL_GERROR_IRQEN);
	cmd(0x7f, 0);
	EXPECT_EQ(r32(SMMU3_GERROR),
		  GERROR_CMDQ_ERR | GERROR_MSI_GERROR_ABT_ERR);
	EXPECT_EQ(st()->msi_aborts, 1);
	EXPECT_EQ(st()->msis, 0);
}

S3E_CASE(strtab_base_ignored_while_smmuen)
{
	smmu_up();
	w64(SMMU3_STRTAB_BASE, RAM_BASE + 0x4000);
	w32(SMMU3_STRTAB_BASE_CFG, 3);
	EXPECT_EQ(r64(SMMU3_STRTAB_BASE), STRTAB_PA);
	EXPECT_EQ(r32(SMMU3_STRTAB_BASE_CFG), 8);
	w32(SMMU3_CR0, 0);
	w64(SMMU3_STRTAB_BASE, (RAM_BASE + 0x4000) | STRTAB_BASE_RA | 0x3f);
	EXPECT_EQ(r64(SMMU3_STRTAB_BASE),
		  (RAM_BASE + 0x4000) | STRTAB_BASE_RA);
}

S3E_CASE(queue_base_ignored_while_enabled)
{
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
}

S3E_CASE(queue_indices_ro_while_enabled)
{
	smmu_up();
	w32(SMMU3_CMDQ_CONS, 5);
	w32(SMMU3_EVENTQ_PROD_P1, 5);
	EXPECT_EQ(r32(SMMU3_CMDQ_CONS), 0);
	EXPECT_EQ(r32(SMMU3_EVENTQ_PROD_P1), 0);
	/* EVENTQ_CONS belongs to the consumer: always writable */
	w32(SMMU3_EVENTQ_CONS_P1, 0x80000000);
	EXPECT_EQ(r32(SMMU3_EVENTQ_CONS_P1), 0x80000000);
}

S3E_CASE(irq_cfg_ro_while_irq_enabled)
{
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
}

S3E_CASE(page1_aliases)
{
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
}

S3E_CASE(reg64_halves)
{
	smmu_new();
	w64(SMMU3_STRTAB_BASE, 0xffffffffffffffffULL);
	EXPECT_EQ(r64(SMMU3_STRTAB_BASE), STRTAB_BASE_ADDR | STRTAB_BASE_RA);
	w32(SMMU3_STRTAB_BASE + 4, 0);
	EXPECT_EQ(r64(SMMU3_STRTAB_BASE), STRTAB_BASE_ADDR & 0xffffffc0ULL);
	EXPECT_EQ(r32(SMMU3_STRTAB_BASE), 0xffffffc0);
}

S3E_CASE(readonly_unaligned_unimplemented)
{
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
}

#endif /* S3E_CASES_REGS_H */
