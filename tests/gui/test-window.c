/* test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the application through its actions, as a user would through the
 * menu and the keyboard, and checks the widgets and settings that result.
 */

#include "config.h"

#include <adwaita.h>

#include "byline-application.h"
#include "byline-preferences-window.h"
#include "byline-window.h"

static void
spin_until_idle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

/* One application for the whole program, as in a real session: it is
 * registered on the private test bus once, and each test opens a window. */
static BylineApplication *the_app;

static BylineApplication *
start_application (void)
{
  g_application_activate (G_APPLICATION (the_app));
  spin_until_idle ();

  return g_object_ref (the_app);
}

static void
test_window_empty_state (void)
{
  g_autoptr(BylineApplication) app = start_application ();
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWidget *status_page;

  g_assert_true (BYLINE_IS_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  status_page = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), BYLINE_TYPE_WINDOW, "empty_page");
  g_assert_true (ADW_IS_STATUS_PAGE (status_page));
  g_assert_true (gtk_widget_get_mapped (status_page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status_page)), ==, "Write Your First Article");

  gtk_window_destroy (window);
}

static void
test_window_actions_and_shortcuts (void)
{
  g_autoptr(BylineApplication) app = start_application ();
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GHashTable) in_overlay = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  const BylineShortcut *shortcuts;
  GSList *objects;
  guint n_shortcuts;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-article", NULL));

  /* The help overlay names actions; each must be in the shortcut table,
   * each table entry must be in the overlay, and each only once. */
  builder = gtk_builder_new_from_resource (RESOURCE_PATH "/gtk/help-overlay.ui");
  objects = gtk_builder_get_objects (builder);
  for (const GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *action = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "action-name", &action, NULL);
      g_assert_nonnull (action);
      g_assert_false (g_hash_table_contains (in_overlay, action));
      g_hash_table_add (in_overlay, (gpointer) g_intern_string (action));
    }
  g_slist_free (objects);

  shortcuts = byline_application_get_shortcuts (&n_shortcuts);
  g_assert_cmpuint (n_shortcuts, ==, g_hash_table_size (in_overlay));
  for (guint i = 0; i < n_shortcuts; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                   shortcuts[i].action);

      g_assert_true (g_hash_table_contains (in_overlay, shortcuts[i].action));
      g_assert_cmpstrv (accels, shortcuts[i].accels);
    }

  gtk_window_destroy (window);
}

static void
test_window_size_remembered (void)
{
  g_autoptr(BylineApplication) app = start_application ();
  GSettings *settings = byline_application_get_settings (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWindow *second;

  gtk_window_set_default_size (window, 900, 640);
  spin_until_idle ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  spin_until_idle ();

  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);

  /* A new window opens at the remembered size. */
  g_application_activate (G_APPLICATION (app));
  second = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (second);
  {
    int width, height;

    gtk_window_get_default_size (second, &width, &height);
    g_assert_cmpint (width, ==, 900);
    g_assert_cmpint (height, ==, 640);
  }
  gtk_window_destroy (second);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_window_preferences (void)
{
  g_autoptr(BylineApplication) app = start_application ();
  GSettings *settings = byline_application_get_settings (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWindow *preferences;
  GtkWidget *spin;

  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-delay"), ==, 1);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  spin_until_idle ();
  preferences = find_toplevel (BYLINE_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == window);

  spin = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                        BYLINE_TYPE_PREFERENCES_WINDOW,
                                        "autosave_delay");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 1.0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 5);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-delay"), ==, 5);

  /* The range of the schema holds in the UI too. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 99);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-delay"), ==, 30);

  g_settings_reset (settings, "autosave-delay");
  gtk_window_destroy (preferences);
  gtk_window_destroy (window);
}

static void
test_window_about (void)
{
  g_autoptr(BylineApplication) app = start_application ();
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  spin_until_idle ();
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);

  gtk_window_destroy (about);
  gtk_window_destroy (window);
}

static void
test_window_no_leak (void)
{
  g_autoptr(BylineApplication) app = start_application ();
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);
  spin_until_idle ();
  g_assert_null (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* No G_TEST_OPTION_ISOLATE_DIRS here: it empties XDG_DATA_DIRS, and
   * without the MIME database GTK cannot load its own SVG icons.
   * headless-run already gives us throwaway XDG_*_HOME folders. */
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  the_app = byline_application_new ();
  {
    g_autoptr(GError) error = NULL;

    g_application_register (G_APPLICATION (the_app), NULL, &error);
    g_assert_no_error (error);
  }

  g_test_add_func ("/window/empty-state", test_window_empty_state);
  g_test_add_func ("/window/actions-and-shortcuts", test_window_actions_and_shortcuts);
  g_test_add_func ("/window/size-remembered", test_window_size_remembered);
  g_test_add_func ("/window/preferences", test_window_preferences);
  g_test_add_func ("/window/about", test_window_about);
  g_test_add_func ("/window/no-leak", test_window_no_leak);

  status = g_test_run ();
  g_clear_object (&the_app);

  return status;
}
