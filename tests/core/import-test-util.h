/* import-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One line per block: "P text", "H2 text", "Q text", "UL text", "OL text",
 * each followed by its marks: " [b 0-4]", " [i 2-3]", " [a 0-3 href]". */
char *import_test_dump_blocks (GPtrArray *blocks);

G_END_DECLS
