/* fuzz-article-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * article.json as it may be found on disk: torn, edited by hand, written
 * by a newer Byline, or hostile.
 */

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  gboolean newer = FALSE;

  article = byline_article_new_from_bytes (bytes, &newer, &error);
  if (article == NULL)
    {
      g_assert_nonnull (error);
      fuzz_check_utf8 (error->message);
      return 0;
    }

  g_assert_no_error (error);
  fuzz_check_article (article);
  return 0;
}
