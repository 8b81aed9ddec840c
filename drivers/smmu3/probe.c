// SPDX-License-Identifier: GPL-2.0-only
/*
 * SMMUv3 driver: platform driver, feature discovery, reset, removal.
 *
 * Two kinds of DT node, one code path: "arm,smmu-v3" with MMIO registers
 * (hardware, QEMU's model), and "smmu3,smmu-v3" whose registers are the
 * regmap of the device its "smmu3,emulator" phandle names (the emulated
 * SMMU).  Everything after the regmap is the same.  With ACPI, the IORT
 * code creates an "arm-smmu-v3" platform device for each SMMUv3 node of
 * the IORT table; it has MMIO registers like "arm,smmu-v3".
 */
#include <linux/acpi.h>
#include <linux/acpi_iort.h>
#include <linux/crash_dump.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/mmu_notifier.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/wait.h>

#include "smmu3.h"

static bool bypass;
module_param(bypass, bool, 0444);
MODULE_PARM_DESC(bypass,
		 "Let transactions through untranslated while the SMMU is disabled (GBPA); default: abort them");

/*
 * SMMUs from just before iommu_device_register() to just before
 * iommu_device_unregister(): the core probes devices behind an SMMU while
 * it registers, before the driver core counts the SMMU as bound.
 */
static LIST_HEAD(smmu3_instances);
static DEFINE_MUTEX(smmu3_instances_lock);

/**
 * smmu3_find_by_fwnode() - the registered SMMU of a firmware node
 * @fwnode: the SMMU's node (a fwspec's iommu_fwnode)
 *
 * Return: the SMMU, or NULL when none is registered for @fwnode.
 */
struct smmu3_device *smmu3_find_by_fwnode(struct fwnode_handle *fwnode)
{
	struct smmu3_device *smmu, *found = NULL;

	mutex_lock(&smmu3_instances_lock);
	list_for_each_entry(smmu, &smmu3_instances, node) {
		if (dev_fwnode(smmu->dev) == fwnode) {
			found = smmu;
			break;
		}
	}
	mutex_unlock(&smmu3_instances_lock);
	return found;
}

static void smmu3_publish(struct smmu3_device *smmu, bool publish)
{
	mutex_lock(&smmu3_instances_lock);
	if (publish)
		list_add_tail(&smmu->node, &smmu3_instances);
	else
		list_del_init(&smmu->node);
	mutex_unlock(&smmu3_instances_lock);
}

/* How the registers are reached (of_device_id.data) */
enum smmu3_regs_kind {
	SMMU3_REGS_MMIO = 1,
	SMMU3_REGS_PROVIDER,
};

/*
 * Architected registers of each 64KB page (§6.2): from 0xe00 on, a page is
 * IMPLEMENTATION DEFINED and may hold another device's registers (the
 * PMCG counters, driven by arm_smmuv3_pmu), so it is neither claimed nor
 * mapped.
 */
#define SMMU3_REG_SZ		0xe00

/* Last register: page 1's PRIQ_CONS */
#define SMMU3_MAX_REGISTER	(SMMU3_PAGE_SIZE + SMMU3_REG_SZ - 4)

/**
 * struct smmu3_mmio - the two mapped register pages of an MMIO SMMU
 * @page0: page 0's architected registers
 * @page1: page 1's, or @page0 when the implementation has only page 0
 */
struct smmu3_mmio {
	void __iomem *page0;
	void __iomem *page1;
};

static bool smmu3_mmio_reg_ok(struct device *dev, unsigned int reg)
{
	return (reg & (SMMU3_PAGE_SIZE - 1)) < SMMU3_REG_SZ;
}

static void __iomem *smmu3_mmio_addr(struct smmu3_mmio *m, unsigned int reg)
{
	return (reg >= SMMU3_PAGE_SIZE ? m->page1 : m->page0) +
	       (reg & (SMMU3_PAGE_SIZE - 1));
}

static int smmu3_mmio_read(void *ctx, unsigned int reg, unsigned int *val)
{
	*val = readl(smmu3_mmio_addr(ctx, reg));
	return 0;
}

static int smmu3_mmio_write(void *ctx, unsigned int reg, unsigned int val)
{
	writel(val, smmu3_mmio_addr(ctx, reg));
	return 0;
}

/* The driver serialises the registers it shares (cmdq lock etc.) */
static const struct regmap_config smmu3_mmio_regmap_config = {
	.name = "smmu3",
	.reg_bits = 32,
	.val_bits = 32,
	.reg_stride = 4,
	.max_register = SMMU3_MAX_REGISTER,
	.readable_reg = smmu3_mmio_reg_ok,
	.writeable_reg = smmu3_mmio_reg_ok,
	.reg_read = smmu3_mmio_read,
	.reg_write = smmu3_mmio_write,
	.fast_io = true,
	.disable_locking = true,
};

/**
 * smmu3_write_ack() - write a register and wait for its acknowledgment
 * @smmu: SMMU
 * @reg: CR0 or IRQ_CTRL
 * @ack_reg: CR0ACK or IRQ_CTRLACK
 * @val: value
 *
 * Return: 0, or -ETIMEDOUT with the register named in the log.
 */
