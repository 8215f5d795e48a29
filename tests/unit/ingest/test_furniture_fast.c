/* test_furniture_fast.c - the fast paths of furniture matching decide
 * every line as the plain way does (ngi_matcher.plain: every rule on
 * every line, searched over the whole line): anchored rules skipped by
 * the line's first two characters, end-anchored ones by its last, rules
 * by a character they need, and end-anchored rules searched only near
 * the end of a line (all read from the pattern by furniture_pattern.c).
 * What is read from patterns is checked (also against the facts recorded
 * from the two readers it replaced, pattern_facts.inc), then the two ways
 * of matching are compared on the seed pages and on random lines built to
 * put matches (and near misses) at the start and at every distance from
 * the end.
 *
 * The rules that data/furniture.txt rewrote for speed are checked the same
 * way against their old text.
 *
 * With file arguments it compares every line of those files (trimmed and
 * untrimmed), and with -r N it tries N random lines: the proof run over a
 * corpus, e.g. test_ingest_furniture_fast -r 5000000 $(find dir -type f).
 * With -o OLD.txt first, the reference is the plain way with the rules of
 * OLD.txt (a former data/furniture.txt) instead. */
#include "helpers.h"

#include "furniture_rules.h"

#include <pthread.h>
#include <stdint.h>

static int in_set(const ngi_charset *s, unsigned c)
{
    return (int)((s->bits[c / 64] >> (c % 64)) & 1);
}

/* The facts of ngi_read_pattern, one at a time. */
static int first_chars(const char *src, ngi_charset *first, ngi_charset *second, int *one)
{
    ngi_pattern_facts pf;
    ngi_read_pattern(src, &pf);
    *first = pf.first;
    *second = pf.second;
    *one = pf.one;
    return pf.first_known;
}

static int last_chars(const char *src, ngi_charset *last)
{
    ngi_pattern_facts pf;
    ngi_read_pattern(src, &pf);
    *last = pf.last;
    return pf.last_known;
}

static int needed_char(const char *src)
{
    ngi_pattern_facts pf;
    ngi_read_pattern(src, &pf);
    return pf.needed;
}

static long tail_chars(const char *src)
{
    ngi_pattern_facts pf;
    ngi_read_pattern(src, &pf);
    return pf.tail_chars;
}

/* What the two former readers read from every rule of data/furniture.txt
 * and from the patterns of this file and test_furniture.c. */
typedef struct recorded_facts {
    const char *src;
    int first_known, one, last_known, needed;
    long tail_chars;
    ngi_charset first, second, last;
} recorded_facts;

static const recorded_facts recorded[] = {
#include "pattern_facts.inc"
};

static int same_set(const ngi_charset *a, const ngi_charset *b)
{
    return memcmp(a, b, sizeof *a) == 0;
}

static void test_facts_as_recorded(void)
{
    for (size_t i = 0; i < sizeof recorded / sizeof *recorded; i++) {
        const recorded_facts *r = &recorded[i];
        ngi_pattern_facts pf;
        ngi_read_pattern(r->src, &pf);
        int same = pf.first_known == r->first_known && pf.one == r->one &&
                   pf.last_known == r->last_known && pf.needed == r->needed &&
                   pf.tail_chars == r->tail_chars && same_set(&pf.first, &r->first) &&
                   same_set(&pf.second, &r->second) && same_set(&pf.last, &r->last);
        CHECK(same);
        if (!same)
            fprintf(stderr, "facts differ from the recorded ones for %s\n", r->src);
    }
}

/* What the two former readers did not share: \R has a length (2) and
 * now also its first and last characters; quoted text in a class is not
 * read at all (it was read as "any character" for the sets). */
static void test_syntax_the_readers_differed_on(void)
{
    ngi_charset a, b;
    int one;
    CHECK(tail_chars("x\\R$") == 3);
    CHECK(first_chars("^\\Ra", &a, &b, &one) == 1 && !one);
    CHECK(in_set(&a, '\r') && in_set(&a, '\n') && in_set(&a, '\f') && in_set(&a, NGI_NONASCII));
    CHECK(!in_set(&a, 'a') && in_set(&b, '\n') && in_set(&b, 'a') && !in_set(&b, 'b'));
    CHECK(last_chars("a\\R$", &a) == 1 && in_set(&a, '\n') && in_set(&a, '\v') && !in_set(&a, 'a'));
    CHECK(needed_char("\\Ra") == 'a');
    CHECK(first_chars("^[\\Qa\\E]", &a, &b, &one) == 0);
    CHECK(last_chars("[\\Qa\\E]$", &a) == 0 && tail_chars("[\\Qa\\E]$") == -1);
    CHECK(tail_chars("[\\E]$") == -1);
}

