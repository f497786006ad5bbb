/* test-outbox-wordpress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outbox against the real WordPress 6.1 of tests/wordpress/testbed:
 * an author publishes the seed-like article with real photos, then
 * updates it; crashes after the reserve and after the first upload are
 * resumed by a new outbox; the desk edits the post in between; offline;
 * a wrong password; a category the site lacks; the site down. The seed
 * article with three photos is read back whole, down to the uploaded
 * files' metadata. What the site holds is read back as the administrator
 * through the REST API (and the exiv2 CLI for the files), independently
 * of the code under test. Without the testbed every test fails: a missing
 * server is not a pass.
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include "byline-cms-wordpress.h"
#include "../cms/outbox-fixtures.h"
#include "../core/photo-fixtures.h"
#include "wp-testbed.h"

/* The site as the desk sees it ---------------------------------------------- */

static SoupSession *admin_session;
static const char *outbox_run;   /* the outbox-run program, given on the command line */

static char *
admin_url (const char *route,
           const char *query)
{
  /* With plain permalinks the root is "…?rest_route=/": parameters follow
   * with '&'. */
  return g_strconcat (testbed.api_root, route, query != NULL ? "&" : "", query, NULL);
}

static JsonNode *
admin_request (const char *method,
               const char *route,
               const char *query,
               const char *body,
               guint      *status)
{
  g_autofree char *url = admin_url (route, query);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autofree char *pair = g_strconcat (testbed.admin, ":", testbed.admin_password, NULL);
  g_autofree char *basic = g_base64_encode ((const guchar *) pair, strlen (pair));
  g_autofree char *auth = g_strconcat ("Basic ", basic, NULL);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  reply = soup_session_send_and_read (admin_session, msg, NULL, &error);
  g_assert_no_error (error);
  if (status != NULL)
    *status = soup_message_get_status (msg);
  data = g_bytes_get_data (reply, &length);
  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static JsonNode *
admin_get (const char *route,
           const char *query)
{
  guint status = 0;
  JsonNode *node = admin_request ("GET", route, query, NULL, &status);

  g_assert_cmpuint (status, ==, 200);
  return node;
}

static JsonObject *
admin_get_post (gint64 id)
{
  g_autofree char *route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, id);
  g_autoptr(JsonNode) node = admin_get (route, "context=edit");

  return json_object_ref (json_node_get_object (node));
}

static guint
admin_count (const char *route,
             const char *query)
{
  g_autoptr(JsonNode) node = admin_get (route, query);

  return json_array_get_length (json_node_get_array (node));
}

/* Posts of any status whose title or content has @word. */
static guint
posts_with (const char *word)
{
  g_autofree char *escaped = g_uri_escape_string (word, NULL, FALSE);
  g_autofree char *query = g_strdup_printf ("search=%s&status=any&context=edit&per_page=100",
                                            escaped);

  return admin_count ("wp/v2/posts", query);
}

static guint
media_of (gint64 post_id)
{
  g_autofree char *query = g_strdup_printf ("parent=%" G_GINT64_FORMAT "&per_page=100", post_id);

  return admin_count ("wp/v2/media", query);
}

static const char *
raw (JsonObject *post,
     const char *field)
{
  return json_object_get_string_member (json_object_get_object_member (post, field), "raw");
}

static gint64
term_id (const char *taxonomy,
         const char *name)
{
  g_autofree char *route = g_strconcat ("wp/v2/", taxonomy, NULL);
  g_autoptr(JsonNode) node = admin_get (route, "per_page=100");
  JsonArray *array = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *term = json_array_get_object_element (array, i);
      if (g_strcmp0 (json_object_get_string_member (term, "name"), name) == 0)
        return json_object_get_int_member (term, "id");
    }
  return 0;
}

/* The desk makes the tags an author may not create. */
static void
admin_ensure_tag (const char *name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *text = NULL;

  if (term_id ("tags", name) > 0)
    return;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  text = json_to_string (body, FALSE);
  reply = admin_request ("POST", "wp/v2/tags", NULL, text, NULL);
  g_assert_cmpint (term_id ("tags", name), >, 0);
}

