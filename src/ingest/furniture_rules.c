/* furniture_rules.c - data/furniture.txt: one PCRE2 pattern per line
 * under a category ("drop", "byline", ...), compiled once with JIT, and
 * the matching of a line against a set of categories (furniture_rules.h).
 * furniture.c decides from these matches which paragraphs are the article.
 *
 * Every rule is matched alone, but most are not run on most lines: a rule
 * anchored at the start of the line is skipped when the line's first two
 * characters cannot start a match, one that ends at the end of the line
 * when its last character cannot end one, one whose matches all hold a
 * certain character when the line lacks it, and one that ends at the end
 * of the line with a bounded length is searched only near the end (all
 * read from the pattern by furniture_pattern.c). */
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
    char *src; /* the pattern text (owned) */
    int pre;   /* its bit in the first-character tables, -1 if it has none */
    /* the characters its matches can end with, when they end at the end
     * of the line and not every character can (ngi_pattern_facts.last) */
    int has_last;
    ngi_charset last;
    int needed; /* a character every match holds (ngi_pattern_facts.needed), or -1 */
    int jit;   /* JIT-compiled: matched through pcre2_jit_match */
    /* -1, or the most characters a match can hold when it must end at the
     * end of the line (ngi_pattern_facts.tail_chars): the search starts
     * that far from the end */
    long tail_chars;
} rule;

#define PRE_WORDS 4 /* at most 256 rules have first-character tables */

struct ng_furniture {
    rule *rules;
    size_t nrules;
    /* The rules grouped by category, in file order: order[order_off[c] ..
     * order_off[c + 1]) are c's. The same for the rules without a bit in
     * the first-character tables: rest[rest_off[c] .. rest_off[c + 1]). */
    uint32_t *order, *rest;
    uint32_t order_off[NCAT + 1], rest_off[NCAT + 1];
    uint32_t pre_rule[PRE_WORDS * 64]; /* the rule of each bit */
    uint64_t cat_bits[NCAT][PRE_WORDS]; /* the bits of each category */
    unsigned pre_cats; /* categories with bits */
    int pre_words;     /* words of the tables in use */
    /* For the anchored rules with a bit (rule.pre): first[c] has the bit
     * of each rule whose matches can start with character c, second[c]
     * of each whose matches can have c second (or hold one character).
     * A rule can match a line only if its bit is in both rows of the
     * line's first two characters. */
    uint64_t first[NGI_NONASCII + 1][PRE_WORDS];
    uint64_t second[NGI_END + 1][PRE_WORDS];
};

#define MATCH_LIMIT 200000 /* per rule */

void ng_furniture_free(ng_furniture *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->nrules; i++) {
        pcre2_code_free(f->rules[i].code);
        free(f->rules[i].src);
    }
    free(f->order);
    free(f->rest);
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
    f->rules[f->nrules++] = (rule){
        (enum cat)cat, re, src, -1, 0, {{0}}, -1, 0, -1};
    return 0;
}

static int in_set(const ngi_charset *s, unsigned c)
{
    return (int)((s->bits[c / 64] >> (c % 64)) & 1);
}

/* Gives rule i a bit in the first-character tables when it is anchored
 * (PCRE2 says so: every branch starts with ^) and furniture_pattern.c can
 * tell which characters start its matches (not all of them). */
static void add_first_chars(ng_furniture *f, size_t i, const ngi_pattern_facts *pf,
                            int *nbits)
{
    rule *r = &f->rules[i];
    uint32_t opts = 0;
    if (*nbits >= PRE_WORDS * 64 ||
        pcre2_pattern_info(r->code, PCRE2_INFO_ALLOPTIONS, &opts) != 0 ||
        !(opts & PCRE2_ANCHORED) || !pf->first_known)
        return;
    int full = 1;
    for (unsigned c = 0; c <= NGI_NONASCII; c++)
        full &= in_set(&pf->first, c);
    if (full)
        return;
    r->pre = (*nbits)++;
    f->pre_rule[r->pre] = (uint32_t)i;
    uint64_t bit = (uint64_t)1 << (r->pre % 64);
    f->cat_bits[r->cat][r->pre / 64] |= bit;
    f->pre_cats |= BIT(r->cat);
    f->pre_words = r->pre / 64 + 1;
    for (unsigned c = 0; c <= NGI_NONASCII; c++)
        if (in_set(&pf->first, c))
            f->first[c][r->pre / 64] |= bit;
    for (unsigned c = 0; c <= NGI_END; c++)
        if (pf->one || in_set(&pf->second, c))
            f->second[c][r->pre / 64] |= bit;
}

/* Gives rule r its set of last characters when there is one that not
 * every character is in. */
static void add_last_chars(rule *r, const ngi_pattern_facts *pf)
{
    if (!pf->last_known)
        return;
    r->last = pf->last;
    for (unsigned c = 0; c <= NGI_NONASCII; c++)
        if (!in_set(&r->last, c))
            r->has_last = 1;
}

/* After the rules are read: the first-character tables, machine code for
 * every rule, and the orders by category. */
