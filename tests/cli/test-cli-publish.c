/* test-cli-publish.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-cli publish and outbox without a server: the pre-flight check,
 * queueing offline (a network namespace of its own), the outbox list and
 * cancel, and a site that refuses connections. The real WordPress tier is
 * tests/wordpress/test-cli-wordpress.c.
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/file.h>

#include <glib/gstdio.h>

#include "byline-site-list.h"
#include "byline-site-terms.h"
#include "cli-test-util.h"
#include "photo-fixtures.h"

#define CATEGORY "Thời sự"

/* A site on a port nothing listens on, with its terms in the cache as if
 * it had been added while it was up. */
static char *
make_site (void)
{
  g_autoptr(BylineSiteList) sites = byline_site_list_new (NULL);
  g_autoptr(BylineSite) site = byline_site_new ();
  g_autoptr(BylineSiteTerms) terms = byline_site_terms_new ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *capabilities[] = { "edit_posts", "upload_files", "publish_posts", NULL };

  byline_site_set_url (site, "http://127.0.0.1:9/");
  byline_site_set_api_root (site, "http://127.0.0.1:9/index.php?rest_route=/");
  byline_site_set_name (site, "Báo thử");
  byline_site_set_user (site, "nguyenthu");
  /* Đồng Tháp's time, with no zone name: --at falls back to the offset. */
  byline_site_set_gmt_offset (site, 7 * 3600);
  byline_site_list_add (sites, site);
  byline_site_list_set_default (sites, site);
  byline_site_list_save (sites, &error);
  g_assert_no_error (error);

  g_ptr_array_add (terms->categories, byline_cms_term_new (3, CATEGORY));
  g_strfreev (terms->capabilities);
  terms->capabilities = g_strdupv ((char **) capabilities);
  path = byline_site_terms_path (site);
  byline_site_terms_save (path, terms, &error);
  g_assert_no_error (error);
  return g_strdup (byline_site_get_id (site));
}

static char *
ready_draft (void)
{
  char *id = cli_import_seed ();

  g_free (cli_run_ok ("draft", "set", id, "category", CATEGORY, NULL));
  return id;
}

static const char *
listed_state (const char *id)
{
  g_autoptr(JsonNode) list = cli_run_json ("draft", "list", "--json", NULL);
  JsonArray *array = json_node_get_array (list);
  static char state[32];

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *row = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (row, "id"), id) == 0)
        {
          g_strlcpy (state, json_object_get_string_member (row, "state"), sizeof state);
          return state;
        }
    }
  return NULL;
}

static guint
outbox_length (void)
{
  g_autoptr(JsonNode) list = cli_run_json ("outbox", "list", "--json", NULL);

  return json_array_get_length (json_node_get_array (list));
}

