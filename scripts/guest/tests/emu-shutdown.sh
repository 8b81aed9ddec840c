# machines: plain
# Shutdown: the driver's shutdown callback, which a
# reboot or kexec runs, reached through the SMMU's debugfs "shutdown"
# (the guest cannot kexec).  The SMMU is left disabled: CR0 0 (SMMUEN,
# the queues off) as the emulator's own registers show, interrupts off,
# and DMA aborted by GBPA.  A new probe enables it again.  Before: no
# shutdown callback; the SMMU stayed enabled across a reboot.
set -e
. /guest/lib.sh
emu_stack
pdrv=/sys/bus/platform/drivers
smmu=$(pdev_of iommu)
info=/sys/kernel/debug/smmu3/iommu/info
regs=/sys/kernel/debug/smmu3_emu/smmu3-emu/regs
field() { sed -n "s/^$1: //p" "$info"; }
# emu_reg NAME: a register as the emulator holds it
emu_reg() { awk -v n="$1" '$1 == n { print $NF; exit }' "$regs"; }

[ -e /sys/kernel/debug/smmu3/iommu/shutdown ] ||
	{ echo "no shutdown hook: the driver has no shutdown callback"; exit 1; }
echo "before: CR0 $(emu_reg CR0) IRQ_CTRL $(emu_reg IRQ_CTRL) GBPA $(emu_reg GBPA)"
echo 1 >/sys/kernel/debug/smmu3/iommu/shutdown
echo "after: CR0 $(emu_reg CR0) CR0ACK $(emu_reg CR0ACK) IRQ_CTRL $(emu_reg IRQ_CTRL) GBPA $(emu_reg GBPA)"
for r in CR0 CR0ACK IRQ_CTRL; do
	v=$(emu_reg $r)
	[ $((v)) = 0 ] || { echo "$r is $v after shutdown"; cat "$regs"; exit 1; }
done
# GBPA.ABORT (bit 20)
[ $(($(emu_reg GBPA) & 0x100000)) != 0 ] || { echo "GBPA does not abort"; exit 1; }
[ "$(field stopped)" = 1 ]
if smmu3-dma testdev-b copy 0x1000 coherent; then
	echo "DMA succeeded after shutdown"
	exit 1
fi
echo "$smmu" >"$pdrv/smmu3/unbind"
echo "$smmu" >"$pdrv/smmu3/bind"
emu_wait_ready
for d in a b c; do
	smmu3-dma testdev-$d copy 0x10000 sg >/dev/null
done
echo "enabled again by a new probe: copies verified on a b c"
