/* error.c - the ng_error record (see include/newsgraph/error.h). */
#include "newsgraph/error.h"

#include <stdarg.h>
#include <stdio.h>

int ng_error_set(ng_error *err, int code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
        err->code = code;
    }
    return code;
}

void ng_error_clear(ng_error *err)
{
    if (err) {
        err->code = NG_OK;
        err->message[0] = '\0';
    }
}

int ng_error_exit_status(int code)
{
    if (code == NG_OK)
        return 0;
    if (code == NG_EINPUT || code == NG_EUSAGE)
        return 1;
    return 2;
}
