/* byline-outbox-job-lock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lock across processes: the app and byline-cli may share a drafts
 * folder, and only one of them may send an article at a time. A job takes
 * flock() on <bundle>/outbox.lock before it sends (a dead process's lock
 * goes with it) and reads the journal again once it holds it.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-outbox-private.h"

#define LOCK_NAME     "outbox.lock"
#define LOCK_RETRY_MS (5 * 1000)

typedef struct
{
  GFile               *bundle;
  int                  fd;
  gboolean             busy;      /* another process holds the lock */
  BylineOutboxJournal *journal;   /* as on disk once locked; NULL if removed */
  GError              *error;
} Lock;

static void
lock_free (Lock *lock)
{
  if (lock->fd >= 0)
    g_close (lock->fd, NULL);
  g_object_unref (lock->bundle);
  g_clear_pointer (&lock->journal, byline_outbox_journal_free);
  g_clear_error (&lock->error);
  g_free (lock);
}

int
byline_outbox_job_lock_bundle (GFile   *bundle,
                               GError **error)
{
  g_autofree char *path = g_build_filename (g_file_peek_path (bundle), LOCK_NAME, NULL);
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  int saved;

  if (fd >= 0 && flock (fd, LOCK_EX | LOCK_NB) == 0)
    return fd;

  saved = errno;
  if (fd >= 0)
    g_close (fd, NULL);
  if (saved == EWOULDBLOCK)
    g_set_error_literal (error, BYLINE_OUTBOX_ERROR, BYLINE_OUTBOX_ERROR_BUSY,
                         _("The article is being sent by another Byline window or command: "
                           "wait until it is done."));
  else
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path,
                 g_strerror (saved));
  return -1;
}

/* Locked, the journal is read again: another process may have gone on
 * with it, finished it or removed it while this one waited. */
static void
lock_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Lock *lock = task_data;
  GError *error = NULL;

  lock->fd = byline_outbox_job_lock_bundle (lock->bundle, &error);
  if (lock->fd < 0)
    {
      lock->busy = g_error_matches (error, BYLINE_OUTBOX_ERROR, BYLINE_OUTBOX_ERROR_BUSY);
      if (lock->busy)
        g_clear_error (&error);
      lock->error = error;
      return;
    }
  lock->journal = byline_outbox_journal_read (lock->bundle, &error);
  if (lock->journal == NULL && !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    lock->error = error;
  else
    g_clear_error (&error);
}

void
byline_outbox_job_unlock (Job *job)
{
  if (job->lock_fd >= 0)
    g_close (job->lock_fd, NULL);
  job->lock_fd = -1;
}

/* Another window or byline-cli sends it: nothing is sent and the journal
 * is theirs; this job looks again shortly. */
static void
job_wait_for_lock (Job *job)
{
  BylineOutboxJournal *journal = job->journal;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_free (journal->error_code);
  journal->error_code = g_strdup (BYLINE_OUTBOX_ERROR_CODE_LOCKED);
  g_free (journal->error_detail);
  /* Translators: fills “Waiting to try again (%s). It goes out by itself.” */
  journal->error_detail = g_strdup (_("it is being sent by another Byline window or command"));
  g_clear_pointer (&journal->next_attempt, g_date_time_unref);
  journal->next_attempt = g_date_time_add (now, LOCK_RETRY_MS * G_TIME_SPAN_MILLISECOND);
  byline_outbox_job_set_state (job, BYLINE_OUTBOX_STATE_WAITING);
  _byline_outbox_job_wait (job->outbox, job, LOCK_RETRY_MS);
  byline_outbox_job_finish (job);
}

/* The journal on disk replaces the one in memory. What the user decided
 * here and no step has written yet (overwrite a conflict) is kept. */
static void
job_adopt_journal (Job                 *job,
                   BylineOutboxJournal *journal)
{
  BylineOutboxState old_state = job->journal->state;
  g_autoptr(BylineArticle) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  if (job->journal->overwrite && journal->state == BYLINE_OUTBOX_STATE_CONFLICT)
    journal->overwrite = TRUE;
  if (!json_node_equal (job->journal->article, journal->article))
    {
      snapshot = byline_article_new_from_json (journal->article, NULL, &error);
      if (snapshot != NULL)
        g_set_object (&job->snapshot, snapshot);
      else
        g_warning ("Outbox journal of %s: %s", journal->article_id, error->message);
    }
  byline_outbox_journal_free (job->journal);
  job->journal = journal;
  if (journal->state != old_state)
    _byline_outbox_emit_state (job->outbox, journal->article_id, journal->state);
}

/* Removed on disk: cancelled or sent elsewhere. The job goes, quietly. */
static void
job_gone (Job *job)
{
  g_autofree char *article_id = g_strdup (job->journal->article_id);
  BylineOutbox *outbox = job->outbox;

  job->dropped = TRUE;
  _byline_outbox_job_stopped (outbox, job);
  _byline_outbox_emit_state (outbox, article_id, BYLINE_OUTBOX_STATE_NONE);
}

/* Whether the journal read once locked leaves anything to send here: the
 * other process may have finished it (DONE) or stopped to ask the user
 * (FAILED, CONFLICT) since this job last looked. */
static gboolean
job_take_over (Job                 *job,
               BylineOutboxJournal *journal)
{
  BylineOutboxState old_state = job->journal->state;

  job_adopt_journal (job, journal);
  if (journal->state == BYLINE_OUTBOX_STATE_DONE)
    {
      byline_outbox_job_done (job);
      return FALSE;
    }
  if ((journal->state == BYLINE_OUTBOX_STATE_FAILED ||
       journal->state == BYLINE_OUTBOX_STATE_CONFLICT) && journal->state != old_state)
    {
      byline_outbox_job_finish (job);
      return FALSE;
    }
  return TRUE;
}

static void
lock_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  Lock *lock = g_task_get_task_data (G_TASK (result));

  if (job->dropped)
    return;
  if (lock->busy)
    {
      job_wait_for_lock (job);
      return;
    }
  if (lock->error != NULL)
    {
      /* Not written: without the lock the journal is not this job's. */
      byline_outbox_job_fail_locally (job, "local", lock->error->message);
      byline_outbox_job_finish (job);
      return;
    }

  job->lock_fd = g_steal_fd (&lock->fd);
  if (lock->journal == NULL)
    job_gone (job);
  else if (job_take_over (job, g_steal_pointer (&lock->journal)))
    byline_outbox_job_get_client (job);
}

void
byline_outbox_job_lock (Job *job)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, lock_cb, byline_outbox_job_ref (job));
  Lock *lock = g_new0 (Lock, 1);

  lock->bundle = g_object_ref (job->bundle);
  lock->fd = -1;
  g_task_set_task_data (task, lock, (GDestroyNotify) lock_free);
  g_task_run_in_thread (task, lock_thread);
}
