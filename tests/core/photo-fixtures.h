/* photo-fixtures.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real image files made at test time (libvips for pixels, the exiv2 CLI
 * for metadata: an independent writer, so the tests do not check gexiv2
 * against itself) and synchronous wrappers around the photo pipeline.
 */

#pragma once

#include <gio/gio.h>

#include "byline-photo-derivative.h"
#include "byline-photo-import.h"
#include "byline-photo-metadata.h"
#include "byline-photo-thumbnail.h"

G_BEGIN_DECLS

void                  fixture_init            (void);
/* A noisy JPEG (or .png/.webp/.tif by @name's suffix) of that size in the
 * test's temporary folder; returns its path. */
char                 *fixture_make_image      (const char   *name,
                                               int           width,
                                               int           height,
                                               int           bands);
/* Runs `exiv2 -M cmd1 -M cmd2 … path` and asserts it succeeded. */
void                  fixture_exiv2_modify    (const char   *path,
                                               ...) G_GNUC_NULL_TERMINATED;
/* The output of `exiv2 -pa path`. */
char                 *fixture_exiv2_print     (const char   *path);
char                 *fixture_exiv2_value     (const char   *printed,
                                               const char   *key);
char                 *fixture_dup_sha256      (const char   *path);
/* Names of the entries of @dir, sorted; empty when @dir does not exist. */
GStrv                 fixture_list_dir        (const char   *dir);
char                 *fixture_tmp_path        (const char   *name);

BylinePhoto          *fixture_import          (const char   *source,
                                               const char   *bundle,
                                               GError      **error);
char                 *fixture_derivative      (BylinePhoto  *photo,
                                               const char   *bundle,
                                               guint         max_edge,
                                               GError      **error);
BylinePhotoThumbnail *fixture_thumbnail       (const char   *path,
                                               guint         size,
                                               GError      **error);
void                  fixture_image_size      (const char   *path,
                                               int          *width,
                                               int          *height);
double                fixture_region_mean     (const char   *path,
                                               int           left,
                                               int           top,
                                               int           width,
                                               int           height);

G_END_DECLS
