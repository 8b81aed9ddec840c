// SPDX-License-Identifier: GPL-2.0-only
/*
 * smmu3_testdev_vfio: the test DMA device as a VFIO device.
 *
 * A platform driver bound through driver_override only, to a
 * "smmu3,test-dma" node (testdev-vfio in scripts/dts/smmu3.dtsi).  It
 * registers a VFIO device in the device's own IOMMU group, so that VFIO
 * (group/container, type1) or iommufd (the device cdev) takes the group's
 * DMA ownership and attaches its own UNMANAGED/paging domain of the smmu3
 * driver.  User space (a "VMM": scripts/guest-tools/smmu3-vmm.c) then
 * programs the device through region 0, a small register block
 * (include/smmu3/testdev-vfio.h), with IOVAs of its own mappings.
 *
 * The device's DMA engine runs on a worker, never in the write() that
 * starts it: it moves data in 64 KiB chunks through the emulated SMMU's
 * DMA port, smmu3_emu_dma(), with the device's StreamID and no
 * SubstreamID, translated by whatever domain VFIO attached.  The first
 * access that fails ends the operation: nothing is written past it, and
 * the fault's IOVA and event are latched in the registers.
 *
 * Interrupt (VFIO IRQ index 0, eventfd): raised on completion and on an
 * error.  With "msi-parent" in the node it is a platform MSI, allocated
 * when user space sets the eventfd (after VFIO attached its domain, whose
 * MSI cookie maps the ITS doorbell into the SW_MSI window) and freed when
 * it is disabled, when the domain changes and at close.  The device
 * signals it as hardware does: a DMA write of the MSI payload to the MSI
 * address (an IOVA) through the SMMU; the emulator delivers a write that
 * lands on a GICv3 ITS doorbell as an MMIO write, the LPI's handler here
 * signals the eventfd.  Without "msi-parent" the device signals the
 * eventfd directly (a wire to the handler: no interrupt controller).
 *
 * Lifetime: close_device(), reset, and a removal request while the device
 * is open stop the DMA engine and wait for its worker before the domain
 * can change; vfio holds a reference on this module while the device is
 * open, and unbinding waits until user space closes it.
 */
#include <linux/capability.h>
#include <linux/eventfd.h>
#include <linux/interrupt.h>
#include <linux/iommu.h>
#include <linux/jiffies.h>
#include <linux/lockdep.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/msi.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/of_irq.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/sizes.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/unaligned.h>
#include <linux/vfio.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include <smmu3/smmu3-emu.h>
#include <smmu3/testdev-vfio.h>

/* The DMA engine's internal buffer: data moves through it in chunks */
#define TDV_CHUNK		SZ_64K
#define TDV_NUM_REGIONS		1
#define TDV_NUM_IRQS		1

/**
 * struct tdv_op - one DMA operation, latched from the registers at GO
 * @op: TDV_OP_*
 * @src: source IOVA
 * @dst: destination IOVA
 * @len: bytes
 * @data: fill byte or pattern seed
 * @delay_us: pause after each chunk
 */
struct tdv_op {
	u32 op;
	u64 src;
	u64 dst;
	u64 len;
	u64 data;
	u32 delay_us;
};

/**
 * struct tdv_outcome - how an operation ended, written by the worker
 * @err: TDV_ERR_*
 * @done: bytes moved (written; read for TDV_OP_SUM)
 * @sum: TDV_OP_SUM's result
 * @fault_iova: IOVA of the access that failed
 * @fault_event: TDV_FAULT_* of it
 */
struct tdv_outcome {
	u32 err;
	u64 done;
	u64 sum;
	u64 fault_iova;
	u64 fault_event;
};

