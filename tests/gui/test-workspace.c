/* test-workspace.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window as the reporter uses it, through its actions and widgets,
 * with the real draft store under headless-run's throwaway XDG_DATA_HOME:
 * typing reaches disk, the library lists and searches, trash and undo,
 * import and export, quitting saves, a crash is recovered, damaged and
 * newer drafts are handled. The tests run in order, as one reporter's day:
 * each one closes its windows, which closes the store (the final save),
 * and the next window gets a fresh store that loads what is on disk.
 */

#include "config.h"

#include <adwaita.h>

#include "byline-application.h"
#include "byline-editor.h"
#include "byline-import.h"
#include "byline-library-pane.h"
#include "byline-draft-index.h"
#include "byline-library-row.h"
#include "byline-preferences-window.h"
#include "byline-publish-bar.h"
#include "byline-site-terms.h"
#include "byline-render.h"
#include "byline-window.h"
#include "draft-store-testutil.h"

static BylineApplication *the_app;

/* Helpers ---------------------------------------------------------------- */

static BylineWindow *
open_window (void)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (the_app));
  window = gtk_application_get_active_window (GTK_APPLICATION (the_app));
  g_assert_true (BYLINE_IS_WINDOW (window));
  WAIT_UNTIL (byline_draft_store_get_loaded (byline_application_get_draft_store (the_app)));

  return BYLINE_WINDOW (window);
}

/* Closes every window; the application writes the store's final save. */
static void
close_windows (void)
{
  GtkWindow *window;

  while ((window = gtk_application_get_active_window (GTK_APPLICATION (the_app))) != NULL)
    gtk_window_destroy (window);
  WAIT_UNTIL (!byline_application_get_saving (the_app));
}

static char *
store_root (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
}

static gpointer
child (BylineWindow *window,
       const char   *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window), BYLINE_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return object;
}

static GtkTextView *
editor_view (BylineWindow *window,
             const char   *name)
{
  GObject *object = gtk_widget_get_template_child (child (window, "editor"), BYLINE_TYPE_EDITOR, name);

  g_assert_true (GTK_IS_TEXT_VIEW (object));
  return GTK_TEXT_VIEW (object);
}

static void
type_into (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  g_assert_true (gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1,
                                                               gtk_text_view_get_editable (view)));
}

static GListModel *
library (BylineWindow      *window,
         BylineLibraryView  view)
{
  return byline_library_pane_get_model (child (window, "library_pane"), view);
}

static BylineDraftInfo *
find_in (GListModel *model,
         const char *title)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylineDraftInfo) info = g_list_model_get_item (model, i);

      if (g_strcmp0 (byline_draft_info_get_title (info), title) == 0)
        return info;
    }

  return NULL;
}

/* Any label in the window (a toast, a banner) whose text contains @text. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;

  return FALSE;
}

static BylineArticle *
read_article (const char *root,
              const char *id)
{
  g_autofree char *path = article_path (root, id);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  BylineArticle *article;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  bytes = read_bytes (path);
  article = byline_article_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  return article;
}

static gboolean
disk_title_is (const char *root,
               const char *id,
               const char *title)
{
  g_autoptr(BylineArticle) article = read_article (root, id);

  return article != NULL && g_strcmp0 (byline_article_get_title (article), title) == 0;
}

static void
activate_with_id (BylineWindow *window,
                  const char   *action,
                  const char   *id)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, "s", id));
}

/* Tests ------------------------------------------------------------------- */

