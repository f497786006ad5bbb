/* test-draft-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Invariants 1–3 of the design: nothing typed is lost, a corrupt or
 * foreign file never stops the load, a newer file is never rewritten.
 */

#include "config.h"

#include <unistd.h>

#include "byline-draft-index.h"
#include "byline-draft-state.h"
#include "byline-fold.h"
#include "draft-store-testutil.h"

static void
saved_count_cb (BylineDraftStore *store,
                BylineArticle    *article,
                guint            *count)
{
  (*count)++;
}

static void
test_autosave_round_trip (void)
{
  g_autofree char *root = test_root ();
  g_autoptr(BylineDraftStore) store = new_loaded_store (root, 50);
  g_autoptr(BylineDraftStore) fresh = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(BylineArticle) reopened = NULL;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  BylineDraftInfo *info;
  guint saved = 0;

  g_signal_connect (store, "saved", G_CALLBACK (saved_count_cb), &saved);
  article = byline_draft_store_create (store);
  id = g_strdup (byline_article_get_id (article));
  path = article_path (root, id);
  g_assert_true (byline_draft_store_is_dirty (store, article));
  g_assert_nonnull (byline_draft_store_lookup (store, id));

  /* A burst of edits: the delay restarts, one write carries the last. */
  byline_article_set_title (article, "Mỹ Quí");
  byline_article_set_lead (article, "Tháp Mười");
  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Đoạn đầu tiên."));
  byline_article_set_blocks (article, blocks);
  WAIT_UNTIL (!byline_draft_store_is_dirty (store, article));

  g_assert_cmpuint (saved, >=, 1);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  assert_file_equals_article (path, article);
  g_assert_cmpint (byline_draft_store_get_save_state (store, article, NULL), ==,
                   BYLINE_SAVE_STATE_SAVED);
  info = byline_draft_store_lookup (store, id);
  g_assert_cmpstr (byline_draft_info_get_title (info), ==, "Mỹ Quí");
  g_assert_cmpstr (byline_draft_info_get_lead (info), ==, "Tháp Mười");
  g_assert_cmpuint (byline_draft_info_get_word_count (info), ==,
                    byline_article_count_words (article));

  /* Another store sees the same article, byte for byte. */
  byline_draft_store_flush_sync (store, NULL, &error);
  g_assert_no_error (error);
  fresh = new_loaded_store (root, 50);
  g_assert_cmpuint (g_list_model_get_n_items (byline_draft_store_get_library (fresh, BYLINE_LIBRARY_VIEW_ALL)), ==, 1);
  g_assert_cmpstr (byline_draft_info_get_title (byline_draft_store_lookup (fresh, id)), ==, "Mỹ Quí");
  reopened = open_sync (fresh, id, &error);
  g_assert_no_error (error);
  assert_file_equals_article (path, reopened);
  g_assert_false (byline_draft_store_is_dirty (fresh, reopened));
}

/* An import is written at once, not after the autosave delay. */
static void
test_add_writes_now (void)
{
  g_autofree char *root = test_root ();
  g_autoptr(BylineDraftStore) store = new_loaded_store (root, 3600 * 1000);
  g_autoptr(BylineArticle) article = make_article ("Bài nhập", "Từ tệp .docx", "Thân bài.");
  g_autofree char *path = article_path (root, byline_article_get_id (article));

  byline_draft_store_add (store, article);
  g_assert_true (byline_draft_store_is_tracked (store, article));
  WAIT_UNTIL (!byline_draft_store_is_dirty (store, article));
  assert_file_equals_article (path, article);
  g_assert_cmpstr (byline_draft_info_get_title (byline_draft_store_lookup (store, byline_article_get_id (article))),
                   ==, "Bài nhập");
}

static void
test_default_root (void)
{
  g_autoptr(BylineDraftStore) store = byline_draft_store_new (NULL);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (),
                                                "io.github.bylinedesk.Byline", NULL);
  g_autofree char *root = g_file_get_path (byline_draft_store_get_root (store));
  g_autoptr(GFile) bundle = byline_draft_store_get_bundle_dir (store, "0b4a1e5c-3d2f-4e8a-9c71-5f0e2d6b8a13");
  g_autofree char *bundle_path = g_file_get_path (bundle);
  g_autofree char *expected_bundle = g_build_filename (expected, "drafts",
                                                       "0b4a1e5c-3d2f-4e8a-9c71-5f0e2d6b8a13", NULL);

  g_assert_cmpstr (root, ==, expected);
  g_assert_cmpstr (bundle_path, ==, expected_bundle);
  g_assert_cmpuint (byline_draft_store_get_autosave_delay (store), ==, 1);
}