/**
 * struct tdv - the device
 * @vdev: the VFIO device (first: vfio_alloc_device() requires it)
 * @dev: the platform device
 * @emu: the emulated SMMU behind the device's SMMU (a reference)
 * @sid: the device's StreamID
 * @has_msi: the node has msi-parent and the device an MSI domain
 * @irq_name: the name of its interrupt in /proc/interrupts
 *
 * @ctl_lock: serialises stopping the engine (reset, close, removal):
 *	held across the wait for the worker, so never taken by it
 * @lock: the register file, @status, @op, @stopping, @removing, the
 *	interrupt's setup (@virq) and the device's MSI writes; taken by the
 *	worker only to start and finish, never held across a DMA chunk.
 *	Order: @ctl_lock, then @lock, then @irq_lock.
 * @stopping: the engine is being stopped: GO refused, the worker ends at
 *	its next chunk (read by the worker without @lock)
 * @removing: the device is going away (vfio asked to release it): GO
 *	refused until close
 * @stop_wq: the worker's pause between chunks ends early on @stopping
 * @work: the DMA engine
 * @buf: the engine's buffer, used by the worker only
 * @op: the running (or last) operation; written at GO, read by the worker
 * @done: bytes moved so far (worker, WRITE_ONCE; read locklessly)
 *
 * The registers (include/smmu3/testdev-vfio.h), under @lock:
 * @ctrl: CTRL's op
 * @src: SRC
 * @dst: DST
 * @len: LEN
 * @data: DATA
 * @delay_us: DELAY_US
 * @status: STATUS
 * @out: ERROR, RESULT, FAULT_IOVA and FAULT_EVENT (the last operation's
 *	outcome, written by the worker when it ends)
 * @irq_status: IRQ_STATUS
 * @irq_count: IRQ_COUNT
 * @msi_pa: MSI_PA
 * @msi_errors: MSI_ERRORS
 *
 * @irq_lock: @trigger and @msg, with the interrupt handler and the MSI
 *	message callback (hard interrupt context)
 * @trigger: the eventfd of IRQ index 0, or NULL
 * @msg: the MSI message the platform MSI domain composed
 * @virq: the allocated platform MSI, or 0 (under @lock)
 */
struct tdv {
	struct vfio_device vdev;
	struct device *dev;
	struct smmu3_emu *emu;
	u32 sid;
	bool has_msi;
	char irq_name[48];

	struct mutex ctl_lock; /* stopping the engine; see the kernel-doc */
	struct mutex lock; /* registers and interrupt setup; see the kernel-doc */
	bool stopping;
	bool removing;
	wait_queue_head_t stop_wq;
	struct work_struct work;
	void *buf;
	struct tdv_op op;
	u64 done;

	u64 ctrl;
	u64 src;
	u64 dst;
	u64 len;
	u64 data;
	u64 delay_us;
	u64 status;
	struct tdv_outcome out;
	u64 irq_status;
	u64 irq_count;
	u64 msi_pa;
	u64 msi_errors;

	spinlock_t irq_lock; /* trigger and msg; see the kernel-doc */
	struct eventfd_ctx *trigger;
	struct msi_msg msg;
	int virq;
};

static struct tdv *to_tdv(struct vfio_device *vdev)
{
	return container_of(vdev, struct tdv, vdev);
}

/* ------------------------------------------------------------------------
 * Interrupt
 */

/* The MSI's handler: the LPI the device's MSI write raised */
static irqreturn_t tdv_irq(int irq, void *arg)
{
	struct tdv *t = arg;

	spin_lock(&t->irq_lock);
	if (t->trigger)
		eventfd_signal(t->trigger);
	spin_unlock(&t->irq_lock);
	return IRQ_HANDLED;
}

/* irq_write_msi_msg_t: the device's MSI address and payload; any context */
static void tdv_write_msi_msg(struct msi_desc *desc, struct msi_msg *msg)
{
	struct tdv *t = dev_get_drvdata(msi_desc_to_dev(desc));
	unsigned long flags;

	spin_lock_irqsave(&t->irq_lock, flags);
	t->msg = *msg;
	spin_unlock_irqrestore(&t->irq_lock, flags);
}

static void tdv_msi_free(struct tdv *t)
{
	lockdep_assert_held(&t->lock);
	if (!t->virq)
		return;
	free_irq(t->virq, t);
	platform_device_msi_free_irqs_all(t->dev);
	t->virq = 0;
	spin_lock_irq(&t->irq_lock);
	memset(&t->msg, 0, sizeof(t->msg));
	spin_unlock_irq(&t->irq_lock);
}

/*
 * Allocate the platform MSI against the domain attached now: the iommu
 * core (iommu_dma_prepare_msi()) maps the ITS doorbell into the domain's
 * MSI cookie window and composes the message with that IOVA.
 */
static int tdv_msi_alloc(struct tdv *t)
{
	int ret, virq;

	lockdep_assert_held(&t->lock);
	if (t->virq)
		return 0;
	ret = platform_device_msi_init_and_alloc_irqs(t->dev, 1,
						      tdv_write_msi_msg);
	if (ret) {
		/*
		 * The device's MSI domain may exist already (the allocation
		 * failed after creating it): remove it, or every later
		 * allocation would find it and fail
		 */
		if (t->dev->msi.data)
			platform_device_msi_free_irqs_all(t->dev);
		dev_warn(t->dev, "cannot allocate the MSI: %d\n", ret);
		return ret;
	}
	virq = msi_get_virq(t->dev, 0);
	if (!virq) {
		platform_device_msi_free_irqs_all(t->dev);
		dev_warn(t->dev, "the MSI allocation gave no interrupt\n");
		return -ENOSPC;
	}
	ret = request_irq(virq, tdv_irq, 0, t->irq_name, t);
	if (ret) {
		platform_device_msi_free_irqs_all(t->dev);
		dev_warn(t->dev, "cannot request the MSI %d: %d\n", virq, ret);
		return ret;
	}
	t->virq = virq;
	dev_dbg(t->dev, "MSI %d: address %#x%08x data %#x\n", virq,
		t->msg.address_hi, t->msg.address_lo, t->msg.data);
	return 0;
}

