// SPDX-License-Identifier: GPL-2.0-only
/*
 * SMMUv3 driver: iommu_ops, masters and domains.
 *
 * Paging domains are stage 1 (a CD per master, ASID from an allocator)
 * when the SMMU has stage 1, else stage 2 (VMID from an allocator).  Page
 * tables come from io-pgtable-arm.  Unmaps are gathered by the iommu core
 * and invalidated in iotlb_sync, as range invalidations when the SMMU has
 * them (IDR3.RIL).  The identity domain installs bypass STEs, the blocked
 * domain abort STEs.
 */
#include <linux/interrupt.h>
#include <linux/pci.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <uapi/linux/iommufd.h>

#include "smmu3.h"
#include "trace.h"

/* Declared in the iommu core's private drivers/iommu/dma-iommu.h */
void iommu_dma_get_resv_regions(struct device *dev, struct list_head *list);

/* Software MSI window: PCI MSIs are mapped here to reach the ITS */
#define SMMU3_MSI_IOVA_BASE	0x8000000
#define SMMU3_MSI_IOVA_LENGTH	0x100000

/* Above this many per-page invalidations, invalidate the whole context */
#define SMMU3_TLBI_MAX_CMDS	256

/**
 * smmu3_check_sid() - whether a StreamID fits the SMMU
 * @sid: StreamID from the firmware description
 * @sid_bits: StreamID bits the stream table covers
 *
 * Return: 0, or -ERANGE.
 */
int smmu3_check_sid(u32 sid, u32 sid_bits)
{
	if (sid_bits < 32 && sid >> sid_bits)
		return -ERANGE;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_check_sid);

/**
 * smmu3_tlbi_range() - TLB invalidation commands for an IOVA range
 * @iova: start of the range, aligned to @granule
 * @size: bytes, a multiple of @granule
 * @granule: size of the leaf entries (or the walk granule when !@leaf)
 * @pgsize_bitmap: page sizes of the domain; the smallest is the granule
 *	size given to range invalidations (TG)
 * @leaf: only leaf entries changed
 * @range_inv: the SMMU has range invalidation (IDR3.RIL)
 * @tmpl: the command to repeat (opcode, ASID, VMID filled in); its TG,
 *	TTL, leaf, NUM and SCALE are set
 * @out: commands, @max at most (NULL when @max is 0: count only)
 * @max: room in @out
 *
 * With range invalidation, each command covers NUM+1 << SCALE granules,
 * the range split in 5-bit chunks of its page count; otherwise one command
 * per @granule.
 *
 * Return: the number of commands the range needs; only min(that, @max)
 * are written.  A caller seeing more than @max invalidates the context.
 */
unsigned int smmu3_tlbi_range(u64 iova, size_t size,
			      size_t granule,
			      unsigned long pgsize_bitmap,
			      bool leaf, bool range_inv,
			      struct smmu3_cmd *tmpl,
			      struct smmu3_cmd *out,
			      unsigned int max)
{
	unsigned int n = 0;
	u64 end = iova + size;

	if (!size || !granule || !pgsize_bitmap)
		return 0;

	if (range_inv) {
		unsigned int tg = __ffs(pgsize_bitmap);
		u64 pages = max_t(u64, size >> tg, 1);

		tmpl->tg = (tg - 10) / 2;
		/* TTL only for leaves: the level of @granule's entries */
		tmpl->ttl = leaf ? 4 - (ilog2(granule) - 3) / (tg - 3) : 0;
		tmpl->leaf = leaf;
		while (pages) {
			unsigned int scale = __ffs64(pages);
			u64 num = (pages >> scale) & 0x1f;

			if (n < max) {
				out[n] = *tmpl;
				out[n].scale = scale;
				out[n].num = num - 1;
				out[n].addr = iova;
				/*
				 * NUM = SCALE = TTL = 0 with a TG is reserved
				 * (IHI 0070 §4.4.1.1, CERROR_ILL): one granule
				 * without TTL is the plain, any-level form.
				 */
				if (!tmpl->ttl && num == 1 && !scale)
					out[n].tg = 0;
			}
			n++;
			iova += num << (scale + tg);
			pages -= num << scale;
		}
		return n;
	}

	/* Not a range: NUM and SCALE too must not keep the template's */
	tmpl->tg = 0;
	tmpl->ttl = 0;
	tmpl->num = 0;
	tmpl->scale = 0;
	tmpl->leaf = leaf;
	for (; iova < end; iova += granule) {
		if (n < max) {
			out[n] = *tmpl;
			out[n].addr = iova;
		}
		n++;
	}
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_tlbi_range);

/* --- TLB maintenance --- */

static void smmu3_tlb_inv_context(struct smmu3_domain *d)
{
	struct smmu3_cmd cmd = {};

	trace_smmu3_tlbi(d, 0, 0, 0, false);
	if (d->stage == SMMU3_STAGE1) {
		cmd.opcode = CMD_OP_TLBI_NH_ASID;
		cmd.asid = d->asid;
	} else {
		cmd.opcode = CMD_OP_TLBI_S12_VMALL;
		cmd.vmid = d->vmid;
	}
	smmu3_cmdq_issue_one(d->smmu, &cmd);
}

