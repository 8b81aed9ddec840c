// SPDX-License-Identifier: GPL-2.0-only
/*
 * smmu3-vmm: what a VMM does with an assigned device, on the test device
 * as a VFIO device (smmu3_testdev_vfio; its registers in
 * include/smmu3/testdev-vfio.h, Documentation/testdev.rst).
 *
 *   smmu3-vmm BACKEND DEVICE [COMMAND [ARGS]]
 *
 * BACKEND:
 *   --type1        VFIO group/container: /dev/vfio/vfio, /dev/vfio/<group>,
 *                  VFIO_SET_IOMMU(TYPE1v2), VFIO_GROUP_GET_DEVICE_FD,
 *                  VFIO_IOMMU_MAP_DMA / UNMAP_DMA
 *   --iommufd      /dev/iommu and the device cdev /dev/vfio/devices/vfioN:
 *                  VFIO_DEVICE_BIND_IOMMUFD, IOMMU_IOAS_ALLOC,
 *                  VFIO_DEVICE_ATTACH_IOMMUFD_PT (the IOAS),
 *                  IOMMU_IOAS_MAP / UNMAP
 *   --nest-parent  as --iommufd, the device attached to a HWPT allocated
 *                  with IOMMU_HWPT_ALLOC_NEST_PARENT
 *   --dirty        as --iommufd, a HWPT allocated with
 *                  IOMMU_HWPT_ALLOC_DIRTY_TRACKING; the default command is
 *                  "dirty"
 *
 * DEVICE: the platform device bound to smmu3_testdev_vfio (testdev-vfio).
 *
 * COMMAND (default "run", "dirty" with --dirty):
 *   run            map_dma, device copy checked by the tool, unmap_dma and
 *                  the fault there (nothing written past it), map_msi: the
 *                  SW_MSI window, the completion and the error interrupt
 *                  through the eventfd, the MSI written through the window
 *   dirty          dirty tracking: the device writes a known set of pages,
 *                  IOMMU_HWPT_GET_DIRTY_BITMAP holds exactly those, a
 *                  second read none
 *   irq            map_dma, a hole, and map_msi as in "run"
 *   abuse          bad accesses, bad register values, bad SET_IRQS: each
 *                  refused with its error
 *   isolation IOVA the device reads and writes IOVA (a kernel-owned
 *                  device's buffer): each must fault there
 *   hold SECONDS   map guest RAM, the device writes a pattern into it;
 *                  print "hold: ..." and wait for SIGUSR1 (or SECONDS),
 *                  then check that nothing else wrote it
 *   spin           long DMAs back to back until killed (or the device is
 *                  removed)
 *   close-mid-dma  start a long DMA and close the device file with it
 *                  running
 *
 * Output: one line per step; "FAIL ..." for a failed check.  Exit status
 * 0 when every check held, 1 when one failed, 2 when the setup failed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include <linux/types.h>
#include <linux/vfio.h>

#include "../../include/smmu3/testdev-vfio.h"

/*
 * Linux 6.12 uapi that the cross toolchain's headers (Linux 6.1) lack:
 * the VFIO device cdev and iommufd (include/uapi/linux/vfio.h, iommufd.h)
 */
#ifndef VFIO_DEVICE_BIND_IOMMUFD
struct vfio_device_bind_iommufd {
	__u32 argsz;
	__u32 flags;
	__s32 iommufd;
	__u32 out_devid;
};

#define VFIO_DEVICE_BIND_IOMMUFD	_IO(VFIO_TYPE, VFIO_BASE + 18)

struct vfio_device_attach_iommufd_pt {
	__u32 argsz;
	__u32 flags;
	__u32 pt_id;
};

#define VFIO_DEVICE_ATTACH_IOMMUFD_PT	_IO(VFIO_TYPE, VFIO_BASE + 19)

struct vfio_device_detach_iommufd_pt {
	__u32 argsz;
	__u32 flags;
};

#define VFIO_DEVICE_DETACH_IOMMUFD_PT	_IO(VFIO_TYPE, VFIO_BASE + 20)
#endif

#define IOMMUFD_TYPE			(';')
#define IOMMU_DESTROY			_IO(IOMMUFD_TYPE, 0x80)
#define IOMMU_IOAS_ALLOC		_IO(IOMMUFD_TYPE, 0x81)
#define IOMMU_IOAS_IOVA_RANGES		_IO(IOMMUFD_TYPE, 0x84)
#define IOMMU_IOAS_MAP			_IO(IOMMUFD_TYPE, 0x85)
#define IOMMU_IOAS_UNMAP		_IO(IOMMUFD_TYPE, 0x86)
#define IOMMU_HWPT_ALLOC		_IO(IOMMUFD_TYPE, 0x89)
#define IOMMU_HWPT_SET_DIRTY_TRACKING	_IO(IOMMUFD_TYPE, 0x8b)
#define IOMMU_HWPT_GET_DIRTY_BITMAP	_IO(IOMMUFD_TYPE, 0x8c)

#define IOMMU_IOAS_MAP_FIXED_IOVA	0x1
#define IOMMU_IOAS_MAP_WRITEABLE	0x2
#define IOMMU_IOAS_MAP_READABLE		0x4
#define IOMMU_HWPT_ALLOC_NEST_PARENT	0x1
#define IOMMU_HWPT_ALLOC_DIRTY_TRACKING	0x2
#define IOMMU_HWPT_DIRTY_TRACKING_ENABLE 1
#define IOMMU_HWPT_GET_DIRTY_BITMAP_NO_CLEAR 1

struct iommu_destroy {
	__u32 size;
	__u32 id;
};

struct iommu_ioas_alloc {
	__u32 size;
	__u32 flags;
	__u32 out_ioas_id;
};

struct iommu_iova_range {
	__aligned_u64 start;
	__aligned_u64 last;
};

struct iommu_ioas_iova_ranges {
	__u32 size;
	__u32 ioas_id;
	__u32 num_iovas;
	__u32 __reserved;
	__aligned_u64 allowed_iovas;
	__aligned_u64 out_iova_alignment;
};

struct iommu_ioas_map {
	__u32 size;
	__u32 flags;
	__u32 ioas_id;
	__u32 __reserved;
	__aligned_u64 user_va;
	__aligned_u64 length;
	__aligned_u64 iova;
};

struct iommu_ioas_unmap {
	__u32 size;
	__u32 ioas_id;
	__aligned_u64 iova;
	__aligned_u64 length;
};

struct iommu_hwpt_alloc {
	__u32 size;
	__u32 flags;
	__u32 dev_id;
	__u32 pt_id;
	__u32 out_hwpt_id;
	__u32 __reserved;
	__u32 data_type;
	__u32 data_len;
	__aligned_u64 data_uptr;
	__u32 fault_id;
	__u32 __reserved2;
};

struct iommu_hwpt_set_dirty_tracking {
	__u32 size;
	__u32 flags;
	__u32 hwpt_id;
	__u32 __reserved;
};

struct iommu_hwpt_get_dirty_bitmap {
	__u32 size;
	__u32 hwpt_id;
	__u32 flags;
	__u32 __reserved;
	__aligned_u64 iova;
	__aligned_u64 length;
	__aligned_u64 page_size;
	__aligned_u64 data;
};

/*
 * "Guest RAM": 4 MiB at IOVA GUEST_IOVA.  [0, 1M) the copy's source and
 * [1M, 2M) its destination, one mapping each; [2M, 4M) scratch, mapped in
 * 64 KiB pieces so that one of them can be unmapped (neither type1 v2 nor
 * iommufd splits a mapping).
 */
#define GUEST_IOVA	0x40000000ULL
#define RAM_SIZE	(4UL << 20)
#define SRC_OFF		0
#define DST_OFF		0x100000UL
#define COPY_LEN	0x100000UL
#define SCR_OFF		0x200000UL
#define SCR_PIECE	0x10000UL
#define SCR_PIECES	((RAM_SIZE - SCR_OFF) / SCR_PIECE)
#define HOLE_OFF	(SCR_OFF + SCR_PIECE)	/* the piece unmap_dma removes */
#define PG		4096UL

#define ITS_TRANSLATER	0x10040	/* GITS_TRANSLATER in the ITS frame */

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* printf(), under a name checkpatch knows for a message */
#define vmm_info(...)	printf(__VA_ARGS__)

enum backend { BE_TYPE1, BE_IOMMUFD };

struct vmm {
	enum backend be;
	const char *mode;
	__u32 hwpt_flags;	/* iommufd: attach a HWPT with these flags */
	const char *devname;
	int group;
	int container, groupfd;		/* type1 */
	int iommufd;			/* iommufd */
	__u32 devid, ioas, hwpt;
	int dev;
	__u64 reg_off;
	__u8 *ram;
	int efd;
	int failed;
	int checks;
};

