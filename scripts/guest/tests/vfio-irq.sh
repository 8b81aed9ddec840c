# machines: plain
# The assigned device's interrupt through VFIO: an eventfd set with
# VFIO_DEVICE_SET_IRQS (index 0, ACTION_TRIGGER, DATA_EVENTFD) is
# signalled when a DMA completes and when one faults (IRQ_STATUS DONE,
# then ERROR, W1C), and no more once it is disabled (count 0), with both
# back ends.  testdev-vfio's interrupt is an MSI: each raise is one
# device write counted by the emulator as a client doorbell write
# (dma_doorbells), and its interrupt shows in /proc/interrupts while the
# eventfd is set.
set -e
. /guest/lib.sh
vfio_stack
for be in type1 iommufd; do
	d0=$(emu_dma_doorbells)
	smmu3-vmm --$be $VFIO_DEV irq || fail "smmu3-vmm --$be irq failed"
	d=$(($(emu_dma_doorbells) - d0))
	echo "$be: the emulator delivered $d client MSIs to the ITS"
	# completion + error; none once disabled
	[ $d = 2 ] || fail "$be: $d client doorbell writes, expected 2"
done
# While the eventfd is set, the device's MSI is an ITS platform MSI in
# /proc/interrupts, and the completion the tool waited for was received
smmu3-vmm --type1 $VFIO_DEV hold 20 >/tmp/hold.out 2>&1 &
pid=$!
i=0
while ! grep -q '^hold: ' /tmp/hold.out && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
cat /tmp/hold.out
line=$(grep "smmu3-vfio-$(pdev_of $VFIO_DEV)\$" /proc/interrupts) ||
	{ kill -USR1 $pid; fail "no interrupt of the assigned device in /proc/interrupts"; }
echo "$line"
n=$(echo "$line" | awk '{ for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) s += $i; print s + 0 }')
case $line in
*ITS*) ;;
*) kill -USR1 $pid; fail "the assigned device's interrupt is not an ITS MSI" ;;
esac
[ "$n" -ge 1 ] || { kill -USR1 $pid; fail "its MSI was not received (count $n)"; }
kill -USR1 $pid
wait_pid $pid 20
grep -q 'guest RAM intact' /tmp/hold.out || fail "hold: $(tail -n 1 /tmp/hold.out)"
# No interrupt is left behind by the tool
grep "smmu3-vfio-" /proc/interrupts && fail "an interrupt of the assigned device is left"
vfio_back
smmu3-dma $VFIO_DEV copy 0x10000 sg
