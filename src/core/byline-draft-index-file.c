/* byline-draft-index-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The header index on disk: index.gvariant, a GVariant of every bundle's
 * header, read at every start. It replaced index.json, which json-glib
 * parsed into a whole tree (10,000 drafts: 3.5 MB, two thirds of the
 * load, all of it malloc); a GVariant is read in place, one check of the
 * whole file and one string copy per field.
 *
 * Both are caches, never the truth: the scan trusts an entry only while
 * its article.json has the mtime and size the entry records, and a file
 * that is missing, damaged, of another version or not in normal form is
 * not used at all. An index.json left by an older Byline is read when it
 * is newer than index.gvariant (or the only one), so the first start after
 * an upgrade parses no article; the load then writes index.gvariant and
 * removes index.json.
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "byline-draft-index.h"
#include "byline-json-util.h"

#define INDEX_MAGIC "byline-draft-index"
#define INDEX_VERSION 2
#define INDEX_TYPE "(suv)"
#define ENTRY_TYPE "(sssxsubxxx)"
#define ENTRIES_TYPE "a" ENTRY_TYPE
#define LEGACY_VERSION 1

static GHashTable *
new_entry_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                (GDestroyNotify) byline_draft_entry_free);
}

/* ---- index.gvariant ------------------------------------------------ */

static gboolean
add_entry_from_variant (GHashTable *entries,
                        GVariant   *child)
{
  const char *id, *title, *lead, *state;
  BylineDraftEntry *entry;
  gint64 modified, trashed, mtime, size;
  guint32 words;
  gboolean read_only;

  g_variant_get (child, "(&s&s&sx&subxxx)", &id, &title, &lead, &modified, &state, &words,
                 &read_only, &trashed, &mtime, &size);
  if (!g_uuid_string_is_valid (id))
    return FALSE;

  entry = byline_draft_entry_new (id);
  g_free (entry->title);
  entry->title = g_strdup (title);
  g_free (entry->lead);
  entry->lead = g_strdup (lead);
  g_free (entry->state);
  entry->state = g_strdup (state);
  entry->modified = modified;
  entry->words = words;
  entry->read_only = read_only;
  entry->trashed = trashed;
  entry->mtime = mtime;
  entry->size = size;
  g_hash_table_replace (entries, entry->id, entry);
  return TRUE;
}

/* The whole file is checked once (g_variant_is_normal_form: every offset
 * in range, every string valid UTF-8 and terminated), so a truncated or
 * damaged file is refused as a whole rather than read as empty fields. */
static GVariant *
read_payload (const char *path)
{
  g_autoptr(GVariant) index = NULL;
  g_autoptr(GVariant) payload = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *magic;
  guint32 version;
  char *data;
  gsize len;

  /* Read, not mapped: a file truncated in place by a foreign tool while
   * mapped would kill the app with SIGBUS. */
  if (!g_file_get_contents (path, &data, &len, NULL))
    return NULL;
  bytes = g_bytes_new_take (data, len);
  index = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (INDEX_TYPE), bytes, FALSE));
  if (!g_variant_is_normal_form (index))
    return NULL;

  g_variant_get (index, "(&suv)", &magic, &version, &payload);
  if (!g_str_equal (magic, INDEX_MAGIC) || version != INDEX_VERSION ||
      !g_variant_is_of_type (payload, G_VARIANT_TYPE (ENTRIES_TYPE)))
    return NULL;

  return g_steal_pointer (&payload);
}

static GHashTable *
read_index (const char *path)
{
  g_autoptr(GVariant) payload = read_payload (path);
  g_autoptr(GHashTable) entries = NULL;
  gsize n;

  if (payload == NULL)
    return NULL;

  entries = new_entry_table ();
  n = g_variant_n_children (payload);
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (payload, i);

      if (!add_entry_from_variant (entries, child))
        return NULL;
    }

  return g_steal_pointer (&entries);
}

/* g_variant_new_string() refuses invalid UTF-8; the fields come from
 * parsed articles and checked files, but a bad one must cost its text,
 * not the index. */
static const char *
valid_or_empty (const char *text)
{
  return text != NULL && g_utf8_validate (text, -1, NULL) ? text : "";
}

/**
 * byline_draft_index_to_bytes:
 * @entries: (element-type BylineDraftEntry): every header of the store
 *
 * Blocking: runs in the index writer's thread.
 *
 * Returns: (transfer full): the contents of index.gvariant
 */