static void
test_new_article_autosaves (void)
{
  BylineWindow *window = open_window ();
  g_autofree char *root = store_root ();
  g_autofree char *id = NULL;
  GtkTextView *title;
  GListModel *drafts;
  AdwWindowTitle *window_title = child (window, "window_title");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (window, "editor_stack")), ==, "empty");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-article", NULL));
  g_assert_nonnull (byline_window_get_article (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (window, "editor_stack")), ==, "article");
  id = g_strdup (byline_article_get_id (byline_window_get_article (window)));

  /* Focus is in the title: typing goes there. */
  title = editor_view (window, "title_view");
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == GTK_WIDGET (title));
  type_into (title, "Mỹ Quí đón Tết");
  g_assert_cmpstr (adw_window_title_get_title (window_title), ==, "Mỹ Quí đón Tết");

  /* Within the autosave delay (GSettings, 1 s), with no other action. */
  WAIT_UNTIL (disk_title_is (root, id, "Mỹ Quí đón Tết"));
  WAIT_UNTIL (g_strcmp0 (adw_window_title_get_subtitle (window_title), "Saved") == 0);

  drafts = library (window, BYLINE_LIBRARY_VIEW_DRAFTS);
  WAIT_UNTIL (find_in (drafts, "Mỹ Quí đón Tết") != NULL);

  /* A second one, to search among. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-article", NULL));
  type_into (editor_view (window, "title_view"), "Bão số 3 đổ bộ");
  WAIT_UNTIL (find_in (drafts, "Bão số 3 đổ bộ") != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 2);

  close_windows ();
}

static void
test_search (void)
{
  BylineWindow *window = open_window ();
  GtkWidget *pane = child (window, "library_pane");
  GtkEditable *entry = GTK_EDITABLE (gtk_widget_get_template_child (pane, BYLINE_TYPE_LIBRARY_PANE,
                                                                    "search_entry"));
  GListModel *drafts = library (window, BYLINE_LIBRARY_VIEW_DRAFTS);

  WAIT_UNTIL (g_list_model_get_n_items (drafts) == 2);

  /* Without case or accents, as reporters type on the road. */
  gtk_editable_set_text (entry, "my qui");
  WAIT_UNTIL (g_list_model_get_n_items (drafts) == 1);
  g_assert_nonnull (find_in (drafts, "Mỹ Quí đón Tết"));

  gtk_editable_set_text (entry, "khong co dau");
  WAIT_UNTIL (g_list_model_get_n_items (drafts) == 0);
  g_assert_true (has_label (pane, "No results"));

  gtk_editable_set_text (entry, "");
  WAIT_UNTIL (g_list_model_get_n_items (drafts) == 2);

  close_windows ();
}

static void
test_trash_and_undo (void)
{
  BylineWindow *window = open_window ();
  GListModel *drafts = library (window, BYLINE_LIBRARY_VIEW_DRAFTS);
  GListModel *trash = library (window, BYLINE_LIBRARY_VIEW_TRASH);
  g_autofree char *id = NULL;

  WAIT_UNTIL (find_in (drafts, "Bão số 3 đổ bộ") != NULL);
  id = g_strdup (byline_draft_info_get_id (find_in (drafts, "Bão số 3 đổ bộ")));

  /* The open article goes to the trash too: the editor lets go of it. */
  byline_window_open_draft (window, id);
  WAIT_UNTIL (byline_window_get_article (window) != NULL);

  activate_with_id (window, "win.trash-article", id);
  WAIT_UNTIL (find_in (trash, "Bão số 3 đổ bộ") != NULL);
  g_assert_null (find_in (drafts, "Bão số 3 đổ bộ"));
  g_assert_null (byline_window_get_article (window));
  WAIT_UNTIL (has_label (GTK_WIDGET (window), "“Bão số 3 đổ bộ” moved to the trash"));

  /* What the toast's Undo button does. */
  activate_with_id (window, "win.restore-article", id);
  WAIT_UNTIL (find_in (drafts, "Bão số 3 đổ bộ") != NULL);
  g_assert_null (find_in (trash, "Bão số 3 đổ bộ"));

  close_windows ();
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  *(BylineArticle **) user_data = byline_import_file_finish (result, &error);
  g_assert_no_error (error);
}

