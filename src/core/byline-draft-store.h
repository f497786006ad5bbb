/* byline-draft-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drafts on disk: nothing typed is lost. The store tracks the open
 * articles, saves each one at most a short delay after a change (atomically,
 * durably, in a worker thread), keeps a header index so the library lists
 * fast, moves corrupt files aside, keeps deleted drafts in a trash for 30
 * days and notices what another process (byline-cli) changes.
 *
 * Layout under the root (default: $XDG_DATA_HOME/io.github.bylinedesk.Byline):
 * drafts/<uuid>/article.json (+ photos/ and files of other components),
 * trash/<uuid>/, index.gvariant, session.json.
 *
 * Signals:
 *   "saved" (BylineArticle *article)            a write of it succeeded
 *   "save-failed" (BylineArticle *, GError *)   the message names the draft;
 *                                                G_IO_ERROR codes (NO_SPACE,
 *                                                READ_ONLY, PERMISSION_DENIED…)
 *   "save-state-changed" (BylineArticle *)      see byline_draft_store_get_save_state()
 *   "problem" (const char *id, const char *message)
 *                                                a draft could not be loaded and
 *                                                was moved aside (also in
 *                                                byline_draft_store_get_load_problems())
 *   "external-change" (BylineArticle *old, BylineArticle *new)
 *                                                another process changed an open,
 *                                                clean draft: the store now tracks
 *                                                @new; show it instead of @old
 *   "conflict" (BylineArticle *mine, BylineArticle *theirs)
 *                                                the same, but @mine has unsaved
 *                                                changes: nothing is written until
 *                                                byline_draft_store_resolve_conflict()
 *
 * Typical use. GUI: new (NULL) → bind "autosave-delay" to GSettings →
 * load_async → reopen get_recovered_ids() with a notice → create / open_async
 * per window → release when a window closes → close_async at quit.
 * byline-cli: g_object_new (BYLINE_TYPE_DRAFT_STORE, "owns-session", FALSE)
 * → load_sync (so its saves update the index, which a running GUI follows)
 * → open / add → close_sync.
 */

#pragma once

#include <gio/gio.h>

#include "byline-article.h"
#include "byline-draft-info.h"
#include "byline-types.h"

G_BEGIN_DECLS

#define BYLINE_DRAFT_STORE_ERROR (byline_draft_store_error_quark ())

typedef enum
{
  BYLINE_DRAFT_STORE_ERROR_NOT_FOUND,
  BYLINE_DRAFT_STORE_ERROR_CORRUPT,     /* moved aside, see the problems */
  BYLINE_DRAFT_STORE_ERROR_READ_ONLY,   /* written by a newer Byline */
  BYLINE_DRAFT_STORE_ERROR_CONFLICT,    /* changed on disk and here */
  BYLINE_DRAFT_STORE_ERROR_NOT_SAVED,   /* a flush left unsaved changes */
} BylineDraftStoreError;

typedef enum
{
  BYLINE_SAVE_STATE_SAVED,
  BYLINE_SAVE_STATE_DIRTY,
  BYLINE_SAVE_STATE_SAVING,
  BYLINE_SAVE_STATE_ERROR,      /* the last save failed; retried on change and flush */
  BYLINE_SAVE_STATE_READ_ONLY,  /* never saved */
  BYLINE_SAVE_STATE_CONFLICT,   /* waiting for byline_draft_store_resolve_conflict() */
} BylineSaveState;

typedef enum
{
  BYLINE_LIBRARY_VIEW_ALL,        /* everything but the trash */
  BYLINE_LIBRARY_VIEW_DRAFTS,     /* state "draft" */
  BYLINE_LIBRARY_VIEW_OUTBOX,     /* any other state but "published" */
  BYLINE_LIBRARY_VIEW_PUBLISHED,
  BYLINE_LIBRARY_VIEW_TRASH,
} BylineLibraryView;

#define BYLINE_TYPE_DRAFT_STORE (byline_draft_store_get_type ())

G_DECLARE_FINAL_TYPE (BylineDraftStore, byline_draft_store, BYLINE, DRAFT_STORE, GObject)

GQuark            byline_draft_store_error_quark        (void);

BylineDraftStore *byline_draft_store_new                (GFile               *root);
GFile            *byline_draft_store_get_root           (BylineDraftStore    *self);
GFile            *byline_draft_store_get_bundle_dir     (BylineDraftStore    *self,
                                                         const char          *id);
