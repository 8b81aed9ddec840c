// SPDX-License-Identifier: GPL-2.0-only
/*
 * smmu3_emu debugfs: smmu3_emu/<device>/{stats,regs,ste,checker,gerror},
 * and the names of commands and checker reports that messages use too.
 */
#include <linux/bitfield.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/kstrtox.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include <smmu3/smmu3-arch.h>
#include "core/smmu.h"
/* s3e_gerror_raise(), for the "gerror" file */
#include "core/smmu-int.h"
#include "smmu3_emu_int.h"
#include "smmu3_emu_msi.h"

/* ------------------------------------------------------------------------
 * debugfs: smmu3_emu/<device>/{stats,regs,ste,gerror}
 */

/* The directory smmu3_emu, created and removed with the module */
struct dentry *smmu3_emu_debugfs_root;

/* Checker classes (S3E_CHK_*), for debugfs and messages */
const char * const smmu3_emu_chk_names[S3E_CHK_NR_CLASSES] = {
	[S3E_CHK_LIVE_TORN]	= "live_torn",
	[S3E_CHK_CFG_STALE]	= "cfg_stale",
	[S3E_CHK_TLB_STALE]	= "tlb_stale",
	[S3E_CHK_WALK_FREED]	= "walk_freed",
	[S3E_CHK_QUEUE]		= "queue",
};

/* What a class 5 report (S3E_CHK_Q_*) found */
const char *smmu3_emu_chk_queue_what(unsigned int detail)
{
	switch (detail) {
	case S3E_CHK_Q_CMDQ_PROD:
		return "CMDQ_PROD more than the queue size ahead of CMDQ_CONS";
	case S3E_CHK_Q_CMDQ_BASE:
		return "CMDQ_BASE written while CMDQEN = 1";
	case S3E_CHK_Q_CMDQ_CONS:
		return "CMDQ_CONS written while CMDQEN = 1";
	case S3E_CHK_Q_EVTQ_BASE:
		return "EVENTQ_BASE written while EVENTQEN = 1";
	case S3E_CHK_Q_EVTQ_PROD:
		return "EVENTQ_PROD written while EVENTQEN = 1";
	case S3E_CHK_Q_EVTQ_CONS:
		return "EVENTQ_CONS moved past EVENTQ_PROD";
	}
	return "?";
}

static const char * const smmu3_emu_event_names[S3E_NR_EVENT_TYPES] =
	SMMU3_EVT_NAMES;

static const char * const smmu3_emu_cmd_names[S3E_NR_OPCODES] = {
	[CMD_OP_PREFETCH_CONFIG]	= "PREFETCH_CONFIG",
	[CMD_OP_PREFETCH_ADDR]		= "PREFETCH_ADDR",
	[CMD_OP_CFGI_STE]		= "CFGI_STE",
	[CMD_OP_CFGI_STE_RANGE]		= "CFGI_STE_RANGE",	/* and CFGI_ALL */
	[CMD_OP_CFGI_CD]		= "CFGI_CD",
	[CMD_OP_CFGI_CD_ALL]		= "CFGI_CD_ALL",
	[CMD_OP_CFGI_VMS_PIDM]		= "CFGI_VMS_PIDM",
	[CMD_OP_TLBI_NH_ALL]		= "TLBI_NH_ALL",
	[CMD_OP_TLBI_NH_ASID]		= "TLBI_NH_ASID",
	[CMD_OP_TLBI_NH_VA]		= "TLBI_NH_VA",
	[CMD_OP_TLBI_NH_VAA]		= "TLBI_NH_VAA",
	[CMD_OP_TLBI_EL3_ALL]		= "TLBI_EL3_ALL",
	[CMD_OP_TLBI_EL3_VA]		= "TLBI_EL3_VA",
	[CMD_OP_TLBI_EL2_ALL]		= "TLBI_EL2_ALL",
	[CMD_OP_TLBI_EL2_ASID]		= "TLBI_EL2_ASID",
	[CMD_OP_TLBI_EL2_VA]		= "TLBI_EL2_VA",
	[CMD_OP_TLBI_EL2_VAA]		= "TLBI_EL2_VAA",
	[CMD_OP_TLBI_S12_VMALL]		= "TLBI_S12_VMALL",
	[CMD_OP_TLBI_S2_IPA]		= "TLBI_S2_IPA",
	[CMD_OP_TLBI_NSNH_ALL]		= "TLBI_NSNH_ALL",
	[CMD_OP_ATC_INV]		= "ATC_INV",
	[CMD_OP_PRI_RESP]		= "PRI_RESP",
	[CMD_OP_RESUME]			= "RESUME",
	[CMD_OP_STALL_TERM]		= "STALL_TERM",
	[CMD_OP_SYNC]			= "SYNC",
};

