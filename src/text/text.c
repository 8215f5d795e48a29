/* text.c - paragraphs, tokens and sentences (see include/newsgraph/text.h).
 *
 * One left-to-right pass over each body paragraph produces tokens and
 * lists the tokens where a sentence may end (terminal marks,
 * abbreviations); the sentence cutter (sentences.c) visits only those,
 * then marks each sentence's tokens once. Both are linear in the size of
 * the document. The abbreviations it knows are
 * in abbrevs.c. */
#include "newsgraph/text.h"

#include "abbrevs.h"
#include "chars.h"
#include "sentences.h"

#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__)
#define TEXT_NOINLINE __attribute__((noinline))
#else
#define TEXT_NOINLINE
#endif

typedef struct tok_vec {
    ng_token *v;
    uint64_t *heads; /* ng_text.heads, cap of them */
    size_t n, cap;
    uint32_t *cuts;  /* of the last paragraph: its terminal marks and abbreviations */
    size_t ncuts, cuts_cap;
} tok_vec;

/* Grows tv to hold at least cap tokens. */
static int reserve_tokens(tok_vec *tv, size_t cap)
{
    if (cap <= tv->cap)
        return 0;
    ng_token *p = realloc(tv->v, cap * sizeof *p);
    if (!p)
        return NG_ENOMEM;
    tv->v = p;
    uint64_t *h = realloc(tv->heads, cap * sizeof *h);
    if (!h)
        return NG_ENOMEM;
    tv->heads = h;
    tv->cap = cap;
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

/* What the tokenizer needs to know about a byte without decoding it.
 * ASCII (most of news text) is answered by the table; BC_HIGH bytes
 * (>= 0x80) are decoded (ng_utf8_decode). BC_JOIN marks the marks that
 * may continue a word (U.S., 3.5, 1,000, well-known, O'Brien); any other
 * ASCII mark or space ends it. */
enum { BC_SPACE = 1, BC_UPPER = 2, BC_LOWER = 4, BC_DIGIT = 8, BC_JOIN = 16, BC_HIGH = 32 };
enum { BC_LETTER = BC_UPPER | BC_LOWER, BC_ALNUM = BC_LETTER | BC_DIGIT };
#define BC_HIGH8 BC_HIGH, BC_HIGH, BC_HIGH, BC_HIGH, BC_HIGH, BC_HIGH, BC_HIGH, BC_HIGH
#define BC_HIGH64 BC_HIGH8, BC_HIGH8, BC_HIGH8, BC_HIGH8, BC_HIGH8, BC_HIGH8, BC_HIGH8, BC_HIGH8
static const unsigned char byte_class[256] = {
    [' '] = BC_SPACE, ['\t'] = BC_SPACE, ['\r'] = BC_SPACE, ['\n'] = BC_SPACE,
    ['\f'] = BC_SPACE, ['\v'] = BC_SPACE, ['A'] = BC_UPPER, ['B'] = BC_UPPER, ['C'] = BC_UPPER,
    ['D'] = BC_UPPER, ['E'] = BC_UPPER, ['F'] = BC_UPPER, ['G'] = BC_UPPER, ['H'] = BC_UPPER,
    ['I'] = BC_UPPER, ['J'] = BC_UPPER, ['K'] = BC_UPPER, ['L'] = BC_UPPER, ['M'] = BC_UPPER,
    ['N'] = BC_UPPER, ['O'] = BC_UPPER, ['P'] = BC_UPPER, ['Q'] = BC_UPPER, ['R'] = BC_UPPER,
    ['S'] = BC_UPPER, ['T'] = BC_UPPER, ['U'] = BC_UPPER, ['V'] = BC_UPPER, ['W'] = BC_UPPER,
    ['X'] = BC_UPPER, ['Y'] = BC_UPPER, ['Z'] = BC_UPPER, ['a'] = BC_LOWER, ['b'] = BC_LOWER,
    ['c'] = BC_LOWER, ['d'] = BC_LOWER, ['e'] = BC_LOWER, ['f'] = BC_LOWER, ['g'] = BC_LOWER,
    ['h'] = BC_LOWER, ['i'] = BC_LOWER, ['j'] = BC_LOWER, ['k'] = BC_LOWER, ['l'] = BC_LOWER,
    ['m'] = BC_LOWER, ['n'] = BC_LOWER, ['o'] = BC_LOWER, ['p'] = BC_LOWER, ['q'] = BC_LOWER,
    ['r'] = BC_LOWER, ['s'] = BC_LOWER, ['t'] = BC_LOWER, ['u'] = BC_LOWER, ['v'] = BC_LOWER,
    ['w'] = BC_LOWER, ['x'] = BC_LOWER, ['y'] = BC_LOWER, ['z'] = BC_LOWER, ['0'] = BC_DIGIT,
    ['1'] = BC_DIGIT, ['2'] = BC_DIGIT, ['3'] = BC_DIGIT, ['4'] = BC_DIGIT, ['5'] = BC_DIGIT,
    ['6'] = BC_DIGIT, ['7'] = BC_DIGIT, ['8'] = BC_DIGIT, ['9'] = BC_DIGIT, ['-'] = BC_JOIN,
    ['.'] = BC_JOIN, [','] = BC_JOIN, ['\''] = BC_JOIN, [0x80] = BC_HIGH64, BC_HIGH64,
};

/* The 8-byte scans below read a word's bytes with one load and take the
 * first byte as the lowest: little-endian only. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "src/text/text.c: the 8-byte word scan assumes a little-endian machine"
#endif

/* How many of the eight bytes at p are ASCII letters and digits before
 * the first other byte, with their classes (BC_UPPER, BC_LOWER, BC_DIGIT)
 * ORed into *acc. Branch-free: a word's end costs no mispredicted loop
 * exit. Each byte is range-tested in its own lane (Hacker's Delight 6-1):
 * v + (0x80 - lo) has its top bit set when v >= lo, v + (0x7F - hi) when
 * v > hi, and neither sum carries into the next byte for v < 0x80. */
static inline size_t alnum_masks8(const unsigned char *p, uint64_t *letter_out,
                                  uint64_t *lower_out, uint64_t *digit_out, uint64_t *head)
{
    const uint64_t ones = 0x0101010101010101u, top = 0x8080808080808080u;
    uint64_t w;
    memcpy(&w, p, 8);
    uint64_t x = w & ~top;            /* low seven bits of each byte */
    uint64_t y = x | (ones * 0x20);   /* letters folded to lower case */
    uint64_t letter = (y + ones * (0x80 - 'a')) & ~(y + ones * (0x7F - 'z')) & ~w & top;
    uint64_t digit = (x + ones * (0x80 - '0')) & ~(x + ones * (0x7F - '9')) & ~w & top;
    uint64_t stop = ~(letter | digit) & top;
    size_t k = stop ? (size_t)__builtin_ctzll(stop) / 8 : 8;
    uint64_t run = k == 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * k)) - 1;
    letter &= run;
    digit &= run;
    uint64_t lower = letter & (x << 2); /* bit 5 (lower case) moved to the top */
    *letter_out = letter;
    *lower_out = lower;
    *digit_out = digit;
    *head = y & run; /* letters and digits of the run, lower case (digits have 0x20) */
    return k;
}

