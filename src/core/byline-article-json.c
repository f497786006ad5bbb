/* byline-article-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * article.json. The loader is strict about types (a wrong type is a
 * corrupt or foreign file, and the store moves it aside) but tolerant of
 * members it does not know, which it keeps and writes back: a newer Byline
 * may have put them there.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-article-private.h"
#include "byline-model-private.h"

static const char * const known_members[] = {
  "version", "id", "created", "modified", "title", "lead", "body", "category",
  "tags", "writers", "photographers", "dateline", "language", "site", "slugline",
  "priority", "embargo", "desk_note", "photos", "featured_photo", "remote",
};

static void
add_text (JsonBuilder   *builder,
          BylineArticle *self,
          ArticleText    field)
{
  byline_json_add_string (builder, byline_article_text_members[field], self->texts[field]);
}

static void
add_list (JsonBuilder   *builder,
          BylineArticle *self,
          ArticleList    field)
{
  byline_json_add_strv (builder, byline_article_list_members[field],
                        (const char * const *) self->lists[field]);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_body (JsonBuilder   *builder,
          BylineArticle *self)
{
  if (self->blocks->len == 0)
    return;

  json_builder_set_member_name (builder, "body");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->blocks->len; i++)
    json_builder_add_value (builder, byline_block_to_json (g_ptr_array_index (self->blocks, i)));
  json_builder_end_array (builder);
}

static void
add_photos (JsonBuilder   *builder,
            BylineArticle *self)
{
  GListModel *photos = G_LIST_MODEL (self->photos);
  guint n = g_list_model_get_n_items (photos);

  if (n == 0)
    return;

  json_builder_set_member_name (builder, "photos");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylinePhoto) photo = g_list_model_get_item (photos, i);

      json_builder_add_value (builder, byline_photo_to_json (photo));
    }
  json_builder_end_array (builder);
}

static void
add_remote (JsonBuilder   *builder,
            BylineArticle *self)
{
  if (self->remote_site == NULL && self->remote_post_id == 0 && self->remote_link == NULL &&
      self->remote_modified == NULL && self->remote_digest == NULL && self->remote_status == NULL)
    return;

  json_builder_set_member_name (builder, "remote");
  json_builder_begin_object (builder);
  byline_json_add_string (builder, "site", self->remote_site);
  if (self->remote_post_id != 0)
    add_int (builder, "post_id", self->remote_post_id);
  byline_json_add_string (builder, "link", self->remote_link);
  byline_json_add_string (builder, "modified_gmt", self->remote_modified);
  byline_json_add_string (builder, "digest", self->remote_digest);
  byline_json_add_string (builder, "status", self->remote_status);
  json_builder_end_object (builder);
}

static void
add_unknown (JsonBuilder   *builder,
             BylineArticle *self)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (self->unknown == NULL)
    return;

  json_object_iter_init (&iter, self->unknown);
  while (json_object_iter_next (&iter, &member, &node))
    {
      json_builder_set_member_name (builder, member);
      json_builder_add_value (builder, json_node_copy (node));
    }
}

/**
 * byline_article_to_json:
 *
 * Returns: (transfer full): the article as written to article.json; absent
 *   fields are left out
 */
