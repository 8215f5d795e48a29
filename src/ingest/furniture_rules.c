/* furniture_rules.c - data/furniture.txt: one PCRE2 pattern per line
 * under a category ("drop", "byline", ...), compiled once with JIT, and
 * the matching of a line against a set of categories (furniture_rules.h).
 * furniture.c decides from these matches which paragraphs are the article. */
#include "furniture_rules.h"

#include "datadir.h"
#include "newsgraph/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const cat_names[NCAT] = {
    "drop", "caption", "byline", "teaser", "appeal", "readtime", "appealcue", "voice", "reader",
    "htmlclass",
};

typedef struct rule {
    enum cat cat;
    pcre2_code *code;
    char *src;  /* the pattern text, for joining (owned) */
    int joined; /* matched through its category's joined pattern */
    int jit;    /* JIT-compiled: matched through pcre2_jit_match */
    /* -1, or the most characters a match can hold when it must end at the
     * end of the line (ngi_tail_chars): the search starts that far from
     * the end */
    long tail_chars;
} rule;

struct ng_furniture {
    rule *rules;
    size_t nrules;
    /* Each category's anchored rules as one alternation: one match call
     * per line and category instead of one per rule. */
    pcre2_code *joined[NCAT];
    uint32_t njoined[NCAT]; /* rules in joined[c] */
    int joined_jit[NCAT];   /* joined[c] is JIT-compiled */
    /* All joined rules of all categories as one alternation: a line that
     * matches none of them (most lines) needs one call, not one per
     * category. */
    pcre2_code *any_joined;
    int any_joined_jit;
    uint32_t nany_joined;
    /* The rules matched one by one (not joined), grouped by category in
     * file order: solo[solo_off[c] .. solo_off[c + 1]) are c's. */
    uint32_t *solo;
    uint32_t solo_off[NCAT + 1];
};

#define MATCH_LIMIT 200000 /* per rule; a joined pattern gets the sum */

void ng_furniture_free(ng_furniture *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->nrules; i++) {
        pcre2_code_free(f->rules[i].code);
        free(f->rules[i].src);
    }
    for (int c = 0; c < NCAT; c++)
        pcre2_code_free(f->joined[c]);
    pcre2_code_free(f->any_joined);
    free(f->solo);
    free(f->rules);
    free(f);
}

/* One rule line: "category pattern". JIT failures are not errors (the
 * interpreter gives the same answers), compile failures are. */
static int add_rule(ng_furniture *f, const char *name, size_t lineno, const char *line,
                    size_t n, ng_error *err)
{
    size_t w = 0;
    while (w < n && line[w] != ' ' && line[w] != '\t')
        w++;
    int cat = -1;
    for (int c = 0; c < NCAT; c++)
        if (strlen(cat_names[c]) == w && memcmp(line, cat_names[c], w) == 0)
            cat = c;
    if (cat < 0)
        return ng_error_set(err, NG_EINPUT, "%s:%zu: unknown furniture category \"%.*s\"", name,
                            lineno, (int)w, line);
    while (w < n && (line[w] == ' ' || line[w] == '\t'))
        w++;
    if (w == n)
        return ng_error_set(err, NG_EINPUT, "%s:%zu: rule without a pattern", name, lineno);
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)(line + w), n - w, PCRE2_UTF | PCRE2_UCP, &code,
                                   &off, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        return ng_error_set(err, NG_EINPUT, "%s:%zu: bad pattern at character %zu: %s", name,
                            lineno, (size_t)off, (const char *)msg);
    }
    rule *r = realloc(f->rules, (f->nrules + 1) * sizeof *r);
    char *src = malloc(n - w + 1);
    if (r)
        f->rules = r;
    if (!r || !src) {
        pcre2_code_free(re);
        free(src);
        return ng_error_set(err, NG_ENOMEM, "out of memory loading %s", name);
    }
    memcpy(src, line + w, n - w);
    src[n - w] = '\0';
    /* JIT-compiled later, if it is matched alone (join_rules) */
    f->rules[f->nrules++] = (rule){(enum cat)cat, re, src, 0, 0, ngi_tail_chars(src)};
    return 0;
}

