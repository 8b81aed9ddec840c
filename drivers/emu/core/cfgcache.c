// SPDX-License-Identifier: GPL-2.0-only
/*
 * Configuration cache of the SMMUv3 emulator core: STEs and CDs, hashed,
 * fully associative, CLOCK replacement (slotset.h).  See cfgcache.h for the
 * replacement policy and the invalidation rules.
 */
#include "cfgcache.h"

static inline s3e_u32 cfgc_hash(const struct s3e_cfgc *c, unsigned int type,
				s3e_u32 sid, s3e_u32 ssid)
{
	return s3e_slotset_hash(&c->set, sid ^ (s3e_u64)ssid << 32 ^
					 (s3e_u64)type << 60);
}

unsigned long s3e_cfgc_storage_size(unsigned int capacity)
{
	if (!capacity || capacity > S3E_CFGC_MAX_ENTRIES)
		return 0;
	return (unsigned long)capacity * sizeof(struct s3e_cfgc_entry) +
	       s3e_slotset_size(capacity);
}

int s3e_cfgc_init(struct s3e_cfgc *c, unsigned int capacity, void *storage)
{
	unsigned int i;

	if (!storage || !s3e_cfgc_storage_size(capacity))
		return -1;
	c->entries = storage;
	c->capacity = capacity;
	s3e_slotset_init(&c->set, capacity, c->entries + capacity);
	for (i = 0; i < capacity; i++)
		c->entries[i].type = 0;
	c->used = 0;
	c->stats.hits = 0;
	c->stats.misses = 0;
	c->stats.inserts = 0;
	c->stats.evictions = 0;
	c->stats.removed = 0;
	for (i = 0; i < S3E_CFGI_NR; i++) {
		c->stats.inv[i] = 0;
		s3e_slotset_barrier();
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

static void cfgc_remove(struct s3e_cfgc *c, s3e_u32 i)
{
	struct s3e_cfgc_entry *e = &c->entries[i];

	s3e_slotset_del(&c->set, cfgc_hash(c, e->type, e->sid, e->ssid), i);
	e->type = 0;
	c->used--;
}

static s3e_u32 cfgc_find(const struct s3e_cfgc *c, unsigned int type,
			 s3e_u32 sid, s3e_u32 ssid)
{
	s3e_u32 i = c->set.buckets[cfgc_hash(c, type, sid, ssid)];
	const struct s3e_cfgc_entry *e;

	while (i != S3E_SLOT_NIL) {
		e = &c->entries[i];
		if (e->type == type && e->sid == sid && e->ssid == ssid)
			break;
		i = c->set.next[i];
	}
	return i;
}

static const s3e_u64 *cfgc_lookup(struct s3e_cfgc *c, unsigned int type,
				  s3e_u32 sid, s3e_u32 ssid)
{
	s3e_u32 i = cfgc_find(c, type, sid, ssid);

	if (i == S3E_SLOT_NIL) {
		c->stats.misses++;
		return S3E_NULL;
	}
	s3e_slotset_touch(&c->set, i);
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

static s3e_u32 cfgc_insert(struct s3e_cfgc *c, unsigned int type, s3e_u32 sid,
			   s3e_u32 ssid, const s3e_u64 *words)
{
	s3e_u32 i = cfgc_find(c, type, sid, ssid);
	struct s3e_cfgc_entry *e;
	unsigned int k;

	if (i != S3E_SLOT_NIL)
		cfgc_remove(c, i);
	if (c->set.free == S3E_SLOT_NIL) {
		cfgc_remove(c, s3e_slotset_victim(&c->set));
		c->stats.evictions++;
	}
	i = s3e_slotset_add(&c->set, cfgc_hash(c, type, sid, ssid));
	e = &c->entries[i];
	for (k = 0; k < STE_DWORDS; k++) {
		e->words[k] = words[k];
		s3e_slotset_barrier();
	}
	e->type = type;
	e->sid = sid;
	e->ssid = ssid;
	c->used++;
	c->stats.inserts++;
	return i;
}

s3e_u32 s3e_cfgc_insert_ste(struct s3e_cfgc *c, s3e_u32 sid,
			    const s3e_u64 *ste)
{
	return cfgc_insert(c, S3E_CFGC_STE, sid, 0, ste);
}

s3e_u32 s3e_cfgc_insert_cd(struct s3e_cfgc *c, s3e_u32 sid, s3e_u32 ssid,
			   const s3e_u64 *cd)
{
	return cfgc_insert(c, S3E_CFGC_CD, sid, ssid, cd);
}

/*
 * Remove the entries whose StreamID is in [@sid_first, @sid_last] and whose
 * type is in @types (a mask of 1 << S3E_CFGC_*).
 */
static void cfgc_inv_sids(struct s3e_cfgc *c, s3e_u32 sid_first,
			  s3e_u32 sid_last, unsigned int types)
{
	s3e_u32 i, left = c->used;
	struct s3e_cfgc_entry *e;

	for (i = s3e_slotset_next_used(&c->set, 0);
	     left && i != S3E_SLOT_NIL;
	     i = s3e_slotset_next_used(&c->set, i + 1), left--) {
		e = &c->entries[i];
		if (e->sid >= sid_first && e->sid <= sid_last &&
		    (types & (1U << e->type))) {
			cfgc_remove(c, i);
			c->stats.removed++;
		}
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
