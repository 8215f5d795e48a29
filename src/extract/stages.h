/* stages.h - private interface between the extraction orchestrator
 * (extract.c) and its stages. Ownership: each *_load returns an object
 * the caller frees with the matching *_free; the find/coref functions
 * append to the ng_extraction they are given. */
#ifndef NG_EXTRACT_STAGES_H
#define NG_EXTRACT_STAGES_H

#include "newsgraph/extract.h"

/* Gazetteers: countries, demonyms, capitals, cities, given names, titles,
 * organisation words, ... (src/extract/gazetteer.c, data/gazetteer/). */
typedef struct ng_gazetteer ng_gazetteer;
int ng_gazetteer_load(const char *data_dir, ng_gazetteer **out, ng_error *err);
void ng_gazetteer_free(ng_gazetteer *g);

/* Cue lexicon: speech verbs and phrases -> relation (src/extract/cues.c, data/cues.tsv). */
typedef struct ng_cues ng_cues;
int ng_cues_load(const char *data_dir, ng_cues **out, ng_error *err);
void ng_cues_free(ng_cues *c);

struct ng_models {
    ng_gazetteer *gazetteer;
    ng_cues *cues;
};

/* Finds name, demonym and descriptor mentions (src/extract/mentions.c). */
int ng_mentions_find(const ng_gazetteer *gaz, ng_extraction *ex, ng_error *err);

/* The word of every token, as mention finding numbered the distinct
 * words of the document (0: not a word; two tokens share a number when
 * they are spelled alike but for ASCII case), kept for the later stages
 * of the same document (src/extract/extract.c). keep copies wid (ntok
 * entries, numbers < nwords); on ENOMEM nothing is kept. word_ids
 * returns NULL when nothing is kept for ntok tokens; drop frees them. */
void ng_extraction_keep_word_ids(ng_extraction *ex, const uint32_t *wid, size_t ntok,
                                 uint32_t nwords);
const uint32_t *ng_extraction_word_ids(const ng_extraction *ex, size_t ntok, uint32_t *nwords);
void ng_extraction_drop_word_ids(ng_extraction *ex);

/* Groups one document's mentions into local entities, filling
 * mention.entity and ex->entities (src/extract/coref.c). */
int ng_coref_document(const ng_gazetteer *gaz, ng_extraction *ex, ng_error *err);

/* Finds quotations and reported speech and attributes them
 * (src/extract/statements.c); may add pronoun/descriptor mentions. */
int ng_statements_find(const ng_cues *cues, const ng_gazetteer *gaz, ng_extraction *ex,
                       ng_error *err);

#endif
