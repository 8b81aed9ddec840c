#!/bin/bash
# Unpack Debian's stock arm64 6.12 kernel (image + headers) of the same
# version as the test kernel's source into the cache, never installing it:
# the headers, with the host's (x86-64) kbuild tools beside them, are a
# second KDIR for cross-building the modules.
# Prints the headers directory (a KDIR) on its last line.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

pkgver=$(kernel_pkgver) || die "linux-source-6.12 is not installed (run make setup)"
abi="${pkgver%%-*}+deb12"		# 6.12.117-1~deb12u1 -> 6.12.117+deb12
root=$SMMU3_CACHE/stock-$abi
kdir=$root/usr/src/linux-headers-$abi-arm64

unpack() {
	local tmp host
	host=$(dpkg --print-architecture)
	tmp=$(mktemp -d)
	chmod 777 "$tmp"	# apt's download user writes here
	(cd "$tmp" && apt-get download -q \
		"linux-image-$abi-arm64:arm64=$pkgver" \
		"linux-headers-$abi-arm64:arm64=$pkgver" \
		"linux-headers-$abi-common=$pkgver" \
		"linux-kbuild-$abi:$host=$pkgver" >"$tmp/apt.log" 2>&1) ||
		{ cat "$tmp/apt.log" >&2; rm -rf "$tmp"; return 1; }
	rm -rf "$root.tmp"
	for deb in "$tmp"/*.deb; do
		dpkg-deb -x "$deb" "$root.tmp"
	done
	# The arch Makefile includes the common one by absolute path.
	sed -i "s|^include /usr/src/|include $root/usr/src/|" \
		"$root.tmp/usr/src/linux-headers-$abi-arm64/Makefile"
	rm -rf "$tmp" "$root"
	mv "$root.tmp" "$root"
}

if [ ! -f "$kdir/Makefile" ]; then
	step "unpack Debian's stock arm64 kernel $abi" unpack
fi
[ -f "$kdir/Makefile" ] || die "no headers in $kdir"
echo "$kdir"
