/* publish-screenshot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: one click on Publish, in the real window, against the
 * WordPress of the testbed, with the seed article and three photos, saved
 * as OUTDIR/publish-progress.png while the second photo goes up and
 * OUTDIR/publish-done.png once it is published. With
 * BYLINE_SCREENSHOT_CONFLICT=1, the desk then retitles the post, the
 * reporter edits the article and presses Update: the conflict dialog, as
 * OUTDIR/publish-conflict.png (the whole screen: the dialog is a window).
 *   BYLINE_WP_ENV=DIR/env tests/headless-run tests/keyring-run \
 *     _build/tests/gui/publish-screenshot tests/core/data/seed-article.txt OUTDIR
 * With LANGUAGE=vi LC_ALL=C.UTF-8 BYLINE_LOCALEDIR=_build/po for
 * the Vietnamese interface.
 *
 * Uploads on loopback are over in an instant: a proxy in this process
 * stands between the outbox and WordPress and stops forwarding the second
 * photo's upload part way, until the picture of the progress is taken.
 */

#include "config.h"

#include <string.h>
#include <sys/socket.h>

#include <adwaita.h>

#include "byline-application.h"
#include "byline-cms-wordpress.h"
#include "byline-library-pane.h"
#include "byline-publish-bar.h"
#include "byline-window.h"
#include "draft-store-testutil.h"
#include "gui-shot.h"
#include "gui-wordpress-util.h"
#include "photo-fixtures.h"
#include "wp-admin.h"
#include "wp-testbed.h"

/* The proxy ---------------------------------------------------------------- */

#define HELD_UPLOAD 2        /* the upload held: the second photo's */
#define HELD_FRACTION 0.4    /* how much of it goes through first */
/* The held upload goes up slowly from its start, as on a poor line: the
 * kernel's buffers then stay small and the client's count stays close to
 * what really went through. */
#define SLOW_CHUNK 16384
#define SLOW_PAUSE_MS 10

typedef struct
{
  GIOStream    *client;
  GIOStream    *server;
  gint64        body_left;   /* of the media upload going up, else 0 */
  gint64        body_size;
  gboolean      to_hold;     /* this connection carries the upload to hold */
  char          up[16384];
  char          down[16384];
} Pipe;

static struct
{
  GSocketService *service;
  guint16         port;
  guint           n_uploads;
  Pipe           *held;      /* stopped part way, until released */
  gboolean        released;
} proxy;

static void pump_up (Pipe *pipe);

static void
pipe_close (Pipe *pipe)
{
  /* The Pipe itself stays: a screenshot makes few connections. */
  g_io_stream_close (pipe->client, NULL, NULL);
  g_io_stream_close (pipe->server, NULL, NULL);
}

static void
down_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data);

static void
down_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Pipe *pipe = user_data;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, NULL);

  if (n <= 0)
    {
      pipe_close (pipe);
      return;
    }
  g_output_stream_write_all_async (g_io_stream_get_output_stream (pipe->client), pipe->down, n,
                                   G_PRIORITY_DEFAULT, NULL, down_written_cb, pipe);
}

static void
pump_down (Pipe *pipe)
{
  g_input_stream_read_async (g_io_stream_get_input_stream (pipe->server), pipe->down, sizeof pipe->down,
                             G_PRIORITY_DEFAULT, NULL, down_read_cb, pipe);
}

static void
down_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Pipe *pipe = user_data;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, NULL))
    pipe_close (pipe);
  else
    pump_down (pipe);
}

/* POST …wp/v2/media…, not …wp/v2/media/<id>… (the texts of a photo),
 * the route encoded or not. */
static gboolean
is_upload (const char *request_line)
{
  static const char * const forms[] = { "v2/media", "v2%2Fmedia", "v2%2fmedia" };

  if (!g_str_has_prefix (request_line, "POST "))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      const char *at = strstr (request_line, forms[i]);

      if (at != NULL)
        return at[strlen (forms[i])] != '/' && at[strlen (forms[i])] != '%';
    }
  return FALSE;
}

/* A new request on the connection (one at a time: HTTP/1.1 without
 * pipelining): the upload to hold? */
