/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * TLB of the SMMUv3 emulator core.
 *
 * Caches the leaf results of successful table walks (struct
 * s3e_walk_result) and implements the architectural scope of every TLBI_*
 * command.  Entries are tagged with:
 *
 *  - the translation regime (enum s3e_tlb_regime): Non-secure EL1, EL2
 *    (StreamWorld EL2 without E2H) or EL2 with E2H;
 *  - the kind of translation (enum s3e_tlb_kind): stage 1 only, stage 2
 *    only, or a combined nested stage 1 + stage 2 entry;
 *  - the VMID (Non-secure EL1 only; the glue passes STE.S2VMID, also for
 *    stage-1-only streams, or 0 when the SMMU has no stage 2);
 *  - the ASID (stage-1 kinds, Non-secure EL1 and EL2-E2H) together with
 *    the nG bit: a global entry matches every ASID;
 *  - the naturally aligned input address range of the mapping, whose size
 *    is the walk's size_shift (4KB up to 1GB);
 *  - for a nested entry, the IPA that stage 1 produced and the size of the
 *    stage-2 mapping that translated it, so that TLBI_S2_IPA finds it.
 *
 * EL2 entries carry no VMID, and entries of the EL2 regime (without E2H)
 * carry no ASID: they are stored as global entries.  TLBI_NH_* only
 * affect Non-secure EL1 entries and TLBI_EL2_* only EL2 and EL2-E2H ones.
 *
 * Structure: a fixed array of entries allocated at initialisation, managed
 * by a hashed slot set (slotset.h): hash chains indexed by (input address
 * aligned to the entry size, size, regime, kind, VMID) -- the ASID is
 * deliberately not hashed, so that global entries and invalidations of a VA
 * for all ASIDs need one probe per size -- a free list, and a bitmap of the
 * valid entries.  A lookup probes only the sizes currently present,
 * smallest first, so a TLB holding only 4KB entries costs one probe.  An
 * invalidation by address whose range covers fewer blocks (per size and
 * tag combination) than there are valid entries, such as one page, probes
 * those blocks; any other invalidation visits every valid entry.
 *
 * Replacement is CLOCK (second chance) over the whole TLB, which is fully
 * associative: an approximation of LRU, not true LRU.  Every entry has a
 * referenced bit, set when it is inserted and on every hit.  When an insert
 * finds the TLB full, a hand moves over the entries in array order,
 * wrapping around, clearing the referenced bits it passes, and evicts the
 * first entry whose bit was already clear.  So an entry hit or inserted
 * since the hand last passed it is never evicted while an entry that has
 * not been exists; when every entry has been, one revolution clears them
 * all and the entry at the hand goes.  The new entry takes the evicted
 * entry's place, behind the hand: it survives at least one revolution.
 *
 * Only leaf translations are cached: there is no walk cache, so the Leaf
 * bit of the TLBI commands makes no difference.  Addresses are compared as
 * given: the caller passes input addresses with the top byte already
 * removed or sign-extended when TBI applies, consistently for lookups and
 * invalidations.
 *
 * Locking: none.  The caller serialises every call on one instance (the
 * kernel glue holds the instance's lock around lookups, inserts and
 * command execution).  Freestanding: no kernel or libc headers.
 */
#ifndef S3E_TLB_H
#define S3E_TLB_H

#include "s3e-types.h"
#include "slotset.h"
#include "walk.h"

/**
 * enum s3e_tlb_regime - translation regime of a stream
 * @S3E_TLB_NSEL1: Non-secure EL1 (STE.STRW = NSEL1); VMID-tagged
 * @S3E_TLB_EL2: EL2 without E2H (STE.STRW = EL2); no ASID, no VMID
 * @S3E_TLB_EL2_E2H: EL2 with E2H (STE.STRW = EL2-E2H); ASID-tagged
 */
enum s3e_tlb_regime {
	S3E_TLB_NSEL1,
	S3E_TLB_EL2,
	S3E_TLB_EL2_E2H,
};

/**
 * enum s3e_tlb_kind - translation stages an entry describes
 * @S3E_TLB_S1: stage 1 only; input is a VA, output a PA
 * @S3E_TLB_S2: stage 2 only; input is an IPA
 * @S3E_TLB_S12: nested, combined stage 1 + stage 2; input is a VA
 */
