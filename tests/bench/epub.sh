#!/bin/sh
# SPDX-License-Identifier: ISC
# Benchmark: the 40 corpus articles to EPUB with lector and with pandoc
# (`pandoc -f markdown -o x.epub`), in one run, on this machine; prints
# milliseconds per article and the ratio.  Best of 3 rounds each.
#   LECTOR (./lector)  SHARED (../shared)
# Not a test: nothing here asserts a time.
set -u
cd "$(dirname "$0")/../.." || exit 2
LECTOR=${LECTOR:-./lector}
SHARED=${SHARED:-../shared}
CORPUS=$SHARED/corpus/bbc
OUT=$(mktemp -d "${TMPDIR:-/tmp}/lector-bench.XXXXXX") || exit 2
trap 'rm -rf "$OUT"' EXIT INT TERM
export SOURCE_DATE_EPOCH=315532800

if ! command -v pandoc >/dev/null 2>&1; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "bench: installing pandoc"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		    --no-install-recommends pandoc >/dev/null || exit 1
	else
		echo "bench: pandoc is not installed (sudo apt-get install pandoc)"
		exit 1
	fi
fi

n=$(ls "$CORPUS"/*.txt | wc -l)
now() { date +%s%N; }

# best CMD...: the fastest of 3 runs of CMD, in nanoseconds.
best() {
	b=
	for round in 1 2 3; do
		t0=$(now)
		"$@"
		t=$(( $(now) - t0 ))
		if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
	done
	echo "$b"
}

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

lb=$(best lector_batch)
le=$(best lector_each)
pe=$(best pandoc_each)
ms() { echo "$1 $n" | awk '{ printf "%.2f", $1 / $2 / 1e6 }'; }
ratio() { echo "$1 $2" | awk '{ printf "%.1f", $1 / $2 }'; }
echo "epub, $n corpus articles, ms per article (best of 3):"
echo "  pandoc -f markdown -o x.epub, one process each  $(ms "$pe")"
echo "  lector, one process each                        $(ms "$le")  ($(ratio "$pe" "$le")x faster)"
echo "  lector -j 1, one batch                          $(ms "$lb")  ($(ratio "$pe" "$lb")x faster)"
