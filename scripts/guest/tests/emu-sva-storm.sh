# machines: plain stock
# A stall storm: 4 processes of 4 threads, each thread binding its own
# file of testdev-sva and copying, then filling, 16 pages it never
# touched: 16 threads stall at once on one StreamID of an SMMU with 32
# stall slots, on 4 PASIDs (one per process).
# Every stall is resolved: the stalls the threads were told of add up to
# the pages they asked for, to the test device's count and to the
# emulator's (stalls = retried, none terminated, none timed out); the
# data of every page is verified by its thread.
set -e
. /guest/lib.sh
sva_stack
s0=$(emu_stat stalls) r0=$(emu_stat stall_retries) a0=$(emu_stat stall_aborts)
f0=$(emu_stat stall_full) t0=$(sva_stat stalls)
sva-test storm $SVA_DEV 4 4 16
stalls=$(($(emu_stat stalls) - s0)) retried=$(($(emu_stat stall_retries) - r0))
aborted=$(($(emu_stat stall_aborts) - a0)) full=$(($(emu_stat stall_full) - f0))
counted=$(($(sva_stat stalls) - t0))
echo "emulator: $stalls stalls, $retried retried, $aborted terminated, $full beyond the slots; test device: $counted"
[ "$stalls" = 512 ] && [ "$retried" = 512 ] && [ "$aborted" = 0 ] &&
	[ "$full" = 0 ] && [ "$counted" = 512 ] ||
	{ echo "expected 512 stalls (4 x 4 threads x 2 x 16 pages), each retried"; exit 1; }
sva_quiet
grep -q '^sva_bound: -$' "$SVA_INFO" || { echo "a binding outlived its file"; exit 1; }
echo "stall storm: 512 stalls from 16 threads, none lost"
