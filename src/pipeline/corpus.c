/* corpus.c - one run: load every document, extract in parallel, resolve
 * actors across the run (see include/newsgraph/pipeline.h).
 *
 * Extraction is per document and independent, so workers take document
 * indices from a shared counter and write results into slot i; resolution
 * then runs in document order on one thread. The output therefore does
 * not depend on the number of threads or on scheduling. The state shared
 * with `extract --stream` (stream.c) is in corpus_run.h. */
#include "newsgraph/pipeline.h"

#include "corpus_internal.h"
#include "corpus_run.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

double ngp_now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Warnings come from worker threads; the user's callback sees them one at a time. */
void ngp_locked_warn(void *ctx, const char *msg)
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
    double t = ngp_now_seconds();
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

void ngp_free_extraction(doc_slot *s)
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

/* A worker's templates not yet in the spool file: they go there in one
 * write once the batch passes SPOOL_BATCH bytes (and when the worker
 * stops), so the file costs one system call per batch, not per document.
 * Memory stays flat: a batch is at most SPOOL_BATCH plus one template. */
#define SPOOL_BATCH (256 * 1024)

typedef struct worker_buf {
    ng_strbuf scratch; /* templates of the slots in `batch`, back to back
                          (--stream: the template of the record being made) */
    size_t *batch;     /* their slots; spool_off is within scratch until the flush */
    size_t nbatch, batch_cap;
    ng_resolver *resolver; /* --stream: reset for each of its documents */
} worker_buf;

/* Records the first failure of the spool (under its lock). */
static void spool_fail(spool *sp, int rc, size_t i, const char *name)
{
    if (rc >= 0 || sp->rc != 0)
        return;
    sp->rc = rc;
    sp->fail_slot = i;
    if (name)
        ng_error_set(&sp->err, rc, rc == NG_ENOMEM ? "%s: out of memory writing its record"
                                                   : "%s: writing a temporary file failed",
                     name);
    else
        ng_error_set(&sp->err, rc, "writing a temporary file failed");
}

/* Writes w's batch to the spool file and places its slots' templates. */
static void flush_batch(work_queue *q, worker_buf *w)
{
    if (!w->nbatch)
        return;
    spool *sp = q->spool;
    uint64_t base = 0;
    int rc = ng_spool_append(sp->file, w->scratch.data, w->scratch.len, &base);
    for (size_t k = 0; k < w->nbatch; k++)
        q->c->slots[w->batch[k]].spool_off += base;
    if (rc < 0) {
        pthread_mutex_lock(&sp->lock);
        spool_fail(sp, rc, w->batch[0], NULL);
        pthread_mutex_unlock(&sp->lock);
    }
    w->scratch.len = 0;
    w->nbatch = 0;
}

/* Adds slot i's template to w's batch; 0 or NG_ENOMEM. */
static int batch_template(work_queue *q, worker_buf *w, size_t i)
{
    doc_slot *s = &q->c->slots[i];
    if (w->nbatch == w->batch_cap) {
        size_t cap = w->batch_cap ? 2 * w->batch_cap : 64;
        size_t *grown = realloc(w->batch, cap * sizeof *grown);
        if (!grown)
            return NG_ENOMEM;
        w->batch = grown;
        w->batch_cap = cap;
    }
    size_t at = w->scratch.len;
    if (ng_extract_format_template(&w->scratch, s->doc, s->ex) < 0) {
        w->scratch.len = at;
        return NG_ENOMEM;
    }
    s->spool_off = at;
    s->spool_len = w->scratch.len - at;
    w->batch[w->nbatch++] = i;
    if (w->scratch.len >= SPOOL_BATCH)
        flush_batch(q, w);
    return 0;
}

/* Batches slot i's template, then hands every extraction that is now next
 * in document order to the resolver and frees it with its document. */
