/* fuzz-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importers with any bytes: one harness per format, chosen at build
 * time with BYLINE_FUZZ_FORMAT (fuzz-import-text, -markdown, -ninjs).
 */

#include "config.h"

#include "byline-import.h"
#include "fuzz-common.h"

#ifndef BYLINE_FUZZ_FORMAT
#error "BYLINE_FUZZ_FORMAT must name a BylineImportFormat"
#endif

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  article = byline_import_bytes (bytes, BYLINE_FUZZ_FORMAT, NULL, &error);
  if (article == NULL)
    {
      g_assert_error (error, BYLINE_IMPORT_ERROR, error->code);
      fuzz_check_utf8 (error->message);
      return 0;
    }

  g_assert_no_error (error);
  fuzz_check_article (article);
  return 0;
}
