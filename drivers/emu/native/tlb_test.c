// SPDX-License-Identifier: GPL-2.0-only
/*
 * Native tests and micro-benchmark of the emulator's TLB and configuration
 * cache.
 *
 * Usage: tlb_test           run the tests
 *        tlb_test --bench   time lookups and inserts, simulate a streaming
 *                           DMA workload and report its hit rate
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "test_util.h"
#include "tlb.h"
#include "cfgcache.h"

#define SZ_4K		0x1000ULL
#define SZ_2M		0x200000ULL
#define SZ_1G		0x40000000ULL

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static void case_reset(void)
{
}

/* ------------------------------------------------------------------ */

static struct s3e_tlb *tlb_new(unsigned int capacity)
{
	struct s3e_tlb *tlb = calloc(1, sizeof(*tlb));
	void *mem = malloc(s3e_tlb_storage_size(capacity));

	if (!tlb || !mem || s3e_tlb_init(tlb, capacity, mem)) {
		fprintf(stderr, "test bug: %s(%u)\n", __func__, capacity);
		exit(2);
	}
	return tlb;
}

static void tlb_free(struct s3e_tlb *tlb)
{
	free(tlb->entries);
	free(tlb);
}

static struct s3e_tlb_tag mktag(unsigned int regime, unsigned int kind,
				unsigned int vmid, unsigned int asid)
{
	struct s3e_tlb_tag t = {
		.regime = regime, .kind = kind, .vmid = vmid, .asid = asid,
	};

	return t;
}

/*
 * Insert a translation of @va (size 2^@shift) to @oa as a walk would
 * report it.  For nested entries, @ipa is the stage-1 output and @s2_level
 * the stage-2 leaf level with a 4KB stage-2 granule.
 */
static const struct s3e_tlb_entry *ins_full(struct s3e_tlb *tlb,
					    struct s3e_tlb_tag t, s3e_u64 va,
					    s3e_u64 oa, unsigned int shift,
					    int ng, s3e_u64 ipa,
					    unsigned int s2_level)
{
	struct s3e_walk_result r;

	memset(&r, 0, sizeof(r));
	r.oa = oa | (va & ((1ULL << shift) - 1));
	r.ipa = ipa;
	r.addr = va;
	r.size_shift = shift;
	r.s2_level = s2_level;
	r.ng = ng;
	r.perm = S3E_PERM_UR | S3E_PERM_PR;
	r.s1_perm = S3E_PERM_ALL;
	r.s2_perm = S3E_PERM_UR | S3E_PERM_PR;
	return s3e_tlb_insert(tlb, &t, va, &r, 12);
}

static const struct s3e_tlb_entry *ins(struct s3e_tlb *tlb,
				       struct s3e_tlb_tag t, s3e_u64 va,
				       s3e_u64 oa, unsigned int shift, int ng)
{
	return ins_full(tlb, t, va, oa, shift, ng, oa, 3);
}

/* Output address of @va through the TLB, or ~0 on a miss */
static s3e_u64 xlate(struct s3e_tlb *tlb, struct s3e_tlb_tag t, s3e_u64 va)
{
	const struct s3e_tlb_entry *e = s3e_tlb_lookup(tlb, &t, va);

	return e ? s3e_tlb_entry_oa(e, va) : ~0ULL;
}

#define MISS	(~0ULL)

/* ------------------------------------------------------------------ */

struct range_case {
	s3e_u64 addr;
	unsigned int tg, num, scale;
	s3e_u64 first, last;
};

static void test_range(void)
{
	static const struct range_case cases[] = {
		/* TG = 0: the single address */
		{ 0x12345000, 0, 7, 3, 0x12345000, 0x12345000 },
		/* 4K, NUM 0, SCALE 0: one page */
		{ 0x1000, 1, 0, 0, 0x1000, 0x1fff },
		/* 4K, NUM 3, SCALE 1: (3 + 1) * 2^1 = 8 pages = 32 KiB */
		{ 0x100000, 1, 3, 1, 0x100000, 0x107fff },
		/* 16K, NUM 1, SCALE 2: 2 * 4 = 8 granules = 128 KiB */
		{ 0x8000000, 2, 1, 2, 0x8000000, 0x801ffff },
		/* 64K, NUM 31, SCALE 4: 32 * 16 = 512 granules = 32 MiB */
		{ 0x40000000, 3, 31, 4, 0x40000000, 0x41ffffff },
		/* 4K, NUM 0, SCALE 9: 512 pages = 2 MiB */
		{ 0x200000, 1, 0, 9, 0x200000, 0x3fffff },
		/* address aligned down to the 64K granule */
		{ 0x12345000, 3, 0, 0, 0x12340000, 0x1234ffff },
		/* 4K, NUM 31, SCALE 31: 2^36 pages = 2^48 bytes */
		{ 0, 1, 31, 31, 0, 0xffffffffffffULL },
		/* clamped at the top of the address space */
		{ 0xffffffffffff0000ULL, 1, 31, 10, 0xffffffffffff0000ULL,
		  ~0ULL },
		{ 0xfffffffffff00000ULL, 3, 31, 31, 0xfffffffffff00000ULL,
		  ~0ULL },
	};
	s3e_u64 first, last, num_pages, scale, num, iova, end;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct range_case *c = &cases[i];

		case_begin("tlbi_range_%u_tg%u_num%u_scale%u", i, c->tg,
			   c->num, c->scale);
		s3e_tlbi_range(c->addr, c->tg, c->num, c->scale, &first,
			       &last);
		EXPECT_EQ(first, c->first);
		EXPECT_EQ(last, c->last);
		case_end();
	}

	/*
	 * The Linux driver's encoding of 96 pages from 0x10000000: one
	 * command, scale = __ffs(96) = 5, num = 96 >> 5 = 3, NUM = 2.
	 */
	case_begin("tlbi_range_linux_encoding_96_pages");
	num_pages = 96;
	iova = 0x10000000;
	end = iova + num_pages * SZ_4K;
	scale = __builtin_ctzll(num_pages);
	num = (num_pages >> scale) & 31;
	EXPECT_EQ(scale, 5);
	EXPECT_EQ(num, 3);
	s3e_tlbi_range(iova, CMD_TLBI_TG_4K, num - 1, scale, &first, &last);
	EXPECT_EQ(first, iova);
	EXPECT_EQ(last, end - 1);
	case_end();
}

/* ------------------------------------------------------------------ */

/*
 * The population of the scope tests.  Every entry is looked up with its
 * own tag and address; @oa is unique so a hit proves which entry answered.
 */
struct pop {
	const char *name;
	struct s3e_tlb_tag t;
	s3e_u64 va, oa, ipa;
	unsigned int shift;
	int ng;
};

#define VA_A	0x100000ULL
#define VA_G	0x200000ULL
#define VA_B	0x300000ULL
#define VA_C	0x40000000ULL
#define VA_D	0x600000ULL
#define IPA_N	0x5000ULL

enum {
	P_S1_V1_A1, P_S1_V1_A2, P_S1_V1_GLB, P_S1_V2_A1, P_S2_V1,
	P_S12_V1_A1, P_EL2, P_E2H_A1, P_E2H_GLB, P_S1_V1_A1_FAR,
	P_S1_V1_A1_2M, P_S2_V2, P_NR,
};

static const struct pop pops[P_NR] = {
	[P_S1_V1_A1] = { "s1_vmid1_asid1", { S3E_TLB_NSEL1, S3E_TLB_S1, 1, 1 },
			 VA_A, 0x80001000, 0, 12, 1 },
	[P_S1_V1_A2] = { "s1_vmid1_asid2", { S3E_TLB_NSEL1, S3E_TLB_S1, 1, 2 },
			 VA_A, 0x80002000, 0, 12, 1 },
	[P_S1_V1_GLB] = { "s1_vmid1_global", { S3E_TLB_NSEL1, S3E_TLB_S1, 1, 3 },
			  VA_G, 0x80003000, 0, 12, 0 },
	[P_S1_V2_A1] = { "s1_vmid2_asid1", { S3E_TLB_NSEL1, S3E_TLB_S1, 2, 1 },
			 VA_A, 0x80004000, 0, 12, 1 },
	[P_S2_V1] = { "s2_vmid1", { S3E_TLB_NSEL1, S3E_TLB_S2, 1, 0 },
		      VA_A, 0x80005000, 0, 12, 0 },
	[P_S12_V1_A1] = { "s12_vmid1_asid1",
			  { S3E_TLB_NSEL1, S3E_TLB_S12, 1, 1 },
			  VA_B, 0x80006000, IPA_N, 12, 1 },
	[P_EL2] = { "el2", { S3E_TLB_EL2, S3E_TLB_S1, 0, 0 },
		    VA_A, 0x80007000, 0, 12, 1 },
	[P_E2H_A1] = { "e2h_asid1", { S3E_TLB_EL2_E2H, S3E_TLB_S1, 0, 1 },
		       VA_A, 0x80008000, 0, 12, 1 },
	[P_E2H_GLB] = { "e2h_global", { S3E_TLB_EL2_E2H, S3E_TLB_S1, 0, 4 },
			VA_G, 0x80009000, 0, 12, 0 },
	[P_S1_V1_A1_FAR] = { "s1_vmid1_asid1_far",
			     { S3E_TLB_NSEL1, S3E_TLB_S1, 1, 1 },
			     VA_C, 0x8000a000, 0, 12, 1 },
	[P_S1_V1_A1_2M] = { "s1_vmid1_asid1_2m",
			    { S3E_TLB_NSEL1, S3E_TLB_S1, 1, 1 },
			    VA_D, 0x80200000, 0, 21, 1 },
	[P_S2_V2] = { "s2_vmid2", { S3E_TLB_NSEL1, S3E_TLB_S2, 2, 0 },
		      VA_A, 0x8000b000, 0, 12, 0 },
};

