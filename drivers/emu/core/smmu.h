/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The emulated SMMUv3 device: register file, queues, stream table, context
 * descriptors and the translation entry point, on top of the walker, the
 * TLB and the configuration cache.
 *
 * This is the interface between the freestanding core and whatever hosts
 * it (the kernel glue in drivers/emu/smmu3_emu_*.c, the native tests, the
 * benchmark and the fuzz target).  The host supplies memory access,
 * allocation and interrupt delivery through struct s3e_host; the core
 * takes no locks: the host serialises every call on one instance.
 *
 * Freestanding: no kernel or libc headers.
 */
#ifndef S3E_SMMU_H
#define S3E_SMMU_H

#include "s3e-types.h"
#include "walk.h"
#include "tlb.h"
#include "cfgcache.h"
#include "trace.h"

/*
 * The checker (strict mode): driver protocol violations it reports, by
 * class.  It observes and reports; it never changes what the model does.
 */
#define S3E_CHK_LIVE_TORN	1	/* non-hitless live STE/CD rewrite */
#define S3E_CHK_CFG_STALE	2	/* changed STE/CD used without CFGI */
#define S3E_CHK_TLB_STALE	3	/* changed leaf used without TLBI */
#define S3E_CHK_WALK_FREED	4	/* cached table freed/rewritten */
#define S3E_CHK_QUEUE		5	/* queue protocol error */
#define S3E_CHK_NR_CLASSES	6	/* index 0 unused */
#define S3E_CHK_LAST		16	/* reports kept in full */

/* struct s3e_chk_report.detail of class 5 (S3E_CHK_QUEUE) */
#define S3E_CHK_Q_CMDQ_PROD	1	/* CMDQ_PROD more than size ahead */
#define S3E_CHK_Q_CMDQ_BASE	2	/* CMDQ_BASE written, CMDQEN = 1 */
#define S3E_CHK_Q_CMDQ_CONS	3	/* CMDQ_CONS written, CMDQEN = 1 */
#define S3E_CHK_Q_EVTQ_BASE	4	/* EVENTQ_BASE written, EVENTQEN = 1 */
#define S3E_CHK_Q_EVTQ_PROD	5	/* EVENTQ_PROD written, EVENTQEN = 1 */
#define S3E_CHK_Q_EVTQ_CONS	6	/* EVENTQ_CONS moved past PROD */

/* struct s3e_chk_report.detail of class 2 (S3E_CHK_CFG_STALE) */
#define S3E_CHK_C_STRUCT	0	/* a cached STE or CD */
#define S3E_CHK_C_L1		1	/* a cached L1STD or L1CD (Leaf=0) */

/* struct s3e_chk_report.detail of class 3 (S3E_CHK_TLB_STALE) */
#define S3E_CHK_T_LEAF		0	/* a cached leaf descriptor */
#define S3E_CHK_T_TABLE		1	/* a cached table descriptor (Leaf=0) */

/* struct s3e_chk_report.detail of class 4 (S3E_CHK_WALK_FREED) */
#define S3E_CHK_W_FREED		1	/* the table's page was freed */
#define S3E_CHK_W_REWRITTEN	2	/* the table was rewritten */

/**
 * struct s3e_chk_report - one checker report
 * @seq: report number of the instance, from 1
 * @addr: physical address of the STE, CD or leaf or table descriptor that
 *	changed (class 4: of the table that a cached table descriptor
 *	still points to; class 5: the queue's base address)
 * @iova: classes 3, 4: input address of the stale entry (aligned to the
 *	range it translates)
 * @value: class 5: the register value written; class 1: the mask of the
 *	doublewords that changed in used bits; class 4: the physical address
 *	of the cached table descriptor
 * @sid: StreamID
 * @ssid: SubstreamID, or S3E_NO_SSID (an STE, or no substream)
 * @asid: ASID (of the CD, or of the TLB entry), 0 when none
 * @vmid: VMID (of the STE, or of the TLB entry), 0 when none
 * @cls: S3E_CHK_* class
 * @missing: opcode (CMD_OP_*) of the command that was missing before the
 *	CMD_SYNC: CFGI_STE, CFGI_CD, TLBI_NH_VA, TLBI_EL2_VA, TLBI_S2_IPA
 *	(class 1: the CFGI_* + CMD_SYNC that should separate the steps)
 * @stage: classes 3, 4: stage of the descriptor (1 or 2)
 * @detail: class 2: S3E_CHK_C_*; class 3: S3E_CHK_T_*; class 4: S3E_CHK_W_*; class 5:
 *	S3E_CHK_Q_*
 */