int smmu3_write_ack(struct smmu3_device *smmu, u32 reg, u32 ack_reg, u32 val)
{
	u32 ack;
	int ret;

	regmap_write(smmu->regmap, reg, val);
	ret = regmap_read_poll_timeout(smmu->regmap, ack_reg, ack, ack == val,
				       10, SMMU3_POLL_TIMEOUT_US);
	if (ret)
		dev_err(smmu->dev,
			"register %#x = %#x not acknowledged (ack register %#x reads %#x)\n",
			reg, val, ack_reg, ack);
	return ret;
}

static int smmu3_update_gbpa(struct smmu3_device *smmu, u32 set, u32 clr)
{
	u32 gbpa;
	int ret;

	ret = regmap_read_poll_timeout(smmu->regmap, SMMU3_GBPA, gbpa,
				       !(gbpa & GBPA_UPDATE), 10,
				       SMMU3_POLL_TIMEOUT_US);
	if (ret)
		goto timeout;
	gbpa = (gbpa & ~clr) | set | GBPA_UPDATE;
	regmap_write(smmu->regmap, SMMU3_GBPA, gbpa);
	ret = regmap_read_poll_timeout(smmu->regmap, SMMU3_GBPA, gbpa,
				       !(gbpa & GBPA_UPDATE), 10,
				       SMMU3_POLL_TIMEOUT_US);
	if (!ret)
		return 0;
timeout:
	dev_err(smmu->dev, "GBPA update not completed (GBPA %#x)\n", gbpa);
	return ret;
}

/* The kind of firmware description, for messages */
static const char *smmu3_fw_name(struct smmu3_device *smmu)
{
	return smmu->fw.type == SMMU3_FW_IORT ? "IORT" : "DT";
}

static u32 smmu3_oas_bits(u32 oas)
{
	static const u8 bits[] = { 32, 36, 40, 42, 44, 48, 52 };

	return oas < ARRAY_SIZE(bits) ? bits[oas] : 48;
}

/**
 * smmu3_probe_features() - read the ID registers
 * @smmu: SMMU, with its regmap
 *
 * Return: 0, or -ENODEV with the reason logged for an SMMU the driver
 * cannot drive.
 */
