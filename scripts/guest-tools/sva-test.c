// SPDX-License-Identifier: GPL-2.0-only
/*
 * sva-test: shared virtual addressing through a stall-capable test device
 * (smmu3_testdev, a node with dma-can-stall).  The process binds its own
 * address space through the device's cmd file (sva-bind), lets the device
 * read and write its memory by virtual address, and checks the data
 * itself.  Memory the process never touched has no page yet: every first
 * device access to such a page is a translation fault that stalls, the
 * kernel faults the page in, and the transaction is retried.
 *
 *   sva-test copy DEV PAGES      copy PAGES pages into never-touched
 *                                memory; exit 1 unless the data matches
 *                                and stalls == faulted pages == PAGES
 *   sva-test fill DEV PAGES      the same with sva-fill
 *   sva-test unmapped DEV        DMA to an unmapped VA must fail, naming
 *                                it; then a good copy
 *   sva-test munmap DEV          DMA to a page, munmap it, DMA again: must
 *                                fail, and the page (a memfd's) must keep
 *                                the first DMA's data
 *   sva-test exit DEV            a child binds and exits without
 *                                unbinding (its own file, and a file its
 *                                parent keeps open); then the parent binds
 *                                and copies
 *   sva-test storm DEV PROCS THREADS PAGES
 *                                PROCS processes of THREADS threads, each
 *                                thread binding its own file and copying
 *                                PAGES never-touched pages; prints the
 *                                stalls summed over all of them
 *   sva-test bind-sleep DEV SECONDS
 *                                bind, sleep, then try a command and close
 *
 * DEV is the test device's debugfs directory name (testdev-sva) or a path
 * to its directory.  Output: one line per step; the last line a summary.
 * Exit status 0 when every check held, 1 when one failed, 2 when the test
 * could not be set up (no device, no SVA: the reason is printed).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define ROOT	"/sys/kernel/debug/smmu3_testdev"

static char cmd_path[512];
static long page;

/* Write command @line to @fd; @out receives the result */
static int run_line(int fd, char *out, size_t size, const char *line)
{
	ssize_t n;
	int err = 0;

	if (write(fd, line, strlen(line)) < 0)
		err = errno;
	n = pread(fd, out, size - 1, 0);
	if (n < 0)
		n = 0;
	out[n] = '\0';
	if (n && out[n - 1] == '\n')
		out[n - 1] = '\0';
	return err;
}

/*
 * run(fd, out, fmt, ...): a command on @fd, formatted; @out (an array)
 * receives the result.  Return: write()'s errno, 0 when it was taken.
 */
#define run(fd, out, ...) ({					\
	char _line[256];					\
	snprintf(_line, sizeof(_line), __VA_ARGS__);		\
	run_line(fd, out, sizeof(out), _line);			\
})

/* The number after @key in @s, or -1 */
static long field(const char *s, const char *key)
{
	const char *p = strstr(s, key);

	return p ? strtol(p + strlen(key), NULL, 0) : -1;
}

static int open_cmd(void)
{
	int fd = open(cmd_path, O_RDWR);

	if (fd < 0) {
		printf("setup: cannot open %s: %s\n", cmd_path, strerror(errno));
		exit(2);
	}
	return fd;
}

/* Bind through a new file; exits 2 when the device has no SVA */
static int bind_fd(long *pasid)
{
	char res[512];
	int fd = open_cmd(), err;

	err = run(fd, res, "sva-bind");
	if (err || strncmp(res, "ok", 2)) {
		printf("setup: sva-bind: %s%s%s\n", res, err ? ": " : "",
		       err ? strerror(err) : "");
		exit(2);
	}
	*pasid = field(res, "pasid ");
	return fd;
}

/* Anonymous memory the process never touches, no huge pages */
static uint8_t *fresh(size_t bytes)
{
	void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		printf("setup: mmap %zu bytes: %s\n", bytes, strerror(errno));
		exit(2);
	}
	madvise(p, bytes, MADV_NOHUGEPAGE);
	return p;
}

