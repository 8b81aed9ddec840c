// SPDX-License-Identifier: GPL-2.0-only
/*
 * SMMUv3 driver: queues in memory, command encoding and the command queue.
 *
 * Writers copy a batch of commands followed by their own CMD_SYNC into
 * the queue under one spinlock; after releasing it they publish (one PROD
 * write, skipped when a later writer already published their entries) and
 * wait for their CMD_SYNC, so that CPUs do not wait for each other's PROD
 * writes or CMD_SYNCs, and the SMMU completes the CMD_SYNCs of several
 * CPUs in one pass.  A CERROR raised meanwhile is recovered by
 * whoever sees it first, under the lock (smmu3_cmdq_recover()), so that
 * the queue keeps working after a bad command.
 */
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/ktime.h>
#include <linux/log2.h>

#include "smmu3.h"
#include "trace.h"

/**
 * smmu3_q_inc() - advance a queue pointer
 * @ptr: pointer: index in bits [@log2size-1:0], wrap bit above
 * @log2size: log2 of the queue's entries
 * @n: entries to advance by, at most the queue size
 *
 * Return: the advanced pointer, wrap bit toggled on a wrap; bits above the
 * wrap bit (OVF, ERR) are dropped.
 */
u32 smmu3_q_inc(u32 ptr, u32 log2size, u32 n)
{
	u32 mask = (2U << log2size) - 1;

	return ((ptr & mask) + n) & mask;
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_q_inc);

/**
 * smmu3_q_empty() - whether a queue holds no entry
 * @prod: producer pointer
 * @cons: consumer pointer
 * @log2size: log2 of the queue's entries
 *
 * Return: true when @prod and @cons are equal, wrap bits included.
 */
bool smmu3_q_empty(u32 prod, u32 cons, u32 log2size)
{
	u32 mask = (2U << log2size) - 1;

	return (prod & mask) == (cons & mask);
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_q_empty);

/**
 * smmu3_q_space() - free entries of a queue
 * @prod: producer pointer
 * @cons: consumer pointer
 * @log2size: log2 of the queue's entries
 *
 * Return: the number of entries the producer may still write.
 */
u32 smmu3_q_space(u32 prod, u32 cons, u32 log2size)
{
	u32 mask = (2U << log2size) - 1;
	u32 used = ((prod & mask) - (cons & mask)) & mask;

	return (1U << log2size) - used;
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_q_space);

/**
 * smmu3_q_passed() - whether the consumer has consumed an entry
 * @cons: consumer pointer read from the SMMU
 * @idx: pointer of the entry (index and wrap bit)
 * @log2size: log2 of the queue's entries
 *
 * Valid while fewer than a queue's worth of entries were written after
 * @idx, which holds while the writer keeps the queue lock.
 *
 * Return: true when the entry at @idx has been consumed.
 */
bool smmu3_q_passed(u32 cons, u32 idx, u32 log2size)
{
	u32 mask = (2U << log2size) - 1;
	u32 dist = ((cons & mask) - (idx & mask)) & mask;

	/* cons is at most one queue ahead of idx: 1..size means consumed */
	return dist >= 1 && dist <= (1U << log2size);
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_q_passed);

static __le64 *smmu3_q_slot(struct smmu3_queue *q, u32 ptr)
{
	return q->base + (ptr & ((1U << q->log2size) - 1)) * q->ent_dwords;
}

/**
 * smmu3_queue_alloc() - allocate a queue and compute its BASE value
 * @smmu: SMMU
 * @q: queue to fill
 * @log2size: log2 of the number of entries wanted; reduced when memory
 *	is short
 * @ent_dwords: 64-bit words per entry
 * @prod_reg: offset of the PROD register
 * @cons_reg: offset of the CONS register
 *
 * Return: 0 or -ENOMEM.
 */
