/* byline-outbox.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outbox object: queueing, resuming after a restart, one publication
 * at a time while the network is there, retry timers, and the user's
 * decisions (retry, cancel, resolve a conflict). The steps themselves are
 * in byline-outbox-job.c.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-outbox-private.h"
#include "byline-secret.h"

#define DEFAULT_BASE_MS 2000
#define DEFAULT_MAX_MS  (10 * 60 * 1000)

struct _BylineOutbox
{
  GObject              parent_instance;
  GFile               *drafts_dir;
  BylineSiteList      *sites;
  BylineNetwork       *network;
  GFile               *cache_dir;
  BylineOutboxCmsFunc  cms_func;
  gpointer             cms_data;
  GDestroyNotify       cms_destroy;
  GHashTable          *clients;    /* site id → BylineCms */
  GPtrArray           *jobs;       /* of Job, in queue order */
  Job                 *current;
  guint                base_ms;
  guint                max_ms;
  char                *stop_point;
};

enum {
  STATE_CHANGED,
  PROGRESS,
  PUBLISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BylineOutbox, byline_outbox, G_TYPE_OBJECT)

G_DEFINE_QUARK (byline-outbox-error-quark, byline_outbox_error)

static void outbox_schedule (BylineOutbox *self);

/* Jobs -------------------------------------------------------------------- */

static Job *
find_job (BylineOutbox *self,
          const char   *article_id)
{
  for (guint i = 0; i < self->jobs->len; i++)
    {
      Job *job = g_ptr_array_index (self->jobs, i);
      if (g_strcmp0 (job->journal->article_id, article_id) == 0)
        return job;
    }
  return NULL;
}

/* Stops a job for good: late replies find it dropped. */
static void
drop_job (BylineOutbox *self,
          Job          *job)
{
  job->dropped = TRUE;
  g_cancellable_cancel (job->cancellable);
  g_clear_handle_id (&job->timer_id, g_source_remove);
  /* The lock stays until the job's last reference goes: a journal write
   * still in flight must land before another process reads the journal. */
  if (self->current == job)
    self->current = NULL;
  g_ptr_array_remove (self->jobs, job);
}

static void
add_job (BylineOutbox *self,
         Job          *job)
{
  Job *old = find_job (self, job->journal->article_id);

  if (old != NULL)
    drop_job (self, old);
  g_ptr_array_add (self->jobs, job);
}

static gboolean forget_job (BylineOutbox  *self,
                            Job           *job,
                            GError       **error);

void
_byline_outbox_job_finished (BylineOutbox *self,
                             Job          *job)
{
  g_autoptr(GError) error = NULL;

  if (self->current == job)
    self->current = NULL;
  if (job->forget && !forget_job (self, job, &error))
    g_warning ("Could not remove the outbox journal of %s: %s", job->journal->article_id, error->message);
  byline_outbox_job_unlock (job);
  outbox_schedule (self);
}

void
_byline_outbox_job_stopped (BylineOutbox *self,
                            Job          *job)
{
  drop_job (self, job);
  outbox_schedule (self);
}

static gboolean
job_timer_cb (gpointer user_data)
{
  Job *job = user_data;

  job->timer_id = 0;
  job->due = TRUE;
  outbox_schedule (job->outbox);
  return G_SOURCE_REMOVE;
}

void
_byline_outbox_job_wait (BylineOutbox *self,
                         Job          *job,
                         gint64        delay_ms)
{
  g_clear_handle_id (&job->timer_id, g_source_remove);
  job->timer_id = g_timeout_add (MIN (delay_ms, G_MAXUINT), job_timer_cb, job);
}

/* One publication at a time: the site sees the steps of one article in
 * order, and a slow photo upload does not compete with another. */
static void
outbox_schedule (BylineOutbox *self)
{
  if (self->current != NULL || !byline_network_get_available (self->network))
    return;

  for (guint i = 0; i < self->jobs->len; i++)
    {
      Job *job = g_ptr_array_index (self->jobs, i);

      if (job->due && !job->dropped)
        {
          self->current = job;
          byline_outbox_job_start (job);
          return;
        }
    }
}

