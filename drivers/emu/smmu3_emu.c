// SPDX-License-Identifier: GPL-2.0-only
/*
 * smmu3_emu: the emulated SMMUv3 as a Linux platform device.
 *
 * The device model itself is the freestanding core (drivers/emu/core,
 * interface in core/smmu.h).  This file is its host:
 *
 * - memory: the core reads and writes guest physical memory through
 *   callbacks that accept only RAM of the kernel's linear map and access it
 *   with exception-table protected loads and stores;
 * - locking: one spinlock per instance serialises every call into the core;
 * - registers: a regmap whose reg_read/reg_write go into the core, found by
 *   the SMMU driver with dev_get_regmap() on this device;
 * - interrupts: an irq domain on the device's node; the core's interrupt
 *   pulses are latched and delivered from irq_work;
 * - the command queue: consumed in the register write that publishes
 *   commands, up to a budget; the rest in a work item, a budget per lock
 *   hold, as hardware consumes its queue in the background;
 * - the DMA port: exported functions through which a client device reads
 *   and writes memory as an SMMU client would;
 * - statistics and the register file in debugfs.
 *
 * Documentation/emulator.rst, "The kernel module", describes the design.
 */
#include <linux/atomic.h>
#include <linux/bitfield.h>
#include <linux/bitops.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/irq.h>
#include <linux/irq_work.h>
#include <linux/irqdomain.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/regmap.h>
#include <linux/seq_file.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>
#include <kunit/visibility.h>

#include <smmu3/smmu3-arch.h>
#include <smmu3/smmu3-emu.h>
#include "core/smmu.h"
/* s3e_gerror_raise(), for the "gerror" debugfs file */
#include "core/smmu-int.h"
#include "smmu3_emu_kunit.h"
#include "smmu3_emu_msi.h"
#include "smmu3_emu_trace.h"

static_assert(SMMU3_EMU_IRQ_EVENTQ == S3E_IRQ_EVTQ);
static_assert(SMMU3_EMU_IRQ_PRIQ == S3E_IRQ_PRIQ);
static_assert(SMMU3_EMU_IRQ_CMDQ_SYNC == S3E_IRQ_CMDQ_SYNC);
static_assert(SMMU3_EMU_IRQ_GERROR == S3E_IRQ_GERROR);
static_assert(SMMU3_EMU_NR_IRQS == S3E_IRQ_NR);
static_assert(SMMU3_EMU_NO_SSID == S3E_NO_SSID);

#define SMMU3_EMU_DMA_FLAGS	(SMMU3_EMU_DMA_WRITE | SMMU3_EMU_DMA_EXEC | \
				 SMMU3_EMU_DMA_PRIV)

/*
 * A DMA port transfer is cut into transactions that do not cross a 4KB
 * boundary of the input address (as a bus burst cannot); each one is
 * translated on its own, with the instance lock dropped in between.
 */
#define SMMU3_EMU_TXN_SIZE	SZ_4K

/*
 * Commands consumed per lock hold (with interrupts off) unless the device
 * tree says otherwise: a Linux batch of 32 commands and its CMD_SYNC
 * completes inside the register write that publishes it.
 */
#define SMMU3_EMU_CMDQ_BUDGET	64

/*
 * Strict mode (s3e_smmu_config.strict) of the instances that the device
 * tree does not set with "smmu3,strict"; read at probe.
 */
static bool strict = true;
module_param(strict, bool, 0444);
MODULE_PARM_DESC(strict,
		 "strict mode of instances without smmu3,strict: invalidations complete only at the next CMD_SYNC (default: on)");

/**
 * struct smmu3_emu - one emulated SMMUv3
 * @ref: references: the bound device holds one, each smmu3_emu_get()
 *	one more; the structure outlives the device binding until the last
 *	smmu3_emu_put()
 * @dev: the platform device (a reference is held)
 * @np: its device tree node (a reference is held)
 * @list: entry in smmu3_emu_instances while bound, under smmu3_emu_mutex
 * @lock: serialises every call into @core, and protects @core itself and
 *	the glue counters below.  Always taken with spin_lock_irqsave():
 *	register accesses (regmap, possibly from a consumer's hard interrupt
 *	handler) and DMA port calls may come from any context but NMI.
 *	Nothing under it sleeps or allocates; the core's host callbacks run
 *	under it, so the interrupt callback only latches and queues irq_work.
 * @core: the device model; NULL once the device is unbound, after which
 *	every entry point returns -ENODEV
 * @cfg: configuration read from the device tree
 * @creating: set while s3e_smmu_create() runs (process context, no lock):
 *	the only time the core may allocate
 * @domain: irq domain of the interrupt lines S3E_IRQ_*
 * @irq_work: delivers latched interrupts
 * @irq_pending: lines pulsed by the core and not delivered yet
 * @irq_masked: lines masked by genirq (all, until a consumer starts one)
 * @irq_delivered: interrupts handed to genirq, per line
 * @irq_unmapped: pulses dropped because no consumer had mapped the line
 * @cmdq_work: consumes what the command queue's budget left over
 * @cmdq_deferred: budgets of commands consumed after the write that
 *	published them (by @cmdq_work or by a register read)
 * @dma_calls: smmu3_emu_dma() transfers
 * @dma_bytes: bytes those moved
 * @mem_refused: host memory accesses refused (not RAM, or faulted)
 * @msi: the GICv3 ITS doorbells MSIs are delivered to (smmu3_emu_msi.c)
 * @debugfs: smmu3_emu/<device name> in debugfs
 * @ste_sid: StreamID that the debugfs file "ste" shows (written there)
 */
struct smmu3_emu {
	struct kref ref;
	struct device *dev;
	struct device_node *np;
	struct list_head list;
	spinlock_t lock; /* serialises the core; see the kernel-doc above */
	struct s3e_smmu *core;
	struct s3e_smmu_config cfg;
	bool creating;

	struct irq_domain *domain;
	struct irq_work irq_work;
	unsigned long irq_pending;
	unsigned long irq_masked;
	atomic_long_t irq_delivered[S3E_IRQ_NR];
	atomic_long_t irq_unmapped[S3E_IRQ_NR];

	struct work_struct cmdq_work;
	u64 cmdq_deferred;

	u64 dma_calls;
	u64 dma_bytes;
	u64 mem_refused;
	struct smmu3_emu_msi *msi;

	struct dentry *debugfs;
	u32 ste_sid;
};

/* Bound instances, for smmu3_emu_get() */
static LIST_HEAD(smmu3_emu_instances);
static DEFINE_MUTEX(smmu3_emu_mutex); /* protects smmu3_emu_instances */

static struct dentry *smmu3_emu_debugfs_root;

/* ------------------------------------------------------------------------
 * Host services: guest physical memory
 *
 * The emulated SMMU reaches memory by physical address, as the real one
 * does, and the addresses come from whatever the driver (or a bug in it)
 * wrote into registers and tables.  A page is accessed only if it is RAM
 * in the kernel's linear map: a valid pfn that memblock knows as memory
 * and that is not NOMAP (pfn_is_map_memory() on arm64; page_is_ram()
 * elsewhere).  DMA-coherent allocations, CMA and the atomic pools are all
 * such RAM.  Even then the access uses the exception-table protected
 * nofault accessors, so that a page removed from the linear map or mapped
 * read-only there (secretmem, rodata, read-only module text with
 * rodata=full) fails the access instead of oopsing.  These accessors are
 * not KASAN-instrumented, like a real device's DMA.
 */

static bool smmu3_emu_pfn_is_ram(unsigned long pfn)
{
	if (!pfn_valid(pfn))
		return false;
#ifdef CONFIG_ARM64
	return pfn_is_map_memory(pfn);
#else
	return page_is_ram(pfn);
#endif
}

static bool smmu3_emu_range_is_ram(u64 pa, u64 len)
{
	unsigned long pfn, last;

	if (!len || pa + len - 1 < pa || pa + len - 1 > PHYS_ADDR_MAX)
		return false;
	last = PHYS_PFN(pa + len - 1);
	for (pfn = PHYS_PFN(pa); pfn <= last; pfn++)
		if (!smmu3_emu_pfn_is_ram(pfn))
			return false;
	return true;
}

static int smmu3_emu_copy_from_ram(void *dst, u64 pa, size_t len)
{
	if (!smmu3_emu_range_is_ram(pa, len))
		return -EFAULT;
	/* 8-byte aligned ranges are read with 64-bit single-copy-atomic loads */
	return copy_from_kernel_nofault(dst, phys_to_virt(pa), len) ? -EFAULT : 0;
}

