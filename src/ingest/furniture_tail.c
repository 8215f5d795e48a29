/* furniture_tail.c - how far from the end of a line an end-anchored rule
 * can start matching (furniture_rules.h: ngi_tail_chars).
 *
 * A rule such as "(?i:\ball rights reserved\.?)$" is searched for at every
 * position of the line, but a match ends at the end of the line and holds
 * at most 20 characters, so only the last 20 characters can start one.
 * furniture_rules.c then starts the search there (PCRE2's start offset:
 * \b and lookbehinds still see the characters before it), which makes the
 * cost of such a rule independent of the line length.
 *
 * The bound comes from reading the pattern source, so the reader accepts
 * only the plain subset of PCRE2 syntax whose lengths it knows and gives
 * up (-1: search the whole line) on everything else. */
#include "furniture_rules.h"

#include <ctype.h>
#include <limits.h>
#include <string.h>

#define UNBOUNDED (-1L)
#define FAIL (-2L)
#define BIG (1L << 20) /* longer than any line that is matched */

typedef struct reader {
    const char *p;
} reader;

static long parse_alt(reader *r);

/* Is c a UTF-8 continuation byte? */
static int is_cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* Skips one UTF-8 character. */
static void skip_char(reader *r)
{
    r->p++;
    while (is_cont((unsigned char)*r->p))
        r->p++;
}

/* A character class "[...]" (r->p at '['): one character. */
static long parse_class(reader *r)
{
    r->p++;
    if (*r->p == '^')
        r->p++;
    if (*r->p == ']') /* a leading ']' is literal */
        r->p++;
    while (*r->p && *r->p != ']') {
        if (*r->p == '\\') {
            if (r->p[1] == 'Q' || r->p[1] == 'E' || !r->p[1])
                return FAIL;
            r->p += 2;
            if (r->p[-1] == 'p' || r->p[-1] == 'P') {
                if (*r->p == '{') {
                    const char *e = strchr(r->p, '}');
                    if (!e)
                        return FAIL;
                    r->p = e + 1;
                } else if (*r->p) {
                    r->p++;
                }
            } else if (r->p[-1] == 'x' && *r->p == '{') {
                const char *e = strchr(r->p, '}');
                if (!e)
                    return FAIL;
                r->p = e + 1;
            }
        } else if (*r->p == '[' && r->p[1] == ':') { /* [:alpha:] */
            const char *e = strstr(r->p + 2, ":]");
            if (!e)
                return FAIL;
            r->p = e + 2;
        } else {
            skip_char(r);
        }
    }
    if (*r->p != ']')
        return FAIL;
    r->p++;
    return 1;
}

/* An escape (r->p at '\\'): its length in characters, 0 for assertions. */
static long parse_escape(reader *r)
{
    char c = r->p[1];
    if (!c)
        return FAIL;
    r->p += 2;
    switch (c) {
    case 'b': case 'B': case 'A': case 'z': case 'Z':
        return 0;
    case 'd': case 'D': case 's': case 'S': case 'w': case 'W': case 'h': case 'H':
    case 'v': case 'V': case 'N': case 'e': case 'f': case 'n': case 'r': case 't':
    case 'a':
        return 1;
    case 'R': /* "\r\n" is one \R */
        return 2;
    case 'p': case 'P':
        if (*r->p == '{') {
            const char *e = strchr(r->p, '}');
            if (!e)
                return FAIL;
            r->p = e + 1;
        } else if (*r->p) {
            r->p++;
        }
        return 1;
    default:
        /* an escaped punctuation character is itself; anything else
         * (\G, \K, \X, \Q, back references, \x, \c, octal) is not read
         * here */
        if (!isalnum((unsigned char)c) && !((unsigned char)c & 0x80))
            return 1;
        return FAIL;
    }
}

/* "(...)" at r->p: a group's length, 0 for lookarounds and option
 * settings. Named groups, conditionals, verbs and the like fail. */
static long parse_group(reader *r)
{
    const char *s = r->p + 1;
    int zero = 0;
    if (*s == '*')
        return FAIL; /* (*COMMIT) and other verbs */
    if (*s == '?') {
        s++;
        if (*s == ':' || *s == '>') {
            s++;
        } else if (*s == '=' || *s == '!') {
            s++;
            zero = 1;
        } else if (*s == '<' && (s[1] == '=' || s[1] == '!')) {
            s += 2;
            zero = 1;
        } else {
            /* option letters: only i (caseless: one character still
             * matches one character) and s (dot-all: "." is still one
             * character); m would let $ match inside the line, x would
             * change how the pattern reads */
            while (*s == 'i' || *s == 's' || *s == '-')
                s++;
            if (*s == ')') {
                r->p = s + 1;
                return 0;
            }
            if (*s != ':')
                return FAIL;
            s++;
        }
    }
    r->p = s;
    long n = parse_alt(r);
    if (n == FAIL || *r->p != ')')
        return FAIL;
    r->p++;
    return zero ? 0 : n;
}

