/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SMMUv3 architecture definitions shared by the driver and the emulator.
 *
 * Register offsets, register fields and the layouts of the in-memory
 * structures (stream table entries, context descriptors, command and event
 * queue entries, translation table descriptors).  Definitions only: no
 * logic, and no includes, so that the freestanding emulator core can use
 * this header outside the kernel.
 *
 * Field masks are 64-bit constants for use with FIELD_PREP()/FIELD_GET()
 * (kernel) or the emulator's own field helpers.  Structure field names are
 * "<STRUCT>_<DWORD>_<FIELD>": STE_1_S1DSS is the S1DSS field of STE
 * doubleword 1.  Bit numbers are those of the architecture within that
 * doubleword; for 32-bit registers they are the register's own bits.
 */
#ifndef SMMU3_ARCH_H
#define SMMU3_ARCH_H

#define SMMU3_BIT(n)		(1ULL << (n))
#define SMMU3_GENMASK(h, l)	((~0ULL >> (63 - (h))) & (~0ULL << (l)))

/* ----------------------------------------------------------------------
 * Register file: page 0 (and page 1 at +64K for the queue indices)
 */
#define SMMU3_PAGE_SIZE			0x10000
#define SMMU3_MMIO_SIZE			0x20000

#define SMMU3_IDR0			0x00
#define  IDR0_S2P			SMMU3_BIT(0)
#define  IDR0_S1P			SMMU3_BIT(1)
#define  IDR0_TTF			SMMU3_GENMASK(3, 2)
#define   IDR0_TTF_AARCH32		1
#define   IDR0_TTF_AARCH64		2
#define   IDR0_TTF_BOTH			3
#define  IDR0_COHACC			SMMU3_BIT(4)
#define  IDR0_BTM			SMMU3_BIT(5)
#define  IDR0_HTTU			SMMU3_GENMASK(7, 6)
#define   IDR0_HTTU_ACCESS		1
#define   IDR0_HTTU_ACCESS_DIRTY	2
#define  IDR0_DORMHINT			SMMU3_BIT(8)
#define  IDR0_HYP			SMMU3_BIT(9)
#define  IDR0_ATS			SMMU3_BIT(10)
#define  IDR0_NS1ATS			SMMU3_BIT(11)
#define  IDR0_ASID16			SMMU3_BIT(12)
#define  IDR0_MSI			SMMU3_BIT(13)
#define  IDR0_SEV			SMMU3_BIT(14)
#define  IDR0_ATOS			SMMU3_BIT(15)
#define  IDR0_PRI			SMMU3_BIT(16)
#define  IDR0_VMW			SMMU3_BIT(17)
#define  IDR0_VMID16			SMMU3_BIT(18)
#define  IDR0_CD2L			SMMU3_BIT(19)
#define  IDR0_VATOS			SMMU3_BIT(20)
#define  IDR0_TTENDIAN			SMMU3_GENMASK(22, 21)
#define   IDR0_TTENDIAN_MIXED		0
#define   IDR0_TTENDIAN_LE		2
#define   IDR0_TTENDIAN_BE		3
#define  IDR0_STALL_MODEL		SMMU3_GENMASK(25, 24)
#define   IDR0_STALL_MODEL_STALL	0	/* stall and terminate */
#define   IDR0_STALL_MODEL_NOSTALL	1
#define   IDR0_STALL_MODEL_FORCE	2
#define  IDR0_TERM_MODEL		SMMU3_BIT(26)
#define  IDR0_ST_LEVEL			SMMU3_GENMASK(28, 27)
#define   IDR0_ST_LEVEL_LINEAR		0
#define   IDR0_ST_LEVEL_2LVL		1

#define SMMU3_IDR1			0x04
#define  IDR1_SIDSIZE			SMMU3_GENMASK(5, 0)
#define  IDR1_SSIDSIZE			SMMU3_GENMASK(10, 6)
#define  IDR1_PRIQS			SMMU3_GENMASK(15, 11)
#define  IDR1_EVENTQS			SMMU3_GENMASK(20, 16)
#define  IDR1_CMDQS			SMMU3_GENMASK(25, 21)
#define  IDR1_ATTR_PERMS_OVR		SMMU3_BIT(26)
#define  IDR1_ATTR_TYPES_OVR		SMMU3_BIT(27)
#define  IDR1_REL			SMMU3_BIT(28)
#define  IDR1_QUEUES_PRESET		SMMU3_BIT(29)
#define  IDR1_TABLES_PRESET		SMMU3_BIT(30)

