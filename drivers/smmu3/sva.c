// SPDX-License-Identifier: GPL-2.0-only
/*
 * SMMUv3 driver: stalls, I/O page faults and shared virtual addressing.
 *
 * Stalls (§3.12.2).  A master whose firmware node has `dma-can-stall`,
 * behind an SMMU whose IDR0.STALL_MODEL is 0b00, gets CD.S = 1 in its CDs
 * (§5.4): a translation fault then holds the transaction and records an
 * event with Stall = 1 and a STAG.  The event thread hands the stall to the
 * iommu core's I/O page fault handling (iommu_report_device_fault()); the
 * answer comes back through smmu3_page_response() as CMD_RESUME, Retry
 * when the fault was resolved (the SMMU translates the transaction again)
 * or Abort (§4.7.1).  No stall is left unanswered: without a fault handler
 * the core answers at once, without the core's IOPF support the driver
 * aborts the stall itself.
 *
 * Every stall reported is remembered in the master's @stalls until it is
 * answered.  Removing a PASID answers, with Abort, the stalls of that
 * PASID that nobody has answered once the event queue is drained and the
 * fault queue flushed; releasing a device terminates whatever is left of
 * its streams with CMD_STALL_TERM (§4.7.2).  A late answer for a stall
 * already answered is dropped, so that it cannot reach a transaction that
 * reuses the STAG.
 *
 * Shared virtual addressing.  An SVA domain is a process's address space:
 * its CD (one per PASID it is attached at) points at the mm's page tables
 * (TTB0 = the pgd, the CPU's TCR and MAIR), with an ASID of the SMMU's own
 * (CD.ASET = 1: not shared with the CPU's broadcast TLB maintenance, which
 * this driver does not use).  The mm's TLB maintenance reaches the SMMU
 * through the domain's mmu notifier (arch_invalidate_secondary_tlbs) as
 * TLBI_NH_VA / TLBI_NH_ASID; when the mm exits (notifier release) every CD
 * of the domain loses its tables (EPD0, no stalls) before the page tables
 * are freed.  Pages are faulted in on demand through the stalls above.
 */
#include <linux/iommu.h>
#include <linux/mm.h>
#include <linux/mmu_context.h>
#include <linux/mmu_notifier.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <asm/cpufeature.h>
#include <asm/sysreg.h>

#include "smmu3.h"

/* --- Stalls --- */

static void smmu3_sva_retry_prepare(struct smmu3_master *master, u32 pasid,
				    u64 addr);

/* CMD_RESUME of one stall: Retry, or Abort (§4.7.1) */
static void smmu3_resume(struct smmu3_device *smmu, u32 sid, u16 stag,
			 bool retry)
{
	struct smmu3_cmd cmd = {
		.opcode = CMD_OP_RESUME,
		.sid = sid,
		.stag = stag,
		.resp = retry ? CMD_RESUME_RESP_RETRY : CMD_RESUME_RESP_ABORT,
	};

	atomic64_inc(&smmu->resumes);
	smmu3_cmdq_issue_one(smmu, &cmd);
}

static int smmu3_sid_index(struct smmu3_master *master, u32 sid)
{
	unsigned int i;

	for (i = 0; i < master->num_sids; i++)
		if (master->sids[i] == sid)
			return i;
	return -ENOENT;
}

/**
 * smmu3_report_stall() - hand a stalled transaction to the iommu core
 * @smmu: the SMMU
 * @master: master of the event's StreamID, or NULL
 * @evt: a decoded event with Stall = 1
 *
 * Context: the event thread, holding @smmu->streams_mutex (which keeps
 * @master alive).
 */
