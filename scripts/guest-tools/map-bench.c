// SPDX-License-Identifier: GPL-2.0-only
/*
 * map-bench: run the kernel's dma_map_benchmark (kernel/dma/map_benchmark.c)
 * on the device currently bound to it and print map/unmap latency.
 *
 *   map-bench [SECONDS [THREADS [GRANULE_PAGES]]]
 *
 * Output, one line: "map <mean> us (sd <sd>), unmap <mean> us (sd <sd>)".
 * The layout of struct map_benchmark is the kernel's ABI for this ioctl.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

struct map_benchmark {
	uint64_t avg_map_100ns;
	uint64_t map_stddev;
	uint64_t avg_unmap_100ns;
	uint64_t unmap_stddev;
	uint32_t threads;
	uint32_t seconds;
	int32_t node;
	uint32_t dma_bits;
	uint32_t dma_dir;
	uint32_t dma_trans_ns;
	uint32_t granule;
	uint8_t expansion[76];
};

#define DMA_MAP_BENCHMARK	_IOWR('d', 1, struct map_benchmark)

int main(int argc, char **argv)
{
	struct map_benchmark mb;
	int fd;

	memset(&mb, 0, sizeof(mb));
	mb.seconds = argc > 1 ? atoi(argv[1]) : 2;
	mb.threads = argc > 2 ? atoi(argv[2]) : 1;
	mb.granule = argc > 3 ? atoi(argv[3]) : 1;
	mb.node = -1;
	mb.dma_bits = 48;
	mb.dma_dir = 0;	/* bidirectional */

	fd = open("/sys/kernel/debug/dma_map_benchmark", O_RDWR);
	if (fd < 0) {
		perror("map-bench: /sys/kernel/debug/dma_map_benchmark");
		return 2;
	}
	if (ioctl(fd, DMA_MAP_BENCHMARK, &mb)) {
		perror("map-bench: DMA_MAP_BENCHMARK");
		return 1;
	}
	printf("map %.2f us (sd %.2f), unmap %.2f us (sd %.2f)\n",
	       mb.avg_map_100ns / 10.0, mb.map_stddev / 10.0,
	       mb.avg_unmap_100ns / 10.0, mb.unmap_stddev / 10.0);
	return 0;
}
