/* test-publish-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pre-flight checks, the post's fields (slug, status, dates in the site's
 * zone, terms), the plan's JSON, and the network test double.
 */

#include "config.h"

#include "byline-network.h"
#include "byline-publish-plan.h"

#define BARE_ID     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define CREDITED_ID "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

static BylineSite *
site_new (void)
{
  BylineSite *site = byline_site_new ();

  byline_site_set_name (site, "Báo Thử");
  byline_site_set_timezone (site, "Asia/Ho_Chi_Minh");
  byline_site_set_gmt_offset (site, 7 * 3600);
  return site;
}

static BylineSiteTerms *
terms_new (gboolean may_create_tags)
{
  BylineSiteTerms *terms = byline_site_terms_new ();
  const char * const author[] = { "edit_posts", "upload_files", NULL };
  const char * const editor[] = { "edit_posts", "upload_files", "manage_categories", NULL };
  BylineCmsTerm *tag = byline_cms_term_new (21, "Tháp Mười");

  g_ptr_array_add (terms->categories, byline_cms_term_new (3, "Thời sự"));
  g_ptr_array_add (terms->categories, byline_cms_term_new (4, "Kinh tế"));
  tag->slug = g_strdup ("thap-muoi");
  g_ptr_array_add (terms->tags, tag);
  g_strfreev (terms->capabilities);
  terms->capabilities = g_strdupv ((char **) (may_create_tags ? editor : author));
  return terms;
}

static BylineArticle *
article_new (void)
{
  BylineArticle *article = byline_article_new ();
  const char * const tags[] = { "tháp mười", "Nông thôn mới", NULL };

  byline_article_set_title (article, "Đà Nẵng: mưa lớn, nhiều tuyến phố ngập sâu");
  byline_article_set_lead (article, "Chiều 28/11, mưa lớn kéo dài.");
  byline_article_set_category (article, "Thời sự");
  byline_article_set_tags (article, tags);
  return article;
}

static GDateTime *
now_utc (void)
{
  return g_date_time_new_utc (2026, 11, 28, 5, 0, 0);
}

static const BylinePublishProblem *
find_problem (GPtrArray                *problems,
              BylinePublishProblemCode  code)
{
  for (guint i = 0; i < problems->len; i++)
    if (((BylinePublishProblem *) g_ptr_array_index (problems, i))->code == code)
      return g_ptr_array_index (problems, i);
  return NULL;
}

static GPtrArray *
check (BylineArticle         *article,
       const BylineSiteTerms *terms,
       gboolean               read_only)
{
  g_autoptr(BylineSite) site = site_new ();
  g_autoptr(GDateTime) now = now_utc ();

  return byline_publish_check (article, site, terms, read_only, now);
}

/* Tests -------------------------------------------------------------------- */

static void
test_slug (void)
{
  struct { const char *title; const char *slug; } cases[] = {
    { "Đà Nẵng: mưa lớn, nhiều tuyến phố ngập sâu – “khẩn cấp”",
      "da-nang-mua-lon-nhieu-tuyen-pho-ngap-sau-khan-cap" },
    { "ĐỒNG THÁP Mỹ Quí 2023", "dong-thap-my-qui-2023" },
    { "  --Quá  nhiều   khoảng trắng!! ", "qua-nhieu-khoang-trang" },
    { "北京", NULL },
    { "", NULL },
  };
  g_autofree char *long_slug = NULL;
  g_autoptr(GString) long_title = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = byline_publish_slug_from_title (cases[i].title);
      g_assert_cmpstr (slug, ==, cases[i].slug);
    }

  for (guint i = 0; i < 30; i++)
    g_string_append (long_title, "Nghị quyết ");
  long_slug = byline_publish_slug_from_title (long_title->str);
  g_assert_cmpuint (strlen (long_slug), <=, 80);
  g_assert_false (g_str_has_suffix (long_slug, "-"));
  g_assert_true (g_str_has_suffix (long_slug, "quyet"));
}

