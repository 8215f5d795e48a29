/* common.c - option handling and messages shared by the subcommands. */
#include "common.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void ng_cli_print_warning(void *ctx, const char *msg)
{
    const ng_cli_run *r = ctx;
    if (r && r->run.quiet)
        return;
    fprintf(stderr, "newsgraph: warning: %s\n", msg);
}

void ng_cli_run_init(ng_cli_run *r, const char *default_out_dir)
{
    memset(r, 0, sizeof *r);
    r->out_dir = default_out_dir;
    r->render = "none";
    r->run.warn = ng_cli_print_warning;
    r->run.warn_ctx = r;
    r->run.progress = isatty(STDERR_FILENO);
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    if (*s < '0' || *s > '9') /* strtoull would accept "-5" as a huge number */
        return -1;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s)
        return -1;
    switch (*end) {
    case 'k': case 'K': v <<= 10; end++; break;
    case 'm': case 'M': v <<= 20; end++; break;
    case 'g': case 'G': v <<= 30; end++; break;
    default: break;
    }
    if (*end || v == 0)
        return -1;
    *out = (size_t)v;
    return 0;
}

int ng_cli_run_option(ng_cli_run *r, int c, const char *arg)
{
    switch (c) {
    case 'o':
        r->out_dir = arg;
        return 1;
    case 'q':
        r->run.quiet = 1;
        r->run.progress = 0;
        return 1;
    case 'j': {
        char *end;
        long j = strtol(arg, &end, 10);
        if (*end || j < 1 || j > 1024) {
            fprintf(stderr, "newsgraph: error: -j wants a number of threads from 1 to 1024, not '%s'\n", arg);
            return -1;
        }
        r->run.jobs = (int)j;
        return 1;
    }
    case NG_OPT_RENDER:
        if (strcmp(arg, "svg") && strcmp(arg, "png") && strcmp(arg, "none")) {
            fprintf(stderr, "newsgraph: error: --render wants svg, png or none, not '%s'\n", arg);
            return -1;
        }
        r->render = arg;
        return 1;
    case NG_OPT_DATE:
        r->run.date = arg;
        return 1;
    case NG_OPT_JSONL:
        r->run.jsonl = 1;
        return 1;
    case NG_OPT_FROM_EXTRACT:
        r->run.from_extract = 1;
        return 1;
    case NG_OPT_DATA:
        r->run.data_dir = arg;
        return 1;
    case NG_OPT_MAX_DOC_BYTES:
        if (parse_size(arg, &r->run.max_doc_bytes)) {
            fprintf(stderr, "newsgraph: error: --max-doc-bytes wants a size such as 64M, not '%s'\n", arg);
            return -1;
        }
        return 1;
    default:
        return 0;
    }
}

int ng_cli_fail(int code, const ng_error *err)
{
    fprintf(stderr, "newsgraph: error: %s\n",
            err && err->message[0] ? err->message : "internal error");
    return ng_error_exit_status(code);
}

int ng_cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "newsgraph %s: ", command);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'newsgraph %s --help'.\n", command);
    return 1;
}
