/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hashed slot set with CLOCK replacement, shared by the emulator core's TLB
 * and configuration cache.
 *
 * A cache built on it keeps its entries in an array of @capacity slots of
 * its own type; the set manages, beside that array and indexed the same
 * way:
 *
 *  - hash chains: 2^hbits chain heads and one "next" index per slot.  The
 *    cache computes the bucket of a key with s3e_slotset_hash() and walks
 *    the chain itself, comparing its own entries;
 *  - a free list of unused slots, threaded through the same "next" array;
 *  - a bitmap of the slots in use, for invalidations that must visit every
 *    entry (s3e_slotset_next_used());
 *  - a referenced flag per slot and a clock hand, for replacement.
 *
 * Replacement is CLOCK (second chance), an approximation of LRU.  Each slot
 * has a referenced flag, set when an entry is inserted and on every hit
 * (s3e_slotset_touch()).  When the set is full,
 * s3e_slotset_victim() moves the hand forward in slot order, wrapping
 * around, clearing each referenced flag it passes, and picks the first
 * slot whose flag was already clear.  Consequences:
 *
 *  - the victim is never an entry used (inserted or hit) since the hand
 *    last passed it, as long as some entry has not been;
 *  - when every entry has been used, the hand clears every flag in one
 *    revolution and takes the slot it started at: the order is then FIFO
 *    by slot;
 *  - a new entry takes the victim's slot, just behind the hand, so it is
 *    the last one the hand reaches: it survives at least one full
 *    revolution.
 *
 * A hit costs a load, and a store only when the flag was clear, instead of
 * the relinking of a recency list.  Every slot the hand passes has its
 * flag cleared, so the hand moves at most once per eviction plus once per
 * flag set: an eviction costs O(1) amortised.
 *
 * Only the used bitmap tells valid slots apart: a cache needs no valid
 * flag of its own, and a slot's "next" index is meaningful only while the
 * slot is used (chain) or free (free list).  Freestanding: no kernel or
 * libc headers.  No locking: the owner serialises every call.
 */
#ifndef S3E_SLOTSET_H
#define S3E_SLOTSET_H

#include "s3e-types.h"

/* Slot index meaning "none": end of a chain, empty free list */
#define S3E_SLOT_NIL		0xffffffffU

/**
 * struct s3e_slotset - slot bookkeeping of a hashed, CLOCK-replaced cache
 * @used_map: bit i set when slot i holds an entry
 * @buckets: 2^@hbits chain heads, S3E_SLOT_NIL when empty
 * @next: per slot: next slot of its chain, or of the free list
 * @ref: per slot: 1 when used since the hand last passed it (referenced)
 * @capacity: number of slots
 * @hbits: log2 of the number of buckets, at least 1
 * @used: number of used slots
 * @free: first free slot, or S3E_SLOT_NIL when full
 * @hand: clock hand: the next slot the replacement examines
 */
struct s3e_slotset {
	s3e_u64 *used_map;
	s3e_u32 *buckets;
	s3e_u32 *next;
	s3e_u8 *ref;
	s3e_u32 capacity;
	s3e_u32 hbits;
	s3e_u32 used;
	s3e_u32 free;
	s3e_u32 hand;
};

/*
 * Compiler barrier: memory may have changed.  Keeps the compiler from
 * turning a loop into a memset() or memcpy() call, which a freestanding
 * object cannot rely on.
 */
static inline void s3e_slotset_barrier(void)
{
	__asm__ __volatile__("" : : : "memory");
}

/*
 * Number of buckets: twice the capacity rounded up to a power of two, so
 * that the load factor is at most 1/2 and most hits find their entry first
 * in its chain.
 */
static inline unsigned int s3e_slotset_hbits(unsigned int capacity)
{
	unsigned int bits = 1;

	while (bits < 31 && (1ULL << bits) < 2ULL * capacity)
		bits++;
	return bits;
}

static inline unsigned long s3e_slotset_words(unsigned int capacity)
{
	return ((unsigned long)capacity + 63) / 64;
}

/**
 * s3e_slotset_size() - bytes of bookkeeping storage for @capacity slots
 * @capacity: number of slots, at least 1
 *
 * Return: the size to pass to s3e_slotset_init().
 */
static inline unsigned long s3e_slotset_size(unsigned int capacity)
{
	return sizeof(s3e_u64) * s3e_slotset_words(capacity) +
	       (sizeof(s3e_u32) << s3e_slotset_hbits(capacity)) +
	       (sizeof(s3e_u32) + sizeof(s3e_u8)) * (unsigned long)capacity;
}

/**
 * s3e_slotset_init() - initialise an empty set
 * @ss: set
 * @capacity: number of slots, at least 1
 * @storage: s3e_slotset_size(@capacity) bytes, 8-byte aligned
 */