int smmu3_queue_alloc(struct smmu3_device *smmu, struct smmu3_queue *q,
		      u32 log2size, u32 ent_dwords, u32 prod_reg, u32 cons_reg)
{
	size_t bytes;

	for (;;) {
		bytes = (size_t)ent_dwords * 8 << log2size;
		q->base = dmam_alloc_coherent(smmu->dev, bytes, &q->base_dma,
					      GFP_KERNEL);
		if (q->base || bytes <= PAGE_SIZE)
			break;
		log2size--;
	}
	if (!q->base)
		return -ENOMEM;
	/* The SMMU requires the base aligned to the queue size (min 32) */
	if (WARN_ON(q->base_dma & (max_t(size_t, bytes, 32) - 1)))
		return -ENOMEM;

	q->log2size = log2size;
	q->ent_dwords = ent_dwords;
	q->prod_reg = prod_reg;
	q->cons_reg = cons_reg;
	q->prod = 0;
	q->cons = 0;
	q->q_base = Q_BASE_RA | (q->base_dma & Q_BASE_ADDR) |
		    FIELD_PREP(Q_BASE_LOG2SIZE, log2size);
	return 0;
}

/**
 * smmu3_cmd_encode() - encode a command in the architecture's layout
 * @cmd: the command
 * @out: two 64-bit words, host order
 *
 * Return: 0, or -EINVAL for an opcode the driver does not issue.
 */
