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
 * Commands (numbers in C notation: 4096, 0x1000); every size is 1 byte
 * to 16 MiB (TESTDEV_MAX_BYTES):
 *   copy <bytes> coherent|streaming|sg   src -> dst by the device, verified
 *   fill <bytes> <byte>                  device fills, CPU verifies
 *   checksum <bytes>                     device sums, CPU compares
 *   keep <bytes> [<dir>]                 keep a mapped buffer; shows IOVA.
 *                                        dir: coherent (the default,
 *                                        dma_alloc_coherent), or a
 *                                        streaming mapping (dma_map_page of
 *                                        chunks of up to 1 MiB)
 *                                        to-device (the device may only
 *                                        read it), from-device (only
 *                                        write it) or bidirectional
 *   verify                               CPU checks the kept buffer
 *   free                                 release the kept buffer
 *   read <iova> <bytes>                  raw device read of any IOVA
 *   write <iova> <bytes>                 raw device write of any IOVA
 *   storm <count> <iova>                 <count> (1..10000000) raw 4-byte
 *                                        reads, in batches with
 *                                        interrupts off
 *   unmap-access <bytes>                 map, DMA, unmap, DMA again
 *                                        (at most 64 KiB)
 *   pasid-attach <pasid> [hold]          a new paging domain at PASID
 *                                        (SubstreamID) <pasid>, with a
 *                                        64 KiB buffer mapped at IOVA
 *                                        <pasid> << 24; "hold" (a
 *                                        stall-capable device): its I/O
 *                                        page faults are kept pending,
 *                                        the transaction stalled, until
 *                                        pasid-respond or the detach
 *   pasid-detach <pasid>                 detach, unmap and free it
 *   pasid-respond <pasid> ok|fail        answer the faults held at
 *                                        <pasid>: retry or terminate
 *   pasid-fill <pasid> <byte>            the device fills that buffer
 *                                        through its IOVA with SubstreamID
 *                                        <pasid>, the CPU verifies
 *   pasid-read <pasid> <iova> <bytes>    raw device read or write of any
 *   pasid-write <pasid> <iova> <bytes>   IOVA with SubstreamID <pasid>
 *                                        (attached or not)
 *
 * Shared virtual addressing (a device whose node has dma-can-stall, on a
 * kernel with CONFIG_IOMMU_SVA): the binding belongs to the open cmd
 * file, like a uacce queue; only that file, in the process that bound,
 * runs the other sva-* commands, and closing it unbinds.  Addresses are
 * the process's virtual addresses, the SubstreamID the binding's PASID;
 * a page the process never touched is a translation fault that stalls
 * until the kernel has faulted it in (the result counts the stalls).
 *   sva-bind                             bind current->mm; shows the PASID
 *   sva-unbind                           unbind
 *   sva-copy <src-va> <dst-va> <bytes>   the device copies
 *   sva-fill <va> <bytes> <byte>         the device writes <byte>
 *   sva-read <va> <bytes>                the device reads; shows a checksum
 *   sva-write <va> <bytes>               the device writes the pattern
 *                                        0xa5 ^ (offset & 0xff)
 *
 * A command that cannot run (bad syntax, a size out of range, a command
 * the binding does not allow) fails the write with its reason in the
 * result and in info's last_error; a command that ran has its outcome in
 * the result ("ok ...", "fault ...", "mismatch ...", "error: ...").  A
 * signal to the writer, or unbinding the device, ends a running command
 * ("interrupted ...").  One command runs at a time per device: a second
 * writer gets -EBUSY; info and the result stay readable meanwhile.  The
 * exceptions, which run beside it: pasid-attach, pasid-detach and
 * pasid-respond (so that a stalled command can be answered or its PASID
 * detached), and the sva-* commands (one at a time per open file).  The
 * result read through a file is that of the last command written through
 * the same file; a file that has written none reads the device's last.
 *
 * The same devices can be bound to a second driver, smmu3_testdev_owned
 * (through driver_override only), which takes DMA ownership of the
 * device's IOMMU group at probe (the iommu core attaches the blocked
 * domain) and never uses the DMA API: only read, write, storm and these
 * run:
 *   own-attach <ms>                      attach a paging domain of the
 *                                        device's own, nothing mapped,
 *                                        with a fault handler
 *                                        (iommu_set_fault_handler()) that
 *                                        sleeps <ms> (0..10000) and then
 *                                        checks that its domain and device
 *                                        are still there (info: handler_*)
 *   own-detach                           back to the blocked domain; the
 *                                        domain is freed
 */
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/iommu.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/random.h>
#include <linux/scatterlist.h>
#include <linux/sched/mm.h>
#include <linux/seq_file.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
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
#define TESTDEV_STORM_MAX	10000000
/* Physically contiguous chunk of a streaming buffer, one mapping each */
#define TESTDEV_STREAM_CHUNK	SZ_1M
/* Longest command line */
#define TESTDEV_CMD_MAX		200
/* PASIDs attached at once, and each one's buffer */
#define TESTDEV_PASIDS		8
#define TESTDEV_PASID_ORDER	get_order(SZ_64K)
#define TESTDEV_PASID_BYTES	(PAGE_SIZE << TESTDEV_PASID_ORDER)

struct testdev;

/**
 * struct testdev_pasid - a paging domain attached at a PASID
 * @pasid: the PASID (SubstreamID); 0: the slot is free
 * @domain: the domain
 * @buf: its buffer, TESTDEV_PASID_BYTES, mapped at testdev_pasid_iova()
 * @td: the device
 * @handle: the attach handle, through which the iommu core finds
 *	@domain's I/O page fault handler
 * @attached: @domain is attached at @pasid
 * @hold: attached with "hold": @domain->iopf_handler keeps the faults
 * @holding: new fault groups go to @held (under testdev.hold_lock);
 *	cleared before the detach, after which they are answered at once
 * @held: fault groups not answered yet (iopf_group.node), under hold_lock
 * @nheld: their number
 * @users: pasid-fill commands using @buf (under testdev.pasid_lock)
 */
struct testdev_pasid {
	u32 pasid;
	struct iommu_domain *domain;
	struct page *buf;
	struct testdev *td;
	struct iommu_attach_handle handle;
	bool attached;
	bool hold;
	bool holding;
	struct list_head held;
	unsigned int nheld;
	unsigned int users;
};

/**
 * struct testdev_file - an open cmd file
 * @td: the device; NULL once it is gone (under testdev_files_lock)
 * @node: in testdev.files while @td is set
 * @run_lock: held while an sva-* command runs on this file
 * @result: the result of the last command written through this file
 * @has_result: a command was written through this file
 * @sva: the binding of @mm (sva-bind), or NULL
 * @mm: the bound address space (a reference on the mm_struct, not on
 *	its pages: mmgrab())
 * @pasid: the binding's PASID
 * @chunk: the device's buffer for this file's sva-* transfers
 */
struct testdev_file {
	struct testdev *td;
	struct list_head node;
	/* never waited for: a second sva command on the file gets -EBUSY */
	struct mutex run_lock;
	char result[TESTDEV_RESULT_LEN];
	bool has_result;
	struct iommu_sva *sva;
	struct mm_struct *mm;
	u32 pasid;
	u8 *chunk;
};

/**
 * struct testdev_stream - a streaming buffer: chunks, one mapping each
 * @n: number of chunks; 0: no buffer
 * @dir: direction of the mappings
 * @seg: the chunks: pages (order get_order(@len)), bytes, IOVA
 */
struct testdev_stream {
	unsigned int n;
	enum dma_data_direction dir;
	struct testdev_stream_seg {
		struct page *page;
		size_t len;
		dma_addr_t dma;
	} *seg;
};

/**
 * struct testdev - one test device
 * @dev: the platform device
 * @emu: the emulator its SMMU is
 * @sid: StreamID (first iommus entry)
 * @owned: bound to smmu3_testdev_owned: DMA ownership taken, no DMA API
 * @cmd_lock: held while a command runs; protects @chunk and the kept buffer
 * @chunk: the device's internal buffer, TESTDEV_CHUNK bytes
 * @keep: coherent buffer kept by "keep", or NULL
 * @keep_stream: streaming buffer kept by "keep <bytes> <dir>" (n == 0: none)
 * @keep_dma: the kept buffer's (first) IOVA
 * @keep_len: its size
 * @keep_dir: DMA_NONE for a coherent buffer, else the direction of its
 *	streaming mapping
 * @pasids: domains attached at PASIDs ("pasid-attach")
 * @pasid_lock: protects the attachment of @pasids
 * @hold_lock: protects the held fault groups of @pasids; taken by the
 *	I/O page fault handler
 * @cur: the file of the running command (under @cmd_lock)
 * @files: the open cmd files (under testdev_files_lock)
 * @can_stall: the node has dma-can-stall: the SMMU stalls its faults
 * @iopf_on: IOMMU_DEV_FEAT_IOPF enabled
 * @sva_on: IOMMU_DEV_FEAT_SVA enabled
 * @sva_why: why SVA (or "hold") is not available, for refusals and info
 * @stopping: remove() has begun: a running command ends
 * @lock: protects @result, @last_error and @running; held briefly
 * @result: outcome of the last command
 * @last_error: reason the last refused command was refused
 * @running: the command running, or "" (for info)
 * @bytes: bytes moved by the device
 * @faults: DMAs that failed with a fault
 * @stalls: transactions that stalled (all commands)
 * @cmd_stalls: stalls of the running command (under @cmd_lock)
 * @own: the paging domain of own-attach, or NULL (under @cmd_lock)
 * @handler_ms: how long its fault handler sleeps
 * @handler_calls: calls of the fault handler
 * @handler_checked: calls that found their domain and device intact
 *	after the sleep
 * @handler_sleeping: a call is sleeping
 * @dir: debugfs directory
 */
