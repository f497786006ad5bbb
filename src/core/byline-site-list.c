/* byline-site-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sites, in $XDG_CONFIG_HOME/io.github.bylinedesk.Byline/sites.json:
 *   { "version": 1, "sites": [ { "id": …, "url": …, … }, … ] }
 * No password is ever in it.
 */

#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>

#include "byline-site-list.h"

struct _BylineSiteList
{
  GObject    parent_instance;

  char      *path;
  GPtrArray *sites;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BylineSiteList, byline_site_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

G_DEFINE_QUARK (byline-site-error-quark, byline_site_error)

static GType
get_item_type (GListModel *model)
{
  return BYLINE_TYPE_SITE;
}

static guint
get_n_items (GListModel *model)
{
  return BYLINE_SITE_LIST (model)->sites->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  BylineSiteList *self = BYLINE_SITE_LIST (model);

  if (position >= self->sites->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->sites, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
byline_site_list_finalize (GObject *object)
{
  BylineSiteList *self = (BylineSiteList *) object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->sites, g_ptr_array_unref);

  G_OBJECT_CLASS (byline_site_list_parent_class)->finalize (object);
}

static void
byline_site_list_class_init (BylineSiteListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_site_list_finalize;
}

static void
byline_site_list_init (BylineSiteList *self)
{
  self->sites = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * byline_site_list_default_path:
 *
 * Returns: (transfer full): $XDG_CONFIG_HOME/io.github.bylinedesk.Byline/sites.json
 */
char *
byline_site_list_default_path (void)
{
  return g_build_filename (g_get_user_config_dir (), BASE_ID, "sites.json", NULL);
}

/**
 * byline_site_list_new:
 * @path: (nullable): the file, or %NULL for the default
 *
 * Returns: (transfer full): an empty list; call byline_site_list_load()
 */
BylineSiteList *
byline_site_list_new (const char *path)
{
  BylineSiteList *self = g_object_new (BYLINE_TYPE_SITE_LIST, NULL);

  self->path = path != NULL ? g_strdup (path) : byline_site_list_default_path ();
  return self;
}

const char *
byline_site_list_get_path (BylineSiteList *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE_LIST (self), NULL);

  return self->path;
}

static void
replace_all (BylineSiteList *self,
             GPtrArray      *sites)
{
  guint removed = self->sites->len;

  g_ptr_array_unref (self->sites);
  self->sites = g_ptr_array_ref (sites);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, sites->len);
}

/* A damaged file is kept for a human to look at, under a name that says
 * what happened, and the list starts empty: never a crash, never a loop. */
static gboolean
move_aside (BylineSiteList  *self,
            const char      *why,
            GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.corrupt-%s", self->path, stamp);

  if (g_rename (self->path, aside) != 0)
    g_clear_pointer (&aside, g_free);

  g_set_error (error, BYLINE_SITE_ERROR, BYLINE_SITE_ERROR_CORRUPT,
               "The list of sites was damaged (%s)%s%s. Add your sites again; their passwords "
               "are still in the keyring.", why,
               aside != NULL ? " and was moved aside to " : "", aside != NULL ? aside : "");
  return FALSE;
}

static GPtrArray *
sites_from_array (JsonArray *array)
{
  GPtrArray *sites = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      BylineSite *site = JSON_NODE_HOLDS_OBJECT (node)
                         ? byline_site_new_from_json (json_node_get_object (node)) : NULL;

      if (site != NULL)
        g_ptr_array_add (sites, site);
    }

  return sites;
}

/**
 * byline_site_list_load:
 *
 * Reads the file (a missing file is an empty list). A damaged file is
 * moved aside and reported with %BYLINE_SITE_ERROR_CORRUPT; a file written
 * by a newer Byline is left alone (%BYLINE_SITE_ERROR_NEWER_VERSION). In
 * both cases the list is empty.
 */
