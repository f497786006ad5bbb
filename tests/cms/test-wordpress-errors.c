/* test-wordpress-errors.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The WordPress backend against an in-process SoupServer on loopback that
 * answers what each test asks: every error path of the one mapping
 * function, discovery, pagination, redirects and uploads.
 */

#include "config.h"

#include <string.h>
#include <sys/socket.h>

#include "byline-cms-wordpress.h"

/* The fake site ------------------------------------------------------------ */

typedef struct
{
  SoupServer *server;
  char       *base;         /* http://127.0.0.1:PORT/ */
  guint       status;       /* canned reply for API routes */
  const char *content_type;
  char       *body;
  char       *retry_after;
  gboolean    link_header;  /* the home page advertises the API */
  char       *link_root;    /* …at this root, else base + "wp-json/" */
  guint       home_status;  /* of the home page, 200 if 0 */
  gboolean    never_answer;
  char       *location;     /* Location of the canned reply */
  GPtrArray  *requests;     /* "METHOD path?query" */
  GPtrArray  *auth_headers; /* Authorization of each request, "" if none */
  GBytes     *last_body;
  SoupMessageHeaders *last_headers;
} FakeSite;

static const char index_json[] =
  "{\"name\":\"Báo Thử\",\"timezone_string\":\"Asia/Ho_Chi_Minh\",\"gmt_offset\":7,"
  "\"namespaces\":[\"oembed/1.0\",\"wp/v2\"],"
  "\"authentication\":{\"application-passwords\":{\"endpoints\":{}}}}";

static void
fake_reply (SoupServerMessage *msg,
            guint              status,
            const char        *content_type,
            const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
fake_record (FakeSite          *site,
             SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  g_ptr_array_add (site->requests,
                   g_strdup_printf ("%s %s%s%s", soup_server_message_get_method (msg),
                                    g_uri_get_path (uri),
                                    g_uri_get_query (uri) ? "?" : "",
                                    g_uri_get_query (uri) ? g_uri_get_query (uri) : ""));
  g_ptr_array_add (site->auth_headers, g_strdup (auth ? auth : ""));
  g_clear_pointer (&site->last_body, g_bytes_unref);
  site->last_body = soup_message_body_flatten (body);
  g_clear_pointer (&site->last_headers, soup_message_headers_unref);
  site->last_headers = soup_message_headers_ref (soup_server_message_get_request_headers (msg));
}

static void
fake_home (FakeSite          *site,
           SoupServerMessage *msg,
           GHashTable        *query)
{
  if (query != NULL && g_hash_table_contains (query, "rest_route"))
    {
      fake_reply (msg, 200, "application/json", index_json);
      return;
    }

  if (site->link_header)
    {
      g_autofree char *link = site->link_root != NULL
        ? g_strdup_printf ("<%s>; rel=\"https://api.w.org/\"", site->link_root)
        : g_strdup_printf ("<%swp-json/>; rel=\"https://api.w.org/\"", site->base);
      soup_message_headers_append (soup_server_message_get_response_headers (msg), "Link", link);
    }
  fake_reply (msg, site->home_status ? site->home_status : 200, "text/html",
              "<html><body>Home</body></html>");
}

/* Tags come in 3 pages of 2. */
static void
fake_tags (SoupServerMessage *msg,
           GHashTable        *query)
{
  const char *page = query ? g_hash_table_lookup (query, "page") : NULL;
  guint n = page != NULL ? atoi (page) : 1;
  g_autofree char *body = g_strdup_printf ("[{\"id\":%u,\"name\":\"Thẻ %u\",\"slug\":\"t%u\"},"
                                           "{\"id\":%u,\"name\":\"Thẻ %u\",\"slug\":\"t%u\"}]",
                                           n * 10, n * 10, n * 10, n * 10 + 1, n * 10 + 1, n * 10 + 1);

  soup_message_headers_append (soup_server_message_get_response_headers (msg),
                               "X-WP-TotalPages", "3");
  fake_reply (msg, 200, "application/json", body);
}

static void
fake_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  FakeSite *site = user_data;

  fake_record (site, msg);

  if (site->never_answer)
    {
      soup_server_message_pause (msg);
      return;
    }
  if (strcmp (path, "/") == 0)
    fake_home (site, msg, query);
  else if (strcmp (path, "/wp-json/") == 0)
    fake_reply (msg, 200, "application/json", index_json);
  else if (strcmp (path, "/wp-json/wp/v2/tags") == 0 && site->status == 0)
    fake_tags (msg, query);
  else
    {
      fake_reply (msg, site->status, site->content_type, site->body);
      if (site->location != NULL)
        soup_message_headers_append (soup_server_message_get_response_headers (msg),
                                     "Location", site->location);
      if (site->retry_after != NULL)
        soup_message_headers_append (soup_server_message_get_response_headers (msg),
                                     "Retry-After", site->retry_after);
    }
}

