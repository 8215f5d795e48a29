/* corpus.c - one run: load every document, extract in parallel, resolve
 * actors across the run (see include/newsgraph/pipeline.h).
 *
 * Extraction is per document and independent, so workers take document
 * indices from a shared counter and write results into slot i; resolution
 * then runs in document order on one thread. The output therefore does
 * not depend on the number of threads or on scheduling. */
#include "newsgraph/pipeline.h"

#include "corpus_internal.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Warnings come from worker threads; the user's callback sees them one at a time. */
static void locked_warn(void *ctx, const char *msg)
{
    work_queue *q = ctx;
    if (!q->opt->warn)
        return;
    pthread_mutex_lock(&q->lock);
    q->opt->warn(q->opt->warn_ctx, msg);
    pthread_mutex_unlock(&q->lock);
}

/* A progress line on stderr once a run has taken more than two seconds. */
static void report_progress(work_queue *q, size_t done)
{
    if (!q->opt->progress)
        return;
    double t = now_seconds();
    if (t - q->started < 2.0 || (t - q->last_progress < 0.25 && done < q->c->nslots))
        return;
    pthread_mutex_lock(&q->lock);
    q->last_progress = t;
    if (q->streaming) {
        fprintf(stderr, "\rnewsgraph: %zu documents, %.1f s", done, t - q->started);
    } else {
        fprintf(stderr, "\rnewsgraph: %zu/%zu documents, %.1f s", done, q->c->nslots,
                t - q->started);
        if (done == q->c->nslots)
            fputc('\n', stderr);
    }
    fflush(stderr);
    pthread_mutex_unlock(&q->lock);
}

static void free_extraction(doc_slot *s)
{
    if (s->ex)
        ng_extraction_free(s->ex);
    free(s->ex);
    s->ex = NULL;
}

/* Makes slot t's graph input and puts it in the spool file, or keeps it
 * in memory when there is no file. */
static int keep_graph_input(spool *sp, doc_slot *t)
{
    ng_graph_input *in = ng_graph_input_make(t->doc, t->ex);
    if (!in)
        return NG_ENOMEM;
    if (!sp->file) {
        t->gin = in;
        return 0;
    }
    t->spool_len = (size_t)in->size;
    int rc = ng_spool_append(sp->file, (const char *)in, t->spool_len, &t->spool_off);
    free(in);
    return rc;
}

/* Spools slot i's template, then hands every extraction that is now next
 * in document order to the resolver and frees it with its document. */
static void spool_document(work_queue *q, size_t i, ng_strbuf *scratch)
{
    ng_corpus *c = q->c;
    doc_slot *s = &c->slots[i];
    spool *sp = q->spool;
    int rc = s->rc == 0 && !sp->graph_inputs ? ng_extract_format_template(scratch, s->doc, s->ex)
                                             : 0;
    if (s->rc == 0 && rc == 0 && !sp->graph_inputs) {
        s->spool_len = scratch->len;
        rc = ng_spool_append(sp->file, scratch->data, scratch->len, &s->spool_off);
    }
    pthread_mutex_lock(&sp->lock);
    if (rc < 0 && sp->rc == 0) {
        sp->rc = rc;
        sp->fail_slot = i;
        ng_error_set(&sp->err, rc, rc == NG_ENOMEM ? "%s: out of memory writing its record"
                                                   : "%s: writing a temporary file failed",
                     s->name);
    }
    s->finished = 1;
    while (sp->next_add < c->nslots && c->slots[sp->next_add].finished) {
        doc_slot *t = &c->slots[sp->next_add];
        if (t->rc == 0) {
            if (sp->rc == 0 &&
                (rc = ng_resolver_add(c->resolver, (uint32_t)sp->next_add, t->ex, &sp->err)) < 0) {
                sp->rc = rc;
                sp->fail_slot = sp->next_add;
            }
            if (sp->graph_inputs && sp->rc == 0 && (rc = keep_graph_input(sp, t)) < 0) {
                sp->rc = ng_error_set(&sp->err, rc, rc == NG_ENOMEM ? "%s: out of memory"
                                                      : "%s: writing a temporary file failed",
                                      t->name);
                sp->fail_slot = sp->next_add;
            }
            free_extraction(t);
            if (sp->graph_inputs) {
                ng_doc_drop_text(t->doc);
            } else {
                if (t->name == t->doc->path)
                    t->name = NULL;
                ng_doc_free(t->doc);
                t->doc = NULL;
            }
        }
        sp->next_add++;
    }
    pthread_mutex_unlock(&sp->lock);
}