void smmu3_report_stall(struct smmu3_device *smmu,
			struct smmu3_master *master,
			const struct smmu3_event *evt)
{
	struct iopf_fault iopf = {};
	struct iommu_fault_page_request *prm = &iopf.fault.prm;
	unsigned long key;
	int idx;

	lockdep_assert_held(&smmu->streams_mutex);
	atomic64_inc(&smmu->stalls);
	idx = master ? smmu3_sid_index(master, evt->sid) : -ENOENT;
	if (idx < 0 || !master->iopf_enabled || !smmu->iopf) {
		/*
		 * Nobody resolves faults for this stream (forced stalls of a
		 * device that cannot wait for them, or no IOPF support):
		 * abort the stall, as a fault without stalls would have been.
		 */
		atomic64_inc(&smmu->stalls_aborted);
		dev_err_ratelimited(smmu->dev,
				    "stall of sid %#x STAG %#x at %#llx: no I/O page fault handling for the stream, aborted\n",
				    evt->sid, evt->stag, evt->addr);
		smmu3_resume(smmu, evt->sid, evt->stag, false);
		return;
	}

	iopf.fault.type = IOMMU_FAULT_PAGE_REQ;
	prm->flags = IOMMU_FAULT_PAGE_REQUEST_LAST_PAGE;
	if (evt->ssv) {
		prm->flags |= IOMMU_FAULT_PAGE_REQUEST_PASID_VALID;
		prm->pasid = evt->ssid;
	}
	prm->grpid = evt->stag;
	prm->perm = evt->read ? IOMMU_FAULT_PERM_READ : IOMMU_FAULT_PERM_WRITE;
	if (evt->instr)
		prm->perm |= IOMMU_FAULT_PERM_EXEC;
	if (evt->priv)
		prm->perm |= IOMMU_FAULT_PERM_PRIV;
	prm->addr = evt->addr;
	/* The answer must name the StreamID: kept for smmu3_page_response() */
	prm->private_data[0] = evt->sid;

	key = smmu3_stall_key(idx, evt->stag);
	if (xa_err(xa_store(&master->stalls, key,
			    xa_mk_value(evt->ssv ? evt->ssid : IOMMU_NO_PASID),
			    GFP_KERNEL))) {
		atomic64_inc(&smmu->stalls_aborted);
		smmu3_resume(smmu, evt->sid, evt->stag, false);
		return;
	}
	/* On failure the core has already answered through page_response */
	iommu_report_device_fault(master->dev, &iopf);
}

/**
 * smmu3_page_response() - iommu_ops.page_response: answer a stall
 * @dev: the device
 * @evt: the fault reported by smmu3_report_stall()
 * @resp: the answer
 *
 * Success retries the transaction, anything else aborts it.  A stall that
 * was answered already (its PASID removed, its stream terminated) is not
 * answered twice.
 */
void smmu3_page_response(struct device *dev, struct iopf_fault *evt,
			 struct iommu_page_response *resp)
{
	struct smmu3_master *master = dev_iommu_priv_get(dev);
	u32 sid = evt->fault.prm.private_data[0];
	int idx = smmu3_sid_index(master, sid);

	bool retry = resp->code == IOMMU_PAGE_RESP_SUCCESS;

	if (WARN_ON_ONCE(idx < 0))
		return;
	if (!xa_erase(&master->stalls, smmu3_stall_key(idx, resp->grpid)))
		return;
	if (retry && (evt->fault.prm.flags &
		      IOMMU_FAULT_PAGE_REQUEST_PASID_VALID))
		smmu3_sva_retry_prepare(master, evt->fault.prm.pasid,
					evt->fault.prm.addr);
	smmu3_resume(master->smmu, sid, resp->grpid, retry);
}

/**
 * smmu3_stalls_abort_pasid() - abort what is left of a PASID's stalls
 * @master: master whose CD for @pasid no longer translates
 * @pasid: the SubstreamID being removed
 *
 * Every stall of @pasid the SMMU recorded before the CD changed is in the
 * event queue: the queue is drained and the fault queue flushed, so that
 * the core's handlers answer what they can and no fault of @pasid is
 * still on its way to a domain that is going away.  Whatever stays
 * unanswered (a handler holding it) is aborted here.
 *
 * Context: process context, under the iommu core's group mutex.
 */