static const char * const smmu3_emu_irq_names[S3E_IRQ_NR] = {
	[S3E_IRQ_EVTQ]		= "eventq",
	[S3E_IRQ_PRIQ]		= "priq",
	[S3E_IRQ_CMDQ_SYNC]	= "cmdq-sync",
	[S3E_IRQ_GERROR]	= "gerror",
};

/* Counters copied under the lock, printed without it */
struct smmu3_emu_snapshot {
	struct s3e_smmu_stats smmu;
	struct s3e_tlb_stats tlb;
	struct s3e_cfgc_stats cfgc;
	u64 dma_calls;
	u64 dma_bytes;
	u64 dma_doorbells;
	u64 mem_refused;
	u64 cmdq_deferred;
	u64 model_bytes;
	u64 stall_timeouts;
};

static void smmu3_emu_seq_u64(struct seq_file *m, const char *prefix,
			      const char *name, u64 val)
{
	seq_printf(m, "%s%-*s %llu\n", prefix, 28 - (int)strlen(prefix), name,
		   val);
}

/* Named entries always, unnamed ones when non-zero */
static void smmu3_emu_seq_table(struct seq_file *m, const char *prefix,
				const char * const *names, const s3e_u64 *vals,
				unsigned int n)
{
	char name[8];
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (names[i]) {
			smmu3_emu_seq_u64(m, prefix, names[i], vals[i]);
		} else if (vals[i]) {
			snprintf(name, sizeof(name), "0x%02x", i);
			smmu3_emu_seq_u64(m, prefix, name, vals[i]);
		}
	}
}

