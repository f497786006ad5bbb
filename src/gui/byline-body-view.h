/* byline-body-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_BODY_VIEW (byline_body_view_get_type ())

G_DECLARE_FINAL_TYPE (BylineBodyView, byline_body_view, BYLINE, BODY_VIEW, GtkTextView)

GtkWidget *byline_body_view_new        (void);
/* A widget shown above the text and scrolled with it (the editor's title
 * and lead), as wide as the text. */
void       byline_body_view_set_header (BylineBodyView *self,
                                        GtkWidget      *header);

G_END_DECLS