void smmu3_stalls_abort_pasid(struct smmu3_master *master, u32 pasid)
{
	struct smmu3_device *smmu = master->smmu;
	unsigned long key;
	void *entry;

	if (!master->stall_enabled)
		return;
	/*
	 * Drained even when no stall is tracked: a stall the SMMU recorded
	 * is tracked only once the event thread has read it, so an empty
	 * @master->stalls says nothing about the event queue.
	 */
	smmu3_evtq_drain(smmu);
	if (master->iopf_enabled)
		iopf_queue_flush_dev(master->dev);
	xa_for_each(&master->stalls, key, entry) {
		if (xa_to_value(entry) != pasid)
			continue;
		if (xa_erase(&master->stalls, key) != entry)
			continue;
		atomic64_inc(&smmu->stalls_aborted);
		smmu3_resume(smmu, master->sids[key >> 16], key & 0xffff,
			     false);
	}
}

/**
 * smmu3_stalls_terminate() - terminate every stall of a master's streams
 * @master: a stall-enabled master whose STEs no longer lead to its CDs
 *
 * CMD_STALL_TERM per StreamID (§4.7.2) when any stall is unanswered; the
 * answers still to come are dropped.
 */
void smmu3_stalls_terminate(struct smmu3_master *master)
{
	struct smmu3_cmd cmd = { .opcode = CMD_OP_STALL_TERM };
	unsigned long key;
	bool any = false;
	unsigned int i;
	void *entry;

	if (!master->stall_enabled)
		return;
	xa_for_each(&master->stalls, key, entry)
		if (xa_erase(&master->stalls, key))
			any = true;
	if (!any)
		return;
	for (i = 0; i < master->num_sids; i++) {
		cmd.sid = master->sids[i];
		smmu3_cmdq_issue_one(master->smmu, &cmd);
	}
}

static void smmu3_iopf_free(void *queue)
{
	iopf_queue_free(queue);
}

/**
 * smmu3_iopf_init() - the SMMU's I/O page fault queue
 * @smmu: an SMMU whose features are known
 *
 * Only when stalls can be used and the kernel has IOMMU_IOPF; freed with
 * the device (devres).
 *
 * Return: 0 or -ENOMEM.
 */
int smmu3_iopf_init(struct smmu3_device *smmu)
{
	if (!IS_ENABLED(CONFIG_IOMMU_IOPF) ||
	    !(smmu->features & SMMU3_FEAT_STALLS))
		return 0;
	smmu->iopf = iopf_queue_alloc(dev_name(smmu->dev));
	if (!smmu->iopf)
		return -ENOMEM;
	return devm_add_action_or_reset(smmu->dev, smmu3_iopf_free, smmu->iopf);
}

/* --- Device features --- */

/*
 * Output address bits of the CPU's page tables: what its MMU can output
 * (the smallest ID_AA64MMFR0_EL1.PARange of all CPUs), and no more than
 * this kernel's page table format holds (PHYS_MASK_SHIFT: 48 bits unless
 * the kernel uses 52-bit physical addresses).
 */
static unsigned int smmu3_cpu_pa_bits(void)
{
	u64 mmfr0 = read_sanitised_ftr_reg(SYS_ID_AA64MMFR0_EL1);
	unsigned int parange;

	parange = cpuid_feature_extract_unsigned_field(mmfr0,
						       ID_AA64MMFR0_EL1_PARANGE_SHIFT);
	return min_t(unsigned int, PHYS_MASK_SHIFT,
		     id_aa64mmfr0_parange_to_phys_shift(parange));
}

/**
 * smmu3_sva_supported() - whether the SMMU can walk the CPU's page tables
 * @smmu: an SMMU whose features are known
 *
 * Stage 1 with stalls (faults are resolved by stalling, there is no PRI),
 * coherent table walks (the CPU writes its page tables without cache
 * maintenance), the CPU's page size, its VA size (§3.4.1: 48 bits, 52
 * with IDR5.VAX) and an OAS that covers every output address of the CPU's
 * page tables (smmu3_cpu_pa_bits()).
 *
 * Return: true when SVA domains can be used.
 */
