/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Names of SMMUv3 command opcodes and event types as __print_symbolic()
 * calls, for the trace events of the driver (drivers/smmu3/trace.h) and
 * of the emulator (drivers/emu/smmu3_emu_trace.h).
 */
#ifndef SMMU3_TRACE_NAMES_H
#define SMMU3_TRACE_NAMES_H

#include <smmu3/smmu3-arch.h>

#define smmu3_trace_show_op(op)					\
	__print_symbolic(op,						\
	{ CMD_OP_PREFETCH_CONFIG,	"PREFETCH_CONFIG" },		\
	{ CMD_OP_PREFETCH_ADDR,		"PREFETCH_ADDR" },		\
	{ CMD_OP_CFGI_STE,		"CFGI_STE" },			\
	{ CMD_OP_CFGI_STE_RANGE,	"CFGI_STE_RANGE" },		\
	{ CMD_OP_CFGI_CD,		"CFGI_CD" },			\
	{ CMD_OP_CFGI_CD_ALL,		"CFGI_CD_ALL" },		\
	{ CMD_OP_CFGI_VMS_PIDM,		"CFGI_VMS_PIDM" },		\
	{ CMD_OP_TLBI_NH_ALL,		"TLBI_NH_ALL" },		\
	{ CMD_OP_TLBI_NH_ASID,		"TLBI_NH_ASID" },		\
	{ CMD_OP_TLBI_NH_VA,		"TLBI_NH_VA" },			\
	{ CMD_OP_TLBI_NH_VAA,		"TLBI_NH_VAA" },		\
	{ CMD_OP_TLBI_EL3_ALL,		"TLBI_EL3_ALL" },		\
	{ CMD_OP_TLBI_EL3_VA,		"TLBI_EL3_VA" },		\
	{ CMD_OP_TLBI_EL2_ALL,		"TLBI_EL2_ALL" },		\
	{ CMD_OP_TLBI_EL2_ASID,		"TLBI_EL2_ASID" },		\
	{ CMD_OP_TLBI_EL2_VA,		"TLBI_EL2_VA" },		\
	{ CMD_OP_TLBI_EL2_VAA,		"TLBI_EL2_VAA" },		\
	{ CMD_OP_TLBI_S12_VMALL,	"TLBI_S12_VMALL" },		\
	{ CMD_OP_TLBI_S2_IPA,		"TLBI_S2_IPA" },		\
	{ CMD_OP_TLBI_NSNH_ALL,		"TLBI_NSNH_ALL" },		\
	{ CMD_OP_ATC_INV,		"ATC_INV" },			\
	{ CMD_OP_PRI_RESP,		"PRI_RESP" },			\
	{ CMD_OP_RESUME,		"RESUME" },			\
	{ CMD_OP_STALL_TERM,		"STALL_TERM" },			\
	{ CMD_OP_SYNC,			"SYNC" })

#define smmu3_trace_show_evt(type)					\
	__print_symbolic(type,						\
	{ 0,				"none" },			\
	{ EVT_F_UUT,			"F_UUT" },			\
	{ EVT_C_BAD_STREAMID,		"C_BAD_STREAMID" },		\
	{ EVT_F_STE_FETCH,		"F_STE_FETCH" },		\
	{ EVT_C_BAD_STE,		"C_BAD_STE" },			\
	{ EVT_F_BAD_ATS_TREQ,		"F_BAD_ATS_TREQ" },		\
	{ EVT_F_STREAM_DISABLED,	"F_STREAM_DISABLED" },		\
	{ EVT_F_TRANSL_FORBIDDEN,	"F_TRANSL_FORBIDDEN" },		\
	{ EVT_C_BAD_SUBSTREAMID,	"C_BAD_SUBSTREAMID" },		\
	{ EVT_F_CD_FETCH,		"F_CD_FETCH" },			\
	{ EVT_C_BAD_CD,			"C_BAD_CD" },			\
	{ EVT_F_WALK_EABT,		"F_WALK_EABT" },		\
	{ EVT_F_TRANSLATION,		"F_TRANSLATION" },		\
	{ EVT_F_ADDR_SIZE,		"F_ADDR_SIZE" },		\
	{ EVT_F_ACCESS,			"F_ACCESS" },			\
	{ EVT_F_PERMISSION,		"F_PERMISSION" },		\
	{ EVT_F_TLB_CONFLICT,		"F_TLB_CONFLICT" },		\
	{ EVT_F_CFG_CONFLICT,		"F_CFG_CONFLICT" },		\
	{ EVT_F_VMS_FETCH,		"F_VMS_FETCH" })

#endif /* SMMU3_TRACE_NAMES_H */
