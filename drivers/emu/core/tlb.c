// SPDX-License-Identifier: GPL-2.0-only
/*
 * TLB of the SMMUv3 emulator core: hashed, fully associative, CLOCK
 * replacement (slotset.h).  See tlb.h for the tagging rules, the
 * replacement policy and the scope of each invalidation.
 */
#include "tlb.h"

#define TLB_MIN_SHIFT		12
#define TLB_MAX_SHIFT		S3E_WALK_MAX_SIZE_SHIFT

/* Layout of s3e_tlb_entry.key */
#define TLB_KEY_VMID		0x0000ffffU
#define TLB_KEY_REGIME_SHIFT	16
#define TLB_KEY_KIND_SHIFT	20
#define TLB_KEY_SIZE_SHIFT	24

/* ASID rule of an invalidation */
#define ASID_ANY		0	/* every entry */
#define ASID_NG_ONLY		1	/* non-global entries of the ASID */
#define ASID_OR_GLOBAL		2	/* global entries and those of the ASID */

/* Address rule of an invalidation */
#define ADDR_ANY		0
#define ADDR_INPUT		1	/* entry input range */
#define ADDR_IPA		2	/* stage-2 input range (S2 and S12) */

#define REGIME_BIT(r)		(1U << (r))
#define KIND_BIT(k)		(1U << (k))
#define KINDS_STAGE1		(KIND_BIT(S3E_TLB_S1) | KIND_BIT(S3E_TLB_S12))
#define KINDS_ALL		(KINDS_STAGE1 | KIND_BIT(S3E_TLB_S2))
#define REGIMES_EL2		(REGIME_BIT(S3E_TLB_EL2) | \
				 REGIME_BIT(S3E_TLB_EL2_E2H))

/* Scope of one invalidation */
struct tlb_filter {
	unsigned int regimes;
	unsigned int kinds;
	int any_vmid;
	s3e_u16 vmid;
	s3e_u16 asid;
	int asid_mode;
	int addr_mode;
	s3e_u64 first;
	s3e_u64 last;
	unsigned int level_shift;
};

static inline s3e_u32 tlb_key(unsigned int regime, unsigned int kind,
			      unsigned int vmid, unsigned int shift)
{
	return vmid | regime << TLB_KEY_REGIME_SHIFT |
	       kind << TLB_KEY_KIND_SHIFT | shift << TLB_KEY_SIZE_SHIFT;
}

static inline unsigned int key_regime(s3e_u32 key)
{
	return (key >> TLB_KEY_REGIME_SHIFT) & 0xf;
}

static inline unsigned int key_kind(s3e_u32 key)
{
	return (key >> TLB_KEY_KIND_SHIFT) & 0xf;
}

static inline s3e_u32 tlb_hash(const struct s3e_tlb *tlb, s3e_u64 va,
			       s3e_u32 key)
{
	return s3e_slotset_hash(&tlb->set, (va >> (key >> TLB_KEY_SIZE_SHIFT)) ^
					   ((s3e_u64)key << 36));
}

unsigned long s3e_tlb_storage_size(unsigned int capacity)
{
	if (!capacity || capacity > S3E_TLB_MAX_ENTRIES)
		return 0;
	return (unsigned long)capacity * sizeof(struct s3e_tlb_entry) +
	       s3e_slotset_size(capacity);
}

int s3e_tlb_init(struct s3e_tlb *tlb, unsigned int capacity, void *storage)
{
	unsigned int i;

	if (!storage || !s3e_tlb_storage_size(capacity))
		return -1;
	tlb->entries = storage;
	tlb->capacity = capacity;
	s3e_slotset_init(&tlb->set, capacity, tlb->entries + capacity);
	for (i = 0; i < capacity; i++)
		tlb->entries[i].valid = 0;
	tlb->used = 0;
	tlb->sizes = 0;
	tlb->honour_ttl = 0;
	for (i = 0; i < 64; i++) {
		tlb->size_count[i] = 0;
		s3e_slotset_barrier();
	}
	tlb->stats.hits = 0;
	tlb->stats.misses = 0;
	tlb->stats.inserts = 0;
	tlb->stats.evictions = 0;
	tlb->stats.removed = 0;
	for (i = 0; i < S3E_TLBI_NR; i++) {
		tlb->stats.inv[i] = 0;
		s3e_slotset_barrier();
	}
	return 0;
}

