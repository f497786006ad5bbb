/* byline-body-buffer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One line of the buffer is one block of the article. A paragraph style is
 * a tag over the whole line including its newline, so that an empty
 * heading keeps its style; the last line has no newline, and its style
 * while empty is kept in tail_style. Inline marks are the tags "bold" and
 * "italic", and one anonymous tag per link carrying its href. Everything
 * typed or deleted goes through insert_text/delete_range, where the styles
 * are made whole again: that is what keeps dup_blocks() exact. Undo and
 * redo are BylineBodyHistory's, which replays its records through the same
 * functions in "replay" mode: no typing rule, no normalisation.
 */

#include "config.h"

#include <string.h>

#include "byline-body-buffer-private.h"
#include "byline-body-history.h"
#include "byline-text.h"

#define HREF_KEY     "byline-href"
#define PHOTO_KEY    "byline-photo-id"
#define BLOCKS_KEY   "byline-line-blocks"
#define OBJECT_CHAR  "\xef\xbf\xbc"   /* U+FFFC, what get_slice gives for an anchor */
/* A line break inside a block ("<br>") is U+2028 in the buffer: Pango
 * breaks the line there, GtkTextBuffer does not start a new line (a new
 * block). One character either way, so mark offsets hold. */
#define LINE_SEPARATOR "\xe2\x80\xa8"

struct _BylineBodyBuffer
{
  GtkTextBuffer         parent_instance;

  GtkTextTag           *paragraph_tags[BYLINE_PARAGRAPH_STYLE_NUMBERED + 1];
  GtkTextTag           *bold;
  GtkTextTag           *italic;
  /* Lines changed since the last dup_blocks(); the others reuse the blocks
   * cached on a mark at their start, so that converting a 50,000-word body
   * after a keystroke costs one paragraph, not the article. */
  GtkTextTag           *dirty;
  GPtrArray            *cache_marks;

  BylineParagraphStyle  tail_style;

  /* Typing attributes: bold or italic toggled with an empty selection
   * apply to the next text typed at pending_offset. */
  int                   pending_offset;
  GtkTextTag           *pending_tag;
  gboolean              pending_on;

  /* While > 0, insertions are ours (loading, pasting) and get their styles
   * explicitly instead of by the typing rules. */
  guint                 loading;
  /* set_blocks() fills the line cache itself. */
  guint                 bulk_loading : 1;
  /* While > 0, the history puts back text exactly as it was recorded. */
  guint                 replaying;

  BylineBodyHistory    *history;
};

G_DEFINE_FINAL_TYPE (BylineBodyBuffer, byline_body_buffer, GTK_TYPE_TEXT_BUFFER)

enum {
  BLOCKS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *paragraph_tag_names[] = {
  NULL, "heading2", "heading3", "quote", "list-bullet", "list-number",
};

static const char *
tag_href (GtkTextTag *tag)
{
  return g_object_get_data (G_OBJECT (tag), HREF_KEY);
}

static gboolean
is_inline_tag (BylineBodyBuffer *self,
               GtkTextTag       *tag)
{
  return tag == self->bold || tag == self->italic || tag_href (tag) != NULL;
}

gboolean
byline_body_buffer_is_format_tag (BylineBodyBuffer *self,
                                  GtkTextTag       *tag)
{
  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), FALSE);
  g_return_val_if_fail (GTK_IS_TEXT_TAG (tag), FALSE);

  for (guint i = 1; i < G_N_ELEMENTS (self->paragraph_tags); i++)
    if (tag == self->paragraph_tags[i])
      return TRUE;

  return is_inline_tag (self, tag);
}

static void
emit_blocks_changed (BylineBodyBuffer *self)
{
  if (self->loading == 0 && self->replaying == 0)
    g_signal_emit (self, signals[BLOCKS_CHANGED], 0);
}

/* [start, end) of the line of @iter, newline included. */
static void
line_bounds (const GtkTextIter *iter,
             GtkTextIter       *start,
             GtkTextIter       *end)
{
  *start = *iter;
  gtk_text_iter_set_line_offset (start, 0);
  *end = *start;
  if (!gtk_text_iter_forward_line (end))
    gtk_text_iter_forward_to_end (end);
}

/* Marks the lines from @start to @end as changed since the last
 * dup_blocks(). */
static void
mark_dirty (BylineBodyBuffer  *self,
            const GtkTextIter *start,
            const GtkTextIter *end)
{
  GtkTextIter from, to, last, ignored;

  if (self->bulk_loading)
    return;

  /* A range ending at a line start (a whole line with its newline) does
   * not touch the next line. */
  last = *end;
  if (gtk_text_iter_starts_line (&last) && gtk_text_iter_compare (&last, start) > 0)
    gtk_text_iter_backward_char (&last);

  line_bounds (start, &from, &ignored);
  line_bounds (&last, &ignored, &to);
  if (!gtk_text_iter_equal (&from, &to))
    GTK_TEXT_BUFFER_CLASS (byline_body_buffer_parent_class)->apply_tag (GTK_TEXT_BUFFER (self),
                                                                         self->dirty, &from, &to);
}

static void
apply_line_style (BylineBodyBuffer     *self,
                  int                   line,
                  BylineParagraphStyle  style)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextIter at, start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &at, line);
  line_bounds (&at, &start, &end);

  if (gtk_text_iter_equal (&start, &end))
    {
      self->tail_style = style;
      return;
    }

  for (guint i = 1; i < G_N_ELEMENTS (self->paragraph_tags); i++)
    if (i != style)
      gtk_text_buffer_remove_tag (buffer, self->paragraph_tags[i], &start, &end);
  if (style != BYLINE_PARAGRAPH_STYLE_PARAGRAPH)
    gtk_text_buffer_apply_tag (buffer, self->paragraph_tags[style], &start, &end);
}

