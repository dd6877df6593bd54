#!/bin/sh
# SPDX-License-Identifier: ISC
# Benchmark: the corpus to 40-column text with lector (large-print, the
# screen profile: no pages, the same width) and with pandoc
# (`pandoc -t plain --columns=40`), in one run; prints the ratios.
cd "$(dirname "$0")/../.." || exit 2
. tests/bench/lib.sh
need pandoc pandoc

lector_batch() {
	"$LECTOR" -q -j 1 -t large-print --layout screen -o "$OUT/lector" \
	    "$CORPUS"
}
lector_each() {
	for f in "$CORPUS"/*.txt; do
		"$LECTOR" -q -j 1 -t large-print --layout screen \
		    -o "$OUT/one.txt" "$f"
	done
}
pandoc_each() {
	for f in "$CORPUS"/*.txt; do
		pandoc -f markdown -t plain --columns=40 -o "$OUT/pandoc.txt" \
		    "$f" 2>/dev/null
	done
}
report large-print "$(best pandoc_each)" \
    "pandoc -t plain --columns=40, each" "$(best lector_each)" \
    "$(best lector_batch)"
