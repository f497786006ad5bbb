/* byline-article-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-article.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_ARTICLE_PANEL (byline_article_panel_get_type ())

G_DECLARE_FINAL_TYPE (BylineArticlePanel, byline_article_panel, BYLINE, ARTICLE_PANEL, GtkWidget)

GtkWidget     *byline_article_panel_new         (void);
BylineArticle *byline_article_panel_get_article (BylineArticlePanel *self);
void           byline_article_panel_set_article (BylineArticlePanel *self,
                                                 BylineArticle      *article);
/* "a, b ,, c" → { "a", "b", "c" }: how the panel reads tags, writers and
 * photographers. */
GStrv          byline_article_panel_split_list  (const char         *text);
/* "YYYY-MM-DD HH:MM" in local time → UTC; NULL when not a valid time. */
GDateTime     *byline_article_panel_parse_embargo (const char       *text);

G_END_DECLS
