# machines: plain
# An assigned device attached to a nesting parent HWPT (needs the smmu3
# driver's domain_alloc_user with IOMMU_HWPT_ALLOC_NEST_PARENT: until
# then IOMMU_HWPT_ALLOC fails and so does this test; move it to
# scripts/guest/tests/ to enable it).  smmu3-vmm --nest-parent allocates
# the HWPT on the IOAS with NEST_PARENT and attaches the device to it,
# then runs the checks of vfio-iommufd: DMA checked by the tool, the
# fault after IOMMU_IOAS_UNMAP, the MSI through the SW_MSI window.
set -e
. /guest/lib.sh
vfio_stack
smmu3-vmm --nest-parent $VFIO_DEV run || { echo "smmu3-vmm --nest-parent failed"; exit 1; }
vfio_back
smmu3-dma $VFIO_DEV copy 0x10000 sg
