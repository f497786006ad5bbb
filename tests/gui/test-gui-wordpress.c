/* test-gui-wordpress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reporter's whole way against the real WordPress of the testbed, in
 * the window: add the site in Preferences → Sites (a wrong password first),
 * write an article, Publish, and see it published with its link; Update
 * changes the same post; when the desk edited the post on the site first,
 * Update raises the conflict and each of its answers does what it says.
 * Runs in the 'wordpress' suite, in Xvfb with a real keyring
 * (headless-run keyring-run test-gui-wordpress). What the site holds is
 * read back as the administrator, independently of the code under test.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "byline-application.h"
#include "byline-editor.h"
#include "byline-library-pane.h"
#include "byline-preferences-window.h"
#include "byline-publish-bar.h"
#include "byline-sites-page.h"
#include "byline-window.h"
#include "draft-store-testutil.h"
#include "gui-wordpress-util.h"
#include "photo-fixtures.h"
#include "wp-admin.h"
#include "wp-testbed.h"

static BylineApplication *the_app;

/* The window and article the tests after the first go on with. */
static BylineWindow *the_window;
static BylineArticle *the_article;
static gint64 the_post_id;
/* In the titles of this run's edits: finds them on a shared site. */
static char *marker;
/* Where the stand-in browser writes the addresses it was asked to open. */
static char *opened_uris_path;

/* A notification server on the test's bus, to see what the desktop would
 * show. */
static GPtrArray *notifications;

static const char notifications_xml[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  "<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='as' direction='in'/><arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "<arg type='u' direction='out'/></method>"
  "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "</interface></node>";

static void
notifications_method_cb (GDBusConnection       *connection,
                         const char            *sender,
                         const char            *object_path,
                         const char            *interface_name,
                         const char            *method_name,
                         GVariant              *parameters,
                         GDBusMethodInvocation *invocation,
                         gpointer               user_data)
{
  const char *summary;
  const char *body;

  if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
      return;
    }

  g_variant_get_child (parameters, 3, "&s", &summary);
  g_variant_get_child (parameters, 4, "&s", &body);
  g_ptr_array_add (notifications, g_strdup_printf ("%s|%s", summary, body));
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", notifications->len));
}

static void
start_notification_server (void)
{
  static const GDBusInterfaceVTable vtable = { notifications_method_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GVariant) reply = NULL;

  g_assert_no_error (error);
  notifications = g_ptr_array_new_with_free_func (g_free);
  g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications", info->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.Notifications", 4),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

static gpointer
window_child (BylineWindow *window,
              const char   *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window), BYLINE_TYPE_WINDOW, name);
}

static void
add_site_in_preferences (void)
{
  BylineSiteList *sites = byline_application_get_sites (the_app);
  GtkWidget *page = gui_wp_show_sites_page (the_app);
  GtkLabel *error_label = GTK_LABEL (gtk_widget_get_template_child (page, BYLINE_TYPE_SITES_PAGE, "error_label"));

  /* A wrong application password: said so, nothing added. */
  gui_wp_fill_site (page, "aaaa bbbb cccc dddd eeee ffff");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (error_label),
                                   "The user name or the application password is wrong"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sites)), ==, 0);

  gui_wp_fill_site (page, testbed.author_password);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sites)), ==, 1);
  g_assert_nonnull (byline_site_list_get_default (sites));

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (page)));
}

/* What the bar said while the photo went up. */
static GPtrArray *progress_texts;

static void
progress_cb (BylineOutbox *outbox,
             const char   *article_id,
             int           state,
             guint         photo,
             guint         n_photos,
             gint64        sent,
             gint64        total,
             gpointer      bar)
{
  g_ptr_array_add (progress_texts, g_strdup (byline_publish_bar_get_text (bar)));
}

