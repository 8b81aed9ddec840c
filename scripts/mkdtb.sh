#!/bin/bash
# Build the guest DTB: dump QEMU's own DTB for MACHINE_OPTS, decompile it,
# append the project's nodes (scripts/dts/*.dtsi) and compile it back.
# usage: mkdtb.sh OUT.dtb MACHINE_OPTS QEMU_ARGS...
set -euo pipefail
. "$(dirname "$0")/lib.sh"
out=$1 mopts=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

qemu-system-aarch64 -machine "$mopts,dumpdtb=$tmp/qemu.dtb" "$@" \
	-nic none -display none -serial none -monitor none >"$tmp/qemu.log" 2>&1 ||
	{ cat "$tmp/qemu.log" >&2; die "QEMU could not dump its DTB for '$mopts'"; }
dtc -q -I dtb -O dts -o "$tmp/qemu.dts" "$tmp/qemu.dtb"
cat "$tmp/qemu.dts" "$SMMU3_ROOT"/scripts/dts/*.dtsi >"$tmp/merged.dts"
dtc -q -I dts -O dtb -o "$out" "$tmp/merged.dts" 2>"$tmp/dtc.log" ||
	{ cat "$tmp/dtc.log" >&2; die "dtc rejected the merged tree"; }
