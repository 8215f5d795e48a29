/* furniture.c - which paragraphs of a page are the article.
 *
 * The cues (data/furniture.txt) say what a single paragraph looks like:
 * an appeal button, a byline, a "2 Min read" marker, a caption. Cues alone
 * cannot remove a teaser headline or the prose of a donation appeal, so
 * this file adds zones: a teaser heading ("Read more", "RELATED STORIES")
 * opens a zone that swallows headlines and summaries until real prose
 * resumes; an appeal heading ("Dear readers,", "Sign up for our newsletter")
 * opens a zone that swallows paragraphs written to the reader ("we", "your")
 * and short buttons. This works on any outlet whose furniture follows those
 * shapes, not only on the sample pages. */
#include "furniture_rules.h"

#include "newsgraph/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FURNITURE_BYTES 4096 /* longer paragraphs are always article text */

/* ------------------------------------------------------------------ */
/* Paragraph units                                                      */

typedef struct unit {
    uint32_t start, end; /* trimmed */
    unsigned cats;
} unit;

static int is_space_at(const char *t, size_t i, size_t end, size_t *w)
{
    unsigned char c = (unsigned char)t[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n') {
        *w = 1;
        return 1;
    }
    if (c == 0xC2 && i + 1 < end && (unsigned char)t[i + 1] == 0xA0) { /* NBSP */
        *w = 2;
        return 1;
    }
    return 0;
}

/* Trims whitespace (ASCII, NBSP) and, in Markdown, heading marks. */
static void trim(const char *t, size_t *a, size_t *b, int is_md)
{
    size_t w;
    while (*a < *b && is_space_at(t, *a, *b, &w))
        *a += w;
    if (is_md) {
        size_t h = *a;
        while (h < *b && h - *a < 6 && t[h] == '#')
            h++;
        if (h > *a && h < *b && t[h] == ' ')
            for (*a = h; *a < *b && t[*a] == ' ';)
                ++*a;
    }
    while (*b > *a) {
        if (t[*b - 1] == ' ' || t[*b - 1] == '\t' || t[*b - 1] == '\r' || t[*b - 1] == '\n' ||
            t[*b - 1] == '\f' || t[*b - 1] == '\v')
            --*b;
        else if (*b - *a >= 2 && (unsigned char)t[*b - 2] == 0xC2 &&
                 (unsigned char)t[*b - 1] == 0xA0)
            *b -= 2;
        else
            break;
    }
}

typedef struct units {
    unit *v;
    size_t n, cap;
} units;

static int push_unit(units *u, size_t a, size_t b)
{
    if (u->n == u->cap) {
        size_t cap = u->cap ? u->cap * 2 : 64;
        unit *nv = realloc(u->v, cap * sizeof *nv);
        if (!nv)
            return NG_ENOMEM;
        u->v = nv;
        u->cap = cap;
    }
    u->v[u->n].start = (uint32_t)a;
    u->v[u->n].end = (uint32_t)b;
    u->v[u->n++].cats = 0;
    return 0;
}

/* End of the line starting at p (before end): a "\n", or a lone "\r" as in
 * old Mac files ("\r\n" ends at its "\n"; the "\r" is trimmed as space).
 * *next is where the following line starts. has_cr is 0 when the text
 * holds no "\r" at all (most do not): then no line is searched for one. */
static size_t line_end(const char *t, size_t p, size_t end, size_t *next, int has_cr)
{
    const char *nl = memchr(t + p, '\n', end - p);
    size_t e = nl ? (size_t)(nl - t) : end;
    for (const char *cr = has_cr ? memchr(t + p, '\r', e - p) : NULL; cr;
         cr = memchr(cr + 1, '\r', e - p)) {
        size_t i = (size_t)(cr - t);
        if (i + 1 == end || t[i + 1] != '\n') {
            *next = i + 1;
            return i;
        }
        p = i + 1;
    }
    *next = nl ? e + 1 : end;
    return e;
}

