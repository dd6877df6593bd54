#!/bin/sh
# SPDX-License-Identifier: ISC
# The read-aloud oracle (tests/tools/talkcheck.c) on books made by hand:
# a good read-aloud EPUB and a good DAISY 2.02 book pass, and each one
# broken in one way fails on the property it breaks.  Then, once lector
# writes them (`-t read-aloud`, `-t daisy` in --help), the oracle on the
# books of every sample and the seed; until then those checks are skipped.
. tests/cli/lib.sh

D=$TMPDIR/86-talkcheck
mkdir -p "$D"
TC=$TESTBIN/talkcheck
SEED=$SHARED/seed/caravan-editorial.txt

# The inputs of lector's own books, once it writes them.
set -- samples/*.txt
[ -f "$SEED" ] && set -- "$@" "$SEED"
ninputs=$#
# 2 good books, 8 broken EPUBs, 8 broken DAISY books; then, for each
# input, 6 lines of talkcheck epub and 7 of talkcheck daisy.
plan $((2 + 8 + 8 + 13 * ninputs))

# ---- The fixtures ------------------------------------------------------------

# The tree: a title, a heading, two sentences, a quote.
cat >"$D/tree.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<document>
  <metadata>
    <title from="header">Tiny Book</title>
    <language from="header">en</language>
  </metadata>
  <body>
    <heading level="2" line="4"><sentence id="s1">First part</sentence></heading>
    <paragraph line="6"><sentence id="s2">One small step.</sentence> <sentence id="s3">Then another.</sentence></paragraph>
    <blockquote line="8"><paragraph line="8"><sentence id="s4">Quoted words here.</sentence></paragraph></blockquote>
  </body>
</document>
EOF
# The audio: what lector says of a few words, some seconds long.
printf 'Title: Tiny Book\n\nOne small step. Then another, and more.\n' \
	>"$D/tiny.txt"
"$LECTOR" -q -t mp3 -o "$D/tiny.mp3" "$D/tiny.txt"

# The clips (1.400 s in all), in every form of clock value SMIL has.
E=$D/epub
mkdir -p "$E/META-INF" "$E/EPUB/audio"
printf 'application/epub+zip' >"$E/mimetype"
cp "$D/tiny.mp3" "$E/EPUB/audio/article.mp3"
cat >"$E/META-INF/container.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
EOF
cat >"$E/EPUB/package.opf" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="en">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">urn:uuid:00000000-0000-4000-8000-000000000000</dc:identifier>
    <dc:title>Tiny Book</dc:title>
    <dc:language>en</dc:language>
    <meta property="dcterms:modified">1980-01-01T00:00:00Z</meta>
    <meta property="media:duration" refines="#article-overlay">0:00:01.400</meta>
    <meta property="media:duration">1.4s</meta>
    <meta property="media:narrator">espeak-ng en</meta>
    <meta property="media:active-class">-epub-media-overlay-active</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="article" href="article.xhtml" media-type="application/xhtml+xml" media-overlay="article-overlay"/>
    <item id="article-overlay" href="article.smil" media-type="application/smil+xml"/>
    <item id="audio" href="audio/article.mp3" media-type="audio/mpeg"/>
  </manifest>
  <spine>
    <itemref idref="article"/>
  </spine>
</package>
EOF
cat >"$E/EPUB/article.xhtml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en"><head><title>Tiny Book</title></head><body><main id="article"><header><h1 id="title">Tiny Book</h1></header><h2 id="section-1"><span id="s1">First part</span></h2><p><span id="s2">One small step.</span> <span id="s3">Then another.</span></p><blockquote id="quote-1"><p><span id="s4">Quoted words here.</span></p></blockquote></main></body></html>
EOF
cat >"$E/EPUB/article.smil" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">
  <body>
    <seq id="seq-1" epub:textref="article.xhtml" epub:type="bodymatter">
      <par id="p-title"><text src="article.xhtml#title"/><audio src="audio/article.mp3" clipBegin="0s" clipEnd="0.400s"/></par>
      <seq id="seq-2" epub:textref="article.xhtml#section-1" epub:type="z3998:section">
        <par id="p-s1"><text src="article.xhtml#s1"/><audio src="audio/article.mp3" clipBegin="0:00:00.400" clipEnd="0:00:00.700"/></par>
        <par id="p-s2"><text src="article.xhtml#s2"/><audio src="audio/article.mp3" clipBegin="750ms" clipEnd="00:01.000"/></par>
        <par id="p-s3"><text src="article.xhtml#s3"/><audio src="audio/article.mp3" clipBegin="1s" clipEnd="1.2s"/></par>
        <seq id="seq-3" epub:textref="article.xhtml#quote-1" epub:type="z3998:quotation">
          <par id="p-s4"><text src="article.xhtml#s4"/><audio src="audio/article.mp3" clipBegin="1.25" clipEnd="0.025min"/></par>
        </seq>
      </seq>
    </seq>
  </body>
</smil>
EOF

# The DAISY book: one folder; a SMIL file for the title and one for the
# section, the same clips (0.400 s and 1.000 s).
Y=$D/daisy/tiny
mkdir -p "$Y"
cp "$D/tiny.mp3" "$Y/audio.mp3"
cat >"$Y/ncc.html" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
<head>
<meta http-equiv="Content-type" content="text/html; charset=utf-8"/>
<title>Tiny Book</title>
<meta name="dc:title" content="Tiny Book"/>
<meta name="dc:format" content="Daisy 2.02"/>
<meta name="ncc:totalTime" content="00:00:01.400"/>
<meta name="ncc:tocItems" content="2"/>
<meta name="ncc:depth" content="2"/>
<meta name="ncc:files" content="6"/>
<meta name="ncc:multimediaType" content="audioFullText"/>
<meta name="ncc:charset" content="utf-8"/>
<meta name="ncc:generator" content="lector"/>
<meta name="ncc:narrator" content="espeak-ng en"/>
<meta name="ncc:setInfo" content="1 of 1"/>
</head>
<body>
<h1 class="title" id="n1"><a href="t001.smil#p-title">Tiny Book</a></h1>
<h2 id="n2"><a href="t002.smil#p-s1">First part</a></h2>
</body>
</html>
EOF
cat >"$Y/content.html" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
<head><title>Tiny Book</title></head>
<body>
<h1 id="title">Tiny Book</h1>
<h2 id="section-1"><span id="s1">First part</span></h2>
<p><span id="s2">One small step.</span> <span id="s3">Then another.</span></p>
<blockquote><p><span id="s4">Quoted words here.</span></p></blockquote>
</body>
</html>
EOF
# smil NAME DUR ELAPSED PARS: a SMIL 1.0 file of DAISY 2.02.
smil() {
	cat >"$Y/$1" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE smil PUBLIC "-//W3C//DTD SMIL 1.0//EN" "http://www.w3.org/TR/REC-smil/SMIL10.dtd">
<smil>
<head>
<meta name="dc:format" content="Daisy 2.02"/>
<meta name="ncc:timeInThisSmil" content="$2"/>
<meta name="ncc:totalElapsedTime" content="$3"/>
<layout><region id="txtView"/></layout>
</head>
<body>
<seq dur="$2">
$4
</seq>
</body>
</smil>
EOF
}
par() {
	echo "<par endsync=\"last\" id=\"p-$1\"><text src=\"content.html#$1\" id=\"t-$1\"/><seq><audio src=\"audio.mp3\" clip-begin=\"npt=$2\" clip-end=\"npt=$3\" id=\"a-$1\"/></seq></par>"
}
smil t001.smil 0.400s 0:00:00 "$(par title 0.000s 0.400s)"
smil t002.smil 1.000s 0:00:00.400 "$(par s1 0.400s 0.700s)
$(par s2 0.750s 1.000s)
$(par s3 1.000s 1.200s)
$(par s4 1.250s 1.500s)"

# ---- The oracle on them ------------------------------------------------------

# variant KIND NAME FILE SED: a copy of the good book with one file
# changed by a sed script, zipped as $D/NAME.zip.
variant() {
	rm -rf "$D/v"
	cp -R "$D/$1" "$D/v"
	[ -z "$3" ] || sed -i "$4" "$D/v/$3"
	"$TESTBIN/epubtool" pack "$D/$2.zip" "$D/v"
}
# passes BOOK KIND [TREE]: talkcheck finds nothing wrong.
passes() {
	"$TC" "$2" "$1" "${3:-$D/tree.xml}" >"$D/tc.out"
	st=$?
	cat "$D/tc.out"
	[ $st -eq 0 ] && ! grep -q '^not ok' "$D/tc.out"
}
# fails BOOK KIND PROPERTY [TREE]: talkcheck exits 1, failing PROPERTY.
fails() {
	"$TC" "$2" "$1" "${4:-$D/tree.xml}" >"$D/tc.out"
	st=$?
	cat "$D/tc.out"
	[ $st -eq 1 ] && grep -q "^not ok .*: $3\$" "$D/tc.out"
}
# Without ffprobe the audio's length is not measured, and without the
# DTDs in the XML catalog (Debian: w3c-sgml-lib) nothing is validated:
# those checks are skipped.
if command -v ffprobe >/dev/null 2>&1; then
	audio_check() { check "$@"; }
else
	audio_check() { skip 1 "$1: no ffprobe"; }
fi
# The tree with one more word in the quote.
sed 's/Quoted words here/Quoted words here again/' "$D/tree.xml" \
	>"$D/tree-more.xml"

variant epub good-epub
check "talkcheck: the hand-made read-aloud EPUB passes" \
	passes "$D/good-epub.zip" epub
variant epub e-missing EPUB/article.smil 's/article.xhtml#s3/article.xhtml#s9/'
check "talkcheck: EPUB par at a missing id fails" \
	fails "$D/e-missing.zip" epub 'text targets'
variant epub e-twice EPUB/article.smil 's/article.xhtml#s3/article.xhtml#s2/'
check "talkcheck: EPUB sentence read twice (one never) fails" \
	fails "$D/e-twice.zip" epub sentences
variant epub e-order EPUB/article.smil \
	's/#s2"/#sX"/; s/#s3"/#s2"/; s/#sX"/#s3"/'
check "talkcheck: EPUB pars out of document order fail" \
	fails "$D/e-order.zip" epub sentences
variant epub e-overlap EPUB/article.smil 's/clipBegin="1s"/clipBegin="0.9s"/'
check "talkcheck: EPUB overlapping clips fail" \
	fails "$D/e-overlap.zip" epub clips
variant epub e-duration EPUB/package.opf 's/0:00:01.400/0:00:01.401/'
check "talkcheck: EPUB wrong media:duration fails" \
	fails "$D/e-duration.zip" epub durations
variant epub e-total EPUB/package.opf 's/>1.4s</>1.5s</'
check "talkcheck: EPUB wrong total media:duration fails" \
	fails "$D/e-total.zip" epub durations
variant epub e-long EPUB/article.smil \
	's/clipEnd="0.025min"/clipEnd="0:01:00"/'
audio_check "talkcheck: EPUB clip past the audio's end fails" \
	fails "$D/e-long.zip" epub 'audio length'
check "talkcheck: EPUB without a word of the tree fails" \
	fails "$D/good-epub.zip" epub words "$D/tree-more.xml"

variant daisy good-daisy
check "talkcheck: the hand-made DAISY book passes" \
	passes "$D/good-daisy.zip" daisy
if grep -q '^skip 1 .*: DTDs: ' "$D/tc.out"; then
	dtd_check() { skip 1 "$1: no XHTML 1.0 and SMIL 1.0 DTDs in the XML catalog"; }
else
	dtd_check() { check "$@"; }
fi
variant daisy d-missing tiny/t002.smil 's/content.html#s3/content.html#s9/'
check "talkcheck: DAISY par at a missing id fails" \
	fails "$D/d-missing.zip" daisy 'text targets'
variant daisy d-ncc tiny/ncc.html 's/t002.smil#p-s1/t002.smil#p-s9/'
check "talkcheck: DAISY ncc link at a missing par fails" \
	fails "$D/d-ncc.zip" daisy 'text targets'
variant daisy d-twice tiny/t002.smil 's/content.html#s3/content.html#s2/'
check "talkcheck: DAISY sentence read twice fails" \
	fails "$D/d-twice.zip" daisy sentences
variant daisy d-overlap tiny/t002.smil \
	's/clip-begin="npt=1.000s"/clip-begin="npt=0.950s"/'
check "talkcheck: DAISY overlapping clips fail" \
	fails "$D/d-overlap.zip" daisy clips
variant daisy d-total tiny/ncc.html 's/00:00:01.400/00:00:01.300/'
check "talkcheck: DAISY wrong ncc:totalTime fails" \
	fails "$D/d-total.zip" daisy durations
variant daisy d-dur tiny/t002.smil 's/<seq dur="1.000s">/<seq dur="1.100s">/'
check "talkcheck: DAISY wrong seq dur fails" \
	fails "$D/d-dur.zip" daisy durations
# SMIL 3's attribute names are not SMIL 1.0's.
variant daisy d-smil tiny/t001.smil 's/clip-begin=/clipBegin=/'
dtd_check "talkcheck: DAISY SMIL file invalid against SMIL 1.0 fails" \
	fails "$D/d-smil.zip" daisy DTDs
variant daisy d-ncc-dtd tiny/ncc.html 's/<h2 id="n2">/<h2 id="n2"><main\/>/'
dtd_check "talkcheck: DAISY ncc.html invalid against XHTML 1.0 fails" \
	fails "$D/d-ncc-dtd.zip" daisy DTDs

# ---- lector's own books --------------------------------------------------------

run --help
if ! out_has 'read-aloud' || ! out_has 'daisy'; then
	skip $((13 * ninputs)) "talkcheck on lector's books: lector has no -t read-aloud and -t daisy yet"
	exit 0
fi
mkdir -p "$D/books"
for in in "$@"; do
	base=$D/books/$(basename "$in" .txt)
	"$LECTOR" -q -t tree,read-aloud,daisy -o "$D/books" "$in"
	"$TC" epub "$base.read-aloud.epub" "$base.tree.xml"
	"$TC" daisy "$base.daisy.zip" "$base.tree.xml"
done