static void die(const char *fmt, ...)
{
	va_list ap;

	vmm_info("FAIL setup: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	vmm_info("\n");
	exit(2);
}

/* One check: counted; a failure is printed and makes the exit status 1 */
static int check(struct vmm *v, int cond, const char *fmt, ...)
{
	va_list ap;

	v->checks++;
	if (cond)
		return 1;
	v->failed = 1;
	vmm_info("FAIL ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	vmm_info("\n");
	fflush(stdout);
	return 0;
}

static const char *event_name(unsigned int ev)
{
	switch (ev) {
	case 0x04: return "C_BAD_STE";
	case 0x06: return "F_STREAM_DISABLED";
	case 0x10: return "F_TRANSLATION";
	case 0x11: return "F_ADDR_SIZE";
	case 0x12: return "F_ACCESS";
	case 0x13: return "F_PERMISSION";
	case 0:    return "none";
	}
	return "other";
}

static const char *err_name(__u64 e)
{
	static const char *const names[] = {
		[TDV_ERR_NONE] = "none", [TDV_ERR_FAULT] = "fault",
		[TDV_ERR_ABORT] = "abort", [TDV_ERR_BAD_ARGS] = "bad arguments",
		[TDV_ERR_STOPPED] = "stopped", [TDV_ERR_GONE] = "SMMU gone",
		[TDV_ERR_OTHER] = "other",
	};

	return e < ARRAY_SIZE(names) ? names[e] : "?";
}

/* ------------------------------------------------------------------------
 * Registers
 */

static int reg_read(struct vmm *v, __u64 off, __u64 *val)
{
	ssize_t n = pread(v->dev, val, sizeof(*val), v->reg_off + off);

	return n == sizeof(*val) ? 0 : -errno;
}

static __u64 rd(struct vmm *v, __u64 off)
{
	__u64 val;

	if (reg_read(v, off, &val))
		die("register read at %#llx: %s", (unsigned long long)off,
		    strerror(errno));
	return val;
}

static int reg_write(struct vmm *v, __u64 off, __u64 val)
{
	ssize_t n = pwrite(v->dev, &val, sizeof(val), v->reg_off + off);

	return n == sizeof(val) ? 0 : -errno;
}

static void wr(struct vmm *v, __u64 off, __u64 val)
{
	if (reg_write(v, off, val))
		die("register write at %#llx: %s", (unsigned long long)off,
		    strerror(errno));
}

struct outcome {
	__u64 status, err, done, fault_iova, fault_event, result;
};

/* Start an operation (GO); returns -errno of the CTRL write */
static int dma_start(struct vmm *v, unsigned int op, __u64 src, __u64 dst,
		     __u64 len, __u64 data, __u64 delay_us)
{
	wr(v, TDV_REG_SRC, src);
	wr(v, TDV_REG_DST, dst);
	wr(v, TDV_REG_LEN, len);
	wr(v, TDV_REG_DATA, data);
	wr(v, TDV_REG_DELAY_US, delay_us);
	return reg_write(v, TDV_REG_CTRL, op | TDV_CTRL_GO);
}

static void dma_wait(struct vmm *v, struct outcome *o)
{
	int i;

	for (i = 0; i < 60000; i++) {
		o->status = rd(v, TDV_REG_STATUS);
		if (o->status != TDV_STATUS_BUSY)
			break;
		usleep(1000);
	}
	o->err = rd(v, TDV_REG_ERROR);
	o->done = rd(v, TDV_REG_DONE);
	o->fault_iova = rd(v, TDV_REG_FAULT_IOVA);
	o->fault_event = rd(v, TDV_REG_FAULT_EVENT);
	o->result = rd(v, TDV_REG_RESULT);
}

static void dma(struct vmm *v, unsigned int op, __u64 src, __u64 dst,
		__u64 len, __u64 data, struct outcome *o)
{
	int ret = dma_start(v, op, src, dst, len, data, 0);

	if (ret)
		die("GO refused: %s", strerror(-ret));
	dma_wait(v, o);
}

static void describe(const struct outcome *o, char *buf, size_t size)
{
	if (o->status == TDV_STATUS_DONE) {
		snprintf(buf, size, "done, %llu bytes",
			 (unsigned long long)o->done);
		return;
	}
	snprintf(buf, size, "status %llu error %s: %s %s iova %#llx%s, %llu bytes before it",
		 (unsigned long long)o->status, err_name(o->err),
		 event_name(o->fault_event & TDV_FAULT_EVENT_MASK),
		 o->fault_event & TDV_FAULT_WRITE ? "write" : "read",
		 (unsigned long long)o->fault_iova,
		 o->fault_event & TDV_FAULT_RECORDED ? " (event recorded)" : "",
		 (unsigned long long)o->done);
}

/* ------------------------------------------------------------------------
 * Back ends
 */

static void find_group(struct vmm *v)
{
	char path[PATH_MAX], link[PATH_MAX];
	ssize_t n;

	snprintf(path, sizeof(path), "/sys/bus/platform/devices/%s/iommu_group",
		 v->devname);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0)
		die("%s: no IOMMU group (%s)", v->devname, strerror(errno));
	link[n] = 0;
	v->group = atoi(strrchr(link, '/') + 1);
}

static void type1_open(struct vmm *v)
{
	struct vfio_group_status status = { .argsz = sizeof(status) };
	char path[64];

	v->container = open("/dev/vfio/vfio", O_RDWR);
	if (v->container < 0)
		die("open /dev/vfio/vfio: %s", strerror(errno));
	if (ioctl(v->container, VFIO_GET_API_VERSION) != VFIO_API_VERSION)
		die("VFIO API version %d", ioctl(v->container, VFIO_GET_API_VERSION));
	if (ioctl(v->container, VFIO_CHECK_EXTENSION, VFIO_TYPE1v2_IOMMU) <= 0)
		die("no VFIO_TYPE1v2_IOMMU");
	snprintf(path, sizeof(path), "/dev/vfio/%d", v->group);
	v->groupfd = open(path, O_RDWR);
	if (v->groupfd < 0)
		die("open %s: %s", path, strerror(errno));
	if (ioctl(v->groupfd, VFIO_GROUP_GET_STATUS, &status))
		die("VFIO_GROUP_GET_STATUS: %s", strerror(errno));
	if (!(status.flags & VFIO_GROUP_FLAGS_VIABLE))
		die("group %d is not viable (a device in it is bound to a host driver)",
		    v->group);
	if (ioctl(v->groupfd, VFIO_GROUP_SET_CONTAINER, &v->container))
		die("VFIO_GROUP_SET_CONTAINER: %s", strerror(errno));
	if (ioctl(v->container, VFIO_SET_IOMMU, VFIO_TYPE1v2_IOMMU))
		die("VFIO_SET_IOMMU(TYPE1v2): %s", strerror(errno));
	v->dev = ioctl(v->groupfd, VFIO_GROUP_GET_DEVICE_FD, v->devname);
	if (v->dev < 0)
		die("VFIO_GROUP_GET_DEVICE_FD %s: %s", v->devname,
		    strerror(errno));
	vmm_info("open: type1: container /dev/vfio/vfio, group %s, device %s (fd %d)\n",
		 path, v->devname, v->dev);
}

static void cdev_path(struct vmm *v, char *buf, size_t size)
{
	char pattern[PATH_MAX];
	glob_t g;

	snprintf(pattern, sizeof(pattern),
		 "/sys/bus/platform/devices/%s/vfio-dev/vfio*", v->devname);
	if (glob(pattern, 0, NULL, &g) || g.gl_pathc != 1)
		die("%s: no VFIO device cdev (vfio-dev/vfio*)", v->devname);
	snprintf(buf, size, "/dev/vfio/devices/%s",
		 strrchr(g.gl_pathv[0], '/') + 1);
	globfree(&g);
}

static void iommufd_open(struct vmm *v)
{
	struct vfio_device_bind_iommufd bind = { .argsz = sizeof(bind) };
	struct vfio_device_attach_iommufd_pt attach = { .argsz = sizeof(attach) };
	struct iommu_ioas_alloc ioas = { .size = sizeof(ioas) };
	char path[PATH_MAX];

	v->iommufd = open("/dev/iommu", O_RDWR);
	if (v->iommufd < 0)
		die("open /dev/iommu: %s", strerror(errno));
	cdev_path(v, path, sizeof(path));
	v->dev = open(path, O_RDWR);
	if (v->dev < 0)
		die("open %s: %s", path, strerror(errno));
	bind.iommufd = v->iommufd;
	if (ioctl(v->dev, VFIO_DEVICE_BIND_IOMMUFD, &bind))
		die("VFIO_DEVICE_BIND_IOMMUFD: %s", strerror(errno));
	v->devid = bind.out_devid;
	if (ioctl(v->iommufd, IOMMU_IOAS_ALLOC, &ioas))
		die("IOMMU_IOAS_ALLOC: %s", strerror(errno));
	v->ioas = ioas.out_ioas_id;
	attach.pt_id = v->ioas;
	if (v->hwpt_flags) {
		struct iommu_hwpt_alloc hw = {
			.size = sizeof(hw),
			.flags = v->hwpt_flags,
			.dev_id = v->devid,
			.pt_id = v->ioas,
		};

		if (ioctl(v->iommufd, IOMMU_HWPT_ALLOC, &hw))
			die("IOMMU_HWPT_ALLOC flags %#x (%s): %s", v->hwpt_flags,
			    v->hwpt_flags & IOMMU_HWPT_ALLOC_NEST_PARENT ?
			    "NEST_PARENT" : "DIRTY_TRACKING", strerror(errno));
		v->hwpt = hw.out_hwpt_id;
		attach.pt_id = v->hwpt;
		vmm_info("hwpt: IOMMU_HWPT_ALLOC %s on IOAS %u: hwpt %u\n",
			 v->hwpt_flags & IOMMU_HWPT_ALLOC_NEST_PARENT ?
			 "NEST_PARENT" : "DIRTY_TRACKING", v->ioas, v->hwpt);
	}
	if (ioctl(v->dev, VFIO_DEVICE_ATTACH_IOMMUFD_PT, &attach))
		die("VFIO_DEVICE_ATTACH_IOMMUFD_PT %u: %s", attach.pt_id,
		    strerror(errno));
	vmm_info("open: iommufd: /dev/iommu, device %s (%s, dev_id %u), IOAS %u, attached to %s (hwpt %u)\n",
		 path, v->devname, v->devid, v->ioas,
		 v->hwpt ? "the hwpt" : "the IOAS", attach.pt_id);
}

static int be_map(struct vmm *v, void *va, __u64 iova, __u64 len)
{
	if (v->be == BE_TYPE1) {
		struct vfio_iommu_type1_dma_map m = {
			.argsz = sizeof(m),
			.flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE,
			.vaddr = (uintptr_t)va,
			.iova = iova,
			.size = len,
		};

		return ioctl(v->container, VFIO_IOMMU_MAP_DMA, &m) ? -errno : 0;
	}
	struct iommu_ioas_map m = {
		.size = sizeof(m),
		.flags = IOMMU_IOAS_MAP_FIXED_IOVA | IOMMU_IOAS_MAP_READABLE |
			 IOMMU_IOAS_MAP_WRITEABLE,
		.ioas_id = v->ioas,
		.user_va = (uintptr_t)va,
		.length = len,
		.iova = iova,
	};

	return ioctl(v->iommufd, IOMMU_IOAS_MAP, &m) ? -errno : 0;
}

static int be_unmap(struct vmm *v, __u64 iova, __u64 len)
{
	if (v->be == BE_TYPE1) {
		struct vfio_iommu_type1_dma_unmap u = {
			.argsz = sizeof(u),
			.iova = iova,
			.size = len,
		};

		if (ioctl(v->container, VFIO_IOMMU_UNMAP_DMA, &u))
			return -errno;
		return u.size == len ? 0 : -ERANGE;
	}
	struct iommu_ioas_unmap u = {
		.size = sizeof(u),
		.ioas_id = v->ioas,
		.iova = iova,
		.length = len,
	};

	if (ioctl(v->iommufd, IOMMU_IOAS_UNMAP, &u))
		return -errno;
	return u.length == len ? 0 : -ERANGE;
}

/* The IOVA ranges the back end allows: into @r (at most @max); count */
static int be_ranges(struct vmm *v, __u64 (*r)[2], int max)
{
	int i, n = 0;

	if (v->be == BE_TYPE1) {
		struct vfio_iommu_type1_info *info;
		struct vfio_info_cap_header *h;
		__u32 size = sizeof(*info), off;

		info = calloc(1, size);
		info->argsz = size;
		if (ioctl(v->container, VFIO_IOMMU_GET_INFO, info))
			die("VFIO_IOMMU_GET_INFO: %s", strerror(errno));
		if (info->argsz > size) {
			size = info->argsz;
			info = realloc(info, size);
			memset(info, 0, size);
			info->argsz = size;
			if (ioctl(v->container, VFIO_IOMMU_GET_INFO, info))
				die("VFIO_IOMMU_GET_INFO: %s", strerror(errno));
		}
		if (!(info->flags & VFIO_IOMMU_INFO_CAPS))
			die("VFIO_IOMMU_GET_INFO: no capability chain");
		for (off = info->cap_offset; off; off = h->next) {
			struct vfio_iommu_type1_info_cap_iova_range *c;

			h = (void *)((char *)info + off);
			if (h->id != VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE)
				continue;
			c = (void *)h;
			for (i = 0; i < (int)c->nr_iovas && n < max; i++, n++) {
				r[n][0] = c->iova_ranges[i].start;
				r[n][1] = c->iova_ranges[i].end;
			}
		}
		free(info);
	} else {
		struct iommu_ioas_iova_ranges q = {
			.size = sizeof(q),
			.ioas_id = v->ioas,
		};
		struct iommu_iova_range *ranges;

		if (ioctl(v->iommufd, IOMMU_IOAS_IOVA_RANGES, &q) &&
		    errno != EMSGSIZE)
			die("IOMMU_IOAS_IOVA_RANGES: %s", strerror(errno));
		ranges = calloc(q.num_iovas + 1, sizeof(*ranges));
		q.allowed_iovas = (uintptr_t)ranges;
		if (ioctl(v->iommufd, IOMMU_IOAS_IOVA_RANGES, &q))
			die("IOMMU_IOAS_IOVA_RANGES: %s", strerror(errno));
		for (i = 0; i < (int)q.num_iovas && n < max; i++, n++) {
			r[n][0] = ranges[i].start;
			r[n][1] = ranges[i].last;
		}
		free(ranges);
	}
	return n;
}

static void be_open(struct vmm *v)
{
	struct vfio_device_info info = { .argsz = sizeof(info) };
	struct vfio_region_info region = { .argsz = sizeof(region) };
	struct vfio_irq_info irq = { .argsz = sizeof(irq) };

	find_group(v);
	if (v->be == BE_TYPE1)
		type1_open(v);
	else
		iommufd_open(v);
	if (ioctl(v->dev, VFIO_DEVICE_GET_INFO, &info))
		die("VFIO_DEVICE_GET_INFO: %s", strerror(errno));
	if (ioctl(v->dev, VFIO_DEVICE_GET_REGION_INFO, &region))
		die("VFIO_DEVICE_GET_REGION_INFO 0: %s", strerror(errno));
	if (ioctl(v->dev, VFIO_DEVICE_GET_IRQ_INFO, &irq))
		die("VFIO_DEVICE_GET_IRQ_INFO 0: %s", strerror(errno));
	v->reg_off = region.offset;
	vmm_info("device: flags %#x (%s%s), %u region(s), %u irq(s); region 0: %llu bytes at offset %#llx, flags %#x; irq 0: count %u, flags %#x\n",
		 info.flags,
		 info.flags & VFIO_DEVICE_FLAGS_PLATFORM ? "platform" : "?",
		 info.flags & VFIO_DEVICE_FLAGS_RESET ? " reset" : "",
		 info.num_regions, info.num_irqs,
		 (unsigned long long)region.size,
		 (unsigned long long)region.offset, region.flags, irq.count,
		 irq.flags);
	check(v, info.flags & VFIO_DEVICE_FLAGS_PLATFORM,
	      "device: not a platform device (flags %#x)", info.flags);
	check(v, info.num_regions >= 1 && info.num_irqs >= 1,
	      "device: %u regions, %u irqs", info.num_regions, info.num_irqs);
	check(v, region.size >= TDV_REG_LAST + 8,
	      "region 0: %llu bytes", (unsigned long long)region.size);
	check(v, irq.flags & VFIO_IRQ_INFO_EVENTFD, "irq 0: no eventfd");
	check(v, rd(v, TDV_REG_ID) == TDV_ID, "register ID %#llx, expected %#llx",
	      (unsigned long long)rd(v, TDV_REG_ID), TDV_ID);
	vmm_info("registers: ID %#llx, StreamID %#llx, caps %#llx (%s)\n",
		 (unsigned long long)rd(v, TDV_REG_ID),
		 (unsigned long long)rd(v, TDV_REG_SID),
		 (unsigned long long)rd(v, TDV_REG_CAPS),
		 rd(v, TDV_REG_CAPS) & TDV_CAPS_MSI ? "MSI" : "no MSI");
}

/* Map the guest RAM: the source, the destination, the scratch pieces */
static void guest_map(struct vmm *v)
{
	unsigned long i;
	int ret;

	v->ram = mmap(NULL, RAM_SIZE, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (v->ram == MAP_FAILED)
		die("mmap %lu bytes: %s", RAM_SIZE, strerror(errno));
	memset(v->ram, 0, RAM_SIZE);
	ret = be_map(v, v->ram + SRC_OFF, GUEST_IOVA + SRC_OFF, COPY_LEN);
	if (!ret)
		ret = be_map(v, v->ram + DST_OFF, GUEST_IOVA + DST_OFF,
			     COPY_LEN);
	for (i = 0; !ret && i < SCR_PIECES; i++)
		ret = be_map(v, v->ram + SCR_OFF + i * SCR_PIECE,
			     GUEST_IOVA + SCR_OFF + i * SCR_PIECE, SCR_PIECE);
	if (ret)
		die("map_dma: %s", strerror(-ret));
	vmm_info("map_dma: guest RAM %lu KiB at va %p -> iova %#llx-%#llx (%lu mappings)\n",
		 RAM_SIZE >> 10, (void *)v->ram, GUEST_IOVA,
		 GUEST_IOVA + RAM_SIZE - 1, 2 + SCR_PIECES);
}

static void unmap_all(struct vmm *v, int hole_unmapped)
{
	unsigned long i;
	int ret;

	ret = be_unmap(v, GUEST_IOVA + SRC_OFF, COPY_LEN);
	check(v, !ret, "unmap source: %s", strerror(-ret));
	ret = be_unmap(v, GUEST_IOVA + DST_OFF, COPY_LEN);
	check(v, !ret, "unmap destination: %s", strerror(-ret));
	for (i = 0; i < SCR_PIECES; i++) {
		if (hole_unmapped && SCR_OFF + i * SCR_PIECE == HOLE_OFF)
			continue;
		ret = be_unmap(v, GUEST_IOVA + SCR_OFF + i * SCR_PIECE,
			       SCR_PIECE);
		check(v, !ret, "unmap scratch piece %lu: %s", i, strerror(-ret));
	}
}

static void be_close(struct vmm *v)
{
	close(v->dev);
	v->dev = -1;
	if (v->be == BE_TYPE1) {
		close(v->groupfd);
		close(v->container);
	} else {
		close(v->iommufd);
	}
}

/* ------------------------------------------------------------------------
 * Steps
 */

static __u64 cpu_sum(const __u8 *p, size_t n)
{
	__u64 s = 0;

	while (n--)
		s += *p++;
	return s;
}

static size_t first_diff(const __u8 *a, const __u8 *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return i;
	return n;
}

/* [off, off + len) of the guest RAM all @byte; the first other offset */
static size_t first_not(const __u8 *p, size_t len, __u8 byte)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] != byte)
			return i;
	return len;
}

