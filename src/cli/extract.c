/* extract.c - `newsgraph extract`: entities and statements as JSON Lines. */
#include "cli.h"
#include "common.h"

#include <stdio.h>

static const char help[] =
    "usage: newsgraph extract [OPTIONS] INPUT...\n"
    "\n"
    "Prints one JSON object per document on stdout: its entity mentions (with the\n"
    "node id each resolved to across the whole run) and its statements (speaker,\n"
    "cue, quote or reported clause, whom it is about), byte offsets into the input.\n"
    "\n"
    "      --date YYYY-MM-DD   date of every document\n"
    "  -j, --jobs N            worker threads (default: number of CPUs)\n"
    "  -q, --quiet             no warnings or progress on stderr\n"
    "      --data DIR          data directory\n"
    "      --max-doc-bytes N   refuse documents larger than N bytes (default 64M)\n"
    "      --stream            flat memory for any number of documents: records are\n"
    "                          written in batches and ids are resolved within each\n"
    "                          document (build --from-extract resolves across them)\n"
    "      --jsonl             INPUTs are JSON Lines of documents {\"id\",\"date\",\"text\"}\n"
    "  -h, --help              this text\n";

static const struct option long_options[] = {
    {"date", required_argument, NULL, NG_OPT_DATE},
    {"jobs", required_argument, NULL, 'j'},
    {"quiet", no_argument, NULL, 'q'},
    {"data", required_argument, NULL, NG_OPT_DATA},
    {"max-doc-bytes", required_argument, NULL, NG_OPT_MAX_DOC_BYTES},
    {"jsonl", no_argument, NULL, NG_OPT_JSONL},
    {"stream", no_argument, NULL, 's'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

int ng_cli_extract(int argc, char **argv)
{
    ng_cli_run r;
    ng_cli_run_init(&r, NULL);
    int c, stream = 0;
    optind = 0;
    while ((c = getopt_long(argc, argv, "j:qh", long_options, NULL)) != -1) {
        if (c == 'h') {
            fputs(help, stdout);
            return 0;
        }
        if (c == 's') {
            stream = 1;
            continue;
        }
        int handled = ng_cli_run_option(&r, c, optarg);
        if (handled < 0)
            return 1;
        if (!handled)
            return ng_cli_usage_error("extract", "unknown option");
    }
    if (optind >= argc)
        return ng_cli_usage_error("extract", "no INPUT given");
    ng_error err;
    ng_error_clear(&err);
    if (stream) {
        int src = ng_stream_extract((const char *const *)argv + optind, (size_t)(argc - optind),
                                    &r.run, stdout, &err);
        return src == 0 ? 0 : ng_cli_fail(src, &err);
    }
    int rc = ng_extract_run((const char *const *)argv + optind, (size_t)(argc - optind), &r.run,
                            stdout, &err);
    return rc == 0 ? 0 : ng_cli_fail(rc, &err);
}
