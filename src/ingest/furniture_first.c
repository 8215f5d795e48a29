/* furniture_first.c - which first two characters of a line an anchored
 * rule can match, and which last character a rule that ends at the end
 * of the line can match (furniture_rules.h: ngi_first_chars,
 * ngi_last_chars).
 *
 * Most lines start like no anchored rule can ("The ...", "He said"), so
 * furniture_rules.c refuses them from their first two characters and
 * skips the rule; most lines end in a full stop, which a caption ending
 * in [^.:] or ")" cannot. The sets are read from the pattern
 * source and only ever too large, never too small: character classes
 * with escapes, unknown syntax and caseless letters (which may match a
 * non-ASCII character, as k matches the Kelvin sign) widen them. */
#include "furniture_rules.h"

#include <ctype.h>
#include <string.h>

/* What a piece of pattern can match at its ends: nullable (it can match
 * the empty string), one (it can match exactly one character), the sets
 * of its possible first and second characters, and of its last one; and
 * need, the characters that every match of it holds. */
typedef struct shape {
    int nullable, one;
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

static void set_all(ngi_charset *s)
{
    memset(s, 0xFF, sizeof *s);
}

/* ASCII character c, and its other case when caseless: then also every
 * non-ASCII character, for the case partners outside ASCII. */
static void add_char(ngi_charset *s, unsigned c, int caseless)
{
    set_add(s, c);
    if (caseless && isalpha((int)c)) {
        set_add(s, (unsigned)tolower((int)c));
        set_add(s, (unsigned)toupper((int)c));
        set_add(s, NGI_NONASCII);
    }
}

static shape one_char(const ngi_charset *set)
{
    shape s = {0, 1, *set, {{0}}, *set, {{0}}};
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
    shape s = {1, 0, {{0}}, {{0}}, {{0}}, {{0}}};
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
    int one = (a->one && b->nullable) || (a->nullable && b->one);
    a->nullable = a->nullable && b->nullable;
    a->one = one;
}

/* a becomes a or b */
static void alt(shape *a, const shape *b)
{
    a->nullable |= b->nullable;
    a->one |= b->one;
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

/* "[...]" at r->p. Escapes other than escaped punctuation and POSIX
 * names match anything here (in a negated class: make it match
 * anything). A negated class matches every non-ASCII character. */
static shape parse_class(reader *r)
{
    ngi_charset set = {{0}};
    int any = 0, negated = 0;
    r->p++;
    if (*r->p == '^') {
        negated = 1;
        r->p++;
    }
    int first = 1;
    unsigned prev = 256; /* the previous ASCII character, for ranges */
    while (*r->p && (*r->p != ']' || first)) {
        first = 0;
        unsigned c;
        if (*r->p == '\\') {
            if (!r->p[1]) {
                r->failed = 1;
                return any_char();
            }
            unsigned char e = (unsigned char)r->p[1];
            r->p += 2;
            if (isalnum(e) || e >= 0x80) {
                any = 1; /* \d, \s, \p{..}, \x.. and the like */
                if ((e == 'p' || e == 'P' || e == 'x') && *r->p == '{') {
                    const char *end = strchr(r->p, '}');
                    if (!end) {
                        r->failed = 1;
                        return any_char();
                    }
                    r->p = end + 1;
                }
                prev = 256;
                continue;
            }
            c = e;
        } else if (*r->p == '[' && r->p[1] == ':') {
            const char *end = strstr(r->p + 2, ":]");
            if (!end) {
                r->failed = 1;
                return any_char();
            }
            r->p = end + 2;
            any = 1;
            prev = 256;
            continue;
        } else if ((unsigned char)*r->p >= 0x80) {
            skip_char(r);
            set_add(&set, NGI_NONASCII);
            if (r->caseless)
                any = 1; /* may have an ASCII case partner */
            prev = 256;
            continue;
        } else if (*r->p == '-' && prev < 256 && r->p[1] && r->p[1] != ']') {
            /* a range: everything between, when both ends are ASCII */
            r->p++;
            unsigned hi;
            if (*r->p == '\\' || (unsigned char)*r->p >= 0x80) {
                any = 1;
                if (*r->p == '\\' && r->p[1])
                    r->p++;
                skip_char(r);
                prev = 256;
                continue;
            }
            hi = (unsigned char)*r->p++;
            for (unsigned x = prev; x <= hi && x < 128; x++)
                add_char(&set, x, r->caseless);
            prev = 256;
            continue;
        } else {
            c = (unsigned char)*r->p++;
        }
        add_char(&set, c, r->caseless);
        prev = c;
    }
    if (*r->p != ']') {
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

/* An escape at r->p. */
static shape parse_escape(reader *r)
{
    unsigned char c = (unsigned char)r->p[1];
    ngi_charset set = {{0}};
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
    case 's': case 'S': case 'w': case 'W': case 'D': case 'h': case 'H': case 'v': case 'V':
    case 'N': case 'f': case 'e': case 'a':
        return any_char();
    case 'p': case 'P':
        if (*r->p == '{') {
            const char *end = strchr(r->p, '}');
            if (!end) {
                r->failed = 1;
                return any_char();
            }
            r->p = end + 1;
        } else if (*r->p) {
            r->p++;
        }
        return any_char();
    default:
        if (c && !isalnum(c) && c < 0x80) { /* escaped punctuation */
            add_char(&set, c, r->caseless);
            return one_char(&set);
        }
        r->failed = 1; /* \Q, \x, \R, back references ...: not read here */
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

/* An optional quantifier after atom a. */
static shape parse_quant(reader *r, shape a)
{
    long lo = 1, hi = 1;
    char c = *r->p;
    if (c == '?' || c == '*' || c == '+') {
        r->p++;
        lo = c == '+' ? 1 : 0;
        hi = c == '?' ? 1 : 2;
    } else if (c == '{') {
        const char *s = r->p + 1;
        if (!isdigit((unsigned char)*s)) {
            r->failed = 1;
            return a;
        }
        lo = 0;
        while (isdigit((unsigned char)*s))
            lo = lo < 1000 ? lo * 10 + (*s++ - '0') : (s++, lo);
        hi = lo;
        if (*s == ',') {
            s++;
            hi = 2;
            while (isdigit((unsigned char)*s))
                s++;
        }
        if (*s != '}') {
            r->failed = 1;
            return a;
        }
        r->p = s + 1;
    } else {
        return a;
    }
    if (*r->p == '?' || *r->p == '+')
        r->p++;
    /* a{lo,hi} starts like a a*: the first two characters are those of
     * at most two repetitions (the second one optional) */
    shape opt = a;
    opt.nullable = 1;
    memset(&opt.need, 0, sizeof opt.need);
    shape first = lo >= 1 ? a : opt;
    if (hi == 0)
        return empty_shape();
    if (hi >= 2)
        seq(&first, &opt);
    return first;
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

void ngi_read_pattern(const char *src, ngi_pattern_facts *out)
{
    memset(out, 0, sizeof *out);
    out->needed = -1;
    reader r = {src, 0, 0};
    shape s = parse_alt(&r);
    if (r.failed || *r.p != '\0')
        return;
    if (!s.nullable) {
        out->first_known = 1;
        out->first = s.first;
        out->second = s.second;
        out->one = s.one;
        if (ngi_ends_at_end(src)) {
            out->last_known = 1;
            out->last = s.last;
        }
    }
    for (unsigned c = 1; c < 128; c++) /* rather punctuation than a letter or a space */
        if (in(&s.need, c) && (out->needed < 0 || (ispunct((int)c) && !ispunct(out->needed))))
            out->needed = (int)c;
    if (out->needed == ' ') /* nearly every line has a space */
        out->needed = -1;
}

int ngi_first_chars(const char *src, ngi_charset *first, ngi_charset *second, int *one)
{
    ngi_pattern_facts pf;
    ngi_read_pattern(src, &pf);
    *first = pf.first;
    *second = pf.second;
    *one = pf.one;
    return pf.first_known;
}

int ngi_last_chars(const char *src, ngi_charset *last)
{
    ngi_pattern_facts pf;
    ngi_read_pattern(src, &pf);
    *last = pf.last;
    return pf.last_known;
}

int ngi_needed_char(const char *src)
{
    ngi_pattern_facts pf;
    ngi_read_pattern(src, &pf);
    return pf.needed;
}
