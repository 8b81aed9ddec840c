/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Model cases: hardware translation table updates, the access flag and
 * the dirty state (§3.13), with SMMU_IDR0.HTTU per configuration and the
 * CD.HA/HD, STE.S2HA/S2HD controls (§5.2, §5.4).  Included by
 * model_cases.h, whose s3e_model_httu[] lists them.
 */
#ifndef S3E_CASES_HTTU_H
#define S3E_CASES_HTTU_H

#define HT_VA		0x5000ULL

/* Table walks as Write-back cacheable, Inner Shareable (§5.4 IR0, OR0) */
#define CD_WB		(FP(CD_0_IR0, 1) | FP(CD_0_OR0, 1) | FP(CD_0_SH0, 3))
#define STE_WB		(FP(STE_2_S2IR0, 1) | FP(STE_2_S2OR0, 1) | \
			 FP(STE_2_S2SH0, 3))

/* Stage-1 writable-clean page: DBM = 1, AP[2:1] = 0b11 */
#define S1_CLEAN	(S1_RW | TTD_DBM | TTD_AP_RDONLY)
/* Stage-2 writable-clean page: DBM = 1, S2AP = 0b01 */
#define S2_CLEAN	((S2_RW & ~TTD_S2AP_WRITE) | TTD_DBM)

/* An instance with @httu, enabled, and a stage-1 stream 1 (ASID 1) */
static void ht_s1_up(unsigned int httu, s3e_u64 cd_flags)
{
	cfg.httu = httu;
	smmu_up();
	s1_stream(1, 1);
	cd_write(CD_PA + 64, cd0(1) | CD_WB | cd_flags, tree_ttb(&s1t));
}

/* An instance with @httu and a stage-2 stream 2 (VMID 7) over @t2 */
static void ht_s2_up(unsigned int httu, s3e_u64 w2_flags, struct tree *t2)
{
	cfg.httu = httu;
	smmu_up();
	tree_new(t2, 1, 0);
	ste_write(2, ste0(STE_CONFIG_S2), 0, ste_s2w2(7) | STE_WB | w2_flags,
		  t2->base);
}

static s3e_u64 ht_af(void)
{
	return st()->httu.af_updates;
}

static s3e_u64 ht_dirty(void)
{
	return st()->httu.dirty_updates;
}

/* §6.3.1: IDR0.HTTU is the configured value; 3 and above are refused */
S3E_CASE(httu_idr0_per_config)
{
	struct s3e_smmu *bad;
	unsigned int v;

	s3e_smmu_config_default(&cfg);
	EXPECT_EQ(cfg.httu, S3E_HTTU_AF);
	for (v = S3E_HTTU_NONE; v <= S3E_HTTU_AF_DIRTY; v++) {
		cfg.httu = v;
		smmu_new();
		EXPECT_EQ(FG(IDR0_HTTU, r32(SMMU3_IDR0)), v);
	}
	cfg.httu = 3;
	bad = s3e_smmu_create(&cfg, &host);
	EXPECT_EQ(!bad, 1);
	s3e_smmu_destroy(bad);
}

/* §5.4 HA, HD, CdIllegal(): by SMMU_IDR0.HTTU */
static const struct ht_cd_case {
	const char *name;
	unsigned int httu;
	s3e_u64 set;
	int illegal;
} ht_cd_cases[] = {
	{ "httu0_ha", 0, CD_0_HA, 1 },
	{ "httu0_hd", 0, CD_0_HD, 1 },
	{ "httu0_none", 0, 0, 0 },
	{ "httu1_ha", 1, CD_0_HA, 0 },
	{ "httu1_hd", 1, CD_0_HD, 1 },
	{ "httu1_ha_hd", 1, CD_0_HA | CD_0_HD, 1 },
	{ "httu2_ha_hd", 2, CD_0_HA | CD_0_HD, 0 },
	/* {HD, HA} = 0b10: reserved, not ILLEGAL, no update */
	{ "httu2_hd", 2, CD_0_HD, 0 },
};

S3E_PARAMS(ht_cd_cases);

