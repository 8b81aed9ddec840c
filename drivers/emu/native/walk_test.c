// SPDX-License-Identifier: GPL-2.0-only
/*
 * Native tests and micro-benchmark of the emulator's translation table
 * walker.
 *
 * Tables live in a simulated physical memory: a malloc'ed array that
 * stands for RAM at RAM_BASE.  Addresses outside it abort.  The tables are
 * written here descriptor by descriptor, as the architecture lays them out,
 * independently of the walker.
 *
 * Usage: walk_test           run the tests
 *        walk_test --bench   time stage-1 and nested walks
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "test_util.h"
#include "walk.h"

#define RAM_BASE	0x40000000ULL
#define RAM_SIZE	(64ULL << 20)
#define HOLE_PA		0x10000000ULL	/* not RAM: accesses abort */

#define SZ_4K		0x1000ULL
#define SZ_16K		0x4000ULL
#define SZ_64K		0x10000ULL
#define SZ_2M		0x200000ULL

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define GENMASK		SMMU3_GENMASK
#define BIT		SMMU3_BIT

#define ACC_R		0
#define ACC_W		S3E_ACC_WRITE
#define ACC_X		S3E_ACC_EXEC
#define ACC_P		S3E_ACC_PRIV

/* Leaf attributes of an ordinary stage-1 page: RW at EL1 and EL0 */
#define S1_RW		(TTD_AF | TTD_AP_UNPRIV | TTD_NG)
/* Leaf attributes of an ordinary stage-2 page: RW, normal memory */
#define S2_RW		(TTD_AF | TTD_S2AP_READ | TTD_S2AP_WRITE | \
			 s3e_field_prep(TTD_S2_MEMATTR, 0xf))

static unsigned char *ram;
static s3e_u64 ram_next;

/* cmpxchg behaviour for the access flag tests */
static int xchg_races;		/* remaining calls that lose a race */
static int xchg_abort;		/* the next call aborts */
static int xchg_calls;
static int read_calls;

static int mem_read64(void *ctx, s3e_u64 pa, s3e_u64 *val)
{
	s3e_u64 v;

	(void)ctx;
	read_calls++;
	if (pa < RAM_BASE || pa - RAM_BASE > RAM_SIZE - 8)
		return -1;
	memcpy(&v, ram + (pa - RAM_BASE), 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);
#endif
	*val = v;
	return 0;
}

static int mem_cmpxchg64(void *ctx, s3e_u64 pa, s3e_u64 old, s3e_u64 newval)
{
	s3e_u64 *p;

	(void)ctx;
	xchg_calls++;
	if (pa < RAM_BASE || pa - RAM_BASE > RAM_SIZE - 8 || xchg_abort) {
		xchg_abort = 0;
		return -1;
	}
	p = (s3e_u64 *)(ram + (pa - RAM_BASE));
	if (xchg_races > 0) {
		/* Another agent changes a software bit under the walker */
		xchg_races--;
		__atomic_fetch_xor(p, BIT(56), __ATOMIC_SEQ_CST);
		return 1;
	}
	return __atomic_compare_exchange_n(p, &old, newval, 0,
					   __ATOMIC_SEQ_CST,
					   __ATOMIC_SEQ_CST) ? 0 : 1;
}

static struct s3e_walker walker = {
	.mem = { .read64 = mem_read64, .cmpxchg64 = mem_cmpxchg64 },
	.oas = 48,
};

static void wr64(s3e_u64 pa, s3e_u64 val)
{
	if (pa < RAM_BASE || pa - RAM_BASE > RAM_SIZE - 8) {
		fprintf(stderr, "test bug: write outside RAM %llx\n",
			(unsigned long long)pa);
		exit(2);
	}
	memcpy(ram + (pa - RAM_BASE), &val, 8);
}

static s3e_u64 rd64(s3e_u64 pa)
{
	s3e_u64 v = 0;

	mem_read64(NULL, pa, &v);
	return v;
}

static void ram_reset(void)
{
	memset(ram, 0, ram_next);
	ram_next = 0;
	walker.oas = 48;
	walker.features = 0;
	walker.mem.cmpxchg64 = mem_cmpxchg64;
	xchg_races = 0;
	xchg_abort = 0;
	xchg_calls = 0;
}

/* Zeroed physical memory, aligned to @align (a power of two) */
static s3e_u64 pa_alloc(s3e_u64 size, s3e_u64 align)
{
	s3e_u64 off = (ram_next + align - 1) & ~(align - 1);

	if (off + size > RAM_SIZE) {
		fprintf(stderr, "test bug: out of simulated RAM\n");
		exit(2);
	}
	ram_next = off + size;
	return RAM_BASE + off;
}

/* ------------------------------------------------------------------ */

/*
 * A table tree under construction.  @ipa_off is added to the physical
 * address of a table to form the address stored in descriptors (non-zero
 * for stage-1 tables of a nested walk, which hold IPAs).
 */
struct tree {
	s3e_u64 base;		/* start table, physical */
	s3e_u64 ipa_off;
	unsigned int gshift;
	unsigned int start;
	unsigned int ias;
};

static unsigned int lvl_shift(const struct tree *t, unsigned int lvl)
{
	return t->gshift + (3 - lvl) * (t->gshift - 3);
}

static unsigned int lvl_bits(const struct tree *t, unsigned int lvl)
{
	return lvl == t->start ? t->ias - lvl_shift(t, lvl) : t->gshift - 3;
}

static void tree_new(struct tree *t, unsigned int gshift, unsigned int start,
		     unsigned int ias)
{
	s3e_u64 size;

	t->gshift = gshift;
	t->start = start;
	t->ias = ias;
	t->ipa_off = 0;
	size = 8ULL << lvl_bits(t, start);
	if (size < 64)
		size = 64;
	t->base = pa_alloc(size, size);
}

/* Physical address of the descriptor for @ia at level @lvl of @table */
static s3e_u64 desc_pa(const struct tree *t, s3e_u64 table, s3e_u64 ia,
		       unsigned int lvl)
{
	s3e_u64 idx = (ia >> lvl_shift(t, lvl)) &
		      ((1ULL << lvl_bits(t, lvl)) - 1);

	return table + idx * 8;
}

/*
 * Write @desc as the descriptor translating @ia at @level, creating the
 * intermediate tables on the way; or-in @tattr to every table descriptor
 * on the path.  Returns the physical address of the written descriptor.
 */
static s3e_u64 tree_set(struct tree *t, s3e_u64 ia, unsigned int level,
			s3e_u64 desc, s3e_u64 tattr)
{
	s3e_u64 table = t->base, d, dpa, next;
	unsigned int l;

	for (l = t->start; l < level; l++) {
		dpa = desc_pa(t, table, ia, l);
		d = rd64(dpa);
		if (!(d & TTD_VALID)) {
			next = pa_alloc(1ULL << t->gshift, 1ULL << t->gshift);
			d = (next + t->ipa_off) | TTD_TABLE | TTD_VALID;
		}
		d |= tattr;
		wr64(dpa, d);
		table = (d & GENMASK(47, t->gshift)) - t->ipa_off;
	}
	dpa = desc_pa(t, table, ia, level);
	wr64(dpa, desc);
	return dpa;
}

/* Block (level < 3) or page (level 3) descriptor */
static s3e_u64 leaf(s3e_u64 oa, unsigned int level, s3e_u64 attrs)
{
	return oa | attrs | TTD_VALID | (level == 3 ? TTD_TABLE : 0);
}

static s3e_u64 map(struct tree *t, s3e_u64 ia, unsigned int level,
		   s3e_u64 oa, s3e_u64 attrs)
{
	return tree_set(t, ia, level, leaf(oa, level, attrs), 0);
}

static void s1_cfg_init(struct s3e_s1_cfg *c, const struct tree *t,
			unsigned int tg, unsigned int tsz)
{
	memset(c, 0, sizeof(*c));
	c->tt[0].ttb = t->base + t->ipa_off;
	c->tt[0].tsz = tsz;
	c->tt[0].tg = tg;
	c->tt[1].flags = S3E_TT_EPD;
	c->ips = PS_48;
}

static void s2_cfg_init(struct s3e_s2_cfg *c, const struct tree *t,
			unsigned int tg, unsigned int sl0, unsigned int t0sz)
{
	memset(c, 0, sizeof(*c));
	c->ttb = t->base;
	c->t0sz = t0sz;
	c->sl0 = sl0;
	c->tg = tg;
	c->ps = PS_48;
}

static unsigned int s1_tg(unsigned int gshift)
{
	return gshift == 12 ? CD_TG0_4K : gshift == 14 ? CD_TG0_16K :
	       CD_TG0_64K;
}

static unsigned int s2_tg(unsigned int gshift)
{
	return gshift == 12 ? S2TG_4K : gshift == 14 ? S2TG_16K : S2TG_64K;
}

/* ------------------------------------------------------------------ */

static void case_reset(void)
{
	ram_reset();
}

/* Expect a successful walk that outputs @oa */
static void expect_ok(int line, int rc, const struct s3e_walk_result *res,
		      s3e_u64 oa)
{
	if (rc)
		expect_fail(line, "fault", rc, 0);
	else if (res->fault)
		expect_fail(line, "res.fault", res->fault, 0);
	else if (res->oa != oa)
		expect_fail(line, "res.oa", res->oa, oa);
}

/* Expect a fault of type @fault at @stage */
static void expect_fault(int line, int rc, const struct s3e_walk_result *res,
			 int fault, unsigned int stage)
{
	if (rc != fault)
		expect_fail(line, "fault", rc, fault);
	else if (res->fault != fault)
		expect_fail(line, "res.fault", res->fault, fault);
	else if (res->stage != stage)
		expect_fail(line, "res.stage", res->stage, stage);
}

