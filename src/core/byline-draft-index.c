/* byline-draft-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout under the store's root:
 *
 *   drafts/<uuid>/article.json   the article (+ photos/, outbox.json… of others)
 *   drafts/<uuid>/state          draft / queued / published, set by the outbox
 *   trash/<uuid>/trashed         when the bundle went to the trash (ISO 8601)
 *   index.gvariant               the headers of every bundle, to list fast
 *   session.json                 the open drafts and a clean-shutdown flag
 *
 * The index is a cache, never the truth: an entry is trusted only while the
 * article.json it describes has the same mtime and size, and a missing or
 * corrupt index is rebuilt from the bundles (byline-draft-index-file.c).
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-draft-index.h"
#include "byline-file-writer.h"
#include "byline-json-util.h"

#define SESSION_VERSION 1

BylineDraftEntry *
byline_draft_entry_new (const char *id)
{
  BylineDraftEntry *entry = g_new0 (BylineDraftEntry, 1);

  entry->id = g_strdup (id);
  entry->title = g_strdup ("");
  entry->lead = g_strdup ("");
  entry->state = g_strdup (BYLINE_DRAFT_STATE_DRAFT);
  return entry;
}

BylineDraftEntry *
byline_draft_entry_copy (const BylineDraftEntry *entry)
{
  BylineDraftEntry *copy = g_memdup2 (entry, sizeof *entry);

  copy->id = g_strdup (entry->id);
  copy->title = g_strdup (entry->title);
  copy->lead = g_strdup (entry->lead);
  copy->state = g_strdup (entry->state);
  return copy;
}

void
byline_draft_entry_free (BylineDraftEntry *entry)
{
  /* A scan's slot whose entry went to a library row. */
  if (entry == NULL)
    return;

  g_free (entry->id);
  g_free (entry->title);
  g_free (entry->lead);
  g_free (entry->state);
  g_free (entry);
}

gboolean
byline_draft_entry_equal (const BylineDraftEntry *a,
                          const BylineDraftEntry *b)
{
  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->lead, b->lead) == 0 &&
         g_strcmp0 (a->state, b->state) == 0 &&
         a->modified == b->modified &&
         a->words == b->words &&
         a->read_only == b->read_only &&
         a->trashed == b->trashed &&
         a->mtime == b->mtime &&
         a->size == b->size;
}