int s3e_tlb_init_alloc(struct s3e_tlb *tlb, unsigned int capacity,
		       void *(*alloc)(void *ctx, unsigned long size),
		       void *ctx)
{
	unsigned long size = s3e_tlb_storage_size(capacity);

	if (!size || !alloc)
		return -1;
	return s3e_tlb_init(tlb, capacity, alloc(ctx, size));
}

static void tlb_remove(struct s3e_tlb *tlb, s3e_u32 i)
{
	struct s3e_tlb_entry *e = &tlb->entries[i];

	s3e_slotset_del(&tlb->set, tlb_hash(tlb, e->va, e->key), i);
	if (!--tlb->size_count[e->size_shift])
		tlb->sizes &= ~(1ULL << e->size_shift);
	e->valid = 0;
	tlb->used--;
}

/* Key of @tag's entries of size 2^@shift, as stored in s3e_tlb_entry.key */
static inline s3e_u32 tag_key(const struct s3e_tlb_tag *tag,
			      unsigned int shift)
{
	unsigned int vmid = tag->regime == S3E_TLB_NSEL1 ? tag->vmid : 0;

	return tlb_key(tag->regime, tag->kind, vmid, shift);
}

/* The entry of @tag for the 2^@shift-aligned block holding @iova, or NULL */
static inline struct s3e_tlb_entry *tlb_probe(struct s3e_tlb *tlb,
					      const struct s3e_tlb_tag *tag,
					      s3e_u64 iova, unsigned int shift)
{
	s3e_u64 va = iova >> shift << shift;
	s3e_u32 key = tag_key(tag, shift);
	s3e_u32 i = tlb->set.buckets[tlb_hash(tlb, va, key)];
	struct s3e_tlb_entry *e;

	for (; i != S3E_SLOT_NIL; i = tlb->set.next[i]) {
		e = &tlb->entries[i];
		if (e->va == va && e->key == key &&
		    (!e->ng || e->asid == tag->asid)) {
			s3e_slotset_touch(&tlb->set, i);
			return e;
		}
	}
	return S3E_NULL;
}

/* The larger sizes present, after a miss on the smallest one */
static const struct s3e_tlb_entry *
tlb_lookup_larger(struct s3e_tlb *tlb, const struct s3e_tlb_tag *tag,
		  s3e_u64 iova, s3e_u64 sizes)
{
	struct s3e_tlb_entry *e;

	while (sizes) {
		/*
		 * Reload the table pointers on each probe rather than keep
		 * them in registers across the loop: on x86-64 those would
		 * have to be saved on entry to the whole function, slowing
		 * the common one-probe hit.
		 */
		s3e_slotset_barrier();
		e = tlb_probe(tlb, tag, iova, __builtin_ctzll(sizes));
		if (e) {
			tlb->stats.hits++;
			return e;
		}
		sizes &= sizes - 1;
	}
	tlb->stats.misses++;
	return S3E_NULL;
}

const struct s3e_tlb_entry *s3e_tlb_lookup(struct s3e_tlb *tlb,
					   const struct s3e_tlb_tag *tag,
					   s3e_u64 iova)
{
	s3e_u64 sizes = tlb->sizes;
	struct s3e_tlb_entry *e;

	/* Sizes present, smallest first */
	if (sizes) {
		e = tlb_probe(tlb, tag, iova, __builtin_ctzll(sizes));
		if (e) {
			tlb->stats.hits++;
			return e;
		}
		sizes &= sizes - 1;
		if (sizes)
			return tlb_lookup_larger(tlb, tag, iova, sizes);
	}
	tlb->stats.misses++;
	return S3E_NULL;
}

