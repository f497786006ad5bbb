/* test-cli-site.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-cli site without a server: what it refuses, and that a refused
 * password leaves no trace.
 */

#include "config.h"

#include <pty.h>
#include <string.h>
#include <unistd.h>

#include "byline-site-list.h"
#include "cli-test-util.h"

#define SECRET "hunter2-Mật-khẩu"

static gboolean
secret_anywhere (void)
{
  const char *dirs[] = { g_get_user_data_dir (), g_get_user_config_dir (),
                         g_get_user_cache_dir (), g_get_home_dir (), NULL };

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      if (cli_tree_contains (dirs[i], SECRET))
        return TRUE;
    }
  return FALSE;
}

static void
test_password_in_argv_refused (void)
{
  const char *forms[][7] = {
    { "site", "add", "https://báo.example/", "--user", "thu", "--password=" SECRET, NULL },
    { "site", "add", "--password", SECRET, "https://báo.example/", "--user", "thu" },
    { "site", "add", "https://báo.example/", "--user=thu", "--pass=" SECRET, NULL },
    { "site", "add", "https://báo.example/", "--user", "thu", "--app-password=" SECRET, NULL },
    { "site", "add", "https://báo.example/", "--user", "thu", "--token=" SECRET, NULL },
    { "site", "add", "https://báo.example/", "--user", "thu", "-password=" SECRET, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      const char *args[8] = { NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      memcpy (args, forms[i], sizeof forms[i]);
      g_assert_cmpint (cli_runv (NULL, args, &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      cli_assert_contains (err, "passwords on the command line are visible to other users in the "
                                "process list");
      /* Not even echoed back. */
      g_assert_null (strstr (err, SECRET));
    }

  g_assert_false (secret_anywhere ());
  cli_run_quiet ("site", "list", NULL);
}

/* The search above finds a secret when there is one, even after a NUL. */
static void
test_secret_search_finds (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "a", "b", NULL);
  g_autofree char *path = g_build_filename (dir, "blob", NULL);
  const char blob[] = "\0\x01binary\0" SECRET "\0";

  g_assert_false (secret_anywhere ());
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, blob, sizeof blob, NULL));
  g_assert_true (secret_anywhere ());
}

static void
test_add_usage (void)
{
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *err3 = NULL;

  /* No --user. */
  g_assert_cmpint (cli_run (SECRET "\n", NULL, &err, "site", "add", "--password-stdin",
                            "https://báo.example/", NULL), ==, 2);
  cli_assert_contains (err, "--user");
  /* Standard input is not a terminal and --password-stdin is not given:
   * nothing to prompt on. */
  g_assert_cmpint (cli_run (SECRET "\n", NULL, &err2, "site", "add", "--user", "thu",
                            "https://báo.example/", NULL), ==, 2);
  cli_assert_contains (err2, "--password-stdin");
  /* An empty password. */
  g_assert_cmpint (cli_run ("\n", NULL, &err3, "site", "add", "--user", "thu", "--password-stdin",
                            "https://báo.example/", NULL), ==, 2);
  cli_assert_contains (err3, "no password");

  g_assert_false (secret_anywhere ());
}

/* A site that cannot be reached is not added, and its password is not
 * kept anywhere. */
static void
test_add_unreachable (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) list = NULL;

  g_assert_cmpint (cli_run (SECRET "\n", &out, &err, "site", "add", "--user", "thu",
                            "--password-stdin", "http://127.0.0.1:9/", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, !=, "");
  g_assert_null (strstr (err, SECRET));
  list = cli_run_json ("site", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 0);
  g_assert_false (secret_anywhere ());
}

/* Reads the terminal's output until @until shows up (NULL: until the
 * child has closed it). */
static void
read_terminal (int         master,
               GString    *seen,
               const char *until)
{
  char buffer[512];
  gssize n;

  while (until == NULL || strstr (seen->str, until) == NULL)
    {
      n = read (master, buffer, sizeof buffer);
      if (n <= 0)
        break;
      g_string_append_len (seen, buffer, n);
    }
}

/* On a terminal, the password is asked for and not echoed. */
static void
test_prompt_no_echo (void)
{
  g_autoptr(GSubprocessLauncher) launcher = cli_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int master, slave;

  g_assert_cmpint (openpty (&master, &slave, NULL, NULL, NULL), ==, 0);

  g_subprocess_launcher_take_stdin_fd (launcher, slave);
  g_subprocess_launcher_take_stdout_fd (launcher, dup (slave));
  g_subprocess_launcher_take_stderr_fd (launcher, dup (slave));
  proc = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("BYLINE_CLI"), "site", "add",
                                      "http://127.0.0.1:9/", "--user", "thu", NULL);
  g_assert_no_error (error);
  /* Our copies of the terminal go, so the master sees the end. */
  g_clear_object (&launcher);

  read_terminal (master, seen, "Application password: ");
  g_assert_cmpint (write (master, SECRET "\n", strlen (SECRET) + 1), ==, strlen (SECRET) + 1);
  read_terminal (master, seen, NULL);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  close (master);

  /* The site does not answer: the password was read and used. */
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 1);
  cli_assert_contains (seen->str, "127.0.0.1");
  g_assert_null (strstr (seen->str, SECRET));
  g_assert_false (secret_anywhere ());
}