static void tdv_irq_disable(struct tdv *t)
{
	struct eventfd_ctx *old;

	lockdep_assert_held(&t->lock);
	tdv_msi_free(t);
	spin_lock_irq(&t->irq_lock);
	old = t->trigger;
	t->trigger = NULL;
	spin_unlock_irq(&t->irq_lock);
	if (old)
		eventfd_ctx_put(old);
}

static int tdv_irq_enable(struct tdv *t, int fd)
{
	struct eventfd_ctx *ctx;
	int ret;

	lockdep_assert_held(&t->lock);
	ctx = eventfd_ctx_fdget(fd);
	if (IS_ERR(ctx))
		return PTR_ERR(ctx);
	tdv_irq_disable(t);
	spin_lock_irq(&t->irq_lock);
	t->trigger = ctx;
	spin_unlock_irq(&t->irq_lock);
	if (!t->has_msi)
		return 0;
	ret = tdv_msi_alloc(t);
	if (ret)
		tdv_irq_disable(t);
	return ret;
}

/* Signal the eventfd from the CPU (SET_IRQS DATA_NONE / DATA_BOOL) */
static void tdv_irq_loopback(struct tdv *t)
{
	spin_lock_irq(&t->irq_lock);
	if (t->trigger)
		eventfd_signal(t->trigger);
	spin_unlock_irq(&t->irq_lock);
}

/*
 * The device's MSI: a 4-byte write of the payload to the MSI address,
 * through the SMMU like any DMA of the device.  The translation first,
 * only to show where the write goes (MSI_PA).
 */
static void tdv_msi_write(struct tdv *t)
{
	struct smmu3_emu_fault fault;
	struct msi_msg msg;
	phys_addr_t pa = 0;
	__le32 payload;
	u64 addr;
	int ret;

	lockdep_assert_held(&t->lock);
	spin_lock_irq(&t->irq_lock);
	msg = t->msg;
	spin_unlock_irq(&t->irq_lock);
	addr = (u64)msg.address_hi << 32 | msg.address_lo;
	if (!t->virq || !addr) {
		t->msi_errors++;
		dev_warn_ratelimited(t->dev, "interrupt lost: no MSI allocated (the domain changed: set the eventfd again)\n");
		return;
	}
	payload = cpu_to_le32(msg.data);
	ret = smmu3_emu_translate(t->emu, t->sid, SMMU3_EMU_NO_SSID, addr,
				  SMMU3_EMU_DMA_WRITE, &pa, &fault);
	if (!ret)
		ret = smmu3_emu_dma(t->emu, t->sid, SMMU3_EMU_NO_SSID, addr,
				    &payload, sizeof(payload),
				    SMMU3_EMU_DMA_WRITE, &fault);
	t->msi_pa = pa;
	if (ret) {
		t->msi_errors++;
		dev_warn_ratelimited(t->dev, "MSI write to IOVA %#llx failed: %d, event %#x\n",
				     addr, ret, fault.event);
	}
}

/* Raise the device's interrupt, if user space set an eventfd */
static void tdv_raise(struct tdv *t)
{
	bool armed;

	lockdep_assert_held(&t->lock);
	spin_lock_irq(&t->irq_lock);
	armed = t->trigger;
	if (armed && !t->has_msi)
		eventfd_signal(t->trigger);
	spin_unlock_irq(&t->irq_lock);
	if (!armed)
		return;
	t->irq_count++;
	if (t->has_msi)
		tdv_msi_write(t);
}

/* ------------------------------------------------------------------------
 * DMA engine
 */

static u32 tdv_dma_err(int ret)
{
	switch (ret) {
	case -EFAULT:
		return TDV_ERR_FAULT;
	case -EIO:
		return TDV_ERR_ABORT;
	case -ENODEV:
		return TDV_ERR_GONE;
	default:
		return TDV_ERR_OTHER;
	}
}

