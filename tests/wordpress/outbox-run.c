/* outbox-run.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Publishes one draft to the testbed through the outbox, in a process of
 * its own, so that tests can kill it for real:
 *
 *   outbox-run DRAFTS_DIR SITES_JSON ARTICLE_ID
 *
 * Resumes the draft's journal if it has one, else queues the draft
 * (DRAFTS_DIR/ARTICLE_ID/article.json) for publication on the site it
 * names, as the testbed's author (credentials from BYLINE_WP_ENV, like the
 * other tests of this folder). Exits 0 when the article is published, 1
 * otherwise. With BYLINE_OUTBOX_ABORT_AFTER=<point> ("reserve",
 * "upload-<k>", "write", "verify") the process SIGKILLs itself right after
 * the site answered that step and before the journal recorded it; a
 * reliability test may as well kill -9 it at random and run it again until
 * it exits 0, then count what the site holds.
 */

#include "config.h"

#include <locale.h>

#include "byline-cms-wordpress.h"
#include "byline-outbox.h"
#include "wp-testbed.h"

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

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static BylineArticle *
load_article (GFile       *drafts,
              const char  *id,
              GError     **error)
{
  g_autoptr(GFile) bundle = g_file_get_child (drafts, id);
  g_autoptr(GFile) file = g_file_get_child (bundle, "article.json");
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, error);

  return bytes != NULL ? byline_article_new_from_bytes (bytes, NULL, error) : NULL;
}

static gboolean
queue (BylineOutbox   *outbox,
       BylineSiteList *sites,
       BylineArticle  *article,
       GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  BylineSite *site = byline_site_list_lookup (sites, byline_article_get_site (article));

  if (site == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "the article's site is not in the list");
      return FALSE;
    }
  byline_outbox_queue_async (outbox, article, site, BYLINE_PUBLISH_STATUS_PUBLISH, FALSE, NULL,
                             result_cb, &result);
  return byline_outbox_queue_finish (outbox, wait_for (&result), error);
}

static gboolean
is_final (BylineOutboxState state)
{
  return state == BYLINE_OUTBOX_STATE_DONE || state == BYLINE_OUTBOX_STATE_FAILED ||
         state == BYLINE_OUTBOX_STATE_CONFLICT || state == BYLINE_OUTBOX_STATE_NONE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) drafts = NULL;
  g_autoptr(BylineSiteList) sites = NULL;
  g_autoptr(BylineNetwork) network = NULL;
  g_autoptr(BylineOutbox) outbox = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GAsyncResult) resumed = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;

  setlocale (LC_ALL, "");
  if (argc != 4 || !testbed_load ())
    {
      g_printerr ("Usage: BYLINE_WP_ENV=ENV %s DRAFTS_DIR SITES_JSON ARTICLE_ID\n", argv[0]);
      return 2;
    }
  id = argv[3];
  drafts = g_file_new_for_commandline_arg (argv[1]);
  sites = byline_site_list_new (argv[2]);
  if (!byline_site_list_load (sites, &error) ||
      (article = load_article (drafts, id, &error)) == NULL)
    {
      g_printerr ("outbox-run: %s\n", error->message);
      return 1;
    }

  /* The testbed is on loopback: never ask GNetworkMonitor (recipes.md). */
  network = byline_network_new_for_testing (TRUE);
  outbox = byline_outbox_new (drafts, sites, network);
  byline_outbox_set_cms_func (outbox, testbed_client, NULL, NULL);
  byline_outbox_set_backoff (outbox, 100, 2000);

  byline_outbox_resume_async (outbox, NULL, result_cb, &resumed);
  byline_outbox_resume_finish (outbox, wait_for (&resumed), &error);
  g_assert_no_error (error);
  if (byline_outbox_get_state (outbox, id) != BYLINE_OUTBOX_STATE_NONE)
    byline_outbox_attach_article (outbox, article);
  else if (!queue (outbox, sites, article, &error))
    {
      g_printerr ("outbox-run: %s\n", error->message);
      return 1;
    }

  while (!is_final (byline_outbox_get_state (outbox, id)) || byline_outbox_get_busy (outbox))
    g_main_context_iteration (NULL, TRUE);

  g_print ("%s %" G_GINT64_FORMAT "\n",
           byline_outbox_state_to_string (byline_outbox_get_state (outbox, id)),
           byline_article_get_remote_post_id (article));
  return byline_outbox_get_state (outbox, id) == BYLINE_OUTBOX_STATE_DONE ? 0 : 1;
}
