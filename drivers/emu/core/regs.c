// SPDX-License-Identifier: GPL-2.0-only
/*
 * Register file of the emulated SMMUv3: identification registers, CR0/CR0ACK,
 * CR1, CR2, GBPA, IRQ_CTRL, GERROR/GERRORN, the MSI configuration
 * registers, the stream table base, the command and event queue registers
 * (with the page-1 aliases of the queue indices), and the life cycle of
 * an instance.
 *
 * Rules common to the registers:
 *  - enables are acknowledged at once: CR0ACK always equals CR0 and
 *    IRQ_CTRLACK equals IRQ_CTRL;
 *  - a register that the architecture makes read-only while an enable is
 *    set ignores writes then: STRTAB_BASE, STRTAB_BASE_CFG, CR1 and CR2
 *    while SMMUEN = 1, a queue's BASE while that queue is enabled,
 *    CMDQ_CONS while CMDQEN = 1, EVENTQ_PROD while EVENTQEN = 1, and the
 *    *_IRQ_CFG0/1/2 registers while their interrupt is enabled;
 *  - fields of features that are not implemented (PRI, ATS, VMW) are RES0:
 *    the PRI queue registers read as zero and ignore writes.
 *
 * The register file is the top of the device: its writes run the command
 * queue (queue.c), and nothing below calls back into it.
 *
 * Freestanding: no kernel or libc headers.
 */
#include "smmu-int.h"

/* Writable bits of the registers */
#define CR0_MASK		(CR0_SMMUEN | CR0_EVENTQEN | CR0_CMDQEN)
#define CR1_MASK		SMMU3_GENMASK(11, 0)
#define GBPA_MASK		(GBPA_MEMATTR | GBPA_MTCFG | GBPA_ALLOCCFG | \
				 GBPA_SHCFG | GBPA_PRIVCFG | GBPA_INSTCFG | \
				 GBPA_ABORT)
#define IRQ_CTRL_MASK		(IRQ_CTRL_GERROR_IRQEN | IRQ_CTRL_EVENTQ_IRQEN)
#define IRQ_CFG2_MASK		(MSI_CFG2_MEMATTR | MSI_CFG2_SH)
#define STRTAB_BASE_MASK	(STRTAB_BASE_ADDR | STRTAB_BASE_RA)
#define STRTAB_BASE_CFG_MASK	(STRTAB_BASE_CFG_LOG2SIZE | \
				 STRTAB_BASE_CFG_SPLIT | STRTAB_BASE_CFG_FMT)
#define Q_BASE_MASK		(Q_BASE_RA | Q_BASE_ADDR | Q_BASE_LOG2SIZE)

void s3e_smmu_config_default(struct s3e_smmu_config *cfg)
{
	cfg->sid_bits = S3E_DEFAULT_SID_BITS;
	cfg->ssid_bits = S3E_DEFAULT_SSID_BITS;
	cfg->tlb_entries = S3E_TLB_DEFAULT_ENTRIES;
	cfg->cfgc_entries = S3E_DEFAULT_CFGC_ENTRIES;
	cfg->stages = S3E_STAGE1 | S3E_STAGE2;
	cfg->cmdq_log2 = S3E_DEFAULT_QUEUE_LOG2;
	cfg->evtq_log2 = S3E_DEFAULT_QUEUE_LOG2;
	cfg->cmdq_budget = 0;
	cfg->strict = 0;
	cfg->stall_slots = 0;
	cfg->stall_forced = 0;
	cfg->httu = S3E_HTTU_AF;
}

static int config_valid(const struct s3e_smmu_config *c)
{
	return c->sid_bits <= 32 && c->ssid_bits <= 20 &&
	       s3e_tlb_storage_size(c->tlb_entries) &&
	       s3e_cfgc_storage_size(c->cfgc_entries) &&
	       c->stages && !(c->stages & ~(S3E_STAGE1 | S3E_STAGE2)) &&
	       c->cmdq_log2 <= Q_MAX_LOG2SIZE &&
	       c->evtq_log2 <= Q_MAX_LOG2SIZE &&
	       c->stall_slots <= S3E_STALL_MAX &&
	       c->stall_forced <= 1 && (!c->stall_forced || c->stall_slots) &&
	       c->httu <= S3E_HTTU_AF_DIRTY;
}

