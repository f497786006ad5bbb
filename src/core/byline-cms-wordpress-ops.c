/* byline-cms-wordpress-ops.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The BylineCms operations of the WordPress backend, on top of the
 * request core of byline-cms-wordpress.c.
 */

#include "config.h"

#include <string.h>

#include "byline-cms-wordpress-private.h"
#include "byline-json-util.h"

#define API_LINK_REL "https://api.w.org/"
#define PER_PAGE "100"

static GTask *
op_task_new (BylineCms           *cms,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task = g_task_new (cms, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  return task;
}

static BylineCmsWordpress *
task_self (GTask *task)
{
  return BYLINE_CMS_WORDPRESS (g_task_get_source_object (task));
}

static JsonObject *
object_or_null (JsonNode *json)
{
  return json != NULL && JSON_NODE_HOLDS_OBJECT (json) ? json_node_get_object (json) : NULL;
}

/* A user, term or media item of the REST API is an object with a
 * positive id: anything else in its place is not one. */
static JsonObject *
item_object (JsonNode *json)
{
  JsonObject *object = object_or_null (json);

  if (object == NULL || byline_json_peek_int (object, "id", 0) <= 0)
    return NULL;
  return object;
}

static void
return_protocol_error (GTask      *task,
                       const char *what)
{
  g_task_return_new_error (task, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_PROTOCOL,
                           "The site's reply has no %s in it.", what);
}

/* Hands a parsed reply to @task; @item is NULL when the reply did not
 * hold the @what that was asked for. */
static void
return_parsed (GTask          *task,
               gpointer        item,
               GDestroyNotify  item_free,
               const char     *what)
{
  if (item == NULL)
    return_protocol_error (task, what);
  else
    g_task_return_pointer (task, item, item_free);
}

/* The reply as a list, or NULL once @task has been told that the reply
 * holds no list of @what. */
static JsonArray *
reply_array (GTask      *task,
             JsonNode   *json,
             const char *what)
{
  if (!JSON_NODE_HOLDS_ARRAY (json))
    {
      return_protocol_error (task, what);
      return NULL;
    }
  return json_node_get_array (json);
}

/* Discovery --------------------------------------------------------------- */

/* The REST root from `Link: <…>; rel="https://api.w.org/"`, resolved
 * against the page it came with. */
char *
wp_link_api_root (SoupMessageHeaders *headers,
                  GUri               *base)
{
  const char *header = soup_message_headers_get_list (headers, "Link");
  GSList *items = header != NULL ? soup_header_parse_list (header) : NULL;
  char *root = NULL;

  for (GSList *l = items; l != NULL && root == NULL; l = l->next)
    {
      const char *item = l->data;
      const char *end = strchr (item, '>');
      g_autoptr(GHashTable) params = NULL;
      g_autofree char *target = NULL;
      g_autoptr(GUri) uri = NULL;

      if (item[0] != '<' || end == NULL)
        continue;
      params = soup_header_parse_semi_param_list (end + 1 + strspn (end + 1, " ;"));
      if (g_strcmp0 (g_hash_table_lookup (params, "rel"), API_LINK_REL) != 0)
        continue;
      target = g_strndup (item + 1, end - item - 1);
      uri = g_uri_parse_relative (base, target, SOUP_HTTP_URI_FLAGS, NULL);
      /* Only a web address with a host: "https:/..//x" parses without one,
       * and GLib cannot even print that (found by
       * tests/fuzz/fuzz-wordpress-reply). */
      if (uri != NULL && g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0' &&
          (g_strcmp0 (g_uri_get_scheme (uri), "https") == 0 ||
           g_strcmp0 (g_uri_get_scheme (uri), "http") == 0))
        root = g_uri_to_string (uri);
    }

  soup_header_free_list (items);
  return root;
}

/* Without the Link header (a proxy may strip it), the plain root works
 * with any permalink setting. */
static char *
fallback_api_root (const char *site_url)
{
  const char *sep = strchr (site_url, '?') != NULL ? "&" :
                    g_str_has_suffix (site_url, "/") ? "?" : "/?";

  return g_strconcat (site_url, sep, "rest_route=/", NULL);
}

static gboolean
root_keeps_scheme (const char *site_url,
                   const char *api_root)
{
  g_autoptr(GUri) site = g_uri_parse (site_url, SOUP_HTTP_URI_FLAGS, NULL);
  g_autoptr(GUri) root = g_uri_parse (api_root, SOUP_HTTP_URI_FLAGS, NULL);

  return site != NULL && root != NULL && byline_cms_wordpress_redirect_allowed (site, root);
}

static int
parse_gmt_offset (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "gmt_offset");
  double hours = 0;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    hours = g_ascii_strtod (json_node_get_string (node), NULL);
  else
    hours = json_node_get_double (node);

  return (int) (hours * 3600);
}

