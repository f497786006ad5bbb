/* byline-photo-thumbnail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The photo engine decodes (vips_thumbnail shrinks on load: a 24 MP JPEG
 * is decoded at 1/8 scale by libjpeg itself, several times faster and a
 * fraction of the memory of decoding it whole and scaling down, see
 * bench/thumbnails.c); this file queues the requests.
 */

#include "config.h"

#include "byline-photo-engine.h"
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

/* A JPEG preview decodes at 1/8 scale (a 24 MP photo needs about 1 MB),
 * so previews need not queue behind one another nor behind imports and
 * derivatives, which hold the decode lock for whole-photo decodes. The
 * time of a preview is libjpeg's Huffman decoding of the whole file,
 * which one core does at a time: two previews at once on two cores came
 * out 1.75 × faster (bench/thumbnails). */
static GMutex slots_mutex;
static GCond slots_cond;
static guint slots_busy;

static void
thumbnail_slot_acquire (void)
{
  guint n_slots = MAX (1, g_get_num_processors ());

  g_mutex_lock (&slots_mutex);
  while (slots_busy >= n_slots)
    g_cond_wait (&slots_cond, &slots_mutex);
  slots_busy++;
  g_mutex_unlock (&slots_mutex);
}

static void
thumbnail_slot_release (void)
{
  g_mutex_lock (&slots_mutex);
  slots_busy--;
  g_cond_signal (&slots_cond);
  g_mutex_unlock (&slots_mutex);
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
  const BylinePhotoEngine *engine = byline_photo_engine_get (&error);

  if (engine == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Not 40 decoders at once for a 40-photo article, but one per core. */
  thumbnail_slot_acquire ();
  if (!g_cancellable_set_error_if_cancelled (cancellable, &error))
    thumbnail = engine->thumbnail (request->path, request->size, &error);
  thumbnail_slot_release ();

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