static void
inspect_request (Pipe  *pipe,
                 gsize  n)
{
  g_autofree char *head = g_strndup (pipe->up, n);
  char *end_of_head = strstr (head, "\r\n\r\n");
  char *line_end = strstr (head, "\r\n");
  char *length;

  if (end_of_head == NULL || line_end == NULL)
    return;
  *end_of_head = '\0';
  *line_end = '\0';
  length = strstr (line_end + 2, "Content-Length: ");
  if (!is_upload (head) || length == NULL)
    return;

  pipe->body_size = g_ascii_strtoll (length + strlen ("Content-Length: "), NULL, 10);
  pipe->body_left = pipe->body_size - (gint64) (n - (end_of_head + 4 - head));
  pipe->to_hold = ++proxy.n_uploads == HELD_UPLOAD;
}

static gboolean
should_hold (Pipe *pipe)
{
  return pipe->to_hold && !proxy.released && pipe->body_left > 0 &&
         pipe->body_size - pipe->body_left >= pipe->body_size * HELD_FRACTION;
}

static void
pump_up_cb (gpointer pipe)
{
  pump_up (pipe);
}

static void
up_written_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Pipe *pipe = user_data;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, NULL))
    pipe_close (pipe);
  else if (should_hold (pipe))
    proxy.held = pipe;
  else if (pipe->to_hold && pipe->body_left > 0)
    g_timeout_add_once (SLOW_PAUSE_MS, pump_up_cb, pipe);
  else
    pump_up (pipe);
}

static void
up_read_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Pipe *pipe = user_data;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, NULL);

  if (n <= 0)
    {
      pipe_close (pipe);
      return;
    }
  if (pipe->body_left > 0)
    pipe->body_left -= n;
  else
    inspect_request (pipe, n);
  g_output_stream_write_all_async (g_io_stream_get_output_stream (pipe->server), pipe->up, n,
                                   G_PRIORITY_DEFAULT, NULL, up_written_cb, pipe);
}

static void
pump_up (Pipe *pipe)
{
  gsize size = pipe->to_hold && pipe->body_left > 0 ? SLOW_CHUNK : sizeof pipe->up;

  g_input_stream_read_async (g_io_stream_get_input_stream (pipe->client), pipe->up, size,
                             G_PRIORITY_DEFAULT, NULL, up_read_cb, pipe);
}

static gboolean
incoming_cb (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             gpointer           user_data)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GUri) uri = g_uri_parse (testbed.url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  GSocketConnection *server;
  Pipe *pipe;

  server = g_socket_client_connect_to_host (client, g_uri_get_host (uri), g_uri_get_port (uri), NULL, &error);
  if (server == NULL)
    g_error ("proxy: %s", error->message);
  pipe = g_new0 (Pipe, 1);
  pipe->client = G_IO_STREAM (g_object_ref (connection));
  pipe->server = G_IO_STREAM (server);
  pump_up (pipe);
  pump_down (pipe);
  return TRUE;
}

/* A small receive buffer: held, the upload soon stops in the client too,
 * instead of vanishing into the kernel's buffers. */
static void
proxy_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_no_error (error);
  g_socket_set_option (socket, SOL_SOCKET, SO_RCVBUF, 16384, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (socket, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  proxy.port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  proxy.service = g_socket_service_new ();
  g_socket_listener_add_socket (G_SOCKET_LISTENER (proxy.service), socket, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (proxy.service, "incoming", G_CALLBACK (incoming_cb), NULL);
}

static void
proxy_release (void)
{
  Pipe *pipe = g_steal_pointer (&proxy.held);

  proxy.released = TRUE;
  pump_up (pipe);
}

/* The outbox's client: WordPress through the proxy, same account. */
static BylineCms *
proxied_cms (BylineSite  *site,
             gpointer     user_data,
             GError     **error)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/", proxy.port);
  g_autofree char *api_root = g_strdup_printf ("%sindex.php?rest_route=/", url);

  return BYLINE_CMS (byline_cms_wordpress_new (url, api_root, testbed.author, testbed.author_password,
                                               NULL, error));
}

/* The window --------------------------------------------------------------- */

static gint64 last_progress;

static void
progress_cb (void)
{
  last_progress = g_get_monotonic_time ();
}

/* The client has written what the buffers take: the label and the bar
 * stopped where the upload stopped. */
static gboolean
upload_stalled (void)
{
  return proxy.held != NULL && g_get_monotonic_time () - last_progress > G_USEC_PER_SEC / 2;
}

static void
add_site (BylineApplication *app)
{
  GtkWidget *page = gui_wp_show_sites_page (app);

  gui_wp_fill_site (page, testbed.author_password);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (byline_application_get_sites (app))), ==, 1);
  /* The held photo goes up at full size: bigger than what the kernel
   * buffers on loopback, so its count stops part way too. */
  byline_site_set_image_size_limit (byline_site_list_get_default (byline_application_get_sites (app)), 6000);
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (page)));
}