static void
test_clean_article (void)
{
  g_autoptr(BylineArticle) article = article_new ();
  g_autoptr(BylineSiteTerms) terms = terms_new (TRUE);
  g_autoptr(GPtrArray) problems = check (article, terms, FALSE);

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_false (byline_publish_problems_block (problems));
}

static void
test_blocking (void)
{
  g_autoptr(BylineArticle) article = article_new ();
  g_autoptr(BylineSiteTerms) terms = terms_new (TRUE);
  g_autoptr(GDateTime) past = g_date_time_new_utc (2026, 11, 28, 4, 0, 0);
  g_autoptr(GPtrArray) problems = NULL;
  const BylinePublishProblem *problem;

  byline_article_set_title (article, NULL);
  byline_article_set_category (article, "Thể thao");
  byline_article_set_embargo (article, past);
  problems = check (article, terms, TRUE);

  g_assert_true (byline_publish_problems_block (problems));
  g_assert_nonnull (find_problem (problems, BYLINE_PUBLISH_PROBLEM_READ_ONLY));
  problem = find_problem (problems, BYLINE_PUBLISH_PROBLEM_TITLE_EMPTY);
  g_assert_cmpstr (problem->field, ==, "title");
  problem = find_problem (problems, BYLINE_PUBLISH_PROBLEM_UNKNOWN_CATEGORY);
  g_assert_cmpint (problem->severity, ==, BYLINE_PUBLISH_SEVERITY_BLOCKING);
  g_assert_nonnull (strstr (problem->message, "Thể thao"));
  problem = find_problem (problems, BYLINE_PUBLISH_PROBLEM_EMBARGO_PASSED);
  g_assert_cmpstr (problem->message, ==, "The embargo has passed: clear it or set a new one.");

  byline_article_set_category (article, NULL);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = check (article, NULL, FALSE);
  g_assert_nonnull (find_problem (problems, BYLINE_PUBLISH_PROBLEM_NO_CATEGORY));
  g_assert_nonnull (find_problem (problems, BYLINE_PUBLISH_PROBLEM_NO_SITE_TERMS));
}

static void
test_title_length (void)
{
  g_autoptr(BylineArticle) article = article_new ();
  g_autoptr(BylineSiteTerms) terms = terms_new (TRUE);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GPtrArray) long_problems = NULL;
  g_autoptr(GPtrArray) too_long_problems = NULL;

  /* Counted in characters: "ố" is 3 bytes but 1 character. */
  for (guint i = 0; i < 151; i++)
    g_string_append (title, "ố");
  byline_article_set_title (article, title->str);
  long_problems = check (article, terms, FALSE);
  g_assert_nonnull (find_problem (long_problems, BYLINE_PUBLISH_PROBLEM_TITLE_LONG));
  g_assert_false (byline_publish_problems_block (long_problems));

  for (guint i = 0; i < 150; i++)
    g_string_append (title, "ố");
  byline_article_set_title (article, title->str);
  too_long_problems = check (article, terms, FALSE);
  g_assert_nonnull (find_problem (too_long_problems, BYLINE_PUBLISH_PROBLEM_TITLE_TOO_LONG));
  g_assert_true (byline_publish_problems_block (too_long_problems));
}

static void
test_tags_need_capability (void)
{
  g_autoptr(BylineArticle) article = article_new ();
  g_autoptr(BylineSiteTerms) author = terms_new (FALSE);
  g_autoptr(BylineSiteTerms) editor = terms_new (TRUE);
  g_autoptr(GPtrArray) author_problems = check (article, author, FALSE);
  g_autoptr(GPtrArray) editor_problems = check (article, editor, FALSE);
  const BylinePublishProblem *problem;

  problem = find_problem (author_problems, BYLINE_PUBLISH_PROBLEM_TAG_NOT_ALLOWED);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem->message, "Nông thôn mới"));
  /* "tháp mười" is the site's "Tháp Mười": case does not matter. */
  g_assert_null (strstr (problem->message, "tháp mười"));
  g_assert_cmpuint (author_problems->len, ==, 1);
  g_assert_null (find_problem (editor_problems, BYLINE_PUBLISH_PROBLEM_TAG_NOT_ALLOWED));
}

