/* all.c - ng_export_all: every output of `newsgraph build` into one directory.
 *
 * Every output goes to a temp file in the directory first and all of them
 * are renamed into place only when every one succeeded: a failure while
 * formatting (or a layout error) leaves the previous outputs of the
 * directory as they were, instead of a mix of old and new files.
 * graph.json and GraphML, which grow with the statement evidence, are
 * streamed to their temp files; the smaller outputs are formatted in
 * memory (the DOT text is also what rendering lays out). */
#include "newsgraph/export.h"

#include "outfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { NOUT = 6 };

typedef struct output {
    const char *name;
    char *data; /* formatted in memory, or NULL when streamed */
    size_t len;
    ng_outfile file;
} output;

/* The directories one ng_export_all made, to remove them again if it fails. */
typedef struct made_dirs {
    char **path;
    size_t n, cap;
} made_dirs;

static void made_dirs_note(made_dirs *m, const char *path)
{
    if (!m)
        return;
    if (m->n == m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 8;
        char **p = realloc(m->path, cap * sizeof *p);
        if (!p)
            return; /* then it stays: an empty directory, no data lost */
        m->path = p;
        m->cap = cap;
    }
    if ((m->path[m->n] = strdup(path)))
        m->n++;
}

/* Removes what m noted, the last made first (rmdir removes only empty
 * directories, so nothing a user put there can go), and frees m. The
 * paths are the ones mkdir was given, so "a/x/../y" removes a/x, which
 * this call made, and never a/y, which was there. */
static void made_dirs_undo(made_dirs *m, int remove)
{
    for (size_t i = m->n; i-- > 0;) {
        if (remove)
            rmdir(m->path[i]);
        free(m->path[i]);
    }
    free(m->path);
    memset(m, 0, sizeof *m);
}

/* ng_make_dirs, noting in made (when not NULL) each directory it made. */
static int make_dirs(const char *dir, made_dirs *made, ng_error *err)
{
    struct stat st;
    if (stat(dir, &st) == 0) {
        if (!S_ISDIR(st.st_mode))
            return ng_error_set(err, NG_EINPUT, "%s exists and is not a directory", dir);
        return 0;
    }
    char *p = strdup(dir);
    if (!p)
        return ng_error_set(err, NG_ENOMEM, "%s: out of memory", dir);
    int rc = 0;
    for (char *s = p + 1;; s++) {
        if (*s != '/' && *s != '\0')
            continue;
        char c = *s;
        *s = '\0';
        if (mkdir(p, 0777) == 0) {
            made_dirs_note(made, p);
        } else if (errno != EEXIST) {
            rc = ng_error_set(err, NG_EIO, "cannot create directory %s: %s", p, strerror(errno));
            break;
        }
        if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
            rc = ng_error_set(err, NG_EINPUT, "%s exists and is not a directory", p);
            break;
        }
        *s = c;
        if (c == '\0')
            break;
    }
    free(p);
    return rc;
}

int ng_make_dirs(const char *dir, ng_error *err)
{
    return make_dirs(dir, NULL, err);
}

static int set_text(output *o, const char *name, char *text)
{
    o->name = name;
    o->data = text;
    o->len = text ? strlen(text) : 0;
    return 0;
}

/* dir/name, malloc'd. */
static char *join_path(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    char *path = malloc(n + strlen(name) + 2);
    if (path)
        sprintf(path, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
    return path;
}

/* Opens o's temp file in dir; with fmt, streams the output into it. */
static int open_output(output *o, const char *dir, const ng_graph *g, const ng_graph_stats *st,
                       int (*fmt)(const ng_graph *, const ng_graph_stats *, ng_sink *),
                       ng_error *err)
{
    char *path = join_path(dir, o->name);
    if (!path)
        return ng_error_set(err, NG_ENOMEM, "out of memory");
    int rc = ng_outfile_open(&o->file, path, err);
    free(path);
    if (rc < 0 || !fmt)
        return rc;
    ng_sink s;
    ng_sink_init(&s, &o->file, err);
    rc = fmt(g, st, &s);
    ng_strbuf_free(&s.buf);
    return rc;
}

/* Statistics are computed here when the caller has none, so callers
 * that only want files need not know about ng_graph_compute_stats. */
int ng_export_all(const ng_graph *g, const ng_graph_stats *st, const char *dir, const char *render,
                  ng_error *err)
{
    if (!g || !dir)
        return ng_error_set(err, NG_EINTERNAL, "ng_export_all: NULL argument");
    if (render && (strcmp(render, "none") == 0 || !render[0]))
        render = NULL;
    if (render && strcmp(render, "svg") != 0 && strcmp(render, "png") != 0)
        return ng_error_set(err, NG_EUSAGE, "unknown render format \"%s\" (use svg, png or none)",
                            render);
    struct stat sb;
    if (!dir[0])
        return ng_error_set(err, NG_EUSAGE, "empty output directory name");
    if (stat(dir, &sb) == 0 && !S_ISDIR(sb.st_mode))
        return ng_error_set(err, NG_EINPUT, "%s exists and is not a directory", dir);
    int rc = 0;
    output out[NOUT] = {{0}};
    ng_graph_stats own = {0};
    made_dirs made = {0}; /* directories this call makes */
    if (!st) {
        if ((rc = ng_graph_compute_stats(g, &own, err)) < 0)
            goto cleanup;
        st = &own;
    }
    if ((rc = make_dirs(dir, &made, err)) < 0)
        goto cleanup;
    out[0].name = "graph.json";
    if ((rc = open_output(&out[0], dir, g, st, ng_export_graph_json, err)) < 0)
        goto cleanup;
    out[1].name = "graph.graphml";
    if ((rc = open_output(&out[1], dir, g, st, ng_export_graphml, err)) < 0)
        goto cleanup;
    char *text = NULL;
    if ((rc = ng_format_dot(g, st, &text, err)) < 0)
        goto cleanup;
    set_text(&out[2], "graph.dot", text);
    if ((rc = ng_format_stats_json(g, st, &text, err)) < 0)
        goto cleanup;
    set_text(&out[3], "stats.json", text);
    if ((rc = ng_format_stats_csv(g, st, &text, err)) < 0)
        goto cleanup;
    set_text(&out[4], "stats.csv", text);
    if (render) {
        out[5].name = strcmp(render, "svg") == 0 ? "graph.svg" : "graph.png";
        if ((rc = ng_render_dot(out[2].data, render, &out[5].data, &out[5].len, err)) < 0)
            goto cleanup;
    }
    for (size_t i = 2; i < NOUT; i++) {
        if (!out[i].name)
            continue;
        if ((rc = open_output(&out[i], dir, g, st, NULL, err)) < 0 ||
            (rc = ng_outfile_write(&out[i].file, out[i].data, out[i].len, err)) < 0)
            goto cleanup;
        free(out[i].data);
        out[i].data = NULL;
    }
    for (size_t i = 0; i < NOUT; i++)
        if (out[i].name && (rc = ng_outfile_finish(&out[i].file, err)) < 0)
            goto cleanup;
    for (size_t i = 0; i < NOUT; i++)
        if (out[i].name && (rc = ng_outfile_publish(&out[i].file, err)) < 0)
            goto cleanup;
cleanup:
    for (size_t i = 0; i < NOUT; i++) {
        free(out[i].data);
        if (out[i].name)
            ng_outfile_discard(&out[i].file);
    }
    ng_graph_stats_free(&own);
    made_dirs_undo(&made, rc < 0);
    return rc;
}
