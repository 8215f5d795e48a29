/* cues.h - the attribution lexicon (data/cues.tsv) loaded into one hash
 * map: speech cues (a verb or phrase with its relation and the frames it
 * accepts) and the small word classes the attribution rules read (words
 * allowed between a subject and its cue, negations, parenthetical openers,
 * pronouns, ...). Read-only after ng_cues_load, so lookups are
 * thread-safe; they never allocate. */
#ifndef NG_EXTRACT_CUES_H
#define NG_EXTRACT_CUES_H

#include "stages.h"

#include <stddef.h>
#include <stdint.h>

/* Frames a speech cue accepts (FLAGS column of cues.tsv). */
enum ng_cue_frame {
    NG_CUE_THAT = 1u << 0,   /* X confirmed that ... */
    NG_CUE_CLAUSE = 1u << 1, /* X said he was ready */
    NG_CUE_NP = 1u << 2,     /* X denied the report */
    NG_CUE_QUOTE = 1u << 3,  /* "...," X said */
    NG_CUE_TELL = 1u << 4,   /* X told reporters ... */
    NG_CUE_PREP = 1u << 5,   /* according to X */
    NG_CUE_SOURCE = 1u << 6, /* citing Y */
    NG_CUE_TOPIC = 1u << 7,  /* X declined to comment on Y */
    NG_CUE_PASSIVE = 1u << 8 /* may follow a form of be: X was quoted as saying */
};

/* Word classes (CLASS column starting with @). */
enum ng_word_class {
    NG_WC_GAP = 1u << 0,
    NG_WC_NEG = 1u << 1,
    NG_WC_OPENER = 1u << 2,
    NG_WC_PREP = 1u << 3,
    NG_WC_BOUNDARY = 1u << 4,
    NG_WC_ADDRESSEE = 1u << 5,
    NG_WC_TITLE = 1u << 6,
    NG_WC_PRONOUN = 1u << 7,
    NG_WC_HONORIFIC = 1u << 8,
    NG_WC_DET = 1u << 9, /* the cue after it is a noun; "to" too (an infinitive) */
    NG_WC_BE = 1u << 10,
    NG_WC_DOCNOUN = 1u << 11 /* "Cornyn's statement added": the document speaks for its author */
};

/* Features of pronouns and honorifics. */
enum ng_word_feature {
    NG_FEAT_MALE = 1u << 0,
    NG_FEAT_FEMALE = 1u << 1,
    NG_FEAT_THING = 1u << 2,
    NG_FEAT_PLURAL = 1u << 3
};

typedef struct ng_cue {
    const char *form;     /* as in the lexicon: "declined to comment" */
    const char *relation; /* "declined_to_comment" */
    uint32_t frames;      /* ng_cue_frame bits */
    uint32_t nwords;      /* words in form */
} ng_cue;

/* What the lexicon knows about one word: its classes, features, the cue
 * it is by itself (or NULL) and whether phrases start with it. */
typedef struct ng_word_info {
    uint32_t classes;
    uint32_t features;
    const ng_cue *cue;
    uint32_t phrase_max; /* longest phrase starting with this word, 0 if none */
} ng_word_info;

/* Looks a single word up (case-insensitive for ASCII, ’ read as '): its
 * record in c, or a record of zeros (never NULL); valid while c is. */
const ng_word_info *ng_cues_word(const ng_cues *c, const char *s, size_t n);

/* A filter on the shape of a word as written: one bit per (class of its
 * first byte, class of its last byte, length up to 31), set for every
 * spelling of the words it was made of (ASCII case, ' or ’). A word whose
 * bit is clear is none of them; no folding or hashing is needed to say
 * so. Inline, as the cue scan asks it for most words of a text. */
typedef struct ng_cue_shapes {
    uint8_t byte_class[256];
    uint64_t bits[32 * 32 * 32 / 64];
} ng_cue_shapes;

/* The bit of a word of n > 0 bytes whose first byte is first and last
 * byte last, bytes classed by cls. */
static inline uint32_t ng_cue_shape_bit(const uint8_t *cls, unsigned char first, unsigned char last, size_t n)
{
    return (uint32_t)cls[first] << 10 | (uint32_t)cls[last] << 5 | (uint32_t)(n < 31 ? n : 31);
}

static inline int ng_cue_shapes_has(const ng_cue_shapes *f, const char *s, size_t n)
{
    if (n == 0)
        return 0;
    uint32_t bit = ng_cue_shape_bit(f->byte_class, (unsigned char)s[0], (unsigned char)s[n - 1], n);
    return (int)((f->bits[bit / 64] >> (bit % 64)) & 1u);
}

/* The filter of the words that are a cue or the first word of a cue
 * phrase: a word it rules out has a record without cue and with
 * phrase_max <= 1. Valid while c is. */
const ng_cue_shapes *ng_cues_heads(const ng_cues *c);

/* ng_cue_shapes_has(ng_cues_heads(c), s, n). */
int ng_cues_may_head(const ng_cues *c, const char *s, size_t n);

/* Longest cue phrase starting at words[0] (each words[i] a {ptr,len}
 * pair) of at most nwords words; NULL when none. */
typedef struct ng_cue_word {
    const char *s;
    size_t n;
} ng_cue_word;
const ng_cue *ng_cues_phrase(const ng_cues *c, const ng_cue_word *words, size_t nwords);

#endif
