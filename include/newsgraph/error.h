/* error.h - error codes and the error record every fallible call fills.
 *
 * Functions return 0 on success or a negative NG_E* code; when they fail
 * they fill an ng_error (if the caller passed one) with a message that
 * names the file and, where known, the byte offset. The CLI maps codes
 * to exit statuses: NG_EINPUT/NG_EUSAGE -> 1, everything else -> 2. */
#ifndef NEWSGRAPH_ERROR_H
#define NEWSGRAPH_ERROR_H

#include <stddef.h>

enum {
    NG_OK = 0,
    NG_EINPUT = -1,    /* bad input: unreadable, binary, malformed */
    NG_EUSAGE = -2,    /* bad command line */
    NG_ENOMEM = -3,    /* allocation failed */
    NG_EIO = -4,       /* writing an output failed */
    NG_EINTERNAL = -5  /* a library call failed unexpectedly */
};

typedef struct ng_error {
    int code;
    char message[1024];
} ng_error;

/* Fills err (if not NULL) with code and a printf-style message; returns code. */
int ng_error_set(ng_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Resets err to "no error". */
void ng_error_clear(ng_error *err);

/* Exit status for a code: 0 ok, 1 input/usage, 2 internal. */
int ng_error_exit_status(int code);

#endif
