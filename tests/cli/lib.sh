# SPDX-License-Identifier: ISC
# Helpers for the command-line tests; sourced by tests/cli/*.sh, which run
# from the top of the repository with LECTOR and TMPDIR set by run.sh.

# run CMD...: run lector, keeping stdout, stderr and the status.
run() {
	"$LECTOR" "$@" >"$TMPDIR/out" 2>"$TMPDIR/err"
	status=$?
	out=$(cat "$TMPDIR/out")
	err=$(cat "$TMPDIR/err")
}

# check NAME CONDITION...: one test line; the condition is a command.
check() {
	name=$1
	shift
	if "$@"; then
		echo "ok $name"
	else
		echo "not ok $name"
		echo "#   status=$status"
		echo "#   stderr: $(printf '%s' "$err" | head -n 5)"
	fi
}

# Conditions.
status_is() { [ "$status" -eq "$1" ]; }
err_has() { printf '%s' "$err" | grep -q -- "$1"; }
out_has() { printf '%s' "$out" | grep -q -- "$1"; }
err_lines() { [ "$(printf '%s\n' "$err" | grep -c .)" -eq "$1" ]; }
no_sanitizer() { ! printf '%s' "$err" | grep -q -e 'Sanitizer' -e 'runtime error'; }