#define SMMU3_IDR2			0x08
#define  IDR2_BA_VATOS			SMMU3_GENMASK(9, 0)

#define SMMU3_IDR3			0x0c
#define  IDR3_HAD			SMMU3_BIT(2)
#define  IDR3_PBHA			SMMU3_BIT(3)
#define  IDR3_XNX			SMMU3_BIT(4)
#define  IDR3_PPS			SMMU3_BIT(5)
#define  IDR3_MPAM			SMMU3_BIT(7)
#define  IDR3_FWB			SMMU3_BIT(8)
#define  IDR3_STT			SMMU3_BIT(9)
#define  IDR3_RIL			SMMU3_BIT(10)
#define  IDR3_BBML			SMMU3_GENMASK(12, 11)

#define SMMU3_IDR4			0x10

#define SMMU3_IDR5			0x14
#define  IDR5_OAS			SMMU3_GENMASK(2, 0)
#define   IDR5_OAS_32			0
#define   IDR5_OAS_36			1
#define   IDR5_OAS_40			2
#define   IDR5_OAS_42			3
#define   IDR5_OAS_44			4
#define   IDR5_OAS_48			5
#define   IDR5_OAS_52			6
#define  IDR5_GRAN4K			SMMU3_BIT(4)
#define  IDR5_GRAN16K			SMMU3_BIT(5)
#define  IDR5_GRAN64K			SMMU3_BIT(6)
#define  IDR5_VAX			SMMU3_GENMASK(11, 10)
#define  IDR5_STALL_MAX			SMMU3_GENMASK(31, 16)

#define SMMU3_IIDR			0x18
#define  IIDR_IMPLEMENTER		SMMU3_GENMASK(11, 0)
#define  IIDR_REVISION			SMMU3_GENMASK(15, 12)
#define  IIDR_VARIANT			SMMU3_GENMASK(19, 16)
#define  IIDR_PRODUCTID			SMMU3_GENMASK(31, 20)

#define SMMU3_AIDR			0x1c
#define  AIDR_MINOR			SMMU3_GENMASK(3, 0)
#define  AIDR_MAJOR			SMMU3_GENMASK(7, 4)

#define SMMU3_CR0			0x20
#define  CR0_SMMUEN			SMMU3_BIT(0)
#define  CR0_PRIQEN			SMMU3_BIT(1)
#define  CR0_EVENTQEN			SMMU3_BIT(2)
#define  CR0_CMDQEN			SMMU3_BIT(3)
#define  CR0_ATSCHK			SMMU3_BIT(4)
#define  CR0_VMW			SMMU3_GENMASK(8, 6)

#define SMMU3_CR0ACK			0x24

#define SMMU3_CR1			0x28
#define  CR1_QUEUE_IC			SMMU3_GENMASK(1, 0)
#define  CR1_QUEUE_OC			SMMU3_GENMASK(3, 2)
#define  CR1_QUEUE_SH			SMMU3_GENMASK(5, 4)
#define  CR1_TABLE_IC			SMMU3_GENMASK(7, 6)
#define  CR1_TABLE_OC			SMMU3_GENMASK(9, 8)
#define  CR1_TABLE_SH			SMMU3_GENMASK(11, 10)
/* CR1 cacheability encodings (not the TCR ones) */
#define   CR1_CACHE_NC			0
#define   CR1_CACHE_WB			1
#define   CR1_CACHE_WT			2
/* Shareability encodings, used by CR1, STE, CD and MSI attributes */
#define   SMMU3_SH_NSH			0
#define   SMMU3_SH_OSH			2
#define   SMMU3_SH_ISH			3

#define SMMU3_CR2			0x2c
#define  CR2_E2H			SMMU3_BIT(0)
#define  CR2_RECINVSID			SMMU3_BIT(1)
#define  CR2_PTM			SMMU3_BIT(2)

#define SMMU3_STATUSR			0x40