/* Back online: what waits because the network was gone goes now. */
static void
network_changed_cb (BylineNetwork *network,
                    gboolean       available,
                    BylineOutbox  *self)
{
  if (!available)
    return;

  for (guint i = 0; i < self->jobs->len; i++)
    {
      Job *job = g_ptr_array_index (self->jobs, i);

      if (job->journal->state == BYLINE_OUTBOX_STATE_WAITING &&
          g_strcmp0 (job->journal->error_code, "network") == 0)
        {
          g_clear_handle_id (&job->timer_id, g_source_remove);
          job->due = TRUE;
        }
    }
  outbox_schedule (self);
}

/* Backoff ----------------------------------------------------------------- */

gint64
_byline_outbox_backoff_ms (BylineOutbox *self,
                           guint         attempts,
                           gint64        retry_after)
{
  gint64 delay = self->base_ms;

  for (guint i = 1; i < attempts && delay < self->max_ms; i++)
    delay *= 2;
  delay = MIN (delay, (gint64) self->max_ms);
  /* ±20%, so that clients cut off together do not come back together. */
  delay = (gint64) (delay * g_random_double_range (0.8, 1.2));

  if (retry_after >= 0)
    delay = MAX (delay, retry_after * 1000);
  return delay;
}

/* Clients ----------------------------------------------------------------- */

BylineCms *
_byline_outbox_lookup_client (BylineOutbox  *self,
                              BylineSite    *site,
                              GError       **error,
                              gboolean      *need_password)
{
  BylineCms *cms = g_hash_table_lookup (self->clients, byline_site_get_id (site));

  *need_password = FALSE;
  if (cms != NULL)
    return g_object_ref (cms);

  if (self->cms_func == NULL)
    {
      *need_password = TRUE;
      return NULL;
    }

  cms = self->cms_func (site, self->cms_data, error);
  if (cms != NULL)
    _byline_outbox_add_client (self, site, cms);
  return cms;
}

void
_byline_outbox_add_client (BylineOutbox *self,
                           BylineSite   *site,
                           BylineCms    *cms)
{
  g_hash_table_replace (self->clients, g_strdup (byline_site_get_id (site)), g_object_ref (cms));
}

/* After a refused password: the next attempt asks the keyring again. */
void
_byline_outbox_forget_client (BylineOutbox *self,
                              BylineSite   *site)
{
  g_hash_table_remove (self->clients, byline_site_get_id (site));
}

GFile *
_byline_outbox_get_cache_dir (BylineOutbox *self)
{
  return self->cache_dir;
}

const char *
_byline_outbox_get_stop_point (BylineOutbox *self)
{
  return self->stop_point;
}

/* Signals ----------------------------------------------------------------- */

void
_byline_outbox_emit_state (BylineOutbox      *self,
                           const char        *article_id,
                           BylineOutboxState  state)
{
  g_signal_emit (self, signals[STATE_CHANGED], 0, article_id, state);
}

void
_byline_outbox_emit_progress (BylineOutbox *self,
                              Job          *job,
                              goffset       sent,
                              goffset       total)
{
  g_signal_emit (self, signals[PROGRESS], 0, job->journal->article_id,
                 job->journal->state, job->photo_index + 1, job->journal->photos->len,
                 (gint64) sent, (gint64) total);
}

void
_byline_outbox_emit_published (BylineOutbox *self,
                               Job          *job)
{
  g_signal_emit (self, signals[PUBLISHED], 0, job->journal->article_id, job->journal->link);
}

/* GObject ----------------------------------------------------------------- */

static void
byline_outbox_dispose (GObject *object)
{
  BylineOutbox *self = BYLINE_OUTBOX (object);

  while (self->jobs->len > 0)
    drop_job (self, g_ptr_array_index (self->jobs, 0));
  if (self->network != NULL)
    g_signal_handlers_disconnect_by_data (self->network, self);
  g_clear_object (&self->network);
  g_clear_object (&self->sites);
  g_hash_table_remove_all (self->clients);
  if (self->cms_destroy != NULL)
    g_clear_pointer (&self->cms_data, self->cms_destroy);

  G_OBJECT_CLASS (byline_outbox_parent_class)->dispose (object);
}

