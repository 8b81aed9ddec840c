# machines: smmuv3
# An illegal command (opcode 0x7f, issued through the driver's debugfs
# hook) stops QEMU's command queue with CERROR_ILL; the driver logs it,
# skips it, and the queue keeps working: NVMe I/O, which needs TLB
# invalidations and CMD_SYNCs, still verifies afterwards.
set -e
. /guest/lib.sh
smmu3_nvme || { echo "no nvme0n1 behind smmu3"; exit 1; }
dir=$(dirname "$(ls /sys/kernel/debug/smmu3/*/inject | head -n1)")
before=$(sed -n 's/^cmdq_errors: //p' "$dir/info")
dmesg -c >/dev/null
echo 0x7f >"$dir/inject"
after=$(sed -n 's/^cmdq_errors: //p' "$dir/info")
dmesg | grep 'command queue error' || { echo "no command queue error logged"; exit 1; }
[ "$after" -eq $((before + 1)) ] ||
	{ echo "cmdq_errors went from $before to $after, expected one more"; exit 1; }
grep -q '^gerror: ' "$dir/info"
nvme_roundtrip 4 || { echo "I/O after the command error failed to verify"; exit 1; }
echo "illegal command skipped; 4 MiB verified afterwards"