/* A block of lines between blank lines is one hard-wrapped paragraph when
 * it has several lines and every line but the last is 40-100 bytes long:
 * the shape of text wrapped at a fixed width. Otherwise (the usual case
 * for scraped articles) each line is its own paragraph. */
static int block_is_wrapped(const char *t, size_t a, size_t b, int has_cr)
{
    size_t lines = 0;
    for (size_t p = a; p < b;) {
        size_t next, e = line_end(t, p, b, &next, has_cr);
        size_t s = p, z = e;
        trim(t, &s, &z, 0);
        lines++;
        if (e < b && (z - s < 40 || z - s > 100))
            return 0;
        p = next;
    }
    return lines >= 2;
}

static int split_units(const char *t, size_t start, size_t len, int is_md, units *u)
{
    int has_cr = start < len && memchr(t + start, '\r', len - start) != NULL;
    size_t p = start;
    while (p < len) {
        /* find the block [p, q): lines up to the next blank line */
        size_t q = p, last_end = p;
        int any = 0;
        while (q < len) {
            size_t next, e = line_end(t, q, len, &next, has_cr);
            size_t s = q, z = e;
            trim(t, &s, &z, 0);
            if (s == z && any)
                break;
            if (s < z) {
                any = 1;
                last_end = e;
            }
            q = next;
        }
        if (any && block_is_wrapped(t, p, last_end, has_cr)) {
            size_t a = p, b = last_end;
            trim(t, &a, &b, is_md);
            if (a < b && push_unit(u, a, b))
                return NG_ENOMEM;
        } else {
            for (size_t r = p; r < q;) {
                size_t next, e = line_end(t, r, q, &next, has_cr);
                size_t a = r, b = e;
                trim(t, &a, &b, is_md);
                if (a < b && push_unit(u, a, b))
                    return NG_ENOMEM;
                r = next;
            }
        }
        p = q;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Shapes of a paragraph                                                */

/* Last byte that is not a closing quote or bracket. */
static unsigned char last_char(const char *t, size_t a, size_t b)
{
    while (b > a) {
        unsigned char c = (unsigned char)t[b - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']') {
            b--;
        } else if (b - a >= 3 && (unsigned char)t[b - 3] == 0xE2 &&
                   (unsigned char)t[b - 2] == 0x80 &&
                   ((unsigned char)t[b - 1] == 0x9D || (unsigned char)t[b - 1] == 0x99)) {
            b -= 3; /* ” ’ */
        } else if (b - a >= 2 && (unsigned char)t[b - 2] == 0xC2 &&
                   (unsigned char)t[b - 1] == 0xBB) {
            b -= 2; /* » */
        } else {
            return c;
        }
    }
    return 0;
}

/* A headline: short, and it does not end like a sentence. */
static int headline_like(const char *t, const unit *u)
{
    if (u->end - u->start > 200)
        return 0;
    unsigned char c = last_char(t, u->start, u->end);
    return c && !strchr(".!?:;,", c);
}

/* A button or choice in an appeal box: "Once", "Monthly", "Payment methods". */
static int button_like(const char *t, const unit *u)
{
    if (u->end - u->start > 40)
        return 0;
    int words = 1;
    for (size_t i = u->start; i < u->end; i++)
        if (t[i] == ' ')
            words++;
    return words <= 3 && last_char(t, u->start, u->end) != '.';
}

/* Offset of the next quotation mark ('"', “ or ”) in s[i..n), n when
 * there is none; its width in *w. *dq remembers where the next '"' is
 * (NULL: none left), so a paragraph is searched for it once. */
static size_t next_quote(const unsigned char *s, size_t i, size_t n, size_t *w,
                         const unsigned char **dq)
{
    if (*dq && *dq < s + i)
        *dq = memchr(s + i, '"', n - i);
    size_t lim = *dq ? (size_t)(*dq - s) : n;
    for (const unsigned char *e2 = memchr(s + i, 0xE2, lim - i); e2;) {
        size_t k = (size_t)(e2 - s);
        if (k + 2 < n && s[k + 1] == 0x80 && (s[k + 2] == 0x9C || s[k + 2] == 0x9D)) {
            *w = 3;
            return k;
        }
        e2 = memchr(e2 + 1, 0xE2, lim - k - 1);
    }
    *w = 1;
    return lim;
}

/* Does the paragraph speak in the outlet's voice (cats = voice|reader:
 * "we", "your") or to the reader (cats = reader: "you") outside quotation
 * marks? Quoted words are someone else's, so they are blanked in a
 * scratch copy before the rules run: from an opening mark (“, or a '"'
 * outside quotes) to the closing one (”, or the next '"'), marks included.
 * A paragraph without quotation marks is matched as it is. */
static int speaks_to_reader(ngi_matcher *m, unsigned cats, const char *t, const unit *u,
                            char *scratch)
{
    size_t n = u->end - u->start, w;
    const unsigned char *s = (const unsigned char *)t + u->start;
    const unsigned char *dq = memchr(s, '"', n);
    size_t q = next_quote(s, 0, n, &w, &dq);
    if (q == n)
        return ngi_match_cats(m, cats, (const char *)s, n) != 0;
    memcpy(scratch, s, n);
    int inq = 0;
    size_t from = 0;
    for (; q < n; q = next_quote(s, q + w, n, &w, &dq)) {
        size_t a = inq ? from : q;
        memset(scratch + a, ' ', q + w - a);
        inq = w == 1 ? !inq : s[q + 2] == 0x9C; /* '"' toggles, “ opens, ” closes */
        from = q + w;
    }
    if (inq)
        memset(scratch + from, ' ', n - from);
    return ngi_match_cats(m, cats, scratch, n) != 0;
}

/* Appends a byline without its final period, "; "-separated. */
static int add_byline(ng_doc *doc, const char *t, const unit *u)
{
    size_t a = u->start, b = u->end;
    while (b > a && (t[b - 1] == '.' || t[b - 1] == ' '))
        b--;
    if (a < b && t[a] == '(' && t[b - 1] == ')') {
        a++;
        b--;
    }
    size_t old = doc->byline ? strlen(doc->byline) : 0;
    char *nb = realloc(doc->byline, old + (old ? 2 : 0) + (b - a) + 1);
    if (!nb)
        return NG_ENOMEM;
    if (old)
        memcpy(nb + old, "; ", 2), old += 2;
    memcpy(nb + old, t + a, b - a);
    nb[old + b - a] = '\0';
    doc->byline = nb;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Zones                                                                */

enum zone { ZONE_NONE, ZONE_TEASER, ZONE_APPEAL };
enum { KEEP = 0, DROP = 1 };

/* Walks the paragraphs once, deciding keep/drop for each; see the comment
 * at the top of the file for the zone rules. */
static int decide(ngi_matcher *m, ng_doc *doc, units *u, unsigned char *verdict, char *scratch)
{
    const char *t = doc->text;
    enum zone zone = ZONE_NONE;
    for (size_t i = 0; i < u->n; i++) {
        const unit *x = &u->v[i];
        unsigned c = x->cats;
        int next_readtime = i + 1 < u->n && (u->v[i + 1].cats & BIT(CAT_READTIME));
        verdict[i] = DROP;
        if (c & BIT(CAT_READTIME)) {
            /* a teaser without a heading (headline, summary sentence, reading
             * time) goes as a whole; a reading time right under the article's
             * own headline ("5 min read") takes nothing with it */
            if (zone == ZONE_NONE && i >= 2 && verdict[i - 1] == KEEP &&
                !headline_like(t, &u->v[i - 1]) && headline_like(t, &u->v[i - 2])) {
                verdict[i - 1] = verdict[i - 2] = DROP;
                zone = ZONE_TEASER;
            }
            continue;
        }
        if (c & BIT(CAT_BYLINE)) {
            if (add_byline(doc, t, x))
                return NG_ENOMEM;
            continue;
        }
        if (c & BIT(CAT_TEASER)) {
            zone = ZONE_TEASER;
            continue;
        }
        if (c & BIT(CAT_APPEAL)) {
            zone = ZONE_APPEAL;
            continue;
        }
        if (c & (BIT(CAT_DROP) | BIT(CAT_CAPTION)))
            continue;
        /* a plea is an appeal only when it is made to "you"; asked in that
         * order because "you" is one rule and the pleas are several */
        if (x->end - x->start <= MAX_FURNITURE_BYTES &&
            speaks_to_reader(m, BIT(CAT_READER), t, x, scratch) &&
            ngi_match_cats(m, BIT(CAT_APPEALCUE), t + x->start, x->end - x->start)) {
            zone = ZONE_APPEAL;
            continue;
        }
        if (zone == ZONE_TEASER) {
            if (next_readtime || headline_like(t, x))
                continue;
            zone = ZONE_NONE;
        } else if (zone == ZONE_APPEAL) {
            int voice = x->end - x->start <= MAX_FURNITURE_BYTES &&
                        speaks_to_reader(m, BIT(CAT_VOICE) | BIT(CAT_READER), t, x, scratch);
            if (voice || button_like(t, x))
                continue;
            zone = ZONE_NONE;
        }
        verdict[i] = KEEP;
    }
    return 0;
}

int ngi_furniture_apply(const ng_furniture *f, ng_doc *doc, size_t start, int is_md,
                        ng_error *err)
{
    int rc = 0;
    units u = {0};
    unsigned char *verdict = NULL;
    char *scratch = NULL;
    ngi_matcher m = {0};
    if (ngi_matcher_init(&m, f) || split_units(doc->text, start, doc->len, is_md, &u))
        goto nomem;
    verdict = calloc(u.n + 1, 1);
    scratch = malloc(MAX_FURNITURE_BYTES + 1);
    if (!verdict || !scratch)
        goto nomem;
    /* the pleas (appealcue) are asked in decide, only of paragraphs to "you" */
    const unsigned all = BIT(CAT_DROP) | BIT(CAT_CAPTION) | BIT(CAT_BYLINE) | BIT(CAT_TEASER) |
                         BIT(CAT_APPEAL) | BIT(CAT_READTIME);
    for (size_t i = 0; i < u.n; i++)
        if (u.v[i].end - u.v[i].start <= MAX_FURNITURE_BYTES)
            u.v[i].cats = ngi_match_cats(&m, all, doc->text + u.v[i].start,
                                     u.v[i].end - u.v[i].start);
    if (decide(&m, doc, &u, verdict, scratch))
        goto nomem;
    size_t kept = 0;
    for (size_t i = 0; i < u.n; i++)
        kept += verdict[i] == KEEP;
    doc->body = malloc((kept ? kept : 1) * sizeof *doc->body);
    if (!doc->body)
        goto nomem;
    doc->nbody = 0;
    for (size_t i = 0; i < u.n; i++)
        if (verdict[i] == KEEP)
            doc->body[doc->nbody++] = (ng_span){u.v[i].start, u.v[i].end};
    /* The first paragraph is the headline when it is shaped like one; it
     * stays in the body too, since a headline is article text. */
    if (!doc->title && doc->nbody) {
        unit first = {doc->body[0].start, doc->body[0].end, 0};
        if (headline_like(doc->text, &first)) {
            size_t n = first.end - first.start;
            if (!(doc->title = malloc(n + 1)))
                goto nomem;
            memcpy(doc->title, doc->text + first.start, n);
            doc->title[n] = '\0';
        }
    }
    goto cleanup;
nomem:
    rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory removing page furniture", doc->path);
cleanup:
    ngi_matcher_fini(&m);
    free(u.v);
    free(verdict);
    free(scratch);
    return rc;
}
