/* common.h - what every subcommand shares: the options of a run, the
 * warning printer and error reporting. Only the CLI knows about argv,
 * stdout, stderr and exit codes. */
#ifndef NG_CLI_COMMON_H
#define NG_CLI_COMMON_H

#include "newsgraph/pipeline.h"

#include <getopt.h>

/* Options every run-type command (build, extract, days) accepts. */
typedef struct ng_cli_run {
    ng_run_options run;
    const char *out_dir;  /* -o */
    const char *render;   /* --render: "svg", "png" or "none" */
} ng_cli_run;

/* Long option ids shared by the commands (values above any short option). */
enum {
    NG_OPT_RENDER = 256,
    NG_OPT_DATE,
    NG_OPT_DATA,
    NG_OPT_MAX_DOC_BYTES,
    NG_OPT_HELP,
    NG_OPT_THRESHOLD,
    NG_OPT_FORMAT,
    NG_OPT_FROM_EXTRACT,
    NG_OPT_JSONL
};

/* Sets defaults: render none, jobs 0 (all CPUs), warnings to stderr,
 * progress when stderr is a terminal. */
void ng_cli_run_init(ng_cli_run *r, const char *default_out_dir);

/* Applies one option parsed by getopt_long (c, optarg) shared by run
 * commands. Returns 1 when handled, 0 when c is not a shared option, -1
 * on a bad value (message printed). */
int ng_cli_run_option(ng_cli_run *r, int c, const char *arg);

/* Prints "newsgraph: error: <message>" and returns the exit status for code. */
int ng_cli_fail(int code, const ng_error *err);

/* Prints a usage error with a hint to --help; returns 1. */
int ng_cli_usage_error(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Warning callback for ng_run_options: prints to stderr unless quiet. */
void ng_cli_print_warning(void *ctx, const char *msg);

#endif
