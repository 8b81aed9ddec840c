# machines: plain stock
# The DMA-API domain.  A test device behind the emulated
# SMMU copies 1 MiB through a scatter-gather list (its own pages, mapped
# with dma_map_sgtable) and the CPU verifies it byte for byte; coherent and
# streaming buffers, fill and checksum likewise.  The emulator's command
# budget (2, scripts/dts/smmu3.dtsi) made it consume part of the driver's
# commands after the write that published them: cmdq_deferred shows it.
set -e
. /guest/lib.sh
emu_stack
smmu3-dma list
smmu3-dma testdev-a copy 0x100000 sg
smmu3-dma testdev-a copy 0x40000 coherent
smmu3-dma testdev-a copy 0x40000 streaming
smmu3-dma testdev-b fill 0x10000 0x3c
smmu3-dma testdev-c checksum 0x30000
grep -q '^domain: DMA' /sys/kernel/debug/smmu3_testdev/testdev-a/info
deferred=$(sed -n 's/^cmdq_deferred *//p' /sys/kernel/debug/smmu3_emu/smmu3-emu/stats)
echo "command budgets consumed after their write: $deferred"
[ "${deferred:-0}" -gt 0 ]
# Every translation is counted once, by how it was answered: 3000 reads
# of one kept page are answered from the emulator's caches (the context's
# last translation or the TLB), with at most one walk
stats=/sys/kernel/debug/smmu3_emu/smmu3-emu/stats
emu_stat() {
	awk -v n="$1" '$1 == n { v = $2 } END { print v + 0 }' "$stats"
}
iova=$(testdev_keep testdev-c 0x1000)
t0=$(emu_stat translations) u0=$(emu_stat xlate_utlb_hits) h0=$(emu_stat xlate_tlb_hits)
w0=$(emu_stat xlate_walks) n0=$(emu_stat xlate_no_lookup)
out=$(smmu3-dma testdev-c storm 3000 "$iova")
echo "$out"
[ "$out" = "ok storm 3000 accesses: 0 faults, 0 aborts, 3000 succeeded" ]
smmu3-dma testdev-c free
t=$(($(emu_stat translations) - t0)) u=$(($(emu_stat xlate_utlb_hits) - u0))
h=$(($(emu_stat xlate_tlb_hits) - h0)) w=$(($(emu_stat xlate_walks) - w0))
n=$(($(emu_stat xlate_no_lookup) - n0))
echo "3000 reads of $iova: $t translations, $u last-translation hits, $h TLB hits, $w walks, $n before a lookup"
[ "$t" = 3000 ] && [ $((u + h + w + n)) = 3000 ] && [ $((u + h)) -ge 2999 ] && [ "$w" -le 1 ] && [ "$n" = 0 ]
