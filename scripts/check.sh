#!/bin/bash
# make check: build with W=1, sparse, checkpatch, then KUnit and the
# end-to-end tests in QEMU (without and with QEMU's own SMMUv3).
# Every verdict it will need is written down before it runs (the
# manifest: build/expected-*.txt); one that never comes is a failure, and
# so is a SKIP not on scripts/allowed-skips.  Ends with one line
# "N passed, N failed, N skipped" and exits non-zero on any failure.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

kdir=$(kernel_dir)
logs=$SMMU3_BUILD/logs
results=$SMMU3_BUILD/results.txt
rm -rf "$logs" "$SMMU3_BUILD"/expected-*.txt
mkdir -p "$logs"
: >"$results"
t_start=$(ts)

record() {
	local line="$1 $2${3:+: $3}"
	echo "$line"
	echo "$line" >>"$results"
}

# section NAME: start the next step; the time each took is shown at the end
t_section=$(ts)
section_name=
timings=
section() {
	local now
	now=$(ts)
	[ -n "$section_name" ] &&
		timings="$timings$(printf '%6d s  %s' $((now - t_section)) "$section_name")
"
	t_section=$now
	section_name=$*
	[ -n "$section_name" ] && echo "=== $* ($(date +%T))"
}

# expect NAME...: verdicts of the host's own steps that this run promises
expect() {
	printf '%s\n' "$@" >>"$SMMU3_BUILD/expected-host.txt"
}

# closing: the manifest's judgement, the time each step took, the line
closing() {
	section
	echo
	echo "Time on $(nproc) CPUs ($(uname -m)), $(($(ts) - t_start)) s in all:"
	printf '%s' "$timings"
	for f in "$logs"/timing-*.txt; do
		[ -e "$f" ] || continue
		echo "Slowest steps of the $(basename "$f" .txt | sed 's/timing-//') guest:"
		head -n 5 "$f"
	done
	echo
	python3 "$SMMU3_ROOT/scripts/manifest.py" close --results "$results" \
		--skips "$SMMU3_ROOT/scripts/allowed-skips" \
		$(for f in "$SMMU3_BUILD"/expected-*.txt; do [ -e "$f" ] && echo "--expect $f"; done)
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

cd "$SMMU3_ROOT" || exit 1
sources=$(git ls-files --cached --others --exclude-standard '*.c' '*.h' 2>/dev/null || find . -name '*.[ch]' -not -path './build/*')
expect build build:stock-headers sparse
for f in $sources; do
	expect "checkpatch:$f"
done
for dir in "$SMMU3_ROOT"/drivers/*/native; do
	[ -f "$dir/Makefile" ] && expect "native:$(basename "$(dirname "$dir")")"
done

section "build modules (W=1)"
# From clean, so that every file is compiled and every warning is seen.
make -C "$kdir" M="$SMMU3_ROOT" clean >/dev/null 2>&1
if ! kbuild build "$logs/build.log" -C "$kdir" M="$SMMU3_ROOT" W=1 modules; then
	closing
	exit 1
fi

section "DKMS build against Debian's stock arm64 headers"
# The package as DKMS builds it (dkms.conf, scripts/dkms-stage.sh), cross-
# compiled with the unpacked headers as the kernel source directory and
# private DKMS trees: the stock guest loads exactly these modules.
# KBUILD_EXTRA_WARN=1 is W=1 for the make line dkms.conf gives.
stock_ko=
if stock=$("$SMMU3_ROOT/scripts/stock-kernel.sh" 2>"$logs/stock.log" | tail -n 1) &&
	staged=$("$SMMU3_ROOT/scripts/dkms-stage.sh" "$SMMU3_BUILD/dkms" 2>>"$logs/stock.log" | tail -n 1); then
	kver=$(cat "$stock/include/config/kernel.release")
	ver=${staged##*/smmu3-}
	dk=$SMMU3_BUILD/dkms-tree
	rm -rf "$dk"
	mkdir -p "$dk/tree" "$dk/bin"
	# dkms strips the modules with the host's strip: give it the cross one
	ln -s "$(command -v "${CROSS_COMPILE}strip")" "$dk/bin/strip"
	if PATH=$dk/bin:$PATH KBUILD_EXTRA_WARN=1 sh -c '
		dkms add --dkmstree "$1/tree" --sourcetree "$2" "$2/smmu3-$3" &&
		dkms build "smmu3/$3" --dkmstree "$1/tree" --sourcetree "$2" \
			-k "$4" --arch arm64 --kernelsourcedir "$5"' sh \
		"$dk" "$(dirname "$staged")" "$ver" "$kver" "$stock" >"$logs/dkms-stock.log" 2>&1; then
		cat "$dk/tree/smmu3/$ver/$kver/arm64/log/make.log" >>"$logs/dkms-stock.log"
		stock_ko=$(find "$dk/tree/smmu3/$ver/$kver/arm64/module" -name '*.ko' | sort)
		diag=$(diagnostics "$dk/tree/smmu3/$ver/$kver/arm64/log/make.log")
		if [ -n "$diag" ]; then
			echo "$diag" | head -n 20
			record FAIL build:stock-headers "$(echo "$diag" | wc -l) diagnostic(s) (log: $logs/dkms-stock.log)"
		elif [ "$(echo "$stock_ko" | wc -w)" != 4 ]; then
			record FAIL build:stock-headers "dkms built $(echo "$stock_ko" | wc -w) modules, not 4 (log: $logs/dkms-stock.log)"
		else
			record PASS build:stock-headers "dkms build smmu3/$ver for $kver"
		fi
	else
		tail -n 20 "$logs/dkms-stock.log"
		find "$dk/tree" -name make.log -exec tail -n 20 {} \;
		record FAIL build:stock-headers "dkms build failed (log: $logs/dkms-stock.log)"
	fi
