# The guest half of 'make bench' (scripts/bench.sh): the kernel's
# dma_map_benchmark on one device, in strict (DMA) and lazy (DMA-FQ) mode,
# with 1 and 2 threads, mapping 1 and 16 pages at a time.  Sourced by init
# in a subshell (the markers' token is one of its variables), with the
# machine's name as $1.
#
#   smmuv3 machine: the driver named by smmu3.bench= (smmu3 or arm_smmu_v3,
#                   upstream's) drives QEMU's SMMUv3; the device is the NVMe
#                   drive, taken from the nvme driver
#   plain machine:  smmu3 on the emulated SMMUv3; the device is testdev-a
#
# smmu3.bench_seconds=N: how long each configuration runs (default 3).
# Each configuration gives one marker line
#   BENCH <driver> <DMA|DMA-FQ> <threads> <pages> <map us> <unmap us>
# and anything that goes wrong one line "BENCH-FAIL <what>".
machine=$1
driver=$(cmdline_arg smmu3.bench) || driver=smmu3
secs=$(cmdline_arg smmu3.bench_seconds) || secs=3

bench_fail() {
	marker "BENCH-FAIL $driver on $machine: $*"
}

# wait_for TENTHS CMD...: until CMD succeeds, TENTHS tenths of a second
wait_for() {
	_n=$1
	shift
	while ! "$@"; do
		[ "$_n" -gt 0 ] || return 1
		sleep 0.1
		_n=$((_n - 1))
	done
}

# The NVMe drive on the PCI bus (class 0x010802), bound to nvme
nvme_bdf() {
	for _d in /sys/bus/pci/devices/*; do
		[ "$(cat "$_d/class")" = 0x010802 ] && basename "$_d" && return 0
	done
	return 1
}

nvme_bound() {
	[ "$(basename "$(readlink -f "$sysdev/driver")")" = nvme ]
}

# run_configs: every configuration on $sysdev, bound through $drvdir
run_configs() {
	_dev=$(basename "$sysdev")
	_g=$(basename "$(readlink -f "$sysdev/iommu_group")")
	[ -e "$sysdev/driver" ] && echo "$_dev" >"$sysdev/driver/unbind"
	echo dma_map_benchmark >"$sysdev/driver_override"
	for type in DMA DMA-FQ; do
		if ! echo "$type" >"/sys/kernel/iommu_groups/$_g/type"; then
			bench_fail "group $_g refused type $type"
			continue
		fi
		# The type as the group reports it: DMA-FQ for lazy
		_t=$(cat "/sys/kernel/iommu_groups/$_g/type")
		[ "$_t" = "$type" ] || { bench_fail "group $_g is $_t, not $type"; continue; }
		echo "$_dev" >"$drvdir/dma_map_benchmark/bind" ||
			{ bench_fail "dma_map_benchmark did not bind $_dev"; return 1; }
		for threads in 1 2; do
			for pages in 1 16; do
				step "$driver $type threads=$threads pages=$pages (${secs} s)"
				if out=$(map-bench "$secs" "$threads" "$pages" 2>&1); then
					# "map M us (sd S), unmap U us (sd S)"
					# shellcheck disable=SC2086
					set -- $out
					marker "BENCH $driver $type $threads $pages $2 $7"
				else
					bench_fail "$type threads=$threads pages=$pages: $out"
				fi
			done
		done
		echo "$_dev" >"$drvdir/dma_map_benchmark/unbind"
	done
}

case $machine in
smmuv3)
	case $driver in
	smmu3 | arm_smmu_v3) ;;
	*) bench_fail "unknown driver (smmu3.bench=smmu3 or arm_smmu_v3)"; return 0 ;;
	esac
	step "insmod $driver"
	insmod "/modules/$driver.ko" || { bench_fail "insmod $driver.ko failed"; return 0; }
	bdf=$(nvme_bdf) || { bench_fail "no NVMe drive on the PCI bus"; return 0; }
	sysdev=/sys/bus/pci/devices/$bdf
	drvdir=/sys/bus/pci/drivers
	# nvme probes once the SMMU has taken the device: 30 s at most
	step "wait for nvme on $bdf"
	wait_for 300 nvme_bound || { bench_fail "$bdf not bound to nvme after 30 s"; return 0; }
	iommu=$(readlink -f "$sysdev/iommu")
	smmu_drv=$(basename "$(readlink -f "$iommu/device/driver")")
	marker "BENCH-INFO $bdf behind IOMMU $(basename "$iommu") (driver $smmu_drv), kernel $(uname -r)"
	;;
plain)
	[ "$driver" = smmu3 ] || { bench_fail "the emulated SMMU has the smmu3 driver only"; return 0; }
	step "load the emulated SMMU, smmu3, the test device"
	emu_stack || { bench_fail "could not load the emulated SMMU stack"; return 0; }
	sysdev=/sys/bus/platform/devices/$(pdev_of testdev-a)
	drvdir=/sys/bus/platform/drivers
	marker "BENCH-INFO $(basename "$sysdev") behind the emulated SMMU (driver smmu3), kernel $(uname -r)"
	;;
*)
	bench_fail "no benchmark on this machine"
	return 0
	;;
esac
run_configs || true
