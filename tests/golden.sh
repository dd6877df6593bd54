#!/bin/sh
# SPDX-License-Identifier: ISC
# Golden tests: `lector -t tree` on every input against its .tree file
# (extra arguments may pick another format: the last -t wins), the
# unpacked EPUB of two samples and two shapes, large print at two
# profiles, and the speech of every sample and the seed; then the word
# oracle (tests/tools/words.c) on every input and the corpus.
#   tests/golden/shapes/NAME.txt   reader edge cases (NAME.opts: extra
#                                  arguments, one a line)
#   tests/golden/samples/NAME.tree for samples/NAME.txt
#   tests/golden/seed/NAME.tree    for $SHARED/seed/NAME.txt
# UPDATE=1 rewrites the golden files.
set -u
. tests/cli/lib.sh

nshapes=$(ls tests/golden/shapes/*.txt | wc -l)
nsamples=$(ls samples/*.txt | wc -l)
nseed=0
[ -d "$SHARED/seed" ] && nseed=$(ls "$SHARED"/seed/*.txt | wc -l)
ncorpus=0
[ -d "$SHARED/corpus/bbc" ] &&
	ncorpus=$(ls "$SHARED"/corpus/bbc/*.txt | wc -l)
# Trees; the words of every input; headlines; 4 EPUBs of 5 entries each;
# large print, 2 samples at 2 profiles; the speech of the samples and the
# seed; a skip for each shared folder that is missing.
plan $((nshapes + nsamples + nseed + (nshapes + nsamples + nseed +
	ncorpus) + ncorpus + 4 * 5 + 4 + nsamples + nseed + (nseed == 0) +
	(ncorpus == 0)))

golden() {	# golden NAME INPUT EXPECTED [FLAGS...]
	name=$1 in=$2 want=$3
	shift 3
	got=$TMPDIR/golden.tree
	"$LECTOR" -q -t tree -o - "$@" "$in" >"$got" 2>"$TMPDIR/golden.err"
	st=$?
	if [ "${UPDATE:-}" = 1 ] && [ $st -eq 0 ]; then
		cp "$got" "$want"
	fi
	if [ $st -ne 0 ]; then
		echo "not ok golden $name: exit status $st"
		sed 's/^/#   /' "$TMPDIR/golden.err"
	elif [ ! -f "$want" ]; then
		echo "not ok golden $name: no $want (make it with UPDATE=1)"
	elif diff -u "$want" "$got" >"$TMPDIR/golden.diff"; then
		echo "ok golden $name"
	else
		echo "not ok golden $name"
		head -n 40 "$TMPDIR/golden.diff" | sed 's/^/#   /'
	fi
}

for in in tests/golden/shapes/*.txt; do
	base=${in%.txt}
	# NAME.opts: extra arguments, one a line.
	set --
	if [ -f "$base.opts" ]; then
		nl='
'
		old_ifs=$IFS
		IFS=$nl
		# shellcheck disable=SC2046
		set -- $(cat "$base.opts")
		IFS=$old_ifs
	fi
	golden "shapes/$(basename "$base")" "$in" "$base.tree" "$@"
done
for in in samples/*.txt; do
	name=$(basename "$in" .txt)
	golden "samples/$name" "$in" "tests/golden/samples/$name.tree"
done
if [ "$nseed" -gt 0 ]; then
	for in in "$SHARED"/seed/*.txt; do
		name=$(basename "$in" .txt)
		golden "seed/$name" "$in" "tests/golden/seed/$name.tree"
	done
else
	skip 1 "golden seed: no $SHARED/seed"
fi

# Every word of every input reaches the tree, in order (the oracle reads
# the source itself, and the tree lector printed).
set -- samples/*.txt tests/golden/shapes/*.txt
[ "$nseed" -gt 0 ] && set -- "$@" "$SHARED"/seed/*.txt
if [ "$ncorpus" -gt 0 ]; then
	set -- "$@" "$SHARED"/corpus/bbc/*.txt
else
	skip 1 "words corpus: no $SHARED/corpus/bbc"
fi
for in in "$@"; do
	if "$LECTOR" -q -t tree -o "$TMPDIR/words.xml" "$in"; then
		"$TESTBIN/words" "$in" "$TMPDIR/words.xml"
	else
		echo "not ok words $in: lector failed"
	fi
done

# The headline is the title of every corpus article.
for in in "$SHARED"/corpus/bbc/*.txt; do
	[ -f "$in" ] || continue
	head=$(head -n 1 "$in")
	title=$("$LECTOR" -q -t tree -o - "$in" | sed -n 's/.*<title from="text"[^>]*>\(.*\)<\/title>.*/\1/p')
	if [ "$title" = "$(printf '%s' "$head" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g')" ]; then
		echo "ok headline is title: $(basename "$in")"
	else
		echo "not ok headline is title: $(basename "$in")"
		echo "#   title: $title"
		echo "#   line 1: $head"
	fi
done

# The unpacked EPUB of two samples and two shapes (one with a caption,
# one with every kind of block): entry list, container, package,
# navigation and content documents.
for in in samples/flood-sections.txt samples/mercado-es.txt \
    samples/harbour-caption.txt tests/golden/shapes/every-block.txt; do
	name=$(basename "$in" .txt)
	book=$TMPDIR/golden-$name.epub
	want=tests/golden/epub/$name
	if ! "$LECTOR" -q -o "$book" "$in"; then
		for entry in 1 2 3 4 5; do
			echo "not ok golden epub/$name: lector failed"
		done
		continue
	fi
	[ "${UPDATE:-}" = 1 ] && mkdir -p "$want"
	for entry in list META-INF/container.xml EPUB/package.opf \
	    EPUB/nav.xhtml EPUB/article.xhtml; do
		file=$want/$(basename "$entry")
		if [ "$entry" = list ]; then
			"$TESTBIN/epubtool" list "$book" >"$TMPDIR/entry"
		else
			"$TESTBIN/epubtool" cat "$book" "$entry" >"$TMPDIR/entry"
		fi
		[ "${UPDATE:-}" = 1 ] && cp "$TMPDIR/entry" "$file"
		if diff -u "$file" "$TMPDIR/entry" >"$TMPDIR/golden.diff"; then
			echo "ok golden epub/$name/$(basename "$entry")"
		else
			echo "not ok golden epub/$name/$(basename "$entry")"
			head -n 20 "$TMPDIR/golden.diff" | sed 's/^/#   /'
		fi
	done
done

# Large print: two samples at two profiles.
mkdir -p tests/golden/large-print
for sample in flood-sections harbour-caption; do
	for lay in 18pt 24pt; do
		golden "large-print/$sample.$lay" "samples/$sample.txt" \
		    "tests/golden/large-print/$sample.$lay" -t large-print \
		    --layout "$lay"
	done
done

# Speech: the text exactly as spoken, for every sample and the seed.
mkdir -p tests/golden/speech
for in in samples/*.txt "$SHARED"/seed/*.txt; do
	[ -f "$in" ] || continue
	sample=$(basename "$in" .txt)
	golden "speech/$sample" "$in" "tests/golden/speech/$sample.speech" \
	    -t speech
done