static gint64
date_time_to_usec (GDateTime *dt)
{
  if (dt == NULL)
    return 0;

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

static char *
make_excerpt (const char *text)
{
  g_autofree char *cut = NULL;

  if (g_utf8_strlen (text, -1) > BYLINE_DRAFT_EXCERPT_CHARS)
    cut = g_utf8_substring (text, 0, BYLINE_DRAFT_EXCERPT_CHARS);
  else
    cut = g_strdup (text);

  /* One line in the library list. */
  return g_strdelimit (g_steal_pointer (&cut), "\n\r\t", ' ');
}

void
byline_draft_entry_set_from_article (BylineDraftEntry *entry,
                                     BylineArticle    *article,
                                     gboolean          read_only)
{
  const char *title = byline_article_get_title (article);
  const char *lead = byline_article_get_lead (article);
  g_autofree char *body = NULL;

  if (lead == NULL || lead[0] == '\0')
    lead = body = byline_article_dup_body_text (article);

  g_free (entry->title);
  entry->title = g_strdup (title ? title : "");
  g_free (entry->lead);
  entry->lead = make_excerpt (lead ? lead : "");
  entry->modified = date_time_to_usec (byline_article_get_modified (article));
  entry->words = byline_article_count_words (article);
  entry->read_only = read_only;
}

/* The part of a row that comes from the article (title, excerpt, date,
 * words, read-only), computed elsewhere (the store's save worker); the
 * rest of @entry (state, trash date, file) stays. */
void
byline_draft_entry_set_summary (BylineDraftEntry       *entry,
                                const BylineDraftEntry *summary)
{
  g_free (entry->title);
  entry->title = g_strdup (summary->title);
  g_free (entry->lead);
  entry->lead = g_strdup (summary->lead);
  entry->modified = summary->modified;
  entry->words = summary->words;
  entry->read_only = summary->read_only;
}

BylineDraftProblem *
byline_draft_problem_new (const char *id,
                          const char *message)
{
  BylineDraftProblem *problem = g_new0 (BylineDraftProblem, 1);

  problem->id = g_strdup (id);
  problem->message = g_strdup (message);
  return problem;
}

void
byline_draft_problem_free (BylineDraftProblem *problem)
{
  g_free (problem->id);
  g_free (problem->message);
  g_free (problem);
}

void
byline_draft_scan_free (BylineDraftScan *scan)
{
  g_clear_pointer (&scan->entries, g_ptr_array_unref);
  g_clear_pointer (&scan->problems, g_ptr_array_unref);
  g_free (scan);
}

char *
byline_draft_path_bundle (const char *root,
                          const char *id,
                          gboolean    trash)
{
  return g_build_filename (root, trash ? "trash" : "drafts", id, NULL);
}

char *
byline_draft_path_article (const char *root,
                           const char *id)
{
  return g_build_filename (root, "drafts", id, "article.json", NULL);
}

/**
 * byline_draft_read_article:
 * @path: an article.json
 * @expected_id: the bundle's folder name
 * @read_only: (out): set when the schema is newer than ours
 * @bytes: (out) (optional): the file's bytes
 * @error: a message fit for the problem list
 *
 * Returns: (transfer full): the article, or %NULL if it cannot be loaded
 */
BylineArticle *
byline_draft_read_article (const char  *path,
                           const char  *expected_id,
                           gboolean    *read_only,
                           GBytes     **out_bytes,
                           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BylineArticle) article = NULL;
  char *data = NULL;
  gsize len = 0;

  *read_only = FALSE;
  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;

  bytes = g_bytes_new_take (data, len);
  article = byline_article_new_from_bytes (bytes, read_only, error);
  if (article == NULL)
    return NULL;

  if (g_strcmp0 (byline_article_get_id (article), expected_id) != 0)
    {
      g_set_error (error, BYLINE_ARTICLE_ERROR, BYLINE_ARTICLE_ERROR_INVALID,
                   _("The article’s id “%s” does not match its folder"),
                   byline_article_get_id (article));
      return NULL;
    }

  if (out_bytes != NULL)
    *out_bytes = g_steal_pointer (&bytes);
  return g_steal_pointer (&article);
}

/* Renames a file (or whatever stands in its place) out of the way, so the
 * next load does not trip on it again and the bytes stay for a human to
 * rescue. The bundle folder and its photos are kept. */
gboolean
byline_draft_move_aside (const char  *path,
                         char       **new_path,
                         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *target = g_strdup_printf ("%s.corrupt-%s", path, stamp);

  for (guint i = 1; g_file_test (target, G_FILE_TEST_EXISTS); i++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, i);
    }

  if (g_rename (path, target) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: the first %s is a path, the second the system's reason. */
                   _("Could not move “%s” aside: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  if (new_path != NULL)
    *new_path = g_steal_pointer (&target);
  return TRUE;
}

static GBytes *
builder_to_bytes (JsonBuilder *builder,
                  gboolean     pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  gsize len = 0;
  char *data;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);
  data = json_generator_to_data (generator, &len);
  return g_bytes_new_take (data, len);
}

/* ---- session.json -------------------------------------------------- */

