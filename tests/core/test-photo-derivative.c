/* test-photo-derivative.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file that gets uploaded: upright, small enough, no GPS, credits in
 * XMP and IPTC as other newsroom tools (here the exiv2 CLI) read them.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "byline-photo-engine-private.h"
#include "photo-fixtures.h"

#define CAPTION "Lễ hội đua ghe ngo trên sông Maspero, Sóc Trăng"
#define ALT "Những chiếc ghe ngo rẽ sóng giữa tiếng reo hò"
#define CREATOR "Hoàng Kha"
#define CREDIT "Ảnh: Hoàng Kha / Báo Đồng Tháp"
#define COPYRIGHT "© 2024 Báo Đồng Tháp"

static char *
bundle_path (void)
{
  char *bundle = g_build_filename (g_get_user_data_dir (), "drafts", "a1.byline", NULL);

  g_assert_cmpint (g_mkdir_with_parents (bundle, 0700), ==, 0);
  return bundle;
}

static BylinePhoto *
import (const char *source,
        const char *bundle)
{
  g_autoptr(GError) error = NULL;
  BylinePhoto *photo = fixture_import (source, bundle, &error);

  g_assert_no_error (error);
  return photo;
}

static char *
derivative (BylinePhoto *photo,
            const char  *bundle,
            guint        max_edge)
{
  g_autoptr(GError) error = NULL;
  char *path = fixture_derivative (photo, bundle, max_edge, &error);

  g_assert_no_error (error);
  g_assert_nonnull (path);
  return path;
}

static void
assert_exiv2 (const char *printed,
              const char *key,
              const char *expected)
{
  g_autofree char *value = fixture_exiv2_value (printed, key);

  g_assert_cmpstr (value, ==, expected);
}

static void
test_derivative_upright_no_gps_credits (void)
{
  g_autofree char *bundle = bundle_path ();
  g_autofree char *source = fixture_make_image ("portrait.jpg", 600, 400, 3);
  g_autoptr(BylinePhoto) photo = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *printed = NULL;
  int width, height;

  /* Shot portrait, stored landscape, with the reporter's position. */
  fixture_exiv2_modify (source,
                        "set Exif.Image.Orientation 6",
                        "set Exif.GPSInfo.GPSLatitudeRef N",
                        "set Exif.GPSInfo.GPSLatitude 9/1 36/1 0/1",
                        "set Exif.GPSInfo.GPSLongitudeRef E",
                        "set Exif.GPSInfo.GPSLongitude 105/1 58/1 0/1",
                        "set Exif.Photo.BodySerialNumber 4021337",
                        "set Xmp.dc.creator XmpSeq " CREATOR,
                        NULL);
  before = fixture_exiv2_print (source);
  g_assert_nonnull (strstr (before, "Exif.GPSInfo.GPSLatitude"));

  photo = import (source, bundle);
  g_assert_cmpstr (byline_photo_get_creator (photo), ==, CREATOR);
  /* The desk edits the rest before publishing. */
  byline_photo_set_caption (photo, CAPTION);
  byline_photo_set_alt_text (photo, ALT);
  byline_photo_set_credit_line (photo, CREDIT);
  byline_photo_set_copyright (photo, COPYRIGHT);

  path = derivative (photo, bundle, 0);
  g_assert_true (g_str_has_suffix (path, ".jpg"));
  fixture_image_size (path, &width, &height);
  g_assert_cmpint (width, ==, 400);
  g_assert_cmpint (height, ==, 600);
  /* The bright band along the stored top edge is now on the right. */
  g_assert_cmpfloat (fixture_region_mean (path, 300, 0, 100, 600), >, 240.0);
  g_assert_cmpfloat (fixture_region_mean (path, 0, 0, 100, 600), <, 160.0);

  printed = fixture_exiv2_print (path);
  g_assert_null (strstr (printed, "Exif.GPSInfo"));
  g_assert_null (strstr (printed, "GPS"));
  g_assert_null (strstr (printed, "4021337"));
  /* Pixels are upright now: an orientation tag would turn them again. */
  g_assert_null (strstr (printed, "Exif.Image.Orientation"));

  assert_exiv2 (printed, "Xmp.dc.description", "lang=\"x-default\" " CAPTION);
  assert_exiv2 (printed, "Xmp.iptc.AltTextAccessibility", "lang=\"x-default\" " ALT);
  assert_exiv2 (printed, "Xmp.dc.creator", CREATOR);
  assert_exiv2 (printed, "Xmp.photoshop.Credit", CREDIT);
  assert_exiv2 (printed, "Xmp.dc.rights", "lang=\"x-default\" " COPYRIGHT);
  assert_exiv2 (printed, "Iptc.Envelope.CharacterSet", "\x1b%G");
  assert_exiv2 (printed, "Iptc.Application2.Caption", CAPTION);
  assert_exiv2 (printed, "Iptc.Application2.Byline", CREATOR);
  assert_exiv2 (printed, "Iptc.Application2.Credit", CREDIT);
  assert_exiv2 (printed, "Iptc.Application2.Copyright", COPYRIGHT);
  assert_exiv2 (printed, "Exif.Image.Artist", CREATOR);
  assert_exiv2 (printed, "Exif.Image.Copyright", COPYRIGHT);
}

