/* byline-render-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the renderers share: walking the inline marks of a block as properly
 * nested spans, and grouping consecutive list items and quotes.
 */

#pragma once

#include "byline-render.h"

G_BEGIN_DECLS

typedef struct
{
  void (*open)   (GString          *out,
                  const BylineMark *mark);
  void (*close)  (GString          *out,
                  const BylineMark *mark);
  /* @at_start: the text starts the block (Markdown escapes more there) */
  void (*escape) (GString          *out,
                  const char       *text,
                  gsize             length,
                  gboolean          at_start);
} BylineInlineSyntax;

void        byline_render_inline           (GString                  *out,
                                            const BylineBlock        *block,
                                            const BylineInlineSyntax *syntax);
/* The end (exclusive) of the group of blocks starting at @start: list items
 * of the same kind, or quotes; one block for the other kinds. */
guint       byline_render_group_end        (GPtrArray                *blocks,
                                            guint                     start);
BylinePhoto *byline_render_find_block_photo (BylineArticle          *article,
                                            const BylineBlock      *block);
gboolean    byline_render_block_is_void    (BylineArticle            *article,
                                            const BylineBlock        *block);
gboolean    byline_render_href_is_allowed  (const char               *href);
/* The URL of the photo in rendered content: the uploaded media, else the
 * file in the bundle. */
char       *byline_render_dup_photo_src    (BylinePhoto              *photo);
void        byline_render_escape_html      (GString                  *out,
                                            const char               *text,
                                            gsize                     length,
                                            gboolean                  at_start);
/* Resolves NULL options to the defaults. */
const BylineRenderOptions *byline_render_options_or_default (const BylineRenderOptions *options,
                                                             BylineRenderOptions       *storage);

G_END_DECLS
