/* days.c - `newsgraph days`: one graph per news day, the diffs between
 * consecutive days, a timeline and the cumulative graph (see timeline.h).
 *
 * Every day graph is a subset graph of one ng_corpus, so an actor has the
 * same node id on every day: the ids depend on the whole run's documents
 * (resolution is run-level, see pipeline.h), not on which day a document
 * falls on. A day that fails is reported and left out of the diffs; the
 * other days, the timeline and the cumulative graph are still written. */
#include "newsgraph/diff.h"
#include "newsgraph/export.h"
#include "newsgraph/pipeline.h"
#include "newsgraph/timeline.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Undated documents named one by one on stderr, then only counted. */
#define UNDATED_NAMED 20

typedef struct days_run {
    const struct ng_corpus *corpus;
    const ng_days_options *opt;
    ng_days_report rep;
    ng_error first;  /* the first failure, for the final message */
} days_run;

static void say(ng_warn_fn fn, void *ctx, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say(ng_warn_fn fn, void *ctx, const char *fmt, ...)
{
    if (!fn)
        return;
    char msg[1200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fn(ctx, msg);
}

/* Records a failure of one part of the run and keeps going. */
static void failed(days_run *r, const char *what, const ng_error *err)
{
    r->rep.nfailed++;
    say(r->opt->warn, r->opt->warn_ctx, "%s failed: %s", what, err->message[0] ? err->message : "internal error");
    if (r->first.code == NG_OK)
        ng_error_set(&r->first, err->code ? err->code : NG_EINTERNAL, "%s: %s", what,
                     err->message[0] ? err->message : "internal error");
}

static int join(char *buf, size_t size, const char *dir, const char *name, ng_error *err)
{
    if ((size_t)snprintf(buf, size, "%s/%s", dir, name) >= size)
        return ng_error_set(err, NG_EINPUT, "%s/%s: output path too long", dir, name);
    return 0;
}

/* ---- grouping documents by date ---- */

typedef struct dated_doc {
    const char *date; /* "" when undated */
    size_t index;
} dated_doc;

/* The date names a directory, so only the exact YYYY-MM-DD shape is
 * trusted: documents read back from JSON Lines could carry anything of
 * the right length ("../../x/y"). */
static int valid_date(const char *d)
{
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? d[i] != '-' : !(d[i] >= '0' && d[i] <= '9'))
            return 0;
    return d[10] == '\0';
}

static int cmp_dated(const void *pa, const void *pb)
{
    const dated_doc *a = pa, *b = pb;
    /* undated ("") sorts after every date */
    if (!a->date[0] != !b->date[0])
        return a->date[0] ? -1 : 1;
    int c = strcmp(a->date, b->date);
    if (c)
        return c;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* ---- one day ---- */

/* Builds, measures and writes the graph of documents subset[0..n) into
 * DIR/<name>/, then hands graph and stats to the timeline (NULL graph when
 * anything failed, so the timeline still shows the day). */
static int run_group(days_run *r, ng_timeline *t, const char *name, const size_t *subset, size_t n)
{
    ng_error err;
    ng_graph *g = NULL;
    ng_graph_stats st;
    char dir[4096], what[128];
    int rc;
    memset(&st, 0, sizeof st);
    ng_error_clear(&err);
    snprintf(what, sizeof what, "day %s", name);
    if ((rc = join(dir, sizeof dir, r->opt->out_dir, name, &err)) < 0 ||
        (rc = ng_corpus_build_graph(r->corpus, subset, n, &g, &err)) < 0 ||
        (rc = ng_graph_sort(g)) < 0 || (rc = ng_graph_compute_stats(g, &st, &err)) < 0 ||
        (rc = ng_export_all(g, &st, dir, r->opt->render, &err)) < 0) {
        if (rc < 0 && err.code == NG_OK)
            ng_error_set(&err, rc, "cannot build the graph of %s", name);
        failed(r, what, &err);
        ng_graph_free(g);
        ng_graph_stats_free(&st);
        g = NULL;
    } else {
        say(r->opt->info, r->opt->info_ctx, "%s: %zu document%s, %zu actors, %zu statement edges -> %s", name,
            n, n == 1 ? "" : "s", g->nnodes, g->nedges, dir);
    }
    r->rep.ndays++;
    /* the timeline owns g and st from here, also on failure */
    return ng_timeline_add_day(t, name, n, g, g ? &st : NULL, &err) < 0 ? NG_ENOMEM : 0;
}

/* Groups the corpus by date and runs every group; undated documents are
 * named on the warning channel and form the last group. */
static int run_all_groups(days_run *r, ng_timeline *t)
{
    size_t n = ng_corpus_document_count(r->corpus);
    dated_doc *docs = calloc(n + 1, sizeof *docs);
    size_t *subset = calloc(n + 1, sizeof *subset);
    int rc = NG_ENOMEM;
    if (!docs || !subset)
        goto cleanup;
    for (size_t i = 0; i < n; i++) {
        const ng_doc *doc = ng_corpus_document(r->corpus, i);
        docs[i] = (dated_doc){.date = doc->date, .index = i};
        if (doc->date[0] && !valid_date(doc->date)) {
            say(r->opt->warn, r->opt->warn_ctx, "%s: date '%s' is not YYYY-MM-DD; treated as undated",
                doc->path, doc->date);
            docs[i].date = "";
        }
    }
    qsort(docs, n, sizeof *docs, cmp_dated);

    for (size_t i = 0; i < n; i++) {
        if (docs[i].date[0])
            continue;
        if (r->rep.nundated < UNDATED_NAMED)
            say(r->opt->warn, r->opt->warn_ctx, "%s: no date found; it goes into the '%s' group",
                ng_corpus_document(r->corpus, docs[i].index)->path, NG_UNDATED);
        r->rep.nundated++;
    }
    if (r->rep.nundated > UNDATED_NAMED)
        say(r->opt->warn, r->opt->warn_ctx, "%zu undated documents in all (%zu more not named)", r->rep.nundated,
            r->rep.nundated - UNDATED_NAMED);

    for (size_t i = 0; i < n;) {
        size_t j = i, k = 0;
        while (j < n && strcmp(docs[j].date, docs[i].date) == 0)
            subset[k++] = docs[j++].index;
        /* run order inside a day is corpus order (sorted by path) */
        const char *name = docs[i].date[0] ? docs[i].date : NG_UNDATED;
        if ((rc = run_group(r, t, name, subset, k)) < 0)
            goto cleanup;
        i = j;
    }
    rc = 0;
cleanup:
    free(docs);
    free(subset);
    return rc;
}

/* ---- diffs, cumulative graph, timeline files ---- */

/* Diffs each dated day with the previous dated day that has a graph: a
 * failed day is skipped rather than breaking the chain of diffs. */
static void run_diffs(days_run *r, const ng_timeline *t)
{
    const ng_timeline_day *prev = NULL;
    ng_diff_options dopt = {.threshold = r->opt->threshold};
    for (size_t i = 0; i < t->ndays; i++) {
        const ng_timeline_day *day = &t->days[i];
        if (!day->graph || !ng_timeline_day_is_dated(day))
            continue;
        if (prev) {
            ng_error err;
            ng_diff *d = NULL;
            char name[64], dir[4096], what[96];
            ng_error_clear(&err);
            snprintf(name, sizeof name, "diffs/%s_%s", prev->date, day->date);
            snprintf(what, sizeof what, "diff %s -> %s", prev->date, day->date);
            if (join(dir, sizeof dir, r->opt->out_dir, name, &err) < 0 ||
                ng_diff_compute(prev->graph, &prev->stats, prev->date, day->graph, &day->stats, day->date,
                                &dopt, &d, &err) < 0 ||
                ng_diff_write_all(d, dir, r->opt->render, &err) < 0) {
                failed(r, what, &err);
            } else {
                r->rep.ndiffs++;
                say(r->opt->info, r->opt->info_ctx,
                    "%s: +%zu -%zu actors, +%zu -%zu edges, %zu re-weighted -> %s", what, d->nodes_added,
                    d->nodes_removed, d->edges_added, d->edges_removed, d->edges_changed, dir);
            }
            ng_diff_free(d);
        }
        prev = day;
    }
}

static void run_cumulative(days_run *r)
{
    ng_error err;
    ng_graph *g = NULL;
    ng_graph_stats st;
    char dir[4096];
    memset(&st, 0, sizeof st);
    ng_error_clear(&err);
    int rc;
    if ((rc = join(dir, sizeof dir, r->opt->out_dir, "all", &err)) < 0 ||
        (rc = ng_corpus_build_graph(r->corpus, NULL, 0, &g, &err)) < 0 || (rc = ng_graph_sort(g)) < 0 ||
        (rc = ng_graph_compute_stats(g, &st, &err)) < 0 ||
        (rc = ng_export_all(g, &st, dir, r->opt->render, &err)) < 0) {
        if (err.code == NG_OK)
            ng_error_set(&err, rc, "cannot build the cumulative graph");
        failed(r, "cumulative graph (all/)", &err);
    } else {
        say(r->opt->info, r->opt->info_ctx, "all days: %zu actors, %zu statement edges -> %s", g->nnodes,
            g->nedges, dir);
    }
    ng_graph_free(g);
    ng_graph_stats_free(&st);
}

typedef int (*format_fn)(const ng_timeline *t, size_t top, char **out, ng_error *err);

static int format_gexf(const ng_timeline *t, size_t top, char **out, ng_error *err)
{
    (void)top;
    return ng_format_gexf(t, out, err);
}

static void write_timeline_files(days_run *r, const ng_timeline *t)
{
    static const struct {
        const char *name;
        format_fn format;
    } files[] = {
        {"timeline.json", ng_format_timeline_json},
        {"timeline.csv", ng_format_timeline_csv},
        {"timeline.gexf", format_gexf},
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        ng_error err;
        char path[4096], *text = NULL;
        ng_error_clear(&err);
        if (join(path, sizeof path, r->opt->out_dir, files[i].name, &err) < 0 ||
            files[i].format(t, r->opt->top, &text, &err) < 0 ||
            ng_write_atomic(path, text, strlen(text), &err) < 0)
            failed(r, files[i].name, &err);
        free(text);
    }
}

int ng_run_days(const struct ng_corpus *c, const ng_days_options *opt, ng_days_report *rep, ng_error *err)
{
    days_run r = {.corpus = c, .opt = opt};
    ng_timeline *t = NULL;
    int rc;
    ng_error_clear(&r.first);
    if (!opt->out_dir)
        return ng_error_set(err, NG_EUSAGE, "days: no output directory");
    if ((rc = ng_make_dirs(opt->out_dir, err)) < 0)
        return rc;
    if (!(t = ng_timeline_new())) {
        rc = ng_error_set(err, NG_ENOMEM, "out of memory");
        goto cleanup;
    }
    if ((rc = run_all_groups(&r, t)) < 0) {
        ng_error_set(err, rc, "out of memory grouping documents by date");
        goto cleanup;
    }
    run_diffs(&r, t);
    run_cumulative(&r);
    write_timeline_files(&r, t);
    rc = 0;
    if (r.rep.nfailed) {
        /* A failed part is reported as bad input (exit 1) unless it was
         * the machine's fault: memory, writing, a library. */
        int code = r.first.code == NG_EINPUT || r.first.code == NG_EUSAGE ? NG_EINPUT : r.first.code;
        rc = ng_error_set(err, code, "%zu part%s of the days run failed; first: %s", r.rep.nfailed,
                          r.rep.nfailed == 1 ? "" : "s", r.first.message);
    }
cleanup:
    if (rep)
        *rep = r.rep;
    ng_timeline_free(t);
    return rc;
}
