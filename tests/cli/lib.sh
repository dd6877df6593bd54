# SPDX-License-Identifier: ISC
# Helpers for the command-line tests; sourced by tests/cli/*.sh, which run
# from the top of the repository with LECTOR and TMPDIR set by run.sh.

# plan N: this script runs N checks (run.sh fails it if it runs another
# number, so a check cannot vanish unseen).
plan() { echo "1..$1"; }

# skip N WHY: N checks cannot run here, and why.
skip() { echo "skip $1 $2"; }

# run CMD...: run lector, keeping stdout, stderr and the status.
run() {
	"$LECTOR" "$@" >"$TMPDIR/out" 2>"$TMPDIR/err"
	status=$?
	out=$(cat "$TMPDIR/out")
	err=$(cat "$TMPDIR/err")
}

# check NAME CONDITION...: one test line; the condition is a command,
# whose own output is kept out of the way (never pipe or redirect a
# check: its line would go with it).
check() {
	c_name=$1
	shift
	if "$@" >"$TMPDIR/check.out" 2>&1; then
		echo "ok $c_name"
	else
		echo "not ok $c_name"
		echo "#   status=${status:-}"
		echo "#   stderr: $(printf '%s' "${err:-}" | head -n 5)"
		sed -n '1,5s/^/#   /p' "$TMPDIR/check.out"
	fi
}

# Conditions.
status_is() { [ "$status" -eq "$1" ]; }
err_has() { printf '%s' "$err" | grep -q -- "$1"; }
out_has() { printf '%s' "$out" | grep -q -- "$1"; }
err_lines() { [ "$(printf '%s\n' "$err" | grep -c .)" -eq "$1" ]; }
no_sanitizer() { ! printf '%s' "$err" | grep -q -e 'Sanitizer' -e 'runtime error'; }

# only DIR NAMES: the folder holds these files and nothing else.
only() { [ "$(ls -A "$1" | tr '\n' ' ')" = "$2" ]; }

# report REPORT.json PATTERN: a line of reportq's flat form matches.
TAB=$(printf '\t')
report() { "$TESTBIN/reportq" "$1" >"$TMPDIR/report" &&
	grep -q -- "$2" "$TMPDIR/report"; }

# fault SPEC ARGS...: run lector with one library call made to fail,
# crash, be killed or hang (LECTOR_FAULT=SPEC, tests/fault/fault.c
# preloaded; under the sanitizers ASan need not come first).
FAULT=$TESTBIN/fault.so
FAULT_ASAN="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}verify_asan_link_order=0"
fault() {
	f_spec=$1
	shift
	ASAN_OPTIONS=$FAULT_ASAN LD_PRELOAD=$FAULT LECTOR_FAULT=$f_spec \
		"$LECTOR" "$@" >"$TMPDIR/out" 2>"$TMPDIR/err"
	status=$?
	out=$(cat "$TMPDIR/out")
	err=$(cat "$TMPDIR/err")
}
