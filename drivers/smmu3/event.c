// SPDX-License-Identifier: GPL-2.0-only
/*
 * SMMUv3 driver: the event queue and global errors.
 *
 * Events are read by a threaded handler, decoded, logged (rate-limited)
 * and, for translation faults of an attached paging domain, passed to the
 * iommu core with report_iommu_fault() so that a domain's fault handler
 * sees them.  Global errors are logged; a command queue error is recovered
 * by skipping the bad command (queue.c).
 */
#include <linux/interrupt.h>
#include <linux/sched.h>
#include <linux/platform_device.h>

#include "smmu3.h"
#include "trace.h"

static const char *const smmu3_event_names[] = SMMU3_EVT_NAMES;

/**
 * smmu3_event_name() - name of an event type
 * @type: EVT_F_* / EVT_C_* value
 *
 * Return: the architecture's name, or "UNKNOWN".
 */
const char *smmu3_event_name(u8 type)
{
	if (type < ARRAY_SIZE(smmu3_event_names) && smmu3_event_names[type])
		return smmu3_event_names[type];
	return "UNKNOWN";
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_event_name);

static bool smmu3_event_is_fetch(u8 type)
{
	return type == EVT_F_STE_FETCH || type == EVT_F_CD_FETCH ||
	       type == EVT_F_WALK_EABT || type == EVT_F_VMS_FETCH;
}

/**
 * smmu3_event_decode() - decode an event record
 * @raw: EVTQ_ENT_DWORDS words, host order
 * @evt: decoded record
 */
void smmu3_event_decode(const u64 *raw,
			struct smmu3_event *evt)
{
	evt->type = FIELD_GET(EVT_0_TYPE, raw[0]);
	evt->ssv = FIELD_GET(EVT_0_SSV, raw[0]);
	/* §7.3.9: C_BAD_SUBSTREAMID has a SubstreamID and no SSV */
	evt->ssid = evt->ssv || evt->type == EVT_C_BAD_SUBSTREAMID ?
		    FIELD_GET(EVT_0_SSID, raw[0]) : 0;
	evt->sid = FIELD_GET(EVT_0_SID, raw[0]);
	evt->stall = FIELD_GET(EVT_1_STALL, raw[1]);
	evt->stag = evt->stall ? FIELD_GET(EVT_1_STAG, raw[1]) : 0;
	evt->priv = FIELD_GET(EVT_1_PNU, raw[1]);
	evt->instr = FIELD_GET(EVT_1_IND, raw[1]);
	evt->read = FIELD_GET(EVT_1_RNW, raw[1]);
	evt->s2 = FIELD_GET(EVT_1_S2, raw[1]);
	evt->class = FIELD_GET(EVT_1_CLASS, raw[1]);
	evt->addr = raw[2];
	if (smmu3_event_is_fetch(evt->type))
		evt->ipa = raw[3] & EVT_3_FETCH_ADDR;
	else
		evt->ipa = raw[3] & EVT_3_IPA;
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_event_decode);

static bool smmu3_event_is_translation_fault(u8 type)
{
	return type == EVT_F_TRANSLATION || type == EVT_F_ADDR_SIZE ||
	       type == EVT_F_ACCESS || type == EVT_F_PERMISSION ||
	       type == EVT_F_WALK_EABT;
}

/**
 * smmu3_event_ipa_valid() - whether a decoded event's @ipa is an address
 * @evt: decoded event
 *
 * The fetch faults (F_STE_FETCH, F_CD_FETCH, F_WALK_EABT, F_VMS_FETCH)
 * carry the address they fetched from; a translation fault at stage 2
 * (F_TRANSLATION, F_ADDR_SIZE, F_ACCESS, F_PERMISSION with S2 set) carries
 * the IPA it faulted on.  Zero is an address like any other.
 *
 * Return: true when @evt->ipa holds one of these.
 */
bool smmu3_event_ipa_valid(const struct smmu3_event *evt)
{
	return smmu3_event_is_fetch(evt->type) ||
	       (evt->s2 && smmu3_event_is_translation_fault(evt->type));
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_event_ipa_valid);

