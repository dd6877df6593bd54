/* SPDX-License-Identifier: ISC */
/*
 * The --report: what became of each input and of each of its outputs, as
 * JSON through json-c.
 */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "batch.h"
#include "buf.h"
#include "diag.h"
#include "job.h"
#include "report.h"
#include "sink.h"
#include "utf8.h"
#include "writer.h"
#include "xalloc.h"

static const char *const state_names[] = {
	"pending", "converted", "failed", "skipped", "timeout", "crashed",
	"other-shard", "not-run", "interrupted",
};

static const char *const fate_names[] = {
	"not-attempted", "writing", "written", "failed", "up-to-date",
};

/* A JSON string of s, its malformed bytes as U+FFFD (JSON is UTF-8). */
static struct json_object *
json_text(const char *s)
{
	struct json_object *o;
	struct buf	 b = { 0 };
	size_t		 i, n, len = strlen(s);
	int32_t		 cp;

	if (utf8_valid(s, len))
		return json_object_new_string(s);
	for (i = 0; i < len; i += n) {
		n = utf8_next(s + i, len - i, &cp);
		utf8_put(&b, cp);
	}
	o = json_object_new_string(b.data != NULL ? b.data : "");
	buf_free(&b);
	return o;
}

/*
 * Add name under key to o, and, if it is not UTF-8 (a file name can be
 * any bytes), its exact bytes under key_escaped: the bytes that are not
 * UTF-8 as \xHH, a backslash as \\ (utf8_escape()).
 */
static void
json_name(struct json_object *o, const char *key, const char *name)
{
	struct buf	 b = { 0 };
	char		*k;

	json_object_object_add(o, key, json_text(name));
	if (utf8_valid(name, strlen(name)))
		return;
	utf8_escape(&b, name, strlen(name), ESC_BACKSLASH);
	k = xasprintf("%s_escaped", key);
	json_object_object_add(o, k, json_object_new_string(b.data));
	free(k);
	buf_free(&b);
}

/* The outputs of job j and what became of each. */
static struct json_object *
json_outputs(const struct batch *b, const struct job *j)
{
	struct json_object *list, *o;
	enum out_fate	 fate;
	char		*path;
	size_t		 k;

	list = json_object_new_array();
	if (*j->rel == '\0')
		return list;	/* not found: it has no outputs */
	for (k = 0; k < b->nwriters; k++) {
		fate = j->fates != NULL ? j->fates[k] : OUTPUT_NOT_ATTEMPTED;
		if (j->state == JOB_SKIPPED)
			fate = OUTPUT_UP_TO_DATE;
		path = job_output_path(b, j, b->writers[k]);
		o = json_object_new_object();
		json_object_object_add(o, "format",
		    json_object_new_string(b->writers[k]->name));
		json_name(o, "path", path);
		json_object_object_add(o, "status",
		    json_object_new_string(fate_names[fate]));
		if (fate == OUTPUT_FAILED && j->why[k] != NULL)
			json_object_object_add(o, "reason",
			    json_text(j->why[k]));
		json_object_array_add(list, o);
		free(path);
	}
	return list;
}

int
report_write(const struct batch *b, const struct jobs *js, const char *path)
{
	struct json_object *top, *inputs, *o;
	size_t		 i, count[NELEM(state_names)] = { 0 };
	const struct job *j;
	const char	*text;
	struct sink	*s;
	int		 rc;

	top = json_object_new_object();
	inputs = json_object_new_array();
	json_object_object_add(top, "inputs", inputs);
	for (i = 0; i < js->n; i++) {
		j = &js->v[i];
		count[j->state]++;
		o = json_object_new_object();
		json_name(o, "input", j->in);
		json_object_object_add(o, "status",
		    json_object_new_string(state_names[j->state]));
		if (j->reason != NULL)
			json_object_object_add(o, "reason",
			    json_text(j->reason));
		json_object_object_add(o, "outputs", json_outputs(b, j));
		json_object_array_add(inputs, o);
	}
	json_object_object_add(top, "converted",
	    json_object_new_uint64(count[JOB_DONE]));
	json_object_object_add(top, "skipped",
	    json_object_new_uint64(count[JOB_SKIPPED]));
	json_object_object_add(top, "failed",
	    json_object_new_uint64(count[JOB_FAILED] + count[JOB_TIMEOUT] +
	    count[JOB_CRASHED] + count[JOB_NOT_RUN] +
	    count[JOB_INTERRUPTED]));
	json_object_object_add(top, "other_shard",
	    json_object_new_uint64(count[JOB_OTHER_SHARD]));
	text = json_object_to_json_string_ext(top, JSON_C_TO_STRING_PRETTY |
	    JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE);

	diag_reset(path);
	rc = -1;
	if ((s = sink_open(NULL, path, 0)) != NULL) {
		fputs(text, sink_stream(s));
		fputc('\n', sink_stream(s));
		rc = sink_commit(s, true);
	}
	diag_reset(NULL);
	json_object_put(top);
	return rc;
}
