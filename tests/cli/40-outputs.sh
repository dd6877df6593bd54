#!/bin/sh
# SPDX-License-Identifier: ISC
# Where outputs go: -o -, -o FILE, -o DIR, the current folder, folder mirrors.
. tests/cli/lib.sh

plan 49

LECTOR=$(cd "$(dirname "$LECTOR")" && pwd)/$(basename "$LECTOR")
TMPDIR=$(cd "$TMPDIR" && pwd)
D=$TMPDIR/40-outputs
mkdir -p "$D"
A=$D/a.txt
printf 'Headline here\n\nBy Jane Doe\n\nFirst paragraph.\n\nSecond one.\n' >"$A"

exists() { [ -f "$1" ]; }
same() { cmp -s "$1" "$2"; }
same_dirs() { diff -r "$1" "$2" >/dev/null; }
# listing DIR: every file under DIR, relative, sorted, on one line.
listing() { (cd "$1" && find . -type f | sort | tr '\n' ' '); }
only() { [ "$(ls -A "$1" | tr '\n' ' ')" = "$2" ]; }

run -t tree -o - "$A"
check "outputs: -o - exits 0" status_is 0
check "outputs: -o - prints the tree" out_has '^<document>'
check "outputs: -o - prints the body" out_has '<paragraph line="5"><sentence id="s2">First paragraph.</sentence></paragraph>'
check "outputs: -o - says nothing on stderr" err_lines 0
check "outputs: -o - no sanitizer report" no_sanitizer
cp "$TMPDIR/out" "$D/stdout.xml"
check "outputs: -o - ends the tree with a newline" \
	[ "$(tail -c 1 "$D/stdout.xml" | od -An -c | tr -d ' ')" = '\n' ]

run -t tree -o "$D/one.tree.xml" "$A"
check "outputs: -o FILE.tree.xml exits 0" status_is 0
check "outputs: -o FILE.tree.xml writes that file" exists "$D/one.tree.xml"
check "outputs: -o FILE.tree.xml same as -o -" same "$D/one.tree.xml" "$D/stdout.xml"
run -o "$D/ext.tree.xml" "$A"
check "outputs: -o FILE.tree.xml without -t exits 0" status_is 0
check "outputs: -o FILE.tree.xml without -t takes the format from .tree.xml" \
	same "$D/ext.tree.xml" "$D/stdout.xml"

# The format from the name: the longest suffix, else a default format's.
run -o "$D/ext.read-aloud.epub" "$A"
check "outputs: -o FILE.read-aloud.epub is the read-aloud book, not the EPUB" \
	sh -c 'unzip -l "$1" | grep -q "EPUB/article.smil"' sh "$D/ext.read-aloud.epub"
run -o "$D/ext.txt" "$A"
check "outputs: -o FILE.txt is large print, a default format" \
	grep -q '^Headline here$' "$D/ext.txt"
run -o "$D/ext.braille.txt" "$A"
check "outputs: -o FILE.braille.txt is braille-text" \
	grep -q "$(printf '\342\240\240')" "$D/ext.braille.txt"
run -o "$D/ext.brf" "$A"
check "outputs: -o FILE.brf is braille" grep -q '^ *,h1dl9e' "$D/ext.brf"

run -t tree -o "$D/new/deep" "$A"
check "outputs: -o DIR exits 0" status_is 0
check "outputs: -o DIR is created and gets NAME.tree.xml" \
	same "$D/new/deep/a.tree.xml" "$D/stdout.xml"
check "outputs: -o DIR holds only the output" only "$D/new/deep" "a.tree.xml "
printf 'Headline here\n\nBy Jane Doe\n\nA new first paragraph.\n' >"$D/a2.txt"
cp "$D/a2.txt" "$D/new/a.txt"
run -t tree -o "$D/new/deep" "$D/new/a.txt"
check "outputs: an old output is replaced" \
	grep -q 'A new first paragraph.' "$D/new/deep/a.tree.xml"
check "outputs: replacing leaves no temporary file" only "$D/new/deep" "a.tree.xml "

mkdir -p "$D/cwd"
(
	cd "$D/cwd" || exit 1
	run -t tree "$A"
	check "outputs: no -o exits 0" status_is 0
	check "outputs: no -o writes into the current folder" \
		same "$D/cwd/a.tree.xml" "$D/stdout.xml"
)

# Folder input: subfolders mirrored; hidden entries and other files skipped.
I=$D/in
mkdir -p "$I/a/b" "$I/.hid" "$I/empty"
for f in top a/x a/b/y .hidden .hid/z; do cp "$A" "$I/$f.txt"; done
cp "$A" "$I/a/notes.md"
cp "$A" "$I/a/README"
run -t tree -o "$D/mirror" "$I"
check "outputs: folder input exits 0" status_is 0
check "outputs: folder input mirrors subfolders, skips hidden and non-.txt" \
	[ "$(listing "$D/mirror")" = \
	"./a/b/y.tree.xml ./a/x.tree.xml ./top.tree.xml " ]
