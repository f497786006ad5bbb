/* byline-draft-store-ops.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The draft store's work on whole bundles (trash, restore, purge), search,
 * and what other processes change on disk (byline-cli sharing the store).
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-draft-store-private.h"
#include "byline-fold.h"

/* ---- trash --------------------------------------------------------- */

typedef struct
{
  char   *root;
  char   *id;
  gint64  now;
} BundleData;

static void
bundle_data_free (BundleData *bd)
{
  g_free (bd->root);
  g_free (bd->id);
  g_free (bd);
}

static gint64
now_usec (void)
{
  return g_get_real_time ();
}

static void
trash_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BundleData *bd = task_data;
  GError *error = NULL;

  if (byline_draft_bundle_trash (bd->root, bd->id, bd->now, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  BundleData *bd = task_data;
  GError *error = NULL;

  if (byline_draft_bundle_restore (bd->root, bd->id, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Moves the library row in or out of the trash once the bundle moved. */
static void
bundle_moved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BylineDraftStore *self = BYLINE_DRAFT_STORE (object);
  g_autoptr(GTask) task = user_data;
  BundleData *bd = g_task_get_task_data (G_TASK (result));
  BylineDraftInfo *info = g_hash_table_lookup (self->infos, bd->id);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (info != NULL)
    {
      g_autoptr(BylineDraftEntry) entry = byline_draft_entry_copy (byline_draft_info_get_entry (info));

      entry->trashed = bd->now;
      byline_draft_store_put_entry (self, entry);
    }
  g_task_return_boolean (task, TRUE);
}

static void
run_bundle_task (BylineDraftStore *self,
                 GTask            *task,
                 const char       *id,
                 gint64            now,
                 GTaskThreadFunc   thread_func)
{
  BundleData *bd = g_new0 (BundleData, 1);

  bd->root = g_strdup (self->root_path);
  bd->id = g_strdup (id);
  bd->now = now;
  byline_draft_store_run_worker (self, g_object_ref (task), bd, (GDestroyNotify) bundle_data_free,
                                 thread_func, bundle_moved_cb);
}

static void
trash_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BylineDraftStore *self = g_task_get_source_object (task);
  const char *id = g_task_get_task_data (task);
  BylineTracked *t = g_hash_table_lookup (self->tracked, id);

  byline_file_writer_flush_finish (BYLINE_FILE_WRITER (object), result, NULL);

  /* Never trash a bundle whose newest text is only in memory. */
  if (t != NULL && t->change_gen != t->saved_gen && !t->read_only)
    {
      g_task_return_new_error (task, BYLINE_DRAFT_STORE_ERROR, BYLINE_DRAFT_STORE_ERROR_NOT_SAVED,
                               "%s",
                               t->error ? t->error->message : _("The draft could not be saved"));
      return;
    }

  byline_draft_store_untrack (self, id);
  run_bundle_task (self, task, id, now_usec (), trash_thread);
}

/**
 * byline_draft_store_trash_async:
 * @id: a draft
 *
 * Saves the draft if it is open and dirty, stops tracking it and moves its
 * bundle to the trash, where it stays 30 days.
 */
void
byline_draft_store_trash_async (BylineDraftStore    *self,
                                const char          *id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BylineTracked *t;

  g_return_if_fail (BYLINE_IS_DRAFT_STORE (self));
  g_return_if_fail (id != NULL && g_uuid_string_is_valid (id));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_draft_store_trash_async);
  g_task_set_task_data (task, g_strdup (id), g_free);

  if ((t = g_hash_table_lookup (self->tracked, id)) != NULL)
    {
      byline_draft_store_save (self, t->article);
      byline_file_writer_flush_async (t->writer, NULL, trash_saved_cb, g_steal_pointer (&task));
      return;
    }

  run_bundle_task (self, task, id, now_usec (), trash_thread);
}

gboolean
byline_draft_store_trash_finish (BylineDraftStore  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
byline_draft_store_restore_async (BylineDraftStore    *self,
                                  const char          *id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BYLINE_IS_DRAFT_STORE (self));
  g_return_if_fail (id != NULL && g_uuid_string_is_valid (id));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_draft_store_restore_async);
  run_bundle_task (self, task, id, 0, restore_thread);
}

