/* byline-cli-publish.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-cli publish and byline-cli outbox: the GUI's outbox, run until the
 * articles it was given are sent, queued for later, or stopped by a
 * problem the user must fix. Exit 3 says "queued": the journal is on disk
 * and the next `outbox run` (or Byline, open) sends it.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "byline-cli-private.h"
#include "byline-draft-state.h"
#include "byline-json-util.h"
#include "byline-model-private.h"
#include "byline-outbox.h"
#include "byline-site-terms.h"

#define SETTLED_POLL_MS 100

typedef struct
{
  BylineDraftStore *store;
  BylineSiteList   *sites;
  BylineNetwork    *network;
  BylineOutbox     *outbox;
  GPtrArray        *articles;   /* opened for the outbox, released at close */
  GPtrArray        *waiting_for; /* article ids */
  GTask            *settled;
  GHashTable       *told_elsewhere; /* ids said to be sent by another process */
  guint             poll_id;
  BylineOutboxState last_state;
  guint             last_photo;
} Outbox;

static void outbox_check_settled (Outbox *ob);

static const char *
step_message (BylineOutboxState state)
{
  switch (state)
    {
    case BYLINE_OUTBOX_STATE_PREPARING_PHOTOS:
      return _("Preparing the photos…");
    case BYLINE_OUTBOX_STATE_RESERVING:
      return _("Reserving the post…");
    case BYLINE_OUTBOX_STATE_WRITING_POST:
      return _("Writing the post…");
    case BYLINE_OUTBOX_STATE_VERIFYING:
      return _("Checking the post on the site…");
    case BYLINE_OUTBOX_STATE_NONE:
    case BYLINE_OUTBOX_STATE_QUEUED:
    case BYLINE_OUTBOX_STATE_UPLOADING:
    case BYLINE_OUTBOX_STATE_DONE:
    case BYLINE_OUTBOX_STATE_WAITING:
    case BYLINE_OUTBOX_STATE_FAILED:
    case BYLINE_OUTBOX_STATE_CONFLICT:
    default:
      return NULL;
    }
}

static void
outbox_state_changed_cb (BylineOutbox *outbox,
                         const char   *article_id,
                         int           state,
                         Outbox       *ob)
{
  /* The library (ours, and a running GUI's through the index) shows it. */
  if (byline_draft_store_lookup (ob->store, article_id) != NULL)
    byline_draft_store_set_state (ob->store, article_id,
                                  byline_draft_state_for_outbox (ob->store, article_id,
                                                                 (BylineOutboxState) state));
  if (step_message (state) != NULL)
    fprintf (stderr, "%s\n", step_message (state));
  /* Once per article: it looks again every few seconds. */
  if (state == BYLINE_OUTBOX_STATE_WAITING && byline_outbox_get_sent_elsewhere (outbox, article_id) &&
      g_hash_table_add (ob->told_elsewhere, g_strdup (article_id)))
    fprintf (stderr, _("Another Byline window or command is sending it: waiting until it is done…\n"));
  outbox_check_settled (ob);
}

static void
outbox_published_cb (BylineOutbox *outbox,
                     const char   *article_id,
                     const char   *link,
                     Outbox       *ob)
{
  outbox_check_settled (ob);
}

/* One line per step and per photo, not per chunk of bytes: stderr may be
 * a log file. */
static void
outbox_progress_cb (BylineOutbox *outbox,
                    const char   *article_id,
                    int           state,
                    guint         photo,
                    guint         n_photos,
                    gint64        sent,
                    gint64        total,
                    Outbox       *ob)
{
  if ((BylineOutboxState) state == ob->last_state && photo == ob->last_photo)
    return;
  ob->last_state = state;
  ob->last_photo = photo;

  if (state == BYLINE_OUTBOX_STATE_UPLOADING && photo > 0)
    fprintf (stderr, _("Uploading photo %u of %u…\n"), photo, n_photos);
}

static void
outbox_free (Outbox *ob)
{
  if (ob->outbox != NULL)
    g_signal_handlers_disconnect_by_data (ob->outbox, ob);
  g_clear_object (&ob->outbox);
  g_clear_object (&ob->network);
  g_clear_object (&ob->sites);
  g_clear_pointer (&ob->articles, g_ptr_array_unref);
  g_clear_pointer (&ob->waiting_for, g_ptr_array_unref);
  g_clear_pointer (&ob->told_elsewhere, g_hash_table_unref);
  g_clear_object (&ob->store);
  g_free (ob);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Outbox, outbox_free)

