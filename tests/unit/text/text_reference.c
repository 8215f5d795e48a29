/* text_reference.c - the tokenizer and sentence splitter as they were
 * before the byte-class fast paths (src/text/text.c at 89fbe98), decoding
 * every code point. Frozen: test_text_fast.c checks that the fast
 * ng_text_analyze gives the same tokens, flags and sentences. Only the
 * exported names are changed (ref_text_analyze, ref_text_free). */
#include "text_reference.h"

#include "newsgraph/text.h"

#include "chars.h"

#include <stdlib.h>
#include <string.h>

/* Words that take an abbreviation dot and never end a sentence: titles
 * before names, months before numbers, "No." before numbers. */
static const char *const title_abbrevs[] = {
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Prof",
    "Rev", "St", "Adm", "Maj", "Brig", "Cmdr", "Hon", "Pres", "Messrs", "Mt", "Ft", "Gens",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No",
    "Nos", "Vol", "Fig", "approx", "vs", "Supt", "Insp", "Det", "Cpl", "Pvt", "Amb", NULL};

/* Abbreviations that may also end a sentence when a sentence plainly
 * starts after them. */
static const char *const other_abbrevs[] = {"Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "etc",
                                            "Bros", "Dept", "Univ", "Assn", "Ave", "Blvd", NULL};

/* Function words that start sentences; after an abbreviation such as
 * "U.S." a following capitalised word of this kind means a new sentence. */
static const char *const sentence_openers[] = {
    "The", "He", "She", "It", "They", "We", "I", "But", "And", "In", "On", "A", "An", "This",
    "That", "These", "Those", "His", "Her", "Its", "Their", "There", "Meanwhile", "However",
    "Yet", "So", "As", "At", "After", "Before", "When", "While", "If", "For", "Some", "Many",
    "Officials", "According", NULL};

static int word_in(const char *s, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (n && list[i][0] == s[0] && strlen(list[i]) == n && memcmp(list[i], s, n) == 0)
            return 1;
    return 0;
}

typedef struct tok_vec {
    ng_token *v;
    size_t n, cap;
} tok_vec;

static int push_token(tok_vec *tv, uint32_t start, uint32_t end, uint32_t flags)
{
    if (tv->n == tv->cap) {
        size_t cap = tv->cap ? tv->cap * 2 : 256;
        ng_token *p = realloc(tv->v, cap * sizeof *p);
        if (!p)
            return NG_ENOMEM;
        tv->v = p;
        tv->cap = cap;
    }
    tv->v[tv->n++] = (ng_token){start, end, flags, 0};
    return 0;
}

/* Code point at t[i]. ASCII, most of news text, is answered here without
 * the call into the decoder. */
static inline uint32_t cp_at(const char *t, size_t len, size_t i, size_t *n)
{
    if (i < len && (unsigned char)t[i] < 0x80) {
        *n = 1;
        return (unsigned char)t[i];
    }
    return ng_utf8_decode((const unsigned char *)t + i, len - i, n);
}

static inline int is_ascii_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int is_word_cp(uint32_t c) { return ng_cp_is_letter(c) || ng_cp_is_digit(c); }

/* Scans one word starting at i; returns its end and sets *abbrev when a
 * trailing abbreviation dot was taken into the word. */
