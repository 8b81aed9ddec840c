// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests of the SMMUv3 architecture definitions in
 * include/smmu3/smmu3-arch.h.
 *
 * Every expected value below was worked out by hand from the architected
 * layouts, not computed with the macros under test.  Two independent views
 * are used: whole 64-bit words packed with FIELD_PREP(), and the 32-bit
 * "word[n], bit, width" view in which the same structures are commonly
 * described (an STE is word[0..15], a command word[0..3], an event
 * word[0..7]).
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/kernel.h>
#include <linux/module.h>

#include <smmu3/smmu3-arch.h>

struct arch_reg {
	const char *name;
	u32 offset;
	u32 expected;
};

#define REG(r, off) { #r, SMMU3_##r, off }

static const struct arch_reg arch_regs[] = {
	REG(IDR0, 0x00), REG(IDR1, 0x04), REG(IDR2, 0x08), REG(IDR3, 0x0c),
	REG(IDR4, 0x10), REG(IDR5, 0x14), REG(IIDR, 0x18), REG(AIDR, 0x1c),
	REG(CR0, 0x20), REG(CR0ACK, 0x24), REG(CR1, 0x28), REG(CR2, 0x2c),
	REG(STATUSR, 0x40), REG(GBPA, 0x44), REG(IRQ_CTRL, 0x50),
	REG(IRQ_CTRLACK, 0x54), REG(GERROR, 0x60), REG(GERRORN, 0x64),
	REG(GERROR_IRQ_CFG0, 0x68), REG(GERROR_IRQ_CFG1, 0x70),
	REG(GERROR_IRQ_CFG2, 0x74), REG(STRTAB_BASE, 0x80),
	REG(STRTAB_BASE_CFG, 0x88), REG(CMDQ_BASE, 0x90), REG(CMDQ_PROD, 0x98),
	REG(CMDQ_CONS, 0x9c), REG(EVENTQ_BASE, 0xa0), REG(EVENTQ_PROD, 0xa8),
	REG(EVENTQ_CONS, 0xac), REG(EVENTQ_IRQ_CFG0, 0xb0),
	REG(EVENTQ_IRQ_CFG1, 0xb8), REG(EVENTQ_IRQ_CFG2, 0xbc),
	REG(PRIQ_BASE, 0xc0), REG(PRIQ_PROD, 0xc8), REG(PRIQ_CONS, 0xcc),
	REG(PRIQ_IRQ_CFG0, 0xd0), REG(PRIQ_IRQ_CFG1, 0xd8),
	REG(PRIQ_IRQ_CFG2, 0xdc), REG(EVENTQ_PROD_P1, 0x100a8),
	REG(EVENTQ_CONS_P1, 0x100ac), REG(PRIQ_PROD_P1, 0x100c8),
	REG(PRIQ_CONS_P1, 0x100cc), REG(IDREGS, 0xfd0),
};

static void arch_register_offsets(struct kunit *test)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(arch_regs); i++)
		KUNIT_EXPECT_EQ_MSG(test, arch_regs[i].offset,
				    arch_regs[i].expected, "register %s",
				    arch_regs[i].name);
	/* 64-bit registers must be 8-byte aligned */
	KUNIT_EXPECT_EQ(test, SMMU3_STRTAB_BASE % 8, 0);
	KUNIT_EXPECT_EQ(test, SMMU3_CMDQ_BASE % 8, 0);
	KUNIT_EXPECT_EQ(test, SMMU3_EVENTQ_BASE % 8, 0);
	KUNIT_EXPECT_EQ(test, SMMU3_GERROR_IRQ_CFG0 % 8, 0);
}

/*
 * A field described in the 32-bit word view: structure word @word, first
 * bit @pos, @len bits.  @dword is the 64-bit word the mask applies to.
 */
struct arch_field32 {
	const char *name;
	u64 mask;
	unsigned int dword;
	unsigned int word;
	unsigned int pos;
	unsigned int len;
};

#define F32(m, dw, w, p, l) { #m, m, dw, w, p, l }