static void
test_photo_warnings (void)
{
  g_autoptr(BylineArticle) article = article_new ();
  g_autoptr(BylineSiteTerms) terms = terms_new (TRUE);
  g_autoptr(BylinePhoto) bare = byline_photo_new (BARE_ID, "jpg");
  g_autoptr(BylinePhoto) credited = byline_photo_new (CREDITED_ID, "jpg");
  g_autoptr(GPtrArray) problems = NULL;
  const BylinePublishProblem *problem;

  byline_photo_set_alt_text (credited, "Phố ngập");
  byline_photo_set_credit_line (credited, "Báo Đà Nẵng");
  byline_article_add_photo (article, bare);
  byline_article_add_photo (article, credited);
  problems = check (article, terms, FALSE);

  g_assert_false (byline_publish_problems_block (problems));
  g_assert_cmpuint (problems->len, ==, 2);
  problem = find_problem (problems, BYLINE_PUBLISH_PROBLEM_PHOTO_NO_ALT);
  g_assert_cmpstr (problem->field, ==, "photo:" BARE_ID ":alt-text");
  problem = find_problem (problems, BYLINE_PUBLISH_PROBLEM_PHOTO_NO_CREDIT);
  g_assert_cmpstr (problem->field, ==, "photo:" BARE_ID ":credit");
  /* The model features the first photo when none is chosen, so there is
   * no "no featured photo" warning with photos. */
  g_assert_null (find_problem (problems, BYLINE_PUBLISH_PROBLEM_NO_FEATURED_PHOTO));
}

static void
test_plan (void)
{
  g_autoptr(BylineArticle) article = article_new ();
  g_autoptr(BylineSiteTerms) terms = terms_new (TRUE);
  g_autoptr(BylineSite) site = site_new ();
  g_autoptr(BylinePublishPlan) plan = NULL;
  g_autoptr(BylinePublishPlan) pending = NULL;
  g_autoptr(BylinePublishPlan) back = NULL;
  g_autoptr(JsonNode) json = NULL;

  plan = byline_publish_plan_new (article, site, terms, BYLINE_PUBLISH_STATUS_PUBLISH);
  g_assert_cmpstr (plan->status, ==, "publish");
  g_assert_cmpstr (plan->slug, ==, "da-nang-mua-lon-nhieu-tuyen-pho-ngap-sau");
  g_assert_cmpstr (plan->excerpt, ==, "Chiều 28/11, mưa lớn kéo dài.");
  g_assert_null (plan->date_gmt);
  g_assert_cmpint (plan->category_id, ==, 3);
  g_assert_cmpuint (plan->tag_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (plan->tag_ids, gint64, 0), ==, 21);
  g_assert_cmpstrv (plan->new_tags, ((const char * const[]) { "Nông thôn mới", NULL }));

  json = byline_publish_plan_to_json (plan);
  back = byline_publish_plan_new_from_json (json);
  g_assert_cmpstr (back->title, ==, plan->title);
  g_assert_cmpint (back->category_id, ==, 3);
  g_assert_cmpuint (back->tag_ids->len, ==, 1);
  g_assert_cmpstrv (back->new_tags, plan->new_tags);
  g_assert_null (back->date_gmt);

  pending = byline_publish_plan_new (article, site, terms, BYLINE_PUBLISH_STATUS_PENDING);
  g_assert_cmpstr (pending->status, ==, "pending");
}

/* An embargo of 07:30 in Hồ Chí Minh City is 00:30 UTC: WordPress gets
 * date_gmt in UTC and would show 07:30 as the site's "date". */