#define EXPECT_OK(rc, res, oa)	expect_ok(__LINE__, rc, &(res), oa)
#define EXPECT_FAULT(rc, res, fault, stage)				\
	expect_fault(__LINE__, rc, &(res), fault, stage)

/* ------------------------------------------------------------------ */

/* Four levels of 4KB tables with literal indices, no table builder */
static void test_s1_literal(void)
{
	s3e_u64 l0, l1, l2, l3, va = 0x123456789abcULL;
	struct s3e_walk_result res;
	struct s3e_s1_cfg c = { 0 };
	int rc;

	case_begin("s1_4k_literal_4level");
	l0 = pa_alloc(SZ_4K, SZ_4K);
	l1 = pa_alloc(SZ_4K, SZ_4K);
	l2 = pa_alloc(SZ_4K, SZ_4K);
	l3 = pa_alloc(SZ_4K, SZ_4K);
	/* VA[47:39] = 0x24, [38:30] = 0xd1, [29:21] = 0xb3, [20:12] = 0x189 */
	wr64(l0 + 0x24 * 8, l1 | 3);
	wr64(l1 + 0xd1 * 8, l2 | 3);
	wr64(l2 + 0xb3 * 8, l3 | 3);
	wr64(l3 + 0x189 * 8, 0x0000008765432000ULL | 0x743);	/* AF, AP=01 */
	c.tt[0].ttb = l0;
	c.tt[0].tsz = 16;
	c.tt[0].tg = CD_TG0_4K;
	c.tt[1].flags = S3E_TT_EPD;
	c.ips = PS_48;
	rc = s3e_walk_s1(&walker, &c, NULL, va, ACC_R, &res);
	EXPECT_OK(rc, res, 0x8765432abcULL);
	EXPECT_EQ(res.level, 3);
	EXPECT_EQ(res.size_shift, 12);
	EXPECT_EQ(res.s1_desc, 0x0000008765432743ULL);
	EXPECT_EQ(res.perm, S3E_PERM_UR | S3E_PERM_UW | S3E_PERM_UX |
		  S3E_PERM_PR | S3E_PERM_PW);
	rc = s3e_walk_s1(&walker, &c, NULL, va, ACC_W | ACC_P, &res);
	EXPECT_OK(rc, res, 0x8765432abcULL);
	case_end();
}

struct start_case {
	unsigned int gshift, tsz, stt, start;
};

/* Start levels chosen from TxSZ, for every granule */
static const struct start_case s1_starts[] = {
	{ 12, 16, 0, 0 }, { 12, 25, 0, 1 }, { 12, 33, 0, 1 },
	{ 12, 34, 0, 2 }, { 12, 39, 0, 2 }, { 12, 43, 1, 3 },
	{ 12, 48, 1, 3 },
	{ 14, 16, 0, 0 }, { 14, 17, 0, 1 }, { 14, 27, 0, 1 },
	{ 14, 28, 0, 2 }, { 14, 38, 0, 2 }, { 14, 39, 0, 3 },
	{ 14, 48, 1, 3 },
	{ 16, 16, 0, 1 }, { 16, 21, 0, 1 }, { 16, 22, 0, 2 },
	{ 16, 34, 0, 2 }, { 16, 35, 0, 3 }, { 16, 46, 1, 3 },
};

static void test_s1_start_levels(void)
{
	struct s3e_walk_result res;
	struct s3e_s1_cfg c;
	unsigned int i;
	struct tree t;
	int rc;

	for (i = 0; i < ARRAY_SIZE(s1_starts); i++) {
		const struct start_case *sc = &s1_starts[i];
		unsigned int ias = 64 - sc->tsz;
		s3e_u64 top = (1ULL << ias) - (1ULL << sc->gshift);
		s3e_u64 pg = 1ULL << sc->gshift;

		case_begin("s1_%uk_tsz%u_start_l%u", 1U << (sc->gshift - 10),
			   sc->tsz, sc->start);
		walker.features = sc->stt ? S3E_WALKER_STT : 0;
		tree_new(&t, sc->gshift, sc->start, ias);
		map(&t, top, 3, 0x80000000ULL, S1_RW);
		map(&t, pg, 3, 0x90000000ULL, S1_RW);
		s1_cfg_init(&c, &t, s1_tg(sc->gshift), sc->tsz);
		rc = s3e_walk_s1(&walker, &c, NULL, top + 0x18, ACC_R, &res);
		EXPECT_OK(rc, res, 0x80000018ULL);
		/* Base bits below the start table's alignment are ignored */
		c.tt[0].ttb |= (8ULL << lvl_bits(&t, sc->start)) / 2;
		rc = s3e_walk_s1(&walker, &c, NULL, top + 0x18, ACC_R, &res);
		EXPECT_OK(rc, res, 0x80000018ULL);
		EXPECT_EQ(res.level, 3);
		EXPECT_EQ(res.size_shift, sc->gshift);
		EXPECT_EQ(res.ng, 1);
		rc = s3e_walk_s1(&walker, &c, NULL, pg + 8, ACC_W, &res);
		EXPECT_OK(rc, res, 0x90000008ULL);
		/* Unmapped neighbour */
		rc = s3e_walk_s1(&walker, &c, NULL, 2 * pg, ACC_R, &res);
		EXPECT_FAULT(rc, res, EVT_F_TRANSLATION, 1);
		EXPECT_EQ(res.level, 3);
		case_end();
	}
}

struct block_case {
	unsigned int gshift, tsz, start, level, size_shift;
};

static const struct block_case s1_blocks[] = {
	{ 12, 16, 0, 1, 30 }, { 12, 16, 0, 2, 21 }, { 12, 25, 1, 1, 30 },
	{ 14, 16, 0, 2, 25 }, { 16, 16, 1, 2, 29 }, { 16, 22, 2, 2, 29 },
};

static void test_s1_blocks(void)
{
	struct s3e_walk_result res;
	struct s3e_s1_cfg c;
	unsigned int i;
	struct tree t;
	int rc;

	for (i = 0; i < ARRAY_SIZE(s1_blocks); i++) {
		const struct block_case *bc = &s1_blocks[i];
		s3e_u64 bsz = 1ULL << bc->size_shift;
		s3e_u64 va = 3 * bsz, oa = 0x40ULL * bsz;

		case_begin("s1_%uk_block_l%u", 1U << (bc->gshift - 10),
			   bc->level);
		tree_new(&t, bc->gshift, bc->start, 64 - bc->tsz);
		map(&t, va, bc->level, oa, S1_RW);
		s1_cfg_init(&c, &t, s1_tg(bc->gshift), bc->tsz);
		rc = s3e_walk_s1(&walker, &c, NULL, va + bsz - 8, ACC_R, &res);
		EXPECT_OK(rc, res, oa + bsz - 8);
		EXPECT_EQ(res.level, bc->level);
		EXPECT_EQ(res.size_shift, bc->size_shift);
		/* Output bits below the block size are ignored */
		map(&t, va, bc->level, oa | (bsz >> 1), S1_RW);
		rc = s3e_walk_s1(&walker, &c, NULL, va + 0x10, ACC_R, &res);
		EXPECT_OK(rc, res, oa + 0x10);
		case_end();
	}
}

static void test_s1_bad_blocks(void)
{
	static const struct block_case bad[] = {
		{ 12, 16, 0, 0, 39 }, { 14, 16, 0, 1, 36 },
		{ 14, 17, 1, 1, 36 }, { 16, 16, 1, 1, 42 },
	};
	/* Level-3 tables reached from a level-2 start: granule, TxSZ */
	static const unsigned int l3[3][2] = { { 12, 34 }, { 14, 28 },
					       { 16, 24 } };
	struct s3e_walk_result res;
	struct s3e_s1_cfg c;
	unsigned int i;
	struct tree t;
	int rc;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		case_begin("s1_%uk_illegal_block_l%u",
			   1U << (bad[i].gshift - 10), bad[i].level);
		tree_new(&t, bad[i].gshift, bad[i].start, 64 - bad[i].tsz);
		map(&t, 0, bad[i].level, 0, S1_RW);
		s1_cfg_init(&c, &t, s1_tg(bad[i].gshift), bad[i].tsz);
		rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_R, &res);
		EXPECT_FAULT(rc, res, EVT_F_TRANSLATION, 1);
		EXPECT_EQ(res.level, bad[i].level);
		case_end();
	}
	for (i = 0; i < 3; i++) {
		case_begin("s1_%uk_l3_reserved_encoding",
			   1U << (l3[i][0] - 10));
		tree_new(&t, l3[i][0], 2, 64 - l3[i][1]);
		/* Valid bit set, bit 1 clear at level 3: reserved */
		tree_set(&t, 0, 3, 0x80000000ULL | S1_RW | TTD_VALID, 0);
		s1_cfg_init(&c, &t, s1_tg(l3[i][0]), l3[i][1]);
		rc = s3e_walk_s1(&walker, &c, NULL, 0, ACC_R, &res);
		EXPECT_FAULT(rc, res, EVT_F_TRANSLATION, 1);
		EXPECT_EQ(res.level, 3);
		case_end();
	}
}

struct s2_case {
	unsigned int gshift, sl0, t0sz, start, ntables, stt;
};

/* Stage-2 start levels and concatenated start tables, for every granule */
static const struct s2_case s2_starts[] = {
	{ 12, 0, 34, 2, 1, 0 }, { 12, 0, 30, 2, 16, 0 },
	{ 12, 0, 42, 2, 1, 1 },
	{ 12, 1, 24, 1, 2, 0 }, { 12, 1, 21, 1, 16, 0 },
	{ 12, 1, 33, 1, 1, 0 },
	{ 12, 2, 16, 0, 1, 0 }, { 12, 3, 40, 3, 8, 1 },
	{ 14, 0, 39, 3, 1, 0 }, { 14, 0, 43, 3, 1, 1 }, { 14, 1, 24, 2, 16, 0 },
	{ 14, 2, 16, 1, 2, 0 },
	{ 16, 0, 31, 3, 16, 0 }, { 16, 1, 24, 2, 1, 0 },
	{ 16, 2, 16, 1, 1, 0 },
};

