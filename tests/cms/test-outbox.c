/* test-outbox.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outbox's error paths against an in-process SoupServer that plays a
 * minimal WordPress (posts, media, tags) and injects faults: 500 then
 * success, 503 with Retry-After, 429, a connection reset after the upload
 * was stored, a create whose answer never comes, a refused password, a
 * desk edit between two publications, crashes at every step, and two
 * outboxes (the app and byline-cli) on the same article. Each test
 * counts what the site ended up with: one post, one media item per photo.
 * The happy path against a real WordPress is in tests/wordpress.
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/file.h>

#include <glib/gstdio.h>

#include "byline-cms-wordpress.h"
#include "outbox-fixtures.h"

/* The fake site ------------------------------------------------------------ */

typedef enum
{
  FAULT_STATUS,         /* answer with a status, do nothing */
  FAULT_COMMIT_RESET,   /* do it, then drop the connection unanswered */
  FAULT_COMMIT_HANG,    /* do it, then never answer */
} FaultKind;

typedef struct
{
  char      *match;     /* "POST /wp-json/wp/v2/posts" (prefix of method + path) */
  FaultKind  kind;
  guint      status;
  char      *retry_after;
} Fault;

typedef struct
{
  SoupServer *server;
  char       *base;
  GPtrArray  *posts;       /* of JsonObject */
  GPtrArray  *media;       /* of JsonObject */
  GPtrArray  *tags;        /* of JsonObject */
  GQueue      faults;
  GPtrArray  *paused;      /* messages never answered */
  guint       n_requests;
  guint       n_creates;   /* POST posts */
  guint       n_uploads;   /* POST media with a body */
  guint       clock;       /* for modified_gmt */
} Fake;

static Fake fake;

static const char me_json[] =
  "{\"id\":2,\"name\":\"Nguyễn Thu\",\"username\":\"nguyenthu\",\"roles\":[\"editor\"],"
  "\"capabilities\":{\"edit_posts\":true,\"upload_files\":true,\"manage_categories\":true}}";

static void
fault_free (Fault *fault)
{
  g_free (fault->match);
  g_free (fault->retry_after);
  g_free (fault);
}

static void
add_fault (const char *match,
           FaultKind   kind,
           guint       status,
           const char *retry_after)
{
  Fault *fault = g_new0 (Fault, 1);

  fault->match = g_strdup (match);
  fault->kind = kind;
  fault->status = status;
  fault->retry_after = g_strdup (retry_after);
  g_queue_push_tail (&fake.faults, fault);
}

static Fault *
take_fault (const char *request)
{
  for (GList *l = fake.faults.head; l != NULL; l = l->next)
    {
      Fault *fault = l->data;
      if (g_str_has_prefix (request, fault->match))
        {
          g_queue_delete_link (&fake.faults, l);
          return fault;
        }
    }
  return NULL;
}

static char *
next_modified (void)
{
  fake.clock++;
  return g_strdup_printf ("2026-11-28T05:%02u:%02u", fake.clock / 60, fake.clock % 60);
}

static void
reply_json (SoupServerMessage *msg,
            guint              status,
            JsonNode          *node)
{
  g_autofree char *body = json_to_string (node, FALSE);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    body, strlen (body));
}

static void
reply_object (SoupServerMessage *msg,
              guint              status,
              JsonObject        *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  reply_json (msg, status, node);
}

static void
reply_list (SoupServerMessage *msg,
            GPtrArray         *objects)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < objects->len; i++)
    json_array_add_object_element (array, json_object_ref (g_ptr_array_index (objects, i)));
  json_node_take_array (node, array);
  soup_message_headers_append (soup_server_message_get_response_headers (msg),
                               "X-WP-TotalPages", "1");
  reply_json (msg, 200, node);
}

static JsonObject *
find_by_id (GPtrArray *objects,
            gint64     id)
{
  for (guint i = 0; i < objects->len; i++)
    if (json_object_get_int_member (g_ptr_array_index (objects, i), "id") == id)
      return g_ptr_array_index (objects, i);
  return NULL;
}

static JsonObject *
parse_body (SoupServerMessage *msg)
{
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length == 0 || !json_parser_load_from_data (parser, data, length, NULL))
    return json_object_new ();
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
set_raw (JsonObject *post,
         const char *name,
         const char *value)
{
  JsonObject *field = json_object_new ();

  json_object_set_string_member (field, "raw", value);
  json_object_set_string_member (field, "rendered", value);
  json_object_set_object_member (post, name, field);
}

/* Applies the fields of a create or update request, as WordPress would. */
static void
post_apply (JsonObject *post,
            JsonObject *request)
{
  g_autoptr(GList) members = json_object_get_members (request);
  g_autofree char *modified = next_modified ();

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (request, name);

      if (g_str_equal (name, "title") || g_str_equal (name, "content") ||
          g_str_equal (name, "excerpt"))
        set_raw (post, name, json_node_get_string (value));
      else
        json_object_set_member (post, name, json_node_copy (value));
    }
  json_object_set_string_member (post, "modified_gmt", modified);
}

static JsonObject *
post_create (JsonObject *request)
{
  JsonObject *post = json_object_new ();
  gint64 id = 100 + fake.posts->len;
  g_autofree char *link = g_strdup_printf ("%s?p=%" G_GINT64_FORMAT, fake.base, id);

  json_object_set_int_member (post, "id", id);
  json_object_set_string_member (post, "link", link);
  json_object_set_int_member (post, "featured_media", 0);
  json_object_set_array_member (post, "categories", json_array_new ());
  json_object_set_array_member (post, "tags", json_array_new ());
  post_apply (post, request);
  g_ptr_array_add (fake.posts, post);
  fake.n_creates++;
  return post;
}

static JsonObject *
media_create (SoupServerMessage *msg,
              GHashTable        *query)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *disposition = soup_message_headers_get_one (headers, "Content-Disposition");
  const char *name = strstr (disposition, "filename=\"") + strlen ("filename=\"");
  g_autofree char *file_name = g_strndup (name, strcspn (name, "\""));
  g_autofree char *url = g_strdup_printf ("%supload/%s", fake.base, file_name);
  JsonObject *media = json_object_new ();

  json_object_set_int_member (media, "id", 500 + fake.media->len);
  json_object_set_int_member (media, "post", g_ascii_strtoll (g_hash_table_lookup (query, "post"),
                                                              NULL, 10));
  json_object_set_string_member (media, "source_url", url);
  g_ptr_array_add (fake.media, media);
  fake.n_uploads++;
  return media;
}

