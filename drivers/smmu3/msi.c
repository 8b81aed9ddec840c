// SPDX-License-Identifier: GPL-2.0-only
/*
 * SMMUv3 driver: message-signalled interrupts of the event queue and
 * GERROR.
 *
 * An SMMU with IDR0.MSI can signal each interrupt source by a 32-bit write
 * of a payload to an address (§3.18): *_IRQ_CFG0 holds the address,
 * *_IRQ_CFG1 the payload and *_IRQ_CFG2 the memory type and Shareability
 * of the write (§6.3.21-23 for GERROR, §6.3.30-32 for the event queue,
 * §6.3.34-36 for the PRI queue).  When the firmware gives the SMMU device
 * an MSI parent (DT "msi-parent", or an IORT DeviceID mapping to an ITS
 * group; typically a GICv3 ITS), the driver allocates platform MSIs and
 * programs those registers from each message; otherwise the wired
 * interrupts are used.  CMD_SYNC completion does not use these registers
 * (queue.c).
 */
#include <linux/device.h>
#include <linux/irqdomain.h>
#include <linux/msi.h>
#include <linux/of.h>
#include <linux/of_irq.h>
#include <linux/platform_device.h>

#include "smmu3.h"

/* CFG0, CFG1 and CFG2 of each MSI index */
static const u32 smmu3_msi_regs[SMMU3_MSI_NR][3] = {
	[SMMU3_MSI_EVTQ] = { SMMU3_EVENTQ_IRQ_CFG0, SMMU3_EVENTQ_IRQ_CFG1,
			     SMMU3_EVENTQ_IRQ_CFG2 },
	[SMMU3_MSI_GERROR] = { SMMU3_GERROR_IRQ_CFG0, SMMU3_GERROR_IRQ_CFG1,
			       SMMU3_GERROR_IRQ_CFG2 },
	[SMMU3_MSI_PRIQ] = { SMMU3_PRIQ_IRQ_CFG0, SMMU3_PRIQ_IRQ_CFG1,
			     SMMU3_PRIQ_IRQ_CFG2 },
};

/**
 * smmu3_msi_irq_cfg() - the *_IRQ_CFG0/1/2 values of an MSI message
 * @msg: the message the MSI domain composed (an all-zero message when
 *	the interrupt is deactivated)
 * @cfg: the three register values
 *
 * CFG0.ADDR is the doorbell's physical address, bits [51:2]; bits [1:0]
 * of the effective address are zero and an ADDR of 0 sends no MSI
 * (§6.3.21).  CFG1 is the payload.  CFG2.MemAttr is Device-nGnRE, as Arm
 * recommends for a write to another device's register (§3.18), with SH 0:
 * a Device write is Outer Shareable whatever SH says.  A message without
 * an address gives three zeros, the state the reset leaves.
 */
void smmu3_msi_irq_cfg(const struct msi_msg *msg, struct smmu3_irq_cfg *cfg)
{
	u64 addr = ((u64)msg->address_hi << 32) | msg->address_lo;

	cfg->cfg0 = addr & MSI_CFG0_ADDR;
	if (!cfg->cfg0) {
		cfg->cfg1 = 0;
		cfg->cfg2 = 0;
		return;
	}
	cfg->cfg1 = msg->data;
	cfg->cfg2 = FIELD_PREP(MSI_CFG2_MEMATTR, SMMU3_MEMATTR_DEVICE_NGNRE);
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_msi_irq_cfg);

/**
 * smmu3_msi_write_cfg() - program one source's MSI registers
 * @smmu: SMMU
 * @index: SMMU3_MSI_*
 * @msg: the message
 *
 * The caller makes sure that the source's IRQ_CTRL enable is off: the
 * registers are guarded by it (§6.3.21).  The genirq core writes the
 * message when the interrupt is requested and zeroes it when it is freed;
 * both happen while IRQ_CTRL is 0 (smmu3_reset(), smmu3_remove()).
 */
