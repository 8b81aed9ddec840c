# machines: plain
# Releasing an assigned device in the middle of its DMA.  With each back
# end: the tool killed (SIGKILL) while its DMAs run back to back, and the
# device file closed with a DMA running while the container or IOAS stay
# open: close_device stops the engine and waits for its worker before
# VFIO detaches its domain; the device is then assigned again at once.
# rmmod smmu3_testdev_vfio is refused while the device is open; unbinding
# it while open stops the DMA, asks (request) and waits until the tool,
# refused further DMA, closes it.  Then the device returns to the kernel
# (smmu3_testdev, its DMA domain) and works, and the module unloads
# (vfio_back).  The harness checks the kernel log (KASAN, lockdep) and
# kmemleak.
set -e
. /guest/lib.sh
vfio_stack
p=$(pdev_of $VFIO_DEV)
# spin_start BACKEND: smmu3-vmm spinning DMAs in the background ($pid)
spin_start() {
	smmu3-vmm --$1 $VFIO_DEV spin >/tmp/spin.out 2>&1 &
	pid=$!
	_i=0
	while ! grep -q '^spin: DMA running' /tmp/spin.out && [ $_i -lt 200 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	grep -q '^spin: DMA running' /tmp/spin.out ||
		{ kill -9 $pid; cat /tmp/spin.out; fail "$1: spin did not start"; }
}

for be in type1 iommufd; do
	for round in 1 2 3; do
		spin_start $be
		sleep 0.$((round * 3))
		kill -9 $pid
		wait_pid $pid 20 || fail "$be: the killed tool did not exit"
	done
	echo "$be: killed mid-DMA 3 times"
	smmu3-vmm --$be $VFIO_DEV close-mid-dma || fail "$be: close-mid-dma failed"
	smmu3-vmm --$be $VFIO_DEV irq >/tmp/vmm.out 2>&1 ||
		{ cat /tmp/vmm.out; fail "$be: the device does not work after the releases"; }
	tail -n 1 /tmp/vmm.out
done

# rmmod while open: refused (vfio holds the module while the device is open)
spin_start iommufd
if rmmod smmu3_testdev_vfio 2>/tmp/rmmod.out; then
	fail "rmmod smmu3_testdev_vfio succeeded with the device open"
fi
echo "rmmod while open: refused: $(cat /tmp/rmmod.out)"
# unbind while open: the DMA stops, the tool's next GO is refused, it
# closes, the unbind completes
echo "$p" >/sys/bus/platform/drivers/smmu3_testdev_vfio/unbind &
ub=$!
wait_pid $pid 30 || fail "the tool did not close the device after the removal request"
cat /tmp/spin.out
grep -q 'GO refused .*No such device' /tmp/spin.out ||
	fail "the tool's DMA was not refused after the removal request"
wait_pid $ub 30 || fail "the unbind did not complete after the close"
dmesg | grep -q 'removal requested while user space has the device open' ||
	fail "no removal request logged"
[ "$(vfio_bound_to)" = none ] || fail "$VFIO_DEV still bound to $(vfio_bound_to)"
echo "unbind while open: completed after the tool closed the device"

# Back to the kernel
vfio_back
grep '^domain: ' /sys/kernel/debug/smmu3_testdev/$VFIO_DEV/info
grep -q '^domain: DMA' /sys/kernel/debug/smmu3_testdev/$VFIO_DEV/info ||
	fail "$VFIO_DEV back on smmu3_testdev but not on a DMA domain"
smmu3-dma $VFIO_DEV copy 0x100000 sg
smmu3-dma $VFIO_DEV fill 0x10000 0x5c
grep -q '^smmu3_testdev_vfio ' /proc/modules && fail "smmu3_testdev_vfio still loaded"
echo "smmu3_testdev_vfio unloaded"
