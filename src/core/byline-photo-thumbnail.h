/* byline-photo-thumbnail.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small previews for the photo tray and cards. The pixels come back raw so
 * the GUI wraps them in a GdkMemoryTexture (GDK_MEMORY_R8G8B8A8) without
 * an encode/decode round trip.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_PHOTO_THUMBNAIL (byline_photo_thumbnail_get_type ())

typedef struct
{
  guint   width;
  guint   height;
  gsize   rowstride;
  /* sRGB, 8 bits per channel, R G B A, straight (not premultiplied) alpha;
   * opaque photos have A = 255. */
  GBytes *pixels;
} BylinePhotoThumbnail;

GType                 byline_photo_thumbnail_get_type (void) G_GNUC_CONST;
BylinePhotoThumbnail *byline_photo_thumbnail_copy     (const BylinePhotoThumbnail  *thumbnail);
void                  byline_photo_thumbnail_free     (BylinePhotoThumbnail        *thumbnail);

/* Decodes @file (a local file) upright, its longest edge at most @size
 * (never enlarged), in a worker thread. */
void                  byline_photo_thumbnail_async    (GFile                       *file,
                                                       guint                        size,
                                                       GCancellable                *cancellable,
                                                       GAsyncReadyCallback          callback,
                                                       gpointer                     user_data);
BylinePhotoThumbnail *byline_photo_thumbnail_finish   (GAsyncResult                *result,
                                                       GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylinePhotoThumbnail, byline_photo_thumbnail_free)

G_END_DECLS