enum s3e_tlb_kind {
	S3E_TLB_S1,
	S3E_TLB_S2,
	S3E_TLB_S12,
};

/**
 * struct s3e_tlb_tag - translation context of a lookup or insertion
 * @regime: enum s3e_tlb_regime
 * @kind: enum s3e_tlb_kind
 * @vmid: VMID; ignored (taken as 0) in the EL2 regimes
 * @asid: ASID; ignored for S3E_TLB_S2 and in the EL2 regime
 */
struct s3e_tlb_tag {
	s3e_u8 regime;
	s3e_u8 kind;
	s3e_u16 vmid;
	s3e_u16 asid;
};

/**
 * struct s3e_tlb_entry - one cached translation
 * @va: input address (VA, or IPA for stage 2 only), aligned to the size
 * @oa: output address, aligned to the size
 * @ipa: nested entries: stage-1 output IPA aligned to the stage-2 size
 * @key: packed regime, kind, size and VMID (internal)
 * @asid: ASID (meaningful when @ng)
 * @size_shift: log2 of the size of the mapping
 * @s2_size_shift: nested entries: log2 of the stage-2 mapping size
 * @ng: non-global; otherwise the entry matches every ASID
 * @perm: effective S3E_PERM_* permissions
 * @s1_perm: stage-1 S3E_PERM_* permissions
 * @s2_perm: stage-2 S3E_PERM_* permissions
 * @valid: the entry is in use
 */
struct s3e_tlb_entry {
	s3e_u64 va;
	s3e_u64 oa;
	s3e_u64 ipa;
	s3e_u32 key;
	s3e_u16 asid;
	s3e_u8 size_shift;
	s3e_u8 s2_size_shift;
	s3e_u8 ng;
	s3e_u8 perm;
	s3e_u8 s1_perm;
	s3e_u8 s2_perm;
	s3e_u8 valid;
};

/**
 * enum s3e_tlbi_kind - invalidation operations, for the statistics
 * @S3E_TLBI_NH_ALL: TLBI_NH_ALL
 * @S3E_TLBI_NH_ASID: TLBI_NH_ASID
 * @S3E_TLBI_NH_VA: TLBI_NH_VA
 * @S3E_TLBI_NH_VAA: TLBI_NH_VAA
 * @S3E_TLBI_EL2_ALL: TLBI_EL2_ALL
 * @S3E_TLBI_EL2_ASID: TLBI_EL2_ASID
 * @S3E_TLBI_EL2_VA: TLBI_EL2_VA
 * @S3E_TLBI_EL2_VAA: TLBI_EL2_VAA
 * @S3E_TLBI_S12_VMALL: TLBI_S12_VMALL
 * @S3E_TLBI_S2_IPA: TLBI_S2_IPA
 * @S3E_TLBI_NSNH_ALL: TLBI_NSNH_ALL
 * @S3E_TLBI_FLUSH: s3e_tlb_flush() (reset, not a command)
 * @S3E_TLBI_NR: number of kinds
 */
enum s3e_tlbi_kind {
	S3E_TLBI_NH_ALL,
	S3E_TLBI_NH_ASID,
	S3E_TLBI_NH_VA,
	S3E_TLBI_NH_VAA,
	S3E_TLBI_EL2_ALL,
	S3E_TLBI_EL2_ASID,
	S3E_TLBI_EL2_VA,
	S3E_TLBI_EL2_VAA,
	S3E_TLBI_S12_VMALL,
	S3E_TLBI_S2_IPA,
	S3E_TLBI_NSNH_ALL,
	S3E_TLBI_FLUSH,
	S3E_TLBI_NR,
};

/**
 * struct s3e_tlb_stats - counters, readable by the caller at any time
 * @hits: lookups that found an entry
 * @misses: lookups that found none
 * @inserts: entries inserted (including replacements of a duplicate)
 * @evictions: valid entries replaced because the TLB was full
 * @removed: entries removed by invalidations
 * @inv: invalidation operations executed, by enum s3e_tlbi_kind
 */
struct s3e_tlb_stats {
	s3e_u64 hits;
	s3e_u64 misses;
	s3e_u64 inserts;
	s3e_u64 evictions;
	s3e_u64 removed;
	s3e_u64 inv[S3E_TLBI_NR];
};

