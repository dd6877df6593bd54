#!/bin/sh
# SPDX-License-Identifier: ISC
# Odd encodings, line ends and sizes are converted, with a warning where guessed.
. tests/cli/lib.sh

plan 61

D=$TMPDIR/30-encodings
mkdir -p "$D"

# u16 le|be: stdin (ASCII) as UTF-16 without a byte-order mark.
u16() {
	od -An -v -to1 | tr -s ' \n' '\n\n' | grep . | while read -r o; do
		if [ "$1" = le ]; then printf "\\$o\\000"; else printf "\\000\\$o"; fi
	done
}
out_lacks() { ! grep -q -- "$1" "$TMPDIR/out"; }
same() { cmp -s "$1" "$2"; }

CAFE=$(printf 'caf\303\251')
SMILE=$(printf '\360\237\230\200')

# One Latin-1 pound sign: read as Windows-1252, one warning with the line.
printf 'Price\n\nIt cost \243120 today.\n' >"$D/pound.txt"
run -t tree -o - "$D/pound.txt"
check "encodings: Windows-1252 byte exits 0" status_is 0
check "encodings: Windows-1252 byte read as a pound sign" out_has "$(printf '\302\243')120"
check "encodings: Windows-1252 warns in one line" err_lines 1
check "encodings: Windows-1252 warning names file and line" err_has "$D/pound.txt:3"
check "encodings: Windows-1252 warning names the encoding" err_has 'Windows-1252'
check "encodings: Windows-1252 no sanitizer report" no_sanitizer

printf 'Price\n\nIt cost \243120.\n\nThen \2245 more \205\n' >"$D/pounds.txt"
run -t tree -o - "$D/pounds.txt"
check "encodings: several Windows-1252 bytes exit 0" status_is 0
check "encodings: several Windows-1252 bytes give one warning" err_lines 1
check "encodings: Windows-1252 curly quote" out_has "$(printf '\342\200\235')5"

# Broken UTF-8 (overlong, surrogate, cut short at the end) is still text.
printf 'Odd bytes\n\nOverlong \300\257 surrogate \355\240\200 end \342\202' \
	>"$D/broken.txt"
run -t tree -o - "$D/broken.txt"
check "encodings: broken UTF-8 exits 0" status_is 0
check "encodings: broken UTF-8 warns once" err_lines 1
check "encodings: broken UTF-8 keeps the words" out_has 'Overlong .* surrogate .* end'
check "encodings: broken UTF-8 no sanitizer report" no_sanitizer

# UTF-8 with a byte-order mark.
printf '\357\273\277Price\n\nIt costs money.\n' >"$D/bom.txt"
run -t tree -o - "$D/bom.txt"
check "encodings: UTF-8 BOM exits 0" status_is 0
check "encodings: UTF-8 BOM no warning" err_lines 0
check "encodings: UTF-8 BOM not in the tree" out_lacks "$(printf '\357\273\277')"
check "encodings: UTF-8 BOM title intact" out_has '<title from="text" line="1">Price</title>'

# UTF-16 with a BOM, both byte orders, including a surrogate pair.
{
	printf '\377\376'
	printf 'Price\n\nIt costs ' | u16 le
	printf 'caf' | u16 le
	printf '\351\000 \000=\000>\000 \000\075\330\000\336 \000!\000\n\000'
} >"$D/le.txt"
run -t tree -o - "$D/le.txt"
check "encodings: UTF-16LE BOM exits 0" status_is 0
check "encodings: UTF-16LE BOM no warning" err_lines 0
check "encodings: UTF-16LE BOM text converted" out_has "It costs $CAFE =&gt; $SMILE !<"
check "encodings: UTF-16LE BOM title" out_has '<title from="text" line="1">Price</title>'

{
	printf '\376\377'
	printf 'Price\n\nIt costs ' | u16 be
	printf 'caf' | u16 be
	printf '\000\351\000 \330\075\336\000\000 \000!\000\n'
} >"$D/be.txt"
run -t tree -o - "$D/be.txt"
check "encodings: UTF-16BE BOM exits 0" status_is 0
check "encodings: UTF-16BE BOM no warning" err_lines 0
check "encodings: UTF-16BE BOM text converted" out_has "It costs $CAFE $SMILE !<"

{
	printf '\377\376'
	printf 'Lone\n\nA half ' | u16 le
	printf '\075\330'
	printf ' pair.\n' | u16 le
} >"$D/lone.txt"
run -t tree -o - "$D/lone.txt"
check "encodings: UTF-16 lone surrogate exits 0" status_is 0
check "encodings: UTF-16 lone surrogate warns in one line" err_lines 1
check "encodings: UTF-16 lone surrogate warning names file" err_has "$D/lone.txt"
check "encodings: UTF-16 lone surrogate becomes U+FFFD" \
	out_has "A half $(printf '\357\277\275') pair."

