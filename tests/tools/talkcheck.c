/* SPDX-License-Identifier: ISC */
/*
 * talkcheck epub BOOK.read-aloud.epub TREE.xml
 * talkcheck daisy BOOK.daisy.zip TREE.xml
 *
 * The read-aloud oracle: a book whose text is synchronised with its
 * audio (an EPUB 3 with media overlays, or a DAISY 2.02 full-text
 * full-audio book) against the tree it came from (`lector -t tree`).
 * One TAP line for each property, in this order (a failure is "not ok"
 * with the first reason on a "#" line after it):
 *   targets    every par's text points at an id of the content document
 *              (EPUB: its overlay's document, as the package pairs them;
 *              DAISY: every file in the book's one folder, every link of
 *              ncc.html at a par or text of a SMIL file, every SMIL file
 *              reached from ncc.html);
 *   sentences  every sentence of the content is the target of exactly
 *              one par, and the pars point at the document in its order;
 *              a sentence is a span whose id is s and a number (lector's
 *              sentence ids), and in DAISY also a heading h1-h6 with an
 *              id and no such span inside (the title, say): a navigation
 *              point must be heard;
 *   clips      each clip ends after it begins and no earlier than the
 *              one before it on the same audio file ends, in playing
 *              order (EPUB: the spine's; DAISY: ncc.html's);
 *   audio      every clip ends within its audio file's length as ffprobe
 *              measures it, to the millisecond ("skip" without ffprobe);
 *   durations  EPUB: each overlay's media:duration is the sum of its
 *              clips and the one without refines the sum of those;
 *              DAISY: each SMIL file's seq dur (and ncc:timeInThisSmil)
 *              is the sum of its clips, its ncc:totalElapsedTime the sum
 *              of the files before it, and ncc:totalTime the sum of all
 *              (to the millisecond; a value written in whole seconds to
 *              the second);
 *   words      the tree's words, in order, are in the text of what the
 *              pars point at, in playing order (labels and other words
 *              spoken around them may come between);
 *   DTDs       DAISY only: ncc.html, every SMIL file and every content
 *              document are valid against the DTD their DOCTYPE names
 *              (XHTML 1.0 Strict or Transitional, SMIL 1.0), found
 *              through the XML catalog (Debian: w3c-sgml-lib), never on
 *              the network ("skip" when the catalog lacks them).
 * Clock values may be in any SMIL form: 12.345s, 12345ms, 1.5min,
 * 0:00:12.345, 00:12.345, and DAISY's npt=12.345s.  Exits 1 if a
 * property fails, 2 on bad usage.
 */
#define _POSIX_C_SOURCE 200809L

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <sys/wait.h>

#include <libxml/catalog.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <zip.h>

#include "lib/oracle.h"

enum check {
	CHECK_TARGETS,
	CHECK_SENTENCES,
	CHECK_CLIPS,
	CHECK_AUDIO,
	CHECK_DURATIONS,
	CHECK_WORDS,
	CHECK_DTDS,
	CHECK__MAX
};

static const char *const check_names[CHECK__MAX] = {
	"text targets", "sentences", "clips", "audio length", "durations",
	"words", "DTDs",
};

/* One audio clip; times in microseconds. */
struct clip {
	char		*audio;		/* the file's name in the ZIP */
	int64_t		 begin;
	int64_t		 end;
};

struct par {
	char		*where;		/* SMIL file and par, for messages */
	char		*doc;		/* the text's file in the ZIP, or NULL */
	char		*id;		/* the text's fragment, or NULL */
	xmlNodePtr	 target;	/* borrowed from the document's tree */
	size_t		 order;		/* the target's place in its document */
	struct clip	*clips;
	size_t		 nclips;
};

/* An element with an id, and its place in document order. */
struct idref {
	const char	*id;		/* borrowed from the node */
	xmlNodePtr	 node;
	size_t		 order;
};

struct smil {
	char		*path;		/* in the ZIP */
	struct idref	*ids;		/* sorted by id */
	size_t		 nids;
	char		*id;		/* EPUB: its manifest id */
	char		*doc;		/* EPUB: the document it belongs to */
	xmlDocPtr	 x;
	size_t		 first;		/* its pars: pars[first..first+n) */
	size_t		 n;
};

struct doc {
	char		*path;
	xmlDocPtr	 x;
	struct idref	*ids;		/* sorted by id */
	size_t		 nids;
};

struct book {
	const char	*what;		/* "talkcheck epub BOOK" */
	bool		 daisy;
	zip_t		*za;
	char		 root[512];	/* DAISY: the folder, with its '/' */
	xmlDocPtr	 pkg;		/* EPUB: the OPF; DAISY: ncc.html */
	char		*pkg_path;
	struct smil	*smils;
	size_t		 nsmils;
	struct par	*pars;
	size_t		 npars;
	struct doc	*docs;
	size_t		 ndocs;
	char		*fail[CHECK__MAX];	/* the first reason, or NULL */
	char		*skip[CHECK__MAX];	/* why not run, or NULL */
	char		 note[CHECK__MAX][128];	/* what an ok line counted */
};