static char *
expected_seed_title (GFile *seed)
{
  BylineArticle *article = NULL;
  g_autoptr(BylineArticle) owned = NULL;

  byline_import_file_async (seed, BYLINE_IMPORT_FORMAT_AUTO, NULL, import_cb, &article);
  WAIT_UNTIL (article != NULL);
  owned = article;
  return g_strdup (byline_article_get_title (article));
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The toast of a second export waits behind the first: watch the file. */
static gboolean
file_has_text (const char *path,
               const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && g_strcmp0 (contents, text) == 0;
}

static void
test_import_and_export (void)
{
  BylineWindow *window = open_window ();
  g_autofree char *root = store_root ();
  g_autofree char *seed_path = g_build_filename (g_getenv ("BYLINE_SOURCE_ROOT"), "tests", "core",
                                                 "data", "seed-article.txt", NULL);
  g_autoptr(GFile) seed = g_file_new_for_path (seed_path);
  g_autofree char *headline = expected_seed_title (seed);
  g_autofree char *html_path = g_build_filename (g_get_user_cache_dir (), "seed.html", NULL);
  g_autoptr(GFile) html = g_file_new_for_path (html_path);
  g_autofree char *expected = NULL;
  g_autofree char *exported = NULL;
  BylineRenderOptions options;
  BylineArticle *article;

  g_assert_nonnull (strstr (headline, "Mỹ Quí"));

  byline_window_import_file (window, seed);
  WAIT_UNTIL (byline_window_get_article (window) != NULL);
  article = byline_window_get_article (window);
  g_assert_cmpstr (byline_article_get_title (article), ==, headline);
  g_assert_cmpstr (adw_window_title_get_title (child (window, "window_title")), ==, headline);
  WAIT_UNTIL (disk_title_is (root, byline_article_get_id (article), headline));
  WAIT_UNTIL (find_in (library (window, BYLINE_LIBRARY_VIEW_DRAFTS), headline) != NULL);

  /* Export: the format from the name. */
  byline_window_export_file (window, html);
  WAIT_UNTIL (has_label (GTK_WIDGET (window), "Exported “seed.html”"));
  byline_render_options_init (&options);
  expected = byline_render_html_document (article, &options);
  exported = read_text (html_path);
  g_assert_cmpstr (exported, ==, expected);

  {
    g_autofree char *md_path = g_build_filename (g_get_user_cache_dir (), "seed.md", NULL);
    g_autoptr(GFile) md = g_file_new_for_path (md_path);
    g_autofree char *md_expected = byline_render_markdown (article, &options);

    byline_window_export_file (window, md);
    WAIT_UNTIL (file_has_text (md_path, md_expected));
  }

  close_windows ();
}

static void
test_import_error (void)
{
  BylineWindow *window = open_window ();
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "broken.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  write_file (path, "{ \"headline\": ", -1);
  byline_window_import_file (window, file);
  WAIT_UNTIL (has_label (GTK_WIDGET (window), "Could not import the file:"));
  g_assert_null (byline_window_get_article (window));

  close_windows ();
}

static void
test_quit_saves (void)
{
  BylineWindow *window = open_window ();
  g_autofree char *root = store_root ();
  g_autofree char *id = NULL;
  g_autofree char *session = g_build_filename (root, "session.json", NULL);
  g_autofree char *session_text = NULL;

  /* A long delay: only the final save can write it in time. */
  g_settings_set_uint (byline_application_get_settings (the_app), "autosave-delay", 30);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-article", NULL));
  id = g_strdup (byline_article_get_id (byline_window_get_article (window)));
  type_into (editor_view (window, "title_view"), "Gõ xong là thoát");
  type_into (editor_view (window, "body_view"), "Đoạn cuối cùng chưa kịp lưu.");
  g_action_group_activate_action (G_ACTION_GROUP (the_app), "quit", NULL);
  WAIT_UNTIL (!byline_application_get_saving (the_app));

  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (the_app)));
  g_assert_true (disk_title_is (root, id, "Gõ xong là thoát"));
  {
    g_autoptr(BylineArticle) saved = read_article (root, id);
    g_autofree char *text = byline_render_text (saved, NULL);

    g_assert_nonnull (strstr (text, "Đoạn cuối cùng chưa kịp lưu."));
  }
  session_text = read_text (session);
  g_assert_nonnull (strstr (session_text, "\"clean\" : true"));

  g_settings_reset (byline_application_get_settings (the_app), "autosave-delay");
}

