#!/bin/bash
# make bench: map and unmap latency of the kernel's dma_map_benchmark
# through smmu3 and through upstream's arm_smmu_v3, on the kernel without
# its debugging (scripts/kernel-nodebug.config).
#
#   smmuv3 machine: the NVMe drive behind QEMU's SMMUv3, driven by smmu3
#                   and by arm_smmu_v3 in alternating boots (one driver a
#                   boot, never both);
#   plain machine:  testdev-a behind the emulated SMMUv3, driven by smmu3.
#
# Each boot runs {DMA, DMA-FQ} x {1, 2 threads} x {1, 16 pages}
# (scripts/guest/bench.sh); the table (scripts/bench-table.py) shows the
# medians over the boots and the ratio smmu3 / upstream.  It prints
# numbers and judges nothing.
#
# Environment:
#   BENCH_ROUNDS=N      boots of each driver on the smmuv3 machine (default 7)
#   BENCH_EMU_ROUNDS=N  boots on the emulated SMMU (default 3; 0: none)
#   BENCH_SECONDS=N     seconds each configuration runs (default 4)
# Output: build/bench/ (results.txt, table.txt, console logs in logs/).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

rounds=${BENCH_ROUNDS:-7}
emu_rounds=${BENCH_EMU_ROUNDS:-3}
secs=${BENCH_SECONDS:-4}
for n in "$rounds" "$emu_rounds" "$secs"; do
	[[ $n =~ ^[0-9]+$ ]] || die "BENCH_ROUNDS, BENCH_EMU_ROUNDS and BENCH_SECONDS are numbers"
done
{ [ "$rounds" -gt 0 ] && [ "$secs" -gt 0 ]; } || die "BENCH_ROUNDS and BENCH_SECONDS must be at least 1"

export SMMU3_KERNEL_FRAGMENT=$SMMU3_ROOT/scripts/kernel-nodebug.config
SMMU3_BUILD=$SMMU3_BUILD/bench
out=$SMMU3_BUILD
results=$out/results.txt
mkdir -p "$out/logs"
t_start=$(ts)

command -v qemu-system-aarch64 >/dev/null || die "no qemu-system-aarch64 (make setup-packages)"
kdir=$(kernel_dir)

# The non-debug kernel: built once into its own cache directory
if [ ! -f "$kdir/.smmu3-built" ]; then
	echo "non-debug kernel not built yet: building it (10 to 20 minutes)"
	nice -n 10 "$SMMU3_ROOT/scripts/build-kernel.sh" ||
		die "the non-debug kernel did not build (log: $kdir/build.log)"
fi
image=$kdir/arch/arm64/boot/Image
upstream_ko=$kdir/drivers/iommu/arm/arm-smmu-v3/arm_smmu_v3.ko
[ -f "$image" ] || die "no kernel image $image"
[ -f "$upstream_ko" ] ||
	die "no upstream driver $upstream_ko (CONFIG_ARM_SMMU_V3=m in scripts/kernel.config)"
grep -q '^CONFIG_DMA_MAP_BENCHMARK=y' "$kdir/.config" ||
	die "the kernel in $kdir has no CONFIG_DMA_MAP_BENCHMARK"

# The project's modules, built against that kernel from a copy of the
# sources (the tree's own .ko files stay those of the test kernel)
modules() {
	local src
	rm -rf "$out/src"
	src=$("$SMMU3_ROOT/scripts/dkms-stage.sh" "$out/src" | tail -n 1)
	make -C "$kdir" M="$src" modules >"$out/logs/modules.log" 2>&1 ||
		{ tail -n 20 "$out/logs/modules.log"; return 1; }
	kos=()
	for m in smmu3 smmu3_emu smmu3_testdev; do
		[ -f "$src/$m.ko" ] || { echo "no $m.ko in $src" >&2; return 1; }
		kos+=("$src/$m.ko")
	done
}

