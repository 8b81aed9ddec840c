// SPDX-License-Identifier: GPL-2.0-only
/*
 * SMMUv3 driver: the stream table and its entries.
 *
 * STEs (and CDs, cd.c) are updated while the SMMU may be reading them.
 * smmu3_write_entry() orders the 64-bit writes so that an entry, read at
 * any moment as the SMMU reads it (each word single-copy atomic, in any
 * order), is either the old configuration or the new one:
 *
 * - bits the current configuration does not use are set to their new
 *   values first (the SMMU ignores them);
 * - if then only one word still differs in bits the SMMU uses, writing
 *   that one word switches configurations at once (hitless);
 * - otherwise V is cleared, the other words are written, and V is set
 *   with the new word 0 (a short window of C_BAD_STE for the stream).
 *
 * Each step is followed by the writer's sync (CFGI + CMD_SYNC).
 */
#include <linux/dma-mapping.h>
#include <linux/slab.h>

#include "smmu3.h"
#include "trace.h"

/* Largest entry, in 64-bit words: the STE */
#define SMMU3_ENTRY_MAX_WORDS	STE_DWORDS

/**
 * smmu3_ste_abort() - STE that aborts every transaction, silently
 * @ste: STE_DWORDS words to fill
 */
void smmu3_ste_abort(__le64 *ste)
{
	memset(ste, 0, STE_SIZE);
	ste[0] = cpu_to_le64(STE_0_V |
			     FIELD_PREP(STE_0_CONFIG, STE_CONFIG_ABORT));
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_ste_abort);

/**
 * smmu3_ste_bypass() - STE that lets transactions through untranslated
 * @ste: STE_DWORDS words to fill
 *
 * Shareability is taken from the incoming transaction.
 */
void smmu3_ste_bypass(__le64 *ste)
{
	memset(ste, 0, STE_SIZE);
	ste[0] = cpu_to_le64(STE_0_V |
			     FIELD_PREP(STE_0_CONFIG, STE_CONFIG_BYPASS));
	ste[1] = cpu_to_le64(FIELD_PREP(STE_1_SHCFG, STE_SHCFG_INCOMING));
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_ste_bypass);

/**
 * smmu3_ste_s1() - STE translating through stage 1 (context descriptors)
 * @ste: STE_DWORDS words to fill
 * @cfg: CD table of the stream
 *
 * Transactions without a SubstreamID use CD 0 (S1DSS = SSID0); the
 * StreamWorld is NS-EL1.  Faults terminate (the CD leaves S clear).
 */
void smmu3_ste_s1(__le64 *ste, const struct smmu3_ste_s1 *cfg)
{
	u8 cache = cfg->coherent ? STE_S1C_WBRA : STE_S1C_NC;

	memset(ste, 0, STE_SIZE);
	ste[0] = cpu_to_le64(STE_0_V |
			     FIELD_PREP(STE_0_CONFIG, STE_CONFIG_S1) |
			     FIELD_PREP(STE_0_S1FMT, cfg->s1fmt) |
			     (cfg->cdtab_dma & STE_0_S1CONTEXTPTR) |
			     FIELD_PREP(STE_0_S1CDMAX, cfg->s1cdmax));
	ste[1] = cpu_to_le64(FIELD_PREP(STE_1_S1DSS, STE_S1DSS_SSID0) |
			     FIELD_PREP(STE_1_S1CIR, cache) |
			     FIELD_PREP(STE_1_S1COR, cache) |
			     FIELD_PREP(STE_1_S1CSH, cfg->coherent ?
					SMMU3_SH_ISH : SMMU3_SH_OSH) |
			     FIELD_PREP(STE_1_STRW, STE_STRW_NSEL1) |
			     /* As bypass has it: switching is hitless */
			     FIELD_PREP(STE_1_SHCFG, STE_SHCFG_INCOMING));
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_ste_s1);

/**
 * smmu3_ste_s2() - STE translating through stage 2 only
 * @ste: STE_DWORDS words to fill
 * @cfg: io-pgtable configuration of an ARM_64_LPAE_S2 table
 * @vmid: VMID of the domain
 * @coherent: table walks are cacheable and inner shareable
 *
 * Stage-2 faults are recorded (S2R), stage-2 table walks to Device memory
 * fault (S2PTW).
 */
