/* byline-cms.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "byline-cms.h"
#include "byline-json-util.h"

/* Errors ------------------------------------------------------------------ */

/* An extended error domain carries Retry-After with the GError itself, so
 * it cannot go stale or be read from the wrong response when several calls
 * run at once. */
typedef struct
{
  gint64 retry_after;
} BylineCmsErrorPrivate;

static void
byline_cms_error_private_init (BylineCmsErrorPrivate *priv)
{
  priv->retry_after = -1;
}

static void
byline_cms_error_private_copy (const BylineCmsErrorPrivate *src,
                               BylineCmsErrorPrivate       *dest)
{
  dest->retry_after = src->retry_after;
}

static void
byline_cms_error_private_clear (BylineCmsErrorPrivate *priv)
{
}

G_DEFINE_EXTENDED_ERROR (BylineCmsError, byline_cms_error)

/**
 * byline_cms_error_new:
 * @code: the error code
 * @retry_after: seconds the server asked us to wait, or -1
 * @message: a sentence for a human
 */
GError *
byline_cms_error_new (BylineCmsError  code,
                      gint64          retry_after,
                      const char     *message)
{
  GError *error;

  g_return_val_if_fail (message != NULL, NULL);

  error = g_error_new_literal (BYLINE_CMS_ERROR, code, message);
  byline_cms_error_get_private (error)->retry_after = retry_after;
  return error;
}

/**
 * byline_cms_error_is_transient:
 *
 * Returns: %TRUE when trying the same request again later may succeed.
 */
gboolean
byline_cms_error_is_transient (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  if (error->domain != BYLINE_CMS_ERROR)
    return FALSE;

  return error->code == BYLINE_CMS_ERROR_NETWORK ||
         error->code == BYLINE_CMS_ERROR_RATE_LIMITED ||
         error->code == BYLINE_CMS_ERROR_SERVER;
}

/**
 * byline_cms_error_get_retry_after:
 *
 * Returns: the seconds a 429 or 503 reply asked to wait (Retry-After), or
 *   -1 if it did not say or @error is not a %BYLINE_CMS_ERROR.
 */
gint64
byline_cms_error_get_retry_after (const GError *error)
{
  g_return_val_if_fail (error != NULL, -1);

  if (error->domain != BYLINE_CMS_ERROR)
    return -1;

  return byline_cms_error_get_private (error)->retry_after;
}

/**
 * byline_cms_parse_retry_after:
 * @value: (nullable): a Retry-After header value: seconds or an HTTP date
 * @now: the time an HTTP date is counted from
 *
 * Returns: seconds to wait (a date in the past gives 0), or -1
 */
gint64
byline_cms_parse_retry_after (const char *value,
                              GDateTime  *now)
{
  g_autoptr(GDateTime) when = NULL;
  guint64 seconds;

  g_return_val_if_fail (now != NULL, -1);

  if (value == NULL)
    return -1;

  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT32, &seconds, NULL))
    return seconds;

  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return -1;

  return MAX (0, g_date_time_difference (when, now) / G_TIME_SPAN_SECOND);
}

/* Values ------------------------------------------------------------------ */

BylineCmsSiteInfo *
byline_cms_site_info_copy (const BylineCmsSiteInfo *info)
{
  BylineCmsSiteInfo *copy = g_new0 (BylineCmsSiteInfo, 1);

  copy->api_root = g_strdup (info->api_root);
  copy->name = g_strdup (info->name);
  copy->timezone_string = g_strdup (info->timezone_string);
  copy->gmt_offset = info->gmt_offset;
  copy->namespaces = g_strdupv (info->namespaces);
  copy->application_passwords = info->application_passwords;
  return copy;
}

void
byline_cms_site_info_free (BylineCmsSiteInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->api_root);
  g_free (info->name);
  g_free (info->timezone_string);
  g_strfreev (info->namespaces);
  g_free (info);
}

G_DEFINE_BOXED_TYPE (BylineCmsSiteInfo, byline_cms_site_info,
                     byline_cms_site_info_copy, byline_cms_site_info_free)