VISIBLE_IF_KUNIT void smmu3_msi_write_cfg(struct smmu3_device *smmu,
					  unsigned int index,
					  const struct msi_msg *msg)
{
	struct smmu3_irq_cfg cfg;

	if (WARN_ON_ONCE(index >= SMMU3_MSI_NR))
		return;
	smmu3_msi_irq_cfg(msg, &cfg);
	/* CFG0 is 64-bit: both halves */
	regmap_write(smmu->regmap, smmu3_msi_regs[index][0],
		     lower_32_bits(cfg.cfg0));
	regmap_write(smmu->regmap, smmu3_msi_regs[index][0] + 4,
		     upper_32_bits(cfg.cfg0));
	regmap_write(smmu->regmap, smmu3_msi_regs[index][1], cfg.cfg1);
	regmap_write(smmu->regmap, smmu3_msi_regs[index][2], cfg.cfg2);
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_msi_write_cfg);

/* irq_write_msi_msg_t: called by genirq, possibly with interrupts off */
static void smmu3_write_msi_msg(struct msi_desc *desc, struct msi_msg *msg)
{
	struct smmu3_device *smmu = dev_get_drvdata(msi_desc_to_dev(desc));

	smmu3_msi_write_cfg(smmu, desc->msi_index, msg);
}

static void smmu3_msi_free(void *data)
{
	platform_device_msi_free_irqs_all(data);
}

/*
 * The device's MSI domain: the one of_platform gave it from its
 * "msi-parent" when the device was created, or, if the parent's driver
 * came later, looked up now.  The IORT code sets it when it creates the
 * device.
 */
static struct irq_domain *smmu3_msi_domain(struct device *dev)
{
	if (!dev_get_msi_domain(dev) && dev->of_node &&
	    of_property_present(dev->of_node, "msi-parent"))
		of_msi_configure(dev, dev->of_node);
	return dev_get_msi_domain(dev);
}

/**
 * smmu3_msi_setup() - allocate MSIs for the event queue and GERROR
 * @smmu: SMMU, IRQ_CTRL off
 * @virqs: the Linux interrupts of SMMU3_MSI_EVTQ and SMMU3_MSI_GERROR
 *
 * With IDR0.MSI and an MSI domain for the device, two platform MSIs are
 * allocated (index SMMU3_MSI_PRIQ is left for a PRI queue); devres frees
 * them after the interrupts requested on them.  Which kind of interrupt
 * the SMMU uses, and why, is logged.
 *
 * Return: 1 with @virqs filled (MSIs), 0 when the wired interrupts are to
 * be used, or a negative error.
 */
int smmu3_msi_setup(struct smmu3_device *smmu, int virqs[SMMU3_MSI_NR])
{
	struct device *dev = smmu->dev;
	const char *why;
	int ret;

	if (!(smmu->features & SMMU3_FEAT_MSI)) {
		why = "the SMMU has no MSIs (IDR0.MSI 0)";
		goto wired;
	}
	if (!smmu3_msi_domain(dev)) {
		if (!dev->of_node)
			why = "the IORT maps no DeviceID to an ITS";
		else if (of_property_present(dev->of_node, "msi-parent"))
			why = "its msi-parent has no MSI domain";
		else
			why = "no msi-parent";
		goto wired;
	}
	ret = platform_device_msi_init_and_alloc_irqs(dev, SMMU3_MSI_ALLOC,
						      smmu3_write_msi_msg);
	if (ret) {
		dev_info(dev, "interrupts: wired (MSI allocation failed: %d)\n",
			 ret);
		return 0;
	}
	virqs[SMMU3_MSI_EVTQ] = msi_get_virq(dev, SMMU3_MSI_EVTQ);
	virqs[SMMU3_MSI_GERROR] = msi_get_virq(dev, SMMU3_MSI_GERROR);
	virqs[SMMU3_MSI_PRIQ] = 0;
	if (!virqs[SMMU3_MSI_EVTQ] || !virqs[SMMU3_MSI_GERROR]) {
		platform_device_msi_free_irqs_all(dev);
		why = "MSI allocation gave no interrupt";
		goto wired;
	}
	ret = devm_add_action_or_reset(dev, smmu3_msi_free, dev);
	if (ret)
		return ret;
	dev_info(dev, "interrupts: MSI (event queue %d, GERROR %d)\n",
		 virqs[SMMU3_MSI_EVTQ], virqs[SMMU3_MSI_GERROR]);
	return 1;

wired:
	dev_info(dev, "interrupts: wired (%s)\n", why);
	return 0;
}
