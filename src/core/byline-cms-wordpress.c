/* byline-cms-wordpress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "byline-cms-wordpress-private.h"
#include "byline-json-util.h"

/* How many redirects of a GET we follow ourselves (libsoup's own following
 * is off so that we can refuse a move from HTTPS to HTTP). */
#define MAX_REDIRECTS 5
#define DEFAULT_TIMEOUT 30

G_DEFINE_FINAL_TYPE_WITH_CODE (BylineCmsWordpress, byline_cms_wordpress, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BYLINE_TYPE_CMS, byline_cms_wordpress_iface_init))

enum {
  PROP_0,
  PROP_SITE_URL,
  PROP_API_ROOT,
  PROP_USER,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The one error mapping ---------------------------------------------------- */

/* "bao.example" or "127.0.0.1:8080": which site could not be reached is
 * the first thing a user with several sites needs to know. */
static char *
dup_host (SoupMessage *msg)
{
  GUri *uri = soup_message_get_uri (msg);
  int port = g_uri_get_port (uri);
  gboolean default_port = port == -1 ||
    (port == 80 && g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0) ||
    (port == 443 && g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0);

  if (default_port)
    return g_strdup (g_uri_get_host (uri));
  return g_strdup_printf ("%s:%d", g_uri_get_host (uri), port);
}

static GError *
error_from_transport (SoupMessage *msg,
                      GError      *error)
{
  g_autofree char *host = dup_host (msg);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (error->domain == G_TLS_ERROR || soup_message_get_tls_peer_certificate_errors (msg) != 0)
    {
      g_autofree char *text = g_strdup_printf ("The site's security certificate could not be "
                                               "verified (%s). Byline never connects without a "
                                               "verified certificate.", error->message);
      return byline_cms_error_new (BYLINE_CMS_ERROR_TLS, -1, text);
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      g_autofree char *text = g_strdup_printf ("%s did not answer in time.", host);
      return byline_cms_error_new (BYLINE_CMS_ERROR_NETWORK, -1, text);
    }

  if (error->domain == SOUP_SESSION_ERROR)
    {
      g_autofree char *text = g_strdup_printf ("The site's reply is not valid HTTP (%s).",
                                               error->message);
      return byline_cms_error_new (BYLINE_CMS_ERROR_PROTOCOL, -1, text);
    }

  {
    g_autofree char *text = g_strdup_printf ("Could not reach %s (%s).", host, error->message);
    return byline_cms_error_new (BYLINE_CMS_ERROR_NETWORK, -1, text);
  }
}

static const char *
wordpress_member (JsonNode   *json,
                  const char *name)
{
  if (json == NULL || !JSON_NODE_HOLDS_OBJECT (json))
    return NULL;

  return byline_json_peek_string (json_node_get_object (json), name);
}

/* WordPress's own words, except where they mislead: with a wrong
 * application password it says "You are not currently logged in." */
static const char *
wordpress_message (JsonNode *json)
{
  if (g_strcmp0 (wordpress_member (json, "code"), "rest_not_logged_in") == 0)
    return NULL;

  return wordpress_member (json, "message");
}

static BylineCmsError
code_for_status (guint        status,
                 const char **sentence)
{
  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      *sentence = "The site refused the user name or application password.";
      return BYLINE_CMS_ERROR_AUTH;
    case SOUP_STATUS_FORBIDDEN:
      *sentence = "The site does not allow this user to do that.";
      return BYLINE_CMS_ERROR_FORBIDDEN;
    case SOUP_STATUS_NOT_FOUND:
    case SOUP_STATUS_GONE:
      *sentence = "The site has no such item (it may have been deleted).";
      return BYLINE_CMS_ERROR_NOT_FOUND;
    case SOUP_STATUS_CONFLICT:
      *sentence = "The item was changed on the site at the same time.";
      return BYLINE_CMS_ERROR_CONFLICT;
    case 429: /* Too Many Requests: not in libsoup 3.2 */
      *sentence = "The site is receiving too many requests; Byline will try again later.";
      return BYLINE_CMS_ERROR_RATE_LIMITED;
    default:
      break;
    }

