#!/bin/sh
# SPDX-License-Identifier: ISC
# Bad usage exits 2 with one line on stderr and writes nothing; --help, --version.
. tests/cli/lib.sh

# 54 usage errors of 4 checks each, and 32 checks more.
plan $((54 * 4 + 32))

D=$TMPDIR/10-usage
mkdir -p "$D/in"
A=$D/a.txt
B=$D/b.txt
printf 'Headline\n\nA short article body.\n' >"$A"
printf 'Other\n\nAnother short body.\n' >"$B"
cp "$A" "$D/in/c.txt"
N=$D/never	# a name for -o; no usage error may create anything

nothing_written() {
	[ -z "$out" ] && [ "$(ls -A "$D" | tr '\n' ' ')" = "a.txt b.txt in " ]
}

# usage NAME TEXT ARGS...: lector ARGS exits 2, one line naming TEXT.
usage() {
	u_name=$1 u_text=$2
	shift 2
	run "$@"
	check "usage: $u_name exits 2" status_is 2
	check "usage: $u_name says one line" err_lines 1
	check "usage: $u_name message" err_has "$u_text"
	check "usage: $u_name writes nothing" nothing_written
	rm -rf "$N" "$N".*
}

usage "no input" 'no input' -t tree -o "$N"
check "usage: no input no sanitizer report" no_sanitizer
usage "unknown long option" '--bogus' --bogus -t tree -o "$N" "$A"
usage "unknown short option" '-Z' -Z -t tree -o "$N" "$A"
usage "-t without its value" '-t' -o "$N" "$A" -t
usage "-o without its value" '-o' -t tree "$A" -o
usage "--lang without its value" '--lang' -t tree -o "$N" "$A" --lang
usage "unknown format" 'braille' -t braille -o "$N" "$A"
check "usage: unknown format names the formats there are" err_has 'tree'
check "usage: unknown format names epub" err_has 'epub'
for f in braille nonsense; do
	usage "format $f not built" "$f" -t "$f" -o "$N" "$A"
done
usage "unknown format in a list" 'nonsense' -t tree,nonsense -o "$N" "$A"
usage "empty format list" '-t' -t '' -o "$N" "$A"
usage "--lang with punctuation" '!!' --lang '!!' -t tree -o "$N" "$A"
usage "--lang with digits only" '123' --lang 123 -t tree -o "$N" "$A"
usage "--lang with a space" '--lang' --lang 'e n' -t tree -o "$N" "$A"
usage "--jobs 0" '--jobs' --jobs 0 -t tree -o "$N" "$A"
usage "--jobs abc" '--jobs' --jobs abc -t tree -o "$N" "$A"
usage "-j -3" '-j' -j -3 -t tree -o "$N" "$A"
usage "--shard 3/2" '--shard' --shard 3/2 -t tree -o "$N" "$A"
usage "--shard 0/2" '--shard' --shard 0/2 -t tree -o "$N" "$A"
usage "--shard x" '--shard' --shard x -t tree -o "$N" "$A"
usage "--shard 1/0" '--shard' --shard 1/0 -t tree -o "$N" "$A"
usage "--timeout abc" '--timeout' --timeout abc -t tree -o "$N" "$A"
usage "--max-input-size abc" '--max-input-size' --max-input-size abc \
	-t tree -o "$N" "$A"
usage "-0 without --files-from" '-0' -0 -t tree -o "$N" "$A"
usage "-o - with two inputs" '-o -' -t tree -o - "$A" "$B"
usage "-o FILE.tree.xml with two inputs" "$N.tree.xml" \
	-t tree -o "$N.tree.xml" "$A" "$B"
usage "-o FILE.tree.xml with a folder input" "$N.tree.xml" \
	-t tree -o "$N.tree.xml" "$D/in"
usage "-o - with two inputs, one missing" '-o -' -t tree -o - "$A" "$D/gone.txt"
# -o FILE.ext takes its format from .ext: formats there are not are refused.
usage "-o FILE.ogg (no such format)" 'ogg' -o "$N.ogg" "$A"
usage "-o FILE.docx (no such format)" 'docx' -o "$N.docx" "$A"
usage "--style that does not exist" '--style' --style nosuch -o "$N" "$A"
usage "--style file that does not exist" 'nosuch.css' \
	--style "$D/nosuch.css" -o "$N" "$A"
usage "--id empty" '--id' --id '' -o "$N" "$A"
usage "--layout that does not exist" '--layout' --layout 99pt -o "$N" "$A"
usage "--width too small" '--width' --width 5 -o "$N" "$A"
usage "--page-lines abc" '--page-lines' --page-lines abc -o "$N" "$A"
usage "--page-lines too few" 'lines a page' --page-lines 3 -t large-print \
	-o "$N" "$A"
printf 'width = 40\ncolour = red\n' >"$D/in/bad.conf"
usage "layout with an unknown key" 'bad.conf:2' --layout "$D/in/bad.conf" \
	-t large-print -o "$N" "$A"
printf 'width = 40\npage-number = middle\n' >"$D/in/bad.conf"
usage "layout with a bad value" 'bad.conf:2' --layout "$D/in/bad.conf" \
	-t large-print -o "$N" "$A"
