/* cli-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cli-test-util.h"

GSubprocessLauncher *
cli_launcher_new (GSubprocessFlags flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  /* G_TEST_OPTION_ISOLATE_DIRS points GLib's own idea of the folders at
   * the test's, but leaves the environment at /dev/null: hand them over. */
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", g_get_user_runtime_dir (), TRUE);
  return launcher;
}

static int
cli_runv_wrapped (gboolean            offline,
                  const char         *input,
                  const char * const *args,
                  char              **out,
                  char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out_buf = NULL;
  g_autofree char *err_buf = NULL;
  const char *cli = g_getenv ("BYLINE_CLI");

  g_assert_nonnull (cli);
  /* A network namespace of its own, loopback down: the network monitor
   * says offline and nothing is reachable, for real. */
  if (offline)
    g_ptr_array_add (argv, (gpointer) "unshare");
  if (offline)
    g_ptr_array_add (argv, (gpointer) "--net");
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = cli_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, input != NULL ? input : "", NULL, &out_buf, &err_buf,
                                 &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (proc))
    g_error ("byline-cli %s died (signal %d):\n%s", args[0], g_subprocess_get_term_sig (proc),
             err_buf);

  if (g_test_verbose () && err_buf != NULL && *err_buf != '\0')
    g_test_message ("byline-cli %s: %s", args[0], err_buf);
  if (out != NULL)
    *out = g_steal_pointer (&out_buf);
  if (err != NULL)
    *err = g_steal_pointer (&err_buf);
  return g_subprocess_get_exit_status (proc);
}

int
cli_runv (const char         *input,
          const char * const *args,
          char              **out,
          char              **err)
{
  return cli_runv_wrapped (FALSE, input, args, out, err);
}

static GPtrArray *
collect_args (const char *first,
              va_list     args)
{
  GPtrArray *array = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (array, (gpointer) arg);
  g_ptr_array_add (array, NULL);
  return array;
}

int
cli_run (const char  *input,
         char       **out,
         char       **err,
         ...)
{
  g_autoptr(GPtrArray) array = NULL;
  va_list args;

  va_start (args, err);
  array = collect_args (va_arg (args, const char *), args);
  va_end (args);
  return cli_runv (input, (const char * const *) array->pdata, out, err);
}

int
cli_run_offline (char **out,
                 char **err,
                 ...)
{
  g_autoptr(GPtrArray) array = NULL;
  va_list args;

  va_start (args, err);
  array = collect_args (va_arg (args, const char *), args);
  va_end (args);
  return cli_runv_wrapped (TRUE, NULL, (const char * const *) array->pdata, out, err);
}

static char *
run_ok_v (const char *first,
          va_list     args)
{
  g_autoptr(GPtrArray) array = collect_args (first, args);
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  status = cli_runv (NULL, (const char * const *) array->pdata, &out, &err);
  if (status != 0)
    g_error ("byline-cli %s exited with %d:\n%s", first, status, err);
  return out;
}

char *
cli_run_ok (const char *first_arg,
            ...)
{
  char *out;
  va_list args;

  va_start (args, first_arg);
  out = run_ok_v (first_arg, args);
  va_end (args);
  return out;
}

void
cli_run_quiet (const char *first_arg,
               ...)
{
  g_autofree char *out = NULL;
  va_list args;

  va_start (args, first_arg);
  out = run_ok_v (first_arg, args);
  va_end (args);
  g_assert_cmpstr (out, ==, "");
}

JsonNode *
cli_run_json (const char *first_arg,
              ...)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  va_list args;

  va_start (args, first_arg);
  out = run_ok_v (first_arg, args);
  va_end (args);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

char *
cli_seed_path (void)
{
  return g_build_filename (g_getenv ("BYLINE_SOURCE_ROOT"), "tests", "core", "data",
                           "seed-article.txt", NULL);
}

char *
cli_import_seed (void)
{
  g_autofree char *seed = cli_seed_path ();
  g_autofree char *out = cli_run_ok ("draft", "import", seed, NULL);
  g_autofree char *id = NULL;

  g_assert_true (g_str_has_suffix (out, "\n"));
  id = g_strndup (out, strlen (out) - 1);
  g_assert_true (g_uuid_string_is_valid (id));
  return g_steal_pointer (&id);
}

char *
cli_store_root (void)
{
  return g_build_filename (g_get_user_data_dir (), "io.github.bylinedesk.Byline", NULL);
}

/* Binary files too: g_strstr_len() stops at the first NUL. */
static gboolean
bytes_contain (const char *data,
               gsize       length,
               const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    {
      if (memcmp (data + i, needle, needle_length) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
cli_tree_contains (const char *dir_path,
                   const char *needle)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (cli_tree_contains (path, needle))
            return TRUE;
          continue;
        }
      if (g_file_get_contents (path, &contents, &length, NULL) &&
          bytes_contain (contents, length, needle))
        return TRUE;
    }
  return FALSE;
}

void
cli_assert_contains (const char *haystack,
                     const char *needle)
{
  g_assert_nonnull (haystack);
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}
