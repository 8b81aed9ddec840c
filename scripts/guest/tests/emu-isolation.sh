# machines: plain
# Issue 5, test 2: isolation.  Device A reads and writes device B's live
# IOVA: the emulated SMMU terminates both with a translation fault naming
# A's StreamID, the driver reports the event, and B's data is untouched.
set -e
. /guest/lib.sh
emu_stack
out=$(smmu3-dma testdev-b keep 0x10000)
echo "$out"
iova=$(echo "$out" | sed -n 's/.*iova \(0x[0-9a-f]*\).*/\1/p')
dmesg -c >/dev/null
if smmu3-dma testdev-a write "$iova" 4096; then
	echo "device A wrote device B's buffer"; exit 1
fi
smmu3-dma testdev-a write "$iova" 4096 | grep -q 'fault F_TRANSLATION sid 0x10 '
if smmu3-dma testdev-a read "$iova" 4096; then
	echo "device A read device B's buffer"; exit 1
fi
sleep 0.5
dmesg | grep 'F_TRANSLATION: sid 0x10 ' | head -n 2
dmesg | grep -q 'F_TRANSLATION: sid 0x10 ' || { echo "no event for sid 0x10 in the log"; exit 1; }
smmu3-dma testdev-b verify
smmu3-dma testdev-b read "$iova" 4096
smmu3-dma testdev-b free
