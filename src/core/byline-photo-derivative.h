/* byline-photo-derivative.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file actually uploaded for a photo: resized, upright, stripped of
 * GPS and everything else, with the current credits written into it.
 */

#pragma once

#include <gio/gio.h>

#include "byline-photo.h"

G_BEGIN_DECLS

/* WordPress's own "big image" threshold since 5.3. */
#define BYLINE_PHOTO_DERIVATIVE_DEFAULT_MAX_EDGE 2048

/* Makes (or reuses) @cache_dir/<id>-<max_edge>-<credits digest>.jpg from
 * the photo's copy in @bundle_dir: longest edge at most @max_edge (0 for
 * the default; never upscaled), EXIF orientation applied, all metadata
 * dropped, then caption, alt text, creator, credit line, copyright, source,
 * city and date written back as XMP, IPTC IIM (UTF-8) and EXIF Artist /
 * Copyright. JPEG quality 85; a photo with transparency stays PNG (.png).
 * The credits are read from @photo now, on the calling thread: editing
 * them later gives another file name, so a stale derivative is never
 * uploaded. */
void   byline_photo_derivative_async  (BylinePhoto          *photo,
                                       GFile                *bundle_dir,
                                       guint                 max_edge,
                                       GFile                *cache_dir,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
GFile *byline_photo_derivative_finish (GAsyncResult         *result,
                                       GError              **error);

/* Checks, in a worker thread, that every photo of @photos (BylinePhoto)
 * has its copy in @bundle_dir and that the copy's header reads as an
 * image: the cheap part of making their derivatives, so that a
 * publication whose derivatives are made while it uploads still stops at
 * a missing photo before anything is sent. Fails with the error
 * byline_photo_derivative_finish() would give. */
void     byline_photo_derivative_check_async  (GPtrArray            *photos,
                                               GFile                *bundle_dir,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean byline_photo_derivative_check_finish (GAsyncResult         *result,
                                               GError              **error);

G_END_DECLS