/* Pages of [@p, @p + @bytes) that are resident (have a page) */
static long resident(void *p, size_t bytes)
{
	size_t n = bytes / page, i;
	unsigned char *vec = calloc(n, 1);
	long r = 0;

	if (!vec || mincore(p, bytes, vec))
		return -1;
	for (i = 0; i < n; i++)
		r += vec[i] & 1;
	free(vec);
	return r;
}

static uint8_t pat(size_t i, unsigned int seed)
{
	return (uint8_t)(i * 7 + (i >> 12) + seed);
}

/*
 * Copy (or fill) @pages never-touched pages through @fd and check them.
 * Return: the stalls the device reported, or -1 on a failed check.
 */
static long copy_check(int fd, long pages, int fill, unsigned int seed,
		       int verbose)
{
	size_t bytes = pages * page, i;
	uint8_t *src = NULL, *dst = fresh(bytes);
	long before, after, stalls;
	char res[512];
	int err;

	if (!fill) {
		src = fresh(bytes);
		for (i = 0; i < bytes; i++)
			src[i] = pat(i, seed);
	}
	before = resident(dst, bytes);
	if (fill)
		err = run(fd, res, "sva-fill %p %zu %u", dst,
			  bytes, seed & 0xff);
	else
		err = run(fd, res, "sva-copy %p %p %zu", src,
			  dst, bytes);
	after = resident(dst, bytes);
	if (verbose)
		printf("%s\n", res);
	if (err || strncmp(res, "ok", 2)) {
		printf("FAIL: %s of %ld pages: %s%s%s\n", fill ? "sva-fill" :
		       "sva-copy", pages, res, err ? ": " : "",
		       err ? strerror(err) : "");
		return -1;
	}
	stalls = field(res, "stalls ");
	for (i = 0; i < bytes; i++) {
		uint8_t want = fill ? (uint8_t)(seed & 0xff) : pat(i, seed);

		if (dst[i] != want) {
			printf("FAIL: byte %zu of the destination is %#x, expected %#x\n",
			       i, dst[i], want);
			return -1;
		}
	}
	if (verbose)
		printf("pages %ld: faulted in by the device %ld, stalls %ld, bytes verified %zu\n",
		       pages, after - before, stalls, bytes);
	if (verbose && (stalls != pages || after - before != pages)) {
		printf("FAIL: %ld pages requested, %ld stalls, %ld pages faulted in\n",
		       pages, stalls, after - before);
		return -1;
	}
	munmap(dst, bytes);
	if (src)
		munmap(src, bytes);
	return stalls;
}

static int mode_copy(long pages, int fill)
{
	long pasid;
	int fd = bind_fd(&pasid);

	printf("bound: pasid %ld\n", pasid);
	if (copy_check(fd, pages, fill, 0x5c, 1) < 0)
		return 1;
	close(fd);
	printf("ok: %ld never-touched pages, one stall each, data verified\n",
	       pages);
	return 0;
}

static int mode_unmapped(void)
{
	char res[512], va[64];
	long pasid;
	int fd = bind_fd(&pasid), err;
	uint8_t *hole = fresh(4 * page);

	/* A hole: nothing is mapped there any more */
	munmap(hole, 4 * page);
	err = run(fd, res, "sva-write %p %ld", hole + page, page);
	printf("%s\n", res);
	if (err || !strncmp(res, "ok", 2)) {
		printf("FAIL: a DMA to the unmapped va %p did not fail as a result\n",
		       hole + page);
		return 1;
	}
	if (!strstr(res, "could not be resolved")) {
		printf("FAIL: the error does not say the fault could not be resolved\n");
		return 1;
	}
	snprintf(va, sizeof(va), "va %#lx ", (unsigned long)(hole + page));
	if (!strstr(res, va)) {
		printf("FAIL: the error does not name the '%s'\n", va);
		return 1;
	}
	if (copy_check(fd, 8, 0, 0x33, 1) < 0)
		return 1;
	close(fd);
	printf("ok: the unmapped va failed with a clear error, the next copy verified\n");
	return 0;
}