# DTBs of both machines, the initramfs with the modules and upstream's
# driver (loaded only by a boot that benchmarks it), the NVMe drive
images() {
	"$SMMU3_ROOT/scripts/mkdtb.sh" "$out/guest-plain.dtb" virt,gic-version=3 \
		-cpu max -smp "$QEMU_SMP" -m "$QEMU_MEM"
	"$SMMU3_ROOT/scripts/mkdtb.sh" "$out/guest-smmuv3.dtb" virt,gic-version=3,iommu=smmuv3 \
		-cpu max -smp "$QEMU_SMP" -m "$QEMU_MEM"
	"$SMMU3_ROOT/scripts/mkinitramfs.sh" "$out/initramfs.cpio.gz" "${kos[@]}" "$upstream_ko"
	[ -f "$out/nvme.img" ] || truncate -s 64M "$out/nvme.img"
}

step "build the modules against $(basename "$kdir")" modules
step "guest DTBs and initramfs" images

# One boot: MACHINE DRIVER LABEL.  Its BENCH lines go to the results with
# the machine's name in front; a guest that fails or reports BENCH-FAIL
# stops the benchmark.  Console log of boot N: logs/console-N.log.
boots=0
boot() {
	local machine=$1 driver=$2 label=$3 t0 log rc
	t0=$(ts)
	boots=$((boots + 1))
	log=$out/logs/boot-$boots.txt
	# The host's load average: other guests on the host slow a boot down
	echo ">>> $label: $driver on the $machine machine ($(date +%T), host load $(cut -d' ' -f1 /proc/loadavg))"
	set +e
	GUEST_KERNEL=$image GUEST_INITRD=$out/initramfs.cpio.gz GUEST_DTB=$out/guest-$machine.dtb \
		qemu_guest "$machine" --plan bench --timeout $((600 + 16 * secs)) \
		--append "smmu3.bench=$driver smmu3.bench_seconds=$secs" |
		tee "$log" | grep --line-buffered -v '^BENCH'
	rc=${PIPESTATUS[0]}
	set -e
	cp "$out/logs/console-$machine-bench.log" "$out/logs/console-$boots.log" 2>/dev/null || true
	[ "$rc" = 0 ] || die "the $machine guest failed with $driver (exit $rc; console: $out/logs/console-$boots.log)"
	if grep -q '^BENCH-FAIL' "$log"; then
		grep '^BENCH-FAIL' "$log" >&2
		die "the benchmark failed with $driver on the $machine machine (console: $out/logs/console-$boots.log)"
	fi
	[ "$(grep -c '^BENCH ' "$log")" = 8 ] ||
		die "$driver on the $machine machine gave $(grep -c '^BENCH ' "$log") of 8 results (console: $out/logs/console-$boots.log)"
	grep '^BENCH-INFO' "$log" | sed 's/^BENCH-INFO /    /'
	grep '^BENCH ' "$log" | sed "s/^BENCH /$machine /" >>"$results"
	echo "<<< $label: $(($(ts) - t0)) s"
}

: >"$results"
echo "dma_map_benchmark: $rounds rounds of smmu3 and arm_smmu_v3 (smmuv3 machine), $emu_rounds of smmu3 on the emulated SMMU, $secs s per configuration"
for r in $(seq 1 "$rounds"); do
	boot smmuv3 smmu3 "round $r/$rounds"
	boot smmuv3 arm_smmu_v3 "round $r/$rounds"
done
for r in $(seq 1 "$emu_rounds"); do
	boot plain smmu3 "emulator $r/$emu_rounds"
done

{
	echo "dma_map_benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'); kernel $(cat "$kdir/include/config/kernel.release") (scripts/kernel-nodebug.config)"
	echo "$(qemu-system-aarch64 --version | head -n 1), TCG, -smp $QEMU_SMP -m $QEMU_MEM; host: $(nproc) CPUs, $(uname -m)"
	echo
	python3 "$SMMU3_ROOT/scripts/bench-table.py" --seconds "$secs" "$results"
} | tee "$out/table.txt"
python3 "$SMMU3_ROOT/scripts/bench-table.py" --seconds "$secs" --rst "$results" >"$out/table.rst"
echo
echo "$boots boots, $(($(ts) - t_start)) s in all; table in $out/table.txt (reStructuredText: table.rst)"