struct s3e_chk_report {
	s3e_u64 seq;
	s3e_u64 addr;
	s3e_u64 iova;
	s3e_u64 value;
	s3e_u32 sid;
	s3e_u32 ssid;
	s3e_u16 asid;
	s3e_u16 vmid;
	s3e_u8 cls;
	s3e_u8 missing;
	s3e_u8 stage;
	s3e_u8 detail;
};

/**
 * struct s3e_chk_state - checker counters and last reports
 * @count: reports by class (S3E_CHK_*)
 * @total: all reports; the newest is last[(total - 1) % S3E_CHK_LAST]
 * @checks: CMD_SYNCs at which the caches were compared with memory
 * @last: the last S3E_CHK_LAST reports, a ring
 */
struct s3e_chk_state {
	s3e_u64 count[S3E_CHK_NR_CLASSES];
	s3e_u64 total;
	s3e_u64 checks;
	struct s3e_chk_report last[S3E_CHK_LAST];
};

/* Interrupt lines of an instance, the argument of s3e_host.irq */
#define S3E_IRQ_EVTQ		0
#define S3E_IRQ_PRIQ		1
#define S3E_IRQ_CMDQ_SYNC	2
#define S3E_IRQ_GERROR		3
#define S3E_IRQ_NR		4

/**
 * struct s3e_host - services the host gives the core
 * @read: copy @len bytes of guest memory at physical address @pa into @buf.
 *	Returns 0, or a negative value when any byte of the range is not
 *	RAM (the core turns that into an abort or a fetch event).  Memory
 *	is little-endian as the SMMU sees it; the core converts.
 * @write: copy @len bytes from @buf to guest memory at @pa; same return.
 *	MSIs are writes too (4 bytes, the payload little-endian): a host may
 *	deliver one to a device register, such as an interrupt controller's
 *	doorbell, as an interconnect would; a refusal is an MSI abort.
 * @cmpxchg64: as s3e_walk_mem.cmpxchg64 (hardware access flag updates);
 *	may be NULL
 * @irq: pulse interrupt line @line (S3E_IRQ_*), an edge.  Called from
 *	inside register writes and translations, with the host's lock
 *	held: the host must deliver the interrupt asynchronously.
 * @alloc: allocate @size bytes, 8-byte aligned and zeroed, or NULL
 * @free: release what @alloc returned (NULL is allowed)
 * @ctx: first argument of every callback
 * @read64: optional: read the 64-bit doubleword at @pa (8-byte aligned)
 *	as one single-copy-atomic little-endian load, converted to a host
 *	value, into @val; returns 0, or a negative value when @pa is not RAM.
 *	Used for translation table descriptors, which the driver may update
 *	while the SMMU walks them (and it is the walker's fast path).  When
 *	NULL, @read of 8 bytes is used instead.
 * @sev: optional: send a WFE wake-up event to the PEs (SMMU_IDR0.SEV), as
 *	CMD_SYNC with CS = SIG_SEV completes and as the command queue
 *	becomes non-full (§4.1.2, §4.7.3).  Called with the host's lock
 *	held; may be NULL (the event then reaches no PE).
 * @trace: optional: receive a trace record (struct s3e_trace) for each
 *	translation, walk, descriptor read, event, command, configuration
 *	fetch and global error; called with the host's lock held, only while
 *	set, so that the default cost is one predictable branch per site.
 *	s3e_smmu_set_trace() changes it on a live instance.
 * @report: optional: receive each checker report (strict mode) as it is
 *	made, with the host's lock held (for a rate-limited message).
 * @stall_wake: optional: a stalled transaction was resumed or terminated
 *	(CMD_RESUME, CMD_STALL_TERM, SMMUEN = 0, reset); clients waiting in
 *	s3e_smmu_stall_poll() loops should poll again.  Called with the
 *	host's lock held.
 * @page_free: optional (strict mode): whether the page of RAM holding
 *	@pa is known to be free, given back to the host's allocator.  The
 *	checker uses it to see a translation table freed while the walk
 *	cache still points to it (class 4).  May be NULL (unknown).
 */