static size_t scan_word(const char *t, size_t end, size_t i, int *abbrev)
{
    size_t start = i, seg_start = i, n;
    int dots = 0;
    *abbrev = 0;
    while (i < end) {
        /* fast path: a run of ASCII letters and digits */
        while (i < end && is_ascii_alnum((unsigned char)t[i]))
            i++;
        if (i == end)
            break;
        uint32_t c = cp_at(t, end, i, &n);
        if (is_word_cp(c)) {
            i += n;
            continue;
        }
        size_t n2 = 0;
        uint32_t next = i + n < end ? cp_at(t, end, i + n, &n2) : 0;
        uint32_t prev = 0;
        if (i > start) {
            size_t k = i - 1;
            while (k > start && ((unsigned char)t[k] & 0xC0) == 0x80)
                k--;
            size_t pn;
            prev = cp_at(t, end, k, &pn);
        }
        if ((c == '-' || c == 0x2011 || c == 0x2010) && is_word_cp(next)) {
            i += n;
            seg_start = i;
            continue;
        }
        if (c == '.') {
            size_t seg_len = i - seg_start;
            if (ng_cp_is_digit(prev) && ng_cp_is_digit(next)) {
                i += n;
                continue;
            }
            if (seg_len == 1 && ng_cp_is_letter(prev)) {
                /* initialism (U.S., p.m.) or an initial (J.) */
                i += n;
                dots++;
                if (ng_cp_is_letter(next)) {
                    size_t n3 = 0;
                    uint32_t after = i + n2 < end ? cp_at(t, end, i + n2, &n3) : 0;
                    if (after == '.') {
                        seg_start = i;
                        continue;
                    }
                }
                *abbrev = 1;
                return i;
            }
            if (dots == 0 && (word_in(t + start, i - start, title_abbrevs) ||
                              word_in(t + start, i - start, other_abbrevs))) {
                *abbrev = 1;
                return i + n;
            }
            if (ng_cp_is_lower(next) && !ng_cp_is_upper(prev)) {
                /* a domain name such as Gawker.com or kremlin.ru is one word */
                i += n;
                seg_start = i;
                continue;
            }
            return i;
        }
        if (c == ',' && ng_cp_is_digit(prev) && ng_cp_is_digit(next)) {
            i += n;
            continue;
        }
        if ((c == '\'' || c == 0x2019) && ng_cp_is_letter(next)) {
            /* possessive 's ends the word; don't, O'Brien continue */
            if ((next == 's' || next == 'S')) {
                size_t n3 = 0;
                uint32_t after = i + n + n2 < end ? cp_at(t, end, i + n + n2, &n3) : 0;
                if (!is_word_cp(after))
                    return i;
            }
            i += n;
            continue;
        }
        break;
    }
    return i;
}

/* Capitalisation flags of the word t[s, e). */
static uint32_t case_flags(const char *t, size_t s, size_t e)
{
    size_t n;
    uint32_t first = cp_at(t, e, s, &n);
    uint32_t flags = NG_TOK_WORD;
    if (ng_cp_is_digit(first))
        flags |= NG_TOK_DIGIT;
    if (ng_cp_is_upper(first))
        flags |= NG_TOK_CAP;
    int letters = 0, lower = 0;
    for (size_t i = s; i < e; i += n) {
        uint32_t c = cp_at(t, e, i, &n);
        if (ng_cp_is_letter(c)) {
            letters++;
            if (!ng_cp_is_upper(c))
                lower++;
        }
    }
    if (letters > 0 && lower == 0)
        flags |= NG_TOK_ALLCAPS;
    return flags;
}

/* Tokenises the paragraph t[s, e) into tv. */
static int tokenize_paragraph(const char *t, size_t s, size_t e, tok_vec *tv)
{
    size_t i = s, n;
    size_t first = tv->n;
    while (i < e) {
        uint32_t c = cp_at(t, e, i, &n);
        if (ng_cp_is_space(c)) {
            i += n;
            continue;
        }
        int rc;
        if (is_word_cp(c)) {
            int abbrev;
            size_t we = scan_word(t, e, i, &abbrev);
            uint32_t f = case_flags(t, i, we) | (abbrev ? NG_TOK_ABBREV : 0);
            rc = push_token(tv, (uint32_t)i, (uint32_t)we, f);
            i = we;
        } else {
            uint32_t f = NG_TOK_PUNCT;
            size_t pn = 0;
            uint32_t next = i + n < e ? cp_at(t, e, i + n, &pn) : 0;
            int after_word = tv->n > first && tv->v[tv->n - 1].end == i &&
                             (tv->v[tv->n - 1].flags & NG_TOK_WORD);
            if ((c == '\'' || c == 0x2019) && after_word && (next == 's' || next == 'S')) {
                /* possessive: Russia's, Russia’s */
                rc = push_token(tv, (uint32_t)i, (uint32_t)(i + n + pn), NG_TOK_POSSESSIVE);
                i += n + pn;
                if (rc)
                    return rc;
                continue;
            }
            if ((c == '\'' || c == 0x2019) && after_word && i > s && (t[i - 1] == 's')) {
                /* plural possessive: Workers' Party */
                if (!is_word_cp(next)) {
                    rc = push_token(tv, (uint32_t)i, (uint32_t)(i + n), NG_TOK_POSSESSIVE);
                    i += n;
                    if (rc)
                        return rc;
                    continue;
                }
            }
            if (ng_cp_is_dquote(c) || ng_cp_is_squote(c)) {
                f |= ng_cp_is_dquote(c) ? NG_TOK_DQUOTE : NG_TOK_SQUOTE;
                int prev_space = i == s || tv->n == first || tv->v[tv->n - 1].end < i;
                if (c == 0x201C || c == 0xAB || c == 0x201E || c == 0x2018 || c == 0x201A)
                    f |= NG_TOK_OPEN;
                else if (c == 0x201D || c == 0xBB || c == 0x2019)
                    f |= NG_TOK_CLOSE;
                else if (prev_space && next && !ng_cp_is_space(next))
                    f |= NG_TOK_OPEN;
                else
                    f |= NG_TOK_CLOSE;
            }
            rc = push_token(tv, (uint32_t)i, (uint32_t)(i + n), f);
            i += n;
        }
        if (rc)
            return rc;
    }
    if (tv->n > first)
        tv->v[first].flags |= NG_TOK_PARA_START;
    return 0;
}