/* "[:" in a class is a POSIX name only as "[:name:]"; otherwise PCRE2
 * reads "[" and ":" as members, and a ":]" further on (here past the
 * class and a top-level '|') is not its end. The reader gives up on such
 * a pattern instead of skipping to that ":]" (found in review: the fast
 * path then missed "a [x is here and more text"). */
static void test_posix_names_only_as_written(void)
{
    ngi_charset a, b;
    int one;
    CHECK(tail_chars("[[:]x|y:]]$") == -1);
    CHECK(last_chars("[[:]x|y:]]$", &a) == 0);
    CHECK(first_chars("^[[:]x|y:]]", &a, &b, &one) == 0);
    CHECK(last_chars("[[:alpha:]]$", &a) == 1 && in_set(&a, 'a') && in_set(&a, '!'));
    CHECK(last_chars("[[:^digit:]x]$", &a) == 1);
    CHECK(tail_chars("ab[[:space:]]$") == 3);
}

static void test_first_chars_read_from_patterns(void)
{
    ngi_charset a, b;
    int one;
    CHECK(first_chars("^(?i:by|edited by)\\s", &a, &b, &one) == 1);
    CHECK(in_set(&a, 'b') && in_set(&a, 'B') && in_set(&a, 'e') && in_set(&a, 'E'));
    CHECK(in_set(&a, NGI_NONASCII)); /* caseless letters may match non-ASCII */
    CHECK(!in_set(&a, 'T') && !in_set(&a, '"') && !in_set(&a, 'y'));
    CHECK(in_set(&b, 'y') && in_set(&b, 'D') && !in_set(&b, 'h') && !in_set(&b, NGI_END));
    CHECK(!one);
    CHECK(first_chars("^\\(?[a-c]x", &a, &b, &one) == 1);
    CHECK(in_set(&a, '(') && in_set(&a, 'a') && in_set(&a, 'c') && !in_set(&a, 'd'));
    CHECK(in_set(&b, 'a') && in_set(&b, 'x') && !in_set(&b, '('));
    CHECK(first_chars("^[|\xE2\x80\x94-]+$", &a, &b, &one) == 1 && one);
    CHECK(in_set(&a, '|') && in_set(&a, '-') && in_set(&a, NGI_NONASCII) && !in_set(&a, 'a'));
    CHECK(first_chars("^(?i)\xC3\xA9", &a, &b, &one) == 1 && in_set(&a, 'a')); /* all */
    CHECK(first_chars("^(?:ab){0,3}c", &a, &b, &one) == 1);
    CHECK(in_set(&a, 'a') && in_set(&a, 'c') && in_set(&b, 'b') && !in_set(&b, 'c'));
    CHECK(first_chars("^(?=x)ab", &a, &b, &one) == 1 && in_set(&a, 'a') && !in_set(&a, 'x'));
    /* can match the empty string, or not read: no sets */
    CHECK(first_chars("^a?", &a, &b, &one) == 0);
    CHECK(first_chars("^\\Qab\\E", &a, &b, &one) == 0);
    CHECK(first_chars("^(?x) a", &a, &b, &one) == 0);
    CHECK(first_chars("^(*COMMIT)a", &a, &b, &one) == 0);
    CHECK(first_chars("^(?(?=a)a|b)", &a, &b, &one) == 0);
}

static void test_last_chars_read_from_patterns(void)
{
    ngi_charset l;
    CHECK(last_chars("\\((?i:photo|credit)\\b[^)]{0,120}\\)$", &l) == 1);
    CHECK(in_set(&l, ')') && !in_set(&l, '.') && !in_set(&l, NGI_NONASCII));
    CHECK(last_chars("\\b(?i:photo):\\s*[^.:]{1,80}$", &l) == 1);
    CHECK(!in_set(&l, '.') && !in_set(&l, ':') && in_set(&l, 'x') && in_set(&l, '\n'));
    CHECK(in_set(&l, NGI_NONASCII));
    CHECK(last_chars("(?i:reserved\\.?)$", &l) == 1);
    CHECK(in_set(&l, '.') && in_set(&l, 'd') && in_set(&l, 'D') && !in_set(&l, 'e'));
    CHECK(last_chars("a(?=b)(?<=a)$", &l) == 1 && in_set(&l, 'a') && !in_set(&l, 'b'));
    CHECK(last_chars("[^k]$", &l) == 1 && !in_set(&l, 'k') && in_set(&l, 'K'));
    CHECK(last_chars("(?i)[^k]$", &l) == 1 && !in_set(&l, 'k') && !in_set(&l, 'K'));
    CHECK(in_set(&l, NGI_NONASCII));
    /* not at the end, or can end without a character: no set */
    CHECK(last_chars("a", &l) == 0);
    CHECK(last_chars("a$|b", &l) == 0);
    CHECK(last_chars("a?$", &l) == 0);
}

