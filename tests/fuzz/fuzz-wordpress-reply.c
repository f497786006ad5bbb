/* fuzz-wordpress-reply.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A WordPress reply as a broken plugin, a proxy or a hostile server may
 * send it. The input is a small HTTP-like text:
 *
 *   STATUS
 *   Header-Name: value
 *   …
 *   (blank line)
 *   BODY
 *
 * and every reader of replies gets it: the error mapping with each set of
 * flags, the Link header, and the site, user, term, media and post parsers.
 */

#include "config.h"

#include <libsoup/soup.h>

#include "byline-cms-wordpress-private.h"
#include "fuzz-common.h"

/* Only headers libsoup's own parser would hand us: a token name and a
 * value without line breaks or NUL. */
static gboolean
header_is_valid (const char *name,
                 gsize       name_len,
                 const char *value,
                 gsize       value_len)
{
  if (name_len == 0)
    return FALSE;
  for (gsize i = 0; i < name_len; i++)
    if (!g_ascii_isalnum (name[i]) && name[i] != '-' && name[i] != '_')
      return FALSE;
  return memchr (value, '\0', value_len) == NULL && memchr (value, '\r', value_len) == NULL;
}

static const char *
parse_head (const char         *data,
            const char         *end,
            guint              *status,
            SoupMessageHeaders *headers)
{
  const char *line = data;
  const char *eol = memchr (line, '\n', end - line);
  guint64 value = 0;

  if (eol == NULL)
    return end;
  {
    g_autofree char *first = g_strndup (line, eol - line);
    g_ascii_string_to_unsigned (g_strstrip (first), 10, 0, 999, &value, NULL);
    *status = value;
  }

  for (line = eol + 1; line < end; line = eol + 1)
    {
      const char *colon;

      eol = memchr (line, '\n', end - line);
      if (eol == NULL)
        eol = end;
      if (eol == line)
        return eol + 1 <= end ? eol + 1 : end;
      colon = memchr (line, ':', eol - line);
      if (colon != NULL && header_is_valid (line, colon - line, colon + 1, eol - colon - 1))
        {
          g_autofree char *name = g_strndup (line, colon - line);
          g_autofree char *header_value = g_strndup (colon + 1, eol - colon - 1);

          if (g_utf8_validate (header_value, -1, NULL))
            soup_message_headers_append (headers, name, g_strstrip (header_value));
        }
      if (eol == end)
        return end;
    }
  return end;
}

static void
check_error_mapping (GUri               *uri,
                     guint               status,
                     SoupMessageHeaders *headers,
                     JsonNode           *json,
                     GBytes             *body)
{
  const WpReplyFlags all_flags[] = { 0, WP_REPLY_JSON, WP_REPLY_ANY_STATUS,
                                     WP_REPLY_JSON | WP_REPLY_ANY_STATUS,
                                     WP_REPLY_JSON | WP_REPLY_PAGE_IS_FINAL };

  for (guint i = 0; i < G_N_ELEMENTS (all_flags); i++)
    {
      g_autoptr(GError) error = wp_error_from_status (uri, status, headers, json, body,
                                                          all_flags[i]);

      if (error == NULL)
        continue;
      g_assert_true (error->domain == BYLINE_CMS_ERROR);
      g_assert_cmpstr (error->message, !=, "");
      fuzz_check_utf8 (error->message);
      g_assert_cmpint (byline_cms_error_get_retry_after (error), >=, -1);
    }
}

static void
check_parsers (JsonNode *json)
{
  g_autoptr(BylineCmsUser) user = wp_user_from_json (json);
  g_autoptr(BylineCmsTerm) term = wp_term_from_json (json);
  g_autoptr(BylineCmsMedia) media = wp_media_from_json (json);
  /* Only JSON replies reach the post parser (WP_REPLY_JSON). */
  g_autoptr(BylineCmsPost) post = json != NULL ? byline_cms_post_new_from_json (json) : NULL;

  wp_media_has_file_name (json, "anh-0123456789abcdef.jpg");
  wp_media_has_file_name (json, "noext");
  if (user != NULL)
    g_assert_cmpint (user->id, >, 0);
  if (term != NULL)
    g_assert_cmpint (term->id, >, 0);
  if (media != NULL)
    g_assert_cmpint (media->id, >, 0);
  if (post != NULL)
    {
      g_autoptr(JsonNode) back = byline_cms_post_to_json (post);
      g_assert_nonnull (back);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  g_autoptr(GUri) uri = g_uri_parse ("https://bao.example/wp-json/wp/v2/posts?context=edit",
                                     SOUP_HTTP_URI_FLAGS, NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *api_root = NULL;
  const char *body_start;
  guint status = 0;

  body_start = parse_head (text, text + size, &status, headers);
  body = g_bytes_new_static (body_start, text + size - body_start);
  json = wp_parse_json (body);

  check_error_mapping (uri, status, headers, json, body);
  api_root = wp_link_api_root (headers, uri);
  if (api_root != NULL)
    fuzz_check_utf8 (api_root);

  if (json != NULL && JSON_NODE_HOLDS_OBJECT (json))
    {
      g_autoptr(BylineCmsSiteInfo) info = wp_site_info_from_json (json_node_get_object (json),
                                                                  "https://bao.example/wp-json/");
      g_assert_nonnull (info);
    }
  check_parsers (json);
  if (json != NULL && JSON_NODE_HOLDS_ARRAY (json))
    {
      JsonArray *array = json_node_get_array (json);

      for (guint i = 0; i < json_array_get_length (array) && i < 16; i++)
        check_parsers (json_array_get_element (array, i));
    }
  return 0;
}