static void	 fail(struct book *, enum check, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

static void
fail(struct book *b, enum check c, const char *fmt, ...)
{
	va_list	 ap;
	char	 msg[1024];

	if (b->fail[c] != NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	b->fail[c] = strdup(msg);
}

static void
fail_all(struct book *b, const char *msg)
{
	int	 c;

	for (c = 0; c < CHECK__MAX; c++)
		fail(b, (enum check)c, "%s", msg);
}

/* ---- Clock values ---------------------------------------------------------- */

/* Digits with an optional fraction at *s, in microseconds; -1 if none. */
static int64_t
decimal_us(const char **s)
{
	static const int64_t scale[6] = {
		100000, 10000, 1000, 100, 10, 1,
	};
	const char	*p = *s;
	int64_t		 v = 0;
	size_t		 k;

	if (!isdigit((unsigned char)*p))
		return -1;
	while (isdigit((unsigned char)*p))
		v = v * 10 + (*p++ - '0');
	v *= 1000000;
	if (*p == '.')
		for (p++, k = 0; isdigit((unsigned char)*p); p++, k++) {
			if (k < 6)
				v += (*p - '0') * scale[k];
			else if (k == 6 && *p >= '5')
				v++;	/* rounded at the microsecond */
		}
	*s = p;
	return v;
}

/*
 * A SMIL clock value in microseconds, or -1: a full or partial clock
 * (h:mm:ss.f, mm:ss.f) or a time count with an optional metric (h, min,
 * s, ms; seconds when none), after DAISY's "npt=".
 */
static int64_t
clock_us(const char *s)
{
	int64_t		 a, m, sec;
	const char	*p;

	if (s == NULL)
		return -1;
	while (isspace((unsigned char)*s))
		s++;
	if (strncmp(s, "npt=", 4) == 0)
		s += 4;
	if (strchr(s, ':') != NULL) {
		if ((a = decimal_us(&s)) < 0 || a % 1000000 != 0 || *s++ != ':')
			return -1;
		if ((m = decimal_us(&s)) < 0)
			return -1;
		if (*s == ':') {
			s++;
			if (m % 1000000 != 0 || (sec = decimal_us(&s)) < 0)
				return -1;
			a = a * 3600 + m * 60 + sec;
		} else
			a = a * 60 + m;
	} else {
		if ((a = decimal_us(&s)) < 0)
			return -1;
		p = s;
		if (strcmp(p, "h") == 0)
			a *= 3600, s += 1;
		else if (strcmp(p, "min") == 0)
			a *= 60, s += 3;
		else if (strcmp(p, "ms") == 0)
			a = (a + 500) / 1000, s += 2;
		else if (strcmp(p, "s") == 0)
			s += 1;
	}
	while (isspace((unsigned char)*s))
		s++;
	return *s == '\0' ? a : -1;
}

/* Whether a clock value is written to the second only (hh:mm:ss). */
static bool
whole_seconds(const char *s)
{
	return s != NULL && strchr(s, '.') == NULL && strchr(s, ':') != NULL;
}

/* t as seconds to the millisecond, in a static buffer of n (0-3). */
static const char *
secs(int64_t t, int n)
{
	static char	 buf[4][32];

	if (t < 0)
		snprintf(buf[n], sizeof(buf[n]), "(none)");
	else
		snprintf(buf[n], sizeof(buf[n]), "%lld.%03llds",
		    (long long)(t / 1000000), (long long)(t / 1000 % 1000));
	return buf[n];
}

/* Whether a declared time d (written as text) is the sum s. */
static bool
same_time(const char *text, int64_t d, int64_t s)
{
	int64_t	 diff;

	if (whole_seconds(text))
		return d / 1000000 == (s + 500000) / 1000000;
	diff = d > s ? d - s : s - d;
	return diff < 1000;
}

/* ---- Paths and documents ------------------------------------------------------ */

/*
 * href (without its fragment) taken from the folder of the ZIP entry
 * base, with "." and ".." resolved: a new string (free with free(3)).
 */
static char *
resolve(const char *base, const char *href)
{
	const char	*slash = strrchr(base, '/');
	char		*path, *out, *seg, *save = NULL, *hash;
	size_t		 dir = slash != NULL ? (size_t)(slash - base) + 1 : 0;
	size_t		 n = 0;

	path = malloc(dir + strlen(href) + 1);
	memcpy(path, base, dir);
	strcpy(path + dir, href);
	if ((hash = strchr(path, '#')) != NULL)
		*hash = '\0';
	out = calloc(1, strlen(path) + 2);
	for (seg = strtok_r(path, "/", &save); seg != NULL;
	    seg = strtok_r(NULL, "/", &save)) {
		if (strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0) {
			while (n > 0 && out[n - 1] != '/')
				n--;
			if (n > 0)
				n--;
			out[n] = '\0';
			continue;
		}
		if (n > 0)
			out[n++] = '/';
		strcpy(out + n, seg);
		n += strlen(seg);
	}
	free(path);
	return out;
}

/* The entry parsed as XML, without its DTD, or NULL. */
static xmlDocPtr
read_xml(struct book *b, const char *name)
{
	xmlDocPtr	 x;
	char		*data;
	size_t		 len;

	if ((data = zip_entry(b->za, name, &len)) == NULL)
		return NULL;
	x = xmlReadMemory(data, (int)len, name, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	free(data);
	return x;
}

static int
cmp_idref(const void *a, const void *b)
{
	return strcmp(((const struct idref *)a)->id,
	    ((const struct idref *)b)->id);
}

static void
walk_ids(xmlNodePtr n, struct idref **ids, size_t *nids, size_t *order)
{
	xmlAttrPtr	 a;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		(*order)++;
		for (a = n->properties; a != NULL; a = a->next)
			if (strcmp((const char *)a->name, "id") == 0 &&
			    a->children != NULL && a->children->content != NULL) {
				*ids = realloc(*ids, (*nids + 1) *
				    sizeof(**ids));
				(*ids)[*nids].id =
				    (const char *)a->children->content;
				(*ids)[*nids].node = n;
				(*ids)[*nids].order = *order;
				(*nids)++;
			}
		walk_ids(n->children, ids, nids, order);
	}
}

/* The elements of x with an id, sorted by id; 0 if an id is there twice. */
static bool
collect_ids(xmlDocPtr x, struct idref **ids, size_t *nids, const char **dup)
{
	size_t	 i, order = 0;

	walk_ids(xmlDocGetRootElement(x), ids, nids, &order);
	qsort(*ids, *nids, sizeof(**ids), cmp_idref);
	for (i = 1; i < *nids; i++)
		if (strcmp((*ids)[i - 1].id, (*ids)[i].id) == 0) {
			*dup = (*ids)[i].id;
			return false;
		}
	return true;
}

/* The elements called name under n (and n's siblings), in document order. */
static void
collect(xmlNodePtr n, const char *name, xmlNodePtr **v, size_t *nv)
{
	for (; n != NULL; n = n->next) {
		if (elem_is(n, name)) {
			*v = realloc(*v, (*nv + 1) * sizeof(**v));
			(*v)[(*nv)++] = n;
		}
		if (n->type == XML_ELEMENT_NODE)
			collect(n->children, name, v, nv);
	}
}

/* The content document at path, loaded once; NULL if not XML. */
static struct doc *
get_doc(struct book *b, const char *path)
{
	struct doc	*d;
	xmlDocPtr	 x;
	const char	*dup;
	size_t		 i;

	for (i = 0; i < b->ndocs; i++)
		if (strcmp(b->docs[i].path, path) == 0)
			return b->docs[i].x != NULL ? &b->docs[i] : NULL;
	x = read_xml(b, path);
	b->docs = realloc(b->docs, (b->ndocs + 1) * sizeof(*b->docs));
	d = &b->docs[b->ndocs++];
	memset(d, 0, sizeof(*d));
	d->path = strdup(path);
	d->x = x;
	if (x == NULL) {
		fail(b, CHECK_TARGETS, "%s is not in the book, or not "
		    "well-formed XML", path);
		return NULL;
	}
	if (!collect_ids(x, &d->ids, &d->nids, &dup))
		fail(b, CHECK_TARGETS, "%s has id \"%s\" twice", path, dup);
	return d;
}

static struct idref *
find_id(struct idref *ids, size_t nids, const char *id)
{
	struct idref	 key = { id, NULL, 0 };

	return bsearch(&key, ids, nids, sizeof(*ids), cmp_idref);
}

/* ---- SMIL ------------------------------------------------------------------ */

static void
add_clip(struct book *b, struct par *p, xmlNodePtr a, const char *smil)
{
	char	*src = elem_attr(a, "src");
	char	*cb = elem_attr(a, b->daisy ? "clip-begin" : "clipBegin");
	char	*ce = elem_attr(a, b->daisy ? "clip-end" : "clipEnd");
	struct clip *c;

	p->clips = realloc(p->clips, (p->nclips + 1) * sizeof(*p->clips));
	c = &p->clips[p->nclips++];
	c->audio = resolve(smil, src != NULL ? src : "");
	/* A clip without a beginning starts the file (SMIL's default). */
	c->begin = cb == NULL ? 0 : clock_us(cb);
	c->end = clock_us(ce);
	if (src == NULL)
		fail(b, CHECK_CLIPS, "%s: audio without src", p->where);
	else if (c->begin < 0 || c->end < 0)
		fail(b, CHECK_CLIPS, "%s: clip \"%s\" to \"%s\" is not two "
		    "clock values", p->where, cb != NULL ? cb : "",
		    ce != NULL ? ce : "(none)");
	xmlFree(src);
	xmlFree(cb);
	xmlFree(ce);
}

static void
add_audio(struct book *b, struct par *p, xmlNodePtr n, const char *smil)
{
	for (; n != NULL; n = n->next) {
		if (elem_is(n, "audio"))
			add_clip(b, p, n, smil);
		else if (n->type == XML_ELEMENT_NODE)
			add_audio(b, p, n->children, smil);
	}
}

static void
add_par(struct book *b, struct smil *s, xmlNodePtr n)
{
	struct par	*p;
	xmlNodePtr	 t;
	char		*src, *id, *hash, where[600];

	id = elem_attr(n, "id");
	snprintf(where, sizeof(where), "%s par %zu%s%s%s", s->path, s->n + 1,
	    id != NULL ? " (" : "", id != NULL ? id : "", id != NULL ? ")" :
	    "");
	xmlFree(id);
	b->pars = realloc(b->pars, (b->npars + 1) * sizeof(*b->pars));
	p = &b->pars[b->npars++];
	memset(p, 0, sizeof(*p));
	p->where = strdup(where);
	s->n++;
	for (t = elem_first(n->children); t != NULL; t = elem_next(t))
		if (elem_is(t, "text"))
			break;
	src = t != NULL ? elem_attr(t, "src") : NULL;
	if (src == NULL || (hash = strchr(src, '#')) == NULL ||
	    hash[1] == '\0')
		fail(b, CHECK_TARGETS, "%s: no text src of the form FILE#ID",
		    where);
	else {
		p->doc = resolve(s->path, src);
		p->id = strdup(hash + 1);
	}
	xmlFree(src);
	add_audio(b, p, n->children, s->path);
}

/* The pars under n, in document order (a par inside a par is not SMIL). */
static void
walk_pars(struct book *b, struct smil *s, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (elem_is(n, "par"))
			add_par(b, s, n);
		else if (n->type == XML_ELEMENT_NODE)
			walk_pars(b, s, n->children);
	}
}

static struct smil *
add_smil(struct book *b, const char *path)
{
	struct smil	*s;
	xmlNodePtr	 root;
	const char	*dup;

	b->smils = realloc(b->smils, (b->nsmils + 1) * sizeof(*b->smils));
	s = &b->smils[b->nsmils++];
	memset(s, 0, sizeof(*s));
	s->path = strdup(path);
	s->first = b->npars;
	s->x = read_xml(b, path);
	root = s->x != NULL ? xmlDocGetRootElement(s->x) : NULL;
	if (!elem_is(root, "smil"))
		fail(b, CHECK_TARGETS, "%s is not in the book, or not a SMIL "
		    "document", path);
	else {
		walk_pars(b, s, elem_find(root->children, "body"));
		if (!collect_ids(s->x, &s->ids, &s->nids, &dup))
			fail(b, CHECK_TARGETS, "%s has id \"%s\" twice",
			    path, dup);
	}
	return s;
}

/* The meta element whose attribute key is value, under n. */
static xmlNodePtr
find_meta(xmlNodePtr n, const char *key, const char *value)
{
	xmlNodePtr	 k;

	for (; n != NULL; n = n->next) {
		if (elem_is(n, "meta") && elem_attr_is(n, key, value))
			return n;
		if ((k = find_meta(n->children, key, value)) != NULL)
			return k;
	}
	return NULL;
}

/* ---- Loading an EPUB -------------------------------------------------------- */

static xmlNodePtr
manifest_item(xmlDocPtr opf, const char *id)
{
	xmlNodePtr	 k = elem_find(xmlDocGetRootElement(opf), "manifest");

	for (k = k != NULL ? elem_first(k->children) : NULL; k != NULL;
	    k = elem_next(k))
		if (elem_is(k, "item") && elem_attr_is(k, "id", id))
			return k;
	return NULL;
}

static int
load_epub(struct book *b)
{
	xmlDocPtr	 c;
	xmlNodePtr	 k, item, ov;
	char		*full, *idref, *mo, *href, *type;
	struct smil	*s;
	size_t		 i;
	bool		 used;

	if ((c = read_xml(b, "META-INF/container.xml")) == NULL ||
	    (k = elem_find(xmlDocGetRootElement(c), "rootfile")) == NULL ||
	    (full = elem_attr(k, "full-path")) == NULL) {
		xmlFreeDoc(c);
		fail_all(b, "no META-INF/container.xml naming the package");
		return -1;
	}
	xmlFreeDoc(c);
	b->pkg_path = strdup(full);
	xmlFree(full);
	if ((b->pkg = read_xml(b, b->pkg_path)) == NULL) {
		fail_all(b, "the package document is missing or not XML");
		return -1;
	}
	/* The overlays, in the spine's order. */
	k = elem_find(xmlDocGetRootElement(b->pkg), "spine");
	for (k = k != NULL ? elem_first(k->children) : NULL; k != NULL;
	    k = elem_next(k)) {
		idref = elem_attr(k, "idref");
		item = idref != NULL ? manifest_item(b->pkg, idref) : NULL;
		xmlFree(idref);
		mo = item != NULL ? elem_attr(item, "media-overlay") : NULL;
		if (mo == NULL)
			continue;
		ov = manifest_item(b->pkg, mo);
		href = ov != NULL ? elem_attr(ov, "href") : NULL;
		type = ov != NULL ? elem_attr(ov, "media-type") : NULL;
		if (href == NULL || type == NULL ||
		    strcmp(type, "application/smil+xml") != 0)
			fail(b, CHECK_TARGETS, "media-overlay=\"%s\" is not a "
			    "manifest item of type application/smil+xml", mo);
		else {
			full = resolve(b->pkg_path, href);
			s = add_smil(b, full);
			free(full);
			s->id = strdup(mo);
			href = (xmlFree(href), elem_attr(item, "href"));
			s->doc = resolve(b->pkg_path, href != NULL ? href : "");
		}
		xmlFree(mo);
		xmlFree(href);
		xmlFree(type);
	}
	if (b->nsmils == 0) {
		fail_all(b, "no spine item has a media-overlay");
		return -1;
	}
	/* An overlay no document names plays nowhere. */
	k = elem_find(xmlDocGetRootElement(b->pkg), "manifest");
	for (k = k != NULL ? elem_first(k->children) : NULL; k != NULL;
	    k = elem_next(k)) {
		if (!elem_attr_is(k, "media-type", "application/smil+xml"))
			continue;
		idref = elem_attr(k, "id");
		for (i = 0, used = false; i < b->nsmils && idref != NULL; i++)
			used = used || strcmp(b->smils[i].id, idref) == 0;
		if (!used)
			fail(b, CHECK_TARGETS, "overlay %s belongs to no "
			    "document of the spine", idref ? idref : "?");
		xmlFree(idref);
	}
	return 0;
}

/* ---- Loading a DAISY book ---------------------------------------------------- */

static int
load_daisy(struct book *b)
{
	zip_int64_t	 i, n = zip_get_num_entries(b->za, 0);
	const char	*name, *slash;
	xmlNodePtr	*links = NULL;
	char		*href, *path, *hash;
	size_t		 k, j, nlinks = 0, nncc = 0;
	bool		 seen;

	for (i = 0; i < n; i++) {
		name = zip_get_name(b->za, (zip_uint64_t)i, 0);
		if (name != NULL && (slash = strchr(name, '/')) != NULL &&
		    strchr(slash + 1, '/') == NULL &&
		    strcasecmp(slash + 1, "ncc.html") == 0 &&
		    (size_t)(slash - name) + 2 < sizeof(b->root)) {
			memcpy(b->root, name, (size_t)(slash - name) + 1);
			b->root[slash - name + 1] = '\0';
			b->pkg_path = strdup(name);
			nncc++;
		}
	}
	if (nncc != 1) {
		fail_all(b, nncc == 0 ? "no FOLDER/ncc.html in the zip" :
		    "more than one FOLDER/ncc.html in the zip");
		return -1;
	}
	for (i = 0; i < n; i++) {
		name = zip_get_name(b->za, (zip_uint64_t)i, 0);
		if (name != NULL && strncmp(name, b->root, strlen(b->root)))
			fail(b, CHECK_TARGETS, "%s is outside the book's "
			    "folder %s", name, b->root);
	}
	if ((b->pkg = read_xml(b, b->pkg_path)) == NULL) {
		fail_all(b, "ncc.html is not well-formed XML");
		return -1;
	}
	/* The SMIL files in the order ncc.html first links to them. */
	collect(xmlDocGetRootElement(b->pkg), "a", &links, &nlinks);
	for (j = 0; j < nlinks; j++) {
		href = elem_attr(links[j], "href");
		path = resolve(b->pkg_path, href != NULL ? href : "");
		for (k = 0, seen = false; k < b->nsmils && !seen; k++)
			seen = strcmp(b->smils[k].path, path) == 0;
		if (!seen)
			add_smil(b, path);
		free(path);
		xmlFree(href);
	}
	free(links);
	if (b->nsmils == 0) {
		fail_all(b, "ncc.html links to no SMIL file");
		return -1;
	}
	/* Every SMIL file of the book is played. */
	for (i = 0; i < n; i++) {
		name = zip_get_name(b->za, (zip_uint64_t)i, 0);
		hash = name != NULL ? strrchr(name, '.') : NULL;
		if (hash == NULL || strcasecmp(hash, ".smil") != 0)
			continue;
		for (k = 0, seen = false; k < b->nsmils && !seen; k++)
			seen = strcmp(b->smils[k].path, name) == 0;
		if (!seen)
			fail(b, CHECK_TARGETS, "%s is not reached from "
			    "ncc.html", name);
	}
	return 0;
}

/* ---- The checks ------------------------------------------------------------- */

/* DAISY: every link of ncc.html is at a par or text of its SMIL file. */
static void
ncc_links(struct book *b)
{
	xmlNodePtr	*links = NULL;
	struct idref	*r;
	char		*href, *path, *hash;
	size_t		 nlinks = 0, i, k;
	bool		 found;

	collect(xmlDocGetRootElement(b->pkg), "a", &links, &nlinks);
	for (i = 0; i < nlinks; i++) {
		href = elem_attr(links[i], "href");
		hash = href != NULL ? strchr(href, '#') : NULL;
		path = resolve(b->pkg_path, href != NULL ? href : "");
		for (k = 0, found = false; k < b->nsmils && hash != NULL; k++)
			if (strcmp(b->smils[k].path, path) == 0 &&
			    (r = find_id(b->smils[k].ids, b->smils[k].nids,
			    hash + 1)) != NULL)
				found = elem_is(r->node, "par") ||
				    elem_is(r->node, "text");
		if (!found)
			fail(b, CHECK_TARGETS, "ncc.html links to %s, not a "
			    "par or text of a SMIL file", href ? href : "?");
		free(path);
		xmlFree(href);
	}
	free(links);
}

static void
check_targets(struct book *b)
{
	struct par	*p;
	struct smil	*s;
	struct doc	*d;
	struct idref	*r;
	size_t		 i, k;

	for (k = 0; k < b->nsmils; k++) {
		s = &b->smils[k];
		for (i = s->first; i < s->first + s->n; i++) {
			p = &b->pars[i];
			if (p->doc == NULL)
				continue;
			if (s->doc != NULL && strcmp(p->doc, s->doc) != 0) {
				fail(b, CHECK_TARGETS, "%s points into %s, not "
				    "its overlay's document %s", p->where,
				    p->doc, s->doc);
				continue;
			}
			if ((d = get_doc(b, p->doc)) == NULL)
				continue;
			if ((r = find_id(d->ids, d->nids, p->id)) == NULL)
				fail(b, CHECK_TARGETS, "%s points at %s#%s, "
				    "which has no such id", p->where, p->doc,
				    p->id);
			else {
				p->target = r->node;
				p->order = r->order;
			}
		}
	}
	if (b->daisy)
		ncc_links(b);
	snprintf(b->note[CHECK_TARGETS], sizeof(b->note[0]), "%zu pars",
	    b->npars);
}

/* An id of lector's sentences: s and a number. */
static bool
sentence_id(const char *id)
{
	size_t	 n = id[0] == 's' ? strspn(id + 1, "0123456789") : 0;

	return n > 0 && id[n + 1] == '\0';
}

static bool
holds_sentence(xmlNodePtr n)
{
	char	*id;
	bool	 yes;

	for (n = n->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		id = elem_is(n, "span") ? elem_attr(n, "id") : NULL;
		yes = id != NULL && sentence_id(id);
		xmlFree(id);
		if (yes || holds_sentence(n))
			return true;
	}
	return false;
}

/* What must be heard: a sentence's span; in DAISY, a heading too. */
static bool
is_unit(const struct book *b, const struct idref *r)
{
	const char	*name = (const char *)r->node->name;

	if (strcmp(name, "span") == 0 && sentence_id(r->id))
		return true;
	return b->daisy && name[0] == 'h' && name[1] >= '1' &&
	    name[1] <= '6' && name[2] == '\0' && !holds_sentence(r->node);
}

static void
check_sentences(struct book *b)
{
	struct doc	*d;
	struct par	*p, *prev;
	size_t		 i, k, j, refs, units = 0;

	for (k = 0; k < b->ndocs; k++) {
		d = &b->docs[k];
		if (d->x == NULL)
			continue;
		/* Played in the document's order. */
		for (i = 0, prev = NULL; i < b->npars; i++) {
			p = &b->pars[i];
			if (p->target == NULL || strcmp(p->doc, d->path) != 0)
				continue;
			if (prev != NULL && p->order <= prev->order)
				fail(b, CHECK_SENTENCES, "%s (#%s) plays after "
				    "%s (#%s), which comes after it in %s",
				    p->where, p->id, prev->where, prev->id,
				    d->path);
			prev = p;
		}
		/* Each sentence once. */
		for (j = 0; j < d->nids; j++) {
			if (!is_unit(b, &d->ids[j]))
				continue;
			units++;
			for (i = 0, refs = 0; i < b->npars; i++)
				refs += b->pars[i].target == d->ids[j].node;
			if (refs != 1)
				fail(b, CHECK_SENTENCES, "%s#%s is the text of "
				    "%zu pars, not 1", d->path, d->ids[j].id,
				    refs);
		}
	}
	if (units == 0)
		fail(b, CHECK_SENTENCES, "the content has no sentence to "
		    "hear");
	snprintf(b->note[CHECK_SENTENCES], sizeof(b->note[0]),
	    "%zu sentences", units);
}

/* The distinct audio files of the book, in the order first played. */
static size_t
audio_files(const struct book *b, const char ***out)
{
	const char	**v = NULL;
	size_t		 n = 0, i, c, k;

	for (i = 0; i < b->npars; i++)
		for (c = 0; c < b->pars[i].nclips; c++) {
			for (k = 0; k < n; k++)
				if (strcmp(v[k], b->pars[i].clips[c].audio) == 0)
					break;
			if (k == n) {
				v = realloc(v, (n + 1) * sizeof(*v));
				v[n++] = b->pars[i].clips[c].audio;
			}
		}
	*out = v;
	return n;
}

static void
check_clips(struct book *b)
{
	const char	**files;
	struct clip	*c, *prev;
	size_t		 nf, f, i, k, n = 0;

	nf = audio_files(b, &files);
	for (f = 0; f < nf; f++)
		for (i = 0, prev = NULL; i < b->npars; i++)
			for (k = 0; k < b->pars[i].nclips; k++) {
				c = &b->pars[i].clips[k];
				if (strcmp(c->audio, files[f]) != 0 ||
				    c->begin < 0 || c->end < 0)
					continue;
				n++;
				if (c->end <= c->begin)
					fail(b, CHECK_CLIPS, "%s: its clip ends "
					    "at %s, not after its start %s",
					    b->pars[i].where, secs(c->end, 0),
					    secs(c->begin, 1));
				if (prev != NULL && c->begin < prev->end)
					fail(b, CHECK_CLIPS, "%s: its clip "
					    "starts at %s, before the clip "
					    "before it on %s ends (%s)",
					    b->pars[i].where, secs(c->begin, 0),
					    c->audio, secs(prev->end, 1));
				prev = c;
			}
	if (n == 0)
		fail(b, CHECK_CLIPS, "no audio clip");
	snprintf(b->note[CHECK_CLIPS], sizeof(b->note[0]), "%zu clips on "
	    "%zu files", n, nf);
	free(files);
}

/*
 * The length of the audio file name in the ZIP as ffprobe measures it,
 * from a copy in dir; -1 with a reason on failure, -2 without ffprobe.
 */
static int64_t
probe(struct book *b, const char *dir, const char *name, size_t k)
{
	char		 path[4096], cmd[4300], line[128];
	const char	*dot = strrchr(name, '.');
	char		*data;
	size_t		 len;
	FILE		*f;
	int		 st;
	int64_t		 us = -1;
	const char	*p = line;

	if ((data = zip_entry(b->za, name, &len)) == NULL) {
		fail(b, CHECK_AUDIO, "the audio file %s is not in the book",
		    name);
		return -1;
	}
	if ((size_t)snprintf(path, sizeof(path), "%s/audio%zu%s", dir, k,
	    dot != NULL && strchr(dot, '/') == NULL ? dot : "") >=
	    sizeof(path) || (f = fopen(path, "wb")) == NULL ||
	    fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		free(data);
		fail(b, CHECK_AUDIO, "cannot write %s", path);
		return -1;
	}
	free(data);
	snprintf(cmd, sizeof(cmd), "ffprobe -v error -show_entries "
	    "format=duration -of csv=p=0 '%s' 2>/dev/null", path);
	line[0] = '\0';
	if ((f = popen(cmd, "r")) == NULL)
		return -1;
	if (fgets(line, sizeof(line), f) != NULL)
		line[strcspn(line, "\r\n")] = '\0';
	st = pclose(f);
	remove(path);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 127)
		return -2;
	if (st != 0 || (us = decimal_us(&p)) < 0 || *p != '\0') {
		fail(b, CHECK_AUDIO, "ffprobe gives no length for %s (%s)",
		    name, line);
		return -1;
	}
	return us;
}

