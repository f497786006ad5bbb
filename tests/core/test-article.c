/* test-article.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "byline-article.h"

#define PHOTO_A "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
#define PHOTO_B "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"
#define UUID "3f2b8c1e-6a4d-4e2f-9b7a-0c5d1e2f3a4b"

/* From the seed article (/work/shared/seed-article.txt). */
#define SEED_TITLE "Kiểm tra Chương trình hành động của Huyện ủy năm 2023 tại xã Mỹ Quí"
#define SEED_P1 "Chiều ngày 16/02/2023, Đoàn công tác của Ban Thường vụ Huyện ủy Tháp Mười " \
  "do đồng chí Nguyễn Văn Vũ Minh, Tỉnh ủy viên, Bí thư Huyện ủy làm trưởng đoàn đến làm " \
  "việc với xã Mỹ Quí về triển khai thực hiện nhiệm vụ chính trị năm 2023."

/* Decomposed "Mỹ Quí" (y + combining tilde, i + combining acute). */
#define MY_QUI_NFD "My\xcc\x83 Qui\xcc\x81"

typedef struct
{
  BylineArticle *article;
  guint          changed;
} Fixture;

static void
changed_cb (BylineArticle *article,
            Fixture       *fixture)
{
  fixture->changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->article = byline_article_new ();
  fixture->changed = 0;
  g_signal_connect (fixture->article, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->article);
}

static BylinePhoto *
make_photo (const char *id,
            const char *caption,
            const char *creator)
{
  BylinePhoto *photo = byline_photo_new (id, "jpg");

  byline_photo_set_caption (photo, caption);
  byline_photo_set_creator (photo, creator);
  return photo;
}

static BylineArticle *
make_full_article (void)
{
  BylineArticle *article = byline_article_new ();
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  g_autoptr(BylinePhoto) a = make_photo (PHOTO_A, "Đoàn công tác làm việc tại xã " MY_QUI_NFD, "Hoàng Kha");
  g_autoptr(BylinePhoto) b = make_photo (PHOTO_B, NULL, NULL);
  g_autoptr(GDateTime) embargo = g_date_time_new_utc (2023, 2, 17, 1, 30, 0);
  const char *tags[] = { "Tháp Mười", "Nông thôn mới", NULL };
  const char *writers[] = { "Nguyễn Thu", NULL };
  const char *photographers[] = { "Hoàng Kha", NULL };
  BylineBlock *block;

  byline_article_set_title (article, SEED_TITLE);
  byline_article_set_lead (article, "Đảng ủy xã " MY_QUI_NFD " đã chủ động xây dựng kế hoạch.");
  block = byline_block_new (BYLINE_BLOCK_PARAGRAPH, SEED_P1);
  byline_block_add_mark (block, BYLINE_MARK_BOLD, 0, 21, NULL);
  byline_block_add_mark (block, BYLINE_MARK_ITALIC, 10, 30, NULL);
  byline_block_add_mark (block, BYLINE_MARK_LINK, 88, 108, "https://example.com/?a=1&b=\"2\"");
  g_ptr_array_add (blocks, block);
  g_ptr_array_add (blocks, byline_block_new_heading (2, "Năm nhiệm vụ đột phá"));
  g_ptr_array_add (blocks, byline_block_new_heading (3, "Nông nghiệp"));
  g_ptr_array_add (blocks, byline_block_new_list_item (TRUE, "Mã vùng trồng lúa tại HTX Phước Tiến"));
  g_ptr_array_add (blocks, byline_block_new_list_item (FALSE, "NTM nâng cao"));
  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_QUOTE, "Không để trễ hẹn."));
  g_ptr_array_add (blocks, byline_block_new_photo (PHOTO_A));
  byline_article_set_blocks (article, blocks);
  byline_article_set_category (article, "Tin tức");
  byline_article_set_tags (article, tags);
  byline_article_set_writers (article, writers);
  byline_article_set_photographers (article, photographers);
  byline_article_set_dateline (article, "Tháp Mười");
  byline_article_set_language (article, "vi");
  byline_article_set_site (article, "site-1");
  byline_article_set_slugline (article, "thap-muoi-kiem-tra");
  byline_article_set_priority (article, 3);
  byline_article_set_embargo (article, embargo);
  byline_article_set_desk_note (article, "Chờ ảnh <gốc> & chú thích");
  byline_photo_set_alt_text (a, "Đoàn \"công tác\"");
  byline_photo_set_credit_line (a, "Báo Đồng Tháp");
  byline_photo_set_copyright (a, "© 2023 Báo Đồng Tháp");
  byline_photo_set_source (a, "BĐT");
  byline_photo_set_date_created (a, "2023-02-16");
  byline_photo_set_city (a, "Tháp Mười");
  byline_photo_set_mime_type (a, "image/jpeg");
  byline_photo_set_original_name (a, "DSC_0042.JPG");
  byline_photo_set_size (a, 4000, 3000);
  byline_photo_set_media_id (a, 812);
  byline_photo_set_media_url (a, "https://example.com/wp-content/uploads/a.jpg");
  byline_article_add_photo (article, a);
  byline_article_add_photo (article, b);
  byline_article_set_featured_photo (article, PHOTO_B);
  byline_article_set_remote (article, "site-1", 4711, "https://example.com/?p=4711",
                             "2023-02-16T10:00:00", "9f86d081884c7d65", "draft");

  return article;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static void