static void
byline_outbox_finalize (GObject *object)
{
  BylineOutbox *self = BYLINE_OUTBOX (object);

  g_clear_object (&self->drafts_dir);
  g_clear_object (&self->cache_dir);
  g_clear_pointer (&self->clients, g_hash_table_unref);
  g_clear_pointer (&self->jobs, g_ptr_array_unref);
  g_free (self->stop_point);

  G_OBJECT_CLASS (byline_outbox_parent_class)->finalize (object);
}

static void
byline_outbox_class_init (BylineOutboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = byline_outbox_dispose;
  object_class->finalize = byline_outbox_finalize;

  /**
   * BylineOutbox::state-changed:
   * @article_id: the article
   * @state: its new #BylineOutboxState
   */
  signals[STATE_CHANGED] =
    g_signal_new ("state-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, BYLINE_TYPE_OUTBOX_STATE);

  /**
   * BylineOutbox::progress:
   * @article_id: the article
   * @state: its #BylineOutboxState
   * @photo: the photo being sent, from 1
   * @n_photos: how many photos the article has
   * @sent: bytes of that photo sent
   * @total: its size (0 when not uploading)
   */
  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 6, G_TYPE_STRING, BYLINE_TYPE_OUTBOX_STATE,
                  G_TYPE_UINT, G_TYPE_UINT, G_TYPE_INT64, G_TYPE_INT64);

  /**
   * BylineOutbox::published:
   * @article_id: the article
   * @link: the post's address on the site
   */
  signals[PUBLISHED] =
    g_signal_new ("published", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
byline_outbox_init (BylineOutbox *self)
{
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), APP_ID, "derivatives", NULL);

  self->clients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_outbox_job_unref);
  self->cache_dir = g_file_new_for_path (cache);
  self->base_ms = DEFAULT_BASE_MS;
  self->max_ms = DEFAULT_MAX_MS;
}

/* Setup ------------------------------------------------------------------- */

BylineOutbox *
byline_outbox_new (GFile          *drafts_dir,
                   BylineSiteList *sites,
                   BylineNetwork  *network)
{
  BylineOutbox *self;

  g_return_val_if_fail (G_IS_FILE (drafts_dir), NULL);
  g_return_val_if_fail (BYLINE_IS_SITE_LIST (sites), NULL);
  g_return_val_if_fail (BYLINE_IS_NETWORK (network), NULL);

  self = g_object_new (BYLINE_TYPE_OUTBOX, NULL);
  self->drafts_dir = g_object_ref (drafts_dir);
  self->sites = g_object_ref (sites);
  self->network = g_object_ref (network);
  g_signal_connect (network, "changed", G_CALLBACK (network_changed_cb), self);
  return self;
}

void
byline_outbox_set_cms_func (BylineOutbox        *self,
                            BylineOutboxCmsFunc  func,
                            gpointer             user_data,
                            GDestroyNotify       destroy)
{
  g_return_if_fail (BYLINE_IS_OUTBOX (self));

  if (self->cms_destroy != NULL)
    g_clear_pointer (&self->cms_data, self->cms_destroy);
  self->cms_func = func;
  self->cms_data = user_data;
  self->cms_destroy = destroy;
  g_hash_table_remove_all (self->clients);
}

void
byline_outbox_set_cache_dir (BylineOutbox *self,
                             GFile        *cache_dir)
{
  g_return_if_fail (BYLINE_IS_OUTBOX (self));
  g_return_if_fail (G_IS_FILE (cache_dir));

  g_set_object (&self->cache_dir, cache_dir);
}

void
byline_outbox_set_backoff (BylineOutbox *self,
                           guint         base_ms,
                           guint         max_ms)
{
  g_return_if_fail (BYLINE_IS_OUTBOX (self));
  g_return_if_fail (base_ms > 0 && max_ms >= base_ms);

  self->base_ms = base_ms;
  self->max_ms = max_ms;
}

void
byline_outbox_set_stop_point (BylineOutbox *self,
                              const char   *point)
{
  g_return_if_fail (BYLINE_IS_OUTBOX (self));

  g_free (self->stop_point);
  self->stop_point = g_strdup (point);
}

/* Queue ------------------------------------------------------------------- */

