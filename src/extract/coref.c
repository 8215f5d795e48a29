/* coref.c - in-document coreference: one document's mentions become
 * local entities (ng_coref_document of stages.h).
 *
 * The order of the passes is the order in which news text commits to an
 * identity: full names first ("Dmitry Peskov"), then what is defined by
 * them (acronyms in "Security Service of Ukraine (SSU)"), then the short
 * forms that lean on them (a surname, an acronym, a demonym), and last
 * the descriptors ("the Kremlin spokesman"), which need the roles that
 * apposition ("Kremlin spokesman Dmitry Peskov") gave the entities. */
#include "coref_internal.h"

#include "resolve_names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>


/* The spaces in s[0..n), eight bytes at a time (s[0..readable) may be
 * read, readable >= n): a key's words are its spaces + 1, and a byte
 * loop over every new key shows in profiles. */
static uint32_t count_spaces(const char *s, size_t n, size_t readable)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Fu, spaces = 0x2020202020202020u;
    uint32_t count = 0;
    size_t i = 0;
    for (; i < n && i + 8 <= readable; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        if (n - i < 8) x &= (UINT64_C(1) << (8 * (n - i))) - 1; /* bytes past n: zero, no space */
#else
        if (n - i < 8) break; /* the byte loop below takes the rest */
#endif
        x ^= spaces;                                       /* a space becomes a zero byte */
        uint64_t zero = ~(((x & low7) + low7) | x | low7); /* high bit of each zero byte, exactly */
        count += (uint32_t)(((zero >> 7) * 0x0101010101010101u) >> 56); /* their sum, in the top byte */
    }
    for (; i < n; i++) count += s[i] == ' ';
    return count;
}

/* The number of the key of the name s[0..n), its string NUL-terminated
 * (ng_coref_keep) and its word count known; or NG_ENOMEM. */
static int32_t name_key(coref *c, const char *s, size_t n)
{
    char buf[NG_NAME_MAX];
    size_t len = ng_name_key(s, n, buf, sizeof buf);
    coref_probe probe;
    int32_t id = ng_coref_key_find(c, buf, len, &probe);
    if (id < 0 || !c->kt.keys[id].terminated) { /* ng_coref_keep adds no key: the probe holds */
        const char *dup = ng_coref_keep(c, buf, len);
        if (!dup || (id = ng_coref_key_intern_probed(c, dup, len, 1, &probe)) < 0) return NG_ENOMEM;
    }
    coref_key *k = &c->kt.keys[id];
    if (k->words == UINT32_MAX) { /* a key has single spaces between words, none at the ends */
        uint32_t words = len > 0;
        words += count_spaces(buf, len, sizeof buf);
        k->words = words;
    }
    return id;
}

/* Points mention mi at key id. */
static void set_key(coref *c, size_t mi, int32_t id)
{
    const coref_key *k = &c->kt.keys[id];
    c->mkid[mi] = id;
    c->mkey[mi] = k->s;
    c->mkey_len[mi] = k->len;
    c->mwords[mi] = k->words;
}


/* Where a person's name starts once titles written inside the span are
 * skipped ("President Zelensky", "MP Lee Seong-kweun", "NASA
 * Administrator Charles Bolden", "Secretary of State Antony Blinken"):
 * after the last title in a leading run of titles (phrases of up to three
 * words) and capitalised qualifiers; never past the last word. */
static uint32_t skip_titles(const coref *c, const ng_mention *m)
{
    ng_word w[MAX_WORDS];
    size_t n = ng_words_split(c->text, m->start, m->end, w, MAX_WORDS);
    size_t i = 0, after = 0;
    if (!c->gaz) return m->start;
    while (i + 1 < n) {
        size_t len = 0;
        uint32_t word_cls = 0; /* classes of w[i] alone: k = 1 is always tried when len is 0 */
        for (size_t k = 3; k >= 1 && !len; k--) {
            if (i + k >= n) continue; /* keep at least one word */
            const char *s = w[i].s;
            size_t bytes = (size_t)(w[i + k - 1].s + w[i + k - 1].n - s);
            uint32_t cls = ng_gazetteer_classes(c->gaz, s, bytes);
            if (k == 1) word_cls = cls;
            if ((cls & (NG_GAZ_TITLE | NG_GAZ_ROLE)) && !(k == 1 && (cls & NG_GAZ_GIVEN))) len = k;
        }
        if (len) {
            i += len;
            after = i;
        } else if (coref_is_capital((unsigned char)w[i].s[0]) && !(word_cls & NG_GAZ_GIVEN)) {
            i++; /* "NASA" in "NASA Administrator": a qualifier, if a title follows */
        } else {
            break;
        }
    }
    return after && after < n ? (uint32_t)(w[after].s - c->text) : m->start;
}