gboolean
byline_draft_store_restore_finish (BylineDraftStore  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  char      *root;
  GPtrArray *ids;       /* of the expired bundles; on return, the purged ones */
  GPtrArray *problems;
} PurgeData;

static void
purge_data_free (PurgeData *pd)
{
  g_ptr_array_unref (pd->ids);
  g_ptr_array_unref (pd->problems);
  g_free (pd->root);
  g_free (pd);
}

static void
purge_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PurgeData *pd = task_data;

  for (guint i = pd->ids->len; i > 0; i--)
    {
      const char *id = g_ptr_array_index (pd->ids, i - 1);
      g_autoptr(GError) error = NULL;

      if (byline_draft_bundle_purge (pd->root, id, &error))
        continue;
      g_ptr_array_add (pd->problems, byline_draft_problem_new (id, error->message));
      g_ptr_array_remove_index (pd->ids, i - 1);
    }

  g_task_return_boolean (task, TRUE);
}

static void
purged_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  BylineDraftStore *self = BYLINE_DRAFT_STORE (object);
  g_autoptr(GTask) task = user_data;
  PurgeData *pd = g_task_get_task_data (G_TASK (result));

  g_task_propagate_boolean (G_TASK (result), NULL);
  for (guint i = 0; i < pd->ids->len; i++)
    byline_draft_store_remove_entry (self, g_ptr_array_index (pd->ids, i));
  for (guint i = 0; i < pd->problems->len; i++)
    {
      BylineDraftProblem *problem = g_ptr_array_index (pd->problems, i);

      byline_draft_store_add_problem (self, problem->id, problem->message);
    }
  g_task_return_int (task, pd->ids->len);
}

/**
 * byline_draft_store_purge_expired_async:
 * @now: (nullable): the current time (tests inject one), %NULL for now
 *
 * Deletes, with everything in them, the bundles that have been in the
 * trash more than 30 days. Loading does it too.
 */
void
byline_draft_store_purge_expired_async (BylineDraftStore    *self,
                                        GDateTime           *now,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  gint64 limit;
  GHashTableIter iter;
  gpointer info;
  PurgeData *pd;

  g_return_if_fail (BYLINE_IS_DRAFT_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  limit = (now ? g_date_time_to_unix (now) * G_USEC_PER_SEC : now_usec ())
          - (gint64) BYLINE_DRAFT_TRASH_DAYS * G_TIME_SPAN_DAY;
  pd = g_new0 (PurgeData, 1);
  pd->root = g_strdup (self->root_path);
  pd->ids = g_ptr_array_new_with_free_func (g_free);
  pd->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_draft_problem_free);
  g_hash_table_iter_init (&iter, self->infos);
  while (g_hash_table_iter_next (&iter, NULL, &info))
    {
      const BylineDraftEntry *entry = byline_draft_info_get_entry (info);

      if (entry->trashed != 0 && entry->trashed <= limit)
        g_ptr_array_add (pd->ids, g_strdup (entry->id));
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_draft_store_purge_expired_async);
  byline_draft_store_run_worker (self, g_steal_pointer (&task), pd, (GDestroyNotify) purge_data_free,
                                 purge_thread, purged_cb);
}

/* Returns: how many bundles were deleted */
guint
byline_draft_store_purge_expired_finish (BylineDraftStore  *self,
                                         GAsyncResult      *result,
                                         GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  return g_task_propagate_int (G_TASK (result), error);
}

/* ---- search -------------------------------------------------------- */

typedef struct
{
  char   *id;
  char   *text;     /* title and lead, and the body of an open article */
  char   *path;     /* article.json, when the body must be read */
  gint64  modified;
} SearchItem;

static void
search_item_free (SearchItem *item)
{
  g_free (item->id);
  g_free (item->text);
  g_free (item->path);
  g_free (item);
}

typedef struct
{
  char      *query;
  GPtrArray *items;
} SearchData;

static void
search_data_free (SearchData *sd)
{
  g_ptr_array_unref (sd->items);
  g_free (sd->query);
  g_free (sd);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const SearchItem *ia = *(SearchItem **) a;
  const SearchItem *ib = *(SearchItem **) b;

  if (ia->modified != ib->modified)
    return ia->modified > ib->modified ? -1 : 1;
  return strcmp (ia->id, ib->id);
}