typedef struct
{
  BylineArticle       *article;
  BylineSite          *site;
  BylinePublishStatus  status;
  gboolean             read_only;
} Queue;

static void
queue_free (Queue *queue)
{
  g_object_unref (queue->article);
  g_object_unref (queue->site);
  g_free (queue);
}

static GFile *
bundle_for (BylineOutbox *self,
            const char   *article_id)
{
  return g_file_get_child (self->drafts_dir, article_id);
}

/* The journal of a new publication. An article already on the site keeps
 * its post and the media items of the photos it had; on another site it is
 * a new post there (the same post id would be someone else's article). */
static BylineOutboxJournal *
journal_for (BylineArticle         *article,
             BylineSite            *site,
             const BylineSiteTerms *terms,
             BylinePublishStatus    status)
{
  BylineOutboxJournal *journal = byline_outbox_journal_new (byline_article_get_id (article),
                                                            byline_site_get_id (site));
  GListModel *photos = byline_article_get_photos (article);
  const char *remote_site = byline_article_get_remote_site (article);
  gboolean same_site = remote_site == NULL || g_strcmp0 (remote_site, byline_site_get_id (site)) == 0;

  journal->plan = byline_publish_plan_new (article, site, terms, status);
  journal->article = byline_article_to_json (article);
  journal->post_id = same_site ? MAX (byline_article_get_remote_post_id (article), 0) : 0;
  journal->update = journal->post_id > 0;
  if (journal->update)
    {
      journal->known_modified = g_strdup (byline_article_get_remote_modified (article));
      journal->known_digest = g_strdup (byline_article_get_remote_digest (article));
      /* Known before the update is sent: "Open on the Site" of a conflict. */
      journal->link = g_strdup (byline_article_get_remote_link (article));
    }

  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr(BylinePhoto) photo = g_list_model_get_item (photos, i);
      BylineOutboxPhoto *entry = g_new0 (BylineOutboxPhoto, 1);

      entry->id = g_strdup (byline_photo_get_id (photo));
      if (journal->update)
        {
          entry->media_id = MAX (byline_photo_get_media_id (photo), 0);
          entry->url = g_strdup (byline_photo_get_media_url (photo));
        }
      g_ptr_array_add (journal->photos, entry);
    }
  return journal;
}

static void
queue_written (Job *job)
{
  g_autoptr(GTask) task = g_steal_pointer (&job->queue_task);

  /* The run takes it again and reads back what was written. */
  byline_outbox_job_unlock (job);
  job->due = TRUE;
  g_task_return_boolean (task, TRUE);
  outbox_schedule (job->outbox);
}

static gboolean
queue_check (Queue                  *queue,
             const BylineSiteTerms  *terms,
             GError                **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) problems = byline_publish_check (queue->article, queue->site, terms,
                                                        queue->read_only, now);
  const BylinePublishProblem *first;

  if (!byline_publish_problems_block (problems))
    return TRUE;

  first = g_ptr_array_index (problems, 0);
  g_set_error_literal (error, BYLINE_OUTBOX_ERROR, BYLINE_OUTBOX_ERROR_BLOCKED, first->message);
  return FALSE;
}