static void
handle_posts (SoupServerMessage *msg,
              const char        *method,
              GHashTable        *query)
{
  if (g_str_equal (method, "POST"))
    {
      g_autoptr(JsonObject) request = parse_body (msg);
      reply_object (msg, 201, post_create (request));
      return;
    }

  {
    const char *slug = query != NULL ? g_hash_table_lookup (query, "slug") : NULL;
    g_autoptr(GPtrArray) found = g_ptr_array_new ();

    for (guint i = 0; i < fake.posts->len; i++)
      if (g_strcmp0 (json_object_get_string_member (g_ptr_array_index (fake.posts, i), "slug"),
                     slug) == 0)
        g_ptr_array_add (found, g_ptr_array_index (fake.posts, i));
    reply_list (msg, found);
  }
}

static void
handle_post (SoupServerMessage *msg,
             const char        *method,
             gint64             id)
{
  JsonObject *post = find_by_id (fake.posts, id);

  if (post == NULL)
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  if (g_str_equal (method, "POST"))
    {
      g_autoptr(JsonObject) request = parse_body (msg);
      post_apply (post, request);
    }
  reply_object (msg, 200, post);
}

static void
handle_media (SoupServerMessage *msg,
              const char        *method,
              GHashTable        *query)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  gint64 parent;

  if (g_str_equal (method, "POST"))
    {
      reply_object (msg, 201, media_create (msg, query));
      return;
    }

  parent = g_ascii_strtoll (g_hash_table_lookup (query, "parent"), NULL, 10);
  for (guint i = 0; i < fake.media->len; i++)
    if (json_object_get_int_member (g_ptr_array_index (fake.media, i), "post") == parent)
      g_ptr_array_add (found, g_ptr_array_index (fake.media, i));
  reply_list (msg, found);
}

static void
handle_tags (SoupServerMessage *msg,
             const char        *method)
{
  if (g_str_equal (method, "POST"))
    {
      g_autoptr(JsonObject) request = parse_body (msg);
      JsonObject *tag = json_object_new ();

      json_object_set_int_member (tag, "id", 900 + fake.tags->len);
      json_object_set_string_member (tag, "name", json_object_get_string_member (request, "name"));
      g_ptr_array_add (fake.tags, tag);
      reply_object (msg, 201, tag);
      return;
    }
  reply_list (msg, fake.tags);
}

static void
handle (SoupServerMessage *msg,
        const char        *method,
        const char        *path,
        GHashTable        *query)
{
  const char *route = path + strlen ("/wp-json/wp/v2/");
  gint64 id;

  if (g_str_equal (route, "posts"))
    handle_posts (msg, method, query);
  else if (g_str_has_prefix (route, "posts/") && (id = g_ascii_strtoll (route + 6, NULL, 10)) > 0)
    handle_post (msg, method, id);
  else if (g_str_equal (route, "media"))
    handle_media (msg, method, query);
  else if (g_str_has_prefix (route, "media/") &&
           (id = g_ascii_strtoll (route + 6, NULL, 10)) > 0 && find_by_id (fake.media, id) != NULL)
    reply_object (msg, 200, find_by_id (fake.media, id));
  else if (g_str_equal (route, "tags"))
    handle_tags (msg, method);
  else if (g_str_equal (route, "users/me"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, me_json,
                                        strlen (me_json));
    }
  else
    soup_server_message_set_status (msg, 404, NULL);
}

static void
fake_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  const char *method = soup_server_message_get_method (msg);
  g_autofree char *request = g_strdup_printf ("%s %s", method, path);
  g_autoptr(GIOStream) stream = NULL;
  Fault *fault = take_fault (request);

  fake.n_requests++;
  if (fault != NULL && fault->kind == FAULT_STATUS)
    {
      soup_server_message_set_status (msg, fault->status, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        "{\"code\":\"fault\",\"message\":\"Injected fault.\"}", 44);
      if (fault->retry_after != NULL)
        soup_message_headers_append (soup_server_message_get_response_headers (msg),
                                     "Retry-After", fault->retry_after);
      fault_free (fault);
      return;
    }

  handle (msg, method, path, query);
  if (fault == NULL)
    return;

  if (fault->kind == FAULT_COMMIT_RESET)
    {
      stream = soup_server_message_steal_connection (msg);
      g_io_stream_close (stream, NULL, NULL);
    }
  else
    {
      soup_server_message_pause (msg);
      g_ptr_array_add (fake.paused, g_object_ref (msg));
    }
  fault_free (fault);
}

static void
fake_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  memset (&fake, 0, sizeof fake);
  fake.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake.server, "/wp-json/wp/v2", fake_handler, NULL, NULL);
  soup_server_listen_local (fake.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fake.server);
  fake.base = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  fake.posts = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  fake.media = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  fake.tags = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  fake.paused = g_ptr_array_new_with_free_func (g_object_unref);
  g_queue_init (&fake.faults);
}

static void
fake_stop (void)
{
  soup_server_disconnect (fake.server);
  g_clear_object (&fake.server);
  g_free (fake.base);
  g_ptr_array_unref (fake.posts);
  g_ptr_array_unref (fake.media);
  g_ptr_array_unref (fake.tags);
  g_ptr_array_unref (fake.paused);
  g_queue_clear_full (&fake.faults, (GDestroyNotify) fault_free);
}

/* The client: a WordPress backend pointed at the fake, 1 s timeout. */
static BylineCms *
fake_client (BylineSite  *site,
             gpointer     user_data,
             GError     **error)
{
  g_autofree char *api_root = g_strconcat (fake.base, "wp-json/", NULL);
  BylineCmsWordpress *cms = byline_cms_wordpress_new (fake.base, api_root, "nguyenthu",
                                                      "pass word", NULL, error);

  if (cms != NULL)
    byline_cms_wordpress_set_timeout (cms, 1);
  return BYLINE_CMS (cms);
}

/* Fixture ------------------------------------------------------------------ */

static const BylineCmsTerm categories[] = {
  { 3, 0, (char *) "Thời sự", (char *) "thoi-su" },
  { 4, 0, (char *) "Kinh tế", (char *) "kinh-te" },
};
static const BylineCmsTerm tags[] = {
  { 21, 0, (char *) "Tháp Mười", (char *) "thap-muoi" },
};
static const char * const editor_caps[] = { "edit_posts", "upload_files", "manage_categories", NULL };

typedef struct
{
  Ofx           *ofx;
  BylineNetwork *network;
  BylineOutbox  *outbox;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  guint n_photos = GPOINTER_TO_UINT (data);

  fake_start ();
  fixture->ofx = ofx_new (n_photos == 0 ? 2 : n_photos, fake.base, NULL, "nguyenthu");
  ofx_save_terms (fixture->ofx, editor_caps, categories, G_N_ELEMENTS (categories),
                  tags, G_N_ELEMENTS (tags));
  fixture->network = byline_network_new_for_testing (TRUE);
  fixture->outbox = ofx_outbox_new (fixture->ofx, fixture->network, fake_client, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->outbox);
  g_clear_object (&fixture->network);
  ofx_free (fixture->ofx);
  fake_stop ();
}