BylineParagraphStyle
byline_body_buffer_get_paragraph_style (BylineBodyBuffer  *self,
                                        const GtkTextIter *iter)
{
  GtkTextIter start, end;

  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), BYLINE_PARAGRAPH_STYLE_PARAGRAPH);
  g_return_val_if_fail (iter != NULL, BYLINE_PARAGRAPH_STYLE_PARAGRAPH);

  line_bounds (iter, &start, &end);
  if (gtk_text_iter_equal (&start, &end))
    return self->tail_style;

  for (guint i = 1; i < G_N_ELEMENTS (self->paragraph_tags); i++)
    if (gtk_text_iter_has_tag (&start, self->paragraph_tags[i]))
      return i;

  return BYLINE_PARAGRAPH_STYLE_PARAGRAPH;
}

void
byline_body_buffer_set_paragraph_style (BylineBodyBuffer     *self,
                                        const GtkTextIter    *start,
                                        const GtkTextIter    *end,
                                        BylineParagraphStyle  style)
{
  int first, last;

  g_return_if_fail (BYLINE_IS_BODY_BUFFER (self));
  g_return_if_fail (start != NULL && end != NULL);
  g_return_if_fail (style <= BYLINE_PARAGRAPH_STYLE_NUMBERED);

  first = MIN (gtk_text_iter_get_line (start), gtk_text_iter_get_line (end));
  last = MAX (gtk_text_iter_get_line (start), gtk_text_iter_get_line (end));

  gtk_text_buffer_begin_user_action (GTK_TEXT_BUFFER (self));
  for (int line = first; line <= last; line++)
    apply_line_style (self, line, style);
  gtk_text_buffer_end_user_action (GTK_TEXT_BUFFER (self));

  /* The tail style changes no tag, so say it here. */
  emit_blocks_changed (self);
}

/* Links ----------------------------------------------------------------- */

static GtkTextTag *
new_link_tag (BylineBodyBuffer *self,
              const char       *href)
{
  GtkTextTag *tag;

  tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self), NULL,
                                    "underline", PANGO_UNDERLINE_SINGLE,
                                    "foreground", "#1c71d8",
                                    NULL);
  g_object_set_data_full (G_OBJECT (tag), HREF_KEY, g_strdup (href), g_free);

  return tag;
}

static GtkTextTag *
link_tag_at (const GtkTextIter *iter)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

  for (const GSList *l = tags; l != NULL; l = l->next)
    if (tag_href (l->data) != NULL)
      return l->data;

  return NULL;
}

/* Removes the inline tags of [start, end); links only when @links. */
static void
remove_inline_tags (BylineBodyBuffer  *self,
                    const GtkTextIter *start,
                    const GtkTextIter *end,
                    gboolean           links)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GtkTextIter iter = *start;

  if (gtk_text_iter_compare (start, end) >= 0)
    return;

  do
    {
      g_autoptr(GSList) tags = gtk_text_iter_get_tags (&iter);

      for (const GSList *l = tags; l != NULL; l = l->next)
        if (is_inline_tag (self, l->data) && (links || tag_href (l->data) == NULL) &&
            !g_ptr_array_find (found, l->data, NULL))
          g_ptr_array_add (found, l->data);
    }
  while (gtk_text_iter_forward_to_tag_toggle (&iter, NULL) &&
         gtk_text_iter_compare (&iter, end) < 0);

  for (guint i = 0; i < found->len; i++)
    gtk_text_buffer_remove_tag (buffer, found->pdata[i], start, end);
}

void
byline_body_buffer_set_link (BylineBodyBuffer  *self,
                             const GtkTextIter *start,
                             const GtkTextIter *end,
                             const char        *href)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GtkTextIter iter;

  g_return_if_fail (BYLINE_IS_BODY_BUFFER (self));
  g_return_if_fail (start != NULL && end != NULL);

  gtk_text_buffer_begin_user_action (buffer);

  /* Only links go: bold and italic stay as they are. */
  iter = *start;
  do
    {
      GtkTextTag *tag = link_tag_at (&iter);

      if (tag != NULL && !g_ptr_array_find (found, tag, NULL))
        g_ptr_array_add (found, tag);
    }
  while (gtk_text_iter_forward_to_tag_toggle (&iter, NULL) &&
         gtk_text_iter_compare (&iter, end) < 0);
  for (guint i = 0; i < found->len; i++)
    {
      GtkTextIter first;

      gtk_text_buffer_remove_tag (buffer, found->pdata[i], start, end);

      /* A link tag on no text any more is dropped, or editing links over
       * a long session would pile them up in the tag table. */
      gtk_text_buffer_get_start_iter (buffer, &first);
      if (!gtk_text_iter_has_tag (&first, found->pdata[i]) &&
          !gtk_text_iter_forward_to_tag_toggle (&first, found->pdata[i]))
        gtk_text_tag_table_remove (gtk_text_buffer_get_tag_table (buffer), found->pdata[i]);
    }

  if (href != NULL && *href != '\0' && gtk_text_iter_compare (start, end) < 0)
    gtk_text_buffer_apply_tag (buffer, new_link_tag (self, href), start, end);

  gtk_text_buffer_end_user_action (buffer);
}

const char *
byline_body_buffer_get_link (BylineBodyBuffer  *self,
                             const GtkTextIter *iter,
                             GtkTextIter       *start,
                             GtkTextIter       *end)
{
  GtkTextTag *tag;

  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), NULL);
  g_return_val_if_fail (iter != NULL, NULL);

  tag = link_tag_at (iter);
  if (tag == NULL)
    return NULL;

  if (start != NULL)
    {
      *start = *iter;
      if (!gtk_text_iter_starts_tag (start, tag))
        gtk_text_iter_backward_to_tag_toggle (start, tag);
    }
  if (end != NULL)
    {
      *end = *iter;
      gtk_text_iter_forward_to_tag_toggle (end, tag);
    }

  return tag_href (tag);
}

/* Bold and italic ------------------------------------------------------- */

static GtkTextTag *
mark_tag (BylineBodyBuffer *self,
          BylineMarkKind    kind)
{
  return kind == BYLINE_MARK_BOLD ? self->bold : self->italic;
}

static gboolean
range_has_tag (const GtkTextIter *start,
               const GtkTextIter *end,
               GtkTextTag        *tag)
{
  GtkTextIter iter = *start;

  if (!gtk_text_iter_has_tag (&iter, tag))
    return FALSE;
  gtk_text_iter_forward_to_tag_toggle (&iter, tag);

  return gtk_text_iter_compare (&iter, end) >= 0;
}