/* Commands of one invalidation batch, built on the stack */
#define SMMU3_TLBI_BATCH	16

/*
 * Invalidate [@iova, @iova + @size) with @tmpl's opcode and tags, or the
 * whole context with @all when that takes fewer commands.
 */
static void smmu3_tlbi_issue(struct smmu3_device *smmu, struct smmu3_cmd *tmpl,
			     const struct smmu3_cmd *all, unsigned long pgsizes,
			     unsigned long iova, size_t size, size_t granule,
			     bool leaf)
{
	bool ril = smmu->features & SMMU3_FEAT_RANGE_INV;
	struct smmu3_cmd cmds[SMMU3_TLBI_BATCH];
	size_t off, step;
	unsigned int n;

	/* Count first: too many commands cost more than a full flush */
	n = smmu3_tlbi_range(iova, size, granule, pgsizes, leaf, ril, tmpl,
			     NULL, 0);
	if (n > SMMU3_TLBI_MAX_CMDS) {
		smmu3_cmdq_issue_one(smmu, all);
		return;
	}
	/*
	 * A range needs a handful of range commands; per-granule commands
	 * are issued SMMU3_TLBI_BATCH granules at a time.
	 */
	step = n <= SMMU3_TLBI_BATCH ? size : SMMU3_TLBI_BATCH * granule;
	for (off = 0; off < size; off += step) {
		n = smmu3_tlbi_range(iova + off, min(step, size - off), granule,
				     pgsizes, leaf, ril, tmpl, cmds,
				     SMMU3_TLBI_BATCH);
		smmu3_cmdq_issue(smmu, cmds, min_t(unsigned int, n,
						   SMMU3_TLBI_BATCH));
	}
}

static void smmu3_tlb_inv_range(struct smmu3_domain *d, unsigned long iova,
				size_t size, size_t granule, bool leaf)
{
	struct smmu3_cmd tmpl = {}, all = {};

	trace_smmu3_tlbi(d, iova, size, granule, leaf);
	if (d->stage == SMMU3_STAGE1) {
		tmpl.opcode = CMD_OP_TLBI_NH_VA;
		tmpl.asid = d->asid;
		all.opcode = CMD_OP_TLBI_NH_ASID;
		all.asid = d->asid;
	} else {
		tmpl.opcode = CMD_OP_TLBI_S2_IPA;
		tmpl.vmid = d->vmid;
		all.opcode = CMD_OP_TLBI_S12_VMALL;
		all.vmid = d->vmid;
	}
	smmu3_tlbi_issue(d->smmu, &tmpl, &all, d->domain.pgsize_bitmap, iova,
			 size, granule, leaf);
}

/**
 * smmu3_tlbi_asid() - invalidate stage-1 entries of an ASID
 * @smmu: the SMMU
 * @asid: the ASID
 * @iova: start of the range, page aligned
 * @size: bytes, a multiple of PAGE_SIZE; 0: every entry of the ASID
 *
 * Walk entries too (Leaf = 0): the range's page tables may have gone.
 * Context: any; does not sleep.
 */
void smmu3_tlbi_asid(struct smmu3_device *smmu, u16 asid,
		     unsigned long iova, size_t size)
{
	struct smmu3_cmd tmpl = {
		.opcode = CMD_OP_TLBI_NH_VA,
		.asid = asid,
	};
	struct smmu3_cmd all = {
		.opcode = CMD_OP_TLBI_NH_ASID,
		.asid = asid,
	};

	if (!size) {
		smmu3_cmdq_issue_one(smmu, &all);
		return;
	}
	smmu3_tlbi_issue(smmu, &tmpl, &all, PAGE_SIZE, iova, size, PAGE_SIZE,
			 false);
}

static void smmu3_tlb_flush_all(void *cookie)
{
	smmu3_tlb_inv_context(cookie);
}

static void smmu3_tlb_flush_walk(unsigned long iova, size_t size,
				 size_t granule, void *cookie)
{
	smmu3_tlb_inv_range(cookie, iova, size, granule, false);
}

static void smmu3_tlb_add_page(struct iommu_iotlb_gather *gather,
			       unsigned long iova, size_t granule,
			       void *cookie)
{
	struct smmu3_domain *d = cookie;

	iommu_iotlb_gather_add_page(&d->domain, gather, iova, granule);
}

static const struct iommu_flush_ops smmu3_flush_ops = {
	.tlb_flush_all = smmu3_tlb_flush_all,
	.tlb_flush_walk = smmu3_tlb_flush_walk,
	.tlb_add_page = smmu3_tlb_add_page,
};

/* --- Attaching --- */

static void smmu3_install_stes(struct smmu3_master *master,
			       const __le64 *ste)
{
	unsigned int i;

	for (i = 0; i < master->num_sids; i++)
		smmu3_install_ste(master->smmu, master->sids[i], ste);
}

