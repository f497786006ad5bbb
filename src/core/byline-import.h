/* byline-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importers: plain text in the shape newsrooms mail around (headline on the
 * first line, paragraphs split on blank lines, a closing credit line such
 * as "BT: Nguyễn Thu – Hình: Hoàng Kha"), Markdown and ninjs 2.x. Bad input
 * (binary, invalid UTF-8, invalid JSON, nothing to import) is an error and
 * creates nothing.
 */

#pragma once

#include <gio/gio.h>

#include "byline-article.h"

G_BEGIN_DECLS

#define BYLINE_IMPORT_ERROR (byline_import_error_quark ())

typedef enum
{
  BYLINE_IMPORT_ERROR_BINARY,        /* not text at all */
  BYLINE_IMPORT_ERROR_INVALID_UTF8,
  BYLINE_IMPORT_ERROR_INVALID_JSON,
  BYLINE_IMPORT_ERROR_NOT_NINJS,
  BYLINE_IMPORT_ERROR_EMPTY,         /* no headline and no body */
  BYLINE_IMPORT_ERROR_UNKNOWN_FORMAT,
} BylineImportError;

typedef enum
{
  BYLINE_IMPORT_FORMAT_AUTO,         /* from the file name, then the content */
  BYLINE_IMPORT_FORMAT_TEXT,
  BYLINE_IMPORT_FORMAT_MARKDOWN,
  BYLINE_IMPORT_FORMAT_NINJS,
} BylineImportFormat;

GQuark         byline_import_error_quark       (void);
BylineArticle *byline_import_bytes             (GBytes               *bytes,
                                                BylineImportFormat    format,
                                                const char           *file_name,
                                                GError              **error);
void           byline_import_file_async        (GFile                *file,
                                                BylineImportFormat    format,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
BylineArticle *byline_import_file_finish       (GAsyncResult         *result,
                                                GError              **error);
/* Recognises a closing credit line ("BT: A, B – Hình: C", "Bài: … – Ảnh: …",
 * "Text: … – Photos: …", with -, – or — and optional spaces). Returns FALSE
 * when @line is not one. */
gboolean       byline_import_parse_credit_line (const char           *line,
                                                GStrv                *writers,
                                                GStrv                *photographers);
/* Cleans pasted text/html (a browser, LibreOffice) into blocks: keeps
 * headings (h1–h3 become level 2–3), paragraphs, lists, quotes, bold,
 * italic and links (http, https, mailto only), drops everything else. */
GPtrArray     *byline_import_html_fragment     (const char           *html,
                                                gssize                length);

G_END_DECLS
