/* test-site-add.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adding a site against the real WordPress, with a real keyring (run
 * through tests/keyring-run).
 */

#include "config.h"

#include <string.h>

#include "byline-secret.h"
#include "byline-site-setup.h"
#include "byline-site-terms.h"
#include "wp-testbed.h"

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
add_site (BylineSiteList  *list,
          const char      *url,
          const char      *password,
          const char      *ca,
          GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  byline_site_add_async (list, url, testbed.author, password, ca, NULL, result_cb, &result);
  return byline_site_add_finish (list, wait_for (&result), error);
}

static char *
lookup_password (BylineSite *site)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *password;

  byline_secret_lookup_async (byline_site_get_id (site), byline_site_get_user (site), NULL,
                              result_cb, &result);
  password = byline_secret_lookup_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  return password;
}

static gboolean
has_term (GPtrArray  *terms,
          const char *name)
{
  for (guint i = 0; i < terms->len; i++)
    if (g_strcmp0 (((BylineCmsTerm *) terms->pdata[i])->name, name) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_added (BylineSiteList *list,
              BylineSite     *site)
{
  g_autoptr(BylineSiteList) reloaded = byline_site_list_new (NULL);
  g_autofree char *contents = NULL;
  g_autofree char *terms_path = byline_site_terms_path (site);
  g_autoptr(BylineSiteTerms) terms = NULL;
  g_autoptr(GError) error = NULL;
  char *password;

  g_assert_true (byline_site_list_lookup (list, byline_site_get_id (site)) == site);

  /* Saved, with the discovered API root, and without the password. */
  g_assert_true (byline_site_list_load (reloaded, &error));
  g_assert_nonnull (byline_site_list_lookup (reloaded, byline_site_get_id (site)));
  g_file_get_contents (byline_site_list_get_path (list), &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (contents, testbed.author_password));
  g_assert_nonnull (byline_site_get_api_root (site));

  password = lookup_password (site);
  g_assert_cmpstr (password, ==, testbed.author_password);
  byline_secret_free (password);

  terms = byline_site_terms_load (terms_path, &error);
  g_assert_no_error (error);
  g_assert_true (has_term (terms->categories, "Th\xe1\xbb\x9di s\xe1\xbb\xb1"));
  g_assert_true (has_term (terms->categories, "X\xc3\xa3 h\xe1\xbb\x99i"));
  g_assert_true (g_strv_contains ((const char * const *) terms->capabilities, "edit_posts"));
  g_assert_nonnull (terms->fetched);
}

static void
test_add_site_http (void)
{
  g_autoptr(BylineSiteList) list = byline_site_list_new (NULL);
  g_autoptr(BylineSite) site = NULL;
  g_autoptr(GError) error = NULL;

  site = add_site (list, testbed.url, testbed.author_password, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_site_get_api_root (site), ==, testbed.api_root);
  g_assert_true (byline_site_get_is_default (site));
  assert_added (list, site);
}

static BylineCms *
connect_site (BylineSite  *site,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  byline_site_connect_async (site, NULL, result_cb, &result);
  return byline_site_connect_finish (site, wait_for (&result), error);
}

/* Later: a client from the saved site and the keyring; then forgotten,
 * nothing of the site is left. */
static void
test_connect_and_forget (void)
{
  g_autoptr(BylineSiteList) list = byline_site_list_new (NULL);
  g_autoptr(BylineSiteList) reloaded = byline_site_list_new (NULL);
  g_autoptr(BylineSite) site = NULL;
  g_autoptr(BylineCms) cms = NULL;
  g_autoptr(BylineCms) gone = NULL;
  g_autoptr(BylineCmsUser) user = NULL;
  g_autoptr(GAsyncResult) verified = NULL;
  g_autoptr(GAsyncResult) forgotten = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *terms_path = NULL;
  BylineSite *saved;

  site = add_site (list, testbed.url, testbed.author_password, NULL, &error);
  g_assert_no_error (error);
  terms_path = byline_site_terms_path (site);

  g_assert_true (byline_site_list_load (reloaded, &error));
  saved = byline_site_list_lookup (reloaded, byline_site_get_id (site));
  cms = connect_site (saved, &error);
  g_assert_no_error (error);
  byline_cms_verify_async (cms, NULL, result_cb, &verified);
  user = byline_cms_verify_finish (cms, wait_for (&verified), &error);
  g_assert_no_error (error);
  g_assert_true (byline_cms_user_has_role (user, "author"));

  byline_site_forget_async (reloaded, saved, NULL, result_cb, &forgotten);
  g_assert_true (byline_site_forget_finish (reloaded, wait_for (&forgotten), &error));
  g_assert_no_error (error);
  g_assert_null (byline_site_list_lookup (reloaded, byline_site_get_id (site)));
  g_assert_false (g_file_test (terms_path, G_FILE_TEST_EXISTS));
  g_assert_null (lookup_password (site));

  gone = connect_site (site, &error);
  g_assert_null (gone);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_AUTH);
}

static void
test_add_site_https (void)
{
  g_autoptr(BylineSiteList) list = byline_site_list_new (NULL);
  g_autoptr(BylineSite) site = NULL;
  g_autoptr(GError) error = NULL;

  site = add_site (list, testbed.https_url, testbed.author_password, testbed.ca, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (byline_site_get_api_root (site), "https://"));
  g_assert_cmpstr (byline_site_get_ca_file (site), ==, testbed.ca);
  assert_added (list, site);
}

static void
test_add_site_wrong_password (void)
{
  g_autoptr(BylineSiteList) list = byline_site_list_new (NULL);
  g_autoptr(BylineSite) site = NULL;
  g_autoptr(GError) error = NULL;

  site = add_site (list, testbed.url, "AAAA BBBB CCCC DDDD EEEE FFFF", NULL, &error);
  g_assert_null (site);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_AUTH);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_false (g_file_test (byline_site_list_get_path (list), G_FILE_TEST_EXISTS));
}

static void
test_add_site_untrusted_certificate (void)
{
  g_autoptr(BylineSiteList) list = byline_site_list_new (NULL);
  g_autoptr(BylineSite) site = NULL;
  g_autoptr(GError) error = NULL;

  site = add_site (list, testbed.https_url, testbed.author_password, NULL, &error);
  g_assert_null (site);
  g_assert_error (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_TLS);
  g_assert_false (g_file_test (byline_site_list_get_path (list), G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!testbed_load ())
    return 1;

  g_test_add_func ("/wordpress/add-site/http", test_add_site_http);
  g_test_add_func ("/wordpress/add-site/https", test_add_site_https);
  g_test_add_func ("/wordpress/add-site/connect-and-forget", test_connect_and_forget);
  g_test_add_func ("/wordpress/add-site/wrong-password", test_add_site_wrong_password);
  g_test_add_func ("/wordpress/add-site/untrusted-certificate", test_add_site_untrusted_certificate);

  return g_test_run ();
}
