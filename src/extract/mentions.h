/* mentions.h - private to mention finding (mentions*.c): the per-document
 * scratch state shared by the scanner, the typing rules and the
 * document-level word evidence. Everything here is allocated once per
 * document (never per token) and freed by ng_mscan_free. */
#ifndef NG_EXTRACT_MENTIONS_H
#define NG_EXTRACT_MENTIONS_H

#include "gazetteer.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* What the document itself says about a word (case-folded). */
enum ng_evidence {
    NG_EV_LOWER = 1 << 0,      /* written in lowercase somewhere */
    NG_EV_CAP_MID = 1 << 1,    /* capitalised where capitals are not forced (mid-sentence, body) */
    NG_EV_PERSON = 1 << 2,     /* part of a name typed person */
    NG_EV_ORG = 1 << 3,        /* part of a name typed organisation */
    NG_EV_PLACE = 1 << 4,      /* part of a name typed place */
    NG_EV_PERSON_END = 1 << 5, /* last word (surname) of a multi-word person name */
    NG_EV_ORG_START = 1 << 6   /* first word of a multi-word organisation name */
};

/* One distinct word of the document (ASCII case-folded), with what the
 * document says about it. Entry 0 stands for every token that is not a
 * word: its flags and lists stay 0. */
typedef struct ng_mword {
    uint64_t head;  /* its first 8 bytes folded, zero-padded (ng_gaz_word.head) */
    uint32_t hash;  /* ng_gazetteer_hash of the word */
    uint32_t tok;   /* a token spelling the word */
    uint32_t len;   /* bytes of the word */
    uint32_t slot;  /* its slot in the index (cleared when the document is done) */
    uint32_t flags; /* ng_evidence */
    uint32_t cls;   /* gazetteer classes of the word (words of the text only) */
    uint32_t lists; /* ng_mword_list: the rule word lists it is in */
    uint8_t skip;   /* the word is token tok without its first skip bytes ("al-Abadi" -> "Abadi") */
    int8_t near;    /* ng_gazetteer_place_near knows a place: 1, none: 0, not asked yet: -1 */
    uint16_t votes[NG_TYPE_COUNT]; /* types given to the word when it stood alone */
} ng_mword;

/* A slot of the index from word to entry: most words are told apart by
 * hash and first bytes without a look at the entry or the text. */
typedef struct ng_mword_slot {
    uint32_t hash;  /* 0 = empty */
    uint32_t word;  /* the entry */
    uint64_t head;  /* ng_gaz_word.head of the word */
} ng_mword_slot;

/* A remembered lookup of a phrase of two word tokens (ng_mscan_phrase):
 * the pair of words, whether they touch, and the classes. */
typedef struct ng_mpair_slot {
    uint32_t gen;    /* the document it belongs to (ng_mscan.pair_gen); other: empty */
    uint32_t first;  /* entry of the first word */
    uint32_t second; /* entry of the second word << 1 | the two touch */
    uint32_t cls;
} ng_mpair_slot;

/* The fixed word lists the rules read (mentions_words.c). */
enum ng_mword_list {
    NG_ML_PLACE_PREP = 1u << 0,      /* "in", "near", "northern": a place after it */
    NG_ML_STAKE = 1u << 1,           /* "invest", "stake": before "in" a company follows */
    NG_ML_PLACE_NOUN = 1u << 2,      /* "region", "river": a place before it */
    NG_ML_EMPLOYEE_ROLE = 1u << 3,   /* "analyst", "spokesman": an employer before it */
    NG_ML_CRAFT_NOUN = 1u << 4,      /* "ship", "aboard": a craft's name after it */
    NG_ML_WORK_NOUN = 1u << 5,       /* "film", "novel": a work's title after it */
    NG_ML_CRAFT_PREFIX = 1u << 6,    /* "USS", "HMS" */
    NG_ML_PERSON_VERB = 1u << 7,     /* "born", "married" after a person */
    NG_ML_PERSON_PASSIVE = 1u << 8,  /* "elected" after "was" */
    NG_ML_PERSON_OWNS = 1u << 9,     /* "wife", "career": what only a person has */
    NG_ML_CLAUSE_OPENER = 1u << 10,  /* "and", "when": a subject after it */
    NG_ML_SPORT = 1u << 11,          /* "goal", "referee": match reports */
    NG_ML_MATCH_VERB = 1u << 12,     /* "defeated", "faced": between teams */
    NG_ML_TEAM_OWNS = 1u << 13,      /* "coach", "squad": what a team has */
    NG_ML_STOP = 1u << 14,           /* "the", "of", "said": end a descriptor's modifiers */
    NG_ML_TITLE_CASE_LOWER = 1u << 15 /* "with", "between": lowercase in Title Case */
};

