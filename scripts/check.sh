#!/bin/bash
# make check: build with W=1, sparse, checkpatch, then KUnit and the
# end-to-end tests in QEMU (without and with QEMU's own SMMUv3).
# Ends with one line "N passed, N failed" and exits non-zero on any failure.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

kdir=$(kernel_dir)
logs=$SMMU3_BUILD/logs
results=$SMMU3_BUILD/results.txt
rm -rf "$logs"
mkdir -p "$logs"
: >"$results"

record() {
	local line="$1 $2${3:+: $3}"
	echo "$line"
	echo "$line" >>"$results"
}

section() {
	echo "=== $* ($(date +%T))"
}

# Our own diagnostics in a kbuild log: compiler, sparse and modpost lines
diagnostics() {
	grep -E '(warning|error):|WARNING:|ERROR:' "$1" | grep -v '^make' || true
}

# kbuild NAME LOG MAKE-ARGS...: one verdict for a kbuild run; it fails
# when kbuild fails or prints any diagnostic.  Returns kbuild's status.
kbuild() {
	local name=$1 log=$2 diag rc=0
	shift 2
	make "$@" >"$log" 2>&1 || rc=$?
	if [ $rc -ne 0 ]; then
		tail -n 20 "$log"
		record FAIL "$name" "kbuild failed (log: $log)"
		return $rc
	fi
	diag=$(diagnostics "$log")
	if [ -n "$diag" ]; then
		echo "$diag" | head -n 20
		record FAIL "$name" "$(echo "$diag" | wc -l) diagnostic(s) (log: $log)"
	else
		record PASS "$name"
	fi
}

section "build modules (W=1)"
# From clean, so that every file is compiled and every warning is seen.
make -C "$kdir" M="$SMMU3_ROOT" clean >/dev/null 2>&1
if ! kbuild build "$logs/build.log" -C "$kdir" M="$SMMU3_ROOT" W=1 modules; then
	echo "$(grep -c '^PASS' "$results") passed, $(grep -c '^FAIL' "$results") failed"
	exit 1
fi

section "build against Debian's stock arm64 headers"
if stock=$("$SMMU3_ROOT/scripts/stock-kernel.sh" 2>"$logs/stock.log" | tail -n 1); then
	rm -rf "$SMMU3_BUILD/stock-build"
	mkdir -p "$SMMU3_BUILD/stock-build"
	# A copy of the sources (tracked or not yet, never ignored files):
	# kbuild writes its objects next to them.
	(cd "$SMMU3_ROOT" && git ls-files --cached --others --exclude-standard 2>/dev/null || find Kbuild include drivers kunit -type f) |
		grep -E '^(Kbuild|include/|drivers/|kunit/)' |
		(cd "$SMMU3_ROOT" && cpio -pdm --quiet "$SMMU3_BUILD/stock-build")
	kbuild build:stock-headers "$logs/build-stock.log" \
		-C "$stock" M="$SMMU3_BUILD/stock-build" W=1 modules
else
	cat "$logs/stock.log"
	record FAIL build:stock-headers "could not unpack Debian's stock arm64 kernel"
fi

section "sparse (C=2)"
kbuild sparse "$logs/sparse.log" -C "$kdir" M="$SMMU3_ROOT" C=2 CHECK=sparse modules

section "checkpatch --strict"
cd "$SMMU3_ROOT" || exit 1
files=$(git ls-files --cached --others --exclude-standard '*.c' '*.h' 2>/dev/null || find . -name '*.[ch]' -not -path './build/*')
for f in $files; do
	out=$("$kdir/source/scripts/checkpatch.pl" --strict --no-tree --terse \
		--ignore FILE_PATH_CHANGES -f "$f" 2>&1)
	if [ -n "$out" ]; then
		echo "$out" | head -n 10
		record FAIL "checkpatch:$f" "$(echo "$out" | grep -c ': \(ERROR\|WARNING\|CHECK\):') report(s)"
	else
		record PASS "checkpatch:$f"
	fi
done

section "native tests of the emulator core"
for dir in "$SMMU3_ROOT"/drivers/*/native; do
	[ -f "$dir/Makefile" ] || continue
	name=native:$(basename "$(dirname "$dir")")
	make -C "$dir" clean >/dev/null 2>&1
	make -C "$dir" test >"$logs/$(echo "$name" | tr : -).log" 2>&1
	rc=$?
	# One summary line per test program: add them up.
	summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$logs/$(echo "$name" | tr : -).log" |
		awk '{ p += $1; f += $3; n++ } END { if (n) printf "%d programs, %d passed, %d failed", n, p, f }')
	if [ $rc -eq 0 ] && [ -n "$summary" ]; then
		record PASS "$name" "$summary"
	else
		tail -n 20 "$logs/$(echo "$name" | tr : -).log"
		record FAIL "$name" "exit $rc${summary:+, $summary} (log: $logs/$(echo "$name" | tr : -).log)"
	fi
done

# guest_check MACHINE ARGS...: boot MACHINE with the check plan
guest_check() {
	local machine=$1
	shift
	qemu_guest "$machine" --plan check --results "$results" "$@" \
		--timeout "${SMMU3_GUEST_TIMEOUT:-900}" ${SMMU3_APPEND:+--append "$SMMU3_APPEND"} |
		grep -v '^PASS '
}

for machine in plain smmuv3; do
	section "QEMU guest: $machine machine"
	# QEMU's SMMUv3 reports every translation it makes: tests check them
	trace=()
	[ "$machine" = smmuv3 ] &&
		trace=(--trace 'smmuv3_translate_*' --trace smmuv3_record_event)
	if guest_images "$machine" >"$logs/images-$machine.log" 2>&1; then
		guest_check "$machine" "${trace[@]}"
	else
		cat "$logs/images-$machine.log"
		record FAIL "images:$machine" "could not build the DTB or initramfs"
	fi
done

section "QEMU guest: Debian's stock kernel"
# The modules built against Debian's headers, loaded by Debian's own arm64
# kernel image on the plain machine (it has no KUnit: no suites run).
stock_ko=$(find "$SMMU3_BUILD/stock-build" -maxdepth 1 -name '*.ko' 2>/dev/null | sort)
stock_image=$(ls "$SMMU3_CACHE"/stock-*/boot/vmlinuz-* 2>/dev/null | head -n 1)
if [ -z "$stock_ko" ] || [ -z "$stock_image" ]; then
	record FAIL images:stock "no modules built against the stock headers, or no stock image"
# shellcheck disable=SC2086
elif "$SMMU3_ROOT/scripts/mkinitramfs.sh" "$SMMU3_BUILD/initramfs-stock.cpio.gz" $stock_ko \
		>"$logs/images-stock.log" 2>&1 && [ -f "$SMMU3_BUILD/guest-plain.dtb" ]; then
	GUEST_KERNEL=$stock_image GUEST_INITRD=$SMMU3_BUILD/initramfs-stock.cpio.gz \
	GUEST_DTB=$SMMU3_BUILD/guest-plain.dtb guest_check stock
else
	cat "$logs/images-stock.log"
	record FAIL images:stock "could not build the stock initramfs"
fi

passed=$(grep -c '^PASS' "$results")
failed=$(grep -c '^FAIL' "$results")
skipped=$(grep -c '^SKIP' "$results")
echo
if [ "$failed" -gt 0 ]; then
	echo "Failures:"
	grep '^FAIL' "$results" | sed 's/^/  /'
fi
echo "$passed passed, $failed failed${skipped:+, $skipped skipped}"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
