/* coref_roles.c - what "Ukrainian President", "Kremlin spokesman" or
 * "the elected official" say about a person, and which entity of the
 * document a descriptor refers to (see coref.h).
 *
 * Role nouns come from the gazetteer (roles.txt, titles.txt); the only
 * vocabulary here is the handful of synonyms news uses for one office
 * (spokesman / spokeswoman / spokesperson; MP / lawmaker / legislator)
 * and which offices are elected - closed-class English, not actors. */
#include "coref.h"

#include "resolve_names.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const struct {
    const char *word, *family;
} families[] = {
    {"spokesman", "spokesperson"},  {"spokeswoman", "spokesperson"},
    {"spokesperson", "spokesperson"}, {"mp", "legislator"},
    {"mep", "legislator"},          {"lawmaker", "legislator"},
    {"legislator", "legislator"},   {"parliamentarian", "legislator"},
    {"congressman", "legislator"},  {"congresswoman", "legislator"},
    {"senator", "legislator"},      {"sen", "legislator"},
    {"rep", "legislator"},          {"representative", "legislator"},
    {"premier", "prime minister"},  {"chairwoman", "chairman"},
    {"chair", "chairman"},          {"advisor", "adviser"},
};

/* Offices a voter fills: what "the elected official" can refer to. */
static const char *const elected_families[] = {"legislator", "president", "mayor", "governor",
                                               "prime minister", "chancellor"};

static int word_is(const ng_word *w, const char *s)
{
    size_t n = strlen(s);
    if (w->n != n) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = w->s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != s[i]) return 0;
    }
    return 1;
}

/* Length of w without a possessive 's / ’s, or w->n when it has none. */
static size_t without_possessive(const ng_word *w)
{
    if (w->n > 2 && (w->s[w->n - 1] == 's' || w->s[w->n - 1] == 'S') && w->s[w->n - 2] == '\'')
        return w->n - 2;
    if (w->n > 4 && w->s[w->n - 1] == 's' && memcmp(w->s + w->n - 4, "\xE2\x80\x99", 3) == 0)
        return w->n - 4;
    return w->n;
}

static uint32_t classes2(const ng_gazetteer *gaz, const ng_word *a, const ng_word *b)
{
    char buf[128];
    if (a->n + b->n + 1 >= sizeof buf) return 0;
    memcpy(buf, a->s, a->n);
    buf[a->n] = ' ';
    memcpy(buf + a->n + 1, b->s, b->n);
    return ng_gazetteer_classes(gaz, buf, a->n + 1 + b->n);
}

/* Appends s[0..n) to the string being written at dst + o, keeping room
 * for the NUL within cap (cap > 0), and returns its new length: what
 * snprintf writes for "%s", without its format parsing (role strings are
 * made for every person and descriptor). */
static size_t append(char *dst, size_t cap, size_t o, const char *s, size_t n)
{
    size_t room = o + 1 < cap ? cap - 1 - o : 0;
    if (n > room) n = room;
    memcpy(dst + o, s, n);
    return o + n;
}

/* dst = s, truncated to cap - 1 bytes (snprintf(dst, cap, "%s", s)). */
static void copy_str(char *dst, size_t cap, const char *s)
{
    dst[append(dst, cap, 0, s, strlen(s))] = '\0';
}

static void set_family(ng_role *out, const char *s, size_t n)
{
    char key[sizeof out->family];
    ng_name_key(s, n, key, sizeof key);
    for (size_t i = 0; i < sizeof families / sizeof *families; i++) {
        if (key[0] == families[i].word[0] && strcmp(key, families[i].word) == 0) {
            copy_str(out->family, sizeof out->family, families[i].family);
            return;
        }
    }
    copy_str(out->family, sizeof out->family, key);
}