static int prepare_rules(ng_furniture *f)
{
    f->order = malloc((f->nrules + 1) * sizeof *f->order);
    f->rest = malloc((f->nrules + 1) * sizeof *f->rest);
    if (!f->order || !f->rest)
        return NG_ENOMEM;
    int nbits = 0;
    for (size_t i = 0; i < f->nrules; i++) {
        ngi_pattern_facts pf;
        ngi_read_pattern(f->rules[i].src, &pf);
        add_first_chars(f, i, &pf, &nbits);
        add_last_chars(&f->rules[i], &pf);
        f->rules[i].needed = pf.needed;
        f->rules[i].tail_chars = pf.tail_chars;
        f->rules[i].jit = pcre2_jit_compile(f->rules[i].code, PCRE2_JIT_COMPLETE) == 0;
    }
    uint32_t k = 0, j = 0;
    for (int c = 0; c < NCAT; c++) {
        f->order_off[c] = k;
        f->rest_off[c] = j;
        for (size_t i = 0; i < f->nrules; i++)
            if (f->rules[i].cat == (enum cat)c) {
                f->order[k++] = (uint32_t)i;
                if (f->rules[i].pre < 0)
                    f->rest[j++] = (uint32_t)i;
            }
    }
    f->order_off[NCAT] = k;
    f->rest_off[NCAT] = j;
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
    if (prepare_rules(f)) {
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
    m->plain = 0;
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
 * ngi_read_pattern makes sure). So the answer is the whole line's, at a
 * cost that does not grow with the line. One exception, on purpose: the
 * match and depth limits count the work of a search, so a line on which
 * the whole-line search runs out of budget (counted as no match) can match
 * from the later start. That is the shorter search being right where the
 * longer one gave up, and it needs a rule with catastrophic backtracking
 * on a long line; none of data/furniture.txt's rules differed on the
 * 5.6 M lines they were compared on. */
static int rule_matches(const rule *r, const char *s, size_t n, ngi_matcher *m)
{
    size_t from = 0;
    if (r->tail_chars >= 0 && !m->plain)
        from = tail_start(s, n, (size_t)r->tail_chars);
    return match_rc(r->code, r->jit, s, n, from, m) >= 0;
}

/* The anchored rules (their bits) that can match a line starting s[0..n):
 * the rows of its first two characters, ANDed. */
static void candidates(const ng_furniture *f, const char *s, size_t n, uint64_t out[PRE_WORDS])
{
    if (n == 0) {
        memset(out, 0, PRE_WORDS * sizeof *out);
        return;
    }
    unsigned char b = (unsigned char)s[0];
    unsigned c0 = b < 0x80 ? b : NGI_NONASCII, c1 = NGI_END;
    size_t i = 1;
    if (b >= 0x80)
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
    if (i < n)
        c1 = (unsigned char)s[i] < 0x80 ? (unsigned char)s[i] : NGI_NONASCII;
    for (int w = 0; w < f->pre_words; w++)
        out[w] = f->first[c0][w] & f->second[c1][w];
}

/* Can r match s[0..n), as far as its needed character and its last
 * one tell? The last character of a match is the line's, or the one
 * before a final newline ($ matches there too). */
static int may_match(const rule *r, const char *s, size_t n)
{
    if (r->needed >= 0 && !memchr(s, r->needed, n))
        return 0;
    if (!r->has_last || n == 0)
        return 1;
    unsigned char b = (unsigned char)s[n - 1];
    if (in_set(&r->last, b < 0x80 ? b : NGI_NONASCII))
        return 1;
    if (b != '\n' || n < 2)
        return 0;
    b = (unsigned char)s[n - 2];
    return in_set(&r->last, b < 0x80 ? b : NGI_NONASCII);
}

/* ngi_match_cats the plain way (m->plain): every rule of the categories
 * in mask, in file order. */
static unsigned match_plain(ngi_matcher *m, unsigned mask, const char *s, size_t n)
{
    const ng_furniture *f = m->f;
    unsigned found = 0;
    for (int c = 0; c < NCAT; c++) {
        if (!(mask & BIT(c)))
            continue;
        for (uint32_t k = f->order_off[c]; k < f->order_off[c + 1]; k++)
            if (rule_matches(&f->rules[f->order[k]], s, n, m)) {
                found |= BIT(c);
                break;
            }
    }
    return found;
}

/* Bit set of the categories in mask whose rules match s[0..n). A match
 * that hits a limit counts as no match: furniture is never that complex.
 * One category's rules after another (the categories do not depend on
 * each other), and a category is done at its first match: which rule
 * matches first does not matter, so the anchored rules that the line's
 * first characters allow go first, then the rules without tables. */
unsigned ngi_match_cats(ngi_matcher *m, unsigned mask, const char *s, size_t n)
{
    const ng_furniture *f = m->f;
    if (m->plain)
        return match_plain(m, mask, s, n);
    unsigned found = 0;
    uint64_t cand[PRE_WORDS];
    if (mask & f->pre_cats)
        candidates(f, s, n, cand);
    for (int c = 0; c < NCAT; c++) {
        if (!(mask & BIT(c)))
            continue;
        for (int w = 0; (f->pre_cats & BIT(c)) && w < f->pre_words && !(found & BIT(c)); w++)
            for (uint64_t bits = cand[w] & f->cat_bits[c][w]; bits; bits &= bits - 1) {
                const rule *r = &f->rules[f->pre_rule[w * 64 + __builtin_ctzll(bits)]];
                if (may_match(r, s, n) && rule_matches(r, s, n, m)) {
                    found |= BIT(c);
                    break;
                }
            }
        for (uint32_t k = f->rest_off[c]; k < f->rest_off[c + 1] && !(found & BIT(c)); k++) {
            const rule *r = &f->rules[f->rest[k]];
            if (may_match(r, s, n) && rule_matches(r, s, n, m))
                found |= BIT(c);
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