static char **
dup_string_array (JsonObject *object,
                  const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        if (json_node_get_value_type (json_array_get_element (array, i)) == G_TYPE_STRING)
          g_strv_builder_add (builder, json_array_get_string_element (array, i));
    }

  return g_strv_builder_end (builder);
}

BylineCmsSiteInfo *
wp_site_info_from_json (JsonObject *object,
                        const char *api_root)
{
  BylineCmsSiteInfo *info = g_new0 (BylineCmsSiteInfo, 1);
  JsonNode *auth = json_object_get_member (object, "authentication");

  info->api_root = g_strdup (api_root);
  info->name = g_strdup (byline_json_peek_string (object, "name"));
  info->timezone_string = g_strdup (byline_json_peek_string (object, "timezone_string"));
  info->gmt_offset = parse_gmt_offset (object);
  info->namespaces = dup_string_array (object, "namespaces");
  info->application_passwords = auth != NULL && JSON_NODE_HOLDS_OBJECT (auth) &&
    json_object_has_member (json_node_get_object (auth), "application-passwords");
  return info;
}

static void
discover_index_cb (GTask       *task,
                   SoupMessage *msg,
                   JsonNode    *json)
{
  JsonObject *object = object_or_null (json);
  g_autoptr(BylineCmsSiteInfo) info = NULL;
  const char *api_root = g_task_get_task_data (task);

  if (object != NULL)
    info = wp_site_info_from_json (object, api_root);

  if (info == NULL || !g_strv_contains ((const char * const *) info->namespaces, "wp/v2"))
    {
      g_task_return_new_error (task, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_PROTOCOL,
                               "%s does not look like a WordPress site with its REST API on.",
                               task_self (task)->site_url);
      return;
    }

  byline_cms_wordpress_set_api_root (task_self (task), api_root);
  g_task_return_pointer (task, g_steal_pointer (&info), (GDestroyNotify) byline_cms_site_info_free);
}

static void
discover_home_cb (GTask       *task,
                  SoupMessage *msg,
                  JsonNode    *json)
{
  BylineCmsWordpress *self = task_self (task);
  char *api_root = wp_link_api_root (soup_message_get_response_headers (msg),
                                     soup_message_get_uri (msg));
  g_autoptr(SoupMessage) index = NULL;

  if (api_root != NULL && !root_keeps_scheme (self->site_url, api_root))
    {
      /* WordPress behind a TLS proxy often announces http:// links: the
       * https fallback reaches the same API without leaving https. */
      g_debug ("Ignoring an API root that leaves https");
      g_clear_pointer (&api_root, g_free);
    }
  if (api_root == NULL)
    api_root = fallback_api_root (self->site_url);
  g_debug ("REST root: %s", api_root);

  g_task_set_task_data (task, api_root, g_free);
  index = soup_message_new (SOUP_METHOD_GET, api_root);
  if (index == NULL)
    {
      return_protocol_error (task, "usable REST API address");
      return;
    }
  wp_send (self, index, WP_REPLY_JSON | WP_REPLY_PAGE_IS_FINAL, task, discover_index_cb);
}

