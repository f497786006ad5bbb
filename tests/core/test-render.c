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

static BylineArticle *
make_credit_article (const char * const *writers,
                     const char * const *photographers,
                     const char * const *creators)
{
  BylineArticle *article = byline_article_new ();
  const char *ids[] = { PHOTO_A, PHOTO_B,
                        "0000000000000000000000000000000000000000000000000000000000000001",
                        "0000000000000000000000000000000000000000000000000000000000000002" };

  byline_article_set_writers (article, writers);
  byline_article_set_photographers (article, photographers);
  for (guint i = 0; creators != NULL && creators[i] != NULL; i++)
    {
      g_autoptr(BylinePhoto) photo = byline_photo_new (ids[i], "jpg");

      /* "-" stands for a photo without a creator */
      if (g_strcmp0 (creators[i], "-") != 0)
        byline_photo_set_creator (photo, creators[i]);
      byline_article_add_photo (article, photo);
    }

  return article;
}

static void
assert_credit (const char * const *writers,
               const char * const *photographers,
               const char * const *creators,
               const char         *template,
               const char         *expected)
{
  g_autoptr(BylineArticle) article = make_credit_article (writers, photographers, creators);
  g_autofree char *line = NULL;
  BylineRenderOptions options;

  byline_render_options_init (&options);
  options.credit_template = template;
  line = byline_render_credit_line (article, &options);
  g_assert_cmpstr (line, ==, expected);
}

static void
test_render_credit_line (void)
{
  const char *thu[] = { "Nguyễn Thu", NULL };
  const char *two[] = { "Nguyễn Thu", "Lê Văn An", NULL };
  const char *kha[] = { "Hoàng Kha", NULL };
  const char *none[] = { NULL };
  const char *creators[] = { "Hoàng Kha", "-", "Minh Trí", "Hoàng Kha", NULL };
  const char *nfd_creators[] = { "Hoa\xcc\x80ng Kha", "Hoàng Kha", NULL };

  assert_credit (thu, kha, NULL, NULL, "BT: Nguyễn Thu – Hình: Hoàng Kha");
  assert_credit (two, kha, NULL, NULL, "BT: Nguyễn Thu, Lê Văn An – Hình: Hoàng Kha");
  assert_credit (thu, none, NULL, NULL, "BT: Nguyễn Thu");
  assert_credit (none, kha, NULL, NULL, "Hình: Hoàng Kha");
  assert_credit (none, none, NULL, NULL, NULL);
  /* Photographers fall back to the distinct creators of the photos. */
  assert_credit (thu, none, creators, NULL, "BT: Nguyễn Thu – Hình: Hoàng Kha, Minh Trí");
  assert_credit (none, none, nfd_creators, NULL, "Hình: Hoàng Kha");
  /* …but the article's own list wins. */
  assert_credit (thu, two, creators, NULL, "BT: Nguyễn Thu – Hình: Nguyễn Thu, Lê Văn An");
  /* A site's own template. */
  assert_credit (thu, kha, NULL, "Bài: {writers}. Ảnh: {photographers}", "Bài: Nguyễn Thu. Ảnh: Hoàng Kha");
  assert_credit (none, kha, NULL, "Bài: {writers}. Ảnh: {photographers}", "Ảnh: Hoàng Kha");
  assert_credit (thu, none, NULL, "Bài: {writers}. Ảnh: {photographers}", "Bài: Nguyễn Thu");
  assert_credit (thu, kha, NULL, "By {writers} | Photos {photographers} (Byline)",
                 "By Nguyễn Thu | Photos Hoàng Kha (Byline)");
  assert_credit (none, kha, NULL, "By {writers} | Photos {photographers} (Byline)",
                 "Photos Hoàng Kha (Byline)");
}

