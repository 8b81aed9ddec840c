# machines: plain
# Stage 2 only.  The second emulated SMMU (smmu3-emu-s2, smmu3,stages =
# "s2") implements no stage 1, so the smmu3 driver gives the devices behind
# its SMMU (iommu-s2) stage-2 domains: an STE that translates at stage 2
# with a VMID and S2TTB, no context descriptor.  testdev-s2 copies through
# its default DMA domain and the CPU verifies; unmapped IOVAs fault as the
# architecture says for stage 2 (F_TRANSLATION, S2 set, class IN, the IPA
# recorded), counted by the emulator and reported by the driver; stage-2
# permissions hold (read-only and write-only mappings); identity bypasses
# the tables; back in a DMA domain, a strict unmap is invalidated
# with TLBI_S2_IPA, after which the same access faults.  The STE the
# driver reports is compared with the one the emulated SMMU fetches
# through its own registers.
set -e
. /guest/lib.sh
emu_stack
smmu=/sys/kernel/debug/smmu3/iommu-s2
emu=/sys/kernel/debug/smmu3_emu/smmu3-emu-s2
td=/sys/kernel/debug/smmu3_testdev/testdev-s2
info=$smmu/info

fail() {
	echo "FAIL: $*"
	exit 1
}

# field FILE NAME: the value of the line "NAME: value" of FILE
field() {
	sed -n "s/^$2: //p" "$1"
}

# emu_stat NAME: a counter of the stage-2-only emulator
emu_stat() {
	awk -v n="$1" '$1 == n { print $2 }' "$emu/stats"
}

# expect WHAT GOT WANT
expect() {
	[ "$2" = "$3" ] || fail "$1: '$2', expected '$3'"
}

# wait_events N: until the driver has handled N events on iommu-s2 (its
# event thread runs asynchronously)
wait_events() {
	_i=0
	while [ "$(field "$info" events)" -lt "$1" ] && [ $_i -lt 50 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	[ "$(field "$info" events)" -ge "$1" ] ||
		fail "iommu-s2 handled $(field "$info" events) events, expected $1"
}

# check_s2_ste: testdev-s2 (StreamID 0x50) is in a stage-2 paging domain;
# sets vmid to its VMID
check_s2_ste() {
	s=$(awk '/^sid / { p = ($2 == "0x50:") } p' "$smmu/streams")
	echo "$s"
	expect "stream" "$(echo "$s" | head -n 1)" \
		"sid 0x50: testdev-s2, domain paging (stage 2)"
	echo "$s" | grep -q 'cd0:' && fail "a CD on an SMMU without stage 1"
	# IAS = OAS = 48 bits, 4KB granule (io-pgtable ARM_64_LPAE_S2):
	# S2T0SZ 64 - 48 = 16, a walk from level 0 (S2SL0 2), S2TG 0 (4KB),
	# S2PS 5 (48 bits)
	dec=$(echo "$s" | grep '^    V ')
	vmid=$(echo "$dec" | sed -n 's/.* s2vmid \([0-9]*\) .*/\1/p')
	ttb=$(echo "$dec" | sed -n 's/.* s2ttb \(0x[0-9a-f]*\)$/\1/p')
	expect "STE" "$dec" "    V 1 config s2 s2vmid $vmid s2t0sz 16 s2sl0 2 s2tg 0 s2ps 5 s2ttb $ttb"
	[ "$vmid" -ge 1 ] || fail "VMID '$vmid'"
	[ $((ttb)) -ne 0 ] && [ $((ttb & 0xfff)) = 0 ] || fail "S2TTB '$ttb'"
	# The raw STE: dword 0 V, Config 0b110; dword 2 the VMID in 15:0,
	# S2AA64 (51), S2PTW (54) and S2R (58) set, S2ENDI (52), S2AFFD
	# (53), S2HD (55), S2HA (56), S2S (57) clear; dword 3 S2TTB
	set -- $(echo "$s" | sed -n 's/^  ste: //p')
	expect "STE dword 0" "$1" 000000000000000d
	w2=0x$3
	expect "STE S2VMID" $((w2 & 0xffff)) "$vmid"
	expect "STE dword 2 bits 58:51" $(((w2 >> 51) & 0xff)) $(((1 << 0) | (1 << 3) | (1 << 7)))
	expect "STE S2TTB" $((0x$4)) $((ttb))
	# What the SMMU itself fetches for StreamID 0x50, through its own
	# STRTAB_BASE registers from memory (the emulator's "ste" view), must
	# be the STE the driver reports, VMID and S2TTB included
	echo 0x50 >"$emu/ste"
	fetched=$(cat "$emu/ste")
	echo "$fetched"
	expect "STE as fetched by the SMMU" \
		"$(echo "$fetched" | sed -n 's/^ste: \([0-9a-f]* [0-9a-f]* [0-9a-f]* [0-9a-f]*\) .*/\1/p')" \
		"$(echo "$s" | sed -n 's/^  ste: //p')"
	expect "VMID and S2TTB as fetched by the SMMU" \
		"$(echo "$fetched" | sed -n 's/.* s2vmid \([0-9]*\) s2ttb \(0x[0-9a-f]*\)$/\1 \2/p')" \
		"$vmid $(printf '%#x' $((ttb)))"
}

# --- The SMMU: stage 2 only
features=$(field "$info" features)
# Global errors other tests injected before this one are not this one's
gerr0=$(field "$info" gerrors)
echo "iommu-s2 features: $features"
case " $features " in
*" stage1 "*) fail "iommu-s2 reports stage 1: $features" ;;
esac
case " $features " in
*" stage2 "*) ;;
*) fail "iommu-s2 does not report stage 2: $features" ;;
esac
idr0=$(awk '$1 == "IDR0" { print $3 }' "$emu/regs")
expect "IDR0 $idr0 S1P, S2P" $((idr0 & 3)) 1
expect "ias" "$(field "$info" ias)" 48
expect "oas" "$(field "$info" oas)" 48

