/* datadir.h - where newsgraph's data/ (gazetteers, cue lexicon, furniture
 * cues) is found: the explicit directory if given, $NEWSGRAPH_DATA, the
 * installed copy, then the source tree, so an uninstalled build works. */
#ifndef NG_DATADIR_H
#define NG_DATADIR_H

/* Returns a borrowed path (never NULL). */
const char *ng_data_dir(const char *explicit_dir);

#endif
