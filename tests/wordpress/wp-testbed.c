/* wp-testbed.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "wp-testbed.h"

Testbed testbed;

static char *
env_file_lookup (const char *contents,
                 const char *key)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("export %s=", key);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_shell_unquote (lines[i] + strlen (prefix), NULL);

  return NULL;
}

/* The variables, else the file named by BYLINE_WP_ENV. */
static char *
testbed_lookup (const char *contents,
                const char *key)
{
  if (g_getenv (key) != NULL)
    return g_strdup (g_getenv (key));
  if (contents != NULL)
    return env_file_lookup (contents, key);
  return NULL;
}

gboolean
testbed_load (void)
{
  g_autofree char *contents = NULL;
  const char *env_file = g_getenv ("BYLINE_WP_ENV");

  if (env_file != NULL)
    g_file_get_contents (env_file, &contents, NULL, NULL);

  /* Called by every fixture: the previous values go. */
  g_free (testbed.url);
  testbed.url = testbed_lookup (contents, "BYLINE_WP_URL");
  g_free (testbed.https_url);
  testbed.https_url = testbed_lookup (contents, "BYLINE_WP_HTTPS_URL");
  g_free (testbed.ca);
  testbed.ca = testbed_lookup (contents, "BYLINE_WP_CA");
  g_free (testbed.api_root);
  testbed.api_root = testbed_lookup (contents, "BYLINE_WP_API_ROOT");
  g_free (testbed.author);
  testbed.author = testbed_lookup (contents, "BYLINE_WP_AUTHOR_USER");
  g_free (testbed.author_password);
  testbed.author_password = testbed_lookup (contents, "BYLINE_WP_AUTHOR_APP_PASSWORD");
  g_free (testbed.admin);
  testbed.admin = testbed_lookup (contents, "BYLINE_WP_ADMIN_USER");
  g_free (testbed.admin_password);
  testbed.admin_password = testbed_lookup (contents, "BYLINE_WP_ADMIN_APP_PASSWORD");

  if (testbed.url != NULL && testbed.https_url != NULL && testbed.ca != NULL &&
      testbed.api_root != NULL && testbed.author != NULL && testbed.author_password != NULL &&
      testbed.admin != NULL && testbed.admin_password != NULL)
    return TRUE;

  /* Fail, never skip: a missing testbed must not count as a pass. */
  g_printerr ("No WordPress testbed: set BYLINE_WP_ENV to the env file of "
              "`tests/wordpress/testbed start DIR` (tools/test does).\n");
  return FALSE;
}

