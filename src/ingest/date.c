/* date.c - where a document's date comes from, in the order the spec gives
 * after --date: a first line or front matter "date YYYY-MM-DD", the path,
 * then a dateline near the top of the text. Every date is validated (real
 * month, real day of that month) before it is accepted. */
#include "ingest_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The calendar is not language data: English month names and their usual
 * newspaper abbreviations, enough for datelines in English outlets. */
static const struct {
    const char *name;
    int month;
} months[] = {
    {"january", 1}, {"february", 2}, {"march", 3},    {"april", 4},    {"may", 5},
    {"june", 6},    {"july", 7},     {"august", 8},   {"september", 9}, {"october", 10},
    {"november", 11}, {"december", 12}, {"sept", 9},  {"jan", 1},      {"feb", 2},
    {"mar", 3},     {"apr", 4},      {"jun", 6},      {"jul", 7},      {"aug", 8},
    {"sep", 9},     {"oct", 10},     {"nov", 11},     {"dec", 12},
};

static int days_in_month(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

/* Writes y-m-d into out when it is a real calendar date in a plausible range. */
static int make_date(int y, int m, int d, char out[11])
{
    if (y < 1800 || y > 2999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return 0;
    const int parts[3][2] = {{y, 4}, {m, 2}, {d, 2}};
    char *p = out;
    for (int k = 0; k < 3; k++) {
        for (int i = parts[k][1] - 1, v = parts[k][0]; i >= 0; i--, v /= 10)
            p[i] = (char)('0' + v % 10);
        p += parts[k][1];
        *p++ = k < 2 ? '-' : '\0';
    }
    return 1;
}

static int digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int ngi_date_parse_iso(const char *s, size_t n, char out[11])
{
    if (n < 10 || s[4] != '-' || s[7] != '-')
        return 0;
    int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    if (y < 0 || m < 0 || d < 0)
        return 0;
    return make_date(y, m, d, out);
}

/* An ISO date at s that is not glued to more digits on either side. */
static int iso_at(const char *base, size_t pos, size_t len, char out[11])
{
    if (pos > 0 && isdigit((unsigned char)base[pos - 1]))
        return 0;
    if (pos + 10 < len && isdigit((unsigned char)base[pos + 10]))
        return 0;
    return ngi_date_parse_iso(base + pos, len - pos, out);
}

static size_t skip_hspace(const char *s, size_t i, size_t len)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
        i++;
    return i;
}

static size_t line_end(const char *s, size_t i, size_t len)
{
    const char *nl = memchr(s + i, '\n', len - i);
    return nl ? (size_t)(nl - s) : len;
}

/* Strips quotes and blanks around a front-matter value. */
static char *copy_value(const char *s, size_t a, size_t b)
{
    while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '"' || s[a] == '\''))
        a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r' ||
                     s[b - 1] == '"' || s[b - 1] == '\''))
        b--;
    if (a == b)
        return NULL;
    char *v = malloc(b - a + 1);
    if (v) {
        memcpy(v, s + a, b - a);
        v[b - a] = '\0';
    }
    return v;
}

/* YAML-style front matter: "---" alone on the first line, "key: value"
 * lines, closed by "---" or "...". Only date and title are read. */
static int front_matter(const char *t, size_t len, size_t i, char out[11], size_t *body_start,
                        char **title)
{
    size_t e = line_end(t, i, len);
    if (e - i < 3 || memcmp(t + i, "---", 3) != 0 || skip_hspace(t, i + 3, e) != e)
        return 0;
    int found = 0;
    for (size_t p = e + 1; p < len; p = e + 1) {
        e = line_end(t, p, len);
        size_t q = skip_hspace(t, p, e);
        if ((e - q >= 3 && (memcmp(t + q, "---", 3) == 0 || memcmp(t + q, "...", 3) == 0)) &&
            skip_hspace(t, q + 3, e) == e) {
            *body_start = e < len ? e + 1 : len;
            return found;
        }
        const char *colon = memchr(t + q, ':', e - q);
        if (!colon)
            continue;
        size_t k = (size_t)(colon - t), v = skip_hspace(t, k + 1, e);
        if (k - q == 4 && strncasecmp(t + q, "date", 4) == 0) {
            if (v < e && (t[v] == '"' || t[v] == '\''))
                v++;
            if (!found && ngi_date_parse_iso(t + v, e - v, out))
                found = 1;
        } else if (k - q == 5 && strncasecmp(t + q, "title", 5) == 0 && title && !*title) {
            *title = copy_value(t, v, e);
        }
    }
    return 0; /* never closed: not front matter */
}