test_article_round_trip (void)
{
  g_autoptr(BylineArticle) article = make_full_article ();
  g_autoptr(BylineArticle) back = NULL;
  g_autoptr(BylineArticle) again = NULL;
  g_autoptr(GBytes) first = byline_article_to_bytes (article);
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) third = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = bytes_to_string (first);
  gboolean newer = TRUE;
  BylinePhoto *photo;

  g_test_message ("%s", text);
  g_assert_true (g_str_has_suffix (text, "}\n"));
  g_assert_null (strstr (text, "null"));
  g_assert_null (strstr (text, MY_QUI_NFD));
  g_assert_nonnull (strstr (text, "Mỹ Quí"));

  back = byline_article_new_from_bytes (first, &newer, &error);
  g_assert_no_error (error);
  g_assert_false (newer);
  second = byline_article_to_bytes (back);
  g_assert_true (g_bytes_equal (first, second));

  again = byline_article_new_from_bytes (second, NULL, &error);
  g_assert_no_error (error);
  third = byline_article_to_bytes (again);
  g_assert_true (g_bytes_equal (second, third));

  g_assert_cmpstr (byline_article_get_id (back), ==, byline_article_get_id (article));
  g_assert_true (g_date_time_equal (byline_article_get_modified (back),
                                    byline_article_get_modified (article)));
  g_assert_cmpstr (byline_article_get_title (back), ==, SEED_TITLE);
  g_assert_cmpuint (byline_article_get_priority (back), ==, 3);
  g_assert_cmpstr (byline_article_get_tags (back)[1], ==, "Nông thôn mới");
  g_assert_cmpstr (byline_article_get_featured_photo (back), ==, PHOTO_B);
  g_assert_cmpint (byline_article_get_remote_post_id (back), ==, 4711);
  g_assert_cmpstr (byline_article_get_remote_site (back), ==, "site-1");
  g_assert_cmpstr (byline_article_get_remote_digest (back), ==, "9f86d081884c7d65");
  g_assert_cmpstr (byline_article_get_remote_status (back), ==, "draft");
  g_assert_cmpuint (byline_article_get_blocks (back)->len, ==, 7);
  for (guint i = 0; i < 7; i++)
    g_assert_true (byline_block_equal (g_ptr_array_index (byline_article_get_blocks (back), i),
                                       g_ptr_array_index (byline_article_get_blocks (article), i)));
  photo = byline_article_find_photo (back, PHOTO_A);
  g_assert_nonnull (photo);
  g_assert_cmpstr (byline_photo_get_caption (photo), ==, "Đoàn công tác làm việc tại xã Mỹ Quí");
  g_assert_cmpint (byline_photo_get_media_id (photo), ==, 812);
  g_assert_cmpuint (byline_photo_get_width (photo), ==, 4000);
}

