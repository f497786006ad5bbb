/* fault-proxy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A TCP proxy in front of a web server that breaks requests the way real
 * networks, proxies and overloaded servers do, at random but reproducibly
 * (the seed is printed):
 *
 *   reset-request   the connection is reset while the request comes in
 *   reset-upload    half the request body reaches the server, then a reset
 *   reset-response  the server did the work; the client gets a reset
 *   500 / 503 / 429 the proxy answers itself (503 and 429 with Retry-After: 1)
 *   500-late        the server did the work; the client gets a 500
 *   stall           no answer at all, until the client gives up
 *   truncate        the server's answer, cut in the middle of the body
 *   non-json        the server did the work; the client gets an HTML page
 *
 * Usage: fault-proxy --target HOST:PORT [--port N] [--seed S] [--rate P]
 *                    [--max-faults N] [--kinds a,b,…]
 *
 * The first line on stdout is "listening on PORT". Each fault is logged on
 * stderr; on SIGTERM or SIGINT the totals go to stdout:
 * "fault-proxy: N requests, M faults (kind=count …)".
 *
 * Every connection carries one request: the proxy asks the server to close
 * after its answer (Connection: close), so it never has to find the end of
 * a reply in a kept-alive stream; clients simply open a new connection.
 */

#define _GNU_SOURCE  /* memmem */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <gio/gio.h>
#include <glib-unix.h>

#define MAX_HEAD (64 * 1024)
#define STALL_SECONDS 120

typedef enum
{
  FAULT_NONE,
  FAULT_RESET_REQUEST,
  FAULT_RESET_UPLOAD,
  FAULT_RESET_RESPONSE,
  FAULT_500,
  FAULT_503,
  FAULT_429,
  FAULT_500_LATE,
  FAULT_STALL,
  FAULT_TRUNCATE,
  FAULT_NON_JSON,
  N_FAULTS
} Fault;

static const char * const fault_names[N_FAULTS] = {
  "none", "reset-request", "reset-upload", "reset-response", "500", "503", "429",
  "500-late", "stall", "truncate", "non-json",
};

static struct
{
  GMutex   lock;
  GRand   *rand;
  double   rate;
  guint    max_faults;
  gboolean enabled[N_FAULTS];
  guint    counts[N_FAULTS];
  guint    requests;
  guint    faults;
  char    *target;
} proxy;

/* One decision per request, in the order requests arrive. */
static Fault
choose_fault (const char *request_line)
{
  Fault fault = FAULT_NONE;
  guint n_enabled = 0;

  g_mutex_lock (&proxy.lock);
  proxy.requests++;
  for (guint k = 1; k < N_FAULTS; k++)
    n_enabled += proxy.enabled[k];
  if (n_enabled > 0 && proxy.faults < proxy.max_faults &&
      g_rand_double (proxy.rand) < proxy.rate)
    {
      guint pick = g_rand_int_range (proxy.rand, 0, n_enabled);

      for (guint k = 1; k < N_FAULTS && fault == FAULT_NONE; k++)
        if (proxy.enabled[k] && pick-- == 0)
          fault = k;
      proxy.faults++;
      proxy.counts[fault]++;
      g_printerr ("fault-proxy: fault %u: %s on %s\n", proxy.faults, fault_names[fault],
                  request_line);
    }
  g_mutex_unlock (&proxy.lock);
  return fault;
}

/* Reading and writing --------------------------------------------------- */

static gboolean
write_all (GSocketConnection *conn,
           const void        *data,
           gsize              len)
{
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (conn));

  return g_output_stream_write_all (out, data, len, NULL, NULL, NULL);
}

/* Resets rather than closes: the peer gets ECONNRESET, as from a router
 * that dropped the connection. */
