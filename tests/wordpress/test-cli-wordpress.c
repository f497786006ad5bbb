/* test-cli-wordpress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-cli against the real WordPress, with a real keyring (run through
 * tests/keyring-run): add the site with the password on standard input,
 * publish, and publish offline then send with `outbox run`, each article
 * ending as exactly one post.
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "byline-secret.h"
#include "byline-site-list.h"
#include "cli-test-util.h"
#include "photo-fixtures.h"
#include "wp-admin.h"
#include "wp-testbed.h"

/* How many items @route lists, as the administrator sees them. */
static guint
admin_count (const char *route,
             const char *query)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strdup_printf ("%s%s&%s", testbed.api_root, route, query);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autofree char *pair = g_strconcat (testbed.admin, ":", testbed.admin_password, NULL);
  g_autofree char *basic = g_base64_encode ((const guchar *) pair, strlen (pair));
  g_autofree char *auth = g_strconcat ("Basic ", basic, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  reply = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  data = g_bytes_get_data (reply, &length);
  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);
  return json_array_get_length (json_node_get_array (json_parser_get_root (parser)));
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

/* Media items attached to the post of @link ("…?p=ID"). */
static guint
media_of (const char *link)
{
  const char *p = strstr (link, "?p=");
  g_autofree char *query = NULL;

  g_assert_nonnull (p);
  query = g_strdup_printf ("parent=%" G_GINT64_FORMAT "&per_page=100",
                           g_ascii_strtoll (p + 3, NULL, 10));
  return admin_count ("wp/v2/media", query);
}

static char *
add_site (void)
{
  g_autofree char *input = g_strconcat (testbed.author_password, "\n", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (cli_run (input, &out, &err, "site", "add", testbed.url, "--user", testbed.author,
               "--password-stdin", NULL) != 0)
    g_error ("site add failed: %s", err);
  g_assert_true (g_str_has_suffix (out, "\n"));
  return g_strndup (out, strlen (out) - 1);
}

/* A draft whose title carries a word no other post has. */
static char *
ready_draft (char **word)
{
  g_autofree char *id = cli_import_seed ();
  g_autofree char *title = NULL;

  *word = g_strdup_printf ("clitest%08x", g_random_int ());
  title = g_strdup_printf ("Mỹ Quí %s", *word);
  g_free (cli_run_ok ("draft", "set", id, "category", "Thời sự", NULL));
  g_free (cli_run_ok ("draft", "set", id, "title", title, NULL));
  return g_steal_pointer (&id);
}

static gboolean
password_anywhere (void)
{
  const char *dirs[] = { g_get_user_data_dir (), g_get_user_config_dir (),
                         g_get_user_cache_dir (), g_get_home_dir (),
                         g_getenv ("BYLINE_KEYRING_RUN_ROOT"), NULL };

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      if (cli_tree_contains (dirs[i], testbed.author_password))
        return TRUE;
    }
  return FALSE;
}

static void
test_add_and_publish (void)
{
  g_autofree char *site = add_site ();
  g_autoptr(JsonNode) sites = cli_run_json ("site", "list", "--json", NULL);
  JsonObject *listed = json_array_get_object_element (json_node_get_array (sites), 0);
  g_autofree char *word = NULL;
  g_autofree char *id = ready_draft (&word);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *link = NULL;

  g_assert_cmpuint (json_array_get_length (json_node_get_array (sites)), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (listed, "id"), ==, site);
  g_assert_cmpstr (json_object_get_string_member (listed, "url"), ==, testbed.url);
  g_assert_false (password_anywhere ());

  g_assert_cmpint (cli_run (NULL, &out, &err, "publish", id, NULL), ==, 0);
  cli_assert_contains (err, "Writing the post");
  g_assert_true (g_str_has_prefix (out, testbed.url));
  g_assert_true (g_str_has_suffix (out, "\n"));
  g_assert_null (strchr (out, ' '));
  link = g_strndup (out, strlen (out) - 1);
  g_assert_cmpuint (posts_with (word), ==, 1);

  summary = cli_run_ok ("draft", "show", id, NULL);
  cli_assert_contains (summary, "State: published");
  cli_assert_contains (summary, link);
  g_assert_false (password_anywhere ());
}

