/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Trace records of the emulated SMMUv3: what the core tells a host that
 * watches it through the optional s3e_host.trace callback (the kernel
 * glue turns them into the smmu3_emu ftrace events).
 *
 * One record per translation, table walk, descriptor read by a walk,
 * event record produced, command consumed, STE or CD fetched, and global
 * error raised.  Records live on the core's stack for the duration of the
 * callback only.  With no callback set the core builds no record: each
 * site costs one predictable branch.
 *
 * Freestanding: no kernel or libc headers.
 */
#ifndef S3E_TRACE_H
#define S3E_TRACE_H

#include "s3e-types.h"

/* struct s3e_trace kinds */
#define S3E_TRACE_XLATE		0	/* a transaction was translated */
#define S3E_TRACE_WALK		1	/* a table walk ended */
#define S3E_TRACE_DESC		2	/* a walk read a descriptor */
#define S3E_TRACE_EVENT		3	/* an event record was produced */
#define S3E_TRACE_CMD		4	/* a command was consumed */
#define S3E_TRACE_CFG		5	/* an STE or CD was fetched */
#define S3E_TRACE_GERROR	6	/* global errors became active */

/* How a translation was answered (struct s3e_trace.xlate.how) */
#define S3E_XLATE_UTLB		0	/* the context's last translation */
#define S3E_XLATE_TLB		1	/* a TLB hit */
#define S3E_XLATE_WALK		2	/* a table walk */
#define S3E_XLATE_BYPASS	3	/* SMMUEN = 0 with GBPA bypass, or STE bypass */
#define S3E_XLATE_FAULT		4	/* terminated with an event type */
#define S3E_XLATE_ABORT		5	/* aborted without an event */

/* Status of a consumed command (struct s3e_trace.cmd.status) */
#define S3E_TRACE_CMD_DONE	0	/* executed */
#define S3E_TRACE_CMD_SYNC	1	/* a CMD_SYNC, completed */
#define S3E_TRACE_CMD_ILL	(-1)	/* illegal: CERROR_ILL, queue stopped */

/**
 * struct s3e_trace - one trace record
 * @kind: S3E_TRACE_*, which member of the union is valid
 * @xlate: S3E_TRACE_XLATE, at the end of s3e_smmu_translate() (also for
 *	each page of s3e_smmu_dma()): StreamID @sid, SubstreamID @ssid (or
 *	S3E_NO_SSID), input address @iova, output address @pa (0 unless
 *	translated or bypassed), @how (S3E_XLATE_*) and the @event type of a
 *	fault (0 otherwise)
 * @walk: S3E_TRACE_WALK, after a walk started by a TLB miss: @sid,
 *	@ssid, @iova (after top-byte canonicalisation), the @stages walked
 *	(bit 0 stage 1, bit 1 stage 2), output address @oa, intermediate
 *	address @ipa, leaf @level of stage 1 (of stage 2 when stage 1 is
 *	bypassed), @s2_level, @size_shift (log2 of the TLB entry's size),
 *	and on failure the EVT_F_* @fault and its @fault_stage; a successful
 *	walk's result is inserted into the TLB
 * @desc: S3E_TRACE_DESC, for each descriptor a walk reads: its physical
 *	address @pa, the value @desc read, translation @stage (1 or 2) and
 *	@level (0 to 3).  A nested walk's stage-2 reads come before the
 *	stage-1 read they translate.
 * @event: S3E_TRACE_EVENT, when a fault produces an event record: the
 *	EVTQ_ENT_DWORDS doublewords @rec (host values) and whether the
 *	record was @recorded in the event queue (0: dropped)
 * @cmd: S3E_TRACE_CMD, for each command consumed from the command queue:
 *	its two doublewords @cmd and @status (S3E_TRACE_CMD_*)
 * @cfg: S3E_TRACE_CFG, when a translation needs an STE (@ssid is then
 *	S3E_NO_SSID) or a CD (@ssid is its index) and it is valid: the
 *	first two doublewords @raw, and @fill = 1 when it was read from
 *	memory and inserted into the configuration cache, 0 on a cache hit
 * @gerror: S3E_TRACE_GERROR: the GERROR @bits that became active
 */
struct s3e_trace {
	unsigned int kind;
	union {
		struct {
			s3e_u32 sid;
			s3e_u32 ssid;
			s3e_u64 iova;
			s3e_u64 pa;
			s3e_u32 how;
			s3e_u32 event;
		} xlate;
		struct {
			s3e_u32 sid;
			s3e_u32 ssid;
			s3e_u64 iova;
			s3e_u64 oa;
			s3e_u64 ipa;
			s3e_u8 stages;
			s3e_u8 level;
			s3e_u8 s2_level;
			s3e_u8 size_shift;
			s3e_u8 fault;
			s3e_u8 fault_stage;
		} walk;
		struct {
			s3e_u64 pa;
			s3e_u64 desc;
			s3e_u8 stage;
			s3e_u8 level;
		} desc;
		struct {
			const s3e_u64 *rec;
			int recorded;
		} event;
		struct {
			s3e_u64 cmd[2];
			int status;
		} cmd;
		struct {
			s3e_u32 sid;
			s3e_u32 ssid;
			s3e_u64 raw[2];
			int fill;
		} cfg;
		struct {
			s3e_u32 bits;
		} gerror;
	};
};

struct s3e_smmu;

/**
 * s3e_smmu_set_trace() - set or clear the trace callback of an instance
 * @s: instance
 * @trace: the callback (as s3e_host.trace; its context is s3e_host.ctx),
 *	or NULL to stop tracing
 *
 * Serialised by the host like every other call on the instance.
 */
void s3e_smmu_set_trace(struct s3e_smmu *s,
			void (*trace)(void *ctx, const struct s3e_trace *t));

#endif /* S3E_TRACE_H */