static void
check_audio(struct book *b)
{
	const char	**files;
	const char	*tmp = getenv("TMPDIR");
	char		 dir[2048];
	struct clip	*c;
	size_t		 nf, f, i, k;
	int64_t		 len;

	if (system("command -v ffprobe >/dev/null 2>&1") != 0) {
		b->skip[CHECK_AUDIO] = strdup("no ffprobe");
		return;
	}
	snprintf(dir, sizeof(dir), "%s/talkcheck.XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if (strchr(dir, '\'') != NULL || mkdtemp(dir) == NULL) {
		fail(b, CHECK_AUDIO, "cannot make a folder like %s", dir);
		return;
	}
	nf = audio_files(b, &files);
	for (f = 0; f < nf; f++) {
		if ((len = probe(b, dir, files[f], f)) == -2) {
			b->skip[CHECK_AUDIO] = strdup("no ffprobe");
			break;
		}
		for (i = 0; i < b->npars && len >= 0; i++)
			for (k = 0; k < b->pars[i].nclips; k++) {
				c = &b->pars[i].clips[k];
				/* Clock values are written to the ms. */
				if (strcmp(c->audio, files[f]) == 0 &&
				    c->end > len + 1000)
					fail(b, CHECK_AUDIO, "%s: its clip "
					    "ends at %s, after the end of %s "
					    "(%s)", b->pars[i].where,
					    secs(c->end, 0), c->audio,
					    secs(len, 1));
			}
	}
	rmdir(dir);
	snprintf(b->note[CHECK_AUDIO], sizeof(b->note[0]), "%zu files", nf);
	free(files);
}

