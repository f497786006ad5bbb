/* fuzz-common.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every harness checks about an article that came out of untrusted
 * input: it can be saved and read back to the same bytes, and every
 * renderer turns it into valid UTF-8. A harness only reaches these checks
 * when the parser accepted the input; a rejection must come with an error.
 */

#pragma once

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "byline-article.h"
#include "byline-block.h"
#include "byline-render.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);

/* A critical is a programming error whatever the input: make it an abort,
 * which libFuzzer catches and saves the input of (GLib's own fatal
 * criticals raise SIGTRAP, which libFuzzer does not handle). */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (level, fields, n_fields, user_data);

  if (level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR))
    abort ();
  return output;
}

/* Called by libFuzzer only; the replay test has GTest's handling. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
  return 0;
}

static inline void
fuzz_check_utf8 (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

static inline void
fuzz_check_blocks (GPtrArray *blocks)
{
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      const BylineBlock *block = g_ptr_array_index (blocks, i);
      const char *text = byline_block_get_text (block);
      guint n_chars = byline_block_get_n_chars (block);

      if (text != NULL)
        fuzz_check_utf8 (text);
      for (guint m = 0; m < byline_block_get_n_marks (block); m++)
        {
          const BylineMark *mark = byline_block_get_mark (block, m);

          g_assert_cmpuint (mark->start, <, mark->end);
          g_assert_cmpuint (mark->end, <=, n_chars);
        }
    }
}

static inline void
fuzz_check_renders (BylineArticle *article)
{
  BylineRenderOptions options;
  g_autofree char *wordpress = NULL;
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markdown = NULL;
  g_autoptr(JsonNode) ninjs = NULL;

  byline_render_options_init (&options);
  fuzz_check_utf8 (wordpress = byline_render_wordpress (article, &options));
  fuzz_check_utf8 (html = byline_render_html_document (article, &options));
  fuzz_check_utf8 (text = byline_render_text (article, &options));
  fuzz_check_utf8 (markdown = byline_render_markdown (article, &options));
  ninjs = byline_render_ninjs (article, &options);
  g_assert_nonnull (ninjs);
}

static inline JsonNode *
fuzz_parse (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

/* Saved and read back, an article is the same article: the second save
 * holds the same JSON as the first. (The same JSON, not the same bytes:
 * the unknown members a newer Byline wrote are kept, in no set order.) */
static inline void
fuzz_check_article (BylineArticle *article)
{
  g_autoptr(GBytes) saved = byline_article_to_bytes (article);
  g_autoptr(BylineArticle) again = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(GError) error = NULL;

  again = byline_article_new_from_bytes (saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  saved_again = byline_article_to_bytes (again);
  first = fuzz_parse (saved);
  second = fuzz_parse (saved_again);
  g_assert_true (json_node_equal (first, second));

  fuzz_check_blocks (byline_article_get_blocks (article));
  fuzz_check_renders (article);
}
