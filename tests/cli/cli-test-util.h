/* cli-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real byline-cli binary (BYLINE_CLI) the way a script does, in
 * the XDG folders that G_TEST_OPTION_ISOLATE_DIRS gives each test.
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A launcher whose children live in the test's XDG folders. */
GSubprocessLauncher *cli_launcher_new (GSubprocessFlags flags);
/* Runs byline-cli with the NULL-terminated arguments, @input on its
 * standard input (a pipe, never a terminal; NULL for empty), and returns
 * its exit status; @out and @err may be NULL. */
int       cli_run             (const char  *input,
                               char       **out,
                               char       **err,
                               ...) G_GNUC_NULL_TERMINATED;
int       cli_runv            (const char  *input,
                               const char * const *args,
                               char       **out,
                               char       **err);
/* The same, without a network (`unshare --net`: needs root). */
int       cli_run_offline     (char       **out,
                               char       **err,
                               ...) G_GNUC_NULL_TERMINATED;
/* Runs it, asserts exit 0 and returns its standard output. */
char     *cli_run_ok          (const char  *first_arg,
                               ...) G_GNUC_NULL_TERMINATED;
/* Runs it, asserts exit 0 and an empty standard output. */
void      cli_run_quiet       (const char  *first_arg,
                               ...) G_GNUC_NULL_TERMINATED;
/* Runs it with the arguments and asserts the output parses as JSON. */
JsonNode *cli_run_json        (const char  *first_arg,
                               ...) G_GNUC_NULL_TERMINATED;
/* Imports the seed article and returns the printed id (asserting that the
 * output is the id alone). */
char     *cli_import_seed     (void);
char     *cli_seed_path       (void);
/* $XDG_DATA_HOME/io.github.bylinedesk.Byline */
char     *cli_store_root      (void);
/* Whether @needle occurs in any file under @dir (recursively). */
gboolean  cli_tree_contains   (const char  *dir,
                               const char  *needle);
/* Asserts that @haystack contains @needle, printing both when not. */
void      cli_assert_contains (const char  *haystack,
                               const char  *needle);

G_END_DECLS