/* The snapshot the store serialises in a worker: the same JSON, and a
 * later edit of the original (a caption, the body) does not reach it. */
static void
test_article_snapshot (void)
{
  g_autoptr(BylineArticle) article = make_full_article ();
  g_autoptr(BylineArticle) snapshot = byline_article_dup_snapshot (article);
  g_autoptr(GBytes) before = byline_article_to_bytes (article);
  g_autoptr(GBytes) copied = byline_article_to_bytes (snapshot);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(BylineArticle) future = NULL;
  g_autoptr(BylineArticle) future_copy = NULL;
  g_autoptr(GBytes) future_bytes = NULL;
  g_autoptr(GBytes) future_copied = NULL;
  const char *json = "{\"version\":2,\"id\":\"" UUID "\",\"reactions\":{\"like\":3}}";

  g_assert_true (g_bytes_equal (before, copied));
  g_assert_true (g_date_time_equal (byline_article_get_modified (snapshot),
                                    byline_article_get_modified (article)));

  byline_photo_set_caption (byline_article_find_photo (article, PHOTO_A), "Chú thích mới");
  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Thân bài khác"));
  byline_article_set_blocks (article, blocks);
  byline_article_set_title (article, "Tít khác");
  after = byline_article_to_bytes (snapshot);
  g_assert_true (g_bytes_equal (copied, after));
  g_assert_cmpstr (byline_photo_get_caption (byline_article_find_photo (snapshot, PHOTO_A)), ==,
                   "Đoàn công tác làm việc tại xã Mỹ Quí");

  /* Members of a newer schema go along, as a copy. */
  future_bytes = g_bytes_new_static (json, strlen (json));
  future = byline_article_new_from_bytes (future_bytes, NULL, NULL);
  g_assert_nonnull (future);
  future_copy = byline_article_dup_snapshot (future);
  g_clear_pointer (&future_bytes, g_bytes_unref);
  future_bytes = byline_article_to_bytes (future);
  future_copied = byline_article_to_bytes (future_copy);
  g_assert_true (g_bytes_equal (future_bytes, future_copied));
  node = byline_article_to_json (future_copy);
  g_assert_true (json_object_has_member (json_node_get_object (node), "reactions"));
}

static void
test_article_absent_fields (void)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  const char *empty[] = { "", NULL };

  byline_article_set_title (article, "");
  byline_article_set_lead (article, NULL);
  byline_article_set_tags (article, empty);
  node = byline_article_to_json (article);
  object = json_node_get_object (node);

  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (object, "id")));
  g_assert_true (json_object_has_member (object, "created"));
  g_assert_cmpint (json_object_get_int_member (object, "priority"), ==, 5);
  g_assert_cmpuint (json_object_get_size (object), ==, 5);
  g_assert_null (byline_article_get_title (article));
  g_assert_nonnull (byline_article_get_tags (article));
  g_assert_null (byline_article_get_tags (article)[0]);

  bytes = byline_article_to_bytes (article);
  text = bytes_to_string (bytes);
  g_assert_null (strstr (text, "null"));
}

static void
test_article_nfc (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *writers[] = { "Nguye\xcc\x82\xcc\x83n Thu", " ", "Nguyễn Thu", NULL };

  byline_article_set_title (fixture->article, "Xã " MY_QUI_NFD);
  g_assert_cmpstr (byline_article_get_title (fixture->article), ==, "Xã Mỹ Quí");

  /* Decomposed and composed spellings are the same writer. */
  byline_article_set_writers (fixture->article, writers);
  g_assert_cmpuint (g_strv_length ((char **) byline_article_get_writers (fixture->article)), ==, 1);
  g_assert_cmpstr (byline_article_get_writers (fixture->article)[0], ==, "Nguyễn Thu");

  /* Invalid UTF-8 is repaired, not refused. */
  byline_article_set_lead (fixture->article, "Qu\xed");
  g_assert_true (g_utf8_validate (byline_article_get_lead (fixture->article), -1, NULL));
}

