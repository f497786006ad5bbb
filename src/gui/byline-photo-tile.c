/* byline-photo-tile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-photo-texture.h"
#include "byline-photo-tile.h"

struct _BylinePhotoTile
{
  GtkWidget     parent_instance;

  BylinePhoto  *photo;
  GFile        *bundle_dir;
  GCancellable *cancellable;

  GtkWidget    *box;
  GtkPicture   *picture;
  GtkWidget    *placeholder;
  GtkWidget    *featured_badge;
  GtkWidget    *warning_badge;
  GtkLabel     *label;
  GtkWidget    *menu_popover;
};

G_DEFINE_FINAL_TYPE (BylinePhotoTile, byline_photo_tile, GTK_TYPE_WIDGET)

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* What is missing for the photo to be published properly, one per line;
 * NULL when nothing is. */
static char *
dup_missing_text (BylinePhoto *photo)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (is_blank (byline_photo_get_alt_text (photo)))
    g_string_append (text, _("No alt text"));
  if (is_blank (byline_photo_get_creator (photo)) && is_blank (byline_photo_get_credit_line (photo)))
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", _("No credit"));

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
update_badges (BylinePhotoTile *self)
{
  g_autofree char *missing = NULL;
  const char *caption;

  if (self->photo == NULL)
    {
      gtk_widget_set_visible (self->warning_badge, FALSE);
      return;
    }

  missing = dup_missing_text (self->photo);
  gtk_widget_set_visible (self->warning_badge, missing != NULL);
  gtk_widget_set_tooltip_text (self->warning_badge, missing);

  caption = byline_photo_get_caption (self->photo);
  if (is_blank (caption))
    caption = byline_photo_get_original_name (self->photo);
  gtk_label_set_label (self->label, caption != NULL ? caption : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->label), caption);
  /* Screen readers hear the photo's caption and what it lacks. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, caption != NULL ? caption : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, missing != NULL ? missing : "",
                                  -1);
}

static void
photo_notify_cb (BylinePhotoTile *self)
{
  update_badges (self);
}

static void
set_texture (BylinePhotoTile *self,
             GdkTexture      *texture)
{
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (self->placeholder, texture == NULL);
}

static void
texture_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  BylinePhotoTile *self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = byline_photo_texture_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (texture == NULL)
    {
      /* The placeholder stays: a missing file is the draft's problem, told
       * elsewhere, not a reason to stop showing the others. */
      g_debug ("No thumbnail: %s", error->message);
      gtk_image_set_from_icon_name (GTK_IMAGE (self->placeholder), "image-missing-symbolic");
      return;
    }

  set_texture (self, texture);
}

static void
load_thumbnail (BylinePhotoTile *self)
{
  g_autoptr(GFile) file = NULL;
  GdkTexture *cached;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->placeholder), "image-x-generic-symbolic");

  if (self->photo == NULL || self->bundle_dir == NULL)
    {
      set_texture (self, NULL);
      return;
    }

  file = byline_photo_texture_dup_file (self->photo, self->bundle_dir);
  cached = byline_photo_texture_lookup (file, BYLINE_PHOTO_TEXTURE_SMALL);
  set_texture (self, cached);
  if (cached != NULL)
    return;

  /* The callback needs no reference: dispose cancels, and a cancelled
   * GTask never touches the tile again. */
  self->cancellable = g_cancellable_new ();
  byline_photo_texture_load_async (file, BYLINE_PHOTO_TEXTURE_SMALL, self->cancellable,
                                   texture_loaded_cb, self);
}

static GMenuModel *
build_menu (const char *photo_id)
{
  static const struct { const char *label; const char *action; } sections[][3] = {
    { { N_("_Insert into Text"), "photo-strip.insert" },
      { N_("Set as _Featured"), "photo-strip.feature" } },
    { { N_("Move _Left"), "photo-strip.move-left" },
      { N_("Move _Right"), "photo-strip.move-right" } },
    { { N_("Re_move"), "photo-strip.remove" } },
  };
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autoptr(GMenu) section = g_menu_new ();

      for (guint j = 0; j < G_N_ELEMENTS (sections[i]) && sections[i][j].label != NULL; j++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (_(sections[i][j].label), NULL);

          g_menu_item_set_action_and_target_value (item, sections[i][j].action,
                                                   g_variant_new_string (photo_id));
          g_menu_append_item (section, item);
        }
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }

  return G_MENU_MODEL (menu);
}