/* The outbox ---------------------------------------------------------------- */

typedef struct
{
  const char *user;
  const char *password;
  const char *url;        /* another address for the site (down), NULL: the testbed */
  const char *api_root;
} Credentials;

static BylineCms *
testbed_client (BylineSite  *site,
                gpointer     user_data,
                GError     **error)
{
  const Credentials *credentials = user_data;

  return BYLINE_CMS (byline_cms_wordpress_new (credentials->url != NULL ? credentials->url : testbed.url,
                                               credentials->api_root != NULL ?
                                                 credentials->api_root : testbed.api_root,
                                               credentials->user, credentials->password, NULL,
                                               error));
}

typedef struct
{
  Ofx           *ofx;
  char          *marker;      /* in the title: finds this test's posts */
  Credentials    credentials;
  BylineNetwork *network;
  BylineOutbox  *outbox;
} Fixture;

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The terms cache, as the GUI fills it when the site is added. */
static void
refresh_terms (Fixture *fixture)
{
  g_autoptr(BylineCms) cms = testbed_client (fixture->ofx->site, &fixture->credentials, NULL);
  g_autoptr(BylineSiteTerms) terms = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  byline_site_terms_refresh_async (fixture->ofx->site, cms, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  terms = byline_site_terms_refresh_finish (result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (terms->categories->len, >=, 3);
}

static void
fixture_init_photos (Fixture *fixture,
                     guint    n_photos)
{
  g_autofree char *title = NULL;

  g_assert_true (testbed_load ());
  fixture->credentials.user = testbed.author;
  fixture->credentials.password = testbed.author_password;
  fixture->ofx = ofx_new (n_photos, testbed.url, testbed.api_root, testbed.author);
  fixture->marker = g_strdup_printf ("bl%.8s", byline_article_get_id (fixture->ofx->article));
  title = g_strdup_printf ("%s (%s)", OFX_TITLE, fixture->marker);
  byline_article_set_title (fixture->ofx->article, title);
  admin_ensure_tag ("Tháp Mười");
  admin_ensure_tag ("Nông thôn mới");
  fixture->network = byline_network_new_for_testing (TRUE);
  fixture->outbox = ofx_outbox_new (fixture->ofx, fixture->network, testbed_client,
                                    &fixture->credentials);
  refresh_terms (fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_init_photos (fixture, 2);
}

/* Issue 5's seed article has three photos. */
static void
fixture_set_up_seed (Fixture       *fixture,
                     gconstpointer  data)
{
  fixture_init_photos (fixture, 3);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->outbox);
  g_clear_object (&fixture->network);
  g_free (fixture->marker);
  ofx_free (fixture->ofx);
}

static BylineOutboxState
publish (Fixture      *fixture,
         BylineOutbox *outbox)
{
  g_autoptr(GError) error = NULL;

  ofx_queue (fixture->ofx, outbox, BYLINE_PUBLISH_STATUS_PUBLISH, &error);
  g_assert_no_error (error);
  return ofx_wait (fixture->ofx, outbox);
}

static gint64
post_id (Fixture *fixture)
{
  return byline_article_get_remote_post_id (fixture->ofx->article);
}

/* One post (found by the marker in its title), published, the reserved
 * slug gone, each photo attached to it once. */
static JsonObject *
assert_exactly_once (Fixture *fixture)
{
  g_autofree char *reserved = g_strconcat ("slug=byline-", byline_article_get_id (fixture->ofx->article),
                                           "&status=any&context=edit", NULL);
  JsonObject *post;

  g_assert_cmpint (post_id (fixture), >, 0);
  g_assert_cmpuint (posts_with (fixture->marker), ==, 1);
  g_assert_cmpuint (admin_count ("wp/v2/posts", reserved), ==, 0);
  g_assert_cmpuint (media_of (post_id (fixture)), ==,
                    g_list_model_get_n_items (byline_article_get_photos (fixture->ofx->article)));
  post = admin_get_post (post_id (fixture));
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "publish");
  return post;
}

static void
assert_content (Fixture    *fixture,
                JsonObject *post)
{
  const char *content = raw (post, "content");
  GListModel *photos = byline_article_get_photos (fixture->ofx->article);
  JsonArray *tags = json_object_get_array_member (post, "tags");
  JsonArray *categories = json_object_get_array_member (post, "categories");

  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr(BylinePhoto) photo = g_list_model_get_item (photos, i);
      g_autofree char *klass = g_strdup_printf ("wp-image-%" G_GINT64_FORMAT,
                                                byline_photo_get_media_id (photo));
      g_autofree char *caption = g_strdup_printf ("<figcaption class=\"wp-element-caption\">"
                                                  "Đoàn công tác làm việc tại xã Mỹ Quí %u. "
                                                  "Ảnh: Hoàng Kha</figcaption>", i + 1);

      g_assert_cmpint (byline_photo_get_media_id (photo), >, 0);
      g_assert_nonnull (strstr (content, klass));
      g_assert_nonnull (strstr (content, caption));
    }
  g_assert_nonnull (strstr (content, "BT: Nguyễn Thu – Hình: Hoàng Kha"));
  g_assert_cmpstr (raw (post, "title"), ==, byline_article_get_title (fixture->ofx->article));
  g_assert_cmpstr (raw (post, "excerpt"), ==, OFX_LEAD);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (post, "slug"),
                                   "kiem-tra-chuong-trinh-hanh-dong-cua-huyen-uy"));
  g_assert_cmpuint (json_array_get_length (categories), ==, 1);
  g_assert_cmpint (json_array_get_int_element (categories, 0), ==,
                   term_id ("categories", OFX_CATEGORY));
  g_assert_cmpuint (json_array_get_length (tags), ==, 2);
  {
    g_autoptr(BylinePhoto) first = g_list_model_get_item (photos, 0);
    g_assert_cmpint (json_object_get_int_member (post, "featured_media"), ==,
                     byline_photo_get_media_id (first));
  }
}