bool smmu3_sva_supported(struct smmu3_device *smmu)
{
	if (!IS_ENABLED(CONFIG_IOMMU_SVA))
		return false;
	if ((smmu->features & (SMMU3_FEAT_S1 | SMMU3_FEAT_STALLS |
			       SMMU3_FEAT_COHERENCY)) !=
	    (SMMU3_FEAT_S1 | SMMU3_FEAT_STALLS | SMMU3_FEAT_COHERENCY))
		return false;
	if (!(smmu->pgsize_bitmap & PAGE_SIZE))
		return false;
	if (vabits_actual > (smmu->vax ? 52 : 48))
		return false;
	return smmu3_cpu_pa_bits() <= smmu->oas;
}

/**
 * smmu3_dev_enable_feat() - iommu_ops.dev_enable_feat
 * @dev: the device
 * @feat: IOMMU_DEV_FEAT_IOPF (a stall-enabled master joins the SMMU's
 *	I/O page fault queue), then IOMMU_DEV_FEAT_SVA
 *
 * Return: 0; -ENODEV when the master or its SMMU cannot; -EINVAL for SVA
 * before IOPF or an unknown feature; -EBUSY when already enabled.
 */
int smmu3_dev_enable_feat(struct device *dev, enum iommu_dev_features feat)
{
	struct smmu3_master *master = dev_iommu_priv_get(dev);
	struct smmu3_device *smmu = master->smmu;
	int ret;

	switch (feat) {
	case IOMMU_DEV_FEAT_IOPF:
		if (!master->stall_enabled || !smmu->iopf)
			return -ENODEV;
		if (master->iopf_enabled)
			return -EBUSY;
		ret = iopf_queue_add_device(smmu->iopf, dev);
		if (ret)
			return ret;
		master->iopf_enabled = true;
		return 0;
	case IOMMU_DEV_FEAT_SVA:
		if (!(smmu->features & SMMU3_FEAT_SVA) || !master->ssid_bits ||
		    !master->stall_enabled)
			return -ENODEV;
		if (!master->iopf_enabled)
			return -EINVAL;
		if (master->sva_enabled)
			return -EBUSY;
		master->sva_enabled = true;
		return 0;
	default:
		return -EINVAL;
	}
}

/**
 * smmu3_dev_disable_feat() - iommu_ops.dev_disable_feat
 * @dev: the device
 * @feat: IOMMU_DEV_FEAT_SVA, then IOMMU_DEV_FEAT_IOPF
 *
 * Return: 0; -EINVAL when not enabled; -EBUSY for IOPF while SVA is on,
 * or SVA while an SVA domain is still attached.
 */
int smmu3_dev_disable_feat(struct device *dev, enum iommu_dev_features feat)
{
	struct smmu3_master *master = dev_iommu_priv_get(dev);
	struct iommu_domain *domain;
	unsigned long pasid;

	switch (feat) {
	case IOMMU_DEV_FEAT_IOPF:
		if (!master->iopf_enabled)
			return -EINVAL;
		if (master->sva_enabled)
			return -EBUSY;
		iopf_queue_remove_device(master->smmu->iopf, dev);
		master->iopf_enabled = false;
		return 0;
	case IOMMU_DEV_FEAT_SVA:
		if (!master->sva_enabled)
			return -EINVAL;
		xa_for_each(&master->pasids, pasid, domain)
			if (domain->type == IOMMU_DOMAIN_SVA)
				return -EBUSY;
		master->sva_enabled = false;
		return 0;
	default:
		return -EINVAL;
	}
}

/**
 * smmu3_master_iopf_release() - a released master leaves the fault queue
 * @master: master whose STEs abort
 *
 * Pending faults are answered (the core answers them INVALID), what is
 * left of the streams' stalls is terminated.
 */
void smmu3_master_iopf_release(struct smmu3_master *master)
{
	if (!master->stall_enabled)
		return;
	smmu3_evtq_drain(master->smmu);
	if (master->iopf_enabled) {
		iopf_queue_flush_dev(master->dev);
		master->sva_enabled = false;
		iopf_queue_remove_device(master->smmu->iopf, master->dev);
		master->iopf_enabled = false;
	}
	smmu3_stalls_terminate(master);
}

/* --- SVA domains --- */