static void step_copy(struct vmm *v)
{
	struct outcome o;
	char what[160];
	size_t i, bad;
	__u64 sum;
	__u8 *src = v->ram + SRC_OFF, *dst = v->ram + DST_OFF;

	srand(time(NULL));
	for (i = 0; i < COPY_LEN; i++)
		src[i] = rand();
	memset(dst, 0, COPY_LEN);
	dma(v, TDV_OP_COPY, GUEST_IOVA + SRC_OFF, GUEST_IOVA + DST_OFF,
	    COPY_LEN, 0, &o);
	describe(&o, what, sizeof(what));
	bad = first_diff(src, dst, COPY_LEN);
	if (check(v, o.status == TDV_STATUS_DONE && o.done == COPY_LEN,
		  "dma copy: %s", what) &&
	    check(v, bad == COPY_LEN, "dma copy: data differs at offset %#zx",
		  bad))
		vmm_info("dma copy: %lu bytes iova %#llx -> %#llx by the device, verified by the tool\n",
			 COPY_LEN, GUEST_IOVA + SRC_OFF, GUEST_IOVA + DST_OFF);

	/* The other operations, on the scratch area */
	memset(v->ram + SCR_OFF, 0, 2 * SCR_PIECE);
	dma(v, TDV_OP_PATTERN, 0, GUEST_IOVA + SCR_OFF, SCR_PIECE,
	    0x1122334455667788ULL, &o);
	for (i = 0; i < SCR_PIECE; i += 8) {
		__u64 w;

		memcpy(&w, v->ram + SCR_OFF + i, 8);
		if (w != 0x1122334455667788ULL + i)
			break;
	}
	check(v, o.status == TDV_STATUS_DONE && i == SCR_PIECE,
	      "dma pattern: status %llu, first bad word at %#zx",
	      (unsigned long long)o.status, i);
	dma(v, TDV_OP_FILL, 0, GUEST_IOVA + SCR_OFF + SCR_PIECE + 100, 5000,
	    0x3c, &o);
	bad = first_not(v->ram + SCR_OFF + SCR_PIECE + 100, 5000, 0x3c);
	check(v, o.status == TDV_STATUS_DONE && bad == 5000 &&
	      v->ram[SCR_OFF + SCR_PIECE + 99] == 0 &&
	      v->ram[SCR_OFF + SCR_PIECE + 5100] == 0,
	      "dma fill: status %llu, wrong byte at %#zx or around",
	      (unsigned long long)o.status, bad);
	dma(v, TDV_OP_SUM, GUEST_IOVA + SRC_OFF, 0, COPY_LEN, 0, &o);
	sum = cpu_sum(src, COPY_LEN);
	if (check(v, o.status == TDV_STATUS_DONE && o.result == sum,
		  "dma sum: status %llu, device %#llx, CPU %#llx",
		  (unsigned long long)o.status,
		  (unsigned long long)o.result, (unsigned long long)sum))
		vmm_info("dma ops: pattern 64 KiB, fill 5000 bytes at an odd offset, sum of 1 MiB (%#llx): verified\n",
			 (unsigned long long)sum);
}