/* @may_send: FALSE gives the outbox a network that never comes up, so it
 * loads the journals (to list or cancel them) and sends nothing. */
static Outbox *
outbox_open (gboolean   may_send,
             GError   **error)
{
  g_autoptr(Outbox) ob = g_new0 (Outbox, 1);
  g_autoptr(GFile) drafts = NULL;

  ob->articles = g_ptr_array_new_with_free_func (g_object_unref);
  ob->waiting_for = g_ptr_array_new_with_free_func (g_free);
  ob->told_elsewhere = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ob->last_state = BYLINE_OUTBOX_STATE_NONE;
  if ((ob->store = byline_cli_store_open (error)) == NULL)
    return NULL;
  ob->sites = byline_site_list_new (NULL);
  if (!byline_site_list_load (ob->sites, error))
    return NULL;

  ob->network = may_send ? byline_network_new () : byline_network_new_for_testing (FALSE);
  drafts = g_file_get_child (byline_draft_store_get_root (ob->store), "drafts");
  ob->outbox = byline_outbox_new (drafts, ob->sites, ob->network);
  g_signal_connect (ob->outbox, "state-changed", G_CALLBACK (outbox_state_changed_cb), ob);
  g_signal_connect (ob->outbox, "progress", G_CALLBACK (outbox_progress_cb), ob);
  g_signal_connect (ob->outbox, "published", G_CALLBACK (outbox_published_cb), ob);
  return g_steal_pointer (&ob);
}

static BylineCliExit
outbox_close (Outbox        *ob,
              BylineCliExit  status)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < ob->articles->len; i++)
    byline_draft_store_release (ob->store, g_ptr_array_index (ob->articles, i));
  if (!byline_cli_store_close (ob->store, &error))
    return byline_cli_fail (error);
  return status;
}

/* Waiting ----------------------------------------------------------------- */

/* Whether the outbox is done with @id for now: sent, stopped for the user,
 * waiting to retry, or queued with no network to send it on. Waiting for
 * another window or command that sends it is not done: that one ends. */
static gboolean
outbox_is_settled (Outbox     *ob,
                   const char *id)
{
  switch (byline_outbox_get_state (ob->outbox, id))
    {
    case BYLINE_OUTBOX_STATE_WAITING:
      return !byline_outbox_get_sent_elsewhere (ob->outbox, id);
    case BYLINE_OUTBOX_STATE_NONE:
    case BYLINE_OUTBOX_STATE_DONE:
    case BYLINE_OUTBOX_STATE_FAILED:
    case BYLINE_OUTBOX_STATE_CONFLICT:
      return TRUE;
    case BYLINE_OUTBOX_STATE_QUEUED:
      return !byline_network_get_available (ob->network);
    case BYLINE_OUTBOX_STATE_PREPARING_PHOTOS:
    case BYLINE_OUTBOX_STATE_RESERVING:
    case BYLINE_OUTBOX_STATE_UPLOADING:
    case BYLINE_OUTBOX_STATE_WRITING_POST:
    case BYLINE_OUTBOX_STATE_VERIFYING:
    default:
      return FALSE;
    }
}

/* A job announces its last state before it writes its journal and before
 * it gives the article its link; only when the outbox is idle again is
 * everything on disk. */
static void
outbox_check_settled (Outbox *ob)
{
  g_autoptr(GTask) task = NULL;

  if (ob->settled == NULL || byline_outbox_get_busy (ob->outbox))
    return;
  for (guint i = 0; i < ob->waiting_for->len; i++)
    {
      if (!outbox_is_settled (ob, g_ptr_array_index (ob->waiting_for, i)))
        return;
    }

  task = g_steal_pointer (&ob->settled);
  g_clear_handle_id (&ob->poll_id, g_source_remove);
  g_task_return_boolean (task, TRUE);
}

/* The outbox says nothing when a job has written its journal and stepped
 * down; look again now and then. */
static gboolean
outbox_poll_cb (gpointer user_data)
{
  Outbox *ob = user_data;

  outbox_check_settled (ob);
  return G_SOURCE_CONTINUE;
}