static void
test_add_site_and_publish (void)
{
  BylineWindow *window;
  BylinePublishBar *bar;
  BylineArticle *article;
  GtkTextView *title;
  GListModel *published;
  g_autofree char *id = NULL;

  g_application_activate (G_APPLICATION (the_app));
  window = BYLINE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (the_app)));
  WAIT_UNTIL (byline_draft_store_get_loaded (byline_application_get_draft_store (the_app)));

  add_site_in_preferences ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-article", NULL));
  article = byline_window_get_article (window);
  id = g_strdup (byline_article_get_id (article));
  title = GTK_TEXT_VIEW (gtk_widget_get_template_child (window_child (window, "editor"), BYLINE_TYPE_EDITOR,
                                                        "title_view"));
  gtk_text_buffer_insert_interactive_at_cursor (gtk_text_view_get_buffer (title),
                                                "Mỹ Quí ra quân làm thủy lợi", -1, TRUE);
  byline_article_set_category (article, "Thời sự");

  /* A photo, attached as a file given to Byline would be. */
  {
    g_autofree char *jpeg = fixture_make_image ("kenh-muong.jpg", 3000, 2000, 3);
    g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
    g_autoptr(GFile) file = g_file_new_for_path (jpeg);

    g_list_store_append (files, file);
    byline_window_attach_photos (window, G_LIST_MODEL (files));
    WAIT_UNTIL (g_list_model_get_n_items (byline_article_get_photos (article)) == 1);
  }

  bar = window_child (window, "publish_bar");
  progress_texts = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_after (byline_application_get_outbox (the_app), "progress", G_CALLBACK (progress_cb), bar);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.publish", NULL));

  /* The photo has no alt text and no credit: warnings, so it asks. */
  WAIT_UNTIL (gui_wp_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  {
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (gui_wp_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Publish Anyway?");
    adw_message_dialog_response (dialog, "publish");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  WAIT_UNTIL (byline_publish_bar_get_state (bar) == BYLINE_OUTBOX_STATE_DONE ||
              byline_publish_bar_get_state (bar) == BYLINE_OUTBOX_STATE_FAILED);
  g_assert_cmpint (byline_publish_bar_get_state (bar), ==, BYLINE_OUTBOX_STATE_DONE);
  g_assert_cmpstr (byline_publish_bar_get_text (bar), ==, "Published");
  g_assert_cmpuint (progress_texts->len, >, 0);
  for (guint i = 0; i < progress_texts->len; i++)
    g_assert_true (g_str_has_prefix (progress_texts->pdata[i], "Sending photo 1 of 1 ("));
  g_signal_handlers_disconnect_by_func (byline_application_get_outbox (the_app), progress_cb, bar);

  /* The link, the library, and Update from now on. */
  WAIT_UNTIL (byline_article_get_remote_link (article) != NULL);
  g_assert_true (g_str_has_prefix (byline_article_get_remote_link (article), testbed.url));
  g_assert_cmpstr (gtk_button_get_label (window_child (window, "publish_button")), ==, "_Update");
  /* The desktop is told, with the title. */
  WAIT_UNTIL (notifications->len == 1);
  g_assert_cmpstr (notifications->pdata[0], ==, "Article Published|Mỹ Quí ra quân làm thủy lợi");
  published = byline_library_pane_get_model (window_child (window, "library_pane"), BYLINE_LIBRARY_VIEW_PUBLISHED);
  WAIT_UNTIL (g_list_model_get_n_items (published) == 1);

  the_window = window;
  the_article = article;
  the_post_id = byline_article_get_remote_post_id (article);
  g_assert_cmpint (the_post_id, >, 0);
}

/* Update, and the desk's edits -------------------------------------------- */

/* The states the outbox went through since the last press. */
static GArray *states;

static void
state_changed_cb (BylineOutbox *outbox,
                  const char   *article_id,
                  int           state,
                  gpointer      user_data)
{
  /* The first publish is followed through the bar. */
  if (the_article != NULL && g_strcmp0 (article_id, byline_article_get_id (the_article)) == 0)
    g_array_append_val (states, state);
}

static gboolean
settled (void)
{
  for (guint i = 0; i < states->len; i++)
    {
      int state = g_array_index (states, int, i);

      if (state == BYLINE_OUTBOX_STATE_DONE || state == BYLINE_OUTBOX_STATE_FAILED ||
          state == BYLINE_OUTBOX_STATE_CONFLICT)
        return TRUE;
    }
  return FALSE;
}

/* Where the sending of the last press stopped. */
static BylineOutboxState
wait_for_outcome (void)
{
  WAIT_UNTIL (settled ());
  return byline_outbox_get_state (byline_application_get_outbox (the_app),
                                  byline_article_get_id (the_article));
}

/* One click on Update; the photo still has no alt text and no credit, so
 * the pre-flight check asks again. */
static void
press_update (void)
{
  GtkWidget *button = window_child (the_window, "publish_button");

  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Update");
  g_array_set_size (states, 0);
  g_signal_emit_by_name (button, "clicked");
  gui_wp_click_response ("Publish Anyway?", "_Publish Anyway");
}

static void
reporter_retitles (const char *title)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_widget_get_template_child (window_child (the_window, "editor"),
                                                                   BYLINE_TYPE_EDITOR, "title_view"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete_interactive (buffer, &start, &end, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, title, -1, TRUE);
}

static void
set_true_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, set_true_cb, &done);
  WAIT_UNTIL (done);
}

