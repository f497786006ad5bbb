/* byline-draft-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tracking, saving, flushing and closing. The rule behind every path
 * here: a change is dirty until a write of it has *succeeded*; a failed
 * write leaves the old file untouched (the writer renames a complete temp
 * file over it) and the change dirty, so the next change or flush retries.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-draft-store-private.h"

#define DEFAULT_AUTOSAVE_DELAY_MS 1000
#define INDEX_DELAY_MS 2000

G_DEFINE_QUARK (byline-draft-store-error-quark, byline_draft_store_error)
G_DEFINE_FINAL_TYPE (BylineDraftStore, byline_draft_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROOT,
  PROP_AUTOSAVE_DELAY,
  PROP_AUTOSAVE_DELAY_MS,
  PROP_OWNS_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint byline_draft_store_signals[N_SIGNALS];

static void save_now (BylineTracked *t);

/* ---- index and session ---------------------------------------------- */

/* A snapshot of every header, plain data for the worker threads. */
GHashTable *
byline_draft_store_dup_entries (BylineDraftStore *self)
{
  GHashTable *entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               (GDestroyNotify) byline_draft_entry_free);
  GHashTableIter iter;
  gpointer info;

  g_hash_table_iter_init (&iter, self->infos);
  while (g_hash_table_iter_next (&iter, NULL, &info))
    {
      BylineDraftEntry *entry = byline_draft_entry_copy (byline_draft_info_get_entry (info));

      g_hash_table_replace (entries, entry->id, entry);
    }
  return entries;
}

static GBytes *
build_index (gpointer   data,
             GError   **error)
{
  GHashTable *entries = data;
  g_autoptr(GPtrArray) array = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer entry;

  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, NULL, &entry))
    g_ptr_array_add (array, entry);
  return byline_draft_index_to_bytes (array);
}

static void
write_index_now (BylineDraftStore *self)
{
  g_clear_handle_id (&self->index_timer_id, g_source_remove);
  byline_file_writer_write_func (self->index_writer, build_index,
                                 byline_draft_store_dup_entries (self),
                                 (GDestroyNotify) g_hash_table_unref, 0);
}

static gboolean
index_timeout_cb (gpointer user_data)
{
  BylineDraftStore *self = user_data;

  self->index_timer_id = 0;
  write_index_now (self);
  return G_SOURCE_REMOVE;
}

/* Only a store that loaded the whole library may rewrite the index: one
 * that did not (a quick CLI command) would drop every row it never saw. */
void
byline_draft_store_schedule_index (BylineDraftStore *self)
{
  if (!self->loaded || self->index_timer_id != 0)
    return;

  self->index_timer_id = g_timeout_add (INDEX_DELAY_MS, index_timeout_cb, self);
}

/* Likewise only the loaded store that owns the session (the GUI) writes
 * it: a CLI run must not mark the GUI's crashed session as clean. */
void
byline_draft_store_write_session (BylineDraftStore *self,
                                  gboolean          clean)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GHashTableIter iter;
  gpointer id;

  if (!self->loaded || !self->owns_session)
    return;

  g_hash_table_iter_init (&iter, self->tracked);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_strv_builder_add (builder, id);
  ids = g_strv_builder_end (builder);

  bytes = byline_draft_session_to_bytes (clean, (const char * const *) ids);
  byline_file_writer_write_bytes (self->session_writer, bytes, 0);
}

void
byline_draft_store_add_problem (BylineDraftStore *self,
                                const char       *id,
                                const char       *message)
{
  g_ptr_array_add (self->problems, byline_draft_problem_new (id, message));
  g_signal_emit (self, byline_draft_store_signals[SIGNAL_PROBLEM], 0, id, message);
}

/* ---- tracking and saving ------------------------------------------ */

static BylineSaveState
compute_state (BylineTracked *t)
{
  if (t->read_only)
    return BYLINE_SAVE_STATE_READ_ONLY;
  if (t->theirs != NULL)
    return BYLINE_SAVE_STATE_CONFLICT;
  if (byline_file_writer_is_busy (t->writer))
    return BYLINE_SAVE_STATE_SAVING;
  if (t->change_gen == t->saved_gen)
    return BYLINE_SAVE_STATE_SAVED;
  if (t->error != NULL)
    return BYLINE_SAVE_STATE_ERROR;
  return BYLINE_SAVE_STATE_DIRTY;
}

void
byline_draft_store_update_state (BylineTracked *t)
{
  BylineSaveState state = compute_state (t);

  if (state == t->last_state)
    return;

  t->last_state = state;
  g_signal_emit (t->store, byline_draft_store_signals[SIGNAL_SAVE_STATE_CHANGED], 0, t->article);
}

static void
tracked_free (BylineTracked *t)
{
  g_clear_handle_id (&t->autosave_id, g_source_remove);
  g_clear_handle_id (&t->check_id, g_source_remove);
  g_clear_signal_handler (&t->changed_id, t->article);
  if (t->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (t->monitor, t);
      g_file_monitor_cancel (t->monitor);
      g_clear_object (&t->monitor);
    }
  byline_file_writer_disconnect (t->writer);
  g_clear_object (&t->writer);
  g_clear_object (&t->article);
  g_clear_object (&t->theirs);
  g_clear_pointer (&t->disk_bytes, g_bytes_unref);
  g_clear_error (&t->error);
  g_free (t->id);
  g_free (t);
}