/* Move @master from its paging domain's list to @d's (NULL: none) */
static void smmu3_set_domain(struct smmu3_master *master,
			     struct smmu3_domain *d)
{
	struct smmu3_domain *old = master->domain;
	unsigned long flags;

	if (old) {
		spin_lock_irqsave(&old->masters_lock, flags);
		list_del(&master->domain_node);
		spin_unlock_irqrestore(&old->masters_lock, flags);
	}
	if (d) {
		spin_lock_irqsave(&d->masters_lock, flags);
		list_add(&master->domain_node, &d->masters);
		spin_unlock_irqrestore(&d->masters_lock, flags);
	}
	WRITE_ONCE(master->domain, d);
}

/* Take @master off its paging domain, STEs already switched away */
static void smmu3_detach_paging(struct smmu3_master *master)
{
	struct smmu3_domain *old = master->domain;
	__le64 cd[CD_DWORDS] = {};

	if (!old)
		return;
	trace_smmu3_detach(master, old->domain.type, old);
	smmu3_set_domain(master, NULL);
	/* No CD may keep pointing at tables that may be freed */
	if (old->stage == SMMU3_STAGE1)
		smmu3_install_cd(master, 0, cd);
	/* Stalls of transactions without a SubstreamID: the domain went */
	smmu3_stalls_abort_pasid(master, IOMMU_NO_PASID);
}

static void smmu3_attach_static(struct smmu3_master *master, bool bypass)
{
	__le64 ste[STE_DWORDS];

	if (bypass)
		smmu3_ste_bypass(ste);
	else
		smmu3_ste_abort(ste);
	smmu3_install_stes(master, ste);
	smmu3_detach_paging(master);
	trace_smmu3_attach(master, bypass ? IOMMU_DOMAIN_IDENTITY :
			   IOMMU_DOMAIN_BLOCKED, NULL);
}

static int smmu3_attach_identity(struct iommu_domain *domain,
				 struct device *dev)
{
	smmu3_attach_static(dev_iommu_priv_get(dev), true);
	return 0;
}

static int smmu3_attach_blocked(struct iommu_domain *domain,
				struct device *dev)
{
	smmu3_attach_static(dev_iommu_priv_get(dev), false);
	return 0;
}

static const struct iommu_domain_ops smmu3_identity_ops = {
	.attach_dev = smmu3_attach_identity,
};

static const struct iommu_domain_ops smmu3_blocked_ops = {
	.attach_dev = smmu3_attach_blocked,
};

static struct iommu_domain smmu3_identity_domain = {
	.type = IOMMU_DOMAIN_IDENTITY,
	.ops = &smmu3_identity_ops,
};

static struct iommu_domain smmu3_blocked_domain = {
	.type = IOMMU_DOMAIN_BLOCKED,
	.ops = &smmu3_blocked_ops,
};

static int smmu3_attach_paging(struct iommu_domain *domain, struct device *dev)
{
	struct smmu3_domain *d = to_smmu3_domain(domain);
	struct smmu3_master *master = dev_iommu_priv_get(dev);
	struct smmu3_device *smmu = master->smmu;
	bool coherent = smmu->features & SMMU3_FEAT_COHERENCY;
	__le64 ste[STE_DWORDS], cd[CD_DWORDS];
	int ret;

	/* iommufd tries domains on every device: not an error to log */
	if (d->smmu != smmu)
		return -EINVAL;
	if (master->domain == d)
		return 0;

	if (d->stage == SMMU3_STAGE1) {
		struct smmu3_ste_s1 s1;

		/*
		 * Leaving another stage-1 domain: route the stream to abort
		 * while CD 0 changes, so that no transaction sees a CD
		 * half-way between the two domains.
		 */
		if (master->domain && master->domain->stage == SMMU3_STAGE1)
			smmu3_attach_static(master, false);
		smmu3_cd_s1(cd, &d->pgtbl_cfg, d->asid);
		smmu3_cd_stall(master, cd);
		/* The CD table and CD 0's level-2 table exist (probe) */
		ret = smmu3_install_cd(master, 0, cd);
		if (ret)
			return ret;
		s1 = (struct smmu3_ste_s1){
			.cdtab_dma = master->cdtab.base_dma,
			.s1fmt = master->cdtab.linear ? STE_S1FMT_LINEAR :
				 STE_S1FMT_2LVL_64K,
			.s1cdmax = master->cdtab.s1cdmax,
			.coherent = coherent,
		};
		smmu3_ste_s1(ste, &s1);
	} else {
		smmu3_ste_s2(ste, &d->pgtbl_cfg, d->vmid, coherent);
		/* §5.2 SteIllegal(): S2S = 0 is ILLEGAL when stalls are forced */
		if (smmu->features & SMMU3_FEAT_STALL_FORCE)
			ste[2] |= cpu_to_le64(STE_2_S2S);
	}
	smmu3_install_stes(master, ste);
	smmu3_set_domain(master, d);
	trace_smmu3_attach(master, domain->type, d);
	return 0;
}

