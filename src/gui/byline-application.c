/* byline-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "byline-application.h"
#include "byline-draft-state.h"
#include "byline-draft-store.h"
#include "byline-network.h"
#include "byline-outbox.h"
#include "byline-preferences-window.h"
#include "byline-site-list.h"
#include "byline-window.h"

struct _BylineApplication
{
  AdwApplication    parent_instance;

  GSettings        *settings;
  BylineSiteList   *sites;
  /* Publishing outlives windows and stores: a queued article goes out
   * while the application runs. */
  BylineOutbox     *outbox;
  /* One store for every window. It lives from the first window to the
   * last: when that closes, the store is closed (the final save) while the
   * application is held, and a later window gets a fresh one. */
  BylineDraftStore *store;
  /* Stores still writing their final save; a new store loads only after
   * them, so it reads the session they wrote. */
  guint             n_closing;
};

G_DEFINE_FINAL_TYPE (BylineApplication, byline_application, ADW_TYPE_APPLICATION)

static void byline_application_ensure_store (BylineApplication *self);

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
  { "win.export", { "<Shift><Control>e", NULL } },
  { "win.import", { "<Control>o", NULL } },
  { "win.new-article", { "<Control>n", NULL } },
  { "win.publish", { "<Control>Return", NULL } },
  { "win.save", { "<Control>s", NULL } },
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
                       /* Files given to it are imported as new drafts,
                        * pictures attached to the open one. */
                       "flags", G_APPLICATION_HANDLES_OPEN,
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

/**
 * byline_application_get_draft_store:
 * @self: a #BylineApplication
 *
 * The store of the windows open now; a window opened after the last one
 * closed gets a new store (the old one was closed with its final save).
 *
 * Returns: (transfer none): the draft store
 */
BylineDraftStore *
byline_application_get_draft_store (BylineApplication *self)
{
  g_return_val_if_fail (BYLINE_IS_APPLICATION (self), NULL);

  byline_application_ensure_store (self);
  return self->store;
}

/**
 * byline_application_get_outbox:
 * @self: a #BylineApplication
 *
 * Returns: (transfer none): the outbox
 */
BylineOutbox *
byline_application_get_outbox (BylineApplication *self)
{
  g_return_val_if_fail (BYLINE_IS_APPLICATION (self), NULL);

  return self->outbox;
}

/**
 * byline_application_get_sites:
 * @self: a #BylineApplication
 *
 * Returns: (transfer none): the configured sites (sites.json)
 */
BylineSiteList *
byline_application_get_sites (BylineApplication *self)
{
  g_return_val_if_fail (BYLINE_IS_APPLICATION (self), NULL);

  return self->sites;
}

/**
 * byline_application_get_saving:
 * @self: a #BylineApplication
 *
 * Returns: whether the final save of a closed store is still running
 */
gboolean
byline_application_get_saving (BylineApplication *self)
{
  g_return_val_if_fail (BYLINE_IS_APPLICATION (self), FALSE);

  return self->n_closing > 0;
}

static void
store_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BylineDraftStore *store = BYLINE_DRAFT_STORE (object);
  g_autoptr(BylineApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean first = TRUE;

  byline_draft_store_load_finish (store, result, &error);
  if (store != self->store)
    return;

  /* Only the first window reopens what was open at a crash; every window
   * lists the library. */
  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (!BYLINE_IS_WINDOW (l->data))
        continue;
      byline_window_store_loaded (l->data, first, error);
      first = FALSE;
    }
}

static void
byline_application_load_store (BylineApplication *self)
{
  g_assert (BYLINE_IS_APPLICATION (self));
  g_assert (self->store != NULL);

  byline_draft_store_load_async (self->store, NULL, store_loaded_cb, g_object_ref (self));
}

static void
byline_application_ensure_store (BylineApplication *self)
{
  g_assert (BYLINE_IS_APPLICATION (self));

  if (self->store != NULL)
    return;

  self->store = byline_draft_store_new (NULL);
  g_settings_bind (self->settings, "autosave-delay",
                   self->store, "autosave-delay",
                   G_SETTINGS_BIND_GET);
  if (self->n_closing == 0)
    byline_application_load_store (self);
}

