/* publish.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Publishing an article with N photos to a WordPress, the steps Byline's
 * outbox takes and in its order (branch `outbox`): a derivative of each
 * photo, one after the other (decodes are serialised in Byline); reserve
 * the post as a draft; upload each derivative attached to it (file, then
 * its texts); write the post (content with wp-image-<id>, featured image,
 * status); read it back to verify.
 *
 *   publish prepare DIR [--count N]   photos (12 MP) and an article in DIR
 *   publish run DIR OUT               publish DIR's article, keep what was
 *                                     sent in OUT (derivatives, post.json)
 *   publish libs                      the RSS that starting libvips and
 *                                     gexiv2 adds (libs_rss_kb)
 *
 * `run` reads the site from BYLINE_WP_URL, BYLINE_WP_API_ROOT,
 * BYLINE_WP_AUTHOR_USER and BYLINE_WP_AUTHOR_APP_PASSWORD (the testbed's
 * env file) and prints for bench/run: idle_rss_kb (after start-up, article
 * loaded, before publishing), derivatives_seconds and uploads_seconds
 * (parts of seconds: making the derivatives; uploading them with their
 * texts), seconds, cpu_seconds, peak_rss_kb.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <vips/vips.h>

#include "bench-common.h"
#include "byline-article.h"
#include "byline-block.h"
#include "byline-cms-wordpress.h"
#include "byline-photo-derivative.h"
#include "byline-photo-import.h"
#include "byline-photo-engine.h"
#include "byline-render.h"

#define WIDTH 4000
#define HEIGHT 3000

static int count = 20;

static GOptionEntry entries[] = {
  { "count", 'n', 0, G_OPTION_ARG_INT, &count, "Number of photos (prepare; default 20)", "N" },
  { NULL }
};

/* The bench is a straight line of steps: each async call is waited for
 * by spinning the main context, as a GUI's main loop would. */
static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
check (gboolean      ok,
       const char   *what,
       const GError *error)
{
  if (!ok)
    g_error ("%s: %s", what, error ? error->message : "failed");
}

static GFile *
bundle_dir (const char *dir)
{
  return g_file_new_build_filename (dir, "bundle", NULL);
}

static BylineArticle *
new_article (void)
{
  BylineArticle *article = byline_article_new ();

  byline_article_set_title (article, "Kiểm tra Chương trình hành động của Huyện ủy năm 2023 tại xã Mỹ Quí");
  byline_article_set_lead (article, "Chiều ngày 16/02/2023, Đoàn công tác của Ban Thường vụ Huyện ủy "
                           "Tháp Mười đã đến kiểm tra tại xã Mỹ Quí.");
  return article;
}

static BylinePhoto *
import_photo (const char *path,
              GFile      *bundle,
              int         i)
{
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *caption = g_strdup_printf ("Đoàn công tác làm việc tại xã Mỹ Quí, ảnh %d", i + 1);
  BylinePhoto *photo;

  byline_photo_import_async (source, bundle, NULL, store_result, &result);
  photo = byline_photo_import_finish (wait_result (&result), &error);
  check (photo != NULL, path, error);

  byline_photo_set_caption (photo, caption);
  byline_photo_set_alt_text (photo, caption);
  byline_photo_set_creator (photo, "Hoàng Kha");
  byline_photo_set_credit_line (photo, "Báo Đồng Tháp");
  return photo;
}

