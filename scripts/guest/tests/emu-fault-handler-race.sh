# machines: plain
# A fault handler that runs while its domain goes away.  testdev-b, bound
# to smmu3_testdev_owned, attaches a paging domain of its own whose fault
# handler (iommu_set_fault_handler) sleeps 1.5 s, then uses its domain
# and device.  A read of an unmapped IOVA makes the driver's event thread
# call it; while it sleeps, the device detaches and frees the domain
# (own-detach), then the device is unbound from its driver while a second
# call sleeps.  The driver holds streams_mutex across the report and
# smmu3_domain_free() waits for it, so the free returns only after the
# handler did: the handler's check is counted before own-detach ends,
# deterministically, and KASAN reports nothing.  A driver that let the
# domain be freed meanwhile fails the count at once (and KASAN reports the
# handler's use after free).
set -e
. /guest/lib.sh
emu_stack
dev=testdev-b
info=/sys/kernel/debug/smmu3_testdev/$dev/info
field() { sed -n "s/^$1: //p" "$info"; }

# wait_sleeping: until the fault handler sleeps (10 s at most)
wait_sleeping() {
	_i=0
	while [ "$(field handler_sleeping)" != 1 ]; do
		_i=$((_i + 1))
		[ $_i -le 100 ] || { echo "the fault handler was not called"; cat "$info"; exit 1; }
		sleep 0.1
	done
}

testdev_driver $dev smmu3_testdev_owned
smmu3-dma $dev own-attach 1500
dma_fault "a read of an unmapped IOVA" "fault F_TRANSLATION sid 0x20 iova 0x100000 read" \
	smmu3-dma $dev read 0x100000 4
wait_sleeping
echo "handler sleeping: calls $(field handler_calls), checked $(field handler_checked)"
smmu3-dma $dev own-detach
calls=$(field handler_calls)
checked=$(field handler_checked)
echo "after own-detach: calls $calls, checked $checked"
[ "$calls" = 1 ] && [ "$checked" = 1 ] ||
	{ echo "own-detach freed the domain while its fault handler ran"; exit 1; }

# The same through the driver's unbind (remove detaches and frees)
smmu3-dma $dev own-attach 1500
dma_fault "a read of an unmapped IOVA" "fault F_TRANSLATION sid 0x20 iova 0x100000 read" \
	smmu3-dma $dev read 0x100000 4
wait_sleeping
p=$(pdev_of $dev)
echo "$p" >/sys/bus/platform/drivers/smmu3_testdev_owned/unbind
echo "unbound while the handler slept"
testdev_driver $dev smmu3_testdev
# A new binding: the counters start at 0; the handler's own check ran
# before the unbind returned, or KASAN has reported its use after free
grep -q '^handler_calls: 0$' "$info"
smmu3-dma $dev copy 0x10000 sg
