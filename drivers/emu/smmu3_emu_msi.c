// SPDX-License-Identifier: GPL-2.0-only
/*
 * smmu3_emu: MSIs that reach an interrupt controller.
 *
 * An SMMU signals an MSI by a 32-bit write of the payload to the address
 * in *_IRQ_CFG0 or in a CMD_SYNC (§3.18); the core performs it through the
 * host's write service like any other write.  The host writes RAM as
 * memory.  A write to the GITS_TRANSLATER register of a GICv3 ITS in the
 * device tree (compatible "arm,gic-v3-its", the register at offset
 * 0x10040 of the ITS frame) is delivered as the interconnect would deliver
 * it: an MMIO write of the payload to that register, through a mapping
 * made at probe.  Anything else that is not RAM is refused: the core
 * records the MSI abort in GERROR.
 *
 * The ITS tells interrupt sources apart by a DeviceID that comes with the
 * write (§3.18: the SMMU's own, distinct from its clients').  The store
 * here comes from a CPU, and QEMU 7.2's ITS takes the DeviceID of a write
 * to GITS_TRANSLATER from the transaction's requester ID, which only PCI
 * devices set (hw/intc/arm_gicv3_its.c, gicv3_its_translation_write();
 * hw/pci/pci.c, pci_msi_trigger()): a CPU store has DeviceID 0.  The
 * SMMU's "msi-parent" specifier must therefore be 0 under QEMU.
 */
#include <linux/device.h>
#include <linux/io.h>
#include <linux/irqchip/arm-gic-v3.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/slab.h>
#include <linux/unaligned.h>

#include "smmu3_emu_msi.h"

/**
 * struct smmu3_emu_msi_doorbell - one ITS's GITS_TRANSLATER
 * @pa: its physical address, as MSIs name it
 * @reg: its mapping
 */
struct smmu3_emu_msi_doorbell {
	phys_addr_t pa;
	void __iomem *reg;
};

/**
 * struct smmu3_emu_msi - the MSI doorbells an emulated SMMU can write
 * @doorbells: MSIs delivered to a doorbell; counted under the instance
 *	lock (the core's host services run under it), read locklessly
 * @nr: entries in @db
 * @db: the doorbells
 */
struct smmu3_emu_msi {
	u64 doorbells;
	unsigned int nr;
	struct smmu3_emu_msi_doorbell db[];
};

/* Map one ITS's GITS_TRANSLATER; false when it cannot be used */
static bool smmu3_emu_msi_map(struct device *dev, struct device_node *np,
			      struct smmu3_emu_msi_doorbell *db)
{
	struct resource res;

	if (of_address_to_resource(np, 0, &res) ||
	    resource_size(&res) < GITS_TRANSLATER + sizeof(u32)) {
		dev_warn(dev, "%pOF: no ITS frame with a GITS_TRANSLATER: MSIs to it will abort\n",
			 np);
		return false;
	}
	db->pa = res.start + GITS_TRANSLATER;
	db->reg = ioremap(db->pa, sizeof(u32));
	if (!db->reg) {
		dev_warn(dev, "%pOF: cannot map GITS_TRANSLATER at %pa: MSIs to it will abort\n",
			 np, &db->pa);
		return false;
	}
	dev_dbg(dev, "MSI doorbell: %pOF GITS_TRANSLATER at %pa\n", np,
		&db->pa);
	return true;
}

/**
 * smmu3_emu_msi_create() - map the doorbells of the device tree's ITSes
 * @dev: the emulator's device, for messages
 *
 * Context: process (probe).
 *
 * Return: the doorbells, NULL when the device tree has no usable GICv3
 * ITS (every MSI that is not to RAM aborts), or ERR_PTR(-ENOMEM).
 */
struct smmu3_emu_msi *smmu3_emu_msi_create(struct device *dev)
{
	struct smmu3_emu_msi *msi;
	struct device_node *np;
	unsigned int n = 0;

	for_each_compatible_node(np, NULL, "arm,gic-v3-its")
		if (of_device_is_available(np))
			n++;
	if (!n)
		return NULL;
	msi = kzalloc(struct_size(msi, db, n), GFP_KERNEL);
	if (!msi)
		return ERR_PTR(-ENOMEM);
	for_each_compatible_node(np, NULL, "arm,gic-v3-its") {
		/* A node that became available since it was counted */
		if (!of_device_is_available(np) || msi->nr == n)
			continue;
		if (smmu3_emu_msi_map(dev, np, &msi->db[msi->nr]))
			msi->nr++;
	}
	if (!msi->nr) {
		kfree(msi);
		return NULL;
	}
	return msi;
}

/**
 * smmu3_emu_msi_destroy() - unmap the doorbells
 * @msi: from smmu3_emu_msi_create(), or NULL
 *
 * Context: process; no MSI may be delivered any more (the core is gone).
 */
void smmu3_emu_msi_destroy(struct smmu3_emu_msi *msi)
{
	unsigned int i;

	if (IS_ERR_OR_NULL(msi))
		return;
	for (i = 0; i < msi->nr; i++)
		iounmap(msi->db[i].reg);
	kfree(msi);
}

/**
 * smmu3_emu_msi_deliver() - deliver a write that is not to RAM, if it is
 *	an MSI to a doorbell
 * @msi: the doorbells, or NULL
 * @pa: the write's physical address
 * @buf: the data, little-endian as the SMMU writes it
 * @len: its length
 *
 * A 32-bit write to a GITS_TRANSLATER becomes an MMIO write of the payload
 * to that register.  writel() orders it after every earlier write of the
 * emulator to memory (the event record before its interrupt, §3.18).
 *
 * Context: any but NMI, with the instance lock held (a host service).
 *
 * Return: true when delivered; false when the write is to be refused.
 */
bool smmu3_emu_msi_deliver(struct smmu3_emu_msi *msi, u64 pa,
			   const void *buf, unsigned long len)
{
	unsigned int i;

	if (!msi || len != sizeof(u32))
		return false;
	for (i = 0; i < msi->nr; i++) {
		if (msi->db[i].pa != pa)
			continue;
		writel(get_unaligned_le32(buf), msi->db[i].reg);
		WRITE_ONCE(msi->doorbells, msi->doorbells + 1);
		return true;
	}
	return false;
}

/**
 * smmu3_emu_msi_doorbells() - MSIs delivered to a doorbell so far
 * @msi: the doorbells, or NULL
 *
 * Return: the count (0 without doorbells).
 */
u64 smmu3_emu_msi_doorbells(const struct smmu3_emu_msi *msi)
{
	return msi ? READ_ONCE(msi->doorbells) : 0;
}