/* A paragraph, then a photo, N times. */
static int
prepare (const char *dir)
{
  g_autoptr(GFile) bundle = bundle_dir (dir);
  g_autoptr(GFile) json = g_file_get_child (bundle, "article.json");
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (g_file_query_exists (json, NULL))
    return 0;

  if (VIPS_INIT ("publish"))
    vips_error_exit (NULL);
  {
    g_autoptr(GFile) photos = g_file_get_child (bundle, "photos");

    /* The store makes it when it creates a draft. */
    g_mkdir_with_parents (g_file_peek_path (photos), 0700);
  }
  article = new_article ();
  for (int i = 0; i < count; i++)
    {
      g_autofree char *name = g_strdup_printf ("photo-%02d.jpg", i);
      g_autofree char *path = g_build_filename (dir, "originals", name, NULL);
      g_autoptr(BylinePhoto) photo = NULL;
      BylineBlock *paragraph;

      bench_ensure_photo (path, WIDTH, HEIGHT, 100 + i);
      photo = import_photo (path, bundle, i);
      byline_article_add_photo (article, photo);
      paragraph = byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Thực hiện chương trình hành động của "
                                    "Huyện ủy và Kế hoạch phát triển kinh tế - xã hội năm 2023.");
      g_ptr_array_add (blocks, paragraph);
      g_ptr_array_add (blocks, byline_block_new_photo (byline_photo_get_id (photo)));
    }
  byline_article_set_blocks (article, blocks);

  bytes = byline_article_to_bytes (article);
  check (g_file_replace_contents (json, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error),
         "article.json", error);
  return 0;
}

static const char *
env (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL || *value == '\0')
    g_error ("%s is not set: source the testbed's env file", name);
  return value;
}

static BylineCms *
new_client (void)
{
  g_autoptr(GError) error = NULL;
  BylineCmsWordpress *cms = byline_cms_wordpress_new (env ("BYLINE_WP_URL"), env ("BYLINE_WP_API_ROOT"),
                                                      env ("BYLINE_WP_AUTHOR_USER"),
                                                      env ("BYLINE_WP_AUTHOR_APP_PASSWORD"),
                                                      NULL, &error);

  check (cms != NULL, "WordPress client", error);
  return BYLINE_CMS (cms);
}

static BylineArticle *
load_article (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "bundle", "article.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  BylineArticle *article;
  char *data;
  gsize length;

  check (g_file_get_contents (path, &data, &length, &error), path, error);
  bytes = g_bytes_new_take (data, length);
  article = byline_article_new_from_bytes (bytes, NULL, &error);
  check (article != NULL, path, error);
  return article;
}

static GFile *
make_derivative (BylinePhoto *photo,
                 GFile       *bundle,
                 GFile       *cache)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file;

  byline_photo_derivative_async (photo, bundle, BYLINE_PHOTO_DERIVATIVE_DEFAULT_MAX_EDGE, cache,
                                 NULL, store_result, &result);
  file = byline_photo_derivative_finish (wait_result (&result), &error);
  check (file != NULL, "derivative", error);
  return file;
}

static BylineCmsPost *
save_post (BylineCms           *cms,
           const BylineCmsPost *post)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  BylineCmsPost *reply;

  if (post->id > 0)
    {
      byline_cms_update_post_async (cms, post, NULL, store_result, &result);
      reply = byline_cms_update_post_finish (cms, wait_result (&result), &error);
    }
  else
    {
      byline_cms_create_post_async (cms, post, NULL, store_result, &result);
      reply = byline_cms_create_post_finish (cms, wait_result (&result), &error);
    }
  check (reply != NULL, "post", error);
  return reply;
}

static void
upload (BylineCms   *cms,
        BylinePhoto *photo,
        GFile       *file,
        gint64       post_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineCmsMedia) media = NULL;
  g_autofree char *name = g_strdup_printf ("byline-%.16s.jpg", byline_photo_get_id (photo));

  byline_cms_upload_media_async (cms, file, name, post_id, byline_photo_get_caption (photo),
                                 byline_photo_get_caption (photo), byline_photo_get_alt_text (photo),
                                 NULL, NULL, NULL, NULL, store_result, &result);
  media = byline_cms_upload_media_finish (cms, wait_result (&result), &error);
  check (media != NULL, "upload", error);
  byline_photo_set_media_id (photo, media->id);
  byline_photo_set_media_url (photo, media->source_url);
}

static void
verify (BylineCms *cms,
        gint64     post_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineCmsPost) post = NULL;

  byline_cms_get_post_async (cms, post_id, NULL, store_result, &result);
  post = byline_cms_get_post_finish (cms, wait_result (&result), &error);
  check (post != NULL, "verify", error);
}

/* What the curl peers send as the final write, with the featured image
 * left for them to fill in: the same bytes Byline sent. */