VISIBLE_IF_KUNIT int smmu3_probe_features(struct smmu3_device *smmu)
{
	struct device *dev = smmu->dev;
	u32 idr0, idr1, idr3, idr5;
	bool coherent;

	regmap_read(smmu->regmap, SMMU3_IDR0, &idr0);
	regmap_read(smmu->regmap, SMMU3_IDR1, &idr1);
	regmap_read(smmu->regmap, SMMU3_IDR3, &idr3);
	regmap_read(smmu->regmap, SMMU3_IDR5, &idr5);
	regmap_read(smmu->regmap, SMMU3_IIDR, &smmu->iidr);
	regmap_read(smmu->regmap, SMMU3_AIDR, &smmu->aidr);
	smmu->stall_model = FIELD_GET(IDR0_STALL_MODEL, idr0);
	/*
	 * §3.12.2: with 0b00, CD.S chooses per context whether faults
	 * stall; with 0b10 every context must stall (§5.2, §5.4), and the
	 * driver answers every stall (sva.c).
	 */
	if (smmu->stall_model == IDR0_STALL_MODEL_STALL)
		smmu->features |= SMMU3_FEAT_STALLS;
	if (smmu->stall_model == IDR0_STALL_MODEL_FORCE)
		smmu->features |= SMMU3_FEAT_STALLS | SMMU3_FEAT_STALL_FORCE;
	smmu->httu = FIELD_GET(IDR0_HTTU, idr0);
	/*
	 * IDR0.HTTU also depends on the system (§6.3.1); with ACPI, the IORT
	 * node's HTTU Override field says what the system supports.
	 */
	if (smmu->fw.type == SMMU3_FW_IORT && smmu->fw.iort_httu != smmu->httu) {
		dev_info(dev, "IDR0.HTTU %u overridden by the IORT: %u\n",
			 smmu->httu, smmu->fw.iort_httu);
		smmu->httu = smmu->fw.iort_httu;
	}
	smmu->vax = FIELD_GET(IDR5_VAX, idr5);

	if (idr0 & IDR0_PRI)
		smmu->features |= SMMU3_FEAT_PRI;
	if (idr0 & IDR0_ATS)
		smmu->features |= SMMU3_FEAT_ATS;
	if (idr0 & IDR0_BTM)
		smmu->features |= SMMU3_FEAT_BTM;
	if (idr1 & IDR1_ATTR_TYPES_OVR)
		smmu->features |= SMMU3_FEAT_ATTR_TYPES_OVR;

	if (!(FIELD_GET(IDR0_TTF, idr0) & IDR0_TTF_AARCH64))
		return dev_err_probe(dev, -ENODEV,
				     "no AArch64 translation table support (IDR0 %#x): cannot drive this SMMU\n",
				     idr0);
	if (FIELD_GET(IDR0_TTENDIAN, idr0) == IDR0_TTENDIAN_BE)
		return dev_err_probe(dev, -ENODEV,
				     "big-endian translation tables only (IDR0 %#x): cannot drive this SMMU\n",
				     idr0);
	smmu->features |= SMMU3_FEAT_TT_LE;
	if (idr0 & IDR0_S1P)
		smmu->features |= SMMU3_FEAT_S1;
	if (idr0 & IDR0_S2P)
		smmu->features |= SMMU3_FEAT_S2;
	if (!(smmu->features & (SMMU3_FEAT_S1 | SMMU3_FEAT_S2)))
		return dev_err_probe(dev, -ENODEV,
				     "neither stage 1 nor stage 2 translation (IDR0 %#x)\n",
				     idr0);
	if (FIELD_GET(IDR0_ST_LEVEL, idr0) == IDR0_ST_LEVEL_2LVL)
		smmu->features |= SMMU3_FEAT_2LVL_STRTAB;
	if (idr0 & IDR0_CD2L)
		smmu->features |= SMMU3_FEAT_2LVL_CDTAB;
	if (idr0 & IDR0_MSI)
		smmu->features |= SMMU3_FEAT_MSI;
	if (idr0 & IDR0_SEV)
		smmu->features |= SMMU3_FEAT_SEV;
	if (idr0 & IDR0_HYP)
		smmu->features |= SMMU3_FEAT_HYP;
	smmu->asid_bits = (idr0 & IDR0_ASID16) ? 16 : 8;
	if (idr0 & IDR0_ASID16)
		smmu->features |= SMMU3_FEAT_ASID16;
	smmu->vmid_bits = (idr0 & IDR0_VMID16) ? 16 : 8;
	if (idr0 & IDR0_VMID16)
		smmu->features |= SMMU3_FEAT_VMID16;

	/*
	 * The firmware says whether the SMMU is coherent; IDR0 should agree
	 * (§3.15: COHACC is 1 only when the system is coherent too)
	 */
	coherent = smmu->fw.coherent;
	if (coherent)
		smmu->features |= SMMU3_FEAT_COHERENCY;
	if (coherent != !!(idr0 & IDR0_COHACC))
		dev_warn(dev, "IDR0.COHACC (%u) disagrees with the %s (%scoherent): using the %s\n",
			 !!(idr0 & IDR0_COHACC), smmu3_fw_name(smmu),
			 coherent ? "" : "not ", smmu3_fw_name(smmu));

	if (idr1 & (IDR1_TABLES_PRESET | IDR1_QUEUES_PRESET))
		return dev_err_probe(dev, -ENODEV,
				     "fixed table or queue addresses (IDR1 %#x) are not supported\n",
				     idr1);
	smmu->sid_bits = FIELD_GET(IDR1_SIDSIZE, idr1);
	smmu->ssid_bits = FIELD_GET(IDR1_SSIDSIZE, idr1);
	if (!FIELD_GET(IDR1_EVENTQS, idr1))
		dev_warn(dev, "single-entry event queue (IDR1 %#x)\n", idr1);

	if (idr3 & IDR3_RIL)
		smmu->features |= SMMU3_FEAT_RANGE_INV;

	smmu->oas = smmu3_oas_bits(FIELD_GET(IDR5_OAS, idr5));
	/* io-pgtable's LPAE formats stop at 48 bits */
	smmu->oas = min_t(u32, smmu->oas, 48);
	smmu->ias = smmu->oas;
	if (idr5 & IDR5_GRAN4K)
		smmu->pgsize_bitmap |= SZ_4K | SZ_2M | SZ_1G;
	if (idr5 & IDR5_GRAN16K)
		smmu->pgsize_bitmap |= SZ_16K | SZ_32M;
	if (idr5 & IDR5_GRAN64K)
		smmu->pgsize_bitmap |= SZ_64K | SZ_512M;
	if (!smmu->pgsize_bitmap)
		return dev_err_probe(dev, -ENODEV,
				     "no translation granule supported (IDR5 %#x)\n",
				     idr5);

	dev_info(dev, "SMMUv3: %s%s, %u-bit StreamIDs (%s stream table), %u-bit SubstreamIDs, %u-bit OAS%s%s%s\n",
		 smmu->features & SMMU3_FEAT_S1 ? "stage 1" : "",
		 (smmu->features & (SMMU3_FEAT_S1 | SMMU3_FEAT_S2)) ==
		 (SMMU3_FEAT_S1 | SMMU3_FEAT_S2) ? " + stage 2" :
		 smmu->features & SMMU3_FEAT_S2 ? "stage 2" : "",
		 smmu->sid_bits,
		 smmu->sid_bits > SMMU3_STRTAB_LINEAR_MAX_BITS &&
		 (smmu->features & SMMU3_FEAT_2LVL_STRTAB) ? "2-level" :
		 "linear", smmu->ssid_bits, smmu->oas,
		 coherent ? ", coherent" : "",
		 smmu->features & SMMU3_FEAT_RANGE_INV ? ", range invalidation" :
		 "",
		 smmu->features & SMMU3_FEAT_MSI ? ", MSI" : "");
	dev_info(dev, "IIDR %#x, SMMUv3.%llu, HTTU %u, stall model %u; not used: ATS %u, PRI %u, BTM %u, VAX %u\n",
		 smmu->iidr, FIELD_GET(AIDR_MINOR, smmu->aidr), smmu->httu,
		 smmu->stall_model, !!(idr0 & IDR0_ATS), !!(idr0 & IDR0_PRI),
		 !!(idr0 & IDR0_BTM), smmu->vax);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_probe_features);