void
byline_photo_tile_set_photo (BylinePhotoTile *self,
                             BylinePhoto     *photo,
                             GFile           *bundle_dir)
{
  g_autoptr(GMenuModel) menu = NULL;

  g_return_if_fail (BYLINE_IS_PHOTO_TILE (self));
  g_return_if_fail (photo == NULL || BYLINE_IS_PHOTO (photo));
  g_return_if_fail (bundle_dir == NULL || G_IS_FILE (bundle_dir));

  if (self->photo != NULL)
    g_signal_handlers_disconnect_by_func (self->photo, photo_notify_cb, self);

  g_set_object (&self->photo, photo);
  g_set_object (&self->bundle_dir, bundle_dir);

  if (photo != NULL)
    {
      g_signal_connect_object (photo, "notify", G_CALLBACK (photo_notify_cb), self, G_CONNECT_SWAPPED);
      menu = build_menu (byline_photo_get_id (photo));
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu_popover), menu);

  update_badges (self);
  load_thumbnail (self);
}

BylinePhoto *
byline_photo_tile_get_photo (BylinePhotoTile *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO_TILE (self), NULL);

  return self->photo;
}

void
byline_photo_tile_set_featured (BylinePhotoTile *self,
                                gboolean         featured)
{
  g_return_if_fail (BYLINE_IS_PHOTO_TILE (self));

  gtk_widget_set_visible (self->featured_badge, featured);
}

GtkPicture *
byline_photo_tile_get_picture (BylinePhotoTile *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO_TILE (self), NULL);

  return self->picture;
}

GtkWidget *
byline_photo_tile_get_warning_badge (BylinePhotoTile *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO_TILE (self), NULL);

  return self->warning_badge;
}

GtkWidget *
byline_photo_tile_get_featured_badge (BylinePhotoTile *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO_TILE (self), NULL);

  return self->featured_badge;
}

void
byline_photo_tile_popup_menu (BylinePhotoTile *self)
{
  g_return_if_fail (BYLINE_IS_PHOTO_TILE (self));

  /* From the keyboard (the strip's Menu key) the menu points at the tile. */
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu_popover), NULL);
  if (self->photo != NULL)
    gtk_popover_popup (GTK_POPOVER (self->menu_popover));
}

static void
secondary_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      BylinePhotoTile *self)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  if (self->photo == NULL)
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->menu_popover));
}

static void
byline_photo_tile_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  BylinePhotoTile *self = BYLINE_PHOTO_TILE (widget);

  gtk_widget_measure (self->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
byline_photo_tile_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  BylinePhotoTile *self = BYLINE_PHOTO_TILE (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  gtk_popover_present (GTK_POPOVER (self->menu_popover));
}

static void
byline_photo_tile_dispose (GObject *object)
{
  BylinePhotoTile *self = BYLINE_PHOTO_TILE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->photo != NULL)
    g_signal_handlers_disconnect_by_func (self->photo, photo_notify_cb, self);
  g_clear_object (&self->photo);
  g_clear_object (&self->bundle_dir);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_PHOTO_TILE);

  G_OBJECT_CLASS (byline_photo_tile_parent_class)->dispose (object);
}

static void
byline_photo_tile_class_init (BylinePhotoTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_photo_tile_dispose;
  widget_class->measure = byline_photo_tile_measure;
  widget_class->size_allocate = byline_photo_tile_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bylinedesk/Byline/byline-photo-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoTile, box);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoTile, picture);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoTile, placeholder);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoTile, featured_badge);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoTile, warning_badge);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoTile, label);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoTile, menu_popover);

  gtk_widget_class_set_css_name (widget_class, "byline-photo-tile");
}

static void
byline_photo_tile_init (BylinePhotoTile *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
byline_photo_tile_new (void)
{
  return g_object_new (BYLINE_TYPE_PHOTO_TILE, NULL);
}
