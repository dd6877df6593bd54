# SPDX-License-Identifier: ISC
# Shared by the benchmarks in tests/bench/: set-up, pandoc, timing.
# Sourced from the top of the repository.  Nothing here asserts a time.
set -u
LECTOR=${LECTOR:-./lector}
SHARED=${SHARED:-../shared}
CORPUS=$SHARED/corpus/bbc
OUT=$(mktemp -d "${TMPDIR:-/tmp}/lector-bench.XXXXXX") || exit 2
trap 'rm -rf "$OUT"' EXIT INT TERM
export SOURCE_DATE_EPOCH=315532800
n=$(ls "$CORPUS"/*.txt | wc -l)

# need COMMAND PACKAGE: install PACKAGE as root on Debian, else stop.
need() {
	command -v "$1" >/dev/null 2>&1 && return 0
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "bench: installing $2"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		    --no-install-recommends "$2" >/dev/null || exit 1
	else
		echo "bench: $1 is not installed (sudo apt-get install $2)"
		exit 1
	fi
}

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

# ms NS: nanoseconds for the corpus as milliseconds per article.
ms() { echo "$1 $n" | awk '{ printf "%.2f", $1 / $2 / 1e6 }'; }
# ratio A B: how many times faster B is than A.
ratio() { echo "$1 $2" | awk '{ printf "%.1f", $1 / $2 }'; }

# report WHAT THEM_NS THEM_LABEL EACH_NS BATCH_NS
report() {
	echo "$1, $n corpus articles, ms per article (best of 3):"
	printf '  %-46s %6s\n' "$3" "$(ms "$2")"
	printf '  %-46s %6s  (%sx faster)\n' "lector, one process each" \
	    "$(ms "$4")" "$(ratio "$2" "$4")"
	printf '  %-46s %6s  (%sx faster)\n' "lector -j 1, the folder in one command" \
	    "$(ms "$5")" "$(ratio "$2" "$5")"
}
