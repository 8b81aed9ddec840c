# machines: smmuv3-acpi
# ACPI: the guest booted through UEFI with ACPI tables and no devicetree,
# and smmu3 drives the SMMU that the IORT table describes.  The platform
# device the kernel's IORT code created for the SMMUv3 node
# (arm-smmu-v3.N.auto) waits unbound until smmu3 is loaded (upstream's
# arm_smmu_v3 is not loaded), then is bound to smmu3, and what the driver
# uses is what this script reads from the IORT itself
# (/sys/firmware/acpi/tables/IORT): the MMIO claim starts at the node's
# base address, the event queue and GERROR interrupts are the node's
# GSIVs, coherency is its COHACC Override flag.  The NVMe drive got its
# StreamID through the IORT's ID mapping: its iommu link names this SMMU.
# After a sysfs unbind and bind of the SMMU the drive is back behind it.
set -e
. /guest/lib.sh

fail() {
	echo "FAIL: $*"
	exit 1
}

iort=/sys/firmware/acpi/tables/IORT
[ -r $iort ] || fail "no $iort: the guest did not boot with ACPI"
[ ! -e /proc/device-tree ] || fail "the guest has a devicetree: it did not boot with ACPI"
[ -d /sys/firmware/efi ] || fail "no /sys/firmware/efi: the kernel was not started by UEFI"
echo "booted through UEFI with ACPI, no devicetree"

# Little-endian fields of the IORT table (IORT spec, DEN 0049)
u8() { od -An -tu1 -j "$1" -N1 $iort | tr -d ' \n'; }
u32() { od -An -tu4 -j "$1" -N4 $iort | tr -d ' \n'; }

# Header (36 bytes), then the number of nodes and the offset of the first
nodes=$(u32 36)
off=$(u32 40)
n=0 i=0 smmu_off=
while [ $i -lt "$nodes" ]; do
	# Node: type (1), length (2), revision (1), identifier (4),
	# number of ID mappings (4), their offset (4), then the node's data
	if [ "$(u8 "$off")" = 4 ]; then
		smmu_off=$off
		n=$((n + 1))
	fi
	off=$((off + $(od -An -tu2 -j $((off + 1)) -N2 $iort | tr -d ' \n')))
	i=$((i + 1))
done
[ $n = 1 ] || fail "$n SMMUv3 nodes in the IORT, expected 1"
# SMMUv3 node data: base address (8), flags (4), reserved (4), VATOS
# address (8), model (4), event, PRI, GERROR and sync GSIVs (4 each)
d=$((smmu_off + 16))
base=$(printf '%x' $(($(u32 $((d + 4))) * 4294967296 + $(u32 "$d"))))
flags=$(u32 $((d + 8)))
model=$(u32 $((d + 24)))
event_gsiv=$(u32 $((d + 28)))
gerr_gsiv=$(u32 $((d + 36)))
echo "IORT SMMUv3 node: base 0x$base, flags $flags, model $model, event GSIV $event_gsiv, GERROR GSIV $gerr_gsiv"

set -- /sys/bus/platform/devices/arm-smmu-v3.*
[ -e "$1" ] || fail "no arm-smmu-v3 platform device: the IORT code created none"
[ $# = 1 ] || fail "$# arm-smmu-v3 platform devices: $*"
smmu=$(basename "$1")
pdev=/sys/bus/platform/devices/$smmu
if ! grep -q '^smmu3 ' /proc/modules; then
	[ ! -e "$pdev/driver" ] ||
		fail "$smmu is bound to $(basename "$(readlink "$pdev/driver")") before smmu3 is loaded"
	echo "before smmu3: $smmu unbound"
fi
! grep -q '^arm_smmu_v3 ' /proc/modules || fail "upstream arm_smmu_v3 is loaded"

smmu3_nvme || fail "nvme0n1 did not appear after loading smmu3"
[ -e "$pdev/driver" ] || fail "$smmu is not bound after loading smmu3"
drv=$(basename "$(readlink "$pdev/driver")")
[ "$drv" = smmu3 ] || fail "$smmu is bound to $drv, not smmu3"
echo "$smmu bound to smmu3"

info=/sys/kernel/debug/smmu3/$smmu/info
[ -r "$info" ] || fail "no $info"
fwline=$(grep '^firmware: ' "$info") || fail "no firmware line in $info"
echo "$fwline"
case $fwline in
"firmware: IORT node "*", model $model, flags $(printf '%#x' "$flags") "*) ;;
*) fail "the driver's firmware line does not show the IORT node's model $model and flags $flags" ;;
esac
dmesg | grep -q " $smmu: IORT node .*base 0x$base," || fail "no IORT probe message with base 0x$base"

