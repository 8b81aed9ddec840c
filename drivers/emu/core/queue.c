// SPDX-License-Identifier: GPL-2.0-only
/*
 * Queues and interrupts of the emulated SMMUv3.
 *
 * Command queue: the SMMU is the consumer.  Commands are consumed
 * synchronously, inside the register write that makes them visible (a
 * CMDQ_PROD write, CMDQEN being set, or the acknowledgment of a command
 * error through GERRORN), at most one queue's worth per write so that a
 * nonsensical PROD cannot keep the model busy.  A command that cannot be
 * read (CERROR_ABT) or is illegal (CERROR_ILL) stops consumption with
 * CONS on it, CMDQ_CONS.ERR set and GERROR.CMDQ_ERR active; software
 * acknowledges through GERRORN, after which consumption resumes from CONS
 * (software is expected to have replaced the command, e.g. by a CMD_SYNC).
 *
 * Event queue: the SMMU is the producer.  A record is written only while
 * the queue is writable (§7.2.1): EVENTQEN = 1, not full, and no
 * unacknowledged GERROR.EVENTQ_ABT_ERR; otherwise it is discarded.  When
 * the queue is full the record is lost and, unless an overflow is already
 * outstanding (PROD.OVFLG != CONS.OVACKFLG), the overflow flag PROD.OVFLG
 * toggles (§7.4); software acknowledges by copying it to CONS.OVACKFLG.
 * A record that cannot be written activates GERROR.EVENTQ_ABT_ERR
 * (§7.2.2), after which delivery stops until software acknowledges it.
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

 * Freestanding: no kernel or libc headers.
 */
#include "smmu-int.h"
#include "trace-int.h"

static s3e_u32 q_mask(const struct s3e_queue *q)
{
	return (2U << q->log2) - 1;
}

static int q_empty(const struct s3e_queue *q)
{
	return !((q->prod ^ q->cons) & q_mask(q));
}

static int q_full(const struct s3e_queue *q)
{
	return ((q->prod ^ q->cons) & q_mask(q)) == 1U << q->log2;
}

/* Next value of an index: the bits outside wrap and index are kept */
static s3e_u32 q_inc(const struct s3e_queue *q, s3e_u32 p)
{
	return (p & ~q_mask(q)) | ((p + 1) & q_mask(q));
}

static s3e_u64 q_entry(const struct s3e_queue *q, s3e_u32 p,
		       unsigned int dwords)
{
	s3e_u64 idx = p & ((1U << q->log2) - 1);
	/* §6.3.26: the base is aligned to the queue size, 32 bytes at least */
	s3e_u64 size = ((s3e_u64)dwords * 8) << q->log2;
	s3e_u64 base = q->base & Q_BASE_ADDR & ~((size < 32 ? 32 : size) - 1);

	/* §3.4.3: queue accesses are truncated to the OAS */
	return (base + idx * dwords * 8) & S3E_OA_MASK;
}

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

static void evtq_signal(struct s3e_smmu *s)
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

int s3e_evtq_record(struct s3e_smmu *s, const s3e_u64 *rec)
{
	struct s3e_queue *q = &s->evtq;
	s3e_u64 buf[EVTQ_ENT_DWORDS];
	unsigned int i;

	/*
	 * §7.2.1: not writable while disabled or while EVENTQ_ABT_ERR is
	 * active: the record is discarded, without an overflow (§7.4).
	 */
	if (!(s->cr0 & CR0_EVENTQEN) ||
	    (s3e_gerror_active(s) & GERROR_EVENTQ_ABT_ERR)) {
		s->stats.events_dropped++;
		return 0;
	}
	if (q_full(q)) {
		s->stats.events_dropped++;
		if (!((q->prod ^ q->cons) & Q_OVF)) {
			q->prod ^= Q_OVF;
			evtq_signal(s);
		}
		return 0;
	}
	for (i = 0; i < EVTQ_ENT_DWORDS; i++)
		buf[i] = s3e_le64(rec[i]);
	if (s->host.write(s->host.ctx, q_entry(q, q->prod, EVTQ_ENT_DWORDS),
			  buf, sizeof(buf))) {
		s->stats.events_dropped++;
		s3e_gerror_raise(s, GERROR_EVENTQ_ABT_ERR);
		return 0;
	}
	q->prod = q_inc(q, q->prod);
	s->stats.events++;
	evtq_signal(s);
	return 1;
}

static void cmdq_error(struct s3e_smmu *s, unsigned int err)
{
	s->cmdq_err = err;
	s->stats.cmd_errors++;
	s3e_gerror_raise(s, GERROR_CMDQ_ERR);
}

int s3e_smmu_cmdq_pending(const struct s3e_smmu *s)
{
	return (s->cr0 & CR0_CMDQEN) &&
	       !(s3e_gerror_active(s) & GERROR_CMDQ_ERR) && !q_empty(&s->cmdq);
}

int s3e_smmu_cmdq_run(struct s3e_smmu *s)
{
	s3e_cmdq_run(s);
	return s3e_smmu_cmdq_pending(s);
}

void s3e_cmdq_run(struct s3e_smmu *s)
{
	struct s3e_queue *q = &s->cmdq;
	s3e_u64 cmd[CMDQ_ENT_DWORDS];
	unsigned long n;
	int rc, was_full;

	if (!s3e_smmu_cmdq_pending(s))
		return;
	/* §4.1.2: with SEV, a wake-up event as a full queue becomes non-full */
	was_full = q_full(q);
	n = 1UL << q->log2;
	if (s->cfg.cmdq_budget && s->cfg.cmdq_budget < n)
		n = s->cfg.cmdq_budget;
	for (; n && !q_empty(q); n--) {
		if (s3e_host_read64s(s, q_entry(q, q->cons, CMDQ_ENT_DWORDS),
				     cmd, CMDQ_ENT_DWORDS)) {
			cmdq_error(s, CERROR_ABT);
			return;
		}
		rc = s3e_cmd_exec(s, cmd[0], cmd[1]);
		s3e_trace_cmd(s, cmd, rc);
		if (rc == S3E_CMD_ILL) {
			cmdq_error(s, CERROR_ILL);
			return;
		}
		q->cons = q_inc(q, q->cons);
		if (was_full) {
			was_full = 0;
			s3e_sev(s);
		}
		if (rc == S3E_CMD_SYNC)
			s3e_cmd_sync_complete(s, cmd[0], cmd[1]);
	}
}
