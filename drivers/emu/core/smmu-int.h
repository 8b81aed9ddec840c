/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Internals of the emulated SMMUv3 device: the instance structure and the
 * functions the parts of the device (regs.c, queue.c, cmd.c, signal.c,
 * strtab.c, cd.c, translate.c) call in one another.  Nothing here is part
 * of the interface to the host (smmu.h).
 *
 * The register file drives the queues, the command queue executes
 * commands, and queues and commands signal interrupts, MSIs and global
 * errors: regs.c -> queue.c -> cmd.c -> signal.c, never the other way.
 *
 * Freestanding: no kernel or libc headers.
 */
#ifndef S3E_SMMU_INT_H
#define S3E_SMMU_INT_H

#include "smmu.h"
#include "checker.h"
#include "walkcache.h"
#include "l1cache.h"

/*
 * Output address size of the emulated SMMU (SMMU_IDR5.OAS).  Only VMSAv8-64
 * tables are implemented, so the IAS equals the OAS (§3.4).
 */
#define S3E_OAS_BITS		48
#define S3E_IAS_BITS		S3E_OAS_BITS
/* §3.4.3: SMMU-originated accesses (queues, MSIs) are truncated to the OAS */
#define S3E_OA_MASK		(SMMU3_BIT(S3E_OAS_BITS) - 1)

/*
 * Strict mode: invalidations consumed but not yet complete (they complete
 * at the next CMD_SYNC).  When more are outstanding, the oldest complete
 * early, which the architecture allows (an invalidation may complete at any
 * time before the CMD_SYNC that follows it, §3.21.1, §3.21.3).
 */
#define S3E_PEND_INV_NR		64

/* Decoded-context cache: direct-mapped, 2^S3E_DCTX_LOG2 slots */
#define S3E_DCTX_LOG2		8
#define S3E_DCTX_NR		SMMU3_BIT(S3E_DCTX_LOG2)

/* SMMU_IIDR: ProductID 0x53e ("s3e"), no JEP106 implementer */
#define S3E_IIDR_VALUE		0x53e00000U
/* SMMU_AIDR: SMMUv3.2 (range invalidation, IDR3.RIL) */
#define S3E_AIDR_VALUE		0x02U

/* Little-endian memory <-> host values */
static inline s3e_u64 s3e_le64(s3e_u64 v)
{
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return __builtin_bswap64(v);
#else
	return v;
#endif
}

static inline s3e_u32 s3e_le32(s3e_u32 v)
{
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return __builtin_bswap32(v);
#else
	return v;
#endif
}

/**
 * struct s3e_queue - command or event queue registers
 * @base: *_BASE register as written (RA/WA, ADDR, LOG2SIZE)
 * @prod: PROD register: wrap and index, and for the event queue the
 *	overflow flag in bit 31
 * @cons: CONS register: wrap and index, and for the event queue the
 *	overflow acknowledgment in bit 31 (the command queue's ERR field is
 *	kept in struct s3e_smmu)
 * @log2: effective log2 of the number of entries: the smaller of
 *	BASE.LOG2SIZE and the IDR1 maximum
 */
struct s3e_queue {
	s3e_u64 base;
	s3e_u32 prod;
	s3e_u32 cons;
	s3e_u32 log2;
};

/* Kinds of decoded context */
#define S3E_DCTX_FREE		0	/* slot unused */
#define S3E_DCTX_XLATE		1	/* translated by stage 1 and/or 2 */
#define S3E_DCTX_BYPASS		2	/* STE bypass, or S1DSS bypass (S1) */
#define S3E_DCTX_ABORT		3	/* STE.Config abort: no event */
#define S3E_DCTX_DISABLED	4	/* S1DSS terminate: F_STREAM_DISABLED */

/* struct s3e_dctx flags */
#define S3E_DCTX_S1		0x01	/* stage 1 translates */
#define S3E_DCTX_S2		0x02	/* stage 2 translates */
#define S3E_DCTX_REC_S1		0x04	/* CD.R: record stage-1 TRFs */
#define S3E_DCTX_REC_S2		0x08	/* STE.S2R: record stage-2 TRFs */
#define S3E_DCTX_TBI		0x10	/* some stage-1 range ignores the top byte */
#define S3E_DCTX_STALL_S1	0x20	/* CD.S, STE.S1STALLD = 0: stage 1 stalls */
#define S3E_DCTX_STALL_S2	0x40	/* STE.S2S: stage 2 stalls */

