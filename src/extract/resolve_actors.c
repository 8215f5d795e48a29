/* resolve_actors.c - clusters of records become actors: a type by
 * majority, a canonical label, every other surface form as an alias, the
 * documents, and an id that is the slug of the label (made unique).
 * A record stands for all its local entities: its counts weigh as theirs
 * did one by one. */
#include "resolve_internal.h"

#include "resolve_names.h"
#include "strmap.h"

#include "thread_memo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A surface form of a cluster, weighted by the mentions of the records
 * that have it. */
typedef struct form {
    uint32_t text;    /* string id */
    uint32_t records; /* mentions behind it */
    uint32_t words;
    uint8_t is_name;  /* a record's name (label candidate), not only an alias */
    uint8_t well_formed;
} form;

typedef struct member {
    uint32_t root, rec;
} member;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Written like a name: every word capitalised but the short linking words
 * names keep ("Republic of Tuva", "Ursula von der Leyen"); "kyiv" is a
 * slip for "Kyiv", and "Kursk region" a name with a common noun after it. */
static int well_formed(const char *s)
{
    static const char *const linking[] = {"of", "the", "and", "de", "des", "du", "da", "del", "der",
                                          "den", "di", "la", "le", "van", "von", "al", "el", "bin",
                                          "ibn", "y", "e", "in", "on", "for"};
    for (const char *p = s; *p;) {
        while (*p == ' ') p++;
        const char *w = p;
        while (*p && *p != ' ') p++;
        if (p == w || !(*w >= 'a' && *w <= 'z')) continue;
        size_t n = (size_t)(p - w), ok = 0;
        for (size_t i = 0; i < sizeof linking / sizeof *linking && !ok; i++)
            ok = strlen(linking[i]) == n && memcmp(linking[i], w, n) == 0;
        if (!ok || w == s) return 0;
    }
    return 1;
}

/* Better label: well-formed, then more words (the fullest name), then
 * more mentions behind it, then the smaller string (any fixed order). */
static int better_label(const ng_resolver *r, const form *a, const form *b)
{
    if (a->well_formed != b->well_formed) return a->well_formed;
    if (a->words != b->words) return a->words > b->words;
    if (a->records != b->records) return a->records > b->records;
    return strcmp(ng_rtext(r, a->text), ng_rtext(r, b->text)) < 0;
}

/* Words of a key that are more than an initial: "K. Peters" is less
 * full than "Karl Peters". */
static uint32_t full_words(const char *key)
{
    uint32_t n = 0;
    for (const char *p = key; *p;) {
        while (*p == ' ') p++;
        const char *w = p;
        while (*p && *p != ' ') p++;
        n += p - w >= 2;
    }
    return n;
}

/* The forms of the cluster being filled, found by string id: at[id] is
 * the form's index while stamp[id] is the cluster's number. */
typedef struct forms {
    form *v;
    size_t n, cap;
    uint32_t *at, *stamp, *full_words; /* per string; full_words NG_RNONE until known */
    uint32_t cluster;
} forms;

static int add_form(forms *f, uint32_t text, int is_name, uint32_t weight)
{
    if (f->stamp[text] == f->cluster) {
        form *x = &f->v[f->at[text]];
        x->records += weight;
        x->is_name |= (uint8_t)is_name;
        return 0;
    }
    if (f->n == f->cap) {
        size_t c = f->cap ? f->cap * 2 : 16;
        form *p = realloc(f->v, c * sizeof *p);
        if (!p) return NG_ENOMEM;
        f->v = p;
        f->cap = c;
    }
    f->stamp[text] = f->cluster;
    f->at[text] = (uint32_t)f->n;
    f->v[f->n++] = (form){text, weight, 0, (uint8_t)is_name, 0};
    return 0;
}

/* Words and well-formedness of form x, which only a label candidate (a
 * name) is compared by: an alias that is no record's name never needs them. */
static void describe_form(const ng_resolver *r, forms *f, form *x)
{
    const ng_rstr *s = &r->strs[x->text];
    if (f->full_words[x->text] == NG_RNONE) {
        if (s->key != NG_RNONE) { /* the key is interned already (ng_rstr_key) */
            f->full_words[x->text] = full_words(r->strs[s->key].text);
        } else {
            char key[NG_NAME_MAX];
            ng_name_key(s->text, s->len, key, sizeof key);
            f->full_words[x->text] = full_words(key);
        }
    }
    x->words = f->full_words[x->text];
    x->well_formed = (uint8_t)well_formed(s->text);
}