static void process_one(work_queue *q, size_t i, ng_strbuf *scratch)
{
    doc_slot *s = &q->c->slots[i];
    ng_error err;
    ng_error_clear(&err);
    if (s->extracted) {
        if (q->spool && q->spool->graph_inputs) /* --from-extract into ng_corpus_load */
            spool_document(q, i, scratch);
        return;
    }
    s->rc = s->doc ? 0 : ng_doc_load(s->name, &q->ingest, &s->doc, &err);
    if (s->rc == 0 && !(s->ex = calloc(1, sizeof *s->ex)))
        s->rc = ng_error_set(&err, NG_ENOMEM, "%s: out of memory", s->name);
    if (s->rc == 0)
        s->rc = ng_extract_document(q->c->models, s->doc, s->ex, &err);
    /* tokens and sentences are three times the text: later stages need only
     * the mentions, entities and statements, so memory follows the graph */
    if (s->ex)
        ng_text_free(&s->ex->text);
    if (s->rc == 0 && q->graph_only && ng_graph_inputs_only(s->doc, s->ex) < 0)
        s->rc = ng_error_set(&err, NG_ENOMEM, "%s: out of memory", s->name);
    if (s->rc != 0) {
        s->error = strdup(err.message[0] ? err.message : "failed");
        free_extraction(s);
    }
    if (q->spool)
        spool_document(q, i, scratch);
}

static void *worker(void *arg)
{
    work_queue *q = arg;
    ng_strbuf scratch; /* this worker's template buffer, reused across documents */
    ng_strbuf_init(&scratch);
    for (;;) {
        size_t i = atomic_fetch_add(&q->next, 1);
        if (i >= q->c->nslots)
            break;
        process_one(q, i, &scratch);
        report_progress(q, atomic_fetch_add(&q->done, 1) + 1);
    }
    ng_strbuf_free(&scratch);
    return NULL;
}