static void
outbox_wait_settled (Outbox *ob)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_assert (ob->settled == NULL);

  ob->settled = g_task_new (NULL, NULL, byline_cli_result_cb, &result);
  ob->poll_id = g_timeout_add (SETTLED_POLL_MS, outbox_poll_cb, ob);
  outbox_check_settled (ob);
  g_task_propagate_boolean (G_TASK (byline_cli_run_async_until_done (&result)), NULL);
}

/* JSON ------------------------------------------------------------------- */

static char *
journal_dup_error (const BylineOutboxJournal *journal)
{
  char *message = byline_outbox_journal_dup_message (journal);

  if (message == NULL && journal->error_detail != NULL)
    message = g_strdup (journal->error_detail);
  return message;
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* The name the photo had on the reporter's disk, from the article as it
 * was queued. */
static const char *
photo_original_name (const BylineOutboxJournal *journal,
                     const char                *photo_id)
{
  JsonObject *article;
  JsonArray *photos;

  if (journal->article == NULL || !JSON_NODE_HOLDS_OBJECT (journal->article))
    return NULL;
  article = json_node_get_object (journal->article);
  if ((photos = byline_json_peek_array (article, "photos")) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (photos); i++)
    {
      JsonNode *node = json_array_get_element (photos, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          g_strcmp0 (byline_json_peek_string (json_node_get_object (node), "id"), photo_id) == 0)
        return byline_json_peek_string (json_node_get_object (node), "original_name");
    }
  return NULL;
}

/* One object per photo: its media item as far as it is known. */
static void
add_media (JsonBuilder               *builder,
           const BylineOutboxJournal *journal)
{
  json_builder_set_member_name (builder, "media");
  json_builder_begin_array (builder);
  for (guint i = 0; journal->photos != NULL && i < journal->photos->len; i++)
    {
      const BylineOutboxPhoto *photo = g_ptr_array_index (journal->photos, i);

      json_builder_begin_object (builder);
      if (photo->media_id > 0)
        add_int (builder, "id", photo->media_id);
      byline_json_add_string (builder, "source_url", photo->url);
      byline_json_add_string (builder, "file", photo->file_name);
      byline_json_add_string (builder, "name", photo_original_name (journal, photo->id));
      byline_json_add_string (builder, "photo", photo->id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* What `outbox list --json` lists and `publish --json` prints: the same
 * object, so a script reads both the same way. */
static JsonNode *
journal_to_json (Outbox                    *ob,
                 const BylineOutboxJournal *journal)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  BylineDraftInfo *info = byline_draft_store_lookup (ob->store, journal->article_id);
  g_autofree char *error = journal_dup_error (journal);
  g_autofree char *next = NULL;

  json_builder_begin_object (builder);
  byline_json_add_string (builder, "id", journal->article_id);
  byline_json_add_string (builder, "title",
                          info != NULL ? byline_draft_info_get_title (info) : NULL);
  byline_json_add_string (builder, "site", journal->site_id);
  byline_json_add_string (builder, "state", byline_outbox_state_to_string (journal->state));
  byline_json_add_string (builder, "error", error);
  if (journal->state == BYLINE_OUTBOX_STATE_WAITING && journal->next_attempt != NULL)
    {
      next = g_date_time_format_iso8601 (journal->next_attempt);
      byline_json_add_string (builder, "next_attempt", next);
    }
  if (journal->post_id > 0)
    add_int (builder, "post_id", journal->post_id);
  byline_json_add_string (builder, "link", journal->link);
  byline_json_add_string (builder, "status", journal->remote_status);
  add_media (builder, journal);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* What became of @id: prints the link (stdout) or why not (stderr). With
 * @json, the link goes into it (with the rest of the journal) instead. */
static BylineCliExit
outbox_report (Outbox     *ob,
               const char *id,
               gboolean    with_id,
               JsonArray  *json)
{
  g_autoptr(BylineOutboxJournal) journal = byline_outbox_dup_journal (ob->outbox, id);
  g_autofree char *message = NULL;

  if (journal == NULL)
    return BYLINE_CLI_EXIT_OK;
  if (json != NULL)
    json_array_add_element (json, journal_to_json (ob, journal));

  switch (journal->state)
    {
    case BYLINE_OUTBOX_STATE_DONE:
      if (json == NULL)
        printf ("%s%s%s\n", with_id ? id : "", with_id ? "  " : "",
                journal->link != NULL ? journal->link : "");
      return BYLINE_CLI_EXIT_OK;
    case BYLINE_OUTBOX_STATE_FAILED:
    case BYLINE_OUTBOX_STATE_CONFLICT:
      message = byline_outbox_journal_dup_message (journal);
      return byline_cli_fail_printf ("%s%s%s", with_id ? id : "", with_id ? ": " : "", message);
    case BYLINE_OUTBOX_STATE_WAITING:
      if (journal->error_detail != NULL)
        fprintf (stderr, _("byline-cli: %s: could not send it yet: %s\n"), id,
                 journal->error_detail);
      G_GNUC_FALLTHROUGH;
    case BYLINE_OUTBOX_STATE_NONE:
    case BYLINE_OUTBOX_STATE_QUEUED:
    case BYLINE_OUTBOX_STATE_PREPARING_PHOTOS:
    case BYLINE_OUTBOX_STATE_RESERVING:
    case BYLINE_OUTBOX_STATE_UPLOADING:
    case BYLINE_OUTBOX_STATE_WRITING_POST:
    case BYLINE_OUTBOX_STATE_VERIFYING:
    default:
      return BYLINE_CLI_EXIT_QUEUED;
    }
}

static void
print_queued (void)
{
  fprintf (stderr, "%s\n", _("queued: it will be sent when the network is back (run byline-cli "
                             "outbox run, or keep Byline open)"));
}

/* The worst of two statuses: failed, then queued, then done. */
static BylineCliExit
worst (BylineCliExit a,
       BylineCliExit b)
{
  if (a == BYLINE_CLI_EXIT_FAILED || b == BYLINE_CLI_EXIT_FAILED)
    return BYLINE_CLI_EXIT_FAILED;
  if (a == BYLINE_CLI_EXIT_QUEUED || b == BYLINE_CLI_EXIT_QUEUED)
    return BYLINE_CLI_EXIT_QUEUED;
  return BYLINE_CLI_EXIT_OK;
}

/* publish ----------------------------------------------------------------- */

static char *publish_site;
static char *publish_status;
static char *publish_at;
static gboolean publish_json;

static const GOptionEntry publish_entries[] = {
  { "site", 0, 0, G_OPTION_ARG_STRING, &publish_site, N_("Publish to this site, by name or id (default: the draft’s site, else the default site)"), N_("SITE") },
  { "status", 0, 0, G_OPTION_ARG_STRING, &publish_status, N_("publish (default), draft, pending (for the desk) or future (at the embargo)"), N_("STATUS") },
  { "at", 0, 0, G_OPTION_ARG_STRING, &publish_at, N_("Publish at this time (ISO 8601; without a zone, the site’s time): it becomes the draft’s embargo"), N_("TIME") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &publish_json, N_("Print the outcome as JSON: post_id, link, media"), NULL },
  { NULL }
};

static BylineSite *
pick_site (Outbox         *ob,
           BylineArticle  *article,
           GError        **error)
{
  const char *id = publish_site != NULL ? publish_site : byline_article_get_site (article);
  BylineSite *site;

  if (id != NULL)
    return byline_cli_site_find (ob->sites, id, error);
  if ((site = byline_site_list_get_default (ob->sites)) == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("there is no site to publish to: add one with byline-cli site add"));
  return site;
}

/* The status asked for; FALSE (a usage error) when it is not one. */
static gboolean
parse_status (BylinePublishStatus *status,
              BylineCliExit       *exit_status)
{
  *status = BYLINE_PUBLISH_STATUS_PUBLISH;
  /* WordPress's "future" is a publication with a date to come: the
   * outbox makes it from the embargo. */
  if (publish_status == NULL || strcmp (publish_status, "future") == 0 ||
      byline_publish_status_from_string (publish_status, status))
    return TRUE;

  *exit_status = byline_cli_usage_printf (_("unknown status “%s”: use publish, draft, pending or "
                                            "future"), publish_status);
  return FALSE;
}

/* --at: when the post goes out, kept as the draft's embargo, which the
 * plan turns into WordPress's date_gmt (and "future" for a publication).
 * A time that names no zone is the site's, as on its dashboard. FALSE
 * (after printing why) when it is not a time, has passed, or the draft
 * cannot take it. */
static gboolean
apply_at (Outbox        *ob,
          BylineArticle *article,
          BylineSite    *site,
          BylineCliExit *exit_status)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  if (publish_at == NULL)
    return TRUE;
  tz = byline_publish_site_time_zone (site);
  if ((when = byline_cli_parse_time (publish_at, tz)) == NULL)
    *exit_status = byline_cli_usage_printf (_("--at “%s” is not a time: write it in ISO 8601, "
                                              "as 2026-12-01T08:00 (the site’s time) or "
                                              "2026-12-01T08:00+07:00"), publish_at);
  else if (g_date_time_compare (when, now) <= 0)
    *exit_status = byline_cli_usage_printf (_("--at %s has passed: give a time to come"),
                                            publish_at);
  else if (!byline_cli_draft_check_writable (ob->store, article, &error))
    *exit_status = byline_cli_fail (error);
  else
    {
      byline_article_set_embargo (article, when);
      return TRUE;
    }
  return FALSE;
}

static gboolean
check_future (BylineArticle  *article,
              GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDateTime *embargo = byline_article_get_embargo (article);

  if (g_strcmp0 (publish_status, "future") != 0 ||
      (embargo != NULL && g_date_time_compare (embargo, now) > 0))
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("--status future needs an embargo in the future: set it with byline-cli draft "
                 "set %s embargo “YYYY-MM-DD HH:MM”"), byline_article_get_id (article));
  return FALSE;
}

static BylineSiteTerms *
load_terms (BylineSite *site)
{
  g_autoptr(GAsyncResult) result = NULL;

  byline_site_terms_load_async (site, NULL, byline_cli_result_cb, &result);
  return byline_site_terms_load_finish (byline_cli_run_async_until_done (&result), NULL);
}

/* Warnings on stderr; FALSE (after printing them) when something blocks. */
static gboolean
preflight (Outbox        *ob,
           BylineArticle *article,
           BylineSite    *site)
{
  g_autoptr(BylineSiteTerms) terms = load_terms (site);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) problems = NULL;
  gboolean read_only = byline_draft_store_is_read_only (ob->store, article);

  problems = byline_publish_check (article, site, terms, read_only, now);
  for (guint i = 0; i < problems->len; i++)
    {
      const BylinePublishProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity == BYLINE_PUBLISH_SEVERITY_BLOCKING)
        fprintf (stderr, _("byline-cli: cannot publish: %s\n"), problem->message);
      else
        fprintf (stderr, _("byline-cli: warning: %s\n"), problem->message);
    }
  return !byline_publish_problems_block (problems);
}

