#!/bin/bash
# Build the guest initramfs: static busybox, the guest scripts and the
# project's modules (top-level *.ko under /modules, KUnit suites under
# /modules/kunit).
# usage: mkinitramfs.sh OUT.cpio.gz MODULE.ko...
set -euo pipefail
. "$(dirname "$0")/lib.sh"
out=$1
shift
bb=$SMMU3_CACHE/busybox-arm64/bin/busybox
[ -x "$bb" ] || die "no arm64 busybox in $SMMU3_CACHE (run make setup)"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,sbin,dev,proc,sys,tmp,modules/kunit}
cp "$bb" "$root/bin/busybox"
cp -r "$SMMU3_ROOT/scripts/guest" "$root/guest"
mv "$root/guest/init" "$root/init"
# Small guest programs, static so that they need nothing from the guest
for src in "$SMMU3_ROOT"/scripts/guest-tools/*.c; do
	[ -e "$src" ] || continue
	aarch64-linux-gnu-gcc -static -O2 -Wall -Wextra -Werror -o \
		"$root/bin/$(basename "$src" .c)" "$src" || die "cannot build $src"
done
chmod 755 "$root/init"
for m in "$@"; do
	case $(basename "$m") in
	*_kunit.ko) cp "$m" "$root/modules/kunit/" ;;
	*) cp "$m" "$root/modules/" ;;
	esac
done
(cd "$root" && find . -print0 | cpio --null -o -H newc --quiet) | gzip -1 >"$out.tmp"
mv "$out.tmp" "$out"