typedef struct
{
  BylineArticle    *snapshot;
  gboolean          read_only;
  BylineDraftEntry *summary;    /* made by build_article() */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->snapshot);
  g_clear_pointer (&job->summary, byline_draft_entry_free);
  g_free (job);
}

/* In the writer's worker thread, on a snapshot no one else touches. */
static GBytes *
build_article (gpointer   data,
               GError   **error)
{
  SaveJob *job = data;

  job->summary = byline_draft_entry_new (byline_article_get_id (job->snapshot));
  byline_draft_entry_set_from_article (job->summary, job->snapshot, job->read_only);
  return byline_article_to_bytes (job->snapshot);
}

/* @summary: the article's part of the row, as computed from the version
 * just written (in the save worker) or from the tracked article. */
static void
put_summary (BylineTracked          *t,
             const BylineDraftEntry *summary,
             gint64                  mtime,
             gint64                  size)
{
  BylineDraftInfo *info = g_hash_table_lookup (t->store->infos, t->id);
  g_autoptr(BylineDraftEntry) entry = NULL;

  entry = info ? byline_draft_entry_copy (byline_draft_info_get_entry (info))
               : byline_draft_entry_new (t->id);
  byline_draft_entry_set_summary (entry, summary);
  if (mtime != 0)
    {
      entry->mtime = mtime;
      entry->size = size;
    }
  byline_draft_store_put_entry (t->store, entry);
}

/* On the main thread: only for a new article or one just read from disk
 * (once per open or external change), never per keystroke. */
static void
update_entry_from_article (BylineTracked *t)
{
  g_autoptr(BylineDraftEntry) summary = byline_draft_entry_new (t->id);

  byline_draft_entry_set_from_article (summary, t->article, t->read_only);
  put_summary (t, summary, 0, 0);
}

static GError *
prefixed_error (BylineTracked *t,
                const GError  *error)
{
  const char *title = byline_article_get_title (t->article);
  GQuark domain = error->domain;
  int code = error->code;

  /* g_file_set_contents() speaks G_FILE_ERROR; callers expect G_IO_ERROR. */
  if (domain == G_FILE_ERROR)
    {
      domain = G_IO_ERROR;
      code = g_io_error_from_file_error (code);
    }

  /* Translators: the first %s is the draft's title, the second the reason. */
  return g_error_new (domain, code, _("Could not save the draft “%s”: %s"),
                      title && title[0] ? title : _("Untitled"), error->message);
}

static void
article_written_cb (BylineFileWriter *writer,
                    guint64           tag,
                    gpointer          job_data,
                    GBytes           *written,
                    gint64            mtime,
                    gint64            size,
                    const GError     *error,
                    gpointer          user_data)
{
  BylineTracked *t = user_data;
  SaveJob *job = job_data;
  g_autoptr(BylineDraftStore) self = g_object_ref (t->store);
  g_autofree char *id = g_strdup (t->id);

  if (error != NULL)
    {
      g_clear_error (&t->error);
      t->error = prefixed_error (t, error);
      /* Allow the retry to write the same generation again. */
      t->requested_gen = t->saved_gen;
      byline_draft_store_update_state (t);
      g_signal_emit (self, byline_draft_store_signals[SIGNAL_SAVE_FAILED], 0, t->article, t->error);
      return;
    }

  g_clear_error (&t->error);
  t->saved_gen = MAX (t->saved_gen, tag);
  g_clear_pointer (&t->disk_bytes, g_bytes_unref);
  t->disk_bytes = g_bytes_ref (written);
  t->disk_serial++;
  put_summary (t, job->summary, mtime, size);
  byline_draft_store_watch_bundle (t);
  byline_draft_store_update_state (t);
  g_signal_emit (self, byline_draft_store_signals[SIGNAL_SAVED], 0, t->article);

  /* A handler may have released the article. */
  t = g_hash_table_lookup (self->tracked, id);
  if (t != NULL && t->releasing && compute_state (t) == BYLINE_SAVE_STATE_SAVED)
    byline_draft_store_untrack (self, id);
}

/* The main thread only takes a snapshot (references to the sealed blocks,
 * a copy of the rest); the JSON and the row's summary of a long article
 * cost milliseconds, so they are made in the writer's worker. The writer
 * runs one write at a time and a newer save replaces one still waiting,
 * so saves land in order and the latest edit wins. */
static void
save_now (BylineTracked *t)
{
  SaveJob *job;

  g_clear_handle_id (&t->autosave_id, g_source_remove);

  if (t->read_only || t->theirs != NULL || t->change_gen == t->saved_gen)
    return;
  /* This very content is already being written. */
  if (t->requested_gen == t->change_gen && byline_file_writer_is_busy (t->writer))
    return;

  job = g_new0 (SaveJob, 1);
  job->snapshot = byline_article_dup_snapshot (t->article);
  job->read_only = t->read_only;
  t->requested_gen = t->change_gen;
  byline_file_writer_write_func (t->writer, build_article, job, (GDestroyNotify) save_job_free,
                                 t->change_gen);
  byline_draft_store_update_state (t);
}

