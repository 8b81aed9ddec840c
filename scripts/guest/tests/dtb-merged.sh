# machines: plain smmuv3
# The DTB the guest booted with is the harness's merge of QEMU's own tree
# and the project's nodes, not QEMU's built-in one.
set -e
f=/proc/device-tree/chosen/smmu3,harness
[ -e "$f" ] || { echo "no $f: the guest did not boot the merged DTB"; exit 1; }
echo "harness DTB: $(cat "$f")"