static int smmu3_emu_stats_show(struct seq_file *m, void *unused)
{
	struct smmu3_emu *emu = m->private;
	struct smmu3_emu_snapshot *s;
	unsigned long flags;
	unsigned int i;
	bool live;

	s = kmalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	spin_lock_irqsave(&emu->lock, flags);
	live = emu->core;
	if (live) {
		s->smmu = *s3e_smmu_stats(emu->core);
		s->tlb = *s3e_smmu_tlb_stats(emu->core);
		s->cfgc = *s3e_smmu_cfgc_stats(emu->core);
		s->dma_calls = emu->dma_calls;
		s->dma_bytes = emu->dma_bytes;
		s->dma_doorbells = emu->dma_doorbells;
		s->mem_refused = emu->mem_refused;
		s->cmdq_deferred = emu->cmdq_deferred;
		s->stall_timeouts = emu->stall_timeouts;
		s->model_bytes = s3e_smmu_mem_size(emu->core);
	}
	spin_unlock_irqrestore(&emu->lock, flags);
	if (!live) {
		kfree(s);
		return -ENODEV;
	}

	smmu3_emu_seq_u64(m, "", "translations", s->smmu.translations);
	smmu3_emu_seq_u64(m, "", "bypassed", s->smmu.bypassed);
	smmu3_emu_seq_u64(m, "", "aborted", s->smmu.aborted);
	smmu3_emu_seq_u64(m, "", "walks", s->smmu.walks);
	/*
	 * Each translation once: answered from the context's last
	 * translation, from the TLB, by a walk, or before any lookup
	 */
	smmu3_emu_seq_u64(m, "", "xlate_utlb_hits", s->smmu.utlb_hits);
	smmu3_emu_seq_u64(m, "", "xlate_tlb_hits", s->smmu.tlb_answered);
	smmu3_emu_seq_u64(m, "", "xlate_walks", s->smmu.walks);
	smmu3_emu_seq_u64(m, "", "xlate_no_lookup", s->smmu.translations -
			  s->smmu.utlb_hits - s->smmu.tlb_answered -
			  s->smmu.walks);
	smmu3_emu_seq_u64(m, "", "walk_cache_hits", s->smmu.wc_hits);
	smmu3_emu_seq_u64(m, "", "walk_cache_fills", s->smmu.wc_fills);
	smmu3_emu_seq_u64(m, "", "prefetched", s->smmu.prefetched);
	smmu3_emu_seq_u64(m, "", "httu_af_updates", s->smmu.httu.af_updates);
	smmu3_emu_seq_u64(m, "", "httu_dirty_updates",
			  s->smmu.httu.dirty_updates);
	smmu3_emu_seq_u64(m, "", "stalls", s->smmu.stalls);
	smmu3_emu_seq_u64(m, "", "stall_retries", s->smmu.stall_retries);
	smmu3_emu_seq_u64(m, "", "stall_aborts", s->smmu.stall_aborts);
	smmu3_emu_seq_u64(m, "", "stall_full", s->smmu.stall_full);
	smmu3_emu_seq_u64(m, "", "stall_abandoned", s->smmu.stall_abandoned);
	smmu3_emu_seq_u64(m, "", "stall_timeouts", s->stall_timeouts);
	smmu3_emu_seq_u64(m, "", "ctx_hits", s->smmu.ctx_hits);
	smmu3_emu_seq_u64(m, "", "ctx_misses", s->smmu.ctx_misses);
	smmu3_emu_seq_u64(m, "", "tlb_hits", s->tlb.hits);
	smmu3_emu_seq_u64(m, "", "tlb_misses", s->tlb.misses);
	smmu3_emu_seq_u64(m, "", "tlb_inserts", s->tlb.inserts);
	smmu3_emu_seq_u64(m, "", "tlb_evictions", s->tlb.evictions);
	smmu3_emu_seq_u64(m, "", "tlb_invalidated", s->tlb.removed);
	smmu3_emu_seq_u64(m, "", "cfgc_hits", s->cfgc.hits);
	smmu3_emu_seq_u64(m, "", "cfgc_misses", s->cfgc.misses);
	smmu3_emu_seq_u64(m, "", "cfgc_inserts", s->cfgc.inserts);
	smmu3_emu_seq_u64(m, "", "cfgc_evictions", s->cfgc.evictions);
	smmu3_emu_seq_u64(m, "", "cfgc_invalidated", s->cfgc.removed);
	smmu3_emu_seq_u64(m, "", "events", s->smmu.events);
	smmu3_emu_seq_u64(m, "", "events_dropped", s->smmu.events_dropped);
	smmu3_emu_seq_u64(m, "", "cmd_errors", s->smmu.cmd_errors);
	smmu3_emu_seq_u64(m, "", "syncs", s->smmu.syncs);
	smmu3_emu_seq_u64(m, "", "syncs_queued_max", s->smmu.syncs_queued_max);
	smmu3_emu_seq_u64(m, "", "msis", s->smmu.msis);
	smmu3_emu_seq_u64(m, "", "msi_aborts", s->smmu.msi_aborts);
	smmu3_emu_seq_u64(m, "", "msi_doorbells",
			  smmu3_emu_msi_doorbells(emu->msi));
	smmu3_emu_seq_u64(m, "", "dma_calls", s->dma_calls);
	smmu3_emu_seq_u64(m, "", "dma_bytes", s->dma_bytes);
	smmu3_emu_seq_u64(m, "", "dma_doorbells", s->dma_doorbells);
	smmu3_emu_seq_u64(m, "", "mem_refused", s->mem_refused);
	smmu3_emu_seq_u64(m, "", "cmdq_deferred", s->cmdq_deferred);
	smmu3_emu_seq_u64(m, "", "model_bytes", s->model_bytes);
	for (i = 0; i < S3E_IRQ_NR; i++) {
		smmu3_emu_seq_u64(m, "irq_raised_", smmu3_emu_irq_names[i],
				  s->smmu.irqs[i]);
		smmu3_emu_seq_u64(m, "irq_delivered_", smmu3_emu_irq_names[i],
				  atomic_long_read(&emu->irq_delivered[i]));
		smmu3_emu_seq_u64(m, "irq_unmapped_", smmu3_emu_irq_names[i],
				  atomic_long_read(&emu->irq_unmapped[i]));
	}
	smmu3_emu_seq_table(m, "fault_", smmu3_emu_event_names,
			    s->smmu.faults, S3E_NR_EVENT_TYPES);
	smmu3_emu_seq_table(m, "cmd_", smmu3_emu_cmd_names, s->smmu.cmds,
			    S3E_NR_OPCODES);
	kfree(s);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(smmu3_emu_stats);

const char *smmu3_emu_cmd_name(unsigned int op)
{
	const char *name = NULL;

	if (op < S3E_NR_OPCODES)
		name = smmu3_emu_cmd_names[op];
	return name ? name : "?";
}

/*
 * debugfs "checker": "strict 0|1"; in strict mode the CMD_SYNCs checked,
 * the report count per class and in total, then the last reports, newest
 * first
 */
static int smmu3_emu_checker_show(struct seq_file *m, void *unused)
{
	struct smmu3_emu *emu = m->private;
	const struct s3e_chk_state *live;
	const struct s3e_chk_report *r;
	struct s3e_chk_state *st;
	unsigned long flags;
	unsigned int i, n;
	bool strict;

	st = kmalloc(sizeof(*st), GFP_KERNEL);
	if (!st)
		return -ENOMEM;
	spin_lock_irqsave(&emu->lock, flags);
	live = emu->core ? s3e_smmu_checker(emu->core) : NULL;
	strict = live;
	if (live)
		*st = *live;
	spin_unlock_irqrestore(&emu->lock, flags);

	seq_printf(m, "strict %d\n", strict);
	if (strict) {
		seq_printf(m, "checks %llu\n", (u64)st->checks);
		for (i = 1; i < S3E_CHK_NR_CLASSES; i++)
			seq_printf(m, "class%u_%s %llu\n", i,
				   smmu3_emu_chk_names[i], (u64)st->count[i]);
		seq_printf(m, "total %llu\n", (u64)st->total);
		n = min_t(u64, st->total, S3E_CHK_LAST);
		for (i = 0; i < n; i++) {
			r = &st->last[(st->total - 1 - i) % S3E_CHK_LAST];
			if (r->cls == S3E_CHK_QUEUE) {
				seq_printf(m, "report %llu class %u %s detail %u addr %#llx value %#llx: %s\n",
					   (u64)r->seq, r->cls,
					   smmu3_emu_chk_names[r->cls],
					   r->detail, (u64)r->addr,
					   (u64)r->value,
					   smmu3_emu_chk_queue_what(r->detail));
				continue;
			}
			seq_printf(m, "report %llu class %u %s sid %#x ssid %#x asid %u vmid %u addr %#llx iova %#llx stage %u value %#llx missing %s\n",
				   (u64)r->seq, r->cls,
				   smmu3_emu_chk_names[r->cls], r->sid,
				   r->ssid, r->asid, r->vmid, (u64)r->addr,
				   (u64)r->iova, r->stage, (u64)r->value,
				   smmu3_emu_cmd_name(r->missing));
		}
	}
	kfree(st);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(smmu3_emu_checker);

struct smmu3_emu_reg {
	const char *name;
	u32 offset;
	bool wide;		/* 64-bit */
};

#define SMMU3_EMU_REG(r)	{ #r, SMMU3_##r, false }
#define SMMU3_EMU_REG64(r)	{ #r, SMMU3_##r, true }

static const struct smmu3_emu_reg smmu3_emu_regs[] = {
	SMMU3_EMU_REG(IDR0), SMMU3_EMU_REG(IDR1), SMMU3_EMU_REG(IDR2),
	SMMU3_EMU_REG(IDR3), SMMU3_EMU_REG(IDR4), SMMU3_EMU_REG(IDR5),
	SMMU3_EMU_REG(IIDR), SMMU3_EMU_REG(AIDR),
	SMMU3_EMU_REG(CR0), SMMU3_EMU_REG(CR0ACK), SMMU3_EMU_REG(CR1),
	SMMU3_EMU_REG(CR2), SMMU3_EMU_REG(STATUSR), SMMU3_EMU_REG(GBPA),
	SMMU3_EMU_REG(IRQ_CTRL), SMMU3_EMU_REG(IRQ_CTRLACK),
	SMMU3_EMU_REG(GERROR), SMMU3_EMU_REG(GERRORN),
	SMMU3_EMU_REG64(GERROR_IRQ_CFG0), SMMU3_EMU_REG(GERROR_IRQ_CFG1),
	SMMU3_EMU_REG(GERROR_IRQ_CFG2),
	SMMU3_EMU_REG64(STRTAB_BASE), SMMU3_EMU_REG(STRTAB_BASE_CFG),
	SMMU3_EMU_REG64(CMDQ_BASE), SMMU3_EMU_REG(CMDQ_PROD),
	SMMU3_EMU_REG(CMDQ_CONS),
	SMMU3_EMU_REG64(EVENTQ_BASE), SMMU3_EMU_REG(EVENTQ_PROD_P1),
	SMMU3_EMU_REG(EVENTQ_CONS_P1), SMMU3_EMU_REG64(EVENTQ_IRQ_CFG0),
	SMMU3_EMU_REG(EVENTQ_IRQ_CFG1), SMMU3_EMU_REG(EVENTQ_IRQ_CFG2),
	SMMU3_EMU_REG64(PRIQ_BASE), SMMU3_EMU_REG(PRIQ_PROD_P1),
	SMMU3_EMU_REG(PRIQ_CONS_P1), SMMU3_EMU_REG64(PRIQ_IRQ_CFG0),
	SMMU3_EMU_REG(PRIQ_IRQ_CFG1), SMMU3_EMU_REG(PRIQ_IRQ_CFG2),
};

/* Number of 32-bit ID registers (PIDR4..7, PIDR0..3, CIDR0..3) */
#define SMMU3_EMU_NR_IDREGS	12

static int smmu3_emu_regs_show(struct seq_file *m, void *unused)
{
	u64 vals[ARRAY_SIZE(smmu3_emu_regs) + SMMU3_EMU_NR_IDREGS];
	struct smmu3_emu *emu = m->private;
	const struct smmu3_emu_reg *r;
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&emu->lock, flags);
	if (!emu->core) {
		spin_unlock_irqrestore(&emu->lock, flags);
		return -ENODEV;
	}
	for (i = 0; i < ARRAY_SIZE(smmu3_emu_regs); i++) {
		r = &smmu3_emu_regs[i];
		vals[i] = r->wide ? s3e_smmu_read64(emu->core, r->offset) :
				    s3e_smmu_read32(emu->core, r->offset);
	}
	for (i = 0; i < SMMU3_EMU_NR_IDREGS; i++)
		vals[ARRAY_SIZE(smmu3_emu_regs) + i] =
			s3e_smmu_read32(emu->core, SMMU3_IDREGS + 4 * i);
	spin_unlock_irqrestore(&emu->lock, flags);

	for (i = 0; i < ARRAY_SIZE(smmu3_emu_regs); i++) {
		r = &smmu3_emu_regs[i];
		seq_printf(m, "%-16s 0x%05x 0x%0*llx\n", r->name, r->offset,
			   r->wide ? 16 : 8, vals[i]);
	}
	for (i = 0; i < SMMU3_EMU_NR_IDREGS; i++)
		seq_printf(m, "IDREGS+0x%02x      0x%05x 0x%08llx\n", 4 * i,
			   SMMU3_IDREGS + 4 * i, vals[ARRAY_SIZE(smmu3_emu_regs) + i]);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(smmu3_emu_regs);

/*
 * debugfs "ste": write a StreamID, read its STE as this SMMU fetches it,
 * through its own STRTAB_BASE and STRTAB_BASE_CFG, from memory (no cache,
 * no event, no counter): the eight doublewords and the fields that say
 * how the stream translates.
 */
static int smmu3_emu_ste_show(struct seq_file *m, void *unused)
{
	static const char *const configs[8] = {
		"abort", "reserved", "reserved", "reserved",
		"bypass", "s1", "s2", "nested",
	};
	struct smmu3_emu *emu = m->private;
	u32 sid = READ_ONCE(emu->ste_sid);
	s3e_u64 raw[STE_DWORDS];
	u64 ste[STE_DWORDS];
	unsigned long flags;
	int rc = -ENODEV;
	unsigned int i;

	spin_lock_irqsave(&emu->lock, flags);
	if (emu->core)
		rc = s3e_smmu_ste_read(emu->core, sid, raw);
	spin_unlock_irqrestore(&emu->lock, flags);
	for (i = 0; i < STE_DWORDS; i++)
		ste[i] = raw[i];
	if (rc == -ENODEV)
		return rc;
	if (rc == -1) {
		seq_printf(m, "sid %#x: beyond the stream table\n", sid);
		return 0;
	}
	if (rc) {
		seq_printf(m, "sid %#x: stream table not readable (not RAM)\n",
			   sid);
		return 0;
	}
	seq_printf(m, "sid %#x\nste: %016llx %016llx %016llx %016llx %016llx %016llx %016llx %016llx\n",
		   sid, ste[0], ste[1], ste[2], ste[3], ste[4], ste[5], ste[6],
		   ste[7]);
	seq_printf(m, "v %llu config %s s1contextptr %#llx s2vmid %llu s2ttb %#llx\n",
		   ste[0] & STE_0_V, configs[FIELD_GET(STE_0_CONFIG, ste[0])],
		   ste[0] & STE_0_S1CONTEXTPTR,
		   FIELD_GET(STE_2_S2VMID, ste[2]), ste[3] & STE_3_S2TTB);
	return 0;
}

static int smmu3_emu_ste_open(struct inode *inode, struct file *file)
{
	return single_open(file, smmu3_emu_ste_show, inode->i_private);
}

static ssize_t smmu3_emu_ste_write(struct file *file, const char __user *ubuf,
				   size_t count, loff_t *ppos)
{
	struct smmu3_emu *emu = ((struct seq_file *)file->private_data)->private;
	u32 sid;
	int ret;

	ret = kstrtou32_from_user(ubuf, count, 0, &sid);
	if (ret)
		return ret;
	WRITE_ONCE(emu->ste_sid, sid);
	return count;
}

static const struct file_operations smmu3_emu_ste_fops = {
	.owner		= THIS_MODULE,
	.open		= smmu3_emu_ste_open,
	.read		= seq_read,
	.write		= smmu3_emu_ste_write,
	.llseek		= seq_lseek,
	.release	= single_release,
};

/*
 * "gerror": write GERROR bits (SFM_ERR is 0x100) to activate those
 * global errors as the SMMU itself would: GERROR toggles and, when
 * IRQ_CTRL.GERROR_IRQEN is set, the gerror line (and its MSI) fires.  For
 * testing a driver's handling of errors the model never raises, such as
 * service failure mode; the model itself keeps working.
 */
static ssize_t smmu3_emu_gerror_write(struct file *file,
				      const char __user *ubuf, size_t count,
				      loff_t *ppos)
{
	struct smmu3_emu *emu = file->private_data;
	unsigned long flags;
	u32 bits;
	int ret;

	ret = kstrtou32_from_user(ubuf, count, 0, &bits);
	if (ret)
		return ret;
	if (!bits || (bits & ~GERROR_ERR_MASK))
		return -EINVAL;
	ret = -ENODEV;
	spin_lock_irqsave(&emu->lock, flags);
	if (emu->core) {
		s3e_gerror_raise(emu->core, bits);
		ret = 0;
	}
	spin_unlock_irqrestore(&emu->lock, flags);
	if (!ret)
		dev_info(emu->dev, "debugfs: GERROR %#x raised\n", bits);
	return ret ?: count;
}

static const struct file_operations smmu3_emu_gerror_fops = {
	.owner		= THIS_MODULE,
	.open		= simple_open,
	.write		= smmu3_emu_gerror_write,
	.llseek		= noop_llseek,
};

void smmu3_emu_debugfs_init(struct smmu3_emu *emu)
{
	emu->debugfs = debugfs_create_dir(dev_name(emu->dev),
					  smmu3_emu_debugfs_root);
	debugfs_create_file("stats", 0400, emu->debugfs, emu,
			    &smmu3_emu_stats_fops);
	debugfs_create_file("regs", 0400, emu->debugfs, emu,
			    &smmu3_emu_regs_fops);
	debugfs_create_file("ste", 0600, emu->debugfs, emu,
			    &smmu3_emu_ste_fops);
	debugfs_create_file("checker", 0400, emu->debugfs, emu,
			    &smmu3_emu_checker_fops);
	debugfs_create_file("gerror", 0200, emu->debugfs, emu,
			    &smmu3_emu_gerror_fops);
}
