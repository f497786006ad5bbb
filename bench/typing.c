/* typing.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Typing into a long article (default 50,000 words) in BylineEditor, with
 * the article tracked by a real draft store, so the editor's model sync
 * and the store's autosaves happen as they would in the app. Run it under
 * tests/headless-run:
 *
 *   typing ROOT --text FILE [--words N] [--chars C]
 *
 * A keystroke every 100 ms (a fast typist), words of five letters and a
 * space, a 500 ms pause after every fourth word (the editor then sends
 * the body to the model, and a second later the store saves). Characters
 * go in through gtk_text_buffer_insert_interactive_at_cursor(), as the
 * text view does with what the input method commits.
 *
 * The figure is the main thread's busy time between two painted frames:
 * a poll function wrapper measures how long the loop slept, and at each
 * GdkFrameClock::after-paint the busy part of the interval is recorded.
 * Everything the main thread does counts: the keystroke, the editor's
 * sync, autosave serialisation, layout and paint. Prints p50_ms, p99_ms,
 * max_ms, frames, saves, chars, words, open_ms, peak_rss_kb, and
 * autosave_total_ms: the editor's flush plus the store's save of a
 * change, timed on the main thread (all of an autosave's main-thread work).
 */

#include "config.h"

#include <adwaita.h>

#include "bench-common.h"
#include "byline-draft-store.h"
#include "byline-editor.h"

static int words = 50000;
static int chars = 400;
static char *text = NULL;

static GOptionEntry entries[] = {
  { "words", 'w', 0, G_OPTION_ARG_INT, &words, "Words in the article (default 50000)", "N" },
  { "chars", 'c', 0, G_OPTION_ARG_INT, &chars, "Characters to type (default 400)", "C" },
  { "text", 't', 0, G_OPTION_ARG_FILENAME, &text, "Text the article is made of", "FILE" },
  { NULL }
};

/* Time asleep in poll(), in µs, since the last painted frame. */
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

typedef struct
{
  GtkTextBuffer *buffer;
  GArray        *busy_ms;
  gint64         last_paint;
  int            typed;
  int            saves;
  gboolean       done;
} Typing;

static void
after_paint_cb (GdkFrameClock *clock,
                Typing        *typing)
{
  gint64 now = g_get_monotonic_time ();
  double busy = (now - typing->last_paint - slept) / 1000.0;

  /* Frames before the first keystroke are the article being shown. */
  if (typing->typed > 0 && !typing->done)
    g_array_append_val (typing->busy_ms, busy);
  typing->last_paint = now;
  slept = 0;
}

