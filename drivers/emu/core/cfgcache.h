/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Configuration cache of the SMMUv3 emulator core.
 *
 * Caches stream table entries by StreamID and context descriptors by
 * (StreamID, SubstreamID), as the raw eight doublewords read from memory,
 * so that the caller decodes them from the cache instead of reading guest
 * memory again.  The caller inserts only structures it has validated.
 *
 * Structure: a fixed array of entries allocated at initialisation, managed
 * by a hashed slot set (slotset.h): hash chains on (type, StreamID,
 * SubstreamID), a free list and a bitmap of the valid entries.  The cache
 * is fully associative with CLOCK (second chance) replacement, the same
 * LRU approximation as the TLB's: a referenced bit per entry, set on
 * insertion and on every hit; when the cache is full a hand moves over the
 * entries in array order, wrapping around, clearing set bits, and evicts
 * the first entry whose bit was already clear.  An entry used since the
 * hand last passed it is never evicted while one that has not been exists.
 *
 * Invalidation rules:
 *  - a CD is cached only as located through the STE of its StreamID, so
 *    every invalidation of an STE (CFGI_STE, CFGI_STE_RANGE, CFGI_ALL)
 *    also removes all the CDs of that StreamID;
 *  - CFGI_CD removes one CD and CFGI_CD_ALL all the CDs of a StreamID,
 *    leaving the STE;
 *  - the Leaf bit of CFGI_STE and CFGI_CD is ignored: only the final STE
 *    and CD are cached, never level-1 descriptors of two-level tables, so
 *    Leaf = 1 and Leaf = 0 have the same effect.
 *
 * Locking: none; the caller serialises every call on one instance.
 * Freestanding: no kernel or libc headers.
 */
#ifndef S3E_CFGCACHE_H
#define S3E_CFGCACHE_H

#include "s3e-types.h"
#include "slotset.h"
#include <smmu3/smmu3-arch.h>

/* Entry types */
#define S3E_CFGC_STE		1
#define S3E_CFGC_CD		2

/* Index meaning "no entry" */
#define S3E_CFGC_NIL		S3E_SLOT_NIL

/* Largest supported capacity */
#define S3E_CFGC_MAX_ENTRIES	0x1000000U

/* Default number of entries of an emulated SMMU's configuration cache */
#define S3E_CFGC_DEFAULT_ENTRIES	256

/**
 * struct s3e_cfgc_entry - one cached STE or CD
 * @words: the raw structure (STE_DWORDS == CD_DWORDS doublewords)
 * @sid: StreamID
 * @ssid: SubstreamID (CDs; 0 for an STE)
 * @type: S3E_CFGC_STE or S3E_CFGC_CD; 0 when the entry is free
 */
struct s3e_cfgc_entry {
	s3e_u64 words[STE_DWORDS];
	s3e_u32 sid;
	s3e_u32 ssid;
	s3e_u8 type;
};

/**
 * enum s3e_cfgi_kind - invalidation operations, for the statistics
 * @S3E_CFGI_STE: CFGI_STE
 * @S3E_CFGI_STE_RANGE: CFGI_STE_RANGE with Range < 31
 * @S3E_CFGI_ALL: CFGI_ALL (CFGI_STE_RANGE with Range == 31)
 * @S3E_CFGI_CD: CFGI_CD
 * @S3E_CFGI_CD_ALL: CFGI_CD_ALL
 * @S3E_CFGI_NR: number of kinds
 */
enum s3e_cfgi_kind {
	S3E_CFGI_STE,
	S3E_CFGI_STE_RANGE,
	S3E_CFGI_ALL,
	S3E_CFGI_CD,
	S3E_CFGI_CD_ALL,
	S3E_CFGI_NR,
};

/**
 * struct s3e_cfgc_stats - counters, readable by the caller at any time
 * @hits: lookups that found an entry
 * @misses: lookups that found none
 * @inserts: entries inserted (including replacements)
 * @evictions: valid entries replaced because the cache was full
 * @removed: entries removed by invalidations
 * @inv: invalidation operations executed, by enum s3e_cfgi_kind
 */
struct s3e_cfgc_stats {
	s3e_u64 hits;
	s3e_u64 misses;
	s3e_u64 inserts;
	s3e_u64 evictions;
	s3e_u64 removed;
	s3e_u64 inv[S3E_CFGI_NR];
};

/**
 * struct s3e_cfgc - configuration cache instance
 * @entries: @capacity entries, in the caller-supplied storage
 * @set: hash chains, free list, valid and referenced bitmaps, clock hand
 *	(internal; its arrays follow @entries in the storage)
 * @capacity: number of entries
 * @used: number of valid entries
 * @stats: counters
 */
struct s3e_cfgc {
	struct s3e_cfgc_entry *entries;
	struct s3e_slotset set;
	s3e_u32 capacity;
	s3e_u32 used;
	struct s3e_cfgc_stats stats;
};

/**
 * s3e_cfgc_storage_size() - bytes of storage an instance needs
 * @capacity: number of entries, 1 to S3E_CFGC_MAX_ENTRIES
 *
 * Return: the size in bytes, or 0 when @capacity is out of range.
 */
unsigned long s3e_cfgc_storage_size(unsigned int capacity);

