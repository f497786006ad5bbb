/* test-html-paste.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "byline-block.h"
#include "byline-import.h"
#include "import-test-util.h"

static void
assert_cleans_to (const char *html,
                  const char *expected)
{
  g_autoptr(GPtrArray) blocks = byline_import_html_fragment (html, -1);
  g_autofree char *dump = import_test_dump_blocks (blocks);

  g_assert_cmpstr (dump, ==, expected);
}

/* What LibreOffice Writer 7 puts on the clipboard: a whole document with
 * a style sheet, classes, fonts, wrapped lines and &nbsp; paragraphs. */
static void
test_libreoffice (void)
{
  const char *html =
    "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.0 Transitional//EN\">\n"
    "<html>\n<head>\n"
    "\t<meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\"/>\n"
    "\t<title></title>\n"
    "\t<meta name=\"generator\" content=\"LibreOffice 7.4.7.2 (Linux)\"/>\n"
    "\t<style type=\"text/css\">\n"
    "\t\t@page { size: 21cm 29.7cm; margin: 2cm }\n"
    "\t\tp { line-height: 115%; margin-bottom: 0.25cm; background: transparent }\n"
    "\t\th2.western { font-family: \"Liberation Sans\", sans-serif; font-size: 16pt }\n"
    "\t</style>\n"
    "</head>\n"
    "<body lang=\"vi-VN\" link=\"#000080\" vlink=\"#800000\" dir=\"ltr\">"
    "<h2 class=\"western\"><font face=\"Liberation Serif, serif\">Kiểm tra "
    "Chương trình hành động</font></h2>\n"
    "<p style=\"line-height: 100%; margin-bottom: 0cm\"><font face=\"Times New Roman, serif\">"
    "<font size=\"3\" style=\"font-size: 12pt\">Chiều ngày 16/02/2023, <b>Đoàn công tác</b> của\n"
    "Ban Thường vụ <i>Huyện ủy</i> làm việc&nbsp;với xã Mỹ Quí.</font></font></p>\n"
    "<p style=\"line-height: 100%; margin-bottom: 0cm\"><br/>\n</p>\n"
    "<p style=\"line-height: 100%; margin-bottom: 0cm\">&nbsp;</p>\n"
    "<ol>\n"
    "\t<li><p style=\"margin-bottom: 0cm\"><span style=\"font-weight: bold\">Xây dựng</span> NTM</p></li>\n"
    "\t<li><p style=\"margin-bottom: 0cm\">Chính quyền <u>phục vụ</u></p></li>\n"
    "</ol>\n"
    "<p style=\"margin-bottom: 0cm\"><a href=\"https://dongthap.gov.vn/tin?id=1&amp;x=2\">"
    "Cổng thông tin</a> <a href=\"#top\">đầu trang</a></p>\n"
    "<table width=\"100%\" cellpadding=\"4\" cellspacing=\"0\"><tr valign=\"top\">"
    "<td><p>Ô một</p></td><td><p>Ô hai</p></td></tr></table>\n"
    "</body>\n</html>\n";

  assert_cleans_to (html,
                    "H2 Kiểm tra Chương trình hành động\n"
                    "P Chiều ngày 16/02/2023, Đoàn công tác của Ban Thường vụ Huyện ủy làm việc với xã Mỹ Quí. [b 23-36] [i 55-63]\n"
                    "OL Xây dựng NTM [b 0-8]\n"
                    "OL Chính quyền phục vụ\n"
                    "P Cổng thông tin đầu trang [a 0-14 https://dongthap.gov.vn/tin?id=1&x=2]\n"
                    "P Ô một\n"
                    "P Ô hai\n");
}

/* What Chrome puts on the clipboard when copying from a web page. */
static void
test_browser (void)
{
  const char *html =
    "<meta charset='utf-8'><h1 style=\"box-sizing: border-box; margin: 0px; color: rgb(34, 34, 34);"
    " font-family: Roboto, sans-serif;\">Tin   tức &amp; sự kiện</h1>"
    "<p style=\"color: rgb(34, 34, 34); font-style: normal; font-weight: 400;\">"
    "<span style=\"font-weight: 700;\">Đồng Tháp</span> - Sáng&nbsp; nay,"
    " <span style=\"font-style: italic\">đoàn</span><em> công tác</em> đã đến."
    "<img src=\"https://example.com/a.jpg\" alt=\"ảnh\"></p>"
    "<figure><img src=\"b.jpg\"><figcaption>Chú thích. Ảnh: X</figcaption></figure>"
    "<h4>Phụ đề</h4>"
    "<ul><li>Một<li>Hai <strong>đậm</strong></li></ul>"
    "<blockquote><p>Trích dẫn</p><p>Đoạn hai</p></blockquote>"
    "<div>Khối<div>lồng</div>cuối</div>"
    "<p>Dòng một<br>Dòng hai</p>"
    "<!-- a comment with <p>markup</p> -->"
    "<p>H&#7873;t &#x1EC7; &eacute; &copy 2023 &unknown; &#128;</p>";

  assert_cleans_to (html,
                    "H2 Tin tức & sự kiện\n"
                    "P Đồng Tháp - Sáng nay, đoàn công tác đã đến. [b 0-9] [i 22-35]\n"
                    "H3 Phụ đề\n"
                    "UL Một\n"
                    "UL Hai đậm [b 4-7]\n"
                    "Q Trích dẫn\n"
                    "Q Đoạn hai\n"
                    "P Khối\n"
                    "P lồng\n"
                    "P cuối\n"
                    "P Dòng một\n"
                    "P Dòng hai\n"
                    "P Hềt ệ é © 2023 &unknown; €\n");
}