static void
queue_terms_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BylineOutbox *self = g_task_get_source_object (task);
  Queue *queue = g_task_get_task_data (task);
  g_autoptr(BylineSiteTerms) terms = byline_site_terms_load_finish (result, NULL);
  g_autoptr(GFile) bundle = NULL;
  GError *error = NULL;
  Job *job;
  int lock_fd;

  if (!queue_check (queue, terms, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* The first journal is written under the lock too: it would replace
   * the journal of a run in another process. Other failures to lock show
   * as the journal's own write error. */
  bundle = bundle_for (self, byline_article_get_id (queue->article));
  lock_fd = byline_outbox_job_lock_bundle (bundle, &error);
  if (g_error_matches (error, BYLINE_OUTBOX_ERROR, BYLINE_OUTBOX_ERROR_BUSY))
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_error (&error);
  {
    g_autoptr(BylineArticle) snapshot = NULL;
    g_autoptr(BylineOutboxJournal) previous = byline_outbox_journal_read (bundle, NULL);
    BylineOutboxJournal *journal;

    /* Sent meanwhile by another process: the article learns its post
     * first, so this becomes an update of it (and the window shows it). */
    if (previous != NULL)
      byline_outbox_journal_apply_remote (previous, queue->article);
    journal = journal_for (queue->article, queue->site, terms, queue->status);
    byline_outbox_journal_inherit (journal, previous);

    snapshot = byline_article_new_from_json (journal->article, NULL, NULL);
    job = byline_outbox_job_new (self, journal, bundle, queue->site, snapshot);
  }
  job->live = g_object_ref (queue->article);
  job->lock_fd = lock_fd;
  job->queue_task = g_steal_pointer (&task);
  add_job (self, job);
  _byline_outbox_emit_state (self, job->journal->article_id, BYLINE_OUTBOX_STATE_QUEUED);
  byline_outbox_job_persist (job, queue_written);
}

void
byline_outbox_queue_async (BylineOutbox        *self,
                           BylineArticle       *article,
                           BylineSite          *site,
                           BylinePublishStatus  status,
                           gboolean             read_only,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Queue *queue;
  Job *job;

  g_return_if_fail (BYLINE_IS_OUTBOX (self));
  g_return_if_fail (BYLINE_IS_ARTICLE (article));
  g_return_if_fail (BYLINE_IS_SITE (site));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_outbox_queue_async);

  job = find_job (self, byline_article_get_id (article));
  if (job != NULL && (job == self->current || job->queue_task != NULL))
    {
      g_task_return_new_error (task, BYLINE_OUTBOX_ERROR, BYLINE_OUTBOX_ERROR_BUSY,
                               _("The article is being sent: wait until it is done."));
      return;
    }

  queue = g_new0 (Queue, 1);
  queue->article = g_object_ref (article);
  queue->site = g_object_ref (site);
  queue->status = status;
  queue->read_only = read_only;
  g_task_set_task_data (task, queue, (GDestroyNotify) queue_free);
  byline_site_terms_load_async (site, cancellable, queue_terms_cb, g_steal_pointer (&task));
}

gboolean
byline_outbox_queue_finish (BylineOutbox  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Resume ------------------------------------------------------------------ */

typedef struct
{
  GFile               *bundle;
  BylineOutboxJournal *journal;
} Found;

static void
found_free (Found *found)
{
  g_object_unref (found->bundle);
  byline_outbox_journal_free (found->journal);
  g_free (found);
}

static void
scan_bundle (GFile     *bundle,
             GPtrArray *found)
{
  g_autoptr(GError) error = NULL;
  BylineOutboxJournal *journal = byline_outbox_journal_read (bundle, &error);
  Found *item;

  if (journal == NULL)
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_warning ("Outbox journal in %s left alone: %s", g_file_peek_path (bundle),
                   error->message);
      return;
    }
  if (journal->state == BYLINE_OUTBOX_STATE_DONE)
    {
      byline_outbox_journal_free (journal);
      return;
    }

  item = g_new0 (Found, 1);
  item->bundle = g_object_ref (bundle);
  item->journal = journal;
  g_ptr_array_add (found, item);
}

static void
resume_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GFile *drafts_dir = task_data;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) found_free);
  g_autoptr(GFileEnumerator) children = NULL;
  GError *error = NULL;
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (drafts_dir, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, &error);
  if (children == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_clear_error (&error);
          g_task_return_pointer (task, g_steal_pointer (&found), (GDestroyNotify) g_ptr_array_unref);
        }
      else
        g_task_return_error (task, error);
      return;
    }

  while (g_file_enumerator_iterate (children, &info, &child, cancellable, &error) && info != NULL)
    if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
      scan_bundle (child, found);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&found), (GDestroyNotify) g_ptr_array_unref);
}

/* Steps in progress go on at once; WAITING when its time comes; FAILED
 * and CONFLICT wait for the user. */
