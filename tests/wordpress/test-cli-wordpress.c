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
#include "cli-test-util.h"
#include "photo-fixtures.h"
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

  return g_test_run ();
}
