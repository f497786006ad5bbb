/* byline-photo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A photo attached to an article. Its id is the SHA-256 of the file (lower
 * case hex); the file lives in the draft's bundle as
 * photos/<id>.<extension>, so a removed SD card does not break a draft.
 * Text fields are NFC; NULL or "" means absent.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "byline-types.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_PHOTO (byline_photo_get_type ())

G_DECLARE_FINAL_TYPE (BylinePhoto, byline_photo, BYLINE, PHOTO, GObject)

/* Each field is also a GObject property of the same name with dashes
 * ("alt-text", "credit-line", "date-created", "media-id"…); setters emit
 * notify only on a real change, and BylineArticle relays any change of one
 * of its photos as its own "changed". */
BylinePhoto *byline_photo_new               (const char  *id,
                                             const char  *extension);
BylinePhoto *byline_photo_new_from_json     (JsonObject  *object,
                                             GError     **error);
JsonNode    *byline_photo_to_json           (BylinePhoto *self);
const char  *byline_photo_get_id            (BylinePhoto *self);
const char  *byline_photo_get_extension     (BylinePhoto *self);
/* "photos/<id>.<extension>", relative to the bundle */
char        *byline_photo_dup_bundle_path   (BylinePhoto *self);
const char  *byline_photo_get_mime_type     (BylinePhoto *self);
void         byline_photo_set_mime_type     (BylinePhoto *self,
                                             const char  *mime_type);
guint        byline_photo_get_width         (BylinePhoto *self);
guint        byline_photo_get_height        (BylinePhoto *self);
void         byline_photo_set_size          (BylinePhoto *self,
                                             guint        width,
                                             guint        height);
const char  *byline_photo_get_original_name (BylinePhoto *self);
void         byline_photo_set_original_name (BylinePhoto *self,
                                             const char  *name);
const char  *byline_photo_get_caption       (BylinePhoto *self);
void         byline_photo_set_caption       (BylinePhoto *self,
                                             const char  *caption);
const char  *byline_photo_get_alt_text      (BylinePhoto *self);
void         byline_photo_set_alt_text      (BylinePhoto *self,
                                             const char  *alt_text);
const char  *byline_photo_get_creator       (BylinePhoto *self);
void         byline_photo_set_creator       (BylinePhoto *self,
                                             const char  *creator);
const char  *byline_photo_get_credit_line   (BylinePhoto *self);
void         byline_photo_set_credit_line   (BylinePhoto *self,
                                             const char  *credit_line);
const char  *byline_photo_get_copyright     (BylinePhoto *self);
void         byline_photo_set_copyright     (BylinePhoto *self,
                                             const char  *copyright);
const char  *byline_photo_get_source        (BylinePhoto *self);
void         byline_photo_set_source        (BylinePhoto *self,
                                             const char  *source);
const char  *byline_photo_get_date_created  (BylinePhoto *self);
void         byline_photo_set_date_created  (BylinePhoto *self,
                                             const char  *date_created);
const char  *byline_photo_get_city          (BylinePhoto *self);
void         byline_photo_set_city          (BylinePhoto *self,
                                             const char  *city);
/* The media item on the target site once uploaded; 0 when not yet. */
gint64       byline_photo_get_media_id      (BylinePhoto *self);
void         byline_photo_set_media_id      (BylinePhoto *self,
                                             gint64       media_id);
const char  *byline_photo_get_media_url     (BylinePhoto *self);
void         byline_photo_set_media_url     (BylinePhoto *self,
                                             const char  *media_url);

G_END_DECLS
