# machines: plain
# Forced stalls (IDR0.STALL_MODEL = 0b10, smmu3-emu-forced).  The driver
# binds that SMMU (it used to refuse it) and sets CD.S = 1 in every CD, as
# the architecture requires there (an ILLEGAL CD.S = 0 would end every DMA
# in C_BAD_CD).  A fault of testdev-forced, which cannot wait for a stall,
# stalls anyway; the driver aborts the stall with CMD_RESUME (no handler),
# the DMA fails, the emulator counts one stall and one abort, and the
# device's next DMA works.
set -e
. /guest/lib.sh
emu_stack
dev=testdev-forced
info=/sys/kernel/debug/smmu3/iommu-forced/info
emu=/sys/kernel/debug/smmu3_emu/smmu3-emu-forced/stats
field() { sed -n "s/^$1: //p" "$info"; }
stat() { awk -v k="$1" '$1 == k || $1 == k ":" { print $2 }' "$emu"; }

[ -r "$info" ] || { echo "the SMMU with forced stalls is not bound"; exit 1; }
grep '^stall_model' "$info"
[ "$(field stall_model)" = "2 (stall forced)" ]
grep -q '^features:.* stall-force' "$info" ||
	{ echo "stall-force missing from the features"; grep features "$info"; exit 1; }
smmu3-dma $dev copy 0x10000 coherent
smmu3-dma $dev copy 0x10000 sg
streams=/sys/kernel/debug/smmu3/iommu-forced/streams
grep -A4 '^sid 0x70:' "$streams"
grep -A4 '^sid 0x70:' "$streams" | grep -q ' a 1 s 1 ' ||
	{ echo "CD 0 of sid 0x70 lacks CD.S = 1"; exit 1; }

s0=$(stat stalls) a0=$(stat stall_aborts) d0=$(field stalls_aborted)
dmesg -c >/dev/null
if out=$(smmu3-dma $dev read 0x7f000000 4096); then
	echo "a read of an unmapped IOVA succeeded: $out"
	exit 1
fi
echo "$out"
i=0
while [ "$(stat stall_aborts)" = "$a0" ] && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
echo "emulator: stalls +$(($(stat stalls) - s0)), aborted +$(($(stat stall_aborts) - a0)); driver: stalls_aborted +$(($(field stalls_aborted) - d0))"
[ $(($(stat stalls) - s0)) = 1 ] && [ $(($(stat stall_aborts) - a0)) = 1 ] &&
	[ $(($(field stalls_aborted) - d0)) = 1 ] ||
	{ echo "expected one stall, aborted once by the driver"; exit 1; }
dmesg | grep 'stall of sid 0x70 STAG .* no I/O page fault handling for the stream, aborted' ||
	{ echo "the abort was not logged"; dmesg | tail; exit 1; }
[ "$(stat stall_timeouts)" = 0 ] || { echo "a stall was left hanging"; exit 1; }
smmu3-dma $dev copy 0x10000 coherent
echo "forced stalls: CD.S set, a stall nobody can resolve aborted"
