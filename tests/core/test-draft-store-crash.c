/* test-draft-store-crash.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Invariant 1, the hard way: a child process autosaves as fast as it can
 * and is killed with SIGKILL at random moments. After each kill every
 * article.json must load (the old or the new version, never a torn one),
 * and so must the store.
 */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include "byline-draft-index.h"
#include "draft-store-testutil.h"

#define N_ARTICLES 3
#define N_ROUNDS 8

/* The child: edits and saves forever, until killed. */
static int
writer_loop (const char *root)
{
  g_autoptr(BylineDraftStore) store = new_loaded_store (root, 0);
  BylineArticle *articles[N_ARTICLES];

  for (guint i = 0; i < N_ARTICLES; i++)
    articles[i] = byline_draft_store_create (store);

  for (guint64 n = 0;; n++)
    {
      BylineArticle *article = articles[n % N_ARTICLES];
      g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
      g_autofree char *title = g_strdup_printf ("Lần lưu %" G_GUINT64_FORMAT, n);
      g_autofree char *text = g_strnfill (n % 4000, 'a');

      /* The size changes with every save: a torn write cannot hide. */
      g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, text));
      byline_article_set_title (article, title);
      byline_article_set_blocks (article, blocks);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  return 0;
}

static guint
check_every_article (const char *root)
{
  g_autofree char *drafts = g_build_filename (root, "drafts", NULL);
  g_autoptr(GDir) dir = g_dir_open (drafts, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (drafts, name, "article.json", NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(BylineArticle) article = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      bytes = read_bytes (path);
      article = byline_article_new_from_bytes (bytes, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (byline_article_get_id (article), ==, name);
      n++;
    }
  return n;
}

/* The child is up: its session is marked running, with its drafts. */
static gboolean
child_is_writing (const char *root)
{
  g_autofree char *path = g_build_filename (root, "session.json", NULL);
  g_auto(GStrv) ids = NULL;
  gboolean clean = TRUE;

  return byline_draft_session_read (path, &clean, &ids) && !clean && ids != NULL && ids[0] != NULL;
}

static void
test_kill_during_autosave (void)
{
  g_autofree char *root = test_root ();
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  guint saved = 0;

  g_assert_nonnull (self_exe);
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      const char *argv[] = { self_exe, "--writer", root, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineDraftStore) store = NULL;
      GPid pid;
      int status;

      g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
      g_assert_no_error (error);

      /* Let it write for a random while, then pull the plug. */
      for (guint i = 0; i < 2000 && !child_is_writing (root); i++)
        g_usleep (10 * 1000);
      g_assert_true (child_is_writing (root));
      g_usleep (g_test_rand_int_range (50, 400) * 1000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      saved = check_every_article (root);
      store = new_loaded_store (root, 1000);
      g_assert_cmpuint (byline_draft_store_get_load_problems (store)->len, ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (byline_draft_store_get_library (store, BYLINE_LIBRARY_VIEW_ALL)), ==, saved);
      /* Killed while running: the session says so. */
      g_assert_cmpuint (g_strv_length ((char **) byline_draft_store_get_recovered_ids (store)), >, 0);
      byline_draft_store_close_sync (store, NULL, &error);
      g_assert_no_error (error);
    }

  /* The children did write: the test saw real files, not an empty folder. */
  g_assert_cmpuint (saved, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--writer"))
    return writer_loop (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/draft-store-crash/kill-during-autosave", test_kill_during_autosave);

  return g_test_run ();
}
