# The guest half of 'make run': what a newcomer should see.
. /guest/lib.sh
machine=$1
echo
echo "=== SMMUv3 stack demo ($machine machine, kernel $(uname -r)) ==="
echo "--- IOMMU-related DT nodes"
for c in /proc/device-tree/*/compatible; do
	case $(tr '\0' ' ' <"$c") in
	*smmu*) echo "  $(dirname "$c"): $(tr '\0' ' ' <"$c")" ;;
	esac
done
echo "--- project modules in this guest"
for m in /modules/*.ko /modules/kunit/*.ko; do
	[ -e "$m" ] && echo "  $m"
done
echo "--- KUnit suites (loaded and run)"
for mod in /modules/kunit/*.ko; do
	[ -e "$mod" ] || continue
	name=$(basename "$mod" .ko)
	insmod "$mod"
	for s in $(kunit_suites); do
		r=/sys/kernel/debug/kunit/$s/results
		echo "  $s: $(grep -c '^    ok' "$r") passed, $(grep -c '^    not ok' "$r") failed"
	done
	rmmod "$name"
done
echo "--- IOMMU groups"
ls /sys/kernel/iommu_groups 2>/dev/null | sed 's/^/  group /' || true
[ -n "$(ls /sys/kernel/iommu_groups 2>/dev/null)" ] || echo "  (none: no IOMMU driver bound yet)"
echo "=== end of demo ==="