S3E_CASE(httu_cd_legality)
{
	const struct ht_cd_case *c = test->param_value;
	s3e_u64 e[4];

	ht_s1_up(c->httu, c->set);
	map_page(&s1t, HT_VA, DATA_PA, S1_RW);
	xl(1, NOSS, HT_VA, ACC_R);
	if (c->illegal) {
		EXPECT_EQ(res.event, EVT_C_BAD_CD);
		EXPECT_EQ(evt_type(e), EVT_C_BAD_CD);
	} else {
		EXPECT_EQ(res.status, S3E_TXN_OK);
	}
}

/* §5.2 S2HA, S2HD, SteIllegal(): by SMMU_IDR0.HTTU */
static const struct ht_ste_case {
	const char *name;
	unsigned int httu;
	s3e_u64 set;
	int illegal;
} ht_ste_cases[] = {
	{ "httu0_s2ha", 0, STE_2_S2HA, 1 },
	{ "httu0_s2hd", 0, STE_2_S2HD, 1 },
	{ "httu0_none", 0, 0, 0 },
	{ "httu1_s2ha", 1, STE_2_S2HA, 0 },
	{ "httu1_s2hd", 1, STE_2_S2HD, 1 },
	{ "httu2_s2ha_s2hd", 2, STE_2_S2HA | STE_2_S2HD, 0 },
	/* {S2HA, S2HD} = 0b01: reserved, not ILLEGAL, no update */
	{ "httu2_s2hd", 2, STE_2_S2HD, 0 },
};

S3E_PARAMS(ht_ste_cases);

S3E_CASE(httu_ste_legality)
{
	const struct ht_ste_case *c = test->param_value;
	struct tree t2;
	s3e_u64 e[4];

	ht_s2_up(c->httu, c->set, &t2);
	map_page(&t2, HT_VA, DATA_PA, S2_RW);
	xl(2, NOSS, HT_VA, ACC_R);
	if (c->illegal) {
		EXPECT_EQ(res.event, EVT_C_BAD_STE);
		EXPECT_EQ(evt_type(e), EVT_C_BAD_STE);
	} else {
		EXPECT_EQ(res.status, S3E_TXN_OK);
	}
}

/* §3.13.2: with CD.HA, AF = 0 is set instead of an Access flag fault */
S3E_CASE(httu_s1_af_set)
{
	s3e_u64 dpa, e[4];

	ht_s1_up(S3E_HTTU_AF, CD_0_HA);
	dpa = map_page(&s1t, HT_VA, DATA_PA, S1_RW & ~TTD_AF);
	EXPECT_EQ(xpa(1, NOSS, HT_VA + 8, ACC_R), DATA_PA + 8);
	EXPECT_EQ(rd64(dpa), DATA_PA | S1_RW | TTD_TABLE | TTD_VALID);
	EXPECT_EQ(evt_type(e), 0);
	EXPECT_EQ(ht_af(), 1);
	EXPECT_EQ(ht_dirty(), 0);
	EXPECT_EQ(st()->faults[EVT_F_ACCESS], 0);
}

/* CD.HA = 0, or HTTU = 0b00: AF = 0 still faults, memory untouched */
S3E_CASE(httu_s1_af_fault_without_ha)
{
	unsigned int httu;
	s3e_u64 dpa, d;

	for (httu = S3E_HTTU_NONE; httu <= S3E_HTTU_AF_DIRTY; httu++) {
		model_reset();
		ht_s1_up(httu, 0);
		dpa = map_page(&s1t, HT_VA, DATA_PA, S1_RW & ~TTD_AF);
		d = rd64(dpa);
		xl(1, NOSS, HT_VA, ACC_W);
		expect_fault_evt(EVT_F_ACCESS, 1, NOSS, HT_VA, E1_WRITE, 0);
		EXPECT_EQ(rd64(dpa), d);
		EXPECT_EQ(ht_af(), 0);
	}
}

/*
 * §3.13.3.1: with HA and HD a write to a writable-clean page clears AP[2]
 * in memory; a read leaves it clean.
 */
