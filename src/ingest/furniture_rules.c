/* furniture_rules.c - data/furniture.txt: one PCRE2 pattern per line
 * under a category ("drop", "byline", ...), compiled once with JIT, and
 * the matching of a line against a set of categories (furniture_rules.h).
 * furniture.c decides from these matches which paragraphs are the article. */
#include "furniture_rules.h"

#include "datadir.h"
#include "newsgraph/error.h"

#include <pthread.h>
#include <stdatomic.h>
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
    int joined; /* matched through f->classify */
    int jit;    /* JIT-compiled: matched through pcre2_jit_match */
    /* -1, or the most characters a match can hold when it must end at the
     * end of the line (ngi_tail_chars): the search starts that far from
     * the end */
    long tail_chars;
} rule;

struct ng_furniture {
    rule *rules;
    size_t nrules;
    /* The anchored rules of all categories in one pattern that reports,
     * through callouts, the categories of all the rules that match
     * (join_rules): one match call per line instead of one per rule. */
    pcre2_code *classify;
    int classify_jit;
    uint32_t nclassify;      /* rules in it */
    unsigned classify_cats;  /* categories with rules in it */
    /* The joined rules are matched alone only on a line where the
     * classifier hit its limit: they are JIT-compiled then, once, by the
     * first thread that needs them (the others wait on the mutex). */
    struct lazy_jit *joined_jit;
    /* The rules matched one by one (not joined), grouped by category in
     * file order: solo[solo_off[c] .. solo_off[c + 1]) are c's. */
    uint32_t *solo;
    uint32_t solo_off[NCAT + 1];
};

#define MATCH_LIMIT 200000 /* per rule; a joined pattern gets the sum */

struct lazy_jit {
    pthread_mutex_t mu;
    atomic_int done;
};

void ng_furniture_free(ng_furniture *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->nrules; i++) {
        pcre2_code_free(f->rules[i].code);
        free(f->rules[i].src);
    }
    pcre2_code_free(f->classify);
    if (f->joined_jit) {
        pthread_mutex_destroy(&f->joined_jit->mu);
        free(f->joined_jit);
    }
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

/* Can the rule join the classifying pattern? Only anchored ones
 * ("^..."), and none with a backtracking verb such as (*COMMIT) (in an
 * alternation it would fail the whole match, cutting the other rules
 * off), a callout of its own, or a back reference (group numbers change
 * when rules are joined). */
static int joinable(const rule *r)
{
    const char *s = r->src;
    if (s[0] != '^' || strstr(s, "(*") || strstr(s, "(?C") || strstr(s, "(?P="))
        return 0;
    for (const char *b = strchr(s, '\\'); b; b = strchr(b + 2, '\\')) {
        if ((b[1] >= '1' && b[1] <= '9') || b[1] == 'g' || b[1] == 'k')
            return 0;
        if (!b[1])
            break;
    }
    return 1;
}

/* Joins the anchored rules into one pattern,
 *     (?>(?:^r1)(?C1))(*F)|(?>(?:^r2)(?C3))(*F)|...
 * where the callout number is the rule's category + 1. Every alternative
 * fails, so each one is tried once at the start of the line; when a rule
 * matches, its callout records the category before (*F) fails it, and the
 * atomic group keeps the matcher from searching the rule for other ways
 * to match. One call so answers for every rule, where one alternation
 * per category would need a call per category for the lines that hold
 * furniture and a compiled pattern per category. The pattern is compiled
 * anchored and without start-up optimizations, so no alternative is
 * skipped. When it does not compile (a rule with an unterminated \Q, say)
 * the rules are matched one by one. */