static void test_s2_start_levels(void)
{
	struct s3e_walk_result res;
	struct s3e_s2_cfg c;
	unsigned int i, k;
	struct tree t;
	int rc;

	for (i = 0; i < ARRAY_SIZE(s2_starts); i++) {
		const struct s2_case *sc = &s2_starts[i];
		unsigned int ias = 64 - sc->t0sz;
		s3e_u64 pg = 1ULL << sc->gshift;
		s3e_u64 ipas[3], span;

		case_begin("s2_%uk_sl0_%u_t0sz%u_l%u_concat%u",
			   1U << (sc->gshift - 10), sc->sl0, sc->t0sz,
			   sc->start, sc->ntables);
		walker.features = sc->stt ? S3E_WALKER_STT : 0;
		tree_new(&t, sc->gshift, sc->start, ias);
		/* Size of the start table(s) must match the expected count */
		span = 1ULL << lvl_shift(&t, sc->start);
		span <<= sc->gshift - 3;
		EXPECT_EQ((1ULL << ias) / span ? (1ULL << ias) / span : 1,
			  sc->ntables);
		ipas[0] = pg;
		ipas[1] = (1ULL << ias) - pg;	/* last concatenated table */
		ipas[2] = (1ULL << ias) / 2;
		for (k = 0; k < 3; k++)
			map(&t, ipas[k], 3, 0x100000000ULL + k * pg,
			    S2_RW);
		s2_cfg_init(&c, &t, s2_tg(sc->gshift), sc->sl0, sc->t0sz);
		for (k = 0; k < 3; k++) {
			rc = s3e_walk_s2(&walker, &c, ipas[k] + 0x28, ACC_W,
					 &res);
			EXPECT_OK(rc, res, 0x100000028ULL + k * pg);
			EXPECT_EQ(res.s2_level, 3);
			EXPECT_EQ(res.size_shift, sc->gshift);
		}
		/* Base bits below the start tables' alignment are ignored */
		c.ttb |= (8ULL << lvl_bits(&t, sc->start)) / 2;
		rc = s3e_walk_s2(&walker, &c, ipas[1], ACC_R, &res);
		EXPECT_OK(rc, res, 0x100000000ULL + pg);
		read_calls = 0;
		rc = s3e_walk_s2(&walker, &c, 1ULL << ias, ACC_R, &res);
		EXPECT_FAULT(rc, res, EVT_F_TRANSLATION, 2);
		EXPECT_EQ(read_calls, 0);
		rc = s3e_walk_s2(&walker, &c, 2 * pg, ACC_R, &res);
		EXPECT_FAULT(rc, res, EVT_F_TRANSLATION, 2);
		EXPECT_EQ(res.ipa, 2 * pg);
		case_end();
	}

	case_begin("s2_4k_block_l1_l2");
	tree_new(&t, 12, 1, 40);
	map(&t, 1ULL << 30, 1, 0x80000000ULL, S2_RW);
	map(&t, 5 * SZ_2M, 2, 0x7fe00000ULL, S2_RW);
	s2_cfg_init(&c, &t, S2TG_4K, 1, 24);
	rc = s3e_walk_s2(&walker, &c, (1ULL << 30) + 0x12345, ACC_R, &res);
	EXPECT_OK(rc, res, 0x80012345ULL);
	EXPECT_EQ(res.size_shift, 30);
	rc = s3e_walk_s2(&walker, &c, 5 * SZ_2M + 0x12345, ACC_R, &res);
	EXPECT_OK(rc, res, 0x7fe12345ULL);
	EXPECT_EQ(res.size_shift, 21);
	EXPECT_EQ(res.s2_level, 2);
	/* Reserved level-3 encoding at stage 2 */
	tree_set(&t, 0x3000, 3, 0x80000000ULL | S2_RW | TTD_VALID, 0);
	rc = s3e_walk_s2(&walker, &c, 0x3000, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_TRANSLATION, 2);
	EXPECT_EQ(res.level, 3);
	case_end();
}

struct bad_s2 {
	const char *name;
	unsigned int tg, sl0, t0sz, oas, stt;
};

static void test_bad_configs(void)
{
	static const struct bad_s2 bad2[] = {
		{ "4k_sl0_3_no_stt", S2TG_4K, 3, 40, 48, 0 },
		{ "4k_l2_ias_too_big", S2TG_4K, 0, 29, 48, 0 },
		{ "4k_l1_ias_too_small", S2TG_4K, 1, 34, 48, 0 },
		{ "4k_l0_oas40", S2TG_4K, 2, 24, 40, 0 },
		{ "4k_l3_ias_too_big", S2TG_4K, 3, 38, 48, 1 },
		{ "16k_sl0_3", S2TG_16K, 3, 16, 48, 0 },
		{ "16k_l1_oas40", S2TG_16K, 2, 24, 40, 0 },
		{ "16k_l2_ias_too_big", S2TG_16K, 1, 23, 48, 0 },
		{ "64k_sl0_3", S2TG_64K, 3, 16, 48, 0 },
		{ "64k_l1_oas42", S2TG_64K, 2, 22, 42, 0 },
		{ "64k_l3_ias_too_big", S2TG_64K, 0, 30, 48, 0 },
		{ "t0sz_15", S2TG_4K, 2, 15, 48, 0 },
		{ "ias_above_oas", S2TG_4K, 1, 24, 36, 0 },
		{ "t0sz_40_no_stt", S2TG_4K, 0, 40, 48, 0 },
		{ "tg_reserved", 3, 0, 32, 48, 0 },
	};
	static const struct {
		const char *name;
		unsigned int tg, tsz, stt;
	} bad1[] = {
		{ "tsz_15", CD_TG0_4K, 15, 0 },
		{ "tsz_40_no_stt", CD_TG0_4K, 40, 0 },
		{ "4k_tsz_49_stt", CD_TG0_4K, 49, 1 },
		{ "64k_tsz_48_stt", CD_TG0_64K, 48, 1 },
		{ "tg_reserved", 3, 25, 0 },
	};
	struct s3e_walk_result res;
	struct s3e_s2_cfg c2;
	struct s3e_s1_cfg c1;
	unsigned int i;
	struct tree t;
	int rc;

	for (i = 0; i < ARRAY_SIZE(bad2); i++) {
		case_begin("s2_invalid_%s", bad2[i].name);
		walker.oas = bad2[i].oas;
		walker.features = bad2[i].stt ? S3E_WALKER_STT : 0;
		tree_new(&t, 12, 0, 48);
		s2_cfg_init(&c2, &t, bad2[i].tg, bad2[i].sl0, bad2[i].t0sz);
		read_calls = 0;
		rc = s3e_walk_s2(&walker, &c2, 0, ACC_R, &res);
		EXPECT_FAULT(rc, res, EVT_F_TRANSLATION, 2);
		/* Rejected before any table access */
		EXPECT_EQ(read_calls, 0);
		case_end();
	}
	for (i = 0; i < ARRAY_SIZE(bad1); i++) {
		case_begin("s1_invalid_%s", bad1[i].name);
		walker.features = bad1[i].stt ? S3E_WALKER_STT : 0;
		tree_new(&t, 12, 0, 48);
		s1_cfg_init(&c1, &t, bad1[i].tg, bad1[i].tsz);
		read_calls = 0;
		rc = s3e_walk_s1(&walker, &c1, NULL, 0, ACC_R, &res);
		EXPECT_FAULT(rc, res, EVT_F_TRANSLATION, 1);
		EXPECT_EQ(read_calls, 0);
		case_end();
	}

	case_begin("s1_epd0");
	tree_new(&t, 12, 1, 39);
	map(&t, 0, 3, 0x80000000ULL, S1_RW);
	s1_cfg_init(&c1, &t, CD_TG0_4K, 25);
	rc = s3e_walk_s1(&walker, &c1, NULL, 0, ACC_R, &res);
	EXPECT_OK(rc, res, 0x80000000ULL);
	c1.tt[0].flags |= S3E_TT_EPD;
	rc = s3e_walk_s1(&walker, &c1, NULL, 0, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_TRANSLATION, 1);
	case_end();
}

/* ------------------------------------------------------------------ */

/* Architectural AP[2:1] table: privileged RW, unprivileged RW */
static const unsigned char ap_table[4][4] = {
	/* pr pw ur uw */
	{ 1, 1, 0, 0 },		/* 0b00: EL1 RW */
	{ 1, 1, 1, 1 },		/* 0b01: EL1 RW, EL0 RW */
	{ 1, 0, 0, 0 },		/* 0b10: EL1 RO */
	{ 1, 0, 1, 0 },		/* 0b11: EL1 RO, EL0 RO */
};

static unsigned int s1_expected(unsigned int ap, unsigned int apt,
				unsigned int pxn, unsigned int uxn,
				unsigned int pxnt, unsigned int uxnt)
{
	unsigned int pr = ap_table[ap][0], pw = ap_table[ap][1];
	unsigned int ur = ap_table[ap][2], uw = ap_table[ap][3];
	unsigned int px, ux;

	if (apt & 1) {		/* APTable[0]: no access at EL0 */
		ur = 0;
		uw = 0;
	}
	if (apt & 2) {		/* APTable[1]: read-only at both */
		pw = 0;
		uw = 0;
	}
	px = !pxn && !pxnt && !uw;
	ux = !uxn && !uxnt;
	return (ur ? S3E_PERM_UR : 0) | (uw ? S3E_PERM_UW : 0) |
	       (ux ? S3E_PERM_UX : 0) | (pr ? S3E_PERM_PR : 0) |
	       (pw ? S3E_PERM_PW : 0) | (px ? S3E_PERM_PX : 0);
}