printf 'Price\n\nIt costs little money.\n' | u16 le >"$D/nobom.txt"
run -t tree -o - "$D/nobom.txt"
check "encodings: UTF-16LE without BOM exits 0" status_is 0
check "encodings: UTF-16LE without BOM text converted" out_has 'It costs little money.'
check "encodings: UTF-16LE without BOM warns in one line" err_lines 1
check "encodings: UTF-16LE without BOM warning names file" err_has "$D/nobom.txt"
check "encodings: UTF-16LE without BOM warning says UTF-16" err_has 'UTF-16'

# Line ends: CRLF, CR alone and no final newline give the LF tree.
printf 'Head line\n\nOne para\nwrapped here.\n\nTwo para.\n' >"$D/lf.txt"
printf 'Head line\r\n\r\nOne para\r\nwrapped here.\r\n\r\nTwo para.\r\n' >"$D/crlf.txt"
printf 'Head line\r\rOne para\rwrapped here.\r\rTwo para.\r' >"$D/cr.txt"
printf 'Head line\n\nOne para\nwrapped here.\n\nTwo para.' >"$D/nofinal.txt"
for f in lf crlf cr nofinal; do
	run -t tree -o "$D/$f.tree.xml" "$D/$f.txt"
	check "encodings: $f line ends exit 0" status_is 0
	check "encodings: $f line ends no warning" err_lines 0
done
check "encodings: LF tree has the wrapped paragraph" \
	grep -q '<paragraph line="3"><sentence id="s1">One para wrapped here.</sentence></paragraph>' "$D/lf.tree.xml"
check "encodings: CRLF same tree as LF" same "$D/lf.tree.xml" "$D/crlf.tree.xml"
check "encodings: CR same tree as LF" same "$D/lf.tree.xml" "$D/cr.tree.xml"
check "encodings: no final newline same tree as LF" \
	same "$D/lf.tree.xml" "$D/nofinal.tree.xml"

# A 2 MB line: every word arrives, in order.
awk 'BEGIN { for (i = 1; i <= 300000; i++) printf "w%d ", i; printf "\n" }' \
	>"$D/long.txt"
run -t tree -o "$D/long.tree.xml" "$D/long.txt"
check "encodings: 2 MB line exits 0" status_is 0
check "encodings: 2 MB line input is over 2 MB" \
	[ "$(wc -c <"$D/long.txt")" -gt 2000000 ]
check "encodings: 2 MB line no sanitizer report" no_sanitizer
words() { grep '<paragraph' "$D/long.tree.xml" | tr ' <>' '\n\n\n' | grep '^w[0-9]'; }
check "encodings: 2 MB line keeps every word" [ "$(words | wc -l)" -eq 300000 ]
check "encodings: 2 MB line keeps the order" \
	[ "$(words | sed -n '1p;300000p' | tr '\n' ' ')" = "w1 w300000 " ]

# NFC: e + combining acute becomes U+00E9.
printf 'Cafe\314\201 talk\n\nThe cafe\314\201 opened at noon.\n' >"$D/nfd.txt"
run -t tree -o - "$D/nfd.txt"
check "encodings: decomposed text exits 0" status_is 0
check "encodings: NFC in the title" out_has "<title from=\"text\" line=\"1\">Caf$(printf '\303\251') talk<"
check "encodings: NFC in the body" out_has "The $CAFE opened"
check "encodings: no combining accent left" out_lacks "$(printf '\314\201')"

# Noncharacters (U+FFFE, U+FFFF: valid UTF-8, not XML) are removed with
# a warning, never written.
printf 'Odd marks\n\nOne \357\277\276 two \357\277\277 three \357\267\220 four.\n' \
	>"$D/nonchar.txt"
run -t tree -o "$D/nonchar.tree.xml" "$D/nonchar.txt"
check "encodings: noncharacters exit 0" status_is 0
check "encodings: noncharacters warn in one line" err_lines 1
check "encodings: noncharacters warning names file and line" \
	err_has "$D/nonchar.txt:3: warning: 3 noncharacters"
check "encodings: noncharacters removed from the tree" \
	grep -q '<paragraph line="3"><sentence id="s1">One two three four.</sentence></paragraph>' \
	"$D/nonchar.tree.xml"
run -t epub -o "$D/nonchar.epub" "$D/nonchar.txt"
check "encodings: noncharacters: the EPUB converts" status_is 0
check "encodings: noncharacters: the XHTML is well-formed, words kept" \
	"$TESTBIN/epubtool" words "$D/nonchar.epub" "$D/nonchar.tree.xml"
check "encodings: noncharacters: no U+FFFF in the XHTML" sh -c \
	"! '$TESTBIN/epubtool' cat '$D/nonchar.epub' EPUB/article.xhtml |
	grep -q '$(printf '\357\277\277')'"
