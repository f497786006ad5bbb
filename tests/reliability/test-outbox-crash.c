/* test-outbox-crash.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Publishing survives kill -9 at a random instant. A child process
 * queues an article with two photos in the outbox and publishes it to the
 * real WordPress of the testbed; the test kills it with SIGKILL somewhere
 * in the first $BYLINE_OUTBOX_KILL_MS (default 3000) milliseconds, then a
 * new outbox over the same folders resumes, as the application does at
 * start-up. The administrator then finds the article exactly once, with its
 * two photos attached once — or not at all when the kill came before the
 * journal was written (nothing was sent, and the user was never told it
 * was queued). $BYLINE_OUTBOX_KILLS rounds (default 5; tools/stress more).
 * The outbox's own tests stop it at each step deterministically
 * (tests/wordpress/test-outbox-wordpress.c /crash/…); this one picks the
 * instants at random, network round trips included.
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "byline-cms-wordpress.h"
#include "../cms/outbox-fixtures.h"
#include "../wordpress/wp-admin.h"
#include "../wordpress/wp-testbed.h"

static BylineCms *
testbed_client (BylineSite  *site,
                gpointer     user_data,
                GError     **error)
{
  return BYLINE_CMS (byline_cms_wordpress_new (testbed.url, testbed.api_root, testbed.author,
                                               testbed.author_password, NULL, error));
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The child ------------------------------------------------------------------ */

static int
run_child (const char *marker)
{
  g_autoptr(BylineNetwork) network = byline_network_new_for_testing (TRUE);
  g_autoptr(BylineOutbox) outbox = NULL;
  g_autoptr(BylineSiteTerms) terms = NULL;
  g_autoptr(BylineCms) cms = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("%s (%s)", OFX_TITLE, marker);
  Ofx *ofx;

  g_assert_true (testbed_load ());
  ofx_init ();
  ofx = ofx_new (2, testbed.url, testbed.api_root, testbed.author);
  byline_article_set_title (ofx->article, title);
  byline_site_list_save (ofx->sites, &error);
  g_assert_no_error (error);
  cms = testbed_client (ofx->site, NULL, NULL);
  byline_site_terms_refresh_async (ofx->site, cms, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  terms = byline_site_terms_refresh_finish (result, NULL, &error);
  g_assert_no_error (error);

  g_print ("article %s\n", byline_article_get_id (ofx->article));
  fflush (stdout);
  outbox = ofx_outbox_new (ofx, network, testbed_client, NULL);
  ofx_queue (ofx, outbox, BYLINE_PUBLISH_STATUS_PUBLISH, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ofx_wait (ofx, outbox), ==, BYLINE_OUTBOX_STATE_DONE);
  ofx_free (ofx);
  return 0;
}

/* The parent ----------------------------------------------------------------- */

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
exited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* Runs the child, kills it after @kill_ms unless it is done. Returns the
 * article id; *@killed says whether the kill landed. */
static char *
publish_and_kill (const char *marker,
                  guint       kill_ms,
                  gboolean   *killed)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  char *line;
  gboolean exited = FALSE, expired = FALSE;

  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, self_exe, "--child", marker, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (line != NULL && g_str_has_prefix (line, "article "));
  memmove (line, line + strlen ("article "), strlen (line) - strlen ("article ") + 1);

  /* From the moment it queues: somewhere in checking, reserving,
   * uploading, writing or verifying. */
  g_subprocess_wait_async (child, NULL, exited_cb, &exited);
  g_timeout_add (kill_ms, timeout_cb, &expired);
  while (!exited && !expired)
    g_main_context_iteration (NULL, TRUE);
  *killed = !exited;
  if (!exited)
    {
      g_subprocess_send_signal (child, SIGKILL);
      while (!exited)
        g_main_context_iteration (NULL, TRUE);
    }
  else
    g_assert_true (g_subprocess_get_successful (child));
  if (!expired)
    while (!expired)
      g_main_context_iteration (NULL, TRUE);
  return line;
}

/* What the application does at start-up: resume whatever is journalled. */
static BylineOutboxState
resume (const char *article_id,
        guint      *resumed)
{
  g_autofree char *drafts_path = g_build_filename (g_get_user_data_dir (), "drafts", NULL);
  g_autofree char *sites_path = g_build_filename (g_get_user_config_dir (), "sites.json", NULL);
  g_autoptr(GFile) drafts = g_file_new_for_path (drafts_path);
  g_autoptr(BylineSiteList) sites = byline_site_list_new (sites_path);
  g_autoptr(BylineNetwork) network = byline_network_new_for_testing (TRUE);
  g_autoptr(BylineOutbox) outbox = NULL;
  g_autoptr(GError) error = NULL;
  BylineOutboxState state;

  byline_site_list_load (sites, &error);
  g_assert_no_error (error);
  outbox = byline_outbox_new (drafts, sites, network);
  byline_outbox_set_cms_func (outbox, testbed_client, NULL, NULL);
  byline_outbox_set_backoff (outbox, 20, 200);
  *resumed = ofx_resume (outbox);
  while (((state = byline_outbox_get_state (outbox, article_id)) != BYLINE_OUTBOX_STATE_NONE &&
          state != BYLINE_OUTBOX_STATE_DONE && state != BYLINE_OUTBOX_STATE_FAILED &&
          state != BYLINE_OUTBOX_STATE_CONFLICT) || byline_outbox_get_busy (outbox))
    g_main_context_iteration (NULL, TRUE);
  return state;
}

