/* test-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "byline-article.h"
#include "byline-import.h"
#include "byline-render.h"
#include "import-test-util.h"

static BylineArticle *
import_string (const char          *text,
               BylineImportFormat   format,
               const char          *file_name,
               GError             **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return byline_import_bytes (bytes, format, file_name, error);
}

static char *
dump_body (BylineArticle *article)
{
  return import_test_dump_blocks (byline_article_get_blocks (article));
}

static void
assert_strv (const char * const *strv,
             const char         *joined)
{
  g_autofree char *actual = strv ? g_strjoinv ("|", (GStrv) strv) : g_strdup ("");

  g_assert_cmpstr (actual, ==, joined);
}

static void
assert_import_error (const char         *text,
                     gsize               length,
                     BylineImportFormat  format,
                     const char         *file_name,
                     int                 code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = byline_import_bytes (bytes, format, file_name, &error);

  g_assert_error (error, BYLINE_IMPORT_ERROR, code);
  g_assert_null (article);
  g_assert_nonnull (error->message);
}

/* ---------------------------------------------------------------- text */

static void
test_text_seed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BylineArticle) article = NULL;
  GPtrArray *blocks;
  const char *last;

  g_file_get_contents (g_test_get_filename (G_TEST_DIST, "core", "data", "seed-article.txt", NULL),
                       &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (contents, length);

  article = byline_import_bytes (bytes, BYLINE_IMPORT_FORMAT_AUTO, "seed-article.txt", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (byline_article_get_title (article), ==,
                   "Kiểm tra Chương trình hành động của Huyện ủy năm 2023 tại xã Mỹ Quí");
  g_assert_cmpstr (byline_article_get_category (article), ==, "Tin tức");
  g_assert_cmpstr (byline_article_get_language (article), ==, "vi");
  g_assert_true (byline_article_get_lead (article) == NULL || *byline_article_get_lead (article) == '\0');
  assert_strv (byline_article_get_writers (article), "Nguyễn Thu");
  assert_strv (byline_article_get_photographers (article), "Hoàng Kha");

  blocks = byline_article_get_blocks (article);
  g_assert_cmpuint (blocks->len, ==, 3);
  g_assert_true (g_str_has_prefix (byline_block_get_text (blocks->pdata[0]), "Chiều ngày 16/02/2023, Đoàn công tác"));
  g_assert_true (g_str_has_suffix (byline_block_get_text (blocks->pdata[0]), "nhiệm vụ chính trị năm 2023."));
  g_assert_true (g_str_has_prefix (byline_block_get_text (blocks->pdata[1]), "Thực hiện chương trình"));
  /* "đề ra\u00A0 05" and "buổi \u00A0 làm" collapse to one space. */
  g_assert_nonnull (strstr (byline_block_get_text (blocks->pdata[1]), "lĩnh vực và đề ra 05 nhiệm vụ"));
  g_assert_true (g_str_has_prefix (byline_block_get_text (blocks->pdata[2]), "Phát biểu tại buổi làm việc, đồng chí"));
  last = byline_block_get_text (blocks->pdata[2]);
  g_assert_true (g_str_has_suffix (last, "chính trị - xã hội./."));

  for (guint i = 0; i < blocks->len; i++)
    {
      g_assert_cmpint (byline_block_get_kind (blocks->pdata[i]), ==, BYLINE_BLOCK_PARAGRAPH);
      g_assert_null (strstr (byline_block_get_text (blocks->pdata[i]), "  "));
      g_assert_null (strstr (byline_block_get_text (blocks->pdata[i]), "\xC2\xA0"));
    }
}

static void
test_text_plain (void)
{
  /* BOM, CRLF, a paragraph wrapped over lines, trailing spaces, tabs. */
  const char *text = "\xEF\xBB\xBF  City council meets on Monday  \r\n\r\n"
                     "The council will  vote\r\non the budget.   \r\n"
                     "\r\n \t \r\n"
                     "Residents\tmay attend.\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = import_string (text, BYLINE_IMPORT_FORMAT_TEXT, NULL, &error);
  g_autofree char *body = NULL;

  g_assert_no_error (error);
  body = dump_body (article);
  g_assert_cmpstr (byline_article_get_title (article), ==, "City council meets on Monday");
  g_assert_cmpstr (body, ==,
                   "P The council will vote on the budget.\n"
                   "P Residents may attend.\n");
  /* English: no language is guessed, no credit line, no category. */
  g_assert_null (byline_article_get_language (article));
  assert_strv (byline_article_get_writers (article), "");
  g_assert_null (byline_article_get_category (article));
}

static void
test_text_headline_only_first_line (void)
{
  /* The first line is the headline even when the paragraph goes on, and
   * a short line repeated far down is not clutter. */
  const char *text = "Bão số 3 đổ bộ vào Quảng Ninh\n"
                     "Sáng nay, bão đã vào bờ.\n\n"
                     "Người dân đã sơ tán.\n\n"
                     "Bão số 3 đổ bộ vào Quảng Ninh\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = import_string (text, BYLINE_IMPORT_FORMAT_TEXT, NULL, &error);
  g_autofree char *body = NULL;

  g_assert_no_error (error);
  body = dump_body (article);
  g_assert_cmpstr (byline_article_get_title (article), ==, "Bão số 3 đổ bộ vào Quảng Ninh");
  /* The headline repeated at the end is not clutter detection's business:
   * a sentence stands between them. */
  g_assert_cmpstr (body, ==,
                   "P Sáng nay, bão đã vào bờ.\n"
                   "P Người dân đã sơ tán.\n"
                   "P Bão số 3 đổ bộ vào Quảng Ninh\n");
}

static void
test_text_clutter_kept_when_not_repeated (void)
{
  const char *text = "Xuất bản thông tin\n\nMột dòng khác hẳn\n\nĐoạn văn đầu tiên của bài.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = import_string (text, BYLINE_IMPORT_FORMAT_TEXT, NULL, &error);
  g_autofree char *body = NULL;

  g_assert_no_error (error);
  body = dump_body (article);
  /* Nothing repeats: the first line is the headline, the user's call. */
  g_assert_cmpstr (byline_article_get_title (article), ==, "Xuất bản thông tin");
  g_assert_cmpstr (body, ==, "P Một dòng khác hẳn\nP Đoạn văn đầu tiên của bài.\n");
  g_assert_null (byline_article_get_category (article));
}

static void
test_text_credit_positions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) middle = NULL;
  g_autoptr(BylineArticle) joined = NULL;
  g_autofree char *body = NULL;

  /* A credit-like line that is not the last one stays body text. */
  middle = import_string ("Tiêu đề bài báo\n\nBT: Nguyễn Thu – Hình: Hoàng Kha\n\nĐoạn cuối.\n",
                          BYLINE_IMPORT_FORMAT_TEXT, NULL, &error);
  g_assert_no_error (error);
  body = dump_body (middle);
  g_assert_cmpstr (body, ==, "P BT: Nguyễn Thu – Hình: Hoàng Kha\nP Đoạn cuối.\n");
  assert_strv (byline_article_get_writers (middle), "");

  /* The last line of the last paragraph, without a blank line before. */
  joined = import_string ("Tiêu đề bài báo\n\nĐoạn cuối./.\nBài và ảnh: Lê Minh\n",
                          BYLINE_IMPORT_FORMAT_TEXT, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&body, g_free);
  body = dump_body (joined);
  g_assert_cmpstr (body, ==, "P Đoạn cuối./.\n");
  assert_strv (byline_article_get_writers (joined), "Lê Minh");
  assert_strv (byline_article_get_photographers (joined), "Lê Minh");
}