static int smmu3_emu_copy_to_ram(u64 pa, const void *src, size_t len)
{
	bool wide = IS_ENABLED(CONFIG_HAVE_EFFICIENT_UNALIGNED_ACCESS) ||
		    !(((unsigned long)src | pa) & 7);
	u8 *dst;

	if (!smmu3_emu_range_is_ram(pa, len))
		return -EFAULT;
	/* copy_to_kernel_nofault() is not exported: the same loop */
	dst = phys_to_virt(pa);
	pagefault_disable();
	while (wide && len >= sizeof(u64)) {
		__put_kernel_nofault(dst, src, u64, fault);
		dst += sizeof(u64);
		src += sizeof(u64);
		len -= sizeof(u64);
	}
	while (len) {
		__put_kernel_nofault(dst, src, u8, fault);
		dst++;
		src++;
		len--;
	}
	pagefault_enable();
	return 0;
fault:
	pagefault_enable();
	return -EFAULT;
}

static int smmu3_emu_host_read(void *ctx, s3e_u64 pa, void *buf,
			       unsigned long len)
{
	struct smmu3_emu *emu = ctx;
	int ret = smmu3_emu_copy_from_ram(buf, pa, len);

	if (ret)
		emu->mem_refused++;
	return ret;
}

static int smmu3_emu_host_write(void *ctx, s3e_u64 pa, const void *buf,
				unsigned long len)
{
	struct smmu3_emu *emu = ctx;
	int ret = smmu3_emu_copy_to_ram(pa, buf, len);

	/* Not RAM: an MSI to an ITS doorbell, or refused */
	if (ret && smmu3_emu_msi_deliver(emu->msi, pa, buf, len))
		return 0;
	if (ret)
		emu->mem_refused++;
	return ret;
}

/*
 * Hardware access flag update.  There is no nofault compare-and-swap, so
 * beyond the RAM check: the descriptor must be readable (a nofault load
 * first) and its page not reserved (the kernel image, whose linear alias
 * is read-only, and firmware-reserved memory).  What remains unguarded is
 * a descriptor in an allocated page whose linear alias was made read-only
 * (module text with rodata=full): only a stage-1/2 table placed there with
 * CD.HA/STE.S2HA set and AF clear would reach it.
 */
static int smmu3_emu_host_cmpxchg64(void *ctx, s3e_u64 pa, s3e_u64 old,
				    s3e_u64 newval)
{
	struct smmu3_emu *emu = ctx;
	u64 expect = (__force u64)cpu_to_le64(old);
	u64 *p, cur;

	if (!IS_ALIGNED(pa, 8) || !smmu3_emu_range_is_ram(pa, 8) ||
	    PageReserved(pfn_to_page(PHYS_PFN(pa))))
		goto refuse;
	p = phys_to_virt(pa);
	if (copy_from_kernel_nofault(&cur, p, sizeof(cur)))
		goto refuse;
	/* raw_: not KASAN-instrumented, like the accesses above */
	cur = raw_cmpxchg64(p, expect, (__force u64)cpu_to_le64(newval));
	return cur == expect ? 0 : 1;
refuse:
	emu->mem_refused++;
	return -EFAULT;
}

/*
 * The core allocates only in s3e_smmu_create(), called from probe without
 * the lock.  Should it ever allocate under the lock, GFP_ATOMIC keeps the
 * kernel from sleeping in atomic context.
 */
static void *smmu3_emu_host_alloc(void *ctx, unsigned long size)
{
	struct smmu3_emu *emu = ctx;

	if (emu->creating)
		return kvzalloc(size, GFP_KERNEL);
	return kzalloc(size, GFP_ATOMIC | __GFP_NOWARN);
}

/* Called from s3e_smmu_destroy() only, outside the lock (vfree may sleep) */
static void smmu3_emu_host_free(void *ctx, void *p)
{
	kvfree(p);
}

/* ------------------------------------------------------------------------
 * Interrupt controller
 *
 * Lines 0..3 are S3E_IRQ_* (SMMU3_EMU_IRQ_*), edge-triggered.  The core
 * pulses a line from inside a register write or a translation, with the
 * instance lock held: the pulse is latched in @irq_pending and irq_work
 * delivers it to genirq (handle_edge_irq) once the lock is dropped.  A
 * masked line keeps its edge latched until it is unmasked, like a GIC's
 * pending state; irq_retrigger latches a new edge (genirq's resend).
 */

static void smmu3_emu_irq_work(struct irq_work *work)
{
	struct smmu3_emu *emu = container_of(work, struct smmu3_emu, irq_work);
	unsigned int line;

	for (line = 0; line < S3E_IRQ_NR; line++) {
		if (test_bit(line, &emu->irq_masked) ||
		    !test_and_clear_bit(line, &emu->irq_pending))
			continue;
		if (generic_handle_domain_irq_safe(emu->domain, line))
			atomic_long_inc(&emu->irq_unmapped[line]);
		else
			atomic_long_inc(&emu->irq_delivered[line]);
	}
}

/* s3e_host.irq: called with emu->lock held */
static void smmu3_emu_host_irq(void *ctx, unsigned int line)
{
	struct smmu3_emu *emu = ctx;

	if (line >= S3E_IRQ_NR)
		return;
	set_bit(line, &emu->irq_pending);
	irq_work_queue(&emu->irq_work);
}

/*
 * s3e_host.sev: a WFE wake-up event to the PEs, as SMMU_IDR0.SEV promises
 * (IHI 0070 §4.7.3 CMD_SYNC SIG_SEV, §4.1.2 queue no longer full)
 */
static void smmu3_emu_host_sev(void *ctx)
{
#ifdef CONFIG_ARM64
	sev();
#endif
}

/* Checker classes (S3E_CHK_*), for debugfs and messages */
static const char * const smmu3_emu_chk_names[S3E_CHK_NR_CLASSES] = {
	[S3E_CHK_LIVE_TORN]	= "live_torn",
	[S3E_CHK_CFG_STALE]	= "cfg_stale",
	[S3E_CHK_TLB_STALE]	= "tlb_stale",
	[S3E_CHK_WALK_FREED]	= "walk_freed",
	[S3E_CHK_QUEUE]		= "queue",
};

static const char *smmu3_emu_cmd_name(unsigned int op);

/* What a class 5 report (S3E_CHK_Q_*) found */
static const char *smmu3_emu_chk_queue_what(unsigned int detail)
{
	switch (detail) {
	case S3E_CHK_Q_CMDQ_PROD:
		return "CMDQ_PROD more than the queue size ahead of CMDQ_CONS";
	case S3E_CHK_Q_CMDQ_BASE:
		return "CMDQ_BASE written while CMDQEN = 1";
	case S3E_CHK_Q_CMDQ_CONS:
		return "CMDQ_CONS written while CMDQEN = 1";
	case S3E_CHK_Q_EVTQ_BASE:
		return "EVENTQ_BASE written while EVENTQEN = 1";
	case S3E_CHK_Q_EVTQ_PROD:
		return "EVENTQ_PROD written while EVENTQEN = 1";
	case S3E_CHK_Q_EVTQ_CONS:
		return "EVENTQ_CONS moved past EVENTQ_PROD";
	}
	return "?";
}

/*
 * s3e_host.report: a checker report (strict mode), called with emu->lock
 * held; the counters and the last reports are in debugfs "checker"
 */
static void smmu3_emu_host_report(void *ctx, const struct s3e_chk_report *r)
{
	struct smmu3_emu *emu = ctx;

	trace_smmu3_emu_checker(emu->dev, r);
	if (r->cls == S3E_CHK_QUEUE) {
		dev_warn_ratelimited(emu->dev,
				     "checker: class %u %s: %s, queue base %#llx, value %#llx\n",
				     r->cls, smmu3_emu_chk_names[r->cls],
				     smmu3_emu_chk_queue_what(r->detail),
				     (u64)r->addr, (u64)r->value);
		return;
	}
	if (r->cls == S3E_CHK_LIVE_TORN) {
		dev_warn_ratelimited(emu->dev,
				     "checker: class %u %s: SID %#x SSID %#x addr %#llx: doublewords %#llx changed in used bits between two CMD_SYNCs (not hitless)\n",
				     r->cls, smmu3_emu_chk_names[r->cls], r->sid,
				     r->ssid, (u64)r->addr, (u64)r->value);
		return;
	}
	dev_warn_ratelimited(emu->dev,
			     "checker: class %u %s: SID %#x SSID %#x ASID %u VMID %u addr %#llx iova %#llx: no %s before CMD_SYNC\n",
			     r->cls, smmu3_emu_chk_names[r->cls], r->sid,
			     r->ssid, r->asid, r->vmid, (u64)r->addr,
			     (u64)r->iova, smmu3_emu_cmd_name(r->missing));
}