static void
test_article_changed_once (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GDateTime) before = g_date_time_ref (byline_article_get_modified (fixture->article));
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  g_autoptr(GPtrArray) same = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  g_autoptr(BylinePhoto) photo = make_photo (PHOTO_A, "Chú thích", "Hoàng Kha");

  byline_article_set_title (fixture->article, "Mỹ Quí");
  g_assert_cmpuint (fixture->changed, ==, 1);
  g_assert_true (g_date_time_compare (byline_article_get_modified (fixture->article), before) >= 0);

  /* Same text, typed decomposed: no change. */
  byline_article_set_title (fixture->article, MY_QUI_NFD);
  g_assert_cmpuint (fixture->changed, ==, 1);
  byline_article_set_priority (fixture->article, 5);
  g_assert_cmpuint (fixture->changed, ==, 1);
  byline_article_set_lead (fixture->article, "");
  g_assert_cmpuint (fixture->changed, ==, 1);

  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Một"));
  g_ptr_array_add (same, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Một"));
  byline_article_set_blocks (fixture->article, blocks);
  g_assert_cmpuint (fixture->changed, ==, 2);
  byline_article_set_blocks (fixture->article, same);
  g_assert_cmpuint (fixture->changed, ==, 2);

  g_assert_true (byline_article_add_photo (fixture->article, photo));
  g_assert_cmpuint (fixture->changed, ==, 3);
  g_assert_false (byline_article_add_photo (fixture->article, photo));
  g_assert_cmpuint (fixture->changed, ==, 3);

  /* A photo's edits are the article's. */
  byline_photo_set_caption (photo, "Chú thích mới");
  g_assert_cmpuint (fixture->changed, ==, 4);
  byline_photo_set_caption (photo, "Chú thích mới");
  g_assert_cmpuint (fixture->changed, ==, 4);

  byline_article_set_remote (fixture->article, "site-1", 12, "https://example.com/?p=12", "2023-01-01T00:00:00", NULL, "draft");
  g_assert_cmpuint (fixture->changed, ==, 5);
  byline_article_set_remote (fixture->article, "site-1", 12, "https://example.com/?p=12", "2023-01-01T00:00:00", NULL, "draft");
  g_assert_cmpuint (fixture->changed, ==, 5);

  /* Removing the photo also removes nothing else but still one signal. */
  g_assert_true (byline_article_remove_photo (fixture->article, PHOTO_A));
  g_assert_cmpuint (fixture->changed, ==, 6);
  byline_photo_set_caption (photo, "Không còn trong bài");
  g_assert_cmpuint (fixture->changed, ==, 6);
}

