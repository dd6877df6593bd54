#!/bin/sh
# SPDX-License-Identifier: ISC
# The large-print writer: for every sample, shape, fixture
# (tests/cli/data), the seed and the corpus, with every profile, no line
# wider than the profile, every page exactly its length with its number,
# no heading last on a page, and the article's words in order
# (tests/tools/lpcheck.c); then where lines break (Chinese, titles before
# names), stacked headings, capitals, the options, ASCII, custom profiles
# and reproducibility.
. tests/cli/lib.sh

D=$TMPDIR/70-large-print
mkdir -p "$D"
C=$TESTBIN/lpcheck
SEED=$SHARED/seed/caravan-editorial.txt
if [ ! -f "$SEED" ]; then
	plan 1
	skip 1 "$(basename "$0"): no $SEED (the shared folder beside the clone)"
	exit 0
fi

# has FILE PATTERN: a line of FILE, form feeds aside, matches.
has() { tr -d '\f' <"$1" | grep -q -- "$2"; }

set -- samples/*.txt tests/golden/shapes/*.txt tests/cli/data/*.txt "$SEED"
[ -d "$SHARED/corpus/bbc" ] && set -- "$@" "$SHARED"/corpus/bbc/*.txt
# Every input at three paged profiles (4 checks each) and on screen (3).
plan $(($# * (3 * 4 + 3) + 47))
for in in "$@"; do
	tree=$D/$(basename "$in" .txt).tree.xml
	"$LECTOR" -q -t tree -o "$tree" "$in"
	for profile in 16pt:46:27 18pt:40:24 24pt:30:18 screen:40:0; do
		name=${profile%%:*}
		rest=${profile#*:}
		width=${rest%%:*}
		lines=${rest#*:}
		out=$D/$(basename "$in" .txt).$name.txt
		"$LECTOR" -q -t large-print --layout "$name" -o "$out" "$in"
		"$C" "$width" "$lines" "$tree" "$out"
	done
done

# The default profile is 18pt; the options override the profile.
run -q -t large-print -o "$D/default.txt" "$SEED"
check "large-print: default is 18pt" cmp -s "$D/default.txt" \
	"$D/caravan-editorial.18pt.txt"
run -q -t large-print --width 60 --page-lines 30 -o "$D/wide.txt" "$SEED"
"$C" 60 30 "$D/caravan-editorial.tree.xml" "$D/wide.txt"
run -q -t large-print --layout 24pt --page-lines 0 -o "$D/nopages.txt" "$SEED"
check "large-print: --page-lines 0 has no page numbers" \
	[ -z "$(grep -e 'Page [0-9]' -e "$(printf '\f')" "$D/nopages.txt")" ]

# Screen: no form feeds, no numbers.
check "large-print: screen has no form feed" \
	[ -z "$(tr -cd '\f' <"$D/caravan-editorial.screen.txt")" ]

# The seed: caption labelled, credit on its own, lead-in not in capitals.
S=$D/caravan-editorial.18pt.txt
check "large-print: caption labelled" has "$S" '^Photo caption: Honduran'
check "large-print: credit labelled" has "$S" '^Credit: Johan'
check "large-print: lead-in in sentence case" has "$S" '^With each passing'
check "large-print: no block of capitals" [ -z "$(grep 'WITH EACH' "$S")" ]

# Spanish labels; lists with markers and hanging indent.
check "large-print: Spanish page numbers" \
	has "$D/mercado-es.18pt.txt" '^Página 1 de '
F=$D/flood-sections.18pt.txt
check "large-print: bullets" has "$F" '^• Flooded basements'
check "large-print: hanging indent" has "$F" '^  more than 600 homes'
check "large-print: numbered items" has "$F" '^1\. Photograph all damage'
check "large-print: quote indented" has "$F" '^  We planned for a'
check "large-print: heading rule" has "$F" '^-------------$'

# ASCII: punctuation and letters, nothing dropped.
run -q -t large-print --ascii -o "$D/ascii.txt" "$SEED"
check "large-print --ascii: the seed is pure ASCII" \
	[ -z "$(LC_ALL=C grep -n '[^ -~]' "$D/ascii.txt" | grep -v "$(printf '\f')")" ]
check "large-print --ascii: dashes" has "$D/ascii.txt" 'the problem --'
check "large-print --ascii: quotes" has "$D/ascii.txt" "Trump's"
run -q -t large-print --ascii -o "$D/ascii-festival.txt" samples/festival-wide.txt
check "large-print --ascii: accents stripped" has "$D/ascii-festival.txt" 'festival cafe'
# (A line may end between two ideographs: the lines are joined first.)
check "large-print --ascii: CJK kept, not dropped" \
	grep -q '月光落在旧桥上' "$(tr -d '\n\f' <"$D/ascii-festival.txt" \
	>"$D/ascii-festival.joined"; echo "$D/ascii-festival.joined")"
# (Words change in ASCII: only widths and pages are checked.)
"$C" --ascii 40 24 "$D/festival-wide.tree.xml" "$D/ascii-festival.txt"

# A profile of one's own: running header, numbers on top, double spacing.
cat >"$D/mine.conf" <<'CONF'
# test profile
width = 36
page-lines = 30
line-spacing = 2
page-number = top
form-feed = no
running-header = yes
CONF
run -q -t large-print --layout "$D/mine.conf" -o "$D/mine.txt" samples/library-byline.txt
check "large-print: own profile" status_is 0
check "large-print: running header on every page" \
	[ "$(grep -c '^Small-Town Library Reinvents Itself…$' "$D/mine.txt")" -eq \
	  "$(grep -c '^Page [0-9]* of' "$D/mine.txt")" ]
check "large-print: own profile pages are 30 lines" \
	[ $(( $(wc -l <"$D/mine.txt") % 30 )) -eq 0 ]
check "large-print: page number on top" \
	[ "$(sed -n 2p "$D/mine.txt")" = "Page 1 of $(grep -c '^Page [0-9]* of' "$D/mine.txt")" ]
check "large-print: double spacing" [ -z "$(grep -v -e '^Small-Town' \
	-e '^Page [0-9]' "$D/mine.txt" |
	awk 'prev != "" && $0 != "" { print; exit } { prev = $0 }')" ]
check "large-print: no width over 36" \
	[ -z "$(awk 'length($0) > 36 * 3' "$D/mine.txt")" ]

# A word wider than the line is the only thing broken, with a marker.
printf 'Long Words\n\nThe word Pneumonoultramicroscopicsilicovolcanoconiosis is long.\n' >"$D/long.txt"
run -q -t large-print --layout 24pt -o "$D/long.lp" "$D/long.txt"
check "large-print: a long word is broken with a marker" has "$D/long.lp" '→$'
"$LECTOR" -q -t tree -o "$D/long.tree.xml" "$D/long.txt"
"$C" 30 18 "$D/long.tree.xml" "$D/long.lp"

# Chinese (a text of our own, tests/cli/data/zh-library.txt) breaks
# between ideographs, as UAX #14 has it, not a word cut by the marker on
# every line; never before closing punctuation nor after opening.
for p in 16pt 18pt 24pt screen; do
	tr -d '\f' <"$D/zh-library.$p.txt"
done | grep -v -e '^$' -e '^Page [0-9]' -e '^[-=]*$' >"$D/zh.lines"
check "large-print: Chinese: under 1% of lines end in the marker" \
	[ $((100 * $(grep -c '→$' "$D/zh.lines"))) -lt \
	  "$(wc -l <"$D/zh.lines")" ]
check "large-print: Chinese: no line starts with closing punctuation" \
	[ -z "$(grep -e '^，' -e '^。' -e '^、' -e '^；' -e '^：' -e '^？' \
	    -e '^！' -e '^」' -e '^』' -e '^）' -e '^》' -e '^”' -e '^’' \
	    "$D/zh.lines")" ]
check "large-print: Chinese: no line ends with opening punctuation" \
	[ -z "$(grep -e '「$' -e '『$' -e '（$' -e '《$' -e '“$' -e '‘$' \
	    "$D/zh.lines")" ]
printf 'Title: 駅前の本屋\nLanguage: ja\n\n駅前の小さな本屋は、今年で創業五十年を迎えた。店主の山田さん（七十二歳）は「本を手に取って選ぶ楽しさを、若い人にも知ってほしい」と話す。\n' >"$D/ja.txt"
run -q -t large-print --layout 24pt -o "$D/ja.lp" "$D/ja.txt"
check "large-print: Japanese breaks between characters, no marker" \
	[ -z "$(grep '→' "$D/ja.lp")" ]

# A title stays with the name after it ("Mr Smith", "St Paul's":
# styles/language/en.conf), at every profile.
check "large-print: no line ends with Mr, Dr, St and the like" \
	[ -z "$(cat "$D"/honorifics.*.txt |
	    grep -E '(^| )\(?(Mr|Mrs|Ms|Dr|St|Prof|Rev|Capt|Sir)$')" ]

# Two stacked headings stay with the text after them wherever the page
# ends: k short paragraphs before them move them down the page.
stacked() {
	s_k=0
	while [ $s_k -lt 12 ]; do
		s_k=$((s_k + 1))
		{
			printf 'Title: Stacked Headings\nLanguage: en\n\n'
			s_i=0
			while [ $s_i -lt $s_k ]; do
				s_i=$((s_i + 1))
				printf 'Filler paragraph %s.\n\n' $s_i
			done
			printf 'Part One\n\nThe Beginning\n\nThe text under '
			printf 'both headings goes on for a while, so that it '
			printf 'wraps over several lines of the page.\n'
		} >"$D/stacked.txt"
		"$LECTOR" -q -t tree -o "$D/stacked.tree.xml" "$D/stacked.txt" &&
		"$LECTOR" -q -t large-print -o "$D/stacked.lp" "$D/stacked.txt" &&
		"$C" 40 24 "$D/stacked.tree.xml" "$D/stacked.lp" ||
			return 1
	done
}
check "large-print: two stacked headings stay with the text after them" \
	stacked

# Blocks of capitals in sentence case, acronyms kept; the tree keeps
# them as written.
K=$D/capitals.18pt.txt
check "large-print: a title in capitals in sentence case" \
	has "$K" '^The art of war$'
check "large-print: a chapter title in capitals in sentence case" \
	has "$K" '^Chapter I. Laying plans$'
check "large-print: Roman numerals and acronyms keep their capitals" \
	has "$K" '^Chapter XVIII. Waging war in the UK$'
check "large-print: a heading that is an acronym is kept" \
	[ "$(tr -d '\f' <"$K" | grep -c -e '^BBC$' -e '^NATO$')" -eq 2 ]
check "large-print: the tree keeps the capitals" \
	grep -q 'CHAPTER I. LAYING PLANS' "$D/capitals.tree.xml"

# Same bytes twice.
run -q -t large-print -o "$D/again.txt" "$SEED"
check "large-print: two runs, same bytes" cmp -s "$D/again.txt" "$D/default.txt"
