# Helpers for the guest-side scripts; sourced.

# cmdline_arg NAME: value of NAME=value on the kernel command line
cmdline_arg() {
	for _a in $(cat /proc/cmdline); do
		case $_a in
		"$1"=*) echo "${_a#*=}"; return 0 ;;
		esac
	done
	return 1
}

# marker WORDS...: a line the host reads (scripts/qemu-test.py).  Only
# init and check.sh know this boot's token; a test script that sources
# this file prints lines the host ignores.
marker() {
	echo "SMMU3[${_smmu3_token:-}]: $*"
}

# result NAME PASS|FAIL|SKIP [detail...]: one verdict line for the host
result() {
	_name=$1 _verdict=$2
	shift 2
	marker "RESULT $_name $_verdict${*:+ $*}"
}

step() {
	marker "STEP $*"
}

# kunit_suites: names of the KUnit suites currently registered
kunit_suites() {
	ls /sys/kernel/debug/kunit 2>/dev/null
}

# smmu3_nvme: load the smmu3 driver if needed and wait for the NVMe block
# device (smmuv3 machine); prints nothing, returns 1 on timeout
smmu3_nvme() {
	grep -q '^smmu3 ' /proc/modules || insmod /modules/smmu3.ko || return 1
	_i=0
	while [ ! -b /dev/nvme0n1 ] && [ $_i -lt 100 ]; do
		sleep 0.2
		_i=$((_i + 1))
	done
	[ -b /dev/nvme0n1 ]
}

# nvme_roundtrip MIB: write MIB MiB of random data to the NVMe drive, drop
# the page cache, read it back and compare; returns 1 on a mismatch
nvme_roundtrip() {
	dd if=/dev/urandom of=/tmp/pattern bs=1M count="$1" 2>/dev/null
	dd if=/tmp/pattern of=/dev/nvme0n1 bs=1M 2>/dev/null
	sync
	echo 3 >/proc/sys/vm/drop_caches
	dd if=/dev/nvme0n1 of=/tmp/readback bs=1M count="$1" 2>/dev/null
	_a=$(md5sum </tmp/pattern)
	_b=$(md5sum </tmp/readback)
	rm -f /tmp/pattern /tmp/readback
	[ "$_a" = "$_b" ]
}

# Test devices of scripts/dts/smmu3.dtsi that bind: a, b and c behind the
# SMMU on the emulator with both stages, s2 behind the stage-2-only one
EMU_TESTDEVS="a b c s2"

# emu_stack: load the emulator, the driver and the test device (whatever is
# not loaded yet) and wait until every test device of EMU_TESTDEVS is ready
emu_stack() {
	for _m in smmu3_emu smmu3 smmu3_testdev; do
		grep -q "^$_m " /proc/modules && continue
		insmod "/modules/$_m.ko" || return 1
	done
	emu_wait_ready
}

# emu_wait_ready [TENTHS]: wait (10 s by default) until every test device
# of EMU_TESTDEVS is bound (its debugfs directory is there)
emu_wait_ready() {
	_i=0
	while [ $_i -lt "${1:-100}" ]; do
		_n=0
		for _d in $EMU_TESTDEVS; do
			[ -d /sys/kernel/debug/smmu3_testdev/testdev-$_d ] || _n=$((_n + 1))
		done
		[ $_n = 0 ] && return 0
		sleep 0.1
		_i=$((_i + 1))
	done
	echo "test devices not ready after $((${1:-100} / 10)) s:"
	ls /sys/kernel/debug/smmu3_testdev 2>&1
	cat /sys/kernel/debug/devices_deferred 2>&1
	return 1
}