BylineCmsUser *
byline_cms_user_copy (const BylineCmsUser *user)
{
  BylineCmsUser *copy = g_new0 (BylineCmsUser, 1);

  copy->id = user->id;
  copy->name = g_strdup (user->name);
  copy->username = g_strdup (user->username);
  copy->roles = g_strdupv (user->roles);
  copy->capabilities = g_strdupv (user->capabilities);
  return copy;
}

void
byline_cms_user_free (BylineCmsUser *user)
{
  if (user == NULL)
    return;

  g_free (user->name);
  g_free (user->username);
  g_strfreev (user->roles);
  g_strfreev (user->capabilities);
  g_free (user);
}

gboolean
byline_cms_user_has_role (const BylineCmsUser *user,
                          const char          *role)
{
  g_return_val_if_fail (user != NULL, FALSE);
  g_return_val_if_fail (role != NULL, FALSE);

  return user->roles != NULL && g_strv_contains ((const char * const *) user->roles, role);
}

G_DEFINE_BOXED_TYPE (BylineCmsUser, byline_cms_user,
                     byline_cms_user_copy, byline_cms_user_free)

BylineCmsTerm *
byline_cms_term_new (gint64      id,
                     const char *name)
{
  BylineCmsTerm *term = g_new0 (BylineCmsTerm, 1);

  term->id = id;
  term->name = g_strdup (name);
  return term;
}

BylineCmsTerm *
byline_cms_term_copy (const BylineCmsTerm *term)
{
  BylineCmsTerm *copy = byline_cms_term_new (term->id, term->name);

  copy->parent = term->parent;
  copy->slug = g_strdup (term->slug);
  return copy;
}

void
byline_cms_term_free (BylineCmsTerm *term)
{
  if (term == NULL)
    return;

  g_free (term->name);
  g_free (term->slug);
  g_free (term);
}

G_DEFINE_BOXED_TYPE (BylineCmsTerm, byline_cms_term,
                     byline_cms_term_copy, byline_cms_term_free)

BylineCmsMedia *
byline_cms_media_copy (const BylineCmsMedia *media)
{
  BylineCmsMedia *copy = g_new0 (BylineCmsMedia, 1);

  copy->id = media->id;
  copy->post = media->post;
  copy->source_url = g_strdup (media->source_url);
  copy->file_name = g_strdup (media->file_name);
  return copy;
}

void
byline_cms_media_free (BylineCmsMedia *media)
{
  if (media == NULL)
    return;

  g_free (media->source_url);
  g_free (media->file_name);
  g_free (media);
}

G_DEFINE_BOXED_TYPE (BylineCmsMedia, byline_cms_media,
                     byline_cms_media_copy, byline_cms_media_free)

BylineCmsPost *
byline_cms_post_new (void)
{
  BylineCmsPost *post = g_new0 (BylineCmsPost, 1);

  post->featured_media = -1;
  return post;
}

static GArray *
ids_copy (const GArray *ids)
{
  if (ids == NULL)
    return NULL;

  return g_array_copy ((GArray *) ids);
}

BylineCmsPost *
byline_cms_post_copy (const BylineCmsPost *post)
{
  BylineCmsPost *copy = byline_cms_post_new ();

  copy->id = post->id;
  copy->status = g_strdup (post->status);
  copy->slug = g_strdup (post->slug);
  copy->title = g_strdup (post->title);
  copy->content = g_strdup (post->content);
  copy->excerpt = g_strdup (post->excerpt);
  copy->date_gmt = g_strdup (post->date_gmt);
  copy->categories = ids_copy (post->categories);
  copy->tags = ids_copy (post->tags);
  copy->featured_media = post->featured_media;
  copy->link = g_strdup (post->link);
  copy->modified_gmt = g_strdup (post->modified_gmt);
  return copy;
}

void
byline_cms_post_free (BylineCmsPost *post)
{
  if (post == NULL)
    return;

  g_free (post->status);
  g_free (post->slug);
  g_free (post->title);
  g_free (post->content);
  g_free (post->excerpt);
  g_free (post->date_gmt);
  g_clear_pointer (&post->categories, g_array_unref);
  g_clear_pointer (&post->tags, g_array_unref);
  g_free (post->link);
  g_free (post->modified_gmt);
  g_free (post);
}