/* Builds the table of the lists once per process (thread-safe); before
 * any ng_mword_lists. */
void ng_mword_lists_init(void);
/* The lists (ng_mword_list bits) the word w[0..n), prepared in k by
 * ng_gazetteer_word, is in (compared ASCII-case-insensitively). */
uint32_t ng_mword_lists(const char *w, size_t n, const ng_gaz_word *k);

#define NG_MPAIR_SLOTS 2048

/* A remembered lookup of a word of up to 8 bytes (its folded head, which
 * spells it whole), kept by a thread across documents while the
 * gazetteer stays the same: most words of a document were in earlier ones. */
#define NG_MMEMO_SLOTS 8192
typedef struct ng_mmemo_slot {
    uint64_t head;  /* 0 = empty */
    uint32_t cls;   /* ng_gazetteer_word_classes */
    uint32_t lists; /* ng_mword_lists */
} ng_mmemo_slot;

/* A remembered lookup of a phrase of two words of up to 8 bytes each
 * (their folded heads spell them whole), kept by a thread across
 * documents while the gazetteer stays the same: "Prime Minister", "White
 * House", "New York" recur from article to article. */
#define NG_MPMEMO_SLOTS 4096
typedef struct ng_mpmemo_slot {
    uint64_t first;  /* head of the first word; 0 = empty */
    uint64_t second; /* head of the second word */
    uint32_t touch;  /* the two tokens touch (joined without a space) */
    uint32_t cls;
} ng_mpmemo_slot;

/* A remembered answer of ng_gazetteer_place_near for one word, kept by a
 * thread across documents (names recur from article to article). */
#define NG_MNEAR_SLOTS 4096
#define NG_MNEAR_KEY 26
typedef struct ng_mnear_slot {
    uint32_t hash; /* ng_gazetteer_hash of the word; 0 = empty */
    uint8_t len;
    uint8_t near;  /* a place was found */
    char key[NG_MNEAR_KEY]; /* the word folded */
} ng_mnear_slot;

/* Undecided type of a candidate, resolved in the second pass. */
#define NG_MTYPE_UNDECIDED 0xff

typedef struct ng_cand {
    uint32_t tb, te;   /* token range, end exclusive */
    uint8_t type;      /* ng_entity_type or NG_MTYPE_UNDECIDED */
    uint8_t kind;      /* ng_mention_kind */
    uint8_t hint;      /* NG_HINT_* from the context */
    uint32_t cut_start; /* byte start when the name starts inside its token ("UK-France"), else 0 */
    uint32_t cut_end;  /* byte end when the name stops inside its last token ("U.S.-led"), else 0 */
} ng_cand;

enum ng_hint {
    NG_HINT_PERSON = 1 << 0, /* title/role before, apposition after */
    NG_HINT_SPEECH = 1 << 1, /* speech verb right after */
    NG_HINT_THE = 1 << 2,    /* "the" right before */
    NG_HINT_PLACE = 1 << 3,  /* place preposition before / "region" after */
    NG_HINT_WEAK = 1 << 5,  /* lone word typed by the default only */
    NG_HINT_LONE = 1 << 6   /* was undecided after the first pass */
};

