/* draft-store-testutil.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the draft store tests: waiting on the main context
 * (with a generous guard, not a timing assertion) and writing bundles
 * directly on disk the way another process or an older Byline would.
 */

#pragma once

#include <string.h>
#include <glib/gstdio.h>

#include "byline-draft-store.h"

#define WAIT_GUARD_SECONDS 20

static inline gboolean
guard_expired_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main context until *flag is set; fails the test after a long
 * guard so a lost signal shows up as a failure, not a hang. */
static inline void
wait_for_flag (gboolean   *flag,
               const char *what)
{
  gboolean expired = FALSE;
  guint guard = g_timeout_add_seconds (WAIT_GUARD_SECONDS, guard_expired_cb, &expired);

  while (!*flag && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (guard);
  if (!*flag)
    g_error ("Gave up waiting for %s", what);
}

/* The same for any condition. */
#define WAIT_UNTIL(cond) G_STMT_START {                                        \
    gboolean expired_ = FALSE;                                                  \
    guint guard_ = g_timeout_add_seconds (WAIT_GUARD_SECONDS, guard_expired_cb, \
                                          &expired_);                           \
    while (!(cond) && !expired_)                                                \
      g_main_context_iteration (NULL, TRUE);                                    \
    if (!expired_)                                                              \
      g_source_remove (guard_);                                                 \
    if (!(cond))                                                                \
      g_error ("Gave up waiting until %s", #cond);                              \
  } G_STMT_END

static inline void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static inline GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static inline BylineArticle *
open_sync (BylineDraftStore  *store,
           const char        *id,
           GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  byline_draft_store_open_async (store, id, NULL, result_cb, &result);
  return byline_draft_store_open_finish (store, wait_result (&result), error);
}

static inline char *
test_root (void)
{
  return g_build_filename (g_get_user_data_dir (), "store-root", NULL);
}

static inline BylineDraftStore *
new_store (const char *root,
           guint       delay_ms)
{
  g_autoptr(GFile) file = g_file_new_for_path (root);
  BylineDraftStore *store = byline_draft_store_new (file);

  g_object_set (store, "autosave-delay-ms", delay_ms, NULL);
  return store;
}

static inline BylineDraftStore *
new_loaded_store (const char *root,
                  guint       delay_ms)
{
  g_autoptr(GError) error = NULL;
  BylineDraftStore *store = new_store (root, delay_ms);

  byline_draft_store_load_sync (store, NULL, &error);
  g_assert_no_error (error);
  return store;
}

static inline char *
article_path (const char *root,
              const char *id)
{
  return g_build_filename (root, "drafts", id, "article.json", NULL);
}

static inline void
write_file (const char *path,
            const char *data,
            gssize      len)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static inline BylineArticle *
make_article (const char *title,
              const char *lead,
              const char *body)
{
  BylineArticle *article = byline_article_new ();
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);

  byline_article_set_title (article, title);
  byline_article_set_lead (article, lead);
  if (body != NULL)
    {
      g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, body));
      byline_article_set_blocks (article, blocks);
    }
  return article;
}

/* Writes an article's bundle directly, as another process would. */
static inline char *
write_article (const char *root,
               const char *title,
               const char *lead,
               const char *body)
{
  g_autoptr(BylineArticle) article = make_article (title, lead, body);
  g_autoptr(GBytes) bytes = byline_article_to_bytes (article);
  g_autofree char *path = article_path (root, byline_article_get_id (article));
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  write_file (path, data, len);
  return g_strdup (byline_article_get_id (article));
}

static inline GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static inline void
assert_file_equals_article (const char    *path,
                            BylineArticle *article)
{
  g_autoptr(GBytes) on_disk = read_bytes (path);
  g_autoptr(GBytes) expected = byline_article_to_bytes (article);

  g_assert_cmpmem (g_bytes_get_data (on_disk, NULL), g_bytes_get_size (on_disk),
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static inline void
flag_cb (gpointer  instance,
         gpointer  arg,
         gboolean *flag)
{
  *flag = TRUE;
}
