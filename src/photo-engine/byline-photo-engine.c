/* byline-photo-engine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entry point of libbyline-photo-engine: starts libvips and gexiv2
 * and hands the program its table. The program calls it once
 * (byline_photo_engine_get, under a GOnce), from a worker thread, the
 * first time it touches a photo.
 */

#include "config.h"

#include <gexiv2/gexiv2.h>
#include <gmodule.h>

#include "byline-photo-engine-private.h"

G_MODULE_EXPORT const BylinePhotoEngine *byline_photo_engine_get_vtable (void);

static const BylinePhotoEngine engine = {
  .abi = BYLINE_PHOTO_ENGINE_ABI,
  .identify = byline_photo_engine_identify,
  .read_header = byline_photo_engine_read_header,
  .render = byline_photo_engine_render,
  .thumbnail = byline_photo_engine_thumbnail,
  .metadata_read = byline_photo_engine_metadata_read,
  .metadata_write = byline_photo_engine_metadata_write,
};

/* libvips also reports a failed decode as a g_warning ("error in tile …")
 * next to the error we turn into a GError for the caller: keep it for
 * debugging, out of the user's terminal. */
static void
vips_warning_to_debug (const char     *log_domain,
                       GLogLevelFlags  log_level,
                       const char     *message,
                       gpointer        user_data)
{
  g_debug ("%s: %s", log_domain, message);
}

static gpointer
init_once (gpointer data)
{
  if (VIPS_INIT ("byline") != 0)
    g_error ("libvips failed to start: %s", vips_error_buffer ());

  /* The operation cache would keep files open and hand back a stale
   * result for a path whose contents changed; we never decode the same
   * file twice in a row on purpose, so it buys nothing. */
  vips_cache_set_max (0);
  g_log_set_handler ("VIPS", G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION,
                     vips_warning_to_debug, NULL);

  if (!gexiv2_initialize ())
    g_error ("gexiv2 failed to start");
  /* Exiv2 warns on every slightly odd maker note on stderr. */
  gexiv2_log_set_level (GEXIV2_LOG_LEVEL_ERROR);

  return NULL;
}

const BylinePhotoEngine *
byline_photo_engine_get_vtable (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, init_once, NULL);
  return &engine;
}

/* libvips keeps a per-process error buffer; its text is for the log and
 * the developer, @message is for the user. */
void
byline_photo_engine_set_vips_error (GError     **error,
                                    int          code,
                                    const char  *message)
{
  g_autofree char *detail = g_strdup (vips_error_buffer ());

  vips_error_clear ();
  g_strchomp (detail);
  g_debug ("libvips: %s", detail);
  g_set_error_literal (error, BYLINE_PHOTO_ERROR, code, message);
}