static void
store_closed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BylineApplication *self = user_data;
  g_autoptr(GError) error = NULL;

  /* Nothing left to show it in: the session stays unclean and the next
   * start offers the drafts again. */
  if (!byline_draft_store_close_finish (BYLINE_DRAFT_STORE (object), result, &error))
    g_warning ("Not every draft was saved at quit: %s", error->message);

  self->n_closing--;
  if (self->n_closing == 0 && self->store != NULL && !byline_draft_store_get_loaded (self->store))
    byline_application_load_store (self);

  g_application_release (G_APPLICATION (self));
}

/* The final save. The application stays held until it is on disk, so
 * quitting never drops what was typed in the last autosave delay. */
static void
byline_application_close_store (BylineApplication *self)
{
  g_autoptr(BylineDraftStore) store = g_steal_pointer (&self->store);

  g_assert (BYLINE_IS_APPLICATION (self));
  g_assert (store != NULL);

  g_settings_unbind (store, "autosave-delay");
  self->n_closing++;
  g_application_hold (G_APPLICATION (self));
  byline_draft_store_close_async (store, NULL, store_closed_cb, self);
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
  byline_application_show_preferences (user_data, NULL);
}

/**
 * byline_application_show_preferences:
 * @self: a #BylineApplication
 * @page: (nullable): "sites" for the Sites page
 *
 * Opens Preferences over the active window.
 */
void
byline_application_show_preferences (BylineApplication *self,
                                     const char        *page)
{
  BylinePreferencesWindow *preferences;
  GtkWindow *window;

  g_return_if_fail (BYLINE_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  preferences = byline_preferences_window_new (self->settings, self->sites);
  if (g_strcmp0 (page, "sites") == 0)
    byline_preferences_window_show_sites (preferences);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), window);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void byline_application_show_post_action (GSimpleAction *action,
                                                 GVariant      *parameter,
                                                 gpointer       user_data);

static const GActionEntry app_actions[] = {
  { "quit", byline_application_quit_action },
  { "about", byline_application_about_action },
  { "preferences", byline_application_preferences_action },
  { "show-post", byline_application_show_post_action, "s" },
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
byline_application_load_sites (BylineApplication *self)
{
  g_autofree char *path = byline_site_list_default_path ();
  g_autoptr(GError) error = NULL;

  self->sites = byline_site_list_new (path);
  /* A missing file is no sites yet; a damaged one must not stop the app
   * (the Sites page says so when it finds the list empty). */
  if (!byline_site_list_load (self->sites, &error) &&
      !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_message ("Could not read the sites: %s", error->message);
}

static void
byline_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  g_autoptr(GListStore) photos = g_list_store_new (G_TYPE_FILE);
  GtkWindow *window;

  byline_application_activate (application);
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  g_return_if_fail (BYLINE_IS_WINDOW (window));

  /* Pictures go to the open article, anything else is an article. */
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_file_get_basename (files[i]);
      g_autofree char *type = g_content_type_guess (name, NULL, 0, NULL);

      if (g_content_type_is_a (type, "image/*"))
        g_list_store_append (photos, files[i]);
      else
        byline_window_import_file (BYLINE_WINDOW (window), files[i]);
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (photos)) > 0)
    byline_window_attach_photos (BYLINE_WINDOW (window), G_LIST_MODEL (photos));
}

static void
outbox_state_changed_cb (BylineApplication *self,
                         const char        *article_id,
                         int                state)
{
  /* The library's Outbox and Published views follow the outbox. */
  if (self->store != NULL && byline_draft_store_lookup (self->store, article_id) != NULL)
    byline_draft_store_set_state (self->store, article_id,
                                  byline_draft_state_for_outbox (self->store, article_id, state));
}

/* A desktop notification: the reporter may be in another application
 * when a queued article finally goes out. */