static AdwMessageDialog *find_dialog (const char *heading);

/* Another process (byline-cli) edits a draft: the store follows its
 * header index (index.gvariant) writes. */
static void
edit_elsewhere (const char *id,
                const char *title)
{
  g_autofree char *root = store_root ();
  g_autoptr(GFile) root_file = g_file_new_for_path (root);
  g_autoptr(BylineDraftStore) cli = g_object_new (BYLINE_TYPE_DRAFT_STORE, "root", root_file,
                                                  "owns-session", FALSE, NULL);
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  byline_draft_store_load_sync (cli, NULL, &error);
  g_assert_no_error (error);
  article = open_sync (cli, id, &error);
  g_assert_no_error (error);
  byline_article_set_title (article, title);
  byline_draft_store_close_sync (cli, NULL, &error);
  g_assert_no_error (error);
}

static void
test_changed_elsewhere (void)
{
  BylineWindow *window = open_window ();
  g_autofree char *root = store_root ();
  g_autofree char *id = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-article", NULL));
  id = g_strdup (byline_article_get_id (byline_window_get_article (window)));
  type_into (editor_view (window, "title_view"), "Bản đầu");
  WAIT_UNTIL (disk_title_is (root, id, "Bản đầu"));
  WAIT_UNTIL (g_strcmp0 (adw_window_title_get_subtitle (child (window, "window_title")), "Saved") == 0);

  /* Clean here: the editor switches to the other version. */
  edit_elsewhere (id, "Bản do máy khác sửa");
  WAIT_UNTIL (g_strcmp0 (byline_article_get_title (byline_window_get_article (window)), "Bản do máy khác sửa") == 0);
  g_assert_cmpstr (adw_window_title_get_title (child (window, "window_title")), ==, "Bản do máy khác sửa");

  /* Unsaved changes here: the reporter chooses; Keep Mine writes mine. */
  g_settings_set_uint (byline_application_get_settings (the_app), "autosave-delay", 30);
  type_into (editor_view (window, "title_view"), " và của tôi");
  edit_elsewhere (id, "Bản thứ ba");
  WAIT_UNTIL (find_dialog ("Draft Changed by Another Program") != NULL);
  dialog = find_dialog ("Draft Changed by Another Program");
  adw_message_dialog_response (dialog, "mine");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  WAIT_UNTIL (disk_title_is (root, id, "Bản do máy khác sửa và của tôi"));

  g_settings_reset (byline_application_get_settings (the_app), "autosave-delay");
  close_windows ();
}

/* A draft whose folder cannot be written (a file in its place stops even
 * root): the window says it is not saved and why, Retry saves it once the
 * cause is gone. */
