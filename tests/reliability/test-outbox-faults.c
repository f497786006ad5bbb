/* test-outbox-faults.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outbox publishes articles with photos to the real WordPress of the
 * testbed through fault-proxy, which resets, stalls, cuts and swaps replies
 * at random (seeded, printed) until it has injected $BYLINE_FAULTS faults
 * (default 40; tools/stress runs 200). Afterwards the administrator finds
 * each article exactly once, published, with exactly its photos attached:
 * nothing lost, nothing twice.
 *
 * Every fault the proxy injects is one the network or the server makes
 * and takes back (a cut reply and a portal's HTML page included): the
 * outbox must get through them by itself, without the user's Retry.
 *
 * Usage: test-outbox-faults --proxy PATH [GTest options]
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "byline-cms-wordpress.h"
#include "../cms/outbox-fixtures.h"
#include "../wordpress/wp-admin.h"
#include "../wordpress/wp-testbed.h"

#define STALL_TIMEOUT_S 3

static const char *proxy_exe;

typedef struct
{
  GSubprocess *process;
  char        *url;        /* http://127.0.0.1:PORT/ */
  char        *api_root;   /* the testbed's, through the proxy */
  char        *log_path;   /* its stderr: one line per fault */
  GDataInputStream *out;   /* its stdout */
} Proxy;

static char *
host_port (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  g_assert_nonnull (uri);
  return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
}

static void
proxy_start (Proxy *proxy,
             guint  faults,
             guint  seed,
             const char *kinds)
{
  g_autofree char *target = host_port (testbed.url);
  g_autofree char *seed_arg = g_strdup_printf ("%u", seed);
  g_autofree char *max_arg = g_strdup_printf ("%u", faults);
  const char *argv[] = { proxy_exe, "--target", target, "--seed", seed_arg, "--rate", "0.3",
                         "--max-faults", max_arg, kinds != NULL ? "--kinds" : NULL, kinds, NULL };
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;
  guint64 port = 0;

  proxy->log_path = g_build_filename (g_get_user_cache_dir (), "fault-proxy.log", NULL);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_subprocess_launcher_set_stderr_file_path (launcher, proxy->log_path);
  proxy->process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  proxy->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proxy->process));
  line = g_data_input_stream_read_line_utf8 (proxy->out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "listening on "));
  g_assert_true (g_ascii_string_to_unsigned (line + strlen ("listening on "), 10, 1, 65535, &port, NULL));

  proxy->url = g_strdup_printf ("http://127.0.0.1:%u/", (guint) port);
  g_assert_true (g_str_has_prefix (testbed.api_root, testbed.url));
  proxy->api_root = g_strconcat (proxy->url, testbed.api_root + strlen (testbed.url), NULL);
}

/* Faults injected so far: the proxy logs one line each. */
static guint
proxy_faults (Proxy *proxy)
{
  g_autofree char *log = NULL;
  guint n = 0;

  if (!g_file_get_contents (proxy->log_path, &log, NULL, NULL))
    return 0;
  for (const char *p = log; (p = strstr (p, "fault-proxy: fault ")) != NULL; p++)
    n++;
  return n;
}

