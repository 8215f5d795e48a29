/* dot.c - graph.dot, the Graphviz drawing of the graph, built with cgraph.
 *
 * Building an Agraph_t and letting agwrite print it means quoting and
 * escaping of names follow Graphviz's own rules. What cgraph does not
 * do is make text safe for *labels*: a backslash starts an escape (\N,
 * \n) there, so text goes through dot_text first (valid UTF-8, controls
 * as spaces, backslashes doubled, long quotes cut).
 *
 * Styling, as promised in the README: shape and fill by actor type,
 * width and font size by PageRank relative to the top actor, pen width
 * by statements, edge label "relation ×n", tooltips with aliases and
 * quotes (SVG shows them on hover), and a legend cluster. */
#include "newsgraph/export.h"

#include "escape.h"
#include "gvlock.h"
#include "strbuf.h"

#include <graphviz/cgraph.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { QUOTE_CHARS = 160, TOOLTIP_QUOTES = 5, LABEL_CHARS = 60 };

typedef struct type_style {
    const char *type, *shape, *fill;
} type_style;

/* The last entry is the style of every other type. */
static const type_style STYLES[] = {
    {"person", "ellipse", "#a6cee3"},
    {"organization", "box", "#b2df8a"},
    {"place", "house", "#fdbf6f"},
    {"other", "hexagon", "#d9d9d9"},
};
enum { NSTYLES = sizeof STYLES / sizeof STYLES[0] };

static const type_style *style_of(const char *type)
{
    for (size_t i = 0; type && i + 1 < NSTYLES; i++)
        if (strcmp(type, STYLES[i].type) == 0)
            return &STYLES[i];
    return &STYLES[NSTYLES - 1];
}

/* Appends s made safe for a DOT label or tooltip (see top of file):
 * made plain in place, backslashes (rare) doubled afterwards. */
static int dot_text(ng_strbuf *b, const char *s, size_t max_chars)
{
    size_t start = b->len;
    int rc = ng_export_plain(b, s, max_chars);
    if (!rc && b->len > start && memchr(b->data + start, '\\', b->len - start)) {
        size_t n = b->len - start;
        char *plain = malloc(n);
        if (!plain)
            return NG_ENOMEM;
        memcpy(plain, b->data + start, n);
        b->len = start;
        for (size_t i = 0; i < n && !rc; i++)
            rc = plain[i] == '\\' ? ng_strbuf_puts(b, "\\\\") : ng_strbuf_putc(b, plain[i]);
        free(plain);
    }
    if (!rc && !b->data)
        rc = ng_strbuf_append(b, "", 0);
    return rc;
}

/* agsafeset with a value built in b (reset first by the caller). */
static int set(void *obj, const char *name, const char *value)
{
    return agsafeset(obj, (char *)name, (char *)value, (char *)"") == 0 ? 0 : NG_ENOMEM;
}

static int setf(void *obj, const char *name, const char *fmt, double x)
{
    char buf[64];
    snprintf(buf, sizeof buf, fmt, x);
    return set(obj, name, buf);
}

static int add_legend(Agraph_t *g)
{
    Agraph_t *lg = agsubg(g, (char *)"cluster_legend", 1);
    if (!lg)
        return NG_ENOMEM;
    int rc = set(lg, "label", "Legend");
    rc = rc ? rc : set(lg, "style", "rounded");
    rc = rc ? rc : set(lg, "fontsize", "12");
    char name[64];
    for (size_t i = 0; i < NSTYLES && !rc; i++) {
        snprintf(name, sizeof name, "legend: %s", STYLES[i].type);
        Agnode_t *n = agnode(lg, name, 1);
        if (!n)
            return NG_ENOMEM;
        rc = set(n, "label", STYLES[i].type);
        rc = rc ? rc : set(n, "shape", STYLES[i].shape);
        rc = rc ? rc : set(n, "fillcolor", STYLES[i].fill);
        rc = rc ? rc : set(n, "style", "filled");
        rc = rc ? rc : set(n, "fontsize", "10");
        rc = rc ? rc : set(n, "width", "0.6");
    }
    Agnode_t *note = rc ? NULL : agnode(lg, (char *)"legend: note", 1);
    if (!rc && !note)
        return NG_ENOMEM;
    rc = rc ? rc : set(note, "shape", "plaintext");
    rc = rc ? rc : set(note, "fontsize", "10");
    rc = rc ? rc
            : set(note, "label",
                  "arrow: speaker \xe2\x86\x92 whom it is about\\l"
                  "size: PageRank; line width: statements\\l");
    return rc;
}