static int mode_munmap(void)
{
	char res[512];
	uint8_t buf[64];
	long pasid;
	int fd = bind_fd(&pasid), mfd, err;
	uint8_t *p;

	mfd = memfd_create("sva-test", 0);
	if (mfd < 0 || ftruncate(mfd, page)) {
		printf("setup: memfd: %s\n", strerror(errno));
		return 2;
	}
	p = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, mfd, 0);
	if (p == MAP_FAILED) {
		printf("setup: mmap: %s\n", strerror(errno));
		return 2;
	}
	/* The SMMU's TLB now holds the translation of p */
	err = run(fd, res, "sva-fill %p %ld 17", p, page);
	printf("mapped: %s\n", res);
	if (err || strncmp(res, "ok", 2) || p[0] != 17 || p[page - 1] != 17) {
		printf("FAIL: DMA to the mapped page\n");
		return 1;
	}
	munmap(p, page);
	err = run(fd, res, "sva-fill %p %ld 34", p, page);
	printf("after munmap: %s\n", res);
	if (!err && !strncmp(res, "ok", 2)) {
		printf("FAIL: DMA after munmap succeeded: a stale translation\n");
		return 1;
	}
	if (pread(mfd, buf, sizeof(buf), 0) != sizeof(buf) || buf[0] != 17) {
		printf("FAIL: the old page was written after munmap (%#x)\n",
		       buf[0]);
		return 1;
	}
	close(mfd);
	close(fd);
	printf("ok: after munmap the device reached neither the old page nor anything else\n");
	return 0;
}

/* A child that binds and exits; @fd: a file its parent keeps, or -1 */
static int child_exit(int fd)
{
	char res[512];
	pid_t pid = fork();
	int st;

	if (pid < 0)
		return 2;
	if (!pid) {
		long pasid;
		int own = fd;

		if (fd < 0) {
			own = bind_fd(&pasid);
		} else if (run(fd, res, "sva-bind") ||
			   strncmp(res, "ok", 2)) {
			printf("FAIL: child sva-bind: %s\n", res);
			_exit(1);
		}
		if (copy_check(own, 4, 0, 0x71, 0) != 4)
			_exit(1);
		/* exit while bound: the mm goes, the binding stays a while */
		_exit(0);
	}
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
	    WEXITSTATUS(st)) {
		printf("FAIL: the child failed (%#x)\n", st);
		return 1;
	}
	return 0;
}

static int mode_exit(void)
{
	char res[512];
	long pasid;
	int kept, fd, err;

	if (child_exit(-1))
		return 1;
	printf("a child bound its own file and exited without unbinding\n");
	kept = open_cmd();
	if (child_exit(kept))
		return 1;
	printf("a child bound a file its parent keeps open and exited\n");
	/* The kept file is bound to the dead child's address space */
	err = run(kept, res, "sva-fill %p 4096 1", (void *)res);
	printf("the kept file, from the parent: %s%s%s\n", res,
	       err ? ": " : "", err ? strerror(err) : "");
	if (!err) {
		printf("FAIL: the parent ran a command on the child's binding\n");
		return 1;
	}
	fd = bind_fd(&pasid);
	printf("parent bound: pasid %ld\n", pasid);
	if (copy_check(fd, 16, 0, 0x42, 1) < 0)
		return 1;
	close(kept);
	if (copy_check(fd, 4, 1, 0x24, 1) < 0)
		return 1;
	close(fd);
	printf("ok: after the children exited, the device works for a new binding\n");
	return 0;
}

struct worker {
	long pages;
	unsigned int seed;
	long stalls;
	int failed;
};

static void *storm_thread(void *arg)
{
	struct worker *w = arg;
	long pasid, s;
	int fd = bind_fd(&pasid), round;

	for (round = 0; round < 2; round++) {
		s = copy_check(fd, w->pages, round, w->seed + round, 0);
		if (s < 0) {
			w->failed = 1;
			break;
		}
		w->stalls += s;
	}
	close(fd);
	return NULL;
}

