// SPDX-License-Identifier: GPL-2.0-only
/*
 * smmu3_emu: the emulated SMMUv3 as a Linux platform device.
 *
 * The device model itself is the freestanding core (drivers/emu/core,
 * interface in core/smmu.h).  The module is its host:
 *
 * - memory: the core reads and writes guest physical memory through
 *   callbacks that accept only RAM of the kernel's linear map and access it
 *   with exception-table protected loads and stores (smmu3_emu_host.c);
 * - locking: one spinlock per instance serialises every call into the core;
 * - registers: a regmap whose reg_read/reg_write go into the core, found by
 *   the SMMU driver with dev_get_regmap() on this device
 *   (smmu3_emu_regmap.c);
 * - interrupts: an irq domain on the device's node; the core's interrupt
 *   pulses are latched and delivered from irq_work (smmu3_emu_irq.c);
 * - the command queue: consumed in the register write that publishes
 *   commands, up to a budget; the rest in a work item, a budget per lock
 *   hold, as hardware consumes its queue in the background
 *   (smmu3_emu_regmap.c);
 * - the DMA port: exported functions through which a client device reads
 *   and writes memory as an SMMU client would (smmu3_emu_dma.c);
 * - statistics and the register file in debugfs (smmu3_emu_debugfs.c);
 * - trace events (smmu3_emu_trace.c).
 *
 * This file is the platform driver: configuration from the device tree,
 * probe and remove, the list of bound instances, module init and exit.
 *
 * Documentation/emulator.rst, "The kernel module", describes the design.
 */
#include <linux/bitops.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/irq_work.h>
#include <linux/irqdomain.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/regmap.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#include <smmu3/smmu3-arch.h>
#include <smmu3/smmu3-emu.h>
#include "core/smmu.h"
#include "smmu3_emu_int.h"
#include "smmu3_emu_msi.h"

static_assert(SMMU3_EMU_IRQ_EVENTQ == S3E_IRQ_EVTQ);
static_assert(SMMU3_EMU_IRQ_PRIQ == S3E_IRQ_PRIQ);
static_assert(SMMU3_EMU_IRQ_CMDQ_SYNC == S3E_IRQ_CMDQ_SYNC);
static_assert(SMMU3_EMU_IRQ_GERROR == S3E_IRQ_GERROR);
static_assert(SMMU3_EMU_NR_IRQS == S3E_IRQ_NR);
static_assert(SMMU3_EMU_NO_SSID == S3E_NO_SSID);

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

/* Bound instances, for smmu3_emu_get() */
LIST_HEAD(smmu3_emu_instances);
DEFINE_MUTEX(smmu3_emu_mutex); /* protects smmu3_emu_instances */

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
	{ "smmu3,stall-forced", offsetof(struct s3e_smmu_config, stall_forced),
	  0, 1 },
	{ "smmu3,stall-slots", offsetof(struct s3e_smmu_config, stall_slots),
	  0, S3E_STALL_MAX },
	/* IDR0.HTTU: 0 none, 1 access flag, 2 access flag and dirty state */
	{ "smmu3,httu", offsetof(struct s3e_smmu_config, httu),
	  S3E_HTTU_NONE, S3E_HTTU_AF_DIRTY },
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
	if (cfg->stall_forced && !cfg->stall_slots) {
		dev_err(dev, "smmu3,stall-forced needs smmu3,stall-slots\n");
		return -EINVAL;
	}
	return smmu3_emu_parse_stages(dev, &cfg->stages);
}

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
	/* Clients waiting on a stall find no core: they end with -ENODEV */
	wake_up_all(&emu->stall_wq);
	/* The work sees no core now: it ends at once */
	cancel_work_sync(&emu->cmdq_work);
	s3e_smmu_destroy(core);
	smmu3_emu_msi_destroy(emu->msi);
	emu->msi = NULL;
	if (emu->domain)
		smmu3_emu_irq_teardown(emu);
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
	init_waitqueue_head(&emu->stall_wq);
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