static gboolean
queue (Outbox               *ob,
       BylineArticle        *article,
       BylineSite           *site,
       BylinePublishStatus   status,
       GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  byline_outbox_queue_async (ob->outbox, article, site, status,
                             byline_draft_store_is_read_only (ob->store, article),
                             NULL, byline_cli_result_cb, &result);
  return byline_outbox_queue_finish (ob->outbox, byline_cli_run_async_until_done (&result), error);
}

static BylineCliExit
publish (int    argc,
         char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(Outbox) ob = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) json = NULL;
  BylinePublishStatus status;
  BylineSite *site;
  BylineCliExit exit_status;

  context = byline_cli_option_context_new (_("ID"),
                                           _("Checks a draft, puts it in the outbox and, when the "
                                             "network is there, sends it and prints the post’s "
                                             "address. Warnings go to standard error; problems "
                                             "that block publishing fail with exit status 1. "
                                             "Offline, or when the site cannot be reached, the "
                                             "draft stays queued (exit status 3). With --json, "
                                             "standard output is one JSON object: post_id, link, "
                                             "media, state."),
                                           publish_entries);
  if (!byline_cli_parse (context, &argc, &argv, 1, 1, &exit_status) ||
      !parse_status (&status, &exit_status))
    return exit_status;
  if (publish_json)
    json = json_array_new ();
  if ((ob = outbox_open (TRUE, &error)) == NULL)
    return byline_cli_fail (error);
  if ((article = byline_cli_draft_open (ob->store, argv[1], &error)) == NULL)
    return outbox_close (ob, byline_cli_fail (error));
  g_ptr_array_add (ob->articles, g_object_ref (article));

  if ((site = pick_site (ob, article, &error)) == NULL)
    return outbox_close (ob, byline_cli_fail (error));
  if (!apply_at (ob, article, site, &exit_status))
    return outbox_close (ob, exit_status);
  if (!check_future (article, &error))
    return outbox_close (ob, byline_cli_fail (error));
  if (!preflight (ob, article, site))
    return outbox_close (ob, BYLINE_CLI_EXIT_FAILED);
  if (g_strcmp0 (byline_article_get_site (article), byline_site_get_id (site)) != 0 &&
      !byline_draft_store_is_read_only (ob->store, article))
    byline_article_set_site (article, byline_site_get_id (site));

  if (!queue (ob, article, site, status, &error))
    return outbox_close (ob, byline_cli_fail (error));

  g_ptr_array_add (ob->waiting_for, g_strdup (byline_article_get_id (article)));
  outbox_wait_settled (ob);
  exit_status = outbox_report (ob, byline_article_get_id (article), FALSE, json);
  if (json != NULL && json_array_get_length (json) > 0)
    byline_cli_print_json (json_array_get_element (json, 0));
  if (exit_status == BYLINE_CLI_EXIT_QUEUED)
    print_queued ();
  return outbox_close (ob, exit_status);
}

