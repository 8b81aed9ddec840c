# machines: plain
# Unmap then access, strict mode.  The device reads a streaming mapping
# (filling the emulated TLB), the driver unmaps it and invalidates, and
# the same access now faults: a translation fault of the device's
# StreamID at the unmapped IOVA, reported by the DMA port and by the
# driver's event record alike, after at least one TLBI reached the
# emulated SMMU.  No stale TLB entry is used.
set -e
. /guest/lib.sh
emu_stack
info=/sys/kernel/debug/smmu3_testdev/testdev-a/info
smmu=/sys/kernel/debug/smmu3/iommu/info
stats=/sys/kernel/debug/smmu3_emu/smmu3-emu/stats
grep -q '^domain: DMA$' "$info" ||
	{ echo "testdev-a is not in a strict DMA domain"; exit 1; }
# TLB invalidations the emulated SMMU consumed, of any kind
tlbis() {
	awk '$1 ~ /^cmd_TLBI_/ { n += $2 } END { print n + 0 }' "$stats"
}
events() {
	sed -n 's/^events: //p' "$smmu"
}
for n in 1 2 3; do
	t0=$(tlbis)
	e0=$(events)
	out=$(smmu3-dma testdev-a unmap-access 0x2000)
	echo "$out"
	iova=$(echo "$out" |
		sed -n 's/.*after unmap: fault F_TRANSLATION sid 0x10 iova \(0x[0-9a-f]*\) read (event recorded)$/\1/p')
	[ -n "$iova" ] ||
		{ echo "after unmap: not a recorded translation fault of sid 0x10 on a read"; exit 1; }
	t1=$(tlbis)
	[ "$t1" -gt "$t0" ] ||
		{ echo "no TLBI consumed by the emulated SMMU for the unmap ($t0 -> $t1)"; exit 1; }
	i=0
	while [ "$(events)" -le "$e0" ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	grep '^last_event' "$smmu"
	grep -q '^last_event: F_TRANSLATION sid 0x10$' "$smmu" ||
		{ echo "the driver's last event is not an F_TRANSLATION of sid 0x10"; exit 1; }
	grep -q "^last_event_detail: .*rnw 1 .*addr $iova\\b" "$smmu" ||
		{ echo "the driver's event is not a read at $iova"; exit 1; }
	echo "pass $n: fault at $iova, TLBIs $t0 -> $t1"
done
