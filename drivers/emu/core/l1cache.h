/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Level-1 descriptor cache of the SMMUv3 emulator core (strict mode).
 *
 * §3.21.2: "An implementation is permitted to cache any successfully
 * fetched or prefetched configuration structure, whether marked as valid
 * or not": this includes the level-1 stream table descriptors (L1STD,
 * §5.1) of a 2-level stream table and the level-1 CD descriptors (L1CD,
 * §5.3) of a 2-level CD table.  Strict mode caches both, valid or not, so
 * a driver that installs a level-2 table and does not invalidate the
 * level-1 descriptor keeps seeing the old one.
 *
 * Invalidation (§4.3): CMD_CFGI_STE with Leaf = 0 removes the L1STD that
 * locates its StreamID, and every CMD_CFGI_STE the L1CDs cached through
 * that StreamID; CMD_CFGI_STE_RANGE (and CMD_CFGI_ALL) both for its range;
 * CMD_CFGI_CD with Leaf = 0 the L1CD that locates its SubstreamID;
 * CMD_CFGI_CD_ALL every L1CD of its StreamID.  With Leaf = 1 the level-1
 * descriptors stay (§4.3.1, §4.3.3: "not required to be invalidated").
 *
 * S3E_L1C_NR entries, round robin, linear lookups (strict mode only).
 *
 * Freestanding: no kernel or libc headers.
 */
#ifndef S3E_L1CACHE_H
#define S3E_L1CACHE_H

#include "s3e-types.h"

#define S3E_L1C_NR		32

#define S3E_L1C_STD		1	/* level-1 stream table descriptor */
#define S3E_L1C_CD		2	/* level-1 CD table descriptor */

/**
 * struct s3e_l1c_entry - one cached level-1 descriptor
 * @desc: the descriptor, as read (valid or not)
 * @pa: its physical address
 * @sid: L1STD: first StreamID of the span it locates; L1CD: StreamID
 *	through which it was fetched
 * @first: L1CD: first SubstreamID it locates
 * @log2: log2 of the number of StreamIDs (L1STD) or SubstreamIDs (L1CD)
 *	it locates (the SPLIT)
 * @type: S3E_L1C_*; 0 when free
 * @state: checker: S3E_CHK_* (checker.h), class 2
 */
struct s3e_l1c_entry {
	s3e_u64 desc;
	s3e_u64 pa;
	s3e_u32 sid;
	s3e_u32 first;
	s3e_u8 log2;
	s3e_u8 type;
	s3e_u8 state;
};

/**
 * struct s3e_l1cache - level-1 descriptor cache of one instance
 * @e: entries
 * @next: entry the next insertion replaces when none is free
 */
struct s3e_l1cache {
	struct s3e_l1c_entry e[S3E_L1C_NR];
	unsigned int next;
};

/**
 * s3e_l1c_lookup() - find a cached level-1 descriptor
 * @c: cache
 * @type: S3E_L1C_*
 * @sid: StreamID of the lookup
 * @ssid: L1CD: SubstreamID of the lookup
 * @log2: the SPLIT of the table
 * @pa: where the descriptor would be read from
 *
 * Return: the entry, or NULL.
 */
struct s3e_l1c_entry *s3e_l1c_lookup(struct s3e_l1cache *c, unsigned int type,
				     s3e_u32 sid, s3e_u32 ssid,
				     unsigned int log2, s3e_u64 pa);

/**
 * s3e_l1c_insert() - cache a level-1 descriptor that was read
 * @c: cache
 * @type: S3E_L1C_*
 * @sid: StreamID of the fetch
 * @ssid: L1CD: SubstreamID of the fetch
 * @log2: the SPLIT of the table
 * @pa: where the descriptor was read from
 * @desc: the descriptor
 *
 * Return: the entry.
 */
struct s3e_l1c_entry *s3e_l1c_insert(struct s3e_l1cache *c, unsigned int type,
				     s3e_u32 sid, s3e_u32 ssid,
				     unsigned int log2, s3e_u64 pa,
				     s3e_u64 desc);

/**
 * s3e_l1c_exec_cmd() - apply a CMD_CFGI_* command
 * @c: cache
 * @cmd0: doubleword 0
 * @cmd1: doubleword 1
 */
void s3e_l1c_exec_cmd(struct s3e_l1cache *c, s3e_u64 cmd0, s3e_u64 cmd1);

/** s3e_l1c_flush() - remove every entry (reset) */
void s3e_l1c_flush(struct s3e_l1cache *c);

#endif /* S3E_L1CACHE_H */
