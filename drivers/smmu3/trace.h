/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Trace events of the SMMUv3 driver (module smmu3), TRACE_SYSTEM smmu3:
 * command batches and CMD_SYNC waits, STE and CD updates step by step,
 * events and global errors received, attach and detach, map and unmap,
 * TLB invalidations.  Documentation/driver.rst lists them.
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM smmu3

#if !defined(_SMMU3_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _SMMU3_TRACE_H

#include <linux/device.h>
#include <linux/iommu.h>
#include <linux/tracepoint.h>
#include <smmu3/smmu3-arch.h>
#include <smmu3/smmu3-trace-names.h>
#include "smmu3.h"

#ifndef SMMU3_TRACE_HELPERS
#define SMMU3_TRACE_HELPERS
/* Stage of a paging domain as a number, 0 without one */
static inline int smmu3_trace_stage(const struct smmu3_domain *d)
{
	if (!d)
		return 0;
	return d->stage == SMMU3_STAGE1 ? 1 : 2;
}

/* The ASID (stage 1) or VMID (stage 2) of a paging domain, 0 without one */
static inline u16 smmu3_trace_id(const struct smmu3_domain *d)
{
	if (!d)
		return 0;
	return d->stage == SMMU3_STAGE1 ? d->asid : d->vmid;
}

/* The opcodes of @n raw commands */
static inline void smmu3_trace_ops(u8 *ops, const u64 *raw, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		ops[i] = FIELD_GET(CMD_0_OP, raw[2 * i]);
}

/* The first @n words of an STE or CD, in host order */
static inline void smmu3_trace_words(u64 *dst, const __le64 *src,
				     unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		dst[i] = le64_to_cpu(src[i]);
}
#endif /* SMMU3_TRACE_HELPERS */

#define smmu3_trace_show_domain(type)				\
	__print_symbolic(type,					\
			 { IOMMU_DOMAIN_BLOCKED,	"blocked" },	\
			 { IOMMU_DOMAIN_IDENTITY,	"identity" },	\
			 { IOMMU_DOMAIN_UNMANAGED,	"unmanaged" },	\
			 { IOMMU_DOMAIN_DMA,		"dma" },	\
			 { IOMMU_DOMAIN_DMA_FQ,		"dma-fq" })

TRACE_EVENT(smmu3_cmdq_batch,
	    TP_PROTO(struct device *dev, const u64 *raw, unsigned int n),
	    TP_ARGS(dev, raw, n),
	    TP_STRUCT__entry(__string(dev, dev_name(dev))
			     __field(unsigned int, n)
			     __dynamic_array(u8, ops, n)
	    ),
	    TP_fast_assign(__assign_str(dev);
			   __entry->n = n;
			   smmu3_trace_ops(__get_dynamic_array(ops), raw, n);
	    ),
	    TP_printk("%s: n=%u ops=%s", __get_str(dev), __entry->n,
		      __print_array(__get_dynamic_array(ops),
				    __get_dynamic_array_len(ops), 1))
);

TRACE_EVENT(smmu3_cmdq_sync,
	    TP_PROTO(struct device *dev, u32 idx, bool msi, u64 wait_ns, int ret),
	    TP_ARGS(dev, idx, msi, wait_ns, ret),
	    TP_STRUCT__entry(__string(dev, dev_name(dev))
			     __field(u32, idx)
			     __field(bool, msi)
			     __field(u64, wait_ns)
			     __field(int, ret)
	    ),
	    TP_fast_assign(__assign_str(dev);
			   __entry->idx = idx;
			   __entry->msi = msi;
			   __entry->wait_ns = wait_ns;
			   __entry->ret = ret;
	    ),
	    TP_printk("%s: idx=%#x %s wait_ns=%llu ret=%d", __get_str(dev),
		      __entry->idx, __entry->msi ? "msi" : "poll",
		      __entry->wait_ns, __entry->ret)
);

TRACE_EVENT(smmu3_ste_write,
	    TP_PROTO(struct device *dev, u32 sid, const __le64 *ste),
	    TP_ARGS(dev, sid, ste),
	    TP_STRUCT__entry(__string(dev, dev_name(dev))
			     __field(u32, sid)
			     __array(u64, ste, 4)
	    ),
	    TP_fast_assign(__assign_str(dev);
			   __entry->sid = sid;
			   smmu3_trace_words(__entry->ste, ste, 4);
	    ),
	    TP_printk("%s: sid=%#x target=%016llx %016llx %016llx %016llx",
		      __get_str(dev), __entry->sid, __entry->ste[0],
		      __entry->ste[1], __entry->ste[2], __entry->ste[3])
);

