/* corpus_internal.h - what the pipeline's own files share about a corpus. */
#ifndef NG_CORPUS_INTERNAL_H
#define NG_CORPUS_INTERNAL_H

#include "newsgraph/pipeline.h"

/* The resolver's index of readable document i: its position among all
 * inputs of the run (unreadable ones included), as given to ng_resolver_add. */
uint32_t ng_corpus_resolver_doc(const ng_corpus *c, size_t i);

#endif