# --- The default domain: stage 2
expect "testdev-s2 domain" "$(field "$td/info" domain)" DMA
check_s2_ste
echo "testdev-s2: stage-2 domain, VMID $vmid"

# --- DMA through stage 2, verified byte for byte by the CPU
tr0=$(emu_stat translations)
tlbi0=$(emu_stat cmd_TLBI_S2_IPA)
out=$(smmu3-dma testdev-s2 copy 0x100000 sg) || fail "$out"
echo "$out"
case $out in
"ok copy 1048576 bytes sg: "*" segments, verified") ;;
*) fail "sg copy: $out" ;;
esac
# 256 pages read and 256 written, each translated
[ $(($(emu_stat translations) - tr0)) -ge 512 ] ||
	fail "$(($(emu_stat translations) - tr0)) translations for 1 MiB each way"
# Strict unmaps of the scatter-gather lists: stage-2 invalidations
[ "$(emu_stat cmd_TLBI_S2_IPA)" -gt "$tlbi0" ] ||
	fail "no TLBI_S2_IPA after the unmaps ($tlbi0)"
smmu3-dma testdev-s2 copy 0x40000 coherent
smmu3-dma testdev-s2 copy 0x40000 streaming

# --- Faults: F_TRANSLATION at stage 2, class IN, IPA = input address
ev0=$(field "$info" events)
ev_other=$(field /sys/kernel/debug/smmu3/iommu/info events)
ft0=$(emu_stat fault_F_TRANSLATION)
rec0=$(emu_stat events)
irq0=$(emu_stat irq_raised_eventq)
n=0
for access in "read 0xdead0000" "write 0xdead3000" "read 0x0"; do
	set -- $access
	if out=$(smmu3-dma testdev-s2 "$1" "$2" 4096); then
		fail "$1 of unmapped IOVA $2 succeeded: $out"
	fi
	echo "$out"
	expect "$1 $2" "$out" "fault F_TRANSLATION sid 0x50 iova $2 $1 (event recorded)"
	n=$((n + 1))
	wait_events $((ev0 + n))
	expect "last_event" "$(field "$info" last_event)" "F_TRANSLATION sid 0x50"
	rnw=1
	[ "$1" = write ] && rnw=0
	expect "last_event_detail" "$(field "$info" last_event_detail)" \
		"s2 1 class IN rnw $rnw ind 0 pnu 0 addr $2 ipa $2"
done
grep '^events: \|^last_event' "$info"
expect "driver events" "$(field "$info" events)" $((ev0 + 3))
expect "emulator fault_F_TRANSLATION" "$(emu_stat fault_F_TRANSLATION)" $((ft0 + 3))
expect "emulator events" "$(emu_stat events)" $((rec0 + 3))
[ "$(emu_stat irq_raised_eventq)" -gt "$irq0" ] || fail "no event queue interrupt"
expect "events on the other SMMU" \
	"$(field /sys/kernel/debug/smmu3/iommu/info events)" "$ev_other"

# --- Stage-2 permissions (S2AP): a to-device mapping is read-only for the
# device, a from-device mapping write-only (which stage 1's AP cannot
# express); the other access is F_PERMISSION at stage 2, nothing moves
ev0=$(field "$info" events)
fp0=$(emu_stat fault_F_PERMISSION)
iova=$(testdev_keep testdev-s2 0x1000 to-device) || fail "keep to-device"
smmu3-dma testdev-s2 read "$iova" 4096
if out=$(smmu3-dma testdev-s2 write "$iova" 4096); then
	fail "the device wrote its to-device mapping: $out"
