/* byline-photo-strip-attach.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How photos get into the strip: the file chooser, drops, pastes, all
 * through byline_photo_strip_add_files() and the photo import.
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>

#include "byline-photo-import.h"
#include "byline-photo-strip-private.h"

static void import_next (BylinePhotoStrip *self);

/* Importing ------------------------------------------------------------ */


static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename != NULL ? basename : "");
}

static void
photo_imported (BylinePhotoStrip *self,
                BylinePhoto      *photo)
{
  BylinePhoto *existing;

  if (!byline_article_add_photo (self->article, photo))
    {
      byline_photo_strip_show_message (self, _("This photo is already in the article"));
      existing = byline_article_find_photo (self->article, byline_photo_get_id (photo));
      byline_photo_strip_set_selected_photo (self, existing);
      return;
    }

  byline_photo_strip_set_selected_photo (self, photo);
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BylinePhotoStrip) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(BylinePhoto) photo = NULL;
  g_autoptr(GError) error = NULL;

  photo = byline_photo_import_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  file = g_queue_pop_head (&self->queue);
  if (photo != NULL)
    photo_imported (self, photo);
  else
    {
      g_autofree char *name = dup_display_name (file);
      /* Translators: the first %s is a file name, the second says why. */
      g_autofree char *text = g_strdup_printf (_("Could not add “%s”: %s"), name, error->message);

      byline_photo_strip_show_message (self, text);
    }

  import_next (self);
}

/* A new draft's bundle may not exist until its first save; its photos
 * must not wait for that. */
static gboolean
ensure_bundle_dir (BylinePhotoStrip *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (g_file_make_directory_with_parents (self->bundle_dir, NULL, &error)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return TRUE;

  text = g_strdup_printf (_("Could not add photos to this draft: %s"), error->message);
  byline_photo_strip_show_message (self, text);
  return FALSE;
}

static void
import_next (BylinePhotoStrip *self)
{
  GFile *file = g_queue_peek_head (&self->queue);

  if (file != NULL && !ensure_bundle_dir (self))
    {
      g_queue_clear_full (&self->queue, g_object_unref);
      file = NULL;
    }

  byline_photo_strip_set_busy (self, file != NULL);
  if (file == NULL)
    return;

  byline_photo_import_async (file, self->bundle_dir, self->cancellable,
                             import_cb, g_object_ref (self));
}

void
byline_photo_strip_add_files (BylinePhotoStrip *self,
                              GListModel       *files)
{
  gboolean was_idle;

  g_return_if_fail (BYLINE_IS_PHOTO_STRIP (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  if (self->article == NULL || self->bundle_dir == NULL)
    return;

  was_idle = g_queue_is_empty (&self->queue);
  if (was_idle)
    byline_photo_strip_clear_message (self);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_queue_push_tail (&self->queue, g_list_model_get_item (files, i));

  if (was_idle)
    import_next (self);
}

/* A drop or a paste of files (a GdkFileList). */
static void
add_file_list (BylinePhotoStrip *self,
               const GValue     *value)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  GSList *list = gdk_file_list_get_files (g_value_get_boxed (value));

  for (GSList *l = list; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  g_slist_free (list);
  byline_photo_strip_add_files (self, G_LIST_MODEL (files));
}


/* Paste ---------------------------------------------------------------- */

/* A pasted image has no file: it is written as a PNG into the cache (in
 * a worker: encoding a screenshot takes a while), then imported like any
 * other. The bundle keeps its own copy, so the cache file is removed. */
static void
save_texture_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GdkTexture *texture = task_data;
  g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (texture);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H-%M-%S");
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), APP_ID, "pasted", NULL);
  /* Translators: the name of a pasted image's file; %s is the date and time. */
  g_autofree char *name = g_strdup_printf (_("Pasted image %s.png"), stamp);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GError *error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0
      || !g_file_set_contents_full (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png),
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      if (error == NULL)
        error = g_error_new (G_IO_ERROR, g_io_error_from_errno (errno), "%s: %s", dir, g_strerror (errno));
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_file_new_for_path (path), g_object_unref);
}

static void
pasted_file_imported_cb (BylinePhotoStrip *self,
                         GParamSpec       *pspec,
                         GFile            *file)
{
  if (self->busy && g_queue_find (&self->queue, file) != NULL)
    return;

  g_file_delete (file, NULL, NULL);
  g_signal_handlers_disconnect_by_func (self, pasted_file_imported_cb, file);
}