static void test_needed_chars_read_from_patterns(void)
{
    CHECK(needed_char("(?i:\\b(?:reuters/\\S+|sputnik/\\S+))\\s*\\)?$") == '/');
    CHECK(needed_char("^(?i:photo):\\s*.{0,3}") == ':');
    CHECK(needed_char("a(?:x|y)b") == 'a' || needed_char("a(?:x|y)b") == 'b');
    CHECK(needed_char("(?:a|b)") == -1);
    CHECK(needed_char("x?y*") == -1);
    CHECK(needed_char("(?i)k") == -1);  /* k or K or the Kelvin sign */
    CHECK(needed_char("a b") != ' ');   /* spaces are in every line */
    CHECK(needed_char("[x]{2}") == 'x');
    CHECK(needed_char("(?=q)x") == 'x'); /* lookarounds are not counted */
}

static void test_bounds_read_from_patterns(void)
{
    CHECK(tail_chars("(?i:\\ball rights reserved\\.?)$") == 20);
    CHECK(tail_chars("\\((?i:photo|image|picture|credit|illustration)\\b[^)]{0,120}\\)$") ==
          134);
    CHECK(tail_chars("ab\\z") == 2);
    CHECK(tail_chars("[]a][[:alpha:]\\\\]x\\.(?<=q)$") == 4);
    CHECK(tail_chars("é{2,3}$") == 3);
    /* unbounded, not at the end, or syntax that is not read: no bound */
    CHECK(tail_chars("a\\s*$") == -1);
    CHECK(tail_chars("a+$") == -1);
    CHECK(tail_chars("abc") == -1);
    CHECK(tail_chars("a$|b") == -1);
    CHECK(tail_chars("(?:a$)") == -1);
    CHECK(tail_chars("a\\$") == -1);
    CHECK(tail_chars("\\Ga$") == -1);
    CHECK(tail_chars("a\\Kb$") == -1);
    CHECK(tail_chars("(?m)a$") == -1);
    CHECK(tail_chars("(?x)a b$") == -1);
    CHECK(tail_chars("(a)\\1$") == -1);
    CHECK(tail_chars("(*COMMIT)a$") == -1);
    CHECK(tail_chars("(?(?=a)a|b)$") == -1);
    CHECK(tail_chars("a{,3}$") == -1);
    CHECK(tail_chars("\\X$") == -1);
    CHECK(tail_chars("\\Qab\\E$") == -1); /* quoted text is not read */
}

static unsigned all_cats(void)
{
    return (1u << NCAT) - 1;
}

static long compared, differed, hits[NCAT];
/* the reference: other rules, matched the plain way (NULL: m's) */
static ngi_matcher *reference;

/* The plain and the fast way give the same categories for s[0..n). */
static void compare(ngi_matcher *m, const char *s, size_t n)
{
    ngi_matcher *ref = reference ? reference : m;
    ref->plain = 1;
    unsigned plain = ngi_match_cats(ref, all_cats(), s, n);
    m->plain = 0;
    unsigned fast = ngi_match_cats(m, all_cats(), s, n);
    compared++;
    for (int c = 0; c < NCAT; c++)
        hits[c] += (fast >> c) & 1;
    if (plain != fast && differed++ < 5)
        fprintf(stderr, "categories %#x (plain) != %#x (fast) for \"%.*s\"\n", plain, fast,
                (int)n, s);
}

/* Every line of a text, as it is and trimmed of ASCII blanks. */
static void compare_lines(ngi_matcher *m, const char *t, size_t len)
{
    for (size_t p = 0; p < len;) {
        const char *nl = memchr(t + p, '\n', len - p);
        size_t e = nl ? (size_t)(nl - t) : len, a = p, b = e;
        if (e - p <= 4096)
            compare(m, t + p, e - p);
        while (a < b && (t[a] == ' ' || t[a] == '\t' || t[a] == '\r'))
            a++;
        while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t' || t[b - 1] == '\r'))
            b--;
        if (b - a <= 4096 && (a != p || b != e))
            compare(m, t + a, b - a);
        p = e + 1;
    }
}

