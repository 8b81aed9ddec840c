/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SMMUv3 IOMMU driver: structures shared by the driver's files.
 *
 * One file per concept: probe.c (platform driver, features, reset),
 * queue.c (command queue), strtab.c (stream table, STEs, hitless entry
 * updates), cd.c (context descriptors), event.c (event queue, GERROR),
 * msi.c (their MSIs), iommu.c (iommu_ops, domains, masters), debugfs.c.
 *
 * Registers are reached only through a regmap: MMIO on real hardware and
 * QEMU, the emulator's provider otherwise.
 */
#ifndef SMMU3_H
#define SMMU3_H

#include <linux/bitfield.h>
#include <linux/iommu.h>
#include <linux/io-pgtable.h>
#include <linux/kref.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/regmap.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/xarray.h>
#include <linux/xarray.h>
#include <kunit/visibility.h>

#include <smmu3/smmu3-arch.h>

/* Features derived from the ID registers (smmu3_device.features) */
#define SMMU3_FEAT_2LVL_STRTAB	BIT(0)
#define SMMU3_FEAT_2LVL_CDTAB	BIT(1)
#define SMMU3_FEAT_S1		BIT(2)
#define SMMU3_FEAT_S2		BIT(3)
#define SMMU3_FEAT_COHERENCY	BIT(4)
#define SMMU3_FEAT_MSI		BIT(5)
#define SMMU3_FEAT_SEV		BIT(6)
#define SMMU3_FEAT_RANGE_INV	BIT(7)
#define SMMU3_FEAT_ASID16	BIT(8)
#define SMMU3_FEAT_VMID16	BIT(9)
#define SMMU3_FEAT_HYP		BIT(10)
#define SMMU3_FEAT_TT_LE	BIT(11)
#define SMMU3_FEAT_PRI		BIT(12)
#define SMMU3_FEAT_ATS		BIT(13)
#define SMMU3_FEAT_BTM		BIT(14)
#define SMMU3_FEAT_ATTR_TYPES_OVR BIT(15)
/* IDR0.STALL_MODEL 0b00: a stream's faults may stall (CD.S) */
#define SMMU3_FEAT_STALLS	BIT(16)
/* Process address spaces can be shared (smmu3_sva_supported()) */
#define SMMU3_FEAT_SVA		BIT(17)
/* IDR0.STALL_MODEL 0b10: every context stalls its faults (CD.S, S2S) */
#define SMMU3_FEAT_STALL_FORCE	BIT(18)

/* Stream table: STEs per level-2 table is 1 << SMMU3_STRTAB_SPLIT */
#define SMMU3_STRTAB_SPLIT	8
/* Largest level-1 stream table: 1 << this many descriptors */
#define SMMU3_STRTAB_L1_MAX_LOG2 17
/* A linear table is used up to this many StreamID bits */
#define SMMU3_STRTAB_LINEAR_MAX_BITS 8

/* Largest queue the driver allocates, log2 of entries */
#define SMMU3_QUEUE_MAX_LOG2	12

/* Poll timeout for CR0ACK, IRQ_CTRLACK, GBPA and CMD_SYNC */
#define SMMU3_POLL_TIMEOUT_US	1000000

/*
 * MSI indexes of the platform MSIs (msi.c).  The driver has no PRI queue:
 * its index is reserved and not allocated.
 */
enum smmu3_msi_index {
	SMMU3_MSI_EVTQ,
	SMMU3_MSI_GERROR,
	SMMU3_MSI_PRIQ,
	SMMU3_MSI_NR,
};

/* MSIs allocated: the event queue's and GERROR's */
#define SMMU3_MSI_ALLOC		(SMMU3_MSI_GERROR + 1)

/**
 * struct smmu3_irq_cfg - the MSI registers of one interrupt source
 * @cfg0: *_IRQ_CFG0: the doorbell address (0: no MSI)
 * @cfg1: *_IRQ_CFG1: the payload
 * @cfg2: *_IRQ_CFG2: memory type and Shareability of the write
 */
struct smmu3_irq_cfg {
	u64 cfg0;
	u32 cfg1;
	u32 cfg2;
};

/* Commands gathered before the queue is written */
#define SMMU3_CMD_BATCH		32

