/* diff_out.c - diff.json, diff.dot and the human summary of an ng_diff
 * (see include/newsgraph/diff.h).
 *
 * The ng_diff arrays are already in report order (biggest change first),
 * so every writer walks them once and filters by status. */
#include "newsgraph/diff.h"
#include "newsgraph/export.h"

#include "strbuf.h"

#include <cjson/cJSON.h>
#include <graphviz/cgraph.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Centralities are printed rounded to 6 decimals: enough to see a change
 * above any sensible threshold, and stable against the last-bit noise of
 * iterative solvers. */
static double round6(double x)
{
    return round(x * 1e6) / 1e6;
}

/* ---- diff.json ---- */

static int add_id(cJSON *arr, const char *id)
{
    cJSON *s = cJSON_CreateString(id);
    return s && cJSON_AddItemToArray(arr, s) ? 0 : NG_ENOMEM;
}

static cJSON *edge_json(const ng_diff *d, const ng_diff_edge *e)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    int ok = cJSON_AddStringToObject(o, "source", d->nodes[e->source].id) &&
             cJSON_AddStringToObject(o, "target", d->nodes[e->target].id) &&
             cJSON_AddStringToObject(o, "relation", e->relation);
    if (ok && e->status == NG_DIFF_CHANGED)
        ok = cJSON_AddNumberToObject(o, "old_weight", e->old_weight) &&
             cJSON_AddNumberToObject(o, "new_weight", e->new_weight);
    else if (ok)
        ok = cJSON_AddNumberToObject(o, "weight",
                                     e->status == NG_DIFF_REMOVED ? e->old_weight : e->new_weight) != NULL;
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

int ng_format_diff_json(const ng_diff *d, char **out, ng_error *err)
{
    int rc = NG_ENOMEM;
    cJSON *root = cJSON_CreateObject();
    cJSON *na, *nr, *ea, *er, *ec, *cc, *rn, *sum;
    *out = NULL;
    if (!root || !cJSON_AddStringToObject(root, "old", d->old_name) ||
        !cJSON_AddStringToObject(root, "new", d->new_name) ||
        !(na = cJSON_AddArrayToObject(root, "nodes_added")) ||
        !(nr = cJSON_AddArrayToObject(root, "nodes_removed")) ||
        !(ea = cJSON_AddArrayToObject(root, "edges_added")) ||
        !(er = cJSON_AddArrayToObject(root, "edges_removed")) ||
        !(ec = cJSON_AddArrayToObject(root, "edges_changed")) ||
        !(cc = cJSON_AddArrayToObject(root, "centrality_changes")) ||
        !(rn = cJSON_AddArrayToObject(root, "nodes_renamed")))
        goto cleanup;

    for (size_t i = 0; i < d->nnodes; i++) {
        const ng_diff_node *n = &d->nodes[i];
        if (n->status == NG_DIFF_ADDED && add_id(na, n->id) < 0)
            goto cleanup;
        if (n->status == NG_DIFF_REMOVED && add_id(nr, n->id) < 0)
            goto cleanup;
        if (n->status == NG_DIFF_CHANGED) {
            cJSON *o = cJSON_CreateObject();
            if (!o || !cJSON_AddItemToArray(rn, o) || !cJSON_AddStringToObject(o, "id", n->id) ||
                !cJSON_AddStringToObject(o, "old_label", n->old_label) ||
                !cJSON_AddStringToObject(o, "new_label", n->label))
                goto cleanup;
        }
    }
    for (size_t i = 0; i < d->nedges; i++) {
        const ng_diff_edge *e = &d->edges[i];
        cJSON *arr = e->status == NG_DIFF_ADDED     ? ea
                     : e->status == NG_DIFF_REMOVED ? er
                     : e->status == NG_DIFF_CHANGED ? ec
                                                    : NULL;
        if (!arr)
            continue;
        cJSON *o = edge_json(d, e);
        if (!o || !cJSON_AddItemToArray(arr, o))
            goto cleanup;
    }
    for (size_t i = 0; i < d->ncentrality; i++) {
        const ng_diff_centrality *c = &d->centrality[i];
        cJSON *o = cJSON_CreateObject();
        if (!o || !cJSON_AddItemToArray(cc, o) || !cJSON_AddStringToObject(o, "id", d->nodes[c->node].id) ||
            !cJSON_AddStringToObject(o, "metric", c->metric) ||
            !cJSON_AddNumberToObject(o, "old", round6(c->old_value)) ||
            !cJSON_AddNumberToObject(o, "new", round6(c->new_value)) ||
            !cJSON_AddNumberToObject(o, "delta", round6(c->delta)))
            goto cleanup;
    }
    if (!(sum = cJSON_AddObjectToObject(root, "summary")) ||
        !cJSON_AddNumberToObject(sum, "nodes_added", (double)d->nodes_added) ||
        !cJSON_AddNumberToObject(sum, "nodes_removed", (double)d->nodes_removed) ||
        !cJSON_AddNumberToObject(sum, "nodes_renamed", (double)d->nodes_renamed) ||
        !cJSON_AddNumberToObject(sum, "edges_added", (double)d->edges_added) ||
        !cJSON_AddNumberToObject(sum, "edges_removed", (double)d->edges_removed) ||
        !cJSON_AddNumberToObject(sum, "edges_changed", (double)d->edges_changed) ||
        !cJSON_AddNumberToObject(sum, "centrality_changes", (double)d->ncentrality) ||
        !cJSON_AddBoolToObject(sum, "empty", ng_diff_is_empty(d)) ||
        !cJSON_AddStringToObject(root, "format", "newsgraph-diff") ||
        !cJSON_AddNumberToObject(root, "version", 1))
        goto cleanup;

    char *text = cJSON_Print(root);
    if (!text)
        goto cleanup;
    /* cJSON_Print's buffer comes from cJSON's allocator; hand out a plain
     * malloc'd copy with a final newline, as every other writer does. */
    size_t n = strlen(text);
    if ((*out = malloc(n + 2))) {
        memcpy(*out, text, n);
        (*out)[n] = '\n';
        (*out)[n + 1] = '\0';
        rc = 0;
    }
    cJSON_free(text);
cleanup:
    cJSON_Delete(root);
    if (rc < 0)
        ng_error_set(err, rc, "out of memory writing diff.json");
    return rc;
}