TRACE_EVENT(smmu3_cd_write,
	    TP_PROTO(struct device *dev, u32 sid, u32 ssid, const __le64 *cd),
	    TP_ARGS(dev, sid, ssid, cd),
	    TP_STRUCT__entry(__string(dev, dev_name(dev))
			     __field(u32, sid)
			     __field(u32, ssid)
			     __array(u64, cd, 4)
	    ),
	    TP_fast_assign(__assign_str(dev);
			   __entry->sid = sid;
			   __entry->ssid = ssid;
			   smmu3_trace_words(__entry->cd, cd, 4);
	    ),
	    TP_printk("%s: sid=%#x ssid=%#x target=%016llx %016llx %016llx %016llx",
		      __get_str(dev), __entry->sid, __entry->ssid, __entry->cd[0],
		      __entry->cd[1], __entry->cd[2], __entry->cd[3])
);

TRACE_EVENT(smmu3_entry_update,
	    TP_PROTO(unsigned int ncritical, unsigned int critical),
	    TP_ARGS(ncritical, critical),
	    TP_STRUCT__entry(__field(unsigned int, ncritical)
			     __field(unsigned int, critical)
	    ),
	    TP_fast_assign(__entry->ncritical = ncritical;
			   __entry->critical = critical;
	    ),
	    TP_printk("%s critical_word=%u",
		      __entry->ncritical == 0 ? "unused-bits-only" :
		      __entry->ncritical == 1 ? "hitless" : "break-before-make",
		      __entry->critical)
);

TRACE_EVENT(smmu3_entry_word,
	    TP_PROTO(unsigned int word, __le64 val),
	    TP_ARGS(word, val),
	    TP_STRUCT__entry(__field(unsigned int, word)
			     __field(u64, val)
	    ),
	    TP_fast_assign(__entry->word = word;
			   __entry->val = le64_to_cpu(val);
	    ),
	    TP_printk("word=%u val=%016llx", __entry->word, __entry->val)
);

TRACE_EVENT(smmu3_event,
	    TP_PROTO(struct device *dev, u8 type, u32 sid, bool ssv, u32 ssid,
		     u64 addr, u64 ipa, bool s2, bool read, u8 class),
	    TP_ARGS(dev, type, sid, ssv, ssid, addr, ipa, s2, read, class),
	    TP_STRUCT__entry(__string(dev, dev_name(dev))
			     __field(u8, type)
			     __field(u32, sid)
			     __field(bool, ssv)
			     __field(u32, ssid)
			     __field(u64, addr)
			     __field(u64, ipa)
			     __field(bool, s2)
			     __field(bool, read)
			     __field(u8, class)
	    ),
	    TP_fast_assign(__assign_str(dev);
			   __entry->type = type;
			   __entry->sid = sid;
			   __entry->ssv = ssv;
			   __entry->ssid = ssid;
			   __entry->addr = addr;
			   __entry->ipa = ipa;
			   __entry->s2 = s2;
			   __entry->read = read;
			   __entry->class = class;
	    ),
	    TP_printk("%s: %s sid=%#x ssv=%u ssid=%#x addr=%#llx ipa=%#llx stage=%u %s class=%u",
		      __get_str(dev),
		      smmu3_trace_show_evt(__entry->type),
		      __entry->sid, __entry->ssv, __entry->ssid, __entry->addr,
		      __entry->ipa, __entry->s2 ? 2 : 1,
		      __entry->read ? "read" : "write", __entry->class)
);

TRACE_EVENT(smmu3_gerror,
	    TP_PROTO(struct device *dev, u32 active),
	    TP_ARGS(dev, active),
	    TP_STRUCT__entry(__string(dev, dev_name(dev))
			     __field(u32, active)
	    ),
	    TP_fast_assign(__assign_str(dev);
			   __entry->active = active;
	    ),
	    TP_printk("%s: active=%s", __get_str(dev),
		      __print_flags(__entry->active, "|",
				    { GERROR_CMDQ_ERR, "CMDQ_ERR" },
				    { GERROR_EVENTQ_ABT_ERR, "EVENTQ_ABT" },
				    { GERROR_PRIQ_ABT_ERR, "PRIQ_ABT" },
				    { GERROR_MSI_CMDQ_ABT_ERR, "MSI_CMDQ_ABT" },
				    { GERROR_MSI_EVENTQ_ABT_ERR, "MSI_EVENTQ_ABT" },
				    { GERROR_MSI_PRIQ_ABT_ERR, "MSI_PRIQ_ABT" },
				    { GERROR_MSI_GERROR_ABT_ERR, "MSI_GERROR_ABT" },
				    { GERROR_SFM_ERR, "SFM" }))
);

