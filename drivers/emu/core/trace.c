// SPDX-License-Identifier: GPL-2.0-only
/*
 * Trace records of the emulated SMMUv3: building them and handing them to
 * the host's trace callback.  Everything here runs only while the host
 * has set s3e_host.trace; the sites in the rest of the core test it
 * inline (trace-int.h).
 *
 * Freestanding: no kernel or libc headers.
 */
#include "trace-int.h"

static void trace_emit(struct s3e_smmu *s, const struct s3e_trace *rec)
{
	s->host.trace(s->host.ctx, rec);
}

/* s3e_walker.trace: one descriptor read by a walk */
static void trace_desc(void *ctx, unsigned int stage, unsigned int level,
		       s3e_u64 pa, s3e_u64 desc)
{
	struct s3e_smmu *s = ctx;
	struct s3e_trace rec = { .kind = S3E_TRACE_DESC };

	rec.desc.pa = pa;
	rec.desc.desc = desc;
	rec.desc.stage = stage;
	rec.desc.level = level;
	trace_emit(s, &rec);
}

void s3e_smmu_set_trace(struct s3e_smmu *s,
			void (*trace)(void *ctx, const struct s3e_trace *t))
{
	s->host.trace = trace;
	s->walker.trace = trace ? trace_desc : S3E_NULL;
	s->walker.trace_ctx = s;
}

/*
 * Translate @t with @xlate and report how it was answered, told apart by
 * the counters the translation moves.
 */
int s3e_trace_translate(struct s3e_smmu *s, const struct s3e_txn *t,
			struct s3e_txn_result *r,
			int (*xlate)(struct s3e_smmu *s,
				     const struct s3e_txn *t,
				     struct s3e_txn_result *r))
{
	s3e_u64 bypassed = s->stats.bypassed, walks = s->stats.walks;
	s3e_u64 utlb = s->stats.utlb_hits;
	struct s3e_trace rec = { .kind = S3E_TRACE_XLATE };
	int rc;

	rc = xlate(s, t, r);
	rec.xlate.sid = t->sid;
	rec.xlate.ssid = t->ssid;
	rec.xlate.iova = t->iova;
	rec.xlate.pa = r->pa;
	rec.xlate.event = r->event;
	if (rc == S3E_TXN_FAULT)
		rec.xlate.how = S3E_XLATE_FAULT;
	else if (rc == S3E_TXN_ABORT)
		rec.xlate.how = S3E_XLATE_ABORT;
	else if (s->stats.bypassed != bypassed)
		rec.xlate.how = S3E_XLATE_BYPASS;
	else if (s->stats.walks != walks)
		rec.xlate.how = S3E_XLATE_WALK;
	else if (s->stats.utlb_hits != utlb)
		rec.xlate.how = S3E_XLATE_UTLB;
	else
		rec.xlate.how = S3E_XLATE_TLB;
	trace_emit(s, &rec);
	return rc;
}

void s3e_trace_walk_emit(struct s3e_smmu *s, const struct s3e_txn *t,
			 const struct s3e_dctx *c, s3e_u64 va,
			 const struct s3e_walk_result *res)
{
	struct s3e_trace rec = { .kind = S3E_TRACE_WALK };

	rec.walk.sid = t->sid;
	rec.walk.ssid = t->ssid;
	rec.walk.iova = va;
	rec.walk.stages = (c->flags & S3E_DCTX_S1 ? S3E_STAGE1 : 0) |
			  (c->flags & S3E_DCTX_S2 ? S3E_STAGE2 : 0);
	rec.walk.oa = res->fault ? 0 : res->oa;
	rec.walk.ipa = res->ipa;
	rec.walk.level = res->level;
	rec.walk.s2_level = res->s2_level;
	rec.walk.size_shift = res->size_shift;
	rec.walk.fault = res->fault;
	rec.walk.fault_stage = res->fault ? res->stage : 0;
	trace_emit(s, &rec);
}

void s3e_trace_event_emit(struct s3e_smmu *s, const s3e_u64 *rec_dw,
			  int recorded)
{
	struct s3e_trace rec = { .kind = S3E_TRACE_EVENT };

	rec.event.rec = rec_dw;
	rec.event.recorded = recorded;
	trace_emit(s, &rec);
}

void s3e_trace_cmd_emit(struct s3e_smmu *s, const s3e_u64 *cmd, int status)
{
	struct s3e_trace rec = { .kind = S3E_TRACE_CMD };

	rec.cmd.cmd[0] = cmd[0];
	rec.cmd.cmd[1] = cmd[1];
	rec.cmd.status = status == S3E_CMD_ILL ? S3E_TRACE_CMD_ILL :
			 status == S3E_CMD_SYNC ? S3E_TRACE_CMD_SYNC :
						  S3E_TRACE_CMD_DONE;
	trace_emit(s, &rec);
}

void s3e_trace_cfg_emit(struct s3e_smmu *s, s3e_u32 sid, s3e_u32 ssid,
			const s3e_u64 *raw, int fill)
{
	struct s3e_trace rec = { .kind = S3E_TRACE_CFG };

	rec.cfg.sid = sid;
	rec.cfg.ssid = ssid;
	rec.cfg.raw[0] = raw[0];
	rec.cfg.raw[1] = raw[1];
	rec.cfg.fill = !!fill;
	trace_emit(s, &rec);
}

void s3e_trace_gerror_emit(struct s3e_smmu *s, s3e_u32 bits)
{
	struct s3e_trace rec = { .kind = S3E_TRACE_GERROR };

	rec.gerror.bits = bits;
	trace_emit(s, &rec);
}
