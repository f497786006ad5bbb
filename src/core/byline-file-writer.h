/* byline-file-writer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_FILE_WRITER (byline_file_writer_get_type ())

G_DECLARE_FINAL_TYPE (BylineFileWriter, byline_file_writer, BYLINE, FILE_WRITER, GObject)

/* Runs in a worker thread: produce the bytes to write. */
typedef GBytes *(*BylineFileWriterBuildFunc) (gpointer   data,
                                              GError   **error);

/* Called on the main context after each real write. @tag and @job_data are
 * the tag and data of the job that was written (what its build function
 * left in @job_data can be read here); @mtime (µs) and @size describe the
 * file on disk. */
typedef void (*BylineFileWriterDoneFunc) (BylineFileWriter *writer,
                                          guint64           tag,
                                          gpointer          job_data,
                                          GBytes           *written,
                                          gint64            mtime,
                                          gint64            size,
                                          const GError     *error,
                                          gpointer          user_data);

BylineFileWriter *byline_file_writer_new          (const char                *path,
                                                   BylineFileWriterDoneFunc   done,
                                                   gpointer                   user_data);
const char       *byline_file_writer_get_path     (BylineFileWriter          *self);
void              byline_file_writer_write_bytes  (BylineFileWriter          *self,
                                                   GBytes                    *bytes,
                                                   guint64                    tag);
void              byline_file_writer_write_func   (BylineFileWriter          *self,
                                                   BylineFileWriterBuildFunc  build,
                                                   gpointer                   data,
                                                   GDestroyNotify             destroy,
                                                   guint64                    tag);
gboolean          byline_file_writer_is_busy      (BylineFileWriter          *self);
/* Stops calling the done function (its user data is going away). */
void              byline_file_writer_disconnect   (BylineFileWriter          *self);
/* Completes once nothing is being written nor waiting to be. */
void              byline_file_writer_flush_async  (BylineFileWriter          *self,
                                                   GCancellable              *cancellable,
                                                   GAsyncReadyCallback        callback,
                                                   gpointer                   user_data);
gboolean          byline_file_writer_flush_finish (BylineFileWriter          *self,
                                                   GAsyncResult              *result,
                                                   GError                   **error);

/* The atomic, durable write every file of the store goes through; blocking. */
gboolean          byline_file_write_atomic        (const char                *path,
                                                   GBytes                    *bytes,
                                                   GError                   **error);

G_END_DECLS
