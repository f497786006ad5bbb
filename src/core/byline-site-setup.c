/* byline-site-setup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The life of a site's account. Adding: discover → verify → password into
 * the keyring → save the site → fetch its terms. Nothing is kept until the
 * credentials are known to work, and a site is never saved without its
 * password in the keyring. Connecting: a client with the password from the
 * keyring. Forgetting: the site, its password and its cache go.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-secret.h"
#include "byline-site-setup.h"
#include "byline-site-terms.h"

typedef struct
{
  BylineSite *site;
  BylineCms  *cms;
  char       *name;       /* the user's handle for the site, or NULL */
  char       *password;
} AddSite;

static void
add_site_free (AddSite *add)
{
  g_clear_object (&add->site);
  g_clear_object (&add->cms);
  g_free (add->name);
  byline_secret_free (add->password);
  g_free (add);
}

/**
 * byline_site_normalize_url:
 *
 * "example.com" → "https://example.com/": a bare host name means https.
 *
 * Returns: (transfer full): the site address
 */
char *
byline_site_normalize_url (const char *url)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (url != NULL, NULL);

  trimmed = g_strstrip (g_strdup (url));
  if (strstr (trimmed, "://") == NULL)
    {
      char *with_scheme = g_strconcat ("https://", trimmed, NULL);
      g_free (trimmed);
      trimmed = with_scheme;
    }
  if (strchr (strstr (trimmed, "://") + 3, '/') == NULL)
    return g_strconcat (trimmed, "/", NULL);
  return g_steal_pointer (&trimmed);
}

static void
terms_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AddSite *add = g_task_get_task_data (task);
  g_autoptr(BylineSiteTerms) terms = NULL;
  g_autoptr(GError) error = NULL;

  /* The site is added: its terms can be fetched again later. */
  terms = byline_site_terms_refresh_finish (result, NULL, &error);
  if (terms == NULL)
    g_debug ("Cannot fetch the new site's terms yet: %s", error->message);

  g_task_return_pointer (task, g_object_ref (add->site), g_object_unref);
}

static void
cleared_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  byline_secret_clear_finish (result, NULL);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AddSite *add = g_task_get_task_data (task);
  BylineSiteList *list = g_task_get_source_object (task);
  GError *error = NULL;

  if (!byline_secret_store_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  byline_site_list_add (list, add->site);
  if (!byline_site_list_save (list, &error))
    {
      byline_site_list_remove (list, byline_site_get_id (add->site));
      byline_secret_clear_async (byline_site_get_id (add->site), byline_site_get_user (add->site),
                                 NULL, cleared_cb, NULL);
      g_task_return_error (task, error);
      return;
    }

  byline_site_terms_refresh_async (add->site, add->cms, g_task_get_cancellable (task), terms_cb,
                                   g_object_ref (task));
}

static void
verified_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AddSite *add = g_task_get_task_data (task);
  g_autoptr(BylineCmsUser) user = NULL;
  GError *error = NULL;

  user = byline_cms_verify_finish (add->cms, result, &error);
  if (user == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (user->capabilities == NULL ||
      !g_strv_contains ((const char * const *) user->capabilities, "edit_posts"))
    {
      g_task_return_error (task, byline_cms_error_new (BYLINE_CMS_ERROR_FORBIDDEN, -1,
                                                       "This user may not write posts on the site."));
      return;
    }

  byline_secret_store_async (byline_site_get_id (add->site), byline_site_get_user (add->site),
                             byline_site_get_name (add->site), add->password,
                             g_task_get_cancellable (task), stored_cb, g_object_ref (task));
}

static void
discovered_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AddSite *add = g_task_get_task_data (task);
  g_autoptr(BylineCmsSiteInfo) info = NULL;
  GError *error = NULL;

  info = byline_cms_discover_finish (add->cms, result, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  byline_site_apply_info (add->site, info);
  /* The name the user chose wins over the site's title. */
  if (add->name != NULL)
    byline_site_set_name (add->site, add->name);
  byline_cms_verify_async (add->cms, g_task_get_cancellable (task), verified_cb,
                           g_object_ref (task));
}

/**
 * byline_site_add_async:
 * @url: the site's address as the user typed it
 * @user: the WordPress user name
 * @password: an application password of @user
 * @ca_file: (nullable): a PEM file of CAs to trust for this site
 *
 * Adds the site to @list and saves it, once its credentials work. Its
 * name is the site's title. Finish with byline_site_add_finish().
 */
void
byline_site_add_async (BylineSiteList      *list,
                       const char          *url,
                       const char          *user,
                       const char          *password,
                       const char          *ca_file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  byline_site_add_named_async (list, NULL, url, user, password, ca_file, cancellable, callback,
                               user_data);
}

