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

#endif
