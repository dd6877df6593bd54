/* SPDX-License-Identifier: ISC */
/*
 * A tiny unit-test harness: CHECK prints one TAP-style line per check
 * ("ok N - what" / "not ok N - what"), which tests/run.sh counts.  main()
 * starts with harness_plan(N), the number of checks it runs (run.sh
 * fails a test that runs another number), and ends with
 * "return harness_done();".
 */
#ifndef HARNESS_H
#define HARNESS_H

#include <stdio.h>
#include <string.h>

static int	harness_failed;
static int	harness_count;

#define CHECK(cond, ...) do {						\
	harness_count++;						\
	if (cond)							\
		printf("ok %s:%d - ", __FILE__, __LINE__);		\
	else {								\
		harness_failed++;					\
		printf("not ok %s:%d - ", __FILE__, __LINE__);		\
	}								\
	printf(__VA_ARGS__);						\
	putchar('\n');							\
} while (0)

/* Compare two strings, showing both on failure. */
#define CHECK_STR(got, want, what) do {					\
	const char *g_ = (got), *w_ = (want);				\
	CHECK(g_ != NULL && strcmp(g_, w_) == 0, "%s", what);		\
	if (g_ == NULL || strcmp(g_, w_) != 0)				\
		printf("#   got  \"%s\"\n#   want \"%s\"\n",		\
		    g_ ? g_ : "(null)", w_);				\
} while (0)

/* Say how many checks this test runs: the TAP plan. */
static void
harness_plan(int n)
{
	printf("1..%d\n", n);
}

static int
harness_done(void)
{
	fflush(stdout);
	return harness_failed > 0;
}

#endif /* HARNESS_H */