/**
 * struct s3e_tlb - TLB instance
 * @entries: @capacity entries, in the caller-supplied storage
 * @set: hash chains, free list, valid and referenced bitmaps, clock hand
 *	(internal; its arrays follow @entries in the storage)
 * @capacity: number of entries
 * @used: number of valid entries
 * @sizes: bit n set when some entry has size_shift n
 * @size_count: number of valid entries of each size_shift
 * @stats: counters
 */
struct s3e_tlb {
	struct s3e_tlb_entry *entries;
	struct s3e_slotset set;
	s3e_u32 capacity;
	s3e_u32 used;
	s3e_u64 sizes;
	s3e_u32 size_count[64];
	struct s3e_tlb_stats stats;
	s3e_u8 honour_ttl;
};

/* Index meaning "no entry" */
#define S3E_TLB_NIL		S3E_SLOT_NIL

/* Default number of entries of an emulated SMMU's TLB */
#define S3E_TLB_DEFAULT_ENTRIES	1024

/* Largest supported capacity */
#define S3E_TLB_MAX_ENTRIES	0x1000000U

/**
 * s3e_tlb_storage_size() - bytes of storage an instance needs
 * @capacity: number of entries, 1 to S3E_TLB_MAX_ENTRIES
 *
 * Return: the size in bytes of the storage to pass to s3e_tlb_init(), or 0
 * when @capacity is out of range.
 */
unsigned long s3e_tlb_storage_size(unsigned int capacity);

/**
 * s3e_tlb_init() - initialise an empty TLB
 * @tlb: instance
 * @capacity: number of entries, 1 to S3E_TLB_MAX_ENTRIES
 * @storage: s3e_tlb_storage_size(@capacity) bytes, 8-byte aligned, owned
 *	by the caller and left in place until the instance is no longer used
 *
 * Return: 0, or -1 when @capacity is out of range or @storage is NULL.
 */
int s3e_tlb_init(struct s3e_tlb *tlb, unsigned int capacity, void *storage);

/**
 * s3e_tlb_init_alloc() - initialise an empty TLB, allocating its storage
 * @tlb: instance
 * @capacity: number of entries, 1 to S3E_TLB_MAX_ENTRIES
 * @alloc: allocator returning @size bytes 8-byte aligned, or NULL
 * @ctx: first argument of @alloc
 *
 * The storage is freed by the caller; it is @tlb->entries.
 *
 * Return: 0, or -1 when @capacity is out of range or @alloc failed.
 */
int s3e_tlb_init_alloc(struct s3e_tlb *tlb, unsigned int capacity,
		       void *(*alloc)(void *ctx, unsigned long size),
		       void *ctx);

/**
 * s3e_tlb_lookup() - look an input address up
 * @tlb: instance
 * @tag: translation context of the stream
 * @iova: input address (VA, or IPA for S3E_TLB_S2)
 *
 * A hit sets the entry's referenced bit (see the replacement policy above);
 * nothing is relinked.  The returned entry is valid until the next call
 * that inserts or invalidates.
 *
 * Return: the entry translating @iova, or NULL on a miss.
 */
const struct s3e_tlb_entry *s3e_tlb_lookup(struct s3e_tlb *tlb,
					   const struct s3e_tlb_tag *tag,
					   s3e_u64 iova);

/**
 * s3e_tlb_insert() - cache the result of a successful walk
 * @tlb: instance
 * @tag: translation context of the stream
 * @iova: input address that was walked
 * @res: walk result (res->fault must be 0)
 * @s2_gshift: nested walks: log2 of the stage-2 granule (12, 14 or 16), to
 *	derive the stage-2 mapping size from res->s2_level; ignored otherwise
 *
 * An existing entry with the same tag and range is replaced.  When the TLB
 * is full, the CLOCK policy (see above) chooses the entry to evict: the
 * first one from the hand on that has not been used since the hand last
 * passed it.  The new entry starts referenced.
 *
 * Return: the new entry, or NULL when @res is unsuitable (a fault, or a
 * size below 4KB or above 1GB).
 */
const struct s3e_tlb_entry *s3e_tlb_insert(struct s3e_tlb *tlb,
					   const struct s3e_tlb_tag *tag,
					   s3e_u64 iova,
					   const struct s3e_walk_result *res,
					   unsigned int s2_gshift);

