/* byline-outbox-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The steps of one publication, "reserve, then fill" (design.md):
 *
 *   queued → preparing-photos → reserving → uploading (k of n) →
 *   writing-post → verifying → done
 *
 * with waiting (transient error, retried), failed (permanent) and
 * conflict (the desk changed the post) on the side. Each side effect on
 * the site is preceded by a journal write that says it may happen, and
 * followed by one that records its result; after a crash, a step whose
 * result is not recorded first looks on the site for what it may have
 * made (the reserved post by its slug, a photo by its file name).
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <glib/gi18n.h>

#include "byline-outbox-private.h"
#include "byline-photo-derivative.h"
#include "byline-render.h"
#include "byline-secret.h"

static void job_dispatch       (Job *job);
static void job_verify_user    (Job *job);
static void job_reserve        (Job *job);
static void job_upload_next    (Job *job);
static void job_write          (Job *job);
static void job_write_send     (Job *job);
static void job_verify         (Job *job);
static void job_after_error    (Job *job);

/* Life -------------------------------------------------------------------- */

/* Uploaded photos have no derivative: the array has holes. */
static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

Job *
byline_outbox_job_new (BylineOutbox        *outbox,
                       BylineOutboxJournal *journal,
                       GFile               *bundle,
                       BylineSite          *site,
                       BylineArticle       *snapshot)
{
  Job *job = g_new0 (Job, 1);

  g_atomic_ref_count_init (&job->ref_count);
  job->outbox = outbox;
  job->journal = journal;
  job->bundle = g_object_ref (bundle);
  job->site = g_object_ref (site);
  job->snapshot = g_object_ref (snapshot);
  job->derivatives = g_ptr_array_new_with_free_func (unref_nullable);
  job->making_index = job->wanted_index = G_MAXUINT;
  job->cancellable = g_cancellable_new ();
  job->lock_fd = -1;
  return job;
}

Job *
byline_outbox_job_ref (Job *job)
{
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

void
byline_outbox_job_unref (Job *job)
{
  if (!g_atomic_ref_count_dec (&job->ref_count))
    return;

  g_clear_handle_id (&job->timer_id, g_source_remove);
  byline_outbox_job_unlock (job);
  byline_outbox_journal_free (job->journal);
  g_clear_object (&job->bundle);
  g_clear_object (&job->site);
  g_clear_object (&job->live);
  g_clear_object (&job->snapshot);
  g_clear_pointer (&job->derivatives, g_ptr_array_unref);
  g_clear_error (&job->derivative_error);
  g_clear_object (&job->cms);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->queue_task);
  g_free (job);
}

/* Where a job goes on from: the step it was in, or the one it waits to
 * retry. */
static BylineOutboxState
job_stage (Job *job)
{
  switch (job->journal->state)
    {
    case BYLINE_OUTBOX_STATE_WAITING:
    case BYLINE_OUTBOX_STATE_FAILED:
    case BYLINE_OUTBOX_STATE_CONFLICT:
      return job->journal->resume_state;
    case BYLINE_OUTBOX_STATE_NONE:
    case BYLINE_OUTBOX_STATE_QUEUED:
    case BYLINE_OUTBOX_STATE_PREPARING_PHOTOS:
    case BYLINE_OUTBOX_STATE_RESERVING:
    case BYLINE_OUTBOX_STATE_UPLOADING:
    case BYLINE_OUTBOX_STATE_WRITING_POST:
    case BYLINE_OUTBOX_STATE_VERIFYING:
    case BYLINE_OUTBOX_STATE_DONE:
    default:
      return job->journal->state;
    }
}

static gboolean
state_is_step (BylineOutboxState state)
{
  return state != BYLINE_OUTBOX_STATE_WAITING && state != BYLINE_OUTBOX_STATE_FAILED &&
         state != BYLINE_OUTBOX_STATE_CONFLICT;
}

void
byline_outbox_job_set_state (Job               *job,
                             BylineOutboxState  state)
{
  gboolean changed = job->journal->state != state;

  job->journal->state = state;
  if (state_is_step (state))
    job->journal->resume_state = state;
  if (changed)
    _byline_outbox_emit_state (job->outbox, job->journal->article_id, state);
}

/* Persisting -------------------------------------------------------------- */

typedef struct
{
  GFile  *bundle;
  GBytes *bytes;
  void  (*next) (Job *job);
} Write;

