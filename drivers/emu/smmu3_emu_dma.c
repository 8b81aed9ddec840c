// SPDX-License-Identifier: GPL-2.0-only
/*
 * smmu3_emu DMA port: the exported functions (include/smmu3/smmu3-emu.h)
 * through which a client device finds an emulator, holds a reference to
 * it, and reads and writes memory as an SMMU client would.
 */
#include <linux/device.h>
#include <linux/err.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/wait.h>

#include <smmu3/smmu3-emu.h>
#include "core/smmu.h"
#include "smmu3_emu_int.h"
#include "smmu3_emu_msi.h"

#define SMMU3_EMU_DMA_FLAGS	(SMMU3_EMU_DMA_WRITE | SMMU3_EMU_DMA_EXEC | \
				 SMMU3_EMU_DMA_PRIV)
/* smmu3_emu_dma() only */
#define SMMU3_EMU_DMA_WAIT_FLAGS	(SMMU3_EMU_DMA_FLAGS | SMMU3_EMU_DMA_WAIT)

/*
 * A DMA port transfer is cut into transactions that do not cross a 4KB
 * boundary of the input address (as a bus burst cannot); each one is
 * translated on its own, with the instance lock dropped in between.
 */
#define SMMU3_EMU_TXN_SIZE	SZ_4K

/* ------------------------------------------------------------------------
 * DMA port
 */

/* The last reference is gone: free the structure */
void smmu3_emu_release(struct kref *ref)
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

/* How long smmu3_emu_dma() waits for a stalled transaction */
static unsigned int stall_timeout_ms = 10000;
module_param(stall_timeout_ms, uint, 0644);
MODULE_PARM_DESC(stall_timeout_ms,
		 "how long a DMA port client waits for a stalled transaction (ms)");

/* The outcome of stall @stag, or S3E_STALL_GONE when the core went away */
static int smmu3_emu_stall_poll(struct smmu3_emu *emu, u32 sid, u32 stag)
{
	unsigned long irqflags;
	int st = S3E_STALL_GONE;

	spin_lock_irqsave(&emu->lock, irqflags);
	if (emu->core)
		st = s3e_smmu_stall_poll(emu->core, sid, stag);
	spin_unlock_irqrestore(&emu->lock, irqflags);
	return st;
}

static bool smmu3_emu_stall_answered(struct smmu3_emu *emu, u32 sid, u32 stag,
				     int *st)
{
	*st = smmu3_emu_stall_poll(emu, sid, stag);
	return *st != S3E_STALL_PENDING;
}

/*
 * A transaction stalled (§3.12.2): wait, sleeping, outside the lock, until
 * software resumes or terminates it (s3e_host.stall_wake), a signal, or
 * the timeout.  Return: 0 to retry the transaction; -EIO when it was
 * terminated; -ETIMEDOUT (reported) or -EINTR when the client gave up, and
 * -ENODEV when the emulator went away.
 */
