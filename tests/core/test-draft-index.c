/* test-draft-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The header index (index.gvariant) is a cache: a damaged, truncated,
 * foreign or stale one must be noticed and never cost a draft, and an
 * older Byline's index.json must carry over once. A header that comes from
 * an index carries a title the article does not have ("… (index)"), so the
 * tests can tell which source the library row came from; n_parsed says how
 * many articles were read instead.
 */

#include "config.h"

#include <utime.h>

#include "byline-draft-index.h"
#include "draft-store-testutil.h"

#define N_DRAFTS 5

typedef struct
{
  char      *root;
  char      *index;
  char      *legacy;
  GPtrArray *ids;
} Library;

static void
library_free (Library *lib)
{
  g_free (lib->root);
  g_free (lib->index);
  g_free (lib->legacy);
  g_ptr_array_unref (lib->ids);
  g_free (lib);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Library, library_free)

static char *
title_of (guint i)
{
  return g_strdup_printf ("Bài số %u ở Tháp Mười", i);
}

/* N_DRAFTS bundles written directly, no index yet. */
static Library *
library_new (void)
{
  Library *lib = g_new0 (Library, 1);

  lib->root = test_root ();
  lib->index = g_build_filename (lib->root, BYLINE_DRAFT_INDEX_FILE, NULL);
  lib->legacy = g_build_filename (lib->root, BYLINE_DRAFT_LEGACY_INDEX_FILE, NULL);
  lib->ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < N_DRAFTS; i++)
    {
      g_autofree char *title = title_of (i);

      g_ptr_array_add (lib->ids, write_article (lib->root, title, "Dẫn", "Thân bài."));
    }
  return lib;
}

static guint
load_count_parsed (Library *lib)
{
  g_autoptr(BylineDraftStore) store = new_loaded_store (lib->root, 50);

  return byline_draft_store_get_n_parsed (store);
}

/* Every draft of @lib is listed, each with the title @suffix says: "" for
 * the article's own, " (index)" for one an index supplied. */
static void
assert_library (BylineDraftStore *store,
                Library          *lib,
                const char       *suffix)
{
  GListModel *all = byline_draft_store_get_library (store, BYLINE_LIBRARY_VIEW_ALL);

  g_assert_cmpuint (g_list_model_get_n_items (all), ==, lib->ids->len);
  for (guint i = 0; i < lib->ids->len; i++)
    {
      BylineDraftInfo *info = byline_draft_store_lookup (store, g_ptr_array_index (lib->ids, i));
      g_autofree char *title = title_of (i);
      g_autofree char *expected = g_strconcat (title, suffix, NULL);

      g_assert_nonnull (info);
      g_assert_cmpstr (byline_draft_info_get_title (info), ==, expected);
    }
}

/* An index.json as Byline 1 wrote it, trusted for every bundle (the mtime
 * and size of each article.json), with titles the articles do not have. */
