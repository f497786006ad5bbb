/* test-cms-wordpress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The WordPress backend against a real WordPress 6.1: the testbed of
 * tests/wordpress/testbed, started by tools/test. Without it every test
 * fails: a missing server is not a pass.
 */

#include "config.h"

#include <string.h>

#include "byline-cms-wordpress.h"
#include "wp-testbed.h"

/* An 8×8 red JPEG, made with ImageMagick: core has no image library. */
static const guint8 tiny_jpeg[] = {
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01,
  0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xdb, 0x00, 0x43,
  0x00, 0x10, 0x0b, 0x0c, 0x0e, 0x0c, 0x0a, 0x10, 0x0e, 0x0d, 0x0e, 0x12,
  0x11, 0x10, 0x13, 0x18, 0x28, 0x1a, 0x18, 0x16, 0x16, 0x18, 0x31, 0x23,
  0x25, 0x1d, 0x28, 0x3a, 0x33, 0x3d, 0x3c, 0x39, 0x33, 0x38, 0x37, 0x40,
  0x48, 0x5c, 0x4e, 0x40, 0x44, 0x57, 0x45, 0x37, 0x38, 0x50, 0x6d, 0x51,
  0x57, 0x5f, 0x62, 0x67, 0x68, 0x67, 0x3e, 0x4d, 0x71, 0x79, 0x70, 0x64,
  0x78, 0x5c, 0x65, 0x67, 0x63, 0xff, 0xdb, 0x00, 0x43, 0x01, 0x11, 0x12,
  0x12, 0x18, 0x15, 0x18, 0x2f, 0x1a, 0x1a, 0x2f, 0x63, 0x42, 0x38, 0x42,
  0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63,
  0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63,
  0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63,
  0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63,
  0x63, 0x63, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x08, 0x00, 0x08, 0x03,
  0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xc4, 0x00,
  0x15, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0xff, 0xc4, 0x00, 0x14,
  0x10, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xc4, 0x00, 0x15, 0x01, 0x01,
  0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  0x00, 0x00, 0x00, 0x05, 0x06, 0xff, 0xc4, 0x00, 0x14, 0x11, 0x01, 0x00,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  0x00, 0x00, 0x00, 0xff, 0xda, 0x00, 0x0c, 0x03, 0x01, 0x00, 0x02, 0x11,
  0x03, 0x11, 0x00, 0x3f, 0x00, 0x8a, 0x00, 0xb5, 0xe3, 0xff, 0xd9
};

#define TITLE "Đà Nẵng: mưa lớn, nhiều tuyến phố ngập sâu – “khẩn cấp”"
#define CONTENT "<p>Chiều 28/11, mưa lớn kéo dài khiến nhiều tuyến phố ở Đà Nẵng ngập sâu.</p>"

/* Helpers ------------------------------------------------------------------ */

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static BylineCms *
author_client (const char *url,
               const char *ca)
{
  g_autoptr(GError) error = NULL;
  BylineCmsWordpress *cms;

  cms = byline_cms_wordpress_new (url, NULL, testbed.author, testbed.author_password, ca, &error);
  g_assert_no_error (error);
  return BYLINE_CMS (cms);
}

static BylineCmsSiteInfo *
discover (BylineCms  *cms,
          GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  byline_cms_discover_async (cms, NULL, result_cb, &result);
  return byline_cms_discover_finish (cms, wait_for (&result), error);
}

