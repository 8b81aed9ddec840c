#!/bin/bash
# Development aid: build the modules and boot one guest that runs only the
# named e2e scripts and KUnit modules, e.g.
#   scripts/guest-test.sh emu-dma smmu3_kunit
#   scripts/guest-test.sh --machine smmuv3 qemu-smmuv3-nvme
#   scripts/guest-test.sh --machine smmuv3-acpi acpi-iort
# Verdicts and the console log as in make check (build/logs).  Not a
# substitute for make check: nothing checks that the run is complete.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

machine=plain
if [ "${1:-}" = --machine ]; then
	machine=$2
	shift 2
fi
[ $# -gt 0 ] || die "usage: $0 [--machine plain|smmuv3|smmuv3-acpi] NAME..."
only=$(IFS=,; echo "$*")
kdir=$(kernel_dir)
mkdir -p "$SMMU3_BUILD/logs"
step "build modules" make -s -C "$kdir" M="$SMMU3_ROOT" W=1 modules
step "guest DTB and initramfs" guest_images "$machine"
trace=()
case $machine in
smmuv3 | smmuv3-acpi)
	trace=(--trace 'smmuv3_translate_*' --trace smmuv3_record_event --trace smmuv3_cmdq_consume_error) ;;
esac
qemu_guest "$machine" --plan check "${trace[@]}" --timeout "${SMMU3_GUEST_TIMEOUT:-900}" \
	--append "smmu3.only=$only${SMMU3_APPEND:+ $SMMU3_APPEND}"
