/* byline-photo-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the photo pipeline (import, metadata, derivative, thumbnail);
 * not installed, not for the GUI. No libvips here: that is the engine's
 * (byline-photo-engine.h).
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      byline_photo_decode_lock       (void);
void      byline_photo_decode_unlock     (void);
gboolean  byline_photo_fsync_path        (const char   *path,
                                          GError      **error);
gboolean  byline_photo_publish_file      (const char   *tmp_path,
                                          const char   *final_path,
                                          GError      **error);

G_END_DECLS