int smmu3_cmd_encode(const struct smmu3_cmd *cmd, u64 *out)
{
	u64 c0 = FIELD_PREP(CMD_0_OP, cmd->opcode);
	u64 c1 = 0;

	switch (cmd->opcode) {
	case CMD_OP_PREFETCH_CONFIG:
		c0 |= FIELD_PREP(CMD_0_SID, cmd->sid);
		break;
	case CMD_OP_CFGI_STE:
		c0 |= FIELD_PREP(CMD_0_SID, cmd->sid);
		c1 |= FIELD_PREP(CMD_CFGI_1_LEAF, cmd->leaf);
		break;
	case CMD_OP_CFGI_STE_RANGE:
		c0 |= FIELD_PREP(CMD_0_SID, cmd->sid);
		c1 |= FIELD_PREP(CMD_CFGI_1_RANGE, cmd->range);
		break;
	case CMD_OP_CFGI_CD:
		c0 |= FIELD_PREP(CMD_0_SID, cmd->sid) |
		      FIELD_PREP(CMD_0_SSID, cmd->ssid);
		c1 |= FIELD_PREP(CMD_CFGI_1_LEAF, cmd->leaf);
		break;
	case CMD_OP_CFGI_CD_ALL:
		c0 |= FIELD_PREP(CMD_0_SID, cmd->sid);
		break;
	case CMD_OP_TLBI_NH_ALL:
	case CMD_OP_TLBI_S12_VMALL:
		c0 |= FIELD_PREP(CMD_TLBI_0_VMID, cmd->vmid);
		break;
	case CMD_OP_TLBI_NH_ASID:
		c0 |= FIELD_PREP(CMD_TLBI_0_VMID, cmd->vmid) |
		      FIELD_PREP(CMD_TLBI_0_ASID, cmd->asid);
		break;
	case CMD_OP_TLBI_EL2_ASID:
		c0 |= FIELD_PREP(CMD_TLBI_0_ASID, cmd->asid);
		break;
	case CMD_OP_TLBI_NH_VA:
	case CMD_OP_TLBI_EL2_VA:
		c0 |= FIELD_PREP(CMD_TLBI_0_ASID, cmd->asid);
		fallthrough;
	case CMD_OP_TLBI_NH_VAA:
	case CMD_OP_TLBI_EL2_VAA:
		if (cmd->opcode == CMD_OP_TLBI_NH_VA ||
		    cmd->opcode == CMD_OP_TLBI_NH_VAA)
			c0 |= FIELD_PREP(CMD_TLBI_0_VMID, cmd->vmid);
		c0 |= FIELD_PREP(CMD_TLBI_0_NUM, cmd->num) |
		      FIELD_PREP(CMD_TLBI_0_SCALE, cmd->scale);
		c1 |= FIELD_PREP(CMD_TLBI_1_LEAF, cmd->leaf) |
		      FIELD_PREP(CMD_TLBI_1_TTL, cmd->ttl) |
		      FIELD_PREP(CMD_TLBI_1_TG, cmd->tg) |
		      (cmd->addr & CMD_TLBI_1_VA);
		break;
	case CMD_OP_TLBI_S2_IPA:
		c0 |= FIELD_PREP(CMD_TLBI_0_VMID, cmd->vmid) |
		      FIELD_PREP(CMD_TLBI_0_NUM, cmd->num) |
		      FIELD_PREP(CMD_TLBI_0_SCALE, cmd->scale);
		c1 |= FIELD_PREP(CMD_TLBI_1_LEAF, cmd->leaf) |
		      FIELD_PREP(CMD_TLBI_1_TTL, cmd->ttl) |
		      FIELD_PREP(CMD_TLBI_1_TG, cmd->tg) |
		      (cmd->addr & CMD_TLBI_1_IPA);
		break;
	case CMD_OP_TLBI_EL2_ALL:
	case CMD_OP_TLBI_NSNH_ALL:
		break;
	case CMD_OP_RESUME:
		/* §4.7.1: the stalled transaction is named by StreamID + STAG */
		c0 |= FIELD_PREP(CMD_0_SID, cmd->sid) |
		      FIELD_PREP(CMD_RESUME_0_RESP, cmd->resp);
		c1 |= FIELD_PREP(CMD_RESUME_1_STAG, cmd->stag);
		break;
	case CMD_OP_STALL_TERM:
		/* §4.7.2: every stalled transaction of the StreamID */
		c0 |= FIELD_PREP(CMD_0_SID, cmd->sid);
		break;
	case CMD_OP_SYNC:
		c0 |= FIELD_PREP(CMD_SYNC_0_CS, cmd->cs);
		if (cmd->cs == CMD_SYNC_CS_IRQ && cmd->addr) {
			c0 |= FIELD_PREP(CMD_SYNC_0_MSH, SMMU3_SH_ISH) |
			      FIELD_PREP(CMD_SYNC_0_MSIATTR,
					 SMMU3_MEMATTR_OIWB) |
			      FIELD_PREP(CMD_SYNC_0_MSIDATA, cmd->msidata);
			c1 |= cmd->addr & CMD_SYNC_1_MSIADDR;
		}
		break;
	default:
		return -EINVAL;
	}
	out[0] = c0;
	out[1] = c1;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_cmd_encode);

static const char *const smmu3_cerror_names[] = {
	[CERROR_NONE] = "none",
	[CERROR_ILL] = "illegal command",
	[CERROR_ABT] = "abort on command fetch",
	[CERROR_ATC_INV_SYNC] = "ATC invalidation timeout",
};

/*
 * smmu3_cmdq_recover() - skip the command that stopped the queue
 *
 * Called with the command queue lock held when GERROR.CMDQ_ERR is active.
 * The bad command is logged and replaced by a CMD_SYNC without interrupt,
 * which the SMMU can always execute; the error is acknowledged in GERRORN
 * and PROD is written again so that consumption resumes.
 */