  if (status >= 500)
    {
      *sentence = "The site had an internal error; Byline will try again later.";
      return BYLINE_CMS_ERROR_SERVER;
    }
  if (status >= 400)
    {
      *sentence = "The site did not accept the request.";
      return BYLINE_CMS_ERROR_VALIDATION;
    }

  *sentence = "The site gave an answer Byline does not understand.";
  return BYLINE_CMS_ERROR_PROTOCOL;
}

static GError *
error_from_redirect (GUri               *uri,
                     SoupMessageHeaders *headers)
{
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr(GUri) target = NULL;

  if (location != NULL)
    target = g_uri_parse_relative (uri, location, SOUP_HTTP_URI_FLAGS, NULL);

  if (target != NULL && !byline_cms_wordpress_redirect_allowed (uri, target))
    return byline_cms_error_new (BYLINE_CMS_ERROR_TLS, -1,
                                 "The site redirected from HTTPS to plain HTTP. Byline never "
                                 "sends anything unencrypted to a site reached over HTTPS.");

  return byline_cms_error_new (BYLINE_CMS_ERROR_PROTOCOL, -1,
                               "The site redirected the request somewhere Byline cannot follow.");
}

/* A body the connection cut: nothing at all, or JSON (an object or an
 * array, as every WordPress reply) that ends with a bracket or a string
 * still open. Proxies that lose the upstream mid-reply leave exactly this
 * when the reply had no Content-Length; a later try gets it whole. */
static gboolean
body_cut_short (const char *data,
                gsize       size)
{
  guint depth = 0;
  gboolean in_string = FALSE;
  gboolean escaped = FALSE;
  gsize i = 0;

  while (i < size && g_ascii_isspace (data[i]))
    i++;
  if (i == size)
    return TRUE;
  if (data[i] != '{' && data[i] != '[')
    return FALSE;

  for (; i < size; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        depth++;
      else if ((c == '}' || c == ']') && depth-- == 0)
        return FALSE;
    }

  return in_string || depth > 0;
}

/* A whole web page where JSON was due: a Wi-Fi login page, a proxy's or a
 * cache's page, a host's maintenance page. Something in the way, not
 * WordPress: it goes when the network does. PHP's own warnings ("<br />
 * <b>Warning</b>…") are not a page and stay a protocol error: retrying
 * does not fix a broken plugin. */
static gboolean
body_is_web_page (const char *data,
                  gsize       size)
{
  gsize i = 0;

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < size && g_ascii_isspace (data[i]))
    i++;

  return (size - i >= 14 && g_ascii_strncasecmp (data + i, "<!doctype html", 14) == 0) ||
         (size - i >= 5 && g_ascii_strncasecmp (data + i, "<html", 5) == 0);
}

/* A successful status whose body is not the JSON the request needs. */
static GError *
error_from_body (GBytes       *body,
                 WpReplyFlags  flags)
{
  gsize size = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &size) : NULL;

  if (body_cut_short (data, size))
    return byline_cms_error_new (BYLINE_CMS_ERROR_NETWORK, -1,
                                 "The site's reply was cut off before its end; Byline will try "
                                 "again.");
  if ((flags & WP_REPLY_PAGE_IS_FINAL) == 0 && body_is_web_page (data, size))
    return byline_cms_error_new (BYLINE_CMS_ERROR_NETWORK, -1,
                                 "A web page came back instead of the site's reply (a Wi-Fi "
                                 "login page, a proxy or a cache may be in the way); Byline will "
                                 "try again later.");

  return byline_cms_error_new (BYLINE_CMS_ERROR_PROTOCOL, -1,
                               "The site's reply is not valid JSON: a plugin, the server or a "
                               "proxy may have broken WordPress's REST API.");
}

