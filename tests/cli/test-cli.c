/* test-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real byline-cli binary and checks what a script would rely on:
 * its output and its exit status.
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

static int
run_cli (const char * const  *args,
         char               **out,
         char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("BYLINE_CLI");

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));

  return g_subprocess_get_exit_status (proc);
}

static void
test_cli_version (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--version", NULL };

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "byline-cli " PACKAGE_VERSION "\n");
  g_assert_cmpstr (err, ==, "");
}

static void
test_cli_help (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--help", NULL };
  const char *expected[] = { "draft", "photo", "site", "publish", "outbox",
                             "0  done", "1  failed", "2  usage error", "3  queued", NULL };

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  for (guint i = 0; expected[i] != NULL; i++)
    {
      if (strstr (out, expected[i]) == NULL)
        g_error ("--help does not mention “%s”:\n%s", expected[i], out);
    }
}

static void
test_cli_usage_errors (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  const char *none[] = { NULL };
  const char *unknown[] = { "frobnicate", NULL };

  /* No command: the help goes to stderr, exit 2. */
  g_assert_cmpint (run_cli (none, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "Commands:"));

  g_assert_cmpint (run_cli (unknown, &out2, &err2), ==, 2);
  g_assert_cmpstr (out2, ==, "");
  g_assert_nonnull (strstr (err2, "frobnicate"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/version", test_cli_version);
  g_test_add_func ("/cli/help", test_cli_help);
  g_test_add_func ("/cli/usage-errors", test_cli_usage_errors);

  return g_test_run ();
}