/* As the reporter would before publishing: no warnings left. */
static void
describe_photos (BylineArticle *article)
{
  static const char * const captions[] = {
    "Cán bộ và nhân dân xã Mỹ Quí ra quân làm thủy lợi.",
    "Đoàn công tác của Huyện ủy làm việc với xã Mỹ Quí.",
    "Kênh nội đồng sau khi được nạo vét.",
  };
  GListModel *photos = byline_article_get_photos (article);

  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr(BylinePhoto) photo = g_list_model_get_item (photos, i);

      byline_photo_set_caption (photo, captions[i % G_N_ELEMENTS (captions)]);
      byline_photo_set_alt_text (photo, captions[i % G_N_ELEMENTS (captions)]);
      byline_photo_set_creator (photo, "Lê Hà");
      byline_photo_set_credit_line (photo, "Ảnh: Lê Hà");
    }
}

static void
open_article (BylineWindow *window,
              const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListStore) photos = g_list_store_new (G_TYPE_FILE);
  struct { const char *name; double hue; int width; int height; } scenes[] = {
    { "DSC_0042.JPG", 0, 1800, 1200 }, { "DSC_0043.JPG", 40, 6000, 4000 }, { "DSC_0051.JPG", -30, 1200, 1600 },
  };

  byline_window_import_file (window, file);
  WAIT_UNTIL (byline_window_get_article (window) != NULL);
  byline_article_set_category (byline_window_get_article (window), "Thời sự");

  for (guint i = 0; i < G_N_ELEMENTS (scenes); i++)
    {
      g_autofree char *jpeg = gui_shot_make_scene (scenes[i].name, scenes[i].hue, scenes[i].width,
                                                   scenes[i].height, 40);
      g_autoptr(GFile) photo = g_file_new_for_path (jpeg);

      g_list_store_append (photos, photo);
    }
  byline_window_attach_photos (window, G_LIST_MODEL (photos));
  WAIT_UNTIL (g_list_model_get_n_items (byline_article_get_photos (byline_window_get_article (window))) == 3);
  describe_photos (byline_window_get_article (window));
}

