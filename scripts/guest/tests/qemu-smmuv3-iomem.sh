# machines: smmuv3 smmuv3-acpi
# MMIO claim: the driver claims and maps only the
# architected registers of page 0 and page 1 (0xe00 bytes each, §6.2),
# not its whole "reg" region, whose IMPLEMENTATION DEFINED parts may hold
# another device's registers (the PMCG counters of arm_smmuv3_pmu).
# /proc/iomem shows the two claims.  Before: one claim of the whole
# 128KB region.
set -e
. /guest/lib.sh
smmu3_nvme || { echo "no nvme0n1 behind smmu3"; exit 1; }
smmu=$(basename "$(dirname "$(ls /sys/kernel/debug/smmu3/*/info | head -n1)")")
[ -n "$smmu" ] || { echo "no SMMU bound to smmu3"; exit 1; }
claims=$(grep -F " : $smmu" /proc/iomem) || { echo "no claim named $smmu"; cat /proc/iomem; exit 1; }
echo "$claims"
# With ACPI, the platform device that the IORT code creates registers its
# whole region (128KB) under its name, not busy: the driver's claims nest
# in it, one level down
if [ "$1" = smmuv3-acpi ]; then
	region=$(echo "$claims" | grep -v '^ ')
	[ "$(echo "$region" | wc -l)" = 1 ] || { echo "not one region of $smmu at the top"; exit 1; }
	set -- $(echo "$region" | sed 's/^\([0-9a-f]*\)-\([0-9a-f]*\) .*/0x\1 0x\2/')
	[ $(($2 - $1 + 1)) = $((0x20000)) ] || { echo "the device's region is not 128KB"; exit 1; }
	claims=$(echo "$claims" | grep '^  [0-9a-f]')
fi
n=0
for r in $(echo "$claims" | sed 's/^ *\([0-9a-f]*\)-\([0-9a-f]*\) .*/\1-\2/'); do
	start=0x${r%-*} end=0x${r#*-}
	size=$((end - start + 1))
	[ $size = $((0xe00)) ] || { echo "claim $r is $size bytes, not 0xe00"; exit 1; }
	[ $n = 0 ] && first=$start
	n=$((n + 1))
done
[ $n = 2 ] || { echo "$n claims, not 2 (page 0 and page 1)"; exit 1; }
[ $((start - first)) = $((0x10000)) ] || { echo "page 1 not at 64KB"; exit 1; }
echo "page 0 and page 1 claimed, 0xe00 bytes each"
