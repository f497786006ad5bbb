/* byline-photo-private.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The few things every stage of the photo pipeline shares: starting libvips
 * and gexiv2 once, one lock so that at most one full-size decode is alive at
 * a time (a 24 MP photo is ~70 MB of pixels; two engineers' worth of imports
 * on a 4 GB laptop must not stack them), and the durable rename.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gexiv2/gexiv2.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "byline-photo-import.h"
#include "byline-photo-private.h"

static GMutex decode_mutex;

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

void
byline_photo_libs_init (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, init_once, NULL);
}

void
byline_photo_decode_lock (void)
{
  g_mutex_lock (&decode_mutex);
}

void
byline_photo_decode_unlock (void)
{
  g_mutex_unlock (&decode_mutex);
}

/* libvips keeps a per-process error buffer; its text is for the log and
 * the developer, @message is for the user. */
void
byline_photo_set_vips_error (GError     **error,
                             int          code,
                             const char  *message)
{
  g_autofree char *detail = g_strdup (vips_error_buffer ());

  vips_error_clear ();
  g_strchomp (detail);
  g_debug ("libvips: %s", detail);
  g_set_error_literal (error, BYLINE_PHOTO_ERROR, code, message);
}

gboolean
byline_photo_fsync_path (const char  *path,
                         GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0 || fsync (fd) != 0)
    {
      saved_errno = errno;
      if (fd >= 0)
        g_close (fd, NULL);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  return g_close (fd, error);
}

/* Flush @tmp_path, rename it over @final_path and flush the folder, so
 * after a power cut the name points either at nothing or at the whole
 * file. */
gboolean
byline_photo_publish_file (const char  *tmp_path,
                           const char  *final_path,
                           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (final_path);
  int saved_errno;

  if (!byline_photo_fsync_path (tmp_path, error))
    return FALSE;

  if (g_rename (tmp_path, final_path) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", final_path, g_strerror (saved_errno));
      return FALSE;
    }

  return byline_photo_fsync_path (dir, error);
}
