# machines: plain smmuv3 stock
# The emulator module binds the emulated SMMUv3 node of the merged DT
# (scripts/dts/smmu3.dtsi), publishes its register file (debugfs "regs" and
# the regmap "regs"), survives an unbind/bind through sysfs, and unloads and
# reloads cleanly: four load/unload cycles, no kernel warning.
ko=/modules/smmu3_emu.ko
drv=/sys/bus/platform/drivers/smmu3-emu
dbg=/sys/kernel/debug/smmu3_emu

fail() {
	echo "FAIL: $*"
	exit 1
}

[ -e "$ko" ] || fail "no $ko in the initramfs"

# The platform device of the emulator node: the one smmu3.dtsi adds, or
# else the first one
node=/proc/device-tree/smmu3-emu
if ! grep -qs 'smmu3,emulated-smmuv3' "$node/compatible"; then
	node=$(grep -l 'smmu3,emulated-smmuv3' /proc/device-tree/*/compatible 2>/dev/null | head -n1)
	[ -n "$node" ] || fail "no smmu3,emulated-smmuv3 node in the DT"
	node=$(dirname "$node")
fi
dev=
for d in /sys/bus/platform/devices/*; do
	[ "$(readlink -f "$d/of_node")" = "$(readlink -f "$node")" ] && dev=$(basename "$d")
done
[ -n "$dev" ] || fail "no platform device for $node"
echo "emulator node $node, device $dev"

# Start from an unloaded emulator; another test may have left it loaded,
# with modules linked against it (the test device): those go first, and
# all of them are loaded again at the end.  An SMMU driver bound to the
# emulated SMMU is unbound by the device link and may bind again at each
# load, which is fine: the checks below hold for a reset or enabled SMMU.
reload=
if grep -q '^smmu3_emu ' /proc/modules; then
	users=$(awk '$1 == "smmu3_emu" && $4 != "-" { print $4 }' /proc/modules | tr ',' ' ')
	for m in $users; do
		rmmod "$m" || fail "cannot unload $m, which uses smmu3_emu"
	done
	rmmod smmu3_emu || fail "smmu3_emu is loaded and cannot be unloaded"
	echo "unloaded smmu3_emu${users:+ and $users}"
	reload="smmu3_emu $users"
fi

# reg NAME: value of register NAME in the debugfs register dump
reg() {
	awk -v r="$1" '$1 == r { print $3 }' "$dbg/$dev/regs"
}

# mark TEXT: a line in the kernel log; since MARK: the log after the last
# such line (counting lines would break once the log buffer wraps)
mark() {
	echo "emu-load: $*" >/dev/kmsg
}
since() {
	dmesg | awk -v m="emu-load: $1" 'index($0, m) { buf = "" } { buf = buf $0 "\n" } END { printf "%s", buf }'
}
mark start

check_bound() {
	[ -e "$drv/$dev" ] || fail "$dev is not bound to smmu3-emu"
	[ -r "$dbg/$dev/regs" ] || fail "no $dbg/$dev/regs"
	idr0=$(reg IDR0)
	idr1=$(reg IDR1)
	case $idr0 in ''|0x00000000) fail "IDR0 is '$idr0'" ;; esac
	case $idr1 in ''|0x00000000) fail "IDR1 is '$idr1'" ;; esac
	# The SMMU driver may be resetting the SMMU right now: CR0ACK follows
	# CR0 once the write has been acted upon
	_i=0
	while [ "$(reg CR0)" != "$(reg CR0ACK)" ] && [ $_i -lt 20 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	[ -n "$(reg CR0)" ] && [ "$(reg CR0)" = "$(reg CR0ACK)" ] ||
		fail "CR0 '$(reg CR0)' and CR0ACK '$(reg CR0ACK)' differ"
	grep -q '^translations ' "$dbg/$dev/stats" || fail "no translations counter in stats"
	grep -q '^cmd_SYNC ' "$dbg/$dev/stats" || fail "no cmd_SYNC counter in stats"
	grep -q '^fault_F_TRANSLATION ' "$dbg/$dev/stats" ||
		fail "no fault_F_TRANSLATION counter in stats"
	# The regmap reaches the same register file: its first line is IDR0
	rm=/sys/kernel/debug/regmap/$dev-regs
	[ -d "$rm" ] || fail "no regmap $rm"
	line=$(head -n1 "$rm/registers")
	[ "$line" = "00000: ${idr0#0x}" ] ||
		fail "regmap IDR0 '$line', debugfs regs IDR0 '$idr0'"
}

i=1
while [ $i -le 4 ]; do
	mark "cycle $i"
	insmod "$ko" || fail "insmod, cycle $i"
	since "cycle $i" | grep -q " $dev: emulated SMMUv3:" ||
		fail "no probe message in dmesg, cycle $i"
	check_bound
	echo "cycle $i: bound, IDR0 $idr0 IDR1 $idr1, regmap agrees"
	if [ $i = 1 ]; then
		sed 's/^/  /' "$dbg/$dev/regs" | head -n 8
		echo "$dev" >"$drv/unbind" || fail "sysfs unbind"
		[ ! -e "$drv/$dev" ] || fail "still bound after unbind"
		[ ! -e "$dbg/$dev" ] || fail "debugfs directory left after unbind"
		echo "$dev" >"$drv/bind" || fail "sysfs bind"
		check_bound
		echo "cycle $i: unbind and bind through sysfs"
	fi
	rmmod smmu3_emu || fail "rmmod, cycle $i"
	[ ! -e "$drv" ] || fail "driver still registered after rmmod"
	[ ! -e "$dbg" ] || fail "debugfs $dbg left after rmmod"
	i=$((i + 1))
done

for m in $reload; do
	insmod "/modules/$m.ko" || fail "cannot load $m again"
done

# Anything this instance logged besides its probe line
bad=$(since start | grep " $dev: " | grep -v ' emulated SMMUv3: ')
if [ -n "$bad" ]; then
	echo "$bad"
	fail "the emulator logged more than its probe messages"
fi
echo "4 load/unload cycles, no errors"
