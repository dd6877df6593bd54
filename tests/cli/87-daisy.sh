#!/bin/sh
# SPDX-License-Identifier: ISC
# The DAISY 2.02 book (-t daisy): the read-aloud oracle (talkcheck daisy:
# targets, every sentence once and in order, clips, durations, words,
# the XHTML 1.0 and SMIL 1.0 DTDs) on the book of every sample, shape
# and the seed, a list-only article and a quote in a quote; the folder
# and its files; ncc.html's metadata and navigation points (the speech's
# chapters); a content document without HTML5; the same bytes twice;
# one synthesis for mp3, read-aloud and daisy together.
. tests/cli/lib.sh

D=$TMPDIR/87-daisy
mkdir -p "$D/books"
TC=$TESTBIN/talkcheck
SEED=$SHARED/seed/caravan-editorial.txt

set -- samples/*.txt tests/golden/shapes/*.txt
[ -f "$SEED" ] && set -- "$@" "$SEED"
ninputs=$#
plan $((ninputs + 2 + 5 + 6 + 3 + 2 + 4 + 3))

# The article's own options, one a line (a shape's NAME.opts).
opts_of() {
	o=${1%.txt}.opts
	[ -f "$o" ] && cat "$o"
}
# book INPUT: its tree and DAISY book in $D/books; talkcheck passes.
book() {
	b_in=$1
	shift
	"$LECTOR" -q "$@" -t tree,daisy -o "$D/books" "$b_in" &&
	b_base=$D/books/$(basename "$b_in" .txt) &&
	"$TC" daisy "$b_base.daisy.zip" "$b_base.tree.xml" >"$D/tc.out"
	b_st=$?
	grep -A 1 '^not ok' "$D/tc.out"
	[ $b_st -eq 0 ] && ! grep -q '^not ok' "$D/tc.out"
}
for in in "$@"; do
	# Arguments with spaces in them: one a line.
	set -f
	IFS='
'
	check "daisy: $(basename "$in" .txt) passes talkcheck" \
		book "$in" $(opts_of "$in")
	unset IFS
	set +f
done

# A list and nothing else; a quote inside a quote.
check "daisy: a list-only article passes talkcheck" \
	book tests/golden/shapes/only-list.txt
cat >"$D/quotes.txt" <<'EOF'
Title: Quotes Within Quotes

She said:

> The first words.
>
> > A quote inside it.
>
> The outer words again.

The end.
EOF
check "daisy: a quote in a quote passes talkcheck" book "$D/quotes.txt"

# The layout: one folder named from the input, in lower-case ASCII,
# ncc.html first, a SMIL file per navigation point, the audio last.
list() { "$TESTBIN/epubtool" list "$1" | cut -d ' ' -f 1 | tr '\n' ' '; }
F=samples/flood-sections.txt
run -t daisy,speech -o "$D/flood" "$F"
check "daisy: flood converts" status_is 0
check "daisy: flood's book is NAME.daisy.zip" test -s "$D/flood/flood-sections.daisy.zip"
check "daisy: one folder, ncc.html first, a SMIL file per chapter, the audio" \
	[ "$(list "$D/flood/flood-sections.daisy.zip")" = "flood-sections/ncc.html flood-sections/content.html flood-sections/s0001.smil flood-sections/s0002.smil flood-sections/s0003.smil flood-sections/s0004.smil flood-sections/audio.mp3 " ]
mkdir -p "$D/odd"
cp "$F" "$D/odd/Café Life_2026 (Final).txt"
run -q -t daisy -o "$D/odd" "$D/odd/Café Life_2026 (Final).txt"
check "daisy: the folder's name is the input's in lower-case ASCII" \
	[ "$(list "$D/odd/Café Life_2026 (Final).daisy.zip" | cut -d / -f 1)" = "caf-life-2026-final" ]
check "daisy: every file's name is lower-case ASCII" \
	[ -z "$(list "$D/odd/Café Life_2026 (Final).daisy.zip" | tr ' ' '\n' | grep '[^a-z0-9./-]')" ]

# ncc.html: DAISY 2.02's metadata, and a heading per chapter of the
# speech (the MP3's), the title first.
ncc() { "$TESTBIN/epubtool" cat "$1" "$2/ncc.html"; }
ncc "$D/flood/flood-sections.daisy.zip" flood-sections >"$D/flood.ncc"
meta_is() { grep -q "<meta name=\"$2\" content=\"$3\"" "$1"; }
has_metas() {
	for m in dc:title dc:date dc:format dc:identifier dc:language \
	    dc:publisher ncc:charset ncc:generator ncc:narrator \
	    ncc:multimediaType ncc:totalTime ncc:tocItems ncc:depth \
	    ncc:files ncc:setInfo ncc:pageFront ncc:pageNormal \
	    ncc:pageSpecial ncc:maxPageNormal; do
		grep -q "<meta name=\"$m\" content=\"[^\"]" "$1" ||
			{ echo "no $m"; return 1; }
	done
}
check "daisy: ncc.html has every metadata DAISY 2.02 asks for" has_metas "$D/flood.ncc"
check "daisy: full text and full audio" meta_is "$D/flood.ncc" ncc:multimediaType audioFullText
check "daisy: ncc:files counts every file" meta_is "$D/flood.ncc" ncc:files 7
check "daisy: ncc:tocItems counts the headings" meta_is "$D/flood.ncc" ncc:tocItems 4
headings() { grep -o '<h[1-6][^>]*><a href="[^"]*">[^<]*' "$1" | sed 's/.*">//'; }
chapters() { sed -n 's/^# chapter [0-9]*: //p' "$1"; }
check "daisy: the navigation points are the speech's chapters" \
	[ "$(headings "$D/flood.ncc")" = "$(chapters "$D/flood/flood-sections.speech.txt")" ]
check "daisy: the first heading is the title" \
	grep -q '<body><h1 id="nav-1" class="title"><a href="s0001.smil#par-1">After the Flood' "$D/flood.ncc"

# A title made from the first sentence is not heard: the title heading
# goes where the first chapter (the seed's caption) starts, which keeps
# its own.
if [ -f "$SEED" ]; then
	run -q -t daisy,speech -o "$D/seed" "$SEED"
	ncc "$D/seed/caravan-editorial.daisy.zip" caravan-editorial >"$D/seed.ncc"
	check "daisy: seed: the title, then every chapter" \
		[ "$(headings "$D/seed.ncc" | sed 1d)" = "$(chapters "$D/seed/caravan-editorial.speech.txt")" ]
	check "daisy: seed: the title and the caption start together" \
		[ "$(grep -o 'href="s0001.smil#par-1"' "$D/seed.ncc" | wc -l)" -eq 2 ]
	check "daisy: seed: ncc:tocItems counts the title too" \
		meta_is "$D/seed.ncc" ncc:tocItems 9
else
	skip 3 "daisy: no $SEED"
fi

# The text in XHTML 1.0: nothing of HTML5, EPUB or ARIA.
"$TESTBIN/epubtool" cat "$D/books/every-block.daisy.zip" every-block/content.html \
	>"$D/every.html"
check "daisy: content.html is XHTML 1.0 Transitional" \
	grep -q 'DTD XHTML 1.0 Transitional' "$D/every.html"
check "daisy: content.html has no HTML5, epub:type or ARIA" \
	[ -z "$(grep -o -E '<(main|header|section|figure|figcaption|time|nav)[ >]|epub:|role=|aria-' "$D/every.html")" ]

# Same bytes twice; one synthesis for the three formats that carry the
# audio, the same stream in each book.
run -q -t daisy -o "$D/again" "$F"
check "daisy: reproducible" cmp -s "$D/again/flood-sections.daisy.zip" \
	"$D/flood/flood-sections.daisy.zip"
run -v -t mp3,read-aloud,daisy -o "$D/once" "$F"
check "daisy: -t mp3,read-aloud,daisy converts" status_is 0
check "daisy: -t mp3,read-aloud,daisy speaks the article once" \
	[ "$(printf '%s\n' "$err" | grep -c 'info: spoke ')" -eq 1 ]
same_audio() {
	"$TESTBIN/epubtool" cat "$D/once/flood-sections.daisy.zip" \
		flood-sections/audio.mp3 >"$D/daisy.mp3" &&
	"$TESTBIN/epubtool" cat "$D/once/flood-sections.read-aloud.epub" \
		EPUB/audio/article.mp3 >"$D/epub.mp3" &&
	cmp -s "$D/daisy.mp3" "$D/epub.mp3"
}
check "daisy: the read-aloud EPUB's audio, byte for byte" same_audio

# One book to a file named on the command line: the folder inside is
# still named from the input.
run -q -o "$D/out/Book.daisy.zip" "$F"
check "daisy: -o FILE.daisy.zip writes the book" status_is 0
check "daisy: ... its folder named from the input" \
	[ "$(list "$D/out/Book.daisy.zip" | cut -d / -f 1)" = "flood-sections" ]
check "daisy: no sanitizer report" no_sanitizer