static void
assert_session (const char *root,
                gboolean    expect_clean,
                const char *expect_id)
{
  g_autofree char *path = g_build_filename (root, "session.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonArray *open;
  gboolean found = FALSE;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_boolean_member (object, "clean"), ==, expect_clean);
  open = json_object_get_array_member (object, "open");
  for (guint i = 0; i < json_array_get_length (open); i++)
    found |= g_strcmp0 (json_array_get_string_element (open, i), expect_id) == 0;
  g_assert_true (expect_id == NULL || found);
}

static gboolean
session_mentions (const char *path,
                  const char *id)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, id) != NULL;
}

static void
test_close_flushes_and_session (void)
{
  g_autofree char *root = test_root ();
  g_autoptr(BylineDraftStore) store = new_loaded_store (root, 3600 * 1000);
  g_autoptr(BylineDraftStore) again = NULL;
  g_autoptr(BylineArticle) a = byline_draft_store_create (store);
  g_autoptr(BylineArticle) b = byline_draft_store_create (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *path_a = article_path (root, byline_article_get_id (a));
  g_autofree char *path_b = article_path (root, byline_article_get_id (b));
  g_autofree char *session = g_build_filename (root, "session.json", NULL);
  g_autoptr(GBytes) crashed = NULL;
  g_autofree char *crashed_json = NULL;
  const char * const *recovered;

  byline_article_set_title (a, "Bài A");
  byline_article_set_title (b, "Bài B");
  /* The autosave delay is an hour: only the flush at close writes. */
  WAIT_UNTIL (session_mentions (session, byline_article_get_id (b)));
  g_assert_false (g_file_test (path_a, G_FILE_TEST_EXISTS));
  assert_session (root, FALSE, byline_article_get_id (a));

  byline_draft_store_close_sync (store, NULL, &error);
  g_assert_no_error (error);
  assert_file_equals_article (path_a, a);
  assert_file_equals_article (path_b, b);
  assert_session (root, TRUE, byline_article_get_id (b));

  /* A clean previous session recovers nothing. */
  again = new_loaded_store (root, 50);
  g_assert_cmpuint (g_strv_length ((char **) byline_draft_store_get_recovered_ids (again)), ==, 0);
  /* Its own session write must land before we play the crash. */
  byline_draft_store_flush_sync (again, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&again);

  /* What a crash leaves behind: clean=false and the open drafts. */
  crashed_json = g_strdup_printf ("{\"version\":1,\"clean\":false,\"open\":[\"%s\",\"%s\"]}",
                                  byline_article_get_id (a), byline_article_get_id (b));
  write_file (session, crashed_json, -1);
  again = new_loaded_store (root, 50);
  recovered = byline_draft_store_get_recovered_ids (again);
  g_assert_cmpuint (g_strv_length ((char **) recovered), ==, 2);
  g_assert_true (g_strv_contains (recovered, byline_article_get_id (a)));
  g_assert_true (g_strv_contains (recovered, byline_article_get_id (b)));
  /* Running again: the session is unclean until this store closes. */
  while (g_main_context_iteration (NULL, FALSE));
  byline_draft_store_flush_sync (again, NULL, &error);
  g_assert_no_error (error);
  assert_session (root, FALSE, NULL);
}

/* byline-cli loads the library too, but the session is the GUI's. */
static void
test_cli_leaves_session_alone (void)
{
  g_autofree char *root = test_root ();
  g_autofree char *session = g_build_filename (root, "session.json", NULL);
  g_autofree char *id = write_article (root, "Mở lúc sập", NULL, NULL);
  g_autofree char *crashed = g_strdup_printf ("{\"version\":1,\"clean\":false,\"open\":[\"%s\"]}", id);
  g_autoptr(GFile) file = g_file_new_for_path (root);
  g_autoptr(BylineDraftStore) cli = NULL;
  g_autoptr(BylineDraftStore) gui = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  write_file (session, crashed, -1);
  cli = g_object_new (BYLINE_TYPE_DRAFT_STORE, "root", file, "owns-session", FALSE, NULL);
  byline_draft_store_load_sync (cli, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **) byline_draft_store_get_recovered_ids (cli)), ==, 0);
  article = open_sync (cli, id, &error);
  g_assert_no_error (error);
  byline_article_set_title (article, "Sửa từ dòng lệnh");
  byline_draft_store_close_sync (cli, NULL, &error);
  g_assert_no_error (error);

  after = read_bytes (session);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), crashed, strlen (crashed));
  gui = new_loaded_store (root, 50);
  g_assert_cmpstr (byline_draft_store_get_recovered_ids (gui)[0], ==, id);
}