/* The article as it was before publishing; the draft's file too. */
static GBytes *
save_article (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->ofx->bundle, "article.json", NULL);
  GBytes *bytes = byline_article_to_bytes (fixture->ofx->article);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return bytes;
}

/* Nothing of the article changed, in memory or in its file: it is still
 * there to edit. */
static void
assert_article_intact (Fixture *fixture,
                       GBytes  *before)
{
  g_autofree char *path = g_build_filename (fixture->ofx->bundle, "article.json", NULL);
  g_autoptr(GBytes) now = byline_article_to_bytes (fixture->ofx->article);
  g_autofree char *file = NULL;
  gsize size;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_bytes_equal (now, before));
  g_file_get_contents (path, &file, &size, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (file, size, g_bytes_get_data (before, NULL), g_bytes_get_size (before));
}

/* Tests -------------------------------------------------------------------- */

static void
test_publish_then_update (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(JsonObject) updated = NULL;
  g_autofree char *title = NULL;
  gint64 first_id;

  g_assert_cmpint (publish (fixture, fixture->outbox), ==, BYLINE_OUTBOX_STATE_DONE);
  post = assert_exactly_once (fixture);
  assert_content (fixture, post);
  g_assert_cmpstr (fixture->ofx->link, ==, json_object_get_string_member (post, "link"));
  g_assert_cmpstr (byline_article_get_remote_link (fixture->ofx->article), ==, fixture->ofx->link);
  first_id = post_id (fixture);

  title = g_strdup_printf ("Mỹ Quí: kiểm tra chương trình hành động (%s)", fixture->marker);
  byline_article_set_title (fixture->ofx->article, title);
  g_assert_cmpint (publish (fixture, fixture->outbox), ==, BYLINE_OUTBOX_STATE_DONE);
  g_assert_cmpint (post_id (fixture), ==, first_id);
  updated = assert_exactly_once (fixture);
  g_assert_cmpstr (raw (updated, "title"), ==, title);
}

/* The process dies right after the site answered (the reserve; the first
 * upload) and before the journal recorded it; a new outbox resumes. */
