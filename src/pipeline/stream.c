/* stream.c - `extract --stream`: documents are extracted in batches and
 * each record is written as soon as its batch is done, with ids resolved
 * inside the document, so memory stays flat however long the input is
 * (see ng_stream_extract in include/newsgraph/pipeline.h). */
#include "newsgraph/pipeline.h"

#include "corpus_run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct stream_state {
    ng_corpus *batch;   /* slots of the current batch only */
    work_queue *q;
    size_t batch_size;
    FILE *out;
} stream_state;

void ngp_stream_record(const work_queue *q, doc_slot *s, ng_strbuf *scratch, ng_resolver **reuse)
{
    ng_error err;
    ng_error_clear(&err);
    /* the worker's resolver from its previous document, emptied: a new
     * one per document cost more in allocating it than in resolving */
    ng_resolver *r = *reuse;
    *reuse = NULL;
    ng_strbuf record;
    ng_strbuf_init(&record);
    int rc;
    if (r) {
        rc = ng_resolver_reset(r, &err);
    } else if ((rc = ng_resolver_new(q->c->models, &r, &err)) == 0) {
        ng_resolver_ids_only(r); /* the record holds ids only */
    }
    if (rc == 0 && (rc = ng_resolver_add(r, 0, s->ex, &err)) == 0 &&
        (rc = ng_resolver_finish(r, &err)) == 0) {
        ng_extract_ids ids;
        rc = ng_extract_ids_init(&ids, r);
        scratch->len = 0;
        if (rc == 0)
            rc = ng_extract_format_template(scratch, s->doc, s->ex);
        /* the record goes straight into its own buffer, which the slot
         * keeps: room for about what a record is to its template, so it
         * seldom grows, then trimmed */
        if (rc == 0 && ng_strbuf_reserve(&record, scratch->len * 2 + 256) < 0)
            rc = NG_ENOMEM;
        if (rc == 0)
            rc = ng_extract_expand(&record, scratch->data, scratch->len, &ids, 0);
        ng_extract_ids_free(&ids);
        if (rc < 0) {
            ng_error_set(&err, rc, "%s: out of memory writing its record", s->name);
        } else {
            s->record_len = record.len;
            char *trimmed = realloc(record.data, record.len + 1);
            s->record = trimmed ? trimmed : record.data;
            ng_strbuf_init(&record);
        }
    }
    ng_strbuf_free(&record);
    if (rc == 0)
        *reuse = r;
    else
        ng_resolver_free(r); /* whatever state a failure left it in */
    ngp_free_extraction(s); /* the record is all the batch still needs */
    if (rc < 0) {
        s->rc = rc;
        s->record_failed = 1;
        s->error = strdup(err.message[0] ? err.message : "internal error");
    }
}

/* Extracts the batch in parallel (each worker also resolves and formats
 * the records of its documents), writes the records in input order and
 * frees the batch. */
static int flush_batch(stream_state *st, ng_error *err)
{
    ng_corpus *c = st->batch;
    work_queue *q = st->q;
    int rc = 0;
    atomic_store(&q->next, 0);
    if ((rc = ngp_run_workers(q, q->opt->jobs)) < 0)
        return ng_error_set(err, rc, "cannot start worker threads");
    for (size_t i = 0; i < c->nslots && rc == 0; i++) {
        doc_slot *s = &c->slots[i];
        if (s->record_failed || s->rc == NG_ENOMEM || s->rc == NG_EINTERNAL || s->rc == NG_EUSAGE) {
            rc = ng_error_set(err, s->rc, "%s", s->error ? s->error : "internal error");
            break;
        }
        if (s->rc != 0) {
            ngp_warnf(q->opt, "skipping %s", s->error ? s->error : s->name);
            continue;
        }
        if (fwrite(s->record, 1, s->record_len, st->out) != s->record_len)
            rc = ng_error_set(err, NG_EIO, "writing the extract output failed");
        else
            c->nok++;
    }
    for (size_t i = 0; i < c->nslots; i++) {
        ngp_free_extraction(&c->slots[i]);
        ng_doc_free(c->slots[i].doc);
        free(c->slots[i].error);
        free(c->slots[i].record);
    }
    c->nslots = 0;
    return rc;
}

/* Sink for JSON Lines documents in a stream: queue, flush when full. */
static int stream_sink(void *ctx, ng_doc *doc, ng_extraction *ex, ng_error *err)
{
    stream_state *st = ctx;
    int rc = ngp_sink_document(st->batch, doc, ex, err);
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
    if ((rc = ngp_queue_start(&q, c, opt, err)) < 0)
        goto cleanup;
    q.streaming = 1;
    q.started = ngp_now_seconds();
    if (opt->jsonl) {
        for (size_t i = 0; i < ninputs && rc == 0; i++)
            rc = ng_jsonl_read_documents(inputs[i], opt, &q.ingest, stream_sink, &st, err);
    } else {
        /* the path list is small next to the documents: expand it whole */
        if ((rc = ng_inputs_expand(inputs, ninputs, &c->paths, err)) < 0)
            goto cleanup;
        for (size_t i = 0; i < c->paths.count && rc == 0; i++) {
            doc_slot *s = ngp_add_slot(c);
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
    if (q.streaming && opt->progress && atomic_load(&q.done) && ngp_now_seconds() - q.started >= 2.0)
        fputc('\n', stderr);
    pthread_mutex_destroy(&q.lock);
    ng_corpus_free(c);
    return rc;
}
