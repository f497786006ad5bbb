/* byline-site-terms.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cache of a site's categories, tags and the user's capabilities, in
 * $XDG_CACHE_HOME/io.github.bylinedesk.Byline/sites/<id>/terms.json, so the
 * editor works offline. A site may have thousands of tags: reading and
 * writing happen in a worker thread.
 */

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-site-list.h"
#include "byline-site-terms.h"

BylineSiteTerms *
byline_site_terms_new (void)
{
  BylineSiteTerms *terms = g_new0 (BylineSiteTerms, 1);

  terms->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_cms_term_free);
  terms->tags = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_cms_term_free);
  terms->capabilities = g_new0 (char *, 1);
  return terms;
}

static gpointer
term_copy_func (gconstpointer term,
                gpointer      user_data)
{
  return byline_cms_term_copy (term);
}

static GPtrArray *
terms_copy (GPtrArray *terms)
{
  return g_ptr_array_copy (terms, term_copy_func, NULL);
}

BylineSiteTerms *
byline_site_terms_copy (const BylineSiteTerms *terms)
{
  BylineSiteTerms *copy = g_new0 (BylineSiteTerms, 1);

  copy->categories = terms_copy (terms->categories);
  g_ptr_array_set_free_func (copy->categories, (GDestroyNotify) byline_cms_term_free);
  copy->tags = terms_copy (terms->tags);
  g_ptr_array_set_free_func (copy->tags, (GDestroyNotify) byline_cms_term_free);
  copy->capabilities = g_strdupv (terms->capabilities);
  copy->fetched = terms->fetched != NULL ? g_date_time_ref (terms->fetched) : NULL;
  return copy;
}

void
byline_site_terms_free (BylineSiteTerms *terms)
{
  if (terms == NULL)
    return;

  g_ptr_array_unref (terms->categories);
  g_ptr_array_unref (terms->tags);
  g_strfreev (terms->capabilities);
  g_clear_pointer (&terms->fetched, g_date_time_unref);
  g_free (terms);
}

G_DEFINE_BOXED_TYPE (BylineSiteTerms, byline_site_terms,
                     byline_site_terms_copy, byline_site_terms_free)

/**
 * byline_site_terms_path:
 *
 * Returns: (transfer full): the cache file of @site
 */
char *
byline_site_terms_path (BylineSite *site)
{
  g_return_val_if_fail (BYLINE_IS_SITE (site), NULL);

  return g_build_filename (g_get_user_cache_dir (), BASE_ID, "sites",
                           byline_site_get_id (site), "terms.json", NULL);
}

/* JSON ------------------------------------------------------------------- */