static void
write_free (Write *write)
{
  g_object_unref (write->bundle);
  g_bytes_unref (write->bytes);
  g_free (write);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Write *write = task_data;
  GError *error = NULL;

  if (byline_outbox_journal_write (write->bundle, write->bytes, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
byline_outbox_job_fail_locally (Job        *job,
                                const char *code,
                                const char *detail)
{
  g_free (job->journal->error_code);
  job->journal->error_code = g_strdup (code);
  g_free (job->journal->error_detail);
  job->journal->error_detail = g_strdup (detail);
  byline_outbox_job_set_state (job, BYLINE_OUTBOX_STATE_FAILED);
}

static void
persist_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  Write *write = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (job->dropped)
    return;

  /* Without the journal on disk no side effect may follow: a full disk
   * stops here, in memory only (writing it would fail too). */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_warning ("Could not write the outbox journal of %s: %s",
                 job->journal->article_id, error->message);
      /* The first write: the article was never queued. */
      if (job->queue_task != NULL)
        {
          g_autoptr(GTask) queue_task = g_steal_pointer (&job->queue_task);

          job->dropped = TRUE;
          _byline_outbox_job_stopped (job->outbox, job);
          g_task_return_error (queue_task, g_steal_pointer (&error));
          return;
        }
      byline_outbox_job_fail_locally (job, "disk", error->message);
      _byline_outbox_job_finished (job->outbox, job);
      return;
    }

  if (write->next != NULL)
    write->next (job);
}

/* Writes the journal as it is now (serialised here, written in a worker
 * thread), then calls @next. One write per job is in flight at a time:
 * the steps are sequential. */
void
byline_outbox_job_persist (Job   *job,
                           void (*next) (Job *job))
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, persist_cb, byline_outbox_job_ref (job));
  Write *write = g_new0 (Write, 1);

  write->bundle = g_object_ref (job->bundle);
  write->bytes = byline_outbox_journal_to_bytes (job->journal);
  write->next = next;
  g_task_set_task_data (task, write, (GDestroyNotify) write_free);
  g_task_run_in_thread (task, write_thread);
}

/* Errors ------------------------------------------------------------------ */

static const char *
error_code_name (const GError *error)
{
  static const char * const names[] = {
    [BYLINE_CMS_ERROR_AUTH] = "auth",
    [BYLINE_CMS_ERROR_FORBIDDEN] = "forbidden",
    [BYLINE_CMS_ERROR_NOT_FOUND] = "not-found",
    [BYLINE_CMS_ERROR_CONFLICT] = "conflict",
    [BYLINE_CMS_ERROR_VALIDATION] = "validation",
    [BYLINE_CMS_ERROR_RATE_LIMITED] = "rate-limited",
    [BYLINE_CMS_ERROR_SERVER] = "server",
    [BYLINE_CMS_ERROR_NETWORK] = "network",
    [BYLINE_CMS_ERROR_TLS] = "tls",
    [BYLINE_CMS_ERROR_PROTOCOL] = "protocol",
  };

  if (error->domain == BYLINE_CMS_ERROR && error->code >= 0 &&
      (guint) error->code < G_N_ELEMENTS (names))
    return names[error->code];
  return "local";
}

void
byline_outbox_job_finish (Job *job)
{
  _byline_outbox_job_finished (job->outbox, job);
}

/* Transient errors wait and retry; the rest stop and ask the user. A
 * cancelled job leaves its journal as it is, to be resumed. */
static void
job_error (Job    *job,
           GError *error)
{
  BylineOutboxJournal *journal = job->journal;
  gint64 delay_ms;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      byline_outbox_job_finish (job);
      return;
    }

  g_free (journal->error_code);
  journal->error_code = g_strdup (error_code_name (error));
  g_free (journal->error_detail);
  journal->error_detail = g_strdup (error->message);

  if (!byline_cms_error_is_transient (error))
    {
      if (g_error_matches (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_AUTH))
        _byline_outbox_forget_client (job->outbox, job->site);
      byline_outbox_job_set_state (job, BYLINE_OUTBOX_STATE_FAILED);
      byline_outbox_job_persist (job, byline_outbox_job_finish);
      return;
    }

  journal->attempts++;
  delay_ms = _byline_outbox_backoff_ms (job->outbox, journal->attempts,
                                        byline_cms_error_get_retry_after (error));
  g_clear_pointer (&journal->next_attempt, g_date_time_unref);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    journal->next_attempt = g_date_time_add (now, delay_ms * G_TIME_SPAN_MILLISECOND);
  }
  g_debug ("%s: %s; attempt %u in %" G_GINT64_FORMAT " ms", journal->article_id,
           error->message, journal->attempts, delay_ms);
  byline_outbox_job_set_state (job, BYLINE_OUTBOX_STATE_WAITING);
  byline_outbox_job_persist (job, job_after_error);
}

static void
job_after_error (Job *job)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 delay_ms = g_date_time_difference (job->journal->next_attempt, now) / 1000;

  _byline_outbox_job_wait (job->outbox, job, MAX (delay_ms, 0));
  byline_outbox_job_finish (job);
}

/* Progress made: the next error starts the backoff afresh. */
static void
job_progressed (Job *job)
{
  job->journal->attempts = 0;
  g_clear_pointer (&job->journal->error_code, g_free);
  g_clear_pointer (&job->journal->error_detail, g_free);
  g_clear_pointer (&job->journal->next_attempt, g_date_time_unref);
}

/* The crash-test hook: right after the site answered, before the journal
 * records the answer — the worst moment to die. */
