/* byline-photo-engine-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inside libbyline-photo-engine: the functions behind its table
 * (src/core/byline-photo-engine.h). The tests that make images with
 * libvips use BylineVipsImage too.
 */

#pragma once

#include <gio/gio.h>
#include <vips/vips.h>

#include "byline-photo-engine.h"
#include "byline-photo-import.h"

G_BEGIN_DECLS

/* libvips 8.14 has no autoptr for VipsImage; a private name cannot clash
 * with the one a later libvips adds. */
typedef VipsImage BylineVipsImage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineVipsImage, g_object_unref)

void                  byline_photo_engine_set_vips_error (GError                    **error,
                                                          int                         code,
                                                          const char                 *message);

gboolean              byline_photo_engine_identify       (const char                 *path,
                                                          const char                **mime_type,
                                                          const char                **extension,
                                                          guint                      *width,
                                                          guint                      *height,
                                                          GError                    **error);
gboolean              byline_photo_engine_read_header    (const char                 *path,
                                                          gboolean                   *has_alpha,
                                                          gboolean                   *has_profile,
                                                          GError                    **error);
gboolean              byline_photo_engine_render         (const char                 *source_path,
                                                          guint                       max_edge,
                                                          gboolean                    has_alpha,
                                                          gboolean                    has_profile,
                                                          const char                 *out_path,
                                                          GError                    **error);
BylinePhotoThumbnail *byline_photo_engine_thumbnail      (const char                 *path,
                                                          guint                       size,
                                                          GError                    **error);
BylinePhotoCredits   *byline_photo_engine_metadata_read  (const char                 *path,
                                                          GError                    **error);
gboolean              byline_photo_engine_metadata_write (const char                 *path,
                                                          const BylinePhotoCredits   *credits,
                                                          GError                    **error);

G_END_DECLS
