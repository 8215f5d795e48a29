/* furniture_pattern.c - what a furniture rule's pattern tells about its
 * matches, read from the pattern source in one pass (furniture_rules.h:
 * ngi_read_pattern). Every fact feeds a fast path of furniture_rules.c:
 *
 * - the characters a match of an anchored rule can start with (first two)
 *   and that of a rule ending at the end of the line can end with: most
 *   lines start like no anchored rule can ("The ...", "He said"), and most
 *   end in a full stop, which a caption ending in [^.:] or ")" cannot;
 * - a character that every match holds: a line without it is refused;
 * - the most characters a match can hold, for end-anchored rules: a rule
 *   such as "(?i:\ball rights reserved\.?)$" can then start matching only
 *   in the last 20 characters of a line, and is searched only there (PCRE2's
 *   start offset: \b and lookbehinds still see the characters before it).
 *
 * The facts are only ever too wide, never too narrow: character classes
 * with escapes and caseless letters (which may match a non-ASCII
 * character, as k matches the Kelvin sign) widen the sets, and the reader
 * accepts only the plain subset of PCRE2 syntax that it understands and
 * gives up on everything else (no facts: no fast path). */
#include "furniture_rules.h"

#include <string.h>

#define UNBOUNDED (-1L)
#define BIG (1L << 20) /* longer than any line that is matched */

/* What a piece of pattern can match: nullable (it can match the empty
 * string), one (it can match exactly one character), max (the most
 * characters a match holds, UNBOUNDED when there is no bound), the sets
 * of its possible first and second characters, and of its last one; and
 * need, the characters that every match of it holds. */
typedef struct shape {
    int nullable, one;
    long max;
    ngi_charset first, second, last, need;
} shape;

typedef struct reader {
    const char *p;
    int caseless;
    int failed;
} reader;

static void set_add(ngi_charset *s, unsigned c)
{
    s->bits[c / 64] |= (uint64_t)1 << (c % 64);
}

static void set_union(ngi_charset *a, const ngi_charset *b)
{
    for (int i = 0; i < 3; i++)
        a->bits[i] |= b->bits[i];
}

static int in(const ngi_charset *s, unsigned c)
{
    return (int)((s->bits[c / 64] >> (c % 64)) & 1);
}

/* ASCII-only character tests: <ctype.h> follows the locale (a library
 * user's Turkish locale would upper-case 'i' to a byte past the sets). */