/*
 * wp_error_from_status:
 * @uri: the address the request went to
 * @status: the HTTP status of the reply
 * @headers: the reply's headers
 * @json: (nullable): the reply body parsed as JSON, %NULL if it is not JSON
 * @body: (nullable): the reply body as it came
 * @flags: what the request accepts
 *
 * The one place where WordPress replies become BYLINE_CMS_ERROR codes. It
 * takes the parts of the reply rather than the SoupMessage so that tests
 * and the fuzzer can feed it any status (libsoup 3 has no public setter).
 *
 * Returns: (nullable): the error, or %NULL for a usable reply
 */
GError *
wp_error_from_status (GUri               *uri,
                      guint               status,
                      SoupMessageHeaders *headers,
                      JsonNode           *json,
                      GBytes             *body,
                      WpReplyFlags        flags)
{
  g_autoptr(GDateTime) now = NULL;
  const char *sentence;
  const char *message;
  BylineCmsError code;
  gint64 retry_after;

  if (SOUP_STATUS_IS_SUCCESSFUL (status) || (flags & WP_REPLY_ANY_STATUS) != 0)
    {
      if (json != NULL || (flags & WP_REPLY_JSON) == 0)
        return NULL;
      return error_from_body (body, flags);
    }

  if (SOUP_STATUS_IS_REDIRECTION (status))
    return error_from_redirect (uri, headers);

  code = code_for_status (status, &sentence);
  message = wordpress_message (json);
  now = g_date_time_new_now_utc ();
  retry_after = byline_cms_parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"),
                                              now);

  return byline_cms_error_new (code, retry_after, message != NULL ? message : sentence);
}

/* The same for a finished exchange, transport failures included. */
static GError *
wp_error_from_reply (SoupMessage *msg,
                     JsonNode    *json,
                     GBytes      *body,
                     WpReplyFlags flags,
                     GError      *transport_error)
{
  if (transport_error != NULL)
    return error_from_transport (msg, transport_error);

  return wp_error_from_status (soup_message_get_uri (msg), soup_message_get_status (msg),
                               soup_message_get_response_headers (msg), json, body, flags);
}

/* URLs and redirects ----------------------------------------------------- */

/**
 * byline_cms_wordpress_build_url:
 * @api_root: the REST root, pretty ("…/wp-json/") or plain ("…?rest_route=/")
 * @route: a route below the root, such as "wp/v2/posts"
 * @params: (nullable): names and values, alternating, %NULL-terminated
 *
 * With a plain root the route goes into rest_route and the parameters
 * follow with '&'; with a pretty one they start with '?'.
 *
 * Returns: (transfer full): the URL
 */
char *
byline_cms_wordpress_build_url (const char         *api_root,
                                const char         *route,
                                const char * const *params)
{
  GString *url;
  gboolean has_query;

  g_return_val_if_fail (api_root != NULL, NULL);
  g_return_val_if_fail (route != NULL, NULL);

  url = g_string_new (api_root);
  has_query = strchr (api_root, '?') != NULL;
  g_string_append_uri_escaped (url, route, "/", FALSE);

  for (guint i = 0; params != NULL && params[i] != NULL && params[i + 1] != NULL; i += 2)
    {
      g_string_append_c (url, has_query ? '&' : '?');
      has_query = TRUE;
      g_string_append_uri_escaped (url, params[i], NULL, FALSE);
      g_string_append_c (url, '=');
      g_string_append_uri_escaped (url, params[i + 1], NULL, FALSE);
    }

  return g_string_free (url, FALSE);
}

/**
 * byline_cms_wordpress_redirect_allowed:
 *
 * A redirect may keep the scheme or go from http to https; a site reached
 * over https never falls back to http.
 */