static const unsigned int accesses[6] = {
	ACC_R, ACC_W, ACC_X, ACC_R | ACC_P, ACC_W | ACC_P, ACC_X | ACC_P,
};

static const unsigned int access_perm[6] = {
	S3E_PERM_UR, S3E_PERM_UW, S3E_PERM_UX,
	S3E_PERM_PR, S3E_PERM_PW, S3E_PERM_PX,
};

static void test_s1_perm_matrix(void)
{
	unsigned int ap, apt, x, a, want;
	struct s3e_walk_result res;
	s3e_u64 l1pa, l3pa, l1d;
	s3e_u64 va = 0x40201000ULL;
	struct s3e_s1_cfg c;
	struct tree t;
	int rc;

	for (ap = 0; ap < 4; ap++) {
		for (apt = 0; apt < 4; apt++) {
			case_begin("s1_perm_ap%u_aptable%u", ap, apt);
			tree_new(&t, 12, 1, 39);
			l3pa = map(&t, va, 3, 0x80000000ULL, TTD_AF);
			l1pa = desc_pa(&t, t.base, va, 1);
			l1d = rd64(l1pa);
			s1_cfg_init(&c, &t, CD_TG0_4K, 25);
			for (x = 0; x < 16; x++) {
				s3e_u64 d = leaf(0x80000000ULL, 3, TTD_AF);

				d |= s3e_field_prep(TTD_AP, ap);
				d |= x & 1 ? TTD_PXN : 0;
				d |= x & 2 ? TTD_UXN : 0;
				wr64(l3pa, d);
				d = l1d | s3e_field_prep(TTD_APTABLE, apt);
				d |= x & 4 ? TTD_PXNTABLE : 0;
				d |= x & 8 ? TTD_UXNTABLE : 0;
				wr64(l1pa, d);
				want = s1_expected(ap, apt, x & 1, x & 2,
						   x & 4, x & 8);
				for (a = 0; a < 6; a++) {
					rc = s3e_walk_s1(&walker, &c, NULL,
							 va, accesses[a],
							 &res);
					if (want & access_perm[a]) {
						EXPECT_OK(rc, res,
							  0x80000000ULL);
						EXPECT_EQ(res.perm, want);
					} else {
						EXPECT_FAULT(rc, res,
							     EVT_F_PERMISSION,
							     1);
					}
				}
			}
			case_end();
		}
	}
}

static int s1_try(const struct s3e_s1_cfg *c, s3e_u64 va, unsigned int acc)
{
	struct s3e_walk_result res;

	return s3e_walk_s1(&walker, c, NULL, va, acc, &res);
}

static void test_s1_perm_extras(void)
{
	struct s3e_walk_result res;
	struct s3e_s1_cfg c;
	s3e_u64 l3pa;
	struct tree t;
	int rc;

	case_begin("s1_perm_wxn");
	tree_new(&t, 12, 1, 39);
	l3pa = map(&t, 0x1000, 3, 0x80000000ULL, TTD_AF);	/* EL1 RW */
	map(&t, 0x2000, 3, 0x80001000ULL, TTD_AF | TTD_AP_RDONLY);
	map(&t, 0x3000, 3, 0x80002000ULL, TTD_AF | TTD_AP_UNPRIV |
	    TTD_AP_RDONLY);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	EXPECT_EQ(s1_try(&c, 0x1000, ACC_X | ACC_P), 0);
	c.flags |= S3E_S1_WXN;
	EXPECT_EQ(s1_try(&c, 0x1000, ACC_X | ACC_P), EVT_F_PERMISSION);
	EXPECT_EQ(s1_try(&c, 0x1000, ACC_W | ACC_P), 0);
	EXPECT_EQ(s1_try(&c, 0x2000, ACC_X | ACC_P), 0);
	EXPECT_EQ(s1_try(&c, 0x3000, ACC_X), 0);
	wr64(l3pa, leaf(0x80000000ULL, 3, S1_RW));
	EXPECT_EQ(s1_try(&c, 0x1000, ACC_X), EVT_F_PERMISSION);
	case_end();

	case_begin("s1_perm_pan");
	tree_new(&t, 12, 1, 39);
	map(&t, 0x1000, 3, 0x80000000ULL, TTD_AF);		/* EL1 only */
	map(&t, 0x2000, 3, 0x80001000ULL, S1_RW);		/* EL0 RW */
	map(&t, 0x3000, 3, 0x80002000ULL, TTD_AF | TTD_AP_UNPRIV |
	    TTD_AP_RDONLY);					/* EL0 RO */
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	c.flags |= S3E_S1_PAN;
	EXPECT_EQ(s1_try(&c, 0x1000, ACC_R | ACC_P), 0);
	EXPECT_EQ(s1_try(&c, 0x2000, ACC_R | ACC_P), EVT_F_PERMISSION);
	EXPECT_EQ(s1_try(&c, 0x2000, ACC_W | ACC_P), EVT_F_PERMISSION);
	EXPECT_EQ(s1_try(&c, 0x2000, ACC_W), 0);
	EXPECT_EQ(s1_try(&c, 0x3000, ACC_R | ACC_P), EVT_F_PERMISSION);
	/* PAN restricts data accesses only */
	EXPECT_EQ(s1_try(&c, 0x3000, ACC_X | ACC_P), 0);
	case_end();

	case_begin("s1_perm_el2_regime");
	tree_new(&t, 12, 1, 39);
	map(&t, 0x1000, 3, 0x80000000ULL, TTD_AF | TTD_NG | TTD_PXN);
	map(&t, 0x2000, 3, 0x80001000ULL, TTD_AF | TTD_AP_RDONLY);
	map(&t, 0x3000, 3, 0x80002000ULL, TTD_AF | TTD_UXN);
	/* APTable[0] (no EL0) is ignored too */
	tree_set(&t, (1ULL << 30) + 0x1000, 3,
		 leaf(0x80003000ULL, 3, TTD_AF), TTD_APTABLE_NO_EL0);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	c.flags |= S3E_S1_EL2;
	c.tt[1].flags = 0;
	/* AP[1] = 0 and PXN do not matter with a single privilege level */
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_W, &res);
	EXPECT_OK(rc, res, 0x80000000ULL);
	EXPECT_EQ(res.ng, 0);
	EXPECT_EQ(res.perm, S3E_PERM_ALL);
	EXPECT_EQ(s1_try(&c, 0x1000, ACC_X | ACC_P), 0);
	EXPECT_EQ(s1_try(&c, 0x2000, ACC_W | ACC_P), EVT_F_PERMISSION);
	EXPECT_EQ(s1_try(&c, 0x2000, ACC_R), 0);
	EXPECT_EQ(s1_try(&c, 0x3000, ACC_X), EVT_F_PERMISSION);
	EXPECT_EQ(s1_try(&c, 0x3000, ACC_X | ACC_P), EVT_F_PERMISSION);
	EXPECT_EQ(s1_try(&c, (1ULL << 30) + 0x1000, ACC_W), 0);
	/* One VA range: VA[55] set is out of range, not a TTB1 walk */
	EXPECT_EQ(s1_try(&c, 0xffffff8000001000ULL, ACC_R),
		  EVT_F_TRANSLATION);
	c.flags |= S3E_S1_WXN;
	EXPECT_EQ(s1_try(&c, 0x1000, ACC_X), EVT_F_PERMISSION);
	EXPECT_EQ(s1_try(&c, 0x2000, ACC_X | ACC_P), 0);
	case_end();
}

/* Stage-2 XN[1:0] with XNX: 0b00 both, 0b01 EL0 only, 0b10 none, 0b11 EL1 */
static const unsigned char s2_xn_exec[4][2] = {
	/* ux px */
	{ 1, 1 }, { 1, 0 }, { 0, 0 }, { 0, 1 },
};

static void test_s2_perm_matrix(void)
{
	unsigned int s2ap, xn, xnx, a, r, w, ux, px, want;
	struct s3e_walk_result res;
	struct s3e_s2_cfg c;
	struct tree t;
	s3e_u64 l3pa;
	int rc;

	for (xnx = 0; xnx < 2; xnx++) {
		for (s2ap = 0; s2ap < 4; s2ap++) {
			for (xn = 0; xn < 4; xn++) {
				case_begin("s2_perm_s2ap%u_xn%u_xnx%u", s2ap,
					   xn, xnx);
				walker.features = xnx ? S3E_WALKER_XNX : 0;
				tree_new(&t, 12, 1, 40);
				l3pa = map(&t, 0x5000, 3, 0x80000000ULL,
					   TTD_AF);
				wr64(l3pa, rd64(l3pa) |
				     s3e_field_prep(TTD_S2AP, s2ap) |
				     s3e_field_prep(TTD_S2_XN, xn));
				s2_cfg_init(&c, &t, S2TG_4K, 1, 24);
				r = s2ap & 1;
				w = !!(s2ap & 2);
				/* Without XNX, XN[0] is ignored */
				ux = s2_xn_exec[xnx ? xn : xn & 2][0] && r;
				px = s2_xn_exec[xnx ? xn : xn & 2][1] && r;
				want = (r ? S3E_PERM_UR | S3E_PERM_PR : 0) |
				       (w ? S3E_PERM_UW | S3E_PERM_PW : 0) |
				       (ux ? S3E_PERM_UX : 0) |
				       (px ? S3E_PERM_PX : 0);
				for (a = 0; a < 6; a++) {
					rc = s3e_walk_s2(&walker, &c, 0x5008,
							 accesses[a], &res);
					if (want & access_perm[a]) {
						EXPECT_OK(rc, res,
							  0x80000008ULL);
						EXPECT_EQ(res.perm, want);
					} else {
						EXPECT_FAULT(rc, res,
							     EVT_F_PERMISSION,
							     2);
						EXPECT_EQ(res.fclass,
							  EVT_CLASS_IN);
						EXPECT_EQ(res.ipa, 0x5008);
					}
				}
				case_end();
			}
		}
	}
}

