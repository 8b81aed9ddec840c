/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Trace events of the emulated SMMUv3 (module smmu3_emu), TRACE_SYSTEM
 * smmu3_emu: the core's trace records (core/trace.h) as ftrace events.
 *
 * Every event is registered with smmu3_emu_trace_reg() and
 * smmu3_emu_trace_unreg(): the core gets its trace callback only while at
 * least one of them is enabled.  Documentation/emulator.rst lists them.
 */
#ifndef SMMU3_EMU_TRACE_DECLS
#define SMMU3_EMU_TRACE_DECLS

struct device;
struct s3e_trace;

/* smmu3_emu_trace.c */
void smmu3_emu_trace(struct device *dev, const struct s3e_trace *t);
int smmu3_emu_trace_reg(void);
void smmu3_emu_trace_unreg(void);

/* smmu3_emu_host.c */
void smmu3_emu_trace_users_add(int delta);

#endif /* SMMU3_EMU_TRACE_DECLS */

#undef TRACE_SYSTEM
#define TRACE_SYSTEM smmu3_emu

#if !defined(_SMMU3_EMU_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _SMMU3_EMU_TRACE_H

#include <linux/bitfield.h>
#include <linux/device.h>
#include <linux/tracepoint.h>
#include <smmu3/smmu3-arch.h>
#include <smmu3/smmu3-trace-names.h>
#include "core/smmu.h"

#define smmu3_emu_trace_show_how(how)				\
	__print_symbolic(how,					\
			 { S3E_XLATE_UTLB,	"utlb-hit" },		\
			 { S3E_XLATE_TLB,	"tlb-hit" },		\
			 { S3E_XLATE_WALK,	"walk" },		\
			 { S3E_XLATE_BYPASS,	"bypass" },		\
			 { S3E_XLATE_FAULT,	"fault" },		\
			 { S3E_XLATE_ABORT,	"abort" })

#define smmu3_emu_trace_show_status(status)			\
	__print_symbolic(status,				\
			 { S3E_TRACE_CMD_DONE,	"done" },		\
			 { S3E_TRACE_CMD_SYNC,	"sync-done" },		\
			 { S3E_TRACE_CMD_ILL,	"illegal" })

TRACE_EVENT_FN(smmu3_emu_translate,
	       TP_PROTO(struct device *dev, const struct s3e_trace *t),
	       TP_ARGS(dev, t),
	       TP_STRUCT__entry(__string(dev, dev_name(dev))
				__field(u32, sid)
				__field(u32, ssid)
				__field(u64, iova)
				__field(u64, pa)
				__field(u32, how)
				__field(u32, event)
	       ),
	       TP_fast_assign(__assign_str(dev);
			      __entry->sid = t->xlate.sid;
			      __entry->ssid = t->xlate.ssid;
			      __entry->iova = t->xlate.iova;
			      __entry->pa = t->xlate.pa;
			      __entry->how = t->xlate.how;
			      __entry->event = t->xlate.event;
	       ),
	       TP_printk("%s: sid=%#x ssid=%#x iova=%#llx pa=%#llx %s event=%s",
			 __get_str(dev), __entry->sid, __entry->ssid, __entry->iova,
			 __entry->pa,
			 smmu3_emu_trace_show_how(__entry->how),
			 smmu3_trace_show_evt(__entry->event)),
	       smmu3_emu_trace_reg, smmu3_emu_trace_unreg
);

