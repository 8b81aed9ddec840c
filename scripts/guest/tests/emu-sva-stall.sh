# machines: plain stock
# Stalled transactions that nobody resolves: testdev-sva attaches a paging
# domain at PASID 200 with "hold", so that the I/O page faults there stay
# pending, and reads beyond its buffer: the read stalls (§3.12.2) and
# waits.  Then, each with bounded waits:
# - pasid-respond ok: the transaction is retried (CMD_RESUME), faults
#   again and stalls again; pasid-respond fail terminates it;
# - pasid-detach while stalled: the driver terminates the stream's stalls
#   (CMD_STALL_TERM), the read fails, the held faults are answered;
# - the waiting process killed: the stall stays outstanding in the SMMU
#   until rmmod of the test device detaches the PASID;
# - unbinding the test device while a read is stalled;
# - rmmod of the test device while a process waits (refused: in use),
#   then unbinding the emulated SMMU under it all.
# Every stall ends once (resumed or terminated), none times out ("stall
# left hanging"), and the stack works afterwards.
set -e
. /guest/lib.sh
sva_stack
dev=$SVA_DEV
P=200
hole=$(printf '%#x' $(((P << 24) + 0x10000)))
pdrv=/sys/bus/platform/drivers

# wait_held N: N fault groups held at PASID $P (5 s)
wait_held() {
	_i=0
	while ! grep -q "^held: .*pasid $P: $1\$" "$SVA_INFO" && [ $_i -lt 50 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	grep '^held' "$SVA_INFO"
	grep -q "^held: .*pasid $P: $1\$" "$SVA_INFO" || { echo "expected $1 held at PASID $P"; exit 1; }
}

# stalled_read: a read at the hole in the background, stalled and held
stalled_read() {
	smmu3-dma $dev pasid-read $P "$hole" 4096 >/tmp/stalled.out 2>&1 &
	bg=$!
	wait_held 1
}

# ended_with TEXT: the background read ended (10 s) with TEXT
ended_with() {
	wait_pid $bg 10 || exit 1
	cat /tmp/stalled.out
	grep -q "$1" /tmp/stalled.out || { echo "expected '$1'"; exit 1; }
}

echo "--- respond ok (retry: stalls again), then fail"
smmu3-dma $dev pasid-attach $P hold
stalled_read
grep '^running' "$SVA_INFO"
r0=$(emu_stat stall_retries)
smmu3-dma $dev pasid-respond $P ok
wait_held 1
[ $(($(emu_stat stall_retries) - r0)) = 1 ] || { echo "the retry was not seen"; exit 1; }
smmu3-dma $dev pasid-respond $P fail
ended_with "ssid 0xc8 iova $hole read: stalled (2 stalls), terminated: the fault could not be resolved"

echo "--- pasid-detach while stalled"
stalled_read
out=$(smmu3-dma $dev pasid-detach $P)
echo "$out"
ended_with "stalled (1 stalls), terminated"
smmu3-dma $dev pasid-read $P 0xc8000000 4096 && { echo "PASID $P read after its detach"; exit 1; }

echo "--- the waiting process killed, then rmmod of the test device"
smmu3-dma $dev pasid-attach $P hold
stalled_read
kill -9 $bg
wait_pid $bg 5
ab0=$(emu_stat stall_abandoned)
echo "abandoned: $ab0"
[ "$ab0" -ge 1 ] || { echo "the stall was not left to software"; exit 1; }
a0=$(emu_stat stall_aborts)
bounded 15 rmmod smmu3_testdev
[ $(($(emu_stat stall_aborts) - a0)) = 1 ] || { echo "rmmod did not terminate the stall"; exit 1; }
sva_stack

# The read's result went with the device: its end and the emulator tell
echo "--- unbinding the test device while a read is stalled"
smmu3-dma $dev pasid-attach $P hold
stalled_read
a0=$(emu_stat stall_aborts)
p=$(pdev_of $dev)
bounded 15 sh -c "echo $p >$pdrv/smmu3_testdev/unbind"
wait_pid $bg 10 || exit 1
cat /tmp/stalled.out
[ $(($(emu_stat stall_aborts) - a0)) = 1 ] || { echo "the unbind did not terminate the stall"; exit 1; }
echo "$p" >$pdrv/smmu3_testdev/bind
sva_stack

echo "--- rmmod while a process waits, then unbinding the emulated SMMU"
smmu3-dma $dev pasid-attach $P hold
stalled_read
rc=0
bounded 15 rmmod smmu3_testdev || rc=$?
[ $rc != 124 ] || exit 1
[ $rc != 0 ] || { echo "rmmod went through an open file"; exit 1; }
grep -q '^smmu3_testdev ' /proc/modules || { echo "smmu3_testdev is gone"; exit 1; }
e=$(pdev_of smmu3-emu-sva)
bounded 15 sh -c "echo $e >$pdrv/smmu3-emu/unbind"
wait_pid $bg 10 || exit 1
cat /tmp/stalled.out
echo "$e" >$pdrv/smmu3-emu/bind
emu_wait_ready
sva_stack
smmu3-dma $dev copy 0x10000 sg
sva-test copy $dev 4
sva_quiet
echo "stalled transactions terminated by respond, detach, rmmod and unbind; nothing hung"
