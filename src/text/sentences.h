/* sentences.h - private to src/text: the sentence cutter (sentences.c)
 * that ng_text_analyze (text.c) runs on each paragraph's tokens. */
#ifndef NG_TEXT_SENTENCES_H
#define NG_TEXT_SENTENCES_H

#include "newsgraph/text.h"

#include <stddef.h>
#include <stdint.h>

/* The sentences of a document, growing as they are cut. */
typedef struct ngt_sent_vec {
    ng_sentence *v;
    size_t n, cap;
} ngt_sent_vec;

/* Grows sv to hold at least cap sentences; 0 or NG_ENOMEM. */
int ngt_reserve_sentences(ngt_sent_vec *sv, size_t cap);

/* Cuts the tokens [b, e) of paragraph para (text t) into sentences,
 * appended to sv, and marks the tokens (sentence index, NG_TOK_SENT_START,
 * NG_TOK_HEADLINE). Only the tokens in cuts[0..ncuts) (terminal marks and
 * abbreviations, in order) can end a sentence; the tests read none of the
 * marks, so each sentence is marked once it is cut. 0 or NG_ENOMEM. */
int ngt_split_sentences(const char *t, ng_token *v, size_t b, size_t e, uint32_t para,
                        const uint32_t *cuts, size_t ncuts, ngt_sent_vec *sv);

#endif