void smmu3_ste_s2(__le64 *ste, const struct io_pgtable_cfg *cfg,
		  u16 vmid, bool coherent)
{
	typeof(cfg->arm_lpae_s2_cfg.vtcr) vtcr = cfg->arm_lpae_s2_cfg.vtcr;

	memset(ste, 0, STE_SIZE);
	ste[0] = cpu_to_le64(STE_0_V |
			     FIELD_PREP(STE_0_CONFIG, STE_CONFIG_S2));
	ste[1] = cpu_to_le64(FIELD_PREP(STE_1_SHCFG, STE_SHCFG_INCOMING));
	ste[2] = cpu_to_le64(FIELD_PREP(STE_2_S2VMID, vmid) |
			     FIELD_PREP(STE_2_S2T0SZ, vtcr.tsz) |
			     FIELD_PREP(STE_2_S2SL0, vtcr.sl) |
			     FIELD_PREP(STE_2_S2IR0, coherent ? vtcr.irgn : 0) |
			     FIELD_PREP(STE_2_S2OR0, coherent ? vtcr.orgn : 0) |
			     FIELD_PREP(STE_2_S2SH0, coherent ? vtcr.sh :
					SMMU3_SH_OSH) |
			     FIELD_PREP(STE_2_S2TG, vtcr.tg) |
			     FIELD_PREP(STE_2_S2PS, vtcr.ps) |
			     STE_2_S2AA64 | STE_2_S2PTW | STE_2_S2R);
	ste[3] = cpu_to_le64(cfg->arm_lpae_s2_cfg.vttbr & STE_3_S2TTB);
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_ste_s2);

/**
 * smmu3_ste_get_used() - bits of an STE the SMMU reads, given the STE
 * @ste: STE_DWORDS words
 * @used: STE_DWORDS words to fill with the mask of used bits
 *
 * Every bit an STE builder of this driver sets is in the result for that
 * STE: the hitless update relies on it.
 */
void smmu3_ste_get_used(const __le64 *ste, __le64 *used)
{
	u64 w0 = le64_to_cpu(ste[0]);
	u32 config = FIELD_GET(STE_0_CONFIG, w0);
	u64 u[STE_DWORDS] = { STE_0_V };
	unsigned int i;

	if (w0 & STE_0_V) {
		u[0] |= STE_0_CONFIG;
		switch (config) {
		case STE_CONFIG_BYPASS:
			u[1] |= STE_1_SHCFG;
			break;
		case STE_CONFIG_S1:
		case STE_CONFIG_S2:
		case STE_CONFIG_NESTED:
			/* Fields of a stage that is bypassed are ignored */
			u[1] |= STE_1_EATS | STE_1_STRW | STE_1_SHCFG;
			if (config & 1) {
				u[0] |= STE_0_S1FMT | STE_0_S1CONTEXTPTR |
					STE_0_S1CDMAX;
				u[1] |= STE_1_S1DSS | STE_1_S1CIR |
					STE_1_S1COR | STE_1_S1CSH |
					STE_1_S1STALLD;
				/* S2VMID tags stage-1 TLB entries too */
				u[2] |= STE_2_S2VMID;
			}
			if (config & 2) {
				u[2] |= STE_2_S2VMID | STE_2_VTCR |
					STE_2_S2AA64 | STE_2_S2ENDI |
					STE_2_S2AFFD | STE_2_S2PTW |
					STE_2_S2HD | STE_2_S2HA |
					STE_2_S2S | STE_2_S2R;
				u[3] |= STE_3_S2TTB;
			}
			break;
		default:
			/* Abort, and reserved values: nothing else is read */
			break;
		}
	}
	for (i = 0; i < STE_DWORDS; i++)
		used[i] = cpu_to_le64(u[i]);
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_ste_get_used);

/**
 * smmu3_l1_desc() - level-1 stream table descriptor
 * @l2: bus address of the level-2 table, 64-byte aligned
 * @span: SPAN field: log2 of the level-2 table's STEs, plus one
 *
 * Return: the descriptor, host order.
 */
u64 smmu3_l1_desc(dma_addr_t l2, u32 span)
{
	return FIELD_PREP(STRTAB_L1_DESC_SPAN, span) |
	       (l2 & STRTAB_L1_DESC_L2PTR);
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_l1_desc);

/*
 * Write words [first, first + n) of @target into @entry, skipping those
 * already equal; sync when anything was written.  Returns whether any
 * word was written.
 */
static bool smmu3_entry_set(struct smmu3_entry_writer *writer, __le64 *entry,
			    const __le64 *target, unsigned int first,
			    unsigned int n)
{
	bool changed = false;
	unsigned int i;

	for (i = first; i < first + n; i++) {
		if (entry[i] == target[i])
			continue;
		WRITE_ONCE(entry[i], target[i]);
		trace_smmu3_entry_word(i, target[i]);
		changed = true;
	}
	if (changed)
		writer->ops->sync(writer);
	return changed;
}