static void add_qual(ng_role *out, const char *s, size_t n)
{
    char key[64];
    ng_name_key(s, n, key, sizeof key);
    size_t len = strlen(out->qual);
    if (!key[0] || len + strlen(key) + 2 > sizeof out->qual) return;
    if (len) out->qual[len++] = ' ';
    memcpy(out->qual + len, key, strlen(key) + 1);
}

int ng_role_parse(const ng_gazetteer *gaz, const ng_word *w, size_t n, ng_role *out)
{
    memset(out, 0, sizeof *out);
    out->country = -1;
    if (n == 0 || !gaz) return 0;
    /* the head: a two-word role ("prime minister") or a one-word one */
    size_t head = n - 1, hn = 1;
    if (n >= 2 && (classes2(gaz, &w[n - 2], &w[n - 1]) & NG_GAZ_ROLE)) {
        head = n - 2;
        hn = 2;
    } else if (!(ng_gazetteer_classes(gaz, w[n - 1].s, w[n - 1].n) & NG_GAZ_ROLE)) {
        return 0;
    }
    set_family(out, w[head].s, (size_t)(w[head + hn - 1].s + w[head + hn - 1].n - w[head].s));
    for (size_t i = 0; i < head; i++) {
        size_t len = without_possessive(&w[i]);
        if (word_is(&w[i], "the") || word_is(&w[i], "his") || word_is(&w[i], "her") ||
            word_is(&w[i], "its") || word_is(&w[i], "their") || word_is(&w[i], "our")) {
            out->definite = 1;
            continue;
        }
        if (word_is(&w[i], "former") || word_is(&w[i], "ex") || word_is(&w[i], "late") ||
            word_is(&w[i], "then") || word_is(&w[i], "outgoing")) {
            out->former = 1;
            continue;
        }
        if (word_is(&w[i], "elected")) {
            out->elected = 1;
            continue;
        }
        if (i + 1 < head) {
            uint32_t c2 = classes2(gaz, &w[i], &w[i + 1]);
            ng_word second = {w[i + 1].s, without_possessive(&w[i + 1])};
            if (!(c2 & (NG_GAZ_DEMONYM | NG_GAZ_COUNTRY)))
                c2 = classes2(gaz, &w[i], &second);
            if (c2 & (NG_GAZ_DEMONYM | NG_GAZ_COUNTRY)) {
                char buf[128];
                int len2 = snprintf(buf, sizeof buf, "%.*s %.*s", (int)w[i].n, w[i].s,
                                    (int)second.n, second.s);
                out->country = ng_gazetteer_country(gaz, buf, (size_t)len2);
                if (second.n != w[i + 1].n) out->definite = 1;
                i++;
                continue;
            }
        }
        uint32_t c = ng_gazetteer_classes(gaz, w[i].s, len);
        if (c & (NG_GAZ_DEMONYM | NG_GAZ_COUNTRY)) {
            out->country = ng_gazetteer_country(gaz, w[i].s, len);
            if (len != w[i].n) out->definite = 1;
            continue;
        }
        if (len != w[i].n) out->definite = 1; /* "the Kremlin's spokesman" */
        if (i + 1 < head && (classes2(gaz, &w[i], &w[i + 1]) & NG_GAZ_INSTITUTION)) {
            add_qual(out, w[i].s, (size_t)(w[i + 1].s + without_possessive(&w[i + 1]) - w[i].s));
            i++; /* "White House spokesperson" */
            continue;
        }
        /* the qualifier names whose role it is: an institution or a name
         * ("Kremlin", "SSU"), not a capitalised ordinary word that opens
         * the sentence ("Meanwhile Ukrainian President ...") */
        unsigned char first = (unsigned char)w[i].s[0];
        uint32_t cls = ng_gazetteer_classes(gaz, w[i].s, len);
        if (((first >= 'A' && first <= 'Z') || first >= 0x80) &&
            ((cls & NG_GAZ_INSTITUTION) || !(cls & (NG_GAZ_COMMON | NG_GAZ_NONNAME))))
            add_qual(out, w[i].s, len);
        /* lowercase modifiers ("senior", "military") narrow nothing we can check */
    }
    return 1;
}