static int walk_read64(void *ctx, s3e_u64 pa, s3e_u64 *val)
{
	struct s3e_smmu *s = ctx;
	s3e_u64 v;

	if (s->host.read(s->host.ctx, pa, &v, sizeof(v)))
		return -1;
	*val = s3e_le64(v);
	return 0;
}

static int walk_cmpxchg64(void *ctx, s3e_u64 pa, s3e_u64 old, s3e_u64 newval)
{
	struct s3e_smmu *s = ctx;

	return s->host.cmpxchg64(s->host.ctx, pa, old, newval);
}

static void idr_init(struct s3e_smmu *s)
{
	const struct s3e_smmu_config *c = &s->cfg;
	s3e_u32 idr0;

	idr0 = s3e_field_prep(IDR0_ST_LEVEL, IDR0_ST_LEVEL_2LVL) |
	       IDR0_TERM_MODEL |
	       s3e_field_prep(IDR0_STALL_MODEL, !c->stall_slots ?
			      IDR0_STALL_MODEL_NOSTALL : c->stall_forced ?
			      IDR0_STALL_MODEL_FORCE : IDR0_STALL_MODEL_STALL) |
	       s3e_field_prep(IDR0_TTENDIAN, IDR0_TTENDIAN_LE) |
	       IDR0_CD2L | IDR0_SEV | IDR0_MSI | IDR0_ASID16 |
	       s3e_field_prep(IDR0_HTTU, c->httu) | IDR0_COHACC |
	       s3e_field_prep(IDR0_TTF, IDR0_TTF_AARCH64);
	if (c->stages & S3E_STAGE1)
		idr0 |= IDR0_S1P;
	if (c->stages & S3E_STAGE2)
		idr0 |= IDR0_S2P | IDR0_VMID16;
	/* §6.3.1 Hyp: RES0 unless both stages; mandatory with both (v3.2) */
	if ((c->stages & S3E_STAGE1) && (c->stages & S3E_STAGE2))
		idr0 |= IDR0_HYP;
	s->idr[0] = idr0;
	s->idr[1] = s3e_field_prep(IDR1_SIDSIZE, c->sid_bits) |
		    s3e_field_prep(IDR1_SSIDSIZE, c->ssid_bits) |
		    s3e_field_prep(IDR1_EVENTQS, c->evtq_log2) |
		    s3e_field_prep(IDR1_CMDQS, c->cmdq_log2);
	s->idr[2] = 0;
	s->idr[3] = IDR3_RIL | IDR3_STT |
		    (c->stages & S3E_STAGE2 ? IDR3_XNX : 0);
	s->idr[4] = 0;
	/* §6.3.6 STALL_MAX: outstanding stalls supported */
	s->idr[5] = s3e_field_prep(IDR5_OAS, IDR5_OAS_48) |
		    IDR5_GRAN4K | IDR5_GRAN16K | IDR5_GRAN64K |
		    s3e_field_prep(IDR5_STALL_MAX, c->stall_slots);
}

struct s3e_smmu *s3e_smmu_create(const struct s3e_smmu_config *cfg,
				 const struct s3e_host *host)
{
	struct s3e_smmu *s;

	if (!cfg || !host || !host->read || !host->write || !host->alloc ||
	    !config_valid(cfg))
		return S3E_NULL;
	s = host->alloc(host->ctx, sizeof(*s));
	if (!s)
		return S3E_NULL;
	s->host = *host;
	s->cfg = *cfg;
	if (s3e_tlb_init_alloc(&s->tlb, cfg->tlb_entries, host->alloc,
			       host->ctx) ||
	    s3e_cfgc_init_alloc(&s->cfgc, cfg->cfgc_entries, host->alloc,
				host->ctx))
		goto fail;
	s->dctx = host->alloc(host->ctx, sizeof(*s->dctx) * S3E_DCTX_NR);
	if (!s->dctx)
		goto fail;
	if (cfg->stall_slots) {
		s->stall = host->alloc(host->ctx,
				       sizeof(*s->stall) * cfg->stall_slots);
		if (!s->stall)
			goto fail;
	}
	/* Strict mode: a TLBI's TTL level is all it invalidates */
	s->tlb.honour_ttl = !!cfg->strict;
	if (cfg->strict) {
		if (s3e_chk_create(s))
			goto fail;
		s->wc = host->alloc(host->ctx, sizeof(*s->wc));
		s->l1c = host->alloc(host->ctx, sizeof(*s->l1c));
		if (!s->wc || !s->l1c)
			goto fail;
	}

	if (host->read64) {
		/* Straight to the host: no wrapper on the walker's path */
		s->walker.mem.read64 = host->read64;
		s->walker.mem.cmpxchg64 = host->cmpxchg64;
		s->walker.mem.ctx = host->ctx;
	} else {
		s->walker.mem.read64 = walk_read64;
		s->walker.mem.cmpxchg64 = host->cmpxchg64 ? walk_cmpxchg64 :
							    S3E_NULL;
		s->walker.mem.ctx = s;
	}
	/* §6.3.1 HTTU = 0b00: no update, whatever a walk is handed */
	if (cfg->httu == S3E_HTTU_NONE)
		s->walker.mem.cmpxchg64 = S3E_NULL;
	s3e_smmu_set_trace(s, host->trace);
	s->walker.stats = &s->stats.httu;
	s->walker.oas = S3E_OAS_BITS;
	s->walker.features = S3E_WALKER_STT;
	if (cfg->stages & S3E_STAGE2)
		s->walker.features |= S3E_WALKER_XNX;
	if (s->wc) {
		s->walker.wc_find = s3e_wc_walk_find;
		s->walker.wc_fill = s3e_wc_walk_fill;
		s->walker.wc_ctx = s;
	}
	idr_init(s);
	s3e_smmu_reset(s);
	return s;

fail:
	s3e_smmu_destroy(s);
	return S3E_NULL;
}

