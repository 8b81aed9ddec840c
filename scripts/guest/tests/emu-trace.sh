# machines: plain stock
# Tracepoints: the smmu3_emu and smmu3 ftrace events agree with
# the emulator's own counters.  With the emulator's events and the
# driver's map/unmap/command events enabled through tracefs, testdev-a
# copies 64 KiB through a scatter-gather list and then reads an unmapped
# IOVA.  Over that window: one smmu3_emu_translate line per translation
# the emulator counted, each for testdev-a's StreamID; one smmu3_emu_walk
# line per walk, each successful one preceded by its descriptor reads and
# giving the PA its translation line reports; one smmu3_emu_cmd line per
# command consumed; one "recorded" smmu3_emu_event line per event record
# written, for the translation fault at the unmapped IOVA; and the driver
# mapped, unmapped and batched commands.
set -e
. /guest/lib.sh
emu_stack

fail() {
	echo "emu-trace: $*"
	exit 1
}

T=/sys/kernel/tracing
[ -d "$T/events" ] || mount -t tracefs tracefs "$T" ||
	fail "cannot mount tracefs on $T"
[ -d "$T/events/smmu3_emu" ] || fail "no smmu3_emu events in $T/events"
[ -d "$T/events/smmu3" ] || fail "no smmu3 events in $T/events"

emu=smmu3-emu
stats=/sys/kernel/debug/smmu3_emu/$emu/stats
info=/sys/kernel/debug/smmu3_testdev/testdev-a/info
sid=$(sed -n 's/^sid: //p' "$info")
[ -n "$sid" ] || fail "no StreamID for testdev-a in $info"

# stat NAME: an emulator counter (0 when not listed)
stat() {
	awk -v n="$1" '$1 == n { v = $2 } END { print v + 0 }' "$stats"
}
# cmds: commands the emulator consumed, all opcodes
cmds() {
	awk '$1 ~ /^cmd_/ && $1 != "cmd_errors" { n += $2 } END { print n + 0 }' "$stats"
}

echo 0 >"$T/tracing_on"
echo >"$T/trace"
echo 4096 >"$T/buffer_size_kb"
for e in smmu3_emu/smmu3_emu_translate smmu3_emu/smmu3_emu_walk \
	 smmu3_emu/smmu3_emu_walk_desc smmu3_emu/smmu3_emu_event \
	 smmu3_emu/smmu3_emu_cmd smmu3_emu/smmu3_emu_inval \
	 smmu3_emu/smmu3_emu_cfg smmu3/smmu3_map smmu3/smmu3_unmap \
	 smmu3/smmu3_cmdq_batch smmu3/smmu3_cmdq_sync smmu3/smmu3_tlbi; do
	echo 1 >"$T/events/$e/enable" || fail "cannot enable $e"
done

tr0=$(stat translations) wk0=$(stat walks) ev0=$(stat events) cm0=$(cmds)
echo 1 >"$T/tracing_on"
smmu3-dma testdev-a copy 0x10000 sg
if smmu3-dma testdev-a read 0xdead0000 4096; then
	fail "the read of an unmapped IOVA succeeded"
fi
# The event queue interrupt reaches the driver asynchronously
sleep 0.5
echo 0 >"$T/tracing_on"
tr1=$(stat translations) wk1=$(stat walks) ev1=$(stat events) cm1=$(cmds)
echo 0 >"$T/events/smmu3_emu/enable"
echo 0 >"$T/events/smmu3/enable"

trace=/tmp/emu-trace.txt
cat "$T/trace" >"$trace"
echo >"$T/trace"
over=$(cat "$T"/per_cpu/cpu*/stats | awk '$1 == "overrun:" { n += $2 } END { print n + 0 }')
[ "$over" = 0 ] || fail "trace buffer overrun: $over events lost"

# count EVENT [PATTERN]: lines of EVENT from this emulator (matching PATTERN)
count() {
	grep " $1: $emu: " "$trace" | grep -c -- "${2:-}" || true
}