fi
echo "$out"
expect "write to-device" "$out" \
	"fault F_PERMISSION sid 0x50 iova $iova write (event recorded)"
wait_events $((ev0 + 1))
expect "last_event" "$(field "$info" last_event)" "F_PERMISSION sid 0x50"
expect "last_event_detail" "$(field "$info" last_event_detail)" \
	"s2 1 class IN rnw 0 ind 0 pnu 0 addr $iova ipa $iova"
smmu3-dma testdev-s2 verify
iova=$(testdev_keep testdev-s2 0x1000 from-device) || fail "keep from-device"
smmu3-dma testdev-s2 write "$iova" 4096
if out=$(smmu3-dma testdev-s2 read "$iova" 4096); then
	fail "the device read its from-device mapping: $out"
fi
echo "$out"
expect "read from-device" "$out" \
	"fault F_PERMISSION sid 0x50 iova $iova read (event recorded)"
wait_events $((ev0 + 2))
expect "last_event_detail" "$(field "$info" last_event_detail)" \
	"s2 1 class IN rnw 1 ind 0 pnu 0 addr $iova ipa $iova"
smmu3-dma testdev-s2 free
expect "emulator fault_F_PERMISSION" "$(emu_stat fault_F_PERMISSION)" $((fp0 + 2))

# --- Identity: the STE bypasses, the tables are not walked
testdev_settype testdev-s2 identity
expect "testdev-s2 domain" "$(field "$td/info" domain)" identity
s=$(awk '/^sid / { p = ($2 == "0x50:") } p' "$smmu/streams")
echo "$s"
expect "stream" "$(echo "$s" | head -n 1)" \
	"sid 0x50: testdev-s2, domain identity or blocked"
expect "STE" "$(echo "$s" | grep '^    V ')" "    V 1 config bypass"
by0=$(emu_stat bypassed)
walks0=$(emu_stat walks)
smmu3-dma testdev-s2 copy 0x10000 coherent
# 16 pages read, 16 written, none walked
[ $(($(emu_stat bypassed) - by0)) -ge 32 ] ||
	fail "$(($(emu_stat bypassed) - by0)) bypassed transactions, expected 32"
expect "walks in identity" "$(emu_stat walks)" "$walks0"

# --- Back to a DMA domain: stage 2 again
testdev_settype testdev-s2 DMA
expect "testdev-s2 domain" "$(field "$td/info" domain)" DMA
check_s2_ste
echo "testdev-s2: stage-2 domain again, VMID $vmid"
smmu3-dma testdev-s2 copy 0x100000 sg

# --- Strict unmap: invalidated at stage 2, the access then faults
tlbi0=$(emu_stat cmd_TLBI_S2_IPA)
inv0=$(emu_stat tlb_invalidated)
ev0=$(field "$info" events)
out=$(smmu3-dma testdev-s2 unmap-access 0x2000) || fail "$out"
echo "$out"
iova=$(echo "$out" | sed -n 's/^ok mapped access succeeded; after unmap: fault F_TRANSLATION sid 0x50 iova \(0x[0-9a-f]*\) read (event recorded)$/\1/p')
[ -n "$iova" ] || fail "unmap-access: $out"
[ "$(emu_stat cmd_TLBI_S2_IPA)" -gt "$tlbi0" ] || fail "no TLBI_S2_IPA at the unmap"
[ "$(emu_stat tlb_invalidated)" -gt "$inv0" ] ||
	fail "the unmap invalidated no TLB entry"
wait_events $((ev0 + 1))
expect "last_event_detail" "$(field "$info" last_event_detail)" \
	"s2 1 class IN rnw 1 ind 0 pnu 0 addr $iova ipa $iova"

# --- Only stage-2 maintenance, and no command error: the SMMU has no
# stage 1, so TLBI_NH_* and CFGI_CD* would be illegal commands
for c in cmd_TLBI_NH_ALL cmd_TLBI_NH_ASID cmd_TLBI_NH_VA cmd_TLBI_NH_VAA \
	cmd_CFGI_CD cmd_CFGI_CD_ALL cmd_errors; do
	expect "emulator $c" "$(emu_stat $c)" 0
done
expect "driver cmdq_errors" "$(field "$info" cmdq_errors)" 0
expect "driver gerrors" "$(field "$info" gerrors)" "$gerr0"
grep -E '^(translations|bypassed|walks|tlb_invalidated|events|fault_F_TRANSLATION|fault_F_PERMISSION|cmd_TLBI_S12_VMALL|cmd_TLBI_S2_IPA) ' "$emu/stats"