/* A CLI that loaded the library rewrites index.gvariant when it saves; the
 * GUI watches it and refreshes rows of drafts it does not have open. */
static void
test_cli_edit_refreshes_library (void)
{
  g_autofree char *root = test_root ();
  g_autofree char *id = write_article (root, "Trước", NULL, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (root);
  g_autoptr(BylineDraftStore) gui = new_loaded_store (root, 50);
  g_autoptr(BylineDraftStore) cli = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  BylineDraftInfo *info = byline_draft_store_lookup (gui, id);
  gboolean notified = FALSE;

  g_signal_connect (info, "notify::title", G_CALLBACK (flag_cb), &notified);
  cli = g_object_new (BYLINE_TYPE_DRAFT_STORE, "root", file, "owns-session", FALSE, NULL);
  byline_draft_store_load_sync (cli, NULL, &error);
  g_assert_no_error (error);
  article = open_sync (cli, id, &error);
  g_assert_no_error (error);
  byline_article_set_title (article, "Sau");
  byline_draft_store_close_sync (cli, NULL, &error);
  g_assert_no_error (error);

  wait_for_flag (&notified, "the library row to follow the CLI's edit");
  g_assert_cmpstr (byline_draft_info_get_title (info), ==, "Sau");
}

static void
count_problem_cb (BylineDraftStore *store,
                  const char       *id,
                  const char       *message,
                  guint            *count)
{
  g_assert_nonnull (message);
  (*count)++;
}

static char *
bundle_id_with_file (const char *root,
                     const char *data,
                     gssize      len)
{
  char *id = g_uuid_string_random ();
  g_autofree char *path = article_path (root, id);

  write_file (path, data, len);
  return id;
}

static gboolean
has_corrupt_copy (const char *root,
                  const char *id)
{
  g_autofree char *bundle = g_build_filename (root, "drafts", id, NULL);
  g_autoptr(GDir) dir = g_dir_open (bundle, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "article.json.corrupt-"))
      return TRUE;
  return FALSE;
}

static void
test_corrupt_files_moved_aside (void)
{
  g_autofree char *root = test_root ();
  g_autofree char *good = write_article (root, "Bài tốt", "Vẫn mở được", "Nội dung.");
  g_autoptr(BylineArticle) sample = make_article ("Mẫu", NULL, NULL);
  g_autoptr(GBytes) sample_bytes = byline_article_to_bytes (sample);
  g_autofree char *wrong_id = NULL;
  g_autofree char *unreadable = NULL;
  g_autoptr(BylineDraftStore) store = new_store (root, 50);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) opened = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *problems;
  guint signalled = 0;

  g_ptr_array_add (ids, bundle_id_with_file (root, "\x89PNG garbage \xff\xfe", -1));
  /* Truncated: a write that was never atomic. */
  g_ptr_array_add (ids, bundle_id_with_file (root, g_bytes_get_data (sample_bytes, NULL),
                                             g_bytes_get_size (sample_bytes) / 2));
  g_ptr_array_add (ids, g_uuid_string_random ());
  {
    g_autofree char *json = g_strdup_printf ("{\"version\":1,\"id\":\"%s\",\"title\":5,\"tags\":\"x\"}",
                                             (char *) g_ptr_array_index (ids, 2));
    g_autofree char *path = article_path (root, g_ptr_array_index (ids, 2));

    write_file (path, json, -1);
  }
  /* A valid article in a folder that is not its own. */
  wrong_id = g_uuid_string_random ();
  {
    g_autofree char *path = article_path (root, wrong_id);

    write_file (path, g_bytes_get_data (sample_bytes, NULL), g_bytes_get_size (sample_bytes));
    g_ptr_array_add (ids, g_strdup (wrong_id));
  }
  /* Unreadable: chmod 000 does not stop root, a folder in the file's place
   * stops everyone. */
  unreadable = g_uuid_string_random ();
  {
    g_autofree char *path = article_path (root, unreadable);

    if (geteuid () == 0)
      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
    else
      {
        write_file (path, g_bytes_get_data (sample_bytes, NULL), g_bytes_get_size (sample_bytes));
        g_assert_cmpint (g_chmod (path, 0), ==, 0);
      }
    g_ptr_array_add (ids, g_strdup (unreadable));
  }

  g_signal_connect (store, "problem", G_CALLBACK (count_problem_cb), &signalled);
  byline_draft_store_load_sync (store, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (byline_draft_store_get_library (store, BYLINE_LIBRARY_VIEW_ALL)), ==, 1);
  g_assert_nonnull (byline_draft_store_lookup (store, good));
  problems = byline_draft_store_get_load_problems (store);
  g_assert_cmpuint (problems->len, ==, ids->len);
  g_assert_cmpuint (signalled, ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autofree char *path = article_path (root, id);
      gboolean reported = FALSE;

      for (guint j = 0; j < problems->len; j++)
        {
          BylineDraftProblem *problem = g_ptr_array_index (problems, j);

          if (g_strcmp0 (problem->id, id) != 0)
            continue;
          reported = TRUE;
          g_assert_true (strstr (problem->message, "moved aside") != NULL);
        }
      g_assert_true (reported);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_true (has_corrupt_copy (root, id));
      g_assert_null (byline_draft_store_lookup (store, id));
    }

  /* The next load finds nothing left to complain about. */
  g_clear_object (&store);
  store = new_loaded_store (root, 50);
  g_assert_cmpuint (byline_draft_store_get_load_problems (store)->len, ==, 0);
  opened = open_sync (store, g_ptr_array_index (ids, 0), &error);
  g_assert_error (error, BYLINE_DRAFT_STORE_ERROR, BYLINE_DRAFT_STORE_ERROR_NOT_FOUND);
  g_assert_null (opened);
}