/* ------------------------------------------------------------------ */

static void test_access_flag(void)
{
	struct s3e_walk_result res;
	struct s3e_s1_cfg c;
	struct s3e_s2_cfg c2;
	s3e_u64 l3pa, blk, d;
	struct tree t;
	int rc;

	case_begin("s1_af_fault");
	tree_new(&t, 12, 1, 39);
	l3pa = map(&t, 0x1000, 3, 0x80000000ULL, TTD_AP_UNPRIV);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_ACCESS, 1);
	EXPECT_EQ(res.level, 3);
	EXPECT_EQ(res.addr, 0x1000);
	/* Access flag faults take priority over permission faults */
	wr64(l3pa, leaf(0x80000000ULL, 3, TTD_AP_RDONLY));
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_W, &res);
	EXPECT_FAULT(rc, res, EVT_F_ACCESS, 1);
	case_end();

	case_begin("s1_af_block_fault");
	tree_new(&t, 12, 1, 39);
	map(&t, 0, 2, 0x80000000ULL, TTD_AP_UNPRIV);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_ACCESS, 1);
	EXPECT_EQ(res.level, 2);
	case_end();

	case_begin("s1_affd");
	tree_new(&t, 12, 1, 39);
	l3pa = map(&t, 0x1000, 3, 0x80000000ULL, TTD_AP_UNPRIV);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	c.flags |= S3E_S1_AFFD;
	d = rd64(l3pa);
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_R, &res);
	EXPECT_OK(rc, res, 0x80000000ULL);
	EXPECT_EQ(rd64(l3pa), d);
	case_end();

	case_begin("s1_ha_sets_af");
	tree_new(&t, 12, 1, 39);
	l3pa = map(&t, 0x1000, 3, 0x80000000ULL, TTD_AP_UNPRIV);
	blk = map(&t, 1ULL << 30, 1, 0xc0000000ULL, TTD_AP_UNPRIV);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	c.flags |= S3E_S1_HA;
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1010, ACC_W, &res);
	EXPECT_OK(rc, res, 0x80000010ULL);
	EXPECT_EQ(rd64(l3pa), leaf(0x80000000ULL, 3, TTD_AP_UNPRIV | TTD_AF));
	rc = s3e_walk_s1(&walker, &c, NULL, (1ULL << 30) + 8, ACC_R, &res);
	EXPECT_OK(rc, res, 0xc0000008ULL);
	EXPECT_EQ(rd64(blk) & TTD_AF, TTD_AF);
	case_end();

	case_begin("s1_ha_no_update_on_perm_fault");
	tree_new(&t, 12, 1, 39);
	l3pa = map(&t, 0x1000, 3, 0x80000000ULL, TTD_AP_RDONLY);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	c.flags |= S3E_S1_HA;
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_W | ACC_P, &res);
	EXPECT_FAULT(rc, res, EVT_F_PERMISSION, 1);
	EXPECT_EQ(rd64(l3pa) & TTD_AF, 0);
	EXPECT_EQ(xchg_calls, 0);
	case_end();

	case_begin("s1_ha_race_retried");
	tree_new(&t, 12, 1, 39);
	l3pa = map(&t, 0x1000, 3, 0x80000000ULL, TTD_AP_UNPRIV);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	c.flags |= S3E_S1_HA;
	xchg_races = 3;
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_R, &res);
	EXPECT_OK(rc, res, 0x80000000ULL);
	EXPECT_EQ(xchg_calls, 4);
	EXPECT_EQ(rd64(l3pa) & TTD_AF, TTD_AF);
	case_end();

	case_begin("s1_ha_race_bounded");
	tree_new(&t, 12, 1, 39);
	map(&t, 0x1000, 3, 0x80000000ULL, TTD_AP_UNPRIV);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	c.flags |= S3E_S1_HA;
	xchg_races = 1000;
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_ACCESS, 1);
	EXPECT_EQ(xchg_calls,
		  S3E_WALK_HTTU_RETRIES * (S3E_WALK_HTTU_REREADS + 1));
	case_end();

	case_begin("s1_ha_update_abort");
	tree_new(&t, 12, 1, 39);
	l3pa = map(&t, 0x1000, 3, 0x80000000ULL, TTD_AP_UNPRIV);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	c.flags |= S3E_S1_HA;
	xchg_abort = 1;
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_WALK_EABT, 1);
	EXPECT_EQ(res.fetch_addr, l3pa);
	case_end();

	case_begin("s1_ha_without_cmpxchg");
	tree_new(&t, 12, 1, 39);
	map(&t, 0x1000, 3, 0x80000000ULL, TTD_AP_UNPRIV);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	c.flags |= S3E_S1_HA;
	walker.mem.cmpxchg64 = NULL;
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_ACCESS, 1);
	case_end();

	case_begin("s2_af_fault_and_ha");
	tree_new(&t, 12, 1, 40);
	l3pa = map(&t, 0x1000, 3, 0x80000000ULL,
		   TTD_S2AP_READ | TTD_S2AP_WRITE);
	s2_cfg_init(&c2, &t, S2TG_4K, 1, 24);
	rc = s3e_walk_s2(&walker, &c2, 0x1000, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_ACCESS, 2);
	c2.flags |= S3E_S2_AFFD;
	rc = s3e_walk_s2(&walker, &c2, 0x1000, ACC_R, &res);
	EXPECT_OK(rc, res, 0x80000000ULL);
	EXPECT_EQ(rd64(l3pa) & TTD_AF, 0);
	c2.flags = S3E_S2_HA;
	rc = s3e_walk_s2(&walker, &c2, 0x1000, ACC_R, &res);
	EXPECT_OK(rc, res, 0x80000000ULL);
	EXPECT_EQ(rd64(l3pa) & TTD_AF, TTD_AF);
	case_end();
}

/* Hardware dirty state (§3.13.3) with S3E_S1_HD / S3E_S2_HD */
static void test_dirty_state(void)
{
	const s3e_u64 clean = TTD_AF | TTD_DBM | TTD_AP_RDONLY | TTD_AP_UNPRIV;
	struct s3e_walk_stats stats = { 0 };
	struct s3e_walk_result res;
	struct s3e_s2_cfg c2;
	struct s3e_s1_cfg c;
	struct tree t;
	s3e_u64 l3pa;
	int rc;

	walker.stats = &stats;

	case_begin("s1_hd_write_clears_ap2_read_does_not");
	tree_new(&t, 12, 1, 39);
	l3pa = map(&t, 0x1000, 3, 0x80000000ULL, clean);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	c.flags |= S3E_S1_HA | S3E_S1_HD;
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_R, &res);
	EXPECT_OK(rc, res, 0x80000000ULL);
	EXPECT_EQ(res.s1_perm & (S3E_PERM_UW | S3E_PERM_PW), 0);
	EXPECT_EQ(xchg_calls, 0);
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1008, ACC_W, &res);
	EXPECT_OK(rc, res, 0x80000008ULL);
	EXPECT_EQ(rd64(l3pa), leaf(0x80000000ULL, 3, clean & ~TTD_AP_RDONLY));
	EXPECT_EQ(res.s1_desc, rd64(l3pa));
	EXPECT_EQ(res.s1_perm & S3E_PERM_UW, S3E_PERM_UW);
	EXPECT_EQ(stats.dirty_updates, 1);
	EXPECT_EQ(stats.af_updates, 0);
	case_end();

	case_begin("s1_hd_needs_ha_dbm_and_cmpxchg");
	tree_new(&t, 12, 1, 39);
	l3pa = map(&t, 0x1000, 3, 0x80000000ULL, clean);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	c.flags |= S3E_S1_HD;
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_W, &res);
	EXPECT_FAULT(rc, res, EVT_F_PERMISSION, 1);
	c.flags |= S3E_S1_HA;
	walker.mem.cmpxchg64 = NULL;
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_W, &res);
	EXPECT_FAULT(rc, res, EVT_F_PERMISSION, 1);
	walker.mem.cmpxchg64 = mem_cmpxchg64;
	wr64(l3pa, leaf(0x80000000ULL, 3, clean & ~TTD_DBM));
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_W, &res);
	EXPECT_FAULT(rc, res, EVT_F_PERMISSION, 1);
	EXPECT_EQ(xchg_calls, 0);
	case_end();

	case_begin("s1_hd_el2_regime");
	tree_new(&t, 12, 1, 39);
	l3pa = map(&t, 0x1000, 3, 0x80000000ULL, clean & ~TTD_AP_UNPRIV);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	c.flags |= S3E_S1_HA | S3E_S1_HD | S3E_S1_EL2;
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_W, &res);
	EXPECT_OK(rc, res, 0x80000000ULL);
	EXPECT_EQ(rd64(l3pa) & TTD_AP_RDONLY, 0);
	case_end();

	case_begin("s1_hd_race_reevaluated");
	tree_new(&t, 12, 1, 39);
	l3pa = map(&t, 0x1000, 3, 0x80000000ULL, clean);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	c.flags |= S3E_S1_HA | S3E_S1_HD;
	xchg_races = 1;
	read_calls = 0;
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_W, &res);
	EXPECT_OK(rc, res, 0x80000000ULL);
	/* One re-read of the leaf, not a second walk of three levels */
	EXPECT_EQ(read_calls, 3 + 1);
	EXPECT_EQ(xchg_calls, 2);
	EXPECT_EQ(rd64(l3pa), leaf(0x80000000ULL, 3, clean & ~TTD_AP_RDONLY) ^
			      BIT(56));
	case_end();

	case_begin("s1_noatomic_update_aborts");
	tree_new(&t, 12, 1, 39);
	l3pa = map(&t, 0x1000, 3, 0x80000000ULL, clean);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	c.flags |= S3E_S1_HA | S3E_S1_HD;
	c.tt[0].flags |= S3E_TT_NOATOMIC;
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_R, &res);
	EXPECT_OK(rc, res, 0x80000000ULL);
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_W, &res);
	EXPECT_FAULT(rc, res, EVT_F_WALK_EABT, 1);
	EXPECT_EQ(res.fetch_addr, l3pa);
	EXPECT_EQ(xchg_calls, 0);
	case_end();

	case_begin("s2_hd_sets_s2ap1");
	tree_new(&t, 12, 1, 40);
	l3pa = map(&t, 0x1000, 3, 0x80000000ULL,
		   TTD_AF | TTD_DBM | TTD_S2AP_READ);
	s2_cfg_init(&c2, &t, S2TG_4K, 1, 24);
	c2.flags = S3E_S2_HA | S3E_S2_HD;
	rc = s3e_walk_s2(&walker, &c2, 0x1000, ACC_R, &res);
	EXPECT_OK(rc, res, 0x80000000ULL);
	EXPECT_EQ(rd64(l3pa) & TTD_S2AP_WRITE, 0);
	rc = s3e_walk_s2(&walker, &c2, 0x1000, ACC_W, &res);
	EXPECT_OK(rc, res, 0x80000000ULL);
	EXPECT_EQ(rd64(l3pa) & TTD_S2AP_WRITE, TTD_S2AP_WRITE);
	EXPECT_EQ(res.s2_perm & S3E_PERM_UW, S3E_PERM_UW);
	c2.flags = S3E_S2_HA;
	wr64(l3pa, leaf(0x80000000ULL, 3, TTD_AF | TTD_DBM | TTD_S2AP_READ));
	rc = s3e_walk_s2(&walker, &c2, 0x1000, ACC_W, &res);
	EXPECT_FAULT(rc, res, EVT_F_PERMISSION, 2);
	case_end();

	walker.stats = NULL;
}