static int new_cluster(coref *c, uint32_t mi)
{
    if (c->ncl == c->capcl) {
        size_t cap = c->capcl ? c->capcl * 2 : 32;
        cluster *p = realloc(c->cl, cap * sizeof *p);
        if (!p) return NG_ENOMEM;
        c->cl = p;
        c->capcl = cap;
    }
    cluster *k = &c->cl[c->ncl];
    memset(k, 0, sizeof *k);
    k->key = c->mkey[mi];
    k->best = mi;
    k->words = c->mwords[mi];
    k->role_score = -1;
    k->entity = -1;
    k->role.country = -1;
    k->next_surname = k->next_first = k->next_block = -1;
    c->kt.keys[c->mkid[mi]].cluster = (int32_t)c->ncl;
    return (int)c->ncl++;
}

/* Puts cluster ci at the head of the list starting at *head (next: its link). */
static void list_push(int32_t *head, int ci, int *next)
{
    *next = *head;
    *head = ci;
}

/* Person name parts from the key: surname last, unless a hyphenated
 * second word in lowercase marks a Korean-style name ("Lee Seong-kweun"). */
static int set_person_parts(coref *c, cluster *k, uint32_t mi)
{
    const char *key = k->key;
    const char *sp = strchr(key, ' ');
    const char *last = strrchr(key, ' ');
    if (!sp) return 0;
    int ci = (int)(k - c->cl);
    const char *first = ng_coref_keep(c, key, (size_t)(sp - key));
    k->given = ng_coref_keep(c, key, (size_t)(last - key));
    k->surname = last + 1;
    if (!first || !k->given) return NG_ENOMEM;
    size_t sl = strlen(k->surname), bl = sl < 2 ? sl : 2;
    int32_t sid = ng_coref_key_intern(c, k->surname, sl, 1);
    int32_t fid = ng_coref_key_intern(c, first, (size_t)(sp - key), 1);
    int32_t bid = ng_coref_key_intern(c, k->surname, bl, bl == sl);
    if (sid < 0 || fid < 0 || bid < 0) return NG_ENOMEM;
    list_push(&c->kt.keys[sid].surname, ci, &k->next_surname);
    list_push(&c->kt.keys[fid].first, ci, &k->next_first);
    list_push(&c->kt.keys[bid].block, ci, &k->next_block);
    const ng_mention *m = &c->ex->mentions[mi];
    const char *h = memchr(c->text + c->name_start[mi], '-', m->end - c->name_start[mi]);
    ng_word w[3];
    size_t nw = ng_words_split(c->text, c->name_start[mi], m->end, w, 3);
    if (nw == 2 && h && h > w[1].s && h + 1 < c->text + m->end && h[1] >= 'a' && h[1] <= 'z')
        k->surname_first = 1;
    return 0;
}

static int join(coref *c, uint32_t mi, int ci)
{
    cluster *k = &c->cl[ci];
    const ng_mention *m = &c->ex->mentions[mi];
    c->of[mi] = ci;
    coref_count_type(k, m->type < NG_TYPE_COUNT ? m->type : NG_TYPE_ORG);
    return 0;
}

/* Pass 1: names of two words or more; the same key is the same entity,
 * and within one person spelling variants of one name join (surname
 * variant with agreeing given names). */
