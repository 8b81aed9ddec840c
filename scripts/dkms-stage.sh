#!/bin/bash
# Stage the module sources as DKMS expects them: DEST/smmu3-VERSION/ with
# dkms.conf (its version filled in), Kbuild, include/, drivers/ and
# kunit/.  VERSION is 0.<commits>, with +dirty when the tree has changes.
# Prints the staged directory on its last line.
# usage: dkms-stage.sh [DEST]      (default: build/dkms)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

dest=${1:-$SMMU3_BUILD/dkms}
cd "$SMMU3_ROOT"
version=0.$(git rev-list --count HEAD 2>/dev/null || echo 0)
[ -z "$(git status --porcelain -- Kbuild dkms.conf include drivers kunit 2>/dev/null)" ] ||
	version=$version+dirty
dir=$dest/smmu3-$version
rm -rf "$dir"
mkdir -p "$dir"
# The module sources (tracked or not yet, never ignored files)
{ git ls-files --cached --others --exclude-standard 2>/dev/null ||
	find Kbuild include drivers kunit -type f; } |
	grep -E '^(Kbuild|include/|drivers/|kunit/)' | grep -v '/native/' |
	cpio -pdm --quiet "$dir"
sed "s/@VERSION@/$version/" dkms.conf >"$dir/dkms.conf"
echo "$dir"