/**
 * struct s3e_dctx - decoded translation context of one (StreamID,
 *	SubstreamID), so that a hit needs neither the configuration cache
 *	nor a decode
 * @sid: StreamID
 * @ssid: SubstreamID of the transactions, or S3E_NO_SSID
 * @gen: configuration generation the context was decoded in; the slot is
 *	valid while it equals s3e_smmu.cfg_gen
 * @u_gen: TLB generation of the last-translation entry (u_*): valid while
 *	it equals s3e_smmu.tlb_gen; 0 is never valid
 * @u_va: last translation: input address aligned to its size
 * @u_oa: last translation: output address aligned to its size
 * @u_mask: last translation: size - 1
 * @u_perm: last translation: S3E_PERM_* of both stages combined
 * @kind: S3E_DCTX_*
 * @flags: S3E_DCTX_* flags
 * @acc_clr: S3E_ACC_* bits the STE's PRIVCFG/INSTCFG overrides clear
 * @acc_set: S3E_ACC_* bits they set
 * @s2_gshift: log2 of the stage-2 granule, for nested TLB entries
 * @need: S3E_PERM_* bit each incoming S3E_ACC_* combination needs, after
 *	the overrides (so that a hit needs no decoding of the access)
 * @tag: TLB tag of the context
 * @s1: stage-1 configuration (S3E_DCTX_S1)
 * @s2: stage-2 configuration (S3E_DCTX_S2)
 */
struct s3e_dctx {
	s3e_u32 sid;
	s3e_u32 ssid;
	s3e_u32 gen;
	s3e_u32 u_gen;
	s3e_u64 u_va;
	s3e_u64 u_oa;
	s3e_u64 u_mask;
	s3e_u8 u_perm;
	s3e_u8 kind;
	s3e_u8 flags;
	s3e_u8 acc_clr;
	s3e_u8 acc_set;
	s3e_u8 s2_gshift;
	s3e_u8 need[8];
	struct s3e_tlb_tag tag;
	struct s3e_s1_cfg s1;
	struct s3e_s2_cfg s2;
};

/**
 * struct s3e_ste - a valid STE, decoded
 * @ctxptr: S1ContextPtr (an IPA when stage 2 is enabled)
 * @s2: stage-2 configuration
 * @vmid: S2VMID, or 0 when the SMMU has no stage 2
 * @config: STE_CONFIG_*
 * @s1fmt: S1Fmt (only meaningful when @s1cdmax != 0)
 * @s1cdmax: S1CDMax
 * @s1dss: S1DSS (the reserved value 3 is kept: it behaves as terminate)
 * @strw: effective StreamWorld: STE_STRW_NSEL1 unless stage 1 only
 * @s2r: S2R
 * @s1stalld: S1STALLD (stage 1 faults of this stream never stall)
 * @s2s: S2S (stage 2 faults stall)
 * @acc_clr: see struct s3e_dctx
 * @acc_set: see struct s3e_dctx
 */
struct s3e_ste {
	s3e_u64 ctxptr;
	struct s3e_s2_cfg s2;
	s3e_u16 vmid;
	s3e_u8 config;
	s3e_u8 s1fmt;
	s3e_u8 s1cdmax;
	s3e_u8 s1dss;
	s3e_u8 strw;
	s3e_u8 s2r;
	s3e_u8 s1stalld;
	s3e_u8 s2s;
	s3e_u8 acc_clr;
	s3e_u8 acc_set;
};

/**
 * struct s3e_cd - a valid CD, decoded
 * @s1: stage-1 configuration (S3E_S1_EL2 set by the caller)
 * @asid: ASID
 * @r: CD.R, record translation-related faults
 * @tbi: CD.TBI0 / CD.TBI1 present on a range in use
 * @s: CD.S, stall stage-1 faults
 */
struct s3e_cd {
	struct s3e_s1_cfg s1;
	s3e_u16 asid;
	s3e_u8 r;
	s3e_u8 tbi;
	s3e_u8 s;
};

/* struct s3e_stall.state */
#define S3E_STALL_SLOT_FREE	0
#define S3E_STALL_SLOT_STALLED	1	/* waiting for CMD_RESUME/STALL_TERM */
#define S3E_STALL_SLOT_RETRY	2	/* resumed with retry, client to see */
#define S3E_STALL_SLOT_ABORT	3	/* terminated, client to see */
#define S3E_STALL_SLOT_ABANDONED 4	/* stalled, its client stopped waiting */

