/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Model cases: what strict mode caches beyond leaf translations and
 * configuration structures -- the walk cache (table descriptors), level-1
 * stream table and CD descriptors, prefetch -- and the checker classes
 * that watch them (3 for table descriptors, and 4).
 * Included by model_cases.h, whose s3e_model_caching[] lists them.
 */
#ifndef S3E_CASES_CACHING_H
#define S3E_CASES_CACHING_H

/* Physical address of the descriptor of @ia at @level (the tables exist) */
static s3e_u64 tree_desc_pa(const struct tree *t, s3e_u64 ia,
			    unsigned int level)
{
	s3e_u64 table = t->base;
	unsigned int l;

	for (l = t->start; l < level; l++)
		table = (rd64(table + ((ia >> lshift(l)) & 511) * 8) &
			 GENMASK(47, 12)) - t->ofs;
	return table + ((ia >> lshift(level)) & 511) * 8;
}

#define WC_VA		0x40123000ULL

/*
 * Strict mode @strict, and a stage-1 stream (SID 1, ASID 5) mapping WC_VA
 * to DATA_PA
 */
static void wc_stream(unsigned int strict)
{
	cfg.strict = strict;
	smmu_up();
	s1_stream(1, 5);
	map_page(&s1t, WC_VA, DATA_PA, S1_RW);
}

/* TLBI_NH_VA of @va for ASID @asid with Leaf = 1 */
static void tlbi_va_leaf(unsigned int asid, s3e_u64 va)
{
	cmd(OP(TLBI_NH_VA) | FPC(CMD_TLBI_0_ASID, asid), va | CMD_TLBI_1_LEAF);
}

/*
 * A stage-1 stream (SID 1, ASID 5) whose WC_VA was translated, so that its
 * table descriptors are in the walk cache (strict mode); then the level-2
 * descriptor pointing at WC_VA's level-3 table is cleared, as a driver
 * unmapping the whole table does, and the leaf TLB entry invalidated with
 * Leaf = 1 only.  Returns the level-2 descriptor's address.
 */
static s3e_u64 wc_table_cleared(unsigned int strict)
{
	s3e_u64 l2;

	wc_stream(strict);
	EXPECT_EQ(xpa(1, NOSS, WC_VA, ACC_R), DATA_PA);
	l2 = tree_desc_pa(&s1t, WC_VA, 2);
	wr64(l2, 0);
	tlbi_va_leaf(5, WC_VA);
	cmd_sync();
	return l2;
}

/*
 * §3.21.1, §4.4.1: table descriptors may be cached (a walk cache) and only
 * a Leaf = 0 invalidation removes them.  Strict mode keeps walking the
 * unlinked table after a Leaf = 1 TLBI; default mode has no walk cache.
 */