TRACE_EVENT_FN(smmu3_emu_walk,
	       TP_PROTO(struct device *dev, const struct s3e_trace *t),
	       TP_ARGS(dev, t),
	       TP_STRUCT__entry(__string(dev, dev_name(dev))
				__field(u32, sid)
				__field(u32, ssid)
				__field(u64, iova)
				__field(u64, oa)
				__field(u64, ipa)
				__field(u8, stages)
				__field(u8, level)
				__field(u8, s2_level)
				__field(u8, size_shift)
				__field(u8, fault)
				__field(u8, fault_stage)
	       ),
	       TP_fast_assign(__assign_str(dev);
			      __entry->sid = t->walk.sid;
			      __entry->ssid = t->walk.ssid;
			      __entry->iova = t->walk.iova;
			      __entry->oa = t->walk.oa;
			      __entry->ipa = t->walk.ipa;
			      __entry->stages = t->walk.stages;
			      __entry->level = t->walk.level;
			      __entry->s2_level = t->walk.s2_level;
			      __entry->size_shift = t->walk.size_shift;
			      __entry->fault = t->walk.fault;
			      __entry->fault_stage = t->walk.fault_stage;
	       ),
	       TP_printk("%s: sid=%#x ssid=%#x iova=%#llx stages=%s oa=%#llx ipa=%#llx level=%u s2_level=%u size=%#llx fault=%s fault_stage=%u",
			 __get_str(dev), __entry->sid, __entry->ssid, __entry->iova,
			 __print_symbolic(__entry->stages, { 1, "s1" }, { 2, "s2" },
					  { 3, "s1+s2" }),
			 __entry->oa, __entry->ipa, __entry->level,
			 __entry->s2_level, 1ULL << __entry->size_shift,
			 smmu3_trace_show_evt(__entry->fault),
			 __entry->fault_stage),
	       smmu3_emu_trace_reg, smmu3_emu_trace_unreg
);

TRACE_EVENT_FN(smmu3_emu_walk_desc,
	       TP_PROTO(struct device *dev, const struct s3e_trace *t),
	       TP_ARGS(dev, t),
	       TP_STRUCT__entry(__string(dev, dev_name(dev))
				__field(u64, pa)
				__field(u64, desc)
				__field(u8, stage)
				__field(u8, level)
	       ),
	       TP_fast_assign(__assign_str(dev);
			      __entry->pa = t->desc.pa;
			      __entry->desc = t->desc.desc;
			      __entry->stage = t->desc.stage;
			      __entry->level = t->desc.level;
	       ),
	       TP_printk("%s: stage=%u level=%u desc_pa=%#llx desc=%#llx",
			 __get_str(dev), __entry->stage, __entry->level, __entry->pa,
			 __entry->desc),
	       smmu3_emu_trace_reg, smmu3_emu_trace_unreg
);

TRACE_EVENT_FN(smmu3_emu_event,
	       TP_PROTO(struct device *dev, const struct s3e_trace *t),
	       TP_ARGS(dev, t),
	       TP_STRUCT__entry(__string(dev, dev_name(dev))
				__field(u8, type)
				__field(u32, sid)
				__field(bool, ssv)
				__field(u32, ssid)
				__field(u64, addr)
				__field(u64, dw1)
				__field(u64, dw3)
				__field(bool, recorded)
	       ),
	       TP_fast_assign(__assign_str(dev);
			      __entry->type = FIELD_GET(EVT_0_TYPE, t->event.rec[0]);
			      __entry->sid = FIELD_GET(EVT_0_SID, t->event.rec[0]);
			      __entry->ssv = t->event.rec[0] & EVT_0_SSV;
			      __entry->ssid = FIELD_GET(EVT_0_SSID, t->event.rec[0]);
			      __entry->dw1 = t->event.rec[1];
			      __entry->addr = t->event.rec[2];
			      __entry->dw3 = t->event.rec[3];
			      __entry->recorded = t->event.recorded;
	       ),
	       TP_printk("%s: %s sid=%#x ssv=%u ssid=%#x addr=%#llx dw1=%#llx dw3=%#llx %s",
			 __get_str(dev),
			 smmu3_trace_show_evt(__entry->type),
			 __entry->sid, __entry->ssv, __entry->ssid, __entry->addr,
			 __entry->dw1, __entry->dw3,
			 __entry->recorded ? "recorded" : "dropped"),
	       smmu3_emu_trace_reg, smmu3_emu_trace_unreg
);

