#!/bin/sh
# SPDX-License-Identifier: ISC
# The EPUB writer: every word in order, markup-like text stays text,
# reproducible bytes, styles, identifiers, dates, and (when installed)
# EPUBCheck + Ace on every sample, shape and the seed; the 40 corpus
# articles too with LECTOR_CHECK_CORPUS=1; none with LECTOR_SKIP_CHECKERS=1
# (make san: the sanitizers do not change what is written).
. tests/cli/lib.sh

D=$TMPDIR/60-epub
mkdir -p "$D"
T=$TESTBIN/epubtool
SEED=$SHARED/seed/caravan-editorial.txt
if [ ! -f "$SEED" ]; then
	plan 1
	skip 1 "$(basename "$0"): no $SEED (the shared folder beside the clone)"
	exit 0
fi

entry() { "$T" cat "$1" "$2"; }
has() { entry "$1" "$2" | grep -q -- "$3"; }
lacks() { ! entry "$1" "$2" | grep -q -- "$3"; }
same() { cmp -s "$1" "$2"; }

# Every word and every block of the tree reach the XHTML, in order and
# in their place: samples, shapes, the seed and the corpus.
set -- samples/*.txt tests/golden/shapes/*.txt "$SEED"
[ -d "$SHARED/corpus/bbc" ] && set -- "$@" "$SHARED"/corpus/bbc/*.txt
ninputs=$#
# The books the checkers see: every sample, shape and the seed, the
# three styles and a stylesheet of one's own, the corpus on request.
nbooks=$(( $(ls samples/*.txt tests/golden/shapes/*.txt | wc -l) + 1 + 4 ))
[ "${LECTOR_CHECK_CORPUS:-}" = 1 ] &&
	nbooks=$((nbooks + $(ls "$SHARED"/corpus/bbc/*.txt | wc -l)))
plan $((3 * ninputs + 41 + nbooks))

mkdir -p "$D/corpus"
for in in "$@"; do
	base=$(basename "$in" .txt)
	case $in in
	"$SHARED"/corpus/*) book=$D/corpus/$base.epub ;;
	*) book=$D/$base.epub ;;
	esac
	run -q -o "$book" "$in"
	check "epub: $base converts" status_is 0
	"$LECTOR" -q -t tree -o "${book%.epub}.tree.xml" "$in"
	"$T" words "$book" "${book%.epub}.tree.xml"
	"$T" structure "$book" "${book%.epub}.tree.xml"
done

# Text that looks like markup comes out as text.
M=$D/markup-like.epub
check "epub: <script> is text" has "$M" EPUB/article.xhtml \
	'&lt;script&gt;alert(1)&lt;/script&gt;'
check "epub: no script element" lacks "$M" EPUB/article.xhtml '<script'
check "epub: &amp; stays as written" has "$M" EPUB/article.xhtml \
	'for &amp;amp; and &amp;lt;'
check "epub: ]]> is text" has "$M" EPUB/article.xhtml 'CDATA end ]]&gt;'
check "epub: title escaped in the package" has "$M" EPUB/package.opf \
	'Why &lt;script&gt; Tags &amp; Entities'

# Container rules: mimetype first, stored, no extra field.
"$T" list "$D/caravan-editorial.epub" >"$D/list" 2>&1
check "epub: mimetype first and stored" \
	[ "$(head -n 1 "$D/list")" = "mimetype stored extra=0" ]
check "epub: no extra fields at all" [ "$(grep -vc 'extra=0' "$D/list")" -eq 0 ]
check "epub: mimetype content" \
	[ "$(entry "$D/caravan-editorial.epub" mimetype)" = "application/epub+zip" ]

# The seed: caption, credit, lead-in in sentence case, title h1.
S=$D/caravan-editorial.epub
check "epub: seed caption is a figure" has "$S" EPUB/article.xhtml \
	'<figure id="figure-1" class="photo-caption"><figcaption>'
check "epub: seed figure closes after its caption" has "$S" \
	EPUB/article.xhtml 'Getty Images</span></figcaption></figure><p>'
check "epub: seed credit marked as credit" has "$S" EPUB/article.xhtml \
	'role="doc-credit"><span class="label">Credit: </span>Johan Ordonez/AFP/Getty Images'
check "epub: seed lead-in in sentence case" has "$S" EPUB/article.xhtml \
	'<span class="lead-in">With each</span> passing day'
check "epub: one h1" [ "$(entry "$S" EPUB/article.xhtml | grep -o '<h1' | wc -l)" -eq 1 ]
check "epub: lang on html" has "$S" EPUB/article.xhtml 'lang="en" xml:lang="en"'
check "epub: accessibility summary" has "$S" EPUB/package.opf \
	'schema:accessibilitySummary'
check "epub: conformance claim" has "$S" EPUB/package.opf \
	'EPUB Accessibility 1.1 - WCAG 2.2 Level AA'
check "epub: identifier derived from content" has "$S" EPUB/package.opf \
	'<dc:identifier id="uid">urn:uuid:'

# Metadata: byline authors, ISO date, source, Spanish labels.
L=$D/library-byline.epub
check "epub: creators" has "$L" EPUB/package.opf '<dc:creator id="creator-2">Jonah Elkins'
check "epub: ISO date" has "$L" EPUB/package.opf '<dc:date>2026-03-14</dc:date>'
check "epub: date in the header" has "$L" EPUB/article.xhtml \
	'<time datetime="2026-03-14">March 14, 2026</time>'
check "epub: source as publisher" has "$D/council-wrapped.epub" \
	EPUB/package.opf '<dc:publisher>The Millbrook Courier'
check "epub: byline made from the header's author" has "$D/council-wrapped.epub" \
	EPUB/article.xhtml '<span class="label">By </span>Eleanor Pike'
check "epub: Spanish package language" has "$D/mercado-es.epub" \
	EPUB/package.opf 'xml:lang="es"'
check "epub: Spanish labels" has "$D/mercado-es.epub" EPUB/nav.xhtml '>Índice<'
check "epub: scene break" has "$D/council-wrapped.epub" EPUB/article.xhtml \
	'<hr class="scene-break" role="separator"/>'
check "epub: subheadings in the table of contents" has \
	"$D/flood-sections.epub" EPUB/nav.xhtml 'section-3">What Residents Can Do Now'

# Same input, same bytes: twice, other time zones, -j 1 against -j 2.
run -q -o "$D/again.epub" "$SEED"
check "epub: two runs, same bytes" same "$D/again.epub" "$S"
TZ=Asia/Tokyo "$LECTOR" -q -o "$D/tokyo.epub" "$SEED"
check "epub: time zone changes nothing" same "$D/tokyo.epub" "$S"
run -q -j 1 -o "$D/j1" samples
run -q -j 2 -o "$D/j2" samples
check "epub: -j 1 and -j 2 give the same files" diff -r "$D/j1" "$D/j2"

# dcterms:modified: SOURCE_DATE_EPOCH, else the input's time.
SOURCE_DATE_EPOCH=1700000000 "$LECTOR" -q -o "$D/epoch.epub" "$SEED"
check "epub: modified from SOURCE_DATE_EPOCH" has "$D/epoch.epub" \
	EPUB/package.opf '2023-11-14T22:13:20Z'
cp "$SEED" "$D/dated.txt"
touch -d '2021-06-01 12:00:00 UTC' "$D/dated.txt"
env -u SOURCE_DATE_EPOCH "$LECTOR" -q -o "$D/dated.epub" "$D/dated.txt"
check "epub: modified from the input's time" has "$D/dated.epub" \
	EPUB/package.opf '2021-06-01T12:00:00Z'

# --id, --style.
run -q --id isbn:9780000000001 -o "$D/id.epub" "$SEED"
check "epub: --id" has "$D/id.epub" EPUB/package.opf '>isbn:9780000000001<'
for style in default large high-contrast; do
	run -q --style "$style" -o "$D/$style.epub" "$SEED"
	check "epub: --style $style" status_is 0
	entry "$D/$style.epub" EPUB/style.css >"$D/$style.css"
	check "epub: --style $style is embedded" same "$D/$style.css" \
		"styles/epub/$style.css"
done
printf 'body { line-height: 2; }\n' >"$D/mine.css"
run -q --style "$D/mine.css" -o "$D/mine.epub" "$SEED"
check "epub: --style FILE.css is embedded" has "$D/mine.epub" EPUB/style.css \
	'line-height: 2'
check "epub: styles use relative sizes only" \
	[ -z "$(grep -nE '[0-9](px|pt|cm|mm|in)\b' styles/epub/*.css)" ]

# EPUBCheck and Ace, when installed (tools in $SHARED/tools).
CHECK=$SHARED/tools/check-epub
set --
for in in samples/*.txt tests/golden/shapes/*.txt "$SEED"; do
	set -- "$@" "$D/$(basename "$in" .txt).epub"
done
set -- "$@" "$D/default.epub" "$D/large.epub" "$D/high-contrast.epub" \
	"$D/mine.epub"
[ "${LECTOR_CHECK_CORPUS:-}" = 1 ] && set -- "$@" "$D"/corpus/*.epub
if [ "${LECTOR_SKIP_CHECKERS:-}" = 1 ]; then
	skip $# "epub: check-epub (LECTOR_SKIP_CHECKERS=1)"
elif [ ! -x "$CHECK" ] || { ! "$CHECK" "$S" >"$D/probe" 2>&1 &&
    ! grep -q '^epubcheck errors=' "$D/probe"; }; then
	skip $# "epub: check-epub (EPUBCheck, Ace) not installed"
else
	for book in "$@"; do echo "$book"; done | xargs -P 2 -I{} sh -c '
		if line=$("$1" "$2" 2>/dev/null); then
			echo "ok check-epub $(basename "$2"): $line"
		else
			echo "not ok check-epub $(basename "$2"): $line"
		fi' sh "$CHECK" {}
fi

# An installed tree (bin/ beside share/lector/), wherever it is, finds
# its styles: what `make install DESTDIR=...` lays out.
mkdir -p "$D/prefix/bin" "$D/prefix/share/lector"
cp "$LECTOR" "$D/prefix/bin/lector"
cp -R styles/. "$D/prefix/share/lector/"
"$D/prefix/bin/lector" -q --style large -o "$D/installed.epub" "$SEED" \
    2>"$D/installed.err"
check "epub: an installed tree finds its styles" cmp -s \
    "$(sh -c "cd '$D' && pwd")/installed.epub" "$D/large.epub"
