/* byline-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-cli: the same core as the GUI, for scripts and for reporters who
 * live in a terminal. Each subcommand is one entry of the table below; the
 * help text is made from the table so it cannot drift from what runs.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "byline-cli-private.h"

typedef BylineCliExit (*BylineCliCommandFunc) (int    argc,
                                               char **argv);

typedef struct
{
  const char           *name;
  const char           *summary;
  BylineCliCommandFunc  run;
} BylineCliCommand;

static const BylineCliCommand commands[] = {
  { "draft", N_("Import, list, show, edit and delete drafts"), byline_cli_draft_run },
  { "photo", N_("Attach photos to a draft and edit their credits"), byline_cli_photo_run },
  { "site", N_("Add and list the sites articles are published to"), byline_cli_site_run },
  { "publish", N_("Publish a draft, or queue it until the network is back"), byline_cli_publish_run },
  { "outbox", N_("Show and run the queue of articles waiting to be sent"), byline_cli_outbox_run },
};

static void
byline_cli_print_help (FILE *stream)
{
  fprintf (stream, "%s\n  byline-cli [--version] [--help] %s\n\n",
           _("Usage:"), _("COMMAND [ARGUMENTS…]"));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Exit status:"));
  fprintf (stream, "  0  %s\n", _("done"));
  fprintf (stream, "  1  %s\n", _("failed (the reason is printed on standard error)"));
  fprintf (stream, "  2  %s\n", _("usage error"));
  fprintf (stream, "  3  %s\n", _("queued, not sent yet (it goes out when the network is back)"));
  fprintf (stream, "\n%s\n", _("Run “byline-cli COMMAND --help” for the options of a command."));
}

static const BylineCliCommand *
byline_cli_find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (commands[i].name, name) == 0)
        return &commands[i];
    }

  return NULL;
}

/**
 * byline_cli_run:
 * @argc: the number of arguments
 * @argv: the arguments, @argv[0] being the program name
 *
 * Runs byline-cli.
 *
 * Returns: the process exit status
 */
BylineCliExit
byline_cli_run (int    argc,
                char **argv)
{
  const BylineCliCommand *command;

  g_return_val_if_fail (argc > 0, BYLINE_CLI_EXIT_USAGE);
  g_return_val_if_fail (argv != NULL, BYLINE_CLI_EXIT_USAGE);

  if (argc < 2)
    {
      byline_cli_print_help (stderr);
      return BYLINE_CLI_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      byline_cli_print_help (stdout);
      return BYLINE_CLI_EXIT_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("byline-cli %s\n", PACKAGE_VERSION);
      return BYLINE_CLI_EXIT_OK;
    }

  command = byline_cli_find_command (argv[1]);
  if (command == NULL)
    {
      fprintf (stderr, _("byline-cli: unknown command “%s”\n"), argv[1]);
      fprintf (stderr, "%s\n", _("Run “byline-cli --help” for the list of commands."));
      return BYLINE_CLI_EXIT_USAGE;
    }

  if (command->run == NULL)
    {
      fprintf (stderr, _("byline-cli: “%s” is not available in this version\n"), command->name);
      return BYLINE_CLI_EXIT_FAILED;
    }

  return command->run (argc - 1, argv + 1);
}

/* Shared by the command groups -------------------------------------------- */

static gboolean help_requested;

static const GOptionEntry help_entries[] = {
  { "help", 'h', 0, G_OPTION_ARG_NONE, &help_requested, N_("Show this help"), NULL },
  { NULL }
};

static void
byline_cli_print_group_help (FILE                      *stream,
                             const char                *group,
                             const BylineCliSubcommand *subcommands,
                             guint                      n_subcommands)
{
  fprintf (stream, "%s\n  byline-cli %s %s\n\n", _("Usage:"), group, _("COMMAND [ARGUMENTS…]"));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < n_subcommands; i++)
    fprintf (stream, "  %-10s %s\n", subcommands[i].name, _(subcommands[i].summary));
  fprintf (stream, "\n");
  fprintf (stream, _("Run “byline-cli %s COMMAND --help” for the options of a command.\n"), group);
}