S3E_CASE(httu_s1_dirty_write_clears_ap2)
{
	s3e_u64 dpa, d, e[4];

	ht_s1_up(S3E_HTTU_AF_DIRTY, CD_0_HA | CD_0_HD);
	dpa = map_page(&s1t, HT_VA, DATA_PA, S1_CLEAN);
	d = rd64(dpa);
	EXPECT_EQ(xpa(1, NOSS, HT_VA, ACC_R), DATA_PA);
	EXPECT_EQ(rd64(dpa), d);
	EXPECT_EQ(ht_dirty(), 0);
	EXPECT_EQ(xpa(1, NOSS, HT_VA + 0x10, ACC_W), DATA_PA + 0x10);
	EXPECT_EQ(rd64(dpa), d & ~TTD_AP_RDONLY);
	EXPECT_EQ(ht_dirty(), 1);
	EXPECT_EQ(ht_af(), 0);
	EXPECT_EQ(evt_type(e), 0);
	/* Writable-dirty now: no further update */
	EXPECT_EQ(xpa(1, NOSS, HT_VA + 0x20, ACC_W), DATA_PA + 0x20);
	EXPECT_EQ(ht_dirty(), 1);
}

/* §3.13.2: the dirty descriptor also has AF = 1, in the same update */
S3E_CASE(httu_s1_dirty_and_af_at_once)
{
	s3e_u64 dpa;

	ht_s1_up(S3E_HTTU_AF_DIRTY, CD_0_HA | CD_0_HD);
	dpa = map_page(&s1t, HT_VA, DATA_PA, S1_CLEAN & ~TTD_AF);
	EXPECT_EQ(xpa(1, NOSS, HT_VA, ACC_W), DATA_PA);
	EXPECT_EQ(rd64(dpa), (DATA_PA | S1_CLEAN | TTD_TABLE | TTD_VALID) &
			     ~TTD_AP_RDONLY);
	EXPECT_EQ(ht_af(), 1);
	EXPECT_EQ(ht_dirty(), 1);
}

/* §3.13.3.1: DBM = 0 is read-only: a write is a Permission fault */
S3E_CASE(httu_s1_dbm0_readonly_faults)
{
	s3e_u64 dpa, d;

	ht_s1_up(S3E_HTTU_AF_DIRTY, CD_0_HA | CD_0_HD);
	dpa = map_page(&s1t, HT_VA, DATA_PA, S1_CLEAN & ~TTD_DBM);
	d = rd64(dpa);
	xl(1, NOSS, HT_VA, ACC_W);
	expect_fault_evt(EVT_F_PERMISSION, 1, NOSS, HT_VA, E1_WRITE, 0);
	EXPECT_EQ(rd64(dpa), d);
	EXPECT_EQ(ht_dirty(), 0);
}

/*
 * No dirty state update without HD in effect: HTTU = 0b01 with HA (HD is
 * ILLEGAL there), and HTTU = 0b10 with HD but not HA (§5.4: reserved,
 * behaves as no update), where AF = 0 faults too.
 */
S3E_CASE(httu_s1_dirty_needs_ha_hd_and_httu2)
{
	s3e_u64 dpa, d;

	ht_s1_up(S3E_HTTU_AF, CD_0_HA);
	dpa = map_page(&s1t, HT_VA, DATA_PA, S1_CLEAN);
	d = rd64(dpa);
	xl(1, NOSS, HT_VA, ACC_W);
	expect_fault_evt(EVT_F_PERMISSION, 1, NOSS, HT_VA, E1_WRITE, 0);
	EXPECT_EQ(rd64(dpa), d);

	model_reset();
	ht_s1_up(S3E_HTTU_AF_DIRTY, CD_0_HD);
	dpa = map_page(&s1t, HT_VA, DATA_PA, S1_CLEAN);
	d = rd64(dpa);
	xl(1, NOSS, HT_VA, ACC_W);
	expect_fault_evt(EVT_F_PERMISSION, 1, NOSS, HT_VA, E1_WRITE, 0);
	EXPECT_EQ(rd64(dpa), d);
	map_page(&s1t, HT_VA + 0x1000, DATA_PA, S1_CLEAN & ~TTD_AF);
	xl(1, NOSS, HT_VA + 0x1000, ACC_R);
	expect_fault_evt(EVT_F_ACCESS, 1, NOSS, HT_VA + 0x1000, E1_READ, 0);
	EXPECT_EQ(ht_dirty() + ht_af(), 0);
}