static gboolean
job_stop_here (Job        *job,
               const char *point)
{
  const char *abort_after = g_getenv ("BYLINE_OUTBOX_ABORT_AFTER");

  if (g_strcmp0 (abort_after, point) == 0)
    raise (SIGKILL);

  if (g_strcmp0 (_byline_outbox_get_stop_point (job->outbox), point) != 0)
    return FALSE;

  g_debug ("%s: stopping at %s", job->journal->article_id, point);
  job->dropped = TRUE;
  /* A dead process's lock goes with it, at once. */
  byline_outbox_job_unlock (job);
  _byline_outbox_job_stopped (job->outbox, job);
  return TRUE;
}

/* The client -------------------------------------------------------------- */

static void
verify_user_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineCmsUser) user = byline_cms_verify_finish (BYLINE_CMS (object), result, &error);

  if (job->dropped)
    return;
  if (user == NULL)
    job_error (job, error);
  else
    job_dispatch (job);
}

/* WordPress treats a wrong application password as no password at all:
 * the post lookup would then fail as a bad parameter (400), not as 401.
 * users/me says it plainly, once per attempt. */
static void
job_verify_user (Job *job)
{
  byline_cms_verify_async (job->cms, job->cancellable, verify_user_cb,
                           byline_outbox_job_ref (job));
}

static void
password_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  char *password = byline_secret_lookup_finish (result, &error);
  BylineCms *cms;

  if (job->dropped)
    {
      byline_secret_free (password);
      return;
    }
  if (password == NULL)
    {
      /* Translators: the reason kept with a failed publication. */
      byline_outbox_job_fail_locally (job, "password", error != NULL ? error->message : _("no password"));
      byline_outbox_job_persist (job, byline_outbox_job_finish);
      return;
    }

  cms = byline_site_create_cms (job->site, password, &error);
  byline_secret_free (password);
  if (cms == NULL)
    {
      byline_outbox_job_fail_locally (job, "local", error->message);
      byline_outbox_job_persist (job, byline_outbox_job_finish);
      return;
    }
  _byline_outbox_add_client (job->outbox, job->site, cms);
  job->cms = cms;
  job_verify_user (job);
}

void
byline_outbox_job_get_client (Job *job)
{
  g_autoptr(GError) error = NULL;
  gboolean need_password = FALSE;

  g_clear_object (&job->cms);
  job->cms = _byline_outbox_lookup_client (job->outbox, job->site, &error, &need_password);
  if (job->cms != NULL)
    {
      job_verify_user (job);
      return;
    }
  if (!need_password)
    {
      /* Translators: fills “Publishing failed (%s): try again later.” */
      byline_outbox_job_fail_locally (job, "local", error != NULL ? error->message : _("no client"));
      byline_outbox_job_persist (job, byline_outbox_job_finish);
      return;
    }

  byline_secret_lookup_async (byline_site_get_id (job->site), byline_site_get_user (job->site),
                              job->cancellable, password_cb, byline_outbox_job_ref (job));
}

/* Photos: derivatives ------------------------------------------------------- */

/* Derivatives are made one at a time in a worker thread, in the order of
 * the photos, from the moment every photo is checked: photo k + 1's is
 * made while photo k uploads, so their time hides behind the network
 * instead of adding to it. They are not journalled (a file in the cache,
 * found again by its name after a crash, and an uploaded photo needs
 * none); an upload that reaches a photo whose derivative is not made yet
 * waits for it. */

static BylinePhoto *
job_photo (Job  *job,
           guint index)
{
  BylineOutboxPhoto *entry = g_ptr_array_index (job->journal->photos, index);

  return byline_article_find_photo (job->snapshot, entry->id);
}

static void upload_photo        (Job *job);
static void job_with_derivative (Job *job);

typedef struct
{
  Job   *job;
  guint  generation;
  guint  index;
} Pending;

static Pending *
pending_new (Job   *job,
             guint  index)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->job = byline_outbox_job_ref (job);
  pending->generation = job->generation;
  pending->index = index;
  return pending;
}

/* A late answer for a dropped job, or for a run since ended and
 * restarted (its derivatives array is another one). */
static gboolean
pending_is_stale (Pending *pending)
{
  return pending->job->dropped || pending->generation != pending->job->generation;
}

static void
job_reset_derivatives (Job *job)
{
  job->generation++;
  job->making_index = job->wanted_index = G_MAXUINT;
  g_clear_error (&job->derivative_error);
  g_ptr_array_set_size (job->derivatives, 0);
}

static char *
upload_file_name (const char *photo_id,
                  GFile      *derivative)
{
  g_autofree char *base = g_file_get_basename (derivative);
  const char *dot = strrchr (base, '.');

  return g_strdup_printf ("byline-%.16s%s", photo_id, dot != NULL ? dot : ".jpg");
}

/* A photo that could not be prepared stops the job and asks the user. */
static void
job_photo_failed (Job          *job,
                  const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      byline_outbox_job_finish (job);
      return;
    }
  byline_outbox_job_fail_locally (job, "photo", error->message);
  byline_outbox_job_persist (job, byline_outbox_job_finish);
}

