/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Model cases: the DMA port and the statistics.
 * Listed in s3e_model_dma[] (model_cases.h).
 *
 * Part of model_cases.h, which includes the cases_*.h files in order,
 * after model_helpers.h and S3E_CASE(): a file may use the helpers of
 * the files before it.
 */
#ifndef S3E_CASES_DMA_H
#define S3E_CASES_DMA_H

/* ================================================================== */
/* DMA port */

/* Transfer buffers: too large for a kernel stack */
static unsigned char dma_buf[0x2000], dma_chk[0x2000];

S3E_CASE(dma_write_read_across_pages)
{
	struct s3e_txn t = { .sid = 1, .ssid = NOSS, .iova = 0x10ff0 };
	unsigned long n;
	unsigned int i;

	smmu_up();
	s1_stream(1, 1);
	map_page(&s1t, 0x10000, DATA_PA + 0x5000, S1_RW);
	map_page(&s1t, 0x11000, DATA_PA + 0x2000, S1_RW);
	for (i = 0; i < 0x20; i++)
		dma_buf[i] = i + 1;
	t.access = ACC_W;
	n = s3e_smmu_dma(smmu, &t, dma_buf, 0x20, &res);
	EXPECT_EQ(n, 0x20);
	EXPECT_EQ(res.status, S3E_TXN_OK);
	EXPECT_EQ(ram[DATA_PA - RAM_BASE + 0x5ff0], 1);
	EXPECT_EQ(ram[DATA_PA - RAM_BASE + 0x5fff], 0x10);
	EXPECT_EQ(ram[DATA_PA - RAM_BASE + 0x2000], 0x11);
	t.access = ACC_R;
	memset(dma_chk, 0, sizeof(dma_chk));
	n = s3e_smmu_dma(smmu, &t, dma_chk, 0x20, &res);
	EXPECT_EQ(n, 0x20);
	EXPECT_EQ(memcmp(dma_buf, dma_chk, 0x20), 0);
}

S3E_CASE(dma_fault_mid_transfer)
{
	struct s3e_txn t = { .sid = 1, .ssid = NOSS, .iova = 0x10ff0 };
	unsigned long n;

	smmu_up();
	s1_stream(1, 1);
	map_page(&s1t, 0x10000, DATA_PA, S1_RW);
	t.iova = 0x10000;
	t.access = ACC_R;
	n = s3e_smmu_dma(smmu, &t, dma_buf, 0x2000, &res);
	EXPECT_EQ(n, 0x1000);
	EXPECT_EQ(res.status, S3E_TXN_FAULT);
	EXPECT_EQ(res.event, EVT_F_TRANSLATION);
	EXPECT_EQ(evt_pending(), 1);
}

S3E_CASE(dma_not_ram_aborts)
{
	struct s3e_txn t = { .sid = 1, .ssid = NOSS, .iova = 0x10ff0 };
	unsigned long n;

	smmu_up();
	ste_bypass(2);
	t.sid = 2;
	t.iova = RAM_END - 0x800;
	n = s3e_smmu_dma(smmu, &t, dma_buf, 0x1000, &res);
	EXPECT_EQ(n, 0x800);
	EXPECT_EQ(res.status, S3E_TXN_ABORT);
	EXPECT_EQ(evt_pending(), 0);
}

S3E_CASE(dma_zero_length)
{
	struct s3e_txn t = { .sid = 1, .ssid = NOSS, .iova = 0x10ff0 };
	unsigned long n;

	smmu_up();
	n = s3e_smmu_dma(smmu, &t, dma_buf, 0, &res);
	EXPECT_EQ(n, 0);
	EXPECT_EQ(res.status, S3E_TXN_OK);
}

/* ================================================================== */
/* Statistics */

S3E_CASE(stats_counters)
{
	smmu_up();
	s1_stream(1, 1);
	map_page(&s1t, 0x1000, DATA_PA, S1_RW);
	map_page(&s1t, 0x2000, DATA_PA + 0x1000, S1_RW);
	xl(1, NOSS, 0x1000, ACC_R);	/* ctx miss, walk */
	xl(1, NOSS, 0x1008, ACC_R);	/* micro hit */
	xl(1, NOSS, 0x2000, ACC_R);	/* ctx hit, walk */
	xl(1, NOSS, 0x1000, ACC_R);	/* ctx hit, TLB hit */
	xl(1, NOSS, 0x9000, ACC_R);	/* walk, fault */
	EXPECT_EQ(st()->translations, 5);
	EXPECT_EQ(st()->ctx_misses, 1);
	EXPECT_EQ(st()->ctx_hits, 3);
	EXPECT_EQ(st()->utlb_hits, 1);
	EXPECT_EQ(st()->walks, 3);
	EXPECT_EQ(s3e_smmu_tlb_stats(smmu)->hits, 1);
	EXPECT_EQ(st()->tlb_answered, 1);
	EXPECT_EQ(st()->faults[EVT_F_TRANSLATION], 1);
	EXPECT_EQ(st()->events, 1);
	EXPECT_EQ(st()->irqs[S3E_IRQ_EVTQ], 1);
	/* A TLB hit that the access is not permitted is walked, not answered */
	map_page(&s1t, 0x3000, DATA_PA + 0x2000, S1_RW | TTD_AP_RDONLY);
	xl(1, NOSS, 0x3000, ACC_R);	/* walk */
	xl(1, NOSS, 0x3008, ACC_W);	/* utlb miss (perm), TLB hit denied: walk */
	EXPECT_EQ(st()->tlb_answered, 1);
	EXPECT_EQ(st()->walks, 5);
	/* Each translation in exactly one class: here none before a lookup */
	EXPECT_EQ(st()->utlb_hits + st()->tlb_answered + st()->walks,
		  st()->translations);
}

#endif /* S3E_CASES_DMA_H */