struct s3e_host {
	int (*read)(void *ctx, s3e_u64 pa, void *buf, unsigned long len);
	int (*write)(void *ctx, s3e_u64 pa, const void *buf, unsigned long len);
	int (*cmpxchg64)(void *ctx, s3e_u64 pa, s3e_u64 old, s3e_u64 newval);
	void (*irq)(void *ctx, unsigned int line);
	void *(*alloc)(void *ctx, unsigned long size);
	void (*free)(void *ctx, void *p);
	void *ctx;
	int (*read64)(void *ctx, s3e_u64 pa, s3e_u64 *val);
	void (*sev)(void *ctx);
	void (*trace)(void *ctx, const struct s3e_trace *t);
	void (*report)(void *ctx, const struct s3e_chk_report *r);
	int (*page_free)(void *ctx, s3e_u64 pa);
	void (*stall_wake)(void *ctx);
};

/* struct s3e_smmu_config stages */
#define S3E_STAGE1		0x1
#define S3E_STAGE2		0x2

/* Defaults of struct s3e_smmu_config (s3e_smmu_config_default()) */
#define S3E_DEFAULT_SID_BITS	16
#define S3E_DEFAULT_SSID_BITS	8
#define S3E_DEFAULT_CFGC_ENTRIES 256
#define S3E_DEFAULT_QUEUE_LOG2	10	/* cmdq and evtq, IDR1.CMDQS/EVENTQS */

/**
 * struct s3e_smmu_config - implementation choices of one instance
 * @sid_bits: SMMU_IDR1.SIDSIZE, 0 to 32
 * @ssid_bits: SMMU_IDR1.SSIDSIZE, 0 to 20
 * @tlb_entries: TLB capacity
 * @cfgc_entries: configuration cache capacity
 * @stages: S3E_STAGE1 and/or S3E_STAGE2 (at least one)
 * @cmdq_log2: SMMU_IDR1.CMDQS, 0 to 19
 * @evtq_log2: SMMU_IDR1.EVENTQS, 0 to 19
 * @cmdq_budget: commands consumed per register write (or per
 *	s3e_smmu_cmdq_run() call) at most; 0 (the default) for no limit, the
 *	whole queue at once.  A host that must bound the time spent in one
 *	call (the kernel glue, under a spinlock with interrupts off) sets a
 *	budget and consumes the rest with s3e_smmu_cmdq_run() later, as real
 *	hardware consumes its queue in the background.
 * @strict: strict mode (0 by default): the model does the most hostile
 *	thing the architecture allows where that exposes a driver bug.
 *	Invalidation completes late: a CFGI_* or TLBI_* takes effect only
 *	when the next CMD_SYNC completes (§3.21.1, §3.21.3, §4.7.3); until
 *	then the stale entries stay usable.  Strict mode also runs the
 *	checker (s3e_smmu_checker()).
 * @stall_slots: 0 (the default): no stall model, SMMU_IDR0.STALL_MODEL =
 *	0b01.  Otherwise the stall model is implemented (STALL_MODEL = 0b00,
 *	stall and terminate) and up to this many transactions, at most
 *	S3E_STALL_MAX, can be stalled at once (SMMU_IDR5.STALL_MAX).
 * @stall_forced: with @stall_slots, stalls are forced (STALL_MODEL =
 *	0b10): every context must stall its faults (CD.S = 1, STE.S2S = 1,
 *	STE.S1STALLD = 0; §5.2, §5.4), the other values are ILLEGAL.
 * @httu: hardware translation table updates, SMMU_IDR0.HTTU (§3.13,
 *	§6.3.1): S3E_HTTU_NONE, S3E_HTTU_AF (the default: access flag) or
 *	S3E_HTTU_AF_DIRTY (access flag and dirty state).  CD.HA/HD and
 *	STE.S2HA/S2HD beyond it are ILLEGAL (§5.2, §5.4).  Updates need
 *	s3e_host.cmpxchg64; without it none is made.
 */