JsonNode *
byline_article_to_json (BylineArticle *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  json_builder_begin_object (builder);
  add_int (builder, "version", self->version);
  byline_json_add_string (builder, "id", self->id);
  byline_json_add_date_time (builder, "created", self->created);
  byline_json_add_date_time (builder, "modified", self->modified);
  add_text (builder, self, ARTICLE_TITLE);
  add_text (builder, self, ARTICLE_LEAD);
  add_body (builder, self);
  add_text (builder, self, ARTICLE_CATEGORY);
  add_list (builder, self, ARTICLE_TAGS);
  add_list (builder, self, ARTICLE_WRITERS);
  add_list (builder, self, ARTICLE_PHOTOGRAPHERS);
  add_text (builder, self, ARTICLE_DATELINE);
  add_text (builder, self, ARTICLE_LANGUAGE);
  add_text (builder, self, ARTICLE_SITE);
  add_text (builder, self, ARTICLE_SLUGLINE);
  if (self->priority != 0)
    add_int (builder, "priority", self->priority);
  byline_json_add_date_time (builder, "embargo", self->embargo);
  add_text (builder, self, ARTICLE_DESK_NOTE);
  add_photos (builder, self);
  byline_json_add_string (builder, "featured_photo", self->featured_photo);
  add_remote (builder, self);
  add_unknown (builder, self);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * byline_article_to_bytes:
 *
 * Returns: (transfer full): pretty-printed UTF-8 JSON ending with a newline
 */
GBytes *
byline_article_to_bytes (BylineArticle *self)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  root = byline_article_to_json (self);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_gstring (generator, g_string_new (NULL));
  g_string_append_c (text, '\n');

  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static void
copy_photos (BylineArticle *copy,
             BylineArticle *self)
{
  GListModel *photos = G_LIST_MODEL (self->photos);
  guint n = g_list_model_get_n_items (photos);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylinePhoto) photo = g_list_model_get_item (photos, i);
      g_autoptr(JsonNode) node = byline_photo_to_json (photo);

      /* Our own output: it reads back. */
      g_ptr_array_add (copies, byline_photo_new_from_json (json_node_get_object (node), NULL));
    }
  g_list_store_splice (copy->photos, 0, 0, copies->pdata, copies->len);
}

static JsonObject *
copy_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autoptr(JsonNode) copy = json_node_copy (node);

  return json_node_dup_object (copy);
}

/**
 * byline_article_dup_snapshot:
 *
 * A copy of @self that no one else holds, to serialise on another thread
 * while @self goes on changing. Cheap for a long article: the blocks are
 * sealed and atomically refcounted, so the copy shares them; only the
 * header fields and the (few, mutable) photos are copied.
 *
 * Returns: (transfer full): the copy; it emits nothing anyone listens to
 */
BylineArticle *
byline_article_dup_snapshot (BylineArticle *self)
{
  BylineArticle *copy;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  copy = byline_article_new_with_id (self->id);
  /* First, as adding photos touches "modified". */
  copy_photos (copy, self);
  g_date_time_unref (copy->created);
  copy->created = g_date_time_ref (self->created);
  g_date_time_unref (copy->modified);
  copy->modified = g_date_time_ref (self->modified);
  copy->embargo = self->embargo ? g_date_time_ref (self->embargo) : NULL;
  for (guint i = 0; i < ARTICLE_N_TEXTS; i++)
    copy->texts[i] = g_strdup (self->texts[i]);
  for (guint i = 0; i < ARTICLE_N_LISTS; i++)
    {
      g_strfreev (copy->lists[i]);
      copy->lists[i] = g_strdupv (self->lists[i]);
    }
  copy->priority = self->priority;
  for (guint i = 0; i < self->blocks->len; i++)
    g_ptr_array_add (copy->blocks, byline_block_ref (g_ptr_array_index (self->blocks, i)));
  copy->featured_photo = g_strdup (self->featured_photo);
  copy->remote_site = g_strdup (self->remote_site);
  copy->remote_post_id = self->remote_post_id;
  copy->remote_link = g_strdup (self->remote_link);
  copy->remote_modified = g_strdup (self->remote_modified);
  copy->remote_digest = g_strdup (self->remote_digest);
  copy->remote_status = g_strdup (self->remote_status);
  copy->version = self->version;
  /* A deep copy: the worker then shares nothing mutable with @self. */
  copy->unknown = self->unknown ? copy_object (self->unknown) : NULL;
  return copy;
}

static gboolean
read_texts (BylineArticle  *self,
            JsonObject     *object,
            GError        **error)
{
  for (guint i = 0; i < ARTICLE_N_TEXTS; i++)
    if (!byline_json_get_string (object, NULL, byline_article_text_members[i],
                                 &self->texts[i], error))
      return FALSE;

  for (guint i = 0; i < ARTICLE_N_LISTS; i++)
    {
      g_auto(GStrv) list = NULL;

      if (!byline_json_get_strv (object, NULL, byline_article_list_members[i], &list, error))
        return FALSE;
      if (list != NULL)
        {
          g_strfreev (self->lists[i]);
          self->lists[i] = g_steal_pointer (&list);
        }
    }

  return TRUE;
}

