# machines: plain
# The group type changed through sysfs.  Identity: the
# device's DMA bypasses translation and still verifies.  Blocked (DMA
# ownership taken: bound to smmu3_testdev_owned): DMA aborts, never
# bypasses.  Back to DMA at the end.
set -e
. /guest/lib.sh
emu_stack
testdev_settype testdev-b identity
grep '^domain: identity' /sys/kernel/debug/smmu3_testdev/testdev-b/info
smmu3-dma testdev-b copy 0x10000 coherent
iova=$(testdev_keep testdev-b 0x1000)
smmu3-dma testdev-b read "$iova" 4096
smmu3-dma testdev-b free
testdev_driver testdev-b smmu3_testdev_owned
grep '^domain: blocked' /sys/kernel/debug/smmu3_testdev/testdev-b/info
if smmu3-dma testdev-b read "$iova" 4096; then
	echo "blocked domain let a read through"; exit 1
fi
smmu3-dma testdev-b read "$iova" 4096 | grep -q '^abort' ||
	{ echo "blocked domain: expected an abort"; exit 1; }
testdev_driver testdev-b smmu3_testdev
testdev_settype testdev-b DMA
smmu3-dma testdev-b copy 0x10000 sg
