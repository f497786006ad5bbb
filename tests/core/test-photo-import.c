/* test-photo-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Attaching photos to a draft bundle: what lands in photos/, what the
 * BylinePhoto says, and that a failed import leaves the bundle untouched.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "photo-fixtures.h"

typedef struct
{
  char *bundle;
  char *photos;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->bundle = g_build_filename (g_get_user_data_dir (), "drafts", "a1.byline", NULL);
  fixture->photos = g_build_filename (fixture->bundle, "photos", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->bundle, 0700), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->bundle);
  g_free (fixture->photos);
}

static void
assert_photos_dir (Fixture            *fixture,
                   const char * const *expected)
{
  g_auto(GStrv) names = fixture_list_dir (fixture->photos);

  g_assert_cmpstrv (names, expected);
}

static char *
bundle_file (Fixture     *fixture,
             BylinePhoto *photo)
{
  g_autofree char *relative = byline_photo_dup_bundle_path (photo);

  return g_build_filename (fixture->bundle, relative, NULL);
}

static void
test_import_jpeg (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *source = fixture_make_image ("DSC_0042.JPG", 640, 480, 3);
  g_autofree char *sha = NULL;
  g_autofree char *expected_name = NULL;
  g_autoptr(BylinePhoto) photo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *stored_sha = NULL;

  fixture_exiv2_modify (source,
                        "set Xmp.dc.description LangAlt lang=x-default Lễ hội đua ghe ngo",
                        "set Xmp.dc.creator XmpSeq Hoàng Kha",
                        "set Xmp.photoshop.Credit Ảnh: Hoàng Kha / Báo Đồng Tháp",
                        NULL);
  sha = fixture_dup_sha256 (source);
  expected_name = g_strconcat (sha, ".jpg", NULL);

  photo = fixture_import (source, fixture->bundle, &error);
  g_assert_no_error (error);
  g_assert_nonnull (photo);

  g_assert_cmpstr (byline_photo_get_id (photo), ==, sha);
  g_assert_cmpstr (byline_photo_get_extension (photo), ==, "jpg");
  g_assert_cmpstr (byline_photo_get_mime_type (photo), ==, "image/jpeg");
  g_assert_cmpstr (byline_photo_get_original_name (photo), ==, "DSC_0042.JPG");
  g_assert_cmpuint (byline_photo_get_width (photo), ==, 640);
  g_assert_cmpuint (byline_photo_get_height (photo), ==, 480);
  g_assert_cmpstr (byline_photo_get_caption (photo), ==, "Lễ hội đua ghe ngo");
  g_assert_cmpstr (byline_photo_get_creator (photo), ==, "Hoàng Kha");
  g_assert_cmpstr (byline_photo_get_credit_line (photo), ==, "Ảnh: Hoàng Kha / Báo Đồng Tháp");

  /* Only the photo: no temp file left behind. */
  assert_photos_dir (fixture, (const char * const[]) { expected_name, NULL });
  stored = bundle_file (fixture, photo);
  stored_sha = fixture_dup_sha256 (stored);
  g_assert_cmpstr (stored_sha, ==, sha);
}

static void
test_import_twice (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *source = fixture_make_image ("twice.jpg", 320, 240, 3);
  g_autofree char *copy = fixture_tmp_path ("twice (1).jpg");
  g_autofree char *contents = NULL;
  g_autoptr(BylinePhoto) first = NULL;
  g_autoptr(BylinePhoto) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_name = NULL;
  gsize length;

  /* The same bytes under another name, as a second download gives. */
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));

  first = fixture_import (source, fixture->bundle, &error);
  g_assert_no_error (error);
  second = fixture_import (copy, fixture->bundle, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (byline_photo_get_id (first), ==, byline_photo_get_id (second));
  g_assert_cmpstr (byline_photo_get_original_name (second), ==, "twice (1).jpg");
  expected_name = g_strconcat (byline_photo_get_id (first), ".jpg", NULL);
  assert_photos_dir (fixture, (const char * const[]) { expected_name, NULL });
}

static void
test_import_source_deleted (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *source = fixture_make_image ("sdcard.jpg", 320, 240, 3);
  g_autoptr(BylinePhoto) photo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *stored_sha = NULL;
  int width, height;

  photo = fixture_import (source, fixture->bundle, &error);
  g_assert_no_error (error);

  /* The card is pulled out: the draft keeps its own copy. */
  g_assert_cmpint (g_unlink (source), ==, 0);
  stored = bundle_file (fixture, photo);
  stored_sha = fixture_dup_sha256 (stored);
  g_assert_cmpstr (stored_sha, ==, byline_photo_get_id (photo));
  fixture_image_size (stored, &width, &height);
  g_assert_cmpint (width, ==, 320);
  g_assert_cmpint (height, ==, 240);
}

