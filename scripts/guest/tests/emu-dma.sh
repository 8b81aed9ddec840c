# machines: plain stock
# Issue 5, test 1: the DMA-API domain.  A test device behind the emulated
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