static const struct arch_field32 arch_fields32[] = {
	/* registers: a "dword" of 0 and word 0 is the register itself */
	F32(IDR0_S1P, 0, 0, 1, 1),
	F32(IDR0_TTF, 0, 0, 2, 2),
	F32(IDR0_COHACC, 0, 0, 4, 1),
	F32(IDR0_ASID16, 0, 0, 12, 1),
	F32(IDR0_TTENDIAN, 0, 0, 21, 2),
	F32(IDR0_STALL_MODEL, 0, 0, 24, 2),
	F32(IDR0_TERM_MODEL, 0, 0, 26, 1),
	F32(IDR0_ST_LEVEL, 0, 0, 27, 2),
	F32(IDR1_SIDSIZE, 0, 0, 0, 6),
	F32(IDR1_SSIDSIZE, 0, 0, 6, 5),
	F32(IDR1_PRIQS, 0, 0, 11, 5),
	F32(IDR1_EVENTQS, 0, 0, 16, 5),
	F32(IDR1_CMDQS, 0, 0, 21, 5),
	F32(IDR3_HAD, 0, 0, 2, 1),
	F32(IDR3_RIL, 0, 0, 10, 1),
	F32(IDR3_BBML, 0, 0, 11, 2),
	F32(IDR5_OAS, 0, 0, 0, 3),
	F32(IDR5_GRAN4K, 0, 0, 4, 1),
	F32(IDR5_GRAN16K, 0, 0, 5, 1),
	F32(IDR5_GRAN64K, 0, 0, 6, 1),
	F32(CR0_SMMUEN, 0, 0, 0, 1),
	F32(CR0_EVENTQEN, 0, 0, 2, 1),
	F32(CR0_CMDQEN, 0, 0, 3, 1),
	F32(IRQ_CTRL_GERROR_IRQEN, 0, 0, 0, 1),
	F32(IRQ_CTRL_PRIQ_IRQEN, 0, 0, 1, 1),
	F32(IRQ_CTRL_EVENTQ_IRQEN, 0, 0, 2, 1),
	F32(GERROR_CMDQ_ERR, 0, 0, 0, 1),
	F32(GERROR_EVENTQ_ABT_ERR, 0, 0, 2, 1),
	F32(GERROR_PRIQ_ABT_ERR, 0, 0, 3, 1),
	F32(GERROR_MSI_CMDQ_ABT_ERR, 0, 0, 4, 1),
	F32(GERROR_MSI_EVENTQ_ABT_ERR, 0, 0, 5, 1),
	F32(GERROR_MSI_PRIQ_ABT_ERR, 0, 0, 6, 1),
	F32(GERROR_MSI_GERROR_ABT_ERR, 0, 0, 7, 1),
	F32(GERROR_SFM_ERR, 0, 0, 8, 1),
	F32(GBPA_ABORT, 0, 0, 20, 1),
	F32(GBPA_UPDATE, 0, 0, 31, 1),
	F32(STRTAB_BASE_CFG_FMT, 0, 0, 16, 2),
	F32(STRTAB_BASE_CFG_SPLIT, 0, 0, 6, 5),
	F32(STRTAB_BASE_CFG_LOG2SIZE, 0, 0, 0, 6),
	F32(CMDQ_CONS_ERR, 0, 0, 24, 7),
	/* STE: word[0..15] */
	F32(STE_0_V, 0, 0, 0, 1),
	F32(STE_0_CONFIG, 0, 0, 1, 3),
	F32(STE_0_S1FMT, 0, 0, 4, 2),
	F32(STE_0_S1CDMAX, 0, 1, 27, 5),
	F32(STE_1_S1STALLD, 1, 2, 27, 1),
	F32(STE_1_EATS, 1, 2, 28, 2),
	F32(STE_1_STRW, 1, 2, 30, 2),
	F32(STE_2_S2VMID, 2, 4, 0, 16),
	F32(STE_2_S2T0SZ, 2, 5, 0, 6),
	F32(STE_2_S2SL0, 2, 5, 6, 2),
	F32(STE_2_S2TG, 2, 5, 14, 2),
	F32(STE_2_S2PS, 2, 5, 16, 3),
	F32(STE_2_S2AA64, 2, 5, 19, 1),
	F32(STE_2_S2HD, 2, 5, 23, 1),
	F32(STE_2_S2HA, 2, 5, 24, 1),
	F32(STE_2_S2S, 2, 5, 25, 1),
	F32(STE_2_S2R, 2, 5, 26, 1),
	/* CD: word[0..15] */
	F32(CD_0_T0SZ, 0, 0, 0, 6),
	F32(CD_0_TG0, 0, 0, 6, 2),
	F32(CD_0_EPD0, 0, 0, 14, 1),
	F32(CD_0_ENDI, 0, 0, 15, 1),
	F32(CD_0_T1SZ, 0, 0, 16, 6),
	F32(CD_0_TG1, 0, 0, 22, 2),
	F32(CD_0_EPD1, 0, 0, 30, 1),
	F32(CD_0_V, 0, 0, 31, 1),
	F32(CD_0_IPS, 0, 1, 0, 3),
	F32(CD_0_TBI0, 0, 1, 6, 1),
	F32(CD_0_AA64, 0, 1, 9, 1),
	F32(CD_0_HD, 0, 1, 10, 1),
	F32(CD_0_HA, 0, 1, 11, 1),
	F32(CD_0_S, 0, 1, 12, 1),
	F32(CD_0_R, 0, 1, 13, 1),
	F32(CD_0_A, 0, 1, 14, 1),
	F32(CD_0_ASID, 0, 1, 16, 16),
	/* commands: word[0..3] */
	F32(CMD_0_OP, 0, 0, 0, 8),
	F32(CMD_0_SSEC, 0, 0, 10, 1),
	F32(CMD_0_SSV, 0, 0, 11, 1),
	F32(CMD_0_SSID, 0, 0, 12, 20),
	F32(CMD_0_SID, 0, 1, 0, 32),
	F32(CMD_TLBI_0_NUM, 0, 0, 12, 5),
	F32(CMD_TLBI_0_SCALE, 0, 0, 20, 5),
	F32(CMD_TLBI_0_VMID, 0, 1, 0, 16),
	F32(CMD_TLBI_0_ASID, 0, 1, 16, 16),
	F32(CMD_SYNC_0_CS, 0, 0, 12, 2),
	F32(CMD_TLBI_1_LEAF, 1, 2, 0, 1),
	F32(CMD_TLBI_1_TTL, 1, 2, 8, 2),
	F32(CMD_TLBI_1_TG, 1, 2, 10, 2),
	F32(CMD_CFGI_1_RANGE, 1, 2, 0, 5),
	F32(CMD_RESUME_1_STAG, 1, 2, 0, 16),
	/* events: word[0..7] */
	F32(EVT_0_TYPE, 0, 0, 0, 8),
	F32(EVT_0_SSV, 0, 0, 11, 1),
	F32(EVT_0_SSID, 0, 0, 12, 20),
	F32(EVT_0_SID, 0, 1, 0, 32),
	F32(EVT_1_STAG, 1, 2, 0, 16),
	F32(EVT_1_STALL, 1, 2, 31, 1),
	F32(EVT_1_PNU, 1, 3, 1, 1),
	F32(EVT_1_IND, 1, 3, 2, 1),
	F32(EVT_1_RNW, 1, 3, 3, 1),
	F32(EVT_1_S2, 1, 3, 7, 1),
	F32(EVT_1_CLASS, 1, 3, 8, 2),
};