static BylineOutboxState
publish_with (Fixture      *fixture,
              BylineOutbox *outbox)
{
  g_autoptr(GError) error = NULL;

  ofx_queue (fixture->ofx, outbox, BYLINE_PUBLISH_STATUS_PUBLISH, &error);
  g_assert_no_error (error);
  return ofx_wait (fixture->ofx, outbox);
}

static BylineOutboxState
publish (Fixture *fixture)
{
  return publish_with (fixture, fixture->outbox);
}

/* One post, one media item per photo, all attached to the post, the post
 * published with the photos in its content. */
static void
assert_site_exactly_once (Fixture *fixture)
{
  JsonObject *post;
  const char *content;

  g_assert_cmpuint (fake.posts->len, ==, 1);
  g_assert_cmpuint (fake.media->len, ==, 2);
  post = g_ptr_array_index (fake.posts, 0);
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "publish");
  g_assert_cmpstr (json_object_get_string_member (post, "slug"), ==,
                   "kiem-tra-chuong-trinh-hanh-dong-cua-huyen-uy-nam-2023-tai-xa-my-qui");
  content = json_object_get_string_member (json_object_get_object_member (post, "content"), "raw");
  for (guint i = 0; i < fake.media->len; i++)
    {
      JsonObject *media = g_ptr_array_index (fake.media, i);
      g_autofree char *klass = g_strdup_printf ("wp-image-%" G_GINT64_FORMAT,
                                                json_object_get_int_member (media, "id"));

      g_assert_cmpint (json_object_get_int_member (media, "post"), ==,
                       json_object_get_int_member (post, "id"));
      g_assert_nonnull (strstr (content, klass));
    }
  g_assert_cmpint (json_object_get_int_member (post, "featured_media"), ==,
                   json_object_get_int_member (g_ptr_array_index (fake.media, 0), "id"));
}

/* Tests -------------------------------------------------------------------- */

static void
test_clean (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(BylineOutboxJournal) journal = NULL;

  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_DONE);
  assert_site_exactly_once (fixture);
  g_assert_cmpuint (fake.n_creates, ==, 1);
  g_assert_cmpstr (fixture->ofx->states->str, ==,
                   "queued,preparing-photos,reserving,uploading,writing-post,verifying,done");
  g_assert_cmpuint (fixture->ofx->n_published, ==, 1);

  journal = ofx_read_journal (fixture->ofx);
  g_assert_cmpint (journal->state, ==, BYLINE_OUTBOX_STATE_DONE);
  g_assert_cmpint (journal->post_id, ==, 100);
  g_assert_cmpstr (journal->link, ==, fixture->ofx->link);
  g_assert_cmpuint (byline_outbox_journal_count_uploaded (journal), ==, 2);
  /* The live article knows where it went. */
  g_assert_cmpint (byline_article_get_remote_post_id (fixture->ofx->article), ==, 100);
  g_assert_cmpstr (byline_article_get_remote_status (fixture->ofx->article), ==, "publish");
  g_assert_nonnull (byline_article_get_remote_modified (fixture->ofx->article));
  /* The missing tag was created, the known one reused. */
  g_assert_cmpuint (fake.tags->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (fake.tags, 0), "name"), ==,
                   "Nông thôn mới");
}

static void
test_server_error_then_success (Fixture       *fixture,
                                gconstpointer  data)
{
  add_fault ("POST /wp-json/wp/v2/posts", FAULT_STATUS, 500, NULL);

  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_DONE);
  g_assert_cmpstr (fixture->ofx->states->str, ==,
                   "queued,preparing-photos,reserving,waiting,reserving,uploading,"
                   "writing-post,verifying,done");
  assert_site_exactly_once (fixture);
}

static void
waiting_cb (BylineOutbox *outbox,
            const char   *article_id,
            BylineOutboxState  state,
            gint64       *delay_ms)
{
  g_autoptr(BylineOutboxJournal) journal = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (state != BYLINE_OUTBOX_STATE_WAITING)
    return;
  journal = byline_outbox_dup_journal (outbox, article_id);
  now = g_date_time_new_now_utc ();
  *delay_ms = g_date_time_difference (journal->next_attempt, now) / 1000;
  g_assert_cmpstr (journal->error_code, ==, "server");
}

/* The backoff here is 20 ms: only Retry-After can make it a second. */
static void
test_retry_after (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 delay_ms = -1;

  add_fault ("POST /wp-json/wp/v2/media", FAULT_STATUS, 503, "1");
  g_signal_connect (fixture->outbox, "state-changed", G_CALLBACK (waiting_cb), &delay_ms);

  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_DONE);
  /* Measured from when the state is announced, so a loaded machine eats
   * into it; the schedule is 1 s from the reply, never the 20 ms backoff. */
  g_assert_cmpint (delay_ms, >, 500);
  g_assert_cmpint (delay_ms, <=, 1000);
  assert_site_exactly_once (fixture);
}

static void
delays_cb (BylineOutbox      *outbox,
           const char        *article_id,
           BylineOutboxState  state,
           GArray            *delays)
{
  g_autoptr(BylineOutboxJournal) journal = NULL;
  g_autoptr(GDateTime) now = NULL;
  gint64 delay_ms;

  if (state != BYLINE_OUTBOX_STATE_WAITING)
    return;
  journal = byline_outbox_dup_journal (outbox, article_id);
  now = g_date_time_new_now_utc ();
  delay_ms = g_date_time_difference (journal->next_attempt, now) / 1000;
  g_array_append_val (delays, delay_ms);
  g_assert_cmpstr (journal->error_code, ==, "rate-limited");
}

/* Three 429s in a row: the delays the journal schedules double (base
 * 200 ms here, ±20%: 160–240, 320–480, 640–960 ms). They are measured when
 * the state is announced, so a loaded machine (ASan, 2 cores) only makes
 * them shorter: the upper bounds are exact, and the third is longer than
 * the first by at least 400 ms of margin. */