static void
test_unknown_site (void)
{
  const char *commands[][3] = {
    { "remove", "no-such-site", NULL },
    { "default", "no-such-site", NULL },
    { "refresh", "no-such-site", NULL },
    { "check", "no-such-site", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (cli_run (NULL, NULL, &err, "site", commands[i][0], commands[i][1], NULL),
                       ==, 1);
      cli_assert_contains (err, "no site named “no-such-site”");
    }
}

/* A site in sites.json, as if added while its server was up (nothing
 * listens on port 9). Returns its id. */
static char *
make_site (const char *name)
{
  g_autoptr(BylineSiteList) sites = byline_site_list_new (NULL);
  g_autoptr(BylineSite) site = byline_site_new ();
  g_autoptr(GError) error = NULL;

  byline_site_list_load (sites, &error);
  g_assert_no_error (error);
  byline_site_set_url (site, "http://127.0.0.1:9/");
  byline_site_set_api_root (site, "http://127.0.0.1:9/index.php?rest_route=/");
  byline_site_set_name (site, name);
  byline_site_set_user (site, "nguyenthu");
  byline_site_list_add (sites, site);
  byline_site_list_save (sites, &error);
  g_assert_no_error (error);
  return g_strdup (byline_site_get_id (site));
}

static const char *
default_site (JsonNode *list)
{
  JsonArray *array = json_node_get_array (list);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *site = json_array_get_object_element (array, i);

      if (json_object_get_boolean_member_with_default (site, "is_default", FALSE))
        return json_object_get_string_member (site, "id");
    }
  return NULL;
}

/* NAME and URL, or URL alone; never more, never an empty NAME. */
static void
test_add_arguments (void)
{
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *err3 = NULL;

  g_assert_cmpint (cli_run (SECRET "\n", NULL, &err, "site", "add", "--user", "thu",
                            "--password-stdin", "báo", "https://báo.example/", "extra", NULL),
                   ==, 2);
  cli_assert_contains (err, "too many arguments");
  g_assert_cmpint (cli_run (SECRET "\n", NULL, &err2, "site", "add", "--user", "thu",
                            "--password-stdin", NULL), ==, 2);
  cli_assert_contains (err2, "missing arguments");
  g_assert_cmpint (cli_run (SECRET "\n", NULL, &err3, "site", "add", "--user", "thu",
                            "--password-stdin", "", "https://báo.example/", NULL), ==, 2);
  cli_assert_contains (err3, "name cannot be empty");
  g_assert_false (secret_anywhere ());
}

/* A NAME names one site: another site's name or id is refused before the
 * password is even read, and nothing is added. */
static void
test_add_name_taken (void)
{
  g_autofree char *first = make_site ("dongthap");
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) list = NULL;

  g_assert_cmpint (cli_run (SECRET "\n", &out, &err, "site", "add", "--user", "thu",
                            "--password-stdin", "dongthap", "http://127.0.0.1:9/other/", NULL),
                   ==, 2);
  g_assert_cmpstr (out, ==, "");
  cli_assert_contains (err, "there is already a site named “dongthap”");
  g_assert_null (strstr (err, "Checking"));
  g_assert_cmpint (cli_run (SECRET "\n", NULL, &err2, "site", "add", "--user", "thu",
                            "--password-stdin", first, "http://127.0.0.1:9/other/", NULL),
                   ==, 2);
  cli_assert_contains (err2, "there is already a site named");

  list = cli_run_json ("site", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 1);
  g_assert_false (secret_anywhere ());
}

/* A named site that cannot be reached is not added either. */
static void
test_add_named_unreachable (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) list = NULL;

  g_assert_cmpint (cli_run (SECRET "\n", &out, &err, "site", "add", "--user", "thu",
                            "--password-stdin", "--default", "báo", "http://127.0.0.1:9/", NULL),
                   ==, 1);
  g_assert_cmpstr (out, ==, "");
  cli_assert_contains (err, "127.0.0.1");
  list = cli_run_json ("site", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 0);
  g_assert_false (secret_anywhere ());
}

/* default, check and publish --site take the name as well as the id. */
static void
test_site_by_name (void)
{
  g_autofree char *first = make_site ("dongthap");
  g_autofree char *second = make_site ("Báo Cần Thơ");
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) list = cli_run_json ("site", "list", "--json", NULL);
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) back = NULL;
  g_autofree char *listed = cli_run_ok ("site", "list", NULL);

  g_assert_cmpstr (default_site (list), ==, first);
  cli_assert_contains (listed, "Báo Cần Thơ");

  cli_run_quiet ("site", "default", "Báo Cần Thơ", NULL);
  after = cli_run_json ("site", "list", "--json", NULL);
  g_assert_cmpstr (default_site (after), ==, second);
  /* The id still works, and a name is matched exactly. */
  cli_run_quiet ("site", "default", first, NULL);
  back = cli_run_json ("site", "list", "--json", NULL);
  g_assert_cmpstr (default_site (back), ==, first);
  g_assert_cmpint (cli_run (NULL, NULL, NULL, "site", "default", "báo cần thơ", NULL), ==, 1);

  /* Found by name; there is no keyring here to take the password from. */
  g_assert_cmpint (cli_run (NULL, NULL, &err, "site", "check", "dongthap", NULL), ==, 1);
  cli_assert_contains (err, "keyring");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/site/password-in-argv-refused", test_password_in_argv_refused);
  g_test_add_func ("/cli/site/secret-search-finds", test_secret_search_finds);
  g_test_add_func ("/cli/site/add-usage", test_add_usage);
  g_test_add_func ("/cli/site/add-unreachable", test_add_unreachable);
  g_test_add_func ("/cli/site/prompt-no-echo", test_prompt_no_echo);
  g_test_add_func ("/cli/site/unknown-site", test_unknown_site);
  g_test_add_func ("/cli/site/add-arguments", test_add_arguments);
  g_test_add_func ("/cli/site/add-name-taken", test_add_name_taken);
  g_test_add_func ("/cli/site/add-named-unreachable", test_add_named_unreachable);
  g_test_add_func ("/cli/site/by-name", test_site_by_name);

  return g_test_run ();
}