static void arch_fields_word32_view(struct kunit *test)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(arch_fields32); i++) {
		const struct arch_field32 *f = &arch_fields32[i];
		unsigned int shift = f->pos + 32 * (f->word % 2);
		u64 expected = GENMASK_ULL(shift + f->len - 1, shift);

		KUNIT_EXPECT_EQ_MSG(test, f->word / 2, f->dword,
				    "%s: word %u is not in doubleword %u",
				    f->name, f->word, f->dword);
		KUNIT_EXPECT_EQ_MSG(test, f->mask, expected,
				    "%s: expected word[%u] bits %u+%u",
				    f->name, f->word, f->pos, f->len);
	}
}

/* Fields sharing one doubleword must not overlap: a typo shows up here. */
static void expect_disjoint(struct kunit *test, const char *what,
			    const u64 *masks, int n)
{
	u64 seen = 0;
	int i;

	for (i = 0; i < n; i++) {
		KUNIT_EXPECT_EQ_MSG(test, seen & masks[i], 0ULL,
				    "%s: field %d overlaps an earlier one",
				    what, i);
		seen |= masks[i];
	}
}

static void arch_fields_disjoint(struct kunit *test)
{
	static const u64 ste0[] = {
		STE_0_V, STE_0_CONFIG, STE_0_S1FMT, STE_0_S1CONTEXTPTR,
		STE_0_S1CDMAX,
	};
	static const u64 ste1[] = {
		STE_1_S1DSS, STE_1_S1CIR, STE_1_S1COR, STE_1_S1CSH,
		STE_1_S1STALLD, STE_1_EATS, STE_1_STRW, STE_1_MEMATTR,
		STE_1_MTCFG, STE_1_ALLOCCFG, STE_1_SHCFG, STE_1_NSCFG,
		STE_1_PRIVCFG, STE_1_INSTCFG,
	};
	static const u64 ste2[] = {
		STE_2_S2VMID, STE_2_S2T0SZ, STE_2_S2SL0, STE_2_S2IR0,
		STE_2_S2OR0, STE_2_S2SH0, STE_2_S2TG, STE_2_S2PS,
		STE_2_S2AA64, STE_2_S2ENDI, STE_2_S2AFFD, STE_2_S2PTW,
		STE_2_S2HD, STE_2_S2HA, STE_2_S2S, STE_2_S2R,
	};
	static const u64 cd0[] = {
		CD_0_T0SZ, CD_0_TG0, CD_0_IR0, CD_0_OR0, CD_0_SH0, CD_0_EPD0,
		CD_0_ENDI, CD_0_T1SZ, CD_0_TG1, CD_0_IR1, CD_0_OR1, CD_0_SH1,
		CD_0_EPD1, CD_0_V, CD_0_IPS, CD_0_AFFD, CD_0_WXN, CD_0_UWXN,
		CD_0_TBI0, CD_0_TBI1, CD_0_PAN, CD_0_AA64, CD_0_HD, CD_0_HA,
		CD_0_S, CD_0_R, CD_0_A, CD_0_ASET, CD_0_ASID,
	};
	static const u64 tlbi0[] = {
		CMD_0_OP, CMD_TLBI_0_NUM, CMD_TLBI_0_SCALE, CMD_TLBI_0_VMID,
		CMD_TLBI_0_ASID,
	};
	static const u64 tlbi1[] = {
		CMD_TLBI_1_LEAF, CMD_TLBI_1_TTL, CMD_TLBI_1_TG, CMD_TLBI_1_VA,
	};
	static const u64 sync0[] = {
		CMD_0_OP, CMD_SYNC_0_CS, CMD_SYNC_0_MSH, CMD_SYNC_0_MSIATTR,
		CMD_SYNC_0_MSIDATA,
	};
	static const u64 evt1[] = {
		EVT_1_STAG, EVT_1_STALL, EVT_1_PNU, EVT_1_IND, EVT_1_RNW,
		EVT_1_S2, EVT_1_CLASS, EVT_1_TT_READ,
	};
	static const u64 pte_s1[] = {
		TTD_VALID, TTD_TABLE, TTD_ATTRINDX, TTD_NS, TTD_AP, TTD_SH,
		TTD_AF, TTD_NG, TTD_ADDR, TTD_DBM, TTD_CONT, TTD_PXN, TTD_UXN,
	};
	static const u64 gerror[] = {
		GERROR_CMDQ_ERR, GERROR_EVENTQ_ABT_ERR, GERROR_PRIQ_ABT_ERR,
		GERROR_MSI_CMDQ_ABT_ERR, GERROR_MSI_EVENTQ_ABT_ERR,
		GERROR_MSI_PRIQ_ABT_ERR, GERROR_MSI_GERROR_ABT_ERR,
		GERROR_SFM_ERR,
	};

	expect_disjoint(test, "STE dword 0", ste0, ARRAY_SIZE(ste0));
	expect_disjoint(test, "STE dword 1", ste1, ARRAY_SIZE(ste1));
	expect_disjoint(test, "STE dword 2", ste2, ARRAY_SIZE(ste2));
	expect_disjoint(test, "CD dword 0", cd0, ARRAY_SIZE(cd0));
	expect_disjoint(test, "TLBI dword 0", tlbi0, ARRAY_SIZE(tlbi0));
	expect_disjoint(test, "TLBI dword 1", tlbi1, ARRAY_SIZE(tlbi1));
	expect_disjoint(test, "CMD_SYNC dword 0", sync0, ARRAY_SIZE(sync0));
	expect_disjoint(test, "event dword 1", evt1, ARRAY_SIZE(evt1));
	expect_disjoint(test, "stage-1 PTE", pte_s1, ARRAY_SIZE(pte_s1));
	expect_disjoint(test, "GERROR", gerror, ARRAY_SIZE(gerror));
	/* GERROR_ERR_MASK is exactly the union of the error bits */
	KUNIT_EXPECT_EQ(test, GERROR_CMDQ_ERR | GERROR_EVENTQ_ABT_ERR |
			GERROR_PRIQ_ABT_ERR | GERROR_MSI_CMDQ_ABT_ERR |
			GERROR_MSI_EVENTQ_ABT_ERR | GERROR_MSI_PRIQ_ABT_ERR |
			GERROR_MSI_GERROR_ABT_ERR | GERROR_SFM_ERR,
			GERROR_ERR_MASK);
}

