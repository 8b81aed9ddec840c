# machines: smmuv3 smmuv3-acpi
# trace: nvme-translated
# QEMU's own SMMUv3 model driven by the smmu3 driver: the PCI NVMe drive,
# which waited (probe deferral) for an IOMMU driver, binds once smmu3 is
# loaded, is attached to a DMA domain, and a write + read-back of 8 MiB
# verifies.  The host then checks QEMU's trace: the SMMU translated DMA of
# the drive's StreamID (the trace check nvme-translated).
set -e
. /guest/lib.sh

if ! grep -q '^smmu3 ' /proc/modules; then
	if [ -e /sys/class/nvme/nvme0 ]; then
		echo "nvme0 bound before any SMMUv3 driver: probe deferral did not hold it"
		exit 1
	fi
	echo "before smmu3: nvme deferred, as expected"
fi
smmu3_nvme || { echo "nvme0n1 did not appear after loading smmu3"; exit 1; }

pci=$(basename "$(readlink -f /sys/class/nvme/nvme0/device)")
group=$(basename "$(readlink -f "/sys/bus/pci/devices/$pci/iommu_group")")
type=$(cat "/sys/kernel/iommu_groups/$group/type")
echo "nvme: PCI $pci, IOMMU group $group, domain type $type"
case $type in
DMA|DMA-FQ) ;;
*) echo "expected a DMA domain, got '$type'"; exit 1 ;;
esac

# StreamID = PCI requester ID (bus << 8 | devfn)
bdf=${pci#*:}
bus=$((0x${bdf%%:*}))
dev=$((0x$(echo "$bdf" | cut -d: -f2 | cut -d. -f1)))
fn=$((0x${bdf##*.}))
sid=$(printf '%#x' $(((bus << 8) | (dev << 3) | fn)))
echo "StreamID $sid"
grep -q "^sid $sid: " /sys/kernel/debug/smmu3/*/streams || {
	echo "StreamID $sid not in the driver's streams:"
	cat /sys/kernel/debug/smmu3/*/streams
	exit 1
}
sed -n "/^sid $sid: /,/^sid /p" /sys/kernel/debug/smmu3/*/streams | head -n 5

nvme_roundtrip 8 || { echo "read-back differs from what was written"; exit 1; }
echo "8 MiB written and read back through the SMMU: identical"
# Hundreds of pages moved: QEMU must have translated for this StreamID
echo "TRACE-CHECK nvme-translated 500 smmuv3_translate_success .*sid=$sid([^0-9a-fx]|\$)"
