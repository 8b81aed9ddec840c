# machines: smmuv3
# -machine virt,iommu=smmuv3 describes QEMU's SMMUv3 in the DT, and no
# driver has claimed it: the upstream arm-smmu-v3 is never loaded by the
# harness, and the NVMe device behind it waits (probe deferral) for an
# IOMMU driver instead of binding untranslated.
set -e
node=$(grep -l 'arm,smmu-v3' /proc/device-tree/*/compatible 2>/dev/null | head -n1)
[ -n "$node" ] || { echo "no arm,smmu-v3 node in the DT"; exit 1; }
dir=$(dirname "$node")
echo "SMMUv3 node: $dir"
[ -e "$dir/interrupt-names" ] && echo "interrupts: $(tr '\0' ' ' <"$dir/interrupt-names")"
if grep -q '^arm_smmu_v3 ' /proc/modules; then
	echo "upstream arm_smmu_v3 is loaded"; exit 1
fi
if [ -e /sys/class/nvme/nvme0 ]; then
	echo "nvme0 bound without an IOMMU driver: probe deferral did not hold it"
	exit 1
fi
echo "nvme: deferred, as expected without an SMMUv3 driver"
