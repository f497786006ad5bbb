/* byline-cms-wordpress-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-cms-wordpress.h"

G_BEGIN_DECLS

struct _BylineCmsWordpress
{
  GObject      parent_instance;

  SoupSession *session;
  char        *site_url;
  char        *api_root;
  char        *user;
  char        *password;   /* in memory only, never logged */
  guint        timeout;
};

/* What a request accepts as a reply. */
typedef enum
{
  WP_REPLY_JSON       = 1 << 0,  /* a successful reply must be JSON */
  WP_REPLY_ANY_STATUS = 1 << 1,  /* only the headers matter: any HTTP status will do */
  /* A web page instead of JSON is the answer (the address is not
   * WordPress), not a portal or proxy in the way to retry past. */
  WP_REPLY_PAGE_IS_FINAL = 1 << 2,
} WpReplyFlags;

/* Called with the parsed reply of a successful request; json is NULL when
 * the request did not ask for JSON. */
typedef void (*WpReplyFunc) (GTask       *task,
                             SoupMessage *msg,
                             JsonNode    *json);

SoupMessage *wp_message_new       (BylineCmsWordpress  *self,
                                   const char          *method,
                                   const char          *route,
                                   const char * const  *params,
                                   GError             **error);
void         wp_message_set_json  (SoupMessage         *msg,
                                   JsonNode            *body);
void         wp_send              (BylineCmsWordpress  *self,
                                   SoupMessage         *msg,
                                   WpReplyFlags         flags,
                                   GTask               *task,
                                   WpReplyFunc          on_reply);
void         wp_request           (GTask               *task,
                                   const char          *method,
                                   const char          *route,
                                   const char * const  *params,
                                   JsonNode            *body,
                                   WpReplyFunc          on_reply);

void         byline_cms_wordpress_iface_init (BylineCmsInterface *iface);

/* Reading replies. Separate from the exchanges so that the tests and the
 * fuzzer (tests/fuzz/fuzz-wordpress-reply.c) reach every parser with any
 * input, status and headers. */
JsonNode          *wp_parse_json          (GBytes              *bytes);
GError            *wp_error_from_status   (GUri                *uri,
                                           guint                status,
                                           SoupMessageHeaders  *headers,
                                           JsonNode            *json,
                                           GBytes              *body,
                                           WpReplyFlags         flags);
char              *wp_link_api_root       (SoupMessageHeaders  *headers,
                                           GUri                *base);
BylineCmsSiteInfo *wp_site_info_from_json (JsonObject          *object,
                                           const char          *api_root);
BylineCmsUser     *wp_user_from_json      (JsonNode            *json);
BylineCmsTerm     *wp_term_from_json      (JsonNode            *node);
BylineCmsMedia    *wp_media_from_json     (JsonNode            *node);
gboolean           wp_media_has_file_name (JsonNode            *node,
                                           const char          *file_name);

G_END_DECLS
