/* byline-body-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text view of the body. GtkTextView has no list markers, so the
 * bullets and numbers of list paragraphs are drawn here, beside the text,
 * and never become characters of the buffer (the model has none either).
 */

#include "config.h"

#include "byline-body-buffer.h"
#include "byline-body-view.h"

/* Space between the marker and the text of the item. */
#define MARKER_GAP 8

struct _BylineBodyView
{
  GtkTextView parent_instance;
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
byline_body_view_class_init (BylineBodyViewClass *klass)
{
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  text_view_class->snapshot_layer = byline_body_view_snapshot_layer;
}

static void
byline_body_view_init (BylineBodyView *self)
{
}

GtkWidget *
byline_body_view_new (void)
{
  return g_object_new (BYLINE_TYPE_BODY_VIEW, NULL);
}