/* The desk retitles the post in WordPress. Returns its modified_gmt. */
static char *
desk_retitles (const char *title)
{
  g_autofree char *route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, the_post_id);
  g_autofree char *body = g_strdup_printf ("{\"title\": \"%s\"}", title);
  g_autoptr(JsonNode) post = NULL;

  /* WordPress's modified_gmt has one-second steps: an edit in the same
   * second as Byline's would look like no edit. */
  spin (1100);
  post = wp_admin_request ("POST", route, NULL, body);
  return g_strdup (json_object_get_string_member (json_node_get_object (post), "modified_gmt"));
}

static char *
site_title (JsonObject *post)
{
  return g_strdup (json_object_get_string_member (json_object_get_object_member (post, "title"), "raw"));
}

/* One post of this run on the site, with the one photo: an update never
 * makes a second of either. */
static void
assert_one_post (void)
{
  g_assert_cmpuint (wp_admin_posts_with (marker), ==, 1);
  g_assert_cmpuint (wp_admin_media_of (the_post_id), ==, 1);
  g_assert_cmpint (byline_article_get_remote_post_id (the_article), ==, the_post_id);
}

static void
test_update (void)
{
  g_autofree char *title = g_strdup_printf ("Mỹ Quí ra quân làm thủy lợi (%s)", marker);
  g_autoptr(JsonObject) post = NULL;
  g_autofree char *on_site = NULL;

  g_autoptr(BylineSite) other = byline_site_new ();
  BylineSiteList *sites = byline_application_get_sites (the_app);

  /* With a second site, Update still goes to the post's, unasked. */
  byline_site_set_name (other, "Báo Khác");
  byline_site_set_url (other, "https://example.invalid/");
  byline_site_set_user (other, "nguyenthu");
  byline_site_list_add (sites, other);

  reporter_retitles (title);
  press_update ();
  g_assert_cmpint (wait_for_outcome (), ==, BYLINE_OUTBOX_STATE_DONE);
  g_assert_cmpstr (byline_publish_bar_get_text (window_child (the_window, "publish_bar")), ==,
                   "Updated on the site");
  g_assert_null (gui_wp_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (byline_site_list_remove (sites, byline_site_get_id (other)));

  post = wp_admin_get_post (the_post_id);
  on_site = site_title (post);
  g_assert_cmpstr (on_site, ==, title);
  assert_one_post ();
}

static const char conflict_heading[] = "The Post Was Changed on the Site";
static char *desk_title;
static char *desk_modified;
static char *reporter_title;

/* The site keeps the desk's edit, untouched since. */
static void
assert_desk_edit_kept (void)
{
  g_autoptr(JsonObject) post = wp_admin_get_post (the_post_id);
  g_autofree char *on_site = site_title (post);

  g_assert_cmpstr (on_site, ==, desk_title);
  g_assert_cmpstr (json_object_get_string_member (post, "modified_gmt"), ==, desk_modified);
  assert_one_post ();
}

static void
test_conflict_cancel (void)
{
  BylineOutbox *outbox = byline_application_get_outbox (the_app);
  BylinePublishBar *bar = window_child (the_window, "publish_bar");

  desk_title = g_strdup_printf ("Tiêu đề do ban biên tập sửa (%s)", marker);
  reporter_title = g_strdup_printf ("Mỹ Quí ra quân, phóng viên sửa (%s)", marker);
  desk_modified = desk_retitles (desk_title);
  reporter_retitles (reporter_title);
  press_update ();

  /* Asked at once, without a click on Resolve. */
  g_assert_cmpint (wait_for_outcome (), ==, BYLINE_OUTBOX_STATE_CONFLICT);
  gui_wp_click_response (conflict_heading, "_Cancel Publishing");
  WAIT_UNTIL (byline_outbox_get_state (outbox, byline_article_get_id (the_article)) == BYLINE_OUTBOX_STATE_NONE);
  g_assert_cmpint (byline_publish_bar_get_state (bar), ==, BYLINE_OUTBOX_STATE_NONE);

  assert_desk_edit_kept ();
  /* The reporter's edit stays in the article, for later. */
  g_assert_cmpstr (byline_article_get_title (the_article), ==, reporter_title);
}

static GtkWidget *
resolve_button (void)
{
  return GTK_WIDGET (gtk_widget_get_template_child (window_child (the_window, "publish_bar"),
                                                    BYLINE_TYPE_PUBLISH_BAR, "resolve_button"));
}

static void
test_conflict_open (void)
{
  g_autoptr(JsonObject) post = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *expected = NULL;

  /* Byline still knows the post as it was before the desk's edit. */
  press_update ();
  g_assert_cmpint (wait_for_outcome (), ==, BYLINE_OUTBOX_STATE_CONFLICT);
  gui_wp_click_response (conflict_heading, "_Open on the Site");

  /* The desktop's browser is asked for the post's own page. */
  post = wp_admin_get_post (the_post_id);
  expected = g_strconcat (json_object_get_string_member (post, "link"), "\n", NULL);
  WAIT_UNTIL (g_file_test (opened_uris_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (opened_uris_path, &opened, NULL, NULL));
  g_assert_cmpstr (opened, ==, expected);

  /* Nothing sent; the question waits behind Resolve. */
  g_assert_cmpint (byline_publish_bar_get_state (window_child (the_window, "publish_bar")), ==,
                   BYLINE_OUTBOX_STATE_CONFLICT);
  g_assert_true (gtk_widget_get_visible (resolve_button ()));
  assert_desk_edit_kept ();
  g_assert_cmpstr (byline_article_get_title (the_article), ==, reporter_title);
}

static void
test_conflict_overwrite (void)
{
  BylinePublishBar *bar = window_child (the_window, "publish_bar");
  g_autoptr(JsonObject) post = NULL;
  g_autofree char *on_site = NULL;

  g_array_set_size (states, 0);
  g_signal_emit_by_name (resolve_button (), "clicked");
  gui_wp_click_response (conflict_heading, "_Overwrite");
  g_assert_cmpint (wait_for_outcome (), ==, BYLINE_OUTBOX_STATE_DONE);
  g_assert_cmpstr (byline_publish_bar_get_text (bar), ==, "Updated on the site");

  /* The same post, now with the reporter's text over the desk's. */
  post = wp_admin_get_post (the_post_id);
  on_site = site_title (post);
  g_assert_cmpstr (on_site, ==, reporter_title);
  /* Byline now knows the post as it is on the site, so the next Update is
   * no conflict. (Not compared with desk_modified: WordPress counts in
   * whole seconds, and the overwrite may fall in the desk's second.) */
  WAIT_UNTIL (g_strcmp0 (byline_article_get_remote_modified (the_article),
                         json_object_get_string_member (post, "modified_gmt")) == 0);
  assert_one_post ();

  gtk_window_destroy (GTK_WINDOW (the_window));
  WAIT_UNTIL (!byline_application_get_saving (the_app));
}

/* "Open on the Site" goes through the desktop's handler of web addresses:
 * here a script that writes down the address instead of a browser. */
static void
install_stand_in_browser (void)
{
  g_autofree char *script = g_build_filename (g_get_user_data_dir (), "open-uri", NULL);
  g_autofree char *apps = g_build_filename (g_get_user_data_dir (), "applications", NULL);
  g_autofree char *desktop_file = g_build_filename (apps, "byline-test-browser.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (g_get_user_config_dir (), "mimeapps.list", NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_text = NULL;
  g_autoptr(GError) error = NULL;

  opened_uris_path = g_build_filename (g_get_user_data_dir (), "opened-uris", NULL);
  /* Written then renamed: the test sees the whole address or none. */
  script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" > '%s.part' && mv '%s.part' '%s'\n",
                                 opened_uris_path, opened_uris_path, opened_uris_path);
  desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Stand-in Browser\n"
                                  "Exec=%s %%u\nNoDisplay=true\n"
                                  "MimeType=x-scheme-handler/http;x-scheme-handler/https;\n", script);
  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  g_file_set_contents (script, script_text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  g_file_set_contents (desktop_file, desktop_text, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (mimeapps,
                       "[Default Applications]\n"
                       "x-scheme-handler/http=byline-test-browser.desktop\n"
                       "x-scheme-handler/https=byline-test-browser.desktop\n", -1, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  fixture_init ();
  gtk_init ();
  adw_init ();
  if (!testbed_load ())
    g_error ("No testbed: run through tools/test, or set BYLINE_WP_ENV");

  start_notification_server ();
  install_stand_in_browser ();
  marker = g_strdup_printf ("guipub%08x", g_random_int ());
  states = g_array_new (FALSE, FALSE, sizeof (int));
  the_app = byline_application_new ();
  {
    g_autoptr(GError) error = NULL;

    g_application_register (G_APPLICATION (the_app), NULL, &error);
    g_assert_no_error (error);
  }

  g_signal_connect (byline_application_get_outbox (the_app), "state-changed",
                    G_CALLBACK (state_changed_cb), NULL);

  /* In this order: each goes on from where the one before left the post. */
  g_test_add_func ("/gui-wordpress/add-site-and-publish", test_add_site_and_publish);
  g_test_add_func ("/gui-wordpress/update", test_update);
  g_test_add_func ("/gui-wordpress/conflict/cancel", test_conflict_cancel);
  g_test_add_func ("/gui-wordpress/conflict/open-on-the-site", test_conflict_open);
  g_test_add_func ("/gui-wordpress/conflict/overwrite", test_conflict_overwrite);

  status = g_test_run ();
  g_clear_object (&the_app);
  return status;
}
