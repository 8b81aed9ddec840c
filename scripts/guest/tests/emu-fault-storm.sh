# machines: plain
# A fault storm: 100000 faulting reads of testdev-c (StreamID 0x1234).
# The kernel stays up and the storm's own counts add up: the test device
# reports 100000 faults and nothing else; the emulated SMMU counts 100000
# more F_TRANSLATION faults, each either written to the event queue or
# dropped because the queue was full (at least one was: the queue
# overflowed); the driver receives every record written and reports at
# least one overflow.  A correct DMA afterwards verifies.
set -e
. /guest/lib.sh
emu_stack
n=100000
# testdev-c is behind the SMMU "iommu" on the emulator "smmu3-emu"
info=/sys/kernel/debug/smmu3/iommu/info
stats=/sys/kernel/debug/smmu3_emu/smmu3-emu/stats
emu_stat() {
	awk -v n="$1" '$1 == n { v = $2 } END { print v + 0 }' "$stats"
}
drv_stat() {
	sed -n "s/^$1: //p" "$info"
}
f0=$(emu_stat fault_F_TRANSLATION) e0=$(emu_stat events) d0=$(emu_stat events_dropped)
r0=$(drv_stat events) o0=$(drv_stat event_overflows)
out=$(smmu3-dma testdev-c storm $n 0xdead0000) || { echo "$out"; exit 1; }
echo "$out"
[ "$out" = "ok storm $n accesses: $n faults, 0 aborts, 0 succeeded" ] ||
	{ echo "the storm did not end in $n faults"; exit 1; }
f1=$(emu_stat fault_F_TRANSLATION) e1=$(emu_stat events) d1=$(emu_stat events_dropped)
faults=$((f1 - f0)) written=$((e1 - e0)) dropped=$((d1 - d0))
echo "emulator: $faults faults, $written records written, $dropped dropped"
[ $faults = $n ] || { echo "the emulator counted $faults faults, not $n"; exit 1; }
[ $((written + dropped)) = $n ] ||
	{ echo "records written + dropped = $((written + dropped)), not $n"; exit 1; }
[ $dropped -ge 1 ] || { echo "the event queue never overflowed"; exit 1; }
# The driver drains the event queue asynchronously
i=0
while [ $(($(drv_stat events) - r0)) -lt $written ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
received=$(($(drv_stat events) - r0)) overflows=$(($(drv_stat event_overflows) - o0))
echo "driver: $received records received, $overflows overflows reported"
[ $received = $written ] ||
	{ echo "the driver received $received records, the emulator wrote $written"; exit 1; }
[ $overflows -ge 1 ] || { echo "the driver reported no event queue overflow"; exit 1; }
smmu3-dma testdev-c copy 0x100000 sg