#if IS_ENABLED(CONFIG_IOMMU_SVA)

/**
 * struct smmu3_sva_domain - a process address space
 * @domain: the iommu core's domain (its mm in @domain.mm)
 * @smmu: the SMMU whose ASID it has
 * @asid: ASID of its CDs
 * @mn: notifier of @domain.mm
 * @lock: protects @bonds, @released, and the bonds' CDs
 * @bonds: where it is attached (struct smmu3_sva_bond)
 * @released: the mm has exited: the CDs have no tables
 */
struct smmu3_sva_domain {
	struct iommu_domain domain;
	struct smmu3_device *smmu;
	u16 asid;
	struct mmu_notifier mn;
	/* bonds, released, and the bonds' CDs */
	spinlock_t lock;
	struct list_head bonds;
	bool released;
};

/**
 * struct smmu3_sva_bond - an SVA domain attached at a master's PASID
 * @node: entry in smmu3_sva_domain.bonds
 * @master: the master
 * @pasid: the SubstreamID
 */
struct smmu3_sva_bond {
	struct list_head node;
	struct smmu3_master *master;
	u32 pasid;
};

static struct smmu3_sva_domain *to_sva(struct iommu_domain *domain)
{
	return container_of(domain, struct smmu3_sva_domain, domain);
}

/* Above this many bytes, a notifier invalidation covers the whole ASID */
#define SMMU3_SVA_INV_MAX	(SZ_2M)

/*
 * The CD of an address space (§5.4): TTB0 is the pgd, T0SZ/TG0/IPS and
 * the memory attributes those the CPU uses for it, MAIR the CPU's.  With
 * @mm NULL (the mm has exited) the CD keeps its ASID but walks nothing
 * (EPD0) and does not stall: every access is terminated.
 */
static void smmu3_sva_cd(__le64 *cd, struct smmu3_master *master,
			 struct mm_struct *mm, u16 asid)
{
	/* §5.4 IPS: 0b000 32 bits .. 0b101 48 bits, 0b110 52 bits */
	static const u8 ips_bits[] = { 32, 36, 40, 42, 44, 48, 52 };
	unsigned int pa_bits = smmu3_cpu_pa_bits();
	u64 tg = CD_TG0_4K, ips = 0;

	while (ips + 1 < ARRAY_SIZE(ips_bits) && ips_bits[ips + 1] <= pa_bits)
		ips++;
	if (PAGE_SIZE == SZ_64K)
		tg = CD_TG0_64K;
	else if (PAGE_SIZE == SZ_16K)
		tg = CD_TG0_16K;

	memset(cd, 0, CD_SIZE);
	cd[0] = cpu_to_le64(FIELD_PREP(CD_0_T0SZ, 64ULL - vabits_actual) |
			    FIELD_PREP(CD_0_TG0, tg) |
			    FIELD_PREP(CD_0_IR0, 1) | FIELD_PREP(CD_0_OR0, 1) |
			    FIELD_PREP(CD_0_SH0, SMMU3_SH_ISH) |
			    CD_0_EPD1 | CD_0_V | FIELD_PREP(CD_0_IPS, ips) |
			    CD_0_AA64 | CD_0_R | CD_0_A | CD_0_ASET |
			    FIELD_PREP(CD_0_ASID, asid));
	if (!mm) {
		cd[0] |= cpu_to_le64(CD_0_EPD0);
		/* Stalling a transaction nothing can resolve: only if forced */
		if (master->smmu->features & SMMU3_FEAT_STALL_FORCE)
			cd[0] |= cpu_to_le64(CD_0_S);
		return;
	}
	smmu3_cd_stall(master, cd);
	cd[1] = cpu_to_le64(virt_to_phys(mm->pgd) & CD_1_TTB0);
	cd[3] = cpu_to_le64(read_sysreg(mair_el1));
}

