/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * smmu3_emu's private header: struct smmu3_emu, one emulated SMMUv3
 * instance, and what the module's files call across each other.  The
 * module's interface for other kernel code is include/smmu3/smmu3-emu.h.
 */
#ifndef SMMU3_EMU_INT_H
#define SMMU3_EMU_INT_H

#include <linux/atomic.h>
#include <linux/irq_work.h>
#include <linux/irqdomain.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/regmap.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include "core/smmu.h"

struct dentry;
struct device;
struct device_node;

/**
 * struct smmu3_emu - one emulated SMMUv3
 * @ref: references: the bound device holds one, each smmu3_emu_get()
 *	one more; the structure outlives the device binding until the last
 *	smmu3_emu_put()
 * @dev: the platform device (a reference is held)
 * @np: its device tree node (a reference is held)
 * @list: entry in smmu3_emu_instances while bound, under smmu3_emu_mutex
 * @lock: serialises every call into @core, and protects @core itself and
 *	the glue counters below.  Always taken with spin_lock_irqsave():
 *	register accesses (regmap, possibly from a consumer's hard interrupt
 *	handler) and DMA port calls may come from any context but NMI.
 *	Nothing under it sleeps or allocates; the core's host callbacks run
 *	under it, so the interrupt callback only latches and queues irq_work.
 * @core: the device model; NULL once the device is unbound, after which
 *	every entry point returns -ENODEV
 * @cfg: configuration read from the device tree
 * @creating: set while s3e_smmu_create() runs (process context, no lock):
 *	the only time the core may allocate
 * @domain: irq domain of the interrupt lines S3E_IRQ_*
 * @irq_work: delivers latched interrupts
 * @irq_pending: lines pulsed by the core and not delivered yet
 * @irq_masked: lines masked by genirq (all, until a consumer starts one)
 * @irq_delivered: interrupts handed to genirq, per line
 * @irq_unmapped: pulses dropped because no consumer had mapped the line
 * @cmdq_work: consumes what the command queue's budget left over
 * @cmdq_deferred: budgets of commands consumed after the write that
 *	published them (by @cmdq_work or by a register read)
 * @dma_calls: smmu3_emu_dma() transfers
 * @dma_bytes: bytes those moved
 * @dma_doorbells: their writes delivered to an ITS doorbell (client
 *	devices' MSIs through the SMMU)
 * @mem_refused: host memory accesses refused (not RAM, or faulted)
 * @debugfs: smmu3_emu/<device name> in debugfs
 * @ste_sid: StreamID that the debugfs file "ste" shows (written there)
 * @msi: the GICv3 ITS doorbells MSIs are delivered to (smmu3_emu_msi.c)
 * @stall_wq: DMA port clients waiting for a stalled transaction
 * @stall_timeouts: stalls their client stopped waiting for (timeout)
 */
struct smmu3_emu {
	struct kref ref;
	struct device *dev;
	struct device_node *np;
	struct list_head list;
	spinlock_t lock; /* serialises the core; see the kernel-doc above */
	struct s3e_smmu *core;
	struct s3e_smmu_config cfg;
	bool creating;

	struct irq_domain *domain;
	struct irq_work irq_work;
	unsigned long irq_pending;
	unsigned long irq_masked;
	atomic_long_t irq_delivered[S3E_IRQ_NR];
	atomic_long_t irq_unmapped[S3E_IRQ_NR];

	struct work_struct cmdq_work;
	u64 cmdq_deferred;

	u64 dma_calls;
	u64 dma_bytes;
	u64 dma_doorbells;
	u64 mem_refused;

	struct dentry *debugfs;
	u32 ste_sid;

	struct smmu3_emu_msi *msi;

	wait_queue_head_t stall_wq;
	u64 stall_timeouts;
};

/* smmu3_emu_main.c: bound instances, for smmu3_emu_get() and tracing */
extern struct list_head smmu3_emu_instances;
extern struct mutex smmu3_emu_mutex; /* protects smmu3_emu_instances */

/* smmu3_emu_host.c: the services the core gets from the glue */
void smmu3_emu_host_init(struct smmu3_emu *emu, struct s3e_host *host);
void smmu3_emu_trace_apply(struct smmu3_emu *emu);

/* smmu3_emu_irq.c: the interrupt controller */
extern const struct irq_domain_ops smmu3_emu_irq_domain_ops;
void smmu3_emu_irq_work(struct irq_work *work);
void smmu3_emu_host_irq(void *ctx, unsigned int line);
void smmu3_emu_irq_teardown(struct smmu3_emu *emu);

/* smmu3_emu_regmap.c: the register file and the command queue's work */
extern const struct regmap_config smmu3_emu_regmap_config;
void smmu3_emu_cmdq_work(struct work_struct *work);

/* smmu3_emu_dma.c: references (the DMA port's functions are exported) */
void smmu3_emu_release(struct kref *ref);

/* smmu3_emu_debugfs.c: the debugfs files, and names for messages */
extern struct dentry *smmu3_emu_debugfs_root;
extern const char * const smmu3_emu_chk_names[S3E_CHK_NR_CLASSES];
const char *smmu3_emu_chk_queue_what(unsigned int detail);
const char *smmu3_emu_cmd_name(unsigned int op);
void smmu3_emu_debugfs_init(struct smmu3_emu *emu);

#endif /* SMMU3_EMU_INT_H */
