/* byline-photo-strip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "byline-photo-strip-private.h"
#include "byline-photo-tile.h"


G_DEFINE_FINAL_TYPE (BylinePhotoStrip, byline_photo_strip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_BUSY,
  PROP_SELECTED_PHOTO,
  N_PROPS
};

enum {
  INSERT_PHOTO,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Messages ------------------------------------------------------------- */

void
byline_photo_strip_show_message (BylinePhotoStrip *self,
                                 const char       *text)
{
  /* Several files of one batch can fail: each gets its own line. */
  if (self->message->len > 0)
    g_string_append_c (self->message, '\n');
  g_string_append (self->message, text);

  gtk_label_set_label (self->message_label, self->message->str);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

void
byline_photo_strip_clear_message (BylinePhotoStrip *self)
{
  g_string_truncate (self->message, 0);
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
}

const char *
byline_photo_strip_get_message (BylinePhotoStrip *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO_STRIP (self), NULL);

  return self->message->len > 0 ? self->message->str : NULL;
}

/* The list ------------------------------------------------------------- */

static void
update_count (BylinePhotoStrip *self)
{
  guint n = self->article != NULL
            ? g_list_model_get_n_items (byline_article_get_photos (self->article)) : 0;
  g_autofree char *text = n > 0 ? g_strdup_printf ("%u", n) : NULL;

  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "photos" : "empty");
}

static void
update_featured (BylinePhotoStrip *self)
{
  const char *featured = self->article != NULL
                         ? byline_article_get_featured_photo (self->article) : NULL;
  GHashTableIter iter;
  gpointer key, tile;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &key, &tile))
    byline_photo_tile_set_featured (tile, g_strcmp0 (key, featured) == 0);
}

static void
photos_changed_cb (BylinePhotoStrip *self)
{
  update_count (self);
  update_featured (self);
}

static gboolean
find_position (BylinePhotoStrip *self,
               const char       *photo_id,
               guint            *position)
{
  GListModel *photos = byline_article_get_photos (self->article);

  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr(BylinePhoto) photo = g_list_model_get_item (photos, i);

      if (g_strcmp0 (byline_photo_get_id (photo), photo_id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Moving takes the photo out of the list and puts it back, which clears
 * the selection: keep it, or the panel would close under the user. */
static gboolean
move_photo (BylinePhotoStrip *self,
            const char       *photo_id,
            guint             position)
{
  g_autoptr(BylinePhoto) selected = NULL;
  gboolean moved;

  selected = byline_photo_strip_get_selected_photo (self);
  if (selected != NULL)
    g_object_ref (selected);

  /* The selection is the same photo before and after: no notify. */
  self->moving = TRUE;
  moved = byline_article_move_photo (self->article, photo_id, position);
  if (moved)
    byline_photo_strip_set_selected_photo (self, selected);
  self->moving = FALSE;

  return moved;
}

/* Drag and drop within the strip --------------------------------------- */

static GdkContentProvider *
tile_drag_prepare_cb (GtkDragSource *source,
                      double         x,
                      double         y,
                      gpointer       user_data)
{
  BylinePhotoTile *tile = BYLINE_PHOTO_TILE (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)));
  BylinePhoto *photo = byline_photo_tile_get_photo (tile);
  GdkPaintable *paintable;

  if (photo == NULL)
    return NULL;

  paintable = gtk_picture_get_paintable (byline_photo_tile_get_picture (tile));
  if (paintable != NULL)
    gtk_drag_source_set_icon (source, paintable, 24, 18);

  /* The photo object itself: a local move only, which no text field or
   * other application accepts. */
  return gdk_content_provider_new_typed (BYLINE_TYPE_PHOTO, photo);
}

static gboolean
tile_drop_cb (GtkDropTarget    *target,
              const GValue     *value,
              double            x,
              double            y,
              BylinePhotoStrip *self)
{
  BylinePhotoTile *tile = BYLINE_PHOTO_TILE (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)));
  BylinePhoto *dragged = g_value_get_object (value);
  BylinePhoto *onto = byline_photo_tile_get_photo (tile);
  guint position;

  if (self->article == NULL || dragged == NULL || onto == NULL)
    return FALSE;
  if (!find_position (self, byline_photo_get_id (onto), &position))
    return FALSE;

  return move_photo (self, byline_photo_get_id (dragged), position);
}

