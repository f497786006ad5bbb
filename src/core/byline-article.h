/* byline-article.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The article model. Widgets edit it, it emits "changed", the draft store
 * and the outbox listen. Every string that comes in is normalised to NFC;
 * NULL and "" both mean "absent" and are omitted from the JSON.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "byline-block.h"
#include "byline-photo.h"
#include "byline-types.h"

G_BEGIN_DECLS

/* The schema version written into article.json. A file with a newer
 * version is opened read-only and never rewritten. */
#define BYLINE_ARTICLE_SCHEMA_VERSION 1

#define BYLINE_ARTICLE_ERROR (byline_article_error_quark ())

typedef enum
{
  BYLINE_ARTICLE_ERROR_INVALID,   /* not JSON, or not an article */
} BylineArticleError;

#define BYLINE_TYPE_ARTICLE (byline_article_get_type ())

G_DECLARE_FINAL_TYPE (BylineArticle, byline_article, BYLINE, ARTICLE, GObject)

GQuark         byline_article_error_quark          (void);

/* A new empty article with a fresh UUID and created = modified = now. */
BylineArticle *byline_article_new                  (void);
/* Loads an article from its JSON (article.json). Sets *newer_version when
 * the file's schema version is newer than BYLINE_ARTICLE_SCHEMA_VERSION:
 * unknown fields are then kept in memory and written back untouched by
 * to_json, but the caller must treat the article as read-only. */
BylineArticle *byline_article_new_from_json        (JsonNode       *node,
                                                    gboolean       *newer_version,
                                                    GError        **error);
BylineArticle *byline_article_new_from_bytes       (GBytes         *bytes,
                                                    gboolean       *newer_version,
                                                    GError        **error);
JsonNode      *byline_article_to_json              (BylineArticle  *self);
/* Pretty-printed UTF-8 JSON, ending with a newline. */
GBytes        *byline_article_to_bytes             (BylineArticle  *self);
/* A private copy sharing the sealed blocks: cheap, and safe to serialise
 * in a worker thread while the original is edited. */
BylineArticle *byline_article_dup_snapshot         (BylineArticle  *self);

const char    *byline_article_get_id               (BylineArticle  *self);
GDateTime     *byline_article_get_created          (BylineArticle  *self);
GDateTime     *byline_article_get_modified         (BylineArticle  *self);
/* Every setter below updates "modified" and emits "changed" once, and only
 * when the value really changed. */
const char    *byline_article_get_title            (BylineArticle  *self);
void           byline_article_set_title            (BylineArticle  *self,
                                                    const char     *title);
const char    *byline_article_get_lead             (BylineArticle  *self);
void           byline_article_set_lead             (BylineArticle  *self,
                                                    const char     *lead);
const char    *byline_article_get_category         (BylineArticle  *self);
void           byline_article_set_category         (BylineArticle  *self,
                                                    const char     *category);
const char * const *byline_article_get_tags        (BylineArticle  *self);
void           byline_article_set_tags             (BylineArticle  *self,
                                                    const char * const *tags);
const char * const *byline_article_get_writers     (BylineArticle  *self);
void           byline_article_set_writers          (BylineArticle  *self,
                                                    const char * const *writers);
/* Photographers credited in the closing line. When empty, renderers use the
 * creators of the article's photos. */
const char * const *byline_article_get_photographers (BylineArticle *self);
void           byline_article_set_photographers    (BylineArticle  *self,
                                                    const char * const *photographers);
const char    *byline_article_get_dateline         (BylineArticle  *self);
void           byline_article_set_dateline         (BylineArticle  *self,
                                                    const char     *dateline);
/* BCP 47 language of the text ("vi", "en"), for spell checking and ninjs. */
const char    *byline_article_get_language         (BylineArticle  *self);
void           byline_article_set_language         (BylineArticle  *self,
                                                    const char     *language);
const char    *byline_article_get_site             (BylineArticle  *self);
void           byline_article_set_site             (BylineArticle  *self,
                                                    const char     *site_id);

/* Newsroom fields */
const char    *byline_article_get_slugline         (BylineArticle  *self);
void           byline_article_set_slugline         (BylineArticle  *self,
                                                    const char     *slugline);
/* 1 (flash) … 9 (lowest); 0 means not set. Default 5. */
guint          byline_article_get_priority         (BylineArticle  *self);
void           byline_article_set_priority         (BylineArticle  *self,
                                                    guint           priority);
/* NULL when there is no embargo. */
GDateTime     *byline_article_get_embargo          (BylineArticle  *self);
void           byline_article_set_embargo          (BylineArticle  *self,
                                                    GDateTime      *embargo);
const char    *byline_article_get_desk_note        (BylineArticle  *self);
void           byline_article_set_desk_note        (BylineArticle  *self,
                                                    const char     *note);

/* Body: an array of BylineBlock. set_blocks takes its own references and
 * emits "changed" only if the new body differs from the old one. Blocks
 * given to an article are sealed (byline_block_add_mark() on them is a
 * critical): to edit one, byline_block_copy() it and set the new body. */
GPtrArray     *byline_article_get_blocks           (BylineArticle  *self);
void           byline_article_set_blocks           (BylineArticle  *self,
                                                    GPtrArray      *blocks);
/* The body as plain text, paragraphs separated by blank lines (for search,
 * counts and the index). */
char          *byline_article_dup_body_text        (BylineArticle  *self);
/* Word count of title, lead and body. */
guint          byline_article_count_words          (BylineArticle  *self);

/* Photos, in order. The list model holds BylinePhoto. */
GListModel    *byline_article_get_photos           (BylineArticle  *self);
BylinePhoto   *byline_article_find_photo           (BylineArticle  *self,
                                                    const char     *photo_id);
/* Adding a photo whose id is already there does nothing and returns FALSE. */
gboolean       byline_article_add_photo            (BylineArticle  *self,
                                                    BylinePhoto    *photo);
/* Removes the photo and every photo block referring to it. */
gboolean       byline_article_remove_photo         (BylineArticle  *self,
                                                    const char     *photo_id);
gboolean       byline_article_move_photo           (BylineArticle  *self,
                                                    const char     *photo_id,
                                                    guint           position);
/* The featured photo's id; NULL when none. Defaults to the first photo. */
const char    *byline_article_get_featured_photo   (BylineArticle  *self);
void           byline_article_set_featured_photo   (BylineArticle  *self,
                                                    const char     *photo_id);

/* Remote state on the target site, set by the outbox. */
gint64         byline_article_get_remote_post_id   (BylineArticle  *self);
const char    *byline_article_get_remote_site      (BylineArticle  *self);
const char    *byline_article_get_remote_link      (BylineArticle  *self);
const char    *byline_article_get_remote_modified  (BylineArticle  *self);
const char    *byline_article_get_remote_digest    (BylineArticle  *self);
const char    *byline_article_get_remote_status    (BylineArticle  *self);
void           byline_article_set_remote           (BylineArticle  *self,
                                                    const char     *site_id,
                                                    gint64          post_id,
                                                    const char     *link,
                                                    const char     *modified_gmt,
                                                    const char     *digest,
                                                    const char     *status);

G_END_DECLS
