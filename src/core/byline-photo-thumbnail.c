/* byline-photo-thumbnail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * vips_thumbnail shrinks on load: a 24 MP JPEG is decoded at 1/8 scale by
 * libjpeg itself, several times faster and a fraction of the memory of
 * decoding it whole and scaling down (see bench/thumbnails.c).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <vips/vips.h>

#include "byline-photo-import.h"
#include "byline-photo-private.h"
#include "byline-photo-thumbnail.h"

G_DEFINE_BOXED_TYPE (BylinePhotoThumbnail, byline_photo_thumbnail,
                     byline_photo_thumbnail_copy, byline_photo_thumbnail_free)

BylinePhotoThumbnail *
byline_photo_thumbnail_copy (const BylinePhotoThumbnail *thumbnail)
{
  BylinePhotoThumbnail *copy;

  g_return_val_if_fail (thumbnail != NULL, NULL);

  copy = g_memdup2 (thumbnail, sizeof *thumbnail);
  copy->pixels = g_bytes_ref (thumbnail->pixels);
  return copy;
}

void
byline_photo_thumbnail_free (BylinePhotoThumbnail *thumbnail)
{
  if (thumbnail == NULL)
    return;

  g_bytes_unref (thumbnail->pixels);
  g_free (thumbnail);
}

/* Whatever came in (grey, 16-bit PNG, CMYK, with or without alpha), out
 * goes 8-bit sRGB with alpha: the one layout the GUI handles. */
static VipsImage *
to_rgba8 (VipsImage *in)
{
  g_autoptr(BylineVipsImage) srgb = NULL;
  g_autoptr(BylineVipsImage) uchar = NULL;
  VipsImage *rgba = NULL;

  if (vips_colourspace (in, &srgb, VIPS_INTERPRETATION_sRGB, NULL) != 0
      || vips_cast_uchar (srgb, &uchar, NULL) != 0)
    return NULL;

  if (vips_image_get_bands (uchar) == 4)
    return g_steal_pointer (&uchar);
  if (vips_image_get_bands (uchar) == 3
      && vips_bandjoin_const1 (uchar, &rgba, 255.0, NULL) == 0)
    return rgba;

  vips_error ("byline", "unexpected %d bands", vips_image_get_bands (uchar));
  return NULL;
}

static BylinePhotoThumbnail *
thumbnail_run (const char  *path,
               guint        size,
               GError     **error)
{
  g_autoptr(BylineVipsImage) image = NULL;
  g_autoptr(BylineVipsImage) rgba = NULL;
  BylinePhotoThumbnail *thumbnail;
  gpointer pixels = NULL;
  size_t length = 0;

  if (vips_thumbnail (path, &image, size, "height", size, "size", VIPS_SIZE_DOWN, NULL) != 0
      || (rgba = to_rgba8 (image)) == NULL
      || (pixels = vips_image_write_to_memory (rgba, &length)) == NULL)
    {
      byline_photo_set_vips_error (error, BYLINE_PHOTO_ERROR_FAILED,
                                   _("Could not show a preview of this photo."));
      return NULL;
    }

  thumbnail = g_new0 (BylinePhotoThumbnail, 1);
  thumbnail->width = vips_image_get_width (rgba);
  thumbnail->height = vips_image_get_height (rgba);
  thumbnail->rowstride = (gsize) thumbnail->width * 4;
  thumbnail->pixels = g_bytes_new_with_free_func (pixels, length, g_free, pixels);
  g_assert (length == thumbnail->rowstride * thumbnail->height);

  return thumbnail;
}

typedef struct
{
  char  *path;
  guint  size;
} Request;

static void
request_free (Request *request)
{
  g_free (request->path);
  g_free (request);
}

static void
thumbnail_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Request *request = task_data;
  GError *error = NULL;
  BylinePhotoThumbnail *thumbnail = NULL;

  byline_photo_libs_init ();

  /* Serialized with derivatives and imports: previews of a 40-photo
   * article arrive one after the other instead of 40 decoders at once. */
  byline_photo_decode_lock ();
  if (!g_cancellable_set_error_if_cancelled (cancellable, &error))
    thumbnail = thumbnail_run (request->path, request->size, &error);
  byline_photo_decode_unlock ();

  if (thumbnail == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, thumbnail, (GDestroyNotify) byline_photo_thumbnail_free);
}

void
byline_photo_thumbnail_async (GFile               *file,
                              guint                size,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (g_file_peek_path (file) != NULL);
  g_return_if_fail (size > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request = g_new0 (Request, 1);
  request->path = g_file_get_path (file);
  request->size = size;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_photo_thumbnail_async);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_task_run_in_thread (task, thumbnail_thread);
}

BylinePhotoThumbnail *
byline_photo_thumbnail_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