static void
test_crash (Fixture       *fixture,
            gconstpointer  data)
{
  const char *point = data;
  g_autoptr(BylineOutbox) restarted = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GError) error = NULL;

  byline_outbox_set_stop_point (fixture->outbox, point);
  ofx_queue (fixture->ofx, fixture->outbox, BYLINE_PUBLISH_STATUS_PUBLISH, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ofx_wait (fixture->ofx, fixture->outbox), ==, BYLINE_OUTBOX_STATE_NONE);
  g_clear_object (&fixture->outbox);
  /* What the crash left: the reserved draft. */
  g_assert_cmpuint (posts_with (fixture->marker), ==, 1);

  restarted = ofx_outbox_new (fixture->ofx, fixture->network, testbed_client,
                              &fixture->credentials);
  g_assert_cmpuint (ofx_resume (restarted), ==, 1);
  byline_outbox_attach_article (restarted, fixture->ofx->article);
  g_assert_cmpint (ofx_wait (fixture->ofx, restarted), ==, BYLINE_OUTBOX_STATE_DONE);

  post = assert_exactly_once (fixture);
  assert_content (fixture, post);
}

static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(BylineOutboxJournal) journal = NULL;
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autofree char *route = NULL;
  g_autofree char *desk_title = NULL;
  g_autofree char *body = NULL;
  guint status = 0;

  g_assert_cmpint (publish (fixture, fixture->outbox), ==, BYLINE_OUTBOX_STATE_DONE);

  /* At once: the desk's edit may fall in the second of Byline's write,
   * where WordPress's modified_gmt (whole seconds) does not change; the
   * text's digest tells. */
  desk_title = g_strdup_printf ("Tiêu đề do ban biên tập sửa (%s)", fixture->marker);
  body = g_strdup_printf ("{\"title\": \"%s\"}", desk_title);
  route = g_strdup_printf ("wp/v2/posts/%" G_GINT64_FORMAT, post_id (fixture));
  edited = admin_request ("POST", route, NULL, body, &status);
  g_assert_cmpuint (status, ==, 200);

  byline_article_set_lead (fixture->ofx->article, "Phần mở đầu mới.");
  g_assert_cmpint (publish (fixture, fixture->outbox), ==, BYLINE_OUTBOX_STATE_CONFLICT);
  journal = ofx_read_journal (fixture->ofx);
  g_assert_nonnull (journal->remote_modified);
  g_assert_nonnull (journal->known_modified);
  g_assert_cmpstr (journal->remote_modified, ==,
                   json_object_get_string_member (json_node_get_object (edited), "modified_gmt"));

  /* The desk's edit is untouched. */
  post = admin_get_post (post_id (fixture));
  g_assert_cmpstr (raw (post, "title"), ==, desk_title);
  g_assert_cmpstr (raw (post, "excerpt"), ==, OFX_LEAD);
}

static void
test_offline (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  byline_network_set_available (fixture->network, FALSE);
  ofx_queue (fixture->ofx, fixture->outbox, BYLINE_PUBLISH_STATUS_PUBLISH, &error);
  g_assert_no_error (error);
  ofx_spin (500);
  g_assert_cmpint (byline_outbox_get_state (fixture->outbox,
                                            byline_article_get_id (fixture->ofx->article)),
                   ==, BYLINE_OUTBOX_STATE_QUEUED);
  g_assert_cmpuint (posts_with (fixture->marker), ==, 0);

  byline_network_set_available (fixture->network, TRUE);
  g_assert_cmpint (ofx_wait (fixture->ofx, fixture->outbox), ==, BYLINE_OUTBOX_STATE_DONE);
  assert_exactly_once (fixture);
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BylineOutboxJournal) journal = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *message = NULL;

  fixture->credentials.password = "AAAA BBBB CCCC DDDD EEEE FFFF";
  before = save_article (fixture);
  g_assert_cmpint (publish (fixture, fixture->outbox), ==, BYLINE_OUTBOX_STATE_FAILED);
  assert_article_intact (fixture, before);

  journal = ofx_read_journal (fixture->ofx);
  g_assert_cmpstr (journal->error_code, ==, "auth");
  g_assert_cmpuint (journal->attempts, ==, 0);
  g_assert_null (journal->next_attempt);
  message = byline_outbox_journal_dup_message (journal);
  g_assert_nonnull (strstr (message, "Preferences → Sites"));
  g_assert_cmpstr (fixture->ofx->states->str, ==, "queued,failed");
  g_assert_cmpuint (posts_with (fixture->marker), ==, 0);
}

