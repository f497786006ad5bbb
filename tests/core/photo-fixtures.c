/* photo-fixtures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <vips/vips.h>

#include "byline-photo-engine-private.h"
#include "photo-fixtures.h"

/* The engine starts libvips (the fixtures' own, too: one copy per
 * process) with the settings Byline uses. */
static void
start_engine (void)
{
  g_autoptr(GError) error = NULL;

  if (byline_photo_engine_get (&error) == NULL)
    g_error ("%s", error->message);
}

void
fixture_init (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  start_engine ();
}

char *
fixture_tmp_path (const char *name)
{
  /* G_TEST_OPTION_ISOLATE_DIRS gives each test its own XDG folders. */
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "fixtures", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

/* Noise plus a bright rectangle: compresses like a photo, not like a flat
 * test card, and has a visible "up" for orientation checks. */
char *
fixture_make_image (const char *name,
                    int         width,
                    int         height,
                    int         bands)
{
  g_autoptr(BylineVipsImage) noise = NULL;
  g_autoptr(BylineVipsImage) joined = NULL;
  g_autoptr(BylineVipsImage) image = NULL;
  g_autoptr(BylineVipsImage) uchar = NULL;
  char *path = fixture_tmp_path (name);
  VipsImage **bandv = NULL;

  start_engine ();
  g_assert_cmpint (vips_gaussnoise (&noise, width, height, "mean", 128.0, "sigma", 40.0, NULL), ==, 0);
  g_assert_cmpint (vips_cast_uchar (noise, &uchar, NULL), ==, 0);
  g_assert_cmpint (vips_draw_rect1 (uchar, 255.0, 0, 0, width, height / 4, "fill", TRUE, NULL), ==, 0);

  bandv = g_new0 (VipsImage *, bands);
  for (int i = 0; i < bands; i++)
    bandv[i] = uchar;
  g_assert_cmpint (vips_bandjoin (bandv, &joined, bands, NULL), ==, 0);
  g_free (bandv);
  /* Tagged as a decoder would tag a real grey or colour photo. */
  g_assert_cmpint (vips_copy (joined, &image,
                              "interpretation", bands >= 3 ? VIPS_INTERPRETATION_sRGB
                                                           : VIPS_INTERPRETATION_B_W,
                              NULL), ==, 0);
  if (vips_image_write_to_file (image, path, NULL) != 0)
    g_error ("%s: %s", path, vips_error_buffer ());

  return path;
}

static char *
run (const char * const *argv,
     int                *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, status, &error);
  g_assert_no_error (error);
  if (err != NULL && *err != '\0')
    g_test_message ("%s: %s", argv[0], err);

  return out;
}

void
fixture_exiv2_modify (const char *path,
                      ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  const char *command;
  va_list args;
  int status = -1;

  g_ptr_array_add (argv, (gpointer) "exiv2");
  va_start (args, path);
  while ((command = va_arg (args, const char *)) != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "-M");
      g_ptr_array_add (argv, (gpointer) command);
    }
  va_end (args);
  g_ptr_array_add (argv, (gpointer) path);
  g_ptr_array_add (argv, NULL);

  out = run ((const char * const *) argv->pdata, &status);
  g_assert_cmpint (status, ==, 0);
}

char *
fixture_exiv2_print (const char *path)
{
  const char *argv[] = { "exiv2", "-pa", path, NULL };
  int status;

  /* exiv2 exits non-zero when a file has no metadata at all; the text is
   * what the tests look at. */
  return run (argv, &status);
}

/* The value column of @key's line in `exiv2 -pa` output ("Key  Type
 * Count  Value"), or NULL when the key is absent. */
char *
fixture_exiv2_value (const char *printed,
                     const char *key)
{
  g_auto(GStrv) lines = g_strsplit (printed, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *rest = lines[i];

      if (!g_str_has_prefix (rest, key) || rest[strlen (key)] != ' ')
        continue;
      /* Skip three columns and the blanks after each. */
      for (guint column = 0; column < 3; column++)
        {
          while (*rest != '\0' && *rest != ' ')
            rest++;
          while (*rest == ' ')
            rest++;
        }
      return g_strdup (rest);
    }

  return NULL;
}

char *
fixture_dup_sha256 (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

GStrv
fixture_list_dir (const char *dir_path)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  GStrv names;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_strv_builder_add (builder, name);

  names = g_strv_builder_end (builder);
  qsort (names, g_strv_length (names), sizeof (char *), (GCompareFunc) g_strcmp0);
  return names;
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

BylinePhoto *
fixture_import (const char  *source,
                const char  *bundle,
                GError     **error)
{
  g_autoptr(GFile) source_file = g_file_new_for_path (source);
  g_autoptr(GFile) bundle_dir = g_file_new_for_path (bundle);
  g_autoptr(GAsyncResult) result = NULL;

  byline_photo_import_async (source_file, bundle_dir, NULL, store_result, &result);
  return byline_photo_import_finish (wait_result (&result), error);
}

char *
fixture_derivative (BylinePhoto  *photo,
                    const char   *bundle,
                    guint         max_edge,
                    GError      **error)
{
  g_autoptr(GFile) bundle_dir = g_file_new_for_path (bundle);
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "derivatives", NULL);
  g_autoptr(GFile) cache_dir = g_file_new_for_path (cache);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) file = NULL;

  byline_photo_derivative_async (photo, bundle_dir, max_edge, cache_dir, NULL,
                                 store_result, &result);
  file = byline_photo_derivative_finish (wait_result (&result), error);
  return file != NULL ? g_file_get_path (file) : NULL;
}

BylinePhotoThumbnail *
fixture_thumbnail (const char  *path,
                   guint        size,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  byline_photo_thumbnail_async (file, size, NULL, store_result, &result);
  return byline_photo_thumbnail_finish (wait_result (&result), error);
}

/* The stored pixel size, as a decoder sees it, ignoring orientation. */
void
fixture_image_size (const char *path,
                    int        *width,
                    int        *height)
{
  g_autoptr(BylineVipsImage) image = vips_image_new_from_file (path, NULL);

  g_assert_nonnull (image);
  *width = vips_image_get_width (image);
  *height = vips_image_get_height (image);
}

double
fixture_region_mean (const char *path,
                     int         left,
                     int         top,
                     int         width,
                     int         height)
{
  g_autoptr(BylineVipsImage) image = vips_image_new_from_file (path, NULL);
  g_autoptr(BylineVipsImage) area = NULL;
  double mean = -1;

  g_assert_nonnull (image);
  g_assert_cmpint (vips_extract_area (image, &area, left, top, width, height, NULL), ==, 0);
  g_assert_cmpint (vips_avg (area, &mean, NULL), ==, 0);
  return mean;
}
