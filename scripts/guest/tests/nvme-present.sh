# machines: plain
# Without an IOMMU in the machine, the PCI NVMe controller binds and its
# namespace is readable: proves the PCI host, MSI (ITS) and NVMe setup.
set -e
i=0
while [ ! -b /dev/nvme0n1 ] && [ $i -lt 30 ]; do sleep 1; i=$((i + 1)); done
[ -b /dev/nvme0n1 ] || { echo "no /dev/nvme0n1 after 30 s"; ls /sys/class/nvme 2>&1; exit 1; }
dd if=/dev/nvme0n1 of=/dev/null bs=64k count=16 2>/dev/null
echo "nvme0n1: $(cat /sys/block/nvme0n1/size) sectors, read ok"