void s3e_smmu_destroy(struct s3e_smmu *s)
{
	void (*hfree)(void *ctx, void *p);
	void *ctx;

	if (!s)
		return;
	hfree = s->host.free;
	ctx = s->host.ctx;
	if (!hfree)
		return;
	s3e_chk_destroy(s);
	hfree(ctx, s->wc);
	hfree(ctx, s->stall);
	hfree(ctx, s->l1c);
	hfree(ctx, s->dctx);
	hfree(ctx, s->cfgc.entries);
	hfree(ctx, s->tlb.entries);
	hfree(ctx, s);
}

unsigned long s3e_smmu_mem_size(const struct s3e_smmu *s)
{
	return sizeof(*s) + sizeof(*s->dctx) * S3E_DCTX_NR +
	       s3e_tlb_storage_size(s->cfg.tlb_entries) +
	       s3e_cfgc_storage_size(s->cfg.cfgc_entries) +
	       s3e_chk_mem_size(s) + (s->wc ? sizeof(*s->wc) : 0) +
	       (s->l1c ? sizeof(*s->l1c) : 0) +
	       sizeof(*s->stall) * s->cfg.stall_slots;
}

void s3e_smmu_reset(struct s3e_smmu *s)
{
	s->cr0 = 0;
	s->smmuen = 0;
	s->cr1 = 0;
	s->cr2 = 0;
	/* Implementation defined reset value: abort until configured */
	s->gbpa = GBPA_ABORT;
	s->irq_ctrl = 0;
	s->gerror = 0;
	s->gerrorn = 0;
	s->cmdq_err = CERROR_NONE;
	s->gerror_irq_cfg0 = 0;
	s->gerror_irq_cfg1 = 0;
	s->gerror_irq_cfg2 = 0;
	s->evtq_irq_cfg0 = 0;
	s->evtq_irq_cfg1 = 0;
	s->evtq_irq_cfg2 = 0;
	s->strtab_base = 0;
	s->strtab_base_cfg = 0;
	s->cmdq.base = 0;
	s->cmdq.prod = 0;
	s->cmdq.cons = 0;
	s->cmdq.log2 = 0;
	s->evtq.base = 0;
	s->evtq.prod = 0;
	s->evtq.cons = 0;
	s->evtq.log2 = 0;
	/* §3.12.2: stalled transactions do not survive the SMMU */
	s3e_stall_term(s, 1, 0);
	s3e_tlb_flush(&s->tlb);
	if (s->wc)
		s3e_wc_flush(s->wc);
	if (s->l1c)
		s3e_l1c_flush(s->l1c);
	s3e_cfgc_inv_ste_range(&s->cfgc, 0, CMD_CFGI_RANGE_ALL);
	/* Every cache is empty: nothing is left to invalidate */
	s->pend_n = 0;
	s->chk_armed = 0;
	s3e_chk_reset(s);
	s3e_dctx_clear(s);
}

