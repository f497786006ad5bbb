/* fuzz-html-paste.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever a browser or an office suite puts on the clipboard as
 * text/html, including bytes that are not UTF-8 and markup cut anywhere.
 */

#include "config.h"

#include "byline-import.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(BylineArticle) article = NULL;

  blocks = byline_import_html_fragment ((const char *) data, size);
  g_assert_nonnull (blocks);
  fuzz_check_blocks (blocks);

  /* What was pasted is saved and published like typed text. */
  article = byline_article_new ();
  byline_article_set_blocks (article, blocks);
  fuzz_check_article (article);
  return 0;
}
