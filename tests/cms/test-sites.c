/* test-sites.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sites.json and the terms cache: round trips, defaults, damaged and
 * future files, and the offline fallback of a refresh.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "byline-site-setup.h"
#include "byline-site-terms.h"

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

static BylineSite *
site_new (const char *url)
{
  BylineSite *site = byline_site_new ();

  byline_site_set_url (site, url);
  byline_site_set_name (site, "Báo Thử");
  byline_site_set_user (site, "nguyenthu");
  return site;
}

static void
test_site_defaults (void)
{
  g_autoptr(BylineSite) site = byline_site_new ();
  g_autoptr(BylineSite) other = byline_site_new ();

  g_assert_true (g_uuid_string_is_valid (byline_site_get_id (site)));
  g_assert_cmpstr (byline_site_get_id (site), !=, byline_site_get_id (other));
  g_assert_cmpstr (byline_site_get_backend (site), ==, "wordpress");
  g_assert_cmpstr (byline_site_get_credit_template (site), ==,
                   "BT: {writers} \xe2\x80\x93 H\xc3\xacnh: {photographers}");
  g_assert_cmpstr (byline_site_get_caption_template (site), ==, "\xe1\xba\xa2nh: {creator}");
  g_assert_cmpuint (byline_site_get_image_size_limit (site), ==, 2048);
  g_assert_null (byline_site_get_ca_file (site));
  g_assert_false (byline_site_get_is_default (site));
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_site_notify_on_change_only (void)
{
  g_autoptr(BylineSite) site = byline_site_new ();
  guint count = 0;

  g_signal_connect (site, "notify", G_CALLBACK (notify_cb), &count);
  byline_site_set_name (site, "A");
  byline_site_set_name (site, "A");
  byline_site_set_image_size_limit (site, 2048);
  byline_site_set_image_size_limit (site, 1600);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_list_round_trip (void)
{
  g_autoptr(BylineSiteList) list = byline_site_list_new (NULL);
  g_autoptr(BylineSiteList) again = byline_site_list_new (NULL);
  g_autoptr(BylineSite) first = site_new ("https://a.vn/");
  g_autoptr(BylineSite) second = site_new ("https://b.vn/");
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_config_dir (),
                                                "io.github.bylinedesk.Byline", "sites.json", NULL);
  g_autofree char *contents = NULL;
  BylineSite *loaded;
  GStatBuf st;

  g_assert_cmpstr (byline_site_list_get_path (list), ==, expected);

  /* A missing file is an empty list. */
  g_assert_true (byline_site_list_load (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  byline_site_set_ca_file (second, "/etc/ssl/newsroom-ca.pem");
  byline_site_set_timezone (second, "Asia/Ho_Chi_Minh");
  byline_site_set_gmt_offset (second, 7 * 3600);
  byline_site_set_image_size_limit (second, 1600);
  byline_site_list_add (list, first);
  byline_site_list_add (list, second);
  /* The first site is the default, until another is chosen. */
  g_assert_true (byline_site_list_get_default (list) == first);
  byline_site_list_set_default (list, second);
  g_assert_false (byline_site_get_is_default (first));
  g_assert_true (byline_site_list_save (list, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (expected, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_file_get_contents (expected, &contents, NULL, &error);
  g_assert_nonnull (strstr (contents, "\"version\" : 1"));
  g_assert_null (strstr (contents, "null"));

  g_assert_true (byline_site_list_load (again, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
  loaded = byline_site_list_lookup (again, byline_site_get_id (second));
  g_assert_nonnull (loaded);
  g_assert_true (byline_site_list_get_default (again) == loaded);
  g_assert_cmpstr (byline_site_get_url (loaded), ==, "https://b.vn/");
  g_assert_cmpstr (byline_site_get_name (loaded), ==, "Báo Thử");
  g_assert_cmpstr (byline_site_get_user (loaded), ==, "nguyenthu");
  g_assert_cmpstr (byline_site_get_ca_file (loaded), ==, "/etc/ssl/newsroom-ca.pem");
  g_assert_cmpstr (byline_site_get_timezone (loaded), ==, "Asia/Ho_Chi_Minh");
  g_assert_cmpint (byline_site_get_gmt_offset (loaded), ==, 7 * 3600);
  g_assert_cmpuint (byline_site_get_image_size_limit (loaded), ==, 1600);
  g_assert_cmpstr (byline_site_get_credit_template (loaded), ==, BYLINE_SITE_DEFAULT_CREDIT_TEMPLATE);
  g_assert_null (byline_site_get_ca_file (byline_site_list_lookup (again, byline_site_get_id (first))));

  g_assert_true (byline_site_list_remove (again, byline_site_get_id (first)));
  g_assert_false (byline_site_list_remove (again, byline_site_get_id (first)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
}

static char *
write_sites_file (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = byline_site_list_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static guint
count_aside (const char *path)
{
  g_autofree char *dir_path = g_path_get_dirname (path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint count = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    count += g_str_has_prefix (name, "sites.json.corrupt-");
  return count;
}

static void
test_list_corrupt (void)
{
  static const char * const damaged[] = {
    "{\"version\": 1, \"sites\": [ {\"id\": \"x\", \"url\": \"https://a",
    "\x01\x02 garbage",
    "",
    "[1, 2, 3]",
    "{\"sites\": []}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autoptr(BylineSiteList) list = byline_site_list_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *path = write_sites_file (damaged[i]);

      g_assert_false (byline_site_list_load (list, &error));
      g_assert_error (error, BYLINE_SITE_ERROR, BYLINE_SITE_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, "moved aside"));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (count_aside (path), >=, 1);

      /* The next start is clean. */
      g_clear_error (&error);
      g_assert_true (byline_site_list_load (list, &error));
    }
}

static void
test_list_bad_members_ignored (void)
{
  g_autoptr(BylineSiteList) list = byline_site_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_sites_file (
      "{\"version\": 1, \"sites\": ["
      " {\"id\": \"a\", \"url\": \"https://a.vn/\", \"image_size_limit\": \"big\","
      "  \"gmt_offset\": 999999, \"name\": 5},"
      " {\"id\": \"no-url\"}, 7, null ]}");

  g_assert_true (byline_site_list_load (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (byline_site_get_image_size_limit (byline_site_list_lookup (list, "a")), ==, 2048);
  g_assert_cmpint (byline_site_get_gmt_offset (byline_site_list_lookup (list, "a")), ==, 0);
  g_assert_null (byline_site_get_name (byline_site_list_lookup (list, "a")));
}

static void
test_list_newer_version (void)
{
  g_autoptr(BylineSiteList) list = byline_site_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_sites_file ("{\"version\": 2, \"sites\": []}");

  g_assert_false (byline_site_list_load (list, &error));
  g_assert_error (error, BYLINE_SITE_ERROR, BYLINE_SITE_ERROR_NEWER_VERSION);
  /* Left alone for the newer Byline. */
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_normalize_url (void)
{
  static const char * const cases[][2] = {
    { "baothu.vn", "https://baothu.vn/" },
    { "  https://baothu.vn  ", "https://baothu.vn/" },
    { "http://127.0.0.1:8080/", "http://127.0.0.1:8080/" },
    { "https://a.vn/blog", "https://a.vn/blog" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *url = byline_site_normalize_url (cases[i][0]);
      g_assert_cmpstr (url, ==, cases[i][1]);
    }
}

static BylineSiteTerms *
sample_terms (void)
{
  BylineSiteTerms *terms = byline_site_terms_new ();
  BylineCmsTerm *child = byline_cms_term_new (4, "Kinh t\xe1\xba\xbf");

  child->parent = 3;
  g_ptr_array_add (terms->categories, byline_cms_term_new (3, "Th\xe1\xbb\x9di s\xe1\xbb\xb1"));
  g_ptr_array_add (terms->categories, child);
  g_ptr_array_add (terms->tags, byline_cms_term_new (9, "Bão số 9"));
  g_strfreev (terms->capabilities);
  terms->capabilities = g_strsplit ("edit_posts,upload_files", ",", -1);
  terms->fetched = g_date_time_new_utc (2026, 11, 28, 5, 0, 0);
  return terms;
}

static void
test_terms_cache (void)
{
  g_autoptr(BylineSite) site = site_new ("https://a.vn/");
  g_autoptr(BylineSiteTerms) terms = sample_terms ();
  g_autoptr(BylineSiteTerms) loaded = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = byline_site_terms_path (site);
  g_autofree char *expected = g_build_filename (g_get_user_cache_dir (),
                                                "io.github.bylinedesk.Byline", "sites",
                                                byline_site_get_id (site), "terms.json", NULL);

  g_assert_cmpstr (path, ==, expected);

  /* Nothing yet. */
  byline_site_terms_load_async (site, NULL, result_cb, &result);
  loaded = byline_site_terms_load_finish (wait_for (&result), &error);
  g_assert_null (loaded);
  g_assert_error (error, BYLINE_SITE_ERROR, BYLINE_SITE_ERROR_NO_CACHE);
  g_clear_error (&error);
  g_clear_object (&result);

  g_assert_true (byline_site_terms_save (path, terms, &error));
  g_assert_no_error (error);
  byline_site_terms_load_async (site, NULL, result_cb, &result);
  loaded = byline_site_terms_load_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->categories->len, ==, 2);
  g_assert_cmpstr (((BylineCmsTerm *) loaded->categories->pdata[0])->name, ==,
                   "Th\xe1\xbb\x9di s\xe1\xbb\xb1");
  g_assert_cmpint (((BylineCmsTerm *) loaded->categories->pdata[1])->parent, ==, 3);
  g_assert_cmpint (((BylineCmsTerm *) loaded->tags->pdata[0])->id, ==, 9);
  g_assert_true (g_strv_contains ((const char * const *) loaded->capabilities, "upload_files"));
  g_assert_true (g_date_time_equal (loaded->fetched, terms->fetched));
}

static void
test_terms_corrupt_cache (void)
{
  g_autoptr(BylineSite) site = site_new ("https://a.vn/");
  g_autofree char *path = byline_site_terms_path (site);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(BylineSiteTerms) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, "{\"categories\": [{\"id\": 1}], \"tags\": []}", -1, NULL);
  loaded = byline_site_terms_load (path, &error);
  g_assert_null (loaded);
  g_assert_error (error, BYLINE_SITE_ERROR, BYLINE_SITE_ERROR_NO_CACHE);
}

/* The site cannot be reached: the refresh answers from the cache. */
static void
test_terms_refresh_offline (void)
{
  g_autoptr(BylineSite) site = site_new ("http://127.0.0.1:9/");
  g_autoptr(BylineSiteTerms) terms = sample_terms ();
  g_autoptr(BylineSiteTerms) refreshed = NULL;
  g_autoptr(BylineCms) cms = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = byline_site_terms_path (site);
  gboolean from_cache = FALSE;

  byline_site_set_api_root (site, "http://127.0.0.1:9/wp-json/");
  cms = byline_site_create_cms (site, "pw", &error);
  g_assert_no_error (error);

  /* No cache: the network error comes through. */
  byline_site_terms_refresh_async (site, cms, NULL, result_cb, &result);
  refreshed = byline_site_terms_refresh_finish (wait_for (&result), &from_cache, &error);
  g_assert_null (refreshed);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_NETWORK);
  g_clear_error (&error);

  g_assert_true (byline_site_terms_save (path, terms, &error));
  byline_site_terms_refresh_async (site, cms, NULL, result_cb, &second);
  refreshed = byline_site_terms_refresh_finish (wait_for (&second), &from_cache, &error);
  g_assert_no_error (error);
  g_assert_true (from_cache);
  g_assert_cmpuint (refreshed->categories->len, ==, 2);
}

/* What a user types to name a site: an id first (ids never change), then
 * an exact name. */
static void
test_list_find (void)
{
  g_autoptr(BylineSiteList) list = byline_site_list_new (NULL);
  g_autoptr(BylineSite) first = site_new ("https://a.example/");
  g_autoptr(BylineSite) second = site_new ("https://b.example/");
  g_autoptr(BylineSite) third = site_new ("https://c.example/");

  byline_site_set_name (second, "dongthap");
  /* A name that is another site's id: the id wins. */
  byline_site_set_name (third, byline_site_get_id (first));
  byline_site_list_add (list, first);
  byline_site_list_add (list, second);
  byline_site_list_add (list, third);

  g_assert_true (byline_site_list_find (list, byline_site_get_id (first)) == first);
  g_assert_true (byline_site_list_find (list, byline_site_get_id (third)) == third);
  g_assert_true (byline_site_list_find (list, "dongthap") == second);
  g_assert_true (byline_site_list_find (list, "Báo Thử") == first);
  g_assert_null (byline_site_list_find (list, "DONGTHAP"));
  g_assert_null (byline_site_list_find (list, "dongtha"));
  g_assert_null (byline_site_list_find (list, ""));
}

/* A name another site answers to is refused before anything goes out; a
 * free one goes on (to a port nothing listens on). */
static void
test_add_named_taken (void)
{
  g_autoptr(BylineSiteList) list = byline_site_list_new (NULL);
  g_autoptr(BylineSite) site = site_new ("https://a.example/");
  g_autoptr(GAsyncResult) taken = NULL;
  g_autoptr(GAsyncResult) taken_id = NULL;
  g_autoptr(GAsyncResult) free_name = NULL;
  g_autoptr(GError) error = NULL;

  byline_site_set_name (site, "dongthap");
  byline_site_list_add (list, site);

  byline_site_add_named_async (list, "dongthap", "http://127.0.0.1:9/", "thu", "pw", NULL, NULL,
                               result_cb, &taken);
  g_assert_null (byline_site_add_finish (list, wait_for (&taken), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  byline_site_add_named_async (list, byline_site_get_id (site), "http://127.0.0.1:9/", "thu", "pw",
                               NULL, NULL, result_cb, &taken_id);
  g_assert_null (byline_site_add_finish (list, wait_for (&taken_id), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  byline_site_add_named_async (list, "cantho", "http://127.0.0.1:9/", "thu", "pw", NULL, NULL,
                               result_cb, &free_name);
  g_assert_null (byline_site_add_finish (list, wait_for (&free_name), &error));
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_NETWORK);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sites/site/defaults", test_site_defaults);
  g_test_add_func ("/sites/site/notify-on-change-only", test_site_notify_on_change_only);
  g_test_add_func ("/sites/list/round-trip", test_list_round_trip);
  g_test_add_func ("/sites/list/corrupt", test_list_corrupt);
  g_test_add_func ("/sites/list/bad-members-ignored", test_list_bad_members_ignored);
  g_test_add_func ("/sites/list/newer-version", test_list_newer_version);
  g_test_add_func ("/sites/list/find", test_list_find);
  g_test_add_func ("/sites/add-named-taken", test_add_named_taken);
  g_test_add_func ("/sites/normalize-url", test_normalize_url);
  g_test_add_func ("/sites/terms/cache", test_terms_cache);
  g_test_add_func ("/sites/terms/corrupt-cache", test_terms_corrupt_cache);
  g_test_add_func ("/sites/terms/refresh-offline", test_terms_refresh_offline);

  return g_test_run ();
}
