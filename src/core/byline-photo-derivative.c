/* byline-photo-derivative.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The photo engine does the pixels (vips_thumbnail: shrink on load,
 * upright, sRGB, so a 24 MP photo never sits in memory at full size) and
 * the metadata; this file names, caches and publishes the result. The
 * decode lock keeps it to one photo at a time when a whole article is
 * being prepared for upload.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <glib/gstdio.h>

#include "byline-photo-derivative.h"
#include "byline-photo-engine.h"
#include "byline-photo-metadata.h"
#include "byline-photo-private.h"

typedef struct
{
  const BylinePhotoEngine *engine;
  char                    *source_path;
  char                    *cache_dir;
  char                    *id;
  BylinePhotoCredits      *credits;
  guint                    max_edge;
  gboolean                 has_alpha;
  gboolean                 has_profile;
} Derivative;

static void
derivative_free (Derivative *derivative)
{
  g_free (derivative->source_path);
  g_free (derivative->cache_dir);
  g_free (derivative->id);
  byline_photo_credits_free (derivative->credits);
  g_free (derivative);
}

static char *
make_temp_path (const char  *dir,
                GError     **error)
{
  g_autofree char *path = g_build_filename (dir, ".derivative-XXXXXX", NULL);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0
      || (fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0600)) < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "%s: %s", dir, g_strerror (errno));
      return NULL;
    }

  g_close (fd, NULL);
  return g_steal_pointer (&path);
}

static gboolean
write_file (Derivative  *derivative,
            const char  *final_path,
            GError     **error)
{
  g_autofree char *tmp_path = make_temp_path (derivative->cache_dir, error);
  gboolean rendered;
  gboolean ok;

  if (tmp_path == NULL)
    return FALSE;

  byline_photo_decode_lock ();
  rendered = derivative->engine->render (derivative->source_path, derivative->max_edge,
                                         derivative->has_alpha, derivative->has_profile,
                                         tmp_path, error);
  /* The decode's buffers were freed into the malloc arenas of this thread
   * and of libvips's workers, which glibc keeps for the next allocation
   * of the same thread: over a whole article they added up to a peak of
   * idle + 100 MB. Handing them back after each photo costs a few ms. */
#ifdef __GLIBC__
  malloc_trim (0);
#endif
  byline_photo_decode_unlock ();

  ok = rendered
       && byline_photo_metadata_write (tmp_path, derivative->credits, error)
       && byline_photo_publish_file (tmp_path, final_path, error);
  if (!ok)
    g_unlink (tmp_path);

  return ok;
}

static GFile *
derivative_run (Derivative    *derivative,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autofree char *digest = byline_photo_credits_dup_digest (derivative->credits);
  g_autofree char *name = NULL;
  g_autofree char *final_path = NULL;

  if (!derivative->engine->read_header (derivative->source_path, &derivative->has_alpha,
                                       &derivative->has_profile, error))
    return NULL;

  name = g_strdup_printf ("%s-%u-%s.%s", derivative->id, derivative->max_edge,
                          digest, derivative->has_alpha ? "png" : "jpg");
  final_path = g_build_filename (derivative->cache_dir, name, NULL);

  /* The name covers the pixels (id), the size and every credit: a file
   * by that name is exactly what we would write. */
  if (!g_file_test (final_path, G_FILE_TEST_EXISTS)
      && (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !write_file (derivative, final_path, error)))
    return NULL;

  return g_file_new_for_path (final_path);
}

static void
derivative_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Derivative *derivative = task_data;
  GError *error = NULL;
  GFile *file = NULL;

  derivative->engine = byline_photo_engine_get (&error);
  if (derivative->engine != NULL)
    file = derivative_run (derivative, cancellable, &error);
  if (file == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, file, g_object_unref);
}

/* Where the photo's own copy is: @bundle_dir must be a local folder. */
static char *
dup_source_path (BylinePhoto *photo,
                 GFile       *bundle_dir)
{
  g_autofree char *bundle_path = byline_photo_dup_bundle_path (photo);

  return g_build_filename (g_file_peek_path (bundle_dir), bundle_path, NULL);
}

void
byline_photo_derivative_async (BylinePhoto         *photo,
                               GFile               *bundle_dir,
                               guint                max_edge,
                               GFile               *cache_dir,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Derivative *derivative;

  g_return_if_fail (BYLINE_IS_PHOTO (photo));
  g_return_if_fail (G_IS_FILE (bundle_dir));
  g_return_if_fail (G_IS_FILE (cache_dir));
  g_return_if_fail (g_file_peek_path (bundle_dir) != NULL);
  g_return_if_fail (g_file_peek_path (cache_dir) != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  derivative = g_new0 (Derivative, 1);
  derivative->source_path = dup_source_path (photo, bundle_dir);
  derivative->cache_dir = g_file_get_path (cache_dir);
  derivative->id = g_strdup (byline_photo_get_id (photo));
  derivative->credits = byline_photo_credits_new_from_photo (photo);
  derivative->max_edge = max_edge > 0 ? max_edge : BYLINE_PHOTO_DERIVATIVE_DEFAULT_MAX_EDGE;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_photo_derivative_async);
  g_task_set_task_data (task, derivative, (GDestroyNotify) derivative_free);
  g_task_run_in_thread (task, derivative_thread);
}

GFile *
byline_photo_derivative_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GStrv paths = task_data;
  GError *error = NULL;
  const BylinePhotoEngine *engine = byline_photo_engine_get (&error);

  if (engine == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      gboolean has_alpha, has_profile;

      if (g_cancellable_set_error_if_cancelled (cancellable, &error)
          || !engine->read_header (paths[i], &has_alpha, &has_profile, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  g_task_return_boolean (task, TRUE);
}

void
byline_photo_derivative_check_async (GPtrArray           *photos,
                                     GFile               *bundle_dir,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();

  g_return_if_fail (photos != NULL);
  g_return_if_fail (G_IS_FILE (bundle_dir));
  g_return_if_fail (g_file_peek_path (bundle_dir) != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  for (guint i = 0; i < photos->len; i++)
    {
      g_autofree char *path = dup_source_path (g_ptr_array_index (photos, i), bundle_dir);

      g_strv_builder_add (paths, path);
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_photo_derivative_check_async);
  g_task_set_task_data (task, g_strv_builder_end (paths), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, check_thread);
}

gboolean
byline_photo_derivative_check_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