/*
 * §3.13.3.1: only a page that AP[2] alone makes read-only becomes dirty.
 * AP[2:1] = 0b10 gives EL0 no access: an unprivileged write faults and
 * updates nothing, a privileged one makes it dirty.  APTable read-only
 * and PAN keep their Permission faults.
 */
S3E_CASE(httu_s1_dirty_privilege_aptable_pan)
{
	s3e_u64 dpa, d, l0pa;

	ht_s1_up(S3E_HTTU_AF_DIRTY, CD_0_HA | CD_0_HD);
	dpa = map_page(&s1t, HT_VA, DATA_PA, S1_CLEAN & ~TTD_AP_UNPRIV);
	d = rd64(dpa);
	xl(1, NOSS, HT_VA, ACC_W);
	expect_fault_evt(EVT_F_PERMISSION, 1, NOSS, HT_VA, E1_WRITE, 0);
	EXPECT_EQ(rd64(dpa), d);
	EXPECT_EQ(xpa(1, NOSS, HT_VA, ACC_W | ACC_P), DATA_PA);
	EXPECT_EQ(rd64(dpa), d & ~TTD_AP_RDONLY);

	/* APTable[1] = 1 in the level-0 table descriptor */
	model_reset();
	ht_s1_up(S3E_HTTU_AF_DIRTY, CD_0_HA | CD_0_HD);
	dpa = map_page(&s1t, HT_VA, DATA_PA, S1_CLEAN);
	d = rd64(dpa);
	l0pa = s1t.base;
	wr64(l0pa, rd64(l0pa) | TTD_APTABLE_RDONLY);
	xl(1, NOSS, HT_VA, ACC_W | ACC_P);
	EXPECT_EQ(res.event, EVT_F_PERMISSION);
	EXPECT_EQ(rd64(dpa), d);

	/* PAN: a privileged write to EL0-accessible memory */
	model_reset();
	ht_s1_up(S3E_HTTU_AF_DIRTY, CD_0_HA | CD_0_HD | CD_0_PAN);
	dpa = map_page(&s1t, HT_VA, DATA_PA, S1_CLEAN);
	d = rd64(dpa);
	xl(1, NOSS, HT_VA, ACC_W | ACC_P);
	EXPECT_EQ(res.event, EVT_F_PERMISSION);
	EXPECT_EQ(rd64(dpa), d);
	EXPECT_EQ(ht_dirty(), 0);
}

/* §3.13.8: with HD a writable-clean page counts as writable for WXN */
S3E_CASE(httu_s1_wxn_writable_clean)
{
	s3e_u64 dpa;

	ht_s1_up(S3E_HTTU_AF_DIRTY, CD_0_HA | CD_0_WXN);
	dpa = map_page(&s1t, HT_VA, DATA_PA, S1_CLEAN | TTD_PXN);
	EXPECT_EQ(xpa(1, NOSS, HT_VA, ACC_X), DATA_PA);
	model_reset();
	ht_s1_up(S3E_HTTU_AF_DIRTY, CD_0_HA | CD_0_HD | CD_0_WXN);
	dpa = map_page(&s1t, HT_VA, DATA_PA, S1_CLEAN | TTD_PXN);
	xl(1, NOSS, HT_VA, ACC_X);
	EXPECT_EQ(res.event, EVT_F_PERMISSION);
	EXPECT_EQ(rd64(dpa) & TTD_AP_RDONLY, TTD_AP_RDONLY);
}

/* §3.13.2: with STE.S2HA, a stage-2 AF = 0 is set instead of a fault */
S3E_CASE(httu_s2_af_set)
{
	struct tree t2;
	s3e_u64 l3;

	ht_s2_up(S3E_HTTU_AF, STE_2_S2HA, &t2);
	l3 = map_page(&t2, HT_VA, DATA_PA, S2_RW & ~TTD_AF);
	EXPECT_EQ(xpa(2, NOSS, HT_VA, ACC_W), DATA_PA);
	EXPECT_EQ(rd64(l3) & TTD_AF, TTD_AF);
	EXPECT_EQ(ht_af(), 1);

	model_reset();
	ht_s2_up(S3E_HTTU_AF_DIRTY, 0, &t2);
	l3 = map_page(&t2, HT_VA, DATA_PA, S2_RW & ~TTD_AF);
	xl(2, NOSS, HT_VA, ACC_R);
	expect_fault_evt(EVT_F_ACCESS, 2, NOSS, HT_VA, E1_READ | EVT_1_S2,
			 HT_VA);
	EXPECT_EQ(rd64(l3) & TTD_AF, 0);
}

