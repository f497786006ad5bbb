/* test-cli-draft.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-cli draft, run as a script runs it, against the draft store in the
 * test's own XDG folders.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "byline-draft-index.h"
#include "byline-draft-store.h"
#include "byline-text.h"
#include "cli-test-util.h"

#define SEED_TITLE "Kiểm tra Chương trình hành động của Huyện ủy năm 2023 tại xã Mỹ Quí"

static JsonObject *
find_listed (JsonNode   *list,
             const char *id)
{
  JsonArray *array = json_node_get_array (list);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, "id"), id) == 0)
        return object;
    }
  return NULL;
}

static JsonObject *
show_json (const char *id)
{
  g_autoptr(JsonNode) node = cli_run_json ("draft", "show", "--json", id, NULL);

  return json_object_ref (json_node_get_object (node));
}

static char *
article_path (const char *id)
{
  g_autofree char *root = cli_store_root ();

  return g_build_filename (root, "drafts", id, "article.json", NULL);
}

static guint
count_bundles (void)
{
  g_autofree char *root = cli_store_root ();
  g_autofree char *drafts = g_build_filename (root, "drafts", NULL);
  g_autoptr(GDir) dir = g_dir_open (drafts, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_import_list_show (void)
{
  g_autofree char *id = cli_import_seed ();
  g_autoptr(JsonNode) list = cli_run_json ("draft", "list", "--json", NULL);
  g_autofree char *text = cli_run_ok ("draft", "show", "--text", id, NULL);
  g_autofree char *summary = cli_run_ok ("draft", "show", id, NULL);
  g_autofree char *plain_list = cli_run_ok ("draft", "list", NULL);
  g_autofree char *html = cli_run_ok ("draft", "show", "--html", id, NULL);
  g_autofree char *markdown = cli_run_ok ("draft", "show", "--markdown", id, NULL);
  g_autoptr(JsonNode) ninjs = cli_run_json ("draft", "show", "--ninjs", id, NULL);
  JsonObject *row;

  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 1);
  row = find_listed (list, id);
  g_assert_nonnull (row);
  g_assert_cmpstr (json_object_get_string_member (row, "title"), ==, SEED_TITLE);
  g_assert_cmpstr (json_object_get_string_member (row, "state"), ==, "draft");
  g_assert_nonnull (g_date_time_new_from_iso8601 (json_object_get_string_member (row, "modified"),
                                                  NULL));

  cli_assert_contains (plain_list, id);
  cli_assert_contains (plain_list, SEED_TITLE);
  cli_assert_contains (text, "BT: Nguyễn Thu – Hình: Hoàng Kha");
  cli_assert_contains (text, "Mỹ Quí");
  cli_assert_contains (summary, SEED_TITLE);
  cli_assert_contains (summary, "Writers: Nguyễn Thu");
  cli_assert_contains (summary, "Words: ");
  cli_assert_contains (html, "<!DOCTYPE html>");
  cli_assert_contains (html, "Mỹ Quí");
  g_assert_null (strstr (html, "<!-- wp:"));
  cli_assert_contains (markdown, "# " SEED_TITLE);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (ninjs));
}

/* The CLI is a second process next to the GUI: it must not write the
 * GUI's crash record, whatever it holds. */
static void
test_session_untouched (void)
{
  g_autofree char *root = cli_store_root ();
  g_autofree char *session = g_build_filename (root, "session.json", NULL);
  const char *open_ids[] = { "0b7a4d3e-1f2a-4c5b-9d8e-7f6a5b4c3d2e", NULL };
  g_autoptr(GBytes) crashed = byline_draft_session_to_bytes (FALSE, open_ids);
  g_autofree char *id = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (root, 0700), ==, 0);
  g_file_set_contents (session, g_bytes_get_data (crashed, NULL), g_bytes_get_size (crashed),
                       &error);
  g_assert_no_error (error);

  id = cli_import_seed ();
  g_free (cli_run_ok ("draft", "set", id, "title", "Khác", NULL));
  g_free (cli_run_ok ("draft", "list", NULL));

  g_file_get_contents (session, &after, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (after, length, g_bytes_get_data (crashed, NULL), g_bytes_get_size (crashed));
}