/* --- PASIDs: SubstreamIDs through their own CDs --- */

/*
 * Give @pasid of @dev the stage-1 paging domain @domain: CD number @pasid
 * (§5.4) points at its tables and ASID.  The STE's CD table covers
 * 1 << S1CDMax SubstreamIDs (§5.2 S1CDMax); SubstreamID 0 is the RID's
 * (S1DSS = SSID0).  Only while the RID is attached to a stage-1 paging
 * domain does the STE lead to the CD table: otherwise refused, since the
 * PASID's transactions would not be translated by @domain.
 */
static int smmu3_set_dev_pasid(struct iommu_domain *domain, struct device *dev,
			       ioasid_t pasid, struct iommu_domain *old)
{
	struct smmu3_domain *d = to_smmu3_domain(domain);
	struct smmu3_master *master = dev_iommu_priv_get(dev);
	__le64 cd[CD_DWORDS];
	void *prev;
	int ret;

	if (d->smmu != master->smmu || d->stage != SMMU3_STAGE1)
		return -EINVAL;
	if (!master->cdtab.base || !pasid ||
	    pasid >> master->cdtab.s1cdmax)
		return -EINVAL;
	if (!master->domain || master->domain->stage != SMMU3_STAGE1) {
		dev_dbg(dev, "PASID %u: the device is not attached to a stage-1 paging domain\n",
			pasid);
		return -EOPNOTSUPP;
	}
	prev = xa_store(&master->pasids, pasid, d, GFP_KERNEL);
	if (xa_is_err(prev))
		return xa_err(prev);
	smmu3_cd_s1(cd, &d->pgtbl_cfg, d->asid);
	smmu3_cd_stall(master, cd);
	ret = smmu3_install_cd(master, pasid, cd);
	if (ret) {
		if (prev)
			xa_store(&master->pasids, pasid, prev, GFP_KERNEL);
		else
			xa_erase(&master->pasids, pasid);
		return ret;
	}
	return 0;
}

/*
 * The PASID's CD is made invalid: its transactions fault (C_BAD_CD).  Its
 * stalls that nobody answers are aborted.
 */
static void smmu3_remove_dev_pasid(struct device *dev, ioasid_t pasid,
				   struct iommu_domain *domain)
{
	struct smmu3_master *master = dev_iommu_priv_get(dev);
	__le64 cd[CD_DWORDS] = {};

	if (!xa_erase(&master->pasids, pasid))
		return;
	if (domain->type == IOMMU_DOMAIN_SVA)
		smmu3_sva_remove_dev_pasid(master, pasid, domain);
	else
		smmu3_install_cd(master, pasid, cd);
	smmu3_stalls_abort_pasid(master, pasid);
}

/* --- Paging domains --- */

static int smmu3_map_pages(struct iommu_domain *domain, unsigned long iova,
			   phys_addr_t paddr, size_t pgsize, size_t pgcount,
			   int prot, gfp_t gfp, size_t *mapped)
{
	struct io_pgtable_ops *ops = to_smmu3_domain(domain)->pgtbl_ops;

	trace_smmu3_map(to_smmu3_domain(domain), iova, paddr, pgsize * pgcount,
			prot);
	return ops->map_pages(ops, iova, paddr, pgsize, pgcount, prot, gfp,
			      mapped);
}

static size_t smmu3_unmap_pages(struct iommu_domain *domain,
				unsigned long iova, size_t pgsize,
				size_t pgcount,
				struct iommu_iotlb_gather *gather)
{
	struct io_pgtable_ops *ops = to_smmu3_domain(domain)->pgtbl_ops;

	trace_smmu3_unmap(to_smmu3_domain(domain), iova, pgsize * pgcount);
	return ops->unmap_pages(ops, iova, pgsize, pgcount, gather);
}

static void smmu3_flush_iotlb_all(struct iommu_domain *domain)
{
	smmu3_tlb_inv_context(to_smmu3_domain(domain));
}

/**
 * smmu3_gather_inv() - how to invalidate what an iotlb gather holds
 * @gather: the gather
 * @pgsize_bitmap: page sizes of the domain
 * @granule: the granule of the invalidation
 * @leaf: whether only leaf entries changed
 *
 * Unmaps gather their page size: leaves of that size.  Reading and
 * clearing dirty state gathers only a range (iommu_dirty_bitmap_record())
 * of leaves made writable-clean again, pages or blocks: they are
 * invalidated at the smallest page size with Leaf = 0, so that no TTL
 * (§4.4.1.1: a non-zero TTL only obliges the SMMU to invalidate entries
 * of that level) lets a writable block entry stay.  Until then the SMMU
 * may keep writing through a TLB entry that still says writable, and the
 * next round of dirty tracking would miss those writes (§3.13.3: software
 * that changes AP[2] invalidates).
 *
 * Return: false when the gather is empty.
 */
