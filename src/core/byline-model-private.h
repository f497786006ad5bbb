/* byline-model-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the article, block and photo code: how user text comes
 * in (NFC, absent when empty) and how article.json is read strictly.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "byline-types.h"

G_BEGIN_DECLS

char      *byline_model_dup_text      (const char         *text);
gboolean   byline_model_set_text      (char              **field,
                                       const char         *value);
char     **byline_model_dup_strv      (const char * const *strv);
gboolean   byline_photo_id_is_valid   (const char         *id);

void       byline_json_set_invalid    (GError            **error,
                                       const char         *where,
                                       const char         *member,
                                       const char         *problem);
gboolean   byline_json_get_string     (JsonObject         *object,
                                       const char         *where,
                                       const char         *member,
                                       char              **out,
                                       GError            **error);
gboolean   byline_json_get_int        (JsonObject         *object,
                                       const char         *where,
                                       const char         *member,
                                       gint64              min,
                                       gint64              max,
                                       gint64             *out,
                                       GError            **error);
gboolean   byline_json_get_bool       (JsonObject         *object,
                                       const char         *where,
                                       const char         *member,
                                       gboolean           *out,
                                       GError            **error);
gboolean   byline_json_get_array      (JsonObject         *object,
                                       const char         *where,
                                       const char         *member,
                                       JsonArray         **out,
                                       GError            **error);
gboolean   byline_json_get_object     (JsonObject         *object,
                                       const char         *where,
                                       const char         *member,
                                       JsonObject        **out,
                                       GError            **error);
gboolean   byline_json_get_strv       (JsonObject         *object,
                                       const char         *where,
                                       const char         *member,
                                       char             ***out,
                                       GError            **error);
gboolean   byline_json_get_date_time  (JsonObject         *object,
                                       const char         *where,
                                       const char         *member,
                                       GDateTime         **out,
                                       GError            **error);
JsonObject *byline_json_element_object (JsonArray         *array,
                                       guint               index,
                                       const char         *where,
                                       const char         *member,
                                       GError            **error);
void       byline_json_add_string     (JsonBuilder        *builder,
                                       const char         *member,
                                       const char         *value);
void       byline_json_add_strv       (JsonBuilder        *builder,
                                       const char         *member,
                                       const char * const *strv);
void       byline_json_add_date_time  (JsonBuilder        *builder,
                                       const char         *member,
                                       GDateTime          *date_time);

/* Blocks read from the "body" array; where names the element in errors. */

BylineBlock *byline_block_new_from_json_at (JsonObject  *object,
                                            const char  *where,
                                            gboolean     tolerant,
                                            GError     **error);
gboolean     byline_block_type_is_known    (const char  *type);
void         byline_block_seal             (BylineBlock *self);
BylinePhoto *byline_photo_new_from_json_at (JsonObject  *object,
                                            const char  *where,
                                            GError     **error);

G_END_DECLS