ntr=$(count smmu3_emu_translate)
nwk=$(count smmu3_emu_walk)
nds=$(count smmu3_emu_walk_desc)
nev=$(count smmu3_emu_event ' recorded$')
ncm=$(count smmu3_emu_cmd)
echo "window: translations $((tr1 - tr0)) walks $((wk1 - wk0)) events $((ev1 - ev0)) commands $((cm1 - cm0))"
echo "trace:  translate $ntr walk $nwk walk_desc $nds event $nev cmd $ncm"
echo "driver: map $(grep -c ' smmu3_map: ' "$trace" || true) unmap $(grep -c ' smmu3_unmap: ' "$trace" || true) cmdq_batch $(grep -c ' smmu3_cmdq_batch: ' "$trace" || true) tlbi $(grep -c ' smmu3_tlbi: ' "$trace" || true)"

[ "$ntr" -gt 0 ] || fail "no translation traced"
[ "$ntr" = $((tr1 - tr0)) ] ||
	fail "translations: $ntr trace lines, counter moved by $((tr1 - tr0))"
[ "$nwk" = $((wk1 - wk0)) ] ||
	fail "walks: $nwk trace lines, counter moved by $((wk1 - wk0))"
[ "$nev" = $((ev1 - ev0)) ] ||
	fail "events: $nev recorded event lines, counter moved by $((ev1 - ev0))"
[ "$nev" -ge 1 ] || fail "the fault recorded no event"
[ "$ncm" = $((cm1 - cm0)) ] ||
	fail "commands: $ncm trace lines, counters moved by $((cm1 - cm0))"
[ "$nds" -ge "$nwk" ] || fail "fewer descriptor reads ($nds) than walks ($nwk)"

# Every translation is testdev-a's StreamID
other=$(grep " smmu3_emu_translate: $emu: " "$trace" | grep -vc " sid=$sid " || true)
[ "$other" = 0 ] || fail "$other translations not of StreamID $sid"
# The recorded event is the translation fault at the unmapped IOVA
grep " smmu3_emu_event: $emu: F_TRANSLATION sid=$sid .*addr=0xdead0000 .*recorded$" "$trace" >/dev/null ||
	fail "no recorded F_TRANSLATION event of sid $sid at 0xdead0000"
grep " smmu3_emu_translate: $emu: sid=$sid .*iova=0xdead0000 .* fault event=F_TRANSLATION" "$trace" >/dev/null ||
	fail "no faulting translation of 0xdead0000"

# A successful walk ends at the PA its translation reports, after at least
# one descriptor read (a stage-1 4KB walk here: levels 0 to 3)
bad=$(grep " $emu: " "$trace" | awk '
	/ smmu3_emu_walk_desc: / { nd++; next }
	/ smmu3_emu_walk: / {
		w = $0; sub(/.* oa=/, "", w); sub(/ .*/, "", w)
		f = ($0 ~ / fault=none /) ? 0 : 1
		pend = 1; if (!f && nd < 1) bad++; nd = 0; next
	}
	/ smmu3_emu_translate: / {
		if (pend && !f && $0 ~ / walk event=none$/) {
			p = $0; sub(/.* pa=/, "", p); sub(/ .*/, "", p)
			if (p != w) bad++
		}
		pend = 0; nd = 0
	}
	END { print bad + 0 }')
[ "$bad" = 0 ] || fail "$bad walks disagree with their translations"

# The driver's side of the same window
grep -q ' smmu3_map: ' "$trace" || fail "no smmu3_map event"
grep -q ' smmu3_unmap: ' "$trace" || fail "no smmu3_unmap event"
grep -q ' smmu3_cmdq_batch: ' "$trace" || fail "no smmu3_cmdq_batch event"

echo "excerpt:"
grep -m 1 " smmu3_map: " "$trace"
grep -m 6 " $emu: " "$trace" | grep -v smmu3_emu_cmd || true
rm -f "$trace"