static BylineCms *
discovered_author_client (const char *url,
                          const char *ca)
{
  BylineCms *cms = author_client (url, ca);
  g_autoptr(BylineCmsSiteInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = discover (cms, &error);
  g_assert_no_error (error);
  return cms;
}

static BylineCmsUser *
verify (BylineCms  *cms,
        GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  byline_cms_verify_async (cms, NULL, result_cb, &result);
  return byline_cms_verify_finish (cms, wait_for (&result), error);
}

static gboolean
terms_contain (GPtrArray  *terms,
               const char *name)
{
  for (guint i = 0; i < terms->len; i++)
    if (g_strcmp0 (((BylineCmsTerm *) terms->pdata[i])->name, name) == 0)
      return TRUE;
  return FALSE;
}

static gint64
category_id (GPtrArray  *terms,
             const char *name)
{
  for (guint i = 0; i < terms->len; i++)
    if (g_strcmp0 (((BylineCmsTerm *) terms->pdata[i])->name, name) == 0)
      return ((BylineCmsTerm *) terms->pdata[i])->id;
  g_assert_not_reached ();
}

static GPtrArray *
fetch_categories (BylineCms *cms)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *categories;

  byline_cms_fetch_categories_async (cms, NULL, result_cb, &result);
  categories = byline_cms_fetch_categories_finish (cms, wait_for (&result), &error);
  g_assert_no_error (error);
  return categories;
}

/* Tests -------------------------------------------------------------------- */

static void
test_discover (void)
{
  g_autoptr(BylineCms) cms = author_client (testbed.url, NULL);
  g_autoptr(BylineCmsSiteInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = discover (cms, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->api_root, ==, testbed.api_root);
  g_assert_nonnull (info->name);
  g_assert_true (g_strv_contains ((const char * const *) info->namespaces, "wp/v2"));
  g_assert_true (info->application_passwords);
}

static void
test_verify_author (void)
{
  g_autoptr(BylineCms) cms = discovered_author_client (testbed.url, NULL);
  g_autoptr(BylineCmsUser) user = NULL;
  g_autoptr(GError) error = NULL;

  user = verify (cms, &error);
  g_assert_no_error (error);
  g_assert_true (byline_cms_user_has_role (user, "author"));
  g_assert_cmpstr (user->name, ==, "Nguyễn Thu");
  g_assert_cmpstr (user->username, ==, testbed.author);
  g_assert_true (g_strv_contains ((const char * const *) user->capabilities, "upload_files"));
  g_assert_false (g_strv_contains ((const char * const *) user->capabilities, "edit_others_posts"));
}

static void
test_wrong_password (void)
{
  g_autoptr(BylineCmsWordpress) cms = NULL;
  g_autoptr(BylineCmsUser) user = NULL;
  g_autoptr(GError) error = NULL;

  cms = byline_cms_wordpress_new (testbed.url, testbed.api_root, testbed.author,
                                  "AAAA BBBB CCCC DDDD EEEE FFFF", NULL, &error);
  g_assert_no_error (error);
  user = verify (BYLINE_CMS (cms), &error);
  g_assert_null (user);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_AUTH);
  g_assert_false (byline_cms_error_is_transient (error));
  g_test_message ("Wrong password: %s", error->message);
}

static void
test_categories (void)
{
  g_autoptr(BylineCms) cms = discovered_author_client (testbed.url, NULL);
  g_autoptr(GPtrArray) categories = fetch_categories (cms);

  g_assert_true (terms_contain (categories, "Th\xe1\xbb\x9di s\xe1\xbb\xb1"));
  g_assert_true (terms_contain (categories, "Kinh t\xe1\xba\xbf"));
  g_assert_true (terms_contain (categories, "X\xc3\xa3 h\xe1\xbb\x99i"));
}

static BylineCmsTerm *
create_tag (BylineCms  *cms,
            const char *name)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  BylineCmsTerm *tag;

  byline_cms_create_tag_async (cms, name, NULL, result_cb, &result);
  tag = byline_cms_create_tag_finish (cms, wait_for (&result), &error);
  g_assert_no_error (error);
  return tag;
}

