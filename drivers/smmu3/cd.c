// SPDX-License-Identifier: GPL-2.0-only
/*
 * SMMUv3 driver: context descriptors and CD tables.
 *
 * A master of an SMMU with stage 1 gets a CD table when it is probed: one
 * CD when the device has no SubstreamIDs, 1 << pasid-num-bits CDs
 * otherwise, linear up to CD_L2_ENTRIES_LOG2 bits and 2-level above when
 * the SMMU supports it, with the level-2 table of CD 0 allocated with it
 * and the others on demand.  Attaching a domain (CD 0) then needs no
 * memory: the iommu core requires a device's first attach to succeed.
 * CDs are updated with the same hitless rule as STEs (smmu3_write_entry()).
 */
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#include "smmu3.h"
#include "trace.h"

/**
 * smmu3_cd_s1() - CD of a stage-1 domain
 * @cd: CD_DWORDS words to fill
 * @cfg: io-pgtable configuration of an ARM_64_LPAE_S1 table
 * @asid: ASID of the domain
 *
 * TTB0 only (EPD1): the domain's IOVAs sit in the lower VA range.  Faults
 * are recorded (R) and terminate the transaction (A).  A table with
 * IO_PGTABLE_QUIRK_ARM_HD (dirty tracking) gets HA and HD: the SMMU sets
 * access flags and makes writable-clean (DBM) pages dirty itself instead
 * of faulting (§3.13.3, §5.4 CD.HA/HD).
 */
void smmu3_cd_s1(__le64 *cd, const struct io_pgtable_cfg *cfg,
		 u16 asid)
{
	typeof(cfg->arm_lpae_s1_cfg.tcr) tcr = cfg->arm_lpae_s1_cfg.tcr;

	memset(cd, 0, CD_SIZE);
	cd[0] = cpu_to_le64(FIELD_PREP(CD_0_T0SZ, tcr.tsz) |
			    FIELD_PREP(CD_0_TG0, tcr.tg) |
			    FIELD_PREP(CD_0_IR0, tcr.irgn) |
			    FIELD_PREP(CD_0_OR0, tcr.orgn) |
			    FIELD_PREP(CD_0_SH0, tcr.sh) |
			    CD_0_EPD1 | CD_0_V |
			    FIELD_PREP(CD_0_IPS, tcr.ips) |
			    CD_0_AA64 | CD_0_R | CD_0_A | CD_0_ASET |
			    FIELD_PREP(CD_0_ASID, asid));
	if (cfg->quirks & IO_PGTABLE_QUIRK_ARM_HD)
		cd[0] |= cpu_to_le64(CD_0_HA | CD_0_HD);
	cd[1] = cpu_to_le64(cfg->arm_lpae_s1_cfg.ttbr & CD_1_TTB0);
	cd[3] = cpu_to_le64(cfg->arm_lpae_s1_cfg.mair);
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_cd_s1);

/**
 * smmu3_cd_get_used() - bits of a CD the SMMU reads, given the CD
 * @cd: CD_DWORDS words
 * @used: CD_DWORDS words to fill
 */
void smmu3_cd_get_used(const __le64 *cd, __le64 *used)
{
	u64 w0 = le64_to_cpu(cd[0]);
	unsigned int i;

	for (i = 0; i < CD_DWORDS; i++)
		used[i] = 0;
	used[0] = cpu_to_le64(CD_0_V);
	if (!(w0 & CD_0_V))
		return;
	used[0] = cpu_to_le64(~0ULL);
	used[1] = cpu_to_le64(CD_1_TTB0);
	used[3] = cpu_to_le64(CD_3_MAIR);
	/* TTB1 is ignored while its walks are disabled */
	if (!(w0 & CD_0_EPD1))
		used[2] = cpu_to_le64(CD_2_TTB1);
	/* TTB0 likewise; T0SZ and TG0 still bound the range */
	if (w0 & CD_0_EPD0)
		used[1] = 0;
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_cd_get_used);

/**
 * smmu3_cd_l1_desc() - level-1 CD table descriptor
 * @l2: bus address of the level-2 CD table, 4KB aligned
 *
 * Return: the valid descriptor, host order.
 */