int ngi_date_front(const char *text, size_t len, size_t start, char out[11],
                   size_t *body_start, char **title)
{
    *body_start = start;
    size_t i = start;
    while (i < len && isspace((unsigned char)text[i]))
        i++;
    size_t fm_end = start;
    if (front_matter(text, len, i, out, &fm_end, title)) {
        *body_start = fm_end;
        return 1;
    }
    if (fm_end != start) { /* front matter without a date: still not article text */
        *body_start = fm_end;
        return 0;
    }
    /* "date 2025-01-13" or "date: 2025-01-13" opening the first line; the
     * rest of that line (if any) is text and starts the body. */
    if (len - i < 5 || strncasecmp(text + i, "date", 4) != 0)
        return 0;
    size_t p = i + 4;
    if (p < len && text[p] == ':')
        p++;
    size_t q = skip_hspace(text, p, len);
    if (q == p && text[p] != ':')
        return 0;
    if (!iso_at(text, q, len, out))
        return 0;
    q += 10;
    if (q < len && !isspace((unsigned char)text[q]))
        return 0;
    q = skip_hspace(text, q, len);
    if (q < len && text[q] == '\n')
        q++;
    *body_start = q;
    return 1;
}

int ngi_date_from_path(const char *path, char out[11])
{
    size_t n = strlen(path);
    for (size_t i = 0; i + 10 <= n; i++)
        if (isdigit((unsigned char)path[i]) && iso_at(path, i, n, out))
            return 1;
    return 0;
}

/* Month name (or abbreviation, optionally with a dot) at s[i..]; returns
 * its number and advances *end past it, or 0. */
static int month_at(const char *s, size_t i, size_t len, size_t *end)
{
    for (size_t k = 0; k < sizeof months / sizeof months[0]; k++) {
        size_t m = strlen(months[k].name);
        if (i + m > len || strncasecmp(s + i, months[k].name, m) != 0)
            continue;
        if (i + m < len && isalpha((unsigned char)s[i + m]))
            continue;
        *end = i + m + (i + m < len && s[i + m] == '.');
        return months[k].month;
    }
    return 0;
}

/* One or two digits of a day, optional "st/nd/rd/th". */
static int day_at(const char *s, size_t i, size_t len, size_t *end)
{
    size_t j = i;
    while (j < len && j - i < 3 && isdigit((unsigned char)s[j]))
        j++;
    if (j == i || j - i > 2)
        return 0;
    int d = digits(s + i, j - i);
    if (j + 2 <= len && (strncasecmp(s + j, "st", 2) == 0 || strncasecmp(s + j, "nd", 2) == 0 ||
                         strncasecmp(s + j, "rd", 2) == 0 || strncasecmp(s + j, "th", 2) == 0))
        j += 2;
    if (j < len && isalnum((unsigned char)s[j]))
        return 0;
    *end = j;
    return d;
}

static int year_at(const char *s, size_t i, size_t len)
{
    if (i + 4 > len || (i + 4 < len && isdigit((unsigned char)s[i + 4])))
        return 0;
    return digits(s + i, 4);
}

/* "January 11, 2025", "Jan. 12, 2025", "12 January 2025" at position i. */
static int written_date_at(const char *s, size_t i, size_t len, char out[11])
{
    size_t e;
    int m = month_at(s, i, len, &e);
    if (m) {
        size_t p = skip_hspace(s, e, len), q;
        int d = day_at(s, p, len, &q);
        if (!d || (p == e && s[e - 1] != '.'))
            return 0;
        size_t after_day = q;
        if (q < len && s[q] == ',')
            q++;
        p = skip_hspace(s, q, len);
        return p > after_day && make_date(year_at(s, p, len), m, d, out);
    }
    if (isdigit((unsigned char)s[i])) {
        int d = day_at(s, i, len, &e);
        size_t p = skip_hspace(s, e, len);
        if (!d || p == e || !(m = month_at(s, p, len, &e)))
            return 0;
        size_t after_month = e;
        if (e < len && s[e] == ',')
            e++;
        p = skip_hspace(s, e, len);
        return p > after_month && make_date(year_at(s, p, len), m, d, out);
    }
    return 0;
}

int ngi_date_dateline(const char *text, size_t len, size_t start, char out[11])
{
    size_t lines = 0;
    for (size_t p = start; p < len && lines < 10; ) {
        size_t e = line_end(text, p, len);
        if (skip_hspace(text, p, e) < e)
            lines++;
        for (size_t i = p; i < e; i++) {
            int word_start = i == p || !isalnum((unsigned char)text[i - 1]);
            if (!word_start)
                continue;
            if (isdigit((unsigned char)text[i]) && iso_at(text, i, e, out))
                return 1;
            if (isalnum((unsigned char)text[i]) && written_date_at(text, i, e, out))
                return 1;
        }
        p = e + 1;
    }
    return 0;
}