static void
test_save_error_and_retry (void)
{
  BylineWindow *window = open_window ();
  g_autofree char *root = store_root ();
  g_autofree char *bundle = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *id = NULL;
  AdwWindowTitle *window_title = child (window, "window_title");
  GtkRevealer *error_bar = child (window, "save_error_revealer");
  GtkLabel *error_label = child (window, "save_error_label");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-article", NULL));
  id = g_strdup (byline_article_get_id (byline_window_get_article (window)));
  bundle = g_build_filename (root, "drafts", id, NULL);
  moved = g_strconcat (bundle, ".away", NULL);
  type_into (editor_view (window, "title_view"), "Bản thảo");
  WAIT_UNTIL (disk_title_is (root, id, "Bản thảo"));

  g_assert_cmpint (g_rename (bundle, moved), ==, 0);
  write_file (bundle, "not a folder", -1);
  type_into (editor_view (window, "title_view"), " chưa lưu được");
  WAIT_UNTIL (gtk_revealer_get_reveal_child (error_bar));
  g_assert_cmpstr (adw_window_title_get_subtitle (window_title), ==, "Not saved");
  g_assert_true (g_str_has_prefix (gtk_label_get_label (error_label), "Not saved: "));

  g_assert_cmpint (g_unlink (bundle), ==, 0);
  g_assert_cmpint (g_rename (moved, bundle), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  WAIT_UNTIL (disk_title_is (root, id, "Bản thảo chưa lưu được"));
  WAIT_UNTIL (!gtk_revealer_get_reveal_child (error_bar));
  WAIT_UNTIL (g_strcmp0 (adw_window_title_get_subtitle (window_title), "Saved") == 0);

  close_windows ();
}

static void
test_crash_recovery (void)
{
  g_autofree char *root = store_root ();
  g_autofree char *id = write_article (root, "Bài đang viết dở", "Khi máy tắt", "Nội dung.");
  g_autofree char *session = g_build_filename (root, "session.json", NULL);
  g_autofree char *json = g_strdup_printf ("{\"version\":1,\"clean\":false,\"open\":[\"%s\"]}", id);
  BylineWindow *window;

  write_file (session, json, -1);
  window = open_window ();

  WAIT_UNTIL (byline_window_get_article (window) != NULL);
  g_assert_cmpstr (byline_article_get_id (byline_window_get_article (window)), ==, id);
  g_assert_cmpstr (byline_article_get_title (byline_window_get_article (window)), ==, "Bài đang viết dở");
  WAIT_UNTIL (has_label (GTK_WIDGET (window), "Recovered 1 article that was open when Byline stopped"));

  close_windows ();
}

static void
test_damaged_draft (void)
{
  g_autofree char *root = store_root ();
  g_autofree char *good = write_article (root, "Vẫn còn nguyên", NULL, "Nội dung.");
  g_autofree char *bad = g_uuid_string_random ();
  g_autofree char *bad_path = article_path (root, bad);
  BylineWindow *window;

  write_file (bad_path, "{\"version\":1,\"id\":", -1);
  window = open_window ();

  WAIT_UNTIL (has_label (GTK_WIDGET (window), "A damaged draft was set aside:"));
  close_windows ();

  /* Several: one notice that counts them. */
  {
    g_autofree char *bad2 = g_uuid_string_random ();
    g_autofree char *bad3 = g_uuid_string_random ();
    g_autofree char *path2 = article_path (root, bad2);
    g_autofree char *path3 = article_path (root, bad3);

    write_file (path2, "\x89PNG", -1);
    write_file (path3, "[]", -1);
  }
  window = open_window ();
  WAIT_UNTIL (has_label (GTK_WIDGET (window), "2 damaged drafts were set aside, the first:"));
  WAIT_UNTIL (find_in (library (window, BYLINE_LIBRARY_VIEW_DRAFTS), "Vẫn còn nguyên") != NULL);
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));

  close_windows ();
}

