#!/bin/bash
# Build the arm64 test kernel from Debian's linux-source-6.12 and the
# fragment scripts/kernel.config into a cache directory outside the tree.
# scripts/kdir.sh prints the resulting build directory (usable as KDIR).
# With SMMU3_KERNEL_FRAGMENT=<file>, that fragment is applied over
# scripts/kernel.config and the kernel has a cache directory of its own
# (scripts/lib.sh: kernel_fragment, kernel_dir).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

pkgver=$(kernel_pkgver) || die "linux-source-6.12 is not installed (run make setup)"
tarball=/usr/src/linux-source-6.12.tar.xz
[ -f "$tarball" ] || die "$tarball missing (reinstall linux-source-6.12)"
src=$SMMU3_CACHE/src/linux-$(echo "$pkgver" | tr '~+' '__')
out=$(kernel_dir) || die "no kernel configuration"
jobs=${JOBS:-$(nproc)}

extract() {
	rm -rf "$src.tmp"
	mkdir -p "$src.tmp"
	tar -C "$src.tmp" --strip-components=1 -xf "$tarball"
	rm -rf "$src"
	mv "$src.tmp" "$src"
}

configure() {
	mkdir -p "$out"
	kernel_fragment >"$out/fragment.config"
	KCONFIG_ALLCONFIG="$out/fragment.config" \
		make -s -C "$src" O="$out" allnoconfig
	"$SMMU3_ROOT/scripts/check-config.sh" "$out/fragment.config" "$out/.config"
}

compile() {
	local log=$out/build.log
	echo "    ($jobs jobs, log: $log)"
	make -C "$src" O="$out" -j"$jobs" Image modules >"$log" 2>&1 &
	local pid=$! t0 rc=0
	t0=$(ts)
	# The full kbuild output would flood the console: a line every 30 s.
	while kill -0 "$pid" 2>/dev/null; do
		sleep 5
		if (( ($(ts) - t0) % 30 < 5 )) && kill -0 "$pid" 2>/dev/null; then
			echo "    ... $(($(ts) - t0)) s, $(grep -c '^  CC' "$log") files compiled"
		fi
	done
	wait "$pid" || rc=$?
	if [ $rc -ne 0 ]; then
		tail -n 30 "$log" >&2
		return $rc
	fi
	ls -l "$out/arch/arm64/boot/Image" | awk '{ print "    Image: " $5 " bytes" }'
}

# One build per directory at a time: a second one (another `make` that
# runs setup meanwhile) waits here, then finds the kernel built; two
# builds into one directory break each other (fixdep).
mkdir -p "$(dirname "$out")"
exec 9>"$out.lock"
if ! flock -n 9; then
	echo "test kernel: another build of $out is running; waiting for it"
	flock 9
fi

if [ -f "$out/.smmu3-built" ]; then
	echo "test kernel: cached in $out"
else
	[ -f "$src/.smmu3-extracted" ] || { step "extract linux-source $pkgver" extract && touch "$src/.smmu3-extracted"; }
	step "configure test kernel" configure
	step "build test kernel (Image + modules, several minutes)" compile
	touch "$out/.smmu3-built"
fi
