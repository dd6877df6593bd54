/* SPDX-License-Identifier: ISC */
#ifndef FUZZ_LIB_H
#define FUZZ_LIB_H

struct doc;

/* Once: each writer loads its defaults, as main() has them do. */
void	 fuzz_setup(void);

/*
 * The speech step and the ID3 tag on made-up timings: at least one
 * chapter, every utterance in one, every chapter name within 80 columns,
 * every frame within the tag, every chapter's title one FFmpeg reads.
 */
void	 fuzz_speak(const struct doc *);

/* Every writer, to /dev/null, the audio ones on silence: none fails. */
void	 fuzz_write_all(struct doc *);

/* All of it: tree_check(), fuzz_speak(), fuzz_write_all(). */
void	 fuzz_document(struct doc *);

#endif /* FUZZ_LIB_H */