/* outbox list ------------------------------------------------------------- */

static gboolean list_json;

static const GOptionEntry list_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &list_json, N_("Print a JSON array"), NULL },
  { NULL }
};

static gboolean
outbox_resume (Outbox  *ob,
               GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) local_error = NULL;

  byline_outbox_resume_async (ob->outbox, NULL, byline_cli_result_cb, &result);
  byline_outbox_resume_finish (ob->outbox, byline_cli_run_async_until_done (&result),
                               &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* The journals the outbox took up, in the library's order. */
static GPtrArray *
outbox_dup_journals (Outbox *ob)
{
  GListModel *library = byline_draft_store_get_library (ob->store, BYLINE_LIBRARY_VIEW_ALL);
  GPtrArray *journals = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_outbox_journal_free);

  for (guint i = 0; i < g_list_model_get_n_items (library); i++)
    {
      g_autoptr(BylineDraftInfo) info = g_list_model_get_item (library, i);
      BylineOutboxJournal *journal;

      journal = byline_outbox_dup_journal (ob->outbox, byline_draft_info_get_id (info));
      if (journal != NULL)
        g_ptr_array_add (journals, journal);
    }
  return journals;
}

static void
journal_print (Outbox                    *ob,
               const BylineOutboxJournal *journal)
{
  BylineDraftInfo *info = byline_draft_store_lookup (ob->store, journal->article_id);
  const char *title = info != NULL ? byline_draft_info_get_title (info) : NULL;
  g_autofree char *error = journal_dup_error (journal);
  g_autofree char *next = NULL;

  printf ("%s  %-16s  %s\n", journal->article_id, byline_outbox_state_to_string (journal->state),
          title != NULL ? title : _("(untitled)"));
  if (error != NULL)
    printf (_("    last error: %s\n"), error);
  if (journal->state == BYLINE_OUTBOX_STATE_WAITING &&
      (next = byline_cli_format_time (journal->next_attempt)) != NULL)
    printf (_("    next attempt: %s\n"), next);
}

