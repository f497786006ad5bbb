/* byline-photo-texture.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Thumbnails of a draft's photos as GdkTextures, decoded in a worker
 * thread and shared by the strip, the panel and the cards of the body.
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-photo.h"

G_BEGIN_DECLS

/* Longest edges the widgets ask for: few sizes, so the cache hits. */
#define BYLINE_PHOTO_TEXTURE_SMALL 256
#define BYLINE_PHOTO_TEXTURE_LARGE 720

/* The file of @photo inside @bundle_dir. */
GFile      *byline_photo_texture_dup_file (BylinePhoto          *photo,
                                           GFile                *bundle_dir);
/* A texture already decoded at @size, else NULL (transfer none). */
GdkTexture *byline_photo_texture_lookup   (GFile                *file,
                                           guint                 size);
void        byline_photo_texture_load_async  (GFile               *file,
                                              guint                size,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GdkTexture *byline_photo_texture_load_finish (GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
