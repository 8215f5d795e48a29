/* days.c - `newsgraph days`: one graph per news day, diffs of consecutive
 * days, a timeline and a dynamic GEXF (see include/newsgraph/timeline.h). */
#include "cli.h"
#include "common.h"

#include "newsgraph/timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: newsgraph days [OPTIONS] INPUT...\n"
    "\n"
    "Groups the articles by date and writes, into DIR:\n"
    "  <date>/             the `build` files of each news day (graph.json, ...)\n"
    "  undated/            the same for documents without a date (each is named on stderr)\n"
    "  diffs/<old>_<new>/  diff.json, diff.dot and diff.svg of consecutive days\n"
    "  all/                the cumulative graph of every day\n"
    "  timeline.json, timeline.csv  per day: documents, actors, edges, top actors by\n"
    "                      PageRank, actors and statements new that day\n"
    "  timeline.gexf       GEXF 1.3 dynamic graph for Gephi's timeline\n"
    "Node ids are the same on every day of a run. A day that fails is reported,\n"
    "the others are still written, and the exit status is then non-zero.\n"
    "\n"
    "  -o, --output DIR        output directory (default: graphs/days)\n"
    "      --render FORMAT     svg, png or none for days and diffs (default: svg)\n"
    "      --threshold X       smallest centrality change a diff reports (default 0.01)\n"
    "      --top N             top actors per day in the timeline (default 5)\n"
    "  -j, --jobs N            worker threads (default: number of CPUs)\n"
    "  -q, --quiet             no warnings or progress on stderr\n"
    "      --data DIR          data directory (default: $NEWSGRAPH_DATA or built-in)\n"
    "      --max-doc-bytes N   refuse documents larger than N bytes (default 64M)\n"
    "      --jsonl             INPUTs are JSON Lines of documents {\"id\",\"date\",\"text\"}\n"
    "      --from-extract      INPUTs are `newsgraph extract` output (map/reduce: see docs/scale.md)\n"
    "  -h, --help              this text\n";

enum { OPT_TOP = 1000 };

static const struct option long_options[] = {
    {"output", required_argument, NULL, 'o'},
    {"render", required_argument, NULL, NG_OPT_RENDER},
    {"threshold", required_argument, NULL, NG_OPT_THRESHOLD},
    {"top", required_argument, NULL, OPT_TOP},
    {"jobs", required_argument, NULL, 'j'},
    {"quiet", no_argument, NULL, 'q'},
    {"data", required_argument, NULL, NG_OPT_DATA},
    {"max-doc-bytes", required_argument, NULL, NG_OPT_MAX_DOC_BYTES},
    {"jsonl", no_argument, NULL, NG_OPT_JSONL},
    {"from-extract", no_argument, NULL, NG_OPT_FROM_EXTRACT},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

static void print_info(void *ctx, const char *msg)
{
    const ng_cli_run *r = ctx;
    if (!r->run.quiet)
        fprintf(stderr, "newsgraph: %s\n", msg);
}

int ng_cli_days(int argc, char **argv)
{
    ng_cli_run r;
    ng_days_options opt;
    memset(&opt, 0, sizeof opt);
    ng_cli_run_init(&r, "graphs/days");
    r.render = "svg";
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "o:j:qh", long_options, NULL)) != -1) {
        char *end;
        switch (c) {
        case 'h':
            fputs(help, stdout);
            return 0;
        case NG_OPT_THRESHOLD:
            opt.threshold = strtod(optarg, &end);
            if (*end || end == optarg || !(opt.threshold > 0))
                return ng_cli_usage_error("days", "--threshold wants a positive number, not '%s'", optarg);
            continue;
        case OPT_TOP: {
            long n = strtol(optarg, &end, 10);
            if (*end || end == optarg || n < 1 || n > 1000)
                return ng_cli_usage_error("days", "--top wants a number from 1 to 1000, not '%s'", optarg);
            opt.top = (size_t)n;
            continue;
        }
        default:
            break;
        }
        int handled = ng_cli_run_option(&r, c, optarg);
        if (handled < 0)
            return 1;
        if (!handled)
            return ng_cli_usage_error("days", "unknown option");
    }
    if (optind >= argc)
        return ng_cli_usage_error("days", "no INPUT given");
    if (r.run.date)
        return ng_cli_usage_error("days", "--date would put every document on one day");

    opt.out_dir = r.out_dir;
    opt.render = r.render;
    opt.warn = ng_cli_print_warning;
    opt.warn_ctx = &r;
    opt.info = print_info;
    opt.info_ctx = &r;

    ng_error err;
    ng_error_clear(&err);
    ng_corpus *corpus = NULL;
    ng_days_report rep;
    memset(&rep, 0, sizeof rep);
    int rc = ng_corpus_load((const char *const *)argv + optind, (size_t)(argc - optind), &r.run, &corpus,
                            &err);
    if (rc == 0)
        rc = ng_run_days(corpus, &opt, &rep, &err);
    if (!r.run.quiet && rep.ndays)
        fprintf(stderr, "newsgraph: %zu day%s (%zu undated document%s), %zu diff%s -> %s\n", rep.ndays,
                rep.ndays == 1 ? "" : "s", rep.nundated, rep.nundated == 1 ? "" : "s", rep.ndiffs,
                rep.ndiffs == 1 ? "" : "s", r.out_dir);
    ng_corpus_free(corpus);
    return rc == 0 ? 0 : ng_cli_fail(rc, &err);
}
