#!/bin/sh
# SPDX-License-Identifier: ISC
# Braille (-t brf, -t braille-text): for every sample, shape, fixture
# (tests/cli/data), the seed, a made-up article with every block kind
# (and the corpus with LECTOR_CHECK_CORPUS=1), the oracle
# (tests/tools/brlcheck.c: geometry, page numbers, words back-translated,
# structure by BANA's formats) on the BRF and the braille-text in grade
# 2, and on the BRF in grade 1, every word wanted; then what UEB makes
# of quotes, apostrophes and currency, the UKAAF profile, a table named
# with --braille-table, a language liblouis has no table for; and the
# oracle itself, on a good BRF broken seven ways, must say "not ok".
. tests/cli/lib.sh

D=$TMPDIR/88-braille
mkdir -p "$D/g1" "$D/ukaaf"
C=$TESTBIN/brlcheck
SEED=$SHARED/seed/caravan-editorial.txt

# The made-up article: every block kind the reader makes (headings are
# all level 2 from text), typographic quotes, apostrophes, dashes, money,
# accents, digits and a word of 60 letters.
M=$D/braille-blocks.txt
cat >"$M" <<'EOF'
Title: A Harbour Fair for Every Reader, in Braille
Author: Ada Lovell
Date: 2026-03-14
Source: The Harbour Courier

Fishing boats line the quay at dawn on the day of the fair. (Rae Smith/Coastline Photos)

Trump’s plan — which costs £5 or €3 a head – was “popular”, said the café’s owner, José Núñez, who has sold 1,234 crêpes since 1998.

The word Pneumonoultramicroscopicsilicovolcanoconiosisandmorelettersx has 60 letters, more than a line holds, and it's cut.

What to Bring

- Warm clothes for the wind off the water
- A bag for the smoked fish, and a second bag for the bread

The Programme

1. The boat parade sets off at ten.
2. The rowing race starts at noon, whatever the weather.

> The fair is older than the harbour wall itself.
>
> We hope to keep it going for another hundred years.

The bench reads a frame like this:

    int read_frame(int fd, struct frame *f) {
        if (read(fd, f, sizeof(*f)) != sizeof(*f))
            return -1;
        return check(f) ? 0 : -1;
    }

The fair closes at dusk with lanterns on the water, and the last boat leaves the quay at nine.
EOF