/**
 * s3e_tlb_entry_oa() - output address of an input address through an entry
 * @e: entry returned by a lookup
 * @iova: input address within the entry
 *
 * Return: the output address.
 */
static inline s3e_u64 s3e_tlb_entry_oa(const struct s3e_tlb_entry *e,
				       s3e_u64 iova)
{
	return e->oa | (iova & ((1ULL << e->size_shift) - 1));
}

/**
 * s3e_tlb_perm_denied() - check an access against a cached entry
 * @e: entry returned by a lookup
 * @access: S3E_ACC_* flags
 *
 * Same rule as s3e_walk_perm_denied(), see s3e_perm_denied().
 *
 * Return: 0 when permitted, otherwise the stage (1 or 2) that faults.
 */
static inline int s3e_tlb_perm_denied(const struct s3e_tlb_entry *e,
				      unsigned int access)
{
	return s3e_perm_denied(e->s1_perm, e->s2_perm, access);
}

/**
 * s3e_tlbi_range() - address range of a TLBI_*_VA/VAA/S2_IPA command
 * @addr: the command's address field value (VA[63:12] or IPA[51:12], in
 *	place, low bits zero)
 * @tg: CMD_TLBI_1_TG: 0 for a single address, otherwise the granule of a
 *	range (CMD_TLBI_TG_4K/16K/64K)
 * @num: CMD_TLBI_0_NUM
 * @scale: CMD_TLBI_0_SCALE
 * @first: set to the first byte of the range
 * @last: set to the last byte of the range (inclusive, so that a range
 *	reaching the top of the address space needs no overflow)
 *
 * A range covers (@num + 1) * 2^@scale granules from @addr aligned down
 * to the granule (the SMMUv3 encoding, which the Linux driver and QEMU
 * use; not the CPU's TLBI RVA encoding (@num + 1) * 2^(5 * @scale + 1)).
 * It is clamped at the top of the address space.  With @tg == 0 the
 * range is the single byte at @addr: every entry whose mapping contains
 * @addr is hit.
 */
void s3e_tlbi_range(s3e_u64 addr, unsigned int tg, unsigned int num,
		    unsigned int scale, s3e_u64 *first, s3e_u64 *last);

/**
 * s3e_tlb_inv_nh_all() - TLBI_NH_ALL
 * @tlb: instance
 * @vmid: VMID of the command
 *
 * Removes the Non-secure EL1 stage-1 and nested entries of @vmid, global
 * or not; stage-2-only entries stay.
 */
void s3e_tlb_inv_nh_all(struct s3e_tlb *tlb, s3e_u16 vmid);

/**
 * s3e_tlb_inv_nh_asid() - TLBI_NH_ASID
 * @tlb: instance
 * @vmid: VMID of the command
 * @asid: ASID of the command
 *
 * Removes the non-global Non-secure EL1 stage-1 and nested entries of
 * (@vmid, @asid).
 */
void s3e_tlb_inv_nh_asid(struct s3e_tlb *tlb, s3e_u16 vmid, s3e_u16 asid);

/**
 * s3e_tlb_inv_nh_va() - TLBI_NH_VA
 * @tlb: instance
 * @vmid: VMID of the command
 * @asid: ASID of the command
 * @first: first byte of the range (see s3e_tlbi_range())
 * @last: last byte of the range
 *
 * Removes the Non-secure EL1 stage-1 and nested entries of @vmid that
 * overlap the range and are global or belong to @asid.
 */
void s3e_tlb_inv_nh_va(struct s3e_tlb *tlb, s3e_u16 vmid, s3e_u16 asid,
		       s3e_u64 first, s3e_u64 last);

/**
 * s3e_tlb_inv_nh_vaa() - TLBI_NH_VAA
 * @tlb: instance
 * @vmid: VMID of the command
 * @first: first byte of the range
 * @last: last byte of the range
 *
 * Removes the Non-secure EL1 stage-1 and nested entries of @vmid that
 * overlap the range, whatever their ASID.
 */
void s3e_tlb_inv_nh_vaa(struct s3e_tlb *tlb, s3e_u16 vmid, s3e_u64 first,
			s3e_u64 last);

/**
 * s3e_tlb_inv_el2_all() - TLBI_EL2_ALL
 * @tlb: instance
 *
 * Removes every EL2 and EL2-E2H entry.
 */