static void
test_corrupt_on_open (void)
{
  g_autofree char *root = test_root ();
  g_autoptr(BylineDraftStore) store = new_loaded_store (root, 50);
  g_autofree char *id = bundle_id_with_file (root, "{\"version\":1,", -1);
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  article = open_sync (store, id, &error);
  g_assert_error (error, BYLINE_DRAFT_STORE_ERROR, BYLINE_DRAFT_STORE_ERROR_CORRUPT);
  g_assert_null (article);
  g_assert_true (has_corrupt_copy (root, id));
  g_assert_cmpuint (byline_draft_store_get_load_problems (store)->len, ==, 1);
}

static void
test_newer_version_read_only (void)
{
  g_autofree char *root = test_root ();
  g_autoptr(BylineArticle) source = make_article ("Từ bản mới hơn", "Dẫn", "Thân bài.");
  g_autoptr(JsonNode) node = byline_article_to_json (source);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *json = NULL;
  g_autofree char *path = article_path (root, byline_article_get_id (source));
  g_autoptr(BylineDraftStore) store = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_int_member (json_node_get_object (node), "version", BYLINE_ARTICLE_SCHEMA_VERSION + 1);
  json_object_set_string_member (json_node_get_object (node), "future_field", "giữ nguyên");
  json_generator_set_root (generator, node);
  json = json_generator_to_data (generator, NULL);
  write_file (path, json, -1);
  before = read_bytes (path);

  store = new_loaded_store (root, 10);
  g_assert_true (byline_draft_info_get_read_only (byline_draft_store_lookup (store, byline_article_get_id (source))));
  article = open_sync (store, byline_article_get_id (source), &error);
  g_assert_no_error (error);
  g_assert_true (byline_draft_store_is_read_only (store, article));
  g_assert_cmpint (byline_draft_store_get_save_state (store, article, NULL), ==,
                   BYLINE_SAVE_STATE_READ_ONLY);

  byline_article_set_title (article, "Sửa đổi không được lưu");
  byline_draft_store_save (store, article);
  byline_draft_store_flush_sync (store, NULL, &error);
  g_assert_no_error (error);
  byline_draft_store_close_sync (store, NULL, &error);
  g_assert_no_error (error);

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_index_spares_bodies (void)
{
  g_autofree char *root = test_root ();
  g_autofree char *index = g_build_filename (root, BYLINE_DRAFT_INDEX_FILE, NULL);
  g_autoptr(BylineDraftStore) store = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *changed_path = NULL;
  guint n = 2000;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Bài số %u", i);

      g_ptr_array_add (ids, write_article (root, title, "Dẫn", "Thân."));
    }

  /* No index: every body is parsed once, and the index is written. */
  store = new_loaded_store (root, 50);
  g_assert_cmpuint (byline_draft_store_get_n_parsed (store), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (byline_draft_store_get_library (store, BYLINE_LIBRARY_VIEW_ALL)), ==, n);
  g_assert_true (g_file_test (index, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&store);

  /* A trusted index: no body at all. */
  store = new_loaded_store (root, 50);
  g_assert_cmpuint (byline_draft_store_get_n_parsed (store), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (byline_draft_store_get_library (store, BYLINE_LIBRARY_VIEW_ALL)), ==, n);
  g_assert_cmpstr (byline_draft_info_get_title (byline_draft_store_lookup (store, g_ptr_array_index (ids, 7))), ==, "Bài số 7");
  g_clear_object (&store);

  /* One file changed behind the index's back: only that one is read. */
  changed_path = article_path (root, g_ptr_array_index (ids, 7));
  {
    g_autoptr(GBytes) old = read_bytes (changed_path);
    g_autofree char *text = g_strndup (g_bytes_get_data (old, NULL), g_bytes_get_size (old));
    g_autofree char *edited = NULL;
    g_auto(GStrv) parts = g_strsplit (text, "Bài số 7", 2);

    edited = g_strconcat (parts[0], "Tiêu đề đã đổi ở nơi khác", parts[1], NULL);
    write_file (changed_path, edited, -1);
  }
  store = new_loaded_store (root, 50);
  g_assert_cmpuint (byline_draft_store_get_n_parsed (store), ==, 1);
  g_assert_cmpstr (byline_draft_info_get_title (byline_draft_store_lookup (store, g_ptr_array_index (ids, 7))),
                   ==, "Tiêu đề đã đổi ở nơi khác");
  g_clear_object (&store);

  /* Missing, then corrupt: rebuilt from the bundles. */
  g_assert_cmpint (g_remove (index), ==, 0);
  store = new_loaded_store (root, 50);
  g_assert_cmpuint (byline_draft_store_get_n_parsed (store), ==, n);
  g_clear_object (&store);
  write_file (index, "{\"version\":1,\"drafts\":[{\"id\":42}", -1);
  store = new_loaded_store (root, 50);
  g_assert_cmpuint (byline_draft_store_get_n_parsed (store), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (byline_draft_store_get_library (store, BYLINE_LIBRARY_VIEW_ALL)), ==, n);
}

static gboolean
library_contains (BylineDraftStore  *store,
                  BylineLibraryView  view,
                  const char        *id)
{
  GListModel *model = byline_draft_store_get_library (store, view);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BylineDraftInfo) info = g_list_model_get_item (model, i);

      if (g_strcmp0 (byline_draft_info_get_id (info), id) == 0)
        return TRUE;
    }
  return FALSE;
}