struct s3e_smmu_config {
	unsigned int sid_bits;
	unsigned int ssid_bits;
	unsigned int tlb_entries;
	unsigned int cfgc_entries;
	unsigned int stages;
	unsigned int cmdq_log2;
	unsigned int evtq_log2;
	unsigned int cmdq_budget;
	unsigned int strict;
	unsigned int stall_slots;
	unsigned int stall_forced;
	unsigned int httu;
};

/* struct s3e_smmu_config httu: the SMMU_IDR0.HTTU encoding */
#define S3E_HTTU_NONE		0	/* no flag updates */
#define S3E_HTTU_AF		1	/* access flag */
#define S3E_HTTU_AF_DIRTY	2	/* access flag and dirty state */

/* Largest s3e_smmu_config.stall_slots */
#define S3E_STALL_MAX		64

/* Substream ID meaning "the transaction carries none" */
#define S3E_NO_SSID		0xffffffffU

/**
 * struct s3e_txn - one transaction of a client device
 * @sid: StreamID
 * @ssid: SubstreamID, or S3E_NO_SSID
 * @iova: input address
 * @access: S3E_ACC_* flags (write, instruction, privileged)
 */
struct s3e_txn {
	s3e_u32 sid;
	s3e_u32 ssid;
	s3e_u64 iova;
	unsigned int access;
};

/*
 * Outcome of s3e_smmu_translate() (struct s3e_txn_result.status).
 * S3E_TXN_ABORT is an abort without an event: GBPA.ABORT, STE.Config
 * abort, or a DMA page that is not RAM.  STE.S1DSS terminate is
 * S3E_TXN_FAULT with EVT_F_STREAM_DISABLED.
 */
#define S3E_TXN_OK		0	/* translated or bypassed: use @pa */
#define S3E_TXN_FAULT		1	/* terminated; @event is the reason */
#define S3E_TXN_ABORT		2	/* aborted without an event */
#define S3E_TXN_STALL		3	/* stalled: wait, see s3e_smmu_stall_poll() */

/**
 * struct s3e_txn_result - result of translating one transaction
 * @status: S3E_TXN_*
 * @pa: output address of the transaction's first byte (S3E_TXN_OK)
 * @len: bytes from @pa that the same translation covers, at least 1, up
 *	to the end of the mapping (S3E_TXN_OK)
 * @event: event type (EVT_F_* / EVT_C_*) when @status is S3E_TXN_FAULT,
 *	whether or not a record could be written to the event queue
 * @recorded: 1 when the event was written to the event queue
 * @stag: S3E_TXN_STALL: the stall tag of the transaction (its event
 *	record's STAG), for s3e_smmu_stall_poll()
 */
struct s3e_txn_result {
	int status;
	s3e_u64 pa;
	s3e_u64 len;
	s3e_u32 event;
	int recorded;
	s3e_u32 stag;
};

/* Outcome of a stalled transaction, s3e_smmu_stall_poll() */
#define S3E_STALL_PENDING	0	/* still stalled */
#define S3E_STALL_RETRY		1	/* CMD_RESUME retry: translate again */
#define S3E_STALL_ABORT		2	/* terminated: abort to the client */
#define S3E_STALL_GONE		3	/* no such stall (or abandoned) */

/* Size of the per-opcode and per-event-type counters */
#define S3E_NR_OPCODES		0x80
#define S3E_NR_EVENT_TYPES	0x40

