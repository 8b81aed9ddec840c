// SPDX-License-Identifier: GPL-2.0-only
/*
 * fail-nth: write a string to a file with the Nth fault injection point of
 * that write failing (/proc/thread-self/fail-nth, CONFIG_FAULT_INJECTION).
 *
 *   fail-nth N FILE STRING
 *
 * FILE is opened before N is armed, so that only the write() itself (a
 * test device command, a driver bind) meets the injected failure; the
 * counter is read back and disarmed right after it, in the same thread.
 *
 * Output, one line: "injected" or "not-injected" (the write ran out of
 * injection points before the Nth: it ran without any failure), then the
 * write's result: the byte count or "-ERRNO (message)".  Exit status 0
 * when the write was made, 2 when the test could not be set up.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FAIL_NTH	"/proc/thread-self/fail-nth"

int main(int argc, char **argv)
{
	char arm[32], left[32];
	unsigned long n;
	ssize_t ret, len;
	int fd, nth, err;
	char *end;

	if (argc != 4) {
		fprintf(stderr, "usage: fail-nth N FILE STRING\n");
		return 2;
	}
	n = strtoul(argv[1], &end, 0);
	if (*end || !n) {
		fprintf(stderr, "fail-nth: N must be a positive number\n");
		return 2;
	}
	fd = open(argv[2], O_WRONLY);
	if (fd < 0) {
		perror(argv[2]);
		return 2;
	}
	nth = open(FAIL_NTH, O_RDWR);
	if (nth < 0) {
		perror(FAIL_NTH);
		return 2;
	}
	/* Everything the armed section touches is already faulted in */
	memset(left, 0, sizeof(left));
	len = snprintf(arm, sizeof(arm), "%lu", n);
	if (write(nth, arm, len) != len) {
		perror("fail-nth: arming " FAIL_NTH);
		return 2;
	}
	ret = write(fd, argv[3], strlen(argv[3]));
	err = errno;
	len = pread(nth, left, sizeof(left) - 1, 0);
	if (write(nth, "0", 1) != 1 || len <= 0) {
		perror("fail-nth: reading back " FAIL_NTH);
		return 2;
	}
	printf("%s ", atoi(left) ? "not-injected" : "injected");
	if (ret < 0)
		printf("-%d (%s)\n", err, strerror(err));
	else
		printf("%zd\n", ret);
	return 0;
}