/* Node name: the id when it is clean and free, else "node <i>" (a
 * cleaned id may collide with another one or with a legend node). */
static Agnode_t *make_node(Agraph_t *g, ng_strbuf *tmp, const ng_node *n, size_t i)
{
    tmp->len = 0;
    if (ng_strbuf_append(tmp, "", 0) || ng_export_plain(tmp, n->id, 0))
        return NULL;
    if (tmp->len == 0 || !n->id || strcmp(tmp->data, n->id) != 0 || agnode(g, tmp->data, 0)) {
        char name[48];
        snprintf(name, sizeof name, "node %zu", i);
        return agnode(g, name, 1);
    }
    return agnode(g, tmp->data, 1);
}

static int style_node(Agnode_t *an, ng_strbuf *tmp, const ng_node *n, double rel)
{
    const type_style *s = style_of(n->type);
    tmp->len = 0;
    int rc = dot_text(tmp, n->label, LABEL_CHARS);
    rc = rc ? rc : set(an, "label", tmp->data);
    rc = rc ? rc : set(an, "shape", s->shape);
    rc = rc ? rc : set(an, "fillcolor", s->fill);
    rc = rc ? rc : set(an, "style", "filled");
    rc = rc ? rc : setf(an, "fontsize", "%.1f", 10 + 14 * rel);
    rc = rc ? rc : setf(an, "width", "%.2f", 0.75 + 1.25 * rel);
    tmp->len = 0;
    rc = rc ? rc : dot_text(tmp, n->label, 0);
    rc = rc ? rc : ng_strbuf_puts(tmp, " (");
    rc = rc ? rc : dot_text(tmp, n->type, 0);
    rc = rc ? rc : ng_strbuf_printf(tmp, "), %u mention%s", n->mentions, n->mentions == 1 ? "" : "s");
    for (size_t k = 0; k < n->naliases && !rc; k++) {
        rc = ng_strbuf_puts(tmp, k ? "; " : "; also: ");
        rc = rc ? rc : dot_text(tmp, n->aliases[k], LABEL_CHARS);
    }
    return rc ? rc : set(an, "tooltip", tmp->data);
}

static int style_edge(Agedge_t *ae, ng_strbuf *tmp, const ng_edge *e)
{
    tmp->len = 0;
    int rc = dot_text(tmp, e->relation, LABEL_CHARS);
    rc = rc ? rc : ng_strbuf_puts(tmp, " \xc3\x97");
    rc = rc ? rc : ng_export_number(tmp, e->weight);
    rc = rc ? rc : set(ae, "label", tmp->data);
    rc = rc ? rc : setf(ae, "penwidth", "%.2f", fmin(8.0, 1 + 1.5 * log2(fmax(1.0, e->weight))));
    tmp->len = 0;
    rc = rc ? rc : ng_strbuf_append(tmp, "", 0);
    for (size_t k = 0; k < e->nevidence && k < TOOLTIP_QUOTES && !rc; k++) {
        rc = ng_strbuf_puts(tmp, k ? " | \xe2\x80\x9c" : "\xe2\x80\x9c");
        rc = rc ? rc : dot_text(tmp, e->evidence[k].quote, QUOTE_CHARS);
        rc = rc ? rc : ng_strbuf_puts(tmp, "\xe2\x80\x9d");
    }
    if (!rc && e->nevidence > TOOLTIP_QUOTES)
        rc = ng_strbuf_printf(tmp, " (+%zu more)", e->nevidence - TOOLTIP_QUOTES);
    return rc ? rc : set(ae, "tooltip", tmp->len ? tmp->data : "(no quote)");
}

