/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The emulated SMMUv3 (module smmu3_emu): what other kernel code sees of it.
 *
 * - Client devices (the test device) find their emulator with
 *   smmu3_emu_get() or smmu3_emu_get_for_device() and perform DMA through
 *   it with smmu3_emu_dma(); these are exported by smmu3_emu, so a client
 *   module depends on it at link time.
 * - The SMMU driver never links against smmu3_emu: it reaches the register
 *   file through a regmap and the interrupts through the emulator's irq
 *   domain, both by the standard kernel APIs.  smmu3_emu_regmap_lookup()
 *   below is a static inline recipe for the regmap, not an export.
 *
 * Documentation/emulator.rst ("The kernel module") describes the whole
 * interface; Documentation/devicetree/bindings/smmu3,emulated-smmuv3.yaml
 * the device tree side.
 */
#ifndef SMMU3_EMU_H
#define SMMU3_EMU_H

#include <linux/device.h>
#include <linux/err.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/regmap.h>
#include <linux/types.h>

/* Compatible string of the emulator's device tree node */
#define SMMU3_EMU_COMPATIBLE	"smmu3,emulated-smmuv3"

/*
 * Property of an SMMU node (and optionally of a client node) holding the
 * phandle of the emulator node
 */
#define SMMU3_EMU_PHANDLE_PROP	"smmu3,emulator"

/* Name of the regmap the emulator registers on its device */
#define SMMU3_EMU_REGMAP_NAME	"regs"

/* Interrupt specifiers (one cell) of the emulator's interrupt controller */
#define SMMU3_EMU_IRQ_EVENTQ	0
#define SMMU3_EMU_IRQ_PRIQ	1
#define SMMU3_EMU_IRQ_CMDQ_SYNC	2
#define SMMU3_EMU_IRQ_GERROR	3
#define SMMU3_EMU_NR_IRQS	4

/* Substream ID argument meaning "the transaction carries no SubstreamID" */
#define SMMU3_EMU_NO_SSID	0xffffffffU

/* smmu3_emu_dma() and smmu3_emu_translate() flags */
#define SMMU3_EMU_DMA_WRITE	0x1	/* device writes memory; else reads */
#define SMMU3_EMU_DMA_EXEC	0x2	/* instruction fetch (a read) */
#define SMMU3_EMU_DMA_PRIV	0x4	/* privileged transaction (PnU = 1) */
#define SMMU3_EMU_DMA_WAIT	0x8	/* smmu3_emu_dma(): the caller may sleep
					 * and waits for a stalled transaction
					 */

/**
 * struct smmu3_emu_fault - why a DMA port access failed
 * @iova: input address of the transaction that failed
 * @done: bytes transferred before it (smmu3_emu_dma())
 * @event: event type (EVT_F_* or EVT_C_* of <smmu3/smmu3-arch.h>) when the
 *	call returned -EFAULT; 0 for an abort without an event (-EIO)
 * @recorded: the event was written to the event queue (it may have been
 *	dropped: queue disabled or full)
 * @stalls: transactions of the call that stalled (SMMU3_EMU_DMA_WAIT:
 *	resumed, terminated or left waiting)
 * @stag: the STAG of the last stall
 */
struct smmu3_emu_fault {
	u64 iova;
	size_t done;
	u32 event;
	bool recorded;
	u32 stalls;
	u32 stag;
};

struct smmu3_emu;

struct smmu3_emu *smmu3_emu_get(struct device *client, struct device_node *np);
struct smmu3_emu *smmu3_emu_get_for_device(struct device *client,
					   unsigned int index, u32 *sid);
void smmu3_emu_put(struct smmu3_emu *emu);
int smmu3_emu_dma(struct smmu3_emu *emu, u32 sid, u32 ssid, u64 iova,
		  void *buf, size_t len, unsigned int flags,
		  struct smmu3_emu_fault *fault);
int smmu3_emu_translate(struct smmu3_emu *emu, u32 sid, u32 ssid, u64 iova,
			unsigned int flags, phys_addr_t *pa,
			struct smmu3_emu_fault *fault);

/**
 * smmu3_emu_regmap_lookup() - the register file of the emulator an SMMU
 *	node points at, for the SMMU driver's probe
 * @dev: the SMMU device, probing; its node has SMMU3_EMU_PHANDLE_PROP
 *
 * Adds a device link (consumer @dev, supplier the emulator device) before
 * looking the regmap up, so that the emulator cannot unbind during @dev's
 * probe and unbinding it later first unbinds @dev: the regmap, which the
 * emulator allocates with devm, stays valid for as long as @dev is bound.
 * Uses only exported kernel API: the driver does not depend on smmu3_emu.
 *
 * Return: the regmap; ERR_PTR(-EPROBE_DEFER) when the emulator is not
 * bound yet; ERR_PTR(-ENODEV) or ERR_PTR(-EINVAL) for a bad device tree.
 */
static inline struct regmap *smmu3_emu_regmap_lookup(struct device *dev)
{
	struct platform_device *pdev;
	struct device_node *np;
	struct regmap *map;

	np = of_parse_phandle(dev->of_node, SMMU3_EMU_PHANDLE_PROP, 0);
	if (!np)
		return ERR_PTR(-ENODEV);
	if (!of_device_is_compatible(np, SMMU3_EMU_COMPATIBLE)) {
		of_node_put(np);
		return ERR_PTR(-EINVAL);
	}
	pdev = of_find_device_by_node(np);
	of_node_put(np);
	if (!pdev)
		return ERR_PTR(-EPROBE_DEFER);
	if (!device_link_add(dev, &pdev->dev, DL_FLAG_AUTOREMOVE_CONSUMER)) {
		put_device(&pdev->dev);
		return ERR_PTR(-EINVAL);
	}
	map = dev_get_regmap(&pdev->dev, SMMU3_EMU_REGMAP_NAME);
	put_device(&pdev->dev);
	return map ?: ERR_PTR(-EPROBE_DEFER);
}

#endif /* SMMU3_EMU_H */