/**
 * struct s3e_stall - one stall slot (stall.c)
 * @sid: StreamID of the stalled transaction
 * @ssid: its SubstreamID
 * @gen: generation, bits [15:6] of the STAG
 * @state: S3E_STALL_SLOT_*
 */
struct s3e_stall {
	s3e_u32 sid;
	s3e_u32 ssid;
	s3e_u16 gen;
	s3e_u8 state;
};

/**
 * struct s3e_fault - why a transaction is terminated, for its event
 * @type: EVT_F_* / EVT_C_* type
 * @record: write the event record (C_BAD_STREAMID and translation
 *	faults may be suppressed by CR2.RECINVSID, CD.R and STE.S2R)
 * @stage: 2 for a stage-2 fault (EVT_1_S2), otherwise 1
 * @fclass: EVT_CLASS_* of a stage-2 fault
 * @tt_write: the stage-2 fault was on a descriptor update (TT_READ = 0)
 * @ipa: IPA of a stage-2 fault
 * @fetch_addr: address whose fetch aborted (F_*_FETCH, F_WALK_EABT)
 */
struct s3e_fault {
	s3e_u32 type;
	s3e_u8 record;
	s3e_u8 stage;
	s3e_u8 fclass;
	s3e_u8 tt_write;
	s3e_u64 ipa;
	s3e_u64 fetch_addr;
};

/**
 * struct s3e_smmu - one emulated SMMUv3
 *
 * The fields the translation fast path reads come first.
 * @dctx: decoded-context cache, S3E_DCTX_NR slots
 * @cfg_gen: generation of the decoded contexts, bumped on every
 *	configuration invalidation (CFGI_*, CR0 writes, reset); never 0
 * @tlb_gen: generation of the last-translation entries, bumped on every
 *	TLBI command and reset; never 0
 * @smmuen: CR0.SMMUEN (acknowledged)
 * @chk_armed: strict mode: TLB entries the checker found stale at a
 *	CMD_SYNC (an upper bound); while non-zero, a TLB hit is shown to the
 *	checker.  Always 0 in default mode.
 * @stats: counters
 * @tlb: TLB
 * @cfgc: configuration cache of raw STEs and CDs
 * @walker: table walker (memory through @host)
 * @host: host services
 * @cfg: implementation choices
 * @idr: SMMU_IDR0..5
 * @cr0: CR0 (and CR0ACK, which always equals it)
 * @cr1: CR1
 * @cr2: CR2
 * @gbpa: GBPA (UPDATE always reads 0)
 * @irq_ctrl: IRQ_CTRL (and IRQ_CTRLACK)
 * @gerror: GERROR
 * @gerrorn: GERRORN
 * @cmdq_err: CMDQ_CONS.ERR
 * @gerror_irq_cfg0: GERROR_IRQ_CFG0 (MSI address)
 * @gerror_irq_cfg1: GERROR_IRQ_CFG1 (MSI data)
 * @gerror_irq_cfg2: GERROR_IRQ_CFG2 (MSI attributes)
 * @evtq_irq_cfg0: EVENTQ_IRQ_CFG0
 * @evtq_irq_cfg1: EVENTQ_IRQ_CFG1
 * @evtq_irq_cfg2: EVENTQ_IRQ_CFG2
 * @strtab_base: STRTAB_BASE
 * @strtab_base_cfg: STRTAB_BASE_CFG
 * @cmdq: command queue
 * @evtq: event queue
 * @pend_inv: strict mode: CFGI_* and TLBI_* commands (both doublewords)
 *	consumed but not yet complete, oldest first
 * @pend_n: number of entries of @pend_inv in use
 * @chk: the checker (strict mode), or NULL
 * @fetch_pa: physical address of the last STE or CD fetched from memory
 * @stall: the stall slots, cfg.stall_slots of them, or NULL without the
 *	stall model
 * @wc: strict mode: the walk cache, or NULL
 * @l1c: strict mode: the level-1 descriptor cache, or NULL
 * @wc_tag: tag of the walk in progress, for the walk cache callbacks;
 *	NULL outside walks (no walk cache lookups or fills then)
 * @wc_sid: StreamID of the walk in progress (checker reports)
 * @wc_ssid: its SubstreamID
 */
