# machines: plain stock
# Bad device tree input.  A StreamID beyond SIDSIZE and an IOMMU without
# #iommu-cells each give a clear error for that device; of two devices
# that share a StreamID (testdev-dup-sid-1 and -2), exactly one is
# bound and the other refused, naming the first; the other devices keep
# working.
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
check 'StreamID 0x30 is already used by testdev-dup-sid-[12]$'
check 'testdev-no-cells.*not behind an IOMMU'
n=0
for d in dup-sid-1 dup-sid-2; do
	[ -d /sys/kernel/debug/smmu3_testdev/testdev-$d ] && n=$((n + 1))
done
echo "of the two devices with StreamID 0x30, $n bound"
[ $n = 1 ] || fail=1
for d in bad-sid no-cells; do
	if [ -d /sys/kernel/debug/smmu3_testdev/testdev-$d ]; then
		echo "testdev-$d was bound"; fail=1
	fi
done
for d in a b c; do
	smmu3-dma testdev-$d copy 0x10000 sg || fail=1
done
exit $fail
