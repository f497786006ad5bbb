/* byline-draft-index.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internal to the draft store: the on-disk layout, the header index, the
 * session file and the scan of the drafts folder. The functions that touch
 * files block and run in worker threads.
 */

#pragma once

#include <gio/gio.h>

#include "byline-article.h"
#include "byline-draft-info.h"

G_BEGIN_DECLS

#define BYLINE_DRAFT_EXCERPT_CHARS 200
#define BYLINE_DRAFT_TRASH_DAYS 30
#define BYLINE_DRAFT_INDEX_FILE "index.gvariant"
#define BYLINE_DRAFT_LEGACY_INDEX_FILE "index.json"

/* Plain data, so it can cross threads. Times are µs since the epoch. */
typedef struct
{
  char     *id;
  char     *title;
  char     *lead;
  gint64    modified;
  char     *state;
  guint     words;
  gboolean  read_only;
  gint64    trashed;    /* 0 when not in the trash */
  gint64    mtime;      /* of article.json when this was read */
  gint64    size;
} BylineDraftEntry;

typedef struct
{
  GPtrArray *entries;     /* BylineDraftEntry */
  GPtrArray *problems;    /* BylineDraftProblem */
  guint      n_parsed;
  gboolean   index_stale; /* the index needs rewriting */
  guint      n_incomplete; /* bundles without article.json (yet?) */
} BylineDraftScan;

BylineDraftEntry   *byline_draft_entry_new              (const char             *id);
BylineDraftEntry   *byline_draft_entry_copy             (const BylineDraftEntry *entry);
void                byline_draft_entry_free             (BylineDraftEntry       *entry);
gboolean            byline_draft_entry_equal            (const BylineDraftEntry *a,
                                                         const BylineDraftEntry *b);
void                byline_draft_entry_set_from_article (BylineDraftEntry       *entry,
                                                         BylineArticle          *article,
                                                         gboolean                read_only);
void                byline_draft_entry_set_summary      (BylineDraftEntry       *entry,
                                                         const BylineDraftEntry *summary);

BylineDraftProblem *byline_draft_problem_new            (const char             *id,
                                                         const char             *message);
void                byline_draft_problem_free           (BylineDraftProblem     *problem);

void                byline_draft_scan_free              (BylineDraftScan        *scan);

char               *byline_draft_path_bundle            (const char             *root,
                                                         const char             *id,
                                                         gboolean                trash);
char               *byline_draft_path_article           (const char             *root,
                                                         const char             *id);

BylineArticle      *byline_draft_read_article           (const char             *path,
                                                         const char             *expected_id,
                                                         gboolean               *read_only,
                                                         GBytes                **bytes,
                                                         GError                **error);
gboolean            byline_draft_move_aside             (const char             *path,
                                                         char                  **new_path,
                                                         GError                **error);

GHashTable         *byline_draft_index_read             (const char             *root,
                                                         gboolean               *legacy);
GBytes             *byline_draft_index_to_bytes         (GPtrArray              *entries);
void                byline_draft_index_remove_legacy    (const char             *root);

BylineDraftScan    *byline_draft_scan                   (const char             *root,
                                                         GHashTable             *known,
                                                         GCancellable           *cancellable);

gboolean            byline_draft_session_read           (const char             *path,
                                                         gboolean               *clean,
                                                         char                 ***ids);
GBytes             *byline_draft_session_to_bytes       (gboolean                clean,
                                                         const char * const     *ids);

gboolean            byline_draft_bundle_trash           (const char             *root,
                                                         const char             *id,
                                                         gint64                  now,
                                                         GError                **error);
gboolean            byline_draft_bundle_restore         (const char             *root,
                                                         const char             *id,
                                                         GError                **error);
gboolean            byline_draft_bundle_purge           (const char             *root,
                                                         const char             *id,
                                                         GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineDraftEntry, byline_draft_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineDraftScan, byline_draft_scan_free)

char               *byline_draft_read_state             (const char             *bundle);

/* Private to the store: the library rows. */
BylineDraftInfo        *byline_draft_info_new           (const BylineDraftEntry *entry);
BylineDraftInfo        *byline_draft_info_new_take      (BylineDraftEntry       *entry);
void                    byline_draft_info_update        (BylineDraftInfo        *self,
                                                         const BylineDraftEntry *entry);
const BylineDraftEntry *byline_draft_info_get_entry     (BylineDraftInfo        *self);

G_END_DECLS
