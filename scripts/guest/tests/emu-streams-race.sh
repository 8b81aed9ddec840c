# machines: plain
# Use after free: masters and domains released
# while the event thread and debugfs use them.  A fault storm on
# testdev-c fills the event queue; while the driver still reports its
# faults, and while debugfs "streams" is read in a loop, the SMMU is
# unbound (its devices' masters freed, their domains freed) and bound
# again, five times.  The event thread and "streams" hold streams_mutex
# across their use of a master and its domain; release_device and
# domain_free synchronise with it.  KASAN, lockdep and kmemleak report
# nothing (the harness fails on any report).  Before: the event thread
# dropped the xarray lock before using the master's device and domain,
# and "streams" dereferenced a domain nothing pinned; whether a run hit
# the window depended on timing.
set -e
. /guest/lib.sh
emu_stack
pdrv=/sys/bus/platform/drivers
smmu=$(pdev_of iommu)
dir=/sys/kernel/debug/smmu3/iommu

reader() {
	while [ -e /tmp/streams-race ]; do
		cat /sys/kernel/debug/smmu3/iommu/streams >/dev/null 2>&1 || :
		cat /sys/kernel/debug/smmu3/iommu/info >/dev/null 2>&1 || :
	done
}
touch /tmp/streams-race
reader &
rpid=$!
for i in 1 2 3 4 5; do
	smmu3-dma testdev-c storm 200000 0xdead0000 >/dev/null 2>&1 &
	spid=$!
	sleep 0.3
	# Unbinding ends the storm (its device's driver goes first)
	echo "$smmu" >"$pdrv/smmu3/unbind"
	wait $spid || :
	echo "$smmu" >"$pdrv/smmu3/bind"
	emu_wait_ready
	# Group type change: the default domain is freed and replaced
	testdev_settype testdev-b identity >/dev/null
	testdev_settype testdev-b DMA >/dev/null
	echo "round $i: events $(sed -n 's/^events: //p' $dir/info)"
done
rm -f /tmp/streams-race
wait $rpid
for d in a b c; do
	smmu3-dma testdev-$d copy 0x10000 sg >/dev/null
done
echo "copies verified on a b c"