static void
test_no_site (void)
{
  g_autofree char *id = ready_draft ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cli_run (NULL, &out, &err, "publish", id, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  cli_assert_contains (err, "site add");
  g_assert_cmpuint (outbox_length (), ==, 0);
}

/* Blocking problems are all listed and nothing is queued. */
static void
test_preflight_blocks (void)
{
  g_autofree char *site = make_site ();
  g_autofree char *id = cli_import_seed ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_auto(GStrv) blocking = NULL;

  g_free (cli_run_ok ("draft", "set", id, "title", "", NULL));
  g_free (cli_run_ok ("draft", "set", id, "category", "Không có", NULL));
  g_assert_cmpint (cli_run (NULL, &out, &err, "publish", id, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  blocking = g_strsplit (err, "cannot publish:", -1);
  g_assert_cmpuint (g_strv_length (blocking), >=, 3);
  g_assert_cmpuint (outbox_length (), ==, 0);
  g_assert_cmpstr (listed_state (id), ==, "draft");

  /* An embargo in the past blocks too; "future" needs one to come. */
  g_free (cli_run_ok ("draft", "set", id, "title", "Tin nóng", NULL));
  g_free (cli_run_ok ("draft", "set", id, "category", CATEGORY, NULL));
  g_assert_cmpint (cli_run (NULL, NULL, &err2, "publish", "--status", "future", id, NULL), ==, 1);
  cli_assert_contains (err2, "embargo");
  g_assert_cmpuint (outbox_length (), ==, 0);
}

static void
test_usage_and_unknown (void)
{
  g_autofree char *site = make_site ();
  g_autofree char *id = ready_draft ();
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *err3 = NULL;
  g_autofree char *err4 = NULL;
  g_autofree char *err5 = NULL;

  g_assert_cmpint (cli_run (NULL, NULL, &err, "publish", "--status", "live",
                            "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", NULL), ==, 2);
  cli_assert_contains (err, "live");
  g_assert_cmpint (cli_run (NULL, NULL, NULL, "publish", NULL), ==, 2);
  g_assert_cmpint (cli_run (NULL, NULL, &err2, "publish",
                            "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", NULL), ==, 1);
  cli_assert_contains (err2, "no draft with id");
  g_assert_cmpint (cli_run (NULL, NULL, &err3, "outbox", "cancel",
                            "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", NULL), ==, 1);
  cli_assert_contains (err3, "not in the outbox");
  g_assert_cmpint (cli_run (NULL, NULL, &err4, "publish", "--site", "nowhere",
                            "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", NULL), ==, 1);
  g_assert_cmpint (cli_run (NULL, NULL, &err5, "publish", "--site", "nowhere", id, NULL), ==, 1);
  cli_assert_contains (err5, "no site named “nowhere”");
  cli_run_quiet ("outbox", "list", NULL);
  /* Nothing waits: run has nothing to do. */
  cli_run_quiet ("outbox", "run", NULL);
}

/* Offline: exit 3, queued in the library and in the outbox; cancel takes
 * it back to a draft. */
static void
test_offline_queue_and_cancel (void)
{
  g_autofree char *site = make_site ();
  g_autofree char *id = ready_draft ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autoptr(JsonNode) list = NULL;
  JsonObject *row;

  g_assert_cmpint (cli_run_offline (&out, &err, "publish", id, NULL), ==, 3);
  g_assert_cmpstr (out, ==, "");
  cli_assert_contains (err, "queued: it will be sent when the network is back (run byline-cli "
                            "outbox run, or keep Byline open)");
  g_assert_cmpstr (listed_state (id), ==, "queued");

  list = cli_run_json ("outbox", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 1);
  row = json_array_get_object_element (json_node_get_array (list), 0);
  g_assert_cmpstr (json_object_get_string_member (row, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (row, "state"), ==, "queued");
  g_assert_cmpstr (json_object_get_string_member (row, "site"), ==, site);
  g_assert_cmpstr (json_object_get_string_member (row, "title"), ==,
                   "Kiểm tra Chương trình hành động của Huyện ủy năm 2023 tại xã Mỹ Quí");

  /* Still offline: run leaves it queued. */
  g_assert_cmpint (cli_run_offline (NULL, &err2, "outbox", "run", NULL), ==, 3);
  cli_assert_contains (err2, "queued:");

  cli_run_quiet ("outbox", "cancel", id, NULL);
  g_assert_cmpuint (outbox_length (), ==, 0);
  g_assert_cmpstr (listed_state (id), ==, "draft");
}

/* Online, but there is no keyring to take the password from: a failure
 * the user must fix (exit 1, and why), kept in the outbox. */
static void
test_send_fails (void)
{
  g_autofree char *site = make_site ();
  g_autofree char *id = ready_draft ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *listed = NULL;

  g_assert_cmpint (cli_run (NULL, &out, &err, "publish", id, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  cli_assert_contains (err, "keyring");
  g_assert_cmpuint (outbox_length (), ==, 1);
  listed = cli_run_ok ("outbox", "list", NULL);
  cli_assert_contains (listed, "failed");
  cli_assert_contains (listed, "keyring");
  g_assert_cmpstr (listed_state (id), ==, "failed");
  /* A failure waits for the user: run says so again. */
  g_assert_cmpint (cli_run (NULL, NULL, NULL, "outbox", "run", NULL), ==, 1);
}

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
exited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *(gboolean *) user_data = TRUE;
}

/* While a window sends the article (it holds the bundle's outbox.lock),
 * `outbox run` waits for it rather than calling it not sent; it says so
 * once, and goes on when the lock is free. */
static void
test_run_waits_for_other_sender (void)
{
  g_autofree char *site = make_site ();
  g_autofree char *id = ready_draft ();
  g_autofree char *root = cli_store_root ();
  g_autofree char *lock_path = g_build_filename (root, "drafts", id, "outbox.lock", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) run = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  gboolean waited = FALSE;
  gboolean exited = FALSE;
  int fd;

  g_assert_cmpint (cli_run_offline (NULL, NULL, "publish", id, NULL), ==, 3);
  fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);

  launcher = cli_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  run = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("BYLINE_CLI"), "outbox", "run", NULL);
  g_assert_no_error (error);
  /* Long after its first look at the article (the lock is refused at
   * once), it is still there. */
  g_subprocess_wait_async (run, NULL, exited_cb, &exited);
  g_timeout_add (2000, set_flag_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (exited);

  g_assert_true (g_close (fd, NULL));
  g_subprocess_communicate_utf8 (run, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  cli_assert_contains (err, "Another Byline window or command is sending it: waiting until it is done…\n");
  g_assert_null (strstr (strstr (err, "waiting until it is done") + 1, "waiting until it is done"));
  /* Then its own try, which fails here: no keyring holds the password. */
  cli_assert_contains (err, "keyring");
  g_assert_cmpint (g_subprocess_get_exit_status (run), ==, 1);
}

/* The outbox's journal of @id, as written to its bundle. */
static JsonObject *
read_journal (const char *id)
{
  g_autofree char *root = cli_store_root ();
  g_autofree char *path = g_build_filename (root, "drafts", id, "outbox.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static char *
draft_embargo (const char *id)
{
  g_autoptr(JsonNode) shown = cli_run_json ("draft", "show", id, "--json", NULL);
  JsonObject *draft = json_node_get_object (shown);

  return g_strdup (json_object_get_string_member_with_default (draft, "embargo", NULL));
}

/* A time a year ahead, and how WordPress's date_gmt says it. */
static char *
future_time (GTimeZone  *tz,
             const char *format,
             char      **date_gmt)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);
  g_autoptr(GDateTime) ahead = g_date_time_add_years (now, 1);
  g_autoptr(GDateTime) minute = g_date_time_new (tz, g_date_time_get_year (ahead),
                                                 g_date_time_get_month (ahead),
                                                 g_date_time_get_day_of_month (ahead),
                                                 g_date_time_get_hour (ahead),
                                                 g_date_time_get_minute (ahead), 0);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (minute);

  *date_gmt = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
  return g_date_time_format (minute, format);
}

/* --at: not a time, or a time gone, is a usage error and changes nothing. */
static void
test_at_refused (void)
{
  g_autofree char *site = make_site ();
  g_autofree char *id = ready_draft ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *embargo = NULL;

  g_assert_cmpint (cli_run (NULL, &out, &err, "publish", "--at", "ngày mai", id, NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  cli_assert_contains (err, "--at “ngày mai” is not a time");
  g_assert_cmpint (cli_run (NULL, NULL, &err2, "publish", "--at", "2001-09-02T08:00", id, NULL),
                   ==, 2);
  cli_assert_contains (err2, "--at 2001-09-02T08:00 has passed");
  g_assert_cmpuint (outbox_length (), ==, 0);
  embargo = draft_embargo (id);
  g_assert_null (embargo);
}

/* A time without a zone is the site's (UTC+7 here); it becomes the
 * draft's embargo, and the post is planned as "future" at that date_gmt.
 * A time with its zone is taken as it is, and --status is kept. */
static void
test_at_future (void)
{
  g_autofree char *site = make_site ();
  g_autofree char *id = ready_draft ();
  g_autofree char *id2 = ready_draft ();
  g_autoptr(GTimeZone) site_tz = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GTimeZone) other_tz = g_time_zone_new_offset (-3 * 3600);
  g_autofree char *date_gmt = NULL;
  g_autofree char *date_gmt2 = NULL;
  g_autofree char *at = future_time (site_tz, "%Y-%m-%dT%H:%M", &date_gmt);
  g_autofree char *at2 = future_time (other_tz, "%Y-%m-%d %H:%M:%S%:z", &date_gmt2);
  g_autofree char *embargo = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) journal = NULL;
  g_autoptr(JsonObject) journal2 = NULL;
  JsonObject *plan;

  g_assert_cmpint (cli_run_offline (NULL, &err, "publish", "--site", "Báo thử", "--at", at, id,
                                    NULL), ==, 3);
  cli_assert_contains (err, "queued:");
  journal = read_journal (id);
  plan = json_object_get_object_member (journal, "plan");
  g_assert_cmpstr (json_object_get_string_member (plan, "status"), ==, "future");
  g_assert_cmpstr (json_object_get_string_member (plan, "date_gmt"), ==, date_gmt);
  embargo = draft_embargo (id);
  g_assert_nonnull (embargo);
  g_assert_true (g_str_has_prefix (embargo, date_gmt));

  g_assert_cmpint (cli_run_offline (NULL, NULL, "publish", "--status", "pending", "--at", at2,
                                    id2, NULL), ==, 3);
  journal2 = read_journal (id2);
  plan = json_object_get_object_member (journal2, "plan");
  g_assert_cmpstr (json_object_get_string_member (plan, "status"), ==, "pending");
  g_assert_cmpstr (json_object_get_string_member (plan, "date_gmt"), ==, date_gmt2);
}

/* --json: stdout is one JSON document, also when the article is only
 * queued; `outbox --json` and `outbox run --json` list the same object. */
static void
test_json_queued (void)
{
  g_autofree char *site = make_site ();
  g_autofree char *id = ready_draft ();
  g_autofree char *photo = fixture_make_image ("ghe-ngo.jpg", 640, 480, 3);
  g_autofree char *photo_out = cli_run_ok ("photo", "add", id, photo, NULL);
  g_autofree char *photo_id = g_strstrip (g_strdup (photo_out));
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *run_out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) run_parser = json_parser_new ();
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *result, *media, *row;

  g_assert_cmpint (cli_run_offline (&out, &err, "publish", "--json", id, NULL), ==, 3);
  cli_assert_contains (err, "queued:");
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  result = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (result, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (result, "site"), ==, site);
  g_assert_cmpstr (json_object_get_string_member (result, "state"), ==, "queued");
  /* Nothing reached the site: no post, no link, no media id. */
  g_assert_false (json_object_has_member (result, "post_id"));
  g_assert_false (json_object_has_member (result, "link"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "media")), ==, 1);
  media = json_array_get_object_element (json_object_get_array_member (result, "media"), 0);
  g_assert_cmpstr (json_object_get_string_member (media, "photo"), ==, photo_id);
  g_assert_cmpstr (json_object_get_string_member (media, "name"), ==, "ghe-ngo.jpg");
  g_assert_false (json_object_has_member (media, "id"));

  listed = cli_run_json ("outbox", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed)), ==, 1);
  row = json_array_get_object_element (json_node_get_array (listed), 0);
  g_assert_true (json_node_equal (json_object_get_member (row, "media"),
                                  json_object_get_member (result, "media")));
  g_assert_cmpstr (json_object_get_string_member (row, "state"), ==, "queued");

  g_assert_cmpint (cli_run_offline (&run_out, NULL, "outbox", "run", "--json", NULL), ==, 3);
  json_parser_load_from_data (run_parser, run_out, -1, &error);
  g_assert_no_error (error);
  row = json_array_get_object_element (json_node_get_array (json_parser_get_root (run_parser)), 0);
  g_assert_cmpstr (json_object_get_string_member (row, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (row, "state"), ==, "queued");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  fixture_init ();

  g_test_add_func ("/cli/publish/no-site", test_no_site);
  g_test_add_func ("/cli/publish/preflight-blocks", test_preflight_blocks);
  g_test_add_func ("/cli/publish/usage-and-unknown", test_usage_and_unknown);
  g_test_add_func ("/cli/publish/offline-queue-and-cancel", test_offline_queue_and_cancel);
  g_test_add_func ("/cli/publish/send-fails", test_send_fails);
  g_test_add_func ("/cli/publish/run-waits-for-other-sender", test_run_waits_for_other_sender);
  g_test_add_func ("/cli/publish/at-refused", test_at_refused);
  g_test_add_func ("/cli/publish/at-future", test_at_future);
  g_test_add_func ("/cli/publish/json-queued", test_json_queued);

  return g_test_run ();
}