#define B(x)	(1U << (x))
#define P_NSEL1	(B(P_S1_V1_A1) | B(P_S1_V1_A2) | B(P_S1_V1_GLB) | \
		 B(P_S1_V2_A1) | B(P_S2_V1) | B(P_S12_V1_A1) | \
		 B(P_S1_V1_A1_FAR) | B(P_S1_V1_A1_2M) | B(P_S2_V2))
#define P_V1_S1	(B(P_S1_V1_A1) | B(P_S1_V1_A2) | B(P_S1_V1_GLB) | \
		 B(P_S12_V1_A1) | B(P_S1_V1_A1_FAR) | B(P_S1_V1_A1_2M))

static void pop_fill(struct s3e_tlb *tlb)
{
	unsigned int i;

	for (i = 0; i < P_NR; i++)
		ins_full(tlb, pops[i].t, pops[i].va, pops[i].oa, pops[i].shift,
			 pops[i].ng, pops[i].ipa ? pops[i].ipa : pops[i].oa, 3);
}

/* Bit mask of the population entries that hit, each with its own OA */
static unsigned int pop_present(struct s3e_tlb *tlb)
{
	unsigned int i, mask = 0;
	s3e_u64 va;

	for (i = 0; i < P_NR; i++) {
		va = pops[i].va + 0x234;
		if (xlate(tlb, pops[i].t, va) == pops[i].oa + 0x234)
			mask |= 1U << i;
	}
	return mask;
}

struct cmd_case {
	const char *name;
	s3e_u64 cmd0, cmd1;
	unsigned int removed;
};

/* Constant-expression field placement, for static tables */
#define PREP(mask, v)		(((s3e_u64)(v) << __builtin_ctzll(mask)) & (mask))
#define OP(op)			PREP(CMD_0_OP, CMD_OP_##op)
#define VMID(v)			PREP(CMD_TLBI_0_VMID, v)
#define ASID(a)			PREP(CMD_TLBI_0_ASID, a)
#define NUM(n)			PREP(CMD_TLBI_0_NUM, n)
#define SCALE(s)		PREP(CMD_TLBI_0_SCALE, s)
#define TG(g)			PREP(CMD_TLBI_1_TG, g)
#define LEAF			CMD_TLBI_1_LEAF

static const struct cmd_case cmd_cases[] = {
	{ "nh_all_vmid1", OP(TLBI_NH_ALL) | VMID(1), 0, P_V1_S1 },
	{ "nh_all_vmid3_none", OP(TLBI_NH_ALL) | VMID(3), 0, 0 },
	{ "nh_asid_v1_a1", OP(TLBI_NH_ASID) | VMID(1) | ASID(1), 0,
	  B(P_S1_V1_A1) | B(P_S12_V1_A1) | B(P_S1_V1_A1_FAR) |
	  B(P_S1_V1_A1_2M) },
	{ "nh_asid_v1_a3_keeps_global", OP(TLBI_NH_ASID) | VMID(1) | ASID(3),
	  0, 0 },
	{ "nh_va_v1_a1_A", OP(TLBI_NH_VA) | VMID(1) | ASID(1), VA_A,
	  B(P_S1_V1_A1) },
	{ "nh_va_leaf_v1_a1_A", OP(TLBI_NH_VA) | VMID(1) | ASID(1),
	  VA_A | LEAF, B(P_S1_V1_A1) },
	{ "nh_va_v1_a2_global_G", OP(TLBI_NH_VA) | VMID(1) | ASID(2), VA_G,
	  B(P_S1_V1_GLB) },
	{ "nh_va_v2_a2_global_G_other_vmid", OP(TLBI_NH_VA) | VMID(2) |
	  ASID(2), VA_G, 0 },
	{ "nh_va_4k_inside_2m_block", OP(TLBI_NH_VA) | VMID(1) | ASID(1),
	  VA_D + 0xab000, B(P_S1_V1_A1_2M) },
	{ "nh_va_s12", OP(TLBI_NH_VA) | VMID(1) | ASID(1), VA_B,
	  B(P_S12_V1_A1) },
	{ "nh_va_range_2m_from_A", OP(TLBI_NH_VA) | VMID(1) | ASID(1) |
	  NUM(0) | SCALE(9), VA_A | TG(CMD_TLBI_TG_4K),
	  B(P_S1_V1_A1) | B(P_S1_V1_GLB) },
	{ "nh_va_range_ends_before_2m_block", OP(TLBI_NH_VA) | VMID(1) |
	  ASID(1) | NUM(31) | SCALE(6), TG(CMD_TLBI_TG_4K) | 0x0,
	  B(P_S1_V1_A1) | B(P_S1_V1_GLB) | B(P_S12_V1_A1) |
	  B(P_S1_V1_A1_2M) },
	{ "nh_vaa_v1_A", OP(TLBI_NH_VAA) | VMID(1) | ASID(7), VA_A,
	  B(P_S1_V1_A1) | B(P_S1_V1_A2) },
	{ "nh_vaa_v2_A", OP(TLBI_NH_VAA) | VMID(2), VA_A, B(P_S1_V2_A1) },
	{ "el2_all", OP(TLBI_EL2_ALL), 0,
	  B(P_EL2) | B(P_E2H_A1) | B(P_E2H_GLB) },
	{ "el2_asid_1", OP(TLBI_EL2_ASID) | ASID(1), 0, B(P_E2H_A1) },
	{ "el2_va_a5_A", OP(TLBI_EL2_VA) | ASID(5), VA_A, B(P_EL2) },
	{ "el2_va_a1_A", OP(TLBI_EL2_VA) | ASID(1), VA_A,
	  B(P_EL2) | B(P_E2H_A1) },
	{ "el2_va_a9_G_global", OP(TLBI_EL2_VA) | ASID(9), VA_G,
	  B(P_E2H_GLB) },
	{ "el2_vaa_A", OP(TLBI_EL2_VAA), VA_A, B(P_EL2) | B(P_E2H_A1) },
	{ "s12_vmall_v1", OP(TLBI_S12_VMALL) | VMID(1), 0,
	  P_V1_S1 | B(P_S2_V1) },
	{ "s12_vmall_v2", OP(TLBI_S12_VMALL) | VMID(2), 0,
	  B(P_S1_V2_A1) | B(P_S2_V2) },
	{ "s2_ipa_v1_A", OP(TLBI_S2_IPA) | VMID(1), VA_A, B(P_S2_V1) },
	{ "s2_ipa_v1_nested_ipa", OP(TLBI_S2_IPA) | VMID(1), IPA_N,
	  B(P_S12_V1_A1) },
	{ "s2_ipa_v2_nested_ipa_other_vmid", OP(TLBI_S2_IPA) | VMID(2),
	  IPA_N, 0 },
	{ "nsnh_all", OP(TLBI_NSNH_ALL), 0, P_NSEL1 },
	{ "el3_all_no_effect", OP(TLBI_EL3_ALL), 0, 0 },
};

/*
 * §4.4.1.1 TTL with honour_ttl (strict mode): a 2 MB block survives a
 * TLBI_NH_VA naming level 3 and goes with level 2 or no hint; TG = 16KB
 * with TTL = 0b01 (reserved without IDR5.DS) counts as no hint; without
 * honour_ttl every level goes.
 */
