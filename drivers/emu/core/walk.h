/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * VMSAv8-64 translation table walker of the SMMUv3 emulator core.
 *
 * Stage 1 (configured from a context descriptor), stage 2 (configured from
 * a stream table entry) and nested stage 1 + stage 2 walks over the
 * AArch64 long-descriptor format with 4KB, 16KB and 64KB granules and an
 * output address size of at most 48 bits.  Guest memory is reached only
 * through the callbacks of struct s3e_walk_mem.  Faults are reported in
 * the terms of SMMUv3 event records (EVT_F_*, EVT_CLASS_*).
 *
 * Freestanding: no kernel or libc headers.
 */
#ifndef S3E_WALK_H
#define S3E_WALK_H

#include "s3e-types.h"
#include <smmu3/smmu3-arch.h>

/* Access type of a transaction, for s3e_walk_s1() and s3e_walk_s2() */
#define S3E_ACC_WRITE		0x1	/* data write; otherwise a read */
#define S3E_ACC_EXEC		0x2	/* instruction fetch (a read) */
#define S3E_ACC_PRIV		0x4	/* privileged (PnU = 1) */

/*
 * Effective permissions: an unprivileged triplet in bits [2:0] and the same
 * triplet for privileged accesses in bits [5:3].
 */
#define S3E_PERM_UR		0x01
#define S3E_PERM_UW		0x02
#define S3E_PERM_UX		0x04
#define S3E_PERM_PR		0x08
#define S3E_PERM_PW		0x10
#define S3E_PERM_PX		0x20
#define S3E_PERM_ALL		0x3f

/* Longest mapping the walker produces: a 1GB block (4KB granule, level 1) */
#define S3E_WALK_MAX_SIZE_SHIFT	30

/*
 * Hardware updates racing software: after a failed compare-and-swap the
 * leaf is read again and evaluated; after S3E_WALK_HTTU_REREADS + 1
 * failures the walk restarts, S3E_WALK_HTTU_RETRIES walks at most.
 */
#define S3E_WALK_HTTU_REREADS	3
#define S3E_WALK_HTTU_RETRIES	8

/**
 * struct s3e_walk_mem - access to the memory holding translation tables
 * @read64: read the 64-bit descriptor at physical address @pa (8-byte
 *	aligned) into @val, as one single-copy-atomic little-endian load
 *	converted to a host value.  Returns 0, or a negative value when @pa
 *	is not backed by memory (external abort).
 * @cmpxchg64: atomically replace the descriptor at @pa by @newval if it
 *	still holds @old (host values; memory is little-endian).  Returns 0
 *	when replaced, 1 when the descriptor held another value (nothing is
 *	written), negative on an external abort.  May be NULL, in which case
 *	hardware access flag and dirty state updates are unavailable.
 * @ctx: opaque argument of both callbacks
 */
struct s3e_walk_mem {
	int (*read64)(void *ctx, s3e_u64 pa, s3e_u64 *val);
	int (*cmpxchg64)(void *ctx, s3e_u64 pa, s3e_u64 old, s3e_u64 newval);
	void *ctx;
};

/**
 * struct s3e_walk_stats - hardware updates a walker made
 * @af_updates: descriptors whose access flag it set
 * @dirty_updates: descriptors it made writable-dirty
 */
struct s3e_walk_stats {
	s3e_u64 af_updates;
	s3e_u64 dirty_updates;
};

/* Implementation properties of the emulated SMMU (struct s3e_walker) */
#define S3E_WALKER_STT		0x1	/* SMMU_IDR3.STT: small tables */
#define S3E_WALKER_XNX		0x2	/* SMMU_IDR3.XNX: stage-2 XN[0] */

/**
 * struct s3e_walker - walker instance
 * @mem: memory callbacks
 * @oas: output address size of the SMMU in bits (SMMU_IDR5.OAS decoded);
 *	values above 48 are treated as 48
 * @features: S3E_WALKER_* flags
 * @trace: optional: called with @trace_ctx for each descriptor a walk
 *	reads successfully: translation @stage (1 or 2), @level, the
 *	descriptor's physical address @pa and the value @desc read
 * @trace_ctx: first argument of @trace
 * @wc_find: walk cache (optional, set together with @wc_fill): find the
 *	deepest cached table descriptor of translation @stage (1 or 2) at a
 *	level from @start down that covers input address @ia in a walk with
 *	granule 2^@gshift.  Returns
 *	1 and sets @level (0 to 2), @desc and @tbl (the table descriptors of
 *	the walk down to it, or-ed) on a hit, 0 on a miss.  The walk then
 *	continues below it without reading the levels above.
 * @wc_fill: optional walk cache: a walk read the valid table descriptor
 *	@desc at physical address @pa, at @level, translating the input
 *	range of 2^@shift bytes containing @ia; @tbl as for @wc_find
 * @wc_ctx: first argument of @wc_find and @wc_fill
 * @stats: optional: counters of the hardware updates made
 */
