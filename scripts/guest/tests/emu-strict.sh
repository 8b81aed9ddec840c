# machines: plain
# Strict mode: the emulator runs in strict mode by default
# (module parameter smmu3_emu.strict: invalidations complete only at the
# next CMD_SYNC, and the checker compares the cached STEs, CDs and leaf
# descriptors with memory at every CMD_SYNC).  The project's driver makes
# no checker report: DMA of every kind through both emulated SMMUs (stage 1
# and stage 2), unmap then access, a lazy (DMA-FQ) domain, and every
# checker counter is still zero afterwards, with CMD_SYNCs checked.
. /guest/lib.sh
fail() {
	echo "FAIL: $*"
	exit 1
}
emu_stack || fail "stack did not load"
[ "$(cat /sys/module/smmu3_emu/parameters/strict)" = Y ] ||
	fail "smmu3_emu.strict is not on by default"
emus=/sys/kernel/debug/smmu3_emu
for d in "$emus"/smmu3-emu "$emus"/smmu3-emu-s2; do
	grep -qx 'strict 1' "$d/checker" || fail "$d is not in strict mode"
done
smmu3-dma testdev-a copy 0x100000 sg || fail "copy sg"
smmu3-dma testdev-a copy 0x40000 coherent || fail "copy coherent"
smmu3-dma testdev-a copy 0x40000 streaming || fail "copy streaming"
smmu3-dma testdev-b fill 0x10000 0x3c || fail "fill"
smmu3-dma testdev-c checksum 0x30000 || fail "checksum"
smmu3-dma testdev-s2 copy 0x40000 sg || fail "stage-2 copy"
for n in 1 2; do
	smmu3-dma testdev-a unmap-access 0x2000 | grep -q 'after unmap: fault F_TRANSLATION' ||
		fail "unmap-access $n did not fault"
done
# A lazy domain: unmapped IOVAs stay in the TLB until the flush queue's
# invalidation, which is allowed while nothing uses them
testdev_settype testdev-c DMA-FQ || fail "DMA-FQ"
smmu3-dma testdev-c checksum 0x30000 || fail "lazy checksum"
smmu3-dma testdev-c copy 0x40000 streaming || fail "lazy copy"
testdev_settype testdev-c DMA || fail "back to DMA"
smmu3-dma testdev-c checksum 0x30000 || fail "checksum after DMA-FQ"
rc=0
for d in "$emus"/smmu3-emu "$emus"/smmu3-emu-s2; do
	echo "== $d/checker"
	cat "$d/checker"
	total=$(awk '$1 == "total" { print $2 }' "$d/checker")
	[ "$total" = 0 ] || { echo "FAIL: $total checker reports"; rc=1; }
done
checks=$(awk '$1 == "checks" { print $2 }' "$emus/smmu3-emu/checker")
[ "${checks:-0}" -gt 0 ] || { echo "FAIL: no CMD_SYNC checked"; rc=1; }
exit $rc
