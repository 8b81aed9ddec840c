// SPDX-License-Identifier: GPL-2.0-only
/*
 * Native tests and micro-benchmark of the emulated SMMUv3 device
 * (drivers/emu/core/smmu.h).
 *
 * The cases are those of ../tests/model_cases.h (also run by KUnit as
 * kunit/emu_model_test.c): the device is driven only as a driver would
 * drive it, through its registers, the structures in memory and client
 * transactions.  Here guest memory is a malloc'ed array standing for RAM
 * at RAM_BASE; every other address aborts.
 *
 * Usage: smmu_test           run the tests
 *        smmu_test --bench   time translations and report memory use
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "test_util.h"
#include "smmu.h"

#define RAM_BASE	0x40000000ULL
#define RAM_SIZE	(4ULL << 20)
#define HOLE_PA		0x10000000ULL	/* not RAM */
#define FUZZ_ITERS	60000

static unsigned char *ram;
static int irqs[S3E_IRQ_NR];
static unsigned long alloc_bytes;
static int quiet_alloc_fail;

static void test_bug(const char *msg)
{
	fprintf(stderr, "test bug in %s: %s\n", case_name, msg);
	exit(2);
}

/* ------------------------------------------------------------------ */
/* Host services */

static int ram_range(s3e_u64 pa, unsigned long len)
{
	return pa >= RAM_BASE && pa - RAM_BASE <= RAM_SIZE &&
	       len <= RAM_SIZE - (pa - RAM_BASE);
}

static int h_read(void *ctx, s3e_u64 pa, void *buf, unsigned long len)
{
	(void)ctx;
	if (!ram_range(pa, len))
		return -1;
	memcpy(buf, ram + (pa - RAM_BASE), len);
	return 0;
}

/* Descriptor reads: one aligned 64-bit load */
static int h_read64(void *ctx, s3e_u64 pa, s3e_u64 *val)
{
	s3e_u64 v;

	(void)ctx;
	if (pa - RAM_BASE > RAM_SIZE - 8 || (pa & 7))
		return -1;
	v = __atomic_load_n((s3e_u64 *)(ram + (pa - RAM_BASE)),
			    __ATOMIC_RELAXED);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);
#endif
	*val = v;
	return 0;
}

static int h_write(void *ctx, s3e_u64 pa, const void *buf, unsigned long len)
{
	(void)ctx;
	if (!ram_range(pa, len))
		return -1;
	memcpy(ram + (pa - RAM_BASE), buf, len);
	return 0;
}

static int h_cmpxchg64(void *ctx, s3e_u64 pa, s3e_u64 old, s3e_u64 newval)
{
	s3e_u64 *p;

	(void)ctx;
	if (!ram_range(pa, 8) || (pa & 7))
		return -1;
	p = (s3e_u64 *)(ram + (pa - RAM_BASE));
	return __atomic_compare_exchange_n(p, &old, newval, 0,
					   __ATOMIC_SEQ_CST,
					   __ATOMIC_SEQ_CST) ? 0 : 1;
}

static void h_irq(void *ctx, unsigned int line)
{
	(void)ctx;
	if (line < S3E_IRQ_NR)
		irqs[line]++;
}

static void *h_alloc(void *ctx, unsigned long size)
{
	(void)ctx;
	if (quiet_alloc_fail && !--quiet_alloc_fail)
		return NULL;
	alloc_bytes += size;
	return calloc(1, size);
}

static void h_free(void *ctx, void *p)
{
	(void)ctx;
	free(p);
}

/* Without read64 (and cmpxchg64) the model uses read for descriptors */
static const struct s3e_host native_host = {
	.read = h_read,
	.write = h_write,
	.cmpxchg64 = h_cmpxchg64,
	.irq = h_irq,
	.alloc = h_alloc,
	.free = h_free,
	.read64 = h_read64,
};

static struct s3e_host host;

static void env_host_reset(void)
{
	host = native_host;
}

/* The case lists' entries (see ../tests/model_cases.h) */
struct s3e_test {
	const void *param_value;
};

