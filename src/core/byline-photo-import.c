/* byline-photo-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reporter attaches photos from an SD card or a chat download folder,
 * then pulls the card out. So the photo is copied into the draft's bundle
 * at once, under the SHA-256 of its bytes: the same photo attached twice is
 * one file, and the id survives renames of the original. The copy streams
 * through the hash (a 30 MB JPEG is never in memory whole), lands in a temp
 * file in the same folder, is decoded once end to end (a card pulled out
 * mid-copy leaves a JPEG cut in half whose header still looks fine) and
 * only then gets its final name by an atomic rename.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-photo-engine.h"
#include "byline-photo-import.h"
#include "byline-photo-metadata.h"
#include "byline-photo-private.h"
#include "byline-text.h"

#define COPY_BUFFER_SIZE (256 * 1024)

typedef struct
{
  GFile *source;
  char  *photos_dir;
  char  *tmp_path;
  guint  created_dir : 1;
} Import;

static void
import_free (Import *import)
{
  /* Whatever went wrong, the bundle is left as it was found. */
  if (import->tmp_path != NULL)
    g_unlink (import->tmp_path);
  if (import->created_dir)
    g_rmdir (import->photos_dir);

  g_clear_object (&import->source);
  g_free (import->photos_dir);
  g_free (import->tmp_path);
  g_free (import);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Import, import_free)

static int
open_temp_file (Import  *import,
                GError **error)
{
  int fd;

  if (g_mkdir (import->photos_dir, 0700) == 0)
    import->created_dir = TRUE;
  else if (!g_file_test (import->photos_dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "%s: %s", import->photos_dir, g_strerror (errno));
      return -1;
    }

  /* A dot name: readers of the bundle skip it if we crash mid-copy. */
  import->tmp_path = g_build_filename (import->photos_dir, ".import-XXXXXX", NULL);
  fd = g_mkstemp_full (import->tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "%s: %s", import->photos_dir, g_strerror (errno));
      g_clear_pointer (&import->tmp_path, g_free);
    }

  return fd;
}

static gboolean
copy_and_hash (GFile         *source,
               GOutputStream *out,
               GChecksum     *checksum,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFileInputStream) in = g_file_read (source, cancellable, error);
  g_autofree guchar *buffer = NULL;
  gssize n_read;

  if (in == NULL)
    return FALSE;

  buffer = g_malloc (COPY_BUFFER_SIZE);
  while ((n_read = g_input_stream_read (G_INPUT_STREAM (in), buffer, COPY_BUFFER_SIZE,
                                        cancellable, error)) > 0)
    {
      g_checksum_update (checksum, buffer, n_read);
      if (!g_output_stream_write_all (out, buffer, n_read, NULL, cancellable, error))
        return FALSE;
    }

  return n_read == 0 && g_output_stream_close (out, cancellable, error);
}

static char *
copy_to_temp (Import        *import,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GOutputStream) out = NULL;
  int fd = open_temp_file (import, error);

  if (fd < 0)
    return NULL;

  out = g_unix_output_stream_new (fd, TRUE);
  if (!copy_and_hash (import->source, out, checksum, cancellable, error))
    return NULL;

  return g_strdup (g_checksum_get_string (checksum));
}

static BylinePhoto *
new_photo (Import     *import,
           const char *id,
           const char *mime_type,
           const char *extension,
           guint       width,
           guint       height)
{
  g_autoptr(BylinePhoto) photo = byline_photo_new (id, extension);
  g_autofree char *basename = g_file_get_basename (import->source);
  g_autofree char *display = g_filename_display_name (basename);
  g_autofree char *name = byline_text_normalize (display, -1, NULL);

  byline_photo_set_mime_type (photo, mime_type);
  byline_photo_set_size (photo, width, height);
  byline_photo_set_original_name (photo, name);

  return g_steal_pointer (&photo);
}

static void
prefill_credits (BylinePhoto *photo,
                 const char  *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylinePhotoCredits) credits = byline_photo_metadata_read (path, &error);

  /* Broken metadata is common (phone editors) and is no reason to refuse
   * a photo that decodes: the reporter types the credits instead. */
  if (credits == NULL)
    g_debug ("No credits read from %s: %s", path, error->message);
  else
    byline_photo_credits_apply (credits, photo);
}

static BylinePhoto *
import_run (Import                  *import,
            const BylinePhotoEngine *engine,
            GCancellable            *cancellable,
            GError                 **error)
{
  g_autoptr(BylinePhoto) photo = NULL;
  g_autofree char *id = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *final_path = NULL;
  const char *mime_type = NULL;
  const char *extension = NULL;
  guint width = 0, height = 0;
  gboolean decoded;

  if (!(id = copy_to_temp (import, cancellable, error)))
    {
      /* The I/O message says what failed ("No space left on device"),
       * the prefix says what it means for the reporter. */
      if (!g_cancellable_is_cancelled (cancellable))
        g_prefix_error (error, "%s", _("Could not copy the photo into the draft: "));
      return NULL;
    }

  byline_photo_decode_lock ();
  decoded = engine->identify (import->tmp_path, &mime_type, &extension, &width, &height, error);
  byline_photo_decode_unlock ();
  if (!decoded || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  photo = new_photo (import, id, mime_type, extension, width, height);
  prefill_credits (photo, import->tmp_path);

  file_name = g_strconcat (id, ".", extension, NULL);
  final_path = g_build_filename (import->photos_dir, file_name, NULL);
  if (!g_file_test (final_path, G_FILE_TEST_EXISTS)
      && !byline_photo_publish_file (import->tmp_path, final_path, error))
    return NULL;

  /* Either renamed away or a duplicate of a file already there. */
  g_unlink (import->tmp_path);
  g_clear_pointer (&import->tmp_path, g_free);
  import->created_dir = FALSE;

  return g_steal_pointer (&photo);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(Import) import = task_data;
  GError *error = NULL;
  const BylinePhotoEngine *engine;
  BylinePhoto *photo = NULL;

  /* Before the copy: without the engine nothing gets into the bundle. */
  engine = byline_photo_engine_get (&error);
  if (engine != NULL)
    photo = import_run (import, engine, cancellable, &error);
  if (photo == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, photo, g_object_unref);
}

void
byline_photo_import_async (GFile               *source,
                           GFile               *bundle_dir,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) photos_dir = NULL;
  Import *import;

  g_return_if_fail (G_IS_FILE (source));
  g_return_if_fail (G_IS_FILE (bundle_dir));
  g_return_if_fail (g_file_peek_path (bundle_dir) != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  photos_dir = g_file_get_child (bundle_dir, "photos");
  import = g_new0 (Import, 1);
  import->source = g_object_ref (source);
  import->photos_dir = g_file_get_path (photos_dir);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_photo_import_async);
  /* No destroy notify: import_free runs in the worker, so the temp file
   * is gone before the callback looks at the bundle. */
  g_task_set_task_data (task, import, NULL);
  g_task_run_in_thread (task, import_thread);
}

BylinePhoto *
byline_photo_import_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
