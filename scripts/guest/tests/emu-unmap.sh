# machines: plain
# Issue 5, test 3: unmap then access, strict mode.  The device reads a
# streaming mapping (filling the emulated TLB), the driver unmaps it and
# invalidates, and the same access now faults: no stale TLB entry is used.
set -e
. /guest/lib.sh
emu_stack
grep -q '^domain: DMA$' /sys/kernel/debug/smmu3_testdev/testdev-a/info ||
	{ echo "testdev-a is not in a strict DMA domain"; exit 1; }
for n in 1 2 3; do
	smmu3-dma testdev-a unmap-access 0x2000
done
