/* mentions_evidence.c - per-document scratch state of mention finding:
 * the gazetteer classes of every token and what the document itself says
 * about each word ("this word appears lowercase elsewhere", "this word is
 * the surname of a person named earlier"). That evidence is what lets a
 * capitalised sentence-initial "Following" be dropped and a lone "Peskov"
 * be typed person without any list of names. */
#include "mentions.h"

#include "newsgraph/error.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define PHRASE_MAX 128

/* The gazetteer's hash of the case-folded word: computed once per token,
 * it serves the evidence table and the gazetteer probe. */
static uint32_t fold_hash(const char *s, size_t n)
{
    return ng_gazetteer_hash(s, n);
}

int ng_mscan_same_folded(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z')
            x += 32;
        if (y >= 'A' && y <= 'Z')
            y += 32;
        if (x != y)
            return 0;
    }
    return 1;
}

/* Finds the slot of the word w[0..n) (an empty slot if absent). A slot
 * spells its word as token tok without its first skip bytes. */
static ng_ev_slot *ev_find_hashed(const ng_mscan *s, const char *w, size_t n, uint32_t h)
{
    size_t j = h & (s->ev_cap - 1);
    for (;;) {
        ng_ev_slot *e = &s->ev[j];
        if (!e->hash)
            return e;
        const ng_token *o = &s->tok[e->tok];
        if (e->hash == h && o->end - o->start - e->skip == n &&
            ng_mscan_same_folded(s->text + o->start + e->skip, w, n))
            return e;
        j = (j + 1) & (s->ev_cap - 1);
    }
}

static ng_ev_slot *ev_find(const ng_mscan *s, const char *w, size_t n)
{
    return ev_find_hashed(s, w, n, fold_hash(w, n));
}

static ng_ev_slot *ev_slot(const ng_mscan *s, uint32_t i)
{
    const ng_token *t = &s->tok[i];
    return ev_find(s, s->text + t->start, t->end - t->start);
}

uint32_t ng_mscan_evidence(const ng_mscan *s, uint32_t i)
{
    if (!(s->tok[i].flags & NG_TOK_WORD))
        return 0;
    return ev_slot(s, i)->flags;
}

void ng_mscan_note(ng_mscan *s, uint32_t i, uint32_t flags)
{
    ng_mscan_note_part(s, i, 0, flags);
}

void ng_mscan_note_part(ng_mscan *s, uint32_t i, uint32_t skip, uint32_t flags)
{
    const ng_token *t = &s->tok[i];
    if (!(t->flags & NG_TOK_WORD) || skip >= t->end - t->start || skip > 255)
        return;
    const char *w = s->text + t->start + skip;
    size_t n = t->end - t->start - skip;
    ng_ev_slot *e = ev_find(s, w, n);
    if (!e->hash) {
        e->hash = fold_hash(w, n);
        e->tok = i;
        e->skip = (uint8_t)skip;
    }
    e->flags |= flags;
}

void ng_mscan_vote(ng_mscan *s, uint32_t i, int type)
{
    ng_mscan_note(s, i, 0);
    ng_ev_slot *e = ev_slot(s, i);
    if (type >= 0 && type < NG_TYPE_COUNT && e->votes[type] < UINT16_MAX)
        e->votes[type]++;
}

int ng_mscan_majority(const ng_mscan *s, uint32_t i)
{
    const ng_ev_slot *e = ev_slot(s, i);
    int best = -1, tie = 0;
    for (int t = 0; t < NG_TYPE_COUNT; t++) {
        if (!e->votes[t])
            continue;
        if (best < 0 || e->votes[t] > e->votes[best]) {
            best = t;
            tie = 0;
        } else if (e->votes[t] == e->votes[best]) {
            tie = 1;
        }
    }
    return tie ? -1 : best;
}

/* Capitals are forced at the start of a sentence, after an opening quote
 * or a colon, and everywhere in a headline: there they say nothing. */
static int forced_capital(const ng_mscan *s, uint32_t i)
{
    uint32_t f = s->tok[i].flags;
    if (f & (NG_TOK_SENT_START | NG_TOK_HEADLINE | NG_TOK_PARA_START))
        return 1;
    if (i == 0)
        return 1;
    const ng_token *p = &s->tok[i - 1];
    if (p->flags & NG_TOK_OPEN)
        return 1;
    if (p->flags & NG_TOK_PUNCT) {
        char c = s->text[p->start];
        return c == ':' || c == '(' || c == '-' || (unsigned char)c == 0xe2; /* dashes */
    }
    return 0;
}