S3E_CASE(wc_leaf_tlbi_keeps_table_walk)
{
	s3e_u64 hits;

	wc_table_cleared(0);
	EXPECT_EQ(xl(1, NOSS, WC_VA, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_F_TRANSLATION);
	EXPECT_EQ(st()->wc_hits, 0);

	model_reset();
	wc_table_cleared(1);
	hits = st()->wc_hits;
	EXPECT_EQ(xpa(1, NOSS, WC_VA, ACC_R), DATA_PA);
	EXPECT_EQ(st()->wc_hits > hits, 1);
	EXPECT_EQ(st()->wc_fills, 3);
}

/* Class 3 for a table descriptor: the missing command is a Leaf = 0 TLBI */
S3E_CASE(checker_wc_stale_table_reported)
{
	s3e_u64 l2 = wc_table_cleared(1);

	EXPECT_EQ(chk_count(S3E_CHK_TLB_STALE), 0);
	EXPECT_EQ(xpa(1, NOSS, WC_VA + 8, ACC_R), DATA_PA + 8);
	EXPECT_EQ(chk_count(S3E_CHK_TLB_STALE), 1);
	EXPECT_EQ(s3e_smmu_checker(smmu)->total, 1);
	EXPECT_EQ(chk_last()->cls, S3E_CHK_TLB_STALE);
	EXPECT_EQ(chk_last()->detail, S3E_CHK_T_TABLE);
	EXPECT_EQ(chk_last()->addr, l2);
	EXPECT_EQ(chk_last()->iova, WC_VA & ~(SZ_2M - 1));
	EXPECT_EQ(chk_last()->sid, 1);
	EXPECT_EQ(chk_last()->asid, 5);
	EXPECT_EQ(chk_last()->stage, 1);
	EXPECT_EQ(chk_last()->missing, CMD_OP_TLBI_NH_VA);
	/* Once */
	tlbi_va_leaf(5, WC_VA);
	cmd_sync();
	EXPECT_EQ(xpa(1, NOSS, WC_VA, ACC_R), DATA_PA);
	EXPECT_EQ(chk_count(S3E_CHK_TLB_STALE), 1);
}

/*
 * Class 4: the unlinked table is rewritten (its page reused) while the
 * walk cache still points to it; reported at the next CMD_SYNC, once,
 * whether or not a walk uses the entry.
 */
S3E_CASE(checker_wc_table_rewritten_reported)
{
	s3e_u64 l3;

	wc_table_cleared(1);
	l3 = PT_PA + 3 * SZ_4K;		/* levels 0, 1, 2, 3 in order */
	EXPECT_EQ(rd64(l3 + ((WC_VA >> 12) & 511) * 8) & GENMASK(47, 12),
		  DATA_PA);
	cmd_sync();
	EXPECT_EQ(chk_count(S3E_CHK_WALK_FREED), 0);
	memset(ram + (l3 - RAM_BASE), 0x5a, SZ_4K);
	cmd_sync();
	EXPECT_EQ(chk_count(S3E_CHK_WALK_FREED), 1);
	EXPECT_EQ(chk_last()->cls, S3E_CHK_WALK_FREED);
	EXPECT_EQ(chk_last()->detail, S3E_CHK_W_REWRITTEN);
	EXPECT_EQ(chk_last()->addr, l3);
	EXPECT_EQ(chk_last()->value, PT_PA + 2 * SZ_4K +
		  ((WC_VA >> 21) & 511) * 8);
	EXPECT_EQ(chk_last()->iova, WC_VA & ~(SZ_2M - 1));
	EXPECT_EQ(chk_last()->missing, CMD_OP_TLBI_NH_VA);
	cmd_sync();
	EXPECT_EQ(chk_count(S3E_CHK_WALK_FREED), 1);
	EXPECT_EQ(chk_count(S3E_CHK_TLB_STALE), 0);
}

static s3e_u64 wc_freed_pa;

static int wc_page_free(void *ctx, s3e_u64 pa)
{
	(void)ctx;
	return wc_freed_pa && (pa & ~(SZ_4K - 1)) == wc_freed_pa;
}

/* Class 4 through s3e_host.page_free: the table was given back */
S3E_CASE(checker_wc_table_freed_reported)
{
	host.page_free = wc_page_free;
	wc_freed_pa = 0;
	wc_table_cleared(1);
	cmd_sync();
	EXPECT_EQ(chk_count(S3E_CHK_WALK_FREED), 0);
	wc_freed_pa = PT_PA + 3 * SZ_4K;
	cmd_sync();
	EXPECT_EQ(chk_count(S3E_CHK_WALK_FREED), 1);
	EXPECT_EQ(chk_last()->detail, S3E_CHK_W_FREED);
	EXPECT_EQ(chk_last()->addr, wc_freed_pa);
	wc_freed_pa = 0;
}

/*
 * Classes 3 and 4, clean sequence: clear the table descriptor, TLBI with
 * Leaf = 0 and CMD_SYNC, then free (rewrite) the table: the walk faults,
 * nothing is reported.
 */
S3E_CASE(checker_wc_leaf0_then_free_clean)
{
	s3e_u64 l2;

	host.page_free = wc_page_free;
	wc_stream(1);
	EXPECT_EQ(xpa(1, NOSS, WC_VA, ACC_R), DATA_PA);
	l2 = tree_desc_pa(&s1t, WC_VA, 2);
	wr64(l2, 0);
	cmd(OP(TLBI_NH_VA) | FPC(CMD_TLBI_0_ASID, 5), WC_VA);
	cmd_sync();
	wc_freed_pa = PT_PA + 3 * SZ_4K;
	memset(ram + (wc_freed_pa - RAM_BASE), 0x5a, SZ_4K);
	cmd_sync();
	EXPECT_EQ(xl(1, NOSS, WC_VA, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_F_TRANSLATION);
	cmd_sync();
	EXPECT_EQ(s3e_smmu_checker(smmu)->total, 0);
	wc_freed_pa = 0;
}

/*
 * A page under the same tables starts its walk at level 3: one walk
 * cache hit and no new fill.  The walk of WC_VA also filled the next
 * page's translation speculatively (its first walk cache hit).
 */
S3E_CASE(wc_neighbour_walk_starts_below)
{
	wc_stream(1);
	map_page(&s1t, WC_VA + 2 * SZ_4K, DATA_PA + SZ_4K, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, WC_VA, ACC_R), DATA_PA);
	EXPECT_EQ(st()->wc_fills, 3);
	EXPECT_EQ(st()->wc_hits, 1);
	EXPECT_EQ(st()->walks, 1);
	EXPECT_EQ(xpa(1, NOSS, WC_VA + 2 * SZ_4K, ACC_R), DATA_PA + SZ_4K);
	EXPECT_EQ(st()->walks, 2);
	EXPECT_EQ(st()->wc_hits, 3);
	EXPECT_EQ(st()->wc_fills, 3);
	/* Another ASID does not share the entries */
	cd_write(CD_PA + 64 * 2, cd0(6), tree_ttb(&s1t));
	ste_s1(2, CD_PA + 64 * 2, 0, 0, 0);
	EXPECT_EQ(xpa(2, NOSS, WC_VA, ACC_R), DATA_PA);
	EXPECT_EQ(st()->wc_fills, 6);
}

/*
 * Speculative fill (strict mode): a walk also caches the next mapping,
 * whose later use is a TLB hit; default mode caches what was walked.
 */
S3E_CASE(spec_fill_next_mapping)
{
	unsigned int strict;

	for (strict = 0; strict < 2; strict++) {
		model_reset();
		wc_stream(strict);
		map_page(&s1t, WC_VA + SZ_4K, DATA_PA + 3 * SZ_4K, S1_RW);
		EXPECT_EQ(xpa(1, NOSS, WC_VA, ACC_R), DATA_PA);
		EXPECT_EQ(xpa(1, NOSS, WC_VA + SZ_4K, ACC_W),
			  DATA_PA + 3 * SZ_4K);
		EXPECT_EQ(st()->walks, strict ? 1 : 2);
		EXPECT_EQ(st()->tlb_answered, strict ? 1 : 0);
		EXPECT_EQ(st()->prefetched, strict ? 1 : 0);
	}
	/* Silent: the page after the next one is not mapped */
	EXPECT_EQ(evt_pending(), 0);
}

/*
 * The speculatively filled translation is a cached copy like any other:
 * remapping it without a TLBI leaves it in use (class 3), although the
 * stream never accessed it before the change.
 */
S3E_CASE(checker_spec_fill_stale_reported)
{
	wc_stream(1);
	map_page(&s1t, WC_VA + SZ_4K, DATA_PA + SZ_4K, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, WC_VA, ACC_R), DATA_PA);
	map_page(&s1t, WC_VA + SZ_4K, DATA_PA + 2 * SZ_4K, S1_RW);
	cmd_sync();
	EXPECT_EQ(xpa(1, NOSS, WC_VA + SZ_4K, ACC_R), DATA_PA + SZ_4K);
	EXPECT_EQ(chk_count(S3E_CHK_TLB_STALE), 1);
	EXPECT_EQ(chk_last()->detail, S3E_CHK_T_LEAF);
	EXPECT_EQ(chk_last()->iova, WC_VA + SZ_4K);
}