const struct s3e_smmu_stats *s3e_smmu_stats(const struct s3e_smmu *s)
{
	return &s->stats;
}

const struct s3e_tlb_stats *s3e_smmu_tlb_stats(const struct s3e_smmu *s)
{
	return &s->tlb.stats;
}

const struct s3e_cfgc_stats *s3e_smmu_cfgc_stats(const struct s3e_smmu *s)
{
	return &s->cfgc.stats;
}

/* ------------------------------------------------------------------ */

/* Wrap and index bits of a queue's PROD/CONS */
static s3e_u32 q_idx_mask(const struct s3e_queue *q)
{
	return (2U << q->log2) - 1;
}

static void q_set_base(struct s3e_queue *q, s3e_u64 val, unsigned int max)
{
	unsigned int log2 = s3e_field_get(Q_BASE_LOG2SIZE, val);

	q->base = val & Q_BASE_MASK;
	q->log2 = log2 > max ? max : log2;
}

static s3e_u32 lo32(s3e_u64 v)
{
	return (s3e_u32)v;
}

static s3e_u32 hi32(s3e_u64 v)
{
	return (s3e_u32)(v >> 32);
}

/* Replace one 32-bit half of a 64-bit register, then apply @mask */
static s3e_u64 set_half(s3e_u64 reg, int hi, s3e_u32 val, s3e_u64 mask)
{
	if (hi)
		reg = (reg & 0xffffffffULL) | (s3e_u64)val << 32;
	else
		reg = (reg & ~0xffffffffULL) | val;
	return reg & mask;
}

s3e_u32 s3e_smmu_read32(struct s3e_smmu *s, s3e_u32 offset)
{
	if ((offset & 3) || offset >= SMMU3_MMIO_SIZE)
		return 0;
	if (offset >= SMMU3_PAGE_SIZE) {
		/* Page 1 holds only the queue indices */
		offset -= SMMU3_PAGE_SIZE;
		if (offset != SMMU3_EVENTQ_PROD && offset != SMMU3_EVENTQ_CONS)
			return 0;
	}

	switch (offset) {
	case SMMU3_IDR0:
	case SMMU3_IDR1:
	case SMMU3_IDR2:
	case SMMU3_IDR3:
	case SMMU3_IDR4:
	case SMMU3_IDR5:
		return s->idr[offset / 4];
	case SMMU3_IIDR:
		return S3E_IIDR_VALUE;
	case SMMU3_AIDR:
		return S3E_AIDR_VALUE;
	case SMMU3_CR0:
	case SMMU3_CR0ACK:
		return s->cr0;
	case SMMU3_CR1:
		return s->cr1;
	case SMMU3_CR2:
		return s->cr2;
	case SMMU3_GBPA:
		return s->gbpa;
	case SMMU3_IRQ_CTRL:
	case SMMU3_IRQ_CTRLACK:
		return s->irq_ctrl;
	case SMMU3_GERROR:
		return s->gerror;
	case SMMU3_GERRORN:
		return s->gerrorn;
	case SMMU3_GERROR_IRQ_CFG0:
		return lo32(s->gerror_irq_cfg0);
	case SMMU3_GERROR_IRQ_CFG0 + 4:
		return hi32(s->gerror_irq_cfg0);
	case SMMU3_GERROR_IRQ_CFG1:
		return s->gerror_irq_cfg1;
	case SMMU3_GERROR_IRQ_CFG2:
		return s->gerror_irq_cfg2;
	case SMMU3_STRTAB_BASE:
		return lo32(s->strtab_base);
	case SMMU3_STRTAB_BASE + 4:
		return hi32(s->strtab_base);
	case SMMU3_STRTAB_BASE_CFG:
		return s->strtab_base_cfg;
	case SMMU3_CMDQ_BASE:
		return lo32(s->cmdq.base);
	case SMMU3_CMDQ_BASE + 4:
		return hi32(s->cmdq.base);
	case SMMU3_CMDQ_PROD:
		return s->cmdq.prod;
	case SMMU3_CMDQ_CONS:
		return s->cmdq.cons | s3e_field_prep(CMDQ_CONS_ERR, s->cmdq_err);
	case SMMU3_EVENTQ_BASE:
		return lo32(s->evtq.base);
	case SMMU3_EVENTQ_BASE + 4:
		return hi32(s->evtq.base);
	case SMMU3_EVENTQ_PROD:
		return s->evtq.prod;
	case SMMU3_EVENTQ_CONS:
		return s->evtq.cons;
	case SMMU3_EVENTQ_IRQ_CFG0:
		return lo32(s->evtq_irq_cfg0);
	case SMMU3_EVENTQ_IRQ_CFG0 + 4:
		return hi32(s->evtq_irq_cfg0);
	case SMMU3_EVENTQ_IRQ_CFG1:
		return s->evtq_irq_cfg1;
	case SMMU3_EVENTQ_IRQ_CFG2:
		return s->evtq_irq_cfg2;
	}
	return 0;
}