/* Fills actor a from the records m[0..n) of one cluster; *label is the
 * string id of its label. */
static int fill_actor(ng_resolver *r, ng_actor *a, const member *m, size_t n, forms *f, uint32_t *label)
{
    uint32_t type_mentions[NG_TYPE_COUNT] = {0};
    if (n == 1 && r->ids_only) {
        /* most clusters of one document are one record: its name is the
         * one label candidate (aliases and typo_of are not names) and its
         * type the majority (its weight is at least 1), as below */
        const ng_rrec *rec = &r->recs[m[0].rec];
        if (rec->name == NG_RNONE) return 1;
        a->mentions += rec->mentions;
        a->type = rec->type;
        *label = rec->name;
        a->label = (char *)ng_rtext(r, *label);
        return 0;
    }
    f->n = 0;
    f->cluster++;
    for (size_t k = 0; k < n; k++) {
        const ng_rrec *rec = &r->recs[m[k].rec];
        a->mentions += rec->mentions;
        type_mentions[rec->type] += rec->weight;
        if (rec->name != NG_RNONE && add_form(f, rec->name, 1, rec->weight) < 0) return NG_ENOMEM;
        if (rec->typo_of != NG_RNONE && add_form(f, rec->typo_of, 0, rec->count) < 0) return NG_ENOMEM;
        for (size_t j = 0; j < rec->naliases; j++)
            if (rec->aliases[j] != NG_RNONE && r->strs[rec->aliases[j]].len &&
                add_form(f, rec->aliases[j], 0, rec->count) < 0)
                return NG_ENOMEM;
    }
    a->type = 0;
    for (int t = 1; t < NG_TYPE_COUNT; t++)
        if (type_mentions[t] > type_mentions[a->type]) a->type = t;
    size_t best = f->n;
    for (size_t i = 0; i < f->n; i++) {
        if (!f->v[i].is_name) continue;
        describe_form(r, f, &f->v[i]);
        if (best == f->n || better_label(r, &f->v[i], &f->v[best])) best = i;
    }
    if (best == f->n) return 1; /* no name at all: nothing to call it */
    *label = f->v[best].text;
    a->label = (char *)ng_rtext(r, *label);
    if (r->ids_only) return 0; /* no aliases asked for */
    a->aliases = ng_arena_alloc(&r->arena, (f->n ? f->n : 1) * sizeof *a->aliases);
    if (!a->aliases) return NG_ENOMEM;
    for (size_t i = 0; i < f->n; i++)
        if (i != best) a->aliases[a->naliases++] = (char *)ng_rtext(r, f->v[i].text);
    if (a->naliases > 1) qsort(a->aliases, a->naliases, sizeof *a->aliases, cmp_str);
    return 0;
}

typedef struct slot {
    ng_actor actor;
    uint32_t root;
    uint32_t first;      /* where the cluster first occurs: the last tie-break */
    const char *surname; /* persons: surname key of the label's record, or NULL */
} slot;

