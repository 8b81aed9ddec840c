# machines: smmuv3 smmuv3-acpi
# trace: cmdq-illegal
# An illegal command (opcode 0x7f, issued through the driver's debugfs
# hook) stops QEMU's command queue with CERROR_ILL.  The driver logs it
# with the command's words, skips it and restarts the queue: the error is
# counted once, QEMU itself reports the illegal command (trace check
# cmdq-illegal), later commands complete (NVMe I/O needs TLB
# invalidations and CMD_SYNCs, and verifies), and afterwards the queue is
# drained (PROD = CONS) with CONS moved on.
set -e
. /guest/lib.sh
smmu3_nvme || { echo "no nvme0n1 behind smmu3"; exit 1; }
dir=$(dirname "$(ls /sys/kernel/debug/smmu3/*/inject | head -n1)")
# cmdq_pc: "PROD CONS" of the command queue, as the driver reads them
cmdq_pc() {
	sed -n 's/^cmdq: .* prod \(0x[0-9a-f]*\), cons \(0x[0-9a-f]*\)$/\1 \2/p' "$dir/info"
}
before=$(sed -n 's/^cmdq_errors: //p' "$dir/info")
set -- $(cmdq_pc)
cons0=$2
dmesg -c >/dev/null
echo 0x7f >"$dir/inject"
# QEMU's own account, judged by the host whatever happens below: command
# consumption stopped with CERROR_ILL (1)
echo "TRACE-CHECK cmdq-illegal 1 smmuv3_cmdq_consume_error .* 1$"
after=$(sed -n 's/^cmdq_errors: //p' "$dir/info")
dmesg | grep 'command queue error' || { echo "no command queue error logged"; exit 1; }
dmesg | grep -q 'command queue error 1 (illegal command) at index [0-9]*: 000000000000007f ' ||
	{ echo "the log does not name the illegal command 0x7f"; exit 1; }
[ "$after" -eq $((before + 1)) ] ||
	{ echo "cmdq_errors went from $before to $after, expected one more"; exit 1; }
nvme_roundtrip 4 || { echo "I/O after the command error failed to verify"; exit 1; }
[ "$(sed -n 's/^cmdq_errors: //p' "$dir/info")" -eq "$after" ] ||
	{ echo "later commands caused command queue errors"; exit 1; }
set -- $(cmdq_pc)
echo "command queue: CONS $cons0 before, PROD $1 CONS $2 after"
# Index and wrap bit only: CONS.ERR (bits 30:24) keeps the last error
[ -n "$2" ] && [ $(($1 & 0xffffff)) = $(($2 & 0xffffff)) ] ||
	{ echo "the command queue is not drained"; exit 1; }
[ $(($2 & 0xffffff)) != $((cons0 & 0xffffff)) ] ||
	{ echo "CONS did not move: no later command was consumed"; exit 1; }
echo "illegal command skipped; 4 MiB verified afterwards"
