/* byline-publish-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-json-util.h"
#include "byline-publish-plan.h"

#define SLUG_MAX 80

/* Problems ---------------------------------------------------------------- */

BylinePublishProblem *
byline_publish_problem_copy (const BylinePublishProblem *problem)
{
  BylinePublishProblem *copy = g_new0 (BylinePublishProblem, 1);

  copy->severity = problem->severity;
  copy->code = problem->code;
  copy->message = g_strdup (problem->message);
  copy->field = g_strdup (problem->field);
  return copy;
}

void
byline_publish_problem_free (BylinePublishProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem->field);
  g_free (problem);
}

G_DEFINE_BOXED_TYPE (BylinePublishProblem, byline_publish_problem,
                     byline_publish_problem_copy, byline_publish_problem_free)

static void
add_problem (GPtrArray                *problems,
             BylinePublishSeverity     severity,
             BylinePublishProblemCode  code,
             const char               *field,
             char                     *message)
{
  BylinePublishProblem *problem = g_new0 (BylinePublishProblem, 1);

  problem->severity = severity;
  problem->code = code;
  problem->field = g_strdup (field);
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

/* Statuses ---------------------------------------------------------------- */

static const char * const status_names[] = { "publish", "draft", "pending" };

const char *
byline_publish_status_to_string (BylinePublishStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_names), NULL);

  return status_names[status];
}

