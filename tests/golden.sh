#!/bin/sh
# SPDX-License-Identifier: ISC
# Golden tests of the reader: `lector -t tree` on every input against its
# .tree file.
#   tests/golden/shapes/NAME.txt   reader edge cases (NAME.opts: extra flags)
#   tests/golden/samples/NAME.tree for samples/NAME.txt
#   tests/golden/seed/NAME.tree    for $SHARED/seed/NAME.txt
# UPDATE=1 rewrites the .tree files.
set -u

golden() {	# golden NAME INPUT EXPECTED [FLAGS...]
	name=$1 in=$2 want=$3
	shift 3
	got=$TMPDIR/golden.tree
	"$LECTOR" -q -t tree -o - "$@" "$in" >"$got" 2>"$TMPDIR/golden.err"
	st=$?
	if [ "${UPDATE:-}" = 1 ] && [ $st -eq 0 ]; then
		cp "$got" "$want"
	fi
	if [ $st -ne 0 ]; then
		echo "not ok golden $name: exit status $st"
		sed 's/^/#   /' "$TMPDIR/golden.err"
	elif [ ! -f "$want" ]; then
		echo "not ok golden $name: no $want (make it with UPDATE=1)"
	elif diff -u "$want" "$got" >"$TMPDIR/golden.diff"; then
		echo "ok golden $name"
	else
		echo "not ok golden $name"
		head -n 40 "$TMPDIR/golden.diff" | sed 's/^/#   /'
	fi
}

for in in tests/golden/shapes/*.txt; do
	[ -f "$in" ] || continue
	base=${in%.txt}
	flags=
	[ -f "$base.opts" ] && flags=$(cat "$base.opts")
	# shellcheck disable=SC2086
	golden "shapes/$(basename "$base")" "$in" "$base.tree" $flags
done
for in in samples/*.txt; do
	name=$(basename "$in" .txt)
	golden "samples/$name" "$in" "tests/golden/samples/$name.tree"
done
if [ -d "$SHARED/seed" ]; then
	for in in "$SHARED"/seed/*.txt; do
		name=$(basename "$in" .txt)
		golden "seed/$name" "$in" "tests/golden/seed/$name.tree"
	done
else
	echo "skip golden seed: no $SHARED/seed"
fi
