/* corpus_run.h - the state of one run shared by corpus.c (loading,
 * workers, plain extract's spool) and stream.c (extract --stream): the
 * document slots, the work queue the workers take documents from, and the
 * helpers both use. Private to src/pipeline. */
#ifndef NG_CORPUS_RUN_H
#define NG_CORPUS_RUN_H

#include "newsgraph/pipeline.h"

#include "corpus_internal.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

typedef struct doc_slot {
    const char *name; /* path for messages (borrowed from paths or doc) */
    ng_doc *doc;      /* NULL until loaded; preloaded for JSON Lines inputs */
    int extracted;    /* ex already filled (--from-extract) */
    ng_extraction *ex; /* NULL until extracted, and again once spooled or in
                          the resolver: a slot is small, as plain extract keeps
                          one per document */
    ng_graph_input *gin; /* ng_corpus_load: what building graphs reads of ex,
                            when it is not in the spool (spool_off, spool_len) */
    int rc;           /* 0 ok, else the failure code */
    char *error;      /* message of the failure */
    int finished;     /* spooling: extracted and its template written */
    uint64_t spool_off; /* spooling: where its template is in the spool */
    size_t spool_len;
    char *record;     /* --stream: its record, resolved and formatted by the
                         worker that extracted it (ngp_stream_record) */
    size_t record_len;
    int record_failed; /* --stream: rc and error are from resolving or
                          formatting the record, which stops the run */
} doc_slot;

struct ng_corpus {
    ng_pathlist paths;
    doc_slot *slots;
    size_t nslots, slots_cap;
    size_t *ok;       /* indices of slots that loaded and extracted */
    size_t nok;
    ng_models *models;
    ng_furniture *furniture;
    ng_resolver *resolver;
    int graph_only;   /* texts and mentions dropped (ng_graph_inputs_only) */
    ng_spool *inputs; /* ng_corpus_load: the graph inputs, NULL = in memory */
};

/* Plain extract's spool: each record template goes to an unlinked
 * temporary file as soon as its document is extracted, and extractions
 * go to the resolver in document order as soon as every earlier one has,
 * then both are freed. Memory holds what the resolver keeps, not the
 * documents. ng_corpus_load feeds the resolver the same way, but spools
 * each extraction's graph input (ng_graph_input_make) instead of a
 * template, and keeps the (textless) documents. */
typedef struct spool {
    ng_spool *file;   /* NULL: graph inputs stay in memory */
    int graph_inputs; /* ng_corpus_load: spool graph inputs, not templates */
    size_t next_add;  /* first slot not yet given to the resolver */
    int rc;           /* first failure writing or resolving, 0 if none */
    size_t fail_slot; /* the slot it happened at */
    ng_error err;
    pthread_mutex_t lock;
} spool;

typedef struct work_queue {
    ng_corpus *c;
    const ng_run_options *opt;
    ng_ingest_options ingest;
    atomic_size_t next;
    atomic_size_t done;
    pthread_mutex_t lock; /* serialises warnings and the progress line */
    double started, last_progress;
    int streaming;        /* total unknown: progress shows the count only */
    spool *spool;         /* plain extract: spool templates, resolve as we go */
    int graph_only;       /* ng_corpus_load: keep what graphs are built from */
} work_queue;

/* Monotonic clock in seconds, for the progress line. */
double ngp_now_seconds(void);

/* Warning callback for ingestion in worker threads: passes msg to the
 * run's callback under the queue's lock. ctx is the work_queue. */
void ngp_locked_warn(void *ctx, const char *msg);

/* Frees slot s's extraction, if any. */
void ngp_free_extraction(doc_slot *s);

/* Runs the workers over q's slots from q->next on (jobs <= 0: one per
 * online CPU). Returns 0 or NG_ENOMEM. */
int ngp_run_workers(work_queue *q, int jobs);

/* Loads c's models and furniture rules for opt, and points q (zeroed,
 * its lock initialised) at c with the ingest options of the run. */
int ngp_queue_start(work_queue *q, ng_corpus *c, const ng_run_options *opt, ng_error *err);

/* Formats a warning and passes it to opt's callback, if any. */
void ngp_warnf(const ng_run_options *opt, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* --stream, in the worker that extracted slot s: resolves its ids
 * inside the document and formats its record into s->record (scratch
 * is the worker's buffer for the template), then frees its extraction. On
 * failure sets s->rc, s->error and s->record_failed. *reuse is the
 * worker's resolver (NULL at first), reset for each document and left
 * there for the next; the worker frees it. */
void ngp_stream_record(const work_queue *q, doc_slot *s, ng_strbuf *scratch, ng_resolver **reuse);

/* Appends an empty slot to c; returns it or NULL when out of memory. */
doc_slot *ngp_add_slot(ng_corpus *c);

/* ng_doc_sink for the JSON Lines readers: one slot per document (ctx is
 * the corpus; ex is kept when the input was extract output). */
int ngp_sink_document(void *ctx, ng_doc *doc, ng_extraction *ex, ng_error *err);

#endif