VISIBLE_IF_KUNIT bool smmu3_gather_inv(const struct iommu_iotlb_gather *gather,
				       unsigned long pgsize_bitmap,
				       size_t *granule, bool *leaf)
{
	if (gather->start > gather->end || !pgsize_bitmap)
		return false;
	*granule = gather->pgsize;
	*leaf = true;
	if (!*granule) {
		*granule = 1UL << __ffs(pgsize_bitmap);
		*leaf = false;
	}
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_gather_inv);

static void smmu3_iotlb_sync(struct iommu_domain *domain,
			     struct iommu_iotlb_gather *gather)
{
	size_t granule;
	bool leaf;

	if (!smmu3_gather_inv(gather, domain->pgsize_bitmap, &granule, &leaf))
		return;
	smmu3_tlb_inv_range(to_smmu3_domain(domain), gather->start,
			    gather->end - gather->start + 1, granule, leaf);
}

static phys_addr_t smmu3_iova_to_phys(struct iommu_domain *domain,
				      dma_addr_t iova)
{
	struct io_pgtable_ops *ops = to_smmu3_domain(domain)->pgtbl_ops;

	return ops->iova_to_phys(ops, iova);
}

static void smmu3_domain_free(struct iommu_domain *domain)
{
	struct smmu3_domain *d = to_smmu3_domain(domain);

	/*
	 * The domain is attached to no master any more.  The event thread
	 * and debugfs find domains through the masters under streams_mutex
	 * and use them only while holding it: once it has been taken here,
	 * nobody still uses this one.
	 */
	mutex_lock(&d->smmu->streams_mutex);
	mutex_unlock(&d->smmu->streams_mutex);
	free_io_pgtable_ops(d->pgtbl_ops);
	/* The ASID / VMID may be reused: nothing cached may survive */
	smmu3_tlb_inv_context(d);
	if (d->stage == SMMU3_STAGE1)
		ida_free(&d->smmu->asid_ida, d->asid);
	else
		ida_free(&d->smmu->vmid_ida, d->vmid);
	if (atomic_dec_and_test(&d->smmu->nr_domains))
		wake_up(&d->smmu->domains_wq);
	kfree(d);
}

static const struct iommu_domain_ops smmu3_paging_ops = {
	.attach_dev = smmu3_attach_paging,
	.set_dev_pasid = smmu3_set_dev_pasid,
	.map_pages = smmu3_map_pages,
	.unmap_pages = smmu3_unmap_pages,
	.flush_iotlb_all = smmu3_flush_iotlb_all,
	.iotlb_sync = smmu3_iotlb_sync,
	.iova_to_phys = smmu3_iova_to_phys,
	.free = smmu3_domain_free,
};

/*
 * Hardware dirty state for a paging domain (§3.13.3): stage 1 with
 * IDR0.HTTU = 0b10 or 0b11 (§6.3.1), and coherent table walks, since the
 * SMMU's updates of the descriptors and the CPU's reads of them must meet
 * in the caches.
 */
static bool smmu3_dirty_capable(struct smmu3_device *smmu)
{
	return smmu->httu >= IDR0_HTTU_ACCESS_DIRTY &&
	       (smmu->features & (SMMU3_FEAT_S1 | SMMU3_FEAT_COHERENCY)) ==
	       (SMMU3_FEAT_S1 | SMMU3_FEAT_COHERENCY);
}

static int smmu3_read_and_clear_dirty(struct iommu_domain *domain,
				      unsigned long iova, size_t size,
				      unsigned long flags,
				      struct iommu_dirty_bitmap *dirty)
{
	struct io_pgtable_ops *ops = to_smmu3_domain(domain)->pgtbl_ops;

	/*
	 * io-pgtable makes every dirty leaf writable-clean again and adds
	 * its range to dirty->gather; the caller's iotlb_sync then
	 * invalidates those entries, so that the next write marks them
	 * dirty again instead of hitting a writable TLB entry.
	 */
	return ops->read_and_clear_dirty(ops, iova, size, flags, dirty);
}

static int smmu3_set_dirty_tracking(struct iommu_domain *domain, bool enabled)
{
	/*
	 * The SMMU always updates the dirty state of a dirty-tracking
	 * domain (CD.HD); iommufd clears the bitmap before it enables
	 * tracking, and the state is read only on request.
	 */
	return 0;
}

static const struct iommu_dirty_ops smmu3_dirty_ops = {
	.read_and_clear_dirty = smmu3_read_and_clear_dirty,
	.set_dirty_tracking = smmu3_set_dirty_tracking,
};

/*
 * A paging domain of @stage for @smmu.  @dirty: a stage-1 domain whose
 * writable pages carry DBM (IO_PGTABLE_QUIRK_ARM_HD) and whose CD sets HA
 * and HD.
 */
