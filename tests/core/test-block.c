/* test-block.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "byline-article.h"
#include "byline-block.h"

#define PHOTO_ID "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

static void
assert_mark (const BylineBlock *block,
             guint              index,
             BylineMarkKind     kind,
             guint              start,
             guint              end,
             const char        *href)
{
  const BylineMark *mark = byline_block_get_mark (block, index);

  g_assert_cmpint (mark->kind, ==, kind);
  g_assert_cmpuint (mark->start, ==, start);
  g_assert_cmpuint (mark->end, ==, end);
  g_assert_cmpstr (mark->href, ==, href);
}

static void
test_block_kinds (void)
{
  g_autoptr(BylineBlock) heading = byline_block_new_heading (3, "Kết quả");
  g_autoptr(BylineBlock) h1 = byline_block_new_heading (1, "Tiêu đề");
  g_autoptr(BylineBlock) h5 = byline_block_new_heading (5, "Nhỏ");
  g_autoptr(BylineBlock) item = byline_block_new_list_item (TRUE, "Một");
  g_autoptr(BylineBlock) photo = byline_block_new_photo (PHOTO_ID);
  g_autoptr(BylineBlock) empty = byline_block_new (BYLINE_BLOCK_PARAGRAPH, NULL);

  g_assert_cmpint (byline_block_get_kind (heading), ==, BYLINE_BLOCK_HEADING);
  g_assert_cmpuint (byline_block_get_level (heading), ==, 3);
  g_assert_cmpuint (byline_block_get_level (h1), ==, 2);
  g_assert_cmpuint (byline_block_get_level (h5), ==, 3);
  g_assert_true (byline_block_get_ordered (item));
  g_assert_cmpstr (byline_block_get_photo_id (photo), ==, PHOTO_ID);
  g_assert_cmpstr (byline_block_get_text (photo), ==, "");
  g_assert_cmpstr (byline_block_get_text (empty), ==, "");
  g_assert_cmpuint (byline_block_get_n_chars (heading), ==, 7);
}

static void
test_block_nfc (void)
{
  /* "Quí" with a combining acute, and a stray Latin-1 byte. */
  g_autoptr(BylineBlock) block = byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Mỹ Qui\xcc\x81");
  g_autoptr(BylineBlock) broken = byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Qu\xed");

  g_assert_cmpstr (byline_block_get_text (block), ==, "Mỹ Quí");
  g_assert_cmpuint (byline_block_get_n_chars (block), ==, 6);
  g_assert_true (g_utf8_validate (byline_block_get_text (broken), -1, NULL));
  g_assert_true (g_str_has_prefix (byline_block_get_text (broken), "Qu"));
}

static void
test_block_marks_merge (void)
{
  g_autoptr(BylineBlock) block = byline_block_new (BYLINE_BLOCK_PARAGRAPH,
                                                   "Đảng ủy xã Mỹ Quí chủ động");

  byline_block_add_mark (block, BYLINE_MARK_BOLD, 5, 9, NULL);
  byline_block_add_mark (block, BYLINE_MARK_BOLD, 0, 3, NULL);
  byline_block_add_mark (block, BYLINE_MARK_ITALIC, 2, 6, NULL);
  /* Touching: merges with 0–3 and then with 5–9 through 3–5. */
  byline_block_add_mark (block, BYLINE_MARK_BOLD, 3, 5, NULL);
  byline_block_add_mark (block, BYLINE_MARK_LINK, 10, 12, "https://a.example/");
  byline_block_add_mark (block, BYLINE_MARK_LINK, 12, 14, "https://b.example/");
  byline_block_add_mark (block, BYLINE_MARK_LINK, 11, 13, "https://a.example/");
  /* Clamped to the 26 characters, and an empty range is dropped. */
  byline_block_add_mark (block, BYLINE_MARK_ITALIC, 20, 500, NULL);
  byline_block_add_mark (block, BYLINE_MARK_ITALIC, 300, 500, NULL);
  byline_block_add_mark (block, BYLINE_MARK_BOLD, 7, 7, NULL);

  g_assert_cmpuint (byline_block_get_n_marks (block), ==, 5);
  assert_mark (block, 0, BYLINE_MARK_BOLD, 0, 9, NULL);
  assert_mark (block, 1, BYLINE_MARK_ITALIC, 2, 6, NULL);
  assert_mark (block, 2, BYLINE_MARK_LINK, 10, 13, "https://a.example/");
  assert_mark (block, 3, BYLINE_MARK_LINK, 12, 14, "https://b.example/");
  assert_mark (block, 4, BYLINE_MARK_ITALIC, 20, 26, NULL);
}