G_DEFINE_BOXED_TYPE (BylineCmsPost, byline_cms_post,
                     byline_cms_post_copy, byline_cms_post_free)

/**
 * byline_cms_post_set_ids:
 * @ids: (inout): the categories or tags field of a post
 *
 * Replaces @ids with a new array of @n_values ids (an empty array is set,
 * and sent, when @n_values is 0).
 */
void
byline_cms_post_set_ids (GArray       **ids,
                         const gint64  *values,
                         guint          n_values)
{
  g_return_if_fail (ids != NULL);

  g_clear_pointer (ids, g_array_unref);
  *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_values);
  g_array_append_vals (*ids, values, n_values);
}

static void
add_ids_member (JsonBuilder  *builder,
                const char   *name,
                const GArray *ids)
{
  if (ids == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (ids, gint64, i));
  json_builder_end_array (builder);
}

/**
 * byline_cms_post_to_json:
 *
 * Returns: (transfer full): the JSON object of the set fields of @post, as
 *   the WordPress REST API takes it
 */
/**
 * byline_cms_text_to_html:
 * @text: (nullable): plain text, as the user typed it
 *
 * WordPress keeps a title, an excerpt or a media caption as HTML: "<" typed
 * in a headline must arrive as "&lt;", or it is markup (a <script> kept for
 * an editor, stripped for an author). The one escaping of those fields;
 * byline_cms_text_from_html() undoes it on the way back.
 *
 * Returns: (transfer full) (nullable): the HTML of @text
 */
char *
byline_cms_text_to_html (const char *text)
{
  return text != NULL ? g_markup_escape_text (text, -1) : NULL;
}

/**
 * byline_cms_text_from_html:
 * @html: (nullable): a title or excerpt as WordPress keeps it (raw)
 *
 * Decodes the character references that byline_cms_text_to_html() and
 * WordPress write (&amp; &lt; &gt; &quot; &#39; &#039; &#038;); other text
 * is kept as it is.
 *
 * Returns: (transfer full) (nullable): the text
 */
char *
byline_cms_text_from_html (const char *html)
{
  static const struct { const char *ref; char c; } refs[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
    { "&#39;", '\'' }, { "&#039;", '\'' }, { "&#038;", '&' },
  };
  GString *text;

  if (html == NULL)
    return NULL;

  text = g_string_sized_new (strlen (html));
  for (const char *p = html; *p != '\0';)
    {
      gboolean decoded = FALSE;

      for (guint i = 0; *p == '&' && i < G_N_ELEMENTS (refs) && !decoded; i++)
        if (g_str_has_prefix (p, refs[i].ref))
          {
            g_string_append_c (text, refs[i].c);
            p += strlen (refs[i].ref);
            decoded = TRUE;
          }
      if (!decoded)
        g_string_append_c (text, *p++);
    }
  return g_string_free (text, FALSE);
}

static void
add_text_member (JsonBuilder *builder,
                 const char  *name,
                 const char  *text)
{
  g_autofree char *html = byline_cms_text_to_html (text);

  byline_json_add_nullable_string (builder, name, html);
}

JsonNode *
byline_cms_post_to_json (const BylineCmsPost *post)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (post != NULL, NULL);

  json_builder_begin_object (builder);
  byline_json_add_nullable_string (builder, "status", post->status);
  byline_json_add_nullable_string (builder, "slug", post->slug);
  add_text_member (builder, "title", post->title);
  byline_json_add_nullable_string (builder, "content", post->content);
  add_text_member (builder, "excerpt", post->excerpt);
  byline_json_add_nullable_string (builder, "date_gmt", post->date_gmt);
  add_ids_member (builder, "categories", post->categories);
  add_ids_member (builder, "tags", post->tags);
  if (post->featured_media >= 0)
    {
      json_builder_set_member_name (builder, "featured_media");
      json_builder_add_int_value (builder, post->featured_media);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* WordPress gives title, content and excerpt as {raw, rendered} objects in
 * context=edit: raw is what we sent, byte for byte. */
static char *
dup_raw_member (JsonObject *object,
                const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return byline_json_dup_string (json_node_get_object (node), "raw");

  return byline_json_dup_string (object, name);
}

static char *
dup_raw_text_member (JsonObject *object,
                     const char *name)
{
  g_autofree char *html = dup_raw_member (object, name);

  return byline_cms_text_from_html (html);
}

static GArray *
dup_ids_member (JsonObject *object,
                const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;
  GArray *ids;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gint64 id = byline_json_node_peek_int (json_array_get_element (array, i), 0);
      g_array_append_val (ids, id);
    }
  return ids;
}