DECLARE_EVENT_CLASS(smmu3_attach_class,
		    TP_PROTO(const struct smmu3_master *master, unsigned int type,
			     const struct smmu3_domain *d),
		    TP_ARGS(master, type, d),
		    TP_STRUCT__entry(__string(dev, dev_name(master->dev))
				     __field(u32, sid)
				     __field(unsigned int, type)
				     __field(int, stage)
				     __field(u16, id)
		    ),
		    TP_fast_assign(__assign_str(dev);
				   __entry->sid = master->num_sids ? master->sids[0] : 0;
				   __entry->type = type;
				   __entry->stage = smmu3_trace_stage(d);
				   __entry->id = smmu3_trace_id(d);
		    ),
		    TP_printk("%s: sid=%#x domain=%s stage=%d %s=%u", __get_str(dev),
			      __entry->sid,
			      smmu3_trace_show_domain(__entry->type),
			      __entry->stage, __entry->stage == 2 ? "vmid" : "asid",
			      __entry->id)
);

DEFINE_EVENT(smmu3_attach_class, smmu3_attach,
	     TP_PROTO(const struct smmu3_master *master, unsigned int type,
		      const struct smmu3_domain *d),
	     TP_ARGS(master, type, d)
);

DEFINE_EVENT(smmu3_attach_class, smmu3_detach,
	     TP_PROTO(const struct smmu3_master *master, unsigned int type,
		      const struct smmu3_domain *d),
	     TP_ARGS(master, type, d)
);

TRACE_EVENT(smmu3_map,
	    TP_PROTO(const struct smmu3_domain *d, unsigned long iova,
		     phys_addr_t paddr, size_t size, int prot),
	    TP_ARGS(d, iova, paddr, size, prot),
	    TP_STRUCT__entry(__string(dev, dev_name(d->smmu->dev))
			     __field(int, stage)
			     __field(u16, id)
			     __field(u64, iova)
			     __field(u64, paddr)
			     __field(size_t, size)
			     __field(int, prot)
	    ),
	    TP_fast_assign(__assign_str(dev);
			   __entry->stage = smmu3_trace_stage(d);
			   __entry->id = smmu3_trace_id(d);
			   __entry->iova = iova;
			   __entry->paddr = paddr;
			   __entry->size = size;
			   __entry->prot = prot;
	    ),
	    TP_printk("%s: stage=%d %s=%u iova=%#llx paddr=%#llx size=%#zx prot=%#x",
		      __get_str(dev), __entry->stage,
		      __entry->stage == 2 ? "vmid" : "asid", __entry->id,
		      __entry->iova, __entry->paddr, __entry->size, __entry->prot)
);

TRACE_EVENT(smmu3_unmap,
	    TP_PROTO(const struct smmu3_domain *d, unsigned long iova,
		     size_t size),
	    TP_ARGS(d, iova, size),
	    TP_STRUCT__entry(__string(dev, dev_name(d->smmu->dev))
			     __field(int, stage)
			     __field(u16, id)
			     __field(u64, iova)
			     __field(size_t, size)
	    ),
	    TP_fast_assign(__assign_str(dev);
			   __entry->stage = smmu3_trace_stage(d);
			   __entry->id = smmu3_trace_id(d);
			   __entry->iova = iova;
			   __entry->size = size;
	    ),
	    TP_printk("%s: stage=%d %s=%u iova=%#llx size=%#zx",
		      __get_str(dev), __entry->stage,
		      __entry->stage == 2 ? "vmid" : "asid", __entry->id,
		      __entry->iova, __entry->size)
);

TRACE_EVENT(smmu3_tlbi,
	    TP_PROTO(const struct smmu3_domain *d, unsigned long iova, size_t size,
		     size_t granule, bool leaf),
	    TP_ARGS(d, iova, size, granule, leaf),
	    TP_STRUCT__entry(__string(dev, dev_name(d->smmu->dev))
			     __field(int, stage)
			     __field(u16, id)
			     __field(u64, iova)
			     __field(size_t, size)
			     __field(size_t, granule)
			     __field(bool, leaf)
	    ),
	    TP_fast_assign(__assign_str(dev);
			   __entry->stage = smmu3_trace_stage(d);
			   __entry->id = smmu3_trace_id(d);
			   __entry->iova = iova;
			   __entry->size = size;
			   __entry->granule = granule;
			   __entry->leaf = leaf;
	    ),
	    TP_printk("%s: stage=%d %s=%u %s iova=%#llx size=%#zx granule=%#zx leaf=%u",
		      __get_str(dev), __entry->stage,
		      __entry->stage == 2 ? "vmid" : "asid", __entry->id,
		      __entry->size ? "range" : "all", __entry->iova,
		      __entry->size, __entry->granule, __entry->leaf)
);

#endif /* _SMMU3_TRACE_H */

/* This part must be outside the multi-read protection */
#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE trace
#include <trace/define_trace.h>
