/* byline-publish-plan.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the outbox will send for an article: the pre-flight checks the user
 * sees before "Publish", and the post's fields worked out from the article,
 * the site and the site's cached terms.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "byline-article.h"
#include "byline-site.h"
#include "byline-site-terms.h"

G_BEGIN_DECLS

/* Over this many characters a title gets a warning; over the second it
 * blocks: no headline is that long, it is a paste gone wrong. */
#define BYLINE_PUBLISH_TITLE_LONG     150
#define BYLINE_PUBLISH_TITLE_TOO_LONG 300

/* What the user asks for. An embargo in the future turns PUBLISH into
 * WordPress's "future" (scheduled). */
typedef enum
{
  BYLINE_PUBLISH_STATUS_PUBLISH,
  BYLINE_PUBLISH_STATUS_DRAFT,
  BYLINE_PUBLISH_STATUS_PENDING,   /* "ready for the desk" */
} BylinePublishStatus;

typedef enum
{
  BYLINE_PUBLISH_SEVERITY_WARNING,
  BYLINE_PUBLISH_SEVERITY_BLOCKING,
} BylinePublishSeverity;

typedef enum
{
  BYLINE_PUBLISH_PROBLEM_READ_ONLY,
  BYLINE_PUBLISH_PROBLEM_NO_SITE_TERMS,
  BYLINE_PUBLISH_PROBLEM_TITLE_EMPTY,
  BYLINE_PUBLISH_PROBLEM_TITLE_LONG,
  BYLINE_PUBLISH_PROBLEM_TITLE_TOO_LONG,
  BYLINE_PUBLISH_PROBLEM_NO_CATEGORY,
  BYLINE_PUBLISH_PROBLEM_UNKNOWN_CATEGORY,
  BYLINE_PUBLISH_PROBLEM_TAG_NOT_ALLOWED,
  BYLINE_PUBLISH_PROBLEM_EMBARGO_PASSED,
  BYLINE_PUBLISH_PROBLEM_PHOTO_NO_ALT,
  BYLINE_PUBLISH_PROBLEM_PHOTO_NO_CREDIT,
  BYLINE_PUBLISH_PROBLEM_NO_FEATURED_PHOTO,
} BylinePublishProblemCode;

#define BYLINE_TYPE_PUBLISH_PROBLEM (byline_publish_problem_get_type ())
#define BYLINE_TYPE_PUBLISH_PLAN    (byline_publish_plan_get_type ())

/* @field names what to fix: "title", "category", "tags", "embargo",
 * "featured-photo", or "photo:<id>:alt-text" / "photo:<id>:credit". */
typedef struct
{
  BylinePublishSeverity     severity;
  BylinePublishProblemCode  code;
  char                     *message;   /* translated, for the user */
  char                     *field;
} BylinePublishProblem;

/* The post's fields. date_gmt is "YYYY-MM-DDTHH:MM:SS" in UTC (what
 * WordPress's date_gmt wants), date_local the same instant on the site's
 * clock (what WordPress shows as "date"); both NULL without an embargo. */
typedef struct
{
  char    *status;        /* "publish", "future", "draft", "pending" */
  char    *title;
  char    *excerpt;       /* the lead; NULL when none */
  char    *slug;          /* final, from the title */
  char    *date_gmt;
  char    *date_local;
  gint64   category_id;
  GArray  *tag_ids;       /* of gint64: tags the site already has */
  char   **new_tags;      /* names of tags to create first */
} BylinePublishPlan;

GType                 byline_publish_problem_get_type   (void) G_GNUC_CONST;
BylinePublishProblem *byline_publish_problem_copy       (const BylinePublishProblem *problem);
void                  byline_publish_problem_free       (BylinePublishProblem       *problem);

const char           *byline_publish_status_to_string   (BylinePublishStatus         status);
gboolean              byline_publish_status_from_string (const char                 *string,
                                                         BylinePublishStatus        *status);

/* Pre-flight: every problem, blocking ones first. @terms may be NULL (no
 * cache yet: that blocks). @read_only is the draft store's verdict (a file
 * of a newer schema). @now is the time the embargo is compared with. */
GPtrArray            *byline_publish_check              (BylineArticle              *article,
                                                         BylineSite                 *site,
                                                         const BylineSiteTerms      *terms,
                                                         gboolean                    read_only,
                                                         GDateTime                  *now);
gboolean              byline_publish_problems_block     (GPtrArray                  *problems);

GType                 byline_publish_plan_get_type      (void) G_GNUC_CONST;
/* The post for @article; call after byline_publish_check() found nothing
 * blocking (unknown categories give category_id 0). */
BylinePublishPlan    *byline_publish_plan_new           (BylineArticle              *article,
                                                         BylineSite                 *site,
                                                         const BylineSiteTerms      *terms,
                                                         BylinePublishStatus         status);
BylinePublishPlan    *byline_publish_plan_copy          (const BylinePublishPlan    *plan);
void                  byline_publish_plan_free          (BylinePublishPlan          *plan);
JsonNode             *byline_publish_plan_to_json       (const BylinePublishPlan    *plan);
BylinePublishPlan    *byline_publish_plan_new_from_json (JsonNode                   *node);

/* "byline-<uuid>": the slug of the reserved draft, found again after an
 * ambiguous failure. */
char                 *byline_publish_reserved_slug      (const char                 *article_id);
/* ASCII, lower case, Vietnamese diacritics removed (đ → d), words joined by
 * '-', at most 80 characters; NULL if nothing is left. */
char                 *byline_publish_slug_from_title    (const char                 *title);
/* The site's zone: its timezone_string, else its fixed gmt_offset. */
GTimeZone            *byline_publish_site_time_zone     (BylineSite                 *site);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylinePublishProblem, byline_publish_problem_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylinePublishPlan, byline_publish_plan_free)

G_END_DECLS
