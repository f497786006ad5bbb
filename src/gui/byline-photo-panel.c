/* byline-photo-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "byline-photo-panel.h"
#include "byline-photo-texture.h"

/* The editable fields: each row edits the photo property of that name. */
static const char * const fields[] = {
  "caption", "alt-text", "creator", "credit-line", "copyright",
};
#define N_FIELDS G_N_ELEMENTS (fields)

struct _BylinePhotoPanel
{
  GtkWidget     parent_instance;

  BylinePhoto  *photo;
  GCancellable *cancellable;

  GtkStack     *stack;
  GtkPicture   *preview;
  GtkWidget    *rows[N_FIELDS];
  GtkWidget    *alt_text_warning;
  AdwActionRow *size_row;
  AdwActionRow *date_row;
  AdwActionRow *city_row;
  AdwActionRow *source_row;
  AdwActionRow *file_row;
  GtkLabel     *size_label;
  GtkLabel     *date_label;
  GtkLabel     *city_label;
  GtkLabel     *source_label;
  GtkLabel     *file_label;
};

G_DEFINE_FINAL_TYPE (BylinePhotoPanel, byline_photo_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PHOTO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_field (BylinePhoto *photo,
           const char  *field)
{
  char *value = NULL;

  g_object_get (photo, field, &value, NULL);
  return value;
}

/* A read-only line, hidden when the photo does not say. */
static void
set_info (AdwActionRow *row,
          GtkLabel     *label,
          const char   *value)
{
  gboolean known = value != NULL && *value != '\0';

  gtk_widget_set_visible (GTK_WIDGET (row), known);
  gtk_label_set_label (label, known ? value : "");
}

static void
update_info (BylinePhotoPanel *self)
{
  g_autofree char *size = NULL;
  g_autofree char *alt_text = dup_field (self->photo, "alt-text");

  if (byline_photo_get_width (self->photo) > 0)
    /* Translators: the size of a photo in pixels, width × height. */
    size = g_strdup_printf (_("%u × %u pixels"), byline_photo_get_width (self->photo),
                            byline_photo_get_height (self->photo));

  set_info (self->size_row, self->size_label, size);
  set_info (self->date_row, self->date_label, byline_photo_get_date_created (self->photo));
  set_info (self->city_row, self->city_label, byline_photo_get_city (self->photo));
  set_info (self->source_row, self->source_label, byline_photo_get_source (self->photo));
  set_info (self->file_row, self->file_label, byline_photo_get_original_name (self->photo));
  gtk_widget_set_visible (self->alt_text_warning, alt_text == NULL || *g_strstrip (alt_text) == '\0');
}

static void
update_row (BylinePhotoPanel *self,
            guint             i)
{
  g_autofree char *value = dup_field (self->photo, fields[i]);
  GtkEditable *editable = GTK_EDITABLE (self->rows[i]);

  /* Only a real difference is written back: resetting the text would move
   * the caret while the user types (the model NFC-normalises). */
  if (g_strcmp0 (gtk_editable_get_text (editable), value != NULL ? value : "") == 0)
    return;

  g_signal_handlers_block_matched (editable, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_editable_set_text (editable, value != NULL ? value : "");
  g_signal_handlers_unblock_matched (editable, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
photo_notify_cb (BylinePhotoPanel *self,
                 GParamSpec       *pspec)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_str_equal (pspec->name, fields[i]))
      update_row (self, i);

  update_info (self);
}

static void
row_changed_cb (GtkEditable      *editable,
                BylinePhotoPanel *self)
{
  const char *field = g_object_get_data (G_OBJECT (editable), "byline-field");

  if (self->photo != NULL)
    g_object_set (self->photo, field, gtk_editable_get_text (editable), NULL);
}

static void
preview_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  BylinePhotoPanel *self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = byline_photo_texture_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
}

static void
load_preview (BylinePhotoPanel *self,
              GFile            *bundle_dir)
{
  g_autoptr(GFile) file = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_picture_set_paintable (self->preview, NULL);

  if (self->photo == NULL || bundle_dir == NULL)
    return;

  file = byline_photo_texture_dup_file (self->photo, bundle_dir);
  self->cancellable = g_cancellable_new ();
  byline_photo_texture_load_async (file, BYLINE_PHOTO_TEXTURE_LARGE, self->cancellable,
                                   preview_loaded_cb, self);
}

void
byline_photo_panel_set_photo (BylinePhotoPanel *self,
                              BylinePhoto      *photo,
                              GFile            *bundle_dir)
{
  g_return_if_fail (BYLINE_IS_PHOTO_PANEL (self));
  g_return_if_fail (photo == NULL || BYLINE_IS_PHOTO (photo));
  g_return_if_fail (bundle_dir == NULL || G_IS_FILE (bundle_dir));

  if (self->photo == photo)
    return;

  if (self->photo != NULL)
    g_signal_handlers_disconnect_by_func (self->photo, photo_notify_cb, self);
  g_set_object (&self->photo, photo);
  load_preview (self, bundle_dir);

  gtk_stack_set_visible_child_name (self->stack, photo != NULL ? "photo" : "empty");
  if (photo != NULL)
    {
      g_signal_connect_object (photo, "notify", G_CALLBACK (photo_notify_cb), self, G_CONNECT_SWAPPED);
      for (guint i = 0; i < N_FIELDS; i++)
        update_row (self, i);
      update_info (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHOTO]);
}

BylinePhoto *
byline_photo_panel_get_photo (BylinePhotoPanel *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO_PANEL (self), NULL);

  return self->photo;
}