static void
assert_caption (const char *caption,
                const char *creator,
                const char *template,
                const char *expected)
{
  g_autoptr(BylinePhoto) photo = byline_photo_new (PHOTO_A, "jpg");
  g_autofree char *text = NULL;
  BylineRenderOptions options;

  byline_render_options_init (&options);
  options.caption_template = template;
  byline_photo_set_caption (photo, caption);
  byline_photo_set_creator (photo, creator);
  text = byline_render_caption (photo, &options);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_render_caption (void)
{
  assert_caption ("Đoàn công tác làm việc", "Hoàng Kha", NULL, "Đoàn công tác làm việc. Ảnh: Hoàng Kha");
  assert_caption ("Đoàn công tác làm việc.", "Hoàng Kha", NULL, "Đoàn công tác làm việc. Ảnh: Hoàng Kha");
  assert_caption ("Ai đến?", "Hoàng Kha", NULL, "Ai đến? Ảnh: Hoàng Kha");
  assert_caption ("Chờ…", "Hoàng Kha", NULL, "Chờ… Ảnh: Hoàng Kha");
  assert_caption (NULL, "Hoàng Kha", NULL, "Ảnh: Hoàng Kha");
  assert_caption ("Đoàn công tác", NULL, NULL, "Đoàn công tác");
  assert_caption ("", "", NULL, NULL);
  assert_caption ("Delegation", "Hoàng Kha", "Photo: {creator}", "Delegation. Photo: Hoàng Kha");
}

static BylineArticle *
make_marked_article (BylineBlock *block)
{
  BylineArticle *article = byline_article_new ();
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);

  g_ptr_array_add (blocks, block);
  byline_article_set_blocks (article, blocks);
  return article;
}

static void
test_render_marks_nesting (void)
{
  BylineBlock *block = byline_block_new (BYLINE_BLOCK_PARAGRAPH, "abcdefghij");
  g_autoptr(BylineArticle) article = NULL;
  g_autofree char *html = NULL;
  g_autofree char *markdown = NULL;

  byline_block_add_mark (block, BYLINE_MARK_BOLD, 0, 6, NULL);
  byline_block_add_mark (block, BYLINE_MARK_ITALIC, 3, 9, NULL);
  byline_block_add_mark (block, BYLINE_MARK_LINK, 2, 4, "http://x.example/?a=1&b=\"2\"");
  article = make_marked_article (block);

  html = byline_render_html_fragment (article, NULL);
  g_assert_cmpstr (html, ==,
                   "<p><strong>ab<a href=\"http://x.example/?a=1&amp;b=&quot;2&quot;\">c<em>d</em></a>"
                   "<em>ef</em></strong><em>ghi</em>j</p>");

  markdown = byline_render_markdown (article, NULL);
  g_assert_cmpstr (markdown, ==, "**ab[c*d*](http://x.example/?a=1&b=\"2\")*ef***"
                                 "*ghi*j\n");
}

static void
test_render_links_filtered (void)
{
  BylineBlock *block = byline_block_new (BYLINE_BLOCK_PARAGRAPH, "một hai ba bốn");
  g_autoptr(BylineArticle) article = NULL;
  g_autofree char *html = NULL;

  byline_block_add_mark (block, BYLINE_MARK_LINK, 0, 3, "javascript:alert(1)");
  byline_block_add_mark (block, BYLINE_MARK_LINK, 4, 7, "mailto:toa-soan@example.com");
  byline_block_add_mark (block, BYLINE_MARK_LINK, 8, 10, "/wp-admin/");
  byline_block_add_mark (block, BYLINE_MARK_LINK, 11, 14, "HTTPS://example.com/");
  article = make_marked_article (block);

  html = byline_render_wordpress (article, NULL);
  g_assert_cmpstr (html, ==,
                   "<!-- wp:paragraph -->\n"
                   "<p>một <a href=\"mailto:toa-soan@example.com\">hai</a> ba "
                   "<a href=\"HTTPS://example.com/\">bốn</a></p>\n"
                   "<!-- /wp:paragraph -->");
}

static void
test_render_no_credit (void)
{
  g_autoptr(BylineArticle) article = make_article ();
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;
  BylineRenderOptions options;

  byline_render_options_init (&options);
  g_assert_true (options.with_credit_line);
  options.with_credit_line = FALSE;
  html = byline_render_wordpress (article, &options);
  text = byline_render_text (article, &options);
  g_assert_null (strstr (html, "BT:"));
  g_assert_null (strstr (text, "BT:"));
  g_assert_true (g_str_has_suffix (html, "<!-- /wp:image -->"));
}

