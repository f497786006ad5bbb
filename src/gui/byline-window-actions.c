/* byline-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's actions: new, import, export, save, trash and restore. The
 * file choosers only pick a file; what happens to it is in
 * byline_window_import_file() and byline_window_export_file(), which the
 * tests call too.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "byline-import.h"
#include "byline-render.h"
#include "byline-window-private.h"

static void
focus_title (BylineWindow *self)
{
  GObject *title = gtk_widget_get_template_child (GTK_WIDGET (self->editor),
                                                  BYLINE_TYPE_EDITOR, "title_view");

  if (GTK_IS_WIDGET (title))
    gtk_widget_grab_focus (GTK_WIDGET (title));
}

static void
new_article_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(BylineArticle) article = byline_draft_store_create (self->store);

  byline_window_show_article (self, article);
  focus_title (self);
}

static void
open_article_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  byline_window_open_draft (BYLINE_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  if (self->article == NULL)
    return;

  byline_editor_flush (self->editor);
  byline_draft_store_save (self->store, self->article);
}

/* Import ------------------------------------------------------------------ */

static char *
file_display_name (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return g_filename_display_name (name != NULL ? name : "");
}

static void
file_imported_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BylineWindow) self = user_data;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  article = byline_import_file_finish (result, &error);
  if (article == NULL)
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("Could not import the file: %s"), error->message);
      byline_window_toast (self, text);
      return;
    }

  byline_draft_store_add (self->store, article);
  byline_window_show_article (self, article);
}

void
byline_window_import_file (BylineWindow *self,
                           GFile        *file)
{
  g_return_if_fail (BYLINE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  byline_import_file_async (file, BYLINE_IMPORT_FORMAT_AUTO, self->cancellable,
                            file_imported_cb, g_object_ref (self));
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char * const *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    BylineWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      byline_window_import_file (self, file);
    }
  g_object_unref (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  static const char * const all[] = { "*.txt", "*.md", "*.markdown", "*.json", NULL };
  static const char * const text[] = { "*.txt", NULL };
  static const char * const markdown[] = { "*.md", "*.markdown", NULL };
  static const char * const ninjs[] = { "*.json", NULL };
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Import Article"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (dialog), _("Articles"), all);
  add_filter (GTK_FILE_CHOOSER (dialog), _("Plain Text"), text);
  add_filter (GTK_FILE_CHOOSER (dialog), _("Markdown"), markdown);
  add_filter (GTK_FILE_CHOOSER (dialog), _("ninjs (JSON)"), ninjs);
  g_signal_connect_object (dialog, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Export ------------------------------------------------------------------ */

/* The export format follows the file name the user typed. */
static char *
render_for_file (BylineArticle *article,
                 GFile         *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name != NULL ? name : "", -1);
  BylineRenderOptions options;

  byline_render_options_init (&options);
  if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm"))
    return byline_render_html_document (article, &options);
  if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
    return byline_render_markdown (article, &options);
  if (g_str_has_suffix (lower, ".txt"))
    return byline_render_text (article, &options);
  if (g_str_has_suffix (lower, ".json"))
    {
      g_autoptr(JsonNode) node = byline_render_ninjs (article, &options);
      g_autoptr(JsonGenerator) generator = json_generator_new ();

      json_generator_set_pretty (generator, TRUE);
      json_generator_set_root (generator, node);
      return json_generator_to_data (generator, NULL);
    }

  return NULL;
}

static void
file_exported_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BylineWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = file_display_name (G_FILE (object));
  g_autofree char *text = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("Could not export “%s”: %s"), name, error->message);
    }
  else
    text = g_strdup_printf (_("Exported “%s”"), name);

  byline_window_toast (self, text);
}

void
byline_window_export_file (BylineWindow *self,
                           GFile        *file)
{
  g_autoptr(GBytes) bytes = NULL;
  char *data;

  g_return_if_fail (BYLINE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->article == NULL)
    return;

  byline_editor_flush (self->editor);
  data = render_for_file (self->article, file);
  if (data == NULL)
    {
      byline_window_toast (self, _("Choose a file name ending in .html, .md, .txt or .json"));
      return;
    }

  bytes = g_bytes_new_take (data, strlen (data));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, file_exported_cb, g_object_ref (self));
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    BylineWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      byline_window_export_file (self, file);
    }
  g_object_unref (dialog);
}

static char *
suggested_file_name (BylineArticle *article)
{
  const char *title = byline_article_get_title (article);
  g_autofree char *name = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled"));

  /* A title may hold a slash; a file name may not. */
  g_strdelimit (name, "/\\", '-');
  return g_strconcat (name, ".html", NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  static const char * const html[] = { "*.html", "*.htm", NULL };
  static const char * const markdown[] = { "*.md", NULL };
  static const char * const text[] = { "*.txt", NULL };
  static const char * const ninjs[] = { "*.json", NULL };
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  if (self->article == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export Article"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  name = suggested_file_name (self->article);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  add_filter (GTK_FILE_CHOOSER (dialog), _("Web Page (.html)"), html);
  add_filter (GTK_FILE_CHOOSER (dialog), _("Markdown (.md)"), markdown);
  add_filter (GTK_FILE_CHOOSER (dialog), _("Plain Text (.txt)"), text);
  add_filter (GTK_FILE_CHOOSER (dialog), _("ninjs (.json)"), ninjs);
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Trash ------------------------------------------------------------------- */

typedef struct
{
  BylineWindow *window;
  char         *id;
  char         *title;
} TrashData;

static void
trash_data_free (TrashData *data)
{
  g_object_unref (data->window);
  g_free (data->id);
  g_free (data->title);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrashData, trash_data_free)

static void
trashed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TrashData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  AdwToast *toast;

  if (!byline_draft_store_trash_finish (BYLINE_DRAFT_STORE (object), result, &error))
    {
      text = g_strdup_printf (_("Could not move “%s” to the trash: %s"), data->title, error->message);
      byline_window_toast (data->window, text);
      return;
    }

  text = g_strdup_printf (_("“%s” moved to the trash"), data->title);
  markup = g_markup_escape_text (text, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.restore-article");
  adw_toast_set_action_target_value (toast, g_variant_new_string (data->id));
  adw_toast_overlay_add_toast (data->window->toast_overlay, toast);
}

static void
trash_article_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  BylineDraftInfo *info = byline_draft_store_lookup (self->store, id);
  const char *title = info != NULL ? byline_draft_info_get_title (info) : NULL;
  TrashData *data;

  if (!g_uuid_string_is_valid (id))
    return;

  if (self->article != NULL && g_str_equal (byline_article_get_id (self->article), id))
    byline_window_close_article (self);

  data = g_new0 (TrashData, 1);
  data->window = g_object_ref (self);
  data->id = g_strdup (id);
  data->title = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled"));
  byline_draft_store_trash_async (self->store, id, NULL, trashed_cb, data);
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BylineWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!byline_draft_store_restore_finish (BYLINE_DRAFT_STORE (object), result, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not restore the draft: %s"), error->message);

      byline_window_toast (self, text);
    }
}

static void
restore_article_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (!g_uuid_string_is_valid (id))
    return;

  byline_draft_store_restore_async (self->store, id, NULL, restored_cb, g_object_ref (self));
}

void
byline_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-article", NULL, new_article_action);
  gtk_widget_class_install_action (widget_class, "win.open-article", "s", open_article_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.trash-article", "s", trash_article_action);
  gtk_widget_class_install_action (widget_class, "win.restore-article", "s", restore_article_action);
}