u64 smmu3_cd_l1_desc(dma_addr_t l2)
{
	return CD_L1_DESC_V | (l2 & CD_L1_DESC_L2PTR);
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_cd_l1_desc);

/**
 * struct smmu3_cd_writer - entry writer for one CD
 * @writer: the generic writer
 * @master: owner of the CD table
 * @ssid: SubstreamID of the CD
 */
struct smmu3_cd_writer {
	struct smmu3_entry_writer writer;
	struct smmu3_master *master;
	u32 ssid;
};

/*
 * CFGI_CD of @ssid for every StreamID of @master, and a CMD_SYNC.  Leaf =
 * false also invalidates the L1CD that locates the CD (§4.3.3).
 */
static void smmu3_cd_invalidate(struct smmu3_master *master, u32 ssid,
				bool leaf)
{
	struct smmu3_cmd cmds[8];
	unsigned int i, n = 0;

	for (i = 0; i < master->num_sids; i++) {
		cmds[n++] = (struct smmu3_cmd){
			.opcode = CMD_OP_CFGI_CD,
			.sid = master->sids[i],
			.ssid = ssid,
			.leaf = leaf,
		};
		if (n == ARRAY_SIZE(cmds) || i + 1 == master->num_sids) {
			smmu3_cmdq_issue(master->smmu, cmds, n);
			n = 0;
		}
	}
}

static void smmu3_cd_sync(struct smmu3_entry_writer *writer)
{
	struct smmu3_cd_writer *w =
		container_of(writer, struct smmu3_cd_writer, writer);

	smmu3_cd_invalidate(w->master, w->ssid, true);
}

static const struct smmu3_entry_writer_ops smmu3_cd_writer_ops = {
	.num_words = CD_DWORDS,
	.valid_bit = CD_0_V,
	.get_used = smmu3_cd_get_used,
	.sync = smmu3_cd_sync,
};

/*
 * The CD of a SubstreamID below 1 << s1cdmax, allocating its level-2
 * table; NULL when out of range or out of memory.
 */
static __le64 *smmu3_cdtab_cd(struct smmu3_master *master, u32 ssid)
{
	struct smmu3_cdtab *cdt = &master->cdtab;
	u32 l1 = ssid >> CD_L2_ENTRIES_LOG2;
	size_t l2_bytes = (size_t)CD_SIZE << CD_L2_ENTRIES_LOG2;

	if (!cdt->base || ssid >> cdt->s1cdmax)
		return NULL;
	if (cdt->linear)
		return cdt->base + (size_t)ssid * CD_DWORDS;

	if (!cdt->l2[l1]) {
		cdt->l2[l1] = dma_alloc_coherent(master->smmu->dev, l2_bytes,
						 &cdt->l2_dma[l1], GFP_KERNEL);
		if (!cdt->l2[l1])
			return NULL;
		/* Zeroed CDs (V = 0) visible before the descriptor */
		dma_wmb();
		WRITE_ONCE(cdt->base[l1],
			   cpu_to_le64(smmu3_cd_l1_desc(cdt->l2_dma[l1])));
		/*
		 * §3.21.2: the SMMU may hold the invalid L1CD it fetched
		 * earlier; only the non-leaf CFGI_CD removes it (§4.3.3,
		 * §5.3).
		 */
		smmu3_cd_invalidate(master, ssid, false);
	}
	return cdt->l2[l1] + (size_t)(ssid & ((1U << CD_L2_ENTRIES_LOG2) - 1)) *
	       CD_DWORDS;
}

/**
 * smmu3_cdtab_alloc() - allocate a master's CD table
 * @master: master, its ssid_bits set
 *
 * With a 2-level table, CD 0's level-2 table too: installing CD 0 cannot
 * fail afterwards.
 *
 * Return: 0 or -ENOMEM.
 */