static int smmu3_alloc_queues(struct smmu3_device *smmu)
{
	u32 idr1, cmdqs, evtqs;
	int ret;

	regmap_read(smmu->regmap, SMMU3_IDR1, &idr1);
	cmdqs = min_t(u32, FIELD_GET(IDR1_CMDQS, idr1), SMMU3_QUEUE_MAX_LOG2);
	evtqs = min_t(u32, FIELD_GET(IDR1_EVENTQS, idr1), SMMU3_QUEUE_MAX_LOG2);

	/* A command and its CMD_SYNC must fit (smmu3_cmdq_batch_max()) */
	if (!smmu3_cmdq_batch_max(cmdqs))
		return dev_err_probe(smmu->dev, -ENODEV,
				     "command queue of one entry (IDR1 %#x): a command and its CMD_SYNC do not fit\n",
				     idr1);
	spin_lock_init(&smmu->cmdq.lock);
	spin_lock_init(&smmu->cmdq.prod_lock);
	ret = smmu3_queue_alloc(smmu, &smmu->cmdq.q, cmdqs, CMDQ_ENT_DWORDS,
				SMMU3_CMDQ_PROD, SMMU3_CMDQ_CONS);
	if (ret)
		return ret;
	return smmu3_queue_alloc(smmu, &smmu->evtq, evtqs, EVTQ_ENT_DWORDS,
				 smmu->page1 + SMMU3_EVENTQ_PROD,
				 smmu->page1 + SMMU3_EVENTQ_CONS);
}

/* SMMUEN, the queues and the interrupts off */
static int smmu3_disable(struct smmu3_device *smmu)
{
	int ret, ret2;

	/* Both, even when the first is not acknowledged */
	ret = smmu3_write_ack(smmu, SMMU3_CR0, SMMU3_CR0ACK, 0);
	ret2 = smmu3_write_ack(smmu, SMMU3_IRQ_CTRL, SMMU3_IRQ_CTRLACK, 0);
	return ret ?: ret2;
}

/**
 * smmu3_stop() - disable the SMMU for good
 * @smmu: SMMU
 * @wait: wait for CR0ACK and IRQ_CTRLACK (not on an SMMU that may be stuck)
 *
 * For a service failure and for shutdown: commands fail at once from now
 * on, SMMUEN, the queues and the interrupts are turned off, and GBPA
 * decides what passes (abort, unless "bypass").  Only a new probe enables
 * the SMMU again.
 */
void smmu3_stop(struct smmu3_device *smmu, bool wait)
{
	/* Waiters poll it; writers test it under the lock */
	WRITE_ONCE(smmu->cmdq.stopped, true);
	if (wait) {
		smmu3_disable(smmu);
		return;
	}
	regmap_write(smmu->regmap, SMMU3_CR0, 0);
	regmap_write(smmu->regmap, SMMU3_IRQ_CTRL, 0);
}

/**
 * smmu3_clear_irq_cfg() - zero the MSI configuration registers
 * @smmu: SMMU
 *
 * With IDR0.MSI, the event queue, GERROR and (with IDR0.PRI) PRI queue
 * interrupts are also MSIs to the address in *_IRQ_CFG0 (§6.3.21-23,
 * §6.3.30-32, §6.3.34-36).  An earlier kernel may have left addresses
 * there; zero means no MSI is written.  The driver uses the wired lines.
 */
VISIBLE_IF_KUNIT void smmu3_clear_irq_cfg(struct smmu3_device *smmu)
{
	static const u32 regs[][3] = {
		{ SMMU3_GERROR_IRQ_CFG0, SMMU3_GERROR_IRQ_CFG1,
		  SMMU3_GERROR_IRQ_CFG2 },
		{ SMMU3_EVENTQ_IRQ_CFG0, SMMU3_EVENTQ_IRQ_CFG1,
		  SMMU3_EVENTQ_IRQ_CFG2 },
		{ SMMU3_PRIQ_IRQ_CFG0, SMMU3_PRIQ_IRQ_CFG1,
		  SMMU3_PRIQ_IRQ_CFG2 },
	};
	unsigned int i, n;

	if (!(smmu->features & SMMU3_FEAT_MSI))
		return;
	n = smmu->features & SMMU3_FEAT_PRI ? 3 : 2;
	for (i = 0; i < n; i++) {
		/* CFG0 is 64-bit: both halves */
		regmap_write(smmu->regmap, regs[i][0], 0);
		regmap_write(smmu->regmap, regs[i][0] + 4, 0);
		regmap_write(smmu->regmap, regs[i][1], 0);
		regmap_write(smmu->regmap, regs[i][2], 0);
	}
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_clear_irq_cfg);