else
	cat "$logs/stock.log"
	record FAIL build:stock-headers "could not unpack Debian's stock arm64 kernel or stage the DKMS tree"
fi

section "sparse (C=2)"
kbuild sparse "$logs/sparse.log" -C "$kdir" M="$SMMU3_ROOT" C=2 CHECK=sparse modules

section "checkpatch --strict"
for f in $sources; do
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

# guest_expect MACHINE KUNIT.ko...: write down what the guest must report
guest_expect() {
	local machine=$1
	shift
	if ! python3 "$SMMU3_ROOT/scripts/manifest.py" expect --machine "$machine" \
		--tests "$SMMU3_ROOT/scripts/guest/tests" "$@" \
		>"$SMMU3_BUILD/expected-$machine.txt" 2>"$logs/manifest-$machine.log"; then
		cat "$logs/manifest-$machine.log"
		record FAIL "manifest:$machine" "$(head -n 1 "$logs/manifest-$machine.log")"
	fi
}

# guest_check MACHINE ARGS...: boot MACHINE with the check plan; a run
# the harness itself could not judge is a failure of its own
guest_check() {
	local machine=$1 rc
	shift
	qemu_guest "$machine" --plan check --results "$results" "$@" \
		--timeout "${SMMU3_GUEST_TIMEOUT:-1500}" ${SMMU3_APPEND:+--append "$SMMU3_APPEND"} |
		grep --line-buffered -v '^PASS '
	rc=${PIPESTATUS[0]}
	case $rc in
	0 | 3) ;;
	*) record FAIL "guest:$machine" "qemu-test.py exited with status $rc" ;;
	esac
}

kunit_kos=$(built_modules | grep '_kunit\.ko$')

# smmuv3-acpi: the smmuv3 machine booting through UEFI, described by ACPI
for machine in plain smmuv3 smmuv3-acpi; do
	section "QEMU guest: $machine machine"
	# QEMU's SMMUv3 reports every translation it makes: tests check them
	trace=()
	case $machine in
	smmuv3 | smmuv3-acpi)
		trace=(--trace 'smmuv3_translate_*' --trace smmuv3_record_event --trace smmuv3_cmdq_consume_error) ;;
	esac
	# shellcheck disable=SC2086
	guest_expect "$machine" $kunit_kos
	if guest_images "$machine" >"$logs/images-$machine.log" 2>&1; then
		guest_check "$machine" "${trace[@]}"
	else
		cat "$logs/images-$machine.log"
		record FAIL "images:$machine" "could not build the DTB or initramfs, or no UEFI firmware"
	fi
done

# Debian's VFIO modules (its kernel has VFIO and type1 as modules, no
# iommufd), unpacked for the initramfs: the device-assignment tests load
# them before smmu3_testdev_vfio.  Prints their paths.
stock_vfio_modules() {
	local root=$1 out=$SMMU3_BUILD/stock-vfio m f
	mkdir -p "$out"
	for m in vfio vfio_iommu_type1; do
		f=$(find "$root/lib/modules" -name "$m.ko.xz" | head -n 1)
		[ -n "$f" ] || { echo "no $m.ko.xz under $root/lib/modules" >&2; return 1; }
		xz -dc "$f" >"$out/$m.ko" || return 1
		echo "$out/$m.ko"
	done
}

section "QEMU guest: Debian's stock kernel"
guest_expect stock
# The modules DKMS built against Debian's headers, loaded by Debian's own
# arm64 kernel image on the plain machine (it has no KUnit: no suites run).
stock_image=$(ls "$SMMU3_CACHE"/stock-*/boot/vmlinuz-* 2>/dev/null | head -n 1)
if [ -z "$stock_ko" ] || [ -z "$stock_image" ]; then
	record FAIL images:stock "no modules built against the stock headers, or no stock image"
# shellcheck disable=SC2086
elif stock_vfio=$(stock_vfio_modules "$(dirname "$(dirname "$stock_image")")") &&
	"$SMMU3_ROOT/scripts/mkinitramfs.sh" "$SMMU3_BUILD/initramfs-stock.cpio.gz" $stock_ko $stock_vfio \
		>"$logs/images-stock.log" 2>&1 && [ -f "$SMMU3_BUILD/guest-plain.dtb" ]; then
	GUEST_KERNEL=$stock_image GUEST_INITRD=$SMMU3_BUILD/initramfs-stock.cpio.gz \
	GUEST_DTB=$SMMU3_BUILD/guest-plain.dtb guest_check stock
else
	cat "$logs/images-stock.log"
	record FAIL images:stock "could not build the stock initramfs"
fi

closing