/* The journal's state on disk; NONE when there is none. */
static BylineOutboxState
journal_state (const char *article_id)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "drafts", article_id, NULL);
  g_autofree char *file = g_build_filename (path, BYLINE_OUTBOX_JOURNAL_NAME, NULL);
  g_autoptr(GFile) bundle = g_file_new_for_path (path);
  g_autoptr(BylineOutboxJournal) journal = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test (file, G_FILE_TEST_EXISTS))
    return BYLINE_OUTBOX_STATE_NONE;
  journal = byline_outbox_journal_read (bundle, &error);
  g_assert_no_error (error);
  return journal->state;
}

static void
assert_exactly_once (const char *marker,
                     const char *article_id)
{
  g_autofree char *escaped = g_uri_escape_string (marker, NULL, FALSE);
  g_autofree char *query = g_strdup_printf ("search=%s&status=any&context=edit", escaped);
  g_autofree char *reserved = g_strconcat ("slug=byline-", article_id, "&status=any&context=edit", NULL);
  g_autoptr(JsonNode) found = wp_admin_request ("GET", "wp/v2/posts", query, NULL);
  JsonArray *posts = json_node_get_array (found);
  JsonObject *post;

  g_assert_cmpuint (json_array_get_length (posts), ==, 1);
  post = json_array_get_object_element (posts, 0);
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "publish");
  g_assert_cmpuint (wp_admin_count ("wp/v2/posts", reserved), ==, 0);
  g_assert_cmpuint (wp_admin_media_of (json_object_get_int_member (post, "id")), ==, 2);
}

static void
test_kill_while_publishing (void)
{
  const char *kills_env = g_getenv ("BYLINE_OUTBOX_KILLS");
  const char *max_env = g_getenv ("BYLINE_OUTBOX_KILL_MS");
  guint rounds = kills_env != NULL ? (guint) atoi (kills_env) : 5;
  guint max_ms = max_env != NULL ? (guint) atoi (max_env) : 3000;
  guint run = g_test_rand_int_range (0, 100000);
  guint landed = 0, resumed_total = 0, before_journal = 0;

  g_assert_true (testbed_load ());
  wp_admin_ensure_tag ("Tháp Mười");
  wp_admin_ensure_tag ("Nông thôn mới");

  for (guint k = 0; k < rounds; k++)
    {
      g_autofree char *marker = g_strdup_printf ("kil%05u%03u", run, k);
      guint kill_ms = g_test_rand_int_range (0, max_ms);
      g_autofree char *id = NULL;
      gboolean killed = FALSE;
      guint resumed = 0;
      BylineOutboxState state;

      id = publish_and_kill (marker, kill_ms, &killed);
      landed += killed;
      state = journal_state (id);
      if (state == BYLINE_OUTBOX_STATE_DONE)
        {
          /* Done before the kill: nothing to resume. */
          g_assert_cmpuint (resume (id, &resumed) == BYLINE_OUTBOX_STATE_NONE && resumed == 0, ==, TRUE);
          assert_exactly_once (marker, id);
          g_test_message ("round %u: done before the kill at %u ms", k, kill_ms);
          continue;
        }
      if (state == BYLINE_OUTBOX_STATE_NONE)
        {
          /* Killed before it was queued: nothing may be on the site. */
          before_journal++;
          g_assert_true (killed);
          g_assert_cmpuint (wp_admin_posts_with (marker), ==, 0);
          continue;
        }
      state = resume (id, &resumed);
      resumed_total += resumed;
      g_assert_cmpint (state, ==, BYLINE_OUTBOX_STATE_DONE);
      assert_exactly_once (marker, id);
      g_test_message ("round %u: %s at %u ms, %u resumed, exactly once", k,
                      killed ? "killed" : "finished before the kill", kill_ms, resumed);
    }
  g_print ("# %u publications, %u killed mid-way (%u before the journal), %u resumed after "
           "a restart; every one on the site exactly once\n",
           rounds, landed, before_journal, resumed_total);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  ofx_init ();
  g_test_add_func ("/outbox-crash/kill-while-publishing", test_kill_while_publishing);
  return g_test_run ();
}