/* Fields an event record type defines (§7.3), beyond its StreamID */
#define SMMU3_EVF_SSV		BIT(0)	/* SSV and SubstreamID */
#define SMMU3_EVF_SSID		BIT(1)	/* SubstreamID, always valid */
#define SMMU3_EVF_ACCESS	BIT(2)	/* InputAddr, RnW, InD, PnU */
#define SMMU3_EVF_FAULT		BIT(3)	/* S2, CLASS, Stall; IPA when S2 */
#define SMMU3_EVF_FETCH		BIT(4)	/* FetchAddr */

static unsigned int smmu3_event_fields(u8 type)
{
	switch (type) {
	case EVT_C_BAD_STREAMID:
	case EVT_C_BAD_STE:
	case EVT_F_STREAM_DISABLED:
	case EVT_C_BAD_CD:
		return SMMU3_EVF_SSV;
	case EVT_C_BAD_SUBSTREAMID:
		/* §7.3.9: no SSV qualifier, the SubstreamID is always valid */
		return SMMU3_EVF_SSID;
	case EVT_F_STE_FETCH:
	case EVT_F_CD_FETCH:
	case EVT_F_VMS_FETCH:
		return SMMU3_EVF_SSV | SMMU3_EVF_FETCH;
	case EVT_F_UUT:
	case EVT_F_BAD_ATS_TREQ:
	case EVT_F_TRANSL_FORBIDDEN:
		return SMMU3_EVF_SSV | SMMU3_EVF_ACCESS;
	case EVT_F_WALK_EABT:
		return SMMU3_EVF_SSV | SMMU3_EVF_ACCESS | SMMU3_EVF_FAULT |
		       SMMU3_EVF_FETCH;
	case EVT_F_TRANSLATION:
	case EVT_F_ADDR_SIZE:
	case EVT_F_ACCESS:
	case EVT_F_PERMISSION:
		return SMMU3_EVF_SSV | SMMU3_EVF_ACCESS | SMMU3_EVF_FAULT;
	case EVT_F_TLB_CONFLICT:
	case EVT_F_CFG_CONFLICT:
		return SMMU3_EVF_SSV | SMMU3_EVF_ACCESS;
	default:
		/* Unknown or IMPLEMENTATION DEFINED: only what every record has */
		return SMMU3_EVF_SSV;
	}
}

/**
 * smmu3_event_detail() - the fields of a decoded event, as one line
 * @evt: decoded event
 * @buf: where to write
 * @size: bytes of @buf
 *
 * Only the fields the record's type defines (§7.3): for a fault of an
 * access "s2 S class C rnw R ind I pnu P addr A" (C is the architecture's
 * name of the class, CD, TT or IN; F_UUT, F_BAD_ATS_TREQ and the
 * conflicts have no S2 or class: "rnw R ind I pnu P addr A"), then
 * " ssid X" when the record has a SubstreamID, then " ipa X" (a stage-2
 * fault) or " fetch X" (a fetch fault) when smmu3_event_ipa_valid(), then
 * " stalled" for a stalled fault.  A record with none of these, such as
 * C_BAD_STREAMID without a SubstreamID, gives "-".  For debugfs and the
 * log.
 *
 * Return: the length of the line, as scnprintf().
 */
int smmu3_event_detail(const struct smmu3_event *evt, char *buf, size_t size)
{
	static const char *const classes[] = {
		[EVT_CLASS_CD] = "CD",
		[EVT_CLASS_TTD] = "TT",
		[EVT_CLASS_IN] = "IN",
		[3] = "reserved",
	};
	unsigned int fields = smmu3_event_fields(evt->type);
	int n = 0;

	if (size)
		buf[0] = '\0';
	if (fields & SMMU3_EVF_FAULT)
		n += scnprintf(buf + n, size - n, "s2 %u class %s ", evt->s2,
			       classes[evt->class & 3]);
	if (fields & SMMU3_EVF_ACCESS)
		n += scnprintf(buf + n, size - n,
			       "rnw %u ind %u pnu %u addr %#llx ", evt->read,
			       evt->instr, evt->priv, evt->addr);
	if (((fields & SMMU3_EVF_SSV) && evt->ssv) ||
	    (fields & SMMU3_EVF_SSID))
		n += scnprintf(buf + n, size - n, "ssid %#x ", evt->ssid);
	if (smmu3_event_ipa_valid(evt))
		n += scnprintf(buf + n, size - n, "%s %#llx ",
			       smmu3_event_is_fetch(evt->type) ? "fetch" :
			       "ipa", evt->ipa);
	if ((fields & SMMU3_EVF_FAULT) && evt->stall)
		n += scnprintf(buf + n, size - n, "stalled ");
	if (!n)
		return scnprintf(buf, size, "-");
	/* The last blank goes, unless the line was cut before it */
	if (buf[n - 1] == ' ')
		buf[--n] = '\0';
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_event_detail);

