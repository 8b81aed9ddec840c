// SPDX-License-Identifier: GPL-2.0-only
/*
 * smmu3_testdev: a DMA-capable test device behind the emulated SMMUv3.
 *
 * A platform device ("smmu3,test-dma") whose node has iommus = <&smmu SID>.
 * Buffers are allocated and mapped with the ordinary DMA API (coherent,
 * streaming, scatter-gather); the "device" then moves data with the
 * emulator's DMA port, which translates every access through the tables
 * the SMMU driver wrote.  A DMA that faults fails with the fault's name.
 *
 * Interface, per device: /sys/kernel/debug/smmu3_testdev/<device>/
 *   info   StreamID, emulator, IOMMU group and domain type, counters
 *   cmd    write a command line; read the result of the last command
 *
 * Commands (sizes and addresses accept 0x, k, M suffixes not needed):
 *   copy <bytes> coherent|streaming|sg   src -> dst by the device, verified
 *   fill <bytes> <byte>                  device fills, CPU verifies
 *   checksum <bytes>                     device sums, CPU compares
 *   keep <bytes> [<dir>]                 keep a mapped buffer; shows IOVA.
 *                                        dir: coherent (the default,
 *                                        dma_alloc_coherent), or a
 *                                        streaming mapping (dma_map_single)
 *                                        to-device (the device may only
 *                                        read it), from-device (only
 *                                        write it) or bidirectional
 *   verify                               CPU checks the kept buffer
 *   free                                 release the kept buffer
 *   read <iova> <bytes>                  raw device read of any IOVA
 *   write <iova> <bytes>                 raw device write of any IOVA
 *   storm <count> <iova>                 <count> raw 4-byte reads, in
 *                                        batches with interrupts off
 *   unmap-access <bytes>                 map, DMA, unmap, DMA again
 *   claim | release                      take DMA ownership (blocked domain)
 */
#include <linux/debugfs.h>
#include <linux/dma-mapping.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/random.h>
#include <linux/scatterlist.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/stdarg.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include <smmu3/smmu3-arch.h>
#include <smmu3/smmu3-emu.h>

/* Largest buffer a command may ask for */
#define TESTDEV_MAX_BYTES	(16 << 20)
/* The device's internal buffer: data moves through it in chunks */
#define TESTDEV_CHUNK		(64 << 10)
#define TESTDEV_RESULT_LEN	256
/* Faulting accesses per interrupts-off batch of "storm" */
#define TESTDEV_STORM_BATCH	2048

/**
 * struct testdev - one test device
 * @dev: the platform device
 * @emu: the emulator its SMMU is
 * @sid: StreamID (first iommus entry)
 * @lock: serialises commands; protects everything below
 * @chunk: the device's internal buffer, TESTDEV_CHUNK bytes
 * @result: outcome of the last command
 * @keep: buffer kept by "keep", or NULL
 * @keep_dma: its IOVA
 * @keep_len: its size
 * @keep_dir: DMA_NONE for a coherent buffer, else the direction of its
 *	streaming mapping
 * @owned: DMA ownership claimed ("claim")
 * @bytes: bytes moved by the device
 * @faults: DMAs that failed with a fault
 * @dir: debugfs directory
 */
struct testdev {
	struct device *dev;
	struct smmu3_emu *emu;
	u32 sid;
	/* serialises commands */
	struct mutex lock;
	u8 *chunk;
	char result[TESTDEV_RESULT_LEN];
	u8 *keep;
	dma_addr_t keep_dma;
	size_t keep_len;
	enum dma_data_direction keep_dir;
	bool owned;
	u64 bytes;
	u64 faults;
	struct dentry *dir;
};

static struct dentry *testdev_root;

/* Set the result of the command being run */
static __printf(2, 3) void testdev_result(struct testdev *td,
					  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(td->result, sizeof(td->result), fmt, ap);
	va_end(ap);
}

static const char *testdev_event_name(u32 type)
{
	static const char *const names[] = SMMU3_EVT_NAMES;

	if (type < ARRAY_SIZE(names) && names[type])
		return names[type];
	return "UNKNOWN";
}

