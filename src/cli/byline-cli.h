/* byline-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of byline-cli; scripts rely on them, keep them stable. */
typedef enum
{
  BYLINE_CLI_EXIT_OK     = 0,
  BYLINE_CLI_EXIT_FAILED = 1,
  BYLINE_CLI_EXIT_USAGE  = 2,
  BYLINE_CLI_EXIT_QUEUED = 3,
} BylineCliExit;

BylineCliExit byline_cli_run (int    argc,
                              char **argv);

G_END_DECLS
