# machines: plain stock
# Lifecycle soak.  A seeded random sequence of actions from the
# lifecycle table of Documentation/design.rst (module reloads, sysfs
# unbind/bind of the emulators, SMMUs and test devices, the DMA owner
# driver, group type changes, refused actions), with a verified DMA on
# every test device after each action: 200 actions, on Debian's stock
# kernel (about 0.4 s an action under TCG) and on the plain machine's test
# kernel with KASAN, lockdep and kmemleak watching (about 1.6 s an action;
# a run that has not finished after 600 s stops there and fails).  The seed is printed; replay with smmu3.seed=N
# on the kernel command line.
set -e
. /guest/lib.sh
emu_stack
pdrv=/sys/bus/platform/drivers
seed=$(cmdline_arg smmu3.seed || true)
[ -n "$seed" ] || seed=$(($(od -An -N2 -tu2 /dev/urandom)))
echo "seed $seed"
rnd=$seed
# rand N: a number in 0..N-1 (LCG), in $r
rand() {
	rnd=$(((rnd * 1103515245 + 12345) % 2147483648))
	r=$(((rnd / 65536) % $1))
}
pick() {
	rand $#
	shift $r
	p=$1
}
owned=
is_owned() {
	case " $owned " in *" $1 "*) return 0 ;; esac
	return 1
}
smmu_of() {
	[ "$1" = s2 ] && echo iommu-s2 || echo iommu
}

# Every test device bound, DMA verified (an owner: raw reads abort)
check() {
	emu_wait_ready || return 1
	for d in a b c s2; do
		if is_owned $d; then
			out=$(smmu3-dma testdev-$d read 0x1000 4096) &&
				{ echo "testdev-$d (owner): a read went through"; return 1; }
			case $out in abort*) ;; *) echo "testdev-$d (owner): $out"; return 1 ;; esac
		else
			pick sg coherent streaming
			smmu3-dma testdev-$d copy 0x4000 $p >/dev/null ||
				{ echo "testdev-$d: $(cat /sys/kernel/debug/smmu3_testdev/testdev-$d/cmd)"; return 1; }
		fi
	done
}

# Whatever happens, the test devices go back to smmu3_testdev
restore() {
	for d in $owned; do
		testdev_driver testdev-$d smmu3_testdev || true
	done
}
trap restore EXIT

start=$(sed 's/\..*//' /proc/uptime)
n=0
limit=600
while [ $n -lt 200 ] && [ $(($(sed 's/\..*//' /proc/uptime) - start)) -lt $limit ]; do
	n=$((n + 1))
	pick a b c s2
	d=$p
	rand 9
	case $r in
	0)	act="rebind testdev-$d"
		drv=smmu3_testdev
		is_owned $d && drv=smmu3_testdev_owned
		testdev_driver testdev-$d $drv ;;
	1)	act="reload smmu3_testdev"
		rmmod smmu3_testdev
		insmod /modules/smmu3_testdev.ko ;;
	2)	s=$(smmu_of $d)
		act="unbind/bind $s"
		echo "$(pdev_of $s)" >$pdrv/smmu3/unbind
		echo "$(pdev_of $s)" >$pdrv/smmu3/bind ;;
	3)	pick smmu3-emu smmu3-emu-s2
		act="unbind/bind $p"
		echo "$(pdev_of $p)" >$pdrv/smmu3-emu/unbind
		echo "$(pdev_of $p)" >$pdrv/smmu3-emu/bind ;;
	4)	act="reload smmu3_emu (refused while smmu3_testdev uses it)"
		if rmmod smmu3_emu 2>/dev/null; then
			echo "smmu3_emu removed under smmu3_testdev"; exit 1
		fi
		rmmod smmu3_testdev
		rmmod smmu3_emu
		insmod /modules/smmu3_emu.ko
		insmod /modules/smmu3_testdev.ko ;;
	5)	act="rmmod smmu3 (refused: devices probed)"
		if rmmod smmu3 2>/dev/null; then
			echo "smmu3 removed with devices behind it"; exit 1
		fi ;;
	6)	if is_owned $d; then
			act="testdev-$d back to smmu3_testdev"
			testdev_driver testdev-$d smmu3_testdev
			owned=$(echo " $owned " | sed "s/ $d / /")
		else
			act="testdev-$d to smmu3_testdev_owned"
			testdev_driver testdev-$d smmu3_testdev_owned
			owned="$owned $d"
		fi ;;
	7)	if is_owned $d; then
			act="type change under owner testdev-$d (refused)"
		else
			pick identity DMA DMA-FQ
			act="testdev-$d group type $p"
			g=$(testdev_group testdev-$d)
			# DMA to DMA-FQ is allowed while bound (the same domain)
			other=identity
			[ "$(cat /sys/kernel/iommu_groups/$g/type)" != identity ] || other=DMA
			if echo $other 2>/dev/null >/sys/kernel/iommu_groups/$g/type; then
				echo "group $g type changed to $other while testdev-$d is bound"; exit 1
			fi
			testdev_settype testdev-$d "$p" >/dev/null
		fi ;;
	8)	act="keep/verify/free on testdev-$d"
		if ! is_owned $d; then
			testdev_keep testdev-$d 0x8000 >/dev/null
			smmu3-dma testdev-$d copy 0x4000 sg >/dev/null
			smmu3-dma testdev-$d verify >/dev/null
			smmu3-dma testdev-$d free >/dev/null
		fi ;;
	esac
	check || { echo "after action $n ($act), seed $seed"; exit 1; }
	echo "$n: $act"
done
echo "seed $seed: $n actions in $(($(sed 's/\..*//' /proc/uptime) - start)) s"
[ $n = 200 ] || { echo "only $n of 200 actions within $limit s"; exit 1; }
# Everything back to the default drivers and types; every device works
restore
owned=
check