/*
 * Pass a translation fault to the domain's fault handler, if any.
 *
 * streams_mutex is held across the lookup and the report: release_device
 * removes the master from @streams under it before freeing the master, and
 * smmu3_domain_free() takes it once the domain is detached, so neither the
 * master, its device nor its domain can go away while they are used here.
 */
static bool smmu3_report_fault(struct smmu3_device *smmu,
			       const struct smmu3_event *evt)
{
	struct smmu3_master *master;
	struct smmu3_domain *d;
	int flags = evt->read ? IOMMU_FAULT_READ : IOMMU_FAULT_WRITE;
	bool handled = false;

	if (!smmu3_event_is_translation_fault(evt->type))
		return false;

	mutex_lock(&smmu->streams_mutex);
	master = xa_load(&smmu->streams, evt->sid);
	/*
	 * §3.12.2: a stalled transaction waits for a CMD_RESUME or
	 * CMD_STALL_TERM, whatever becomes of its record: the stall goes to
	 * the I/O page fault handling, which answers it.
	 */
	if (evt->stall) {
		smmu3_report_stall(smmu, master, evt);
		mutex_unlock(&smmu->streams_mutex);
		return true;
	}
	d = master ? READ_ONCE(master->domain) : NULL;
	/* 0: a handler took it; else there is no handler, or it declined */
	if (d)
		handled = !report_iommu_fault(&d->domain, master->dev,
					      evt->addr, flags);
	mutex_unlock(&smmu->streams_mutex);
	return handled;
}

static void smmu3_handle_event(struct smmu3_device *smmu, const u64 *raw)
{
	struct smmu3_event evt;
	char detail[SMMU3_EVENT_DETAIL_LEN];

	smmu3_event_decode(raw, &evt);
	trace_smmu3_event(smmu->dev, evt.type, evt.sid, evt.ssv, evt.ssid,
			  evt.addr, evt.ipa, evt.s2, evt.read, evt.class);
	spin_lock(&smmu->evt_lock);
	smmu->evt_last = evt;
	spin_unlock(&smmu->evt_lock);
	atomic64_inc(&smmu->evt_count);
	if (smmu3_report_fault(smmu, &evt))
		return;

	smmu3_event_detail(&evt, detail, sizeof(detail));
	dev_err_ratelimited(smmu->dev, "event %#04x %s: sid %#x %s\n",
			    evt.type, smmu3_event_name(evt.type), evt.sid,
			    detail);
}

/**
 * smmu3_evtq_drain() - handle every record in the event queue
 * @smmu: the SMMU
 *
 * Until PROD and CONS meet: an entry left behind would wait for the next
 * interrupt, which the SMMU raises only when it writes another record.
 *
 * Context: process context; takes @smmu->evtq_mutex and, per record,
 * @smmu->streams_mutex.
 */
void smmu3_evtq_drain(struct smmu3_device *smmu)
{
	struct smmu3_queue *q = &smmu->evtq;
	u64 raw[EVTQ_ENT_DWORDS];
	unsigned int i;
	u32 prod;

	mutex_lock(&smmu->evtq_mutex);
	do {
		regmap_read(smmu->regmap, q->prod_reg, &prod);
		if ((prod ^ q->cons) & Q_OVF) {
			atomic64_inc(&smmu->evt_lost);
			dev_err_ratelimited(smmu->dev,
					    "event queue overflow: events were lost (%lld overflows so far)\n",
					    atomic64_read(&smmu->evt_lost));
		}
		/* Entries are read only after PROD says they are there */
		dma_rmb();
		while (!smmu3_q_empty(prod, q->cons, q->log2size)) {
			__le64 *slot = q->base + (q->cons &
				((1U << q->log2size) - 1)) * q->ent_dwords;

			for (i = 0; i < EVTQ_ENT_DWORDS; i++)
				raw[i] = le64_to_cpu(slot[i]);
			smmu3_handle_event(smmu, raw);
			q->cons = smmu3_q_inc(q->cons, q->log2size, 1) |
				  (q->cons & Q_OVF);
			/* Free the slot every few entries to limit overflow */
			if (!(q->cons & 7))
				regmap_write(smmu->regmap, q->cons_reg,
					     q->cons);
		}
		/* Acknowledge the overflow: CONS.OVACKFLG = PROD.OVF */
		q->cons = (q->cons & ~Q_OVF) | (prod & Q_OVF);
		regmap_write(smmu->regmap, q->cons_reg, q->cons);
		/* A storm may keep the queue busy: let others run */
		cond_resched();
		/* More may have arrived meanwhile */
		regmap_read(smmu->regmap, q->prod_reg, &prod);
	} while (!smmu3_q_empty(prod, q->cons, q->log2size));
	mutex_unlock(&smmu->evtq_mutex);
}