static int cmp_slot(const void *a, const void *b)
{
    const slot *x = a, *y = b;
    int c = strcmp(x->actor.id, y->actor.id);
    if (c) return c;
    if ((c = strcmp(x->actor.label, y->actor.label))) return c;
    if (x->actor.type != y->actor.type) return x->actor.type < y->actor.type ? -1 : 1;
    if (x->actor.mentions != y->actor.mentions) return x->actor.mentions > y->actor.mentions ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

/* A slot in the sort of unique_ids: the first 8 bytes of its id
 * (big-endian, zeros after the NUL, so they order as strcmp does), then
 * cmp_slot when those are equal. */
typedef struct slot_key {
    uint64_t prefix;
    const slot *s;
} slot_key;

static inline int slot_less(const slot_key *x, const slot_key *y)
{
    return x->prefix != y->prefix ? x->prefix < y->prefix : cmp_slot(x->s, y->s) < 0;
}

/* Merge sort of v[0..n) by slot_less (tmp has room for n), the comparison
 * inlined: qsort of the slots, through a pointer and moving 80-byte
 * elements, was a quarter of building a document's actors in extract
 * --stream. cmp_slot is a total order over a run's slots (no two clusters
 * start at the same place), so any correct sort gives qsort's order. */
static void sort_slot_keys(slot_key *v, slot_key *tmp, size_t n)
{
    if (n <= 16) {
        for (size_t i = 1; i < n; i++) {
            slot_key x = v[i];
            size_t j = i;
            for (; j > 0 && slot_less(&x, &v[j - 1]); j--) v[j] = v[j - 1];
            v[j] = x;
        }
        return;
    }
    size_t h = n / 2, a = 0, b = h, k = 0;
    sort_slot_keys(v, tmp, h);
    sort_slot_keys(v + h, tmp, n - h);
    if (!slot_less(&v[h], &v[h - 1])) return; /* already in order */
    while (a < h && b < n) tmp[k++] = slot_less(&v[b], &v[a]) ? v[b++] : v[a++];
    while (a < h) tmp[k++] = v[a++];
    memcpy(v, tmp, k * sizeof *v); /* v[b..n) is in place */
}

/* Sorts s[0..n) by cmp_slot. 0 or NG_ENOMEM. */
static int sort_slots(slot *s, size_t n)
{
    slot_key *keys = malloc((2 * n + 1) * sizeof *keys);
    slot *out = malloc((n + 1) * sizeof *out);
    if (!keys || !out) {
        free(keys);
        free(out);
        return NG_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        const unsigned char *id = (const unsigned char *)s[i].actor.id;
        uint64_t p = 0;
        size_t k = 0;
        for (; k < 8 && id[k]; k++) p = p << 8 | id[k];
        p <<= 8 * (8 - k) % 64; /* k == 0 leaves p 0 */
        keys[i] = (slot_key){p, &s[i]};
    }
    sort_slot_keys(keys, keys + n, n);
    for (size_t i = 0; i < n; i++) out[i] = *keys[i].s;
    memcpy(s, out, n * sizeof *s);
    free(keys);
    free(out);
    return 0;
}

/* Slugs collide when distinct actors share a label up to case or
 * punctuation, or have labels in a script without romanisation; the later
 * ones in (slug, label, type, mentions) order get "-2", "-3", ... skipping
 * any id already taken. */
static int unique_ids(ng_resolver *r, slot *s, size_t n)
{
    ng_strmap taken;
    int rc = NG_ENOMEM;
    ng_strmap_init(&taken);
    if (sort_slots(s, n) < 0) goto cleanup;
    size_t dup = 1; /* the slugs are distinct unless two neighbours are equal */
    while (dup < n && strcmp(s[dup].actor.id, s[dup - 1].actor.id) != 0) dup++;
    if (dup >= n) { /* nothing renamed: the order stands */
        rc = 0;
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++)
        if (ng_strmap_put(&taken, s[i].actor.id, strlen(s[i].actor.id), 0) < 0) goto cleanup;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1, k = 2; /* s[i] keeps its slug; the rest of its run is renamed */
        for (; j < n && strcmp(s[j].actor.id, s[i].actor.id) == 0; j++) {
            char buf[NG_NAME_MAX + 24];
            do {
                snprintf(buf, sizeof buf, "%s-%zu", s[i].actor.id, k++);
            } while (ng_strmap_get(&taken, buf, strlen(buf), NULL));
            if (ng_strmap_put(&taken, buf, strlen(buf), 0) < 0) goto cleanup;
            if (!(s[j].actor.id = ng_arena_strndup(&r->arena, buf, strlen(buf)))) goto cleanup;
        }
        i = j;
    }
    if (sort_slots(s, n) < 0) goto cleanup;
    rc = 0;
cleanup:
    ng_strmap_free(&taken);
    return rc;
}

static int cmp_surname(const void *a, const void *b)
{
    const slot *x = *(const slot *const *)a, *y = *(const slot *const *)b;
    int c = strcmp(x->surname, y->surname);
    return c ? c : strcmp(x->actor.id, y->actor.id);
}

/* Adds the surname as written in the label ("Putin" for "Vladimir
 * Putin") to the aliases of a person when no other person actor of the
 * run has that surname: it is how the press refers to them afterwards,
 * and how a reader looks them up, even when this run only printed the
 * full name. */