/* Whether the byte before q ends a character that words never cross
 * backwards: space, line break, brackets, ASCII punctuation other than
 * the dots and apostrophes inside words, and typographic quotes/dashes. */
static int stop_before(const char *t, uint32_t q)
{
    unsigned char b = (unsigned char)t[q - 1];
    if (b < 0x80) return b == ' ' || b == '\n' || b == '\t' || b == '(' || b == ')' || b == '"' ||
                         b == ',' || b == ';' || b == ':' || b == '!' || b == '?' || b == '[';
    if (q >= 3 && (unsigned char)t[q - 3] == 0xE2 && (unsigned char)t[q - 2] == 0x80)
        return b == 0x9C || b == 0x9D || b == 0x98 || b == 0x93 || b == 0x94;
    if (q >= 2 && (unsigned char)t[q - 2] == 0xC2) return b == 0xAB || b == 0xBB;
    return 0;
}

/* The words before a person's name that describe them: "Ukrainian
 * President", "Kremlin spokesman", "Ukraine’s President," - the run of
 * capitalised or role words ending next to the name (a comma allowed
 * after a role word), plus titles written inside the span. */
size_t ng_role_words(const ng_gazetteer *gaz, const char *t, uint32_t start, uint32_t name_start,
                     ng_word *w, size_t max)
{
    uint32_t p = start;
    ng_word rev[6];
    size_t n = 0;
    int comma = 0;
    while (n < 6) {
        uint32_t q = p;
        while (q > 0 && t[q - 1] == ' ') q--;
        if (q == p && n > 0) break;
        if (n == 0 && q > 0 && t[q - 1] == ',') {
            comma = 1;
            q--;
            while (q > 0 && t[q - 1] == ' ') q--;
        }
        uint32_t e = q;
        while (q > 0 && !stop_before(t, q)) q--;
        if (e == q) break;
        ng_word word = {t + q, e - q};
        uint32_t cls = ng_gazetteer_classes(gaz, word.s, word.n);
        unsigned char first = (unsigned char)word.s[0];
        int letter = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first >= 0xC0;
        if (!letter || (!((first >= 'A' && first <= 'Z') || first >= 0x80) && !(cls & (NG_GAZ_ROLE | NG_GAZ_TITLE)))) break;
        if (word.s[word.n - 1] == '.' && !(cls & NG_GAZ_TITLE)) break; /* previous sentence */
        /* a comma only after a role word: "Ukraine’s President, Volodymyr Zelenskiy" */
        if (n == 0 && comma && !(cls & (NG_GAZ_ROLE | NG_GAZ_TITLE))) break;
        rev[n++] = word;
        p = q;
    }
    size_t k = 0;
    while (n > 0 && k < max) w[k++] = rev[--n];
    ng_word inside[12];
    size_t ni = ng_words_split(t, start, name_start, inside, 12);
    for (size_t j = 0; j < ni && k < max; j++) w[k++] = inside[j];
    return k;
}

void ng_role_string(const ng_role *r, char *buf, size_t cap)
{
    if (!cap) return;
    size_t o = 0;
    if (r->qual[0]) {
        o = append(buf, cap, o, r->qual, strlen(r->qual));
        o = append(buf, cap, o, " ", 1);
    }
    o = append(buf, cap, o, r->family, strlen(r->family));
    buf[o] = '\0';
}