static gboolean
autosave_cb (gpointer user_data)
{
  BylineTracked *t = user_data;

  t->autosave_id = 0;
  save_now (t);
  return G_SOURCE_REMOVE;
}

static void
article_changed_cb (BylineArticle *article,
                    BylineTracked *t)
{
  t->change_gen++;
  /* The first change since the last save starts the clock and later ones
   * do not push it back: with a timer restarted on every keystroke, steady
   * typing was never saved until a pause, and a crash lost all of it
   * (found by tests/reliability/crash-test). */
  if (!t->read_only && t->autosave_id == 0)
    t->autosave_id = g_timeout_add (t->store->autosave_delay_ms, autosave_cb, t);
  byline_draft_store_update_state (t);
}

static void
connect_article (BylineTracked *t,
                 BylineArticle *article)
{
  g_clear_signal_handler (&t->changed_id, t->article);
  g_set_object (&t->article, article);
  t->changed_id = g_signal_connect (article, "changed", G_CALLBACK (article_changed_cb), t);
}

static BylineTracked *
track (BylineDraftStore *self,
       BylineArticle    *article,
       GBytes           *disk_bytes,
       gboolean          read_only)
{
  BylineTracked *t = g_new0 (BylineTracked, 1);
  g_autofree char *path = NULL;

  t->store = self;
  t->id = g_strdup (byline_article_get_id (article));
  t->read_only = read_only;
  t->disk_bytes = disk_bytes ? g_bytes_ref (disk_bytes) : NULL;
  path = byline_draft_path_article (self->root_path, t->id);
  t->writer = byline_file_writer_new (path, article_written_cb, t);
  connect_article (t, article);
  t->last_state = compute_state (t);
  g_hash_table_replace (self->tracked, t->id, t);

  if (disk_bytes != NULL)
    byline_draft_store_watch_bundle (t);
  if (!g_hash_table_contains (self->infos, t->id))
    update_entry_from_article (t);
  byline_draft_store_write_session (self, FALSE);
  return t;
}

void
byline_draft_store_untrack (BylineDraftStore *self,
                            const char       *id)
{
  if (g_hash_table_remove (self->tracked, id))
    byline_draft_store_write_session (self, FALSE);
}

/* Replaces the tracked instance by one read from disk (an external change,
 * or a conflict resolved in favour of the disk). */
void
byline_draft_store_swap_article (BylineDraftStore *self,
                                 BylineTracked    *t,
                                 BylineArticle    *article,
                                 GBytes           *bytes,
                                 gboolean          read_only)
{
  g_autoptr(BylineArticle) old = g_object_ref (t->article);

  g_clear_handle_id (&t->autosave_id, g_source_remove);
  g_clear_object (&t->theirs);
  g_clear_error (&t->error);
  connect_article (t, article);
  t->read_only = read_only;
  t->saved_gen = t->requested_gen = t->change_gen;
  g_bytes_ref (bytes);
  g_clear_pointer (&t->disk_bytes, g_bytes_unref);
  t->disk_bytes = bytes;
  t->disk_serial++;
  update_entry_from_article (t);
  byline_draft_store_update_state (t);
  g_signal_emit (self, byline_draft_store_signals[SIGNAL_EXTERNAL_CHANGE], 0, old, article);
}

BylineTracked *
byline_draft_store_find_tracked (BylineDraftStore *self,
                                 BylineArticle    *article)
{
  BylineTracked *t = g_hash_table_lookup (self->tracked, byline_article_get_id (article));

  return t != NULL && t->article == article ? t : NULL;
}

/* ---- flush and close ------------------------------------------------ */

typedef struct
{
  guint    pending;
  gboolean index_phase;
} FlushData;

static void flush_step (GTask *task);

static void
writer_flushed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FlushData *fd = g_task_get_task_data (task);

  byline_file_writer_flush_finish (BYLINE_FILE_WRITER (object), result, NULL);
  if (--fd->pending == 0)
    flush_step (task);
}

static void
wait_writer (GTask            *task,
             BylineFileWriter *writer)
{
  FlushData *fd = g_task_get_task_data (task);

  fd->pending++;
  byline_file_writer_flush_async (writer, NULL, writer_flushed_cb, g_object_ref (task));
}

/* Everything dirty that may be saved and was not is an error: the caller
 * (quit) must not pretend the work is on disk. */
