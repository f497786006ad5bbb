/* byline-library-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-draft-info.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_LIBRARY_ROW (byline_library_row_get_type ())

G_DECLARE_FINAL_TYPE (BylineLibraryRow, byline_library_row, BYLINE, LIBRARY_ROW, GtkWidget)

GtkWidget       *byline_library_row_new         (void);
BylineDraftInfo *byline_library_row_get_info    (BylineLibraryRow *self);
void             byline_library_row_set_info    (BylineLibraryRow *self,
                                                 BylineDraftInfo  *info);
/* "Just now", "5 minutes ago", "Yesterday", "12 March": @time relative to
 * @now, both local. */
char            *byline_library_row_format_time (GDateTime        *time,
                                                 GDateTime        *now);

G_END_DECLS