static void
test_read_only_draft (void)
{
  g_autofree char *root = store_root ();
  g_autoptr(BylineArticle) source = make_article ("Từ bản mới hơn", "Dẫn", "Thân bài.");
  g_autoptr(JsonNode) node = byline_article_to_json (source);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *json = NULL;
  g_autofree char *path = article_path (root, byline_article_get_id (source));
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  BylineWindow *window;

  json_object_set_int_member (json_node_get_object (node), "version", BYLINE_ARTICLE_SCHEMA_VERSION + 1);
  json_generator_set_root (generator, node);
  json = json_generator_to_data (generator, NULL);
  write_file (path, json, -1);
  before = read_bytes (path);

  window = open_window ();
  byline_window_open_draft (window, byline_article_get_id (source));
  WAIT_UNTIL (byline_window_get_article (window) != NULL);

  g_assert_false (gtk_text_view_get_editable (editor_view (window, "title_view")));
  g_assert_false (gtk_text_view_get_editable (editor_view (window, "body_view")));
  g_assert_false (gtk_widget_is_sensitive (child (window, "article_panel")));
  g_assert_true (gtk_revealer_get_reveal_child (child (window, "read_only_revealer")));
  g_assert_cmpstr (adw_window_title_get_subtitle (child (window, "window_title")), ==, "Read-only");
  /* Typing does nothing; the file is left as it was. */
  g_assert_false (gtk_text_buffer_insert_interactive_at_cursor (gtk_text_view_get_buffer (editor_view (window, "title_view")),
                                                                "x", -1, FALSE));

  close_windows ();
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  /* An ordinary draft opened next is editable again. */
  window = open_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-article", NULL));
  g_assert_true (gtk_text_view_get_editable (editor_view (window, "title_view")));
  g_assert_false (gtk_revealer_get_reveal_child (child (window, "read_only_revealer")));
  close_windows ();
}

/* Publishing ---------------------------------------------------------------- */

static AdwMessageDialog *
find_dialog (const char *heading)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static GtkWindow *
find_preferences (void)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (BYLINE_IS_PREFERENCES_WINDOW (window))
        return window;
    }

  return NULL;
}

static void
test_publish_without_site (void)
{
  BylineWindow *window = open_window ();
  GtkWindow *preferences;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (byline_application_get_sites (the_app))), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-article", NULL));
  g_assert_true (gtk_widget_get_visible (child (window, "publish_button")));
  g_assert_cmpstr (gtk_button_get_label (child (window, "publish_button")), ==, "_Publish");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.publish", NULL));
  WAIT_UNTIL (find_preferences () != NULL);
  preferences = find_preferences ();
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (preferences)), ==, "sites");
  g_assert_true (has_label (GTK_WIDGET (window), "Add the site to publish to"));

  gtk_window_destroy (preferences);
  close_windows ();
}

/* A site with its categories cached, as after adding it online; its
 * password is not in any keyring (there is none here). */
static BylineSite *
add_offline_site (void)
{
  BylineSiteList *sites = byline_application_get_sites (the_app);
  g_autoptr(BylineSiteTerms) terms = byline_site_terms_new ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  BylineSite *site = byline_site_new ();

  byline_site_set_name (site, "Báo Thử");
  byline_site_set_url (site, "http://127.0.0.1:1/");
  byline_site_set_user (site, "nguyenthu");
  byline_site_list_add (sites, site);
  byline_site_list_set_default (sites, site);

  g_ptr_array_add (terms->categories, byline_cms_term_new (3, "Tin tức"));
  terms->fetched = g_date_time_new_now_utc ();
  path = byline_site_terms_path (site);
  byline_site_terms_save (path, terms, &error);
  g_assert_no_error (error);
  return site;
}

#define LONG_TITLE "Lúa Đông Xuân được mùa được giá: nông dân Tháp Mười lãi gần gấp đôi vụ trước nhờ liên kết " \
                   "tiêu thụ với hợp tác xã và giảm chi phí phân bón, thuốc bảo vệ thực vật"

