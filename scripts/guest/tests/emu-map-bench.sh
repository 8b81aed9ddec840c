# machines: plain
# The kernel's dma_map_benchmark bound to a test device through
# driver_override, with the device's group in strict (DMA), lazy (DMA-FQ)
# and identity mode in turn: map/unmap latency for each.  map-bench must
# succeed and print positive, finite mean latencies.
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
	out=$(map-bench 2) || { echo "map-bench failed in $type mode: $out"; exit 1; }
	printf '%-8s %s\n' "$type:" "$out"
	echo "$out" | awk '
		$1 == "map" && $6 == "unmap" {
			m = $2 + 0; u = $7 + 0
			# positive and finite: not 0, nan or inf
			ok = (m > 0 && u > 0 && m < 1e9 && u < 1e9 && $2 ~ /^[0-9.]+$/ && $7 ~ /^[0-9.]+$/)
		}
		END { exit !ok }' || { echo "map-bench printed no positive, finite latencies"; exit 1; }
	echo "$dev" >"$pdrv/dma_map_benchmark/unbind"
done
echo DMA >"/sys/kernel/iommu_groups/$g/type"
echo >"/sys/bus/platform/devices/$dev/driver_override"
echo "$dev" >"$pdrv/smmu3_testdev/bind"
smmu3-dma testdev-c copy 0x10000 sg
