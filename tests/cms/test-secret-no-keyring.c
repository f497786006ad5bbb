/* test-secret-no-keyring.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With no Secret Service on the bus (tests/keyring-run --no-keyring),
 * storing fails at once with a clear error, and the password is in no file.
 */

#define _GNU_SOURCE
#include "config.h"

#include <string.h>

#include "byline-secret.h"

#define PASSWORD "zq7T Hv2K pW9x Lm4N rB8c Yd3F"

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

static guint
count_files_containing (const char *path,
                        const char *needle)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autofree char *contents = NULL;
  const char *name;
  guint found = 0;
  gsize length;

  if (dir == NULL)
    {
      if (g_file_get_contents (path, &contents, &length, NULL) &&
          memmem (contents, length, needle, strlen (needle)) != NULL)
        {
          g_test_message ("The password is in %s", path);
          return 1;
        }
      return 0;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (!g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        found += count_files_containing (child, needle);
    }
  return found;
}

static void
test_secret_no_keyring (void)
{
  const char *root = g_getenv ("BYLINE_KEYRING_RUN_ROOT");
  const char *dirs[] = { g_get_home_dir (), g_get_user_data_dir (), g_get_user_config_dir (),
                         g_get_user_cache_dir (), g_get_user_runtime_dir (), root };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) lookup_result = NULL;
  g_autoptr(GError) error = NULL;
  char *password;

  /* This test means nothing outside the wrapper. */
  g_assert_nonnull (root);

  byline_secret_store_async ("site", "nguyenthu", "Báo Thử", PASSWORD, NULL, result_cb, &result);
  g_assert_false (byline_secret_store_finish (wait_for (&result), &error));
  g_assert_error (error, BYLINE_SECRET_ERROR, BYLINE_SECRET_ERROR_NO_KEYRING);
  g_assert_cmpstr (error->message, ==,
                   "No keyring is available: Byline does not store passwords in files. "
                   "Install and unlock GNOME Keyring or another Secret Service.");
  g_clear_error (&error);

  byline_secret_lookup_async ("site", "nguyenthu", NULL, result_cb, &lookup_result);
  password = byline_secret_lookup_finish (wait_for (&lookup_result), &error);
  g_assert_null (password);
  g_assert_error (error, BYLINE_SECRET_ERROR, BYLINE_SECRET_ERROR_NO_KEYRING);

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    g_assert_cmpuint (count_files_containing (dirs[i], PASSWORD), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/secret/no-keyring", test_secret_no_keyring);

  return g_test_run ();
}