static void
keep_post_json (const char          *out,
                const BylineCmsPost *post)
{
  g_autoptr(BylineCmsPost) copy = byline_cms_post_copy (post);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path = g_build_filename (out, "post.json", NULL);
  g_autoptr(GError) error = NULL;

  copy->id = 0;
  copy->featured_media = -1;
  node = byline_cms_post_to_json (copy);
  json = json_to_string (node, FALSE);
  check (g_file_set_contents (path, json, -1, &error), path, error);
}

static void
publish (BylineCms     *cms,
         BylineArticle *article,
         GFile         *bundle,
         GFile         *cache,
         const char    *out)
{
  GListModel *photos = byline_article_get_photos (article);
  guint n = g_list_model_get_n_items (photos);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BylineCmsPost) draft = byline_cms_post_new ();
  g_autoptr(BylineCmsPost) reserved = NULL;
  g_autoptr(BylineCmsPost) post = byline_cms_post_new ();
  g_autoptr(BylineCmsPost) written = NULL;
  BylineRenderOptions options;

  double start = bench_now ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylinePhoto) photo = g_list_model_get_item (photos, i);

      g_ptr_array_add (files, make_derivative (photo, bundle, cache));
    }
  bench_report ("derivatives_seconds", "%.3f", bench_now () - start);

  draft->title = g_strdup (byline_article_get_title (article));
  draft->status = g_strdup ("draft");
  reserved = save_post (cms, draft);

  start = bench_now ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylinePhoto) photo = g_list_model_get_item (photos, i);

      upload (cms, photo, g_ptr_array_index (files, i), reserved->id);
    }
  bench_report ("uploads_seconds", "%.3f", bench_now () - start);

  byline_render_options_init (&options);
  post->id = reserved->id;
  post->title = g_strdup (byline_article_get_title (article));
  post->excerpt = g_strdup (byline_article_get_lead (article));
  post->content = byline_render_wordpress (article, &options);
  post->status = g_strdup ("publish");
  if (n > 0)
    {
      g_autoptr(BylinePhoto) first = g_list_model_get_item (photos, 0);

      post->featured_media = byline_photo_get_media_id (first);
    }
  written = save_post (cms, post);
  verify (cms, written->id);
  keep_post_json (out, post);
}

static int
run (const char *dir,
     const char *out)
{
  g_autoptr(BylineArticle) article = load_article (dir);
  g_autoptr(BylineCms) cms = new_client ();
  g_autoptr(GFile) bundle = bundle_dir (dir);
  g_autoptr(GFile) cache = g_file_new_build_filename (out, "derivatives", NULL);
  double start, cpu_start;

  g_mkdir_with_parents (out, 0700);
  bench_report ("idle_rss_kb", "%ld", bench_rss_kb ());

  start = bench_now ();
  cpu_start = bench_cpu_time ();
  publish (cms, article, bundle, cache, out);
  bench_report ("seconds", "%.3f", bench_now () - start);
  bench_report ("cpu_seconds", "%.3f", bench_cpu_time () - cpu_start);
  bench_report ("peak_rss_kb", "%ld", bench_peak_rss_kb ());
  return 0;
}

/* What starting libvips and gexiv2 alone costs (the engine module, their
 * modules and libraries), to tell it from what decoding costs. */
static int
libs (void)
{
  g_autoptr(GError) error = NULL;
  long before = bench_rss_kb ();

  if (byline_photo_engine_get (&error) == NULL)
    g_error ("%s", error->message);
  bench_report ("libs_rss_kb", "%ld", bench_rss_kb () - before);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("prepare DIR | run DIR OUT");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || count < 1)
    {
      g_printerr ("%s\n", error ? error->message : "--count must be positive");
      return 2;
    }

  if (argc == 3 && g_str_equal (argv[1], "prepare"))
    return prepare (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "run"))
    return run (argv[2], argv[3]);
  if (argc == 2 && g_str_equal (argv[1], "libs"))
    return libs ();

  g_printerr ("usage: publish prepare DIR [--count N] | publish run DIR OUT\n");
  return 2;
}