/**
 * smmu3_write_entry() - update an STE or CD the SMMU may be reading
 * @writer: the kind of entry and how to sync it
 * @entry: the entry in the table
 * @target: the new value
 *
 * See the comment at the top of this file.  Every bit that @target sets
 * must be a used bit of @target (as the writer's get_used() reports).
 */
void smmu3_write_entry(struct smmu3_entry_writer *writer,
		       __le64 *entry, const __le64 *target)
{
	const struct smmu3_entry_writer_ops *ops = writer->ops;
	__le64 cur_used[SMMU3_ENTRY_MAX_WORDS] = {};
	__le64 new_used[SMMU3_ENTRY_MAX_WORDS] = {};
	__le64 step[SMMU3_ENTRY_MAX_WORDS];
	unsigned int n = ops->num_words, i, critical = 0, ncritical = 0;

	if (WARN_ON(n > SMMU3_ENTRY_MAX_WORDS))
		return;

	/* Tables the entry points at must be visible before it is */
	dma_wmb();

	ops->get_used(entry, cur_used);
	ops->get_used(target, new_used);
	for (i = 0; i < n; i++) {
		WARN_ON_ONCE(target[i] & ~new_used[i]);
		/* Bits unused now may take their new values at once */
		step[i] = (entry[i] & cur_used[i]) | (target[i] & ~cur_used[i]);
		if ((step[i] & new_used[i]) != target[i]) {
			critical = i;
			ncritical++;
		}
	}

	trace_smmu3_entry_update(ncritical, critical);
	if (ncritical == 0) {
		/* Only unused bits differ */
		smmu3_entry_set(writer, entry, target, 0, n);
	} else if (ncritical == 1) {
		/* Hitless: one word switches the configuration */
		step[critical] = entry[critical];
		smmu3_entry_set(writer, entry, step, 0, n);
		smmu3_entry_set(writer, entry, target, critical, 1);
		smmu3_entry_set(writer, entry, target, 0, n);
	} else {
		/* Break: invalid, rest, then valid with the new word 0 */
		step[0] = entry[0] & ~cpu_to_le64(ops->valid_bit);
		smmu3_entry_set(writer, entry, step, 0, 1);
		smmu3_entry_set(writer, entry, target, 1, n - 1);
		smmu3_entry_set(writer, entry, target, 0, 1);
	}
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_write_entry);

/**
 * struct smmu3_ste_writer - entry writer for one STE
 * @writer: the generic writer
 * @smmu: SMMU
 * @sid: StreamID of the STE
 */
struct smmu3_ste_writer {
	struct smmu3_entry_writer writer;
	struct smmu3_device *smmu;
	u32 sid;
};

static void smmu3_ste_sync(struct smmu3_entry_writer *writer)
{
	struct smmu3_ste_writer *w =
		container_of(writer, struct smmu3_ste_writer, writer);
	struct smmu3_cmd cmd = {
		.opcode = CMD_OP_CFGI_STE,
		.sid = w->sid,
		.leaf = true,
	};

	smmu3_cmdq_issue_one(w->smmu, &cmd);
}

static const struct smmu3_entry_writer_ops smmu3_ste_writer_ops = {
	.num_words = STE_DWORDS,
	.valid_bit = STE_0_V,
	.get_used = smmu3_ste_get_used,
	.sync = smmu3_ste_sync,
};

/**
 * smmu3_strtab_ste() - the STE of a StreamID
 * @smmu: SMMU
 * @sid: StreamID, within the table
 *
 * Return: the STE, or NULL when its level-2 table does not exist.
 */
__le64 *smmu3_strtab_ste(struct smmu3_device *smmu, u32 sid)
{
	struct smmu3_strtab *st = &smmu->strtab;
	struct smmu3_strtab_l2 *l2;
	u32 l1 = sid >> SMMU3_STRTAB_SPLIT;

	if (st->linear)
		return st->base + (size_t)sid * STE_DWORDS;
	if (l1 >= st->num_l1)
		return NULL;
	l2 = READ_ONCE(st->l2[l1]);
	if (!l2)
		return NULL;
	return l2->ste + (sid & ((1U << SMMU3_STRTAB_SPLIT) - 1)) * STE_DWORDS;
}

/**
 * smmu3_install_ste() - give a StreamID a new STE
 * @smmu: SMMU
 * @sid: StreamID whose STE exists (smmu3_strtab_prepare_sid())
 * @target: the new STE
 */