static FakeSite *
fake_site_new_full (GTlsCertificate *certificate)
{
  FakeSite *site = g_new0 (FakeSite, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  site->server = soup_server_new ("tls-certificate", certificate, NULL);
  site->requests = g_ptr_array_new_with_free_func (g_free);
  site->auth_headers = g_ptr_array_new_with_free_func (g_free);
  site->link_header = TRUE;
  site->content_type = "application/json";
  soup_server_add_handler (site->server, NULL, fake_handler, site, NULL);
  soup_server_listen_local (site->server, 0,
                            SOUP_SERVER_LISTEN_IPV4_ONLY |
                            (certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0),
                            &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (site->server);
  site->base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return site;
}

static FakeSite *
fake_site_new (void)
{
  return fake_site_new_full (NULL);
}

static void
fake_site_free (FakeSite *site)
{
  soup_server_disconnect (site->server);
  g_object_unref (site->server);
  g_free (site->base);
  g_free (site->body);
  g_free (site->retry_after);
  g_free (site->location);
  g_free (site->link_root);
  g_ptr_array_unref (site->requests);
  g_ptr_array_unref (site->auth_headers);
  g_clear_pointer (&site->last_body, g_bytes_unref);
  g_clear_pointer (&site->last_headers, soup_message_headers_unref);
  g_free (site);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeSite, fake_site_free)

static void
fake_site_set_reply (FakeSite   *site,
                     guint       status,
                     const char *content_type,
                     const char *body)
{
  site->status = status;
  site->content_type = content_type;
  g_free (site->body);
  site->body = g_strdup (body);
}

/* Helpers ------------------------------------------------------------------ */

static BylineCms *
client_new (FakeSite *site)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_strconcat (site->base, "wp-json/", NULL);
  BylineCmsWordpress *cms;

  cms = byline_cms_wordpress_new (site->base, root, "nguyenthu", "abcd efgh ijkl", NULL, &error);
  g_assert_no_error (error);
  return BYLINE_CMS (cms);
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static GError *
get_post_error (BylineCms *cms)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineCmsPost) post = NULL;
  GError *error = NULL;

  byline_cms_get_post_async (cms, 5, NULL, result_cb, &result);
  post = byline_cms_get_post_finish (cms, wait_for (&result), &error);
  g_assert_null (post);
  g_assert_nonnull (error);
  return error;
}

/* Status codes ------------------------------------------------------------ */

typedef struct
{
  guint          status;
  const char    *code;
  BylineCmsError expected;
  gboolean       transient;
} StatusCase;

static void
test_wordpress_json_errors (void)
{
  static const StatusCase cases[] = {
    { 401, "incorrect_password", BYLINE_CMS_ERROR_AUTH, FALSE },
    { 403, "rest_cannot_edit", BYLINE_CMS_ERROR_FORBIDDEN, FALSE },
    { 404, "rest_post_invalid_id", BYLINE_CMS_ERROR_NOT_FOUND, FALSE },
    { 409, "rest_conflict", BYLINE_CMS_ERROR_CONFLICT, FALSE },
    { 400, "rest_invalid_param", BYLINE_CMS_ERROR_VALIDATION, FALSE },
    { 500, "internal_server_error", BYLINE_CMS_ERROR_SERVER, TRUE },
  };
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(BylineCms) cms = client_new (site);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = g_strdup_printf ("Thông báo %u: “%s”.", i, cases[i].code);
      g_autofree char *body = g_strdup_printf ("{\"code\":\"%s\",\"message\":\"%s\","
                                               "\"data\":{\"status\":%u}}",
                                               cases[i].code, message, cases[i].status);
      g_autoptr(GError) error = NULL;

      fake_site_set_reply (site, cases[i].status, "application/json", body);
      error = get_post_error (cms);
      g_assert_error (error, BYLINE_CMS_ERROR, (int) cases[i].expected);
      /* WordPress's own words reach the user. */
      g_assert_cmpstr (error->message, ==, message);
      g_assert_cmpint (byline_cms_error_is_transient (error), ==, cases[i].transient);
      g_assert_cmpint (byline_cms_error_get_retry_after (error), ==, -1);
    }
}

/* "You are not currently logged in." misleads a user whose password is
 * wrong: that one is replaced. */
static void
test_wordpress_not_logged_in (void)
{
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(BylineCms) cms = client_new (site);
  g_autoptr(GError) error = NULL;

  fake_site_set_reply (site, 401, "application/json",
                       "{\"code\":\"rest_not_logged_in\",\"message\":\"You are not currently "
                       "logged in.\",\"data\":{\"status\":401}}");
  error = get_post_error (cms);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_AUTH);
  g_assert_cmpstr (error->message, ==, "The site refused the user name or application password.");
}

static void
test_wordpress_rate_limited (void)
{
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(BylineCms) cms = client_new (site);
  g_autoptr(GError) error = NULL;

  fake_site_set_reply (site, 429, "application/json",
                       "{\"code\":\"too_many\",\"message\":\"Slow down.\",\"data\":{\"status\":429}}");
  site->retry_after = g_strdup ("7");
  error = get_post_error (cms);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_RATE_LIMITED);
  g_assert_cmpint (byline_cms_error_get_retry_after (error), ==, 7);
  g_assert_true (byline_cms_error_is_transient (error));
}

static void
test_wordpress_unavailable_http_date (void)
{
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(BylineCms) cms = client_new (site);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 120);
  g_autoptr(GError) error = NULL;
  gint64 retry;

  fake_site_set_reply (site, 503, "text/html", "<html>Maintenance</html>");
  site->retry_after = soup_date_time_to_string (later, SOUP_DATE_HTTP);
  error = get_post_error (cms);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_SERVER);
  retry = byline_cms_error_get_retry_after (error);
  /* The date has a resolution of one second and the clock moves on. */
  g_assert_cmpint (retry, >=, 110);
  g_assert_cmpint (retry, <=, 120);
  g_assert_true (byline_cms_error_is_transient (error));
}

