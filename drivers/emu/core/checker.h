/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The checker of the emulated SMMUv3 (strict mode): internal interface
 * between the device (cmd.c, strtab.c, cd.c, translate.c, regs.c) and
 * checker.c.  The public part (reports, counters) is in smmu.h.
 *
 * Freestanding: no kernel or libc headers.
 */
#ifndef S3E_CHECKER_H
#define S3E_CHECKER_H

#include "smmu.h"

struct s3e_smmu;
struct s3e_tlb_entry;
struct s3e_tlb_tag;
struct s3e_walk_result;
struct s3e_wc_entry;
struct s3e_l1c_entry;

/* State of a cached structure or translation, as the checker sees it */
#define S3E_CHK_CLEAN		0	/* matches memory at the last check */
#define S3E_CHK_STALE		1	/* differed from memory at a CMD_SYNC */
#define S3E_CHK_REPORTED	2	/* its use was reported */

/**
 * struct s3e_chk_tlb - what the checker keeps of one TLB entry
 * @pa: physical address of the leaf descriptors (stage 1, stage 2)
 * @desc: the leaf descriptors as the walk read them
 * @sid: StreamID of the walk that filled the entry
 * @ssid: its SubstreamID
 * @asid: ASID of the entry's tag
 * @vmid: VMID of the entry's tag
 * @nd: number of descriptors in @pa/@desc (0: not tracked)
 * @stage0: stage of the first descriptor (the second is of stage 2)
 * @state: S3E_CHK_*
 * @missing: opcode of the invalidation by address of the entry's regime
 */
struct s3e_chk_tlb {
	s3e_u64 pa[2];
	s3e_u64 desc[2];
	s3e_u32 sid;
	s3e_u32 ssid;
	s3e_u16 asid;
	s3e_u16 vmid;
	s3e_u8 nd;
	s3e_u8 stage0;
	s3e_u8 state;
	s3e_u8 missing;
};

/**
 * struct s3e_chk_live - a live STE or CD, as memory held it at the last
 *	CMD_SYNC (class 1)
 * @words: the structure
 * @pa: its physical address
 * @sid: StreamID
 * @ssid: SubstreamID (CDs), or S3E_NO_SSID (an STE)
 * @type: S3E_CFGC_STE or S3E_CFGC_CD; 0 when the slot is free
 */
struct s3e_chk_live {
	s3e_u64 words[STE_DWORDS];
	s3e_u64 pa;
	s3e_u32 sid;
	s3e_u32 ssid;
	s3e_u8 type;
};

/**
 * struct s3e_checker - checker state of one instance (strict mode only)
 * @st: counters and last reports (public, smmu.h)
 * @cfg_pa: per configuration cache entry, where it was read from
 * @cfg_state: per configuration cache entry, S3E_CHK_*
 * @tlb: per TLB entry
 * @live: live structures followed for class 1, s3e_smmu_config.cfgc_entries
 *	slots
 * @live_next: slot the next new live structure takes when none is free
 */
struct s3e_checker {
	struct s3e_chk_state st;
	s3e_u64 *cfg_pa;
	s3e_u8 *cfg_state;
	struct s3e_chk_tlb *tlb;
	struct s3e_chk_live *live;
	s3e_u32 live_next;
};

/**
 * s3e_chk_create() - allocate the checker of an instance in strict mode
 * @s: instance, its caches initialised
 *
 * Return: 0, or -1 when an allocation failed.
 */
int s3e_chk_create(struct s3e_smmu *s);

/** s3e_chk_destroy() - free the checker (none is allowed) */
void s3e_chk_destroy(struct s3e_smmu *s);

/** s3e_chk_mem_size() - bytes the checker allocated (0 without one) */
unsigned long s3e_chk_mem_size(const struct s3e_smmu *s);

/**
 * s3e_chk_cfg_insert() - a fetched STE or CD entered the config cache
 * @s: instance
 * @idx: its entry index (S3E_CFGC_NIL: not cached)
 * @pa: where it was read from
 */
void s3e_chk_cfg_insert(struct s3e_smmu *s, s3e_u32 idx, s3e_u64 pa);

/**
 * s3e_chk_cfgi() - a CFGI_* completed: forget the CDs it may unlink
 * @s: instance
 * @cmd0: doubleword 0 of the command
 */
void s3e_chk_cfgi(struct s3e_smmu *s, s3e_u64 cmd0);

/** s3e_chk_reset() - forget every live structure (reset, SMMUEN = 0) */
void s3e_chk_reset(struct s3e_smmu *s);

/**
 * s3e_chk_cfg_hit() - the SMMU uses a cached STE or CD
 * @s: instance
 * @raw: the cached words, as the configuration cache lookup returned them
 */
void s3e_chk_cfg_hit(struct s3e_smmu *s, const s3e_u64 *raw);

/**
 * s3e_chk_tlb_insert() - a walk result entered the TLB
 * @s: instance
 * @e: the entry
 * @res: the walk
 * @sid: StreamID of the transaction
 * @ssid: its SubstreamID
 * @tag: the entry's tag
 */
void s3e_chk_tlb_insert(struct s3e_smmu *s, const struct s3e_tlb_entry *e,
			const struct s3e_walk_result *res, s3e_u32 sid,
			s3e_u32 ssid, const struct s3e_tlb_tag *tag);

/**
 * s3e_chk_tlb_hit() - the SMMU uses a TLB entry (only while armed)
 * @s: instance
 * @e: the entry
 */
void s3e_chk_tlb_hit(struct s3e_smmu *s, const struct s3e_tlb_entry *e);

/**
 * s3e_chk_wc_hit() - a walk starts below a stale walk cache entry
 * @s: instance
 * @e: the entry, in state S3E_CHK_STALE
 * @ia: input address of the walk
 */
void s3e_chk_wc_hit(struct s3e_smmu *s, struct s3e_wc_entry *e, s3e_u64 ia);

/**
 * s3e_chk_l1c_hit() - the SMMU uses a stale cached level-1 descriptor
 * @s: instance
 * @e: the entry, in state S3E_CHK_STALE
 * @sid: StreamID of the lookup
 * @ssid: SubstreamID of the lookup (L1CD), or S3E_NO_SSID
 */
void s3e_chk_l1c_hit(struct s3e_smmu *s, struct s3e_l1c_entry *e, s3e_u32 sid,
		     s3e_u32 ssid);

/**
 * s3e_chk_queue() - a register write broke the queue protocol (class 5)
 * @s: instance
 * @detail: S3E_CHK_Q_*
 * @base: the queue's BASE register
 * @val: the value written
 */
void s3e_chk_queue(struct s3e_smmu *s, unsigned int detail, s3e_u64 base,
		   s3e_u64 val);

/**
 * s3e_chk_sync() - a CMD_SYNC completed: compare the caches with memory
 * @s: instance
 */
void s3e_chk_sync(struct s3e_smmu *s);

#endif /* S3E_CHECKER_H */