static void
reset (GSocketConnection *conn)
{
  struct linger linger = { 1, 0 };
  int fd = g_socket_get_fd (g_socket_connection_get_socket (conn));

  setsockopt (fd, SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
  g_io_stream_close (G_IO_STREAM (conn), NULL, NULL);
}

/* Reads the request head; @buf keeps whatever of the body came with it. */
static gssize
read_head (GSocketConnection *conn,
           GByteArray        *buf)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (conn));
  guint8 chunk[4096];

  while (buf->len < MAX_HEAD)
    {
      gssize n;
      const guint8 *end;

      end = buf->len >= 4 ? memmem (buf->data, buf->len, "\r\n\r\n", 4) : NULL;
      if (end != NULL)
        return end - buf->data + 4;
      n = g_input_stream_read (in, chunk, sizeof chunk, NULL, NULL);
      if (n <= 0)
        return -1;
      g_byte_array_append (buf, chunk, n);
    }
  return -1;
}

static gint64
content_length (const char *head)
{
  g_auto(GStrv) lines = g_strsplit (head, "\r\n", -1);

  for (guint i = 1; lines[i] != NULL; i++)
    if (g_ascii_strncasecmp (lines[i], "Content-Length:", 15) == 0)
      return g_ascii_strtoll (lines[i] + 15, NULL, 10);
  return 0;
}

/* The head with "Connection: close" in place of the client's wishes. */
static char *
head_for_upstream (const char *head)
{
  g_auto(GStrv) lines = g_strsplit (head, "\r\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    if (g_ascii_strncasecmp (lines[i], "Connection:", 11) != 0 &&
        g_ascii_strncasecmp (lines[i], "Keep-Alive:", 11) != 0)
      g_string_append_printf (out, "%s\r\n", lines[i]);
  g_string_append (out, "Connection: close\r\n\r\n");
  return g_string_free (out, FALSE);
}

/* Reads the rest of the body (Content-Length) into @buf. */
static gboolean
read_body (GSocketConnection *conn,
           GByteArray        *buf,
           gsize              total)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (conn));
  guint8 chunk[65536];

  while (buf->len < total)
    {
      gssize n = g_input_stream_read (in, chunk, MIN (sizeof chunk, total - buf->len), NULL, NULL);

      if (n <= 0)
        return FALSE;
      g_byte_array_append (buf, chunk, n);
    }
  return TRUE;
}

static GByteArray *
read_to_end (GSocketConnection *conn)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (conn));
  GByteArray *buf = g_byte_array_new ();
  guint8 chunk[65536];
  gssize n;

  while ((n = g_input_stream_read (in, chunk, sizeof chunk, NULL, NULL)) > 0)
    g_byte_array_append (buf, chunk, n);
  return buf;
}

static void
answer (GSocketConnection *conn,
        const char        *status,
        const char        *extra_headers,
        const char        *content_type,
        const char        *body)
{
  g_autofree char *reply = g_strdup_printf ("HTTP/1.1 %s\r\n%sContent-Type: %s\r\n"
                                            "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                                            status, extra_headers, content_type, strlen (body), body);

  write_all (conn, reply, strlen (reply));
  g_io_stream_close (G_IO_STREAM (conn), NULL, NULL);
}

static const char *
canned_status (Fault fault,
               const char **extra)
{
  *extra = "";
  switch (fault)
    {
    case FAULT_503:
      *extra = "Retry-After: 1\r\n";
      return "503 Service Unavailable";
    case FAULT_429:
      *extra = "Retry-After: 1\r\n";
      return "429 Too Many Requests";
    case FAULT_500:
    case FAULT_500_LATE:
      return "500 Internal Server Error";
    case FAULT_NONE:
    case FAULT_RESET_REQUEST:
    case FAULT_RESET_UPLOAD:
    case FAULT_RESET_RESPONSE:
    case FAULT_STALL:
    case FAULT_TRUNCATE:
    case FAULT_NON_JSON:
    case N_FAULTS:
    default:
      g_assert_not_reached ();
    }
}

/* Holds the connection without answering until the client gives up. */
static void
stall (GSocketConnection *conn)
{
  GSocket *socket = g_socket_connection_get_socket (conn);
  g_autoptr(GByteArray) ignored = NULL;

  g_socket_set_timeout (socket, STALL_SECONDS);
  ignored = read_to_end (conn);
  g_io_stream_close (G_IO_STREAM (conn), NULL, NULL);
}

/* One connection ---------------------------------------------------------- */

static GSocketConnection *
connect_upstream (void)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  GSocketConnection *conn;

  g_socket_client_set_timeout (client, 30);
  conn = g_socket_client_connect_to_host (client, proxy.target, 80, NULL, &error);
  if (conn == NULL)
    g_printerr ("fault-proxy: cannot reach %s: %s\n", proxy.target, error->message);
  return conn;
}

