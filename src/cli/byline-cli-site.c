/* byline-cli-site.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-cli site: add, list, remove, choose the default and refresh the
 * terms of the sites articles go to. The password of a new site is read
 * from standard input or a prompt that does not echo, never from argv:
 * every user of the machine can read another's command line.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "byline-cli-private.h"
#include "byline-secret.h"
#include "byline-site-setup.h"
#include "byline-site-terms.h"

/* An application password is 24 characters with spaces; anything longer
 * than this is not a password. */
#define PASSWORD_MAX 1024

static BylineSiteList *
load_sites (GError **error)
{
  g_autoptr(BylineSiteList) sites = byline_site_list_new (NULL);

  if (!byline_site_list_load (sites, error))
    return NULL;
  return g_steal_pointer (&sites);
}

/**
 * byline_cli_site_find:
 * @name_or_id: a site's name or id, as the user typed it
 *
 * Returns: (transfer none) (nullable): the site, or %NULL and an error
 *   that says where the names are
 */
BylineSite *
byline_cli_site_find (BylineSiteList  *sites,
                      const char      *name_or_id,
                      GError         **error)
{
  BylineSite *site = byline_site_list_find (sites, name_or_id);

  if (site == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("no site named “%s” (byline-cli site list shows the names and ids)"),
                 name_or_id);
  return site;
}

/* add: the password ------------------------------------------------------- */

/* Whether an argument looks like a password given on the command line:
 * --password=…, --pass, --app-password, --token… (but not
 * --password-stdin, the safe way). */
static gboolean
looks_like_password_option (const char *arg)
{
  g_autofree char *name = NULL;
  const char *equals;

  if (arg[0] != '-' || strcmp (arg, "--password-stdin") == 0)
    return FALSE;
  arg += arg[1] == '-' ? 2 : 1;
  equals = strchr (arg, '=');
  name = g_ascii_strdown (arg, equals != NULL ? equals - arg : -1);
  return strstr (name, "pass") != NULL || strstr (name, "pw") != NULL ||
         strstr (name, "secret") != NULL || strstr (name, "token") != NULL;
}

static gboolean
refuse_password_in_argv (int            argc,
                         char         **argv,
                         BylineCliExit *status)
{
  for (int i = 1; i < argc && strcmp (argv[i], "--") != 0; i++)
    {
      if (!looks_like_password_option (argv[i]))
        continue;
      /* The value is not echoed: it is the secret. */
      *status = byline_cli_usage_printf (_("a password cannot be given as an option: passwords on "
                                           "the command line are visible to other users in the "
                                           "process list. Pipe it into --password-stdin, or type "
                                           "it when asked."));
      return FALSE;
    }
  return TRUE;
}

static char *
read_password_line (FILE *stream)
{
  char buffer[PASSWORD_MAX + 2];
  char *password = NULL;
  gsize length;

  if (fgets (buffer, sizeof buffer, stream) != NULL)
    {
      length = strcspn (buffer, "\r\n");
      buffer[length] = '\0';
      password = g_strndup (buffer, length);
    }
  memset (buffer, 0, sizeof buffer);
  return password;
}

static char *
prompt_password (void)
{
  struct termios saved, quiet;
  char *password;

  if (tcgetattr (STDIN_FILENO, &saved) != 0)
    return NULL;
  quiet = saved;
  quiet.c_lflag &= ~ECHO;
  /* Echo off (and what was typed ahead dropped) before the prompt, not
   * after: what is typed once the prompt shows is the password. */
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
  fprintf (stderr, "%s", _("Application password: "));
  fflush (stderr);
  password = read_password_line (stdin);
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  fputc ('\n', stderr);
  return password;
}

/* add --------------------------------------------------------------------- */

static char *add_user;
static char *add_ca_file;
static gboolean add_password_stdin;
static gboolean add_default;

static const GOptionEntry add_entries[] = {
  { "user", 0, 0, G_OPTION_ARG_STRING, &add_user, N_("The WordPress user name"), N_("USER") },
  { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &add_password_stdin, N_("Read the application password from standard input"), NULL },
  { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &add_ca_file, N_("Also trust the certificate authorities of this PEM file for this site"), N_("FILE") },
  { "default", 0, 0, G_OPTION_ARG_NONE, &add_default, N_("Make it the site articles go to by default"), NULL },
  { NULL }
};

