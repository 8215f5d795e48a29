/* text_reference.h - the decode-every-code-point text layer kept as a
 * reference for the fast one (text_reference.c). */
#ifndef NG_TEST_TEXT_REFERENCE_H
#define NG_TEST_TEXT_REFERENCE_H

#include "newsgraph/text.h"

int ref_text_analyze(const ng_doc *doc, ng_text *out, ng_error *err);
void ref_text_free(ng_text *t);

#endif
