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

#include "byline-cli.h"

typedef BylineCliExit (*BylineCliCommandFunc) (int    argc,
                                               char **argv);

typedef struct
{
  const char           *name;
  const char           *summary;
  BylineCliCommandFunc  run;
} BylineCliCommand;

static const BylineCliCommand commands[] = {
  { "draft", N_("Import, list, show, edit and delete drafts"), NULL },
  { "photo", N_("Attach photos to a draft and edit their credits"), NULL },
  { "site", N_("Add and list the sites articles are published to"), NULL },
  { "publish", N_("Publish a draft, or queue it until the network is back"), NULL },
  { "outbox", N_("Show and run the queue of articles waiting to be sent"), NULL },
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