/**
 * struct smmu3_queue - one circular queue in memory
 * @base: entries, @ent_dwords 64-bit words each
 * @base_dma: bus address of @base
 * @q_base: value for the *_BASE register
 * @log2size: log2 of the number of entries
 * @ent_dwords: 64-bit words per entry
 * @prod_reg: register offset of PROD
 * @cons_reg: register offset of CONS
 * @prod: software's copy of PROD (index and wrap bit)
 * @cons: software's copy of CONS (index and wrap bit)
 */
struct smmu3_queue {
	__le64 *base;
	dma_addr_t base_dma;
	u64 q_base;
	u32 log2size;
	u32 ent_dwords;
	u32 prod_reg;
	u32 cons_reg;
	u32 prod;
	u32 cons;
};

/**
 * struct smmu3_cmd - a command before encoding
 * @opcode: CMD_OP_*
 * @sid: StreamID (CFGI_*, PREFETCH_*)
 * @ssid: SubstreamID (CFGI_CD)
 * @leaf: leaf-only invalidation (CFGI_STE, CFGI_CD, TLBI_*_VA/IPA)
 * @range: CFGI_STE_RANGE: log2 of StreamIDs (31 = all)
 * @asid: ASID (TLBI_NH_ASID/VA, TLBI_EL2_ASID/VA)
 * @vmid: VMID (TLBI_NH_*, TLBI_S12_VMALL, TLBI_S2_IPA)
 * @addr: VA or IPA (TLBI_*_VA/IPA); MSI address (CMD_SYNC)
 * @num: range invalidation NUM field
 * @scale: range invalidation SCALE field
 * @tg: range invalidation TG field (CMD_TLBI_TG_*, 0 = no range)
 * @ttl: translation table level hint
 * @cs: CMD_SYNC completion signal (CMD_SYNC_CS_*)
 * @msidata: CMD_SYNC MSI payload
 * @resp: CMD_RESUME: CMD_RESUME_RESP_* (what becomes of the transaction)
 * @stag: CMD_RESUME: the STAG of the stalled transaction
 */
struct smmu3_cmd {
	u8 opcode;
	u32 sid;
	u32 ssid;
	bool leaf;
	u8 range;
	u16 asid;
	u16 vmid;
	u64 addr;
	u8 num;
	u8 scale;
	u8 tg;
	u8 ttl;
	u8 cs;
	u32 msidata;
	u8 resp;
	u16 stag;
};

/**
 * struct smmu3_cmdq - the command queue
 * @q: queue memory and indexes; @q.prod and @q.cons under @lock
 * @lock: serialises writers (copying entries, moving PROD) and the
 *	recovery from a command error; taken with irqs off.  Waiting for a
 *	CMD_SYNC happens outside it.
 * @prod64: entries ever written since the queue was reset (@q.prod is
 *	its low bits); written under @lock, read without it
 * @prod_lock: serialises PROD writes, so that PROD only moves forward;
 *	taken with irqs off, alone or inside @lock
 * @published: the @prod64 last written to PROD, under @prod_lock
 * @cons64: entries the SMMU is known to have consumed, the same count;
 *	only grows (atomic maximum), updated by whoever reads CONS
 * @errors: commands that raised a CERROR, under @lock
 * @timeouts: CMD_SYNCs that did not complete in time, under @lock
 * @stopped: the SMMU was disabled for good (service failure mode,
 *	shutdown): commands fail at once with -ENODEV; set once
 *	(WRITE_ONCE), tested by writers under @lock and polled by waiters
 */
struct smmu3_cmdq {
	struct smmu3_queue q;
	/* writers, PROD, recovery; irqs off */
	spinlock_t lock;
	u64 prod64;
	/* PROD writes; inside lock or alone, irqs off */
	spinlock_t prod_lock;
	u64 published;
	atomic64_t cons64;
	u64 errors;
	u64 timeouts;
	bool stopped;
};

/**
 * struct smmu3_strtab_l2 - one level-2 stream table
 * @ste: 1 << SMMU3_STRTAB_SPLIT STEs
 * @dma: bus address of @ste
 */
struct smmu3_strtab_l2 {
	__le64 *ste;
	dma_addr_t dma;
};