static void test_ttl_hint(void)
{
	static const struct {
		const char *name;
		int honour;
		s3e_u64 cmd1;
		int stays;
	} c[] = {
		{ "ttl_l3_keeps_block", 1, TG(1) | PREP(CMD_TLBI_1_TTL, 3), 1 },
		{ "ttl_l2_removes_block", 1, TG(1) | PREP(CMD_TLBI_1_TTL, 2), 0 },
		{ "ttl_none_removes_block", 1, 0, 0 },
		{ "ttl_16k_l1_is_no_hint", 1, TG(2) | PREP(CMD_TLBI_1_TTL, 1), 0 },
		{ "ttl_ignored_default", 0, TG(1) | PREP(CMD_TLBI_1_TTL, 3), 0 },
	};
	struct s3e_tlb_tag t = mktag(S3E_TLB_NSEL1, S3E_TLB_S1, 1, 2);
	struct s3e_tlb *tlb;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(c); i++) {
		case_begin("%s", c[i].name);
		tlb = tlb_new(64);
		tlb->honour_ttl = c[i].honour;
		ins(tlb, t, 0x40200000ULL, 0x80200000ULL, 21, 1);
		EXPECT_EQ(s3e_tlb_exec_cmd(tlb, OP(TLBI_NH_VA) | VMID(1) |
					   ASID(2), 0x40201000ULL | LEAF |
					   c[i].cmd1), 0);
		EXPECT_EQ(xlate(tlb, t, 0x40201000ULL) != MISS, c[i].stays);
		tlb_free(tlb);
		case_end();
	}
}

static void test_scopes(void)
{
	const unsigned int all = (1U << P_NR) - 1;
	struct s3e_tlb *tlb;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cmd_cases); i++) {
		const struct cmd_case *c = &cmd_cases[i];

		case_begin("scope_%s", c->name);
		tlb = tlb_new(64);
		pop_fill(tlb);
		/* Before: every entry, stale or not, is still returned */
		EXPECT_EQ(pop_present(tlb), all);
		EXPECT_EQ(s3e_tlb_exec_cmd(tlb, c->cmd0, c->cmd1), 0);
		/* After: exactly the entries in scope are gone */
		EXPECT_EQ(pop_present(tlb), all & ~c->removed);
		EXPECT_EQ(tlb->used, P_NR - __builtin_popcount(c->removed));
		tlb_free(tlb);
		case_end();
	}

	case_begin("scope_direct_calls_match_commands");
	tlb = tlb_new(64);
	pop_fill(tlb);
	s3e_tlb_inv_nh_va(tlb, 1, 2, VA_A, VA_A);
	EXPECT_EQ(pop_present(tlb), all & ~B(P_S1_V1_A2));
	s3e_tlb_inv_s2_ipa(tlb, 2, VA_A, VA_A + SZ_4K - 1);
	EXPECT_EQ(pop_present(tlb), all & ~B(P_S1_V1_A2) & ~B(P_S2_V2));
	s3e_tlb_flush(tlb);
	EXPECT_EQ(pop_present(tlb), 0);
	EXPECT_EQ(tlb->used, 0);
	EXPECT_EQ(s3e_tlb_exec_cmd(tlb, OP(CFGI_ALL), 0), -1);
	EXPECT_EQ(tlb->stats.inv[S3E_TLBI_NH_VA], 1);
	EXPECT_EQ(tlb->stats.inv[S3E_TLBI_S2_IPA], 1);
	EXPECT_EQ(tlb->stats.inv[S3E_TLBI_FLUSH], 1);
	tlb_free(tlb);
	case_end();
}

/* ------------------------------------------------------------------ */

static void test_mixed_sizes(void)
{
	struct s3e_tlb_tag t = mktag(S3E_TLB_NSEL1, S3E_TLB_S1, 0, 5);
	struct s3e_tlb_tag tn = mktag(S3E_TLB_NSEL1, S3E_TLB_S12, 3, 5);
	const struct s3e_tlb_entry *e;
	struct s3e_tlb *tlb;

	case_begin("mixed_4k_2m_1g_lookup");
	tlb = tlb_new(16);
	ins(tlb, t, 0x1000, 0x9000, 12, 1);
	ins(tlb, t, 0x200000, 0x80000000, 21, 1);
	ins(tlb, t, 0x40000000, 0x100000000ULL, 30, 1);
	EXPECT_EQ(xlate(tlb, t, 0x1abc), 0x9abc);
	EXPECT_EQ(xlate(tlb, t, 0x2000), MISS);
	EXPECT_EQ(xlate(tlb, t, 0x200000), 0x80000000);
	EXPECT_EQ(xlate(tlb, t, 0x3fffff), 0x801fffff);
	EXPECT_EQ(xlate(tlb, t, 0x400000), MISS);
	EXPECT_EQ(xlate(tlb, t, 0x40000000), 0x100000000ULL);
	EXPECT_EQ(xlate(tlb, t, 0x7fffffff), 0x13fffffffULL);
	EXPECT_EQ(xlate(tlb, t, 0x80000000), MISS);
	EXPECT_EQ(tlb->sizes, (1ULL << 12) | (1ULL << 21) | (1ULL << 30));
	case_end();

	case_begin("mixed_partial_overlap_invalidation");
	/* 64 KiB range straddling the start of the 2M block */
	s3e_tlb_inv_nh_va(tlb, 0, 5, 0x1f0000, 0x1fffff);
	EXPECT_EQ(xlate(tlb, t, 0x200000), 0x80000000);
	s3e_tlb_inv_nh_va(tlb, 0, 5, 0x1f0000, 0x200fff);
	EXPECT_EQ(xlate(tlb, t, 0x300000), MISS);
	EXPECT_EQ(xlate(tlb, t, 0x1abc), 0x9abc);
	/* 4K invalidation inside the 1G block */
	s3e_tlb_inv_nh_va(tlb, 0, 5, 0x7654f000, 0x7654ffff);
	EXPECT_EQ(xlate(tlb, t, 0x40000000), MISS);
	EXPECT_EQ(xlate(tlb, t, 0x1abc), 0x9abc);
	EXPECT_EQ(tlb->sizes, 1ULL << 12);
	tlb_free(tlb);
	case_end();

	case_begin("nested_s1_4k_s2_2m_hit_by_s2_ipa_of_block_base");
	tlb = tlb_new(16);
	/* S1 4K page at VA 0x10000 -> IPA 0x40123000; S2 2M block (level 2) */
	e = ins_full(tlb, tn, 0x10000, 0x90123000, 12, 1, 0x40123000, 2);
	EXPECT_EQ(!!e, 1);
	EXPECT_EQ(xlate(tlb, tn, 0x10010), 0x90123010);
	/* IPA outside the 2M block: kept */
	s3e_tlb_inv_s2_ipa(tlb, 3, 0x40200000, 0x40200000);
	EXPECT_EQ(xlate(tlb, tn, 0x10010), 0x90123010);
	/* other VMID: kept */
	s3e_tlb_inv_s2_ipa(tlb, 4, 0x40000000, 0x40000000);
	EXPECT_EQ(xlate(tlb, tn, 0x10010), 0x90123010);
	/* block base, not the cached IPA page: removed */
	s3e_tlb_inv_s2_ipa(tlb, 3, 0x40000000, 0x40000000);
	EXPECT_EQ(xlate(tlb, tn, 0x10010), MISS);
	case_end();

	case_begin("nested_s1_2m_s2_4k_size_is_smaller");
	/* S1 2M block, S2 4K page: the combined entry covers 4K */
	e = ins_full(tlb, tn, 0x605000, 0x77005000, 12, 1, 0x20005000, 3);
	EXPECT_EQ(!!e, 1);
	EXPECT_EQ(xlate(tlb, tn, 0x605800), 0x77005800);
	EXPECT_EQ(xlate(tlb, tn, 0x606000), MISS);
	s3e_tlb_inv_s2_ipa(tlb, 3, 0x20004000, 0x20004fff);
	EXPECT_EQ(xlate(tlb, tn, 0x605800), 0x77005800);
	s3e_tlb_inv_s2_ipa(tlb, 3, 0x20005000, 0x20005fff);
	EXPECT_EQ(xlate(tlb, tn, 0x605800), MISS);
	tlb_free(tlb);
	case_end();

	case_begin("insert_rejects_faults_and_bad_sizes");
	tlb = tlb_new(4);
	{
		struct s3e_walk_result r;

		memset(&r, 0, sizeof(r));
		r.size_shift = 12;
		r.fault = EVT_F_TRANSLATION;
		EXPECT_EQ(!s3e_tlb_insert(tlb, &t, 0, &r, 12), 1);
		r.fault = 0;
		r.size_shift = 11;
		EXPECT_EQ(!s3e_tlb_insert(tlb, &t, 0, &r, 12), 1);
		r.size_shift = 31;
		EXPECT_EQ(!s3e_tlb_insert(tlb, &t, 0, &r, 12), 1);
		r.size_shift = 12;
		EXPECT_EQ(!s3e_tlb_insert(tlb, &tn, 0, &r, 13), 1);
		EXPECT_EQ(!!s3e_tlb_insert(tlb, &tn, 0, &r, 16), 1);
		EXPECT_EQ(tlb->used, 1);
	}
	tlb_free(tlb);
	case_end();

	case_begin("perm_recheck_on_hit");
	tlb = tlb_new(4);
	{
		ins_full(tlb, tn, 0x1000, 0x2000, 12, 1, 0x3000, 3);
		e = s3e_tlb_lookup(tlb, &tn, 0x1000);
		EXPECT_EQ(!!e, 1);
		if (e) {
			EXPECT_EQ(s3e_tlb_perm_denied(e, 0), 0);
			EXPECT_EQ(s3e_tlb_perm_denied(e, S3E_ACC_PRIV), 0);
			/* S1 allows everything, S2 is read-only */
			EXPECT_EQ(s3e_tlb_perm_denied(e, S3E_ACC_WRITE), 2);
		}
	}
	tlb_free(tlb);
	case_end();

	case_begin("duplicate_insert_replaces");
	tlb = tlb_new(4);
	ins(tlb, t, 0x5000, 0x1000, 12, 1);
	ins(tlb, t, 0x5000, 0x8000, 12, 1);
	EXPECT_EQ(tlb->used, 1);
	EXPECT_EQ(xlate(tlb, t, 0x5008), 0x8008);
	tlb_free(tlb);
	case_end();
}