static void make_next_derivative (Job *job);

static void
derivative_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autofree Pending *pending = user_data;
  g_autoptr(Job) job = pending->job;
  g_autoptr(GError) error = NULL;
  GFile *file = byline_photo_derivative_finish (result, &error);
  BylineOutboxPhoto *entry;

  if (pending_is_stale (pending))
    {
      g_clear_object (&file);
      return;
    }

  job->making_index = G_MAXUINT;
  if (file == NULL)
    {
      job->failed_index = pending->index;
      job->derivative_error = g_steal_pointer (&error);
    }
  else
    {
      /* The name comes from the photo's id, not from the derivative's
       * bytes: a retry after the credits were edited still finds the
       * first upload. */
      entry = g_ptr_array_index (job->journal->photos, pending->index);
      if (entry->file_name == NULL)
        entry->file_name = upload_file_name (entry->id, file);
      g_ptr_array_index (job->derivatives, pending->index) = file;
      make_next_derivative (job);
    }

  if (job->wanted_index == pending->index)
    {
      job->wanted_index = G_MAXUINT;
      job_with_derivative (job);
    }
}

static gboolean
photo_needs_derivative (Job   *job,
                        guint  index)
{
  BylineOutboxPhoto *entry = g_ptr_array_index (job->journal->photos, index);

  return entry->media_id <= 0 && g_ptr_array_index (job->derivatives, index) == NULL;
}

/* The first photo still without one, unless one is being made or one
 * failed. A job waiting to retry goes on making them (they land in the
 * cache, where its next start finds them); a failed one stops. */
static void
make_next_derivative (Job *job)
{
  BylineOutboxState state = job->journal->state;
  guint index = 0;

  if (job->making_index != G_MAXUINT || job->derivative_error != NULL ||
      state == BYLINE_OUTBOX_STATE_FAILED || state == BYLINE_OUTBOX_STATE_CONFLICT)
    return;

  while (index < job->derivatives->len && !photo_needs_derivative (job, index))
    index++;
  if (index == job->derivatives->len)
    return;

  job->making_index = index;
  byline_photo_derivative_async (job_photo (job, index), job->bundle,
                                 byline_site_get_image_size_limit (job->site),
                                 _byline_outbox_get_cache_dir (job->outbox), job->cancellable,
                                 derivative_cb, pending_new (job, index));
}

/* Goes on with the upload of photo_index once its derivative is made. */
static void
job_with_derivative (Job *job)
{
  if (g_ptr_array_index (job->derivatives, job->photo_index) != NULL)
    {
      upload_photo (job);
      return;
    }
  if (job->derivative_error != NULL && job->failed_index == job->photo_index)
    {
      job_photo_failed (job, job->derivative_error);
      return;
    }
  job->wanted_index = job->photo_index;
  make_next_derivative (job);
}

static void
check_photos_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autofree Pending *pending = user_data;
  g_autoptr(Job) job = pending->job;
  g_autoptr(GError) error = NULL;

  if (pending_is_stale (pending))
    return;
  if (!byline_photo_derivative_check_finish (result, &error))
    {
      job_photo_failed (job, error);
      return;
    }

  if (job_stage (job) == BYLINE_OUTBOX_STATE_PREPARING_PHOTOS)
    byline_outbox_job_set_state (job, BYLINE_OUTBOX_STATE_RESERVING);
  make_next_derivative (job);
  job_dispatch (job);
}

/* Every photo still to upload is checked (there, and an image) before
 * anything is sent; their derivatives are made from then on. */
static void
job_prepare_photos (Job *job)
{
  BylineOutboxJournal *journal = job->journal;
  g_autoptr(GPtrArray) photos = g_ptr_array_new ();

  if (job_stage (job) == BYLINE_OUTBOX_STATE_QUEUED)
    byline_outbox_job_set_state (job, BYLINE_OUTBOX_STATE_PREPARING_PHOTOS);

  job_reset_derivatives (job);
  g_ptr_array_set_size (job->derivatives, journal->photos->len);
  for (guint i = 0; i < journal->photos->len; i++)
    {
      BylinePhoto *photo = job_photo (job, i);

      if (((BylineOutboxPhoto *) g_ptr_array_index (journal->photos, i))->media_id > 0)
        continue;
      if (photo == NULL)
        {
          /* Translators: fills “A photo could not be prepared for upload (%s)…”. */
          byline_outbox_job_fail_locally (job, "photo", _("the photo is not in the article any more"));
          byline_outbox_job_persist (job, byline_outbox_job_finish);
          return;
        }
      g_ptr_array_add (photos, photo);
    }

  byline_photo_derivative_check_async (photos, job->bundle, job->cancellable, check_photos_cb,
                                       pending_new (job, G_MAXUINT));
}

/* Start and dispatch -------------------------------------------------------- */

