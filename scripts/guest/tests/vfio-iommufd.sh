# machines: plain
# Device assignment through iommufd and the VFIO device cdev.
# testdev-vfio moves to smmu3_testdev_vfio; smmu3-vmm --iommufd opens
# /dev/iommu and /dev/vfio/devices/vfioN, binds the device
# (VFIO_DEVICE_BIND_IOMMUFD), allocates an IOAS and attaches the device to
# it (iommufd allocates a paging domain of the smmu3 driver), maps "guest
# RAM" with IOMMU_IOAS_MAP, and runs what vfio-type1 runs: DMA checked by
# the tool, IOMMU_IOAS_UNMAP of a piece and the fault there, the
# interrupt, and every bad input refused.  Given back, the device works on
# the kernel's DMA domain.
set -e
. /guest/lib.sh
vfio_stack
p=$(pdev_of $VFIO_DEV)
cdev=$(ls /sys/bus/platform/devices/$p/vfio-dev 2>/dev/null) ||
	fail "$VFIO_DEV has no VFIO device cdev"
echo "$VFIO_DEV: cdev /dev/vfio/devices/$cdev, IOMMU group $(vfio_group)"
[ -c "/dev/vfio/devices/$cdev" ] || fail "no /dev/vfio/devices/$cdev"
[ -c /dev/iommu ] || fail "no /dev/iommu"
echo "allow_unsafe_interrupts: $(cat /sys/module/iommufd/parameters/allow_unsafe_interrupts)"
[ "$(cat /sys/module/iommufd/parameters/allow_unsafe_interrupts)" = N ] ||
	fail "iommufd allows unsafe interrupts"
smmu3-vmm --iommufd $VFIO_DEV run || fail "smmu3-vmm --iommufd run failed"
smmu3-vmm --iommufd $VFIO_DEV abuse || fail "smmu3-vmm --iommufd abuse failed"
vfio_back
grep -q '^domain: DMA' /sys/kernel/debug/smmu3_testdev/$VFIO_DEV/info ||
	fail "$VFIO_DEV back on smmu3_testdev but not on a DMA domain"
smmu3-dma $VFIO_DEV copy 0x10000 sg