gboolean
byline_body_buffer_has_mark (BylineBodyBuffer  *self,
                             const GtkTextIter *iter,
                             BylineMarkKind     kind)
{
  GtkTextTag *tag;
  GtkTextIter before = *iter;

  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), FALSE);
  g_return_val_if_fail (iter != NULL, FALSE);

  if (kind == BYLINE_MARK_LINK)
    return link_tag_at (iter) != NULL;

  tag = mark_tag (self, kind);
  if (self->pending_tag == tag && self->pending_offset == gtk_text_iter_get_offset (iter))
    return self->pending_on;

  /* At a caret, what counts is what typing would give: the character
   * before it, as in every word processor. */
  if (!gtk_text_iter_starts_line (&before))
    gtk_text_iter_backward_char (&before);

  return gtk_text_iter_has_tag (&before, tag);
}

void
byline_body_buffer_toggle_mark (BylineBodyBuffer  *self,
                                const GtkTextIter *start,
                                const GtkTextIter *end,
                                BylineMarkKind     kind)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextTag *tag;

  g_return_if_fail (BYLINE_IS_BODY_BUFFER (self));
  g_return_if_fail (start != NULL && end != NULL);
  g_return_if_fail (kind == BYLINE_MARK_BOLD || kind == BYLINE_MARK_ITALIC);

  tag = mark_tag (self, kind);

  if (gtk_text_iter_equal (start, end))
    {
      gboolean on = !byline_body_buffer_has_mark (self, start, kind);

      self->pending_offset = gtk_text_iter_get_offset (start);
      self->pending_tag = tag;
      self->pending_on = on;
      /* Bold typed after plain text is a step of its own. */
      byline_body_history_break_group (self->history);
      return;
    }

  gtk_text_buffer_begin_user_action (buffer);
  if (range_has_tag (start, end, tag))
    gtk_text_buffer_remove_tag (buffer, tag, start, end);
  else
    gtk_text_buffer_apply_tag (buffer, tag, start, end);
  gtk_text_buffer_end_user_action (buffer);
}

/* Typing rules ---------------------------------------------------------- */

/* The inline tags text typed at @iter takes: those of the character
 * before (of the first character at a line start); links only inside a
 * link, never at its ends. */
static GPtrArray *
inherited_tags (BylineBodyBuffer  *self,
                const GtkTextIter *iter)
{
  GPtrArray *inherited = g_ptr_array_new ();
  g_autoptr(GSList) tags = NULL;
  GtkTextIter from = *iter;

  if (!gtk_text_iter_starts_line (&from))
    gtk_text_iter_backward_char (&from);
  else if (gtk_text_iter_ends_line (&from))
    return inherited;

  tags = gtk_text_iter_get_tags (&from);
  for (const GSList *l = tags; l != NULL; l = l->next)
    {
      GtkTextTag *tag = l->data;

      if (!is_inline_tag (self, tag))
        continue;
      if (tag_href (tag) != NULL &&
          (gtk_text_iter_starts_line (iter) || !gtk_text_iter_has_tag (iter, tag)))
        continue;
      g_ptr_array_add (inherited, tag);
    }

  return inherited;
}

static void
apply_inherited_tags (BylineBodyBuffer  *self,
                      const GtkTextIter *start,
                      const GtkTextIter *end,
                      GPtrArray         *inherited)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);

  remove_inline_tags (self, start, end, TRUE);
  for (guint i = 0; i < inherited->len; i++)
    gtk_text_buffer_apply_tag (buffer, inherited->pdata[i], start, end);

  if (self->pending_tag != NULL && self->pending_offset == gtk_text_iter_get_offset (start))
    {
      if (self->pending_on)
        gtk_text_buffer_apply_tag (buffer, self->pending_tag, start, end);
      else
        gtk_text_buffer_remove_tag (buffer, self->pending_tag, start, end);
    }
  self->pending_tag = NULL;
}

static gboolean
is_heading (BylineParagraphStyle style)
{
  return style == BYLINE_PARAGRAPH_STYLE_HEADING2 || style == BYLINE_PARAGRAPH_STYLE_HEADING3;
}

/* Every line the insertion touched takes the style of the paragraph it was
 * typed into, except that Enter at the end of a heading starts a normal
 * paragraph (@at_line_end: the insertion was at the end of its line). */
static void
restyle_inserted_lines (BylineBodyBuffer     *self,
                        const GtkTextIter    *start,
                        const GtkTextIter    *end,
                        BylineParagraphStyle  style,
                        gboolean              at_line_end)
{
  int first = gtk_text_iter_get_line (start);
  int last = gtk_text_iter_get_line (end);

  for (int line = first; line <= last; line++)
    {
      BylineParagraphStyle line_style = style;

      if (line != first && at_line_end && is_heading (style))
        line_style = BYLINE_PARAGRAPH_STYLE_PARAGRAPH;
      apply_line_style (self, line, line_style);
    }
}

/* Loading, pasting and replaying: the caller sets the styles. */
static void
insert_text_as_is (BylineBodyBuffer *self,
                   GtkTextIter      *iter,
                   const char       *text,
                   int               length)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  int offset = gtk_text_iter_get_offset (iter);
  GtkTextIter start;

  GTK_TEXT_BUFFER_CLASS (byline_body_buffer_parent_class)->insert_text (buffer, iter, text, length);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
  mark_dirty (self, &start, iter);
}