/* ------------------------------------------------------------------ */

static void test_capacity(void)
{
	struct s3e_tlb_tag t = mktag(S3E_TLB_NSEL1, S3E_TLB_S1, 0, 1);
	struct s3e_tlb *tlb;

	case_begin("capacity_1");
	tlb = tlb_new(1);
	ins(tlb, t, 0, 0x100000, 12, 1);
	EXPECT_EQ(xlate(tlb, t, 0x10), 0x100010);
	ins(tlb, t, SZ_2M, 0x400000, 21, 1);
	EXPECT_EQ(xlate(tlb, t, 0x10), MISS);
	EXPECT_EQ(xlate(tlb, t, SZ_2M + 0x1234), 0x401234);
	s3e_tlb_inv_nh_va(tlb, 0, 1, SZ_2M, SZ_2M);
	EXPECT_EQ(xlate(tlb, t, SZ_2M), MISS);
	EXPECT_EQ(tlb->used, 0);
	ins(tlb, t, 0, 0x100000, 12, 1);
	EXPECT_EQ(xlate(tlb, t, 0x10), 0x100010);
	tlb_free(tlb);
	case_end();

	case_begin("init_rejects_bad_capacity");
	{
		struct s3e_tlb x;
		char buf[64];

		EXPECT_EQ(s3e_tlb_storage_size(0), 0);
		EXPECT_EQ(s3e_tlb_init(&x, 0, buf), -1);
		EXPECT_EQ(s3e_tlb_init(&x, 4, NULL), -1);
		EXPECT_EQ(s3e_tlb_storage_size(S3E_TLB_MAX_ENTRIES + 1), 0);
	}
	case_end();
}

/* ------------------------------------------------------------------ */

/* Reference model: a flat array searched linearly */
struct model_ent {
	struct s3e_tlb_tag t;
	s3e_u64 va, oa, ipa;
	unsigned int shift, s2shift;
	int ng, live;
};

#define MODEL_MAX	20000

static struct model_ent model[MODEL_MAX];
static unsigned int model_n;

static unsigned int rng_state = 12345;

static unsigned int rnd(unsigned int n)
{
	rng_state = rng_state * 1103515245 + 12345;
	return (rng_state >> 8) % n;
}

static int model_tag_match(const struct model_ent *m,
			   const struct s3e_tlb_tag *t)
{
	if (m->t.regime != t->regime || m->t.kind != t->kind)
		return 0;
	if (t->regime == S3E_TLB_NSEL1 && m->t.vmid != t->vmid)
		return 0;
	if (t->regime == S3E_TLB_EL2 || t->kind == S3E_TLB_S2 || !m->ng)
		return 1;
	return m->t.asid == t->asid;
}

static int model_covers(const struct model_ent *m, s3e_u64 va)
{
	return (va & ~((1ULL << m->shift) - 1)) == m->va;
}

static int overlaps(s3e_u64 base, unsigned int shift, s3e_u64 first,
		    s3e_u64 last)
{
	return base <= last && first <= base + (1ULL << shift) - 1;
}

enum { M_NH_ALL, M_NH_ASID, M_NH_VA, M_NH_VAA, M_EL2_ALL, M_EL2_ASID,
	M_EL2_VA, M_EL2_VAA, M_S12_VMALL, M_S2_IPA, M_NSNH_ALL, M_NR };

/* Does invalidation @op (vmid, asid, range) remove @m? */
static int model_inv_hits(const struct model_ent *m, int op, unsigned int vmid,
			  unsigned int asid, s3e_u64 first, s3e_u64 last)
{
	int nsel1 = m->t.regime == S3E_TLB_NSEL1;
	int el2 = !nsel1;
	int s1 = m->t.kind != S3E_TLB_S2;
	int ng = m->ng && m->t.regime != S3E_TLB_EL2 &&
		 m->t.kind != S3E_TLB_S2;

	switch (op) {
	case M_NH_ALL:
		return nsel1 && s1 && m->t.vmid == vmid;
	case M_NH_ASID:
		return nsel1 && s1 && m->t.vmid == vmid && ng &&
		       m->t.asid == asid;
	case M_NH_VA:
		return nsel1 && s1 && m->t.vmid == vmid &&
		       (!ng || m->t.asid == asid) &&
		       overlaps(m->va, m->shift, first, last);
	case M_NH_VAA:
		return nsel1 && s1 && m->t.vmid == vmid &&
		       overlaps(m->va, m->shift, first, last);
	case M_EL2_ALL:
		return el2;
	case M_EL2_ASID:
		return el2 && ng && m->t.asid == asid;
	case M_EL2_VA:
		return el2 && (!ng || m->t.asid == asid) &&
		       overlaps(m->va, m->shift, first, last);
	case M_EL2_VAA:
		return el2 && overlaps(m->va, m->shift, first, last);
	case M_S12_VMALL:
		return nsel1 && m->t.vmid == vmid;
	case M_S2_IPA:
		if (!nsel1 || m->t.vmid != vmid)
			return 0;
		if (m->t.kind == S3E_TLB_S2)
			return overlaps(m->va, m->shift, first, last);
		if (m->t.kind == S3E_TLB_S12)
			return overlaps(m->ipa, m->s2shift, first, last);
		return 0;
	case M_NSNH_ALL:
		return nsel1;
	}
	return 0;
}

static void tlb_do_inv(struct s3e_tlb *tlb, int op, unsigned int vmid,
		       unsigned int asid, s3e_u64 first, s3e_u64 last)
{
	switch (op) {
	case M_NH_ALL:
		s3e_tlb_inv_nh_all(tlb, vmid);
		break;
	case M_NH_ASID:
		s3e_tlb_inv_nh_asid(tlb, vmid, asid);
		break;
	case M_NH_VA:
		s3e_tlb_inv_nh_va(tlb, vmid, asid, first, last);
		break;
	case M_NH_VAA:
		s3e_tlb_inv_nh_vaa(tlb, vmid, first, last);
		break;
	case M_EL2_ALL:
		s3e_tlb_inv_el2_all(tlb);
		break;
	case M_EL2_ASID:
		s3e_tlb_inv_el2_asid(tlb, asid);
		break;
	case M_EL2_VA:
		s3e_tlb_inv_el2_va(tlb, asid, first, last);
		break;
	case M_EL2_VAA:
		s3e_tlb_inv_el2_vaa(tlb, first, last);
		break;
	case M_S12_VMALL:
		s3e_tlb_inv_s12_vmall(tlb, vmid);
		break;
	case M_S2_IPA:
		s3e_tlb_inv_s2_ipa(tlb, vmid, first, last);
		break;
	case M_NSNH_ALL:
		s3e_tlb_inv_nsnh_all(tlb);
		break;
	}
}

static void random_tag(struct s3e_tlb_tag *t)
{
	t->regime = rnd(6) < 4 ? S3E_TLB_NSEL1 : 1 + rnd(2);
	t->kind = t->regime == S3E_TLB_NSEL1 ? rnd(3) : S3E_TLB_S1;
	t->vmid = rnd(3);
	t->asid = rnd(3);
}

