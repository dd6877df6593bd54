#!/bin/sh
# SPDX-License-Identifier: ISC
# Runs every test of lector and ends with one line "N passed, N failed".
#
#   LECTOR   the program under test (default ./lector)
#   TESTBIN  folder of the compiled unit tests and tools (default build/tests)
#   SHARED   the shared folder with seed/ and corpus/ (default ../shared)
#   UPDATE=1 rewrite the golden files instead of comparing
#
# Every check prints "ok NAME" or "not ok NAME" (TAP), or "skip N WHY"
# for N checks it cannot run here.  Every test program and script says
# first how many checks it runs ("1..N", the TAP plan): one that runs
# another number, prints no plan, or exits non-zero without a failed
# check is one more failure, so a check cannot vanish unseen.
set -u
cd "$(dirname "$0")/.." || exit 2
LECTOR=${LECTOR:-./lector}
TESTBIN=${TESTBIN:-build/tests}
SHARED=${SHARED:-../shared}
TMPDIR=$(mktemp -d "${TMPDIR:-/tmp}/lector-tests.XXXXXX") || exit 2
trap 'rm -rf "$TMPDIR"' EXIT INT TERM
export LECTOR TESTBIN SHARED TMPDIR
LOG=$TMPDIR/log

# part NAME COMMAND...: run one test program or script and hold it to
# its plan.
part() {
	p_name=$1
	shift
	"$@" >"$TMPDIR/part.$p_name" 2>&1
	p_status=$?
	cat "$TMPDIR/part.$p_name"
	awk -v name="$p_name" -v st="$p_status" '
		/^1\.\.[0-9]+$/ { plans++; plan = substr($0, 4) + 0; next }
		/^ok / || /^not ok / { ran++ }
		/^not ok / { failed++ }
		/^skip [0-9]+ / { ran += $2; next }
		/^skip / { ran++ }
		END {
			if (plans != 1)
				printf "not ok %s: %d plans (1..N), not one\n",
				    name, plans
			else if (ran != plan)
				printf "not ok %s: planned %d checks, ran %d\n",
				    name, plan, ran
			if (st != 0 && failed == 0)
				printf "not ok %s: exit status %d\n", name, st
		}' "$TMPDIR/part.$p_name"
}

# The runner holds itself to the rule: a part that runs fewer checks
# than it plans, or more, or plans none, or fails without a failed
# check, is a failure.  (A subshell: part sets variables of its own.)
selfcheck() (
	echo 1..4
	for fixture in 'echo 1..2; echo ok one' \
	    'echo 1..1; echo ok one; echo ok two' \
	    'echo ok one' \
	    'echo 1..1; echo ok one; exit 3'; do
		if part fixture sh -c "$fixture" | grep -q '^not ok fixture: '
		then
			echo "ok run.sh: fails: $fixture"
		else
			echo "not ok run.sh: does not fail: $fixture"
		fi
	done
)

{
	part run.sh selfcheck
	for t in "$TESTBIN"/test_*; do
		[ -x "$t" ] || continue
		# The unit tests find the language data of this tree.
		part "$(basename "$t")" env LECTOR_DATADIR=styles "$t"
	done
	part golden.sh sh tests/golden.sh
	for t in tests/cli/*.sh; do
		[ "$(basename "$t")" = lib.sh ] && continue
		part "$(basename "$t")" sh "$t"
	done
} 2>&1 | tee "$LOG" | grep -v -e '^ok ' -e '^1\.\.[0-9]*$'

passed=$(grep -c '^ok ' "$LOG")
failed=$(grep -c '^not ok ' "$LOG")
skipped=$(awk '/^skip [0-9]+ / { n += $2; next } /^skip / { n++ }
	END { print n + 0 }' "$LOG")
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
