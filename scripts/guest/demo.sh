# The guest half of 'make run': what a newcomer should see.
. /guest/lib.sh
machine=$1
echo
echo "=== SMMUv3 stack demo ($machine machine, kernel $(uname -r)) ==="
echo "--- loading the emulated SMMUv3, the smmu3 driver, the test device"
emu_stack || { echo "could not load the stack"; exit 1; }
i=0
while [ ! -e "$SVA_INFO" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
for m in smmu3_emu smmu3 smmu3_testdev; do
	grep "^$m " /proc/modules | awk '{ printf "  %-14s %7d bytes\n", $1, $2 }'
done
# The emulated SMMU of test devices a, b and c (scripts/dts/smmu3.dtsi)
smmu=/sys/kernel/debug/smmu3/iommu
emu=/sys/kernel/debug/smmu3_emu/smmu3-emu
echo "--- the SMMU as the driver sees it ($(basename "$smmu"))"
sed -n 's/^\(features\|sid_bits\|ssid_bits\|strtab\|cmdq\|evtq\): /  \1: /p' "$smmu/info"
echo "--- test devices: StreamID, IOMMU group, domain (s2: behind iommu-s2, sva: behind iommu-sva)"
for d in a b c s2 sva; do
	i=/sys/kernel/debug/smmu3_testdev/testdev-$d/info
	echo "  testdev-$d: sid $(sed -n 's/^sid: //p' "$i"), group $(sed -n 's/^group: //p' "$i"), domain $(sed -n 's/^domain: //p' "$i")"
done
echo "--- DMA through the emulated SMMU (data verified by the CPU)"
smmu3-dma testdev-a copy 0x100000 sg | sed 's/^/  testdev-a: /'
smmu3-dma testdev-b copy 0x40000 streaming | sed 's/^/  testdev-b: /'
smmu3-dma testdev-c checksum 0x40000 | sed 's/^/  testdev-c: /'
echo "--- one DMA traced (tracefs): the driver's map, the emulator's walk, the PA"
sh /guest/demo-trace.sh | cut -c 1-150 | sed 's/^/  /'
echo "--- isolation: testdev-a touches testdev-b's buffer"
iova=$(testdev_keep testdev-b 0x1000)
smmu3-dma testdev-a write "$iova" 4096 | sed 's/^/  testdev-a: /'
smmu3-dma testdev-b verify | sed 's/^/  testdev-b: /'
smmu3-dma testdev-b free >/dev/null
sleep 0.2
echo "--- emulator statistics"
grep -E '^(translations|xlate_[a-z_]+|walks|fault_F_[A-Z_]+|events|cmd_(CFGI_STE|CFGI_CD|TLBI_NH_VA|TLBI_NH_ASID|SYNC)) ' \
	"$emu/stats" | awk '$2 != 0 || $1 !~ /^fault_/ { print "  " $0 }'
echo "--- testdev-a's stream (sid 0x10): STE and CD 0, decoded"
sed -n '/^sid 0x10: /,/^sid /p' "$smmu/streams" | grep -v '^sid 0x[^1]' | sed 's/^/  /'
s2=/sys/kernel/debug/smmu3/iommu-s2
echo "--- the stage-2-only SMMU (iommu-s2): $(sed -n 's/^features: //p' "$s2/info")"
smmu3-dma testdev-s2 copy 0x100000 sg | sed 's/^/  testdev-s2: /'
smmu3-dma testdev-s2 read 0xdead0000 4096 | sed 's/^/  testdev-s2: /'
sleep 0.2
sed -n 's/^\(last_event_detail\): /  \1: /p' "$s2/info"
echo "--- testdev-s2's stream (sid 0x50): a stage-2 STE, no CD"
sed -n '/^sid 0x50: /,/^sid /p' "$s2/streams" | grep -v '^sid 0x[^5]' | sed 's/^/  /'
echo "--- SVA: a process shares its address space with testdev-sva (iommu-sva, stalls)"
if [ "$(sva_stat sva)" = on ]; then
	s0=$(emu_stat stalls) r0=$(emu_stat stall_retries) b0=$(emu_stat dma_bytes)
	# 32 pages the process never touched: each first touch by the
	# device stalls, the kernel faults the page in, the SMMU retries
	sva-test copy $SVA_DEV 32 | sed 's/^/  /'
	echo "  pages requested 32, stalls seen $(($(emu_stat stalls) - s0)), faults resolved (retried) $(($(emu_stat stall_retries) - r0)), bytes through the SMMU $(($(emu_stat dma_bytes) - b0))"
	sed -n 's/^\(stalls\|stalls_aborted\|resumes\): /  driver \1: /p' /sys/kernel/debug/smmu3/iommu-sva/info
else
	echo "  $SVA_DEV: no SVA: $(sva_stat sva)"
fi
echo "--- device assignment: testdev-vfio handed to a user-space VMM (VFIO, iommufd)"
if vfio_stack >/tmp/vfio.out 2>&1; then
	# map_dma, the device's DMA checked by the tool, unmap_dma and the
	# fault there, the completion MSI through the SW_MSI window
	smmu3-vmm --iommufd $VFIO_DEV run | grep -v '^device: \|^registers: \|^dma ops: \|^reset: \|read of the hole' |
		cut -c 1-150 | sed 's/^/  /'
	# Dirty tracking through iommufd (IOMMU_HWPT_ALLOC_DIRTY_TRACKING):
	# the emulated SMMU marks the pages the device writes (HTTU), the
	# bitmap holds exactly those
	smmu3-vmm --dirty $VFIO_DEV dirty | grep '^dirty: ' | sed 's/^/  /'
	vfio_back >/dev/null 2>&1
else
	echo "  $VFIO_DEV cannot be assigned: $(tail -n 1 /tmp/vfio.out)"
fi
echo "--- the checker (strict mode): driver protocol violations, per class"
for d in /sys/kernel/debug/smmu3_emu/smmu3-emu /sys/kernel/debug/smmu3_emu/smmu3-emu-s2 $SVA_EMU; do
	echo "  $(basename "$d"): $(awk '$1 == "strict" || $1 == "checks" || $1 ~ /^class/ || $1 == "total" { printf "%s %s  ", $1, $2 }' "$d/checker")"
done
echo "=== end of demo ==="