/* Per-thread scratch of ng_mscan_init: the evidence table, class array
 * and candidate array of the last document are kept for the next one
 * instead of freed, so a worker does not calloc fresh pages (which the
 * kernel faults in and zeroes) for every document. Only documents whose
 * table fits SCRATCH_MAX_SLOTS use it, so what a thread keeps stays
 * small; it is freed when the thread exits. */
#define SCRATCH_MAX_SLOTS ((size_t)1 << 16)

typedef struct ev_scratch {
    ng_ev_slot *ev;
    uint32_t *cls;
    ng_cand *cand;
    size_t cand_cap;
    int busy; /* lent to an ng_mscan */
} ev_scratch;

static pthread_key_t scratch_key;
static int scratch_key_ok;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;

static void scratch_free(void *p)
{
    ev_scratch *sc = p;
    free(sc->ev);
    free(sc->cls);
    free(sc->cand);
    free(sc);
}

static void scratch_key_init(void)
{
    scratch_key_ok = pthread_key_create(&scratch_key, scratch_free) == 0;
}

/* This thread's scratch, created on first use; NULL when it cannot be had
 * (the caller then allocates as usual). */
static ev_scratch *scratch_get(void)
{
    pthread_once(&scratch_once, scratch_key_init);
    if (!scratch_key_ok)
        return NULL;
    ev_scratch *sc = pthread_getspecific(scratch_key);
    if (sc)
        return sc;
    if (!(sc = calloc(1, sizeof *sc)))
        return NULL;
    sc->ev = malloc(SCRATCH_MAX_SLOTS * sizeof *sc->ev);
    sc->cls = malloc(SCRATCH_MAX_SLOTS / 3 * sizeof *sc->cls);
    if (!sc->ev || !sc->cls || pthread_setspecific(scratch_key, sc) != 0) {
        scratch_free(sc);
        return NULL;
    }
    return sc;
}

/* Takes the evidence table (cap slots) and class array from the thread's
 * scratch when they fit; 0 when s must allocate its own. */
static int scratch_lend(ng_mscan *s, size_t cap)
{
    if (cap > SCRATCH_MAX_SLOTS || s->ntok > SCRATCH_MAX_SLOTS / 3)
        return 0;
    ev_scratch *sc = scratch_get();
    if (!sc || sc->busy)
        return 0;
    sc->busy = 1;
    s->ev = sc->ev;
    memset(s->ev, 0, cap * sizeof *s->ev);
    s->cls = sc->cls;
    memset(s->cls, 0, (s->ntok ? s->ntok : 1) * sizeof *s->cls);
    s->cand = sc->cand;
    s->cand_cap = sc->cand_cap;
    return 1;
}

int ng_mscan_init(ng_mscan *s, const ng_gazetteer *gaz, const ng_extraction *ex)
{
    memset(s, 0, sizeof *s);
    s->gaz = gaz;
    s->text = ex->doc->text;
    s->tok = ex->text.tokens;
    s->ntok = ex->text.ntokens;
    size_t cap = 64;
    while (cap < s->ntok * 3) /* words, plus surnames without "al-": load <= 2/3 */
        cap *= 2;
    s->ev_cap = cap;
    if (!scratch_lend(s, cap)) {
        s->ev = calloc(cap, sizeof *s->ev);
        s->cls = calloc(s->ntok ? s->ntok : 1, sizeof *s->cls);
        if (!s->ev || !s->cls) {
            ng_mscan_free(s);
            return NG_ENOMEM;
        }
    }
    /* Hash every word first (kept in cls until its classes replace it)
     * and hint the gazetteer, so the cache misses of its probes overlap. */
    for (uint32_t i = 0; i < s->ntok; i++) {
        const ng_token *t = &s->tok[i];
        if (!(t->flags & NG_TOK_WORD))
            continue;
        s->cls[i] = fold_hash(s->text + t->start, t->end - t->start);
        ng_gazetteer_prefetch(gaz, s->cls[i]);
    }
    /* One gazetteer lookup per distinct word, not per token: the slot of
     * a word remembers its classes ("the", "said" and a surname repeat). */
    for (uint32_t i = 0; i < s->ntok; i++) {
        const ng_token *t = &s->tok[i];
        if (!(t->flags & NG_TOK_WORD))
            continue;
        const char *w = s->text + t->start;
        size_t n = t->end - t->start;
        uint32_t h = s->cls[i];
        ng_ev_slot *e = ev_find_hashed(s, w, n, h);
        if (!e->hash) {
            e->hash = h;
            e->tok = i;
            e->cls = ng_gazetteer_word_classes(gaz, w, n, h);
        }
        s->cls[i] = e->cls;
        uint32_t ev = 0;
        if (!(t->flags & NG_TOK_CAP) && !(t->flags & NG_TOK_DIGIT))
            ev = NG_EV_LOWER;
        else if ((t->flags & NG_TOK_CAP) && !forced_capital(s, i) &&
                 !((t->flags & NG_TOK_ALLCAPS) && t->end - t->start > 1 &&
                   (s->cls[i] & NG_GAZ_COMMON)))
            ev = NG_EV_CAP_MID;
        e->flags |= ev;
    }
    return 0;
}