const struct s3e_tlb_entry *s3e_tlb_insert(struct s3e_tlb *tlb,
					   const struct s3e_tlb_tag *tag,
					   s3e_u64 iova,
					   const struct s3e_walk_result *res,
					   unsigned int s2_gshift)
{
	unsigned int regime = tag->regime, kind = tag->kind;
	unsigned int shift = res->size_shift, s2_shift = 0;
	unsigned int vmid = regime == S3E_TLB_NSEL1 ? tag->vmid : 0;
	unsigned int ng = res->ng ? 1 : 0, asid = tag->asid;
	struct s3e_tlb_entry *e;
	s3e_u32 key, h, i;
	s3e_u64 va;

	if (res->fault || shift < TLB_MIN_SHIFT || shift > TLB_MAX_SHIFT ||
	    regime > S3E_TLB_EL2_E2H || kind > S3E_TLB_S12)
		return S3E_NULL;
	if (kind == S3E_TLB_S12) {
		if ((s2_gshift != 12 && s2_gshift != 14 && s2_gshift != 16) ||
		    res->s2_level > 3)
			return S3E_NULL;
		s2_shift = s2_gshift + (3 - res->s2_level) * (s2_gshift - 3);
		if (s2_shift < shift)
			return S3E_NULL;
	}
	/* Stage-2 and plain EL2 entries have no ASID: store them global */
	if (kind == S3E_TLB_S2 || regime == S3E_TLB_EL2) {
		ng = 0;
		asid = 0;
	} else if (!ng) {
		asid = 0;
	}

	va = iova & ~((1ULL << shift) - 1);
	key = tlb_key(regime, kind, vmid, shift);
	h = tlb_hash(tlb, va, key);

	/* Replace an entry of the same tag and range */
	for (i = tlb->set.buckets[h]; i != S3E_SLOT_NIL; i = tlb->set.next[i]) {
		e = &tlb->entries[i];
		if (e->va == va && e->key == key && e->ng == ng &&
		    e->asid == asid) {
			tlb_remove(tlb, i);
			break;
		}
	}

	if (tlb->set.free == S3E_SLOT_NIL) {
		tlb_remove(tlb, s3e_slotset_victim(&tlb->set));
		tlb->stats.evictions++;
	}
	i = s3e_slotset_add(&tlb->set, h);
	e = &tlb->entries[i];

	e->va = va;
	e->oa = res->oa & ~((1ULL << shift) - 1);
	if (kind == S3E_TLB_S12)
		e->ipa = res->ipa & ~((1ULL << s2_shift) - 1);
	else if (kind == S3E_TLB_S2)
		e->ipa = va;
	else
		e->ipa = 0;
	e->key = key;
	e->asid = asid;
	e->size_shift = shift;
	e->s2_size_shift = kind == S3E_TLB_S2 ? shift : s2_shift;
	e->ng = ng;
	e->perm = res->perm;
	e->s1_perm = res->s1_perm;
	e->s2_perm = res->s2_perm;
	e->valid = 1;

	if (!tlb->size_count[shift]++)
		tlb->sizes |= 1ULL << shift;
	tlb->used++;
	tlb->stats.inserts++;
	return e;
}

static int range_overlaps(s3e_u64 base, unsigned int shift,
			  const struct tlb_filter *f)
{
	s3e_u64 end = base + ((1ULL << shift) - 1);

	return base <= f->last && f->first <= end;
}

static int tlb_match(const struct s3e_tlb_entry *e, const struct tlb_filter *f)
{
	unsigned int kind = key_kind(e->key);

	if (!(f->regimes & REGIME_BIT(key_regime(e->key))) ||
	    !(f->kinds & KIND_BIT(kind)))
		return 0;
	if (!f->any_vmid && (e->key & TLB_KEY_VMID) != f->vmid)
		return 0;
	switch (f->asid_mode) {
	case ASID_NG_ONLY:
		if (!e->ng || e->asid != f->asid)
			return 0;
		break;
	case ASID_OR_GLOBAL:
		if (e->ng && e->asid != f->asid)
			return 0;
		break;
	}
	/*
	 * §4.4.1.1: a TLBI with TTL need only remove entries of that level;
	 * nested (S12) entries, whose stage-1 level is not kept, go anyway
	 */
	if (f->level_shift &&
	    ((kind == S3E_TLB_S1 && f->addr_mode == ADDR_INPUT &&
	      e->size_shift != f->level_shift) ||
	     (kind == S3E_TLB_S2 && f->addr_mode == ADDR_IPA &&
	      e->s2_size_shift != f->level_shift)))
		return 0;
	switch (f->addr_mode) {
	case ADDR_INPUT:
		return range_overlaps(e->va, e->size_shift, f);
	case ADDR_IPA:
		return range_overlaps(e->ipa, e->s2_size_shift, f);
	}
	return 1;
}