void smmu3_cmdq_recover(struct smmu3_device *smmu)
{
	struct smmu3_queue *q = &smmu->cmdq.q;
	struct smmu3_cmd sync = { .opcode = CMD_OP_SYNC };
	u32 gerror, gerrorn, cons, err;
	u64 raw[2];
	__le64 *slot;

	lockdep_assert_held(&smmu->cmdq.lock);

	regmap_read(smmu->regmap, SMMU3_GERROR, &gerror);
	regmap_read(smmu->regmap, SMMU3_GERRORN, &gerrorn);
	if (!((gerror ^ gerrorn) & GERROR_CMDQ_ERR))
		return;

	regmap_read(smmu->regmap, q->cons_reg, &cons);
	err = FIELD_GET(CMDQ_CONS_ERR, cons);
	slot = smmu3_q_slot(q, cons);
	dev_err_ratelimited(smmu->dev,
			    "command queue error %u (%s) at index %u: %016llx %016llx\n",
			    err, err < ARRAY_SIZE(smmu3_cerror_names) ?
			    smmu3_cerror_names[err] : "reserved",
			    cons & ((1U << q->log2size) - 1),
			    le64_to_cpu(slot[0]), le64_to_cpu(slot[1]));
	smmu->cmdq.errors++;

	/* An abort on fetch leaves nothing to replace; retrying is all */
	if (err == CERROR_ILL) {
		smmu3_cmd_encode(&sync, raw);
		slot[0] = cpu_to_le64(raw[0]);
		slot[1] = cpu_to_le64(raw[1]);
		/* The replacement must be visible before the SMMU resumes */
		dma_wmb();
	}
	smmu3_gerror_ack(smmu, GERROR_CMDQ_ERR);
	/* Everything written so far, published or not: PROD moves forward */
	spin_lock(&smmu->cmdq.prod_lock);
	regmap_write(smmu->regmap, q->prod_reg, q->prod);
	smmu->cmdq.published = smmu->cmdq.prod64;
	spin_unlock(&smmu->cmdq.prod_lock);
}

/*
 * Publish every entry written so far, irqs off.  Writers copy their
 * entries under the queue lock and publish after releasing it, so that
 * the PROD write (a trap into the hypervisor, where an emulated SMMU may
 * consume the whole queue) does not hold up the next writer; a writer
 * whose entries a later writer already published writes nothing.
 */
static void smmu3_cmdq_publish(struct smmu3_device *smmu)
{
	struct smmu3_cmdq *cmdq = &smmu->cmdq;
	u32 mask = (2U << cmdq->q.log2size) - 1;
	u64 prod64;

	spin_lock(&cmdq->prod_lock);
	/* Entries counted in @prod64 are in memory (release in submit) */
	prod64 = smp_load_acquire(&cmdq->prod64);
	if (prod64 > cmdq->published) {
		/* Commands must be visible in memory before PROD moves */
		dma_wmb();
		regmap_write(smmu->regmap, cmdq->q.prod_reg, prod64 & mask);
		cmdq->published = prod64;
	}
	spin_unlock(&cmdq->prod_lock);
}

/*
 * Entries the SMMU has consumed, counted like @prod64, from its CONS.
 * Without the lock: @prod64 is read after CONS, so it is at least the
 * count CONS was read against, and never more than a queue's worth ahead
 * of it (writers wait for space): the distance between the two pointers,
 * taken modulo twice the queue size (index and wrap bit), is exact.
 */
static u64 smmu3_cmdq_read_cons(struct smmu3_device *smmu)
{
	struct smmu3_cmdq *cmdq = &smmu->cmdq;
	u32 mask = (2U << cmdq->q.log2size) - 1;
	u64 prod64, cons64, seen;
	u32 cons;

	regmap_read(smmu->regmap, cmdq->q.cons_reg, &cons);
	/* Pairs with the release in smmu3_cmdq_submit() */
	prod64 = smp_load_acquire(&cmdq->prod64);
	cons64 = prod64 - ((prod64 - cons) & mask);
	seen = atomic64_read(&cmdq->cons64);
	while (seen < cons64 &&
	       !atomic64_try_cmpxchg(&cmdq->cons64, &seen, cons64))
		;
	return max(seen, cons64);
}

/* Whether a command queue error (GERROR.CMDQ_ERR) is active */
static bool smmu3_cmdq_error(struct smmu3_device *smmu)
{
	u32 gerror, gerrorn;

	regmap_read(smmu->regmap, SMMU3_GERROR, &gerror);
	regmap_read(smmu->regmap, SMMU3_GERRORN, &gerrorn);
	return (gerror ^ gerrorn) & GERROR_CMDQ_ERR;
}