#define SMMU3_GBPA			0x44
#define  GBPA_MEMATTR			SMMU3_GENMASK(3, 0)
#define  GBPA_MTCFG			SMMU3_BIT(4)
#define  GBPA_ALLOCCFG			SMMU3_GENMASK(11, 8)
#define  GBPA_SHCFG			SMMU3_GENMASK(13, 12)
#define  GBPA_PRIVCFG			SMMU3_GENMASK(17, 16)
#define  GBPA_INSTCFG			SMMU3_GENMASK(19, 18)
#define  GBPA_ABORT			SMMU3_BIT(20)
#define  GBPA_UPDATE			SMMU3_BIT(31)

#define SMMU3_IRQ_CTRL			0x50
#define  IRQ_CTRL_GERROR_IRQEN		SMMU3_BIT(0)
#define  IRQ_CTRL_PRIQ_IRQEN		SMMU3_BIT(1)
#define  IRQ_CTRL_EVENTQ_IRQEN		SMMU3_BIT(2)

#define SMMU3_IRQ_CTRLACK		0x54

#define SMMU3_GERROR			0x60
#define  GERROR_CMDQ_ERR		SMMU3_BIT(0)
#define  GERROR_EVENTQ_ABT_ERR		SMMU3_BIT(2)
#define  GERROR_PRIQ_ABT_ERR		SMMU3_BIT(3)
#define  GERROR_MSI_CMDQ_ABT_ERR	SMMU3_BIT(4)
#define  GERROR_MSI_EVENTQ_ABT_ERR	SMMU3_BIT(5)
#define  GERROR_MSI_PRIQ_ABT_ERR	SMMU3_BIT(6)
#define  GERROR_MSI_GERROR_ABT_ERR	SMMU3_BIT(7)
#define  GERROR_SFM_ERR			SMMU3_BIT(8)
#define  GERROR_ERR_MASK		0x1fdULL

#define SMMU3_GERRORN			0x64

#define SMMU3_GERROR_IRQ_CFG0		0x68	/* 64-bit */
#define SMMU3_GERROR_IRQ_CFG1		0x70
#define SMMU3_GERROR_IRQ_CFG2		0x74

#define SMMU3_STRTAB_BASE		0x80	/* 64-bit */
#define  STRTAB_BASE_ADDR		SMMU3_GENMASK(51, 6)
#define  STRTAB_BASE_RA			SMMU3_BIT(62)

#define SMMU3_STRTAB_BASE_CFG		0x88
#define  STRTAB_BASE_CFG_LOG2SIZE	SMMU3_GENMASK(5, 0)
#define  STRTAB_BASE_CFG_SPLIT		SMMU3_GENMASK(10, 6)
#define  STRTAB_BASE_CFG_FMT		SMMU3_GENMASK(17, 16)
#define   STRTAB_BASE_CFG_FMT_LINEAR	0
#define   STRTAB_BASE_CFG_FMT_2LVL	1

#define SMMU3_CMDQ_BASE			0x90	/* 64-bit */
#define SMMU3_CMDQ_PROD			0x98
#define SMMU3_CMDQ_CONS			0x9c
#define  CMDQ_CONS_ERR			SMMU3_GENMASK(30, 24)
#define   CERROR_NONE			0
#define   CERROR_ILL			1
#define   CERROR_ABT			2
#define   CERROR_ATC_INV_SYNC		3

#define SMMU3_EVENTQ_BASE		0xa0	/* 64-bit */
#define SMMU3_EVENTQ_PROD		0xa8	/* page-0 alias of page 1 */
#define SMMU3_EVENTQ_CONS		0xac	/* page-0 alias of page 1 */
#define SMMU3_EVENTQ_IRQ_CFG0		0xb0	/* 64-bit */
#define SMMU3_EVENTQ_IRQ_CFG1		0xb8
#define SMMU3_EVENTQ_IRQ_CFG2		0xbc

#define SMMU3_PRIQ_BASE			0xc0	/* 64-bit */
#define SMMU3_PRIQ_PROD			0xc8	/* page-0 alias of page 1 */
#define SMMU3_PRIQ_CONS			0xcc	/* page-0 alias of page 1 */
#define SMMU3_PRIQ_IRQ_CFG0		0xd0	/* 64-bit */
#define SMMU3_PRIQ_IRQ_CFG1		0xd8
#define SMMU3_PRIQ_IRQ_CFG2		0xdc