static int pass_full_names(coref *c)
{
    ng_extraction *ex = c->ex;
    for (size_t i = 0; i < ex->nmentions; i++) {
        const ng_mention *m = &ex->mentions[i];
        if (m->kind != NG_KIND_NAME || c->mwords[i] < 2) continue;
        int ci = c->kt.keys[c->mkid[i]].cluster;
        if (ci < 0 && m->type == NG_TYPE_PERSON) {
            /* spelling variants share the surname's first two letters */
            const char *sp = strrchr(c->mkey[i], ' ');
            char given[NG_NAME_MAX];
            size_t gl = (size_t)(sp - c->mkey[i]);
            if (gl >= sizeof given) gl = sizeof given - 1;
            memcpy(given, c->mkey[i], gl);
            given[gl] = '\0';
            size_t sl = c->mkey_len[i] - (size_t)(sp + 1 - c->mkey[i]);
            size_t bl = sl < 2 ? sl : 2;
            int32_t bid = ng_coref_key_find(c, sp + 1, bl, NULL);
            for (int k = bid >= 0 ? c->kt.keys[bid].block : -1; k >= 0;
                 k = c->cl[k].next_block) {
                const cluster *o = &c->cl[k];
                if (ng_name_surname_variant(o->surname, sp + 1) &&
                    ng_name_given_compatible(c->gaz, o->given, given) && (ci < 0 || k < ci))
                    ci = k;
            }
        }
        if (ci < 0) {
            if ((ci = new_cluster(c, (uint32_t)i)) < 0) return ci;
            if (m->type == NG_TYPE_PERSON && set_person_parts(c, &c->cl[ci], (uint32_t)i) < 0)
                return NG_ENOMEM;
        }
        join(c, (uint32_t)i, ci);
    }
    return 0;
}

/* Whether the first word of cluster o can stand for the person: 0 for a
 * particle or common word ("Al" of "Al Qaeda", "Star"); 1 for a given name
 * used alone ("Ahmed" for "Ahmed Mohamed", "John" of "John J. Thomas"),
 * which counts only when no one else in the document has it; 2 for a
 * surname written first ("Kim" of "Kim Jong Un": three words, no initial;
 * "Wang" of "Wang Anshi", not a given name). */
static int first_word_names(const coref *c, const cluster *o)
{
    const ng_mention *m = &c->ex->mentions[o->best];
    ng_word w[4];
    size_t n = ng_words_split(c->text, c->name_start[o->best], m->end, w, 4);
    if (n < 2 || !c->gaz) return n >= 2;
    uint32_t cls = ng_gazetteer_classes(c->gaz, w[0].s, w[0].n);
    if (cls & (NG_GAZ_PARTICLE | NG_GAZ_COMMON | NG_GAZ_NONNAME)) return 0;
    if (!(cls & NG_GAZ_GIVEN)) return 2;
    if (n < 3) return 1;
    for (size_t i = 1; i < n; i++)
        if (w[i].n < 2 || w[i].s[w[i].n - 1] == '.') return 1;
    return 2;
}

/* How salient cluster k is just before mention mi: its mentions so far
 * (*seen) and the latest of them + 1 (*pos, 0 when none). Full-name
 * mentions come from the grouped index made after pass 1; one-word
 * mentions joined since are all earlier than mi, as pass 3 goes in order. */
static void salience(const coref *c, int k, size_t mi, uint32_t *seen, uint32_t *pos)
{
    const cluster *o = &c->cl[k];
    const uint32_t *v = c->p1 + o->p1_off;
    size_t lo = 0, hi = o->p1_n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] < mi) lo = mid + 1;
        else hi = mid;
    }
    *seen = (uint32_t)lo + o->joined;
    *pos = lo ? v[lo - 1] + 1 : 0;
    if (o->last_joined > *pos) *pos = o->last_joined;
}

/* The person cluster a lone word names: its surname (or first word, for
 * surname-first names, which then become known as such), preferring the
 * one mentioned most before mention mi, then the most recent. *unique
 * tells whether there was only one candidate. */
static int by_surname(coref *c, size_t mi, int *unique)
{
    const char *key = c->mkey[mi];
    size_t len = c->mkey_len[mi];
    int best = -1, count = 0, by_first = 0, given_only = 0;
    uint32_t best_pos = 0, best_seen = 0;
    /* surnames first; a first word ("Kim" of "Kim Jong Un") only when no
     * surname fits, so "Warhol" is Andy Warhol, not "Warhol Polaroid" */
    for (int pass = 0; pass < 2 && best < 0; pass++) {
        int head;
        if (pass == 1) {
            head = c->kt.keys[c->mkid[mi]].first;
        } else if (len >= 7) { /* variants too */
            int32_t bid = ng_coref_key_find(c, key, 2, NULL);
            head = bid >= 0 ? c->kt.keys[bid].block : -1;
        } else {
            head = c->kt.keys[c->mkid[mi]].surname;
        }
        for (int k = head; k >= 0;) {
            const cluster *o = &c->cl[k];
            int next = pass == 1 ? o->next_first : len >= 7 ? o->next_block : o->next_surname;
            int hit = pass == 0 ? strcmp(o->surname, key) == 0 ||
                                      (len >= 7 && strlen(o->surname) >= 7 &&
                                       ng_name_surname_variant(o->surname, key))
                                : first_word_names(c, o);
            if (hit) {
                if (hit == 1 && pass == 1) given_only++;
                count++;
                /* the most mentioned so far (the article's subject), then the
                 * latest, then the first made: "Mohamed" after "Ahmed Mohamed
                 * ... his father Mohamed El-Hassan Mohamed" is still the boy */
                uint32_t seen, pos;
                salience(c, k, mi, &seen, &pos);
                if (best < 0 || seen > best_seen || (seen == best_seen && pos > best_pos) ||
                    (seen == best_seen && pos == best_pos && k < best)) {
                    best = k;
                    best_pos = pos;
                    best_seen = seen;
                }
            }
            k = next;
        }
        by_first = pass == 1;
    }
    *unique = count == 1;
    if (best >= 0 && by_first) {
        if (given_only && count > 1) return -1; /* "John" with two Johns: nobody */
        if (first_word_names(c, &c->cl[best]) == 2) c->cl[best].surname_first = 1;
    }
    return best;
}

