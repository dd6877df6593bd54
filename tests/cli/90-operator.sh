#!/bin/sh
# SPDX-License-Identifier: ISC
# lector run as an operator runs it, unattended: workers killed, hung or
# timed out, lector itself stopped or hung up on under nohup, limits on
# memory and file size, an unwritable HOME, names no terminal should see
# raw, links out of an input folder, an output folder inside it.  After
# each, the output folder holds complete outputs and nothing else, the
# report says exactly what is there, no process of lector's is left, and
# every failure is one line.  Faults come from tests/fault/fault.c.
. tests/cli/lib.sh

D=$TMPDIR/90-operator
mkdir -p "$D"
SEED=$SHARED/seed/caravan-editorial.txt
# Without the shared folder beside the clone, articles of our own.
[ -f "$SEED" ] || SEED=samples/market-lines.txt
LIST=tests/golden/shapes/only-list.txt
NL='
'
ESC=$(printf '\033')

plan $((6 + 5 + 5 + 3 + 6 + 5 + 4 + 7 + 11 + 4 + 5 + 8 + 3 + 3))

# matches DIR REPORT: the files under DIR are exactly the outputs REPORT
# says were written, names compared byte for byte.
matches() {
	"$TESTBIN/reportq" -w "$2" | sort -z >"$TMPDIR/listed" &&
	find "$1" -type f -print0 | sort -z >"$TMPDIR/found" &&
	cmp "$TMPDIR/listed" "$TMPDIR/found"
}
# alive MARK: a process whose command line holds MARK is running.
alive() {
	for p in /proc/[0-9]*; do
		[ "$p" = "/proc/$$" ] && continue
		tr '\0' ' ' <"$p/cmdline" 2>/dev/null | grep -q -- "$1" &&
			return 0
	done
	return 1
}
none_alive() { ! alive "$1"; }
sanitized() { [ -n "${LECTOR_SANITIZED:-}" ]; }

# --- A worker killed (kill -9, the out-of-memory killer) mid-write ---
mkdir -p "$D/k9in"
cp "$LIST" "$D/k9in/a.txt"
fault lame_init:kill -o "$D/k9" --report "$D/k9.json" "$D/k9in/a.txt"
check "operator: a killed worker fails its input" status_is 1
check "operator: a killed worker is one line" err_lines 1
check "operator: a killed worker leaves only complete outputs" \
	only "$D/k9" "a.epub a.large-print.txt "
check "operator: the report matches the folder after a kill" \
	matches "$D/k9" "$D/k9.json"
check "operator: the report says the MP3 failed" report "$D/k9.json" \
	"^output$TAB.*${TAB}mp3$TAB.*${TAB}failed${TAB}the conversion crashed (signal 9)"
check "operator: nothing of lector's is left running" none_alive "$D/k9in"

# --- A hung worker (stopped) and --timeout ---
fault lame_init:stop -o "$D/hang" --timeout 1 --report "$D/hang.json" \
	"$D/k9in/a.txt"
check "operator: a hung input times out" err_has "stopped after 1 seconds"
check "operator: the timeout line names what was written" \
	err_has "written: $D/hang/a.epub, $D/hang/a.large-print.txt"
check "operator: a timeout leaves only complete outputs" \
	only "$D/hang" "a.epub a.large-print.txt "
check "operator: the report matches the folder after a timeout" \
	matches "$D/hang" "$D/hang.json"
check "operator: no hung worker is left" none_alive "$D/k9in"

# --- A hung speaking child: reaped, not left behind ---
mkdir -p "$D/reapin"
cp "$LIST" "$D/reapin/reap-mark.txt"
fault espeak_ng_Synthesize:stop -t mp3 -o "$D/reap" --timeout 1 \
	"$D/reapin/reap-mark.txt"
check "operator: a hung synthesis times out" status_is 1
check "operator: a hung synthesis is one line" err_lines 1
check "operator: no speaking child outlives lector" none_alive reap-mark
check "operator: a hung synthesis leaves nothing" only "$D/reap" ""
for p in /proc/[0-9]*; do	# never leave one behind, even on failure
	tr '\0' ' ' <"$p/cmdline" 2>/dev/null | grep -q reap-mark &&
		kill -9 "${p#/proc/}" 2>/dev/null
done
check "operator: nothing left after the cleanup" none_alive reap-mark

# --- lector killed itself: the next run sweeps what it left ---
mkdir -p "$D/self"
fault lame_init:kill -o "$D/self" "$D/k9in/a.txt"
check "operator: a lector killed mid-write leaves its temporary file" \
	test "$(ls -A "$D/self" | grep -c '^\.a\.mp3\.lector-')" -eq 1
run -t epub -o "$D/self" "$D/k9in/a.txt"
check "operator: the next run removes it" \
	only "$D/self" "a.epub a.large-print.txt "
