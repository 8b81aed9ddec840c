# The guest half of 'make check': end-to-end tests, then KUnit modules,
# then a kmemleak scan.  Every verdict is one RESULT marker.  Sourced by
# init in a subshell (the markers' token is one of its variables), with
# the machine's name as $1.
machine=$1
# smmu3.only=NAME[,NAME...] on the command line (scripts/guest-test.sh):
# run only these e2e scripts and KUnit modules (a development aid; the
# host counts such a run as partial)
only=$(cmdline_arg smmu3.only)

# wanted NAME: whether NAME is part of this run
wanted() {
	[ -z "$only" ] && return 0
	case ",$only," in
	*",$1,"*) return 0 ;;
	esac
	return 1
}

# load_deps MODULE.ko: insmod the product modules it depends on
load_deps() {
	for dep in $(strings -a "$1" | sed -n 's/^depends=//p' | tr , ' '); do
		grep -q "^$dep " /proc/modules && continue
		insmod "/modules/$dep.ko" || return 1
	done
}

run_kunit_module() {
	mod=$1
	name=$(basename "$mod" .ko)
	step "kunit $name"
	if ! load_deps "$mod" >/tmp/insmod.out 2>&1; then
		result "kunit-load:$name" FAIL "dependency: $(cat /tmp/insmod.out)"
		return
	fi
	before=$(kunit_suites)
	insmod "$mod" >/tmp/insmod.out 2>&1
	rc=$?
	if [ $rc -ne 0 ]; then
		result "kunit-load:$name" FAIL "insmod exit $rc: $(cat /tmp/insmod.out)"
		return
	fi
	found=0
	for s in $(kunit_suites); do
		case " $(echo $before) " in
		*" $s "*) continue ;;
		esac
		found=1
		marker "KTAP-BEGIN $name $s"
		cat "/sys/kernel/debug/kunit/$s/results"
		marker "KTAP-END $name $s"
	done
	[ $found = 1 ] || result "kunit-load:$name" FAIL "module registered no KUnit suite"
	if ! rmmod "$name" >/tmp/rmmod.out 2>&1; then
		result "kunit-unload:$name" FAIL "$(cat /tmp/rmmod.out)"
	fi
}


for t in /guest/tests/*.sh; do
	name=e2e:$(basename "$t" .sh)
	machines=$(sed -n 's/^# machines: *//p' "$t")
	case " $machines " in
	*" $machine "*) ;;
	*) continue ;;
	esac
	wanted "$(basename "$t" .sh)" || continue
	step "$name"
	sh "$t" "$machine" >/tmp/test.out 2>&1
	rc=$?
	sed 's/^/    | /' /tmp/test.out
	# Trace checks the script asks for, when its header declares them
	# ("# trace: NAME"): "TRACE-CHECK NAME MIN REGEX" lines of its output
	for tc in $(sed -n 's/^# trace: *//p' "$t"); do
		req=$(grep "^TRACE-CHECK $tc " /tmp/test.out | tail -n 1)
		[ -n "$req" ] && marker "$req"
	done
	case $rc in
	0)  result "$name" PASS ;;
	77) result "$name" SKIP "$(tail -n1 /tmp/test.out)" ;;
	*)  result "$name" FAIL "exit $rc: $(tail -n1 /tmp/test.out)" ;;
	esac
done

# KUnit after the end-to-end tests: a suite may load a product module
# (its dependency) whose side effects the e2e tests must not see first.
# The ACPI guest runs none: the suites do not depend on the firmware, the
# DT guests run them all, and some need the DT's emulated SMMUs.
if [ "$machine" = smmuv3-acpi ]; then
	:
elif [ -d /sys/kernel/debug/kunit ]; then
	for mod in /modules/kunit/*.ko; do
		[ -e "$mod" ] && wanted "$(basename "$mod" .ko)" && run_kunit_module "$mod"
	done
elif [ "$machine" = stock ]; then
	result kunit SKIP "Debian's stock kernel has no KUnit"
else
	result kunit FAIL "this kernel has no KUnit"
fi

# kmemleak: an object must be unreferenced for a while before it is
# reported, hence two scans some seconds apart.
if [ -w /sys/kernel/debug/kmemleak ]; then
	step kmemleak
	echo scan >/sys/kernel/debug/kmemleak
	sleep 6
	echo scan >/sys/kernel/debug/kmemleak
	cat /sys/kernel/debug/kmemleak >/tmp/leaks
	if [ -s /tmp/leaks ]; then
		cat /tmp/leaks
		result kmemleak FAIL "$(grep -c 'unreferenced object' /tmp/leaks) unreferenced object(s)"
	else
		result kmemleak PASS
	fi
elif [ "$machine" = stock ]; then
	result kmemleak SKIP "Debian's stock kernel has no kmemleak"
else
	result kmemleak FAIL "kmemleak is not available in this kernel"
fi