/**
 * struct smmu3_strtab - the stream table
 * @linear: linear format, else 2-level
 * @base: linear: the STEs; 2-level: the level-1 descriptors
 * @base_dma: bus address of @base
 * @log2size: StreamID bits the table covers (STRTAB_BASE_CFG.LOG2SIZE)
 * @num_l1: 2-level: number of level-1 descriptors
 * @l2: 2-level: level-2 tables by level-1 index, NULL until needed
 */
struct smmu3_strtab {
	bool linear;
	__le64 *base;
	dma_addr_t base_dma;
	u32 log2size;
	u32 num_l1;
	struct smmu3_strtab_l2 **l2;
};

/**
 * struct smmu3_event - a decoded event record
 * @type: EVT_F_* / EVT_C_*
 * @sid: StreamID
 * @ssv: @ssid is valid
 * @ssid: SubstreamID
 * @addr: input address (fault events)
 * @ipa: IPA of a stage-2 fault, or the fetch address of a fetch fault
 * @s2: the fault is a stage-2 fault
 * @read: the access was a read (RnW)
 * @instr: instruction access (InD)
 * @priv: privileged access (PnU)
 * @class: EVT_CLASS_* (what the access that faulted was for)
 * @stall: the transaction is stalled
 * @stag: the stalled transaction's STAG (when @stall)
 */
struct smmu3_event {
	u8 type;
	u32 sid;
	bool ssv;
	u32 ssid;
	u64 addr;
	u64 ipa;
	bool s2;
	bool read;
	bool instr;
	bool priv;
	u8 class;
	bool stall;
	u16 stag;
};

/* How the firmware described the SMMU (struct smmu3_fw.type) */
enum smmu3_fw_type {
	SMMU3_FW_DT,		/* a devicetree node */
	SMMU3_FW_IORT,		/* an ACPI IORT SMMUv3 node */
};

/**
 * struct smmu3_fw - what the firmware says about the SMMU
 * @type: SMMU3_FW_DT or SMMU3_FW_IORT
 * @coherent: the SMMU's own accesses (tables, queues, walks, MSIs) are
 *	IO-coherent: DT "dma-coherent", or the IORT node's COHACC Override
 *	flag; this, not IDR0.COHACC, decides
 * @page0_only: the implementation has only register page 0 (IORT model
 *	Cavium CN99xx), whatever the size of its MMIO region
 * @iort_id: IORT: the node's identifier
 * @iort_model: IORT: the node's model (ACPI_IORT_SMMU_V3_*)
 * @iort_flags: IORT: the node's flags
 * @iort_httu: IORT: the HTTU Override field, which replaces IDR0.HTTU
 */
struct smmu3_fw {
	enum smmu3_fw_type type;
	bool coherent;
	bool page0_only;
	u32 iort_id;
	u32 iort_model;
	u32 iort_flags;
	u8 iort_httu;
};

