/* byline-photo-private.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The few things every stage of the photo pipeline shares: one lock so
 * that at most one full-size decode is alive at a time (a 24 MP photo is
 * ~70 MB of pixels; two engineers' worth of imports on a 4 GB laptop must
 * not stack them), and the durable rename.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "byline-photo-private.h"

static GMutex decode_mutex;

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
