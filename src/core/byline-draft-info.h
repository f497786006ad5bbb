/* byline-draft-info.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of the library: the header of a draft, read from the index, so
 * listing 10,000 drafts parses no article body.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_DRAFT_INFO (byline_draft_info_get_type ())

G_DECLARE_FINAL_TYPE (BylineDraftInfo, byline_draft_info, BYLINE, DRAFT_INFO, GObject)

/* The states the outbox sets with byline_draft_store_set_state(). */
#define BYLINE_DRAFT_STATE_DRAFT     "draft"
#define BYLINE_DRAFT_STATE_QUEUED    "queued"
#define BYLINE_DRAFT_STATE_PUBLISHED "published"

/* A draft the store could not load, by folder name, with a message. */
typedef struct
{
  char *id;
  char *message;
} BylineDraftProblem;

const char *byline_draft_info_get_id         (BylineDraftInfo *self);
const char *byline_draft_info_get_title      (BylineDraftInfo *self);
/* The lead (or, without one, the start of the body), at most 200 characters. */
const char *byline_draft_info_get_lead       (BylineDraftInfo *self);
GDateTime  *byline_draft_info_get_modified   (BylineDraftInfo *self);
const char *byline_draft_info_get_state      (BylineDraftInfo *self);
guint       byline_draft_info_get_word_count (BylineDraftInfo *self);
gboolean    byline_draft_info_get_read_only  (BylineDraftInfo *self);
gboolean    byline_draft_info_get_in_trash   (BylineDraftInfo *self);
/* When it went to the trash; NULL when not in the trash. */
GDateTime  *byline_draft_info_get_trashed    (BylineDraftInfo *self);

G_END_DECLS