/* Polls between two reads of CONS (MSI) or of GERROR (both) */
#define SMMU3_CMDQ_MSI_POLLS	16

/*
 * Wait, without the lock, until the SMMU has consumed the CMD_SYNC that
 * is entry number @sync64.  Several CPUs wait at once, each for its own
 * CMD_SYNC; the SMMU completes them in queue order, so a CPU whose
 * CMD_SYNC comes later finds it done as soon as CONS has passed it.
 *
 * With @msi_slot the SMMU writes MSIDATA (0) over the first word of the
 * CMD_SYNC when it completes: no register read is needed.  Once consumed,
 * the slot may be reused by a later writer (and hold a command again), so
 * CONS is also read every SMMU3_CMDQ_MSI_POLLS polls.  A command error is
 * recovered by whichever waiter sees it first, under the lock.
 */
static int smmu3_cmdq_wait(struct smmu3_device *smmu, u64 sync64,
			   __le64 *msi_slot)
{
	struct smmu3_cmdq *cmdq = &smmu->cmdq;
	ktime_t timeout = ktime_add_us(ktime_get(), SMMU3_POLL_TIMEOUT_US);
	unsigned int recoveries = 0, polls = 0;
	unsigned long flags;
	u64 cons64 = 0;

	for (;;) {
		if (msi_slot &&
		    !lower_32_bits(le64_to_cpu(READ_ONCE(msi_slot[0])))) {
			dma_rmb();
			return 0;
		}
		polls++;
		if (!msi_slot || !(polls % SMMU3_CMDQ_MSI_POLLS)) {
			cons64 = smmu3_cmdq_read_cons(smmu);
			if (cons64 > sync64)
				return 0;
		}
		/*
		 * Errors every SMMU3_CMDQ_MSI_POLLS polls only: register
		 * reads are what a waiter costs the others (on an emulated
		 * SMMU each one is a trap), and the GERROR handler recovers
		 * too.
		 */
		if (polls % SMMU3_CMDQ_MSI_POLLS)
			goto next;
		/* Disabled meanwhile (service failure): nothing will come */
		if (READ_ONCE(cmdq->stopped))
			return -ENODEV;
		if (smmu3_cmdq_error(smmu)) {
			/* Bounded: a queue's worth of bad commands at most */
			if (++recoveries > (1U << cmdq->q.log2size))
				break;
			spin_lock_irqsave(&cmdq->lock, flags);
			smmu3_cmdq_recover(smmu);
			spin_unlock_irqrestore(&cmdq->lock, flags);
			continue;
		}
		if (ktime_after(ktime_get(), timeout))
			break;
next:
		udelay(1);
	}
	spin_lock_irqsave(&cmdq->lock, flags);
	cmdq->timeouts++;
	spin_unlock_irqrestore(&cmdq->lock, flags);
	dev_err_ratelimited(smmu->dev,
			    "CMD_SYNC timeout: %llu entries written, %llu consumed, waiting for entry %llu\n",
			    READ_ONCE(cmdq->prod64), cons64, sync64);
	return -ETIMEDOUT;
}