/* The services the core gets from this glue */
static void smmu3_emu_host_init(struct smmu3_emu *emu, struct s3e_host *host)
{
	*host = (struct s3e_host) {
		.read = smmu3_emu_host_read,
		.write = smmu3_emu_host_write,
		.cmpxchg64 = smmu3_emu_host_cmpxchg64,
		.irq = smmu3_emu_host_irq,
		.sev = smmu3_emu_host_sev,
		.report = smmu3_emu_host_report,
		.alloc = smmu3_emu_host_alloc,
		.free = smmu3_emu_host_free,
		.ctx = emu,
	};
}

#if IS_ENABLED(CONFIG_KUNIT)
/*
 * For the device model's KUnit suites (kunit/emu_model_test.c), which
 * drive the core through its registers and memory as the SMMU driver
 * would, with this glue's memory services underneath: the core's entry
 * points, and the host services without a device.
 */

/* The core's entry points are defined in core/, which is freestanding */
#define SMMU3_EMU_KUNIT_EXPORT(sym)	EXPORT_SYMBOL_IF_KUNIT(sym)
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_config_default);
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_create);
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_destroy);
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_reset);
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_read32);
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_write32);
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_read64);
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_write64);
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_translate);
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_dma);
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_cmdq_run);
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_cmdq_pending);
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_stats);
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_tlb_stats);
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_cfgc_stats);
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_mem_size);
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_ste_read);
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_checker);
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_checker_report);
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_checker_clear);

/**
 * smmu3_emu_kunit_host_create() - this glue's host services, for KUnit
 * @host: filled with the memory, allocation and interrupt services the
 *	glue gives an instance; @host->irq must be replaced by the caller
 *	(there is no device, hence no interrupt domain)
 *
 * Allocations go through the probe-time path (GFP_KERNEL).  The caller
 * serialises every call, as the instance lock does for a device.
 *
 * Return: 0, or -ENOMEM.
 */
int smmu3_emu_kunit_host_create(struct s3e_host *host)
{
	struct smmu3_emu *emu = kzalloc(sizeof(*emu), GFP_KERNEL);

	if (!emu)
		return -ENOMEM;
	emu->creating = true;
	smmu3_emu_host_init(emu, host);
	host->irq = NULL;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_emu_kunit_host_create);

/**
 * smmu3_emu_kunit_host_destroy() - release what smmu3_emu_kunit_host_create()
 *	set up
 * @host: the services; instances created with them must be gone
 */
void smmu3_emu_kunit_host_destroy(struct s3e_host *host)
{
	kfree(host->ctx);
	host->ctx = NULL;
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_emu_kunit_host_destroy);

/**
 * smmu3_emu_kunit_mem_refused() - memory accesses the services refused
 * @host: services from smmu3_emu_kunit_host_create()
 *
 * Return: the count shown as mem_refused in a device's debugfs stats.
 */
u64 smmu3_emu_kunit_mem_refused(const struct s3e_host *host)
{
	const struct smmu3_emu *emu = host->ctx;

	return emu->mem_refused;
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_emu_kunit_mem_refused);
#endif

/* Edges are latched in irq_pending and consumed by the irq_work */
static void smmu3_emu_irq_ack(struct irq_data *d)
{
}

static void smmu3_emu_irq_mask(struct irq_data *d)
{
	struct smmu3_emu *emu = irq_data_get_irq_chip_data(d);

	set_bit(irqd_to_hwirq(d), &emu->irq_masked);
}

static void smmu3_emu_irq_unmask(struct irq_data *d)
{
	struct smmu3_emu *emu = irq_data_get_irq_chip_data(d);

	clear_bit(irqd_to_hwirq(d), &emu->irq_masked);
	/*
	 * Pairs with the irq_work's test of irq_masked after the core's
	 * set_bit(irq_pending) + irq_work_queue() (a full barrier): either it
	 * sees the line unmasked, or this sees the edge pending.
	 */
	smp_mb__after_atomic();
	if (test_bit(irqd_to_hwirq(d), &emu->irq_pending))
		irq_work_queue(&emu->irq_work);
}

static int smmu3_emu_irq_retrigger(struct irq_data *d)
{
	struct smmu3_emu *emu = irq_data_get_irq_chip_data(d);

	set_bit(irqd_to_hwirq(d), &emu->irq_pending);
	irq_work_queue(&emu->irq_work);
	return 1;
}

static int smmu3_emu_irq_set_type(struct irq_data *d, unsigned int type)
{
	return type == IRQ_TYPE_EDGE_RISING ? 0 : -EINVAL;
}

static const struct irq_chip smmu3_emu_irq_chip = {
	.name		= "smmu3-emu",
	.irq_ack	= smmu3_emu_irq_ack,
	.irq_mask	= smmu3_emu_irq_mask,
	.irq_unmask	= smmu3_emu_irq_unmask,
	.irq_retrigger	= smmu3_emu_irq_retrigger,
	.irq_set_type	= smmu3_emu_irq_set_type,
};

/* One cell, the line number; out-of-range lines are refused here */
static int smmu3_emu_irq_xlate(struct irq_domain *d, struct device_node *ctrlr,
			       const u32 *intspec, unsigned int intsize,
			       unsigned long *hwirq, unsigned int *type)
{
	if (intsize != 1 || intspec[0] >= S3E_IRQ_NR)
		return -EINVAL;
	*hwirq = intspec[0];
	*type = IRQ_TYPE_EDGE_RISING;
	return 0;
}

static int smmu3_emu_irq_map(struct irq_domain *d, unsigned int virq,
			     irq_hw_number_t hwirq)
{
	irq_set_chip_data(virq, d->host_data);
	irq_set_chip_and_handler(virq, &smmu3_emu_irq_chip, handle_edge_irq);
	irq_set_noprobe(virq);
	return 0;
}

static const struct irq_domain_ops smmu3_emu_irq_domain_ops = {
	.xlate	= smmu3_emu_irq_xlate,
	.map	= smmu3_emu_irq_map,
};

/*
 * Quiesce and remove the interrupt controller.  The core is gone (nothing
 * pulses lines any more); consumers are unbound (device links), so the
 * mappings left are unused.
 */
static void smmu3_emu_irq_teardown(struct smmu3_emu *emu)
{
	unsigned int line, virq;

	irq_work_sync(&emu->irq_work);
	for (line = 0; line < S3E_IRQ_NR; line++) {
		virq = irq_find_mapping(emu->domain, line);
		if (virq)
			irq_dispose_mapping(virq);
	}
	/* An unmask or retrigger before the disposal may have queued it */
	irq_work_sync(&emu->irq_work);
	irq_domain_remove(emu->domain);
	emu->domain = NULL;
}

/* ------------------------------------------------------------------------
 * Register file: a regmap provider
 */

/*
 * Lock held: consume one more budget of commands a publishing write left
 * over.  Return whether commands are still pending.
 */
static bool smmu3_emu_cmdq_continue(struct smmu3_emu *emu)
{
	if (!s3e_smmu_cmdq_pending(emu->core))
		return false;
	emu->cmdq_deferred++;
	return s3e_smmu_cmdq_run(emu->core);
}

static int smmu3_emu_reg_read(void *ctx, unsigned int reg, unsigned int *val)
{
	struct smmu3_emu *emu = ctx;
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&emu->lock, flags);
	if (emu->core) {
		/*
		 * A register read also consumes a budget of left-over
		 * commands: a driver polling CMDQ_CONS (or GERROR) with
		 * interrupts off on the CPU the work was queued to would
		 * otherwise wait for nothing.
		 */
		smmu3_emu_cmdq_continue(emu);
		*val = s3e_smmu_read32(emu->core, reg);
	} else {
		ret = -ENODEV;
	}
	spin_unlock_irqrestore(&emu->lock, flags);
	return ret;
}

static int smmu3_emu_reg_write(void *ctx, unsigned int reg, unsigned int val)
{
	struct smmu3_emu *emu = ctx;
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&emu->lock, flags);
	if (emu->core) {
		s3e_smmu_write32(emu->core, reg, val);
		if (s3e_smmu_cmdq_pending(emu->core))
			queue_work(system_unbound_wq, &emu->cmdq_work);
	} else {
		ret = -ENODEV;
	}
	spin_unlock_irqrestore(&emu->lock, flags);
	return ret;
}

/*
 * The commands a register write left over, a budget per lock hold.  The
 * driver sees CMDQ_CONS advance as it polls, as with hardware.  Queued
 * again by any write that leaves commands pending; teardown cancels it
 * once the core is gone (it then finds nothing to do).
 */
static void smmu3_emu_cmdq_work(struct work_struct *work)
{
	struct smmu3_emu *emu = container_of(work, struct smmu3_emu,
					     cmdq_work);
	unsigned long flags;
	bool more;

	do {
		spin_lock_irqsave(&emu->lock, flags);
		more = emu->core && smmu3_emu_cmdq_continue(emu);
		spin_unlock_irqrestore(&emu->lock, flags);
		cond_resched();
	} while (more);
}

