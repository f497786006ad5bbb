/* byline-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "byline-application.h"
#include "byline-preferences-window.h"
#include "byline-window.h"

struct _BylineApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (BylineApplication, byline_application, ADW_TYPE_APPLICATION)

/* The one table of keyboard shortcuts. The help overlay names actions only
 * (GtkShortcutsShortcut:action-name) and shows whatever is registered here,
 * so a shortcut is written down exactly once. */
static const BylineShortcut shortcuts[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "editor.bold", { "<Control>b", NULL } },
  { "editor.find", { "<Control>f", NULL } },
  { "editor.heading2", { "<Control><Alt>2", NULL } },
  { "editor.heading3", { "<Control><Alt>3", NULL } },
  { "editor.italic", { "<Control>i", NULL } },
  { "editor.link", { "<Control>k", NULL } },
  { "editor.paragraph", { "<Control><Alt>0", NULL } },
  { "win.new-article", { "<Control>n", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

/**
 * byline_application_get_shortcuts:
 * @n_shortcuts: (out): the number of entries
 *
 * Returns: (transfer none): the application's keyboard shortcuts
 */
const BylineShortcut *
byline_application_get_shortcuts (guint *n_shortcuts)
{
  g_return_val_if_fail (n_shortcuts != NULL, NULL);

  *n_shortcuts = G_N_ELEMENTS (shortcuts);
  return shortcuts;
}

BylineApplication *
byline_application_new (void)
{
  return g_object_new (BYLINE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       /* Same resources for the .Devel profile. */
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/**
 * byline_application_get_settings:
 * @self: a #BylineApplication
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
byline_application_get_settings (BylineApplication *self)
{
  g_return_val_if_fail (BYLINE_IS_APPLICATION (self), NULL);

  return self->settings;
}

static void
byline_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  BylineApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  g_assert (BYLINE_IS_APPLICATION (self));

  /* Close the windows instead of g_application_quit() so each one runs its
   * close-request handler and saves its state first; the application ends
   * when the last window is gone. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
byline_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  BylineApplication *self = user_data;
  static const char *developers[] = { "The Byline developers", NULL };
  GtkWindow *window;

  g_assert (BYLINE_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  adw_show_about_window (window,
                         "application-name", _("Byline"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Byline developers"),
                         "developers", developers,
                         "version", PACKAGE_VERSION,
                         "comments", _("Write news articles offline and publish them with one click"),
                         "website", "https://github.com/bylinedesk/byline",
                         "issue-url", "https://github.com/bylinedesk/byline/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
byline_application_preferences_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  BylineApplication *self = user_data;
  BylinePreferencesWindow *preferences;
  GtkWindow *window;

  g_assert (BYLINE_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  preferences = byline_preferences_window_new (self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), window);
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", byline_application_quit_action },
  { "about", byline_application_about_action },
  { "preferences", byline_application_preferences_action },
};

static void
byline_application_activate (GApplication *application)
{
  BylineApplication *self = BYLINE_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (byline_window_new (self));

  gtk_window_present (window);
}

static void
byline_application_startup (GApplication *application)
{
  BylineApplication *self = BYLINE_APPLICATION (application);

  G_APPLICATION_CLASS (byline_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           shortcuts[i].action,
                                           shortcuts[i].accels);
}

static void
byline_application_dispose (GObject *object)
{
  BylineApplication *self = BYLINE_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (byline_application_parent_class)->dispose (object);
}

static void
byline_application_class_init (BylineApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = byline_application_dispose;

  app_class->activate = byline_application_activate;
  app_class->startup = byline_application_startup;
}

static void
byline_application_init (BylineApplication *self)
{
  /* The schema id does not change with the profile: a .Devel build reads
   * the same keys. */
  self->settings = g_settings_new (BASE_ID);
}
