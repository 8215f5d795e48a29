/* corpus_internal.h - what the pipeline's own files share about a corpus. */
#ifndef NG_CORPUS_INTERNAL_H
#define NG_CORPUS_INTERNAL_H

#include "newsgraph/pipeline.h"

#include "strbuf.h"

/* The resolver's index of readable document i: its position among all
 * inputs of the run (unreadable ones included), as given to ng_resolver_add. */
uint32_t ng_corpus_resolver_doc(const ng_corpus *c, size_t i);

/* Drops from an extracted document what building its graph does not read
 * (graph_build.c): the text, once the quotes of the statements are copied
 * into the extraction, and the mentions. ng_corpus_load does it to every
 * document, so a run's memory follows its graph rather than its text. */
int ng_graph_inputs_only(ng_doc *doc, ng_extraction *ex);
/* Frees doc's text and body (leaving an empty text): ids, dates and
 * titles are all that graphs and day groups read of a document. */
void ng_doc_drop_text(ng_doc *doc);
/* Whether the corpus was loaded that way (ng_corpus_load). */
int ng_corpus_graph_only(const ng_corpus *c);

/* One statement as an edge needs it: strings already chosen and cut as
 * graph_build.c would from the full extraction. Offsets are from the
 * start of the ng_graph_input block (ng_graph_input_at). */
typedef struct ng_graph_statement {
    int32_t speaker;  /* local entity, valid */
    uint32_t nabout;  /* at least 1 */
    uint32_t about;   /* int32_t[nabout]: local entities, as in the extraction */
    uint32_t cue;     /* NUL-terminated strings: cue ("" for none), */
    uint32_t relation; /* relation ("said" for none) and quote */
    uint32_t quote;
    uint32_t start, end;
    uint8_t direct;
} ng_graph_statement;

/* What graph building reads of one extracted document, as one block of
 * `size` bytes that holds no pointers, so that ng_corpus_load can keep it
 * in a temporary file (or, with none, in memory) once the document is in
 * the resolver. ng_graph_statement[nstatements] follows the header, then
 * uint32_t mentions[nentities] (each entity's mention count). */
typedef struct ng_graph_input {
    uint64_t size;
    uint64_t nentities;
    uint64_t nstatements; /* those that can make an edge */
    uint64_t mentions;    /* offset of the mention counts */
} ng_graph_input;

static inline const void *ng_graph_input_at(const ng_graph_input *in, uint32_t off)
{
    return (const char *)in + off;
}

static inline const ng_graph_statement *ng_graph_input_statements(const ng_graph_input *in)
{
    return (const ng_graph_statement *)(in + 1);
}

/* The graph input of doc's extraction ex (malloc'd), or NULL when out of
 * memory or too large (4 GiB). */
ng_graph_input *ng_graph_input_make(const ng_doc *doc, const ng_extraction *ex);
/* Document i's graph input (ng_corpus_load corpora): in memory, or read
 * into scratch. NULL when it cannot be read (or the corpus has none). */
const ng_graph_input *ng_corpus_graph_input(const ng_corpus *c, size_t i, ng_strbuf *scratch);

/* Receives one document read from a stream; takes ownership of doc and,
 * when ex is not NULL, of the extraction it points to (moved by value). */
typedef int (*ng_doc_sink)(void *ctx, ng_doc *doc, ng_extraction *ex, ng_error *err);

/* Reads JSON Lines documents {"id","date","text"[,"title"][,"html":true]}
 * from path ("-" = stdin); bad lines are warned about and skipped. */
int ng_jsonl_read_documents(const char *path, const ng_run_options *opt,
                            const ng_ingest_options *ingest, ng_doc_sink sink, void *ctx,
                            ng_error *err);

/* Reads `extract` output back into documents and extractions. */
int ng_jsonl_read_extract(const char *path, const ng_run_options *opt, ng_doc_sink sink,
                          void *ctx, ng_error *err);

/* Appends the `extract` record template of one document to b: the record with local entity indices where node ids go (see
 * extract_out.c). Needs only doc and ex; both may be freed afterwards. */
int ng_extract_format_template(ng_strbuf *b, const ng_doc *doc, const ng_extraction *ex);

/* The node ids of a finished resolver, quoted for JSON once, and the
 * scratch space of ng_extract_expand. */
typedef struct ng_extract_ids {
    const ng_resolver *r;
    ng_resolver_reader *reader; /* r's log, read a window at a time */
    ng_strbuf quoted; /* every actor's id as a JSON string, back to back */
    size_t *off;      /* actor i's is quoted.data[off[i] .. off[i + 1]) */
    size_t max_quoted; /* the longest of them, or 4 (null) */
    int32_t *actor;   /* actor of each local entity of the current record */
    size_t actor_cap;
    /* a mention's `,"type":"T","kind":"K","start":` for type and kind below 4 */
    char mention_keys[4][4][64];
    uint8_t mention_keys_len[4][4];
} ng_extract_ids;

int ng_extract_ids_init(ng_extract_ids *ids, const ng_resolver *r);
void ng_extract_ids_free(ng_extract_ids *ids);

/* Expands template tpl[0..n), appending to out: the record of the
 * document that has index rdoc in the resolver of ids. */
int ng_extract_expand(ng_strbuf *out, const char *tpl, size_t n, ng_extract_ids *ids,
                      uint32_t rdoc);

/* Template and expansion in one step (b and scratch are cleared first;
 * scratch holds the template). */
int ng_extract_format_record(ng_strbuf *b, ng_strbuf *scratch, const ng_doc *doc,
                             const ng_extraction *ex, ng_extract_ids *ids, uint32_t rdoc);

/* An unlinked temporary file that records are appended to and read back
 * from (spool.c). Appends may come from several threads. */
typedef struct ng_spool ng_spool;

/* A new spool in $TMPDIR (else /tmp), or NULL when no file can be made. */
ng_spool *ng_spool_open(void);
/* Appends data[0..n) and stores where it went in *off. 0 or NG_EIO. */
int ng_spool_append(ng_spool *sp, const char *data, size_t n, uint64_t *off);
/* Reads n bytes at off into out (replacing its contents). */
int ng_spool_read(const ng_spool *sp, uint64_t off, size_t n, ng_strbuf *out);
/* Bytes appended so far (call when no append is under way). */
uint64_t ng_spool_size(const ng_spool *sp);
void ng_spool_close(ng_spool *sp);

#endif