static void spool_document(work_queue *q, size_t i, worker_buf *w)
{
    ng_corpus *c = q->c;
    doc_slot *s = &c->slots[i];
    spool *sp = q->spool;
    int rc = s->rc == 0 && !sp->graph_inputs ? batch_template(q, w, i) : 0;
    pthread_mutex_lock(&sp->lock);
    spool_fail(sp, rc, i, s->name);
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
            ngp_free_extraction(t);
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

static void process_one(work_queue *q, size_t i, worker_buf *w)
{
    doc_slot *s = &q->c->slots[i];
    ng_error err;
    ng_error_clear(&err);
    if (s->extracted) {
        if (q->spool && q->spool->graph_inputs) /* --from-extract into ng_corpus_load */
            spool_document(q, i, w);
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
        ngp_free_extraction(s);
    }
    if (q->spool)
        spool_document(q, i, w);
    else if (q->streaming && s->rc == 0)
        ngp_stream_record(q, s, &w->scratch, &w->resolver);
}

static void *worker(void *arg)
{
    work_queue *q = arg;
    worker_buf w; /* this worker's template batch, reused across documents */
    memset(&w, 0, sizeof w);
    ng_strbuf_init(&w.scratch);
    for (;;) {
        size_t i = atomic_fetch_add(&q->next, 1);
        if (i >= q->c->nslots)
            break;
        process_one(q, i, &w);
        report_progress(q, atomic_fetch_add(&q->done, 1) + 1);
    }
    if (q->spool)
        flush_batch(q, &w);
    ng_strbuf_free(&w.scratch);
    free(w.batch);
    ng_resolver_free(w.resolver);
    return NULL;
}

int ngp_run_workers(work_queue *q, int jobs)
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

void ngp_warnf(const ng_run_options *opt, const char *fmt, ...)
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
doc_slot *ngp_add_slot(ng_corpus *c)
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
int ngp_sink_document(void *ctx, ng_doc *doc, ng_extraction *ex, ng_error *err)
{
    ng_corpus *c = ctx;
    doc_slot *s = ngp_add_slot(c);
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
                     ? ng_jsonl_read_extract(inputs[i], opt, ngp_sink_document, c, err)
                     : ng_jsonl_read_documents(inputs[i], opt, ingest, ngp_sink_document, c, err);
        if (rc == 0 && c->nslots == 0)
            rc = ng_error_set(err, NG_EINPUT, "no document in the JSON Lines input");
        return rc;
    }
    if ((rc = ng_inputs_expand(inputs, ninputs, &c->paths, err)) < 0)
        return rc;
    for (size_t i = 0; i < c->paths.count; i++) {
        doc_slot *s = ngp_add_slot(c);
        if (!s)
            return ng_error_set(err, NG_ENOMEM, "out of memory");
        s->name = c->paths.paths[i];
    }
    return 0;
}

int ngp_queue_start(work_queue *q, ng_corpus *c, const ng_run_options *opt, ng_error *err)
{
    int rc;
    if ((rc = ng_models_load(opt->data_dir, &c->models, err)) < 0)
        return rc;
    if ((rc = ng_furniture_load(opt->data_dir, &c->furniture, err)) < 0)
        return rc;
    q->c = c;
    q->opt = opt;
    q->ingest = (ng_ingest_options){.date = opt->date,
                                    .max_doc_bytes = opt->max_doc_bytes,
                                    .warn = ngp_locked_warn,
                                    .warn_ctx = q,
                                    .furniture = c->furniture};
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
    if ((rc = ngp_queue_start(&q, c, opt, err)) < 0)
        goto cleanup;
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
    q.started = ngp_now_seconds();
    if ((rc = ngp_run_workers(&q, opt->jobs)) < 0) {
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
            ngp_warnf(opt, "skipping %s", s->error ? s->error : s->name);
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
 * with their node ids. The file is read a window of SPOOL_WINDOW bytes
 * at a time (templates follow each other there mostly in document
 * order), and records go out in blocks of about SPOOL_WINDOW bytes. */
#define SPOOL_WINDOW (512 * 1024)

static int write_spooled(const ng_corpus *c, const spool *sp, FILE *out, ng_error *err)
{
    ng_strbuf win, block;
    ng_extract_ids ids;
    uint64_t win_off = 0, file_end = ng_spool_size(sp->file);
    ng_strbuf_init(&win);
    ng_strbuf_init(&block);
    int rc = ng_extract_ids_init(&ids, c->resolver);
    if (rc < 0) {
        ng_error_set(err, rc, "out of memory writing the extract output");
        goto cleanup;
    }
    for (size_t k = 0; k < c->nok; k++) {
        const doc_slot *s = &c->slots[c->ok[k]];
        if (s->spool_off < win_off || s->spool_off + s->spool_len > win_off + win.len) {
            size_t want = s->spool_len > SPOOL_WINDOW ? s->spool_len : SPOOL_WINDOW;
            if (want > file_end - s->spool_off)
                want = (size_t)(file_end - s->spool_off);
            win_off = s->spool_off;
            if (want < s->spool_len)
                rc = NG_EIO;
            else
                rc = ng_spool_read(sp->file, win_off, want, &win);
            if (rc < 0) {
                win.len = 0;
                ng_error_set(err, rc, rc == NG_ENOMEM ? "out of memory writing the extract output"
                                                      : "reading a temporary file failed");
                goto cleanup;
            }
        }
        if ((rc = ng_extract_expand(&block, win.data + (s->spool_off - win_off), s->spool_len,
                                    &ids, (uint32_t)c->ok[k])) < 0) {
            ng_error_set(err, rc, "out of memory writing the extract output");
            goto cleanup;
        }
        if (block.len >= SPOOL_WINDOW || k + 1 == c->nok) {
            if (fwrite(block.data, 1, block.len, out) != block.len) {
                rc = ng_error_set(err, NG_EIO, "writing the extract output failed");
                goto cleanup;
            }
            block.len = 0;
        }
    }
    if (fflush(out) != 0)
        rc = ng_error_set(err, NG_EIO, "writing the extract output failed");
cleanup:
    ng_extract_ids_free(&ids);
    ng_strbuf_free(&block);
    ng_strbuf_free(&win);
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
        ngp_free_extraction(&c->slots[i]);
        free(c->slots[i].gin);
        ng_doc_free(c->slots[i].doc);
        free(c->slots[i].error);
        free(c->slots[i].record);
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