static void
flush_return (GTask *task)
{
  BylineDraftStore *self = g_task_get_source_object (task);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->tracked);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      BylineTracked *t = value;
      BylineSaveState state = compute_state (t);
      const char *title = byline_article_get_title (t->article);

      if (state == BYLINE_SAVE_STATE_ERROR)
        {
          g_task_return_new_error (task, t->error->domain, t->error->code, "%s", t->error->message);
          return;
        }
      /* Unsaved on purpose, but unsaved: quitting now would drop it. */
      if (state == BYLINE_SAVE_STATE_CONFLICT)
        {
          g_task_return_new_error (task, BYLINE_DRAFT_STORE_ERROR, BYLINE_DRAFT_STORE_ERROR_CONFLICT,
                                   /* Translators: %s is the draft's title. */
                                   _("The draft “%s” was changed elsewhere too: choose the "
                                     "version to keep"),
                                   title && title[0] ? title : _("Untitled"));
          return;
        }
    }

  g_task_return_boolean (task, TRUE);
}

static void
flush_step (GTask *task)
{
  BylineDraftStore *self = g_task_get_source_object (task);
  FlushData *fd = g_task_get_task_data (task);
  GHashTableIter iter;
  gpointer writer;

  if (fd->index_phase)
    {
      flush_return (task);
      return;
    }

  /* The articles are on disk (or failed): now their index rows, the
   * session and the outbox states. */
  fd->index_phase = TRUE;
  fd->pending++;
  if (self->loaded)
    write_index_now (self);
  wait_writer (task, self->index_writer);
  wait_writer (task, self->session_writer);
  g_hash_table_iter_init (&iter, self->state_writers);
  while (g_hash_table_iter_next (&iter, NULL, &writer))
    wait_writer (task, writer);
  if (--fd->pending == 0)
    flush_step (task);
}

void
byline_draft_store_flush_async (BylineDraftStore    *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GHashTableIter iter;
  gpointer value;
  FlushData *fd;

  g_return_if_fail (BYLINE_IS_DRAFT_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_draft_store_flush_async);
  fd = g_new0 (FlushData, 1);
  g_task_set_task_data (task, fd, g_free);

  /* Hold one count while starting, so no writer finishing early completes
   * the flush before every writer was asked. */
  fd->pending = 1;
  g_hash_table_iter_init (&iter, self->tracked);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      BylineTracked *t = value;

      save_now (t);
      wait_writer (task, t->writer);
    }
  if (--fd->pending == 0)
    flush_step (task);
}

gboolean
byline_draft_store_flush_finish (BylineDraftStore  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The store's blocking work has one shape: @thread_func runs on a worker
 * with @data, then @done_cb runs back on the main thread with @outer
 * (taken over) as its user data, so the store's tables are only ever
 * touched on the main thread. The inner task follows @outer's
 * cancellable; its source tag names the thread function. */
void
byline_draft_store_run_worker (BylineDraftStore    *self,
                               GTask               *outer,
                               gpointer             data,
                               GDestroyNotify       data_free,
                               GTaskThreadFunc      thread_func,
                               GAsyncReadyCallback  done_cb)
{
  g_autoptr(GTask) inner = NULL;

  g_assert (BYLINE_IS_DRAFT_STORE (self));
  g_assert (G_IS_TASK (outer));

  inner = g_task_new (self, g_task_get_cancellable (outer), done_cb, outer);
  g_task_set_source_tag (inner, thread_func);
  g_task_set_task_data (inner, data, data_free);
  g_task_run_in_thread (inner, thread_func);
}

void
byline_draft_store_sync_result_cb (GObject      *object,
                                   GAsyncResult *result,
                                   gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* For the CLI and tests: spins the thread-default main context. */
GAsyncResult *
byline_draft_store_wait_for_result (GAsyncResult **slot)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();

  while (*slot == NULL)
    g_main_context_iteration (context, TRUE);
  return *slot;
}

gboolean
byline_draft_store_flush_sync (BylineDraftStore  *self,
                               GCancellable      *cancellable,
                               GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);

  byline_draft_store_flush_async (self, cancellable, byline_draft_store_sync_result_cb, &result);
  return byline_draft_store_flush_finish (self, byline_draft_store_wait_for_result (&result), error);
}