/* The factory ---------------------------------------------------------- */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          BylinePhotoStrip         *self)
{
  GtkWidget *tile = byline_photo_tile_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (BYLINE_TYPE_PHOTO, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (tile_drag_prepare_cb), NULL);
  gtk_widget_add_controller (tile, GTK_EVENT_CONTROLLER (source));

  g_signal_connect_object (target, "drop", G_CALLBACK (tile_drop_cb), self, 0);
  gtk_widget_add_controller (tile, GTK_EVENT_CONTROLLER (target));

  gtk_list_item_set_child (item, tile);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         BylinePhotoStrip         *self)
{
  BylinePhotoTile *tile = BYLINE_PHOTO_TILE (gtk_list_item_get_child (item));
  BylinePhoto *photo = gtk_list_item_get_item (item);
  const char *featured = byline_article_get_featured_photo (self->article);

  byline_photo_tile_set_photo (tile, photo, self->bundle_dir);
  byline_photo_tile_set_featured (tile, g_strcmp0 (featured, byline_photo_get_id (photo)) == 0);
  g_hash_table_replace (self->tiles, g_strdup (byline_photo_get_id (photo)), tile);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           BylinePhotoStrip         *self)
{
  BylinePhotoTile *tile = BYLINE_PHOTO_TILE (gtk_list_item_get_child (item));
  BylinePhoto *photo = byline_photo_tile_get_photo (tile);

  if (photo != NULL && g_hash_table_lookup (self->tiles, byline_photo_get_id (photo)) == tile)
    g_hash_table_remove (self->tiles, byline_photo_get_id (photo));
  byline_photo_tile_set_photo (tile, NULL, NULL);
}

GtkWidget *
byline_photo_strip_get_tile (BylinePhotoStrip *self,
                             const char       *photo_id)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO_STRIP (self), NULL);
  g_return_val_if_fail (photo_id != NULL, NULL);

  return g_hash_table_lookup (self->tiles, photo_id);
}

/* Busy ---------------------------------------------------------------- */

void
byline_photo_strip_set_busy (BylinePhotoStrip *self,
                             gboolean          busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
byline_photo_strip_get_busy (BylinePhotoStrip *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO_STRIP (self), FALSE);

  return self->busy;
}

/* Per-photo actions ---------------------------------------------------- */

static void
insert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[INSERT_PHOTO], 0, g_variant_get_string (parameter, NULL));
}

static void
feature_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BylinePhotoStrip *self = BYLINE_PHOTO_STRIP (widget);

  if (self->article != NULL)
    byline_article_set_featured_photo (self->article, g_variant_get_string (parameter, NULL));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BylinePhotoStrip *self = BYLINE_PHOTO_STRIP (widget);
  const char *photo_id = g_variant_get_string (parameter, NULL);
  gboolean left = g_str_equal (action_name, "photo-strip.move-left");
  guint position;

  if (self->article == NULL || !find_position (self, photo_id, &position))
    return;
  if (left && position == 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  if (!move_photo (self, photo_id, left ? position - 1 : position + 1))
    gtk_widget_error_bell (widget);
}

static void
forget_removed (BylinePhotoStrip *self)
{
  g_clear_object (&self->removed_photo);
  g_clear_pointer (&self->removed_blocks, g_ptr_array_unref);
  g_clear_pointer (&self->blocks_after_removal, g_ptr_array_unref);
}

