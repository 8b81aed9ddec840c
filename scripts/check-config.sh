#!/bin/bash
# Verify that every symbol of a config fragment has the requested value in
# a generated .config.  Kconfig silently drops symbols whose dependencies
# are unmet; this turns that into an error.
# usage: check-config.sh FRAGMENT DOTCONFIG
set -euo pipefail
frag=$1
dotconfig=$2
bad=0
while IFS= read -r line; do
	case $line in
	CONFIG_*=*) ;;
	*) continue ;;
	esac
	sym=${line%%=*}
	want=${line#*=}
	if [ "$want" = n ]; then
		if grep -q "^$sym=" "$dotconfig"; then
			echo "config: $sym should be off, is $(grep "^$sym=" "$dotconfig")" >&2
			bad=1
		fi
		continue
	fi
	have=$(grep "^$sym=" "$dotconfig" | head -n1 | cut -d= -f2- || true)
	if [ "$have" != "$want" ]; then
		echo "config: $sym=$want requested, .config has '${have:-not set}'" >&2
		bad=1
	fi
done <"$frag"
exit $bad
