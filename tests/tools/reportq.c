/* SPDX-License-Identifier: ISC */
/*
 * reportq REPORT.json: the --report of a run as flat lines a test can
 * grep, after checking that it is JSON of the expected shape (exit 1 with
 * a line saying what is wrong if not):
 *
 *	input	PATH	STATUS	REASON
 *	output	PATH	FORMAT	OUTPUT-PATH	STATUS	REASON
 *	totals	CONVERTED	SKIPPED	FAILED	OTHER-SHARD
 *
 * (tab-separated; REASON is empty when there is none).
 *
 * reportq -w REPORT.json: the exact bytes of the path of every output the
 * report says was written, each followed by a NUL (for comparing with
 * find -print0): from "path_escaped", decoded here, where the name is not
 * UTF-8.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <json.h>

static const char *
str(struct json_object *o, const char *key, bool need)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string)) {
		if (need) {
			printf("reportq: no string \"%s\"\n", key);
			return NULL;
		}
		return "";
	}
	return json_object_get_string(v);
}

static bool
count(struct json_object *o, const char *key, long long *n)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_int)) {
		printf("reportq: no number \"%s\"\n", key);
		return false;
	}
	*n = json_object_get_int64(v);
	return true;
}

/* Decode the escaped form of a name (\xHH, \\) into out. */
static bool
unescape(const char *s, FILE *out)
{
	unsigned	 v;

	for (; *s != '\0'; s++) {
		if (*s != '\\') {
			putc(*s, out);
			continue;
		}
		if (s[1] == '\\') {
			putc('\\', out);
			s++;
		} else if (s[1] == 'x' && sscanf(s + 2, "%2x", &v) == 1 &&
		    s[2] != '\0' && s[3] != '\0') {
			putc((int)v, out);
			s += 3;
		} else {
			printf("reportq: bad escape in \"%s\"\n", s);
			return false;
		}
	}
	return true;
}

/* reportq -w: the written outputs' paths, NUL-terminated. */
static int
written(struct json_object *inputs)
{
	struct json_object *in, *outs, *out, *v;
	const char	*st;
	size_t		 i, k;

	for (i = 0; i < json_object_array_length(inputs); i++) {
		in = json_object_array_get_idx(inputs, i);
		if (!json_object_object_get_ex(in, "outputs", &outs))
			return 1;
		for (k = 0; k < json_object_array_length(outs); k++) {
			out = json_object_array_get_idx(outs, k);
			if ((st = str(out, "status", true)) == NULL)
				return 1;
			if (strcmp(st, "written") != 0)
				continue;
			if (json_object_object_get_ex(out, "path_escaped",
			    &v)) {
				if (!unescape(json_object_get_string(v),
				    stdout))
					return 1;
			} else
				fputs(str(out, "path", false), stdout);
			putchar('\0');
		}
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	struct json_object *top, *inputs, *in, *outs, *out;
	const char	*path, *status, *fmt, *opath, *ostatus;
	long long	 n[4];
	size_t		 i, k;
	bool		 w = argc == 3 && strcmp(argv[1], "-w") == 0;
	int		 rc;

	if (w) {
		argc--;
		argv++;
	}
	if (argc != 2) {
		fprintf(stderr, "usage: reportq [-w] REPORT.json\n");
		return 2;
	}
	if ((top = json_object_from_file(argv[1])) == NULL ||
	    !json_object_object_get_ex(top, "inputs", &inputs) ||
	    !json_object_is_type(inputs, json_type_array)) {
		printf("reportq: %s is not a report (no \"inputs\" list)\n",
		    argv[1]);
		return 1;
	}
	if (w) {
		rc = written(inputs);
		json_object_put(top);
		return rc;
	}
	for (i = 0; i < json_object_array_length(inputs); i++) {
		in = json_object_array_get_idx(inputs, i);
		if ((path = str(in, "input", true)) == NULL ||
		    (status = str(in, "status", true)) == NULL ||
		    !json_object_object_get_ex(in, "outputs", &outs) ||
		    !json_object_is_type(outs, json_type_array))
			return 1;
		printf("input\t%s\t%s\t%s\n", path, status,
		    str(in, "reason", false));
		for (k = 0; k < json_object_array_length(outs); k++) {
			out = json_object_array_get_idx(outs, k);
			if ((fmt = str(out, "format", true)) == NULL ||
			    (opath = str(out, "path", true)) == NULL ||
			    (ostatus = str(out, "status", true)) == NULL)
				return 1;
			printf("output\t%s\t%s\t%s\t%s\t%s\n", path, fmt,
			    opath, ostatus, str(out, "reason", false));
		}
	}
	if (!count(top, "converted", &n[0]) || !count(top, "skipped", &n[1]) ||
	    !count(top, "failed", &n[2]) || !count(top, "other_shard", &n[3]))
		return 1;
	printf("totals\t%lld\t%lld\t%lld\t%lld\n", n[0], n[1], n[2], n[3]);
	json_object_put(top);
	return 0;
}