static int join_rules(ng_furniture *f)
{
    size_t len = 0, n = 0;
    for (size_t i = 0; i < f->nrules; i++)
        if (joinable(&f->rules[i])) {
            len += strlen(f->rules[i].src) + 32;
            n++;
        }
    if (n > 0) {
        char *p = malloc(len + 1), *q = p;
        if (!p)
            return NG_ENOMEM;
        for (size_t i = 0; i < f->nrules; i++)
            if (joinable(&f->rules[i]))
                q += sprintf(q, "%s(?>(?:%s)(?C%d))(*F)", q == p ? "" : "|", f->rules[i].src,
                             (int)f->rules[i].cat + 1);
        int code;
        PCRE2_SIZE off;
        f->classify = pcre2_compile((PCRE2_SPTR)p, (size_t)(q - p),
                                    PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED |
                                        PCRE2_NO_START_OPTIMIZE,
                                    &code, &off, NULL);
        free(p);
    }
    if (f->classify) {
        if (!(f->joined_jit = calloc(1, sizeof *f->joined_jit)))
            return NG_ENOMEM;
        if (pthread_mutex_init(&f->joined_jit->mu, NULL) != 0) {
            free(f->joined_jit);
            f->joined_jit = NULL;
            return NG_ENOMEM;
        }
        f->classify_jit = pcre2_jit_compile(f->classify, PCRE2_JIT_COMPLETE) == 0;
        f->nclassify = (uint32_t)n;
        for (size_t i = 0; i < f->nrules; i++)
            if ((f->rules[i].joined = joinable(&f->rules[i])))
                f->classify_cats |= BIT(f->rules[i].cat);
    }
    /* the rules left alone, by category */
    if (!(f->solo = malloc((f->nrules + 1) * sizeof *f->solo)))
        return NG_ENOMEM;
    uint32_t k = 0;
    for (int c = 0; c < NCAT; c++) {
        f->solo_off[c] = k;
        for (size_t i = 0; i < f->nrules; i++)
            if (f->rules[i].cat == (enum cat)c && !f->rules[i].joined) {
                f->solo[k++] = (uint32_t)i;
                /* a joined rule is matched alone only after the classifier
                 * hit a limit (jit_joined_rules): only the rules matched
                 * alone need machine code now */
                f->rules[i].jit = pcre2_jit_compile(f->rules[i].code, PCRE2_JIT_COMPLETE) == 0;
            }
    }
    f->solo_off[NCAT] = k;
    return 0;
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

/* A rule of the classifying pattern matched: its category is found. */
static int on_callout(pcre2_callout_block *cb, void *data)
{
    ngi_matcher *m = data;
    m->classified |= BIT(cb->callout_number - 1);
    return 0;
}

int ngi_matcher_init(ngi_matcher *m, const ng_furniture *f)
{
    m->f = f;
    m->md = pcre2_match_data_create(1, NULL);
    m->mc = pcre2_match_context_create(NULL);
    m->mc_classify = pcre2_match_context_create(NULL);
    if (!m->md || !m->mc || !m->mc_classify)
        return NG_ENOMEM;
    pcre2_set_match_limit(m->mc, MATCH_LIMIT);
    pcre2_set_depth_limit(m->mc, 2000);
    pcre2_set_match_limit(m->mc_classify, MATCH_LIMIT * (f->nclassify ? f->nclassify : 1));
    pcre2_set_depth_limit(m->mc_classify, 2000);
    m->plain = 0;
    return 0;
}

void ngi_matcher_fini(ngi_matcher *m)
{
    pcre2_match_data_free(m->md);
    pcre2_match_context_free(m->mc);
    pcre2_match_context_free(m->mc_classify);
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
    if (r->tail_chars >= 0 && !m->plain)
        from = tail_start(s, n, (size_t)r->tail_chars);
    return match_rc(r->code, r->jit, s, n, from, m) >= 0;
}

/* JIT-compiles the joined rules, once per ng_furniture. A rule's code is
 * only read by matchers after done is set, or under the mutex. */
static void jit_joined_rules(const ng_furniture *f)
{
    struct lazy_jit *lj = f->joined_jit;
    if (atomic_load_explicit(&lj->done, memory_order_acquire))
        return;
    pthread_mutex_lock(&lj->mu);
    if (!atomic_load_explicit(&lj->done, memory_order_relaxed)) {
        for (size_t i = 0; i < f->nrules; i++)
            if (f->rules[i].joined)
                f->rules[i].jit = pcre2_jit_compile(f->rules[i].code, PCRE2_JIT_COMPLETE) == 0;
        atomic_store_explicit(&lj->done, 1, memory_order_release);
    }
    pthread_mutex_unlock(&lj->mu);
}

/* The categories in mask of the joined rules that match s[0..n): one
 * run of the classifying pattern. Should it hit a limit, each rule of a
 * category not yet found is asked alone, so that a complex rule costs
 * only its own category, as it would when matched alone. */
static unsigned classify(ngi_matcher *m, unsigned mask, const char *s, size_t n)
{
    const ng_furniture *f = m->f;
    if (!(mask & f->classify_cats))
        return 0;
    m->classified = 0;
    /* set at each call: the matcher may have been copied since init */
    pcre2_set_callout(m->mc_classify, on_callout, m);
    int rc;
    if (f->classify_jit)
        rc = pcre2_jit_match(f->classify, (PCRE2_SPTR)s, n, 0, 0, m->md, m->mc_classify);
    else
        rc = pcre2_match(f->classify, (PCRE2_SPTR)s, n, 0, PCRE2_NO_UTF_CHECK, m->md,
                         m->mc_classify);
    unsigned found = m->classified & mask;
    if (rc == PCRE2_ERROR_NOMATCH)
        return found;
    jit_joined_rules(f);
    for (size_t i = 0; i < f->nrules; i++) {
        const rule *r = &f->rules[i];
        if (r->joined && (mask & ~found & BIT(r->cat)) && rule_matches(r, s, n, m))
            found |= BIT(r->cat);
    }
    return found;
}

/* ngi_match_cats the plain way (m->plain): each rule alone. */
static unsigned match_plain(ngi_matcher *m, unsigned mask, const char *s, size_t n)
{
    unsigned found = 0;
    if (m->f->joined_jit)
        jit_joined_rules(m->f);
    for (size_t i = 0; i < m->f->nrules; i++) {
        const rule *r = &m->f->rules[i];
        if ((mask & ~found & BIT(r->cat)) && rule_matches(r, s, n, m))
            found |= BIT(r->cat);
    }
    return found;
}

/* Bit set of the categories in mask whose rules match s[0..n). A match
 * that hits a limit counts as no match: furniture is never that complex. */
unsigned ngi_match_cats(ngi_matcher *m, unsigned mask, const char *s, size_t n)
{
    const ng_furniture *f = m->f;
    if (m->plain)
        return match_plain(m, mask, s, n);
    unsigned found = classify(m, mask, s, n);
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