void
byline_outbox_job_start (Job *job)
{
  job->due = FALSE;
  g_clear_handle_id (&job->timer_id, g_source_remove);
  job_reset_derivatives (job);
  byline_outbox_job_lock (job);
}

static void
job_dispatch (Job *job)
{
  if (job->derivatives->len != job->journal->photos->len)
    {
      job_prepare_photos (job);
      return;
    }

  switch (job_stage (job))
    {
    case BYLINE_OUTBOX_STATE_NONE:
    case BYLINE_OUTBOX_STATE_QUEUED:
    case BYLINE_OUTBOX_STATE_PREPARING_PHOTOS:
    case BYLINE_OUTBOX_STATE_RESERVING:
      job_reserve (job);
      break;
    case BYLINE_OUTBOX_STATE_UPLOADING:
      job_upload_next (job);
      break;
    case BYLINE_OUTBOX_STATE_WRITING_POST:
      job_write (job);
      break;
    case BYLINE_OUTBOX_STATE_VERIFYING:
      job_verify (job);
      break;
    case BYLINE_OUTBOX_STATE_DONE:
    case BYLINE_OUTBOX_STATE_WAITING:
    case BYLINE_OUTBOX_STATE_FAILED:
    case BYLINE_OUTBOX_STATE_CONFLICT:
    default:
      byline_outbox_job_finish (job);
      break;
    }
}

/* The post as it will be sent --------------------------------------------- */

static void
render_options (Job                 *job,
                BylineRenderOptions *options)
{
  byline_render_options_init (options);
  options->credit_template = byline_site_get_credit_template (job->site);
  options->caption_template = byline_site_get_caption_template (job->site);
}

/* The media ids go into the snapshot so the renderer writes wp-image-<id>
 * and the image URLs. */
static void
apply_media (Job *job)
{
  for (guint i = 0; i < job->journal->photos->len; i++)
    {
      BylineOutboxPhoto *entry = g_ptr_array_index (job->journal->photos, i);
      BylinePhoto *photo = byline_article_find_photo (job->snapshot, entry->id);

      if (photo != NULL && entry->media_id > 0)
        {
          byline_photo_set_media_id (photo, entry->media_id);
          byline_photo_set_media_url (photo, entry->url);
        }
    }
}

static gint64
featured_media (Job *job)
{
  const char *featured = byline_article_get_featured_photo (job->snapshot);
  BylineOutboxPhoto *entry = featured != NULL ?
    byline_outbox_journal_find_photo (job->journal, featured) : NULL;

  return entry != NULL ? entry->media_id : 0;
}

static BylineCmsPost *
job_build_post (Job *job)
{
  const BylinePublishPlan *plan = job->journal->plan;
  BylineCmsPost *post = byline_cms_post_new ();
  BylineRenderOptions options;

  apply_media (job);
  render_options (job, &options);
  post->id = job->journal->post_id;
  post->status = g_strdup (plan->status);
  post->slug = g_strdup (plan->slug);
  post->title = g_strdup (plan->title);
  post->content = byline_render_wordpress (job->snapshot, &options);
  post->excerpt = g_strdup (plan->excerpt != NULL ? plan->excerpt : "");
  post->date_gmt = g_strdup (plan->date_gmt);
  if (plan->category_id > 0)
    byline_cms_post_set_ids (&post->categories, &plan->category_id, 1);
  byline_cms_post_set_ids (&post->tags, (const gint64 *) plan->tag_ids->data, plan->tag_ids->len);
  post->featured_media = featured_media (job);
  return post;
}

/* Conflicts --------------------------------------------------------------- */

/* After a write whose answer was lost, the site's modified_gmt is ours
 * although the journal does not know it: the post then holds what Byline
 * is about to send. */
static gboolean
post_is_ours (Job                 *job,
              const BylineCmsPost *remote)
{
  g_autoptr(BylineCmsPost) mine = NULL;

  if (!job->journal->write_attempted)
    return FALSE;
  mine = job_build_post (job);
  return g_strcmp0 (remote->title, mine->title) == 0 &&
         g_strcmp0 (remote->content, mine->content) == 0;
}

/* The same modified_gmt and, when Byline knows it, the same text: the
 * desk has not touched it, even within the second of Byline's write. */
static gboolean
post_is_left_as_known (const BylineOutboxJournal *journal,
                       const BylineCmsPost       *remote)
{
  g_autofree char *digest = NULL;

  if (g_strcmp0 (remote->modified_gmt, journal->known_modified) != 0)
    return FALSE;
  if (journal->known_digest == NULL)
    return TRUE;
  digest = byline_cms_post_digest (remote);
  return g_str_equal (digest, journal->known_digest);
}

typedef struct
{
  Job   *job;
  void (*next) (Job *job);
} Check;