static char *
read_password (BylineCliExit *status)
{
  char *password = NULL;

  if (add_password_stdin)
    password = read_password_line (stdin);
  else if (isatty (STDIN_FILENO))
    password = prompt_password ();
  else
    {
      *status = byline_cli_usage_printf (_("give the application password on standard input "
                                           "with --password-stdin"));
      return NULL;
    }

  if (password == NULL || *password == '\0')
    {
      byline_secret_free (password);
      *status = byline_cli_usage_printf (_("no password was given"));
      return NULL;
    }
  return password;
}

/* NAME must name one site only: not another's name, nor its id. */
static gboolean
check_new_name (BylineSiteList *sites,
                const char     *name,
                BylineCliExit  *status)
{
  if (name == NULL)
    return TRUE;
  if (*name == '\0')
    *status = byline_cli_usage_printf (_("the site’s name cannot be empty"));
  else if (byline_site_list_find (sites, name) != NULL)
    *status = byline_cli_usage_printf (_("there is already a site named “%s”: choose another "
                                         "name, or remove that site first"), name);
  else
    return TRUE;
  return FALSE;
}

static gboolean
make_default (BylineSiteList  *sites,
              BylineSite      *site,
              GError         **error)
{
  if (!add_default || byline_site_get_is_default (site))
    return TRUE;
  byline_site_list_set_default (sites, site);
  return byline_site_list_save (sites, error);
}

static BylineCliExit
site_add (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BylineSiteList) sites = NULL;
  g_autoptr(BylineSite) site = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ca_file = NULL;
  const char *name, *url;
  char *password;
  BylineCliExit status;

  context = byline_cli_option_context_new (_("[NAME] URL"),
                                           _("Adds a WordPress site under a short NAME of your "
                                             "choice (without one, the site’s title): finds its "
                                             "API, checks the account, keeps the application "
                                             "password in the keyring and fetches the categories "
                                             "and tags. The password is read from standard input "
                                             "(--password-stdin) or asked for, never taken from "
                                             "the command line. Prints the site’s id."),
                                           add_entries);
  if (!refuse_password_in_argv (argc, argv, &status) ||
      !byline_cli_parse (context, &argc, &argv, 1, 2, &status))
    return status;
  name = argc == 3 ? argv[1] : NULL;
  url = argv[argc - 1];
  if (add_user == NULL || *add_user == '\0')
    return byline_cli_usage_printf (_("--user is required"));
  if ((sites = load_sites (&error)) == NULL)
    return byline_cli_fail (error);
  /* Before the password is asked for: the user would type it for nothing. */
  if (!check_new_name (sites, name, &status))
    return status;
  if ((password = read_password (&status)) == NULL)
    return status;

  /* Kept in sites.json: relative to nothing once we exit. */
  if (add_ca_file != NULL)
    ca_file = g_canonicalize_filename (add_ca_file, NULL);

  fprintf (stderr, _("Checking %s…\n"), url);
  byline_site_add_named_async (sites, name, url, add_user, password, ca_file, NULL,
                               byline_cli_result_cb, &result);
  byline_secret_free (password);
  site = byline_site_add_finish (sites, byline_cli_run_async_until_done (&result), &error);
  if (site == NULL || !make_default (sites, site, &error))
    return byline_cli_fail (error);

  printf ("%s\n", byline_site_get_id (site));
  return BYLINE_CLI_EXIT_OK;
}

/* list -------------------------------------------------------------------- */

static gboolean list_json;

static const GOptionEntry list_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &list_json, N_("Print a JSON array"), NULL },
  { NULL }
};

static void
print_site (BylineSite *site)
{
  printf ("%s  %s  %s  %s%s\n", byline_site_get_id (site), byline_site_get_name (site),
          byline_site_get_url (site), byline_site_get_user (site),
          byline_site_get_is_default (site) ? _(" [default]") : "");
}

static BylineCliExit
site_list (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BylineSiteList) sites = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(GError) error = NULL;
  BylineCliExit status;

  context = byline_cli_option_context_new (NULL, _("Lists the sites: id, name, address, user."),
                                           list_entries);
  if (!byline_cli_parse (context, &argc, &argv, 0, 0, &status))
    return status;
  if ((sites = load_sites (&error)) == NULL)
    return byline_cli_fail (error);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sites)); i++)
    {
      g_autoptr(BylineSite) site = g_list_model_get_item (G_LIST_MODEL (sites), i);

      if (list_json)
        json_array_add_element (array, byline_site_to_json (site));
      else
        print_site (site);
    }
  if (list_json)
    byline_cli_print_json_array (g_steal_pointer (&array));
  return BYLINE_CLI_EXIT_OK;
}

