/* test-secrets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Security as tests, against the real WordPress of the testbed and a real
 * keyring (run through tests/keyring-run):
 *
 * - A full publication (the site added with its application password, an
 *   article with two photos sent by the outbox, which looks the password up
 *   in the keyring) runs in a child process with G_MESSAGES_DEBUG=all.
 *   Meanwhile and afterwards, the password — and the Basic credentials made
 *   of it — appear in no process's argv or environment, in nothing the
 *   child printed, and in no file under the XDG folders and HOME.
 * - A title, caption and credit holding <script>, " and & arrive escaped:
 *   the post's content.raw has the escaped forms, its rendered title no live
 *   script tag.
 *
 * Elsewhere, not repeated here: a TLS failure is an error, never a fallback
 * (tests/wordpress/test-cms-wordpress.c /wordpress/tls/…, tests/cms/
 * test-wordpress-errors.c); an https → http redirect is refused (the same
 * files, /wordpress-errors/redirect…); the Flatpak has no --filesystem and
 * no --talk-name (tests/flatpak/check-manifest).
 */

#include "config.h"

#include <string.h>

#include "byline-outbox.h"
#include "byline-site-setup.h"
#include "../cms/outbox-fixtures.h"
#include "../wordpress/wp-admin.h"
#include "../wordpress/wp-testbed.h"

#define HOSTILE "<script>alert(\"x\")</script> & \"q\""

/* The child: adds the site, publishes -------------------------------------- */

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static BylineSite *
add_site (BylineSiteList *list)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  BylineSite *site;

  byline_site_add_async (list, testbed.url, testbed.author, testbed.author_password, NULL, NULL,
                         result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  site = byline_site_add_finish (list, result, &error);
  g_assert_no_error (error);
  return site;
}

/* The first photo's caption and credit, and the title, carry markup. */
static void
make_hostile (Ofx        *ofx,
              const char *marker)
{
  g_autofree char *title = g_strdup_printf ("%s %s (%s)", OFX_TITLE, HOSTILE, marker);
  g_autoptr(BylinePhoto) photo = g_list_model_get_item (byline_article_get_photos (ofx->article), 0);

  byline_article_set_title (ofx->article, title);
  byline_photo_set_caption (photo, "Chú thích " HOSTILE);
  byline_photo_set_creator (photo, "Hoàng " HOSTILE);
}

static int
run_child (const char *marker)
{
  g_autoptr(BylineSiteList) list = byline_site_list_new (NULL);
  g_autoptr(BylineNetwork) network = byline_network_new_for_testing (TRUE);
  g_autoptr(BylineOutbox) outbox = NULL;
  g_autoptr(GError) error = NULL;
  BylineSite *site;
  Ofx *ofx;

  g_assert_true (testbed_load ());
  ofx_init ();
  site = add_site (list);

  /* The fixture's article, published to the site just added: the outbox
   * finds its password in the keyring, as the application does. */
  ofx = ofx_new (2, testbed.url, testbed.api_root, testbed.author);
  g_set_object (&ofx->sites, list);
  g_set_object (&ofx->site, site);
  byline_article_set_site (ofx->article, byline_site_get_id (site));
  make_hostile (ofx, marker);

  outbox = ofx_outbox_new (ofx, network, NULL, NULL);
  ofx_queue (ofx, outbox, BYLINE_PUBLISH_STATUS_PUBLISH, &error);
  g_assert_no_error (error);
  if (ofx_wait (ofx, outbox) != BYLINE_OUTBOX_STATE_DONE)
    {
      g_autoptr(BylineOutboxJournal) journal = ofx_read_journal (ofx);
      g_autofree char *message = byline_outbox_journal_dup_message (journal);

      g_error ("Not published: %s (%s)", message, journal->error_code);
    }
  g_print ("post-id %" G_GINT64_FORMAT "\n", byline_article_get_remote_post_id (ofx->article));

  g_object_unref (site);
  ofx_free (ofx);
  return 0;
}

/* The parent: watches ------------------------------------------------------- */

typedef struct
{
  const char *needles[3];   /* the password, the Basic credentials, NULL */
} Secrets;

static void
secrets_init (Secrets *s,
              char   **basic)
{
  g_autofree char *pair = g_strconcat (testbed.author, ":", testbed.author_password, NULL);

  *basic = g_base64_encode ((const guchar *) pair, strlen (pair));
  s->needles[0] = testbed.author_password;
  s->needles[1] = *basic;
  s->needles[2] = NULL;
}

static const char *
find_secret (const Secrets *s,
             const char    *data,
             gsize          len)
{
  for (guint i = 0; s->needles[i] != NULL; i++)
    if (memmem (data, len, s->needles[i], strlen (s->needles[i])) != NULL)
      return s->needles[i] == testbed.author_password ? "the password" : "the Basic credentials";
  return NULL;
}