static void
test_offline_then_run (void)
{
  g_autofree char *site = add_site ();
  g_autofree char *word = NULL;
  g_autofree char *id = ready_draft (&word);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *ran = NULL;
  g_autofree char *again = NULL;
  g_autoptr(JsonNode) outbox = NULL;
  g_autofree char *photo = fixture_make_image ("ghe-ngo.jpg", 800, 600, 3);
  g_autofree char *photo_id = NULL;
  g_autofree char *run_err = NULL;

  fixture_exiv2_modify (photo, "set Xmp.dc.creator XmpSeq Hoàng Kha",
                        "set Xmp.photoshop.Credit Báo Đồng Tháp", NULL);
  photo_id = cli_run_ok ("photo", "add", id, photo, "--caption", "Đua ghe ngo trên sông",
                         "--alt", "Ba chiếc ghe ngo", NULL);

  g_assert_cmpint (cli_run_offline (&out, &err, "publish", id, NULL), ==, 3);
  g_assert_cmpstr (out, ==, "");
  cli_assert_contains (err, "queued: it will be sent when the network is back");
  g_assert_cmpuint (posts_with (word), ==, 0);
  outbox = cli_run_json ("outbox", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (outbox)), ==, 1);

  /* Back online. */
  g_assert_cmpint (cli_run (NULL, &ran, &run_err, "outbox", "run", NULL), ==, 0);
  cli_assert_contains (run_err, "Uploading photo 1 of 1");
  g_assert_true (g_str_has_prefix (ran, id));
  cli_assert_contains (ran, testbed.url);
  g_assert_cmpuint (posts_with (word), ==, 1);
  g_assert_cmpuint (media_of (ran), ==, 1);
  cli_run_quiet ("outbox", "list", NULL);

  /* Nothing left to send: a second run sends nothing twice. */
  again = cli_run_ok ("outbox", "run", NULL);
  g_assert_cmpstr (again, ==, "");
  g_assert_cmpuint (posts_with (word), ==, 1);
  g_assert_cmpuint (media_of (ran), ==, 1);
}

/* https with the testbed's own CA: refused without it, added with it. */
static void
test_add_https (void)
{
  g_autofree char *input = g_strconcat (testbed.author_password, "\n", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  g_autoptr(JsonNode) sites = NULL;

  g_assert_cmpint (cli_run (input, &out, &err, "site", "add", testbed.https_url, "--user",
                            testbed.author, "--password-stdin", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_null (strstr (err, testbed.author_password));
  sites = cli_run_json ("site", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (sites)), ==, 0);
  g_clear_pointer (&sites, json_node_unref);

  g_assert_cmpint (cli_run (input, &out2, &err2, "site", "add", testbed.https_url, "--user",
                            testbed.author, "--password-stdin", "--ca-file", testbed.ca, NULL),
                   ==, 0);
  sites = cli_run_json ("site", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (sites)), ==, 1);
  g_assert_false (password_anywhere ());
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static char *
keyring_password (const char *site)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *password;

  byline_secret_lookup_async (site, testbed.author, NULL, lookup_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  password = byline_secret_lookup_finish (result, &error);
  g_assert_no_error (error);
  return password;
}

/* refresh, default and remove: the password leaves the keyring with it. */
static void
test_refresh_default_remove (void)
{
  g_autofree char *site = add_site ();
  g_autofree char *err = NULL;
  g_autofree char *password = keyring_password (site);
  g_autofree char *gone = NULL;
  g_autoptr(JsonNode) sites = NULL;

  g_assert_cmpstr (password, ==, testbed.author_password);
  g_assert_cmpint (cli_run (NULL, NULL, &err, "site", "refresh", NULL), ==, 0);
  cli_assert_contains (err, "categories");
  cli_run_quiet ("site", "refresh", site, NULL);
  cli_run_quiet ("site", "default", site, NULL);

  cli_run_quiet ("site", "remove", site, NULL);
  sites = cli_run_json ("site", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (sites)), ==, 0);
  gone = keyring_password (site);
  g_assert_null (gone);
}

/* site add NAME URL [--default]; prints the new site's id. */
static char *
add_named_site (const char *name,
                gboolean    make_default)
{
  g_autofree char *input = g_strconcat (testbed.author_password, "\n", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (cli_run (input, &out, &err, "site", "add", name, testbed.url, "--user", testbed.author,
               "--password-stdin", make_default ? "--default" : NULL, NULL) != 0)
    g_error ("site add %s failed: %s", name, err);
  g_assert_true (g_str_has_suffix (out, "\n"));
  return g_strndup (out, strlen (out) - 1);
}

static JsonObject *
listed_site (JsonNode   *list,
             const char *id)
{
  JsonArray *array = json_node_get_array (list);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *site = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (site, "id"), id) == 0)
        return site;
    }
  g_error ("site %s is not listed", id);
  return NULL;
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* What the keyring holds for @site_id from now on. */
static void
keyring_store (const char *site_id,
               const char *password)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  byline_secret_store_async (site_id, testbed.author, "test", password, NULL, store_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  byline_secret_store_finish (result, &error);
  g_assert_no_error (error);
}