/* One device access through the DMA port; a failure becomes the result */
static int testdev_dma(struct testdev *td, u64 iova, void *buf, size_t len,
		       bool write)
{
	struct smmu3_emu_fault fault;
	int ret;

	ret = smmu3_emu_dma(td->emu, td->sid, SMMU3_EMU_NO_SSID, iova, buf,
			    len, write ? SMMU3_EMU_DMA_WRITE : 0, &fault);
	td->bytes += fault.done;
	if (!ret)
		return 0;
	td->faults++;
	if (ret == -EFAULT)
		testdev_result(td, "fault %s sid %#x iova %#llx %s%s",
			       testdev_event_name(fault.event), td->sid,
			       fault.iova, write ? "write" : "read",
			       fault.recorded ? " (event recorded)" :
			       " (no event recorded)");
	else if (ret == -EIO)
		testdev_result(td, "abort sid %#x iova %#llx %s (no event)",
			       td->sid, fault.iova, write ? "write" : "read");
	else
		testdev_result(td, "error %d", ret);
	return ret;
}

/**
 * struct testdev_seg - an IOVA range the device reads or writes
 * @iova: start
 * @len: bytes
 */
struct testdev_seg {
	u64 iova;
	size_t len;
};

/*
 * Copy between two lists of IOVA segments through the internal buffer,
 * as a DMA engine with scatter-gather descriptors would.
 */
static int testdev_copy_segs(struct testdev *td, const struct testdev_seg *src,
			     unsigned int nsrc, const struct testdev_seg *dst,
			     unsigned int ndst)
{
	size_t soff = 0, doff = 0;
	unsigned int si = 0, di = 0;
	int ret;

	while (si < nsrc && di < ndst) {
		size_t n = min3(src[si].len - soff, dst[di].len - doff,
				(size_t)TESTDEV_CHUNK);

		ret = testdev_dma(td, src[si].iova + soff, td->chunk, n,
				  false);
		if (ret)
			return ret;
		ret = testdev_dma(td, dst[di].iova + doff, td->chunk, n,
				  true);
		if (ret)
			return ret;
		soff += n;
		doff += n;
		if (soff == src[si].len) {
			si++;
			soff = 0;
		}
		if (doff == dst[di].len) {
			di++;
			doff = 0;
		}
	}
	return 0;
}

/* A scatter-gather buffer of single pages, mapped with the DMA API */
struct testdev_sgbuf {
	struct page **pages;
	unsigned int npages;
	struct sg_table sgt;
	bool mapped;
};

static void testdev_sgbuf_free(struct testdev *td, struct testdev_sgbuf *b)
{
	unsigned int i;

	if (b->mapped)
		dma_unmap_sgtable(td->dev, &b->sgt, DMA_BIDIRECTIONAL, 0);
	if (b->sgt.sgl)
		sg_free_table(&b->sgt);
	for (i = 0; b->pages && i < b->npages; i++)
		if (b->pages[i])
			__free_page(b->pages[i]);
	kvfree(b->pages);
}

static int testdev_sgbuf_alloc(struct testdev *td, struct testdev_sgbuf *b,
			       size_t bytes)
{
	unsigned int i;
	int ret;

	memset(b, 0, sizeof(*b));
	b->npages = DIV_ROUND_UP(bytes, PAGE_SIZE);
	b->pages = kvcalloc(b->npages, sizeof(*b->pages), GFP_KERNEL);
	if (!b->pages)
		return -ENOMEM;
	for (i = 0; i < b->npages; i++) {
		b->pages[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!b->pages[i])
			return -ENOMEM;
	}
	ret = sg_alloc_table_from_pages(&b->sgt, b->pages, b->npages, 0,
					bytes, GFP_KERNEL);
	if (ret)
		return ret;
	ret = dma_map_sgtable(td->dev, &b->sgt, DMA_BIDIRECTIONAL, 0);
	if (ret)
		return ret;
	b->mapped = true;
	return 0;
}

static int testdev_sgbuf_segs(struct testdev_sgbuf *b,
			      struct testdev_seg **segs)
{
	struct scatterlist *sg;
	unsigned int i;

