# machines: plain stock
# SVA after munmap: the device writes a page of a memfd the process has
# mapped (the SMMU's TLB now caches the translation), the process unmaps
# it, and the device's next write must fail: the driver invalidated the
# SMMU's TLB through the mmu notifier.  The memfd's page keeps the first
# write's data, so no DMA reached the old page.
set -e
. /guest/lib.sh
sva_stack
tlbi0=$(emu_stat cmd_TLBI_NH_VA) asid0=$(emu_stat cmd_TLBI_NH_ASID)
sva-test munmap $SVA_DEV
echo "TLBI_NH_VA +$(($(emu_stat cmd_TLBI_NH_VA) - tlbi0)), TLBI_NH_ASID +$(($(emu_stat cmd_TLBI_NH_ASID) - asid0))"
sva_quiet
echo "no DMA reached an unmapped page"
