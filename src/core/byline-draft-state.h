/* byline-draft-state.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The library state of a draft the outbox is handling: what the store's
 * views (Drafts, Outbox, Published) and the library's badges show. One
 * mapping for the GUI and byline-cli, so a running GUI shows what the CLI
 * wrote into the index and the other way round.
 */

#pragma once

#include "byline-draft-store.h"
#include "byline-outbox-journal.h"

G_BEGIN_DECLS

const char *byline_draft_state_for_outbox (BylineDraftStore  *store,
                                           const char        *article_id,
                                           BylineOutboxState  state);

G_END_DECLS