static gboolean
keystroke_cb (gpointer user_data)
{
  Typing *typing = user_data;
  static const char word[] = "nhanh ";
  char c = word[typing->typed % (sizeof word - 1)];

  if (typing->typed == chars)
    {
      typing->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  gtk_text_buffer_insert_interactive_at_cursor (typing->buffer, &c, 1, TRUE);
  typing->typed++;

  /* A pause after every fourth word. */
  if (typing->typed % (4 * (sizeof word - 1)) == 0)
    {
      g_timeout_add (500, keystroke_cb, typing);
      return G_SOURCE_REMOVE;
    }
  g_timeout_add (100, keystroke_cb, typing);
  return G_SOURCE_REMOVE;
}

static void
saved_cb (BylineDraftStore *store,
          BylineArticle    *article,
          Typing           *typing)
{
  typing->saves++;
}

static void
spin (gint64 usec)
{
  gint64 deadline = g_get_monotonic_time () + usec;

  while (g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static BylineArticle *
long_article (void)
{
  g_autoptr(GPtrArray) blocks = bench_paragraphs (text, words + words / 100);
  BylineArticle *article = byline_article_new ();

  byline_article_set_title (article, "Một bài rất dài");
  byline_article_set_language (article, "vi");
  byline_article_set_blocks (article, blocks);
  return article;
}

/* One more keystroke, then all an autosave does on the main thread: the
 * editor sends the body to the model, the store serialises it, and after
 * the worker's write updates the library row (the sleep in between is
 * taken out). */
static double
autosave_total_ms (BylineEditor     *editor,
                   BylineDraftStore *store,
                   BylineArticle    *article,
                   GtkTextBuffer    *buffer)
{
  g_autoptr(GError) error = NULL;
  double start;

  gtk_text_buffer_insert_interactive_at_cursor (buffer, "x", 1, TRUE);
  g_main_context_set_poll_func (NULL, timed_poll);
  slept = 0;
  start = bench_now ();
  byline_editor_flush (editor);
  byline_draft_store_save (store, article);
  if (!byline_draft_store_flush_sync (store, NULL, &error))
    g_error ("flush: %s", error->message);
  start = bench_now () - start - slept / 1e6;
  g_main_context_set_poll_func (NULL, real_poll);
  return start * 1000;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("ROOT - typing into a long article");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) root = NULL;
  g_autoptr(BylineDraftStore) store = NULL;
  g_autoptr(BylineArticle) article = NULL;
  Typing typing = { 0 };
  GtkWidget *window, *editor;
  GdkFrameClock *clock;
  GtkTextIter iter;
  double start, open_ms, save_ms;
  double *busy;
  guint n;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || text == NULL
      || words < 1 || chars < 1)
    {
      g_printerr ("usage: typing ROOT --text FILE [--words N] [--chars C]\n");
      return 2;
    }

  gtk_init ();
  adw_init ();

  root = g_file_new_for_path (argv[1]);
  store = byline_draft_store_new (root);
  if (!byline_draft_store_load_sync (store, NULL, &error))
    g_error ("load: %s", error->message);
  article = long_article ();
  byline_draft_store_add (store, article);
  if (!byline_draft_store_flush_sync (store, NULL, &error))
    g_error ("flush: %s", error->message);
  g_signal_connect (store, "saved", G_CALLBACK (saved_cb), &typing);

  window = gtk_window_new ();
  editor = byline_editor_new ();
  gtk_window_set_child (GTK_WINDOW (window), editor);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  spin (G_USEC_PER_SEC / 2);

  start = bench_now ();
  byline_editor_set_article (BYLINE_EDITOR (editor), article);
  open_ms = (bench_now () - start) * 1000;

  typing.buffer = GTK_TEXT_BUFFER (byline_editor_get_body_buffer (BYLINE_EDITOR (editor)));
  gtk_widget_grab_focus (GTK_WIDGET (byline_editor_get_body_view (BYLINE_EDITOR (editor))));
  gtk_text_buffer_get_iter_at_line (typing.buffer, &iter, 3);
  gtk_text_buffer_place_cursor (typing.buffer, &iter);
  spin (2 * G_USEC_PER_SEC);

  typing.busy_ms = g_array_new (FALSE, FALSE, sizeof (double));
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &typing);
  real_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timed_poll);
  slept = 0;
  typing.last_paint = g_get_monotonic_time ();

  g_timeout_add (100, keystroke_cb, &typing);
  while (!typing.done)
    g_main_context_iteration (NULL, TRUE);
  /* The last sync and save. */
  spin (2 * G_USEC_PER_SEC);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, &typing);
  g_main_context_set_poll_func (NULL, real_poll);

  save_ms = autosave_total_ms (BYLINE_EDITOR (editor), store, article, typing.buffer);

  busy = (double *) typing.busy_ms->data;
  n = typing.busy_ms->len;
  if (n == 0)
    g_error ("no frame was painted while typing");
  bench_report ("chars", "%d", typing.typed);
  bench_report ("words", "%u", byline_article_count_words (article));
  bench_report ("open_ms", "%.1f", open_ms);
  bench_report ("frames", "%u", n);
  bench_report ("saves", "%d", typing.saves);
  bench_report ("max_ms", "%.1f", bench_quantile (busy, n, 1.0));
  bench_report ("p99_ms", "%.1f", bench_quantile (busy, n, 0.99));
  bench_report ("p50_ms", "%.1f", bench_quantile (busy, n, 0.5));
  bench_report ("autosave_total_ms", "%.1f", save_ms);
  bench_report ("peak_rss_kb", "%ld", bench_peak_rss_kb ());

  gtk_window_destroy (GTK_WINDOW (window));
  byline_draft_store_close_sync (store, NULL, NULL);
  g_array_unref (typing.busy_ms);
  return 0;
}