struct s3e_smmu {
	struct s3e_dctx *dctx;
	s3e_u32 cfg_gen;
	s3e_u32 tlb_gen;
	s3e_u32 smmuen;
	s3e_u32 chk_armed;
	struct s3e_smmu_stats stats;
	struct s3e_tlb tlb;
	struct s3e_cfgc cfgc;
	struct s3e_walker walker;
	struct s3e_host host;
	struct s3e_smmu_config cfg;

	s3e_u32 idr[6];
	s3e_u32 cr0;
	s3e_u32 cr1;
	s3e_u32 cr2;
	s3e_u32 gbpa;
	s3e_u32 irq_ctrl;
	s3e_u32 gerror;
	s3e_u32 gerrorn;
	s3e_u32 cmdq_err;
	s3e_u32 cmdq_syncs;
	s3e_u64 gerror_irq_cfg0;
	s3e_u32 gerror_irq_cfg1;
	s3e_u32 gerror_irq_cfg2;
	s3e_u64 evtq_irq_cfg0;
	s3e_u32 evtq_irq_cfg1;
	s3e_u32 evtq_irq_cfg2;
	s3e_u64 strtab_base;
	s3e_u32 strtab_base_cfg;
	struct s3e_queue cmdq;
	struct s3e_queue evtq;
	s3e_u64 pend_inv[S3E_PEND_INV_NR][2];
	unsigned int pend_n;
	struct s3e_checker *chk;
	s3e_u64 fetch_pa;
	struct s3e_stall *stall;
	struct s3e_wcache *wc;
	struct s3e_l1cache *l1c;
	const struct s3e_tlb_tag *wc_tag;
	s3e_u32 wc_sid;
	s3e_u32 wc_ssid;
};

/* Queue index arithmetic (§3.5): wrap bit above the index */
static inline s3e_u32 q_mask(const struct s3e_queue *q)
{
	return (2U << q->log2) - 1;
}

static inline int q_empty(const struct s3e_queue *q)
{
	return !((q->prod ^ q->cons) & q_mask(q));
}

static inline int q_full(const struct s3e_queue *q)
{
	return ((q->prod ^ q->cons) & q_mask(q)) == 1U << q->log2;
}

/* Next value of an index: the bits outside wrap and index are kept */
static inline s3e_u32 q_inc(const struct s3e_queue *q, s3e_u32 p)
{
	return (p & ~q_mask(q)) | ((p + 1) & q_mask(q));
}

static inline s3e_u64 q_entry(const struct s3e_queue *q, s3e_u32 p,
			      unsigned int dwords)
{
	s3e_u64 idx = p & ((1U << q->log2) - 1);
	/* §6.3.26: the base is aligned to the queue size, 32 bytes at least */
	s3e_u64 size = ((s3e_u64)dwords * 8) << q->log2;
	s3e_u64 base = q->base & Q_BASE_ADDR & ~((size < 32 ? 32 : size) - 1);

	/* §3.4.3: queue accesses are truncated to the OAS */
	return (base + idx * dwords * 8) & S3E_OA_MASK;
}

/**
 * s3e_fault_set() - describe a fault of stage 1 (or of configuration)
 * @f: fault
 * @type: EVT_* type
 * @record: whether the event is recorded
 *
 * Return: @type.
 */
static inline int s3e_fault_set(struct s3e_fault *f, unsigned int type,
				int record)
{
	f->type = type;
	f->record = !!record;
	f->stage = 1;
	f->fclass = EVT_CLASS_IN;
	f->tt_write = 0;
	return type;
}

/* Return codes of s3e_cmd_exec() */
#define S3E_CMD_DONE		0
#define S3E_CMD_SYNC		1
#define S3E_CMD_ILL		(-1)

/* Stage support of an instance */
static inline int s3e_has_s1(const struct s3e_smmu *s)
{
	return s->idr[0] & IDR0_S1P;
}

static inline int s3e_has_s2(const struct s3e_smmu *s)
{
	return s->idr[0] & IDR0_S2P;
}

/*
 * Decoded contexts and last-translation entries: translate.c fills them,
 * regs.c (reset, CR0) and cmd.c (CFGI_*, TLBI_*) invalidate them.  Inline
 * here, so that the command layer does not call back into the register
 * file.
 */