gboolean
byline_cms_wordpress_redirect_allowed (GUri *from,
                                       GUri *to)
{
  const char *from_scheme;
  const char *to_scheme;

  g_return_val_if_fail (from != NULL, FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  from_scheme = g_uri_get_scheme (from);
  to_scheme = g_uri_get_scheme (to);
  if (g_ascii_strcasecmp (to_scheme, "https") == 0)
    return TRUE;

  return g_ascii_strcasecmp (to_scheme, "http") == 0 &&
         g_ascii_strcasecmp (from_scheme, "http") == 0;
}

static gboolean
same_origin (GUri       *uri,
             const char *url)
{
  g_autoptr(GUri) other = NULL;

  if (url == NULL || (other = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL)) == NULL)
    return FALSE;

  return g_ascii_strcasecmp (g_uri_get_scheme (uri), g_uri_get_scheme (other)) == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (uri), g_uri_get_host (other)) == 0 &&
         g_uri_get_port (uri) == g_uri_get_port (other);
}

/* The application password only ever goes to the site's own origin, even
 * when a redirect points elsewhere. */
static void
add_authorization (BylineCmsWordpress *self,
                   SoupMessage        *msg)
{
  GUri *uri = soup_message_get_uri (msg);
  g_autofree char *pair = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *value = NULL;

  if (self->user == NULL || self->password == NULL)
    return;
  if (!same_origin (uri, self->site_url) && !same_origin (uri, self->api_root))
    return;

  pair = g_strdup_printf ("%s:%s", self->user, self->password);
  encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  value = g_strdup_printf ("Basic %s", encoded);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", value);
  memset (pair, 0, strlen (pair));
}

/* Sending ------------------------------------------------------------------ */

SoupMessage *
wp_message_new (BylineCmsWordpress  *self,
                const char          *method,
                const char          *route,
                const char * const  *params,
                GError             **error)
{
  g_autofree char *url = NULL;
  SoupMessage *msg;

  if (self->api_root == NULL)
    {
      g_set_error_literal (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_PROTOCOL,
                           "The site's REST API has not been discovered yet.");
      return NULL;
    }

  url = byline_cms_wordpress_build_url (self->api_root, route, params);
  msg = soup_message_new (method, url);
  if (msg == NULL)
    g_set_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_PROTOCOL,
                 "The site's address “%s” is not valid.", url);
  return msg;
}

void
wp_message_set_json (SoupMessage *msg,
                     JsonNode    *body)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  char *data;

  json_generator_set_root (generator, body);
  data = json_generator_to_data (generator, &length);
  bytes = g_bytes_new_take (data, length);
  soup_message_set_request_body_from_bytes (msg, "application/json; charset=utf-8", bytes);
}

typedef struct
{
  BylineCmsWordpress *self;
  SoupMessage        *msg;
  GTask              *task;
  WpReplyFunc         on_reply;
  WpReplyFlags        flags;
  guint               redirects;
} Exchange;

static void
exchange_free (Exchange *exchange)
{
  g_object_unref (exchange->self);
  g_object_unref (exchange->msg);
  g_object_unref (exchange->task);
  g_free (exchange);
}

static void exchange_start (Exchange *exchange);

/* The body of a reply as JSON; %NULL when it is empty or not JSON. */
JsonNode *
wp_parse_json (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  /* Blank text parses without a root (found by tests/fuzz/fuzz-wordpress-reply). */
  if (size == 0 || !json_parser_load_from_data (parser, data, size, NULL) ||
      json_parser_get_root (parser) == NULL)
    return NULL;

  return json_node_ref (json_parser_get_root (parser));
}

/* Follows a redirect of a GET or HEAD ourselves, when it is allowed; a
 * request with a body is never replayed. */
static gboolean
exchange_follow_redirect (Exchange *exchange)
{
  SoupMessage *msg = exchange->msg;
  const char *method = soup_message_get_method (msg);
  const char *location;
  g_autoptr(GUri) target = NULL;

  if (!SOUP_STATUS_IS_REDIRECTION (soup_message_get_status (msg)) ||
      exchange->redirects >= MAX_REDIRECTS ||
      (strcmp (method, SOUP_METHOD_GET) != 0 && strcmp (method, SOUP_METHOD_HEAD) != 0))
    return FALSE;

  location = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location");
  if (location == NULL ||
      (target = g_uri_parse_relative (soup_message_get_uri (msg), location,
                                      SOUP_HTTP_URI_FLAGS, NULL)) == NULL ||
      !byline_cms_wordpress_redirect_allowed (soup_message_get_uri (msg), target))
    return FALSE;

  g_debug ("Following a redirect (%u)", soup_message_get_status (msg));
  g_object_unref (exchange->msg);
  exchange->msg = soup_message_new_from_uri (method, target);
  exchange->redirects++;
  exchange_start (exchange);
  return TRUE;
}