/**
 * struct smmu3_device - one SMMU instance
 * @dev: the platform device
 * @regmap: register access, page 0 at offset 0
 * @fw: the firmware's description (DT or IORT)
 * @page1: offset of the page-1 registers (0x10000, or 0 when the
 *	implementation only exposes page 0)
 * @iommu: the iommu core's handle
 * @features: SMMU3_FEAT_*
 * @sid_bits: StreamID bits supported (IDR1.SIDSIZE)
 * @ssid_bits: SubstreamID bits supported (IDR1.SSIDSIZE)
 * @asid_bits: 8 or 16
 * @vmid_bits: 8 or 16
 * @ias: input address size of stage 1 / stage 2, bits
 * @oas: output address size, bits
 * @pgsize_bitmap: page and block sizes of the supported granules
 * @iidr: SMMU_IIDR, the implementation
 * @aidr: SMMU_AIDR, the architecture version
 * @stall_model: IDR0.STALL_MODEL
 * @httu: IDR0.HTTU, or with IORT its HTTU Override (hardware access
 *	flag / dirty state updates: IDR0_HTTU_ACCESS_DIRTY gives iommufd
 *	dirty tracking)
 * @vax: IDR5.VAX (52-bit virtual addresses, unused)
 * @cmdq: command queue
 * @evtq: event queue; @evtq.cons under @evtq_mutex
 * @evtq_mutex: held while the event queue is drained (the event thread,
 *	or a PASID's removal making sure the stalls it recorded are handled);
 *	taken under the iommu core's group mutex, before @streams_mutex
 * @strtab: stream table; level-2 allocation under @streams_mutex
 * @streams_mutex: serialises master probe/release and level-2 allocation;
 *	held by whoever uses a master found in @streams, or that master's
 *	domain (event thread, debugfs): release_device removes the master
 *	under it, and smmu3_domain_free() takes it before freeing a domain
 * @streams: master of each StreamID in use, xarray of struct smmu3_master;
 *	changed under @streams_mutex
 * @asid_ida: ASIDs of stage-1 domains
 * @vmid_ida: VMIDs of stage-2 domains
 * @evtq_irq: interrupt of the event queue thread (eventq or combined)
 * @msi: the event queue and GERROR signal by MSI, not by wired interrupts
 * @evt_lost: event queue overflows seen
 * @evt_count: events handled
 * @evt_lock: protects @evt_last
 * @evt_last: the last event handled, decoded (for tests and debugfs)
 * @gerror_count: global errors handled
 * @gerror_lock: serialises the read-modify-writes of GERRORN (the GERROR
 *	handler, command queue recovery); nests inside @cmdq.lock, irqs off
 * @nr_domains: paging domains allocated on this SMMU and not yet freed
 * @domains_wq: woken when @nr_domains drops to zero (removal waits)
 * @debugfs: this instance's debugfs directory
 * @iopf: I/O page fault queue of the stall-enabled masters (NULL without
 *	SMMU3_FEAT_STALLS or CONFIG_IOMMU_IOPF)
 * @stalls: stall events handled
 * @stalls_aborted: stalls the driver terminated itself (no fault handler)
 * @resumes: CMD_RESUMEs sent for stalls (retry or abort)
 */
struct smmu3_device {
	struct device *dev;
	struct regmap *regmap;
	struct smmu3_fw fw;
	u32 page1;
	struct iommu_device iommu;
	u32 features;
	u32 sid_bits;
	u32 ssid_bits;
	u32 asid_bits;
	u32 vmid_bits;
	u32 ias;
	u32 oas;
	unsigned long pgsize_bitmap;
	u32 iidr;
	u32 aidr;
	u8 stall_model;
	u8 httu;
	u8 vax;
	struct smmu3_cmdq cmdq;
	struct smmu3_queue evtq;
	/* draining the event queue; before streams_mutex */
	struct mutex evtq_mutex;
	struct smmu3_strtab strtab;
	/* masters in @streams and their domains, level-2 stream tables */
	struct mutex streams_mutex;
	struct xarray streams;
	struct ida asid_ida;
	struct ida vmid_ida;
	int evtq_irq;
	bool msi;
	atomic64_t evt_lost;
	atomic64_t evt_count;
	/* the event thread writes @evt_last, debugfs reads it */
	spinlock_t evt_lock;
	struct smmu3_event evt_last;
	atomic64_t gerror_count;
	/* GERRORN read-modify-write; inside cmdq.lock */
	spinlock_t gerror_lock;
	atomic_t nr_domains;
	wait_queue_head_t domains_wq;
	struct dentry *debugfs;
	struct list_head node;
	struct iopf_queue *iopf;
	atomic64_t stalls;
	atomic64_t stalls_aborted;
	atomic64_t resumes;
};

/**
 * struct smmu3_cdtab - context descriptor table of one master
 * @linear: linear format, else 2-level (one level-1 descriptor per
 *	1 << CD_L2_ENTRIES_LOG2 CDs)
 * @base: linear: the CDs; 2-level: the level-1 descriptors
 * @base_dma: bus address of @base
 * @s1cdmax: STE.S1CDMAX, log2 of the number of CDs
 * @num_l1: 2-level: number of level-1 descriptors
 * @l2: 2-level: level-2 tables, NULL until needed
 * @l2_dma: 2-level: bus addresses of @l2
 */
struct smmu3_cdtab {
	bool linear;
	__le64 *base;
	dma_addr_t base_dma;
	u32 s1cdmax;
	u32 num_l1;
	__le64 **l2;
	dma_addr_t *l2_dma;
};

struct smmu3_domain;

