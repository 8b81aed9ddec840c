# machines: plain stock
# Load orders: the emulator, the driver and the
# test device loaded in each of the six orders, back to back, and removed,
# ROUNDS times per order: every test device must bind (a test device
# probed while its SMMU registers used to fail for good with "not behind
# an IOMMU"), with a verified DMA each round (kmemleak runs after all
# tests).  smmu3_testdev uses smmu3_emu's DMA port: loaded before it, it
# is refused (unknown symbol) and loaded again last.  ROUNDS = 100 in
# each order (600 cycles) on Debian's stock kernel (about 0.5 s a round
# under TCG); 17 in each order (102 cycles) on the plain machine's test
# kernel, where KASAN, lockdep and kmemleak watch (about 1.6 s a round).
set -e
. /guest/lib.sh
ROUNDS=17
[ "$1" = stock ] && ROUNDS=100
emu_unload
total=0
for order in smmu3_emu,smmu3,smmu3_testdev smmu3_emu,smmu3_testdev,smmu3 \
	     smmu3,smmu3_emu,smmu3_testdev smmu3,smmu3_testdev,smmu3_emu \
	     smmu3_testdev,smmu3_emu,smmu3 smmu3_testdev,smmu3,smmu3_emu; do
	start=$(sed 's/\..*//' /proc/uptime)
	i=0
	while [ $i -lt "$ROUNDS" ]; do
		retry=
		for m in $(echo "$order" | tr , ' '); do
			if [ $m = smmu3_testdev ] && ! grep -q '^smmu3_emu ' /proc/modules; then
				if insmod "/modules/$m.ko" 2>/dev/null; then
					echo "smmu3_testdev loaded without smmu3_emu"; exit 1
				fi
				retry=$m
				continue
			fi
			insmod "/modules/$m.ko"
		done
		[ -z "$retry" ] || insmod "/modules/$retry.ko"
		emu_wait_ready || { echo "$order: round $((i + 1)) failed"; exit 1; }
		smmu3-dma testdev-a copy 0x10000 sg >/dev/null
		emu_unload
		i=$((i + 1))
	done
	t=$(($(sed 's/\..*//' /proc/uptime) - start))
	total=$((total + t))
	echo "$order: $ROUNDS rounds in $t s"
done
echo "6 orders x $ROUNDS rounds in $total s"
emu_stack
smmu3-dma testdev-a copy 0x10000 sg