static void
test_publish_preflight_and_outbox (void)
{
  BylineWindow *window = open_window ();
  g_autoptr(BylineSite) site = add_offline_site ();
  BylinePublishBar *bar = child (window, "publish_bar");
  AdwMessageDialog *dialog;
  BylineArticle *article;
  g_autofree char *id = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-article", NULL));
  article = byline_window_get_article (window);
  id = g_strdup (byline_article_get_id (article));

  /* No title, no category: blocked, nothing queued. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.publish", NULL));
  WAIT_UNTIL (find_dialog ("Cannot Publish Yet") != NULL);
  dialog = find_dialog ("Cannot Publish Yet");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Choose a category."));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (byline_outbox_get_state (byline_application_get_outbox (the_app), id), ==,
                   BYLINE_OUTBOX_STATE_NONE);

  /* Fixed, but the title is over 150 characters: a warning only, and
   * Publish Anyway queues it. */
  type_into (editor_view (window, "title_view"), LONG_TITLE);
  g_assert_cmpstr (byline_article_get_title (article), ==, LONG_TITLE);
  byline_article_set_category (article, "Tin tức");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.publish", NULL));
  WAIT_UNTIL (find_dialog ("Publish Anyway?") != NULL);
  dialog = find_dialog ("Publish Anyway?");
  g_assert_null (find_dialog ("Cannot Publish Yet"));
  adw_message_dialog_response (dialog, "publish");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Without a password in a keyring it cannot sign in: it stops and says
   * what to do; the library lists it in the Outbox as failed. */
  WAIT_UNTIL (byline_publish_bar_get_state (bar) == BYLINE_OUTBOX_STATE_FAILED);
  g_assert_nonnull (strstr (byline_publish_bar_get_text (bar), "Preferences → Sites"));
  WAIT_UNTIL (find_in (library (window, BYLINE_LIBRARY_VIEW_OUTBOX), LONG_TITLE) != NULL);
  g_assert_cmpstr (byline_draft_info_get_state (find_in (library (window, BYLINE_LIBRARY_VIEW_OUTBOX),
                                                         LONG_TITLE)), ==, "failed");

  /* Cancel Publishing: back to a draft (once the job has let go). */
  WAIT_UNTIL (!byline_outbox_get_busy (byline_application_get_outbox (the_app)));
  {
    g_autoptr(GError) error = NULL;

    byline_outbox_cancel (byline_application_get_outbox (the_app), id, &error);
    g_assert_no_error (error);
  }
  WAIT_UNTIL (find_in (library (window, BYLINE_LIBRARY_VIEW_DRAFTS), LONG_TITLE) != NULL);

  byline_site_list_remove (byline_application_get_sites (the_app), byline_site_get_id (site));
  close_windows ();
}

static void
test_relative_time (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (zone, 2026, 11, 28, 15, 30, 0);
  struct { int days, hours, minutes, seconds; const char *expected; } cases[] = {
    { 0, 0, 0, -20, "Just now" },
    { 0, 0, -1, 0, "1 minute ago" },
    { 0, 0, -45, 0, "45 minutes ago" },
    { 0, -3, 0, 0, "12:30" },
    { -1, 0, 0, 0, "Yesterday" },
    { -10, 0, 0, 0, "18 November" },
    { -400, 0, 0, 0, "24 October 2025" },
  };
  g_autoptr(GDateTime) new_year = g_date_time_new (zone, 2027, 1, 1, 9, 0, 0);
  g_autoptr(GDateTime) new_years_eve = g_date_time_new (zone, 2026, 12, 31, 22, 0, 0);
  g_autofree char *across = byline_library_row_format_time (new_years_eve, new_year);

  /* Yesterday across the new year, too. */
  g_assert_cmpstr (across, ==, "Yesterday");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) then = g_date_time_add_full (now, 0, 0, cases[i].days, cases[i].hours,
                                                        cases[i].minutes, cases[i].seconds);
      g_autofree char *text = byline_library_row_format_time (then, now);

      g_assert_cmpstr (g_strstrip (text), ==, cases[i].expected);
    }
}

/* A row shows each field on one line, whatever its length, and makes a
 * badge only for a draft the outbox has a state for. */