/* Queue indices the driver uses live in page 1 */
#define SMMU3_EVENTQ_PROD_P1		(SMMU3_PAGE_SIZE + 0xa8)
#define SMMU3_EVENTQ_CONS_P1		(SMMU3_PAGE_SIZE + 0xac)
#define SMMU3_PRIQ_PROD_P1		(SMMU3_PAGE_SIZE + 0xc8)
#define SMMU3_PRIQ_CONS_P1		(SMMU3_PAGE_SIZE + 0xcc)

/* ID registers at the end of page 0 (PIDR/CIDR) */
#define SMMU3_IDREGS			0xfd0

/* MSI configuration registers (*_IRQ_CFG0/1/2) */
#define MSI_CFG0_ADDR			SMMU3_GENMASK(51, 2)
#define MSI_CFG2_MEMATTR		SMMU3_GENMASK(3, 0)
#define MSI_CFG2_SH			SMMU3_GENMASK(5, 4)
#define  SMMU3_MEMATTR_DEVICE_NGNRE	0x1
#define  SMMU3_MEMATTR_OIWB		0xf

/* ----------------------------------------------------------------------
 * Queues: *_BASE registers and PROD/CONS index layout
 */
#define Q_BASE_LOG2SIZE			SMMU3_GENMASK(4, 0)
#define Q_BASE_ADDR			SMMU3_GENMASK(51, 5)
#define Q_BASE_RA			SMMU3_BIT(62)	/* RA for cmdq, WA for evtq */
/*
 * PROD/CONS: index in bits [log2size-1:0], wrap bit at [log2size],
 * and bit 31 is the overflow flag (EVENTQ/PRIQ PROD) or its
 * acknowledgment (CONS).
 */
#define Q_OVF				SMMU3_BIT(31)
#define Q_MAX_LOG2SIZE			19

#define CMDQ_ENT_DWORDS			2
#define EVTQ_ENT_DWORDS			4
#define PRIQ_ENT_DWORDS			2

/* ----------------------------------------------------------------------
 * Stream table
 */
#define STRTAB_L1_DESC_DWORDS		1
#define STRTAB_L1_DESC_SPAN		SMMU3_GENMASK(4, 0)
#define STRTAB_L1_DESC_L2PTR		SMMU3_GENMASK(51, 6)

#define STE_DWORDS			8
#define STE_SIZE			64

#define STE_0_V				SMMU3_BIT(0)
#define STE_0_CONFIG			SMMU3_GENMASK(3, 1)
#define  STE_CONFIG_ABORT		0
#define  STE_CONFIG_BYPASS		4
#define  STE_CONFIG_S1			5
#define  STE_CONFIG_S2			6
#define  STE_CONFIG_NESTED		7
#define STE_0_S1FMT			SMMU3_GENMASK(5, 4)
#define  STE_S1FMT_LINEAR		0
#define  STE_S1FMT_2LVL_4K		1
#define  STE_S1FMT_2LVL_64K		2
#define STE_0_S1CONTEXTPTR		SMMU3_GENMASK(51, 6)
#define STE_0_S1CDMAX			SMMU3_GENMASK(63, 59)

#define STE_1_S1DSS			SMMU3_GENMASK(1, 0)
#define  STE_S1DSS_TERMINATE		0
#define  STE_S1DSS_BYPASS		1
#define  STE_S1DSS_SSID0		2
#define STE_1_S1CIR			SMMU3_GENMASK(3, 2)
#define STE_1_S1COR			SMMU3_GENMASK(5, 4)
#define STE_1_S1CSH			SMMU3_GENMASK(7, 6)
#define  STE_S1C_NC			0
#define  STE_S1C_WBRA			1
#define  STE_S1C_WT			2
#define  STE_S1C_WB			3
#define STE_1_S1STALLD			SMMU3_BIT(27)
#define STE_1_EATS			SMMU3_GENMASK(29, 28)
#define  STE_EATS_ABT			0
#define  STE_EATS_TRANS			1
#define  STE_EATS_S1CHK			2
#define STE_1_STRW			SMMU3_GENMASK(31, 30)
#define  STE_STRW_NSEL1			0
#define  STE_STRW_EL2			2
#define STE_1_MEMATTR			SMMU3_GENMASK(35, 32)
#define STE_1_MTCFG			SMMU3_BIT(36)
#define STE_1_ALLOCCFG			SMMU3_GENMASK(40, 37)
#define STE_1_SHCFG			SMMU3_GENMASK(45, 44)
#define  STE_SHCFG_NSH			0
#define  STE_SHCFG_INCOMING		1
#define  STE_SHCFG_OSH			2
#define  STE_SHCFG_ISH			3
#define STE_1_NSCFG			SMMU3_GENMASK(47, 46)
#define STE_1_PRIVCFG			SMMU3_GENMASK(49, 48)
#define STE_1_INSTCFG			SMMU3_GENMASK(51, 50)