/* Every process's argv and environment, now. Returns how many it read. */
static guint
scan_processes (const Secrets *s)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (proc)) != NULL)
    {
      const char *files[] = { "cmdline", "environ" };

      if (!g_ascii_isdigit (name[0]))
        continue;
      for (guint f = 0; f < G_N_ELEMENTS (files); f++)
        {
          g_autofree char *path = g_build_filename ("/proc", name, files[f], NULL);
          g_autofree char *data = NULL;
          gsize len = 0;
          const char *what;

          if (!g_file_get_contents (path, &data, &len, NULL))
            continue;   /* gone already */
          n++;
          if ((what = find_secret (s, data, len)) != NULL)
            g_error ("%s is in %s", what, path);
        }
    }
  return n;
}

/* Every file below @dir; returns how many it read. */
static guint
scan_files (const Secrets *s,
            const char    *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;
      gsize len = 0;
      const char *what;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          n += scan_files (s, path);
          continue;
        }
      if (!g_file_get_contents (path, &data, &len, NULL))
        continue;   /* a socket, a FIFO */
      n++;
      if ((what = find_secret (s, data, len)) != NULL)
        g_error ("%s is in the file %s", what, path);
    }
  return n;
}

static gboolean
file_exists_below (const char *dir,
                   const char *base)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_str_equal (name, base) ||
          (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK) &&
           file_exists_below (path, base)))
        return TRUE;
    }
  return FALSE;
}

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gint64
publish_in_child (const Secrets *s,
                  const char    *marker,
                  guint         *scans)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *out_path = g_build_filename (g_get_user_cache_dir (), "child-output.txt", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  const char *line;
  gboolean exited = FALSE;
  gsize len = 0;
  guint64 id = 0;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);
  /* GTest keeps this test's throwaway folders to itself: hand them over. */
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  g_subprocess_launcher_set_stdout_file_path (launcher, out_path);
  child = g_subprocess_launcher_spawn (launcher, &error, self_exe, "--child", marker, NULL);
  g_assert_no_error (error);

  /* While it adds the site and publishes: every process, over and over. */
  g_subprocess_wait_async (child, NULL, wait_cb, &exited);
  while (!exited)
    {
      *scans += scan_processes (s) > 0;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5 * 1000);
    }
  g_file_get_contents (out_path, &output, &len, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (child) || g_subprocess_get_exit_status (child) != 0)
    g_error ("The publishing child failed:\n%s", output);

  g_assert_null (find_secret (s, output, len));
  /* Debug logging was on, or the check above proved little. */
  g_assert_nonnull (strstr (output, "-DEBUG"));
  line = strstr (output, "post-id ");
  g_assert_nonnull (line);
  g_assert_true (g_ascii_string_to_unsigned (strtok ((char *) line + strlen ("post-id "), "\n"),
                                             10, 1, G_MAXINT64, &id, NULL));
  return id;
}

static void
test_password_nowhere (void)
{
  g_autofree char *basic = NULL;
  g_autofree char *marker = g_strdup_printf ("sec%06u", g_random_int_range (0, 1000000));
  const char *keyring_root = g_getenv ("BYLINE_KEYRING_RUN_ROOT");
  const char *dirs[] = { g_get_home_dir (), g_get_user_data_dir (), g_get_user_config_dir (),
                         g_get_user_cache_dir (), g_get_user_state_dir (), g_get_user_runtime_dir (),
                         keyring_root };
  g_autoptr(JsonObject) post = NULL;
  g_autofree char *title_rendered = NULL;
  const char *content;
  Secrets s;
  guint scans = 0, files = 0;
  gint64 id;

  g_assert_true (testbed_load ());
  g_assert_nonnull (keyring_root);   /* run through tests/keyring-run */
  wp_admin_ensure_tag ("Tháp Mười");
  wp_admin_ensure_tag ("Nông thôn mới");
  secrets_init (&s, &basic);

  id = publish_in_child (&s, marker, &scans);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    files += scan_files (&s, dirs[i]);
  g_print ("# the password is in none of %u scans of /proc, the child's debug output, "
           "nor %u files of the XDG folders and HOME\n", scans, files);
  g_assert_cmpuint (scans, >, 0);
  /* The scan saw what the publication wrote. */
  g_assert_true (file_exists_below (g_get_user_data_dir (), "outbox.json"));
  g_assert_true (file_exists_below (g_get_user_config_dir (), "sites.json"));

  /* The markup arrived as text. */
  g_assert_cmpuint (wp_admin_posts_with (marker), ==, 1);
  post = wp_admin_get_post (id);
  content = json_object_get_string_member (json_object_get_object_member (post, "content"), "raw");
  g_assert_null (strstr (content, "<script"));
  g_assert_nonnull (strstr (content, "Chú thích &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;q&quot;"));
  title_rendered = g_ascii_strdown (json_object_get_string_member (
      json_object_get_object_member (post, "title"), "rendered"), -1);
  g_assert_null (strstr (title_rendered, "<script"));
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/security/password-nowhere", test_password_nowhere);
  return g_test_run ();
}
