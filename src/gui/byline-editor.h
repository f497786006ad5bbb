/* byline-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-article.h"
#include "byline-body-buffer.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_EDITOR (byline_editor_get_type ())

G_DECLARE_FINAL_TYPE (BylineEditor, byline_editor, BYLINE, EDITOR, GtkWidget)

GtkWidget        *byline_editor_new             (void);
BylineArticle    *byline_editor_get_article     (BylineEditor  *self);
void              byline_editor_set_article     (BylineEditor  *self,
                                                 BylineArticle *article);
/* Writes pending body edits into the article now (before a save, a
 * publish, or switching articles). Cheap when nothing is pending. */
void              byline_editor_flush           (BylineEditor  *self);
BylineBodyBuffer *byline_editor_get_body_buffer (BylineEditor  *self);
GtkTextView      *byline_editor_get_body_view   (BylineEditor  *self);
/* "1,234 words · 7,890 characters · 7 min read", as shown. */
const char       *byline_editor_get_counts_text (BylineEditor  *self);

G_END_DECLS