static gboolean
read_dates (BylineArticle  *self,
            JsonObject     *object,
            GError        **error)
{
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  gint64 priority = 0;

  if (!byline_json_get_date_time (object, NULL, "created", &created, error) ||
      !byline_json_get_date_time (object, NULL, "modified", &modified, error) ||
      !byline_json_get_date_time (object, NULL, "embargo", &self->embargo, error) ||
      !byline_json_get_int (object, NULL, "priority", 0, 9, &priority, error))
    return FALSE;

  /* A hand-written or imported file may lack its dates: now is honest. */
  if (created != NULL)
    {
      g_date_time_unref (self->created);
      self->created = g_steal_pointer (&created);
    }
  g_date_time_unref (self->modified);
  self->modified = modified != NULL ? g_steal_pointer (&modified) : g_date_time_ref (self->created);
  self->priority = priority;

  return TRUE;
}

static gboolean
read_body (BylineArticle  *self,
           JsonObject     *object,
           gboolean        newer,
           GError        **error)
{
  JsonArray *body = NULL;

  if (!byline_json_get_array (object, NULL, "body", &body, error))
    return FALSE;

  for (guint i = 0; body != NULL && i < json_array_get_length (body); i++)
    {
      JsonObject *element = byline_json_element_object (body, i, NULL, "body", error);
      g_autofree char *where = g_strdup_printf ("body[%u]", i);
      BylineBlock *block;

      if (element == NULL)
        return FALSE;

      /* A newer Byline may have new kinds of blocks; the file is only shown,
       * never rewritten, so skipping them loses nothing on disk. */
      if (newer && !byline_block_type_is_known (json_object_get_string_member_with_default (element, "type", "")))
        continue;

      block = byline_block_new_from_json_at (element, where, newer, error);
      if (block == NULL)
        return FALSE;
      byline_block_seal (block);
      g_ptr_array_add (self->blocks, block);
    }

  return TRUE;
}

static gboolean
read_photos (BylineArticle  *self,
             JsonObject     *object,
             GError        **error)
{
  g_autofree char *featured = NULL;
  JsonArray *photos = NULL;

  if (!byline_json_get_array (object, NULL, "photos", &photos, error) ||
      !byline_json_get_string (object, NULL, "featured_photo", &featured, error))
    return FALSE;

  for (guint i = 0; photos != NULL && i < json_array_get_length (photos); i++)
    {
      JsonObject *element = byline_json_element_object (photos, i, NULL, "photos", error);
      g_autofree char *where = g_strdup_printf ("photos[%u]", i);
      g_autoptr(BylinePhoto) photo = NULL;

      if (element == NULL)
        return FALSE;
      photo = byline_photo_new_from_json_at (element, where, error);
      if (photo == NULL)
        return FALSE;
      byline_article_add_photo (self, photo);
    }

  /* A featured photo that is not there any more falls back to the first. */
  if (featured != NULL && byline_article_find_photo (self, featured) != NULL)
    self->featured_photo = g_steal_pointer (&featured);

  return TRUE;
}

static gboolean
read_remote (BylineArticle  *self,
             JsonObject     *object,
             GError        **error)
{
  JsonObject *remote = NULL;

  if (!byline_json_get_object (object, NULL, "remote", &remote, error))
    return FALSE;

  if (remote == NULL)
    return TRUE;

  return byline_json_get_string (remote, "remote", "site", &self->remote_site, error) &&
         byline_json_get_int (remote, "remote", "post_id", 0, G_MAXINT64,
                              &self->remote_post_id, error) &&
         byline_json_get_string (remote, "remote", "link", &self->remote_link, error) &&
         byline_json_get_string (remote, "remote", "modified_gmt", &self->remote_modified, error) &&
         byline_json_get_string (remote, "remote", "digest", &self->remote_digest, error) &&
         byline_json_get_string (remote, "remote", "status", &self->remote_status, error);
}

