/* gazetteer_image_none.c - no built-in gazetteer image: for the image
 * generator itself (which parses the lists to make one) and for cross
 * builds, where it cannot run. ng_gazetteer_load then always parses. */
#include <stddef.h>

const unsigned char ng_gaz_image[1] = {0};
const size_t ng_gaz_image_size = 0;