static void
exchange_sent_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Exchange *exchange = user_data;
  g_autoptr(GError) transport_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) json = NULL;
  GError *error;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &transport_error);
  if (transport_error == NULL && exchange_follow_redirect (exchange))
    return;

  if (bytes != NULL)
    json = wp_parse_json (bytes);

  error = wp_error_from_reply (exchange->msg, json, bytes, exchange->flags, transport_error);
  if (error != NULL)
    g_task_return_error (exchange->task, error);
  else
    exchange->on_reply (exchange->task, exchange->msg, (exchange->flags & WP_REPLY_JSON) ? json : NULL);

  exchange_free (exchange);
}

static void
exchange_start (Exchange *exchange)
{
  soup_message_add_flags (exchange->msg, SOUP_MESSAGE_NO_REDIRECT);
  add_authorization (exchange->self, exchange->msg);
  soup_session_send_and_read_async (exchange->self->session, exchange->msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (exchange->task),
                                    exchange_sent_cb, exchange);
}

/*
 * wp_send:
 * @flags: what the request accepts
 * @on_reply: called on success; on failure @task gets the error
 */
void
wp_send (BylineCmsWordpress *self,
         SoupMessage        *msg,
         WpReplyFlags        flags,
         GTask              *task,
         WpReplyFunc         on_reply)
{
  Exchange *exchange = g_new0 (Exchange, 1);

  exchange->self = g_object_ref (self);
  exchange->msg = g_object_ref (msg);
  exchange->task = g_object_ref (task);
  exchange->on_reply = on_reply;
  exchange->flags = flags;
  exchange_start (exchange);
}