	*segs = kcalloc(b->sgt.nents, sizeof(**segs), GFP_KERNEL);
	if (!*segs)
		return -ENOMEM;
	for_each_sgtable_dma_sg(&b->sgt, sg, i) {
		(*segs)[i].iova = sg_dma_address(sg);
		(*segs)[i].len = sg_dma_len(sg);
	}
	return b->sgt.nents;
}

static void testdev_sgbuf_rw(struct testdev_sgbuf *b, u8 *data, size_t bytes,
			     bool to_buf)
{
	size_t off = 0;
	unsigned int i;

	for (i = 0; i < b->npages && off < bytes; i++) {
		size_t n = min_t(size_t, PAGE_SIZE, bytes - off);

		if (to_buf)
			memcpy(page_address(b->pages[i]), data + off, n);
		else
			memcpy(data + off, page_address(b->pages[i]), n);
		off += n;
	}
}

static int testdev_copy_sg(struct testdev *td, size_t bytes)
{
	struct testdev_sgbuf src = {}, dst = {};
	struct testdev_seg *ssegs = NULL, *dsegs = NULL;
	u8 *expect = NULL, *got = NULL;
	int ns, nd, ret;

	ret = testdev_sgbuf_alloc(td, &src, bytes);
	if (!ret)
		ret = testdev_sgbuf_alloc(td, &dst, bytes);
	expect = vmalloc(bytes);
	got = vmalloc(bytes);
	if (ret || !expect || !got) {
		testdev_result(td,
			       "error: cannot allocate or map %zu bytes (%d)",
			       bytes, ret);
		ret = ret ?: -ENOMEM;
		goto out;
	}
	get_random_bytes(expect, bytes);
	testdev_sgbuf_rw(&src, expect, bytes, true);
	dma_sync_sgtable_for_device(td->dev, &src.sgt, DMA_BIDIRECTIONAL);
	dma_sync_sgtable_for_device(td->dev, &dst.sgt, DMA_BIDIRECTIONAL);

	ns = testdev_sgbuf_segs(&src, &ssegs);
	nd = testdev_sgbuf_segs(&dst, &dsegs);
	if (ns < 0 || nd < 0) {
		ret = -ENOMEM;
		testdev_result(td, "error: no memory");
		goto out;
	}
	ret = testdev_copy_segs(td, ssegs, ns, dsegs, nd);
	if (ret)
		goto out;
	dma_sync_sgtable_for_cpu(td->dev, &dst.sgt, DMA_BIDIRECTIONAL);
	testdev_sgbuf_rw(&dst, got, bytes, false);
	if (memcmp(expect, got, bytes)) {
		ret = -EIO;
		testdev_result(td, "mismatch: copy of %zu bytes differs",
			       bytes);
		goto out;
	}
	testdev_result(td,
		       "ok copy %zu bytes sg: %d source and %d destination segments, verified",
		       bytes, ns, nd);
out:
	kfree(ssegs);
	kfree(dsegs);
	vfree(expect);
	vfree(got);
	testdev_sgbuf_free(td, &src);
	testdev_sgbuf_free(td, &dst);
	return ret;
}

