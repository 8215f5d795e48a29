/* test_cues.c - word lookups in the attribution lexicon (cues.c) with the
 * real data/cues.tsv: ASCII case and the typographic apostrophe are
 * folded, and a token longer than any lexicon word is none. */
#include "check.h"
#include "cues.h"
#include "ng_config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ng_cues *cues;

static void test_word_lookups(void)
{
    ng_word_info a = ng_cues_word(cues, "didn't", 6);
    ng_word_info b = ng_cues_word(cues, "Didn\xe2\x80\x99t", 8);
    CHECK(a.classes & NG_WC_NEG);
    CHECK(a.classes == b.classes && a.cue == b.cue && a.phrase_max == b.phrase_max);
    ng_word_info said = ng_cues_word(cues, "said", 4), upper = ng_cues_word(cues, "SAID", 4);
    CHECK(said.cue != NULL && said.cue == upper.cue);
    CHECK(ng_cues_word(cues, "saidsaidsaidsaidsaid", 20).cue == NULL);
    CHECK(ng_cues_word(cues, "", 0).cue == NULL);
    CHECK(ng_cues_word(cues, "Peskov", 6).classes == 0);
    /* nine bytes and more: the second half of the key folds too */
    ng_word_info ex = ng_cues_word(cues, "explained", 9), exu = ng_cues_word(cues, "EXPLAINED", 9);
    CHECK(ex.cue != NULL && ex.cue == exu.cue);
    /* a NUL inside a token is no word of the lexicon ("said\0" is not "said") */
    CHECK(ng_cues_word(cues, "said\0", 5).cue == NULL);
    CHECK(ng_cues_word(cues, "sa\0d", 4).cue == NULL);
    /* the word is read up to n bytes only */
    CHECK(ng_cues_word(cues, "saidx", 4).cue == said.cue);
}

static const ng_cue *phrase(const char *const *w, size_t n)
{
    ng_cue_word words[8];
    for (size_t i = 0; i < n; i++) {
        words[i].s = w[i];
        words[i].n = strlen(w[i]);
    }
    return ng_cues_phrase(cues, words, n);
}

/* The longest phrase wins; a start of a phrase that is no phrase itself
 * ("in the") matches nothing, and words past a dead end are not read. */
static void test_phrase_lookups(void)
{
    const char *const words_of[] = {"In", "the", "words", "of", "Peskov"};
    const ng_cue *c = phrase(words_of, 5);
    CHECK(c != NULL && strcmp(c->form, "in the words of") == 0);
    CHECK(phrase(words_of, 2) == NULL);
    CHECK(phrase(words_of, 3) == NULL);
    const char *const according[] = {"according", "to", "officials"};
    c = phrase(according, 3);
    CHECK(c != NULL && strcmp(c->form, "according to") == 0);
    const char *const dead[] = {"in", "a", "words", "of"};
    CHECK(phrase(dead, 4) == NULL);
}

int main(void)
{
    ng_error err;
    if (ng_cues_load(NG_SOURCE_DATA_DIR, &cues, &err) < 0) {
        fprintf(stderr, "cannot load cues: %s\n", err.message);
        return 2;
    }
    RUN(test_word_lookups);
    RUN(test_phrase_lookups);
    ng_cues_free(cues);
    return CHECK_DONE();
}
