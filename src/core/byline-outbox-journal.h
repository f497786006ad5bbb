/* byline-outbox-journal.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outbox's persisted state machine: outbox.json in the draft's bundle.
 * Every step is written before its side effect on the site and again after
 * it, so a process killed at any instant resumes from the file without
 * sending anything twice (design.md, invariant 4).
 */

#pragma once

#include <json-glib/json-glib.h>

#include "byline-article.h"
#include "byline-publish-plan.h"

G_BEGIN_DECLS

#define BYLINE_OUTBOX_JOURNAL_VERSION 1
#define BYLINE_OUTBOX_JOURNAL_NAME    "outbox.json"

#define BYLINE_OUTBOX_JOURNAL_ERROR (byline_outbox_journal_error_quark ())

typedef enum
{
  BYLINE_OUTBOX_JOURNAL_ERROR_INVALID,
  BYLINE_OUTBOX_JOURNAL_ERROR_NEWER_VERSION,
} BylineOutboxJournalError;

/* NONE: no journal (a draft). WAITING, FAILED and CONFLICT remember in
 * resume_state the step to go on with. */
typedef enum
{
  BYLINE_OUTBOX_STATE_NONE,
  BYLINE_OUTBOX_STATE_QUEUED,
  BYLINE_OUTBOX_STATE_PREPARING_PHOTOS,
  BYLINE_OUTBOX_STATE_RESERVING,
  BYLINE_OUTBOX_STATE_UPLOADING,
  BYLINE_OUTBOX_STATE_WRITING_POST,
  BYLINE_OUTBOX_STATE_VERIFYING,
  BYLINE_OUTBOX_STATE_DONE,
  BYLINE_OUTBOX_STATE_WAITING,
  BYLINE_OUTBOX_STATE_FAILED,
  BYLINE_OUTBOX_STATE_CONFLICT,
} BylineOutboxState;

#define BYLINE_TYPE_OUTBOX_STATE (byline_outbox_state_get_type ())

GType byline_outbox_state_get_type (void) G_GNUC_CONST;

typedef struct
{
  char     *id;          /* the photo's SHA-256 */
  char     *file_name;   /* uploaded as; carries the hash */
  gint64    media_id;    /* 0 until known */
  char     *url;
  gboolean  attempted;   /* an upload may have reached the site */
} BylineOutboxPhoto;

#define BYLINE_TYPE_OUTBOX_JOURNAL (byline_outbox_journal_get_type ())

typedef struct
{
  char               *article_id;
  char               *site_id;
  BylineOutboxState   state;
  BylineOutboxState   resume_state;
  GDateTime          *queued;
  BylinePublishPlan  *plan;
  JsonNode           *article;           /* the article as queued */

  gint64              post_id;           /* 0 until reserved */
  gboolean            update;            /* the post existed before */
  gboolean            overwrite;         /* the user chose to overwrite the desk's edit */
  gboolean            write_attempted;
  char               *known_modified;    /* the post's modified_gmt as Byline left it */
  char               *known_digest;      /* and its text's (byline_cms_post_digest) */
  char               *remote_modified;   /* the site's, in a conflict */
  GPtrArray          *photos;            /* of BylineOutboxPhoto, in article order */

  guint               attempts;          /* failed tries since the last progress */
  GDateTime          *next_attempt;      /* when WAITING */
  char               *error_code;        /* "auth", "forbidden", "validation", … */
  char               *error_detail;      /* what the site or the system said */

  char               *link;
  char               *remote_status;
} BylineOutboxJournal;

GQuark               byline_outbox_journal_error_quark     (void);
const char          *byline_outbox_state_to_string         (BylineOutboxState          state);
BylineOutboxState    byline_outbox_state_from_string       (const char                *string);

GType                byline_outbox_journal_get_type        (void) G_GNUC_CONST;
BylineOutboxJournal *byline_outbox_journal_new             (const char                *article_id,
                                                            const char                *site_id);
BylineOutboxJournal *byline_outbox_journal_copy            (const BylineOutboxJournal *journal);
void                 byline_outbox_journal_free            (BylineOutboxJournal       *journal);
BylineOutboxPhoto   *byline_outbox_journal_find_photo      (const BylineOutboxJournal *journal,
                                                            const char                *photo_id);
/* Photos that have a media item, out of all. */
guint                byline_outbox_journal_count_uploaded  (const BylineOutboxJournal *journal);

GBytes              *byline_outbox_journal_to_bytes        (const BylineOutboxJournal *journal);
BylineOutboxJournal *byline_outbox_journal_new_from_bytes  (GBytes                    *bytes,
                                                            GError                   **error);
/* Blocking: call from a worker thread. Atomic and durable. */
gboolean             byline_outbox_journal_write           (GFile                     *bundle_dir,
                                                            GBytes                    *bytes,
                                                            GError                   **error);
BylineOutboxJournal *byline_outbox_journal_read            (GFile                     *bundle_dir,
                                                            GError                   **error);
gboolean             byline_outbox_journal_remove          (GFile                     *bundle_dir,
                                                            GError                   **error);

/* For FAILED and CONFLICT: a translated sentence that says what happened
 * and what to do. NULL in other states. */
char                *byline_outbox_journal_dup_message     (const BylineOutboxJournal *journal);
/* Gives @article the remote state of a DONE journal (post id, link,
 * modified_gmt, status, media ids): for a draft store that loads a bundle
 * whose article was saved before the outbox finished. */
gboolean             byline_outbox_journal_apply_remote    (const BylineOutboxJournal *journal,
                                                            BylineArticle             *article);
/* The same for a publication cancelled after its post was written. */
gboolean             byline_outbox_journal_hand_over_post  (const BylineOutboxJournal *journal,
                                                            BylineArticle             *article);

/* The error_code of a journal that waits for another process's lock. */
#define BYLINE_OUTBOX_ERROR_CODE_LOCKED "locked"

gboolean             byline_outbox_journal_is_locked_out   (const BylineOutboxJournal *journal);

/* A new publication keeps the post and media items an unfinished earlier
 * one (@previous, as on disk) made on the same site. */
gboolean             byline_outbox_journal_inherit         (BylineOutboxJournal       *journal,
                                                            const BylineOutboxJournal *previous);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineOutboxJournal, byline_outbox_journal_free)

G_END_DECLS
