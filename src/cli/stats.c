/* stats.c - `newsgraph stats GRAPH`: the centrality table of a graph.json. */
#include "cli.h"
#include "common.h"

#include "newsgraph/export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: newsgraph stats [OPTIONS] GRAPH\n"
    "\n"
    "Computes the centralities of GRAPH (a graph.json or a build directory) and\n"
    "prints them, actors ranked by PageRank.\n"
    "\n"
    "      --format FORMAT   table (default), csv or json\n"
    "  -n, --top N           only the first N actors of the table\n"
    "  -h, --help            this text\n";

static const struct option long_options[] = {
    {"format", required_argument, NULL, NG_OPT_FORMAT},
    {"top", required_argument, NULL, 'n'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

/* One row to rank: sorting copies of the keys needs no global context. */
typedef struct ranked {
    double pagerank;
    const char *id;
    size_t index;
} ranked;

static int by_pagerank(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->pagerank != y->pagerank)
        return x->pagerank < y->pagerank ? 1 : -1;
    return strcmp(x->id, y->id);
}

/* Display width of UTF-8 text: code points (news labels have no wide
 * characters worth a wcwidth table here). */
static int display_width(const char *s)
{
    int w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            w++;
    return w;
}

/* Prints s cut to width columns and padded with spaces to exactly width. */
static void print_padded(const char *s, int width)
{
    int w = 0;
    const char *p = s;
    while (*p) {
        const char *next = p + 1;
        while (((unsigned char)*next & 0xC0) == 0x80)
            next++;
        if (w + 1 > width)
            break;
        fwrite(p, 1, (size_t)(next - p), stdout);
        w++;
        p = next;
    }
    printf("%*s", width - w, "");
}

/* Human-readable table: one actor a line, widest label sets the column. */
static int print_table(const ng_graph *g, const ng_graph_stats *st, size_t top)
{
    ranked *order = malloc((g->nnodes ? g->nnodes : 1) * sizeof *order);
    if (!order)
        return NG_ENOMEM;
    for (size_t i = 0; i < g->nnodes; i++)
        order[i] = (ranked){st->nodes[i].pagerank, g->nodes[i].id, i};
    qsort(order, g->nnodes, sizeof *order, by_pagerank);
    int width = 5;
    for (size_t i = 0; i < g->nnodes; i++) {
        int w = display_width(g->nodes[i].label);
        if (w > width)
            width = w > 40 ? 40 : w;
    }
    printf("%4s  %-*s  %-12s  %8s  %8s  %8s  %3s  %3s  %4s\n", "rank", width, "actor", "type",
           "pagerank", "between", "harmonic", "in", "out", "comm");
    size_t n = top && top < g->nnodes ? top : g->nnodes;
    for (size_t r = 0; r < n; r++) {
        const ng_node *nd = &g->nodes[order[r].index];
        const ng_node_stats *s = &st->nodes[order[r].index];
        printf("%4zu  ", r + 1);
        print_padded(nd->label, width);
        printf("  %-12s  %8.4f  %8.2f  %8.4f  %3.0f  %3.0f  %4d\n", nd->type, s->pagerank,
               s->betweenness, s->closeness, s->in_degree, s->out_degree, s->community);
    }
    printf("%zu actors, %zu edges, %zu communities, modularity %.3f\n", st->nnodes, st->nedges,
           st->communities, st->modularity);
    free(order);
    return 0;
}

int ng_cli_stats(int argc, char **argv)
{
    const char *format = "table";
    size_t top = 0;
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "n:h", long_options, NULL)) != -1) {
        switch (c) {
        case 'h':
            fputs(help, stdout);
            return 0;
        case NG_OPT_FORMAT:
            if (strcmp(optarg, "table") && strcmp(optarg, "csv") && strcmp(optarg, "json"))
                return ng_cli_usage_error("stats", "--format wants table, csv or json");
            format = optarg;
            break;
        case 'n':
            top = (size_t)strtoul(optarg, NULL, 10);
            break;
        default:
            return ng_cli_usage_error("stats", "unknown option");
        }
    }
    if (argc - optind != 1)
        return ng_cli_usage_error("stats", "want exactly one GRAPH");
    ng_error err;
    ng_error_clear(&err);
    ng_graph *g = NULL;
    ng_graph_stats st;
    memset(&st, 0, sizeof st);
    char *text = NULL;
    int rc = ng_graph_read_json(argv[optind], &g, &err);
    if (rc == 0)
        rc = ng_graph_compute_stats(g, &st, &err);
    if (rc == 0) {
        if (!strcmp(format, "csv"))
            rc = ng_format_stats_csv(g, &st, &text, &err);
        else if (!strcmp(format, "json"))
            rc = ng_format_stats_json(g, &st, &text, &err);
        else
            rc = print_table(g, &st, top);
    }
    if (rc == 0 && text)
        fputs(text, stdout);
    if (rc == NG_ENOMEM && !err.message[0])
        ng_error_set(&err, rc, "out of memory");
    free(text);
    ng_graph_stats_free(&st);
    ng_graph_free(g);
    return rc == 0 ? 0 : ng_cli_fail(rc, &err);
}
