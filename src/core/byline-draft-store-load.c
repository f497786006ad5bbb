/* byline-draft-store-load.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading the library: the session record of the last run (was it a
 * crash?), the index or a scan of every bundle, the trash purge, all on a
 * worker; then the rows merged into the views on the main thread.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "byline-draft-store-private.h"

/* ---- loading ------------------------------------------------------- */

typedef struct
{
  char             *root;
  BylineDraftScan  *scan;
  char            **recovered;
  gint64            now;
  gboolean          legacy_index;
} LoadData;

static void
load_data_free (LoadData *ld)
{
  g_clear_pointer (&ld->scan, byline_draft_scan_free);
  g_strfreev (ld->recovered);
  g_free (ld->root);
  g_free (ld);
}

/* Drops the bundles that spent more than 30 days in the trash. */
static void
purge_scan (const char      *root,
            BylineDraftScan *scan,
            gint64           now)
{
  gint64 limit = now - (gint64) BYLINE_DRAFT_TRASH_DAYS * G_TIME_SPAN_DAY;

  for (guint i = scan->entries->len; i > 0; i--)
    {
      BylineDraftEntry *entry = g_ptr_array_index (scan->entries, i - 1);
      g_autoptr(GError) error = NULL;

      if (entry->trashed == 0 || entry->trashed > limit)
        continue;
      if (byline_draft_bundle_purge (root, entry->id, &error))
        g_ptr_array_remove_index (scan->entries, i - 1);
      else
        g_ptr_array_add (scan->problems, byline_draft_problem_new (entry->id, error->message));
      scan->index_stale = TRUE;
    }
}

/* Not fatal when it fails: the next start rebuilds what it cannot trust. */
static void
write_index (LoadData *ld)
{
  g_autofree char *path = g_build_filename (ld->root, BYLINE_DRAFT_INDEX_FILE, NULL);
  g_autoptr(GBytes) bytes = byline_draft_index_to_bytes (ld->scan->entries);
  g_autoptr(GError) error = NULL;

  ld->scan->index_stale = FALSE;
  if (!byline_file_write_atomic (path, bytes, &error))
    {
      g_ptr_array_add (ld->scan->problems,
                       byline_draft_problem_new (BYLINE_DRAFT_INDEX_FILE, error->message));
      return;
    }
  if (ld->legacy_index)
    byline_draft_index_remove_legacy (ld->root);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *ld = task_data;
  g_autofree char *session = g_build_filename (ld->root, "session.json", NULL);
  g_autofree char *drafts = g_build_filename (ld->root, "drafts", NULL);
  g_autoptr(GHashTable) known = NULL;
  gboolean clean = TRUE;
  char **ids = NULL;

  if (byline_draft_session_read (session, &clean, &ids) && !clean)
    ld->recovered = g_steal_pointer (&ids);
  g_strfreev (ids);

  g_mkdir_with_parents (drafts, 0700);
  known = byline_draft_index_read (ld->root, &ld->legacy_index);
  ld->scan = byline_draft_scan (ld->root, known, cancellable);
  purge_scan (ld->root, ld->scan, ld->now);

  if (g_task_return_error_if_cancelled (task))
    return;

  /* An older Byline's index.json is replaced even when it was up to date. */
  if (ld->scan->index_stale || ld->legacy_index)
    write_index (ld);

  g_task_return_boolean (task, TRUE);
}

/* Merges a scan into the library. @full: the scan saw the whole store, so
 * a row it did not see is gone (unless it is an open article not yet
 * written). */
void
byline_draft_store_apply_scan (BylineDraftStore *self,
                               BylineDraftScan  *scan,
                               gboolean          full)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer id;

  self->n_parsed += scan->n_parsed;
  for (guint i = 0; i < scan->entries->len; i++)
    {
      BylineDraftEntry *entry = g_ptr_array_index (scan->entries, i);
      BylineDraftInfo *info;

      g_hash_table_add (seen, entry->id);
      if (g_hash_table_contains (self->infos, entry->id))
        {
          byline_draft_store_put_entry (self, entry);
          continue;
        }
      info = byline_draft_info_new (entry);
      /* The key is owned by the info, which lives as long as it. */
      g_hash_table_replace (self->infos, (gpointer) byline_draft_info_get_id (info), info);
      g_ptr_array_add (added, info);
    }

  /* Inserting 10,000 rows one by one into sorted views is quadratic and
   * emits 10,000 "items-changed": rebuild the views at once instead. */
  if (added->len > 64)
    byline_draft_store_fill_views (self);
  else
    for (guint i = 0; i < added->len; i++)
      byline_draft_store_place_in_views (self, g_ptr_array_index (added, i));

  if (full)
    {
      g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);

      g_hash_table_iter_init (&iter, self->infos);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        if (!g_hash_table_contains (seen, id) && !g_hash_table_contains (self->tracked, id))
          g_ptr_array_add (gone, g_strdup (id));
      for (guint i = 0; i < gone->len; i++)
        byline_draft_store_remove_entry (self, g_ptr_array_index (gone, i));
    }

  for (guint i = 0; i < scan->problems->len; i++)
    {
      BylineDraftProblem *problem = g_ptr_array_index (scan->problems, i);

      byline_draft_store_add_problem (self, problem->id, problem->message);
    }

  if (scan->index_stale)
    byline_draft_store_schedule_index (self);
}

static void
load_scanned_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BylineDraftStore *self = BYLINE_DRAFT_STORE (object);
  g_autoptr(GTask) task = user_data;
  LoadData *ld = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_strfreev (self->recovered_ids);
  self->recovered_ids = self->owns_session ? g_steal_pointer (&ld->recovered) : NULL;
  self->loaded = TRUE;
  byline_draft_store_apply_scan (self, ld->scan, TRUE);
  byline_draft_store_monitor_root (self);

  /* From now until a clean close, a crash leaves clean=false behind. */
  byline_draft_store_write_session (self, FALSE);
  g_task_return_boolean (task, TRUE);
}

void
byline_draft_store_load_async (BylineDraftStore    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  LoadData *ld;

  g_return_if_fail (BYLINE_IS_DRAFT_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_draft_store_load_async);

  ld = g_new0 (LoadData, 1);
  ld->root = g_strdup (self->root_path);
  ld->now = g_date_time_to_unix (now) * G_USEC_PER_SEC;
  byline_draft_store_run_worker (self, g_steal_pointer (&task), ld, (GDestroyNotify) load_data_free,
                                 load_thread, load_scanned_cb);
}

gboolean
byline_draft_store_load_finish (BylineDraftStore  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
byline_draft_store_load_sync (BylineDraftStore  *self,
                              GCancellable      *cancellable,
                              GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);

  byline_draft_store_load_async (self, cancellable, byline_draft_store_sync_result_cb, &result);
  return byline_draft_store_load_finish (self, byline_draft_store_wait_for_result (&result), error);
}