/**
 * s3e_cfgc_init() - initialise an empty configuration cache
 * @c: instance
 * @capacity: number of entries, 1 to S3E_CFGC_MAX_ENTRIES
 * @storage: s3e_cfgc_storage_size(@capacity) bytes, 8-byte aligned, owned
 *	by the caller
 *
 * Return: 0, or -1 when @capacity is out of range or @storage is NULL.
 */
int s3e_cfgc_init(struct s3e_cfgc *c, unsigned int capacity, void *storage);

/**
 * s3e_cfgc_init_alloc() - initialise, allocating the storage
 * @c: instance
 * @capacity: number of entries
 * @alloc: allocator returning @size bytes 8-byte aligned, or NULL
 * @ctx: first argument of @alloc
 *
 * The caller frees the storage, which is @c->entries.
 *
 * Return: 0, or -1 on a bad @capacity or an allocation failure.
 */
int s3e_cfgc_init_alloc(struct s3e_cfgc *c, unsigned int capacity,
			void *(*alloc)(void *ctx, unsigned long size),
			void *ctx);

/**
 * s3e_cfgc_lookup_ste() - find a cached STE
 * @c: instance
 * @sid: StreamID
 *
 * A hit sets the entry's referenced bit (CLOCK replacement, see above).
 *
 * Return: the STE_DWORDS raw doublewords, valid until the next insertion
 * or invalidation, or NULL on a miss.
 */
const s3e_u64 *s3e_cfgc_lookup_ste(struct s3e_cfgc *c, s3e_u32 sid);

/**
 * s3e_cfgc_lookup_cd() - find a cached CD
 * @c: instance
 * @sid: StreamID
 * @ssid: SubstreamID (0 for the CD of a stream without substreams)
 *
 * A hit sets the entry's referenced bit.
 *
 * Return: the CD_DWORDS raw doublewords, or NULL on a miss.
 */
const s3e_u64 *s3e_cfgc_lookup_cd(struct s3e_cfgc *c, s3e_u32 sid,
				  s3e_u32 ssid);

/**
 * s3e_cfgc_insert_ste() - cache an STE
 * @c: instance
 * @sid: StreamID
 * @ste: STE_DWORDS doublewords
 *
 * Replaces a cached STE of @sid.  When the cache is full, evicts the entry
 * the CLOCK policy chooses (see above); the new entry starts referenced.
 *
 * Return: the index of the new entry in @c->entries.
 */
s3e_u32 s3e_cfgc_insert_ste(struct s3e_cfgc *c, s3e_u32 sid,
			    const s3e_u64 *ste);

/**
 * s3e_cfgc_insert_cd() - cache a CD
 * @c: instance
 * @sid: StreamID
 * @ssid: SubstreamID
 * @cd: CD_DWORDS doublewords
 *
 * Replaces a cached CD of (@sid, @ssid); evicts as s3e_cfgc_insert_ste().
 *
 * Return: the index of the new entry in @c->entries.
 */
s3e_u32 s3e_cfgc_insert_cd(struct s3e_cfgc *c, s3e_u32 sid, s3e_u32 ssid,
			   const s3e_u64 *cd);

/**
 * s3e_cfgc_inv_ste() - CFGI_STE: remove the STE and all CDs of @sid
 * @c: instance
 * @sid: StreamID
 */
void s3e_cfgc_inv_ste(struct s3e_cfgc *c, s3e_u32 sid);

/**
 * s3e_cfgc_inv_ste_range() - CFGI_STE_RANGE and CFGI_ALL
 * @c: instance
 * @sid: StreamID of the command
 * @range: CMD_CFGI_1_RANGE: 2^(@range + 1) StreamIDs from @sid aligned
 *	down to that size; 31 (CMD_CFGI_RANGE_ALL) means every StreamID
 *
 * Removes the STEs and all the CDs of the StreamIDs in the range.
 */
void s3e_cfgc_inv_ste_range(struct s3e_cfgc *c, s3e_u32 sid,
			    unsigned int range);

/**
 * s3e_cfgc_inv_cd() - CFGI_CD: remove the CD of (@sid, @ssid)
 * @c: instance
 * @sid: StreamID
 * @ssid: SubstreamID
 */
void s3e_cfgc_inv_cd(struct s3e_cfgc *c, s3e_u32 sid, s3e_u32 ssid);

/**
 * s3e_cfgc_inv_cd_all() - CFGI_CD_ALL: remove every CD of @sid
 * @c: instance
 * @sid: StreamID
 */
void s3e_cfgc_inv_cd_all(struct s3e_cfgc *c, s3e_u32 sid);

/**
 * s3e_cfgc_exec_cmd() - execute a raw CFGI_* command
 * @c: instance
 * @cmd0: doubleword 0 of the command
 * @cmd1: doubleword 1 of the command
 *
 * CFGI_VMS_PIDM is accepted and has no effect (nothing is cached by VMID).
 *
 * Return: 0 when the opcode is a CFGI command, -1 otherwise.
 */
int s3e_cfgc_exec_cmd(struct s3e_cfgc *c, s3e_u64 cmd0, s3e_u64 cmd1);

#endif /* S3E_CFGCACHE_H */
