# machines: plain stock
# Long commands and clear refusals: a long command ends on a signal (SIGTERM)
# with its partial count, readers of info and cmd are not blocked while it
# runs and a second writer is told the device is busy; a storm that cannot
# run, an empty command and bad input are refused with the reason.
. /guest/lib.sh
emu_stack || exit 1
fail() {
	echo "FAIL: $*"; exit 1
}
d=/sys/kernel/debug/smmu3_testdev/testdev-c
smmu3-dma testdev-c storm 10000000 0xdead0000 >/tmp/storm.out 2>&1 &
pid=$!
sleep 2
# centiseconds since boot
now() {
	sed 's/^\([0-9]*\)\.\([0-9]*\) .*/\1\2/' /proc/uptime
}
start=$(now)
cat "$d/info" >/tmp/storm.info || fail "info not readable"
cat "$d/cmd" >/dev/null || fail "cmd not readable"
t=$(($(now) - start))
echo "info and cmd read in $((t / 100)).$((t % 100 / 10)) s during the storm"
[ $t -le 1000 ] || fail "info/cmd blocked for more than 10 s"
cat /tmp/storm.info
grep -q '^running: storm 10000000 0xdead0000' /tmp/storm.info || fail "info does not show the running storm"
if smmu3-dma testdev-c copy 0x1000 sg 2>/tmp/storm.busy; then
	fail "a second command ran during the storm"
fi
cat /tmp/storm.busy
grep -q 'busy' /tmp/storm.busy || fail "no busy reason"
kill -TERM $pid
i=0
while kill -0 $pid 2>/dev/null; do
	[ $i -lt 100 ] || fail "storm not interrupted after 10 s"
	sleep 0.1
	i=$((i + 1))
done
res=$(cat "$d/cmd")
echo "$res"
case $res in
interrupted:\ storm\ of\ 10000000\ accesses\ stopped\ after*) ;;
*) fail "not an interrupted storm: $res" ;;
esac

# A storm that cannot run; a normal one reports faults and successes
if smmu3-dma testdev-c storm 1 0xffffffffffffffff 2>/tmp/storm.err; then
	fail "storm 1 0xffffffffffffffff succeeded: $(cat "$d/cmd")"
fi
cat /tmp/storm.err
grep -q 'wrap' /tmp/storm.err || fail "no reason for the wrapping storm"
smmu3-dma testdev-c storm 0 0xdead0000 2>/dev/null && fail "storm 0 accepted"
iova=$(testdev_keep testdev-c 0x1000) || fail "keep"
smmu3-dma testdev-c storm 100 "$iova" | grep -q '^ok storm 100 accesses: 0 faults, 0 aborts, 100 succeeded' ||
	fail "storm of a mapped iova: $(cat "$d/cmd")"
smmu3-dma testdev-c free >/dev/null

# No command, an empty or blank one, unknown ones, bad numbers
for c in "" " "; do
	smmu3-dma testdev-c "$c" 2>/tmp/storm.err && fail "command '$c' succeeded"
	[ $? = 2 ] || fail "command '$c': not refused"
	cat /tmp/storm.err
done
smmu3-dma testdev-c 2>/dev/null && fail "no command succeeded"
echo " " >"$d/cmd" 2>/dev/null && fail "the driver accepted a blank command"
grep -q '^error: empty command' "$d/cmd" || fail "blank command: result $(cat "$d/cmd")"
smmu3-dma testdev-c frobnicate 2>&1 | grep "unknown command 'frobnicate'" || fail "unknown command"
smmu3-dma testdev-c read 0x1000 0 2>&1 | grep "size '0'" || fail "size 0"
smmu3-dma testdev-c keep 0x1000 sideways 2>&1 | grep "direction 'sideways'" || fail "direction"
smmu3-dma testdev-c copy 0x10000 sg || fail "copy after all that"