/* ------------------------------------------------------------------ */

static void test_addr_size(void)
{
	struct s3e_walk_result res;
	struct s3e_s2_cfg c2;
	struct s3e_s1_cfg c;
	s3e_u64 l2pa;
	struct tree t;
	int rc;

	case_begin("s1_oa_beyond_ips");
	tree_new(&t, 12, 1, 39);
	map(&t, 0x1000, 3, (1ULL << 40) - SZ_4K, S1_RW);
	map(&t, 0x2000, 3, 1ULL << 40, S1_RW);
	map(&t, 1ULL << 30, 1, 1ULL << 41, S1_RW);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	c.ips = PS_40;
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_R, &res);
	EXPECT_OK(rc, res, (1ULL << 40) - SZ_4K);
	rc = s3e_walk_s1(&walker, &c, NULL, 0x2000, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_ADDR_SIZE, 1);
	EXPECT_EQ(res.level, 3);
	rc = s3e_walk_s1(&walker, &c, NULL, 1ULL << 30, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_ADDR_SIZE, 1);
	EXPECT_EQ(res.level, 1);
	c.ips = PS_48;
	rc = s3e_walk_s1(&walker, &c, NULL, 0x2000, ACC_R, &res);
	EXPECT_OK(rc, res, 1ULL << 40);
	case_end();

	case_begin("s1_ips_clamped_to_oas");
	tree_new(&t, 12, 1, 39);
	map(&t, 0x2000, 3, 1ULL << 40, S1_RW);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	c.ips = PS_52;
	walker.oas = 40;
	rc = s3e_walk_s1(&walker, &c, NULL, 0x2000, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_ADDR_SIZE, 1);
	walker.oas = 44;
	rc = s3e_walk_s1(&walker, &c, NULL, 0x2000, ACC_R, &res);
	EXPECT_OK(rc, res, 1ULL << 40);
	case_end();

	case_begin("s1_table_beyond_ips");
	tree_new(&t, 12, 1, 39);
	map(&t, 0x1000, 3, 0x80000000ULL, S1_RW);
	l2pa = desc_pa(&t, t.base, 0x1000, 1);
	wr64(l2pa, (1ULL << 44) | TTD_TABLE | TTD_VALID);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	c.ips = PS_40;
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_ADDR_SIZE, 1);
	EXPECT_EQ(res.level, 1);
	case_end();

	case_begin("s1_ttb_beyond_ips");
	tree_new(&t, 12, 1, 39);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	c.ips = PS_36;
	c.tt[0].ttb = 1ULL << 36;
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_ADDR_SIZE, 1);
	case_end();

	case_begin("s2_oa_and_table_beyond_ps");
	tree_new(&t, 12, 1, 40);
	map(&t, 0x1000, 3, 1ULL << 36, S2_RW);
	map(&t, 1ULL << 30, 1, 1ULL << 35, S2_RW);
	s2_cfg_init(&c2, &t, S2TG_4K, 1, 24);
	c2.ps = PS_36;
	rc = s3e_walk_s2(&walker, &c2, 0x1000, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_ADDR_SIZE, 2);
	EXPECT_EQ(res.ipa, 0x1000);
	rc = s3e_walk_s2(&walker, &c2, (1ULL << 30) + 4, ACC_R, &res);
	EXPECT_OK(rc, res, (1ULL << 35) + 4);
	wr64(desc_pa(&t, t.base, 0x1000, 1),
	     (1ULL << 37) | TTD_TABLE | TTD_VALID);
	rc = s3e_walk_s2(&walker, &c2, 0x1000, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_ADDR_SIZE, 2);
	EXPECT_EQ(res.level, 1);
	c2.ttb = 1ULL << 36;
	rc = s3e_walk_s2(&walker, &c2, 0x1000, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_ADDR_SIZE, 2);
	case_end();
}

static void test_input_range(void)
{
	struct s3e_walk_result res;
	struct s3e_s1_cfg c;
	struct tree t, t1;
	int rc;

	case_begin("s1_va_beyond_tsz");
	tree_new(&t, 12, 1, 39);
	map(&t, (1ULL << 39) - SZ_4K, 3, 0x80000000ULL, S1_RW);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	rc = s3e_walk_s1(&walker, &c, NULL, (1ULL << 39) - 8, ACC_R, &res);
	EXPECT_OK(rc, res, 0x80000ff8ULL);
	rc = s3e_walk_s1(&walker, &c, NULL, 1ULL << 39, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_TRANSLATION, 1);
	EXPECT_EQ(res.addr, 1ULL << 39);
	rc = s3e_walk_s1(&walker, &c, NULL, BIT(63) | 0x1000, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_TRANSLATION, 1);
	case_end();

	case_begin("s1_tbi");
	tree_new(&t, 12, 1, 39);
	map(&t, 0x1000, 3, 0x80000000ULL, S1_RW);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	rc = s3e_walk_s1(&walker, &c, NULL, 0xab00000000001004ULL, ACC_R,
			 &res);
	EXPECT_FAULT(rc, res, EVT_F_TRANSLATION, 1);
	c.tt[0].flags |= S3E_TT_TBI;
	rc = s3e_walk_s1(&walker, &c, NULL, 0xab00000000001004ULL, ACC_R,
			 &res);
	EXPECT_OK(rc, res, 0x80000004ULL);
	EXPECT_EQ(res.addr, 0xab00000000001004ULL);
	/* TBI does not relax bits [55:ias] */
	rc = s3e_walk_s1(&walker, &c, NULL, 0xab00008000001004ULL, ACC_R,
			 &res);
	EXPECT_FAULT(rc, res, EVT_F_TRANSLATION, 1);
	case_end();

	case_begin("s1_ttb1_range");
	tree_new(&t, 12, 1, 39);
	map(&t, 0x1000, 3, 0x80000000ULL, S1_RW);
	tree_new(&t1, 16, 2, 42);
	map(&t1, (1ULL << 42) - SZ_64K, 3, 0x90000000ULL, S1_RW);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	c.tt[1].ttb = t1.base;
	c.tt[1].tsz = 22;
	c.tt[1].tg = CD_TG0_64K;
	c.tt[1].flags = 0;
	rc = s3e_walk_s1(&walker, &c, NULL, 0xffffffffffff0010ULL, ACC_R,
			 &res);
	EXPECT_OK(rc, res, 0x90000010ULL);
	EXPECT_EQ(res.size_shift, 16);
	rc = s3e_walk_s1(&walker, &c, NULL, 0x1000, ACC_R, &res);
	EXPECT_OK(rc, res, 0x80000000ULL);
	/* Below the TTB1 range */
	rc = s3e_walk_s1(&walker, &c, NULL, 0xfffff00000000000ULL, ACC_R,
			 &res);
	EXPECT_FAULT(rc, res, EVT_F_TRANSLATION, 1);
	/* VA[55] selects the range even when the top byte is ignored */
	rc = s3e_walk_s1(&walker, &c, NULL, 0x12ffffffffff0010ULL, ACC_R,
			 &res);
	EXPECT_FAULT(rc, res, EVT_F_TRANSLATION, 1);
	c.tt[1].flags = S3E_TT_TBI;
	rc = s3e_walk_s1(&walker, &c, NULL, 0x12ffffffffff0010ULL, ACC_R,
			 &res);
	EXPECT_OK(rc, res, 0x90000010ULL);
	c.tt[1].flags = S3E_TT_EPD;
	rc = s3e_walk_s1(&walker, &c, NULL, 0xffffffffffff0010ULL, ACC_R,
			 &res);
	EXPECT_FAULT(rc, res, EVT_F_TRANSLATION, 1);
	case_end();
}