static void arch_ste_stage1(struct kunit *test)
{
	u64 w0, w1;

	/* Linear CD table at 0x4_1234_5640, one CD */
	w0 = STE_0_V | FIELD_PREP(STE_0_CONFIG, STE_CONFIG_S1) |
	     FIELD_PREP(STE_0_S1FMT, STE_S1FMT_LINEAR) |
	     (0x412345640ULL & STE_0_S1CONTEXTPTR);
	KUNIT_EXPECT_EQ(test, w0, 0x000000041234564bULL);

	/* 2-level CD table with 4K leaves, 2^10 SSIDs */
	w0 = STE_0_V | FIELD_PREP(STE_0_CONFIG, STE_CONFIG_S1) |
	     FIELD_PREP(STE_0_S1FMT, STE_S1FMT_2LVL_4K) |
	     (0x412345640ULL & STE_0_S1CONTEXTPTR) |
	     FIELD_PREP(STE_0_S1CDMAX, 10);
	KUNIT_EXPECT_EQ(test, w0, 0x500000041234565bULL);

	w1 = FIELD_PREP(STE_1_S1DSS, STE_S1DSS_SSID0) |
	     FIELD_PREP(STE_1_S1CIR, STE_S1C_WBRA) |
	     FIELD_PREP(STE_1_S1COR, STE_S1C_WBRA) |
	     FIELD_PREP(STE_1_S1CSH, SMMU3_SH_ISH) | STE_1_S1STALLD |
	     FIELD_PREP(STE_1_EATS, STE_EATS_TRANS) |
	     FIELD_PREP(STE_1_STRW, STE_STRW_EL2) |
	     FIELD_PREP(STE_1_SHCFG, STE_SHCFG_INCOMING);
	KUNIT_EXPECT_EQ(test, w1, 0x00001000980000d6ULL);

	/* The pointer field keeps bits [51:6] only */
	KUNIT_EXPECT_EQ(test, STE_0_S1CONTEXTPTR, 0x000fffffffffffc0ULL);
	KUNIT_EXPECT_EQ(test, FIELD_GET(STE_0_CONFIG, 0x000000041234564bULL),
			(u64)STE_CONFIG_S1);
	/* Config values: bit 2 set = not abort; bits 0/1 = stage 1/2 */
	KUNIT_EXPECT_EQ(test, STE_CONFIG_S1 & 3, 1);
	KUNIT_EXPECT_EQ(test, STE_CONFIG_S2 & 3, 2);
	KUNIT_EXPECT_EQ(test, STE_CONFIG_NESTED & 3, 3);
	KUNIT_EXPECT_EQ(test, STE_CONFIG_BYPASS & 3, 0);
}