static gboolean
same_blocks (GPtrArray *a,
             GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (a->pdata[i] != b->pdata[i])
      return FALSE;
  return TRUE;
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BylinePhotoStrip *self = BYLINE_PHOTO_STRIP (widget);
  const char *photo_id = g_variant_get_string (parameter, NULL);
  BylinePhoto *photo;
  AdwToast *toast;
  guint position;

  if (self->article == NULL || !find_position (self, photo_id, &position))
    return;

  forget_removed (self);
  photo = byline_article_find_photo (self->article, photo_id);
  self->removed_photo = g_object_ref (photo);
  self->removed_position = position;
  self->removed_featured = g_strcmp0 (byline_article_get_featured_photo (self->article), photo_id) == 0;
  /* Blocks are sealed and shared: holding the array is a cheap snapshot. */
  self->removed_blocks = g_ptr_array_ref (byline_article_get_blocks (self->article));

  byline_article_remove_photo (self->article, photo_id);
  self->blocks_after_removal = g_ptr_array_ref (byline_article_get_blocks (self->article));

  toast = adw_toast_new (_("Photo removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "photo-strip.undo-remove");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BylinePhotoStrip *self = BYLINE_PHOTO_STRIP (widget);

  if (self->article == NULL || self->removed_photo == NULL)
    return;

  byline_article_add_photo (self->article, self->removed_photo);
  byline_article_move_photo (self->article, byline_photo_get_id (self->removed_photo),
                             self->removed_position);
  if (self->removed_featured)
    byline_article_set_featured_photo (self->article, byline_photo_get_id (self->removed_photo));
  /* The photo's places in the text come back only if the text was not
   * edited since: an old body must never overwrite newer typing. */
  if (same_blocks (byline_article_get_blocks (self->article), self->blocks_after_removal))
    byline_article_set_blocks (self->article, self->removed_blocks);

  forget_removed (self);
}

static void
dismiss_message_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  byline_photo_strip_clear_message (BYLINE_PHOTO_STRIP (widget));
}

/* Keyboard shortcuts act on the selected photo. */
static void
selected_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BylinePhotoStrip *self = BYLINE_PHOTO_STRIP (widget);
  BylinePhoto *photo = byline_photo_strip_get_selected_photo (self);
  const char *target = g_variant_get_string (parameter, NULL);
  GtkWidget *tile;

  if (photo == NULL)
    return;

  if (g_str_equal (target, "menu"))
    {
      tile = byline_photo_strip_get_tile (self, byline_photo_get_id (photo));
      if (tile != NULL)
        byline_photo_tile_popup_menu (BYLINE_PHOTO_TILE (tile));
      return;
    }

  gtk_widget_activate_action (widget, target, "s", byline_photo_get_id (photo));
}

/* Selection ------------------------------------------------------------ */

BylinePhoto *
byline_photo_strip_get_selected_photo (BylinePhotoStrip *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO_STRIP (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

void
byline_photo_strip_set_selected_photo (BylinePhotoStrip *self,
                                       BylinePhoto      *photo)
{
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (BYLINE_IS_PHOTO_STRIP (self));
  g_return_if_fail (photo == NULL || BYLINE_IS_PHOTO (photo));

  if (photo != NULL && self->article != NULL)
    find_position (self, byline_photo_get_id (photo), &position);

  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
selection_changed_cb (BylinePhotoStrip *self)
{
  if (self->moving)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PHOTO]);
}

/* The article ---------------------------------------------------------- */

BylineArticle *
byline_photo_strip_get_article (BylinePhotoStrip *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO_STRIP (self), NULL);

  return self->article;
}

GFile *
byline_photo_strip_get_bundle_dir (BylinePhotoStrip *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO_STRIP (self), NULL);

  return self->bundle_dir;
}