/**
 * struct smmu3_master - a device behind an SMMU
 * @smmu: its SMMU
 * @dev: the device
 * @sids: StreamIDs (from the fwspec), @num_sids of them
 * @num_sids: number of StreamIDs
 * @ssid_bits: SubstreamID bits of the device (pasid-num-bits), clamped
 * @domain: attached paging domain, or NULL (identity / blocked)
 * @domain_node: entry in @domain's master list
 * @cdtab: context descriptor table, allocated at probe when the SMMU has
 *	stage 1
 * @pasids: stage-1 paging domains attached at SubstreamIDs other than 0
 *	(set_dev_pasid), by SubstreamID
 * @stall_enabled: the device can wait for a stalled transaction
 *	(`dma-can-stall`) and the SMMU can stall: its CDs have CD.S = 1 and
 *	its faults go to the iommu core's I/O page fault handling.  With
 *	forced stalls the faults of the others stall too, and the driver
 *	aborts them.
 * @iopf_enabled: IOMMU_DEV_FEAT_IOPF on: in the SMMU's iopf queue
 * @sva_enabled: IOMMU_DEV_FEAT_SVA on
 * @stalls: stalls reported to the iommu core and not answered yet, by
 *	smmu3_stall_key() (StreamID index and STAG), value the SubstreamID
 *	(IOMMU_NO_PASID: none) as an xarray value entry; whoever erases an
 *	entry answers that stall, exactly once
 *
 * @domain, @domain_node, @cdtab and @pasids change only under the group
 * mutex of the iommu core (attach is serialised per group);
 * @iopf_enabled and @sva_enabled under the iommu core's dev->iommu->lock
 * (iommu_dev_enable_feature()).
 */
struct smmu3_master {
	struct smmu3_device *smmu;
	struct device *dev;
	u32 *sids;
	unsigned int num_sids;
	u32 ssid_bits;
	struct smmu3_domain *domain;
	struct list_head domain_node;
	struct smmu3_cdtab cdtab;
	struct xarray pasids;
	bool stall_enabled;
	bool iopf_enabled;
	bool sva_enabled;
	struct xarray stalls;
};

/* Key of a stall in smmu3_master.stalls */
static inline unsigned long smmu3_stall_key(unsigned int sid_index, u16 stag)
{
	return (unsigned long)sid_index << 16 | stag;
}

/*
 * CD.S of @master's CDs (§5.4): set for a stall-enabled master, and for
 * every master when stalls are forced (CD.S = 0 is then ILLEGAL).
 */
static inline void smmu3_cd_stall(const struct smmu3_master *master,
				  __le64 *cd)
{
	if (master->stall_enabled ||
	    (master->smmu->features & SMMU3_FEAT_STALL_FORCE))
		cd[0] |= cpu_to_le64(CD_0_S);
}

/* Translation stage of a paging domain */
enum smmu3_stage {
	SMMU3_STAGE1,
	SMMU3_STAGE2,
};

/**
 * struct smmu3_domain - a paging domain
 * @domain: the iommu core's domain
 * @smmu: the SMMU whose tables this domain's page tables are walked by
 * @stage: translation stage
 * @pgtbl_ops: io-pgtable operations
 * @pgtbl_cfg: io-pgtable configuration, holding TCR/VTCR, TTBR, MAIR
 * @asid: stage 1: ASID
 * @vmid: stage 2: VMID
 * @masters_lock: protects @masters
 * @masters: attached masters (struct smmu3_master.domain_node)
 */
struct smmu3_domain {
	struct iommu_domain domain;
	struct smmu3_device *smmu;
	enum smmu3_stage stage;
	struct io_pgtable_ops *pgtbl_ops;
	struct io_pgtable_cfg pgtbl_cfg;
	u16 asid;
	u16 vmid;
	/* protects @masters */
	spinlock_t masters_lock;
	struct list_head masters;
};

static inline struct smmu3_domain *to_smmu3_domain(struct iommu_domain *dom)
{
	return container_of(dom, struct smmu3_domain, domain);
}

/* --- Pure encoders and decoders (KUnit-tested) --- */

/**
 * struct smmu3_ste_s1 - stage-1 configuration of an STE
 * @cdtab_dma: S1ContextPtr
 * @s1fmt: STE_S1FMT_*
 * @s1cdmax: S1CDMAX
 * @coherent: table walks are cacheable and inner shareable
 */