static void arch_ste_stage2(struct kunit *test)
{
	u64 vtcr, w2, w3;

	w2 = FIELD_PREP(STE_2_S2VMID, 0xbeef) |
	     FIELD_PREP(STE_2_S2T0SZ, 25) | FIELD_PREP(STE_2_S2SL0, 1) |
	     FIELD_PREP(STE_2_S2IR0, 1) | FIELD_PREP(STE_2_S2OR0, 1) |
	     FIELD_PREP(STE_2_S2SH0, SMMU3_SH_ISH) |
	     FIELD_PREP(STE_2_S2TG, S2TG_4K) | FIELD_PREP(STE_2_S2PS, PS_48) |
	     STE_2_S2AA64 | STE_2_S2PTW | STE_2_S2R;
	KUNIT_EXPECT_EQ(test, w2, 0x044d35590000beefULL);

	/* The same VTCR written as one field, in VTCR_EL2 bit order */
	vtcr = 25 | (1 << 6) | (1 << 8) | (1 << 10) | (3 << 12) |
	       (S2TG_4K << 14) | (PS_48 << 16);
	KUNIT_EXPECT_EQ(test, vtcr, 0x53559ULL);
	w3 = FIELD_PREP(STE_2_VTCR, vtcr) | FIELD_PREP(STE_2_S2VMID, 0xbeef) |
	     STE_2_S2AA64 | STE_2_S2PTW | STE_2_S2R;
	KUNIT_EXPECT_EQ(test, w3, w2);

	w3 = 0x0000000880001000ULL & STE_3_S2TTB;
	KUNIT_EXPECT_EQ(test, w3, 0x0000000880001000ULL);
	KUNIT_EXPECT_EQ(test, STE_3_S2TTB, 0x000ffffffffffff0ULL);
}

