// SPDX-License-Identifier: GPL-2.0-only
/*
 * Configuration cache of the SMMUv3 emulator core: STEs and CDs, hashed,
 * fully associative, true LRU.  See cfgcache.h for the invalidation rules.
 */
#include "cfgcache.h"

/* Keeps the compiler from turning loops into memset()/memcpy() calls */
static inline void cfgc_barrier(void)
{
	__asm__ __volatile__("" : : : "memory");
}

static inline s3e_u32 cfgc_hash(const struct s3e_cfgc *c, unsigned int type,
				s3e_u32 sid, s3e_u32 ssid)
{
	s3e_u64 x = sid ^ (s3e_u64)ssid << 32 ^ (s3e_u64)type << 60;

	return (s3e_u32)((x * 0x9e3779b97f4a7c15ULL) >> (64 - c->hbits));
}

static unsigned int cfgc_buckets_shift(unsigned int capacity)
{
	unsigned int bits = 1;

	while ((1U << bits) < capacity)
		bits++;
	return bits;
}

unsigned long s3e_cfgc_storage_size(unsigned int capacity)
{
	if (!capacity || capacity > S3E_CFGC_MAX_ENTRIES)
		return 0;
	return (unsigned long)capacity * sizeof(struct s3e_cfgc_entry) +
	       (sizeof(s3e_u32) << cfgc_buckets_shift(capacity));
}

int s3e_cfgc_init(struct s3e_cfgc *c, unsigned int capacity, void *storage)
{
	unsigned int i;

	if (!storage || !s3e_cfgc_storage_size(capacity))
		return -1;
	c->entries = storage;
	c->buckets = (s3e_u32 *)(c->entries + capacity);
	c->capacity = capacity;
	c->hbits = cfgc_buckets_shift(capacity);
	for (i = 0; i < 1U << c->hbits; i++) {
		c->buckets[i] = S3E_CFGC_NIL;
		cfgc_barrier();
	}
	for (i = 0; i < capacity; i++) {
		c->entries[i].type = 0;
		c->entries[i].hnext = i + 1 < capacity ? i + 1 : S3E_CFGC_NIL;
	}
	c->free = 0;
	c->used = 0;
	c->lru_head = S3E_CFGC_NIL;
	c->lru_tail = S3E_CFGC_NIL;
	c->stats.hits = 0;
	c->stats.misses = 0;
	c->stats.inserts = 0;
	c->stats.evictions = 0;
	c->stats.removed = 0;
	for (i = 0; i < S3E_CFGI_NR; i++) {
		c->stats.inv[i] = 0;
		cfgc_barrier();
	}
	return 0;
}

int s3e_cfgc_init_alloc(struct s3e_cfgc *c, unsigned int capacity,
			void *(*alloc)(void *ctx, unsigned long size),
			void *ctx)
{
	unsigned long size = s3e_cfgc_storage_size(capacity);

	if (!size || !alloc)
		return -1;
	return s3e_cfgc_init(c, capacity, alloc(ctx, size));
}

static void lru_unlink(struct s3e_cfgc *c, s3e_u32 i)
{
	struct s3e_cfgc_entry *e = &c->entries[i];

	if (e->lprev != S3E_CFGC_NIL)
		c->entries[e->lprev].lnext = e->lnext;
	else
		c->lru_head = e->lnext;
	if (e->lnext != S3E_CFGC_NIL)
		c->entries[e->lnext].lprev = e->lprev;
	else
		c->lru_tail = e->lprev;
}

static void lru_push(struct s3e_cfgc *c, s3e_u32 i)
{
	struct s3e_cfgc_entry *e = &c->entries[i];

	e->lprev = S3E_CFGC_NIL;
	e->lnext = c->lru_head;
	if (c->lru_head != S3E_CFGC_NIL)
		c->entries[c->lru_head].lprev = i;
	else
		c->lru_tail = i;
	c->lru_head = i;
}

static void cfgc_remove(struct s3e_cfgc *c, s3e_u32 i)
{
	struct s3e_cfgc_entry *e = &c->entries[i];
	s3e_u32 *link = &c->buckets[cfgc_hash(c, e->type, e->sid, e->ssid)];

	while (*link != i)
		link = &c->entries[*link].hnext;
	*link = e->hnext;
	lru_unlink(c, i);
	e->type = 0;
	e->hnext = c->free;
	c->free = i;
	c->used--;
}

static s3e_u32 cfgc_find(const struct s3e_cfgc *c, unsigned int type,
			 s3e_u32 sid, s3e_u32 ssid)
{
	s3e_u32 i = c->buckets[cfgc_hash(c, type, sid, ssid)];
	const struct s3e_cfgc_entry *e;

	while (i != S3E_CFGC_NIL) {
		e = &c->entries[i];
		if (e->type == type && e->sid == sid && e->ssid == ssid)
			break;
		i = e->hnext;
	}
	return i;
}

static const s3e_u64 *cfgc_lookup(struct s3e_cfgc *c, unsigned int type,
				  s3e_u32 sid, s3e_u32 ssid)
{
	s3e_u32 i = cfgc_find(c, type, sid, ssid);

	if (i == S3E_CFGC_NIL) {
		c->stats.misses++;
		return S3E_NULL;
	}
	if (c->lru_head != i) {
		lru_unlink(c, i);
		lru_push(c, i);
	}
	c->stats.hits++;
	return c->entries[i].words;
}