/* One access through the DMA port; a failure goes into @out */
static int tdv_dma(struct tdv *t, u64 iova, void *buf, size_t len,
		   bool write, struct tdv_outcome *out)
{
	struct smmu3_emu_fault fault;
	int ret;

	ret = smmu3_emu_dma(t->emu, t->sid, SMMU3_EMU_NO_SSID, iova, buf, len,
			    write ? SMMU3_EMU_DMA_WRITE : 0, &fault);
	if (!ret)
		return 0;
	out->err = tdv_dma_err(ret);
	out->fault_iova = fault.iova;
	out->fault_event = (fault.event & TDV_FAULT_EVENT_MASK) |
			   (write ? TDV_FAULT_WRITE : 0) |
			   (fault.recorded ? TDV_FAULT_RECORDED : 0);
	/* Bytes of this access that moved before the failing transaction */
	out->done = fault.done;
	return ret;
}

/* Bytes [@off, @off + @n) of the pattern of seed @seed */
static void tdv_pattern(u8 *buf, u64 seed, u64 off, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		u64 o = off + i;
		u64 word = seed + (o & ~7ULL);

		buf[i] = word >> (8 * (o & 7));
	}
}

static u64 tdv_sum(const u8 *p, size_t n, u64 sum)
{
	while (n--)
		sum += *p++;
	return sum;
}

/* Run @op; stops at the first failure, or when the engine is stopped */
static void tdv_run(struct tdv *t, const struct tdv_op *op,
		    struct tdv_outcome *out)
{
	u64 off;
	size_t n;

	memset(out, 0, sizeof(*out));
	if (op->op == TDV_OP_FILL)
		memset(t->buf, op->data & 0xff, TDV_CHUNK);
	for (off = 0; off < op->len; off += n) {
		if (READ_ONCE(t->stopping)) {
			out->err = TDV_ERR_STOPPED;
			out->done = off;
			return;
		}
		n = min_t(u64, op->len - off, TDV_CHUNK);
		switch (op->op) {
		case TDV_OP_COPY:
			/* A read that fails: nothing of this chunk written */
			if (tdv_dma(t, op->src + off, t->buf, n, false, out)) {
				out->done = off;
				return;
			}
			fallthrough;
		case TDV_OP_FILL:
		case TDV_OP_PATTERN:
			if (op->op == TDV_OP_PATTERN)
				tdv_pattern(t->buf, op->data, off, n);
			if (tdv_dma(t, op->dst + off, t->buf, n, true, out)) {
				out->done += off;
				return;
			}
			break;
		case TDV_OP_SUM:
			if (tdv_dma(t, op->src + off, t->buf, n, false, out)) {
				out->done += off;
				return;
			}
			out->sum = tdv_sum(t->buf, n, out->sum);
			break;
		}
		WRITE_ONCE(t->done, off + n);
		if (op->delay_us)
			wait_event_timeout(t->stop_wq, READ_ONCE(t->stopping),
					   usecs_to_jiffies(op->delay_us));
	}
	out->done = op->len;
}

static void tdv_work(struct work_struct *work)
{
	struct tdv *t = container_of(work, struct tdv, work);
	struct tdv_outcome out;

	tdv_run(t, &t->op, &out);
	mutex_lock(&t->lock);
	t->out = out;
	WRITE_ONCE(t->done, out.done);
	t->status = out.err ? TDV_STATUS_ERROR : TDV_STATUS_DONE;
	/* Stopped by the kernel (reset, close, removal): no interrupt */
	if (out.err != TDV_ERR_STOPPED) {
		t->irq_status |= out.err ? TDV_IRQ_ERROR : TDV_IRQ_DONE;
		tdv_raise(t);
	}
	mutex_unlock(&t->lock);
}

/* Parameters a DMA engine cannot run: an error, as the device reports it */
static bool tdv_op_valid(const struct tdv_op *op)
{
	bool src = op->op == TDV_OP_COPY || op->op == TDV_OP_SUM;
	bool dst = op->op != TDV_OP_SUM;

	if (op->op < TDV_OP_COPY || op->op > TDV_OP_SUM)
		return false;
	if (!op->len || op->len > TDV_MAX_LEN)
		return false;
	if (src && op->src + op->len - 1 < op->src)
		return false;
	if (dst && op->dst + op->len - 1 < op->dst)
		return false;
	return true;
}