static char *read_all(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *b = malloc(cap);
    while (b && (got = fread(b + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb)
                free(b);
            b = nb;
        }
    }
    fclose(fp);
    *len = n;
    return b;
}

/* A file's lines after the UTF-8 repair of ng_doc_load: the rules are
 * only ever matched against valid UTF-8. */
static void compare_file(ngi_matcher *m, const char *path)
{
    size_t len;
    char *t = read_all(path, &len);
    CHECK(t != NULL);
    ng_strbuf clean;
    ngi_repairs rep;
    ng_strbuf_init(&clean);
    if (t && ngi_utf8_clean((const unsigned char *)t, len, &clean, &rep) == 0)
        compare_lines(m, clean.data, clean.len);
    ng_strbuf_free(&clean);
    free(t);
}

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint32_t rnd(uint32_t n)
{
    return xorshift_below(&rng_state, n);
}

/* Pieces of random lines: the texts of the end-anchored rules, whole and
 * cut short, the characters their classes and \b care about, multi-byte
 * characters whose case partners differ in length (K is the Kelvin sign),
 * starts of the anchored rules, and plain words. */
static const char *const pieces[] = {
    "all rights reserved", "All Rights Reserved.", "ALL RIGHTS RESERVED", "rights reserved",
    "contributed to this report", "contributed reporting", "Contributed to this story",
    "contributed to this article from ", "contributed", " from ", "(Photo", "(photo: ",
    "(Image", "(credit", "(illustration", "(Picture by", ")", "(", ".", ":", " ", "  ", "\n",
    "\t", "a", "x", "word ", "Reuters", "é", "\xE2\x84\xAA", "\xC5\xBF", "\xC2\xA0",
    "\xE2\x80\x83", "\xF0\x9F\x98\x80", "-", "_", "'", "\"", "reserved", "photo", "AP Photo",
    "Getty Images", "you", "we", "please support", "Read more", "By ", "Jane Doe",
    "kremlin.ru", "www.example.com", ".com", ".org)", "gov", "a-b", "/", "|", "AFP via ",
    "EPA-EFE", "iStock", "shutterstock", "Shutterstock )", "ap photo", "IMAGES", "k", "s",
    /* starts of the anchored rules */
    "Advertisement", "Share", "Updated ", "Jan", "Photo: ", "Sign up", "Subscribe", "newsletter",
    "Dear readers", "5 min read", "12", "\xC2\xA9", "Correction:", "Listen", "\xE2\x80\x94",
    "Follow us on ", "Telegram", "Comments", "Support ", "Donate", "now", "!", "Edited by ",
    "Reporting by ", "; ", "Image caption, ", "More from ", "Topics", "Tags:", "Watch:",
};

static void random_line(char *buf, size_t cap, size_t *n)
{
    size_t k = 0, npieces = sizeof pieces / sizeof pieces[0];
    uint32_t count = rnd(4) == 0 ? rnd(200) : rnd(24);
    for (uint32_t i = 0; i < count; i++) {
        const char *p = pieces[rnd((uint32_t)npieces)];
        size_t len = strlen(p);
        if (k + len >= cap)
            break;
        memcpy(buf + k, p, len);
        k += len;
    }
    *n = k;
}

static void compare_random(ngi_matcher *m, long count)
{
    char buf[4096];
    for (long i = 0; i < count; i++) {
        size_t n;
        random_line(buf, sizeof buf, &n);
        compare(m, buf, n);
    }
}

static ngi_matcher matcher(void)
{
    test_options(NULL); /* loads test_furniture */
    ngi_matcher m = {0};
    CHECK(ngi_matcher_init(&m, test_furniture) == 0);
    return m;
}

static void test_seed_pages_decided_alike(void)
{
    static const char *const seeds[] = {
        "000_25b500673bca9b80.txt", "001_ef95f13adfccaa54.txt", "002_694d548595b5fff0.txt",
    };
    ngi_matcher m = matcher();
    differed = 0;
    for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/seeds/%s", NG_SOURCE_DATA_DIR, seeds[i]);
        compare_file(&m, path);
    }
    CHECK(differed == 0);
    ngi_matcher_fini(&m);
}

