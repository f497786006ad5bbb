/* byline-library-pane.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-draft-store.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_LIBRARY_PANE (byline_library_pane_get_type ())

G_DECLARE_FINAL_TYPE (BylineLibraryPane, byline_library_pane, BYLINE, LIBRARY_PANE, GtkWidget)

GtkWidget        *byline_library_pane_new          (void);
BylineDraftStore *byline_library_pane_get_store    (BylineLibraryPane *self);
void              byline_library_pane_set_store    (BylineLibraryPane *self,
                                                    BylineDraftStore  *store);
/* One of DRAFTS, OUTBOX, PUBLISHED, TRASH. */
BylineLibraryView byline_library_pane_get_view     (BylineLibraryPane *self);
void              byline_library_pane_set_view     (BylineLibraryPane *self,
                                                    BylineLibraryView  view);
/* The rows @view shows now, the search applied (BylineDraftInfo items). */
GListModel       *byline_library_pane_get_model    (BylineLibraryPane *self,
                                                    BylineLibraryView  view);
/* Marks the row of @id (the open article) as selected, or none. */
void              byline_library_pane_select_draft (BylineLibraryPane *self,
                                                    const char        *id);

G_END_DECLS