/**
 * struct s3e_smmu_stats - counters of one instance
 * @translations: s3e_smmu_translate() calls
 * @bypassed: transactions that bypassed (SMMUEN=0 or STE bypass)
 * @aborted: transactions aborted without an event
 * @walks: table walks started (TLB misses that reached the walker)
 * @faults: terminated transactions by event type
 * @events: event records written to the event queue
 * @events_dropped: events not written (EVENTQEN=0, queue full, SMMUEN=0)
 * @cmds: commands consumed, by opcode
 * @cmd_errors: commands that stopped the queue with a CERROR
 * @syncs: CMD_SYNCs completed
 * @syncs_queued_max: most CMD_SYNCs published and not yet consumed at
 *	once (several: software waits for them in parallel)
 * @irqs: interrupts raised, by line
 * @msis: MSI writes performed
 * @msi_aborts: MSI writes the host refused (GERROR.MSI_*_ABT_ERR)
 * @sevs: WFE wake-up events sent (s3e_host.sev calls, or would-be calls)
 * @ctx_hits: translations that missed @utlb_hits but found their decoded
 *	(StreamID, SubstreamID) context cached (SMMUEN=1 only)
 * @ctx_misses: translations that had to decode the STE (and CD) from the
 *	configuration cache or memory
 * @utlb_hits: translations answered by the decoded context's
 *	last-translation entry, without a TLB lookup (not counted in the
 *	TLB's own hits, nor in @ctx_hits)
 * @tlb_answered: translations answered by a TLB entry (a lookup hit that
 *	the access was permitted); @utlb_hits + @tlb_answered + @walks, plus
 *	those that ended before any lookup (bypass, abort, configuration
 *	fault), is @translations
 * @wc_hits: strict mode: walks that started below a cached table
 *	descriptor (walk cache)
 * @wc_fills: strict mode: table descriptors the walk cache took
 * @prefetched: strict mode: structures and translations cached by
 *	CMD_PREFETCH_* and by speculative fills
 * @stalls: transactions stalled (a stall event record written)
 * @stall_retries: stalled transactions resumed with retry
 * @stall_aborts: stalled transactions terminated (CMD_RESUME, CMD_STALL_TERM,
 *	SMMUEN = 0)
 * @stall_full: faults of a stalling stage that found every stall slot in
 *	use, terminated with an event record with Stall = 0 (§3.12.2)
 * @stall_abandoned: stalled transactions whose client stopped waiting
 * @httu: hardware translation table updates (§3.13) of translations, CD
 *	fetches and prefetches, both stages: descriptors whose access flag
 *	was set (@httu.af_updates) and descriptors made writable-dirty, AP[2]
 *	cleared or S2AP[1] set (@httu.dirty_updates; one that also needed
 *	its access flag is counted in both)
 */
struct s3e_smmu_stats {
	s3e_u64 translations;
	s3e_u64 bypassed;
	s3e_u64 aborted;
	s3e_u64 walks;
	s3e_u64 faults[S3E_NR_EVENT_TYPES];
	s3e_u64 events;
	s3e_u64 events_dropped;
	s3e_u64 cmds[S3E_NR_OPCODES];
	s3e_u64 cmd_errors;
	s3e_u64 syncs;
	s3e_u64 syncs_queued_max;
	s3e_u64 irqs[S3E_IRQ_NR];
	s3e_u64 msis;
	s3e_u64 msi_aborts;
	s3e_u64 sevs;
	s3e_u64 ctx_hits;
	s3e_u64 ctx_misses;
	s3e_u64 utlb_hits;
	s3e_u64 tlb_answered;
	s3e_u64 wc_hits;
	s3e_u64 wc_fills;
	s3e_u64 prefetched;
	s3e_u64 stalls;
	s3e_u64 stall_retries;
	s3e_u64 stall_aborts;
	s3e_u64 stall_full;
	s3e_u64 stall_abandoned;
	struct s3e_walk_stats httu;
};

struct s3e_smmu;

/**
 * s3e_smmu_config_default() - fill a configuration with the defaults
 * @cfg: configuration to fill
 */
