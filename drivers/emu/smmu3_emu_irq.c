// SPDX-License-Identifier: GPL-2.0-only
/*
 * smmu3_emu interrupt controller: the irq domain on the emulator's node
 * and its irq chip, whose lines are the core's interrupt outputs
 * (S3E_IRQ_*); the core's pulses (s3e_host.irq) are latched and delivered
 * from irq_work.
 */
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/irq.h>
#include <linux/irq_work.h>
#include <linux/irqdomain.h>
#include <linux/of.h>

#include "core/smmu.h"
#include "smmu3_emu_int.h"

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

void smmu3_emu_irq_work(struct irq_work *work)
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
void smmu3_emu_host_irq(void *ctx, unsigned int line)
{
	struct smmu3_emu *emu = ctx;

	if (line >= S3E_IRQ_NR)
		return;
	set_bit(line, &emu->irq_pending);
	irq_work_queue(&emu->irq_work);
}

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

const struct irq_domain_ops smmu3_emu_irq_domain_ops = {
	.xlate	= smmu3_emu_irq_xlate,
	.map	= smmu3_emu_irq_map,
};

/*
 * Quiesce and remove the interrupt controller.  The core is gone (nothing
 * pulses lines any more); consumers are unbound (device links), so the
 * mappings left are unused.
 */
void smmu3_emu_irq_teardown(struct smmu3_emu *emu)
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
