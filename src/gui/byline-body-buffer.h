/* byline-body-buffer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The body of an article as a GtkTextBuffer: one line per block, paragraph
 * styles as tags over whole lines, inline marks as tags over characters,
 * photos as child anchors on lines of their own.
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-block.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_PARAGRAPH_STYLE_PARAGRAPH,
  BYLINE_PARAGRAPH_STYLE_HEADING2,
  BYLINE_PARAGRAPH_STYLE_HEADING3,
  BYLINE_PARAGRAPH_STYLE_QUOTE,
  BYLINE_PARAGRAPH_STYLE_BULLETED,
  BYLINE_PARAGRAPH_STYLE_NUMBERED,
} BylineParagraphStyle;

#define BYLINE_TYPE_BODY_BUFFER (byline_body_buffer_get_type ())

G_DECLARE_FINAL_TYPE (BylineBodyBuffer, byline_body_buffer, BYLINE, BODY_BUFFER, GtkTextBuffer)

typedef struct _BylineBodyHistory BylineBodyHistory;

BylineBodyBuffer     *byline_body_buffer_new                 (void);
/* Replaces the whole text; not undoable, and forgets the undo history. */
void                  byline_body_buffer_set_blocks          (BylineBodyBuffer  *self,
                                                              GPtrArray         *blocks);
/* The text as a new array of new blocks. Empty paragraphs are dropped. */
GPtrArray            *byline_body_buffer_dup_blocks          (BylineBodyBuffer  *self);
/* Inserts @blocks at @iter as one user action (paste): the first block
 * continues the current paragraph, the others start new ones. @iter points
 * after the inserted text on return. */
void                  byline_body_buffer_insert_blocks       (BylineBodyBuffer  *self,
                                                              GtkTextIter       *iter,
                                                              GPtrArray         *blocks);
BylineParagraphStyle  byline_body_buffer_get_paragraph_style (BylineBodyBuffer  *self,
                                                              const GtkTextIter *iter);
/* Sets the style of every paragraph that [start, end] touches. */
void                  byline_body_buffer_set_paragraph_style (BylineBodyBuffer  *self,
                                                              const GtkTextIter *start,
                                                              const GtkTextIter *end,
                                                              BylineParagraphStyle style);
/* Bold or italic: removed when the whole range has it, else applied. With
 * an empty range, it applies to the next text typed at that position. */
void                  byline_body_buffer_toggle_mark         (BylineBodyBuffer  *self,
                                                              const GtkTextIter *start,
                                                              const GtkTextIter *end,
                                                              BylineMarkKind     kind);
gboolean              byline_body_buffer_has_mark            (BylineBodyBuffer  *self,
                                                              const GtkTextIter *iter,
                                                              BylineMarkKind     kind);
/* Links over [start, end); a NULL or empty @href removes them. */
void                  byline_body_buffer_set_link            (BylineBodyBuffer  *self,
                                                              const GtkTextIter *start,
                                                              const GtkTextIter *end,
                                                              const char        *href);
/* The link at @iter, extending @start and @end (when not NULL) to it. */
const char           *byline_body_buffer_get_link            (BylineBodyBuffer  *self,
                                                              const GtkTextIter *iter,
                                                              GtkTextIter       *start,
                                                              GtkTextIter       *end);
/* The photo id of an anchor made by this buffer, else NULL. */
const char           *byline_body_buffer_get_anchor_photo    (GtkTextChildAnchor *anchor);
/* Undo and redo of text and formatting (the buffer's "enable-undo" is
 * off). Owned by the buffer. */
BylineBodyHistory    *byline_body_buffer_get_history         (BylineBodyBuffer  *self);

G_END_DECLS