static struct iommu_domain *smmu3_domain_alloc(struct smmu3_device *smmu,
					       enum smmu3_stage stage,
					       bool dirty)
{
	enum io_pgtable_fmt fmt;
	struct smmu3_domain *d;
	int id;

	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return ERR_PTR(-ENOMEM);
	d->smmu = smmu;
	spin_lock_init(&d->masters_lock);
	INIT_LIST_HEAD(&d->masters);

	d->pgtbl_cfg = (struct io_pgtable_cfg){
		.pgsize_bitmap = smmu->pgsize_bitmap,
		.oas = smmu->oas,
		.coherent_walk = smmu->features & SMMU3_FEAT_COHERENCY,
		.tlb = &smmu3_flush_ops,
		.iommu_dev = smmu->dev,
	};
	d->stage = stage;
	if (stage == SMMU3_STAGE1) {
		fmt = ARM_64_LPAE_S1;
		d->pgtbl_cfg.ias = min_t(u32, VA_BITS, 48);
		if (dirty)
			d->pgtbl_cfg.quirks |= IO_PGTABLE_QUIRK_ARM_HD;
		id = ida_alloc_range(&smmu->asid_ida, 1,
				     (1U << smmu->asid_bits) - 1, GFP_KERNEL);
		d->asid = id;
	} else {
		fmt = ARM_64_LPAE_S2;
		d->pgtbl_cfg.ias = smmu->ias;
		id = ida_alloc_range(&smmu->vmid_ida, 1,
				     (1U << smmu->vmid_bits) - 1, GFP_KERNEL);
		d->vmid = id;
	}
	if (id < 0) {
		kfree(d);
		return ERR_PTR(id);
	}

	d->pgtbl_ops = alloc_io_pgtable_ops(fmt, &d->pgtbl_cfg, d);
	if (!d->pgtbl_ops) {
		if (d->stage == SMMU3_STAGE1)
			ida_free(&smmu->asid_ida, d->asid);
		else
			ida_free(&smmu->vmid_ida, d->vmid);
		kfree(d);
		return ERR_PTR(-ENOMEM);
	}
	d->domain.ops = &smmu3_paging_ops;
	if (dirty)
		d->domain.dirty_ops = &smmu3_dirty_ops;
	d->domain.pgsize_bitmap = d->pgtbl_cfg.pgsize_bitmap;
	d->domain.geometry.aperture_end = (1ULL << d->pgtbl_cfg.ias) - 1;
	d->domain.geometry.force_aperture = true;
	atomic_inc(&smmu->nr_domains);
	return &d->domain;
}

/* Stage 1 when the SMMU has it, else stage 2 */
static struct iommu_domain *smmu3_domain_alloc_paging(struct device *dev)
{
	struct smmu3_master *master = dev_iommu_priv_get(dev);
	struct smmu3_device *smmu = master->smmu;

	return smmu3_domain_alloc(smmu, smmu->features & SMMU3_FEAT_S1 ?
				  SMMU3_STAGE1 : SMMU3_STAGE2, false);
}

/**
 * smmu3_domain_alloc_user_stage() - the stage of an iommufd paging domain
 * @features: SMMU3_FEAT_* of the SMMU
 * @dirty_capable: the SMMU can track dirty state (smmu3_dirty_capable())
 * @flags: IOMMU_HWPT_ALLOC_* of the request
 * @stage: the stage, when the request can be met
 *
 * IOMMU_HWPT_ALLOC_NEST_PARENT asks for the domain a VMM's guest tables
 * would nest under: a stage-2 domain, so the SMMU needs stage 2.
 * IOMMU_HWPT_ALLOC_DIRTY_TRACKING needs hardware dirty state, which the
 * driver uses at stage 1 only (io-pgtable's stage-2 format has no DBM
 * support), so the two flags together are refused.  No flag: as for the
 * DMA API, stage 1 when the SMMU has it.
 *
 * Return: 0; -EOPNOTSUPP for a flag the driver or the SMMU cannot meet.
 */
VISIBLE_IF_KUNIT int smmu3_domain_alloc_user_stage(u32 features,
						   bool dirty_capable,
						   u32 flags,
						   enum smmu3_stage *stage)
{
	if (flags & ~(IOMMU_HWPT_ALLOC_NEST_PARENT |
		      IOMMU_HWPT_ALLOC_DIRTY_TRACKING))
		return -EOPNOTSUPP;
	if (flags & IOMMU_HWPT_ALLOC_NEST_PARENT) {
		if (!(features & SMMU3_FEAT_S2) ||
		    (flags & IOMMU_HWPT_ALLOC_DIRTY_TRACKING))
			return -EOPNOTSUPP;
		*stage = SMMU3_STAGE2;
		return 0;
	}
	if (flags & IOMMU_HWPT_ALLOC_DIRTY_TRACKING) {
		if (!dirty_capable)
			return -EOPNOTSUPP;
		*stage = SMMU3_STAGE1;
		return 0;
	}
	if (!(features & (SMMU3_FEAT_S1 | SMMU3_FEAT_S2)))
		return -EOPNOTSUPP;
	*stage = features & SMMU3_FEAT_S1 ? SMMU3_STAGE1 : SMMU3_STAGE2;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_domain_alloc_user_stage);