/*
 * §3.13.3.1: with S2HA and S2HD a write to a writable-clean stage-2 page
 * sets S2AP[1]; a read does not; DBM = 0 still faults.
 */
S3E_CASE(httu_s2_dirty_sets_s2ap1)
{
	struct tree t2;
	s3e_u64 l3, d;

	ht_s2_up(S3E_HTTU_AF_DIRTY, STE_2_S2HA | STE_2_S2HD, &t2);
	l3 = map_page(&t2, HT_VA, DATA_PA, S2_CLEAN);
	d = rd64(l3);
	EXPECT_EQ(xpa(2, NOSS, HT_VA, ACC_R), DATA_PA);
	EXPECT_EQ(rd64(l3), d);
	EXPECT_EQ(xpa(2, NOSS, HT_VA, ACC_W), DATA_PA);
	EXPECT_EQ(rd64(l3), d | TTD_S2AP_WRITE);
	EXPECT_EQ(ht_dirty(), 1);

	l3 = map_page(&t2, HT_VA + 0x1000, DATA_PA, S2_CLEAN & ~TTD_DBM);
	d = rd64(l3);
	xl(2, NOSS, HT_VA + 0x1000, ACC_W);
	expect_fault_evt(EVT_F_PERMISSION, 2, NOSS, HT_VA + 0x1000,
			 E1_WRITE | EVT_1_S2, HT_VA + 0x1000);
	EXPECT_EQ(rd64(l3), d);
	EXPECT_EQ(ht_dirty(), 1);
}

/*
 * §3.13.5: a stage-1 update is a write through stage 2: a writable-clean
 * stage-2 page holding the stage-1 table becomes dirty with S2HD, and is
 * a stage-2 permission fault (class TT, a write) with DBM = 0.
 */
S3E_CASE(httu_nested_s1_update_writes_through_s2)
{
	struct tree t2, t1;
	s3e_u64 cdpa = CD_PA + 5 * 64, l1pa, s2pa = 0, d1, end, pa;
	unsigned int dbm;

	for (dbm = 0; dbm < 2; dbm++) {
		model_reset();
		cfg.httu = S3E_HTTU_AF_DIRTY;
		smmu_up();
		tree_new(&t2, 1, 0);
		tree_new(&t1, 0, IPA_BASE - RAM_BASE);
		l1pa = map_page(&t1, HT_VA, ipa(DATA_PA), S1_RW & ~TTD_AF);
		d1 = rd64(l1pa);
		/*
		 * Stage 2 maps the stage-1 tables, the CD and the data page;
		 * the stage-1 leaf table's page is writable-clean.
		 */
		end = pt_next;
		for (pa = t1.base; pa < end; pa += SZ_4K) {
			if (pa == (l1pa & ~0xfffULL))
				s2pa = map_page(&t2, ipa(pa), pa,
						dbm ? S2_CLEAN :
						      S2_CLEAN & ~TTD_DBM);
			else
				map_page(&t2, ipa(pa), pa, S2_RW);
		}
		map_page(&t2, ipa(CD_PA), CD_PA, S2_RW);
		map_page(&t2, ipa(DATA_PA), DATA_PA, S2_RW);
		cd_write(cdpa, cd0(9) | CD_WB | CD_0_HA | CD_0_HD,
			 tree_ttb(&t1));
		ste_write(5, ste_s1w0(STE_CONFIG_NESTED, ipa(cdpa), 0, 0), 0,
			  ste_s2w2(3) | STE_WB | STE_2_S2HA | STE_2_S2HD,
			  t2.base);
		xl(5, NOSS, HT_VA, ACC_R);
		if (dbm) {
			EXPECT_EQ(res.status, S3E_TXN_OK);
			EXPECT_EQ(res.pa, DATA_PA);
			EXPECT_EQ(rd64(l1pa), d1 | TTD_AF);
			EXPECT_EQ(rd64(s2pa) & TTD_S2AP_WRITE, TTD_S2AP_WRITE);
			EXPECT_EQ(ht_af(), 1);
			EXPECT_EQ(ht_dirty(), 1);
		} else {
			expect_fault_evt(EVT_F_PERMISSION, 5, NOSS, HT_VA,
					 EVT_1_RNW | EVT_1_S2 |
					 FP(EVT_1_CLASS, EVT_CLASS_TTD),
					 ipa(l1pa) & ~0xfffULL);
			EXPECT_EQ(rd64(l1pa), d1);
			EXPECT_EQ(ht_dirty(), 0);
		}
	}
}

