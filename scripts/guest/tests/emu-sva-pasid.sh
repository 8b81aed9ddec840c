# machines: plain stock
# PASIDs on the stall-capable SMMU (smmu3-emu-sva, 32 stall slots):
# testdev-sva (dma-can-stall, pasid-num-bits = 8) gets paging domains at
# PASIDs 1 and 2.  The driver sets CD.S for a device that can stall, so an
# access across PASIDs is a translation fault that stalls (§3.12.2); no
# handler can resolve it, the kernel answers with a termination and the
# DMA fails naming the SubstreamID.  A PASID without a domain is C_BAD_CD
# (a configuration fault, never stalled), named with its SSID in the
# driver's event.  Every stall ends, resumed or terminated.
set -e
. /guest/lib.sh
sva_stack
dev=$SVA_DEV
info=/sys/kernel/debug/smmu3/iommu-sva/info
max=$(sva_stat max_pasids)
echo "$dev: max_pasids $max, $(sva_stat stall)"
[ "$max" = 256 ] || { echo "expected 256 PASIDs (pasid-num-bits 8)"; exit 1; }
grep '^features' "$info"
s0=$(emu_stat stalls)

smmu3-dma $dev pasid-attach 1
smmu3-dma $dev pasid-attach 2
smmu3-dma $dev pasid-fill 1 0xa1
smmu3-dma $dev pasid-fill 2 0xb2
rid=$(testdev_keep $dev 0x10000)
echo "$dev keeps a DMA-API buffer at $rid"

# A stalled, then terminated F_TRANSLATION
stalled="stalled ([0-9]* stalls), terminated: the fault could not be resolved"
dma_fault "PASID 1 read PASID 2's buffer" \
	"fault F_TRANSLATION sid 0x60 ssid 0x1 iova 0x2000000 read: $stalled" \
	smmu3-dma $dev pasid-read 1 0x2000000 4096
dma_fault "PASID 2 wrote PASID 1's buffer" \
	"fault F_TRANSLATION sid 0x60 ssid 0x2 iova 0x1000000 write: $stalled" \
	smmu3-dma $dev pasid-write 2 0x1000000 4096
dma_fault "PASID 1 wrote the DMA-API buffer" \
	"fault F_TRANSLATION sid 0x60 ssid 0x1 iova $rid write: $stalled" \
	smmu3-dma $dev pasid-write 1 "$rid" 4096
# Without a SubstreamID at PASID 1's buffer: the DMA-API domain's fault
dma_fault "the device without a PASID read PASID 1's buffer" \
	"fault F_TRANSLATION sid 0x60 iova 0x1000000 read" \
	smmu3-dma $dev read 0x1000000 4096
# A PASID without a domain: C_BAD_CD, which does not stall
dma_fault "PASID 5 has no domain but read" \
	"fault C_BAD_CD sid 0x60 ssid 0x5 iova 0x1000000 read (event recorded)" \
	smmu3-dma $dev pasid-read 5 0x1000000 4096
wait_last_event "$info" C_BAD_CD 0x60 0x5
# The buffers still hold what they were filled with; fills still verify
smmu3-dma $dev pasid-fill 1 0x11
smmu3-dma $dev pasid-fill 2 0x22
smmu3-dma $dev verify
smmu3-dma $dev pasid-detach 1
smmu3-dma $dev pasid-detach 2
smmu3-dma $dev free
stalls=$(($(emu_stat stalls) - s0))
echo "stalls on smmu3-emu-sva: $stalls"
[ "$stalls" -ge 3 ] || { echo "expected at least 3 stalls (the PASID faults)"; exit 1; }
sva_quiet || { echo "a stall did not end once, timed out, or the checker reported"; exit 1; }
echo "PASIDs isolated on the stall-capable SMMU, every stall terminated"
