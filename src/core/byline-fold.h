/* byline-fold.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *byline_fold_for_search (const char  *text);
gboolean  byline_fold_matches    (const char  *folded_haystack,
                                  const char * const *folded_terms);
char    **byline_fold_split_query (const char *query);

G_END_DECLS