static void
wp_discover (BylineCms           *cms,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  BylineCmsWordpress *self = BYLINE_CMS_WORDPRESS (cms);
  g_autoptr(GTask) task = op_task_new (cms, wp_discover, cancellable, callback, user_data);
  g_autoptr(SoupMessage) home = soup_message_new (SOUP_METHOD_HEAD, self->site_url);

  if (home == NULL)
    {
      g_task_return_new_error (task, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_PROTOCOL,
                               "“%s” is not a web address.", self->site_url);
      return;
    }
  /* Only the Link header matters: a home page that refuses HEAD or hides
   * behind a 403 of a security plugin still leaves the fallback. */
  wp_send (self, home, WP_REPLY_ANY_STATUS, task, discover_home_cb);
}

/* Credentials ------------------------------------------------------------- */

static char **
granted_capabilities (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "capabilities");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *caps = json_node_get_object (node);
      g_autoptr(GList) names = json_object_get_members (caps);

      for (GList *l = names; l != NULL; l = l->next)
        if (json_node_get_value_type (json_object_get_member (caps, l->data)) == G_TYPE_BOOLEAN &&
            json_object_get_boolean_member (caps, l->data))
          g_strv_builder_add (builder, l->data);
    }

  return g_strv_builder_end (builder);
}

/* users/me; %NULL when the reply has no user in it. */
BylineCmsUser *
wp_user_from_json (JsonNode *json)
{
  JsonObject *object = item_object (json);
  BylineCmsUser *user;

  if (object == NULL)
    return NULL;

  user = g_new0 (BylineCmsUser, 1);
  user->id = byline_json_peek_int (object, "id", 0);
  user->name = g_strdup (byline_json_peek_string (object, "name"));
  user->username = g_strdup (byline_json_peek_string (object, "username"));
  user->roles = dup_string_array (object, "roles");
  user->capabilities = granted_capabilities (object);
  return user;
}

static void
verify_cb (GTask       *task,
           SoupMessage *msg,
           JsonNode    *json)
{
  return_parsed (task, wp_user_from_json (json), (GDestroyNotify) byline_cms_user_free, "user");
}

/* A wrong application password still gets 200 on public routes: only
 * users/me tells. */
static void
wp_verify (BylineCms           *cms,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = op_task_new (cms, wp_verify, cancellable, callback, user_data);
  const char *params[] = { "context", "edit", NULL };

  wp_request (task, SOUP_METHOD_GET, "wp/v2/users/me", params, NULL, verify_cb);
}

/* Terms ------------------------------------------------------------------- */

typedef struct
{
  char      *route;
  guint      page;
  GPtrArray *terms;
} TermsFetch;

static void
terms_fetch_free (TermsFetch *fetch)
{
  g_free (fetch->route);
  g_ptr_array_unref (fetch->terms);
  g_free (fetch);
}

BylineCmsTerm *
wp_term_from_json (JsonNode *node)
{
  JsonObject *object = item_object (node);
  BylineCmsTerm *term;

  if (object == NULL)
    return NULL;

  term = byline_cms_term_new (byline_json_peek_int (object, "id", 0),
                              byline_json_peek_string (object, "name"));
  term->slug = g_strdup (byline_json_peek_string (object, "slug"));
  term->parent = byline_json_peek_int (object, "parent", 0);
  return term;
}

static void fetch_terms_page (GTask *task);

static void
terms_page_cb (GTask       *task,
               SoupMessage *msg,
               JsonNode    *json)
{
  TermsFetch *fetch = g_task_get_task_data (task);
  const char *pages_header;
  JsonArray *array;
  guint64 pages = 1;

  array = reply_array (task, json, "list of terms");
  if (array == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      BylineCmsTerm *term = wp_term_from_json (json_array_get_element (array, i));
      if (term != NULL)
        g_ptr_array_add (fetch->terms, term);
    }

  pages_header = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                               "X-WP-TotalPages");
  if (pages_header != NULL)
    g_ascii_string_to_unsigned (pages_header, 10, 0, G_MAXUINT, &pages, NULL);

  if (fetch->page < pages)
    {
      fetch->page++;
      fetch_terms_page (task);
      return;
    }

  g_task_return_pointer (task, g_ptr_array_ref (fetch->terms), (GDestroyNotify) g_ptr_array_unref);
}

