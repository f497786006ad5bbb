/* test-file-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writer under every file of the draft store: never two writes of one
 * file at once, bursts coalesced to the latest content.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "byline-file-writer.h"

typedef struct
{
  guint   writes;
  guint64 last_tag;
  char   *last_summary;   /* what the build function of the last job left */
  gint64  size;
  GError *error;
} Done;

/* A job that, like the store's, computes more than the bytes in the worker. */
typedef struct
{
  char *text;
  char *summary;
} Job;

static void
job_free (Job *job)
{
  g_free (job->text);
  g_free (job->summary);
  g_free (job);
}

static GBytes *
build_job (gpointer   data,
           GError   **error)
{
  Job *job = data;

  job->summary = g_strdup_printf ("%zu bytes", strlen (job->text));
  return g_bytes_new (job->text, strlen (job->text));
}

static void
done_cb (BylineFileWriter *writer,
         guint64           tag,
         gpointer          job_data,
         GBytes           *written,
         gint64            mtime,
         gint64            size,
         const GError     *error,
         gpointer          user_data)
{
  Done *done = user_data;

  done->writes++;
  done->last_tag = tag;
  g_clear_pointer (&done->last_summary, g_free);
  if (job_data != NULL && tag >= 1000)
    done->last_summary = g_strdup (((Job *) job_data)->summary);
  done->size = size;
  g_clear_error (&done->error);
  if (error != NULL)
    done->error = g_error_copy (error);
}

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_assert_true (byline_file_writer_flush_finish (BYLINE_FILE_WRITER (object), result, NULL));
  *(gboolean *) user_data = TRUE;
}

static void
wait_flushed (BylineFileWriter *writer)
{
  gboolean flushed = FALSE;

  byline_file_writer_flush_async (writer, NULL, flushed_cb, &flushed);
  while (!flushed)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_coalesce (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "deep", "er", "file.json", NULL);
  Done done = { 0 };
  g_autoptr(BylineFileWriter) writer = byline_file_writer_new (path, done_cb, &done);
  g_autofree char *contents = NULL;
  GStatBuf st;

  /* 100 saves in a burst: the first runs, the 99 others collapse into
   * the last one. */
  for (guint i = 1; i <= 100; i++)
    {
      g_autofree char *text = g_strdup_printf ("version %u", i);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

      byline_file_writer_write_bytes (writer, bytes, i);
      g_assert_true (byline_file_writer_is_busy (writer));
    }
  wait_flushed (writer);

  g_assert_false (byline_file_writer_is_busy (writer));
  g_assert_no_error (done.error);
  g_assert_cmpuint (done.writes, <=, 2);
  g_assert_cmpuint (done.last_tag, ==, 100);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "version 100");
  g_assert_cmpint (done.size, ==, strlen ("version 100"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* What the worker computed reaches the done function with its job; a job
 * replaced while waiting is never built. */
static void
test_job_data (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "job.json", NULL);
  Done done = { 0 };
  g_autoptr(BylineFileWriter) writer = byline_file_writer_new (path, done_cb, &done);
  g_autofree char *contents = NULL;

  for (guint i = 1000; i < 1010; i++)
    {
      Job *job = g_new0 (Job, 1);

      job->text = g_strdup_printf ("job %u%s", i, i == 1009 ? ", the last" : "");
      byline_file_writer_write_func (writer, build_job, job, (GDestroyNotify) job_free, i);
    }
  wait_flushed (writer);

  g_assert_no_error (done.error);
  g_assert_cmpuint (done.writes, <=, 2);
  g_assert_cmpuint (done.last_tag, ==, 1009);
  g_assert_cmpstr (done.last_summary, ==, "18 bytes");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "job 1009, the last");
  g_clear_pointer (&done.last_summary, g_free);
}

static void
test_error_reported (void)
{
  g_autofree char *blocker = g_build_filename (g_get_user_data_dir (), "blocker", NULL);
  g_autofree char *path = g_build_filename (blocker, "file.json", NULL);
  Done done = { 0 };
  g_autoptr(BylineFileWriter) writer = byline_file_writer_new (path, done_cb, &done);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);

  /* A file where the folder should be: fails for root too. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  byline_file_writer_write_bytes (writer, bytes, 7);
  wait_flushed (writer);

  g_assert_cmpuint (done.writes, ==, 1);
  g_assert_cmpuint (done.last_tag, ==, 7);
  g_assert_nonnull (done.error);
  g_clear_error (&done.error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/file-writer/coalesce", test_coalesce);
  g_test_add_func ("/file-writer/job-data", test_job_data);
  g_test_add_func ("/file-writer/error-reported", test_error_reported);

  return g_test_run ();
}