/* Folding the raw file is much cheaper than parsing it, and json-glib
 * writes text as plain UTF-8, so a term missing from the folded file is
 * missing from the article: only the few files that pass are parsed (the
 * raw file also matches member names, which the parse weeds out). */
static gboolean
body_matches (const SearchItem   *item,
              const char * const *terms)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *body = NULL;
  g_autofree char *all = NULL;
  gboolean read_only;

  if (!g_file_get_contents (item->path, &raw, NULL, NULL) || !g_utf8_validate (raw, -1, NULL))
    return FALSE;
  folded = byline_fold_for_search (raw);
  if (!byline_fold_matches (folded, terms))
    return FALSE;

  article = byline_draft_read_article (item->path, item->id, &read_only, NULL, NULL);
  if (article == NULL)
    return FALSE;

  /* The terms may be spread over the title and the body. */
  body = byline_article_dup_body_text (article);
  all = g_strconcat (item->text, "\n", body, NULL);
  g_free (folded);
  folded = byline_fold_for_search (all);
  return byline_fold_matches (folded, terms);
}

static gboolean
item_matches (const SearchItem   *item,
              const char * const *terms)
{
  g_autofree char *folded = byline_fold_for_search (item->text);

  if (byline_fold_matches (folded, terms))
    return TRUE;
  return item->path != NULL && body_matches (item, terms);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *sd = task_data;
  g_auto(GStrv) terms = byline_fold_split_query (sd->query);
  g_autoptr(GStrvBuilder) hits = g_strv_builder_new ();

  g_ptr_array_sort (sd->items, compare_items);
  for (guint i = 0; terms[0] != NULL && i < sd->items->len; i++)
    {
      SearchItem *item = g_ptr_array_index (sd->items, i);

      if (g_task_return_error_if_cancelled (task))
        return;
      if (item_matches (item, (const char * const *) terms))
        g_strv_builder_add (hits, item->id);
    }

  g_task_return_pointer (task, g_strv_builder_end (hits), (GDestroyNotify) g_strfreev);
}

static SearchItem *
search_item_new (BylineDraftStore       *self,
                 const BylineDraftEntry *entry)
{
  BylineTracked *t = g_hash_table_lookup (self->tracked, entry->id);
  SearchItem *item = g_new0 (SearchItem, 1);

  item->id = g_strdup (entry->id);
  item->modified = entry->modified;
  if (t != NULL)
    {
      /* An open article is searched as it is in memory, saved or not. */
      g_autofree char *body = byline_article_dup_body_text (t->article);

      item->text = g_strjoin ("\n", byline_article_get_title (t->article) ?: "",
                              byline_article_get_lead (t->article) ?: "", body, NULL);
    }
  else
    {
      item->text = g_strjoin ("\n", entry->title, entry->lead, NULL);
      item->path = byline_draft_path_article (self->root_path, entry->id);
    }
  return item;
}

/**
 * byline_draft_store_search_async:
 * @query: words that must all occur in the title, lead or body, ignoring
 *   case and Vietnamese diacritics ("thap muoi" finds "Tháp Mười")
 *
 * Searches every draft outside the trash, in a worker thread.
 */