static s3e_u64 random_va(void)
{
	/* A few pages in a few 2M regions of two 1G regions */
	return rnd(2) * SZ_1G + rnd(3) * SZ_2M + rnd(8) * SZ_4K +
	       rnd(4096);
}

/*
 * Random operations on a small and a large TLB against the model.  The
 * large TLB never evicts, so it must agree exactly with the model: hit
 * if and only if the model has a live entry, with the same output.  The
 * small TLB may miss, but any hit must be a live model entry.
 */
static void test_stress(const char *name, int few_pages)
{
	static const unsigned int shifts[] = { 12, 12, 12, 14, 16, 21, 21, 30 };
	struct s3e_tlb *big, *small;
	unsigned int iter, i, k, nmatch, lookups = 0, big_hits = 0;
	unsigned int small_hits = 0, invs = 0, agree_bad = 0;

	case_begin("%s", name);
	big = tlb_new(MODEL_MAX);
	small = tlb_new(37);
	model_n = 0;
	for (iter = 0; iter < 15000 && model_n < MODEL_MAX; iter++) {
		unsigned int r = rnd(100);
		struct s3e_tlb_tag t;

		random_tag(&t);
		if (r < 35) {
			struct model_ent *m = &model[model_n];
			unsigned int shift = shifts[rnd(ARRAY_SIZE(shifts))];
			unsigned int s2l = 1 + rnd(3);
			s3e_u64 va = random_va(), ipa;
			int ng = rnd(3) != 0;

			/* A nested entry is no larger than its S2 mapping */
			if (t.kind == S3E_TLB_S12 &&
			    12 + (3 - s2l) * 9 < shift)
				shift = 12 + (3 - s2l) * 9;
			ipa = (rnd(4) * SZ_1G) | (va & (SZ_1G - 1));
			ins_full(big, t, va, 0x1000000000ULL * (model_n + 1),
				 shift, ng, ipa, s2l);
			ins_full(small, t, va, 0x1000000000ULL * (model_n + 1),
				 shift, ng, ipa, s2l);
			/* Model: replace identical tag and range */
			m->t = t;
			if (t.regime != S3E_TLB_NSEL1)
				m->t.vmid = 0;
			m->va = va & ~((1ULL << shift) - 1);
			m->oa = 0x1000000000ULL * (model_n + 1);
			m->shift = shift;
			m->s2shift = t.kind == S3E_TLB_S12 ?
				     12 + (3 - s2l) * 9 : shift;
			m->ipa = t.kind == S3E_TLB_S12 ?
				 ipa & ~((1ULL << m->s2shift) - 1) : m->va;
			m->ng = ng && t.regime != S3E_TLB_EL2 &&
				t.kind != S3E_TLB_S2;
			if (!m->ng)
				m->t.asid = 0;
			m->live = 1;
			for (i = 0; i < model_n; i++)
				if (model[i].live &&
				    model[i].t.regime == m->t.regime &&
				    model[i].t.kind == m->t.kind &&
				    model[i].t.vmid == m->t.vmid &&
				    model[i].t.asid == m->t.asid &&
				    model[i].ng == m->ng &&
				    model[i].va == m->va &&
				    model[i].shift == m->shift)
					model[i].live = 0;
			model_n++;
		} else if (r < 90) {
			s3e_u64 va = random_va();
			const struct s3e_tlb_entry *eb, *es;
			int found_b = 0, found_s = 0;

			if (t.regime != S3E_TLB_NSEL1)
				t.vmid = 0;
			eb = s3e_tlb_lookup(big, &t, va);
			es = s3e_tlb_lookup(small, &t, va);
			lookups++;
			big_hits += !!eb;
			small_hits += !!es;
			nmatch = 0;
			for (i = 0; i < model_n; i++) {
				const struct model_ent *m = &model[i];

				if (!m->live || !model_tag_match(m, &t) ||
				    !model_covers(m, va))
					continue;
				nmatch++;
				if (eb && s3e_tlb_entry_oa(eb, va) ==
				    (m->oa | (va & ((1ULL << m->shift) - 1))))
					found_b = 1;
				if (es && s3e_tlb_entry_oa(es, va) ==
				    (m->oa | (va & ((1ULL << m->shift) - 1))))
					found_s = 1;
			}
			if (!!eb != !!nmatch || (eb && !found_b) ||
			    (es && !found_s)) {
				if (!agree_bad++)
					expect_fail(__LINE__, "lookup iter",
						    iter, ~0ULL);
			}
		} else {
			int op = rnd(M_NR);
			s3e_u64 first = random_va() & ~(SZ_4K - 1), last;

			last = first + (rnd(4) ? SZ_4K : (rnd(600) * SZ_4K +
			       SZ_4K)) - 1;
			if (op == M_S2_IPA && rnd(2))
				first = (rnd(4) * SZ_1G) |
					(first & (SZ_1G - 1));
			last = first + (last - (last & ~(SZ_1G - 1))) % SZ_1G;
			if (last < first)
				last = first;
			/*
			 * One address (TG = 0) or up to 3 pages, as the Linux
			 * driver invalidates: the TLB looks these up in its
			 * hash table instead of visiting every entry
			 */
			if (few_pages)
				last = rnd(2) ? first + rnd(4096) :
				       first + (1 + rnd(3)) * SZ_4K - 1;
			invs++;
			tlb_do_inv(big, op, t.vmid, t.asid, first, last);
			tlb_do_inv(small, op, t.vmid, t.asid, first, last);
			for (i = 0; i < model_n; i++)
				if (model[i].live &&
				    model_inv_hits(&model[i], op, t.vmid,
						   t.asid, first, last))
					model[i].live = 0;
		}
	}
	/* Final sweep: every live model entry is in the big TLB */
	for (i = 0, k = 0; i < model_n; i++)
		if (model[i].live)
			k++;
	EXPECT_EQ(big->used, k);
	EXPECT_EQ(agree_bad, 0);
	EXPECT_EQ(big_hits > 100, 1);
	EXPECT_EQ(small_hits > 20, 1);
	EXPECT_EQ(invs > 500, 1);
	EXPECT_EQ(big->stats.hits + big->stats.misses, lookups);
	tlb_free(big);
	tlb_free(small);
	case_end();
}

/* ------------------------------------------------------------------ */

static struct s3e_cfgc *cfgc_new(unsigned int capacity)
{
	struct s3e_cfgc *c = calloc(1, sizeof(*c));
	void *mem = malloc(s3e_cfgc_storage_size(capacity));

	if (!c || !mem || s3e_cfgc_init(c, capacity, mem)) {
		fprintf(stderr, "test bug: %s(%u)\n", __func__, capacity);
		exit(2);
	}
	return c;
}

static void cfgc_free(struct s3e_cfgc *c)
{
	free(c->entries);
	free(c);
}

static void words(s3e_u64 *w, s3e_u64 seed)
{
	unsigned int i;

	for (i = 0; i < 8; i++)
		w[i] = seed * 0x100 + i;
}

/* First word of the cached STE of @sid, or 0 */
static s3e_u64 ste0(struct s3e_cfgc *c, s3e_u32 sid)
{
	const s3e_u64 *w = s3e_cfgc_lookup_ste(c, sid);

	return w ? w[0] : 0;
}

static s3e_u64 cd0(struct s3e_cfgc *c, s3e_u32 sid, s3e_u32 ssid)
{
	const s3e_u64 *w = s3e_cfgc_lookup_cd(c, sid, ssid);

	return w ? w[0] : 0;
}

/* Cache the STE and CDs 0 and 1 of StreamIDs 0 to 9 */
static void cfgc_fill(struct s3e_cfgc *c)
{
	s3e_u64 w[8];
	s3e_u32 sid;

	for (sid = 0; sid < 10; sid++) {
		words(w, 0x1000 + sid);
		s3e_cfgc_insert_ste(c, sid, w);
		words(w, 0x2000 + sid);
		s3e_cfgc_insert_cd(c, sid, 0, w);
		words(w, 0x3000 + sid);
		s3e_cfgc_insert_cd(c, sid, 1, w);
	}
}

/* Mask of the StreamIDs whose STE is still cached */
static unsigned int ste_mask(struct s3e_cfgc *c)
{
	unsigned int m = 0, sid;

	for (sid = 0; sid < 10; sid++)
		if (ste0(c, sid) == (0x1000 + sid) * 0x100)
			m |= 1U << sid;
	return m;
}

static unsigned int cd_mask(struct s3e_cfgc *c, s3e_u32 ssid)
{
	unsigned int m = 0, sid;

	for (sid = 0; sid < 10; sid++)
		if (cd0(c, sid, ssid) == (0x2000 + 0x1000 * ssid + sid) * 0x100)
			m |= 1U << sid;
	return m;
}