struct s3e_walker {
	struct s3e_walk_mem mem;
	s3e_u8 oas;
	s3e_u8 features;
	void (*trace)(void *ctx, unsigned int stage, unsigned int level,
		      s3e_u64 pa, s3e_u64 desc);
	void *trace_ctx;
	int (*wc_find)(void *ctx, unsigned int stage, unsigned int gshift,
		       unsigned int start, s3e_u64 ia, unsigned int *level,
		       s3e_u64 *desc, s3e_u64 *tbl);
	void (*wc_fill)(void *ctx, unsigned int stage, unsigned int gshift,
			unsigned int level, unsigned int shift, s3e_u64 ia,
			s3e_u64 pa, s3e_u64 desc, s3e_u64 tbl);
	void *wc_ctx;
	struct s3e_walk_stats *stats;
};

/* struct s3e_s1_tt flags */
#define S3E_TT_EPD		0x1	/* CD.EPDx: walks of this range fault */
#define S3E_TT_TBI		0x2	/* CD.TBIx: top byte ignored */
#define S3E_TT_NOATOMIC		0x4	/* hardware updates abort (F_WALK_EABT) */

/**
 * struct s3e_s1_tt - one stage-1 virtual address range (TTB0 or TTB1)
 * @ttb: table base address, CD.TTBx (an IPA when stage 2 is nested)
 * @tsz: CD.TxSZ
 * @tg: translation granule in the CD_TG0_* encoding (CD.TG1 uses another
 *	encoding and must be converted by the caller)
 * @flags: S3E_TT_* flags
 */
struct s3e_s1_tt {
	s3e_u64 ttb;
	s3e_u8 tsz;
	s3e_u8 tg;
	s3e_u8 flags;
};

/* struct s3e_s1_cfg flags */
#define S3E_S1_HA		0x01	/* CD.HA: hardware access flag update */
#define S3E_S1_AFFD		0x02	/* CD.AFFD: AF = 0 does not fault */
#define S3E_S1_WXN		0x04	/* CD.WXN */
#define S3E_S1_PAN		0x08	/* CD.PAN */
#define S3E_S1_EL2		0x10	/* EL2 regime: one range, one privilege */
#define S3E_S1_HD		0x20	/* CD.HD: hardware dirty state, with HA */
#define S3E_S1_NOATOMIC		0x40	/* internal: S3E_TT_NOATOMIC of the range */

/**
 * struct s3e_s1_cfg - stage-1 configuration of one context descriptor
 * @tt: TTB0 range (@tt[0], VA[55] == 0) and TTB1 range (@tt[1])
 * @ips: CD.IPS in the PS_* encoding; clamped to the SMMU OAS
 * @flags: S3E_S1_* flags
 *
 * Only the AArch64 table format is implemented: a CD with AA64 == 0 must
 * be rejected by the caller.  With S3E_S1_EL2 (StreamWorld EL2 without
 * E2H) only @tt[0] is used, AP[1], PXN and nG are ignored and the single
 * set of permissions applies to privileged and unprivileged accesses.
 */
struct s3e_s1_cfg {
	struct s3e_s1_tt tt[2];
	s3e_u8 ips;
	s3e_u8 flags;
};

/* struct s3e_s2_cfg flags */
#define S3E_S2_HA		0x01	/* STE.S2HA */
#define S3E_S2_AFFD		0x02	/* STE.S2AFFD */
#define S3E_S2_PTW		0x04	/* STE.S2PTW: no stage-1 walks to Device */
#define S3E_S2_HD		0x08	/* STE.S2HD: hardware dirty state, with HA */
#define S3E_S2_NOATOMIC		0x10	/* hardware updates abort (F_WALK_EABT) */

/**
 * struct s3e_s2_cfg - stage-2 configuration of one stream table entry
 * @ttb: STE.S2TTB
 * @t0sz: STE.S2T0SZ
 * @sl0: STE.S2SL0
 * @tg: STE.S2TG (S2TG_* encoding)
 * @ps: STE.S2PS in the PS_* encoding; clamped to the SMMU OAS
 * @flags: S3E_S2_* flags
 */
struct s3e_s2_cfg {
	s3e_u64 ttb;
	s3e_u8 t0sz;
	s3e_u8 sl0;
	s3e_u8 tg;
	s3e_u8 ps;
	s3e_u8 flags;
};