#define STE_2_S2VMID			SMMU3_GENMASK(15, 0)
#define STE_2_VTCR			SMMU3_GENMASK(50, 32)
#define STE_2_S2T0SZ			SMMU3_GENMASK(37, 32)
#define STE_2_S2SL0			SMMU3_GENMASK(39, 38)
#define STE_2_S2IR0			SMMU3_GENMASK(41, 40)
#define STE_2_S2OR0			SMMU3_GENMASK(43, 42)
#define STE_2_S2SH0			SMMU3_GENMASK(45, 44)
#define STE_2_S2TG			SMMU3_GENMASK(47, 46)
#define STE_2_S2PS			SMMU3_GENMASK(50, 48)
#define STE_2_S2AA64			SMMU3_BIT(51)
#define STE_2_S2ENDI			SMMU3_BIT(52)
#define STE_2_S2AFFD			SMMU3_BIT(53)
#define STE_2_S2PTW			SMMU3_BIT(54)
#define STE_2_S2HD			SMMU3_BIT(55)
#define STE_2_S2HA			SMMU3_BIT(56)
#define STE_2_S2S			SMMU3_BIT(57)
#define STE_2_S2R			SMMU3_BIT(58)

#define STE_3_S2TTB			SMMU3_GENMASK(51, 4)

/* Stage-2 translation granule encodings (STE.S2TG, VTCR.TG0) */
#define S2TG_4K				0
#define S2TG_64K			1
#define S2TG_16K			2

/* ----------------------------------------------------------------------
 * Context descriptors
 */
#define CD_DWORDS			8
#define CD_SIZE				64

#define CD_L1_DESC_V			SMMU3_BIT(0)
#define CD_L1_DESC_L2PTR		SMMU3_GENMASK(51, 12)
#define CD_L2_ENTRIES_LOG2		10

#define CD_0_T0SZ			SMMU3_GENMASK(5, 0)
#define CD_0_TG0			SMMU3_GENMASK(7, 6)
#define  CD_TG0_4K			0
#define  CD_TG0_64K			1
#define  CD_TG0_16K			2
#define CD_0_IR0			SMMU3_GENMASK(9, 8)
#define CD_0_OR0			SMMU3_GENMASK(11, 10)
#define CD_0_SH0			SMMU3_GENMASK(13, 12)
#define CD_0_EPD0			SMMU3_BIT(14)
#define CD_0_ENDI			SMMU3_BIT(15)
#define CD_0_T1SZ			SMMU3_GENMASK(21, 16)
#define CD_0_TG1			SMMU3_GENMASK(23, 22)
#define CD_0_IR1			SMMU3_GENMASK(25, 24)
#define CD_0_OR1			SMMU3_GENMASK(27, 26)
#define CD_0_SH1			SMMU3_GENMASK(29, 28)
#define CD_0_EPD1			SMMU3_BIT(30)
#define CD_0_V				SMMU3_BIT(31)
#define CD_0_IPS			SMMU3_GENMASK(34, 32)
#define CD_0_AFFD			SMMU3_BIT(35)
#define CD_0_WXN			SMMU3_BIT(36)
#define CD_0_UWXN			SMMU3_BIT(37)
#define CD_0_TBI0			SMMU3_BIT(38)
#define CD_0_TBI1			SMMU3_BIT(39)
#define CD_0_PAN			SMMU3_BIT(40)
#define CD_0_AA64			SMMU3_BIT(41)
#define CD_0_HD				SMMU3_BIT(42)
#define CD_0_HA				SMMU3_BIT(43)
#define CD_0_S				SMMU3_BIT(44)
#define CD_0_R				SMMU3_BIT(45)
#define CD_0_A				SMMU3_BIT(46)
#define CD_0_ASET			SMMU3_BIT(47)
#define CD_0_ASID			SMMU3_GENMASK(63, 48)