/* CMD_PREFETCH_ADDR fills the TLB in strict mode, silently (§4.2.2) */
S3E_CASE(prefetch_addr_fills_tlb)
{
	unsigned int strict;

	for (strict = 0; strict < 2; strict++) {
		model_reset();
		wc_stream(strict);
		map_page(&s1t, WC_VA + 2 * SZ_4K, DATA_PA + SZ_4K, S1_RW);
		/* 4 pages from WC_VA, stride 8K: WC_VA, +8K, +16K, +24K */
		cmd(OP(PREFETCH_ADDR) | FPC(CMD_0_SID, 1),
		    WC_VA | FPC(CMD_PREFETCH_1_SIZE, 2) |
		    FPC(CMD_PREFETCH_1_STRIDE, 1));
		cmd_sync();
		EXPECT_EQ(cmdq_idle(), 1);
		EXPECT_EQ(st()->prefetched, strict ? 3 : 0);
		EXPECT_EQ(xpa(1, NOSS, WC_VA + 2 * SZ_4K, ACC_R),
			  DATA_PA + SZ_4K);
		EXPECT_EQ(st()->walks, strict ? 0 : 1);
		EXPECT_EQ(evt_pending(), 0);
	}
	/* An invalid stream, or a SubstreamID it does not have: nothing */
	cmd(OP(PREFETCH_ADDR) | FPC(CMD_0_SID, 9), WC_VA);
	cmd(OP(PREFETCH_CONFIG) | FPC(CMD_0_SID, 1) | CMD_0_SSV |
	    FPC(CMD_0_SSID, 3), 0);
	cmd_sync();
	EXPECT_EQ(cmdq_idle(), 1);
	EXPECT_EQ(st()->prefetched, 3);
	EXPECT_EQ(evt_pending(), 0);
}

