/* diff.c - `newsgraph diff OLD NEW`: what changed between two graphs
 * (see include/newsgraph/diff.h). A short summary goes to stdout; with -o
 * the diff files are written too. */
#include "cli.h"
#include "common.h"

#include "newsgraph/diff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: newsgraph diff [OPTIONS] OLD NEW\n"
    "\n"
    "Compares two graphs (each a graph.json or a build directory holding one):\n"
    "actors added and removed, labels renamed under the same id, edges added,\n"
    "removed or re-weighted (matched by source, target and relation), and\n"
    "centrality changes above a threshold, biggest change first. Prints a short\n"
    "summary on stdout; with -o also writes diff.json, diff.dot (the union graph:\n"
    "new in green, gone in red dashed, changed with old->new weights) and a picture.\n"
    "\n"
    "  -o, --output DIR        write diff.json, diff.dot (and diff.svg) into DIR\n"
    "      --render FORMAT     svg, png or none (default: svg, only with -o)\n"
    "      --threshold X       smallest centrality change reported (default 0.01)\n"
    "  -q, --quiet             no summary on stdout\n"
    "  -h, --help              this text\n";

static const struct option long_options[] = {
    {"output", required_argument, NULL, 'o'},
    {"render", required_argument, NULL, NG_OPT_RENDER},
    {"threshold", required_argument, NULL, NG_OPT_THRESHOLD},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

int ng_cli_diff(int argc, char **argv)
{
    ng_cli_run r;
    ng_diff_options dopt = {0};
    ng_cli_run_init(&r, NULL);
    r.render = "svg";
    int c;
    optind = 0;
    while ((c = getopt_long(argc, argv, "o:qh", long_options, NULL)) != -1) {
        if (c == 'h') {
            fputs(help, stdout);
            return 0;
        }
        if (c == NG_OPT_THRESHOLD) {
            char *end;
            dopt.threshold = strtod(optarg, &end);
            if (*end || end == optarg || !(dopt.threshold > 0))
                return ng_cli_usage_error("diff", "--threshold wants a positive number, not '%s'", optarg);
            continue;
        }
        int handled = ng_cli_run_option(&r, c, optarg);
        if (handled < 0)
            return 1;
        if (!handled)
            return ng_cli_usage_error("diff", "unknown option");
    }
    if (argc - optind != 2)
        return ng_cli_usage_error("diff", "wants exactly two graphs, OLD and NEW");
    const char *old_path = argv[optind], *new_path = argv[optind + 1];

    ng_error err;
    ng_error_clear(&err);
    ng_graph *old_g = NULL, *new_g = NULL;
    ng_diff *d = NULL;
    char *summary = NULL;
    int rc = ng_graph_read_json(old_path, &old_g, &err);
    if (rc == 0)
        rc = ng_graph_read_json(new_path, &new_g, &err);
    if (rc == 0)
        rc = ng_diff_compute(old_g, NULL, old_path, new_g, NULL, new_path, &dopt, &d, &err);
    if (rc == 0 && r.out_dir)
        rc = ng_diff_write_all(d, r.out_dir, r.render, &err);
    if (rc == 0 && !r.run.quiet && (rc = ng_format_diff_summary(d, &summary, &err)) == 0)
        fputs(summary, stdout);
    if (rc == 0 && fflush(stdout) != 0)
        rc = ng_error_set(&err, NG_EIO, "cannot write the summary to standard output");
    free(summary);
    ng_diff_free(d);
    ng_graph_free(old_g);
    ng_graph_free(new_g);
    return rc == 0 ? 0 : ng_cli_fail(rc, &err);
}
