/* byline-body-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text view of the body. GtkTextView has no list markers, so the
 * bullets and numbers of list paragraphs are drawn here, beside the text,
 * and never become characters of the buffer (the model has none either).
 *
 * It is its own scrollable, so GTK lays out and draws only what is on
 * screen, and it keeps the text at a readable width in the middle: the
 * side margins follow the width (and so do the indents of quotes and
 * lists, which GtkTextTag counts from the edge, not from the margin). The
 * header (title and lead) is an overlay in the top margin.
 */

#include "config.h"

#include "byline-body-buffer.h"
#include "byline-body-view.h"

/* Space between the marker and the text of the item. */
#define MARKER_GAP 8
/* The readable width of the text, and the least space beside it. */
#define MAX_TEXT_WIDTH 672
#define MIN_SIDE 24
#define HEADER_TOP 36
#define HEADER_GAP 18
/* Quotes and list items are indented by this much. */
#define INDENT 28

struct _BylineBodyView
{
  GtkTextView  parent_instance;

  GtkWidget   *header;
  int          side;
};

G_DEFINE_FINAL_TYPE (BylineBodyView, byline_body_view, GTK_TYPE_TEXT_VIEW)

static BylineParagraphStyle
style_of_line (BylineBodyBuffer  *buffer,
               const GtkTextIter *line)
{
  return byline_body_buffer_get_paragraph_style (buffer, line);
}

/* The number of a numbered item: one more than the items right above it. */
static guint
item_number (BylineBodyBuffer  *buffer,
             const GtkTextIter *line)
{
  GtkTextIter iter = *line;
  guint number = 1;

  while (gtk_text_iter_backward_line (&iter) &&
         style_of_line (buffer, &iter) == BYLINE_PARAGRAPH_STYLE_NUMBERED)
    number++;

  return number;
}

static void
draw_marker (GtkTextView       *view,
             GtkSnapshot       *snapshot,
             const GtkTextIter *line,
             const char        *marker)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), marker);
  GdkRectangle location;
  GdkRGBA color;
  int width, height, y, line_height;

  gtk_text_view_get_iter_location (view, line, &location);
  gtk_text_view_get_line_yrange (view, line, &y, &line_height);
  pango_layout_get_pixel_size (layout, &width, &height);
  /* gtk_widget_get_color() is GTK 4.10. */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (view)), &color);

  /* Right-aligned just before the item's text, on its first line. */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (location.x - MARKER_GAP - width,
                                                          location.y + (location.height - height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);

  g_object_unref (layout);
}

static void
byline_body_view_snapshot_layer (GtkTextView      *view,
                                 GtkTextViewLayer  layer,
                                 GtkSnapshot      *snapshot)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle visible;
  GtkTextIter line, last;

  if (GTK_TEXT_VIEW_CLASS (byline_body_view_parent_class)->snapshot_layer != NULL)
    GTK_TEXT_VIEW_CLASS (byline_body_view_parent_class)->snapshot_layer (view, layer, snapshot);

  if (layer != GTK_TEXT_VIEW_LAYER_BELOW_TEXT || !BYLINE_IS_BODY_BUFFER (buffer))
    return;

  /* Only the lines on screen: a long article has thousands. */
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &line, visible.y, NULL);
  gtk_text_view_get_line_at_y (view, &last, visible.y + visible.height, NULL);

  do
    {
      BylineParagraphStyle style = style_of_line (BYLINE_BODY_BUFFER (buffer), &line);

      if (style == BYLINE_PARAGRAPH_STYLE_BULLETED)
        draw_marker (view, snapshot, &line, "•");
      else if (style == BYLINE_PARAGRAPH_STYLE_NUMBERED)
        {
          g_autofree char *number = g_strdup_printf ("%u.", item_number (BYLINE_BODY_BUFFER (buffer), &line));

          draw_marker (view, snapshot, &line, number);
        }
    }
  while (gtk_text_iter_compare (&line, &last) < 0 && gtk_text_iter_forward_line (&line));
}

static void
indent_tag (GtkTextTagTable *table,
            const char      *name,
            int              left,
            int              right)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

  if (tag != NULL)
    g_object_set (tag, "left-margin", left, "right-margin", right, NULL);
}

static void
set_side (BylineBodyView *self,
          int             side)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (view));

  if (side == self->side)
    return;

  self->side = side;
  gtk_text_view_set_left_margin (view, side);
  gtk_text_view_set_right_margin (view, side);
  indent_tag (table, "quote", side + INDENT, side + INDENT);
  indent_tag (table, "list-bullet", side + INDENT, side);
  indent_tag (table, "list-number", side + INDENT, side);
}

static void
byline_body_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  BylineBodyView *self = BYLINE_BODY_VIEW (widget);
  int text_width = MAX (1, MIN (width - 2 * MIN_SIDE, MAX_TEXT_WIDTH));

  set_side (self, MAX (MIN_SIDE, (width - text_width) / 2));

  if (self->header != NULL)
    {
      int header_height, top_margin;

      gtk_widget_set_size_request (self->header, text_width, -1);
      gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, text_width,
                          NULL, &header_height, NULL, NULL);
      top_margin = HEADER_TOP + header_height + HEADER_GAP;
      if (gtk_text_view_get_top_margin (GTK_TEXT_VIEW (self)) != top_margin)
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self), top_margin);
      /* Overlay positions count from below the top margin. */
      gtk_text_view_move_overlay (GTK_TEXT_VIEW (self), self->header, self->side, HEADER_TOP - top_margin);
    }

  GTK_WIDGET_CLASS (byline_body_view_parent_class)->size_allocate (widget, width, height, baseline);
}

void
byline_body_view_set_header (BylineBodyView *self,
                             GtkWidget      *header)
{
  g_return_if_fail (BYLINE_IS_BODY_VIEW (self));
  g_return_if_fail (GTK_IS_WIDGET (header));
  g_return_if_fail (self->header == NULL);

  self->header = header;
  gtk_text_view_add_overlay (GTK_TEXT_VIEW (self), header, MIN_SIDE, HEADER_TOP);
}

static void
byline_body_view_class_init (BylineBodyViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  widget_class->size_allocate = byline_body_view_size_allocate;
  text_view_class->snapshot_layer = byline_body_view_snapshot_layer;
}

static void
byline_body_view_init (BylineBodyView *self)
{
  self->side = -1;
}

GtkWidget *
byline_body_view_new (void)
{
  return g_object_new (BYLINE_TYPE_BODY_VIEW, NULL);
}