static int ascii_alpha(unsigned c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int ascii_digit(unsigned c)
{
    return c >= '0' && c <= '9';
}

static int ascii_alnum(unsigned c)
{
    return ascii_alpha(c) || ascii_digit(c);
}

static int ascii_punct(unsigned c)
{
    return c > ' ' && c < 0x7f && !ascii_alnum(c);
}

static void set_all(ngi_charset *s)
{
    memset(s, 0xFF, sizeof *s);
}

/* ASCII character c, and its other case when caseless: then also every
 * non-ASCII character, for the case partners outside ASCII. */
static void add_char(ngi_charset *s, unsigned c, int caseless)
{
    set_add(s, c);
    if (caseless && c < 0x80 && ascii_alpha(c)) {
        set_add(s, c | 0x20);
        set_add(s, c & ~0x20u);
        set_add(s, NGI_NONASCII);
    }
}

static shape one_char(const ngi_charset *set)
{
    shape s = {0, 1, 1, *set, {{0}}, *set, {{0}}};
    int members = 0;
    for (int i = 0; i < 3; i++)
        members += __builtin_popcountll(set->bits[i]);
    if (members == 1 && !in(set, NGI_NONASCII) && !in(set, NGI_END))
        s.need = *set; /* exactly one ASCII character */
    return s;
}

static shape any_char(void)
{
    ngi_charset all;
    set_all(&all);
    return one_char(&all);
}

static shape empty_shape(void)
{
    shape s = {1, 0, 0, {{0}}, {{0}}, {{0}}, {{0}}};
    return s;
}

/* a becomes a then b */
static void seq(shape *a, const shape *b)
{
    if (a->nullable) {
        set_union(&a->first, &b->first);
        set_union(&a->second, &b->second);
    }
    if (a->one)
        set_union(&a->second, &b->first);
    if (b->nullable) {
        set_union(&a->last, &b->last);
    } else {
        a->last = b->last;
    }
    set_union(&a->need, &b->need);
    if (a->max != UNBOUNDED)
        a->max = b->max == UNBOUNDED ? UNBOUNDED : a->max + b->max;
    int one = (a->one && b->nullable) || (a->nullable && b->one);
    a->nullable = a->nullable && b->nullable;
    a->one = one;
}

/* a becomes a or b */
static void alt(shape *a, const shape *b)
{
    a->nullable |= b->nullable;
    a->one |= b->one;
    if (a->max != UNBOUNDED)
        a->max = b->max == UNBOUNDED || b->max > a->max ? b->max : a->max;
    set_union(&a->first, &b->first);
    set_union(&a->second, &b->second);
    set_union(&a->last, &b->last);
    for (int i = 0; i < 3; i++)
        a->need.bits[i] &= b->need.bits[i];
}

static shape parse_alt(reader *r);

/* Skips one UTF-8 character; 1 when it was not ASCII. */
static int skip_char(reader *r)
{
    int wide = (unsigned char)*r->p >= 0x80;
    r->p++;
    while (((unsigned char)*r->p & 0xC0) == 0x80)
        r->p++;
    return wide;
}

/* Skips "{...}" at r->p, if there is one (after \p, \P, \x); 0 when it
 * is not closed. */
static int skip_braces(reader *r)
{
    if (*r->p != '{')
        return 1;
    const char *end = strchr(r->p, '}');
    if (!end)
        return 0;
    r->p = end + 1;
    return 1;
}

/* What class_item read besides an ASCII character. */
enum { ITEM_WIDE = 256, ITEM_MANY = 257 };

/* One member of a character class at r->p: an ASCII character (escaped
 * or not, *escaped says which), ITEM_WIDE for a non-ASCII character, or
 * ITEM_MANY for an escape or POSIX name that stands for other
 * characters (\d, \p{..}, \x.., [:alpha:] and the like). Quoted text
 * (\Q...\E) is not read. */
static unsigned class_item(reader *r, int *escaped)
{
    *escaped = 0;
    if (*r->p == '\\') {
        unsigned char e = (unsigned char)r->p[1];
        *escaped = 1;
        if (!e || e == 'Q' || e == 'E') {
            r->failed = 1;
            return ITEM_MANY;
        }
        r->p += 2;
        if (e < 0x80 && !ascii_alnum(e))
            return e; /* escaped punctuation */
        if (e >= 0x80) {
            while (((unsigned char)*r->p & 0xC0) == 0x80)
                r->p++;
        } else if ((e == 'p' || e == 'P') && *r->p != '{') {
            if (*r->p)
                r->p++; /* \pL */
        } else if ((e == 'p' || e == 'P' || e == 'x') && !skip_braces(r)) {
            r->failed = 1;
        }
        return ITEM_MANY;
    }
    if (*r->p == '[' && r->p[1] == ':') {
        /* a POSIX name, "[:alpha:]" or "[:^alpha:]", matches many
         * characters; any other "[:" (PCRE2 may read it as two members,
         * and ":]" further on is not its end): give up on the pattern */
        const char *q = r->p + 2;
        if (*q == '^')
            q++;
        const char *name = q;
        while (ascii_alpha((unsigned char)*q))
            q++;
        if (q > name && q[0] == ':' && q[1] == ']')
            r->p = q + 2;
        else
            r->failed = 1;
        return ITEM_MANY;
    }
    if (skip_char(r))
        return ITEM_WIDE;
    return (unsigned char)r->p[-1];
}

/* "[...]" at r->p: one character. Escapes other than escaped punctuation
 * and POSIX names match anything here (in a negated class: make it match
 * anything). A negated class matches every non-ASCII character. */
static shape parse_class(reader *r)
{
    ngi_charset set = {{0}};
    int any = 0, negated = 0, escaped;
    r->p++;
    if (*r->p == '^') {
        negated = 1;
        r->p++;
    }
    int first = 1;
    unsigned prev = ITEM_MANY; /* the previous ASCII member, for ranges */
    while (*r->p && (*r->p != ']' || first) && !r->failed) {
        first = 0;
        if (*r->p == '-' && prev < 128 && r->p[1] && r->p[1] != ']') {
            /* a range: everything between, when both ends are ASCII
             * characters written as themselves */
            r->p++;
            unsigned hi = class_item(r, &escaped);
            if (hi < 128 && !escaped) {
                for (unsigned x = prev; x <= hi; x++)
                    add_char(&set, x, r->caseless);
            } else {
                any = 1;
            }
            prev = ITEM_MANY;
            continue;
        }
        unsigned c = class_item(r, &escaped);
        if (c == ITEM_WIDE) {
            set_add(&set, NGI_NONASCII);
            if (r->caseless)
                any = 1; /* may have an ASCII case partner */
        } else if (c == ITEM_MANY) {
            any = 1;
        } else {
            add_char(&set, c, r->caseless);
        }
        prev = c;
    }
    if (r->failed || *r->p != ']') {
        r->failed = 1;
        return any_char();
    }
    r->p++;
    if (any) {
        set_all(&set);
    } else if (negated) {
        set.bits[0] = ~set.bits[0];
        set.bits[1] = ~set.bits[1];
        set.bits[2] = 0;
        set_add(&set, NGI_NONASCII);
    }
    return one_char(&set);
}

/* \R: "\r\n" or one vertical space (\n, \v, \f, \r, U+0085, U+2028,
 * U+2029). */
static shape newline_shape(void)
{
    ngi_charset cr = {{0}}, lf = {{0}}, vertical = {{0}};
    set_add(&cr, '\r');
    set_add(&lf, '\n');
    for (const char *v = "\n\v\f\r"; *v; v++)
        set_add(&vertical, (unsigned char)*v);
    set_add(&vertical, NGI_NONASCII);
    shape s = one_char(&cr), n = one_char(&lf), one = one_char(&vertical);
    seq(&s, &n);
    alt(&s, &one);
    return s;
}

/* An escape at r->p. */
static shape parse_escape(reader *r)
{
    unsigned char c = (unsigned char)r->p[1];
    ngi_charset set = {{0}};
    if (!c) {
        r->p++;
        r->failed = 1;
        return any_char();
    }
    r->p += 2;
    switch (c) {
    case 'b': case 'B': case 'A': case 'z': case 'Z':
        return empty_shape();
    case 'd': /* with UCP also non-ASCII digits */
        for (unsigned x = '0'; x <= '9'; x++)
            set_add(&set, x);
        set_add(&set, NGI_NONASCII);
        return one_char(&set);
    case 'n':
        set_add(&set, '\n');
        return one_char(&set);
    case 't':
        set_add(&set, '\t');
        return one_char(&set);
    case 'r':
        set_add(&set, '\r');
        return one_char(&set);
    case 'R':
        return newline_shape();
    case 's': case 'S': case 'w': case 'W': case 'D': case 'h': case 'H': case 'v': case 'V':
    case 'N': case 'f': case 'e': case 'a':
        return any_char();
    case 'p': case 'P':
        if (*r->p != '{' && *r->p)
            r->p++; /* \pL */
        else if (!skip_braces(r))
            r->failed = 1;
        return any_char();
    default:
        if (!ascii_alnum(c) && c < 0x80) { /* escaped punctuation */
            add_char(&set, c, r->caseless);
            return one_char(&set);
        }
        /* \Q, \x, \G, \K, \X, back references, octal ...: not read here */
        r->failed = 1;
        return any_char();
    }
}

/* "(...)" at r->p. */
static shape parse_group(reader *r)
{
    const char *s = r->p + 1;
    int lookaround = 0, caseless = r->caseless;
    if (*s == '*') {
        r->failed = 1;
        return any_char();
    }
    if (*s == '?') {
        s++;
        if (*s == ':' || *s == '>') {
            s++;
        } else if (*s == '=' || *s == '!') {
            s++;
            lookaround = 1;
        } else if (*s == '<' && (s[1] == '=' || s[1] == '!')) {
            s += 2;
            lookaround = 1;
        } else {
            int on = 1, set_i = -1;
            for (; *s == 'i' || *s == 's' || *s == '-'; s++) {
                if (*s == '-')
                    on = 0;
                else if (*s == 'i')
                    set_i = on;
            }
            if (*s == ')') { /* (?i) for the rest of the enclosing group */
                if (set_i >= 0)
                    r->caseless = set_i;
                r->p = s + 1;
                return empty_shape();
            }
            if (*s != ':') {
                r->failed = 1;
                return any_char();
            }
            s++;
            if (set_i >= 0)
                r->caseless = set_i;
        }
    }
    r->p = s;
    shape inner = parse_alt(r);
    r->caseless = caseless;
    if (*r->p != ')') {
        r->failed = 1;
        return any_char();
    }
    r->p++;
    return lookaround ? empty_shape() : inner;
}

/* A decimal number at *s, saturated at BIG. */
static long read_count(const char **s)
{
    long n = 0;
    for (; ascii_digit((unsigned char)**s); (*s)++)
        if (n < BIG)
            n = n * 10 + (**s - '0');
    return n;
}

/* The most characters of hi (UNBOUNDED: any number of) repetitions of
 * something that holds at most n. */
static long repeat_max(long n, long hi)
{
    if (n == 0)
        return 0;
    if (n == UNBOUNDED || hi == UNBOUNDED || hi >= BIG || n * hi >= BIG)
        return UNBOUNDED;
    return n * hi;
}

/* An optional quantifier after atom a. */
static shape parse_quant(reader *r, shape a)
{
    long lo = 1, hi = 1; /* hi: UNBOUNDED when there is no upper bound */
    int ranged = 0;      /* {m,} or {m,n} */
    char c = *r->p;
    if (c == '?' || c == '*' || c == '+') {
        r->p++;
        lo = c == '+' ? 1 : 0;
        hi = c == '?' ? 1 : UNBOUNDED;
    } else if (c == '{') {
        /* {m}, {m,} and {m,n}; anything else (also "{,n}", which PCRE2
         * before 10.43 reads as literal text) is given up on */
        const char *s = r->p + 1;
        if (!ascii_digit((unsigned char)*s)) {
            r->failed = 1;
            return a;
        }
        lo = hi = read_count(&s);
        if (*s == ',') {
            s++;
            ranged = 1;
            hi = ascii_digit((unsigned char)*s) ? read_count(&s) : UNBOUNDED;
        }
        if (*s != '}') {
            r->failed = 1;
            return a;
        }
        r->p = s + 1;
    } else {
        return a;
    }
    if (*r->p == '?' || *r->p == '+') /* lazy or possessive: same matches */
        r->p++;
    /* a{lo,hi} starts like a a*: the first two characters are those of
     * at most two repetitions (the second one optional) */
    long reps = ranged || hi == UNBOUNDED ? 2 : hi;
    shape opt = a;
    opt.nullable = 1;
    memset(&opt.need, 0, sizeof opt.need);
    shape q = lo >= 1 ? a : opt;
    if (reps == 0)
        q = empty_shape();
    else if (reps >= 2)
        seq(&q, &opt);
    q.max = repeat_max(a.max, hi);
    return q;
}

static shape parse_seq(reader *r)
{
    shape s = empty_shape();
    while (*r->p && *r->p != '|' && *r->p != ')' && !r->failed) {
        shape a;
        ngi_charset set = {{0}};
        switch (*r->p) {
        case '(':
            a = parse_group(r);
            break;
        case '[':
            a = parse_class(r);
            break;
        case '\\':
            a = parse_escape(r);
            break;
        case '^': case '$':
            r->p++;
            a = empty_shape();
            break;
        case '.':
            r->p++;
            a = any_char();
            break;
        case '*': case '+': case '?': case '{':
            r->failed = 1;
            return s;
        default:
            if (skip_char(r)) {
                set_add(&set, NGI_NONASCII);
                if (r->caseless)
                    set_all(&set);
            } else {
                add_char(&set, (unsigned char)r->p[-1], r->caseless);
            }
            a = one_char(&set);
            break;
        }
        shape q = parse_quant(r, a);
        seq(&s, &q);
    }
    return s;
}

static shape parse_alt(reader *r)
{
    shape s = parse_seq(r);
    while (*r->p == '|' && !r->failed) {
        r->p++;
        shape b = parse_seq(r);
        alt(&s, &b);
    }
    return s;
}

/* Does the top level of src end in "$", "\z" or "\Z"? */
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
            reader r = {p, 0, 0};
            parse_class(&r);
            if (r.failed)
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

void ngi_read_pattern(const char *src, ngi_pattern_facts *out)
{
    memset(out, 0, sizeof *out);
    out->needed = -1;
    out->tail_chars = -1;
    reader r = {src, 0, 0};
    shape s = parse_alt(&r);
    if (r.failed || *r.p != '\0')
        return;
    int at_end = ngi_ends_at_end(src);
    if (!s.nullable) {
        out->first_known = 1;
        out->first = s.first;
        out->second = s.second;
        out->one = s.one;
        if (at_end) {
            out->last_known = 1;
            out->last = s.last;
        }
    }
    if (at_end && s.max != UNBOUNDED && s.max < BIG)
        out->tail_chars = s.max;
    for (unsigned c = 1; c < 128; c++) /* rather punctuation than a letter or a space */
        if (in(&s.need, c) && (out->needed < 0 || (ascii_punct(c) && !ascii_punct((unsigned)out->needed))))
            out->needed = (int)c;
    if (out->needed == ' ') /* nearly every line has a space */
        out->needed = -1;
}