/**
 * byline_site_add_named_async:
 * @name: (nullable): the user's handle for the site; %NULL: the site's title
 * @url: the site's address as the user typed it
 * @user: the WordPress user name
 * @password: an application password of @user
 * @ca_file: (nullable): a PEM file of CAs to trust for this site
 *
 * Like byline_site_add_async(), with a name of the user's choosing. A
 * @name that another site has as its name or id fails with
 * %G_IO_ERROR_EXISTS before anything goes out: a name must say which site
 * it means. Finish with byline_site_add_finish().
 */
void
byline_site_add_named_async (BylineSiteList      *list,
                             const char          *name,
                             const char          *url,
                             const char          *user,
                             const char          *password,
                             const char          *ca_file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *site_url = NULL;
  GError *error = NULL;
  AddSite *add;

  g_return_if_fail (BYLINE_IS_SITE_LIST (list));
  g_return_if_fail (name == NULL || *name != '\0');
  g_return_if_fail (url != NULL);
  g_return_if_fail (user != NULL);
  g_return_if_fail (password != NULL);

  task = g_task_new (list, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_site_add_async);
  if (name != NULL && byline_site_list_find (list, name) != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS,
                               _("There is already a site named “%s”."), name);
      return;
    }

  add = g_new0 (AddSite, 1);
  add->name = g_strdup (name);
  add->password = g_strdup (password);
  add->site = byline_site_new ();
  g_task_set_task_data (task, add, (GDestroyNotify) add_site_free);

  site_url = byline_site_normalize_url (url);
  byline_site_set_url (add->site, site_url);
  byline_site_set_name (add->site, name != NULL ? name : site_url);
  byline_site_set_user (add->site, user);
  byline_site_set_ca_file (add->site, ca_file);

  add->cms = byline_site_create_cms (add->site, password, &error);
  if (add->cms == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  byline_cms_discover_async (add->cms, cancellable, discovered_cb, g_steal_pointer (&task));
}

/**
 * byline_site_add_finish:
 *
 * Returns: (transfer full): the new site, already in the list and saved
 */
BylineSite *
byline_site_add_finish (BylineSiteList  *list,
                        GAsyncResult    *result,
                        GError         **error)
{
  g_return_val_if_fail (BYLINE_IS_SITE_LIST (list), NULL);
  g_return_val_if_fail (g_task_is_valid (result, list), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Connecting -------------------------------------------------------------- */

static void
connect_lookup_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BylineSite *site = g_task_get_source_object (task);
  GError *error = NULL;
  BylineCms *cms;
  char *password;

  password = byline_secret_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (password == NULL)
    {
      g_task_return_new_error (task, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_AUTH,
                               "The keyring has no password of %s for %s: add the site again.",
                               byline_site_get_user (site), byline_site_get_name (site));
      return;
    }

  cms = byline_site_create_cms (site, password, &error);
  byline_secret_free (password);
  if (cms == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, cms, g_object_unref);
}

/**
 * byline_site_connect_async:
 *
 * Makes a client of @site with its password from the keyring.
 */
void
byline_site_connect_async (BylineSite          *site,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (BYLINE_IS_SITE (site));

  task = g_task_new (site, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_site_connect_async);
  byline_secret_lookup_async (byline_site_get_id (site), byline_site_get_user (site),
                              cancellable, connect_lookup_cb, task);
}

/**
 * byline_site_connect_finish:
 *
 * Returns: (transfer full): the client; %BYLINE_CMS_ERROR_AUTH when the
 *   keyring has no password for the site, %BYLINE_SECRET_ERROR when there
 *   is no keyring
 */
BylineCms *
byline_site_connect_finish (BylineSite    *site,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (BYLINE_IS_SITE (site), NULL);
  g_return_val_if_fail (g_task_is_valid (result, site), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Forgetting -------------------------------------------------------------- */

static void
forget_cleared_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (byline_secret_clear_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
delete_cache (BylineSite *site)
{
  g_autofree char *path = byline_site_terms_path (site);
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

/**
 * byline_site_forget_async:
 *
 * Removes @site from @list and saves it, then deletes the site's password
 * from the keyring and its cache.
 */
void
byline_site_forget_async (BylineSiteList      *list,
                          BylineSite          *site,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(BylineSite) kept = NULL;
  GError *error = NULL;

  g_return_if_fail (BYLINE_IS_SITE_LIST (list));
  g_return_if_fail (BYLINE_IS_SITE (site));

  task = g_task_new (list, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_site_forget_async);
  kept = g_object_ref (site);

  byline_site_list_remove (list, byline_site_get_id (site));
  if (!byline_site_list_save (list, &error))
    {
      byline_site_list_add (list, site);
      g_task_return_error (task, error);
      return;
    }

  delete_cache (site);
  byline_secret_clear_async (byline_site_get_id (site), byline_site_get_user (site), cancellable,
                             forget_cleared_cb, g_steal_pointer (&task));
}

gboolean
byline_site_forget_finish (BylineSiteList  *list,
                           GAsyncResult    *result,
                           GError         **error)
{
  g_return_val_if_fail (BYLINE_IS_SITE_LIST (list), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, list), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
