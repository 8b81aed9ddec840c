# machines: plain
# Isolation.  Device A reads and writes device B's live IOVA: the
# emulated SMMU terminates each access with a translation fault naming A's
# StreamID and B's IOVA (nothing else is accepted: not an abort, not
# another fault), the driver reports the events, and B's data is
# untouched.
set -e
. /guest/lib.sh
emu_stack
iova=$(testdev_keep testdev-b 0x10000)
echo "testdev-b keeps a buffer at $iova"
info=/sys/kernel/debug/smmu3/iommu/info
before=$(sed -n 's/^events: //p' "$info")
# attempt OP: device A's access to B's buffer must end in exactly the
# translation fault of A's StreamID at B's IOVA
attempt() {
	if out=$(smmu3-dma testdev-a "$1" "$iova" 4096); then
		echo "$out"; echo "device A could $1 device B's buffer"; exit 1
	fi
	echo "$out"
	case $1 in
	read) dir=read ;;
	*) dir=write ;;
	esac
	echo "$out" | grep -q "fault F_TRANSLATION sid 0x10 iova $iova $dir (event recorded)" ||
		{ echo "device A's $1 did not end in A's translation fault at $iova"; exit 1; }
}
attempt write
attempt write
attempt read
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
