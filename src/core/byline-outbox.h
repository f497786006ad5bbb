/* byline-outbox.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Publishing, queued offline, exactly once. byline_outbox_queue_async()
 * checks the article, writes its journal (outbox.json in the draft's
 * bundle) and sends it when the network is there: reserve a draft post,
 * upload each photo's derivative attached to it, write the post, read it
 * back. Every step is journalled before and after its side effect, so a
 * crash at any instant resumes (byline_outbox_resume_async()) without a
 * second post or a second media item. Transient errors retry with
 * exponential backoff; permanent ones stop in FAILED with what to do.
 *
 * The app and byline-cli may run outboxes on the same drafts at once: a
 * run holds flock() on the bundle's outbox.lock and starts from the
 * journal as it is on disk then. An article another process sends waits
 * (WAITING, error code "locked", looked at again every 5 s); queueing or
 * cancelling it meanwhile fails with BYLINE_OUTBOX_ERROR_BUSY.
 */

#pragma once

#include "byline-article.h"
#include "byline-cms.h"
#include "byline-network.h"
#include "byline-outbox-journal.h"
#include "byline-publish-plan.h"
#include "byline-site-list.h"

G_BEGIN_DECLS

#define BYLINE_OUTBOX_ERROR (byline_outbox_error_quark ())

typedef enum
{
  BYLINE_OUTBOX_ERROR_BLOCKED,     /* the pre-flight check found a blocking problem */
  BYLINE_OUTBOX_ERROR_BUSY,        /* the article is being sent */
  BYLINE_OUTBOX_ERROR_NOT_QUEUED,
  BYLINE_OUTBOX_ERROR_UNKNOWN_SITE,
} BylineOutboxError;

typedef enum
{
  BYLINE_OUTBOX_RESOLVE_OVERWRITE,
  BYLINE_OUTBOX_RESOLVE_CANCEL,
} BylineOutboxResolution;

/* Gives the client for @site. The default looks the password up in the
 * keyring and calls byline_site_create_cms(); tests inject their own. */
typedef BylineCms *(*BylineOutboxCmsFunc) (BylineSite  *site,
                                           gpointer     user_data,
                                           GError     **error);

#define BYLINE_TYPE_OUTBOX (byline_outbox_get_type ())

G_DECLARE_FINAL_TYPE (BylineOutbox, byline_outbox, BYLINE, OUTBOX, GObject)

GQuark             byline_outbox_error_quark          (void);

/* @drafts_dir holds the bundles: <drafts_dir>/<article id>/. Sites named by
 * journals are looked up in @sites. */
BylineOutbox      *byline_outbox_new                  (GFile                  *drafts_dir,
                                                       BylineSiteList         *sites,
                                                       BylineNetwork          *network);
void               byline_outbox_set_cms_func         (BylineOutbox           *self,
                                                       BylineOutboxCmsFunc     func,
                                                       gpointer                user_data,
                                                       GDestroyNotify          destroy);
/* Where photo derivatives are made; default $XDG_CACHE_HOME/<app id>/derivatives. */
void               byline_outbox_set_cache_dir        (BylineOutbox           *self,
                                                       GFile                  *cache_dir);
/* Backoff of transient errors: @base_ms doubled each attempt up to @max_ms,
 * ±20% jitter; a longer Retry-After wins. Default 2 s and 10 min. */
void               byline_outbox_set_backoff          (BylineOutbox           *self,
                                                       guint                   base_ms,
                                                       guint                   max_ms);

/* Checks @article against @site's cached terms (byline_publish_check()),
 * fails with BYLINE_OUTBOX_ERROR_BLOCKED and the first blocking problem's
 * message if there is one, else journals it as QUEUED and starts sending
 * when the network is available. @read_only: the draft store's verdict. An
 * article already published on the site (remote post id) updates that
 * post. Completes once the journal is on disk. */
void               byline_outbox_queue_async          (BylineOutbox           *self,
                                                       BylineArticle          *article,
                                                       BylineSite             *site,
                                                       BylinePublishStatus     status,
                                                       gboolean                read_only,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
gboolean           byline_outbox_queue_finish         (BylineOutbox           *self,
                                                       GAsyncResult           *result,
                                                       GError                **error);
/* Scans the bundles for journals that are not DONE and takes them up again
 * (FAILED and CONFLICT ones wait for the user). Returns how many. */
void               byline_outbox_resume_async         (BylineOutbox           *self,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
guint              byline_outbox_resume_finish        (BylineOutbox           *self,
                                                       GAsyncResult           *result,
                                                       GError                **error);
/* Gives the outbox the live article of a resumed journal, so that its
 * remote state is set when done (else only "published" tells). */
void               byline_outbox_attach_article       (BylineOutbox           *self,
                                                       BylineArticle          *article);

BylineOutboxState  byline_outbox_get_state            (BylineOutbox           *self,
                                                       const char             *article_id);
/* A copy of the journal of @article_id, or NULL. */
BylineOutboxJournal *byline_outbox_dup_journal        (BylineOutbox           *self,
                                                       const char             *article_id);
/* Whether @article_id waits only because another process (a window,
 * byline-cli) is sending it: it ends as that one does. */
gboolean           byline_outbox_get_sent_elsewhere   (BylineOutbox           *self,
                                                       const char             *article_id);
/* Whether an article is being sent right now. */
gboolean           byline_outbox_get_busy             (BylineOutbox           *self);

/* FAILED or WAITING: try again now (after the user signed in again…). */
gboolean           byline_outbox_retry                (BylineOutbox           *self,
                                                       const char             *article_id,
                                                       GError                **error);
/* CONFLICT: OVERWRITE sends Byline's version over the desk's edit; CANCEL
 * drops the journal and leaves the site alone. Either may come as soon as
 * the state turns CONFLICT: while the conflict is still being journalled,
 * the answer waits for it (the state turns NONE once CANCEL is done). */
gboolean           byline_outbox_resolve_conflict     (BylineOutbox           *self,
                                                       const char             *article_id,
                                                       BylineOutboxResolution  resolution,
                                                       GError                **error);
/* Forgets a queued, waiting or failed article (not while it is being
 * sent: BYLINE_OUTBOX_ERROR_BUSY). Anything already
 * on the site stays (a reserved draft is found again by its slug). */
gboolean           byline_outbox_cancel               (BylineOutbox           *self,
                                                       const char             *article_id,
                                                       GError                **error);

/* Test hook: at @point ("reserve", "upload-<k>", "write", "verify"), right
 * after the site answered and before the journal records it, the job stops
 * as if the process died. The environment variable
 * BYLINE_OUTBOX_ABORT_AFTER=<point> instead kills the process (SIGKILL). */
void               byline_outbox_set_stop_point       (BylineOutbox           *self,
                                                       const char             *point);

G_END_DECLS