/* ---------------------------------------------------------------- credit */

static void
test_credit_line_variants (void)
{
  static const struct {
    const char *line;
    const char *writers;
    const char *photographers;
  } cases[] = {
    { "BT: Nguyễn Thu – Hình: Hoàng Kha", "Nguyễn Thu", "Hoàng Kha" },
    { "BT:Nguyễn Thu-Hình:Hoàng Kha", "Nguyễn Thu", "Hoàng Kha" },
    { "Bài: Trần An — Ảnh: Lê Bình", "Trần An", "Lê Bình" },
    { "Text: Mai Anh - Photos: Tom Lee", "Mai Anh", "Tom Lee" },
    { "Bài và ảnh: Phạm Hùng", "Phạm Hùng", "Phạm Hùng" },
    { "Text and photos: Ann Smith", "Ann Smith", "Ann Smith" },
    { "BT: Nguyễn Thu, Lê Hoa và Trần Nam – Hình: Hoàng Kha and Vũ Lan", "Nguyễn Thu|Lê Hoa|Trần Nam", "Hoàng Kha|Vũ Lan" },
    { "  bt : Nguyễn Thu ./.", "Nguyễn Thu", "" },
    { "Ảnh: Hoàng Kha", "", "Hoàng Kha" },
    { "(Bài: Ngọc Trâm – Ảnh: Minh Khang)", "Ngọc Trâm", "Minh Khang" },
    /* A hyphen inside a name, the dash between the parts. */
    { "BT: Thu-Hà Nguyễn – Hình: Kha", "Thu-Hà Nguyễn", "Kha" },
    /* Decomposed input (a Mac keyboard) compares like NFC. */
    { "Ba\xCC\x80i: An – A\xCC\x89nh: Bi\xCC\x80nh", "An", "Bình" },
  };
  static const char * const not_credit[] = {
    "",
    "Hà Nội, 14:30 ngày 16/02/2023",
    "Ghi chú: đây là một câu văn dài với rất nhiều chữ để giải thích sự việc",
    "BT: – Hình: Hoàng Kha",
    "BT Nguyễn Thu – Hình Hoàng Kha",
    "Xem thêm: http://example.com",
    "Nguyễn Thu – Hoàng Kha",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) writers = NULL;
      g_auto(GStrv) photographers = NULL;

      g_test_message ("credit line: %s", cases[i].line);
      g_assert_true (byline_import_parse_credit_line (cases[i].line, &writers, &photographers));
      assert_strv ((const char * const *) writers, cases[i].writers);
      assert_strv ((const char * const *) photographers, cases[i].photographers);
    }

  for (guint i = 0; i < G_N_ELEMENTS (not_credit); i++)
    {
      g_auto(GStrv) writers = (GStrv) 0x1;
      g_auto(GStrv) photographers = NULL;

      g_test_message ("not a credit line: %s", not_credit[i]);
      g_assert_false (byline_import_parse_credit_line (not_credit[i], &writers, &photographers));
      g_assert_null (writers);
      g_assert_null (photographers);
    }
}