/* Stops the proxy; returns its totals line. */
static char *
proxy_stop (Proxy *proxy)
{
  g_autofree char *totals = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (proxy->process, SIGTERM);
  totals = g_data_input_stream_read_line_utf8 (proxy->out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (proxy->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&proxy->out);
  g_clear_object (&proxy->process);
  g_clear_pointer (&proxy->url, g_free);
  g_clear_pointer (&proxy->api_root, g_free);
  g_clear_pointer (&proxy->log_path, g_free);
  g_assert_nonnull (totals);
  return g_steal_pointer (&totals);
}

/* The client the outbox uses: through the proxy, with a short timeout so a
 * stall costs seconds, not the default 30. */
static BylineCms *
proxied_client (BylineSite  *site,
                gpointer     user_data,
                GError     **error)
{
  Proxy *proxy = user_data;
  BylineCmsWordpress *cms = byline_cms_wordpress_new (proxy->url, proxy->api_root, testbed.author,
                                                      testbed.author_password, NULL, error);

  if (cms != NULL)
    byline_cms_wordpress_set_timeout (cms, STALL_TIMEOUT_S);
  return BYLINE_CMS (cms);
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The terms cache, fetched straight from the testbed: the faults are for
 * the publishing. */
static void
refresh_terms (BylineSite *site)
{
  g_autoptr(BylineCms) cms = BYLINE_CMS (byline_cms_wordpress_new (testbed.url, testbed.api_root,
                                                                   testbed.author,
                                                                   testbed.author_password,
                                                                   NULL, NULL));
  g_autoptr(BylineSiteTerms) terms = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  byline_site_terms_refresh_async (site, cms, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  terms = byline_site_terms_refresh_finish (result, NULL, &error);
  g_assert_no_error (error);
}

/* Publishes one article through the proxy, without any Retry. */
static void
publish_one (Proxy         *proxy,
             BylineNetwork *network,
             guint          k,
             const char    *run)
{
  Ofx *ofx = ofx_new (2, proxy->url, proxy->api_root, testbed.author);
  g_autofree char *marker = g_strdup_printf ("flt%s%03u", run, k);
  g_autofree char *title = g_strdup_printf ("%s (%s)", OFX_TITLE, marker);
  g_autofree char *reserved = g_strconcat ("slug=byline-", byline_article_get_id (ofx->article),
                                           "&status=any&context=edit", NULL);
  g_autoptr(BylineOutbox) outbox = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GError) error = NULL;
  BylineOutboxState state;
  gint64 id;

  byline_article_set_title (ofx->article, title);
  refresh_terms (ofx->site);
  outbox = ofx_outbox_new (ofx, network, proxied_client, proxy);
  byline_outbox_set_backoff (outbox, 50, 1000);

  ofx_queue (ofx, outbox, BYLINE_PUBLISH_STATUS_PUBLISH, &error);
  g_assert_no_error (error);
  state = ofx_wait (ofx, outbox);
  if (state == BYLINE_OUTBOX_STATE_FAILED)
    {
      g_autoptr(BylineOutboxJournal) journal = ofx_read_journal (ofx);

      g_test_message ("article %u failed: %s (%s)", k, journal->error_code,
                      journal->error_detail);
    }
  g_assert_cmpint (state, ==, BYLINE_OUTBOX_STATE_DONE);

  /* Exactly once: one post with the marker, the reserved slug gone, its two
   * photos attached once each, published. */
  id = byline_article_get_remote_post_id (ofx->article);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (wp_admin_posts_with (marker), ==, 1);
  g_assert_cmpuint (wp_admin_count ("wp/v2/posts", reserved), ==, 0);
  g_assert_cmpuint (wp_admin_media_of (id), ==, 2);
  post = wp_admin_get_post (id);
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "publish");

  ofx_free (ofx);
}

/* Each of @kinds was injected at least once: the totals list "kind=N"
 * for the kinds that happened. */
static void
assert_kinds_injected (const char *totals,
                       const char *kinds)
{
  g_auto(GStrv) names = g_strsplit (kinds != NULL ? kinds : "", ",", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *counted = g_strdup_printf (" %s=", names[i]);
      g_autofree char *first = g_strdup_printf ("(%s=", names[i]);

      g_assert_true (strstr (totals, counted) != NULL || strstr (totals, first) != NULL);
    }
}

/* @data: the fault kinds (fault-proxy's --kinds), NULL for all. */
static void
test_publish_through_faults (gconstpointer data)
{
  const char *kinds = data;
  const char *faults_env = g_getenv ("BYLINE_FAULTS");
  const char *seed_env = g_getenv ("BYLINE_FAULT_SEED");
  guint faults = faults_env != NULL ? (guint) atoi (faults_env) : 40;
  guint seed = seed_env != NULL ? (guint) atoi (seed_env) : (guint) (g_get_real_time () % 100000);
  g_autoptr(BylineNetwork) network = byline_network_new_for_testing (TRUE);
  g_autofree char *run = g_strdup_printf ("%05u", g_random_int_range (0, 100000));
  g_autofree char *totals = NULL;
  Proxy proxy = { 0 };
  guint articles = 0;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (testbed_load ());
  wp_admin_ensure_tag ("Tháp Mười");
  wp_admin_ensure_tag ("Nông thôn mới");
  g_print ("# fault seed %u (BYLINE_FAULT_SEED=%u reproduces the choices), %u faults\n",
           seed, seed, faults);
  proxy_start (&proxy, faults, seed, kinds);

  /* Until the proxy has injected all its faults; a bound, in case it
   * cannot (each article makes a dozen requests). */
  while (proxy_faults (&proxy) < faults && articles < faults)
    publish_one (&proxy, network, articles++, run);

  totals = proxy_stop (&proxy);
  g_print ("# %s\n", totals);
  g_print ("# %u articles with 2 photos each published exactly once through the faults, "
           "no user retry, %.0f s\n", articles,
           (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (articles, >, 0);
  g_assert_nonnull (strstr (totals, "faults"));
  assert_kinds_injected (totals, kinds);
}

int
main (int   argc,
      char *argv[])
{
  /* --proxy PATH is ours; GTest gets the rest. */
  for (int i = 1; i + 1 < argc; i++)
    if (g_str_equal (argv[i], "--proxy"))
      {
        proxy_exe = argv[i + 1];
        memmove (&argv[i], &argv[i + 2], (argc - i - 1) * sizeof (char *));
        argc -= 2;
        break;
      }
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (proxy_exe == NULL)
    g_error ("Usage: test-outbox-faults --proxy PATH");
  ofx_init ();

  g_test_add_data_func ("/outbox-faults/publish-through-faults", NULL,
                        test_publish_through_faults);
  /* The two the outbox used to stop on for a manual Retry. */
  g_test_add_data_func ("/outbox-faults/cut-reply-and-portal-page", "truncate,non-json",
                        test_publish_through_faults);

  return g_test_run ();
}
