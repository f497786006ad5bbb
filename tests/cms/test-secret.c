/* test-secret.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Passwords in a real gnome-keyring-daemon (run through tests/keyring-run).
 */

#include "config.h"

#include "byline-secret.h"

#define SITE_ID "2b0c3f0e-6a53-4c1e-9a55-3f7f4e0f9d11"
#define PASSWORD "abcd EFGH ijkl MNOP qrst UVWX"

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

static void
store (const char *site_id,
       const char *user,
       const char *password)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  byline_secret_store_async (site_id, user, "Báo Thử", password, NULL, result_cb, &result);
  g_assert_true (byline_secret_store_finish (wait_for (&result), &error));
  g_assert_no_error (error);
}

static char *
lookup (const char *site_id,
        const char *user)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *password;

  byline_secret_lookup_async (site_id, user, NULL, result_cb, &result);
  password = byline_secret_lookup_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  return password;
}

static void
clear (const char *site_id,
       const char *user)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  byline_secret_clear_async (site_id, user, NULL, result_cb, &result);
  g_assert_true (byline_secret_clear_finish (wait_for (&result), &error));
  g_assert_no_error (error);
}

static void
test_secret_round_trip (void)
{
  char *password;

  store (SITE_ID, "nguyenthu", PASSWORD);
  store (SITE_ID, "levan", "another one");

  password = lookup (SITE_ID, "nguyenthu");
  g_assert_cmpstr (password, ==, PASSWORD);
  byline_secret_free (password);

  /* Each user of each site has their own. */
  password = lookup (SITE_ID, "levan");
  g_assert_cmpstr (password, ==, "another one");
  byline_secret_free (password);
  g_assert_null (lookup ("other-site", "nguyenthu"));

  /* Storing again replaces. */
  store (SITE_ID, "nguyenthu", "Mật khẩu mới");
  password = lookup (SITE_ID, "nguyenthu");
  g_assert_cmpstr (password, ==, "Mật khẩu mới");
  byline_secret_free (password);

  clear (SITE_ID, "nguyenthu");
  g_assert_null (lookup (SITE_ID, "nguyenthu"));
  password = lookup (SITE_ID, "levan");
  g_assert_cmpstr (password, ==, "another one");
  byline_secret_free (password);

  /* Clearing what is not there is not an error. */
  clear (SITE_ID, "nobody");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/secret/round-trip", test_secret_round_trip);

  return g_test_run ();
}
