# machines: plain
# Dirty tracking of an assigned device's DMA through iommufd (needs the
# smmu3 driver's domain_alloc_user with IOMMU_HWPT_ALLOC_DIRTY_TRACKING
# and its dirty ops: until then IOMMU_HWPT_ALLOC fails and so does this
# test; move it to scripts/guest/tests/ to enable it).  smmu3-vmm --dirty
# allocates the HWPT with DIRTY_TRACKING, attaches the device, enables
# tracking (IOMMU_HWPT_SET_DIRTY_TRACKING), has the device write a known
# set of pages (two of them by one write across their boundary) and read
# others: IOMMU_HWPT_GET_DIRTY_BITMAP holds exactly the written pages, a
# second read none.
set -e
. /guest/lib.sh
vfio_stack
smmu3-vmm --dirty $VFIO_DEV dirty || { echo "smmu3-vmm --dirty failed"; exit 1; }
vfio_back
smmu3-dma $VFIO_DEV copy 0x10000 sg