static void smmu3_sva_invalidate(struct mmu_notifier *mn,
				 struct mm_struct *mm, unsigned long start,
				 unsigned long end)
{
	struct smmu3_sva_domain *d = container_of(mn, struct smmu3_sva_domain,
						  mn);
	size_t size = end - start;

	/*
	 * Page table pages may go too (the CPU's flush covers them): Leaf
	 * = 0, so that cached table descriptors go as well (§4.4.1).
	 */
	if (end == ULONG_MAX || !size || size > SMMU3_SVA_INV_MAX)
		smmu3_tlbi_asid(d->smmu, d->asid, 0, 0);
	else
		smmu3_tlbi_asid(d->smmu, d->asid, start, size);
}

/* The mm exits: no CD may walk its page tables any more */
static void smmu3_sva_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
	struct smmu3_sva_domain *d = container_of(mn, struct smmu3_sva_domain,
						  mn);
	struct smmu3_sva_bond *bond;
	__le64 cd[CD_DWORDS];

	spin_lock(&d->lock);
	d->released = true;
	list_for_each_entry(bond, &d->bonds, node) {
		smmu3_sva_cd(cd, bond->master, NULL, d->asid);
		smmu3_install_cd(bond->master, bond->pasid, cd);
	}
	spin_unlock(&d->lock);
	smmu3_tlbi_asid(d->smmu, d->asid, 0, 0);
}

static void smmu3_sva_free_notifier(struct mmu_notifier *mn)
{
	struct smmu3_sva_domain *d = container_of(mn, struct smmu3_sva_domain,
						  mn);
	struct smmu3_device *smmu = d->smmu;

	kfree(d);
	/* The SMMU's removal waits for this */
	if (atomic_dec_and_test(&smmu->nr_domains))
		wake_up(&smmu->domains_wq);
}

/*
 * Before a faulting access of an address space is retried: the CPU may
 * have made the page writable or young in hardware (FEAT_HAFDBS) without
 * any TLB maintenance, and the fault handler found nothing left to do.
 * The SMMU may still hold the entry that faulted (§3.12.2 retries the
 * transaction as though it had just arrived, TLB included): it goes first.
 * The domain stays while its PASID's faults are answered (its removal
 * flushes the fault queue before the domain can be freed).
 */
static void smmu3_sva_retry_prepare(struct smmu3_master *master, u32 pasid,
				    u64 addr)
{
	struct iommu_domain *domain;
	u16 asid = 0;

	rcu_read_lock();
	domain = xa_load(&master->pasids, pasid);
	if (domain && domain->type == IOMMU_DOMAIN_SVA)
		asid = to_sva(domain)->asid;
	rcu_read_unlock();
	if (asid)
		smmu3_tlbi_asid(master->smmu, asid, addr & PAGE_MASK,
				PAGE_SIZE);
}

static const struct mmu_notifier_ops smmu3_sva_mn_ops = {
	.arch_invalidate_secondary_tlbs = smmu3_sva_invalidate,
	.release = smmu3_sva_release,
	.free_notifier = smmu3_sva_free_notifier,
};

static int smmu3_sva_set_dev_pasid(struct iommu_domain *domain,
				   struct device *dev, ioasid_t pasid,
				   struct iommu_domain *old)
{
	struct smmu3_sva_domain *d = to_sva(domain);
	struct smmu3_master *master = dev_iommu_priv_get(dev);
	struct smmu3_sva_bond *bond;
	__le64 cd[CD_DWORDS] = {};
	void *prev;
	int ret;

	if (d->smmu != master->smmu)
		return -EINVAL;
	if (!master->sva_enabled)
		return -ENODEV;
	if (!pasid || pasid >> master->cdtab.s1cdmax)
		return -EINVAL;
	/* As for a paging domain at a PASID: the STE must use the CDs */
	if (!master->domain || master->domain->stage != SMMU3_STAGE1)
		return -EOPNOTSUPP;

	bond = kzalloc(sizeof(*bond), GFP_KERNEL);
	if (!bond)
		return -ENOMEM;
	bond->master = master;
	bond->pasid = pasid;
	/* Any level-2 CD table allocated now: none under the lock */
	ret = smmu3_cdtab_prepare(master, pasid);
	if (ret)
		goto err_free;
	prev = xa_store(&master->pasids, pasid, domain, GFP_KERNEL);
	ret = xa_err(prev);
	if (ret)
		goto err_free;