/* Number of keys the filter's regimes and kinds make: at most 9 */
#define TLB_FILTER_KEYS	((S3E_TLB_EL2_E2H + 1) * (S3E_TLB_S12 + 1))

/* The keys (of size 0) of the regime and kind combinations of @f */
static unsigned int tlb_filter_keys(const struct tlb_filter *f,
				    s3e_u32 keys[TLB_FILTER_KEYS])
{
	unsigned int r, k, n = 0;

	for (r = 0; r <= S3E_TLB_EL2_E2H; r++)
		for (k = 0; k <= S3E_TLB_S12; k++)
			if ((f->regimes & REGIME_BIT(r)) &&
			    (f->kinds & KIND_BIT(k)))
				keys[n++] = tlb_key(r, k, f->vmid, 0);
	return n;
}

/*
 * Hash probes that find every entry an ADDR_INPUT filter can remove: one
 * per key, size present and block of that size overlapping the range.
 * Counting stops once over @limit.
 */
static s3e_u64 tlb_probes(const struct s3e_tlb *tlb, s3e_u64 first,
			  s3e_u64 last, unsigned int nkeys, s3e_u64 limit)
{
	s3e_u64 sizes = tlb->sizes, n = 0;
	unsigned int shift;

	while (sizes && n <= limit) {
		shift = __builtin_ctzll(sizes);
		sizes &= sizes - 1;
		/* At most 2^52 blocks times 9 keys: no overflow */
		n += ((last >> shift) - (first >> shift) + 1) * nkeys;
	}
	return n;
}

/* Remove the entries matching @f among those keyed (@va, @key) */
static void tlb_invalidate_block(struct s3e_tlb *tlb,
				 const struct tlb_filter *f, s3e_u64 va,
				 s3e_u32 key)
{
	s3e_u32 i = tlb->set.buckets[tlb_hash(tlb, va, key)], next;
	struct s3e_tlb_entry *e;

	/* Several entries may share the block: one per ASID */
	for (; i != S3E_SLOT_NIL; i = next) {
		next = tlb->set.next[i];
		e = &tlb->entries[i];
		if (e->va == va && e->key == key && tlb_match(e, f)) {
			tlb_remove(tlb, i);
			tlb->stats.removed++;
		}
	}
}

/*
 * An invalidation by input address covering few blocks (typically one page
 * per command) looks the candidate blocks up in the hash table instead of
 * visiting every entry.
 */
static void tlb_invalidate_probing(struct s3e_tlb *tlb,
				   const struct tlb_filter *f,
				   const s3e_u32 *keys, unsigned int nkeys)
{
	s3e_u64 sizes = tlb->sizes, block, n, j;
	unsigned int shift, k;

	while (sizes) {
		shift = __builtin_ctzll(sizes);
		sizes &= sizes - 1;
		block = f->first >> shift;
		n = (f->last >> shift) - block + 1;
		for (j = 0; j < n; j++)
			for (k = 0; k < nkeys; k++)
				tlb_invalidate_block(tlb, f, (block + j) << shift,
						     keys[k] |
						     shift << TLB_KEY_SIZE_SHIFT);
	}
}

static void tlb_invalidate(struct s3e_tlb *tlb, const struct tlb_filter *f,
			   enum s3e_tlbi_kind op)
{
	s3e_u32 i, left = tlb->used, keys[TLB_FILTER_KEYS];
	unsigned int nkeys;

