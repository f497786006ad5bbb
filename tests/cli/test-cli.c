/* test-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real byline-cli binary and checks what a script would rely on:
 * its output and its exit status.
 */

#include "config.h"

#include <string.h>

#include "cli-test-util.h"

static void
test_cli_version (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cli_run (NULL, &out, &err, "--version", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "byline-cli " PACKAGE_VERSION "\n");
  g_assert_cmpstr (err, ==, "");
}

static void
test_cli_help (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *expected[] = { "draft", "photo", "site", "publish", "outbox",
                             "0  done", "1  failed", "2  usage error", "3  queued", NULL };

  g_assert_cmpint (cli_run (NULL, &out, &err, "--help", NULL), ==, 0);
  for (guint i = 0; expected[i] != NULL; i++)
    cli_assert_contains (out, expected[i]);
}

static void
test_cli_usage_errors (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;

  /* No command: the help goes to stderr, exit 2. */
  g_assert_cmpint (cli_run (NULL, &out, &err, NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  cli_assert_contains (err, "Commands:");

  g_assert_cmpint (cli_run (NULL, &out2, &err2, "frobnicate", NULL), ==, 2);
  g_assert_cmpstr (out2, ==, "");
  cli_assert_contains (err2, "frobnicate");
}

/* Each group and each of its commands answers --help on stdout with exit
 * 0, and a group without a command is a usage error (but bare `outbox`
 * lists, see test_cli_outbox_bare). */
static void
test_cli_group_help (void)
{
  const char *commands[][7] = {
    { "draft", "import", "list", "show", "set", "delete", NULL },
    { "photo", "add", "list", "set", "remove", NULL, NULL },
    { "site", "add", "list", "check", "remove", "default", "refresh" },
  };
  g_autofree char *publish_help = cli_run_ok ("publish", "--help", NULL);

  for (guint g = 0; g < G_N_ELEMENTS (commands); g++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (cli_run (NULL, &out, &err, commands[g][0], NULL), ==, 2);
      g_assert_cmpstr (out, ==, "");
      cli_assert_contains (err, "Commands:");

      for (guint c = 1; c < 7 && commands[g][c] != NULL; c++)
        {
          g_autofree char *help = NULL;
          g_autofree char *usage = g_strdup_printf ("byline-cli %s %s", commands[g][0],
                                                    commands[g][c]);

          help = cli_run_ok (commands[g][0], commands[g][c], "--help", NULL);
          cli_assert_contains (help, usage);
          cli_assert_contains (help, "--help");
        }
    }

  cli_assert_contains (publish_help, "byline-cli publish");
  cli_assert_contains (publish_help, "--status");
  cli_assert_contains (publish_help, "--at");
  cli_assert_contains (publish_help, "--json");
}

/* `outbox` alone is `outbox list`; its commands still have their help. */
static void
test_cli_outbox_bare (void)
{
  const char *commands[] = { "list", "run", "cancel" };
  g_autofree char *help = cli_run_ok ("outbox", "--help", NULL);
  g_autoptr(JsonNode) json = cli_run_json ("outbox", "--json", NULL);
  g_autofree char *err = NULL;

  cli_assert_contains (help, "Commands:");
  cli_run_quiet ("outbox", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json)), ==, 0);
  g_assert_cmpint (cli_run (NULL, NULL, &err, "outbox", "--bogus", NULL), ==, 2);
  cli_assert_contains (err, "--bogus");

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_autofree char *usage = g_strdup_printf ("byline-cli outbox %s", commands[c]);
      g_autofree char *command_help = cli_run_ok ("outbox", commands[c], "--help", NULL);

      cli_assert_contains (command_help, usage);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/version", test_cli_version);
  g_test_add_func ("/cli/help", test_cli_help);
  g_test_add_func ("/cli/usage-errors", test_cli_usage_errors);
  g_test_add_func ("/cli/group-help", test_cli_group_help);
  g_test_add_func ("/cli/outbox-bare", test_cli_outbox_bare);

  return g_test_run ();
}
