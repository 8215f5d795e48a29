/* cli.h - the subcommands; each returns the process exit status (0/1/2). */
#ifndef NG_CLI_H
#define NG_CLI_H

int ng_cli_main(int argc, char **argv);
int ng_cli_build(int argc, char **argv);
int ng_cli_extract(int argc, char **argv);
int ng_cli_days(int argc, char **argv);
int ng_cli_diff(int argc, char **argv);
int ng_cli_stats(int argc, char **argv);

#endif