static void test_random_lines_decided_alike(void)
{
    ngi_matcher m = matcher();
    differed = 0;
    compare_random(&m, 30000);
    CHECK(differed == 0);
    ngi_matcher_fini(&m);
}

/* The rules rewritten for speed, in their old and new text. */
static const char old_rules[] =
    "caption ^(?:(?s:.*)(?<=\\S)(?=\\s+\\S+\\n?\\z))?+(?:(?<=\\S[./(|])\\s*(?:www\\.)?"
    "[a-z0-9-]{2,40}(?:\\.[a-z0-9-]{2,40})*\\.(?:com|org|net|gov|edu|int|mil|info|io|ru|ua|uk|de|"
    "fr|eu|kz|by|ge|am|pl|it|es)\\)?$|(?s:.*?)(?<=\\S)[.\\s/(|]\\s*(?:www\\.)?[a-z0-9-]{2,40}"
    "(?:\\.[a-z0-9-]{2,40})*\\.(?:com|org|net|gov|edu|int|mil|info|io|ru|ua|uk|de|fr|eu|kz|by|ge|"
    "am|pl|it|es)\\)?$)\n"
    "drop ^(?s:.*)(?(?=\\s*\\)?$)(?i:(?<=\\bgetty images|\\bap photo|\\bafp photo|"
    "\\bafp via getty images|\\bepa-efe|\\bshutterstock|\\bistock))|(*COMMIT)(*F))\n";
static const char new_rules[] =
    "caption ^(?=(?s:.*+)(?<=[a-z]|[a-z]\\)|[a-z]\\n|[a-z]\\)\\n))(?:(?s:.*)(?<=\\S)(?=\\s+"
    "\\S+\\n?\\z))?+(?:(?<=\\S[./(|])\\s*(?:www\\.)?[a-z0-9-]{2,40}(?:\\.[a-z0-9-]{2,40})*"
    "\\.(?:com|org|net|gov|edu|int|mil|info|io|ru|ua|uk|de|fr|eu|kz|by|ge|am|pl|it|es)|(?s:"
    ".*?)(?<=\\S)[.\\s/(|]\\s*(?:www\\.)?[a-z0-9-]{2,40}(?:\\.[a-z0-9-]{2,40})*\\.(?:com|or"
    "g|net|gov|edu|int|mil|info|io|ru|ua|uk|de|fr|eu|kz|by|ge|am|pl|it|es))\\)?$\n"
    "drop ^(?s:.*)(?(?=\\s*\\)?$)(?i:(?<=[ekos])(?<=\\bgetty images|\\bap photo|\\bafp photo|"
    "\\bafp via getty images|\\bepa-efe|\\bshutterstock|\\bistock))|(*COMMIT)(*F))\n";

/* The new text is the one in data/furniture.txt, and it decides random
 * lines and the seed pages as the old text did. */
static void test_rewritten_rules_decide_like_old_text(void)
{
    test_options(NULL);
    ng_furniture *oldf = NULL, *newf = NULL;
    ng_error err;
    CHECK(ng_furniture_from_string("old", old_rules, &oldf, &err) == 0);
    CHECK(ng_furniture_from_string("new", new_rules, &newf, &err) == 0);
    char path[1024];
    snprintf(path, sizeof path, "%s/furniture.txt", NG_SOURCE_DATA_DIR);
    size_t len;
    char *data = read_all(path, &len);
    CHECK(data != NULL);
    if (!oldf || !newf || !data)
        goto cleanup;
    data[len - 1] = '\0';
    for (const char *p = new_rules; *p;) { /* each new rule is in the file */
        const char *e = strchr(p, '\n'), *pat = strchr(p, ' ') + 1;
        char one[2048];
        snprintf(one, sizeof one, "%.*s\n", (int)(e - pat), pat);
        CHECK(strstr(data, one) != NULL);
        p = e + 1;
    }
    ngi_matcher mo = {0}, mn = {0};
    CHECK(ngi_matcher_init(&mo, oldf) == 0 && ngi_matcher_init(&mn, newf) == 0);
    reference = &mo;
    differed = 0;
    compare_random(&mn, 30000);
    static const char *const seeds[] = {
        "000_25b500673bca9b80.txt", "001_ef95f13adfccaa54.txt", "002_694d548595b5fff0.txt",
    };
    for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
        snprintf(path, sizeof path, "%s/seeds/%s", NG_SOURCE_DATA_DIR, seeds[i]);
        compare_file(&mn, path);
    }
    CHECK(differed == 0);
    reference = NULL;
    ngi_matcher_fini(&mo);
    ngi_matcher_fini(&mn);