#define CD_1_TTB0			SMMU3_GENMASK(51, 4)
#define CD_2_TTB1			SMMU3_GENMASK(51, 4)
#define CD_3_MAIR			SMMU3_GENMASK(63, 0)

/* Intermediate/physical address size encodings (CD.IPS, STE.S2PS, OAS) */
#define PS_32				0
#define PS_36				1
#define PS_40				2
#define PS_42				3
#define PS_44				4
#define PS_48				5
#define PS_52				6

/* ----------------------------------------------------------------------
 * Commands (two doublewords)
 */
#define CMD_0_OP			SMMU3_GENMASK(7, 0)
#define CMD_0_SSEC			SMMU3_BIT(10)
#define CMD_0_SSV			SMMU3_BIT(11)
#define CMD_0_SSID			SMMU3_GENMASK(31, 12)
#define CMD_0_SID			SMMU3_GENMASK(63, 32)

#define CMD_OP_PREFETCH_CONFIG		0x01
#define CMD_OP_PREFETCH_ADDR		0x02
#define CMD_OP_CFGI_STE			0x03
#define CMD_OP_CFGI_STE_RANGE		0x04
#define CMD_OP_CFGI_ALL			0x04	/* CFGI_STE_RANGE, Range = 31 */
#define CMD_OP_CFGI_CD			0x05
#define CMD_OP_CFGI_CD_ALL		0x06
#define CMD_OP_CFGI_VMS_PIDM		0x07
#define CMD_OP_TLBI_NH_ALL		0x10
#define CMD_OP_TLBI_NH_ASID		0x11
#define CMD_OP_TLBI_NH_VA		0x12
#define CMD_OP_TLBI_NH_VAA		0x13
#define CMD_OP_TLBI_EL3_ALL		0x18
#define CMD_OP_TLBI_EL3_VA		0x1a
#define CMD_OP_TLBI_EL2_ALL		0x20
#define CMD_OP_TLBI_EL2_ASID		0x21
#define CMD_OP_TLBI_EL2_VA		0x22
#define CMD_OP_TLBI_EL2_VAA		0x23
#define CMD_OP_TLBI_S12_VMALL		0x28
#define CMD_OP_TLBI_S2_IPA		0x2a
#define CMD_OP_TLBI_NSNH_ALL		0x30
#define CMD_OP_ATC_INV			0x40
#define CMD_OP_PRI_RESP			0x41
#define CMD_OP_RESUME			0x44
#define CMD_OP_STALL_TERM		0x45
#define CMD_OP_SYNC			0x46

/* PREFETCH_CONFIG / PREFETCH_ADDR */
#define CMD_PREFETCH_1_SIZE		SMMU3_GENMASK(4, 0)
#define CMD_PREFETCH_1_STRIDE		SMMU3_GENMASK(9, 5)
#define CMD_PREFETCH_1_ADDR		SMMU3_GENMASK(63, 12)

/* CFGI_* */
#define CMD_CFGI_1_LEAF			SMMU3_BIT(0)
#define CMD_CFGI_1_RANGE		SMMU3_GENMASK(4, 0)
#define  CMD_CFGI_RANGE_ALL		31

/* TLBI_* */
#define CMD_TLBI_0_NUM			SMMU3_GENMASK(16, 12)
#define CMD_TLBI_0_SCALE		SMMU3_GENMASK(24, 20)
#define CMD_TLBI_0_VMID			SMMU3_GENMASK(47, 32)
#define CMD_TLBI_0_ASID			SMMU3_GENMASK(63, 48)
#define CMD_TLBI_1_LEAF			SMMU3_BIT(0)
#define CMD_TLBI_1_TTL			SMMU3_GENMASK(9, 8)
#define CMD_TLBI_1_TG			SMMU3_GENMASK(11, 10)
#define  CMD_TLBI_TG_4K			1
#define  CMD_TLBI_TG_16K		2
#define  CMD_TLBI_TG_64K		3
#define CMD_TLBI_1_VA			SMMU3_GENMASK(63, 12)
#define CMD_TLBI_1_IPA			SMMU3_GENMASK(51, 12)

/* ATC_INV */
#define CMD_ATC_0_GLOBAL		SMMU3_BIT(9)
#define CMD_ATC_1_SIZE			SMMU3_GENMASK(5, 0)
#define CMD_ATC_1_ADDR			SMMU3_GENMASK(63, 12)