GtkEditable *
byline_photo_panel_get_row (BylinePhotoPanel *self,
                            const char       *field)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO_PANEL (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < N_FIELDS; i++)
    if (g_str_equal (field, fields[i]))
      return GTK_EDITABLE (self->rows[i]);

  return NULL;
}

static void
byline_photo_panel_dispose (GObject *object)
{
  BylinePhotoPanel *self = BYLINE_PHOTO_PANEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->photo != NULL)
    g_signal_handlers_disconnect_by_func (self->photo, photo_notify_cb, self);
  g_clear_object (&self->photo);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_PHOTO_PANEL);

  G_OBJECT_CLASS (byline_photo_panel_parent_class)->dispose (object);
}

static void
byline_photo_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BylinePhotoPanel *self = BYLINE_PHOTO_PANEL (object);

  switch (prop_id)
    {
    case PROP_PHOTO:
      g_value_set_object (value, self->photo);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_photo_panel_class_init (BylinePhotoPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_photo_panel_dispose;
  object_class->get_property = byline_photo_panel_get_property;

  properties[PROP_PHOTO] =
    g_param_spec_object ("photo", NULL, NULL, BYLINE_TYPE_PHOTO,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bylinedesk/Byline/byline-photo-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoPanel, preview);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoPanel, alt_text_warning);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoPanel, size_row);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoPanel, size_label);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoPanel, date_row);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoPanel, date_label);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoPanel, city_row);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoPanel, city_label);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoPanel, source_row);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoPanel, source_label);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoPanel, file_row);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoPanel, file_label);
  gtk_widget_class_bind_template_child_full (widget_class, "caption_row", FALSE,
                                             G_STRUCT_OFFSET (BylinePhotoPanel, rows[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "alt_text_row", FALSE,
                                             G_STRUCT_OFFSET (BylinePhotoPanel, rows[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "creator_row", FALSE,
                                             G_STRUCT_OFFSET (BylinePhotoPanel, rows[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "credit_line_row", FALSE,
                                             G_STRUCT_OFFSET (BylinePhotoPanel, rows[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "copyright_row", FALSE,
                                             G_STRUCT_OFFSET (BylinePhotoPanel, rows[4]));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "byline-photo-panel");
}

static void
byline_photo_panel_init (BylinePhotoPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_object_set_data (G_OBJECT (self->rows[i]), "byline-field", (gpointer) fields[i]);
      g_signal_connect (self->rows[i], "changed", G_CALLBACK (row_changed_cb), self);
    }
}

GtkWidget *
byline_photo_panel_new (void)
{
  return g_object_new (BYLINE_TYPE_PHOTO_PANEL, NULL);
}