static int64_t
clips_sum(const struct book *b, const struct smil *s)
{
	int64_t	 sum = 0;
	size_t	 i, k;

	for (i = s->first; i < s->first + s->n; i++)
		for (k = 0; k < b->pars[i].nclips; k++)
			if (b->pars[i].clips[k].begin >= 0 &&
			    b->pars[i].clips[k].end >= 0)
				sum += b->pars[i].clips[k].end -
				    b->pars[i].clips[k].begin;
	return sum;
}

/* A declared time against the sum it must be; total gets what it says. */
static void
same_sum(struct book *b, const char *what, const char *text, int64_t sum,
    int64_t *said)
{
	int64_t	 t = clock_us(text);

	if (text == NULL)
		fail(b, CHECK_DURATIONS, "%s is missing", what);
	else if (t < 0)
		fail(b, CHECK_DURATIONS, "%s \"%s\" is not a clock value",
		    what, text);
	else if (!same_time(text, t, sum))
		fail(b, CHECK_DURATIONS, "%s is %s (\"%s\"), but the clips "
		    "add up to %s", what, secs(t, 0), text, secs(sum, 1));
	if (said != NULL)
		*said = t < 0 ? 0 : t;
}

static char *
meta_text(xmlNodePtr m, bool daisy)
{
	return m == NULL ? NULL : daisy ? elem_attr(m, "content") :
	    elem_text(m);
}