static void
close_session_flushed_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = g_task_get_task_data (task);

  byline_file_writer_flush_finish (BYLINE_FILE_WRITER (object), result, NULL);
  if (error != NULL)
    g_task_return_error (task, g_error_copy (error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
close_flushed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  BylineDraftStore *self = BYLINE_DRAFT_STORE (object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* Only a complete flush makes the shutdown clean: with unsaved changes
   * the next start must offer to recover. */
  if (!byline_draft_store_flush_finish (self, result, &error))
    g_task_set_task_data (task, error, (GDestroyNotify) g_error_free);
  else
    byline_draft_store_write_session (self, TRUE);
  self->closed = TRUE;

  byline_file_writer_flush_async (self->session_writer, NULL, close_session_flushed_cb,
                                  g_steal_pointer (&task));
}

void
byline_draft_store_close_async (BylineDraftStore    *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (BYLINE_IS_DRAFT_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_draft_store_close_async);
  byline_draft_store_flush_async (self, cancellable, close_flushed_cb, task);
}

gboolean
byline_draft_store_close_finish (BylineDraftStore  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
byline_draft_store_close_sync (BylineDraftStore  *self,
                               GCancellable      *cancellable,
                               GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);

  byline_draft_store_close_async (self, cancellable, byline_draft_store_sync_result_cb, &result);
  return byline_draft_store_close_finish (self, byline_draft_store_wait_for_result (&result), error);
}

/* ---- articles ------------------------------------------------------ */

/**
 * byline_draft_store_create:
 * @self: a #BylineDraftStore
 *
 * A new empty article, tracked and saved after the autosave delay.
 *
 * Returns: (transfer full): the article
 */
BylineArticle *
byline_draft_store_create (BylineDraftStore *self)
{
  g_autoptr(BylineArticle) article = NULL;
  BylineTracked *t;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);

  article = byline_article_new ();
  t = track (self, article, NULL, FALSE);
  article_changed_cb (article, t);
  return g_steal_pointer (&article);
}

/**
 * byline_draft_store_add:
 * @self: a #BylineDraftStore
 * @article: an article that is not in the store yet (an import)
 *
 * Tracks @article and writes it right away.
 */
void
byline_draft_store_add (BylineDraftStore *self,
                        BylineArticle    *article)
{
  BylineTracked *t;

  g_return_if_fail (BYLINE_IS_DRAFT_STORE (self));
  g_return_if_fail (BYLINE_IS_ARTICLE (article));
  g_return_if_fail (!g_hash_table_contains (self->tracked, byline_article_get_id (article)));

  t = track (self, article, NULL, FALSE);
  t->change_gen++;
  save_now (t);
}

typedef struct
{
  char          *id;
  char          *path;
  BylineArticle *article;
  GBytes        *bytes;
  gboolean       read_only;
  char          *problem;
} OpenData;

static void
open_data_free (OpenData *od)
{
  g_clear_object (&od->article);
  g_clear_pointer (&od->bytes, g_bytes_unref);
  g_free (od->problem);
  g_free (od->path);
  g_free (od->id);
  g_free (od);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *od = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) move_error = NULL;
  g_autofree char *moved = NULL;

  od->article = byline_draft_read_article (od->path, od->id, &od->read_only, &od->bytes, &error);
  if (od->article != NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_task_return_new_error (task, BYLINE_DRAFT_STORE_ERROR, BYLINE_DRAFT_STORE_ERROR_NOT_FOUND,
                               /* Translators: %s is the draft's id (a UUID). */
                               _("There is no draft %s"), od->id);
      return;
    }

  if (byline_draft_move_aside (od->path, &moved, &move_error))
    od->problem = g_strdup_printf (_("The draft could not be read (%s); it was moved aside to %s"),
                                   error->message, moved);
  else
    od->problem = g_strdup_printf (_("The draft could not be read (%s), nor moved aside (%s)"),
                                   error->message, move_error->message);
  g_task_return_new_error (task, BYLINE_DRAFT_STORE_ERROR, BYLINE_DRAFT_STORE_ERROR_CORRUPT,
                           "%s", od->problem);
}

static void
open_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  BylineDraftStore *self = BYLINE_DRAFT_STORE (object);
  g_autoptr(GTask) task = user_data;
  OpenData *od = g_task_get_task_data (G_TASK (result));
  BylineTracked *t;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (od->problem != NULL)
        {
          byline_draft_store_add_problem (self, od->id, od->problem);
          byline_draft_store_remove_entry (self, od->id);
        }
      g_task_return_error (task, error);
      return;
    }

  self->n_parsed++;
  /* Opened twice at once: the first one to arrive wins, both get it. */
  t = g_hash_table_lookup (self->tracked, od->id);
  if (t == NULL)
    t = track (self, od->article, od->bytes, od->read_only);
  g_task_return_pointer (task, g_object_ref (t->article), g_object_unref);
}

