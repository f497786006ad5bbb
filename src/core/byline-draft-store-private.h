/* byline-draft-store-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared between byline-draft-store.c (tracking, saving, flushing),
 * byline-draft-store-load.c (loading the library), byline-draft-library.c
 * (the views) and byline-draft-store-ops.c (trash, search, external
 * changes).
 */

#pragma once

#include "byline-draft-index.h"
#include "byline-draft-store.h"
#include "byline-file-writer.h"

G_BEGIN_DECLS

typedef struct
{
  BylineDraftStore *store;        /* unowned: the store owns us */
  BylineArticle    *article;
  char             *id;
  BylineFileWriter *writer;
  GFileMonitor     *monitor;
  gulong            changed_id;
  guint             autosave_id;
  guint             check_id;
  guint64           change_gen;   /* bumped by every "changed" */
  guint64           saved_gen;    /* the change_gen that is on disk */
  guint64           requested_gen;
  guint64           disk_serial;  /* bumped whenever disk_bytes changes */
  GBytes           *disk_bytes;   /* what we last wrote or read */
  BylineArticle    *theirs;       /* the disk version, in a conflict */
  gboolean          theirs_read_only;
  GError           *error;
  BylineSaveState   last_state;
  gboolean          read_only;
  gboolean          releasing;
} BylineTracked;

struct _BylineDraftStore
{
  GObject           parent_instance;

  GFile            *root;
  char             *root_path;
  guint             autosave_delay_ms;

  GHashTable       *tracked;      /* id → BylineTracked */
  GHashTable       *infos;        /* id → BylineDraftInfo */
  GListStore       *views[BYLINE_LIBRARY_VIEW_TRASH + 1];
  GHashTable       *state_writers;

  BylineFileWriter *index_writer;
  BylineFileWriter *session_writer;
  guint             index_timer_id;
  guint             rescan_id;
  guint             rescan_retries;
  gboolean          rescanning;
  GFileMonitor     *drafts_monitor;
  GFileMonitor     *root_monitor;

  GPtrArray        *problems;
  char            **recovered_ids;
  guint             n_parsed;
  gint64            index_mtime;  /* of our last index write */
  gboolean          owns_session;
  gboolean          loaded;
  gboolean          closed;
};

enum {
  SIGNAL_SAVED,
  SIGNAL_SAVE_FAILED,
  SIGNAL_SAVE_STATE_CHANGED,
  SIGNAL_PROBLEM,
  SIGNAL_EXTERNAL_CHANGE,
  SIGNAL_CONFLICT,
  N_SIGNALS
};

extern guint byline_draft_store_signals[N_SIGNALS];

BylineTracked *byline_draft_store_find_tracked   (BylineDraftStore       *self,
                                                  BylineArticle          *article);
void           byline_draft_store_put_entry      (BylineDraftStore       *self,
                                                  const BylineDraftEntry *entry);
void           byline_draft_store_remove_entry   (BylineDraftStore       *self,
                                                  const char             *id);
void           byline_draft_store_schedule_index (BylineDraftStore       *self);
void           byline_draft_store_write_session  (BylineDraftStore       *self,
                                                  gboolean                clean);
void           byline_draft_store_add_problem    (BylineDraftStore       *self,
                                                  const char             *id,
                                                  const char             *message);
void           byline_draft_store_untrack        (BylineDraftStore       *self,
                                                  const char             *id);
void           byline_draft_store_swap_article   (BylineDraftStore       *self,
                                                  BylineTracked          *t,
                                                  BylineArticle          *article,
                                                  GBytes                 *bytes,
                                                  gboolean                read_only);
void           byline_draft_store_update_state   (BylineTracked          *t);
void           byline_draft_store_watch_bundle   (BylineTracked          *t);
void           byline_draft_store_schedule_rescan (BylineDraftStore      *self,
                                                   guint                  delay_ms);
void           byline_draft_store_apply_scan     (BylineDraftStore       *self,
                                                  BylineDraftScan        *scan,
                                                  gboolean                full);
GHashTable    *byline_draft_store_dup_entries    (BylineDraftStore       *self);
void           byline_draft_store_fill_views     (BylineDraftStore       *self);
void           byline_draft_store_place_in_views (BylineDraftStore       *self,
                                                  BylineDraftInfo        *info);
void           byline_draft_store_monitor_root   (BylineDraftStore       *self);
void           byline_draft_store_run_worker     (BylineDraftStore       *self,
                                                  GTask                  *outer,
                                                  gpointer                data,
                                                  GDestroyNotify          data_free,
                                                  GTaskThreadFunc         thread_func,
                                                  GAsyncReadyCallback     done_cb);
void           byline_draft_store_sync_result_cb (GObject                *object,
                                                  GAsyncResult           *result,
                                                  gpointer                user_data);
GAsyncResult  *byline_draft_store_wait_for_result (GAsyncResult          **slot);

G_END_DECLS