static void
free_meta(char *s, bool daisy)
{
	if (daisy)
		xmlFree(s);
	else
		free(s);
}

static void
check_durations(struct book *b)
{
	struct smil	*s;
	xmlNodePtr	 root = xmlDocGetRootElement(b->pkg), m, seq;
	char		 what[600], ref[300], *text;
	int64_t		 total = 0, said, sum;
	size_t		 k;

	for (k = 0; k < b->nsmils; k++) {
		s = &b->smils[k];
		if (s->x == NULL)
			continue;
		sum = clips_sum(b, s);
		if (!b->daisy) {
			snprintf(ref, sizeof(ref), "#%s", s->id);
			snprintf(what, sizeof(what), "media:duration of %s",
			    s->id);
			for (m = find_meta(root, "property", "media:duration");
			    m != NULL && !elem_attr_is(m, "refines", ref);
			    m = m->next != NULL ? find_meta(m->next,
			    "property", "media:duration") : NULL)
				;
			text = meta_text(m, false);
			same_sum(b, what, text, sum, &said);
			free(text);
			total += said;
			continue;
		}
		/* DAISY: the seq's dur and the SMIL file's own metas. */
		seq = elem_find(xmlDocGetRootElement(s->x), "body");
		seq = seq != NULL ? elem_first(seq->children) : NULL;
		snprintf(what, sizeof(what), "%s's body seq dur", s->path);
		text = elem_is(seq, "seq") ? elem_attr(seq, "dur") : NULL;
		same_sum(b, what, text, sum, &said);
		xmlFree(text);
		m = find_meta(xmlDocGetRootElement(s->x), "name",
		    "ncc:timeInThisSmil");
		if ((text = meta_text(m, true)) != NULL) {
			snprintf(what, sizeof(what), "%s's ncc:timeInThisSmil",
			    s->path);
			same_sum(b, what, text, sum, NULL);
		}
		free_meta(text, true);
		m = find_meta(xmlDocGetRootElement(s->x), "name",
		    "ncc:totalElapsedTime");
		if ((text = meta_text(m, true)) != NULL) {
			snprintf(what, sizeof(what), "%s's "
			    "ncc:totalElapsedTime (the files before it)",
			    s->path);
			same_sum(b, what, text, total, NULL);
		}
		free_meta(text, true);
		total += said;
	}
	/* The book's total: the sum of what each overlay or file says. */
	if (b->daisy)
		m = find_meta(root, "name", "ncc:totalTime");
	else
		for (m = find_meta(root, "property", "media:duration");
		    m != NULL && xmlHasProp(m, (const xmlChar *)"refines");
		    m = m->next != NULL ? find_meta(m->next, "property",
		    "media:duration") : NULL)
			;
	text = meta_text(m, b->daisy);
	same_sum(b, b->daisy ? "ncc:totalTime" : "the total media:duration",
	    text, total, NULL);
	free_meta(text, b->daisy);
	snprintf(b->note[CHECK_DURATIONS], sizeof(b->note[0]), "%s in %zu "
	    "%s", secs(total, 0), b->nsmils, b->daisy ? "SMIL files" :
	    "overlays");
}