/* Wait, lock held, until @n entries are free */
static int smmu3_cmdq_wait_space(struct smmu3_device *smmu, unsigned int n)
{
	struct smmu3_cmdq *cmdq = &smmu->cmdq;
	struct smmu3_queue *q = &cmdq->q;
	ktime_t timeout = ktime_add_us(ktime_get(), SMMU3_POLL_TIMEOUT_US);
	u32 cons;

	lockdep_assert_held(&cmdq->lock);
	while (smmu3_q_space(q->prod, q->cons, q->log2size) < n) {
		if (READ_ONCE(cmdq->stopped))
			return -ENODEV;
		regmap_read(smmu->regmap, q->cons_reg, &cons);
		q->cons = cons;
		if (smmu3_q_space(q->prod, q->cons, q->log2size) >= n)
			break;
		/* A bad command stops consumption: the lock holder skips it */
		if (smmu3_cmdq_error(smmu)) {
			smmu3_cmdq_recover(smmu);
			continue;
		}
		/* Entries written by a writer not yet past its PROD write */
		smmu3_cmdq_publish(smmu);
		if (ktime_after(ktime_get(), timeout)) {
			dev_err_ratelimited(smmu->dev,
					    "command queue full: PROD %#x CONS %#x\n",
					    q->prod, cons);
			return -ETIMEDOUT;
		}
		udelay(1);
	}
	return 0;
}

/* Copy raw commands into free entries, lock held */
static void smmu3_cmdq_copy(struct smmu3_queue *q, const u64 *raw,
			    unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		__le64 *slot = smmu3_q_slot(q, q->prod);

		slot[0] = cpu_to_le64(raw[2 * i]);
		slot[1] = cpu_to_le64(raw[2 * i + 1]);
		q->prod = smmu3_q_inc(q->prod, q->log2size, 1);
	}
}

/*
 * Write @n raw commands and a CMD_SYNC, publish them with one PROD write,
 * release the lock and wait for the CMD_SYNC.  @n is at most
 * SMMU3_CMD_BATCH.
 *
 * Ordering: the entries are written to memory under the lock and counted
 * in @prod64 with a store-release; the publisher (smmu3_cmdq_publish(),
 * after the lock, irqs still off) reads @prod64 with a load-acquire and
 * dma_wmb() makes the entries visible to the SMMU before the PROD write
 * (the regmap's MMIO write is ordered after it).  PROD only moves forward
 * (@prod_lock, @published) and always covers whole batches, so entries
 * reach the SMMU in the order the writers took the lock, and each
 * writer's CMD_SYNC follows its own commands: its completion covers them
 * (§4.6.1).  A waiter that reads CONS and then @prod64 (acquire) never
 * computes a count above what the SMMU consumed.
 */
static int smmu3_cmdq_submit(struct smmu3_device *smmu, const u64 *raw,
			     unsigned int n)
{
	struct smmu3_cmdq *cmdq = &smmu->cmdq;
	struct smmu3_cmd sync = {
		.opcode = CMD_OP_SYNC,
		.cs = CMD_SYNC_CS_NONE,
	};
	__le64 *msi_slot = NULL;
	unsigned long flags;
	u64 sync_raw[2];
	u64 start = 0, sync64;
	u32 sync_idx;
	int ret;

	trace_smmu3_cmdq_batch(smmu->dev, raw, n);
	spin_lock_irqsave(&cmdq->lock, flags);
	if (cmdq->stopped) {
		ret = -ENODEV;
		goto out_unlock;
	}
	/* The batch and its CMD_SYNC go in together (smmu3_cmdq_batch_max()) */
	ret = smmu3_cmdq_wait_space(smmu, n + 1);
	if (ret)
		goto out_unlock;
	smmu3_cmdq_copy(&cmdq->q, raw, n);

	sync_idx = cmdq->q.prod;
	/*
	 * With MSIs on a coherent SMMU, the CMD_SYNC signals completion by
	 * writing MSIDATA (0) over its own first word: no register polling.
	 */
	if ((smmu->features & (SMMU3_FEAT_MSI | SMMU3_FEAT_COHERENCY)) ==
	    (SMMU3_FEAT_MSI | SMMU3_FEAT_COHERENCY)) {
		msi_slot = smmu3_q_slot(&cmdq->q, sync_idx);
		sync.cs = CMD_SYNC_CS_IRQ;
		sync.addr = cmdq->q.base_dma +
			    (u64)(sync_idx & ((1U << cmdq->q.log2size) - 1)) *
			    CMDQ_ENT_DWORDS * 8;
		sync.msidata = 0;
	}
	smmu3_cmd_encode(&sync, sync_raw);
	smmu3_cmdq_copy(&cmdq->q, sync_raw, 1);
	/* Entry number of the CMD_SYNC: n commands after the last count */
	sync64 = cmdq->prod64 + n;
	/*
	 * Released before PROD moves: a waiter that reads CONS, then this
	 * count (acquire), sees at least the entries CONS can have passed.
	 */
	smp_store_release(&cmdq->prod64, sync64 + 1);
	/* Still irqs off: the entries are published without delay */
	spin_unlock(&cmdq->lock);
	smmu3_cmdq_publish(smmu);
	local_irq_restore(flags);

	if (trace_smmu3_cmdq_sync_enabled())
		start = ktime_get_ns();
	ret = smmu3_cmdq_wait(smmu, sync64, msi_slot);
	if (trace_smmu3_cmdq_sync_enabled())
		trace_smmu3_cmdq_sync(smmu->dev, sync_idx, msi_slot,
				      ktime_get_ns() - start, ret);
	return ret;

out_unlock:
	spin_unlock_irqrestore(&cmdq->lock, flags);
	return ret;
}