static void
test_article_photos (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BylinePhoto) a = make_photo (PHOTO_A, NULL, NULL);
  g_autoptr(BylinePhoto) b = make_photo (PHOTO_B, NULL, NULL);
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  GPtrArray *body;

  g_assert_null (byline_article_get_featured_photo (fixture->article));
  byline_article_add_photo (fixture->article, a);
  byline_article_add_photo (fixture->article, b);
  g_assert_cmpstr (byline_article_get_featured_photo (fixture->article), ==, PHOTO_A);

  g_ptr_array_add (blocks, byline_block_new_photo (PHOTO_A));
  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Giữa"));
  g_ptr_array_add (blocks, byline_block_new_photo (PHOTO_B));
  g_ptr_array_add (blocks, byline_block_new_photo (PHOTO_A));
  byline_article_set_blocks (fixture->article, blocks);
  fixture->changed = 0;

  g_assert_true (byline_article_move_photo (fixture->article, PHOTO_B, 0));
  g_assert_cmpuint (fixture->changed, ==, 1);
  g_assert_cmpstr (byline_article_get_featured_photo (fixture->article), ==, PHOTO_B);
  g_assert_false (byline_article_move_photo (fixture->article, PHOTO_B, 0));
  g_assert_cmpuint (fixture->changed, ==, 1);

  byline_article_set_featured_photo (fixture->article, PHOTO_A);
  g_assert_cmpuint (fixture->changed, ==, 2);
  g_assert_true (byline_article_remove_photo (fixture->article, PHOTO_A));
  g_assert_cmpuint (fixture->changed, ==, 3);
  g_assert_false (byline_article_remove_photo (fixture->article, PHOTO_A));
  g_assert_cmpstr (byline_article_get_featured_photo (fixture->article), ==, PHOTO_B);
  g_assert_null (byline_article_find_photo (fixture->article, PHOTO_A));

  body = byline_article_get_blocks (fixture->article);
  g_assert_cmpuint (body->len, ==, 2);
  g_assert_cmpstr (byline_block_get_text (g_ptr_array_index (body, 0)), ==, "Giữa");
  g_assert_cmpstr (byline_block_get_photo_id (g_ptr_array_index (body, 1)), ==, PHOTO_B);
}

static void
test_article_words (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  g_autofree char *body = NULL;

  byline_article_set_title (fixture->article, SEED_TITLE);
  byline_article_set_lead (fixture->article, "Ngày 16/02/2023 – tại xã.");
  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Mỹ Quí, Tháp Mười."));
  g_ptr_array_add (blocks, byline_block_new_photo (PHOTO_A));
  g_ptr_array_add (blocks, byline_block_new_list_item (FALSE, "NTM"));
  byline_article_set_blocks (fixture->article, blocks);

  body = byline_article_dup_body_text (fixture->article);
  g_assert_cmpstr (body, ==, "Mỹ Quí, Tháp Mười.\n\nNTM");
  /* 15 syllables + "Ngày", "16/02/2023", "tại", "xã" + 4 + 1 */
  g_assert_cmpuint (byline_article_count_words (fixture->article), ==, 15 + 4 + 4 + 1);
}

static void
assert_invalid (const char *json,
                const char *needle)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = NULL;
  gboolean newer = TRUE;

  article = byline_article_new_from_bytes (bytes, &newer, &error);
  g_assert_null (article);
  g_assert_false (newer);
  g_assert_error (error, BYLINE_ARTICLE_ERROR, BYLINE_ARTICLE_ERROR_INVALID);
  g_test_message ("%s → %s", json, error->message);
  g_assert_nonnull (strstr (error->message, needle));
}

