/* byline-outbox-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared between the outbox object (byline-outbox.c: queue, resume,
 * scheduling, the user's decisions) and the steps of one publication
 * (byline-outbox-job.c).
 */

#pragma once

#include "byline-outbox.h"

G_BEGIN_DECLS

typedef struct _Job Job;

struct _Job
{
  gatomicrefcount      ref_count;
  BylineOutbox        *outbox;        /* unowned: the outbox cancels jobs in dispose */
  BylineOutboxJournal *journal;
  GFile               *bundle;
  BylineSite          *site;
  BylineArticle       *live;          /* the user's article, when known */
  BylineArticle       *snapshot;      /* the article as queued */
  GPtrArray           *derivatives;   /* GFile or NULL, parallel to journal->photos */
  BylineCms           *cms;
  GCancellable        *cancellable;
  GTask               *queue_task;    /* while the first journal is written */
  guint                timer_id;
  int                  lock_fd;       /* flock on outbox.lock while sending, or -1 */
  guint                photo_index;   /* the photo being uploaded */
  /* Derivatives are made in a worker thread while photos upload: */
  guint                generation;    /* bumped when they are reset: late ones are dropped */
  guint                making_index;  /* the photo whose derivative is being made, or G_MAXUINT */
  guint                wanted_index;  /* the photo an upload waits for, or G_MAXUINT */
  guint                failed_index;  /* the photo of derivative_error */
  GError              *derivative_error;
  gboolean             due;           /* to be started by the scheduler */
  gboolean             dropped;       /* cancelled or stopped: ignore late replies */
  gboolean             forget;        /* the user cancelled it while its step ran */
};

Job      *byline_outbox_job_new         (BylineOutbox        *outbox,
                                         BylineOutboxJournal *journal,
                                         GFile               *bundle,
                                         BylineSite          *site,
                                         BylineArticle       *snapshot);
Job      *byline_outbox_job_ref         (Job                 *job);
void      byline_outbox_job_unref       (Job                 *job);
void      byline_outbox_job_start       (Job                 *job);
/* flock() on the bundle's outbox.lock: the descriptor, or -1 and
 * BYLINE_OUTBOX_ERROR_BUSY when another process sends the article. */
int       byline_outbox_job_lock_bundle (GFile               *bundle,
                                         GError             **error);
void      byline_outbox_job_unlock      (Job                 *job);
void      byline_outbox_job_set_state   (Job                 *job,
                                         BylineOutboxState    state);
void      byline_outbox_job_persist     (Job                 *job,
                                         void               (*next) (Job *job));

/* The steps the lock (byline-outbox-job-lock.c) shares with the job. */
void      byline_outbox_job_lock        (Job                 *job);
void      byline_outbox_job_get_client  (Job                 *job);
void      byline_outbox_job_done        (Job                 *job);
void      byline_outbox_job_finish      (Job                 *job);
void      byline_outbox_job_fail_locally (Job                *job,
                                          const char         *code,
                                          const char         *detail);

/* Called by the job, implemented by the outbox. */
void      _byline_outbox_job_finished   (BylineOutbox        *self,
                                         Job                 *job);
void      _byline_outbox_job_stopped    (BylineOutbox        *self,
                                         Job                 *job);
void      _byline_outbox_job_wait       (BylineOutbox        *self,
                                         Job                 *job,
                                         gint64               delay_ms);
gint64    _byline_outbox_backoff_ms     (BylineOutbox        *self,
                                         guint                attempts,
                                         gint64               retry_after);
GFile    *_byline_outbox_get_cache_dir  (BylineOutbox        *self);
const char *_byline_outbox_get_stop_point (BylineOutbox      *self);
BylineCms *_byline_outbox_lookup_client (BylineOutbox        *self,
                                         BylineSite          *site,
                                         GError             **error,
                                         gboolean            *need_password);
void      _byline_outbox_add_client     (BylineOutbox        *self,
                                         BylineSite          *site,
                                         BylineCms           *cms);
void      _byline_outbox_forget_client  (BylineOutbox        *self,
                                         BylineSite          *site);
void      _byline_outbox_emit_state     (BylineOutbox        *self,
                                         const char          *article_id,
                                         BylineOutboxState    state);
void      _byline_outbox_emit_progress  (BylineOutbox        *self,
                                         Job                 *job,
                                         goffset              sent,
                                         goffset              total);
void      _byline_outbox_emit_published (BylineOutbox        *self,
                                         Job                 *job);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, byline_outbox_job_unref)

G_END_DECLS