void s3e_smmu_config_default(struct s3e_smmu_config *cfg);

/**
 * s3e_smmu_create() - allocate and reset an instance
 * @cfg: implementation choices; checked, copied
 * @host: host services; copied
 *
 * Return: the instance in its reset state, or NULL when @cfg is invalid or
 * an allocation failed.
 */
struct s3e_smmu *s3e_smmu_create(const struct s3e_smmu_config *cfg,
				 const struct s3e_host *host);

/**
 * s3e_smmu_destroy() - free an instance (NULL is allowed)
 * @s: instance
 */
void s3e_smmu_destroy(struct s3e_smmu *s);

/**
 * s3e_smmu_reset() - return every register and cache to its reset state
 * @s: instance
 */
void s3e_smmu_reset(struct s3e_smmu *s);

/**
 * s3e_smmu_read32() - 32-bit register read
 * @s: instance
 * @offset: byte offset in the 128KB register space (page 0 and page 1),
 *	4-byte aligned.  The upper half of a 64-bit register is at +4.
 *
 * Return: the register value; reserved and unimplemented offsets read 0.
 */
s3e_u32 s3e_smmu_read32(struct s3e_smmu *s, s3e_u32 offset);

/**
 * s3e_smmu_write32() - 32-bit register write
 * @s: instance
 * @offset: as for s3e_smmu_read32()
 * @val: value
 *
 * Side effects happen here, synchronously: a CMDQ_PROD write consumes
 * commands, a CR0 write enables or disables, and so on.  Writes to
 * read-only, reserved or unimplemented offsets are ignored.
 */
void s3e_smmu_write32(struct s3e_smmu *s, s3e_u32 offset, s3e_u32 val);

/** s3e_smmu_read64() - 64-bit register read, the two halves at once */
s3e_u64 s3e_smmu_read64(struct s3e_smmu *s, s3e_u32 offset);

/** s3e_smmu_write64() - 64-bit register write, low half first */
void s3e_smmu_write64(struct s3e_smmu *s, s3e_u32 offset, s3e_u64 val);

/**
 * s3e_smmu_cmdq_run() - consume commands left over by the budget
 * @s: instance
 *
 * Consumes up to @cmdq_budget more commands of the command queue (all of
 * them without a budget), as a CMDQ_PROD write does.
 *
 * Return: 1 when the queue still holds commands the SMMU would consume
 * (CMDQEN set, no command error active, CONS != PROD), else 0.
 */
int s3e_smmu_cmdq_run(struct s3e_smmu *s);

/**
 * s3e_smmu_cmdq_pending() - whether commands wait for s3e_smmu_cmdq_run()
 * @s: instance
 *
 * Return: as s3e_smmu_cmdq_run(), without consuming anything.
 */
int s3e_smmu_cmdq_pending(const struct s3e_smmu *s);

/**
 * s3e_smmu_translate() - translate one transaction
 * @s: instance
 * @t: the transaction
 * @r: result
 *
 * Follows the architecture: SMMUEN=0 -> GBPA; StreamID range and stream
 * table; STE; substream and CD; TLB, then a walk.  A fault records its
 * event (when the event queue can take it) and raises the event queue
 * interrupt.
 *
 * Return: @r->status.
 */
int s3e_smmu_translate(struct s3e_smmu *s, const struct s3e_txn *t,
		       struct s3e_txn_result *r);

/**
 * s3e_smmu_dma() - perform a whole DMA transfer through the translation
 * @s: instance
 * @t: the transaction (its @iova is the first byte)
 * @buf: data to write to memory (S3E_ACC_WRITE), or buffer to read into
 * @len: bytes
 * @r: result of the last translation: on failure, the one that failed
 *
 * Translates page by page and moves the data with the host's read/write.
 * A page that is not RAM after translation ends the transfer as an
 * external abort without an event (status S3E_TXN_ABORT).
 *
 * Return: the number of bytes moved before the first failure (@len on
 * success).
 */
