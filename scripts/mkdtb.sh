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
# QEMU's nodes have no labels: give its GICv3 ITS (the first node compatible
# "arm,gic-v3-its") the label gic_its, the MSI parent of the project's nodes
its=$(awk '/\{[[:space:]]*$/ { open[++depth] = NR }
	/^[[:space:]]*};/ { depth-- }
	/^[[:space:]]*compatible = .*"arm,gic-v3-its"/ && !found { found = open[depth] }
	END { print found + 0 }' "$tmp/qemu.dts")
[ "$its" -gt 0 ] ||
	die "QEMU's DTB for '$mopts' has no GICv3 ITS (arm,gic-v3-its): the MSI parent of the emulated SMMU"
sed -i "${its}s/^\([[:space:]]*\)/\1gic_its: /" "$tmp/qemu.dts"
cat "$tmp/qemu.dts" "$SMMU3_ROOT"/scripts/dts/*.dtsi >"$tmp/merged.dts"
dtc -q -I dts -O dtb -o "$out" "$tmp/merged.dts" 2>"$tmp/dtc.log" ||
	{ cat "$tmp/dtc.log" >&2; die "dtc rejected the merged tree"; }