/* The usual request: a route of the API, JSON both ways. */
void
wp_request (GTask              *task,
            const char         *method,
            const char         *route,
            const char * const *params,
            JsonNode           *body,
            WpReplyFunc         on_reply)
{
  BylineCmsWordpress *self = g_task_get_source_object (task);
  g_autoptr(SoupMessage) msg = NULL;
  GError *error = NULL;

  msg = wp_message_new (self, method, route, params, &error);
  if (msg == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (body != NULL)
    wp_message_set_json (msg, body);
  wp_send (self, msg, WP_REPLY_JSON, task, on_reply);
}

/* The object --------------------------------------------------------------- */

static void
byline_cms_wordpress_finalize (GObject *object)
{
  BylineCmsWordpress *self = (BylineCmsWordpress *) object;

  soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_pointer (&self->site_url, g_free);
  g_clear_pointer (&self->api_root, g_free);
  g_clear_pointer (&self->user, g_free);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_clear_pointer (&self->password, g_free);

  G_OBJECT_CLASS (byline_cms_wordpress_parent_class)->finalize (object);
}

static void
byline_cms_wordpress_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BylineCmsWordpress *self = BYLINE_CMS_WORDPRESS (object);

  switch (prop_id)
    {
    case PROP_SITE_URL:
      g_value_set_string (value, self->site_url);
      break;
    case PROP_API_ROOT:
      g_value_set_string (value, self->api_root);
      break;
    case PROP_USER:
      g_value_set_string (value, self->user);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_cms_wordpress_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BylineCmsWordpress *self = BYLINE_CMS_WORDPRESS (object);

  switch (prop_id)
    {
    case PROP_SITE_URL:
      self->site_url = g_value_dup_string (value);
      break;
    case PROP_API_ROOT:
      byline_cms_wordpress_set_api_root (self, g_value_get_string (value));
      break;
    case PROP_USER:
      self->user = g_value_dup_string (value);
      break;
    case PROP_TIMEOUT:
      byline_cms_wordpress_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_cms_wordpress_class_init (BylineCmsWordpressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_cms_wordpress_finalize;
  object_class->get_property = byline_cms_wordpress_get_property;
  object_class->set_property = byline_cms_wordpress_set_property;

  properties[PROP_SITE_URL] =
    g_param_spec_string ("site-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_API_ROOT] =
    g_param_spec_string ("api-root", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_string ("user", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Seconds without progress before a request fails with NETWORK. */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, 3600, DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_cms_wordpress_init (BylineCmsWordpress *self)
{
  self->timeout = DEFAULT_TIMEOUT;
  self->session = soup_session_new_with_options ("user-agent", "Byline/" PACKAGE_VERSION,
                                                 "timeout", DEFAULT_TIMEOUT,
                                                 "idle-timeout", DEFAULT_TIMEOUT,
                                                 NULL);
}

/**
 * byline_cms_wordpress_new:
 * @site_url: the site's home, "https://example.com/"
 * @api_root: (nullable): the REST root if already discovered
 * @user: (nullable): @password: (nullable): the user and an application
 *   password, from the keyring; kept in memory only
 * @ca_file: (nullable): a PEM file of CAs to trust instead of the system's
 *
 * Returns: (transfer full) (nullable): a client, or %NULL if @ca_file cannot
 *   be read (%BYLINE_CMS_ERROR_TLS)
 */
BylineCmsWordpress *
byline_cms_wordpress_new (const char  *site_url,
                          const char  *api_root,
                          const char  *user,
                          const char  *password,
                          const char  *ca_file,
                          GError     **error)
{
  g_autoptr(BylineCmsWordpress) self = NULL;

  g_return_val_if_fail (site_url != NULL, NULL);

  self = g_object_new (BYLINE_TYPE_CMS_WORDPRESS,
                       "site-url", site_url,
                       "api-root", api_root,
                       "user", user,
                       NULL);
  self->password = g_strdup (password);

  if (ca_file != NULL)
    {
      g_autoptr(GTlsDatabase) database = NULL;
      g_autoptr(GError) local_error = NULL;

      database = g_tls_file_database_new (ca_file, &local_error);
      if (database == NULL)
        {
          g_set_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_TLS,
                       "Cannot use the certificate authority file “%s”: %s",
                       ca_file, local_error->message);
          return NULL;
        }
      g_object_set (self->session, "tls-database", database, NULL);
    }

  return g_steal_pointer (&self);
}

const char *
byline_cms_wordpress_get_site_url (BylineCmsWordpress *self)
{
  g_return_val_if_fail (BYLINE_IS_CMS_WORDPRESS (self), NULL);

  return self->site_url;
}

const char *
byline_cms_wordpress_get_api_root (BylineCmsWordpress *self)
{
  g_return_val_if_fail (BYLINE_IS_CMS_WORDPRESS (self), NULL);

  return self->api_root;
}

void
byline_cms_wordpress_set_api_root (BylineCmsWordpress *self,
                                   const char         *api_root)
{
  g_return_if_fail (BYLINE_IS_CMS_WORDPRESS (self));

  if (g_strcmp0 (self->api_root, api_root) == 0)
    return;

  g_free (self->api_root);
  self->api_root = g_strdup (api_root);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_API_ROOT]);
}

guint
byline_cms_wordpress_get_timeout (BylineCmsWordpress *self)
{
  g_return_val_if_fail (BYLINE_IS_CMS_WORDPRESS (self), 0);

  return self->timeout;
}

void
byline_cms_wordpress_set_timeout (BylineCmsWordpress *self,
                                  guint               seconds)
{
  g_return_if_fail (BYLINE_IS_CMS_WORDPRESS (self));
  g_return_if_fail (seconds > 0);

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  g_object_set (self->session, "timeout", seconds, "idle-timeout", seconds, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}