/*
 * §3.13.2: the stage-2 translation of a CD fetch sets AF too; §3.13.3.1:
 * it never sets S2AP[1] (a CD fetch is a read).
 */
S3E_CASE(httu_cd_fetch_s2_af_not_dirty)
{
	struct tree t2, t1;
	s3e_u64 cdpa = CD_PA + 5 * 64, s2cd, end, pa;

	cfg.httu = S3E_HTTU_AF_DIRTY;
	smmu_up();
	tree_new(&t2, 1, 0);
	tree_new(&t1, 0, IPA_BASE - RAM_BASE);
	map_page(&t1, HT_VA, ipa(DATA_PA), S1_RW);
	end = pt_next;
	for (pa = t1.base; pa < end; pa += SZ_4K)
		map_page(&t2, ipa(pa), pa, S2_RW);
	s2cd = map_page(&t2, ipa(CD_PA), CD_PA, S2_CLEAN & ~TTD_AF);
	map_page(&t2, ipa(DATA_PA), DATA_PA, S2_RW);
	cd_write(cdpa, cd0(9) | CD_WB, tree_ttb(&t1));
	ste_write(5, ste_s1w0(STE_CONFIG_NESTED, ipa(cdpa), 0, 0), 0,
		  ste_s2w2(3) | STE_WB | STE_2_S2HA | STE_2_S2HD, t2.base);
	EXPECT_EQ(xpa(5, NOSS, HT_VA, ACC_W), DATA_PA);
	EXPECT_EQ(rd64(s2cd) & TTD_AF, TTD_AF);
	EXPECT_EQ(rd64(s2cd) & TTD_S2AP_WRITE, 0);
	EXPECT_EQ(ht_af(), 1);
	EXPECT_EQ(ht_dirty(), 0);
}

/*
 * Software changes the descriptor between the walk's read and its
 * compare-and-swap (the host's cmpxchg64 lets it land first): the SMMU
 * must not overwrite it and acts on the new value.
 */
static int (*ht_cas)(void *ctx, s3e_u64 pa, s3e_u64 old, s3e_u64 newval);
static s3e_u64 ht_race_pa, ht_race_val;
static unsigned int ht_races, ht_cas_calls;

static int ht_racing_cas(void *ctx, s3e_u64 pa, s3e_u64 old, s3e_u64 newval)
{
	ht_cas_calls++;
	if (ht_races && pa == ht_race_pa) {
		ht_races--;
		wr64(pa, ht_race_val);
	}
	return ht_cas(ctx, pa, old, newval);
}