/* PRI_RESP */
#define CMD_PRI_1_GRPID			SMMU3_GENMASK(8, 0)
#define CMD_PRI_1_RESP			SMMU3_GENMASK(13, 12)

/* RESUME / STALL_TERM */
#define CMD_RESUME_0_RESP		SMMU3_GENMASK(13, 12)
#define  CMD_RESUME_RESP_TERM		0
#define  CMD_RESUME_RESP_RETRY		1
#define  CMD_RESUME_RESP_ABORT		2
#define CMD_RESUME_1_STAG		SMMU3_GENMASK(15, 0)

/* CMD_SYNC */
#define CMD_SYNC_0_CS			SMMU3_GENMASK(13, 12)
#define  CMD_SYNC_CS_NONE		0
#define  CMD_SYNC_CS_IRQ		1
#define  CMD_SYNC_CS_SEV		2
#define CMD_SYNC_0_MSH			SMMU3_GENMASK(23, 22)
#define CMD_SYNC_0_MSIATTR		SMMU3_GENMASK(27, 24)
#define CMD_SYNC_0_MSIDATA		SMMU3_GENMASK(63, 32)
#define CMD_SYNC_1_MSIADDR		SMMU3_GENMASK(51, 2)

/* ----------------------------------------------------------------------
 * Event records (four doublewords)
 */
#define EVT_0_TYPE			SMMU3_GENMASK(7, 0)
#define EVT_0_SSV			SMMU3_BIT(11)
#define EVT_0_SSID			SMMU3_GENMASK(31, 12)
#define EVT_0_SID			SMMU3_GENMASK(63, 32)
#define EVT_1_STAG			SMMU3_GENMASK(15, 0)
#define EVT_1_STALL			SMMU3_BIT(31)
#define EVT_1_PNU			SMMU3_BIT(33)
#define EVT_1_IND			SMMU3_BIT(34)
#define EVT_1_RNW			SMMU3_BIT(35)
#define EVT_1_S2			SMMU3_BIT(39)
#define EVT_1_CLASS			SMMU3_GENMASK(41, 40)
#define  EVT_CLASS_CD			0
#define  EVT_CLASS_TTD			1
#define  EVT_CLASS_IN			2
#define EVT_1_TT_READ			SMMU3_BIT(44)
#define EVT_2_ADDR			SMMU3_GENMASK(63, 0)	/* IOVA, or fetch address */
#define EVT_3_IPA			SMMU3_GENMASK(51, 12)	/* stage-2 fault IPA */
#define EVT_3_FETCH_ADDR		SMMU3_GENMASK(51, 3)	/* F_*_FETCH, F_WALK_EABT */

#define EVT_F_UUT			0x01
#define EVT_C_BAD_STREAMID		0x02
#define EVT_F_STE_FETCH			0x03
#define EVT_C_BAD_STE			0x04
#define EVT_F_BAD_ATS_TREQ		0x05
#define EVT_F_STREAM_DISABLED		0x06
#define EVT_F_TRANSL_FORBIDDEN		0x07
#define EVT_C_BAD_SUBSTREAMID		0x08
#define EVT_F_CD_FETCH			0x09
#define EVT_C_BAD_CD			0x0a
#define EVT_F_WALK_EABT			0x0b
#define EVT_F_TRANSLATION		0x10
#define EVT_F_ADDR_SIZE			0x11
#define EVT_F_ACCESS			0x12
#define EVT_F_PERMISSION		0x13
#define EVT_F_TLB_CONFLICT		0x20
#define EVT_F_CFG_CONFLICT		0x21
#define EVT_E_PAGE_REQUEST		0x24
#define EVT_F_VMS_FETCH			0x25

/*
 * Initializer of a table of the event types' names indexed by type:
 * static const char *const names[] = SMMU3_EVT_NAMES;
 */