void
byline_draft_store_open_async (BylineDraftStore    *self,
                               const char          *id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BylineTracked *t;
  OpenData *od;

  g_return_if_fail (BYLINE_IS_DRAFT_STORE (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_draft_store_open_async);

  if ((t = g_hash_table_lookup (self->tracked, id)) != NULL)
    {
      g_task_return_pointer (task, g_object_ref (t->article), g_object_unref);
      return;
    }
  if (!g_uuid_string_is_valid (id))
    {
      g_task_return_new_error (task, BYLINE_DRAFT_STORE_ERROR, BYLINE_DRAFT_STORE_ERROR_NOT_FOUND,
                               _("“%s” is not a draft id"), id);
      return;
    }

  od = g_new0 (OpenData, 1);
  od->id = g_strdup (id);
  od->path = byline_draft_path_article (self->root_path, id);
  byline_draft_store_run_worker (self, g_steal_pointer (&task), od, (GDestroyNotify) open_data_free,
                                 open_thread, open_read_cb);
}

/**
 * byline_draft_store_open_finish:
 *
 * Returns: (transfer full): the tracked article; check
 *   byline_draft_store_is_read_only() before letting the user edit it
 */
BylineArticle *
byline_draft_store_open_finish (BylineDraftStore  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * byline_draft_store_release:
 * @self: a #BylineDraftStore
 * @article: a tracked article
 *
 * Stops tracking @article (its window closed) once its last change is on
 * disk. A failing save keeps it tracked, and retried at each flush.
 */
void
byline_draft_store_release (BylineDraftStore *self,
                            BylineArticle    *article)
{
  BylineTracked *t;

  g_return_if_fail (BYLINE_IS_DRAFT_STORE (self));
  g_return_if_fail (BYLINE_IS_ARTICLE (article));

  if ((t = byline_draft_store_find_tracked (self, article)) == NULL)
    return;

  save_now (t);
  if (compute_state (t) == BYLINE_SAVE_STATE_SAVED || t->read_only)
    byline_draft_store_untrack (self, t->id);
  else
    t->releasing = TRUE;
}

/* Saves now rather than after the autosave delay (Ctrl+S). */
void
byline_draft_store_save (BylineDraftStore *self,
                         BylineArticle    *article)
{
  BylineTracked *t;

  g_return_if_fail (BYLINE_IS_DRAFT_STORE (self));
  g_return_if_fail (BYLINE_IS_ARTICLE (article));

  if ((t = byline_draft_store_find_tracked (self, article)) != NULL)
    save_now (t);
}

gboolean
byline_draft_store_is_tracked (BylineDraftStore *self,
                               BylineArticle    *article)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);

  return byline_draft_store_find_tracked (self, article) != NULL;
}

gboolean
byline_draft_store_is_dirty (BylineDraftStore *self,
                             BylineArticle    *article)
{
  BylineTracked *t;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);

  t = byline_draft_store_find_tracked (self, article);
  return t != NULL && t->change_gen != t->saved_gen;
}

gboolean
byline_draft_store_is_read_only (BylineDraftStore *self,
                                 BylineArticle    *article)
{
  BylineTracked *t;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);

  t = byline_draft_store_find_tracked (self, article);
  return t != NULL && t->read_only;
}

/**
 * byline_draft_store_get_save_state:
 * @last_error: (out) (optional) (transfer none): the error of the last
 *   failed save, if the state is %BYLINE_SAVE_STATE_ERROR
 */
BylineSaveState
byline_draft_store_get_save_state (BylineDraftStore  *self,
                                   BylineArticle     *article,
                                   const GError     **last_error)
{
  BylineTracked *t;
  BylineSaveState state;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), BYLINE_SAVE_STATE_SAVED);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), BYLINE_SAVE_STATE_SAVED);

  if (last_error != NULL)
    *last_error = NULL;
  if ((t = byline_draft_store_find_tracked (self, article)) == NULL)
    return BYLINE_SAVE_STATE_SAVED;

  state = compute_state (t);
  if (last_error != NULL && state == BYLINE_SAVE_STATE_ERROR)
    *last_error = t->error;
  return state;
}

/**
 * byline_draft_store_resolve_conflict:
 * @keep_mine: %TRUE to overwrite the disk with @article, %FALSE to drop
 *   @article's changes and take the disk version
 *
 * Returns: (transfer none): the article now tracked (a new instance when
 *   the disk version wins; "external-change" is emitted too)
 */
BylineArticle *
byline_draft_store_resolve_conflict (BylineDraftStore *self,
                                     BylineArticle    *article,
                                     gboolean          keep_mine)
{
  BylineTracked *t;
  g_autoptr(BylineArticle) theirs = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  t = byline_draft_store_find_tracked (self, article);
  if (t == NULL || t->theirs == NULL)
    return article;

  theirs = g_steal_pointer (&t->theirs);
  if (keep_mine)
    {
      save_now (t);
      byline_draft_store_update_state (t);
      return t->article;
    }

  byline_draft_store_swap_article (self, t, theirs, t->disk_bytes, t->theirs_read_only);
  return t->article;
}

/* ---- the outbox's state and other queries ------------------------ */

static BylineFileWriter *
state_writer (BylineDraftStore *self,
              const char       *id)
{
  BylineFileWriter *writer = g_hash_table_lookup (self->state_writers, id);
  g_autofree char *bundle = NULL;
  g_autofree char *path = NULL;

  if (writer == NULL)
    {
      bundle = byline_draft_path_bundle (self->root_path, id, FALSE);
      path = g_build_filename (bundle, "state", NULL);
      writer = byline_file_writer_new (path, NULL, NULL);
      g_hash_table_replace (self->state_writers, g_strdup (id), writer);
    }
  return writer;
}

/**
 * byline_draft_store_set_state:
 * @state: %BYLINE_DRAFT_STATE_DRAFT, %BYLINE_DRAFT_STATE_QUEUED,
 *   %BYLINE_DRAFT_STATE_PUBLISHED, or another outbox state (shown in the
 *   outbox view)
 *
 * Records the publishing state in the library and in the bundle (so a
 * rebuilt index keeps it).
 */