/* unmap_dma: a piece of the scratch area; the device's DMA there faults */
static void step_unmap(struct vmm *v)
{
	__u64 hole = GUEST_IOVA + HOLE_OFF;
	__u8 *area = v->ram + SCR_OFF;
	struct outcome o;
	char what[200];
	size_t bad;
	int ret;

	memset(area, 0xee, 4 * SCR_PIECE);
	ret = be_unmap(v, hole, SCR_PIECE);
	if (ret)
		die("unmap_dma %#llx: %s", hole, strerror(-ret));
	vmm_info("unmap_dma: %lu bytes at iova %#llx\n", SCR_PIECE,
		 (unsigned long long)hole);
	/* A fill across it: what precedes the hole written, nothing after */
	dma(v, TDV_OP_FILL, 0, GUEST_IOVA + SCR_OFF, 4 * SCR_PIECE, 0x5a, &o);
	describe(&o, what, sizeof(what));
	vmm_info("dma fill %lu bytes from iova %#llx across it: %s\n",
		 4 * SCR_PIECE, GUEST_IOVA + SCR_OFF, what);
	check(v, o.status == TDV_STATUS_ERROR && o.err == TDV_ERR_FAULT,
	      "unmapped: the DMA did not fault: %s", what);
	check(v, o.fault_iova == hole, "fault IOVA %#llx, expected %#llx",
	      (unsigned long long)o.fault_iova, (unsigned long long)hole);
	check(v, (o.fault_event & TDV_FAULT_EVENT_MASK) == 0x10 &&
	      (o.fault_event & TDV_FAULT_WRITE),
	      "fault event %#llx, expected F_TRANSLATION (0x10) on a write",
	      (unsigned long long)o.fault_event);
	check(v, o.done == SCR_PIECE, "%llu bytes written before the fault, expected %lu",
	      (unsigned long long)o.done, SCR_PIECE);
	bad = first_not(area, SCR_PIECE, 0x5a);
	check(v, bad == SCR_PIECE, "before the hole: byte %#zx not written", bad);
	bad = first_not(area + SCR_PIECE, 3 * SCR_PIECE, 0xee);
	if (check(v, bad == 3 * SCR_PIECE,
		  "the hole and after it: byte %#zx written (%#x)",
		  SCR_PIECE + bad, area[SCR_PIECE + bad]))
		vmm_info("unmap_dma: destination memory untouched from the fault on (%lu bytes checked)\n",
			 3 * SCR_PIECE);
	/* A read from it faults too */
	dma(v, TDV_OP_SUM, hole + 0x800, 0, 0x1000, 0, &o);
	describe(&o, what, sizeof(what));
	check(v, o.status == TDV_STATUS_ERROR && o.fault_iova == hole + 0x800 &&
	      (o.fault_event & TDV_FAULT_EVENT_MASK) == 0x10 &&
	      !(o.fault_event & TDV_FAULT_WRITE),
	      "a read of the hole: %s", what);
	vmm_info("dma read of the hole: %s\n", what);
}

/* The SW_MSI window of the device's group, from reserved_regions */
static int sw_msi_window(struct vmm *v, __u64 *start, __u64 *end)
{
	char path[128], line[256], type[32];
	unsigned long long s, e;
	int found = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/sys/kernel/iommu_groups/%d/reserved_regions",
		 v->group);
	f = fopen(path, "r");
	if (!f)
		die("%s: %s", path, strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%llx %llx %31s", &s, &e, type) == 3 &&
		    !strcmp(type, "msi")) {
			*start = s;
			*end = e;
			found = 1;
		}
	}
	fclose(f);
	return found;
}

/* The GITS_TRANSLATER of the device tree's ITS (its frame's reg) */
static __u64 its_doorbell(void)
{
	unsigned char reg[8];
	__u64 base = 0;
	glob_t g;
	FILE *f;
	int i;

	if (glob("/proc/device-tree/intc@*/its@*/reg", 0, NULL, &g))
		return 0;
	f = fopen(g.gl_pathv[0], "rb");
	globfree(&g);
	if (!f)
		return 0;
	if (fread(reg, 1, sizeof(reg), f) == sizeof(reg))
		for (i = 0; i < 8; i++)
			base = base << 8 | reg[i];
	fclose(f);
	return base ? base + ITS_TRANSLATER : 0;
}

static int set_eventfd(struct vmm *v, int fd)
{
	char buf[sizeof(struct vfio_irq_set) + sizeof(__s32)];
	struct vfio_irq_set *s = (void *)buf;

	s->argsz = sizeof(buf);
	s->flags = VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER;
	s->index = 0;
	s->start = 0;
	s->count = 1;
	memcpy(s->data, &fd, sizeof(fd));
	return ioctl(v->dev, VFIO_DEVICE_SET_IRQS, s) ? -errno : 0;
}

static int irq_off(struct vmm *v)
{
	struct vfio_irq_set s = {
		.argsz = sizeof(s),
		.flags = VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER,
		.index = 0,
		.count = 0,
	};

	return ioctl(v->dev, VFIO_DEVICE_SET_IRQS, &s) ? -errno : 0;
}

