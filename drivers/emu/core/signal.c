// SPDX-License-Identifier: GPL-2.0-only
/*
 * Signalling of the emulated SMMUv3: the wired interrupt lines, MSIs,
 * GERROR activation and WFE wake-up events.  The queues (queue.c) and
 * the commands (cmd.c) signal through here; this file calls none of them
 * nor the register file, only the host's callbacks and the trace hooks.
 *
 * Interrupts (§3.18.2): each source that IRQ_CTRL enables pulses its wired
 * line and, independently, sends an MSI when SMMU_IDR0.MSI is set and the
 * *_IRQ_CFG0 address is non-zero (an aborted MSI activates
 * GERROR.MSI_*_ABT_ERR).  CMD_SYNC completion interrupts are requested per
 * command (§4.7.3: the wired output is asserted regardless of MSIAddress).
 *
 * WFE wake-up events (SMMU_IDR0.SEV): sent when CMD_SYNC with CS = SIG_SEV
 * completes, and when the command queue becomes non-full after software
 * could have observed it full (§4.1.2).
 *
 * Freestanding: no kernel or libc headers.
 */
#include "smmu-int.h"
#include "trace-int.h"

void s3e_irq_line(struct s3e_smmu *s, unsigned int line)
{
	s->stats.irqs[line]++;
	if (s->host.irq)
		s->host.irq(s->host.ctx, line);
}

void s3e_sev(struct s3e_smmu *s)
{
	s->stats.sevs++;
	if (s->host.sev)
		s->host.sev(s->host.ctx);
}

int s3e_msi_write(struct s3e_smmu *s, s3e_u64 addr, s3e_u32 data)
{
	s3e_u32 le = s3e_le32(data);

	if (s->host.write(s->host.ctx, addr, &le, sizeof(le))) {
		s->stats.msi_aborts++;
		return -1;
	}
	s->stats.msis++;
	return 0;
}

void s3e_gerror_raise(struct s3e_smmu *s, s3e_u32 bits)
{
	s3e_u64 addr;

	bits &= GERROR_ERR_MASK & ~s3e_gerror_active(s);
	if (!bits)
		return;
	s->gerror ^= bits;
	s3e_trace_gerror(s, bits);
	if (!(s->irq_ctrl & IRQ_CTRL_GERROR_IRQEN))
		return;
	/* §3.18.2: the wired pulse and the MSI are independent */
	s3e_irq_line(s, S3E_IRQ_GERROR);
	addr = s->gerror_irq_cfg0 & MSI_CFG0_ADDR;
	if (!addr)
		return;
	/* An aborted GERROR MSI is itself an error, without a new MSI */
	if (s3e_msi_write(s, addr & S3E_OA_MASK, s->gerror_irq_cfg1) &&
	    !(s3e_gerror_active(s) & GERROR_MSI_GERROR_ABT_ERR))
		s->gerror ^= GERROR_MSI_GERROR_ABT_ERR;
}

void s3e_evtq_signal(struct s3e_smmu *s)
{
	s3e_u64 addr;

	if (!(s->irq_ctrl & IRQ_CTRL_EVENTQ_IRQEN))
		return;
	/* §3.18.2: the wired pulse and the MSI are independent */
	s3e_irq_line(s, S3E_IRQ_EVTQ);
	addr = s->evtq_irq_cfg0 & MSI_CFG0_ADDR;
	if (addr && s3e_msi_write(s, addr & S3E_OA_MASK, s->evtq_irq_cfg1))
		s3e_gerror_raise(s, GERROR_MSI_EVENTQ_ABT_ERR);
}

void s3e_cmd_sync_signal(struct s3e_smmu *s, s3e_u64 cmd0, s3e_u64 cmd1)
{
	/* §4.7.3: the zero check covers MSIAddress[55:2], not just the OAS */
	s3e_u64 addr = cmd1 & SMMU3_GENMASK(55, 2);

	switch (s3e_field_get(CMD_SYNC_0_CS, cmd0)) {
	case CMD_SYNC_CS_SEV:
		/* §4.7.3 SIG_SEV: a WFE wake-up event (SMMU_IDR0.SEV = 1) */
		s3e_sev(s);
		return;
	case CMD_SYNC_CS_IRQ:
		break;
	default:
		return;
	}
	/*
	 * §4.7.3 SIG_IRQ: the wired output is asserted regardless of
	 * MSIAddress; an MSI is written when MSIAddress is non-zero,
	 * truncated to the OAS (§3.4.3).
	 */
	s3e_irq_line(s, S3E_IRQ_CMDQ_SYNC);
	if (addr && s3e_msi_write(s, addr & S3E_OA_MASK,
				  s3e_field_get(CMD_SYNC_0_MSIDATA, cmd0)))
		s3e_gerror_raise(s, GERROR_MSI_CMDQ_ABT_ERR);
}
