#!/bin/bash
# make setup: install what the project needs and build the test kernel.
# Idempotent: each step checks whether its result is already there.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# Foreign architecture for Debian's arm64 busybox and stock kernel packages
ensure_arm64_arch() {
	dpkg --print-foreign-architectures | grep -qx arm64 && return 0
	as_root dpkg --add-architecture arm64
	APT_UPDATED=
}

as_root() {
	if [ "$(id -u)" = 0 ]; then
		"$@"
	elif command -v sudo >/dev/null; then
		sudo "$@"
	else
		die "'$*' needs root (run make setup as root, or install sudo)"
	fi
}

APT_UPDATED=
apt_update_once() {
	[ -n "$APT_UPDATED" ] && return 0
	as_root apt-get update -q >/dev/null
	APT_UPDATED=1
}

missing_packages() {
	local p
	for p in $SMMU3_PACKAGES; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
	done
}

install_packages() {
	local missing
	missing=$(missing_packages | tr '\n' ' ')
	if [ -z "$missing" ]; then
		echo "    all packages present"
		return 0
	fi
	echo "    installing: $missing"
	apt_update_once
	# shellcheck disable=SC2086
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends $missing >"$SMMU3_CACHE/apt.log" 2>&1 ||
		{ tail -n 20 "$SMMU3_CACHE/apt.log" >&2; return 1; }
}

# Debian's static busybox for arm64, unpacked into the cache (never
# installed: it would replace the host's busybox).
fetch_busybox() {
	local dir=$SMMU3_CACHE/busybox-arm64 tmp
	tmp=$(mktemp -d)
	chmod 777 "$tmp"	# apt's download user writes here
	apt_update_once
	(cd "$tmp" && apt-get download -q busybox-static:arm64 >/dev/null)
	rm -rf "$dir"
	dpkg-deb -x "$tmp"/busybox-static_*_arm64.deb "$dir"
	rm -rf "$tmp"
	[ -x "$dir/bin/busybox" ] || die "no bin/busybox in the arm64 package"
}

mkdir -p "$SMMU3_CACHE"
step "arm64 package architecture" ensure_arm64_arch
step "Debian packages" install_packages
[ -x "$SMMU3_CACHE/busybox-arm64/bin/busybox" ] || step "busybox for arm64" fetch_busybox
[ -n "${SMMU3_NO_KERNEL:-}" ] || "$SMMU3_ROOT/scripts/build-kernel.sh"
