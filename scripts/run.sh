#!/bin/bash
# make run: build what is missing, boot QEMU with the project's DT nodes,
# load the modules and show the demo.  --shell: a guest shell afterwards.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

kdir=$(kernel_dir)
step "build modules" make -s -C "$kdir" M="$SMMU3_ROOT" W=1 modules
step "guest DTB and initramfs" guest_images plain
if [ "${1:-}" = --shell ]; then
	qemu_guest plain --plan run --shell
else
	qemu_guest plain --plan run --timeout 600
fi