static int smmu3_reset(struct smmu3_device *smmu)
{
	struct smmu3_strtab *st = &smmu->strtab;
	bool coherent = smmu->features & SMMU3_FEAT_COHERENCY;
	u32 cr0, cache = coherent ? CR1_CACHE_WB : CR1_CACHE_NC;
	struct smmu3_cmd cmds[3] = {
		{ .opcode = CMD_OP_CFGI_ALL, .range = CMD_CFGI_RANGE_ALL },
		{ .opcode = CMD_OP_TLBI_NSNH_ALL },
		{ .opcode = CMD_OP_TLBI_EL2_ALL },
	};
	u64 base;
	int ret;

	regmap_read(smmu->regmap, SMMU3_CR0, &cr0);
	if (cr0 & CR0_SMMUEN)
		dev_warn(smmu->dev, "SMMU was enabled at probe: resetting it\n");
	/* Until SMMUEN is set again, GBPA decides what passes */
	ret = smmu3_update_gbpa(smmu, bypass ? 0 : GBPA_ABORT,
				bypass ? GBPA_ABORT : 0);
	if (ret)
		return ret;
	ret = smmu3_disable(smmu);
	if (ret)
		return ret;
	smmu3_clear_irq_cfg(smmu);

	regmap_write(smmu->regmap, SMMU3_CR1,
		     FIELD_PREP(CR1_TABLE_SH, coherent ? SMMU3_SH_ISH : 0) |
		     FIELD_PREP(CR1_TABLE_OC, cache) |
		     FIELD_PREP(CR1_TABLE_IC, cache) |
		     FIELD_PREP(CR1_QUEUE_SH, coherent ? SMMU3_SH_ISH : 0) |
		     FIELD_PREP(CR1_QUEUE_OC, cache) |
		     FIELD_PREP(CR1_QUEUE_IC, cache));
	/* Record invalid StreamIDs; ignore broadcast TLB maintenance */
	regmap_write(smmu->regmap, SMMU3_CR2, CR2_RECINVSID | CR2_PTM);

	base = STRTAB_BASE_RA | (st->base_dma & STRTAB_BASE_ADDR);
	regmap_write(smmu->regmap, SMMU3_STRTAB_BASE, lower_32_bits(base));
	regmap_write(smmu->regmap, SMMU3_STRTAB_BASE + 4, upper_32_bits(base));
	regmap_write(smmu->regmap, SMMU3_STRTAB_BASE_CFG,
		     FIELD_PREP(STRTAB_BASE_CFG_FMT, st->linear ?
				STRTAB_BASE_CFG_FMT_LINEAR :
				STRTAB_BASE_CFG_FMT_2LVL) |
		     FIELD_PREP(STRTAB_BASE_CFG_LOG2SIZE, st->log2size) |
		     FIELD_PREP(STRTAB_BASE_CFG_SPLIT,
				st->linear ? 0 : SMMU3_STRTAB_SPLIT));

	base = smmu->cmdq.q.q_base;
	regmap_write(smmu->regmap, SMMU3_CMDQ_BASE, lower_32_bits(base));
	regmap_write(smmu->regmap, SMMU3_CMDQ_BASE + 4, upper_32_bits(base));
	smmu->cmdq.q.prod = 0;
	smmu->cmdq.q.cons = 0;
	smmu->cmdq.prod64 = 0;
	smmu->cmdq.published = 0;
	atomic64_set(&smmu->cmdq.cons64, 0);
	regmap_write(smmu->regmap, SMMU3_CMDQ_PROD, 0);
	regmap_write(smmu->regmap, SMMU3_CMDQ_CONS, 0);
	cr0 = CR0_CMDQEN;
	ret = smmu3_write_ack(smmu, SMMU3_CR0, SMMU3_CR0ACK, cr0);
	if (ret)
		return ret;

	/* Nothing cached from before the reset may be used */
	ret = smmu3_cmdq_issue(smmu, cmds,
			       smmu->features & SMMU3_FEAT_HYP ? 3 : 2);
	if (ret)
		return ret;

	base = smmu->evtq.q_base;
	regmap_write(smmu->regmap, SMMU3_EVENTQ_BASE, lower_32_bits(base));
	regmap_write(smmu->regmap, SMMU3_EVENTQ_BASE + 4, upper_32_bits(base));
	smmu->evtq.prod = 0;
	smmu->evtq.cons = 0;
	regmap_write(smmu->regmap, smmu->evtq.prod_reg, 0);
	regmap_write(smmu->regmap, smmu->evtq.cons_reg, 0);
	/*
	 * A kdump kernel runs while devices of the crashed kernel may still
	 * do DMA: their faults would flood the event queue.  Upstream leaves
	 * it off there too.
	 */
	if (is_kdump_kernel()) {
		dev_info(smmu->dev, "kdump kernel: event queue left disabled\n");
	} else {
		cr0 |= CR0_EVENTQEN;
		ret = smmu3_write_ack(smmu, SMMU3_CR0, SMMU3_CR0ACK, cr0);
		if (ret)
			return ret;
	}

	/*
	 * Interrupts are requested only now: the SMMU's interrupts are off
	 * and its queues programmed, so a handler never sees the state an
	 * earlier owner left.
	 */
	ret = smmu3_setup_irqs(smmu);
	if (ret)
		return ret;

	ret = smmu3_write_ack(smmu, SMMU3_IRQ_CTRL, SMMU3_IRQ_CTRLACK,
			      IRQ_CTRL_EVENTQ_IRQEN | IRQ_CTRL_GERROR_IRQEN);
	if (ret)
		return ret;

	cr0 |= CR0_SMMUEN;
	return smmu3_write_ack(smmu, SMMU3_CR0, SMMU3_CR0ACK, cr0);
}

static void smmu3_put_provider(void *data)
{
	put_device(data);
}