printf 'width 40\n' >"$D/in/bad.conf"
usage "layout line without =" 'bad.conf:1' --layout "$D/in/bad.conf" \
	-t large-print -o "$N" "$A"
rm -f "$D/in/bad.conf"
usage "--speech that does not exist" '--speech' --speech nosuch -t speech \
	-o "$N" "$A"
usage "--rate too slow" '--rate' --rate 10 -o "$N" "$A"
usage "--pitch too high" '--pitch' --pitch 200 -o "$N" "$A"
usage "--voice empty" '--voice' --voice '' -o "$N" "$A"
printf 'rate = 175\nvolume = 11\n' >"$D/in/bad.conf"
usage "speech profile with an unknown key" 'bad.conf:2' \
	--speech "$D/in/bad.conf" -t mp3 -o "$N" "$A"
rm -f "$D/in/bad.conf"
check "usage: no sanitizer report" no_sanitizer

# An empty path, and text options that are not text.
usage "-o ''" '-o' -o '' "$A"
usage "--date on a day that does not exist" 'February 31, 2026' \
	--date 'February 31, 2026' -t tree -o "$N" "$A"
usage "--date 2023-02-29" '2023-02-29' --date 2023-02-29 -t tree -o "$N" "$A"
usage "--date that is not a date" 'last Tuesday' --date 'last Tuesday' \
	-t tree -o "$N" "$A"
usage "--title with a control character" '--title' \
	--title "$(printf 'a\001b')" -t tree -o "$N" "$A"
usage "--author that is not UTF-8" '--author' \
	--author "$(printf 'caf\351')" -t tree -o "$N" "$A"
usage "--title with U+FFFF" '--title' \
	--title "$(printf 'a\357\277\277b')" -t tree -o "$N" "$A"
usage "--title blank" '--title' --title '  ' -t tree -o "$N" "$A"
run -t tree --date 'February 29, 2024' -o - "$A"
check "usage: --date on a leap day is a date" status_is 0

# Readers: --from names one of the reader table.
usage "--from a reader there is not" "unknown reader 'html'" --from html \
	-t tree -o "$N" "$A"
check "usage: --from names the readers there are" err_has 'has: txt'
run --from txt -t tree -o - "$A"
check "usage: --from txt reads plain text" out_has 'A short article body.'

run -t tree,tree -o - "$A"
check "usage: -t tree,tree is one format" status_is 0
check "usage: -t tree,tree prints one tree" \
	[ "$(grep -c '<document>' "$TMPDIR/out")" -eq 1 ]

run --help
check "usage: --help exits 0" status_is 0
check "usage: --help prints usage on stdout" out_has 'usage: lector'
check "usage: --help lists the tree format" out_has 'tree'
check "usage: --help lists the txt reader" out_has '^  txt  *\*\.txt'
check "usage: --help says nothing on stderr" [ -z "$err" ]
# Each profile option lists what is in its own folder of styles/.
names() { ls "styles/$1" | sed "s/\\$2\$//" | sort | tr '\n' ' ' |
	sed 's/ $//; s/ /, /g'; }
check "usage: --help lists the EPUB styles" \
	out_has "--style NAME|FILE.css  *stylesheet: $(names epub .css)\$"
check "usage: --help lists the large-print layouts" \
	out_has "--layout NAME|FILE  *page profile: $(names large-print .conf)\$"
check "usage: --help lists the speech profiles" \
	out_has "--speech NAME|FILE  *speech profile: $(names speech .conf)\$"
# Help that cannot be written is a failure, said in one line.
for opt in --help --version; do
	"$LECTOR" $opt >/dev/full 2>"$TMPDIR/err"
	status=$?
	err=$(cat "$TMPDIR/err")
	check "usage: $opt into a full disk exits 1" status_is 1
	check "usage: $opt into a full disk says one line" err_lines 1
	check "usage: $opt into a full disk says why" err_has 'No space left'
done
# The man page's options are the tables' (make man), as --help's are.
"$LECTOR" --help-man >"$D/man.gen" 2>/dev/null
man_current() {
	awk 'FNR == NR { gen = gen $0 "\n"; next }
	    /^\.\\" @OPTIONS@/ { printf "%s", gen; next } { print }' \
	    "$D/man.gen" lector.1.in | cmp -s - lector.1
}
check "usage: lector.1 is what make man makes" man_current
help_opts() { "$LECTOR" --help | grep -o -- '--[a-z0-9-]*' | sort -u; }
man_opts() { sed -n 's/^\.B[IR]* .*\\-\\-\([a-z0-9\\-]*\).*/--\1/p' lector.1 |
	sed 's/\\-/-/g' | sort -u; }
same_opts() {
	help_opts >"$D/help.opts"
	man_opts >"$D/man.opts"
	[ "$(wc -l <"$D/help.opts")" -gt 20 ] && cmp -s "$D/help.opts" "$D/man.opts"
}
check "usage: --help and the man page list the same options" same_opts
run -h
check "usage: -h exits 0" status_is 0
check "usage: -h prints usage on stdout" out_has 'usage: lector'
run --version
check "usage: --version exits 0" status_is 0
check "usage: --version prints name and version" out_has '^lector [0-9]'
check "usage: --version says nothing on stderr" [ -z "$err" ]
run -V
check "usage: -V exits 0" status_is 0
check "usage: -V prints the version" out_has '^lector [0-9]'
