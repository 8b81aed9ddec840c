# machines: plain
# Issue 5, test 6: emulator, driver and test device loaded and removed 20
# times, with a verified DMA each round (kmemleak runs after all tests).
set -e
. /guest/lib.sh
emu_unload
for i in $(seq 1 20); do
	emu_stack
	smmu3-dma testdev-a copy 0x10000 sg >/dev/null
	emu_unload
done
echo "20 rounds"
emu_stack
smmu3-dma testdev-a copy 0x10000 sg