static void
test_import_not_an_image (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *source = fixture_tmp_path ("phong-van.jpg");
  g_autoptr(BylinePhoto) photo = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (source, "Ghi chú phỏng vấn ông Nguyễn Văn A\n", -1, NULL));
  photo = fixture_import (source, fixture->bundle, &error);
  g_assert_error (error, BYLINE_PHOTO_ERROR, BYLINE_PHOTO_ERROR_NOT_AN_IMAGE);
  g_assert_nonnull (strstr (error->message, "JPEG"));
  g_assert_null (photo);

  /* Not even an empty photos/ folder. */
  g_assert_false (g_file_test (fixture->photos, G_FILE_TEST_EXISTS));
}

static void
test_import_truncated (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *good = fixture_make_image ("good.jpg", 320, 240, 3);
  g_autofree char *source = fixture_make_image ("half.jpg", 1200, 900, 3);
  g_autofree char *contents = NULL;
  g_autoptr(BylinePhoto) kept = NULL;
  g_autoptr(BylinePhoto) photo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_name = NULL;
  gsize length;

  kept = fixture_import (good, fixture->bundle, &error);
  g_assert_no_error (error);
  kept_name = g_strconcat (byline_photo_get_id (kept), ".jpg", NULL);

  /* A copy interrupted halfway: the header is intact, the scan is not. */
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (source, contents, length / 2, NULL));

  photo = fixture_import (source, fixture->bundle, &error);
  g_assert_error (error, BYLINE_PHOTO_ERROR, BYLINE_PHOTO_ERROR_CORRUPT);
  g_assert_null (photo);

  /* The photo already attached stays; nothing else appears. */
  assert_photos_dir (fixture, (const char * const[]) { kept_name, NULL });
}

static void
test_import_unsupported (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *source = fixture_make_image ("scan.tif", 64, 48, 3);
  g_autoptr(BylinePhoto) photo = NULL;
  g_autoptr(GError) error = NULL;

  photo = fixture_import (source, fixture->bundle, &error);
  g_assert_error (error, BYLINE_PHOTO_ERROR, BYLINE_PHOTO_ERROR_UNSUPPORTED);
  g_assert_null (photo);
  g_assert_false (g_file_test (fixture->photos, G_FILE_TEST_EXISTS));
}