static void cr0_write(struct s3e_smmu *s, s3e_u32 val)
{
	s3e_u32 old = s->cr0;

	val &= CR0_MASK;
	if (val == old)
		return;
	s->cr0 = val;
	s->smmuen = val & CR0_SMMUEN;
	s3e_dctx_invalidate(s);
	/* §3.12.2: clearing SMMUEN terminates every stalled transaction */
	if ((old & ~val) & CR0_SMMUEN)
		s3e_stall_term(s, 1, 0);
	/* Entries published while the queue was off are counted from here */
	if ((old ^ val) & CR0_CMDQEN)
		s->cmdq_syncs = 0;
	if ((val & ~old) & CR0_CMDQEN) {
		s3e_cmdq_published(s, s->cmdq.cons);
		s3e_cmdq_run(s);
	}
}

static void gerrorn_write(struct s3e_smmu *s, s3e_u32 val)
{
	s3e_u32 active = s3e_gerror_active(s);

	/*
	 * Only active errors can be acknowledged: toggling the GERRORN bit
	 * of an inactive error would make it look active to the SMMU.
	 */
	s->gerrorn ^= (val ^ s->gerrorn) & active;
	if ((active & ~s3e_gerror_active(s)) & GERROR_CMDQ_ERR) {
		/* Acknowledged: resume from CONS */
		s->cmdq_err = CERROR_NONE;
		s3e_cmdq_run(s);
	}
}