/*
 * CMD_PREFETCH_CONFIG caches the STE and CD (§4.2.1): a change made
 * afterwards without a CFGI is not seen, and its use is class 2.
 */
S3E_CASE(prefetch_config_then_unsynced_change)
{
	wc_stream(1);
	cmd(OP(PREFETCH_CONFIG) | FPC(CMD_0_SID, 1), 0);
	cmd_sync();
	EXPECT_EQ(st()->prefetched, 1);
	ste_abort(1);
	cmd_sync();
	EXPECT_EQ(xpa(1, NOSS, WC_VA, ACC_R), DATA_PA);
	EXPECT_EQ(chk_count(S3E_CHK_CFG_STALE), 1);
	EXPECT_EQ(chk_last()->detail, S3E_CHK_C_STRUCT);
	EXPECT_EQ(chk_last()->missing, CMD_OP_CFGI_STE);
}

/*
 * Speculative configuration fill: the STE a CFGI_STE invalidated is
 * fetched again at the CMD_SYNC, so a second change without a CFGI is
 * not seen (and is class 2) although no transaction came in between.
 */
S3E_CASE(spec_config_after_cfgi)
{
	cfg.strict = 1;
	smmu_up();
	ste_bypass(4);
	cmd(OP(CFGI_STE) | FPC(CMD_0_SID, 4), CMD_CFGI_1_LEAF);
	cmd_sync();
	EXPECT_EQ(st()->prefetched, 0);
	ste_abort(4);
	cmd(OP(CFGI_STE) | FPC(CMD_0_SID, 4), CMD_CFGI_1_LEAF);
	cmd_sync();
	EXPECT_EQ(st()->prefetched, 0);
	EXPECT_EQ(xl(4, NOSS, 0x5000, ACC_R), S3E_TXN_ABORT);
	ste_bypass(4);
	cmd_sync();
	EXPECT_EQ(xl(4, NOSS, 0x5000, ACC_R), S3E_TXN_ABORT);
	EXPECT_EQ(chk_count(S3E_CHK_CFG_STALE), 1);
}

/*
 * Scope of each invalidation on the walk cache (§4.4): after WC_VA's
 * level-2 table descriptor is cleared and its leaf invalidated, the
 * command under test and a CMD_SYNC; then WC_VA still translates through
 * the unlinked table if the walk cache kept the entry, and faults if not.
 */