static BylineCliExit
outbox_list (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(Outbox) ob = NULL;
  g_autoptr(GPtrArray) journals = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(GError) error = NULL;
  BylineCliExit status;

  context = byline_cli_option_context_new (NULL, _("Lists the articles waiting to be sent, or "
                                                   "stopped: id, state, title, the last error "
                                                   "and when it is tried again."),
                                           list_entries);
  if (!byline_cli_parse (context, &argc, &argv, 0, 0, &status))
    return status;
  if ((ob = outbox_open (FALSE, &error)) == NULL)
    return byline_cli_fail (error);
  if (!outbox_resume (ob, &error))
    return outbox_close (ob, byline_cli_fail (error));

  journals = outbox_dup_journals (ob);
  for (guint i = 0; i < journals->len; i++)
    {
      if (list_json)
        json_array_add_element (array, journal_to_json (ob, g_ptr_array_index (journals, i)));
      else
        journal_print (ob, g_ptr_array_index (journals, i));
    }
  if (list_json)
    byline_cli_print_json_array (g_steal_pointer (&array));
  return outbox_close (ob, BYLINE_CLI_EXIT_OK);
}

/* outbox run -------------------------------------------------------------- */

/* The outbox gives a published article its post id and link: hand it the
 * store's copy, which is saved. */