/* CTRL.GO: latch the operation and hand it to the worker */
static int tdv_go(struct tdv *t)
{
	struct tdv_op op = {
		.op = t->ctrl & TDV_CTRL_OP_MASK,
		.src = t->src,
		.dst = t->dst,
		.len = t->len,
		.data = t->data,
		.delay_us = t->delay_us,
	};

	lockdep_assert_held(&t->lock);
	if (t->removing)
		return -ENODEV;
	if (t->stopping || t->status == TDV_STATUS_BUSY)
		return -EBUSY;
	memset(&t->out, 0, sizeof(t->out));
	WRITE_ONCE(t->done, 0);
	if (!tdv_op_valid(&op)) {
		t->out.err = TDV_ERR_BAD_ARGS;
		t->status = TDV_STATUS_ERROR;
		t->irq_status |= TDV_IRQ_ERROR;
		tdv_raise(t);
		return 0;
	}
	t->op = op;
	t->status = TDV_STATUS_BUSY;
	queue_work(system_unbound_wq, &t->work);
	return 0;
}

/* Stop the engine and wait for its worker; @ctl_lock held */
static void tdv_stop(struct tdv *t)
{
	lockdep_assert_held(&t->ctl_lock);
	mutex_lock(&t->lock);
	t->stopping = true;
	mutex_unlock(&t->lock);
	wake_up(&t->stop_wq);
	flush_work(&t->work);
}

/* The registers at reset; the interrupt's setup is kept */
static void tdv_reset_regs(struct tdv *t)
{
	lockdep_assert_held(&t->lock);
	t->ctrl = 0;
	t->src = 0;
	t->dst = 0;
	t->len = 0;
	t->data = 0;
	t->delay_us = 0;
	t->status = TDV_STATUS_IDLE;
	memset(&t->out, 0, sizeof(t->out));
	WRITE_ONCE(t->done, 0);
	t->irq_status = 0;
	t->irq_count = 0;
	t->msi_pa = 0;
	t->msi_errors = 0;
}

/* VFIO_DEVICE_RESET: stop a running DMA, registers to their reset values */
static int tdv_reset(struct tdv *t)
{
	mutex_lock(&t->ctl_lock);
	tdv_stop(t);
	mutex_lock(&t->lock);
	tdv_reset_regs(t);
	t->stopping = false;
	mutex_unlock(&t->lock);
	mutex_unlock(&t->ctl_lock);
	return 0;
}

/* ------------------------------------------------------------------------
 * Region 0: the registers
 */

static u64 tdv_reg_read(struct tdv *t, u64 off)
{
	struct msi_msg msg;

	lockdep_assert_held(&t->lock);
	switch (off) {
	case TDV_REG_ID:
		return TDV_ID;
	case TDV_REG_CTRL:
		return t->ctrl;
	case TDV_REG_SRC:
		return t->src;
	case TDV_REG_DST:
		return t->dst;
	case TDV_REG_LEN:
		return t->len;
	case TDV_REG_DATA:
		return t->data;
	case TDV_REG_DELAY_US:
		return t->delay_us;
	case TDV_REG_STATUS:
		return t->status;
	case TDV_REG_ERROR:
		return t->out.err;
	case TDV_REG_DONE:
		return READ_ONCE(t->done);
	case TDV_REG_RESULT:
		return t->out.sum;
	case TDV_REG_FAULT_IOVA:
		return t->out.fault_iova;
	case TDV_REG_FAULT_EVENT:
		return t->out.fault_event;
	case TDV_REG_IRQ_STATUS:
		return t->irq_status;
	case TDV_REG_IRQ_COUNT:
		return t->irq_count;
	case TDV_REG_MSI_ADDR:
	case TDV_REG_MSI_DATA:
		spin_lock_irq(&t->irq_lock);
		msg = t->msg;
		spin_unlock_irq(&t->irq_lock);
		if (off == TDV_REG_MSI_DATA)
			return msg.data;
		return (u64)msg.address_hi << 32 | msg.address_lo;
	case TDV_REG_MSI_PA:
		/* A host physical address: for those who may read memory */
		return capable(CAP_SYS_RAWIO) ? t->msi_pa : 0;
	case TDV_REG_MSI_ERRORS:
		return t->msi_errors;
	case TDV_REG_CAPS:
		return t->has_msi ? TDV_CAPS_MSI : 0;
	case TDV_REG_SID:
		return t->sid;
	default:
		return 0;
	}
}

static int tdv_reg_write(struct tdv *t, u64 off, u64 val)
{
	lockdep_assert_held(&t->lock);
	switch (off) {
	case TDV_REG_CTRL:
		if (val & ~(TDV_CTRL_OP_MASK | TDV_CTRL_GO))
			return -EINVAL;
		t->ctrl = val & TDV_CTRL_OP_MASK;
		return val & TDV_CTRL_GO ? tdv_go(t) : 0;
	case TDV_REG_SRC:
		t->src = val;
		return 0;
	case TDV_REG_DST:
		t->dst = val;
		return 0;
	case TDV_REG_LEN:
		t->len = val;
		return 0;
	case TDV_REG_DATA:
		t->data = val;
		return 0;
	case TDV_REG_DELAY_US:
		if (val > TDV_MAX_DELAY_US)
			return -EINVAL;
		t->delay_us = val;
		return 0;
	case TDV_REG_IRQ_STATUS:
		t->irq_status &= ~val;
		return 0;
	default:
		/* Read-only, or no register */
		return -EINVAL;
	}
}