/* ---------------------------------------------------------------- markdown */

static void
test_markdown_features (void)
{
  const char *text =
    "# Tiêu đề *bài*\n"
    "\n"
    "Đoạn **đậm** và *nghiêng*, __đậm__ và _nghiêng_,\n"
    "một [liên kết](https://example.com/a \"tên\") và `mã *nguyên*`.\n"
    "\n"
    "## Mục hai ##\n"
    "\n"
    "### Mục ba\n"
    "#### Mục bốn\n"
    "\n"
    "- một\n"
    "* hai\n"
    "  tiếp\n"
    "+ ba\n"
    "\n"
    "1. thứ nhất\n"
    "2. thứ hai\n"
    "\n"
    "> Trích dẫn\n"
    "> dòng hai\n"
    ">\n"
    "> đoạn hai\n"
    "\n"
    "Thoát \\*sao\\* và snake_case_name, 2 * 3 * 4, ![ảnh](a.png) hết.\n"
    "\n"
    "Một [xấu](javascript:alert(1)) và <https://a.vn/b>.\n"
    "\n"
    "***cả hai***\n"
    "\n"
    "---\n"
    "\n"
    "Tiêu đề setext\n"
    "--------------\n"
    "\n"
    "```\n"
    "code **not bold**\n"
    "```\n"
    "\n"
    "*BT: Nguyễn Thu – Hình: Hoàng Kha*\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = import_string (text, BYLINE_IMPORT_FORMAT_AUTO, "a.md", &error);
  g_autofree char *body = NULL;

  g_assert_no_error (error);
  body = dump_body (article);
  g_assert_cmpstr (byline_article_get_title (article), ==, "Tiêu đề bài");
  g_assert_cmpstr (body, ==,
                   "P Đoạn đậm và nghiêng, đậm và nghiêng, một liên kết và mã *nguyên*. [b 5-8] [i 12-19] [b 21-24] [i 28-35] [a 41-49 https://example.com/a]\n"
                   "H2 Mục hai\n"
                   "H3 Mục ba\n"
                   "H3 Mục bốn\n"
                   "UL một\n"
                   "UL hai tiếp\n"
                   "UL ba\n"
                   "OL thứ nhất\n"
                   "OL thứ hai\n"
                   "Q Trích dẫn dòng hai\n"
                   "Q đoạn hai\n"
                   "P Thoát *sao* và snake_case_name, 2 * 3 * 4, hết.\n"
                   "P Một xấu và https://a.vn/b. [a 11-25 https://a.vn/b]\n"
                   "P cả hai [b 0-6] [i 0-6]\n"
                   "H2 Tiêu đề setext\n"
                   "P code **not bold**\n");
  assert_strv (byline_article_get_writers (article), "Nguyễn Thu");
  assert_strv (byline_article_get_photographers (article), "Hoàng Kha");
  g_assert_cmpstr (byline_article_get_language (article), ==, "vi");
}