/* Groups the mentions clusters have after passes 1 and 2, in text order,
 * for salience(). */
static int index_full_names(coref *c)
{
    size_t n = c->ex->nmentions, off = 0;
    for (size_t k = 0; k < c->ncl; k++) c->cl[k].p1_n = 0;
    for (size_t i = 0; i < n; i++)
        if (c->of[i] >= 0) c->cl[c->of[i]].p1_n++;
    for (size_t k = 0; k < c->ncl; k++) {
        c->cl[k].p1_off = (uint32_t)off;
        off += c->cl[k].p1_n;
        c->cl[k].p1_n = 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (c->of[i] < 0) continue;
        cluster *k = &c->cl[c->of[i]];
        c->p1[k->p1_off + k->p1_n++] = (uint32_t)i;
    }
    return 0;
}

/* "the Court" after "the Supreme Court": a capitalised head noun alone,
 * after "the", is the most recent organisation whose name ends with it. */
static int by_head(const coref *c, size_t mi)
{
    const ng_mention *m = &c->ex->mentions[mi];
    const char *key = c->mkey[mi];
    size_t len = c->mkey_len[mi];
    if (m->start < 4 || strncasecmp(c->text + m->start - 4, "the ", 4) != 0) return -1;
    /* a head noun refers to something recent: look back a bounded way */
    for (size_t j = mi, looked = 0; j-- > 0 && looked++ < 2000;) {
        int k = c->of[j];
        if (k < 0 || c->cl[k].words < 2 || c->cl[k].surname) continue;
        size_t kl = strlen(c->cl[k].key);
        if (kl > len && c->cl[k].key[kl - len - 1] == ' ' && strcmp(c->cl[k].key + kl - len, key) == 0)
            return k;
    }
    return -1;
}

/* Pass 3: one-word names. An acronym goes to the organisation defining
 * it or bearing its initials; a known key to its cluster; a lone word to
 * the person it is the surname of (persons, and words the mention finder
 * could not type with confidence, i.e. not gazetteer places or
 * institutions); anything else starts a cluster. */
