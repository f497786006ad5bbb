/* byline-find-bar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_FIND_BAR (byline_find_bar_get_type ())

G_DECLARE_FINAL_TYPE (BylineFindBar, byline_find_bar, BYLINE, FIND_BAR, GtkWidget)

GtkWidget *byline_find_bar_new              (void);
/* The text view to search in; its buffer gets a "search-match" tag. */
void       byline_find_bar_set_view         (BylineFindBar *self,
                                             GtkTextView   *view);
/* Shows the bar and focuses the search entry, filled with the selection
 * when there is a short one. */
void       byline_find_bar_reveal           (BylineFindBar *self);
gboolean   byline_find_bar_get_revealed     (BylineFindBar *self);
void       byline_find_bar_set_search_text  (BylineFindBar *self,
                                             const char    *text);
void       byline_find_bar_set_replace_text (BylineFindBar *self,
                                             const char    *text);
guint      byline_find_bar_get_n_matches    (BylineFindBar *self);
/* Selects the next (or previous) match, wrapping around. */
gboolean   byline_find_bar_find             (BylineFindBar *self,
                                             gboolean       forward);
/* Replaces every match (case-insensitive) in one undo step; returns how
 * many. */
guint      byline_find_bar_replace_all      (BylineFindBar *self);

G_END_DECLS
