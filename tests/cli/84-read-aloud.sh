#!/bin/sh
# SPDX-License-Identifier: ISC
# Read-aloud books (-t read-aloud): for every sample, shape and the seed
# (and the corpus with LECTOR_CHECK_CORPUS=1), the media overlay against
# the tree (tests/tools/talkcheck.c: every text target, every sentence
# once and in order, clips in order inside the audio's real length,
# durations to the millisecond, every word heard) and EPUBCheck with Ace,
# and the DAISY book made with it through talkcheck;
# then what the package says, the audio the mp3 writer's, one synthesis
# for mp3 and read-aloud, the same bytes twice, and a voice that fails.
. tests/cli/lib.sh

D=$TMPDIR/84-read-aloud
mkdir -p "$D/books"
SEED=$SHARED/seed/caravan-editorial.txt
set -- samples/*.txt tests/golden/shapes/*.txt
[ -f "$SEED" ] && set -- "$@" "$SEED"
# The corpus too with LECTOR_CHECK_CORPUS=1, but its Tagalog book, which
# has no voice (77-wrappers.sh checks that its audio fails).
[ "${LECTOR_CHECK_CORPUS:-}" = 1 ] && [ -d "$SHARED/corpus" ] &&
    set -- "$@" "$SHARED"/corpus/bbc/*.txt $(ls "$SHARED"/corpus/varied/*.txt |
    grep -v florante)
n=$#
plan $((14 * n + 17))

# The oracle on the read-aloud EPUB (6 lines a book) and on the DAISY
# book of the same synthesis (7: 87-daisy.sh checks the rest of DAISY),
# then EPUBCheck with Ace (1), two at once.
for in in "$@"; do
	base=$D/books/$(basename "$in" .txt)
	"$LECTOR" -q -t tree,read-aloud,daisy -o "$D/books" "$in" 2>"$D/err"
	"$TESTBIN/talkcheck" epub "$base.read-aloud.epub" "$base.tree.xml"
	"$TESTBIN/talkcheck" daisy "$base.daisy.zip" "$base.tree.xml"
done
CHECK=$SHARED/tools/check-epub
if [ "${LECTOR_SKIP_CHECKERS:-}" = 1 ] || [ ! -x "$CHECK" ]; then
	skip "$n" "read-aloud: check-epub (LECTOR_SKIP_CHECKERS=1, or not installed)"
else
	for in in "$@"; do
		echo "$D/books/$(basename "$in" .txt).read-aloud.epub"
	done | xargs -P 2 -I{} sh -c '
		if line=$("$1" "$2" 2>/dev/null); then
			echo "ok check-epub $(basename "$2"): $line"
		else
			echo "not ok check-epub $(basename "$2"): $line"
		fi' sh "$CHECK" {}
fi

# What the package says of the audio, on the seed, or a sample.
[ -f "$SEED" ] || SEED=samples/council-wrapped.txt
B=$D/books/$(basename "$SEED" .txt).read-aloud.epub
"$TESTBIN/epubtool" cat "$B" EPUB/package.opf >"$D/opf"
"$TESTBIN/epubtool" cat "$B" EPUB/style.css >"$D/css"
"$TESTBIN/epubtool" cat "$B" EPUB/article.smil >"$D/smil"
check "read-aloud: the article has its overlay" \
    grep -q 'href="article.xhtml" media-type="application/xhtml+xml" media-overlay="overlay"' "$D/opf"
check "read-aloud: auditory access, synchronised audio and text" \
    sh -c "grep -q 'accessMode\">auditory<' '$D/opf' &&
        grep -q 'accessModeSufficient\">auditory<' '$D/opf' &&
        grep -q 'synchronizedAudioText' '$D/opf'"
check "read-aloud: the narrator and the active class" \
    sh -c "grep -q 'media:narrator\">espeak-ng, voice en-us<' '$D/opf' &&
        grep -q 'media:active-class\">-epub-media-overlay-active<' '$D/opf'"
check "read-aloud: the active class has a rule, in the reader's colours" \
    grep -q '^\.-epub-media-overlay-active {' "$D/css"
check "read-aloud: clock values to the millisecond" \
    grep -q 'clipEnd="00:0[0-9]:[0-5][0-9]\.[0-9][0-9][0-9]"' "$D/smil"

# The visible text is the EPUB's, spans and all.
"$LECTOR" -q -t epub -o "$D/plain" "$SEED"
"$TESTBIN/epubtool" cat "$D/plain/$(basename "$SEED" .txt).epub" \
    EPUB/article.xhtml >"$D/plain.xhtml"
"$TESTBIN/epubtool" cat "$B" EPUB/article.xhtml >"$D/aloud.xhtml"
check "read-aloud: the text is the EPUB's" cmp -s "$D/plain.xhtml" \
    "$D/aloud.xhtml"

# One synthesis for mp3 and read-aloud; the audio is the mp3's, its tag
# aside.
run -v -t mp3,read-aloud -o "$D/once" "$SEED"
check "read-aloud: -t mp3,read-aloud speaks the article once" \
    [ "$(printf '%s\n' "$err" | grep -c 'info: spoke ')" -eq 1 ]
name=$(basename "$SEED" .txt)
"$TESTBIN/epubtool" cat "$D/once/$name.read-aloud.epub" \
    EPUB/audio/article.mp3 >"$D/inside.mp3"
skip_bytes=$(($(wc -c <"$D/once/$name.mp3") - $(wc -c <"$D/inside.mp3")))
check "read-aloud: its audio is the mp3's stream" \
    cmp -s -i "$skip_bytes:0" "$D/once/$name.mp3" "$D/inside.mp3"
check "read-aloud: the same book as made alone" \
    cmp -s "$D/once/$name.read-aloud.epub" "$B"

# The same bytes twice.
"$LECTOR" -q -t read-aloud -o "$D/again" "$SEED"
check "read-aloud: reproducible" cmp -s "$D/again/$name.read-aloud.epub" "$B"

# Labels belong to the element they bring in: "Photo caption." is the
# figure's, "Quote." the quote's; "End quote." goes with the sentence
# before it, so each is pointed at once.  Lists and figures are seqs a
# listener can escape.
S=$D/books/every-block.read-aloud.epub
"$TESTBIN/epubtool" cat "$S" EPUB/article.smil >"$D/every.smil"
check "read-aloud: a caption's label is its figure's" \
    grep -q 'text src="article.xhtml#figure-1"' "$D/every.smil"
check "read-aloud: a quote's labels are its own, once" \
    [ "$(grep -c 'text src="article.xhtml#quote-1"' "$D/every.smil")" -eq 1 ]
check "read-aloud: a credit has a par of its own" \
    grep -q 'text src="article.xhtml#credit-1"' "$D/every.smil"
check "read-aloud: a list is an escapable seq" \
    grep -q 'epub:textref="article.xhtml#list-1" epub:type="list"' \
    "$D/every.smil"
check "read-aloud: a figure is an escapable seq" \
    grep -q 'epub:textref="article.xhtml#figure-1" epub:type="figure"' \
    "$D/every.smil"

# A voice espeak-ng does not have: that file's error, one line, no book.
run -t read-aloud --voice no-such-voice -o "$D/novoice" "$SEED"
check "read-aloud: no voice is status 1 with one line" \
    sh -c "[ $status -eq 1 ] && [ \"\$(grep -c . '$TMPDIR/err')\" -eq 1 ]"
check "read-aloud: and no book left" \
    [ -z "$(ls -A "$D/novoice" 2>/dev/null)" ]