static void
byline_body_buffer_insert_text (GtkTextBuffer *buffer,
                                GtkTextIter   *iter,
                                const char    *text,
                                int            length)
{
  BylineBodyBuffer *self = BYLINE_BODY_BUFFER (buffer);
  g_autoptr(GPtrArray) inherited = NULL;
  g_autofree char *nfc = NULL;
  BylineParagraphStyle style;
  GtkTextIter start;
  int start_offset, end_offset;
  gboolean at_line_end;

  /* Replayed text is what the buffer held, character for character (a
   * lone combining mark too): the recorded tag offsets depend on it. */
  if (self->replaying > 0)
    {
      insert_text_as_is (self, iter, text, length);
      return;
    }

  /* The model counts mark offsets in NFC characters: keep the buffer in
   * NFC so that both count the same characters. */
  nfc = g_utf8_normalize (text, length, G_NORMALIZE_NFC);
  if (nfc != NULL)
    text = nfc, length = strlen (nfc);

  if (self->loading > 0)
    {
      insert_text_as_is (self, iter, text, length);
      return;
    }

  style = byline_body_buffer_get_paragraph_style (self, iter);
  inherited = inherited_tags (self, iter);
  start_offset = gtk_text_iter_get_offset (iter);
  at_line_end = gtk_text_iter_ends_line (iter);

  GTK_TEXT_BUFFER_CLASS (byline_body_buffer_parent_class)->insert_text (buffer, iter, text, length);

  end_offset = gtk_text_iter_get_offset (iter);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, start_offset);
  apply_inherited_tags (self, &start, iter, inherited);
  restyle_inserted_lines (self, &start, iter, style, at_line_end);
  mark_dirty (self, &start, iter);
  gtk_text_buffer_get_iter_at_offset (buffer, iter, end_offset);
}

static void
byline_body_buffer_delete_range (GtkTextBuffer *buffer,
                                 GtkTextIter   *start,
                                 GtkTextIter   *end)
{
  BylineBodyBuffer *self = BYLINE_BODY_BUFFER (buffer);
  BylineParagraphStyle style;
  int offset;

  if (self->loading > 0 || self->replaying > 0)
    {
      GTK_TEXT_BUFFER_CLASS (byline_body_buffer_parent_class)->delete_range (buffer, start, end);
      mark_dirty (self, start, start);
      return;
    }

  /* Joining two paragraphs keeps the style of the first. */
  gtk_text_iter_order (start, end);
  style = byline_body_buffer_get_paragraph_style (self, start);

  GTK_TEXT_BUFFER_CLASS (byline_body_buffer_parent_class)->delete_range (buffer, start, end);

  offset = gtk_text_iter_get_offset (start);
  apply_line_style (self, gtk_text_iter_get_line (start), style);
  mark_dirty (self, start, start);
  gtk_text_buffer_get_iter_at_offset (buffer, start, offset);
  *end = *start;
}

static void
byline_body_buffer_insert_child_anchor (GtkTextBuffer      *buffer,
                                        GtkTextIter        *iter,
                                        GtkTextChildAnchor *anchor)
{
  GtkTextIter start;

  GTK_TEXT_BUFFER_CLASS (byline_body_buffer_parent_class)->insert_child_anchor (buffer, iter, anchor);

  start = *iter;
  gtk_text_iter_backward_char (&start);
  mark_dirty (BYLINE_BODY_BUFFER (buffer), &start, iter);
}

static void
byline_body_buffer_mark_set (GtkTextBuffer     *buffer,
                             const GtkTextIter *location,
                             GtkTextMark       *mark)
{
  BylineBodyBuffer *self = BYLINE_BODY_BUFFER (buffer);

  /* Typing attributes last only while the caret stays where they were set. */
  if (self->pending_tag != NULL &&
      mark == gtk_text_buffer_get_insert (buffer) &&
      gtk_text_iter_get_offset (location) != self->pending_offset)
    self->pending_tag = NULL;

  if (GTK_TEXT_BUFFER_CLASS (byline_body_buffer_parent_class)->mark_set != NULL)
    GTK_TEXT_BUFFER_CLASS (byline_body_buffer_parent_class)->mark_set (buffer, location, mark);
}

static void
byline_body_buffer_changed (GtkTextBuffer *buffer)
{
  if (GTK_TEXT_BUFFER_CLASS (byline_body_buffer_parent_class)->changed != NULL)
    GTK_TEXT_BUFFER_CLASS (byline_body_buffer_parent_class)->changed (buffer);

  emit_blocks_changed (BYLINE_BODY_BUFFER (buffer));
}

/* Applying and removing a format tag change the blocks alike: the range
 * must be re-read into its blocks, and listeners told. Other tags (the
 * spell checker's, the search highlight) are not part of the text. */
static void
format_tag_toggled (BylineBodyBuffer  *self,
                    GtkTextTag        *tag,
                    const GtkTextIter *start,
                    const GtkTextIter *end)
{
  if (!byline_body_buffer_is_format_tag (self, tag))
    return;

  mark_dirty (self, start, end);
  emit_blocks_changed (self);
}

static void
byline_body_buffer_apply_tag (GtkTextBuffer     *buffer,
                              GtkTextTag        *tag,
                              const GtkTextIter *start,
                              const GtkTextIter *end)
{
  BylineBodyBuffer *self = BYLINE_BODY_BUFFER (buffer);

  GTK_TEXT_BUFFER_CLASS (byline_body_buffer_parent_class)->apply_tag (buffer, tag, start, end);

  format_tag_toggled (self, tag, start, end);
}

static void
byline_body_buffer_remove_tag (GtkTextBuffer     *buffer,
                               GtkTextTag        *tag,
                               const GtkTextIter *start,
                               const GtkTextIter *end)
{
  BylineBodyBuffer *self = BYLINE_BODY_BUFFER (buffer);

  GTK_TEXT_BUFFER_CLASS (byline_body_buffer_parent_class)->remove_tag (buffer, tag, start, end);

  format_tag_toggled (self, tag, start, end);
}

/* Blocks → text --------------------------------------------------------- */

static BylineParagraphStyle
style_for_block (const BylineBlock *block)
{
  switch (byline_block_get_kind (block))
    {
    case BYLINE_BLOCK_HEADING:
      return byline_block_get_level (block) >= 3 ? BYLINE_PARAGRAPH_STYLE_HEADING3
                                                 : BYLINE_PARAGRAPH_STYLE_HEADING2;
    case BYLINE_BLOCK_QUOTE:
      return BYLINE_PARAGRAPH_STYLE_QUOTE;
    case BYLINE_BLOCK_LIST_ITEM:
      return byline_block_get_ordered (block) ? BYLINE_PARAGRAPH_STYLE_NUMBERED
                                              : BYLINE_PARAGRAPH_STYLE_BULLETED;
    case BYLINE_BLOCK_PARAGRAPH:
    case BYLINE_BLOCK_PHOTO:
    default:
      return BYLINE_PARAGRAPH_STYLE_PARAGRAPH;
    }
}

