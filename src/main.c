/* main.c - newsgraph command line: dispatch to one subcommand (src/cli/). */
#include "cli/cli.h"

int main(int argc, char **argv)
{
    return ng_cli_main(argc, argv);
}