static int is_terminal(const char *t, const ng_token *tk)
{
    size_t len = tk->end - tk->start;
    if (!(tk->flags & NG_TOK_PUNCT))
        return 0;
    const char *s = t + tk->start;
    return (len == 1 && (*s == '.' || *s == '!' || *s == '?')) ||
           (len == 3 && memcmp(s, "\xE2\x80\xA6", 3) == 0);
}

static int is_closer(const char *t, const ng_token *tk)
{
    if (tk->flags & (NG_TOK_DQUOTE | NG_TOK_SQUOTE))
        return !(tk->flags & NG_TOK_OPEN);
    size_t len = tk->end - tk->start;
    return len == 1 && (t[tk->start] == ')' || t[tk->start] == ']');
}

/* Does a new sentence plainly start at token k? */
static int starts_sentence(const char *t, const ng_token *v, size_t k, size_t end)
{
    if (k >= end)
        return 1;
    const ng_token *tk = &v[k];
    if (tk->flags & (NG_TOK_CAP | NG_TOK_DIGIT))
        return 1;
    if ((tk->flags & (NG_TOK_DQUOTE | NG_TOK_SQUOTE)) && (tk->flags & NG_TOK_OPEN))
        return 1;
    (void)t;
    return 0;
}

/* Does the abbreviation token ab end a sentence before token k? */
static int abbrev_ends_sentence(const char *t, const ng_token *ab, const ng_token *v, size_t k,
                                size_t end)
{
    size_t len = ab->end - ab->start - 1; /* without the dot */
    if (word_in(t + ab->start, len, title_abbrevs))
        return 0;
    if (len == 1) /* an initial */
        return 0;
    if (k >= end)
        return 1;
    const ng_token *nx = &v[k];
    if ((nx->flags & (NG_TOK_DQUOTE | NG_TOK_SQUOTE)) && (nx->flags & NG_TOK_OPEN))
        return 1;
    return (nx->flags & NG_TOK_CAP) &&
           word_in(t + nx->start, nx->end - nx->start, sentence_openers);
}

/* A headline line: no final punctuation and most longer words capitalised. */
static int is_headline(const char *t, const ng_token *v, size_t b, size_t e)
{
    if (b >= e)
        return 0;
    const ng_token *last = &v[e - 1];
    if (is_terminal(t, last) || (is_closer(t, last) && e - b > 1 && is_terminal(t, &v[e - 2])))
        return 0;
    size_t words = 0, caps = 0;
    for (size_t k = b; k + 1 < e; k++)
        if (is_terminal(t, &v[k]) && is_closer(t, &v[k + 1]))
            return 0; /* a finished quotation: a signed quote, not a headline */
    for (size_t k = b; k < e; k++) {
        if (!(v[k].flags & NG_TOK_WORD) || v[k].end - v[k].start < 4)
            continue;
        words++;
        if (v[k].flags & NG_TOK_CAP)
            caps++;
    }
    return words > 0 && caps * 10 >= words * 6;
}

typedef struct sent_vec {
    ng_sentence *v;
    size_t n, cap;
} sent_vec;

