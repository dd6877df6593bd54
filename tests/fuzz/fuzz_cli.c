/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: the command line and the planning of a batch.  The
 * bytes are an argument vector (NUL-separated; after three NULs, the
 * rest is the file "list", for --files-from list), parsed as lector
 * parses its own (cli.c), then the inputs are collected and the batch
 * planned and reported as lector would, in a folder made for the run
 * that holds files with odd names: a newline, bytes that are not UTF-8,
 * 245 bytes, links out of the folder and back up it, an output folder
 * with a temporary file a killed run left.  Nothing is converted.
 *
 * It checks that the report is JSON listing every input, and that every
 * output path in it, given back from its escaped form where it is not
 * UTF-8, is the path planned.  A usage error or --help, which end lector,
 * jump back here (opts_on_exit()).  Names that lead out of the sandbox
 * (from /, through ..) are not tried.  Each input runs in the sandbox
 * and returns to the starting folder, where libFuzzer's own corpus and
 * artifact names are (a target that stayed in the sandbox reads no
 * corpus after its first input, and libFuzzer sees no coverage).  lector's messages are many: run
 * it with -close_fd_mask=2 (libFuzzer keeps its own):
 *	build-fuzz/fuzz_cli -close_fd_mask=2 tests/fuzz/cli
 */
#include "common.h"

#include <sys/stat.h>

#include <fcntl.h>
#include <ftw.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json.h>

#include "batch.h"
#include "buf.h"
#include "cli.h"
#include "diag.h"
#include "job.h"
#include "opts.h"
#include "report.h"
#include "writer.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define MAX_ARGS	64

static jmp_buf	 back;
static char	 dir[4096];	/* the sandbox */
static int	 home = -1;	/* where libFuzzer runs: its corpus paths */

static void
on_exit_jump(int status)
{
	longjmp(back, status + 1);
}

static void
put(const char *path, const char *text)
{
	FILE	*f;

	if ((f = fopen(path, "w")) == NULL)
		abort();
	fputs(text, f);
	fclose(f);
}

static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

