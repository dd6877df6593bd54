/* SPDX-License-Identifier: ISC */
#ifndef CLI_H
#define CLI_H

struct batch;

/*
 * Parse the command line (every module's options, then the operands)
 * into b: the formats, where the outputs go, how inputs are read; also
 * SOURCE_DATE_EPOCH and how much to say.  Returns the index in argv of
 * the first input.  A usage error prints one line and ends the program
 * with 2 (opts_usage()); so does --help, with 0.
 */
int	 cli_parse(int argc, char *argv[], struct batch *b);

/* Free what cli_parse() made (b's list of writers among it). */
void	 cli_free(void);

#endif /* CLI_H */
