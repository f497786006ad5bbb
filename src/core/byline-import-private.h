/* byline-import-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the importers (text, Markdown, ninjs) and the HTML paste cleaner
 * share. Not installed, not API.
 */

#pragma once

#include "byline-block.h"
#include "byline-import.h"

G_BEGIN_DECLS

/* Builds the text and marks of one block from styled runs. Whitespace is
 * collapsed the way a browser does (runs of spaces, tabs, newlines and
 * no-break spaces become one space; none at either end), control
 * characters are dropped and the text comes out in NFC, with the marks in
 * characters. */
typedef struct _BylineInline BylineInline;

BylineInline  *byline_inline_new                (void);
void           byline_inline_free               (BylineInline  *self);
void           byline_inline_append             (BylineInline  *self,
                                                 const char    *text,
                                                 gssize         length,
                                                 gboolean       bold,
                                                 gboolean       italic,
                                                 const char    *href);
/* Returns the block (NULL when it would be empty) and resets @self. */
BylineBlock   *byline_inline_finish             (BylineInline  *self,
                                                 BylineBlockKind kind,
                                                 guint          level,
                                                 gboolean       ordered);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineInline, byline_inline_free)

/* A link target we keep (http, https, mailto), trimmed; NULL otherwise. */
char          *byline_import_clean_href         (const char    *href);
/* "vi" when the text is Vietnamese, else NULL. */
const char    *byline_import_guess_language     (const char    *text);
/* If the last block is a paragraph that is a credit line, moves its names
 * into @article and removes it from @blocks. */
gboolean       byline_import_take_credit_block  (BylineArticle *article,
                                                 GPtrArray     *blocks);
/* Paragraphs split on blank lines, lines joined with a space. */
GPtrArray     *byline_import_plain_paragraphs   (const char    *text);
/* Sets the body and, when the article has none, the language; fails with
 * BYLINE_IMPORT_ERROR_EMPTY when there is neither a title nor a body. */
gboolean       byline_import_finish_article     (BylineArticle *article,
                                                 GPtrArray     *blocks,
                                                 GError       **error);
void           byline_import_set_empty_error    (GError       **error);
/* The plain text of @blocks, one block a line. */
char          *byline_import_blocks_text        (GPtrArray     *blocks);

BylineArticle *byline_import_text               (const char    *text,
                                                 GError       **error);
BylineArticle *byline_import_markdown           (const char    *text,
                                                 GError       **error);
BylineArticle *byline_import_ninjs              (const char    *text,
                                                 gsize          length,
                                                 GError       **error);

G_END_DECLS