	tlb->stats.inv[op]++;
	if (f->addr_mode == ADDR_INPUT && !f->any_vmid) {
		nkeys = tlb_filter_keys(f, keys);
		if (tlb_probes(tlb, f->first, f->last, nkeys, left) <= left) {
			tlb_invalidate_probing(tlb, f, keys, nkeys);
			return;
		}
	}
	for (i = s3e_slotset_next_used(&tlb->set, 0);
	     left && i != S3E_SLOT_NIL;
	     i = s3e_slotset_next_used(&tlb->set, i + 1), left--) {
		if (tlb_match(&tlb->entries[i], f)) {
			tlb_remove(tlb, i);
			tlb->stats.removed++;
		}
	}
}

/* Filter of the Non-secure EL1 stage-1 (and nested) entries of @vmid */
static void filter_nh(struct tlb_filter *f, s3e_u16 vmid)
{
	f->regimes = REGIME_BIT(S3E_TLB_NSEL1);
	f->kinds = KINDS_STAGE1;
	f->any_vmid = 0;
	f->vmid = vmid;
	f->asid = 0;
	f->asid_mode = ASID_ANY;
	f->addr_mode = ADDR_ANY;
	f->first = 0;
	f->last = ~0ULL;
	f->level_shift = 0;
}

static void filter_el2(struct tlb_filter *f)
{
	filter_nh(f, 0);
	f->regimes = REGIMES_EL2;
}

/*
 * Size of the entries of a TLBI's TTL level (§4.4.1.1, with TG): 0 when
 * the command gives no level
 */
static unsigned int tlbi_level_shift(s3e_u64 cmd1)
{
	unsigned int tg = s3e_field_get(CMD_TLBI_1_TG, cmd1);
	unsigned int ttl = s3e_field_get(CMD_TLBI_1_TTL, cmd1);
	unsigned int g;

	/*
	 * TG = 16KB with TTL = 0b01 is reserved without IDR5.DS (the model
	 * has none) and treated as TTL = 0b00: any level
	 */
	if (!tg || !ttl || (tg == CMD_TLBI_TG_16K && ttl == 1))
		return 0;
	g = tg == CMD_TLBI_TG_4K ? 12 : tg == CMD_TLBI_TG_16K ? 14 : 16;
	return g + (3 - ttl) * (g - 3);
}

/* @level_shift: entries of that size only (a TTL hint), 0: any size */
static void filter_range(struct tlb_filter *f, int mode, s3e_u64 first,
			 s3e_u64 last, unsigned int level_shift)
{
	f->level_shift = level_shift;
	f->addr_mode = mode;
	f->first = first;
	f->last = last;
}

void s3e_tlb_inv_nh_all(struct s3e_tlb *tlb, s3e_u16 vmid)
{
	struct tlb_filter f;

	filter_nh(&f, vmid);
	tlb_invalidate(tlb, &f, S3E_TLBI_NH_ALL);
}

void s3e_tlb_inv_nh_asid(struct s3e_tlb *tlb, s3e_u16 vmid, s3e_u16 asid)
{
	struct tlb_filter f;

	filter_nh(&f, vmid);
	f.asid = asid;
	f.asid_mode = ASID_NG_ONLY;
	tlb_invalidate(tlb, &f, S3E_TLBI_NH_ASID);
}

static void tlb_inv_nh_va(struct s3e_tlb *tlb, s3e_u16 vmid, s3e_u16 asid,
			  s3e_u64 first, s3e_u64 last,
			  unsigned int level_shift)
{
	struct tlb_filter f;

	filter_nh(&f, vmid);
	f.asid = asid;
	f.asid_mode = ASID_OR_GLOBAL;
	filter_range(&f, ADDR_INPUT, first, last, level_shift);
	tlb_invalidate(tlb, &f, S3E_TLBI_NH_VA);
}

void s3e_tlb_inv_nh_va(struct s3e_tlb *tlb, s3e_u16 vmid, s3e_u16 asid,
		       s3e_u64 first, s3e_u64 last)
{
	tlb_inv_nh_va(tlb, vmid, asid, first, last, 0);
}

static void tlb_inv_nh_vaa(struct s3e_tlb *tlb, s3e_u16 vmid, s3e_u64 first,
			   s3e_u64 last, unsigned int level_shift)
{
	struct tlb_filter f;

	filter_nh(&f, vmid);
	filter_range(&f, ADDR_INPUT, first, last, level_shift);
	tlb_invalidate(tlb, &f, S3E_TLBI_NH_VAA);
}

