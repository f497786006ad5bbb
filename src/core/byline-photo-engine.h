/* byline-photo-engine.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything of the photo pipeline that needs libvips or gexiv2 lives in a
 * module, libbyline-photo-engine, loaded the first time a photo is
 * imported, previewed or prepared for upload. Linking those libraries
 * into byline itself made the dynamic loader map ~40 more shared objects
 * (ImageMagick, OpenEXR, librsvg…) at every start, ~35 ms of CPU for a
 * window that mostly never shows a photo.
 *
 * Not installed, not for the GUI: the photo pipeline's worker threads call
 * the engine, everyone else calls the _async functions.
 */

#pragma once

#include <gio/gio.h>

#include "byline-photo-metadata.h"
#include "byline-photo-thumbnail.h"

G_BEGIN_DECLS

/* Bumped whenever BylinePhotoEngine changes, so that a module left over
 * from another build is refused instead of called through a wrong table. */
#define BYLINE_PHOTO_ENGINE_ABI 1

/* The one symbol the module exports: returns its table, starting libvips
 * and gexiv2 on the first call. */
#define BYLINE_PHOTO_ENGINE_SYMBOL "byline_photo_engine_get_vtable"

/* Every function is blocking and is called from worker threads. Errors
 * are in BYLINE_PHOTO_ERROR with translated messages (or G_IO_ERROR).
 * The caller holds the decode lock around identify and render, and the
 * metadata lock around metadata_read and metadata_write. */
typedef struct
{
  guint abi;

  /* Checks that @path is an image Byline publishes and that it decodes
   * end to end; returns its MIME type and file extension (static
   * strings) and its upright size. */
  gboolean              (*identify)       (const char                *path,
                                           const char               **mime_type,
                                           const char               **extension,
                                           guint                     *width,
                                           guint                     *height,
                                           GError                   **error);
  /* Reads only the header: whether it has alpha and a colour profile. */
  gboolean              (*read_header)    (const char                *path,
                                           gboolean                  *has_alpha,
                                           gboolean                  *has_profile,
                                           GError                   **error);
  /* Writes @source_path upright and shrunk to @max_edge to @out_path:
   * PNG when @has_alpha, else JPEG; all metadata dropped. */
  gboolean              (*render)         (const char                *source_path,
                                           guint                      max_edge,
                                           gboolean                   has_alpha,
                                           gboolean                   has_profile,
                                           const char                *out_path,
                                           GError                   **error);
  BylinePhotoThumbnail *(*thumbnail)      (const char                *path,
                                           guint                      size,
                                           GError                   **error);
  BylinePhotoCredits   *(*metadata_read)  (const char                *path,
                                           GError                   **error);
  gboolean              (*metadata_write) (const char                *path,
                                           const BylinePhotoCredits  *credits,
                                           GError                   **error);
} BylinePhotoEngine;

typedef const BylinePhotoEngine *(*BylinePhotoEngineGetVtable) (void);

/* Loads the module once per process (thread-safe) from
 * $BYLINE_PHOTO_ENGINE_DIR when set (the build tree: tests, bench), else
 * from PHOTO_ENGINE_DIR (libdir/byline). NULL, with
 * BYLINE_PHOTO_ERROR_NO_ENGINE, when it cannot be loaded; every later
 * call gives the same error. */
const BylinePhotoEngine *byline_photo_engine_get (GError **error);

G_END_DECLS
