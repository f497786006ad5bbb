/* test-disk-permission.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The draft store when the draft's folder stops being writable (another
 * user's folder, a permission changed behind our back): the save fails with
 * G_IO_ERROR_PERMISSION_DENIED naming the draft, the old version stays
 * whole, the other drafts keep saving, and once the folder is writable
 * again the next change saves by itself. (Full disk and read-only disk:
 * tests/core/test-draft-store-disk.c.)
 *
 * root ignores permissions, so as root the test runs in a child that
 * becomes "nobody" first: a skip would leave the case untested.
 */

#include "config.h"

#include <grp.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "byline-block.h"
#include "byline-draft-store.h"

#define NOBODY 65534
#define TITLE "Bài không có quyền ghi"

static char *shared_root;

static gboolean
flush (BylineDraftStore  *store,
       GError           **error)
{
  return byline_draft_store_flush_sync (store, NULL, error);
}

static void
save_failed_cb (BylineDraftStore *store,
                BylineArticle    *article,
                const GError     *error,
                gboolean         *failed)
{
  *failed = TRUE;
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  return data;
}

static void
run_permission_case (const char *root)
{
  g_autoptr(GFile) file = g_file_new_for_path (root);
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (file);
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(BylineArticle) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) bundle = NULL;
  g_autofree char *bundle_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean failed = FALSE;

  g_object_set (store, "autosave-delay-ms", 20, NULL);
  byline_draft_store_load_sync (store, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "save-failed", G_CALLBACK (save_failed_cb), &failed);

  article = byline_draft_store_create (store);
  byline_article_set_title (article, TITLE);
  g_assert_true (flush (store, &error));
  bundle = byline_draft_store_get_bundle_dir (store, byline_article_get_id (article));
  bundle_path = g_file_get_path (bundle);
  path = g_build_filename (bundle_path, "article.json", NULL);
  before = read_file (path);

  /* The folder is no longer ours to write. */
  g_assert_cmpint (g_chmod (bundle_path, 0500), ==, 0);
  byline_article_set_lead (article, "Viết khi thư mục không ghi được");
  g_assert_false (flush (store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, TITLE));
  g_assert_true (failed);
  g_assert_cmpint (byline_draft_store_get_save_state (store, article, NULL), ==, BYLINE_SAVE_STATE_ERROR);
  after = read_file (path);
  g_assert_cmpstr (after, ==, before);
  g_clear_error (&error);

  /* The application keeps working: another draft saves. */
  other = byline_draft_store_create (store);
  byline_article_set_title (other, "Bài khác vẫn lưu được");
  byline_draft_store_save (store, other);
  while (byline_draft_store_is_dirty (store, other))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (byline_draft_store_get_save_state (store, other, NULL), ==, BYLINE_SAVE_STATE_SAVED);

  /* Writable again: the next change saves by itself. */
  g_assert_cmpint (g_chmod (bundle_path, 0700), ==, 0);
  byline_article_set_lead (article, "Viết lại khi đã có quyền");
  while (byline_draft_store_is_dirty (store, article))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (byline_draft_store_get_save_state (store, article, NULL), ==, BYLINE_SAVE_STATE_SAVED);
  g_clear_pointer (&after, g_free);
  after = read_file (path);
  g_assert_nonnull (strstr (after, "Viết lại khi đã có quyền"));
}

static void
test_permission_denied (void)
{
  if (g_test_subprocess ())
    {
      /* As root: become nobody, for whom permissions count. */
      if (getuid () == 0)
        g_assert_true (setgroups (0, NULL) == 0 && setgid (NOBODY) == 0 && setuid (NOBODY) == 0);
      run_permission_case (shared_root);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* Outside the isolated (root-only) folders, so nobody can write it. The
   * subprocess is this same program: the path is derived, not random. */
  shared_root = g_strdup_printf ("%s/byline-permission-%d", g_get_tmp_dir (),
                                 g_test_subprocess () ? (int) getppid () : (int) getpid ());
  if (!g_test_subprocess ())
    {
      g_assert_cmpint (g_mkdir_with_parents (shared_root, 0700), ==, 0);
      g_assert_cmpint (g_chmod (shared_root, 0777), ==, 0);
    }

  g_test_add_func ("/disk/permission-denied", test_permission_denied);
  rc = g_test_run ();

  if (!g_test_subprocess ())
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", shared_root);
      g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
    }
  return rc;
}
