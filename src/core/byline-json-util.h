/* byline-json-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lenient readers for JSON that Byline must take as it comes (a WordPress
 * reply, a ninjs file, the draft index): a member that is absent, null or
 * of another type reads as NULL, where json-glib's own getters would warn
 * (a critical) about a missing one. article.json is read strictly instead,
 * with byline_json_get_*() in byline-model-private.h. And the writer that
 * goes with them: a member whose value is absent is left out.
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

const char *byline_json_peek_string (JsonObject *object,
                                     const char *member);
JsonArray  *byline_json_peek_array  (JsonObject *object,
                                     const char *member);
gint64      byline_json_peek_int    (JsonObject *object,
                                     const char *member,
                                     gint64      fallback);
gint64      byline_json_node_peek_int (JsonNode *node,
                                       gint64    fallback);
char       *byline_json_dup_string  (JsonObject *object,
                                     const char *member);

void        byline_json_add_nullable_string (JsonBuilder *builder,
                                             const char  *member,
                                             const char  *value);

G_END_DECLS