static int testdev_copy_linear(struct testdev *td, size_t bytes,
			       bool coherent)
{
	struct testdev_seg s, d;
	dma_addr_t sdma = DMA_MAPPING_ERROR, ddma = DMA_MAPPING_ERROR;
	u8 *src = NULL, *dst = NULL;
	int ret = -ENOMEM;

	if (coherent) {
		src = dma_alloc_coherent(td->dev, bytes, &sdma, GFP_KERNEL);
		dst = dma_alloc_coherent(td->dev, bytes, &ddma, GFP_KERNEL);
	} else {
		src = kmalloc(bytes, GFP_KERNEL);
		dst = kzalloc(bytes, GFP_KERNEL);
	}
	if (!src || !dst) {
		testdev_result(td, "error: cannot allocate %zu bytes", bytes);
		goto out;
	}
	get_random_bytes(src, bytes);
	memset(dst, 0, bytes);
	if (!coherent) {
		sdma = dma_map_single(td->dev, src, bytes, DMA_TO_DEVICE);
		ddma = dma_map_single(td->dev, dst, bytes, DMA_FROM_DEVICE);
		if (dma_mapping_error(td->dev, sdma) ||
		    dma_mapping_error(td->dev, ddma)) {
			testdev_result(td, "error: dma_map_single failed");
			goto out;
		}
	}
	s = (struct testdev_seg){ .iova = sdma, .len = bytes };
	d = (struct testdev_seg){ .iova = ddma, .len = bytes };
	ret = testdev_copy_segs(td, &s, 1, &d, 1);
	if (!coherent) {
		dma_unmap_single(td->dev, sdma, bytes, DMA_TO_DEVICE);
		dma_unmap_single(td->dev, ddma, bytes, DMA_FROM_DEVICE);
		sdma = DMA_MAPPING_ERROR;
		ddma = DMA_MAPPING_ERROR;
	}
	if (ret)
		goto out;
	if (memcmp(src, dst, bytes)) {
		ret = -EIO;
		testdev_result(td, "mismatch: copy of %zu bytes differs",
			       bytes);
		goto out;
	}
	testdev_result(td,
		       "ok copy %zu bytes %s: iova %#llx -> %#llx, verified",
		       bytes, coherent ? "coherent" : "streaming", (u64)s.iova,
		       (u64)d.iova);
out:
	if (coherent) {
		if (src)
			dma_free_coherent(td->dev, bytes, src, sdma);
		if (dst)
			dma_free_coherent(td->dev, bytes, dst, ddma);
	} else {
		if (!dma_mapping_error(td->dev, sdma) && src)
			dma_unmap_single(td->dev, sdma, bytes, DMA_TO_DEVICE);
		if (!dma_mapping_error(td->dev, ddma) && dst)
			dma_unmap_single(td->dev, ddma, bytes, DMA_FROM_DEVICE);
		kfree(src);
		kfree(dst);
	}
	return ret;
}

static int testdev_fill(struct testdev *td, size_t bytes, u8 value)
{
	dma_addr_t dma;
	size_t off, n, i;
	u8 *buf;
	int ret = 0;

	buf = dma_alloc_coherent(td->dev, bytes, &dma, GFP_KERNEL);
	if (!buf) {
		testdev_result(td, "error: no memory");
		return -ENOMEM;
	}
	memset(buf, ~value, bytes);
	memset(td->chunk, value, TESTDEV_CHUNK);
	for (off = 0; off < bytes; off += n) {
		n = min_t(size_t, bytes - off, TESTDEV_CHUNK);
		ret = testdev_dma(td, dma + off, td->chunk, n, true);
		if (ret)
			goto out;
	}
	for (i = 0; i < bytes; i++)
		if (buf[i] != value)
			break;
	if (i < bytes) {
		ret = -EIO;
		testdev_result(td, "mismatch at offset %zu: %#x, expected %#x",
			       i, buf[i], value);
	} else {
		testdev_result(td,
			       "ok fill %zu bytes with %#x at iova %#llx, verified",
			       bytes, value, (u64)dma);
	}
out:
	dma_free_coherent(td->dev, bytes, buf, dma);
	return ret;
}

static u32 testdev_sum(const u8 *p, size_t n, u32 sum)
{
	while (n--)
		sum = (sum << 1 | sum >> 31) ^ *p++;
	return sum;
}

