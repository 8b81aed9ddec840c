// SPDX-License-Identifier: GPL-2.0-only
/*
 * Commands of the emulated SMMUv3: decode and execute one command-queue
 * entry.
 *
 *  - PREFETCH_CONFIG, PREFETCH_ADDR: a hint; strict mode fetches the
 *    configuration and translations into the caches (s3e_prefetch_cmd()),
 *    default mode nothing.
 *  - CFGI_STE, CFGI_STE_RANGE, CFGI_ALL, CFGI_CD, CFGI_CD_ALL,
 *    CFGI_VMS_PIDM: the configuration cache (s3e_cfgc_exec_cmd()); every
 *    one also drops all decoded contexts.
 *  - TLBI_NH_*, TLBI_EL2_*, TLBI_S12_VMALL, TLBI_S2_IPA, TLBI_NSNH_ALL,
 *    with the range fields TG/NUM/SCALE and the TTL hint: the TLB
 *    (s3e_tlb_exec_cmd()); every one also drops all last-translation
 *    entries.  Without stage 2 the VMID field is ignored (entries carry
 *    VMID 0).
 *  - Strict mode (s3e_smmu_config.strict): the CFGI_* and TLBI_* commands
 *    take effect only when the next CMD_SYNC completes (§3.21.1, §3.21.3,
 *    §4.7.3), so a driver that omits the CMD_SYNC keeps the stale entries;
 *    the structures a CFGI_STE / CFGI_CD invalidated are then fetched
 *    again speculatively.
 *  - CMD_SYNC: every earlier command has completed when it is consumed;
 *    CS = SIG_IRQ pulses the CMD_SYNC interrupt line and, independently,
 *    writes MSIData to MSIAddress when MSIAddress is non-zero (§4.7.3);
 *    CS = SIG_SEV sends a WFE wake-up event (SMMU_IDR0.SEV = 1); CS =
 *    SIG_NONE signals nothing.
 *
 * CERROR_ILL (§4.1.3): an unknown opcode; SSec = 1 (§4.1.6: the Non-secure
 * queue has no Secure commands); TLBI_EL3_*; a command of a feature that
 * is not implemented: CFGI_CD* and TLBI_NH_* without stage 1 (§4.3.3,
 * §4.3.4, §4.4.2), TLBI_S2_IPA/TLBI_S12_VMALL without stage 2 (§4.4.3),
 * TLBI_EL2_* without SMMU_IDR0.Hyp (§4.4.2), CFGI_VMS_PIDM without
 * SMMU_IDR3.MPAM (§4.3.5), ATC_INV without SMMU_IDR0.ATS, PRI_RESP without
 * SMMU_IDR0.PRI (§4.5), RESUME and STALL_TERM with STALL_MODEL = 0b01
 * (§4.7.1, §4.7.2); the reserved range-TLBI parameters TG != 0 with NUM =
 * SCALE = TTL = 0, and TG = 16KB with TTL = 0b01 (SMMU_IDR5.DS = 0)
 * (§4.4.1.1); CMD_SYNC with the reserved CS value 3 (§4.7.3).  Other
 * reserved fields are ignored (§4.1.5 allows either).
 *
 * The command queue (queue.c) calls in here; commands signal through
 * signal.c (the CMD_SYNC interrupt, MSI and wake-up event) and call
 * neither the queues nor the register file.
 *
 * Freestanding: no kernel or libc headers.
 */
#include "smmu-int.h"

/* §4.4.1.1: reserved combinations of the range parameters */
static int tlbi_range_illegal(s3e_u64 cmd0, s3e_u64 cmd1)
{
	unsigned int tg = s3e_field_get(CMD_TLBI_1_TG, cmd1);
	unsigned int ttl = s3e_field_get(CMD_TLBI_1_TTL, cmd1);

	if (!tg)
		return 0;
	if (!ttl && !s3e_field_get(CMD_TLBI_0_NUM, cmd0) &&
	    !s3e_field_get(CMD_TLBI_0_SCALE, cmd0))
		return 1;
	/* SMMU_IDR5.DS = 0: a 16KB granule has no level-1 leaf */
	return tg == CMD_TLBI_TG_16K && ttl == 1;
}

/* Apply a legal CFGI_* or TLBI_* to the caches */
static void inv_apply(struct s3e_smmu *s, s3e_u64 cmd0, s3e_u64 cmd1)
{
	switch (s3e_field_get(CMD_0_OP, cmd0)) {
	case CMD_OP_CFGI_STE:
	case CMD_OP_CFGI_STE_RANGE:
	case CMD_OP_CFGI_CD:
	case CMD_OP_CFGI_CD_ALL:
		s3e_cfgc_exec_cmd(&s->cfgc, cmd0, cmd1);
		if (s->l1c)
			s3e_l1c_exec_cmd(s->l1c, cmd0, cmd1);
		s3e_dctx_invalidate(s);
		if (s->chk)
			s3e_chk_cfgi(s, cmd0);
		break;
	default:
		if (!s3e_has_s2(s))
			cmd0 &= ~CMD_TLBI_0_VMID;
		s3e_tlb_exec_cmd(&s->tlb, cmd0, cmd1);
		if (s->wc)
			s3e_wc_exec_cmd(s->wc, cmd0, cmd1);
		s3e_utlb_invalidate(s);
		break;
	}
}

