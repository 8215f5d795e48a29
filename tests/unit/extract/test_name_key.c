/* test_name_key.c - ng_name_key, which folds runs of ASCII letters and
 * digits in a tight loop, against the character-at-a-time version it
 * replaced (kept here as the reference), over random names rich in the
 * characters that need care, and every output capacity. */
#include "check.h"

#include "resolve_names.h"

#include <stdint.h>
#include <string.h>

/* ---- the reference: ng_name_key before the fast path ---- */
/* Latin-1 Supplement U+00C0..U+00FF and Latin Extended-A U+0100..U+017F
 * folded to one ASCII letter each; ' ' for the two signs (x, /) in the
 * block. Approximations such as AE -> A only need to be consistent,
 * since keys are compared with keys. */
static const char ref_fold_latin1[64 + 1] =
    "AAAAAAACEEEEIIIIDNOOOOO OUUUUYTs"
    "aaaaaaaceeeeiiiidnooooo ouuuuyty";
static const char ref_fold_latin_ext_a[128 + 1] =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOo"
    "RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

/* Decodes one UTF-8 sequence; a stray byte decodes as itself. */
static unsigned ref_decode(const unsigned char *s, size_t avail, size_t *len)
{
    unsigned c = s[0];
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (need > avail) need = 1;
    if (need == 1) {
        *len = 1;
        return c;
    }
    unsigned cp = c & (0xFF >> (need + 1));
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *len = 1;
            return c;
        }
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    *len = need;
    return cp;
}

/* Classes a code point falls into for keys: a folded ASCII letter or
 * digit (returned), 0 for characters to drop, ' ' for separators. */
static int ref_fold_cp(unsigned cp)
{
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z') return (int)(cp - 'A' + 'a');
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) return (int)cp;
        if (cp == '\'' || cp == '.' || cp == '`') return 0;
        return ' ';
    }
    if (cp >= 0xC0 && cp <= 0xFF) {
        int c = ref_fold_latin1[cp - 0xC0];
        return c == ' ' ? ' ' : (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (cp >= 0x100 && cp <= 0x17F) {
        int c = ref_fold_latin_ext_a[cp - 0x100];
        return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
    }
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC || cp == 0x00B4) return 0; /* apostrophes */
    if (cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x2015)) return ' '; /* spaces, dashes */
    return -1; /* other scripts: kept as written by the key, dropped by the slug */
}

/* fold_cp of the ASCII code points, one lookup. */
static const unsigned char ref_fold_ascii[128] = {
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 0, 32, 32, 32, 32, 32, 32, 0, 32,
    48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 32, 32, 32, 32, 32, 32,
    32, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 32, 32, 32, 32, 32,
    0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 32, 32, 32, 32, 32,
};

static size_t ref_name_key(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)s;
    if (cap == 0) return 0;
    for (size_t i = 0; i < n && o + 4 < cap;) {
        size_t len = 1;
        unsigned cp = p[i];
        int c;
        if (cp < 0x80) {
            c = ref_fold_ascii[cp];
        } else {
            cp = ref_decode(p + i, n - i, &len);
            c = ref_fold_cp(cp);
        }
        /* a possessive inside a name goes: "New People's Party" is "New
         * People Party", as outlets write it both ways */
        if (c == 0 && cp != '.' && i + len < n && (p[i + len] == 's' || p[i + len] == 'S') &&
            (i + len + 1 == n || p[i + len + 1] == ' ')) {
            i += len + 1;
            continue;
        }
        if (c == ' ') {
            if (o > 0 && out[o - 1] != ' ') out[o++] = ' ';
        } else if (c > 0) {
            out[o++] = (char)c;
        } else if (c < 0) {
            memcpy(out + o, p + i, len);
            o += len;
        }
        i += len;
    }
    while (o > 0 && out[o - 1] == ' ') o--;
    out[o] = '\0';
    /* "The Kremlin" and "Kremlin" are one name. */
    if (o > 4 && memcmp(out, "the ", 4) == 0) {
        memmove(out, out + 4, o - 4 + 1);
        o -= 4;
    }
    return o;
}

/* ---- the comparison ---- */

static unsigned next_rand(uint64_t *state)
{
    *state = *state * 6364136223846793005ull + 1442695040888963407ull;
    return (unsigned)(*state >> 33);
}

static void check_same(const char *s, size_t n, size_t cap)
{
    char want[NG_NAME_MAX + 8], got[NG_NAME_MAX + 8];
    memset(want, 'x', sizeof want);
    memset(got, 'x', sizeof got);
    size_t wn = ref_name_key(s, n, want, cap);
    size_t gn = ng_name_key(s, n, got, cap);
    CHECK(wn == gn);
    CHECK(memcmp(want, got, sizeof want) == 0);
}

static void test_random_names(void)
{
    static const char *const pieces[] = {"a", "Z", "q", "9", " ", "  ", "'", "'s", "'S", "’s", ".",
                                         "-", "&", "`", "The ", "the ", "é", "Ø", "ß", "Ł", "Пут",
                                         "東", "\xC3", "\xE2\x80", "\xA0", "Kyiv", "O'Brien",
                                         "People's ", "U.S.", "\t", ",", "Ä", "x", "\xF0\x9F\x98\x80"};
    uint64_t state = 7;
    char s[300];
    for (int round = 0; round < 200000; round++) {
        size_t n = 0, parts = next_rand(&state) % 12;
        for (size_t k = 0; k < parts; k++) {
            const char *p = pieces[next_rand(&state) % (sizeof pieces / sizeof *pieces)];
            size_t len = strlen(p);
            if (n + len >= sizeof s) break;
            memcpy(s + n, p, len);
            n += len;
        }
        s[n] = '\0';
        size_t cap = round % 5 == 0 ? next_rand(&state) % 40 : NG_NAME_MAX;
        check_same(s, n, cap);
    }
}

static void test_long_names_at_every_capacity(void)
{
    char s[400];
    for (size_t i = 0; i < sizeof s - 1; i++) s[i] = (char)(i % 7 == 6 ? ' ' : 'A' + i % 26);
    s[sizeof s - 1] = '\0';
    for (size_t cap = 0; cap <= NG_NAME_MAX; cap++) {
        check_same(s, strlen(s), cap);
        check_same(s + 3, 20, cap);
    }
}

int main(void)
{
    RUN(test_random_names);
    RUN(test_long_names_at_every_capacity);
    return CHECK_DONE();
}