static void
keep_unknown (BylineArticle *self,
              JsonObject    *object)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &node))
    {
      if (g_strv_contains (known_members, member))
        continue;
      if (self->unknown == NULL)
        self->unknown = json_object_new ();
      json_object_set_member (self->unknown, member, json_node_copy (node));
    }
}

static gboolean
read_header (JsonObject  *object,
             gint64      *version,
             char       **id,
             GError     **error)
{
  if (!byline_json_get_int (object, NULL, "version", 1, G_MAXINT, version, error) ||
      !byline_json_get_string (object, NULL, "id", id, error))
    return FALSE;

  if (*version == 0)
    {
      /* Translators: completes “Invalid article: “field” %s”. */
      byline_json_set_invalid (error, NULL, "version", _("is missing"));
      return FALSE;
    }

  /* The id names the draft's folder: only a real UUID may get there. */
  if (*id == NULL || !g_uuid_string_is_valid (*id))
    {
      /* Translators: completes “Invalid article: “field” %s”. */
      byline_json_set_invalid (error, NULL, "id", _("must be a UUID"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_fields (BylineArticle  *self,
             JsonObject     *object,
             GError        **error)
{
  return read_texts (self, object, error) &&
         read_dates (self, object, error) &&
         read_body (self, object, self->version > BYLINE_ARTICLE_SCHEMA_VERSION, error) &&
         read_photos (self, object, error) &&
         read_remote (self, object, error);
}

/**
 * byline_article_new_from_json:
 * @node: the root of article.json
 * @newer_version: (out) (optional): set to whether the file comes from a
 *   newer Byline (then the article must not be saved)
 *
 * Returns: (transfer full) (nullable): the article, or %NULL with
 *   %BYLINE_ARTICLE_ERROR_INVALID naming the offending field
 */
BylineArticle *
byline_article_new_from_json (JsonNode  *node,
                              gboolean  *newer_version,
                              GError   **error)
{
  g_autoptr(BylineArticle) self = NULL;
  g_autofree char *id = NULL;
  JsonObject *object;
  gint64 version = 0;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (newer_version != NULL)
    *newer_version = FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, BYLINE_ARTICLE_ERROR, BYLINE_ARTICLE_ERROR_INVALID,
                           _("Invalid article: not a JSON object"));
      return NULL;
    }

  object = json_node_get_object (node);
  if (!read_header (object, &version, &id, error))
    return NULL;

  self = byline_article_new_with_id (id);
  self->version = version;
  byline_article_freeze_changed (self);
  if (!read_fields (self, object, error))
    return NULL;
  keep_unknown (self, object);
  byline_article_thaw_changed (self, TRUE);

  if (newer_version != NULL)
    *newer_version = version > BYLINE_ARTICLE_SCHEMA_VERSION;

  return g_steal_pointer (&self);
}

BylineArticle *
byline_article_new_from_bytes (GBytes    *bytes,
                               gboolean  *newer_version,
                               GError   **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (newer_version != NULL)
    *newer_version = FALSE;

  data = g_bytes_get_data (bytes, &size);
  if (size > G_MAXSSIZE ||
      !json_parser_load_from_data (parser, data != NULL ? data : "", size, &local_error))
    {
      /* json-glib quotes the offending token cut at a byte, not at a
       * character: the message it gives may not be UTF-8 (found by
       * tests/fuzz/fuzz-article-json). */
      g_autofree char *reason = NULL;

      if (local_error != NULL)
        reason = g_utf8_make_valid (local_error->message, -1);
      else
        /* Translators: fills “Invalid article: not JSON (%s)”. */
        reason = g_strdup (_("too big"));

      g_set_error (error, BYLINE_ARTICLE_ERROR, BYLINE_ARTICLE_ERROR_INVALID,
                   /* Translators: %s is the JSON parser's reason. */
                   _("Invalid article: not JSON (%s)"), reason);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, BYLINE_ARTICLE_ERROR, BYLINE_ARTICLE_ERROR_INVALID,
                           _("Invalid article: the file is empty"));
      return NULL;
    }

  return byline_article_new_from_json (json_parser_get_root (parser), newer_version, error);
}