static void
test_rate_limited (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GArray) delays = g_array_new (FALSE, FALSE, sizeof (gint64));

  byline_outbox_set_backoff (fixture->outbox, 200, 2000);
  for (guint i = 0; i < 3; i++)
    add_fault ("GET /wp-json/wp/v2/posts/", FAULT_STATUS, 429, NULL);
  g_signal_connect (fixture->outbox, "state-changed", G_CALLBACK (delays_cb), delays);

  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_DONE);
  g_assert_true (g_str_has_suffix (fixture->ofx->states->str,
                                   "verifying,waiting,verifying,waiting,verifying,"
                                   "waiting,verifying,done"));
  g_assert_cmpuint (delays->len, ==, 3);
  g_assert_cmpint (g_array_index (delays, gint64, 0), <=, 240);
  g_assert_cmpint (g_array_index (delays, gint64, 1), <=, 480);
  g_assert_cmpint (g_array_index (delays, gint64, 2), <=, 960);
  g_assert_cmpint (g_array_index (delays, gint64, 2), >, g_array_index (delays, gint64, 0));
  assert_site_exactly_once (fixture);
}

/* The first upload is stored, then the connection drops: the retry finds
 * the media item by its name instead of uploading it again. */
static void
test_reset_mid_upload (Fixture       *fixture,
                       gconstpointer  data)
{
  add_fault ("POST /wp-json/wp/v2/media", FAULT_COMMIT_RESET, 0, NULL);

  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_DONE);
  g_assert_nonnull (strstr (fixture->ofx->states->str, "uploading,waiting,uploading"));
  g_assert_cmpuint (fake.n_uploads, ==, 2);
  assert_site_exactly_once (fixture);
}

/* The post is created but the answer never comes: after the timeout the
 * retry looks the reserved draft up by its slug. */
static void
test_timeout_on_create (Fixture       *fixture,
                        gconstpointer  data)
{
  add_fault ("POST /wp-json/wp/v2/posts", FAULT_COMMIT_HANG, 0, NULL);

  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_DONE);
  g_assert_nonnull (strstr (fixture->ofx->states->str, "reserving,waiting,reserving,uploading"));
  g_assert_cmpuint (fake.n_creates, ==, 1);
  assert_site_exactly_once (fixture);
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BylineOutboxJournal) journal = NULL;
  g_autofree char *message = NULL;
  guint requests;

  add_fault ("GET /wp-json/wp/v2/users/me", FAULT_STATUS, 401, NULL);

  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_FAILED);
  g_assert_cmpstr (fixture->ofx->states->str, ==, "queued,failed");
  requests = fake.n_requests;
  journal = ofx_read_journal (fixture->ofx);
  g_assert_cmpint (journal->state, ==, BYLINE_OUTBOX_STATE_FAILED);
  g_assert_cmpint (journal->resume_state, ==, BYLINE_OUTBOX_STATE_QUEUED);
  g_assert_cmpstr (journal->error_code, ==, "auth");
  g_assert_null (journal->next_attempt);
  message = byline_outbox_journal_dup_message (journal);
  g_assert_nonnull (strstr (message, "Preferences → Sites"));

  /* No retry loop: nothing more reaches the site by itself… */
  ofx_spin (300);
  g_assert_cmpuint (fake.n_requests, ==, requests);
  g_assert_cmpint (byline_outbox_get_state (fixture->outbox,
                                            byline_article_get_id (fixture->ofx->article)),
                   ==, BYLINE_OUTBOX_STATE_FAILED);

  /* …until the user signed in again and asks. */
  g_assert_true (byline_outbox_retry (fixture->outbox,
                                      byline_article_get_id (fixture->ofx->article), NULL));
  g_assert_cmpint (ofx_wait (fixture->ofx, fixture->outbox), ==, BYLINE_OUTBOX_STATE_DONE);
  assert_site_exactly_once (fixture);
}

static void
test_offline (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  byline_network_set_available (fixture->network, FALSE);
  ofx_queue (fixture->ofx, fixture->outbox, BYLINE_PUBLISH_STATUS_PUBLISH, &error);
  g_assert_no_error (error);
  ofx_spin (200);
  g_assert_cmpuint (fake.n_requests, ==, 0);
  g_assert_cmpstr (fixture->ofx->states->str, ==, "queued");

  byline_network_set_available (fixture->network, TRUE);
  g_assert_cmpint (ofx_wait (fixture->ofx, fixture->outbox), ==, BYLINE_OUTBOX_STATE_DONE);
  assert_site_exactly_once (fixture);
}

/* A crash right after the site answered and before the journal recorded
 * it, then a new outbox (a restarted app) resumes from the journal. */
static void
test_crash_at (Fixture       *fixture,
               gconstpointer  data)
{
  const char *point = g_test_get_path () + strlen ("/outbox/crash/");
  g_autoptr(BylineOutbox) restarted = NULL;
  g_autoptr(GError) error = NULL;

  byline_outbox_set_stop_point (fixture->outbox, point);
  ofx_queue (fixture->ofx, fixture->outbox, BYLINE_PUBLISH_STATUS_PUBLISH, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ofx_wait (fixture->ofx, fixture->outbox), ==, BYLINE_OUTBOX_STATE_NONE);
  g_clear_object (&fixture->outbox);

  restarted = ofx_outbox_new (fixture->ofx, fixture->network, fake_client, NULL);
  g_assert_cmpuint (ofx_resume (restarted), ==, 1);
  byline_outbox_attach_article (restarted, fixture->ofx->article);
  g_assert_cmpint (ofx_wait (fixture->ofx, restarted), ==, BYLINE_OUTBOX_STATE_DONE);

  g_assert_cmpuint (fake.n_creates, ==, 1);
  assert_site_exactly_once (fixture);
  g_assert_cmpint (byline_article_get_remote_post_id (fixture->ofx->article), ==, 100);
  /* Resuming again finds nothing to do. */
  g_assert_cmpuint (ofx_resume (restarted), ==, 0);
}

/* Two processes: outboxes with their own lock file descriptions ----------- */

/* A's client waits for a held answer as long as the test needs. */
static BylineCms *
patient_client (BylineSite  *site,
                gpointer     user_data,
                GError     **error)
{
  BylineCms *cms = fake_client (site, user_data, error);

  if (cms != NULL)
    byline_cms_wordpress_set_timeout (BYLINE_CMS_WORDPRESS (cms), 60);
  return cms;
}

static void
wait_for_state (BylineOutbox      *outbox,
                const char        *article_id,
                BylineOutboxState  state)
{
  while (byline_outbox_get_state (outbox, article_id) != state)
    g_main_context_iteration (NULL, TRUE);
}

