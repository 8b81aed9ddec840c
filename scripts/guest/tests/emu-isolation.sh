# machines: plain
# Issue 5, test 2: isolation.  Device A reads and writes device B's live
# IOVA: the emulated SMMU terminates both with a translation fault naming
# A's StreamID, the driver reports the event, and B's data is untouched.
set -e
. /guest/lib.sh
emu_stack
iova=$(testdev_keep testdev-b 0x10000)
echo "testdev-b keeps a buffer at $iova"
info=/sys/kernel/debug/smmu3/iommu/info
before=$(sed -n 's/^events: //p' "$info")
if smmu3-dma testdev-a write "$iova" 4096; then
	echo "device A wrote device B's buffer"; exit 1
fi
smmu3-dma testdev-a write "$iova" 4096 | grep -q 'fault F_TRANSLATION sid 0x10 '
if smmu3-dma testdev-a read "$iova" 4096; then
	echo "device A read device B's buffer"; exit 1
fi
# The driver's event thread runs asynchronously: wait for all three
i=0
while [ "$(sed -n 's/^events: //p' "$info")" -lt $((before + 3)) ] && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
grep '^events: \|^last_event: ' "$info"
[ "$(sed -n 's/^events: //p' "$info")" -ge $((before + 3)) ] ||
	{ echo "the driver did not receive the three fault events"; exit 1; }
grep -q '^last_event: F_TRANSLATION sid 0x10$' "$info" ||
	{ echo "last event is not an F_TRANSLATION of sid 0x10"; exit 1; }
smmu3-dma testdev-b verify
smmu3-dma testdev-b read "$iova" 4096
smmu3-dma testdev-b free
