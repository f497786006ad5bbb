/* editor-bench.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Figures for the editor with a long body (not a test: it prints, it never
 * fails). The body is the seed article's paragraphs repeated up to WORDS
 * words (default 50,000), each with a bold mark.
 *
 *   WORDS=50000 tests/headless-run _build/tests/gui/editor-bench
 */

#include "config.h"

#include <stdlib.h>
#include <adwaita.h>

#include "byline-editor.h"

static void
spin_until_idle (gint64 deadline)
{
  while (g_main_context_pending (NULL) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static double
msec_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static BylineArticle *
long_article (guint target_words)
{
  g_autofree char *seed = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new ();
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  BylineArticle *article = byline_article_new ();

  if (!g_file_get_contents (BYLINE_SEED, &seed, NULL, NULL))
    g_error ("Cannot read %s", BYLINE_SEED);
  lines = g_strsplit (seed, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strlen (lines[i]) > 100)
      g_ptr_array_add (paragraphs, lines[i]);

  byline_article_set_language (article, "vi");
  for (guint i = 0; ; i++)
    {
      BylineBlock *block = byline_block_new (BYLINE_BLOCK_PARAGRAPH, paragraphs->pdata[i % paragraphs->len]);

      byline_block_add_mark (block, BYLINE_MARK_BOLD, 0, 5, NULL);
      g_ptr_array_add (blocks, block);
      if ((i + 1) % paragraphs->len == 0 || i > 5000)
        {
          byline_article_set_blocks (article, blocks);
          if (byline_article_count_words (article) >= target_words)
            break;
        }
    }

  return article;
}

int
main (int   argc,
      char *argv[])
{
  const char *words_env = g_getenv ("WORDS");
  g_autoptr(BylineArticle) article = NULL;
  GtkTextBuffer *buffer;
  GtkWidget *window, *editor;
  GtkTextIter iter;
  double worst = 0, total = 0;
  gint64 start;

  gtk_init ();
  adw_init ();

  article = long_article (words_env != NULL ? (guint) atoi (words_env) : 50000);
  g_print ("body: %u blocks, %u words\n", byline_article_get_blocks (article)->len,
           byline_article_count_words (article));

  window = gtk_window_new ();
  editor = byline_editor_new ();
  gtk_window_set_child (GTK_WINDOW (window), editor);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  spin_until_idle (G_MAXINT64);

  start = g_get_monotonic_time ();
  byline_editor_set_article (BYLINE_EDITOR (editor), article);
  g_print ("load into the editor: %.1f ms\n", msec_since (start));

  buffer = GTK_TEXT_BUFFER (byline_editor_get_body_buffer (BYLINE_EDITOR (editor)));
  gtk_widget_grab_focus (GTK_WIDGET (byline_editor_get_body_view (BYLINE_EDITOR (editor))));
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 3);
  gtk_text_buffer_place_cursor (buffer, &iter);
  spin_until_idle (g_get_monotonic_time () + 10 * G_USEC_PER_SEC);

  /* A keystroke and everything it sets off until the loop is idle again
   * (tags, spell check of the paragraph, layout, the frame). */
  for (guint i = 0; i < 20; i++)
    {
      double elapsed;

      start = g_get_monotonic_time ();
      gtk_text_buffer_insert_interactive_at_cursor (buffer, "a", 1, TRUE);
      spin_until_idle (start + G_USEC_PER_SEC / 2);
      elapsed = msec_since (start);
      total += elapsed;
      worst = MAX (worst, elapsed);
    }
  g_print ("keystroke until idle: mean %.1f ms, worst %.1f ms\n", total / 20, worst);

  start = g_get_monotonic_time ();
  byline_editor_flush (BYLINE_EDITOR (editor));
  g_print ("flush after typing in one paragraph (blocks, model, counts): %.1f ms\n", msec_since (start));

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
