/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Walk cache of the SMMUv3 emulator core (strict mode).
 *
 * Caches the table (non-leaf) descriptors that walks read, as hardware may
 * (§3.21.1: "If intermediate translation table data is cached in the SMMU
 * (a walk cache) this is invalidated during appropriate TLB maintenance
 * operations in the same way as it would be on a PE").  A later walk of an
 * input address that a cached descriptor covers starts below it, without
 * reading the levels above, so a driver that changes or frees a table and
 * invalidates only leaf entries (Leaf = 1) keeps walking the old table.
 *
 * Entries are tagged like TLB entries (struct s3e_tlb_tag): stage-1
 * entries by regime, VMID, ASID and kind (S1, or S12 whose tables are
 * addressed by IPA), stage-2 entries by VMID alone; the TTB is not part of
 * the tag, as on hardware.  Each covers the naturally aligned input range
 * that its descriptor translates (the block size of its level).
 *
 * Invalidation (§4.4, with the rules of the PE's TLBI): TLBI_NH_ALL,
 * TLBI_NH_ASID, TLBI_EL2_ALL, TLBI_EL2_ASID, TLBI_S12_VMALL,
 * TLBI_NSNH_ALL remove the entries of their scope; the commands by address
 * (TLBI_NH_VA, TLBI_NH_VAA, TLBI_EL2_VA, TLBI_EL2_VAA, TLBI_S2_IPA) remove
 * the entries whose range overlaps the command's only when Leaf = 0
 * (§4.4.1: Leaf = 1 "only leaf entries are required to be invalidated"),
 * and TLBI_S2_IPA only stage-2 entries.  Reset and SMMUEN = 0 remove all.
 *
 * Replacement: S3E_WC_NR entries, round robin.  Lookups are linear: the
 * cache exists only in strict mode, where speed is not the goal.
 *
 * Freestanding: no kernel or libc headers.
 */
#ifndef S3E_WALKCACHE_H
#define S3E_WALKCACHE_H

#include "s3e-types.h"
#include "tlb.h"

/* Number of entries */
#define S3E_WC_NR		64

/**
 * struct s3e_wc_entry - one cached table descriptor
 * @ia: first input address of the range the descriptor translates
 * @desc: the table descriptor, as read
 * @desc_pa: its physical address
 * @tbl: the table descriptors of the walk down to this one, or-ed
 *	(the hierarchical APTable/XNTable/PXNTable bits)
 * @sum: checker: checksum of the next-level table when the entry went
 *	stale (class 4)
 * @sid: StreamID of the walk that filled it (for reports)
 * @ssid: its SubstreamID
 * @vmid: tag: VMID (0 in the EL2 regimes)
 * @asid: tag: ASID (stage 1; 0 in the EL2 regime)
 * @regime: tag: enum s3e_tlb_regime
 * @kind: tag: S3E_TLB_S1 or S3E_TLB_S12 (stage 1), S3E_TLB_S2 (stage 2)
 * @stage: 1 or 2
 * @level: level of the descriptor, 0 to 2
 * @gshift: log2 of the granule of the walk
 * @shift: log2 of the range size
 * @valid: the entry is in use
 * @state: checker: S3E_CHK_* (checker.h), class 3
 * @c4: checker: class 4 was reported for the entry
 */
struct s3e_wc_entry {
	s3e_u64 ia;
	s3e_u64 desc;
	s3e_u64 desc_pa;
	s3e_u64 tbl;
	s3e_u64 sum;
	s3e_u32 sid;
	s3e_u32 ssid;
	s3e_u16 vmid;
	s3e_u16 asid;
	s3e_u8 regime;
	s3e_u8 kind;
	s3e_u8 stage;
	s3e_u8 level;
	s3e_u8 gshift;
	s3e_u8 shift;
	s3e_u8 valid;
	s3e_u8 state;
	s3e_u8 c4;
};

/**
 * struct s3e_wcache - walk cache of one instance
 * @e: entries
 * @next: entry the next fill replaces when none is free
 * @hits: walks that started below a cached descriptor
 * @fills: descriptors cached
 * @removed: entries removed by invalidations
 */
struct s3e_wcache {
	struct s3e_wc_entry e[S3E_WC_NR];
	unsigned int next;
	s3e_u64 hits;
	s3e_u64 fills;
	s3e_u64 removed;
};

/**
 * s3e_wc_find() - the deepest cached descriptor covering an input address
 * @wc: cache
 * @tag: translation context of the walk
 * @stage: 1 or 2
 * @gshift: granule of the walk
 * @start: start level of the walk
 * @ia: input address
 *
 * Return: the entry, or NULL.
 */
struct s3e_wc_entry *s3e_wc_find(struct s3e_wcache *wc,
				 const struct s3e_tlb_tag *tag,
				 unsigned int stage, unsigned int gshift,
				 unsigned int start, s3e_u64 ia);

/**
 * s3e_wc_fill() - cache a table descriptor a walk read
 * @wc: cache
 * @tag: translation context of the walk
 * @stage: 1 or 2
 * @gshift: granule of the walk
 * @level: level of the descriptor
 * @shift: log2 of the size of the range it translates
 * @ia: input address of the walk
 * @pa: physical address of the descriptor
 * @desc: the descriptor
 * @tbl: the walk's table descriptors down to this one, or-ed
 *
 * Return: the entry (replacing one with the same tag and range).
 */
struct s3e_wc_entry *s3e_wc_fill(struct s3e_wcache *wc,
				 const struct s3e_tlb_tag *tag,
				 unsigned int stage, unsigned int gshift,
				 unsigned int level, unsigned int shift,
				 s3e_u64 ia, s3e_u64 pa, s3e_u64 desc,
				 s3e_u64 tbl);

/**
 * s3e_wc_exec_cmd() - apply a TLBI_* command
 * @wc: cache
 * @cmd0: doubleword 0 (VMID already cleared without stage 2)
 * @cmd1: doubleword 1
 */
void s3e_wc_exec_cmd(struct s3e_wcache *wc, s3e_u64 cmd0, s3e_u64 cmd1);

/** s3e_wc_flush() - remove every entry (reset, SMMUEN = 0) */
void s3e_wc_flush(struct s3e_wcache *wc);

#endif /* S3E_WALKCACHE_H */