/* Can the rule join its category's alternation? Only anchored ones
 * ("^..."), and none with a backtracking verb such as (*COMMIT): in an
 * alternation it would fail the whole match, cutting the other rules off. */
static int joinable(const rule *r)
{
    return r->src[0] == '^' && !strstr(r->src, "(*");
}

/* Joins every rule that is in a category's joined pattern into
 * f->any_joined (left NULL when it does not compile: then each category
 * is asked on its own). */
static int join_all(ng_furniture *f)
{
    size_t len = 0, n = 0;
    for (size_t i = 0; i < f->nrules; i++)
        if (f->rules[i].joined) {
            len += strlen(f->rules[i].src) + 5;
            n++;
        }
    if (n < 2)
        return 0;
    char *p = malloc(len + 1), *q = p;
    if (!p)
        return NG_ENOMEM;
    for (size_t i = 0; i < f->nrules; i++)
        if (f->rules[i].joined)
            q += sprintf(q, "%s(?:%s)", q == p ? "" : "|", f->rules[i].src);
    int code;
    PCRE2_SIZE off;
    f->any_joined =
        pcre2_compile((PCRE2_SPTR)p, (size_t)(q - p), PCRE2_UTF | PCRE2_UCP, &code, &off, NULL);
    free(p);
    if (f->any_joined) {
        f->any_joined_jit = pcre2_jit_compile(f->any_joined, PCRE2_JIT_COMPLETE) == 0;
        f->nany_joined = (uint32_t)n;
    }
    return 0;
}

/* Joins the anchored rules ("^...") of each category into
 * "(?:^r1)|(?:^r2)|...": a line is in the category when one of them
 * matches, which is when the alternation matches, and the alternation
 * stays anchored (one attempt at the start of the line). Unanchored rules
 * stay alone: joined, they would make every alternative be tried at every
 * position. A category whose joined text does not compile (a rule with
 * an unterminated \Q, say) keeps matching rule by rule. */
static int join_rules(ng_furniture *f)
{
    for (int c = 0; c < NCAT; c++) {
        size_t len = 0, n = 0;
        for (size_t i = 0; i < f->nrules; i++)
            if (f->rules[i].cat == (enum cat)c && joinable(&f->rules[i])) {
                len += strlen(f->rules[i].src) + 5;
                n++;
            }
        if (n < 2)
            continue;
        char *p = malloc(len + 1), *q = p;
        if (!p)
            return NG_ENOMEM;
        for (size_t i = 0; i < f->nrules; i++)
            if (f->rules[i].cat == (enum cat)c && joinable(&f->rules[i]))
                q += sprintf(q, "%s(?:%s)", q == p ? "" : "|", f->rules[i].src);
        int code;
        PCRE2_SIZE off;
        f->joined[c] = pcre2_compile((PCRE2_SPTR)p, (size_t)(q - p), PCRE2_UTF | PCRE2_UCP, &code,
                                     &off, NULL);
        free(p);
        if (!f->joined[c])
            continue;
        f->joined_jit[c] = pcre2_jit_compile(f->joined[c], PCRE2_JIT_COMPLETE) == 0;
        f->njoined[c] = (uint32_t)n;
        for (size_t i = 0; i < f->nrules; i++)
            f->rules[i].joined |= f->rules[i].cat == (enum cat)c && joinable(&f->rules[i]);
    }
    /* the rules left alone, by category */
    if (!(f->solo = malloc((f->nrules + 1) * sizeof *f->solo)))
        return NG_ENOMEM;
    uint32_t n = 0;
    for (int c = 0; c < NCAT; c++) {
        f->solo_off[c] = n;
        for (size_t i = 0; i < f->nrules; i++)
            if (f->rules[i].cat == (enum cat)c && !f->rules[i].joined) {
                f->solo[n++] = (uint32_t)i;
                /* a joined rule is only ever matched in its union: only
                 * the rules matched alone need machine code */
                f->rules[i].jit = pcre2_jit_compile(f->rules[i].code, PCRE2_JIT_COMPLETE) == 0;
            }
    }
    f->solo_off[NCAT] = n;
    return join_all(f);
}