#define SID(s)		PREP(CMD_0_SID, s)
#define SSID(s)		PREP(CMD_0_SSID, s)
#define RANGE(r)	PREP(CMD_CFGI_1_RANGE, r)

static void test_cfgcache(void)
{
	struct s3e_cfgc *c;
	const s3e_u64 *w;
	s3e_u64 buf[8];
	unsigned int i;

	case_begin("cfgc_insert_lookup_raw_words");
	c = cfgc_new(64);
	cfgc_fill(c);
	w = s3e_cfgc_lookup_ste(c, 7);
	EXPECT_EQ(!!w, 1);
	for (i = 0; w && i < 8; i++)
		EXPECT_EQ(w[i], 0x100700ULL + i);
	EXPECT_EQ(ste_mask(c), 0x3ff);
	EXPECT_EQ(cd_mask(c, 0), 0x3ff);
	EXPECT_EQ(cd_mask(c, 1), 0x3ff);
	EXPECT_EQ(!s3e_cfgc_lookup_ste(c, 10), 1);
	EXPECT_EQ(!s3e_cfgc_lookup_cd(c, 3, 2), 1);
	/* Replacement */
	words(buf, 0x77);
	s3e_cfgc_insert_ste(c, 7, buf);
	EXPECT_EQ(ste0(c, 7), 0x7700);
	EXPECT_EQ(c->used, 30);
	cfgc_free(c);
	case_end();

	case_begin("cfgi_ste_drops_cds_of_that_sid");
	c = cfgc_new(64);
	cfgc_fill(c);
	EXPECT_EQ(s3e_cfgc_exec_cmd(c, OP(CFGI_STE) | SID(3), LEAF), 0);
	EXPECT_EQ(ste_mask(c), 0x3ff & ~B(3));
	EXPECT_EQ(cd_mask(c, 0), 0x3ff & ~B(3));
	EXPECT_EQ(cd_mask(c, 1), 0x3ff & ~B(3));
	/* Leaf = 0 same effect */
	EXPECT_EQ(s3e_cfgc_exec_cmd(c, OP(CFGI_STE) | SID(4), 0), 0);
	EXPECT_EQ(ste_mask(c), 0x3ff & ~B(3) & ~B(4));
	EXPECT_EQ(cd_mask(c, 1), 0x3ff & ~B(3) & ~B(4));
	cfgc_free(c);
	case_end();

	case_begin("cfgi_ste_range_0_is_aligned_pair");
	c = cfgc_new(64);
	cfgc_fill(c);
	/* Range 0: 2 StreamIDs, 5 & ~1 = 4: SIDs 4 and 5 */
	s3e_cfgc_exec_cmd(c, OP(CFGI_STE_RANGE) | SID(5), RANGE(0));
	EXPECT_EQ(ste_mask(c), 0x3ff & ~(B(4) | B(5)));
	EXPECT_EQ(cd_mask(c, 0), 0x3ff & ~(B(4) | B(5)));
	cfgc_free(c);
	case_end();

	case_begin("cfgi_ste_range_1_is_aligned_quad");
	c = cfgc_new(64);
	cfgc_fill(c);
	/* Range 1: 4 StreamIDs, 6 & ~3 = 4: SIDs 4 to 7 */
	s3e_cfgc_exec_cmd(c, OP(CFGI_STE_RANGE) | SID(6), RANGE(1));
	EXPECT_EQ(ste_mask(c), 0x3ff & ~0xf0);
	EXPECT_EQ(cd_mask(c, 1), 0x3ff & ~0xf0);
	/* Range 2: 8 StreamIDs, 9 & ~7 = 8: SIDs 8 to 15 */
	s3e_cfgc_exec_cmd(c, OP(CFGI_STE_RANGE) | SID(9), RANGE(2));
	EXPECT_EQ(ste_mask(c), 0x00f);
	EXPECT_EQ(c->stats.inv[S3E_CFGI_STE_RANGE], 2);
	cfgc_free(c);
	case_end();

	case_begin("cfgi_all_range_31");
	c = cfgc_new(64);
	cfgc_fill(c);
	words(buf, 0x99);
	s3e_cfgc_insert_ste(c, 0xffffffffU, buf);
	s3e_cfgc_exec_cmd(c, OP(CFGI_ALL) | SID(0x1234), RANGE(31));
	EXPECT_EQ(ste_mask(c), 0);
	EXPECT_EQ(cd_mask(c, 0), 0);
	EXPECT_EQ(!s3e_cfgc_lookup_ste(c, 0xffffffffU), 1);
	EXPECT_EQ(c->used, 0);
	EXPECT_EQ(c->stats.inv[S3E_CFGI_ALL], 1);
	/* Range 30: 2^31 StreamIDs, the upper half */
	cfgc_fill(c);
	s3e_cfgc_insert_ste(c, 0xffffffffU, buf);
	s3e_cfgc_inv_ste_range(c, 0x80000000U, 30);
	EXPECT_EQ(ste_mask(c), 0x3ff);
	EXPECT_EQ(!s3e_cfgc_lookup_ste(c, 0xffffffffU), 1);
	cfgc_free(c);
	case_end();

	case_begin("cfgi_cd_one_and_cd_all_keep_ste");
	c = cfgc_new(64);
	cfgc_fill(c);
	s3e_cfgc_exec_cmd(c, OP(CFGI_CD) | SID(2) | SSID(1), LEAF);
	EXPECT_EQ(cd_mask(c, 1), 0x3ff & ~B(2));
	EXPECT_EQ(cd_mask(c, 0), 0x3ff);
	EXPECT_EQ(ste_mask(c), 0x3ff);
	s3e_cfgc_exec_cmd(c, OP(CFGI_CD_ALL) | SID(8), 0);
	EXPECT_EQ(cd_mask(c, 0), 0x3ff & ~B(8));
	EXPECT_EQ(cd_mask(c, 1), 0x3ff & ~B(2) & ~B(8));
	EXPECT_EQ(ste_mask(c), 0x3ff);
	EXPECT_EQ(s3e_cfgc_exec_cmd(c, OP(CFGI_VMS_PIDM), 0), 0);
	EXPECT_EQ(s3e_cfgc_exec_cmd(c, OP(TLBI_NH_ALL), 0), -1);
	cfgc_free(c);
	case_end();

	case_begin("cfgc_capacity_1");
	words(buf, 4);
	c = cfgc_new(1);
	s3e_cfgc_insert_ste(c, 1, buf);
	s3e_cfgc_insert_cd(c, 1, 5, buf);
	EXPECT_EQ(ste0(c, 1), 0);
	EXPECT_EQ(cd0(c, 1, 5), 0x400);
	cfgc_free(c);
	case_end();
}

/* ------------------------------------------------------------------ */

/*
 * The replacement policy (CLOCK, slotset.h), on both caches.  A cache is
 * driven through struct cache_ops; key k is the 4K page k of one address
 * space (TLB) or the STE of StreamID k (configuration cache; odd keys are
 * CDs of StreamID k instead, so that both types share the slots).
 */
struct cache_ops {
	const char *name;
	void *(*create)(unsigned int cap);
	void (*destroy)(void *c);
	unsigned int (*insert)(void *c, unsigned int key);	/* its slot */
	int (*hit)(void *c, unsigned int key);	/* right contents */
	void (*inv)(void *c, unsigned int key);
	s3e_u64 (*evictions)(void *c);
	unsigned int (*used)(void *c);
};

static const struct s3e_tlb_tag clock_tag = {
	.regime = S3E_TLB_NSEL1, .kind = S3E_TLB_S1, .vmid = 0, .asid = 1,
};

static void *ct_create(unsigned int cap)
{
	return tlb_new(cap);
}

static void ct_destroy(void *c)
{
	tlb_free(c);
}

static unsigned int ct_insert(void *c, unsigned int key)
{
	struct s3e_tlb *tlb = c;
	const struct s3e_tlb_entry *e;

	e = ins(tlb, clock_tag, key * SZ_4K, SZ_1G + key * SZ_4K, 12, 1);
	return e ? (unsigned int)(e - tlb->entries) : ~0U;
}

static int ct_hit(void *c, unsigned int key)
{
	return xlate(c, clock_tag, key * SZ_4K + 8) == SZ_1G + key * SZ_4K + 8;
}

static void ct_inv(void *c, unsigned int key)
{
	s3e_tlb_inv_nh_va(c, 0, 1, key * SZ_4K, key * SZ_4K);
}