void
byline_photo_strip_set_article (BylinePhotoStrip *self,
                                BylineArticle    *article,
                                GFile            *bundle_dir)
{
  g_return_if_fail (BYLINE_IS_PHOTO_STRIP (self));
  g_return_if_fail (article == NULL || BYLINE_IS_ARTICLE (article));
  g_return_if_fail (bundle_dir == NULL || G_IS_FILE (bundle_dir));

  if (self->article == article && self->bundle_dir == bundle_dir)
    return;

  byline_photo_strip_cancel_imports (self);
  byline_photo_strip_clear_message (self);
  forget_removed (self);

  if (self->article != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->article, photos_changed_cb, self);
      g_signal_handlers_disconnect_by_func (byline_article_get_photos (self->article),
                                            photos_changed_cb, self);
    }

  g_set_object (&self->bundle_dir, bundle_dir);
  /* The tiles are rebound with the new bundle by the model swap below. */
  g_set_object (&self->article, article);
  gtk_single_selection_set_model (self->selection,
                                  article != NULL ? byline_article_get_photos (article) : NULL);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  if (article != NULL)
    {
      g_signal_connect_object (article, "notify::featured-photo",
                               G_CALLBACK (photos_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (byline_article_get_photos (article), "items-changed",
                               G_CALLBACK (photos_changed_cb), self, G_CONNECT_SWAPPED);
    }

  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

/* GObject -------------------------------------------------------------- */

static void
byline_photo_strip_dispose (GObject *object)
{
  BylinePhotoStrip *self = BYLINE_PHOTO_STRIP (object);

  byline_photo_strip_cancel_imports (self);
  g_clear_object (&self->cancellable);
  forget_removed (self);
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (byline_article_get_photos (self->article),
                                          photos_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_PHOTO_STRIP);
  g_clear_object (&self->selection);
  g_clear_object (&self->article);
  g_clear_object (&self->bundle_dir);

  G_OBJECT_CLASS (byline_photo_strip_parent_class)->dispose (object);
}

static void
byline_photo_strip_finalize (GObject *object)
{
  BylinePhotoStrip *self = BYLINE_PHOTO_STRIP (object);

  g_hash_table_unref (self->tiles);
  g_string_free (self->message, TRUE);

  G_OBJECT_CLASS (byline_photo_strip_parent_class)->finalize (object);
}

static void
byline_photo_strip_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BylinePhotoStrip *self = BYLINE_PHOTO_STRIP (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_SELECTED_PHOTO:
      g_value_set_object (value, byline_photo_strip_get_selected_photo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_photo_strip_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BylinePhotoStrip *self = BYLINE_PHOTO_STRIP (object);

  switch (prop_id)
    {
    case PROP_SELECTED_PHOTO:
      byline_photo_strip_set_selected_photo (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "photo-strip.add", NULL, byline_photo_strip_add_action);
  gtk_widget_class_install_action (widget_class, "photo-strip.paste", NULL, byline_photo_strip_paste_action);
  gtk_widget_class_install_action (widget_class, "photo-strip.insert", "s", insert_action);
  gtk_widget_class_install_action (widget_class, "photo-strip.feature", "s", feature_action);
  gtk_widget_class_install_action (widget_class, "photo-strip.move-left", "s", move_action);
  gtk_widget_class_install_action (widget_class, "photo-strip.move-right", "s", move_action);
  gtk_widget_class_install_action (widget_class, "photo-strip.remove", "s", remove_action);
  gtk_widget_class_install_action (widget_class, "photo-strip.undo-remove", NULL, undo_remove_action);
  gtk_widget_class_install_action (widget_class, "photo-strip.dismiss-message", NULL, dismiss_message_action);
  gtk_widget_class_install_action (widget_class, "photo-strip.selected", "s", selected_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "photo-strip.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "photo-strip.selected", "s", "menu");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "photo-strip.selected", "s", "menu");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "photo-strip.selected", "s", "photo-strip.remove");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "photo-strip.selected", "s", "photo-strip.move-left");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "photo-strip.selected", "s", "photo-strip.move-right");
}

static void
byline_photo_strip_class_init (BylinePhotoStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_photo_strip_dispose;
  object_class->finalize = byline_photo_strip_finalize;
  object_class->get_property = byline_photo_strip_get_property;
  object_class->set_property = byline_photo_strip_set_property;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, BYLINE_TYPE_ARTICLE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_PHOTO] =
    g_param_spec_object ("selected-photo", NULL, NULL, BYLINE_TYPE_PHOTO,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BylinePhotoStrip::insert-photo:
   * @photo_id: the photo to insert
   *
   * The user asked to put the photo into the text at the caret; the window
   * passes it to the editor (byline_photo_card_insert()).
   */
  signals[INSERT_PHOTO] =
    g_signal_new ("insert-photo", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  install_actions (widget_class);

  g_type_ensure (BYLINE_TYPE_PHOTO_TILE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bylinedesk/Byline/byline-photo-strip.ui");
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoStrip, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoStrip, count_label);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoStrip, spinner);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoStrip, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoStrip, message_label);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoStrip, stack);
  gtk_widget_class_bind_template_child (widget_class, BylinePhotoStrip, list_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "byline-photo-strip");
}

static void
setup_list (BylinePhotoStrip *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cb), self, 0);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

static void
byline_photo_strip_init (BylinePhotoStrip *self)
{
  GtkDropTarget *target;

  self->tiles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->message = g_string_new (NULL);
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->queue);

  gtk_widget_init_template (GTK_WIDGET (self));
  setup_list (self);
  update_count (self);

  /* Files dropped from a file manager, anywhere on the strip. */
  target = byline_photo_strip_new_files_drop_target (self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
byline_photo_strip_new (void)
{
  return g_object_new (BYLINE_TYPE_PHOTO_STRIP, NULL);
}