static void
test_dangerous (void)
{
  assert_cleans_to ("<p>a<script>alert(1)</script>b</p>"
                    "<script type=\"text/javascript\">document.write('<p>x</p>')</SCRIPT >"
                    "<style>p { color: red }</style>"
                    "<p><a href=\"javascript:alert(1)\">c</a> <a href=\" JAVASCRIPT:x\">d</a>"
                    " <a href=\"data:text/html,x\">e</a> <a href=\"mailto:a@b.vn\">f</a>"
                    " <a href=\"HTTP://A.VN\">g</a> <a>h</a></p>"
                    "<p onclick=\"alert(1)\">i</p>"
                    "<svg><text>j</text></svg><iframe src=\"x\">k</iframe>",
                    "P ab\n"
                    "P c d e f g h [a 6-7 mailto:a@b.vn] [a 8-9 HTTP://A.VN]\n"
                    "P i\n");
}

static void
test_styles (void)
{
  /* Google Docs wraps everything in <b style="font-weight:normal">. */
  assert_cleans_to ("<b style=\"font-weight:normal;\" id=\"docs-internal-guid-1\">"
                    "<p><span style=\"font-weight:700\">Đậm</span> thường "
                    "<span style=\"font-style: ITALIC !important\">nghiêng</span></p></b>"
                    "<p><b>a</b><b>b</b> <i>c </i>d</p>",
                    "P Đậm thường nghiêng [b 0-3] [i 11-18]\n"
                    "P ab c d [b 0-2] [i 3-4]\n");
}

static void
test_nfc (void)
{
  /* Decomposed Vietnamese (macOS) comes out precomposed; a combining mark
   * split from its letter by a tag still composes. */
  assert_cleans_to ("<p>Vie\xCC\xA3\xCC\x82t <b>Nam</b></p>", "P Việt Nam [b 5-8]\n");
  assert_cleans_to ("<p>e<b>\xCC\x81</b>x</p>", "P éx\n");
}

static void
test_broken (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GPtrArray) blocks = NULL;

  assert_cleans_to ("", "");
  assert_cleans_to ("plain text & more < less", "P plain text & more < less\n");
  assert_cleans_to ("<p>unclosed <b>bold", "P unclosed bold [b 9-13]\n");
  assert_cleans_to ("<p>a</div></b></p></p>b", "P a\nP b\n");
  assert_cleans_to ("<p title=\"x>y\">q</p><p a='1' b=2 c>r", "P q\nP r\n");
  assert_cleans_to ("<p>tag <b", "P tag\n");
  assert_cleans_to ("<!-- never closed <p>x</p>", "");
  assert_cleans_to ("a\xFF\xFEz", "P a\xEF\xBF\xBD\xEF\xBF\xBDz\n");

  /* Embedded NUL bytes are dropped, not the rest of the text. */
  blocks = byline_import_html_fragment ("<p>a\0b</p>", 10);
  g_assert_cmpuint (blocks->len, ==, 1);
  g_assert_cmpstr (byline_block_get_text (blocks->pdata[0]), ==, "ab");

  /* 100,000 nested elements: no recursion, a capped stack. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "<div><b>");
  g_string_append (deep, "x");
  g_clear_pointer (&blocks, g_ptr_array_unref);
  blocks = byline_import_html_fragment (deep->str, deep->len);
  g_assert_cmpuint (blocks->len, ==, 1);
  g_assert_cmpstr (byline_block_get_text (blocks->pdata[0]), ==, "x");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/html-paste/libreoffice", test_libreoffice);
  g_test_add_func ("/html-paste/browser", test_browser);
  g_test_add_func ("/html-paste/dangerous", test_dangerous);
  g_test_add_func ("/html-paste/styles", test_styles);
  g_test_add_func ("/html-paste/nfc", test_nfc);
  g_test_add_func ("/html-paste/broken", test_broken);

  return g_test_run ();
}