int smmu3_cdtab_alloc(struct smmu3_master *master)
{
	struct smmu3_device *smmu = master->smmu;
	struct smmu3_cdtab *cdt = &master->cdtab;
	size_t bytes;

	if (cdt->base)
		return 0;
	cdt->s1cdmax = master->ssid_bits;
	if (master->ssid_bits <= CD_L2_ENTRIES_LOG2 ||
	    !(smmu->features & SMMU3_FEAT_2LVL_CDTAB)) {
		cdt->linear = true;
		bytes = (size_t)CD_SIZE << master->ssid_bits;
	} else {
		cdt->linear = false;
		cdt->num_l1 = 1U << (master->ssid_bits - CD_L2_ENTRIES_LOG2);
		bytes = (size_t)cdt->num_l1 * 8;
		cdt->l2 = kcalloc(cdt->num_l1, sizeof(*cdt->l2), GFP_KERNEL);
		cdt->l2_dma = kcalloc(cdt->num_l1, sizeof(*cdt->l2_dma),
				      GFP_KERNEL);
		if (!cdt->l2 || !cdt->l2_dma)
			goto err;
	}
	cdt->base = dma_alloc_coherent(smmu->dev, bytes, &cdt->base_dma,
				       GFP_KERNEL);
	if (!cdt->base)
		goto err;
	if (!smmu3_cdtab_cd(master, 0)) {
		smmu3_cdtab_free(master);
		return -ENOMEM;
	}
	return 0;
err:
	kfree(cdt->l2);
	kfree(cdt->l2_dma);
	memset(cdt, 0, sizeof(*cdt));
	return -ENOMEM;
}

/**
 * smmu3_cdtab_free() - free a master's CD table
 * @master: master; no STE may point at the table any more
 */
void smmu3_cdtab_free(struct smmu3_master *master)
{
	struct smmu3_device *smmu = master->smmu;
	struct smmu3_cdtab *cdt = &master->cdtab;
	size_t l2_bytes = (size_t)CD_SIZE << CD_L2_ENTRIES_LOG2;
	unsigned int i;

	if (!cdt->base)
		return;
	if (cdt->linear) {
		dma_free_coherent(smmu->dev, (size_t)CD_SIZE << cdt->s1cdmax,
				  cdt->base, cdt->base_dma);
	} else {
		for (i = 0; i < cdt->num_l1; i++)
			if (cdt->l2[i])
				dma_free_coherent(smmu->dev, l2_bytes,
						  cdt->l2[i], cdt->l2_dma[i]);
		dma_free_coherent(smmu->dev, (size_t)cdt->num_l1 * 8,
				  cdt->base, cdt->base_dma);
		kfree(cdt->l2);
		kfree(cdt->l2_dma);
	}
	memset(cdt, 0, sizeof(*cdt));
}

/**
 * smmu3_cdtab_prepare() - make the CD of a SubstreamID reachable
 * @master: master with a CD table
 * @ssid: SubstreamID
 *
 * Allocates the level-2 CD table that holds @ssid's CD, if missing, so
 * that smmu3_install_cd() for @ssid afterwards neither sleeps nor fails:
 * callers that install CDs under a spinlock prepare first.
 *
 * Context: may sleep.
 * Return: 0; -EINVAL when @ssid is beyond the table; -ENOMEM.
 */
int smmu3_cdtab_prepare(struct smmu3_master *master, u32 ssid)
{
	if (!master->cdtab.base || ssid >> master->cdtab.s1cdmax)
		return -EINVAL;
	return smmu3_cdtab_cd(master, ssid) ? 0 : -ENOMEM;
}

/**
 * smmu3_install_cd() - give a SubstreamID of a master a new CD
 * @master: master with a CD table
 * @ssid: SubstreamID
 * @target: the new CD (CD_0_V clear to remove it)
 *
 * Return: 0, or -EINVAL / -ENOMEM when the CD cannot be reached.
 */
int smmu3_install_cd(struct smmu3_master *master, u32 ssid,
		     const __le64 *target)
{
	struct smmu3_cd_writer w = {
		.writer.ops = &smmu3_cd_writer_ops,
		.master = master,
		.ssid = ssid,
	};
	__le64 *cd = smmu3_cdtab_cd(master, ssid);

	if (!cd)
		return master->cdtab.base ? -ENOMEM : -EINVAL;
	trace_smmu3_cd_write(master->dev, master->sids[0], ssid, target);
	smmu3_write_entry(&w.writer, cd, target);
	return 0;
}