/* Publish, past the pre-flight check if it asks anything. */
static void
publish (BylineWindow     *window,
         BylinePublishBar *bar)
{
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.publish", NULL));
  WAIT_UNTIL (gui_wp_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL ||
              byline_publish_bar_get_state (bar) != BYLINE_OUTBOX_STATE_NONE);
  dialog = ADW_MESSAGE_DIALOG (gui_wp_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  if (dialog == NULL)
    return;
  g_printerr ("%s\n%s\n", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
  adw_message_dialog_response (dialog, "publish");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The desk edits the post on the site, the reporter the article; Update
 * meets the desk's edit. */
static void
show_conflict (BylineWindow     *window,
               BylinePublishBar *bar,
               const char       *png)
{
  BylineArticle *article = byline_window_get_article (window);
  g_autofree char *route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT,
                                            byline_article_get_remote_post_id (article));
  g_autoptr(JsonNode) edited = NULL;
  const char *import_argv[] = { "import", "-window", "root", png, NULL };
  g_autoptr(GError) error = NULL;

  /* modified_gmt has one-second steps. */
  gui_shot_spin_for (1100);
  edited = wp_admin_request ("POST", route, NULL, "{\"title\": \"Mỹ Quí ra quân (ban biên tập sửa)\"}");
  byline_article_set_lead (article, "Chiều 16/02, đoàn công tác làm việc với xã Mỹ Quí.");
  publish (window, bar);
  WAIT_UNTIL (gui_wp_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  gui_shot_spin_for (1000);
  if (!g_spawn_sync (NULL, (char **) import_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, &error))
    g_error ("import: %s", error->message);
  gtk_window_destroy (gui_wp_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BylineApplication) app = NULL;
  g_autofree char *progress_png = NULL;
  g_autofree char *done_png = NULL;
  g_autoptr(GError) error = NULL;
  BylineLibraryPane *library;
  BylinePublishBar *bar;
  BylineWindow *window;

  if (argc != 3)
    {
      g_printerr ("Usage: %s ARTICLE.txt OUTDIR\n", argv[0]);
      return 2;
    }
  progress_png = g_build_filename (argv[2], "publish-progress.png", NULL);
  done_png = g_build_filename (argv[2], "publish-done.png", NULL);

  gui_shot_init_locale ();
  gtk_init ();
  adw_init ();
  fixture_init ();
  if (!testbed_load ())
    return 1;
  proxy_start ();

  app = byline_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = BYLINE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  WAIT_UNTIL (byline_draft_store_get_loaded (byline_application_get_draft_store (app)));

  add_site (app);
  byline_outbox_set_cms_func (byline_application_get_outbox (app), proxied_cms, NULL, NULL);
  g_signal_connect_swapped (byline_application_get_outbox (app), "progress", G_CALLBACK (progress_cb), NULL);
  open_article (window, argv[1]);
  gui_shot_spin_for (1500);

  bar = BYLINE_PUBLISH_BAR (gui_wp_find_descendant (GTK_WIDGET (window), BYLINE_TYPE_PUBLISH_BAR));
  library = BYLINE_LIBRARY_PANE (gui_wp_find_descendant (GTK_WIDGET (window), BYLINE_TYPE_LIBRARY_PANE));
  publish (window, bar);
  byline_library_pane_set_view (library, BYLINE_LIBRARY_VIEW_OUTBOX);
  WAIT_UNTIL (upload_stalled ());
  gui_shot_spin_for (300);
  gui_shot_save_png (GTK_WIDGET (window), progress_png);

  proxy_release ();
  /* WordPress makes its sizes of the big photo: longer than WAIT_UNTIL waits. */
  for (gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
       byline_publish_bar_get_state (bar) != BYLINE_OUTBOX_STATE_DONE &&
       byline_publish_bar_get_state (bar) != BYLINE_OUTBOX_STATE_FAILED;)
    {
      if (g_get_monotonic_time () > end)
        g_error ("Not published after two minutes");
      g_main_context_iteration (NULL, TRUE);
    }
  byline_library_pane_set_view (library, BYLINE_LIBRARY_VIEW_PUBLISHED);
  /* The post's id and link, saved into the draft after a pause. */
  WAIT_UNTIL (byline_draft_store_get_save_state (byline_application_get_draft_store (app),
                                                 byline_window_get_article (window), NULL) ==
              BYLINE_SAVE_STATE_SAVED);
  /* Then the photos' media ids: a second save. */
  gui_shot_spin_for (3000);
  WAIT_UNTIL (byline_draft_store_get_save_state (byline_application_get_draft_store (app),
                                                 byline_window_get_article (window), NULL) ==
              BYLINE_SAVE_STATE_SAVED);
  gui_shot_save_png (GTK_WIDGET (window), done_png);
  g_print ("%s\n%s\n", progress_png, done_png);
  if (g_getenv ("BYLINE_SCREENSHOT_CONFLICT") != NULL)
    {
      g_autofree char *conflict_png = g_build_filename (argv[2], "publish-conflict.png", NULL);

      show_conflict (window, bar, conflict_png);
      g_print ("%s\n", conflict_png);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!byline_application_get_saving (app));
  return 0;
}
