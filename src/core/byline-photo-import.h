/* byline-photo-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Attaching a photo: copy it into the draft's bundle under its SHA-256,
 * check that it really is an image, pre-fill the credits from its metadata.
 */

#pragma once

#include <gio/gio.h>

#include "byline-photo.h"

G_BEGIN_DECLS

#define BYLINE_PHOTO_ERROR (byline_photo_error_quark ())

/* The messages of these errors are translated and meant for the user. */
typedef enum
{
  BYLINE_PHOTO_ERROR_NOT_AN_IMAGE, /* not a picture at all */
  BYLINE_PHOTO_ERROR_UNSUPPORTED,  /* a picture, but not JPEG, PNG, WebP or GIF */
  BYLINE_PHOTO_ERROR_CORRUPT,      /* damaged or cut short */
  BYLINE_PHOTO_ERROR_FAILED,       /* could not make a derivative or thumbnail */
  BYLINE_PHOTO_ERROR_NO_ENGINE,    /* the photo engine module could not be loaded */
} BylinePhotoError;

GQuark       byline_photo_error_quark   (void);

/* Copies @source to @bundle_dir/photos/<sha256>.<ext> (reusing the file when
 * that photo is already there) and returns a new BylinePhoto with its size
 * (upright, after EXIF orientation), MIME type, original name and credits.
 * On error nothing is left in the bundle. Adding the photo to an article is
 * the caller's job: byline_article_add_photo() refuses a duplicate. */
void         byline_photo_import_async  (GFile                *source,
                                         GFile                *bundle_dir,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
BylinePhoto *byline_photo_import_finish (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
