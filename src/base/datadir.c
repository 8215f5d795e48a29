/* datadir.c - see datadir.h. */
#include "datadir.h"

#include "ng_config.h"

#include <stdlib.h>
#include <sys/stat.h>

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *ng_data_dir(const char *explicit_dir)
{
    if (explicit_dir && *explicit_dir)
        return explicit_dir;
    const char *env = getenv("NEWSGRAPH_DATA");
    if (env && *env)
        return env;
    if (is_dir(NG_INSTALL_DATA_DIR "/gazetteer"))
        return NG_INSTALL_DATA_DIR;
    return NG_SOURCE_DATA_DIR;
}
