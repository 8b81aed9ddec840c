# machines: plain
# ID registers, STE.SHCFG and a minimal command queue.
# - debugfs "info" shows IIDR, AIDR and the features the driver reads but
#   does not use (stall model, HTTU, VAX; PRI, ATS, BTM in "features").
# - The emulator has IDR1.ATTR_TYPES_OVR = 0: STE.SHCFG is RES0, and the
#   STEs the SMMU fetches (testdev-a in a DMA domain, then in an identity
#   domain) have it 0.  Before: SHCFG was 0b01 (incoming) in every STE.
# - smmu3-emu-s2 has a two-entry command queue (IDR1.CMDQS 1): the driver
#   issues one command per CMD_SYNC and every command completes.  Before:
#   a batch and its CMD_SYNC did not fit, the reset's commands stayed
#   unwritten ("command queue full") and the SMMU did not probe.
set -e
. /guest/lib.sh
emu_stack
info=/sys/kernel/debug/smmu3/iommu/info
info2=/sys/kernel/debug/smmu3/iommu-s2/info
emu=/sys/kernel/debug/smmu3_emu/smmu3-emu
field() { sed -n "s/^$2: //p" "$1"; }
fail() { echo "$*"; exit 1; }

for f in iidr aidr stall_model httu vax; do
	v=$(field $info $f)
	[ -n "$v" ] || fail "info has no $f"
	echo "$f: $v"
done
field $info aidr | grep -q '(SMMUv3\.[0-9])' || fail "AIDR not decoded"
grep -q 'attr-types-ovr' $info && fail "the emulator has no ATTR_TYPES_OVR"

# shcfg SID: STE.SHCFG (doubleword 1, bits 45:44) as the SMMU fetches it
shcfg() {
	echo "$1" >"$emu/ste"
	w1=$(sed -n 's/^ste: [0-9a-f]* \([0-9a-f]*\) .*/\1/p' "$emu/ste")
	[ -n "$w1" ] || { cat "$emu/ste"; return 1; }
	echo $(((0x$w1 >> 44) & 3))
}
s=$(shcfg 0x10)
echo "testdev-a (DMA domain): SHCFG $s"
[ "$s" = 0 ] || fail "SHCFG $s in a stage-1 STE without ATTR_TYPES_OVR"
testdev_settype testdev-a identity
s=$(shcfg 0x10)
echo "testdev-a (identity): SHCFG $s"
[ "$s" = 0 ] || fail "SHCFG $s in a bypass STE without ATTR_TYPES_OVR"
testdev_settype testdev-a DMA
smmu3-dma testdev-a copy 0x10000 sg >/dev/null

grep '^cmdq: 2 entries' $info2 || fail "iommu-s2: $(grep '^cmdq:' $info2)"
t0=$(field $info2 cmdq_timeouts)
for m in coherent streaming sg; do
	smmu3-dma testdev-s2 copy 0x100000 $m >/dev/null
done
smmu3-dma testdev-s2 unmap-access 0x10000 >/dev/null 2>&1 || :
[ "$(field $info2 cmdq_timeouts)" = "$t0" ] || fail "command timeouts on iommu-s2"
[ "$(field $info2 cmdq_errors)" = 0 ] || fail "command errors on iommu-s2"
echo "iommu-s2: 1 MiB copies verified with a two-entry command queue"