/*
 * iommufd's paging domains (IOMMU_HWPT_ALLOC): a nesting parent is a
 * stage-2 domain, dirty tracking a stage-1 domain with hardware dirty
 * state.  Nested (child) domains and driver-specific data are not
 * supported.
 */
static struct iommu_domain *
smmu3_domain_alloc_user(struct device *dev, u32 flags,
			struct iommu_domain *parent,
			const struct iommu_user_data *user_data)
{
	struct smmu3_master *master = dev_iommu_priv_get(dev);
	struct smmu3_device *smmu = master->smmu;
	struct iommu_domain *domain;
	enum smmu3_stage stage;
	int ret;

	if (parent || user_data)
		return ERR_PTR(-EOPNOTSUPP);
	ret = smmu3_domain_alloc_user_stage(smmu->features,
					    smmu3_dirty_capable(smmu), flags,
					    &stage);
	if (ret)
		return ERR_PTR(ret);
	domain = smmu3_domain_alloc(smmu, stage,
				    flags & IOMMU_HWPT_ALLOC_DIRTY_TRACKING);
	if (!IS_ERR(domain))
		domain->type = IOMMU_DOMAIN_UNMANAGED;
	return domain;
}

/* --- Devices --- */

static void smmu3_remove_streams(struct smmu3_master *master,
				 unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		xa_cmpxchg(&master->smmu->streams, master->sids[i], master,
			   NULL, GFP_KERNEL);
}

static struct iommu_device *smmu3_probe_device(struct device *dev)
{
	struct iommu_fwspec *fwspec = dev_iommu_fwspec_get(dev);
	struct smmu3_device *smmu;
	struct smmu3_master *master;
	unsigned int i;
	int ret;

	if (!fwspec)
		return ERR_PTR(-ENODEV);
	smmu = smmu3_find_by_fwnode(fwspec->iommu_fwnode);
	if (!smmu)
		return ERR_PTR(-ENODEV);
	/*
	 * A firmware description this SMMU cannot take is -ENODEV, not
	 * another error: the iommu core's bus_iommu_probe() fails the whole
	 * iommu_device_register() on any other error of any device it finds
	 * with a fwspec, so one bad node probing at that moment would keep
	 * the SMMU from registering at all.
	 */
	if (!fwspec->num_ids) {
		dev_err(dev, "no StreamID in the firmware description\n");
		return ERR_PTR(-ENODEV);
	}

	master = kzalloc(sizeof(*master), GFP_KERNEL);
	if (!master)
		return ERR_PTR(-ENOMEM);
	master->smmu = smmu;
	master->dev = dev;
	master->num_sids = fwspec->num_ids;
	master->sids = kmemdup(fwspec->ids, fwspec->num_ids * sizeof(u32),
			       GFP_KERNEL);
	if (!master->sids) {
		kfree(master);
		return ERR_PTR(-ENOMEM);
	}
	INIT_LIST_HEAD(&master->domain_node);
	xa_init(&master->pasids);
	xa_init(&master->stalls);
	device_property_read_u32(dev, "pasid-num-bits", &master->ssid_bits);
	master->ssid_bits = min(master->ssid_bits, smmu->ssid_bits);
	/*
	 * §3.12.2: a device that can wait for a stalled transaction gets
	 * stalls where the SMMU offers them, on stage 1 (CD.S).
	 */
	master->stall_enabled = device_property_read_bool(dev, "dma-can-stall") &&
		(smmu->features & (SMMU3_FEAT_STALLS | SMMU3_FEAT_S1)) ==
		(SMMU3_FEAT_STALLS | SMMU3_FEAT_S1);
	/*
	 * The first attach (the default domain) must not fail: a stage-1
	 * attach finds its CD table ready.
	 */
	if (smmu->features & SMMU3_FEAT_S1) {
		ret = smmu3_cdtab_alloc(master);
		if (ret) {
			kfree(master->sids);
			kfree(master);
			return ERR_PTR(ret);
		}
	}

	mutex_lock(&smmu->streams_mutex);
	for (i = 0; i < master->num_sids; i++) {
		u32 sid = master->sids[i];

		ret = smmu3_check_sid(sid, smmu->strtab.log2size);
		if (ret) {
			dev_err(dev, "StreamID %#x out of range: %s supports %u StreamID bits\n",
				sid, dev_name(smmu->dev),
				smmu->strtab.log2size);
			ret = -ENODEV;
			goto err;
		}
		ret = xa_insert(&smmu->streams, sid, master, GFP_KERNEL);
		if (ret == -EBUSY) {
			struct smmu3_master *other =
				xa_load(&smmu->streams, sid);

			if (other == master)
				continue;	/* the same ID listed twice */
			dev_err(dev, "StreamID %#x is already used by %s\n",
				sid, dev_name(other->dev));
			ret = -ENODEV;
			goto err;
		}
		if (ret)
			goto err;
		ret = smmu3_strtab_prepare_sid(smmu, sid);
		if (ret) {
			i++;
			goto err;
		}
	}
	mutex_unlock(&smmu->streams_mutex);

