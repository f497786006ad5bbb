/* wp-admin.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "wp-admin.h"
#include "wp-testbed.h"

static SoupSession *
admin_session (void)
{
  static SoupSession *session;

  if (session == NULL)
    session = soup_session_new ();
  return session;
}

JsonNode *
wp_admin_request (const char *method,
                  const char *route,
                  const char *query,
                  const char *body)
{
  /* With plain permalinks the root is "…?rest_route=/": parameters follow
   * with '&'. */
  g_autofree char *url = g_strconcat (testbed.api_root, route, query != NULL ? "&" : "", query, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autofree char *pair = g_strconcat (testbed.admin, ":", testbed.admin_password, NULL);
  g_autofree char *basic = g_base64_encode ((const guchar *) pair, strlen (pair));
  g_autofree char *auth = g_strconcat ("Basic ", basic, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  reply = soup_session_send_and_read (admin_session (), msg, NULL, &error);
  g_assert_no_error (error);
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (msg)))
    g_error ("%s %s: HTTP %u", method, url, soup_message_get_status (msg));
  json_parser_load_from_data (parser, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply), &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

guint
wp_admin_count (const char *route,
                const char *query)
{
  g_autoptr(JsonNode) node = wp_admin_request ("GET", route, query, NULL);

  return json_array_get_length (json_node_get_array (node));
}

guint
wp_admin_posts_with (const char *word)
{
  g_autofree char *escaped = g_uri_escape_string (word, NULL, FALSE);
  g_autofree char *query = g_strdup_printf ("search=%s&status=any&context=edit&per_page=100", escaped);

  return wp_admin_count ("wp/v2/posts", query);
}

guint
wp_admin_media_of (gint64 post_id)
{
  g_autofree char *query = g_strdup_printf ("parent=%" G_GINT64_FORMAT "&per_page=100", post_id);

  return wp_admin_count ("wp/v2/media", query);
}

JsonObject *
wp_admin_get_post (gint64 post_id)
{
  g_autofree char *route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, post_id);
  g_autoptr(JsonNode) node = wp_admin_request ("GET", route, "context=edit", NULL);

  return json_object_ref (json_node_get_object (node));
}

static gboolean
has_tag (const char *name)
{
  g_autofree char *escaped = g_uri_escape_string (name, NULL, FALSE);
  g_autofree char *query = g_strdup_printf ("search=%s&per_page=100", escaped);
  g_autoptr(JsonNode) node = wp_admin_request ("GET", "wp/v2/tags", query, NULL);
  JsonArray *array = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (array, i), "name"),
                   name) == 0)
      return TRUE;
  return FALSE;
}

void
wp_admin_ensure_tag (const char *name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *text = NULL;

  if (has_tag (name))
    return;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  text = json_to_string (body, FALSE);
  reply = wp_admin_request ("POST", "wp/v2/tags", NULL, text);
}