static void
test_set_fields (void)
{
  g_autofree char *id = cli_import_seed ();
  g_autofree char *tags_nfd = g_utf8_normalize ("Hà Nội, giao thông,  ,Đồng Tháp ", -1,
                                                G_NORMALIZE_NFD);
  g_autoptr(JsonObject) article = NULL;
  g_autoptr(GDateTime) expected = NULL;
  g_autoptr(GDateTime) embargo = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  JsonArray *tags;
  struct { const char *field, *value; } sets[] = {
    { "title", "Lễ hội đua ghe ngo" },
    { "lead", "Sóc Trăng rộn ràng" },
    { "category", "Văn hóa" },
    { "tags", tags_nfd },
    { "writers", "Nguyễn Thu, Trần Văn A" },
    { "photographers", "Hoàng Kha" },
    { "dateline", "SÓC TRĂNG" },
    { "slugline", "ghe-ngo" },
    { "priority", "2" },
    { "embargo", "2026-12-01 08:30" },
    { "note", "Chờ ảnh thêm" },
    { "language", "vi" },
  };

  g_assert_false (byline_text_is_nfc (tags_nfd));
  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      g_autofree char *out = cli_run_ok ("draft", "set", id, sets[i].field, sets[i].value, NULL);

      g_assert_cmpstr (out, ==, "");
    }

  article = show_json (id);
  g_assert_cmpstr (json_object_get_string_member (article, "title"), ==, "Lễ hội đua ghe ngo");
  g_assert_cmpstr (json_object_get_string_member (article, "lead"), ==, "Sóc Trăng rộn ràng");
  g_assert_cmpstr (json_object_get_string_member (article, "category"), ==, "Văn hóa");
  g_assert_cmpstr (json_object_get_string_member (article, "dateline"), ==, "SÓC TRĂNG");
  g_assert_cmpstr (json_object_get_string_member (article, "slugline"), ==, "ghe-ngo");
  g_assert_cmpstr (json_object_get_string_member (article, "desk_note"), ==, "Chờ ảnh thêm");
  g_assert_cmpint (json_object_get_int_member (article, "priority"), ==, 2);

  /* Comma separated, trimmed, empties dropped, NFC whatever came in. */
  tags = json_object_get_array_member (article, "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (tags, 0), ==, "Hà Nội");
  g_assert_cmpstr (json_array_get_string_element (tags, 1), ==, "giao thông");
  g_assert_cmpstr (json_array_get_string_element (tags, 2), ==, "Đồng Tháp");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (article, "writers")),
                    ==, 2);

  expected = g_date_time_new (local, 2026, 12, 1, 8, 30, 0);
  embargo = g_date_time_new_from_iso8601 (json_object_get_string_member (article, "embargo"),
                                          NULL);
  g_assert_nonnull (embargo);
  g_assert_true (g_date_time_equal (embargo, expected));

  /* ISO 8601 too; "" clears. */
  g_free (cli_run_ok ("draft", "set", id, "embargo", "2026-12-02T10:00:00+07:00", NULL));
  g_clear_pointer (&article, json_object_unref);
  article = show_json (id);
  g_clear_pointer (&embargo, g_date_time_unref);
  embargo = g_date_time_new_from_iso8601 (json_object_get_string_member (article, "embargo"),
                                          NULL);
  g_assert_cmpint (g_date_time_to_unix (embargo), ==, 1796180400);

  g_free (cli_run_ok ("draft", "set", id, "embargo", "", NULL));
  g_free (cli_run_ok ("draft", "set", id, "note", "", NULL));
  g_free (cli_run_ok ("draft", "set", id, "tags", "", NULL));
  g_clear_pointer (&article, json_object_unref);
  article = show_json (id);
  g_assert_false (json_object_has_member (article, "embargo"));
  g_assert_false (json_object_has_member (article, "desk_note"));
  g_assert_false (json_object_has_member (article, "tags"));
}

static void
test_set_errors (void)
{
  g_autofree char *id = cli_import_seed ();
  g_autofree char *path = article_path (id);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  struct { const char *field, *value, *message; } bad[] = {
    { "colour", "red", "photographers" },   /* the list of fields */
    { "priority", "0", "1 (flash) to 9" },
    { "priority", "10", "1 (flash) to 9" },
    { "priority", "high", "1 (flash) to 9" },
    { "embargo", "tomorrow", "is not a time" },
    { "embargo", "2026-13-45 25:00", "is not a time" },
  };

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (cli_run (NULL, &out, &err, "draft", "set", id, bad[i].field, bad[i].value,
                                NULL), ==, 2);
      g_assert_cmpstr (out, ==, "");
      cli_assert_contains (err, bad[i].message);
    }

  /* Nothing was written by the refused commands. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
}

static void
test_delete (void)
{
  g_autofree char *id = cli_import_seed ();
  g_autofree char *other = cli_import_seed ();
  g_autofree char *root = cli_store_root ();
  g_autofree char *trashed = g_build_filename (root, "trash", id, "article.json", NULL);
  g_autoptr(JsonNode) list = NULL;
  g_autofree char *err = NULL;

  cli_run_quiet ("draft", "delete", id, NULL);
  list = cli_run_json ("draft", "list", "--json", NULL);
  g_assert_null (find_listed (list, id));
  g_assert_nonnull (find_listed (list, other));
  g_assert_true (g_file_test (trashed, G_FILE_TEST_EXISTS));

  g_assert_cmpint (cli_run (NULL, NULL, &err, "draft", "delete", id, NULL), ==, 1);
  cli_assert_contains (err, "no draft with id");
}

static void
test_bad_import (void)
{
  g_autofree char *binary = g_build_filename (g_get_user_cache_dir (), "photo.txt", NULL);
  g_autofree char *latin1 = g_build_filename (g_get_user_cache_dir (), "latin1.txt", NULL);
  g_autofree char *missing = g_build_filename (g_get_user_cache_dir (), "missing.txt", NULL);
  g_autoptr(JsonNode) list = NULL;
  const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
  struct { const char *path, *message; } cases[] = {
    { binary, "not text" },
    { latin1, "not UTF-8" },
    { missing, "missing.txt" },
  };

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (binary, png, sizeof png, NULL));
  g_assert_true (g_file_set_contents (latin1, "Ti\xeau \xf0\xe8\n\nTh\xe0nh ph\xf4\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (cli_run (NULL, &out, &err, "draft", "import", cases[i].path, NULL), ==, 1);
      g_assert_cmpstr (out, ==, "");
      cli_assert_contains (err, cases[i].message);
    }

  /* Nothing was created. */
  g_assert_cmpuint (count_bundles (), ==, 0);
  list = cli_run_json ("draft", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 0);
}