gboolean
byline_publish_status_from_string (const char          *string,
                                   BylinePublishStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (string, status_names[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

/* Terms ------------------------------------------------------------------- */

/* WordPress treats term names case-insensitively; the article may also
 * hold the slug. */
static const BylineCmsTerm *
find_term (GPtrArray  *terms,
           const char *name)
{
  g_autofree char *folded = NULL;

  if (terms == NULL || name == NULL)
    return NULL;

  folded = g_utf8_casefold (name, -1);
  for (guint i = 0; i < terms->len; i++)
    {
      const BylineCmsTerm *term = g_ptr_array_index (terms, i);
      g_autofree char *term_folded = term->name != NULL ? g_utf8_casefold (term->name, -1) : NULL;

      if (g_strcmp0 (term_folded, folded) == 0 || g_strcmp0 (term->slug, name) == 0)
        return term;
    }
  return NULL;
}

/* Creating a tag takes the post_tag taxonomy's edit_terms, which WordPress
 * maps to manage_categories: editors have it, authors do not. */
static gboolean
may_create_tags (const BylineSiteTerms *terms)
{
  return terms->capabilities != NULL &&
         g_strv_contains ((const char * const *) terms->capabilities, "manage_categories");
}

/* Checks ------------------------------------------------------------------ */

static void
check_title (BylineArticle *article,
             GPtrArray     *problems)
{
  const char *title = byline_article_get_title (article);
  glong length = title != NULL ? g_utf8_strlen (title, -1) : 0;

  if (length == 0)
    add_problem (problems, BYLINE_PUBLISH_SEVERITY_BLOCKING, BYLINE_PUBLISH_PROBLEM_TITLE_EMPTY,
                 "title", g_strdup (_("The article has no title.")));
  else if (length > BYLINE_PUBLISH_TITLE_TOO_LONG)
    add_problem (problems, BYLINE_PUBLISH_SEVERITY_BLOCKING, BYLINE_PUBLISH_PROBLEM_TITLE_TOO_LONG,
                 "title", g_strdup_printf (_("The title has %ld characters: shorten it to %d "
                                             "or fewer."), length, BYLINE_PUBLISH_TITLE_TOO_LONG));
  else if (length > BYLINE_PUBLISH_TITLE_LONG)
    add_problem (problems, BYLINE_PUBLISH_SEVERITY_WARNING, BYLINE_PUBLISH_PROBLEM_TITLE_LONG,
                 "title", g_strdup_printf (_("The title has %ld characters; headlines over %d "
                                             "are cut in lists and search results."),
                                           length, BYLINE_PUBLISH_TITLE_LONG));
}

static void
check_category (BylineArticle         *article,
                BylineSite            *site,
                const BylineSiteTerms *terms,
                GPtrArray             *problems)
{
  const char *category = byline_article_get_category (article);

  if (category == NULL || *category == '\0')
    add_problem (problems, BYLINE_PUBLISH_SEVERITY_BLOCKING, BYLINE_PUBLISH_PROBLEM_NO_CATEGORY,
                 "category", g_strdup (_("Choose a category.")));
  else if (terms != NULL && find_term (terms->categories, category) == NULL)
    add_problem (problems, BYLINE_PUBLISH_SEVERITY_BLOCKING,
                 BYLINE_PUBLISH_PROBLEM_UNKNOWN_CATEGORY, "category",
                 g_strdup_printf (_("The category “%s” does not exist on %s: choose another "
                                    "one, or refresh the site's categories."),
                                  category, byline_site_get_name (site)));
}

static void
check_tags (BylineArticle         *article,
            BylineSite            *site,
            const BylineSiteTerms *terms,
            GPtrArray             *problems)
{
  const char * const *tags = byline_article_get_tags (article);

  if (terms == NULL || tags == NULL || may_create_tags (terms))
    return;

  for (guint i = 0; tags[i] != NULL; i++)
    if (find_term (terms->tags, tags[i]) == NULL)
      add_problem (problems, BYLINE_PUBLISH_SEVERITY_BLOCKING,
                   BYLINE_PUBLISH_PROBLEM_TAG_NOT_ALLOWED, "tags",
                   g_strdup_printf (_("The tag “%s” does not exist on %s and your account may "
                                      "not create tags: remove it or ask the desk to add it."),
                                    tags[i], byline_site_get_name (site)));
}

static void
check_embargo (BylineArticle *article,
               GDateTime     *now,
               GPtrArray     *problems)
{
  GDateTime *embargo = byline_article_get_embargo (article);

  if (embargo != NULL && g_date_time_compare (embargo, now) <= 0)
    add_problem (problems, BYLINE_PUBLISH_SEVERITY_BLOCKING,
                 BYLINE_PUBLISH_PROBLEM_EMBARGO_PASSED, "embargo",
                 g_strdup (_("The embargo has passed: clear it or set a new one.")));
}

static char *
photo_field (BylinePhoto *photo,
             const char  *what)
{
  return g_strdup_printf ("photo:%s:%s", byline_photo_get_id (photo), what);
}

static const char *
photo_label (BylinePhoto *photo)
{
  const char *name = byline_photo_get_original_name (photo);

  return name != NULL ? name : byline_photo_get_id (photo);
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static void
check_photo (BylinePhoto *photo,
             GPtrArray   *problems)
{
  if (is_empty (byline_photo_get_alt_text (photo)))
    {
      g_autofree char *field = photo_field (photo, "alt-text");
      add_problem (problems, BYLINE_PUBLISH_SEVERITY_WARNING, BYLINE_PUBLISH_PROBLEM_PHOTO_NO_ALT,
                   field, g_strdup_printf (_("The photo “%s” has no alternative text for readers "
                                             "who cannot see it."), photo_label (photo)));
    }
  if (is_empty (byline_photo_get_creator (photo)) && is_empty (byline_photo_get_credit_line (photo)))
    {
      g_autofree char *field = photo_field (photo, "credit");
      add_problem (problems, BYLINE_PUBLISH_SEVERITY_WARNING,
                   BYLINE_PUBLISH_PROBLEM_PHOTO_NO_CREDIT, field,
                   g_strdup_printf (_("The photo “%s” has no photographer or credit."),
                                    photo_label (photo)));
    }
}

static void
check_photos (BylineArticle *article,
              GPtrArray     *problems)
{
  GListModel *photos = byline_article_get_photos (article);
  guint n = g_list_model_get_n_items (photos);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylinePhoto) photo = g_list_model_get_item (photos, i);
      check_photo (photo, problems);
    }

  if (n > 0 && byline_article_get_featured_photo (article) == NULL)
    add_problem (problems, BYLINE_PUBLISH_SEVERITY_WARNING,
                 BYLINE_PUBLISH_PROBLEM_NO_FEATURED_PHOTO, "featured-photo",
                 g_strdup (_("No photo is featured: the post will have no image in lists "
                             "and when shared.")));
}

static int
problem_compare (gconstpointer a,
                 gconstpointer b)
{
  const BylinePublishProblem *pa = *(BylinePublishProblem * const *) a;
  const BylinePublishProblem *pb = *(BylinePublishProblem * const *) b;

  return (int) pb->severity - (int) pa->severity;
}

/**
 * byline_publish_check:
 *
 * Returns: (transfer full) (element-type BylinePublishProblem): every
 *   problem, blocking ones first; empty when all is well
 */
GPtrArray *
byline_publish_check (BylineArticle         *article,
                      BylineSite            *site,
                      const BylineSiteTerms *terms,
                      gboolean               read_only,
                      GDateTime             *now)
{
  GPtrArray *problems;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (BYLINE_IS_SITE (site), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_publish_problem_free);
  if (read_only)
    add_problem (problems, BYLINE_PUBLISH_SEVERITY_BLOCKING, BYLINE_PUBLISH_PROBLEM_READ_ONLY,
                 NULL, g_strdup (_("This article was saved by a newer version of Byline and is "
                                   "read-only here: publish it from that version.")));
  if (terms == NULL)
    add_problem (problems, BYLINE_PUBLISH_SEVERITY_BLOCKING, BYLINE_PUBLISH_PROBLEM_NO_SITE_TERMS,
                 "category", g_strdup_printf (_("The categories of %s are not known yet: "
                                                "connect once to fetch them."),
                                              byline_site_get_name (site)));
  check_title (article, problems);
  check_category (article, site, terms, problems);
  check_tags (article, site, terms, problems);
  check_embargo (article, now, problems);
  check_photos (article, problems);

  g_ptr_array_sort (problems, problem_compare);
  return problems;
}

gboolean
byline_publish_problems_block (GPtrArray *problems)
{
  g_return_val_if_fail (problems != NULL, TRUE);

  for (guint i = 0; i < problems->len; i++)
    if (((BylinePublishProblem *) g_ptr_array_index (problems, i))->severity ==
        BYLINE_PUBLISH_SEVERITY_BLOCKING)
      return TRUE;
  return FALSE;
}

/* Slugs and dates ---------------------------------------------------------- */

char *
byline_publish_reserved_slug (const char *article_id)
{
  g_return_val_if_fail (article_id != NULL, NULL);

  return g_strconcat ("byline-", article_id, NULL);
}

/* The base letter of a Latin letter with diacritics: NFD splits "ễ" into
 * "e" and combining marks; đ has no decomposition, so it is named. */
static void
append_ascii (GString  *slug,
              gunichar  c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (c == 0x0111 || c == 0x0110)   /* đ Đ */
    c = 'd';
  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  c = n > 0 ? decomposed[0] : c;

  if (c < 0x80 && g_ascii_isalnum (c))
    g_string_append_c (slug, g_ascii_tolower (c));
  else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
    g_string_append_c (slug, '-');
}

char *
byline_publish_slug_from_title (const char *title)
{
  g_autoptr(GString) slug = g_string_new (NULL);

  if (title == NULL)
    return NULL;

  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    append_ascii (slug, g_utf8_get_char (p));

  /* Cut at a word boundary when too long. */
  if (slug->len > SLUG_MAX)
    {
      const char *cut = g_strrstr_len (slug->str, SLUG_MAX + 1, "-");
      g_string_truncate (slug, cut != NULL && cut > slug->str ? (gsize) (cut - slug->str) : SLUG_MAX);
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  return slug->len > 0 ? g_string_free (g_steal_pointer (&slug), FALSE) : NULL;
}

GTimeZone *
byline_publish_site_time_zone (BylineSite *site)
{
  const char *identifier;

  g_return_val_if_fail (BYLINE_IS_SITE (site), NULL);

  identifier = byline_site_get_timezone (site);
  if (identifier != NULL && *identifier != '\0')
    {
      GTimeZone *tz = g_time_zone_new_identifier (identifier);
      if (tz != NULL)
        return tz;
    }
  return g_time_zone_new_offset (byline_site_get_gmt_offset (site));
}

/* WordPress's date fields have no zone: the zone is implied by the name. */
static char *
format_wordpress_date (GDateTime *when,
                       GTimeZone *tz)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (when, tz);

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S");
}

/* Plans ------------------------------------------------------------------- */

static const char *
wordpress_status (BylinePublishStatus  status,
                  GDateTime           *embargo)
{
  if (status == BYLINE_PUBLISH_STATUS_PUBLISH && embargo != NULL)
    return "future";
  return byline_publish_status_to_string (status);
}

static void
plan_tags (BylinePublishPlan     *plan,
           BylineArticle         *article,
           const BylineSiteTerms *terms)
{
  const char * const *tags = byline_article_get_tags (article);
  g_autoptr(GStrvBuilder) new_tags = g_strv_builder_new ();

  plan->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      const BylineCmsTerm *term = find_term (terms != NULL ? terms->tags : NULL, tags[i]);

      if (term != NULL)
        g_array_append_val (plan->tag_ids, term->id);
      else
        g_strv_builder_add (new_tags, tags[i]);
    }
  plan->new_tags = g_strv_builder_end (new_tags);
}

/**
 * byline_publish_plan_new:
 *
 * Returns: (transfer full): the fields of the post for @article
 */
BylinePublishPlan *
byline_publish_plan_new (BylineArticle         *article,
                         BylineSite            *site,
                         const BylineSiteTerms *terms,
                         BylinePublishStatus    status)
{
  BylinePublishPlan *plan;
  GDateTime *embargo;
  const BylineCmsTerm *category;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (BYLINE_IS_SITE (site), NULL);

  plan = g_new0 (BylinePublishPlan, 1);
  embargo = byline_article_get_embargo (article);
  plan->status = g_strdup (wordpress_status (status, embargo));
  plan->title = g_strdup (byline_article_get_title (article));
  plan->excerpt = g_strdup (byline_article_get_lead (article));
  plan->slug = byline_publish_slug_from_title (plan->title);
  if (plan->slug == NULL)
    plan->slug = g_strndup (byline_article_get_id (article), 8);

  if (embargo != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GTimeZone) site_tz = byline_publish_site_time_zone (site);

      plan->date_gmt = format_wordpress_date (embargo, utc);
      plan->date_local = format_wordpress_date (embargo, site_tz);
    }

  category = find_term (terms != NULL ? terms->categories : NULL,
                        byline_article_get_category (article));
  plan->category_id = category != NULL ? category->id : 0;
  plan_tags (plan, article, terms);
  return plan;
}