static void arch_cd(struct kunit *test)
{
	u64 w0;

	/* 48-bit VA, 4K granule, WBWA inner/outer, ISH, ASID 0x1234 */
	w0 = FIELD_PREP(CD_0_T0SZ, 16) | FIELD_PREP(CD_0_TG0, CD_TG0_4K) |
	     FIELD_PREP(CD_0_IR0, 1) | FIELD_PREP(CD_0_OR0, 1) |
	     FIELD_PREP(CD_0_SH0, SMMU3_SH_ISH) | CD_0_EPD1 | CD_0_V |
	     FIELD_PREP(CD_0_IPS, PS_48) | CD_0_AA64 | CD_0_R | CD_0_A |
	     CD_0_ASET | FIELD_PREP(CD_0_ASID, 0x1234);
	KUNIT_EXPECT_EQ(test, w0, 0x1234e205c0003510ULL);

	KUNIT_EXPECT_EQ(test, CD_1_TTB0, 0x000ffffffffffff0ULL);
	KUNIT_EXPECT_EQ(test, CD_L1_DESC_L2PTR, 0x000ffffffffff000ULL);
	KUNIT_EXPECT_EQ(test, FIELD_GET(CD_0_ASID, w0), 0x1234ULL);
	KUNIT_EXPECT_EQ(test, FIELD_GET(CD_0_IPS, w0), (u64)PS_48);
	KUNIT_EXPECT_EQ(test, 1 << CD_L2_ENTRIES_LOG2, 1024);
}

static void arch_cmd_tlbi(struct kunit *test)
{
	u64 w0, w1;

	/* TLBI_NH_VA, range form: NUM=3, SCALE=1, TG=4K, TTL=3, leaf */
	w0 = FIELD_PREP(CMD_0_OP, CMD_OP_TLBI_NH_VA) |
	     FIELD_PREP(CMD_TLBI_0_NUM, 3) | FIELD_PREP(CMD_TLBI_0_SCALE, 1) |
	     FIELD_PREP(CMD_TLBI_0_ASID, 0x1234);
	w1 = (0x00007fff12345000ULL & CMD_TLBI_1_VA) | CMD_TLBI_1_LEAF |
	     FIELD_PREP(CMD_TLBI_1_TTL, 3) |
	     FIELD_PREP(CMD_TLBI_1_TG, CMD_TLBI_TG_4K);
	KUNIT_EXPECT_EQ(test, w0, 0x1234000000103012ULL);
	KUNIT_EXPECT_EQ(test, w1, 0x00007fff12345701ULL);

	/* TLBI_S2_IPA with VMID 0x77 */
	w0 = FIELD_PREP(CMD_0_OP, CMD_OP_TLBI_S2_IPA) |
	     FIELD_PREP(CMD_TLBI_0_VMID, 0x77);
	KUNIT_EXPECT_EQ(test, w0, 0x000000770000002aULL);
	KUNIT_EXPECT_EQ(test, CMD_TLBI_1_IPA, 0x000ffffffffff000ULL);

	KUNIT_EXPECT_EQ(test, CMD_OP_TLBI_NH_ALL, 0x10);
	KUNIT_EXPECT_EQ(test, CMD_OP_TLBI_NH_ASID, 0x11);
	KUNIT_EXPECT_EQ(test, CMD_OP_TLBI_NH_VAA, 0x13);
	KUNIT_EXPECT_EQ(test, CMD_OP_TLBI_EL2_ALL, 0x20);
	KUNIT_EXPECT_EQ(test, CMD_OP_TLBI_S12_VMALL, 0x28);
	KUNIT_EXPECT_EQ(test, CMD_OP_TLBI_NSNH_ALL, 0x30);
}