static void
resume_job (BylineOutbox *self,
            Job          *job)
{
  BylineOutboxJournal *journal = job->journal;

  if (journal->state == BYLINE_OUTBOX_STATE_WAITING && journal->next_attempt != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      gint64 delay_ms = g_date_time_difference (journal->next_attempt, now) / 1000;

      _byline_outbox_job_wait (self, job, MAX (delay_ms, 0));
    }
  else if (journal->state != BYLINE_OUTBOX_STATE_FAILED &&
           journal->state != BYLINE_OUTBOX_STATE_CONFLICT)
    job->due = TRUE;
}

static gboolean
resume_one (BylineOutbox *self,
            Found        *found)
{
  BylineOutboxJournal *journal = found->journal;
  g_autoptr(BylineArticle) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  BylineSite *site;
  Job *job;

  if (find_job (self, journal->article_id) != NULL)
    return FALSE;

  site = byline_site_list_lookup (self->sites, journal->site_id);
  snapshot = byline_article_new_from_json (journal->article, NULL, &error);
  if (site == NULL || snapshot == NULL)
    {
      g_warning ("Outbox journal of %s left alone: %s", journal->article_id,
                 site == NULL ? "its site was removed" : error->message);
      return FALSE;
    }

  job = byline_outbox_job_new (self, g_steal_pointer (&found->journal), found->bundle,
                               site, snapshot);
  add_job (self, job);
  resume_job (self, job);
  return TRUE;
}

static void
resume_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BylineOutbox *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) found = NULL;
  GError *error = NULL;
  guint n = 0;

  found = g_task_propagate_pointer (G_TASK (result), &error);
  if (found == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < found->len; i++)
    if (resume_one (self, g_ptr_array_index (found, i)))
      n++;

  g_task_return_int (task, n);
  outbox_schedule (self);
}

void
byline_outbox_resume_async (BylineOutbox        *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) scan = NULL;

  g_return_if_fail (BYLINE_IS_OUTBOX (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_outbox_resume_async);
  scan = g_task_new (NULL, cancellable, resume_cb, g_steal_pointer (&task));
  g_task_set_task_data (scan, g_object_ref (self->drafts_dir), g_object_unref);
  g_task_run_in_thread (scan, resume_thread);
}