static inline void s3e_slotset_init(struct s3e_slotset *ss,
				    unsigned int capacity, void *storage)
{
	unsigned long words = s3e_slotset_words(capacity), i;

	ss->used_map = storage;
	ss->buckets = (s3e_u32 *)(ss->used_map + words);
	ss->capacity = capacity;
	ss->hbits = s3e_slotset_hbits(capacity);
	ss->next = ss->buckets + (1UL << ss->hbits);
	ss->ref = (s3e_u8 *)(ss->next + capacity);
	for (i = 0; i < words; i++) {
		ss->used_map[i] = 0;
		s3e_slotset_barrier();
	}
	for (i = 0; i < 1UL << ss->hbits; i++) {
		ss->buckets[i] = S3E_SLOT_NIL;
		s3e_slotset_barrier();
	}
	for (i = 0; i < capacity; i++) {
		ss->next[i] = i + 1 < capacity ? i + 1 : S3E_SLOT_NIL;
		ss->ref[i] = 0;
		s3e_slotset_barrier();
	}
	ss->used = 0;
	ss->free = 0;
	ss->hand = 0;
}

/**
 * s3e_slotset_hash() - bucket of a key
 * @ss: set
 * @x: the key, folded into 64 bits by the caller
 *
 * Return: a bucket index, below 2^@ss->hbits.
 */
static inline s3e_u32 s3e_slotset_hash(const struct s3e_slotset *ss,
				       s3e_u64 x)
{
	return (s3e_u32)((x * 0x9e3779b97f4a7c15ULL) >> (64 - ss->hbits));
}

/**
 * s3e_slotset_touch() - mark a slot as used, on a hit
 * @ss: set
 * @i: used slot
 */
static inline void s3e_slotset_touch(struct s3e_slotset *ss, s3e_u32 i)
{
	/* Mostly set already: a load, and no store to wait on */
	if (!ss->ref[i])
		ss->ref[i] = 1;
}

/**
 * s3e_slotset_add() - take a free slot and link it into a bucket
 * @ss: set
 * @h: bucket of the new entry's key
 *
 * The slot is marked used and referenced; the caller fills its entry.
 *
 * Return: the slot, or S3E_SLOT_NIL when the set is full.
 */
static inline s3e_u32 s3e_slotset_add(struct s3e_slotset *ss, s3e_u32 h)
{
	s3e_u32 i = ss->free;
	s3e_u64 bit = 1ULL << (i % 64);

	if (i == S3E_SLOT_NIL)
		return i;
	ss->free = ss->next[i];
	ss->next[i] = ss->buckets[h];
	ss->buckets[h] = i;
	ss->used_map[i / 64] |= bit;
	ss->ref[i] = 1;
	ss->used++;
	return i;
}

/**
 * s3e_slotset_del() - unlink a used slot and free it
 * @ss: set
 * @h: bucket the slot's entry was added to
 * @i: used slot
 */
static inline void s3e_slotset_del(struct s3e_slotset *ss, s3e_u32 h,
				   s3e_u32 i)
{
	s3e_u32 *link = &ss->buckets[h];
	s3e_u64 bit = 1ULL << (i % 64);

	/* @i is on this chain; the capacity bounds the walk regardless */
	while (*link != i && *link != S3E_SLOT_NIL)
		link = &ss->next[*link];
	if (*link == i)
		*link = ss->next[i];
	ss->used_map[i / 64] &= ~bit;
	ss->ref[i] = 0;
	ss->next[i] = ss->free;
	ss->free = i;
	ss->used--;
}

/**
 * s3e_slotset_next_used() - first used slot at or after a slot
 * @ss: set
 * @i: slot to start from (may be @ss->capacity)
 *
 * Visits used slots in increasing order; deleting the slot just returned
 * does not disturb the iteration:
 *
 *	for (i = s3e_slotset_next_used(ss, 0); i != S3E_SLOT_NIL;
 *	     i = s3e_slotset_next_used(ss, i + 1))
 *
 * Return: the slot, or S3E_SLOT_NIL when there is none.
 */
static inline s3e_u32 s3e_slotset_next_used(const struct s3e_slotset *ss,
					    s3e_u32 i)
{
	unsigned long w = i / 64, words = s3e_slotset_words(ss->capacity);
	s3e_u64 bits;

	if (i >= ss->capacity)
		return S3E_SLOT_NIL;
	bits = ss->used_map[w] & (~0ULL << (i % 64));
	while (!bits) {
		if (++w >= words)
			return S3E_SLOT_NIL;
		bits = ss->used_map[w];
	}
	return (s3e_u32)(w * 64 + __builtin_ctzll(bits));
}

/**
 * s3e_slotset_victim() - choose the slot to evict, CLOCK policy
 * @ss: set, full (no free slot)
 *
 * Moves the hand to the first slot, from the hand on in slot order and
 * wrapping around, whose referenced flag is clear, clearing the flags of
 * the slots passed over, and leaves the hand just after it.  The caller
 * removes that slot's entry (s3e_slotset_del()), then adds the new one,
 * which gets the same slot.
 *
 * Return: the victim, or S3E_SLOT_NIL when the set is not full.
 */
static inline s3e_u32 s3e_slotset_victim(struct s3e_slotset *ss)
{
	s3e_u32 hand = ss->hand, n;

	if (ss->free != S3E_SLOT_NIL || hand >= ss->capacity)
		return S3E_SLOT_NIL;
	/* After one revolution every flag is clear: at most capacity steps */
	for (n = 0; n < ss->capacity && ss->ref[hand]; n++) {
		ss->ref[hand] = 0;
		hand = hand + 1 < ss->capacity ? hand + 1 : 0;
	}
	ss->hand = hand + 1 < ss->capacity ? hand + 1 : 0;
	return hand;
}

#endif /* S3E_SLOTSET_H */