static void
check_conflict_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autofree Check *check = user_data;
  g_autoptr(Job) job = check->job;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineCmsPost) remote = byline_cms_get_post_finish (BYLINE_CMS (object), result, &error);
  BylineOutboxJournal *journal = job->journal;

  if (job->dropped)
    return;
  if (remote == NULL)
    {
      job_error (job, error);
      return;
    }

  if (journal->known_modified == NULL || post_is_left_as_known (journal, remote) ||
      post_is_ours (job, remote))
    {
      check->next (job);
      return;
    }

  g_free (journal->remote_modified);
  journal->remote_modified = g_strdup (remote->modified_gmt);
  byline_outbox_job_set_state (job, BYLINE_OUTBOX_STATE_CONFLICT);
  byline_outbox_job_persist (job, byline_outbox_job_finish);
}

/* An update first compares the post's modified_gmt with the one Byline
 * left: a different one means the desk edited the post. */
static void
job_check_conflict (Job   *job,
                    void (*next) (Job *job))
{
  Check *check;

  if (!job->journal->update || job->journal->overwrite)
    {
      next (job);
      return;
    }

  check = g_new0 (Check, 1);
  check->job = byline_outbox_job_ref (job);
  check->next = next;
  byline_cms_get_post_async (job->cms, job->journal->post_id, job->cancellable,
                             check_conflict_cb, check);
}

/* Reserve ----------------------------------------------------------------- */

static void
reserve_created_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineCmsPost) post = byline_cms_create_post_finish (BYLINE_CMS (object), result, &error);

  if (job->dropped || job_stop_here (job, "reserve"))
    return;
  if (post == NULL)
    {
      job_error (job, error);
      return;
    }

  job->journal->post_id = post->id;
  job_progressed (job);
  byline_outbox_job_set_state (job, BYLINE_OUTBOX_STATE_UPLOADING);
  byline_outbox_job_persist (job, job_upload_next);
}

static void
reserve_create (Job *job)
{
  g_autoptr(BylineCmsPost) post = byline_cms_post_new ();

  post->status = g_strdup ("draft");
  post->slug = byline_publish_reserved_slug (job->journal->article_id);
  post->title = g_strdup (job->journal->plan->title);
  byline_cms_create_post_async (job->cms, post, job->cancellable, reserve_created_cb,
                                byline_outbox_job_ref (job));
}

static void
reserve_found_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineCmsPost) post = byline_cms_find_post_by_slug_finish (BYLINE_CMS (object),
                                                                       result, &error);

  if (job->dropped)
    return;
  if (error != NULL)
    {
      job_error (job, error);
      return;
    }
  if (post == NULL)
    {
      reserve_create (job);
      return;
    }

  g_debug ("%s: found the reserved post %" G_GINT64_FORMAT, job->journal->article_id, post->id);
  job->journal->post_id = post->id;
  job_progressed (job);
  byline_outbox_job_set_state (job, BYLINE_OUTBOX_STATE_UPLOADING);
  byline_outbox_job_persist (job, job_upload_next);
}

/* Always looks for the reserved draft before creating one: the journal
 * cannot know whether an interrupted create reached the site, nor whether
 * an earlier, cancelled journal made one. One GET per publication. */
static void
reserve_lookup (Job *job)
{
  g_autofree char *slug = byline_publish_reserved_slug (job->journal->article_id);

  byline_cms_find_post_by_slug_async (job->cms, slug, job->cancellable, reserve_found_cb,
                                      byline_outbox_job_ref (job));
}

static void
job_reserve (Job *job)
{
  if (job->journal->post_id > 0)
    {
      byline_outbox_job_set_state (job, BYLINE_OUTBOX_STATE_UPLOADING);
      job_check_conflict (job, job_upload_next);
      return;
    }

  byline_outbox_job_set_state (job, BYLINE_OUTBOX_STATE_RESERVING);
  byline_outbox_job_persist (job, reserve_lookup);
}

/* Upload ------------------------------------------------------------------ */

static void
upload_progress_cb (goffset  sent,
                    goffset  total,
                    gpointer user_data)
{
  Job *job = user_data;

  /* The outbox may be gone: a dropped job's outbox pointer dangles. */
  if (!job->dropped)
    _byline_outbox_emit_progress (job->outbox, job, sent, total);
}

static void
record_media (Job                  *job,
              const BylineCmsMedia *media)
{
  BylineOutboxPhoto *entry = g_ptr_array_index (job->journal->photos, job->photo_index);

  entry->media_id = media->id;
  g_free (entry->url);
  entry->url = g_strdup (media->source_url);
  job_progressed (job);
  _byline_outbox_emit_progress (job->outbox, job, 0, 0);
  byline_outbox_job_persist (job, job_upload_next);
}

static void
upload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineCmsMedia) media = byline_cms_upload_media_finish (BYLINE_CMS (object),
                                                                    result, &error);
  g_autofree char *point = g_strdup_printf ("upload-%u", job->photo_index + 1);

  if (job->dropped || job_stop_here (job, point))
    return;
  if (media == NULL)
    job_error (job, error);
  else
    record_media (job, media);
}