typedef struct ng_mscan {
    const ng_gazetteer *gaz;
    ng_gaz_probe probe;    /* where gaz's slots are, for hints */
    const char *text;      /* doc->text */
    size_t text_avail;     /* bytes of text that may be read (with the final NUL) */
    const ng_token *tok;
    size_t ntok;
    uint32_t *cls;         /* gazetteer classes of every token, 0 for non-words */
    uint32_t *wid;         /* the entry in words of every token, 0 for non-words */
    ng_mword *words;       /* the distinct words; words[0] is the non-word */
    size_t nwords, words_cap;
    ng_mword_slot *index;  /* word -> entry: index_cap slots in use of index_max (zero) */
    size_t index_cap, index_max;
    ng_mpair_slot *pairs;  /* phrase memo (NG_MPAIR_SLOTS), or NULL */
    ng_mnear_slot *near;   /* typo memo of the thread (NG_MNEAR_SLOTS), or NULL */
    ng_mmemo_slot *memo;   /* word memo of the thread (NG_MMEMO_SLOTS), or NULL */
    ng_mpmemo_slot *pmemo; /* pair memo of the thread (NG_MPMEMO_SLOTS), or NULL */
    uint32_t pair_gen;
    uint32_t the_word;     /* the entry of "the" in words, 0 when the document has none */
    ng_cand *cand;
    size_t ncand, cand_cap;
    int lent;              /* the arrays are the thread's scratch (mentions_evidence.c) */
} ng_mscan;

/* Builds cls, wid and the word table for the tokens of ex->text. */
int ng_mscan_init(ng_mscan *s, const ng_gazetteer *gaz, const ng_extraction *ex);
void ng_mscan_free(ng_mscan *s);

/* Evidence flags of the word spelled by token i (0 if never seen).
 * Inline, like ng_mscan_note: the rules ask for every candidate word. */
static inline uint32_t ng_mscan_evidence(const ng_mscan *s, uint32_t i)
{
    return s->words[s->wid[i]].flags;
}
/* ORs flags into the evidence of the word spelled by token i. */
static inline void ng_mscan_note(ng_mscan *s, uint32_t i, uint32_t flags)
{
    if (s->tok[i].flags & NG_TOK_WORD)
        s->words[s->wid[i]].flags |= flags;
}
/* Same for the word spelled by token i without its first skip bytes. */
void ng_mscan_note_part(ng_mscan *s, uint32_t i, uint32_t skip, uint32_t flags);

/* Counts a vote for type on the word of token i. */
void ng_mscan_vote(ng_mscan *s, uint32_t i, int type);
/* The type most voted for the word of token i, or -1 without a clear winner. */
int ng_mscan_majority(const ng_mscan *s, uint32_t i);

/* Appends a candidate; returns 0 or NG_ENOMEM. */
int ng_mscan_add(ng_mscan *s, uint32_t tb, uint32_t te, int type, int kind, int hint);

/* Gazetteer classes of the phrase made of tokens [b, e) joined by single
 * spaces (0 when too long or unknown). */
uint32_t ng_mscan_phrase(const ng_mscan *s, uint32_t b, uint32_t e);

/* ng_mscan_longest and ng_mscan_longest2 (below) by the scan of the
 * phrases, without their inline shortcut; also what the unit test
 * compares the shortcut with. */
uint32_t ng_mscan_longest_scan(const ng_mscan *s, uint32_t b, uint32_t lim, uint32_t want,
                               uint32_t *cls);
uint32_t ng_mscan_longest2_scan(const ng_mscan *s, uint32_t b, uint32_t lim, uint32_t want_a,
                                uint32_t want_b, uint32_t *len_b, uint32_t *cls_b);

/* a[0..n) equals b[0..n) ignoring ASCII case. */
int ng_mscan_same_folded(const char *a, const char *b, size_t n);

