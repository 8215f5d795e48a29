/* resolve_names.c - comparison keys, slugs and the similarity rules for
 * names (see resolve_names.h). */
#include "resolve_names.h"

#include "gazetteer.h"

#include <string.h>

/* Latin-1 Supplement U+00C0..U+00FF and Latin Extended-A U+0100..U+017F
 * folded to one ASCII letter each; ' ' for the two signs (x, /) in the
 * block. Approximations such as AE -> A only need to be consistent,
 * since keys are compared with keys. */
static const char fold_latin1[64 + 1] =
    "AAAAAAACEEEEIIIIDNOOOOO OUUUUYTs"
    "aaaaaaaceeeeiiiidnooooo ouuuuyty";
static const char fold_latin_ext_a[128 + 1] =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOo"
    "RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

/* Decodes one UTF-8 sequence; a stray byte decodes as itself. */
static unsigned decode(const unsigned char *s, size_t avail, size_t *len)
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
static int fold_cp(unsigned cp)
{
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z') return (int)(cp - 'A' + 'a');
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) return (int)cp;
        if (cp == '\'' || cp == '.' || cp == '`') return 0;
        return ' ';
    }
    if (cp >= 0xC0 && cp <= 0xFF) {
        int c = fold_latin1[cp - 0xC0];
        return c == ' ' ? ' ' : (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (cp >= 0x100 && cp <= 0x17F) {
        int c = fold_latin_ext_a[cp - 0x100];
        return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
    }
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x02BC || cp == 0x00B4) return 0; /* apostrophes */
    if (cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x2015)) return ' '; /* spaces, dashes */
    return -1; /* other scripts: kept as written by the key, dropped by the slug */
}

/* fold_cp of the ASCII code points, one lookup. */
static const unsigned char fold_ascii[128] = {
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 0, 32, 32, 32, 32, 32, 32, 0, 32,
    48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 32, 32, 32, 32, 32, 32,
    32, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 32, 32, 32, 32, 32,
    0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 32, 32, 32, 32, 32,
};

size_t ng_name_key(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)s;
    if (cap == 0) return 0;
    for (size_t i = 0; i < n && o + 4 < cap;) {
        /* a run of ASCII letters, digits and separators, most of a name:
         * folded and copied in a tight loop (room for it checked once: at
         * most one byte out per byte in); separators become one space, as
         * below. An apostrophe or a full stop (folded to 0) and non-ASCII
         * bytes end the run. */
        size_t run_end = n - i < cap - 4 - o ? n : i + (cap - 4 - o);
        for (; i < run_end && p[i] < 0x80; i++) {
            unsigned char f = fold_ascii[p[i]];
            if (f > ' ') {
                out[o++] = (char)f;
            } else if (f == ' ') {
                if (o > 0 && out[o - 1] != ' ') out[o++] = ' ';
            } else {
                break;
            }
        }
        if (i >= n || o + 4 >= cap) break;
        size_t len = 1;
        unsigned cp = p[i];
        int c;
        if (cp < 0x80) {
            c = fold_ascii[cp];
        } else {
            cp = decode(p + i, n - i, &len);
            c = fold_cp(cp);
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

/* Cyrillic U+0430..U+044F (and the same letters in capitals, U+0410..)
 * in a simple BGN-like romanisation, so "Путин" gets the id "putin". */
static const char *const cyrillic[32] = {
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};

static const char *romanise(unsigned cp)
{
    if (cp >= 0x430 && cp <= 0x44F) return cyrillic[cp - 0x430];
    if (cp >= 0x410 && cp <= 0x42F) return cyrillic[cp - 0x410];
    switch (cp) {
    case 0x401: case 0x451: return "yo";
    case 0x404: case 0x454: return "ye";
    case 0x406: case 0x456: return "i";
    case 0x407: case 0x457: return "yi";
    case 0x490: case 0x491: return "g";
    default: return NULL;
    }
}

size_t ng_name_slug(const char *label, char *out, size_t cap)
{
    char key[NG_NAME_MAX];
    size_t n = ng_name_key(label, strlen(label), key, sizeof key);
    return ng_name_slug_of_key(key, n, out, cap);
}

size_t ng_name_slug_of_key(const char *key, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    if (cap == 0) return 0;
    for (size_t i = 0; i < n && o + 1 < cap;) {
        size_t len;
        unsigned cp = decode((const unsigned char *)key + i, n - i, &len);
        i += len;
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            out[o++] = (char)cp;
        } else if (cp == ' ' || cp == '&' || cp == '/' || cp == '-' || cp == '+') {
            if (o > 0 && out[o - 1] != '-') out[o++] = '-';
        } else {
            /* other scripts: romanised where a table exists, else dropped */
            const char *r = romanise(cp);
            for (; r && *r && o + 1 < cap; r++) out[o++] = *r;
        }
    }
    while (o > 0 && out[o - 1] == '-') o--;
    out[o] = '\0';
    return o;
}

int ng_name_distance(const char *a, size_t na, const char *b, size_t nb, int max)
{
    enum { W = 64 };
    int rows[3][W + 1];
    if (na > W) na = W;
    if (nb > W) nb = W;
    if ((int)(na > nb ? na - nb : nb - na) > max) return max + 1;
    int *pp = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= nb; j++) prev[j] = (int)j;
    for (size_t i = 1; i <= na; i++) {
        int best = cur[0] = (int)i;
        for (size_t j = 1; j <= nb; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = prev[j - 1] + cost;
            if (prev[j] + 1 < v) v = prev[j] + 1;
            if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
                v = pp[j - 2] + 1;
            cur[j] = v;
            if (v < best) best = v;
        }
        if (best > max) return max + 1;
        int *t = pp;
        pp = prev;
        prev = cur;
        cur = t;
    }
    return prev[nb] > max ? max + 1 : prev[nb];
}