static void
test_unknown_id (void)
{
  const char *ids[] = { "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "nonsense", NULL };

  g_free (cli_import_seed ());
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *commands[][5] = {
        { "draft", "show", ids[i], NULL },
        { "draft", "show", "--json", ids[i], NULL },
        { "draft", "set", ids[i], "title", "x" },
        { "draft", "delete", ids[i], NULL },
      };

      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        {
          const char *args[6] = { NULL };
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;
          g_autofree char *message = g_strdup_printf ("no draft with id “%s”", ids[i]);

          memcpy (args, commands[c], sizeof commands[c]);
          g_assert_cmpint (cli_runv (NULL, args, &out, &err), ==, 1);
          g_assert_cmpstr (out, ==, "");
          cli_assert_contains (err, message);
        }
    }
  g_assert_cmpuint (count_bundles (), ==, 1);
}

static void
test_usage_errors (void)
{
  const char *commands[][6] = {
    { "draft", "frobnicate", NULL },
    { "draft", "import", NULL },
    { "draft", "import", "a.txt", "b.txt", NULL },
    { "draft", "list", "--frob", NULL },
    { "draft", "list", "extra", NULL },
    { "draft", "show", NULL },
    { "draft", "show", "--json", "--html", "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", NULL },
    { "draft", "set", "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "title", NULL },
    { "draft", "delete", NULL },
  };

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (cli_runv (NULL, commands[c], &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpstr (err, !=, "");
    }
  g_assert_cmpuint (count_bundles (), ==, 0);
}

/* A draft written by a newer Byline is shown but never rewritten. */
static void
test_read_only (void)
{
  g_autofree char *id = cli_import_seed ();
  g_autofree char *path = article_path (id);
  g_autofree char *contents = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GRegex) version = g_regex_new ("\"version\" : 1,", 0, 0, NULL);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  newer = g_regex_replace_literal (version, contents, -1, 0, "\"version\" : 99, \"hologram\" : true,",
                                   0, NULL);
  g_assert_cmpstr (newer, !=, contents);
  g_assert_true (g_file_set_contents (path, newer, -1, NULL));

  g_assert_cmpint (cli_run (NULL, NULL, &err, "draft", "set", id, "title", "Mới", NULL), ==, 1);
  cli_assert_contains (err, "newer version of Byline");
  summary = cli_run_ok ("draft", "show", id, NULL);
  cli_assert_contains (summary, "Read-only");

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, newer);
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
open_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A running GUI (a store that owns the session, with the draft open)
 * follows what the CLI writes: the new title, and a new draft in its
 * library. */
static void
test_gui_follows_cli (void)
{
  g_autofree char *id = cli_import_seed ();
  g_autofree char *other = NULL;
  g_autoptr(BylineDraftStore) gui = byline_draft_store_new (NULL);
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(BylineArticle) changed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  BylineDraftInfo *info;

  byline_draft_store_load_sync (gui, NULL, &error);
  g_assert_no_error (error);
  byline_draft_store_open_async (gui, id, NULL, open_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  article = byline_draft_store_open_finish (gui, result, &error);
  g_assert_no_error (error);
  g_signal_connect (gui, "external-change", G_CALLBACK (external_change_cb), &changed);

  g_free (cli_run_ok ("draft", "set", id, "title", "Viết từ dòng lệnh", NULL));
  while (changed == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (byline_article_get_title (changed), ==, "Viết từ dòng lệnh");
  g_assert_true (byline_draft_store_is_tracked (gui, changed));

  other = cli_import_seed ();
  while ((info = byline_draft_store_lookup (gui, other)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (byline_draft_info_get_state (info), ==, "draft");

  byline_draft_store_release (gui, changed);
  byline_draft_store_close_sync (gui, NULL, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/draft/import-list-show", test_import_list_show);
  g_test_add_func ("/cli/draft/session-untouched", test_session_untouched);
  g_test_add_func ("/cli/draft/set-fields", test_set_fields);
  g_test_add_func ("/cli/draft/set-errors", test_set_errors);
  g_test_add_func ("/cli/draft/delete", test_delete);
  g_test_add_func ("/cli/draft/bad-import", test_bad_import);
  g_test_add_func ("/cli/draft/unknown-id", test_unknown_id);
  g_test_add_func ("/cli/draft/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/draft/read-only", test_read_only);
  g_test_add_func ("/cli/draft/gui-follows-cli", test_gui_follows_cli);

  return g_test_run ();
}
