/* byline-draft-library.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The library: one GListStore of BylineDraftInfo per view (all, drafts,
 * outbox, published, trash), newest first, kept up to date row by row as
 * drafts are saved, trashed or change state. Plain GListModels, so the
 * core needs no GtkFilterListModel.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "byline-draft-store-private.h"

/* ---- the library ---------------------------------------------------- */

/* The views a row belongs to, one bit per BylineLibraryView. */
static guint
views_of (const BylineDraftEntry *entry)
{
  gboolean draft = g_strcmp0 (entry->state, BYLINE_DRAFT_STATE_DRAFT) == 0;
  gboolean published = !draft && g_strcmp0 (entry->state, BYLINE_DRAFT_STATE_PUBLISHED) == 0;

  if (entry->trashed != 0)
    return 1 << BYLINE_LIBRARY_VIEW_TRASH;

  return 1 << BYLINE_LIBRARY_VIEW_ALL |
         (draft ? 1 << BYLINE_LIBRARY_VIEW_DRAFTS : 0) |
         (published ? 1 << BYLINE_LIBRARY_VIEW_PUBLISHED : 0) |
         (!draft && !published ? 1 << BYLINE_LIBRARY_VIEW_OUTBOX : 0);
}

static gboolean
view_accepts (BylineLibraryView       view,
              const BylineDraftEntry *entry)
{
  return (views_of (entry) & (1u << view)) != 0;
}

/* Newest first; the id breaks ties so the order is stable. */
static int
compare_entries (const BylineDraftEntry *ea,
                 const BylineDraftEntry *eb)
{
  if (ea->modified != eb->modified)
    return ea->modified > eb->modified ? -1 : 1;
  return strcmp (ea->id, eb->id);
}

static int
compare_infos (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return compare_entries (byline_draft_info_get_entry ((BylineDraftInfo *) a),
                          byline_draft_info_get_entry ((BylineDraftInfo *) b));
}

static gboolean
in_order_at (GListModel *model,
             guint       position,
             gpointer    info)
{
  guint n = g_list_model_get_n_items (model);

  if (position > 0)
    {
      g_autoptr(GObject) prev = g_list_model_get_item (model, position - 1);

      if (compare_infos (prev, info, NULL) > 0)
        return FALSE;
    }
  if (position + 1 < n)
    {
      g_autoptr(GObject) next = g_list_model_get_item (model, position + 1);

      if (compare_infos (info, next, NULL) > 0)
        return FALSE;
    }
  return TRUE;
}

void
byline_draft_store_place_in_views (BylineDraftStore *self,
                BylineDraftInfo  *info)
{
  const BylineDraftEntry *entry = byline_draft_info_get_entry (info);

  for (guint v = 0; v < G_N_ELEMENTS (self->views); v++)
    {
      GListStore *view = self->views[v];
      gboolean wanted = view_accepts (v, entry);
      guint position;
      gboolean present = g_list_store_find (view, info, &position);

      if (present && wanted && in_order_at (G_LIST_MODEL (view), position, info))
        continue;
      if (present)
        g_list_store_remove (view, position);
      if (wanted)
        g_list_store_insert_sorted (view, info, compare_infos, NULL);
    }
}

static void
remove_from_views (BylineDraftStore *self,
                   BylineDraftInfo  *info)
{
  for (guint v = 0; v < G_N_ELEMENTS (self->views); v++)
    {
      guint position;

      if (g_list_store_find (self->views[v], info, &position))
        g_list_store_remove (self->views[v], position);
    }
}

/* Adds or updates one row of the library. */
void
byline_draft_store_put_entry (BylineDraftStore       *self,
                              const BylineDraftEntry *entry)
{
  BylineDraftInfo *info = g_hash_table_lookup (self->infos, entry->id);

  if (info == NULL)
    {
      info = byline_draft_info_new (entry);
      g_hash_table_replace (self->infos, (gpointer) byline_draft_info_get_id (info), info);
    }
  else if (byline_draft_entry_equal (byline_draft_info_get_entry (info), entry))
    return;
  else
    byline_draft_info_update (info, entry);

  byline_draft_store_place_in_views (self, info);
  byline_draft_store_schedule_index (self);
}

void
byline_draft_store_remove_entry (BylineDraftStore *self,
                                 const char       *id)
{
  BylineDraftInfo *info = g_hash_table_lookup (self->infos, id);

  if (info == NULL)
    return;

  remove_from_views (self, info);
  g_hash_table_remove (self->infos, id);
  byline_draft_store_schedule_index (self);
}

/* A row of a rebuild, its header at hand so sorting 10,000 of them does
 * not ask each info for it 130,000 times. */
typedef struct
{
  const BylineDraftEntry *entry;
  BylineDraftInfo        *info;
  guint                   views;
} Row;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  return compare_entries (((const Row *) a)->entry, ((const Row *) b)->entry);
}

/* Rebuilds every view at once (a load, or many new rows). */
void
byline_draft_store_fill_views (BylineDraftStore *self)
{
  guint n = g_hash_table_size (self->infos);
  g_autofree Row *rows = g_new (Row, n + 1);
  g_autofree gpointer *items = g_new (gpointer, n + 1);
  GHashTableIter iter;
  gpointer info;
  guint i = 0;

  g_hash_table_iter_init (&iter, self->infos);
  while (g_hash_table_iter_next (&iter, NULL, &info))
    {
      rows[i].info = info;
      rows[i].entry = byline_draft_info_get_entry (info);
      rows[i].views = views_of (rows[i].entry);
      i++;
    }
  qsort (rows, n, sizeof (Row), compare_rows);

  for (guint v = 0; v < G_N_ELEMENTS (self->views); v++)
    {
      guint n_items = 0;

      for (i = 0; i < n; i++)
        if (rows[i].views & (1u << v))
          items[n_items++] = rows[i].info;
      g_list_store_splice (self->views[v], 0,
                           g_list_model_get_n_items (G_LIST_MODEL (self->views[v])),
                           items, n_items);
    }
}

GListModel *
byline_draft_store_get_library (BylineDraftStore  *self,
                                BylineLibraryView  view)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (view <= BYLINE_LIBRARY_VIEW_TRASH, NULL);

  return G_LIST_MODEL (self->views[view]);
}

/**
 * byline_draft_store_lookup:
 *
 * Returns: (transfer none) (nullable): the library row of @id
 */
BylineDraftInfo *
byline_draft_store_lookup (BylineDraftStore *self,
                           const char       *id)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->infos, id);
}