static void
test_derivative_max_edge (void)
{
  g_autofree char *bundle = bundle_path ();
  g_autofree char *wide = fixture_make_image ("panorama.jpg", 3000, 1000, 3);
  g_autofree char *small = fixture_make_image ("small.jpg", 300, 200, 3);
  g_autoptr(BylinePhoto) wide_photo = import (wide, bundle);
  g_autoptr(BylinePhoto) small_photo = import (small, bundle);
  g_autofree char *wide_1024 = derivative (wide_photo, bundle, 1024);
  g_autofree char *wide_default = derivative (wide_photo, bundle, 0);
  g_autofree char *small_default = derivative (small_photo, bundle, 0);
  int width, height;

  fixture_image_size (wide_1024, &width, &height);
  g_assert_cmpint (width, ==, 1024);
  g_assert_cmpint (height, >=, 341);
  g_assert_cmpint (height, <=, 342);

  fixture_image_size (wide_default, &width, &height);
  g_assert_cmpint (width, ==, BYLINE_PHOTO_DERIVATIVE_DEFAULT_MAX_EDGE);

  /* Never enlarged. */
  fixture_image_size (small_default, &width, &height);
  g_assert_cmpint (width, ==, 300);
  g_assert_cmpint (height, ==, 200);
}

static void
test_derivative_cache (void)
{
  g_autofree char *bundle = bundle_path ();
  g_autofree char *source = fixture_make_image ("cache.jpg", 800, 600, 3);
  g_autoptr(BylinePhoto) photo = import (source, bundle);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *cache_dir = NULL;
  g_autofree char *first_name = NULL;
  g_auto(GStrv) names = NULL;
  GStatBuf before, after;

  byline_photo_set_caption (photo, "Bản nháp");
  first = derivative (photo, bundle, 512);
  first_name = g_path_get_basename (first);
  g_assert_true (g_str_has_prefix (first_name, byline_photo_get_id (photo)));
  g_assert_cmpint (g_stat (first, &before), ==, 0);

  /* Same photo, size and credits: the same file, not rewritten. */
  again = derivative (photo, bundle, 512);
  g_assert_cmpstr (again, ==, first);
  g_assert_cmpint (g_stat (again, &after), ==, 0);
  g_assert_cmpint (before.st_ino, ==, after.st_ino);
  g_assert_cmpint (before.st_mtime, ==, after.st_mtime);

  /* A corrected caption: a new file with the new caption. */
  byline_photo_set_caption (photo, "Bản chính thức");
  edited = derivative (photo, bundle, 512);
  g_assert_cmpstr (edited, !=, first);
  {
    g_autoptr(BylinePhotoCredits) credits = byline_photo_metadata_read (edited, NULL);

    g_assert_cmpstr (byline_photo_credits_get (credits, BYLINE_PHOTO_FIELD_CAPTION), ==,
                     "Bản chính thức");
  }

  /* No temp files left in the cache. */
  cache_dir = g_path_get_dirname (first);
  names = fixture_list_dir (cache_dir);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
}

static void
test_derivative_alpha_png (void)
{
  g_autofree char *bundle = bundle_path ();
  g_autofree char *source = fixture_make_image ("logo.png", 400, 300, 4);
  g_autoptr(BylinePhoto) photo = import (source, bundle);
  g_autofree char *path = NULL;
  g_autofree char *printed = NULL;
  int width, height;

  byline_photo_set_creator (photo, CREATOR);
  path = derivative (photo, bundle, 200);
  g_assert_true (g_str_has_suffix (path, ".png"));
  fixture_image_size (path, &width, &height);
  g_assert_cmpint (width, ==, 200);
  g_assert_cmpint (height, ==, 150);
  printed = fixture_exiv2_print (path);
  assert_exiv2 (printed, "Xmp.dc.creator", CREATOR);
}

static void
test_derivative_grey_stays_grey (void)
{
  g_autofree char *bundle = bundle_path ();
  g_autofree char *source = fixture_make_image ("grey.jpg", 300, 200, 1);
  g_autoptr(BylinePhoto) photo = import (source, bundle);
  g_autofree char *path = derivative (photo, bundle, 0);
  g_autoptr(BylineVipsImage) image = vips_image_new_from_file (path, NULL);

  /* No colour profile: no conversion that would make it three bands. */
  g_assert_nonnull (image);
  g_assert_cmpint (vips_image_get_bands (image), ==, 1);
}

static void
test_derivative_missing_bundle_file (void)
{
  g_autofree char *bundle = bundle_path ();
  g_autofree char *source = fixture_make_image ("lost.jpg", 300, 200, 3);
  g_autoptr(BylinePhoto) photo = import (source, bundle);
  g_autofree char *relative = byline_photo_dup_bundle_path (photo);
  g_autofree char *stored = g_build_filename (bundle, relative, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_assert_cmpint (g_unlink (stored), ==, 0);
  path = fixture_derivative (photo, bundle, 0, &error);
  g_assert_error (error, BYLINE_PHOTO_ERROR, BYLINE_PHOTO_ERROR_FAILED);
  g_assert_null (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  fixture_init ();

  g_test_add_func ("/photo/derivative/upright-no-gps-credits", test_derivative_upright_no_gps_credits);
  g_test_add_func ("/photo/derivative/max-edge", test_derivative_max_edge);
  g_test_add_func ("/photo/derivative/cache", test_derivative_cache);
  g_test_add_func ("/photo/derivative/alpha-png", test_derivative_alpha_png);
  g_test_add_func ("/photo/derivative/grey-stays-grey", test_derivative_grey_stays_grey);
  g_test_add_func ("/photo/derivative/missing-bundle-file", test_derivative_missing_bundle_file);

  return g_test_run ();
}