static void
test_retry_after_parsing (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 28, 5, 0, 0);

  g_assert_cmpint (byline_cms_parse_retry_after ("7", now), ==, 7);
  g_assert_cmpint (byline_cms_parse_retry_after ("Sat, 28 Nov 2026 05:01:30 GMT", now), ==, 90);
  g_assert_cmpint (byline_cms_parse_retry_after ("Sat, 28 Nov 2026 04:00:00 GMT", now), ==, 0);
  g_assert_cmpint (byline_cms_parse_retry_after ("soon", now), ==, -1);
  g_assert_cmpint (byline_cms_parse_retry_after ("-3", now), ==, -1);
  g_assert_cmpint (byline_cms_parse_retry_after (NULL, now), ==, -1);
}

static void
test_proxy_html_error (void)
{
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(BylineCms) cms = client_new (site);
  g_autoptr(GError) error = NULL;

  fake_site_set_reply (site, 502, "text/html", "<html><h1>502 Bad Gateway</h1>nginx</html>");
  error = get_post_error (cms);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_SERVER);
  g_assert_null (strchr (error->message, '<'));
  g_assert_true (g_str_has_suffix (error->message, "."));
}

/* What a plugin or the server broke: trying again gives the same. */
static void
test_bad_json (void)
{
  static const char * const bodies[] = {
    "<br />\n<b>Fatal error</b>: Allowed memory size exhausted",
    "<br />\n<b>Warning</b>: Undefined index\n{\"id\":5}",
    "Error establishing a database connection",
    "{\"id\":5}}",
  };
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(BylineCms) cms = client_new (site);

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GError) error = NULL;

      fake_site_set_reply (site, 200, "application/json", bodies[i]);
      error = get_post_error (cms);
      g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_PROTOCOL);
      g_assert_false (byline_cms_error_is_transient (error));
    }

  /* Valid JSON that is not a post is no better. */
  {
    g_autoptr(GError) error = NULL;

    fake_site_set_reply (site, 200, "application/json", "[1,2]");
    error = get_post_error (cms);
    g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_PROTOCOL);
  }
}

/* A reply cut on its way (a proxy lost the upstream; the server sent no
 * Content-Length): the next try gets it whole, so the outbox retries by
 * itself. */
static void
test_cut_json (void)
{
  static const char * const bodies[] = {
    "{\"id\":5,\"title\":{\"raw\":\"Tin nóng",
    "{\"id\":5,\"title\":{\"raw\":\"Tin n\xc3",
    "{\"id\":5,\"title\":{\"raw\":\"a \\\"}\"",
    "[{\"id\":1},",
    "",
  };
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(BylineCms) cms = client_new (site);

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GError) error = NULL;

      fake_site_set_reply (site, 200, "application/json", bodies[i]);
      error = get_post_error (cms);
      g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_NETWORK);
      g_assert_true (byline_cms_error_is_transient (error));
      g_assert_nonnull (strstr (error->message, "cut off"));
    }
}

/* A whole web page with 200 where JSON was due: a Wi-Fi login page, a
 * proxy or a cache in the way; it goes with the network. */
static void
test_portal_page (void)
{
  static const char * const pages[] = {
    "<!DOCTYPE html><html><body><h1>Đăng nhập Wi-Fi</h1></body></html>",
    "\xef\xbb\xbf\n  <HTML><HEAD><TITLE>Proxy</TITLE></HEAD></HTML>",
  };
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(BylineCms) cms = client_new (site);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GError) error = NULL;

      fake_site_set_reply (site, 200, "text/html", pages[i]);
      error = get_post_error (cms);
      g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_NETWORK);
      g_assert_true (byline_cms_error_is_transient (error));
      g_assert_nonnull (strstr (error->message, "web page"));
      g_assert_null (strchr (error->message, '<'));
    }
}

/* Broken connections ------------------------------------------------------- */

/* A raw server, in its own thread (the client runs on this one), that
 * resets the connection (SO_LINGER 0 makes close() send RST): after the
 * start of its reply, or while the request body is still coming. */
typedef enum
{
  RESET_MID_RESPONSE,
  RESET_MID_UPLOAD,
  CUT_MID_RESPONSE,   /* no Content-Length, a clean close mid-body */
} ResetWhen;

static gboolean
reset_run_cb (GThreadedSocketService *service,
              GSocketConnection      *connection,
              GObject                *source,
              gpointer                user_data)
{
  static const char partial[] = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                "Content-Length: 5000\r\n\r\n{\"id\":5,\"title\":";
  static const char cut[] = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            "Connection: close\r\n\r\n{\"id\":5,\"title\":{\"raw\":\"Tin n";
  GSocket *socket = g_socket_connection_get_socket (connection);
  struct linger linger = { 1, 0 };
  char buffer[4096];
  gsize received = 0;
  gssize n;

  /* Mid-upload: take 64 KiB of a bigger body, then hang up. */
  while ((n = g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL)) > 0 &&
         GPOINTER_TO_INT (user_data) == RESET_MID_UPLOAD && (received += n) < 64 * 1024)
    ;
  if (GPOINTER_TO_INT (user_data) == CUT_MID_RESPONSE)
    {
      g_socket_send (socket, cut, strlen (cut), NULL, NULL);
      g_socket_close (socket, NULL);
      return TRUE;
    }
  if (GPOINTER_TO_INT (user_data) == RESET_MID_RESPONSE)
    {
      g_socket_send (socket, partial, strlen (partial), NULL, NULL);
      g_usleep (G_USEC_PER_SEC / 20);
    }
  setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
  g_socket_close (socket, NULL);
  return TRUE;
}