static void
add_terms (JsonBuilder *builder,
           const char  *name,
           GPtrArray   *terms)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < terms->len; i++)
    {
      BylineCmsTerm *term = g_ptr_array_index (terms, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, term->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, term->name);
      json_builder_set_member_name (builder, "parent");
      json_builder_add_int_value (builder, term->parent);
      if (term->slug != NULL)
        {
          json_builder_set_member_name (builder, "slug");
          json_builder_add_string_value (builder, term->slug);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static JsonNode *
terms_to_json (const BylineSiteTerms *terms)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *fetched = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  if (terms->fetched != NULL)
    {
      fetched = g_date_time_format_iso8601 (terms->fetched);
      json_builder_set_member_name (builder, "fetched");
      json_builder_add_string_value (builder, fetched);
    }
  add_terms (builder, "categories", terms->categories);
  add_terms (builder, "tags", terms->tags);
  json_builder_set_member_name (builder, "capabilities");
  json_builder_begin_array (builder);
  for (guint i = 0; terms->capabilities[i] != NULL; i++)
    json_builder_add_string_value (builder, terms->capabilities[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
read_terms (JsonObject *root,
            const char *name,
            GPtrArray  *into)
{
  JsonNode *node = json_object_get_member (root, name);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      BylineCmsTerm *term;

      if (object == NULL || !json_object_has_member (object, "name"))
        return FALSE;
      term = byline_cms_term_new (json_object_get_int_member_with_default (object, "id", 0),
                                  json_object_get_string_member_with_default (object, "name", ""));
      term->parent = json_object_get_int_member_with_default (object, "parent", 0);
      term->slug = g_strdup (json_object_get_string_member_with_default (object, "slug", NULL));
      g_ptr_array_add (into, term);
    }
  return TRUE;
}

static BylineSiteTerms *
terms_from_json (JsonNode *node)
{
  g_autoptr(BylineSiteTerms) terms = byline_site_terms_new ();
  JsonObject *root;
  JsonNode *capabilities;
  const char *fetched;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  root = json_node_get_object (node);
  if (!read_terms (root, "categories", terms->categories) ||
      !read_terms (root, "tags", terms->tags))
    return NULL;

  capabilities = json_object_get_member (root, "capabilities");
  if (capabilities != NULL && JSON_NODE_HOLDS_ARRAY (capabilities))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      JsonArray *array = json_node_get_array (capabilities);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (json_node_get_value_type (json_array_get_element (array, i)) == G_TYPE_STRING)
          g_strv_builder_add (builder, json_array_get_string_element (array, i));
      g_strfreev (terms->capabilities);
      terms->capabilities = g_strv_builder_end (builder);
    }

  fetched = json_object_get_string_member_with_default (root, "fetched", NULL);
  if (fetched != NULL)
    terms->fetched = g_date_time_new_from_iso8601 (fetched, NULL);

  return g_steal_pointer (&terms);
}

/**
 * byline_site_terms_load:
 *
 * Reads a cache file; blocking, see byline_site_terms_load_async().
 *
 * Returns: (transfer full) (nullable): the terms, or %NULL with
 *   %BYLINE_SITE_ERROR_NO_CACHE when there is no usable cache
 */
BylineSiteTerms *
byline_site_terms_load (const char  *path,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  BylineSiteTerms *terms = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (json_parser_load_from_mapped_file (parser, path, &local_error))
    terms = terms_from_json (json_parser_get_root (parser));

  if (terms == NULL)
    {
      /* json-glib's message may quote a token cut inside a character. */
      g_autofree char *reason = local_error != NULL ? g_utf8_make_valid (local_error->message, -1)
                                                    : NULL;

      if (reason != NULL)
        g_set_error (error, BYLINE_SITE_ERROR, BYLINE_SITE_ERROR_NO_CACHE,
                     /* Translators: %s is why the saved copy could not be read. */
                     _("The site's categories and tags have not been fetched yet: %s."), reason);
      else
        g_set_error_literal (error, BYLINE_SITE_ERROR, BYLINE_SITE_ERROR_NO_CACHE,
                             _("The site's categories and tags have not been fetched yet."));
    }
  return terms;
}

/**
 * byline_site_terms_save:
 *
 * Writes a cache file atomically; blocking, for a worker thread.
 */
gboolean
byline_site_terms_save (const char             *path,
                        const BylineSiteTerms  *terms,
                        GError                **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (terms != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: a path, then the system's reason. */
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  root = terms_to_json (terms);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  /* A cache: consistent is enough, a lost write is fetched again. */
  return g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* Threads ----------------------------------------------------------------- */

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  BylineSiteTerms *terms = byline_site_terms_load (task_data, &error);

  if (terms == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, terms, (GDestroyNotify) byline_site_terms_free);
}

void
byline_site_terms_load_async (BylineSite          *site,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BYLINE_IS_SITE (site));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_site_terms_load_async);
  g_task_set_task_data (task, byline_site_terms_path (site), g_free);
  g_task_run_in_thread (task, load_thread);
}

BylineSiteTerms *
byline_site_terms_load_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Refresh ---------------------------------------------------------------- */

typedef struct
{
  BylineCms       *cms;
  char            *path;
  BylineSiteTerms *terms;
  gboolean         from_cache;
} Refresh;

static void
refresh_free (Refresh *refresh)
{
  g_object_unref (refresh->cms);
  g_free (refresh->path);
  g_clear_pointer (&refresh->terms, byline_site_terms_free);
  g_free (refresh);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Refresh *refresh = task_data;
  g_autoptr(GError) error = NULL;

  /* The fresh terms are good even if the cache cannot be written. */
  if (!byline_site_terms_save (refresh->path, refresh->terms, &error))
    g_warning ("Cannot cache the site's terms: %s", error->message);
  g_task_return_pointer (task, byline_site_terms_copy (refresh->terms),
                         (GDestroyNotify) byline_site_terms_free);
}

/* Offline (a transient failure), the cache answers instead. */
static void
refresh_failed (GTask  *task,
                GError *error)
{
  Refresh *refresh = g_task_get_task_data (task);
  BylineSiteTerms *cached;

  if (!byline_cms_error_is_transient (error) ||
      (cached = byline_site_terms_load (refresh->path, NULL)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_debug ("Offline, using cached terms: %s", error->message);
  g_error_free (error);
  refresh->from_cache = TRUE;
  g_task_return_pointer (task, cached, (GDestroyNotify) byline_site_terms_free);
}

static void
tags_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Refresh *refresh = g_task_get_task_data (task);
  GError *error = NULL;
  GPtrArray *tags = byline_cms_fetch_tags_finish (BYLINE_CMS (object), result, &error);

  if (tags == NULL)
    {
      refresh_failed (task, error);
      return;
    }

  g_ptr_array_unref (refresh->terms->tags);
  refresh->terms->tags = tags;
  refresh->terms->fetched = g_date_time_new_now_utc ();
  g_task_run_in_thread (task, save_thread);
}

static void
categories_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Refresh *refresh = g_task_get_task_data (task);
  GError *error = NULL;
  GPtrArray *categories = byline_cms_fetch_categories_finish (BYLINE_CMS (object), result, &error);

  if (categories == NULL)
    {
      refresh_failed (task, error);
      return;
    }

  g_ptr_array_unref (refresh->terms->categories);
  refresh->terms->categories = categories;
  byline_cms_fetch_tags_async (refresh->cms, g_task_get_cancellable (task), tags_cb,
                               g_object_ref (task));
}

static void
verify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Refresh *refresh = g_task_get_task_data (task);
  g_autoptr(BylineCmsUser) user = NULL;
  GError *error = NULL;

  user = byline_cms_verify_finish (BYLINE_CMS (object), result, &error);
  if (user == NULL)
    {
      refresh_failed (task, error);
      return;
    }

  g_strfreev (refresh->terms->capabilities);
  refresh->terms->capabilities = g_steal_pointer (&user->capabilities);
  byline_cms_fetch_categories_async (refresh->cms, g_task_get_cancellable (task), categories_cb,
                                     g_object_ref (task));
}

