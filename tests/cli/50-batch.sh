#!/bin/sh
# SPDX-License-Identifier: ISC
# Batch options: --files-from, -0, --report, --shard, -u, --stop, --timeout, metadata.
. tests/cli/lib.sh

plan 53

D=$TMPDIR/50-batch
mkdir -p "$D/in"
for n in 1 2 3 4 5 6 7 8 9 10 11; do
	printf 'Story %s\n\nThe body of story %s.\n' $n $n >"$D/in/s$n.txt"
done
printf 'Broken\n\n\000\000\n' >"$D/bad.txt"

exists() { [ -f "$1" ]; }
absent() { [ ! -e "$1" ]; }
only() { [ "$(ls -A "$1" | tr '\n' ' ')" = "$2" ]; }
has() { grep -q -- "$1" "$2"; }

# --files-from: one a line, or NUL-separated with -0, or from stdin.
printf '%s\n' "$D/in/s1.txt" "$D/in/s2.txt" >"$D/list"
run -t tree -o "$D/ff" --files-from "$D/list"
check "batch: --files-from exits 0" status_is 0
check "batch: --files-from converts the listed files" only "$D/ff" "s1.tree.xml s2.tree.xml "
printf '%s\0' "$D/in/s3.txt" "$D/in/s4.txt" >"$D/list0"
run -t tree -o "$D/ff0" --files-from "$D/list0" -0
check "batch: -0 exits 0" status_is 0
check "batch: -0 converts the listed files" only "$D/ff0" "s3.tree.xml s4.tree.xml "
check "batch: -0 no sanitizer report" no_sanitizer
mkdir -p "$D/odd name"
printf 'Spaced\n\nA file with a space and a newline in its name.\n' \
	>"$D/odd name/x
y.txt"
printf '%s\0' "$D/odd name/x
y.txt" >"$D/list0nl"
run -t tree -o "$D/ffnl" --files-from "$D/list0nl" -0
check "batch: -0 takes names with spaces and newlines" status_is 0
check "batch: -0 odd name converted" exists "$D/ffnl/x
y.tree.xml"
run -t tree -o "$D/ffin" --files-from - <"$D/list"
check "batch: --files-from - reads stdin" only "$D/ffin" "s1.tree.xml s2.tree.xml "
printf '%s\n' "$D/in/s5.txt" "$D/nowhere.txt" >"$D/listbad"
run -t tree -o "$D/ffbad" --files-from "$D/listbad"
check "batch: --files-from with a missing file exits 1" status_is 1
check "batch: --files-from with a missing file says one line" err_lines 1
check "batch: --files-from with a missing file names it" err_has "$D/nowhere.txt"
check "batch: --files-from with a missing file converts the rest" \
	only "$D/ffbad" "s5.tree.xml "
run -t tree -o "$D/nolist" --files-from "$D/no-such-list"
check "batch: --files-from a missing list fails" [ "$status" -ne 0 ]
check "batch: --files-from a missing list says one line" err_lines 1
check "batch: --files-from a missing list names it" err_has "$D/no-such-list"

# --report.
run -t tree -o "$D/rep" --report "$D/r.json" "$D/in/s1.txt" "$D/bad.txt"
check "batch: --report run exits 1" status_is 1
check "batch: --report is written" exists "$D/r.json"
# The report, flat: see tests/tools/reportq.c.
Q=$TESTBIN/reportq
TAB=$(printf '\t')
report() { "$Q" "$1" >"$TMPDIR/report" && grep -q -- "$2" "$TMPDIR/report"; }
check "batch: --report is a report" "$Q" "$D/r.json"
check "batch: --report says converted" \
	report "$D/r.json" "^input$TAB$D/in/s1.txt${TAB}converted$TAB\$"
check "batch: --report says failed, and why" report "$D/r.json" \
	"^input$TAB$D/bad.txt${TAB}failed${TAB}not a text file: it contains NUL bytes\$"
check "batch: --report lists the output written" report "$D/r.json" \
	"^output$TAB$D/in/s1.txt${TAB}tree$TAB$D/rep/s1.tree.xml${TAB}written$TAB\$"
check "batch: --report lists the output not attempted" report "$D/r.json" \
	"^output$TAB$D/bad.txt${TAB}tree$TAB$D/rep/bad.tree.xml${TAB}not-attempted$TAB\$"
check "batch: --report totals" report "$D/r.json" "^totals${TAB}1${TAB}0${TAB}1${TAB}0\$"
run -t tree -o "$D/rep2" --report "$D/r2.json" "$D/in/s1.txt" "$D/no-such.txt"
check "batch: --report says why a missing input failed" report "$D/r2.json" \
	"^input$TAB$D/no-such.txt${TAB}failed${TAB}cannot open: No such file"
