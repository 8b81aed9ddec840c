# machines: plain
# MSIs of an assigned device go through the SMMU (map_msi).  The smmu3
# driver reports the SW_MSI window in the group's reserved_regions
# ("0x0000000008000000 0x00000000080fffff msi"); VFIO type1 and iommufd
# keep it out of the IOVA ranges user space may map, and install the MSI
# cookie on the domain they attach.  The device's platform MSI, allocated
# when the tool sets the eventfd, then has an address inside the window
# (the iommu core mapped the ITS doorbell page there); the device's write
# of the payload to it, translated by the SMMU, lands on the ITS's
# GITS_TRANSLATER (the tool compares with the device tree's ITS), the
# emulator counts it as a client doorbell write and the eventfd is
# signalled.  No allow_unsafe_interrupts: the ITS domain isolates MSIs.
# The window's mapping belongs to the domain: given back to the kernel,
# the device's DMA domain has none (a device read there faults).
set -e
. /guest/lib.sh
vfio_stack
g=$(vfio_group)
rr=/sys/kernel/iommu_groups/$g/reserved_regions
echo "$rr:"
cat "$rr"
grep -q '^0x0000000008000000 0x00000000080fffff msi$' "$rr" ||
	fail "group $g: no SW_MSI window 0x8000000-0x80fffff"
for p in vfio_iommu_type1 iommufd; do
	[ "$(cat /sys/module/$p/parameters/allow_unsafe_interrupts)" = N ] ||
		fail "$p allows unsafe interrupts"
done
for be in type1 iommufd; do
	d0=$(emu_dma_doorbells)
	smmu3-vmm --$be $VFIO_DEV irq >/tmp/vmm.out 2>&1 || { cat /tmp/vmm.out; fail "smmu3-vmm --$be irq failed"; }
	grep '^map_msi\|^interrupt: the device wrote' /tmp/vmm.out
	grep -q "map_msi: .*the window excluded" /tmp/vmm.out ||
		fail "$be: the window is not excluded from the IOVA ranges"
	msi=$(sed -n 's/.*the device wrote the MSI to iova \(0x[0-9a-f]*\) -> pa \(0x[0-9a-f]*\).*/\1 \2/p' /tmp/vmm.out)
	set -- $msi
	[ $# = 2 ] || fail "$be: no MSI write reported"
	[ $(($1)) -ge $((0x8000000)) ] && [ $(($1)) -le $((0x80fffff)) ] ||
		fail "$be: MSI address $1 outside the SW_MSI window"
	its=$(hexdump -v -e '1/1 "%02x"' /proc/device-tree/intc@*/its@*/reg | cut -c 1-16)
	[ $(($2)) = $((0x$its + 0x10040)) ] ||
		fail "$be: the MSI went to $2, the ITS's GITS_TRANSLATER is $(printf %#x $((0x$its + 0x10040)))"
	echo "$be: MSI iova $1 in the SW_MSI window -> GITS_TRANSLATER $2; client doorbell writes $(($(emu_dma_doorbells) - d0))"
	[ $(($(emu_dma_doorbells) - d0)) = 2 ] || fail "$be: not 2 client doorbell writes"
done
vfio_back
# The kernel's DMA domain has no MSI mapping at the window
out=$(smmu3-dma $VFIO_DEV read 0x8000000 4096) && fail "the DMA domain maps the SW_MSI window: $out"
echo "$out"
echo "$out" | grep -q 'fault F_TRANSLATION sid 0x40 iova 0x8000000 read' ||
	fail "back on the DMA domain: a read of the window did not fault"
smmu3-dma $VFIO_DEV copy 0x10000 sg