/**
 * struct s3e_walk_result - outcome of a walk
 * @oa: output (physical) address of the access
 * @ipa: intermediate physical address (stage-1 output, or stage-2 input);
 *	for a stage-2 fault, the IPA that faulted (EVT_3_IPA)
 * @addr: input address of the transaction (EVT_2_ADDR)
 * @fetch_addr: on EVT_F_WALK_EABT, physical address of the descriptor
 *	whose access aborted (EVT_3_FETCH_ADDR)
 * @s1_desc: stage-1 leaf descriptor, as in memory after the walk: as read,
 *	or as the walk's access flag or dirty state update wrote it
 * @s2_desc: stage-2 leaf descriptor of the final output, likewise
 * @s1_desc_pa: physical address of @s1_desc
 * @s2_desc_pa: physical address of @s2_desc
 * @perm: effective S3E_PERM_* of the mapping, both stages combined
 * @s1_perm: stage-1 permissions (all set when stage 1 is not used)
 * @s2_perm: stage-2 permissions (all set when stage 2 is not used)
 * @size_shift: log2 of the size of the naturally aligned region that the
 *	walk result describes (the smaller of the stage-1 and stage-2 block
 *	or page sizes), for caching in a TLB
 * @level: stage-1 leaf level, or on a fault the level of the faulting stage
 * @s2_level: stage-2 leaf level of the output translation
 * @ng: the stage-1 leaf descriptor has nG set
 * @fault: 0, or the EVT_F_* fault type
 * @stage: stage that faulted, 1 or 2 (EVT_1_S2 is stage == 2)
 * @fclass: EVT_CLASS_TTD when a stage-2 fault or abort happened while
 *	translating or accessing a stage-1 descriptor, EVT_CLASS_IN otherwise
 * @tt_write: the stage-2 fault was on a stage-1 descriptor update (a
 *	write), so EVT_1_TT_READ is 0
 */
struct s3e_walk_result {
	s3e_u64 oa;
	s3e_u64 ipa;
	s3e_u64 addr;
	s3e_u64 fetch_addr;
	s3e_u64 s1_desc;
	s3e_u64 s2_desc;
	s3e_u64 s1_desc_pa;
	s3e_u64 s2_desc_pa;
	s3e_u8 perm;
	s3e_u8 s1_perm;
	s3e_u8 s2_perm;
	s3e_u8 size_shift;
	s3e_u8 level;
	s3e_u8 s2_level;
	s3e_u8 ng;
	s3e_u8 fault;
	s3e_u8 stage;
	s3e_u8 fclass;
	s3e_u8 tt_write;
};

/**
 * s3e_walk_s1() - translate a virtual address through stage 1
 * @w: walker
 * @s1: stage-1 configuration
 * @s2: stage-2 configuration for a nested walk, or NULL for stage 1 only.
 *	When present, the table base, every descriptor address and the final
 *	output are IPAs translated through stage 2.
 * @va: input address of the transaction
 * @access: S3E_ACC_* flags
 * @res: result, filled in both on success and on fault
 *
 * Context: any; the walker neither sleeps nor allocates.
 * Return: 0 on success, otherwise the EVT_F_* fault type (also in
 * @res->fault).
 */
int s3e_walk_s1(const struct s3e_walker *w, const struct s3e_s1_cfg *s1,
		const struct s3e_s2_cfg *s2, s3e_u64 va, unsigned int access,
		struct s3e_walk_result *res);

/**
 * s3e_walk_s2() - translate an intermediate physical address through stage 2
 * @w: walker
 * @s2: stage-2 configuration
 * @ipa: input address of the transaction
 * @access: S3E_ACC_* flags
 * @res: result, filled in both on success and on fault
 *
 * Context: any; the walker neither sleeps nor allocates.
 * Return: 0 on success, otherwise the EVT_F_* fault type (also in
 * @res->fault).
 */
int s3e_walk_s2(const struct s3e_walker *w, const struct s3e_s2_cfg *s2,
		s3e_u64 ipa, unsigned int access, struct s3e_walk_result *res);

/**
 * s3e_perm_needed() - permission bit an access requires
 * @access: S3E_ACC_* flags
 *
 * Return: the S3E_PERM_* bit that must be set for @access.
 */
static inline unsigned int s3e_perm_needed(unsigned int access)
{
	unsigned int p;

	if (access & S3E_ACC_EXEC)
		p = S3E_PERM_UX;
	else if (access & S3E_ACC_WRITE)
		p = S3E_PERM_UW;
	else
		p = S3E_PERM_UR;
	return access & S3E_ACC_PRIV ? p << 3 : p;
}

/**
 * s3e_perm_denied() - check an access against per-stage permissions
 * @s1_perm: S3E_PERM_* granted by stage 1
 * @s2_perm: S3E_PERM_* granted by stage 2
 * @access: S3E_ACC_* flags of the access
 *
 * Stage-1 permission faults take priority over stage-2 ones, as in a walk.
 *
 * Return: 0 when @access is permitted, otherwise the faulting stage.
 */
static inline int s3e_perm_denied(unsigned int s1_perm, unsigned int s2_perm,
				  unsigned int access)
{
	unsigned int need = s3e_perm_needed(access);

	if (!(s1_perm & need))
		return 1;
	if (!(s2_perm & need))
		return 2;
	return 0;
}

/**
 * s3e_walk_perm_denied() - re-check a cached walk result for another access
 * @res: result of a successful walk
 * @access: S3E_ACC_* flags of the new access
 *
 * Stage-1 permission faults take priority over stage-2 ones, as in a walk.
 *
 * Return: 0 when @access is permitted, otherwise the stage (1 or 2) whose
 * permission fault it raises.
 */
static inline int s3e_walk_perm_denied(const struct s3e_walk_result *res,
				       unsigned int access)
{
	return s3e_perm_denied(res->s1_perm, res->s2_perm, access);
}

#endif /* S3E_WALK_H */
