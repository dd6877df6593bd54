#!/bin/sh
# SPDX-License-Identifier: ISC
# The audio writers: the seed's speech text, WAV headers (file and pipe),
# MP3 tags and chapters read back by ffprobe, WebVTT cues, voices, rates
# and profiles, reproducibility; and, when installed, check-audio
# (speech recognition against the source) on the seed's WAV and MP3 and
# every English sample's MP3.
. tests/cli/lib.sh

D=$TMPDIR/80-audio
mkdir -p "$D"
SEED=$SHARED/seed/caravan-editorial.txt
if [ ! -f "$SEED" ]; then
	plan 1
	skip 1 "$(basename "$0"): no $SEED (the shared folder beside the clone)"
	exit 0
fi
# What speech recognition hears: the seed's WAV and MP3, and the MP3 of
# every sample in English.
ENGLISH=$(grep -L '^Language: *[^e]' samples/*.txt)
nheard=$((2 + $(echo $ENGLISH | wc -w)))
set -- samples/*.txt tests/golden/shapes/*.txt "$SEED"
[ -d "$SHARED/corpus/bbc" ] && set -- "$@" "$SHARED"/corpus/bbc/*.txt
# The speech oracle on every input (structure and words, of the speech
# and of the cues; ids in the EPUB), 53 checks, one-block bodies, what is
# heard.
plan $((5 * $# + 53 + 4 * 4 + nheard))

# What is said, and the cues, against the tree: every sentence in its
# place and kind, with its words (tests/tools/speechcheck.c).
# And what is said has its place in the EPUB: every utterance's id is an
# id of the XHTML, the same sentence by construction.
mkdir -p "$D/oracle"
ids_in_xhtml() {
	cut -f 3 "$1.speech.txt" | grep -v -e '^-$' -e '^#' | sort -u >"$1.ids"
	"$TESTBIN/epubtool" cat "$1.epub" EPUB/article.xhtml |
	    grep -o ' id="[^"]*"' | sed 's/ id="//; s/"$//' | sort -u >"$1.xids"
	[ -s "$1.ids" ] && [ -z "$(comm -23 "$1.ids" "$1.xids")" ]
}
for in in "$@"; do
	base=$D/oracle/$(basename "$in" .txt)
	"$LECTOR" -q -t tree,speech,vtt,epub -o "$D/oracle" "$in"
	"$TESTBIN/speechcheck" speech "$base.speech.txt" "$base.tree.xml"
	"$TESTBIN/speechcheck" vtt "$base.vtt" "$base.tree.xml"
	check "audio: what $(basename "$in") says is in its EPUB, by id" \
		ids_in_xhtml "$base"
done

# The seed's misreadings are fixed in what espeak-ng gets.
run -q -t speech -o "$D/seed.speech" "$SEED"
check "speech: seed converts" status_is 0
check "speech: 300 million dollars" grep -q '300 million dollars' "$D/seed.speech"
check "speech: Emergency in one piece" grep -q 'National Emergency' "$D/seed.speech"
# "slash" only where the article says it ("steps to slash official aid").
no_slash() {
	cut -f 4 "$D/seed.speech" >"$D/seed.said"
	[ -z "$(grep / "$D/seed.said")" ] &&
	[ "$(grep -oi slash "$D/seed.said" | wc -l)" -eq \
	  "$(grep -oi slash "$SEED" | wc -l)" ]
}
check "speech: no slash" no_slash
check "speech: credit as a list" grep -q 'Johan Ordonez, AFP and Getty Images' \
	"$D/seed.speech"
check "speech: caption announced" grep -q '^label	[0-9]*	-	Photo caption\.$' \
	"$D/seed.speech"
check "speech: lead-in not in capitals" [ -z "$(grep 'WITH EACH' "$D/seed.speech")" ]
run -q -t speech -o "$D/flood.speech" samples/flood-sections.txt
check "speech: quote announced" grep -q '^label	[0-9]*	-	Quote\.$' "$D/flood.speech"
check "speech: end of quote announced" grep -q '^label	[0-9]*	-	End quote\.$' \
	"$D/flood.speech"
check "speech: numbered items" grep -q '^item	[0-9]*	s[0-9]*	1\. Photograph' "$D/flood.speech"
check "speech: heading pause is longer" grep -q '^sentence	1200	' "$D/flood.speech"

# Profiles and options.
run -q -t speech --speech slow -o "$D/slow.speech" "$SEED"
check "speech: --speech slow" grep -q '140 words a minute' "$D/slow.speech"
run -q -t speech --rate 200 --pitch 40 --voice en-gb -o "$D/opts.speech" "$SEED"
check "speech: --rate --pitch --voice" \
	grep -q 'voice en-gb, 200 words a minute, pitch 40' "$D/opts.speech"
printf 'rate = 190\nspeak-labels = no\n' >"$D/quiet.conf"
run -q -t speech --speech "$D/quiet.conf" -o "$D/quiet.speech" "$SEED"
check "speech: own profile without labels" \
	[ -z "$(grep -e '^label' -e 'Photo credit' "$D/quiet.speech")" ]

# WAV: RIFF sizes right in a file; open-ended on a pipe.
run -q -t wav -o "$D/seed.wav" "$SEED"
check "wav: converts" status_is 0
size=$(wc -c <"$D/seed.wav")
le32() { od -An -tu4 -j "$2" -N4 "$1" | tr -d ' '; }
check "wav: RIFF size" [ "$(le32 "$D/seed.wav" 4)" -eq $((size - 8)) ]
check "wav: data size" [ "$(le32 "$D/seed.wav" 40)" -eq $((size - 44)) ]
check "wav: 22050 Hz" [ "$(le32 "$D/seed.wav" 24)" -eq 22050 ]
check "wav: PCM mono 16-bit" \
	[ "$(od -An -tx1 -j 20 -N4 "$D/seed.wav" | tr -d ' ')" = 01000100 ]
"$LECTOR" -q -t wav -o - "$SEED" | cat >"$D/pipe.wav"
check "wav: on a pipe, the sizes are known too" \
	[ "$(le32 "$D/pipe.wav" 40)" -eq $((size - 44)) ]
check "wav: on a pipe, the same bytes" cmp -s "$D/pipe.wav" "$D/seed.wav"
# A terminal on standard output (script(1) makes one) gets no audio.
if command -v script >/dev/null 2>&1; then
	script -qec "'$LECTOR' -q -t wav -o - '$SEED'" /dev/null \
		>"$TMPDIR/tty" 2>&1 </dev/null
	status=$?
	err=$(cat "$TMPDIR/tty")
	check "wav: not written to a terminal: exits 2" status_is 2
	check "wav: not written to a terminal: says why" \
		err_has 'will not write wav to a terminal'
else
	skip 2 "wav: not written to a terminal: no script(1)"
fi

# Voices: a language without one is this file's error, not a crash.
printf 'Title: Klingon\nLanguage: tlh\n\nQapla.\n' >"$D/tlh.txt"
run -q -t wav -o "$D/tlh.wav" "$D/tlh.txt"
check "voice: language without a voice exits 1" status_is 1
check "voice: says so in one line" err_lines 1
check "voice: names the language" err_has "no voice for the language 'tlh'"
check "voice: nothing written" [ ! -e "$D/tlh.wav" ]
run -q -t mp3 --voice nosuchvoice -o "$D/novoice.mp3" "$SEED"
check "voice: unknown --voice exits 1" status_is 1
check "voice: unknown --voice named" err_has "no voice 'nosuchvoice'"
run -q -t wav -o "$D/es.wav" samples/mercado-es.txt
check "voice: Spanish from Language: es" status_is 0

# VTT: one cue per spoken sentence, times in order.
run -q -t vtt -o "$D/seed.vtt" "$SEED"
check "vtt: header" [ "$(head -n 1 "$D/seed.vtt")" = WEBVTT ]
check "vtt: a cue per utterance" [ "$(grep -c -- ' --> ' "$D/seed.vtt")" -eq \
	"$(grep -vc -e '^#' -e '^break' "$D/seed.speech")" ]
check "vtt: times never go back" awk -F' --> ' '/ --> / {
	if ($1 < last || $2 < $1) bad = 1; last = $2 } END { exit bad }' "$D/seed.vtt"
check "vtt: text as written" grep -q 'just under \$300 million' "$D/seed.vtt"

# MP3: tags and chapters, read back by ffprobe.
run -q -t mp3 -o "$D/seed.mp3" "$SEED"
check "mp3: converts" status_is 0
check "mp3: ID3v2.4 first" [ "$(head -c 4 "$D/seed.mp3" | od -An -tx1 | tr -d ' ')" = 49443304 ]
run -q -t mp3 -o "$D/flood.mp3" samples/flood-sections.txt
run -q -t mp3 -o "$D/library.mp3" samples/library-byline.txt
if command -v ffprobe >/dev/null 2>&1; then
	chapters() { ffprobe -v error -show_chapters "$1" | grep -c '^\[CHAPTER\]'; }
	titles() { ffprobe -v error -show_chapters "$1" | sed -n 's/^TAG:title=//p'; }
	tag() { ffprobe -v error -show_entries "format_tags=$2" -of csv=p=0 "$1"; }
	check "mp3: seed has a chapter per paragraph and the caption" \
		[ "$(chapters "$D/seed.mp3")" -eq 8 ]
	check "mp3: seed's first chapter is the caption" \
		[ "$(titles "$D/seed.mp3" | head -n 1)" = "Photo caption" ]
	check "mp3: flood has title and three sections" \
		[ "$(chapters "$D/flood.mp3")" -eq 4 ]
	check "mp3: chapter titles are the headings" [ "$(titles "$D/flood.mp3" |
		tr '\n' '|')" = "After the Flood, Riverton Weighs How to Rebuild|What Happened|The Cost of Recovery|What Residents Can Do Now|" ]
	check "mp3: title tag" [ "$(tag "$D/library.mp3" title)" = \
		"Small-Town Library Reinvents Itself as a Community Workshop" ]
	artist_has() { tag "$1" artist | grep -q "$2"; }
	check "mp3: artist tag" artist_has "$D/library.mp3" 'Clara Whitmore'
	check "mp3: genre Speech" [ "$(tag "$D/library.mp3" genre)" = Speech ]
	check "mp3: date" [ "$(tag "$D/library.mp3" date)" = 2026-03-14 ]
	check "mp3: language" [ "$(tag "$D/library.mp3" language)" = eng ]
	ends_at_end() {
		ffprobe -v error -show_chapters -show_format "$1" -of flat |
		awk -F= '
		/chapters\.chapter\.[0-9]+\.end_time/ { gsub(/"/, "", $2); e = $2 }
		/format\.duration/ { gsub(/"/, "", $2); d = $2 }
		END { exit !(e > 0 && d - e < 1 && e - d < 1) }'
	}
	check "mp3: last chapter ends at the end" ends_at_end "$D/seed.mp3"
else
	skip 10 "mp3: ffprobe not installed"
fi

# A body of one block only (a list, a quote, a caption, a heading) is an
# article like any other, in every audio format.
for shape in only-list only-quote only-caption only-heading; do
	run -t speech,mp3,wav,vtt -o "$D/$shape" "tests/golden/shapes/$shape.txt"
	check "audio: $shape converts" status_is 0
	check "audio: $shape: no sanitizer report" no_sanitizer
	check "audio: $shape: every format written" test -s "$D/$shape/$shape.mp3" \
		-a -s "$D/$shape/$shape.wav" -a -s "$D/$shape/$shape.vtt" \
		-a -s "$D/$shape/$shape.speech.txt"
	check "audio: $shape: spoken in a chapter" \
		grep -q '^# chapter 1: ' "$D/$shape/$shape.speech.txt"
done

# mp3, wav and vtt asked for together: one synthesis, the same files.
run -v -t mp3,wav,vtt -o "$D/once" "$SEED"
check "audio: -t mp3,wav,vtt converts" status_is 0
check "audio: -t mp3,wav,vtt speaks the article once" \
	[ "$(printf '%s\n' "$err" | grep -c 'info: spoke ')" -eq 1 ]
check "audio: one synthesis, the same MP3" \
	cmp -s "$D/once/caravan-editorial.mp3" "$D/seed.mp3"
check "audio: one synthesis, the same WAV" \
	cmp -s "$D/once/caravan-editorial.wav" "$D/seed.wav"
check "audio: one synthesis, the same cues" \
	cmp -s "$D/once/caravan-editorial.vtt" "$D/seed.vtt"

# Same bytes twice, and in a batch with another article first.
run -q -t mp3,wav -o "$D/again" samples/library-byline.txt "$SEED"
check "audio: reproducible mp3" cmp -s "$D/again/caravan-editorial.mp3" "$D/seed.mp3"
check "audio: reproducible wav" cmp -s "$D/again/caravan-editorial.wav" "$D/seed.wav"

# Speech recognition against the source, when installed.
CHECK=$SHARED/tools/check-audio
if [ "${LECTOR_SKIP_CHECKERS:-}" = 1 ]; then
	skip $nheard "audio: check-audio (LECTOR_SKIP_CHECKERS=1)"
elif ! [ -x "$CHECK" ] || ! command -v pocketsphinx_continuous >/dev/null 2>&1; then
	skip $nheard "audio: check-audio (pocketsphinx, ffmpeg) not installed"
else
	set -- "$D/seed.wav:$SEED" "$D/seed.mp3:$SEED"
	for in in $ENGLISH; do
		base=$(basename "$in" .txt)
		"$LECTOR" -q -t mp3 -o "$D/$base.mp3" "$in"
		set -- "$@" "$D/$base.mp3:$in"
	done
	for pair in "$@"; do echo "$pair"; done | xargs -P 2 -I{} sh -c '
		audio=${2%%:*} text=${2#*:}
		if line=$("$1" "$audio" "$text" 2>/dev/null); then
			echo "ok check-audio $(basename "$audio"): $line"
		else
			echo "not ok check-audio $(basename "$audio"): $line"
		fi' sh "$CHECK" {}
fi
