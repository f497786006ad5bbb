/* byline-draft-state.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-draft-state.h"
#include "byline-draft-store-private.h"

/* Whether the draft is known to be on a site: its state says so, or its
 * open article has a post (an update cancelled in a conflict went through
 * "queued" and "conflict", which forgot "published"). */
static gboolean
is_on_site (BylineDraftStore *store,
            const char       *article_id)
{
  BylineDraftInfo *info = byline_draft_store_lookup (store, article_id);
  BylineTracked *t = g_hash_table_lookup (store->tracked, article_id);

  if (info != NULL && g_strcmp0 (byline_draft_info_get_state (info), BYLINE_DRAFT_STATE_PUBLISHED) == 0)
    return TRUE;
  return t != NULL && byline_article_get_remote_post_id (t->article) > 0;
}

/**
 * byline_draft_state_for_outbox:
 * @store: the store that lists the draft
 * @article_id: the draft
 * @state: what the outbox says of it
 *
 * Returns: the state to give byline_draft_store_set_state(): "published"
 *   when done, "queued" when queued, the outbox's own name for the steps
 *   in between and for "waiting", "failed" and "conflict"; after a cancel,
 *   what the draft was before it was queued (a published article stays
 *   published).
 */
const char *
byline_draft_state_for_outbox (BylineDraftStore  *store,
                               const char        *article_id,
                               BylineOutboxState  state)
{
  g_return_val_if_fail (BYLINE_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (article_id != NULL, NULL);

  switch ((int) state)
    {
    case BYLINE_OUTBOX_STATE_DONE:
      return BYLINE_DRAFT_STATE_PUBLISHED;
    case BYLINE_OUTBOX_STATE_NONE:
      return is_on_site (store, article_id) ? BYLINE_DRAFT_STATE_PUBLISHED : BYLINE_DRAFT_STATE_DRAFT;
    case BYLINE_OUTBOX_STATE_QUEUED:
      return BYLINE_DRAFT_STATE_QUEUED;
    default:
      return byline_outbox_state_to_string (state);
    }
}