static void
fetch_terms_page (GTask *task)
{
  TermsFetch *fetch = g_task_get_task_data (task);
  g_autofree char *page = g_strdup_printf ("%u", fetch->page);
  const char *params[] = { "per_page", PER_PAGE, "page", page, "context", "view", NULL };

  wp_request (task, SOUP_METHOD_GET, fetch->route, params, NULL, terms_page_cb);
}

static void
wp_fetch_terms (BylineCms           *cms,
                const char          *taxonomy,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = op_task_new (cms, wp_fetch_terms, cancellable, callback, user_data);
  TermsFetch *fetch = g_new0 (TermsFetch, 1);

  fetch->route = g_strconcat ("wp/v2/", taxonomy, NULL);
  fetch->page = 1;
  fetch->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_cms_term_free);
  g_task_set_task_data (task, fetch, (GDestroyNotify) terms_fetch_free);
  fetch_terms_page (task);
}

static void
create_tag_cb (GTask       *task,
               SoupMessage *msg,
               JsonNode    *json)
{
  return_parsed (task, wp_term_from_json (json), (GDestroyNotify) byline_cms_term_free, "tag");
}

static void
create_tag_post (GTask *task)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, g_task_get_task_data (task));
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  wp_request (task, SOUP_METHOD_POST, "wp/v2/tags", NULL, body, create_tag_cb);
}

/* WordPress compares term names without regard to case. */
static void
tag_search_cb (GTask       *task,
               SoupMessage *msg,
               JsonNode    *json)
{
  const char *name = g_task_get_task_data (task);
  g_autofree char *wanted = g_utf8_casefold (name, -1);
  JsonArray *array;

  array = reply_array (task, json, "list of tags");
  if (array == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(BylineCmsTerm) term = wp_term_from_json (json_array_get_element (array, i));
      g_autofree char *folded = term != NULL ? g_utf8_casefold (term->name, -1) : NULL;

      if (g_strcmp0 (folded, wanted) == 0)
        {
          g_task_return_pointer (task, g_steal_pointer (&term), (GDestroyNotify) byline_cms_term_free);
          return;
        }
    }

  create_tag_post (task);
}

/* Look first: a tag made by a colleague, or by an earlier attempt whose
 * reply was lost, is reused rather than refused as a duplicate. */
static void
wp_create_tag (BylineCms           *cms,
               const char          *name,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = op_task_new (cms, wp_create_tag, cancellable, callback, user_data);
  const char *params[] = { "search", name, "per_page", PER_PAGE, "context", "view", NULL };

  g_task_set_task_data (task, g_strdup (name), g_free);
  wp_request (task, SOUP_METHOD_GET, "wp/v2/tags", params, NULL, tag_search_cb);
}

/* Media -------------------------------------------------------------------- */

static char *
media_file_name (JsonObject *object)
{
  const char *url = byline_json_peek_string (object, "source_url");
  const char *slash = url != NULL ? strrchr (url, '/') : NULL;

  return slash != NULL ? g_uri_unescape_string (slash + 1, NULL) : NULL;
}

BylineCmsMedia *
wp_media_from_json (JsonNode *node)
{
  JsonObject *object = item_object (node);
  BylineCmsMedia *media;

  if (object == NULL)
    return NULL;

  media = g_new0 (BylineCmsMedia, 1);
  media->id = byline_json_peek_int (object, "id", 0);
  media->post = byline_json_peek_int (object, "post", 0);
  media->source_url = g_strdup (byline_json_peek_string (object, "source_url"));
  media->file_name = media_file_name (object);
  return media;
}

/* WordPress stores a name it already has as "<stem>-1.jpg" and a big photo
 * scaled down as "<stem>-scaled.jpg": the stem carries the photo's hash, so
 * any of these is the same photo. */