gboolean
byline_draft_session_read (const char   *path,
                           gboolean     *clean,
                           char       ***ids)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonObject *root;
  JsonArray *open;

  *clean = TRUE;
  *ids = NULL;
  if (!json_parser_load_from_file (parser, path, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;

  root = json_node_get_object (json_parser_get_root (parser));
  *clean = json_object_get_boolean_member_with_default (root, "clean", FALSE);
  open = byline_json_peek_array (root, "open");
  for (guint i = 0; open != NULL && i < json_array_get_length (open); i++)
    {
      JsonNode *node = json_array_get_element (open, i);
      const char *id = NULL;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        id = json_node_get_string (node);

      if (id != NULL && g_uuid_string_is_valid (id))
        g_strv_builder_add (builder, id);
    }

  *ids = g_strv_builder_end (builder);
  return TRUE;
}

GBytes *
byline_draft_session_to_bytes (gboolean            clean,
                               const char * const *ids)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SESSION_VERSION);
  json_builder_set_member_name (builder, "clean");
  json_builder_add_boolean_value (builder, clean);
  json_builder_set_member_name (builder, "open");
  json_builder_begin_array (builder);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    json_builder_add_string_value (builder, ids[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return builder_to_bytes (builder, TRUE);
}

/* ---- scanning the bundles ------------------------------------------ */

char *
byline_draft_read_state (const char *bundle)
{
  g_autofree char *path = g_build_filename (bundle, "state", NULL);
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return g_strdup (BYLINE_DRAFT_STATE_DRAFT);

  g_strstrip (contents);
  if (contents[0] == '\0' || !g_utf8_validate (contents, -1, NULL))
    return g_strdup (BYLINE_DRAFT_STATE_DRAFT);

  return g_steal_pointer (&contents);
}

static gint64
read_trashed (const char *bundle)
{
  g_autofree char *path = g_build_filename (bundle, "trashed", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GDateTime) dt = NULL;
  GStatBuf st;

  if (g_file_get_contents (path, &contents, NULL, NULL) &&
      (dt = g_date_time_new_from_iso8601 (g_strstrip (contents), NULL)) != NULL)
    return date_time_to_usec (dt);

  /* Without its stamp (a crash between the move and the stamp), the bundle's
   * own time is the best guess; never 0, which would mean "not trashed". */
  if (g_stat (bundle, &st) == 0 && st.st_mtime > 0)
    return (gint64) st.st_mtime * G_USEC_PER_SEC;

  return 1;
}

static BylineDraftEntry *
parse_entry (const char       *bundle,
             const char       *id,
             BylineDraftScan  *scan)
{
  g_autofree char *path = g_build_filename (bundle, "article.json", NULL);
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) move_error = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *message = NULL;
  BylineDraftEntry *entry;
  gboolean read_only = FALSE;

  scan->n_parsed++;
  article = byline_draft_read_article (path, id, &read_only, NULL, &error);
  if (article != NULL)
    {
      entry = byline_draft_entry_new (id);
      byline_draft_entry_set_from_article (entry, article, read_only);
      g_free (entry->state);
      entry->state = byline_draft_read_state (bundle);
      return entry;
    }

  if (byline_draft_move_aside (path, &moved, &move_error))
    /* Translators: the first %s is the reason, the second the path the
     * damaged draft was moved to. */
    message = g_strdup_printf (_("The draft could not be read (%s); it was moved aside to %s"),
                               error->message, moved);
  else
    /* Translators: both %s are reasons: why it could not be read, and why
     * it could not be moved. */
    message = g_strdup_printf (_("The draft could not be read (%s), nor moved aside (%s)"),
                               error->message, move_error->message);
  g_ptr_array_add (scan->problems, byline_draft_problem_new (id, message));
  return NULL;
}

/* The entry of one bundle: the index's while the article.json is the file
 * it describes (taken out of @known), else parsed again. %NULL when there
 * is no article.json to list. */
static BylineDraftEntry *
scan_bundle (int              folder_fd,
             const char      *folder,
             const char      *name,
             gboolean         trash,
             GHashTable      *known,
             BylineDraftScan *scan)
{
  g_autofree char *bundle = g_build_filename (folder, name, NULL);
  BylineDraftEntry *entry = NULL;
  char relative[64];
  struct stat st;
  gint64 mtime;

  /* Relative to the open folder: 10,000 stats skip walking the whole path. */
  g_snprintf (relative, sizeof relative, "%s/article.json", name);
  if (fstatat (folder_fd, relative, &st, 0) != 0)
    {
      /* A bundle being created, or whose article was moved aside. */
      scan->n_incomplete++;
      return NULL;
    }

  mtime = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
  if (known != NULL && g_hash_table_steal_extended (known, name, NULL, (gpointer *) &entry) &&
      (entry->mtime != mtime || entry->size != st.st_size))
    g_clear_pointer (&entry, byline_draft_entry_free);

  if (entry == NULL)
    {
      scan->index_stale = TRUE;
      if ((entry = parse_entry (bundle, name, scan)) == NULL)
        return NULL;
    }

  entry->mtime = mtime;
  entry->size = st.st_size;
  if ((entry->trashed != 0) != trash)
    {
      entry->trashed = trash ? read_trashed (bundle) : 0;
      scan->index_stale = TRUE;
    }
  return entry;
}

