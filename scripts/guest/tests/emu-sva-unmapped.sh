# machines: plain stock
# SVA: the device writes to a virtual address the process has nothing
# mapped at.  The fault stalls, the kernel cannot resolve it, the driver
# terminates the transaction, and the command fails with an error naming
# the address and that the fault could not be resolved.  Nothing else is
# disturbed: the same binding then copies and verifies, and the other
# test devices' DMA verifies.
set -e
. /guest/lib.sh
sva_stack
a0=$(emu_stat stall_aborts)
sva-test unmapped $SVA_DEV
aborted=$(($(emu_stat stall_aborts) - a0))
echo "terminated stalls: $aborted"
[ "$aborted" -ge 1 ] || { echo "the unresolvable fault was not a terminated stall"; exit 1; }
smmu3-dma testdev-a copy 0x10000 sg
smmu3-dma testdev-c copy 0x10000 coherent
sva-test copy $SVA_DEV 4
sva_quiet
echo "an unresolvable SVA fault failed alone"