static void
upload_send (Job *job)
{
  BylineOutboxPhoto *entry = g_ptr_array_index (job->journal->photos, job->photo_index);
  BylinePhoto *photo = job_photo (job, job->photo_index);
  GFile *derivative = g_ptr_array_index (job->derivatives, job->photo_index);
  g_autofree char *caption = NULL;
  BylineRenderOptions options;
  const char *description;

  render_options (job, &options);
  caption = byline_render_caption (photo, &options);
  description = byline_photo_get_credit_line (photo) != NULL ?
    byline_photo_get_credit_line (photo) : byline_photo_get_copyright (photo);
  byline_cms_upload_media_async (job->cms, derivative, entry->file_name, job->journal->post_id,
                                 byline_photo_get_caption (photo), caption,
                                 byline_photo_get_alt_text (photo), description,
                                 upload_progress_cb, job, job->cancellable, upload_cb,
                                 byline_outbox_job_ref (job));
}

static void
find_media_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineCmsMedia) media = byline_cms_find_media_finish (BYLINE_CMS (object),
                                                                  result, &error);

  if (job->dropped)
    return;
  if (error != NULL)
    job_error (job, error);
  else if (media != NULL)
    record_media (job, media);
  else
    upload_send (job);
}

static void
job_upload_next (Job *job)
{
  BylineOutboxJournal *journal = job->journal;
  BylineOutboxPhoto *entry = NULL;

  for (job->photo_index = 0; job->photo_index < journal->photos->len; job->photo_index++)
    {
      entry = g_ptr_array_index (journal->photos, job->photo_index);
      if (entry->media_id <= 0)
        break;
    }
  if (job->photo_index == journal->photos->len)
    {
      byline_outbox_job_set_state (job, BYLINE_OUTBOX_STATE_WRITING_POST);
      job_write (job);
      return;
    }

  byline_outbox_job_set_state (job, BYLINE_OUTBOX_STATE_UPLOADING);
  _byline_outbox_emit_progress (job->outbox, job, 0, 0);

  job_with_derivative (job);
}

static void
upload_photo (Job *job)
{
  BylineOutboxPhoto *entry = g_ptr_array_index (job->journal->photos, job->photo_index);

  /* An earlier upload of this photo may have reached the site. */
  if (entry->attempted)
    {
      byline_cms_find_media_async (job->cms, job->journal->post_id, entry->file_name,
                                   job->cancellable, find_media_cb, byline_outbox_job_ref (job));
      return;
    }

  entry->attempted = TRUE;
  byline_outbox_job_persist (job, upload_send);
}

/* Tags -------------------------------------------------------------------- */

static void resolve_tags_next (Job *job);

static void
plan_take_tag (BylinePublishPlan *plan,
               const char        *name,
               gint64             id)
{
  g_autoptr(GStrvBuilder) rest = g_strv_builder_new ();

  for (guint i = 0; plan->new_tags[i] != NULL; i++)
    if (g_strcmp0 (plan->new_tags[i], name) != 0)
      g_strv_builder_add (rest, plan->new_tags[i]);
  g_strfreev (plan->new_tags);
  plan->new_tags = g_strv_builder_end (rest);
  g_array_append_val (plan->tag_ids, id);
}

static void
create_tag_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineCmsTerm) term = byline_cms_create_tag_finish (BYLINE_CMS (object), result, &error);
  BylinePublishPlan *plan = job->journal->plan;

  if (job->dropped)
    return;
  if (term == NULL)
    {
      job_error (job, error);
      return;
    }

  plan_take_tag (plan, plan->new_tags[0], term->id);
  byline_outbox_job_persist (job, resolve_tags_next);
}

static void
resolve_tags_next (Job *job)
{
  BylinePublishPlan *plan = job->journal->plan;

  if (plan->new_tags[0] == NULL)
    {
      job_check_conflict (job, job_write_send);
      return;
    }
  byline_cms_create_tag_async (job->cms, plan->new_tags[0], job->cancellable, create_tag_cb,
                               byline_outbox_job_ref (job));
}

static gint64
find_tag_id (GPtrArray  *tags,
             const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < tags->len; i++)
    {
      BylineCmsTerm *term = g_ptr_array_index (tags, i);
      g_autofree char *term_folded = term->name != NULL ? g_utf8_casefold (term->name, -1) : NULL;

      if (g_strcmp0 (term_folded, folded) == 0)
        return term->id;
    }
  return 0;
}

/* The site's tags now, not the cache's: a tag made by an interrupted
 * earlier attempt, or by a colleague since, is used, not created twice
 * (WordPress would refuse with term_exists). */
static void
fetch_tags_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tags = byline_cms_fetch_tags_finish (BYLINE_CMS (object), result, &error);
  BylinePublishPlan *plan = job->journal->plan;
  g_auto(GStrv) names = NULL;

  if (job->dropped)
    return;
  if (tags == NULL)
    {
      job_error (job, error);
      return;
    }

  names = g_strdupv (plan->new_tags);
  for (guint i = 0; names[i] != NULL; i++)
    {
      gint64 id = find_tag_id (tags, names[i]);
      if (id > 0)
        plan_take_tag (plan, names[i], id);
    }
  resolve_tags_next (job);
}