/* The classes (BC_UPPER, BC_LOWER, BC_DIGIT) of a run of alnum_masks8. */
static inline unsigned mask_classes(uint64_t letter, uint64_t lower, uint64_t digit)
{
    return (letter & ~lower ? BC_UPPER : 0) | (lower ? BC_LOWER : 0) | (digit ? BC_DIGIT : 0);
}

/* How many of the eight bytes at p are ASCII letters and digits before
 * the first other byte, with their classes ORed into *acc. */
static inline size_t alnum_prefix8(const unsigned char *p, unsigned *acc)
{
    uint64_t letter, lower, digit, head;
    size_t k = alnum_masks8(p, &letter, &lower, &digit, &head);
    *acc |= mask_classes(letter, lower, digit);
    return k;
}

static int is_word_cp(uint32_t c) { return ng_cp_is_letter(c) || ng_cp_is_digit(c); }

/* scan_word from i, inside the word that starts at start: *seen holds
 * the classes of its bytes before i and gets those of the whole word.
 * cls, when not 0, is the class of the byte at i, which ends a run of
 * ASCII letters and digits already scanned. Out of line: a word with a
 * joining mark or a non-ASCII letter is the rare case, and inlined it
 * would crowd the registers of the token loop. */
static TEXT_NOINLINE size_t scan_word_rest(const char *t, size_t end, size_t start, size_t i,
                                           unsigned cls, int *abbrev, unsigned *seen)
{
    size_t seg_start = start, n;
    int dots = 0;
    unsigned acc = *seen;
    *abbrev = 0;
    while (i < end) {
        /* fast path: a run of ASCII letters and digits, eight bytes at a
         * time while the paragraph has eight left, ended by a space or a
         * mark that cannot join words */
        for (; !cls;) {
            if (i + 8 <= end) {
                size_t k = alnum_prefix8((const unsigned char *)t + i, &acc);
                i += k;
                if (k == 8)
                    continue;
                cls = byte_class[(unsigned char)t[i]];
                break;
            }
            while (i < end && ((cls = byte_class[(unsigned char)t[i]]) & BC_ALNUM)) {
                acc |= cls;
                i++;
            }
            break;
        }
        if (i == end || !(cls & (BC_JOIN | BC_HIGH)))
            break;
        acc |= cls & BC_HIGH;
        cls = 0;
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
                *seen = acc;
                return i;
            }
            if (dots == 0 && (ng_text_word_lists(t + start, i - start) &
                              (1u << LIST_TITLES | 1u << LIST_OTHERS))) {
                *abbrev = 1;
                *seen = acc;
                return i + n;
            }
            if (ng_cp_is_lower(next) && !ng_cp_is_upper(prev)) {
                /* a domain name such as Gawker.com or kremlin.ru is one word */
                i += n;
                seg_start = i;
                continue;
            }
            *seen = acc;
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
                if (!is_word_cp(after)) {
                    *seen = acc;
                    return i;
                }
            }
            i += n;
            continue;
        }
        break;
    }
    *seen = acc;
    return i;
}