gboolean
wp_media_has_file_name (JsonNode   *node,
                        const char *file_name)
{
  JsonObject *object = object_or_null (node);
  g_autofree char *name = NULL;
  const char *dot = strrchr (file_name, '.');
  gsize stem_length = dot != NULL ? (gsize) (dot - file_name) : strlen (file_name);

  if (object == NULL || (name = media_file_name (object)) == NULL)
    return FALSE;

  return strncmp (name, file_name, stem_length) == 0 &&
         (name[stem_length] == '.' || name[stem_length] == '-');
}

typedef struct
{
  GFile                 *file;
  char                  *file_name;
  char                  *post_id;
  JsonNode              *texts;   /* title, caption… for the follow-up; NULL if none */
  BylineCmsProgressFunc  progress;
  gpointer               progress_data;
  goffset                sent;
  goffset                size;
} Upload;

static void
upload_free (Upload *upload)
{
  g_object_unref (upload->file);
  g_free (upload->file_name);
  g_free (upload->post_id);
  g_clear_pointer (&upload->texts, json_node_unref);
  g_free (upload);
}

static JsonNode *
media_texts_new (const char *title,
                 const char *caption,
                 const char *alt_text,
                 const char *description)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *names[] = { "title", "caption", "alt_text", "description" };
  /* Title, caption and description are HTML to WordPress; the alt text is
   * an attribute it escapes itself. */
  g_autofree char *title_html = byline_cms_text_to_html (title);
  g_autofree char *caption_html = byline_cms_text_to_html (caption);
  g_autofree char *description_html = byline_cms_text_to_html (description);
  const char *values[] = { title_html, caption_html, alt_text, description_html };
  gboolean any = FALSE;

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (values[i] == NULL)
        continue;
      json_builder_set_member_name (builder, names[i]);
      json_builder_add_string_value (builder, values[i]);
      any = TRUE;
    }
  json_builder_end_object (builder);

  return any ? json_builder_get_root (builder) : NULL;
}

static void
media_reply_cb (GTask       *task,
                SoupMessage *msg,
                JsonNode    *json)
{
  return_parsed (task, wp_media_from_json (json), (GDestroyNotify) byline_cms_media_free,
                 "media item");
}

/* The texts go in a JSON follow-up: in the query of the upload they would
 * make long, non-ASCII URLs that proxies cut. */
static void
upload_sent_cb (GTask       *task,
                SoupMessage *msg,
                JsonNode    *json)
{
  Upload *upload = g_task_get_task_data (task);
  g_autoptr(BylineCmsMedia) media = wp_media_from_json (json);
  g_autofree char *route = NULL;

  if (media == NULL)
    {
      return_protocol_error (task, "media item");
      return;
    }
  if (upload->texts == NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&media), (GDestroyNotify) byline_cms_media_free);
      return;
    }

  route = g_strdup_printf ("wp/v2/media/%" G_GINT64_FORMAT, media->id);
  wp_request (task, SOUP_METHOD_POST, route, NULL, upload->texts, media_reply_cb);
}

static void
upload_wrote_body_data_cb (SoupMessage *msg,
                           guint        chunk_size,
                           GTask       *task)
{
  Upload *upload = g_task_get_task_data (task);

  upload->sent += chunk_size;
  if (upload->progress != NULL)
    upload->progress (MIN (upload->sent, upload->size), upload->size, upload->progress_data);
}

/* By extension, as WordPress itself checks it; the shared MIME database
 * may be missing (in a sandbox, in tests). */
