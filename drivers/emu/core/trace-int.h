/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Trace points inside the emulated SMMUv3 (struct s3e_trace records).
 *
 * Each s3e_trace_*() below is one line at its site in the core: an inline
 * test of s3e_host.trace, and only when it is set a call to the
 * out-of-line function in trace.c that builds the record.
 *
 * Freestanding: no kernel or libc headers.
 */
#ifndef S3E_TRACE_INT_H
#define S3E_TRACE_INT_H

#include "smmu-int.h"

/* Whether the host watches @s: the one branch each trace site costs */
static inline int s3e_tracing(const struct s3e_smmu *s)
{
	return __builtin_expect(s->host.trace != S3E_NULL, 0);
}

int s3e_trace_translate(struct s3e_smmu *s, const struct s3e_txn *t,
			struct s3e_txn_result *r,
			int (*xlate)(struct s3e_smmu *s,
				     const struct s3e_txn *t,
				     struct s3e_txn_result *r));
void s3e_trace_walk_emit(struct s3e_smmu *s, const struct s3e_txn *t,
			 const struct s3e_dctx *c, s3e_u64 va,
			 const struct s3e_walk_result *res);
void s3e_trace_event_emit(struct s3e_smmu *s, const s3e_u64 *rec,
			  int recorded);
void s3e_trace_cmd_emit(struct s3e_smmu *s, const s3e_u64 *cmd, int status);
void s3e_trace_cfg_emit(struct s3e_smmu *s, s3e_u32 sid, s3e_u32 ssid,
			const s3e_u64 *raw, int fill);
void s3e_trace_gerror_emit(struct s3e_smmu *s, s3e_u32 bits);

/* A walk of @t's context @c for input address @va ended with @res */
static inline void s3e_trace_walk(struct s3e_smmu *s, const struct s3e_txn *t,
				  const struct s3e_dctx *c, s3e_u64 va,
				  const struct s3e_walk_result *res)
{
	if (s3e_tracing(s))
		s3e_trace_walk_emit(s, t, c, va, res);
}

/* The event record @rec was written to the event queue, or dropped */
static inline void s3e_trace_event(struct s3e_smmu *s, const s3e_u64 *rec,
				   int recorded)
{
	if (s3e_tracing(s))
		s3e_trace_event_emit(s, rec, recorded);
}

/* The command @cmd (two doublewords) was consumed: S3E_CMD_* @status */
static inline void s3e_trace_cmd(struct s3e_smmu *s, const s3e_u64 *cmd,
				 int status)
{
	if (s3e_tracing(s))
		s3e_trace_cmd_emit(s, cmd, status);
}

/* A valid STE (@ssid S3E_NO_SSID) or CD was fetched; @fill: from memory */
static inline void s3e_trace_cfg(struct s3e_smmu *s, s3e_u32 sid,
				 s3e_u32 ssid, const s3e_u64 *raw, int fill)
{
	if (s3e_tracing(s))
		s3e_trace_cfg_emit(s, sid, ssid, raw, fill);
}

/* Global errors @bits became active */
static inline void s3e_trace_gerror(struct s3e_smmu *s, s3e_u32 bits)
{
	if (s3e_tracing(s))
		s3e_trace_gerror_emit(s, bits);
}

#endif /* S3E_TRACE_INT_H */