static void
test_render_html_fragment (void)
{
  g_autoptr(BylineArticle) article = make_article ();
  g_autofree char *html = byline_render_html_fragment (article, NULL);
  g_autofree char *document = byline_render_html_document (article, NULL);

  g_assert_cmpstr (html, ==,
    "<p><strong>Chiều 16</strong>/02, &lt;b&gt;đoàn&lt;/b&gt; &amp; &quot;Huyện ủy&quot; làm việc.</p>\n"
    "<h2>Nhiệm vụ</h2>\n"
    "<h3>Nông nghiệp</h3>\n"
    "<ul>\n<li>Lúa</li>\n<li>Cây ăn trái</li>\n</ul>\n"
    "<ol>\n<li>Một</li>\n</ol>\n"
    "<blockquote>\n<p>Không để trễ hẹn.</p>\n<p>Đúng thời gian.</p>\n</blockquote>\n"
    "<figure><img src=\"https://example.com/a.jpg?x=1&amp;y=2\" alt=\"Ảnh &quot;đoàn&quot; &lt;img&gt;\"/>"
    "<figcaption>Đoàn &lt;làm việc&gt; &amp; &quot;trao đổi&quot;. Ảnh: Hoàng Kha</figcaption></figure>\n"
    "<figure><img src=\"photos/" PHOTO_B ".png\" alt=\"\"/></figure>\n"
    "<p>BT: Nguyễn Thu – Hình: Hoàng Kha</p>");

  g_assert_true (g_str_has_prefix (document, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
                                   "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Mỹ Quí&quot;</title>\n"));
  g_assert_nonnull (strstr (document, "<p class=\"lead\"><strong>Sapo &amp; tóm tắt</strong></p>\n<p><strong>Chiều"));
  g_assert_true (g_str_has_suffix (document, "</p>\n</article>\n</body>\n</html>\n"));
  g_assert_null (strstr (document, "<script"));
}

static void
test_render_text (void)
{
  g_autoptr(BylineArticle) article = make_article ();
  g_autofree char *text = byline_render_text (article, NULL);

  g_assert_cmpstr (text, ==,
    "<script>alert(1)</script> & \"Mỹ Quí\"\n\n"
    "Sapo & tóm tắt\n\n"
    "Chiều 16/02, <b>đoàn</b> & \"Huyện ủy\" làm việc.\n\n"
    "Nhiệm vụ\n\n"
    "Nông nghiệp\n\n"
    "- Lúa\n- Cây ăn trái\n\n"
    "1. Một\n\n"
    "Không để trễ hẹn.\n\nĐúng thời gian.\n\n"
    "Đoàn <làm việc> & \"trao đổi\". Ảnh: Hoàng Kha\n\n"
    "BT: Nguyễn Thu – Hình: Hoàng Kha\n");
}

static void
test_render_markdown (void)
{
  g_autoptr(BylineArticle) article = make_article ();
  g_autofree char *markdown = byline_render_markdown (article, NULL);

  g_assert_cmpstr (markdown, ==,
    "# \\<script\\>alert(1)\\</script\\> \\& \"Mỹ Quí\"\n\n"
    "*Sapo \\& tóm tắt*\n\n"
    "**Chiều 16**/02, \\<b\\>đoàn\\</b\\> \\& \"Huyện ủy\" làm việc.\n\n"
    "## Nhiệm vụ\n\n"
    "### Nông nghiệp\n\n"
    "- Lúa\n- Cây ăn trái\n\n"
    "1. Một\n\n"
    "> Không để trễ hẹn.\n>\n> Đúng thời gian.\n\n"
    "![Ảnh \"đoàn\" \\<img\\>](photos/" PHOTO_A ".jpg)\n"
    "*Đoàn \\<làm việc\\> \\& \"trao đổi\". Ảnh: Hoàng Kha*\n\n"
    "![](photos/" PHOTO_B ".png)\n\n"
    "BT: Nguyễn Thu – Hình: Hoàng Kha\n");
}

static void
test_render_markdown_escapes (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  g_autofree char *markdown = NULL;

  add_block (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "2023. Năm bản lề"));
  add_block (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "- không phải danh sách"));
  add_block (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "# không phải tiêu đề, a_b *c* [d] `e` |f| \\"));
  byline_article_set_blocks (article, blocks);

  markdown = byline_render_markdown (article, NULL);
  g_assert_cmpstr (markdown, ==,
                   "2023\\. Năm bản lề\n\n"
                   "\\- không phải danh sách\n\n"
                   "\\# không phải tiêu đề, a\\_b \\*c\\* \\[d\\] \\`e\\` \\|f\\| \\\\\n");
}

/* The members ninjs 2.0 allows at the top level (additionalProperties is
 * false in its schema). */
static const char * const ninjs_members[] = {
  "uri", "type", "representationtype", "profile", "version", "firstcreated",
  "versioncreated", "contentcreated", "embargoed", "pubstatus", "urgency",
  "copyrightholder", "copyrightnotice", "usageterms", "ednote", "language",
  "descriptions", "bodies", "headlines", "people", "organisations", "places",
  "subjects", "events", "objects", "infosources", "title", "by", "slugline",
  "located", "renditions", "associations", "altids", "trustindicators",
  "standard", "genres", "rightsinfo", NULL
};

