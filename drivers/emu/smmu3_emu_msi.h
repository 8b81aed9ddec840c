/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * smmu3_emu: MSI delivery to GICv3 ITS doorbells (smmu3_emu_msi.c).
 */
#ifndef SMMU3_EMU_MSI_H
#define SMMU3_EMU_MSI_H

#include <linux/types.h>

struct device;
struct smmu3_emu_msi;

struct smmu3_emu_msi *smmu3_emu_msi_create(struct device *dev);
void smmu3_emu_msi_destroy(struct smmu3_emu_msi *msi);
bool smmu3_emu_msi_deliver(struct smmu3_emu_msi *msi, u64 pa,
			   const void *buf, unsigned long len);
u64 smmu3_emu_msi_doorbells(const struct smmu3_emu_msi *msi);

#endif /* SMMU3_EMU_MSI_H */
