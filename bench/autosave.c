/* autosave.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main-thread part of an autosave of a long article: the store
 * serialises the article to JSON on the main thread (the article is a
 * GObject the GUI edits), then writes the bytes in a worker. Here: an
 * article of N words (default 50,000) tracked by a real store; R times,
 * one paragraph changes (as after a keystroke) and byline_draft_store_save()
 * runs, which is what the autosave timer calls, and the loop spins until
 * the write is done. Prints, per save, median_ms and max_ms: the main
 * thread's busy time from the save until the write is done (a poll
 * function wrapper takes out the time the loop slept while the worker
 * wrote), which also counts the store's bookkeeping after the write (the
 * library row: title, word count); call_ms: byline_draft_store_save()
 * alone (serialisation); and json_bytes.
 *
 *   autosave ROOT --text FILE [--words N] [--saves R]
 */

#include "config.h"

#include "bench-common.h"
#include "byline-article.h"
#include "byline-block.h"
#include "byline-draft-store.h"

static int words = 50000;
static int saves = 20;
static char *text = NULL;

/* Time asleep in poll(), in µs. */
static GPollFunc real_poll;
static gint64 slept;

static int
timed_poll (GPollFD *fds,
            guint    n_fds,
            int      timeout)
{
  gint64 start = g_get_monotonic_time ();
  int result = real_poll (fds, n_fds, timeout);

  slept += g_get_monotonic_time () - start;
  return result;
}

static GOptionEntry entries[] = {
  { "words", 'w', 0, G_OPTION_ARG_INT, &words, "Words in the article (default 50000)", "N" },
  { "saves", 'r', 0, G_OPTION_ARG_INT, &saves, "Saves to time (default 20)", "R" },
  { "text", 't', 0, G_OPTION_ARG_FILENAME, &text, "Text the article is made of", "FILE" },
  { NULL }
};

/* A keystroke's worth of change: paragraph @i gets one more letter. */
static void
type_into (BylineArticle *article,
           guint          i)
{
  GPtrArray *old = byline_article_get_blocks (article);
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_full (old->len, (GDestroyNotify) byline_block_unref);
  guint target = i % old->len;

  for (guint b = 0; b < old->len; b++)
    {
      BylineBlock *block = g_ptr_array_index (old, b);

      if (b == target)
        {
          g_autofree char *longer = g_strconcat (byline_block_get_text (block), "a", NULL);

          g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, longer));
        }
      else
        g_ptr_array_add (blocks, byline_block_ref (block));
    }
  byline_article_set_blocks (article, blocks);
}

static void
flush (BylineDraftStore *store)
{
  g_autoptr(GError) error = NULL;

  if (!byline_draft_store_flush_sync (store, NULL, &error))
    g_error ("flush: %s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("ROOT - autosave cost of a long article");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) root = NULL;
  g_autoptr(BylineDraftStore) store = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GPtrArray) paragraphs = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree double *times = NULL;
  g_autofree double *calls = NULL;
  double max_ms = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || text == NULL
      || words < 1 || saves < 1)
    {
      g_printerr ("usage: autosave ROOT --text FILE [--words N] [--saves R]\n");
      return 2;
    }

  root = g_file_new_for_path (argv[1]);
  store = byline_draft_store_new (root);
  if (!byline_draft_store_load_sync (store, NULL, &error))
    g_error ("load: %s", error->message);

  article = byline_article_new ();
  byline_article_set_title (article, "Một bài rất dài");
  /* The article counts words its own way: aim 1 % over. */
  paragraphs = bench_paragraphs (text, words + words / 100);
  byline_article_set_blocks (article, paragraphs);
  byline_draft_store_add (store, article);
  flush (store);

  times = g_new0 (double, saves);
  calls = g_new0 (double, saves);
  real_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timed_poll);
  for (int r = 0; r < saves; r++)
    {
      double start;

      type_into (article, r * 7);
      slept = 0;
      start = bench_now ();
      byline_draft_store_save (store, article);
      calls[r] = (bench_now () - start) * 1000;
      /* The write goes on in a worker; wait for it (the next save would
       * otherwise find the writer busy and only queue). */
      flush (store);
      times[r] = (bench_now () - start - slept / 1e6) * 1000;
      max_ms = MAX (max_ms, times[r]);
    }
  g_main_context_set_poll_func (NULL, real_poll);

  bytes = byline_article_to_bytes (article);
  bench_report ("words", "%u", byline_article_count_words (article));
  bench_report ("json_bytes", "%zu", g_bytes_get_size (bytes));
  bench_report ("median_ms", "%.2f", bench_median (times, saves));
  bench_report ("max_ms", "%.2f", max_ms);
  bench_report ("call_ms", "%.2f", bench_median (calls, saves));

  byline_draft_store_close_sync (store, NULL, NULL);
  return 0;
}