const s3e_u64 *s3e_cfgc_lookup_ste(struct s3e_cfgc *c, s3e_u32 sid)
{
	return cfgc_lookup(c, S3E_CFGC_STE, sid, 0);
}

const s3e_u64 *s3e_cfgc_lookup_cd(struct s3e_cfgc *c, s3e_u32 sid,
				  s3e_u32 ssid)
{
	return cfgc_lookup(c, S3E_CFGC_CD, sid, ssid);
}

static void cfgc_insert(struct s3e_cfgc *c, unsigned int type, s3e_u32 sid,
			s3e_u32 ssid, const s3e_u64 *words)
{
	s3e_u32 i = cfgc_find(c, type, sid, ssid), h;
	struct s3e_cfgc_entry *e;
	unsigned int k;

	if (i != S3E_CFGC_NIL)
		cfgc_remove(c, i);
	if (c->free == S3E_CFGC_NIL) {
		cfgc_remove(c, c->lru_tail);
		c->stats.evictions++;
	}
	i = c->free;
	e = &c->entries[i];
	c->free = e->hnext;
	for (k = 0; k < STE_DWORDS; k++) {
		e->words[k] = words[k];
		cfgc_barrier();
	}
	e->type = type;
	e->sid = sid;
	e->ssid = ssid;
	h = cfgc_hash(c, type, sid, ssid);
	e->hnext = c->buckets[h];
	c->buckets[h] = i;
	lru_push(c, i);
	c->used++;
	c->stats.inserts++;
}

void s3e_cfgc_insert_ste(struct s3e_cfgc *c, s3e_u32 sid, const s3e_u64 *ste)
{
	cfgc_insert(c, S3E_CFGC_STE, sid, 0, ste);
}

void s3e_cfgc_insert_cd(struct s3e_cfgc *c, s3e_u32 sid, s3e_u32 ssid,
			const s3e_u64 *cd)
{
	cfgc_insert(c, S3E_CFGC_CD, sid, ssid, cd);
}

/*
 * Remove the entries whose StreamID is in [@sid_first, @sid_last] and whose
 * type is in @types (a mask of 1 << S3E_CFGC_*).
 */
static void cfgc_inv_sids(struct s3e_cfgc *c, s3e_u32 sid_first,
			  s3e_u32 sid_last, unsigned int types)
{
	s3e_u32 i = c->lru_head, next;
	struct s3e_cfgc_entry *e;

	while (i != S3E_CFGC_NIL) {
		e = &c->entries[i];
		next = e->lnext;
		if (e->sid >= sid_first && e->sid <= sid_last &&
		    (types & (1U << e->type))) {
			cfgc_remove(c, i);
			c->stats.removed++;
		}
		i = next;
	}
}

#define TYPES_ALL	((1U << S3E_CFGC_STE) | (1U << S3E_CFGC_CD))

void s3e_cfgc_inv_ste(struct s3e_cfgc *c, s3e_u32 sid)
{
	c->stats.inv[S3E_CFGI_STE]++;
	cfgc_inv_sids(c, sid, sid, TYPES_ALL);
}

void s3e_cfgc_inv_ste_range(struct s3e_cfgc *c, s3e_u32 sid,
			    unsigned int range)
{
	s3e_u32 mask;

	if (range >= CMD_CFGI_RANGE_ALL) {
		c->stats.inv[S3E_CFGI_ALL]++;
		cfgc_inv_sids(c, 0, 0xffffffffU, TYPES_ALL);
		return;
	}
	mask = (2U << range) - 1;
	c->stats.inv[S3E_CFGI_STE_RANGE]++;
	cfgc_inv_sids(c, sid & ~mask, (sid & ~mask) | mask, TYPES_ALL);
}

void s3e_cfgc_inv_cd(struct s3e_cfgc *c, s3e_u32 sid, s3e_u32 ssid)
{
	s3e_u32 i = cfgc_find(c, S3E_CFGC_CD, sid, ssid);

	c->stats.inv[S3E_CFGI_CD]++;
	if (i != S3E_CFGC_NIL) {
		cfgc_remove(c, i);
		c->stats.removed++;
	}
}

void s3e_cfgc_inv_cd_all(struct s3e_cfgc *c, s3e_u32 sid)
{
	c->stats.inv[S3E_CFGI_CD_ALL]++;
	cfgc_inv_sids(c, sid, sid, 1U << S3E_CFGC_CD);
}

int s3e_cfgc_exec_cmd(struct s3e_cfgc *c, s3e_u64 cmd0, s3e_u64 cmd1)
{
	s3e_u32 sid = s3e_field_get(CMD_0_SID, cmd0);

	switch (s3e_field_get(CMD_0_OP, cmd0)) {
	case CMD_OP_CFGI_STE:
		s3e_cfgc_inv_ste(c, sid);
		return 0;
	case CMD_OP_CFGI_STE_RANGE:
		s3e_cfgc_inv_ste_range(c, sid,
				       s3e_field_get(CMD_CFGI_1_RANGE, cmd1));
		return 0;
	case CMD_OP_CFGI_CD:
		s3e_cfgc_inv_cd(c, sid, s3e_field_get(CMD_0_SSID, cmd0));
		return 0;
	case CMD_OP_CFGI_CD_ALL:
		s3e_cfgc_inv_cd_all(c, sid);
		return 0;
	case CMD_OP_CFGI_VMS_PIDM:
		return 0;
	}
	return -1;
}