static int testdev_checksum(struct testdev *td, size_t bytes)
{
	u32 dev_sum = 0, cpu_sum;
	dma_addr_t dma;
	size_t off, n;
	u8 *buf;
	int ret = 0;

	buf = dma_alloc_coherent(td->dev, bytes, &dma, GFP_KERNEL);
	if (!buf) {
		testdev_result(td, "error: no memory");
		return -ENOMEM;
	}
	get_random_bytes(buf, bytes);
	cpu_sum = testdev_sum(buf, bytes, 0);
	for (off = 0; off < bytes; off += n) {
		n = min_t(size_t, bytes - off, TESTDEV_CHUNK);
		ret = testdev_dma(td, dma + off, td->chunk, n, false);
		if (ret)
			goto out;
		dev_sum = testdev_sum(td->chunk, n, dev_sum);
	}
	if (dev_sum != cpu_sum) {
		ret = -EIO;
		testdev_result(td, "mismatch: device checksum %#x, CPU %#x",
			       dev_sum, cpu_sum);
	} else {
		testdev_result(td, "ok checksum %zu bytes: %#x", bytes,
			       dev_sum);
	}
out:
	dma_free_coherent(td->dev, bytes, buf, dma);
	return ret;
}

static void testdev_free_keep(struct testdev *td)
{
	if (td->keep && td->keep_dir == DMA_NONE) {
		dma_free_coherent(td->dev, td->keep_len, td->keep,
				  td->keep_dma);
	} else if (td->keep) {
		dma_unmap_single(td->dev, td->keep_dma, td->keep_len,
				 td->keep_dir);
		kfree(td->keep);
	}
	td->keep = NULL;
}

static const char *const testdev_dir_names[] = {
	[DMA_BIDIRECTIONAL] = "bidirectional",
	[DMA_TO_DEVICE] = "to-device",
	[DMA_FROM_DEVICE] = "from-device",
	[DMA_NONE] = "coherent",
};

/* A pattern buffer for the device, coherent or streaming (@dir) */
static int testdev_keep(struct testdev *td, size_t bytes,
			enum dma_data_direction dir)
{
	size_t i;

	testdev_free_keep(td);
	td->keep_dir = dir;
	if (dir == DMA_NONE)
		td->keep = dma_alloc_coherent(td->dev, bytes, &td->keep_dma,
					      GFP_KERNEL);
	else
		td->keep = kmalloc(bytes, GFP_KERNEL);
	if (!td->keep) {
		testdev_result(td, "error: no memory");
		return -ENOMEM;
	}
	td->keep_len = bytes;
	for (i = 0; i < bytes; i++)
		td->keep[i] = 0xa5 ^ (u8)i;
	if (dir != DMA_NONE) {
		td->keep_dma = dma_map_single(td->dev, td->keep, bytes, dir);
		if (dma_mapping_error(td->dev, td->keep_dma)) {
			kfree(td->keep);
			td->keep = NULL;
			testdev_result(td, "error: dma_map_single failed");
			return -ENOMEM;
		}
	}
	testdev_result(td, "ok keep iova %#llx bytes %zu %s",
		       (u64)td->keep_dma, bytes, testdev_dir_names[dir]);
	return 0;
}

static int testdev_verify(struct testdev *td)
{
	size_t i;

	if (!td->keep) {
		testdev_result(td, "error: nothing kept");
		return -EINVAL;
	}
	if (td->keep_dir != DMA_NONE)
		dma_sync_single_for_cpu(td->dev, td->keep_dma, td->keep_len,
					td->keep_dir);
	for (i = 0; i < td->keep_len; i++)
		if (td->keep[i] != (0xa5 ^ (u8)i))
			break;
	if (i < td->keep_len) {
		testdev_result(td, "corrupted at offset %zu: %#x", i,
			       td->keep[i]);
		return -EIO;
	}
	testdev_result(td, "ok intact %zu bytes", td->keep_len);
	return 0;
}

static int testdev_raw(struct testdev *td, u64 iova, size_t bytes, bool write)
{
	size_t off, n;
	int ret;

	memset(td->chunk, 0x5a, TESTDEV_CHUNK);
	for (off = 0; off < bytes; off += n) {
		n = min_t(size_t, bytes - off, TESTDEV_CHUNK);
		ret = testdev_dma(td, iova + off, td->chunk, n, write);
		if (ret)
			return ret;
	}
	testdev_result(td, "ok %s %zu bytes at iova %#llx",
		       write ? "write" : "read", bytes, iova);
	return 0;
}