static void
scan_folder (const char      *root,
             gboolean         trash,
             GHashTable      *known,
             BylineDraftScan *scan,
             GCancellable    *cancellable)
{
  g_autofree char *folder = g_build_filename (root, trash ? "trash" : "drafts", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  int folder_fd;
  const char *name;

  if (dir == NULL)
    return;
  if ((folder_fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
    return;

  while ((name = g_dir_read_name (dir)) != NULL && !g_cancellable_is_cancelled (cancellable))
    {
      BylineDraftEntry *entry;

      /* Temporary files and foreign folders are not drafts. */
      if (!g_uuid_string_is_valid (name))
        continue;
      if ((entry = scan_bundle (folder_fd, folder, name, trash, known, scan)) != NULL)
        g_ptr_array_add (scan->entries, entry);
    }
  close (folder_fd);
}

/**
 * byline_draft_scan:
 * @root: the store's root folder
 * @known: (nullable): id → #BylineDraftEntry, trusted while the files match;
 *   the entries the scan uses are taken out of it (no copy of 10,000 rows)
 * @cancellable: (nullable): a #GCancellable
 *
 * Lists every bundle of drafts/ and trash/, parsing only the article.json
 * files @known does not describe. Blocking.
 *
 * Returns: (transfer full): the scan
 */
BylineDraftScan *
byline_draft_scan (const char   *root,
                   GHashTable   *known,
                   GCancellable *cancellable)
{
  BylineDraftScan *scan = g_new0 (BylineDraftScan, 1);

  scan->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_draft_entry_free);
  scan->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_draft_problem_free);
  scan_folder (root, FALSE, known, scan, cancellable);
  scan_folder (root, TRUE, known, scan, cancellable);

  /* What is left of @known are bundles that are gone. */
  if (known == NULL || g_hash_table_size (known) > 0)
    scan->index_stale = TRUE;

  return scan;
}

/* ---- trash ---------------------------------------------------------- */

static gboolean
rename_or_error (const char  *from,
                 const char  *to,
                 GError     **error)
{
  g_autofree char *parent = g_path_get_dirname (to);
  int saved_errno;

  if (g_file_test (to, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("“%s” already exists"), to);
      return FALSE;
    }

  if (g_mkdir_with_parents (parent, 0700) == 0 && g_rename (from, to) == 0)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: two paths, then the system's reason. */
               _("Could not move “%s” to “%s”: %s"), from, to, g_strerror (saved_errno));
  return FALSE;
}

gboolean
byline_draft_bundle_trash (const char  *root,
                           const char  *id,
                           gint64       now,
                           GError     **error)
{
  g_autofree char *from = byline_draft_path_bundle (root, id, FALSE);
  g_autofree char *to = byline_draft_path_bundle (root, id, TRUE);
  g_autofree char *stamp_path = g_build_filename (from, "trashed", NULL);
  g_autoptr(GDateTime) epoch = g_date_time_new_from_unix_utc (0);
  g_autoptr(GDateTime) when = g_date_time_add (epoch, now);
  g_autofree char *stamp = g_date_time_format_iso8601 (when);
  g_autoptr(GBytes) bytes = g_bytes_new (stamp, strlen (stamp));

  return byline_file_write_atomic (stamp_path, bytes, error) &&
         rename_or_error (from, to, error);
}

gboolean
byline_draft_bundle_restore (const char  *root,
                             const char  *id,
                             GError     **error)
{
  g_autofree char *from = byline_draft_path_bundle (root, id, TRUE);
  g_autofree char *to = byline_draft_path_bundle (root, id, FALSE);
  g_autofree char *stamp_path = g_build_filename (to, "trashed", NULL);

  if (!rename_or_error (from, to, error))
    return FALSE;

  g_remove (stamp_path);
  return TRUE;
}

static gboolean
remove_tree (const char  *path,
             GError     **error)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return TRUE;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, error);
      const char *name;

      if (dir == NULL)
        return FALSE;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (!remove_tree (child, error))
            return FALSE;
        }
    }

  if (g_remove (path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: a path, then the system's reason. */
                   _("Could not delete “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Deletes a bundle in the trash with everything in it, photos and files of
 * other engineers included: the only place the store deletes what it does
 * not know. */
gboolean
byline_draft_bundle_purge (const char  *root,
                           const char  *id,
                           GError     **error)
{
  g_autofree char *bundle = byline_draft_path_bundle (root, id, TRUE);

  return remove_tree (bundle, error);
}