/**
 * smmu3_evtq_thread() - threaded handler of the event queue interrupt
 * @irq: interrupt number
 * @dev: the SMMU
 *
 * Return: IRQ_HANDLED.
 */
irqreturn_t smmu3_evtq_thread(int irq, void *dev)
{
	smmu3_evtq_drain(dev);
	return IRQ_HANDLED;
}

/**
 * smmu3_gerror_handler() - threaded handler of the global error interrupt
 * @irq: interrupt number
 * @dev: the SMMU
 *
 * Return: IRQ_HANDLED, or IRQ_NONE when no error was active.
 */
irqreturn_t smmu3_gerror_handler(int irq, void *dev)
{
	struct smmu3_device *smmu = dev;
	unsigned long flags;
	u32 gerror, gerrorn, active;

	regmap_read(smmu->regmap, SMMU3_GERROR, &gerror);
	regmap_read(smmu->regmap, SMMU3_GERRORN, &gerrorn);
	active = (gerror ^ gerrorn) & GERROR_ERR_MASK;
	if (!active)
		return IRQ_NONE;
	trace_smmu3_gerror(smmu->dev, active);
	atomic64_inc(&smmu->gerror_count);

	/*
	 * §12.3: in service failure mode the SMMU has stopped
	 * processing commands and translations.  It is disabled (SMMUEN off,
	 * GBPA decides: abort unless "bypass") and stays so until it is
	 * probed again; commands fail at once from now on.
	 */
	if (active & GERROR_SFM_ERR) {
		dev_err(smmu->dev,
			"service failure mode (GERROR.SFM_ERR): disabling the SMMU until it is bound again\n");
		smmu3_stop(smmu, true);
	}
	if (active & GERROR_EVENTQ_ABT_ERR)
		dev_err_ratelimited(smmu->dev,
				    "event queue write aborted: events lost\n");
	if (active & GERROR_PRIQ_ABT_ERR)
		dev_err_ratelimited(smmu->dev, "PRI queue write aborted\n");
	if (active & GERROR_MSI_CMDQ_ABT_ERR)
		dev_err_ratelimited(smmu->dev, "CMD_SYNC MSI write aborted\n");
	if (active & GERROR_MSI_EVENTQ_ABT_ERR)
		dev_err_ratelimited(smmu->dev, "event queue MSI write aborted\n");
	if (active & GERROR_MSI_PRIQ_ABT_ERR)
		dev_err_ratelimited(smmu->dev, "PRI queue MSI write aborted\n");
	if (active & GERROR_MSI_GERROR_ABT_ERR)
		dev_err_ratelimited(smmu->dev, "GERROR MSI write aborted\n");

	/*
	 * The command queue error belongs to whoever waits on the queue;
	 * if nobody does, skip the bad command here.
	 */
	if (active & GERROR_CMDQ_ERR) {
		spin_lock_irqsave(&smmu->cmdq.lock, flags);
		smmu3_cmdq_recover(smmu);
		spin_unlock_irqrestore(&smmu->cmdq.lock, flags);
	}

	/* Acknowledge everything else that was active */
	active &= ~GERROR_CMDQ_ERR;
	if (active)
		smmu3_gerror_ack(smmu, active);
	return IRQ_HANDLED;
}