static void
texture_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  BylinePhotoStrip *self = BYLINE_PHOTO_STRIP (object);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GListStore) files = NULL;
  g_autoptr(GError) error = NULL;

  file = g_task_propagate_pointer (G_TASK (result), &error);
  /* Switched to another draft meanwhile: the image is not for that one. */
  if (file != NULL && g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      g_file_delete (file, NULL, NULL);
      return;
    }
  if (file == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not save the pasted image: %s"), error->message);

      byline_photo_strip_show_message (self, text);
      return;
    }

  files = g_list_store_new (G_TYPE_FILE);
  g_list_store_append (files, file);
  byline_photo_strip_add_files (self, G_LIST_MODEL (files));
  g_signal_connect_data (self, "notify::busy", G_CALLBACK (pasted_file_imported_cb),
                         g_object_ref (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
}

static void
texture_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BylinePhotoStrip) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (texture == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not read the pasted image: %s"), error->message);

      byline_photo_strip_show_message (self, text);
      return;
    }

  task = g_task_new (self, self->cancellable, texture_saved_cb, NULL);
  g_task_set_source_tag (task, texture_read_cb);
  /* The file is always handed back, so a cancelled paste can remove it. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, g_steal_pointer (&texture), g_object_unref);
  g_task_run_in_thread (task, save_texture_thread);
}

static void
file_list_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(BylinePhotoStrip) self = user_data;
  const GValue *value;
  g_autoptr(GError) error = NULL;

  value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (value == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not read the pasted files: %s"), error->message);

      byline_photo_strip_show_message (self, text);
      return;
    }

  add_file_list (self, value);
}

gboolean
byline_photo_strip_paste (BylinePhotoStrip *self,
                          GdkClipboard     *clipboard)
{
  GdkContentFormats *formats;

  g_return_val_if_fail (BYLINE_IS_PHOTO_STRIP (self), FALSE);
  g_return_val_if_fail (GDK_IS_CLIPBOARD (clipboard), FALSE);

  if (self->article == NULL || self->bundle_dir == NULL)
    return FALSE;

  /* Files copied in a file manager come first: their originals keep the
   * credits in their metadata, which a texture has lost. */
  formats = gdk_clipboard_get_formats (clipboard);
  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT,
                                    self->cancellable, file_list_read_cb, g_object_ref (self));
  else if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE))
    gdk_clipboard_read_texture_async (clipboard, self->cancellable,
                                      texture_read_cb, g_object_ref (self));
  else
    return FALSE;

  return TRUE;
}

/* Dropped files -------------------------------------------------------- */

static gboolean
files_drop_cb (GtkDropTarget    *target,
               const GValue     *value,
               double            x,
               double            y,
               BylinePhotoStrip *self)
{
  if (self->article == NULL || self->bundle_dir == NULL)
    return FALSE;

  add_file_list (self, value);
  return TRUE;
}

/* The editor ----------------------------------------------------------- */

static gboolean
clipboard_has_text (GdkClipboard *clipboard)
{
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  return gdk_content_formats_contain_gtype (formats, G_TYPE_STRING)
         || gdk_content_formats_contain_mime_type (formats, "text/html");
}

static void
editor_paste_clipboard_cb (GtkTextView      *view,
                           BylinePhotoStrip *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));

  /* Files copied in a file manager also come as text (their paths):
   * attach them rather than type the paths into the article. */
  if (!gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), GDK_TYPE_FILE_LIST)
      && clipboard_has_text (clipboard))
    return;

  if (byline_photo_strip_paste (self, clipboard))
    g_signal_stop_emission_by_name (view, "paste-clipboard");
}

GtkDropTarget *
byline_photo_strip_new_files_drop_target (BylinePhotoStrip *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (files_drop_cb), self, 0);
  return target;
}

void
byline_photo_strip_watch_editor (BylinePhotoStrip *self,
                                 BylineEditor     *editor)
{
  GtkDropTarget *target;

  g_return_if_fail (BYLINE_IS_PHOTO_STRIP (self));
  g_return_if_fail (BYLINE_IS_EDITOR (editor));

  /* Before the text view's own target, which would take the file list as
   * text and type the paths. */
  target = byline_photo_strip_new_files_drop_target (self);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (target), GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (editor), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (byline_editor_get_body_view (editor), "paste-clipboard",
                           G_CALLBACK (editor_paste_clipboard_cb), self, 0);
}

/* The file chooser ----------------------------------------------------- */

static void
chooser_response_cb (GtkNativeDialog  *chooser,
                     int               response,
                     BylinePhotoStrip *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      byline_photo_strip_add_files (self, files);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static GtkFileFilter *
new_photo_filter (void)
{
  static const char *types[][2] = {
    { "image/jpeg", "jpg" }, { "image/jpeg", "jpeg" },
    { "image/png", "png" }, { "image/webp", "webp" },
  };
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Photos (JPEG, PNG, WebP)"));
  /* MIME types for the portal and local files, suffixes (which GTK
   * matches ignoring case: DSC_0042.JPG) for files without a sniffed type. */
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      gtk_file_filter_add_mime_type (filter, types[i][0]);
      gtk_file_filter_add_suffix (filter, types[i][1]);
    }

  return filter;
}

void
byline_photo_strip_add_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  BylinePhotoStrip *self = BYLINE_PHOTO_STRIP (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = new_photo_filter ();

  chooser = gtk_file_chooser_native_new (_("Add Photos"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
byline_photo_strip_paste_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  BylinePhotoStrip *self = BYLINE_PHOTO_STRIP (widget);

  if (!byline_photo_strip_paste (self, gtk_widget_get_clipboard (widget)))
    gtk_widget_error_bell (widget);
}

void
byline_photo_strip_cancel_imports (BylinePhotoStrip *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_queue_clear_full (&self->queue, g_object_unref);
  byline_photo_strip_set_busy (self, FALSE);
}
