# machines: plain
# Issue 5, test 5: a fault storm.  100000 faulting reads: the kernel stays
# up, the emulator counts the faults, the event queue overflows and the
# driver reports it, and a correct DMA afterwards verifies.
set -e
. /guest/lib.sh
emu_stack
smmu3-dma testdev-c storm 100000 0xdead0000
# testdev-c is behind the SMMU "iommu" on the emulator "smmu3-emu"
info=/sys/kernel/debug/smmu3/iommu/info
stats=/sys/kernel/debug/smmu3_emu/smmu3-emu/stats
# The driver drains the event queue asynchronously
i=0
while ! grep -q '^event_overflows: [1-9]' "$info" &&
	[ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
grep -i 'F_TRANSLATION\|dropped\|events' "$stats" | head -n 5
grep 'events\|overflow' "$info"
ovf=$(sed -n 's/^event_overflows: //p' "$info")
[ "${ovf:-0}" -ge 1 ] || { echo "no event queue overflow reported"; exit 1; }
smmu3-dma testdev-c copy 0x100000 sg
