/* byline-outbox-journal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-json-util.h"
#include "byline-outbox-journal.h"

G_DEFINE_QUARK (byline-outbox-journal-error-quark, byline_outbox_journal_error)

/* States ------------------------------------------------------------------ */

/* A GEnum for property bindings and GtkExpressions in the GUI; the nicks
 * are the journal's names. */
G_DEFINE_ENUM_TYPE (BylineOutboxState, byline_outbox_state,
  G_DEFINE_ENUM_VALUE (BYLINE_OUTBOX_STATE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (BYLINE_OUTBOX_STATE_QUEUED, "queued"),
  G_DEFINE_ENUM_VALUE (BYLINE_OUTBOX_STATE_PREPARING_PHOTOS, "preparing-photos"),
  G_DEFINE_ENUM_VALUE (BYLINE_OUTBOX_STATE_RESERVING, "reserving"),
  G_DEFINE_ENUM_VALUE (BYLINE_OUTBOX_STATE_UPLOADING, "uploading"),
  G_DEFINE_ENUM_VALUE (BYLINE_OUTBOX_STATE_WRITING_POST, "writing-post"),
  G_DEFINE_ENUM_VALUE (BYLINE_OUTBOX_STATE_VERIFYING, "verifying"),
  G_DEFINE_ENUM_VALUE (BYLINE_OUTBOX_STATE_DONE, "done"),
  G_DEFINE_ENUM_VALUE (BYLINE_OUTBOX_STATE_WAITING, "waiting"),
  G_DEFINE_ENUM_VALUE (BYLINE_OUTBOX_STATE_FAILED, "failed"),
  G_DEFINE_ENUM_VALUE (BYLINE_OUTBOX_STATE_CONFLICT, "conflict"))

static GEnumClass *
state_class (void)
{
  static GEnumClass *klass;

  if (g_once_init_enter (&klass))
    g_once_init_leave (&klass, g_type_class_ref (BYLINE_TYPE_OUTBOX_STATE));
  return klass;
}

const char *
byline_outbox_state_to_string (BylineOutboxState state)
{
  GEnumValue *value = g_enum_get_value (state_class (), state);

  g_return_val_if_fail (value != NULL, NULL);

  return value->value_nick;
}

/* Unknown names give NONE: the caller treats the journal as invalid. */
BylineOutboxState
byline_outbox_state_from_string (const char *string)
{
  GEnumValue *value = string != NULL ? g_enum_get_value_by_nick (state_class (), string) : NULL;

  return value != NULL ? value->value : BYLINE_OUTBOX_STATE_NONE;
}

/* Values ------------------------------------------------------------------ */

static void
photo_free (BylineOutboxPhoto *photo)
{
  g_free (photo->id);
  g_free (photo->file_name);
  g_free (photo->url);
  g_free (photo);
}

BylineOutboxJournal *
byline_outbox_journal_new (const char *article_id,
                           const char *site_id)
{
  BylineOutboxJournal *journal = g_new0 (BylineOutboxJournal, 1);

  journal->article_id = g_strdup (article_id);
  journal->site_id = g_strdup (site_id);
  journal->state = BYLINE_OUTBOX_STATE_QUEUED;
  journal->resume_state = BYLINE_OUTBOX_STATE_QUEUED;
  journal->queued = g_date_time_new_now_utc ();
  journal->photos = g_ptr_array_new_with_free_func ((GDestroyNotify) photo_free);
  return journal;
}

BylineOutboxJournal *
byline_outbox_journal_copy (const BylineOutboxJournal *journal)
{
  g_autoptr(GBytes) bytes = byline_outbox_journal_to_bytes (journal);

  /* One code path for every field: what survives the disk survives a copy. */
  return byline_outbox_journal_new_from_bytes (bytes, NULL);
}

void
byline_outbox_journal_free (BylineOutboxJournal *journal)
{
  if (journal == NULL)
    return;

  g_free (journal->article_id);
  g_free (journal->site_id);
  g_clear_pointer (&journal->queued, g_date_time_unref);
  g_clear_pointer (&journal->plan, byline_publish_plan_free);
  g_clear_pointer (&journal->article, json_node_unref);
  g_free (journal->known_modified);
  g_free (journal->known_digest);
  g_free (journal->remote_modified);
  g_clear_pointer (&journal->photos, g_ptr_array_unref);
  g_clear_pointer (&journal->next_attempt, g_date_time_unref);
  g_free (journal->error_code);
  g_free (journal->error_detail);
  g_free (journal->link);
  g_free (journal->remote_status);
  g_free (journal);
}

G_DEFINE_BOXED_TYPE (BylineOutboxJournal, byline_outbox_journal,
                     byline_outbox_journal_copy, byline_outbox_journal_free)

/* Like strchr(), a const journal gives a photo the caller may change if
 * it owns the journal. */
BylineOutboxPhoto *
byline_outbox_journal_find_photo (const BylineOutboxJournal *journal,
                                  const char                *photo_id)
{
  g_return_val_if_fail (journal != NULL, NULL);

  for (guint i = 0; i < journal->photos->len; i++)
    {
      BylineOutboxPhoto *photo = g_ptr_array_index (journal->photos, i);
      if (g_strcmp0 (photo->id, photo_id) == 0)
        return photo;
    }
  return NULL;
}

guint
byline_outbox_journal_count_uploaded (const BylineOutboxJournal *journal)
{
  guint n = 0;

  g_return_val_if_fail (journal != NULL, 0);

  for (guint i = 0; i < journal->photos->len; i++)
    if (((BylineOutboxPhoto *) g_ptr_array_index (journal->photos, i))->media_id > 0)
      n++;
  return n;
}

/* To JSON ----------------------------------------------------------------- */

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_bool (JsonBuilder *builder,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

static void
add_time (JsonBuilder *builder,
          const char  *name,
          GDateTime   *value)
{
  g_autofree char *text = value != NULL ? g_date_time_format_iso8601 (value) : NULL;

  byline_json_add_nullable_string (builder, name, text);
}

static void
add_node (JsonBuilder *builder,
          const char  *name,
          JsonNode    *node)
{
  if (node == NULL)
    return;
  json_builder_set_member_name (builder, name);
  /* add_value takes ownership: the journal keeps its own. */
  json_builder_add_value (builder, json_node_copy (node));
}

static void
add_photos (JsonBuilder               *builder,
            const BylineOutboxJournal *journal)
{
  json_builder_set_member_name (builder, "photos");
  json_builder_begin_array (builder);
  for (guint i = 0; i < journal->photos->len; i++)
    {
      BylineOutboxPhoto *photo = g_ptr_array_index (journal->photos, i);

      json_builder_begin_object (builder);
      byline_json_add_nullable_string (builder, "id", photo->id);
      byline_json_add_nullable_string (builder, "file_name", photo->file_name);
      add_int (builder, "media_id", photo->media_id);
      byline_json_add_nullable_string (builder, "url", photo->url);
      add_bool (builder, "attempted", photo->attempted);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

GBytes *
byline_outbox_journal_to_bytes (const BylineOutboxJournal *journal)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  gsize length;
  char *data;

  g_return_val_if_fail (journal != NULL, NULL);

  json_builder_begin_object (builder);
  add_int (builder, "version", BYLINE_OUTBOX_JOURNAL_VERSION);
  byline_json_add_nullable_string (builder, "article", journal->article_id);
  byline_json_add_nullable_string (builder, "site", journal->site_id);
  byline_json_add_nullable_string (builder, "state", byline_outbox_state_to_string (journal->state));
  byline_json_add_nullable_string (builder, "resume_state",
                                   byline_outbox_state_to_string (journal->resume_state));
  add_time (builder, "queued", journal->queued);
  add_int (builder, "post_id", journal->post_id);
  add_bool (builder, "update", journal->update);
  add_bool (builder, "overwrite", journal->overwrite);
  add_bool (builder, "write_attempted", journal->write_attempted);
  byline_json_add_nullable_string (builder, "known_modified", journal->known_modified);
  byline_json_add_nullable_string (builder, "known_digest", journal->known_digest);
  byline_json_add_nullable_string (builder, "remote_modified", journal->remote_modified);
  add_photos (builder, journal);
  add_int (builder, "attempts", journal->attempts);
  add_time (builder, "next_attempt", journal->next_attempt);
  byline_json_add_nullable_string (builder, "error_code", journal->error_code);
  byline_json_add_nullable_string (builder, "error_detail", journal->error_detail);
  byline_json_add_nullable_string (builder, "link", journal->link);
  byline_json_add_nullable_string (builder, "remote_status", journal->remote_status);
  if (journal->plan != NULL)
    {
      g_autoptr(JsonNode) plan = byline_publish_plan_to_json (journal->plan);
      add_node (builder, "plan", plan);
    }
  add_node (builder, "snapshot", journal->article);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);
  data = g_realloc (data, length + 2);
  data[length++] = '\n';
  data[length] = '\0';
  return g_bytes_new_take (data, length);
}

/* From JSON --------------------------------------------------------------- */

static GDateTime *
dup_time (JsonObject *object,
          const char *name)
{
  g_autofree char *text = byline_json_dup_string (object, name);

  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

static gboolean
get_bool (JsonObject *object,
          const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (node);
}

static gboolean
read_photos (BylineOutboxJournal *journal,
             JsonObject          *object)
{
  JsonArray *array = byline_json_peek_array (object, "photos");

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *item;
      BylineOutboxPhoto *photo;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return FALSE;
      item = json_node_get_object (element);
      photo = g_new0 (BylineOutboxPhoto, 1);
      photo->id = byline_json_dup_string (item, "id");
      photo->file_name = byline_json_dup_string (item, "file_name");
      photo->media_id = byline_json_peek_int (item, "media_id", 0);
      photo->url = byline_json_dup_string (item, "url");
      photo->attempted = get_bool (item, "attempted");
      g_ptr_array_add (journal->photos, photo);
      if (photo->id == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_plan (BylineOutboxJournal *journal,
           JsonObject          *object)
{
  JsonNode *plan = json_object_get_member (object, "plan");
  JsonNode *snapshot = json_object_get_member (object, "snapshot");

  if (plan == NULL || snapshot == NULL || !JSON_NODE_HOLDS_OBJECT (snapshot))
    return FALSE;

  journal->plan = byline_publish_plan_new_from_json (plan);
  journal->article = json_node_copy (snapshot);
  return journal->plan != NULL;
}

static void
read_fields (BylineOutboxJournal *journal,
             JsonObject          *object)
{
  g_autofree char *state = byline_json_dup_string (object, "state");
  g_autofree char *resume_state = byline_json_dup_string (object, "resume_state");

  journal->state = byline_outbox_state_from_string (state);
  journal->resume_state = byline_outbox_state_from_string (resume_state);
  g_clear_pointer (&journal->queued, g_date_time_unref);
  journal->queued = dup_time (object, "queued");
  journal->post_id = byline_json_peek_int (object, "post_id", 0);
  journal->update = get_bool (object, "update");
  journal->overwrite = get_bool (object, "overwrite");
  journal->write_attempted = get_bool (object, "write_attempted");
  journal->known_modified = byline_json_dup_string (object, "known_modified");
  journal->known_digest = byline_json_dup_string (object, "known_digest");
  journal->remote_modified = byline_json_dup_string (object, "remote_modified");
  journal->attempts = byline_json_peek_int (object, "attempts", 0);
  journal->next_attempt = dup_time (object, "next_attempt");
  journal->error_code = byline_json_dup_string (object, "error_code");
  journal->error_detail = byline_json_dup_string (object, "error_detail");
  journal->link = byline_json_dup_string (object, "link");
  journal->remote_status = byline_json_dup_string (object, "remote_status");
}

static gboolean
set_invalid (GError     **error,
             const char  *why)
{
  g_set_error (error, BYLINE_OUTBOX_JOURNAL_ERROR, BYLINE_OUTBOX_JOURNAL_ERROR_INVALID,
               "Not an outbox journal: %s", why);
  return FALSE;
}

static JsonObject *
parse_object (GBytes  *bytes,
              GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      set_invalid (error, "not a JSON object");
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

/**
 * byline_outbox_journal_new_from_bytes:
 *
 * Returns: (transfer full) (nullable): the journal, or %NULL with
 *   %BYLINE_OUTBOX_JOURNAL_ERROR_NEWER_VERSION for a journal a newer Byline
 *   wrote (leave it alone), or another error
 */
BylineOutboxJournal *
byline_outbox_journal_new_from_bytes (GBytes  *bytes,
                                      GError **error)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(BylineOutboxJournal) journal = NULL;
  g_autofree char *article_id = NULL;
  g_autofree char *site_id = NULL;
  gint64 version;

  g_return_val_if_fail (bytes != NULL, NULL);

  if ((object = parse_object (bytes, error)) == NULL)
    return NULL;

  version = byline_json_peek_int (object, "version", 0);
  if (version > BYLINE_OUTBOX_JOURNAL_VERSION)
    {
      g_set_error (error, BYLINE_OUTBOX_JOURNAL_ERROR, BYLINE_OUTBOX_JOURNAL_ERROR_NEWER_VERSION,
                   "The outbox journal has version %" G_GINT64_FORMAT ", newer than this Byline's",
                   version);
      return NULL;
    }
  article_id = byline_json_dup_string (object, "article");
  site_id = byline_json_dup_string (object, "site");
  if (version < 1 || article_id == NULL || site_id == NULL)
    return (set_invalid (error, "no version, article or site"), NULL);

  journal = byline_outbox_journal_new (article_id, site_id);
  read_fields (journal, object);
  if (journal->state == BYLINE_OUTBOX_STATE_NONE || journal->queued == NULL)
    return (set_invalid (error, "unknown state"), NULL);
  if (!read_photos (journal, object) || !read_plan (journal, object))
    return (set_invalid (error, "bad photos, plan or snapshot"), NULL);

  return g_steal_pointer (&journal);
}

/* Files ------------------------------------------------------------------- */

static char *
journal_path (GFile *bundle_dir)
{
  g_autofree char *dir = g_file_get_path (bundle_dir);

  return g_build_filename (dir, BYLINE_OUTBOX_JOURNAL_NAME, NULL);
}

gboolean
byline_outbox_journal_write (GFile   *bundle_dir,
                             GBytes  *bytes,
                             GError **error)
{
  g_autofree char *path = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (bundle_dir), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  path = journal_path (bundle_dir);
  data = g_bytes_get_data (bytes, &length);
  return g_file_set_contents_full (path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

BylineOutboxJournal *
byline_outbox_journal_read (GFile   *bundle_dir,
                            GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (bundle_dir), NULL);

  path = journal_path (bundle_dir);
  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  return byline_outbox_journal_new_from_bytes (bytes, error);
}

gboolean
byline_outbox_journal_remove (GFile   *bundle_dir,
                              GError **error)
{
  g_autofree char *path = NULL;
  int saved_errno;

  g_return_val_if_fail (G_IS_FILE (bundle_dir), FALSE);

  path = journal_path (bundle_dir);
  if (g_unlink (path) == 0)
    return TRUE;

  saved_errno = errno;
  if (saved_errno == ENOENT)
    return TRUE;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: a path, then the system's reason. */
               _("Could not remove %s: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/* For the user ------------------------------------------------------------- */

static char *
failure_message (const char *code,
                 const char *detail)
{
  if (g_strcmp0 (code, "auth") == 0)
    return g_strdup (_("The site refused the password: sign in again in Preferences → Sites."));
  if (g_strcmp0 (code, "password") == 0)
    return g_strdup (_("There is no password for this site in the keyring: sign in again in "
                       "Preferences → Sites."));
  if (g_strcmp0 (code, "forbidden") == 0)
    return g_strdup (_("The site does not allow your account to do this: ask the site's "
                       "administrator for the right role."));
  if (g_strcmp0 (code, "not-found") == 0)
    return g_strdup (_("The post is gone from the site: cancel, then publish again as a new "
                       "post."));
  if (g_strcmp0 (code, "tls") == 0)
    return g_strdup (_("The site's security certificate could not be verified: check the site's "
                       "address and certificate in Preferences → Sites."));
  if (g_strcmp0 (code, "validation") == 0)
    return g_strdup_printf (_("The site did not accept the article (%s): correct it, then try "
                              "again."), detail);
  if (g_strcmp0 (code, "photo") == 0)
    return g_strdup_printf (_("A photo could not be prepared for upload (%s): check that its "
                              "file is in the draft, then try again."), detail);
  if (g_strcmp0 (code, "verify") == 0)
    return g_strdup_printf (_("The site did not keep everything Byline sent (%s): check the "
                              "post on the site."), detail);
  return g_strdup_printf (_("Publishing failed (%s): try again later."), detail);
}

/* WordPress's modified_gmt ("2023-02-16T07:53:49", UTC) as the reporter
 * reads a time: local, in the interface's format; "?" when unknown. */
static char *
site_time (const char *modified_gmt)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (modified_gmt != NULL)
    when = g_date_time_new_from_iso8601 (modified_gmt, utc);
  if (when == NULL)
    return g_strdup (modified_gmt != NULL ? modified_gmt : "?");
  local = g_date_time_to_local (when);
  /* Translators: when the post was changed, a g_date_time_format() format;
   * the seconds tell two changes of the same minute apart. */
  return g_date_time_format (local, C_("site time", "%Y-%m-%d %H:%M:%S"));
}

char *
byline_outbox_journal_dup_message (const BylineOutboxJournal *journal)
{
  g_return_val_if_fail (journal != NULL, NULL);

  if (journal->state == BYLINE_OUTBOX_STATE_CONFLICT)
    {
      g_autofree char *remote = site_time (journal->remote_modified);
      g_autofree char *known = site_time (journal->known_modified);

      return g_strdup_printf (_("The post was changed on the site (at %s) after Byline last "
                                "sent it (at %s): overwrite the site's version, or cancel."),
                              remote, known);
    }
  if (journal->state == BYLINE_OUTBOX_STATE_FAILED)
    return failure_message (journal->error_code,
                            journal->error_detail ? journal->error_detail : "?");
  return NULL;
}

static void
give_remote (const BylineOutboxJournal *journal,
             BylineArticle             *article)
{
  for (guint i = 0; i < journal->photos->len; i++)
    {
      BylineOutboxPhoto *entry = g_ptr_array_index (journal->photos, i);
      BylinePhoto *photo = byline_article_find_photo (article, entry->id);

      if (photo != NULL && entry->media_id > 0)
        {
          byline_photo_set_media_id (photo, entry->media_id);
          byline_photo_set_media_url (photo, entry->url);
        }
    }
  byline_article_set_remote (article, journal->site_id, journal->post_id, journal->link,
                             journal->known_modified, journal->known_digest,
                             journal->remote_status);
}

gboolean
byline_outbox_journal_apply_remote (const BylineOutboxJournal *journal,
                                    BylineArticle             *article)
{
  g_return_val_if_fail (journal != NULL, FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);

  if (journal->state != BYLINE_OUTBOX_STATE_DONE ||
      g_strcmp0 (journal->article_id, byline_article_get_id (article)) != 0)
    return FALSE;
  give_remote (journal, article);
  return TRUE;
}

/* A post the site already holds Byline's text in (the write went out, a
 * later step failed) stays the article's when its publication is
 * cancelled: publishing again updates it, with the media items it has.
 * The journal that knew it goes, and the reserved slug it could be found
 * by is gone since the write. */
gboolean
byline_outbox_journal_hand_over_post (const BylineOutboxJournal *journal,
                                      BylineArticle             *article)
{
  g_return_val_if_fail (journal != NULL, FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);

  if (journal->post_id <= 0 || !journal->write_attempted ||
      g_strcmp0 (journal->article_id, byline_article_get_id (article)) != 0 ||
      byline_article_get_remote_post_id (article) == journal->post_id)
    return FALSE;
  give_remote (journal, article);
  return TRUE;
}

static void
inherit_photos (BylineOutboxJournal       *journal,
                const BylineOutboxJournal *previous)
{
  for (guint i = 0; i < journal->photos->len; i++)
    {
      BylineOutboxPhoto *entry = g_ptr_array_index (journal->photos, i);
      BylineOutboxPhoto *before;

      if (entry->media_id > 0 ||
          (before = byline_outbox_journal_find_photo (previous, entry->id)) == NULL ||
          before->media_id <= 0)
        continue;
      entry->media_id = before->media_id;
      g_free (entry->url);
      entry->url = g_strdup (before->url);
    }
}

/* The journal on disk always knows the article's post at least as well as
 * the article it is made from: a window's copy may predate a publication by
 * byline-cli, and a publication stopped half-way (failed, or cancelled by
 * queueing again) has a post the article never heard of. Made afresh, the
 * new journal would reserve a second post: a post id is never given up. */
gboolean
byline_outbox_journal_inherit (BylineOutboxJournal       *journal,
                               const BylineOutboxJournal *previous)
{
  g_return_val_if_fail (journal != NULL, FALSE);

  if (previous == NULL || previous->post_id <= 0 ||
      g_strcmp0 (previous->article_id, journal->article_id) != 0 ||
      g_strcmp0 (previous->site_id, journal->site_id) != 0)
    return FALSE;

  journal->post_id = previous->post_id;
  journal->update = journal->update || previous->update || previous->state == BYLINE_OUTBOX_STATE_DONE;
  if (previous->known_modified != NULL)
    {
      g_free (journal->known_modified);
      journal->known_modified = g_strdup (previous->known_modified);
      g_free (journal->known_digest);
      journal->known_digest = g_strdup (previous->known_digest);
    }
  if (previous->link != NULL)
    {
      g_free (journal->link);
      journal->link = g_strdup (previous->link);
    }
  inherit_photos (journal, previous);
  return TRUE;
}

gboolean
byline_outbox_journal_is_locked_out (const BylineOutboxJournal *journal)
{
  g_return_val_if_fail (journal != NULL, FALSE);

  return g_strcmp0 (journal->error_code, BYLINE_OUTBOX_ERROR_CODE_LOCKED) == 0;
}