void smmu3_install_ste(struct smmu3_device *smmu, u32 sid,
		       const __le64 *target)
{
	struct smmu3_ste_writer w = {
		.writer.ops = &smmu3_ste_writer_ops,
		.smmu = smmu,
		.sid = sid,
	};
	__le64 *ste = smmu3_strtab_ste(smmu, sid);
	__le64 t[STE_DWORDS];

	if (WARN_ON(!ste))
		return;
	/*
	 * §5.2: STE.SHCFG is RES0 unless IDR1.ATTR_TYPES_OVR; the incoming
	 * shareability is then used, which is what the builders ask for.
	 */
	memcpy(t, target, sizeof(t));
	if (!(smmu->features & SMMU3_FEAT_ATTR_TYPES_OVR))
		t[1] &= ~cpu_to_le64(STE_1_SHCFG);
	trace_smmu3_ste_write(smmu->dev, sid, t);
	smmu3_write_entry(&w.writer, ste, t);
}

static void smmu3_init_stes(__le64 *ste, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		smmu3_ste_abort(ste + (size_t)i * STE_DWORDS);
}

/**
 * smmu3_strtab_prepare_sid() - make sure a StreamID has an STE
 * @smmu: SMMU
 * @sid: StreamID, already checked against the table's size
 *
 * With a 2-level table, allocates the level-2 table on first use and
 * publishes it in the level-1 descriptor.  Called under streams_mutex.
 *
 * Return: 0 or -ENOMEM.
 */
int smmu3_strtab_prepare_sid(struct smmu3_device *smmu, u32 sid)
{
	struct smmu3_strtab *st = &smmu->strtab;
	u32 l1 = sid >> SMMU3_STRTAB_SPLIT;
	struct smmu3_strtab_l2 *l2;
	struct smmu3_cmd cmd = {
		.opcode = CMD_OP_CFGI_STE,
		.sid = sid,
	};

	lockdep_assert_held(&smmu->streams_mutex);
	if (st->linear || st->l2[l1])
		return 0;

	l2 = devm_kzalloc(smmu->dev, sizeof(*l2), GFP_KERNEL);
	if (!l2)
		return -ENOMEM;
	l2->ste = dmam_alloc_coherent(smmu->dev,
				      STE_SIZE << SMMU3_STRTAB_SPLIT,
				      &l2->dma, GFP_KERNEL);
	if (!l2->ste) {
		devm_kfree(smmu->dev, l2);
		return -ENOMEM;
	}
	smmu3_init_stes(l2->ste, 1U << SMMU3_STRTAB_SPLIT);
	/* The STEs must be visible before the descriptor that leads to them */
	dma_wmb();
	WRITE_ONCE(st->base[l1],
		   cpu_to_le64(smmu3_l1_desc(l2->dma, SMMU3_STRTAB_SPLIT + 1)));
	WRITE_ONCE(st->l2[l1], l2);
	/* Any cached copy of the descriptor said "no STEs here" */
	cmd.leaf = false;
	return smmu3_cmdq_issue_one(smmu, &cmd);
}

/**
 * smmu3_strtab_init() - allocate the stream table
 * @smmu: SMMU, features and sid_bits known
 *
 * Linear for up to SMMU3_STRTAB_LINEAR_MAX_BITS StreamID bits or when the
 * SMMU has no 2-level support; otherwise 2-level, its level-2 tables
 * allocated as StreamIDs appear.  Every STE starts as abort.
 *
 * Return: 0 or -ENOMEM.
 */
int smmu3_strtab_init(struct smmu3_device *smmu)
{
	struct smmu3_strtab *st = &smmu->strtab;
	size_t bytes;

	if (smmu->sid_bits <= SMMU3_STRTAB_LINEAR_MAX_BITS ||
	    !(smmu->features & SMMU3_FEAT_2LVL_STRTAB)) {
		st->linear = true;
		st->log2size = smmu->sid_bits;
		bytes = STE_SIZE << st->log2size;
		st->base = dmam_alloc_coherent(smmu->dev, bytes, &st->base_dma,
					       GFP_KERNEL);
		if (!st->base)
			return -ENOMEM;
		smmu3_init_stes(st->base, 1U << st->log2size);
		return 0;
	}

	st->log2size = min_t(u32, smmu->sid_bits,
			     SMMU3_STRTAB_L1_MAX_LOG2 + SMMU3_STRTAB_SPLIT);
	st->num_l1 = 1U << (st->log2size - SMMU3_STRTAB_SPLIT);
	bytes = (size_t)st->num_l1 * STRTAB_L1_DESC_DWORDS * 8;
	st->base = dmam_alloc_coherent(smmu->dev, bytes, &st->base_dma,
				       GFP_KERNEL);
	if (!st->base)
		return -ENOMEM;
	st->l2 = devm_kcalloc(smmu->dev, st->num_l1, sizeof(*st->l2),
			      GFP_KERNEL);
	if (!st->l2)
		return -ENOMEM;
	/* Zeroed level-1 descriptors: SPAN 0, no level-2 table */
	return 0;
}