static BylineCms *
reset_client_new (GSocketService *service,
                  ResetWhen       when)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *root = NULL;
  BylineCmsWordpress *cms;
  guint16 port;

  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "run", G_CALLBACK (reset_run_cb), GINT_TO_POINTER (when));
  g_socket_service_start (service);

  base = g_strdup_printf ("http://127.0.0.1:%u/", port);
  root = g_strconcat (base, "wp-json/", NULL);
  cms = byline_cms_wordpress_new (base, root, "u", "p", NULL, &error);
  g_assert_no_error (error);
  return BYLINE_CMS (cms);
}

static void
test_connection_reset (void)
{
  g_autoptr(GSocketService) service = g_threaded_socket_service_new (1);
  g_autoptr(BylineCms) cms = reset_client_new (service, RESET_MID_RESPONSE);
  g_autoptr(GError) error = NULL;

  error = get_post_error (cms);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_NETWORK);
  g_assert_true (byline_cms_error_is_transient (error));
  g_socket_service_stop (service);
}

/* The way fault-proxy's "truncate" and real proxies cut a reply that had
 * no Content-Length: libsoup sees a whole, shorter body. */
static void
test_connection_cut (void)
{
  g_autoptr(GSocketService) service = g_threaded_socket_service_new (1);
  g_autoptr(BylineCms) cms = reset_client_new (service, CUT_MID_RESPONSE);
  g_autoptr(GError) error = NULL;

  error = get_post_error (cms);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_NETWORK);
  g_assert_true (byline_cms_error_is_transient (error));
  g_socket_service_stop (service);
}

static void
test_connection_reset_mid_upload (void)
{
  g_autoptr(GSocketService) service = g_threaded_socket_service_new (1);
  g_autoptr(BylineCms) cms = reset_client_new (service, RESET_MID_UPLOAD);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "big.jpg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *data = g_strnfill (4 * 1024 * 1024, 'z');
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineCmsMedia) media = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, 4 * 1024 * 1024, &error);
  g_assert_no_error (error);
  byline_cms_upload_media_async (cms, file, "byline-0123456789abcdef.jpg", 5, NULL, NULL, NULL,
                                 NULL, NULL, NULL, NULL, result_cb, &result);
  media = byline_cms_upload_media_finish (cms, wait_for (&result), &error);
  g_assert_null (media);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_NETWORK);
  g_assert_true (byline_cms_error_is_transient (error));
  g_socket_service_stop (service);
}

/* "Could not reach 127.0.0.1:PORT (…)": which site, for a user with
 * several. */
static void
assert_names_host (const GError *error,
                   FakeSite     *site)
{
  g_autofree char *host = g_strndup (site->base + strlen ("http://"),
                                     strlen (site->base) - strlen ("http://") - 1);

  g_assert_nonnull (strstr (error->message, host));
}

static void
test_connection_refused (void)
{
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(BylineCms) cms = client_new (site);
  g_autoptr(GError) error = NULL;

  soup_server_disconnect (site->server);
  error = get_post_error (cms);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_NETWORK);
  assert_names_host (error, site);
}

static void
test_timeout (void)
{
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(BylineCms) cms = client_new (site);
  g_autoptr(GError) error = NULL;

  site->never_answer = TRUE;
  byline_cms_wordpress_set_timeout (BYLINE_CMS_WORDPRESS (cms), 1);
  error = get_post_error (cms);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_NETWORK);
  g_assert_true (byline_cms_error_is_transient (error));
  assert_names_host (error, site);
}

