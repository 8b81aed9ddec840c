# machines: plain
# The event queue and GERROR of the SMMU "iommu" are MSIs: its node has
# msi-parent = <&gic_its 0>, the driver programs *_IRQ_CFG0/1/2 of
# smmu3-emu from the ITS's messages, and the emulator writes each MSI to
# the ITS's GITS_TRANSLATER.  A fault storm on testdev-c and a global
# error injected into smmu3-emu count up the ITS-pMSI-iommu interrupts in
# /proc/interrupts, the emulator counts the doorbell writes, and no MSI
# aborts.  "iommu-s2" has no msi-parent: its wired lines from smmu3-emu-s2
# count up the same way, and no MSI is written there.  Unbinding the SMMU
# frees the MSIs and leaves CFG0 zero; bound again, it uses MSIs again.
set -e
. /guest/lib.sh
emu_stack
pdrv=/sys/bus/platform/drivers
dbg=/sys/kernel/debug

# info SMMU FIELD: a field of the driver's debugfs info
info() {
	sed -n "s/^$2: //p" "$dbg/smmu3/$1/info"
}
# emu_stat EMU NAME: a counter of the emulator's debugfs stats
emu_stat() {
	awk -v n="$2" '$1 == n { v = $2 } END { print v + 0 }' \
		"$dbg/smmu3_emu/$1/stats"
}
# emu_reg EMU NAME: a register of the emulator, from its debugfs regs
emu_reg() {
	awk -v n="$2" '$1 == n { print $3 }' "$dbg/smmu3_emu/$1/regs"
}
# irq_line ACTION: the /proc/interrupts line of an interrupt by its name
irq_line() {
	awk -v n="$1" '$NF == n' /proc/interrupts
}
# irq_count ACTION: its count, summed over the CPUs
irq_count() {
	awk -v n="$1" '$NF == n {
		for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++)
			s += $i
		f = 1
	} END { print f ? s : -1 }' /proc/interrupts
}
# wait_field SMMU FIELD MIN: until the driver's FIELD is at least MIN
wait_field() {
	_i=0
	while [ "$(info "$1" "$2")" -lt "$3" ]; do
		[ $_i -lt 100 ] || fail "$1: $2 $(info "$1" "$2"), expected $3"
		sleep 0.1
		_i=$((_i + 1))
	done
}
# check_kind SMMU CHIP: the SMMU's eventq and gerror interrupts exist and
# belong to the interrupt chip CHIP (a pattern)
check_kind() {
	for _w in eventq gerror; do
		_l=$(irq_line "smmu3-$1-$_w")
		[ -n "$_l" ] || fail "no interrupt smmu3-$1-$_w in /proc/interrupts"
		echo "$_l"
		case $_l in
		*" "$2" "*) ;;
		*) fail "smmu3-$1-$_w is not an interrupt of $2" ;;
		esac
	done
}

# --- How each SMMU signals
[ "$(info iommu irqs)" = msi ] || fail "iommu: irqs $(info iommu irqs), expected msi"
[ "$(info iommu-s2 irqs)" = wired ] ||
	fail "iommu-s2: irqs $(info iommu-s2 irqs), expected wired"
check_kind iommu "ITS-pMSI-*"
check_kind iommu-s2 smmu3-emu
# The driver programmed both sources of smmu3-emu (§6.3.21-23), and
# CFG2 is Device-nGnRE; smmu3-emu-s2's stay zero
for r in EVENTQ GERROR; do
	cfg0=$(emu_reg smmu3-emu ${r}_IRQ_CFG0) cfg2=$(emu_reg smmu3-emu ${r}_IRQ_CFG2)
	echo "smmu3-emu ${r}_IRQ_CFG0 $cfg0 CFG1 $(emu_reg smmu3-emu ${r}_IRQ_CFG1) CFG2 $cfg2"
	[ $((cfg0)) != 0 ] || fail "smmu3-emu: ${r}_IRQ_CFG0 is zero"
	[ $((cfg2)) = 1 ] || fail "smmu3-emu: ${r}_IRQ_CFG2 $cfg2, expected 0x1"
	[ $(($(emu_reg smmu3-emu-s2 ${r}_IRQ_CFG0))) = 0 ] ||
		fail "smmu3-emu-s2: ${r}_IRQ_CFG0 is not zero"
done