/* remove, default and check ---------------------------------------------- */

/* The start of every command that acts on one site named by its only
 * argument: parse, load the list, find the site. On failure @status says
 * how to exit. */
static BylineSite *
parse_site_argument (int              argc,
                     char           **argv,
                     const char      *summary,
                     BylineSiteList **sites,
                     BylineCliExit   *status)
{
  g_autoptr(GOptionContext) context = byline_cli_option_context_new (_("SITE"), summary, NULL);
  g_autoptr(GError) error = NULL;
  BylineSite *site;

  if (!byline_cli_parse (context, &argc, &argv, 1, 1, status))
    return NULL;
  if ((*sites = load_sites (&error)) == NULL ||
      (site = byline_cli_site_find (*sites, argv[1], &error)) == NULL)
    {
      *status = byline_cli_fail (error);
      return NULL;
    }
  return site;
}

static BylineCliExit
site_remove (int    argc,
             char **argv)
{
  g_autoptr(BylineSiteList) sites = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  BylineSite *site;
  BylineCliExit status;

  site = parse_site_argument (argc, argv,
                               _("Removes a site (SITE: its name or id), its password "
                                 "from the keyring and its cached categories and "
                                 "tags."),
                               &sites, &status);
  if (site == NULL)
    return status;

  byline_site_forget_async (sites, site, NULL, byline_cli_result_cb, &result);
  if (!byline_site_forget_finish (sites, byline_cli_run_async_until_done (&result), &error))
    return byline_cli_fail (error);
  return BYLINE_CLI_EXIT_OK;
}

static BylineCliExit
site_default (int    argc,
              char **argv)
{
  g_autoptr(BylineSiteList) sites = NULL;
  g_autoptr(GError) error = NULL;
  BylineSite *site;
  BylineCliExit status;

  site = parse_site_argument (argc, argv,
                               _("Makes a site (SITE: its name or id) the one "
                                 "articles go to unless they name another."),
                               &sites, &status);
  if (site == NULL)
    return status;

  byline_site_list_set_default (sites, site);
  if (!byline_site_list_save (sites, &error))
    return byline_cli_fail (error);
  return BYLINE_CLI_EXIT_OK;
}

/* refresh ----------------------------------------------------------------- */

static gboolean
refresh_site (BylineSite  *site,
              GError     **error)
{
  g_autoptr(GAsyncResult) connected = NULL;
  g_autoptr(GAsyncResult) refreshed = NULL;
  g_autoptr(BylineCms) cms = NULL;
  g_autoptr(BylineSiteTerms) terms = NULL;
  gboolean from_cache = FALSE;

  byline_site_connect_async (site, NULL, byline_cli_result_cb, &connected);
  cms = byline_site_connect_finish (site, byline_cli_run_async_until_done (&connected), error);
  if (cms == NULL)
    return FALSE;

  byline_site_terms_refresh_async (site, cms, NULL, byline_cli_result_cb, &refreshed);
  terms = byline_site_terms_refresh_finish (byline_cli_run_async_until_done (&refreshed),
                                            &from_cache, error);
  if (terms == NULL)
    return FALSE;
  if (from_cache)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE,
                   _("%s could not be reached: the categories and tags are the ones fetched "
                     "before"), byline_site_get_name (site));
      return FALSE;
    }

  fprintf (stderr, _("%s: %u categories, %u tags\n"), byline_site_get_name (site),
           terms->categories->len, terms->tags->len);
  return TRUE;
}

static BylineCliExit
site_refresh (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BylineSiteList) sites = NULL;
  g_autoptr(GError) error = NULL;
  BylineCliExit status;
  BylineCliExit result = BYLINE_CLI_EXIT_OK;

  context = byline_cli_option_context_new (_("[SITE]"),
                                           _("Fetches the categories and tags of a site (SITE: "
                                             "its name or id), or of every site, for use "
                                             "offline."),
                                           NULL);
  if (!byline_cli_parse (context, &argc, &argv, 0, 1, &status))
    return status;
  if ((sites = load_sites (&error)) == NULL)
    return byline_cli_fail (error);
  if (argc == 2)
    {
      BylineSite *site = byline_cli_site_find (sites, argv[1], &error);

      if (site == NULL || !refresh_site (site, &error))
        return byline_cli_fail (error);
      return BYLINE_CLI_EXIT_OK;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sites)); i++)
    {
      g_autoptr(BylineSite) site = g_list_model_get_item (G_LIST_MODEL (sites), i);
      g_autoptr(GError) site_error = NULL;

      if (!refresh_site (site, &site_error))
        result = byline_cli_fail (site_error);
    }
  return result;
}

