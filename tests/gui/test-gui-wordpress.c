/* test-gui-wordpress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reporter's whole way against the real WordPress of the testbed, in
 * the window: add the site in Preferences → Sites (a wrong password first),
 * write an article, Publish, and see it published with its link. Runs in
 * the 'wordpress' suite, in Xvfb with a real keyring
 * (headless-run keyring-run test-gui-wordpress).
 */

#include "config.h"

#include <adwaita.h>

#include "byline-application.h"
#include "byline-editor.h"
#include "byline-library-pane.h"
#include "byline-preferences-window.h"
#include "byline-publish-bar.h"
#include "byline-sites-page.h"
#include "byline-window.h"
#include "draft-store-testutil.h"
#include "photo-fixtures.h"
#include "wp-testbed.h"

static BylineApplication *the_app;

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

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_descendant (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static void
fill_site (GtkWidget  *page,
           const char *password)
{
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (page, BYLINE_TYPE_SITES_PAGE, "url_row")),
                         testbed.url);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (page, BYLINE_TYPE_SITES_PAGE, "user_row")),
                         testbed.author);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (page, BYLINE_TYPE_SITES_PAGE, "password_row")),
                         password);
  byline_sites_page_add_site (BYLINE_SITES_PAGE (page));
  WAIT_UNTIL (!byline_sites_page_get_busy (BYLINE_SITES_PAGE (page)));
}

static void
add_site_in_preferences (void)
{
  BylineSiteList *sites = byline_application_get_sites (the_app);
  GtkWidget *preferences;
  GtkWidget *page;
  GtkLabel *error_label;

  byline_application_show_preferences (the_app, "sites");
  preferences = GTK_WIDGET (find_toplevel (BYLINE_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (preferences);
  page = find_descendant (preferences, BYLINE_TYPE_SITES_PAGE);
  g_assert_nonnull (page);
  error_label = GTK_LABEL (gtk_widget_get_template_child (page, BYLINE_TYPE_SITES_PAGE, "error_label"));

  /* A wrong application password: said so, nothing added. */
  fill_site (page, "aaaa bbbb cccc dddd eeee ffff");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (error_label),
                                   "The user name or the application password is wrong"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sites)), ==, 0);

  fill_site (page, testbed.author_password);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sites)), ==, 1);
  g_assert_nonnull (byline_site_list_get_default (sites));

  gtk_window_destroy (GTK_WINDOW (preferences));
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
  WAIT_UNTIL (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  {
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

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

  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!byline_application_get_saving (the_app));
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
  the_app = byline_application_new ();
  {
    g_autoptr(GError) error = NULL;

    g_application_register (G_APPLICATION (the_app), NULL, &error);
    g_assert_no_error (error);
  }

  g_test_add_func ("/gui-wordpress/add-site-and-publish", test_add_site_and_publish);

  status = g_test_run ();
  g_clear_object (&the_app);
  return status;
}
