/* gazetteer_near.c - the typo search of the gazetteer
 * (ng_gazetteer_place_near): the countries, capitals and big cities
 * sorted by first letter and length, and a banded edit distance. */
#include "gazetteer_internal.h"

#include "newsgraph/error.h"

#include <stdlib.h>
#include <string.h>

/* Which letters a-z occur in s: one edit changes at most two of them,
 * so two sets further apart than 2 * limit cannot be within the limit. */
static uint32_t letter_set(const char *s, size_t n)
{
    uint32_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 'a' && s[i] <= 'z')
            m |= 1u << (s[i] - 'a');
    return m;
}

/* Remembers a place as a target of the typo lookup. */
int ng_gaz_add_near(ng_gazetteer *g, const char *s, size_t n)
{
    if (n < 4 || n >= sizeof g->near[0].lower)
        return 0;
    if (g->nnear == g->near_cap) {
        size_t cap = g->near_cap ? g->near_cap * 2 : 256;
        near_place *p = realloc(g->near, cap * sizeof *p);
        if (!p)
            return NG_ENOMEM;
        g->near = p;
        g->near_cap = cap;
    }
    near_place *p = &g->near[g->nnear];
    if (!(p->name = strndup(s, n)))
        return NG_ENOMEM;
    p->len = ng_gaz_fold_key(s, n, p->lower);
    p->lower[p->len] = '\0';
    p->letters = letter_set(p->lower, p->len);
    g->nnear++;
    return 0;
}

static int near_cmp(const void *a, const void *b)
{
    const near_place *x = a, *y = b;
    int c = (unsigned char)x->lower[0] - (unsigned char)y->lower[0];
    if (c)
        return c;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return strcmp(x->lower, y->lower);
}

/* Sorts the typo targets by first letter, then length, so a lookup scans
 * the lengths within reach in one bucket. */
void ng_gaz_index_near(ng_gazetteer *g)
{
    qsort(g->near, g->nnear, sizeof *g->near, near_cmp);
    size_t k = 0;
    for (int c = 0; c <= 256; c++) {
        while (k < g->nnear && (unsigned char)g->near[k].lower[0] < c)
            k++;
        g->near_at[c] = (uint32_t)k;
    }
}

void ng_gaz_free_near(ng_gazetteer *g)
{
    for (size_t i = 0; i < g->nnear; i++)
        free(g->near[i].name);
    free(g->near);
}

/* Damerau-Levenshtein (optimal string alignment) distance of a and b
 * when it is at most limit, else a value above limit. A path through
 * cell (i, j) costs at least |i - j|, so only the band of cells within
 * limit of the diagonal is computed; the cells beyond count as
 * limit + 1. */
static int osa_distance(const char *a, size_t la, const char *b, size_t lb, int limit)
{
    enum { WIDTH = 48 };
    int rows[3][WIDTH];
    int *pp = rows[0], *prev = rows[1], *cur = rows[2];
    const int far = limit + 1;
    size_t band = (size_t)limit;
    if (la >= WIDTH - 1 || lb >= WIDTH - 1)
        return far;
    if ((la > lb ? la - lb : lb - la) > band)
        return far;
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j <= band ? (int)j : far;
    for (size_t i = 1; i <= la; i++) {
        size_t lo = i > band ? i - band : 1, hi = i + band < lb ? i + band : lb;
        int best = cur[0] = i <= band ? (int)i : far;
        if (lo > 1)
            cur[lo - 1] = far;
        for (size_t j = lo; j <= hi; j++) {
            int cost = a[i - 1] != b[j - 1];
            int d = prev[j] + 1;
            if (cur[j - 1] + 1 < d)
                d = cur[j - 1] + 1;
            if (prev[j - 1] + cost < d)
                d = prev[j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && pp[j - 2] + 1 < d)
                d = pp[j - 2] + 1;
            if (d > far)
                d = far;
            cur[j] = d;
            if (d < best)
                best = d;
        }
        if (hi < lb)
            cur[hi + 1] = far;
        if (best > limit)
            return far;
        int *t = pp;
        pp = prev;
        prev = cur;
        cur = t;
    }
    return prev[lb];
}

/* Same letters in another order. */
static int anagram(const char *a, const char *b, size_t la, size_t lb)
{
    int count[256] = {0};
    if (la != lb)
        return 0;
    for (size_t i = 0; i < la; i++) {
        count[(unsigned char)a[i]]++;
        count[(unsigned char)b[i]]--;
    }
    for (int c = 0; c < 256; c++)
        if (count[c])
            return 0;
    return 1;
}

/* Why so strict: a surname one letter away from a city is common
 * (Paris/Parris); the same first letter, >= 5 letters, distance 1 (2 from
 * 8 letters) and a unique nearest target keep false merges rare, and the
 * caller asks only for words it could not type otherwise. */
const char *ng_gazetteer_place_near(const ng_gazetteer *g, const char *s, size_t n)
{
    char key[KEY_MAX];
    size_t k = ng_gaz_fold_key(s, n, key);
    if (k < 5 || k >= 47)
        return NULL;
    int limit = 2;
    const char *found = NULL;
    int found_d = limit + 1, ties = 0;
    unsigned char c0 = (unsigned char)key[0];
    uint32_t letters = letter_set(key, k);
    /* The result is the unique nearest place whatever the scan order, so
     * the scan can start at the shortest length within reach. */
    size_t lo = g->near_at[c0], hi = g->near_at[c0 + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (g->near[mid].len + (size_t)limit < k)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < g->near_at[c0 + 1]; i++) {
        const near_place *p = &g->near[i];
        if (k + (size_t)limit < p->len)
            break;
        if (__builtin_popcount(p->letters ^ letters) > 2 * limit)
            continue;
        int d = osa_distance(key, k, p->lower, p->len, limit);
        if (d == 2 && k < 8 && !anagram(key, p->lower, k, p->len))
            continue; /* short words: two edits only when letters moved ("Souel") */
        if (d <= 2 && (strncmp(key, p->lower, p->len < k ? p->len : k) == 0))
            continue; /* "Korean" is Korea inflected, not misspelt */
        if (d == 0)
            return NULL; /* exact: not a typo, the caller's lookup should have found it */
        if (d < found_d) {
            found_d = d;
            found = p->name;
            ties = 0;
        } else if (d == found_d && found && strcmp(found, p->name) != 0) {
            ties++;
        }
    }
    return found && !ties ? found : NULL;
}