/* An author may not create tags: the pre-flight says so before anything
 * is sent. */
static void
test_author_new_tag_blocked (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *tag = g_strdup_printf ("Thẻ mới %s", fixture->marker);
  const char *tags[] = { "Tháp Mười", tag, NULL };
  g_autoptr(GError) error = NULL;

  byline_article_set_tags (fixture->ofx->article, tags);
  g_assert_false (ofx_queue (fixture->ofx, fixture->outbox, BYLINE_PUBLISH_STATUS_PUBLISH, &error));
  g_assert_error (error, BYLINE_OUTBOX_ERROR, BYLINE_OUTBOX_ERROR_BLOCKED);
  g_assert_nonnull (strstr (error->message, tag));
}

/* An editor's publication creates the tags the site does not have. */
static void
test_admin_creates_tags (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *tag = g_strdup_printf ("Thẻ mới %s", fixture->marker);
  const char *tags[] = { "Tháp Mười", tag, NULL };
  g_autoptr(JsonObject) post = NULL;
  JsonArray *post_tags;
  gint64 new_id;

  fixture->credentials.user = testbed.admin;
  fixture->credentials.password = testbed.admin_password;
  byline_site_set_user (fixture->ofx->site, testbed.admin);
  refresh_terms (fixture);
  byline_article_set_tags (fixture->ofx->article, tags);

  g_assert_cmpint (publish (fixture, fixture->outbox), ==, BYLINE_OUTBOX_STATE_DONE);
  new_id = term_id ("tags", tag);
  g_assert_cmpint (new_id, >, 0);
  post = assert_exactly_once (fixture);
  post_tags = json_object_get_array_member (post, "tags");
  g_assert_cmpuint (json_array_get_length (post_tags), ==, 2);
  g_assert_true (json_array_get_int_element (post_tags, 0) == new_id ||
                 json_array_get_int_element (post_tags, 1) == new_id);
}

/* The seed article, read back whole ----------------------------------------- */