/* Creating a tag that exists (a lost reply, a colleague) gives its id. */
static void
test_create_tag_again (void)
{
  g_autoptr(BylineCms) cms = discovered_author_client (testbed.url, NULL);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *name = g_strdup_printf ("Lũ lụt %.8s", uuid);
  g_autofree char *upper = g_utf8_strup (name, -1);
  g_autoptr(BylineCmsTerm) first = create_tag (cms, name);
  g_autoptr(BylineCmsTerm) again = create_tag (cms, name);
  g_autoptr(BylineCmsTerm) shouted = create_tag (cms, upper);

  g_assert_cmpint (again->id, ==, first->id);
  g_assert_cmpint (shouted->id, ==, first->id);
}

static void
test_create_tag (void)
{
  g_autoptr(BylineCms) cms = discovered_author_client (testbed.url, NULL);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *name = g_strdup_printf ("Bão số 9 %.8s", uuid);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) fetched = NULL;
  g_autoptr(BylineCmsTerm) tag = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GError) error = NULL;

  byline_cms_create_tag_async (cms, name, NULL, result_cb, &result);
  tag = byline_cms_create_tag_finish (cms, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (tag->id, >, 0);
  g_assert_cmpstr (tag->name, ==, name);

  byline_cms_fetch_tags_async (cms, NULL, result_cb, &fetched);
  tags = byline_cms_fetch_tags_finish (cms, wait_for (&fetched), &error);
  g_assert_no_error (error);
  g_assert_true (terms_contain (tags, name));
}

static BylineCmsPost *
save_post (BylineCms      *cms,
           BylineCmsPost  *post,
           GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (post->id == 0)
    {
      byline_cms_create_post_async (cms, post, NULL, result_cb, &result);
      return byline_cms_create_post_finish (cms, wait_for (&result), error);
    }
  byline_cms_update_post_async (cms, post, NULL, result_cb, &result);
  return byline_cms_update_post_finish (cms, wait_for (&result), error);
}

static BylineCmsPost *
find_post (BylineCms  *cms,
           const char *slug)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  BylineCmsPost *post;

  byline_cms_find_post_by_slug_async (cms, slug, NULL, result_cb, &result);
  post = byline_cms_find_post_by_slug_finish (cms, wait_for (&result), &error);
  g_assert_no_error (error);
  return post;
}

static BylineCmsPost *
create_draft (BylineCms  *cms,
              const char *slug)
{
  g_autoptr(BylineCmsPost) post = byline_cms_post_new ();
  g_autoptr(GError) error = NULL;
  BylineCmsPost *created;

  post->status = g_strdup ("draft");
  post->slug = g_strdup (slug);
  post->title = g_strdup (TITLE);
  created = save_post (cms, post, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (created->status, ==, "draft");
  return created;
}

static GFile *
write_jpeg (void)
{
  g_autoptr(GFileIOStream) io = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file;

  file = g_file_new_tmp ("byline-XXXXXX.jpg", &io, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (io)), tiny_jpeg,
                             sizeof tiny_jpeg, NULL, NULL, &error);
  g_assert_no_error (error);
  g_io_stream_close (G_IO_STREAM (io), NULL, &error);
  g_assert_no_error (error);
  return file;
}

static void
progress_cb (goffset  sent,
             goffset  total,
             gpointer user_data)
{
  *(goffset *) user_data = sent;
}