struct wc_inv_case {
	const char *name;
	s3e_u64 cmd0;
	s3e_u64 cmd1;
	int removed;
};

static const struct wc_inv_case wc_inv_s1_cases[] = {
	{ "nh_va_leaf0", OP(TLBI_NH_VA) | FPC(CMD_TLBI_0_ASID, 5), WC_VA, 1 },
	{ "nh_va_leaf1", OP(TLBI_NH_VA) | FPC(CMD_TLBI_0_ASID, 5),
	  WC_VA | CMD_TLBI_1_LEAF, 0 },
	{ "nh_va_other_asid", OP(TLBI_NH_VA) | FPC(CMD_TLBI_0_ASID, 6),
	  WC_VA, 0 },
	{ "nh_va_other_2m", OP(TLBI_NH_VA) | FPC(CMD_TLBI_0_ASID, 5),
	  WC_VA + SZ_2M, 0 },
	{ "nh_vaa_leaf0", OP(TLBI_NH_VAA), WC_VA, 1 },
	{ "nh_vaa_leaf1", OP(TLBI_NH_VAA), WC_VA | CMD_TLBI_1_LEAF, 0 },
	{ "nh_va_range_leaf0", OP(TLBI_NH_VA) | FPC(CMD_TLBI_0_ASID, 5) |
	  FPC(CMD_TLBI_0_NUM, 3) | FPC(CMD_TLBI_0_SCALE, 0),
	  (WC_VA - 2 * SZ_4K) | FPC(CMD_TLBI_1_TG, CMD_TLBI_TG_4K), 1 },
	{ "nh_asid", OP(TLBI_NH_ASID) | FPC(CMD_TLBI_0_ASID, 5), 0, 1 },
	{ "nh_asid_other", OP(TLBI_NH_ASID) | FPC(CMD_TLBI_0_ASID, 4), 0, 0 },
	{ "nh_all", OP(TLBI_NH_ALL), 0, 1 },
	{ "nsnh_all", OP(TLBI_NSNH_ALL), 0, 1 },
	{ "cfgi_all", OP(CFGI_STE_RANGE), CMD_CFGI_RANGE_ALL, 0 },
};

S3E_PARAMS(wc_inv_s1_cases);

S3E_CASE(wc_invalidation_scope_s1)
{
	const struct wc_inv_case *c = test->param_value;

	wc_table_cleared(1);
	cmd(c->cmd0, c->cmd1);
	cmd_sync();
	if (c->removed) {
		EXPECT_EQ(xl(1, NOSS, WC_VA, ACC_R), S3E_TXN_FAULT);
		EXPECT_EQ(res.event, EVT_F_TRANSLATION);
	} else {
		EXPECT_EQ(xpa(1, NOSS, WC_VA, ACC_R), DATA_PA);
	}
}

#define WC_IPA		0x40000ULL

static const struct wc_inv_case wc_inv_s2_cases[] = {
	{ "s2_ipa_leaf0", OP(TLBI_S2_IPA) | FPC(CMD_TLBI_0_VMID, 7),
	  WC_IPA, 1 },
	{ "s2_ipa_leaf1", OP(TLBI_S2_IPA) | FPC(CMD_TLBI_0_VMID, 7),
	  WC_IPA | CMD_TLBI_1_LEAF, 0 },
	{ "s2_ipa_other_vmid", OP(TLBI_S2_IPA) | FPC(CMD_TLBI_0_VMID, 8),
	  WC_IPA, 0 },
	{ "s12_vmall", OP(TLBI_S12_VMALL) | FPC(CMD_TLBI_0_VMID, 7), 0, 1 },
	{ "nh_all_keeps_s2", OP(TLBI_NH_ALL) | FPC(CMD_TLBI_0_VMID, 7), 0, 0 },
	{ "nsnh_all", OP(TLBI_NSNH_ALL), 0, 1 },
};