static const struct ht_race_case {
	const char *name;
	s3e_u64 before;		/* descriptor attributes the walk reads */
	s3e_u64 after;		/* software's value, or 0: invalid */
	unsigned int access;
	unsigned int event;	/* 0: translated */
	s3e_u64 out;		/* output page when translated, from DATA_PA */
	unsigned int af, dirty;	/* updates expected */
} ht_race_cases[] = {
	/* Made invalid: a translation fault, no update */
	{ "dirty_vs_invalid", S1_CLEAN, 0, ACC_W, EVT_F_TRANSLATION, 0, 0, 0 },
	{ "af_vs_invalid", S1_RW & ~TTD_AF, 0, ACC_R, EVT_F_TRANSLATION,
	  0, 0, 0 },
	/* Made writable by software: nothing left to update */
	{ "dirty_vs_sw_dirty", S1_CLEAN, S1_CLEAN & ~TTD_AP_RDONLY, ACC_W,
	  0, 0, 0, 0 },
	{ "af_vs_sw_af", S1_RW & ~TTD_AF, S1_RW, ACC_R, 0, 0, 0, 0 },
	/* Made read-only (DBM = 0): the write faults */
	{ "dirty_vs_readonly", S1_CLEAN, S1_CLEAN & ~TTD_DBM, ACC_W,
	  EVT_F_PERMISSION, 0, 0, 0 },
	/* Remapped, still clean: the update applies to the new value */
	{ "dirty_vs_remap", S1_CLEAN, S1_CLEAN | 0x1000, ACC_W, 0,
	  0x1000, 0, 1 },
};

S3E_PARAMS(ht_race_cases);

S3E_CASE(httu_race_with_software)
{
	const struct ht_race_case *c = test->param_value;
	s3e_u64 dpa, after = 0;

	ht_cas = host.cmpxchg64;
	host.cmpxchg64 = ht_racing_cas;
	ht_cas_calls = 0;
	ht_s1_up(S3E_HTTU_AF_DIRTY, CD_0_HA | CD_0_HD);
	dpa = map_page(&s1t, HT_VA, DATA_PA, c->before);
	if (c->after)
		after = (DATA_PA | c->after | TTD_TABLE | TTD_VALID);
	ht_race_pa = dpa;
	ht_race_val = after;
	ht_races = 1;
	xl(1, NOSS, HT_VA, c->access);
	EXPECT_EQ(ht_cas_calls, 1 + (c->af || c->dirty));
	if (c->event) {
		EXPECT_EQ(res.status, S3E_TXN_FAULT);
		EXPECT_EQ(res.event, c->event);
		/* Software's value stays */
		EXPECT_EQ(rd64(dpa), after);
	} else {
		EXPECT_EQ(res.status, S3E_TXN_OK);
		EXPECT_EQ(res.pa, DATA_PA + c->out);
		if (c->dirty)
			after &= ~TTD_AP_RDONLY;
		EXPECT_EQ(rd64(dpa), after);
	}
	EXPECT_EQ(ht_af(), c->af);
	EXPECT_EQ(ht_dirty(), c->dirty);
}

/*
 * A TLB entry filled by a read of a writable-clean page does not let a
 * write through: the write walks and makes the page dirty in memory; the
 * writable entry it leaves serves the next write.
 */
S3E_CASE(httu_tlb_write_after_read_updates)
{
	s3e_u64 dpa, d, walks;

	ht_s1_up(S3E_HTTU_AF_DIRTY, CD_0_HA | CD_0_HD);
	dpa = map_page(&s1t, HT_VA, DATA_PA, S1_CLEAN);
	d = rd64(dpa);
	EXPECT_EQ(xpa(1, NOSS, HT_VA, ACC_R), DATA_PA);
	EXPECT_EQ(xpa(1, NOSS, HT_VA + 8, ACC_R), DATA_PA + 8);
	walks = st()->walks;
	EXPECT_EQ(xpa(1, NOSS, HT_VA + 0x10, ACC_W), DATA_PA + 0x10);
	EXPECT_EQ(st()->walks, walks + 1);
	EXPECT_EQ(rd64(dpa), d & ~TTD_AP_RDONLY);
	EXPECT_EQ(xpa(1, NOSS, HT_VA + 0x18, ACC_W), DATA_PA + 0x18);
	EXPECT_EQ(st()->walks, walks + 1);
	EXPECT_EQ(ht_dirty(), 1);
}

/*
 * Strict mode: the checker does not report a TLB entry whose descriptor
 * the SMMU itself made dirty (through another context sharing the
 * tables), and does report one that software made clean again without a
 * TLBI.
 */