static void
test_markdown_edge_cases (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autofree char *body = NULL;

  /* No level-1 heading first: the title stays empty and "#" later is a
   * heading; an ordered number inside a paragraph does not start a list;
   * unmatched delimiters are text. */
  article = import_string ("## Phụ đề\n\nNăm\n2023. Đảng bộ **đạt *kết quả\n\n# Lớn\n",
                           BYLINE_IMPORT_FORMAT_MARKDOWN, NULL, &error);
  g_assert_no_error (error);
  body = dump_body (article);
  g_assert_true (byline_article_get_title (article) == NULL || *byline_article_get_title (article) == '\0');
  g_assert_cmpstr (body, ==,
                   "H2 Phụ đề\n"
                   "P Năm 2023. Đảng bộ **đạt *kết quả\n"
                   "H2 Lớn\n");
}

static void
test_markdown_hostile (void)
{
  g_autoptr(GString) text = g_string_new ("# T\n\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = NULL;

  /* Lone openers of every kind, many times over, in one paragraph: each
   * must be answered without scanning to the end again. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (text, "[a `b *c _d **e <f ");
  for (guint i = 0; i < 20000; i++)
    g_string_append (text, "> - 1. ");

  article = import_string (text->str, BYLINE_IMPORT_FORMAT_MARKDOWN, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_article_get_blocks (article)->len, ==, 1);
}

/* ---------------------------------------------------------------- ninjs */

static void
test_ninjs_sample (void)
{
  const char *text =
    "{\n"
    "  \"uri\": \"urn:example:1\",\n"
    "  \"standard\": { \"name\": \"ninjs\", \"version\": \"2.0\" },\n"
    "  \"type\": \"text\",\n"
    "  \"language\": \"vi\",\n"
    "  \"headlines\": [ { \"role\": \"sub\", \"value\": \"Phụ\" },\n"
    "                   { \"role\": \"main\", \"value\": \"Tiêu đề chính\" } ],\n"
    "  \"descriptions\": [ { \"role\": \"alt\", \"value\": \"Không\" },\n"
    "                      { \"role\": \"summary\", \"contenttype\": \"text/html\", \"value\": \"<p>Sa <b>pô</b></p>\" } ],\n"
    "  \"bodies\": [ { \"contenttype\": \"text/plain\", \"value\": \"Bỏ qua\" },\n"
    "                { \"contenttype\": \"text/html\", \"value\": \"<h2>Mục</h2><p>Đoạn <a href=\\\"https://a.vn\\\">một</a>.</p><p>BT: Nguyễn Thu – Hình: Hoàng Kha</p>\" } ],\n"
    "  \"subjects\": [ { \"name\": \"Thời sự\", \"rel\": \"category\" },\n"
    "                  { \"name\": \"Nông thôn mới\" }, { \"name\": \"Mỹ Quí\", \"rel\": \"about\" } ],\n"
    "  \"by\": \"Nguyễn Thu\",\n"
    "  \"located\": \"Đồng Tháp\",\n"
    "  \"slugline\": \"my-qui\",\n"
    "  \"urgency\": 3,\n"
    "  \"embargoed\": \"2023-02-17T08:00:00+07:00\",\n"
    "  \"ednote\": \"Kiểm tra tên\"\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = import_string (text, BYLINE_IMPORT_FORMAT_AUTO, "item.json", &error);
  g_autofree char *body = NULL;

  g_assert_no_error (error);
  body = dump_body (article);
  g_assert_cmpstr (byline_article_get_title (article), ==, "Tiêu đề chính");
  g_assert_cmpstr (byline_article_get_lead (article), ==, "Sa pô");
  g_assert_cmpstr (body, ==, "H2 Mục\nP Đoạn một. [a 5-8 https://a.vn]\n");
  g_assert_cmpstr (byline_article_get_category (article), ==, "Thời sự");
  assert_strv (byline_article_get_tags (article), "Nông thôn mới|Mỹ Quí");
  /* "by" names the writer; the body's credit line adds the photographer
   * and is not left as a paragraph. */
  assert_strv (byline_article_get_writers (article), "Nguyễn Thu");
  assert_strv (byline_article_get_photographers (article), "Hoàng Kha");
  g_assert_cmpstr (byline_article_get_language (article), ==, "vi");
  g_assert_cmpstr (byline_article_get_dateline (article), ==, "Đồng Tháp");
  g_assert_cmpstr (byline_article_get_slugline (article), ==, "my-qui");
  g_assert_cmpuint (byline_article_get_priority (article), ==, 3);
  g_assert_cmpstr (byline_article_get_desk_note (article), ==, "Kiểm tra tên");
  g_assert_nonnull (byline_article_get_embargo (article));
  g_assert_true (g_date_time_to_unix (byline_article_get_embargo (article)) == 1676595600);
}

static void
test_ninjs_plain_and_flat (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) plain = NULL;
  g_autoptr(BylineArticle) flat = NULL;
  g_autofree char *body = NULL;

  plain = import_string ("{\"uri\":\"x\",\"headlines\":[{\"value\":\"Title\"}],"
                         "\"bodies\":[{\"value\":\"One\\nline two\\n\\nTwo\"}],"
                         "\"by\":\"By Ann Lee and Bo Chen\"}",
                         BYLINE_IMPORT_FORMAT_NINJS, NULL, &error);
  g_assert_no_error (error);
  body = dump_body (plain);
  g_assert_cmpstr (byline_article_get_title (plain), ==, "Title");
  g_assert_cmpstr (body, ==, "P One line two\nP Two\n");
  assert_strv (byline_article_get_writers (plain), "Ann Lee|Bo Chen");
  g_assert_null (byline_article_get_language (plain));

  /* ninjs 1.x, as some wires still send it. */
  flat = import_string ("{\"uri\":\"y\",\"headline\":\"Old\",\"body_html\":\"<p>A</p>\","
                        "\"description_text\":\"Lead\",\"byline\":\"BT: An – Ảnh: Bình\"}",
                        BYLINE_IMPORT_FORMAT_AUTO, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&body, g_free);
  body = dump_body (flat);
  g_assert_cmpstr (byline_article_get_title (flat), ==, "Old");
  g_assert_cmpstr (byline_article_get_lead (flat), ==, "Lead");
  g_assert_cmpstr (body, ==, "P A\n");
  assert_strv (byline_article_get_writers (flat), "An");
  assert_strv (byline_article_get_photographers (flat), "Bình");
}

static void
test_ninjs_errors (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"uri\":\"x\",\"a\":");

  assert_import_error ("{not json", 9, BYLINE_IMPORT_FORMAT_NINJS, NULL, BYLINE_IMPORT_ERROR_INVALID_JSON);
  assert_import_error ("{not json", 9, BYLINE_IMPORT_FORMAT_AUTO, "a.json", BYLINE_IMPORT_ERROR_INVALID_JSON);
  assert_import_error ("{}", 2, BYLINE_IMPORT_FORMAT_AUTO, "a.json", BYLINE_IMPORT_ERROR_NOT_NINJS);
  assert_import_error ("[1, 2]", 6, BYLINE_IMPORT_FORMAT_NINJS, NULL, BYLINE_IMPORT_ERROR_NOT_NINJS);
  assert_import_error ("{\"title\": \"x\"}", 14, BYLINE_IMPORT_FORMAT_NINJS, NULL, BYLINE_IMPORT_ERROR_NOT_NINJS);
  assert_import_error ("{\"uri\": \"x\"}", 12, BYLINE_IMPORT_FORMAT_NINJS, NULL, BYLINE_IMPORT_ERROR_EMPTY);

  /* Deep nesting is refused before JsonParser recurses into it. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_import_error (deep->str, deep->len, BYLINE_IMPORT_FORMAT_NINJS, NULL, BYLINE_IMPORT_ERROR_INVALID_JSON);
}

/* ---------------------------------------------------------------- round trips */

static GPtrArray *
sample_blocks (void)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  BylineBlock *block;

  block = byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Chiều ngày 16/02/2023, Đoàn công tác đến xã Mỹ Quí.");
  byline_block_add_mark (block, BYLINE_MARK_BOLD, 23, 36, NULL);
  byline_block_add_mark (block, BYLINE_MARK_ITALIC, 41, 50, NULL);
  byline_block_add_mark (block, BYLINE_MARK_LINK, 44, 50, "https://dongthap.gov.vn/?a=1&b=<2>");
  g_ptr_array_add (blocks, block);
  g_ptr_array_add (blocks, byline_block_new_heading (2, "Nhiệm vụ & giải pháp"));
  g_ptr_array_add (blocks, byline_block_new_list_item (FALSE, "Xây dựng NTM nâng cao"));
  g_ptr_array_add (blocks, byline_block_new_list_item (FALSE, "Chính quyền phục vụ"));
  g_ptr_array_add (blocks, byline_block_new_heading (3, "Kết quả"));
  g_ptr_array_add (blocks, byline_block_new_list_item (TRUE, "Thứ nhất"));
  g_ptr_array_add (blocks, byline_block_new_list_item (TRUE, "Thứ hai"));
  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_QUOTE, "Phải sâu sát cơ sở."));
  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Hết bài./."));
  return blocks;
}

