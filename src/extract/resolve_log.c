/* resolve_log.c - the resolver's occurrence log: which record each local
 * entity of each document became (see resolve_internal.h). A run has a
 * few thousand records but one occurrence per document entity, so the
 * log is what grows with the corpus: it keeps its last LOG_CHUNK
 * occurrences in memory and the rest in an unlinked temporary file, read
 * back one document at a time by the rules that need a document's context
 * and by the node id lookups of the output. Without a temporary file it
 * stays in memory. */
#include "resolve_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define LOG_CHUNK 16384 /* occurrences in memory before they go to the file */

static int open_file(void)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir) dir = "/tmp";
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/newsgraph-resolve-XXXXXX", dir) >= sizeof path) return -1;
    int fd = mkstemp(path);
    if (fd >= 0) unlink(path); /* gone with the process */
    return fd;
}

static int file_io(int fd, int write_it, void *data, size_t n, uint64_t off)
{
    char *p = data;
    while (n) {
        ssize_t k = write_it ? pwrite(fd, p, n, (off_t)off) : pread(fd, p, n, (off_t)off);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return NG_EIO;
        p += k;
        n -= (size_t)k;
        off += (uint64_t)k;
    }
    return 0;
}

void ng_rlog_init(ng_rlog *log)
{
    memset(log, 0, sizeof *log);
    log->fd = -1;
}

void ng_rlog_free(ng_rlog *log)
{
    if (log->fd >= 0) close(log->fd);
    free(log->buf);
    free(log->docs);
    ng_rlog_init(log);
}

void ng_rlog_reset(ng_rlog *log)
{
    if (log->fd >= 0) close(log->fd); /* a new file if ever needed, as for a new log */
    log->fd = -1;
    log->nfile = 0;
    log->nbuf = 0;
    log->ndocs = 0;
    log->unsorted = 0;
}

/* Moves the memory part to the file; keeps it in memory (growing) when no
 * file can be made. */
static int spill(ng_rlog *log)
{
    if (log->fd == -1 && (log->fd = open_file()) < 0) log->fd = -2;
    if (log->fd >= 0) {
        if (file_io(log->fd, 1, log->buf, log->nbuf * sizeof *log->buf, log->nfile * sizeof *log->buf) < 0)
            return NG_EIO;
        log->nfile += log->nbuf;
        log->nbuf = 0;
        return 0;
    }
    size_t cap = log->cap * 2;
    ng_rocc *p = realloc(log->buf, cap * sizeof *p);
    if (!p) return NG_ENOMEM;
    log->buf = p;
    log->cap = cap;
    return 0;
}

int ng_rlog_append(ng_rlog *log, const ng_rocc *o)
{
    if (log->nbuf == log->cap) {
        int rc = 0;
        if (log->cap < LOG_CHUNK) { /* a document's resolver (--stream) needs little */
            size_t cap = log->cap ? 2 * log->cap : 64;
            ng_rocc *p = realloc(log->buf, cap * sizeof *p);
            if (!p) return NG_ENOMEM;
            log->buf = p;
            log->cap = cap;
        } else {
            rc = spill(log);
        }
        if (rc < 0) return rc;
    }
    uint64_t at = log->nfile + log->nbuf;
    if (at >= NG_RNONE) return NG_ENOMEM; /* ordinals are 32 bits */
    if (!log->ndocs || log->docs[log->ndocs - 1].doc != o->doc) {
        if (log->ndocs == log->docs_cap) {
            size_t cap = log->docs_cap ? 2 * log->docs_cap : 256;
            ng_rlog_doc *p = realloc(log->docs, cap * sizeof *p);
            if (!p) return NG_ENOMEM;
            log->docs = p;
            log->docs_cap = cap;
        }
        if (log->ndocs && log->docs[log->ndocs - 1].doc > o->doc) log->unsorted = 1;
        log->docs[log->ndocs++] = (ng_rlog_doc){o->doc, (uint32_t)at};
    }
    log->buf[log->nbuf++] = *o;
    return 0;
}

uint64_t ng_rlog_count(const ng_rlog *log) { return log->nfile + log->nbuf; }