/* At exit: the sandbox goes. */
static void
sandbox_remove(void)
{
	nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* The folder every run plans in, with names no one would choose. */
static void
sandbox(void)
{
	const char	*tmp = getenv("TMPDIR");
	char		 name[300];
	static const char article[] = "A headline\n\nA paragraph.\n";

	snprintf(dir, sizeof(dir), "%s/lector-fuzz-cli.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if ((home = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1 ||
	    mkdtemp(dir) == NULL || chdir(dir) == -1)
		abort();
	atexit(sandbox_remove);
	mkdir("in", 0777);
	mkdir("in/sub", 0777);
	mkdir("out", 0777);
	put("in/a.txt", article);
	put("in/sub/b.txt", article);
	put("in/new\nline.txt", article);
	put("in/caf\xe9.txt", article);
	put("in/a.large-print.txt", article);
	memset(name, 'n', 245);
	memcpy(name, "in/", 3);
	snprintf(name + 245, sizeof(name) - 245, ".txt");
	put(name, article);
	put("out/.a.epub.lector-AbC123", "");
	if (symlink("/etc/hostname", "in/leak.txt") == -1 ||
	    symlink("..", "in/sub/up") == -1 ||
	    symlink("a.txt", "in/alias.txt") == -1)
		abort();
	put("list", "in/a.txt\nin/sub\n");
	/* Help goes nowhere; stdin (--files-from -) is empty. */
	if (freopen("/dev/null", "w", stdout) == NULL ||
	    freopen("/dev/null", "r", stdin) == NULL || fchdir(home) == -1)
		abort();
}

/*
 * Each input runs in the sandbox; between inputs libFuzzer is back
 * where it started, for the corpus and artifact names it was given.
 */
static void
enter(void)
{
	if (chdir(dir) == -1)
		abort();
}

static int
leave(char *copy)
{
	opts_free();
	free(copy);
	if (fchdir(home) == -1)
		abort();
	return 0;
}

/* Decode an escaped name (\xHH, \\) into b; false if malformed. */
static bool
unescape(const char *s, struct buf *b)
{
	unsigned	 v;

	for (; *s != '\0'; s++) {
		if (*s != '\\') {
			buf_putc(b, *s);
			continue;
		}
		if (s[1] == '\\') {
			buf_putc(b, '\\');
			s++;
		} else if (s[1] == 'x' && s[2] != '\0' && s[3] != '\0' &&
		    sscanf(s + 2, "%2x", &v) == 1) {
			buf_putc(b, (int)v);
			s += 3;
		} else
			return false;
	}
	return true;
}

/* Whether a name (or a list of them) leads out of the sandbox. */
static bool
escapes(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if ((s[i] == '/' && (i == 0 || s[i - 1] == '\0' ||
		    s[i - 1] == '\n')) ||
		    (s[i] == '.' && i + 1 < len && s[i + 1] == '.'))
			return true;
	return false;
}

/* The report lists every job, each output under the path planned. */
static void
check_report(const struct batch *b, const struct jobs *js)
{
	struct json_object *top, *inputs, *in, *outs, *out, *v;
	struct buf	 name = { 0 };
	const char	*path;
	char		*want;
	size_t		 i, k;

	if ((top = json_object_from_file("report.json")) == NULL ||
	    !json_object_object_get_ex(top, "inputs", &inputs) ||
	    json_object_array_length(inputs) != js->n) {
		fprintf(stderr, "report: not every input\n");
		abort();
	}
	for (i = 0; i < js->n; i++) {
		in = json_object_array_get_idx(inputs, i);
		if (!json_object_object_get_ex(in, "outputs", &outs))
			abort();
		for (k = 0; k < json_object_array_length(outs); k++) {
			out = json_object_array_get_idx(outs, k);
			buf_reset(&name);
			if (json_object_object_get_ex(out, "path_escaped",
			    &v)) {
				if (!unescape(json_object_get_string(v),
				    &name))
					abort();
				path = name.data;
			} else {
				json_object_object_get_ex(out, "path", &v);
				path = json_object_get_string(v);
			}
			want = job_output_path(b, &js->v[i], b->writers[k]);
			if (path == NULL || strcmp(path, want) != 0) {
				fprintf(stderr, "report: output path\n");
				abort();
			}
			free(want);
		}
	}
	buf_free(&name);
	json_object_put(top);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool	 ready;
	static char	*argv[MAX_ARGS + 2];
	struct batch	 b;
	struct jobs	*js;
	size_t		*todo, ntodo, i, start, argc;
	const char	*s = (const char *)data;
	char		*copy;
	FILE		*f;
	int		 first;

	if (!ready) {
		sandbox();
		opts_on_exit(on_exit_jump);
		ready = true;
	}
	enter();
	diag_set_verbosity(-2);
	/* The arguments, then the list after three NULs. */
	copy = malloc(size + 1);
	memcpy(copy, s, size);
	copy[size] = '\0';
	argv[0] = (char *)"lector";
	argc = 1;
	for (i = start = 0; i <= size && argc <= MAX_ARGS; i++) {
		if (i < size && s[i] != '\0')
			continue;
		argv[argc++] = copy + start;
		start = i + 1;
		if (i + 2 < size && s[i + 1] == '\0' && s[i + 2] == '\0') {
			if (escapes(s + i + 3, size - i - 3))
				return leave(copy);
			if ((f = fopen("list", "wb")) == NULL)
				abort();
			fwrite(s + i + 3, 1, size - i - 3, f);
			fclose(f);
			break;
		}
	}
	argv[argc] = NULL;
	/* Only names in the sandbox: no walk of the whole disk. */
	for (i = 1; i < argc; i++)
		if (escapes(argv[i], strlen(argv[i])))
			return leave(copy);
	if (setjmp(back) != 0)
		return leave(copy);
	first = cli_parse((int)argc, argv, &b);
	diag_set_verbosity(-2);
	if ((js = jobs_collect(argv + first, argc - (size_t)first, &b)) !=
	    NULL) {
		todo = batch_plan(&b, js, &ntodo);
		if (ntodo > js->n)
			abort();
		if (report_write(&b, js, "report.json") == 0)
			check_report(&b, js);
		free(todo);
		jobs_free(js);
	}
	return leave(copy);
}