/* @association: associations also have a "name" (the schema's anyOf). */
static void
assert_ninjs_members (JsonObject *object,
                      gboolean    association)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      g_test_message ("ninjs member %s", (const char *) l->data);
      g_assert_true (g_strv_contains (ninjs_members, l->data) ||
                     (association && g_str_equal (l->data, "name")));
      g_assert_false (JSON_NODE_HOLDS_NULL (json_object_get_member (object, l->data)));
    }
}

static void
test_render_ninjs (void)
{
  g_autoptr(BylineArticle) article = make_article ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *html = byline_render_html_fragment (article, NULL);
  const char *tags[] = { "Tháp Mười", NULL };
  JsonObject *object;
  JsonObject *body;
  JsonObject *picture;
  JsonArray *subjects;
  JsonArray *associations;

  byline_article_set_category (article, "Tin tức");
  byline_article_set_tags (article, tags);
  byline_article_set_language (article, "vi");
  byline_article_set_desk_note (article, "Gấp");
  node = byline_render_ninjs (article, NULL);
  text = json_to_string (node, TRUE);
  g_test_message ("%s", text);
  g_assert_null (strstr (text, "null"));

  /* Valid JSON, read back from its text. */
  parsed = json_from_string (text, &error);
  g_assert_no_error (error);
  object = json_node_get_object (parsed);
  assert_ninjs_members (object, FALSE);

  uri = g_strconcat ("urn:uuid:", byline_article_get_id (article), NULL);
  g_assert_cmpstr (json_object_get_string_member (object, "uri"), ==, uri);
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "text");
  g_assert_cmpstr (json_object_get_string_member (object, "language"), ==, "vi");
  g_assert_cmpstr (json_object_get_string_member (object, "by"), ==, "Nguyễn Thu");
  g_assert_cmpstr (json_object_get_string_member (object, "ednote"), ==, "Gấp");
  g_assert_cmpint (json_object_get_int_member (object, "urgency"), ==, 5);
  g_assert_true (json_object_has_member (object, "firstcreated"));
  g_assert_true (json_object_has_member (object, "versioncreated"));
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (object, "headlines"), 0),
                     "value"), ==, "<script>alert(1)</script> & \"Mỹ Quí\"");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (object, "descriptions"), 0),
                     "role"), ==, "summary");

  body = json_array_get_object_element (json_object_get_array_member (object, "bodies"), 0);
  g_assert_cmpstr (json_object_get_string_member (body, "contenttype"), ==, "text/html");
  g_assert_cmpstr (json_object_get_string_member (body, "value"), ==, html);
  g_assert_null (strstr (json_object_get_string_member (body, "value"), "wp:"));

  subjects = json_object_get_array_member (object, "subjects");
  g_assert_cmpuint (json_array_get_length (subjects), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (subjects, 0), "rel"), ==, "category");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (subjects, 1), "name"), ==, "Tháp Mười");

  associations = json_object_get_array_member (object, "associations");
  g_assert_cmpuint (json_array_get_length (associations), ==, 2);
  picture = json_array_get_object_element (associations, 0);
  assert_ninjs_members (picture, TRUE);
  g_assert_cmpstr (json_object_get_string_member (picture, "name"), ==, "featureimage");
  g_assert_cmpstr (json_object_get_string_member (picture, "type"), ==, "picture");
  g_assert_cmpstr (json_object_get_string_member (picture, "by"), ==, "Hoàng Kha");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (picture, "renditions"), 0),
                     "href"), ==, "https://example.com/a.jpg?x=1&y=2");
  picture = json_array_get_object_element (associations, 1);
  g_assert_cmpstr (json_object_get_string_member (picture, "name"), ==, "picture2");
  g_assert_false (json_object_has_member (picture, "descriptions"));
}

/* The seed article (/work/shared/seed-article.txt), as a reporter types it:
 * its closing line is exactly what the credit line renders. */
#define SEED_TITLE "Kiểm tra Chương trình hành động của Huyện ủy năm 2023 tại xã Mỹ Quí"
#define SEED_P1 "Chiều ngày 16/02/2023, Đoàn công tác của Ban Thường vụ Huyện ủy Tháp Mười do " \
  "đồng chí Nguyễn Văn Vũ Minh, Tỉnh ủy viên, Bí thư Huyện ủy làm trưởng đoàn đến làm việc " \
  "với xã Mỹ Quí về triển khai thực hiện nhiệm vụ chính trị năm 2023."
#define SEED_P3_END "Nâng cao chất lượng hoạt động của MTTQ và các tổ chức chính trị - xã hội./."