/*
 * Page 0 and page 1, 32-bit registers (a 64-bit register is two, low half
 * first).  No cache: reads have to reach the model (CR0ACK, queue indices,
 * GERROR change behind the driver's back).  fast_io: regmap's own lock is
 * a spinlock, so the regmap can be used from atomic context.
 */
static const struct regmap_config smmu3_emu_regmap_config = {
	.name		= SMMU3_EMU_REGMAP_NAME,
	.reg_bits	= 32,
	.val_bits	= 32,
	.reg_stride	= 4,
	.max_register	= SMMU3_MMIO_SIZE - 4,
	.reg_read	= smmu3_emu_reg_read,
	.reg_write	= smmu3_emu_reg_write,
	.fast_io	= true,
	.cache_type	= REGCACHE_NONE,
};

/* ------------------------------------------------------------------------
 * Configuration from the device tree
 */

struct smmu3_emu_prop {
	const char *name;
	size_t offset;		/* in struct s3e_smmu_config */
	u32 min;
	u32 max;
};

static const struct smmu3_emu_prop smmu3_emu_props[] = {
	{ "smmu3,sid-bits", offsetof(struct s3e_smmu_config, sid_bits), 0, 32 },
	{ "smmu3,ssid-bits", offsetof(struct s3e_smmu_config, ssid_bits), 0, 20 },
	{ "smmu3,tlb-entries", offsetof(struct s3e_smmu_config, tlb_entries),
	  1, S3E_TLB_MAX_ENTRIES },
	{ "smmu3,config-cache-entries",
	  offsetof(struct s3e_smmu_config, cfgc_entries),
	  1, S3E_CFGC_MAX_ENTRIES },
	{ "smmu3,cmdq-log2size", offsetof(struct s3e_smmu_config, cmdq_log2),
	  0, 19 },
	{ "smmu3,eventq-log2size", offsetof(struct s3e_smmu_config, evtq_log2),
	  0, 19 },
	{ "smmu3,cmdq-budget", offsetof(struct s3e_smmu_config, cmdq_budget),
	  1, 1U << 19 },
	{ "smmu3,strict", offsetof(struct s3e_smmu_config, strict), 0, 1 },
};

#define SMMU3_EMU_STAGES_PROP	"smmu3,stages"

static int smmu3_emu_parse_stages(struct device *dev, unsigned int *stages)
{
	const char *names[2];
	int n, i;

	if (!of_property_present(dev->of_node, SMMU3_EMU_STAGES_PROP))
		return 0;
	n = of_property_read_string_array(dev->of_node, SMMU3_EMU_STAGES_PROP,
					  names, ARRAY_SIZE(names));
	if (n <= 0 || n != of_property_count_strings(dev->of_node,
						     SMMU3_EMU_STAGES_PROP))
		goto bad;
	*stages = 0;
	for (i = 0; i < n; i++) {
		if (!strcmp(names[i], "s1"))
			*stages |= S3E_STAGE1;
		else if (!strcmp(names[i], "s2"))
			*stages |= S3E_STAGE2;
		else
			goto bad;
	}
	return 0;
bad:
	dev_err(dev, "%s: must be \"s1\", \"s2\" or both\n",
		SMMU3_EMU_STAGES_PROP);
	return -EINVAL;
}

static int smmu3_emu_parse_config(struct device *dev,
				  struct s3e_smmu_config *cfg)
{
	const struct smmu3_emu_prop *p;
	unsigned int i, *field;
	u32 val;

	s3e_smmu_config_default(cfg);
	cfg->cmdq_budget = SMMU3_EMU_CMDQ_BUDGET;
	cfg->strict = strict;
	for (i = 0; i < ARRAY_SIZE(smmu3_emu_props); i++) {
		p = &smmu3_emu_props[i];
		field = (void *)cfg + p->offset;

		if (!of_property_present(dev->of_node, p->name))
			continue;
		if (of_property_count_u32_elems(dev->of_node, p->name) != 1 ||
		    of_property_read_u32(dev->of_node, p->name, &val) ||
		    val < p->min || val > p->max) {
			dev_err(dev, "%s: must be one cell, %u to %u (default %u)\n",
				p->name, p->min, p->max, *field);
			return -EINVAL;
		}
		*field = val;
	}
	return smmu3_emu_parse_stages(dev, &cfg->stages);
}

/* ------------------------------------------------------------------------
 * debugfs: smmu3_emu/<device>/{stats,regs,ste,gerror}
 */

static const char * const smmu3_emu_event_names[S3E_NR_EVENT_TYPES] =
	SMMU3_EVT_NAMES;

static const char * const smmu3_emu_cmd_names[S3E_NR_OPCODES] = {
	[CMD_OP_PREFETCH_CONFIG]	= "PREFETCH_CONFIG",
	[CMD_OP_PREFETCH_ADDR]		= "PREFETCH_ADDR",
	[CMD_OP_CFGI_STE]		= "CFGI_STE",
	[CMD_OP_CFGI_STE_RANGE]		= "CFGI_STE_RANGE",	/* and CFGI_ALL */
	[CMD_OP_CFGI_CD]		= "CFGI_CD",
	[CMD_OP_CFGI_CD_ALL]		= "CFGI_CD_ALL",
	[CMD_OP_CFGI_VMS_PIDM]		= "CFGI_VMS_PIDM",
	[CMD_OP_TLBI_NH_ALL]		= "TLBI_NH_ALL",
	[CMD_OP_TLBI_NH_ASID]		= "TLBI_NH_ASID",
	[CMD_OP_TLBI_NH_VA]		= "TLBI_NH_VA",
	[CMD_OP_TLBI_NH_VAA]		= "TLBI_NH_VAA",
	[CMD_OP_TLBI_EL3_ALL]		= "TLBI_EL3_ALL",
	[CMD_OP_TLBI_EL3_VA]		= "TLBI_EL3_VA",
	[CMD_OP_TLBI_EL2_ALL]		= "TLBI_EL2_ALL",
	[CMD_OP_TLBI_EL2_ASID]		= "TLBI_EL2_ASID",
	[CMD_OP_TLBI_EL2_VA]		= "TLBI_EL2_VA",
	[CMD_OP_TLBI_EL2_VAA]		= "TLBI_EL2_VAA",
	[CMD_OP_TLBI_S12_VMALL]		= "TLBI_S12_VMALL",
	[CMD_OP_TLBI_S2_IPA]		= "TLBI_S2_IPA",
	[CMD_OP_TLBI_NSNH_ALL]		= "TLBI_NSNH_ALL",
	[CMD_OP_ATC_INV]		= "ATC_INV",
	[CMD_OP_PRI_RESP]		= "PRI_RESP",
	[CMD_OP_RESUME]			= "RESUME",
	[CMD_OP_STALL_TERM]		= "STALL_TERM",
	[CMD_OP_SYNC]			= "SYNC",
};

static const char * const smmu3_emu_irq_names[S3E_IRQ_NR] = {
	[S3E_IRQ_EVTQ]		= "eventq",
	[S3E_IRQ_PRIQ]		= "priq",
	[S3E_IRQ_CMDQ_SYNC]	= "cmdq-sync",
	[S3E_IRQ_GERROR]	= "gerror",
};

/* Counters copied under the lock, printed without it */
struct smmu3_emu_snapshot {
	struct s3e_smmu_stats smmu;
	struct s3e_tlb_stats tlb;
	struct s3e_cfgc_stats cfgc;
	u64 dma_calls;
	u64 dma_bytes;
	u64 mem_refused;
	u64 cmdq_deferred;
	u64 model_bytes;
};

static void smmu3_emu_seq_u64(struct seq_file *m, const char *prefix,
			      const char *name, u64 val)
{
	seq_printf(m, "%s%-*s %llu\n", prefix, 28 - (int)strlen(prefix), name,
		   val);
}

/* Named entries always, unnamed ones when non-zero */
static void smmu3_emu_seq_table(struct seq_file *m, const char *prefix,
				const char * const *names, const s3e_u64 *vals,
				unsigned int n)
{
	char name[8];
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (names[i]) {
			smmu3_emu_seq_u64(m, prefix, names[i], vals[i]);
		} else if (vals[i]) {
			snprintf(name, sizeof(name), "0x%02x", i);
			smmu3_emu_seq_u64(m, prefix, name, vals[i]);
		}
	}
}