static int build(Agraph_t *g, const ng_graph *gr, const ng_graph_stats *st)
{
    /* Speakers -> subjects gives few, very wide ranks top-down; left to
     * right the same drawing fits a page. Only the dot engine reads it. */
    int rc = set(g, "overlap", "false");
    rc = rc ? rc : set(g, "rankdir", "LR");
    rc = rc ? rc : set(g, "splines", "true");
    rc = rc ? rc : set(g, "outputorder", "edgesfirst");
    /* One font for graph, nodes and edges, so labels look alike. */
    rc = rc ? rc : set(g, "fontname", "Helvetica");
    rc = rc ? rc : (agattr(g, AGNODE, (char *)"fontname", (char *)"Helvetica") ? 0 : NG_ENOMEM);
    rc = rc ? rc : (agattr(g, AGEDGE, (char *)"fontname", (char *)"Helvetica") ? 0 : NG_ENOMEM);
    rc = rc ? rc : add_legend(g);
    if (rc)
        return rc;
    double top = 0;
    for (size_t i = 0; st && i < gr->nnodes; i++)
        top = fmax(top, st->nodes[i].pagerank);
    ng_strbuf tmp;
    ng_strbuf_init(&tmp);
    Agnode_t **nodes = gr->nnodes ? calloc(gr->nnodes, sizeof *nodes) : NULL;
    if (gr->nnodes && !nodes)
        rc = NG_ENOMEM;
    for (size_t i = 0; i < gr->nnodes && !rc; i++) {
        double rel = st && top > 0 ? st->nodes[i].pagerank / top : 0.0;
        nodes[i] = make_node(g, &tmp, &gr->nodes[i], i);
        rc = nodes[i] ? style_node(nodes[i], &tmp, &gr->nodes[i], rel) : NG_ENOMEM;
    }
    for (size_t i = 0; i < gr->nedges && !rc; i++) {
        const ng_edge *e = &gr->edges[i];
        char key[32];
        snprintf(key, sizeof key, "e%zu", i);
        Agedge_t *ae = agedge(g, nodes[e->source], nodes[e->target], key, 1);
        rc = ae ? style_edge(ae, &tmp, e) : NG_ENOMEM;
    }
    free(nodes);
    ng_strbuf_free(&tmp);
    return rc;
}

int ng_format_dot(const ng_graph *g, const ng_graph_stats *st, char **out, ng_error *err)
{
    *out = NULL;
    if (st && st->nnodes != g->nnodes)
        return ng_error_set(err, NG_EINTERNAL, "statistics do not match the graph");
    int rc = 0;
    char *buf = NULL;
    size_t size = 0;
    FILE *f = NULL;
    ng_graphviz_lock();
    agerrlevel_t level = agseterr(AGMAX);
    Agraph_t *ag = agopen((char *)"newsgraph", Agdirected, NULL);
    if (!ag || build(ag, g, st) < 0) {
        rc = ng_error_set(err, NG_ENOMEM, "out of memory building graph.dot");
        goto cleanup;
    }
    if (!(f = open_memstream(&buf, &size))) {
        rc = ng_error_set(err, NG_ENOMEM, "out of memory writing graph.dot");
        goto cleanup;
    }
    int wrc = agwrite(ag, f);
    if (fclose(f) != 0 || wrc == EOF) {
        f = NULL;
        rc = ng_error_set(err, NG_ENOMEM, "out of memory writing graph.dot");
        goto cleanup;
    }
    f = NULL;
    *out = buf;
    buf = NULL;
cleanup:
    if (f)
        fclose(f);
    free(buf);
    if (ag)
        agclose(ag);
    agseterr(level);
    ng_graphviz_unlock();
    return rc;
}