S3E_PARAMS(wc_inv_s2_cases);

S3E_CASE(wc_invalidation_scope_s2)
{
	const struct wc_inv_case *c = test->param_value;
	struct tree t2;

	cfg.strict = 1;
	smmu_up();
	tree_new(&t2, 1, 0);
	map_page(&t2, WC_IPA, DATA_PA, S2_RW);
	ste_s2(2, 7, t2.base);
	EXPECT_EQ(xpa(2, NOSS, WC_IPA, ACC_R), DATA_PA);
	wr64(tree_desc_pa(&t2, WC_IPA, 2), 0);
	cmd(OP(TLBI_S2_IPA) | FPC(CMD_TLBI_0_VMID, 7),
	    WC_IPA | CMD_TLBI_1_LEAF);
	cmd(c->cmd0, c->cmd1);
	cmd_sync();
	if (c->removed)
		EXPECT_EQ(xl(2, NOSS, WC_IPA, ACC_R), S3E_TXN_FAULT);
	else
		EXPECT_EQ(xpa(2, NOSS, WC_IPA, ACC_R), DATA_PA);
}

/* Reset empties the walk cache */
S3E_CASE(wc_reset_drops)
{
	s3e_u64 hits;

	wc_table_cleared(1);
	hits = st()->wc_hits;
	s3e_smmu_reset(smmu);
	smmu_regs_up();
	EXPECT_EQ(xl(1, NOSS, WC_VA, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(st()->wc_hits, hits);
}

/* ------------------------------------------------------------------ */
/* Level-1 stream table and CD descriptors (§3.21.2, §4.3, §5.1, §5.3) */

/*
 * A StreamID whose L1STD was fetched invalid (Span = 0), then its level-2
 * table installed: strict mode keeps the invalid L1STD until a CFGI_STE
 * with Leaf = 0 (§4.3.1) and reports its use after a CMD_SYNC (class 2);
 * default mode caches no L1STD.
 */
S3E_CASE(l1std_cached_until_cfgi_leaf0)
{
	unsigned int strict;

	for (strict = 0; strict < 2; strict++) {
		model_reset();
		cfg.strict = strict;
		smmu_up();
		strtab_2lvl(16);
		EXPECT_EQ(xl(0x321, NOSS, 0x5000, ACC_R), S3E_TXN_FAULT);
		EXPECT_EQ(res.event, EVT_C_BAD_STREAMID);
		ste_write_at(L2STE_PA + 0x21 * 64,
			     (s3e_u64[8]) { ste0(STE_CONFIG_BYPASS) });
		wr64(STRTAB_PA + 3 * 8, L2STE_PA | 9);
		cmd(OP(CFGI_STE) | FPC(CMD_0_SID, 0x321), CMD_CFGI_1_LEAF);
		cmd_sync();
		if (strict) {
			EXPECT_EQ(xl(0x321, NOSS, 0x5000, ACC_R),
				  S3E_TXN_FAULT);
			EXPECT_EQ(res.event, EVT_C_BAD_STREAMID);
		} else {
			EXPECT_EQ(xpa(0x321, NOSS, 0x5000, ACC_R), 0x5000);
		}
	}
	EXPECT_EQ(chk_count(S3E_CHK_CFG_STALE), 1);
	EXPECT_EQ(chk_last()->detail, S3E_CHK_C_L1);
	EXPECT_EQ(chk_last()->addr, STRTAB_PA + 3 * 8);
	EXPECT_EQ(chk_last()->sid, 0x321);
	EXPECT_EQ(chk_last()->missing, CMD_OP_CFGI_STE);
	/* Another StreamID of the same span: the same cached L1STD */
	EXPECT_EQ(xl(0x322, NOSS, 0x5000, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_C_BAD_STREAMID);
	cmd(OP(CFGI_STE) | FPC(CMD_0_SID, 0x321), 0);
	cmd_sync();
	EXPECT_EQ(xpa(0x321, NOSS, 0x5000, ACC_R), 0x5000);
	EXPECT_EQ(chk_count(S3E_CHK_CFG_STALE), 1);
}

/* Which CFGI commands remove a cached L1STD (§4.3.1, §4.3.2) */
static const struct wc_inv_case l1std_inv_cases[] = {
	{ "cfgi_ste_leaf0", OP(CFGI_STE) | FPC(CMD_0_SID, 0x3ff), 0, 1 },
	{ "cfgi_ste_leaf1", OP(CFGI_STE) | FPC(CMD_0_SID, 0x321),
	  CMD_CFGI_1_LEAF, 0 },
	{ "cfgi_ste_other_span", OP(CFGI_STE) | FPC(CMD_0_SID, 0x221), 0, 0 },
	{ "cfgi_ste_range", OP(CFGI_STE_RANGE) | FPC(CMD_0_SID, 0x320), 3,
	  1 },
	{ "cfgi_all", OP(CFGI_STE_RANGE), CMD_CFGI_RANGE_ALL, 1 },
	{ "cfgi_cd_all", OP(CFGI_CD_ALL) | FPC(CMD_0_SID, 0x321), 0, 0 },
	{ "tlbi_nsnh_all", OP(TLBI_NSNH_ALL), 0, 0 },
};

S3E_PARAMS(l1std_inv_cases);

S3E_CASE(l1std_invalidation_scope)
{
	const struct wc_inv_case *c = test->param_value;

	cfg.strict = 1;
	smmu_up();
	strtab_2lvl(16);
	EXPECT_EQ(xl(0x321, NOSS, 0x5000, ACC_R), S3E_TXN_FAULT);
	ste_write_at(L2STE_PA + 0x21 * 64,
		     (s3e_u64[8]) { ste0(STE_CONFIG_BYPASS) });
	wr64(STRTAB_PA + 3 * 8, L2STE_PA | 9);
	cmd(c->cmd0, c->cmd1);
	cmd_sync();
	if (c->removed)
		EXPECT_EQ(xpa(0x321, NOSS, 0x5000, ACC_R), 0x5000);
	else
		EXPECT_EQ(xl(0x321, NOSS, 0x5000, ACC_R), S3E_TXN_FAULT);
}

/*
 * An L1CD fetched invalid, then a level-2 CD table installed for it: the
 * invalid L1CD stays cached until a CFGI_CD with Leaf = 0 (§4.3.3, §5.3);
 * a CFGI_STE of the StreamID also removes it, whatever its Leaf (§4.3.1).
 */
static const struct wc_inv_case l1cd_inv_cases[] = {
	{ "cfgi_cd_leaf0", OP(CFGI_CD) | FPC(CMD_0_SID, 2) |
	  FPC(CMD_0_SSID, 70), 0, 1 },
	{ "cfgi_cd_leaf1", OP(CFGI_CD) | FPC(CMD_0_SID, 2) |
	  FPC(CMD_0_SSID, 70), CMD_CFGI_1_LEAF, 0 },
	{ "cfgi_cd_other_l1", OP(CFGI_CD) | FPC(CMD_0_SID, 2) |
	  FPC(CMD_0_SSID, 6), 0, 0 },
	{ "cfgi_cd_other_sid", OP(CFGI_CD) | FPC(CMD_0_SID, 3) |
	  FPC(CMD_0_SSID, 70), 0, 0 },
	{ "cfgi_cd_all", OP(CFGI_CD_ALL) | FPC(CMD_0_SID, 2), 0, 1 },
	{ "cfgi_ste_leaf1", OP(CFGI_STE) | FPC(CMD_0_SID, 2),
	  CMD_CFGI_1_LEAF, 1 },
	{ "cfgi_all", OP(CFGI_STE_RANGE), CMD_CFGI_RANGE_ALL, 1 },
};

S3E_PARAMS(l1cd_inv_cases);

S3E_CASE(l1cd_invalidation_scope)
{
	const struct wc_inv_case *c = test->param_value;

	cfg.strict = 1;
	smmu_up();
	ste_s1(2, CD_PA, 8, STE_S1FMT_2LVL_4K, STE_S1DSS_SSID0);
	tree_new(&s1t, 0, 0);
	map_page(&s1t, 0x4000, DATA_PA + 0x2000, S1_RW);
	EXPECT_EQ(xl(2, 70, 0x4000, ACC_R), S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_C_BAD_SUBSTREAMID);
	cd_write(CD2_PA + 6 * 64, cd0(21), tree_ttb(&s1t));
	wr64(CD_PA + 1 * 8, CD2_PA | CD_L1_DESC_V);	/* SSIDs 64..127 */
	cmd(c->cmd0, c->cmd1);
	cmd_sync();
	if (c->removed) {
		EXPECT_EQ(xpa(2, 70, 0x4000, ACC_R), DATA_PA + 0x2000);
		EXPECT_EQ(chk_count(S3E_CHK_CFG_STALE), 0);
	} else {
		EXPECT_EQ(xl(2, 70, 0x4000, ACC_R), S3E_TXN_FAULT);
		EXPECT_EQ(res.event, EVT_C_BAD_SUBSTREAMID);
		EXPECT_EQ(chk_count(S3E_CHK_CFG_STALE), 1);
		EXPECT_EQ(chk_last()->detail, S3E_CHK_C_L1);
		EXPECT_EQ(chk_last()->addr, CD_PA + 8);
		EXPECT_EQ(chk_last()->ssid, 70);
		EXPECT_EQ(chk_last()->missing, CMD_OP_CFGI_CD);
	}
}

/*
 * §4.4.1.1: a TLBI_NH_VA with TTL names the level of the leaves it
 * invalidates, and the SMMU need not remove entries of other levels.
 * Strict mode removes only that level: a 2 MB block stays cached after a
 * TTL = 3 (4 KB page) invalidation, and its next use is reported (class
 * 3); TTL = 2, or no TTL, removes it.  Default mode removes every size.
 */
#define TTL_VA		0x40200000ULL

static const struct ttl_case {
	const char *name;
	unsigned int strict;
	unsigned int ttl;
	unsigned int stays;
} ttl_cases[] = {
	{ "strict_ttl3_keeps_block", 1, 3, 1 },
	{ "strict_ttl2_removes_block", 1, 2, 0 },
	{ "strict_no_ttl_removes_block", 1, 0, 0 },
	{ "default_ttl3_removes_block", 0, 3, 0 },
};

S3E_PARAMS(ttl_cases);

S3E_CASE(tlbi_ttl_level)
{
	const struct ttl_case *c = test->param_value;
	s3e_u64 d, va = TTL_VA + 0x1000;

	cfg.strict = c->strict;
	smmu_up();
	s1_stream(1, 5);
	d = map_block(&s1t, TTL_VA, DATA_PA, 2, S1_RW);
	EXPECT_EQ(xpa(1, NOSS, va, ACC_R), DATA_PA + 0x1000);
	wr64(d, 0);
	/* TG = 0 without TTL: TG = 4 KB, NUM = SCALE = TTL = 0 is reserved */
	cmd(OP(TLBI_NH_VA) | FPC(CMD_TLBI_0_ASID, 5),
	    va | CMD_TLBI_1_LEAF |
	    FPC(CMD_TLBI_1_TG, c->ttl ? CMD_TLBI_TG_4K : 0) |
	    FPC(CMD_TLBI_1_TTL, c->ttl));
	cmd_sync();
	if (c->stays) {
		EXPECT_EQ(xpa(1, NOSS, va, ACC_R), DATA_PA + 0x1000);
		EXPECT_EQ(chk_count(S3E_CHK_TLB_STALE), 1);
		EXPECT_EQ(chk_last()->missing, CMD_OP_TLBI_NH_VA);
	} else {
		EXPECT_EQ(xl(1, NOSS, va, ACC_R), S3E_TXN_FAULT);
		EXPECT_EQ(res.event, EVT_F_TRANSLATION);
		if (c->strict)
			EXPECT_EQ(chk_count(S3E_CHK_TLB_STALE), 0);
	}
}

#endif /* S3E_CASES_CACHING_H */
