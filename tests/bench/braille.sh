#!/bin/sh
# SPDX-License-Identifier: ISC
# Benchmark: the corpus to contracted braille pages of 40 cells by 25
# lines, with lector (-t brf) and with liblouisutdml's file2brl (the
# tool a transcriber would otherwise use, told the same page size and
# table), in one run; prints the ratios.
cd "$(dirname "$0")/../.." || exit 2
. tests/bench/lib.sh
need file2brl liblouisutdml-bin
mkdir -p "$OUT/f2b"

lector_batch() {
	"$LECTOR" -q -j 1 -t brf -o "$OUT/lector" "$CORPUS"
}
lector_each() {
	for f in "$CORPUS"/*.txt; do
		"$LECTOR" -q -j 1 -t brf -o "$OUT/one.brf" "$f"
	done
}
file2brl_each() {
	for f in "$CORPUS"/*.txt; do
		file2brl -T -w "$OUT/f2b" -C cellsPerLine=40,linesPerPage=25,\
literaryTextTable=en-ueb-g2.ctb "$f" "$OUT/f2b.brf" 2>/dev/null
	done
}
report braille "$(best file2brl_each)" "file2brl -T, each" \
    "$(best lector_each)" "$(best lector_batch)"
