/* byline-photo-metadata.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The credit fields of a photo as they travel between a BylinePhoto and the
 * XMP / IPTC IIM / EXIF of a file. A BylinePhotoCredits is a plain snapshot:
 * take it on the main thread, hand it to a worker, never share a live
 * BylinePhoto with a thread.
 */

#pragma once

#include <glib.h>

#include "byline-photo.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_PHOTO_FIELD_CAPTION,
  BYLINE_PHOTO_FIELD_ALT_TEXT,
  BYLINE_PHOTO_FIELD_CREATOR,
  BYLINE_PHOTO_FIELD_CREDIT_LINE,
  BYLINE_PHOTO_FIELD_COPYRIGHT,
  BYLINE_PHOTO_FIELD_SOURCE,
  BYLINE_PHOTO_FIELD_CITY,
  BYLINE_PHOTO_FIELD_DATE_CREATED,
  BYLINE_PHOTO_N_FIELDS,
} BylinePhotoField;

typedef struct
{
  /* NFC UTF-8, or NULL when absent (never ""). */
  char *fields[BYLINE_PHOTO_N_FIELDS];
} BylinePhotoCredits;

BylinePhotoCredits *byline_photo_credits_new            (void);
BylinePhotoCredits *byline_photo_credits_new_from_photo (BylinePhoto               *photo);
void                byline_photo_credits_free           (BylinePhotoCredits        *credits);
const char         *byline_photo_credits_get            (const BylinePhotoCredits  *credits,
                                                         BylinePhotoField           field);
/* Takes any UTF-8; stores it NFC, NULL for "" or invalid UTF-8. */
void                byline_photo_credits_set            (BylinePhotoCredits        *credits,
                                                         BylinePhotoField           field,
                                                         const char                *value);
/* Sets every field present in @credits on @photo (absent ones are left). */
void                byline_photo_credits_apply          (const BylinePhotoCredits  *credits,
                                                         BylinePhoto               *photo);
/* 16 hex digits that change whenever any field changes. */
char               *byline_photo_credits_dup_digest     (const BylinePhotoCredits  *credits);

/* Reads the credits of the image at @path: XMP first, then IPTC IIM when
 * (and only when) it declares UTF-8, then EXIF Artist / Copyright /
 * ImageDescription when they are valid UTF-8. Blocking: worker threads. */
BylinePhotoCredits *byline_photo_metadata_read          (const char                *path,
                                                         GError                   **error);
/* Replaces all metadata of the image at @path with @credits, written into
 * XMP, IPTC IIM (UTF-8, with the 1:90 marker) and EXIF. Blocking. */
gboolean            byline_photo_metadata_write         (const char                *path,
                                                         const BylinePhotoCredits  *credits,
                                                         GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylinePhotoCredits, byline_photo_credits_free)

G_END_DECLS