static BylineArticle *
sample_article (void)
{
  BylineArticle *article = byline_article_new ();
  g_autoptr(GPtrArray) blocks = sample_blocks ();
  const char * const writers[] = { "Nguyễn Thu", "Lê Hoa", NULL };
  const char * const photographers[] = { "Hoàng Kha", NULL };
  const char * const tags[] = { "Nông thôn mới", "Mỹ Quí", NULL };

  byline_article_set_title (article, "Kiểm tra Chương trình hành động năm 2023");
  byline_article_set_lead (article, "Đoàn công tác làm việc với xã Mỹ Quí.");
  byline_article_set_category (article, "Tin tức");
  byline_article_set_tags (article, tags);
  byline_article_set_writers (article, writers);
  byline_article_set_photographers (article, photographers);
  byline_article_set_language (article, "vi");
  byline_article_set_blocks (article, blocks);
  return article;
}

static void
assert_same_blocks (BylineArticle *expected,
                    BylineArticle *actual)
{
  g_autofree char *expected_dump = dump_body (expected);
  g_autofree char *actual_dump = dump_body (actual);
  GPtrArray *a = byline_article_get_blocks (expected);
  GPtrArray *b = byline_article_get_blocks (actual);

  g_assert_cmpstr (actual_dump, ==, expected_dump);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_true (byline_block_equal (a->pdata[i], b->pdata[i]));
}

