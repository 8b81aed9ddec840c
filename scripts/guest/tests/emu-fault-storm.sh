# machines: plain
# Issue 5, test 5: a fault storm.  100000 faulting reads: the kernel stays
# up, the emulator counts the faults, the event queue overflows and the
# driver reports it, and a correct DMA afterwards verifies.
set -e
. /guest/lib.sh
emu_stack
smmu3-dma testdev-c storm 100000 0xdead0000
# The driver drains the event queue asynchronously
i=0
while ! grep -q '^event_overflows: [1-9]' /sys/kernel/debug/smmu3/iommu/info &&
	[ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
stats=$(cat /sys/kernel/debug/smmu3_emu/*/stats)
echo "$stats" | grep -i 'F_TRANSLATION\|dropped\|events' | head -n 5
info=$(cat /sys/kernel/debug/smmu3/*/info | grep -v '^$')
echo "$info" | grep 'events\|overflow'
ovf=$(echo "$info" | sed -n 's/^event_overflows: //p' | head -n 1)
[ "${ovf:-0}" -ge 1 ] || { echo "no event queue overflow reported"; exit 1; }
smmu3-dma testdev-c copy 0x100000 sg
