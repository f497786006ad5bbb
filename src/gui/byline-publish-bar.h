/* byline-publish-bar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-outbox.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_PUBLISH_BAR (byline_publish_bar_get_type ())

G_DECLARE_FINAL_TYPE (BylinePublishBar, byline_publish_bar, BYLINE, PUBLISH_BAR, GtkWidget)

GtkWidget         *byline_publish_bar_new        (void);
void               byline_publish_bar_set_outbox (BylinePublishBar *self,
                                                  BylineOutbox     *outbox);
/* The article shown, by id; NULL hides the bar. */
void               byline_publish_bar_set_article_id (BylinePublishBar *self,
                                                      const char       *article_id);
BylineOutboxState  byline_publish_bar_get_state  (BylinePublishBar *self);
/* What the bar says, as shown. */
const char        *byline_publish_bar_get_text   (BylinePublishBar *self);

G_END_DECLS