/* Capitalisation flags of the word t[s, e), decoding every code point. */
static uint32_t case_flags_decoded(const char *t, size_t s, size_t e)
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

/* Capitalisation flags of the word t[s, e) whose byte classes scan_word
 * collected in seen: an all-ASCII word (most of them) needs no decoding. */
static uint32_t case_flags(const char *t, size_t s, size_t e, unsigned seen)
{
    if (seen & BC_HIGH)
        return case_flags_decoded(t, s, e);
    unsigned first = byte_class[(unsigned char)t[s]];
    return NG_TOK_WORD | ((first & BC_DIGIT) ? NG_TOK_DIGIT : 0) |
           ((first & BC_UPPER) ? NG_TOK_CAP : 0) |
           ((seen & BC_LETTER) == BC_UPPER ? NG_TOK_ALLCAPS : 0);
}

/* The top bit of the first byte's lane in alnum_masks8's masks, shifted
 * to the flag it sets. */
#define FIRST_DIGIT_SHIFT 4 /* 0x80 >> 4 = NG_TOK_DIGIT */
#define FIRST_CAP_SHIFT 6   /* 0x80 >> 6 = NG_TOK_CAP */
_Static_assert((0x80 >> FIRST_DIGIT_SHIFT) == NG_TOK_DIGIT &&
                   (0x80 >> FIRST_CAP_SHIFT) == NG_TOK_CAP,
               "flag bits moved: fix the shifts");

/* Scans one word starting at i; returns its end and sets *abbrev when a
 * trailing abbreviation dot was taken into the word. *flags gets its
 * capitalisation flags (case_flags). *head gets the word's ng_text.heads
 * entry: its first run of ASCII letters and digits, folded, when that run
 * is the whole word and under 8 bytes; else 0. */