check "outputs: folder input output content" same "$D/mirror/a/x.tree.xml" "$D/stdout.xml"

# Symlink loops are survived (a wrapper gives the run a time limit).
ln -s .. "$I/a/up"
ln -s ../.. "$I/a/b/upup"
ln -s "$I" "$I/a/b/abs"
printf '#!/bin/sh\nexec timeout 20 %s "$@"\n' "$LECTOR" >"$D/lector-t"
chmod +x "$D/lector-t"
REAL=$LECTOR
LECTOR=$D/lector-t
run -t tree -o "$D/loop" "$I"
LECTOR=$REAL
check "outputs: symlink loop does not hang" [ "$status" -ne 124 ]
check "outputs: symlink loop exits 0" status_is 0
check "outputs: symlink loop converts each file once" \
	[ "$(listing "$D/loop")" = \
	"./a/b/y.tree.xml ./a/x.tree.xml ./top.tree.xml " ]
check "outputs: symlink loop no sanitizer report" no_sanitizer

# Standard input.
run -t tree -o "$D/std" - <"$A"
check "outputs: stdin exits 0" status_is 0
check "outputs: stdin is named stdin.tree.xml" same "$D/std/stdin.tree.xml" "$D/stdout.xml"
run -t tree -o - - <"$A"
check "outputs: stdin to -o - exits 0" status_is 0
check "outputs: stdin to -o - prints the tree" same "$TMPDIR/out" "$D/stdout.xml"

# No temporary files left behind, also when an input fails.
printf 'Bad\n\n\000\n' >"$D/bad.txt"
run -t tree -o "$D/clean" "$A" "$D/bad.txt" "$D/a2.txt"
check "outputs: mixed batch exits 1" status_is 1
check "outputs: no temporary files left behind" only "$D/clean" "a.tree.xml a2.tree.xml "

# Two inputs with one output name: the second fails, the first is kept.
mkdir -p "$D/d1" "$D/d2"
cp "$A" "$D/d1/same.txt"
printf 'Other\n\nDifferent text.\n' >"$D/d2/same.txt"
run -t tree -o "$D/clash" "$D/d1/same.txt" "$D/d2/same.txt"
check "outputs: same name twice exits 1" status_is 1
check "outputs: same name twice says one line" err_lines 1
check "outputs: same name twice names the second file" err_has "$D/d2/same.txt"
check "outputs: same name twice keeps the first" \
	same "$D/clash/same.tree.xml" "$D/stdout.xml"
check "outputs: same name twice writes one file" only "$D/clash" "same.tree.xml "

# Markup characters are escaped.
printf 'Fish & <chips>\n\nSay "hi" & <b>bye</b> \047now\047.\n' >"$D/esc.txt"
run -t tree -o "$D/esc.tree.xml" "$D/esc.txt"
check "outputs: markup characters exit 0" status_is 0
check "outputs: markup characters escaped" \
	grep -q '&amp; &lt;b&gt;bye&lt;/b&gt;' "$D/esc.tree.xml"
if command -v xmllint >/dev/null 2>&1; then
	check "outputs: tree is well-formed XML" \
		xmllint --noout "$D/esc.tree.xml" "$D/mirror/a/x.tree.xml" 2>/dev/null
else
	skip 1 "outputs: tree is well-formed XML: no xmllint"
fi

# Same input, same bytes: twice, and with -j 1 against -j 4.
J=$D/many
mkdir -p "$J/sub"
for n in 1 2 3 4 5 6 7 8 9; do
	printf 'Story %s\n\nBody of story %s, with a few words.\n' $n $n >"$J/s$n.txt"
	printf 'Sub %s\n\n- item %s\n- item two\n' $n $n >"$J/sub/t$n.txt"
done
run -t tree -j 2 -o "$D/r1" "$J"
run -t tree -j 2 -o "$D/r2" "$J"
check "outputs: two runs give identical files" same_dirs "$D/r1" "$D/r2"
run -t tree -j 1 -o "$D/j1" "$J"
check "outputs: -j 1 exits 0" status_is 0
run -t tree -j 4 -o "$D/j4" "$J"
check "outputs: -j 4 exits 0" status_is 0
check "outputs: -j 4 no sanitizer report" no_sanitizer
check "outputs: -j 1 converts all" [ "$(find "$D/j1" -type f | wc -l)" -eq 18 ]
check "outputs: -j 1 and -j 4 identical" same_dirs "$D/j1" "$D/j4"
