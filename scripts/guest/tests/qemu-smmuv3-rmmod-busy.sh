# machines: smmuv3 smmuv3-acpi
# With the NVMe drive attached, the iommu core holds a reference on the
# driver: rmmod is refused, and the drive keeps working.
. /guest/lib.sh
smmu3_nvme || { echo "no nvme0n1 behind smmu3"; exit 1; }
if rmmod smmu3 2>/tmp/rmmod.err; then
	echo "rmmod smmu3 succeeded with a device attached"
	exit 1
fi
echo "rmmod refused: $(cat /tmp/rmmod.err)"
grep -q '^smmu3 ' /proc/modules || { echo "smmu3 is gone"; exit 1; }
nvme_roundtrip 1 || { echo "I/O after the refused rmmod failed to verify"; exit 1; }
echo "drive still verifies"