struct native_case {
	const char *name;
	void (*run)(struct s3e_test *test);
	const void *params;	/* table of a table-driven case, or NULL */
	unsigned long size;	/* of the table */
	unsigned long stride;	/* of its elements */
};

#define S3E_LIST_TYPE		native_case
#define S3E_LIST_ENTRY(n)	{ .name = #n, .run = s3e_case_##n }
#define S3E_PARAM_ENTRY(n, arr) \
	{ .name = #n, .run = s3e_case_##n, .params = arr, \
	  .size = sizeof(arr), .stride = sizeof((arr)[0]) }
#define S3E_PARAMS(arr)		struct native_params_##arr

#include "../tests/model_cases.h"

/* ------------------------------------------------------------------ */
/* Case runner */

static void case_reset(void)
{
	model_reset();
}

static void run_list(const struct native_case *c)
{
	struct s3e_test test = { NULL };
	unsigned long i;

	for (; c->name; c++) {
		if (!c->params) {
			case_begin("%s", c->name);
			c->run(&test);
			case_end();
			continue;
		}
		for (i = 0; i < c->size / c->stride; i++) {
			test.param_value = (const char *)c->params +
					   i * c->stride;
			/* Every table element starts with its name */
			case_begin("%s/%s", c->name,
				   *(const char * const *)test.param_value);
			c->run(&test);
			case_end();
		}
	}
}

/* ================================================================== */
/* Benchmark */

#define BENCH_REPS	9
#define BENCH_HITS	10000000ULL
#define BENCH_MISSES	500000ULL

static s3e_u64 sink;

/* Map 1 GiB of VA from 0x40000000 with 4K pages through one L3 table */
static void bench_s1_window(struct tree *t, s3e_u64 va, unsigned int n2m,
			    s3e_u64 ofs)
{
	s3e_u64 l3 = pt_alloc(SZ_4K), i;

	for (i = 0; i < 512; i++)
		wr64(l3 + i * 8, (DATA_PA + (i % 256) * SZ_4K + ofs) | S1_RW |
		     TTD_TABLE | TTD_VALID);
	for (i = 0; i < n2m; i++)
		tree_set(t, va + i * SZ_2M, 2,
			 (l3 + ofs) | TTD_TABLE | TTD_VALID);
}

/*
 * Translate @n addresses of stream 1, number i at
 * @base + (((@start + i * @stride) & @mask) << @shift); return ns each
 */
static double bench_loop(s3e_u64 n, s3e_u64 base, s3e_u64 start,
			 s3e_u64 mask, unsigned int shift, s3e_u64 stride)
{
	struct s3e_txn t = { .sid = 1, .ssid = NOSS, .access = ACC_R };
	struct s3e_txn_result r;
	double t0;
	s3e_u64 i;

	t0 = now_ns();
	for (i = 0; i < n; i++) {
		t.iova = base + (((start + i * stride) & mask) << shift);
		s3e_smmu_translate(smmu, &t, &r);
		sink += r.pa;
	}
	if (r.status != S3E_TXN_OK)
		printf("bench bug: translation failed (%u)\n", r.event);
	return (now_ns() - t0) / n;
}

static double best_of(double *v)
{
	double b = v[0];
	int i;

	for (i = 1; i < BENCH_REPS; i++)
		if (v[i] < b)
			b = v[i];
	return b;
}

/*
 * One 256 KiB transfer at @xva: 64 pages read with 64 bursts of 64
 * bytes, one translation each, then one TLBI_NH_VA per page and a
 * CMD_SYNC, as Linux unmaps without range invalidation
 */
static void stream_xfer(s3e_u64 xva)
{
	struct s3e_txn t = { .sid = 1, .ssid = NOSS, .access = ACC_R };
	struct s3e_txn_result r;
	unsigned int p, burst;

	for (p = 0; p < 64; p++) {
		for (burst = 0; burst < 64; burst++) {
			t.iova = xva + p * SZ_4K + burst * 64;
			s3e_smmu_translate(smmu, &t, &r);
			sink += r.pa;
		}
	}
	cmdq_shadow = r32(SMMU3_CMDQ_PROD);
	for (p = 0; p < 64; p++)
		cmd_queue(OP(TLBI_NH_VA) | FP(CMD_TLBI_0_ASID, 1),
			  xva + p * SZ_4K);
	cmd_queue(OP(SYNC), 0);
	cmd_publish();
}

