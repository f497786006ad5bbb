/* byline-photo-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the photo pipeline (import, metadata, derivative, thumbnail);
 * not installed, not for the GUI.
 */

#pragma once

#include <gio/gio.h>
#include <vips/vips.h>

G_BEGIN_DECLS

/* libvips 8.14 has no autoptr for VipsImage; a private name cannot clash
 * with the one a later libvips adds. */
typedef VipsImage BylineVipsImage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineVipsImage, g_object_unref)

void      byline_photo_libs_init         (void);
void      byline_photo_decode_lock       (void);
void      byline_photo_decode_unlock     (void);
void      byline_photo_set_vips_error    (GError      **error,
                                          int           code,
                                          const char   *message);
gboolean  byline_photo_fsync_path        (const char   *path,
                                          GError      **error);
gboolean  byline_photo_publish_file      (const char   *tmp_path,
                                          const char   *final_path,
                                          GError      **error);

G_END_DECLS