static void
assert_same_metadata (BylineArticle *expected,
                      BylineArticle *actual)
{
  g_autofree char *writers = g_strjoinv ("|", (GStrv) byline_article_get_writers (expected));
  g_autofree char *photographers = g_strjoinv ("|", (GStrv) byline_article_get_photographers (expected));

  g_assert_cmpstr (byline_article_get_title (actual), ==, byline_article_get_title (expected));
  g_assert_cmpstr (byline_article_get_lead (actual), ==, byline_article_get_lead (expected));
  g_assert_cmpstr (byline_article_get_language (actual), ==, "vi");
  assert_strv (byline_article_get_writers (actual), writers);
  assert_strv (byline_article_get_photographers (actual), photographers);
}

static void
test_round_trip_ninjs (void)
{
  g_autoptr(BylineArticle) article = sample_article ();
  g_autoptr(BylineArticle) imported = NULL;
  g_autoptr(GDateTime) embargo = g_date_time_new_utc (2023, 2, 17, 1, 0, 0);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tags = NULL;

  byline_article_set_dateline (article, "Đồng Tháp");
  byline_article_set_slugline (article, "my-qui-2023");
  byline_article_set_priority (article, 2);
  byline_article_set_desk_note (article, "Kiểm tra chức danh");
  byline_article_set_embargo (article, embargo);

  node = byline_render_ninjs (article, NULL);
  json = json_to_string (node, TRUE);
  imported = import_string (json, BYLINE_IMPORT_FORMAT_AUTO, "export.ninjs", &error);
  g_assert_no_error (error);

  assert_same_metadata (article, imported);
  assert_same_blocks (article, imported);
  g_assert_cmpstr (byline_article_get_category (imported), ==, "Tin tức");
  tags = g_strjoinv ("|", (GStrv) byline_article_get_tags (article));
  assert_strv (byline_article_get_tags (imported), tags);
  g_assert_cmpstr (byline_article_get_dateline (imported), ==, "Đồng Tháp");
  g_assert_cmpstr (byline_article_get_slugline (imported), ==, "my-qui-2023");
  g_assert_cmpuint (byline_article_get_priority (imported), ==, 2);
  g_assert_cmpstr (byline_article_get_desk_note (imported), ==, "Kiểm tra chức danh");
  g_assert_nonnull (byline_article_get_embargo (imported));
  g_assert_true (g_date_time_equal (byline_article_get_embargo (imported), embargo));
}