/* The uploaded file as anyone downloads it from the site. */
static char *
download (const char *url,
          const char *name)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autofree char *path = fixture_tmp_path (name);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const guchar *data;
  gsize size;

  g_assert_nonnull (msg);
  bytes = soup_session_send_and_read (admin_session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, >, 2);
  g_assert_true (data[0] == 0xff && data[1] == 0xd8);   /* a JPEG */
  g_file_set_contents (path, (const char *) data, size, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* @key of the file's metadata (as the exiv2 CLI prints it) is @expected. */
static void
assert_exiv2 (const char *printed,
              const char *key,
              const char *expected)
{
  g_autofree char *value = fixture_exiv2_value (printed, key);

  g_assert_cmpstr (value, ==, expected);
}

/* The file on the site names the photographer in XMP, IPTC and EXIF, and
 * says nothing of where the photo was taken. */
static void
assert_file_metadata (const char *url,
                      guint       n)
{
  g_autofree char *name = g_strdup_printf ("site-%u.jpg", n);
  g_autofree char *path = download (url, name);
  g_autofree char *printed = fixture_exiv2_print (path);

  assert_exiv2 (printed, "Xmp.dc.creator", "Hoàng Kha");
  assert_exiv2 (printed, "Iptc.Application2.Byline", "Hoàng Kha");
  assert_exiv2 (printed, "Exif.Image.Artist", "Hoàng Kha");
  assert_exiv2 (printed, "Xmp.photoshop.Credit", "Báo Đồng Tháp");
  g_assert_null (strstr (printed, "GPS"));
}

/* Photo @n's media item: attached to the post, its title, caption and alt
 * text as the article has them, its file as above. */
static void
assert_media (BylinePhoto *photo,
              gint64       post,
              guint        n)
{
  g_autofree char *route = g_strdup_printf ("wp/v2/media/%" G_GINT64_FORMAT,
                                            byline_photo_get_media_id (photo));
  g_autoptr(JsonNode) node = admin_get (route, "context=edit");
  JsonObject *media = json_node_get_object (node);
  g_autofree char *title = g_strdup_printf ("Đoàn công tác làm việc tại xã Mỹ Quí %u", n);
  g_autofree char *caption = g_strdup_printf ("%s. Ảnh: Hoàng Kha", title);

  g_assert_cmpint (json_object_get_int_member (media, "post"), ==, post);
  g_assert_cmpstr (json_object_get_string_member (media, "mime_type"), ==, "image/jpeg");
  g_assert_cmpstr (raw (media, "title"), ==, title);
  g_assert_cmpstr (raw (media, "caption"), ==, caption);
  g_assert_cmpstr (json_object_get_string_member (media, "alt_text"), ==,
                   "Cán bộ xã Mỹ Quí và đoàn công tác");
  assert_file_metadata (json_object_get_string_member (media, "source_url"), n);
}

static void
assert_tags (JsonObject *post)
{
  JsonArray *tags = json_object_get_array_member (post, "tags");
  gint64 first = term_id ("tags", "Tháp Mười");
  gint64 second = term_id ("tags", "Nông thôn mới");
  gint64 a, b;

  g_assert_cmpuint (json_array_get_length (tags), ==, 2);
  a = json_array_get_int_element (tags, 0);
  b = json_array_get_int_element (tags, 1);
  g_assert_true ((a == first && b == second) || (a == second && b == first));
}

/* Issue 5: the seed article with three photos that carry the
 * photographer and GPS publishes; everything is read back. */
static void
test_seed_read_back (Fixture       *fixture,
                     gconstpointer  data)
{
  GListModel *photos = byline_article_get_photos (fixture->ofx->article);
  g_autofree char *source = fixture_tmp_path ("anh-1.jpg");
  g_autofree char *printed = fixture_exiv2_print (source);
  g_autoptr(JsonObject) post = NULL;

  /* What goes in has the GPS position that must not come out. */
  g_assert_nonnull (strstr (printed, "Exif.GPSInfo.GPSLatitude"));
  g_assert_cmpuint (g_list_model_get_n_items (photos), ==, 3);

  g_assert_cmpint (publish (fixture, fixture->outbox), ==, BYLINE_OUTBOX_STATE_DONE);
  post = assert_exactly_once (fixture);
  assert_content (fixture, post);
  assert_tags (post);
  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr(BylinePhoto) photo = g_list_model_get_item (photos, i);

      assert_media (photo, post_id (fixture), i + 1);
    }
}

/* What the user sees when something is wrong -------------------------------- */

/* A category the site does not have, and the author may not create: the
 * pre-flight names it and the site, and nothing is sent. */
static void
test_unknown_category (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *category = g_strdup_printf ("Văn hóa %s", fixture->marker);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;

  byline_article_set_category (fixture->ofx->article, category);
  before = save_article (fixture);
  g_assert_false (ofx_queue (fixture->ofx, fixture->outbox, BYLINE_PUBLISH_STATUS_PUBLISH, &error));
  g_assert_error (error, BYLINE_OUTBOX_ERROR, BYLINE_OUTBOX_ERROR_BLOCKED);
  g_assert_nonnull (strstr (error->message, category));
  g_assert_nonnull (strstr (error->message, byline_site_get_name (fixture->ofx->site)));
  g_assert_cmpint (byline_outbox_get_state (fixture->outbox,
                                            byline_article_get_id (fixture->ofx->article)),
                   ==, BYLINE_OUTBOX_STATE_NONE);
  g_assert_cmpuint (posts_with (fixture->marker), ==, 0);
  g_assert_cmpint (term_id ("categories", category), ==, 0);
  assert_article_intact (fixture, before);
}

/* A port nothing listens on: the site is down. */
static guint16
closed_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  guint16 port;

  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);
  return port;
}

/* The site comes back at the port where it was down: a relay to the
 * testbed, one blocking thread per direction. */
typedef struct
{
  GSocketConnection *from;
  GSocketConnection *to;
} Pipe;

