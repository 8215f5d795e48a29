/* mentions_phrase.c - the gazetteer classes of phrases of several
 * tokens ("Prime Minister", "secretary of state"): the text of the
 * tokens joined as a gazetteer key, with memos of two-word phrases per
 * document and per thread and the PREFIX marks that spare most joins. */
#include "mentions.h"

#include "gazetteer_word.h"

#include <string.h>

#define PHRASE_MAX 128

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

/* The classes of the phrase of tokens [b, e), looked up. Tokens hold
 * no space: joined, they are a key as the gazetteer spells them (but
 * for case), hashed here (ng_gazetteer_key_classes). */
static uint32_t phrase_lookup(const ng_mscan *s, uint32_t b, uint32_t e)
{
    char buf[PHRASE_MAX];
    size_t n = join_tokens(s, b, e, buf);
    if (!n)
        return 0;
    ng_gaz_word w = ng_gaz_prepare(buf, n, sizeof buf);
    return ng_gazetteer_key_classes(s->gaz, buf, n, &w);
}

/* phrase_lookup of two word tokens b, b + 1 by the thread's memo when
 * both words are of up to 8 bytes (their heads spell them). */
static uint32_t pair_lookup_thread(const ng_mscan *s, uint32_t b)
{
    const ng_mword *x = &s->words[s->wid[b]], *y = &s->words[s->wid[b + 1]];
    if (!s->pmemo || x->len > 8 || y->len > 8 || !x->head || !y->head)
        return phrase_lookup(s, b, b + 2);
    uint32_t touch = s->tok[b].end == s->tok[b + 1].start;
    uint32_t h = (x->hash * 0x9e3779b1u) ^ (y->hash * 0x85ebca6bu) ^ touch;
    h ^= h >> 16;
    ng_mpmemo_slot *m = &s->pmemo[h & (NG_MPMEMO_SLOTS - 1)];
    if (m->first == x->head && m->second == y->head && m->touch == touch)
        return m->cls;
    uint32_t cls = phrase_lookup(s, b, b + 2);
    *m = (ng_mpmemo_slot){x->head, y->head, touch, cls};
    return cls;
}

/* phrase_lookup of two word tokens b, b + 1, remembered for the
 * document: "Prime Minister", "the president" come back. */
static uint32_t pair_lookup(const ng_mscan *s, uint32_t b)
{
    uint32_t first = s->wid[b];
    uint32_t second = s->wid[b + 1] << 1 | (s->tok[b].end == s->tok[b + 1].start);
    uint32_t h = (first * 0x9e3779b1u) ^ (second * 0x85ebca6bu);
    h ^= h >> 15;
    for (uint32_t k = 0; k < 4; k++) {
        ng_mpair_slot *sl = &s->pairs[(h + k) & (NG_MPAIR_SLOTS - 1)];
        if (sl->gen == s->pair_gen) {
            if (sl->first == first && sl->second == second)
                return sl->cls;
            continue;
        }
        uint32_t cls = pair_lookup_thread(s, b);
        *sl = (ng_mpair_slot){s->pair_gen, first, second, cls};
        return cls;
    }
    return pair_lookup_thread(s, b); /* crowded: not remembered for the document */
}

uint32_t ng_mscan_phrase(const ng_mscan *s, uint32_t b, uint32_t e)
{
    if (e == b + 1)
        return s->cls[b];
    /* Every key of several words marks its first word as a prefix: when
     * token b is a word apart from the next and not marked, no phrase
     * starting with it is known (most calls, no join and probe). */
    if (e > b + 1 && (s->tok[b].flags & NG_TOK_WORD) && s->tok[b].end < s->tok[b + 1].start &&
        !(s->cls[b] & NG_GAZ_PREFIX))
        return 0;
    if (e > b + 1 && s->pairs && s->wid[b] && s->wid[b + 1]) {
        if (e == b + 2)
            return pair_lookup(s, b);
        /* The same for the first two words: a key of more words spaced
         * after them marks them as a prefix. Their pair is remembered, so
         * this spares most joins and probes of whole runs. */
        if (s->tok[b + 1].end < s->tok[b + 2].start && !(pair_lookup(s, b) & NG_GAZ_PREFIX))
            return 0;
    }
    return phrase_lookup(s, b, e);
}

/* Phrases are at most 6 words; the PREFIX bit stops the search early, so
 * this costs one lookup for most tokens. */
uint32_t ng_mscan_longest_scan(const ng_mscan *s, uint32_t b, uint32_t lim, uint32_t want,
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

uint32_t ng_mscan_longest2_scan(const ng_mscan *s, uint32_t b, uint32_t lim, uint32_t want_a,
                                uint32_t want_b, uint32_t *len_b, uint32_t *cls_b)
{
    uint32_t best_a = 0, best_b = 0, best_cls = 0;
    for (uint32_t e = b + 1; e <= lim && e <= b + 6; e++) {
        if (!(s->tok[e - 1].flags & NG_TOK_WORD))
            break;
        uint32_t c = ng_mscan_phrase(s, b, e);
        if (c & want_a)
            best_a = e - b;
        if (c & want_b) {
            best_b = e - b;
            best_cls = c;
        }
        if (!(c & NG_GAZ_PREFIX))
            break;
    }
    *len_b = best_b;
    *cls_b = best_cls;
    return best_a;
}