static int testdev_storm(struct testdev *td, unsigned long count, u64 iova)
{
	unsigned long i, faults = 0, aborts = 0, ok = 0;
	struct smmu3_emu_fault fault;
	unsigned long flags;
	bool stop = false;
	u32 word;
	int ret;

	/*
	 * Batches with interrupts off on this CPU: the emulator's event
	 * interrupt (irq_work, raised here) cannot run, so the driver cannot
	 * drain the event queue during a batch and a batch larger than the
	 * queue overflows it, whatever the timing.
	 */
	for (i = 0; i < count && !stop; ) {
		unsigned long end = min(count, i + TESTDEV_STORM_BATCH);

		local_irq_save(flags);
		for (; i < end; i++) {
			ret = smmu3_emu_dma(td->emu, td->sid, SMMU3_EMU_NO_SSID,
					    iova, &word, sizeof(word), 0,
					    &fault);
			if (ret == -EFAULT)
				faults++;
			else if (ret == -EIO)
				aborts++;
			else if (!ret)
				ok++;
			else
				stop = true;
			if (stop)
				break;
		}
		local_irq_restore(flags);
		cond_resched();
	}
	td->faults += faults + aborts;
	testdev_result(td,
		       "ok storm %lu accesses: %lu faults, %lu aborts, %lu succeeded",
		       i, faults, aborts, ok);
	return 0;
}

static int testdev_unmap_access(struct testdev *td, size_t bytes)
{
	char fault[TESTDEV_RESULT_LEN];
	dma_addr_t dma;
	u8 *buf;
	int ret;

	buf = kzalloc(bytes, GFP_KERNEL);
	if (!buf) {
		testdev_result(td, "error: no memory");
		return -ENOMEM;
	}
	dma = dma_map_single(td->dev, buf, bytes, DMA_BIDIRECTIONAL);
	if (dma_mapping_error(td->dev, dma)) {
		kfree(buf);
		testdev_result(td, "error: map failed");
		return -ENOMEM;
	}
	/* Fill the TLB with the mapping: the later access must miss it */
	ret = testdev_dma(td, dma, td->chunk, bytes, false);
	dma_unmap_single(td->dev, dma, bytes, DMA_BIDIRECTIONAL);
	if (ret) {
		kfree(buf);
		strscpy(fault, td->result);
		testdev_result(td, "error: access while mapped failed: %s",
			       fault);
		return -EIO;
	}
	ret = testdev_dma(td, dma, td->chunk, bytes, false);
	kfree(buf);
	if (!ret) {
		testdev_result(td,
			       "stale: access after unmap of iova %#llx succeeded",
			       (u64)dma);
		return -EIO;
	}
	strscpy(fault, td->result);
	testdev_result(td, "ok mapped access succeeded; after unmap: %s",
		       fault);
	return 0;
}

static int testdev_claim(struct testdev *td, bool claim)
{
	int ret = 0;

	if (claim && !td->owned) {
		ret = iommu_device_claim_dma_owner(td->dev, td);
		td->owned = !ret;
	} else if (!claim && td->owned) {
		iommu_device_release_dma_owner(td->dev);
		td->owned = false;
	}
	if (ret)
		testdev_result(td, "error: claim failed (%d)", ret);
	else
		testdev_result(td, "ok %s", claim ? "claimed" : "released");
	return ret;
}

static int testdev_parse_size(const char *s, size_t *bytes)
{
	unsigned long long v;

	if (!s || kstrtoull(s, 0, &v) || !v || v > TESTDEV_MAX_BYTES)
		return -EINVAL;
	*bytes = v;
	return 0;
}

