/* test-sites-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences → Sites without a WordPress: the list of sites, what an edit
 * writes to sites.json, the default radio, and the error an unreachable
 * address gives (adding against a real site is in the wordpress suite).
 */

#include "config.h"

#include <adwaita.h>

#include "byline-preferences-window.h"
#include "byline-site-row.h"
#include "byline-sites-page.h"
#include "draft-store-testutil.h"

static BylineSite *
make_site (const char *name,
           const char *url)
{
  BylineSite *site = byline_site_new ();

  byline_site_set_name (site, name);
  byline_site_set_url (site, url);
  byline_site_set_user (site, "nguyenthu");
  return site;
}

static BylineSiteList *
make_list (void)
{
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "sites-test.json", NULL);
  BylineSiteList *list = byline_site_list_new (path);
  g_autoptr(BylineSite) first = make_site ("Báo Đồng Tháp", "https://baodongthap.example/");
  g_autoptr(BylineSite) second = make_site ("Tháp Mười", "https://thapmuoi.example/");
  g_autoptr(GError) error = NULL;

  g_unlink (path);
  byline_site_list_add (list, first);
  byline_site_list_add (list, second);
  byline_site_list_set_default (list, first);
  byline_site_list_save (list, &error);
  g_assert_no_error (error);
  return list;
}

static gpointer
child (GtkWidget  *page,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (page, BYLINE_TYPE_SITES_PAGE, name);

  g_assert_nonnull (object);
  return object;
}

static BylineSiteRow *
row_at (GtkWidget *page,
        int        index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (child (page, "site_list"), index);

  g_assert_true (BYLINE_IS_SITE_ROW (row));
  return BYLINE_SITE_ROW (row);
}

/* sites.json as another process reads it. */
static BylineSite *
reload_site (BylineSiteList *list,
             const char     *id)
{
  g_autoptr(BylineSiteList) again = byline_site_list_new (byline_site_list_get_path (list));
  g_autoptr(GError) error = NULL;

  byline_site_list_load (again, &error);
  g_assert_no_error (error);
  return g_object_ref (byline_site_list_lookup (again, id));
}

static void
test_list_and_edit (void)
{
  g_autoptr(BylineSiteList) list = make_list ();
  GtkWidget *page = g_object_ref_sink (byline_sites_page_new (list));
  GtkWidget *window = gtk_window_new ();
  BylineSiteRow *first;
  BylineSiteRow *second;
  GtkWidget *credit;
  GtkWidget *size;

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));

  first = row_at (page, 0);
  second = row_at (page, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Báo Đồng Tháp");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (second)), ==,
                   "https://thapmuoi.example/ · nguyenthu");
  g_assert_true (gtk_check_button_get_active (byline_site_row_get_default_button (first)));
  g_assert_false (gtk_check_button_get_active (byline_site_row_get_default_button (second)));

  /* The radio: one default, saved. */
  gtk_check_button_set_active (byline_site_row_get_default_button (second), TRUE);
  g_assert_false (gtk_check_button_get_active (byline_site_row_get_default_button (first)));
  {
    g_autoptr(BylineSite) saved = reload_site (list, byline_site_get_id (byline_site_row_get_site (second)));

    g_assert_true (byline_site_get_is_default (saved));
  }

  /* Templates apply with the row's apply button (or Enter), the size at once. */
  credit = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (second), BYLINE_TYPE_SITE_ROW, "credit_row"));
  gtk_editable_set_text (GTK_EDITABLE (credit), "Bài: {writers} – Ảnh: {photographers}");
  g_signal_emit_by_name (credit, "apply");
  size = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (second), BYLINE_TYPE_SITE_ROW, "size_spin"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (size), 1600);
  {
    g_autoptr(BylineSite) saved = reload_site (list, byline_site_get_id (byline_site_row_get_site (second)));

    g_assert_cmpstr (byline_site_get_credit_template (saved), ==, "Bài: {writers} – Ảnh: {photographers}");
    g_assert_cmpuint (byline_site_get_image_size_limit (saved), ==, 1600);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (page);
}

static void
test_add_unreachable (void)
{
  g_autoptr(BylineSiteList) list = make_list ();
  GtkWidget *page = g_object_ref_sink (byline_sites_page_new (list));
  GtkWidget *window = gtk_window_new ();
  GtkWidget *add_button = child (page, "add_button");
  GtkLabel *error_label = child (page, "error_label");

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_false (gtk_widget_get_sensitive (add_button));
  /* Port 1 on loopback: nothing listens, the connection is refused. */
  gtk_editable_set_text (child (page, "url_row"), "http://127.0.0.1:1/");
  gtk_editable_set_text (child (page, "user_row"), "nguyenthu");
  gtk_editable_set_text (child (page, "password_row"), "abcd efgh ijkl mnop");
  g_assert_true (gtk_widget_get_sensitive (add_button));

  byline_sites_page_add_site (BYLINE_SITES_PAGE (page));
  g_assert_true (byline_sites_page_get_busy (BYLINE_SITES_PAGE (page)));
  g_assert_false (gtk_widget_get_sensitive (add_button));
  WAIT_UNTIL (!byline_sites_page_get_busy (BYLINE_SITES_PAGE (page)));

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (error_label), "Cannot reach the site"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  /* The fields stay, to correct them. */
  g_assert_cmpstr (gtk_editable_get_text (child (page, "url_row")), ==, "http://127.0.0.1:1/");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (page);
}

static void
test_in_preferences (void)
{
  g_autoptr(BylineSiteList) list = make_list ();
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  BylinePreferencesWindow *preferences = byline_preferences_window_new (settings, list);

  byline_preferences_window_show_sites (preferences);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (preferences)), ==, "sites");
  gtk_window_destroy (GTK_WINDOW (preferences));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/sites-page/list-and-edit", test_list_and_edit);
  g_test_add_func ("/sites-page/add-unreachable", test_add_unreachable);
  g_test_add_func ("/sites-page/in-preferences", test_in_preferences);

  return g_test_run ();
}
