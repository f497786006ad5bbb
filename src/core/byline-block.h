/* byline-block.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The body of an article is a flat sequence of blocks, not a markup string.
 * One block is one paragraph of the editor: consecutive list items with the
 * same "ordered" flag form one list when rendered. Inline marks (bold,
 * italic, link) are ranges of Unicode characters (not bytes) in the block's
 * text, the same unit as GtkTextIter offsets.
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "byline-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_BLOCK (byline_block_get_type ())

typedef enum
{
  BYLINE_BLOCK_PARAGRAPH,
  BYLINE_BLOCK_HEADING,     /* level 2 or 3 */
  BYLINE_BLOCK_QUOTE,
  BYLINE_BLOCK_LIST_ITEM,   /* bulleted, or numbered when "ordered" */
  BYLINE_BLOCK_PHOTO,       /* a reference to a photo of the article, by id */
} BylineBlockKind;

typedef enum
{
  BYLINE_MARK_BOLD,
  BYLINE_MARK_ITALIC,
  BYLINE_MARK_LINK,
} BylineMarkKind;

typedef struct
{
  BylineMarkKind  kind;
  guint           start;   /* in characters, inclusive */
  guint           end;     /* in characters, exclusive */
  char           *href;    /* links only, else NULL */
} BylineMark;

GType            byline_block_get_type       (void) G_GNUC_CONST;
BylineBlock     *byline_block_new            (BylineBlockKind    kind,
                                              const char        *text);
BylineBlock     *byline_block_new_heading    (guint              level,
                                              const char        *text);
BylineBlock     *byline_block_new_list_item  (gboolean           ordered,
                                              const char        *text);
BylineBlock     *byline_block_new_photo      (const char        *photo_id);
BylineBlock     *byline_block_copy           (const BylineBlock *self);
BylineBlock     *byline_block_ref            (BylineBlock       *self);
void             byline_block_unref          (BylineBlock       *self);
gboolean         byline_block_equal          (const BylineBlock *a,
                                              const BylineBlock *b);
BylineBlockKind  byline_block_get_kind       (const BylineBlock *self);
const char      *byline_block_get_text       (const BylineBlock *self);
guint            byline_block_get_level      (const BylineBlock *self);
gboolean         byline_block_get_ordered    (const BylineBlock *self);
const char      *byline_block_get_photo_id   (const BylineBlock *self);
/* Marks are kept sorted by start, clamped to the text, and overlapping or
 * touching marks of the same kind (and href) are merged. Only on blocks not
 * yet given to an article (see byline_article_set_blocks()). */
void             byline_block_add_mark       (BylineBlock       *self,
                                              BylineMarkKind     kind,
                                              guint              start,
                                              guint              end,
                                              const char        *href);
guint            byline_block_get_n_marks    (const BylineBlock *self);
const BylineMark*byline_block_get_mark       (const BylineBlock *self,
                                              guint              index);

/* Additions to the first contract: the JSON of one block, as it appears in
 * the "body" array of article.json. Errors are BYLINE_ARTICLE_ERROR_INVALID. */
JsonNode        *byline_block_to_json        (const BylineBlock *self);
BylineBlock     *byline_block_new_from_json  (JsonObject        *object,
                                              GError           **error);
/* The length of the text in characters (the unit of marks). */
guint            byline_block_get_n_chars    (const BylineBlock *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineBlock, byline_block_unref)

G_END_DECLS