# Coherency: the COHACC Override flag (bit 0)
if [ $((flags & 1)) = 1 ]; then
	grep -q '^features:.* coherent' "$info" || fail "IORT says coherent, the driver does not"
else
	! grep -q '^features:.* coherent' "$info" || fail "IORT says not coherent, the driver says coherent"
fi

# MMIO: the driver's first claim starts at the node's base address (it
# nests in the region that the platform code registered for the device)
claim=$(grep -F " : $smmu" /proc/iomem | grep '^  [0-9a-f]' | head -n1 | sed 's/^ *\([0-9a-f]*\)-.*/\1/')
[ -n "$claim" ] || fail "no /proc/iomem claim of the driver named $smmu"
[ $((0x$claim)) = $((0x$base)) ] || fail "MMIO claim at 0x$claim, IORT base 0x$base"
echo "MMIO claim at the IORT base address 0x$claim"

# hwirq (the GIC's INTID, which is the GSIV) of one of our interrupts
hwirq() {
	awk -v n="smmu3-$smmu-$1" '$NF == n { for (i = 2; i < NF; i++) if ($i ~ /^GIC/) { print $(i + 1); exit } }' /proc/interrupts
}
eq=$(hwirq eventq)
ge=$(hwirq gerror)
[ "$eq" = "$event_gsiv" ] || fail "event queue interrupt is hwirq '$eq', IORT event GSIV $event_gsiv"
[ "$ge" = "$gerr_gsiv" ] || fail "GERROR interrupt is hwirq '$ge', IORT GERROR GSIV $gerr_gsiv"
echo "interrupts: eventq $eq, gerror $ge (the IORT's GSIVs)"

# The NVMe drive's IOMMU came from the IORT: its iommu link is this SMMU
pci=$(basename "$(readlink -f /sys/class/nvme/nvme0/device)")
iommu=$(basename "$(readlink -f "/sys/bus/pci/devices/$pci/iommu")")
[ "$iommu" = "$smmu" ] || fail "PCI $pci's iommu is '$iommu', not $smmu"
group=$(basename "$(readlink -f "/sys/bus/pci/devices/$pci/iommu_group")")
[ -d "/sys/kernel/iommu_groups/$group" ] || fail "PCI $pci has no IOMMU group"
echo "nvme: PCI $pci behind $iommu, IOMMU group $group ($(cat "/sys/kernel/iommu_groups/$group/type"))"

# Unbinding the SMMU unbinds the drive's driver first (device link) and
# releases the drive from the iommu core; binding it again registers the
# SMMU, the drive is configured through the IORT again and comes back
# behind it
echo "$smmu" >/sys/bus/platform/drivers/smmu3/unbind || fail "sysfs unbind of $smmu"
[ ! -e "$pdev/driver" ] || fail "$smmu still bound after unbind"
[ ! -e /sys/bus/pci/devices/$pci/driver ] || fail "PCI $pci still has a driver without its SMMU"
echo "$smmu" >/sys/bus/platform/drivers/smmu3/bind || fail "sysfs bind of $smmu"
i=0
while [ ! -b /dev/nvme0n1 ] && [ $i -lt 100 ]; do
	sleep 0.2
	i=$((i + 1))
done
[ -b /dev/nvme0n1 ] || fail "nvme0n1 did not come back after binding $smmu again"
iommu=$(basename "$(readlink -f "/sys/bus/pci/devices/$pci/iommu")")
[ "$iommu" = "$smmu" ] || fail "after the new bind, PCI $pci's iommu is '$iommu'"
nvme_roundtrip 2 || fail "read-back differs after the new bind"
echo "unbind and bind: the drive came back behind $smmu and verifies"