void s3e_inv_complete(struct s3e_smmu *s)
{
	unsigned int i, n = s->pend_n, op;
	s3e_u64 c0;

	for (i = 0; i < n; i++)
		inv_apply(s, s->pend_inv[i][0], s->pend_inv[i][1]);
	s->pend_n = 0;
	/*
	 * Speculative fills (§3.21.2: any reachable structure may be fetched
	 * at any time): the structures just invalidated are fetched again
	 * at once, so that a later change the driver does not invalidate
	 * meets a cached copy even if no transaction used it.
	 */
	for (i = 0; i < n; i++) {
		c0 = s->pend_inv[i][0];
		op = s3e_field_get(CMD_0_OP, c0);
		if (op == CMD_OP_CFGI_STE)
			s3e_spec_config(s, s3e_field_get(CMD_0_SID, c0),
					S3E_NO_SSID);
		else if (op == CMD_OP_CFGI_CD)
			s3e_spec_config(s, s3e_field_get(CMD_0_SID, c0),
					s3e_field_get(CMD_0_SSID, c0));
	}
}

/*
 * Execute a legal invalidation.  Strict mode holds it back until the next
 * CMD_SYNC completes: §3.21.1 and §3.21.3 guarantee the effect of a TLBI
 * or CFGI only once a subsequent CMD_SYNC has completed (§4.7.3), so
 * hardware may keep using the stale entry until then.  When the list is
 * full, the oldest completes early, which is also allowed.
 */
static void inv_exec(struct s3e_smmu *s, s3e_u64 cmd0, s3e_u64 cmd1)
{
	unsigned int i;

	if (!s->cfg.strict) {
		inv_apply(s, cmd0, cmd1);
		return;
	}
	if (s->pend_n == S3E_PEND_INV_NR) {
		inv_apply(s, s->pend_inv[0][0], s->pend_inv[0][1]);
		for (i = 1; i < S3E_PEND_INV_NR; i++) {
			s->pend_inv[i - 1][0] = s->pend_inv[i][0];
			s->pend_inv[i - 1][1] = s->pend_inv[i][1];
		}
		s->pend_n--;
	}
	s->pend_inv[s->pend_n][0] = cmd0;
	s->pend_inv[s->pend_n][1] = cmd1;
	s->pend_n++;
}

static int cmd_tlbi(struct s3e_smmu *s, s3e_u64 cmd0, s3e_u64 cmd1)
{
	unsigned int op = s3e_field_get(CMD_0_OP, cmd0);

	/* Only the commands with an address have range parameters */
	if ((op == CMD_OP_TLBI_NH_VA || op == CMD_OP_TLBI_NH_VAA ||
	     op == CMD_OP_TLBI_EL2_VA || op == CMD_OP_TLBI_EL2_VAA ||
	     op == CMD_OP_TLBI_S2_IPA) && tlbi_range_illegal(cmd0, cmd1))
		return S3E_CMD_ILL;
	inv_exec(s, cmd0, cmd1);
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
		/* A hint: only strict mode prefetches (§4.2) */
		if (s->cfg.strict)
			s3e_prefetch_cmd(s, cmd0, cmd1);
		break;
	case CMD_OP_CFGI_VMS_PIDM:
		/* §4.3.5: ILLEGAL without MPAM (SMMU_IDR3.MPAM = 0) */
		return S3E_CMD_ILL;
	case CMD_OP_CFGI_STE:
	case CMD_OP_CFGI_STE_RANGE:
	case CMD_OP_CFGI_CD:
	case CMD_OP_CFGI_CD_ALL:
		if (cmd0 & CMD_0_SSEC)
			return S3E_CMD_ILL;
		/* §4.3.3, §4.3.4: CDs exist only with stage 1 */
		if ((op == CMD_OP_CFGI_CD || op == CMD_OP_CFGI_CD_ALL) &&
		    !s3e_has_s1(s))
			return S3E_CMD_ILL;
		inv_exec(s, cmd0, cmd1);
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
		/* §4.5.1: ILLEGAL while SMMU_IDR0.ATS = 0 */
	case CMD_OP_PRI_RESP:
		/* §4.5.2: ILLEGAL while SMMU_IDR0.PRI = 0 */
		return S3E_CMD_ILL;
	case CMD_OP_RESUME:
	case CMD_OP_STALL_TERM:
		/* §4.7.1, §4.7.2: ILLEGAL with STALL_MODEL = 0b01 (no stalls) */
		if (!s->stall || (cmd0 & CMD_0_SSEC))
			return S3E_CMD_ILL;
		if (op == CMD_OP_STALL_TERM)
			s3e_stall_term(s, 0, s3e_field_get(CMD_0_SID, cmd0));
		else
			/* TERM_MODEL = 1: Abort is IGNORED, terminate aborts */
			s3e_stall_resume(s, s3e_field_get(CMD_0_SID, cmd0),
					 s3e_field_get(CMD_RESUME_1_STAG, cmd1),
					 s3e_field_get(CMD_RESUME_0_RESP, cmd0) &
					 CMD_RESUME_RESP_RETRY);
		break;
	case CMD_OP_SYNC:
		/* §4.7.3: CS = 0b11 is reserved */
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
	/* §4.7.3: every earlier invalidation has completed (strict mode) */
	if (s->pend_n)
		s3e_inv_complete(s);
	/* The checker compares the caches with memory (strict mode) */
	if (s->chk)
		s3e_chk_sync(s);
	s->stats.syncs++;
	s3e_cmd_sync_signal(s, cmd0, cmd1);
}