struct testdev {
	struct device *dev;
	struct smmu3_emu *emu;
	u32 sid;
	bool owned;
	/* held for a whole command, never waited for */
	struct mutex cmd_lock;
	u8 *chunk;
	u8 *keep;
	struct testdev_stream keep_stream;
	dma_addr_t keep_dma;
	size_t keep_len;
	enum dma_data_direction keep_dir;
	struct testdev_pasid pasids[TESTDEV_PASIDS];
	/* held across iommu_attach/detach_device_pasid() */
	struct mutex pasid_lock;
	/* short sections; the fault handler takes it */
	spinlock_t hold_lock;
	struct testdev_file *cur;
	struct list_head files;
	bool can_stall;
	bool iopf_on;
	bool sva_on;
	char sva_why[96];
	bool stopping;
	/* short sections only: readers must never wait for a command */
	struct mutex lock;
	char result[TESTDEV_RESULT_LEN];
	char last_error[TESTDEV_RESULT_LEN];
	char running[TESTDEV_CMD_MAX + 1];
	atomic64_t bytes;
	atomic64_t faults;
	atomic64_t stalls;
	unsigned int cmd_stalls;
	struct iommu_domain *own;
	unsigned int handler_ms;
	atomic_t handler_calls;
	atomic_t handler_checked;
	atomic_t handler_sleeping;
	struct dentry *dir;
};

static struct dentry *testdev_root;
/* testdev_file.td and testdev.files: a file may outlive its device */
static DEFINE_MUTEX(testdev_files_lock);

/*
 * The result of the device's running command (under cmd_lock), for the
 * device and for the file it was written through; also info's last_error
 * if @error
 */
static __printf(3, 0) void testdev_vresult(struct testdev *td, bool error,
					   const char *fmt, va_list ap)
{
	mutex_lock(&td->lock);
	vsnprintf(td->result, sizeof(td->result), fmt, ap);
	if (error)
		strscpy(td->last_error, td->result);
	if (td->cur) {
		strscpy(td->cur->result, td->result);
		td->cur->has_result = true;
	}
	mutex_unlock(&td->lock);
}

/*
 * The result of a command that runs beside the device's (pasid-attach,
 * -detach, -respond, sva-*) or was refused before it ran: for the file
 * it was written through and for the device
 */
static __printf(3, 0) void testdev_vfresult(struct testdev_file *f,
					    bool error, const char *fmt,
					    va_list ap)
{
	struct testdev *td = f->td;

	mutex_lock(&td->lock);
	vsnprintf(f->result, sizeof(f->result), fmt, ap);
	f->has_result = true;
	strscpy(td->result, f->result);
	if (error)
		strscpy(td->last_error, f->result);
	mutex_unlock(&td->lock);
}

static __printf(2, 3) void testdev_fresult(struct testdev_file *f,
					   const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	testdev_vfresult(f, false, fmt, ap);
	va_end(ap);
}

/* Refuse a command written through @f: as testdev_refuse() */
static __printf(3, 4) int testdev_frefuse(struct testdev_file *f, int err,
					  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	testdev_vfresult(f, true, fmt, ap);
	va_end(ap);
	return err;
}

/* Set the result of the command being run */
static __printf(2, 3) void testdev_result(struct testdev *td,
					  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	testdev_vresult(td, false, fmt, ap);
	va_end(ap);
}

/*
 * Refuse the command being parsed: the reason becomes the result and
 * info's last_error, @err the write's error.
 */
static __printf(3, 4) int testdev_refuse(struct testdev *td, int err,
					 const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	testdev_vresult(td, true, fmt, ap);
	va_end(ap);
	return err;
}

/* A signal to the writer or remove() ends a long command */
static bool testdev_should_stop(struct testdev *td)
{
	return signal_pending(current) || READ_ONCE(td->stopping);
}

static const char *testdev_event_name(u32 type)
{
	static const char *const names[] = SMMU3_EVT_NAMES;

	if (type < ARRAY_SIZE(names) && names[type])
		return names[type];
	return "UNKNOWN";
}

/*
 * Describe a failed DMA port access into @buf: @ret and @fault from
 * smmu3_emu_dma(), @what names the address ("iova" or "va")
 */
static void testdev_dma_error(struct testdev *td, char *buf, size_t size,
			      int ret, const struct smmu3_emu_fault *fault,
			      u32 ssid, const char *what, bool write)
{
	const char *dir = write ? "write" : "read";
	char sub[24] = "";

	if (ssid != SMMU3_EMU_NO_SSID)
		snprintf(sub, sizeof(sub), " ssid %#x", ssid);
	if (ret == -EIO && fault->stalls)
		/* §3.12.2: the stall was answered with a termination */
		snprintf(buf, size,
			 "fault %s sid %#x%s %s %#llx %s: stalled (%u stalls), terminated: the fault could not be resolved; %zu bytes moved before it",
			 testdev_event_name(fault->event), td->sid, sub, what,
			 fault->iova, dir, fault->stalls, fault->done);
	else if (ret == -EFAULT)
		snprintf(buf, size, "fault %s sid %#x%s %s %#llx %s%s",
			 testdev_event_name(fault->event), td->sid, sub, what,
			 fault->iova, dir, fault->recorded ?
			 " (event recorded)" : " (no event recorded)");
	else if (ret == -EIO)
		snprintf(buf, size, "abort sid %#x%s %s %#llx %s (no event)",
			 td->sid, sub, what, fault->iova, dir);
	else if (ret == -ETIMEDOUT)
		snprintf(buf, size,
			 "error: stall left hanging: sid %#x%s %s %#llx %s stalled and was neither resumed nor terminated",
			 td->sid, sub, what, fault->iova, dir);
	else if (ret == -EINTR)
		snprintf(buf, size,
			 "interrupted: %s at %s %#llx stalled, the wait ended by a signal (the stall is left to the SMMU's software)",
			 dir, what, fault->iova);
	else if (ret == -ENODEV)
		snprintf(buf, size, "error: the emulated SMMU is gone (%d)",
			 ret);
	else
		snprintf(buf, size, "error %d", ret);
}

/*
 * One device access through the DMA port, with SubstreamID @ssid
 * (SMMU3_EMU_NO_SSID: none), waiting for a stalled transaction (§3.12.2)
 * until software resumes or terminates it; a failure becomes the result
 */
static int testdev_dma_ssid(struct testdev *td, u32 ssid, u64 iova, void *buf,
			    size_t len, bool write)
{
	struct smmu3_emu_fault fault;
	char msg[TESTDEV_RESULT_LEN];
	int ret;

	if (testdev_should_stop(td)) {
		testdev_result(td, "interrupted: %s at iova %#llx not done",
			       write ? "write" : "read", iova);
		return -EINTR;
	}
	ret = smmu3_emu_dma(td->emu, td->sid, ssid, iova, buf, len,
			    (write ? SMMU3_EMU_DMA_WRITE : 0) |
			    SMMU3_EMU_DMA_WAIT, &fault);
	atomic64_add(fault.done, &td->bytes);
	atomic64_add(fault.stalls, &td->stalls);
	td->cmd_stalls += fault.stalls;
	if (!ret)
		return 0;
	atomic64_inc(&td->faults);
	testdev_dma_error(td, msg, sizeof(msg), ret, &fault, ssid, "iova",
			  write);
	testdev_result(td, "%s", msg);
	return ret;
}