# --- MSIs: a fault storm and a global error
ev0=$(irq_count smmu3-iommu-eventq) ge0=$(irq_count smmu3-iommu-gerror)
db0=$(emu_stat smmu3-emu msi_doorbells) ab0=$(emu_stat smmu3-emu msi_aborts)
r0=$(info iommu events) g0=$(info iommu gerrors)
out=$(smmu3-dma testdev-c storm 2000 0xdead0000) || fail "$out"
echo "$out"
wait_field iommu events $((r0 + 1))
# PRIQ_ABT_ERR: logged and acknowledged by the driver, nothing else
echo 0x8 >"$dbg/smmu3_emu/smmu3-emu/gerror"
wait_field iommu gerrors $((g0 + 1))
sleep 0.2
ev=$(($(irq_count smmu3-iommu-eventq) - ev0))
ge=$(($(irq_count smmu3-iommu-gerror) - ge0))
db=$(($(emu_stat smmu3-emu msi_doorbells) - db0))
ab=$(($(emu_stat smmu3-emu msi_aborts) - ab0))
echo "iommu: $ev event queue MSIs, $ge GERROR MSIs; emulator: $db doorbell writes, $ab MSI aborts; driver: $(($(info iommu events) - r0)) events"
[ $ev -ge 1 ] || fail "no event queue MSI counted"
[ $ge -ge 1 ] || fail "no GERROR MSI counted"
# An LPI that is already pending takes a new MSI without a new interrupt
[ $db -ge $((ev + ge)) ] || fail "fewer doorbell writes ($db) than interrupts ($((ev + ge)))"
[ $ab = 0 ] || fail "$ab MSIs aborted"
[ "$(info iommu gerror)" = "$(info iommu gerrorn)" ] ||
	fail "an error is left active: GERROR $(info iommu gerror) GERRORN $(info iommu gerrorn)"

# --- Wired: a fault and a global error on the stage-2-only SMMU
ev0=$(irq_count smmu3-iommu-s2-eventq) ge0=$(irq_count smmu3-iommu-s2-gerror)
r0=$(info iommu-s2 events) g0=$(info iommu-s2 gerrors)
out=$(smmu3-dma testdev-s2 storm 20 0xdead0000) || fail "$out"
echo "$out"
wait_field iommu-s2 events $((r0 + 1))
echo 0x8 >"$dbg/smmu3_emu/smmu3-emu-s2/gerror"
wait_field iommu-s2 gerrors $((g0 + 1))
ev=$(($(irq_count smmu3-iommu-s2-eventq) - ev0))
ge=$(($(irq_count smmu3-iommu-s2-gerror) - ge0))
echo "iommu-s2: $ev event queue interrupts, $ge GERROR interrupts (wired)"
[ $ev -ge 1 ] || fail "no wired event queue interrupt counted"
[ $ge -ge 1 ] || fail "no wired GERROR interrupt counted"
# (its CMD_SYNCs still complete by MSI writes to memory)
[ "$(emu_stat smmu3-emu-s2 msi_doorbells)" = 0 ] ||
	fail "smmu3-emu-s2 wrote to the ITS doorbell"

# --- Unbind: MSIs freed, CFG0 zero; bound again: MSIs again
smmu=$(pdev_of iommu)
echo "$smmu" >"$pdrv/smmu3/unbind"
for r in EVENTQ GERROR; do
	[ $(($(emu_reg smmu3-emu ${r}_IRQ_CFG0))) = 0 ] ||
		fail "after unbind: ${r}_IRQ_CFG0 $(emu_reg smmu3-emu ${r}_IRQ_CFG0)"
done
[ -z "$(irq_line smmu3-iommu-eventq)" ] || fail "after unbind: eventq interrupt left"
grep -q "ITS-pMSI-$smmu " /proc/interrupts && fail "after unbind: an MSI is left"
echo "unbound: MSIs freed, CFG0 zero"
echo "$smmu" >"$pdrv/smmu3/bind"
emu_wait_ready
[ "$(info iommu irqs)" = msi ] || fail "bound again: irqs $(info iommu irqs)"
ev0=$(irq_count smmu3-iommu-eventq) r0=$(info iommu events)
out=$(smmu3-dma testdev-c storm 10 0xdead0000) || fail "$out"
wait_field iommu events $((r0 + 1))
ev=$(($(irq_count smmu3-iommu-eventq) - ev0))
echo "bound again: $ev event queue MSIs"
[ $ev -ge 1 ] || fail "bound again: no event queue MSI counted"
smmu3-dma testdev-c copy 0x10000 sg
