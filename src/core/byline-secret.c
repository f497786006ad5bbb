/* byline-secret.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Application passwords live in the Secret Service and nowhere else. On
 * the host libsecret talks to the Secret Service (GNOME Keyring, KeePassXC…);
 * with none on the bus, storing fails at once and the user is told: there is
 * no fallback of our own. In the Flatpak sandbox libsecret goes through the
 * Secret portal, whose master key the host's Secret Service keeps (the
 * manifest grants no bus name: that is the sanctioned way in).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "byline-secret.h"

G_DEFINE_QUARK (byline-secret-error-quark, byline_secret_error)

static const SecretSchema *
site_schema (void)
{
  static const SecretSchema schema = {
    "io.github.bylinedesk.Byline.Site", SECRET_SCHEMA_NONE,
    {
      { "site-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static GHashTable *
site_attributes (const char *site_id,
                 const char *user)
{
  return secret_attributes_build (site_schema (), "site-id", site_id, "user", user, NULL);
}

/* The one place libsecret and D-Bus failures become Byline's errors. */
static GError *
secret_error_map (GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (error->domain == G_DBUS_ERROR || error->domain == G_IO_ERROR ||
      g_error_matches (error, SECRET_ERROR, SECRET_ERROR_NO_SUCH_OBJECT))
    {
      g_debug ("No Secret Service: %s", error->message);
      return g_error_new_literal (BYLINE_SECRET_ERROR, BYLINE_SECRET_ERROR_NO_KEYRING,
                                  _("No keyring is available: Byline does not store passwords "
                                    "in files. Install and unlock GNOME Keyring or another "
                                    "Secret Service."));
    }

  return g_error_new (BYLINE_SECRET_ERROR, BYLINE_SECRET_ERROR_FAILED,
                      /* Translators: %s is the keyring's reason. */
                      _("The keyring refused the request: %s"), error->message);
}

static GTask *
secret_task_new (gpointer             source_tag,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  return task;
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, secret_error_map (error));
}

/**
 * byline_secret_store_async:
 * @site_name: shown in the keyring's label
 *
 * Stores the application password of @user on the site @site_id in the
 * default collection of the Secret Service.
 */
void
byline_secret_store_async (const char          *site_id,
                           const char          *user,
                           const char          *site_name,
                           const char          *password,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  GTask *task;

  g_return_if_fail (site_id != NULL);
  g_return_if_fail (user != NULL);
  g_return_if_fail (password != NULL);

  task = secret_task_new (byline_secret_store_async, cancellable, callback, user_data);
  attributes = site_attributes (site_id, user);
  label = g_strdup_printf ("Byline: %s on %s", user, site_name != NULL ? site_name : site_id);
  secret_password_storev (site_schema (), attributes, SECRET_COLLECTION_DEFAULT, label,
                          password, cancellable, store_cb, task);
}

gboolean
byline_secret_store_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *password;

  password = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, secret_error_map (error));
  else
    g_task_return_pointer (task, password, (GDestroyNotify) secret_password_free);
}

void
byline_secret_lookup_async (const char          *site_id,
                            const char          *user,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  GTask *task;

  g_return_if_fail (site_id != NULL);
  g_return_if_fail (user != NULL);

  task = secret_task_new (byline_secret_lookup_async, cancellable, callback, user_data);
  attributes = site_attributes (site_id, user);
  secret_password_lookupv (site_schema (), attributes, cancellable, lookup_cb, task);
}

/**
 * byline_secret_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the password, to free with
 *   byline_secret_free(); %NULL without an error when there is none
 */
char *
byline_secret_lookup_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* FALSE without an error: there was nothing to clear, which is fine. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, secret_error_map (error));
  else
    g_task_return_boolean (task, TRUE);
}

void
byline_secret_clear_async (const char          *site_id,
                           const char          *user,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  GTask *task;

  g_return_if_fail (site_id != NULL);
  g_return_if_fail (user != NULL);

  task = secret_task_new (byline_secret_clear_async, cancellable, callback, user_data);
  attributes = site_attributes (site_id, user);
  secret_password_clearv (site_schema (), attributes, cancellable, clear_cb, task);
}

gboolean
byline_secret_clear_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Wipes the password from memory as it is freed. */
void
byline_secret_free (char *password)
{
  secret_password_free (password);
}