GBytes *
byline_draft_index_to_bytes (GPtrArray *entries)
{
  g_autoptr(GVariant) index = NULL;
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE (ENTRIES_TYPE));
  for (guint i = 0; i < entries->len; i++)
    {
      const BylineDraftEntry *e = g_ptr_array_index (entries, i);

      g_variant_builder_add (&builder, ENTRY_TYPE, e->id, valid_or_empty (e->title),
                             valid_or_empty (e->lead), e->modified,
                             valid_or_empty (e->state), (guint32) e->words,
                             (gboolean) !!e->read_only, e->trashed, e->mtime, e->size);
    }

  index = g_variant_ref_sink (g_variant_new ("(suv)", INDEX_MAGIC, (guint32) INDEX_VERSION,
                                             g_variant_builder_end (&builder)));
  return g_variant_get_data_as_bytes (index);
}

/* ---- index.json, as older versions wrote it ------------------------- */

static BylineDraftEntry *
entry_from_json (JsonObject *object)
{
  const char *id = json_object_get_string_member_with_default (object, "id", NULL);
  BylineDraftEntry *entry;

  if (id == NULL || !g_uuid_string_is_valid (id))
    return NULL;

  entry = byline_draft_entry_new (id);
  g_free (entry->title);
  entry->title = g_strdup (json_object_get_string_member_with_default (object, "title", ""));
  g_free (entry->lead);
  entry->lead = g_strdup (json_object_get_string_member_with_default (object, "lead", ""));
  g_free (entry->state);
  entry->state = g_strdup (json_object_get_string_member_with_default (object, "state",
                                                                      BYLINE_DRAFT_STATE_DRAFT));
  entry->modified = json_object_get_int_member_with_default (object, "modified", 0);
  entry->words = json_object_get_int_member_with_default (object, "words", 0);
  entry->read_only = json_object_get_boolean_member_with_default (object, "read_only", FALSE);
  entry->trashed = json_object_get_int_member_with_default (object, "trashed", 0);
  entry->mtime = json_object_get_int_member_with_default (object, "mtime", -1);
  entry->size = json_object_get_int_member_with_default (object, "size", -1);
  return entry;
}

static GHashTable *
read_legacy_index (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) entries = NULL;
  JsonObject *root;
  JsonArray *drafts;

  if (!json_parser_load_from_mapped_file (parser, path, NULL))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  root = json_node_get_object (json_parser_get_root (parser));
  if (json_object_get_int_member_with_default (root, "version", 0) != LEGACY_VERSION)
    return NULL;
  drafts = byline_json_peek_array (root, "drafts");
  if (drafts == NULL)
    return NULL;

  entries = new_entry_table ();
  for (guint i = 0; i < json_array_get_length (drafts); i++)
    {
      JsonNode *node = json_array_get_element (drafts, i);
      BylineDraftEntry *entry;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          (entry = entry_from_json (json_node_get_object (node))) == NULL)
        return NULL;
      g_hash_table_replace (entries, entry->id, entry);
    }

  return g_steal_pointer (&entries);
}

/* ---- choosing ------------------------------------------------------- */

/* µs, or -1 when there is no such file. */
static gint64
file_mtime (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return -1;
  return (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
}

/**
 * byline_draft_index_read:
 * @root: the store's root folder
 * @legacy: (out): set when an index.json is there, to be replaced
 *
 * Reads the newer of index.gvariant and an older Byline's index.json, the
 * other one when the newer cannot be used. Blocking.
 *
 * Returns: (transfer full) (nullable): id → #BylineDraftEntry, or %NULL
 *   when neither can be used (rebuild from the bundles)
 */
GHashTable *
byline_draft_index_read (const char *root,
                         gboolean   *legacy)
{
  g_autofree char *path = g_build_filename (root, BYLINE_DRAFT_INDEX_FILE, NULL);
  g_autofree char *legacy_path = g_build_filename (root, BYLINE_DRAFT_LEGACY_INDEX_FILE, NULL);
  gint64 legacy_mtime = file_mtime (legacy_path);
  GHashTable *entries = NULL;

  *legacy = legacy_mtime >= 0;
  if (legacy_mtime > file_mtime (path) && (entries = read_legacy_index (legacy_path)) != NULL)
    return entries;
  if ((entries = read_index (path)) != NULL)
    return entries;
  return *legacy ? read_legacy_index (legacy_path) : NULL;
}

/* Once index.gvariant holds every header: an older Byline would otherwise
 * read index.json's headers, states included, long after they changed. */
void
byline_draft_index_remove_legacy (const char *root)
{
  g_autofree char *legacy_path = g_build_filename (root, BYLINE_DRAFT_LEGACY_INDEX_FILE, NULL);

  if (g_remove (legacy_path) != 0)
    g_debug ("Could not remove %s: %s", legacy_path, g_strerror (errno));
}
