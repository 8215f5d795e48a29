/* render.c - graph.svg / graph.png, laid out and rendered in-process with gvc.
 *
 * The DOT text from ng_format_dot is read back with agmemread rather
 * than rendering the Agraph_t that produced it: the renderer then sees
 * exactly what users get in graph.dot, and the caller can render any
 * DOT text (diff.dot too).
 *
 * One GVC_t serves the whole process, created on first use and kept: with
 * Graphviz 2.43 a second gvContext in a process makes the pango plugin
 * read freed memory (its font cache outlives gvFreeContext; ASan shows it
 * on the second render, e.g. in `days`). The context is only touched under
 * the Graphviz lock, so sharing it between threads is safe.
 *
 * Engine by size: "dot" draws small graphs as readable layers; beyond
 * SMALL_GRAPH nodes it becomes slow and tangled, so "sfdp" with overlap
 * removal (overlap=prism) and straight edges takes over. Graphviz warnings (e.g. about
 * fonts) are not shown: agseterr(AGMAX) quiets them, and errors are
 * reported through ng_error with aglasterr's text. */
#include "newsgraph/export.h"

#include "gvlock.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>

enum { SMALL_GRAPH = 60 };

static GVC_t *shared_gvc; /* guarded by ng_graphviz_lock; see above */

/* aglasterr returns a malloc'd copy of the last message, or NULL. */
static int graphviz_error(ng_error *err, int code, const char *what)
{
    char *msg = aglasterr();
    size_t n = msg ? strlen(msg) : 0;
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    ng_error_set(err, code, "%s%s%s", what, n ? ": " : "", n ? msg : "");
    free(msg);
    return code;
}

int ng_render_dot(const char *dot_text, const char *format, char **out, size_t *len, ng_error *err)
{
    *out = NULL;
    *len = 0;
    if (!dot_text || !format)
        return ng_error_set(err, NG_EINTERNAL, "ng_render_dot: NULL argument");
    if (strcmp(format, "svg") != 0 && strcmp(format, "png") != 0)
        return ng_error_set(err, NG_EUSAGE, "unknown render format \"%s\" (use svg, png or none)",
                            format);
    int rc = 0, laid_out = 0;
    char *data = NULL;
    unsigned int size = 0;
    ng_graphviz_lock();
    agerrlevel_t level = agseterr(AGMAX);
    if (!shared_gvc)
        shared_gvc = gvContext();
    GVC_t *gvc = shared_gvc;
    Agraph_t *g = gvc ? agmemread(dot_text) : NULL;
    if (!gvc) {
        rc = ng_error_set(err, NG_ENOMEM, "rendering: cannot start Graphviz");
        goto cleanup;
    }
    if (!g) {
        rc = graphviz_error(err, NG_EINTERNAL, "rendering: Graphviz cannot read the DOT text");
        goto cleanup;
    }
    const char *engine = agnnodes(g) < SMALL_GRAPH ? "dot" : "sfdp";
    if (strcmp(engine, "sfdp") == 0) {
        /* Spline routing around obstacles is what makes big layouts take
         * minutes (43 s against 0.5 s at 200 nodes): straight lines. */
        agsafeset(g, (char *)"overlap", (char *)"prism", (char *)"");
        agsafeset(g, (char *)"splines", (char *)"line", (char *)"");
    }
    if (gvLayout(gvc, g, engine) != 0) {
        rc = graphviz_error(err, NG_EINTERNAL, "rendering: Graphviz layout failed");
        goto cleanup;
    }
    laid_out = 1;
    if (gvRenderData(gvc, g, format, &data, &size) != 0 || !data) {
        rc = graphviz_error(err, NG_EINTERNAL, "rendering: Graphviz could not produce the image");
        goto cleanup;
    }
    if (!(*out = malloc(size ? size : 1))) {
        rc = ng_error_set(err, NG_ENOMEM, "rendering: out of memory");
        goto cleanup;
    }
    memcpy(*out, data, size);
    *len = size;
cleanup:
    if (data)
        gvFreeRenderData(data);
    if (laid_out)
        gvFreeLayout(gvc, g);
    if (g)
        agclose(g);
    agseterr(level);
    ng_graphviz_unlock();
    return rc;
}