static const char *
media_mime_type (const char *file_name)
{
  static const char * const types[][2] = {
    { ".jpg", "image/jpeg" }, { ".jpeg", "image/jpeg" }, { ".png", "image/png" },
    { ".webp", "image/webp" }, { ".gif", "image/gif" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_has_suffix (file_name, types[i][0]))
      return types[i][1];

  return "application/octet-stream";
}

static void
upload_send (GTask        *task,
             GInputStream *stream)
{
  Upload *upload = g_task_get_task_data (task);
  const char *params[] = { "post", upload->post_id, NULL };
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *disposition = NULL;
  GError *error = NULL;

  msg = wp_message_new (task_self (task), SOUP_METHOD_POST, "wp/v2/media",
                        upload->post_id != NULL ? params : NULL, &error);
  if (msg == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* A plain ASCII filename="…": WordPress 6.1 rejects libsoup's
   * filename*= form. */
  disposition = g_strdup_printf ("attachment; filename=\"%s\"", upload->file_name);
  soup_message_headers_replace (soup_message_get_request_headers (msg),
                                "Content-Disposition", disposition);
  soup_message_set_request_body (msg, media_mime_type (upload->file_name), stream, upload->size);
  g_signal_connect_object (msg, "wrote-body-data",
                           G_CALLBACK (upload_wrote_body_data_cb), task, 0);
  wp_send (task_self (task), msg, WP_REPLY_JSON, task, upload_sent_cb);
}

static void
upload_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GFileInputStream) stream = NULL;
  GError *error = NULL;

  stream = g_file_read_finish (G_FILE (object), result, &error);
  if (stream == NULL)
    g_task_return_error (task, error);
  else
    upload_send (task, G_INPUT_STREAM (stream));
}

static void
upload_info_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Upload *upload = g_task_get_task_data (task);
  g_autoptr(GFileInfo) info = NULL;
  GError *error = NULL;

  info = g_file_query_info_finish (G_FILE (object), result, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  upload->size = g_file_info_get_size (info);
  g_file_read_async (upload->file, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                     upload_read_cb, g_object_ref (task));
}

static void
wp_upload_media (BylineCms             *cms,
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
  g_autoptr(GTask) task = op_task_new (cms, wp_upload_media, cancellable, callback, user_data);
  Upload *upload = g_new0 (Upload, 1);

  upload->file = g_object_ref (file);
  upload->file_name = g_strdup (file_name);
  upload->post_id = post_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, post_id) : NULL;
  upload->texts = media_texts_new (title, caption, alt_text, description);
  upload->progress = progress;
  upload->progress_data = progress_data;
  g_task_set_task_data (task, upload, (GDestroyNotify) upload_free);

  g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, cancellable, upload_info_cb, g_object_ref (task));
}

static void
find_media_cb (GTask       *task,
               SoupMessage *msg,
               JsonNode    *json)
{
  const char *file_name = g_task_get_task_data (task);
  JsonArray *array;

  array = reply_array (task, json, "list of media");
  if (array == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (array); i++)
    if (wp_media_has_file_name (json_array_get_element (array, i), file_name))
      {
        g_task_return_pointer (task, wp_media_from_json (json_array_get_element (array, i)),
                               (GDestroyNotify) byline_cms_media_free);
        return;
      }

  g_task_return_pointer (task, NULL, NULL);
}

/* A post has a handful of photos: one page of its attachments holds them
 * all. The name carries the photo's hash, so a match is the same photo. */
static void
wp_find_media (BylineCms           *cms,
               gint64               post_id,
               const char          *file_name,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = op_task_new (cms, wp_find_media, cancellable, callback, user_data);
  g_autofree char *parent = g_strdup_printf ("%" G_GINT64_FORMAT, post_id);
  const char *params[] = { "parent", parent, "per_page", PER_PAGE, "context", "edit", NULL };

  g_task_set_task_data (task, g_strdup (file_name), g_free);
  wp_request (task, SOUP_METHOD_GET, "wp/v2/media", params, NULL, find_media_cb);
}

/* Posts --------------------------------------------------------------------- */