static void
apply_block_marks (BylineBodyBuffer  *self,
                   const BylineBlock *block,
                   int                line_offset)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  guint n_marks = byline_block_get_n_marks (block);

  for (guint i = 0; i < n_marks; i++)
    {
      const BylineMark *mark = byline_block_get_mark (block, i);
      GtkTextTag *tag;
      GtkTextIter start, end;

      if (mark->kind == BYLINE_MARK_LINK)
        tag = new_link_tag (self, mark->href);
      else
        tag = mark_tag (self, mark->kind);

      gtk_text_buffer_get_iter_at_offset (buffer, &start, line_offset + mark->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, line_offset + mark->end);
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
    }
}

static char *
replace_all (const char *text,
             const char *from,
             const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

void
byline_body_buffer_insert_photo (BylineBodyBuffer *self,
                                 GtkTextIter      *iter,
                                 const char       *photo_id)
{
  g_autoptr(GtkTextChildAnchor) anchor = NULL;

  g_return_if_fail (BYLINE_IS_BODY_BUFFER (self));
  g_return_if_fail (iter != NULL && photo_id != NULL);

  anchor = gtk_text_child_anchor_new ();
  /* The id is set before insertion: handlers of insert-child-anchor (the
   * editor making the photo card) need it. */
  g_object_set_data_full (G_OBJECT (anchor), PHOTO_KEY, g_strdup (photo_id), g_free);
  gtk_text_buffer_insert_child_anchor (GTK_TEXT_BUFFER (self), iter, anchor);
}

/* Inserts one block; @iter is at the start of a fresh line unless the
 * block continues the current paragraph (@restyle FALSE). */
static void
insert_block (BylineBodyBuffer  *self,
              GtkTextIter       *iter,
              const BylineBlock *block,
              gboolean           restyle)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  const char *text = byline_block_get_text (block);
  GtkTextIter start;
  int offset = gtk_text_iter_get_offset (iter);
  int line = gtk_text_iter_get_line (iter);

  if (byline_block_get_kind (block) == BYLINE_BLOCK_PHOTO)
    {
      byline_body_buffer_insert_photo (self, iter, byline_block_get_photo_id (block));
      if (restyle)
        apply_line_style (self, line, BYLINE_PARAGRAPH_STYLE_PARAGRAPH);
      return;
    }

  if (text != NULL && strchr (text, '\n') != NULL)
    {
      g_autofree char *separated = replace_all (text, "\n", LINE_SEPARATOR);

      gtk_text_buffer_insert (buffer, iter, separated, -1);
    }
  else
    gtk_text_buffer_insert (buffer, iter, text != NULL ? text : "", -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
  remove_inline_tags (self, &start, iter, TRUE);
  offset = gtk_text_iter_get_offset (iter);
  apply_block_marks (self, block, gtk_text_iter_get_offset (&start));
  if (restyle)
    apply_line_style (self, line, style_for_block (block));
  gtk_text_buffer_get_iter_at_offset (buffer, iter, offset);
}

static void
insert_blocks_at (BylineBodyBuffer *self,
                  GtkTextIter      *iter,
                  GPtrArray        *blocks,
                  gboolean          restyle_first)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);

  self->loading++;
  for (guint i = 0; i < blocks->len; i++)
    {
      if (i > 0)
        gtk_text_buffer_insert (buffer, iter, "\n", 1);
      insert_block (self, iter, blocks->pdata[i], i > 0 || restyle_first);
    }
  self->loading--;
}

static void
collect_link_tag (GtkTextTag *tag,
                  gpointer    user_data)
{
  if (tag_href (tag) != NULL)
    g_ptr_array_add (user_data, tag);
}

/* Link tags are one per link: drop them with the text they were on. */
static void
remove_link_tags (BylineBodyBuffer *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (self));
  g_autoptr(GPtrArray) links = g_ptr_array_new ();

  gtk_text_tag_table_foreach (table, collect_link_tag, links);

  for (guint i = 0; i < links->len; i++)
    gtk_text_tag_table_remove (table, links->pdata[i]);
}

/* After set_blocks(), line i holds blocks[i] (an empty paragraph holds
 * nothing, as dup_blocks() would say): cache that instead of converting
 * the whole text back on the first flush. */
static void
fill_line_cache (BylineBodyBuffer *self,
                 GPtrArray        *blocks)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);

  for (guint i = 0; i < blocks->len; i++)
    {
      BylineBlock *block = blocks->pdata[i];
      GPtrArray *line_blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
      GtkTextMark *mark;
      GtkTextIter iter;

      if (byline_block_get_kind (block) == BYLINE_BLOCK_PHOTO || *byline_block_get_text (block) != '\0')
        g_ptr_array_add (line_blocks, byline_block_ref (block));

      gtk_text_buffer_get_iter_at_line (buffer, &iter, i);
      mark = gtk_text_buffer_create_mark (buffer, NULL, &iter, TRUE);
      g_object_set_data_full (G_OBJECT (mark), BLOCKS_KEY, line_blocks, (GDestroyNotify) g_ptr_array_unref);
      g_ptr_array_add (self->cache_marks, mark);
    }
}

void
byline_body_buffer_set_blocks (BylineBodyBuffer *self,
                               GPtrArray        *blocks)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextIter iter;

  g_return_if_fail (BYLINE_IS_BODY_BUFFER (self));
  g_return_if_fail (blocks != NULL);

  self->loading++;
  self->bulk_loading = TRUE;
  byline_body_history_begin_irreversible (self->history);

  gtk_text_buffer_set_text (buffer, "", 0);
  remove_link_tags (self);
  for (guint i = 0; i < self->cache_marks->len; i++)
    gtk_text_buffer_delete_mark (buffer, self->cache_marks->pdata[i]);
  g_ptr_array_set_size (self->cache_marks, 0);
  self->tail_style = BYLINE_PARAGRAPH_STYLE_PARAGRAPH;
  self->pending_tag = NULL;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  insert_blocks_at (self, &iter, blocks, TRUE);
  fill_line_cache (self, blocks);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);

  byline_body_history_end_irreversible (self->history);
  self->bulk_loading = FALSE;
  self->loading--;
}