static void
write_legacy_index (Library *lib)
{
  g_autoptr(GString) json = g_string_new ("{\"version\":1,\"drafts\":[");

  for (guint i = 0; i < lib->ids->len; i++)
    {
      const char *id = g_ptr_array_index (lib->ids, i);
      g_autofree char *path = article_path (lib->root, id);
      g_autofree char *title = title_of (i);
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_string_append_printf (json,
                              "%s{\"id\":\"%s\",\"title\":\"%s (index)\",\"lead\":\"Dẫn\","
                              "\"modified\":1,\"state\":\"draft\",\"words\":2,\"read_only\":false,"
                              "\"mtime\":%" G_GINT64_FORMAT ",\"size\":%" G_GINT64_FORMAT "}",
                              i > 0 ? "," : "", id, title,
                              (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000,
                              (gint64) st.st_size);
    }
  g_string_append (json, "]}");
  write_file (lib->legacy, json->str, json->len);
}

/* Moves a file's mtime @seconds away from now, so "newer" is not left to
 * the clock's resolution. */
static void
set_age (const char *path,
         int         seconds)
{
  struct utimbuf times;

  times.actime = times.modtime = time (NULL) + seconds;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

static GVariant *
read_index_variant (Library *lib)
{
  g_autoptr(GBytes) bytes = read_bytes (lib->index);
  GVariant *index = g_variant_new_from_bytes (G_VARIANT_TYPE ("(suv)"), bytes, FALSE);

  g_assert_true (g_variant_is_normal_form (index));
  return g_variant_ref_sink (index);
}

/* The entries, inside the header's variant. */
static GVariant *
read_entries (Library *lib)
{
  g_autoptr(GVariant) index = read_index_variant (lib);
  g_autoptr(GVariant) boxed = g_variant_get_child_value (index, 2);

  return g_variant_get_variant (boxed);
}

static void
write_index_variant (Library  *lib,
                     GVariant *index)
{
  g_autoptr(GVariant) owned = g_variant_take_ref (index);

  write_file (lib->index, g_variant_get_data (owned), g_variant_get_size (owned));
}

/* index.gvariant with the titles marked, through the upgrade path. */
static void
write_marked_index (Library *lib)
{
  write_legacy_index (lib);
  g_assert_cmpuint (load_count_parsed (lib), ==, 0);
  g_assert_true (g_file_test (lib->index, G_FILE_TEST_IS_REGULAR));
}

/* ---- the format ------------------------------------------------------ */

static BylineDraftEntry *
full_entry (const char *title,
            gint64      base)
{
  g_autofree char *id = g_uuid_string_random ();
  BylineDraftEntry *entry = byline_draft_entry_new (id);

  g_free (entry->title);
  entry->title = g_strdup (title);
  g_free (entry->lead);
  entry->lead = g_strdup ("Chiều ngày 16/02/2023, Đoàn công tác");
  g_free (entry->state);
  entry->state = g_strdup ("sending 2 of 3");
  entry->modified = base + 1;
  entry->words = (guint) base % 1000 + 2;
  entry->read_only = base % 2 == 0;
  entry->trashed = base % 3 == 0 ? 0 : base + 3;
  entry->mtime = base + 4;
  entry->size = base + 5;
  return entry;
}

/* Every field comes back in its own place, and a string that is not
 * UTF-8 costs its text, not the index. */
static void
test_round_trip (void)
{
  g_autofree char *root = test_root ();
  g_autofree char *path = g_build_filename (root, BYLINE_DRAFT_INDEX_FILE, NULL);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_draft_entry_free);
  g_autoptr(GHashTable) read = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean legacy = TRUE;

  g_ptr_array_add (entries, full_entry ("Nguyễn Mỹ Quí về Tháp Mười", G_GINT64_CONSTANT (1676505600000000)));
  g_ptr_array_add (entries, full_entry ("", 7));
  g_ptr_array_add (entries, full_entry ("Bad \xff title", 12));
  bytes = byline_draft_index_to_bytes (entries);
  write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  read = byline_draft_index_read (root, &legacy);
  g_assert_false (legacy);
  g_assert_nonnull (read);
  g_assert_cmpuint (g_hash_table_size (read), ==, entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      BylineDraftEntry *expected = g_ptr_array_index (entries, i);
      BylineDraftEntry *got = g_hash_table_lookup (read, expected->id);

      g_assert_nonnull (got);
      if (i == 2)
        {
          g_assert_cmpstr (got->title, ==, "");
          g_free (expected->title);
          expected->title = g_strdup ("");
        }
      g_assert_true (byline_draft_entry_equal (got, expected));
    }
}

/* ---- the upgrade ---------------------------------------------------- */

static void
test_upgrade_from_json (void)
{
  g_autoptr(Library) lib = library_new ();
  g_autoptr(BylineDraftStore) store = NULL;

  /* The first start after the upgrade reads index.json, parses nothing,
   * writes index.gvariant and drops index.json… */
  write_legacy_index (lib);
  store = new_loaded_store (lib->root, 50);
  g_assert_cmpuint (byline_draft_store_get_n_parsed (store), ==, 0);
  assert_library (store, lib, " (index)");
  g_assert_true (g_file_test (lib->index, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (lib->legacy, G_FILE_TEST_EXISTS));
  g_clear_object (&store);

  /* …which then carries the same headers. */
  store = new_loaded_store (lib->root, 50);
  g_assert_cmpuint (byline_draft_store_get_n_parsed (store), ==, 0);
  assert_library (store, lib, " (index)");
}

/* An older Byline ran after the upgrade and wrote index.json: newer than
 * index.gvariant, so it is the one to trust. */
static void
test_newer_json_wins (void)
{
  g_autoptr(Library) lib = library_new ();
  g_autoptr(BylineDraftStore) store = NULL;

  g_assert_cmpuint (load_count_parsed (lib), ==, N_DRAFTS);
  write_legacy_index (lib);
  set_age (lib->index, -60);
  store = new_loaded_store (lib->root, 50);
  g_assert_cmpuint (byline_draft_store_get_n_parsed (store), ==, 0);
  assert_library (store, lib, " (index)");
  g_assert_false (g_file_test (lib->legacy, G_FILE_TEST_EXISTS));
}

/* A leftover index.json older than index.gvariant is not read, and goes. */
static void
test_older_json_ignored (void)
{
  g_autoptr(Library) lib = library_new ();
  g_autoptr(BylineDraftStore) store = NULL;

  g_assert_cmpuint (load_count_parsed (lib), ==, N_DRAFTS);
  write_legacy_index (lib);
  set_age (lib->legacy, -60);
  store = new_loaded_store (lib->root, 50);
  g_assert_cmpuint (byline_draft_store_get_n_parsed (store), ==, 0);
  assert_library (store, lib, "");
  g_assert_false (g_file_test (lib->legacy, G_FILE_TEST_EXISTS));
}

/* ---- damaged index.gvariant ----------------------------------------- */

static void
damage_garbage (Library *lib)
{
  write_file (lib->index, "not a GVariant at all, nor JSON {", -1);
}

static void
damage_empty (Library *lib)
{
  write_file (lib->index, "", 0);
}

static void
damage_truncated (Library *lib)
{
  g_autoptr(GBytes) bytes = read_bytes (lib->index);

  write_file (lib->index, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) / 2);
}

/* A copy of index.gvariant's bytes, to damage. */
static char *
read_copy (Library *lib,
           gsize   *len)
{
  g_autoptr(GBytes) bytes = read_bytes (lib->index);
  gconstpointer data = g_bytes_get_data (bytes, len);

  return g_memdup2 (data, *len);
}

/* The last bytes are the offset that ends the magic string. */
static void
damage_last_byte (Library *lib)
{
  gsize len;
  g_autofree char *data = read_copy (lib, &len);

  data[len - 1] = (char) ~data[len - 1];
  write_file (lib->index, data, len);
}

/* A byte of a title turned into invalid UTF-8: the file's structure is
 * intact, only the whole-file check can tell. */
static void
damage_title_utf8 (Library *lib)
{
  g_autofree char *title = title_of (3);
  gsize len;
  g_autofree char *data = read_copy (lib, &len);
  gsize title_len = strlen (title);
  gsize at = 0;

  while (at + title_len <= len && memcmp (data + at, title, title_len) != 0)
    at++;
  g_assert_cmpuint (at + title_len, <=, len);
  data[at] = (char) 0xff;
  write_file (lib->index, data, len);
}

static GVariant *
index_with_header (Library    *lib,
                   const char *magic,
                   guint32     version)
{
  g_autoptr(GVariant) entries = read_entries (lib);

  return g_variant_new ("(suv)", magic, version, entries);
}

static void
damage_version (Library *lib)
{
  write_index_variant (lib, index_with_header (lib, "byline-draft-index", 3));
}

static void
damage_magic (Library *lib)
{
  write_index_variant (lib, index_with_header (lib, "something-else", 2));
}

static void
damage_payload_type (Library *lib)
{
  write_index_variant (lib, g_variant_new ("(suv)", "byline-draft-index", 2,
                                           g_variant_new_string ("no entries here")));
}

/* Another machine's byte order reads as another version. */
static void
damage_byte_order (Library *lib)
{
  g_autoptr(GVariant) good = read_index_variant (lib);

  write_index_variant (lib, g_variant_byteswap (good));
}

/* A well-formed file with one entry that is not a draft's. */
static void
damage_bad_id (Library *lib)
{
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_draft_entry_free);
  g_autoptr(GBytes) bytes = NULL;
  GHashTableIter iter;
  gpointer entry;
  gboolean legacy;

  known = byline_draft_index_read (lib->root, &legacy);
  g_assert_nonnull (known);
  g_hash_table_iter_init (&iter, known);
  while (g_hash_table_iter_next (&iter, NULL, &entry))
    {
      g_ptr_array_add (entries, entry);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_add (entries, byline_draft_entry_new ("../../etc"));
  bytes = byline_draft_index_to_bytes (entries);
  write_file (lib->index, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Well-formed, but the last field has no value for any draft. */
static void
damage_short_column (Library *lib)
{
  g_autoptr(GVariant) entries = read_entries (lib);
  gsize n = g_variant_n_children (entries);
  g_autofree GVariant **columns = g_new (GVariant *, n);
  g_autoptr(GVariant) last = g_variant_get_child_value (entries, n - 1);
  GVariant *tuple;

  for (gsize i = 0; i + 1 < n; i++)
    columns[i] = g_variant_get_child_value (entries, i);
  columns[n - 1] = g_variant_new_array (g_variant_type_element (g_variant_get_type (last)), NULL, 0);
  tuple = g_variant_new_tuple (columns, n);
  for (gsize i = 0; i + 1 < n; i++)
    g_variant_unref (columns[i]);
  write_index_variant (lib, g_variant_new ("(suv)", "byline-draft-index", 2, tuple));
}

typedef void (*DamageFunc) (Library *lib);

typedef struct
{
  const char *name;
  DamageFunc  damage;
} Damage;

static const Damage damages[] = {
  { "garbage", damage_garbage },
  { "empty", damage_empty },
  { "truncated", damage_truncated },
  { "last-byte", damage_last_byte },
  { "title-utf8", damage_title_utf8 },
  { "version", damage_version },
  { "magic", damage_magic },
  { "payload-type", damage_payload_type },
  { "byte-order", damage_byte_order },
  { "bad-id", damage_bad_id },
  { "short-column", damage_short_column },
};

/* Not used at all: every article is read again, none is lost, and the
 * index is rewritten so the next start trusts it. */
static void
test_damaged_rebuilt (gconstpointer data)
{
  const Damage *damage = data;
  g_autoptr(Library) lib = library_new ();
  g_autoptr(BylineDraftStore) store = NULL;

  write_marked_index (lib);
  damage->damage (lib);
  store = new_loaded_store (lib->root, 50);
  g_assert_cmpuint (byline_draft_store_get_n_parsed (store), ==, N_DRAFTS);
  assert_library (store, lib, "");
  g_clear_object (&store);

  g_assert_cmpuint (load_count_parsed (lib), ==, 0);
}

/* With an index.json still there, the damaged index.gvariant falls back
 * to it even though it is the older one. */
static void
test_damaged_falls_back_to_json (gconstpointer data)
{
  const Damage *damage = data;
  g_autoptr(Library) lib = library_new ();
  g_autoptr(BylineDraftStore) store = NULL;

  g_assert_cmpuint (load_count_parsed (lib), ==, N_DRAFTS);
  damage->damage (lib);
  write_legacy_index (lib);
  set_age (lib->legacy, -60);
  store = new_loaded_store (lib->root, 50);
  g_assert_cmpuint (byline_draft_store_get_n_parsed (store), ==, 0);
  assert_library (store, lib, " (index)");
  g_assert_false (g_file_test (lib->legacy, G_FILE_TEST_EXISTS));
}

/* ---- stale index.gvariant ------------------------------------------- */

static guint
index_n_entries (Library *lib)
{
  g_autoptr(GVariant) entries = read_entries (lib);
  g_autoptr(GVariant) ids = g_variant_get_child_value (entries, 0);

  return g_variant_n_children (ids);
}

/* A bundle added behind the index's back is read; the others are not. */
static void
test_stale_draft_added (void)
{
  g_autoptr(Library) lib = library_new ();
  g_autoptr(BylineDraftStore) store = NULL;
  g_autofree char *title = title_of (N_DRAFTS);

  write_marked_index (lib);
  g_ptr_array_add (lib->ids, write_article (lib->root, title, "Dẫn", "Thân bài."));
  store = new_loaded_store (lib->root, 50);
  g_assert_cmpuint (byline_draft_store_get_n_parsed (store), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (byline_draft_store_get_library (store, BYLINE_LIBRARY_VIEW_ALL)),
                    ==, N_DRAFTS + 1);
  g_assert_cmpstr (byline_draft_info_get_title (byline_draft_store_lookup (store, g_ptr_array_index (lib->ids, N_DRAFTS))),
                   ==, title);
  g_assert_cmpstr (byline_draft_info_get_title (byline_draft_store_lookup (store, g_ptr_array_index (lib->ids, 0))),
                   ==, "Bài số 0 ở Tháp Mười (index)");
  g_assert_cmpuint (index_n_entries (lib), ==, N_DRAFTS + 1);
}

/* A bundle removed behind the index's back is not listed, and leaves the
 * index. */
static void
test_stale_draft_removed (void)
{
  g_autoptr(Library) lib = library_new ();
  g_autoptr(BylineDraftStore) store = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *gone_path = NULL;
  g_autofree char *gone_bundle = NULL;

  write_marked_index (lib);
  gone = g_strdup (g_ptr_array_index (lib->ids, 2));
  gone_path = article_path (lib->root, gone);
  gone_bundle = g_path_get_dirname (gone_path);
  g_assert_cmpint (g_remove (gone_path), ==, 0);
  g_assert_cmpint (g_rmdir (gone_bundle), ==, 0);

  store = new_loaded_store (lib->root, 50);
  g_assert_cmpuint (byline_draft_store_get_n_parsed (store), ==, 0);
  g_assert_null (byline_draft_store_lookup (store, gone));
  g_assert_cmpuint (g_list_model_get_n_items (byline_draft_store_get_library (store, BYLINE_LIBRARY_VIEW_ALL)),
                    ==, N_DRAFTS - 1);
  g_assert_cmpuint (index_n_entries (lib), ==, N_DRAFTS - 1);
}

/* A bundle rewritten behind the index's back (another size, another
 * mtime) is read again. */
static void
test_stale_draft_changed (void)
{
  g_autoptr(Library) lib = library_new ();
  g_autoptr(BylineDraftStore) store = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = article_path (lib->root, g_ptr_array_index (lib->ids, 1));
  gboolean read_only;

  write_marked_index (lib);
  bytes = read_bytes (path);
  article = byline_article_new_from_bytes (bytes, &read_only, &error);
  g_assert_no_error (error);
  byline_article_set_title (article, "Đổi ở nơi khác");
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = byline_article_to_bytes (article);
  write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  set_age (path, 60);

  store = new_loaded_store (lib->root, 50);
  g_assert_cmpuint (byline_draft_store_get_n_parsed (store), ==, 1);
  g_assert_cmpstr (byline_draft_info_get_title (byline_draft_store_lookup (store, g_ptr_array_index (lib->ids, 1))),
                   ==, "Đổi ở nơi khác");
  g_assert_cmpstr (byline_draft_info_get_title (byline_draft_store_lookup (store, g_ptr_array_index (lib->ids, 0))),
                   ==, "Bài số 0 ở Tháp Mười (index)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/draft-index/round-trip", test_round_trip);
  g_test_add_func ("/draft-index/upgrade-from-json", test_upgrade_from_json);
  g_test_add_func ("/draft-index/newer-json-wins", test_newer_json_wins);
  g_test_add_func ("/draft-index/older-json-ignored", test_older_json_ignored);
  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_autofree char *rebuilt = g_strdup_printf ("/draft-index/damaged/%s/rebuilt", damages[i].name);
      g_autofree char *fallback = g_strdup_printf ("/draft-index/damaged/%s/json-fallback",
                                                   damages[i].name);

      g_test_add_data_func (rebuilt, &damages[i], test_damaged_rebuilt);
      g_test_add_data_func (fallback, &damages[i], test_damaged_falls_back_to_json);
    }
  g_test_add_func ("/draft-index/stale/draft-added", test_stale_draft_added);
  g_test_add_func ("/draft-index/stale/draft-removed", test_stale_draft_removed);
  g_test_add_func ("/draft-index/stale/draft-changed", test_stale_draft_changed);

  return g_test_run ();
}