BylineCliExit
byline_cli_dispatch (const char                *group,
                     const BylineCliSubcommand *subcommands,
                     guint                      n_subcommands,
                     int                        argc,
                     char                     **argv)
{
  g_autofree char *prgname = NULL;

  g_assert (argc >= 1);

  if (argc < 2)
    {
      byline_cli_print_group_help (stderr, group, subcommands, n_subcommands);
      return BYLINE_CLI_EXIT_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      byline_cli_print_group_help (stdout, group, subcommands, n_subcommands);
      return BYLINE_CLI_EXIT_OK;
    }

  for (guint i = 0; i < n_subcommands; i++)
    {
      if (strcmp (subcommands[i].name, argv[1]) != 0)
        continue;
      /* GOptionContext puts the program name in its usage line. */
      prgname = g_strdup_printf ("byline-cli %s %s", group, subcommands[i].name);
      g_set_prgname (prgname);
      return subcommands[i].run (argc - 1, argv + 1);
    }

  fprintf (stderr, _("byline-cli: unknown command “%s %s”\n"), group, argv[1]);
  byline_cli_print_group_help (stderr, group, subcommands, n_subcommands);
  return BYLINE_CLI_EXIT_USAGE;
}

GOptionContext *
byline_cli_option_context_new (const char         *parameters,
                               const char         *summary,
                               const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  /* GLib's own --help calls exit(): ours returns through the caller. */
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, help_entries, GETTEXT_PACKAGE);
  return context;
}

static void
byline_cli_print_usage_hint (void)
{
  fprintf (stderr, _("Run “%s --help” for its usage.\n"), g_get_prgname ());
}

gboolean
byline_cli_parse (GOptionContext   *context,
                  int              *argc,
                  char           ***argv,
                  int               min_args,
                  int               max_args,
                  BylineCliExit    *exit_status)
{
  g_autoptr(GError) error = NULL;
  int n_args;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      fprintf (stderr, "byline-cli: %s\n", error->message);
      byline_cli_print_usage_hint ();
      *exit_status = BYLINE_CLI_EXIT_USAGE;
      return FALSE;
    }
  if (help_requested)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      fputs (help, stdout);
      *exit_status = BYLINE_CLI_EXIT_OK;
      return FALSE;
    }

  /* GLib leaves a "--" that ended the options in place. */
  for (int i = 1; i < *argc; i++)
    {
      if (strcmp ((*argv)[i], "--") == 0)
        {
          memmove (&(*argv)[i], &(*argv)[i + 1], sizeof (char *) * (*argc - i));
          (*argc)--;
          break;
        }
    }

  n_args = *argc - 1;
  if (n_args < min_args || (max_args >= 0 && n_args > max_args))
    {
      fprintf (stderr, "%s\n", n_args < min_args ? _("byline-cli: missing arguments")
                                                 : _("byline-cli: too many arguments"));
      byline_cli_print_usage_hint ();
      *exit_status = BYLINE_CLI_EXIT_USAGE;
      return FALSE;
    }

  return TRUE;
}

void
byline_cli_result_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert (*slot == NULL);
  *slot = g_object_ref (result);
}

/**
 * byline_cli_run_async_until_done:
 * @result: where byline_cli_result_cb() stores the result
 *
 * The one main loop of byline-cli: the core is async (worker threads,
 * libsoup, file monitors), so each step runs the default main context
 * until its callback has fired.
 *
 * Returns: (transfer none): *@result
 */
