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

# result NAME PASS|FAIL|SKIP [detail...]: one verdict line for the host
result() {
	_name=$1 _verdict=$2
	shift 2
	echo "SMMU3: RESULT $_name $_verdict${*:+ $*}"
}

step() {
	echo "SMMU3: STEP $*"
}

# kunit_suites: names of the KUnit suites currently registered
kunit_suites() {
	ls /sys/kernel/debug/kunit 2>/dev/null
}
