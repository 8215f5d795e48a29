/* abbrevs.h - private to src/text: the word lists of the sentence
 * splitter (abbrevs.c). */
#ifndef NG_TEXT_ABBREVS_H
#define NG_TEXT_ABBREVS_H

#include <stddef.h>

enum {
    LIST_TITLES,  /* take a dot and never end a sentence: "Mr", "Gen", "Jan", "No" */
    LIST_OTHERS,  /* take a dot and may end one: "Inc", "Ltd", "etc" */
    LIST_OPENERS, /* capitalised function words that start sentences: "The", "But" */
    NLISTS
};

/* Whether s[0..n) is a word of list which (LIST_*), case-sensitively. */
int ng_text_word_in(const char *s, size_t n, int which);
/* The lists (1 << LIST_*) s[0..n) is a word of, in one probe. */
unsigned ng_text_word_lists(const char *s, size_t n);
/* ng_text_word_in by a walk along the list: what the tests compare the
 * table with. */
int ng_text_word_in_plain(const char *s, size_t n, int which);

#endif
