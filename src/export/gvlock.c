/* gvlock.c - the Graphviz lock (see gvlock.h). The mutex is the only
 * process-wide state and exists because Graphviz has its own. */
#include "gvlock.h"

#include <pthread.h>

static pthread_mutex_t graphviz_mutex = PTHREAD_MUTEX_INITIALIZER;

void ng_graphviz_lock(void)
{
    pthread_mutex_lock(&graphviz_mutex);
}

void ng_graphviz_unlock(void)
{
    pthread_mutex_unlock(&graphviz_mutex);
}
