# machines: plain stock
# SVA and process exit: a child binds its address space and exits without
# unbinding, once through its own file (closed by the exit, after the
# address space is gone) and once through a file its parent keeps open
# (the binding outlives the address space until the parent closes it; the
# parent cannot use it).  Afterwards the device works for a new binding,
# nothing is left bound, and KASAN, kmemleak and lockdep (the harness)
# see nothing.
set -e
. /guest/lib.sh
sva_stack
sva-test exit $SVA_DEV
grep '^sva_bound' "$SVA_INFO"
grep -q '^sva_bound: -$' "$SVA_INFO" || { echo "a binding outlived its file"; exit 1; }
# The file of a binding left open while the device is unbound: released
# after the device is gone
p=$(pdev_of $SVA_DEV)
sva-test bind-sleep $SVA_DEV 3 >/tmp/bs.out 2>&1 &
pid=$!
i=0
while ! grep -q '^bound' /tmp/bs.out && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
echo "$p" >/sys/bus/platform/drivers/smmu3_testdev/unbind
wait_pid $pid 10 || { echo "sva-test hung"; exit 1; }
cat /tmp/bs.out
grep -q '^after 3 s: .*Input/output error' /tmp/bs.out ||
	{ echo "the file of the unbound device still ran a command"; exit 1; }
echo "$p" >/sys/bus/platform/drivers/smmu3_testdev/bind
sva_stack
sva-test copy $SVA_DEV 8
sva_quiet
echo "process exit while bound: the old address space is let go"
