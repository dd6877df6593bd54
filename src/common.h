/* SPDX-License-Identifier: ISC */
/*
 * Included first by every .c file: the feature-test macros and the few
 * headers that nearly every module needs.
 */
#ifndef COMMON_H
#define COMMON_H

#define _XOPEN_SOURCE 700	/* POSIX.1-2008 with XSI: realpath() */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LECTOR_VERSION "0.1.0"

/* Lets the compiler check printf-style arguments where it can. */
#if defined(__GNUC__) || defined(__clang__)
#define PRINTFLIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTFLIKE(f, a)
#endif

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

#endif /* COMMON_H */