void
byline_draft_store_set_state (BylineDraftStore *self,
                              const char       *id,
                              const char       *state)
{
  BylineDraftInfo *info;
  g_autoptr(BylineDraftEntry) entry = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (BYLINE_IS_DRAFT_STORE (self));
  g_return_if_fail (id != NULL && g_uuid_string_is_valid (id));
  g_return_if_fail (state != NULL && state[0] != '\0');

  if ((info = g_hash_table_lookup (self->infos, id)) != NULL &&
      g_strcmp0 (byline_draft_info_get_state (info), state) == 0)
    return;

  entry = info ? byline_draft_entry_copy (byline_draft_info_get_entry (info))
               : byline_draft_entry_new (id);
  g_free (entry->state);
  entry->state = g_strdup (state);
  if (info != NULL || self->loaded)
    byline_draft_store_put_entry (self, entry);

  bytes = g_bytes_new (state, strlen (state));
  byline_file_writer_write_bytes (state_writer (self, id), bytes, 0);
}

const char * const *
byline_draft_store_get_recovered_ids (BylineDraftStore *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);

  return self->recovered_ids ? (const char * const *) self->recovered_ids : none;
}

/**
 * byline_draft_store_get_load_problems:
 *
 * Returns: (transfer none) (element-type BylineDraftProblem): what could
 *   not be loaded, in order
 */
GPtrArray *
byline_draft_store_get_load_problems (BylineDraftStore *self)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);

  return self->problems;
}

gboolean
byline_draft_store_get_loaded (BylineDraftStore *self)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);

  return self->loaded;
}

/* How many article.json files this store parsed (load, rescan, open): the
 * tests check that a trusted index spares the bodies. */
guint
byline_draft_store_get_n_parsed (BylineDraftStore *self)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), 0);

  return self->n_parsed;
}

GFile *
byline_draft_store_get_root (BylineDraftStore *self)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);

  return self->root;
}

/**
 * byline_draft_store_get_bundle_dir:
 *
 * Returns: (transfer full): drafts/<id>/ (it may not exist yet)
 */
GFile *
byline_draft_store_get_bundle_dir (BylineDraftStore *self,
                                   const char       *id)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (id != NULL && g_uuid_string_is_valid (id), NULL);

  path = byline_draft_path_bundle (self->root_path, id, FALSE);
  return g_file_new_for_path (path);
}

guint
byline_draft_store_get_autosave_delay (BylineDraftStore *self)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), 0);

  return self->autosave_delay_ms / 1000;
}

static void
set_autosave_delay_ms (BylineDraftStore *self,
                       guint             ms)
{
  guint old_seconds = self->autosave_delay_ms / 1000;

  if (self->autosave_delay_ms == ms)
    return;

  self->autosave_delay_ms = ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_DELAY_MS]);
  if (old_seconds != ms / 1000)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_DELAY]);
}

void
byline_draft_store_set_autosave_delay (BylineDraftStore *self,
                                       guint             seconds)
{
  g_return_if_fail (BYLINE_IS_DRAFT_STORE (self));
  g_return_if_fail (seconds <= 3600);

  set_autosave_delay_ms (self, seconds * 1000);
}

/* ---- GObject ------------------------------------------------------- */

static void
index_written_cb (BylineFileWriter *writer,
                  guint64           tag,
                  gpointer          job_data,
                  GBytes           *written,
                  gint64            mtime,
                  gint64            size,
                  const GError     *error,
                  gpointer          user_data)
{
  BylineDraftStore *self = user_data;

  if (error == NULL)
    self->index_mtime = mtime;
}

static void
byline_draft_store_constructed (GObject *object)
{
  BylineDraftStore *self = (BylineDraftStore *) object;
  g_autofree char *index = NULL;
  g_autofree char *session = NULL;

  G_OBJECT_CLASS (byline_draft_store_parent_class)->constructed (object);

  if (self->root == NULL)
    {
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), BASE_ID, NULL);

      self->root = g_file_new_for_path (path);
    }
  self->root_path = g_file_get_path (self->root);
  index = g_build_filename (self->root_path, BYLINE_DRAFT_INDEX_FILE, NULL);
  session = g_build_filename (self->root_path, "session.json", NULL);
  self->index_writer = byline_file_writer_new (index, index_written_cb, self);
  self->session_writer = byline_file_writer_new (session, NULL, NULL);
}

static void
unwatch (GFileMonitor **monitor,
         gpointer       data)
{
  if (*monitor == NULL)
    return;

  g_signal_handlers_disconnect_by_data (*monitor, data);
  g_file_monitor_cancel (*monitor);
  g_clear_object (monitor);
}

static void
byline_draft_store_dispose (GObject *object)
{
  BylineDraftStore *self = (BylineDraftStore *) object;

  GHashTableIter iter;
  gpointer t;

  /* Dropped without a flush (it should not be): still start the writes of
   * what is dirty, and of a pending index update; the writers outlive us. */
  g_hash_table_iter_init (&iter, self->tracked);
  while (g_hash_table_iter_next (&iter, NULL, &t))
    save_now (t);
  g_hash_table_remove_all (self->tracked);
  if (self->index_timer_id != 0)
    write_index_now (self);

  g_clear_handle_id (&self->rescan_id, g_source_remove);
  unwatch (&self->root_monitor, self);
  unwatch (&self->drafts_monitor, self);

  G_OBJECT_CLASS (byline_draft_store_parent_class)->dispose (object);
}