static s3e_u64 ct_evictions(void *c)
{
	return ((struct s3e_tlb *)c)->stats.evictions;
}

static unsigned int ct_used(void *c)
{
	return ((struct s3e_tlb *)c)->used;
}

static const struct cache_ops tlb_ops = {
	"tlb", ct_create, ct_destroy, ct_insert, ct_hit, ct_inv,
	ct_evictions, ct_used,
};

static void *cc_create(unsigned int cap)
{
	return cfgc_new(cap);
}

static void cc_destroy(void *c)
{
	cfgc_free(c);
}

static const s3e_u64 *cc_lookup(struct s3e_cfgc *c, unsigned int key)
{
	return key & 1 ? s3e_cfgc_lookup_cd(c, key, 1 + key % 5) :
			 s3e_cfgc_lookup_ste(c, key);
}

static unsigned int cc_insert(void *p, unsigned int key)
{
	struct s3e_cfgc *c = p;
	const s3e_u64 *w;
	s3e_u64 buf[8];

	words(buf, key);
	if (key & 1)
		s3e_cfgc_insert_cd(c, key, 1 + key % 5, buf);
	else
		s3e_cfgc_insert_ste(c, key, buf);
	/* The lookup sets the referenced bit, which insertion did anyway */
	w = cc_lookup(c, key);
	if (!w)
		return ~0U;
	return ((const char *)w - (const char *)c->entries) /
	       sizeof(struct s3e_cfgc_entry);
}

static int cc_hit(void *c, unsigned int key)
{
	const s3e_u64 *w = cc_lookup(c, key);

	return w && w[0] == (s3e_u64)key * 0x100 && w[7] == key * 0x100ULL + 7;
}

static void cc_inv(void *c, unsigned int key)
{
	if (key & 1)
		s3e_cfgc_inv_cd(c, key, 1 + key % 5);
	else
		s3e_cfgc_inv_ste(c, key);
}

static s3e_u64 cc_evictions(void *c)
{
	return ((struct s3e_cfgc *)c)->stats.evictions;
}

static unsigned int cc_used(void *c)
{
	return ((struct s3e_cfgc *)c)->used;
}

static const struct cache_ops cfgc_ops = {
	"cfgc", cc_create, cc_destroy, cc_insert, cc_hit, cc_inv,
	cc_evictions, cc_used,
};

#define CLOCK_MAX	1024
#define NONE		(~0U)

/* Which of the first @cap keys a clock_untouched_first() case touches */
enum { TOUCH_ALL_BUT_MIDDLE, TOUCH_0_1_3, TOUCH_NONE, TOUCH_ALL,
	TOUCH_RANDOM };

/*
 * Black box, the documented guarantees only.  Fill the cache; one more
 * insertion finds every entry referenced, so the hand clears every bit in
 * one revolution and evicts one entry (F, whichever it is).  Then touch a
 * subset of the first keys and insert as many new keys as there are
 * untouched survivors: every eviction must take an untouched survivor,
 * never a touched entry nor one inserted since, because an entry used
 * since the hand last passed it is never the victim while an unreferenced
 * one exists.  True LRU passes this test too.
 */
static void clock_untouched_first(const struct cache_ops *o, unsigned int cap,
				  int pattern)
{
	static unsigned char touched[CLOCK_MAX];
	unsigned int i, j, n, f = NONE;
	void *c = o->create(cap);

	case_begin("clock_%s_untouched_evicted_first_cap%u_pattern%d",
		   o->name, cap, pattern);
	for (i = 0; i < cap; i++)
		o->insert(c, i);
	EXPECT_EQ(o->evictions(c), 0);
	o->insert(c, 10000);
	EXPECT_EQ(o->evictions(c), 1);
	EXPECT_EQ(o->used(c), cap);
	for (i = 0; i < cap; i++) {
		switch (pattern) {
		case TOUCH_ALL_BUT_MIDDLE:
			touched[i] = i != cap / 2;
			break;
		case TOUCH_0_1_3:
			touched[i] = i == 0 || i == 1 || i == 3;
			break;
		case TOUCH_NONE:
			touched[i] = 0;
			break;
		case TOUCH_ALL:
			touched[i] = 1;
			break;
		default:
			touched[i] = rnd(2);
			break;
		}
		/* A miss here is F; a lookup of a missing key changes nothing */
		if (touched[i] && !o->hit(c, i))
			f = i;
	}
	for (i = 0, n = 0; i < cap; i++)
		n += !touched[i];
	if (f == NONE && n)
		n--;		/* F was one of the untouched */
	for (j = 0; j < n; j++)
		o->insert(c, 20000 + j);
	EXPECT_EQ(o->evictions(c), 1 + n);
	EXPECT_EQ(o->used(c), cap);
	for (i = 0; i < cap; i++)
		EXPECT_EQ(o->hit(c, i), touched[i] && i != f);
	EXPECT_EQ(o->hit(c, 10000), 1);
	for (j = 0; j < n; j++)
		EXPECT_EQ(o->hit(c, 20000 + j), 1);
	o->destroy(c);
	case_end();
}

/*
 * White box: the exact victim.  A model of the documented policy -- a
 * referenced bit per slot (the index in the entry array), set on insertion
 * and on every hit, and a hand moving over the slots in order -- predicts
 * the slot every eviction frees, which the new entry then occupies.
 * Random lookups, insertions (some replacing a cached key) and
 * invalidations.
 */
static void clock_model(const struct cache_ops *o, unsigned int cap,
			unsigned int iters)
{
	static unsigned int slot_key[CLOCK_MAX], key_slot[2 * CLOCK_MAX];
	static unsigned char ref[CLOCK_MAX];
	unsigned int i, k, s, v, hand = 0, used = 0, bad = 0;
	s3e_u64 evictions = 0;
	int cached;
	void *c = o->create(cap);

	case_begin("clock_%s_exact_victims_vs_model_cap%u", o->name, cap);
	for (i = 0; i < cap; i++) {
		slot_key[i] = NONE;
		ref[i] = 0;
	}
	for (k = 0; k < 2 * cap; k++)
		key_slot[k] = NONE;
	for (i = 0; i < iters && !bad; i++) {
		unsigned int r = rnd(100);

		k = rnd(2 * cap);
		if (r < 45) {
			s = key_slot[k];
			cached = s != NONE;
			if (o->hit(c, k) != cached)
				bad = __LINE__;
			if (cached)
				ref[s] = 1;
		} else if (r < 90) {
			v = key_slot[k];
			if (v == NONE && used == cap) {
				/* The policy: skip and clear referenced slots */
				while (ref[hand]) {
					ref[hand] = 0;
					hand = (hand + 1) % cap;
				}
				v = hand;
				hand = (hand + 1) % cap;
				key_slot[slot_key[v]] = NONE;
				evictions++;
			} else if (v == NONE) {
				used++;
			}
			s = o->insert(c, k);
			/* A replacement reuses its slot; a free slot is free */
			if (s >= cap || (v != NONE && s != v) ||
			    (v == NONE && slot_key[s] != NONE))
				bad = __LINE__;
			if (s < cap) {
				slot_key[s] = k;
				key_slot[k] = s;
				ref[s] = 1;
			}
		} else {
			s = key_slot[k];
			o->inv(c, k);
			if (s != NONE) {
				slot_key[s] = NONE;
				key_slot[k] = NONE;
				ref[s] = 0;
				used--;
			}
		}
		if (o->evictions(c) != evictions || o->used(c) != used)
			bad = __LINE__;
	}
	EXPECT_EQ(bad, 0);
	EXPECT_EQ(i, iters);
	EXPECT_EQ(evictions > iters / 20, 1);
	o->destroy(c);
	case_end();
}

static void test_clock(void)
{
	static const struct cache_ops *const ops[] = { &tlb_ops, &cfgc_ops };
	static const unsigned int caps[] = { 1, 3, 8, 13, 63, 64, 65, 130 };
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(ops); i++) {
		clock_untouched_first(ops[i], 4, TOUCH_0_1_3);
		for (j = 0; j < ARRAY_SIZE(caps); j++)
			clock_untouched_first(ops[i], caps[j],
					      TOUCH_ALL_BUT_MIDDLE);
		clock_untouched_first(ops[i], 5, TOUCH_NONE);
		clock_untouched_first(ops[i], 6, TOUCH_ALL);
		clock_untouched_first(ops[i], 100, TOUCH_RANDOM);
		clock_untouched_first(ops[i], CLOCK_MAX, TOUCH_RANDOM);
		clock_model(ops[i], 7, 20000);
		clock_model(ops[i], 64, 20000);
		clock_model(ops[i], 200, 50000);
	}
}

/* ------------------------------------------------------------------ */

