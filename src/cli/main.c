/* main.c - `newsgraph COMMAND ...`: finds the subcommand and runs it. */
#include "cli.h"

#include "ng_config.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: newsgraph COMMAND [OPTIONS] ...\n"
    "\n"
    "Builds a knowledge graph of who said what about whom from news articles.\n"
    "\n"
    "commands:\n"
    "  build   [-o DIR] [--render svg|png|none] [--date YYYY-MM-DD] INPUT...\n"
    "          graph.dot, graph.graphml, graph.json, stats.json, stats.csv (+ graph.svg/png)\n"
    "  extract [--date YYYY-MM-DD] INPUT...   entities and statements as JSON Lines on stdout\n"
    "  days    [-o DIR] INPUT...              one graph per news day, diffs, timeline, GEXF\n"
    "  diff    [-o DIR] OLD NEW               what changed between two graphs\n"
    "  stats   GRAPH                          centrality table on stdout\n"
    "\n"
    "INPUT is a file, a directory (walked recursively for .txt .text .md .html .htm)\n"
    "or - for one document on standard input.\n"
    "'newsgraph COMMAND --help' describes each command.\n"
    "\n"
    "exit status: 0 success, 1 bad usage or bad input, 2 internal error.\n";

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
} command;

static const command commands[] = {
    {"build", ng_cli_build}, {"extract", ng_cli_extract}, {"days", ng_cli_days},
    {"diff", ng_cli_diff},   {"stats", ng_cli_stats},
};

int ng_cli_main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return 1;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(usage, stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
        printf("newsgraph %s\n", NG_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(cmd, commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "newsgraph: unknown command '%s'\n\n%s", cmd, usage);
    return 1;
}
