#!/bin/sh
# SPDX-License-Identifier: ISC
# Benchmark: the corpus read aloud, in one run.  lector's WAV against
# `espeak-ng -w` and lector's MP3 against `espeak-ng --stdout | lame`
# (both en-us, 175 words a minute, lame mono 48 kbit/s like lector), as
# ratios; -t mp3,wav,vtt (one synthesis for the three), a read-aloud
# EPUB and a DAISY book against -t mp3 (the issue's budget: 15 % over);
# then lector's peak memory for the seed article and for the same
# article twenty times over, which should not grow with length.
cd "$(dirname "$0")/../.." || exit 2
. tests/bench/lib.sh
need espeak-ng espeak-ng
need lame lame
SEED=$SHARED/seed/caravan-editorial.txt

lector_wav() { "$LECTOR" -q -j 1 -t wav -o "$OUT/lector" "$CORPUS"; }
lector_mp3() { "$LECTOR" -q -j 1 -t mp3 -o "$OUT/lector" "$CORPUS"; }
espeak_wav() {
	for f in "$CORPUS"/*.txt; do
		espeak-ng -v en-us -s 175 -w "$OUT/espeak.wav" -f "$f"
	done
}
espeak_mp3() {
	for f in "$CORPUS"/*.txt; do
		espeak-ng -v en-us -s 175 --stdout -f "$f" |
		    lame --quiet -m m -b 48 - "$OUT/espeak.mp3"
	done
}
lector_three() { "$LECTOR" -q -j 1 -t mp3,wav,vtt -o "$OUT/three" "$CORPUS"; }
lector_aloud() { "$LECTOR" -q -j 1 -t read-aloud -o "$OUT/aloud" "$CORPUS"; }
lector_daisy() { "$LECTOR" -q -j 1 -t daisy -o "$OUT/daisy" "$CORPUS"; }
lector_all() {
	"$LECTOR" -q -j 1 -t mp3,read-aloud,daisy -o "$OUT/all" "$CORPUS"
}
lw=$(best lector_wav)
ew=$(best espeak_wav)
lm=$(best lector_mp3)
em=$(best espeak_mp3)
echo "audio, $n corpus articles, ms per article (best of 3):"
printf '  %-44s %8s\n' "espeak-ng -w" "$(ms "$ew")"
printf '  %-44s %8s  (%s of espeak-ng'"'"'s time)\n' "lector -t wav" "$(ms "$lw")" \
    "$(echo "$lw $ew" | awk '{ printf "%.0f%%", 100 * $1 / $2 }')"
printf '  %-44s %8s\n' "espeak-ng --stdout | lame -m m -b 48" "$(ms "$em")"
printf '  %-44s %8s  (%sx faster)\n' "lector -t mp3" "$(ms "$lm")" \
    "$(ratio "$em" "$lm")"
l3=$(best lector_three)
printf '  %-44s %8s  (%s of -t mp3'"'"'s time: one synthesis)\n' \
    "lector -t mp3,wav,vtt" "$(ms "$l3")" \
    "$(echo "$l3 $lm" | awk '{ printf "%.0f%%", 100 * $1 / $2 }')"

for f in aloud daisy all; do
	t=$(best "lector_$f")
	case $f in
	aloud)	what="lector -t read-aloud" ;;
	daisy)	what="lector -t daisy" ;;
	all)	what="lector -t mp3,read-aloud,daisy" ;;
	esac
	printf '  %-44s %8s  (%s of -t mp3'"'"'s time)\n' "$what" \
	    "$(ms "$t")" \
	    "$(echo "$t $lm" | awk '{ printf "%.0f%%", 100 * $1 / $2 }')"
done

# Peak memory (the largest of lector's processes), short and long.
for i in $(seq 20); do tail -n +3 "$SEED"; echo; done >"$OUT/long.txt"
short=$( { /usr/bin/time -f %M "$LECTOR" -q -t mp3 -o "$OUT/short.mp3" \
    "$SEED"; } 2>&1 | tail -n 1)
long=$( { /usr/bin/time -f %M "$LECTOR" -q -t mp3 -o "$OUT/long.mp3" \
    "$OUT/long.txt"; } 2>&1 | tail -n 1)
echo "peak memory, mp3: the seed $(wc -w <"$SEED") words ${short} KB;" \
    "twenty times as long, $(wc -w <"$OUT/long.txt") words ${long} KB"
for f in read-aloud daisy; do
	long=$( { /usr/bin/time -f %M "$LECTOR" -q -t $f -o "$OUT/long-$f" \
	    "$OUT/long.txt"; } 2>&1 | tail -n 1)
	echo "peak memory, $f, twenty times as long: ${long} KB"
done
