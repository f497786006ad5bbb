/* gui-wordpress-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-preferences-window.h"
#include "byline-sites-page.h"
#include "draft-store-testutil.h"
#include "gui-wordpress-util.h"
#include "wp-testbed.h"

GtkWidget *
gui_wp_find_descendant (GtkWidget *widget,
                        GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = gui_wp_find_descendant (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWindow *
gui_wp_find_toplevel (GType type)
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

GtkWidget *
gui_wp_find_button (GtkWidget  *widget,
                    const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = gui_wp_find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
gui_wp_click_response (const char *heading,
                       const char *label)
{
  AdwMessageDialog *dialog;
  GtkWidget *button;

  WAIT_UNTIL (gui_wp_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = ADW_MESSAGE_DIALOG (gui_wp_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  button = gui_wp_find_button (GTK_WIDGET (dialog), label);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  WAIT_UNTIL (gui_wp_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
}

static GtkEditable *
sites_page_row (GtkWidget  *page,
                const char *name)
{
  return GTK_EDITABLE (gtk_widget_get_template_child (page, BYLINE_TYPE_SITES_PAGE, name));
}

void
gui_wp_fill_site (GtkWidget  *page,
                  const char *password)
{
  gtk_editable_set_text (sites_page_row (page, "url_row"), testbed.url);
  gtk_editable_set_text (sites_page_row (page, "user_row"), testbed.author);
  gtk_editable_set_text (sites_page_row (page, "password_row"), password);
  byline_sites_page_add_site (BYLINE_SITES_PAGE (page));
  WAIT_UNTIL (!byline_sites_page_get_busy (BYLINE_SITES_PAGE (page)));
}

GtkWidget *
gui_wp_show_sites_page (BylineApplication *app)
{
  GtkWidget *preferences;
  GtkWidget *page;

  byline_application_show_preferences (app, "sites");
  preferences = GTK_WIDGET (gui_wp_find_toplevel (BYLINE_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (preferences);
  page = gui_wp_find_descendant (preferences, BYLINE_TYPE_SITES_PAGE);
  g_assert_nonnull (page);
  return page;
}