static void
test_article_invalid (void)
{
  assert_invalid ("", "empty");
  assert_invalid ("{\"version\":1,", "not JSON");
  assert_invalid ("[1,2]", "not a JSON object");
  assert_invalid ("{\"id\":\"" UUID "\"}", "“version” is missing");
  assert_invalid ("{\"version\":\"1\",\"id\":\"" UUID "\"}", "“version” must be an integer");
  assert_invalid ("{\"version\":1}", "“id” must be a UUID");
  assert_invalid ("{\"version\":1,\"id\":\"../../etc\"}", "“id” must be a UUID");
  assert_invalid ("{\"version\":1,\"id\":\"" UUID "/x\"}", "“id” must be a UUID");
  assert_invalid ("{\"version\":1,\"id\":\"" UUID "\",\"title\":42}", "“title” must be a string");
  assert_invalid ("{\"version\":1,\"id\":\"" UUID "\",\"tags\":\"a\"}", "“tags” must be an array");
  assert_invalid ("{\"version\":1,\"id\":\"" UUID "\",\"writers\":[\"a\",1]}", "“writers” must be an array of strings");
  assert_invalid ("{\"version\":1,\"id\":\"" UUID "\",\"priority\":12}", "“priority” must be between 0 and 9");
  assert_invalid ("{\"version\":1,\"id\":\"" UUID "\",\"created\":\"yesterday\"}", "“created” must be an ISO 8601");
  assert_invalid ("{\"version\":1,\"id\":\"" UUID "\",\"body\":{}}", "“body” must be an array");
  assert_invalid ("{\"version\":1,\"id\":\"" UUID "\",\"body\":[{\"type\":\"paragraph\",\"text\":[]}]}",
                  "“body[0].text”");
  assert_invalid ("{\"version\":1,\"id\":\"" UUID "\",\"photos\":[{\"id\":\"abc\",\"extension\":\"jpg\"}]}",
                  "“photos[0].id”");
  assert_invalid ("{\"version\":1,\"id\":\"" UUID "\",\"photos\":[{\"id\":\"" PHOTO_A "\",\"extension\":\"../x\"}]}",
                  "“photos[0].extension”");
  assert_invalid ("{\"version\":1,\"id\":\"" UUID "\",\"photos\":[{\"id\":\"" PHOTO_A "\",\"extension\":\"jpg\",\"width\":\"4000\"}]}",
                  "“photos[0].width” must be an integer");
  assert_invalid ("{\"version\":1,\"id\":\"" UUID "\",\"remote\":{\"post_id\":\"12\"}}",
                  "“remote.post_id” must be an integer");
}

static void
test_article_newer_version (void)
{
  const char *json =
    "{\"version\":2,\"id\":\"" UUID "\",\"title\":\"Tương lai\","
    "\"body\":[{\"type\":\"table\",\"rows\":[]},{\"type\":\"paragraph\",\"text\":\"Đoạn\","
    "\"marks\":[{\"type\":\"strike\",\"start\":0,\"end\":2},{\"type\":\"bold\",\"start\":0,\"end\":2}]}],"
    "\"reactions\":{\"like\":3},\"x_list\":[1,2]}";
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  gboolean newer = FALSE;

  article = byline_article_new_from_bytes (bytes, &newer, &error);
  g_assert_no_error (error);
  g_assert_true (newer);
  g_assert_cmpstr (byline_article_get_title (article), ==, "Tương lai");
  g_assert_cmpuint (byline_article_get_blocks (article)->len, ==, 1);
  g_assert_cmpuint (byline_block_get_n_marks (g_ptr_array_index (byline_article_get_blocks (article), 0)), ==, 1);

  node = byline_article_to_json (article);
  object = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "reactions"), "like"), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "x_list")), ==, 2);
}

static void
test_article_unknown_members_tolerated (void)
{
  const char *json =
    "{\"version\":1,\"id\":\"" UUID "\",\"title\":\"Mỹ Quí\",\"nonsense\":true,"
    "\"photos\":[{\"id\":\"" PHOTO_A "\",\"extension\":\"jpg\",\"future\":1}],"
    "\"featured_photo\":\"" PHOTO_B "\"}";
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineArticle) article = NULL;
  gboolean newer = TRUE;

  article = byline_article_new_from_bytes (bytes, &newer, &error);
  g_assert_no_error (error);
  g_assert_false (newer);
  /* A featured photo that is not among the photos falls back to the first. */
  g_assert_cmpstr (byline_article_get_featured_photo (article), ==, PHOTO_A);
  /* Dates missing from a hand-written file: now. */
  g_assert_nonnull (byline_article_get_created (article));
}

