/* test-photo-engine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without its photo engine module, Byline still starts and works; every
 * photo operation fails with BYLINE_PHOTO_ERROR_NO_ENGINE, a message that
 * names the module, and nothing written to the draft's bundle. Each case
 * runs in a subprocess, since the engine is loaded once per process.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "byline-photo-engine.h"
#include "photo-fixtures.h"

/* A real 2×2 PNG, made without libvips: the child has no engine. */
static const guint8 png_bytes[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49,
  0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02,
  0x00, 0x00, 0x00, 0xfd, 0xd4, 0x9a, 0x73, 0x00, 0x00, 0x00, 0x11, 0x49, 0x44,
  0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00, 0x44, 0x0c, 0x60, 0xf2,
  0x3f, 0x00, 0x1b, 0xf2, 0x03, 0xfd, 0xf3, 0xe7, 0x4b, 0xb1, 0x00, 0x00, 0x00,
  0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82
};

static char *
write_png (void)
{
  g_autoptr(GError) error = NULL;
  char *path = fixture_tmp_path ("photo.png");

  g_file_set_contents (path, (const char *) png_bytes, sizeof png_bytes, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_no_engine (const GError *error)
{
  g_assert_error (error, BYLINE_PHOTO_ERROR, BYLINE_PHOTO_ERROR_NO_ENGINE);
  /* The loader's detail names the file a bug report needs; the rest
   * tells the user what to do. */
  g_assert_nonnull (strstr (error->message, "libbyline-photo-engine"));
  g_assert_nonnull (strstr (error->message, "Reinstall Byline"));
}

static void
assert_import_fails (const char *source,
                     const char *bundle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylinePhoto) photo = fixture_import (source, bundle, &error);
  g_auto(GStrv) entries = NULL;

  g_assert_null (photo);
  assert_no_engine (error);
  entries = fixture_list_dir (bundle);
  g_assert_cmpuint (g_strv_length (entries), ==, 0);
}

/* In the child: every entry point of the pipeline, twice for the import
 * (a failed load is remembered, not retried into a different error). */
static void
run_without_engine (void)
{
  g_autofree char *source = write_png ();
  g_autofree char *bundle = fixture_tmp_path ("bundle");
  g_autofree char *id = fixture_dup_sha256 (source);
  g_autoptr(BylinePhoto) photo = byline_photo_new (id, "png");
  g_autoptr(GError) error = NULL;
  g_autoptr(BylinePhotoThumbnail) thumbnail = NULL;
  g_autoptr(BylinePhotoCredits) credits = NULL;
  g_autofree char *derivative = NULL;

  g_assert_cmpint (g_mkdir (bundle, 0700), ==, 0);
  assert_import_fails (source, bundle);
  assert_import_fails (source, bundle);

  thumbnail = fixture_thumbnail (source, 64, &error);
  g_assert_null (thumbnail);
  assert_no_engine (error);
  g_clear_error (&error);

  derivative = fixture_derivative (photo, bundle, 0, &error);
  g_assert_null (derivative);
  assert_no_engine (error);
  g_clear_error (&error);

  credits = byline_photo_metadata_read (source, &error);
  g_assert_null (credits);
  assert_no_engine (error);
}

static void
run_child_with_engine_dir (const char *dir)
{
  g_autofree char *saved = g_strdup (g_getenv ("BYLINE_PHOTO_ENGINE_DIR"));

  /* The child inherits the environment at the time of the spawn. */
  g_setenv ("BYLINE_PHOTO_ENGINE_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (saved != NULL)
    g_setenv ("BYLINE_PHOTO_ENGINE_DIR", saved, TRUE);
  else
    g_unsetenv ("BYLINE_PHOTO_ENGINE_DIR");
  g_test_trap_assert_passed ();
}

static void
test_engine_missing (void)
{
  g_autofree char *empty = NULL;

  if (g_test_subprocess ())
    {
      run_without_engine ();
      return;
    }

  empty = fixture_tmp_path ("no-engine");
  g_assert_cmpint (g_mkdir_with_parents (empty, 0700), ==, 0);
  run_child_with_engine_dir (empty);
}

/* A file by the right name that is not a module (a cut download, a
 * package of another architecture): the same error, no crash. */
static void
test_engine_damaged (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *module = NULL;

  if (g_test_subprocess ())
    {
      run_without_engine ();
      return;
    }

  dir = fixture_tmp_path ("damaged-engine");
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  module = g_build_filename (dir, "libbyline-photo-engine." G_MODULE_SUFFIX, NULL);
  g_file_set_contents (module, "\x7f" "ELF, cut short", -1, &error);
  g_assert_no_error (error);
  run_child_with_engine_dir (dir);
}

/* The control: with the engine of the build tree the same PNG imports,
 * so the failures above are the engine's absence and nothing else. */
static void
test_engine_present (void)
{
  g_autofree char *source = write_png ();
  g_autofree char *bundle = fixture_tmp_path ("bundle");
  g_autoptr(GError) error = NULL;
  g_autoptr(BylinePhoto) photo = NULL;

  fixture_init ();
  g_assert_cmpint (g_mkdir (bundle, 0700), ==, 0);
  photo = fixture_import (source, bundle, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_photo_get_mime_type (photo), ==, "image/png");
  g_assert_cmpuint (byline_photo_get_width (photo), ==, 2);
  g_assert_cmpuint (byline_photo_get_height (photo), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* No fixture_init () here: it loads the engine, which the children
   * must not find. */
  g_test_add_func ("/photo/engine/missing", test_engine_missing);
  g_test_add_func ("/photo/engine/damaged", test_engine_damaged);
  g_test_add_func ("/photo/engine/present", test_engine_present);

  return g_test_run ();
}