static GtkWidget *
find_badge (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "byline-state-badge"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_badge (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
bound_row (const char *title,
           const char *lead,
           const char *state)
{
  g_autoptr(BylineDraftEntry) entry = byline_draft_entry_new ("8d3a2f4e-0000-4000-8000-000000000001");
  g_autoptr(BylineDraftInfo) info = NULL;
  GtkWidget *row = g_object_ref_sink (byline_library_row_new ());

  g_free (entry->title);
  entry->title = g_strdup (title);
  g_free (entry->lead);
  entry->lead = g_strdup (lead);
  g_free (entry->state);
  entry->state = g_strdup (state);
  entry->modified = g_get_real_time ();
  info = byline_draft_info_new (entry);
  byline_library_row_set_info (BYLINE_LIBRARY_ROW (row), info);
  return row;
}

static void
test_library_row (void)
{
  g_autoptr(GString) long_title = g_string_new (NULL);
  g_autoptr(GtkWidget) plain = NULL;
  g_autoptr(GtkWidget) failed = NULL;
  GtkLabel *title;
  GtkLabel *lead;
  GtkWidget *badge;

  for (guint i = 0; i < 40; i++)
    g_string_append (long_title, "Bão số 3 ");
  plain = bound_row (long_title->str, "Chiều 7/9, bão số 3 đã đổ bộ.", "draft");
  failed = bound_row ("Giá lúa tăng", "Nông dân phấn khởi.", "failed");

  title = GTK_LABEL (gtk_widget_get_first_child (plain));
  lead = GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (title)));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (title), "Bão số 3 Bão số 3"));
  g_assert_true (g_str_has_suffix (gtk_label_get_label (title), "…"));
  g_assert_cmpint (g_utf8_strlen (gtk_label_get_label (title), -1), <, 360);
  g_assert_cmpstr (gtk_label_get_label (lead), ==, "Chiều 7/9, bão số 3 đã đổ bộ.");
  g_assert_false (gtk_label_get_wrap (lead));
  g_assert_cmpint (gtk_label_get_ellipsize (lead), ==, PANGO_ELLIPSIZE_END);
  g_assert_null (find_badge (plain));

  badge = find_badge (failed);
  g_assert_nonnull (badge);
  g_assert_true (gtk_widget_get_visible (badge));
  g_assert_true (gtk_widget_has_css_class (badge, "error"));

  /* Recycled for a plain draft, the row hides its badge. */
  byline_library_row_set_info (BYLINE_LIBRARY_ROW (failed),
                               byline_library_row_get_info (BYLINE_LIBRARY_ROW (plain)));
  g_assert_false (gtk_widget_get_visible (badge));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* headless-run gives throwaway XDG folders; ISOLATE_DIRS would empty
   * XDG_DATA_DIRS and GTK would lose its icons. */
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  the_app = byline_application_new ();
  {
    g_autoptr(GError) error = NULL;

    g_application_register (G_APPLICATION (the_app), NULL, &error);
    g_assert_no_error (error);
  }

  g_test_add_func ("/workspace/relative-time", test_relative_time);
  g_test_add_func ("/workspace/library-row", test_library_row);
  g_test_add_func ("/workspace/new-article-autosaves", test_new_article_autosaves);
  g_test_add_func ("/workspace/search", test_search);
  g_test_add_func ("/workspace/trash-and-undo", test_trash_and_undo);
  g_test_add_func ("/workspace/import-and-export", test_import_and_export);
  g_test_add_func ("/workspace/import-error", test_import_error);
  g_test_add_func ("/workspace/quit-saves", test_quit_saves);
  g_test_add_func ("/workspace/save-error-and-retry", test_save_error_and_retry);
  g_test_add_func ("/workspace/changed-elsewhere", test_changed_elsewhere);
  g_test_add_func ("/workspace/crash-recovery", test_crash_recovery);
  g_test_add_func ("/workspace/damaged-draft", test_damaged_draft);
  g_test_add_func ("/workspace/read-only-draft", test_read_only_draft);
  g_test_add_func ("/workspace/publish-without-site", test_publish_without_site);
  g_test_add_func ("/workspace/publish-preflight-and-outbox", test_publish_preflight_and_outbox);

  status = g_test_run ();
  g_clear_object (&the_app);

  return status;
}