void
byline_draft_store_search_async (BylineDraftStore    *self,
                                 const char          *query,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GHashTableIter iter;
  gpointer info;
  SearchData *sd;

  g_return_if_fail (BYLINE_IS_DRAFT_STORE (self));
  g_return_if_fail (query != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  sd = g_new0 (SearchData, 1);
  sd->query = g_strdup (query);
  sd->items = g_ptr_array_new_with_free_func ((GDestroyNotify) search_item_free);
  g_hash_table_iter_init (&iter, self->infos);
  while (g_hash_table_iter_next (&iter, NULL, &info))
    {
      const BylineDraftEntry *entry = byline_draft_info_get_entry (info);

      if (entry->trashed == 0)
        g_ptr_array_add (sd->items, search_item_new (self, entry));
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_draft_store_search_async);
  g_task_set_task_data (task, sd, (GDestroyNotify) search_data_free);
  g_task_run_in_thread (task, search_thread);
}

/**
 * byline_draft_store_search_finish:
 *
 * Returns: (transfer full): the ids found, most recently modified first
 */
char **
byline_draft_store_search_finish (BylineDraftStore  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- other processes ----------------------------------------------- */

typedef struct
{
  char       *root;
  GHashTable *known;
  BylineDraftScan *scan;
} RescanData;

static void
rescan_data_free (RescanData *rd)
{
  g_clear_pointer (&rd->known, g_hash_table_unref);
  g_clear_pointer (&rd->scan, byline_draft_scan_free);
  g_free (rd->root);
  g_free (rd);
}

static void
rescan_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RescanData *rd = task_data;

  rd->scan = byline_draft_scan (rd->root, rd->known, cancellable);
  g_task_return_boolean (task, TRUE);
}

static void
rescanned_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  BylineDraftStore *self = BYLINE_DRAFT_STORE (object);
  RescanData *rd = g_task_get_task_data (G_TASK (result));

  self->rescanning = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), NULL) || self->closed)
    return;

  byline_draft_store_apply_scan (self, rd->scan, TRUE);

  /* A bundle folder appears before the article.json written into it,
   * which the folder monitor does not see: look again a few times. */
  if (rd->scan->n_incomplete > 0 && self->rescan_retries < 3)
    {
      self->rescan_retries++;
      byline_draft_store_schedule_rescan (self, 1000);
    }
}

static gboolean
rescan_cb (gpointer user_data)
{
  BylineDraftStore *self = user_data;
  g_autoptr(GTask) task = NULL;
  RescanData *rd;

  self->rescan_id = 0;
  if (self->rescanning)
    {
      byline_draft_store_schedule_rescan (self, 300);
      return G_SOURCE_REMOVE;
    }

  rd = g_new0 (RescanData, 1);
  rd->root = g_strdup (self->root_path);
  rd->known = byline_draft_store_dup_entries (self);
  self->rescanning = TRUE;
  task = g_task_new (self, NULL, rescanned_cb, NULL);
  g_task_set_source_tag (task, rescan_cb);
  g_task_set_task_data (task, rd, (GDestroyNotify) rescan_data_free);
  g_task_run_in_thread (task, rescan_thread);
  return G_SOURCE_REMOVE;
}

void
byline_draft_store_schedule_rescan (BylineDraftStore *self,
                                    guint             delay_ms)
{
  if (!self->loaded || self->closed || self->rescan_id != 0)
    return;

  self->rescan_id = g_timeout_add (delay_ms, rescan_cb, self);
}

typedef struct
{
  char          *id;
  char          *path;
  GBytes        *known;
  guint64        serial;
  GBytes        *bytes;
  BylineArticle *article;
  gboolean       read_only;
} CheckData;

static void
check_data_free (CheckData *cd)
{
  g_clear_pointer (&cd->known, g_bytes_unref);
  g_clear_pointer (&cd->bytes, g_bytes_unref);
  g_clear_object (&cd->article);
  g_free (cd->path);
  g_free (cd->id);
  g_free (cd);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *cd = task_data;
  GError *error = NULL;

  cd->article = byline_draft_read_article (cd->path, cd->id, &cd->read_only, &cd->bytes, &error);
  if (cd->article == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Our own write coming back through the monitor. */
  if (cd->known != NULL && g_bytes_equal (cd->known, cd->bytes))
    g_clear_object (&cd->article);
  g_task_return_boolean (task, TRUE);
}

static void schedule_check (BylineTracked *t, guint delay_ms);

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  BylineDraftStore *self = BYLINE_DRAFT_STORE (object);
  CheckData *cd = g_task_get_task_data (G_TASK (result));
  BylineTracked *t = g_hash_table_lookup (self->tracked, cd->id);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) || t == NULL || cd->article == NULL)
    return;

  /* We wrote in the meantime: what was read may be our older version. */
  if (t->disk_serial != cd->serial || byline_file_writer_is_busy (t->writer))
    {
      schedule_check (t, 200);
      return;
    }

  if (t->change_gen == t->saved_gen)
    {
      byline_draft_store_swap_article (self, t, cd->article, cd->bytes, cd->read_only);
      return;
    }

  /* Both sides changed: keep both, save neither over the other. */
  g_set_object (&t->theirs, cd->article);
  t->theirs_read_only = cd->read_only;
  g_clear_pointer (&t->disk_bytes, g_bytes_unref);
  t->disk_bytes = g_bytes_ref (cd->bytes);
  t->disk_serial++;
  g_clear_handle_id (&t->autosave_id, g_source_remove);
  byline_draft_store_update_state (t);
  g_signal_emit (self, byline_draft_store_signals[SIGNAL_CONFLICT], 0, t->article, t->theirs);
}

