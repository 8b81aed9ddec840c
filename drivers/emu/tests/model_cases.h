/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The test cases of the emulated SMMUv3 device model, shared by the native
 * test program (drivers/emu/native/smmu_test.c) and the KUnit suites
 * (kunit/emu_model_test.c).  Include after model_helpers.h.
 *
 * A case is S3E_CASE(name) { ... }: it starts from model_reset() (no
 * instance, memory zeroed) and builds what it needs.  A table-driven case
 * runs once per element of a static array whose elements start with
 * "const char *name" (the element's name), declared with S3E_PARAMS(); the
 * case finds its element in test->param_value.
 *
 * The s3e_model_<area>[] lists at the end name every case, one list per
 * area, as S3E_LIST_ENTRY(case) or S3E_PARAM_ENTRY(case, array), ended by
 * an empty entry.  The environment defines what they are made of: KUnit
 * cases for kunit/emu_model_test.c, where struct s3e_test is struct kunit,
 * so that a case is its own KUnit case; the native runner's entries in
 * smmu_test.c.  The environment defines:
 *  struct s3e_test      with a const void *param_value member
 *  S3E_LIST_TYPE        the struct tag of the list entries
 *  S3E_LIST_ENTRY(n)    entry of case n
 *  S3E_PARAM_ENTRY(n, array)  entry of table-driven case n over array
 *  S3E_PARAMS(array)    whatever the environment needs per array
 *  __maybe_unused       (the kernel's attribute)
 * besides what model_helpers.h lists.
 */
#ifndef S3E_MODEL_CASES_H
#define S3E_MODEL_CASES_H

#include "model_helpers.h"

#define S3E_CASE(name) \
	static void s3e_case_##name(struct s3e_test *test __maybe_unused)

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

/* ================================================================== */
/* DMA port */

/* Transfer buffers: too large for a kernel stack */
static unsigned char dma_buf[0x2000], dma_chk[0x2000];

S3E_CASE(dma_write_read_across_pages)
{
	struct s3e_txn t = { .sid = 1, .ssid = NOSS, .iova = 0x10ff0 };
	unsigned long n;
	unsigned int i;

	smmu_up();
	s1_stream(1, 1);
	map_page(&s1t, 0x10000, DATA_PA + 0x5000, S1_RW);
	map_page(&s1t, 0x11000, DATA_PA + 0x2000, S1_RW);
	for (i = 0; i < 0x20; i++)
		dma_buf[i] = i + 1;
	t.access = ACC_W;
	n = s3e_smmu_dma(smmu, &t, dma_buf, 0x20, &res);
	EXPECT_EQ(n, 0x20);
	EXPECT_EQ(res.status, S3E_TXN_OK);
	EXPECT_EQ(ram[DATA_PA - RAM_BASE + 0x5ff0], 1);
	EXPECT_EQ(ram[DATA_PA - RAM_BASE + 0x5fff], 0x10);
	EXPECT_EQ(ram[DATA_PA - RAM_BASE + 0x2000], 0x11);
	t.access = ACC_R;
	memset(dma_chk, 0, sizeof(dma_chk));
	n = s3e_smmu_dma(smmu, &t, dma_chk, 0x20, &res);
	EXPECT_EQ(n, 0x20);
	EXPECT_EQ(memcmp(dma_buf, dma_chk, 0x20), 0);
}

S3E_CASE(dma_fault_mid_transfer)
{
	struct s3e_txn t = { .sid = 1, .ssid = NOSS, .iova = 0x10ff0 };
	unsigned long n;

	smmu_up();
	s1_stream(1, 1);
	map_page(&s1t, 0x10000, DATA_PA, S1_RW);
	t.iova = 0x10000;
	t.access = ACC_R;
	n = s3e_smmu_dma(smmu, &t, dma_buf, 0x2000, &res);
	EXPECT_EQ(n, 0x1000);
	EXPECT_EQ(res.status, S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_F_TRANSLATION);
	EXPECT_EQ(evt_pending(), 1);
}

S3E_CASE(dma_not_ram_aborts)
{
	struct s3e_txn t = { .sid = 1, .ssid = NOSS, .iova = 0x10ff0 };
	unsigned long n;

	smmu_up();
	ste_bypass(2);
	t.sid = 2;
	t.iova = RAM_END - 0x800;
	n = s3e_smmu_dma(smmu, &t, dma_buf, 0x1000, &res);
	EXPECT_EQ(n, 0x800);
	EXPECT_EQ(res.status, S3E_TXN_ABORT);
	EXPECT_EQ(evt_pending(), 0);
}

S3E_CASE(dma_zero_length)
{
	struct s3e_txn t = { .sid = 1, .ssid = NOSS, .iova = 0x10ff0 };
	unsigned long n;

	smmu_up();
	n = s3e_smmu_dma(smmu, &t, dma_buf, 0, &res);
	EXPECT_EQ(n, 0);
	EXPECT_EQ(res.status, S3E_TXN_OK);
}

/* ================================================================== */
/* Statistics */

S3E_CASE(stats_counters)
{
	smmu_up();
	s1_stream(1, 1);
	map_page(&s1t, 0x1000, DATA_PA, S1_RW);
	map_page(&s1t, 0x2000, DATA_PA + 0x1000, S1_RW);
	xl(1, NOSS, 0x1000, ACC_R);	/* ctx miss, walk */
	xl(1, NOSS, 0x1008, ACC_R);	/* micro hit */
	xl(1, NOSS, 0x2000, ACC_R);	/* ctx hit, walk */
	xl(1, NOSS, 0x1000, ACC_R);	/* ctx hit, TLB hit */
	xl(1, NOSS, 0x9000, ACC_R);	/* walk, fault */
	EXPECT_EQ(st()->translations, 5);
	EXPECT_EQ(st()->ctx_misses, 1);
	EXPECT_EQ(st()->ctx_hits, 3);
	EXPECT_EQ(st()->utlb_hits, 1);
	EXPECT_EQ(st()->walks, 3);
	EXPECT_EQ(s3e_smmu_tlb_stats(smmu)->hits, 1);
	EXPECT_EQ(st()->tlb_answered, 1);
	EXPECT_EQ(st()->faults[EVT_F_TRANSLATION], 1);
	EXPECT_EQ(st()->events, 1);
	EXPECT_EQ(st()->irqs[S3E_IRQ_EVTQ], 1);
	/* A TLB hit that the access is not permitted is walked, not answered */
	map_page(&s1t, 0x3000, DATA_PA + 0x2000, S1_RW | TTD_AP_RDONLY);
	xl(1, NOSS, 0x3000, ACC_R);	/* walk */
	xl(1, NOSS, 0x3008, ACC_W);	/* utlb miss (perm), TLB hit denied: walk */
	EXPECT_EQ(st()->tlb_answered, 1);
	EXPECT_EQ(st()->walks, 5);
	/* Each translation in exactly one class: here none before a lookup */
	EXPECT_EQ(st()->utlb_hits + st()->tlb_answered + st()->walks,
		  st()->translations);
}

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

/* ================================================================== */
/* Case lists, by area */

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

static struct S3E_LIST_TYPE s3e_model_regs[] = {
	S3E_LIST_ENTRY(reset_idr0),
	S3E_LIST_ENTRY(reset_idr1_5_iidr_aidr),
	S3E_LIST_ENTRY(idr_stage1_only),
	S3E_LIST_ENTRY(stage1_only_strw_res0),
	S3E_LIST_ENTRY(idr_stage2_only),
	S3E_PARAM_ENTRY(create_rejects, create_bad),
	S3E_LIST_ENTRY(create_alloc_failure),
	S3E_LIST_ENTRY(mem_size_matches_allocations),
	S3E_LIST_ENTRY(reset_values),
	S3E_LIST_ENTRY(reset_restores_state),
	S3E_LIST_ENTRY(cr0_ack_mirrors_and_res0),
	S3E_LIST_ENTRY(irq_ctrl_ack),
	S3E_LIST_ENTRY(cr1_cr2_writable_only_while_disabled),
	S3E_LIST_ENTRY(gbpa_update_handshake),
	S3E_LIST_ENTRY(gbpa_abort_when_disabled),
	S3E_LIST_ENTRY(gbpa_bypass_when_disabled),
	S3E_LIST_ENTRY(gbpa_bypass_beyond_oas_aborts),
	S3E_LIST_ENTRY(gerror_toggle_and_ack),
	S3E_LIST_ENTRY(gerrorn_inactive_bits_ignored),
	S3E_LIST_ENTRY(gerror_irq_gated),
	S3E_LIST_ENTRY(gerror_msi),
	S3E_LIST_ENTRY(gerror_msi_abort),
	S3E_LIST_ENTRY(strtab_base_ignored_while_smmuen),
	S3E_LIST_ENTRY(queue_base_ignored_while_enabled),
	S3E_LIST_ENTRY(queue_indices_ro_while_enabled),
	S3E_LIST_ENTRY(irq_cfg_ro_while_irq_enabled),
	S3E_LIST_ENTRY(page1_aliases),
	S3E_LIST_ENTRY(reg64_halves),
	S3E_LIST_ENTRY(readonly_unaligned_unimplemented),
	{}
};

static struct S3E_LIST_TYPE s3e_model_queues[] = {
	S3E_LIST_ENTRY(cmdq_sync_consumed),
	S3E_LIST_ENTRY(cmdq_wrap),
	S3E_LIST_ENTRY(cmdq_full_queue_in_one_write),
	S3E_LIST_ENTRY(queue_base_truncated_to_oas),
	S3E_LIST_ENTRY(queue_base_aligned_to_size),
	S3E_LIST_ENTRY(cmdq_log2_capped_by_idr1),
	S3E_LIST_ENTRY(cmdq_not_consumed_while_disabled),
	S3E_LIST_ENTRY(cmdq_cerror_ill_stops),
	S3E_LIST_ENTRY(cmdq_cerror_ill_recover_after_ack),
	S3E_LIST_ENTRY(cmdq_budget_bounds_each_write),
	S3E_LIST_ENTRY(cmdq_budget_error_stops_pending),
	S3E_LIST_ENTRY(cmdq_budget_nothing_pending_while_disabled),
	S3E_LIST_ENTRY(cmdq_cerror_abt),
	S3E_PARAM_ENTRY(cerror_ill, cmd_ill),
	S3E_PARAM_ENTRY(cerror_ill_tlbi_range, tlbi_range_ill),
	S3E_LIST_ENTRY(cmd_every_legal_opcode_accepted),
	S3E_LIST_ENTRY(cmd_sync_cs_irq_line),
	S3E_LIST_ENTRY(cmd_sync_cs_irq_msi),
	S3E_LIST_ENTRY(cmd_sync_msi_abort),
	S3E_LIST_ENTRY(cmd_sync_sev_and_none_silent),
	S3E_LIST_ENTRY(cmdq_sev_when_full_queue_drains),
	S3E_LIST_ENTRY(cmd_sync_msi_addr_above_oas),
	S3E_LIST_ENTRY(evtq_overflow_flag_and_ack),
	S3E_LIST_ENTRY(evtq_disabled_drops),
	S3E_LIST_ENTRY(evtq_irq_gating),
	S3E_LIST_ENTRY(evtq_msi),
	S3E_LIST_ENTRY(evtq_msi_abort),
	S3E_LIST_ENTRY(evtq_write_abort),
	S3E_LIST_ENTRY(evtq_abt_err_stops_recording),
	{}
};

static struct S3E_LIST_TYPE s3e_model_strtab[] = {
	S3E_LIST_ENTRY(ste_bypass),
	S3E_LIST_ENTRY(ste_abort_no_event),
	S3E_LIST_ENTRY(bad_streamid_recorded),
	S3E_LIST_ENTRY(bad_streamid_silent_without_recinvsid),
	S3E_LIST_ENTRY(bad_streamid_beyond_sidsize),
	S3E_LIST_ENTRY(sidsize_32_all_streamids),
	S3E_LIST_ENTRY(ste_fetch_abort_linear),
	S3E_LIST_ENTRY(ste_cached_after_fetch),
	S3E_LIST_ENTRY(strtab_2lvl_lookup),
	S3E_LIST_ENTRY(ste_read_view),
	S3E_LIST_ENTRY(strtab_split_reserved_and_base_alignment),
	S3E_LIST_ENTRY(strtab_2lvl_span0),
	S3E_LIST_ENTRY(strtab_2lvl_beyond_span),
	S3E_LIST_ENTRY(strtab_2lvl_span_reserved),
	S3E_LIST_ENTRY(strtab_2lvl_beyond_log2size),
	S3E_LIST_ENTRY(strtab_2lvl_l1_fetch_abort),
	S3E_LIST_ENTRY(strtab_2lvl_l2_fetch_abort),
	S3E_PARAM_ENTRY(c_bad_ste, bad_ste),
	S3E_LIST_ENTRY(c_bad_ste_not_cached),
	S3E_LIST_ENTRY(ste_s2ttb_beyond_s2ps),
	S3E_LIST_ENTRY(ste_config_reserved_aborts),
	S3E_LIST_ENTRY(ste_s1fmt_reserved_linear),
	S3E_LIST_ENTRY(ste_s2ps_reserved_as_52),
	S3E_LIST_ENTRY(ste_s1cdmax_ignored_without_substreams),
	{}
};

static struct S3E_LIST_TYPE s3e_model_cd[] = {
	S3E_LIST_ENTRY(cd_single_translate),
	S3E_LIST_ENTRY(cd_linear_table_substreams),
	S3E_LIST_ENTRY(cd_2lvl_64k_leaves),
	S3E_LIST_ENTRY(cd_2lvl_4k_leaves),
	S3E_LIST_ENTRY(cd_fetch_abort),
	S3E_LIST_ENTRY(cd_l1_fetch_abort),
	S3E_LIST_ENTRY(cd_l2_fetch_abort),
	S3E_PARAM_ENTRY(c_bad_substreamid, bad_ssid),
	S3E_LIST_ENTRY(s1dss_terminate_stream_disabled),
	S3E_LIST_ENTRY(s1dss_reserved_behaves_as_terminate),
	S3E_LIST_ENTRY(s1dss_bypass_stage1_only),
	S3E_LIST_ENTRY(s1dss_bypass_nested_uses_stage2),
	S3E_LIST_ENTRY(s1dss_ssid0_uses_cd0),
	S3E_LIST_ENTRY(s1dss_ssid0_substream0_disabled),
	S3E_LIST_ENTRY(cd_l1_l2ptr_beyond_oas),
	S3E_LIST_ENTRY(cd_ttb_beyond_ips),
	S3E_PARAM_ENTRY(c_bad_cd, bad_cd),
	S3E_PARAM_ENTRY(cd_accepted, good_cd),
	{}
};

static struct S3E_LIST_TYPE s3e_model_walk[] = {
	S3E_LIST_ENTRY(s1_4k_4level_then_cached),
	S3E_LIST_ENTRY(s1_2m_block),
	S3E_LIST_ENTRY(s1_16k_granule),
	S3E_LIST_ENTRY(s1_64k_granule),
	S3E_LIST_ENTRY(s1_ttb1_upper_range),
	S3E_LIST_ENTRY(s1_tbi),
	S3E_LIST_ENTRY(f_translation_s1_record_fields),
	S3E_LIST_ENTRY(f_translation_s1_silent_without_cd_r),
	S3E_LIST_ENTRY(f_permission_s1_write_readonly),
	S3E_LIST_ENTRY(f_permission_s1_exec_uxn),
	S3E_LIST_ENTRY(f_permission_s1_silent_without_cd_r),
	S3E_LIST_ENTRY(f_access_s1),
	S3E_LIST_ENTRY(host_without_read64_and_cmpxchg64),
	S3E_LIST_ENTRY(f_addr_size_s1),
	S3E_LIST_ENTRY(f_walk_eabt_s1_recorded_without_cd_r),
	S3E_LIST_ENTRY(f_translation_s1_epd0),
	S3E_LIST_ENTRY(ste_privcfg_instcfg_res0),
	S3E_LIST_ENTRY(s2_only_translate),
	S3E_LIST_ENTRY(f_addr_size_s1_bypassed_beyond_ias),
	S3E_LIST_ENTRY(ste_bypass_beyond_oas_addr_size),
	S3E_LIST_ENTRY(s1dss_bypass_beyond_ias_addr_size),
	S3E_LIST_ENTRY(f_translation_s2_record_fields),
	S3E_LIST_ENTRY(f_translation_s2_silent_without_s2r),
	S3E_LIST_ENTRY(f_permission_s2_write),
	S3E_LIST_ENTRY(f_access_s2_and_s2ha),
	S3E_LIST_ENTRY(f_addr_size_s2),
	S3E_LIST_ENTRY(f_walk_eabt_s2),
	S3E_LIST_ENTRY(nested_translate),
	S3E_LIST_ENTRY(nested_s2_fault_on_s1_table),
	S3E_LIST_ENTRY(nested_s2_fault_on_output),
	S3E_LIST_ENTRY(nested_s1_fault_not_s2),
	S3E_LIST_ENTRY(nested_cd_fetch_through_s2_fault),
	S3E_LIST_ENTRY(nested_cd_fetch_abort_after_s2),
	S3E_LIST_ENTRY(nested_s2ptw_cd_fetch_device),
	S3E_LIST_ENTRY(nested_s2_walk_eabt_on_s1_table),
	S3E_LIST_ENTRY(el2_regime_tlbi_scope),
	S3E_LIST_ENTRY(el2_epd0_ignored),
	S3E_LIST_ENTRY(el2_e2h_regime_asid),
	{}
};

static struct S3E_LIST_TYPE s3e_model_inval[] = {
	S3E_PARAM_ENTRY(stale_then_tlbi, tlbi_s1_cases),
	S3E_LIST_ENTRY(stale_then_tlbi_s2_ipa),
	S3E_LIST_ENTRY(stale_then_tlbi_s12_vmall_nested),
	S3E_LIST_ENTRY(stale_then_tlbi_nh_asid_nested_vmid),
	S3E_LIST_ENTRY(tlbi_vmid_ignored_without_stage2),
	S3E_PARAM_ENTRY(stale_then_cfgi, cfgi_cases),
	S3E_LIST_ENTRY(stale_then_cfgi_cd),
	S3E_LIST_ENTRY(stale_then_cfgi_cd_all),
	S3E_LIST_ENTRY(cd_change_new_asid_after_cfgi_no_tlbi),
	S3E_LIST_ENTRY(reset_drops_caches),
	S3E_LIST_ENTRY(strict_tlbi_without_sync_stale),
	S3E_LIST_ENTRY(strict_tlbi_then_sync_fresh),
	S3E_LIST_ENTRY(default_tlbi_without_sync_fresh),
	S3E_LIST_ENTRY(strict_cfgi_without_sync_stale),
	S3E_LIST_ENTRY(default_cfgi_without_sync_fresh),
	S3E_LIST_ENTRY(strict_pending_overflow_completes_oldest),
	S3E_LIST_ENTRY(strict_sync_cs_none_completes),
	S3E_LIST_ENTRY(strict_cmd_error_keeps_pending),
	S3E_LIST_ENTRY(checker_absent_in_default_mode),
	S3E_LIST_ENTRY(checker_tlb_stale_used_reported),
	S3E_LIST_ENTRY(checker_tlb_tlbi_sync_clean),
	S3E_LIST_ENTRY(checker_tlb_stale_unused_clean),
	S3E_LIST_ENTRY(checker_tlb_stale_s2_reported),
	S3E_LIST_ENTRY(checker_ste_stale_used_reported),
	S3E_LIST_ENTRY(checker_cd_stale_used_reported),
	S3E_LIST_ENTRY(checker_ste_cfgi_sync_clean),
	S3E_LIST_ENTRY(checker_queue_prod_overflow_reported),
	S3E_LIST_ENTRY(checker_queue_base_while_enabled_reported),
	S3E_LIST_ENTRY(checker_queue_clean),
	S3E_LIST_ENTRY(checker_ste_torn_reported),
	S3E_LIST_ENTRY(checker_ste_break_before_make_clean),
	S3E_LIST_ENTRY(checker_cd_torn_reported),
	{}
};

static struct S3E_LIST_TYPE s3e_model_dma[] = {
	S3E_LIST_ENTRY(dma_write_read_across_pages),
	S3E_LIST_ENTRY(dma_fault_mid_transfer),
	S3E_LIST_ENTRY(dma_not_ram_aborts),
	S3E_LIST_ENTRY(dma_zero_length),
	S3E_LIST_ENTRY(stats_counters),
	S3E_PARAM_ENTRY(fuzz_round, fuzz_rounds),
	{}
};

#endif /* S3E_MODEL_CASES_H */
