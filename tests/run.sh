#!/bin/sh
# SPDX-License-Identifier: ISC
# Runs every test of lector and ends with one line "N passed, N failed".
#
#   LECTOR   the program under test (default ./lector)
#   TESTBIN  folder of the compiled unit tests and tools (default build/tests)
#   SHARED   the shared folder with seed/ and corpus/ (default ../shared)
#   UPDATE=1 rewrite the golden files instead of comparing
#
# Every test prints "ok NAME" or "not ok NAME" (TAP style), or
# "skip NAME: why"; this script counts them.
set -u
cd "$(dirname "$0")/.." || exit 2
LECTOR=${LECTOR:-./lector}
TESTBIN=${TESTBIN:-build/tests}
SHARED=${SHARED:-../shared}
TMPDIR=$(mktemp -d "${TMPDIR:-/tmp}/lector-tests.XXXXXX") || exit 2
trap 'rm -rf "$TMPDIR"' EXIT INT TERM
export LECTOR TESTBIN SHARED TMPDIR
LOG=$TMPDIR/log

{
	for t in "$TESTBIN"/test_*; do
		[ -x "$t" ] || continue
		"$t" || echo "not ok $(basename "$t"): exit status $?"
	done
	sh tests/golden.sh
	for t in tests/cli/*.sh; do
		[ "$(basename "$t")" = lib.sh ] && continue
		sh "$t" || echo "not ok $(basename "$t"): exit status $?"
	done
} 2>&1 | tee "$LOG" | grep -v '^ok '

passed=$(grep -c '^ok ' "$LOG")
failed=$(grep -c '^not ok ' "$LOG")
skipped=$(grep -c '^skip ' "$LOG")
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
