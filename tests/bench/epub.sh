#!/bin/sh
# SPDX-License-Identifier: ISC
# Benchmark: the corpus to EPUB with lector and with pandoc
# (`pandoc -f markdown -o x.epub`), in one run; prints the ratios.
cd "$(dirname "$0")/../.." || exit 2
. tests/bench/lib.sh
need pandoc pandoc

lector_batch() { "$LECTOR" -q -j 1 -t epub -o "$OUT/lector" "$CORPUS"; }
lector_each() {
	for f in "$CORPUS"/*.txt; do
		"$LECTOR" -q -j 1 -o "$OUT/one.epub" "$f"
	done
}
pandoc_each() {
	for f in "$CORPUS"/*.txt; do
		pandoc -f markdown -o "$OUT/pandoc.epub" "$f" 2>/dev/null
	done
}
report epub "$(best pandoc_each)" "pandoc -f markdown -o x.epub, each" \
    "$(best lector_each)" "$(best lector_batch)"