static guint
purge_sync (BylineDraftStore *store,
            GDateTime        *now)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  byline_draft_store_purge_expired_async (store, now, NULL, result_cb, &result);
  n = byline_draft_store_purge_expired_finish (store, wait_result (&result), &error);
  g_assert_no_error (error);
  return n;
}

static void
trash_sync (BylineDraftStore *store,
            const char       *id,
            gboolean          restore)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (restore)
    {
      byline_draft_store_restore_async (store, id, NULL, result_cb, &result);
      byline_draft_store_restore_finish (store, wait_result (&result), &error);
    }
  else
    {
      byline_draft_store_trash_async (store, id, NULL, result_cb, &result);
      byline_draft_store_trash_finish (store, wait_result (&result), &error);
    }
  g_assert_no_error (error);
}

static void
test_trash_restore_purge (void)
{
  g_autofree char *root = test_root ();
  g_autofree char *id = write_article (root, "Sẽ bị xoá", NULL, NULL);
  g_autofree char *photo = g_build_filename (root, "drafts", id, "photos", "abc.jpg", NULL);
  g_autofree char *trashed_photo = g_build_filename (root, "trash", id, "photos", "abc.jpg", NULL);
  g_autofree char *trash_bundle = g_build_filename (root, "trash", id, NULL);
  g_autoptr(BylineDraftStore) store = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) in_29_days = g_date_time_add_days (now, 29);
  g_autoptr(GDateTime) in_31_days = g_date_time_add_days (now, 31);
  g_autoptr(GError) error = NULL;
  BylineDraftInfo *info;

  write_file (photo, "JPEG", -1);
  store = new_loaded_store (root, 50);
  article = open_sync (store, id, &error);
  g_assert_no_error (error);
  byline_article_set_lead (article, "Sửa lần cuối trước khi xoá");

  trash_sync (store, id, FALSE);
  info = byline_draft_store_lookup (store, id);
  g_assert_true (byline_draft_info_get_in_trash (info));
  g_assert_nonnull (byline_draft_info_get_trashed (info));
  g_assert_false (byline_draft_store_is_tracked (store, article));
  g_assert_true (library_contains (store, BYLINE_LIBRARY_VIEW_TRASH, id));
  g_assert_false (library_contains (store, BYLINE_LIBRARY_VIEW_ALL, id));
  g_assert_true (g_file_test (trashed_photo, G_FILE_TEST_EXISTS));
  {
    /* The last edit was saved before the bundle moved. */
    g_autofree char *path = g_build_filename (trash_bundle, "article.json", NULL);

    assert_file_equals_article (path, article);
  }

  /* A fresh store sees it in the trash too. */
  g_clear_object (&store);
  store = new_loaded_store (root, 50);
  g_assert_true (library_contains (store, BYLINE_LIBRARY_VIEW_TRASH, id));

  trash_sync (store, id, TRUE);
  g_assert_false (byline_draft_info_get_in_trash (byline_draft_store_lookup (store, id)));
  g_assert_true (library_contains (store, BYLINE_LIBRARY_VIEW_DRAFTS, id));
  g_assert_true (g_file_test (photo, G_FILE_TEST_EXISTS));

  trash_sync (store, id, FALSE);
  g_assert_cmpuint (purge_sync (store, in_29_days), ==, 0);
  g_assert_true (g_file_test (trash_bundle, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (purge_sync (store, in_31_days), ==, 1);
  g_assert_false (g_file_test (trash_bundle, G_FILE_TEST_EXISTS));
  g_assert_null (byline_draft_store_lookup (store, id));
}

static void
test_load_purges_old_trash (void)
{
  g_autofree char *root = test_root ();
  g_autofree char *id = write_article (root, "Cũ", NULL, NULL);
  g_autofree char *from = g_build_filename (root, "drafts", id, NULL);
  g_autofree char *to = g_build_filename (root, "trash", id, NULL);
  g_autofree char *stamp = g_build_filename (to, "trashed", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) long_ago = g_date_time_add_days (now, -40);
  g_autofree char *iso = g_date_time_format_iso8601 (long_ago);
  g_autoptr(BylineDraftStore) store = NULL;

  g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
  g_assert_cmpint (g_rename (from, to), ==, 0);
  write_file (stamp, iso, -1);

  store = new_loaded_store (root, 50);
  g_assert_false (g_file_test (to, G_FILE_TEST_EXISTS));
  g_assert_null (byline_draft_store_lookup (store, id));
}

static void
test_state_views (void)
{
  g_autofree char *root = test_root ();
  g_autofree char *id = write_article (root, "Gửi đi", NULL, NULL);
  g_autofree char *index = g_build_filename (root, BYLINE_DRAFT_INDEX_FILE, NULL);
  g_autoptr(BylineDraftStore) store = new_loaded_store (root, 50);
  g_autoptr(GError) error = NULL;
  BylineDraftInfo *info = byline_draft_store_lookup (store, id);
  gboolean notified = FALSE;

  g_assert_true (library_contains (store, BYLINE_LIBRARY_VIEW_DRAFTS, id));
  g_signal_connect (info, "notify::state", G_CALLBACK (flag_cb), &notified);
  byline_draft_store_set_state (store, id, BYLINE_DRAFT_STATE_QUEUED);
  g_assert_true (notified);
  g_assert_false (library_contains (store, BYLINE_LIBRARY_VIEW_DRAFTS, id));
  g_assert_true (library_contains (store, BYLINE_LIBRARY_VIEW_OUTBOX, id));
  byline_draft_store_set_state (store, id, BYLINE_DRAFT_STATE_PUBLISHED);
  g_assert_true (library_contains (store, BYLINE_LIBRARY_VIEW_PUBLISHED, id));
  g_assert_true (library_contains (store, BYLINE_LIBRARY_VIEW_ALL, id));
  byline_draft_store_flush_sync (store, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* The state survives a rebuilt index: it lives in the bundle too. */
  store = new_loaded_store (root, 50);
  g_assert_cmpstr (byline_draft_info_get_state (byline_draft_store_lookup (store, id)), ==, "published");
  g_clear_object (&store);
  g_assert_cmpint (g_remove (index), ==, 0);
  store = new_loaded_store (root, 50);
  g_assert_cmpstr (byline_draft_info_get_state (byline_draft_store_lookup (store, id)), ==, "published");
}

/* An update of a published article cancelled in its conflict: the
 * library shows it published again, not as a draft. */
static void
test_state_after_cancelled_update (void)
{
  g_autofree char *root = test_root ();
  g_autoptr(BylineDraftStore) store = new_loaded_store (root, 50);
  g_autoptr(BylineArticle) article = byline_draft_store_create (store);
  const char *id = byline_article_get_id (article);
  g_autofree char *never = NULL;
  g_autoptr(BylineArticle) draft = NULL;

  byline_article_set_title (article, "Đã đăng");
  byline_article_set_remote (article, "site-1", 812, "https://example.com/?p=812",
                             "2026-11-28T05:00:00", NULL, "publish");
  byline_draft_store_set_state (store, id, byline_draft_state_for_outbox (store, id, BYLINE_OUTBOX_STATE_DONE));
  byline_draft_store_set_state (store, id, byline_draft_state_for_outbox (store, id, BYLINE_OUTBOX_STATE_QUEUED));
  byline_draft_store_set_state (store, id, byline_draft_state_for_outbox (store, id, BYLINE_OUTBOX_STATE_CONFLICT));
  g_assert_true (library_contains (store, BYLINE_LIBRARY_VIEW_OUTBOX, id));

  byline_draft_store_set_state (store, id, byline_draft_state_for_outbox (store, id, BYLINE_OUTBOX_STATE_NONE));
  g_assert_true (library_contains (store, BYLINE_LIBRARY_VIEW_PUBLISHED, id));
  g_assert_false (library_contains (store, BYLINE_LIBRARY_VIEW_DRAFTS, id));

  /* One never published goes back to the drafts. */
  draft = byline_draft_store_create (store);
  never = g_strdup (byline_article_get_id (draft));
  byline_draft_store_set_state (store, never, byline_draft_state_for_outbox (store, never, BYLINE_OUTBOX_STATE_QUEUED));
  byline_draft_store_set_state (store, never, byline_draft_state_for_outbox (store, never, BYLINE_OUTBOX_STATE_FAILED));
  byline_draft_store_set_state (store, never, byline_draft_state_for_outbox (store, never, BYLINE_OUTBOX_STATE_NONE));
  g_assert_true (library_contains (store, BYLINE_LIBRARY_VIEW_DRAFTS, never));
  byline_draft_store_release (store, draft);
  byline_draft_store_release (store, article);
}

static char **
search_sync (BylineDraftStore *store,
             const char       *query)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char **ids;

  byline_draft_store_search_async (store, query, NULL, result_cb, &result);
  ids = byline_draft_store_search_finish (store, wait_result (&result), &error);
  g_assert_no_error (error);
  return ids;
}

static void
test_search_vietnamese (void)
{
  g_autofree char *root = test_root ();
  g_autofree char *a = write_article (root, "Nguyễn Mỹ Quí về Tháp Mười", NULL, NULL);
  g_autofree char *b = NULL;
  g_autofree char *c = write_article (root, "Chuyện đồng ruộng", NULL,
                                      "Đảng ủy xã họp bàn về mùa lúa ở Tháp Mười.");
  g_autoptr(BylineDraftStore) store = NULL;
  g_auto(GStrv) hits = NULL;
  g_autofree char *folded = byline_fold_for_search ("ĐẢNG Ủy");

  g_assert_cmpstr (folded, ==, "dang uy");
  g_free (folded);
  folded = byline_fold_for_search ("Tháp MƯỜI");
  g_assert_cmpstr (folded, ==, "thap muoi");
  g_free (folded);
  /* Typed with a decomposing input method: the same result. */
  folded = byline_fold_for_search ("My\xcc\x83 Qui\xcc\x81");
  g_assert_cmpstr (folded, ==, "my qui");
  g_usleep (2000);
  b = write_article (root, "Không liên quan", "Tin thể thao", "Bóng đá.");
  store = new_loaded_store (root, 50);

  hits = search_sync (store, "my qui");
  g_assert_cmpuint (g_strv_length (hits), ==, 1);
  g_assert_cmpstr (hits[0], ==, a);
  g_clear_pointer (&hits, g_strfreev);

  /* In a title and in a body: the most recently modified first. */
  hits = search_sync (store, "thap muoi");
  g_assert_cmpuint (g_strv_length (hits), ==, 2);
  g_assert_cmpstr (hits[0], ==, c);
  g_assert_cmpstr (hits[1], ==, a);
  g_clear_pointer (&hits, g_strfreev);

  hits = search_sync (store, "dang");
  g_assert_cmpuint (g_strv_length (hits), ==, 1);
  g_assert_cmpstr (hits[0], ==, c);
  g_clear_pointer (&hits, g_strfreev);

  hits = search_sync (store, "THAP   lua");
  g_assert_cmpuint (g_strv_length (hits), ==, 1);
  g_clear_pointer (&hits, g_strfreev);

  hits = search_sync (store, "bong da xyz");
  g_assert_cmpuint (g_strv_length (hits), ==, 0);
}

static void
external_change_cb (BylineDraftStore  *store,
                    BylineArticle     *old,
                    BylineArticle     *new,
                    BylineArticle    **slot)
{
  g_set_object (slot, new);
}

static void
conflict_cb (BylineDraftStore *store,
             BylineArticle    *mine,
             BylineArticle    *theirs,
             BylineArticle   **slot)
{
  g_set_object (slot, theirs);
}

static void
test_external_change (void)
{
  g_autofree char *root = test_root ();
  g_autofree char *id = write_article (root, "Bản gốc", NULL, NULL);
  g_autofree char *path = article_path (root, id);
  g_autoptr(BylineDraftStore) gui = new_loaded_store (root, 3600 * 1000);
  g_autoptr(BylineDraftStore) cli = new_store (root, 3600 * 1000);
  g_autoptr(BylineArticle) mine = NULL;
  g_autoptr(BylineArticle) other = NULL;
  g_autoptr(BylineArticle) reloaded = NULL;
  g_autoptr(BylineArticle) theirs = NULL;
  g_autoptr(BylineArticle) created = NULL;
  g_autoptr(GBytes) cli_bytes = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (gui, "external-change", G_CALLBACK (external_change_cb), &reloaded);
  g_signal_connect (gui, "conflict", G_CALLBACK (conflict_cb), &theirs);
  mine = open_sync (gui, id, &error);
  g_assert_no_error (error);

  /* The CLI edits; the GUI's copy is clean, so it follows. */
  other = open_sync (cli, id, &error);
  g_assert_no_error (error);
  byline_article_set_title (other, "Sửa từ dòng lệnh");
  byline_draft_store_flush_sync (cli, NULL, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (reloaded != NULL);
  g_assert_cmpstr (byline_article_get_title (reloaded), ==, "Sửa từ dòng lệnh");
  g_assert_true (byline_draft_store_is_tracked (gui, reloaded));
  g_assert_false (byline_draft_store_is_dirty (gui, reloaded));
  g_assert_cmpstr (byline_draft_info_get_title (byline_draft_store_lookup (gui, id)), ==, "Sửa từ dòng lệnh");

  /* Both edit: neither side is overwritten until the user decides. */
  byline_article_set_lead (reloaded, "Sửa trong cửa sổ");
  byline_article_set_lead (other, "Sửa lần nữa từ dòng lệnh");
  byline_draft_store_flush_sync (cli, NULL, &error);
  g_assert_no_error (error);
  cli_bytes = read_bytes (path);
  WAIT_UNTIL (theirs != NULL);
  g_assert_cmpstr (byline_article_get_lead (theirs), ==, "Sửa lần nữa từ dòng lệnh");
  g_assert_cmpint (byline_draft_store_get_save_state (gui, reloaded, NULL), ==, BYLINE_SAVE_STATE_CONFLICT);
  /* A flush (at quit) says the user must choose, and writes nothing. */
  g_assert_false (byline_draft_store_flush_sync (gui, NULL, &error));
  g_assert_error (error, BYLINE_DRAFT_STORE_ERROR, BYLINE_DRAFT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (cli_bytes, after));
  g_assert_true (byline_draft_store_is_dirty (gui, reloaded));

  g_assert_true (byline_draft_store_resolve_conflict (gui, reloaded, TRUE) == reloaded);
  byline_draft_store_flush_sync (gui, NULL, &error);
  g_assert_no_error (error);
  assert_file_equals_article (path, reloaded);
  g_assert_false (byline_draft_store_is_dirty (gui, reloaded));

  /* A draft created by the other process shows up in the library. */
  created = byline_draft_store_create (cli);
  byline_draft_store_flush_sync (cli, NULL, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (byline_draft_store_lookup (gui, byline_article_get_id (created)) != NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/draft-store/autosave-round-trip", test_autosave_round_trip);
  g_test_add_func ("/draft-store/add-writes-now", test_add_writes_now);
  g_test_add_func ("/draft-store/default-root", test_default_root);
  g_test_add_func ("/draft-store/close-flushes-and-session", test_close_flushes_and_session);
  g_test_add_func ("/draft-store/cli-leaves-session-alone", test_cli_leaves_session_alone);
  g_test_add_func ("/draft-store/cli-edit-refreshes-library", test_cli_edit_refreshes_library);
  g_test_add_func ("/draft-store/corrupt-moved-aside", test_corrupt_files_moved_aside);
  g_test_add_func ("/draft-store/corrupt-on-open", test_corrupt_on_open);
  g_test_add_func ("/draft-store/newer-version-read-only", test_newer_version_read_only);
  g_test_add_func ("/draft-store/index-spares-bodies", test_index_spares_bodies);
  g_test_add_func ("/draft-store/trash-restore-purge", test_trash_restore_purge);
  g_test_add_func ("/draft-store/load-purges-old-trash", test_load_purges_old_trash);
  g_test_add_func ("/draft-store/state-views", test_state_views);
  g_test_add_func ("/draft-store/state-after-cancelled-update", test_state_after_cancelled_update);
  g_test_add_func ("/draft-store/search-vietnamese", test_search_vietnamese);
  g_test_add_func ("/draft-store/external-change", test_external_change);

  return g_test_run ();
}