/* Registers of an emulated SMMU: the regmap of the provider device */
static int smmu3_get_provider_regmap(struct smmu3_device *smmu)
{
	struct device *dev = smmu->dev;
	struct platform_device *prov;
	struct device_node *np;
	struct device_link *link;
	int ret;

	np = of_parse_phandle(dev->of_node, "smmu3,emulator", 0);
	if (!np)
		return dev_err_probe(dev, -EINVAL,
				     "no \"smmu3,emulator\" phandle to a register provider\n");
	prov = of_find_device_by_node(np);
	of_node_put(np);
	if (!prov)
		return dev_err_probe(dev, -EPROBE_DEFER,
				     "register provider not created yet\n");
	ret = devm_add_action_or_reset(dev, smmu3_put_provider, &prov->dev);
	if (ret)
		return ret;

	/*
	 * Unbinding the provider unbinds this SMMU first; binding it again
	 * probes this SMMU again.
	 */
	link = device_link_add(dev, &prov->dev, DL_FLAG_AUTOPROBE_CONSUMER);
	if (!link)
		return dev_err_probe(dev, -EINVAL,
				     "cannot link to register provider %s\n",
				     dev_name(&prov->dev));
	if (!prov->dev.driver)
		return dev_err_probe(dev, -EPROBE_DEFER,
				     "register provider %s has no driver yet\n",
				     dev_name(&prov->dev));
	smmu->regmap = dev_get_regmap(&prov->dev, NULL);
	if (!smmu->regmap)
		return dev_err_probe(dev, -EPROBE_DEFER,
				     "register provider %s offers no regmap\n",
				     dev_name(&prov->dev));
	smmu->page1 = SMMU3_PAGE_SIZE;
	return 0;
}

static void __iomem *smmu3_ioremap(struct device *dev, resource_size_t start)
{
	struct resource res = DEFINE_RES_MEM(start, SMMU3_REG_SZ);

	return devm_ioremap_resource(dev, &res);
}

/*
 * Only the architected registers of page 0 and page 1 are claimed and
 * mapped (§6.1, §6.2: page 1, at 64KB, holds the queue indexes; with only
 * page 0, the driver uses page 0's copies).  An implementation with only
 * page 0 has a 64KB region, or says so in the firmware (IORT model).
 */
static int smmu3_get_mmio_regmap(struct smmu3_device *smmu)
{
	struct platform_device *pdev = to_platform_device(smmu->dev);
	struct smmu3_mmio *mmio;
	struct resource *res;

	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return dev_err_probe(smmu->dev, -EINVAL, "no MMIO region\n");
	if (resource_size(res) < SMMU3_PAGE_SIZE)
		return dev_err_probe(smmu->dev, -EINVAL,
				     "MMIO region %pR smaller than one 64KB page\n",
				     res);
	mmio = devm_kzalloc(smmu->dev, sizeof(*mmio), GFP_KERNEL);
	if (!mmio)
		return -ENOMEM;
	mmio->page0 = smmu3_ioremap(smmu->dev, res->start);
	if (IS_ERR(mmio->page0))
		return PTR_ERR(mmio->page0);
	if (resource_size(res) >= 2 * SMMU3_PAGE_SIZE && !smmu->fw.page0_only) {
		mmio->page1 = smmu3_ioremap(smmu->dev,
					    res->start + SMMU3_PAGE_SIZE);
		if (IS_ERR(mmio->page1))
			return PTR_ERR(mmio->page1);
		smmu->page1 = SMMU3_PAGE_SIZE;
	} else {
		mmio->page1 = mmio->page0;
		smmu->page1 = 0;
	}
	smmu->regmap = devm_regmap_init(smmu->dev, NULL, mmio,
					&smmu3_mmio_regmap_config);
	if (IS_ERR(smmu->regmap))
		return dev_err_probe(smmu->dev, PTR_ERR(smmu->regmap),
				     "cannot create the MMIO regmap\n");
	return 0;
}

static void smmu3_destroy_ids(void *data)
{
	struct smmu3_device *smmu = data;

	ida_destroy(&smmu->asid_ida);
	ida_destroy(&smmu->vmid_ida);
	xa_destroy(&smmu->streams);
	mutex_destroy(&smmu->streams_mutex);
}

#ifdef CONFIG_ACPI_IORT
static const char *smmu3_iort_model_name(u32 model)
{
	switch (model) {
	case ACPI_IORT_SMMU_V3_GENERIC:
		return "generic";
	case ACPI_IORT_SMMU_V3_HISILICON_HI161X:
		return "HiSilicon Hi161x";
	case ACPI_IORT_SMMU_V3_CAVIUM_CN99XX:
		return "Cavium CN99xx";
	}
	return "unknown";
}

/* StreamIDs that the IORT's RMR nodes reserve memory for */
static void smmu3_iort_rmrs(struct smmu3_device *smmu)
{
	struct iommu_resv_region *e;
	unsigned int n = 0;
	LIST_HEAD(rmrs);

	iort_get_rmr_sids(dev_fwnode(smmu->dev), &rmrs);
	list_for_each_entry(e, &rmrs, list)
		n += container_of(e, struct iommu_iort_rmr_data, rr)->num_sids;
	iort_put_rmr_sids(dev_fwnode(smmu->dev), &rmrs);
	/*
	 * The regions are direct-mapped in the default domain of a device
	 * behind them (iommu_dma_get_resv_regions()); until that device is
	 * probed, its STE aborts like any other.
	 */
	if (n)
		dev_warn(smmu->dev, "IORT RMR nodes name %u StreamID(s): no bypass before their devices are attached\n",
			 n);
}