static BylineCmsMedia *
upload_photo (BylineCms *cms,
              gint64     post_id,
              char     **file_name)
{
  g_autoptr(GFile) file = write_jpeg ();
  g_autoptr(GAsyncResult) named = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  BylineCmsMedia *media;
  goffset sent = 0;

  byline_cms_media_file_name_async (file, NULL, result_cb, &named);
  *file_name = byline_cms_media_file_name_finish (wait_for (&named), &error);
  g_assert_no_error (error);

  byline_cms_upload_media_async (cms, file, *file_name, post_id, "Phố ngập",
                                 "Ảnh: Lê Văn Tám", "Phố Đà Nẵng ngập nước", NULL,
                                 progress_cb, &sent, NULL, result_cb, &result);
  media = byline_cms_upload_media_finish (cms, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (media->id, >, 0);
  g_assert_cmpint (media->post, ==, post_id);
  g_assert_cmpint (sent, ==, sizeof tiny_jpeg);
  g_file_delete (file, NULL, NULL);
  return media;
}

static void
assert_media_found (BylineCms  *cms,
                    gint64      post_id,
                    const char *file_name,
                    gint64      media_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) missing_result = NULL;
  g_autoptr(BylineCmsMedia) media = NULL;
  g_autoptr(BylineCmsMedia) missing = NULL;
  g_autoptr(GError) error = NULL;

  byline_cms_find_media_async (cms, post_id, file_name, NULL, result_cb, &result);
  media = byline_cms_find_media_finish (cms, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (media);
  g_assert_cmpint (media->id, ==, media_id);

  byline_cms_find_media_async (cms, post_id, "byline-0000000000000000.jpg", NULL, result_cb,
                               &missing_result);
  missing = byline_cms_find_media_finish (cms, wait_for (&missing_result), &error);
  g_assert_no_error (error);
  g_assert_null (missing);
}

static BylineCmsPost *
get_post (BylineCms *cms,
          gint64     id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  BylineCmsPost *post;

  byline_cms_get_post_async (cms, id, NULL, result_cb, &result);
  post = byline_cms_get_post_finish (cms, wait_for (&result), &error);
  g_assert_no_error (error);
  return post;
}

/* Reserve, fill, publish: the way the outbox will use the API. */
static void
publish_flow (BylineCms *cms)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *slug = g_strdup_printf ("byline-%s", uuid);
  g_autoptr(GPtrArray) categories = fetch_categories (cms);
  g_autoptr(BylineCmsPost) draft = create_draft (cms, slug);
  g_autoptr(BylineCmsPost) found = find_post (cms, slug);
  g_autoptr(BylineCmsPost) update = byline_cms_post_new ();
  g_autoptr(BylineCmsPost) published = NULL;
  g_autoptr(BylineCmsPost) read_back = NULL;
  g_autoptr(BylineCmsMedia) media = NULL;
  g_autofree char *file_name = NULL;
  g_autoptr(GError) error = NULL;
  gint64 category = category_id (categories, "X\xc3\xa3 h\xe1\xbb\x99i");

  /* A draft of an author is found by its slug. */
  g_assert_nonnull (found);
  g_assert_cmpint (found->id, ==, draft->id);
  g_assert_cmpstr (found->status, ==, "draft");

  media = upload_photo (cms, draft->id, &file_name);
  g_assert_true (g_str_has_prefix (file_name, "byline-"));
  assert_media_found (cms, draft->id, file_name, media->id);

  update->id = draft->id;
  update->status = g_strdup ("publish");
  update->content = g_strdup (CONTENT);
  update->featured_media = media->id;
  byline_cms_post_set_ids (&update->categories, &category, 1);
  published = save_post (cms, update, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (published->status, ==, "publish");

  read_back = get_post (cms, draft->id);
  g_assert_cmpstr (read_back->title, ==, TITLE);
  g_assert_cmpstr (read_back->content, ==, CONTENT);
  g_assert_cmpstr (read_back->slug, ==, slug);
  g_assert_cmpint (read_back->featured_media, ==, media->id);
  g_assert_cmpuint (read_back->categories->len, ==, 1);
  g_assert_cmpint (g_array_index (read_back->categories, gint64, 0), ==, category);
  g_assert_nonnull (read_back->modified_gmt);
  g_assert_nonnull (read_back->link);
}

static void
test_publish_http (void)
{
  g_autoptr(BylineCms) cms = discovered_author_client (testbed.url, NULL);

  publish_flow (cms);
}

static void
test_publish_https (void)
{
  g_autoptr(BylineCms) cms = discovered_author_client (testbed.https_url, testbed.ca);

  g_assert_true (g_str_has_prefix (byline_cms_wordpress_get_api_root (BYLINE_CMS_WORDPRESS (cms)),
                                   "https://"));
  publish_flow (cms);
}

static void
test_dropped_featured_media (void)
{
  g_autoptr(BylineCms) cms = discovered_author_client (testbed.url, NULL);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *slug = g_strdup_printf ("byline-%s", uuid);
  g_autoptr(BylineCmsPost) draft = create_draft (cms, slug);
  g_autoptr(BylineCmsPost) update = byline_cms_post_new ();
  g_autoptr(BylineCmsPost) updated = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 unknown = 987654;

  update->id = draft->id;
  update->featured_media = unknown;
  updated = save_post (cms, update, &error);
  g_assert_null (updated);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_VALIDATION);
  g_test_message ("Unknown featured image: %s", error->message);

  g_clear_error (&error);
  update->featured_media = -1;
  byline_cms_post_set_ids (&update->tags, &unknown, 1);
  updated = save_post (cms, update, &error);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_VALIDATION);
}