static void arch_cmd_cfgi_sync(struct kunit *test)
{
	u64 w0, w1;

	w0 = FIELD_PREP(CMD_0_OP, CMD_OP_CFGI_STE) |
	     FIELD_PREP(CMD_0_SID, 0x10203);
	KUNIT_EXPECT_EQ(test, w0, 0x0001020300000003ULL);

	w0 = FIELD_PREP(CMD_0_OP, CMD_OP_CFGI_CD) | CMD_0_SSV |
	     FIELD_PREP(CMD_0_SSID, 0xabcde) | FIELD_PREP(CMD_0_SID, 7);
	KUNIT_EXPECT_EQ(test, w0, 0x00000007abcde805ULL);

	/* CFGI_ALL is CFGI_STE_RANGE with Range = 31 */
	w0 = FIELD_PREP(CMD_0_OP, CMD_OP_CFGI_ALL);
	w1 = FIELD_PREP(CMD_CFGI_1_RANGE, CMD_CFGI_RANGE_ALL);
	KUNIT_EXPECT_EQ(test, w0, 0x4ULL);
	KUNIT_EXPECT_EQ(test, w1, 0x1fULL);

	w0 = FIELD_PREP(CMD_0_OP, CMD_OP_SYNC) |
	     FIELD_PREP(CMD_SYNC_0_CS, CMD_SYNC_CS_SEV) |
	     FIELD_PREP(CMD_SYNC_0_MSH, SMMU3_SH_ISH) |
	     FIELD_PREP(CMD_SYNC_0_MSIATTR, SMMU3_MEMATTR_OIWB) |
	     FIELD_PREP(CMD_SYNC_0_MSIDATA, 0xdeadbeef);
	w1 = 0x0000400012345678ULL & CMD_SYNC_1_MSIADDR;
	KUNIT_EXPECT_EQ(test, w0, 0xdeadbeef0fc02046ULL);
	KUNIT_EXPECT_EQ(test, w1, 0x0000400012345678ULL);
	/* The MSI address is 4-byte aligned: bits [1:0] are dropped */
	KUNIT_EXPECT_EQ(test, 0x0000400012345677ULL & CMD_SYNC_1_MSIADDR,
			0x0000400012345674ULL);
}

static void arch_event_decode(struct kunit *test)
{
	/* F_TRANSLATION, SID 0x42, SSID 5, privileged read, class IN */
	const u64 evt[EVTQ_ENT_DWORDS] = {
		0x0000004200005810ULL, 0x0000020a00000000ULL,
		0x0000000012345678ULL, 0,
	};

	KUNIT_EXPECT_EQ(test, FIELD_GET(EVT_0_TYPE, evt[0]),
			(u64)EVT_F_TRANSLATION);
	KUNIT_EXPECT_TRUE(test, evt[0] & EVT_0_SSV);
	KUNIT_EXPECT_EQ(test, FIELD_GET(EVT_0_SSID, evt[0]), 5ULL);
	KUNIT_EXPECT_EQ(test, FIELD_GET(EVT_0_SID, evt[0]), 0x42ULL);
	KUNIT_EXPECT_TRUE(test, evt[1] & EVT_1_PNU);
	KUNIT_EXPECT_TRUE(test, evt[1] & EVT_1_RNW);
	KUNIT_EXPECT_FALSE(test, evt[1] & EVT_1_IND);
	KUNIT_EXPECT_FALSE(test, evt[1] & EVT_1_S2);
	KUNIT_EXPECT_EQ(test, FIELD_GET(EVT_1_CLASS, evt[1]),
			(u64)EVT_CLASS_IN);
	KUNIT_EXPECT_EQ(test, FIELD_GET(EVT_2_ADDR, evt[2]), 0x12345678ULL);

	KUNIT_EXPECT_EQ(test, EVT_C_BAD_STREAMID, 0x02);
	KUNIT_EXPECT_EQ(test, EVT_F_STE_FETCH, 0x03);
	KUNIT_EXPECT_EQ(test, EVT_C_BAD_STE, 0x04);
	KUNIT_EXPECT_EQ(test, EVT_C_BAD_SUBSTREAMID, 0x08);
	KUNIT_EXPECT_EQ(test, EVT_F_CD_FETCH, 0x09);
	KUNIT_EXPECT_EQ(test, EVT_C_BAD_CD, 0x0a);
	KUNIT_EXPECT_EQ(test, EVT_F_WALK_EABT, 0x0b);
	KUNIT_EXPECT_EQ(test, EVT_F_ADDR_SIZE, 0x11);
	KUNIT_EXPECT_EQ(test, EVT_F_ACCESS, 0x12);
	KUNIT_EXPECT_EQ(test, EVT_F_PERMISSION, 0x13);
}