static GBytes *
read_journal_bytes (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->ofx->bundle, BYLINE_OUTBOX_JOURNAL_NAME, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* The app sends the article (its first upload stored, the answer held)
 * while byline-cli resumes the same journal: the second one sends nothing
 * and leaves the journal alone until the first is done, then finds it
 * DONE and ends without a second post or media item. */
static void
test_lock_held_elsewhere (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *id = byline_article_get_id (fixture->ofx->article);
  g_autoptr(BylineOutbox) other = NULL;
  g_autoptr(BylineOutboxJournal) journal = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  guint requests;

  g_clear_object (&fixture->outbox);
  fixture->outbox = ofx_outbox_new (fixture->ofx, fixture->network, patient_client, NULL);
  add_fault ("POST /wp-json/wp/v2/media", FAULT_COMMIT_HANG, 0, NULL);
  ofx_queue (fixture->ofx, fixture->outbox, BYLINE_PUBLISH_STATUS_PUBLISH, &error);
  g_assert_no_error (error);
  while (fake.paused->len == 0)
    g_main_context_iteration (NULL, TRUE);

  other = ofx_outbox_new (fixture->ofx, fixture->network, fake_client, NULL);
  before = read_journal_bytes (fixture);
  requests = fake.n_requests;
  g_assert_cmpuint (ofx_resume (other), ==, 1);
  wait_for_state (other, id, BYLINE_OUTBOX_STATE_WAITING);
  ofx_spin (300);

  g_assert_cmpuint (fake.n_requests, ==, requests);
  g_assert_cmpint (byline_outbox_get_state (other, id), ==, BYLINE_OUTBOX_STATE_WAITING);
  journal = byline_outbox_dup_journal (other, id);
  g_assert_cmpstr (journal->error_code, ==, "locked");
  g_assert_nonnull (journal->error_detail);
  g_assert_nonnull (journal->next_attempt);
  /* Queued again there meanwhile: refused, not written over the run's. */
  g_assert_false (ofx_queue (fixture->ofx, other, BYLINE_PUBLISH_STATUS_PUBLISH, &error));
  g_assert_error (error, BYLINE_OUTBOX_ERROR, BYLINE_OUTBOX_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpint (byline_outbox_get_state (other, id), ==, BYLINE_OUTBOX_STATE_WAITING);
  /* Cancelled there: refused too, the journal is the run's. */
  g_assert_false (byline_outbox_cancel (other, id, &error));
  g_assert_error (error, BYLINE_OUTBOX_ERROR, BYLINE_OUTBOX_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpint (byline_outbox_get_state (other, id), ==, BYLINE_OUTBOX_STATE_WAITING);
  g_assert_cmpuint (fake.n_requests, ==, requests);
  after = read_journal_bytes (fixture);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&journal, byline_outbox_journal_free);

  /* The held answer comes: the app finishes… */
  for (guint i = 0; i < fake.paused->len; i++)
    soup_server_message_unpause (g_ptr_array_index (fake.paused, i));
  g_assert_cmpint (ofx_wait (fixture->ofx, fixture->outbox), ==, BYLINE_OUTBOX_STATE_DONE);
  requests = fake.n_requests;

  /* …and the other one, when it looks again, finds it done. */
  g_assert_cmpint (ofx_wait (fixture->ofx, other), ==, BYLINE_OUTBOX_STATE_DONE);
  g_assert_cmpuint (fake.n_requests, ==, requests);
  g_assert_cmpuint (fake.n_creates, ==, 1);
  g_assert_cmpuint (fake.n_uploads, ==, 2);
  assert_site_exactly_once (fixture);
  journal = byline_outbox_dup_journal (other, id);
  g_assert_cmpint (journal->post_id, ==, 100);
  g_assert_cmpstr (journal->link, ==, fixture->ofx->link);
  g_assert_cmpuint (fixture->ofx->n_published, ==, 2);
}

/* A process that died mid-send (its job stopped, its descriptor closed)
 * leaves outbox.lock on disk but no lock: the next one goes on at once. */
static void
test_lock_left_by_dead_process (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *id = byline_article_get_id (fixture->ofx->article);
  g_autofree char *lock_path = g_build_filename (fixture->ofx->bundle, "outbox.lock", NULL);
  g_autoptr(BylineOutbox) other = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  byline_outbox_set_stop_point (fixture->outbox, "upload-1");
  ofx_queue (fixture->ofx, fixture->outbox, BYLINE_PUBLISH_STATUS_PUBLISH, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ofx_wait (fixture->ofx, fixture->outbox), ==, BYLINE_OUTBOX_STATE_NONE);
  g_assert_true (g_file_test (lock_path, G_FILE_TEST_EXISTS));

  /* Another holder that died: its descriptor closed. */
  fd = g_open (lock_path, O_RDWR | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);
  g_assert_true (g_close (fd, NULL));

  g_string_truncate (fixture->ofx->states, 0);
  other = ofx_outbox_new (fixture->ofx, fixture->network, fake_client, NULL);
  g_assert_cmpuint (ofx_resume (other), ==, 1);
  byline_outbox_attach_article (other, fixture->ofx->article);
  g_assert_cmpint (ofx_wait (fixture->ofx, other), ==, BYLINE_OUTBOX_STATE_DONE);
  g_assert_null (strstr (fixture->ofx->states->str, "waiting"));
  g_assert_cmpuint (fake.n_creates, ==, 1);
  assert_site_exactly_once (fixture);
  g_assert_cmpint (byline_article_get_remote_post_id (fixture->ofx->article), ==, 100);
  g_assert_cmpint (byline_outbox_get_state (fixture->outbox, id), ==, BYLINE_OUTBOX_STATE_NONE);
}

static void
desk_edits_post (void)
{
  JsonObject *post = g_ptr_array_index (fake.posts, 0);
  g_autofree char *modified = next_modified ();

  set_raw (post, "title", "Tiêu đề do ban biên tập sửa");
  json_object_set_string_member (post, "modified_gmt", modified);
}

/* The desk's edit lands in the second of Byline's own write: WordPress's
 * modified_gmt stays the same, the text does not. Asked again after a
 * cancel (the journal is gone, the article remembers). */
static void
test_conflict_same_second (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *id = byline_article_get_id (fixture->ofx->article);
  JsonObject *post;
  g_autofree char *modified = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_DONE);
  post = g_ptr_array_index (fake.posts, 0);
  modified = g_strdup (json_object_get_string_member (post, "modified_gmt"));
  set_raw (post, "title", "Tiêu đề do ban biên tập sửa");
  g_assert_cmpstr (json_object_get_string_member (post, "modified_gmt"), ==, modified);
  byline_article_set_lead (fixture->ofx->article, "Phần mở đầu mới.");

  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_CONFLICT);
  g_assert_true (byline_outbox_resolve_conflict (fixture->outbox, id,
                                                 BYLINE_OUTBOX_RESOLVE_CANCEL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_CONFLICT);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (post, "title"), "raw"),
                   ==, "Tiêu đề do ban biên tập sửa");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (post, "excerpt"), "raw"),
                   !=, "Phần mở đầu mới.");
  g_assert_cmpuint (fake.posts->len, ==, 1);
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_DONE);
  byline_article_set_title (fixture->ofx->article, "Mỹ Quí: kiểm tra chương trình hành động");

  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_DONE);
  g_assert_cmpuint (fake.n_creates, ==, 1);
  g_assert_cmpuint (fake.n_uploads, ==, 2);
  g_assert_cmpuint (fake.posts->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (g_ptr_array_index (fake.posts, 0), "title"),
                     "raw"), ==, "Mỹ Quí: kiểm tra chương trình hành động");
  g_assert_cmpuint (fixture->ofx->n_published, ==, 2);
}