struct smmu3_ste_s1 {
	dma_addr_t cdtab_dma;
	u8 s1fmt;
	u8 s1cdmax;
	bool coherent;
};

/**
 * struct smmu3_entry_writer - updates an STE or CD the hardware may read
 * @ops: how to find the used bits of an entry and make writes visible
 */
struct smmu3_entry_writer {
	const struct smmu3_entry_writer_ops *ops;
};

/**
 * struct smmu3_entry_writer_ops - behaviour of one kind of entry
 * @num_words: 64-bit words per entry (STE_DWORDS, CD_DWORDS)
 * @valid_bit: the V bit in word 0
 * @get_used: the bits of @entry that the SMMU reads, given its own values
 * @sync: make the writes so far visible to the SMMU (CFGI + CMD_SYNC)
 */
struct smmu3_entry_writer_ops {
	unsigned int num_words;
	u64 valid_bit;
	void (*get_used)(const __le64 *entry, __le64 *used);
	void (*sync)(struct smmu3_entry_writer *writer);
};

void smmu3_ste_abort(__le64 *ste);
void smmu3_ste_bypass(__le64 *ste);
void smmu3_ste_s1(__le64 *ste, const struct smmu3_ste_s1 *cfg);
void smmu3_ste_s2(__le64 *ste, const struct io_pgtable_cfg *cfg, u16 vmid,
		  bool coherent);
void smmu3_ste_get_used(const __le64 *ste, __le64 *used);
void smmu3_cd_s1(__le64 *cd, const struct io_pgtable_cfg *cfg, u16 asid);
void smmu3_cd_get_used(const __le64 *cd, __le64 *used);
u64 smmu3_l1_desc(dma_addr_t l2, u32 span);
u64 smmu3_cd_l1_desc(dma_addr_t l2);
int smmu3_cmd_encode(const struct smmu3_cmd *cmd, u64 *out);
void smmu3_event_decode(const u64 *raw, struct smmu3_event *evt);
const char *smmu3_event_name(u8 type);
bool smmu3_event_ipa_valid(const struct smmu3_event *evt);
/* Room for any line of smmu3_event_detail() */
#define SMMU3_EVENT_DETAIL_LEN	160
int smmu3_event_detail(const struct smmu3_event *evt, char *buf, size_t size);
void smmu3_write_entry(struct smmu3_entry_writer *writer, __le64 *entry,
		       const __le64 *target);
u32 smmu3_q_inc(u32 ptr, u32 log2size, u32 n);
u32 smmu3_q_space(u32 prod, u32 cons, u32 log2size);
bool smmu3_q_empty(u32 prod, u32 cons, u32 log2size);
bool smmu3_q_passed(u32 cons, u32 idx, u32 log2size);
int smmu3_check_sid(u32 sid, u32 sid_bits);
unsigned int smmu3_tlbi_range(u64 iova, size_t size, size_t granule,
			      unsigned long pgsize_bitmap, bool leaf,
			      bool range_inv, struct smmu3_cmd *tmpl,
			      struct smmu3_cmd *out, unsigned int max);

/* --- Registers (probe.c) --- */
int smmu3_write_ack(struct smmu3_device *smmu, u32 reg, u32 ack_reg, u32 val);
void smmu3_stop(struct smmu3_device *smmu, bool wait);
#if IS_ENABLED(CONFIG_KUNIT)
void smmu3_clear_irq_cfg(struct smmu3_device *smmu);
int smmu3_probe_features(struct smmu3_device *smmu);
#endif
#if IS_ENABLED(CONFIG_KUNIT) && IS_ENABLED(CONFIG_ACPI_IORT)
int smmu3_probe_iort(struct smmu3_device *smmu);
#endif

/* --- Domains (iommu.c) --- */
#if IS_ENABLED(CONFIG_KUNIT)
int smmu3_domain_alloc_user_stage(u32 features, bool dirty_capable, u32 flags,
				  enum smmu3_stage *stage);
bool smmu3_gather_inv(const struct iommu_iotlb_gather *gather,
		      unsigned long pgsize_bitmap, size_t *granule, bool *leaf);
#endif