	spin_lock(&d->lock);
	smmu3_sva_cd(cd, master, d->released ? NULL : domain->mm, d->asid);
	smmu3_install_cd(master, pasid, cd);
	list_add(&bond->node, &d->bonds);
	spin_unlock(&d->lock);
	return 0;

err_free:
	kfree(bond);
	return ret;
}

/**
 * smmu3_sva_remove_dev_pasid() - an SVA domain leaves a PASID
 * @master: the master
 * @pasid: the SubstreamID
 * @domain: the SVA domain attached there
 */
void smmu3_sva_remove_dev_pasid(struct smmu3_master *master, u32 pasid,
				struct iommu_domain *domain)
{
	struct smmu3_sva_domain *d = to_sva(domain);
	struct smmu3_sva_bond *bond, *found = NULL;
	__le64 cd[CD_DWORDS] = {};

	spin_lock(&d->lock);
	list_for_each_entry(bond, &d->bonds, node) {
		if (bond->master == master && bond->pasid == pasid) {
			found = bond;
			list_del(&bond->node);
			break;
		}
	}
	smmu3_install_cd(master, pasid, cd);
	spin_unlock(&d->lock);
	kfree(found);
	/* Entries of the ASID that came through this PASID */
	smmu3_tlbi_asid(d->smmu, d->asid, 0, 0);
}

static void smmu3_sva_domain_free(struct iommu_domain *domain)
{
	struct smmu3_sva_domain *d = to_sva(domain);

	WARN_ON(!list_empty(&d->bonds));
	smmu3_tlbi_asid(d->smmu, d->asid, 0, 0);
	ida_free(&d->smmu->asid_ida, d->asid);
	/* Freed by smmu3_sva_free_notifier() once no notifier call runs */
	mmu_notifier_put(&d->mn);
}

static const struct iommu_domain_ops smmu3_sva_domain_ops = {
	.set_dev_pasid = smmu3_sva_set_dev_pasid,
	.free = smmu3_sva_domain_free,
};

/**
 * smmu3_sva_domain_alloc() - iommu_ops.domain_alloc_sva
 * @dev: a device with IOMMU_DEV_FEAT_SVA enabled
 * @mm: the address space
 *
 * Return: the domain, or an ERR_PTR.
 */
struct iommu_domain *smmu3_sva_domain_alloc(struct device *dev,
					    struct mm_struct *mm)
{
	struct smmu3_master *master = dev_iommu_priv_get(dev);
	struct smmu3_device *smmu = master->smmu;
	struct smmu3_sva_domain *d;
	int id, ret;

	if (!master->sva_enabled)
		return ERR_PTR(-ENODEV);
	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return ERR_PTR(-ENOMEM);
	id = ida_alloc_range(&smmu->asid_ida, 1, (1U << smmu->asid_bits) - 1,
			     GFP_KERNEL);
	if (id < 0) {
		kfree(d);
		return ERR_PTR(id);
	}
	d->asid = id;
	d->smmu = smmu;
	spin_lock_init(&d->lock);
	INIT_LIST_HEAD(&d->bonds);
	d->domain.ops = &smmu3_sva_domain_ops;
	d->mn.ops = &smmu3_sva_mn_ops;
	ret = mmu_notifier_register(&d->mn, mm);
	if (ret) {
		ida_free(&smmu->asid_ida, d->asid);
		kfree(d);
		return ERR_PTR(ret);
	}
	atomic_inc(&smmu->nr_domains);
	return &d->domain;
}

#else /* !CONFIG_IOMMU_SVA */

static void smmu3_sva_retry_prepare(struct smmu3_master *master, u32 pasid,
				    u64 addr)
{
}

struct iommu_domain *smmu3_sva_domain_alloc(struct device *dev,
					    struct mm_struct *mm)
{
	return ERR_PTR(-ENODEV);
}

void smmu3_sva_remove_dev_pasid(struct smmu3_master *master, u32 pasid,
				struct iommu_domain *domain)
{
}

#endif /* CONFIG_IOMMU_SVA */
