#!/bin/sh
# SPDX-License-Identifier: ISC
# Inputs that are not text: exit 1, one line naming the file, the rest converted.
. tests/cli/lib.sh

# 9 inputs that are not text, of 10 checks each, and 17 checks more.
plan $((9 * 10 + 17))

D=$TMPDIR/20-errors
mkdir -p "$D"
GOOD=$D/good.txt
printf 'Good news\n\nThe good article converts.\n' >"$GOOD"

exists() { [ -f "$1" ]; }
absent() { [ ! -e "$1" ]; }

# bad NAME FILE TEXT: FILE alone fails with one line naming it and TEXT;
# FILE then the good file: exit 1, the good one still converted.
bad() {
	b_name=$1 b_file=$2 b_text=$3
	rm -rf "$D/out"
	run -t tree -o "$D/out" "$b_file"
	check "errors: $b_name exits 1" status_is 1
	check "errors: $b_name says one line" err_lines 1
	check "errors: $b_name names the file" err_has "$b_file"
	check "errors: $b_name says why" err_has "$b_text"
	check "errors: $b_name no sanitizer report" no_sanitizer
	check "errors: $b_name writes no output" \
		absent "$D/out/$(basename "$b_file" .txt).tree.xml"
	rm -rf "$D/out"
	run -t tree -o "$D/out" "$b_file" "$GOOD"
	check "errors: $b_name in a batch exits 1" status_is 1
	check "errors: $b_name in a batch says one line" err_lines 1
	check "errors: $b_name in a batch names the file" err_has "$b_file"
	check "errors: $b_name in a batch still converts the good file" \
		exists "$D/out/good.tree.xml"
}

bad "missing file" "$D/missing.txt" 'No such file'

: >"$D/empty.txt"
bad "empty file" "$D/empty.txt" 'empty'

printf '  \n\t\n\r\n   \n' >"$D/blank.txt"
bad "whitespace-only file" "$D/blank.txt" 'white space'

printf 'Looks like text\n\nthen a \000 byte.\n' >"$D/nul.txt"
bad "file with a NUL byte" "$D/nul.txt" 'NUL'

printf '\377\330\377\340\000\020JFIF\000\001\001\000\000\001' >"$D/photo.txt"
bad "binary file" "$D/photo.txt" 'not a text file'

printf '\001\002\003\004\005\006\007\016\017\020\021\022\023\024\025ab\n' \
	>"$D/control.txt"
bad "mostly control characters" "$D/control.txt" 'control'

bad "/dev/null" /dev/null 'not a regular file'

if command -v mkfifo >/dev/null 2>&1 && mkfifo "$D/pipe.txt" 2>/dev/null; then
	# A writer keeps the pipe fed, so a lector that wrongly reads it
	# gets text instead of hanging.
	while :; do printf 'Piped\n\nSome text.\n' >"$D/pipe.txt"; done &
	writer=$!
	bad "named pipe" "$D/pipe.txt" 'not a regular file'
	kill "$writer" 2>/dev/null
	wait "$writer" 2>/dev/null
else
	skip 10 "errors: named pipe: no mkfifo"
fi

printf 'Locked\n\nNobody may read this.\n' >"$D/locked.txt"
chmod 000 "$D/locked.txt"
if [ "$(id -u)" -eq 0 ]; then
	skip 10 "errors: unreadable file: running as root"
else
	bad "unreadable file" "$D/locked.txt" 'Permission denied'
fi
chmod 644 "$D/locked.txt"

# --max-input-size: bigger inputs fail, smaller ones convert.
printf 'Tiny\n\nOk.\n' >"$D/tiny.txt"
rm -rf "$D/out"
run -t tree --max-input-size 10 -o "$D/out" "$GOOD"
check "errors: over --max-input-size exits 1" status_is 1
check "errors: over --max-input-size says one line" err_lines 1
check "errors: over --max-input-size names the file" err_has "$GOOD"
check "errors: over --max-input-size writes no output" \
	absent "$D/out/good.tree.xml"
run -t tree --max-input-size 16 -o "$D/out" "$GOOD" "$D/tiny.txt"
check "errors: over --max-input-size in a batch exits 1" status_is 1
check "errors: over --max-input-size in a batch says one line" err_lines 1
check "errors: under --max-input-size converted" exists "$D/out/tiny.tree.xml"
run -t tree --max-input-size 1K -o "$D/out" "$GOOD"
check "errors: --max-input-size 1K takes a small file" status_is 0

# A folder is searched; a bad file in it fails alone.
mkdir -p "$D/dir"
cp "$GOOD" "$D/dir/one.txt"
printf 'Bad\n\n\000\000\000\n' >"$D/dir/two.txt"
rm -rf "$D/out"
run -t tree -o "$D/out" "$D/dir"
check "errors: folder with a bad file exits 1" status_is 1
check "errors: folder with a bad file says one line" err_lines 1
check "errors: folder with a bad file names it" err_has 'two.txt'
check "errors: folder with a bad file still converts the rest" \
	exists "$D/out/one.tree.xml"
check "errors: folder with a bad file no sanitizer report" no_sanitizer

# An output folder that cannot be made: one line, naming the input.
printf 'x\n' >"$D/afile"
run -t tree -o "$D/afile/sub" "$GOOD"
check "errors: an output folder under a file exits 1" status_is 1
check "errors: an output folder under a file says one line" err_lines 1
check "errors: an output folder under a file names the input" err_has "$GOOD"
check "errors: an output folder under a file says why" err_has 'Not a directory'