void s3e_smmu_write32(struct s3e_smmu *s, s3e_u32 offset, s3e_u32 val)
{
	int hi = offset & 4;
	int eirq = s->irq_ctrl & IRQ_CTRL_EVENTQ_IRQEN;
	int girq = s->irq_ctrl & IRQ_CTRL_GERROR_IRQEN;
	s3e_u32 old;

	if ((offset & 3) || offset >= SMMU3_MMIO_SIZE)
		return;
	if (offset >= SMMU3_PAGE_SIZE) {
		offset -= SMMU3_PAGE_SIZE;
		if (offset != SMMU3_EVENTQ_PROD && offset != SMMU3_EVENTQ_CONS)
			return;
	}

	switch (offset) {
	case SMMU3_CR0:
		cr0_write(s, val);
		break;
	case SMMU3_CR1:
		if (!s->smmuen)
			s->cr1 = val & CR1_MASK;
		break;
	case SMMU3_CR2:
		if (!s->smmuen)
			s->cr2 = val & (CR2_RECINVSID | CR2_PTM |
					(s->idr[0] & IDR0_HYP ? CR2_E2H : 0));
		break;
	case SMMU3_GBPA:
		/* Fields change only with UPDATE = 1, which completes at once */
		if (val & GBPA_UPDATE)
			s->gbpa = val & GBPA_MASK;
		break;
	case SMMU3_IRQ_CTRL:
		s->irq_ctrl = val & IRQ_CTRL_MASK;
		break;
	case SMMU3_GERRORN:
		gerrorn_write(s, val);
		break;
	case SMMU3_GERROR_IRQ_CFG0:
	case SMMU3_GERROR_IRQ_CFG0 + 4:
		if (!girq)
			s->gerror_irq_cfg0 = set_half(s->gerror_irq_cfg0, hi,
						      val, MSI_CFG0_ADDR);
		break;
	case SMMU3_GERROR_IRQ_CFG1:
		if (!girq)
			s->gerror_irq_cfg1 = val;
		break;
	case SMMU3_GERROR_IRQ_CFG2:
		if (!girq)
			s->gerror_irq_cfg2 = val & IRQ_CFG2_MASK;
		break;
	case SMMU3_STRTAB_BASE:
	case SMMU3_STRTAB_BASE + 4:
		if (!s->smmuen)
			s->strtab_base = set_half(s->strtab_base, hi, val,
						  STRTAB_BASE_MASK);
		break;
	case SMMU3_STRTAB_BASE_CFG:
		if (!s->smmuen)
			s->strtab_base_cfg = val & STRTAB_BASE_CFG_MASK;
		break;
	case SMMU3_CMDQ_BASE:
	case SMMU3_CMDQ_BASE + 4:
		/* §6.3.26: Guarded by CMDQEN (class 5 in strict mode) */
		if (s->chk && (s->cr0 & CR0_CMDQEN))
			s3e_chk_queue(s, S3E_CHK_Q_CMDQ_BASE, s->cmdq.base, val);
		if (!(s->cr0 & CR0_CMDQEN))
			q_set_base(&s->cmdq, set_half(s->cmdq.base, hi, val, ~0ULL),
				   s->cfg.cmdq_log2);
		break;
	case SMMU3_CMDQ_PROD:
		/* §3.5: at most the queue's size ahead of CONS (class 5) */
		if (s->chk && (s->cr0 & CR0_CMDQEN) &&
		    ((val - s->cmdq.cons) & q_idx_mask(&s->cmdq)) >
		    1U << s->cmdq.log2)
			s3e_chk_queue(s, S3E_CHK_Q_CMDQ_PROD, s->cmdq.base, val);
		old = s->cmdq.prod;
		s->cmdq.prod = val & q_idx_mask(&s->cmdq);
		s3e_cmdq_published(s, old);
		s3e_cmdq_run(s);
		break;
	case SMMU3_CMDQ_CONS:
		if (s->chk && (s->cr0 & CR0_CMDQEN))
			s3e_chk_queue(s, S3E_CHK_Q_CMDQ_CONS, s->cmdq.base, val);
		if (!(s->cr0 & CR0_CMDQEN))
			s->cmdq.cons = val & q_idx_mask(&s->cmdq);
		break;
	case SMMU3_EVENTQ_BASE:
	case SMMU3_EVENTQ_BASE + 4:
		if (s->chk && (s->cr0 & CR0_EVENTQEN))
			s3e_chk_queue(s, S3E_CHK_Q_EVTQ_BASE, s->evtq.base, val);
		if (!(s->cr0 & CR0_EVENTQEN))
			q_set_base(&s->evtq, set_half(s->evtq.base, hi, val, ~0ULL),
				   s->cfg.evtq_log2);
		break;
	case SMMU3_EVENTQ_PROD:
		if (s->chk && (s->cr0 & CR0_EVENTQEN))
			s3e_chk_queue(s, S3E_CHK_Q_EVTQ_PROD, s->evtq.base, val);
		if (!(s->cr0 & CR0_EVENTQEN))
			s->evtq.prod = val & (q_idx_mask(&s->evtq) | Q_OVF);
		break;
	case SMMU3_EVENTQ_CONS:
		/* §3.5: the consumer never passes the producer (class 5) */
		if (s->chk && (s->cr0 & CR0_EVENTQEN) &&
		    ((s->evtq.prod - val) & q_idx_mask(&s->evtq)) >
		    1U << s->evtq.log2)
			s3e_chk_queue(s, S3E_CHK_Q_EVTQ_CONS, s->evtq.base, val);
		s->evtq.cons = val & (q_idx_mask(&s->evtq) | Q_OVF);
		break;
	case SMMU3_EVENTQ_IRQ_CFG0:
	case SMMU3_EVENTQ_IRQ_CFG0 + 4:
		if (!eirq)
			s->evtq_irq_cfg0 = set_half(s->evtq_irq_cfg0, hi, val,
						    MSI_CFG0_ADDR);
		break;
	case SMMU3_EVENTQ_IRQ_CFG1:
		if (!eirq)
			s->evtq_irq_cfg1 = val;
		break;
	case SMMU3_EVENTQ_IRQ_CFG2:
		if (!eirq)
			s->evtq_irq_cfg2 = val & IRQ_CFG2_MASK;
		break;
	}
}

s3e_u64 s3e_smmu_read64(struct s3e_smmu *s, s3e_u32 offset)
{
	return s3e_smmu_read32(s, offset) |
	       (s3e_u64)s3e_smmu_read32(s, offset + 4) << 32;
}

void s3e_smmu_write64(struct s3e_smmu *s, s3e_u32 offset, s3e_u64 val)
{
	s3e_smmu_write32(s, offset, lo32(val));
	s3e_smmu_write32(s, offset + 4, hi32(val));
}
