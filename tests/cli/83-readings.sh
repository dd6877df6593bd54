#!/bin/sh
# SPDX-License-Identifier: ISC
# What a listener hears (issue 12): every row of the table of misreadings
# and their family, checked on the phonemes espeak-ng makes of lector's
# speech text, in the default voice (en-us) and a British one (en-gb).
# Each sentence is converted with -t speech; its spoken text and the
# reading a newsreader would give, written out in words, go through
# libespeak-ng (tests/tools/misread -p), and the two must be the same
# sounds, stress marks and word boundaries aside.  Then what is written
# stays in the cues and the chapter titles.
. tests/cli/lib.sh

D=$TMPDIR/83-readings
mkdir -p "$D"

# WRITTEN | HEARD (in words; digits where the voice's own reading is
# the right one, "2004" being "two thousand and four" in en-gb only).
cat >"$D/rows" <<'ROWS'
It was built in 1968.|It was built in nineteen sixty-eight.
It opened in 1905.|It opened in nineteen oh five.
There were 9m viewers.|There were nine million viewers.
He won the 400m final.|He won the 400 metres final.
Celtic 3-1 Aberdeen.|Celtic three, Aberdeen one.
They won 3-1 at home.|They won three one at home.
It was the 2003-04 season.|It was the 2003 to 2004 season.
It ran from 1971-79.|It ran from nineteen seventy-one to nineteen seventy-nine.
He said No 10 had not.|He said number ten had not.
It starts at 1930 GMT.|It starts at nineteen thirty G M T.
It starts at 14:30.|It starts at fourteen thirty.
He ran 3:58.21 to win.|He ran three minutes fifty-eight point two one seconds to win.
It was 250p a share.|It was 250 pence a share.
Henry VIII was there.|Henry the eighth was there.
It was Super Bowl XL.|It was Super Bowl 40.
It was World War II.|It was World War two.
It is Wales v Ireland.|It is Wales versus Ireland.
The IMF, the TUC, (MSCI).|The I M F, the T U C, (M S C I).
It cost 12.5m euros.|It cost twelve point five million euros.
It cost $4.5bn last year.|It cost four point five billion dollars last year.
The 1990s were good.|The nineteen nineties were good.
He was 20th and rose 45%.|He was twentieth and rose 45 percent.
Ms Smith spoke.|Miz Smith spoke.
ROWS
n=$(grep -c . "$D/rows")
plan $((2 * n + 4))

phonemes() {
	"$TESTBIN/misread" -p -v "$1" | tr -d "',;_!#:2 "
}
same() { [ -n "$1" ] && [ "$1" = "$2" ]; }
i=0
while IFS='|' read -r written heard; do
	i=$((i + 1))
	printf 'Title: Row\n\n%s\n' "$written" >"$D/row$i.txt"
	for voice in en-us en-gb; do
		"$LECTOR" -t speech --voice "$voice" -o - "$D/row$i.txt" \
		    2>"$D/err" | awk -F '\t' '$1 == "sentence" { print $4 }' |
		    tr '\n' ' ' >"$D/said"
		said=$(cat "$D/said")
		got=$(printf '%s\n' "$said" | phonemes "$voice")
		want=$(printf '%s\n' "$heard" | phonemes "$voice")
		check "$voice hears \"$written\" as \"$heard\" (said: $said)" \
		    same "$got" "$want"
	done
done <"$D/rows"

# The cues and the chapter titles keep what is written.
printf 'Title: The 1968 Games\n\nIt was built in 1968.\n\nPart 2\n\nIt cost 12.5m euros in the 2003-04 season.\n' >"$D/cues.txt"
run -t speech,vtt -o "$D" "$D/cues.txt"
check "speech and cues of a changed sentence" status_is 0
check "the cue keeps what is written" \
    grep -q "It cost 12.5m euros in the 2003-04 season." "$D/cues.vtt"
check "no cue has what is said" \
    sh -c "! grep -q -e '19 68' -e 'million euros' '$D/cues.vtt'"
check "chapter titles as written" \
    grep -q '^# chapter .*: The 1968 Games$' "$D/cues.speech.txt"
