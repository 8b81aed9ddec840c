/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What smmu3_emu exports to its KUnit suites only (EXPORT_SYMBOL_IF_KUNIT,
 * namespace EXPORTED_FOR_KUNIT_TESTING): besides these, the core's entry
 * points of core/smmu.h.
 */
#ifndef SMMU3_EMU_KUNIT_H
#define SMMU3_EMU_KUNIT_H

#include <linux/types.h>

struct s3e_host;

int smmu3_emu_kunit_host_create(struct s3e_host *host);
void smmu3_emu_kunit_host_destroy(struct s3e_host *host);
u64 smmu3_emu_kunit_mem_refused(const struct s3e_host *host);

#endif /* SMMU3_EMU_KUNIT_H */