/* An access of region 0: 8 bytes at an 8-byte aligned offset */
static int tdv_check_access(loff_t pos, size_t count)
{
	if (count != sizeof(u64) || pos < 0 || pos & (sizeof(u64) - 1) ||
	    pos >= TDV_REGION_SIZE)
		return -EINVAL;
	return 0;
}

static ssize_t tdv_read(struct vfio_device *vdev, char __user *buf,
			size_t count, loff_t *ppos)
{
	struct tdv *t = to_tdv(vdev);
	int ret = tdv_check_access(*ppos, count);
	u64 val;

	if (ret)
		return ret;
	mutex_lock(&t->lock);
	val = tdv_reg_read(t, *ppos);
	mutex_unlock(&t->lock);
	if (copy_to_user(buf, &val, sizeof(val)))
		return -EFAULT;
	*ppos += sizeof(val);
	return sizeof(val);
}

static ssize_t tdv_write(struct vfio_device *vdev, const char __user *buf,
			 size_t count, loff_t *ppos)
{
	struct tdv *t = to_tdv(vdev);
	int ret = tdv_check_access(*ppos, count);
	u64 val;

	if (ret)
		return ret;
	if (copy_from_user(&val, buf, sizeof(val)))
		return -EFAULT;
	mutex_lock(&t->lock);
	ret = tdv_reg_write(t, *ppos, val);
	mutex_unlock(&t->lock);
	if (ret)
		return ret;
	*ppos += sizeof(val);
	return sizeof(val);
}

/* ------------------------------------------------------------------------
 * ioctls
 */

static int tdv_set_irqs(struct tdv *t, u32 flags, u32 count, void *data)
{
	s32 fd;

	lockdep_assert_held(&t->lock);
	/* The interrupt is not maskable: only ACTION_TRIGGER */
	if ((flags & VFIO_IRQ_SET_ACTION_TYPE_MASK) !=
	    VFIO_IRQ_SET_ACTION_TRIGGER)
		return -EINVAL;
	if (!count) {
		if ((flags & VFIO_IRQ_SET_DATA_TYPE_MASK) !=
		    VFIO_IRQ_SET_DATA_NONE)
			return -EINVAL;
		tdv_irq_disable(t);
		return 0;
	}
	switch (flags & VFIO_IRQ_SET_DATA_TYPE_MASK) {
	case VFIO_IRQ_SET_DATA_NONE:
		tdv_irq_loopback(t);
		return 0;
	case VFIO_IRQ_SET_DATA_BOOL:
		if (*(u8 *)data)
			tdv_irq_loopback(t);
		return 0;
	case VFIO_IRQ_SET_DATA_EVENTFD:
		fd = *(s32 *)data;
		if (fd == -1) {
			tdv_irq_disable(t);
			return 0;
		}
		if (fd < 0)
			return -EINVAL;
		return tdv_irq_enable(t, fd);
	}
	return -EINVAL;
}

static long tdv_ioctl_set_irqs(struct tdv *t, unsigned long arg)
{
	unsigned long minsz = offsetofend(struct vfio_irq_set, count);
	struct vfio_irq_set hdr;
	size_t data_size = 0;
	void *data = NULL;
	int ret;

	if (copy_from_user(&hdr, (void __user *)arg, minsz))
		return -EFAULT;
	ret = vfio_set_irqs_validate_and_prepare(&hdr, TDV_NUM_IRQS,
						 TDV_NUM_IRQS, &data_size);
	if (ret)
		return ret;
	if (data_size) {
		data = memdup_user((void __user *)(arg + minsz), data_size);
		if (IS_ERR(data))
			return PTR_ERR(data);
	}
	mutex_lock(&t->lock);
	ret = tdv_set_irqs(t, hdr.flags, hdr.count, data);
	mutex_unlock(&t->lock);
	kfree(data);
	return ret;
}