static void
test_round_trip_markdown (void)
{
  g_autoptr(BylineArticle) article = sample_article ();
  g_autoptr(BylineArticle) imported = NULL;
  g_autofree char *markdown = byline_render_markdown (article, NULL);
  g_autoptr(GError) error = NULL;

  imported = import_string (markdown, BYLINE_IMPORT_FORMAT_AUTO, "export.md", &error);
  g_assert_no_error (error);

  assert_same_metadata (article, imported);
  assert_same_blocks (article, imported);
}

static void
test_round_trip_text (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(BylineArticle) imported = NULL;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  const char * const writers[] = { "Nguyễn Thu", NULL };
  const char * const photographers[] = { "Hoàng Kha", "Vũ Lan", NULL };
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Đoạn một."));
  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Đoạn hai, dài hơn một chút."));
  byline_article_set_title (article, "Tiêu đề bài");
  byline_article_set_writers (article, writers);
  byline_article_set_photographers (article, photographers);
  byline_article_set_blocks (article, blocks);

  text = byline_render_text (article, NULL);
  imported = import_string (text, BYLINE_IMPORT_FORMAT_AUTO, "export.txt", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (byline_article_get_title (imported), ==, "Tiêu đề bài");
  assert_same_blocks (article, imported);
  assert_strv (byline_article_get_writers (imported), "Nguyễn Thu");
  assert_strv (byline_article_get_photographers (imported), "Hoàng Kha|Vũ Lan");
}

/* ---------------------------------------------------------------- errors */

static void
test_bad_input (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  g_autoptr(GBytes) latin1 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = NULL;

  assert_import_error (png, sizeof png - 1, BYLINE_IMPORT_FORMAT_AUTO, "photo.txt", BYLINE_IMPORT_ERROR_BINARY);
  assert_import_error ("a\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f\x10\x11", 14,
                       BYLINE_IMPORT_FORMAT_TEXT, NULL, BYLINE_IMPORT_ERROR_BINARY);
  assert_import_error ("", 0, BYLINE_IMPORT_FORMAT_AUTO, "empty.txt", BYLINE_IMPORT_ERROR_EMPTY);
  assert_import_error (" \n\t\r\n\xEF\xBB\xBF", 8, BYLINE_IMPORT_FORMAT_TEXT, NULL, BYLINE_IMPORT_ERROR_EMPTY);
  assert_import_error ("# \n\n", 4, BYLINE_IMPORT_FORMAT_MARKDOWN, NULL, BYLINE_IMPORT_ERROR_EMPTY);
  assert_import_error ("PK\x03\x04", 4, BYLINE_IMPORT_FORMAT_AUTO, "story.docx", BYLINE_IMPORT_ERROR_UNKNOWN_FORMAT);

  /* "Tiêu đề\nCà phê" in Latin-1: the message says where. */
  latin1 = g_bytes_new ("Ti\xEAu de\nC\xE0 ph\xEA", 14);
  article = byline_import_bytes (latin1, BYLINE_IMPORT_FORMAT_AUTO, "latin1.txt", &error);
  g_assert_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_INVALID_UTF8);
  g_assert_null (article);
  g_assert_nonnull (strstr (error->message, "line 1"));
  g_assert_nonnull (strstr (error->message, "byte 3"));
}

