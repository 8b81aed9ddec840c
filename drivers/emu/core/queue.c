// SPDX-License-Identifier: GPL-2.0-only
/*
 * Command queue of the emulated SMMUv3: the consumer.
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
 * The command queue hands each command to cmd.c and signals through
 * signal.c; it does not call back into the register file (regs.c), which
 * drives it.  The event queue is evtq.c.
 *
 * Freestanding: no kernel or libc headers.
 */
#include "smmu-int.h"
#include "trace-int.h"

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

/*
 * PROD moved from @old_prod: the CMD_SYNCs it published are counted, for
 * the statistic of how many wait in the queue at once.
 */
void s3e_cmdq_published(struct s3e_smmu *s, s3e_u32 old_prod)
{
	struct s3e_queue *q = &s->cmdq;
	s3e_u64 cmd0;
	s3e_u32 p;

	if (!(s->cr0 & CR0_CMDQEN))
		return;
	for (p = old_prod; p != q->prod; p = q_inc(q, p)) {
		if (s3e_host_read64s(s, q_entry(q, p, CMDQ_ENT_DWORDS), &cmd0, 1))
			return;
		if (s3e_field_get(CMD_0_OP, cmd0) == CMD_OP_SYNC)
			s->cmdq_syncs++;
	}
	if (s->cmdq_syncs > s->stats.syncs_queued_max)
		s->stats.syncs_queued_max = s->cmdq_syncs;
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
		if (rc == S3E_CMD_SYNC) {
			/* A replaced bad command may be a sync not counted */
			if (s->cmdq_syncs)
				s->cmdq_syncs--;
			s3e_cmd_sync_complete(s, cmd[0], cmd[1]);
		}
	}
}