static gboolean
check_cb (gpointer user_data)
{
  BylineTracked *t = user_data;
  g_autoptr(GTask) task = NULL;
  CheckData *cd;

  t->check_id = 0;
  if (byline_file_writer_is_busy (t->writer))
    {
      schedule_check (t, 200);
      return G_SOURCE_REMOVE;
    }

  cd = g_new0 (CheckData, 1);
  cd->id = g_strdup (t->id);
  cd->path = g_strdup (byline_file_writer_get_path (t->writer));
  cd->known = t->disk_bytes ? g_bytes_ref (t->disk_bytes) : NULL;
  cd->serial = t->disk_serial;
  task = g_task_new (t->store, NULL, checked_cb, NULL);
  g_task_set_source_tag (task, check_cb);
  g_task_set_task_data (task, cd, (GDestroyNotify) check_data_free);
  g_task_run_in_thread (task, check_thread);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (BylineTracked *t,
                guint          delay_ms)
{
  if (t->check_id == 0)
    t->check_id = g_timeout_add (delay_ms, check_cb, t);
}

static gboolean
is_article_json (GFile *file)
{
  g_autofree char *name = file ? g_file_get_basename (file) : NULL;

  return g_strcmp0 (name, "article.json") == 0;
}

static void
bundle_changed_cb (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other,
                   GFileMonitorEvent  event,
                   BylineTracked     *t)
{
  if (is_article_json (file) || is_article_json (other))
    schedule_check (t, 100);
}

void
byline_draft_store_watch_bundle (BylineTracked *t)
{
  g_autoptr(GFile) bundle = NULL;

  if (t->monitor != NULL)
    return;

  bundle = byline_draft_store_get_bundle_dir (t->store, t->id);
  t->monitor = g_file_monitor_directory (bundle, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (t->monitor != NULL)
    g_signal_connect (t->monitor, "changed", G_CALLBACK (bundle_changed_cb), t);
}

/* ---- watching the folders ------------------------------------------ */

/* Whether the index is still the one we wrote last (a stat, cheap). */
static gboolean
is_own_index (BylineDraftStore *self,
              GFile            *file)
{
  g_autofree char *path = g_file_get_path (file);
  GStatBuf st;

  if (byline_file_writer_is_busy (self->index_writer))
    return TRUE;
  if (path == NULL || g_stat (path, &st) != 0)
    return FALSE;
  return (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000 == self->index_mtime;
}

static void
root_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 gpointer           user_data)
{
  BylineDraftStore *self = user_data;
  /* An atomic write is a rename of a temp file over the target. */
  GFile *target = event == G_FILE_MONITOR_EVENT_RENAMED && other != NULL ? other : file;
  g_autofree char *name = g_file_get_basename (target);

  /* Our own index and session writes are not news; a new bundle, or the
   * index rewritten by another process after it saved, is. */
  if (g_str_equal (name, "session.json") || g_str_has_prefix (name, "session.json.") ||
      g_str_has_prefix (name, BYLINE_DRAFT_INDEX_FILE "."))
    return;
  if (g_str_equal (name, BYLINE_DRAFT_INDEX_FILE) && is_own_index (self, target))
    return;

  self->rescan_retries = 0;
  byline_draft_store_schedule_rescan (self, 300);
}

static GFileMonitor *
watch_folder (BylineDraftStore *self,
              const char       *path)
{
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor;

  monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (monitor == NULL)
    {
      g_debug ("Not watching %s: %s", path, error->message);
      return NULL;
    }

  g_signal_connect (monitor, "changed", G_CALLBACK (root_changed_cb), self);
  return monitor;
}

void
byline_draft_store_monitor_root (BylineDraftStore *self)
{
  g_autofree char *drafts = g_build_filename (self->root_path, "drafts", NULL);

  if (self->root_monitor == NULL)
    self->root_monitor = watch_folder (self, self->root_path);
  if (self->drafts_monitor == NULL)
    self->drafts_monitor = watch_folder (self, drafts);
}