static int testdev_run(struct testdev *td, char *line)
{
	char *argv[4] = {};
	unsigned long long a;
	size_t bytes;
	unsigned int argc = 0;
	char *tok;
	u8 val;

	while ((tok = strsep(&line, " \t\n")) && argc < ARRAY_SIZE(argv))
		if (*tok)
			argv[argc++] = tok;
	if (!argc)
		return -EINVAL;

	if (!strcmp(argv[0], "copy") && argc == 3 &&
	    !testdev_parse_size(argv[1], &bytes)) {
		if (!strcmp(argv[2], "sg"))
			return testdev_copy_sg(td, bytes);
		if (!strcmp(argv[2], "coherent"))
			return testdev_copy_linear(td, bytes, true);
		if (!strcmp(argv[2], "streaming"))
			return testdev_copy_linear(td, bytes, false);
	} else if (!strcmp(argv[0], "fill") && argc == 3 &&
		   !testdev_parse_size(argv[1], &bytes) &&
		   !kstrtou8(argv[2], 0, &val)) {
		return testdev_fill(td, bytes, val);
	} else if (!strcmp(argv[0], "checksum") && argc == 2 &&
		   !testdev_parse_size(argv[1], &bytes)) {
		return testdev_checksum(td, bytes);
	} else if (!strcmp(argv[0], "keep") && (argc == 2 || argc == 3) &&
		   !testdev_parse_size(argv[1], &bytes)) {
		int dir = argc == 2 ? DMA_NONE :
			  match_string(testdev_dir_names,
				       ARRAY_SIZE(testdev_dir_names), argv[2]);

		if (dir >= 0)
			return testdev_keep(td, bytes, dir);
	} else if (!strcmp(argv[0], "verify") && argc == 1) {
		return testdev_verify(td);
	} else if (!strcmp(argv[0], "free") && argc == 1) {
		testdev_free_keep(td);
		testdev_result(td, "ok freed");
		return 0;
	} else if ((!strcmp(argv[0], "read") || !strcmp(argv[0], "write")) &&
		   argc == 3 && !kstrtoull(argv[1], 0, &a) &&
		   !testdev_parse_size(argv[2], &bytes)) {
		return testdev_raw(td, a, bytes, argv[0][0] == 'w');
	} else if (!strcmp(argv[0], "storm") && argc == 3 &&
		   !kstrtoull(argv[2], 0, &a)) {
		unsigned long count;

		if (!kstrtoul(argv[1], 0, &count) && count <= 10000000)
			return testdev_storm(td, count, a);
	} else if (!strcmp(argv[0], "unmap-access") && argc == 2 &&
		   !testdev_parse_size(argv[1], &bytes) &&
		   bytes <= TESTDEV_CHUNK) {
		return testdev_unmap_access(td, bytes);
	} else if (!strcmp(argv[0], "claim") && argc == 1) {
		return testdev_claim(td, true);
	} else if (!strcmp(argv[0], "release") && argc == 1) {
		return testdev_claim(td, false);
	}
	testdev_result(td,
		       "error: bad command (see the comment at the top of smmu3_testdev.c)");
	return -EINVAL;
}

static ssize_t testdev_cmd_write(struct file *file, const char __user *ubuf,
				 size_t count, loff_t *ppos)
{
	struct testdev *td = file->private_data;
	char *line;
	int ret;

	if (count > 200)
		return -EINVAL;
	line = memdup_user_nul(ubuf, count);
	if (IS_ERR(line))
		return PTR_ERR(line);
	mutex_lock(&td->lock);
	ret = testdev_run(td, line);
	dev_dbg(td->dev, "%s\n", td->result);
	mutex_unlock(&td->lock);
	kfree(line);
	/* The result is always readable; a failed DMA is not a write error */
	return ret == -EINVAL && !strncmp(td->result, "error: bad", 10) ?
	       -EINVAL : count;
}

static ssize_t testdev_cmd_read(struct file *file, char __user *ubuf,
				size_t count, loff_t *ppos)
{
	struct testdev *td = file->private_data;
	char buf[TESTDEV_RESULT_LEN + 1];
	int len;

	mutex_lock(&td->lock);
	len = scnprintf(buf, sizeof(buf), "%s\n", td->result);
	mutex_unlock(&td->lock);
	return simple_read_from_buffer(ubuf, count, ppos, buf, len);
}

static const struct file_operations testdev_cmd_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = testdev_cmd_read,
	.write = testdev_cmd_write,
	.llseek = default_llseek,
};