static void
test_block_equal_copy (void)
{
  g_autoptr(BylineBlock) a = byline_block_new (BYLINE_BLOCK_QUOTE, "Trích dẫn");
  g_autoptr(BylineBlock) b = NULL;
  g_autoptr(BylineBlock) other_kind = byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Trích dẫn");
  g_autoptr(BylineBlock) ordered = byline_block_new_list_item (TRUE, "x");
  g_autoptr(BylineBlock) bulleted = byline_block_new_list_item (FALSE, "x");

  byline_block_add_mark (a, BYLINE_MARK_LINK, 0, 5, "https://example.com/");
  b = byline_block_copy (a);
  g_assert_true (a != b);
  g_assert_true (byline_block_equal (a, b));
  g_assert_false (byline_block_equal (a, other_kind));
  g_assert_false (byline_block_equal (ordered, bulleted));

  byline_block_add_mark (b, BYLINE_MARK_BOLD, 0, 1, NULL);
  g_assert_false (byline_block_equal (a, b));
  g_assert_cmpuint (byline_block_get_n_marks (a), ==, 1);
}

static void
test_block_json (void)
{
  g_autoptr(BylineBlock) block = byline_block_new_list_item (TRUE, "Phước Tiến");
  g_autoptr(BylineBlock) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  byline_block_add_mark (block, BYLINE_MARK_LINK, 0, 5, "https://example.com/?a=1&b=2");
  node = byline_block_to_json (block);
  back = byline_block_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);
  g_assert_true (byline_block_equal (block, back));
}

static void
test_block_json_errors (void)
{
  const char *cases[][2] = {
    { "{\"type\":\"paragraph\",\"text\":5}", "block.text" },
    { "{\"type\":\"table\"}", "block.type" },
    { "{\"type\":\"photo\",\"photo\":\"../../etc/passwd\"}", "block.photo" },
    { "{\"type\":\"heading\",\"level\":\"2\"}", "block.level" },
    { "{\"type\":\"paragraph\",\"text\":\"x\",\"marks\":[{\"type\":\"link\",\"start\":0,\"end\":1}]}",
      "block.marks[0].type" },
    { "{\"type\":\"paragraph\",\"text\":\"x\",\"marks\":[{\"type\":\"bold\",\"start\":0.5,\"end\":1}]}",
      "block.marks[0].start" },
    { "{\"type\":\"paragraph\",\"marks\":[3]}", "block.marks[0]" },
    { "{\"type\":\"paragraph\",\"text\":\"x\",\"marks\":[{\"type\":\"strike\",\"start\":0,\"end\":1}]}",
      "block.marks[0].type" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (cases[i][0], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineBlock) block = byline_block_new_from_json (json_node_get_object (node), &error);
      g_autofree char *quoted = g_strdup_printf ("“%s”", cases[i][1]);

      g_assert_null (block);
      g_assert_error (error, BYLINE_ARTICLE_ERROR, BYLINE_ARTICLE_ERROR_INVALID);
      g_test_message ("%s → %s", cases[i][0], error->message);
      g_assert_nonnull (strstr (error->message, quoted));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/block/kinds", test_block_kinds);
  g_test_add_func ("/block/nfc", test_block_nfc);
  g_test_add_func ("/block/marks/merge", test_block_marks_merge);
  g_test_add_func ("/block/equal-copy", test_block_equal_copy);
  g_test_add_func ("/block/json", test_block_json);
  g_test_add_func ("/block/json-errors", test_block_json_errors);

  return g_test_run ();
}