/**
 * smmu3_probe_iort() - read the IORT SMMUv3 node of the device
 * @smmu: SMMU whose device the IORT code created; its platform data
 *	points to the node
 *
 * Coherency, HTTU override and model go to @smmu->fw.  The IORT code has
 * already turned the node's base address, interrupts and proximity domain
 * into the device's resources and NUMA node, and given the device an MSI
 * domain when the node maps to an ITS.
 *
 * Return: 0, or -ENODEV when the device has no IORT SMMUv3 node.
 */
VISIBLE_IF_KUNIT int smmu3_probe_iort(struct smmu3_device *smmu)
{
	struct acpi_iort_node **pnode = dev_get_platdata(smmu->dev);
	struct acpi_iort_smmu_v3 *iort;
	struct smmu3_fw *fw = &smmu->fw;

	if (!pnode || !*pnode || (*pnode)->type != ACPI_IORT_NODE_SMMU_V3)
		return dev_err_probe(smmu->dev, -ENODEV,
				     "no devicetree node and no IORT SMMUv3 node\n");
	iort = (struct acpi_iort_smmu_v3 *)(*pnode)->node_data;
	fw->type = SMMU3_FW_IORT;
	fw->iort_id = (*pnode)->identifier;
	fw->iort_model = iort->model;
	fw->iort_flags = iort->flags;
	fw->coherent = iort->flags & ACPI_IORT_SMMU_V3_COHACC_OVERRIDE;
	fw->iort_httu = FIELD_GET(ACPI_IORT_SMMU_V3_HTTU_OVERRIDE, iort->flags);
	/*
	 * CN99xx: page 1 is not implemented (the IORT code gives it a 64KB
	 * region).  Hi161x: CMD_PREFETCH_CONFIG must not be issued, which
	 * this driver never does.
	 */
	fw->page0_only = iort->model == ACPI_IORT_SMMU_V3_CAVIUM_CN99XX;
	dev_info(smmu->dev, "IORT node %u: base %#llx, model %u (%s), flags %#x (%scoherent, HTTU override %u)\n",
		 fw->iort_id, iort->base_address, fw->iort_model,
		 smmu3_iort_model_name(fw->iort_model), fw->iort_flags,
		 fw->coherent ? "" : "not ", fw->iort_httu);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_probe_iort);
#else
static int smmu3_probe_iort(struct smmu3_device *smmu)
{
	return dev_err_probe(smmu->dev, -ENODEV,
			     "no devicetree node (ACPI IORT support not built)\n");
}

static void smmu3_iort_rmrs(struct smmu3_device *smmu)
{
}
#endif

/*
 * The firmware's description: a DT node (the kind of registers from its
 * compatible), or an IORT node (MMIO registers).
 */
static int smmu3_probe_fw(struct smmu3_device *smmu, uintptr_t *kind)
{
	struct device *dev = smmu->dev;
	int ret;

	if (dev->of_node) {
		smmu->fw.type = SMMU3_FW_DT;
		smmu->fw.coherent = device_get_dma_attr(dev) == DEV_DMA_COHERENT;
		*kind = (uintptr_t)of_device_get_match_data(dev);
		return 0;
	}
	*kind = SMMU3_REGS_MMIO;
	ret = smmu3_probe_iort(smmu);
	if (!ret)
		smmu3_iort_rmrs(smmu);
	return ret;
}

static int smmu3_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct smmu3_device *smmu;
	uintptr_t kind;
	int ret;

	smmu = devm_kzalloc(dev, sizeof(*smmu), GFP_KERNEL);
	if (!smmu)
		return -ENOMEM;
	smmu->dev = dev;
	INIT_LIST_HEAD(&smmu->node);
	mutex_init(&smmu->streams_mutex);
	mutex_init(&smmu->evtq_mutex);
	spin_lock_init(&smmu->evt_lock);
	spin_lock_init(&smmu->gerror_lock);
	init_waitqueue_head(&smmu->domains_wq);
	xa_init(&smmu->streams);
	ida_init(&smmu->asid_ida);
	ida_init(&smmu->vmid_ida);
	ret = devm_add_action_or_reset(dev, smmu3_destroy_ids, smmu);
	if (ret)
		return ret;

	ret = smmu3_probe_fw(smmu, &kind);
	if (ret)
		return ret;
	if (kind == SMMU3_REGS_PROVIDER)
		ret = smmu3_get_provider_regmap(smmu);
	else
		ret = smmu3_get_mmio_regmap(smmu);
	if (ret)
		return ret;

	ret = smmu3_probe_features(smmu);
	if (ret)
		return ret;
	if (smmu3_sva_supported(smmu))
		smmu->features |= SMMU3_FEAT_SVA;
	ret = smmu3_iopf_init(smmu);
	if (ret)
		return dev_err_probe(dev, ret, "cannot allocate the I/O page fault queue\n");
	ret = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(smmu->oas));
	if (ret)
		return dev_err_probe(dev, ret, "no usable %u-bit DMA mask\n",
				     smmu->oas);
	ret = smmu3_alloc_queues(smmu);
	if (ret)
		return dev_err_probe(dev, ret, "cannot set up the queues\n");
	ret = smmu3_strtab_init(smmu);
	if (ret)
		return dev_err_probe(dev, ret,
				     "cannot allocate the stream table\n");
	platform_set_drvdata(pdev, smmu);

	ret = smmu3_reset(smmu);
	if (ret)
		goto err_disable;

	smmu3_debugfs_init(smmu);
	ret = iommu_device_sysfs_add(&smmu->iommu, dev, NULL, "%s",
				     dev_name(dev));
	if (ret)
		goto err_debugfs;
	/*
	 * SubstreamIDs need stage 1 (a CD each).  At least 1 (PASID 0 only):
	 * with 0, the iommu core would skip a device's PASID validation and
	 * report success for an attach that never reaches the driver.
	 */
	smmu->iommu.max_pasids = smmu->features & SMMU3_FEAT_S1 ?
				 1U << smmu->ssid_bits : 1;
	smmu3_publish(smmu, true);
	ret = iommu_device_register(&smmu->iommu, &smmu3_ops, dev);
	if (ret) {
		dev_err(dev, "cannot register with the iommu core: %d\n", ret);
		smmu3_publish(smmu, false);
		goto err_sysfs;
	}
	return 0;

