# machines: plain
# Dirty tracking of an assigned device's DMA through iommufd, on the
# emulated SMMU with HTTU = 0b10.  smmu3-vmm --dirty allocates the HWPT
# with IOMMU_HWPT_ALLOC_DIRTY_TRACKING (the smmu3 driver gives a stage-1
# domain whose CD sets HA and HD), attaches the device, enables tracking
# (IOMMU_HWPT_SET_DIRTY_TRACKING), has the device write a known set of
# pages (two of them by one write across their boundary) and read others:
# IOMMU_HWPT_GET_DIRTY_BITMAP holds exactly the written pages, a second
# read none.  Then the device writes two of those pages again: they are
# dirty again (NO_CLEAR leaves them so for the next read), which needs the
# clear to have invalidated the SMMU's writable TLB entries.
set -e
. /guest/lib.sh
vfio_stack
smmu3-vmm --dirty $VFIO_DEV dirty || { echo "smmu3-vmm --dirty failed"; exit 1; }
vfio_back
smmu3-dma $VFIO_DEV copy 0x10000 sg