#define SMMU3_EVT_NAMES {					\
	[EVT_F_UUT] = "F_UUT",					\
	[EVT_C_BAD_STREAMID] = "C_BAD_STREAMID",		\
	[EVT_F_STE_FETCH] = "F_STE_FETCH",			\
	[EVT_C_BAD_STE] = "C_BAD_STE",				\
	[EVT_F_BAD_ATS_TREQ] = "F_BAD_ATS_TREQ",		\
	[EVT_F_STREAM_DISABLED] = "F_STREAM_DISABLED",		\
	[EVT_F_TRANSL_FORBIDDEN] = "F_TRANSL_FORBIDDEN",	\
	[EVT_C_BAD_SUBSTREAMID] = "C_BAD_SUBSTREAMID",		\
	[EVT_F_CD_FETCH] = "F_CD_FETCH",			\
	[EVT_C_BAD_CD] = "C_BAD_CD",				\
	[EVT_F_WALK_EABT] = "F_WALK_EABT",			\
	[EVT_F_TRANSLATION] = "F_TRANSLATION",			\
	[EVT_F_ADDR_SIZE] = "F_ADDR_SIZE",			\
	[EVT_F_ACCESS] = "F_ACCESS",				\
	[EVT_F_PERMISSION] = "F_PERMISSION",			\
	[EVT_F_TLB_CONFLICT] = "F_TLB_CONFLICT",		\
	[EVT_F_CFG_CONFLICT] = "F_CFG_CONFLICT",		\
	[EVT_E_PAGE_REQUEST] = "E_PAGE_REQUEST",		\
	[EVT_F_VMS_FETCH] = "F_VMS_FETCH",			\
}

/* PRI queue entries */
#define PRIQ_0_SID			SMMU3_GENMASK(31, 0)
#define PRIQ_0_SSID			SMMU3_GENMASK(51, 32)
#define PRIQ_0_PERM_PRIV		SMMU3_BIT(58)
#define PRIQ_0_PERM_EXEC		SMMU3_BIT(59)
#define PRIQ_0_PERM_READ		SMMU3_BIT(60)
#define PRIQ_0_PERM_WRITE		SMMU3_BIT(61)
#define PRIQ_0_PRG_LAST			SMMU3_BIT(62)
#define PRIQ_0_SSID_V			SMMU3_BIT(63)
#define PRIQ_1_PRG_IDX			SMMU3_GENMASK(8, 0)
#define PRIQ_1_ADDR			SMMU3_GENMASK(63, 12)

/* ----------------------------------------------------------------------
 * VMSAv8-64 translation table descriptors (stage 1 and stage 2)
 */
#define TTD_VALID			SMMU3_BIT(0)
#define TTD_TABLE			SMMU3_BIT(1)	/* table (level < 3) or page (level 3) */
#define TTD_ATTRINDX			SMMU3_GENMASK(4, 2)	/* stage 1 */
#define TTD_NS				SMMU3_BIT(5)
#define TTD_AP				SMMU3_GENMASK(7, 6)	/* stage 1 */
#define  TTD_AP_UNPRIV			SMMU3_BIT(6)	/* AP[1]: EL0 access */
#define  TTD_AP_RDONLY			SMMU3_BIT(7)	/* AP[2]: read-only */
#define TTD_S2_MEMATTR			SMMU3_GENMASK(5, 2)	/* stage 2 */
#define TTD_S2AP			SMMU3_GENMASK(7, 6)	/* stage 2 */
#define  TTD_S2AP_READ			SMMU3_BIT(6)
#define  TTD_S2AP_WRITE			SMMU3_BIT(7)
#define TTD_SH				SMMU3_GENMASK(9, 8)
#define TTD_AF				SMMU3_BIT(10)
#define TTD_NG				SMMU3_BIT(11)
#define TTD_DBM				SMMU3_BIT(51)
#define TTD_CONT			SMMU3_BIT(52)
#define TTD_PXN				SMMU3_BIT(53)	/* stage 1 */
#define TTD_UXN				SMMU3_BIT(54)	/* stage 1; XN[1] at stage 2 */
#define TTD_S2_XN			SMMU3_GENMASK(54, 53)
#define TTD_ADDR			SMMU3_GENMASK(47, 12)	/* 4K granule, 48-bit OA */
/* Table descriptor attributes (stage 1 only) */
#define TTD_PXNTABLE			SMMU3_BIT(59)
#define TTD_UXNTABLE			SMMU3_BIT(60)
#define TTD_APTABLE			SMMU3_GENMASK(62, 61)
#define  TTD_APTABLE_NO_EL0		SMMU3_BIT(61)
#define  TTD_APTABLE_RDONLY		SMMU3_BIT(62)
#define TTD_NSTABLE			SMMU3_BIT(63)

#endif /* SMMU3_ARCH_H */