check "operator: ... and converts as usual" status_is 0

# --- ... but never a file another lector is writing ---
mkdir -p "$D/busy"
ASAN_OPTIONS=$FAULT_ASAN LD_PRELOAD=$FAULT LECTOR_FAULT=lame_init:stop \
	"$LECTOR" -t mp3 \
	-o "$D/busy" "$D/k9in/a.txt" 2>"$D/busy.err" &
busy=$!
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	ls -A "$D/busy" | grep -q lector- && break
	sleep 0.2
done
run -t epub -o "$D/busy" "$D/k9in/a.txt"
check "operator: a running lector's temporary file is left alone" \
	test "$(ls -A "$D/busy" | grep -c '^\.a\.mp3\.lector-')" -eq 1
kill -TERM "$busy"
kill -CONT "$busy"
wait "$busy" 2>/dev/null
status=$?
check "operator: a stopped lector removes its temporary file" \
	only "$D/busy" "a.epub "
check "operator: ... and dies of the signal" status_is 143
err=$(cat "$D/busy.err")
check "operator: ... saying so in one line" err_lines 1
check "operator: ... which names the input and the signal" \
	err_has "a.txt: error: lector was stopped (signal 15) while writing"
check "operator: ... and leaves no child" none_alive "$D/busy"

# --- lector stopped by a signal: workers stopped, report written ---
mkdir -p "$D/long"
for i in 1 2 3 4 5 6 7 8 9 10; do cat "$SEED"; done >"$D/long/long-1.txt"
for i in 2 3 4; do cp "$D/long/long-1.txt" "$D/long/long-$i.txt"; done
"$LECTOR" -j 2 -t wav,epub -o "$D/term" --report "$D/term.json" \
	"$D/long" >"$TMPDIR/out" 2>"$TMPDIR/err" &
pid=$!
sleep 1
kill -TERM "$pid"
wait "$pid" 2>/dev/null
status=$?
err=$(cat "$TMPDIR/err")
check "operator: SIGTERM ends lector by the signal" status_is 143
check "operator: SIGTERM is one line" err_lines 1
check "operator: ... which says so" err_has "stopped by signal 15"
check "operator: the report after SIGTERM matches the folder" \
	matches "$D/term" "$D/term.json"
check "operator: no worker outlives a SIGTERM" none_alive "$D/long/"

# --- nohup: a hang-up ignored stays ignored in every process ---
(trap '' HUP; exec "$LECTOR" -j 2 -t wav -o "$D/hup" \
	--report "$D/hup.json" "$D/long") >"$TMPDIR/out" 2>"$TMPDIR/err" &
pid=$!
sleep 1
for p in /proc/[0-9]*; do
	tr '\0' ' ' <"$p/cmdline" 2>/dev/null | grep -q -- "$D/hup" &&
		kill -HUP "${p#/proc/}" 2>/dev/null
done
wait "$pid"
status=$?
err=$(cat "$TMPDIR/err")
check "operator: under nohup a hang-up loses no input" status_is 0
check "operator: under nohup all four were converted" \
	report "$D/hup.json" "^totals${TAB}4${TAB}0${TAB}0${TAB}0"
check "operator: under nohup nothing is said" test -z "$err"
check "operator: the report under nohup matches the folder" \
	matches "$D/hup" "$D/hup.json"

# --- Names: newline, escape, bytes that are not UTF-8, 250 bytes ---
mkdir -p "$D/names"
printf '\000\001binary' >"$D/names/new${NL}line.txt"
run -o "$D/namesout" "$D/names/new${NL}line.txt"
check "operator: a name with a newline fails in one line" err_lines 1
check "operator: ... with the newline escaped" err_has 'new\\nline\.txt'
printf '\000\001binary' >"$D/names/esc${ESC}[31m.txt"
run -o "$D/namesout" "$D/names/esc${ESC}[31m.txt"
check "operator: an escape in a name never reaches the terminal" \
	test "$(printf '%s' "$err" | grep -c "$ESC")" -eq 0
rm -f "$D/names/"*
cp "$LIST" "$D/names/caf$(printf '\351').txt"
long=$(printf '%0245d' 0)
cp "$LIST" "$D/names/$long.txt"
cp "$LIST" "$D/names/plain.txt"
# The EPUB's name is 250 bytes, its temporary name would be 265.
run -t epub -o "$D/namesout" --report "$D/names.json" "$D/names"
check "operator: odd names are converted" status_is 0
check "operator: a 250-byte name is converted" \
	test -s "$D/namesout/$long.epub"
check "operator: the report says a name's bytes" report "$D/names.json" \
	'caf.*\.txt'
check "operator: the report matches the folder, names and all" \
	matches "$D/namesout" "$D/names.json"