void ng_role_of_entity(const ng_gazetteer *gaz, const char *role, const char *country, ng_role *out)
{
    memset(out, 0, sizeof *out);
    out->country = -1;
    if (country && gaz) out->country = ng_gazetteer_country(gaz, country, strlen(country));
    if (!role || !*role) return;
    /* role strings are "qual family"; families have one or two words */
    const char *fam = role;
    const char *last = strrchr(role, ' ');
    if (last && !(gaz && (ng_gazetteer_classes(gaz, role, strlen(role)) & NG_GAZ_ROLE))) {
        fam = last + 1;
        const char *prev = last;
        while (prev > role && prev[-1] != ' ') prev--;
        if (prev > role && gaz && (ng_gazetteer_classes(gaz, prev, strlen(prev)) & NG_GAZ_ROLE))
            fam = prev;
    }
    copy_str(out->family, sizeof out->family, fam);
    /* fam points into role, after a space: no NUL before it */
    if (fam > role) out->qual[append(out->qual, sizeof out->qual, 0, role, (size_t)(fam - role - 1))] = '\0';
}

static int is_elected(const char *family)
{
    for (size_t i = 0; i < sizeof elected_families / sizeof *elected_families; i++)
        if (strcmp(family, elected_families[i]) == 0) return 1;
    return 0;
}

int ng_role_matches(const ng_role *d, const ng_role *e)
{
    if (d->former || !e->family[0]) return 0;
    int fam = strcmp(d->family, e->family) == 0 ||
              (d->elected && strcmp(d->family, "official") == 0 && is_elected(e->family));
    if (!fam) return 0;
    if (d->country >= 0 && e->country != d->country) return 0;
    if (d->qual[0] && strcmp(d->qual, e->qual) != 0) return 0;
    return 1;
}

/* A space, line break or tab: the bytes words are split at. Letters
 * (most bytes) fail the first test. */
static inline int split_byte(char c)
{
    return (unsigned char)c <= ' ' && (c == ' ' || c == '\n' || c == '\t');
}

size_t ng_words_split(const char *text, uint32_t start, uint32_t end, ng_word *w, size_t max)
{
    size_t n = 0;
    uint32_t i = start;
    while (i < end && n < max) {
        while (i < end && split_byte(text[i])) i++;
        uint32_t s = i;
        while (i < end && !split_byte(text[i])) i++;
        if (i > s) w[n++] = (ng_word){text + s, i - s};
    }
    return n;
}

/* The first mention starting at or after byte pos (mentions are sorted
 * by start), so that a descriptor looks at its neighbourhood instead of
 * scanning the document from its beginning or end. */
static size_t first_from(const ng_extraction *ex, uint32_t pos)
{
    size_t lo = 0, hi = ex->nmentions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ex->mentions[mid].start < pos) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* The person name mention directly next to the descriptor at
 * [start,end) - "Dmitry Peskov, the Kremlin spokesman" or "the Kremlin
 * spokesman, Dmitry Peskov" - or -1. */
static int apposition(const ng_extraction *ex, uint32_t start, uint32_t end)
{
    const char *t = ex->doc->text;
    for (size_t i = 0; i < ex->nmentions; i++) {
        const ng_mention *m = &ex->mentions[i];
        if (m->kind != NG_KIND_NAME || m->type != NG_TYPE_PERSON || m->entity < 0) continue;
        if (m->end <= start && start - m->end == 2 && memcmp(t + m->end, ", ", 2) == 0)
            return m->entity;
        if (m->start >= end && ((m->start - end == 2 && memcmp(t + end, ", ", 2) == 0) ||
                                (m->start - end == 1 && t[end] == ' ')))
            return m->entity;
        if (m->start > end + 2) break;
    }
    return -1;
}

/* "the news agency": the most recent organisation whose name ends in the
 * descriptor's head noun ("Yonhap News Agency"). */
static int org_descriptor(const ng_extraction *ex, uint32_t start, const ng_word *head)
{
    /* mentions starting after start end after it: never candidates */
    for (size_t i = first_from(ex, start + 1); i-- > 0;) {
        const ng_mention *m = &ex->mentions[i];
        if (m->end > start || m->entity < 0 || m->kind != NG_KIND_NAME) continue;
        const ng_local_entity *e = &ex->entities[m->entity];
        if (e->type != NG_TYPE_ORG || !e->name) continue;
        const char *last = strrchr(e->name, ' ');
        last = last ? last + 1 : e->name;
        if (strlen(last) == head->n && strncasecmp(last, head->s, head->n) == 0) return m->entity;
    }
    return -1;
}