BylinePublishPlan *
byline_publish_plan_copy (const BylinePublishPlan *plan)
{
  BylinePublishPlan *copy = g_new0 (BylinePublishPlan, 1);

  copy->status = g_strdup (plan->status);
  copy->title = g_strdup (plan->title);
  copy->excerpt = g_strdup (plan->excerpt);
  copy->slug = g_strdup (plan->slug);
  copy->date_gmt = g_strdup (plan->date_gmt);
  copy->date_local = g_strdup (plan->date_local);
  copy->category_id = plan->category_id;
  copy->tag_ids = plan->tag_ids != NULL ? g_array_copy (plan->tag_ids) : NULL;
  copy->new_tags = g_strdupv (plan->new_tags);
  return copy;
}

void
byline_publish_plan_free (BylinePublishPlan *plan)
{
  if (plan == NULL)
    return;

  g_free (plan->status);
  g_free (plan->title);
  g_free (plan->excerpt);
  g_free (plan->slug);
  g_free (plan->date_gmt);
  g_free (plan->date_local);
  g_clear_pointer (&plan->tag_ids, g_array_unref);
  g_strfreev (plan->new_tags);
  g_free (plan);
}

G_DEFINE_BOXED_TYPE (BylinePublishPlan, byline_publish_plan,
                     byline_publish_plan_copy, byline_publish_plan_free)