TRACE_EVENT_FN(smmu3_emu_cmd,
	       TP_PROTO(struct device *dev, const struct s3e_trace *t),
	       TP_ARGS(dev, t),
	       TP_STRUCT__entry(__string(dev, dev_name(dev))
				__field(u8, op)
				__field(u64, cmd0)
				__field(u64, cmd1)
				__field(int, status)
	       ),
	       TP_fast_assign(__assign_str(dev);
			      __entry->op = FIELD_GET(CMD_0_OP, t->cmd.cmd[0]);
			      __entry->cmd0 = t->cmd.cmd[0];
			      __entry->cmd1 = t->cmd.cmd[1];
			      __entry->status = t->cmd.status;
	       ),
	       TP_printk("%s: %s cmd=%#llx,%#llx %s",
			 __get_str(dev),
			 smmu3_trace_show_op(__entry->op),
			 __entry->cmd0, __entry->cmd1,
			 smmu3_emu_trace_show_status(__entry->status)),
	       smmu3_emu_trace_reg, smmu3_emu_trace_unreg
);

TRACE_EVENT_FN(smmu3_emu_inval,
	       TP_PROTO(struct device *dev, const struct s3e_trace *t),
	       TP_ARGS(dev, t),
	       TP_STRUCT__entry(__string(dev, dev_name(dev))
				__field(u8, op)
				__field(u32, sid)
				__field(u32, ssid)
				__field(u16, asid)
				__field(u16, vmid)
				__field(u64, addr)
				__field(u8, num)
				__field(u8, scale)
				__field(u8, tg)
				__field(u8, range)
				__field(bool, leaf)
	       ),
	       TP_fast_assign(__assign_str(dev);
			      __entry->op = FIELD_GET(CMD_0_OP, t->cmd.cmd[0]);
			      __entry->sid = FIELD_GET(CMD_0_SID, t->cmd.cmd[0]);
			      __entry->ssid = FIELD_GET(CMD_0_SSID, t->cmd.cmd[0]);
			      __entry->asid = FIELD_GET(CMD_TLBI_0_ASID, t->cmd.cmd[0]);
			      __entry->vmid = FIELD_GET(CMD_TLBI_0_VMID, t->cmd.cmd[0]);
			      __entry->addr = t->cmd.cmd[1] & CMD_TLBI_1_VA;
			      __entry->num = FIELD_GET(CMD_TLBI_0_NUM, t->cmd.cmd[0]);
			      __entry->scale = FIELD_GET(CMD_TLBI_0_SCALE, t->cmd.cmd[0]);
			      __entry->tg = FIELD_GET(CMD_TLBI_1_TG, t->cmd.cmd[1]);
			      __entry->range = FIELD_GET(CMD_CFGI_1_RANGE, t->cmd.cmd[1]);
			      __entry->leaf = t->cmd.cmd[1] & CMD_TLBI_1_LEAF;
	       ),
	       TP_printk("%s: %s sid=%#x ssid=%#x asid=%u vmid=%u addr=%#llx num=%u scale=%u tg=%u range=%u leaf=%u",
			 __get_str(dev),
			 smmu3_trace_show_op(__entry->op),
			 __entry->sid, __entry->ssid, __entry->asid, __entry->vmid,
			 __entry->addr, __entry->num, __entry->scale, __entry->tg,
			 __entry->range, __entry->leaf),
	       smmu3_emu_trace_reg, smmu3_emu_trace_unreg
);