static void
test_article_blocks_sealed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  g_autoptr(GPtrArray) edited = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  BylineBlock *block = byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Mỹ Quí");
  BylineBlock *copy;

  g_ptr_array_add (blocks, block);
  byline_article_set_blocks (fixture->article, blocks);
  g_assert_cmpuint (fixture->changed, ==, 1);

  /* Editing a block in place would change the article silently. */
  g_test_expect_message ("Byline", G_LOG_LEVEL_CRITICAL, "*!self->sealed*");
  byline_block_add_mark (block, BYLINE_MARK_BOLD, 0, 2, NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (byline_block_get_n_marks (block), ==, 0);

  copy = byline_block_copy (block);
  byline_block_add_mark (copy, BYLINE_MARK_BOLD, 0, 2, NULL);
  g_ptr_array_add (edited, copy);
  byline_article_set_blocks (fixture->article, edited);
  g_assert_cmpuint (fixture->changed, ==, 2);
  g_assert_cmpuint (byline_block_get_n_marks (g_ptr_array_index (byline_article_get_blocks (fixture->article), 0)), ==, 1);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_article_properties (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(BylinePhoto) photo = make_photo (PHOTO_A, NULL, NULL);
  g_autoptr(BylinePhoto) second = make_photo (PHOTO_B, NULL, NULL);
  g_autofree char *title = NULL;
  g_auto(GStrv) tags = NULL;
  guint title_notified = 0;
  guint featured_notified = 0;
  guint modified_notified = 0;
  const char *new_tags[] = { "Tháp Mười", NULL };

  g_signal_connect (fixture->article, "notify::title", G_CALLBACK (notify_count_cb), &title_notified);
  g_signal_connect (fixture->article, "notify::featured-photo", G_CALLBACK (notify_count_cb), &featured_notified);
  g_signal_connect (fixture->article, "notify::modified", G_CALLBACK (notify_count_cb), &modified_notified);

  g_object_set (fixture->article, "title", "Tiêu đề", "desk-note", "Ghi chú", "tags", new_tags, NULL);
  g_assert_cmpuint (title_notified, ==, 1);
  g_assert_cmpuint (fixture->changed, ==, 3);
  g_assert_cmpstr (byline_article_get_desk_note (fixture->article), ==, "Ghi chú");
  g_object_set (fixture->article, "title", "Tiêu đề", NULL);
  g_assert_cmpuint (title_notified, ==, 1);

  g_object_get (fixture->article, "title", &title, "tags", &tags, NULL);
  g_assert_cmpstr (title, ==, "Tiêu đề");
  g_assert_cmpstr (tags[0], ==, "Tháp Mười");
  /* g_object_set() freezes notify: "modified" is notified once. */
  g_assert_cmpuint (modified_notified, ==, 1);

  byline_article_add_photo (fixture->article, photo);
  g_assert_cmpuint (featured_notified, ==, 1);
  byline_article_add_photo (fixture->article, second);
  g_assert_cmpuint (featured_notified, ==, 1);
  g_object_set (fixture->article, "featured-photo", PHOTO_B, NULL);
  g_assert_cmpuint (featured_notified, ==, 2);
}

/* Every member of a full article, given a value of the wrong type, is
 * refused with an error that names it. */
/* json_node_copy() shares the object: a real copy goes through text. */
static JsonNode *
deep_copy (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  return json_from_string (text, NULL);
}

static void
test_article_every_wrong_type (void)
{
  g_autoptr(BylineArticle) article = make_full_article ();
  g_autoptr(JsonNode) good = byline_article_to_json (article);
  g_autoptr(GList) members = json_object_get_members (json_node_get_object (good));
  guint n_checked = 0;

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      g_autoptr(JsonNode) bad = deep_copy (good);
      g_autoptr(BylineArticle) loaded = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *quoted = g_strdup_printf ("“%s”", member);

      /* true is a valid value for none of them. */
      json_object_set_boolean_member (json_node_get_object (bad), member, TRUE);
      loaded = byline_article_new_from_json (bad, NULL, &error);
      g_assert_null (loaded);
      g_assert_error (error, BYLINE_ARTICLE_ERROR, BYLINE_ARTICLE_ERROR_INVALID);
      g_test_message ("%s: %s", member, error->message);
      g_assert_nonnull (strstr (error->message, quoted));
      n_checked++;
    }

  g_assert_cmpuint (n_checked, ==, 21);
}