static int push_sentence(sent_vec *sv, ng_token *tok, size_t b, size_t e, uint32_t para)
{
    if (b >= e)
        return 0;
    if (sv->n == sv->cap) {
        size_t cap = sv->cap ? sv->cap * 2 : 64;
        ng_sentence *p = realloc(sv->v, cap * sizeof *p);
        if (!p)
            return NG_ENOMEM;
        sv->v = p;
        sv->cap = cap;
    }
    uint32_t idx = (uint32_t)sv->n;
    sv->v[sv->n++] = (ng_sentence){tok[b].start, tok[e - 1].end, (uint32_t)b, (uint32_t)e, para};
    int first_word = 1;
    for (size_t k = b; k < e; k++) {
        tok[k].sentence = idx;
        if (first_word && (tok[k].flags & NG_TOK_WORD)) {
            tok[k].flags |= NG_TOK_SENT_START;
            first_word = 0;
        }
    }
    return 0;
}

/* Cuts the tokens [b, e) of one paragraph into sentences. */
static int split_sentences(const char *t, ng_token *v, size_t b, size_t e, uint32_t para,
                           sent_vec *sv)
{
    int headline = is_headline(t, v, b, e);
    if (headline)
        for (size_t k = b; k < e; k++)
            v[k].flags |= NG_TOK_HEADLINE;
    size_t s = b;
    for (size_t k = b; k < e; k++) {
        size_t cut = 0;
        if (is_terminal(t, &v[k])) {
            size_t j = k + 1;
            while (j < e && (is_terminal(t, &v[j]) || is_closer(t, &v[j])))
                j++;
            if (starts_sentence(t, v, j, e))
                cut = j;
        } else if ((v[k].flags & NG_TOK_ABBREV) && abbrev_ends_sentence(t, &v[k], v, k + 1, e)) {
            cut = k + 1;
        }
        if (cut) {
            int rc = push_sentence(sv, v, s, cut, para);
            if (rc)
                return rc;
            s = cut;
            k = cut - 1;
        }
    }
    return push_sentence(sv, v, s, e, para);
}

int ref_text_analyze(const ng_doc *doc, ng_text *out, ng_error *err)
{
    int rc = 0;
    tok_vec tv = {0};
    sent_vec sv = {0};
    ng_span *paras = NULL;
    size_t npara = 0, para_cap = 0;
    memset(out, 0, sizeof *out);
    out->doc = doc;
    const char *t = doc->text;
    for (size_t bi = 0; bi < doc->nbody; bi++) {
        size_t bs = doc->body[bi].start, be = doc->body[bi].end;
        if (be > doc->len)
            be = doc->len;
        /* a body span may hold several lines: each line is a paragraph */
        while (bs < be) {
            const char *nl = memchr(t + bs, '\n', be - bs);
            size_t le = nl ? (size_t)(nl - t) : be;
            size_t tok_before = tv.n;
            if ((rc = tokenize_paragraph(t, bs, le, &tv)) < 0)
                goto cleanup;
            if (tv.n > tok_before) {
                if (npara == para_cap) {
                    para_cap = para_cap ? para_cap * 2 : 32;
                    ng_span *p = realloc(paras, para_cap * sizeof *p);
                    if (!p) {
                        rc = NG_ENOMEM;
                        goto cleanup;
                    }
                    paras = p;
                }
                paras[npara] = (ng_span){tv.v[tok_before].start, tv.v[tv.n - 1].end};
                if ((rc = split_sentences(t, tv.v, tok_before, tv.n, (uint32_t)npara, &sv)) < 0)
                    goto cleanup;
                npara++;
            }
            bs = le + 1;
        }
    }
    out->tokens = tv.v;
    out->ntokens = tv.n;
    out->sentences = sv.v;
    out->nsentences = sv.n;
    out->paras = paras;
    out->nparas = npara;
    return 0;
cleanup:
    free(tv.v);
    free(sv.v);
    free(paras);
    return ng_error_set(err, rc, "%s: out of memory while splitting text", doc->path);
}

void ref_text_free(ng_text *t)
{
    if (!t)
        return;
    free(t->tokens);
    free(t->sentences);
    free(t->paras);
    memset(t, 0, sizeof *t);
}