gboolean
byline_site_list_load (BylineSiteList  *self,
                       GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) sites = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *array;

  g_return_val_if_fail (BYLINE_IS_SITE_LIST (self), FALSE);

  if (!json_parser_load_from_mapped_file (parser, self->path, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      if (local_error->domain == G_FILE_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return move_aside (self, "not valid JSON", error);
    }

  /* An empty file parses, without a root. */
  if (json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return move_aside (self, "not a JSON object", error);

  root = json_node_get_object (json_parser_get_root (parser));
  if (json_object_get_int_member_with_default (root, "version", 0) > BYLINE_SITE_LIST_VERSION)
    {
      g_set_error (error, BYLINE_SITE_ERROR, BYLINE_SITE_ERROR_NEWER_VERSION,
                   "The list of sites was written by a newer version of Byline.");
      return FALSE;
    }

  array = json_object_get_member (root, "sites");
  if (json_object_get_int_member_with_default (root, "version", 0) < 1 ||
      array == NULL || !JSON_NODE_HOLDS_ARRAY (array))
    return move_aside (self, "no version or no sites", error);

  sites = sites_from_array (json_node_get_array (array));
  replace_all (self, sites);
  return TRUE;
}

static char *
list_to_data (BylineSiteList *self,
              gsize          *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, BYLINE_SITE_LIST_VERSION);
  json_builder_set_member_name (builder, "sites");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->sites->len; i++)
    json_builder_add_value (builder, byline_site_to_json (g_ptr_array_index (self->sites, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, length);
}

/**
 * byline_site_list_save:
 *
 * Writes the file atomically and durably (a small file: this blocks for
 * one fsync).
 */
gboolean
byline_site_list_save (BylineSiteList  *self,
                       GError         **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (BYLINE_IS_SITE_LIST (self), FALSE);

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Cannot create the folder %s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  data = list_to_data (self, &length);
  return g_file_set_contents_full (self->path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

static gint
find_index (BylineSiteList *self,
            const char     *id)
{
  for (guint i = 0; i < self->sites->len; i++)
    if (g_strcmp0 (byline_site_get_id (g_ptr_array_index (self->sites, i)), id) == 0)
      return i;
  return -1;
}

/**
 * byline_site_list_add:
 *
 * Adds @site, or replaces the site with the same id. The first site
 * becomes the default.
 */
void
byline_site_list_add (BylineSiteList *self,
                      BylineSite     *site)
{
  gint index;

  g_return_if_fail (BYLINE_IS_SITE_LIST (self));
  g_return_if_fail (BYLINE_IS_SITE (site));

  index = find_index (self, byline_site_get_id (site));
  if (index >= 0)
    {
      g_object_unref (g_ptr_array_index (self->sites, index));
      g_ptr_array_index (self->sites, index) = g_object_ref (site);
      g_list_model_items_changed (G_LIST_MODEL (self), index, 1, 1);
      return;
    }

  g_ptr_array_add (self->sites, g_object_ref (site));
  g_list_model_items_changed (G_LIST_MODEL (self), self->sites->len - 1, 0, 1);
  if (byline_site_list_get_default (self) == NULL)
    byline_site_list_set_default (self, site);
}

gboolean
byline_site_list_remove (BylineSiteList *self,
                         const char     *id)
{
  gint index;

  g_return_val_if_fail (BYLINE_IS_SITE_LIST (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  index = find_index (self, id);
  if (index < 0)
    return FALSE;

  g_ptr_array_remove_index (self->sites, index);
  g_list_model_items_changed (G_LIST_MODEL (self), index, 1, 0);
  return TRUE;
}

/**
 * byline_site_list_lookup:
 *
 * Returns: (transfer none) (nullable): the site with @id
 */
BylineSite *
byline_site_list_lookup (BylineSiteList *self,
                         const char     *id)
{
  gint index;

  g_return_val_if_fail (BYLINE_IS_SITE_LIST (self), NULL);

  index = find_index (self, id);
  return index >= 0 ? g_ptr_array_index (self->sites, index) : NULL;
}

/**
 * byline_site_list_find:
 * @name_or_id: what the user typed to name a site
 *
 * The site a user means: the one with the id @name_or_id, else the first
 * whose name is exactly @name_or_id. Ids come first because they never
 * change; names are the handles users type (byline-cli site add NAME URL).
 *
 * Returns: (transfer none) (nullable): the site
 */
BylineSite *
byline_site_list_find (BylineSiteList *self,
                       const char     *name_or_id)
{
  BylineSite *site;

  g_return_val_if_fail (BYLINE_IS_SITE_LIST (self), NULL);
  g_return_val_if_fail (name_or_id != NULL, NULL);

  if ((site = byline_site_list_lookup (self, name_or_id)) != NULL)
    return site;
  for (guint i = 0; i < self->sites->len; i++)
    {
      site = g_ptr_array_index (self->sites, i);
      if (g_strcmp0 (byline_site_get_name (site), name_or_id) == 0)
        return site;
    }
  return NULL;
}

/**
 * byline_site_list_get_default:
 *
 * Returns: (transfer none) (nullable): the default site
 */
BylineSite *
byline_site_list_get_default (BylineSiteList *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE_LIST (self), NULL);

  for (guint i = 0; i < self->sites->len; i++)
    if (byline_site_get_is_default (g_ptr_array_index (self->sites, i)))
      return g_ptr_array_index (self->sites, i);
  return NULL;
}

/* Exactly one site is the default. */
void
byline_site_list_set_default (BylineSiteList *self,
                              BylineSite     *site)
{
  g_return_if_fail (BYLINE_IS_SITE_LIST (self));
  g_return_if_fail (BYLINE_IS_SITE (site));

  for (guint i = 0; i < self->sites->len; i++)
    {
      BylineSite *other = g_ptr_array_index (self->sites, i);
      byline_site_set_is_default (other, other == site);
    }
}