static void arch_queue_layout(struct kunit *test)
{
	/* A 2^8-entry command queue at 0x8_0000_0000 with RA */
	u64 base = (0x800000000ULL & Q_BASE_ADDR) |
		   FIELD_PREP(Q_BASE_LOG2SIZE, 8) | Q_BASE_RA;
	u64 cfg, l1;

	KUNIT_EXPECT_EQ(test, base, 0x4000000800000008ULL);
	KUNIT_EXPECT_EQ(test, Q_OVF, 0x80000000ULL);
	KUNIT_EXPECT_EQ(test, CMDQ_ENT_DWORDS * 8, 16);
	KUNIT_EXPECT_EQ(test, EVTQ_ENT_DWORDS * 8, 32);
	KUNIT_EXPECT_EQ(test, PRIQ_ENT_DWORDS * 8, 16);
	KUNIT_EXPECT_EQ(test, STE_DWORDS * 8, STE_SIZE);
	KUNIT_EXPECT_EQ(test, CD_DWORDS * 8, CD_SIZE);

	/* 2-level stream table, SPLIT = 8, 2^16 StreamIDs */
	cfg = FIELD_PREP(STRTAB_BASE_CFG_FMT, STRTAB_BASE_CFG_FMT_2LVL) |
	      FIELD_PREP(STRTAB_BASE_CFG_SPLIT, 8) |
	      FIELD_PREP(STRTAB_BASE_CFG_LOG2SIZE, 16);
	KUNIT_EXPECT_EQ(test, cfg, 0x10210ULL);
	/* L1 descriptor: L2 table at 0x4_0000_1000, span 9 (256 STEs) */
	l1 = (0x400001000ULL & STRTAB_L1_DESC_L2PTR) |
	     FIELD_PREP(STRTAB_L1_DESC_SPAN, 9);
	KUNIT_EXPECT_EQ(test, l1, 0x0000000400001009ULL);
	KUNIT_EXPECT_EQ(test, FIELD_MAX(IDR1_SIDSIZE), 63ULL);
	KUNIT_EXPECT_EQ(test, FIELD_MAX(IDR1_CMDQS), 31ULL);
}

static void arch_pte(struct kunit *test)
{
	/* 4K level-3 page: PA 0x4000_2000, AttrIndx 1, RO, ISH, AF, nG, XN */
	u64 pte = TTD_VALID | TTD_TABLE | FIELD_PREP(TTD_ATTRINDX, 1) |
		  TTD_AP_RDONLY | FIELD_PREP(TTD_SH, SMMU3_SH_ISH) | TTD_AF |
		  TTD_NG | (0x40002000ULL & TTD_ADDR) | TTD_PXN | TTD_UXN;

	KUNIT_EXPECT_EQ(test, pte, 0x0060000040002f87ULL);
	/* Stage 2: read + write, XN[1:0] = 0b10 */
	pte = TTD_VALID | TTD_TABLE | FIELD_PREP(TTD_S2_MEMATTR, 0xf) |
	      TTD_S2AP_READ | TTD_S2AP_WRITE | TTD_AF |
	      FIELD_PREP(TTD_S2_XN, 2) | (0x40003000ULL & TTD_ADDR);
	KUNIT_EXPECT_EQ(test, pte, 0x00400000400034ffULL);
	/* Table descriptor with APTable = read-only, PXNTable */
	pte = TTD_VALID | TTD_TABLE | TTD_APTABLE_RDONLY | TTD_PXNTABLE |
	      (0x40004000ULL & TTD_ADDR);
	KUNIT_EXPECT_EQ(test, pte, 0x4800000040004003ULL);
	KUNIT_EXPECT_EQ(test, FIELD_GET(TTD_APTABLE, pte), 2ULL);
}

static struct kunit_case smmu3_arch_cases[] = {
	KUNIT_CASE(arch_register_offsets),
	KUNIT_CASE(arch_fields_word32_view),
	KUNIT_CASE(arch_fields_disjoint),
	KUNIT_CASE(arch_ste_stage1),
	KUNIT_CASE(arch_ste_stage2),
	KUNIT_CASE(arch_cd),
	KUNIT_CASE(arch_cmd_tlbi),
	KUNIT_CASE(arch_cmd_cfgi_sync),
	KUNIT_CASE(arch_event_decode),
	KUNIT_CASE(arch_queue_layout),
	KUNIT_CASE(arch_pte),
	{}
};

static struct kunit_suite smmu3_arch_suite = {
	.name = "smmu3-arch",
	.test_cases = smmu3_arch_cases,
};

kunit_test_suite(smmu3_arch_suite);

MODULE_DESCRIPTION("KUnit tests of the SMMUv3 architecture definitions");
MODULE_LICENSE("GPL");