unsigned long s3e_smmu_dma(struct s3e_smmu *s, const struct s3e_txn *t,
			   void *buf, unsigned long len,
			   struct s3e_txn_result *r);

/**
 * s3e_smmu_stats() - counters of an instance
 * @s: instance
 *
 * Return: the instance's counters, live.
 */
const struct s3e_smmu_stats *s3e_smmu_stats(const struct s3e_smmu *s);

/** s3e_smmu_tlb_stats() - the TLB's own counters (hits, misses, ...) */
const struct s3e_tlb_stats *s3e_smmu_tlb_stats(const struct s3e_smmu *s);

/** s3e_smmu_cfgc_stats() - the configuration cache's own counters */
const struct s3e_cfgc_stats *s3e_smmu_cfgc_stats(const struct s3e_smmu *s);

/**
 * s3e_smmu_ste_read() - the STE of a StreamID, as the SMMU would fetch it
 * @s: instance
 * @sid: StreamID
 * @ste: 8 doublewords, host byte order
 *
 * Walks the stream table through the instance's own STRTAB_BASE and
 * STRTAB_BASE_CFG (linear or 2-level, §3.3) and reads the entry from
 * memory.  No cache is consulted or filled, no event is recorded and no
 * counter moves: a view for debugging and tests, independent of what the
 * driver believes it wrote.
 *
 * Return: 0; -1 when @sid is out of range of the table (or its level-1
 * descriptor is invalid); -2 when a table read failed (not RAM).
 */
int s3e_smmu_ste_read(struct s3e_smmu *s, s3e_u32 sid, s3e_u64 *ste);

/**
 * s3e_smmu_mem_size() - memory an instance holds
 * @s: instance
 *
 * Return: the bytes s3e_smmu_create() allocated for @s through
 * s3e_host.alloc: the instance, TLB, configuration cache and
 * decoded-context cache.
 */
unsigned long s3e_smmu_mem_size(const struct s3e_smmu *s);

/**
 * s3e_smmu_checker() - the checker's counters and last reports
 * @s: instance
 *
 * Return: the live state, or NULL when the instance is not in strict mode
 * (it has no checker).
 */
const struct s3e_chk_state *s3e_smmu_checker(const struct s3e_smmu *s);

/**
 * s3e_smmu_checker_report() - one of the last reports
 * @s: instance
 * @i: 0 for the newest, 1 for the one before, ...
 *
 * Return: the report, or NULL when there is no such report kept.
 */
const struct s3e_chk_report *s3e_smmu_checker_report(const struct s3e_smmu *s,
						     unsigned int i);

/**
 * s3e_smmu_checker_clear() - zero the checker's counters and reports
 * @s: instance
 *
 * What the checker tracks of the caches is kept.
 */
void s3e_smmu_checker_clear(struct s3e_smmu *s);

/**
 * s3e_smmu_stall_poll() - what became of a stalled transaction
 * @s: instance
 * @sid: StreamID of the transaction
 * @stag: struct s3e_txn_result.stag of its S3E_TXN_STALL
 *
 * A client whose transaction stalled calls this (with the host's lock
 * held, without waiting under it) until the answer is not
 * S3E_STALL_PENDING.  S3E_STALL_RETRY: the transaction is to be
 * translated again (CMD_RESUME with retry, §4.7.1); S3E_STALL_ABORT: it is
 * terminated with an abort.  Either releases the stall.
 *
 * Return: S3E_STALL_*.
 */
int s3e_smmu_stall_poll(struct s3e_smmu *s, s3e_u32 sid, s3e_u32 stag);

/**
 * s3e_smmu_stall_abandon() - the client stops waiting for a stall
 * @s: instance
 * @sid: StreamID
 * @stag: the stall tag
 *
 * The SMMU keeps the stall (and its STAG) until software resumes or
 * terminates it, as it must (§3.12.2); its outcome then goes nowhere.
 */
void s3e_smmu_stall_abandon(struct s3e_smmu *s, s3e_u32 sid, s3e_u32 stag);

#endif /* S3E_SMMU_H */