static gpointer
pipe_thread (gpointer data)
{
  Pipe *pipe = data;

  g_output_stream_splice (g_io_stream_get_output_stream (G_IO_STREAM (pipe->to)),
                          g_io_stream_get_input_stream (G_IO_STREAM (pipe->from)),
                          G_OUTPUT_STREAM_SPLICE_NONE, NULL, NULL);
  /* The other side sees the end, answers and closes in turn. */
  g_socket_shutdown (g_socket_connection_get_socket (pipe->to), FALSE, TRUE, NULL);
  return NULL;
}

static gboolean
relay_run_cb (GThreadedSocketService *service,
              GSocketConnection      *client,
              GObject                *source,
              gpointer                user_data)
{
  g_autoptr(GSocketClient) connector = g_socket_client_new ();
  g_autoptr(GUri) target = g_uri_parse (testbed.url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GSocketConnection) upstream = NULL;
  Pipe up = { client, NULL };
  Pipe down = { NULL, client };
  GThread *thread;

  upstream = g_socket_client_connect_to_host (connector, g_uri_get_host (target),
                                              g_uri_get_port (target), NULL, NULL);
  if (upstream == NULL)
    return TRUE;
  up.to = upstream;
  down.from = upstream;
  thread = g_thread_new ("relay", pipe_thread, &up);
  pipe_thread (&down);
  g_thread_join (thread);
  return TRUE;
}

static GSocketService *
relay_start (guint16 port)
{
  GSocketService *service = g_threaded_socket_service_new (4);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, port);
  g_autoptr(GError) error = NULL;

  g_socket_listener_add_address (G_SOCKET_LISTENER (service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "run", G_CALLBACK (relay_run_cb), NULL);
  g_socket_service_start (service);
  return service;
}

/* The site is down: the article waits and tries again by itself, the
 * message names the site, the article stays as it was; when the site is
 * back it goes out, once. */
static void
test_site_down (Fixture       *fixture,
                gconstpointer  data)
{
  const char *id = byline_article_get_id (fixture->ofx->article);
  guint16 port = closed_port ();
  g_autofree char *host = g_strdup_printf ("127.0.0.1:%u", port);
  g_autofree char *url = g_strdup_printf ("http://%s/", host);
  g_autofree char *api_root = g_strconcat (url, "index.php?rest_route=/", NULL);
  g_autoptr(BylineOutboxJournal) journal = NULL;
  g_autoptr(GBytes) before = save_article (fixture);
  g_autoptr(GSocketService) relay = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GError) error = NULL;

  fixture->credentials.url = url;
  fixture->credentials.api_root = api_root;
  ofx_queue (fixture->ofx, fixture->outbox, BYLINE_PUBLISH_STATUS_PUBLISH, &error);
  g_assert_no_error (error);
  /* Two failed tries: it went on by itself after the first. */
  while (journal == NULL || journal->attempts < 2)
    {
      g_clear_pointer (&journal, byline_outbox_journal_free);
      ofx_spin (50);
      journal = ofx_read_journal (fixture->ofx);
    }
  g_assert_cmpint (journal->state, ==, BYLINE_OUTBOX_STATE_WAITING);
  g_assert_cmpstr (journal->error_code, ==, "network");
  g_assert_nonnull (strstr (journal->error_detail, host));
  g_assert_nonnull (journal->next_attempt);
  g_assert_null (strstr (fixture->ofx->states->str, "failed"));
  g_assert_cmpuint (posts_with (fixture->marker), ==, 0);
  assert_article_intact (fixture, before);

  /* The site is back, at the same address: nobody pressed anything. */
  relay = relay_start (port);
  g_assert_cmpint (ofx_wait (fixture->ofx, fixture->outbox), ==, BYLINE_OUTBOX_STATE_DONE);
  g_assert_cmpint (byline_outbox_get_state (fixture->outbox, id), ==, BYLINE_OUTBOX_STATE_DONE);
  post = assert_exactly_once (fixture);
  assert_content (fixture, post);
  g_socket_service_stop (relay);
}

