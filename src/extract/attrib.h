/* attrib.h - private interface between the parts of statement attribution:
 * quotes.c pairs quotation marks, speakers.c finds and resolves the
 * speaker of a cue, statements.c runs the rules and writes statements.
 * Everything here lives for one ng_statements_find call. */
#ifndef NG_EXTRACT_ATTRIB_H
#define NG_EXTRACT_ATTRIB_H

#include "cues.h"
#include "gazetteer.h"
#include "stages.h"

#include <stdint.h>

#define NG_NO_TOK UINT32_MAX

/* One quotation: from its opening mark to its closing mark (or to the end
 * of the paragraph where it was left open). Multi-paragraph quotes run on
 * through the paragraphs that reopen with a quote mark. */
typedef struct ng_quote {
    uint32_t open_tok;   /* the opening mark */
    uint32_t close_tok;  /* the closing mark, or the first token after the quote when unclosed */
    uint32_t start, end; /* quoted words in bytes, spaces and a final comma trimmed */
    uint8_t single;      /* made of single quotes */
    uint8_t closed;      /* has a closing mark */
    uint8_t used;        /* 0 free, 1 direct statement, 2 inside a reported clause */
} ng_quote;

typedef struct ng_quote_list {
    ng_quote *v;
    size_t n, cap;
} ng_quote_list;

/* Pairs the quotation marks of text in one pass. in_quote (one per token,
 * caller-allocated) receives the index of the quote each token belongs to
 * (marks included), or -1. q->v is malloc'd (free it). */
int ng_quotes_find(const ng_text *text, ng_quote_list *q, int32_t *in_quote);

/* What one document looks like to the attribution rules. */
typedef struct ng_attr {
    const ng_cues *cues;
    const ng_cue_shapes *heads; /* ng_cues_heads(cues) */
    const ng_gazetteer *gaz; /* may be NULL (then genders are unknown) */
    ng_extraction *ex;
    const ng_text *tx;
    const ng_token *tok;
    const char *t;         /* document bytes */
    const ng_word_info **lex; /* per word of wid (per token without it): its
                            * lexicon record (zeros for non-words), NULL
                            * until looked up on first use: read it with ng_lex */
    const uint32_t *wid;   /* per token: its word (ng_extraction_word_ids), or NULL */
    uint8_t *cue_state;    /* per entry of lex: NG_CUE_UNSEEN, NG_CUE_NEVER or NG_CUE_MAYBE */
    int32_t *in_quote;     /* per token: quote index or -1 */
    int32_t *mention_at;   /* per token: index of the mention covering it, or -1 */
    uint8_t *in_content;   /* per token: 1 inside a reported clause already attributed */
    ng_quote_list quotes;
    /* the last attributed speaker, for pronouns ("he added") */
    int32_t last_speaker;
    uint32_t last_speaker_tok;
    /* pronoun mentions made for speakers, merged into ex->mentions at the end */
    ng_mention *pron;
    size_t npron, pron_cap;
    /* per statement made here: the token of its cue (anchor), for quotes
     * that inherit a speaker */
    uint32_t *anchor;
    int32_t *anchor_q; /* the quotation of a direct statement, or -1 */
    size_t nanchor, anchor_cap;
    size_t first_statement;
    int32_t *stamp; /* per entity: last statement that listed it as a subject */
    int32_t serial;
    int rc;         /* first error (NG_ENOMEM), sticky */
} ng_attr;

/* Whether a cue can start at a word, whatever follows it: the cue scan
 * decides it once per word (per token without word ids) and then skips
 * the word's other tokens with one load. NEVER: no cue and no phrase
 * starts with the word, or its only cue is a source ("report"), which the
 * scan passes over; non-words are NEVER from the start. */
enum { NG_CUE_UNSEEN = 0, NG_CUE_NEVER = 1, NG_CUE_MAYBE = 2 };

/* The lexicon record of token i. Most words are never asked about (those
 * in quotations and names), so each is looked up on first use; the
 * lookup is pure, so a const ng_attr may fill the cache. */
static inline const ng_word_info *ng_lex(const ng_attr *a, uint32_t i)
{
    const ng_word_info **w = &a->lex[a->wid ? a->wid[i] : i];
    if (!*w)
        *w = ng_cues_word(a->cues, a->t + a->tok[i].start, a->tok[i].end - a->tok[i].start);
    return *w;
}

/* A subject (speaker) noun phrase found next to a cue. */
typedef struct ng_subject {
    int found;               /* a noun phrase stands where the subject goes */
    uint32_t np_begin, np_end; /* its tokens [np_begin, np_end) */
    uint32_t edge;           /* where the cue's own words start ("who" in "X who said") */
    int32_t head_mention;    /* mention naming the speaker, or -1 */
    uint32_t pronoun_tok;    /* NG_NO_TOK unless the head is a pronoun */
    int negated;             /* "neither X nor Y has confirmed" */
    int32_t more[4];         /* coordinated co-speakers' mentions ("X and Y said") */
    uint32_t nmore;
} ng_subject;

/* Subject on the left of the cue starting at token cue (same sentence). */
void ng_subject_left(const ng_attr *a, uint32_t cue, ng_subject *s);
/* Subject right after token pos (inverted "said Peskov", "according to X"). */
void ng_subject_right(const ng_attr *a, uint32_t pos, ng_subject *s);

/* Subject after "according to" (np_end: the closing comma or the name's end). */
void ng_subject_according(const ng_attr *a, uint32_t pos, uint32_t hi, ng_subject *s);

/* Speaker entity of a subject; for a pronoun head, resolves it and records
 * a pronoun mention (its index, encoded, goes to *mention). -1 when unresolved. */
int32_t ng_subject_speaker(ng_attr *a, const ng_subject *s, int32_t *mention);

/* One speech cue found in a sentence, with its subject. */
typedef struct cue_hit {
    uint32_t b, e; /* the cue's tokens [b, e) */
    const ng_cue *cue;
    ng_subject subj;
    int inverted;  /* the subject follows the cue ("said Peskov") */
    int ok;
    int resolved;  /* speaker below computed */
    struct cue_hit *borrow; /* "..., adding that ...": the subject of this earlier cue */
    int32_t speaker, speaker_mention;
} cue_hit;

/* Applies the rules to hits[k] of sentence sn (frames.c). */
void ng_attr_cue(ng_attr *a, const ng_sentence *sn, cue_hit *hits, size_t nhits, size_t k);

/* Emits the statement(s) of cue h for quotation q (emit.c). */
void ng_attr_direct(ng_attr *a, cue_hit *h, int32_t q);
/* Emits the statement(s) of cue h for the reported clause of tokens
 * [tb, te); when adj_lo is a token, the words from it to the subject count
 * for "about" too ("Following X's proposal, Y said ..."). */
void ng_attr_reported(ng_attr *a, cue_hit *h, uint32_t tb, uint32_t te, uint32_t adj_lo);
/* Emits a statement for an uncued quotation q, with the speaker and cue of
 * statement `from` (or unresolved when from < 0). */
void ng_attr_inherit(ng_attr *a, int32_t q, int32_t from);

/* Is token i this punctuation character? Inline: the rules ask it of
 * most tokens around a cue, often several characters in a row. */
static inline int ng_tok_is(const ng_attr *a, uint32_t i, char c)
{
    const ng_token *k = &a->tok[i];
    return (k->flags & NG_TOK_PUNCT) && k->end - k->start == 1 && a->t[k->start] == c;
}

#endif