# pdev_of NODE: the platform device of a node of smmu3.dtsi (testdev-a,
# iommu, smmu3-emu, ...)
pdev_of() {
	for _p in /sys/bus/platform/devices/*; do
		case $(basename "$_p") in
		"$1"|*."$1"|"$1"@*) basename "$_p"; return 0 ;;
		esac
	done
	return 1
}

# testdev_driver NAME DRIVER: bind test device NAME to DRIVER
# (smmu3_testdev, or smmu3_testdev_owned / dma_map_benchmark through
# driver_override, which stays set until it is bound back to
# smmu3_testdev)
testdev_driver() {
	_p=$(pdev_of "$1") || return 1
	_s=/sys/bus/platform/devices/$_p
	[ -e "$_s/driver" ] && echo "$_p" >"$_s/driver/unbind"
	if [ "$2" = smmu3_testdev ]; then
		echo >"$_s/driver_override"
	else
		echo "$2" >"$_s/driver_override"
	fi
	echo "$_p" >"/sys/bus/platform/drivers/$2/bind"
}

# emu_unload: remove the test devices (smmu3_testdev_vfio too, which
# uses the emulator's DMA port), the emulator (which unbinds the SMMU that
# depends on it, releasing its devices) and the driver
emu_unload() {
	for _m in smmu3_testdev_vfio smmu3_testdev smmu3_emu smmu3; do
		grep -q "^$_m " /proc/modules || continue
		rmmod "$_m" || return 1
	done
}

# testdev_group NAME: IOMMU group number of a test device
testdev_group() {
	sed -n 's/^group: //p' "/sys/kernel/debug/smmu3_testdev/$1/info"
}

# testdev_settype NAME TYPE: unbind a test device, set its IOMMU group's
# default domain type (identity, DMA, DMA-FQ), bind it again
testdev_settype() {
	_drv=/sys/bus/platform/drivers/smmu3_testdev
	_dev=$(basename "$(readlink -f "$_drv"/*"$1")")
	_g=$(testdev_group "$1")
	echo "$_dev" >"$_drv/unbind"
	echo "$2" >"/sys/kernel/iommu_groups/$_g/type"
	echo "$_dev" >"$_drv/bind"
	echo "group $_g type: $(cat "/sys/kernel/iommu_groups/$_g/type")"
}

# testdev_keep NAME BYTES [DIR]: keep a mapped buffer on a test device
# (coherent, or a streaming mapping to-device, from-device or
# bidirectional); prints its IOVA, returns 1 when the device could not
# keep one
testdev_keep() {
	_iova=$(smmu3-dma "$1" keep "$2" ${3:+"$3"} | sed -n 's/.*iova \(0x[0-9a-f]*\).*/\1/p')
	[ -n "$_iova" ] && echo "$_iova"
}

# fail MESSAGE...: print it and end the test
fail() {
	echo "$*"
	exit 1
}

# wait_last_event INFO EVENT SID SSID: the driver's debugfs INFO names
# EVENT for SID as its last event (5 s at most) and its detail SubstreamID
# SSID
wait_last_event() {
	_i=0
	while ! grep -q "^last_event: $2 sid $3\$" "$1" && [ $_i -lt 50 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	grep '^last_event' "$1"
	grep -q "^last_event_detail: .*ssid $4" "$1" ||
		fail "the driver's event does not name SubstreamID $4"
}

# dma_fault WHAT PATTERN CMD...: CMD (a test device access) must fail and
# print a line starting with PATTERN (a basic regular expression); WHAT
# names the access when it does not.  Prints CMD's output.
dma_fault() {
	_what=$1
	_pat=$2
	shift 2
	if _out=$("$@"); then
		echo "$_out"
		echo "$_what: succeeded, expected a fault"
		exit 1
	fi
	echo "$_out"
	echo "$_out" | grep -q "^$_pat" ||
		{ echo "$_what: expected '$_pat'"; exit 1; }
}

# --- the stall-capable SMMU (smmu3-emu-sva, iommu-sva) and testdev-sva ---
SVA_DEV=testdev-sva
SVA_INFO=/sys/kernel/debug/smmu3_testdev/testdev-sva/info
SVA_EMU=/sys/kernel/debug/smmu3_emu/smmu3-emu-sva

# sva_stack: emu_stack, then wait (10 s) for testdev-sva and require SVA
# on it: exit 77 (SKIP) with the reason on a kernel built without
# IOMMU_SVA/IOMMU_IOPF (Debian's stock kernel), exit 1 when the device has
# no SVA for any other reason
sva_stack() {
	emu_stack || exit 1
	_i=0
	while [ ! -e "$SVA_INFO" ] && [ $_i -lt 100 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	[ -e "$SVA_INFO" ] || { echo "$SVA_DEV not ready after 10 s"; cat /sys/kernel/debug/devices_deferred; exit 1; }
	_why=$(sed -n 's/^sva: //p' "$SVA_INFO")
	case $_why in
	on) return 0 ;;
	*"built without"*)
		echo "SKIP: $SVA_DEV: no SVA or I/O page faults: ${_why#off: }"
		exit 77 ;;
	esac
	echo "$SVA_DEV has no SVA: $_why"
	exit 1
}

# emu_stat NAME: a counter of the stall-capable emulator's stats
emu_stat() {
	awk -v n="$1" '$1 == n { print $2 }' "$SVA_EMU/stats"
}

# sva_stat NAME: a field of testdev-sva's info
sva_stat() {
	sed -n "s/^$1: //p" "$SVA_INFO"
}