static int testdev_dma(struct testdev *td, u64 iova, void *buf, size_t len,
		       bool write)
{
	return testdev_dma_ssid(td, SMMU3_EMU_NO_SSID, iova, buf, len, write);
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

static void testdev_stream_free(struct testdev *td, struct testdev_stream *b)
{
	unsigned int i;

	for (i = 0; b->seg && i < b->n; i++) {
		if (!dma_mapping_error(td->dev, b->seg[i].dma))
			dma_unmap_page(td->dev, b->seg[i].dma, b->seg[i].len,
				       b->dir);
		if (b->seg[i].page)
			__free_pages(b->seg[i].page, get_order(b->seg[i].len));
	}
	kfree(b->seg);
	memset(b, 0, sizeof(*b));
}

/* Chunks of up to TESTDEV_STREAM_CHUNK bytes, not mapped yet */
static int testdev_stream_alloc(struct testdev_stream *b, size_t bytes,
				enum dma_data_direction dir)
{
	unsigned int i;

	b->n = DIV_ROUND_UP(bytes, TESTDEV_STREAM_CHUNK);
	b->dir = dir;
	b->seg = kcalloc(b->n, sizeof(*b->seg), GFP_KERNEL);
	if (!b->seg) {
		b->n = 0;
		return -ENOMEM;
	}
	for (i = 0; i < b->n; i++) {
		b->seg[i].dma = DMA_MAPPING_ERROR;
		b->seg[i].len = min_t(size_t, bytes - (size_t)i *
				      TESTDEV_STREAM_CHUNK,
				      TESTDEV_STREAM_CHUNK);
	}
	for (i = 0; i < b->n; i++) {
		b->seg[i].page = alloc_pages(GFP_KERNEL | __GFP_NOWARN,
					     get_order(b->seg[i].len));
		if (!b->seg[i].page)
			return -ENOMEM;
	}
	return 0;
}

/* Map every chunk (the CPU has written what the device is to read) */
static int testdev_stream_map(struct testdev *td, struct testdev_stream *b)
{
	unsigned int i;
	dma_addr_t dma;

	for (i = 0; i < b->n; i++) {
		dma = dma_map_page(td->dev, b->seg[i].page, 0, b->seg[i].len,
				   b->dir);
		if (dma_mapping_error(td->dev, dma))
			return -ENOMEM;
		b->seg[i].dma = dma;
	}
	return 0;
}

/* Copy between @data and the buffer's chunks (@to_buf: into the chunks) */
static void testdev_stream_rw(struct testdev_stream *b, u8 *data,
			      bool to_buf)
{
	size_t off = 0;
	unsigned int i;

	for (i = 0; i < b->n; i++) {
		if (to_buf)
			memcpy(page_address(b->seg[i].page), data + off,
			       b->seg[i].len);
		else
			memcpy(data + off, page_address(b->seg[i].page),
			       b->seg[i].len);
		off += b->seg[i].len;
	}
}

static void testdev_stream_sync_for_cpu(struct testdev *td,
					struct testdev_stream *b)
{
	unsigned int i;

	for (i = 0; i < b->n; i++)
		dma_sync_single_for_cpu(td->dev, b->seg[i].dma, b->seg[i].len,
					b->dir);
}

static struct testdev_seg *testdev_stream_segs(struct testdev_stream *b)
{
	struct testdev_seg *segs;
	unsigned int i;

	segs = kcalloc(b->n, sizeof(*segs), GFP_KERNEL);
	for (i = 0; segs && i < b->n; i++) {
		segs[i].iova = b->seg[i].dma;
		segs[i].len = b->seg[i].len;
	}
	return segs;
}

/* Streaming: physically contiguous chunks, dma_map_page() each */
static int testdev_copy_streaming(struct testdev *td, size_t bytes)
{
	struct testdev_stream src = {}, dst = {};
	struct testdev_seg *ssegs = NULL, *dsegs = NULL;
	u8 *expect, *got = NULL;
	int ret;

	expect = vmalloc(bytes);
	if (expect)
		got = vzalloc(bytes);
	ret = expect && got ? 0 : -ENOMEM;
	if (!ret)
		ret = testdev_stream_alloc(&src, bytes, DMA_TO_DEVICE);
	if (!ret)
		ret = testdev_stream_alloc(&dst, bytes, DMA_FROM_DEVICE);
	if (ret) {
		testdev_result(td, "error: cannot allocate %zu bytes", bytes);
		goto out;
	}
	get_random_bytes(expect, bytes);
	testdev_stream_rw(&src, expect, true);
	testdev_stream_rw(&dst, got, true);
	ret = testdev_stream_map(td, &src);
	if (!ret)
		ret = testdev_stream_map(td, &dst);
	if (ret) {
		testdev_result(td, "error: dma_map_page failed");
		goto out;
	}
	ssegs = testdev_stream_segs(&src);
	dsegs = testdev_stream_segs(&dst);
	if (!ssegs || !dsegs) {
		ret = -ENOMEM;
		testdev_result(td, "error: no memory");
		goto out;
	}
	ret = testdev_copy_segs(td, ssegs, src.n, dsegs, dst.n);
	if (ret)
		goto out;
	testdev_stream_sync_for_cpu(td, &dst);
	testdev_stream_rw(&dst, got, false);
	if (memcmp(expect, got, bytes)) {
		ret = -EIO;
		testdev_result(td, "mismatch: copy of %zu bytes differs",
			       bytes);
		goto out;
	}
	if (dst.n == 1)
		testdev_result(td,
			       "ok copy %zu bytes streaming: iova %#llx -> %#llx, verified",
			       bytes, (u64)ssegs[0].iova, (u64)dsegs[0].iova);
	else
		testdev_result(td,
			       "ok copy %zu bytes streaming: %u mappings each way, first iova %#llx -> %#llx, verified",
			       bytes, dst.n, (u64)ssegs[0].iova,
			       (u64)dsegs[0].iova);
out:
	kfree(ssegs);
	kfree(dsegs);
	vfree(expect);
	vfree(got);
	testdev_stream_free(td, &src);
	testdev_stream_free(td, &dst);
	return ret;
}

static int testdev_copy_coherent(struct testdev *td, size_t bytes)
{
	struct testdev_seg s, d;
	dma_addr_t sdma, ddma;
	u8 *src, *dst = NULL;
	int ret = -ENOMEM;

	src = dma_alloc_coherent(td->dev, bytes, &sdma, GFP_KERNEL);
	if (src)
		dst = dma_alloc_coherent(td->dev, bytes, &ddma, GFP_KERNEL);
	if (!src || !dst) {
		testdev_result(td, "error: cannot allocate %zu bytes", bytes);
		goto out;
	}
	get_random_bytes(src, bytes);
	memset(dst, 0, bytes);
	s = (struct testdev_seg){ .iova = sdma, .len = bytes };
	d = (struct testdev_seg){ .iova = ddma, .len = bytes };
	ret = testdev_copy_segs(td, &s, 1, &d, 1);
	if (ret)
		goto out;
	if (memcmp(src, dst, bytes)) {
		ret = -EIO;
		testdev_result(td, "mismatch: copy of %zu bytes differs",
			       bytes);
		goto out;
	}
	testdev_result(td,
		       "ok copy %zu bytes coherent: iova %#llx -> %#llx, verified",
		       bytes, (u64)s.iova, (u64)d.iova);
out:
	if (dst)
		dma_free_coherent(td->dev, bytes, dst, ddma);
	if (src)
		dma_free_coherent(td->dev, bytes, src, sdma);
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
	if (td->keep)
		dma_free_coherent(td->dev, td->keep_len, td->keep,
				  td->keep_dma);
	td->keep = NULL;
	testdev_stream_free(td, &td->keep_stream);
	td->keep_len = 0;
}

static const char *const testdev_dir_names[] = {
	[DMA_BIDIRECTIONAL] = "bidirectional",
	[DMA_TO_DEVICE] = "to-device",
	[DMA_FROM_DEVICE] = "from-device",
	[DMA_NONE] = "coherent",
};

static u8 testdev_pattern(size_t i)
{
	return 0xa5 ^ (u8)i;
}

/* A pattern buffer for the device, coherent or streaming (@dir) */
static int testdev_keep(struct testdev *td, size_t bytes,
			enum dma_data_direction dir)
{
	struct testdev_stream *b = &td->keep_stream;
	unsigned int i;
	size_t j, off;
	int ret;

	testdev_free_keep(td);
	td->keep_dir = dir;
	if (dir == DMA_NONE) {
		td->keep = dma_alloc_coherent(td->dev, bytes, &td->keep_dma,
					      GFP_KERNEL);
		if (!td->keep) {
			testdev_result(td, "error: no memory");
			return -ENOMEM;
		}
		for (j = 0; j < bytes; j++)
			td->keep[j] = testdev_pattern(j);
		td->keep_len = bytes;
		testdev_result(td, "ok keep iova %#llx bytes %zu coherent",
			       (u64)td->keep_dma, bytes);
		return 0;
	}

	ret = testdev_stream_alloc(b, bytes, dir);
	if (ret) {
		testdev_stream_free(td, b);
		testdev_result(td, "error: no memory");
		return ret;
	}
	for (i = 0, off = 0; i < b->n; off += b->seg[i].len, i++) {
		u8 *p = page_address(b->seg[i].page);

		for (j = 0; j < b->seg[i].len; j++)
			p[j] = testdev_pattern(off + j);
	}
	ret = testdev_stream_map(td, b);
	if (ret) {
		testdev_stream_free(td, b);
		testdev_result(td, "error: dma_map_page failed");
		return ret;
	}
	td->keep_len = bytes;
	td->keep_dma = b->seg[0].dma;
	if (b->n == 1)
		testdev_result(td, "ok keep iova %#llx bytes %zu %s",
			       (u64)td->keep_dma, bytes, testdev_dir_names[dir]);
	else
		testdev_result(td,
			       "ok keep iova %#llx bytes %zu %s: %u mappings of up to %u bytes, the first at this iova",
			       (u64)td->keep_dma, bytes, testdev_dir_names[dir],
			       b->n, TESTDEV_STREAM_CHUNK);
	return 0;
}

static int testdev_verify(struct testdev *td)
{
	struct testdev_stream *b = &td->keep_stream;
	unsigned int i;
	size_t j, off;

	if (!td->keep_len) {
		testdev_result(td, "error: nothing kept");
		return -EINVAL;
	}
	if (td->keep) {
		for (j = 0; j < td->keep_len; j++)
			if (td->keep[j] != testdev_pattern(j))
				goto corrupted;
		goto intact;
	}
	testdev_stream_sync_for_cpu(td, b);
	for (i = 0, off = 0; i < b->n; off += b->seg[i].len, i++) {
		u8 *p = page_address(b->seg[i].page);

		for (j = 0; j < b->seg[i].len; j++)
			if (p[j] != testdev_pattern(off + j)) {
				j += off;
				goto corrupted;
			}
	}
intact:
	testdev_result(td, "ok intact %zu bytes", td->keep_len);
	return 0;
corrupted:
	testdev_result(td, "corrupted at offset %zu", j);
	return -EIO;
}

static int testdev_raw(struct testdev *td, u32 ssid, u64 iova, size_t bytes,
		       bool write)
{
	size_t off, n;
	int ret;

	memset(td->chunk, 0x5a, TESTDEV_CHUNK);
	for (off = 0; off < bytes; off += n) {
		n = min_t(size_t, bytes - off, TESTDEV_CHUNK);
		ret = testdev_dma_ssid(td, ssid, iova + off, td->chunk, n,
				       write);
		if (ret)
			return ret;
	}
	if (ssid == SMMU3_EMU_NO_SSID)
		testdev_result(td, "ok %s %zu bytes at iova %#llx",
			       write ? "write" : "read", bytes, iova);
	else if (!td->cmd_stalls)
		testdev_result(td, "ok %s %zu bytes at iova %#llx ssid %#x",
			       write ? "write" : "read", bytes, iova, ssid);
	else
		testdev_result(td,
			       "ok %s %zu bytes at iova %#llx ssid %#x, stalls %u",
			       write ? "write" : "read", bytes, iova, ssid,
			       td->cmd_stalls);
	return 0;
}

/* --- PASIDs: paging domains at SubstreamIDs --- */

static u64 testdev_pasid_iova(u32 pasid)
{
	return (u64)pasid << 24;
}

/* The slot of @pasid (0: a free slot); under pasid_lock */
static struct testdev_pasid *testdev_pasid_find(struct testdev *td, u32 pasid)
{
	unsigned int i;

	for (i = 0; i < TESTDEV_PASIDS; i++)
		if (td->pasids[i].pasid == pasid)
			return &td->pasids[i];
	return NULL;
}

/*
 * domain->iopf_handler of a domain attached with "hold": called by the
 * iommu core (iommu_report_device_fault(), from the SMMU driver's event
 * handler) with a group of faults at the PASID.  The group stays pending,
 * and the stalled transaction with it, until pasid-respond or the detach
 * answers it; after the detach has begun it is answered at once.
 */
static int testdev_iopf_hold(struct iopf_group *group)
{
	struct testdev_pasid *p = container_of(group->attach_handle,
					       struct testdev_pasid, handle);
	struct testdev *td = READ_ONCE(p->td);
	bool held = false;

	if (!td)	/* a fault reported late, after the slot was freed */
		goto answer;
	spin_lock(&td->hold_lock);
	if (p->holding) {
		list_add_tail(&group->node, &p->held);
		p->nheld++;
		held = true;
	}
	spin_unlock(&td->hold_lock);
	if (held)
		return 0;
answer:
	iopf_group_response(group, IOMMU_PAGE_RESP_INVALID);
	iopf_free_group(group);
	return 0;
}

/*
 * Answer every fault group held at @p with @code (the SMMU driver sends
 * CMD_RESUME: retry for success, else terminate), and free the groups;
 * @stop: hold no more.  Return: the number answered.
 */
static unsigned int testdev_hold_answer(struct testdev *td,
					struct testdev_pasid *p,
					enum iommu_page_response_code code,
					bool stop)
{
	struct iopf_group *group, *next;
	unsigned int n = 0;
	LIST_HEAD(list);

	spin_lock(&td->hold_lock);
	list_splice_init(&p->held, &list);
	p->nheld = 0;
	if (stop)
		p->holding = false;
	spin_unlock(&td->hold_lock);
	list_for_each_entry_safe(group, next, &list, node) {
		list_del_init(&group->node);
		iopf_group_response(group, code);
		iopf_free_group(group);
		n++;
	}
	return n;
}

/*
 * Detach @p's domain, under pasid_lock.  A "hold" domain stops holding
 * first; the detach makes the SMMU driver terminate the stream's stalled
 * transactions (CMD_STALL_TERM), and the groups still held are then
 * answered (IOMMU_PAGE_RESP_INVALID, which finds nothing left to resume)
 * and freed before the domain they refer to.
 */
static void testdev_pasid_stop(struct testdev *td, struct testdev_pasid *p)
{
	if (!p->attached)
		return;
	if (p->hold) {
		spin_lock(&td->hold_lock);
		p->holding = false;
		spin_unlock(&td->hold_lock);
	}
	iommu_detach_device_pasid(p->domain, td->dev, p->pasid);
	p->attached = false;
	if (p->hold)
		testdev_hold_answer(td, p, IOMMU_PAGE_RESP_INVALID, true);
}

/* Detach, unmap and free @p; under pasid_lock, no pasid-fill using it */
static void testdev_pasid_release(struct testdev *td, struct testdev_pasid *p)
{
	testdev_pasid_stop(td, p);
	iommu_unmap(p->domain, testdev_pasid_iova(p->pasid),
		    TESTDEV_PASID_BYTES);
	iommu_domain_free(p->domain);
	__free_pages(p->buf, TESTDEV_PASID_ORDER);
	memset(p, 0, sizeof(*p));
}

/* pasid-attach, under pasid_lock */
static int testdev_pasid_attach(struct testdev_file *f, u32 pasid, bool hold)
{
	struct testdev *td = f->td;
	struct testdev_pasid *p = testdev_pasid_find(td, 0);
	struct iommu_domain *domain;
	struct page *buf;
	int ret;

	if (!p) {
		testdev_fresult(f, "error: %u PASIDs attached already",
				TESTDEV_PASIDS);
		return -ENOSPC;
	}
	domain = iommu_paging_domain_alloc(td->dev);
	if (IS_ERR(domain)) {
		testdev_fresult(f, "error: no paging domain: %ld",
				PTR_ERR(domain));
		return PTR_ERR(domain);
	}
	buf = alloc_pages(GFP_KERNEL | __GFP_ZERO, TESTDEV_PASID_ORDER);
	if (!buf) {
		iommu_domain_free(domain);
		testdev_fresult(f, "error: no memory");
		return -ENOMEM;
	}
	*p = (struct testdev_pasid){
		.pasid = pasid,
		.domain = domain,
		.buf = buf,
		.td = td,
		.hold = hold,
		.holding = hold,
	};
	INIT_LIST_HEAD(&p->held);
	if (hold)
		domain->iopf_handler = testdev_iopf_hold;
	ret = iommu_map(domain, testdev_pasid_iova(pasid), page_to_phys(buf),
			TESTDEV_PASID_BYTES, IOMMU_READ | IOMMU_WRITE,
			GFP_KERNEL);
	if (!ret) {
		ret = iommu_attach_device_pasid(domain, td->dev, pasid,
						&p->handle);
		if (ret)
			iommu_unmap(domain, testdev_pasid_iova(pasid),
				    TESTDEV_PASID_BYTES);
	}
	if (ret) {
		iommu_domain_free(domain);
		__free_pages(buf, TESTDEV_PASID_ORDER);
		memset(p, 0, sizeof(*p));
		testdev_fresult(f, "error: PASID %u not attached: %d", pasid,
				ret);
		return ret;
	}
	p->attached = true;
	testdev_fresult(f, "ok pasid %u attached: iova %#llx, %lu bytes%s",
			pasid, testdev_pasid_iova(pasid), TESTDEV_PASID_BYTES,
			hold ? ", faults held" : "");
	return 0;
}

/* pasid-fill: a device command; @p is kept by its users count */
static int testdev_pasid_fill(struct testdev *td, struct testdev_pasid *p,
			      u8 value)
{
	u8 *cpu = page_address(p->buf);
	size_t off, n, i;
	int ret;

	memset(cpu, ~value, TESTDEV_PASID_BYTES);
	memset(td->chunk, value, TESTDEV_CHUNK);
	for (off = 0; off < TESTDEV_PASID_BYTES; off += n) {
		n = min_t(size_t, TESTDEV_PASID_BYTES - off, TESTDEV_CHUNK);
		ret = testdev_dma_ssid(td, p->pasid,
				       testdev_pasid_iova(p->pasid) + off,
				       td->chunk, n, true);
		if (ret)
			return ret;
	}
	for (i = 0; i < TESTDEV_PASID_BYTES; i++)
		if (cpu[i] != value)
			break;
	if (i < TESTDEV_PASID_BYTES) {
		testdev_result(td, "mismatch at offset %zu: %#x, expected %#x",
			       i, cpu[i], value);
		return -EIO;
	}
	testdev_result(td,
		       "ok pasid %u: filled %lu bytes with %#x at iova %#llx, verified",
		       p->pasid, TESTDEV_PASID_BYTES, value,
		       testdev_pasid_iova(p->pasid));
	return 0;
}

/* A PASID argument; @f: refused through the file, else the device */
static int testdev_parse_pasid(struct testdev *td, struct testdev_file *f,
			       const char *s, u32 *pasid)
{
	u32 max = td->dev->iommu ? td->dev->iommu->max_pasids : 0;

	if (kstrtou32(s, 0, pasid) || !*pasid) {
		if (f)
			return testdev_frefuse(f, -EINVAL,
					       "error: pasid '%.32s': not a number from 1",
					       s);
		return testdev_refuse(td, -EINVAL,
				      "error: pasid '%.32s': not a number from 1",
				      s);
	}
	if (*pasid >= max) {
		if (f)
			return testdev_frefuse(f, -EINVAL,
					       "error: pasid %u: the device has %u PASIDs (pasid-num-bits, and what its SMMU supports)",
					       *pasid, max);
		return testdev_refuse(td, -EINVAL,
				      "error: pasid %u: the device has %u PASIDs (pasid-num-bits, and what its SMMU supports)",
				      *pasid, max);
	}
	return 0;
}

/*
 * pasid-attach, pasid-detach and pasid-respond: beside the device's
 * running command, under pasid_lock
 */
static int testdev_pasid_ctl(struct testdev_file *f, char **argv,
			     unsigned int argc)
{
	struct testdev *td = f->td;
	struct testdev_pasid *p;
	bool hold = false, ok;
	unsigned int n;
	u32 pasid;
	int ret;

	ret = testdev_parse_pasid(td, f, argv[1], &pasid);
	if (ret)
		return ret;
	if (!strcmp(argv[0], "pasid-attach") && argc == 3) {
		if (strcmp(argv[2], "hold"))
			return testdev_frefuse(f, -EINVAL,
					       "error: pasid-attach option '%.32s': only hold",
					       argv[2]);
		if (!td->iopf_on)
			return testdev_frefuse(f, -EOPNOTSUPP,
					       "error: hold needs I/O page faults: %s",
					       td->sva_why);
		hold = true;
	}
	if (!strcmp(argv[0], "pasid-respond")) {
		ok = !strcmp(argv[2], "ok");
		if (!ok && strcmp(argv[2], "fail"))
			return testdev_frefuse(f, -EINVAL,
					       "error: pasid-respond '%.32s': ok or fail",
					       argv[2]);
	}
	mutex_lock(&td->pasid_lock);
	p = testdev_pasid_find(td, pasid);
	if (!strcmp(argv[0], "pasid-attach")) {
		if (p)
			ret = testdev_frefuse(f, -EBUSY,
					      "error: pasid %u is attached already",
					      pasid);
		else if (READ_ONCE(td->stopping))
			ret = testdev_frefuse(f, -ENODEV,
					      "error: the device is being unbound");
		else
			testdev_pasid_attach(f, pasid, hold);
	} else if (!p) {
		ret = testdev_frefuse(f, -ENOENT,
				      "error: pasid %u is not attached", pasid);
	} else if (!strcmp(argv[0], "pasid-detach")) {
		if (p->users) {
			ret = testdev_frefuse(f, -EBUSY,
					      "error: pasid %u: pasid-fill is using its buffer",
					      pasid);
		} else {
			n = p->nheld;
			testdev_pasid_release(td, p);
			testdev_fresult(f,
					"ok pasid %u detached, %u held fault groups terminated",
					pasid, n);
		}
	} else if (!p->hold) {
		ret = testdev_frefuse(f, -EINVAL,
				      "error: pasid %u was not attached with hold",
				      pasid);
	} else {
		n = testdev_hold_answer(td, p, ok ? IOMMU_PAGE_RESP_SUCCESS :
					IOMMU_PAGE_RESP_INVALID, false);
		testdev_fresult(f, "ok pasid %u: %u fault groups answered %s",
				pasid, n, ok ? "ok (retry)" :
				"fail (terminate)");
	}
	mutex_unlock(&td->pasid_lock);
	return ret;
}

static int testdev_storm(struct testdev *td, unsigned long count, u64 iova)
{
	unsigned long i, faults = 0, aborts = 0, ok = 0, stalls = 0;
	struct smmu3_emu_fault fault;
	char st[48] = "";
	unsigned long flags;
	int ret = 0;
	u32 word;

	/*
	 * Batches with interrupts off on this CPU: the emulator's event
	 * interrupt (irq_work, raised here) cannot run, so the driver cannot
	 * drain the event queue during a batch and a batch larger than the
	 * queue overflows it, whatever the timing.  Between batches a signal
	 * or remove() ends the storm.
	 */
	for (i = 0; i < count && !ret; ) {
		unsigned long end = min(count, i + TESTDEV_STORM_BATCH);

		if (testdev_should_stop(td)) {
			ret = -EINTR;
			break;
		}
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
			else if (ret == -EAGAIN)
				stalls++;
			else
				break;
			ret = 0;
		}
		local_irq_restore(flags);
		cond_resched();
	}
	atomic64_add(faults + aborts + stalls, &td->faults);
	atomic64_add(stalls, &td->stalls);
	atomic64_add(ok * sizeof(word), &td->bytes);
	/* Not waited for (interrupts off): left to the SMMU's software */
	if (stalls)
		snprintf(st, sizeof(st), ", %lu stalled", stalls);
	if (ret == -EINTR)
		testdev_result(td,
			       "interrupted: storm of %lu accesses stopped after %lu: %lu faults, %lu aborts, %lu succeeded%s",
			       count, i, faults, aborts, ok, st);
	else if (ret)
		testdev_result(td,
			       "error: storm stopped after %lu of %lu accesses by error %d: %lu faults, %lu aborts, %lu succeeded%s",
			       i, count, ret, faults, aborts, ok, st);
	else
		testdev_result(td,
			       "ok storm %lu accesses: %lu faults, %lu aborts, %lu succeeded%s",
			       i, faults, aborts, ok, st);
	return ret;
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

/* --- Shared virtual addressing: the process's address space --- */

/* Unbind @f's address space; under testdev_files_lock */
static void testdev_sva_unbind(struct testdev_file *f)
{
	if (!f->sva)
		return;
	iommu_sva_unbind_device(f->sva);
	mmdrop(f->mm);
	kfree(f->chunk);
	f->sva = NULL;
	f->mm = NULL;
	f->chunk = NULL;
	f->pasid = 0;
}

static int testdev_sva_bind(struct testdev_file *f)
{
	struct testdev *td = f->td;
	struct iommu_sva *sva;

	if (!td->sva_on)
		return testdev_frefuse(f, -EOPNOTSUPP,
				       "error: no SVA on this device: %s",
				       td->sva_why);
	if (f->sva)
		return testdev_frefuse(f, -EBUSY,
				       "error: this file is bound already (pasid %u)",
				       f->pasid);
	if (!current->mm)
		return testdev_frefuse(f, -EINVAL,
				       "error: the writer has no address space");
	f->chunk = kmalloc(TESTDEV_CHUNK, GFP_KERNEL);
	if (!f->chunk) {
		testdev_fresult(f, "error: no memory");
		return -ENOMEM;
	}
	sva = iommu_sva_bind_device(td->dev, current->mm);
	if (IS_ERR(sva)) {
		kfree(f->chunk);
		f->chunk = NULL;
		testdev_fresult(f, "error: iommu_sva_bind_device: %ld",
				PTR_ERR(sva));
		return PTR_ERR(sva);
	}
	mmgrab(current->mm);
	mutex_lock(&testdev_files_lock);
	f->sva = sva;
	f->mm = current->mm;
	f->pasid = iommu_sva_get_pasid(sva);
	mutex_unlock(&testdev_files_lock);
	testdev_fresult(f, "ok sva-bind pasid %u", f->pasid);
	return 0;
}

/*
 * One device access at virtual address @va of the bound process, with
 * SubstreamID = its PASID; a stalled transaction waits for the kernel's
 * answer.  Adds the stalls to @stalls; a failure becomes the result.
 */
static int testdev_sva_dma(struct testdev_file *f, u64 va, void *buf,
			   size_t len, bool write, unsigned int *stalls)
{
	struct testdev *td = f->td;
	struct smmu3_emu_fault fault;
	char msg[TESTDEV_RESULT_LEN];
	int ret;

	if (testdev_should_stop(td)) {
		testdev_fresult(f, "interrupted: %s at va %#llx not done",
				write ? "write" : "read", va);
		return -EINTR;
	}
	ret = smmu3_emu_dma(td->emu, td->sid, f->pasid, va, buf, len,
			    (write ? SMMU3_EMU_DMA_WRITE : 0) |
			    SMMU3_EMU_DMA_WAIT, &fault);
	atomic64_add(fault.done, &td->bytes);
	atomic64_add(fault.stalls, &td->stalls);
	*stalls += fault.stalls;
	if (!ret)
		return 0;
	atomic64_inc(&td->faults);
	testdev_dma_error(td, msg, sizeof(msg), ret, &fault, f->pasid, "va",
			  write);
	testdev_fresult(f, "%s", msg);
	return ret;
}

/* sva-copy, sva-fill, sva-read, sva-write through the bound file */
static int testdev_sva_xfer(struct testdev_file *f, const char *cmd,
			    u64 va, u64 dst, size_t bytes, u8 val)
{
	unsigned int stalls = 0;
	size_t off, n, i;
	u32 sum = 0;
	int ret = 0;

	if (!strcmp(cmd, "sva-fill"))
		memset(f->chunk, val, TESTDEV_CHUNK);
	for (off = 0; off < bytes && !ret; off += n) {
		n = min_t(size_t, bytes - off, TESTDEV_CHUNK);
		if (!strcmp(cmd, "sva-copy")) {
			ret = testdev_sva_dma(f, va + off, f->chunk, n, false,
					      &stalls);
			if (!ret)
				ret = testdev_sva_dma(f, dst + off, f->chunk,
						      n, true, &stalls);
		} else if (!strcmp(cmd, "sva-fill")) {
			ret = testdev_sva_dma(f, va + off, f->chunk, n, true,
					      &stalls);
		} else if (!strcmp(cmd, "sva-write")) {
			for (i = 0; i < n; i++)
				f->chunk[i] = testdev_pattern(off + i);
			ret = testdev_sva_dma(f, va + off, f->chunk, n, true,
					      &stalls);
		} else {
			ret = testdev_sva_dma(f, va + off, f->chunk, n, false,
					      &stalls);
			if (!ret)
				sum = testdev_sum(f->chunk, n, sum);
		}
	}
	if (ret)
		return ret;
	if (!strcmp(cmd, "sva-read"))
		testdev_fresult(f,
				"ok sva-read %zu bytes pasid %u stalls %u checksum %#x",
				bytes, f->pasid, stalls, sum);
	else
		testdev_fresult(f, "ok %s %zu bytes pasid %u stalls %u", cmd,
				bytes, f->pasid, stalls);
	return 0;
}

/* A number argument of an sva-* command; refused through @f */
static int testdev_sva_num(struct testdev_file *f, const char *s,
			   const char *what, u64 min, u64 max, u64 *v)
{
	if (kstrtou64(s, 0, v) || *v < min || *v > max)
		return testdev_frefuse(f, -EINVAL,
				       "error: %s '%.32s': not a number from %llu to %#llx",
				       what, s, min, max);
	return 0;
}

/* The sva-* commands, beside the device's running command */
static int testdev_sva_cmd(struct testdev_file *f, char **argv,
			   unsigned int argc)
{
	u64 va = 0, dst = 0, bytes = 0, val = 0;
	int ret = 0;

	if (!strcmp(argv[0], "sva-bind"))
		return testdev_sva_bind(f);
	if (!f->sva)
		return testdev_frefuse(f, -ENOENT,
				       "error: %s: this file is not bound: sva-bind through it first",
				       argv[0]);
	if (!strcmp(argv[0], "sva-unbind")) {
		u32 pasid = f->pasid;

		mutex_lock(&testdev_files_lock);
		testdev_sva_unbind(f);
		mutex_unlock(&testdev_files_lock);
		testdev_fresult(f, "ok sva-unbind pasid %u", pasid);
		return 0;
	}
	if (current->mm != f->mm)
		return testdev_frefuse(f, -EPERM,
				       "error: %s: the file is bound to another process's address space",
				       argv[0]);
	ret = testdev_sva_num(f, argv[1], "va", 0, U64_MAX, &va);
	if (!ret && !strcmp(argv[0], "sva-copy")) {
		ret = testdev_sva_num(f, argv[2], "dst-va", 0, U64_MAX, &dst);
		if (!ret)
			ret = testdev_sva_num(f, argv[3], "size", 1,
					      TESTDEV_MAX_BYTES, &bytes);
	} else if (!ret) {
		ret = testdev_sva_num(f, argv[2], "size", 1,
				      TESTDEV_MAX_BYTES, &bytes);
	}
	if (!ret && !strcmp(argv[0], "sva-fill"))
		ret = testdev_sva_num(f, argv[3], "fill byte", 0, 255, &val);
	if (ret)
		return ret;
	if (va + bytes - 1 < va || dst + bytes - 1 < dst)
		return testdev_frefuse(f, -EINVAL,
				       "error: %llu bytes at va %#llx or %#llx wrap around the end of the address space",
				       bytes, va, dst);
	testdev_sva_xfer(f, argv[0], va, dst, bytes, val);
	return 0;
}

/* A size argument; refuses the command with the reason */
static int testdev_parse_size(struct testdev *td, const char *s, size_t max,
			      size_t *bytes)
{
	unsigned long long v;

	if (kstrtoull(s, 0, &v) || !v || v > max)
		return testdev_refuse(td, -EINVAL,
				      "error: size '%s': not a number from 1 to %zu (%#zx)",
				      s, max, max);
	*bytes = v;
	return 0;
}

static int testdev_parse_iova(struct testdev *td, const char *s, u64 *iova)
{
	if (kstrtou64(s, 0, iova))
		return testdev_refuse(td, -EINVAL,
				      "error: iova '%s': not a 64-bit number",
				      s);
	return 0;
}

/* The device's accesses to [@iova, @iova + @bytes) must not wrap */
static int testdev_check_range(struct testdev *td, u64 iova, size_t bytes)
{
	if (iova + bytes - 1 < iova)
		return testdev_refuse(td, -EINVAL,
				      "error: %zu bytes at iova %#llx wrap around the end of the address space",
				      bytes, iova);
	return 0;
}

/* How a command runs */
enum testdev_cmd_kind {
	TESTDEV_CMD_DEVICE,	/* one at a time per device, under cmd_lock */
	TESTDEV_CMD_PASID,	/* beside it, under pasid_lock */
	TESTDEV_CMD_SVA,	/* beside it, one at a time per file */
};

/**
 * struct testdev_cmd - a command
 * @name: its first word
 * @usage: its arguments, for the refusal of a wrong count
 * @argc: number of words, the name included; 0: 2 or 3
 * @dma_api: uses the DMA API (not run when DMA ownership is taken)
 * @kind: how it runs
 */
struct testdev_cmd {
	const char *name;
	const char *usage;
	unsigned int argc;
	bool dma_api;
	enum testdev_cmd_kind kind;
};

static const struct testdev_cmd testdev_cmds[] = {
	{ "copy", "<bytes> coherent|streaming|sg", 3, true },
	{ "fill", "<bytes> <byte>", 3, true },
	{ "checksum", "<bytes>", 2, true },
	{ "keep", "<bytes> [coherent|to-device|from-device|bidirectional]", 0,
	  true },
	{ "verify", "", 1, true },
	{ "free", "", 1, true },
	{ "read", "<iova> <bytes>", 3, false },
	{ "write", "<iova> <bytes>", 3, false },
	{ "storm", "<count> <iova>", 3, false },
	{ "unmap-access", "<bytes>", 2, true },
	{ "own-attach", "<ms>", 2, false },
	{ "own-detach", "", 1, false },
	{ "pasid-attach", "<pasid> [hold]", 0, false, TESTDEV_CMD_PASID },
	{ "pasid-detach", "<pasid>", 2, false, TESTDEV_CMD_PASID },
	{ "pasid-respond", "<pasid> ok|fail", 3, false, TESTDEV_CMD_PASID },
	{ "pasid-fill", "<pasid> <byte>", 3, false },
	{ "pasid-read", "<pasid> <iova> <bytes>", 4, false },
	{ "pasid-write", "<pasid> <iova> <bytes>", 4, false },
	{ "sva-bind", "", 1, false, TESTDEV_CMD_SVA },
	{ "sva-unbind", "", 1, false, TESTDEV_CMD_SVA },
	{ "sva-copy", "<src-va> <dst-va> <bytes>", 4, false, TESTDEV_CMD_SVA },
	{ "sva-fill", "<va> <bytes> <byte>", 4, false, TESTDEV_CMD_SVA },
	{ "sva-read", "<va> <bytes>", 3, false, TESTDEV_CMD_SVA },
	{ "sva-write", "<va> <bytes>", 3, false, TESTDEV_CMD_SVA },
};

/*
 * Split a command line into @argv and find its command; a refusal goes
 * to @f.  Return: the number of words, or the error of a refused command.
 */
static int testdev_parse(struct testdev_file *f, char *line, char **argv,
			 unsigned int max, const struct testdev_cmd **cmdp)
{
	const struct testdev_cmd *cmd = NULL;
	unsigned int argc = 0, i;
	char *tok;

	while ((tok = strsep(&line, " \t\n"))) {
		if (!*tok)
			continue;
		if (argc == max)
			return testdev_frefuse(f, -EINVAL,
					       "error: too many arguments");
		argv[argc++] = tok;
	}
	if (!argc)
		return testdev_frefuse(f, -EINVAL,
				       "error: empty command (see the comment at the top of smmu3_testdev.c)");
	for (i = 0; i < ARRAY_SIZE(testdev_cmds); i++)
		if (!strcmp(argv[0], testdev_cmds[i].name))
			cmd = &testdev_cmds[i];
	if (!cmd)
		return testdev_frefuse(f, -EINVAL,
				       "error: unknown command '%.32s': copy, fill, checksum, keep, verify, free, read, write, storm, unmap-access, own-attach, own-detach, pasid-* or sva-*",
				       argv[0]);
	if (cmd->argc ? argc != cmd->argc : argc < 2 || argc > 3)
		return testdev_frefuse(f, -EINVAL, "error: usage: %s %s",
				       cmd->name, cmd->usage);
	if (cmd->dma_api && f->td->owned)
		return testdev_frefuse(f, -EPERM,
				       "error: %s uses the DMA API: bound to smmu3_testdev_owned (DMA ownership taken, blocked domain), only read, write, storm and own-* run",
				       cmd->name);
	*cmdp = cmd;
	return argc;
}

/*
 * The fault handler of an own-attach domain, called by the SMMU driver's
 * event thread for each fault it reports.  It sleeps, then uses its
 * domain and device: the driver must keep both alive until a handler
 * returns (a domain freed meanwhile is a use after free KASAN reports,
 * and handler_checked does not count the call before own-detach ends).
 */
static int testdev_fault_handler(struct iommu_domain *domain,
				 struct device *dev, unsigned long iova,
				 int flags, void *token)
{
	struct testdev *td = token;

	atomic_inc(&td->handler_calls);
	if (td->handler_ms) {
		atomic_inc(&td->handler_sleeping);
		msleep(td->handler_ms);
		atomic_dec(&td->handler_sleeping);
	}
	if (domain->type == IOMMU_DOMAIN_UNMANAGED &&
	    domain->handler_token == td && dev == td->dev)
		atomic_inc(&td->handler_checked);
	return 0;
}

static void testdev_own_detach(struct testdev *td)
{
	lockdep_assert_held(&td->cmd_lock);
	if (!td->own)
		return;
	iommu_detach_device(td->own, td->dev);
	iommu_domain_free(td->own);
	td->own = NULL;
}

static int testdev_own_attach(struct testdev *td, const char *arg)
{
	struct iommu_domain *domain;
	unsigned int ms;
	int ret;

	lockdep_assert_held(&td->cmd_lock);
	if (!td->owned)
		return testdev_refuse(td, -EPERM,
				      "error: own-attach needs DMA ownership: bind the device to smmu3_testdev_owned");
	if (kstrtouint(arg, 0, &ms) || ms > 10000)
		return testdev_refuse(td, -EINVAL,
				      "error: own-attach '%.32s': not a number of milliseconds from 0 to 10000",
				      arg);
	if (td->own)
		return testdev_refuse(td, -EBUSY,
				      "error: a domain of its own is attached already (own-detach first)");
	domain = iommu_paging_domain_alloc(td->dev);
	if (IS_ERR(domain)) {
		testdev_result(td, "error: no paging domain (%ld)",
			       PTR_ERR(domain));
		return 0;
	}
	td->handler_ms = ms;
	iommu_set_fault_handler(domain, testdev_fault_handler, td);
	ret = iommu_attach_device(domain, td->dev);
	if (ret) {
		iommu_domain_free(domain);
		testdev_result(td, "error: attach failed (%d)", ret);
		return 0;
	}
	td->own = domain;
	testdev_result(td, "ok own domain attached, fault handler sleeps %u ms",
		       ms);
	return 0;
}

/*
 * Run one of the device's commands, under cmd_lock.  Return: 0 when the
 * command ran (its outcome is the result), else the error of a refused
 * command.
 */
static int testdev_run(struct testdev *td, const struct testdev_cmd *cmd,
		       char **argv, unsigned int argc)
{
	struct testdev_pasid *p;
	unsigned long count;
	size_t bytes;
	u32 pasid;
	u64 iova;
	u8 val;
	int ret;

	td->cmd_stalls = 0;
	if (!strcmp(cmd->name, "copy")) {
		ret = testdev_parse_size(td, argv[1], TESTDEV_MAX_BYTES, &bytes);
		if (ret)
			return ret;
		if (!strcmp(argv[2], "sg"))
			testdev_copy_sg(td, bytes);
		else if (!strcmp(argv[2], "coherent"))
			testdev_copy_coherent(td, bytes);
		else if (!strcmp(argv[2], "streaming"))
			testdev_copy_streaming(td, bytes);
		else
			return testdev_refuse(td, -EINVAL,
					      "error: copy mode '%.32s': coherent, streaming or sg",
					      argv[2]);
	} else if (!strcmp(cmd->name, "fill")) {
		ret = testdev_parse_size(td, argv[1], TESTDEV_MAX_BYTES, &bytes);
		if (ret)
			return ret;
		if (kstrtou8(argv[2], 0, &val))
			return testdev_refuse(td, -EINVAL,
					      "error: fill byte '%.32s': not a number from 0 to 255",
					      argv[2]);
		testdev_fill(td, bytes, val);
	} else if (!strcmp(cmd->name, "checksum")) {
		ret = testdev_parse_size(td, argv[1], TESTDEV_MAX_BYTES, &bytes);
		if (ret)
			return ret;
		testdev_checksum(td, bytes);
	} else if (!strcmp(cmd->name, "keep")) {
		int dir = DMA_NONE;

		ret = testdev_parse_size(td, argv[1], TESTDEV_MAX_BYTES, &bytes);
		if (ret)
			return ret;
		if (argc == 3)
			dir = match_string(testdev_dir_names,
					   ARRAY_SIZE(testdev_dir_names),
					   argv[2]);
		if (dir < 0)
			return testdev_refuse(td, -EINVAL,
					      "error: keep direction '%.32s': coherent, to-device, from-device or bidirectional",
					      argv[2]);
		testdev_keep(td, bytes, dir);
	} else if (!strcmp(cmd->name, "verify")) {
		testdev_verify(td);
	} else if (!strcmp(cmd->name, "free")) {
		testdev_free_keep(td);
		testdev_result(td, "ok freed");
	} else if (!strcmp(cmd->name, "read") || !strcmp(cmd->name, "write")) {
		ret = testdev_parse_iova(td, argv[1], &iova);
		if (!ret)
			ret = testdev_parse_size(td, argv[2],
						 TESTDEV_MAX_BYTES, &bytes);
		if (!ret)
			ret = testdev_check_range(td, iova, bytes);
		if (ret)
			return ret;
		testdev_raw(td, SMMU3_EMU_NO_SSID, iova, bytes,
			    argv[0][0] == 'w');
	} else if (!strcmp(cmd->name, "storm")) {
		if (kstrtoul(argv[1], 0, &count) || !count ||
		    count > TESTDEV_STORM_MAX)
			return testdev_refuse(td, -EINVAL,
					      "error: storm count '%.32s': not a number from 1 to %u",
					      argv[1], TESTDEV_STORM_MAX);
		ret = testdev_parse_iova(td, argv[2], &iova);
		if (!ret)
			ret = testdev_check_range(td, iova, sizeof(u32));
		if (ret)
			return ret;
		testdev_storm(td, count, iova);
	} else if (!strcmp(cmd->name, "own-attach")) {
		return testdev_own_attach(td, argv[1]);
	} else if (!strcmp(cmd->name, "own-detach")) {
		if (!td->own)
			return testdev_refuse(td, -ENOENT,
					      "error: no domain of its own is attached");
		testdev_own_detach(td);
		testdev_result(td, "ok own domain detached and freed");
	} else if (!strcmp(cmd->name, "unmap-access")) {
		ret = testdev_parse_size(td, argv[1], TESTDEV_CHUNK, &bytes);
		if (ret)
			return ret;
		testdev_unmap_access(td, bytes);
	} else if (!strncmp(cmd->name, "pasid-", 6)) {
		ret = testdev_parse_pasid(td, NULL, argv[1], &pasid);
		if (ret)
			return ret;
		if (!strcmp(cmd->name, "pasid-read") ||
		    !strcmp(cmd->name, "pasid-write")) {
			ret = testdev_parse_iova(td, argv[2], &iova);
			if (!ret)
				ret = testdev_parse_size(td, argv[3],
							 TESTDEV_MAX_BYTES,
							 &bytes);
			if (!ret)
				ret = testdev_check_range(td, iova, bytes);
			if (ret)
				return ret;
			testdev_raw(td, pasid, iova, bytes,
				    cmd->name[6] == 'w');
			return 0;
		}
		/* pasid-fill */
		if (kstrtou8(argv[2], 0, &val))
			return testdev_refuse(td, -EINVAL,
					      "error: fill byte '%.32s': not a number from 0 to 255",
					      argv[2]);
		mutex_lock(&td->pasid_lock);
		p = testdev_pasid_find(td, pasid);
		if (p)
			p->users++;
		mutex_unlock(&td->pasid_lock);
		if (!p)
			return testdev_refuse(td, -ENOENT,
					      "error: pasid %u is not attached",
					      pasid);
		testdev_pasid_fill(td, p, val);
		mutex_lock(&td->pasid_lock);
		p->users--;
		mutex_unlock(&td->pasid_lock);
	}
	return 0;
}

/* A device command: one at a time, never waiting for another */
static int testdev_run_locked(struct testdev_file *f,
			      const struct testdev_cmd *cmd, char **argv,
			      unsigned int argc, const char *line)
{
	struct testdev *td = f->td;
	int ret;

	if (!mutex_trylock(&td->cmd_lock)) {
		mutex_lock(&td->lock);
		snprintf(td->last_error, sizeof(td->last_error),
			 "busy: '%s' is running", td->running);
		mutex_unlock(&td->lock);
		return -EBUSY;
	}
	mutex_lock(&td->lock);
	strscpy(td->running, line);
	strim(td->running);
	td->cur = f;
	mutex_unlock(&td->lock);
	ret = testdev_run(td, cmd, argv, argc);
	mutex_lock(&td->lock);
	td->running[0] = '\0';
	td->cur = NULL;
	dev_dbg(td->dev, "%s\n", td->result);
	mutex_unlock(&td->lock);
	mutex_unlock(&td->cmd_lock);
	return ret;
}

static ssize_t testdev_cmd_write(struct file *file, const char __user *ubuf,
				 size_t count, loff_t *ppos)
{
	struct testdev_file *f = file->private_data;
	struct testdev *td = f->td;
	const struct testdev_cmd *cmd;
	char *line, *copy, *argv[4] = {};
	int ret;

	if (count > TESTDEV_CMD_MAX) {
		mutex_lock(&td->lock);
		snprintf(td->last_error, sizeof(td->last_error),
			 "error: command longer than %u bytes",
			 TESTDEV_CMD_MAX);
		mutex_unlock(&td->lock);
		return -EINVAL;
	}
	line = memdup_user_nul(ubuf, count);
	if (IS_ERR(line))
		return PTR_ERR(line);
	copy = kstrdup(line, GFP_KERNEL);
	if (!copy) {
		kfree(line);
		return -ENOMEM;
	}
	ret = testdev_parse(f, copy, argv, ARRAY_SIZE(argv), &cmd);
	if (ret < 0)
		goto out;
	/* Never wait for another command: it may run for minutes */
	switch (cmd->kind) {
	case TESTDEV_CMD_DEVICE:
		ret = testdev_run_locked(f, cmd, argv, ret, line);
		break;
	case TESTDEV_CMD_PASID:
		ret = testdev_pasid_ctl(f, argv, ret);
		break;
	case TESTDEV_CMD_SVA:
		if (!mutex_trylock(&f->run_lock)) {
			ret = testdev_frefuse(f, -EBUSY,
					      "busy: an sva command is running on this file");
			break;
		}
		ret = testdev_sva_cmd(f, argv, ret);
		mutex_unlock(&f->run_lock);
		break;
	}
out:
	kfree(copy);
	kfree(line);
	/* The result is always readable; a failed DMA is not a write error */
	return ret ?: count;
}

static ssize_t testdev_cmd_read(struct file *file, char __user *ubuf,
				size_t count, loff_t *ppos)
{
	struct testdev_file *f = file->private_data;
	struct testdev *td = f->td;
	char buf[TESTDEV_RESULT_LEN + 1];
	int len;

	mutex_lock(&td->lock);
	len = scnprintf(buf, sizeof(buf), "%s\n",
			f->has_result ? f->result : td->result);
	mutex_unlock(&td->lock);
	return simple_read_from_buffer(ubuf, count, ppos, buf, len);
}

static int testdev_cmd_open(struct inode *inode, struct file *file)
{
	struct testdev *td = inode->i_private;
	struct testdev_file *f;

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	f->td = td;
	mutex_init(&f->run_lock);
	mutex_lock(&testdev_files_lock);
	list_add(&f->node, &td->files);
	mutex_unlock(&testdev_files_lock);
	file->private_data = f;
	return 0;
}

/*
 * Closing the file unbinds its address space.  Called also after the
 * device is gone (debugfs calls release for files left open): then
 * remove() has unbound it and cleared @f->td.
 */
static int testdev_cmd_release(struct inode *inode, struct file *file)
{
	struct testdev_file *f = file->private_data;

	mutex_lock(&testdev_files_lock);
	if (f->td) {
		testdev_sva_unbind(f);
		list_del(&f->node);
	}
	mutex_unlock(&testdev_files_lock);
	mutex_destroy(&f->run_lock);
	kfree(f);
	return 0;
}

static const struct file_operations testdev_cmd_fops = {
	.owner = THIS_MODULE,
	.open = testdev_cmd_open,
	.release = testdev_cmd_release,
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

/* info: the SVA bindings of the open files, the fault groups held */
static void testdev_info_bindings(struct seq_file *s, struct testdev *td)
{
	struct testdev_file *f;
	unsigned int i, n = 0;

	seq_puts(s, "sva_bound:");
	mutex_lock(&testdev_files_lock);
	list_for_each_entry(f, &td->files, node) {
		if (f->sva) {
			seq_printf(s, " pasid %u", f->pasid);
			n++;
		}
	}
	mutex_unlock(&testdev_files_lock);
	seq_puts(s, n ? "\n" : " -\n");
	seq_puts(s, "held:");
	n = 0;
	spin_lock(&td->hold_lock);
	for (i = 0; i < TESTDEV_PASIDS; i++) {
		if (td->pasids[i].pasid && td->pasids[i].hold) {
			seq_printf(s, " pasid %u: %u", td->pasids[i].pasid,
				   td->pasids[i].nheld);
			n++;
		}
	}
	spin_unlock(&td->hold_lock);
	seq_puts(s, n ? "\n" : " -\n");
}

static int testdev_info_show(struct seq_file *s, void *unused)
{
	struct testdev *td = s->private;
	struct iommu_group *group = iommu_group_get(td->dev);

	seq_printf(s, "sid: %#x\n", td->sid);
	seq_printf(s, "group: %d\n", group ? iommu_group_id(group) : -1);
	seq_printf(s, "domain: %s\n",
		   testdev_domain_type(iommu_get_domain_for_dev(td->dev)));
	seq_printf(s, "bytes: %lld\nfaults: %lld\n",
		   (s64)atomic64_read(&td->bytes),
		   (s64)atomic64_read(&td->faults));
	seq_printf(s, "dma_owner: %s\n", td->owned ? "claimed" : "DMA API");
	seq_printf(s, "max_pasids: %u\n",
		   td->dev->iommu ? td->dev->iommu->max_pasids : 0);
	seq_printf(s, "stall: %s\n", td->can_stall ?
		   "yes (dma-can-stall)" : "no");
	seq_printf(s, "iopf: %s\n", td->iopf_on ? "on" : "off");
	seq_printf(s, "sva: %s%s\n", td->sva_on ? "on" : "off: ",
		   td->sva_on ? "" : td->sva_why);
	seq_printf(s, "stalls: %lld\n", (s64)atomic64_read(&td->stalls));
	seq_printf(s, "handler_calls: %d\nhandler_checked: %d\nhandler_sleeping: %d\n",
		   atomic_read(&td->handler_calls),
		   atomic_read(&td->handler_checked),
		   atomic_read(&td->handler_sleeping));
	testdev_info_bindings(s, td);
	mutex_lock(&td->lock);
	seq_printf(s, "running: %s\n", td->running[0] ? td->running : "-");
	seq_printf(s, "last_error: %s\n",
		   td->last_error[0] ? td->last_error : "-");
	mutex_unlock(&td->lock);
	iommu_group_put(group);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(testdev_info);

static struct platform_driver testdev_owned_driver;

/*
 * Not in an IOMMU group: wait while the SMMU that "iommus" names is not
 * bound (its driver probes it later, or it is still registering), else
 * refuse the device.
 */
static int testdev_no_iommu(struct device *dev)
{
	struct of_phandle_args args;
	struct platform_device *smmu;
	bool bound;

	if (of_parse_phandle_with_args(dev->of_node, "iommus", "#iommu-cells",
				       0, &args))
		return dev_err_probe(dev, -ENODEV,
				     "not behind an IOMMU: check its iommus property and the SMMU's log\n");
	smmu = of_find_device_by_node(args.np);
	of_node_put(args.np);
	if (!smmu)
		return dev_err_probe(dev, -EPROBE_DEFER,
				     "its IOMMU has no device yet\n");
	bound = device_is_bound(&smmu->dev);
	put_device(&smmu->dev);
	if (!bound)
		return dev_err_probe(dev, -EPROBE_DEFER,
				     "its IOMMU %s has no driver yet\n",
				     dev_name(&smmu->dev));
	return dev_err_probe(dev, -ENODEV,
			     "not behind an IOMMU: %s did not take it (see its log)\n",
			     dev_name(&smmu->dev));
}

/*
 * A device whose node has dma-can-stall: its SMMU stalls its faults
 * (§3.12.2), which the iommu core resolves as I/O page faults (IOPF), and
 * it may share process address spaces (SVA).  A failure is logged and
 * kept in @sva_why: the sva-* commands and "hold" are then refused.
 */
static void testdev_features_enable(struct testdev *td)
{
	int ret;

	td->can_stall = of_property_read_bool(td->dev->of_node,
					      "dma-can-stall");
	if (!td->can_stall || td->owned) {
		strscpy(td->sva_why, td->owned ? "bound to smmu3_testdev_owned" :
			"the device cannot stall (no dma-can-stall)");
		return;
	}
	if (!IS_ENABLED(CONFIG_IOMMU_IOPF) || !IS_ENABLED(CONFIG_IOMMU_SVA)) {
		strscpy(td->sva_why,
			"the kernel is built without CONFIG_IOMMU_SVA and CONFIG_IOMMU_IOPF");
		dev_info(td->dev, "no I/O page faults or SVA: %s\n",
			 td->sva_why);
		return;
	}
	ret = iommu_dev_enable_feature(td->dev, IOMMU_DEV_FEAT_IOPF);
	if (ret) {
		snprintf(td->sva_why, sizeof(td->sva_why),
			 "the IOMMU refused IOMMU_DEV_FEAT_IOPF (%d)", ret);
		dev_warn(td->dev, "no I/O page faults: %s\n", td->sva_why);
		return;
	}
	td->iopf_on = true;
	ret = iommu_dev_enable_feature(td->dev, IOMMU_DEV_FEAT_SVA);
	if (ret) {
		snprintf(td->sva_why, sizeof(td->sva_why),
			 "the IOMMU refused IOMMU_DEV_FEAT_SVA (%d)", ret);
		dev_warn(td->dev, "no SVA: %s\n", td->sva_why);
		return;
	}
	td->sva_on = true;
}

/* In the reverse order: SVA, then I/O page faults */
static void testdev_features_disable(struct testdev *td)
{
	if (td->sva_on)
		iommu_dev_disable_feature(td->dev, IOMMU_DEV_FEAT_SVA);
	if (td->iopf_on)
		iommu_dev_disable_feature(td->dev, IOMMU_DEV_FEAT_IOPF);
	td->sva_on = false;
	td->iopf_on = false;
}

static int testdev_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct testdev *td;
	int ret;

	td = devm_kzalloc(dev, sizeof(*td), GFP_KERNEL);
	if (!td)
		return -ENOMEM;
	td->dev = dev;
	td->owned = dev->driver == &testdev_owned_driver.driver;
	mutex_init(&td->cmd_lock);
	mutex_init(&td->lock);
	mutex_init(&td->pasid_lock);
	spin_lock_init(&td->hold_lock);
	INIT_LIST_HEAD(&td->files);
	atomic64_set(&td->stalls, 0);
	atomic64_set(&td->bytes, 0);
	atomic64_set(&td->faults, 0);
	td->chunk = devm_kmalloc(dev, TESTDEV_CHUNK, GFP_KERNEL);
	if (!td->chunk)
		return -ENOMEM;
	if (!device_iommu_mapped(dev))
		return testdev_no_iommu(dev);

	td->emu = smmu3_emu_get_for_device(dev, 0, &td->sid);
	if (IS_ERR(td->emu))
		return dev_err_probe(dev, PTR_ERR(td->emu),
				     "no emulated SMMU behind iommus[0]\n");
	ret = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(48));
	if (ret) {
		smmu3_emu_put(td->emu);
		return dev_err_probe(dev, ret, "no 48-bit DMA mask\n");
	}
	if (td->owned) {
		/* The iommu core attaches the blocked domain */
		ret = iommu_device_claim_dma_owner(dev, td);
		if (ret) {
			smmu3_emu_put(td->emu);
			return dev_err_probe(dev, ret,
					     "cannot take DMA ownership of its IOMMU group\n");
		}
	}
	testdev_features_enable(td);
	testdev_result(td, "idle");
	td->dir = debugfs_create_dir(dev_name(dev), testdev_root);
	debugfs_create_file("info", 0444, td->dir, td, &testdev_info_fops);
	debugfs_create_file("cmd", 0600, td->dir, td, &testdev_cmd_fops);
	platform_set_drvdata(pdev, td);
	dev_info(dev, "test DMA device, StreamID %#x%s%s\n", td->sid,
		 td->owned ? ", DMA ownership taken (no DMA API)" : "",
		 td->sva_on ? ", stalls, SVA" : "");
	return 0;
}

static void testdev_remove(struct platform_device *pdev)
{
	struct testdev *td = platform_get_drvdata(pdev);
	struct testdev_file *f, *next;
	unsigned int i;

	/*
	 * A running command ends: a transaction stalled at a "hold" PASID
	 * is terminated by the detach (and its held faults answered), any
	 * other one ends at its next transaction.  Then no file operation
	 * is left.
	 */
	WRITE_ONCE(td->stopping, true);
	mutex_lock(&td->pasid_lock);
	for (i = 0; i < TESTDEV_PASIDS; i++)
		if (td->pasids[i].pasid)
			testdev_pasid_stop(td, &td->pasids[i]);
	mutex_unlock(&td->pasid_lock);
	debugfs_remove_recursive(td->dir);
	mutex_lock(&td->cmd_lock);
	testdev_own_detach(td);
	testdev_free_keep(td);
	mutex_lock(&td->pasid_lock);
	for (i = 0; i < TESTDEV_PASIDS; i++)
		if (td->pasids[i].pasid)
			testdev_pasid_release(td, &td->pasids[i]);
	mutex_unlock(&td->pasid_lock);
	mutex_unlock(&td->cmd_lock);
	/* Files left open: unbound now, their release finds no device */
	mutex_lock(&testdev_files_lock);
	list_for_each_entry_safe(f, next, &td->files, node) {
		testdev_sva_unbind(f);
		list_del(&f->node);
		f->td = NULL;
	}
	mutex_unlock(&testdev_files_lock);
	testdev_features_disable(td);
	if (td->owned)
		iommu_device_release_dma_owner(td->dev);
	smmu3_emu_put(td->emu);
	mutex_destroy(&td->pasid_lock);
	mutex_destroy(&td->lock);
	mutex_destroy(&td->cmd_lock);
}

static const struct of_device_id testdev_of_match[] = {
	{ .compatible = "smmu3,test-dma" },
	{ }
};
MODULE_DEVICE_TABLE(of, testdev_of_match);

/* Uses the DMA API: the iommu core keeps the group's domain while bound */
static struct platform_driver testdev_driver = {
	.driver = {
		.name = "smmu3_testdev",
		.of_match_table = testdev_of_match,
	},
	.probe = testdev_probe,
	.remove = testdev_remove,
};

/*
 * Binds through driver_override only.  Takes DMA ownership at probe and
 * gives it back at remove, never uses the DMA API.
 */
static struct platform_driver testdev_owned_driver = {
	.driver = {
		.name = "smmu3_testdev_owned",
	},
	.probe = testdev_probe,
	.remove = testdev_remove,
	.driver_managed_dma = true,
};

static int __init testdev_init(void)
{
	int ret;

	testdev_root = debugfs_create_dir("smmu3_testdev", NULL);
	ret = platform_driver_register(&testdev_driver);
	if (ret)
		goto err;
	ret = platform_driver_register(&testdev_owned_driver);
	if (ret) {
		platform_driver_unregister(&testdev_driver);
		goto err;
	}
	return 0;
err:
	debugfs_remove_recursive(testdev_root);
	return ret;
}
module_init(testdev_init);

static void __exit testdev_exit(void)
{
	platform_driver_unregister(&testdev_owned_driver);
	platform_driver_unregister(&testdev_driver);
	debugfs_remove_recursive(testdev_root);
}
module_exit(testdev_exit);

MODULE_DESCRIPTION("DMA test device behind the emulated SMMUv3");
MODULE_LICENSE("GPL");
