#!/bin/sh
# SPDX-License-Identifier: ISC
# When something fails under lector (a full disk, a library, a crash, a
# process that cannot start), every failure is said in exactly one line
# naming the input and the cause, the exit status is 1, what was written
# is kept and said, and nothing half-written is left.  Library failures
# and crashes are made by tests/fault/fault.c, preloaded.
. tests/cli/lib.sh

D=$TMPDIR/85-faults
mkdir -p "$D"
SEED=$SHARED/seed/caravan-editorial.txt
# Without the shared folder beside the clone, an article of our own.
[ -f "$SEED" ] || SEED=samples/market-lines.txt
LIST=tests/golden/shapes/only-list.txt

plan $((10 + 5 + 5 * 4 + 6 + 3 + 4 * 4 + 3 + 4 + 3))

exists() { [ -s "$1" ]; }
absent() { [ ! -e "$1" ]; }

# A crash after two outputs are in place: the message and the report say
# which were written and which was being written.
fault lame_init:signal -o "$D/crash" --report "$D/crash.json" "$LIST"
check "faults: a crash exits 1" status_is 1
check "faults: a crash says one line" err_lines 1
check "faults: a crash names the input" err_has "$LIST: error:"
check "faults: a crash says what was being written" \
	err_has "crashed (signal 6) while writing $D/crash/only-list.mp3"
check "faults: a crash says what was written" err_has \
	"written: $D/crash/only-list.epub, $D/crash/only-list.large-print.txt"
check "faults: a crash keeps the EPUB" exists "$D/crash/only-list.epub"
check "faults: a crash keeps the large print" \
	exists "$D/crash/only-list.large-print.txt"
check "faults: the report says the EPUB was written" report "$D/crash.json" \
	"^output$TAB$LIST${TAB}epub$TAB$D/crash/only-list.epub${TAB}written"
check "faults: the report says the MP3 failed, and why" report \
	"$D/crash.json" "^output$TAB$LIST${TAB}mp3$TAB.*${TAB}failed${TAB}the conversion crashed"
check "faults: the report says the input failed" report "$D/crash.json" \
	"^input$TAB$LIST${TAB}crashed$TAB"

# The same crash with one input and no report: converted in lector's own
# process, and still one line, what was written kept, nothing left.
mkdir -p "$D/inline"
fault lame_init:signal -o "$D/inline" "$LIST"
check "faults: an inline crash exits 1" status_is 1
check "faults: an inline crash says one line" err_lines 1
check "faults: an inline crash says what was being written" \
	err_has "$LIST: error: the conversion crashed (signal 6) while writing $D/inline/only-list.mp3"
check "faults: an inline crash says what was written" err_has \
	"written: $D/inline/only-list.epub, $D/inline/only-list.large-print.txt"
check "faults: an inline crash leaves the outputs, and no temporary file" \
	only "$D/inline" "only-list.epub only-list.large-print.txt "

# A full disk under standard output, for every kind of writer.
for format in epub large-print mp3 wav tree; do
	"$LECTOR" -q -t $format -o - "$SEED" >/dev/full 2>"$TMPDIR/err"
	status=$?
	err=$(cat "$TMPDIR/err")
	check "faults: $format into a full disk exits 1" status_is 1
	check "faults: $format into a full disk says one line" err_lines 1
	check "faults: $format into a full disk names the input" err_has "$SEED"
	check "faults: $format into a full disk says why" err_has 'No space left'
done

# The speech process dies half-way through the article.
fault espeak_ng_Synthesize:signal:3 -t wav -o "$D/dies/seed.wav" "$SEED"
check "faults: speech dies: exits 1" status_is 1
check "faults: speech dies: says one line" err_lines 1
check "faults: speech dies: says so" err_has "$SEED: error: espeak-ng crashed (signal 6)"
check "faults: speech dies: no sanitizer report" no_sanitizer
check "faults: speech dies: nothing written, nothing left" only "$D/dies" ""
check "faults: speech dies: the batch's worker lives on" \
	[ -z "$(printf '%s' "$err" | grep 'conversion crashed')" ]

# espeak-ng refuses a sentence.
fault espeak_ng_Synthesize:fail:2 -t mp3 -o "$D/refuse.mp3" "$SEED"
check "faults: espeak-ng fails: exits 1" status_is 1
check "faults: espeak-ng fails: says one line" err_lines 1
check "faults: espeak-ng fails: says so" err_has 'espeak-ng: cannot speak'

# libxml2 cannot serialise one of the EPUB's four XML documents.
for n in 1 2 3 4; do
	mkdir -p "$D/xml$n"
	fault xmlDocDumpFormatMemoryEnc:fail:$n -t epub -o "$D/xml$n/x.epub" "$LIST"
	check "faults: XML document $n fails: exits 1" status_is 1
	check "faults: XML document $n fails: says one line" err_lines 1
	check "faults: XML document $n fails: says why" err_has 'cannot serialise'
	check "faults: XML document $n fails: nothing written" only "$D/xml$n" ""
done

# The MP3 encoder cannot start.
fault lame_init:fail -t mp3 -o "$D/lame.mp3" "$LIST"
check "faults: libmp3lame fails: exits 1" status_is 1
check "faults: libmp3lame fails: says one line" err_lines 1
check "faults: libmp3lame fails: says so" err_has 'libmp3lame cannot start'

# No process can be started: for the workers of two inputs (one line
# each), then for the speech of one (converted in lector's process).
fault fork:fail:1 -t tree -o "$D/noworker" "$LIST" "$SEED"
check "faults: no worker: exits 1" status_is 1
check "faults: no worker: says one line an input" err_lines 2
check "faults: no worker: names the inputs" sh -c \
	"grep -q '$LIST: error:' '$TMPDIR/err' && grep -q '$SEED: error:' '$TMPDIR/err'"
check "faults: no worker: says why" err_has 'cannot start a worker process'
fault fork:fail:1 -t wav -o "$D/nospeech.wav" "$LIST"
check "faults: no speech process: exits 1" status_is 1
check "faults: no speech process: says one line" err_lines 1
check "faults: no speech process: says why" \
	err_has 'cannot start the speech process'