static long tdv_ioctl(struct vfio_device *vdev, unsigned int cmd,
		      unsigned long arg)
{
	struct tdv *t = to_tdv(vdev);
	unsigned long minsz;

	switch (cmd) {
	case VFIO_DEVICE_GET_INFO: {
		struct vfio_device_info info;

		minsz = offsetofend(struct vfio_device_info, num_irqs);
		if (copy_from_user(&info, (void __user *)arg, minsz))
			return -EFAULT;
		if (info.argsz < minsz)
			return -EINVAL;
		info.flags = VFIO_DEVICE_FLAGS_PLATFORM | VFIO_DEVICE_FLAGS_RESET;
		info.num_regions = TDV_NUM_REGIONS;
		info.num_irqs = TDV_NUM_IRQS;
		return copy_to_user((void __user *)arg, &info, minsz) ?
		       -EFAULT : 0;
	}
	case VFIO_DEVICE_GET_REGION_INFO: {
		struct vfio_region_info info;

		minsz = offsetofend(struct vfio_region_info, offset);
		if (copy_from_user(&info, (void __user *)arg, minsz))
			return -EFAULT;
		if (info.argsz < minsz || info.index >= TDV_NUM_REGIONS)
			return -EINVAL;
		info.offset = 0;
		info.size = TDV_REGION_SIZE;
		info.flags = VFIO_REGION_INFO_FLAG_READ |
			     VFIO_REGION_INFO_FLAG_WRITE;
		info.cap_offset = 0;
		return copy_to_user((void __user *)arg, &info, minsz) ?
		       -EFAULT : 0;
	}
	case VFIO_DEVICE_GET_IRQ_INFO: {
		struct vfio_irq_info info;

		minsz = offsetofend(struct vfio_irq_info, count);
		if (copy_from_user(&info, (void __user *)arg, minsz))
			return -EFAULT;
		if (info.argsz < minsz || info.index >= TDV_NUM_IRQS)
			return -EINVAL;
		info.flags = VFIO_IRQ_INFO_EVENTFD;
		info.count = 1;
		return copy_to_user((void __user *)arg, &info, minsz) ?
		       -EFAULT : 0;
	}
	case VFIO_DEVICE_SET_IRQS:
		return tdv_ioctl_set_irqs(t, arg);
	case VFIO_DEVICE_RESET:
		return tdv_reset(t);
	}
	return -ENOTTY;
}

/* ------------------------------------------------------------------------
 * vfio_device_ops
 */

static int tdv_init(struct vfio_device *vdev)
{
	struct tdv *t = to_tdv(vdev);

	t->dev = vdev->dev;
	mutex_init(&t->ctl_lock);
	mutex_init(&t->lock);
	spin_lock_init(&t->irq_lock);
	init_waitqueue_head(&t->stop_wq);
	INIT_WORK(&t->work, tdv_work);
	snprintf(t->irq_name, sizeof(t->irq_name), "smmu3-vfio-%s",
		 dev_name(t->dev));
	t->buf = kmalloc(TDV_CHUNK, GFP_KERNEL);
	return t->buf ? 0 : -ENOMEM;
}

static void tdv_release(struct vfio_device *vdev)
{
	struct tdv *t = to_tdv(vdev);

	kfree(t->buf);
	if (!IS_ERR_OR_NULL(t->emu))
		smmu3_emu_put(t->emu);
	mutex_destroy(&t->lock);
	mutex_destroy(&t->ctl_lock);
}

static int tdv_open_device(struct vfio_device *vdev)
{
	struct tdv *t = to_tdv(vdev);

	mutex_lock(&t->lock);
	tdv_reset_regs(t);
	/* @removing stays: a removal requested before this open still holds */
	t->stopping = false;
	mutex_unlock(&t->lock);
	return 0;
}

/*
 * Before vfio detaches its domain: stop the engine, wait for the worker,
 * free the MSI (its cookie belongs to that domain) and the eventfd
 */
static void tdv_close_device(struct vfio_device *vdev)
{
	struct tdv *t = to_tdv(vdev);

	mutex_lock(&t->ctl_lock);
	tdv_stop(t);
	mutex_lock(&t->lock);
	tdv_irq_disable(t);
	tdv_reset_regs(t);
	t->stopping = false;
	mutex_unlock(&t->lock);
	mutex_unlock(&t->ctl_lock);
}

/* Unbind while open: stop the DMA now; vfio waits for the close */
static void tdv_request(struct vfio_device *vdev, unsigned int count)
{
	struct tdv *t = to_tdv(vdev);

	if (!count)
		dev_info(t->dev, "removal requested while user space has the device open: DMA stopped, waiting for the close\n");
	mutex_lock(&t->ctl_lock);
	/* First: a GO from now on is refused as removed, not busy */
	mutex_lock(&t->lock);
	t->removing = true;
	mutex_unlock(&t->lock);
	tdv_stop(t);
	mutex_unlock(&t->ctl_lock);
}