/* --- Queues (queue.c) --- */
int smmu3_queue_alloc(struct smmu3_device *smmu, struct smmu3_queue *q,
		      u32 log2size, u32 ent_dwords, u32 prod_reg, u32 cons_reg);
int smmu3_cmdq_issue(struct smmu3_device *smmu, const struct smmu3_cmd *cmds,
		     unsigned int n);
int smmu3_cmdq_issue_one(struct smmu3_device *smmu,
			 const struct smmu3_cmd *cmd);
int smmu3_cmdq_issue_raw(struct smmu3_device *smmu, const u64 *raw);
unsigned int smmu3_cmdq_batch_max(u32 log2size);
void smmu3_cmdq_recover(struct smmu3_device *smmu);

/* --- Stream table (strtab.c) --- */
int smmu3_strtab_init(struct smmu3_device *smmu);
int smmu3_strtab_prepare_sid(struct smmu3_device *smmu, u32 sid);
__le64 *smmu3_strtab_ste(struct smmu3_device *smmu, u32 sid);
void smmu3_install_ste(struct smmu3_device *smmu, u32 sid,
		       const __le64 *target);

/* --- Context descriptors (cd.c) --- */
int smmu3_cdtab_alloc(struct smmu3_master *master);
void smmu3_cdtab_free(struct smmu3_master *master);
int smmu3_cdtab_prepare(struct smmu3_master *master, u32 ssid);
int smmu3_install_cd(struct smmu3_master *master, u32 ssid,
		     const __le64 *target);

/* --- MSIs (msi.c) --- */
struct msi_msg;
void smmu3_msi_irq_cfg(const struct msi_msg *msg, struct smmu3_irq_cfg *cfg);
int smmu3_msi_setup(struct smmu3_device *smmu, int virqs[SMMU3_MSI_NR]);
#if IS_ENABLED(CONFIG_KUNIT)
void smmu3_msi_write_cfg(struct smmu3_device *smmu, unsigned int index,
			 const struct msi_msg *msg);
#endif

/* --- Events and global errors (event.c) --- */
int smmu3_setup_irqs(struct smmu3_device *smmu);
irqreturn_t smmu3_evtq_thread(int irq, void *dev);
irqreturn_t smmu3_gerror_handler(int irq, void *dev);
void smmu3_gerror_ack(struct smmu3_device *smmu, u32 bits);

/* --- iommu_ops (iommu.c) --- */
extern const struct iommu_ops smmu3_ops;

/* --- Platform driver (probe.c) --- */
extern struct platform_driver smmu3_driver;
struct smmu3_device *smmu3_find_by_fwnode(struct fwnode_handle *fwnode);

/* --- debugfs (debugfs.c) --- */
/* sva.c: stalls, I/O page faults, shared virtual addressing */
bool smmu3_sva_supported(struct smmu3_device *smmu);
int smmu3_iopf_init(struct smmu3_device *smmu);
void smmu3_report_stall(struct smmu3_device *smmu,
			struct smmu3_master *master,
			const struct smmu3_event *evt);
void smmu3_stalls_abort_pasid(struct smmu3_master *master, u32 pasid);
void smmu3_stalls_terminate(struct smmu3_master *master);
void smmu3_page_response(struct device *dev, struct iopf_fault *evt,
			 struct iommu_page_response *resp);
int smmu3_dev_enable_feat(struct device *dev, enum iommu_dev_features feat);
int smmu3_dev_disable_feat(struct device *dev, enum iommu_dev_features feat);
void smmu3_master_iopf_release(struct smmu3_master *master);
struct iommu_domain *smmu3_sva_domain_alloc(struct device *dev,
					    struct mm_struct *mm);
void smmu3_sva_remove_dev_pasid(struct smmu3_master *master, u32 pasid,
				struct iommu_domain *domain);
void smmu3_evtq_drain(struct smmu3_device *smmu);
void smmu3_tlbi_asid(struct smmu3_device *smmu, u16 asid,
		     unsigned long iova, size_t size);

void smmu3_debugfs_init(struct smmu3_device *smmu);
void smmu3_debugfs_remove(struct smmu3_device *smmu);
void smmu3_debugfs_module_init(void);
void smmu3_debugfs_module_exit(void);

#endif /* SMMU3_H */