/**
 * smmu3_cmdq_batch_max() - commands per batch that fit a command queue
 * @log2size: log2 of the command queue's entries
 *
 * A batch and its CMD_SYNC are written before PROD moves, so they must fit
 * in the queue together: at most SMMU3_CMD_BATCH, at most one less than
 * the queue's entries.
 *
 * Return: the batch size, 0 for a queue of one entry (unusable).
 */
unsigned int smmu3_cmdq_batch_max(u32 log2size)
{
	return min_t(unsigned int, SMMU3_CMD_BATCH, (1U << log2size) - 1);
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_cmdq_batch_max);

/**
 * smmu3_cmdq_issue() - issue commands and wait for their completion
 * @smmu: SMMU
 * @cmds: commands
 * @n: number of commands
 *
 * The commands are written in batches of smmu3_cmdq_batch_max(), each
 * followed by a CMD_SYNC that is waited for.
 *
 * Return: 0, -EINVAL for a command that cannot be encoded (nothing is
 * issued), or -ETIMEDOUT.
 */
int smmu3_cmdq_issue(struct smmu3_device *smmu, const struct smmu3_cmd *cmds,
		     unsigned int n)
{
	u64 raw[2 * SMMU3_CMD_BATCH];
	unsigned int done = 0, i, batch, max;
	int ret;

	max = smmu3_cmdq_batch_max(smmu->cmdq.q.log2size);
	do {
		batch = min_t(unsigned int, n - done, max);
		for (i = 0; i < batch; i++) {
			ret = smmu3_cmd_encode(&cmds[done + i], &raw[2 * i]);
			if (WARN_ON(ret))
				return ret;
		}
		ret = smmu3_cmdq_submit(smmu, raw, batch);
		if (ret)
			return ret;
		done += batch;
	} while (done < n);
	return 0;
}

/**
 * smmu3_cmdq_issue_one() - issue one command followed by a CMD_SYNC
 * @smmu: SMMU
 * @cmd: the command
 *
 * Return: as smmu3_cmdq_issue().
 */
int smmu3_cmdq_issue_one(struct smmu3_device *smmu, const struct smmu3_cmd *cmd)
{
	return smmu3_cmdq_issue(smmu, cmd, 1);
}

/**
 * smmu3_cmdq_issue_raw() - issue two raw words as a command, then a sync
 * @smmu: SMMU
 * @raw: the command's two 64-bit words, host order
 *
 * For debugging and fault injection: the command is not checked.
 *
 * Return: 0 or -ETIMEDOUT.
 */
int smmu3_cmdq_issue_raw(struct smmu3_device *smmu, const u64 *raw)
{
	return smmu3_cmdq_submit(smmu, raw, 1);
}