#if IS_ENABLED(CONFIG_IOMMUFD)
/*
 * The MSI was allocated against the domain attached then (its message is
 * an IOVA of that domain's MSI cookie): a new attachment frees it first
 * and, with an eventfd set, allocates it again against the new domain.
 */
static int tdv_attach_ioas(struct vfio_device *vdev, u32 *pt_id)
{
	struct tdv *t = to_tdv(vdev);
	int ret;

	mutex_lock(&t->lock);
	tdv_msi_free(t);
	ret = vfio_iommufd_physical_attach_ioas(vdev, pt_id);
	if (t->trigger && t->has_msi && tdv_msi_alloc(t))
		dev_warn(t->dev, "no MSI after the attach: interrupts are lost until the eventfd is set again\n");
	mutex_unlock(&t->lock);
	return ret;
}

static void tdv_detach_ioas(struct vfio_device *vdev)
{
	struct tdv *t = to_tdv(vdev);

	mutex_lock(&t->lock);
	tdv_msi_free(t);
	vfio_iommufd_physical_detach_ioas(vdev);
	mutex_unlock(&t->lock);
}
#else
#define tdv_attach_ioas	vfio_iommufd_physical_attach_ioas
#define tdv_detach_ioas	vfio_iommufd_physical_detach_ioas
#endif

static const struct vfio_device_ops tdv_ops = {
	.name = "smmu3-testdev-vfio",
	.init = tdv_init,
	.release = tdv_release,
	.open_device = tdv_open_device,
	.close_device = tdv_close_device,
	.read = tdv_read,
	.write = tdv_write,
	.ioctl = tdv_ioctl,
	.request = tdv_request,
	.bind_iommufd = vfio_iommufd_physical_bind,
	.unbind_iommufd = vfio_iommufd_physical_unbind,
	.attach_ioas = tdv_attach_ioas,
	.detach_ioas = tdv_detach_ioas,
};

/* ------------------------------------------------------------------------
 * Platform driver
 */

/* An MSI domain from the node's msi-parent, if it has one */
static bool tdv_msi_domain(struct device *dev)
{
	if (!of_property_present(dev->of_node, "msi-parent"))
		return false;
	if (!dev_get_msi_domain(dev))
		of_msi_configure(dev, dev->of_node);
	if (dev_get_msi_domain(dev))
		return true;
	dev_warn(dev, "its msi-parent has no MSI domain: the interrupt is signalled without an MSI\n");
	return false;
}

static int tdv_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct tdv *t;
	int ret;

	if (!dev->of_node)
		return dev_err_probe(dev, -ENODEV, "no device tree node\n");
	if (!device_iommu_mapped(dev))
		return dev_err_probe(dev, -ENODEV,
				     "not behind an IOMMU: VFIO needs its IOMMU group\n");
	t = vfio_alloc_device(tdv, vdev, dev, &tdv_ops);
	if (IS_ERR(t))
		return dev_err_probe(dev, PTR_ERR(t),
				     "cannot allocate the VFIO device\n");
	t->emu = smmu3_emu_get_for_device(dev, 0, &t->sid);
	if (IS_ERR(t->emu)) {
		ret = dev_err_probe(dev, PTR_ERR(t->emu),
				    "no emulated SMMU behind iommus[0]\n");
		goto err_put;
	}
	t->has_msi = tdv_msi_domain(dev);
	platform_set_drvdata(pdev, t);
	ret = vfio_register_group_dev(&t->vdev);
	if (ret) {
		dev_err_probe(dev, ret,
			      "cannot register the VFIO device (an IOMMU group with cache coherency is needed)\n");
		goto err_put;
	}
	dev_info(dev, "VFIO device, StreamID %#x, interrupt: %s\n", t->sid,
		 t->has_msi ? "MSI" : "eventfd only (no msi-parent)");
	return 0;

err_put:
	vfio_put_device(&t->vdev);
	return ret;
}

static void tdv_remove(struct platform_device *pdev)
{
	struct tdv *t = platform_get_drvdata(pdev);

	/* Waits until user space has closed the device (close_device ran) */
	vfio_unregister_group_dev(&t->vdev);
	vfio_put_device(&t->vdev);
}

/* Binds through driver_override only: no match table */
static struct platform_driver tdv_driver = {
	.driver = {
		.name = "smmu3_testdev_vfio",
	},
	.probe = tdv_probe,
	.remove = tdv_remove,
	.driver_managed_dma = true,
};
module_platform_driver(tdv_driver);

MODULE_DESCRIPTION("The SMMUv3 stack's test DMA device as a VFIO device");
MODULE_LICENSE("GPL");