static int bench(void)
{
	double v[BENCH_REPS], t0;
	struct tree t2, t1;
	s3e_u64 n, w, walks0, x;
	unsigned int rep, pass, xfer;
	unsigned long mem;

	printf("(each figure: best of %d runs)\n", BENCH_REPS);
	case_reset();
	smmu_up();
	s1_stream(1, 1);
	bench_s1_window(&s1t, 0x40000000ULL, 512, 0);

	/* 1. Hits on one page: decoded context + last-translation entry */
	bench_loop(1, 0x40005000, 0, 0, 0, 0);
	for (rep = 0; rep < BENCH_REPS; rep++)
		v[rep] = bench_loop(BENCH_HITS, 0x40005000, 0, 0xfc, 4, 1);
	printf("translate, TLB hit, same 4K page ");
	printf("(decoded context + last-translation entry): %.2f ns\n",
	       best_of(v));

	/* 2. Hits, the page changing every access (64 resident pages) */
	bench_loop(64, 0x40000000, 0, 63, 12, 1);
	for (rep = 0; rep < BENCH_REPS; rep++)
		v[rep] = bench_loop(BENCH_HITS / 4, 0x40000040, 0, 63, 12, 7);
	printf("translate, TLB hit, page changes every access ");
	printf("(64 pages): %.2f ns\n", best_of(v));

	/* 3. Misses: 262144 pages cycled through a 1024-entry TLB */
	walks0 = st()->walks;
	for (rep = 0; rep < BENCH_REPS; rep++)
		v[rep] = bench_loop(BENCH_MISSES, 0x40000000,
				    rep * BENCH_MISSES, 0x3ffff, 12, 1);
	printf("translate, S1 4K 4-level TLB miss (walk + TLB insert): ");
	printf("%.2f ns (%llu walks for %llu translations)\n", best_of(v),
	       (unsigned long long)(st()->walks - walks0),
	       (unsigned long long)BENCH_MISSES * BENCH_REPS);

	/* 4. Nested misses: S1 4-level at IPAs, S2 4K 3-level pages */
	case_reset();
	smmu_up();
	tree_new(&t2, 1, 0);
	for (x = 0; x < RAM_SIZE; x += SZ_4K)
		map_page(&t2, IPA_BASE + x, RAM_BASE + x, S2_RW);
	tree_new(&t1, 0, IPA_BASE - RAM_BASE);
	bench_s1_window(&t1, 0x40000000ULL, 512, IPA_BASE - RAM_BASE);
	cd_write(CD_PA + 64, cd0(1), tree_ttb(&t1));
	ste_nested(1, ipa(CD_PA + 64), 0, 0, 0, 1, t2.base);
	walks0 = st()->walks;
	for (rep = 0; rep < BENCH_REPS; rep++)
		v[rep] = bench_loop(BENCH_MISSES / 2, 0x40000000,
				    rep * BENCH_MISSES / 2, 0x3ffff, 12, 1);
	printf("translate, nested S1 4K 4-level + S2 4K 3-level TLB miss: ");
	printf("%.2f ns (%llu walks for %llu translations)\n", best_of(v),
	       (unsigned long long)(st()->walks - walks0),
	       (unsigned long long)BENCH_MISSES / 2 * BENCH_REPS);

	/*
	 * 5. Streaming DMA: a 64 MiB IOVA buffer (S1, 4K pages, aliased
	 * onto 1 MiB of RAM) transferred 4 times in 256 KiB transfers
	 * (stream_xfer()).
	 */
	for (rep = 0; rep < BENCH_REPS; rep++) {
		case_reset();
		smmu_up();
		s1_stream(1, 1);
		bench_s1_window(&s1t, 0x100000000ULL, 32, 0);
		t0 = now_ns();
		for (pass = 0; pass < 4; pass++)
			for (xfer = 0; xfer < 256; xfer++)
				stream_xfer(0x100000000ULL + xfer * 0x40000ULL);
		n = st()->translations;
		v[rep] = (now_ns() - t0) / n;
	}
	w = st()->walks;
	printf("streaming DMA: 64 MiB S1 buffer, 4K pages, ");
	printf("256 KiB transfers of 64 x 64-byte bursts per page, ");
	printf("TLBI_NH_VA per page + CMD_SYNC after each transfer, ");
	printf("4 passes\n");
	printf("  %llu translations, %llu walks: hit rate %.2f%% ",
	       (unsigned long long)n, (unsigned long long)w,
	       100.0 * (n - w) / n);
	printf("(last-translation entry %.2f%%), ",
	       100.0 * st()->utlb_hits / n);
	printf("%.2f ns per burst incl. walks and commands\n", best_of(v));

	/*
	 * 6. Strict mode (invalidation completes late, and the checker at
	 * every CMD_SYNC): the same hits, misses and streaming DMA
	 */
	case_reset();
	cfg.strict = 1;
	smmu_up();
	s1_stream(1, 1);
	bench_s1_window(&s1t, 0x40000000ULL, 512, 0);
	bench_loop(1, 0x40005000, 0, 0, 0, 0);
	for (rep = 0; rep < BENCH_REPS; rep++)
		v[rep] = bench_loop(BENCH_HITS, 0x40005000, 0, 0xfc, 4, 1);
	printf("strict mode: translate, TLB hit, same 4K page: %.2f ns\n",
	       best_of(v));
	for (rep = 0; rep < BENCH_REPS; rep++)
		v[rep] = bench_loop(BENCH_MISSES, 0x40000000,
				    rep * BENCH_MISSES, 0x3ffff, 12, 1);
	printf("strict mode: translate, S1 4K 4-level TLB miss: %.2f ns\n",
	       best_of(v));
	for (rep = 0; rep < BENCH_REPS; rep++) {
		case_reset();
		cfg.strict = 1;
		smmu_up();
		s1_stream(1, 1);
		bench_s1_window(&s1t, 0x100000000ULL, 32, 0);
		t0 = now_ns();
		for (pass = 0; pass < 4; pass++)
			for (xfer = 0; xfer < 256; xfer++)
				stream_xfer(0x100000000ULL + xfer * 0x40000ULL);
		n = st()->translations;
		v[rep] = (now_ns() - t0) / n;
	}
	printf("strict mode: streaming DMA as above: %.2f ns per burst ",
	       best_of(v));
	printf("(%llu CMD_SYNCs checked, %llu checker reports)\n",
	       (unsigned long long)s3e_smmu_checker(smmu)->checks,
	       (unsigned long long)s3e_smmu_checker(smmu)->total);

	/* 7. Memory of an instance with the defaults */
	case_reset();
	alloc_bytes = 0;
	smmu_new();
	mem = s3e_smmu_mem_size(smmu);
	printf("instance memory, defaults (TLB %u, config cache %u, ",
	       cfg.tlb_entries, cfg.cfgc_entries);
	printf("256 decoded contexts): %lu bytes (%.1f KiB); ", mem,
	       mem / 1024.0);
	printf("host allocations %lu bytes\n", alloc_bytes);
	case_reset();
	return sink == 0x12345 ? 1 : 0;
}

int main(int argc, char **argv)
{
	ram = calloc(1, RAM_SIZE);
	if (!ram)
		return 2;
	env_host_reset();
	s3e_smmu_config_default(&cfg);
	if (argc > 1 && !strcmp(argv[1], "--bench")) {
		int rc = bench();

		free(ram);
		return rc;
	}

	run_list(s3e_model_regs);
	run_list(s3e_model_queues);
	run_list(s3e_model_strtab);
	run_list(s3e_model_cd);
	run_list(s3e_model_walk);
	run_list(s3e_model_inval);
	run_list(s3e_model_dma);
	run_list(s3e_model_caching);
	run_list(s3e_model_stall);
	run_list(s3e_model_httu);

	case_reset();
	free(ram);
	return case_summary();
}