JsonNode *
byline_publish_plan_to_json (const BylinePublishPlan *plan)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (plan != NULL, NULL);

  json_builder_begin_object (builder);
  byline_json_add_nullable_string (builder, "status", plan->status);
  byline_json_add_nullable_string (builder, "title", plan->title);
  byline_json_add_nullable_string (builder, "excerpt", plan->excerpt);
  byline_json_add_nullable_string (builder, "slug", plan->slug);
  byline_json_add_nullable_string (builder, "date_gmt", plan->date_gmt);
  byline_json_add_nullable_string (builder, "date_local", plan->date_local);
  json_builder_set_member_name (builder, "category");
  json_builder_add_int_value (builder, plan->category_id);
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; plan->tag_ids != NULL && i < plan->tag_ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (plan->tag_ids, gint64, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "new_tags");
  json_builder_begin_array (builder);
  for (guint i = 0; plan->new_tags != NULL && plan->new_tags[i] != NULL; i++)
    json_builder_add_string_value (builder, plan->new_tags[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * byline_publish_plan_new_from_json:
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL if @node is not
 *   one (no status or title)
 */
BylinePublishPlan *
byline_publish_plan_new_from_json (JsonNode *node)
{
  g_autoptr(BylinePublishPlan) plan = NULL;
  g_autoptr(GStrvBuilder) new_tags = g_strv_builder_new ();
  JsonObject *object;
  JsonArray *array;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  plan = g_new0 (BylinePublishPlan, 1);
  plan->status = byline_json_dup_string (object, "status");
  plan->title = byline_json_dup_string (object, "title");
  if (plan->status == NULL || plan->title == NULL)
    return NULL;
  plan->excerpt = byline_json_dup_string (object, "excerpt");
  plan->slug = byline_json_dup_string (object, "slug");
  plan->date_gmt = byline_json_dup_string (object, "date_gmt");
  plan->date_local = byline_json_dup_string (object, "date_local");
  plan->category_id = json_object_get_int_member_with_default (object, "category", 0);

  plan->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if ((array = byline_json_peek_array (object, "tags")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        gint64 id = json_array_get_int_element (array, i);
        g_array_append_val (plan->tag_ids, id);
      }
  if ((array = byline_json_peek_array (object, "new_tags")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      if (json_node_get_value_type (json_array_get_element (array, i)) == G_TYPE_STRING)
        g_strv_builder_add (new_tags, json_array_get_string_element (array, i));
  plan->new_tags = g_strv_builder_end (new_tags);

  return g_steal_pointer (&plan);
}
