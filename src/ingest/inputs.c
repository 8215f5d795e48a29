/* inputs.c - INPUT arguments to a sorted list of document paths.
 *
 * Files named explicitly are taken whatever their extension; directories
 * are walked (iteratively, with an explicit list of pending directories)
 * for article extensions. Hidden entries and symlinked directories are
 * not followed, so a walk always ends. Sorting by strcmp makes the order
 * independent of the file system's listing order. */
#include "newsgraph/ingest.h"

#include "newsgraph/error.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static const char *const article_exts[] = {".txt", ".text", ".md", ".html", ".htm"};

/* Inside directories only these extensions are articles (case-insensitive). */
static int is_article_name(const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof article_exts / sizeof article_exts[0]; i++) {
        size_t k = strlen(article_exts[i]);
        if (n > k && strcasecmp(name + n - k, article_exts[i]) == 0)
            return 1;
    }
    return 0;
}

/* Appends path (owned; freed on failure, NULL means strdup failed). */
static int list_push(ng_pathlist *l, size_t *cap, char *path)
{
    if (!path)
        return NG_ENOMEM;
    if (l->count == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        char **np = realloc(l->paths, nc * sizeof *np);
        if (!np) {
            free(path);
            return NG_ENOMEM;
        }
        l->paths = np;
        *cap = nc;
    }
    l->paths[l->count++] = path;
    return 0;
}

/* dir + "/" + name, without doubling a trailing slash the user typed. */
static char *join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    int slash = a && dir[a - 1] == '/';
    char *p = malloc(a + b + 2);
    if (p) {
        memcpy(p, dir, a);
        if (!slash)
            p[a++] = '/';
        memcpy(p + a, name, b + 1);
    }
    return p;
}

/* Walks root; articles are appended to out, directories still to read are
 * kept in a local work list (no recursion, no global state). */
static int walk_dir(const char *root, ng_pathlist *out, size_t *cap, ng_error *err)
{
    int rc = 0;
    ng_pathlist todo = {0};
    size_t todo_cap = 0;
    DIR *d = NULL;
    char *dir = NULL;
    if ((rc = list_push(&todo, &todo_cap, strdup(root))))
        goto nomem;
    while (todo.count) {
        dir = todo.paths[--todo.count];
        if (!(d = opendir(dir))) {
            rc = ng_error_set(err, NG_EINPUT, "%s: cannot read directory: %s", dir,
                              strerror(errno));
            goto cleanup;
        }
        struct dirent *e;
        while ((e = readdir(d))) {
            if (e->d_name[0] == '.')
                continue; /* ".", "..", hidden files and folders */
            char *p = join(dir, e->d_name);
            struct stat st;
            if (!p)
                goto nomem;
            if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
                if ((rc = list_push(&todo, &todo_cap, p)))
                    goto nomem;
            } else if (is_article_name(e->d_name) && stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
                if ((rc = list_push(out, cap, p)))
                    goto nomem;
            } else {
                free(p);
            }
        }
        closedir(d);
        d = NULL;
        free(dir);
        dir = NULL;
    }
    goto cleanup;
nomem:
    rc = ng_error_set(err, NG_ENOMEM, "%s: out of memory listing the directory", root);
cleanup:
    if (d)
        closedir(d);
    free(dir);
    ng_pathlist_free(&todo);
    return rc;
}

/* Byte order, so the result is the same in every locale. */
static int cmp_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int ng_inputs_expand(const char *const *inputs, size_t n, ng_pathlist *out, ng_error *err)
{
    int rc = 0;
    size_t cap = 0;
    out->paths = NULL;
    out->count = 0;
    for (size_t i = 0; i < n; i++) {
        const char *in = inputs[i];
        struct stat st;
        if (strcmp(in, "-") == 0) {
            if ((rc = list_push(out, &cap, strdup(in))))
                goto nomem;
            continue;
        }
        if (stat(in, &st) != 0) {
            rc = ng_error_set(err, NG_EINPUT, "%s: %s", in,
                              errno == ENOENT ? "no such file or directory" : strerror(errno));
            goto fail;
        }
        if (!S_ISDIR(st.st_mode)) {
            if ((rc = list_push(out, &cap, strdup(in))))
                goto nomem;
            continue;
        }
        size_t before = out->count;
        if ((rc = walk_dir(in, out, &cap, err)))
            goto fail;
        if (out->count == before) {
            rc = ng_error_set(err, NG_EINPUT,
                              "%s: no articles (.txt .text .md .html .htm) in this directory", in);
            goto fail;
        }
    }
    if (out->count)
        qsort(out->paths, out->count, sizeof *out->paths, cmp_paths);
    size_t w = 0;
    for (size_t r = 0; r < out->count; r++) {
        if (w && strcmp(out->paths[w - 1], out->paths[r]) == 0)
            free(out->paths[r]);
        else
            out->paths[w++] = out->paths[r];
    }
    out->count = w;
    return 0;
nomem:
    rc = ng_error_set(err, NG_ENOMEM, "out of memory expanding inputs");
fail:
    ng_pathlist_free(out);
    return rc;
}

void ng_pathlist_free(ng_pathlist *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->count; i++)
        free(list->paths[i]);
    free(list->paths);
    list->paths = NULL;
    list->count = 0;
}