# --- Memory and file-size limits, an unwritable HOME ---
# Three corpus articles; all 40 with LECTOR_CHECK_CORPUS=1.
mkdir -p "$D/audio"
narticles=3
[ "${LECTOR_CHECK_CORPUS:-}" = 1 ] && narticles=40
ARTICLES=$SHARED/corpus/bbc
[ -d "$ARTICLES" ] || ARTICLES=samples	# no shared folder: our own
for f in "$ARTICLES"/*.txt; do
	n=$((${n:-0} + 1))
	[ "$n" -le "$narticles" ] && cp "$f" "$D/audio/"
done
if sanitized; then
	skip 6 "ulimit -v under the sanitizers"
else
	(ulimit -v 131072 && HOME=/dev/null/home exec "$LECTOR" -t mp3 \
		-o "$D/vm" "$D/audio") >"$TMPDIR/out" 2>"$TMPDIR/err"
	status=$?
	err=$(cat "$TMPDIR/err")
	check "operator: MP3 under ulimit -v 131072" status_is 0
	check "operator: ... and an unwritable HOME, says nothing" \
		test -z "$err"
	check "operator: ... and makes every MP3" \
		test "$(ls "$D/vm" | grep -c '\.mp3$')" -eq "$narticles"
	# A 40 MB article in 200 MB of address space runs out of memory.
	awk 'BEGIN { for (i = 0; i < 600000; i++)
		print "word word word word word word word end.\n" }' \
		>"$D/huge.txt"
	(ulimit -v 200000 && exec "$LECTOR" -t epub -o "$D/oom" "$D/huge.txt") \
		>"$TMPDIR/out" 2>"$TMPDIR/err"
	status=$?
	err=$(cat "$TMPDIR/err")
	rm -f "$D/huge.txt"
	check "operator: out of memory is one line" err_lines 1
	check "operator: ... naming the input" \
		err_has "$D/huge.txt: error: out of memory"
	check "operator: ... leaving nothing" only "$D/oom" ""
fi
mkdir -p "$D/small"
for i in 1 2 3; do cp "$LIST" "$D/small/s$i.txt"; done
cp "$SEED" "$D/small/seed.txt"
# 2048 blocks (of 512 bytes in sh, 1024 in bash): the short article's
# audio fits; the seed's WAV (7 MB) does not, nor its samples.
(ulimit -f 2048 && exec "$LECTOR" -t mp3,wav -o "$D/fsize" "$D/small") \
	>"$TMPDIR/out" 2>"$TMPDIR/err"
status=$?
err=$(cat "$TMPDIR/err")
check "operator: a file-size limit fails what is over it" status_is 1
check "operator: ... as a write that failed, not a crash" \
	err_has "seed.txt: error: .*File too large"
check "operator: ... in one line" err_lines 1
check "operator: ... never a signal" \
	test "$(grep -c signal "$TMPDIR/err")" -eq 0
check "operator: ... and the audio under it is made" \
	only "$D/fsize" "s1.mp3 s1.wav s2.mp3 s2.wav s3.mp3 s3.wav "

# --- A full disk: a 256 KB tmpfs, where mounting is allowed ---
mkdir -p "$D/full"
if mount -t tmpfs -o size=256k tmpfs "$D/full" 2>/dev/null; then
	cp "$LIST" "$D/small/s1.txt"
	run -t epub,mp3,wav -o "$D/full/out" --report "$D/full.json" \
		"$D/small"
	check "operator: a full disk fails what does not fit" status_is 1
	check "operator: ... one line for each input that failed" \
		err_lines "$(grep -c 'No space left' "$TMPDIR/err")"
	check "operator: ... and leaves only complete outputs" \
		test "$(ls -A "$D/full/out" | grep -c '^\.')" -eq 0
	check "operator: the report matches the full disk" \
		matches "$D/full/out" "$D/full.json"
	umount "$D/full"
else
	skip 4 "cannot mount a tmpfs here"
fi

# --- TMPDIR, UTF-32 ---
TMPDIR=$D/no-such-folder "$LECTOR" -t mp3 -o "$D/t.mp3" "$LIST" \
	>"$TMPDIR/out" 2>"$TMPDIR/err"
status=$?
err=$(cat "$TMPDIR/err")
check "operator: the audio's scratch files go in TMPDIR" \
	err_has "in $D/no-such-folder"
check "operator: ... one line when it cannot" err_lines 1
mkdir -p "$D/tmp"
TMPDIR=$D/tmp "$LECTOR" -t mp3 -o "$D/t.mp3" "$LIST" \
	>"$TMPDIR/out" 2>"$TMPDIR/err"
check "operator: ... and are gone after" only "$D/tmp" ""
printf '\377\376\000\000' >"$D/u32.txt"
printf 'Thirty-two bits\n\nEach letter in four bytes.\n' |
	iconv -f UTF-8 -t UTF-32LE >>"$D/u32.txt"
run -t tree -o - "$D/u32.txt"
check "operator: UTF-32 with a byte-order mark is read" status_is 0
check "operator: ... every word of it" out_has "Each letter in four bytes."

# --- Links out of an input folder; an output folder inside it ---
mkdir -p "$D/links/in/sub" "$D/links/outside"
cp "$LIST" "$D/links/outside/secret.txt"
cp "$LIST" "$D/links/in/own.txt"
ln -s ../outside/secret.txt "$D/links/in/leak.txt"
ln -s ../outside "$D/links/in/sub/away"
ln -s own.txt "$D/links/in/alias.txt"
run -t epub -o "$D/links/o1" "$D/links/in"
check "operator: a link out of the folder is skipped" \
	only "$D/links/o1" "alias.epub own.epub "
check "operator: ... with a warning" err_has "leak.txt: warning: skipped"
run -t epub --follow-links -o "$D/links/o2" "$D/links/in"
check "operator: --follow-links follows it" test -s "$D/links/o2/leak.epub"
run -t epub -o "$D/links/o3" "$D/links/in/leak.txt"
check "operator: a link named on the command line is read" \
	test -s "$D/links/o3/leak.epub"
rm -f "$D/links/in/leak.txt" "$D/links/in/alias.txt"
rm -rf "$D/links/in/sub"
for i in 1 2 3; do
	run -t epub,large-print -o "$D/links/in/out" --report "$D/links/r.json" \
		"$D/links/in"
done
check "operator: an output folder in the input folder is never read" \
	report "$D/links/r.json" "^totals${TAB}1${TAB}0${TAB}0${TAB}0"
for i in 1 2; do
	run -t epub,large-print --report "$D/links/s.json" -o "$D/links/in" \
		"$D/links/in"
done
check "operator: nor are outputs written beside their inputs" \
	report "$D/links/s.json" "^totals${TAB}1${TAB}0${TAB}0${TAB}0"
cp "$LIST" "$D/x.large-print.txt"
run -t large-print -o "$D/x.large-print.txt" "$D/x.large-print.txt"
check "operator: an output never overwrites its input" \
	err_has "would overwrite the input"
check "operator: ... and the input is kept" cmp "$LIST" "$D/x.large-print.txt"

# --- Huge titles and chapter names ---
awk 'BEGIN { s = "x"; for (i = 0; i < 18; i++) s = s s; print s }' \
	>"$D/wide.txt"
run -t tree -o - "$D/wide.txt"
check "operator: a title from a 256 KB word is cut" \
	test "$(printf '%s\n' "$out" | grep '<title' | wc -c)" -lt 400
run -t speech -o - "$D/wide.txt"
check "operator: ... and so is its chapter's name" \
	test "$(printf '%s\n' "$out" | grep '^# chapter' | wc -L)" -lt 400
# Chapters named from paragraphs that open with a 130-letter word.
w=$(printf '%0130d' 0 | tr 0 w)
printf 'Short title\n\n%s is a word.\n\n%s is another.\n' "$w" "$w" \
	>"$D/chapters.txt"
run -t speech -o - "$D/chapters.txt"
nch=$(printf '%s\n' "$out" | grep -c '^# chapter')
run -t mp3 -o "$D/chapters.mp3" "$D/chapters.txt"
if command -v ffprobe >/dev/null 2>&1; then
	check "operator: players see every chapter of a long-named one" \
		test "$(ffprobe -v error -show_chapters -of csv \
		"$D/chapters.mp3" | wc -l)" -eq "$nch"
else
	skip 1 "no ffprobe"
fi

# --- As a user who is not root, when the tests run as root ---
if [ "$(id -u)" -ne 0 ]; then
	skip 3 "running as a normal user already"
elif ! command -v setpriv >/dev/null 2>&1; then
	skip 3 "no setpriv"
else
	U=$(mktemp -d /tmp/lector-op.XXXXXX)
	chmod 755 "$U"
	cp "$LIST" "$U/a.txt"
	mkdir "$U/out" "$U/tmp"
	chown nobody "$U/out" "$U/tmp"
	setpriv --reuid=nobody --regid=nogroup --clear-groups \
		env HOME=/nonexistent TMPDIR="$U/tmp" "$LECTOR" -t mp3,epub -o "$U/out" \
		--report "$U/out/r.json" "$U/a.txt" >"$TMPDIR/out" \
		2>"$TMPDIR/err"
	status=$?
	err=$(cat "$TMPDIR/err")
	check "operator: as nobody, audio is made" status_is 0
	check "operator: ... saying nothing" test -z "$err"
	check "operator: ... leaving only its outputs" \
		only "$U/out" "a.epub a.mp3 r.json "
	rm -rf "$U"
fi