static int smmu3_emu_stats_show(struct seq_file *m, void *unused)
{
	struct smmu3_emu *emu = m->private;
	struct smmu3_emu_snapshot *s;
	unsigned long flags;
	unsigned int i;
	bool live;

	s = kmalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	spin_lock_irqsave(&emu->lock, flags);
	live = emu->core;
	if (live) {
		s->smmu = *s3e_smmu_stats(emu->core);
		s->tlb = *s3e_smmu_tlb_stats(emu->core);
		s->cfgc = *s3e_smmu_cfgc_stats(emu->core);
		s->dma_calls = emu->dma_calls;
		s->dma_bytes = emu->dma_bytes;
		s->mem_refused = emu->mem_refused;
		s->cmdq_deferred = emu->cmdq_deferred;
		s->model_bytes = s3e_smmu_mem_size(emu->core);
	}
	spin_unlock_irqrestore(&emu->lock, flags);
	if (!live) {
		kfree(s);
		return -ENODEV;
	}

	smmu3_emu_seq_u64(m, "", "translations", s->smmu.translations);
	smmu3_emu_seq_u64(m, "", "bypassed", s->smmu.bypassed);
	smmu3_emu_seq_u64(m, "", "aborted", s->smmu.aborted);
	smmu3_emu_seq_u64(m, "", "walks", s->smmu.walks);
	/*
	 * Each translation once: answered from the context's last
	 * translation, from the TLB, by a walk, or before any lookup
	 */
	smmu3_emu_seq_u64(m, "", "xlate_utlb_hits", s->smmu.utlb_hits);
	smmu3_emu_seq_u64(m, "", "xlate_tlb_hits", s->smmu.tlb_answered);
	smmu3_emu_seq_u64(m, "", "xlate_walks", s->smmu.walks);
	smmu3_emu_seq_u64(m, "", "xlate_no_lookup", s->smmu.translations -
			  s->smmu.utlb_hits - s->smmu.tlb_answered -
			  s->smmu.walks);
	smmu3_emu_seq_u64(m, "", "ctx_hits", s->smmu.ctx_hits);
	smmu3_emu_seq_u64(m, "", "ctx_misses", s->smmu.ctx_misses);
	smmu3_emu_seq_u64(m, "", "tlb_hits", s->tlb.hits);
	smmu3_emu_seq_u64(m, "", "tlb_misses", s->tlb.misses);
	smmu3_emu_seq_u64(m, "", "tlb_inserts", s->tlb.inserts);
	smmu3_emu_seq_u64(m, "", "tlb_evictions", s->tlb.evictions);
	smmu3_emu_seq_u64(m, "", "tlb_invalidated", s->tlb.removed);
	smmu3_emu_seq_u64(m, "", "cfgc_hits", s->cfgc.hits);
	smmu3_emu_seq_u64(m, "", "cfgc_misses", s->cfgc.misses);
	smmu3_emu_seq_u64(m, "", "cfgc_inserts", s->cfgc.inserts);
	smmu3_emu_seq_u64(m, "", "cfgc_evictions", s->cfgc.evictions);
	smmu3_emu_seq_u64(m, "", "cfgc_invalidated", s->cfgc.removed);
	smmu3_emu_seq_u64(m, "", "events", s->smmu.events);
	smmu3_emu_seq_u64(m, "", "events_dropped", s->smmu.events_dropped);
	smmu3_emu_seq_u64(m, "", "cmd_errors", s->smmu.cmd_errors);
	smmu3_emu_seq_u64(m, "", "syncs", s->smmu.syncs);
	smmu3_emu_seq_u64(m, "", "msis", s->smmu.msis);
	smmu3_emu_seq_u64(m, "", "msi_aborts", s->smmu.msi_aborts);
	smmu3_emu_seq_u64(m, "", "msi_doorbells",
			  smmu3_emu_msi_doorbells(emu->msi));
	smmu3_emu_seq_u64(m, "", "dma_calls", s->dma_calls);
	smmu3_emu_seq_u64(m, "", "dma_bytes", s->dma_bytes);
	smmu3_emu_seq_u64(m, "", "mem_refused", s->mem_refused);
	smmu3_emu_seq_u64(m, "", "cmdq_deferred", s->cmdq_deferred);
	smmu3_emu_seq_u64(m, "", "model_bytes", s->model_bytes);
	for (i = 0; i < S3E_IRQ_NR; i++) {
		smmu3_emu_seq_u64(m, "irq_raised_", smmu3_emu_irq_names[i],
				  s->smmu.irqs[i]);
		smmu3_emu_seq_u64(m, "irq_delivered_", smmu3_emu_irq_names[i],
				  atomic_long_read(&emu->irq_delivered[i]));
		smmu3_emu_seq_u64(m, "irq_unmapped_", smmu3_emu_irq_names[i],
				  atomic_long_read(&emu->irq_unmapped[i]));
	}
	smmu3_emu_seq_table(m, "fault_", smmu3_emu_event_names,
			    s->smmu.faults, S3E_NR_EVENT_TYPES);
	smmu3_emu_seq_table(m, "cmd_", smmu3_emu_cmd_names, s->smmu.cmds,
			    S3E_NR_OPCODES);
	kfree(s);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(smmu3_emu_stats);

static const char *smmu3_emu_cmd_name(unsigned int op)
{
	const char *name = NULL;

	if (op < S3E_NR_OPCODES)
		name = smmu3_emu_cmd_names[op];
	return name ? name : "?";
}

/*
 * debugfs "checker": "strict 0|1"; in strict mode the CMD_SYNCs checked,
 * the report count per class and in total, then the last reports, newest
 * first
 */
static int smmu3_emu_checker_show(struct seq_file *m, void *unused)
{
	struct smmu3_emu *emu = m->private;
	const struct s3e_chk_state *live;
	const struct s3e_chk_report *r;
	struct s3e_chk_state *st;
	unsigned long flags;
	unsigned int i, n;
	bool strict;

	st = kmalloc(sizeof(*st), GFP_KERNEL);
	if (!st)
		return -ENOMEM;
	spin_lock_irqsave(&emu->lock, flags);
	live = emu->core ? s3e_smmu_checker(emu->core) : NULL;
	strict = live;
	if (live)
		*st = *live;
	spin_unlock_irqrestore(&emu->lock, flags);

	seq_printf(m, "strict %d\n", strict);
	if (strict) {
		seq_printf(m, "checks %llu\n", (u64)st->checks);
		for (i = 1; i < S3E_CHK_NR_CLASSES; i++)
			seq_printf(m, "class%u_%s %llu\n", i,
				   smmu3_emu_chk_names[i], (u64)st->count[i]);
		seq_printf(m, "total %llu\n", (u64)st->total);
		n = min_t(u64, st->total, S3E_CHK_LAST);
		for (i = 0; i < n; i++) {
			r = &st->last[(st->total - 1 - i) % S3E_CHK_LAST];
			if (r->cls == S3E_CHK_QUEUE) {
				seq_printf(m, "report %llu class %u %s detail %u addr %#llx value %#llx: %s\n",
					   (u64)r->seq, r->cls,
					   smmu3_emu_chk_names[r->cls],
					   r->detail, (u64)r->addr,
					   (u64)r->value,
					   smmu3_emu_chk_queue_what(r->detail));
				continue;
			}
			seq_printf(m, "report %llu class %u %s sid %#x ssid %#x asid %u vmid %u addr %#llx iova %#llx stage %u value %#llx missing %s\n",
				   (u64)r->seq, r->cls,
				   smmu3_emu_chk_names[r->cls], r->sid,
				   r->ssid, r->asid, r->vmid, (u64)r->addr,
				   (u64)r->iova, r->stage, (u64)r->value,
				   smmu3_emu_cmd_name(r->missing));
		}
	}
	kfree(st);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(smmu3_emu_checker);

struct smmu3_emu_reg {
	const char *name;
	u32 offset;
	bool wide;		/* 64-bit */
};

#define SMMU3_EMU_REG(r)	{ #r, SMMU3_##r, false }
#define SMMU3_EMU_REG64(r)	{ #r, SMMU3_##r, true }

static const struct smmu3_emu_reg smmu3_emu_regs[] = {
	SMMU3_EMU_REG(IDR0), SMMU3_EMU_REG(IDR1), SMMU3_EMU_REG(IDR2),
	SMMU3_EMU_REG(IDR3), SMMU3_EMU_REG(IDR4), SMMU3_EMU_REG(IDR5),
	SMMU3_EMU_REG(IIDR), SMMU3_EMU_REG(AIDR),
	SMMU3_EMU_REG(CR0), SMMU3_EMU_REG(CR0ACK), SMMU3_EMU_REG(CR1),
	SMMU3_EMU_REG(CR2), SMMU3_EMU_REG(STATUSR), SMMU3_EMU_REG(GBPA),
	SMMU3_EMU_REG(IRQ_CTRL), SMMU3_EMU_REG(IRQ_CTRLACK),
	SMMU3_EMU_REG(GERROR), SMMU3_EMU_REG(GERRORN),
	SMMU3_EMU_REG64(GERROR_IRQ_CFG0), SMMU3_EMU_REG(GERROR_IRQ_CFG1),
	SMMU3_EMU_REG(GERROR_IRQ_CFG2),
	SMMU3_EMU_REG64(STRTAB_BASE), SMMU3_EMU_REG(STRTAB_BASE_CFG),
	SMMU3_EMU_REG64(CMDQ_BASE), SMMU3_EMU_REG(CMDQ_PROD),
	SMMU3_EMU_REG(CMDQ_CONS),
	SMMU3_EMU_REG64(EVENTQ_BASE), SMMU3_EMU_REG(EVENTQ_PROD_P1),
	SMMU3_EMU_REG(EVENTQ_CONS_P1), SMMU3_EMU_REG64(EVENTQ_IRQ_CFG0),
	SMMU3_EMU_REG(EVENTQ_IRQ_CFG1), SMMU3_EMU_REG(EVENTQ_IRQ_CFG2),
	SMMU3_EMU_REG64(PRIQ_BASE), SMMU3_EMU_REG(PRIQ_PROD_P1),
	SMMU3_EMU_REG(PRIQ_CONS_P1), SMMU3_EMU_REG64(PRIQ_IRQ_CFG0),
	SMMU3_EMU_REG(PRIQ_IRQ_CFG1), SMMU3_EMU_REG(PRIQ_IRQ_CFG2),
};

/* Number of 32-bit ID registers (PIDR4..7, PIDR0..3, CIDR0..3) */
#define SMMU3_EMU_NR_IDREGS	12

static int smmu3_emu_regs_show(struct seq_file *m, void *unused)
{
	u64 vals[ARRAY_SIZE(smmu3_emu_regs) + SMMU3_EMU_NR_IDREGS];
	struct smmu3_emu *emu = m->private;
	const struct smmu3_emu_reg *r;
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&emu->lock, flags);
	if (!emu->core) {
		spin_unlock_irqrestore(&emu->lock, flags);
		return -ENODEV;
	}
	for (i = 0; i < ARRAY_SIZE(smmu3_emu_regs); i++) {
		r = &smmu3_emu_regs[i];
		vals[i] = r->wide ? s3e_smmu_read64(emu->core, r->offset) :
				    s3e_smmu_read32(emu->core, r->offset);
	}
	for (i = 0; i < SMMU3_EMU_NR_IDREGS; i++)
		vals[ARRAY_SIZE(smmu3_emu_regs) + i] =
			s3e_smmu_read32(emu->core, SMMU3_IDREGS + 4 * i);
	spin_unlock_irqrestore(&emu->lock, flags);

	for (i = 0; i < ARRAY_SIZE(smmu3_emu_regs); i++) {
		r = &smmu3_emu_regs[i];
		seq_printf(m, "%-16s 0x%05x 0x%0*llx\n", r->name, r->offset,
			   r->wide ? 16 : 8, vals[i]);
	}
	for (i = 0; i < SMMU3_EMU_NR_IDREGS; i++)
		seq_printf(m, "IDREGS+0x%02x      0x%05x 0x%08llx\n", 4 * i,
			   SMMU3_IDREGS + 4 * i, vals[ARRAY_SIZE(smmu3_emu_regs) + i]);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(smmu3_emu_regs);

/*
 * debugfs "ste": write a StreamID, read its STE as this SMMU fetches it,
 * through its own STRTAB_BASE and STRTAB_BASE_CFG, from memory (no cache,
 * no event, no counter): the eight doublewords and the fields that say
 * how the stream translates.
 */
static int smmu3_emu_ste_show(struct seq_file *m, void *unused)
{
	static const char *const configs[8] = {
		"abort", "reserved", "reserved", "reserved",
		"bypass", "s1", "s2", "nested",
	};
	struct smmu3_emu *emu = m->private;
	u32 sid = READ_ONCE(emu->ste_sid);
	s3e_u64 raw[STE_DWORDS];
	u64 ste[STE_DWORDS];
	unsigned long flags;
	int rc = -ENODEV;
	unsigned int i;

	spin_lock_irqsave(&emu->lock, flags);
	if (emu->core)
		rc = s3e_smmu_ste_read(emu->core, sid, raw);
	spin_unlock_irqrestore(&emu->lock, flags);
	for (i = 0; i < STE_DWORDS; i++)
		ste[i] = raw[i];
	if (rc == -ENODEV)
		return rc;
	if (rc == -1) {
		seq_printf(m, "sid %#x: beyond the stream table\n", sid);
		return 0;
	}
	if (rc) {
		seq_printf(m, "sid %#x: stream table not readable (not RAM)\n",
			   sid);
		return 0;
	}
	seq_printf(m, "sid %#x\nste: %016llx %016llx %016llx %016llx %016llx %016llx %016llx %016llx\n",
		   sid, ste[0], ste[1], ste[2], ste[3], ste[4], ste[5], ste[6],
		   ste[7]);
	seq_printf(m, "v %llu config %s s1contextptr %#llx s2vmid %llu s2ttb %#llx\n",
		   ste[0] & STE_0_V, configs[FIELD_GET(STE_0_CONFIG, ste[0])],
		   ste[0] & STE_0_S1CONTEXTPTR,
		   FIELD_GET(STE_2_S2VMID, ste[2]), ste[3] & STE_3_S2TTB);
	return 0;
}

static int smmu3_emu_ste_open(struct inode *inode, struct file *file)
{
	return single_open(file, smmu3_emu_ste_show, inode->i_private);
}

static ssize_t smmu3_emu_ste_write(struct file *file, const char __user *ubuf,
				   size_t count, loff_t *ppos)
{
	struct smmu3_emu *emu = ((struct seq_file *)file->private_data)->private;
	u32 sid;
	int ret;

	ret = kstrtou32_from_user(ubuf, count, 0, &sid);
	if (ret)
		return ret;
	WRITE_ONCE(emu->ste_sid, sid);
	return count;
}

static const struct file_operations smmu3_emu_ste_fops = {
	.owner		= THIS_MODULE,
	.open		= smmu3_emu_ste_open,
	.read		= seq_read,
	.write		= smmu3_emu_ste_write,
	.llseek		= seq_lseek,
	.release	= single_release,
};

/*
 * "gerror": write GERROR bits (SFM_ERR is 0x100) to activate those
 * global errors as the SMMU itself would: GERROR toggles and, when
 * IRQ_CTRL.GERROR_IRQEN is set, the gerror line (and its MSI) fires.  For
 * testing a driver's handling of errors the model never raises, such as
 * service failure mode; the model itself keeps working.
 */
static ssize_t smmu3_emu_gerror_write(struct file *file,
				      const char __user *ubuf, size_t count,
				      loff_t *ppos)
{
	struct smmu3_emu *emu = file->private_data;
	unsigned long flags;
	u32 bits;
	int ret;

	ret = kstrtou32_from_user(ubuf, count, 0, &bits);
	if (ret)
		return ret;
	if (!bits || (bits & ~GERROR_ERR_MASK))
		return -EINVAL;
	ret = -ENODEV;
	spin_lock_irqsave(&emu->lock, flags);
	if (emu->core) {
		s3e_gerror_raise(emu->core, bits);
		ret = 0;
	}
	spin_unlock_irqrestore(&emu->lock, flags);
	if (!ret)
		dev_info(emu->dev, "debugfs: GERROR %#x raised\n", bits);
	return ret ?: count;
}

static const struct file_operations smmu3_emu_gerror_fops = {
	.owner		= THIS_MODULE,
	.open		= simple_open,
	.write		= smmu3_emu_gerror_write,
	.llseek		= noop_llseek,
};

static void smmu3_emu_debugfs_init(struct smmu3_emu *emu)
{
	emu->debugfs = debugfs_create_dir(dev_name(emu->dev),
					  smmu3_emu_debugfs_root);
	debugfs_create_file("stats", 0400, emu->debugfs, emu,
			    &smmu3_emu_stats_fops);
	debugfs_create_file("regs", 0400, emu->debugfs, emu,
			    &smmu3_emu_regs_fops);
	debugfs_create_file("ste", 0600, emu->debugfs, emu,
			    &smmu3_emu_ste_fops);
	debugfs_create_file("checker", 0400, emu->debugfs, emu,
			    &smmu3_emu_checker_fops);
	debugfs_create_file("gerror", 0200, emu->debugfs, emu,
			    &smmu3_emu_gerror_fops);
}

/* ------------------------------------------------------------------------
 * DMA port
 */

static void smmu3_emu_release(struct kref *ref)
{
	struct smmu3_emu *emu = container_of(ref, struct smmu3_emu, ref);

	of_node_put(emu->np);
	put_device(emu->dev);
	kfree(emu);
}

/**
 * smmu3_emu_get() - take a reference to the emulator of a device tree node
 * @client: the client device, probing, or NULL.  When given, a device
 *	link (consumer @client, supplier the emulator, auto-removed when
 *	@client unbinds) makes unbinding the emulator unbind @client first.
 * @np: the emulator's node (compatible SMMU3_EMU_COMPATIBLE)
 *
 * The reference keeps the structure valid, not the device bound: once the
 * emulator is unbound (without a link, or through a race with one) every
 * call on it returns -ENODEV.
 *
 * Context: process context; may sleep.
 * Return: the emulator; ERR_PTR(-EPROBE_DEFER) when @np is an emulator
 * node whose device is not bound (yet); ERR_PTR(-ENODEV) when it is not an
 * emulator node; ERR_PTR(-EINVAL) when the device link cannot be made.
 */
struct smmu3_emu *smmu3_emu_get(struct device *client, struct device_node *np)
{
	struct smmu3_emu *emu, *found = NULL;

	if (!np || !of_device_is_compatible(np, SMMU3_EMU_COMPATIBLE))
		return ERR_PTR(-ENODEV);
	mutex_lock(&smmu3_emu_mutex);
	list_for_each_entry(emu, &smmu3_emu_instances, list) {
		if (emu->np != np)
			continue;
		/* Under the mutex: remove() cannot be past its list_del() */
		if (client && !device_link_add(client, emu->dev,
					       DL_FLAG_AUTOREMOVE_CONSUMER)) {
			mutex_unlock(&smmu3_emu_mutex);
			dev_err(client, "cannot link to the emulator %s\n",
				dev_name(emu->dev));
			return ERR_PTR(-EINVAL);
		}
		kref_get(&emu->ref);
		found = emu;
		break;
	}
	mutex_unlock(&smmu3_emu_mutex);
	return found ?: ERR_PTR(-EPROBE_DEFER);
}
EXPORT_SYMBOL_GPL(smmu3_emu_get);

/**
 * smmu3_emu_get_for_device() - the emulator behind a client's SMMU
 * @client: the client device, probing; its node has an ``iommus`` entry
 *	pointing at an SMMU node whose SMMU3_EMU_PHANDLE_PROP points at an
 *	emulator node
 * @index: which ``iommus`` entry
 * @sid: set to the entry's StreamID (its one specifier cell)
 *
 * As smmu3_emu_get(@client, emulator node).
 *
 * Context: process context; may sleep.
 * Return: the emulator, or an ERR_PTR() as for smmu3_emu_get(); -ENODEV
 * also when the ``iommus`` entry or the SMMU's phandle is missing.
 */
struct smmu3_emu *smmu3_emu_get_for_device(struct device *client,
					   unsigned int index, u32 *sid)
{
	struct of_phandle_args args;
	struct device_node *np;
	struct smmu3_emu *emu;

	if (of_parse_phandle_with_args(client->of_node, "iommus",
				       "#iommu-cells", index, &args))
		return ERR_PTR(-ENODEV);
	np = of_parse_phandle(args.np, SMMU3_EMU_PHANDLE_PROP, 0);
	of_node_put(args.np);
	if (args.args_count != 1 || !np) {
		of_node_put(np);
		return ERR_PTR(-ENODEV);
	}
	emu = smmu3_emu_get(client, np);
	of_node_put(np);
	if (!IS_ERR(emu))
		*sid = args.args[0];
	return emu;
}
EXPORT_SYMBOL_GPL(smmu3_emu_get_for_device);

/**
 * smmu3_emu_put() - drop a reference taken by smmu3_emu_get()
 * @emu: the emulator (NULL or an ERR_PTR() is allowed)
 *
 * Context: process context; may sleep.
 */
void smmu3_emu_put(struct smmu3_emu *emu)
{
	if (!IS_ERR_OR_NULL(emu))
		kref_put(&emu->ref, smmu3_emu_release);
}
EXPORT_SYMBOL_GPL(smmu3_emu_put);

static unsigned int smmu3_emu_access(unsigned int flags)
{
	return (flags & SMMU3_EMU_DMA_WRITE ? S3E_ACC_WRITE : 0) |
	       (flags & SMMU3_EMU_DMA_EXEC ? S3E_ACC_EXEC : 0) |
	       (flags & SMMU3_EMU_DMA_PRIV ? S3E_ACC_PRIV : 0);
}

static int smmu3_emu_txn_error(const struct s3e_txn_result *r, u64 iova,
			       struct smmu3_emu_fault *fault)
{
	fault->iova = iova;
	if (r->status == S3E_TXN_FAULT) {
		fault->event = r->event;
		fault->recorded = r->recorded;
		return -EFAULT;
	}
	return -EIO;
}

/**
 * smmu3_emu_dma() - a client device's DMA through the emulated SMMU
 * @emu: the emulator
 * @sid: StreamID
 * @ssid: SubstreamID, or SMMU3_EMU_NO_SSID
 * @iova: input address of the first byte
 * @buf: data to write to memory (SMMU3_EMU_DMA_WRITE), or buffer to read
 *	memory into; any kernel memory
 * @len: bytes
 * @flags: SMMU3_EMU_DMA_* (write, instruction fetch, privileged)
 * @fault: when not NULL, receives the failing transaction's address, the
 *	bytes moved before it and its event; zeroed on success
 *
 * The transfer is split into transactions that do not cross a 4KB
 * boundary of @iova; each is translated (TLB, configuration cache, walks
 * of the tables in memory, exactly as the emulated SMMU is configured) and
 * its data moved to or from RAM.  The first transaction that fails ends
 * the transfer; a fault is recorded in the event queue as the SMMU
 * configuration says (and raises the event queue interrupt).
 *
 * Context: any context but NMI; does not sleep.  The instance lock is
 * held, interrupts off, for one transaction at a time.
 * Return: 0 when all @len bytes moved; -EFAULT when a transaction was
 * terminated with an event (@fault->event); -EIO when it was aborted
 * without one (GBPA.ABORT, STE.Config abort, a non-RAM output address);
 * -EINVAL for bad @flags or a range that wraps; -ENODEV when the emulator
 * has been unbound.
 */
int smmu3_emu_dma(struct smmu3_emu *emu, u32 sid, u32 ssid, u64 iova,
		  void *buf, size_t len, unsigned int flags,
		  struct smmu3_emu_fault *fault)
{
	struct s3e_txn txn = {
		.sid = sid,
		.ssid = ssid,
		.access = smmu3_emu_access(flags),
	};
	struct smmu3_emu_fault dummy;
	struct s3e_txn_result r;
	unsigned long irqflags, chunk, moved;
	size_t done = 0;
	int ret = 0;

	if (!fault)
		fault = &dummy;
	memset(fault, 0, sizeof(*fault));
	if ((flags & ~SMMU3_EMU_DMA_FLAGS) || (len && iova + len - 1 < iova))
		return -EINVAL;

	while (done < len) {
		txn.iova = iova + done;
		chunk = min_t(size_t, len - done, SMMU3_EMU_TXN_SIZE -
			      (txn.iova & (SMMU3_EMU_TXN_SIZE - 1)));
		spin_lock_irqsave(&emu->lock, irqflags);
		if (!emu->core) {
			spin_unlock_irqrestore(&emu->lock, irqflags);
			ret = -ENODEV;
			break;
		}
		moved = s3e_smmu_dma(emu->core, &txn, buf + done, chunk, &r);
		if (!done)
			emu->dma_calls++;
		emu->dma_bytes += moved;
		spin_unlock_irqrestore(&emu->lock, irqflags);
		done += moved;
		if (moved < chunk) {
			ret = smmu3_emu_txn_error(&r, iova + done, fault);
			break;
		}
	}
	fault->done = done;
	return ret;
}
EXPORT_SYMBOL_GPL(smmu3_emu_dma);

/**
 * smmu3_emu_translate() - translate one transaction without moving data
 * @emu: the emulator
 * @sid: StreamID
 * @ssid: SubstreamID, or SMMU3_EMU_NO_SSID
 * @iova: input address
 * @flags: SMMU3_EMU_DMA_* access flags
 * @pa: set to the output address on success
 * @fault: as for smmu3_emu_dma(), may be NULL
 *
 * The same translation as one smmu3_emu_dma() transaction, with the same
 * side effects (caches filled, fault events recorded).
 *
 * Context: any context but NMI; does not sleep.
 * Return: 0, -EFAULT, -EIO, -EINVAL or -ENODEV as for smmu3_emu_dma().
 */
int smmu3_emu_translate(struct smmu3_emu *emu, u32 sid, u32 ssid, u64 iova,
			unsigned int flags, phys_addr_t *pa,
			struct smmu3_emu_fault *fault)
{
	struct s3e_txn txn = {
		.sid = sid,
		.ssid = ssid,
		.iova = iova,
		.access = smmu3_emu_access(flags),
	};
	struct smmu3_emu_fault dummy;
	struct s3e_txn_result r;
	unsigned long irqflags;
	int status;

	if (!fault)
		fault = &dummy;
	memset(fault, 0, sizeof(*fault));
	if (flags & ~SMMU3_EMU_DMA_FLAGS)
		return -EINVAL;
	spin_lock_irqsave(&emu->lock, irqflags);
	if (!emu->core) {
		spin_unlock_irqrestore(&emu->lock, irqflags);
		return -ENODEV;
	}
	status = s3e_smmu_translate(emu->core, &txn, &r);
	spin_unlock_irqrestore(&emu->lock, irqflags);
	if (status != S3E_TXN_OK)
		return smmu3_emu_txn_error(&r, iova, fault);
	*pa = r.pa;
	return 0;
}
EXPORT_SYMBOL_GPL(smmu3_emu_translate);

/* ------------------------------------------------------------------------
 * Platform driver
 */

/* Unpublish the core, free it, then quiesce and remove the interrupts */
static void smmu3_emu_teardown(struct smmu3_emu *emu)
{
	struct s3e_smmu *core;
	unsigned long flags;

	spin_lock_irqsave(&emu->lock, flags);
	core = emu->core;
	emu->core = NULL;
	spin_unlock_irqrestore(&emu->lock, flags);
	/* The work sees no core now: it ends at once */
	cancel_work_sync(&emu->cmdq_work);
	s3e_smmu_destroy(core);
	smmu3_emu_msi_destroy(emu->msi);
	emu->msi = NULL;
	if (emu->domain)
		smmu3_emu_irq_teardown(emu);
}

/* ------------------------------------------------------------------------
 * Tracing: the core's trace records become the smmu3_emu ftrace events
 * (smmu3_emu_trace.c).  A core has the trace callback only while at least
 * one of those events is enabled, so that an untraced emulator pays one
 * branch per trace site in the core.
 */

/* Enabled smmu3_emu events, under smmu3_emu_mutex */
static int smmu3_emu_trace_users;

/* s3e_host.trace: called with emu->lock held */
static void smmu3_emu_host_trace(void *ctx, const struct s3e_trace *t)
{
	struct smmu3_emu *emu = ctx;

	smmu3_emu_trace(emu->dev, t);
}

/* Give @emu's core the trace callback or take it away, as the count says */
static void smmu3_emu_trace_apply(struct smmu3_emu *emu)
{
	unsigned long flags;

	lockdep_assert_held(&smmu3_emu_mutex);
	spin_lock_irqsave(&emu->lock, flags);
	if (emu->core)
		s3e_smmu_set_trace(emu->core, smmu3_emu_trace_users > 0 ?
				   smmu3_emu_host_trace : NULL);
	spin_unlock_irqrestore(&emu->lock, flags);
}

/**
 * smmu3_emu_trace_users_add() - count an smmu3_emu event enabled or disabled
 * @delta: 1 when one was enabled, -1 when one was disabled
 *
 * Context: process; from the events' registration callbacks.
 */
void smmu3_emu_trace_users_add(int delta)
{
	struct smmu3_emu *emu;

	mutex_lock(&smmu3_emu_mutex);
	smmu3_emu_trace_users += delta;
	list_for_each_entry(emu, &smmu3_emu_instances, list)
		smmu3_emu_trace_apply(emu);
	mutex_unlock(&smmu3_emu_mutex);
}

static int smmu3_emu_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct s3e_host host;
	struct smmu3_emu *emu;
	struct regmap *map;
	unsigned int i;
	int ret;

	/* Not devm: clients' references may outlive the binding */
	emu = kzalloc(sizeof(*emu), GFP_KERNEL);
	if (!emu)
		return -ENOMEM;
	kref_init(&emu->ref);
	emu->dev = get_device(dev);
	emu->np = of_node_get(dev->of_node);
	INIT_LIST_HEAD(&emu->list);
	spin_lock_init(&emu->lock);
	init_irq_work(&emu->irq_work, smmu3_emu_irq_work);
	INIT_WORK(&emu->cmdq_work, smmu3_emu_cmdq_work);
	emu->irq_masked = GENMASK(S3E_IRQ_NR - 1, 0);
	for (i = 0; i < S3E_IRQ_NR; i++) {
		atomic_long_set(&emu->irq_delivered[i], 0);
		atomic_long_set(&emu->irq_unmapped[i], 0);
	}

	ret = smmu3_emu_parse_config(dev, &emu->cfg);
	if (ret)
		goto err_put;

	smmu3_emu_host_init(emu, &host);
	emu->creating = true;
	emu->core = s3e_smmu_create(&emu->cfg, &host);
	emu->creating = false;
	if (!emu->core) {
		ret = -ENOMEM;
		dev_err(dev, "cannot create the emulated SMMU (out of memory, or configuration refused by the model)\n");
		goto err_put;
	}
	emu->msi = smmu3_emu_msi_create(dev);
	if (IS_ERR(emu->msi)) {
		ret = PTR_ERR(emu->msi);
		emu->msi = NULL;
		goto err_teardown;
	}

	emu->domain = irq_domain_create_linear(of_fwnode_handle(dev->of_node),
					       S3E_IRQ_NR,
					       &smmu3_emu_irq_domain_ops, emu);
	if (!emu->domain) {
		ret = -ENOMEM;
		goto err_teardown;
	}

	map = devm_regmap_init(dev, NULL, emu, &smmu3_emu_regmap_config);
	if (IS_ERR(map)) {
		ret = dev_err_probe(dev, PTR_ERR(map), "cannot create the regmap\n");
		goto err_teardown;
	}

	platform_set_drvdata(pdev, emu);
	smmu3_emu_debugfs_init(emu);
	mutex_lock(&smmu3_emu_mutex);
	list_add_tail(&emu->list, &smmu3_emu_instances);
	smmu3_emu_trace_apply(emu);
	mutex_unlock(&smmu3_emu_mutex);

	dev_info(dev, "emulated SMMUv3: StreamID %u bits, SubstreamID %u bits, stage%s%s, TLB %u, config cache %u, cmdq 2^%u (budget %u), eventq 2^%u, %s mode\n",
		 emu->cfg.sid_bits, emu->cfg.ssid_bits,
		 emu->cfg.stages & S3E_STAGE1 ? " 1" : "",
		 emu->cfg.stages & S3E_STAGE2 ? " 2" : "",
		 emu->cfg.tlb_entries, emu->cfg.cfgc_entries,
		 emu->cfg.cmdq_log2, emu->cfg.cmdq_budget, emu->cfg.evtq_log2,
		 emu->cfg.strict ? "strict" : "default");
	return 0;

err_teardown:
	smmu3_emu_teardown(emu);
err_put:
	kref_put(&emu->ref, smmu3_emu_release);
	return ret;
}

/*
 * Consumers linked to this device (the SMMU driver, client devices) have
 * been unbound by the driver core before this runs.  Order: no new
 * smmu3_emu_get(); no debugfs reader; core gone (entry points return
 * -ENODEV, nothing raises interrupts); interrupts quiesced and the domain
 * removed.  The regmap is freed by devres after this returns; the
 * structure when its last reference goes.
 */
static void smmu3_emu_remove(struct platform_device *pdev)
{
	struct smmu3_emu *emu = platform_get_drvdata(pdev);

	mutex_lock(&smmu3_emu_mutex);
	list_del_init(&emu->list);
	mutex_unlock(&smmu3_emu_mutex);
	debugfs_remove_recursive(emu->debugfs);
	smmu3_emu_teardown(emu);
	kref_put(&emu->ref, smmu3_emu_release);
}

static const struct of_device_id smmu3_emu_of_match[] = {
	{ .compatible = SMMU3_EMU_COMPATIBLE },
	{ }
};
MODULE_DEVICE_TABLE(of, smmu3_emu_of_match);

static struct platform_driver smmu3_emu_driver = {
	.driver = {
		.name = "smmu3-emu",
		.of_match_table = smmu3_emu_of_match,
		/* bind/unbind through sysfs is fine: links unbind consumers */
	},
	.probe = smmu3_emu_probe,
	.remove = smmu3_emu_remove,
};

static int __init smmu3_emu_init(void)
{
	int ret;

	smmu3_emu_debugfs_root = debugfs_create_dir("smmu3_emu", NULL);
	ret = platform_driver_register(&smmu3_emu_driver);
	if (ret)
		debugfs_remove(smmu3_emu_debugfs_root);
	return ret;
}
module_init(smmu3_emu_init);

static void __exit smmu3_emu_exit(void)
{
	platform_driver_unregister(&smmu3_emu_driver);
	debugfs_remove(smmu3_emu_debugfs_root);
}
module_exit(smmu3_emu_exit);

MODULE_DESCRIPTION("Emulated ARM SMMUv3: register file, caches, queues, interrupts and DMA port");
MODULE_LICENSE("GPL");