/* ---- diff.dot ---- */

static const char *shape_for(const char *type)
{
    if (type && strcmp(type, "organization") == 0)
        return "box";
    if (type && strcmp(type, "place") == 0)
        return "hexagon";
    return "ellipse";
}

static void set(void *obj, const char *name, const char *value)
{
    agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

static void fmt_weight(char *buf, size_t n, double w)
{
    if (w == floor(w) && fabs(w) < 1e15)
        snprintf(buf, n, "%.0f", w);
    else
        snprintf(buf, n, "%.3g", w);
}

/* Draws one union node: colour and line style say its status, a renamed
 * node shows "old → new" as its label. */
static Agnode_t *draw_node(Agraph_t *g, const ng_diff_node *n)
{
    Agnode_t *v = agnode(g, n->id, 1);
    if (!v)
        return NULL;
    char label[1024];
    if (n->status == NG_DIFF_CHANGED)
        snprintf(label, sizeof label, "%s → %s", n->old_label, n->label);
    else
        snprintf(label, sizeof label, "%s", n->label);
    set(v, "label", label);
    set(v, "shape", shape_for(n->type));
    switch (n->status) {
    case NG_DIFF_ADDED:
        set(v, "color", "#1a9641");
        set(v, "fontcolor", "#1a9641");
        set(v, "style", "filled,bold");
        set(v, "fillcolor", "#e5f5e0");
        break;
    case NG_DIFF_REMOVED:
        set(v, "color", "#d7191c");
        set(v, "fontcolor", "#d7191c");
        set(v, "style", "dashed");
        break;
    case NG_DIFF_CHANGED:
        set(v, "color", "#fdae61");
        set(v, "style", "filled,bold");
        set(v, "fillcolor", "#fff3e0");
        break;
    default:
        set(v, "color", "#777777");
        break;
    }
    return v;
}

static int draw_edge(Agraph_t *g, Agnode_t **vs, const ng_diff_edge *e)
{
    /* The relation names the edge so several relations between the same
     * pair stay separate edges (the graph is not strict). */
    Agedge_t *a = agedge(g, vs[e->source], vs[e->target], e->relation, 1);
    if (!a)
        return NG_ENOMEM;
    char ow[32], nw[32], label[512], pen[32];
    fmt_weight(ow, sizeof ow, e->old_weight);
    fmt_weight(nw, sizeof nw, e->new_weight);
    double w = e->new_weight > e->old_weight ? e->new_weight : e->old_weight;
    snprintf(pen, sizeof pen, "%.1f", 1.0 + log2(1.0 + (w > 0 ? w : 0)));
    set(a, "penwidth", pen);
    switch (e->status) {
    case NG_DIFF_ADDED:
        snprintf(label, sizeof label, "%s ×%s", e->relation, nw);
        set(a, "color", "#1a9641");
        set(a, "fontcolor", "#1a9641");
        break;
    case NG_DIFF_REMOVED:
        snprintf(label, sizeof label, "%s ×%s", e->relation, ow);
        set(a, "color", "#d7191c");
        set(a, "fontcolor", "#d7191c");
        set(a, "style", "dashed");
        break;
    case NG_DIFF_CHANGED:
        snprintf(label, sizeof label, "%s %s→%s", e->relation, ow, nw);
        set(a, "color", "#e66101");
        set(a, "fontcolor", "#e66101");
        break;
    default:
        snprintf(label, sizeof label, "%s ×%s", e->relation, nw);
        set(a, "color", "#999999");
        set(a, "fontcolor", "#777777");
        break;
    }
    set(a, "label", label);
    return 0;
}

int ng_format_diff_dot(const ng_diff *d, char **out, ng_error *err)
{
    int rc = NG_ENOMEM;
    Agraph_t *g = agopen((char *)"diff", Agdirected, NULL);
    Agnode_t **vs = calloc(d->nnodes + 1, sizeof *vs);
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = NULL;
    *out = NULL;
    if (!g || !vs)
        goto cleanup;

    char title[1024];
    snprintf(title, sizeof title,
             "%s → %s: +%zu −%zu actors, %zu renamed; +%zu −%zu edges, %zu re-weighted\n"
             "green: new   red dashed: gone   orange: changed (old→new)",
             d->old_name, d->new_name, d->nodes_added, d->nodes_removed, d->nodes_renamed,
             d->edges_added, d->edges_removed, d->edges_changed);
    set(g, "label", title);
    set(g, "labelloc", "t");
    set(g, "fontname", "Helvetica");
    set(g, "rankdir", "LR");
    /* Defaults declared once so every node and edge shares the font. */
    agattr(g, AGNODE, (char *)"fontname", (char *)"Helvetica");
    agattr(g, AGEDGE, (char *)"fontname", (char *)"Helvetica");
    agattr(g, AGEDGE, (char *)"fontsize", (char *)"10");

    for (size_t i = 0; i < d->nnodes; i++)
        if (!(vs[i] = draw_node(g, &d->nodes[i])))
            goto cleanup;
    for (size_t i = 0; i < d->nedges; i++)
        if (draw_edge(g, vs, &d->edges[i]) < 0)
            goto cleanup;

    if (!(mem = open_memstream(&buf, &len)))
        goto cleanup;
    if (agwrite(g, mem) != 0) {
        rc = NG_EINTERNAL;
        goto cleanup;
    }
    if (fclose(mem) != 0) {
        mem = NULL;
        goto cleanup;
    }
    mem = NULL;
    *out = buf;
    buf = NULL;
    rc = 0;
cleanup:
    if (mem)
        fclose(mem);
    free(buf);
    free(vs);
    if (g)
        agclose(g);
    if (rc < 0)
        ng_error_set(err, rc, "cannot write diff.dot (%s)", rc == NG_ENOMEM ? "out of memory" : "cgraph");
    return rc;
}

/* ---- human summary ---- */

/* At most this many names per line; the rest is counted. */
#define SUMMARY_MAX 8

static int summary_nodes(ng_strbuf *b, const ng_diff *d, ng_diff_status status, const char *sign,
                         size_t count)
{
    if (!count)
        return 0;
    int rc = ng_strbuf_printf(b, "%s%zu %s: ", sign, count, count == 1 ? "actor" : "actors");
    size_t shown = 0;
    for (size_t i = 0; i < d->nnodes && rc == 0; i++) {
        if (d->nodes[i].status != status)
            continue;
        if (shown == SUMMARY_MAX) {
            rc = ng_strbuf_printf(b, ", … %zu more", count - shown);
            break;
        }
        rc = ng_strbuf_printf(b, "%s%s", shown ? ", " : "", d->nodes[i].label);
        shown++;
    }
    return rc ? rc : ng_strbuf_putc(b, '\n');
}

int ng_format_diff_summary(const ng_diff *d, char **out, ng_error *err)
{
    ng_strbuf b;
    int rc = 0;
    ng_strbuf_init(&b);
    *out = NULL;
    if (ng_diff_is_empty(d)) {
        rc = ng_strbuf_printf(&b, "%s → %s: no changes\n", d->old_name, d->new_name);
        goto done;
    }
    rc = ng_strbuf_printf(&b, "%s → %s: +%zu −%zu actors, +%zu −%zu edges, %zu re-weighted, %zu centrality changes\n",
                          d->old_name, d->new_name, d->nodes_added, d->nodes_removed, d->edges_added,
                          d->edges_removed, d->edges_changed, d->ncentrality);
    if (!rc)
        rc = summary_nodes(&b, d, NG_DIFF_ADDED, "+", d->nodes_added);
    if (!rc)
        rc = summary_nodes(&b, d, NG_DIFF_REMOVED, "-", d->nodes_removed);
    for (size_t i = 0; i < d->nnodes && !rc; i++)
        if (d->nodes[i].status == NG_DIFF_CHANGED)
            rc = ng_strbuf_printf(&b, "renamed %s: %s → %s\n", d->nodes[i].id, d->nodes[i].old_label,
                                  d->nodes[i].label);
    size_t shown = 0, hidden = 0;
    for (size_t i = 0; i < d->nedges && !rc; i++) {
        const ng_diff_edge *e = &d->edges[i];
        if (e->status == NG_DIFF_SAME)
            continue;
        if (shown == 3 * SUMMARY_MAX) {
            hidden++;
            continue;
        }
        char ow[32], nw[32];
        fmt_weight(ow, sizeof ow, e->old_weight);
        fmt_weight(nw, sizeof nw, e->new_weight);
        const char *s = d->nodes[e->source].label, *t = d->nodes[e->target].label;
        if (e->status == NG_DIFF_ADDED)
            rc = ng_strbuf_printf(&b, "%s → %s new (%s ×%s)\n", s, t, e->relation, nw);
        else if (e->status == NG_DIFF_REMOVED)
            rc = ng_strbuf_printf(&b, "%s → %s gone (%s ×%s)\n", s, t, e->relation, ow);
        else
            rc = ng_strbuf_printf(&b, "%s → %s %s→%s (%s)\n", s, t, ow, nw, e->relation);
        shown++;
    }
    if (!rc && hidden)
        rc = ng_strbuf_printf(&b, "… %zu more edge changes in diff.json\n", hidden);
    for (size_t i = 0; i < d->ncentrality && i < SUMMARY_MAX && !rc; i++) {
        const ng_diff_centrality *c = &d->centrality[i];
        rc = ng_strbuf_printf(&b, "%s %s %.4g → %.4g (%+.4f)\n", d->nodes[c->node].label, c->metric,
                              c->old_value, c->new_value, c->delta);
    }
done:
    if (!rc && !(*out = ng_strbuf_steal(&b)))
        rc = NG_ENOMEM;
    ng_strbuf_free(&b);
    if (rc < 0)
        ng_error_set(err, rc, "out of memory writing the diff summary");
    return rc;
}

/* ---- files ---- */

static int write_file(const char *dir, const char *name, const char *data, size_t len, ng_error *err)
{
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
        return ng_error_set(err, NG_EINPUT, "%s: output path too long", dir);
    return ng_write_atomic(path, data, len, err);
}

int ng_diff_write_all(const ng_diff *d, const char *dir, const char *render, ng_error *err)
{
    char *json = NULL, *dot = NULL, *img = NULL;
    size_t img_len = 0;
    int rc;
    if ((rc = ng_make_dirs(dir, err)) < 0)
        goto cleanup;
    if ((rc = ng_format_diff_json(d, &json, err)) < 0 ||
        (rc = write_file(dir, "diff.json", json, strlen(json), err)) < 0)
        goto cleanup;
    if ((rc = ng_format_diff_dot(d, &dot, err)) < 0 ||
        (rc = write_file(dir, "diff.dot", dot, strlen(dot), err)) < 0)
        goto cleanup;
    if (render && (strcmp(render, "svg") == 0 || strcmp(render, "png") == 0)) {
        char name[16];
        snprintf(name, sizeof name, "diff.%s", render);
        if ((rc = ng_render_dot(dot, render, &img, &img_len, err)) < 0 ||
            (rc = write_file(dir, name, img, img_len, err)) < 0)
            goto cleanup;
    }
    rc = 0;
cleanup:
    free(json);
    free(dot);
    free(img);
    return rc;
}