S3E_CASE(httu_checker_hw_update_not_stale)
{
	s3e_u64 dpa;

	cfg.strict = 1;
	ht_s1_up(S3E_HTTU_AF_DIRTY, CD_0_HA | CD_0_HD);
	/* SID 3: a second CD (ASID 2) on the same tables */
	cd_write(CD_PA + 3 * 64, cd0(2) | CD_WB | CD_0_HA | CD_0_HD,
		 tree_ttb(&s1t));
	ste_s1(3, CD_PA + 3 * 64, 0, 0, 0);
	dpa = map_page(&s1t, HT_VA, DATA_PA, S1_CLEAN);
	EXPECT_EQ(xpa(1, NOSS, HT_VA, ACC_R), DATA_PA);
	EXPECT_EQ(xpa(3, NOSS, HT_VA, ACC_W), DATA_PA);
	EXPECT_EQ(rd64(dpa) & TTD_AP_RDONLY, 0);
	cmd_sync();
	EXPECT_EQ(xpa(1, NOSS, HT_VA, ACC_R), DATA_PA);
	EXPECT_EQ(s3e_smmu_checker(smmu)->total, 0);

	/* Software cleans the page without a TLBI; SID 3 still writes */
	wr64(dpa, rd64(dpa) | TTD_AP_RDONLY);
	cmd_sync();
	EXPECT_EQ(xpa(3, NOSS, HT_VA, ACC_W), DATA_PA);
	EXPECT_EQ(chk_count(S3E_CHK_TLB_STALE), 1);
	EXPECT_EQ(chk_last()->addr, dpa);
}

/*
 * Strict mode: a walk through a stale walk cache entry (the driver
 * unlinked the table with a Leaf = 1 TLBI only: class 3 at that use) sets
 * AF in the unlinked table; that is the SMMU's update, not the driver
 * rewriting the table (class 4).
 */
S3E_CASE(httu_checker_wc_table_af_not_rewritten)
{
	s3e_u64 l2, dpa;

	cfg.strict = 1;
	ht_s1_up(S3E_HTTU_AF, CD_0_HA);
	map_page(&s1t, WC_VA, DATA_PA, S1_RW);
	dpa = map_page(&s1t, WC_VA + 0x2000, DATA_PA, S1_RW & ~TTD_AF);
	EXPECT_EQ(xpa(1, NOSS, WC_VA, ACC_R), DATA_PA);
	l2 = tree_desc_pa(&s1t, WC_VA, 2);
	wr64(l2, 0);
	tlbi_va_leaf(1, WC_VA);
	cmd_sync();
	EXPECT_EQ(xpa(1, NOSS, WC_VA + 0x2000, ACC_R), DATA_PA);
	EXPECT_EQ(rd64(dpa) & TTD_AF, TTD_AF);
	cmd_sync();
	cmd_sync();
	EXPECT_EQ(chk_count(S3E_CHK_TLB_STALE), 1);
	EXPECT_EQ(chk_count(S3E_CHK_WALK_FREED), 0);
}

/*
 * §5.4 IR0/OR0, §3.15: an update through table walks that are not
 * Write-back cacheable is IMPLEMENTATION DEFINED: atomic in the default
 * mode, F_WALK_EABT at the descriptor in strict mode.
 */
S3E_CASE(httu_noncacheable_walk)
{
	unsigned int strict;
	s3e_u64 dpa;

	for (strict = 0; strict < 2; strict++) {
		model_reset();
		cfg.strict = strict;
		ht_s1_up(S3E_HTTU_AF, CD_0_HA);
		cd_write(CD_PA + 64, cd0(1) | CD_0_HA, tree_ttb(&s1t));
		dpa = map_page(&s1t, HT_VA, DATA_PA, S1_RW & ~TTD_AF);
		xl(1, NOSS, HT_VA, ACC_R);
		if (strict) {
			expect_fault_evt(EVT_F_WALK_EABT, 1, NOSS, HT_VA,
					 EVT_1_RNW |
					 FP(EVT_1_CLASS, EVT_CLASS_TTD), dpa);
			EXPECT_EQ(rd64(dpa) & TTD_AF, 0);
		} else {
			EXPECT_EQ(res.status, S3E_TXN_OK);
			EXPECT_EQ(rd64(dpa) & TTD_AF, TTD_AF);
		}
	}
}

#endif /* S3E_CASES_HTTU_H */