static int smmu3_emu_stall_wait(struct smmu3_emu *emu, u32 sid, u32 stag)
{
	unsigned long irqflags;
	long left;
	int st = S3E_STALL_PENDING;

	left = wait_event_interruptible_timeout(emu->stall_wq,
						smmu3_emu_stall_answered(emu, sid,
									 stag,
									 &st),
						msecs_to_jiffies(stall_timeout_ms));
	if (st == S3E_STALL_RETRY)
		return 0;
	if (st == S3E_STALL_ABORT)
		return -EIO;
	if (st == S3E_STALL_GONE && left > 0)
		return -ENODEV;
	spin_lock_irqsave(&emu->lock, irqflags);
	if (emu->core)
		s3e_smmu_stall_abandon(emu->core, sid, stag);
	if (!left)
		emu->stall_timeouts++;
	spin_unlock_irqrestore(&emu->lock, irqflags);
	if (left < 0)
		return -EINTR;
	dev_warn_ratelimited(emu->dev,
			     "stall left hanging: SID %#x STAG %#x not resumed or terminated after %u ms; the client gave up\n",
			     sid, stag, stall_timeout_ms);
	return -ETIMEDOUT;
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
 * A write whose output address is not RAM but a GICv3 ITS doorbell
 * (GITS_TRANSLATER, 4 bytes) is delivered there as an MMIO write, as the
 * emulated SMMU's own MSIs are (smmu3_emu_msi.c): this is how a client
 * device signals an MSI whose address the iommu core mapped in the
 * client's domain (the SW_MSI window); the stats count them
 * (``dma_doorbells``).  Any other write or read that is not to RAM aborts.
 *
 * Stalls (§3.12.2, on an instance with stall slots): a transaction whose
 * fault stalls waits for software's CMD_RESUME or CMD_STALL_TERM.  With
 * SMMU3_EMU_DMA_WAIT the caller sleeps, outside the instance lock, until
 * then (a retry translates the transaction again and the transfer goes
 * on), until a signal, or until the module parameter stall_timeout_ms
 * passes (reported as a stall left hanging).  Without it the call returns
 * -EAGAIN at once and the stall is left to software, its outcome going
 * nowhere.  @fault->stalls counts the stalls.
 *
 * Context: any context but NMI; does not sleep without SMMU3_EMU_DMA_WAIT,
 * may sleep with it.  The instance lock is held, interrupts off, for one
 * transaction at a time.
 * Return: 0 when all @len bytes moved; -EFAULT when a transaction was
 * terminated with an event (@fault->event); -EIO when it was aborted
 * without one (GBPA.ABORT, STE.Config abort, a non-RAM output address) or
 * a stalled transaction was terminated; -EAGAIN when a transaction
 * stalled without SMMU3_EMU_DMA_WAIT; -ETIMEDOUT or -EINTR when the wait
 * for a stall ended unanswered; -EINVAL for bad @flags or a range that
 * wraps; -ENODEV when the emulator has been unbound.
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
	u64 doorbells;
	int ret = 0;

	if (!fault)
		fault = &dummy;
	memset(fault, 0, sizeof(*fault));
	if ((flags & ~SMMU3_EMU_DMA_WAIT_FLAGS) ||
	    (len && iova + len - 1 < iova))
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
		doorbells = smmu3_emu_msi_doorbells(emu->msi);
		moved = s3e_smmu_dma(emu->core, &txn, buf + done, chunk, &r);
		if (!done && !fault->stalls)
			emu->dma_calls++;
		emu->dma_bytes += moved;
		/* A client's MSI: a write the host delivered to a doorbell */
		if (moved == chunk)
			emu->dma_doorbells += smmu3_emu_msi_doorbells(emu->msi) -
					      doorbells;
		if (r.status == S3E_TXN_STALL && !(flags & SMMU3_EMU_DMA_WAIT))
			s3e_smmu_stall_abandon(emu->core, sid, r.stag);
		spin_unlock_irqrestore(&emu->lock, irqflags);
		done += moved;
		if (moved == chunk)
			continue;
		if (r.status != S3E_TXN_STALL) {
			ret = smmu3_emu_txn_error(&r, iova + done, fault);
			break;
		}
		fault->iova = iova + done;
		fault->event = r.event;
		fault->recorded = r.recorded;
		fault->stalls++;
		fault->stag = r.stag;
		if (!(flags & SMMU3_EMU_DMA_WAIT)) {
			ret = -EAGAIN;
			break;
		}
		/* Retried: translated again as though it had just arrived */
		ret = smmu3_emu_stall_wait(emu, sid, r.stag);
		if (ret)
			break;
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
 * Return: 0, -EFAULT, -EIO, -EINVAL or -ENODEV as for smmu3_emu_dma();
 * -EAGAIN when the transaction stalled (left to software).
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
	/* Nobody waits for a stall here: it is left to software */
	if (status == S3E_TXN_STALL)
		s3e_smmu_stall_abandon(emu->core, sid, r.stag);
	spin_unlock_irqrestore(&emu->lock, irqflags);
	if (status == S3E_TXN_STALL) {
		fault->iova = iova;
		fault->event = r.event;
		fault->recorded = r.recorded;
		fault->stalls = 1;
		fault->stag = r.stag;
		return -EAGAIN;
	}
	if (status != S3E_TXN_OK)
		return smmu3_emu_txn_error(&r, iova, fault);
	*pa = r.pa;
	return 0;
}
EXPORT_SYMBOL_GPL(smmu3_emu_translate);