/**
 * s3e_dctx_clear() - empty the decoded-context cache
 * @s: instance
 *
 * Frees every slot and restarts both generations at 1.
 */
static inline void s3e_dctx_clear(struct s3e_smmu *s)
{
	unsigned int i;

	for (i = 0; i < S3E_DCTX_NR; i++) {
		s->dctx[i].kind = S3E_DCTX_FREE;
		s->dctx[i].gen = 0;
		s->dctx[i].u_gen = 0;
	}
	s->cfg_gen = 1;
	s->tlb_gen = 1;
}

/**
 * s3e_dctx_invalidate() - drop every decoded context
 * @s: instance
 *
 * Bumps the configuration generation; on its wrap, clears the cache.
 */
static inline void s3e_dctx_invalidate(struct s3e_smmu *s)
{
	if (!++s->cfg_gen)
		s3e_dctx_clear(s);
}

/**
 * s3e_utlb_invalidate() - drop every last-translation entry
 * @s: instance
 *
 * Bumps the TLB generation; on its wrap, clears the entries.
 */
static inline void s3e_utlb_invalidate(struct s3e_smmu *s)
{
	if (!++s->tlb_gen)
		s3e_dctx_clear(s);
}

/**
 * s3e_gerror_active() - global errors currently active
 * @s: instance
 *
 * Return: the GERROR bits that differ from GERRORN.
 */
static inline s3e_u32 s3e_gerror_active(const struct s3e_smmu *s)
{
	return (s->gerror ^ s->gerrorn) & GERROR_ERR_MASK;
}

/* queue.c */

/**
 * s3e_cmdq_run() - consume the command queue
 * @s: instance
 *
 * Runs while CMDQEN is set, no command error is active and the queue is
 * not empty, at most one queue's worth of commands per call, and at most
 * cfg.cmdq_budget when set.  A command error stops it with CONS on the
 * failed command.
 */
void s3e_cmdq_run(struct s3e_smmu *s);
void s3e_cmdq_published(struct s3e_smmu *s, s3e_u32 old_prod);

/* stall.c */

/**
 * s3e_stall_begin() - take a stall slot for a faulting transaction
 * @s: instance with the stall model
 * @sid: StreamID
 * @ssid: SubstreamID
 * @stag: set to the slot's STAG
 *
 * Return: 0, or -1 when every slot is in use.
 */
int s3e_stall_begin(struct s3e_smmu *s, s3e_u32 sid, s3e_u32 ssid,
		    s3e_u32 *stag);

/** s3e_stall_cancel() - release a slot whose record could not be written */
void s3e_stall_cancel(struct s3e_smmu *s, s3e_u32 stag);

/**
 * s3e_stall_resume() - CMD_RESUME (§4.7.1)
 * @s: instance
 * @sid: StreamID of the command
 * @stag: STAG of the command
 * @retry: Action: retry (1) or terminate (0)
 */
void s3e_stall_resume(struct s3e_smmu *s, s3e_u32 sid, s3e_u32 stag,
		      int retry);

/**
 * s3e_stall_term() - terminate stalls: CMD_STALL_TERM, SMMUEN = 0, reset
 * @s: instance
 * @all: every stall; otherwise those of @sid (§4.7.2)
 * @sid: StreamID
 */
void s3e_stall_term(struct s3e_smmu *s, int all, s3e_u32 sid);

/* evtq.c */

/**
 * s3e_evtq_record() - produce one event record
 * @s: instance
 * @rec: EVTQ_ENT_DWORDS doublewords, host values
 *
 * Return: 1 when written, 0 when dropped (queue disabled or full, or the
 * write aborted).
 */
int s3e_evtq_record(struct s3e_smmu *s, const s3e_u64 *rec);

/* cmd.c */

/**
 * s3e_cmd_exec() - decode and execute one command
 * @s: instance
 * @cmd0: doubleword 0
 * @cmd1: doubleword 1
 *
 * Return: S3E_CMD_DONE, S3E_CMD_SYNC for a CMD_SYNC (completed by the
 * caller through s3e_cmd_sync_complete() once CONS has moved past it), or
 * S3E_CMD_ILL for an illegal command (CERROR_ILL).
 */
int s3e_cmd_exec(struct s3e_smmu *s, s3e_u64 cmd0, s3e_u64 cmd1);