/* THREADS threads; writes "stalls failed" to @out */
static void storm_proc(int threads, long pages, unsigned int seed, int out)
{
	pthread_t tid[64];
	struct worker w[64];
	long stalls = 0;
	int i, failed = 0;
	char line[64];

	for (i = 0; i < threads; i++) {
		w[i] = (struct worker){ .pages = pages, .seed = seed + i * 3 };
		if (pthread_create(&tid[i], NULL, storm_thread, &w[i])) {
			failed++;
			threads = i;
			break;
		}
	}
	for (i = 0; i < threads; i++) {
		pthread_join(tid[i], NULL);
		stalls += w[i].stalls;
		failed += w[i].failed;
	}
	snprintf(line, sizeof(line), "%ld %d\n", stalls, failed);
	if (write(out, line, strlen(line)) < 0)
		_exit(1);
}

static int mode_storm(int procs, int threads, long pages)
{
	long stalls = 0, s;
	int fds[2], i, failed = 0, f, st;
	char buf[64];
	FILE *in;

	if (procs < 1 || procs > 16 || threads < 1 || threads > 64 ||
	    pages < 1) {
		printf("setup: 1..16 processes, 1..64 threads, pages >= 1\n");
		return 2;
	}
	if (pipe(fds))
		return 2;
	for (i = 0; i < procs; i++) {
		pid_t pid = fork();

		if (pid < 0)
			return 2;
		if (!pid) {
			close(fds[0]);
			storm_proc(threads, pages, 0x10 * (i + 1), fds[1]);
			_exit(0);
		}
	}
	close(fds[1]);
	in = fdopen(fds[0], "r");
	while (in && fgets(buf, sizeof(buf), in)) {
		if (sscanf(buf, "%ld %d", &s, &f) == 2) {
			stalls += s;
			failed += f;
		}
	}
	for (i = 0; i < procs; i++)
		if (wait(&st) < 0 || !WIFEXITED(st) || WEXITSTATUS(st))
			failed++;
	printf("storm: %d processes x %d threads, 2 x %ld pages each: stalls %ld, failed %d\n",
	       procs, threads, pages, stalls, failed);
	if (failed || stalls != 2L * procs * threads * pages) {
		printf("FAIL: expected %ld stalls and no failure\n",
		       2L * procs * threads * pages);
		return 1;
	}
	printf("ok: every stall resolved, every page verified\n");
	return 0;
}

static int mode_bind_sleep(int seconds)
{
	char res[512];
	long pasid;
	int fd = bind_fd(&pasid), err;

	printf("bound: pasid %ld\n", pasid);
	fflush(stdout);
	sleep(seconds);
	err = run(fd, res, "sva-fill %p 4096 1", (void *)res);
	printf("after %d s: %s%s%s\n", seconds, res, err ? ": " : "",
	       err ? strerror(err) : "");
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	page = sysconf(_SC_PAGESIZE);
	if (argc < 3) {
		fprintf(stderr, "usage: see the top of sva-test.c\n");
		return 2;
	}
	if (strchr(argv[2], '/'))
		snprintf(cmd_path, sizeof(cmd_path), "%s/cmd", argv[2]);
	else
		snprintf(cmd_path, sizeof(cmd_path), ROOT "/%s/cmd", argv[2]);
	if (!strcmp(argv[1], "copy") && argc == 4)
		return mode_copy(atol(argv[3]), 0);
	if (!strcmp(argv[1], "fill") && argc == 4)
		return mode_copy(atol(argv[3]), 1);
	if (!strcmp(argv[1], "unmapped"))
		return mode_unmapped();
	if (!strcmp(argv[1], "munmap"))
		return mode_munmap();
	if (!strcmp(argv[1], "exit"))
		return mode_exit();
	if (!strcmp(argv[1], "storm") && argc == 6)
		return mode_storm(atoi(argv[3]), atoi(argv[4]), atol(argv[5]));
	if (!strcmp(argv[1], "bind-sleep") && argc == 4)
		return mode_bind_sleep(atoi(argv[3]));
	fprintf(stderr, "usage: see the top of sva-test.c\n");
	return 2;
}