static const char *testdev_domain_type(struct iommu_domain *d)
{
	if (!d)
		return "none";
	switch (d->type) {
	case IOMMU_DOMAIN_BLOCKED:
		return "blocked";
	case IOMMU_DOMAIN_IDENTITY:
		return "identity";
	case IOMMU_DOMAIN_UNMANAGED:
		return "unmanaged";
	case IOMMU_DOMAIN_DMA:
		return "DMA";
	case IOMMU_DOMAIN_DMA_FQ:
		return "DMA-FQ";
	default:
		return "other";
	}
}

static int testdev_info_show(struct seq_file *s, void *unused)
{
	struct testdev *td = s->private;
	struct iommu_group *group = iommu_group_get(td->dev);

	mutex_lock(&td->lock);
	seq_printf(s, "sid: %#x\n", td->sid);
	seq_printf(s, "group: %d\n", group ? iommu_group_id(group) : -1);
	seq_printf(s, "domain: %s\n",
		   testdev_domain_type(iommu_get_domain_for_dev(td->dev)));
	seq_printf(s, "bytes: %llu\nfaults: %llu\n", td->bytes, td->faults);
	mutex_unlock(&td->lock);
	iommu_group_put(group);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(testdev_info);

static int testdev_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct testdev *td;
	int ret;

	td = devm_kzalloc(dev, sizeof(*td), GFP_KERNEL);
	if (!td)
		return -ENOMEM;
	td->dev = dev;
	mutex_init(&td->lock);
	td->chunk = devm_kmalloc(dev, TESTDEV_CHUNK, GFP_KERNEL);
	if (!td->chunk)
		return -ENOMEM;
	if (!device_iommu_mapped(dev))
		return dev_err_probe(dev, -ENODEV,
				     "not behind an IOMMU: check its iommus property and the SMMU's log\n");

	td->emu = smmu3_emu_get_for_device(dev, 0, &td->sid);
	if (IS_ERR(td->emu))
		return dev_err_probe(dev, PTR_ERR(td->emu),
				     "no emulated SMMU behind iommus[0]\n");
	ret = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(48));
	if (ret) {
		smmu3_emu_put(td->emu);
		return dev_err_probe(dev, ret, "no 48-bit DMA mask\n");
	}
	testdev_result(td, "idle");
	td->dir = debugfs_create_dir(dev_name(dev), testdev_root);
	debugfs_create_file("info", 0444, td->dir, td, &testdev_info_fops);
	debugfs_create_file("cmd", 0600, td->dir, td, &testdev_cmd_fops);
	platform_set_drvdata(pdev, td);
	dev_info(dev, "test DMA device, StreamID %#x\n", td->sid);
	return 0;
}

static void testdev_remove(struct platform_device *pdev)
{
	struct testdev *td = platform_get_drvdata(pdev);

	debugfs_remove_recursive(td->dir);
	mutex_lock(&td->lock);
	testdev_free_keep(td);
	if (td->owned)
		iommu_device_release_dma_owner(td->dev);
	mutex_unlock(&td->lock);
	smmu3_emu_put(td->emu);
	mutex_destroy(&td->lock);
}

static const struct of_device_id testdev_of_match[] = {
	{ .compatible = "smmu3,test-dma" },
	{ }
};
MODULE_DEVICE_TABLE(of, testdev_of_match);

static struct platform_driver testdev_driver = {
	.driver = {
		.name = "smmu3_testdev",
		.of_match_table = testdev_of_match,
	},
	.probe = testdev_probe,
	.remove = testdev_remove,
	/* "claim" takes DMA ownership itself (the blocked domain) */
	.driver_managed_dma = true,
};

static int __init testdev_init(void)
{
	int ret;

	testdev_root = debugfs_create_dir("smmu3_testdev", NULL);
	ret = platform_driver_register(&testdev_driver);
	if (ret)
		debugfs_remove_recursive(testdev_root);
	return ret;
}
module_init(testdev_init);

static void __exit testdev_exit(void)
{
	platform_driver_unregister(&testdev_driver);
	debugfs_remove_recursive(testdev_root);
}
module_exit(testdev_exit);

MODULE_DESCRIPTION("DMA test device behind the emulated SMMUv3");
MODULE_LICENSE("GPL");