/**
 * s3e_cmd_sync_complete() - complete a CMD_SYNC
 * @s: instance
 * @cmd0: doubleword 0 of the CMD_SYNC
 * @cmd1: doubleword 1 of the CMD_SYNC
 *
 * Completes the invalidations strict mode held back, runs the checker,
 * then signals the completion (s3e_cmd_sync_signal()).
 */
void s3e_cmd_sync_complete(struct s3e_smmu *s, s3e_u64 cmd0, s3e_u64 cmd1);

/**
 * s3e_inv_complete() - complete every outstanding invalidation (strict)
 * @s: instance
 *
 * Applies the CFGI_* and TLBI_* commands that strict mode held back, in
 * the order they were consumed.
 */
void s3e_inv_complete(struct s3e_smmu *s);

/* signal.c */

/**
 * s3e_gerror_raise() - activate global errors
 * @s: instance
 * @bits: GERROR_* bits; those already active are left as they are
 *
 * Signals the GERROR interrupt when a new error becomes active and
 * IRQ_CTRL.GERROR_IRQEN is set.
 */
void s3e_gerror_raise(struct s3e_smmu *s, s3e_u32 bits);

/**
 * s3e_msi_write() - perform an MSI write
 * @s: instance
 * @addr: doorbell address
 * @data: 32-bit payload
 *
 * Return: 0, or negative when the write aborted.
 */
int s3e_msi_write(struct s3e_smmu *s, s3e_u64 addr, s3e_u32 data);

/**
 * s3e_sev() - send a WFE wake-up event (SMMU_IDR0.SEV)
 * @s: instance
 */
void s3e_sev(struct s3e_smmu *s);

/**
 * s3e_irq_line() - pulse a wired interrupt line of the host
 * @s: instance
 * @line: S3E_IRQ_*
 */
void s3e_irq_line(struct s3e_smmu *s, unsigned int line);

/**
 * s3e_evtq_signal() - signal the event queue interrupt
 * @s: instance
 *
 * When IRQ_CTRL.EVENTQ_IRQEN is set: the wired line, and the MSI of
 * EVENTQ_IRQ_CFG0/1 when its address is non-zero (an aborted MSI
 * activates GERROR.MSI_EVENTQ_ABT_ERR).
 */
void s3e_evtq_signal(struct s3e_smmu *s);

/**
 * s3e_cmd_sync_signal() - signal the completion of a CMD_SYNC as its CS says
 * @s: instance
 * @cmd0: doubleword 0 of the CMD_SYNC
 * @cmd1: doubleword 1 of the CMD_SYNC
 *
 * SIG_SEV: a wake-up event.  SIG_IRQ: the CMD_SYNC line, and the MSI when
 * MSIAddress is non-zero (an aborted MSI activates
 * GERROR.MSI_CMDQ_ABT_ERR).  SIG_NONE: nothing.
 */
void s3e_cmd_sync_signal(struct s3e_smmu *s, s3e_u64 cmd0, s3e_u64 cmd1);

/* strtab.c */

/**
 * s3e_host_read64s() - read little-endian doublewords from memory
 * @s: instance
 * @pa: physical address
 * @buf: @n host values
 * @n: number of doublewords
 *
 * Return: 0, or negative when the memory is not readable.
 */
int s3e_host_read64s(struct s3e_smmu *s, s3e_u64 pa, s3e_u64 *buf,
		     unsigned int n);

/**
 * s3e_ste_get() - find and decode the STE of a StreamID
 * @s: instance
 * @sid: StreamID
 * @ste: decoded STE
 * @f: on failure, the fault (C_BAD_STREAMID, F_STE_FETCH, C_BAD_STE)
 *
 * From the configuration cache, or else from the stream table in memory,
 * validated and inserted into the cache.
 *
 * Return: 0, or the event type (also in @f->type).
 */
int s3e_ste_get(struct s3e_smmu *s, s3e_u32 sid, struct s3e_ste *ste,
		struct s3e_fault *f);

/**
 * s3e_ste_decode() - validate and decode a raw STE
 * @s: instance
 * @raw: STE_DWORDS doublewords, host values
 * @ste: decoded STE
 *
 * Return: 0, or -1 when the STE is invalid or ILLEGAL (C_BAD_STE).
 */
int s3e_ste_decode(const struct s3e_smmu *s, const s3e_u64 *raw,
		   struct s3e_ste *ste);

