/* byline-file-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One file, written atomically and durably in a worker thread, never twice
 * at once. A write requested while one is running replaces any write still
 * waiting: only the latest content matters, so a burst of saves costs at
 * most two writes. Two writes of one file in flight could finish in the
 * wrong order and leave the older content on disk; this is what prevents it.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-file-writer.h"

typedef struct
{
  BylineFileWriterBuildFunc build;
  gpointer                  data;
  GDestroyNotify            destroy;
  guint64                   tag;
} Job;

typedef struct
{
  char   *path;
  Job    *job;
  GBytes *written;
  gint64  mtime;
  gint64  size;
} WriteData;

struct _BylineFileWriter
{
  GObject                   parent_instance;
  char                     *path;
  BylineFileWriterDoneFunc  done;
  gpointer                  done_data;
  Job                      *pending;
  GPtrArray                *flushes;
  gboolean                  running;
};

G_DEFINE_FINAL_TYPE (BylineFileWriter, byline_file_writer, G_TYPE_OBJECT)

static void write_next (BylineFileWriter *self);

static void
job_free (Job *job)
{
  if (job->destroy != NULL)
    job->destroy (job->data);
  g_free (job);
}

static void
write_data_free (WriteData *wd)
{
  g_clear_pointer (&wd->job, job_free);
  g_clear_pointer (&wd->written, g_bytes_unref);
  g_free (wd->path);
  g_free (wd);
}

static GBytes *
build_from_bytes (gpointer   data,
                  GError   **error)
{
  return g_bytes_ref (data);
}

gboolean
byline_file_write_atomic (const char  *path,
                          GBytes      *bytes,
                          GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: a path, then the system's reason. */
                   _("Could not create folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (!g_file_set_contents_full (path, data ? data : "", len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;

  return TRUE;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *wd = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  GStatBuf st;

  bytes = wd->job->build (wd->job->data, &error);
  if (bytes == NULL || !byline_file_write_atomic (wd->path, bytes, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_stat (wd->path, &st) == 0)
    {
      wd->mtime = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
      wd->size = st.st_size;
    }
  wd->written = g_steal_pointer (&bytes);
  g_task_return_boolean (task, TRUE);
}

static void
complete_flushes (BylineFileWriter *self)
{
  g_autoptr(GPtrArray) flushes = NULL;

  if (self->running || self->pending != NULL || self->flushes->len == 0)
    return;

  flushes = g_steal_pointer (&self->flushes);
  self->flushes = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < flushes->len; i++)
    g_task_return_boolean (g_ptr_array_index (flushes, i), TRUE);
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  BylineFileWriter *self = BYLINE_FILE_WRITER (object);
  WriteData *wd = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  self->running = FALSE;

  if (self->done != NULL)
    self->done (self, wd->job->tag, wd->job->data, wd->written, wd->mtime, wd->size, error, self->done_data);

  write_next (self);
  complete_flushes (self);
}

static void
write_next (BylineFileWriter *self)
{
  g_autoptr(GTask) task = NULL;
  WriteData *wd;

  if (self->running || self->pending == NULL)
    return;

  wd = g_new0 (WriteData, 1);
  wd->path = g_strdup (self->path);
  wd->job = g_steal_pointer (&self->pending);
  self->running = TRUE;

  /* The task holds a reference: a write in flight outlives its owner. */
  task = g_task_new (self, NULL, write_cb, NULL);
  g_task_set_source_tag (task, write_next);
  g_task_set_task_data (task, wd, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

static void
byline_file_writer_finalize (GObject *object)
{
  BylineFileWriter *self = (BylineFileWriter *) object;

  g_clear_pointer (&self->pending, job_free);
  g_clear_pointer (&self->flushes, g_ptr_array_unref);
  g_free (self->path);

  G_OBJECT_CLASS (byline_file_writer_parent_class)->finalize (object);
}

static void
byline_file_writer_class_init (BylineFileWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_file_writer_finalize;
}

static void
byline_file_writer_init (BylineFileWriter *self)
{
  self->flushes = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * byline_file_writer_new:
 * @path: the file to write
 * @done: (nullable): called after each write
 * @user_data: for @done
 *
 * Returns: (transfer full): a new writer
 */
BylineFileWriter *
byline_file_writer_new (const char               *path,
                        BylineFileWriterDoneFunc  done,
                        gpointer                  user_data)
{
  BylineFileWriter *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (BYLINE_TYPE_FILE_WRITER, NULL);
  self->path = g_strdup (path);
  self->done = done;
  self->done_data = user_data;
  return self;
}

const char *
byline_file_writer_get_path (BylineFileWriter *self)
{
  g_return_val_if_fail (BYLINE_IS_FILE_WRITER (self), NULL);

  return self->path;
}

void
byline_file_writer_write_func (BylineFileWriter          *self,
                               BylineFileWriterBuildFunc  build,
                               gpointer                   data,
                               GDestroyNotify             destroy,
                               guint64                    tag)
{
  Job *job;

  g_return_if_fail (BYLINE_IS_FILE_WRITER (self));
  g_return_if_fail (build != NULL);

  job = g_new0 (Job, 1);
  job->build = build;
  job->data = data;
  job->destroy = destroy;
  job->tag = tag;

  g_clear_pointer (&self->pending, job_free);
  self->pending = job;
  write_next (self);
}

void
byline_file_writer_write_bytes (BylineFileWriter *self,
                                GBytes           *bytes,
                                guint64           tag)
{
  g_return_if_fail (BYLINE_IS_FILE_WRITER (self));
  g_return_if_fail (bytes != NULL);

  byline_file_writer_write_func (self, build_from_bytes, g_bytes_ref (bytes),
                                 (GDestroyNotify) g_bytes_unref, tag);
}

gboolean
byline_file_writer_is_busy (BylineFileWriter *self)
{
  g_return_val_if_fail (BYLINE_IS_FILE_WRITER (self), FALSE);

  return self->running || self->pending != NULL;
}

void
byline_file_writer_disconnect (BylineFileWriter *self)
{
  g_return_if_fail (BYLINE_IS_FILE_WRITER (self));

  self->done = NULL;
  self->done_data = NULL;
}

void
byline_file_writer_flush_async (BylineFileWriter    *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BYLINE_IS_FILE_WRITER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_file_writer_flush_async);

  if (!byline_file_writer_is_busy (self))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_ptr_array_add (self->flushes, g_steal_pointer (&task));
}

gboolean
byline_file_writer_flush_finish (BylineFileWriter  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_FILE_WRITER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