static int surname_aliases(ng_resolver *r, slot *s, size_t n)
{
    slot **p = malloc((n + 1) * sizeof *p);
    size_t np = 0;
    if (!p) return NG_ENOMEM;
    for (size_t i = 0; i < n; i++)
        if (s[i].surname) p[np++] = &s[i];
    qsort(p, np, sizeof *p, cmp_surname);
    for (size_t i = 0; i < np; i++) {
        if ((i > 0 && strcmp(p[i - 1]->surname, p[i]->surname) == 0) ||
            (i + 1 < np && strcmp(p[i + 1]->surname, p[i]->surname) == 0))
            continue;
        ng_actor *a = &p[i]->actor;
        const char *w = a->label, *hit = NULL;
        size_t hlen = 0;
        while (*w && !hit) {
            const char *e = strchr(w, ' ');
            size_t len = e ? (size_t)(e - w) : strlen(w);
            char key[NG_NAME_MAX];
            ng_name_key(w, len, key, sizeof key);
            if (strcmp(key, p[i]->surname) == 0) {
                hit = w;
                hlen = len;
            }
            w = e ? e + 1 : w + len;
        }
        int have = 0;
        for (size_t k = 0; hit && k < a->naliases && !have; k++)
            have = strlen(a->aliases[k]) == hlen && memcmp(a->aliases[k], hit, hlen) == 0;
        if (!hit || have || hlen < 3) continue; /* "Un" of "Kim Jong Un" is no name alone */
        char **al = ng_arena_alloc(&r->arena, (a->naliases + 1) * sizeof *al);
        char *str = ng_arena_strndup(&r->arena, hit, hlen);
        if (!al || !str) {
            free(p);
            return NG_ENOMEM;
        }
        if (a->naliases) memcpy(al, a->aliases, a->naliases * sizeof *al);
        al[a->naliases++] = str;
        a->aliases = al;
        qsort(a->aliases, a->naliases, sizeof *a->aliases, cmp_str);
    }
    free(p);
    return 0;
}

/* Members of the clusters, by (root, record): a counting sort, as roots
 * are record indices. */
static member *members(ng_resolver *r, size_t *count, size_t *clusters)
{
    uint32_t *start = calloc(r->nrecs + 2, sizeof *start);
    member *m = malloc((r->nrecs + 1) * sizeof *m);
    size_t nm = 0;
    if (!start || !m) {
        free(start);
        free(m);
        return NULL;
    }
    ng_rroots(r);
    for (size_t i = 0; i < r->nrecs; i++) {
        if (r->recs[i].name == NG_RNONE && !r->bound[i]) continue;
        *clusters += start[r->root[i] + 1]++ == 0;
        nm++;
    }
    for (size_t i = 0; i < r->nrecs; i++) start[i + 1] += start[i];
    for (size_t i = 0; i < r->nrecs; i++)
        if (r->recs[i].name != NG_RNONE || r->bound[i]) /* unbound descriptors are dropped */
            m[start[r->root[i]]++] = (member){r->root[i], (uint32_t)i};
    free(start);
    *count = nm;
    return m;
}

/* ng_name_slug of labels, per thread and kept across runs (it is a pure
 * function of the label): extract --stream resolves every document on its
 * own and slugs the same labels again and again. Direct-mapped by the
 * label's hash; longer labels and slugs are not kept. */
#define SLUG_MEMO_SLOTS 2048
#define SLUG_MEMO_TEXT 40
#define SLUG_MEMO_SLUG 64

typedef struct slug_memo_slot {
    uint32_t len;      /* label length + 1, 0 empty */
    uint32_t slug_len;
    char text[SLUG_MEMO_TEXT];
    char slug[SLUG_MEMO_SLUG];
} slug_memo_slot;

static ng_thread_memo slug_memo_block = NG_THREAD_MEMO(SLUG_MEMO_SLOTS * sizeof(slug_memo_slot), NULL);
static _Thread_local slug_memo_slot *slug_memo; /* this thread's block */

/* ng_name_slug of string t, from its key when that is interned already
 * (ng_rstr_key): the key is most of the work of a slug. */
static size_t slug_of(const ng_resolver *r, const ng_rstr *t, char *out)
{
    if (t->key != NG_RNONE && strlen(t->text) == t->len) {
        const ng_rstr *key = &r->strs[t->key];
        return ng_name_slug_of_key(key->text, key->len, out, NG_NAME_MAX);
    }
    return ng_name_slug(t->text, out, NG_NAME_MAX);
}