/* Write ------------------------------------------------------------------- */

static void
job_write (Job *job)
{
  byline_outbox_job_set_state (job, BYLINE_OUTBOX_STATE_WRITING_POST);

  if (job->journal->plan->new_tags[0] != NULL)
    byline_cms_fetch_tags_async (job->cms, job->cancellable, fetch_tags_cb,
                                 byline_outbox_job_ref (job));
  else
    job_check_conflict (job, job_write_send);
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineCmsPost) post = byline_cms_update_post_finish (BYLINE_CMS (object), result, &error);

  if (job->dropped || job_stop_here (job, "write"))
    return;
  if (post == NULL)
    {
      job_error (job, error);
      return;
    }

  g_free (job->journal->known_modified);
  job->journal->known_modified = g_strdup (post->modified_gmt);
  job_progressed (job);
  byline_outbox_job_set_state (job, BYLINE_OUTBOX_STATE_VERIFYING);
  byline_outbox_job_persist (job, job_verify);
}

static void
write_post (Job *job)
{
  g_autoptr(BylineCmsPost) post = job_build_post (job);

  byline_cms_update_post_async (job->cms, post, job->cancellable, write_cb,
                                byline_outbox_job_ref (job));
}

static void
job_write_send (Job *job)
{
  job->journal->write_attempted = TRUE;
  byline_outbox_job_persist (job, write_post);
}

/* Verify ------------------------------------------------------------------ */

static gboolean
ids_equal (const GArray *a,
           const GArray *b)
{
  guint na = a != NULL ? a->len : 0;
  guint nb = b != NULL ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    {
      gboolean found = FALSE;
      for (guint j = 0; j < nb && !found; j++)
        found = g_array_index (a, gint64, i) == g_array_index (b, gint64, j);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* What WordPress may silently drop or change: NULL when all is there. The
 * field's name is marked with N_(), translated where it is stored. */
static const char *
verify_mismatch (Job                 *job,
                 const BylineCmsPost *got)
{
  g_autoptr(BylineCmsPost) sent = job_build_post (job);

  /* A scheduled post whose time came while it waited is published. */
  if (g_strcmp0 (got->status, sent->status) != 0 &&
      !(g_strcmp0 (sent->status, "future") == 0 && g_strcmp0 (got->status, "publish") == 0))
    /* Translators: fills “The site did not keep everything Byline sent (%s)…”. */
    return N_("status");
  if (g_strcmp0 (got->title, sent->title) != 0)
    /* Translators: fills “The site did not keep everything Byline sent (%s)…”. */
    return N_("title");
  if (got->featured_media != sent->featured_media)
    /* Translators: fills “The site did not keep everything Byline sent (%s)…”. */
    return N_("featured image");
  if (sent->categories != NULL && !ids_equal (sent->categories, got->categories))
    /* Translators: fills “The site did not keep everything Byline sent (%s)…”. */
    return N_("category");
  if (!ids_equal (sent->tags, got->tags))
    /* Translators: fills “The site did not keep everything Byline sent (%s)…”. */
    return N_("tags");
  return NULL;
}

void
byline_outbox_job_done (Job *job)
{
  if (job->live != NULL)
    byline_outbox_journal_apply_remote (job->journal, job->live);
  _byline_outbox_emit_published (job->outbox, job);
  byline_outbox_job_finish (job);
}

static void
verify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineCmsPost) post = byline_cms_get_post_finish (BYLINE_CMS (object), result, &error);
  BylineOutboxJournal *journal = job->journal;
  const char *mismatch;

  if (job->dropped || job_stop_here (job, "verify"))
    return;
  if (post == NULL)
    {
      job_error (job, error);
      return;
    }

  if ((mismatch = verify_mismatch (job, post)) != NULL)
    {
      byline_outbox_job_fail_locally (job, "verify", _(mismatch));
      byline_outbox_job_persist (job, byline_outbox_job_finish);
      return;
    }

  g_free (journal->link);
  journal->link = g_strdup (post->link);
  g_free (journal->remote_status);
  journal->remote_status = g_strdup (post->status);
  g_free (journal->known_modified);
  journal->known_modified = g_strdup (post->modified_gmt);
  g_free (journal->known_digest);
  journal->known_digest = byline_cms_post_digest (post);
  job_progressed (job);
  byline_outbox_job_set_state (job, BYLINE_OUTBOX_STATE_DONE);
  byline_outbox_job_persist (job, byline_outbox_job_done);
}

static void
job_verify (Job *job)
{
  byline_outbox_job_set_state (job, BYLINE_OUTBOX_STATE_VERIFYING);
  byline_cms_get_post_async (job->cms, job->journal->post_id, job->cancellable, verify_cb,
                             byline_outbox_job_ref (job));
}