err_sysfs:
	iommu_device_sysfs_remove(&smmu->iommu);
err_debugfs:
	smmu3_debugfs_remove(smmu);
err_disable:
	smmu3_disable(smmu);
	return ret;
}

static void smmu3_remove(struct platform_device *pdev)
{
	struct smmu3_device *smmu = platform_get_drvdata(pdev);

	/*
	 * The drivers of the devices behind this SMMU were unbound first
	 * (device links); releasing the devices leaves nothing attached.
	 */
	smmu3_publish(smmu, false);
	iommu_device_unregister(&smmu->iommu);
	/*
	 * Every device is released, but a paging domain may outlive them:
	 * an iommufd hw_pagetable lives until its user destroys it.  Freeing
	 * it uses this SMMU (TLB invalidation, ASID/VMID), so removal waits
	 * for it, as VFIO waits for the users of its devices.
	 */
	while (!wait_event_timeout(smmu->domains_wq,
				   !atomic_read(&smmu->nr_domains), 10 * HZ))
		dev_info(smmu->dev, "removal waits for %d paging domain(s) to be freed\n",
			 atomic_read(&smmu->nr_domains));
	iommu_device_sysfs_remove(&smmu->iommu);
	smmu3_debugfs_remove(smmu);
	smmu3_disable(smmu);
	if (!bypass)
		smmu3_update_gbpa(smmu, GBPA_ABORT, 0);
}

/*
 * Reboot or kexec: the next kernel must not find the SMMU walking tables
 * in memory it reuses.  A kdump kernel's SMMU may be stuck: it is not
 * waited for.
 */
static void smmu3_shutdown(struct platform_device *pdev)
{
	struct smmu3_device *smmu = platform_get_drvdata(pdev);

	smmu3_stop(smmu, !is_kdump_kernel());
}

static const struct of_device_id smmu3_of_match[] = {
	{ .compatible = "arm,smmu-v3", .data = (void *)SMMU3_REGS_MMIO },
	{ .compatible = "smmu3,smmu-v3", .data = (void *)SMMU3_REGS_PROVIDER },
	{ }
};
MODULE_DEVICE_TABLE(of, smmu3_of_match);

/* The device the IORT code creates for an SMMUv3 node (ACPI) */
static const struct platform_device_id smmu3_id_table[] = {
	{ .name = "arm-smmu-v3", .driver_data = SMMU3_REGS_MMIO },
	{ }
};
MODULE_DEVICE_TABLE(platform, smmu3_id_table);

struct platform_driver smmu3_driver = {
	.driver = {
		.name = "smmu3",
		.of_match_table = smmu3_of_match,
		/*
		 * Unbinding through sysfs is allowed (unlike upstream
		 * arm-smmu-v3): device links unbind the drivers of the
		 * devices behind the SMMU first and probe them again when it
		 * is bound again.
		 */
	},
	.id_table = smmu3_id_table,
	.probe = smmu3_probe,
	.remove = smmu3_remove,
	.shutdown = smmu3_shutdown,
};

static int __init smmu3_init(void)
{
	int ret;

	smmu3_debugfs_module_init();
	ret = platform_driver_register(&smmu3_driver);
	if (ret)
		smmu3_debugfs_module_exit();
	return ret;
}
module_init(smmu3_init);

static void __exit smmu3_exit(void)
{
	platform_driver_unregister(&smmu3_driver);
	/* The SVA domains' notifiers are freed after an SRCU grace period */
	if (IS_ENABLED(CONFIG_IOMMU_SVA))
		mmu_notifier_synchronize();
	smmu3_debugfs_module_exit();
}
module_exit(smmu3_exit);

MODULE_DESCRIPTION("ARM SMMUv3 IOMMU driver (smmu3 stack)");
MODULE_LICENSE("GPL");