check "batch: --report lists no outputs for a missing input" sh -c \
	"! '$Q' '$D/r2.json' | grep -q '^output$TAB$D/no-such.txt'"

# --shard: the slices together convert every input exactly once.
run -t tree -o "$D/sh1" --shard 1/2 "$D/in"
check "batch: --shard 1/2 exits 0" status_is 0
run -t tree -o "$D/sh2" --shard 2/2 "$D/in"
check "batch: --shard 2/2 exits 0" status_is 0
{ ls "$D/sh1"; ls "$D/sh2"; } | sort >"$D/shards"
ls "$D/in" | sed 's/\.txt$/.tree.xml/' | sort >"$D/all"
check "batch: --shard 1/2 does some" [ "$(ls "$D/sh1" | wc -l)" -gt 0 ]
check "batch: --shard 2/2 does some" [ "$(ls "$D/sh2" | wc -l)" -gt 0 ]
check "batch: --shard slices cover every input once" cmp -s "$D/shards" "$D/all"
run -t tree -o "$D/sh1b" --shard 1/2 "$D/in"
check "batch: --shard is stable" \
	[ "$(ls "$D/sh1" | tr '\n' ' ')" = "$(ls "$D/sh1b" | tr '\n' ' ')" ]

# -u skips outputs newer than their input, and redoes older ones.
mkdir -p "$D/u"
cp "$D/in/s1.txt" "$D/u/s1.txt"
touch -t 200001010000 "$D/u/s1.txt"
run -t tree -o "$D/uo" "$D/u/s1.txt"
printf X >"$D/uo/s1.tree.xml"
touch -t 200101010000 "$D/uo/s1.tree.xml"
run -t tree -u -o "$D/uo" "$D/u/s1.txt"
check "batch: -u with a newer output exits 0" status_is 0
check "batch: -u leaves a newer output alone" [ "$(cat "$D/uo/s1.tree.xml")" = X ]
touch -t 200201010000 "$D/u/s1.txt"
run -t tree --update -o "$D/uo" "$D/u/s1.txt"
check "batch: -u with an older output exits 0" status_is 0
check "batch: -u rewrites an older output" has '<document>' "$D/uo/s1.tree.xml"
run -t tree -o "$D/uo" "$D/u/s1.txt" --report "$D/u.json" -u
check "batch: -u report says skipped" \
	report "$D/u.json" "^input$TAB$D/u/s1.txt${TAB}skipped$TAB"
check "batch: -u report says up to date" report "$D/u.json" \
	"^output$TAB$D/u/s1.txt${TAB}tree$TAB$D/uo/s1.tree.xml${TAB}up-to-date$TAB"

# --stop: after the first failure nothing more is converted.
mkdir -p "$D/st"
cp "$D/bad.txt" "$D/st/a.txt"
cp "$D/in/s1.txt" "$D/st/b.txt"
run -t tree -j 1 --stop -o "$D/sto" "$D/st/a.txt" "$D/st/b.txt"
check "batch: --stop exits 1" status_is 1
check "batch: --stop names the failed file" err_has "$D/st/a.txt"
check "batch: --stop converts nothing after it" absent "$D/sto/b.tree.xml"
run -t tree -j 1 -o "$D/nostop" "$D/st/a.txt" "$D/st/b.txt"
check "batch: without --stop the batch goes on" exists "$D/nostop/b.tree.xml"

# --timeout accepts a value; a normal file converts well inside it.
run -t tree --timeout 5 -o "$D/to" "$D/in/s1.txt"
check "batch: --timeout 5 exits 0" status_is 0
check "batch: --timeout 5 converts" exists "$D/to/s1.tree.xml"

# Metadata overrides.
run -t tree -o - --title 'Given Title' --author 'Ann One' --author 'Bob Two' \
	--lang es --date 2024-05-01 "$D/in/s1.txt"
check "batch: metadata overrides exit 0" status_is 0
check "batch: --title" out_has '<title from="option">Given Title</title>'
check "batch: --author twice gives two authors" \
	[ "$(grep -c '<author>' "$TMPDIR/out")" -eq 2 ]
check "batch: --author first" out_has '<author>Ann One</author>'
check "batch: --author second" out_has '<author>Bob Two</author>'
check "batch: --lang es" out_has '<language from="option">es</language>'
check "batch: --date" out_has '<date>2024-05-01</date>'
check "batch: overrides keep the body" out_has 'The body of story 1.'
check "batch: metadata no sanitizer report" no_sanitizer
run -t tree -o - --lang pt-BR "$D/in/s2.txt"
check "batch: --lang pt-BR" out_has '<language from="option">pt-BR</language>'
