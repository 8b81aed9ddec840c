# machines: plain
# Allocation failures, systematically (/proc/<tid>/fail-nth of the kernel's
# fault injection): every test device command that allocates, then the
# probes of smmu3_testdev (testdev-a's first bind: its IOMMU probe too),
# smmu3 and smmu3_emu (a bind through sysfs probes in the writer's task),
# run with their Nth allocation failing, for N = 1, 2, ... until a run no
# longer reaches N.  A run with a failure injected must fail cleanly (an
# error; the console is judged for kernel reports) or absorb it, and the
# stack must bind again and do a verified copy after it.  Prints the
# number of injection points of each command and probe.  See "Allocation
# failures" in Documentation/harness.rst.
set -e
. /guest/lib.sh

dbg=/sys/kernel/debug
pdrv=/sys/bus/platform/drivers
pdev=/sys/bus/platform/devices
tdev=$dbg/smmu3_testdev/testdev-a
# More than any command or probe needs: a run that still fails at this N
# means an unbounded number of injection points
max=600

[ -w /proc/thread-self/fail-nth ] ||
	{ echo "no /proc/thread-self/fail-nth: kernel without CONFIG_FAULT_INJECTION"; exit 1; }
for f in failslab fail_page_alloc; do
	[ -d "$dbg/$f" ] ||
		{ echo "no $dbg/$f: kernel without CONFIG_FAILSLAB, CONFIG_FAIL_PAGE_ALLOC or CONFIG_FAULT_INJECTION_DEBUG_FS"; exit 1; }
done

# By default both ignore allocations that may sleep (GFP_KERNEL) and
# fail_page_alloc ignores order 0, without even counting them for
# fail-nth; and each injected failure dumps a stack.  Restored at exit.
knobs="failslab/ignore-gfp-wait failslab/verbose
	fail_page_alloc/ignore-gfp-wait fail_page_alloc/verbose
	fail_page_alloc/min-order
	failslab/reject-start failslab/reject-end
	fail_page_alloc/reject-start fail_page_alloc/reject-end"
saved=
for k in $knobs; do
	saved="$saved $k=$(cat "$dbg/$k")"
done
restore() {
	for kv in $saved; do
		echo "${kv#*=}" >"$dbg/${kv%%=*}"
	done
	echo 1 >/sys/bus/platform/drivers_autoprobe
}
trap restore EXIT
echo N >"$dbg/failslab/ignore-gfp-wait"
echo N >"$dbg/fail_page_alloc/ignore-gfp-wait"
echo 0 >"$dbg/failslab/verbose"
echo 0 >"$dbg/fail_page_alloc/verbose"
echo 0 >"$dbg/fail_page_alloc/min-order"

# func_range SYMBOL: "START END" of a kernel function (/proc/kallsyms,
# fixed-width hex: string order is address order)
func_range() {
	awk -v sym="$1" '
		NR == FNR { if ($3 == sym) start = $1; next }
		$1 "" > start "" && (end == "" || $1 "" < end "") { end = $1 }
		END { if (start != "" && end != "") print "0x" start, "0x" end }
	' /proc/kallsyms /proc/kallsyms
}

# reject FUNCTION: no failures injected under FUNCTION (one at a time)
reject() {
	range=$(func_range "$1")
	[ -n "$range" ] || { echo "$1 not in /proc/kallsyms"; exit 1; }
	for f in failslab fail_page_alloc; do
		echo "${range% *}" >"$dbg/$f/reject-start"
		echo "${range#* }" >"$dbg/$f/reject-end"
	done
	echo "no failures injected in $1 ($range)"
}

# Linux 6.12's iova_domain_init_rcaches() frees every CPU's magazines when
# one allocation fails, also those never allocated: kmem_cache_free(NULL)
# oopses.  The IOMMU probe of a test device meets it: no failures there.
reject iova_domain_init_rcaches

emu_stack

# The stack still works: a scatter-gather copy, verified by the CPU
check_copy() {
	smmu3-dma testdev-a copy 0x4000 sg >/tmp/fail-nth.copy ||
		{ echo "after $1: $(cat /tmp/fail-nth.copy)"; return 1; }
}

# cmd_points COMMAND [CLEANUP]: COMMAND on testdev-a, its Nth injection
# point failing, N = 1, 2, ...; CLEANUP (a command) after each run
cmd_points() {
	n=1 werr=0 rerr=0 absorbed=0
	while [ $n -le $max ]; do
		out=$(fail-nth $n "$tdev/cmd" "$1") ||
			{ echo "$1: fail-nth: $out"; return 1; }
		res=$(cat "$tdev/cmd")
		[ -z "$2" ] || smmu3-dma testdev-a $2 >/dev/null ||
			{ echo "$1: $2 after failure $n: $(cat "$tdev/cmd")"; return 1; }
		case $out in
		not-injected\ -*)
			echo "$1: the write failed without a failure injected: $out"
			return 1 ;;
		not-injected*)
			case $res in
			ok*) ;;
			*) echo "$1: no failure injected: $res"; return 1 ;;
			esac
			check_copy "$1"
			echo "$1: $((n - 1)) injection points: $werr write errors, $rerr error results, $absorbed absorbed"
			return 0 ;;
		injected\ -*)
			werr=$((werr + 1)) ;;
		*)
			case $res in
			ok*) absorbed=$((absorbed + 1)) ;;
			error*) rerr=$((rerr + 1)) ;;
			*) echo "$1: failure $n: $res"; return 1 ;;
			esac ;;
		esac
		check_copy "$1, failure $n"
		n=$((n + 1))
	done
	echo "$1: still failing at N = $max"
	return 1
}

