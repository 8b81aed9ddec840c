# machines: plain
# GERRORN: the command queue's waiter acknowledges
# CMDQ_ERR while the GERROR handler acknowledges the other errors; both
# read-modify-write GERRORN.  Illegal commands (driver debugfs "inject")
# race with global errors the emulator raises (its debugfs "gerror",
# MSI_GERROR_ABT_ERR).  Every illegal command is counted exactly once, and
# at the end no error is left active (GERROR = GERRORN), so the queue
# works.  Before: a stale GERRORN write could toggle CMDQ_ERR back to
# active (a phantom error the next waiter "recovers" by overwriting a
# good command) or leave an error acknowledged twice; timing decided.
set -e
. /guest/lib.sh
emu_stack
dir=/sys/kernel/debug/smmu3/iommu
field() { sed -n "s/^$1: //p" "$dir/info"; }
n=200
e0=$(field cmdq_errors)
(
	i=0
	while [ $i -lt $n ]; do
		echo 0x80 >/sys/kernel/debug/smmu3_emu/smmu3-emu/gerror 2>/dev/null || :
		i=$((i + 1))
	done
) &
gpid=$!
i=0
while [ $i -lt $n ]; do
	echo 0x7f >"$dir/inject"
	i=$((i + 1))
done
wait $gpid
sleep 0.5
errors=$(($(field cmdq_errors) - e0))
echo "illegal commands: $n, command errors counted: $errors, gerrors: $(field gerrors)"
[ $errors = $n ] || { echo "expected $n command errors"; exit 1; }
[ "$(field gerror)" = "$(field gerrorn)" ] ||
	{ echo "an error is left active: GERROR $(field gerror) GERRORN $(field gerrorn)"; exit 1; }
[ "$(field cmdq_timeouts)" = 0 ] || { echo "command timeouts"; exit 1; }
for d in a b c; do
	smmu3-dma testdev-$d copy 0x10000 sg >/dev/null
done
echo "copies verified on a b c"