size_t ng_name_acronym(const char *s, size_t n, char out[16])
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') {
            if (k >= 8) return 0;
            out[k++] = c;
        } else if (c == '.' && k > 0) {
            continue;
        } else {
            return 0;
        }
    }
    if (k < 2) return 0;
    out[k] = '\0';
    return k;
}

static int is_skip_word(const char *w, size_t n)
{
    static const char *const skip[] = {"of", "the", "and", "for", "&"};
    for (size_t i = 0; i < sizeof skip / sizeof *skip; i++)
        if (strlen(skip[i]) == n && memcmp(skip[i], w, n) == 0) return 1;
    return 0;
}

size_t ng_name_initials(const char *key, char out[16])
{
    size_t k = 0, words = 0;
    const char *p = key;
    while (*p) {
        while (*p == ' ') p++;
        const char *w = p;
        while (*p && *p != ' ') p++;
        if (p == w) break;
        words++;
        if (is_skip_word(w, (size_t)(p - w))) continue;
        if (k >= 15) return 0;
        char c = *w;
        out[k++] = (char)(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    }
    if (words < 2) return 0;
    out[k] = '\0';
    return k;
}

size_t ng_name_words(const char *s)
{
    size_t words = 0;
    int in = 0;
    for (; *s; s++) {
        if (*s == ' ') {
            in = 0;
        } else if (!in) {
            in = 1;
            words++;
        }
    }
    return words;
}

int ng_name_surname_variant(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na == nb && memcmp(a, b, na) == 0) return 1;
    if (na < 5 || nb < 5 || a[0] != b[0]) return 0;
    int max = (na >= 8 && nb >= 8) ? 2 : 1;
    return ng_name_distance(a, na, b, nb, max) <= max;
}

int ng_name_given_agree(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na == 0 || nb == 0) return 1;
    if (na == nb && memcmp(a, b, na) == 0) return 1;
    /* "V Zelensky" (dots are gone from keys) against "Volodymyr Zelensky". */
    if ((na == 1 || nb == 1) && a[0] == b[0]) return 1;
    if (na < 4 || nb < 4 || a[0] != b[0]) return 0;
    return ng_name_distance(a, na, b, nb, 1) <= 1;
}

int ng_name_given_compatible(const ng_gazetteer *gaz, const char *a, const char *b)
{
    if (!ng_name_given_agree(a, b)) return 0;
    if (!gaz || strcmp(a, b) == 0) return 1;
    int ga = ng_gazetteer_gender(gaz, a, strlen(a)), gb = ng_gazetteer_gender(gaz, b, strlen(b));
    return !((ga == 'm' && gb == 'f') || (ga == 'f' && gb == 'm'));
}