/* Wait for the eventfd; the count read, 0 on a timeout */
static __u64 wait_eventfd(int efd, int ms)
{
	struct pollfd p = { .fd = efd, .events = POLLIN };
	__u64 n = 0;

	if (poll(&p, 1, ms) != 1)
		return 0;
	if (read(efd, &n, sizeof(n)) != sizeof(n))
		return 0;
	return n;
}

static void step_msi(struct vmm *v)
{
	__u64 start = 0, end = 0, addr, pa, db, n, st, count0;
	__u64 ranges[16][2];
	struct outcome o;
	int i, nr, ret, inside = 0;
	char what[200];

	if (!check(v, sw_msi_window(v, &start, &end),
		   "map_msi: no msi region in /sys/kernel/iommu_groups/%d/reserved_regions",
		   v->group))
		return;
	vmm_info("map_msi: SW_MSI window %#llx-%#llx (/sys/kernel/iommu_groups/%d/reserved_regions)\n",
		 (unsigned long long)start, (unsigned long long)end, v->group);
	nr = be_ranges(v, ranges, 16);
	for (i = 0; i < nr; i++)
		if (ranges[i][0] <= end && ranges[i][1] >= start)
			inside = 1;
	if (check(v, nr > 0 && !inside,
		  "map_msi: the window is not reserved in the %s IOVA ranges (%d ranges)",
		  v->be == BE_TYPE1 ? "type1" : "IOAS", nr))
		vmm_info("map_msi: %s: %d allowed IOVA ranges, the window excluded (%#llx-%#llx, %#llx-%#llx, ...)\n",
			 v->be == BE_TYPE1 ? "VFIO_IOMMU_GET_INFO IOVA_RANGE" :
			 "IOMMU_IOAS_IOVA_RANGES", nr,
			 (unsigned long long)ranges[0][0],
			 (unsigned long long)ranges[0][1],
			 (unsigned long long)ranges[nr > 1][0],
			 (unsigned long long)ranges[nr > 1][1]);

	v->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (v->efd < 0)
		die("eventfd: %s", strerror(errno));
	ret = set_eventfd(v, v->efd);
	if (!check(v, !ret, "VFIO_DEVICE_SET_IRQS eventfd: %s", strerror(-ret)))
		return;
	addr = rd(v, TDV_REG_MSI_ADDR);
	if (rd(v, TDV_REG_CAPS) & TDV_CAPS_MSI) {
		check(v, addr >= start && addr <= end,
		      "map_msi: MSI address %#llx not in the SW_MSI window",
		      (unsigned long long)addr);
		vmm_info("map_msi: eventfd set; the device's MSI: address %#llx (an IOVA in the SW_MSI window), data %#llx\n",
			 (unsigned long long)addr,
			 (unsigned long long)rd(v, TDV_REG_MSI_DATA));
	} else {
		vmm_info("map_msi: eventfd set; the device has no MSI (no msi-parent): signalled directly\n");
	}

	/* Completion */
	wr(v, TDV_REG_IRQ_STATUS, ~0ULL);
	count0 = rd(v, TDV_REG_IRQ_COUNT);
	dma(v, TDV_OP_COPY, GUEST_IOVA + SRC_OFF, GUEST_IOVA + DST_OFF,
	    COPY_LEN, 0, &o);
	n = wait_eventfd(v->efd, 5000);
	st = rd(v, TDV_REG_IRQ_STATUS);
	pa = rd(v, TDV_REG_MSI_PA);
	check(v, o.status == TDV_STATUS_DONE, "copy with the interrupt: status %llu",
	      (unsigned long long)o.status);
	check(v, n >= 1, "no completion interrupt in 5 s (IRQ_COUNT %llu, MSI_ERRORS %llu)",
	      (unsigned long long)rd(v, TDV_REG_IRQ_COUNT),
	      (unsigned long long)rd(v, TDV_REG_MSI_ERRORS));
	check(v, st == TDV_IRQ_DONE, "IRQ_STATUS %#llx, expected DONE only",
	      (unsigned long long)st);
	check(v, rd(v, TDV_REG_IRQ_COUNT) == count0 + 1, "IRQ_COUNT %llu, expected %llu",
	      (unsigned long long)rd(v, TDV_REG_IRQ_COUNT),
	      (unsigned long long)count0 + 1);
	if (n >= 1)
		vmm_info("interrupt: completion -> eventfd (count %llu), IRQ_STATUS %#llx\n",
			 (unsigned long long)n, (unsigned long long)st);
	if (rd(v, TDV_REG_CAPS) & TDV_CAPS_MSI) {
		db = its_doorbell();
		check(v, rd(v, TDV_REG_MSI_ERRORS) == 0, "MSI_ERRORS %llu",
		      (unsigned long long)rd(v, TDV_REG_MSI_ERRORS));
		check(v, pa && (!db || pa == db),
		      "the MSI write went to PA %#llx, the ITS doorbell is %#llx",
		      (unsigned long long)pa, (unsigned long long)db);
		vmm_info("interrupt: the device wrote the MSI to iova %#llx -> pa %#llx (GITS_TRANSLATER %#llx) through the SMMU\n",
			 (unsigned long long)addr, (unsigned long long)pa,
			 (unsigned long long)db);
	}
	wr(v, TDV_REG_IRQ_STATUS, st);
	check(v, rd(v, TDV_REG_IRQ_STATUS) == 0, "IRQ_STATUS not cleared by W1C");

	/* Error: the hole */
	dma(v, TDV_OP_FILL, 0, GUEST_IOVA + HOLE_OFF, 0x1000, 0x77, &o);
	n = wait_eventfd(v->efd, 5000);
	st = rd(v, TDV_REG_IRQ_STATUS);
	describe(&o, what, sizeof(what));
	check(v, o.status == TDV_STATUS_ERROR && o.fault_iova == GUEST_IOVA + HOLE_OFF,
	      "DMA to the hole: %s", what);
	if (check(v, n >= 1 && (st & TDV_IRQ_ERROR),
		  "error interrupt: eventfd %llu, IRQ_STATUS %#llx",
		  (unsigned long long)n, (unsigned long long)st))
		vmm_info("interrupt: error -> eventfd (count %llu), IRQ_STATUS %#llx: %s\n",
			 (unsigned long long)n, (unsigned long long)st, what);
	wr(v, TDV_REG_IRQ_STATUS, st);

	/* Disabled: no interrupt */
	ret = irq_off(v);
	check(v, !ret, "SET_IRQS count 0 (disable): %s", strerror(-ret));
	count0 = rd(v, TDV_REG_IRQ_COUNT);
	dma(v, TDV_OP_FILL, 0, GUEST_IOVA + SCR_OFF, 0x1000, 0x11, &o);
	n = wait_eventfd(v->efd, 300);
	if (check(v, !n && rd(v, TDV_REG_IRQ_COUNT) == count0 &&
		  rd(v, TDV_REG_MSI_ADDR) == 0,
		  "interrupt disabled: eventfd %llu, IRQ_COUNT %llu -> %llu, MSI address %#llx",
		  (unsigned long long)n, (unsigned long long)count0,
		  (unsigned long long)rd(v, TDV_REG_IRQ_COUNT),
		  (unsigned long long)rd(v, TDV_REG_MSI_ADDR)))
		vmm_info("interrupt: disabled (SET_IRQS count 0): a DMA raises none, the MSI is freed\n");
	wr(v, TDV_REG_IRQ_STATUS, ~0ULL);
	close(v->efd);
}

static void step_reset(struct vmm *v)
{
	int ret = ioctl(v->dev, VFIO_DEVICE_RESET) ? -errno : 0;

	check(v, !ret, "VFIO_DEVICE_RESET: %s", strerror(-ret));
	if (check(v, rd(v, TDV_REG_STATUS) == TDV_STATUS_IDLE &&
		  rd(v, TDV_REG_LEN) == 0 && rd(v, TDV_REG_IRQ_STATUS) == 0,
		  "after reset: status %llu, LEN %llu",
		  (unsigned long long)rd(v, TDV_REG_STATUS),
		  (unsigned long long)rd(v, TDV_REG_LEN)))
		vmm_info("reset: VFIO_DEVICE_RESET: registers back to idle\n");
}

/* The closing line of a command ("MODE[ WHAT]: N checks, ..."); its status */
static int vmm_done(struct vmm *v, const char *what)
{
	vmm_info("%s%s%s: %d checks, %s\n", v->mode, *what ? " " : "", what,
		 v->checks, v->failed ? "FAILED" : "all passed");
	return v->failed;
}

static int cmd_run(struct vmm *v)
{
	be_open(v);
	guest_map(v);
	step_copy(v);
	step_unmap(v);
	step_msi(v);
	step_reset(v);
	unmap_all(v, 1);
	be_close(v);
	return vmm_done(v, "");
}

/* Only the interrupts: map_dma, a hole, map_msi */
static int cmd_irq(struct vmm *v)
{
	int ret;

	be_open(v);
	guest_map(v);
	ret = be_unmap(v, GUEST_IOVA + HOLE_OFF, SCR_PIECE);
	if (ret)
		die("unmap_dma: %s", strerror(-ret));
	vmm_info("unmap_dma: %lu bytes at iova %#llx\n", SCR_PIECE,
		 GUEST_IOVA + HOLE_OFF);
	step_msi(v);
	unmap_all(v, 1);
	be_close(v);
	return vmm_done(v, "irq");
}

