# The demo's trace excerpt (demo.sh): one streaming DMA of testdev-a,
# followed through the ftrace events from the driver's map, through the
# emulator's table walk, to the physical address.  Prints the excerpt, or
# one line saying why there is none.
T=/sys/kernel/tracing
[ -d "$T/events" ] || mount -t tracefs tracefs "$T" 2>/dev/null
if [ ! -d "$T/events/smmu3_emu" ]; then
	echo "(no smmu3_emu trace events: tracefs unavailable)"
	exit 0
fi
events="smmu3/smmu3_map smmu3_emu/smmu3_emu_walk_desc smmu3_emu/smmu3_emu_walk smmu3_emu/smmu3_emu_translate"
echo 0 >"$T/tracing_on"
echo >"$T/trace"
for e in $events; do
	echo 1 >"$T/events/$e/enable"
done
echo 1 >"$T/tracing_on"
smmu3-dma testdev-a copy 0x1000 streaming >/dev/null
echo 0 >"$T/tracing_on"
for e in $events; do
	echo 0 >"$T/events/$e/enable"
done
# The first map, then the first walk: its descriptor reads, its end and the
# translation that used it; without the task, CPU and timestamp columns
sed -n 's/^.* \(smmu3[a-z_]*: \)/\1/p' "$T/trace" | awk '
	/^smmu3_map: / && !m { print; m = 1; next }
	!m { next }
	/^smmu3_emu_walk_desc: / && !done { d[nd++] = $0; next }
	/^smmu3_emu_walk: / && !done { for (i = 0; i < nd; i++) print d[i]; print; w = 1; next }
	/^smmu3_emu_translate: / && w && !done { print; done = 1 }'
echo >"$T/trace"
