# machines: plain stock
# Group type under a bound driver: a bound test device uses the DMA API, so the iommu core
# refuses to change its group's type under it (a kept coherent buffer was
# freed through the wrong DMA ops: an oops).  DMA ownership is taken for
# real by the smmu3_testdev_owned driver (driver_override): the blocked
# domain, raw accesses abort, DMA API commands and type changes are refused.
set -e
. /guest/lib.sh
emu_stack
info=/sys/kernel/debug/smmu3_testdev/testdev-c/info
g=$(testdev_group testdev-c)
type=/sys/kernel/iommu_groups/$g/type
iova=$(testdev_keep testdev-c 0x3000)
if echo identity 2>/dev/null >"$type"; then
	echo "group $g became $(cat "$type") under bound testdev-c"
	smmu3-dma testdev-c free || true
	exit 1
fi
echo "type change refused while testdev-c is bound: $(cat "$type")"
grep '^domain: DMA' "$info"
smmu3-dma testdev-c verify
smmu3-dma testdev-c free
smmu3-dma testdev-c copy 0x10000 coherent

testdev_driver testdev-c smmu3_testdev_owned
grep '^domain: blocked' "$info"
grep '^dma_owner: claimed' "$info"
if out=$(smmu3-dma testdev-c read "$iova" 4096); then
	echo "blocked domain let a read through: $out"; exit 1
fi
echo "$out" | grep '^abort'
if smmu3-dma testdev-c copy 0x1000 sg; then
	echo "DMA API used while DMA ownership is taken"; exit 1
fi
grep '^last_error: error: copy uses the DMA API' "$info"
if echo identity 2>/dev/null >"$type"; then
	echo "group $g type changed while DMA ownership is taken"; exit 1
fi
testdev_driver testdev-c smmu3_testdev
grep '^domain: DMA' "$info"
grep '^dma_owner: DMA API' "$info"
smmu3-dma testdev-c copy 0x10000 sg