/* Reads (or writes) occurrences [at, at + n). */
static int range_io(ng_rlog *log, int write_it, ng_rocc *o, uint64_t at, size_t n)
{
    if (at < log->nfile) {
        size_t k = at + n <= log->nfile ? n : (size_t)(log->nfile - at);
        if (file_io(log->fd, write_it, o, k * sizeof *o, at * sizeof *o) < 0) return NG_EIO;
        o += k;
        at += k;
        n -= k;
    }
    if (!n) return 0;
    ng_rocc *mem = log->buf + (at - log->nfile);
    if (write_it) memcpy(mem, o, n * sizeof *o);
    else memcpy(o, mem, n * sizeof *o);
    return 0;
}

int ng_rlog_read(const ng_rlog *log, ng_rocc *o, uint64_t at, size_t n)
{
    return range_io((ng_rlog *)log, 0, o, at, n);
}

int ng_rlog_write(ng_rlog *log, const ng_rocc *o, uint64_t at, size_t n)
{
    return range_io(log, 1, (ng_rocc *)o, at, n);
}

/* Occurrences of document entry d: [docs[d].start, end). */
static uint64_t doc_end(const ng_rlog *log, size_t d)
{
    return d + 1 < log->ndocs ? log->docs[d + 1].start : ng_rlog_count(log);
}

void ng_rcursor_init(ng_rcursor *c) { memset(c, 0, sizeof *c); }

void ng_rcursor_free(ng_rcursor *c)
{
    free(c->win);
    memset(c, 0, sizeof *c);
}

int ng_rcursor_doc(ng_rcursor *c, const ng_rlog *log, size_t d, ng_rocc **occ, size_t *n)
{
    uint64_t a = log->docs[d].start, b = doc_end(log, d);
    if (!c->cap || a < c->at || b > c->at + c->n) { /* refill the window from a */
        uint64_t left = ng_rlog_count(log) - a;
        uint64_t want = b - a < LOG_CHUNK / 4 ? LOG_CHUNK / 4 : b - a;
        if (want > left) want = left; /* a small log is read whole */
        if (want > c->cap) {
            ng_rocc *p = realloc(c->win, want * sizeof *p);
            if (!p) return NG_ENOMEM;
            c->win = p;
            c->cap = (size_t)want;
        }
        c->at = a;
        c->n = (size_t)(left < c->cap ? left : c->cap);
        if (ng_rlog_read(log, c->win, a, c->n) < 0) return NG_EIO;
    }
    *occ = c->win + (a - c->at);
    *n = (size_t)(b - a);
    return 0;
}

int ng_rcursor_put(ng_rcursor *c, ng_rlog *log, size_t d)
{
    uint64_t a = log->docs[d].start;
    return ng_rlog_write(log, c->win + (a - c->at), a, (size_t)(doc_end(log, d) - a));
}

static int cmp_occ(const void *a, const void *b)
{
    const ng_rocc *x = a, *y = b;
    if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
    return x->local < y->local ? -1 : x->local > y->local;
}

int ng_rlog_sort(ng_rlog *log)
{
    if (!log->unsorted) return 0;
    uint64_t n = ng_rlog_count(log);
    ng_rocc *all = malloc((size_t)(n + 1) * sizeof *all);
    if (!all) return NG_ENOMEM;
    int rc = ng_rlog_read(log, all, 0, (size_t)n);
    if (rc == 0) {
        qsort(all, (size_t)n, sizeof *all, cmp_occ);
        /* appended again from the start: the file is overwritten in place */
        log->nfile = log->nbuf = log->ndocs = 0;
        log->unsorted = 0;
        for (uint64_t i = 0; i < n && rc == 0; i++) rc = ng_rlog_append(log, &all[i]);
    }
    free(all);
    return rc;
}

size_t ng_rlog_find(const ng_rlog *log, uint32_t doc)
{
    size_t lo = 0, hi = log->ndocs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (log->docs[mid].doc < doc) lo = mid + 1;
        else hi = mid;
    }
    return lo < log->ndocs && log->docs[lo].doc == doc ? lo : (size_t)-1;
}