void s3e_tlb_inv_nh_vaa(struct s3e_tlb *tlb, s3e_u16 vmid, s3e_u64 first,
			s3e_u64 last)
{
	tlb_inv_nh_vaa(tlb, vmid, first, last, 0);
}

void s3e_tlb_inv_el2_all(struct s3e_tlb *tlb)
{
	struct tlb_filter f;

	filter_el2(&f);
	tlb_invalidate(tlb, &f, S3E_TLBI_EL2_ALL);
}

void s3e_tlb_inv_el2_asid(struct s3e_tlb *tlb, s3e_u16 asid)
{
	struct tlb_filter f;

	filter_el2(&f);
	f.asid = asid;
	f.asid_mode = ASID_NG_ONLY;
	tlb_invalidate(tlb, &f, S3E_TLBI_EL2_ASID);
}

static void tlb_inv_el2_va(struct s3e_tlb *tlb, s3e_u16 asid, s3e_u64 first,
			   s3e_u64 last, unsigned int level_shift)
{
	struct tlb_filter f;

	filter_el2(&f);
	f.asid = asid;
	f.asid_mode = ASID_OR_GLOBAL;
	filter_range(&f, ADDR_INPUT, first, last, level_shift);
	tlb_invalidate(tlb, &f, S3E_TLBI_EL2_VA);
}

void s3e_tlb_inv_el2_va(struct s3e_tlb *tlb, s3e_u16 asid, s3e_u64 first,
			s3e_u64 last)
{
	tlb_inv_el2_va(tlb, asid, first, last, 0);
}

static void tlb_inv_el2_vaa(struct s3e_tlb *tlb, s3e_u64 first, s3e_u64 last,
			    unsigned int level_shift)
{
	struct tlb_filter f;

	filter_el2(&f);
	filter_range(&f, ADDR_INPUT, first, last, level_shift);
	tlb_invalidate(tlb, &f, S3E_TLBI_EL2_VAA);
}

void s3e_tlb_inv_el2_vaa(struct s3e_tlb *tlb, s3e_u64 first, s3e_u64 last)
{
	tlb_inv_el2_vaa(tlb, first, last, 0);
}

void s3e_tlb_inv_s12_vmall(struct s3e_tlb *tlb, s3e_u16 vmid)
{
	struct tlb_filter f;

	filter_nh(&f, vmid);
	f.kinds = KINDS_ALL;
	tlb_invalidate(tlb, &f, S3E_TLBI_S12_VMALL);
}

static void tlb_inv_s2_ipa(struct s3e_tlb *tlb, s3e_u16 vmid, s3e_u64 first,
			   s3e_u64 last, unsigned int level_shift)
{
	struct tlb_filter f;

	filter_nh(&f, vmid);
	f.kinds = KIND_BIT(S3E_TLB_S2) | KIND_BIT(S3E_TLB_S12);
	filter_range(&f, ADDR_IPA, first, last, level_shift);
	tlb_invalidate(tlb, &f, S3E_TLBI_S2_IPA);
}

void s3e_tlb_inv_s2_ipa(struct s3e_tlb *tlb, s3e_u16 vmid, s3e_u64 first,
			s3e_u64 last)
{
	tlb_inv_s2_ipa(tlb, vmid, first, last, 0);
}

void s3e_tlb_inv_nsnh_all(struct s3e_tlb *tlb)
{
	struct tlb_filter f;

	filter_nh(&f, 0);
	f.kinds = KINDS_ALL;
	f.any_vmid = 1;
	tlb_invalidate(tlb, &f, S3E_TLBI_NSNH_ALL);
}

void s3e_tlb_flush(struct s3e_tlb *tlb)
{
	struct tlb_filter f;

	filter_nh(&f, 0);
	f.regimes = REGIME_BIT(S3E_TLB_NSEL1) | REGIMES_EL2;
	f.kinds = KINDS_ALL;
	f.any_vmid = 1;
	tlb_invalidate(tlb, &f, S3E_TLBI_FLUSH);
}

