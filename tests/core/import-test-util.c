/* import-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Blocks as text, so a test states the whole expected result at once.
 */

#include "config.h"

#include "byline-block.h"
#include "import-test-util.h"

static const char *
kind_name (const BylineBlock *block)
{
  switch (byline_block_get_kind (block))
    {
    case BYLINE_BLOCK_PARAGRAPH:
      return "P";
    case BYLINE_BLOCK_HEADING:
      return byline_block_get_level (block) == 2 ? "H2" : "H3";
    case BYLINE_BLOCK_QUOTE:
      return "Q";
    case BYLINE_BLOCK_LIST_ITEM:
      return byline_block_get_ordered (block) ? "OL" : "UL";
    case BYLINE_BLOCK_PHOTO:
    default:
      return "PHOTO";
    }
}

char *
import_test_dump_blocks (GPtrArray *blocks)
{
  static const char * const marks[] = { "b", "i", "a" };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      const BylineBlock *block = g_ptr_array_index (blocks, i);

      g_string_append_printf (out, "%s %s", kind_name (block), byline_block_get_text (block));
      for (guint j = 0; j < byline_block_get_n_marks (block); j++)
        {
          const BylineMark *mark = byline_block_get_mark (block, j);

          g_string_append_printf (out, " [%s %u-%u%s%s]", marks[mark->kind], mark->start, mark->end,
                                  mark->href ? " " : "", mark->href ? mark->href : "");
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}
