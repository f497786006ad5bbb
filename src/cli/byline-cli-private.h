/* byline-cli-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the command groups of byline-cli share: running the async core to
 * completion, the draft store opened the way a second process must open
 * it, the exit-status helpers and the JSON printer.
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "byline-cli.h"
#include "byline-draft-store.h"
#include "byline-site-list.h"

G_BEGIN_DECLS

/* One subcommand of a group: argv[0] is its own name. */
typedef BylineCliExit (*BylineCliSubcommandFunc) (int    argc,
                                                  char **argv);

typedef struct
{
  const char              *name;
  const char              *summary;
  BylineCliSubcommandFunc  run;
} BylineCliSubcommand;

/* The command groups, one per file. */
BylineCliExit     byline_cli_draft_run             (int                        argc,
                                                    char                     **argv);
BylineCliExit     byline_cli_photo_run             (int                        argc,
                                                    char                     **argv);
BylineCliExit     byline_cli_site_run              (int                        argc,
                                                    char                     **argv);
BylineCliExit     byline_cli_publish_run           (int                        argc,
                                                    char                     **argv);
BylineCliExit     byline_cli_outbox_run            (int                        argc,
                                                    char                     **argv);

/* Dispatches argv[1] of @group to its subcommand, or prints the group's
 * help (exit 0 for --help, 2 otherwise). */
BylineCliExit     byline_cli_dispatch              (const char                *group,
                                                    const BylineCliSubcommand *subcommands,
                                                    guint                      n_subcommands,
                                                    int                        argc,
                                                    char                     **argv);

/* The async flow: pass byline_cli_result_cb with &result as its user data,
 * then byline_cli_run_async_until_done (&result) runs the main context
 * until the callback has stored the result, and returns it. */
void              byline_cli_result_cb             (GObject                   *object,
                                                    GAsyncResult              *result,
                                                    gpointer                   user_data);
GAsyncResult     *byline_cli_run_async_until_done  (GAsyncResult             **result);

/* Parses the options of a subcommand. Returns FALSE after printing the
 * usage error (*exit_status = 2) or the help (--help, *exit_status = 0).
 * On success @argc/@argv keep the subcommand name and the positional
 * arguments, which must number between @min_args and @max_args (-1: no
 * maximum). */
gboolean          byline_cli_parse                 (GOptionContext            *context,
                                                    int                       *argc,
                                                    char                    ***argv,
                                                    int                        min_args,
                                                    int                        max_args,
                                                    BylineCliExit             *exit_status);
GOptionContext   *byline_cli_option_context_new    (const char                *parameters,
                                                    const char                *summary,
                                                    const GOptionEntry        *entries);

/* Prints "byline-cli: <message>" on stderr and returns 1. */
BylineCliExit     byline_cli_fail                  (const GError              *error);
BylineCliExit     byline_cli_fail_printf           (const char                *format,
                                                    ...) G_GNUC_PRINTF (1, 2);
/* Prints the message and a hint to --help on stderr and returns 2. */
BylineCliExit     byline_cli_usage_printf          (const char                *format,
                                                    ...) G_GNUC_PRINTF (1, 2);

/* The draft store at its default root, as a second process opens it: it
 * leaves the GUI's session record alone. */
BylineDraftStore *byline_cli_store_open            (GError                   **error);
/* Writes everything and stops watching; FALSE when something is unsaved. */
gboolean          byline_cli_store_close           (BylineDraftStore          *store,
                                                    GError                   **error);
/* The draft @id, or an error "no draft with id …". */
BylineArticle    *byline_cli_draft_open            (BylineDraftStore          *store,
                                                    const char                *id,
                                                    GError                   **error);
/* Fails with "read-only" when a newer Byline wrote the draft. */
gboolean          byline_cli_draft_check_writable  (BylineDraftStore          *store,
                                                    BylineArticle             *article,
                                                    GError                   **error);

/* The site the user named (byline_site_list_find()), or an error. */
BylineSite       *byline_cli_site_find             (BylineSiteList            *sites,
                                                    const char                *name_or_id,
                                                    GError                   **error);
/* "YYYY-MM-DD HH:MM", or ISO 8601; in @tz when it names no zone. NULL
 * when it is neither. */
GDateTime        *byline_cli_parse_time            (const char                *value,
                                                    GTimeZone                 *tz);

void              byline_cli_print_json            (JsonNode                  *node);
/* Prints @array (taking it) as a JSON array. */
void              byline_cli_print_json_array      (JsonArray                 *array);
/* "a, b, c": the names of a table of fields whose first member is the
 * name (const char *), @stride bytes apart. */
char             *byline_cli_join_names            (gconstpointer              table,
                                                    gsize                      n_entries,
                                                    gsize                      stride);
/* "2026-11-28 12:30" in local time; NULL when @when is NULL. */
char             *byline_cli_format_time           (GDateTime                 *when);

G_END_DECLS