/* Runs outbox-run on the fixture's draft; @abort_after makes it SIGKILL
 * itself at that point. Returns the subprocess, finished. */
static GSubprocess *
run_outbox_process (Fixture    *fixture,
                    const char *abort_after)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autofree char *drafts = g_file_get_path (fixture->ofx->drafts);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  /* The isolated folders of this test: its terms cache, its derivatives. */
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  if (abort_after != NULL)
    g_subprocess_launcher_setenv (launcher, "BYLINE_OUTBOX_ABORT_AFTER", abort_after, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "BYLINE_OUTBOX_ABORT_AFTER");
  process = g_subprocess_launcher_spawn (launcher, &error, outbox_run, drafts,
                                         byline_site_list_get_path (fixture->ofx->sites),
                                         byline_article_get_id (fixture->ofx->article), NULL);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&process);
}

/* A real kill -9 of a publishing process (it SIGKILLs itself right after
 * the site answered a step), then a new process resumes from the journal
 * it left. */
static void
test_kill (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *article_path = g_build_filename (fixture->ofx->bundle, "article.json", NULL);
  g_autoptr(GBytes) article = byline_article_to_bytes (fixture->ofx->article);
  g_autoptr(GSubprocess) killed = NULL;
  g_autoptr(GSubprocess) resumed = NULL;
  g_autoptr(BylineOutboxJournal) journal = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (outbox_run);
  g_file_set_contents (article_path, g_bytes_get_data (article, NULL), g_bytes_get_size (article),
                       &error);
  g_assert_no_error (error);
  byline_site_list_save (fixture->ofx->sites, &error);
  g_assert_no_error (error);

  killed = run_outbox_process (fixture, data);
  g_assert_true (g_subprocess_get_if_signaled (killed));
  g_assert_cmpint (g_subprocess_get_term_sig (killed), ==, SIGKILL);
  journal = ofx_read_journal (fixture->ofx);
  g_assert_cmpint (journal->state, !=, BYLINE_OUTBOX_STATE_DONE);

  resumed = run_outbox_process (fixture, NULL);
  g_assert_true (g_subprocess_get_if_exited (resumed));
  g_assert_cmpint (g_subprocess_get_exit_status (resumed), ==, 0);

  g_clear_pointer (&journal, byline_outbox_journal_free);
  journal = ofx_read_journal (fixture->ofx);
  g_assert_cmpint (journal->state, ==, BYLINE_OUTBOX_STATE_DONE);
  /* The fixture's article was not the process's: give it the result. */
  g_assert_true (byline_outbox_journal_apply_remote (journal, fixture->ofx->article));
  post = assert_exactly_once (fixture);
  assert_content (fixture, post);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  ofx_init ();
  admin_session = soup_session_new ();
  outbox_run = argc > 1 ? argv[1] : NULL;

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/outbox-wordpress/publish-then-update", test_publish_then_update, NULL);
  ADD ("/outbox-wordpress/crash/reserve", test_crash, "reserve");
  ADD ("/outbox-wordpress/crash/upload-1", test_crash, "upload-1");
  ADD ("/outbox-wordpress/conflict", test_conflict, NULL);
  ADD ("/outbox-wordpress/offline", test_offline, NULL);
  ADD ("/outbox-wordpress/wrong-password", test_wrong_password, NULL);
  ADD ("/outbox-wordpress/author-new-tag-blocked", test_author_new_tag_blocked, NULL);
  ADD ("/outbox-wordpress/admin-creates-tags", test_admin_creates_tags, NULL);
  ADD ("/outbox-wordpress/unknown-category", test_unknown_category, NULL);
  ADD ("/outbox-wordpress/site-down", test_site_down, NULL);
  g_test_add ("/outbox-wordpress/seed-read-back", Fixture, NULL, fixture_set_up_seed,
              test_seed_read_back, fixture_tear_down);
  ADD ("/outbox-wordpress/kill/reserve", test_kill, "reserve");
  ADD ("/outbox-wordpress/kill/upload-2", test_kill, "upload-2");
  ADD ("/outbox-wordpress/kill/write", test_kill, "write");
#undef ADD

  return g_test_run ();
}
