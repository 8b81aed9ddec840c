# machines: plain stock
# Emulator rebind: an emulator unbound and bound again through sysfs.
# Its SMMU and the test devices behind it are unbound with it and come
# back by themselves (before: the test devices stayed unbound, silently).
set -e
. /guest/lib.sh
emu_stack
pdrv=/sys/bus/platform/drivers
for e in smmu3-emu smmu3-emu-s2; do
	dev=$(pdev_of $e)
	echo "$dev" >"$pdrv/smmu3-emu/unbind"
	echo "$dev" >"$pdrv/smmu3-emu/bind"
	emu_wait_ready
	for d in a b c s2; do
		smmu3-dma testdev-$d copy 0x10000 sg
	done
done
