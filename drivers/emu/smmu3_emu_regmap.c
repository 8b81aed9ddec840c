// SPDX-License-Identifier: GPL-2.0-only
/*
 * smmu3_emu register file: the regmap provider whose reg_read/reg_write go
 * into the core (found by the SMMU driver with dev_get_regmap()), and the
 * command queue consumed in the register write that publishes commands,
 * up to a budget, the rest in a work item.
 */
#include <linux/container_of.h>
#include <linux/regmap.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

#include <smmu3/smmu3-arch.h>
#include <smmu3/smmu3-emu.h>
#include "core/smmu.h"
#include "smmu3_emu_int.h"

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
void smmu3_emu_cmdq_work(struct work_struct *work)
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
const struct regmap_config smmu3_emu_regmap_config = {
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
