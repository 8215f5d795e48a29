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
     * the first characters (ngi_first_chars), no search from near the
     * end (ngi_tail_chars). The plain reference that the tests compare
     * the fast paths with. */
    int plain;
} ngi_matcher;

/* Returns 0 or NG_ENOMEM; ngi_matcher_fini frees it either way. */
int ngi_matcher_init(ngi_matcher *m, const ng_furniture *f);
void ngi_matcher_fini(ngi_matcher *m);
/* Bit set of the categories in mask whose rules match s[0..n). */
unsigned ngi_match_cats(ngi_matcher *m, unsigned mask, const char *s, size_t n);

/* ---- furniture_first.c ---- */

/* A set of characters as a line's first or second one: ASCII by code,
 * every non-ASCII character as NGI_NONASCII, the end of the line (no
 * second character) as NGI_END. */
enum { NGI_NONASCII = 128, NGI_END = 129 };
typedef struct ngi_charset {
    uint64_t bits[3];
} ngi_charset;

/* For a pattern matched at the start of a line: the characters its
 * matches can start with (*first), can have second (*second), and
 * whether a match can hold exactly one character (*one). Returns 0 when
 * the pattern can match the empty string or uses syntax that
 * furniture_first.c does not read: then any line may match. */
int ngi_first_chars(const char *src, ngi_charset *first, ngi_charset *second, int *one);

/* For a pattern whose matches end at the end of the line (ngi_ends_at_end):
 * the characters a match can end with. Returns 0 when the pattern can
 * match the empty string or uses syntax that is not read: then any line
 * may match. */
int ngi_last_chars(const char *src, ngi_charset *last);

/* An ASCII character other than a space that every match of the pattern
 * holds (so a line without it cannot match), -1 when none is known. */
int ngi_needed_char(const char *src);

/* All of the above from one reading of the pattern: the sets are valid
 * when first_known (first, second, one) and last_known (last). */
typedef struct ngi_pattern_facts {
    int first_known, one, last_known, needed;
    ngi_charset first, second, last;
} ngi_pattern_facts;
void ngi_read_pattern(const char *src, ngi_pattern_facts *out);

/* ---- furniture_tail.c ---- */

/* Does the top level of src end in "$", "\z" or "\Z" (not quantified, not
 * in an alternative of the top level)? Then every match ends at the end
 * of the line, or before a final newline. */
int ngi_ends_at_end(const char *src);

/* For a rule that is searched for (not anchored with ^) and ends at the
 * end of the line ("...$" at its top level): the most characters a match
 * can hold, so that only the last ones of a line can start a match. -1
 * when the rule is not of that shape or its length is not bounded (or
 * uses syntax that furniture_tail.c does not read). */
long ngi_tail_chars(const char *src);

#endif
