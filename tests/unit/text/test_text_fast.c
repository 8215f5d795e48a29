/* test_text_fast.c - the byte-class tokenizer (src/text/text.c) against the
 * reference that decodes every code point (text_reference.c): same tokens,
 * flags, sentences and paragraphs on hand-picked and random mixed UTF-8
 * text, invalid bytes included. */
#include "check.h"
#include "text_reference.h"

#include "abbrevs.h"

#include <stdint.h>
#include <stdlib.h>

/* Compares both analyses of s (one body span, or one per line when
 * per_line); prints the first difference. Returns 1 when they agree. */
static int agree(const char *s, size_t len, int per_line)
{
    ng_span spans[64];
    size_t nspans = 0;
    if (per_line) {
        size_t a = 0;
        for (size_t i = 0; i <= len && nspans < 64; i++)
            if (i == len || s[i] == '\n') {
                spans[nspans++] = (ng_span){(uint32_t)a, (uint32_t)i};
                a = i + 1;
            }
    } else {
        spans[nspans++] = (ng_span){0, (uint32_t)len};
    }
    ng_doc doc = {0};
    doc.path = "fast";
    doc.text = (char *)s;
    doc.len = len;
    doc.body = spans;
    doc.nbody = nspans;
    ng_text fast, ref;
    ng_error err;
    if (ng_text_analyze(&doc, &fast, &err) != 0 || ref_text_analyze(&doc, &ref, &err) != 0)
        return 0;
    int ok = fast.ntokens == ref.ntokens && fast.nsentences == ref.nsentences &&
             fast.nparas == ref.nparas;
    for (size_t i = 0; ok && i < fast.ntokens; i++)
        ok = memcmp(&fast.tokens[i], &ref.tokens[i], sizeof fast.tokens[i]) == 0;
    for (size_t i = 0; ok && i < fast.nsentences; i++)
        ok = memcmp(&fast.sentences[i], &ref.sentences[i], sizeof fast.sentences[i]) == 0;
    for (size_t i = 0; ok && i < fast.nparas; i++)
        ok = memcmp(&fast.paras[i], &ref.paras[i], sizeof fast.paras[i]) == 0;
    if (!ok)
        fprintf(stderr, "differs on: \"%.*s\"\n", (int)len, s);
    ng_text_free(&fast);
    ref_text_free(&ref);
    return ok;
}

static int agree_str(const char *s) { return agree(s, strlen(s), 0); }

static void test_fast_words_and_cases(void)
{
    CHECK(agree_str("NATO and the U.S. met Mr. O'Brien, 3.5 km from well-known Gawker.com."));
    CHECK(agree_str("ALL CAPS LINE, A1 B2 and 2024's results: 1,000,000 people."));
    CHECK(agree_str("Workers' Party and Russia's army; rock 'n' roll, don't."));
    CHECK(agree_str("He said: \"Go.\" 'No,' she said (quietly). What?! Yes... ok"));
}

static void test_fast_agrees_on_non_ascii_words(void)
{
    CHECK(agree_str("Émile Zoë ÉCOLE Škoda and Łódź; Москва и Київ, ΑΘΗΝΑ Αθήνα."));
    CHECK(agree_str("Macron’s plan, “quoted” «text» ‘single’ — dash – and non‑breaking‑hyphen."));
    CHECK(agree_str("café.com and naïve.ru; São Paulo’s mayor; U.S.’s role; Jr.’s"));
    CHECK(agree_str("x\xC2\xA0y\xE2\x80\x89z\xE3\x80\x80w\xEF\xBB\xBFv \xE2\x80\xA6 end\xE2\x80\xA6"));
}

static void test_fast_agrees_on_invalid_bytes(void)
{
    CHECK(agree_str("A\xFF\xFE b\xC3 c\xE2\x80 d\x80\x80 e\xF0\x9F\x98 f."));
    CHECK(agree_str("\xC3\xA9\xC3"));
    CHECK(agree_str("word\xE2\x80\x99"));
    CHECK(agree_str("U.\xC3\xA9. A\xCC\x81" "b."));
}

