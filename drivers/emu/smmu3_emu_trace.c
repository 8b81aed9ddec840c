// SPDX-License-Identifier: GPL-2.0-only
/*
 * smmu3_emu trace events: the emulator core's trace records (struct
 * s3e_trace, core/trace.h) turned into the ftrace events declared in
 * smmu3_emu_trace.h.
 *
 * The core calls smmu3_emu_trace() (through the host callback of
 * smmu3_emu_host.c) with the instance's lock held, only while one of these
 * events is enabled: smmu3_emu_trace_reg() and smmu3_emu_trace_unreg()
 * count the enabled events and smmu3_emu_host.c gives every instance's
 * core the callback while the count is not zero.
 */
#include <linux/device.h>
#include <smmu3/smmu3-arch.h>
#include "core/smmu.h"

#define CREATE_TRACE_POINTS
#include "smmu3_emu_trace.h"

int smmu3_emu_trace_reg(void)
{
	smmu3_emu_trace_users_add(1);
	return 0;
}

void smmu3_emu_trace_unreg(void)
{
	smmu3_emu_trace_users_add(-1);
}

/* Invalidation commands: CFGI_* and TLBI_* */
static bool smmu3_emu_trace_is_inval(u8 op)
{
	return (op >= CMD_OP_CFGI_STE && op <= CMD_OP_CFGI_VMS_PIDM) ||
	       (op >= CMD_OP_TLBI_NH_ALL && op <= CMD_OP_TLBI_NSNH_ALL);
}

/**
 * smmu3_emu_trace() - emit the ftrace event of one core trace record
 * @dev: the emulated SMMU's device
 * @t: the record
 */
void smmu3_emu_trace(struct device *dev, const struct s3e_trace *t)
{
	switch (t->kind) {
	case S3E_TRACE_XLATE:
		trace_smmu3_emu_translate(dev, t);
		break;
	case S3E_TRACE_WALK:
		trace_smmu3_emu_walk(dev, t);
		break;
	case S3E_TRACE_DESC:
		trace_smmu3_emu_walk_desc(dev, t);
		break;
	case S3E_TRACE_EVENT:
		trace_smmu3_emu_event(dev, t);
		break;
	case S3E_TRACE_CMD:
		trace_smmu3_emu_cmd(dev, t);
		if (t->cmd.status != S3E_TRACE_CMD_ILL &&
		    smmu3_emu_trace_is_inval(FIELD_GET(CMD_0_OP, t->cmd.cmd[0])))
			trace_smmu3_emu_inval(dev, t);
		break;
	case S3E_TRACE_CFG:
		trace_smmu3_emu_cfg(dev, t);
		break;
	case S3E_TRACE_GERROR:
		trace_smmu3_emu_gerror(dev, t);
		break;
	}
}