TRACE_EVENT_FN(smmu3_emu_cfg,
	       TP_PROTO(struct device *dev, const struct s3e_trace *t),
	       TP_ARGS(dev, t),
	       TP_STRUCT__entry(__string(dev, dev_name(dev))
				__field(u32, sid)
				__field(u32, ssid)
				__field(u64, w0)
				__field(u64, w1)
				__field(int, fill)
	       ),
	       TP_fast_assign(__assign_str(dev);
			      __entry->sid = t->cfg.sid;
			      __entry->ssid = t->cfg.ssid;
			      __entry->w0 = t->cfg.raw[0];
			      __entry->w1 = t->cfg.raw[1];
			      __entry->fill = t->cfg.fill;
	       ),
	       TP_printk("%s: %s sid=%#x ssid=%#x %s w0=%#llx w1=%#llx",
			 __get_str(dev), __entry->ssid == S3E_NO_SSID ? "ste" : "cd",
			 __entry->sid, __entry->ssid,
			 __entry->fill ? "fill" : "cache-hit", __entry->w0,
			 __entry->w1),
	       smmu3_emu_trace_reg, smmu3_emu_trace_unreg
);

TRACE_EVENT_FN(smmu3_emu_gerror,
	       TP_PROTO(struct device *dev, const struct s3e_trace *t),
	       TP_ARGS(dev, t),
	       TP_STRUCT__entry(__string(dev, dev_name(dev))
				__field(u32, bits)
	       ),
	       TP_fast_assign(__assign_str(dev);
			      __entry->bits = t->gerror.bits;
	       ),
	       TP_printk("%s: active=%s", __get_str(dev),
			 __print_flags(__entry->bits, "|",
				       { GERROR_CMDQ_ERR, "CMDQ_ERR" },
				       { GERROR_EVENTQ_ABT_ERR, "EVENTQ_ABT" },
				       { GERROR_PRIQ_ABT_ERR, "PRIQ_ABT" },
				       { GERROR_MSI_CMDQ_ABT_ERR, "MSI_CMDQ_ABT" },
				       { GERROR_MSI_EVENTQ_ABT_ERR, "MSI_EVENTQ_ABT" },
				       { GERROR_MSI_PRIQ_ABT_ERR, "MSI_PRIQ_ABT" },
				       { GERROR_MSI_GERROR_ABT_ERR, "MSI_GERROR_ABT" },
				       { GERROR_SFM_ERR, "SFM" })),
	       smmu3_emu_trace_reg, smmu3_emu_trace_unreg
);

/* A checker report (strict mode): emitted from s3e_host.report */
TRACE_EVENT(smmu3_emu_checker,
	    TP_PROTO(struct device *dev, const struct s3e_chk_report *r),
	    TP_ARGS(dev, r),
	    TP_STRUCT__entry(__string(dev, dev_name(dev))
			     __field(u64, seq)
			     __field(u64, addr)
			     __field(u64, iova)
			     __field(u64, value)
			     __field(u32, sid)
			     __field(u32, ssid)
			     __field(u16, asid)
			     __field(u16, vmid)
			     __field(u8, cls)
			     __field(u8, missing)
			     __field(u8, stage)
			     __field(u8, detail)
	    ),
	    TP_fast_assign(__assign_str(dev);
			   __entry->seq = r->seq;
			   __entry->addr = r->addr;
			   __entry->iova = r->iova;
			   __entry->value = r->value;
			   __entry->sid = r->sid;
			   __entry->ssid = r->ssid;
			   __entry->asid = r->asid;
			   __entry->vmid = r->vmid;
			   __entry->cls = r->cls;
			   __entry->missing = r->missing;
			   __entry->stage = r->stage;
			   __entry->detail = r->detail;
	    ),
	    TP_printk("%s: seq=%llu class=%u sid=%#x ssid=%#x asid=%u vmid=%u addr=%#llx iova=%#llx value=%#llx stage=%u detail=%u missing=%s",
		      __get_str(dev), __entry->seq, __entry->cls,
		      __entry->sid, __entry->ssid, __entry->asid,
		      __entry->vmid, __entry->addr, __entry->iova,
		      __entry->value, __entry->stage, __entry->detail,
		      smmu3_trace_show_op(__entry->missing))
);

#endif /* _SMMU3_EMU_TRACE_H */

/* This part must be outside the multi-read protection */
#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE smmu3_emu_trace
#include <trace/define_trace.h>