/*
 * Read the dirty bitmap (@flags: 0 or IOMMU_HWPT_GET_DIRTY_BITMAP_NO_CLEAR)
 * and check that it holds exactly the scratch-area pages @want[0..@n);
 * returns the number of dirty pages
 */
static unsigned long dirty_read(struct vmm *v,
				struct iommu_hwpt_get_dirty_bitmap *get,
				__u64 *bitmap, __u32 flags,
				const unsigned long *want, unsigned int n,
				const char *what)
{
	unsigned long npages = RAM_SIZE / PG, i, ndirty = 0;
	unsigned int j;

	memset(bitmap, 0, npages / 8);
	get->flags = flags;
	if (ioctl(v->iommufd, IOMMU_HWPT_GET_DIRTY_BITMAP, get))
		die("IOMMU_HWPT_GET_DIRTY_BITMAP: %s", strerror(errno));
	for (i = 0; i < npages; i++) {
		int dirty = bitmap[i / 64] >> (i % 64) & 1, w = 0;

		for (j = 0; j < n; j++)
			if (i == SCR_OFF / PG + want[j])
				w = 1;
		ndirty += dirty;
		check(v, dirty == w, "%s: page iova %#llx %s", what,
		      GUEST_IOVA + i * PG,
		      w ? "written but not dirty" : "dirty but not written");
	}
	return ndirty;
}

/* Dirty tracking: exactly the pages the device wrote */
static int cmd_dirty(struct vmm *v)
{
	static const unsigned long wrote[] = { 0, 3, 4, 17, 200, 511 };
	static const unsigned long again[] = { 0, 200 };
	struct iommu_hwpt_set_dirty_tracking on = {
		.size = sizeof(on),
		.flags = IOMMU_HWPT_DIRTY_TRACKING_ENABLE,
	};
	unsigned long npages = RAM_SIZE / PG, i, j, ndirty = 0;
	struct iommu_hwpt_get_dirty_bitmap get = {
		.size = sizeof(get),
		.iova = GUEST_IOVA,
		.length = RAM_SIZE,
		.page_size = PG,
	};
	__u64 *bitmap = calloc(npages / 64, sizeof(__u64));
	struct outcome o;
	char list[512] = "";

	if (v->be != BE_IOMMUFD || !(v->hwpt_flags & IOMMU_HWPT_ALLOC_DIRTY_TRACKING))
		die("dirty needs --dirty");
	be_open(v);
	guest_map(v);
	on.hwpt_id = v->hwpt;
	if (ioctl(v->iommufd, IOMMU_HWPT_SET_DIRTY_TRACKING, &on))
		die("IOMMU_HWPT_SET_DIRTY_TRACKING enable: %s", strerror(errno));
	get.hwpt_id = v->hwpt;
	get.data = (uintptr_t)bitmap;
	/* Whatever was dirty before: read and cleared */
	if (ioctl(v->iommufd, IOMMU_HWPT_GET_DIRTY_BITMAP, &get))
		die("IOMMU_HWPT_GET_DIRTY_BITMAP: %s", strerror(errno));
	vmm_info("dirty: tracking enabled on hwpt %u\n", v->hwpt);
	/* Pages of the scratch area: 3 and 4 by one fill across both */
	for (i = 0; i < ARRAY_SIZE(wrote); i++) {
		if (wrote[i] == 4)
			continue;
		dma(v, TDV_OP_FILL, 0, GUEST_IOVA + SCR_OFF + wrote[i] * PG +
		    (wrote[i] == 3 ? PG - 16 : 0),
		    wrote[i] == 3 ? 32 : PG, 0x42, &o);
		check(v, o.status == TDV_STATUS_DONE, "fill of page %lu: status %llu",
		      wrote[i], (unsigned long long)o.status);
		snprintf(list + strlen(list), sizeof(list) - strlen(list),
			 "%s%#llx", i ? " " : "",
			 GUEST_IOVA + SCR_OFF + wrote[i] * PG);
	}
	/* Reads mark nothing */
	dma(v, TDV_OP_SUM, GUEST_IOVA + SCR_OFF + 100 * PG, 0, 8 * PG, 0, &o);
	dma(v, TDV_OP_SUM, GUEST_IOVA + SRC_OFF, 0, COPY_LEN, 0, &o);
	vmm_info("dirty: the device wrote pages %s (3 and 4 by one 32-byte fill across them) and read 264 others\n",
		 list);
	memset(bitmap, 0, npages / 8);
	if (ioctl(v->iommufd, IOMMU_HWPT_GET_DIRTY_BITMAP, &get))
		die("IOMMU_HWPT_GET_DIRTY_BITMAP: %s", strerror(errno));
	for (i = 0; i < npages; i++) {
		int want = 0;

		for (j = 0; j < ARRAY_SIZE(wrote); j++)
			if (i == SCR_OFF / PG + wrote[j])
				want = 1;
		if (bitmap[i / 64] >> (i % 64) & 1)
			ndirty++;
		check(v, !!(bitmap[i / 64] >> (i % 64) & 1) == want,
		      "dirty bitmap: page iova %#llx %s", GUEST_IOVA + i * PG,
		      want ? "written but not dirty" : "dirty but not written");
	}
	vmm_info("dirty: IOMMU_HWPT_GET_DIRTY_BITMAP: %lu dirty pages\n", ndirty);
	memset(bitmap, 0, npages / 8);
	if (ioctl(v->iommufd, IOMMU_HWPT_GET_DIRTY_BITMAP, &get))
		die("IOMMU_HWPT_GET_DIRTY_BITMAP: %s", strerror(errno));
	for (i = 0, ndirty = 0; i < npages; i++)
		ndirty += bitmap[i / 64] >> (i % 64) & 1;
	if (check(v, !ndirty, "second read: %lu dirty pages, expected none", ndirty))
		vmm_info("dirty: second read: no dirty page\n");
	/*
	 * Pages made clean again are tracked again: the device writes two of
	 * them once more.  The SMMU may have cached them writable; unless
	 * the clear invalidated those TLB entries, the writes would go
	 * through without making the pages dirty.
	 */
	for (i = 0; i < ARRAY_SIZE(again); i++) {
		dma(v, TDV_OP_FILL, 0, GUEST_IOVA + SCR_OFF + again[i] * PG,
		    64, 0x43, &o);
		check(v, o.status == TDV_STATUS_DONE,
		      "second fill of page %lu: status %llu", again[i],
		      (unsigned long long)o.status);
	}
	ndirty = dirty_read(v, &get, bitmap, IOMMU_HWPT_GET_DIRTY_BITMAP_NO_CLEAR,
			    again, ARRAY_SIZE(again), "third read (no clear)");
	vmm_info("dirty: pages 0 and 200 written again: third read (NO_CLEAR): %lu dirty pages\n",
		 ndirty);
	ndirty = dirty_read(v, &get, bitmap, 0, again, ARRAY_SIZE(again),
			    "fourth read");
	vmm_info("dirty: fourth read: %lu dirty pages (NO_CLEAR left them)\n",
		 ndirty);
	ndirty = dirty_read(v, &get, bitmap, 0, NULL, 0, "fifth read");
	check(v, !ndirty, "fifth read: %lu dirty pages, expected none", ndirty);
	on.flags = 0;
	if (ioctl(v->iommufd, IOMMU_HWPT_SET_DIRTY_TRACKING, &on))
		check(v, 0, "IOMMU_HWPT_SET_DIRTY_TRACKING disable: %s",
		      strerror(errno));
	unmap_all(v, 0);
	be_close(v);
	free(bitmap);
	return vmm_done(v, "");
}

/* expect: a call that must fail with @want */
static void refusal(struct vmm *v, int ret, int want, const char *what)
{
	if (check(v, ret == -want, "%s: %s, expected %s", what,
		  ret ? strerror(-ret) : "accepted", strerror(want)))
		vmm_info("refused: %s: %s\n", what, strerror(want));
}

/* One op with the interrupt set: the eventfd count it gave, 0 for none */
static __u64 op_irq(struct vmm *v, struct outcome *o)
{
	dma(v, TDV_OP_FILL, 0, GUEST_IOVA + SCR_OFF, PG, 0x21, o);
	return wait_eventfd(v->efd, o->status == TDV_STATUS_DONE ? 5000 : 300);
}

static int attach_pt(struct vmm *v, __u32 pt_id)
{
	struct vfio_device_attach_iommufd_pt a = {
		.argsz = sizeof(a),
		.pt_id = pt_id,
	};

	return ioctl(v->dev, VFIO_DEVICE_ATTACH_IOMMUFD_PT, &a) ? -errno : 0;
}

/*
 * iommufd: the interrupt across a new attachment (replace), a detach
 * (the device's DMA aborts, its MSI is gone) and an attach again
 */
