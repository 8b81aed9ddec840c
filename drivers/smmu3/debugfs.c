// SPDX-License-Identifier: GPL-2.0-only
/*
 * SMMUv3 driver: debugfs.
 *
 * /sys/kernel/debug/smmu3/<device>/
 *   info       features, sizes, queue state, counters
 *   streams    every StreamID in use: its master, STE and CD 0 decoded
 *   inject     write a command opcode (e.g. 0x7f): the raw command is
 *              issued with a CMD_SYNC, to exercise command error recovery
 *   shutdown   write 1: the driver's shutdown callback (reboot, kexec)
 */
#include <linux/debugfs.h>
#include <linux/seq_file.h>

#include "smmu3.h"

static struct dentry *smmu3_debugfs_root;

static int smmu3_info_show(struct seq_file *s, void *unused)
{
	struct smmu3_device *smmu = s->private;
	u32 cr0, gerror, gerrorn, cons, eprod, econs;
	static const char *const feats[] = {
		"2lvl-strtab", "2lvl-cdtab", "stage1", "stage2", "coherent",
		"msi", "sev", "range-inv", "asid16", "vmid16", "hyp", "tt-le",
		"pri", "ats", "btm", "attr-types-ovr", "stalls", "sva", "stall-force",
	};
	static const char *const stall_models[] = {
		"stall and terminate", "terminate only", "stall forced",
		"reserved",
	};
	struct smmu3_event last;
	char detail[SMMU3_EVENT_DETAIL_LEN];
	unsigned int i;

	regmap_read(smmu->regmap, SMMU3_CR0, &cr0);
	regmap_read(smmu->regmap, SMMU3_GERROR, &gerror);
	regmap_read(smmu->regmap, SMMU3_GERRORN, &gerrorn);
	regmap_read(smmu->regmap, SMMU3_CMDQ_CONS, &cons);
	regmap_read(smmu->regmap, smmu->evtq.prod_reg, &eprod);
	regmap_read(smmu->regmap, smmu->evtq.cons_reg, &econs);

	seq_puts(s, "features:");
	for (i = 0; i < ARRAY_SIZE(feats); i++)
		if (smmu->features & BIT(i))
			seq_printf(s, " %s", feats[i]);
	seq_putc(s, '\n');
	if (smmu->fw.type == SMMU3_FW_IORT)
		seq_printf(s, "firmware: IORT node %u, model %u, flags %#x (%scoherent, httu override %u)\n",
			   smmu->fw.iort_id, smmu->fw.iort_model,
			   smmu->fw.iort_flags,
			   smmu->fw.coherent ? "" : "not ",
			   smmu->fw.iort_httu);
	else
		seq_puts(s, "firmware: DT\n");
	seq_printf(s, "iidr: %#x (implementer %#llx, product %#llx, variant %llu, revision %llu)\n",
		   smmu->iidr, FIELD_GET(IIDR_IMPLEMENTER, smmu->iidr),
		   FIELD_GET(IIDR_PRODUCTID, smmu->iidr),
		   FIELD_GET(IIDR_VARIANT, smmu->iidr),
		   FIELD_GET(IIDR_REVISION, smmu->iidr));
	seq_printf(s, "aidr: %#x (SMMUv%llu.%llu)\n", smmu->aidr,
		   FIELD_GET(AIDR_MAJOR, smmu->aidr) + 3,
		   FIELD_GET(AIDR_MINOR, smmu->aidr));
	seq_printf(s, "stall_model: %u (%s)\nhttu: %u\nvax: %u\n",
		   smmu->stall_model, stall_models[smmu->stall_model & 3],
		   smmu->httu, smmu->vax);
	seq_printf(s, "sid_bits: %u\nssid_bits: %u\nasid_bits: %u\nvmid_bits: %u\n",
		   smmu->sid_bits, smmu->ssid_bits, smmu->asid_bits,
		   smmu->vmid_bits);
	seq_printf(s, "ias: %u\noas: %u\npgsize_bitmap: %#lx\n",
		   smmu->ias, smmu->oas, smmu->pgsize_bitmap);
	seq_printf(s, "strtab: %s, log2size %u\n",
		   smmu->strtab.linear ? "linear" : "2-level",
		   smmu->strtab.log2size);
	seq_printf(s, "cr0: %#x\ngerror: %#x\ngerrorn: %#x\n", cr0, gerror,
		   gerrorn);
	seq_printf(s, "cmdq: %u entries, prod %#x, cons %#x\n",
		   1U << smmu->cmdq.q.log2size, smmu->cmdq.q.prod, cons);
	seq_printf(s, "evtq: %u entries, prod %#x, cons %#x\n",
		   1U << smmu->evtq.log2size, eprod, econs);
	seq_printf(s, "cmdq_errors: %llu\ncmdq_timeouts: %llu\n",
		   smmu->cmdq.errors, smmu->cmdq.timeouts);
	seq_printf(s, "irqs: %s\n", smmu->msi ? "msi" : "wired");
	seq_printf(s, "stopped: %u\npaging_domains: %d\n",
		   READ_ONCE(smmu->cmdq.stopped),
		   atomic_read(&smmu->nr_domains));
	seq_printf(s, "events: %lld\nevent_overflows: %lld\ngerrors: %lld\n",
		   atomic64_read(&smmu->evt_count),
		   atomic64_read(&smmu->evt_lost),
		   atomic64_read(&smmu->gerror_count));
	seq_printf(s, "stalls: %lld\nstalls_aborted: %lld\nresumes: %lld\n",
		   atomic64_read(&smmu->stalls),
		   atomic64_read(&smmu->stalls_aborted),
		   atomic64_read(&smmu->resumes));
	if (atomic64_read(&smmu->evt_count)) {
		spin_lock(&smmu->evt_lock);
		last = smmu->evt_last;
		spin_unlock(&smmu->evt_lock);
		smmu3_event_detail(&last, detail, sizeof(detail));
		seq_printf(s, "last_event: %s sid %#x\nlast_event_detail: %s\n",
			   smmu3_event_name(last.type), last.sid, detail);
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(smmu3_info);

static const char *const smmu3_config_names[] = {
	"abort", "reserved", "reserved", "reserved",
	"bypass", "s1", "s2", "s1+s2",
};

static void smmu3_show_ste(struct seq_file *s, const __le64 *ste)
{
	u64 w[STE_DWORDS];
	unsigned int i;

	for (i = 0; i < STE_DWORDS; i++)
		w[i] = le64_to_cpu(READ_ONCE(ste[i]));
	seq_printf(s, "  ste: %016llx %016llx %016llx %016llx\n", w[0], w[1],
		   w[2], w[3]);
	seq_printf(s, "    V %llu config %s", w[0] & STE_0_V,
		   smmu3_config_names[FIELD_GET(STE_0_CONFIG, w[0])]);
	if (FIELD_GET(STE_0_CONFIG, w[0]) & 1)
		seq_printf(s, " s1fmt %llu s1cdmax %llu s1contextptr %#llx s1dss %llu strw %llu",
			   FIELD_GET(STE_0_S1FMT, w[0]),
			   FIELD_GET(STE_0_S1CDMAX, w[0]),
			   w[0] & STE_0_S1CONTEXTPTR,
			   FIELD_GET(STE_1_S1DSS, w[1]),
			   FIELD_GET(STE_1_STRW, w[1]));
	if (FIELD_GET(STE_0_CONFIG, w[0]) & 2)
		seq_printf(s, " s2vmid %llu s2t0sz %llu s2sl0 %llu s2tg %llu s2ps %llu s2ttb %#llx",
			   FIELD_GET(STE_2_S2VMID, w[2]),
			   FIELD_GET(STE_2_S2T0SZ, w[2]),
			   FIELD_GET(STE_2_S2SL0, w[2]),
			   FIELD_GET(STE_2_S2TG, w[2]),
			   FIELD_GET(STE_2_S2PS, w[2]), w[3] & STE_3_S2TTB);
	seq_putc(s, '\n');
}

static void smmu3_show_cd(struct seq_file *s, const __le64 *cd)
{
	u64 w[CD_DWORDS];
	unsigned int i;

	for (i = 0; i < CD_DWORDS; i++)
		w[i] = le64_to_cpu(READ_ONCE(cd[i]));
	seq_printf(s, "  cd0: %016llx %016llx %016llx %016llx\n", w[0], w[1],
		   w[2], w[3]);
	seq_printf(s, "    V %llu asid %llu t0sz %llu tg0 %llu ips %llu epd1 %llu aa64 %llu r %llu a %llu s %llu ttb0 %#llx mair %#llx\n",
		   FIELD_GET(CD_0_V, w[0]), FIELD_GET(CD_0_ASID, w[0]),
		   FIELD_GET(CD_0_T0SZ, w[0]), FIELD_GET(CD_0_TG0, w[0]),
		   FIELD_GET(CD_0_IPS, w[0]), FIELD_GET(CD_0_EPD1, w[0]),
		   FIELD_GET(CD_0_AA64, w[0]), FIELD_GET(CD_0_R, w[0]),
		   FIELD_GET(CD_0_A, w[0]), FIELD_GET(CD_0_S, w[0]),
		   w[1] & CD_1_TTB0, w[3]);
}

static int smmu3_streams_show(struct seq_file *s, void *unused)
{
	struct smmu3_device *smmu = s->private;
	struct smmu3_master *master;
	unsigned long sid;

	mutex_lock(&smmu->streams_mutex);
	xa_for_each(&smmu->streams, sid, master) {
		__le64 *ste = smmu3_strtab_ste(smmu, sid);
		/* smmu3_domain_free() waits for streams_mutex: @d stays */
		struct smmu3_domain *d = READ_ONCE(master->domain);

		seq_printf(s, "sid %#lx: %s, domain %s%s%s%s\n", sid,
			   dev_name(master->dev),
			   d ? (d->stage == SMMU3_STAGE1 ? "paging (stage 1)" :
				"paging (stage 2)") : "identity or blocked",
			   master->stall_enabled ? ", stalls" : "",
			   master->iopf_enabled ? ", iopf" : "",
			   master->sva_enabled ? ", sva" : "");
		if (ste)
			smmu3_show_ste(s, ste);
		if (master->cdtab.base && master->cdtab.linear)
			smmu3_show_cd(s, master->cdtab.base);
	}
	mutex_unlock(&smmu->streams_mutex);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(smmu3_streams);

static ssize_t smmu3_inject_write(struct file *file, const char __user *buf,
				  size_t count, loff_t *ppos)
{
	struct smmu3_device *smmu = file->private_data;
	u64 raw[2] = {};
	u8 opcode;
	int ret;

	ret = kstrtou8_from_user(buf, count, 0, &opcode);
	if (ret)
		return ret;
	raw[0] = FIELD_PREP(CMD_0_OP, opcode);
	dev_info(smmu->dev, "debugfs: issuing raw command opcode %#x\n",
		 opcode);
	ret = smmu3_cmdq_issue_raw(smmu, raw);
	return ret ? ret : count;
}

/*
 * "shutdown": run the driver's shutdown callback, as a reboot or kexec
 * does, on this SMMU alone.  Only unbinding and binding the SMMU enables
 * it again.
 */
static ssize_t smmu3_shutdown_write(struct file *file, const char __user *buf,
				    size_t count, loff_t *ppos)
{
	struct smmu3_device *smmu = file->private_data;
	bool yes;
	int ret;

	ret = kstrtobool_from_user(buf, count, &yes);
	if (ret)
		return ret;
	if (!yes)
		return -EINVAL;
	dev_info(smmu->dev, "debugfs: shutdown\n");
	smmu3_driver.shutdown(to_platform_device(smmu->dev));
	return count;
}

static const struct file_operations smmu3_shutdown_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = smmu3_shutdown_write,
	.llseek = noop_llseek,
};

static const struct file_operations smmu3_inject_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = smmu3_inject_write,
	.llseek = noop_llseek,
};

/**
 * smmu3_debugfs_init() - create an SMMU's debugfs directory
 * @smmu: SMMU
 */
void smmu3_debugfs_init(struct smmu3_device *smmu)
{
	smmu->debugfs = debugfs_create_dir(dev_name(smmu->dev),
					   smmu3_debugfs_root);
	debugfs_create_file("info", 0444, smmu->debugfs, smmu,
			    &smmu3_info_fops);
	debugfs_create_file("streams", 0444, smmu->debugfs, smmu,
			    &smmu3_streams_fops);
	debugfs_create_file("inject", 0200, smmu->debugfs, smmu,
			    &smmu3_inject_fops);
	debugfs_create_file("shutdown", 0200, smmu->debugfs, smmu,
			    &smmu3_shutdown_fops);
}

/**
 * smmu3_debugfs_remove() - remove an SMMU's debugfs directory
 * @smmu: SMMU
 */
void smmu3_debugfs_remove(struct smmu3_device *smmu)
{
	debugfs_remove_recursive(smmu->debugfs);
	smmu->debugfs = NULL;
}

/** smmu3_debugfs_module_init() - create /sys/kernel/debug/smmu3 */
void smmu3_debugfs_module_init(void)
{
	smmu3_debugfs_root = debugfs_create_dir("smmu3", NULL);
}

/** smmu3_debugfs_module_exit() - remove /sys/kernel/debug/smmu3 */
void smmu3_debugfs_module_exit(void)
{
	debugfs_remove_recursive(smmu3_debugfs_root);
}