set -- samples/*.txt tests/golden/shapes/*.txt tests/cli/data/*.txt "$M"
[ -f "$SEED" ] && set -- "$@" "$SEED"
# The corpus too with LECTOR_CHECK_CORPUS=1, but its Tagalog book, for
# which liblouis has no table (checked below); a word dropped in its
# longest book must still be found lost (checked at the end).
FLORANTE=
BOOK=
if [ "${LECTOR_CHECK_CORPUS:-}" = 1 ] && [ -d "$SHARED/corpus" ]; then
	set -- "$@" "$SHARED"/corpus/bbc/*.txt $(ls "$SHARED"/corpus/varied/*.txt |
	    grep -v florante)
	FLORANTE=$(ls "$SHARED"/corpus/varied/*florante*.txt 2>/dev/null)
	BOOK=$(ls "$SHARED"/corpus/varied/*art_of_war*.txt 2>/dev/null)
fi
# Chinese: liblouis's Mandarin table writes it one way only, so there
# is no reading it back; its own checks below, not the oracle's.
n=$(printf '%s\n' "$@" | grep -vc 'zh-library')
[ -f "$SEED" ] || n=$((n + 1))
plan $((12 * n + (${FLORANTE:+2} + 0) + (${BOOK:+1} + 0) + 6 + 15 + 8 +
    8 + 5))
[ -f "$SEED" ] || skip 12 "88-braille: no $SEED (the shared folder beside the clone)"

# table_of ERR: the table of lector's "info: braille: TABLE" line.
table_of() { sed -n 's/.*: info: braille: //p' "$1" | head -n 1; }

# The oracle: grade 2 BRF and braille-text (4 lines each), grade 1 BRF
# with every word wanted (4).
for in in "$@"; do
	case $in in *zh-library*) continue ;; esac
	b=$(basename "$in" .txt)
	# The oracle reads with the table lector says (-v) it wrote with:
	# which table a language gets is checked on its own below.
	"$LECTOR" -v -t tree,brf,braille-text -o "$D" "$in" 2>"$D/$b.err"
	"$LECTOR" -v --braille-grade 1 -t brf -o "$D/g1" "$in" 2>"$D/$b.g1"
	t2=$(table_of "$D/$b.err")
	t1=$(table_of "$D/$b.g1")
	"$C" "${t2:--}" "$D/$b.tree.xml" "$D/$b.brf"
	"$C" "${t2:--}" "$D/$b.tree.xml" "$D/$b.braille.txt"
	"$C" -u "${t1:--}" "$D/$b.tree.xml" "$D/g1/$b.brf"
done

# A language liblouis has no table for: that file fails, in one line
# naming the language.
printf 'Muling binuksan ang aklatan\n\nMuling binuksan ang aklatan ng bayan noong Sabado matapos ang dalawang taon ng pagkukumpuni. Maraming mamamayan ang pumila sa labas bago pa man magbukas ang mga pinto, at ang mga bata ay masayang nagbasa ng mga bagong aklat.\n' >"$D/aklatan.txt"
run -q -t brf -o "$D/tl1" "$D/aklatan.txt" samples/flood-sections.txt
check "braille: Tagalog (no table) is status 1" status_is 1
check "braille: in one line naming the language" \
	sh -c "[ \"\$(grep -c . '$TMPDIR/err')\" -eq 1 ] && grep -q \"'tl'\" '$TMPDIR/err'"
check "braille: and no BRF left for it" [ ! -e "$D/tl1/aklatan.brf" ]
check "braille: the batch goes on" [ -s "$D/tl1/flood-sections.brf" ]
run -v -t brf -o "$D/zh" tests/cli/data/zh-library.txt
check "braille: Chinese is written" status_is 0
check "braille: with liblouis's Mandarin table" err_has 'braille: .*zhcn'
if [ -n "$FLORANTE" ]; then
	run -q -t brf -o "$D/tl" "$FLORANTE"
	check "braille: the Tagalog book (no table) is status 1" status_is 1
	check "braille: in one line naming the language" \
		sh -c "[ \"\$(grep -c . '$TMPDIR/err')\" -eq 1 ] && grep -q \"'tl'\" '$TMPDIR/err'"
fi

# What UEB makes of the made-up article: no liblouis escape for a
# character a table lacks ('\x2019'), an apostrophe as dot 3, pounds and
# euros after dot 4 ("@", the BRF's letters in lower case), quotes and
# dashes as UEB has them.
B=$D/braille-blocks.brf
G=$D/g1/braille-blocks.brf
CR=$(printf '\r')
FF=$(printf '\f')
check "braille: no \\x escape in the BRF" [ -z "$(grep -i '\\x' "$B")" ]
check "braille: no \\x escape in grade 1" [ -z "$(grep -i '\\x' "$G")" ]
check "braille: Trump’s is ,trump's" grep -q ",trump's" "$B"
check "braille: £5 is @l#e" grep -q '@l#e' "$B"
check "braille: €3 is @e#c" grep -q '@e#c' "$B"
check "braille: letters in lower case, no \` { | } ~" \
	[ -z "$(tr -d '\r\f' <"$B" | grep '[A-Z`{|}~]')" ]
check "braille: curly quotes are 8 and 0" grep -q '8popul>0' "$B"
check "braille: the em dash is ,-" grep -q ' ,- ' "$B"
check "braille: é in café is ^/e" grep -q "caf^/e" "$B"
check "braille: digits after the numeric indicator" grep -q '#a1bcd' "$B"
check "braille: the caption's label between transcriber's notes" \
	grep -q '^      @\.<,photo cap;n@\.> ' "$B"
check "braille: the 60-letter word cut with dot 5" \
	grep -q "^,pneumon[^ ]*\"$CR\$" "$B"
check "braille: the same cells in braille-text" sh -c \
	"[ \"\$(wc -l <'$D/braille-blocks.braille.txt')\" -eq \"\$(wc -l <'$B')\" ]"
check "braille: braille-text lines end in LF alone" \
	[ -z "$(tr -cd '\r' <"$D/braille-blocks.braille.txt")" ]
run -q -t brf -o "$D/again" "$M"
check "braille: two runs, same bytes" cmp -s "$D/again/braille-blocks.brf" "$B"

# The UKAAF profile (numbers on top), a table by name, a narrow page.
run -q --braille-layout ukaaf -t brf -o "$D/ukaaf" "$M"
"$C" --ukaaf - "$D/braille-blocks.tree.xml" "$D/ukaaf/braille-blocks.brf"
run -q --braille-table en-ueb-g1.ctb -t brf -o "$D/table" "$M"
"$C" -u en-ueb-g1.ctb "$D/braille-blocks.tree.xml" \
    "$D/table/braille-blocks.brf"

# The display profile: no pages, no numbers, lines of 40 cells, LF.
run -q --braille-layout display -t brf -o "$D/display" "$M"
check "braille: display profile has no form feed, no CR" \
	[ -z "$(tr -cd '\f\r' <"$D/display/braille-blocks.brf")" ]
check "braille: display profile lines are at most 40 cells" \
	[ "$(awk '{ if (length($0) > w) w = length($0) } END { print w }' \
	    "$D/display/braille-blocks.brf")" -le 40 ]
check "braille: display profile has no page number" \
	sh -c "! grep -q '^ *#[a-j]*\$' '$D/display/braille-blocks.brf'"
# What the command line names and liblouis lacks is a usage error.
run --braille-table no-such.ctb -t brf -o "$D/bad" "$M"
check "braille: an unknown table is a usage error, in one line" \
	sh -c '[ "$1" -eq 2 ] && [ "$(printf "%s\n" "$2" | grep -c .)" -eq 1 ]' \
	sh "$status" "$err"
printf 'cells = 40\nlines = 3\n' >"$D/tiny.conf"
run --braille-layout "$D/tiny.conf" -t brf -o "$D/bad" "$M"
check "braille: a page with no room for text is a usage error" \
	sh -c '[ "$1" -eq 2 ] && printf "%s" "$2" | grep -q "too little room"' \
	sh "$status" "$err"

# The oracle fails a good BRF broken one way at a time (grade 1, where
# every word is wanted); fails NAME PROPERTY FILE [OPTION].
fails() {
	"$C" $4 -u - "$D/braille-blocks.tree.xml" "$3" >"$D/fails.out" 2>&1
	grep -q "^not ok brlcheck [^:]*: $2" "$D/fails.out"
}
cp "$G" "$D/good.brf"
# A number line is 40 cells: one more.
sed "25s/$CR\$/a$CR/" "$D/good.brf" >"$D/wide.brf"
sed '10d' "$D/good.brf" >"$D/short.brf"
sed "26s/^$FF//" "$D/good.brf" >"$D/noff.brf"
sed "s/,trump's //" "$D/good.brf" >"$D/dropped.brf"
sed "s/^  ,trump's/,trump's/" "$D/good.brf" >"$D/cell1.brf"
sed "25s/#a$CR\$/#b$CR/" "$D/good.brf" >"$D/number.brf"
sed "5s/^/{/" "$D/good.brf" >"$D/byte.brf"
check "brlcheck: passes the good BRF" sh -c \
	"'$C' -u - '$D/braille-blocks.tree.xml' '$D/good.brf' >'$D/good.out' &&
	[ \"\$(grep -c '^ok' '$D/good.out')\" -eq 4 ]"
check "brlcheck: a line of 41 cells" fails wide geometry "$D/wide.brf"
check "brlcheck: a page of 24 lines" fails short geometry "$D/short.brf"
check "brlcheck: a missing form feed" fails noff geometry "$D/noff.brf"
check "brlcheck: a dropped word" fails dropped words "$D/dropped.brf"
check "brlcheck: a paragraph at cell 1" fails cell1 structure "$D/cell1.brf"
check "brlcheck: a wrong page number" fails number 'page numbers' \
	"$D/number.brf"
check "brlcheck: a byte that is not Braille ASCII" fails byte geometry \
	"$D/byte.brf"

# A book of 59,000 words: one word out of a line in the middle of its
# grade 1 BRF (the second of the first line there with three or more and
# no number) is lost: the match must not have lost its place by then.
if [ -n "$BOOK" ]; then
	b=$(basename "$BOOK" .txt)
	awk -v m="$(($(wc -l <"$D/g1/$b.brf") / 2))" 'NR >= m && !done &&
	    NF >= 3 && !/#/ { sub(/ [^ ]+ /, " "); done = 1 } { print }' \
	    "$D/g1/$b.brf" >"$D/book-dropped.brf"
	check "brlcheck: a word dropped in the middle of a book" sh -c \
		"! cmp -s '$D/g1/$b.brf' '$D/book-dropped.brf' &&
		'$C' -u - '$D/$b.tree.xml' '$D/book-dropped.brf' |
		grep -q '^not ok brlcheck [^:]*: words'"
fi