static const char *
post_title (guint index)
{
  JsonObject *post = g_ptr_array_index (fake.posts, index);

  return json_object_get_string_member (json_object_get_object_member (post, "title"), "raw");
}

/* A window opened the article before byline-cli published it; the
 * window's copy, queued in its own process, knows no post: it updates
 * the one byline-cli made, and learns of it. */
static void
test_stale_copy (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) before = byline_article_to_json (fixture->ofx->article);
  g_autoptr(BylineArticle) window_copy = byline_article_new_from_json (before, NULL, NULL);
  g_autoptr(BylineArticle) cli_copy = NULL;
  g_autoptr(BylineOutbox) window = NULL;

  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_DONE);
  g_assert_cmpint (byline_article_get_remote_post_id (window_copy), ==, 0);

  cli_copy = g_steal_pointer (&fixture->ofx->article);
  fixture->ofx->article = g_object_ref (window_copy);
  byline_article_set_title (window_copy, "Mỹ Quí: kiểm tra chương trình hành động");
  window = ofx_outbox_new (fixture->ofx, fixture->network, fake_client, NULL);
  g_assert_cmpint (publish_with (fixture, window), ==, BYLINE_OUTBOX_STATE_DONE);

  g_assert_cmpuint (fake.n_creates, ==, 1);
  g_assert_cmpuint (fake.posts->len, ==, 1);
  g_assert_cmpuint (fake.n_uploads, ==, 2);
  g_assert_cmpuint (fake.media->len, ==, 2);
  g_assert_cmpstr (post_title (0), ==, "Mỹ Quí: kiểm tra chương trình hành động");
  g_assert_cmpint (byline_article_get_remote_post_id (window_copy), ==, 100);
}

/* Stopped after its post was written (the reserved slug replaced by the
 * title's), then queued again, by another process: the post id is kept
 * from the journal, not looked for by the reserved slug. */
static void
test_queued_again_after_write (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(BylineOutbox) other = NULL;

  byline_outbox_set_stop_point (fixture->outbox, "verify");
  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_NONE);
  g_assert_cmpuint (fake.posts->len, ==, 1);
  g_assert_cmpint (byline_article_get_remote_post_id (fixture->ofx->article), ==, 0);

  byline_article_set_title (fixture->ofx->article, "Mỹ Quí: kiểm tra chương trình hành động");
  other = ofx_outbox_new (fixture->ofx, fixture->network, fake_client, NULL);
  g_assert_cmpint (publish_with (fixture, other), ==, BYLINE_OUTBOX_STATE_DONE);

  g_assert_cmpuint (fake.n_creates, ==, 1);
  g_assert_cmpuint (fake.posts->len, ==, 1);
  g_assert_cmpuint (fake.n_uploads, ==, 2);
  g_assert_cmpstr (post_title (0), ==, "Mỹ Quí: kiểm tra chương trình hành động");
  g_assert_cmpint (byline_article_get_remote_post_id (fixture->ofx->article), ==, 100);
}

/* The post is written, then checking it is refused for good; the reporter
 * cancels. The post is on the site with their text: it stays the
 * article's, and publishing again updates it. */
static void
test_cancelled_after_write (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *id = byline_article_get_id (fixture->ofx->article);
  g_autoptr(GError) error = NULL;

  add_fault ("GET /wp-json/wp/v2/posts/", FAULT_STATUS, 403, NULL);
  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_FAILED);
  g_assert_cmpuint (fake.posts->len, ==, 1);
  g_assert_true (byline_outbox_cancel (fixture->outbox, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (byline_article_get_remote_post_id (fixture->ofx->article), ==, 100);

  byline_article_set_title (fixture->ofx->article, "Mỹ Quí: kiểm tra chương trình hành động");
  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_DONE);
  g_assert_cmpuint (fake.n_creates, ==, 1);
  g_assert_cmpuint (fake.posts->len, ==, 1);
  g_assert_cmpuint (fake.media->len, ==, 2);
  g_assert_cmpstr (post_title (0), ==, "Mỹ Quí: kiểm tra chương trình hành động");
}

/* Published on one site, then sent to another: a new post there, not an
 * update of whatever has the same id on the second site. (Both sites are
 * the one fake here, so an update would land on post 100.) */
static void
test_other_site (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BylineSite) second = byline_site_new ();
  g_autoptr(BylineSite) first = NULL;

  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_DONE);
  g_assert_cmpstr (byline_article_get_remote_site (fixture->ofx->article), ==,
                   byline_site_get_id (fixture->ofx->site));

  byline_site_set_name (second, "Báo Thử Hai");
  byline_site_set_url (second, fake.base);
  byline_site_set_user (second, "nguyenthu");
  byline_site_set_timezone (second, "Asia/Ho_Chi_Minh");
  byline_site_set_gmt_offset (second, 7 * 3600);
  byline_site_list_add (fixture->ofx->sites, second);
  first = g_steal_pointer (&fixture->ofx->site);
  fixture->ofx->site = g_object_ref (second);
  ofx_save_terms (fixture->ofx, editor_caps, categories, G_N_ELEMENTS (categories),
                  tags, G_N_ELEMENTS (tags));
  byline_article_set_title (fixture->ofx->article, "Mỹ Quí: kiểm tra chương trình hành động");
  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_DONE);

  g_assert_cmpuint (fake.n_creates, ==, 2);
  g_assert_cmpuint (fake.posts->len, ==, 2);
  g_assert_cmpuint (fake.media->len, ==, 4);
  g_assert_cmpstr (post_title (0), ==, OFX_TITLE);
  g_assert_cmpstr (post_title (1), ==, "Mỹ Quí: kiểm tra chương trình hành động");
  g_assert_cmpint (byline_article_get_remote_post_id (fixture->ofx->article), ==, 101);
  g_assert_cmpstr (byline_article_get_remote_site (fixture->ofx->article), ==,
                   byline_site_get_id (second));
}