# sva_quiet: every stall of the stall-capable emulator has ended (each
# resumed or terminated once), none timed out, its checker reported
# nothing; prints the counters, returns 1 otherwise
sva_quiet() {
	_s=$(emu_stat stalls) _r=$(emu_stat stall_retries) _a=$(emu_stat stall_aborts)
	_t=$(emu_stat stall_timeouts) _c=$(awk '$1 == "total" { print $2 }' "$SVA_EMU/checker")
	_h=$(dmesg | grep -c 'stall left hanging' || true)
	echo "smmu3-emu-sva: stalls $_s, retried $_r, terminated $_a, full $(emu_stat stall_full), abandoned $(emu_stat stall_abandoned), timeouts $_t, checker reports ${_c:-0}, 'stall left hanging' $_h"
	[ "$_s" = $((_r + _a)) ] && [ "$_t" = 0 ] && [ "${_c:-0}" = 0 ] && [ "$_h" = 0 ]
}

# wait_pid PID SECONDS: wait for a background job; kill it and return 1
# when it is still running after SECONDS
wait_pid() {
	_i=0
	while kill -0 "$1" 2>/dev/null && [ $_i -lt $(($2 * 10)) ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	if kill -0 "$1" 2>/dev/null; then
		echo "pid $1 still running after $2 s"
		kill -9 "$1"
		return 1
	fi
	wait "$1" 2>/dev/null || true
}

# bounded SECONDS CMD...: run CMD; its exit status, or 124 (killed)
# when it takes longer than SECONDS
bounded() {
	_secs=$1
	shift
	"$@" &
	_bp=$!
	_i=0
	while kill -0 $_bp 2>/dev/null && [ $_i -lt $((_secs * 10)) ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	if kill -0 $_bp 2>/dev/null; then
		echo "'$*' still running after $_secs s"
		kill -9 $_bp
		wait $_bp 2>/dev/null
		return 124
	fi
	wait $_bp
}

# --- the test device as a VFIO device (testdev-vfio, smmu3_testdev_vfio)
VFIO_DEV=testdev-vfio

# vfio_bound_to: the driver testdev-vfio is bound to, or "none"
vfio_bound_to() {
	_p=$(pdev_of $VFIO_DEV) || { echo none; return; }
	if [ -e "/sys/bus/platform/devices/$_p/driver" ]; then
		basename "$(readlink -f "/sys/bus/platform/devices/$_p/driver")"
	else
		echo none
	fi
}

# vfio_stack: emu_stack, testdev-vfio bound (10 s: to smmu3_testdev, or
# left on smmu3_testdev_vfio or unbound with its driver_override by a test
# that failed), the module smmu3_testdev_vfio loaded and the device moved
# to it through driver_override; returns 1 (with the reason) when any
# step fails
vfio_stack() {
	emu_stack || return 1
	_vp=$(pdev_of $VFIO_DEV) ||
		{ echo "no $VFIO_DEV in the device tree (scripts/dts/smmu3.dtsi)"; return 1; }
	_i=0
	while [ ! -e "/sys/bus/platform/devices/$_vp/driver" ] && [ $_i -lt 100 ] &&
	      [ -z "$(cat "/sys/bus/platform/devices/$_vp/driver_override")" ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	# Debian's kernel has VFIO and type1 as modules (in the initramfs)
	for _m in vfio vfio_iommu_type1; do
		[ -d /sys/module/$_m ] && continue
		insmod /modules/$_m.ko || { echo "cannot load $_m"; return 1; }
	done
	grep -q '^smmu3_testdev_vfio ' /proc/modules ||
		insmod /modules/smmu3_testdev_vfio.ko || return 1
	testdev_driver $VFIO_DEV smmu3_testdev_vfio ||
		{ echo "$VFIO_DEV: cannot bind smmu3_testdev_vfio"; dmesg | tail -n 5; return 1; }
	[ "$(vfio_bound_to)" = smmu3_testdev_vfio ] ||
		{ echo "$VFIO_DEV bound to $(vfio_bound_to)"; return 1; }
}

# vfio_back: testdev-vfio back to the kernel (smmu3_testdev, its DMA
# domain), smmu3_testdev_vfio unloaded; returns 1 when the device does not
# come back (10 s) or the module does not unload
vfio_back() {
	testdev_driver $VFIO_DEV smmu3_testdev || return 1
	_i=0
	while [ ! -d /sys/kernel/debug/smmu3_testdev/$VFIO_DEV ] && [ $_i -lt 100 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	[ -d /sys/kernel/debug/smmu3_testdev/$VFIO_DEV ] ||
		{ echo "$VFIO_DEV not back on smmu3_testdev"; return 1; }
	rmmod smmu3_testdev_vfio
}

# vfio_group: the IOMMU group of testdev-vfio
vfio_group() {
	basename "$(readlink -f "/sys/bus/platform/devices/$(pdev_of $VFIO_DEV)/iommu_group")"
}

# emu_dma_doorbells: client MSIs the emulator smmu3-emu delivered to an ITS
emu_dma_doorbells() {
	awk '$1 == "dma_doorbells" { print $2 }' /sys/kernel/debug/smmu3_emu/smmu3-emu/stats
}