/* ng_name_slug of string id label into out (cap NG_NAME_MAX). */
static size_t label_slug(const ng_resolver *r, uint32_t label, char *out)
{
    const ng_rstr *t = &r->strs[label];
    if (!slug_memo)
        slug_memo = ng_thread_memo_get(&slug_memo_block, NULL);
    if (t->len > SLUG_MEMO_TEXT || !slug_memo) return slug_of(r, t, out);
    slug_memo_slot *m = &slug_memo[t->hash & (SLUG_MEMO_SLOTS - 1)];
    if (m->len == t->len + 1 && memcmp(m->text, t->text, t->len) == 0) {
        memcpy(out, m->slug, m->slug_len + 1);
        return m->slug_len;
    }
    size_t n = slug_of(r, t, out);
    if (n < SLUG_MEMO_SLUG) {
        m->len = t->len + 1;
        memcpy(m->text, t->text, t->len);
        m->slug_len = (uint32_t)n;
        memcpy(m->slug, out, n + 1);
    }
    return n;
}

int ng_ractors_build(ng_resolver *r)
{
    int rc = NG_ENOMEM;
    size_t nm = 0, ns = 0, nclusters = 0;
    member *m = members(r, &nm, &nclusters);
    r->rec_actor = malloc((r->nrecs + 1) * sizeof *r->rec_actor);
    slot *s = malloc((nclusters + 1) * sizeof *s); /* each filled in full below */
    int32_t *root_actor = malloc((r->nrecs + 1) * sizeof *root_actor);
    forms f = {NULL, 0, 0, ng_rstr_memo(r, 0), ng_rstr_memo(r, 0), ng_rstr_memo(r, NG_RNONE), 0};
    if (!m || !s || !root_actor || !r->rec_actor || !f.at || !f.stamp || !f.full_words) goto cleanup;
    for (size_t i = 0; i < r->nrecs; i++) r->rec_actor[i] = root_actor[i] = -1;
    for (size_t i = 0; i < nm;) {
        size_t j = i;
        while (j < nm && m[j].root == m[i].root) j++;
        slot *sl = &s[ns];
        memset(sl, 0, sizeof *sl);
        sl->root = m[i].root;
        sl->first = r->recs[m[i].root].first; /* a root occurs first in its cluster */
        uint32_t label = NG_RNONE;
        int got = fill_actor(r, &sl->actor, m + i, j - i, &f, &label);
        if (got < 0) goto cleanup;
        if (got == 0) {
            /* the records written like the label must agree on its surname
             * ("Kim Jong Un": "Kim" where the text says "Kim" alone, "Un" by default) */
            int agree = 1;
            uint32_t surname = NG_RNONE;
            for (size_t k = i; k < j && sl->actor.type == NG_TYPE_PERSON && agree; k++) {
                const ng_rrec *rec = &r->recs[m[k].rec];
                if (rec->name != label) continue;
                const ng_rstr *sn = &r->strs[rec->surname];
                if (!r->strs[rec->given].len || !sn->len || memchr(sn->text, ' ', sn->len) ||
                    (surname != NG_RNONE && surname != rec->surname))
                    agree = 0;
                surname = rec->surname;
            }
            sl->surname = agree && surname != NG_RNONE ? ng_rtext(r, surname) : NULL;
            char slug[NG_NAME_MAX];
            size_t len = label_slug(r, label, slug);
            const char *id = len ? slug : ng_entity_type_name(sl->actor.type);
            sl->actor.id = ng_arena_strndup(&r->arena, id, strlen(id));
            if (!sl->actor.id) goto cleanup;
            ns++;
        }
        i = j;
    }
    if (unique_ids(r, s, ns) < 0 || (!r->ids_only && surname_aliases(r, s, ns) < 0)) goto cleanup;
    r->actors = malloc((ns + 1) * sizeof *r->actors);
    if (!r->actors) goto cleanup;
    for (size_t i = 0; i < ns; i++) {
        r->actors[i] = s[i].actor;
        root_actor[s[i].root] = (int32_t)i;
    }
    r->nactors = ns;
    for (size_t i = 0; i < nm; i++) r->rec_actor[m[i].rec] = root_actor[m[i].root];
    rc = 0;
cleanup:
    free(m);
    free(s);
    free(root_actor);
    free(f.v);
    free(f.at);
    free(f.stamp);
    free(f.full_words);
    return rc;
}