/* NAME is kept over the site's title, --default moves the default, a name
 * is never given twice; site check works by name and by id. */
static void
test_named_site_and_check (void)
{
  g_autofree char *first = add_site ();
  g_autofree char *second = add_named_site ("dongthap", TRUE);
  g_autofree char *input = g_strconcat (testbed.author_password, "\n", NULL);
  g_autoptr(JsonNode) sites = cli_run_json ("site", "list", "--json", NULL);
  g_autofree char *err = NULL;
  g_autofree char *checked = NULL;
  g_autofree char *checked_first = NULL;

  g_assert_cmpuint (json_array_get_length (json_node_get_array (sites)), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (listed_site (sites, second), "name"), ==,
                   "dongthap");
  g_assert_true (json_object_get_boolean_member (listed_site (sites, second), "is_default"));
  g_assert_false (json_object_get_boolean_member (listed_site (sites, first), "is_default"));
  /* Without NAME, the site's title, as before. */
  g_assert_cmpstr (json_object_get_string_member (listed_site (sites, first), "name"), !=,
                   "dongthap");

  g_assert_cmpint (cli_run (input, NULL, &err, "site", "add", "dongthap", testbed.url, "--user",
                            testbed.author, "--password-stdin", NULL), ==, 2);
  cli_assert_contains (err, "already a site named “dongthap”");

  checked = cli_run_ok ("site", "check", "dongthap", NULL);
  cli_assert_contains (checked, "Name: dongthap\n");
  cli_assert_contains (checked, testbed.url);
  cli_assert_contains (checked, testbed.author);
  /* The testbed's user is an author: publishes, cannot make terms. */
  cli_assert_contains (checked, "May publish: yes\n");
  cli_assert_contains (checked, "May create categories: no\n");
  cli_assert_contains (checked, "May create tags: no\n");
  cli_assert_contains (checked, "Time zone: ");
  checked_first = cli_run_ok ("site", "check", first, NULL);
  cli_assert_contains (checked_first, "May publish: yes\n");
  g_assert_false (password_anywhere ());
}

/* A password WordPress no longer takes (revoked, mistyped when it was
 * replaced in the keyring) and a site that does not answer: exit 1 and
 * what to do. */
static void
test_check_fails (void)
{
  g_autofree char *site = add_named_site ("dongthap", FALSE);
  g_autoptr(BylineSiteList) sites = byline_site_list_new (NULL);
  g_autoptr(BylineSite) gone = byline_site_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;

  keyring_store (site, "abcd efgh ijkl mnop qrst uvwx");
  g_assert_cmpint (cli_run (NULL, &out, &err, "site", "check", "dongthap", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  cli_assert_contains (err, "create a new application password");

  byline_site_list_load (sites, &error);
  g_assert_no_error (error);
  byline_site_set_url (gone, "http://127.0.0.1:9/");
  byline_site_set_api_root (gone, "http://127.0.0.1:9/index.php?rest_route=/");
  byline_site_set_name (gone, "gone");
  byline_site_set_user (gone, testbed.author);
  byline_site_list_add (sites, gone);
  byline_site_list_save (sites, &error);
  g_assert_no_error (error);
  keyring_store (byline_site_get_id (gone), testbed.author_password);
  g_assert_cmpint (cli_run (NULL, NULL, &err2, "site", "check", "gone", NULL), ==, 1);
  cli_assert_contains (err2, "gone could not be reached");
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The media the site has for @post_id, by id. */
static GHashTable *
site_media (gint64 post_id)
{
  g_autofree char *query = g_strdup_printf ("parent=%" G_GINT64_FORMAT "&per_page=100", post_id);
  g_autoptr(JsonNode) node = wp_admin_request ("GET", "wp/v2/media", query, NULL);
  JsonArray *array = json_node_get_array (node);
  GHashTable *media = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);
      gint64 *key = g_new (gint64, 1);

      *key = json_object_get_int_member (item, "id");
      g_hash_table_insert (media, key,
                           g_strdup (json_object_get_string_member (item, "source_url")));
    }
  return media;
}

/* publish --json, read back over REST: the post and its media are the
 * ones printed. */
static void
test_publish_json (void)
{
  g_autofree char *site = add_named_site ("dongthap", TRUE);
  g_autofree char *word = NULL;
  g_autofree char *id = ready_draft (&word);
  const char *names[] = { "ghe-ngo.jpg", "le-hoi.jpg" };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) result = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GHashTable) media = NULL;
  JsonArray *printed;
  gint64 post_id;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *photo = fixture_make_image (names[i], 800, 600, 5 + i);

      g_free (cli_run_ok ("photo", "add", id, photo, "--caption", "Đua ghe ngo", NULL));
    }

  g_assert_cmpint (cli_run (NULL, &out, &err, "publish", "--json", "--site", "dongthap", id, NULL),
                   ==, 0);
  cli_assert_contains (err, "Writing the post");
  result = parse_object (out);
  post_id = json_object_get_int_member (result, "post_id");
  g_assert_cmpint (post_id, >, 0);
  g_assert_cmpstr (json_object_get_string_member (result, "state"), ==, "done");
  g_assert_cmpstr (json_object_get_string_member (result, "site"), ==, site);

  post = wp_admin_get_post (post_id);
  g_assert_cmpstr (json_object_get_string_member (result, "link"), ==,
                   json_object_get_string_member (post, "link"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (result, "link"), testbed.url));
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "publish");
  g_assert_cmpuint (posts_with (word), ==, 1);

  media = site_media (post_id);
  printed = json_object_get_array_member (result, "media");
  g_assert_cmpuint (json_array_get_length (printed), ==, G_N_ELEMENTS (names));
  g_assert_cmpuint (g_hash_table_size (media), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < json_array_get_length (printed); i++)
    {
      JsonObject *item = json_array_get_object_element (printed, i);
      gint64 media_id = json_object_get_int_member (item, "id");

      g_assert_true (g_hash_table_contains (media, &media_id));
      g_assert_cmpstr (json_object_get_string_member (item, "source_url"), ==,
                       g_hash_table_lookup (media, &media_id));
      g_assert_cmpstr (json_object_get_string_member (item, "name"), ==, names[i]);
      g_assert_nonnull (json_object_get_string_member (item, "file"));
    }
}