/* What the server answered, to the client, as it comes. */
static void
relay_response (GSocketConnection *upstream,
                GSocketConnection *client)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (upstream));
  guint8 chunk[65536];
  gssize n;

  while ((n = g_input_stream_read (in, chunk, sizeof chunk, NULL, NULL)) > 0)
    if (!write_all (client, chunk, n))
      break;
}

static void
after_server (Fault              fault,
              GSocketConnection *upstream,
              GSocketConnection *client)
{
  g_autoptr(GByteArray) response = NULL;
  const char *extra = "";
  const char *status;
  const guint8 *end;
  gsize head_len;

  if (fault == FAULT_NONE)
    {
      relay_response (upstream, client);
      g_io_stream_close (G_IO_STREAM (client), NULL, NULL);
      return;
    }

  /* The server has done whatever the request asked. */
  response = read_to_end (upstream);
  switch (fault)
    {
    case FAULT_RESET_RESPONSE:
      reset (client);
      break;
    case FAULT_500_LATE:
      status = canned_status (fault, &extra);
      answer (client, status, extra, "application/json",
              "{\"code\":\"internal_server_error\",\"message\":\"Proxy says 500\",\"data\":{\"status\":500}}");
      break;
    case FAULT_NON_JSON:
      answer (client, "200 OK", "", "text/html",
              "<!DOCTYPE html><html><body><h1>Bảo trì</h1><p>A captive portal or a cache.</p></body></html>");
      break;
    case FAULT_TRUNCATE:
      end = memmem (response->data, response->len, "\r\n\r\n", 4);
      head_len = end != NULL ? (gsize) (end - response->data) + 4 : 0;
      write_all (client, response->data, head_len + (response->len - head_len) / 2);
      g_io_stream_close (G_IO_STREAM (client), NULL, NULL);
      break;
    case FAULT_NONE:
    case FAULT_RESET_REQUEST:
    case FAULT_RESET_UPLOAD:
    case FAULT_500:
    case FAULT_503:
    case FAULT_429:
    case FAULT_STALL:
    case N_FAULTS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
run_cb (GThreadedSocketService *service,
        GSocketConnection      *client,
        GObject                *source,
        gpointer                user_data)
{
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  g_autoptr(GSocketConnection) upstream = NULL;
  g_autofree char *head = NULL;
  g_autofree char *request_line = NULL;
  g_autofree char *new_head = NULL;
  gssize head_len;
  gint64 body_len;
  gsize total;
  const char *extra = "";
  const char *status;
  Fault fault;

  head_len = read_head (client, buf);
  if (head_len < 0)
    return TRUE;
  head = g_strndup ((const char *) buf->data, head_len);
  request_line = g_strndup (head, strcspn (head, "\r\n"));
  body_len = content_length (head);
  total = head_len + MAX (body_len, 0);
  fault = choose_fault (request_line);

  switch (fault)
    {
    case FAULT_RESET_REQUEST:
      reset (client);
      return TRUE;
    case FAULT_500:
    case FAULT_503:
    case FAULT_429:
      read_body (client, buf, total);
      status = canned_status (fault, &extra);
      answer (client, status, extra, "application/json",
              "{\"code\":\"proxy_fault\",\"message\":\"The proxy refused\",\"data\":{}}");
      return TRUE;
    case FAULT_STALL:
      stall (client);
      return TRUE;
    case FAULT_NONE:
    case FAULT_RESET_UPLOAD:
    case FAULT_RESET_RESPONSE:
    case FAULT_500_LATE:
    case FAULT_TRUNCATE:
    case FAULT_NON_JSON:
    case N_FAULTS:
    default:
      break;
    }

  upstream = connect_upstream ();
  if (upstream == NULL)
    {
      reset (client);
      return TRUE;
    }
  new_head = head_for_upstream (head);
  if (!write_all (upstream, new_head, strlen (new_head)))
    return TRUE;

  if (fault == FAULT_RESET_UPLOAD)
    {
      /* Half of the body reaches the server, then both sides break. */
      gsize half = head_len + MAX (body_len, 0) / 2;

      read_body (client, buf, half);
      write_all (upstream, buf->data + head_len, buf->len - head_len);
      reset (upstream);
      reset (client);
      return TRUE;
    }

  if (!read_body (client, buf, total) ||
      !write_all (upstream, buf->data + head_len, buf->len - head_len))
    return TRUE;
  after_server (fault, upstream, client);
  return TRUE;
}

/* Start-up and totals -------------------------------------------------------- */

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
print_totals (void)
{
  g_autoptr(GString) kinds = g_string_new (NULL);

  g_mutex_lock (&proxy.lock);
  for (guint k = 1; k < N_FAULTS; k++)
    if (proxy.counts[k] > 0)
      g_string_append_printf (kinds, "%s%s=%u", kinds->len ? " " : "", fault_names[k], proxy.counts[k]);
  g_print ("fault-proxy: %u requests, %u faults (%s)\n", proxy.requests, proxy.faults, kinds->str);
  g_mutex_unlock (&proxy.lock);
}

static gboolean
parse_kinds (const char *list)
{
  g_auto(GStrv) names = g_strsplit (list, ",", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint k = 1; k < N_FAULTS; k++)
        if (g_str_equal (names[i], fault_names[k]))
          found = proxy.enabled[k] = TRUE;
      if (!found)
        {
          g_printerr ("fault-proxy: no fault called “%s”\n", names[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* Loopback only: the proxy is for tests. Returns the port, 0 on error. */
static guint16
listen_on_loopback (GSocketListener  *listener,
                    int               port,
                    GError          **error)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, port);
  g_autoptr(GSocketAddress) effective = NULL;

  if (!g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                      NULL, &effective, error))
    return 0;
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *kinds = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("- a web proxy that breaks requests");
  g_autoptr(GSocketService) service = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  gint64 seed = -1;
  int port = 0, max_faults = G_MAXINT;
  guint16 bound;
  GOptionEntry entries[] = {
    { "target", 0, 0, G_OPTION_ARG_STRING, &proxy.target, "The server, HOST:PORT", NULL },
    { "port", 0, 0, G_OPTION_ARG_INT, &port, "Port to listen on (0: any)", NULL },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the random faults", NULL },
    { "rate", 0, 0, G_OPTION_ARG_DOUBLE, &proxy.rate, "Share of requests that fail (0–1)", NULL },
    { "max-faults", 0, 0, G_OPTION_ARG_INT, &max_faults, "Faults to inject at most", NULL },
    { "kinds", 0, 0, G_OPTION_ARG_STRING, &kinds, "Faults to choose from (default: all)", NULL },
    { NULL }
  };

  proxy.rate = 0.3;
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || proxy.target == NULL)
    {
      g_printerr ("fault-proxy: %s\n", error != NULL ? error->message : "--target is required");
      return 2;
    }
  if (kinds != NULL ? !parse_kinds (kinds) : !parse_kinds ("reset-request,reset-upload,reset-response,"
                                                           "500,503,429,500-late,stall,truncate,non-json"))
    return 2;
  if (seed < 0)
    seed = g_get_real_time () % G_MAXINT32;
  proxy.rand = g_rand_new_with_seed ((guint32) seed);
  proxy.max_faults = max_faults;

  service = g_threaded_socket_service_new (64);
  bound = listen_on_loopback (G_SOCKET_LISTENER (service), port, &error);
  if (bound == 0)
    {
      g_printerr ("fault-proxy: cannot listen: %s\n", error->message);
      return 1;
    }
  g_signal_connect (service, "run", G_CALLBACK (run_cb), NULL);
  g_socket_service_start (service);

  g_print ("listening on %u\n", bound);
  fflush (stdout);
  g_printerr ("fault-proxy: seed %" G_GINT64_FORMAT ", rate %.2f, target %s\n", seed, proxy.rate, proxy.target);
  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_main_loop_run (loop);

  print_totals ();
  return 0;
}