static void fake_walk(struct s3e_walk_result *r, s3e_u64 va, s3e_u64 oa)
{
	memset(r, 0, sizeof(*r));
	r->oa = oa;
	r->size_shift = 12;
	r->ng = 1;
	r->perm = S3E_PERM_ALL;
	r->s1_perm = S3E_PERM_ALL;
	r->s2_perm = S3E_PERM_ALL;
	r->addr = va;
}

#define BENCH_LOOKUPS	50000000ULL

static int bench(void)
{
	struct s3e_tlb_tag t = mktag(S3E_TLB_NSEL1, S3E_TLB_S1, 0, 1);
	const unsigned int cap = S3E_TLB_DEFAULT_ENTRIES;
	const struct s3e_tlb_entry *e;
	struct s3e_walk_result r;
	struct s3e_tlb *tlb;
	s3e_u64 sink = 0;
	s3e_u64 i, va, n, lookups, hits, buf_base, page, *scattered, ste[8];
	struct s3e_cfgc *cfgc;
	double t0, t1;
	unsigned int pass, xfer, p, burst;

	tlb = tlb_new(cap);
	for (i = 0; i < cap; i++) {
		fake_walk(&r, i * SZ_4K, 0x80000000 + i * SZ_4K);
		s3e_tlb_insert(tlb, &t, i * SZ_4K, &r, 12);
	}

	/* Hits on one page, as the bursts of a DMA to one page */
	t0 = now_ns();
	for (i = 0; i < BENCH_LOOKUPS; i++) {
		e = s3e_tlb_lookup(tlb, &t, 0x5000 + (i & 0xfc0));
		sink += s3e_tlb_entry_oa(e, 0x5000);
	}
	t1 = now_ns();
	printf("tlb hit, same 4K page (%u entries resident): %.2f ns/lookup\n",
	       cap, (t1 - t0) / BENCH_LOOKUPS);

	/* Hits cycling over every resident page (true LRU relinked on each) */
	t0 = now_ns();
	for (i = 0; i < BENCH_LOOKUPS; i++) {
		va = ((i * 7) & (cap - 1)) * SZ_4K + 0x40;
		e = s3e_tlb_lookup(tlb, &t, va);
		sink += s3e_tlb_entry_oa(e, va);
	}
	t1 = now_ns();
	printf("tlb hit, cycling over all %u resident 4K pages: %.2f ns/lookup\n",
	       cap, (t1 - t0) / BENCH_LOOKUPS);

	/* Misses */
	t0 = now_ns();
	for (i = 0; i < BENCH_LOOKUPS / 10; i++) {
		va = (i + cap) * SZ_4K;
		sink += !!s3e_tlb_lookup(tlb, &t, va);
	}
	t1 = now_ns();
	printf("tlb miss (4K-only TLB): %.2f ns/lookup\n",
	       (t1 - t0) / (BENCH_LOOKUPS / 10));

	/* Inserts into a full TLB, each evicting an entry */
	n = BENCH_LOOKUPS / 10;
	t0 = now_ns();
	for (i = 0; i < n; i++) {
		va = (i + cap) * SZ_4K;
		r.oa = va;
		sink += !!s3e_tlb_insert(tlb, &t, va, &r, 12);
	}
	t1 = now_ns();
	printf("tlb insert into a full TLB (evicts one entry): %.2f ns/insert\n",
	       (t1 - t0) / n);
	tlb_free(tlb);

	/*
	 * Hits on pages scattered over 4 GiB, not consecutive page numbers
	 * that a multiplicative hash spreads evenly, in a scrambled order
	 */
	tlb = tlb_new(cap);
	scattered = malloc(cap * sizeof(*scattered));
	for (i = 0; i < cap; i++) {
		scattered[i] = (s3e_u64)rnd(1U << 20) * SZ_4K;
		fake_walk(&r, scattered[i], 0x80000000 + i * SZ_4K);
		s3e_tlb_insert(tlb, &t, scattered[i], &r, 12);
	}
	t0 = now_ns();
	for (i = 0; i < BENCH_LOOKUPS; i++) {
		va = scattered[(i * 7) & (cap - 1)] + 0x40;
		e = s3e_tlb_lookup(tlb, &t, va);
		sink += s3e_tlb_entry_oa(e, va);
	}
	t1 = now_ns();
	printf("tlb hit, cycling over %u resident 4K pages scattered over 4 GiB: %.2f ns/lookup\n",
	       cap, (t1 - t0) / BENCH_LOOKUPS);
	free(scattered);
	tlb_free(tlb);

	/* Configuration cache hits, cycling over every resident STE */
	cfgc = cfgc_new(S3E_CFGC_DEFAULT_ENTRIES);
	for (i = 0; i < S3E_CFGC_DEFAULT_ENTRIES; i++) {
		words(ste, i);
		s3e_cfgc_insert_ste(cfgc, i, ste);
	}
	t0 = now_ns();
	for (i = 0; i < BENCH_LOOKUPS; i++)
		sink += s3e_cfgc_lookup_ste(cfgc, (i * 7) &
					    (S3E_CFGC_DEFAULT_ENTRIES - 1))[1];
	t1 = now_ns();
	printf("config cache hit, cycling over all %u resident STEs: %.2f ns/lookup\n",
	       S3E_CFGC_DEFAULT_ENTRIES, (t1 - t0) / BENCH_LOOKUPS);
	cfgc_free(cfgc);

	/*
	 * Streaming DMA: a 64 MiB buffer mapped with 4K pages, transferred 4
	 * times in 256 KiB transfers.  Each transfer covers 64 pages; the
	 * device reads each page with 64 bursts of 64 bytes, each burst one
	 * translation (lookup; on a miss a walk result is inserted).  When a
	 * transfer completes, its pages are unmapped and invalidated with one
	 * TLBI_NH_VA (TG = 0) per page, as the Linux driver issues them
	 * without range invalidation; the next pass maps the buffer again.
	 */
	tlb = tlb_new(cap);
	lookups = 0;
	hits = 0;
	buf_base = 0x100000000ULL;
	t0 = now_ns();
	for (pass = 0; pass < 4; pass++) {
		for (xfer = 0; xfer < (64 << 20) / (256 << 10); xfer++) {
			s3e_u64 xva = buf_base + xfer * (256ULL << 10);

			for (p = 0; p < 64; p++) {
				page = xva + p * SZ_4K;
				for (burst = 0; burst < 64; burst++) {
					va = page + burst * 64;
					lookups++;
					e = s3e_tlb_lookup(tlb, &t, va);
					if (e) {
						hits++;
						continue;
					}
					fake_walk(&r, va, page + 0x40000000);
					s3e_tlb_insert(tlb, &t, va, &r, 12);
				}
			}
			for (p = 0; p < 64; p++)
				s3e_tlb_exec_cmd(tlb, OP(TLBI_NH_VA) | ASID(1),
						 xva + p * SZ_4K);
		}
	}
	t1 = now_ns();
	printf("streaming DMA workload: 64 MiB buffer, 4K pages, ");
	printf("256 KiB transfers, 64 x 64-byte bursts per page ");
	printf("(one lookup each), TLBI_NH_VA per page after each ");
	printf("transfer, 4 passes\n");
	printf("  lookups %llu, hits %llu, hit rate %.2f%%, ",
	       (unsigned long long)lookups, (unsigned long long)hits,
	       100.0 * hits / lookups);
	printf("%.2f ns per lookup incl. misses, inserts and TLBIs\n",
	       (t1 - t0) / lookups);
	tlb_free(tlb);

	printf("memory: %zu bytes per TLB entry; %lu bytes storage ",
	       sizeof(struct s3e_tlb_entry), s3e_tlb_storage_size(cap));
	printf("+ %zu bytes struct s3e_tlb for %u entries ",
	       sizeof(struct s3e_tlb), cap);
	printf("(%.1f bytes/entry incl. hash buckets)\n",
	       (double)s3e_tlb_storage_size(cap) / cap);
	printf("memory: config cache %zu bytes per entry; ",
	       sizeof(struct s3e_cfgc_entry));
	printf("%lu bytes storage for %u entries\n",
	       s3e_cfgc_storage_size(S3E_CFGC_DEFAULT_ENTRIES),
	       S3E_CFGC_DEFAULT_ENTRIES);
	return sink == 0x12345 ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--bench"))
		return bench();

	test_range();
	test_scopes();
	test_ttl_hint();
	test_mixed_sizes();
	test_capacity();
	test_stress("stress_random_vs_model", 0);
	test_stress("stress_random_vs_model_few_page_invalidations", 1);
	test_cfgcache();
	test_clock();

	return case_summary();
}
