#!/bin/sh
# SPDX-License-Identifier: ISC
# Real texts in their wrappers, as a careful editor would make them:
# every file of the varied corpus converts to every text format with the
# title, author and language its wrapper gives, and the oracles (words,
# EPUB words and structure, large print, speech) pass on it; a Project
# Gutenberg licence follows the work as back matter, never in its first
# chapter; news quotes are block quotes, nested; a signature is set
# apart; preformatted blocks keep their lines in every format.  Audio is
# made of every file, and EPUBCheck and Ace run on its book, with
# LECTOR_CHECK_CORPUS=1 (minutes); a language
# espeak-ng has no voice for fails audio only, naming the language.
. tests/cli/lib.sh

V=$SHARED/corpus/varied
D=$TMPDIR/77-wrappers
mkdir -p "$D"
nvaried=0
[ -d "$V" ] && nvaried=$(ls "$V"/*.txt | wc -l)
naudio=0
[ "${LECTOR_CHECK_CORPUS:-}" = 1 ] && naudio=$nvaried
# 15 checks a file (the Tagalog book has one for its cues, not two), 34
# on the Gutenberg book, Arabic news, the news post and the preformatted
# shape.
ntl=0
[ -f "$V/gutenberg-florante_at_laura.txt" ] && ntl=1
plan $((nvaried * 15 - ntl + naudio * 3 + 34))

# expect NAME: the title, first author and language a careful editor
# would give the file (tab-separated), or nothing for one not listed.
expect() {
	while IFS='	' read -r name title author lang; do
		[ "$name" = "$1" ] && printf '%s\t%s\t%s\n' "$title" "$author" "$lang"
	done <<'LIST'
gutenberg-art_of_war	The Art of War	Sunzi	en
gutenberg-christmas_carol	A Christmas Carol in Prose; Being a Ghost Story of Christmas	Charles Dickens	en
gutenberg-florante_at_laura	Florante at Laura	Francisco Balagtas	tl
gutenberg-metamorphosis	Metamorphosis	Franz Kafka	en
usenet-comp.windows.x-67402	Help! Anything about X.	CHAN Yin Mei	en
usenet-comp.windows.x-67445	X-Face?	Rick Miller	en
usenet-rec.autos-103070	Re: Manual Shift Bigots	Andrew A. Spencer	en
usenet-rec.autos-103148	Thanks - '86 Nova Advice	Jim Knoll	en
usenet-sci.crypt-15742	Re: Overreacting (was Re: Once tapped, your code is no good any more)	Jerry Han	en
usenet-sci.crypt-15787	Re: Once tapped, your code is no good any more.	Steve Brinich	en
usenet-sci.electronics-53994	Re: Can Radio Freq. Be Used To Measure Distance?	G. Stewart Beal	en
usenet-sci.electronics-54036	Re: Laser vs Bubblejet?	Graham Wilson	en
usenet-soc.religion.christian-21422	Re: Why do people become atheists?	Thomas Galen Ault	en
usenet-soc.religion.christian-21462	Re: Question about Virgin Mary	Stephen A. Creps	en
usenet-talk.politics.mideast-76382	Re: Israel's Expansion II	David F. Skoll	en
usenet-talk.politics.mideast-76436	Re: Happy Birthday Israel!	Jake Livni	en
LIST
}

# meta FILE ELEMENT: the text of the first metadata element of a tree.
meta() {
	sed -n "s/^ *<$2\( [^>]*\)*>\(.*\)<\/$2>$/\2/p" "$1" | head -n 1 |
	    sed 's/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g'
}

if [ "$nvaried" -eq 0 ]; then
	skip 0 "$(basename "$0"): no $V (the shared folder beside the clone)"
fi
for f in "$V"/*.txt; do
	[ -f "$f" ] || continue
	name=$(basename "$f" .txt)
	b=$D/$name
	# Cues need a voice: espeak-ng has none for Tagalog.
	case $name in
	*florante*)	formats=tree,epub,large-print,speech ;;
	*)		formats=tree,epub,large-print,speech,vtt ;;
	esac
	run -q -t $formats -o "$D" "$f"
	check "wrappers: $name converts to every text format" status_is 0
	want=$(expect "$name")
	case $name in
	arabic-*)
		# No wrapper: the first sentence names it, in Arabic.
		check "wrappers: $name title from its text" \
			grep -q '<title from="sentence">' "$b.tree.xml"
		check "wrappers: $name has no author" \
			sh -c "! grep -q '<author>' '$b.tree.xml'"
		check "wrappers: $name is ar" [ "$(meta "$b.tree.xml" language)" = ar ]
		;;
	*)
		check "wrappers: $name title" \
			[ "$(meta "$b.tree.xml" title)" = "$(printf '%s' "$want" | cut -f 1)" ]
		check "wrappers: $name author" \
			[ "$(meta "$b.tree.xml" author)" = "$(printf '%s' "$want" | cut -f 2)" ]
		check "wrappers: $name language" \
			[ "$(meta "$b.tree.xml" language)" = "$(printf '%s' "$want" | cut -f 3)" ]
		;;
	esac
	"$TESTBIN/words" "$f" "$b.tree.xml"
	"$TESTBIN/epubtool" words "$b.epub" "$b.tree.xml"
	"$TESTBIN/epubtool" structure "$b.epub" "$b.tree.xml"
	# lpcheck: width, pages, words, structure (4 checks).
	"$TESTBIN/lpcheck" 40 24 "$b.tree.xml" "$b.large-print.txt"
	"$TESTBIN/speechcheck" speech "$b.speech.txt" "$b.tree.xml"
	if [ "$formats" = "${formats%vtt}" ]; then
		run -q -t vtt -o "$b.vtt" "$f"
		check "wrappers: $name cues need a voice, named" \
			err_has "no voice for the language 'tl'"
	else
		"$TESTBIN/speechcheck" vtt "$b.vtt" "$b.tree.xml"
	fi
	if [ "$naudio" -gt 0 ]; then
		if [ "${LECTOR_SKIP_CHECKERS:-}" = 1 ] ||
		    [ ! -x "$SHARED/tools/check-epub" ]; then
			skip 1 "wrappers: $name check-epub (not run)"
		else
			check "wrappers: $name passes check-epub" \
				"$SHARED/tools/check-epub" "$b.epub"
		fi
		run -q -t mp3 -o "$D/$name.mp3" "$f"
		case $name in
		*florante*)
			# espeak-ng has no Tagalog voice: audio alone fails.
			check "wrappers: $name audio fails" status_is 1
			check "wrappers: $name names the language" \
				err_has "no voice for the language 'tl'"
			;;
		*)
			check "wrappers: $name to MP3" status_is 0
			check "wrappers: $name MP3 written" [ -s "$D/$name.mp3" ]
			;;
		esac
	fi
done

# A Project Gutenberg book: its header is the metadata, its licence the
# last block of the body, marked, and the last chapter of its audio.
G=$V/gutenberg-metamorphosis
g=$D/gutenberg-metamorphosis
if [ -f "$G.txt" ]; then
	check "gutenberg: the licence is the last block" sh -c \
		"grep -B1 '^  </body>' '$g.tree.xml' | grep -q '^    </back-matter>'"
	check "gutenberg: marked as licence" \
		grep -q '<back-matter kind="licence" line="1">' "$g.tree.xml"
	check "gutenberg: the body opens with the work" sh -c \
		"! awk '/<body>/{b=1; next} b' '$g.tree.xml' | head -n 3 |
		 grep -q 'Project Gutenberg'"
	check "gutenberg: the first chapter is the work's" sh -c \
		"! grep '^# chapter' '$g.speech.txt' | head -n 1 | grep -qi gutenberg"
	check "gutenberg: the last chapter is the licence" sh -c \
		"grep '^# chapter' '$g.speech.txt' | tail -n 1 |
		 grep -q ': Licence and notes$'"
	check "gutenberg: the START line is in it" sh -c \
		"awk '/<back-matter/{b=1} b' '$g.tree.xml' |
		 grep -q 'START OF THE PROJECT GUTENBERG EBOOK'"
	check "gutenberg: date from the header" \
		[ "$(meta "$g.tree.xml" date)" = "August 17, 2005" ]
	check "gutenberg: source names the e-book" \
		[ "$(meta "$g.tree.xml" source)" = "Project Gutenberg eBook #5200" ]
	check "gutenberg: EPUB back matter listed in the contents" sh -c \
		"unzip -p '$g.epub' EPUB/nav.xhtml | grep -q 'href=\"article.xhtml#back-matter-1\">Licence and notes<'"
	check "gutenberg: large print sets it under its label" sh -c \
		"tr -d '\\f' <'$g.large-print.txt' | grep -q '^Licence and notes$'"
else
	skip 10 "gutenberg: no $G.txt"
fi

# Arabic news: a right-to-left book in Arabic, spoken in Arabic, its
# sentences told apart.
A=$D/arabic-news-sport2
if [ -f "$V/arabic-news-sport2.txt" ]; then
	check "arabic: <html lang=ar dir=rtl>" sh -c "unzip -p '$A.epub' \
		EPUB/article.xhtml | grep -q '<html [^>]*lang=\"ar\" xml:lang=\"ar\" dir=\"rtl\"'"
	check "arabic: the spine reads right to left" sh -c "unzip -p '$A.epub' \
		EPUB/package.opf | grep -q 'page-progression-direction=\"rtl\"'"
	check "arabic: spoken in Arabic" grep -q '^# speech: ar, ' "$A.speech.txt"
	check "arabic: a paragraph of several sentences" \
		grep -q '</sentence> <sentence' "$A.tree.xml"
else
	skip 4 "arabic: no $V/arabic-news-sport2.txt"
fi

# News: quotes nested by depth; the signature set apart, line by line.
N=$V/usenet-sci.crypt-15742
n=$D/usenet-sci.crypt-15742
if [ -f "$N.txt" ]; then
	check "news: a quote in a quote" sh -c \
		"grep -A1 '^    <blockquote' '$n.tree.xml' | grep -q '^      <blockquote'"
	check "news: no '>' left in quoted text" sh -c \
		"! grep -q '<sentence id=\"s[0-9]*\">&gt;' '$n.tree.xml'"
	check "news: the signature is back matter" \
		grep -q '<back-matter kind="signature"' "$n.tree.xml"
	check "news: its lines one by one" [ "$(awk '/<back-matter/{b=1} b' \
		"$n.tree.xml" | grep -c '<paragraph')" -eq 4 ]
	check "news: no header line in the text" sh -c \
		"! grep -q -e 'Nntp-Posting-Host' -e '>From:' -e 'Lines: 20' '$n.tree.xml'"
	check "news: quotes spoken as quotes" \
		grep -q '^quote	' "$n.speech.txt"
else
	skip 6 "news: no $N.txt"
fi

# The shapes: preformatted blocks in every format, a mail's header.
P=tests/golden/shapes/preformatted.txt
run -q -t tree,epub,large-print,speech -o "$D/pre" "$P"
check "pre: converts" status_is 0
p=$D/pre/preformatted
check "pre: a diagram" grep -q '<preformatted kind="diagram" line="12">' "$p.tree.xml"
check "pre: a table" grep -q '<preformatted kind="text" line="24">' "$p.tree.xml"
check "pre: code" grep -q '<preformatted kind="code" line="37">' "$p.tree.xml"
check "pre: uuencoded data" grep -q '<preformatted kind="data" line="47">begin 644' "$p.tree.xml"
check "pre: base64 data" grep -q '<preformatted kind="data" line="58">' "$p.tree.xml"
check "pre: EPUB names the figure" sh -c \
	"unzip -p '$p.epub' EPUB/article.xhtml | grep -q '<figure id=\"pre-1\" class=\"preformatted diagram\" aria-label=\"Diagram, 7 lines\"><pre>'"
check "pre: EPUB keeps the spaces" sh -c \
	"unzip -p '$p.epub' EPUB/article.xhtml | grep -q '^|  Lamp number  |     State     |'"
check "pre: speech announces the diagram" \
	grep -q '	Diagram, 7 lines\.$' "$p.speech.txt"
check "pre: speech never reads the drawing" \
	sh -c "! cut -f 4 '$p.speech.txt' | grep -q -e '+-+' -e 'plus'"
check "pre: speech never reads encoded data" \
	sh -c "! cut -f 4 '$p.speech.txt' | grep -q -e 'begin 644' -e AAcOFRw"
check "pre: speech reads the table's rows" \
	grep -q '	2         blinking           amber$' "$p.speech.txt"
check "pre: large print keeps a line" \
	grep -q '^0         off                none$' "$p.large-print.txt"
check "pre: large print cuts a wide line with the marker" \
	grep -q '^+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+→$' "$p.large-print.txt"
