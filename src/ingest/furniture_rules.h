/* furniture_rules.h - private to src/ingest: the cue categories of
 * data/furniture.txt and matching a line against them (furniture_rules.c),
 * for the paragraph decisions of furniture.c. */
#ifndef NG_INGEST_FURNITURE_RULES_H
#define NG_INGEST_FURNITURE_RULES_H

#include "ingest_internal.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

enum cat {
    CAT_DROP, CAT_CAPTION, CAT_BYLINE, CAT_TEASER, CAT_APPEAL, CAT_READTIME,
    CAT_APPEALCUE, CAT_VOICE, CAT_READER, CAT_HTMLCLASS, NCAT
};
#define BIT(c) (1u << (c))

/* Per-document matching state: match data and limits are never shared,
 * so one ng_furniture can serve many threads. */
typedef struct ngi_matcher {
    const ng_furniture *f;
    pcre2_match_data *md;
    pcre2_match_context *mc;
    /* Match every rule over the whole line, on every line: no refusal by
     * the first characters (ngi_pattern_facts.first), no search from near
     * the end (ngi_pattern_facts.tail_chars). The plain reference that the tests compare
     * the fast paths with. */
    int plain;
} ngi_matcher;

/* Returns 0 or NG_ENOMEM; ngi_matcher_fini frees it either way. */
int ngi_matcher_init(ngi_matcher *m, const ng_furniture *f);
void ngi_matcher_fini(ngi_matcher *m);
/* Bit set of the categories in mask whose rules match s[0..n). */
unsigned ngi_match_cats(ngi_matcher *m, unsigned mask, const char *s, size_t n);

/* ---- furniture_pattern.c ---- */

/* A set of characters as a line's first or second one: ASCII by code,
 * every non-ASCII character as NGI_NONASCII, the end of the line (no
 * second character) as NGI_END. */
enum { NGI_NONASCII = 128, NGI_END = 129 };
typedef struct ngi_charset {
    uint64_t bits[3];
} ngi_charset;

/* What one reading of a pattern's source tells about its matches. When
 * the pattern uses syntax that furniture_pattern.c does not read, nothing
 * is known (first_known = last_known = 0, needed = tail_chars = -1), and
 * any line may match anywhere. */
typedef struct ngi_pattern_facts {
    /* For a pattern matched at the start of a line: the characters its
     * matches can start with (first), can have second (second), and
     * whether a match can hold exactly one character (one). Known unless
     * the pattern can match the empty string. */
    int first_known, one;
    ngi_charset first, second;
    /* For a pattern whose matches end at the end of the line
     * (ngi_ends_at_end): the characters a match can end with. Known
     * unless the pattern can match the empty string. */
    int last_known;
    ngi_charset last;
    /* An ASCII character other than a space that every match holds (so
     * a line without it cannot match), -1 when none is known. */
    int needed;
    /* For a pattern that ends at the end of the line: the most characters
     * a match can hold, so that a search (not anchored with ^) needs to
     * start only that far from the end of a line. -1 when the pattern
     * does not end there or the length is not bounded. */
    long tail_chars;
} ngi_pattern_facts;
void ngi_read_pattern(const char *src, ngi_pattern_facts *out);

/* Does the top level of src end in "$", "\z" or "\Z" (not quantified, not
 * in an alternative of the top level)? Then every match ends at the end
 * of the line, or before a final newline. */
int ngi_ends_at_end(const char *src);

#endif