static void
test_render_seed (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  const char *writers[] = { "Nguyễn Thu", NULL };
  const char *photographers[] = { "Hoàng Kha", NULL };
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;

  byline_article_set_title (article, SEED_TITLE);
  add_block (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, SEED_P1));
  add_block (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, SEED_P3_END));
  byline_article_set_blocks (article, blocks);
  byline_article_set_writers (article, writers);
  byline_article_set_photographers (article, photographers);

  text = byline_render_text (article, NULL);
  g_assert_cmpstr (text, ==,
                   SEED_TITLE "\n\n" SEED_P1 "\n\n" SEED_P3_END "\n\n"
                   "BT: Nguyễn Thu – Hình: Hoàng Kha\n");
  html = byline_render_wordpress (article, NULL);
  g_assert_true (g_str_has_prefix (html, "<!-- wp:paragraph -->\n<p>" SEED_P1 "</p>\n<!-- /wp:paragraph -->\n\n"));
  /* Syllables, with "16/02/2023" one word. */
  g_assert_cmpuint (byline_article_count_words (article), ==, 15 + 49 + 16);
}

static void
test_render_empty (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autofree char *html = byline_render_wordpress (article, NULL);
  g_autofree char *text = byline_render_text (article, NULL);
  g_autofree char *markdown = byline_render_markdown (article, NULL);
  g_autoptr(JsonNode) ninjs = byline_render_ninjs (article, NULL);
  g_autofree char *json = json_to_string (ninjs, FALSE);

  g_assert_cmpstr (html, ==, "");
  g_assert_cmpstr (text, ==, "");
  g_assert_cmpstr (markdown, ==, "");
  g_assert_null (strstr (json, "null"));
  g_assert_false (json_object_has_member (json_node_get_object (ninjs), "bodies"));
}

static void
test_render_credit_escaped (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  const char *writers[] = { "Thu & <Hà>", NULL };
  const char *photographers[] = { "\"Kha\"", NULL };
  g_autofree char *html = NULL;
  g_autofree char *markdown = NULL;

  byline_article_set_writers (article, writers);
  byline_article_set_photographers (article, photographers);
  html = byline_render_wordpress (article, NULL);
  g_assert_cmpstr (html, ==,
                   "<!-- wp:paragraph -->\n"
                   "<p>BT: Thu &amp; &lt;Hà&gt; – Hình: &quot;Kha&quot;</p>\n"
                   "<!-- /wp:paragraph -->");
  markdown = byline_render_markdown (article, NULL);
  g_assert_cmpstr (markdown, ==, "BT: Thu \\& \\<Hà\\> – Hình: \"Kha\"\n");
}

static void
test_render_line_breaks (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  g_autoptr(BylinePhoto) photo = byline_photo_new (PHOTO_A, "jpg");
  g_autofree char *html = NULL;

  byline_photo_set_alt_text (photo, "Dòng 1\nDòng 2");
  byline_article_add_photo (article, photo);
  add_block (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Dòng 1\nDòng 2"));
  add_block (blocks, byline_block_new_photo (PHOTO_A));
  /* A photo block whose photo is gone renders as nothing at all. */
  add_block (blocks, byline_block_new_photo (PHOTO_B));
  byline_article_set_blocks (article, blocks);

  html = byline_render_html_fragment (article, NULL);
  g_assert_cmpstr (html, ==,
                   "<p>Dòng 1<br>Dòng 2</p>\n"
                   "<figure><img src=\"photos/" PHOTO_A ".jpg\" alt=\"Dòng 1 Dòng 2\"/></figure>");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/render/wordpress", test_render_wordpress);
  g_test_add_func ("/render/credit-line", test_render_credit_line);
  g_test_add_func ("/render/credit-escaped", test_render_credit_escaped);
  g_test_add_func ("/render/caption", test_render_caption);
  g_test_add_func ("/render/marks-nesting", test_render_marks_nesting);
  g_test_add_func ("/render/links-filtered", test_render_links_filtered);
  g_test_add_func ("/render/no-credit", test_render_no_credit);
  g_test_add_func ("/render/html-fragment", test_render_html_fragment);
  g_test_add_func ("/render/text", test_render_text);
  g_test_add_func ("/render/markdown", test_render_markdown);
  g_test_add_func ("/render/markdown-escapes", test_render_markdown_escapes);
  g_test_add_func ("/render/ninjs", test_render_ninjs);
  g_test_add_func ("/render/seed", test_render_seed);
  g_test_add_func ("/render/empty", test_render_empty);
  g_test_add_func ("/render/line-breaks", test_render_line_breaks);

  return g_test_run ();
}