static void attach_cycle(struct vmm *v)
{
	struct vfio_device_detach_iommufd_pt d = { .argsz = sizeof(d) };
	__u32 pt = v->hwpt ? v->hwpt : v->ioas;
	__u64 n, errs;
	struct outcome o;

	v->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	check(v, !set_eventfd(v, v->efd), "reattach: SET_IRQS eventfd");
	check(v, !attach_pt(v, pt), "reattach: ATTACH_IOMMUFD_PT again: %s",
	      strerror(errno));
	n = op_irq(v, &o);
	check(v, o.status == TDV_STATUS_DONE && n == 1,
	      "after an attach with the interrupt set: status %llu, eventfd %llu",
	      (unsigned long long)o.status, (unsigned long long)n);
	check(v, !ioctl(v->dev, VFIO_DEVICE_DETACH_IOMMUFD_PT, &d),
	      "DETACH_IOMMUFD_PT: %s", strerror(errno));
	errs = rd(v, TDV_REG_MSI_ERRORS);
	n = op_irq(v, &o);
	check(v, o.status == TDV_STATUS_ERROR && o.err == TDV_ERR_ABORT && !n &&
	      rd(v, TDV_REG_MSI_ADDR) == 0 &&
	      rd(v, TDV_REG_MSI_ERRORS) == errs + 1,
	      "detached: status %llu error %s, eventfd %llu, MSI address %#llx",
	      (unsigned long long)o.status, err_name(o.err),
	      (unsigned long long)n,
	      (unsigned long long)rd(v, TDV_REG_MSI_ADDR));
	check(v, !attach_pt(v, pt), "ATTACH_IOMMUFD_PT after the detach: %s",
	      strerror(errno));
	n = op_irq(v, &o);
	if (check(v, o.status == TDV_STATUS_DONE && n == 1,
		  "attached again: status %llu, eventfd %llu",
		  (unsigned long long)o.status, (unsigned long long)n))
		vmm_info("reattach: the interrupt across an attach (replace), a detach (DMA aborted, MSI freed: lost) and an attach again\n");
	check(v, !irq_off(v), "reattach: SET_IRQS off");
	close(v->efd);
}

static int set_irqs_raw(struct vmm *v, __u32 flags, __u32 index, __u32 start,
			__u32 count, __s32 fd)
{
	char buf[sizeof(struct vfio_irq_set) + 2 * sizeof(__s32)];
	struct vfio_irq_set *s = (void *)buf;

	s->argsz = sizeof(buf);
	s->flags = flags;
	s->index = index;
	s->start = start;
	s->count = count;
	memcpy(s->data, &fd, sizeof(fd));
	memcpy(s->data + sizeof(fd), &fd, sizeof(fd));
	return ioctl(v->dev, VFIO_DEVICE_SET_IRQS, s) ? -errno : 0;
}

static void bad_args(struct vmm *v, unsigned int op, __u64 src, __u64 dst,
		     __u64 len, const char *what)
{
	struct outcome o;
	int ret;

	wr(v, TDV_REG_IRQ_STATUS, ~0ULL);
	ret = dma_start(v, op, src, dst, len, 0, 0);
	if (!check(v, !ret, "%s: GO refused: %s", what, strerror(-ret)))
		return;
	dma_wait(v, &o);
	if (check(v, o.status == TDV_STATUS_ERROR && o.err == TDV_ERR_BAD_ARGS &&
		  (rd(v, TDV_REG_IRQ_STATUS) & TDV_IRQ_ERROR),
		  "%s: status %llu error %s", what,
		  (unsigned long long)o.status, err_name(o.err)))
		vmm_info("device error: %s: status error, ERROR bad arguments, IRQ_STATUS error\n",
			 what);
}

static int cmd_abuse(struct vmm *v)
{
	struct vfio_region_info region = { .argsz = sizeof(region), .index = 1 };
	struct vfio_irq_info irq = { .argsz = sizeof(irq), .index = 1 };
	struct outcome o;
	__u32 val32 = 0;
	__u64 val;
	char path[64];
	int fd, ret, efd;

	be_open(v);
	guest_map(v);
	/* Accesses */
	ret = pread(v->dev, &val32, 4, v->reg_off + TDV_REG_STATUS) < 0 ? -errno : 0;
	refusal(v, ret, EINVAL, "a 4-byte register read");
	refusal(v, reg_read(v, 4, &val), EINVAL, "an unaligned register read");
	refusal(v, reg_read(v, TDV_REGION_SIZE, &val), EINVAL,
		"a read beyond region 0");
	refusal(v, reg_write(v, TDV_REG_ID, 1), EINVAL, "a write to ID (read-only)");
	refusal(v, reg_write(v, TDV_REG_STATUS, 0), EINVAL,
		"a write to STATUS (read-only)");
	refusal(v, reg_write(v, TDV_REG_CTRL, 1ULL << 40), EINVAL,
		"CTRL with a reserved bit");
	refusal(v, reg_write(v, TDV_REG_DELAY_US, TDV_MAX_DELAY_US + 1), EINVAL,
		"DELAY_US beyond its maximum");
	/* DMA parameters: the device reports them */
	bad_args(v, TDV_OP_FILL, 0, GUEST_IOVA, 0, "LEN 0");
	bad_args(v, TDV_OP_FILL, 0, GUEST_IOVA, TDV_MAX_LEN + 1, "LEN beyond 16 MiB");
	bad_args(v, TDV_OP_FILL, 0, GUEST_IOVA, ~0ULL, "LEN ~0");
	bad_args(v, TDV_OP_FILL, 0, ~0ULL - 100, 4096, "a range that wraps");
	bad_args(v, TDV_OP_COPY, ~0ULL - 100, GUEST_IOVA, 4096,
		 "a source range that wraps");
	bad_args(v, 0, GUEST_IOVA, GUEST_IOVA, 4096, "op 0");
	bad_args(v, 9, GUEST_IOVA, GUEST_IOVA, 4096, "op 9");
	/* Busy */
	ret = dma_start(v, TDV_OP_SUM, GUEST_IOVA, 0, COPY_LEN, 0, 20000);
	check(v, !ret, "a slow DMA: %s", strerror(-ret));
	refusal(v, reg_write(v, TDV_REG_CTRL, TDV_OP_SUM | TDV_CTRL_GO), EBUSY,
		"GO while the device is busy");
	ret = ioctl(v->dev, VFIO_DEVICE_RESET) ? -errno : 0;
	check(v, !ret, "VFIO_DEVICE_RESET while busy: %s", strerror(-ret));
	check(v, rd(v, TDV_REG_STATUS) == TDV_STATUS_IDLE,
	      "after a reset of a busy device: status %llu",
	      (unsigned long long)rd(v, TDV_REG_STATUS));
	vmm_info("reset: a running DMA stopped, the device idle\n");
	/* A DMA of the whole maximum, mostly unmapped: faults at the end of RAM */
	dma(v, TDV_OP_SUM, GUEST_IOVA, 0, TDV_MAX_LEN, 0, &o);
	check(v, o.status == TDV_STATUS_ERROR && o.fault_iova == GUEST_IOVA + RAM_SIZE,
	      "16 MiB read over 4 MiB of RAM: status %llu fault %#llx",
	      (unsigned long long)o.status, (unsigned long long)o.fault_iova);
	/* ioctls */
	refusal(v, ioctl(v->dev, VFIO_DEVICE_GET_REGION_INFO, &region) ? -errno : 0,
		EINVAL, "GET_REGION_INFO index 1");
	refusal(v, ioctl(v->dev, VFIO_DEVICE_GET_IRQ_INFO, &irq) ? -errno : 0,
		EINVAL, "GET_IRQ_INFO index 1");
	refusal(v, ioctl(v->dev, _IO(VFIO_TYPE, VFIO_BASE + 60)) ? -errno : 0,
		ENOTTY, "an unknown ioctl");
	efd = eventfd(0, EFD_CLOEXEC);
	refusal(v, set_irqs_raw(v, VFIO_IRQ_SET_DATA_EVENTFD |
				VFIO_IRQ_SET_ACTION_TRIGGER, 1, 0, 1, efd),
		EINVAL, "SET_IRQS index 1");
	refusal(v, set_irqs_raw(v, VFIO_IRQ_SET_DATA_EVENTFD |
				VFIO_IRQ_SET_ACTION_TRIGGER, 0, 0, 2, efd),
		EINVAL, "SET_IRQS count 2");
	refusal(v, set_irqs_raw(v, VFIO_IRQ_SET_DATA_NONE |
				VFIO_IRQ_SET_ACTION_MASK, 0, 0, 1, 0),
		EINVAL, "SET_IRQS ACTION_MASK (not maskable)");
	refusal(v, set_irqs_raw(v, VFIO_IRQ_SET_DATA_EVENTFD |
				VFIO_IRQ_SET_ACTION_TRIGGER, 0, 0, 0, efd),
		EINVAL, "SET_IRQS count 0 with DATA_EVENTFD");
	refusal(v, set_irqs_raw(v, VFIO_IRQ_SET_DATA_EVENTFD |
				VFIO_IRQ_SET_ACTION_TRIGGER, 0, 0, 1, -5),
		EINVAL, "SET_IRQS eventfd -5");
	refusal(v, set_irqs_raw(v, VFIO_IRQ_SET_DATA_EVENTFD |
				VFIO_IRQ_SET_ACTION_TRIGGER, 0, 0, 1, 1000),
		EBADF, "SET_IRQS eventfd 1000 (not open)");
	fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	refusal(v, set_irqs_raw(v, VFIO_IRQ_SET_DATA_EVENTFD |
				VFIO_IRQ_SET_ACTION_TRIGGER, 0, 0, 1, fd),
		EINVAL, "SET_IRQS with /dev/null, not an eventfd");
	close(fd);
	/* Set twice, loopback, off twice */
	check(v, !set_eventfd(v, efd) && !set_eventfd(v, efd),
	      "SET_IRQS eventfd twice");
	check(v, !set_irqs_raw(v, VFIO_IRQ_SET_DATA_NONE |
			       VFIO_IRQ_SET_ACTION_TRIGGER, 0, 0, 1, 0) &&
	      wait_eventfd(efd, 1000) == 1, "SET_IRQS DATA_NONE: no loopback signal");
	check(v, !irq_off(v) && !irq_off(v), "SET_IRQS off twice");
	close(efd);
	vmm_info("irqs: eventfd set twice, loopback trigger signalled, disabled twice\n");
	/* A second user of the group or the device */
	if (v->be == BE_TYPE1) {
		snprintf(path, sizeof(path), "/dev/vfio/%d", v->group);
		fd = open(path, O_RDWR);
		refusal(v, fd < 0 ? -errno : 0, EBUSY, "a second open of the group");
		if (fd >= 0)
			close(fd);
	} else {
		struct vfio_device_bind_iommufd bind = { .argsz = sizeof(bind) };

		attach_cycle(v);

		cdev_path(v, path, sizeof(path));
		fd = open(path, O_RDWR);
		bind.iommufd = v->iommufd;
		ret = fd < 0 ? -errno : 0;
		if (fd >= 0)
			ret = ioctl(fd, VFIO_DEVICE_BIND_IOMMUFD, &bind) ? -errno : 0;
		check(v, ret, "a second open and bind of the device cdev was accepted");
		vmm_info("refused: a second open and bind of the device cdev: %s\n",
			 strerror(-ret));
		if (fd >= 0)
			close(fd);
	}
	unmap_all(v, 0);
	be_close(v);
	return vmm_done(v, "abuse");
}