static int run_workers(work_queue *q, int jobs)
{
    if (jobs <= 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = n > 0 ? (int)n : 1;
    }
    if ((size_t)jobs > q->c->nslots)
        jobs = (int)q->c->nslots;
    if (jobs <= 1) {
        worker(q);
        return 0;
    }
    pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
    if (!threads)
        return NG_ENOMEM;
    int started = 0;
    for (; started < jobs; started++)
        if (pthread_create(&threads[started], NULL, worker, q) != 0)
            break;
    if (started == 0)
        worker(q); /* no thread could start: do the work here */
    for (int t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    free(threads);
    return 0;
}

static void warnf(const ng_run_options *opt, const char *fmt, ...)
{
    if (!opt->warn)
        return;
    char msg[1200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    opt->warn(opt->warn_ctx, msg);
}

/* Appends an empty slot; returns it or NULL when out of memory. */
static doc_slot *add_slot(ng_corpus *c)
{
    if (c->nslots == c->slots_cap) {
        size_t cap = c->slots_cap ? c->slots_cap * 2 : 64;
        doc_slot *p = realloc(c->slots, cap * sizeof *p);
        if (!p)
            return NULL;
        c->slots = p;
        c->slots_cap = cap;
    }
    doc_slot *s = &c->slots[c->nslots++];
    memset(s, 0, sizeof *s);
    return s;
}

/* Sink for JSON Lines readers: a document (and maybe its extraction) per slot. */
static int sink_document(void *ctx, ng_doc *doc, ng_extraction *ex, ng_error *err)
{
    ng_corpus *c = ctx;
    doc_slot *s = add_slot(c);
    if (!s) {
        if (ex)
            ng_extraction_free(ex);
        ng_doc_free(doc);
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    }
    s->doc = doc;
    s->name = doc->path;
    if (ex) {
        if (!(s->ex = malloc(sizeof *s->ex))) {
            ng_extraction_free(ex);
            return ng_error_set(err, NG_ENOMEM, "out of memory");
        }
        *s->ex = *ex;
        s->ex->doc = doc;
        s->extracted = 1;
    }
    return 0;
}

/* Fills the corpus's slots from the inputs: paths to load, or documents
 * (and extractions) read from JSON Lines streams. */
static int collect_inputs(ng_corpus *c, const char *const *inputs, size_t ninputs,
                          const ng_run_options *opt, const ng_ingest_options *ingest,
                          ng_error *err)
{
    int rc = 0;
    if (opt->jsonl || opt->from_extract) {
        for (size_t i = 0; i < ninputs && rc == 0; i++)
            rc = opt->from_extract
                     ? ng_jsonl_read_extract(inputs[i], opt, sink_document, c, err)
                     : ng_jsonl_read_documents(inputs[i], opt, ingest, sink_document, c, err);
        if (rc == 0 && c->nslots == 0)
            rc = ng_error_set(err, NG_EINPUT, "no document in the JSON Lines input");
        return rc;
    }
    if ((rc = ng_inputs_expand(inputs, ninputs, &c->paths, err)) < 0)
        return rc;
    for (size_t i = 0; i < c->paths.count; i++) {
        doc_slot *s = add_slot(c);
        if (!s)
            return ng_error_set(err, NG_ENOMEM, "out of memory");
        s->name = c->paths.paths[i];
    }
    return 0;
}

/* ng_corpus_load, spooling templates into sp when it is not NULL (the
 * corpus then keeps neither documents nor extractions). */
static int load_corpus(const char *const *inputs, size_t ninputs, const ng_run_options *opt,
                       spool *sp, int graph_only, ng_corpus **out, ng_error *err)
{
    int rc;
    work_queue q;
    memset(&q, 0, sizeof q);
    pthread_mutex_init(&q.lock, NULL);
    ng_corpus *c = calloc(1, sizeof *c);
    if (!c) {
        rc = ng_error_set(err, NG_ENOMEM, "out of memory");
        goto cleanup;
    }
    if ((rc = ng_models_load(opt->data_dir, &c->models, err)) < 0)
        goto cleanup;
    if ((rc = ng_furniture_load(opt->data_dir, &c->furniture, err)) < 0)
        goto cleanup;
    q.c = c;
    q.opt = opt;
    q.ingest = (ng_ingest_options){.date = opt->date,
                                   .max_doc_bytes = opt->max_doc_bytes,
                                   .warn = locked_warn,
                                   .warn_ctx = &q,
                                   .furniture = c->furniture};
    if ((rc = collect_inputs(c, inputs, ninputs, opt, &q.ingest, err)) < 0)
        goto cleanup;
    c->ok = calloc(c->nslots ? c->nslots : 1, sizeof *c->ok);
    if (!c->ok) {
        rc = ng_error_set(err, NG_ENOMEM, "out of memory");
        goto cleanup;
    }
    /* spooling resolves while extracting; else all extractions stay */
    if (sp && (rc = ng_resolver_new(c->models, &c->resolver, err)) < 0)
        goto cleanup;
    q.spool = sp;
    q.graph_only = c->graph_only = graph_only;
    q.started = now_seconds();
    if ((rc = run_workers(&q, opt->jobs)) < 0) {
        ng_error_set(err, rc, "cannot start worker threads");
        goto cleanup;
    }
    if (!sp && (rc = ng_resolver_new(c->models, &c->resolver, err)) < 0)
        goto cleanup;
    for (size_t i = 0; i < c->nslots; i++) {
        doc_slot *s = &c->slots[i];
        if (s->rc == NG_EUSAGE) {
            rc = ng_error_set(err, NG_EUSAGE, "%s", s->error ? s->error : "bad usage");
            goto cleanup;
        }
        if (s->rc == NG_ENOMEM || s->rc == NG_EINTERNAL) {
            rc = ng_error_set(err, s->rc, "%s", s->error ? s->error : "internal error");
            goto cleanup;
        }
        if (s->rc != 0) {
            warnf(opt, "skipping %s", s->error ? s->error : s->name);
            continue;
        }
        if (sp && sp->rc < 0 && sp->fail_slot == i) {
            rc = ng_error_set(err, sp->rc, "%s", sp->err.message);
            goto cleanup;
        }
        if (!sp && (rc = ng_resolver_add(c->resolver, (uint32_t)i, s->ex, err)) < 0)
            goto cleanup;
        c->ok[c->nok++] = i;
    }
    if (c->nok == 0) {
        /* name the first failure: with -q it is the only word the user gets */
        const char *first = c->nslots && c->slots[0].error ? c->slots[0].error : NULL;
        rc = ng_error_set(err, NG_EINPUT, "no readable document among %zu input file%s%s%s",
                          c->nslots, c->nslots == 1 ? "" : "s", first ? ": " : "",
                          first ? first : "");
        goto cleanup;
    }
    if ((rc = ng_resolver_finish(c->resolver, err)) < 0)
        goto cleanup;
    pthread_mutex_destroy(&q.lock);
    *out = c;
    return 0;
cleanup:
    pthread_mutex_destroy(&q.lock);
    ng_corpus_free(c);
    return rc;
}

int ng_corpus_load(const char *const *inputs, size_t ninputs, const ng_run_options *opt,
                   ng_corpus **out, ng_error *err)
{
    spool sp; /* resolve as extractions come, spool their graph inputs */
    memset(&sp, 0, sizeof sp);
    sp.file = ng_spool_open(); /* none: graph inputs stay in memory */
    sp.graph_inputs = 1;
    pthread_mutex_init(&sp.lock, NULL);
    ng_error_clear(&sp.err);
    int rc = load_corpus(inputs, ninputs, opt, &sp, 1, out, err);
    if (rc == 0)
        (*out)->inputs = sp.file;
    else
        ng_spool_close(sp.file);
    pthread_mutex_destroy(&sp.lock);
    return rc;
}

/* Reads the spooled templates back in document order and writes them
 * with their node ids. */
static int write_spooled(const ng_corpus *c, const spool *sp, FILE *out, ng_error *err)
{
    ng_strbuf tpl, line;
    ng_extract_ids ids;
    ng_strbuf_init(&tpl);
    ng_strbuf_init(&line);
    int rc = ng_extract_ids_init(&ids, c->resolver);
    if (rc < 0) {
        ng_error_set(err, rc, "out of memory writing the extract output");
        goto cleanup;
    }
    for (size_t k = 0; k < c->nok; k++) {
        const doc_slot *s = &c->slots[c->ok[k]];
        if ((rc = ng_spool_read(sp->file, s->spool_off, s->spool_len, &tpl)) < 0) {
            ng_error_set(err, rc, rc == NG_ENOMEM ? "out of memory writing the extract output"
                                                  : "reading a temporary file failed");
            goto cleanup;
        }
        if ((rc = ng_extract_expand(&line, tpl.data, s->spool_len, &ids, (uint32_t)c->ok[k])) < 0) {
            ng_error_set(err, rc, "out of memory writing the extract output");
            goto cleanup;
        }
        if (fwrite(line.data, 1, line.len, out) != line.len) {
            rc = ng_error_set(err, NG_EIO, "writing the extract output failed");
            goto cleanup;
        }
    }
    if (fflush(out) != 0)
        rc = ng_error_set(err, NG_EIO, "writing the extract output failed");
cleanup:
    ng_extract_ids_free(&ids);
    ng_strbuf_free(&line);
    ng_strbuf_free(&tpl);
    return rc;
}

int ng_extract_run(const char *const *inputs, size_t ninputs, const ng_run_options *opt,
                   FILE *out, ng_error *err)
{
    ng_corpus *c = NULL;
    spool sp;
    memset(&sp, 0, sizeof sp);
    sp.file = ng_spool_open();
    int rc;
    if (!sp.file) { /* no temporary file: keep everything in memory */
        if ((rc = load_corpus(inputs, ninputs, opt, NULL, 0, &c, err)) == 0)
            rc = ng_corpus_write_extract(c, out, err);
        ng_corpus_free(c);
        return rc;
    }
    pthread_mutex_init(&sp.lock, NULL);
    ng_error_clear(&sp.err);
    if ((rc = load_corpus(inputs, ninputs, opt, &sp, 0, &c, err)) == 0)
        rc = write_spooled(c, &sp, out, err);
    ng_corpus_free(c);
    pthread_mutex_destroy(&sp.lock);
    ng_spool_close(sp.file);
    return rc;
}

size_t ng_corpus_document_count(const ng_corpus *c) { return c->nok; }

const ng_doc *ng_corpus_document(const ng_corpus *c, size_t i)
{
    return i < c->nok ? c->slots[c->ok[i]].doc : NULL;
}

const ng_extraction *ng_corpus_extraction(const ng_corpus *c, size_t i)
{
    return i < c->nok ? c->slots[c->ok[i]].ex : NULL;
}

const ng_graph_input *ng_corpus_graph_input(const ng_corpus *c, size_t i, ng_strbuf *scratch)
{
    if (i >= c->nok)
        return NULL;
    const doc_slot *s = &c->slots[c->ok[i]];
    if (s->gin || !c->inputs || !s->spool_len)
        return s->gin;
    if (ng_spool_read(c->inputs, s->spool_off, s->spool_len, scratch) < 0)
        return NULL;
    return (const ng_graph_input *)scratch->data;
}

const ng_resolver *ng_corpus_resolver(const ng_corpus *c) { return c->resolver; }

uint32_t ng_corpus_resolver_doc(const ng_corpus *c, size_t i) { return (uint32_t)c->ok[i]; }

int ng_corpus_graph_only(const ng_corpus *c) { return c->graph_only; }

void ng_corpus_free(ng_corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->nslots; i++) {
        free_extraction(&c->slots[i]);
        free(c->slots[i].gin);
        ng_doc_free(c->slots[i].doc);
        free(c->slots[i].error);
    }
    free(c->slots);
    free(c->ok);
    ng_spool_close(c->inputs);
    ng_resolver_free(c->resolver);
    ng_furniture_free(c->furniture);
    ng_models_free(c->models);
    ng_pathlist_free(&c->paths);
    free(c);
}

/* ---- streaming extract: flat memory, per-document ids ---- */

typedef struct stream_state {
    ng_corpus *batch;   /* slots of the current batch only */
    work_queue *q;
    size_t batch_size;
    FILE *out;
    ng_strbuf line, scratch;
} stream_state;

/* Extracts the batch in parallel, writes its records in input order with
 * ids resolved inside each document, and frees it. */
static int flush_batch(stream_state *st, ng_error *err)
{
    ng_corpus *c = st->batch;
    work_queue *q = st->q;
    int rc = 0;
    atomic_store(&q->next, 0);
    if ((rc = run_workers(q, q->opt->jobs)) < 0)
        return ng_error_set(err, rc, "cannot start worker threads");
    for (size_t i = 0; i < c->nslots && rc == 0; i++) {
        doc_slot *s = &c->slots[i];
        if (s->rc == NG_ENOMEM || s->rc == NG_EINTERNAL || s->rc == NG_EUSAGE) {
            rc = ng_error_set(err, s->rc, "%s", s->error ? s->error : "internal error");
            break;
        }
        if (s->rc != 0) {
            warnf(q->opt, "skipping %s", s->error ? s->error : s->name);
            continue;
        }
        ng_resolver *r = NULL;
        if ((rc = ng_resolver_new(c->models, &r, err)) == 0 &&
            (rc = ng_resolver_add(r, 0, s->ex, err)) == 0 &&
            (rc = ng_resolver_finish(r, err)) == 0) {
            ng_extract_ids ids;
            rc = ng_extract_ids_init(&ids, r);
            if (rc == 0)
                rc = ng_extract_format_record(&st->line, &st->scratch, s->doc, s->ex, &ids, 0);
            ng_extract_ids_free(&ids);
            if (rc < 0)
                ng_error_set(err, rc, "%s: out of memory writing its record", s->name);
            else if (fwrite(st->line.data, 1, st->line.len, st->out) != st->line.len)
                rc = ng_error_set(err, NG_EIO, "writing the extract output failed");
            else
                c->nok++;
        }
        ng_resolver_free(r);
    }
    for (size_t i = 0; i < c->nslots; i++) {
        free_extraction(&c->slots[i]);
        ng_doc_free(c->slots[i].doc);
        free(c->slots[i].error);
    }
    c->nslots = 0;
    return rc;
}

/* Sink for JSON Lines documents in a stream: queue, flush when full. */
static int stream_sink(void *ctx, ng_doc *doc, ng_extraction *ex, ng_error *err)
{
    stream_state *st = ctx;
    int rc = sink_document(st->batch, doc, ex, err);
    if (rc == 0 && st->batch->nslots >= st->batch_size)
        rc = flush_batch(st, err);
    return rc;
}

int ng_stream_extract(const char *const *inputs, size_t ninputs, const ng_run_options *opt,
                      FILE *out, ng_error *err)
{
    int rc;
    work_queue q;
    memset(&q, 0, sizeof q);
    pthread_mutex_init(&q.lock, NULL);
    stream_state st = {.out = out, .q = &q, .batch_size = 256};
    ng_strbuf_init(&st.line);
    ng_strbuf_init(&st.scratch);
    ng_corpus *c = calloc(1, sizeof *c);
    st.batch = c;
    if (!c) {
        rc = ng_error_set(err, NG_ENOMEM, "out of memory");
        goto cleanup;
    }
    if (opt->from_extract) {
        rc = ng_error_set(err, NG_EUSAGE, "--stream reads articles, not extract output");
        goto cleanup;
    }
    if ((rc = ng_models_load(opt->data_dir, &c->models, err)) < 0)
        goto cleanup;
    if ((rc = ng_furniture_load(opt->data_dir, &c->furniture, err)) < 0)
        goto cleanup;
    q.c = c;
    q.opt = opt;
    q.streaming = 1;
    q.ingest = (ng_ingest_options){.date = opt->date,
                                   .max_doc_bytes = opt->max_doc_bytes,
                                   .warn = locked_warn,
                                   .warn_ctx = &q,
                                   .furniture = c->furniture};
    q.started = now_seconds();
    if (opt->jsonl) {
        for (size_t i = 0; i < ninputs && rc == 0; i++)
            rc = ng_jsonl_read_documents(inputs[i], opt, &q.ingest, stream_sink, &st, err);
    } else {
        /* the path list is small next to the documents: expand it whole */
        if ((rc = ng_inputs_expand(inputs, ninputs, &c->paths, err)) < 0)
            goto cleanup;
        for (size_t i = 0; i < c->paths.count && rc == 0; i++) {
            doc_slot *s = add_slot(c);
            if (!s) {
                rc = ng_error_set(err, NG_ENOMEM, "out of memory");
                break;
            }
            s->name = c->paths.paths[i];
            if (c->nslots >= st.batch_size)
                rc = flush_batch(&st, err);
        }
    }
    if (rc == 0 && c->nslots)
        rc = flush_batch(&st, err);
    if (rc == 0 && c->nok == 0)
        rc = ng_error_set(err, NG_EINPUT, "no readable document in the input");
    if (rc == 0 && fflush(out) != 0)
        rc = ng_error_set(err, NG_EIO, "writing the extract output failed");
cleanup:
    if (q.streaming && opt->progress && atomic_load(&q.done) && now_seconds() - q.started >= 2.0)
        fputc('\n', stderr);
    pthread_mutex_destroy(&q.lock);
    ng_strbuf_free(&st.line);
    ng_strbuf_free(&st.scratch);
    ng_corpus_free(c);
    return rc;
}