/**
 * smmu3_gerror_ack() - acknowledge active global errors
 * @smmu: SMMU
 * @bits: GERROR_* bits, each active (§6.3.20: toggling its GERRORN bit
 *	acknowledges it)
 *
 * Each error has one owner that acknowledges it: CMDQ_ERR the holder of
 * the command queue lock, the others the GERROR handler.  They share
 * GERRORN, so the register is read and written under @smmu->gerror_lock:
 * a write based on a stale value would toggle another owner's bit back.
 */
void smmu3_gerror_ack(struct smmu3_device *smmu, u32 bits)
{
	unsigned long flags;
	u32 gerrorn;

	spin_lock_irqsave(&smmu->gerror_lock, flags);
	regmap_read(smmu->regmap, SMMU3_GERRORN, &gerrorn);
	regmap_write(smmu->regmap, SMMU3_GERRORN, gerrorn ^ bits);
	spin_unlock_irqrestore(&smmu->gerror_lock, flags);
}
EXPORT_SYMBOL_IF_KUNIT(smmu3_gerror_ack);

/* One line for both: global errors first, they may explain the events */
static irqreturn_t smmu3_combined_thread(int irq, void *dev)
{
	smmu3_gerror_handler(irq, dev);
	return smmu3_evtq_thread(irq, dev);
}

/* Request @irq for @thread; its name in /proc/interrupts: smmu3-<device>-@what */
static int smmu3_request_irq(struct smmu3_device *smmu, int irq,
			     const char *what, irq_handler_t thread)
{
	const char *name;
	int ret;

	name = devm_kasprintf(smmu->dev, GFP_KERNEL, "smmu3-%s-%s",
			      dev_name(smmu->dev), what);
	if (!name)
		return -ENOMEM;
	ret = devm_request_threaded_irq(smmu->dev, irq, NULL, thread,
					IRQF_ONESHOT, name, smmu);
	if (ret)
		return dev_err_probe(smmu->dev, ret,
				     "cannot request the %s interrupt\n",
				     what);
	if (thread != smmu3_gerror_handler)
		smmu->evtq_irq = irq;
	return 0;
}

/* A wired interrupt by name: -ENXIO when the DT has none */
static int smmu3_request_wired(struct smmu3_device *smmu, const char *name,
			       irq_handler_t thread)
{
	struct platform_device *pdev = to_platform_device(smmu->dev);
	int irq;

	irq = platform_get_irq_byname_optional(pdev, name);
	if (irq == -EPROBE_DEFER)
		return irq;
	if (irq <= 0)
		return -ENXIO;
	return smmu3_request_irq(smmu, irq, name, thread);
}

/**
 * smmu3_setup_irqs() - request the SMMU's interrupts
 * @smmu: SMMU, IRQ_CTRL off
 *
 * MSIs for the event queue and GERROR when the SMMU and the firmware
 * offer them (msi.c), else the wired lines: "eventq" and "gerror" by
 * name, or one "combined" line for both.  The driver polls CMD_SYNC
 * completion and has no PRI queue, so "cmdq-sync" and "priq" are not
 * requested.
 *
 * Return: 0, -EPROBE_DEFER, or an error with the reason logged.
 */
int smmu3_setup_irqs(struct smmu3_device *smmu)
{
	int virqs[SMMU3_MSI_NR];
	int ret;

	ret = smmu3_msi_setup(smmu, virqs);
	if (ret < 0)
		return ret;
	smmu->msi = ret;
	if (smmu->msi) {
		ret = smmu3_request_irq(smmu, virqs[SMMU3_MSI_EVTQ], "eventq",
					smmu3_evtq_thread);
		if (ret)
			return ret;
		return smmu3_request_irq(smmu, virqs[SMMU3_MSI_GERROR],
					 "gerror", smmu3_gerror_handler);
	}

	ret = smmu3_request_wired(smmu, "eventq", smmu3_evtq_thread);
	if (ret == -ENXIO) {
		ret = smmu3_request_wired(smmu, "combined",
					  smmu3_combined_thread);
		if (ret == -ENXIO)
			return dev_err_probe(smmu->dev, -ENXIO,
					     "no \"eventq\" or \"combined\" interrupt in the DT\n");
		/* The combined line carries global errors too */
		return ret;
	}
	if (ret)
		return ret;
	ret = smmu3_request_wired(smmu, "gerror", smmu3_gerror_handler);
	if (ret == -ENXIO)
		return dev_err_probe(smmu->dev, -ENXIO,
				     "no \"gerror\" interrupt in the DT\n");
	return ret;
}
