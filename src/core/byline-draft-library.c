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

#include <string.h>

#include "byline-draft-store-private.h"

/* ---- the library ---------------------------------------------------- */

static gboolean
view_accepts (BylineLibraryView       view,
              const BylineDraftEntry *entry)
{
  gboolean trashed = entry->trashed != 0;
  gboolean draft = g_strcmp0 (entry->state, BYLINE_DRAFT_STATE_DRAFT) == 0;
  gboolean published = g_strcmp0 (entry->state, BYLINE_DRAFT_STATE_PUBLISHED) == 0;

  switch (view)
    {
    case BYLINE_LIBRARY_VIEW_ALL:
      return !trashed;
    case BYLINE_LIBRARY_VIEW_DRAFTS:
      return !trashed && draft;
    case BYLINE_LIBRARY_VIEW_OUTBOX:
      return !trashed && !draft && !published;
    case BYLINE_LIBRARY_VIEW_PUBLISHED:
      return !trashed && published;
    case BYLINE_LIBRARY_VIEW_TRASH:
      return trashed;
    default:
      g_assert_not_reached ();
    }
}

/* Newest first; the id breaks ties so the order is stable. */
static int
compare_infos (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const BylineDraftEntry *ea = byline_draft_info_get_entry ((BylineDraftInfo *) a);
  const BylineDraftEntry *eb = byline_draft_info_get_entry ((BylineDraftInfo *) b);

  if (ea->modified != eb->modified)
    return ea->modified > eb->modified ? -1 : 1;
  return strcmp (ea->id, eb->id);
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

static int
compare_info_ptrs (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return compare_infos (*(gpointer *) a, *(gpointer *) b, user_data);
}

/* Rebuilds every view at once (a load, or many new rows). */
void
byline_draft_store_fill_views (BylineDraftStore *self)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer info;

  g_hash_table_iter_init (&iter, self->infos);
  while (g_hash_table_iter_next (&iter, NULL, &info))
    g_ptr_array_add (all, info);
  g_ptr_array_sort_with_data (all, compare_info_ptrs, NULL);
  for (guint v = 0; v < G_N_ELEMENTS (self->views); v++)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();

      for (guint i = 0; i < all->len; i++)
        if (view_accepts (v, byline_draft_info_get_entry (g_ptr_array_index (all, i))))
          g_ptr_array_add (rows, g_ptr_array_index (all, i));
      g_list_store_splice (self->views[v], 0,
                           g_list_model_get_n_items (G_LIST_MODEL (self->views[v])),
                           rows->pdata, rows->len);
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