static void
test_find_missing_post (void)
{
  g_autoptr(BylineCms) cms = discovered_author_client (testbed.url, NULL);
  g_autoptr(BylineCmsPost) post = find_post (cms, "byline-00000000-0000-0000-0000-000000000000");

  g_assert_null (post);
}

/* Without the CA the certificate is refused, and nothing falls back to
 * plain http. */
static void
test_https_without_ca (void)
{
  g_autoptr(BylineCmsWordpress) cms = NULL;
  g_autoptr(BylineCmsSiteInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  cms = byline_cms_wordpress_new (testbed.https_url, NULL, testbed.author,
                                  testbed.author_password, NULL, &error);
  g_assert_no_error (error);
  info = discover (BYLINE_CMS (cms), &error);
  g_assert_null (info);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_TLS);
  g_assert_false (byline_cms_error_is_transient (error));
  g_assert_null (byline_cms_wordpress_get_api_root (cms));
  g_test_message ("Without the CA: %s", error->message);
}

static void
test_https_without_ca_known_root (void)
{
  g_autoptr(BylineCmsWordpress) cms = NULL;
  g_autoptr(BylineCmsUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_strconcat (testbed.https_url, "index.php?rest_route=/", NULL);

  cms = byline_cms_wordpress_new (testbed.https_url, root, testbed.author,
                                  testbed.author_password, NULL, &error);
  g_assert_no_error (error);
  user = verify (BYLINE_CMS (cms), &error);
  g_assert_null (user);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_TLS);
}

static void
test_bad_ca_file (void)
{
  g_autoptr(BylineCmsWordpress) cms = NULL;
  g_autoptr(GError) error = NULL;

  cms = byline_cms_wordpress_new (testbed.https_url, NULL, NULL, NULL, "/nonexistent/ca.pem", &error);
  g_assert_null (cms);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_TLS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!testbed_load ())
    return 1;

  g_test_add_func ("/wordpress/discover", test_discover);
  g_test_add_func ("/wordpress/verify-author", test_verify_author);
  g_test_add_func ("/wordpress/wrong-password", test_wrong_password);
  g_test_add_func ("/wordpress/categories", test_categories);
  g_test_add_func ("/wordpress/create-tag", test_create_tag);
  g_test_add_func ("/wordpress/create-tag-again", test_create_tag_again);
  g_test_add_func ("/wordpress/publish/http", test_publish_http);
  g_test_add_func ("/wordpress/publish/https", test_publish_https);
  g_test_add_func ("/wordpress/dropped-featured-media", test_dropped_featured_media);
  g_test_add_func ("/wordpress/find-missing-post", test_find_missing_post);
  g_test_add_func ("/wordpress/tls/without-ca", test_https_without_ca);
  g_test_add_func ("/wordpress/tls/without-ca-known-root", test_https_without_ca_known_root);
  g_test_add_func ("/wordpress/tls/bad-ca-file", test_bad_ca_file);

  return g_test_run ();
}
