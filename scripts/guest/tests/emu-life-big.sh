# machines: plain stock
# Large buffers: the documented 16 MiB limit in every mode (before: a
# kmalloc over 4 MiB gave a WARNING in streaming mode and in keep with a
# direction), and a size beyond it refused with the driver's reason.
set -e
. /guest/lib.sh
emu_stack
for mode in streaming coherent sg; do
	smmu3-dma testdev-b copy 0x1000000 $mode
done
for dir in to-device bidirectional coherent; do
	smmu3-dma testdev-b keep 0x1000000 $dir
	smmu3-dma testdev-b verify
	smmu3-dma testdev-b free
done
smmu3-dma testdev-b fill 0x1000000 0x3c
smmu3-dma testdev-b checksum 0x1000000
if smmu3-dma testdev-b copy 0x1000001 streaming 2>/tmp/big.err; then
	echo "17 MiB accepted"; exit 1
fi
cat /tmp/big.err
grep -q "size '0x1000001': not a number from 1 to 16777216" /tmp/big.err
if smmu3-dma testdev-b copy 0x1000 fast 2>/tmp/big.err; then
	echo "mode 'fast' accepted"; exit 1
fi
cat /tmp/big.err
grep -q "copy mode 'fast'" /tmp/big.err
smmu3-dma testdev-b copy 0x10000 sg
