# machines: plain
# SMMU unbind with drivers bound: the SMMU unbound through sysfs while drivers are
# bound to devices behind it.  Their drivers (smmu3_testdev, the DMA owner
# smmu3_testdev_owned, dma_map_benchmark) are unbound first and bind again
# by themselves when the SMMU is back; the emulator's unbind does the same
# one level up.  Before: the test devices stayed bound without an IOMMU
# and unbinding the emulator oopsed; a DMA owner gave a WARNING and a
# null dereference.
set -e
. /guest/lib.sh
emu_stack
pdrv=/sys/bus/platform/drivers
smmu=$(pdev_of iommu)
emu=$(pdev_of smmu3-emu)
bound_to() {
	basename "$(readlink -f "/sys/bus/platform/devices/$(pdev_of "$1")/driver")"
}
# wait_bound NAME DRIVER: 10 s at most
wait_bound() {
	_i=0
	while [ "$(bound_to "$1")" != "$2" ]; do
		[ $_i -lt 100 ] || { echo "$1 not bound to $2: $(bound_to "$1")"; return 1; }
		sleep 0.1
		_i=$((_i + 1))
	done
}
unbound_abc() {
	for d in a b c; do
		if [ -e "/sys/bus/platform/devices/$(pdev_of testdev-$d)/driver" ]; then
			echo "testdev-$d still bound to $(bound_to testdev-$d) without its SMMU"
			return 1
		fi
	done
}
copies() {
	for d in a b c s2; do
		smmu3-dma testdev-$d copy 0x10000 sg >/dev/null ||
			{ echo "testdev-$d: $(cat /sys/kernel/debug/smmu3_testdev/testdev-$d/cmd)"; return 1; }
	done
	echo "copies verified on a b c s2"
}

testdev_keep testdev-c 0x2000 >/dev/null
echo "$smmu" >"$pdrv/smmu3/unbind"
unbound_abc
[ -d /sys/kernel/debug/smmu3_testdev/testdev-s2 ]
echo "$smmu" >"$pdrv/smmu3/bind"
emu_wait_ready
copies
echo "$emu" >"$pdrv/smmu3-emu/unbind"
[ ! -e "/sys/bus/platform/devices/$smmu/driver" ]
unbound_abc
echo "$emu" >"$pdrv/smmu3-emu/bind"
emu_wait_ready
copies

# A DMA owner
testdev_driver testdev-b smmu3_testdev_owned
grep '^domain: blocked' /sys/kernel/debug/smmu3_testdev/testdev-b/info
echo "$smmu" >"$pdrv/smmu3/unbind"
unbound_abc
echo "$smmu" >"$pdrv/smmu3/bind"
wait_bound testdev-b smmu3_testdev_owned
wait_bound testdev-a smmu3_testdev
grep '^domain: blocked' /sys/kernel/debug/smmu3_testdev/testdev-b/info
echo "$emu" >"$pdrv/smmu3-emu/unbind"
echo "$emu" >"$pdrv/smmu3-emu/bind"
wait_bound testdev-b smmu3_testdev_owned
testdev_driver testdev-b smmu3_testdev

# dma_map_benchmark
testdev_driver testdev-a dma_map_benchmark
echo "$smmu" >"$pdrv/smmu3/unbind"
unbound_abc
echo "$smmu" >"$pdrv/smmu3/bind"
wait_bound testdev-a dma_map_benchmark
testdev_driver testdev-a smmu3_testdev
emu_wait_ready
copies
