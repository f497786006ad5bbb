/* byline-photo-card.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include "byline-photo-card.h"
#include "byline-photo-texture.h"
#include "byline-render.h"

#define MAX_WIDTH  480.0
#define MAX_HEIGHT 320.0

struct _BylinePhotoCard
{
  GtkWidget     parent_instance;

  BylinePhoto  *photo;
  GCancellable *cancellable;
  char         *caption;

  GtkWidget    *box;
  GtkPicture   *picture;
  GtkWidget    *placeholder;
  GtkLabel     *caption_label;
};

G_DEFINE_FINAL_TYPE (BylinePhotoCard, byline_photo_card, GTK_TYPE_WIDGET)

/* The caption as the post will carry it, so the writer sees the credit
 * suffix the site adds. */
static void
update_caption (BylinePhotoCard *self)
{
  BylineRenderOptions options;

  byline_render_options_init (&options);
  g_free (self->caption);
  self->caption = byline_render_caption (self->photo, &options);

  gtk_label_set_label (self->caption_label, self->caption != NULL ? self->caption : "");
  gtk_widget_set_visible (GTK_WIDGET (self->caption_label), self->caption != NULL && *self->caption != '\0');
}

static void
photo_notify_cb (BylinePhotoCard *self,
                 GParamSpec      *pspec)
{
  if (g_str_equal (pspec->name, "caption") || g_str_equal (pspec->name, "creator"))
    update_caption (self);
}

static void
texture_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  BylinePhotoCard *self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = byline_photo_texture_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (texture == NULL)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (self->placeholder), "image-missing-symbolic");
      return;
    }

  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (self->placeholder, FALSE);
}

static void
load_texture (BylinePhotoCard *self,
              GFile           *bundle_dir)
{
  g_autoptr(GFile) file = byline_photo_texture_dup_file (self->photo, bundle_dir);
  GdkTexture *cached = byline_photo_texture_lookup (file, BYLINE_PHOTO_TEXTURE_LARGE);

  if (cached != NULL)
    {
      gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (cached));
      gtk_widget_set_visible (self->placeholder, FALSE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  byline_photo_texture_load_async (file, BYLINE_PHOTO_TEXTURE_LARGE, self->cancellable,
                                   texture_loaded_cb, self);
}

/* The picture's size comes from the photo's, known before any pixel is
 * decoded: the text view lays its children out once, so a card that grew
 * when its thumbnail arrived would overlap the text. */
static void
size_picture (BylinePhotoCard *self)
{
  double width = byline_photo_get_width (self->photo);
  double height = byline_photo_get_height (self->photo);
  double scale;

  if (width < 1 || height < 1)
    return;

  scale = MIN (MIN (MAX_WIDTH / width, MAX_HEIGHT / height), 1.0);
  gtk_widget_set_size_request (GTK_WIDGET (self->picture), (int) (width * scale), (int) (height * scale));
}

GtkWidget *
byline_photo_card_new (BylinePhoto *photo,
                       GFile       *bundle_dir)
{
  BylinePhotoCard *self;

  g_return_val_if_fail (BYLINE_IS_PHOTO (photo), NULL);
  g_return_val_if_fail (G_IS_FILE (bundle_dir), NULL);

  self = g_object_new (BYLINE_TYPE_PHOTO_CARD, NULL);
  self->photo = g_object_ref (photo);
  g_signal_connect_object (photo, "notify", G_CALLBACK (photo_notify_cb), self, G_CONNECT_SWAPPED);
  update_caption (self);
  size_picture (self);
  load_texture (self, bundle_dir);

  return GTK_WIDGET (self);
}

BylinePhoto *
byline_photo_card_get_photo (BylinePhotoCard *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO_CARD (self), NULL);

  return self->photo;
}

const char *
byline_photo_card_get_caption (BylinePhotoCard *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO_CARD (self), NULL);

  return self->caption;
}

GtkPicture *
byline_photo_card_get_picture (BylinePhotoCard *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO_CARD (self), NULL);

  return self->picture;
}

GtkWidget *
byline_photo_card_create_for_editor (BylineEditor *editor,
                                     const char   *photo_id,
                                     GFile        *bundle_dir)
{
  BylineArticle *article;
  BylinePhoto *photo;

  g_return_val_if_fail (BYLINE_IS_EDITOR (editor), NULL);
  g_return_val_if_fail (photo_id != NULL, NULL);

  article = byline_editor_get_article (editor);
  photo = article != NULL ? byline_article_find_photo (article, photo_id) : NULL;
  if (photo == NULL || bundle_dir == NULL)
    return NULL;

  return byline_photo_card_new (photo, bundle_dir);
}

void
byline_photo_card_insert (BylineEditor *editor,
                          const char   *photo_id)
{
  GtkTextBuffer *buffer;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  GtkTextIter iter;

  g_return_if_fail (BYLINE_IS_EDITOR (editor));
  g_return_if_fail (photo_id != NULL);

  buffer = GTK_TEXT_BUFFER (byline_editor_get_body_buffer (editor));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));

  /* A photo is a block of its own: inside a paragraph it goes after it,
   * never splitting the sentence the caret is in. */
  if (!(gtk_text_iter_starts_line (&iter) && gtk_text_iter_ends_line (&iter)))
    {
      if (!gtk_text_iter_ends_line (&iter))
        gtk_text_iter_forward_to_line_end (&iter);
      g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, ""));
    }
  g_ptr_array_add (blocks, byline_block_new_photo (photo_id));

  byline_body_buffer_insert_blocks (byline_editor_get_body_buffer (editor), &iter, blocks);
  gtk_text_buffer_place_cursor (buffer, &iter);
  byline_editor_flush (editor);
}

static void
byline_photo_card_dispose (GObject *object)
{
  BylinePhotoCard *self = BYLINE_PHOTO_CARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->photo);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_PHOTO_CARD);

  G_OBJECT_CLASS (byline_photo_card_parent_class)->dispose (object);
}

static void
byline_photo_card_finalize (GObject *object)
{
  BylinePhotoCard *self = BYLINE_PHOTO_CARD (object);

  g_free (self->caption);

  G_OBJECT_CLASS (byline_photo_card_parent_class)->finalize (object);
}

static void
byline_photo_card_class_init (BylinePhotoCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_photo_card_dispose;
  object_class->finalize = byline_photo_card_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bylinedesk/Byline/byline-photo-card.ui");
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoCard, box);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoCard, picture);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoCard, placeholder);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoCard, caption_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "byline-photo-card");
}

static void
byline_photo_card_init (BylinePhotoCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
