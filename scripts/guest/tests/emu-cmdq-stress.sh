# machines: plain
# The command queue under load from both CPUs: dma_map_benchmark (2
# threads, strict DMA domain: every unmap is a TLBI and a CMD_SYNC) on
# testdev-c, copies on testdev-a and testdev-b (maps, unmaps, TLBIs) and
# illegal commands injected meanwhile, all at once.  Writers wait for
# their CMD_SYNCs outside the queue lock, so several CMD_SYNCs wait in
# the queue at once (the emulator's syncs_queued_max above 1; the main
# instance consumes 2 commands per register access, lagging behind).
# Every copy is verified, every illegal command is counted exactly once,
# no CMD_SYNC times out, the queue ends idle, and the strict emulator's
# checker (stale TLB entries used after an invalidation completed) reports
# nothing (the harness fails the run on any report).
set -e
. /guest/lib.sh
emu_stack
pdrv=/sys/bus/platform/drivers
dir=/sys/kernel/debug/smmu3/iommu
stats=/sys/kernel/debug/smmu3_emu/smmu3-emu/stats
field() { sed -n "s/^$1: //p" "$dir/info"; }
stat() { awk -v k="$1" '$1 == k { print $2 }' "$stats"; }

dev=$(basename "$(readlink -f "$pdrv"/smmu3_testdev/*testdev-c)")
g=$(testdev_group testdev-c)
echo "$dev" >"$pdrv/smmu3_testdev/unbind"
echo dma_map_benchmark >"/sys/bus/platform/devices/$dev/driver_override"
echo DMA >"/sys/kernel/iommu_groups/$g/type"
echo "$dev" >"$pdrv/dma_map_benchmark/bind"

e0=$(field cmdq_errors) t0=$(field cmdq_timeouts) s0=$(stat syncs)
copies() {
	i=0
	while [ $i -lt 12 ]; do
		smmu3-dma "$1" copy 0x20000 "$2" >/dev/null ||
			{ echo "copy on $1 failed"; return 1; }
		i=$((i + 1))
	done
}
map-bench 4 2 1 >/tmp/mb.out 2>&1 &
mb=$!
copies testdev-a sg &
ca=$!
copies testdev-b coherent &
cb=$!
n=20
i=0
while [ $i -lt $n ]; do
	echo 0x7f >"$dir/inject"
	i=$((i + 1))
done
fail=0
wait $ca || fail=1
wait $cb || fail=1
wait $mb || { echo "map-bench failed: $(cat /tmp/mb.out)"; fail=1; }
cat /tmp/mb.out
errors=$(($(field cmdq_errors) - e0))
echo "CMD_SYNCs completed: $(($(stat syncs) - s0)), most waiting at once: $(stat syncs_queued_max)"
echo "illegal commands: $n, counted: $errors, CMD_SYNC timeouts: $(($(field cmdq_timeouts) - t0))"
[ $fail = 0 ]
[ "$errors" = $n ] || { echo "expected $n command errors"; exit 1; }
[ "$(field cmdq_timeouts)" = "$t0" ] || { echo "CMD_SYNC timeouts"; exit 1; }
[ "$(stat syncs_queued_max)" -ge 2 ] ||
	{ echo "never more than one CMD_SYNC in the queue: writers waited for each other"; exit 1; }
cmdq=$(sed -n 's/^cmdq: .*prod \(0x[0-9a-f]*\), cons \(0x[0-9a-f]*\)$/\1 \2/p' "$dir/info")
set -- $cmdq
[ $(($1 & 0xfffff)) = $(($2 & 0xfffff)) ] || { echo "command queue not idle: $cmdq"; exit 1; }

echo "$dev" >"$pdrv/dma_map_benchmark/unbind"
echo >"/sys/bus/platform/devices/$dev/driver_override"
echo "$dev" >"$pdrv/smmu3_testdev/bind"
smmu3-dma testdev-c copy 0x10000 sg
echo "command queue: concurrent writers, every sync completed, errors recovered"