/**
 * byline_cms_post_new_from_json:
 *
 * Returns: (transfer full) (nullable): the post in a WordPress reply, or
 *   %NULL if @node is not a post object
 */
BylineCmsPost *
byline_cms_post_new_from_json (JsonNode *node)
{
  BylineCmsPost *post;
  JsonObject *object;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  if (byline_json_peek_int (object, "id", 0) <= 0)
    return NULL;

  post = byline_cms_post_new ();
  post->id = byline_json_peek_int (object, "id", 0);
  post->status = byline_json_dup_string (object, "status");
  post->slug = byline_json_dup_string (object, "slug");
  post->title = dup_raw_text_member (object, "title");
  post->content = dup_raw_member (object, "content");
  post->excerpt = dup_raw_text_member (object, "excerpt");
  post->date_gmt = byline_json_dup_string (object, "date_gmt");
  post->categories = dup_ids_member (object, "categories");
  post->tags = dup_ids_member (object, "tags");
  post->featured_media = byline_json_peek_int (object, "featured_media", -1);
  post->link = byline_json_dup_string (object, "link");
  post->modified_gmt = byline_json_dup_string (object, "modified_gmt");
  return post;
}

/**
 * byline_cms_post_digest:
 * @post: a post as read from the site
 *
 * What the desk can change, hashed: the title, lead and body as stored.
 * WordPress's modified_gmt counts whole seconds, so an edit in the second
 * of Byline's own write leaves it unchanged; this does not.
 *
 * Returns: (transfer full): a SHA-256 in hex
 */
char *
byline_cms_post_digest (const BylineCmsPost *post)
{
  const char *parts[] = { post->title, post->excerpt, post->content };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (post != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      /* With its length: "ab" + "c" is not "a" + "bc". */
      gsize length = parts[i] != NULL ? strlen (parts[i]) : 0;

      g_checksum_update (checksum, (const guchar *) &length, sizeof length);
      if (parts[i] != NULL)
        g_checksum_update (checksum, (const guchar *) parts[i], length);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* Media file names -------------------------------------------------------- */

static const char *
media_extension (GFile *file)
{
  static const char * const known[] = { "jpg", "jpeg", "png", "webp", "gif", NULL };
  g_autofree char *base = g_file_get_basename (file);
  const char *dot = base != NULL ? strrchr (base, '.') : NULL;

  for (guint i = 0; dot != NULL && known[i] != NULL; i++)
    if (g_ascii_strcasecmp (dot + 1, known[i]) == 0)
      return known[i];

  return "jpg";
}

/* Hashing a photo reads it all: a worker thread's job. */
static void
media_file_name_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree guint8 *buffer = g_malloc (64 * 1024);
  GError *error = NULL;
  gssize n;

  stream = g_file_read (file, cancellable, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 64 * 1024,
                                   cancellable, &error)) > 0)
    g_checksum_update (checksum, buffer, n);

  if (n < 0)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task,
                           g_strdup_printf ("byline-%.16s.%s",
                                            g_checksum_get_string (checksum),
                                            media_extension (file)),
                           g_free);
}

/**
 * byline_cms_media_file_name_async:
 *
 * Computes the name a photo is uploaded under: "byline-<first 16 hex digits
 * of its SHA-256>.<ext>", ASCII only, so that a retry finds an earlier
 * upload of the same photo (byline_cms_find_media_async()).
 */
void
byline_cms_media_file_name_async (GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_cms_media_file_name_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, media_file_name_thread);
}

char *
byline_cms_media_file_name_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The interface ----------------------------------------------------------- */