static void test_eabt(void)
{
	struct s3e_walk_result res;
	struct s3e_s2_cfg c2;
	struct s3e_s1_cfg c;
	struct tree t;
	int rc;

	case_begin("s1_eabt_table_outside_ram");
	tree_new(&t, 12, 1, 39);
	map(&t, 0x40201000ULL, 3, 0x80000000ULL, S1_RW);
	/* Level-1 entry 1 points the level-2 table outside RAM */
	wr64(t.base + 1 * 8, HOLE_PA | TTD_TABLE | TTD_VALID);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	rc = s3e_walk_s1(&walker, &c, NULL, 0x40201000ULL, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_WALK_EABT, 1);
	EXPECT_EQ(res.fetch_addr, HOLE_PA + 1 * 8);	/* L2 index 1 */
	EXPECT_EQ(res.level, 2);
	EXPECT_EQ(res.addr, 0x40201000ULL);
	case_end();

	case_begin("s1_eabt_ttb_outside_ram");
	tree_new(&t, 12, 1, 39);
	s1_cfg_init(&c, &t, CD_TG0_4K, 25);
	c.tt[0].ttb = HOLE_PA;
	rc = s3e_walk_s1(&walker, &c, NULL, 0x40201000ULL, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_WALK_EABT, 1);
	EXPECT_EQ(res.fetch_addr, HOLE_PA + 1 * 8);	/* L1 index 1 */
	EXPECT_EQ(res.level, 1);
	case_end();

	case_begin("s2_eabt");
	tree_new(&t, 12, 1, 40);
	map(&t, 0x1000, 3, 0x80000000ULL, S2_RW);
	wr64(desc_pa(&t, t.base, 0x1000, 1), (HOLE_PA + SZ_4K) |
	     TTD_TABLE | TTD_VALID);
	s2_cfg_init(&c2, &t, S2TG_4K, 1, 24);
	rc = s3e_walk_s2(&walker, &c2, 0x1000, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_WALK_EABT, 2);
	EXPECT_EQ(res.fetch_addr, HOLE_PA + SZ_4K);
	EXPECT_EQ(res.fclass, EVT_CLASS_IN);
	case_end();
}

/* ------------------------------------------------------------------ */

/*
 * Nested set-up: stage 2 maps IPA [IPA_BASE, IPA_BASE + RAM_SIZE) onto RAM
 * with 2MB blocks; stage-1 tables hold IPAs.
 */
#define IPA_BASE	0x200000000ULL
#define IPA_OFF		(IPA_BASE - RAM_BASE)

struct nested {
	struct tree s1, s2;
	struct s3e_s1_cfg c1;
	struct s3e_s2_cfg c2;
};

static s3e_u64 nested_s2_block(struct nested *n, s3e_u64 ipa)
{
	return desc_pa(&n->s2, (rd64(desc_pa(&n->s2, n->s2.base, ipa, 1)) &
				GENMASK(47, 12)), ipa, 2);
}

static void nested_init(struct nested *n)
{
	s3e_u64 off;

	tree_new(&n->s2, 12, 1, 40);
	/* Stage-2 tables first, so that the stage-1 ones are mapped */
	for (off = 0; off < RAM_SIZE; off += SZ_2M)
		map(&n->s2, IPA_BASE + off, 2, RAM_BASE + off, S2_RW);
	tree_new(&n->s1, 12, 0, 48);
	n->s1.ipa_off = IPA_OFF;
	s1_cfg_init(&n->c1, &n->s1, CD_TG0_4K, 16);
	s2_cfg_init(&n->c2, &n->s2, S2TG_4K, 1, 24);
}

static void test_nested(void)
{
	s3e_u64 va = 0x123456789000ULL, l3pa, out, l2ipa, l1pa, l2pa, d, i;
	struct s3e_walk_result res;
	struct nested n;
	int rc;

	case_begin("nested_ok");
	nested_init(&n);
	out = IPA_BASE + 0x3000000ULL;		/* output IPA in RAM */
	map(&n.s1, va, 3, out, S1_RW);
	map(&n.s1, 1ULL << 30, 1, IPA_BASE, S1_RW);
	rc = s3e_walk_s1(&walker, &n.c1, &n.c2, va + 0x44, ACC_W, &res);
	EXPECT_OK(rc, res, RAM_BASE + 0x3000044ULL);
	EXPECT_EQ(res.ipa, out + 0x44);
	EXPECT_EQ(res.size_shift, 12);
	EXPECT_EQ(res.level, 3);
	EXPECT_EQ(res.s2_level, 2);
	EXPECT_EQ(res.perm, S3E_PERM_UR | S3E_PERM_UW | S3E_PERM_UX |
		  S3E_PERM_PR | S3E_PERM_PW);
	/* A 1GB stage-1 block over 2MB stage-2 blocks caches as 2MB */
	rc = s3e_walk_s1(&walker, &n.c1, &n.c2, (1ULL << 30) + 0x300008,
			 ACC_R, &res);
	EXPECT_OK(rc, res, RAM_BASE + 0x300008);
	EXPECT_EQ(res.size_shift, 21);
	case_end();

	case_begin("nested_s2_fault_on_table_fetch");
	nested_init(&n);
	map(&n.s1, va, 3, IPA_BASE, S1_RW);
	/*
	 * Move the level-2 table into a 2MB block of its own and unmap that
	 * block at stage 2; levels 0 and 1 stay reachable.
	 */
	d = rd64(desc_pa(&n.s1, n.s1.base, va, 0));
	l1pa = desc_pa(&n.s1, (d & GENMASK(47, 12)) - IPA_OFF, va, 1);
	d = rd64(l1pa);
	l2pa = pa_alloc(SZ_2M, SZ_2M);
	for (i = 0; i < SZ_4K; i += 8)
		wr64(l2pa + i, rd64((d & GENMASK(47, 12)) - IPA_OFF + i));
	wr64(l1pa, (l2pa + IPA_OFF) | TTD_TABLE | TTD_VALID);
	l2ipa = l2pa + IPA_OFF + ((va >> 21) & 0x1ff) * 8;
	rc = s3e_walk_s1(&walker, &n.c1, &n.c2, va, ACC_R, &res);
	EXPECT_OK(rc, res, RAM_BASE);
	wr64(nested_s2_block(&n, l2ipa), 0);
	rc = s3e_walk_s1(&walker, &n.c1, &n.c2, va, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_TRANSLATION, 2);
	EXPECT_EQ(res.fclass, EVT_CLASS_TTD);
	EXPECT_EQ(res.ipa, l2ipa);
	EXPECT_EQ(res.addr, va);
	EXPECT_EQ(res.tt_write, 0);
	case_end();

	case_begin("nested_s2_fault_on_ttb_fetch");
	nested_init(&n);
	map(&n.s1, va, 3, IPA_BASE, S1_RW);
	wr64(nested_s2_block(&n, n.c1.tt[0].ttb), 0);
	rc = s3e_walk_s1(&walker, &n.c1, &n.c2, va, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_TRANSLATION, 2);
	EXPECT_EQ(res.fclass, EVT_CLASS_TTD);
	EXPECT_EQ(res.ipa, n.c1.tt[0].ttb + 0x24 * 8);
	case_end();

	case_begin("nested_s2_fault_on_output");
	nested_init(&n);
	out = IPA_BASE + RAM_SIZE + 0x5000;	/* not mapped at stage 2 */
	map(&n.s1, va, 3, out, S1_RW);
	rc = s3e_walk_s1(&walker, &n.c1, &n.c2, va + 0x10, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_TRANSLATION, 2);
	EXPECT_EQ(res.fclass, EVT_CLASS_IN);
	EXPECT_EQ(res.ipa, out + 0x10);
	EXPECT_EQ(res.addr, va + 0x10);
	case_end();

	case_begin("nested_s2_perm_on_output");
	nested_init(&n);
	out = IPA_BASE + 0x800000;
	map(&n.s1, va, 3, out, S1_RW);
	wr64(nested_s2_block(&n, out), leaf(RAM_BASE + 0x800000, 2,
					    TTD_AF | TTD_S2AP_READ));
	rc = s3e_walk_s1(&walker, &n.c1, &n.c2, va, ACC_R, &res);
	EXPECT_OK(rc, res, RAM_BASE + 0x800000);
	EXPECT_EQ(s3e_walk_perm_denied(&res, ACC_W), 2);
	EXPECT_EQ(s3e_walk_perm_denied(&res, ACC_X), 0);
	EXPECT_EQ(s3e_walk_perm_denied(&res, ACC_X | ACC_P), 1);
	rc = s3e_walk_s1(&walker, &n.c1, &n.c2, va, ACC_W, &res);
	EXPECT_FAULT(rc, res, EVT_F_PERMISSION, 2);
	EXPECT_EQ(res.fclass, EVT_CLASS_IN);
	EXPECT_EQ(res.ipa, out);
	case_end();

	case_begin("nested_s2_no_read_on_table");
	nested_init(&n);
	map(&n.s1, va, 3, IPA_BASE, S1_RW);
	l3pa = nested_s2_block(&n, n.c1.tt[0].ttb);
	wr64(l3pa, rd64(l3pa) & ~TTD_S2AP_READ);
	rc = s3e_walk_s1(&walker, &n.c1, &n.c2, va, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_PERMISSION, 2);
	EXPECT_EQ(res.fclass, EVT_CLASS_TTD);
	case_end();

	case_begin("nested_ha_needs_s2_write");
	nested_init(&n);
	l3pa = map(&n.s1, va, 3, IPA_BASE, TTD_AP_UNPRIV);
	n.c1.flags |= S3E_S1_HA;
	d = nested_s2_block(&n, l3pa + IPA_OFF);
	wr64(d, rd64(d) & ~TTD_S2AP_WRITE);
	rc = s3e_walk_s1(&walker, &n.c1, &n.c2, va, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_PERMISSION, 2);
	EXPECT_EQ(res.fclass, EVT_CLASS_TTD);
	EXPECT_EQ(res.tt_write, 1);
	EXPECT_EQ(res.ipa, l3pa + IPA_OFF);
	EXPECT_EQ(rd64(l3pa) & TTD_AF, 0);
	wr64(d, rd64(d) | TTD_S2AP_WRITE);
	rc = s3e_walk_s1(&walker, &n.c1, &n.c2, va, ACC_R, &res);
	EXPECT_OK(rc, res, RAM_BASE);
	EXPECT_EQ(rd64(l3pa) & TTD_AF, TTD_AF);
	case_end();

	case_begin("nested_s2_ptw_device");
	nested_init(&n);
	map(&n.s1, va, 3, IPA_BASE, S1_RW);
	l3pa = nested_s2_block(&n, n.c1.tt[0].ttb);
	wr64(l3pa, rd64(l3pa) & ~TTD_S2_MEMATTR);	/* Device-nGnRnE */
	rc = s3e_walk_s1(&walker, &n.c1, &n.c2, va, ACC_R, &res);
	EXPECT_OK(rc, res, RAM_BASE);
	n.c2.flags |= S3E_S2_PTW;
	rc = s3e_walk_s1(&walker, &n.c1, &n.c2, va, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_PERMISSION, 2);
	EXPECT_EQ(res.fclass, EVT_CLASS_TTD);
	case_end();

	case_begin("nested_s2_invalid_config");
	nested_init(&n);
	map(&n.s1, va, 3, IPA_BASE, S1_RW);
	n.c2.sl0 = 3;
	rc = s3e_walk_s1(&walker, &n.c1, &n.c2, va, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_TRANSLATION, 2);
	EXPECT_EQ(res.fclass, EVT_CLASS_TTD);
	case_end();

	case_begin("nested_s1_fault_is_stage1");
	nested_init(&n);
	map(&n.s1, va, 3, IPA_BASE, TTD_AF);
	rc = s3e_walk_s1(&walker, &n.c1, &n.c2, va, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_PERMISSION, 1);
	rc = s3e_walk_s1(&walker, &n.c1, &n.c2, va + SZ_4K, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_TRANSLATION, 1);
	case_end();

	case_begin("nested_eabt_on_s1_table");
	nested_init(&n);
	map(&n.s1, va, 3, IPA_BASE, S1_RW);
	/* Stage 2 sends the IPA of the stage-1 start table outside RAM */
	l3pa = nested_s2_block(&n, n.c1.tt[0].ttb);
	wr64(l3pa, leaf(HOLE_PA, 2, S2_RW));
	rc = s3e_walk_s1(&walker, &n.c1, &n.c2, va, ACC_R, &res);
	EXPECT_FAULT(rc, res, EVT_F_WALK_EABT, 1);
	EXPECT_EQ(res.fetch_addr, HOLE_PA + (n.c1.tt[0].ttb & (SZ_2M - 1)) +
		  0x24 * 8);
	case_end();
}

