/* test_cues.c - word lookups in the attribution lexicon (cues.c) with the
 * real data/cues.tsv: ASCII case and the typographic apostrophe are
 * folded, a token longer than any lexicon word is none, and the filter
 * in front of the table drops no spelling of a lexicon word. */
#include "check.h"
#include "cues.h"
#include "ng_config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ng_cues *cues;

static void test_word_lookups(void)
{
    const ng_word_info *a = ng_cues_word(cues, "didn't", 6);
    const ng_word_info *b = ng_cues_word(cues, "Didn\xe2\x80\x99t", 8);
    CHECK(a->classes & NG_WC_NEG);
    CHECK(a->classes == b->classes && a->cue == b->cue && a->phrase_max == b->phrase_max);
    const ng_word_info *said = ng_cues_word(cues, "said", 4), *upper = ng_cues_word(cues, "SAID", 4);
    CHECK(said->cue != NULL && said->cue == upper->cue);
    CHECK(ng_cues_word(cues, "saidsaidsaidsaidsaid", 20)->cue == NULL);
    CHECK(ng_cues_word(cues, "", 0)->cue == NULL);
    CHECK(ng_cues_word(cues, "Peskov", 6)->classes == 0);
    /* nine bytes and more: the second half of the key folds too */
    const ng_word_info *ex = ng_cues_word(cues, "explained", 9), *exu = ng_cues_word(cues, "EXPLAINED", 9);
    CHECK(ex->cue != NULL && ex->cue == exu->cue);
    /* a NUL inside a token is no word of the lexicon ("said\0" is not "said") */
    CHECK(ng_cues_word(cues, "said\0", 5)->cue == NULL);
    CHECK(ng_cues_word(cues, "sa\0d", 4)->cue == NULL);
    /* the word is read up to n bytes only */
    CHECK(ng_cues_word(cues, "saidx", 4)->cue == said->cue);
}

/* Writes w (n bytes, lowercase as in the lexicon) into out as a text may
 * spell it: the letters of `caps` (bit i: byte i) in upper case, each
 * apostrophe of `curly` (bit j: the j-th one) as the three bytes of ’. */
static size_t spell(const char *w, size_t n, unsigned caps, unsigned curly, char *out)
{
    size_t o = 0, quote = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = w[i];
        if (ch == '\'' && (curly >> quote++ & 1u)) {
            memcpy(out + o, "\xe2\x80\x99", 3);
            o += 3;
            continue;
        }
        if (i < 32 && (caps >> i & 1u) && ch >= 'a' && ch <= 'z')
            ch = (char)(ch - 32);
        out[o++] = ch;
    }
    return o;
}

/* The shape filter in front of the word table must let every spelling of
 * every word of data/cues.tsv through: each one (any case, any mix of '
 * and ’) gets the same record as the plain lowercase word, and that
 * record is not empty (every word in the lexicon has a class, a cue or
 * starts a phrase). A word the filter dropped would come back empty. */
static void test_every_lexicon_word(void)
{
    char path[4096], line[1024];
    snprintf(path, sizeof path, "%s/cues.tsv", NG_SOURCE_DATA_DIR);
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f)
        return;
    size_t words = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        size_t n = strcspn(line, " \t\r\n");
        if (!n)
            continue;
        const ng_word_info *plain = ng_cues_word(cues, line, n);
        CHECK(plain->classes || plain->cue || plain->phrase_max);
        size_t quotes = 0;
        for (size_t i = 0; i < n; i++)
            quotes += line[i] == '\'';
        const unsigned caps_of[] = {0u, 1u, ~0u, 0x5555u};
        for (unsigned curly = 0; curly < (1u << quotes) && curly < 16; curly++)
            for (size_t c = 0; c < sizeof caps_of / sizeof caps_of[0]; c++) {
                char buf[256];
                size_t len = spell(line, n, caps_of[c], curly, buf);
                const ng_word_info *w = ng_cues_word(cues, buf, len);
                CHECK(w->classes == plain->classes && w->features == plain->features &&
                      w->cue == plain->cue && w->phrase_max == plain->phrase_max);
                /* a cue or a phrase's first word passes the head filter */
                if (w->cue || w->phrase_max > 1)
                    CHECK(ng_cues_may_head(cues, buf, len));
            }
        words++;
    }
    fclose(f);
    CHECK(words > 100);
}

/* Every phrase of data/cues.tsv, in any case and with ’ for ', is found
 * whole: the filter on second words in front of the phrase table drops
 * none of them. */
static void test_every_lexicon_phrase(void)
{
    char path[4096], line[1024];
    snprintf(path, sizeof path, "%s/cues.tsv", NG_SOURCE_DATA_DIR);
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f)
        return;
    size_t phrases = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\t\r\n")] = '\0';
        if (!strchr(line, ' '))
            continue;
        const unsigned caps_of[] = {0u, 1u, ~0u, 0x5555u};
        for (size_t c = 0; c < sizeof caps_of / sizeof caps_of[0]; c++)
            for (unsigned curly = 0; curly < 2; curly++) {
                char spelled[8][64];
                ng_cue_word words[8];
                size_t n = 0;
                for (char *p = line; *p && n < 8;) {
                    size_t len = strcspn(p, " ");
                    words[n].n = spell(p, len, caps_of[c], curly ? ~0u : 0u, spelled[n]);
                    words[n].s = spelled[n];
                    n++;
                    p += len + (p[len] == ' ');
                }
                const ng_cue *cue = ng_cues_phrase(cues, words, n);
                CHECK(cue != NULL && strcmp(cue->form, line) == 0);
            }
        phrases++;
    }
    fclose(f);
    CHECK(phrases > 10);
    /* the head filter drops words that are no cue ("Peskov" is in no list) */
    CHECK(!ng_cues_may_head(cues, "", 0));
    /* a second word no phrase has: nothing, without looking further */
    ng_cue_word has_been[2] = {{"has", 3}, {"been", 4}};
    CHECK(ng_cues_phrase(cues, has_been, 2) == NULL);
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
    RUN(test_every_lexicon_word);
    RUN(test_phrase_lookups);
    RUN(test_every_lexicon_phrase);
    ng_cues_free(cues);
    return CHECK_DONE();
}