/**
 * byline_site_terms_refresh_async:
 * @cms: a client of @site, with its credentials
 *
 * Fetches the user's capabilities, every category and every tag, and
 * caches them. When the site cannot be reached (a transient error) and a
 * cache exists, the cached terms are the result.
 */
void
byline_site_terms_refresh_async (BylineSite          *site,
                                 BylineCms           *cms,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Refresh *refresh;

  g_return_if_fail (BYLINE_IS_SITE (site));
  g_return_if_fail (BYLINE_IS_CMS (cms));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_site_terms_refresh_async);
  refresh = g_new0 (Refresh, 1);
  refresh->cms = g_object_ref (cms);
  refresh->path = byline_site_terms_path (site);
  refresh->terms = byline_site_terms_new ();
  g_task_set_task_data (task, refresh, (GDestroyNotify) refresh_free);
  byline_cms_verify_async (cms, cancellable, verify_cb, g_steal_pointer (&task));
}

/**
 * byline_site_terms_refresh_finish:
 * @from_cache: (out) (optional): set to %TRUE when the site could not be
 *   reached and the terms come from the cache
 *
 * Returns: (transfer full): the terms
 */
BylineSiteTerms *
byline_site_terms_refresh_finish (GAsyncResult  *result,
                                  gboolean      *from_cache,
                                  GError       **error)
{
  Refresh *refresh;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  refresh = g_task_get_task_data (G_TASK (result));
  if (from_cache != NULL)
    *from_cache = refresh->from_cache;
  return g_task_propagate_pointer (G_TASK (result), error);
}
