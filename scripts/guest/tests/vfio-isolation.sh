# machines: plain
# Isolation between an assigned device and kernel-owned devices.
# testdev-b (smmu3_testdev, the kernel's DMA domain) keeps a buffer: the
# assigned testdev-vfio reads and writes its IOVA and faults there
# (F_TRANSLATION at that IOVA: the IOVA means nothing in the domain VFIO
# attached), with both back ends, and testdev-b's data is intact.  The
# other way: while smmu3-vmm holds guest RAM the device patterned at IOVA
# 0x40000000, testdev-a and testdev-b write and read that IOVA: each
# faults in its own domain, naming its StreamID, and the guest RAM is
# intact when the tool checks it.
set -e
. /guest/lib.sh
vfio_stack
iova=$(testdev_keep testdev-b 0x10000)
echo "testdev-b keeps a buffer at $iova"
for be in type1 iommufd; do
	smmu3-vmm --$be $VFIO_DEV isolation "$iova" ||
		fail "$be: the assigned device reached testdev-b's buffer"
done
smmu3-dma testdev-b verify || fail "testdev-b's buffer changed"
smmu3-dma testdev-b free

for be in type1 iommufd; do
	smmu3-vmm --$be $VFIO_DEV hold 60 >/tmp/hold.out 2>&1 &
	pid=$!
	i=0
	while ! grep -q '^hold: ' /tmp/hold.out && [ $i -lt 200 ]; do sleep 0.1; i=$((i + 1)); done
	grep -q '^hold: ' /tmp/hold.out || { kill $pid; cat /tmp/hold.out; fail "$be: hold did not start"; }
	for d in a b; do
		case $d in a) sid=0x10 ;; b) sid=0x20 ;; esac
		for op in write read; do
			if out=$(smmu3-dma testdev-$d $op 0x40000000 4096); then
				kill -USR1 $pid; fail "testdev-$d could $op the assigned device's guest RAM: $out"
			fi
			echo "testdev-$d $op 0x40000000: $out"
			echo "$out" | grep -q "fault F_TRANSLATION sid $sid iova 0x40000000 $op" ||
				{ kill -USR1 $pid; fail "testdev-$d: not a translation fault of its own"; }
		done
	done
	kill -USR1 $pid
	wait_pid $pid 30
	cat /tmp/hold.out
	grep -q 'guest RAM intact' /tmp/hold.out || fail "$be: the guest RAM changed"
	grep -q FAIL /tmp/hold.out && fail "$be: hold failed"
done
vfio_back
smmu3-dma $VFIO_DEV copy 0x10000 sg