static void
outbox_attach (Outbox     *ob,
               const char *id)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  if ((article = byline_cli_draft_open (ob->store, id, &error)) == NULL)
    {
      g_debug ("Outbox article %s not attached: %s", id, error->message);
      return;
    }
  byline_outbox_attach_article (ob->outbox, article);
  g_ptr_array_add (ob->articles, g_steal_pointer (&article));
}

static BylineCliExit
outbox_run (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(Outbox) ob = NULL;
  g_autoptr(GPtrArray) journals = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) json = NULL;
  BylineCliExit status = BYLINE_CLI_EXIT_OK;

  context = byline_cli_option_context_new (NULL, _("Sends every article of the outbox that can "
                                                   "go now, including those waiting to retry, "
                                                   "and prints “ID  LINK” for each one "
                                                   "published (with --json, a JSON array of what "
                                                   "became of each)."),
                                           list_entries);
  if (!byline_cli_parse (context, &argc, &argv, 0, 0, &status))
    return status;
  if ((ob = outbox_open (TRUE, &error)) == NULL)
    return byline_cli_fail (error);
  if (!outbox_resume (ob, &error))
    return outbox_close (ob, byline_cli_fail (error));
  if (list_json)
    json = json_array_new ();

  journals = outbox_dup_journals (ob);
  for (guint i = 0; i < journals->len; i++)
    {
      const BylineOutboxJournal *journal = g_ptr_array_index (journals, i);

      outbox_attach (ob, journal->article_id);
      g_ptr_array_add (ob->waiting_for, g_strdup (journal->article_id));
      /* The user asked for it now: no need to wait for the backoff. */
      if (journal->state == BYLINE_OUTBOX_STATE_WAITING)
        byline_outbox_retry (ob->outbox, journal->article_id, NULL);
    }

  outbox_wait_settled (ob);
  for (guint i = 0; i < ob->waiting_for->len; i++)
    status = worst (status, outbox_report (ob, g_ptr_array_index (ob->waiting_for, i), TRUE,
                                           json));
  if (json != NULL)
    byline_cli_print_json_array (g_steal_pointer (&json));
  if (status == BYLINE_CLI_EXIT_QUEUED)
    print_queued ();
  return outbox_close (ob, status);
}

/* outbox cancel ----------------------------------------------------------- */

static BylineCliExit
outbox_cancel (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(Outbox) ob = NULL;
  g_autoptr(GError) error = NULL;
  BylineCliExit status;

  context = byline_cli_option_context_new (_("ID"),
                                           _("Takes an article out of the outbox. What already "
                                             "reached the site stays there."),
                                           NULL);
  if (!byline_cli_parse (context, &argc, &argv, 1, 1, &status))
    return status;
  if ((ob = outbox_open (FALSE, &error)) == NULL)
    return byline_cli_fail (error);
  if (!outbox_resume (ob, &error))
    return outbox_close (ob, byline_cli_fail (error));

  if (byline_outbox_get_state (ob->outbox, argv[1]) == BYLINE_OUTBOX_STATE_NONE)
    return outbox_close (ob, byline_cli_fail_printf (_("“%s” is not in the outbox"), argv[1]));
  if (!byline_outbox_cancel (ob->outbox, argv[1], &error))
    return outbox_close (ob, byline_cli_fail (error));
  return outbox_close (ob, BYLINE_CLI_EXIT_OK);
}

static const BylineCliSubcommand outbox_commands[] = {
  { "list", N_("List the articles waiting to be sent"), outbox_list },
  { "run", N_("Send what is waiting"), outbox_run },
  { "cancel", N_("Take an article out of the outbox"), outbox_cancel },
};

BylineCliExit
byline_cli_outbox_run (int    argc,
                       char **argv)
{
  /* Bare `outbox` (or `outbox --json`) lists, as `outbox list` does. */
  if (argc < 2 ||
      (argv[1][0] == '-' && strcmp (argv[1], "--help") != 0 && strcmp (argv[1], "-h") != 0))
    {
      g_set_prgname ("byline-cli outbox");
      return outbox_list (argc, argv);
    }
  return byline_cli_dispatch ("outbox", outbox_commands, G_N_ELEMENTS (outbox_commands),
                              argc, argv);
}

BylineCliExit
byline_cli_publish_run (int    argc,
                        char **argv)
{
  /* A command of its own, without subcommands. */
  if (argc >= 1)
    g_set_prgname ("byline-cli publish");
  return publish (argc, argv);
}
