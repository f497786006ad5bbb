/* test-draft-store-disk.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A full disk and a read-only disk, for real: run through
 * run-in-small-tmpfs, which gives us a private 64 KiB tmpfs. A failed save
 * must leave the previous article.json intact, keep the article dirty, say
 * why (naming the draft) and succeed once the disk allows it again.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

#include "draft-store-testutil.h"

#define TITLE "Bài trên đĩa đầy"

static const char *
small_fs (void)
{
  const char *dir = g_getenv ("BYLINE_SMALL_FS");

  /* Not a skip: without the small disk the invariant is untested. */
  if (dir == NULL)
    g_error ("BYLINE_SMALL_FS is not set: run this test through tests/core/run-in-small-tmpfs");
  return dir;
}

static void
save_failed_cb (BylineDraftStore *store,
                BylineArticle    *article,
                const GError     *error,
                char            **message)
{
  g_free (*message);
  *message = g_strdup (error->message);
}

static char *
big_text (guint kib)
{
  GString *s = g_string_new (NULL);

  while (s->len < kib * 1024)
    g_string_append (s, "Người dân Tháp Mười gieo sạ lúa đông xuân sớm. ");
  return g_string_free (s, FALSE);
}

static void
fill_disk (const char *path)
{
  char block[4096];
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  memset (block, 'x', sizeof block);
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  close (fd);
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
assert_failed_save (BylineDraftStore *store,
                    BylineArticle    *article,
                    const char       *path,
                    GBytes           *before,
                    char            **signalled,
                    gint              expected_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *bundle = g_path_get_dirname (path);
  const GError *last = NULL;

  g_assert_false (byline_draft_store_flush_sync (store, NULL, &error));
  g_assert_error (error, G_IO_ERROR, expected_code);
  g_assert_nonnull (strstr (error->message, TITLE));
  g_assert_nonnull (*signalled);
  g_assert_nonnull (strstr (*signalled, TITLE));

  g_assert_true (byline_draft_store_is_dirty (store, article));
  g_assert_cmpint (byline_draft_store_get_save_state (store, article, &last), ==, BYLINE_SAVE_STATE_ERROR);
  g_assert_nonnull (last);

  /* The old version, whole; no temp file left behind. */
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_files (bundle), ==, 1);
}

static void
test_full_disk (void)
{
  g_autofree char *root = g_build_filename (small_fs (), "full", NULL);
  g_autofree char *filler = g_build_filename (small_fs (), "filler", NULL);
  g_autoptr(BylineDraftStore) store = new_loaded_store (root, 3600 * 1000);
  g_autoptr(BylineArticle) article = byline_draft_store_create (store);
  g_autofree char *path = article_path (root, byline_article_get_id (article));
  g_autofree char *text = big_text (24);
  g_autofree char *signalled = NULL;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (store, "save-failed", G_CALLBACK (save_failed_cb), &signalled);
  byline_article_set_title (article, TITLE);
  byline_draft_store_flush_sync (store, NULL, &error);
  g_assert_no_error (error);
  before = read_bytes (path);

  fill_disk (filler);
  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, text));
  byline_article_set_blocks (article, blocks);
  assert_failed_save (store, article, path, before, &signalled, G_IO_ERROR_NO_SPACE);

  /* Room again: the next flush writes the whole article. */
  g_assert_cmpint (g_remove (filler), ==, 0);
  byline_draft_store_flush_sync (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (byline_draft_store_is_dirty (store, article));
  assert_file_equals_article (path, article);
}

static void
remount (const char *dir,
         gboolean    read_only)
{
  unsigned long flags = MS_REMOUNT | (read_only ? MS_RDONLY : 0);

  if (mount (NULL, dir, NULL, flags, NULL) != 0)
    g_error ("Could not remount %s: %s", dir, g_strerror (errno));
}

static void
test_read_only_disk (void)
{
  g_autofree char *root = g_build_filename (small_fs (), "ro", NULL);
  g_autoptr(BylineDraftStore) store = new_loaded_store (root, 3600 * 1000);
  g_autoptr(BylineArticle) article = byline_draft_store_create (store);
  g_autofree char *path = article_path (root, byline_article_get_id (article));
  g_autofree char *signalled = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (store, "save-failed", G_CALLBACK (save_failed_cb), &signalled);
  byline_article_set_title (article, TITLE);
  byline_draft_store_flush_sync (store, NULL, &error);
  g_assert_no_error (error);
  before = read_bytes (path);

  remount (small_fs (), TRUE);
  byline_article_set_lead (article, "Viết khi ổ đĩa chỉ đọc");
  assert_failed_save (store, article, path, before, &signalled, G_IO_ERROR_READ_ONLY);

  /* Writable again: the next change retries by itself (autosave). */
  remount (small_fs (), FALSE);
  g_object_set (store, "autosave-delay-ms", 20, NULL);
  byline_article_set_lead (article, "Viết lại khi ổ đĩa đã ghi được");
  WAIT_UNTIL (!byline_draft_store_is_dirty (store, article));
  assert_file_equals_article (path, article);
  g_assert_cmpint (byline_draft_store_get_save_state (store, article, NULL), ==, BYLINE_SAVE_STATE_SAVED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/draft-store-disk/full", test_full_disk);
  g_test_add_func ("/draft-store-disk/read-only", test_read_only_disk);

  return g_test_run ();
}