GAsyncResult *
byline_cli_run_async_until_done (GAsyncResult **result)
{
  g_assert (result != NULL);

  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static BylineCliExit byline_cli_vprint (BylineCliExit  status,
                                        const char    *format,
                                        va_list        args) G_GNUC_PRINTF (2, 0);

static BylineCliExit
byline_cli_vprint (BylineCliExit  status,
                   const char    *format,
                   va_list        args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  fprintf (stderr, "byline-cli: %s\n", message);
  if (status == BYLINE_CLI_EXIT_USAGE)
    byline_cli_print_usage_hint ();
  return status;
}

BylineCliExit
byline_cli_fail (const GError *error)
{
  g_assert (error != NULL);

  fprintf (stderr, "byline-cli: %s\n", error->message);
  return BYLINE_CLI_EXIT_FAILED;
}

BylineCliExit
byline_cli_fail_printf (const char *format,
                        ...)
{
  BylineCliExit status;
  va_list args;

  va_start (args, format);
  status = byline_cli_vprint (BYLINE_CLI_EXIT_FAILED, format, args);
  va_end (args);
  return status;
}

BylineCliExit
byline_cli_usage_printf (const char *format,
                         ...)
{
  BylineCliExit status;
  va_list args;

  va_start (args, format);
  status = byline_cli_vprint (BYLINE_CLI_EXIT_USAGE, format, args);
  va_end (args);
  return status;
}

BylineDraftStore *
byline_cli_store_open (GError **error)
{
  g_autoptr(BylineDraftStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GPtrArray *problems;

  /* A second process next to a running GUI: the GUI owns session.json
   * (its crash record); our saves still go through the index, which the
   * GUI's file monitor follows. */
  store = g_object_new (BYLINE_TYPE_DRAFT_STORE, "owns-session", FALSE, NULL);
  byline_draft_store_load_async (store, NULL, byline_cli_result_cb, &result);
  if (!byline_draft_store_load_finish (store, byline_cli_run_async_until_done (&result), error))
    return NULL;

  problems = byline_draft_store_get_load_problems (store);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const BylineDraftProblem *problem = g_ptr_array_index (problems, i);

      fprintf (stderr, _("byline-cli: warning: %s\n"), problem->message);
    }

  return g_steal_pointer (&store);
}

gboolean
byline_cli_store_close (BylineDraftStore  *store,
                        GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_assert (BYLINE_IS_DRAFT_STORE (store));

  byline_draft_store_close_async (store, NULL, byline_cli_result_cb, &result);
  return byline_draft_store_close_finish (store, byline_cli_run_async_until_done (&result), error);
}

BylineArticle *
byline_cli_draft_open (BylineDraftStore  *store,
                       const char        *id,
                       GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) local_error = NULL;
  BylineArticle *article;

  g_assert (BYLINE_IS_DRAFT_STORE (store));

  byline_draft_store_open_async (store, id, NULL, byline_cli_result_cb, &result);
  article = byline_draft_store_open_finish (store, byline_cli_run_async_until_done (&result),
                                            &local_error);
  if (g_error_matches (local_error, BYLINE_DRAFT_STORE_ERROR, BYLINE_DRAFT_STORE_ERROR_NOT_FOUND))
    {
      g_set_error (error, BYLINE_DRAFT_STORE_ERROR, BYLINE_DRAFT_STORE_ERROR_NOT_FOUND,
                   _("no draft with id “%s”"), id);
      return NULL;
    }
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return article;
}

gboolean
byline_cli_draft_check_writable (BylineDraftStore  *store,
                                 BylineArticle     *article,
                                 GError           **error)
{
  if (!byline_draft_store_is_read_only (store, article))
    return TRUE;

  g_set_error (error, BYLINE_DRAFT_STORE_ERROR, BYLINE_DRAFT_STORE_ERROR_READ_ONLY,
               _("draft “%s” was written by a newer version of Byline: it is read-only"),
               byline_article_get_id (article));
  return FALSE;
}

void
byline_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

void
byline_cli_print_json_array (JsonArray *array)
{
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), array);

  byline_cli_print_json (node);
  json_array_unref (array);
}

char *
byline_cli_join_names (gconstpointer table,
                       gsize         n_entries,
                       gsize         stride)
{
  GString *names = g_string_new (NULL);

  for (gsize i = 0; i < n_entries; i++)
    {
      const char *name = *(const char * const *) ((const guint8 *) table + i * stride);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", name);
    }
  return g_string_free (names, FALSE);
}

GDateTime *
byline_cli_parse_time (const char *value,
                       GTimeZone  *tz)
{
  g_autofree char *with_seconds = NULL;
  GDateTime *when;

  g_assert (value != NULL);
  g_assert (tz != NULL);

  if ((when = g_date_time_new_from_iso8601 (value, tz)) != NULL)
    return when;

  /* GLib wants seconds; people type "2026-12-01 08:00" or
   * "2026-12-01T08:00+07:00", which ISO 8601 allows. */
  if (strlen (value) < 16 || value[13] != ':' || value[16] == ':')
    return NULL;
  with_seconds = g_strdup_printf ("%.16s:00%s", value, value + 16);
  return g_date_time_new_from_iso8601 (with_seconds, tz);
}

char *
byline_cli_format_time (GDateTime *when)
{
  g_autoptr(GDateTime) local = NULL;

  if (when == NULL)
    return NULL;

  local = g_date_time_to_local (when);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}