void
byline_body_buffer_insert_blocks (BylineBodyBuffer *self,
                                  GtkTextIter      *iter,
                                  GPtrArray        *blocks)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextIter line_start;
  gboolean empty_line;

  g_return_if_fail (BYLINE_IS_BODY_BUFFER (self));
  g_return_if_fail (iter != NULL);
  g_return_if_fail (blocks != NULL);

  if (blocks->len == 0)
    return;

  /* Pasted into an empty line, the first block brings its own style;
   * pasted into text, it joins that paragraph. */
  line_start = *iter;
  gtk_text_iter_set_line_offset (&line_start, 0);
  empty_line = gtk_text_iter_ends_line (&line_start);

  /* A paste is one undo step: typing before or after it is another. */
  byline_body_history_break_group (self->history);
  gtk_text_buffer_begin_user_action (buffer);
  insert_blocks_at (self, iter, blocks, empty_line);
  gtk_text_buffer_end_user_action (buffer);
  byline_body_history_break_group (self->history);

  emit_blocks_changed (self);
}

/* Text → blocks --------------------------------------------------------- */

static BylineBlock *
new_text_block (BylineParagraphStyle  style,
                const char           *text)
{
  switch (style)
    {
    case BYLINE_PARAGRAPH_STYLE_HEADING2:
      return byline_block_new_heading (2, text);
    case BYLINE_PARAGRAPH_STYLE_HEADING3:
      return byline_block_new_heading (3, text);
    case BYLINE_PARAGRAPH_STYLE_QUOTE:
      return byline_block_new (BYLINE_BLOCK_QUOTE, text);
    case BYLINE_PARAGRAPH_STYLE_BULLETED:
      return byline_block_new_list_item (FALSE, text);
    case BYLINE_PARAGRAPH_STYLE_NUMBERED:
      return byline_block_new_list_item (TRUE, text);
    case BYLINE_PARAGRAPH_STYLE_PARAGRAPH:
    default:
      return byline_block_new (BYLINE_BLOCK_PARAGRAPH, text);
    }
}

typedef struct
{
  GtkTextTag *tag;
  guint       start;
} OpenMark;

/* Appends the mark of @open, ending at @end, to @marks (BylineMark, href
 * borrowed from the tag). */
static void
close_mark (BylineBodyBuffer *self,
            GArray           *marks,
            const OpenMark   *open,
            guint             end)
{
  BylineMark mark = { BYLINE_MARK_ITALIC, open->start, end, (char *) tag_href (open->tag) };

  if (mark.href != NULL)
    mark.kind = BYLINE_MARK_LINK;
  else if (open->tag == self->bold)
    mark.kind = BYLINE_MARK_BOLD;

  if (end > open->start)
    g_array_append_val (marks, mark);
}

static void
open_marks (BylineBodyBuffer  *self,
            GArray            *open,
            GSList            *tags,
            guint              position)
{
  for (const GSList *l = tags; l != NULL; l = l->next)
    if (is_inline_tag (self, l->data))
      {
        OpenMark mark = { l->data, position };

        g_array_append_val (open, mark);
      }
}

/* The marks of [start, start + length), found by walking the tag toggles,
 * not the characters: a long paragraph has few toggles. */
static GArray *
collect_marks (BylineBodyBuffer *self,
               int               start,
               guint             length)
{
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (BylineMark));
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (OpenMark));
  g_autoptr(GSList) initial = NULL;
  GtkTextIter iter;
  guint position;

  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self), &iter, start);
  initial = gtk_text_iter_get_tags (&iter);
  open_marks (self, open, initial, 0);

  while (gtk_text_iter_forward_to_tag_toggle (&iter, NULL) &&
         (position = gtk_text_iter_get_offset (&iter) - start) < length)
    {
      g_autoptr(GSList) off = gtk_text_iter_get_toggled_tags (&iter, FALSE);
      g_autoptr(GSList) on = gtk_text_iter_get_toggled_tags (&iter, TRUE);

      for (guint i = open->len; i > 0; i--)
        if (g_slist_find (off, g_array_index (open, OpenMark, i - 1).tag) != NULL)
          {
            close_mark (self, marks, &g_array_index (open, OpenMark, i - 1), position);
            g_array_remove_index (open, i - 1);
          }
      open_marks (self, open, on, position);
    }

  for (guint i = 0; i < open->len; i++)
    close_mark (self, marks, &g_array_index (open, OpenMark, i), length);

  return marks;
}

/* Text typed as a base letter and then a lone combining mark (some input
 * methods do) is not NFC. The model stores NFC, so compose it here, each
 * letter with its marks, and move the mark offsets to the composed text. */
static char *
compose_with_offsets (const char *text,
                      GArray     *map)
{
  GString *out = g_string_new (NULL);
  const char *cluster = text;
  guint composed = 0;

  while (*cluster != '\0')
    {
      const char *next = g_utf8_next_char (cluster);
      g_autofree char *nfc = NULL;
      glong n_chars;

      while (*next != '\0' && g_unichar_combining_class (g_utf8_get_char (next)) != 0)
        next = g_utf8_next_char (next);

      nfc = g_utf8_normalize (cluster, next - cluster, G_NORMALIZE_NFC);
      g_string_append (out, nfc);
      n_chars = g_utf8_strlen (cluster, next - cluster);
      for (glong i = 0; i < n_chars; i++)
        g_array_append_val (map, composed);
      composed += g_utf8_strlen (nfc, -1);
      cluster = next;
    }
  g_array_append_val (map, composed);

  return g_string_free (out, FALSE);
}