cmd_points "copy 0x4000 sg"
cmd_points "copy 0x4000 coherent"
cmd_points "copy 0x4000 streaming"
cmd_points "fill 0x4000 0x3c"
cmd_points "checksum 0x4000"
cmd_points "keep 0x4000" free
cmd_points "unmap-access 0x2000"

bound() {
	[ -e "$pdev/$1/driver" ]
}

# bind DRIVER DEVICE: bind DEVICE unless it is bound already.  Retried
# for a while: deferred probing (a worker) may be binding it, or still
# probing a supplier (its driver link appears before its probe ends).
bind() {
	_i=0
	while ! bound "$2"; do
		echo "$2" 2>/tmp/fail-nth.bind >"$pdrv/$1/bind" && return 0
		if [ $_i -ge 50 ]; then
			echo "$2: cannot bind $1: $(cat /tmp/fail-nth.bind)"
			return 1
		fi
		sleep 0.1
		_i=$((_i + 1))
	done
}

unbind() {
	bound "$2" || return 0
	echo "$2" >"$pdrv/$1/unbind"
}

emu=$(basename "$(readlink -f "$pdrv"/smmu3-emu/*smmu3-emu)")
smmu=$(basename "$(readlink -f "$pdrv"/smmu3/*iommu)")
testdevs=
for d in a b c; do
	testdevs="$testdevs $(basename "$(readlink -f "$pdrv"/smmu3_testdev/*testdev-$d)")"
done
testdev=$(basename "$(readlink -f "$pdrv"/smmu3_testdev/*testdev-a)")

# From the emulator up to testdev-a, whatever is unbound; a verified copy
stack_up() {
	bind smmu3-emu "$emu"
	bind smmu3 "$smmu"
	bind smmu3_testdev "$testdev"
	_i=0
	while [ ! -e "$tdev/cmd" ] && [ $_i -lt 50 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	check_copy "$1"
}

# The test devices, then the SMMU (no device may be bound to a client of
# an SMMU that goes away)
smmu_down() {
	for d in $testdevs; do
		unbind smmu3_testdev "$d"
	done
	unbind smmu3 "$smmu"
}

# stack_down DRIVER: unbind DRIVER's device and what depends on it, for
# a probe from scratch
stack_down() {
	case $1 in
	smmu3_testdev)
		# Its IOMMU probe too: the SMMU forgets its clients
		smmu_down
		bind smmu3 "$smmu" ;;
	smmu3)
		smmu_down ;;
	smmu3-emu)
		# The SMMU and the test devices are unbound first (links)
		unbind smmu3-emu "$emu" ;;
	esac
}

# probe_points DRIVER DEVICE: bind DEVICE to DRIVER, its Nth injection
# point failing, N = 1, 2, ...
probe_points() {
	n=1 werr=0 absorbed=0
	stack_down "$1"
	while [ $n -le $max ]; do
		out=$(fail-nth $n "$pdrv/$1/bind" "$2") ||
			{ echo "$1: fail-nth: $out"; return 1; }
		case $out in
		not-injected\ -*)
			echo "$1: bind failed without a failure injected: $out"
			return 1 ;;
		not-injected*)
			bound "$2" || { echo "$1: $2 not bound: $out"; return 1; }
			stack_up "$1 probe"
			echo "$1 probe: $((n - 1)) injection points: $werr failed, $absorbed absorbed"
			return 0 ;;
		injected\ -*)
			werr=$((werr + 1))
			if bound "$2"; then
				echo "$1: bind failed ($out) but $2 is bound"
				return 1
			fi ;;
		*)
			absorbed=$((absorbed + 1))
			# It may have done without something (debugfs)
			unbind "$1" "$2" ;;
		esac
		# Bound again, without failures
		stack_up "$1 probe, failure $n"
		stack_down "$1"
		n=$((n + 1))
	done
	echo "$1: still failing at N = $max"
	return 1
}

# Binding a supplier (the emulator, the SMMU) probes its consumers again
# (device links): here every bind is the test's own
echo 0 >/sys/bus/platform/drivers_autoprobe
probe_points smmu3_testdev "$testdev"
# Linux 6.12's register_irq_proc() ignores a /proc/irq/<N> file it could
# not create, and freeing the interrupt then warns that the file is
# missing (remove_proc_entry()).  The SMMU's probe with MSIs requests
# interrupts it allocated in that probe: no failures there.  (No test
# device is bound in this phase: iova_domain_init_rcaches() is not met.)
reject register_irq_proc
probe_points smmu3 "$smmu"
reject iova_domain_init_rcaches
probe_points smmu3-emu "$emu"

# All test devices back
echo 1 >/sys/bus/platform/drivers_autoprobe
for d in $testdevs; do
	bind smmu3_testdev "$d"
done
emu_stack
for d in a b c; do
	smmu3-dma testdev-$d copy 0x4000 sg
done