static void
test_embargo_dates (void)
{
  g_autoptr(BylineArticle) article = article_new ();
  g_autoptr(BylineSiteTerms) terms = terms_new (TRUE);
  g_autoptr(BylineSite) site = site_new ();
  g_autoptr(GTimeZone) saigon = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr(GDateTime) embargo = g_date_time_new (saigon, 2026, 11, 29, 7, 30, 0);
  g_autoptr(BylinePublishPlan) plan = NULL;
  g_autoptr(BylinePublishPlan) offset_plan = NULL;
  g_autoptr(BylinePublishPlan) draft = NULL;

  g_assert_nonnull (saigon);
  byline_article_set_embargo (article, embargo);
  plan = byline_publish_plan_new (article, site, terms, BYLINE_PUBLISH_STATUS_PUBLISH);
  g_assert_cmpstr (plan->status, ==, "future");
  g_assert_cmpstr (plan->date_gmt, ==, "2026-11-29T00:30:00");
  g_assert_cmpstr (plan->date_local, ==, "2026-11-29T07:30:00");

  /* A site with only a UTC offset (no time zone name). */
  byline_site_set_timezone (site, NULL);
  byline_site_set_gmt_offset (site, -5 * 3600 - 1800);
  offset_plan = byline_publish_plan_new (article, site, terms, BYLINE_PUBLISH_STATUS_PUBLISH);
  g_assert_cmpstr (offset_plan->date_gmt, ==, "2026-11-29T00:30:00");
  g_assert_cmpstr (offset_plan->date_local, ==, "2026-11-28T19:00:00");

  draft = byline_publish_plan_new (article, site, terms, BYLINE_PUBLISH_STATUS_DRAFT);
  g_assert_cmpstr (draft->status, ==, "draft");
  g_assert_cmpstr (draft->date_gmt, ==, "2026-11-29T00:30:00");
}

static void
test_reserved_slug (void)
{
  g_autofree char *slug = byline_publish_reserved_slug ("0b6c4c9e-6d3e-4a34-9a43-3c8f2f1e5a77");

  g_assert_cmpstr (slug, ==, "byline-0b6c4c9e-6d3e-4a34-9a43-3c8f2f1e5a77");
}

static void
changed_cb (BylineNetwork *network,
            gboolean       available,
            GString       *log)
{
  g_string_append (log, available ? "up," : "down,");
}

static void
test_network_double (void)
{
  g_autoptr(BylineNetwork) network = byline_network_new_for_testing (FALSE);
  g_autoptr(GString) log = g_string_new (NULL);
  gboolean available = TRUE;

  g_signal_connect (network, "changed", G_CALLBACK (changed_cb), log);
  g_assert_false (byline_network_get_available (network));
  byline_network_set_available (network, FALSE);
  byline_network_set_available (network, TRUE);
  byline_network_set_available (network, TRUE);
  byline_network_set_available (network, FALSE);
  g_assert_cmpstr (log->str, ==, "up,down,");
  g_object_get (network, "available", &available, NULL);
  g_assert_false (available);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/publish-plan/slug", test_slug);
  g_test_add_func ("/publish-plan/reserved-slug", test_reserved_slug);
  g_test_add_func ("/publish-plan/check/clean", test_clean_article);
  g_test_add_func ("/publish-plan/check/blocking", test_blocking);
  g_test_add_func ("/publish-plan/check/title-length", test_title_length);
  g_test_add_func ("/publish-plan/check/tags-need-capability", test_tags_need_capability);
  g_test_add_func ("/publish-plan/check/photo-warnings", test_photo_warnings);
  g_test_add_func ("/publish-plan/plan", test_plan);
  g_test_add_func ("/publish-plan/embargo-dates", test_embargo_dates);
  g_test_add_func ("/network/test-double", test_network_double);

  return g_test_run ();
}