	/*
	 * Whatever driver binds @dev is unbound before this SMMU is, and
	 * probes again once the SMMU is back: the link stays until either
	 * device is deleted.
	 */
	if (!device_link_add(dev, smmu->dev, DL_FLAG_AUTOPROBE_CONSUMER)) {
		dev_err(dev, "cannot link to the SMMU %s\n", dev_name(smmu->dev));
		ret = -EINVAL;
		mutex_lock(&smmu->streams_mutex);
		goto err;
	}
	dev_iommu_priv_set(dev, master);
	return &smmu->iommu;

err:
	smmu3_remove_streams(master, i);
	mutex_unlock(&smmu->streams_mutex);
	smmu3_cdtab_free(master);
	kfree(master->sids);
	kfree(master);
	return ERR_PTR(ret);
}

static void smmu3_release_device(struct device *dev)
{
	struct smmu3_master *master = dev_iommu_priv_get(dev);
	struct smmu3_device *smmu = master->smmu;

	/* The core attached the release (blocked) domain: STEs abort */
	smmu3_attach_static(master, false);
	/* Faults answered, stalls terminated, out of the fault queue */
	smmu3_master_iopf_release(master);
	mutex_lock(&smmu->streams_mutex);
	smmu3_remove_streams(master, master->num_sids);
	mutex_unlock(&smmu->streams_mutex);
	smmu3_cdtab_free(master);
	/* The core removed every PASID before the release */
	WARN_ON(!xa_empty(&master->pasids));
	xa_destroy(&master->pasids);
	xa_destroy(&master->stalls);
	kfree(master->sids);
	kfree(master);
}

static struct iommu_group *smmu3_device_group(struct device *dev)
{
	if (dev_is_pci(dev))
		return pci_device_group(dev);
	return generic_device_group(dev);
}

static int smmu3_of_xlate(struct device *dev,
			  const struct of_phandle_args *args)
{
	if (args->args_count != 1) {
		dev_err(dev, "iommus specifier has %d cells, expected 1 (#iommu-cells = <1>)\n",
			args->args_count);
		return -EINVAL;
	}
	return iommu_fwspec_add_ids(dev, args->args, 1);
}

static void smmu3_get_resv_regions(struct device *dev, struct list_head *head)
{
	struct iommu_resv_region *region;

	region = iommu_alloc_resv_region(SMMU3_MSI_IOVA_BASE,
					 SMMU3_MSI_IOVA_LENGTH,
					 IOMMU_WRITE | IOMMU_NOEXEC | IOMMU_MMIO,
					 IOMMU_RESV_SW_MSI, GFP_KERNEL);
	if (!region)
		return;
	list_add_tail(&region->list, head);
	iommu_dma_get_resv_regions(dev, head);
}

static bool smmu3_capable(struct device *dev, enum iommu_cap cap)
{
	struct smmu3_master *master = dev_iommu_priv_get(dev);

	switch (cap) {
	case IOMMU_CAP_CACHE_COHERENCY:
		return master->smmu->features & SMMU3_FEAT_COHERENCY;
	case IOMMU_CAP_NOEXEC:
	case IOMMU_CAP_DEFERRED_FLUSH:
		return true;
	case IOMMU_CAP_DIRTY_TRACKING:
		return smmu3_dirty_capable(master->smmu);
	default:
		return false;
	}
}

static int smmu3_def_domain_type(struct device *dev)
{
	/* No translation stage at all: only bypass can work */
	struct smmu3_master *master = dev_iommu_priv_get(dev);

	if (!(master->smmu->features & (SMMU3_FEAT_S1 | SMMU3_FEAT_S2)))
		return IOMMU_DOMAIN_IDENTITY;
	return 0;
}

const struct iommu_ops smmu3_ops = {
	.identity_domain = &smmu3_identity_domain,
	.blocked_domain = &smmu3_blocked_domain,
	.release_domain = &smmu3_blocked_domain,
	.capable = smmu3_capable,
	.domain_alloc_paging = smmu3_domain_alloc_paging,
	.domain_alloc_user = smmu3_domain_alloc_user,
	.probe_device = smmu3_probe_device,
	.release_device = smmu3_release_device,
	.device_group = smmu3_device_group,
	.of_xlate = smmu3_of_xlate,
	.get_resv_regions = smmu3_get_resv_regions,
	.def_domain_type = smmu3_def_domain_type,
	.remove_dev_pasid = smmu3_remove_dev_pasid,
	.domain_alloc_sva = smmu3_sva_domain_alloc,
	.dev_enable_feat = smmu3_dev_enable_feat,
	.dev_disable_feat = smmu3_dev_disable_feat,
	.page_response = smmu3_page_response,
	.pgsize_bitmap = -1UL,	/* per domain, from its SMMU */
	.owner = THIS_MODULE,
};
