/* text.h - stage 2: paragraphs, sentences and tokens with byte offsets.
 *
 * Works only inside doc->body (furniture never reaches later stages).
 * Sentences never cross a paragraph break; the splitter survives
 * abbreviations (U.S., Jan., Mr., Gen.), initials, decimals and quotes
 * that close after the period. Tokens: words (letters/digits with
 * internal hyphens, apostrophes and abbreviation dots), possessive
 * "'s"/"’s" as its own token, each punctuation mark as a token. */
#ifndef NEWSGRAPH_TEXT_H
#define NEWSGRAPH_TEXT_H

#include "newsgraph/error.h"
#include "newsgraph/ingest.h"

#include <stddef.h>
#include <stdint.h>

enum ng_token_flag {
    NG_TOK_WORD = 1 << 0,       /* letters/digits */
    NG_TOK_CAP = 1 << 1,        /* first letter uppercase */
    NG_TOK_ALLCAPS = 1 << 2,    /* every letter uppercase (and >= 1 letter) */
    NG_TOK_DIGIT = 1 << 3,      /* starts with a digit */
    NG_TOK_PUNCT = 1 << 4,      /* punctuation mark */
    NG_TOK_DQUOTE = 1 << 5,     /* a double quote: " “ ” « » „ */
    NG_TOK_SQUOTE = 1 << 6,     /* a single quote standing alone: ' ‘ ’ */
    NG_TOK_OPEN = 1 << 7,       /* quote that opens (by form or position) */
    NG_TOK_CLOSE = 1 << 8,      /* quote that closes (by form or position) */
    NG_TOK_POSSESSIVE = 1 << 9, /* the 's / ’s after a name */
    NG_TOK_SENT_START = 1 << 10,/* first word token of a sentence */
    NG_TOK_PARA_START = 1 << 11,/* first token of a paragraph */
    NG_TOK_HEADLINE = 1 << 12,  /* in a Title Case / ALL CAPS line without final punctuation */
    NG_TOK_ABBREV = 1 << 13     /* word ending in an abbreviation dot (U.S., Mr.) */
};

typedef struct ng_token {
    uint32_t start, end;  /* bytes in doc->text */
    uint32_t flags;       /* ng_token_flag bits */
    uint32_t sentence;    /* index of its sentence */
} ng_token;

typedef struct ng_sentence {
    uint32_t start, end;          /* bytes */
    uint32_t tok_begin, tok_end;  /* token index range, end exclusive */
    uint32_t para;                /* paragraph index */
} ng_sentence;

typedef struct ng_text {
    const ng_doc *doc;            /* borrowed */
    ng_token *tokens;
    size_t ntokens;
    /* per token: the bytes of a word of 1 to 7 ASCII letters and digits,
     * lowercased and zero-padded, as one unaligned 8-byte load would give
     * them; 0 for other tokens (and when NULL) */
    uint64_t *heads;
    ng_sentence *sentences;
    size_t nsentences;
    ng_span *paras;               /* paragraphs: body split at line breaks */
    size_t nparas;
} ng_text;

/* Splits doc's body into paragraphs, sentences and tokens. The arrays are
 * allocated with malloc and owned by *out (ng_text_free). */
int ng_text_analyze(const ng_doc *doc, ng_text *out, ng_error *err);

void ng_text_free(ng_text *t);

/* Length in bytes of the UTF-8 sequence at s (1..4; 1 for a stray byte). */
size_t ng_utf8_len(const unsigned char *s, size_t avail);
/* Decodes the code point at s; stores its byte length in *len. */
uint32_t ng_utf8_decode(const unsigned char *s, size_t avail, size_t *len);

#endif