/* The words of the tree's title element, as tree_words() takes them. */
static void
add_title_words(struct words *w, xmlNodePtr title)
{
	char	*t = elem_text(title);

	words_add(w, t, true);
	free(t);
}

static void
check_words(struct book *b, xmlDocPtr tree)
{
	struct words	 want = { 0 }, got = { 0 };
	struct doc	*d;
	xmlNodePtr	 title;
	xmlChar		*from;
	char		*t, around[256];
	size_t		 i, k, j, g = 0;
	bool		 units;

	tree_words(tree, &want);
	/* A title made from the first sentence is heard as that sentence,
	 * not twice: its words are not looked for. */
	if ((title = tree_meta(tree, "title")) != NULL &&
	    (from = xmlGetProp(title, (const xmlChar *)"from")) != NULL) {
		if (strcmp((const char *)from, "sentence") == 0) {
			struct words	 tw = { 0 };

			add_title_words(&tw, title);
			for (i = 0; i < tw.n && i < want.n; i++)
				free(want.v[i]);
			memmove(want.v, want.v + i, (want.n - i) *
			    sizeof(*want.v));
			want.n -= i;
			words_free(&tw);
		}
		xmlFree(from);
	}
	for (i = 0; i < b->npars; i++) {
		if (b->pars[i].target == NULL)
			continue;
		/* Only documents with sentences: not a navigation
		 * document's overlay, say. */
		d = NULL;
		for (k = 0; k < b->ndocs && d == NULL; k++)
			if (strcmp(b->docs[k].path, b->pars[i].doc) == 0)
				d = &b->docs[k];
		for (j = 0, units = false; d != NULL && j < d->nids && !units;
		    j++)
			units = is_unit(b, &d->ids[j]);
		if (!units)
			continue;
		t = elem_text(b->pars[i].target);
		words_add(&got, t, true);
		free(t);
	}
	/* In order, with other words allowed between. */
	for (i = 0; i < want.n; i++) {
		while (g < got.n && strcmp(got.v[g], want.v[i]) != 0)
			g++;
		if (g == got.n)
			break;
		g++;
	}
	if (i < want.n) {
		/* The word and the tree's words around it. */
		around[0] = '\0';
		for (k = i > 3 ? i - 3 : 0; k < want.n && k < i + 4; k++)
			if (strlen(around) + strlen(want.v[k]) + 4 <
			    sizeof(around))
				snprintf(around + strlen(around),
				    sizeof(around) - strlen(around),
				    k == i ? " [%s]" : " %s", want.v[k]);
		fail(b, CHECK_WORDS, "word %zu of %zu is not in what the pars "
		    "point at, after the word before it:%s", i + 1, want.n,
		    around);
	}
	snprintf(b->note[CHECK_WORDS], sizeof(b->note[0]), "%zu words",
	    want.n);
	words_free(&want);
	words_free(&got);
}

