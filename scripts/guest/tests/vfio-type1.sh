# machines: plain stock
# Device assignment through VFIO's group/container interface (type1 v2).
# testdev-vfio moves from smmu3_testdev to smmu3_testdev_vfio
# (driver_override); smmu3-vmm --type1 opens the container and the group,
# maps "guest RAM" with VFIO_IOMMU_MAP_DMA, has the device copy, fill,
# pattern and sum there (data checked by the tool), unmaps a piece and
# shows the device's DMA there fault (F_TRANSLATION at that IOVA, nothing
# written from the fault on), then the interrupt through its eventfd; then
# every bad access, register value and SET_IRQS is refused.  While the
# device is assigned, its stream is on a paging domain of VFIO's; given
# back, it is on the kernel's DMA domain again and its DMA works.
set -e
. /guest/lib.sh
vfio_stack
g=$(vfio_group)
echo "$VFIO_DEV: IOMMU group $g, driver $(vfio_bound_to)"
echo "allow_unsafe_interrupts: $(cat /sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts)"
[ "$(cat /sys/module/vfio_iommu_type1/parameters/allow_unsafe_interrupts)" = N ] ||
	fail "vfio_iommu_type1 allows unsafe interrupts"
[ -c "/dev/vfio/$g" ] || fail "no /dev/vfio/$g"
smmu3-vmm --type1 $VFIO_DEV run || fail "smmu3-vmm --type1 run failed"
smmu3-vmm --type1 $VFIO_DEV abuse || fail "smmu3-vmm --type1 abuse failed"
vfio_back
grep '^domain: ' /sys/kernel/debug/smmu3_testdev/$VFIO_DEV/info
grep -q '^domain: DMA' /sys/kernel/debug/smmu3_testdev/$VFIO_DEV/info ||
	fail "$VFIO_DEV back on smmu3_testdev but not on a DMA domain"
smmu3-dma $VFIO_DEV copy 0x10000 sg
