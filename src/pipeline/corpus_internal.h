/* corpus_internal.h - what the pipeline's own files share about a corpus. */
#ifndef NG_CORPUS_INTERNAL_H
#define NG_CORPUS_INTERNAL_H

#include "newsgraph/pipeline.h"

#include "strbuf.h"

/* The resolver's index of readable document i: its position among all
 * inputs of the run (unreadable ones included), as given to ng_resolver_add. */
uint32_t ng_corpus_resolver_doc(const ng_corpus *c, size_t i);

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

/* Formats the `extract` record of one document into b (cleared first);
 * ids come from resolver r, where the document has index rdoc. */
int ng_extract_format_record(ng_strbuf *b, const ng_doc *doc, const ng_extraction *ex,
                             const ng_resolver *r, uint32_t rdoc);

#endif
