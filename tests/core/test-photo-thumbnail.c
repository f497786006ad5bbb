/* test-photo-thumbnail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Previews come back as RGBA bytes in the layout GdkMemoryTexture takes.
 */

#include "config.h"

#include "photo-fixtures.h"

static BylinePhotoThumbnail *
thumbnail (const char *path,
           guint       size)
{
  g_autoptr(GError) error = NULL;
  BylinePhotoThumbnail *result = fixture_thumbnail (path, size, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->rowstride, ==, result->width * 4);
  g_assert_cmpuint (g_bytes_get_size (result->pixels), ==, result->rowstride * result->height);
  return result;
}

static guint8
pixel_channel (const BylinePhotoThumbnail *thumb,
               guint                       x,
               guint                       y,
               guint                       channel)
{
  const guint8 *data = g_bytes_get_data (thumb->pixels, NULL);

  return data[y * thumb->rowstride + x * 4 + channel];
}

static void
test_thumbnail_upright (void)
{
  g_autofree char *path = fixture_make_image ("portrait.jpg", 600, 400, 3);
  g_autoptr(BylinePhotoThumbnail) thumb = NULL;

  fixture_exiv2_modify (path, "set Exif.Image.Orientation 6", NULL);
  thumb = thumbnail (path, 128);
  g_assert_cmpuint (thumb->width, ==, 85);
  g_assert_cmpuint (thumb->height, ==, 128);

  /* Opaque, and the stored top band is on the right once upright. */
  g_assert_cmpuint (pixel_channel (thumb, 0, 0, 3), ==, 255);
  g_assert_cmpuint (pixel_channel (thumb, thumb->width - 2, thumb->height / 2, 0), >, 240);
}

static void
test_thumbnail_alpha_and_grey (void)
{
  g_autofree char *rgba_path = fixture_make_image ("rgba.png", 64, 64, 4);
  g_autofree char *grey_path = fixture_make_image ("grey.png", 64, 64, 1);
  g_autoptr(BylinePhotoThumbnail) rgba = thumbnail (rgba_path, 32);
  g_autoptr(BylinePhotoThumbnail) grey = thumbnail (grey_path, 32);
  gboolean translucent = FALSE;

  /* The noise alpha band survives; grey comes out as R = G = B. */
  for (guint y = rgba->height / 2; y < rgba->height; y++)
    translucent |= pixel_channel (rgba, 1, y, 3) < 255;
  g_assert_true (translucent);

  g_assert_cmpuint (grey->width, ==, 32);
  g_assert_cmpuint (pixel_channel (grey, 5, 20, 0), ==, pixel_channel (grey, 5, 20, 1));
  g_assert_cmpuint (pixel_channel (grey, 5, 20, 1), ==, pixel_channel (grey, 5, 20, 2));
  g_assert_cmpuint (pixel_channel (grey, 5, 20, 3), ==, 255);
}

static void
test_thumbnail_no_upscale (void)
{
  g_autofree char *path = fixture_make_image ("tiny.webp", 50, 40, 3);
  g_autoptr(BylinePhotoThumbnail) thumb = thumbnail (path, 256);
  g_autoptr(BylinePhotoThumbnail) copy = byline_photo_thumbnail_copy (thumb);

  g_assert_cmpuint (thumb->width, ==, 50);
  g_assert_cmpuint (thumb->height, ==, 40);
  g_assert_true (g_bytes_equal (copy->pixels, thumb->pixels));
}

static void
test_thumbnail_not_an_image (void)
{
  g_autofree char *path = fixture_tmp_path ("notes.jpg");
  g_autoptr(BylinePhotoThumbnail) thumb = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "không phải ảnh", -1, NULL));
  thumb = fixture_thumbnail (path, 128, &error);
  g_assert_error (error, BYLINE_PHOTO_ERROR, BYLINE_PHOTO_ERROR_FAILED);
  g_assert_null (thumb);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  fixture_init ();

  g_test_add_func ("/photo/thumbnail/upright", test_thumbnail_upright);
  g_test_add_func ("/photo/thumbnail/alpha-and-grey", test_thumbnail_alpha_and_grey);
  g_test_add_func ("/photo/thumbnail/no-upscale", test_thumbnail_no_upscale);
  g_test_add_func ("/photo/thumbnail/not-an-image", test_thumbnail_not_an_image);

  return g_test_run ();
}
