#!/bin/sh
# SPDX-License-Identifier: ISC
# Real-world plain text.  Languages and scripts: the language told from
# the text when nothing names it, right-to-left books, the voice that
# follows the language, and a text whose language cannot be told.  A
# web page saved as .txt is refused, not read aloud as markup.
. tests/cli/lib.sh

V=$SHARED/corpus/varied
D=$TMPDIR/lang
mkdir -p "$D"
nvaried=0
[ -d "$V" ] && nvaried=$(ls "$V"/*.txt | wc -l)
plan $((nvaried * 2 + 23 + 7 + 7 + 8))

# The varied corpus: each text converts, in its own language.
if [ "$nvaried" -eq 0 ]; then
	skip 0 "$(basename "$0"): no $V (the shared folder beside the clone)"
fi
for f in "$V"/*.txt; do
	[ -f "$f" ] || continue
	name=$(basename "$f" .txt)
	case $name in
	arabic-*)		want=ar ;;
	gutenberg-florante*)	want=tl ;;
	*)			want=en ;;
	esac
	run -t tree,epub -o "$D" "$f"
	check "language: $name converts" status_is 0
	check "language: $name is '$want'" \
		grep -q "<language from=\"[a-z]*\">$want</language>" \
		"$D/$name.tree.xml"
done

# An Arabic article: lang, dir and the page progression of a book read
# right to left; lector's English labels marked as English, left to right.
printf 'يرغب نادي المدينة في بناء ملعب جديد قبل الموسم المقبل، بعد أن ' >"$D/ar.txt"
printf 'ازداد عدد المشجعين في السنوات الأخيرة وضاق الملعب القديم بهم.\n' >>"$D/ar.txt"
run -t epub,tree,speech -o "$D/ar" "$D/ar.txt"
check "rtl: converts" status_is 0
check "rtl: detected as Arabic" \
	grep -q '<language from="detected">ar</language>' "$D/ar/ar.tree.xml"
unzip -p "$D/ar/ar.epub" EPUB/article.xhtml >"$D/ar.xhtml"
unzip -p "$D/ar/ar.epub" EPUB/nav.xhtml >"$D/ar-nav.xhtml"
unzip -p "$D/ar/ar.epub" EPUB/package.opf >"$D/ar.opf"
check "rtl: <html lang=ar dir=rtl>" \
	grep -q '<html [^>]*lang="ar" xml:lang="ar" dir="rtl"' "$D/ar.xhtml"
check "rtl: the navigation document too" \
	grep -q '<html [^>]*lang="ar" xml:lang="ar" dir="rtl"' "$D/ar-nav.xhtml"
check "rtl: English labels marked lang=en dir=ltr" \
	grep -q '<h1 id="toc-title" lang="en" dir="ltr">' "$D/ar-nav.xhtml"
check "rtl: the spine reads right to left" \
	grep -q '<spine page-progression-direction="rtl">' "$D/ar.opf"
check "rtl: dc:language ar" grep -q '<dc:language>ar</dc:language>' \
	"$D/ar.opf"
check "rtl: spoken in Arabic" grep -q '^# speech: ar, voice ' \
	"$D/ar/ar.speech.txt"

# --lang names a right-to-left language: the book is right to left too.
run -t epub --lang he -o "$D/he.epub" samples/market-lines.txt
check "--lang he: converts" status_is 0
check "--lang he: dir=rtl" sh -c "unzip -p '$D/he.epub' EPUB/article.xhtml |
	grep -q '<html [^>]*lang=\"he\" xml:lang=\"he\" dir=\"rtl\"'"
# A left-to-right article has no dir at all.
run -t epub -o "$D/en.epub" samples/market-lines.txt
check "ltr: no dir" sh -c "! unzip -p '$D/en.epub' EPUB/article.xhtml |
	grep -q ' dir='"
check "ltr: no page progression" sh -c "! unzip -p '$D/en.epub' \
	EPUB/package.opf | grep -q page-progression"

# Detected, in the tree and in -v; Spanish without a header.
printf 'El ayuntamiento anunció el martes que el nuevo puente abrirá en ' >"$D/es.txt"
printf 'primavera, después de dos años de obras y de una larga discusión.\n' >>"$D/es.txt"
run -v -t tree -o "$D/es.tree.xml" "$D/es.txt"
check "detected: Spanish" \
	grep -q '<language from="detected">es</language>' "$D/es.tree.xml"
check "detected: -v says so" err_has 'info: language: es, told from the text'
run -t tree --lang fr -o "$D/fr.tree.xml" "$D/es.txt"
check "detected: --lang wins" \
	grep -q '<language from="option">fr</language>' "$D/fr.tree.xml"

# A script lector has no language for: undetermined, said once; the
# book claims no conformance it lacks; audio has no voice and says so.
printf 'ಕನ್ನಡ ಒಂದು ಭಾಷೆ.\n' >"$D/kn.txt"
run -t epub,mp3 -o "$D/kn" "$D/kn.txt"
check "und: audio fails the input" status_is 1
check "und: one warning, one error" err_lines 2
check "und: the warning names the script" \
	err_has 'warning: language: not known for its script (Knda)'
check "und: the error says why" err_has 'error: the language of the text could not be told'
check "und: the EPUB is written, lang=und" sh -c "unzip -p '$D/kn/kn.epub' \
	EPUB/package.opf | grep -q '<dc:language>und</dc:language>'"
check "und: no WCAG conformance claimed" sh -c "! unzip -p '$D/kn/kn.epub' \
	EPUB/package.opf | grep -q conformsTo"

# HTML whatever its name: one line, status 1, nothing written; the batch
# goes on; --from txt reads it as text when that is what is wanted.
mkdir -p "$D/web"
printf '<!DOCTYPE html>\n<html><body><p>Hello</p></body></html>\n' \
	>"$D/web/page.txt"
cp samples/market-lines.txt "$D/web/"
run -t tree -o "$D/web-out" "$D/web"
check "html: the batch fails that input" status_is 1
check "html: one line" err_lines 1
check "html: the line says why" \
	err_has 'page.txt: error: an HTML document, not an article in plain text'
check "html: nothing written for it" [ ! -e "$D/web-out/page.tree.xml" ]
check "html: the other input converts" [ -s "$D/web-out/market-lines.tree.xml" ]
run -t tree --from txt -o "$D/page.tree.xml" "$D/web/page.txt"
check "html: --from txt reads it" status_is 0
check "html: as text" grep -q 'DOCTYPE' "$D/page.tree.xml"

# HTML character references left by a web export: decoded, said once;
# the headline that starts with one is still the headline, and the pound
# sign is spoken.  A text that shows tags as written keeps them.
printf '&#163;5m deal for Q&amp;A firm\n\nThe firm said &quot;yes&quot; on Monday, and &bogus; stays.\n' >"$D/refs.txt"
run -t tree,speech -o "$D/refs" "$D/refs.txt"
check "refs: converts" status_is 0
check "refs: one warning" err_lines 1
check "refs: it counts them" err_has 'refs.txt:1: warning: 4 HTML character references'
check "refs: the headline is the title" \
	grep -q '<title from="text" line="1">£5m deal for Q&amp;A firm</title>' \
	"$D/refs/refs.tree.xml"
check "refs: an unknown name stays" grep -q '"yes" on Monday, and &amp;bogus; stays' \
	"$D/refs/refs.tree.xml"
check "refs: pounds spoken" grep -q '5 million pounds deal' \
	"$D/refs/refs.speech.txt"

# A passage in another script gets its own language: in the tree, in
# the EPUB (with its direction), and in speech its own voice: an Arabic
# sentence said by the Arabic voice takes seconds, read as English
# letter names it took half a minute.
printf 'Talks Resume in Cairo\n\nThe minister opened the talks with a line from a poem, which he read in Arabic before he went on in English.\n\n' >"$D/passage.txt"
printf 'يرغب نادي المدينة في بناء ملعب جديد قبل الموسم المقبل.\n\n' >>"$D/passage.txt"
printf 'He then spoke for an hour about the water of the river and the farms along it.\n' >>"$D/passage.txt"
run -t tree,epub,speech,vtt -o "$D/passage" "$D/passage.txt"
check "passage: converts" status_is 0
check "passage: English, from the text" \
	grep -q '<language from="detected">en</language>' "$D/passage/passage.tree.xml"
check "passage: the Arabic paragraph is ar" \
	grep -q '<paragraph line="5" lang="ar">' "$D/passage/passage.tree.xml"
check "passage: the English ones have no lang" \
	[ "$(grep -c '<paragraph line="[0-9]*">' "$D/passage/passage.tree.xml")" -eq 2 ]
check "passage: EPUB lang, xml:lang and dir" sh -c "unzip -p \
	'$D/passage/passage.epub' EPUB/article.xhtml |
	grep -q '<p lang=\"ar\" xml:lang=\"ar\" dir=\"rtl\">'"
"$TESTBIN/epubtool" structure "$D/passage/passage.epub" "$D/passage/passage.tree.xml"
check "passage: speech says it in Arabic" \
	grep -q '^# language: ar$' "$D/passage/passage.speech.txt"
cue_seconds() {
	grep -B1 'يرغب' "$D/passage/passage.vtt" | head -n 1 |
	    awk -F' --> ' '{ split($1, a, ":"); split($2, b, ":");
		print int((b[2] * 60 + b[3]) - (a[2] * 60 + a[3])) }'
}
check "passage: said in seconds, not spelled out" \
	[ "$(cue_seconds)" -lt 10 ]

# EPUBCheck and Ace on the right-to-left, the undetermined book and the
# one with a passage in Arabic.
CHECK=$SHARED/tools/check-epub
if [ "${LECTOR_SKIP_CHECKERS:-}" = 1 ]; then
	skip 3 "languages: check-epub (LECTOR_SKIP_CHECKERS=1)"
elif [ ! -x "$CHECK" ] || { ! "$CHECK" "$D/ar/ar.epub" >"$D/probe" 2>&1 &&
    ! grep -q '^epubcheck errors=' "$D/probe"; }; then
	skip 3 "languages: check-epub (EPUBCheck, Ace) not installed"
else
	for book in "$D/ar/ar.epub" "$D/kn/kn.epub" "$D/passage/passage.epub"; do
		check "check-epub $(basename "$book")" "$CHECK" "$book"
	done
fi