static int pass_short_names(coref *c)
{
    ng_extraction *ex = c->ex;
    /* clusters get acronyms in pass 2 only (those made here have none):
     * an acronym is looked for among the clusters [acr_lo, acr_hi) */
    size_t acr_lo = 0, acr_hi = 0;
    for (size_t k = 0; k < c->ncl; k++)
        if (c->cl[k].acronym[0]) {
            if (acr_hi == 0)
                acr_lo = k;
            acr_hi = k + 1;
        }
    for (size_t i = 0; i < ex->nmentions; i++) {
        const ng_mention *m = &ex->mentions[i];
        if (m->kind != NG_KIND_NAME || c->of[i] >= 0) continue;
        const char *key = c->mkey[i];
        if (!key[0]) continue;
        int ci = -1;
        /* the same span has the same name: its acronym and classes once */
        coref_span *sp = &c->kt.spans[c->mspan[i]];
        if (!sp->short_known) {
            uint32_t ns = c->name_start[i];
            sp->is_acr = ng_name_acronym(c->text + ns, m->end - ns, sp->acr) != 0;
            /* the classes matter for acronyms and for names not of
             * persons only; a span's mentions share their person-ness (the
             * span's kind), so a person's plain name is not looked up */
            sp->cls = c->gaz && (sp->is_acr || m->type != NG_TYPE_PERSON)
                          ? ng_gazetteer_classes(c->gaz, c->text + ns, m->end - ns)
                          : 0;
            sp->short_known = 1;
        }
        const char *acr = sp->acr;
        int is_acr = sp->is_acr;
        uint32_t cls = sp->cls;
        if (is_acr) {
            for (size_t k = acr_lo; k < acr_hi && ci < 0; k++)
                if (c->cl[k].acronym[0] == acr[0] && strcmp(c->cl[k].acronym, acr) == 0) ci = (int)k;
            /* "US" is the country, whatever else in the text has initials U, S
             * (only countries: "NIS" is also the city of Niš, case aside) */
            if (ci < 0 && !(cls & NG_GAZ_COUNTRY))
                ci = ng_coref_by_initials(c, acr, m->type);
        }
        if (ci < 0 && m->type != NG_TYPE_PERSON && (cls & NG_GAZ_ORG_HEAD)) ci = by_head(c, i);
        if (ci < 0) ci = c->kt.keys[c->mkid[i]].cluster;
        /* an organisation's acronym ("ISIL") is no one's surname */
        if (ci < 0 && (m->type == NG_TYPE_PERSON || (!is_acr && !(cls & (NG_GAZ_PLACE | NG_GAZ_INSTITUTION))))) {
            int unique;
            ci = by_surname(c, i, &unique);
            /* an unambiguous surname also names the person for later lone mentions */
            if (ci >= 0 && unique) c->kt.keys[c->mkid[i]].cluster = ci;
        }
        if (ci < 0 && (ci = new_cluster(c, (uint32_t)i)) < 0) return ci;
        join(c, (uint32_t)i, ci);
        c->cl[ci].joined++;
        c->cl[ci].last_joined = (uint32_t)i + 1;
    }
    return 0;
}

/* Whether a demonym is used as an adjective, before a word ("North
 * Korean troops"), rather than alone as a noun (a language, a people). */
static int adjective(const coref *c, const ng_mention *m)
{
    const char *p = c->text + m->end, *end = c->text + c->ex->doc->len;
    if (p >= end || *p != ' ') return 0;
    while (p < end && *p == ' ') p++;
    if (p >= end) return 0;
    unsigned char ch = (unsigned char)*p;
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch >= 0xC0;
}

/* Pass 4: a demonym ("North Korean troops") is a mention of its country;
 * the country's entity is made when the text never names it. */
static int pass_demonyms(coref *c)
{
    ng_extraction *ex = c->ex;
    for (size_t i = 0; i < ex->nmentions; i++) {
        const ng_mention *m = &ex->mentions[i];
        if (m->kind != NG_KIND_DEMONYM || !c->gaz) continue;
        /* a demonym written before: its country and key looked up once */
        const char *s = c->text + m->start;
        uint32_t n = m->end - m->start, h;
        const coref_span *sp = ng_coref_span_find(c, s, n, SLOT_DEMONYM, &h);
        const char *name = NULL;
        int32_t kid = -1;
        if (sp) {
            if (sp->name_off != UINT32_MAX) name = ng_gazetteer_country_name(c->gaz, (int)sp->name_off);
            kid = sp->key;
        } else {
            int id = ng_gazetteer_country(c->gaz, s, n);
            name = id >= 0 ? ng_gazetteer_country_name(c->gaz, id) : NULL;
            if (name && (kid = name_key(c, name, strlen(name))) < 0) return NG_ENOMEM;
            if (ng_coref_span_add(c, s, n, SLOT_DEMONYM, h, name ? (uint32_t)id : UINT32_MAX, kid) < 0)
                return NG_ENOMEM;
        }
        if (!name) continue;
        int ci = c->kt.keys[kid].cluster;
        if (ci < 0) {
            /* "speak Ukrainian, English, or Russian": a language, not the
             * country; it joins a country the text names but makes none */
            if (!adjective(c, m)) continue;
            set_key(c, i, kid);
            if ((ci = new_cluster(c, (uint32_t)i)) < 0) return ci;
            c->cl[ci].name = name;
        }
        c->of[i] = ci;
        coref_count_type(&c->cl[ci], NG_TYPE_PLACE);
    }
    return 0;
}

static int role_score(const ng_role *r) { return (r->country >= 0) * 2 + (r->qual[0] != 0); }

/* Pass 5: apposition gives persons their role; the most specific one
 * (with a country, then with a qualifier) is kept. */