static inline size_t scan_word(const char *t, size_t end, size_t i, int *abbrev, uint32_t *flags,
                               uint64_t *head)
{
    size_t start = i, k = 0;
    uint64_t first = 0;
    unsigned acc = 0, cls = 0;
    *head = 0;
    if (i + 8 <= end) {
        /* the first run, read once here: most words are that run alone */
        uint64_t letter, lower, digit;
        k = alnum_masks8((const unsigned char *)t + i, &letter, &lower, &digit, &first);
        i += k;
        if (k < 8) {
            cls = byte_class[(unsigned char)t[i]]; /* not 0: BC_HIGH when k is 0 */
            if (!(cls & (BC_JOIN | BC_HIGH))) {
                /* case_flags of the run, from its masks: the first byte
                 * is the lowest (little-endian, as in alnum_masks8) */
                *abbrev = 0;
                *flags = NG_TOK_WORD | (uint32_t)((digit & 0x80) >> FIRST_DIGIT_SHIFT) |
                         (uint32_t)((letter & ~lower & 0x80) >> FIRST_CAP_SHIFT) |
                         (uint32_t)((letter != 0) & (lower == 0)) * NG_TOK_ALLCAPS;
                *head = first;
                return i;
            }
        }
        acc = mask_classes(letter, lower, digit);
    }
    size_t we = scan_word_rest(t, end, start, i, cls, abbrev, &acc);
    if (k > 0 && k < 8 && we == start + k)
        *head = first;
    *flags = case_flags(t, start, we, acc);
    return we;
}

