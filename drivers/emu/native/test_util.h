/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Case bookkeeping shared by the native test programs: named cases, the
 * first failed expectation of a case reported on one line, and the closing
 * "N passed, M failed" line.  Each program defines case_reset(), called at
 * the start of every case.
 */
#ifndef S3E_TEST_UTIL_H
#define S3E_TEST_UTIL_H

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

#include "s3e-types.h"

/* Monotonic time in nanoseconds, for the benchmarks */
static inline double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int n_passed, n_failed;
static char case_name[96];
static char case_msg[256];
static int case_bad;

static void case_reset(void);

static void case_begin(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(case_name, sizeof(case_name), fmt, ap);
	va_end(ap);
	case_bad = 0;
	case_msg[0] = 0;
	case_reset();
}

static void case_end(void)
{
	if (case_bad) {
		printf("FAIL %s: %s\n", case_name, case_msg);
		n_failed++;
	} else {
		n_passed++;
	}
}

static void expect_fail(int line, const char *what, s3e_u64 got,
			s3e_u64 want)
{
	if (case_bad++)
		return;
	snprintf(case_msg, sizeof(case_msg), "line %d: %s = %#llx, want %#llx",
		 line, what, (unsigned long long)got, (unsigned long long)want);
}

#define EXPECT_EQ(got, want)						\
	do {								\
		s3e_u64 got_ = (got), want_ = (want);			\
		if (got_ != want_)					\
			expect_fail(__LINE__, #got, got_, want_);	\
	} while (0)

/* Print the closing line; return the program's exit status */
static int case_summary(void)
{
	printf("%d passed, %d failed\n", n_passed, n_failed);
	return n_failed ? 1 : 0;
}

#endif /* S3E_TEST_UTIL_H */