/* check ------------------------------------------------------------------- */

/* Why the account does not work, and what to do about it. */
static BylineCliExit
check_failed (BylineSite   *site,
              const GError *error)
{
  const char *name = byline_site_get_name (site);

  if (g_error_matches (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_AUTH))
    return byline_cli_fail_printf (_("%s refused the password of %s: create a new application "
                                     "password in WordPress (Users → Profile → Application "
                                     "Passwords), then remove the site and add it again (%s)"),
                                   name, byline_site_get_user (site), error->message);
  if (g_error_matches (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_NETWORK))
    return byline_cli_fail_printf (_("%s could not be reached: %s"), name, error->message);
  return byline_cli_fail_printf (_("%s: the account does not work: %s"), name, error->message);
}

static const char *
yes_no (const BylineCmsUser *user,
        const char          *capability)
{
  gboolean granted = user->capabilities != NULL &&
                     g_strv_contains ((const char * const *) user->capabilities, capability);

  return granted ? _("yes") : _("no");
}

static char *
dup_time_zone (BylineSite *site)
{
  int offset = byline_site_get_gmt_offset (site);

  if (byline_site_get_timezone (site) != NULL)
    return g_strdup (byline_site_get_timezone (site));
  return g_strdup_printf ("UTC%c%02d:%02d", offset < 0 ? '-' : '+', ABS (offset) / 3600,
                          ABS (offset) % 3600 / 60);
}

static void
print_check (BylineSite          *site,
             const BylineCmsUser *user)
{
  g_autofree char *time_zone = dup_time_zone (site);

  printf ("%s %s\n", _("Name:"), byline_site_get_name (site));
  printf ("%s %s\n", _("Address:"), byline_site_get_url (site));
  printf ("%s %s%s%s%s\n", _("User:"), byline_site_get_user (site),
          user->name != NULL ? " (" : "", user->name != NULL ? user->name : "",
          user->name != NULL ? ")" : "");
  printf ("%s %s\n", _("May publish:"), yes_no (user, "publish_posts"));
  printf ("%s %s\n", _("May upload photos:"), yes_no (user, "upload_files"));
  /* WordPress maps creating a category and creating a tag to the same
   * capability (byline-publish-plan.c says why). */
  printf ("%s %s\n", _("May create categories:"), yes_no (user, "manage_categories"));
  printf ("%s %s\n", _("May create tags:"), yes_no (user, "manage_categories"));
  printf ("%s %s\n", _("Time zone:"), time_zone);
}

static BylineCliExit
site_check (int    argc,
            char **argv)
{
  g_autoptr(BylineSiteList) sites = NULL;
  g_autoptr(GAsyncResult) connected = NULL;
  g_autoptr(GAsyncResult) verified = NULL;
  g_autoptr(BylineCms) cms = NULL;
  g_autoptr(BylineCmsUser) user = NULL;
  g_autoptr(GError) error = NULL;
  BylineSite *site;
  BylineCliExit status;

  site = parse_site_argument (argc, argv,
                               _("Checks that the account of a site (SITE: its name "
                                 "or id) works with the password in the keyring, and "
                                 "prints what the user may do there."),
                               &sites, &status);
  if (site == NULL)
    return status;

  byline_site_connect_async (site, NULL, byline_cli_result_cb, &connected);
  cms = byline_site_connect_finish (site, byline_cli_run_async_until_done (&connected), &error);
  if (cms == NULL)
    return byline_cli_fail (error);
  byline_cms_verify_async (cms, NULL, byline_cli_result_cb, &verified);
  user = byline_cms_verify_finish (cms, byline_cli_run_async_until_done (&verified), &error);
  if (user == NULL)
    return check_failed (site, error);

  print_check (site, user);
  return BYLINE_CLI_EXIT_OK;
}

static const BylineCliSubcommand site_commands[] = {
  { "add", N_("Add a WordPress site"), site_add },
  { "list", N_("List the sites"), site_list },
  { "check", N_("Check that a site’s account works"), site_check },
  { "remove", N_("Remove a site and its password"), site_remove },
  { "default", N_("Choose the site articles go to by default"), site_default },
  { "refresh", N_("Fetch the categories and tags of the sites again"), site_refresh },
};

BylineCliExit
byline_cli_site_run (int    argc,
                     char **argv)
{
  return byline_cli_dispatch ("site", site_commands, G_N_ELEMENTS (site_commands), argc, argv);
}
