# Common settings for the project's scripts; sourced, not run.
# shellcheck shell=bash

SMMU3_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SMMU3_CACHE=${SMMU3_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/smmuv3-stack}
CROSS_COMPILE=${CROSS_COMPILE:-aarch64-linux-gnu-}
export ARCH=arm64 CROSS_COMPILE

# Packages every step of the project needs (Debian 12).
SMMU3_PACKAGES="make gcc gcc-aarch64-linux-gnu libc6-dev-arm64-cross
	qemu-system-arm device-tree-compiler sparse flex bison bc libssl-dev
	libelf-dev dwarves cpio kmod xz-utils gzip rsync python3 perl
	linux-source-6.12 clang llvm lld libclang-rt-14-dev dkms qemu-efi-aarch64"

ts() { date +%s; }

# step NAME CMD... : run one setup step, print what it does, how long it took,
# and on failure which step failed.
step() {
	local name=$1 t0 rc
	shift
	t0=$(ts)
	echo ">>> $name"
	if "$@"; then
		echo "<<< $name: ok ($(($(ts) - t0)) s)"
	else
		rc=$?
		echo "!!! $name: FAILED (exit $rc after $(($(ts) - t0)) s)" >&2
		return $rc
	fi
}

die() {
	echo "error: $*" >&2
	exit 1
}

# Version of the installed linux-source-6.12 package, e.g. 6.12.117-1~deb12u1
kernel_pkgver() {
	dpkg-query -W -f='${Version}' linux-source-6.12 2>/dev/null
}

# Cache directory of the test kernel, keyed by source version, config
# fragment and compiler.
kernel_key() {
	{
		kernel_pkgver
		cat "$SMMU3_ROOT/scripts/kernel.config"
		"${CROSS_COMPILE}gcc" --version | head -n1
	} | sha256sum | cut -c1-12
}

kernel_dir() {
	echo "$SMMU3_CACHE/kernel-$(kernel_pkgver | tr '~+' '__')-$(kernel_key)"
}

SMMU3_BUILD=${BUILD:-$SMMU3_ROOT/build}

# The modules built in the tree (KUnit suites end in _kunit.ko)
built_modules() {
	find "$SMMU3_ROOT" -maxdepth 1 -name '*.ko' | sort
}

# UEFI firmware of the smmuv3-acpi guest (package qemu-efi-aarch64)
SMMU3_EFI=${SMMU3_EFI:-/usr/share/qemu-efi-aarch64/QEMU_EFI.fd}

# Guest DTB and initramfs for MACHINE (plain, smmuv3 or smmuv3-acpi; the
# last boots through UEFI with QEMU's ACPI tables and needs no DTB)
QEMU_SMP=2
QEMU_MEM=2G
guest_images() {
	local machine=$1 mopts=virt,gic-version=3
	[ "$machine" = smmuv3 ] && mopts=$mopts,iommu=smmuv3
	mkdir -p "$SMMU3_BUILD"
	if [ "$machine" = smmuv3-acpi ]; then
		[ -f "$SMMU3_EFI" ] || { echo "no UEFI firmware $SMMU3_EFI (make setup)" >&2; return 1; }
	else
		"$SMMU3_ROOT/scripts/mkdtb.sh" "$SMMU3_BUILD/guest-$machine.dtb" "$mopts" \
			-cpu max -smp "$QEMU_SMP" -m "$QEMU_MEM" || return 1
	fi
	# shellcheck disable=SC2046
	"$SMMU3_ROOT/scripts/mkinitramfs.sh" "$SMMU3_BUILD/initramfs.cpio.gz" $(built_modules) || return 1
	[ -f "$SMMU3_BUILD/nvme.img" ] || truncate -s 64M "$SMMU3_BUILD/nvme.img"
}

# qemu_guest MACHINE ARGS...: boot the guest with the images built above
# (GUEST_KERNEL, GUEST_INITRD, GUEST_DTB override them)
qemu_guest() {
	local machine=$1 kdir fw
	shift
	kdir=$(kernel_dir)
	fw=(--dtb "${GUEST_DTB:-$SMMU3_BUILD/guest-$machine.dtb}")
	[ "$machine" = smmuv3-acpi ] && fw=(--bios "$SMMU3_EFI")
	python3 "$SMMU3_ROOT/scripts/qemu-test.py" --machine "$machine" \
		--kernel "${GUEST_KERNEL:-$kdir/arch/arm64/boot/Image}" \
		--initrd "${GUEST_INITRD:-$SMMU3_BUILD/initramfs.cpio.gz}" \
		"${fw[@]}" --nvme "$SMMU3_BUILD/nvme.img" \
		--kunit-py "$kdir/source/tools/testing/kunit/kunit.py" \
		--smp "$QEMU_SMP" --memory "$QEMU_MEM" \
		--logdir "$SMMU3_BUILD/logs" "$@"
}