void s3e_tlbi_range(s3e_u64 addr, unsigned int tg, unsigned int num,
		    unsigned int scale, s3e_u64 *first, s3e_u64 *last)
{
	unsigned int gshift, shift;
	s3e_u64 pages = (s3e_u64)num + 1, len;

	if (!tg) {
		*first = addr;
		*last = addr;
		return;
	}
	gshift = tg == CMD_TLBI_TG_4K ? 12 : tg == CMD_TLBI_TG_16K ? 14 : 16;
	*first = addr & ~((1ULL << gshift) - 1);
	shift = scale + gshift;
	if (shift >= 64 || pages > (~0ULL >> shift)) {
		*last = ~0ULL;
		return;
	}
	len = pages << shift;
	*last = *first + (len - 1);
	if (*last < *first)
		*last = ~0ULL;
}

int s3e_tlb_exec_cmd(struct s3e_tlb *tlb, s3e_u64 cmd0, s3e_u64 cmd1)
{
	s3e_u16 vmid = s3e_field_get(CMD_TLBI_0_VMID, cmd0);
	s3e_u16 asid = s3e_field_get(CMD_TLBI_0_ASID, cmd0);
	unsigned int tg = s3e_field_get(CMD_TLBI_1_TG, cmd1);
	unsigned int num = s3e_field_get(CMD_TLBI_0_NUM, cmd0);
	unsigned int scale = s3e_field_get(CMD_TLBI_0_SCALE, cmd0);
	s3e_u64 first, last;
	unsigned int shift;

	/* strict mode: a TTL hint limits the VA/IPA forms to one level */
	shift = tlb->honour_ttl ? tlbi_level_shift(cmd1) : 0;
	switch (s3e_field_get(CMD_0_OP, cmd0)) {
	case CMD_OP_TLBI_NH_ALL:
		s3e_tlb_inv_nh_all(tlb, vmid);
		return 0;
	case CMD_OP_TLBI_NH_ASID:
		s3e_tlb_inv_nh_asid(tlb, vmid, asid);
		return 0;
	case CMD_OP_TLBI_NH_VA:
		s3e_tlbi_range(cmd1 & CMD_TLBI_1_VA, tg, num, scale,
			       &first, &last);
		tlb_inv_nh_va(tlb, vmid, asid, first, last, shift);
		return 0;
	case CMD_OP_TLBI_NH_VAA:
		s3e_tlbi_range(cmd1 & CMD_TLBI_1_VA, tg, num, scale,
			       &first, &last);
		tlb_inv_nh_vaa(tlb, vmid, first, last, shift);
		return 0;
	case CMD_OP_TLBI_EL2_ALL:
		s3e_tlb_inv_el2_all(tlb);
		return 0;
	case CMD_OP_TLBI_EL2_ASID:
		s3e_tlb_inv_el2_asid(tlb, asid);
		return 0;
	case CMD_OP_TLBI_EL2_VA:
		s3e_tlbi_range(cmd1 & CMD_TLBI_1_VA, tg, num, scale,
			       &first, &last);
		tlb_inv_el2_va(tlb, asid, first, last, shift);
		return 0;
	case CMD_OP_TLBI_EL2_VAA:
		s3e_tlbi_range(cmd1 & CMD_TLBI_1_VA, tg, num, scale,
			       &first, &last);
		tlb_inv_el2_vaa(tlb, first, last, shift);
		return 0;
	case CMD_OP_TLBI_S12_VMALL:
		s3e_tlb_inv_s12_vmall(tlb, vmid);
		return 0;
	case CMD_OP_TLBI_S2_IPA:
		s3e_tlbi_range(cmd1 & CMD_TLBI_1_IPA, tg, num, scale,
			       &first, &last);
		tlb_inv_s2_ipa(tlb, vmid, first, last, shift);
		return 0;
	case CMD_OP_TLBI_NSNH_ALL:
		s3e_tlb_inv_nsnh_all(tlb);
		return 0;
	case CMD_OP_TLBI_EL3_ALL:
	case CMD_OP_TLBI_EL3_VA:
		return 0;
	}
	return -1;
}