/* ---- DTD validation (DAISY) ------------------------------------------------- */

static char	 first_error[512];

static void
on_error(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	if (first_error[0] == '\0' && e != NULL && e->message != NULL) {
		snprintf(first_error, sizeof(first_error), "line %d: %s",
		    e->line, e->message);
		first_error[strcspn(first_error, "\n")] = '\0';
	}
}

/*
 * One document against the DTD its DOCTYPE names, which must be one of
 * publics (NULL-ended); the DTD comes from the catalog or not at all.
 */
static void
validate(struct book *b, const char *name, const char *const *publics)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr	 x;
	char		*data, *uri, *pub;
	size_t		 len, k;
	bool		 known = false;

	if ((x = read_xml(b, name)) == NULL) {
		fail(b, CHECK_DTDS, "%s is missing or not well-formed", name);
		return;
	}
	pub = x->intSubset != NULL && x->intSubset->ExternalID != NULL ?
	    strdup((const char *)x->intSubset->ExternalID) : NULL;
	xmlFreeDoc(x);
	for (k = 0; pub != NULL && publics[k] != NULL; k++)
		known = known || strcmp(pub, publics[k]) == 0;
	if (!known) {
		fail(b, CHECK_DTDS, "%s: its DOCTYPE is %s, not %s%s", name,
		    pub != NULL ? pub : "missing", publics[0],
		    publics[1] != NULL ? " or the like" : "");
		free(pub);
		return;
	}
	if ((uri = (char *)xmlCatalogResolvePublic((const xmlChar *)pub)) ==
	    NULL) {
		if (b->skip[CHECK_DTDS] == NULL) {
			char	 why[300];

			snprintf(why, sizeof(why), "no local DTD for %s in the "
			    "XML catalog (Debian: w3c-sgml-lib)", pub);
			b->skip[CHECK_DTDS] = strdup(why);
		}
		free(pub);
		return;
	}
	xmlFree(uri);
	data = zip_entry(b->za, name, &len);
	first_error[0] = '\0';
	xmlSetStructuredErrorFunc(NULL, on_error);
	ctxt = xmlNewParserCtxt();
	x = xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL,
	    XML_PARSE_DTDLOAD | XML_PARSE_DTDVALID | XML_PARSE_NONET);
	if (x == NULL || !ctxt->valid || x->extSubset == NULL)
		fail(b, CHECK_DTDS, "%s is not valid against %s: %s", name,
		    pub, first_error[0] != '\0' ? first_error :
		    "(no message)");
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlFreeDoc(x);
	xmlFreeParserCtxt(ctxt);
	free(data);
	free(pub);
}

