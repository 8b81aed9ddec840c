# machines: plain
# With no SMMU to bind, the driver loads and unloads cleanly, five times.
. /guest/lib.sh
dmesg -c >/dev/null
for i in 1 2 3 4 5; do
	insmod /modules/smmu3.ko || { echo "insmod $i failed"; exit 1; }
	[ -d /sys/kernel/debug/smmu3 ] || { echo "no debugfs directory"; exit 1; }
	rmmod smmu3 || { echo "rmmod $i failed"; exit 1; }
done
[ ! -d /sys/kernel/debug/smmu3 ] || { echo "debugfs directory left behind"; exit 1; }
if dmesg | grep -i 'smmu3.*\(error\|warn\)'; then
	echo "unexpected messages"; exit 1
fi
echo "5 load/unload cycles"