/**
 * s3e_eff_ps() - effective output size of a PS/IPS encoding
 * @ps: STE.S2PS or CD.IPS
 *
 * Return: its number of bits (the reserved 0b111 as 52), capped to the OAS.
 */
unsigned int s3e_eff_ps(unsigned int ps);

/**
 * s3e_s2_cfg_valid() - check a stage-2 configuration against the IDRs
 * @s: instance
 * @c: S2T0SZ, S2SL0, S2TG, S2PS
 *
 * Return: 1 when the walker can use it, 0 when the STE is ILLEGAL.
 */
int s3e_s2_cfg_valid(const struct s3e_smmu *s, const struct s3e_s2_cfg *c);

/* cd.c */

/**
 * s3e_cd_get() - find and decode a context descriptor
 * @s: instance
 * @sid: StreamID
 * @idx: index of the CD (the SubstreamID, or 0)
 * @ste: the stream's STE, stage 1 enabled
 * @cd: decoded CD
 * @f: on failure, the fault: C_BAD_SUBSTREAMID (invalid level-1
 *	descriptor), F_CD_FETCH, C_BAD_CD, or a stage-2 fault of class CD
 *	on the IPA of a descriptor (nested)
 *
 * Return: 0, or the event type (also in @f->type).
 */
int s3e_cd_get(struct s3e_smmu *s, s3e_u32 sid, s3e_u32 idx,
	       const struct s3e_ste *ste, struct s3e_cd *cd,
	       struct s3e_fault *f);

/**
 * s3e_cd_decode() - validate and decode a raw CD
 * @s: instance (its stall model)
 * @raw: CD_DWORDS doublewords, host values
 * @el2: the stream is in the EL2 regime without E2H (TTB1 unused)
 * @cd: decoded CD
 *
 * Return: 0, or -1 when the CD is invalid or ILLEGAL (C_BAD_CD).
 */
int s3e_cd_decode(const struct s3e_smmu *s, const s3e_u64 *raw, int el2,
		  struct s3e_cd *cd);

/* Translations one CMD_PREFETCH_ADDR caches at most (strict mode) */
#define S3E_PREFETCH_MAX	16

/**
 * s3e_prefetch_cmd() - execute CMD_PREFETCH_CONFIG or CMD_PREFETCH_ADDR
 * @s: instance in strict mode
 * @cmd0: doubleword 0
 * @cmd1: doubleword 1
 *
 * Fills the configuration cache and the TLB (§4.2.1, §4.2.2); nothing is
 * recorded.  SSV = 1 on a stream without substreams has no effect (one of
 * the two behaviours §4.2 allows).
 */
void s3e_prefetch_cmd(struct s3e_smmu *s, s3e_u64 cmd0, s3e_u64 cmd1);

/**
 * s3e_spec_config() - fill the configuration of a stream speculatively
 * @s: instance in strict mode
 * @sid: StreamID
 * @ssid: SubstreamID, or S3E_NO_SSID
 */
void s3e_spec_config(struct s3e_smmu *s, s3e_u32 sid, s3e_u32 ssid);

/* translate.c: the walk cache callbacks of the walker (strict mode) */
int s3e_wc_walk_find(void *ctx, unsigned int stage, unsigned int gshift,
		     unsigned int start, s3e_u64 ia, unsigned int *level,
		     s3e_u64 *desc, s3e_u64 *tbl);
void s3e_wc_walk_fill(void *ctx, unsigned int stage, unsigned int gshift,
		      unsigned int level, unsigned int shift, s3e_u64 ia,
		      s3e_u64 pa, s3e_u64 desc, s3e_u64 tbl);

/**
 * s3e_wc_begin() - let the walks that follow use the walk cache
 * @s: instance in strict mode
 * @tag: translation context of the walks (stage 2 uses its VMID)
 * @sid: StreamID, for checker reports
 * @ssid: SubstreamID
 *
 * Until s->wc_tag is cleared again, which the caller does after its walks.
 */
static inline void s3e_wc_begin(struct s3e_smmu *s,
				const struct s3e_tlb_tag *tag, s3e_u32 sid,
				s3e_u32 ssid)
{
	s->wc_tag = tag;
	s->wc_sid = sid;
	s->wc_ssid = ssid;
}

#endif /* S3E_SMMU_INT_H */
