/* build.c - `newsgraph build`: inputs -> graph files in one directory. */
#include "cli.h"
#include "common.h"

#include "newsgraph/export.h"

#include <stdio.h>
#include <string.h>

static const char help[] =
    "usage: newsgraph build [OPTIONS] INPUT...\n"
    "\n"
    "Reads the articles, finds the actors and who said what about whom, and writes\n"
    "graph.dot, graph.graphml, graph.json, stats.json and stats.csv into DIR\n"
    "(and graph.svg or graph.png with --render). Files are replaced atomically.\n"
    "\n"
    "  -o, --output DIR        output directory (default: graphs)\n"
    "      --render FORMAT     svg, png or none (default: none)\n"
    "      --date YYYY-MM-DD   date of every document (overrides dates in the files)\n"
    "  -j, --jobs N            worker threads (default: number of CPUs)\n"
    "  -q, --quiet             no warnings or progress on stderr\n"
    "      --data DIR          data directory (default: $NEWSGRAPH_DATA or built-in)\n"
    "      --max-doc-bytes N   refuse documents larger than N bytes (default 64M)\n"
    "      --jsonl             INPUTs are JSON Lines of documents {\"id\",\"date\",\"text\"}\n"
    "      --from-extract      INPUTs are `newsgraph extract` output (map/reduce: see docs/scale.md)\n"
    "  -h, --help              this text\n";

static const struct option long_options[] = {
    {"output", required_argument, NULL, 'o'},
    {"render", required_argument, NULL, NG_OPT_RENDER},
    {"date", required_argument, NULL, NG_OPT_DATE},
    {"jobs", required_argument, NULL, 'j'},
    {"quiet", no_argument, NULL, 'q'},
    {"data", required_argument, NULL, NG_OPT_DATA},
    {"max-doc-bytes", required_argument, NULL, NG_OPT_MAX_DOC_BYTES},
    {"jsonl", no_argument, NULL, NG_OPT_JSONL},
    {"from-extract", no_argument, NULL, NG_OPT_FROM_EXTRACT},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

int ng_cli_build(int argc, char **argv)
{
    ng_cli_run r;
    ng_cli_run_init(&r, "graphs");
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "o:j:qh", long_options, NULL)) != -1) {
        if (c == 'h') {
            fputs(help, stdout);
            return 0;
        }
        int handled = ng_cli_run_option(&r, c, optarg);
        if (handled < 0)
            return 1;
        if (!handled)
            return ng_cli_usage_error("build", "unknown option");
    }
    if (optind >= argc)
        return ng_cli_usage_error("build", "no INPUT given");

    ng_error err;
    ng_error_clear(&err);
    ng_corpus *corpus = NULL;
    ng_graph *graph = NULL;
    ng_graph_stats stats;
    memset(&stats, 0, sizeof stats);
    int rc = ng_corpus_load((const char *const *)argv + optind, (size_t)(argc - optind), &r.run,
                            &corpus, &err);
    if (rc == 0)
        rc = ng_corpus_build_graph(corpus, NULL, 0, &graph, &err);
    if (rc == 0)
        rc = ng_graph_compute_stats(graph, &stats, &err);
    if (rc == 0)
        rc = ng_export_all(graph, &stats, r.out_dir, r.render, &err);
    if (rc == 0 && !r.run.quiet)
        fprintf(stderr, "newsgraph: %zu documents, %zu actors, %zu statement edges -> %s\n",
                ng_corpus_document_count(corpus), graph->nnodes, graph->nedges, r.out_dir);
    ng_graph_stats_free(&stats);
    ng_graph_free(graph);
    ng_corpus_free(corpus);
    return rc == 0 ? 0 : ng_cli_fail(rc, &err);
}