static void
test_conflict (Fixture  *fixture,
               gboolean  overwrite)
{
  const char *id = byline_article_get_id (fixture->ofx->article);
  g_autoptr(BylineOutboxJournal) journal = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_DONE);
  desk_edits_post ();
  byline_article_set_lead (fixture->ofx->article, "Phần mở đầu mới.");

  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_CONFLICT);
  journal = ofx_read_journal (fixture->ofx);
  g_assert_cmpstr (journal->remote_modified, !=, journal->known_modified);
  /* Where the desk's edit can be seen. */
  g_assert_nonnull (journal->link);
  g_assert_cmpstr (journal->link, ==, byline_article_get_remote_link (fixture->ofx->article));
  message = byline_outbox_journal_dup_message (journal);
  /* The desk's time as the reporter reads it: local, not WordPress's UTC. */
  {
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
    g_autoptr(GDateTime) remote = g_date_time_new_from_iso8601 (journal->remote_modified, utc);
    g_autoptr(GDateTime) local = g_date_time_to_local (remote);
    g_autofree char *clock = g_date_time_format (local, "%H:%M:%S");

    g_assert_nonnull (strstr (message, clock));
    g_assert_null (strstr (message, journal->remote_modified));
  }
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (g_ptr_array_index (fake.posts, 0), "title"),
                     "raw"), ==, "Tiêu đề do ban biên tập sửa");

  if (overwrite)
    {
      g_assert_true (byline_outbox_resolve_conflict (fixture->outbox, id,
                                                     BYLINE_OUTBOX_RESOLVE_OVERWRITE, &error));
      g_assert_no_error (error);
      g_assert_cmpint (ofx_wait (fixture->ofx, fixture->outbox), ==, BYLINE_OUTBOX_STATE_DONE);
      g_assert_cmpstr (json_object_get_string_member (
                         json_object_get_object_member (g_ptr_array_index (fake.posts, 0),
                                                        "excerpt"), "raw"), ==, "Phần mở đầu mới.");
    }
  else
    {
      g_autoptr(GFile) bundle = g_file_new_for_path (fixture->ofx->bundle);
      g_autoptr(BylineOutboxJournal) gone = NULL;

      g_assert_true (byline_outbox_resolve_conflict (fixture->outbox, id,
                                                     BYLINE_OUTBOX_RESOLVE_CANCEL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (byline_outbox_get_state (fixture->outbox, id), ==, BYLINE_OUTBOX_STATE_NONE);
      gone = byline_outbox_journal_read (bundle, &error);
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
      g_assert_cmpstr (json_object_get_string_member (
                         json_object_get_object_member (g_ptr_array_index (fake.posts, 0), "title"),
                         "raw"), ==, "Tiêu đề do ban biên tập sửa");
    }
  g_assert_cmpuint (fake.posts->len, ==, 1);
}

static void
test_conflict_cancel (Fixture       *fixture,
                      gconstpointer  data)
{
  test_conflict (fixture, FALSE);
}

static void
answer_at_once_cb (BylineOutbox *outbox,
                   const char   *article_id,
                   int           state,
                   gpointer      resolution)
{
  g_autoptr(GError) error = NULL;

  if (state != BYLINE_OUTBOX_STATE_CONFLICT)
    return;
  /* The journal of the conflict is being written right now. */
  g_assert_true (byline_outbox_get_busy (outbox));
  g_assert_true (byline_outbox_resolve_conflict (outbox, article_id, GPOINTER_TO_INT (resolution), &error));
  g_assert_no_error (error);
}

/* The window asks as soon as the conflict is known: an answer given then
 * is not refused as "being sent", and a cancel is not undone by the
 * journal write still in flight. */
static void
test_conflict_answered_at_once (Fixture                *fixture,
                                BylineOutboxResolution  resolution)
{
  const char *id = byline_article_get_id (fixture->ofx->article);
  g_autoptr(GFile) bundle = g_file_new_for_path (fixture->ofx->bundle);
  g_autoptr(BylineOutboxJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  const char *title;

  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_DONE);
  desk_edits_post ();
  byline_article_set_title (fixture->ofx->article, "Mỹ Quí: phóng viên sửa");
  g_signal_connect (fixture->outbox, "state-changed", G_CALLBACK (answer_at_once_cb),
                    GINT_TO_POINTER (resolution));

  if (resolution == BYLINE_OUTBOX_RESOLVE_OVERWRITE)
    {
      g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_DONE);
      journal = byline_outbox_journal_read (bundle, &error);
      g_assert_no_error (error);
    }
  else
    {
      g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_NONE);
      g_assert_cmpint (byline_outbox_get_state (fixture->outbox, id), ==, BYLINE_OUTBOX_STATE_NONE);
      journal = byline_outbox_journal_read (bundle, &error);
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    }

  title = json_object_get_string_member (json_object_get_object_member (g_ptr_array_index (fake.posts, 0),
                                                                        "title"), "raw");
  g_assert_cmpstr (title, ==, resolution == BYLINE_OUTBOX_RESOLVE_OVERWRITE ?
                              "Mỹ Quí: phóng viên sửa" : "Tiêu đề do ban biên tập sửa");
  g_assert_cmpuint (fake.posts->len, ==, 1);
}

static void
test_conflict_cancel_at_once (Fixture       *fixture,
                              gconstpointer  data)
{
  test_conflict_answered_at_once (fixture, BYLINE_OUTBOX_RESOLVE_CANCEL);
}

static void
test_conflict_overwrite_at_once (Fixture       *fixture,
                                 gconstpointer  data)
{
  test_conflict_answered_at_once (fixture, BYLINE_OUTBOX_RESOLVE_OVERWRITE);
}

static void
test_conflict_overwrite (Fixture       *fixture,
                         gconstpointer  data)
{
  test_conflict (fixture, TRUE);
}

static void
test_blocked (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GFile) bundle = g_file_new_for_path (fixture->ofx->bundle);
  g_autoptr(BylineOutboxJournal) journal = NULL;
  g_autoptr(GError) error = NULL;

  byline_article_set_category (fixture->ofx->article, "Thể thao");
  g_assert_false (ofx_queue (fixture->ofx, fixture->outbox, BYLINE_PUBLISH_STATUS_PUBLISH, &error));
  g_assert_error (error, BYLINE_OUTBOX_ERROR, BYLINE_OUTBOX_ERROR_BLOCKED);
  g_assert_nonnull (strstr (error->message, "Thể thao"));
  g_clear_error (&error);

  journal = byline_outbox_journal_read (bundle, &error);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_cmpuint (fake.n_requests, ==, 0);
}

/* A journal that is not JSON, and one from a newer Byline: resume leaves
 * both alone, byte for byte, and goes on with the others. */
