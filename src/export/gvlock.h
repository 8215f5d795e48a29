/* gvlock.h - private to src/export: one lock around every Graphviz call.
 *
 * cgraph and gvc 2.4x keep process-wide state (the error level and
 * handler, the last error text, the default graph discipline, plugin
 * tables), so two threads exporting at once (e.g. `days` writing
 * several graphs) must not interleave inside them. dot.c and render.c
 * take this lock for the whole time they hold any Agraph_t or GVC_t. */
#ifndef NG_EXPORT_GVLOCK_H
#define NG_EXPORT_GVLOCK_H

void ng_graphviz_lock(void);
void ng_graphviz_unlock(void);

#endif
