# machines: plain stock
# SVA: a process binds its address space to testdev-sva and the device
# copies (and fills) into anonymous memory the process never touched.
# Each first touch of a page by the device is a translation fault that
# stalls; the kernel's I/O page fault handler faults the page in and the
# driver resumes the transaction (CMD_RESUME, retry).  The process checks
# the data; the stalls reported equal the pages requested and the pages
# faulted in (mincore), and the emulator counted as many stalls, each
# retried once.
set -e
. /guest/lib.sh
sva_stack
s0=$(emu_stat stalls) r0=$(emu_stat stall_retries) t0=$(sva_stat stalls)
sva-test copy $SVA_DEV 64
sva-test fill $SVA_DEV 33
sva-test copy $SVA_DEV 1
stalls=$(($(emu_stat stalls) - s0)) retried=$(($(emu_stat stall_retries) - r0))
counted=$(($(sva_stat stalls) - t0))
echo "emulator: $stalls stalls, $retried retried; test device: $counted stalls"
[ "$stalls" = 98 ] && [ "$retried" = 98 ] && [ "$counted" = 98 ] ||
	{ echo "expected 98 stalls (64 + 33 + 1 pages), each retried"; exit 1; }
sva_quiet
grep '^sva_bound' "$SVA_INFO"
grep -q '^sva_bound: -$' "$SVA_INFO" || { echo "a binding outlived its file"; exit 1; }
echo "SVA into never-touched memory: one stall per page, data verified"
