/* byline-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "byline-window.h"

struct _BylineWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  GtkStack             *editor_stack;
  AdwStatusPage        *empty_page;
  GtkWidget            *library_pane;
};

G_DEFINE_FINAL_TYPE (BylineWindow, byline_window, ADW_TYPE_APPLICATION_WINDOW)

BylineWindow *
byline_window_new (BylineApplication *application)
{
  g_return_val_if_fail (BYLINE_IS_APPLICATION (application), NULL);

  return g_object_new (BYLINE_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

static void
byline_window_save_state (BylineWindow *self)
{
  int width;
  int height;

  g_assert (BYLINE_IS_WINDOW (self));

  /* The default size is the unmaximized size: what we want to restore. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static void
byline_window_restore_state (BylineWindow *self)
{
  g_assert (BYLINE_IS_WINDOW (self));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
byline_window_close_request (GtkWindow *window)
{
  BylineWindow *self = BYLINE_WINDOW (window);

  byline_window_save_state (self);

  return GTK_WINDOW_CLASS (byline_window_parent_class)->close_request (window);
}

static void
byline_window_new_article_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  g_assert (BYLINE_IS_WINDOW (self));

  /* The draft store and the editor hook in here; until an article exists
   * the window keeps inviting the user to write one. */
  gtk_stack_set_visible_child_name (self->editor_stack, "empty");
}

static void
byline_window_dispose (GObject *object)
{
  BylineWindow *self = BYLINE_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (byline_window_parent_class)->dispose (object);
}

static void
byline_window_class_init (BylineWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = byline_window_dispose;

  window_class->close_request = byline_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/byline-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, library_pane);

  gtk_widget_class_install_action (widget_class, "win.new-article", NULL,
                                   byline_window_new_article_action);
}

static void
byline_window_init (BylineWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_ID);
  byline_window_restore_state (self);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}