static void
append_text_block (BylineBodyBuffer     *self,
                   GPtrArray            *blocks,
                   BylineParagraphStyle  style,
                   int                   offset,
                   const char           *text,
                   gsize                 length)
{
  g_autofree char *copy = NULL;
  g_autoptr(GArray) marks = NULL;
  g_autoptr(GArray) map = NULL;
  BylineBlock *block;

  if (length == 0)
    return;

  copy = g_strndup (text, length);
  marks = collect_marks (self, offset, g_utf8_strlen (copy, -1));
  if (strstr (copy, LINE_SEPARATOR) != NULL)
    {
      char *lines = replace_all (copy, LINE_SEPARATOR, "\n");

      g_free (copy);
      copy = lines;
    }
  if (!g_utf8_validate (copy, -1, NULL) || !byline_text_is_nfc (copy))
    {
      char *composed;

      map = g_array_new (FALSE, FALSE, sizeof (guint));
      composed = compose_with_offsets (copy, map);
      g_free (copy);
      copy = composed;
    }

  block = new_text_block (style, copy);
  for (guint i = 0; i < marks->len; i++)
    {
      const BylineMark *mark = &g_array_index (marks, BylineMark, i);
      guint start = map != NULL ? g_array_index (map, guint, mark->start) : mark->start;
      guint end = map != NULL ? g_array_index (map, guint, mark->end) : mark->end;

      byline_block_add_mark (block, mark->kind, start, end, mark->href);
    }
  g_ptr_array_add (blocks, block);
}

static void
append_photo_block (BylineBodyBuffer *self,
                    GPtrArray        *blocks,
                    int               offset)
{
  GtkTextIter iter;
  GtkTextChildAnchor *anchor;
  const char *photo_id;

  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self), &iter, offset);
  anchor = gtk_text_iter_get_child_anchor (&iter);
  photo_id = anchor != NULL ? byline_body_buffer_get_anchor_photo (anchor) : NULL;

  if (photo_id != NULL)
    g_ptr_array_add (blocks, byline_block_new_photo (photo_id));
}

/* A line is normally one block; a photo anchor typed into a line of text
 * splits it into text, photo, text. */
static void
append_line_blocks (BylineBodyBuffer  *self,
                    const GtkTextIter *line_start,
                    GPtrArray         *blocks)
{
  BylineParagraphStyle style = byline_body_buffer_get_paragraph_style (self, line_start);
  g_autofree char *text = NULL;
  GtkTextIter end = *line_start;
  const char *segment, *object;
  int offset = gtk_text_iter_get_offset (line_start);

  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  text = gtk_text_buffer_get_slice (GTK_TEXT_BUFFER (self), line_start, &end, TRUE);

  for (segment = text; (object = strstr (segment, OBJECT_CHAR)) != NULL; segment = object + strlen (OBJECT_CHAR))
    {
      append_text_block (self, blocks, style, offset, segment, object - segment);
      offset += g_utf8_strlen (segment, object - segment);
      append_photo_block (self, blocks, offset);
      offset++;
    }
  append_text_block (self, blocks, style, offset, segment, strlen (segment));
}

static gboolean
line_is_dirty (BylineBodyBuffer  *self,
               const GtkTextIter *line_start)
{
  GtkTextIter start, end, iter;

  line_bounds (line_start, &start, &end);
  if (gtk_text_iter_has_tag (&start, self->dirty))
    return TRUE;

  iter = start;
  return gtk_text_iter_forward_to_tag_toggle (&iter, self->dirty) &&
         gtk_text_iter_compare (&iter, &end) < 0;
}

/* The cache mark at @line_start, or NULL. When lines were joined, two end
 * up at the same place: one is enough. */
static GtkTextMark *
cache_mark_at (BylineBodyBuffer  *self,
               const GtkTextIter *line_start)
{
  g_autoptr(GSList) marks = gtk_text_iter_get_marks (line_start);
  GtkTextMark *found = NULL;

  for (const GSList *l = marks; l != NULL; l = l->next)
    {
      if (g_object_get_data (l->data, BLOCKS_KEY) == NULL)
        continue;
      if (found == NULL)
        found = l->data;
      else
        {
          g_ptr_array_remove_fast (self->cache_marks, l->data);
          gtk_text_buffer_delete_mark (GTK_TEXT_BUFFER (self), l->data);
        }
    }

  return found;
}

static void
append_cached_line_blocks (BylineBodyBuffer  *self,
                           const GtkTextIter *line_start,
                           GPtrArray         *blocks)
{
  GtkTextMark *mark = cache_mark_at (self, line_start);
  GPtrArray *line_blocks;

  if (mark == NULL || line_is_dirty (self, line_start))
    {
      line_blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
      append_line_blocks (self, line_start, line_blocks);
      if (mark == NULL)
        {
          mark = gtk_text_buffer_create_mark (GTK_TEXT_BUFFER (self), NULL, line_start, TRUE);
          g_ptr_array_add (self->cache_marks, mark);
        }
      g_object_set_data_full (G_OBJECT (mark), BLOCKS_KEY, line_blocks,
                              (GDestroyNotify) g_ptr_array_unref);
    }
  line_blocks = g_object_get_data (G_OBJECT (mark), BLOCKS_KEY);

  for (guint i = 0; i < line_blocks->len; i++)
    g_ptr_array_add (blocks, byline_block_ref (line_blocks->pdata[i]));
}

/* Cache marks that edits moved off a line start serve nobody. */
static void
drop_stray_cache_marks (BylineBodyBuffer *self)
{
  for (guint i = self->cache_marks->len; i > 0; i--)
    {
      GtkTextMark *mark = self->cache_marks->pdata[i - 1];
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self), &iter, mark);
      if (!gtk_text_iter_starts_line (&iter))
        {
          g_ptr_array_remove_index_fast (self->cache_marks, i - 1);
          gtk_text_buffer_delete_mark (GTK_TEXT_BUFFER (self), mark);
        }
    }
}

GPtrArray *
byline_body_buffer_dup_blocks (BylineBodyBuffer *self)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  GtkTextIter line, end;

  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), blocks);

  drop_stray_cache_marks (self);

  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self), &line);
  do
    append_cached_line_blocks (self, &line, blocks);
  while (gtk_text_iter_forward_line (&line));

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self), &line, &end);
  GTK_TEXT_BUFFER_CLASS (byline_body_buffer_parent_class)->remove_tag (GTK_TEXT_BUFFER (self),
                                                                        self->dirty, &line, &end);

  return blocks;
}

