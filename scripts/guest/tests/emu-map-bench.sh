# machines: plain
# Issue 5, test 7: the kernel's dma_map_benchmark bound to a test device
# through driver_override, with the device's group in strict (DMA), lazy
# (DMA-FQ) and identity mode in turn: map/unmap latency for each.
set -e
. /guest/lib.sh
emu_stack
pdrv=/sys/bus/platform/drivers
dev=$(basename "$(readlink -f "$pdrv"/smmu3_testdev/*testdev-c)")
g=$(testdev_group testdev-c)
echo "$dev" >"$pdrv/smmu3_testdev/unbind"
echo dma_map_benchmark >"/sys/bus/platform/devices/$dev/driver_override"
for type in DMA DMA-FQ identity; do
	echo "$type" >"/sys/kernel/iommu_groups/$g/type"
	echo "$dev" >"$pdrv/dma_map_benchmark/bind"
	printf '%-8s %s\n' "$type:" "$(map-bench 2)"
	echo "$dev" >"$pdrv/dma_map_benchmark/unbind"
done
echo DMA >"/sys/kernel/iommu_groups/$g/type"
echo >"/sys/bus/platform/devices/$dev/driver_override"
echo "$dev" >"$pdrv/smmu3_testdev/bind"
smmu3-dma testdev-c copy 0x10000 sg
