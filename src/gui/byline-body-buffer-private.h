/* byline-body-buffer-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the undo history (byline-body-history.c) needs of the body buffer
 * to put back exactly what it recorded.
 */

#pragma once

#include "byline-body-buffer.h"

G_BEGIN_DECLS

/* Paragraph styles, bold, italic and links: the tags that are part of the
 * article (not the spell checker's or the search highlight). */
gboolean             byline_body_buffer_is_format_tag  (BylineBodyBuffer     *self,
                                                        GtkTextTag           *tag);
/* Between these, text goes in and out as it is given, with no typing rule
 * and no normalisation, and "blocks-changed" waits for the end. */
void                 byline_body_buffer_begin_replay   (BylineBodyBuffer     *self);
void                 byline_body_buffer_end_replay     (BylineBodyBuffer     *self);
/* Inserts the anchor of a photo card at @iter (moved after it). */
void                 byline_body_buffer_insert_photo   (BylineBodyBuffer     *self,
                                                        GtkTextIter          *iter,
                                                        const char           *photo_id);
/* The style of the last line while it is empty (it has no tag then). */
BylineParagraphStyle byline_body_buffer_get_tail_style (BylineBodyBuffer     *self);
void                 byline_body_buffer_set_tail_style (BylineBodyBuffer     *self,
                                                        BylineParagraphStyle  style);

G_END_DECLS