guint             byline_draft_store_get_autosave_delay (BylineDraftStore    *self);
void              byline_draft_store_set_autosave_delay (BylineDraftStore    *self,
                                                         guint                seconds);

/* Loading the library, the crash report and the problems */
void              byline_draft_store_load_async         (BylineDraftStore    *self,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean          byline_draft_store_load_finish        (BylineDraftStore    *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
gboolean          byline_draft_store_load_sync          (BylineDraftStore    *self,
                                                         GCancellable        *cancellable,
                                                         GError             **error);
gboolean          byline_draft_store_get_loaded         (BylineDraftStore    *self);
const char * const *byline_draft_store_get_recovered_ids (BylineDraftStore   *self);
GPtrArray        *byline_draft_store_get_load_problems  (BylineDraftStore    *self);
GListModel       *byline_draft_store_get_library        (BylineDraftStore    *self,
                                                         BylineLibraryView    view);
BylineDraftInfo  *byline_draft_store_lookup             (BylineDraftStore    *self,
                                                         const char          *id);
guint             byline_draft_store_get_n_parsed       (BylineDraftStore    *self);

/* Articles */
BylineArticle    *byline_draft_store_create             (BylineDraftStore    *self);
void              byline_draft_store_add                (BylineDraftStore    *self,
                                                         BylineArticle       *article);
void              byline_draft_store_open_async         (BylineDraftStore    *self,
                                                         const char          *id,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
BylineArticle    *byline_draft_store_open_finish        (BylineDraftStore    *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
void              byline_draft_store_release            (BylineDraftStore    *self,
                                                         BylineArticle       *article);
gboolean          byline_draft_store_is_tracked         (BylineDraftStore    *self,
                                                         BylineArticle       *article);
gboolean          byline_draft_store_is_dirty           (BylineDraftStore    *self,
                                                         BylineArticle       *article);
gboolean          byline_draft_store_is_read_only       (BylineDraftStore    *self,
                                                         BylineArticle       *article);
BylineSaveState   byline_draft_store_get_save_state     (BylineDraftStore    *self,
                                                         BylineArticle       *article,
                                                         const GError       **last_error);
void              byline_draft_store_save               (BylineDraftStore    *self,
                                                         BylineArticle       *article);
void              byline_draft_store_set_state          (BylineDraftStore    *self,
                                                         const char          *id,
                                                         const char          *state);
BylineArticle    *byline_draft_store_resolve_conflict   (BylineDraftStore    *self,
                                                         BylineArticle       *article,
                                                         gboolean             keep_mine);

/* Writing everything; closing cleanly */
void              byline_draft_store_flush_async        (BylineDraftStore    *self,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean          byline_draft_store_flush_finish       (BylineDraftStore    *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
gboolean          byline_draft_store_flush_sync         (BylineDraftStore    *self,
                                                         GCancellable        *cancellable,
                                                         GError             **error);
void              byline_draft_store_close_async        (BylineDraftStore    *self,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean          byline_draft_store_close_finish       (BylineDraftStore    *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
gboolean          byline_draft_store_close_sync         (BylineDraftStore    *self,
                                                         GCancellable        *cancellable,
                                                         GError             **error);

/* Trash */
void              byline_draft_store_trash_async        (BylineDraftStore    *self,
                                                         const char          *id,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean          byline_draft_store_trash_finish       (BylineDraftStore    *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
void              byline_draft_store_restore_async      (BylineDraftStore    *self,
                                                         const char          *id,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean          byline_draft_store_restore_finish     (BylineDraftStore    *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
void              byline_draft_store_purge_expired_async  (BylineDraftStore  *self,
                                                           GDateTime         *now,
                                                           GCancellable      *cancellable,
                                                           GAsyncReadyCallback callback,
                                                           gpointer           user_data);
guint             byline_draft_store_purge_expired_finish (BylineDraftStore  *self,
                                                           GAsyncResult      *result,
                                                           GError           **error);

/* Search: ids in modified-descending order */
void              byline_draft_store_search_async       (BylineDraftStore    *self,
                                                         const char          *query,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
char            **byline_draft_store_search_finish      (BylineDraftStore    *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

G_END_DECLS