/* Token i is spelled exactly (ASCII case-insensitive) like w. Inline so
 * that strlen of a literal and the packing below are folded at compile
 * time (forced: the compiler may otherwise keep one copy that loops over
 * the literal): this is called for every token in the hot loops. A literal of
 * letters can only be spelled by a word token, so up to 8 bytes it is
 * compared with the folded head of the token's word (the non-word entry
 * has head 0). */
#if defined(__GNUC__)
#define NG_MSCAN_ALWAYS_INLINE __attribute__((always_inline))
#define NG_MSCAN_NOINLINE __attribute__((noinline))
#else
#define NG_MSCAN_ALWAYS_INLINE
#define NG_MSCAN_NOINLINE
#endif
static inline NG_MSCAN_ALWAYS_INLINE int ng_mscan_is(const ng_mscan *s, uint32_t i, const char *w)
{
    size_t n = strlen(w);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n <= 8 && (w[0] | 32) >= 'a' && (w[0] | 32) <= 'z') {
        uint64_t lit = 0;
        for (size_t k = 0; k < n; k++) {
            unsigned char c = (unsigned char)w[k];
            lit |= (uint64_t)(c >= 'A' && c <= 'Z' ? c + 32 : c) << (8 * k);
        }
        /* the token's length first: it is at hand, the entry is not */
        return s->tok[i].end - s->tok[i].start == n && s->words[s->wid[i]].head == lit;
    }
#endif
    const ng_token *t = &s->tok[i];
    return t->end - t->start == n && ng_mscan_same_folded(s->text + t->start, w, n);
}

/* Length in tokens (0 if none) of the longest gazetteer phrase starting at
 * token b, within [b, lim), whose classes intersect want; its classes go
 * to *cls (when not NULL). Inline: most tokens begin no phrase of
 * several words (their word's classes lack NG_GAZ_PREFIX), and then the
 * word alone answers without a call. */
static inline uint32_t ng_mscan_longest(const ng_mscan *s, uint32_t b, uint32_t lim, uint32_t want,
                                        uint32_t *cls)
{
    if (b < lim && (s->tok[b].flags & NG_TOK_WORD) && !(s->cls[b] & NG_GAZ_PREFIX)) {
        uint32_t c = s->cls[b] & want ? s->cls[b] : 0;
        if (cls)
            *cls = c;
        return c != 0;
    }
    return ng_mscan_longest_scan(s, b, lim, want, cls);
}

/* ng_mscan_longest for two sets of classes at once, in one scan of the
 * phrases: the longest of want_a (returned) and of want_b (*len_b, its
 * classes in *cls_b). Inline for the same reason. */
static inline uint32_t ng_mscan_longest2(const ng_mscan *s, uint32_t b, uint32_t lim, uint32_t want_a,
                                         uint32_t want_b, uint32_t *len_b, uint32_t *cls_b)
{
    if (b < lim && (s->tok[b].flags & NG_TOK_WORD) && !(s->cls[b] & NG_GAZ_PREFIX)) {
        uint32_t c = s->cls[b];
        *len_b = (c & want_b) != 0;
        *cls_b = c & want_b ? c : 0;
        return (c & want_a) != 0;
    }
    return ng_mscan_longest2_scan(s, b, lim, want_a, want_b, len_b, cls_b);
}

/* Token i holds no '-' for sure: a word of up to 8 bytes is spelled by
 * the folded head of its entry (folding leaves '-' alone), tested all at
 * once; longer tokens and non-words answer 0 (maybe). The hyphen rules
 * (mentions_parts.c) ask it of every name of one token, most without. */
static inline int ng_mscan_no_hyphen(const ng_mscan *s, uint32_t i)
{
    if (s->tok[i].end - s->tok[i].start > 8 || !s->wid[i])
        return 0;
    const uint64_t ones = 0x0101010101010101u;
    uint64_t x = s->words[s->wid[i]].head ^ ('-' * ones); /* a zero byte: '-' */
    return ((x - ones) & ~x & (0x80 * ones)) == 0;
}

/* Token i is a word of one of the lists (ng_mword_list bits). */
static inline int ng_mscan_in(const ng_mscan *s, uint32_t i, uint32_t lists)
{
    return (s->words[s->wid[i]].lists & lists) != 0;
}