static void
test_import_missing_source (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *source = fixture_tmp_path ("gone.jpg");
  g_autoptr(BylinePhoto) photo = NULL;
  g_autoptr(GError) error = NULL;

  photo = fixture_import (source, fixture->bundle, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (photo);
  g_assert_false (g_file_test (fixture->photos, G_FILE_TEST_EXISTS));
}

static void
test_import_orientation (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *source = fixture_make_image ("portrait.jpg", 600, 400, 3);
  g_autoptr(BylinePhoto) photo = NULL;
  g_autoptr(GError) error = NULL;

  /* Stored landscape, shot portrait: the size is the upright one. */
  fixture_exiv2_modify (source, "set Exif.Image.Orientation 6", NULL);
  photo = fixture_import (source, fixture->bundle, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_photo_get_width (photo), ==, 400);
  g_assert_cmpuint (byline_photo_get_height (photo), ==, 600);
}

static void
test_import_formats (Fixture       *fixture,
                     gconstpointer  data)
{
  const struct { const char *name; int bands; const char *extension; const char *mime; } cases[] = {
    { "screenshot.png", 4, "png", "image/png" },
    { "chat.webp", 3, "webp", "image/webp" },
    { "grey.png", 1, "png", "image/png" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *source = fixture_make_image (cases[i].name, 300, 200, cases[i].bands);
      g_autofree char *sha = fixture_dup_sha256 (source);
      g_autoptr(BylinePhoto) photo = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = NULL;

      photo = fixture_import (source, fixture->bundle, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (byline_photo_get_id (photo), ==, sha);
      g_assert_cmpstr (byline_photo_get_extension (photo), ==, cases[i].extension);
      g_assert_cmpstr (byline_photo_get_mime_type (photo), ==, cases[i].mime);
      g_assert_cmpuint (byline_photo_get_width (photo), ==, 300);
      g_assert_cmpuint (byline_photo_get_height (photo), ==, 200);
      stored = bundle_file (fixture, photo);
      g_assert_true (g_file_test (stored, G_FILE_TEST_IS_REGULAR));
    }
}

/* A phone editor's mangled EXIF: an APP1 segment whose IFD offset points
 * far outside the file. */
static void
insert_broken_exif (const char *path)
{
  static const guint8 app1[] = {
    0xff, 0xe1, 0x00, 0x16, 'E', 'x', 'i', 'f', 0, 0,
    'I', 'I', 0x2a, 0x00, 0xf0, 0xff, 0xff, 0x7f, 0x01, 0x00, 0xff, 0xff, 0xff, 0xff,
  };
  g_autofree char *contents = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_byte_array_append (bytes, (const guint8 *) contents, 2);
  g_byte_array_append (bytes, app1, sizeof app1);
  g_byte_array_append (bytes, (const guint8 *) contents + 2, length - 2);
  g_assert_true (g_file_set_contents (path, (const char *) bytes->data, bytes->len, NULL));
}

static void
test_import_broken_metadata (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *source = fixture_make_image ("zalo.jpg", 320, 240, 3);
  g_autoptr(BylinePhoto) photo = NULL;
  g_autoptr(GError) error = NULL;

  /* The pixels are fine: the photo is attached, the credits left empty
   * for the reporter to type. */
  insert_broken_exif (source);
  photo = fixture_import (source, fixture->bundle, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (byline_photo_get_width (photo), ==, 320);
  g_assert_null (byline_photo_get_creator (photo));
}

static void
test_import_disk_full (Fixture       *fixture,
                       gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *source = fixture_make_image ("big.jpg", 1200, 900, 3);
      g_autoptr(BylinePhoto) photo = NULL;
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 64 * 1024, 64 * 1024 };

      /* Writes past 64 KiB now fail (EFBIG) as they would on a full disk,
       * partway through the copy. */
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      photo = fixture_import (source, fixture->bundle, &error);
      g_assert_nonnull (error);
      g_assert_true (error->domain == G_IO_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "Could not copy the photo into the draft: "));
      g_assert_null (photo);
      g_assert_false (g_file_test (fixture->photos, G_FILE_TEST_EXISTS));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_import_cancelled (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *source = fixture_make_image ("cancel.jpg", 320, 240, 3);
  g_autoptr(GFile) source_file = g_file_new_for_path (source);
  g_autoptr(GFile) bundle_dir = g_file_new_for_path (fixture->bundle);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BylinePhoto) photo = NULL;
  g_autoptr(GError) error = NULL;

  /* The reporter closed the draft before the worker got to the photo.
   * (Cancelled later, the result is still CANCELLED, but the photo may
   * already be in photos/: an unreferenced file, reused if attached again.) */
  g_cancellable_cancel (cancellable);
  byline_photo_import_async (source_file, bundle_dir, cancellable, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  photo = byline_photo_import_finish (result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (photo);
  g_assert_false (g_file_test (fixture->photos, G_FILE_TEST_EXISTS));
}

static void
test_import_concurrent (Fixture       *fixture,
                        gconstpointer  data)
{
  enum { N = 4 };
  g_autoptr(GFile) bundle_dir = g_file_new_for_path (fixture->bundle);
  GAsyncResult *results[N] = { NULL };
  char *creators[N] = { NULL };

  /* A reporter drops four photos on the draft at once: four workers,
   * one decode and one Exiv2 user at a time, every photo with its own
   * credits. */
  for (guint i = 0; i < N; i++)
    {
      g_autofree char *name = g_strdup_printf ("batch-%u.jpg", i);
      g_autofree char *source = fixture_make_image (name, 400 + i, 300, 3);
      g_autofree char *command = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (source);

      creators[i] = g_strdup_printf ("Phóng viên số %u", i);
      command = g_strconcat ("set Xmp.dc.creator XmpSeq ", creators[i], NULL);
      fixture_exiv2_modify (source, command, NULL);
      byline_photo_import_async (file, bundle_dir, NULL, store_result, &results[i]);
    }

  for (guint i = 0; i < N; i++)
    {
      g_autoptr(BylinePhoto) photo = NULL;
      g_autoptr(GError) error = NULL;

      while (results[i] == NULL)
        g_main_context_iteration (NULL, TRUE);
      photo = byline_photo_import_finish (results[i], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (byline_photo_get_width (photo), ==, 400 + i);
      g_assert_cmpstr (byline_photo_get_creator (photo), ==, creators[i]);
      g_clear_object (&results[i]);
      g_free (creators[i]);
    }

  {
    g_auto(GStrv) names = fixture_list_dir (fixture->photos);

    g_assert_cmpuint (g_strv_length (names), ==, N);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  fixture_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/photo/import/jpeg", test_import_jpeg);
  ADD ("/photo/import/twice", test_import_twice);
  ADD ("/photo/import/source-deleted", test_import_source_deleted);
  ADD ("/photo/import/not-an-image", test_import_not_an_image);
  ADD ("/photo/import/truncated", test_import_truncated);
  ADD ("/photo/import/unsupported", test_import_unsupported);
  ADD ("/photo/import/missing-source", test_import_missing_source);
  ADD ("/photo/import/orientation", test_import_orientation);
  ADD ("/photo/import/formats", test_import_formats);
  ADD ("/photo/import/cancelled", test_import_cancelled);
  ADD ("/photo/import/broken-metadata", test_import_broken_metadata);
  ADD ("/photo/import/disk-full", test_import_disk_full);
  ADD ("/photo/import/concurrent", test_import_concurrent);
#undef ADD

  return g_test_run ();
}
