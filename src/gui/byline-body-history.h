/* byline-body-history.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Undo and redo for the body buffer: text, formatting and photo cards, in
 * the order they were done. A user action (begin/end_user_action) is one
 * step; typing merges into word-sized steps as GtkTextView's own undo does.
 */

#pragma once

#include "byline-body-buffer.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_BODY_HISTORY (byline_body_history_get_type ())

G_DECLARE_FINAL_TYPE (BylineBodyHistory, byline_body_history, BYLINE, BODY_HISTORY, GObject)

/* The buffer makes its own: see byline_body_buffer_get_history(). */
BylineBodyHistory *byline_body_history_new                (BylineBodyBuffer  *buffer);
gboolean           byline_body_history_get_can_undo       (BylineBodyHistory *self);
gboolean           byline_body_history_get_can_redo       (BylineBodyHistory *self);
void               byline_body_history_undo               (BylineBodyHistory *self);
void               byline_body_history_redo               (BylineBodyHistory *self);
/* The last step takes no more typing: the next edit starts a new one. */
void               byline_body_history_break_group        (BylineBodyHistory *self);
/* Edits between these are not recorded, and the history is forgotten at
 * the end (loading an article: no undo back to an empty body). */
void               byline_body_history_begin_irreversible (BylineBodyHistory *self);
void               byline_body_history_end_irreversible   (BylineBodyHistory *self);

G_END_DECLS
