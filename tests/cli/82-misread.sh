#!/bin/sh
# SPDX-License-Identifier: ISC
# The misreading finder (tests/tools/misread.c): on a speech text of our
# own (tests/cli/data/misread.speech) it finds each misreading where
# espeak-ng makes it, in its category and line, and nothing in the
# clean chapter; capitals are judged in their utterance ("The IMF said
# so" spells them, a heading "The IMF." does not), a passage in French
# in French ("3-1" is "trois un"); -p gives the phonemes the espeak-ng
# program gives.
. tests/cli/lib.sh

M=$TESTBIN/misread
FX=tests/cli/data/misread.speech
plan 17

# mis ARGS...: run the finder, keeping its output and status.
mis() {
	"$M" "$@" >"$TMPDIR/out" 2>"$TMPDIR/err"
	status=$?
	out=$(cat "$TMPDIR/out")
	err=$(cat "$TMPDIR/err")
}
# found LINE CATEGORY TOKEN: that finding, exactly.
found() { printf '%s\n' "$out" | grep -q -F -- "$FX:$1: $2 $3 ["; }

mis "$FX"
check "misread: exits 0 with findings" status_is 0
check "misread: 3-1 is a symbol" found 3 symbol 3-1
check "misread: m after a number is letters" found 3 letters m
check "misread: a URL's slashes" found 4 symbol http://x.org/a
check "misread: 1968 with hundred" found 4 digits 1968
check "misread: bn, 123456, 1990s" \
	sh -c 'for f in "5: letters bn" "5: digits 123456" "5: digits 1990s"; do
		grep -q -F -- "$0:$f [" "$1" || exit 1; done' "$FX" "$TMPDIR/out"
check "misread: MSCI said as a word" found 5 capitals-as-word MSCI
check "misread: the heading's IMF said as a word" found 6 capitals-as-word IMF
check "misread: IMF spelled in a sentence" [ -z "$(printf '%s\n' "$out" |
	grep -F "$FX:4: capitals-as-word")" ]
check "misread: French read in French" [ -z "$(printf '%s\n' "$out" |
	grep -F "$FX:8:")" ]
check "misread: nothing in the clean chapter" [ -z "$(printf '%s\n' "$out" |
	grep -e "^$FX:1[01]:")" ]
check "misread: summary counts" out_has \
	'^# capitals-as-word: 2 found, 2 distinct: MSCI (1), IMF (1)$'

# Errors: one line, status 2.
mis "$TMPDIR/no-such.speech"
check "misread: a missing file is status 2, one line" \
	sh -c '[ "$0" -eq 2 ] && [ "$(grep -c . "$1")" -eq 1 ]' "$status" \
	"$TMPDIR/err"
printf 'sentence\t350\ts1\tText.\n' >"$TMPDIR/bare.speech"
mis "$TMPDIR/bare.speech"
check "misread: text without its first line is status 2" status_is 2

# -p against the espeak-ng program: its lines joined by one space.
if ! command -v espeak-ng >/dev/null 2>&1; then
	skip 3 "$(basename "$0"): no espeak-ng program to compare -p with"
	exit 0
fi
said() { espeak-ng -q -x -v "$1" -- "$2" | tr '\n' ' ' |
	sed 's/  */ /g; s/^ //; s/ $//'; }
L1='The final score was 3-1, and the wall is 9 m high.'
L2='In 1968, the IMF said: "Prices rose 5.7%"; see http://x.org/a.'
printf '%s\n%s\n' "$L1" "$L2" >"$TMPDIR/lines"
"$M" -p <"$TMPDIR/lines" >"$TMPDIR/p.en"
printf '%s\n%s\n' "$(said en-us "$L1")" "$(said en-us "$L2")" >"$TMPDIR/p.want"
check "misread -p: as espeak-ng -x (en-us)" cmp "$TMPDIR/p.en" "$TMPDIR/p.want"
"$M" -p -v fr <"$TMPDIR/lines" >"$TMPDIR/p.fr"
printf '%s\n%s\n' "$(said fr "$L1")" "$(said fr "$L2")" >"$TMPDIR/p.want"
check "misread -p -v fr: as espeak-ng -x -v fr" \
	cmp "$TMPDIR/p.fr" "$TMPDIR/p.want"
check "misread -p -v fr: not English" \
	sh -c '! cmp -s "$0" "$1"' "$TMPDIR/p.en" "$TMPDIR/p.fr"
