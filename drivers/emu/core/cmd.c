// SPDX-License-Identifier: GPL-2.0-only
/*
 * Commands of the emulated SMMUv3: decode and execute one command-queue
 * entry.
 *
 *  - PREFETCH_CONFIG, PREFETCH_ADDR: accepted; prefetching is a hint and
 *    nothing is fetched ahead.
 *  - CFGI_STE, CFGI_STE_RANGE, CFGI_ALL, CFGI_CD, CFGI_CD_ALL,
 *    CFGI_VMS_PIDM: the configuration cache (s3e_cfgc_exec_cmd()); every
 *    one also drops all decoded contexts.
 *  - TLBI_NH_*, TLBI_EL2_*, TLBI_S12_VMALL, TLBI_S2_IPA, TLBI_NSNH_ALL,
 *    with the range fields TG/NUM/SCALE and the TTL hint: the TLB
 *    (s3e_tlb_exec_cmd()); every one also drops all last-translation
 *    entries.  Without stage 2 the VMID field is ignored (entries carry
 *    VMID 0).
 *  - ATC_INV, PRI_RESP, RESUME, STALL_TERM: accepted as no-ops, although
 *    neither ATS, PRI nor stalls are advertised (see the deviations in
 *    Documentation/emulator.rst).
 *  - CMD_SYNC: every earlier command has completed when it is consumed;
 *    CS = IRQ signals completion by an MSI write of MSIData to MSIAddress
 *    when MSIAddress is non-zero, otherwise on the CMD_SYNC interrupt
 *    line; CS = SEV has nothing to wake in a model; CS = NONE nothing.
 *
 * CERROR_ILL: an unknown opcode, SSec = 1 (the Non-secure queue has no
 * Secure commands), TLBI_EL3_*, a TLBI of a stage or regime that is not
 * implemented (TLBI_NH_* without stage 1, TLBI_S2_IPA/TLBI_S12_VMALL
 * without stage 2, TLBI_EL2_* without SMMU_IDR0.HYP), or CMD_SYNC with
 * the reserved CS value 3.
 *
 * Freestanding: no kernel or libc headers.
 */
#include "smmu-int.h"

static int cmd_tlbi(struct s3e_smmu *s, s3e_u64 cmd0, s3e_u64 cmd1)
{
	if (!s3e_has_s2(s))
		cmd0 &= ~CMD_TLBI_0_VMID;
	s3e_tlb_exec_cmd(&s->tlb, cmd0, cmd1);
	s3e_utlb_invalidate(s);
	return S3E_CMD_DONE;
}

int s3e_cmd_exec(struct s3e_smmu *s, s3e_u64 cmd0, s3e_u64 cmd1)
{
	unsigned int op = s3e_field_get(CMD_0_OP, cmd0);
	int rc = S3E_CMD_DONE;

	switch (op) {
	case CMD_OP_PREFETCH_CONFIG:
	case CMD_OP_PREFETCH_ADDR:
		if (cmd0 & CMD_0_SSEC)
			return S3E_CMD_ILL;
		break;
	case CMD_OP_CFGI_STE:
	case CMD_OP_CFGI_STE_RANGE:
	case CMD_OP_CFGI_CD:
	case CMD_OP_CFGI_CD_ALL:
	case CMD_OP_CFGI_VMS_PIDM:
		if (cmd0 & CMD_0_SSEC)
			return S3E_CMD_ILL;
		/* CDs exist only with stage 1 */
		if ((op == CMD_OP_CFGI_CD || op == CMD_OP_CFGI_CD_ALL) &&
		    !s3e_has_s1(s))
			return S3E_CMD_ILL;
		s3e_cfgc_exec_cmd(&s->cfgc, cmd0, cmd1);
		s3e_dctx_invalidate(s);
		break;
	case CMD_OP_TLBI_NH_ALL:
	case CMD_OP_TLBI_NH_ASID:
	case CMD_OP_TLBI_NH_VA:
	case CMD_OP_TLBI_NH_VAA:
		if (!s3e_has_s1(s))
			return S3E_CMD_ILL;
		rc = cmd_tlbi(s, cmd0, cmd1);
		break;
	case CMD_OP_TLBI_EL2_ALL:
	case CMD_OP_TLBI_EL2_ASID:
	case CMD_OP_TLBI_EL2_VA:
	case CMD_OP_TLBI_EL2_VAA:
		if (!(s->idr[0] & IDR0_HYP))
			return S3E_CMD_ILL;
		rc = cmd_tlbi(s, cmd0, cmd1);
		break;
	case CMD_OP_TLBI_S12_VMALL:
	case CMD_OP_TLBI_S2_IPA:
		if (!s3e_has_s2(s))
			return S3E_CMD_ILL;
		rc = cmd_tlbi(s, cmd0, cmd1);
		break;
	case CMD_OP_TLBI_NSNH_ALL:
		rc = cmd_tlbi(s, cmd0, cmd1);
		break;
	case CMD_OP_ATC_INV:
	case CMD_OP_PRI_RESP:
	case CMD_OP_RESUME:
	case CMD_OP_STALL_TERM:
		break;
	case CMD_OP_SYNC:
		if (s3e_field_get(CMD_SYNC_0_CS, cmd0) == 3)
			return S3E_CMD_ILL;
		rc = S3E_CMD_SYNC;
		break;
	default:
		/* Includes TLBI_EL3_*: Secure-only commands */
		return S3E_CMD_ILL;
	}
	s->stats.cmds[op & (S3E_NR_OPCODES - 1)]++;
	return rc;
}

void s3e_cmd_sync_complete(struct s3e_smmu *s, s3e_u64 cmd0, s3e_u64 cmd1)
{
	s3e_u64 addr = cmd1 & CMD_SYNC_1_MSIADDR;

	s->stats.syncs++;
	if (s3e_field_get(CMD_SYNC_0_CS, cmd0) != CMD_SYNC_CS_IRQ)
		return;
	if (!addr) {
		s3e_irq_line(s, S3E_IRQ_CMDQ_SYNC);
		return;
	}
	if (s3e_msi_write(s, addr, s3e_field_get(CMD_SYNC_0_MSIDATA, cmd0)))
		s3e_gerror_raise(s, GERROR_MSI_CMDQ_ABT_ERR);
}
