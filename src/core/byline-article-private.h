/* byline-article-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared between byline-article.c (the object) and byline-article-json.c
 * (article.json), which must see every field.
 */

#pragma once

#include "byline-article.h"

G_BEGIN_DECLS

/* The text fields, one table for getters, setters, properties and JSON. */
typedef enum
{
  ARTICLE_TITLE,
  ARTICLE_LEAD,
  ARTICLE_CATEGORY,
  ARTICLE_DATELINE,
  ARTICLE_LANGUAGE,
  ARTICLE_SITE,
  ARTICLE_SLUGLINE,
  ARTICLE_DESK_NOTE,
  ARTICLE_N_TEXTS
} ArticleText;

typedef enum
{
  ARTICLE_TAGS,
  ARTICLE_WRITERS,
  ARTICLE_PHOTOGRAPHERS,
  ARTICLE_N_LISTS
} ArticleList;

extern const char * const byline_article_text_members[ARTICLE_N_TEXTS];
extern const char * const byline_article_list_members[ARTICLE_N_LISTS];

struct _BylineArticle
{
  GObject     parent_instance;

  char       *id;
  GDateTime  *created;
  GDateTime  *modified;
  char       *texts[ARTICLE_N_TEXTS];
  char      **lists[ARTICLE_N_LISTS];   /* never NULL */
  guint       priority;
  GDateTime  *embargo;
  GPtrArray  *blocks;                   /* of BylineBlock */
  GListStore *photos;                   /* of BylinePhoto */
  char       *featured_photo;           /* chosen explicitly, else NULL */

  char       *remote_site;              /* the site's id: a post id means nothing elsewhere */
  gint64      remote_post_id;
  char       *remote_link;
  char       *remote_modified;
  char       *remote_digest;
  char       *remote_status;

  /* The file's schema version, and the top-level members this version
   * does not know, written back as they came. */
  gint64      version;
  JsonObject *unknown;

  /* While > 0, changes are collected into one "changed" at the end. */
  guint       freeze_count;
  gboolean    change_pending;
};

/* For the loader: an article with this id and no signal handlers run. */
BylineArticle *byline_article_new_with_id     (const char    *id);
void           byline_article_freeze_changed  (BylineArticle *self);
/* Emits the collected "changed" unless @discard. */
void           byline_article_thaw_changed    (BylineArticle *self,
                                               gboolean       discard);

G_END_DECLS