static void
test_foreign_journals (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *corrupt_dir = g_build_filename (g_get_user_data_dir (), "drafts", "corrupt", NULL);
  g_autofree char *newer_dir = g_build_filename (g_get_user_data_dir (), "drafts", "newer", NULL);
  g_autofree char *corrupt = g_build_filename (corrupt_dir, "outbox.json", NULL);
  g_autofree char *newer = g_build_filename (newer_dir, "outbox.json", NULL);
  const char newer_text[] = "{\"version\": 99, \"article\": \"newer\", \"site\": \"x\"}";
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_mkdir_with_parents (corrupt_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (newer_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (corrupt, "{\"version\": 1, \"state\": ", -1, NULL));
  g_assert_true (g_file_set_contents (newer, newer_text, -1, NULL));

  /* (Each gives a warning; GLib 2.74 cannot expect structured logs.) */
  g_assert_cmpuint (ofx_resume (fixture->outbox), ==, 0);

  g_assert_true (g_file_get_contents (newer, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, newer_text);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (corrupt, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "{\"version\": 1, \"state\": ");

  /* The outbox still works for the other drafts. */
  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_DONE);
  assert_site_exactly_once (fixture);
}

/* The photo's file is gone from the bundle: a permanent, local failure
 * that says what to do, before anything is sent. */
static void
test_photo_missing (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BylinePhoto) photo = g_list_model_get_item (byline_article_get_photos (fixture->ofx->article), 1);
  g_autofree char *relative = byline_photo_dup_bundle_path (photo);
  g_autofree char *path = g_build_filename (fixture->ofx->bundle, relative, NULL);
  g_autoptr(BylineOutboxJournal) journal = NULL;
  g_autofree char *message = NULL;

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_FAILED);

  journal = ofx_read_journal (fixture->ofx);
  g_assert_cmpstr (journal->error_code, ==, "photo");
  message = byline_outbox_journal_dup_message (journal);
  g_assert_nonnull (strstr (message, "check that its file is in the draft"));
  g_assert_cmpuint (fake.posts->len, ==, 0);
  g_assert_cmpuint (fake.media->len, ==, 0);
}

/* The photo's file is there and its header reads, but it is cut short:
 * only making its derivative finds out, while the photos before it
 * upload. The job stops there, with what went up journalled, and a retry
 * once the file is whole again sends the rest exactly once. */
static void
test_photo_undecodable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(BylinePhoto) photo = g_list_model_get_item (byline_article_get_photos (fixture->ofx->article), 1);
  g_autofree char *relative = byline_photo_dup_bundle_path (photo);
  g_autofree char *path = g_build_filename (fixture->ofx->bundle, relative, NULL);
  g_autoptr(BylineOutboxJournal) journal = NULL;
  g_autofree char *whole = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &whole, &length, NULL));
  g_assert_true (g_file_set_contents (path, whole, length / 2, NULL));
  g_assert_cmpint (publish (fixture), ==, BYLINE_OUTBOX_STATE_FAILED);

  journal = ofx_read_journal (fixture->ofx);
  g_assert_cmpstr (journal->error_code, ==, "photo");
  g_assert_cmpuint (byline_outbox_journal_count_uploaded (journal), ==, 1);
  g_assert_cmpuint (fake.posts->len, ==, 1);
  g_assert_cmpuint (fake.media->len, ==, 1);

  g_assert_true (g_file_set_contents (path, whole, length, NULL));
  g_assert_true (byline_outbox_retry (fixture->outbox,
                                      byline_article_get_id (fixture->ofx->article), NULL));
  g_assert_cmpint (ofx_wait (fixture->ofx, fixture->outbox), ==, BYLINE_OUTBOX_STATE_DONE);
  assert_site_exactly_once (fixture);
}

/* The journal cannot be written (here: a folder in its place): the article
 * is not queued, and nothing is sent. */
static void
test_journal_unwritable (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *in_the_way = g_build_filename (fixture->ofx->bundle, "outbox.json", "x", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (in_the_way, 0700), ==, 0);
  g_assert_false (ofx_queue (fixture->ofx, fixture->outbox, BYLINE_PUBLISH_STATUS_PUBLISH, &error));
  g_assert_nonnull (error);
  g_assert_false (byline_outbox_get_busy (fixture->outbox));
  g_assert_cmpint (byline_outbox_get_state (fixture->outbox,
                                            byline_article_get_id (fixture->ofx->article)),
                   ==, BYLINE_OUTBOX_STATE_NONE);
  ofx_spin (100);
  g_assert_cmpuint (fake.n_requests, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const crash_points[] = { "reserve", "upload-1", "upload-2", "write", "verify" };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  ofx_init ();

#define ADD(path, func, data) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (data), fixture_set_up, func, fixture_tear_down)

  ADD ("/outbox/clean", test_clean, 2);
  ADD ("/outbox/server-error-then-success", test_server_error_then_success, 2);
  ADD ("/outbox/retry-after", test_retry_after, 2);
  ADD ("/outbox/rate-limited", test_rate_limited, 2);
  ADD ("/outbox/reset-mid-upload", test_reset_mid_upload, 2);
  ADD ("/outbox/timeout-on-create", test_timeout_on_create, 2);
  ADD ("/outbox/wrong-password", test_wrong_password, 2);
  ADD ("/outbox/offline", test_offline, 2);
  ADD ("/outbox/update", test_update, 2);
  ADD ("/outbox/stale-copy", test_stale_copy, 2);
  ADD ("/outbox/queued-again-after-write", test_queued_again_after_write, 2);
  ADD ("/outbox/other-site", test_other_site, 2);
  ADD ("/outbox/cancelled-after-write", test_cancelled_after_write, 2);
  ADD ("/outbox/conflict/cancel", test_conflict_cancel, 2);
  ADD ("/outbox/conflict/same-second", test_conflict_same_second, 2);
  ADD ("/outbox/conflict/overwrite", test_conflict_overwrite, 2);
  ADD ("/outbox/conflict/cancel-at-once", test_conflict_cancel_at_once, 2);
  ADD ("/outbox/conflict/overwrite-at-once", test_conflict_overwrite_at_once, 2);
  ADD ("/outbox/blocked", test_blocked, 2);
  ADD ("/outbox/foreign-journals", test_foreign_journals, 2);
  ADD ("/outbox/photo-missing", test_photo_missing, 2);
  ADD ("/outbox/photo-undecodable", test_photo_undecodable, 2);
  ADD ("/outbox/journal-unwritable", test_journal_unwritable, 2);
  ADD ("/outbox/lock/held-elsewhere", test_lock_held_elsewhere, 2);
  ADD ("/outbox/lock/left-by-dead-process", test_lock_left_by_dead_process, 2);
  for (guint i = 0; i < G_N_ELEMENTS (crash_points); i++)
    {
      g_autofree char *path = g_strconcat ("/outbox/crash/", crash_points[i], NULL);
      ADD (path, test_crash_at, 2);
    }
#undef ADD

  return g_test_run ();
}