/* The device reads and writes @iova, a kernel-owned device's buffer */
static int cmd_isolation(struct vmm *v, __u64 iova)
{
	struct outcome o;
	char what[200];

	be_open(v);
	guest_map(v);
	dma(v, TDV_OP_SUM, iova, 0, PG, 0, &o);
	describe(&o, what, sizeof(what));
	vmm_info("isolation: the assigned device reads iova %#llx: %s\n",
		 (unsigned long long)iova, what);
	check(v, o.status == TDV_STATUS_ERROR && o.err == TDV_ERR_FAULT &&
	      o.fault_iova == iova &&
	      (o.fault_event & TDV_FAULT_EVENT_MASK) == 0x10,
	      "the assigned device's read of %#llx did not fault there",
	      (unsigned long long)iova);
	dma(v, TDV_OP_FILL, 0, iova, PG, 0x99, &o);
	describe(&o, what, sizeof(what));
	vmm_info("isolation: the assigned device writes iova %#llx: %s\n",
		 (unsigned long long)iova, what);
	check(v, o.status == TDV_STATUS_ERROR && o.err == TDV_ERR_FAULT &&
	      o.fault_iova == iova && (o.fault_event & TDV_FAULT_WRITE),
	      "the assigned device's write to %#llx did not fault there",
	      (unsigned long long)iova);
	unmap_all(v, 0);
	be_close(v);
	return v->failed;
}

/* Guest RAM the device patterns; then wait and check nothing else wrote */
static int cmd_hold(struct vmm *v, int seconds)
{
	struct outcome o;
	size_t i;

	struct timespec left = { .tv_sec = seconds };
	sigset_t usr1;

	/* SIGUSR1 ends the wait: blocked, then waited for */
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	be_open(v);
	guest_map(v);
	/* The interrupt stays set while the tool waits */
	v->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	check(v, v->efd >= 0 && !set_eventfd(v, v->efd), "hold: SET_IRQS eventfd");
	dma(v, TDV_OP_PATTERN, 0, GUEST_IOVA, RAM_SIZE, 0xabcd0000, &o);
	check(v, o.status == TDV_STATUS_DONE, "hold: pattern status %llu",
	      (unsigned long long)o.status);
	check(v, wait_eventfd(v->efd, 5000) == 1, "hold: no completion interrupt");
	vmm_info("hold: guest RAM iova %#llx-%#llx patterned by the device, completion interrupt received; waiting\n",
		 GUEST_IOVA, GUEST_IOVA + RAM_SIZE - 1);
	fflush(stdout);
	sigtimedwait(&usr1, NULL, &left);
	for (i = 0; i < RAM_SIZE; i += 8) {
		__u64 w;

		memcpy(&w, v->ram + i, 8);
		if (w != 0xabcd0000 + i)
			break;
	}
	if (check(v, i == RAM_SIZE, "hold: guest RAM changed at offset %#zx", i))
		vmm_info("hold: guest RAM intact (%lu bytes)\n", RAM_SIZE);
	check(v, !irq_off(v), "hold: SET_IRQS off");
	close(v->efd);
	unmap_all(v, 0);
	be_close(v);
	return v->failed;
}

/* Long DMAs back to back until killed or the device goes away */
static int cmd_spin(struct vmm *v)
{
	unsigned long n = 0;
	struct outcome o;
	int ret;

	be_open(v);
	guest_map(v);
	for (;;) {
		ret = dma_start(v, TDV_OP_COPY, GUEST_IOVA + SRC_OFF,
				GUEST_IOVA + DST_OFF, COPY_LEN, 0, 2000);
		if (ret) {
			vmm_info("spin: GO refused after %lu DMAs: %s; closing\n",
				 n, strerror(-ret));
			break;
		}
		if (!n++) {
			vmm_info("spin: DMA running (status %llu)\n",
				 (unsigned long long)rd(v, TDV_REG_STATUS));
			fflush(stdout);
		}
		dma_wait(v, &o);
	}
	be_close(v);
	return ret == -ENODEV ? 0 : 1;
}

/* Close the device file while a DMA runs */
static int cmd_close_mid(struct vmm *v)
{
	__u64 st, done;
	int ret;

	be_open(v);
	guest_map(v);
	ret = dma_start(v, TDV_OP_COPY, GUEST_IOVA + SRC_OFF,
			GUEST_IOVA + DST_OFF, COPY_LEN, 0, 20000);
	check(v, !ret, "GO: %s", strerror(-ret));
	usleep(100000);
	st = rd(v, TDV_REG_STATUS);
	done = rd(v, TDV_REG_DONE);
	check(v, st == TDV_STATUS_BUSY, "close-mid-dma: status %llu, not busy",
	      (unsigned long long)st);
	close(v->dev);
	vmm_info("close-mid-dma: device file closed with the DMA running (status busy, %llu of %lu bytes done)\n",
		 (unsigned long long)done, COPY_LEN);
	/* The rest: the mappings and the container/IOAS after the device */
	v->dev = -1;
	unmap_all(v, 0);
	if (v->be == BE_TYPE1) {
		close(v->groupfd);
		close(v->container);
	} else {
		close(v->iommufd);
	}
	return v->failed;
}

static void print_usage(void)
{
	vmm_info("usage: smmu3-vmm --type1|--iommufd|--nest-parent|--dirty DEVICE [run|irq|dirty|abuse|isolation IOVA|hold SECONDS|spin|close-mid-dma]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	struct vmm v = { .dev = -1, .efd = -1 };
	const char *cmd;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 3)
		print_usage();
	v.mode = argv[1] + 2;
	if (!strcmp(argv[1], "--type1")) {
		v.be = BE_TYPE1;
	} else if (!strcmp(argv[1], "--iommufd")) {
		v.be = BE_IOMMUFD;
	} else if (!strcmp(argv[1], "--nest-parent")) {
		v.be = BE_IOMMUFD;
		v.hwpt_flags = IOMMU_HWPT_ALLOC_NEST_PARENT;
	} else if (!strcmp(argv[1], "--dirty")) {
		v.be = BE_IOMMUFD;
		v.hwpt_flags = IOMMU_HWPT_ALLOC_DIRTY_TRACKING;
	} else {
		print_usage();
	}
	v.devname = argv[2];
	cmd = argc > 3 ? argv[3] : v.hwpt_flags & IOMMU_HWPT_ALLOC_DIRTY_TRACKING ?
	      "dirty" : "run";
	if (!strcmp(cmd, "run"))
		return cmd_run(&v);
	if (!strcmp(cmd, "dirty"))
		return cmd_dirty(&v);
	if (!strcmp(cmd, "irq"))
		return cmd_irq(&v);
	if (!strcmp(cmd, "abuse"))
		return cmd_abuse(&v);
	if (!strcmp(cmd, "isolation") && argc > 4)
		return cmd_isolation(&v, strtoull(argv[4], NULL, 0));
	if (!strcmp(cmd, "hold") && argc > 4)
		return cmd_hold(&v, atoi(argv[4]));
	if (!strcmp(cmd, "spin"))
		return cmd_spin(&v);
	if (!strcmp(cmd, "close-mid-dma"))
		return cmd_close_mid(&v);
	print_usage();
	return 2;
}