void ng_mscan_free(ng_mscan *s)
{
    ev_scratch *sc = s->ev && scratch_key_ok ? pthread_getspecific(scratch_key) : NULL;
    if (sc && sc->busy && s->ev == sc->ev) {
        sc->cand = s->cand; /* ng_mscan_add may have grown it */
        sc->cand_cap = s->cand_cap;
        sc->busy = 0;
    } else {
        free(s->cls);
        free(s->ev);
        free(s->cand);
    }
    memset(s, 0, sizeof *s);
}

int ng_mscan_add(ng_mscan *s, uint32_t tb, uint32_t te, int type, int kind, int hint)
{
    if (tb >= te)
        return 0;
    if (s->ncand == s->cand_cap) {
        size_t cap = s->cand_cap ? s->cand_cap * 2 : 64;
        ng_cand *c = realloc(s->cand, cap * sizeof *c);
        if (!c)
            return NG_ENOMEM;
        s->cand = c;
        s->cand_cap = cap;
    }
    s->cand[s->ncand++] = (ng_cand){tb, te, (uint8_t)type, (uint8_t)kind, (uint8_t)hint, 0, 0};
    return 0;
}

/* Joins tokens [b, e) with single spaces into buf; returns the length or
 * 0 when it does not fit. Tokens that touch ("U.S.-led") are joined as
 * written. */
static size_t join_tokens(const ng_mscan *s, uint32_t b, uint32_t e, char *buf)
{
    size_t k = 0;
    for (uint32_t i = b; i < e; i++) {
        const ng_token *t = &s->tok[i];
        size_t n = t->end - t->start;
        int space = i > b && s->tok[i - 1].end < t->start;
        if (k + n + (size_t)space > PHRASE_MAX)
            return 0;
        if (space)
            buf[k++] = ' ';
        memcpy(buf + k, s->text + t->start, n);
        k += n;
    }
    return k;
}

uint32_t ng_mscan_phrase(const ng_mscan *s, uint32_t b, uint32_t e)
{
    if (e == b + 1)
        return s->cls[b];
    char buf[PHRASE_MAX];
    size_t n = join_tokens(s, b, e, buf);
    return n ? ng_gazetteer_classes(s->gaz, buf, n) : 0;
}

/* Phrases are at most 6 words; the PREFIX bit stops the search early, so
 * this costs one lookup for most tokens. */
uint32_t ng_mscan_longest(const ng_mscan *s, uint32_t b, uint32_t lim, uint32_t want,
                          uint32_t *cls)
{
    uint32_t best = 0, best_cls = 0;
    for (uint32_t e = b + 1; e <= lim && e <= b + 6; e++) {
        if (!(s->tok[e - 1].flags & NG_TOK_WORD))
            break;
        uint32_t c = ng_mscan_phrase(s, b, e);
        if (c & want) {
            best = e - b;
            best_cls = c;
        }
        if (!(c & NG_GAZ_PREFIX))
            break;
    }
    if (cls)
        *cls = best_cls;
    return best;
}
