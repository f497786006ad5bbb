/* test-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "byline-render.h"

#define PHOTO_A "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
#define PHOTO_B "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"

static void
add_block (GPtrArray   *blocks,
           BylineBlock *block)
{
  g_ptr_array_add (blocks, block);
}

/* A small article with everything that needs escaping. */
static BylineArticle *
make_article (void)
{
  BylineArticle *article = byline_article_new ();
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  g_autoptr(BylinePhoto) a = byline_photo_new (PHOTO_A, "jpg");
  g_autoptr(BylinePhoto) b = byline_photo_new (PHOTO_B, "png");
  const char *writers[] = { "Nguyễn Thu", NULL };
  BylineBlock *block;

  byline_article_set_title (article, "<script>alert(1)</script> & \"Mỹ Quí\"");
  byline_article_set_lead (article, "Sapo & tóm tắt");
  byline_article_set_writers (article, writers);

  block = byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Chiều 16/02, <b>đoàn</b> & \"Huyện ủy\" làm việc.");
  byline_block_add_mark (block, BYLINE_MARK_BOLD, 0, 8, NULL);
  add_block (blocks, block);
  add_block (blocks, byline_block_new_heading (2, "Nhiệm vụ"));
  add_block (blocks, byline_block_new_heading (3, "Nông nghiệp"));
  add_block (blocks, byline_block_new_list_item (FALSE, "Lúa"));
  add_block (blocks, byline_block_new_list_item (FALSE, "Cây ăn trái"));
  add_block (blocks, byline_block_new_list_item (TRUE, "Một"));
  add_block (blocks, byline_block_new (BYLINE_BLOCK_QUOTE, "Không để trễ hẹn."));
  add_block (blocks, byline_block_new (BYLINE_BLOCK_QUOTE, "Đúng thời gian."));
  add_block (blocks, byline_block_new_photo (PHOTO_A));
  add_block (blocks, byline_block_new_photo (PHOTO_B));
  byline_article_set_blocks (article, blocks);

  byline_photo_set_caption (a, "Đoàn <làm việc> & \"trao đổi\"");
  byline_photo_set_creator (a, "Hoàng Kha");
  byline_photo_set_alt_text (a, "Ảnh \"đoàn\" <img>");
  byline_photo_set_media_id (a, 812);
  byline_photo_set_media_url (a, "https://example.com/a.jpg?x=1&y=2");
  byline_article_add_photo (article, a);
  byline_article_add_photo (article, b);

  return article;
}

static void
test_render_wordpress (void)
{
  g_autoptr(BylineArticle) article = make_article ();
  g_autofree char *html = byline_render_wordpress (article, NULL);

  g_test_message ("%s", html);
  g_assert_cmpstr (html, ==,
    "<!-- wp:paragraph -->\n"
    "<p><strong>Chiều 16</strong>/02, &lt;b&gt;đoàn&lt;/b&gt; &amp; &quot;Huyện ủy&quot; làm việc.</p>\n"
    "<!-- /wp:paragraph -->\n"
    "\n"
    "<!-- wp:heading -->\n"
    "<h2>Nhiệm vụ</h2>\n"
    "<!-- /wp:heading -->\n"
    "\n"
    "<!-- wp:heading {\"level\":3} -->\n"
    "<h3>Nông nghiệp</h3>\n"
    "<!-- /wp:heading -->\n"
    "\n"
    "<!-- wp:list -->\n"
    "<ul><!-- wp:list-item -->\n"
    "<li>Lúa</li>\n"
    "<!-- /wp:list-item -->\n"
    "\n"
    "<!-- wp:list-item -->\n"
    "<li>Cây ăn trái</li>\n"
    "<!-- /wp:list-item --></ul>\n"
    "<!-- /wp:list -->\n"
    "\n"
    "<!-- wp:list {\"ordered\":true} -->\n"
    "<ol><!-- wp:list-item -->\n"
    "<li>Một</li>\n"
    "<!-- /wp:list-item --></ol>\n"
    "<!-- /wp:list -->\n"
    "\n"
    "<!-- wp:quote -->\n"
    "<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n"
    "<p>Không để trễ hẹn.</p>\n"
    "<!-- /wp:paragraph -->\n"
    "\n"
    "<!-- wp:paragraph -->\n"
    "<p>Đúng thời gian.</p>\n"
    "<!-- /wp:paragraph --></blockquote>\n"
    "<!-- /wp:quote -->\n"
    "\n"
    "<!-- wp:image {\"id\":812,\"sizeSlug\":\"large\"} -->\n"
    "<figure class=\"wp-block-image size-large\"><img src=\"https://example.com/a.jpg?x=1&amp;y=2\" "
    "alt=\"Ảnh &quot;đoàn&quot; &lt;img&gt;\" class=\"wp-image-812\"/>"
    "<figcaption class=\"wp-element-caption\">Đoàn &lt;làm việc&gt; &amp; &quot;trao đổi&quot;. Ảnh: Hoàng Kha</figcaption></figure>\n"
    "<!-- /wp:image -->\n"
    "\n"
    "<!-- wp:image {\"sizeSlug\":\"large\"} -->\n"
    "<figure class=\"wp-block-image size-large\"><img src=\"photos/" PHOTO_B ".png\" alt=\"\"/></figure>\n"
    "<!-- /wp:image -->\n"
    "\n"
    "<!-- wp:paragraph -->\n"
    "<p>BT: Nguyễn Thu – Hình: Hoàng Kha</p>\n"
    "<!-- /wp:paragraph -->");
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "null"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/render/wordpress", test_render_wordpress);

  return g_test_run ();
}
