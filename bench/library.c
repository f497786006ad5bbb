/* library.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A library of N drafts (default 10,000), in the store's own format:
 *
 *   library prepare ROOT --text FILE [--count N]
 *       writes N bundles (drafts/<uuid>/article.json, each a few
 *       paragraphs of FILE) without the store, then lets the store load
 *       them once, which builds the index; prints cold_seconds, that
 *       first load with no index
 *   library load ROOT
 *       a fresh process loads the store (index present, as on every start
 *       but the first) until the library model is filled; prints seconds,
 *       cpu_seconds (all threads), n_items, peak_rss_kb
 *
 * The time until the list is on screen is bench/library-screen's.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-common.h"
#include "byline-article.h"
#include "byline-draft-store.h"

static int count = 10000;
static char *text = NULL;

static GOptionEntry entries[] = {
  { "count", 'n', 0, G_OPTION_ARG_INT, &count, "Number of drafts (default 10000)", "N" },
  { "text", 't', 0, G_OPTION_ARG_FILENAME, &text, "Text the drafts are made of", "FILE" },
  { NULL }
};

static void
write_draft (const char *root,
             GPtrArray  *paragraphs,
             int         i)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GPtrArray) blocks = g_ptr_array_new ();
  g_autofree char *title = g_strdup_printf ("Bài %d: Kiểm tra Chương trình hành động tại xã Mỹ Quí", i);
  g_autofree char *dir = g_build_filename (root, "drafts", byline_article_get_id (article), NULL);
  g_autofree char *path = g_build_filename (dir, "article.json", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  /* Three to eight paragraphs, a few hundred words: a news item. */
  for (guint p = 0; p < 3 + (guint) i % 6; p++)
    g_ptr_array_add (blocks, g_ptr_array_index (paragraphs, (i + p) % paragraphs->len));
  byline_article_set_title (article, title);
  byline_article_set_lead (article, "Chiều ngày 16/02/2023, Đoàn công tác của Ban Thường vụ Huyện ủy "
                           "đã đến kiểm tra.");
  byline_article_set_blocks (article, blocks);

  bytes = byline_article_to_bytes (article);
  g_mkdir_with_parents (dir, 0700);
  /* Not durable on purpose: 10,000 fsyncs would take minutes and prove
   * nothing about loading. */
  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    g_error ("%s: %s", path, error->message);
}

static BylineDraftStore *
load_store (const char *root,
            double     *seconds)
{
  g_autoptr(GFile) file = g_file_new_for_path (root);
  BylineDraftStore *store = byline_draft_store_new (file);
  g_autoptr(GError) error = NULL;
  double start = bench_now ();
  double cpu_start = bench_cpu_time ();

  if (!byline_draft_store_load_sync (store, NULL, &error))
    g_error ("load: %s", error->message);
  *seconds = bench_now () - start;
  bench_report ("cpu_seconds", "%.4f", bench_cpu_time () - cpu_start);
  return store;
}

static void
close_store (BylineDraftStore *store)
{
  g_autoptr(GError) error = NULL;

  if (!byline_draft_store_close_sync (store, NULL, &error))
    g_error ("close: %s", error->message);
  g_object_unref (store);
}

static int
prepare (const char *root)
{
  g_autofree char *drafts = g_build_filename (root, "drafts", NULL);
  g_autoptr(GPtrArray) paragraphs = NULL;
  double seconds;

  /* Made by an earlier run (whichever index it has, index.json of an
   * older Byline included): writing the drafts again would double them. */
  if (g_file_test (drafts, G_FILE_TEST_IS_DIR))
    return 0;
  if (text == NULL)
    {
      g_printerr ("prepare needs --text\n");
      return 2;
    }

  paragraphs = bench_paragraphs (text, 500);
  g_printerr ("writing %d drafts in %s\n", count, root);
  for (int i = 0; i < count; i++)
    write_draft (root, paragraphs, i);

  close_store (load_store (root, &seconds));
  bench_report ("cold_seconds", "%.3f", seconds);
  return 0;
}

static int
load (const char *root)
{
  double seconds;
  BylineDraftStore *store = load_store (root, &seconds);
  GListModel *all = byline_draft_store_get_library (store, BYLINE_LIBRARY_VIEW_ALL);

  bench_report ("seconds", "%.4f", seconds);
  bench_report ("n_items", "%u", g_list_model_get_n_items (all));
  bench_report ("peak_rss_kb", "%ld", bench_peak_rss_kb ());
  close_store (store);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("prepare ROOT | load ROOT");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || count < 1)
    {
      g_printerr ("%s\n", error ? error->message : "--count must be positive");
      return 2;
    }

  if (argc == 3 && g_str_equal (argv[1], "prepare"))
    return prepare (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "load"))
    return load (argv[2]);

  g_printerr ("usage: library prepare ROOT --text FILE [--count N] | library load ROOT\n");
  return 2;
}