static void
check_dtds(struct book *b)
{
	static const char *const xhtml[] = {
		"-//W3C//DTD XHTML 1.0 Transitional//EN",
		"-//W3C//DTD XHTML 1.0 Strict//EN", NULL,
	};
	static const char *const smil[] = { "-//W3C//DTD SMIL 1.0//EN", NULL };
	size_t	 k, n = 1;

	validate(b, b->pkg_path, xhtml);
	for (k = 0; k < b->nsmils; k++, n++)
		validate(b, b->smils[k].path, smil);
	for (k = 0; k < b->ndocs; k++, n++)
		validate(b, b->docs[k].path, xhtml);
	snprintf(b->note[CHECK_DTDS], sizeof(b->note[0]), "%zu files", n);
}

/* ---- Main ------------------------------------------------------------------- */

static void
report(struct book *b, int c, int *rc)
{
	if (b->fail[c] != NULL) {
		printf("not ok %s: %s\n#   %s\n", b->what, check_names[c],
		    b->fail[c]);
		*rc = 1;
	} else if (b->skip[c] != NULL)
		printf("skip 1 %s: %s: %s\n", b->what, check_names[c],
		    b->skip[c]);
	else
		printf("ok %s: %s (%s)\n", b->what, check_names[c],
		    b->note[c]);
}

static void
book_free(struct book *b)
{
	size_t	 i, k;

	for (i = 0; i < b->npars; i++) {
		for (k = 0; k < b->pars[i].nclips; k++)
			free(b->pars[i].clips[k].audio);
		free(b->pars[i].clips);
		free(b->pars[i].where);
		free(b->pars[i].doc);
		free(b->pars[i].id);
	}
	for (i = 0; i < b->nsmils; i++) {
		free(b->smils[i].path);
		free(b->smils[i].id);
		free(b->smils[i].doc);
		free(b->smils[i].ids);
		xmlFreeDoc(b->smils[i].x);
	}
	for (i = 0; i < b->ndocs; i++) {
		free(b->docs[i].path);
		free(b->docs[i].ids);
		xmlFreeDoc(b->docs[i].x);
	}
	for (i = 0; i < CHECK__MAX; i++) {
		free(b->fail[i]);
		free(b->skip[i]);
	}
	free(b->pars);
	free(b->smils);
	free(b->docs);
	free(b->pkg_path);
	xmlFreeDoc(b->pkg);
	if (b->za != NULL)
		zip_discard(b->za);
}

int
main(int argc, char *argv[])
{
	struct book	 b;
	xmlDocPtr	 tree;
	char		 what[4096];
	int		 err, c, rc = 0, last;

	if (argc != 4 || (strcmp(argv[1], "epub") != 0 &&
	    strcmp(argv[1], "daisy") != 0)) {
		fprintf(stderr, "usage: talkcheck epub|daisy BOOK TREE.xml\n");
		return 2;
	}
	memset(&b, 0, sizeof(b));
	b.daisy = strcmp(argv[1], "daisy") == 0;
	last = b.daisy ? CHECK_DTDS : CHECK_WORDS;
	snprintf(what, sizeof(what), "talkcheck %s %s", argv[1], argv[2]);
	b.what = what;
	/* tree_load prints its own line: one more, in place of ours. */
	if ((tree = tree_load(argv[3], what)) == NULL)
		return 1;
	if ((b.za = zip_open(argv[2], ZIP_RDONLY, &err)) == NULL)
		fail_all(&b, "not a ZIP file");
	else if ((b.daisy ? load_daisy(&b) : load_epub(&b)) == 0) {
		check_targets(&b);
		check_sentences(&b);
		check_clips(&b);
		check_audio(&b);
		check_durations(&b);
		check_words(&b, tree);
		if (b.daisy)
			check_dtds(&b);
	}
	for (c = 0; c <= last; c++)
		report(&b, c, &rc);
	book_free(&b);
	xmlFreeDoc(tree);
	return rc;
}