/* ------------------------------------------------------------------ */

static s3e_u64 rng_state = 0x9e3779b97f4a7c15ULL;

static s3e_u64 rnd(void)
{
	/* xorshift64* */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dULL;
}

#define FUZZ_SIZE	(2ULL << 20)
#define FUZZ_WALKS	200000

static s3e_u64 fuzz_desc(s3e_u64 base)
{
	s3e_u64 r = rnd(), a;

	switch (r & 7) {
	case 0:
		return rnd();				/* anything */
	case 1:
		return 0;
	case 2:						/* outside RAM */
		return (rnd() & GENMASK(47, 12)) | (r & 0xfff);
	default:					/* into the region */
		a = base + (rnd() % FUZZ_SIZE);
		return (a & GENMASK(47, 12)) | (rnd() & 0xfff) | 1 |
		       (rnd() & GENMASK(63, 52));
	}
}

static void test_fuzz(void)
{
	static const s3e_u8 sizes[] = { 12, 14, 16, 21, 25, 29, 30 };
	struct s3e_walk_result res;
	struct s3e_s1_cfg c1;
	struct s3e_s2_cfg c2;
	s3e_u64 base, i, r;
	unsigned int k, ok_size, n_ok = 0;
	int rc;

	case_begin("fuzz_random_tables");
	base = pa_alloc(FUZZ_SIZE, SZ_64K);
	for (i = 0; i < FUZZ_SIZE; i += 8)
		wr64(base + i, fuzz_desc(base));
	for (i = 0; i < FUZZ_WALKS; i++) {
		r = rnd();
		walker.oas = 30 + (r & 31);
		walker.features = (r >> 5) & 3;
		memset(&c1, 0, sizeof(c1));
		memset(&c2, 0, sizeof(c2));
		for (k = 0; k < 2; k++) {
			c1.tt[k].ttb = base + (rnd() % FUZZ_SIZE);
			if (!(rnd() & 15))
				c1.tt[k].ttb = rnd();
			c1.tt[k].tsz = 12 + rnd() % 42;
			c1.tt[k].tg = rnd() & 3;
			c1.tt[k].flags = rnd() & 3;
		}
		c1.ips = rnd() & 7;
		c1.flags = rnd() & 0x1f;
		c2.ttb = base + (rnd() % FUZZ_SIZE);
		c2.t0sz = 14 + rnd() % 34;
		c2.sl0 = rnd() & 3;
		c2.tg = rnd() & 3;
		c2.ps = rnd() & 7;
		c2.flags = rnd() & 7;
		/* Refresh a few descriptors so HA updates keep happening */
		wr64(base + (rnd() % FUZZ_SIZE & ~7ULL), fuzz_desc(base));
		r = rnd();
		switch ((r >> 8) % 3) {
		case 0:
			rc = s3e_walk_s1(&walker, &c1, NULL, rnd() >> (r & 63),
					 r & 7, &res);
			break;
		case 1:
			rc = s3e_walk_s2(&walker, &c2, rnd() >> (r & 63),
					 r & 7, &res);
			break;
		default:
			rc = s3e_walk_s1(&walker, &c1, &c2,
					 rnd() >> (r & 63), r & 7, &res);
			break;
		}
		EXPECT_EQ(rc, res.fault);
		if (rc) {
			EXPECT_EQ(rc == EVT_F_TRANSLATION ||
				  rc == EVT_F_ADDR_SIZE ||
				  rc == EVT_F_ACCESS ||
				  rc == EVT_F_PERMISSION ||
				  rc == EVT_F_WALK_EABT, 1);
			EXPECT_EQ(res.stage == 1 || res.stage == 2, 1);
			continue;
		}
		n_ok++;
		ok_size = 0;
		for (k = 0; k < sizeof(sizes); k++)
			ok_size |= res.size_shift == sizes[k];
		EXPECT_EQ(ok_size, 1);
		EXPECT_EQ(res.oa >> 48, 0);
		EXPECT_EQ(res.perm & ~S3E_PERM_ALL, 0);
		EXPECT_EQ(s3e_perm_needed(r & 7) & res.perm ? 1 : 0, 1);
		EXPECT_EQ(res.level <= 3, 1);
	}
	/* The generator must reach successful translations too */
	EXPECT_EQ(n_ok > 100, 1);
	case_end();
}

/* ------------------------------------------------------------------ */

#define BENCH_PAGES	1024
#define BENCH_ITERS	20000000

static int bench(void)
{
	struct s3e_walk_result res;
	struct s3e_s1_cfg c1;
	struct nested n;
	struct tree t;
	double t0, t1, t2;
	s3e_u64 i, va;

	ram_reset();
	tree_new(&t, 12, 0, 48);
	for (i = 0; i < BENCH_PAGES; i++)
		map(&t, 0x7f0000000000ULL + i * 0x201000ULL, 3,
		    0x80000000ULL + i * SZ_4K, S1_RW);
	s1_cfg_init(&c1, &t, CD_TG0_4K, 16);

	nested_init(&n);
	for (i = 0; i < BENCH_PAGES; i++)
		map(&n.s1, 0x7f0000000000ULL + i * 0x201000ULL, 3,
		    IPA_BASE + i * SZ_4K, S1_RW);

	t0 = now_ns();
	for (i = 0; i < BENCH_ITERS; i++) {
		va = 0x7f0000000000ULL + (i % BENCH_PAGES) * 0x201000ULL;
		s3e_walk_s1(&walker, &c1, NULL, va, ACC_R, &res);
	}
	t1 = now_ns();
	for (i = 0; i < BENCH_ITERS / 4; i++) {
		va = 0x7f0000000000ULL + (i % BENCH_PAGES) * 0x201000ULL;
		s3e_walk_s1(&walker, &n.c1, &n.c2, va, ACC_R, &res);
	}
	t2 = now_ns();
	if (res.fault)
		return 1;
	printf("s1 4K 4-level walk: %.1f ns\n", (t1 - t0) / BENCH_ITERS);
	printf("nested s1 4K 4-level + s2 4K 3-level walk: %.1f ns\n",
	       (t2 - t1) / (BENCH_ITERS / 4));
	return 0;
}

int main(int argc, char **argv)
{
	ram = calloc(1, RAM_SIZE);
	if (!ram)
		return 2;
	if (argc > 1 && !strcmp(argv[1], "--bench"))
		return bench();

	test_s1_literal();
	test_s1_start_levels();
	test_s1_blocks();
	test_s1_bad_blocks();
	test_s2_start_levels();
	test_bad_configs();
	test_s1_perm_matrix();
	test_s1_perm_extras();
	test_s2_perm_matrix();
	test_access_flag();
	test_dirty_state();
	test_addr_size();
	test_input_range();
	test_eabt();
	test_nested();
	test_fuzz();

	free(ram);
	return case_summary();
}
