# machines: plain
# Service failure mode: the emulator raises
# GERROR.SFM_ERR (its debugfs "gerror").  The driver logs it, disables the
# SMMU (CR0 0: SMMUEN and the queues off, GBPA aborts) and fails commands
# at once; DMA through the SMMU no longer succeeds.  Unbinding and binding
# the SMMU resets it, and its test devices work again.  Before: the
# driver only logged it and left the SMMU enabled.
set -e
. /guest/lib.sh
emu_stack
pdrv=/sys/bus/platform/drivers
smmu=$(pdev_of iommu)
info=/sys/kernel/debug/smmu3/iommu/info
field() { sed -n "s/^$1: //p" "$info"; }

smmu3-dma testdev-a copy 0x10000 sg >/dev/null
dmesg -c >/dev/null
g0=$(field gerrors)
echo 0x100 >/sys/kernel/debug/smmu3_emu/smmu3-emu/gerror
i=0
while [ "$(field stopped)" != 1 ] && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
dmesg | grep 'service failure mode (GERROR.SFM_ERR): disabling the SMMU' ||
	{ echo "service failure not logged"; dmesg | tail; exit 1; }
[ "$(field stopped)" = 1 ] || { echo "the SMMU was not stopped"; cat "$info"; exit 1; }
[ $(($(field cr0))) = 0 ] || { echo "CR0 is $(field cr0), not 0"; exit 1; }
[ "$(field gerrors)" -gt "$g0" ]
# SFM_ERR acknowledged: GERROR = GERRORN
[ "$(field gerror)" = "$(field gerrorn)" ] ||
	{ echo "GERROR $(field gerror) GERRORN $(field gerrorn)"; exit 1; }
if smmu3-dma testdev-a copy 0x1000 coherent; then
	echo "DMA succeeded through a disabled SMMU"
	exit 1
fi
echo "DMA refused while the SMMU is disabled"

echo "$smmu" >"$pdrv/smmu3/unbind"
echo "$smmu" >"$pdrv/smmu3/bind"
emu_wait_ready
[ "$(field stopped)" = 0 ]
for d in a b c; do
	smmu3-dma testdev-$d copy 0x10000 sg >/dev/null
done
echo "reset by a new probe: copies verified on a b c"
