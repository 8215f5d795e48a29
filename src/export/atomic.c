/* atomic.c - ng_write_atomic: readers of an output directory see either
 * the old file or the complete new one, never a half-written file.
 *
 * The temp file lives in the target's directory (rename is only atomic
 * within one file system), is fsync'ed before the rename, and is
 * removed on any failure. mkstemp creates files 0600; outputs are meant
 * to be shared, so the temp file is set to 0644 before the rename. */
#include "newsgraph/export.h"

#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_all(int fd, const char *data, size_t len)
{
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Makes the rename itself durable; failure here is not worth failing
 * the run for (some file systems refuse fsync on directories). */
static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

int ng_outfile_open(ng_outfile *f, const char *path, ng_error *err)
{
    memset(f, 0, sizeof *f);
    f->fd = -1;
    if (!path)
        return ng_error_set(err, NG_EINTERNAL, "ng_outfile_open: NULL argument");
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) : 0;
    const char *base = slash ? slash + 1 : path;
    f->path = strdup(path);
    f->tmp = malloc(strlen(path) + 16);
    if (!f->path || !f->tmp) {
        ng_outfile_discard(f);
        return ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
    }
    sprintf(f->tmp, "%.*s.%s.XXXXXX", (int)(slash ? dirlen + 1 : 0), path, base);
    f->fd = mkstemp(f->tmp);
    if (f->fd < 0 || fchmod(f->fd, 0644) != 0) {
        int e = errno;
        if (f->fd >= 0) {
            close(f->fd);
            unlink(f->tmp);
            f->fd = -1;
        }
        free(f->tmp);
        f->tmp = NULL;
        ng_error_set(err, NG_EIO, "cannot write %s: %s", path, strerror(e));
        ng_outfile_discard(f);
        return NG_EIO;
    }
    return 0;
}

int ng_outfile_write(ng_outfile *f, const char *data, size_t len, ng_error *err)
{
    if (f->fd < 0 || write_all(f->fd, data, len) != 0)
        return ng_error_set(err, NG_EIO, "cannot write %s: %s", f->path,
                            f->fd < 0 ? "not open" : strerror(errno));
    return 0;
}

int ng_outfile_finish(ng_outfile *f, ng_error *err)
{
    if (f->fd < 0)
        return ng_error_set(err, NG_EIO, "cannot write %s: not open", f->path);
    int fd = f->fd;
    f->fd = -1;
    int bad = fsync(fd) != 0;
    int e = errno;
    if (close(fd) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    if (bad)
        return ng_error_set(err, NG_EIO, "cannot write %s: %s", f->path, strerror(e));
    return 0;
}

int ng_outfile_publish(ng_outfile *f, ng_error *err)
{
    if (!f->tmp || f->fd >= 0)
        return ng_error_set(err, NG_EINTERNAL, "%s: published before it was finished", f->path);
    if (rename(f->tmp, f->path) != 0)
        return ng_error_set(err, NG_EIO, "cannot write %s: %s", f->path, strerror(errno));
    free(f->tmp);
    f->tmp = NULL;
    /* the directory: "/file" -> "/", "file" -> "." */
    char *slash = strrchr(f->path, '/');
    if (!slash) {
        sync_dir(".");
    } else {
        char keep = slash[slash == f->path ? 1 : 0];
        slash[slash == f->path ? 1 : 0] = '\0';
        sync_dir(f->path);
        slash[slash == f->path ? 1 : 0] = keep;
    }
    return 0;
}

void ng_outfile_discard(ng_outfile *f)
{
    if (f->tmp && f->fd >= 0) /* a zeroed ng_outfile was never opened */
        close(f->fd);
    f->fd = -1;
    if (f->tmp)
        unlink(f->tmp);
    free(f->tmp);
    free(f->path);
    f->tmp = f->path = NULL;
}

void ng_sink_init(ng_sink *s, ng_outfile *file, ng_error *err)
{
    ng_strbuf_init(&s->buf);
    s->file = file;
    s->err = err;
    s->rc = 0;
}

int ng_sink_flush(ng_sink *s, int all)
{
    if (s->rc || !s->file || (!all && s->buf.len < NG_SINK_FLUSH))
        return s->rc;
    if (s->buf.len)
        s->rc = ng_outfile_write(s->file, s->buf.data, s->buf.len, s->err);
    s->buf.len = 0;
    return s->rc;
}

int ng_write_atomic(const char *path, const char *data, size_t len, ng_error *err)
{
    if (!path || (!data && len))
        return ng_error_set(err, NG_EINTERNAL, "ng_write_atomic: NULL argument");
    ng_outfile f;
    int rc = ng_outfile_open(&f, path, err);
    if (rc < 0)
        return rc;
    if ((rc = ng_outfile_write(&f, data, len, err)) == 0 && (rc = ng_outfile_finish(&f, err)) == 0)
        rc = ng_outfile_publish(&f, err);
    ng_outfile_discard(&f);
    return rc;
}