static gboolean
same_ids (const GArray *sent,
          const GArray *got)
{
  if (sent == NULL)
    return TRUE;
  if (got == NULL || got->len != sent->len)
    return FALSE;

  for (guint i = 0; i < sent->len; i++)
    {
      gboolean found = FALSE;
      for (guint j = 0; j < got->len && !found; j++)
        found = g_array_index (sent, gint64, i) == g_array_index (got, gint64, j);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* WordPress answers 201 even when it silently dropped ids it did not
 * know: compare what came back with what was sent. */
static const char *
dropped_field (const BylineCmsPost *sent,
               const BylineCmsPost *got)
{
  if (!same_ids (sent->categories, got->categories))
    return "categories";
  if (!same_ids (sent->tags, got->tags))
    return "tags";
  if (sent->featured_media >= 0 && sent->featured_media != got->featured_media)
    return "featured image";
  return NULL;
}

static void
save_post_cb (GTask       *task,
              SoupMessage *msg,
              JsonNode    *json)
{
  const BylineCmsPost *sent = g_task_get_task_data (task);
  g_autoptr(BylineCmsPost) post = byline_cms_post_new_from_json (json);
  const char *dropped;

  if (post == NULL)
    {
      return_protocol_error (task, "post");
      return;
    }

  dropped = dropped_field (sent, post);
  if (dropped != NULL)
    {
      g_task_return_new_error (task, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_VALIDATION,
                               "WordPress did not accept the %s of post %" G_GINT64_FORMAT
                               ": they may have been deleted from the site.",
                               dropped, post->id);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&post), (GDestroyNotify) byline_cms_post_free);
}

static char *
post_route (gint64 id)
{
  return g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, id);
}

static void
wp_save_post (BylineCms           *cms,
              const BylineCmsPost *post,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = op_task_new (cms, wp_save_post, cancellable, callback, user_data);
  g_autoptr(JsonNode) body = byline_cms_post_to_json (post);
  g_autofree char *route = post->id > 0 ? post_route (post->id) : g_strdup ("wp/v2/posts");
  const char *params[] = { "context", "edit", NULL };

  g_task_set_task_data (task, byline_cms_post_copy (post), (GDestroyNotify) byline_cms_post_free);
  wp_request (task, SOUP_METHOD_POST, route, params, body, save_post_cb);
}

static void
get_post_cb (GTask       *task,
             SoupMessage *msg,
             JsonNode    *json)
{
  return_parsed (task, byline_cms_post_new_from_json (json), (GDestroyNotify) byline_cms_post_free, "post");
}

static void
wp_get_post (BylineCms           *cms,
             gint64               post_id,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = op_task_new (cms, wp_get_post, cancellable, callback, user_data);
  g_autofree char *route = post_route (post_id);
  const char *params[] = { "context", "edit", NULL };

  wp_request (task, SOUP_METHOD_GET, route, params, NULL, get_post_cb);
}

static void
find_post_cb (GTask       *task,
              SoupMessage *msg,
              JsonNode    *json)
{
  JsonArray *array;

  array = reply_array (task, json, "list of posts");
  if (array == NULL)
    return;

  if (json_array_get_length (array) == 0)
    g_task_return_pointer (task, NULL, NULL);
  else
    get_post_cb (task, msg, json_array_get_element (array, 0));
}

/* status=any needs an authenticated user who may edit posts; WordPress
 * 6.1 grants it to authors for their own posts. */
static void
wp_find_post_by_slug (BylineCms           *cms,
                      const char          *slug,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = op_task_new (cms, wp_find_post_by_slug, cancellable, callback, user_data);
  const char *params[] = { "slug", slug, "status", "any", "context", "edit", NULL };

  wp_request (task, SOUP_METHOD_GET, "wp/v2/posts", params, NULL, find_post_cb);
}

void
byline_cms_wordpress_iface_init (BylineCmsInterface *iface)
{
  iface->discover = wp_discover;
  iface->verify = wp_verify;
  iface->fetch_terms = wp_fetch_terms;
  iface->create_tag = wp_create_tag;
  iface->upload_media = wp_upload_media;
  iface->find_media = wp_find_media;
  iface->save_post = wp_save_post;
  iface->get_post = wp_get_post;
  iface->find_post_by_slug = wp_find_post_by_slug;
}
