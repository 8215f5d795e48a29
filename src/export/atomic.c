/* atomic.c - ng_write_atomic: readers of an output directory see either
 * the old file or the complete new one, never a half-written file.
 *
 * The temp file lives in the target's directory (rename is only atomic
 * within one file system), is fsync'ed before the rename, and is
 * removed on any failure. mkstemp creates files 0600; outputs are meant
 * to be shared, so the temp file is set to 0644 before the rename. */
#include "newsgraph/export.h"

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

int ng_write_atomic(const char *path, const char *data, size_t len, ng_error *err)
{
    if (!path || (!data && len))
        return ng_error_set(err, NG_EINTERNAL, "ng_write_atomic: NULL argument");
    int rc = 0, fd = -1, created = 0;
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) : 0;
    const char *base = slash ? slash + 1 : path;
    char *dir = malloc(dirlen + 2), *tmp = malloc(strlen(path) + 16);
    if (!dir || !tmp) {
        rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory", path);
        goto cleanup;
    }
    if (slash) {
        memcpy(dir, path, dirlen ? dirlen : 1); /* "/file" -> "/" */
        dir[dirlen ? dirlen : 1] = '\0';
    } else {
        strcpy(dir, ".");
    }
    sprintf(tmp, "%.*s.%s.XXXXXX", (int)(slash ? dirlen + 1 : 0), path, base);
    fd = mkstemp(tmp);
    if (fd < 0) {
        rc = ng_error_set(err, NG_EIO, "cannot write %s: %s", path, strerror(errno));
        goto cleanup;
    }
    created = 1;
    if (write_all(fd, data, len) != 0 || fchmod(fd, 0644) != 0 || fsync(fd) != 0) {
        rc = ng_error_set(err, NG_EIO, "cannot write %s: %s", path, strerror(errno));
        goto cleanup;
    }
    int cfd = fd;
    fd = -1;
    if (close(cfd) != 0) {
        rc = ng_error_set(err, NG_EIO, "cannot write %s: %s", path, strerror(errno));
        goto cleanup;
    }
    if (rename(tmp, path) != 0) {
        rc = ng_error_set(err, NG_EIO, "cannot write %s: %s", path, strerror(errno));
        goto cleanup;
    }
    created = 0;
    sync_dir(dir);
cleanup:
    if (fd >= 0)
        close(fd);
    if (created)
        unlink(tmp);
    free(tmp);
    free(dir);
    return rc;
}