static void
test_cancelled (void)
{
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(BylineCms) cms = client_new (site);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineCmsPost) post = NULL;

  site->never_answer = TRUE;
  byline_cms_get_post_async (cms, 5, cancellable, result_cb, &result);
  while (site->requests->len == 0)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  post = byline_cms_get_post_finish (cms, wait_for (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Discovery ---------------------------------------------------------------- */

static BylineCmsSiteInfo *
discover (BylineCms  *cms,
          GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  byline_cms_discover_async (cms, NULL, result_cb, &result);
  return byline_cms_discover_finish (cms, wait_for (&result), error);
}

static void
test_discover_link_header (void)
{
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(BylineCmsWordpress) cms = NULL;
  g_autoptr(BylineCmsSiteInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *root = NULL;

  cms = byline_cms_wordpress_new (site->base, NULL, NULL, NULL, NULL, &error);
  info = discover (BYLINE_CMS (cms), &error);
  g_assert_no_error (error);

  root = g_strconcat (site->base, "wp-json/", NULL);
  g_assert_cmpstr (info->api_root, ==, root);
  g_assert_cmpstr (byline_cms_wordpress_get_api_root (cms), ==, root);
  g_assert_cmpstr (info->name, ==, "Báo Thử");
  g_assert_cmpstr (info->timezone_string, ==, "Asia/Ho_Chi_Minh");
  g_assert_cmpint (info->gmt_offset, ==, 7 * 3600);
  g_assert_true (info->application_passwords);
  g_assert_true (g_strv_contains ((const char * const *) info->namespaces, "wp/v2"));
  /* The home page is only asked for its headers. */
  g_assert_cmpstr (g_ptr_array_index (site->requests, 0), ==, "HEAD /");
  g_assert_cmpstr (soup_message_headers_get_one (site->last_headers, "User-Agent"), ==,
                   "Byline/" PACKAGE_VERSION);
  /* No credentials, no Authorization. */
  g_assert_cmpstr (site->auth_headers->pdata[0], ==, "");
}

static void
test_discover_rest_route_fallback (void)
{
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(BylineCmsWordpress) cms = NULL;
  g_autoptr(BylineCmsSiteInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *root = NULL;
  g_autofree char *url = NULL;

  site->link_header = FALSE;
  cms = byline_cms_wordpress_new (site->base, NULL, NULL, NULL, NULL, &error);
  info = discover (BYLINE_CMS (cms), &error);
  g_assert_no_error (error);

  root = g_strconcat (site->base, "?rest_route=/", NULL);
  g_assert_cmpstr (info->api_root, ==, root);

  /* Later routes go into rest_route, parameters follow with '&'. */
  fake_site_set_reply (site, 404, "application/json", "{}");
  g_clear_error (&error);
  error = get_post_error (BYLINE_CMS (cms));
  g_assert_cmpstr (g_ptr_array_index (site->requests, site->requests->len - 1), ==,
                   "GET /?rest_route=/wp/v2/posts/5&context=edit");
}

/* A home page that refuses HEAD (or a security plugin's 403) still leaves
 * the fallback. */
static void
test_discover_home_refused (void)
{
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(BylineCmsWordpress) cms = NULL;
  g_autoptr(BylineCmsSiteInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *root = NULL;

  site->link_header = FALSE;
  site->home_status = 405;
  cms = byline_cms_wordpress_new (site->base, NULL, NULL, NULL, NULL, &error);
  info = discover (BYLINE_CMS (cms), &error);
  g_assert_no_error (error);
  root = g_strconcat (site->base, "?rest_route=/", NULL);
  g_assert_cmpstr (info->api_root, ==, root);
}

static void
test_discover_not_wordpress (void)
{
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(BylineCmsWordpress) cms = NULL;
  g_autoptr(BylineCmsSiteInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strconcat (site->base, "blog/", NULL);

  /* /blog/ answers the canned HTML for everything, rest_route included. */
  site->link_header = FALSE;
  fake_site_set_reply (site, 200, "text/html", "<html>Not a blog</html>");
  cms = byline_cms_wordpress_new (url, NULL, NULL, NULL, NULL, &error);
  info = discover (BYLINE_CMS (cms), &error);
  g_assert_null (info);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_PROTOCOL);
  g_assert_null (byline_cms_wordpress_get_api_root (cms));
}

static void
test_build_url (void)
{
  const char *params[] = { "slug", "tin nóng&x", "status", "any", NULL };
  g_autofree char *pretty = NULL;
  g_autofree char *plain = NULL;

  pretty = byline_cms_wordpress_build_url ("https://a.vn/wp-json/", "wp/v2/posts", params);
  g_assert_cmpstr (pretty, ==, "https://a.vn/wp-json/wp/v2/posts?slug=tin%20n%C3%B3ng%26x&status=any");
  plain = byline_cms_wordpress_build_url ("https://a.vn/index.php?rest_route=/", "wp/v2/posts", params);
  g_assert_cmpstr (plain, ==,
                   "https://a.vn/index.php?rest_route=/wp/v2/posts&slug=tin%20n%C3%B3ng%26x&status=any");
}

/* Pagination --------------------------------------------------------------- */

static void
test_fetch_all_pages (void)
{
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(BylineCms) cms = client_new (site);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GError) error = NULL;

  byline_cms_fetch_tags_async (cms, NULL, result_cb, &result);
  tags = byline_cms_fetch_tags_finish (cms, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, 6);
  g_assert_cmpint (((BylineCmsTerm *) tags->pdata[0])->id, ==, 10);
  g_assert_cmpstr (((BylineCmsTerm *) tags->pdata[5])->name, ==, "Thẻ 31");
  g_assert_cmpuint (site->requests->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *page = g_strdup_printf ("page=%u", i + 1);
      g_assert_nonnull (strstr (site->requests->pdata[i], page));
      g_assert_nonnull (strstr (site->requests->pdata[i], "per_page=100"));
    }
}

/* Redirects ---------------------------------------------------------------- */

static void
test_redirect_decision (void)
{
  static const struct { const char *from, *to; gboolean allowed; } cases[] = {
    { "https://a.vn/x", "http://a.vn/x", FALSE },
    { "https://a.vn/x", "https://b.vn/x", TRUE },
    { "http://a.vn/x", "https://a.vn/x", TRUE },
    { "http://a.vn/x", "http://a.vn/y", TRUE },
    { "https://a.vn/x", "ftp://a.vn/x", FALSE },
    { "HTTPS://a.vn/x", "HTTP://a.vn/x", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GUri) from = g_uri_parse (cases[i].from, G_URI_FLAGS_NONE, NULL);
      g_autoptr(GUri) to = g_uri_parse (cases[i].to, G_URI_FLAGS_NONE, NULL);

      g_assert_cmpint (byline_cms_wordpress_redirect_allowed (from, to), ==, cases[i].allowed);
    }
}

/* A GET is followed to another server, but the password stays home. */
static void
test_redirect_keeps_password_home (void)
{
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(FakeSite) other = fake_site_new ();
  g_autoptr(BylineCms) cms = client_new (site);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineCmsPost) post = NULL;
  g_autoptr(GError) error = NULL;

  fake_site_set_reply (site, 302, "text/plain", NULL);
  site->location = g_strconcat (other->base, "elsewhere", NULL);
  fake_site_set_reply (other, 200, "application/json", "{\"id\":5,\"status\":\"draft\"}");

  byline_cms_get_post_async (cms, 5, NULL, result_cb, &result);
  post = byline_cms_get_post_finish (cms, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (post->id, ==, 5);
  g_assert_true (g_str_has_prefix (site->auth_headers->pdata[0], "Basic "));
  g_assert_cmpstr (other->requests->pdata[0], ==, "GET /elsewhere");
  g_assert_cmpstr (other->auth_headers->pdata[0], ==, "");
}

/* A throwaway self-signed certificate for 127.0.0.1, made by openssl. */
static GTlsCertificate *
make_certificate (char **cert_path)
{
  g_autofree char *dir = g_dir_make_tmp ("byline-tls-XXXXXX", NULL);
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autoptr(GError) error = NULL;
  GTlsCertificate *certificate;
  int status;

  *cert_path = g_build_filename (dir, "cert.pem", NULL);
  {
    const char *argv[] = { "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                           "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
                           "-out", *cert_path, "-days", "1", "-subj", "/CN=127.0.0.1",
                           "-addext", "subjectAltName=IP:127.0.0.1", NULL };
    g_spawn_sync (NULL, (char **) argv, NULL,
                  G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  certificate = g_tls_certificate_new_from_files (*cert_path, key, &error);
  g_assert_no_error (error);
  return certificate;
}

/* End to end: an https site whose redirect points to http is refused, and
 * the http server never hears from us. Without the redirect the same
 * server answers: the certificate set-up is right. */
static void
test_redirect_https_to_http (void)
{
  g_autofree char *ca = NULL;
  g_autoptr(GTlsCertificate) certificate = make_certificate (&ca);
  g_autoptr(FakeSite) secure = fake_site_new_full (certificate);
  g_autoptr(FakeSite) plain = fake_site_new ();
  g_autofree char *root = g_strconcat (secure->base, "wp-json/", NULL);
  g_autoptr(BylineCmsWordpress) cms = NULL;
  g_autoptr(BylineCmsPost) post = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (secure->base, "https://"));
  cms = byline_cms_wordpress_new (secure->base, root, "u", "p", ca, &error);
  g_assert_no_error (error);

  fake_site_set_reply (secure, 200, "application/json", "{\"id\":5,\"status\":\"draft\"}");
  byline_cms_get_post_async (BYLINE_CMS (cms), 5, NULL, result_cb, &result);
  post = byline_cms_get_post_finish (BYLINE_CMS (cms), wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (post->id, ==, 5);

  fake_site_set_reply (secure, 302, "text/plain", NULL);
  secure->location = g_strconcat (plain->base, "wp-json/wp/v2/posts/5", NULL);
  fake_site_set_reply (plain, 200, "application/json", "{\"id\":5,\"status\":\"draft\"}");
  g_clear_error (&error);
  error = get_post_error (BYLINE_CMS (cms));
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_TLS);
  g_assert_cmpuint (plain->requests->len, ==, 0);
}

/* WordPress behind a TLS proxy may announce an http:// API root: discovery
 * stays on https (the ?rest_route=/ fallback) and never calls the http one. */
static void
test_discover_https_announces_http (void)
{
  g_autofree char *ca = NULL;
  g_autoptr(GTlsCertificate) certificate = make_certificate (&ca);
  g_autoptr(FakeSite) secure = fake_site_new_full (certificate);
  g_autoptr(FakeSite) plain = fake_site_new ();
  g_autoptr(BylineCmsWordpress) cms = NULL;
  g_autoptr(BylineCmsSiteInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *root = NULL;

  secure->link_root = g_strconcat (plain->base, "wp-json/", NULL);
  cms = byline_cms_wordpress_new (secure->base, NULL, "u", "p", ca, &error);
  g_assert_no_error (error);
  info = discover (BYLINE_CMS (cms), &error);
  g_assert_no_error (error);

  root = g_strconcat (secure->base, "?rest_route=/", NULL);
  g_assert_cmpstr (info->api_root, ==, root);
  g_assert_cmpuint (plain->requests->len, ==, 0);
}

/* A POST is never replayed to the Location. */
static void
test_redirect_post_not_followed (void)
{
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(BylineCms) cms = client_new (site);
  g_autoptr(BylineCmsPost) post = byline_cms_post_new ();
  g_autoptr(BylineCmsPost) created = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fake_site_set_reply (site, 301, "text/plain", NULL);
  site->location = g_strconcat (site->base, "moved", NULL);
  post->title = g_strdup ("Tin");
  byline_cms_create_post_async (cms, post, NULL, result_cb, &result);
  created = byline_cms_create_post_finish (cms, wait_for (&result), &error);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_PROTOCOL);
  g_assert_cmpuint (site->requests->len, ==, 1);
}

/* Posts -------------------------------------------------------------------- */

static void
test_post_json_only_set_fields (void)
{
  g_autoptr(BylineCmsPost) post = byline_cms_post_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  const gint64 categories[] = { 3, 4 };

  post->title = g_strdup ("Đà Nẵng");
  post->status = g_strdup ("draft");
  byline_cms_post_set_ids (&post->categories, categories, 2);
  node = byline_cms_post_to_json (post);
  json = json_to_string (node, FALSE);
  g_assert_cmpstr (json, ==, "{\"status\":\"draft\",\"title\":\"Đà Nẵng\",\"categories\":[3,4]}");

  post->featured_media = 0;
  byline_cms_post_set_ids (&post->tags, NULL, 0);
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&json, g_free);
  node = byline_cms_post_to_json (post);
  json = json_to_string (node, FALSE);
  g_assert_cmpstr (json, ==, "{\"status\":\"draft\",\"title\":\"Đà Nẵng\",\"categories\":[3,4],"
                             "\"tags\":[],\"featured_media\":0}");
}

static void
test_dropped_featured_media (void)
{
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(BylineCms) cms = client_new (site);
  g_autoptr(BylineCmsPost) post = byline_cms_post_new ();
  g_autoptr(BylineCmsPost) updated = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* WordPress answers 200 with featured_media 0 for an unknown id. */
  fake_site_set_reply (site, 200, "application/json",
                       "{\"id\":5,\"status\":\"publish\",\"featured_media\":0,"
                       "\"categories\":[3],\"tags\":[]}");
  post->id = 5;
  post->featured_media = 999;
  byline_cms_update_post_async (cms, post, NULL, result_cb, &result);
  updated = byline_cms_update_post_finish (cms, wait_for (&result), &error);
  g_assert_null (updated);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_VALIDATION);
  g_assert_cmpstr (site->requests->pdata[0], ==, "POST /wp-json/wp/v2/posts/5?context=edit");
  g_assert_cmpstr (g_bytes_get_data (site->last_body, NULL), ==, "{\"featured_media\":999}");
}

static void
test_dropped_category (void)
{
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(BylineCms) cms = client_new (site);
  g_autoptr(BylineCmsPost) post = byline_cms_post_new ();
  g_autoptr(BylineCmsPost) created = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 categories[] = { 3, 77 };

  fake_site_set_reply (site, 201, "application/json",
                       "{\"id\":6,\"status\":\"draft\",\"featured_media\":0,\"categories\":[3]}");
  byline_cms_post_set_ids (&post->categories, categories, 2);
  byline_cms_create_post_async (cms, post, NULL, result_cb, &result);
  created = byline_cms_create_post_finish (cms, wait_for (&result), &error);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_VALIDATION);
}

/* Uploads ------------------------------------------------------------------ */

static void
progress_cb (goffset  sent,
             goffset  total,
             gpointer user_data)
{
  goffset *last = user_data;

  g_assert_cmpint (sent, >=, *last);
  g_assert_cmpint (sent, <=, total);
  *last = sent;
}

static void
test_upload_headers (void)
{
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(BylineCms) cms = client_new (site);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineCmsMedia) media = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "ảnh.jpg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *data = g_strnfill (300000, 'x');
  goffset sent = 0;
  const char *body;
  gsize size;

  g_file_set_contents (path, data, 300000, &error);
  g_assert_no_error (error);
  fake_site_set_reply (site, 201, "application/json",
                       "{\"id\":42,\"post\":5,\"source_url\":\"http://x/byline-0123456789abcdef.jpg\"}");

  byline_cms_upload_media_async (cms, file, "byline-0123456789abcdef.jpg", 5, "Tựa", "Ảnh: Lê Văn",
                                 NULL, NULL, progress_cb, &sent, NULL, result_cb, &result);
  media = byline_cms_upload_media_finish (cms, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (media->id, ==, 42);
  g_assert_cmpstr (media->file_name, ==, "byline-0123456789abcdef.jpg");
  g_assert_cmpint (sent, ==, 300000);

  /* The upload, then the texts as JSON on the new item. */
  g_assert_cmpuint (site->requests->len, ==, 2);
  g_assert_cmpstr (site->requests->pdata[0], ==, "POST /wp-json/wp/v2/media?post=5");
  g_assert_cmpstr (site->requests->pdata[1], ==, "POST /wp-json/wp/v2/media/42");
  body = g_bytes_get_data (site->last_body, &size);
  g_assert_cmpstr (body, ==, "{\"title\":\"Tựa\",\"caption\":\"Ảnh: Lê Văn\"}");
}

static void
upload_request_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   gpointer           user_data)
{
  FakeSite *site = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (strcmp (soup_server_message_get_method (msg), "POST") == 0 &&
      soup_message_headers_get_one (headers, "Content-Disposition") != NULL)
    {
      g_assert_cmpstr (soup_message_headers_get_one (headers, "Content-Disposition"), ==,
                       "attachment; filename=\"byline-0123456789abcdef.jpg\"");
      g_assert_null (soup_message_headers_get_one (headers, "Expect"));
      g_assert_cmpstr (soup_message_headers_get_content_type (headers, NULL), ==, "image/jpeg");
      g_assert_cmpint (soup_message_headers_get_content_length (headers), ==, 1000);
      site->never_answer = FALSE;
    }
}

static void
test_upload_disposition (void)
{
  g_autoptr(FakeSite) site = fake_site_new ();
  g_autoptr(BylineCms) cms = client_new (site);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylineCmsMedia) media = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "photo.jpg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *data = g_strnfill (1000, 'y');

  g_file_set_contents (path, data, 1000, &error);
  g_assert_no_error (error);
  fake_site_set_reply (site, 201, "application/json", "{\"id\":43,\"post\":0}");
  g_signal_connect (site->server, "request-read", G_CALLBACK (upload_request_cb), site);

  byline_cms_upload_media_async (cms, file, "byline-0123456789abcdef.jpg", 0, NULL, NULL,
                                 NULL, NULL, NULL, NULL, NULL, result_cb, &result);
  media = byline_cms_upload_media_finish (cms, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (site->requests->len, ==, 1);
  g_assert_cmpstr (site->requests->pdata[0], ==, "POST /wp-json/wp/v2/media");
  g_assert_cmpmem (g_bytes_get_data (site->last_body, NULL), g_bytes_get_size (site->last_body),
                   data, 1000);
}

static void
test_media_file_name (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "Ảnh đẹp.JPEG", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_file_set_contents (path, "abc", 3, &error);
  g_assert_no_error (error);
  byline_cms_media_file_name_async (file, NULL, result_cb, &result);
  name = byline_cms_media_file_name_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  /* sha256("abc") = ba7816bf8f01cfea… */
  g_assert_cmpstr (name, ==, "byline-ba7816bf8f01cfea.jpeg");
}

static void
test_transient_classes (void)
{
  static const struct { BylineCmsError code; gboolean transient; } cases[] = {
    { BYLINE_CMS_ERROR_NETWORK, TRUE }, { BYLINE_CMS_ERROR_RATE_LIMITED, TRUE },
    { BYLINE_CMS_ERROR_SERVER, TRUE }, { BYLINE_CMS_ERROR_TLS, FALSE },
    { BYLINE_CMS_ERROR_AUTH, FALSE }, { BYLINE_CMS_ERROR_FORBIDDEN, FALSE },
    { BYLINE_CMS_ERROR_VALIDATION, FALSE }, { BYLINE_CMS_ERROR_NOT_FOUND, FALSE },
    { BYLINE_CMS_ERROR_CONFLICT, FALSE }, { BYLINE_CMS_ERROR_PROTOCOL, FALSE },
  };
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "x");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = byline_cms_error_new (cases[i].code, 3, "x");
      g_autoptr(GError) copy = g_error_copy (error);

      g_assert_cmpint (byline_cms_error_is_transient (error), ==, cases[i].transient);
      /* Retry-After survives a copy. */
      g_assert_cmpint (byline_cms_error_get_retry_after (copy), ==, 3);
    }
  g_assert_false (byline_cms_error_is_transient (other));
  g_assert_cmpint (byline_cms_error_get_retry_after (other), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cms/wordpress/errors/json", test_wordpress_json_errors);
  g_test_add_func ("/cms/wordpress/errors/not-logged-in", test_wordpress_not_logged_in);
  g_test_add_func ("/cms/wordpress/errors/rate-limited", test_wordpress_rate_limited);
  g_test_add_func ("/cms/wordpress/errors/unavailable-http-date", test_wordpress_unavailable_http_date);
  g_test_add_func ("/cms/wordpress/errors/retry-after-parsing", test_retry_after_parsing);
  g_test_add_func ("/cms/wordpress/errors/proxy-html", test_proxy_html_error);
  g_test_add_func ("/cms/wordpress/errors/bad-json", test_bad_json);
  g_test_add_func ("/cms/wordpress/errors/cut-json", test_cut_json);
  g_test_add_func ("/cms/wordpress/errors/portal-page", test_portal_page);
  g_test_add_func ("/cms/wordpress/errors/connection-reset", test_connection_reset);
  g_test_add_func ("/cms/wordpress/errors/connection-cut", test_connection_cut);
  g_test_add_func ("/cms/wordpress/errors/connection-reset-mid-upload", test_connection_reset_mid_upload);
  g_test_add_func ("/cms/wordpress/errors/connection-refused", test_connection_refused);
  g_test_add_func ("/cms/wordpress/errors/timeout", test_timeout);
  g_test_add_func ("/cms/wordpress/errors/cancelled", test_cancelled);
  g_test_add_func ("/cms/wordpress/errors/transient", test_transient_classes);
  g_test_add_func ("/cms/wordpress/discover/link-header", test_discover_link_header);
  g_test_add_func ("/cms/wordpress/discover/rest-route-fallback", test_discover_rest_route_fallback);
  g_test_add_func ("/cms/wordpress/discover/home-refused", test_discover_home_refused);
  g_test_add_func ("/cms/wordpress/discover/not-wordpress", test_discover_not_wordpress);
  g_test_add_func ("/cms/wordpress/build-url", test_build_url);
  g_test_add_func ("/cms/wordpress/pagination", test_fetch_all_pages);
  g_test_add_func ("/cms/wordpress/redirect/decision", test_redirect_decision);
  g_test_add_func ("/cms/wordpress/redirect/password-stays-home", test_redirect_keeps_password_home);
  g_test_add_func ("/cms/wordpress/redirect/https-to-http", test_redirect_https_to_http);
  g_test_add_func ("/cms/wordpress/redirect/https-announces-http", test_discover_https_announces_http);
  g_test_add_func ("/cms/wordpress/redirect/post-not-followed", test_redirect_post_not_followed);
  g_test_add_func ("/cms/wordpress/post/json-only-set-fields", test_post_json_only_set_fields);
  g_test_add_func ("/cms/wordpress/post/dropped-featured-media", test_dropped_featured_media);
  g_test_add_func ("/cms/wordpress/post/dropped-category", test_dropped_category);
  g_test_add_func ("/cms/wordpress/media/upload", test_upload_headers);
  g_test_add_func ("/cms/wordpress/media/disposition", test_upload_disposition);
  g_test_add_func ("/cms/wordpress/media/file-name", test_media_file_name);

  return g_test_run ();
}