int ng_coref_descriptor(const ng_gazetteer *gaz, ng_extraction *ex, uint32_t start, uint32_t end)
{
    ng_word w[12];
    ng_role d;
    size_t n = ng_words_split(ex->doc->text, start, end, w, 12);
    if (!n || !gaz) return -1;
    int e = -1;
    /* "the Democratic Party" marked as a descriptor over the name
     * "Democratic Party": the name it ends with is what it refers to */
    for (size_t i = first_from(ex, start + 1); i < ex->nmentions && e < 0; i++) {
        const ng_mention *m = &ex->mentions[i];
        if (m->start > end) break;
        if (m->kind == NG_KIND_NAME && m->entity >= 0 && m->end == end && m->start > start) e = m->entity;
    }
    if (e >= 0) {
        ex->entities[e].mentions++;
        return e;
    }
    if (!ng_role_parse(gaz, w, n, &d)) {
        /* "the news agency": only common nouns after the article */
        int common = word_is(&w[0], "the");
        for (size_t i = 1; i < n && common; i++)
            common = !(w[i].s[0] >= 'A' && w[i].s[0] <= 'Z');
        if (common && (ng_gazetteer_classes(gaz, w[n - 1].s, w[n - 1].n) & NG_GAZ_ORG_NOUN))
            e = org_descriptor(ex, start, &w[n - 1]);
        if (e >= 0) ex->entities[e].mentions++;
        return e;
    }
    if (d.former) return -1;
    if ((e = apposition(ex, start, end)) >= 0) {
        ng_local_entity *le = &ex->entities[e];
        if (!le->role) {
            char buf[128];
            ng_role_string(&d, buf, sizeof buf);
            le->role = ng_extraction_strdup(ex, buf, strlen(buf));
            if (d.country >= 0) le->country = ng_gazetteer_country_name(gaz, d.country);
        }
        le->mentions++;
        return e;
    }
    /* indefinite ("a South Korean lawmaker") introduces someone: not resolved */
    if (!d.definite) return -1;
    for (size_t i = first_from(ex, start + 1); i-- > 0 && e < 0;) {
        const ng_mention *m = &ex->mentions[i];
        if (m->end > start || m->entity < 0) continue;
        const ng_local_entity *le = &ex->entities[m->entity];
        if (le->type != NG_TYPE_PERSON || !le->name || !le->role) continue;
        ng_role r;
        ng_role_of_entity(gaz, le->role, le->country, &r);
        if (ng_role_matches(&d, &r)) e = m->entity;
    }
    if (e < 0 && (d.country >= 0 || d.qual[0])) {
        /* leave it to the run: "the Ukrainian president" of a document that never names him */
        char buf[128];
        ng_role_string(&d, buf, sizeof buf);
        const char *country = d.country >= 0 ? ng_gazetteer_country_name(gaz, d.country) : NULL;
        for (size_t i = 0; i < ex->nentities && e < 0; i++) {
            const ng_local_entity *le = &ex->entities[i];
            if (!le->name && le->role && strcmp(le->role, buf) == 0 &&
                (le->country == country || (le->country && country && strcmp(le->country, country) == 0)))
                e = (int)i;
        }
        if (e < 0) {
            ng_local_entity le = {.type = NG_TYPE_PERSON, .country = country, .first_mention = 0};
            if (!(le.role = ng_extraction_strdup(ex, buf, strlen(buf)))) return NG_ENOMEM;
            for (size_t i = 0; i < ex->nmentions; i++)
                if (ex->mentions[i].start == start) le.first_mention = (uint32_t)i;
            if ((e = ng_extraction_add_entity(ex, &le)) < 0) return e;
        }
    }
    if (e >= 0) ex->entities[e].mentions++;
    return e;
}