/* Token k exists and is in the sentence of token i. */
static inline int ng_mscan_same_sentence(const ng_mscan *s, uint32_t i, uint32_t k)
{
    return k < s->ntok && s->tok[k].sentence == s->tok[i].sentence;
}

/* Typing (mentions_type.c). */
/* Some token of [b, e) has one of the classes cls. Inline: the rules
 * ask it of every name, most of one to three tokens. */
static inline int ng_mscan_has_class(const ng_mscan *s, uint32_t b, uint32_t e, uint32_t cls)
{
    for (uint32_t i = b; i < e; i++)
        if (s->cls[i] & cls)
            return 1;
    return 0;
}
/* NG_HINT_* bits from the words around the name [b, e) of sentence [sb, se). */
int ng_mscan_context(const ng_mscan *s, uint32_t b, uint32_t e, uint32_t sb, uint32_t se);
/* [b, e) is a place by its form ("Black Sea", "Outer Mongolia", "Mount Sinjar"). */
int ng_mscan_place_form(const ng_mscan *s, uint32_t b, uint32_t e);
/* Type of the name [b, e) by form and hints, or NG_MTYPE_UNDECIDED for a lone word. */
int ng_mscan_form_type(const ng_mscan *s, uint32_t b, uint32_t e, int hint);
/* [b, e) names an event, law, work or era, not an actor. */
int ng_mscan_misc(const ng_mscan *s, uint32_t b, uint32_t e);
/* Is the name ending at token e the employer of the person named right
 * after a role ("Tesla chief executive Elon Musk")? */
int ng_mscan_employer_before_person(const ng_mscan *s, uint32_t e);
/* Records in the evidence table what the typed names say about their words. */
void ng_mscan_note_types(ng_mscan *s);
/* Lone words (mentions_lone.c). */
/* Type of an undecided lone word, or -1 to leave it out; *weak is set
 * when only the default decided it. */
int ng_mscan_lone_type(ng_mscan *s, const ng_cand *c, int *weak);

/* Acronyms defined in parentheses take their expansion's type, here and
 * at their other uses. */
void ng_mscan_define_acronyms(ng_mscan *s);
/* Second pass: types (or leaves out) every lone word still undecided. */
void ng_mscan_type_lone_words(ng_mscan *s);

/* Titles and hyphenated tokens (mentions_parts.c). */
/* End of the last title phrase in [b, e) that a name follows, its start
 * in *tstart; 0 when there is none. */
uint32_t ng_mscan_last_title(const ng_mscan *s, uint32_t b, uint32_t e, uint32_t *tstart);
/* Adds the places, demonyms, institutions and acronyms in [b, e), before
 * a title; returns 0 or NG_ENOMEM. */
int ng_mscan_title_prefix(ng_mscan *s, uint32_t b, uint32_t e);
/* "U.S.-led": adds the name before the hyphen; returns 1 when token i has
 * that shape, with the result of adding in *rc. */
int ng_mscan_hyphen_modifier(ng_mscan *s, uint32_t i, int *rc);
/* "UK-France": adds both names; returns 1 when token i has that shape,
 * with the result of adding in *rc. */
int ng_mscan_hyphen_pair(ng_mscan *s, uint32_t i, int *rc);
/* Token i ends in a hyphen and an English word ("Kremlin-backed"). */
int ng_mscan_modifier_token(const ng_mscan *s, uint32_t i);

/* Is the word of token i a typo of a known place
 * (ng_gazetteer_place_near)? Asked once per distinct word of the
 * document, and remembered by the thread across documents. */
int ng_mscan_place_near(ng_mscan *s, uint32_t i);

/* Descriptors ("the Kremlin spokesman") and lowercase known places
 * ("kyiv") in sentence range [tb, te) (mentions_desc.c). */
int ng_mscan_descriptors(ng_mscan *s, uint32_t tb, uint32_t te);

#endif
