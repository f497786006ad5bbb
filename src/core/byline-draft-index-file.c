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
/* One array per field, in the order of the Column enum. Columns, not an
 * array of rows: the fixed-size ones are read in place with
 * g_variant_get_fixed_array(), and 10,000 rows of ten fields cost 110,000
 * GVariant instances (40 ms) where columns cost 40,000 (10 ms). */
#define COLUMNS_TYPE "(asasasasaxauabaxaxax)"
#define LEGACY_VERSION 1

typedef enum
{
  COLUMN_ID,
  COLUMN_TITLE,
  COLUMN_LEAD,
  COLUMN_STATE,
  COLUMN_MODIFIED,
  COLUMN_WORDS,
  COLUMN_READ_ONLY,
  COLUMN_TRASHED,
  COLUMN_MTIME,
  COLUMN_SIZE,
  N_COLUMNS
} Column;

/* The columns of a checked index, pointing into its bytes. */
typedef struct
{
  GVariant      *column[N_COLUMNS];
  const char   **strings[COLUMN_STATE + 1];
  const gint64  *modified;
  const guint32 *words;
  const guint8  *read_only;
  const gint64  *trashed;
  const gint64  *mtime;
  const gint64  *size;
  gsize          n;
} Columns;

static GHashTable *
new_entry_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                (GDestroyNotify) byline_draft_entry_free);
}

/* ---- index.gvariant ------------------------------------------------ */

static void
columns_clear (Columns *c)
{
  for (guint i = 0; i <= COLUMN_STATE; i++)
    g_free (c->strings[i]);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_pointer (&c->column[i], g_variant_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Columns, columns_clear)

/* Every column has one value per draft, or the file is not used. */
static gboolean
fixed_column (Columns        *c,
              Column          i,
              gsize           element_size,
              gconstpointer  *values)
{
  gsize n = 0;

  *values = g_variant_get_fixed_array (c->column[i], &n, element_size);
  return n == c->n;
}

static gboolean
columns_init (Columns  *c,
              GVariant *payload)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    c->column[i] = g_variant_get_child_value (payload, i);

  c->n = g_variant_n_children (c->column[COLUMN_ID]);
  for (guint i = 0; i <= COLUMN_STATE; i++)
    {
      gsize n = 0;

      c->strings[i] = g_variant_get_strv (c->column[i], &n);
      if (n != c->n)
        return FALSE;
    }

  return fixed_column (c, COLUMN_MODIFIED, sizeof (gint64), (gconstpointer *) &c->modified) &&
         fixed_column (c, COLUMN_WORDS, sizeof (guint32), (gconstpointer *) &c->words) &&
         fixed_column (c, COLUMN_READ_ONLY, sizeof (guint8), (gconstpointer *) &c->read_only) &&
         fixed_column (c, COLUMN_TRASHED, sizeof (gint64), (gconstpointer *) &c->trashed) &&
         fixed_column (c, COLUMN_MTIME, sizeof (gint64), (gconstpointer *) &c->mtime) &&
         fixed_column (c, COLUMN_SIZE, sizeof (gint64), (gconstpointer *) &c->size);
}

static BylineDraftEntry *
entry_from_columns (const Columns *c,
                    gsize          i)
{
  BylineDraftEntry *entry;

  if (!g_uuid_string_is_valid (c->strings[COLUMN_ID][i]))
    return NULL;

  entry = g_new0 (BylineDraftEntry, 1);
  entry->id = g_strdup (c->strings[COLUMN_ID][i]);
  entry->title = g_strdup (c->strings[COLUMN_TITLE][i]);
  entry->lead = g_strdup (c->strings[COLUMN_LEAD][i]);
  entry->state = g_strdup (c->strings[COLUMN_STATE][i]);
  entry->modified = c->modified[i];
  entry->words = c->words[i];
  entry->read_only = c->read_only[i] != 0;
  entry->trashed = c->trashed[i];
  entry->mtime = c->mtime[i];
  entry->size = c->size[i];
  return entry;
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
      !g_variant_is_of_type (payload, G_VARIANT_TYPE (COLUMNS_TYPE)))
    return NULL;

  return g_steal_pointer (&payload);
}

