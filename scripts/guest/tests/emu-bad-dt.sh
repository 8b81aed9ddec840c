# machines: plain
# Issue 5, test 8: bad device tree input.  A StreamID beyond SIDSIZE, a
# StreamID shared by two devices and an IOMMU without #iommu-cells each
# give a clear error for that device; the other devices keep working.
. /guest/lib.sh
emu_stack || exit 1
fail=0
check() {
	if dmesg | grep -q "$1"; then
		echo "logged: $(dmesg | grep "$1" | head -n 1)"
	else
		echo "missing from the log: $1"; fail=1
	fi
}
check 'StreamID 0x10000 out of range'
check 'StreamID 0x20 is already used by'
check 'testdev-no-cells.*not behind an IOMMU'
for d in bad-sid dup-sid no-cells; do
	if [ -d /sys/kernel/debug/smmu3_testdev/testdev-$d ]; then
		echo "testdev-$d was bound"; fail=1
	fi
done
for d in a b c; do
	smmu3-dma testdev-$d copy 0x10000 sg || fail=1
done
exit $fail
