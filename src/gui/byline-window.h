/* byline-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "byline-application.h"
#include "byline-article.h"
#include "byline-site.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_WINDOW (byline_window_get_type ())

G_DECLARE_FINAL_TYPE (BylineWindow, byline_window, BYLINE, WINDOW, AdwApplicationWindow)

BylineWindow  *byline_window_new          (BylineApplication *application);
/* Called by the application when its store finished loading: @reopen for
 * the one window that reopens what a crash left open. */
void           byline_window_store_loaded (BylineWindow      *self,
                                           gboolean           reopen,
                                           const GError      *error);
/* The article in the editor, or NULL. */
BylineArticle *byline_window_get_article  (BylineWindow      *self);
/* Opens a draft of the library in the editor (asynchronously). */
void           byline_window_open_draft   (BylineWindow      *self,
                                           const char        *id);
/* What the Import and Export dialogs do with the file the user picked. */
void           byline_window_import_file  (BylineWindow      *self,
                                           GFile             *file);
void           byline_window_export_file  (BylineWindow      *self,
                                           GFile             *file);
/* Publishes the open article to @site (the check, then the outbox). */
void           byline_window_publish_to   (BylineWindow      *self,
                                           BylineSite        *site);
/* Attaches pictures (GFiles) to the open article, as a drop would. */
void           byline_window_attach_photos (BylineWindow     *self,
                                            GListModel       *files);

G_END_DECLS
