// SPDX-License-Identifier: GPL-2.0-only
/*
 * smmu3_emu host services: what the freestanding core (core/smmu.h,
 * struct s3e_host) gets from the kernel.  Guest physical memory (RAM
 * checks, nofault accesses, the access flag's compare-and-swap),
 * allocation, the SEV wake-up, the checker's reports and the trace
 * callback; the interrupt pulse is the interrupt controller's
 * (smmu3_emu_irq.c).  With KUnit, these services and the core's entry
 * points are exported to the model's suites.
 */
#include <linux/device.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <kunit/visibility.h>

#include <smmu3/smmu3-arch.h>
#include "core/smmu.h"
#include "smmu3_emu_int.h"
#include "smmu3_emu_msi.h"
#include "smmu3_emu_kunit.h"
#include "smmu3_emu_trace.h"

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
 * Hardware access flag and dirty state updates (§3.13): one
 * compare-and-swap of the little-endian descriptor through the kernel
 * mapping of its page.  There is no nofault compare-and-swap, so beyond
 * the RAM check: the descriptor must be readable (a nofault load first)
 * and its page not reserved (the kernel image, whose linear alias is
 * read-only, and firmware-reserved memory).  What remains unguarded is a
 * descriptor in an allocated page whose linear alias was made read-only
 * (module text with rodata=full): only a stage-1/2 table placed there with
 * CD.HA/STE.S2HA set and AF clear (or HD and a writable-clean leaf) would
 * reach it.
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

/*
 * s3e_host.stall_wake: a stall was resumed or terminated (emu->lock held);
 * the DMA port's waiters poll their stalls again
 */
static void smmu3_emu_host_stall_wake(void *ctx)
{
	struct smmu3_emu *emu = ctx;

	wake_up_all(&emu->stall_wq);
}

/*
 * s3e_host.report: a checker report (strict mode), called with emu->lock
 * held; the counters and the last reports are in debugfs "checker"
 */
static void smmu3_emu_host_report(void *ctx, const struct s3e_chk_report *r)
{
	struct smmu3_emu *emu = ctx;
	bool leaf0;

	trace_smmu3_emu_checker(emu->dev, r);
	if (r->cls == S3E_CHK_QUEUE) {
		dev_warn_ratelimited(emu->dev,
				     "checker: class %u %s: %s, queue base %#llx, value %#llx\n",
				     r->cls, smmu3_emu_chk_names[r->cls],
				     smmu3_emu_chk_queue_what(r->detail),
				     (u64)r->addr, (u64)r->value);
		return;
	}
	if (r->cls == S3E_CHK_WALK_FREED) {
		dev_warn_ratelimited(emu->dev,
				     "checker: class %u %s: SID %#x SSID %#x ASID %u VMID %u stage %u: table %#llx %s while the walk cache holds the descriptor at %#llx (iova %#llx): no %s with Leaf = 0 before CMD_SYNC\n",
				     r->cls, smmu3_emu_chk_names[r->cls], r->sid,
				     r->ssid, r->asid, r->vmid, r->stage,
				     (u64)r->addr,
				     r->detail == S3E_CHK_W_FREED ? "freed" :
								    "rewritten",
				     (u64)r->value, (u64)r->iova,
				     smmu3_emu_cmd_name(r->missing));
		return;
	}
	if (r->cls == S3E_CHK_LIVE_TORN) {
		dev_warn_ratelimited(emu->dev,
				     "checker: class %u %s: SID %#x SSID %#x addr %#llx: doublewords %#llx changed in used bits between two CMD_SYNCs (not hitless)\n",
				     r->cls, smmu3_emu_chk_names[r->cls], r->sid,
				     r->ssid, (u64)r->addr, (u64)r->value);
		return;
	}
	/* Classes 2 and 3: a level-1 or table descriptor needs Leaf = 0 */
	leaf0 = (r->cls == S3E_CHK_CFG_STALE && r->detail == S3E_CHK_C_L1) ||
		(r->cls == S3E_CHK_TLB_STALE && r->detail == S3E_CHK_T_TABLE);
	dev_warn_ratelimited(emu->dev,
			     "checker: class %u %s: SID %#x SSID %#x ASID %u VMID %u addr %#llx iova %#llx: no %s%s before CMD_SYNC\n",
			     r->cls, smmu3_emu_chk_names[r->cls], r->sid,
			     r->ssid, r->asid, r->vmid, (u64)r->addr,
			     (u64)r->iova, smmu3_emu_cmd_name(r->missing),
			     leaf0 ? " with Leaf = 0" : "");
}

/*
 * s3e_host.page_free: whether the page of RAM holding @pa is back in the
 * page allocator (reference count zero), for the checker's class 4.  A
 * page freed and allocated again in the meantime reads as in use.
 */
static int smmu3_emu_host_page_free(void *ctx, s3e_u64 pa)
{
	unsigned long pfn = PHYS_PFN(pa);

	if (!smmu3_emu_pfn_is_ram(pfn))
		return 0;
	return !page_count(pfn_to_page(pfn));
}

/* The services the core gets from this glue */
void smmu3_emu_host_init(struct smmu3_emu *emu, struct s3e_host *host)
{
	*host = (struct s3e_host) {
		.read = smmu3_emu_host_read,
		.write = smmu3_emu_host_write,
		.cmpxchg64 = smmu3_emu_host_cmpxchg64,
		.irq = smmu3_emu_host_irq,
		.sev = smmu3_emu_host_sev,
		.report = smmu3_emu_host_report,
		.page_free = smmu3_emu_host_page_free,
		.stall_wake = smmu3_emu_host_stall_wake,
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
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_stall_poll);
SMMU3_EMU_KUNIT_EXPORT(s3e_smmu_stall_abandon);
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
void smmu3_emu_trace_apply(struct smmu3_emu *emu)
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
