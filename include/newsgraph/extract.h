/* extract.h - stage 3: who is in a document and who said what about whom.
 *
 * ng_extract_document runs, for one document: mention finding
 * (mentions.h), in-document coreference into local entities, and
 * statement attribution (statements.h). Everything it produces lives in
 * the ng_extraction and is freed by ng_extraction_free. Run-level
 * resolution (one node per actor across documents) is resolve.h.
 *
 * Thread safety: an ng_models is read-only after loading and may be
 * shared by threads; each thread uses its own ng_extraction. */
#ifndef NEWSGRAPH_EXTRACT_H
#define NEWSGRAPH_EXTRACT_H

#include "newsgraph/error.h"
#include "newsgraph/ingest.h"
#include "newsgraph/text.h"

#include <stddef.h>
#include <stdint.h>

typedef enum ng_entity_type {
    NG_TYPE_PERSON = 0,
    NG_TYPE_ORG = 1,
    NG_TYPE_PLACE = 2,
    NG_TYPE_COUNT
} ng_entity_type;

typedef enum ng_mention_kind {
    NG_KIND_NAME = 0,       /* proper name or acronym as written */
    NG_KIND_DEMONYM = 1,    /* "North Korean" */
    NG_KIND_DESCRIPTOR = 2, /* "the Kremlin spokesman" */
    NG_KIND_PRONOUN = 3     /* "he", resolved */
} ng_mention_kind;

/* "person", "organization", "place". */
const char *ng_entity_type_name(int type);
/* "name", "demonym", "descriptor", "pronoun". */
const char *ng_mention_kind_name(int kind);

typedef struct ng_mention {
    uint32_t start, end; /* bytes in doc->text; possessive 's excluded */
    uint32_t sentence;   /* sentence index in ng_text */
    uint8_t type;        /* ng_entity_type */
    uint8_t kind;        /* ng_mention_kind */
    int32_t entity;      /* index into ng_extraction.entities, -1 when unresolved */
} ng_mention;

/* One actor inside one document: the in-document cluster of its mentions.
 * Strings are owned by the extraction (its arena). */
typedef struct ng_local_entity {
    uint8_t type;           /* ng_entity_type */
    const char *name;       /* fullest well-formed name in this document; NULL or ""
                               for an actor the document knows only by a descriptor
                               ("the Ukrainian president": role and country set) */
    const char **aliases;   /* other surface forms seen (names only), distinct */
    size_t naliases;
    const char *given;      /* persons: given name(s) as written, or NULL */
    const char *surname;    /* persons: last name as written, or NULL */
    const char *acronym;    /* organisations: acronym defined or matched, or NULL */
    const char *role;       /* descriptor role bound to it ("president"), or NULL */
    const char *country;    /* nationality bound to it ("Ukraine"), or NULL */
    uint32_t mentions;      /* number of mentions of any kind */
    uint32_t first_mention; /* index of its first mention */
} ng_local_entity;

typedef struct ng_statement {
    int32_t speaker;          /* local entity index, -1 when unresolved (no edge) */
    int32_t speaker_mention;  /* mention index naming the speaker, -1 if none */
    uint32_t cue_start, cue_end;
    const char *cue;          /* cue as written, lowercase lemma ("told") - extraction-owned */
    const char *relation;     /* relation vocabulary word ("said", "declined_to_comment") */
    uint8_t direct;           /* 1 quotation, 0 reported speech */
    uint32_t quote_start, quote_end; /* quoted words or reported clause */
    int32_t *about;           /* local entity indices, never the speaker */
    uint32_t nabout;
    int32_t source;           /* "citing Y": local entity of Y, or -1 */
    const char *quote_text;   /* NULL: the quote is doc->text[quote_start, quote_end);
                                 set when the document text is not at hand (--from-extract) */
} ng_statement;

/* Opaque loaded knowledge (gazetteers, cue lexicon, ...). */
typedef struct ng_models ng_models;

/* Loads everything extraction needs from data_dir (NULL = the default:
 * $NEWSGRAPH_DATA, the installed data dir, then the source tree's data/).
 * *out owned by the caller (ng_models_free). */
int ng_models_load(const char *data_dir, ng_models **out, ng_error *err);
void ng_models_free(ng_models *m);

typedef struct ng_extraction {
    const ng_doc *doc;       /* borrowed */
    ng_text text;
    ng_mention *mentions;    /* sorted by start */
    size_t nmentions, mentions_cap;
    ng_local_entity *entities;
    size_t nentities, entities_cap;
    ng_statement *statements;
    size_t nstatements, statements_cap;
    struct ng_extract_pool *pool; /* private: string/array storage */
} ng_extraction;

/* Runs mentions, coreference and attribution on doc. On success *out
 * holds the results; free with ng_extraction_free (also after failure). */
int ng_extract_document(const ng_models *models, const ng_doc *doc, ng_extraction *out,
                        ng_error *err);

void ng_extraction_free(ng_extraction *ex);

/* Prepares an empty extraction for doc (no text analysis): for tests and
 * for readers that rebuild extractions from `extract` output. Free with
 * ng_extraction_free. Returns 0 or NG_ENOMEM. */
int ng_extraction_init(ng_extraction *ex, const ng_doc *doc);

/* Helpers for the extraction stages: append records; return the new
 * index or a negative NG_E* code. Strings passed to ng_extraction_strdup
 * are copied into the extraction's storage. */
int ng_extraction_add_mention(ng_extraction *ex, const ng_mention *m);
int ng_extraction_add_entity(ng_extraction *ex, const ng_local_entity *e);
int ng_extraction_add_statement(ng_extraction *ex, const ng_statement *s);
const char *ng_extraction_strdup(ng_extraction *ex, const char *s, size_t n);
void *ng_extraction_alloc(ng_extraction *ex, size_t size);

#endif