static void pass_roles(coref *c)
{
    ng_extraction *ex = c->ex;
    if (!c->gaz) return;
    for (size_t i = 0; i < ex->nmentions; i++) {
        const ng_mention *m = &ex->mentions[i];
        if (m->kind != NG_KIND_NAME || c->of[i] < 0) continue;
        cluster *k = &c->cl[c->of[i]];
        if (m->type != NG_TYPE_PERSON && !k->surname) continue;
        ng_word w[MAX_WORDS];
        ng_role r;
        size_t n = ng_role_words(c->gaz, c->text, m->start, c->name_start[i], w, MAX_WORDS);
        if (!n || !ng_role_parse(c->gaz, w, n, &r) || r.former) continue;
        if (role_score(&r) > k->role_score) {
            k->role = r;
            k->role_score = role_score(&r);
        }
    }
}

/* Where each mention's name starts and its key: a name span written
 * before is looked up, not worked out again. */
static int prepare_mentions(coref *c)
{
    ng_extraction *ex = c->ex;
    for (size_t i = 0; i < ex->nmentions; i++) {
        const ng_mention *m = &ex->mentions[i];
        c->of[i] = -1;
        c->name_start[i] = m->start;
        if (m->kind != NG_KIND_NAME) { /* only names are matched by key */
            c->mkid[i] = -1;
            c->mkey[i] = "";
            c->mkey_len[i] = c->mwords[i] = 0;
            continue;
        }
        const char *s = c->text + m->start;
        uint32_t n = m->end - m->start;
        uint32_t kind = m->type == NG_TYPE_PERSON ? SLOT_SPAN_PERSON : SLOT_SPAN;
        uint32_t h;
        const coref_span *sp = ng_coref_span_find(c, s, n, kind, &h);
        int32_t id;
        if (sp) {
            c->name_start[i] = m->start + sp->name_off;
            id = sp->key;
            c->mspan[i] = (uint32_t)(sp - c->kt.spans);
        } else {
            if (kind == SLOT_SPAN_PERSON) c->name_start[i] = skip_titles(c, m);
            uint32_t off = c->name_start[i] - m->start;
            if ((id = name_key(c, s + off, n - off)) < 0 ||
                ng_coref_span_add(c, s, n, kind, h, off, id) < 0)
                return NG_ENOMEM;
            c->mspan[i] = c->kt.nspans - 1;
        }
        set_key(c, i, id);
    }
    return 0;
}

int ng_coref_document(const ng_gazetteer *gaz, ng_extraction *ex, ng_error *err)
{
    coref c = {.gaz = gaz, .ex = ex, .text = ex->doc->text};
    int rc = NG_ENOMEM;
    size_t n = ex->nmentions;
    /* a cluster starts at a name or demonym mention: room for all of them
     * at once, so new_cluster never copies the clusters made so far */
    size_t need = 0;
    for (size_t i = 0; i < n; i++)
        need += ex->mentions[i].kind == NG_KIND_NAME || ex->mentions[i].kind == NG_KIND_DEMONYM;
    if (ng_coref_keys_begin(&c, n, need) < 0) goto cleanup;
    if (need > c.capcl) {
        cluster *p = realloc(c.cl, need * sizeof *p);
        if (!p) goto cleanup;
        c.cl = p;
        c.capcl = need;
    }
    if ((rc = prepare_mentions(&c)) < 0 || (rc = pass_full_names(&c)) < 0 ||
        (rc = ng_coref_pass_acronyms(&c)) < 0 || (rc = index_full_names(&c)) < 0 ||
        (rc = pass_short_names(&c)) < 0 || (rc = pass_demonyms(&c)) < 0)
        goto cleanup;
    pass_roles(&c);
    if ((rc = ng_coref_build_entities(&c)) < 0) goto cleanup;
    /* descriptors last: they lean on the roles the entities now carry */
    for (size_t i = 0; i < n; i++) {
        if (ex->mentions[i].kind != NG_KIND_DESCRIPTOR || ex->mentions[i].entity >= 0) continue;
        int e = ng_coref_descriptor(gaz, ex, ex->mentions[i].start, ex->mentions[i].end);
        if (e < -1) {
            rc = e;
            goto cleanup;
        }
        ex->mentions[i].entity = e;
    }
    rc = 0;
cleanup:
    free(c.initials_of);
    ng_coref_keys_end(&c, n);
    if (rc < 0)
        return ng_error_set(err, rc, "%s: out of memory in coreference", ex->doc->path ? ex->doc->path : "-");
    return 0;
}