static void
byline_draft_store_finalize (GObject *object)
{
  BylineDraftStore *self = (BylineDraftStore *) object;

  for (guint v = 0; v < G_N_ELEMENTS (self->views); v++)
    g_clear_object (&self->views[v]);
  g_clear_pointer (&self->tracked, g_hash_table_unref);
  g_clear_pointer (&self->infos, g_hash_table_unref);
  g_clear_pointer (&self->state_writers, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->recovered_ids, g_strfreev);
  byline_file_writer_disconnect (self->index_writer);
  g_clear_object (&self->index_writer);
  g_clear_object (&self->session_writer);
  g_clear_object (&self->root);
  g_free (self->root_path);

  G_OBJECT_CLASS (byline_draft_store_parent_class)->finalize (object);
}

static void
byline_draft_store_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BylineDraftStore *self = BYLINE_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_ROOT:
      g_value_set_object (value, self->root);
      break;
    case PROP_AUTOSAVE_DELAY:
      g_value_set_uint (value, self->autosave_delay_ms / 1000);
      break;
    case PROP_AUTOSAVE_DELAY_MS:
      g_value_set_uint (value, self->autosave_delay_ms);
      break;
    case PROP_OWNS_SESSION:
      g_value_set_boolean (value, self->owns_session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_draft_store_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BylineDraftStore *self = BYLINE_DRAFT_STORE (object);

  switch (prop_id)
    {
    case PROP_ROOT:
      self->root = g_value_dup_object (value);
      break;
    case PROP_AUTOSAVE_DELAY:
      set_autosave_delay_ms (self, g_value_get_uint (value) * 1000);
      break;
    case PROP_AUTOSAVE_DELAY_MS:
      set_autosave_delay_ms (self, g_value_get_uint (value));
      break;
    case PROP_OWNS_SESSION:
      self->owns_session = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_draft_store_class_init (BylineDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = byline_draft_store_constructed;
  object_class->dispose = byline_draft_store_dispose;
  object_class->finalize = byline_draft_store_finalize;
  object_class->get_property = byline_draft_store_get_property;
  object_class->set_property = byline_draft_store_set_property;

  properties[PROP_ROOT] =
    g_param_spec_object ("root", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Bound to the GSettings key by the GUI; the core reads no settings. */
  properties[PROP_AUTOSAVE_DELAY] =
    g_param_spec_uint ("autosave-delay", NULL, NULL, 0, 3600, DEFAULT_AUTOSAVE_DELAY_MS / 1000,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The same in milliseconds, for tests that cannot wait seconds. */
  properties[PROP_AUTOSAVE_DELAY_MS] =
    g_param_spec_uint ("autosave-delay-ms", NULL, NULL, 0, 3600 * 1000, DEFAULT_AUTOSAVE_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* FALSE for byline-cli: it loads the library but leaves session.json,
   * the GUI's crash record, alone. */
  properties[PROP_OWNS_SESSION] =
    g_param_spec_boolean ("owns-session", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  byline_draft_store_signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BYLINE_TYPE_ARTICLE);
  byline_draft_store_signals[SIGNAL_SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, BYLINE_TYPE_ARTICLE, G_TYPE_ERROR);
  byline_draft_store_signals[SIGNAL_SAVE_STATE_CHANGED] =
    g_signal_new ("save-state-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, BYLINE_TYPE_ARTICLE);
  byline_draft_store_signals[SIGNAL_PROBLEM] =
    g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  byline_draft_store_signals[SIGNAL_EXTERNAL_CHANGE] =
    g_signal_new ("external-change", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, BYLINE_TYPE_ARTICLE, BYLINE_TYPE_ARTICLE);
  byline_draft_store_signals[SIGNAL_CONFLICT] =
    g_signal_new ("conflict", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, BYLINE_TYPE_ARTICLE, BYLINE_TYPE_ARTICLE);
}

static void
byline_draft_store_init (BylineDraftStore *self)
{
  self->autosave_delay_ms = DEFAULT_AUTOSAVE_DELAY_MS;
  self->owns_session = TRUE;
  self->tracked = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) tracked_free);
  self->infos = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->state_writers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_draft_problem_free);
  for (guint v = 0; v < G_N_ELEMENTS (self->views); v++)
    self->views[v] = g_list_store_new (BYLINE_TYPE_DRAFT_INFO);
}

/**
 * byline_draft_store_new:
 * @root: (nullable): the folder holding drafts/, or %NULL for
 *   $XDG_DATA_HOME/io.github.bylinedesk.Byline
 *
 * Returns: (transfer full): a store; call byline_draft_store_load_async()
 *   to list the library and own the session
 */
BylineDraftStore *
byline_draft_store_new (GFile *root)
{
  g_return_val_if_fail (root == NULL || G_IS_FILE (root), NULL);

  return g_object_new (BYLINE_TYPE_DRAFT_STORE, "root", root, NULL);
}