static void
outbox_published_cb (BylineApplication *self,
                     const char        *article_id,
                     const char        *link)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *id = g_strconcat ("published-", article_id, NULL);
  BylineDraftInfo *info = self->store != NULL ? byline_draft_store_lookup (self->store, article_id) : NULL;
  const char *title = info != NULL ? byline_draft_info_get_title (info) : NULL;

  notification = g_notification_new (_("Article Published"));
  g_notification_set_body (notification, title != NULL && *title != '\0' ? title : link);
  if (link != NULL)
    {
      g_notification_set_default_action_and_target (notification, "app.show-post", "s", link);
      g_notification_add_button_with_target (notification, _("Open on the Site"), "app.show-post", "s", link);
    }
  g_application_send_notification (G_APPLICATION (self), id, notification);
}

static void
outbox_resumed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  byline_outbox_resume_finish (BYLINE_OUTBOX (object), result, &error);
  if (error != NULL)
    g_message ("Could not take up the outbox: %s", error->message);
}

static void
byline_application_start_outbox (BylineApplication *self)
{
  g_autoptr(BylineNetwork) network = byline_network_new ();
  g_autoptr(GFile) drafts = g_file_get_child (byline_draft_store_get_root (self->store), "drafts");

  self->outbox = byline_outbox_new (drafts, self->sites, network);
  g_signal_connect_object (self->outbox, "state-changed", G_CALLBACK (outbox_state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->outbox, "published", G_CALLBACK (outbox_published_cb), self,
                           G_CONNECT_SWAPPED);
  /* What a crash or a quit left in the queue goes out again. */
  byline_outbox_resume_async (self->outbox, NULL, outbox_resumed_cb, NULL);
}

static void
byline_application_show_post_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  BylineApplication *self = user_data;

  gtk_show_uri (gtk_application_get_active_window (GTK_APPLICATION (self)),
                g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
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

  byline_application_load_sites (self);
  byline_application_ensure_store (self);
  byline_application_start_outbox (self);
}

static gboolean
has_byline_window (BylineApplication *self)
{
  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (BYLINE_IS_WINDOW (l->data))
      return TRUE;

  return FALSE;
}

static void
byline_application_window_removed (GtkApplication *application,
                                   GtkWindow      *window)
{
  BylineApplication *self = BYLINE_APPLICATION (application);

  GTK_APPLICATION_CLASS (byline_application_parent_class)->window_removed (application, window);

  /* The chain-up dropped the window's hold; close_store() takes its own
   * before the main loop looks again. */
  if (BYLINE_IS_WINDOW (window) && self->store != NULL && !has_byline_window (self))
    byline_application_close_store (self);
}

static void
byline_application_shutdown (GApplication *application)
{
  BylineApplication *self = BYLINE_APPLICATION (application);

  /* Ended without closing its windows (g_application_quit()): save here. */
  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!byline_draft_store_close_sync (self->store, NULL, &error))
        g_warning ("Not every draft was saved at quit: %s", error->message);
      g_settings_unbind (self->store, "autosave-delay");
      g_clear_object (&self->store);
    }

  G_APPLICATION_CLASS (byline_application_parent_class)->shutdown (application);
}

static void
byline_application_dispose (GObject *object)
{
  BylineApplication *self = BYLINE_APPLICATION (object);

  if (self->store != NULL)
    g_settings_unbind (self->store, "autosave-delay");
  g_clear_object (&self->store);
  g_clear_object (&self->outbox);
  g_clear_object (&self->sites);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (byline_application_parent_class)->dispose (object);
}

static void
byline_application_class_init (BylineApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = byline_application_dispose;

  app_class->activate = byline_application_activate;
  app_class->open = byline_application_open;
  app_class->startup = byline_application_startup;
  app_class->shutdown = byline_application_shutdown;

  gtk_app_class->window_removed = byline_application_window_removed;
}

static void
byline_application_init (BylineApplication *self)
{
  /* The schema id does not change with the profile: a .Devel build reads
   * the same keys. */
  self->settings = g_settings_new (BASE_ID);
}