cleanup:
    free(data);
    ng_furniture_free(oldf);
    ng_furniture_free(newf);
}

/* A rule that backtracks without end counts as no match and does not
 * keep the other rules from matching; four threads share the rules. */
static ng_furniture *limit_rules;

static void *match_past_limit(void *arg)
{
    (void)arg;
    ngi_matcher m = {0};
    long bad = 0;
    char line[3002];
    memset(line, 'a', 3000);
    line[3000] = 'b';
    if (ngi_matcher_init(&m, limit_rules) == 0)
        for (int i = 0; i < 3; i++)
            bad += ngi_match_cats(&m, all_cats(), line, 3001) != BIT(CAT_CAPTION);
    else
        bad++;
    ngi_matcher_fini(&m);
    return (void *)bad;
}

static void test_rule_at_its_limit_hides_no_other(void)
{
    ng_error err;
    CHECK(ng_furniture_from_string("limit", "drop ^(a+)+$\ncaption ^a+b$\nteaser ^b\n",
                                   &limit_rules, &err) == 0);
    if (!limit_rules)
        return;
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        CHECK(pthread_create(&t[i], NULL, match_past_limit, NULL) == 0);
    for (int i = 0; i < 4; i++) {
        void *bad = NULL;
        pthread_join(t[i], &bad);
        CHECK(bad == NULL);
    }
    ng_furniture_free(limit_rules);
    limit_rules = NULL;
}

/* The tail rules do match, far from the start of a long line. */
static void test_long_lines_still_match(void)
{
    ngi_matcher m = matcher();
    char line[3000];
    memset(line, 'x', sizeof line);
    const char *tail = " Copyright 2025 Example Media. All rights reserved.";
    memcpy(line + sizeof line - strlen(tail), tail, strlen(tail));
    CHECK(ngi_match_cats(&m, BIT(CAT_DROP), line, sizeof line) == BIT(CAT_DROP));
    line[sizeof line - 2] = 'x'; /* "reservex." */
    CHECK(ngi_match_cats(&m, BIT(CAT_DROP), line, sizeof line) == 0);
    ngi_matcher_fini(&m);
}

int main(int argc, char **argv)
{
    if (argc > 1) { /* the proof run over files and many random lines */
        ngi_matcher m = matcher(), old = {0};
        ng_furniture *oldf = NULL;
        int first = 1;
        if (argc > 3 && strcmp(argv[1], "-o") == 0) {
            size_t len;
            char *text = read_all(argv[2], &len);
            ng_error err;
            if (!text || !(text = realloc(text, len + 1)))
                return 2;
            text[len] = '\0';
            if (ng_furniture_from_string(argv[2], text, &oldf, &err) ||
                ngi_matcher_init(&old, oldf))
                return 2;
            free(text);
            reference = &old;
            first = 3;
        }
        for (int i = first; i < argc; i++) {
            if (strcmp(argv[i], "-r") == 0 && i + 1 < argc)
                compare_random(&m, atol(argv[++i]));
            else
                compare_file(&m, argv[i]);
        }
        fprintf(stderr, "%ld lines compared, %ld decided differently; lines in each category:",
                compared, differed);
        for (int c = 0; c < NCAT; c++)
            fprintf(stderr, " %ld", hits[c]);
        fprintf(stderr, "\n");
        ngi_matcher_fini(&m);
        if (oldf) {
            ngi_matcher_fini(&old);
            ng_furniture_free(oldf);
        }
        free_test_furniture();
        return differed != 0 || CHECK_DONE();
    }
    RUN(test_facts_as_recorded);
    RUN(test_syntax_the_readers_differed_on);
    RUN(test_posix_names_only_as_written);
    RUN(test_bounds_read_from_patterns);
    RUN(test_first_chars_read_from_patterns);
    RUN(test_last_chars_read_from_patterns);
    RUN(test_needed_chars_read_from_patterns);
    RUN(test_seed_pages_decided_alike);
    RUN(test_random_lines_decided_alike);
    RUN(test_rewritten_rules_decide_like_old_text);
    RUN(test_long_lines_still_match);
    RUN(test_rule_at_its_limit_hides_no_other);
    free_test_furniture();
    return CHECK_DONE();
}