guint
byline_outbox_resume_finish (BylineOutbox  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  gssize n;

  g_return_val_if_fail (BYLINE_IS_OUTBOX (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  /* Not in MAX(): it evaluates its arguments twice. */
  n = g_task_propagate_int (G_TASK (result), error);
  return MAX (n, 0);
}

void
byline_outbox_attach_article (BylineOutbox  *self,
                              BylineArticle *article)
{
  Job *job;

  g_return_if_fail (BYLINE_IS_OUTBOX (self));
  g_return_if_fail (BYLINE_IS_ARTICLE (article));

  job = find_job (self, byline_article_get_id (article));
  if (job != NULL)
    g_set_object (&job->live, article);
}

/* State ------------------------------------------------------------------- */

BylineOutboxState
byline_outbox_get_state (BylineOutbox *self,
                         const char   *article_id)
{
  Job *job;

  g_return_val_if_fail (BYLINE_IS_OUTBOX (self), BYLINE_OUTBOX_STATE_NONE);

  job = find_job (self, article_id);
  return job != NULL ? job->journal->state : BYLINE_OUTBOX_STATE_NONE;
}

BylineOutboxJournal *
byline_outbox_dup_journal (BylineOutbox *self,
                           const char   *article_id)
{
  Job *job;

  g_return_val_if_fail (BYLINE_IS_OUTBOX (self), NULL);

  job = find_job (self, article_id);
  return job != NULL ? byline_outbox_journal_copy (job->journal) : NULL;
}

gboolean
byline_outbox_get_sent_elsewhere (BylineOutbox *self,
                                  const char   *article_id)
{
  Job *job;

  g_return_val_if_fail (BYLINE_IS_OUTBOX (self), FALSE);

  job = find_job (self, article_id);
  return job != NULL && job->journal->state == BYLINE_OUTBOX_STATE_WAITING &&
         byline_outbox_journal_is_locked_out (job->journal);
}

gboolean
byline_outbox_get_busy (BylineOutbox *self)
{
  g_return_val_if_fail (BYLINE_IS_OUTBOX (self), FALSE);

  return self->current != NULL;
}

/* The user's decisions ---------------------------------------------------- */

static Job *
lookup_idle_job (BylineOutbox  *self,
                 const char    *article_id,
                 GError       **error)
{
  Job *job = find_job (self, article_id);

  if (job == NULL)
    {
      g_set_error (error, BYLINE_OUTBOX_ERROR, BYLINE_OUTBOX_ERROR_NOT_QUEUED,
                   _("The article is not in the outbox."));
      return NULL;
    }
  if (job == self->current)
    {
      g_set_error (error, BYLINE_OUTBOX_ERROR, BYLINE_OUTBOX_ERROR_BUSY,
                   _("The article is being sent: wait until it is done."));
      return NULL;
    }
  return job;
}

gboolean
byline_outbox_retry (BylineOutbox  *self,
                     const char    *article_id,
                     GError       **error)
{
  Job *job;

  g_return_val_if_fail (BYLINE_IS_OUTBOX (self), FALSE);

  if ((job = lookup_idle_job (self, article_id, error)) == NULL)
    return FALSE;
  if (job->journal->state != BYLINE_OUTBOX_STATE_FAILED &&
      job->journal->state != BYLINE_OUTBOX_STATE_WAITING)
    {
      g_set_error (error, BYLINE_OUTBOX_ERROR, BYLINE_OUTBOX_ERROR_NOT_QUEUED,
                   _("The article is not waiting to be sent again."));
      return FALSE;
    }

  g_clear_handle_id (&job->timer_id, g_source_remove);
  job->journal->attempts = 0;
  job->due = TRUE;
  outbox_schedule (self);
  return TRUE;
}

static gboolean
forget_job (BylineOutbox  *self,
            Job           *job,
            GError       **error)
{
  g_autofree char *article_id = g_strdup (job->journal->article_id);
  int lock_fd = -1;
  gboolean removed;

  /* Not while another process sends it: its next journal write would
   * bring the journal back. A job of this one that sends holds it. */
  if (job->lock_fd < 0 && (lock_fd = byline_outbox_job_lock_bundle (job->bundle, error)) < 0)
    return FALSE;
  removed = byline_outbox_journal_remove (job->bundle, error);
  if (lock_fd >= 0)
    g_close (lock_fd, NULL);
  if (!removed)
    return FALSE;
  if (job->live != NULL)
    byline_outbox_journal_hand_over_post (job->journal, job->live);
  drop_job (self, job);
  _byline_outbox_emit_state (self, article_id, BYLINE_OUTBOX_STATE_NONE);
  return TRUE;
}

gboolean
byline_outbox_resolve_conflict (BylineOutbox            *self,
                                const char              *article_id,
                                BylineOutboxResolution   resolution,
                                GError                 **error)
{
  Job *job;

  g_return_val_if_fail (BYLINE_IS_OUTBOX (self), FALSE);

  job = find_job (self, article_id);
  if (job == NULL || job->journal->state != BYLINE_OUTBOX_STATE_CONFLICT)
    {
      g_set_error (error, BYLINE_OUTBOX_ERROR, BYLINE_OUTBOX_ERROR_NOT_QUEUED,
                   _("The article has no conflict to resolve."));
      return FALSE;
    }

  /* The step that found the conflict may still be writing it down (the
   * window asks as soon as the state changes): the answer waits for the
   * write, which would otherwise bring a removed journal back. */
  if (resolution == BYLINE_OUTBOX_RESOLVE_CANCEL && job == self->current)
    {
      job->forget = TRUE;
      return TRUE;
    }
  if (resolution == BYLINE_OUTBOX_RESOLVE_CANCEL)
    return forget_job (self, job, error);

  /* Written to the journal by the next step, before its side effect. */
  job->journal->overwrite = TRUE;
  job->due = TRUE;
  outbox_schedule (self);
  return TRUE;
}

gboolean
byline_outbox_cancel (BylineOutbox  *self,
                      const char    *article_id,
                      GError       **error)
{
  Job *job;

  g_return_val_if_fail (BYLINE_IS_OUTBOX (self), FALSE);

  /* Not while a step runs: its journal write could land after the
   * removal and bring the journal back. */
  if ((job = lookup_idle_job (self, article_id, error)) == NULL)
    return FALSE;
  return forget_job (self, job, error);
}