/* Pieces that exercise each branch of the word scanner. */
static const char *const pieces[] = {
    "a", "b", "s", "S", "Z", "Mr", "Jan", "U", "0", "7", ".", ",", "-", "'", " ", " ", "  ",
    "\t", "\n", "!", "?", ")", "]", "(", "\"", ":", ";", "/", "é", "É", "ß", "ж", "Ж", "Ω",
    "ω", "’", "‘", "“", "”", "«", "»", "„", "‚", "‑", "‐", "—", "…", "\xC2\xA0", "\xE2\x80\x8B",
    "\xEF\xBF\xBD", "\xFF", "\xC3", "\xE2\x80", "\x80", "\xF0\x9F\x98\x80", "The", "Inc",
    "etc", "St", "www", "com", "\xC2\xAA", "\xC2\xB5", "\xC3\x97", "\xC3\xB7", "x\xCC\x81",
    /* long ASCII runs across the eight-byte blocks, and the bytes next to
     * the letter and digit ranges */
    "Geneva", "UNESCO", "talks", "2024", "x1y2z3", "NATO", "@", "[", "`", "{", "/", ":",
    "\x10", "\x19", "\x7F", "\x1F",
};

static uint32_t rnd_state = 12345;
static uint32_t rnd(void)
{
    rnd_state = rnd_state * 1103515245u + 12345u;
    return rnd_state >> 8;
}

static void test_fast_agrees_on_random_mixed_text(void)
{
    char buf[1024];
    const size_t npieces = sizeof pieces / sizeof pieces[0];
    int failures = 0;
    for (int round = 0; round < 20000 && failures < 5; round++) {
        size_t len = 0, want = 1 + rnd() % 60;
        for (size_t k = 0; k < want; k++) {
            const char *p = pieces[rnd() % npieces];
            size_t n = strlen(p);
            if (len + n >= sizeof buf)
                break;
            memcpy(buf + len, p, n);
            len += n;
        }
        buf[len] = '\0';
        if (!agree(buf, len, (int)(round & 1)))
            failures++;
    }
    CHECK(failures == 0);
}

/* The hashed lookup of the splitter's word lists (ng_text_word_lists)
 * against the walk along each list, on the words themselves, their
 * prefixes, extensions and case changes, and random pieces. */
static int lists_agree(const char *w, size_t n)
{
    unsigned lists = ng_text_word_lists(w, n);
    for (int which = 0; which < NLISTS; which++) {
        int plain = ng_text_word_in_plain(w, n, which);
        if (ng_text_word_in(w, n, which) != plain || (int)((lists >> which) & 1) != plain) {
            fprintf(stderr, "word lists differ on \"%.*s\" (list %d)\n", (int)n, w, which);
            return 0;
        }
    }
    return 1;
}

static void test_word_lists_agree_with_plain_search(void)
{
    static const char *const words[] = {
        "Mr", "Mrs", "Ms", "Dr", "Gen", "Gens", "Sept", "Sep", "No", "Nos", "approx", "vs",
        "Messrs", "Inc", "Ltd", "Co", "Corp", "Jr", "etc", "Blvd", "The", "A", "An", "I",
        "Meanwhile", "However", "According", "Officials", "Mx", "mr", "MR", "the", "THE", "said",
        "Meanwhiles", "Accordingly", "Officialsx", "Meanwhil", "", "x", "\xC3\xA9", "2024",
        "Apr", "Amb", "Ambassador", "Jun", "June", "Dept", "Depts", "So", "Some", "Somewhere"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        const char *w = words[k];
        size_t n = strlen(w);
        char buf[16];
        for (size_t m = 0; m <= n; m++)
            CHECK(lists_agree(w, m)); /* every prefix */
        if (n + 1 < sizeof buf) {
            memcpy(buf, w, n);
            buf[n] = 's';
            CHECK(lists_agree(buf, n + 1));
            for (size_t m = 0; m < n; m++) {
                memcpy(buf, w, n);
                buf[m] ^= 0x20; /* case (or a byte) changed */
                CHECK(lists_agree(buf, n));
            }
        }
    }
    const size_t npieces = sizeof pieces / sizeof pieces[0];
    for (int round = 0; round < 5000; round++) {
        char buf[32];
        size_t len = 0, want = 1 + rnd() % 3;
        for (size_t k = 0; k < want; k++) {
            const char *p = pieces[rnd() % npieces];
            size_t n = strlen(p);
            if (len + n >= sizeof buf)
                break;
            memcpy(buf + len, p, n);
            len += n;
        }
        CHECK(lists_agree(buf, len));
    }
}

int main(void)
{
    RUN(test_word_lists_agree_with_plain_search);
    RUN(test_fast_words_and_cases);
    RUN(test_fast_agrees_on_non_ascii_words);
    RUN(test_fast_agrees_on_invalid_bytes);
    RUN(test_fast_agrees_on_random_mixed_text);
    return CHECK_DONE();
}
