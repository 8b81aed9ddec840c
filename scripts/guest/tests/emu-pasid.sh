# machines: plain
# PASIDs.  testdev-c (pasid-num-bits = 4, 16 SubstreamIDs) gets two more
# paging domains, at PASIDs 1 and 2, each with its own buffer: the device
# fills each through its own SubstreamID, and every access across them is
# terminated by the emulated SMMU: PASID 1 cannot reach PASID 2's buffer
# nor the device's DMA-API buffer, the device without a SubstreamID cannot
# reach PASID 1's, a PASID without a domain has no CD, and the driver's
# event names the SubstreamID.  A PASID out of range is refused.  After a
# detach the PASID's accesses fault again.  Beside an identity domain the
# driver refuses a PASID.
set -e
. /guest/lib.sh
emu_stack
dev=testdev-c
info=/sys/kernel/debug/smmu3/iommu/info
max=$(sed -n 's/^max_pasids: //p' /sys/kernel/debug/smmu3_testdev/*"$dev"*/info)
echo "$dev: max_pasids $max"
[ "$max" = 16 ] || { echo "expected 16 PASIDs (pasid-num-bits 4)"; exit 1; }

smmu3-dma $dev pasid-attach 1
smmu3-dma $dev pasid-attach 2
smmu3-dma $dev pasid-fill 1 0xa1
smmu3-dma $dev pasid-fill 2 0xb2
rid=$(testdev_keep $dev 0x10000)
echo "$dev keeps a DMA-API buffer at $rid"

# PASID 1 at PASID 2's buffer, and at the DMA-API buffer
dma_fault "PASID 1 read PASID 2's buffer" \
	"fault F_TRANSLATION sid 0x1234 ssid 0x1 iova 0x2000000 read" \
	smmu3-dma $dev pasid-read 1 0x2000000 4096
dma_fault "PASID 1 wrote the DMA-API buffer" \
	"fault F_TRANSLATION sid 0x1234 ssid 0x1 iova $rid write" \
	smmu3-dma $dev pasid-write 1 "$rid" 4096
# No SubstreamID at PASID 1's buffer
dma_fault "the device without a PASID read PASID 1's buffer" \
	"fault F_TRANSLATION sid 0x1234 iova 0x1000000 read" \
	smmu3-dma $dev read 0x1000000 4096
# A PASID without a domain: its CD is invalid
dma_fault "PASID 5 has no domain but read" \
	"fault C_BAD_CD sid 0x1234 ssid 0x5 iova 0x1000000 read" \
	smmu3-dma $dev pasid-read 5 0x1000000 4096
# Their own buffers still hold what they were filled with
smmu3-dma $dev pasid-fill 1 0x11
smmu3-dma $dev pasid-read 2 0x2000000 65536
# The driver's last event names the SubstreamID
wait_last_event "$info" C_BAD_CD 0x1234 0x5

# Out of range (16 PASIDs), and PASID 0 (the RID's)
if smmu3-dma $dev pasid-attach 16; then echo "PASID 16 attached"; exit 1; fi
if smmu3-dma $dev pasid-attach 0; then echo "PASID 0 attached"; exit 1; fi

# Detached: PASID 1 faults again; PASID 2 still works
smmu3-dma $dev pasid-detach 1
dma_fault "PASID 1 read after its detach" \
	"fault C_BAD_CD sid 0x1234 ssid 0x1 iova 0x1000000 read" \
	smmu3-dma $dev pasid-read 1 0x1000000 4096
smmu3-dma $dev pasid-fill 2 0x22
smmu3-dma $dev pasid-detach 2
smmu3-dma $dev free

# The device on the identity domain: its STE bypasses, no CD table is
# reached, and the driver refuses the PASID (-EOPNOTSUPP) instead of
# attaching a domain that would translate nothing
testdev_settype $dev identity
out=$(smmu3-dma $dev pasid-attach 1) && { echo "$out"; echo "PASID attached beside an identity domain"; exit 1; }
echo "$out"
echo "$out" | grep -q "^error: PASID 1 not attached: -95" ||
	{ echo "expected the driver's -EOPNOTSUPP"; exit 1; }
testdev_settype $dev DMA
smmu3-dma $dev pasid-attach 3
smmu3-dma $dev pasid-fill 3 0x33
smmu3-dma $dev pasid-detach 3
# Unbound with PASIDs attached: the driver's remove detaches them
smmu3-dma $dev pasid-attach 4
smmu3-dma $dev pasid-attach 15
testdev_settype $dev DMA
smmu3-dma $dev pasid-attach 4
smmu3-dma $dev pasid-fill 4 0x44
smmu3-dma $dev pasid-detach 4
echo "PASIDs isolated from each other and from the DMA-API domain"
