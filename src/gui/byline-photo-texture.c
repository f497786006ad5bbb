/* byline-photo-texture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

#include "config.h"

#include "byline-photo-texture.h"
#include "byline-photo-thumbnail.h"

/* Photos are content-addressed, so a path names the same pixels for ever:
 * a recycled tile or a card made again after an edit reuses the texture.
 * A bounded cache (a thumbnail is at most ~2 MB) evicts the oldest. */
#define CACHE_MAX 64

static GHashTable *cache;
static GQueue cache_order = G_QUEUE_INIT;

static char *
cache_key (GFile *file,
           guint  size)
{
  g_autofree char *path = g_file_get_path (file);

  return g_strdup_printf ("%u:%s", size, path != NULL ? path : "");
}

static void
cache_insert (char       *key,
              GdkTexture *texture)
{
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  if (g_hash_table_contains (cache, key))
    {
      g_free (key);
      return;
    }

  if (g_queue_get_length (&cache_order) >= CACHE_MAX)
    g_hash_table_remove (cache, g_queue_pop_head (&cache_order));

  g_queue_push_tail (&cache_order, key);
  g_hash_table_insert (cache, key, g_object_ref (texture));
}

GFile *
byline_photo_texture_dup_file (BylinePhoto *photo,
                               GFile       *bundle_dir)
{
  g_autofree char *relative = NULL;

  g_return_val_if_fail (BYLINE_IS_PHOTO (photo), NULL);
  g_return_val_if_fail (G_IS_FILE (bundle_dir), NULL);

  relative = byline_photo_dup_bundle_path (photo);
  return g_file_resolve_relative_path (bundle_dir, relative);
}

GdkTexture *
byline_photo_texture_lookup (GFile *file,
                             guint  size)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (cache == NULL)
    return NULL;

  key = cache_key (file, size);
  return g_hash_table_lookup (cache, key);
}

static GdkTexture *
texture_from_thumbnail (BylinePhotoThumbnail *thumbnail)
{
  return gdk_memory_texture_new (thumbnail->width, thumbnail->height,
                                 GDK_MEMORY_R8G8B8A8, thumbnail->pixels,
                                 thumbnail->rowstride);
}

static void
thumbnail_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(BylinePhotoThumbnail) thumbnail = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GError *error = NULL;

  thumbnail = byline_photo_thumbnail_finish (result, &error);
  if (thumbnail == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Wrapping the worker's pixels copies nothing; only the upload to the
   * GPU happens on the main thread, when the texture is first drawn. */
  texture = texture_from_thumbnail (thumbnail);
  cache_insert (g_strdup (g_task_get_task_data (task)), texture);
  g_task_return_pointer (task, g_steal_pointer (&texture), g_object_unref);
}

void
byline_photo_texture_load_async (GFile               *file,
                                 guint                size,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GdkTexture *cached;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (size > 0);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_photo_texture_load_async);
  g_task_set_task_data (task, cache_key (file, size), g_free);

  cached = byline_photo_texture_lookup (file, size);
  if (cached != NULL)
    {
      g_task_return_pointer (task, g_object_ref (cached), g_object_unref);
      return;
    }

  byline_photo_thumbnail_async (file, size, cancellable, thumbnail_cb, g_steal_pointer (&task));
}

GdkTexture *
byline_photo_texture_load_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
