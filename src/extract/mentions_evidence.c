/* mentions_evidence.c - per-document scratch state of mention finding:
 * the gazetteer classes of every token and what the document itself says
 * about each word ("this word appears lowercase elsewhere", "this word is
 * the surname of a person named earlier"). That evidence is what lets a
 * capitalised sentence-initial "Following" be dropped and a lone "Peskov"
 * be typed person without any list of names. */
#include "mentions.h"

#include "gazetteer_word.h"

#include "newsgraph/error.h"

#include "thread_memo.h"

#include <stdlib.h>
#include <string.h>

/* The gazetteer's hash and first folded bytes of the word w[0..n) of the
 * text: computed once per token, they serve the word index and the
 * gazetteer probe. */
static ng_gaz_word prepare(const ng_mscan *s, const char *w, size_t n)
{
    return ng_gaz_prepare(w, n, s->text_avail - (size_t)(w - s->text));
}

/* prepare of a word of 1 to 7 bytes whose folded head the tokenizer
 * gave (ng_text.heads): the same hash, without reading the word again. */
static inline ng_gaz_word prepare_short(size_t n, uint64_t head)
{
    ng_gaz_word w = {head, 0};
    w.hash = gaz_finish(gaz_mix((uint64_t)n * 0x9e3779b97f4a7c15u, head));
    return w;
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

/* The entry of the word w[0..n) prepared in k, or 0 with its index slot
 * (empty) when absent: *slot is set either way. An entry spells its word
 * as token tok without its first skip bytes. */
static inline NG_MSCAN_ALWAYS_INLINE uint32_t word_find(const ng_mscan *s, const char *w, size_t n, const ng_gaz_word *k,
                          size_t *slot)
{
    size_t mask = s->index_cap - 1;
    for (size_t j = k->hash & mask;; j = (j + 1) & mask) {
        const ng_mword_slot *sl = &s->index[j];
        if (!sl->hash) {
            *slot = j;
            return 0;
        }
        if (sl->hash != k->hash || sl->head != k->head)
            continue;
        /* Words hold no NUL byte: a head with one (a word under 8 bytes)
         * fixes the length too. */
        const ng_mword *e = &s->words[sl->word];
        if (n < 8 || (e->len == n && ng_mscan_same_folded(s->text + s->tok[e->tok].start + e->skip + 8,
                                                         w + 8, n - 8))) {
            *slot = j;
            return sl->word;
        }
    }
}

/* Doubles the slots in use: a document has fewer distinct words than
 * tokens, and a small index stays in the first-level cache. The slots
 * beyond index_cap are zero. Rare (out of line): the index starts at
 * about one slot per token. */
static NG_MSCAN_NOINLINE void index_grow(ng_mscan *s)
{
    for (size_t k = 1; k < s->nwords; k++)
        s->index[s->words[k].slot].hash = 0;
    s->index_cap *= 2;
    size_t mask = s->index_cap - 1;
    for (size_t k = 1; k < s->nwords; k++) {
        ng_mword *e = &s->words[k];
        size_t j = e->hash & mask;
        while (s->index[j].hash)
            j = (j + 1) & mask;
        s->index[j] = (ng_mword_slot){e->hash, (uint32_t)k, e->head};
        e->slot = (uint32_t)j;
    }
}

/* Adds the word of token i without its first skip bytes (prepared in k)
 * at the empty index slot; words has room (see ng_mscan_init). Inline:
 * the loop of ng_mscan_init adds a word for every other token. */
static inline ng_mword *word_add(ng_mscan *s, uint32_t i, uint32_t skip, const ng_gaz_word *k,
                                 size_t slot)
{
    uint32_t w = (uint32_t)s->nwords++;
    ng_mword *e = &s->words[w];
    *e = (ng_mword){.head = k->head,
                    .hash = k->hash,
                    .tok = i,
                    .len = s->tok[i].end - s->tok[i].start - skip,
                    .slot = (uint32_t)slot,
                    .skip = (uint8_t)skip,
                    .near = -1};
    s->index[slot] = (ng_mword_slot){k->hash, w, k->head};
    if (2 * s->nwords > s->index_cap && s->index_cap < s->index_max)
        index_grow(s);
    return e;
}

void ng_mscan_note_part(ng_mscan *s, uint32_t i, uint32_t skip, uint32_t flags)
{
    const ng_token *t = &s->tok[i];
    if (!(t->flags & NG_TOK_WORD) || skip >= t->end - t->start || skip > 255)
        return;
    if (skip == 0) {
        ng_mscan_note(s, i, flags);
        return;
    }
    const char *w = s->text + t->start + skip;
    size_t n = t->end - t->start - skip, slot;
    ng_gaz_word key = prepare(s, w, n);
    uint32_t k = word_find(s, w, n, &key, &slot);
    ng_mword *e = k ? &s->words[k] : word_add(s, i, skip, &key, slot);
    e->flags |= flags;
}

void ng_mscan_vote(ng_mscan *s, uint32_t i, int type)
{
    ng_mword *e = &s->words[s->wid[i]];
    if (type >= 0 && type < NG_TYPE_COUNT && e->votes[type] < UINT16_MAX)
        e->votes[type]++;
}

int ng_mscan_majority(const ng_mscan *s, uint32_t i)
{
    const ng_mword *e = &s->words[s->wid[i]];
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

/* Per-thread scratch of ng_mscan_init: the arrays of the last document
 * are kept for the next one instead of freed, so a worker does not
 * calloc fresh pages (which the kernel faults in and zeroes) for every
 * document. The index is all zero between documents: ng_mscan_free
 * clears the slots the document used, not the whole index. Only
 * documents whose index fits SCRATCH_MAX_SLOTS use it, so what a thread
 * keeps stays small; it is freed when the thread exits. */
#define SCRATCH_MAX_SLOTS ((size_t)1 << 16)
#define SCRATCH_MAX_TOKENS (SCRATCH_MAX_SLOTS / 3)

typedef struct mscan_scratch {
    ng_mword_slot *index; /* SCRATCH_MAX_SLOTS, zero */
    ng_mword *words;      /* 1 + 2 * SCRATCH_MAX_TOKENS */
    uint32_t *cls, *wid;  /* SCRATCH_MAX_TOKENS */
    ng_mpair_slot *pairs; /* NG_MPAIR_SLOTS */
    ng_mnear_slot *near;  /* NG_MNEAR_SLOTS, kept across documents of one gazetteer */
    ng_mmemo_slot *memo;  /* NG_MMEMO_SLOTS, kept across documents of one gazetteer */
    ng_mpmemo_slot *pmemo; /* NG_MPMEMO_SLOTS, likewise */
    uint64_t memo_serial; /* that gazetteer (ng_gazetteer_serial) */
    uint32_t pair_gen;    /* of the last document */
    ng_cand *cand;
    size_t cand_cap;
    int busy;   /* lent to an ng_mscan */
    int broken; /* an array could not be allocated: never lent */
} mscan_scratch;

/* Frees what a thread's scratch points to (ng_thread_memo frees the
 * scratch itself). */
static void scratch_release(void *p)
{
    mscan_scratch *sc = p;
    free(sc->index);
    free(sc->words);
    free(sc->cls);
    free(sc->wid);
    free(sc->pairs);
    free(sc->near);
    free(sc->memo);
    free(sc->pmemo);
    free(sc->cand);
}

static ng_thread_memo scratch_block = NG_THREAD_MEMO(sizeof(mscan_scratch), scratch_release);

/* This thread's scratch, its arrays allocated on first use; NULL when it
 * cannot be had (the caller then allocates as usual). */
static mscan_scratch *scratch_get(void)
{
    int fresh;
    mscan_scratch *sc = ng_thread_memo_get(&scratch_block, &fresh);
    if (!sc)
        return NULL;
    if (fresh) {
        sc->index = calloc(SCRATCH_MAX_SLOTS, sizeof *sc->index);
        sc->words = malloc((1 + 2 * SCRATCH_MAX_TOKENS) * sizeof *sc->words);
        sc->cls = malloc(SCRATCH_MAX_TOKENS * sizeof *sc->cls);
        sc->wid = malloc(SCRATCH_MAX_TOKENS * sizeof *sc->wid);
        sc->pairs = calloc(NG_MPAIR_SLOTS, sizeof *sc->pairs);
        sc->near = calloc(NG_MNEAR_SLOTS, sizeof *sc->near);
        sc->memo = calloc(NG_MMEMO_SLOTS, sizeof *sc->memo);
        sc->pmemo = calloc(NG_MPMEMO_SLOTS, sizeof *sc->pmemo);
        sc->broken = !sc->index || !sc->words || !sc->cls || !sc->wid || !sc->pairs ||
                     !sc->near || !sc->memo || !sc->pmemo;
    }
    return sc->broken ? NULL : sc;
}

/* Takes the arrays from the thread's scratch when they fit; 0 when s
 * must allocate its own. */
static int scratch_lend(ng_mscan *s)
{
    if (s->index_max > SCRATCH_MAX_SLOTS || s->ntok > SCRATCH_MAX_TOKENS)
        return 0;
    mscan_scratch *sc = scratch_get();
    if (!sc || sc->busy)
        return 0;
    sc->busy = 1;
    s->lent = 1;
    s->index = sc->index;
    s->words = sc->words;
    s->cls = sc->cls;
    s->wid = sc->wid;
    /* a new generation empties the memo of the last document */
    if (++sc->pair_gen == 0) {
        memset(sc->pairs, 0, NG_MPAIR_SLOTS * sizeof *sc->pairs);
        sc->pair_gen = 1;
    }
    s->pairs = sc->pairs;
    s->near = sc->near;
    if (sc->memo_serial != ng_gazetteer_serial(s->gaz)) { /* another gazetteer: forget */
        memset(sc->memo, 0, NG_MMEMO_SLOTS * sizeof *sc->memo);
        memset(sc->pmemo, 0, NG_MPMEMO_SLOTS * sizeof *sc->pmemo);
        memset(sc->near, 0, NG_MNEAR_SLOTS * sizeof *sc->near); /* its answers too */
        sc->memo_serial = ng_gazetteer_serial(s->gaz);
    }
    s->memo = sc->memo;
    s->pmemo = sc->pmemo;
    s->pair_gen = sc->pair_gen;
    s->cand = sc->cand;
    s->cand_cap = sc->cand_cap;
    return 1;
}

/* The folded head (ng_gaz_word.head) of "the", in the byte order of heads. */
#define THE_HEAD gaz_load_tail("the", 3)

/* New words between the hint for a word's gazetteer slot and its lookup. */
#define LOOKUP_LAG 8

/* look_up of a word the thread's memo does not answer: the gazetteer
 * probe (a cache miss, hinted LOOKUP_LAG words earlier) and the lists. */
static NG_MSCAN_NOINLINE void look_up_slow(ng_mscan *s, ng_mword *e, ng_mmemo_slot *m)
{
    const char *w = s->text + s->tok[e->tok].start;
    ng_gaz_word key = {e->head, e->hash};
    e->cls = ng_gazetteer_word_classes(s->gaz, w, e->len, &key);
    e->lists = ng_mword_lists(w, e->len, &key);
    if (m)
        *m = (ng_mmemo_slot){e->head, e->cls, e->lists};
}

/* Fills in the gazetteer classes and rule lists of a word of the text.
 * Two words in three are answered by the memo: that test is inline. */
static inline void look_up(ng_mscan *s, ng_mword *e)
{
    ng_mmemo_slot *m = NULL;
    if (s->memo && e->len <= 8 && e->head) {
        m = &s->memo[e->hash & (NG_MMEMO_SLOTS - 1)];
        if (m->head == e->head) {
            e->cls = m->cls;
            e->lists = m->lists;
            return;
        }
    }
    look_up_slow(s, e, m);
}

int ng_mscan_init(ng_mscan *s, const ng_gazetteer *gaz, const ng_extraction *ex)
{
    memset(s, 0, sizeof *s);
    s->gaz = gaz;
    ng_gazetteer_probe(gaz, &s->probe);
    s->text = ex->doc->text;
    s->text_avail = ex->doc->len + 1;
    s->tok = ex->text.tokens;
    s->ntok = ex->text.ntokens;
    size_t cap = 64;
    while (cap < s->ntok * 3) /* words, plus surnames without "al-": load <= 2/3 */
        cap *= 2;
    s->index_max = cap;
    /* in use: load <= 1/2, growing as words come (index_grow) */
    s->index_cap = 64;
    while (s->index_cap < s->ntok && s->index_cap < cap)
        s->index_cap *= 2;
    /* every token may add its word and one part of it (ng_mscan_note_part) */
    s->words_cap = 1 + 2 * s->ntok;
    if (!scratch_lend(s)) {
        s->index = calloc(cap, sizeof *s->index);
        s->words = malloc(s->words_cap * sizeof *s->words);
        s->cls = malloc((s->ntok ? s->ntok : 1) * sizeof *s->cls);
        s->wid = malloc((s->ntok ? s->ntok : 1) * sizeof *s->wid);
        if (!s->index || !s->words || !s->cls || !s->wid) {
            ng_mscan_free(s);
            return NG_ENOMEM;
        }
    }
    ng_mword_lists_init();
    memset(&s->words[0], 0, sizeof s->words[0]);
    s->words[0].near = 0;
    s->nwords = 1;
    /* One pass finds the entry of every word; a word new to the document
     * hints the gazetteer and is looked up LOOKUP_LAG new words later,
     * when its slot has come in (the probes are cache misses). One lookup
     * per distinct word, not per token: "the", "said" and surnames repeat. */
    size_t looked = 1;
    const uint64_t *heads = ex->text.heads;
    for (uint32_t i = 0; i < s->ntok; i++) {
        const ng_token *t = &s->tok[i];
        if (!(t->flags & NG_TOK_WORD)) {
            s->wid[i] = 0;
            continue;
        }
        const char *w = s->text + t->start;
        size_t n = t->end - t->start, slot;
        uint64_t head = heads ? heads[i] : 0;
        ng_gaz_word key = head ? prepare_short(n, head) : prepare(s, w, n);
        uint32_t k = word_find(s, w, n, &key, &slot);
        if (!k) {
            k = (uint32_t)s->nwords;
            word_add(s, i, 0, &key, slot);
            if (n == 3 && key.head == THE_HEAD)
                s->the_word = k;
            ng_gaz_prefetch_word(&s->probe, key.hash, n);
            if (s->memo) /* the memo is a cache miss too */
                __builtin_prefetch(&s->memo[key.hash & (NG_MMEMO_SLOTS - 1)]);
            if (s->nwords - looked > LOOKUP_LAG)
                look_up(s, &s->words[looked++]);
        }
        s->wid[i] = k;
    }
    while (looked < s->nwords)
        look_up(s, &s->words[looked++]);
    /* What the capitals say, now that the classes are known (the arrays
     * in locals: a store to an entry could alias the fields of s). */
    const ng_token *tok = s->tok;
    const uint32_t *wid = s->wid;
    uint32_t *cls = s->cls;
    ng_mword *words = s->words;
    for (uint32_t i = 0; i < s->ntok; i++) {
        const ng_token *t = &tok[i];
        ng_mword *e = &words[wid[i]];
        cls[i] = e->cls;
        uint32_t f = t->flags;
        if (!(f & NG_TOK_WORD))
            continue;
        if (!(f & (NG_TOK_CAP | NG_TOK_DIGIT)))
            e->flags |= NG_EV_LOWER;
        else if ((f & NG_TOK_CAP) && !forced_capital(s, i) &&
                 !((f & NG_TOK_ALLCAPS) && t->end - t->start > 1 && (e->cls & NG_GAZ_COMMON)))
            e->flags |= NG_EV_CAP_MID;
    }
    return 0;
}

void ng_mscan_free(ng_mscan *s)
{
    mscan_scratch *sc = s->lent ? scratch_get() : NULL;
    if (sc) {
        for (size_t k = 1; k < s->nwords; k++)
            s->index[s->words[k].slot].hash = 0;
        sc->cand = s->cand; /* ng_mscan_add may have grown it */
        sc->cand_cap = s->cand_cap;
        sc->busy = 0;
    } else {
        free(s->index);
        free(s->words);
        free(s->cls);
        free(s->wid);
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

int ng_mscan_place_near(ng_mscan *s, uint32_t i)
{
    ng_mword *e = &s->words[s->wid[i]];
    if (e->near >= 0)
        return e->near;
    const ng_token *t = &s->tok[i];
    const char *w = s->text + t->start;
    size_t n = t->end - t->start;
    ng_mnear_slot *sl = NULL;
    char key[NG_MNEAR_KEY];
    if (s->near && n <= NG_MNEAR_KEY) {
        /* the answer depends on the folded word alone */
        for (size_t k = 0; k < n; k++)
            key[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] + 32 : w[k]);
        sl = &s->near[e->hash & (NG_MNEAR_SLOTS - 1)];
        if (sl->hash == e->hash && sl->len == n && memcmp(sl->key, key, n) == 0)
            return e->near = (int8_t)sl->near;
    }
    e->near = ng_gazetteer_place_near(s->gaz, w, n) != NULL;
    if (sl) {
        sl->hash = e->hash;
        sl->len = (uint8_t)n;
        sl->near = (uint8_t)e->near;
        memcpy(sl->key, key, n);
    }
    return e->near;
}