void s3e_tlb_inv_el2_all(struct s3e_tlb *tlb);

/**
 * s3e_tlb_inv_el2_asid() - TLBI_EL2_ASID
 * @tlb: instance
 * @asid: ASID of the command
 *
 * Removes the non-global EL2-E2H entries of @asid.
 */
void s3e_tlb_inv_el2_asid(struct s3e_tlb *tlb, s3e_u16 asid);

/**
 * s3e_tlb_inv_el2_va() - TLBI_EL2_VA
 * @tlb: instance
 * @asid: ASID of the command (EL2 entries without E2H match any)
 * @first: first byte of the range
 * @last: last byte of the range
 *
 * Removes the EL2 and EL2-E2H entries overlapping the range that are
 * global or belong to @asid.
 */
void s3e_tlb_inv_el2_va(struct s3e_tlb *tlb, s3e_u16 asid, s3e_u64 first,
			s3e_u64 last);

/**
 * s3e_tlb_inv_el2_vaa() - TLBI_EL2_VAA
 * @tlb: instance
 * @first: first byte of the range
 * @last: last byte of the range
 *
 * Removes the EL2 and EL2-E2H entries overlapping the range.
 */
void s3e_tlb_inv_el2_vaa(struct s3e_tlb *tlb, s3e_u64 first, s3e_u64 last);

/**
 * s3e_tlb_inv_s12_vmall() - TLBI_S12_VMALL
 * @tlb: instance
 * @vmid: VMID of the command
 *
 * Removes every Non-secure EL1 entry of @vmid: stage 1, stage 2, nested.
 */
void s3e_tlb_inv_s12_vmall(struct s3e_tlb *tlb, s3e_u16 vmid);

/**
 * s3e_tlb_inv_s2_ipa() - TLBI_S2_IPA
 * @tlb: instance
 * @vmid: VMID of the command
 * @first: first byte of the IPA range
 * @last: last byte of the IPA range
 *
 * Removes the stage-2 entries of @vmid whose input range overlaps the IPA
 * range, and also the nested entries of @vmid whose stage-2 mapping (the
 * IPA of the stage-1 output, with the stage-2 mapping size) overlaps it.
 * The architecture lets an implementation keep the nested entries until a
 * following TLBI_NH_ALL or TLBI_S12_VMALL; removing them is the choice
 * that is safe for software omitting that second command.
 */
void s3e_tlb_inv_s2_ipa(struct s3e_tlb *tlb, s3e_u16 vmid, s3e_u64 first,
			s3e_u64 last);

/**
 * s3e_tlb_inv_nsnh_all() - TLBI_NSNH_ALL
 * @tlb: instance
 *
 * Removes every Non-secure EL1 entry of every VMID.  EL2 and EL2-E2H
 * entries are kept, as the architecture specifies (they are not
 * "non-hypervisor" entries).
 */
void s3e_tlb_inv_nsnh_all(struct s3e_tlb *tlb);

/**
 * s3e_tlb_flush() - remove every entry (reset or disable of the SMMU)
 * @tlb: instance
 */
void s3e_tlb_flush(struct s3e_tlb *tlb);

/**
 * s3e_tlb_exec_cmd() - execute a raw TLBI_* command
 * @tlb: instance
 * @cmd0: doubleword 0 of the command
 * @cmd1: doubleword 1 of the command
 *
 * Decodes the opcode and fields (VMID, ASID, address, TG, NUM, SCALE) and
 * calls the matching s3e_tlb_inv_*() function.  Leaf is accepted and
 * ignored: the TLB holds only leaf entries.  TTL: by default ignored
 * (invalidating entries of every size within the range is a superset of
 * what the hint allows); with @tlb->honour_ttl set (strict mode), a
 * non-zero TTL invalidates only the stage-1 (VA forms) or stage-2
 * (S2_IPA) entries of that level, the least §4.4.1.1 requires, so that a
 * driver giving a wrong level keeps stale entries.
 * TLBI_EL3_* have no effect: the emulated SMMU has no Secure state.
 *
 * Return: 0 when the opcode is a TLBI command, -1 otherwise.
 */
int s3e_tlb_exec_cmd(struct s3e_tlb *tlb, s3e_u64 cmd0, s3e_u64 cmd1);

#endif /* S3E_TLB_H */