static GHashTable *
read_index (const char *path)
{
  g_autoptr(GVariant) payload = read_payload (path);
  g_autoptr(GHashTable) entries = NULL;
  g_auto(Columns) columns = { { NULL } };

  if (payload == NULL || !columns_init (&columns, payload))
    return NULL;

  entries = new_entry_table ();
  for (gsize i = 0; i < columns.n; i++)
    {
      BylineDraftEntry *entry = entry_from_columns (&columns, i);

      if (entry == NULL)
        return NULL;
      g_hash_table_replace (entries, entry->id, entry);
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

static GVariant *
string_column (GPtrArray *entries,
               gsize      member)
{
  g_autofree const char **strv = g_new (const char *, entries->len + 1);

  for (guint i = 0; i < entries->len; i++)
    strv[i] = valid_or_empty (G_STRUCT_MEMBER (char *, g_ptr_array_index (entries, i), member));
  return g_variant_new_strv (strv, entries->len);
}

static GVariant *
int64_column (GPtrArray *entries,
              gsize      member)
{
  g_autofree gint64 *values = g_new (gint64, entries->len + 1);

  for (guint i = 0; i < entries->len; i++)
    values[i] = G_STRUCT_MEMBER (gint64, g_ptr_array_index (entries, i), member);
  return g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, values, entries->len, sizeof (gint64));
}

static GVariant *
words_column (GPtrArray *entries)
{
  g_autofree guint32 *values = g_new (guint32, entries->len + 1);

  for (guint i = 0; i < entries->len; i++)
    values[i] = ((BylineDraftEntry *) g_ptr_array_index (entries, i))->words;
  return g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, values, entries->len, sizeof (guint32));
}

static GVariant *
read_only_column (GPtrArray *entries)
{
  g_autofree guint8 *values = g_new (guint8, entries->len + 1);

  for (guint i = 0; i < entries->len; i++)
    values[i] = ((BylineDraftEntry *) g_ptr_array_index (entries, i))->read_only ? 1 : 0;
  return g_variant_new_fixed_array (G_VARIANT_TYPE_BOOLEAN, values, entries->len, sizeof (guint8));
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
  GVariant *columns[N_COLUMNS];

  columns[COLUMN_ID] = string_column (entries, G_STRUCT_OFFSET (BylineDraftEntry, id));
  columns[COLUMN_TITLE] = string_column (entries, G_STRUCT_OFFSET (BylineDraftEntry, title));
  columns[COLUMN_LEAD] = string_column (entries, G_STRUCT_OFFSET (BylineDraftEntry, lead));
  columns[COLUMN_STATE] = string_column (entries, G_STRUCT_OFFSET (BylineDraftEntry, state));
  columns[COLUMN_MODIFIED] = int64_column (entries, G_STRUCT_OFFSET (BylineDraftEntry, modified));
  columns[COLUMN_WORDS] = words_column (entries);
  columns[COLUMN_READ_ONLY] = read_only_column (entries);
  columns[COLUMN_TRASHED] = int64_column (entries, G_STRUCT_OFFSET (BylineDraftEntry, trashed));
  columns[COLUMN_MTIME] = int64_column (entries, G_STRUCT_OFFSET (BylineDraftEntry, mtime));
  columns[COLUMN_SIZE] = int64_column (entries, G_STRUCT_OFFSET (BylineDraftEntry, size));

  index = g_variant_ref_sink (g_variant_new ("(suv)", INDEX_MAGIC, (guint32) INDEX_VERSION,
                                             g_variant_new_tuple (columns, N_COLUMNS)));
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