G_DEFINE_INTERFACE (BylineCms, byline_cms, G_TYPE_OBJECT)

static void
byline_cms_default_init (BylineCmsInterface *iface)
{
}

static gpointer
cms_propagate (BylineCms     *self,
               GAsyncResult  *result,
               GError       **error)
{
  g_return_val_if_fail (BYLINE_IS_CMS (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
byline_cms_discover_async (BylineCms           *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (BYLINE_IS_CMS (self));

  BYLINE_CMS_GET_IFACE (self)->discover (self, cancellable, callback, user_data);
}

/**
 * byline_cms_discover_finish:
 *
 * Returns: (transfer full): what the site says about itself; the backend
 *   uses the API root it found for every later call
 */
BylineCmsSiteInfo *
byline_cms_discover_finish (BylineCms     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return cms_propagate (self, result, error);
}

void
byline_cms_verify_async (BylineCms           *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (BYLINE_IS_CMS (self));

  BYLINE_CMS_GET_IFACE (self)->verify (self, cancellable, callback, user_data);
}

/**
 * byline_cms_verify_finish:
 *
 * Returns: (transfer full): the user the credentials belong to
 */
BylineCmsUser *
byline_cms_verify_finish (BylineCms     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return cms_propagate (self, result, error);
}

void
byline_cms_fetch_categories_async (BylineCms           *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (BYLINE_IS_CMS (self));

  BYLINE_CMS_GET_IFACE (self)->fetch_terms (self, "categories", cancellable, callback, user_data);
}

/**
 * byline_cms_fetch_categories_finish:
 *
 * Returns: (transfer full) (element-type BylineCmsTerm): every category
 */
GPtrArray *
byline_cms_fetch_categories_finish (BylineCms     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return cms_propagate (self, result, error);
}

void
byline_cms_fetch_tags_async (BylineCms           *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (BYLINE_IS_CMS (self));

  BYLINE_CMS_GET_IFACE (self)->fetch_terms (self, "tags", cancellable, callback, user_data);
}

/**
 * byline_cms_fetch_tags_finish:
 *
 * Returns: (transfer full) (element-type BylineCmsTerm): every tag
 */
GPtrArray *
byline_cms_fetch_tags_finish (BylineCms     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return cms_propagate (self, result, error);
}

void
byline_cms_create_tag_async (BylineCms           *self,
                             const char          *name,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (BYLINE_IS_CMS (self));
  g_return_if_fail (name != NULL && *name != '\0');

  BYLINE_CMS_GET_IFACE (self)->create_tag (self, name, cancellable, callback, user_data);
}

/**
 * byline_cms_create_tag_finish:
 *
 * Returns: (transfer full): the new tag
 */
BylineCmsTerm *
byline_cms_create_tag_finish (BylineCms     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return cms_propagate (self, result, error);
}

/* It goes into a quoted Content-Disposition filename: plain ASCII only. */
static gboolean
file_name_is_safe (const char *file_name)
{
  if (file_name == NULL || *file_name == '\0')
    return FALSE;

  for (const char *p = file_name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-_.", *p) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * byline_cms_upload_media_async:
 * @file_name: the ASCII name to upload under, from
 *   byline_cms_media_file_name_async()
 * @post_id: the post the photo belongs to, or 0
 * @title: (nullable): @caption: (nullable): @alt_text: (nullable):
 * @description: (nullable): the attachment's texts
 * @progress: (nullable) (scope call): told as the file goes out
 *
 * Streams @file to the media library; it is never read whole into memory.
 */
void
byline_cms_upload_media_async (BylineCms             *self,
                               GFile                 *file,
                               const char            *file_name,
                               gint64                 post_id,
                               const char            *title,
                               const char            *caption,
                               const char            *alt_text,
                               const char            *description,
                               BylineCmsProgressFunc  progress,
                               gpointer               progress_data,
                               GCancellable          *cancellable,
                               GAsyncReadyCallback    callback,
                               gpointer               user_data)
{
  g_return_if_fail (BYLINE_IS_CMS (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (file_name_is_safe (file_name));

  BYLINE_CMS_GET_IFACE (self)->upload_media (self, file, file_name, post_id, title, caption,
                                              alt_text, description, progress, progress_data,
                                              cancellable, callback, user_data);
}

/**
 * byline_cms_upload_media_finish:
 *
 * Returns: (transfer full): the new attachment
 */
BylineCmsMedia *
byline_cms_upload_media_finish (BylineCms     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return cms_propagate (self, result, error);
}

/**
 * byline_cms_find_media_async:
 *
 * Looks for an attachment of @post_id uploaded as @file_name, to avoid a
 * second upload after an ambiguous failure.
 */
void
byline_cms_find_media_async (BylineCms           *self,
                             gint64               post_id,
                             const char          *file_name,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (BYLINE_IS_CMS (self));
  g_return_if_fail (post_id > 0);
  g_return_if_fail (file_name != NULL);

  BYLINE_CMS_GET_IFACE (self)->find_media (self, post_id, file_name, cancellable, callback, user_data);
}

/**
 * byline_cms_find_media_finish:
 *
 * Returns: (transfer full) (nullable): the attachment, or %NULL without an
 *   error when there is none
 */
BylineCmsMedia *
byline_cms_find_media_finish (BylineCms     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return cms_propagate (self, result, error);
}

/**
 * byline_cms_create_post_async:
 * @post: the fields to set; its id must be 0
 *
 * Fails with %BYLINE_CMS_ERROR_VALIDATION when WordPress dropped a category,
 * tag or featured_media id it did not know (it answers 201 all the same).
 */
void
byline_cms_create_post_async (BylineCms           *self,
                              const BylineCmsPost *post,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (BYLINE_IS_CMS (self));
  g_return_if_fail (post != NULL && post->id == 0);

  BYLINE_CMS_GET_IFACE (self)->save_post (self, post, cancellable, callback, user_data);
}

/**
 * byline_cms_create_post_finish:
 *
 * Returns: (transfer full): the post as the server has it now
 */
BylineCmsPost *
byline_cms_create_post_finish (BylineCms     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return cms_propagate (self, result, error);
}

/**
 * byline_cms_update_post_async:
 * @post: the id of the post and the fields to change
 *
 * As byline_cms_create_post_async(), for an existing post.
 */
void
byline_cms_update_post_async (BylineCms           *self,
                              const BylineCmsPost *post,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (BYLINE_IS_CMS (self));
  g_return_if_fail (post != NULL && post->id > 0);

  BYLINE_CMS_GET_IFACE (self)->save_post (self, post, cancellable, callback, user_data);
}

/**
 * byline_cms_update_post_finish:
 *
 * Returns: (transfer full): the post as the server has it now
 */
BylineCmsPost *
byline_cms_update_post_finish (BylineCms     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return cms_propagate (self, result, error);
}

void
byline_cms_get_post_async (BylineCms           *self,
                           gint64               post_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (BYLINE_IS_CMS (self));
  g_return_if_fail (post_id > 0);

  BYLINE_CMS_GET_IFACE (self)->get_post (self, post_id, cancellable, callback, user_data);
}

/**
 * byline_cms_get_post_finish:
 *
 * Returns: (transfer full): the post, with the raw (unrendered) texts
 */
BylineCmsPost *
byline_cms_get_post_finish (BylineCms     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return cms_propagate (self, result, error);
}

/**
 * byline_cms_find_post_by_slug_async:
 *
 * Looks for a post of any status with @slug (drafts included), to find a
 * post an ambiguous failure may have created.
 */
void
byline_cms_find_post_by_slug_async (BylineCms           *self,
                                    const char          *slug,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (BYLINE_IS_CMS (self));
  g_return_if_fail (slug != NULL && *slug != '\0');

  BYLINE_CMS_GET_IFACE (self)->find_post_by_slug (self, slug, cancellable, callback, user_data);
}

/**
 * byline_cms_find_post_by_slug_finish:
 *
 * Returns: (transfer full) (nullable): the post, or %NULL without an error
 *   when there is none
 */
BylineCmsPost *
byline_cms_find_post_by_slug_finish (BylineCms     *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return cms_propagate (self, result, error);
}