static void
test_article_every_photo_wrong_type (void)
{
  g_autoptr(BylineArticle) article = make_full_article ();
  BylinePhoto *photo = byline_article_find_photo (article, PHOTO_A);
  g_autoptr(JsonNode) good = byline_photo_to_json (photo);
  g_autoptr(GList) members = json_object_get_members (json_node_get_object (good));

  g_assert_cmpuint (g_list_length (members), ==, 16);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autoptr(JsonNode) bad = deep_copy (good);
      g_autoptr(BylinePhoto) loaded = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *quoted = g_strdup_printf ("“photo.%s”", (const char *) l->data);

      json_object_set_array_member (json_node_get_object (bad), l->data, json_array_new ());
      loaded = byline_photo_new_from_json (json_node_get_object (bad), &error);
      g_assert_null (loaded);
      g_assert_error (error, BYLINE_ARTICLE_ERROR, BYLINE_ARTICLE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, quoted));
    }
}

/* A file cut short by a crash of another program, or a full disk: never a
 * crash, always an error. */
static void
test_article_truncated (void)
{
  g_autoptr(BylineArticle) article = make_full_article ();
  g_autoptr(GBytes) bytes = byline_article_to_bytes (article);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  for (gsize len = 0; len < size - 2; len += 7)
    {
      g_autoptr(GBytes) cut = g_bytes_new (data, len);
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineArticle) loaded = byline_article_new_from_bytes (cut, NULL, &error);

      g_assert_null (loaded);
      g_assert_error (error, BYLINE_ARTICLE_ERROR, BYLINE_ARTICLE_ERROR_INVALID);
    }
}

static void
test_article_photo_new_invalid (void)
{
  g_test_expect_message ("Byline", G_LOG_LEVEL_CRITICAL, "*byline_photo_id_is_valid*");
  g_assert_null (byline_photo_new ("9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08", "jpg"));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Byline", G_LOG_LEVEL_CRITICAL, "*extension_is_valid*");
  g_assert_null (byline_photo_new (PHOTO_A, "jpeg/../x"));
  g_test_assert_expected_messages ();

  g_test_expect_message ("Byline", G_LOG_LEVEL_CRITICAL, "*extension_is_valid*");
  g_assert_null (byline_photo_new (PHOTO_A, "JPG"));
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/article/json/round-trip", test_article_round_trip);
  g_test_add_func ("/article/json/snapshot", test_article_snapshot);
  g_test_add_func ("/article/json/absent-fields", test_article_absent_fields);
  g_test_add_func ("/article/json/invalid", test_article_invalid);
  g_test_add_func ("/article/json/newer-version", test_article_newer_version);
  g_test_add_func ("/article/json/unknown-members", test_article_unknown_members_tolerated);
  g_test_add_func ("/article/json/every-wrong-type", test_article_every_wrong_type);
  g_test_add_func ("/article/json/every-photo-wrong-type", test_article_every_photo_wrong_type);
  g_test_add_func ("/article/json/truncated", test_article_truncated);
  g_test_add_func ("/article/photo-new-invalid", test_article_photo_new_invalid);
  g_test_add ("/article/blocks-sealed", Fixture, NULL, fixture_set_up, test_article_blocks_sealed, fixture_tear_down);
  g_test_add ("/article/properties", Fixture, NULL, fixture_set_up, test_article_properties, fixture_tear_down);
  g_test_add ("/article/nfc", Fixture, NULL, fixture_set_up, test_article_nfc, fixture_tear_down);
  g_test_add ("/article/changed-once", Fixture, NULL, fixture_set_up, test_article_changed_once, fixture_tear_down);
  g_test_add ("/article/photos", Fixture, NULL, fixture_set_up, test_article_photos, fixture_tear_down);
  g_test_add ("/article/words", Fixture, NULL, fixture_set_up, test_article_words, fixture_tear_down);

  return g_test_run ();
}