const char *
byline_body_buffer_get_anchor_photo (GtkTextChildAnchor *anchor)
{
  g_return_val_if_fail (GTK_IS_TEXT_CHILD_ANCHOR (anchor), NULL);

  return g_object_get_data (G_OBJECT (anchor), PHOTO_KEY);
}

/* GObject --------------------------------------------------------------- */

static void
byline_body_buffer_constructed (GObject *object)
{
  BylineBodyBuffer *self = BYLINE_BODY_BUFFER (object);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);

  G_OBJECT_CLASS (byline_body_buffer_parent_class)->constructed (object);

  self->paragraph_tags[BYLINE_PARAGRAPH_STYLE_HEADING2] =
    gtk_text_buffer_create_tag (buffer, paragraph_tag_names[1],
                                "weight", PANGO_WEIGHT_BOLD,
                                "scale", 1.44,
                                "pixels-above-lines", 18,
                                NULL);
  self->paragraph_tags[BYLINE_PARAGRAPH_STYLE_HEADING3] =
    gtk_text_buffer_create_tag (buffer, paragraph_tag_names[2],
                                "weight", PANGO_WEIGHT_BOLD,
                                "scale", 1.2,
                                "pixels-above-lines", 12,
                                NULL);
  self->paragraph_tags[BYLINE_PARAGRAPH_STYLE_QUOTE] =
    gtk_text_buffer_create_tag (buffer, paragraph_tag_names[3],
                                "style", PANGO_STYLE_ITALIC,
                                "left-margin", 24,
                                "right-margin", 24,
                                NULL);
  self->paragraph_tags[BYLINE_PARAGRAPH_STYLE_BULLETED] =
    gtk_text_buffer_create_tag (buffer, paragraph_tag_names[4],
                                "left-margin", 28,
                                "pixels-below-lines", 4,
                                NULL);
  self->paragraph_tags[BYLINE_PARAGRAPH_STYLE_NUMBERED] =
    gtk_text_buffer_create_tag (buffer, paragraph_tag_names[5],
                                "left-margin", 28,
                                "pixels-below-lines", 4,
                                NULL);
  self->bold = gtk_text_buffer_create_tag (buffer, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);
  self->italic = gtk_text_buffer_create_tag (buffer, "italic", "style", PANGO_STYLE_ITALIC, NULL);
  self->dirty = gtk_text_buffer_create_tag (buffer, "blocks-dirty", NULL);

  self->history = byline_body_history_new (self);
}

static void
byline_body_buffer_dispose (GObject *object)
{
  BylineBodyBuffer *self = BYLINE_BODY_BUFFER (object);

  /* The history listens to this buffer: it stops while both are whole,
   * however many references to it are left. */
  if (self->history != NULL)
    g_object_run_dispose (G_OBJECT (self->history));
  g_clear_object (&self->history);

  G_OBJECT_CLASS (byline_body_buffer_parent_class)->dispose (object);
}

static void
byline_body_buffer_finalize (GObject *object)
{
  BylineBodyBuffer *self = BYLINE_BODY_BUFFER (object);

  g_clear_pointer (&self->cache_marks, g_ptr_array_unref);

  G_OBJECT_CLASS (byline_body_buffer_parent_class)->finalize (object);
}

static void
byline_body_buffer_class_init (BylineBodyBufferClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkTextBufferClass *buffer_class = GTK_TEXT_BUFFER_CLASS (klass);

  object_class->constructed = byline_body_buffer_constructed;
  object_class->dispose = byline_body_buffer_dispose;
  object_class->finalize = byline_body_buffer_finalize;

  buffer_class->insert_text = byline_body_buffer_insert_text;
  buffer_class->delete_range = byline_body_buffer_delete_range;
  buffer_class->mark_set = byline_body_buffer_mark_set;
  buffer_class->insert_child_anchor = byline_body_buffer_insert_child_anchor;
  buffer_class->changed = byline_body_buffer_changed;
  buffer_class->apply_tag = byline_body_buffer_apply_tag;
  buffer_class->remove_tag = byline_body_buffer_remove_tag;

  /**
   * BylineBodyBuffer::blocks-changed:
   *
   * The text or its formatting changed, so dup_blocks() would give
   * something new. Not emitted by set_blocks().
   */
  signals[BLOCKS_CHANGED] =
    g_signal_new ("blocks-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
byline_body_buffer_init (BylineBodyBuffer *self)
{
  self->pending_offset = -1;
  self->cache_marks = g_ptr_array_new ();
}

BylineBodyBuffer *
byline_body_buffer_new (void)
{
  /* GtkTextHistory records text only: it would bring deleted text back
   * without its formatting and cannot undo a format at all. */
  return g_object_new (BYLINE_TYPE_BODY_BUFFER, "enable-undo", FALSE, NULL);
}

BylineBodyHistory *
byline_body_buffer_get_history (BylineBodyBuffer *self)
{
  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), NULL);

  return self->history;
}

/* Replay ---------------------------------------------------------------- */

void
byline_body_buffer_begin_replay (BylineBodyBuffer *self)
{
  g_return_if_fail (BYLINE_IS_BODY_BUFFER (self));

  self->replaying++;
  self->pending_tag = NULL;
}

void
byline_body_buffer_end_replay (BylineBodyBuffer *self)
{
  g_return_if_fail (BYLINE_IS_BODY_BUFFER (self));
  g_return_if_fail (self->replaying > 0);

  self->replaying--;
  /* The tail style changes no tag: tell the listeners in any case. */
  emit_blocks_changed (self);
}

BylineParagraphStyle
byline_body_buffer_get_tail_style (BylineBodyBuffer *self)
{
  g_return_val_if_fail (BYLINE_IS_BODY_BUFFER (self), BYLINE_PARAGRAPH_STYLE_PARAGRAPH);

  return self->tail_style;
}

void
byline_body_buffer_set_tail_style (BylineBodyBuffer     *self,
                                   BylineParagraphStyle  style)
{
  g_return_if_fail (BYLINE_IS_BODY_BUFFER (self));

  self->tail_style = style;
}