/* Is the punctuation mark c one that may end a sentence (is_terminal)? */
static inline int terminal_cp(uint32_t c)
{
    return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

/* Remembers token k as a place where ngt_split_sentences must look (a
 * terminal mark or an abbreviation): the other tokens cannot end a
 * sentence, so the splitter does not visit them. */
static inline int push_cut(tok_vec *tv, uint32_t k)
{
    if (tv->ncuts == tv->cuts_cap) {
        size_t cap = tv->cuts_cap ? tv->cuts_cap * 2 : 64;
        uint32_t *p = realloc(tv->cuts, cap * sizeof *p);
        if (!p)
            return NG_ENOMEM;
        tv->cuts = p;
        tv->cuts_cap = cap;
    }
    tv->cuts[tv->ncuts++] = k;
    return 0;
}

/* Tokenises the paragraph t[s, e) into tv, and lists in tv->cuts the
 * tokens where a sentence may end. The vector's fields live in locals
 * for the loop (a store to a token or head could alias them) and go
 * back to tv on a grow and at the end. */
static int tokenize_paragraph(const char *t, size_t s, size_t e, tok_vec *tv)
{
    size_t i = s, n;
    size_t first = tv->n, nt = tv->n, cap = tv->cap;
    ng_token *v = tv->v;
    uint64_t *heads = tv->heads;
    int rc = 0;
    tv->ncuts = 0;
    while (i < e) {
        if (nt == cap) { /* a turn of the loop adds one token at most */
            tv->n = nt;
            if ((rc = reserve_tokens(tv, cap ? cap * 2 : 256)))
                break;
            v = tv->v;
            heads = tv->heads;
            cap = tv->cap;
        }
        unsigned char b = (unsigned char)t[i];
        uint32_t c;
        int word;
        if (b < 0x80) {
            unsigned cls = byte_class[b];
            if (cls & BC_SPACE) {
                i++;
                continue;
            }
            c = b;
            n = 1;
            word = (cls & BC_ALNUM) != 0;
        } else {
            c = ng_utf8_decode((const unsigned char *)t + i, e - i, &n);
            if (ng_cp_is_space(c)) {
                i += n;
                continue;
            }
            word = is_word_cp(c);
        }
        if (word) {
            int abbrev;
            uint32_t f;
            uint64_t head;
            size_t we = scan_word(t, e, i, &abbrev, &f, &head);
            if (abbrev) {
                f |= NG_TOK_ABBREV;
                if ((rc = push_cut(tv, (uint32_t)nt)))
                    break;
            }
            heads[nt] = head;
            v[nt++] = (ng_token){(uint32_t)i, (uint32_t)we, f, 0};
            /* the space after a word: no turn of the loop for it */
            i = we < e && t[we] == ' ' ? we + 1 : we;
            continue;
        }
        if (c < 0x80 && c != '\'' && c != '"') {
            /* an ASCII mark other than a quote (most of them): neither a
             * possessive nor a quote, so its neighbours need no look */
            if (terminal_cp(c) && (rc = push_cut(tv, (uint32_t)nt)))
                break;
            heads[nt] = 0;
            v[nt++] = (ng_token){(uint32_t)i, (uint32_t)(i + 1), NG_TOK_PUNCT, 0};
            i++;
            continue;
        }
        uint32_t f = NG_TOK_PUNCT;
        size_t pn = 0;
        uint32_t next = i + n < e ? cp_at(t, e, i + n, &pn) : 0;
        int after_word = nt > first && v[nt - 1].end == i && (v[nt - 1].flags & NG_TOK_WORD);
        if ((c == '\'' || c == 0x2019) && after_word && (next == 's' || next == 'S')) {
            /* possessive: Russia's, Russia’s */
            heads[nt] = 0;
            v[nt++] = (ng_token){(uint32_t)i, (uint32_t)(i + n + pn), NG_TOK_POSSESSIVE, 0};
            i += n + pn;
            continue;
        }
        if ((c == '\'' || c == 0x2019) && after_word && i > s && (t[i - 1] == 's')) {
            /* plural possessive: Workers' Party */
            if (!is_word_cp(next)) {
                heads[nt] = 0;
                v[nt++] = (ng_token){(uint32_t)i, (uint32_t)(i + n), NG_TOK_POSSESSIVE, 0};
                i += n;
                continue;
            }
        }
        if (ng_cp_is_dquote(c) || ng_cp_is_squote(c)) {
            f |= ng_cp_is_dquote(c) ? NG_TOK_DQUOTE : NG_TOK_SQUOTE;
            int prev_space = i == s || nt == first || v[nt - 1].end < i;
            if (c == 0x201C || c == 0xAB || c == 0x201E || c == 0x2018 || c == 0x201A)
                f |= NG_TOK_OPEN;
            else if (c == 0x201D || c == 0xBB || c == 0x2019)
                f |= NG_TOK_CLOSE;
            else if (prev_space && next && !ng_cp_is_space(next))
                f |= NG_TOK_OPEN;
            else
                f |= NG_TOK_CLOSE;
        } else if (terminal_cp(c) && (rc = push_cut(tv, (uint32_t)nt))) {
            break;
        }
        heads[nt] = 0;
        v[nt++] = (ng_token){(uint32_t)i, (uint32_t)(i + n), f, 0};
        i += n;
    }
    tv->n = nt;
    if (rc)
        return rc;
    if (nt > first)
        v[first].flags |= NG_TOK_PARA_START;
    return 0;
}

int ng_text_analyze(const ng_doc *doc, ng_text *out, ng_error *err)
{
    int rc = 0;
    tok_vec tv = {0};
    ngt_sent_vec sv = {0};
    ng_span *paras = NULL;
    size_t npara = 0, para_cap = 0;
    memset(out, 0, sizeof *out);
    out->doc = doc;
    const char *t = doc->text;
    /* Sized once from the body: news text has a token per 5 to 6 bytes and
     * a sentence per 100 or so; the vectors grow if a text has more. */
    size_t body_bytes = 0;
    for (size_t bi = 0; bi < doc->nbody; bi++)
        if (doc->body[bi].start < doc->body[bi].end && doc->body[bi].end <= doc->len)
            body_bytes += doc->body[bi].end - doc->body[bi].start;
    if (reserve_tokens(&tv, body_bytes / 4 + 16) || ngt_reserve_sentences(&sv, body_bytes / 64 + 8)) {
        rc = NG_ENOMEM;
        goto cleanup;
    }
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
                if ((rc = ngt_split_sentences(t, tv.v, tok_before, tv.n, (uint32_t)npara, tv.cuts,
                                          tv.ncuts, &sv)) < 0)
                    goto cleanup;
                npara++;
            }
            bs = le + 1;
        }
    }
    out->tokens = tv.v;
    out->heads = tv.heads;
    out->ntokens = tv.n;
    out->sentences = sv.v;
    out->nsentences = sv.n;
    out->paras = paras;
    out->nparas = npara;
    free(tv.cuts);
    return 0;
cleanup:
    free(tv.cuts);
    free(tv.v);
    free(tv.heads);
    free(sv.v);
    free(paras);
    return ng_error_set(err, rc, "%s: out of memory while splitting text", doc->path);
}

void ng_text_free(ng_text *t)
{
    if (!t)
        return;
    free(t->tokens);
    free(t->heads);
    free(t->sentences);
    free(t->paras);
    memset(t, 0, sizeof *t);
}
