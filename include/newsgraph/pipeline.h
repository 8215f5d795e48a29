/* pipeline.h - whole runs: inputs -> documents -> extractions -> actors -> graphs.
 *
 * An ng_corpus is one run: every input document loaded, extracted (in
 * parallel, -j) and resolved into one actor table, so node ids agree
 * between the graph of the whole run and the graph of any subset of its
 * documents (the days of `newsgraph days`). Documents that cannot be
 * read are reported through the warn callback and skipped; a run with
 * no readable document is NG_EINPUT. */
#ifndef NEWSGRAPH_PIPELINE_H
#define NEWSGRAPH_PIPELINE_H

#include "newsgraph/error.h"
#include "newsgraph/extract.h"
#include "newsgraph/graph.h"
#include "newsgraph/ingest.h"
#include "newsgraph/resolve.h"

#include <stdio.h>

typedef struct ng_run_options {
    const char *date;       /* --date for every document, or NULL */
    const char *data_dir;   /* NULL = default data directory */
    int jobs;               /* worker threads; 0 = number of online CPUs */
    int quiet;              /* no warnings on stderr */
    int progress;           /* print a progress line (CLI sets it for terminals) */
    size_t max_doc_bytes;   /* 0 = default */
    int jsonl;              /* INPUTs are JSON Lines of documents {"id","date","text"} */
    int from_extract;       /* INPUTs are `newsgraph extract` output (the reduce step) */
    ng_warn_fn warn;        /* warnings (bad files, invalid UTF-8); NULL = dropped */
    void *warn_ctx;
} ng_run_options;

typedef struct ng_corpus ng_corpus;

/* Loads, extracts and resolves every document under inputs, keeping what
 * graphs are built from: each document goes to the resolver as soon as it
 * is extracted (in input order), and then its text and extraction are
 * dropped, keeping only each entity's mention count and the statements
 * with their quotes. So ng_corpus_extraction gives NULL and
 * ng_corpus_write_extract refuses such a corpus. *out owned by caller. */
int ng_corpus_load(const char *const *inputs, size_t ninputs, const ng_run_options *opt,
                   ng_corpus **out, ng_error *err);

size_t ng_corpus_document_count(const ng_corpus *c);
/* Document i in run order (sorted by path). */
const ng_doc *ng_corpus_document(const ng_corpus *c, size_t i);
/* Extraction i, or NULL once dropped (ng_corpus_load). */
const ng_extraction *ng_corpus_extraction(const ng_corpus *c, size_t i);
const ng_resolver *ng_corpus_resolver(const ng_corpus *c);

/* Builds the graph of documents `subset` (indices, NULL = all documents).
 * Nodes: actors mentioned in those documents; edges: their statements.
 * *out owned by caller (ng_graph_free). */
int ng_corpus_build_graph(const ng_corpus *c, const size_t *subset, size_t nsubset,
                          ng_graph **out, ng_error *err);

/* Writes the `extract` JSON Lines (one object per document, spec format) to out. */
int ng_corpus_write_extract(const ng_corpus *c, FILE *out, ng_error *err);

/* `extract`: every document loaded, extracted and resolved, then written
 * as ng_corpus_write_extract does, but
 * memory does not grow with the documents: each record is spooled to an
 * unlinked temporary file (in $TMPDIR, else /tmp) as soon as its document
 * is extracted and written out with its node ids once the run is
 * resolved. Without a temporary file it keeps everything in memory.
 * Nothing is written to out unless the whole run succeeded up to the
 * writing. */
int ng_extract_run(const char *const *inputs, size_t ninputs, const ng_run_options *opt,
                   FILE *out, ng_error *err);

void ng_corpus_free(ng_corpus *c);

/* `extract --stream`: reads, extracts and writes documents in batches, so
 * memory stays flat however many documents there are. Ids are resolved
 * within each document only; `build --from-extract` resolves them across
 * documents (the reduce step). */
int ng_stream_extract(const char *const *inputs, size_t ninputs, const ng_run_options *opt,
                      FILE *out, ng_error *err);

#endif