static void
test_utf16 (void)
{
  g_autofree char *utf16 = NULL;
  gsize written = 0;
  g_autoptr(GString) data = g_string_new_len ("\xFF\xFE", 2);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = NULL;

  utf16 = g_convert ("Tiêu đề\r\n\r\nĐoạn.\r\n", -1, "UTF-16LE", "UTF-8", NULL, &written, &error);
  g_assert_no_error (error);
  g_string_append_len (data, utf16, written);
  bytes = g_bytes_new (data->str, data->len);

  article = byline_import_bytes (bytes, BYLINE_IMPORT_FORMAT_AUTO, "notepad.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_title (article), ==, "Tiêu đề");
}

static void
test_auto_sniffing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) md = NULL;
  g_autoptr(BylineArticle) txt = NULL;
  g_autoptr(BylineArticle) json = NULL;
  g_autoptr(BylineArticle) forced = NULL;

  md = import_string ("# Title\n\nSome **bold** text.\n", BYLINE_IMPORT_FORMAT_AUTO, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_title (md), ==, "Title");

  txt = import_string ("# Not markdown by name\n\nText.\n", BYLINE_IMPORT_FORMAT_AUTO, "a.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_title (txt), ==, "# Not markdown by name");

  json = import_string ("  {\"uri\":\"u\",\"headlines\":[{\"value\":\"J\"}]}", BYLINE_IMPORT_FORMAT_AUTO, "x.dat", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_title (json), ==, "J");

  forced = import_string ("Plain headline\n\nA 2 * 3 text.\n", BYLINE_IMPORT_FORMAT_AUTO, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_title (forced), ==, "Plain headline");
  g_assert_cmpstr (byline_block_get_text (byline_article_get_blocks (forced)->pdata[0]), ==, "A 2 * 3 text.");
}

/* ---------------------------------------------------------------- files */

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static BylineArticle *
import_file (GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  byline_import_file_async (file, BYLINE_IMPORT_FORMAT_AUTO, cancellable, import_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return byline_import_file_finish (result, error);
}

static void
test_file_async (void)
{
  g_autofree char *dir = g_dir_make_tmp ("byline-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "story.md", NULL);
  g_autofree char *big_path = g_build_filename (dir, "big.txt", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) big = g_file_new_for_path (big_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(BylineArticle) none = NULL;
  FILE *stream;

  g_file_set_contents (path, "# Tiêu đề\n\nĐoạn *một*.\n", -1, &error);
  g_assert_no_error (error);
  article = import_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_article_get_title (article), ==, "Tiêu đề");

  /* 21 MB: refused before it is read. */
  stream = g_fopen (big_path, "w");
  g_assert_nonnull (stream);
  g_assert_cmpint (fseek (stream, 21 * 1024 * 1024 - 1, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('x', stream), ==, 'x');
  fclose (stream);
  none = import_file (big, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_null (none);
  g_clear_error (&error);

  none = import_file (missing, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (none);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  none = import_file (file, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (none);
  g_clear_error (&error);

  g_unlink (path);
  g_unlink (big_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/import/text/seed", test_text_seed);
  g_test_add_func ("/import/text/plain", test_text_plain);
  g_test_add_func ("/import/text/headline-first-line", test_text_headline_only_first_line);
  g_test_add_func ("/import/text/clutter-kept", test_text_clutter_kept_when_not_repeated);
  g_test_add_func ("/import/text/credit-positions", test_text_credit_positions);
  g_test_add_func ("/import/credit/variants", test_credit_line_variants);
  g_test_add_func ("/import/markdown/features", test_markdown_features);
  g_test_add_func ("/import/markdown/edge-cases", test_markdown_edge_cases);
  g_test_add_func ("/import/markdown/hostile", test_markdown_hostile);
  g_test_add_func ("/import/ninjs/sample", test_ninjs_sample);
  g_test_add_func ("/import/ninjs/plain-and-flat", test_ninjs_plain_and_flat);
  g_test_add_func ("/import/ninjs/errors", test_ninjs_errors);
  g_test_add_func ("/import/round-trip/ninjs", test_round_trip_ninjs);
  g_test_add_func ("/import/round-trip/markdown", test_round_trip_markdown);
  g_test_add_func ("/import/round-trip/text", test_round_trip_text);
  g_test_add_func ("/import/errors/bad-input", test_bad_input);
  g_test_add_func ("/import/errors/utf16", test_utf16);
  g_test_add_func ("/import/auto", test_auto_sniffing);
  g_test_add_func ("/import/file/async", test_file_async);

  return g_test_run ();
}
