# machines: plain
# An assigned device attached to a nesting parent HWPT: smmu3-vmm
# --nest-parent allocates the HWPT on the IOAS with
# IOMMU_HWPT_ALLOC_NEST_PARENT (the smmu3 driver gives a stage-2 domain on
# the SMMU that has both stages: its events say s2 1) and attaches the
# device to it, then runs the checks of vfio-iommufd: DMA checked by the
# tool, the fault after IOMMU_IOAS_UNMAP, the MSI through the SW_MSI
# window.
set -e
. /guest/lib.sh
vfio_stack
s2=$(dmesg | grep -c 'F_TRANSLATION: sid 0x40 s2 1' || true)
smmu3-vmm --nest-parent $VFIO_DEV run || { echo "smmu3-vmm --nest-parent failed"; exit 1; }
# The unmapped hole's faults were stage-2 faults: the domain is stage 2
s2=$(($(dmesg | grep -c 'F_TRANSLATION: sid 0x40 s2 1' || true) - s2))
echo "stage-2 translation faults of sid 0x40: $s2"
[ "$s2" -gt 0 ] || { echo "the nesting parent did not translate at stage 2"; exit 1; }
vfio_back
smmu3-dma $VFIO_DEV copy 0x10000 sg