int ng_furniture_from_string(const char *name, const char *rules, ng_furniture **out,
                             ng_error *err)
{
    *out = NULL;
    int rc = 0;
    ng_furniture *f = calloc(1, sizeof *f);
    if (!f)
        return ng_error_set(err, NG_ENOMEM, "out of memory loading %s", name);
    size_t lineno = 0;
    for (const char *p = rules; *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        lineno++;
        while (n && (p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t'))
            n--;
        size_t s = 0;
        while (s < n && (p[s] == ' ' || p[s] == '\t'))
            s++;
        if (s < n && p[s] != '#' && (rc = add_rule(f, name, lineno, p + s, n - s, err)))
            goto cleanup;
        if (!e)
            break;
        p = e + 1;
    }
    if (join_rules(f)) {
        rc = ng_error_set(err, NG_ENOMEM, "out of memory loading %s", name);
        goto cleanup;
    }
    *out = f;
    f = NULL;
cleanup:
    ng_furniture_free(f);
    return rc;
}

int ng_furniture_load(const char *data_dir, ng_furniture **out, ng_error *err)
{
    int rc = 0;
    char path[4096];
    char *buf = NULL;
    FILE *fp = NULL;
    *out = NULL;
    snprintf(path, sizeof path, "%s/furniture.txt", ng_data_dir(data_dir));
    fp = fopen(path, "rb");
    if (!fp) {
        rc = ng_error_set(err, NG_EINPUT, "%s: cannot open furniture cues", path);
        goto cleanup;
    }
    size_t cap = 0, len = 0;
    for (;;) {
        if (len + 4096 + 1 > cap) {
            cap = cap ? cap * 2 : 16384;
            char *nb = realloc(buf, cap);
            if (!nb) {
                rc = ng_error_set(err, NG_ENOMEM, "out of memory reading %s", path);
                goto cleanup;
            }
            buf = nb;
        }
        size_t got = fread(buf + len, 1, cap - len - 1, fp);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        rc = ng_error_set(err, NG_EINPUT, "%s: read error", path);
        goto cleanup;
    }
    buf[len] = '\0';
    rc = ng_furniture_from_string(path, buf, out, err);
cleanup:
    if (fp)
        fclose(fp);
    free(buf);
    return rc;
}

int ngi_matcher_init(ngi_matcher *m, const ng_furniture *f)
{
    m->f = f;
    m->md = pcre2_match_data_create(1, NULL);
    m->mc = pcre2_match_context_create(NULL);
    if (!m->md || !m->mc)
        return NG_ENOMEM;
    pcre2_set_match_limit(m->mc, MATCH_LIMIT);
    pcre2_set_depth_limit(m->mc, 2000);
    m->whole_line = 0;
    return 0;
}

void ngi_matcher_fini(ngi_matcher *m)
{
    pcre2_match_data_free(m->md);
    pcre2_match_context_free(m->mc);
}

/* Does re match s[0..n)? A JIT-compiled pattern goes through
 * pcre2_jit_match, which skips the per-call checks of pcre2_match (the
 * text is valid UTF-8 already: PCRE2_NO_UTF_CHECK either way). */
static int match_rc(const pcre2_code *re, int jit, const char *s, size_t n, size_t from,
                    ngi_matcher *m)
{
    if (jit)
        return pcre2_jit_match(re, (PCRE2_SPTR)s, n, from, 0, m->md, m->mc);
    return pcre2_match(re, (PCRE2_SPTR)s, n, from, PCRE2_NO_UTF_CHECK, m->md, m->mc);
}

static int matches(const pcre2_code *re, int jit, const char *s, size_t n, ngi_matcher *m)
{
    return match_rc(re, jit, s, n, 0, m) >= 0;
}

/* Is s[0..n) all ASCII? Eight bytes at a time. */
static int all_ascii(const char *s, size_t n)
{
    uint64_t acc = 0, w;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        acc |= w;
    }
    for (; i < n; i++)
        acc |= (unsigned char)s[i];
    return (acc & 0x8080808080808080u) == 0;
}

/* Where the search for a rule whose matches hold at most k characters and
 * end at the end of s[0..n) (or before a final newline) can start: at the
 * (k + 1)th character before the end, every match starts there or later
 * (each pattern character matches exactly one character, caseless too).
 * When the last k + 1 bytes are ASCII they are those characters; else a
 * UTF-8 character has at most 4 bytes, so the last 4 k + 1 bytes hold
 * them, backed up to the start of a character. */
static size_t tail_start(const char *s, size_t n, size_t k)
{
    if (n <= k + 1)
        return 0;
    if (all_ascii(s + n - (k + 1), k + 1))
        return n - (k + 1);
    if (n <= 4 * k + 1)
        return 0;
    size_t from = n - (4 * k + 1);
    while (from > 0 && ((unsigned char)s[from] & 0xC0) == 0x80)
        from--;
    return from;
}

/* Does rule r match s[0..n)? A rule with a bounded tail is searched for
 * from where its matches can start (tail_start). Starting there changes
 * no answer: a search tries every start from its offset on, and \b and
 * lookbehinds still see the text before the offset (the rule has no \G:
 * ngi_tail_chars makes sure). So the answer is the whole line's, at a
 * cost that does not grow with the line. */
static int rule_matches(const rule *r, const char *s, size_t n, ngi_matcher *m)
{
    size_t from = 0;
    if (r->tail_chars >= 0 && !m->whole_line)
        from = tail_start(s, n, (size_t)r->tail_chars);
    return match_rc(r->code, r->jit, s, n, from, m) >= 0;
}

/* Could one of the joined patterns of the categories in mask match? No
 * when their union certainly does not (a limit hit is a maybe). */
static int any_joined_may_match(ngi_matcher *m, unsigned mask, const char *s, size_t n)
{
    const ng_furniture *f = m->f;
    unsigned cats = 0;
    for (int c = 0; c < NCAT; c++)
        if ((mask & BIT(c)) && f->joined[c])
            cats |= BIT(c);
    if (!cats)
        return 0;
    if (!f->any_joined || !(cats & (cats - 1))) /* no union, or one category */
        return 1;
    pcre2_set_match_limit(m->mc, MATCH_LIMIT * f->nany_joined);
    int rc = match_rc(f->any_joined, f->any_joined_jit, s, n, 0, m);
    pcre2_set_match_limit(m->mc, MATCH_LIMIT);
    return rc != PCRE2_ERROR_NOMATCH;
}

/* Bit set of the categories in mask whose rules match s[0..n). A match
 * that hits a limit counts as no match: furniture is never that complex. */
unsigned ngi_match_cats(ngi_matcher *m, unsigned mask, const char *s, size_t n)
{
    const ng_furniture *f = m->f;
    unsigned found = 0;
    int joined = any_joined_may_match(m, mask, s, n);
    for (int c = 0; joined && c < NCAT; c++) {
        if (!(mask & BIT(c)) || !f->joined[c])
            continue;
        pcre2_set_match_limit(m->mc, MATCH_LIMIT * f->njoined[c]);
        if (matches(f->joined[c], f->joined_jit[c], s, n, m))
            found |= BIT(c);
        pcre2_set_match_limit(m->mc, MATCH_LIMIT);
    }
    /* one category's rules after another: the categories do not depend
     * on each other, and a category is done at its first match */
    for (int c = 0; c < NCAT; c++) {
        if (!(mask & BIT(c)) || (found & BIT(c)))
            continue;
        for (uint32_t k = f->solo_off[c]; k < f->solo_off[c + 1]; k++) {
            if (rule_matches(&f->rules[f->solo[k]], s, n, m)) {
                found |= BIT(c);
                break;
            }
        }
    }
    return found;
}

int ngi_furniture_html_class(const ng_furniture *f, const char *cls, size_t n)
{
    ngi_matcher m;
    int hit = 0;
    if (ngi_matcher_init(&m, f) == 0)
        hit = ngi_match_cats(&m, BIT(CAT_HTMLCLASS), cls, n) != 0;
    ngi_matcher_fini(&m);
    return hit;
}