/* An optional quantifier after an atom of length n. */
static long parse_quant(reader *r, long n)
{
    long lo = 1, hi = 1;
    char c = *r->p;
    if (c == '?' || c == '*' || c == '+') {
        r->p++;
        hi = c == '?' ? 1 : UNBOUNDED;
    } else if (c == '{') {
        /* {m}, {m,} and {m,n}; anything else (also "{,n}", which PCRE2
         * before 10.43 reads as literal text) is given up on */
        const char *s = r->p + 1;
        if (!isdigit((unsigned char)*s))
            return FAIL;
        lo = 0;
        while (isdigit((unsigned char)*s) && lo < BIG)
            lo = lo * 10 + (*s++ - '0');
        hi = lo;
        if (*s == ',') {
            s++;
            if (*s == '}') {
                hi = UNBOUNDED;
            } else {
                if (!isdigit((unsigned char)*s))
                    return FAIL;
                hi = 0;
                while (isdigit((unsigned char)*s) && hi < BIG)
                    hi = hi * 10 + (*s++ - '0');
            }
        }
        if (*s != '}')
            return FAIL;
        r->p = s + 1;
    } else {
        return n;
    }
    if (*r->p == '?' || *r->p == '+') /* lazy or possessive: same lengths */
        r->p++;
    if (n == 0)
        return 0;
    if (n == UNBOUNDED || hi == UNBOUNDED || hi >= BIG || n * hi >= BIG)
        return UNBOUNDED;
    return n * hi;
}

/* One alternative: a sequence of quantified atoms up to '|', ')' or the
 * end. The length is the sum, UNBOUNDED when one atom is. */
static long parse_seq(reader *r)
{
    long sum = 0;
    while (*r->p && *r->p != '|' && *r->p != ')') {
        long n;
        switch (*r->p) {
        case '(':
            n = parse_group(r);
            break;
        case '[':
            n = parse_class(r);
            break;
        case '\\':
            n = parse_escape(r);
            break;
        case '^': case '$':
            r->p++;
            n = 0;
            break;
        case '.':
            r->p++;
            n = 1;
            break;
        case '*': case '+': case '?': case '{':
            return FAIL; /* a quantifier without an atom */
        default:
            skip_char(r);
            n = 1;
            break;
        }
        if (n == FAIL || (n = parse_quant(r, n)) == FAIL)
            return FAIL;
        if (sum != UNBOUNDED)
            sum = n == UNBOUNDED ? UNBOUNDED : sum + n;
    }
    return sum;
}

/* Alternatives: the longest one. */
static long parse_alt(reader *r)
{
    long max = parse_seq(r);
    while (max != FAIL && *r->p == '|') {
        r->p++;
        long n = parse_seq(r);
        if (n == FAIL)
            return FAIL;
        if (max != UNBOUNDED)
            max = n == UNBOUNDED ? UNBOUNDED : (n > max ? n : max);
    }
    return max;
}

int ngi_ends_at_end(const char *src)
{
    size_t n = strlen(src);
    int depth = 0;
    for (const char *p = src; *p; p++) {
        if (*p == '\\' && p[1]) {
            if (p[1] == 'Q')
                return 0; /* quoted text: not worth reading */
            p++;
        } else if (*p == '[') {
            reader r = {p};
            if (parse_class(&r) == FAIL)
                return 0;
            p = r.p - 1;
        } else if (*p == '(') {
            depth++;
        } else if (*p == ')') {
            depth--;
        } else if (*p == '|' && depth == 0) {
            return 0;
        }
    }
    if (n >= 1 && src[n - 1] == '$' && !(n >= 2 && src[n - 2] == '\\'))
        return 1;
    return n >= 2 && src[n - 2] == '\\' && (src[n - 1] == 'z' || src[n - 1] == 'Z') &&
           !(n >= 3 && src[n - 3] == '\\');
}

long ngi_tail_chars(const char *src)
{
    if (!ngi_ends_at_end(src))
        return -1;
    reader r = {src};
    long n = parse_alt(&r);
    if (n == FAIL || n == UNBOUNDED || *r.p != '\0' || n >= BIG)
        return -1;
    return n;
}
