/* spool.c - an append-only temporary file of byte records (see
 * corpus_internal.h). Plain `extract` puts each document's record
 * template here as soon as the document is extracted, so memory does not
 * hold the documents until the run is resolved. */
#include "corpus_internal.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct ng_spool {
    int fd;
    uint64_t end; /* bytes reserved so far */
    pthread_mutex_t lock;
};

ng_spool *ng_spool_open(void)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/newsgraph-extract-XXXXXX", dir) >= sizeof path)
        return NULL;
    ng_spool *sp = calloc(1, sizeof *sp);
    if (!sp)
        return NULL;
    sp->fd = mkstemp(path);
    if (sp->fd < 0) {
        free(sp);
        return NULL;
    }
    unlink(path); /* gone with the process, whatever happens to it */
    pthread_mutex_init(&sp->lock, NULL);
    return sp;
}

/* The place is taken under the lock; the bytes are written outside it, so
 * workers do not wait for each other's writes. */
int ng_spool_append(ng_spool *sp, const char *data, size_t n, uint64_t *off)
{
    pthread_mutex_lock(&sp->lock);
    uint64_t at = *off = sp->end;
    sp->end += n;
    pthread_mutex_unlock(&sp->lock);
    while (n) {
        ssize_t w = pwrite(sp->fd, data, n, (off_t)at);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return NG_EIO;
        data += w;
        n -= (size_t)w;
        at += (uint64_t)w;
    }
    return 0;
}

int ng_spool_read(const ng_spool *sp, uint64_t off, size_t n, ng_strbuf *out)
{
    out->len = 0;
    if (ng_strbuf_reserve(out, n) < 0)
        return NG_ENOMEM;
    char *p = out->data;
    while (n) {
        ssize_t r = pread(sp->fd, p, n, (off_t)off);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return NG_EIO;
        p += r;
        n -= (size_t)r;
        off += (uint64_t)r;
    }
    out->len = (size_t)(p - out->data);
    out->data[out->len] = '\0';
    return 0;
}

uint64_t ng_spool_size(const ng_spool *sp) { return sp->end; }

void ng_spool_close(ng_spool *sp)
{
    if (!sp)
        return;
    close(sp->fd);
    pthread_mutex_destroy(&sp->lock);
    free(sp);
}