/* The site's zone, as `site list --json` has it. */
static GTimeZone *
site_time_zone (const char *site)
{
  g_autoptr(JsonNode) sites = cli_run_json ("site", "list", "--json", NULL);
  JsonObject *listed = listed_site (sites, site);
  const char *name = json_object_get_string_member_with_default (listed, "timezone", NULL);
  GTimeZone *tz = name != NULL ? g_time_zone_new_identifier (name) : NULL;

  if (tz != NULL)
    return tz;
  return g_time_zone_new_offset (json_object_get_int_member_with_default (listed, "gmt_offset",
                                                                          0));
}

/* publish --at a time to come, without a zone: WordPress schedules the
 * post ("future") at that time of the site's zone. */
static void
test_publish_at (void)
{
  g_autofree char *site = add_named_site ("dongthap", TRUE);
  g_autofree char *word = NULL;
  g_autofree char *id = ready_draft (&word);
  g_autoptr(GTimeZone) tz = site_time_zone (site);
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 3);
  g_autoptr(GDateTime) at = g_date_time_new (tz, g_date_time_get_year (later),
                                             g_date_time_get_month (later),
                                             g_date_time_get_day_of_month (later), 9, 30, 0);
  g_autoptr(GDateTime) at_utc = g_date_time_to_utc (at);
  g_autofree char *at_text = g_date_time_format (at, "%Y-%m-%dT%H:%M");
  g_autofree char *date_gmt = g_date_time_format (at_utc, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) result = NULL;
  g_autoptr(JsonObject) post = NULL;

  g_assert_cmpint (cli_run (NULL, &out, &err, "publish", "--json", "--at", at_text, id, NULL),
                   ==, 0);
  result = parse_object (out);
  post = wp_admin_get_post (json_object_get_int_member (result, "post_id"));
  g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, "future");
  g_assert_cmpstr (json_object_get_string_member (post, "date_gmt"), ==, date_gmt);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "future");
  g_assert_cmpuint (posts_with (word), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  fixture_init ();
  if (!testbed_load ())
    return 1;

  g_test_add_func ("/cli/wordpress/add-and-publish", test_add_and_publish);
  g_test_add_func ("/cli/wordpress/offline-then-run", test_offline_then_run);
  g_test_add_func ("/cli/wordpress/add-https", test_add_https);
  g_test_add_func ("/cli/wordpress/refresh-default-remove", test_refresh_default_remove);
  g_test_add_func ("/cli/wordpress/named-site-and-check", test_named_site_and_check);
  g_test_add_func ("/cli/wordpress/check-fails", test_check_fails);
  g_test_add_func ("/cli/wordpress/publish-json", test_publish_json);
  g_test_add_func ("/cli/wordpress/publish-at", test_publish_at);

  return g_test_run ();
}
