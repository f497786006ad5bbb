/* test-cli-photo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-cli photo, with JPEGs made at test time and Vietnamese XMP
 * written by the exiv2 CLI.
 */

#include "config.h"

#include <string.h>

#include "cli-test-util.h"
#include "photo-fixtures.h"

static char *
make_photo (const char *name)
{
  char *path = fixture_make_image (name, 640, 480, 3);

  fixture_exiv2_modify (path,
                        "set Xmp.dc.description LangAlt lang=x-default Lễ hội đua ghe ngo",
                        "set Xmp.dc.creator XmpSeq Hoàng Kha",
                        "set Xmp.photoshop.Credit Báo Đồng Tháp",
                        "set Xmp.dc.rights LangAlt lang=x-default © Báo Đồng Tháp",
                        NULL);
  return path;
}

static char *
add_photo (const char *id,
           const char *path,
           ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list options;

  g_ptr_array_add (args, (gpointer) "photo");
  g_ptr_array_add (args, (gpointer) "add");
  g_ptr_array_add (args, (gpointer) id);
  g_ptr_array_add (args, (gpointer) path);
  va_start (options, path);
  for (const char *arg = va_arg (options, const char *); arg != NULL;
       arg = va_arg (options, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (options);
  g_ptr_array_add (args, NULL);

  if (cli_runv (NULL, (const char * const *) args->pdata, &out, &err) != 0)
    g_error ("photo add failed: %s", err);
  g_assert_true (g_str_has_suffix (out, "\n"));
  return g_strndup (out, strlen (out) - 1);
}

static JsonObject *
listed_photo (const char *id,
              guint       index,
              guint       n_expected)
{
  g_autoptr(JsonNode) list = cli_run_json ("photo", "list", "--json", id, NULL);
  JsonArray *array = json_node_get_array (list);

  g_assert_cmpuint (json_array_get_length (array), ==, n_expected);
  if (n_expected == 0)
    return NULL;
  return json_object_ref (json_array_get_object_element (array, index));
}

static void
test_add_from_metadata (void)
{
  g_autofree char *id = cli_import_seed ();
  g_autofree char *path = make_photo ("ghe-ngo.jpg");
  g_autofree char *sha256 = fixture_dup_sha256 (path);
  g_autofree char *photo_id = add_photo (id, path, NULL);
  g_autofree char *root = cli_store_root ();
  g_autofree char *copied = g_strdup_printf ("%s/drafts/%s/photos/%s.jpg", root, id, sha256);
  g_autoptr(JsonObject) photo = NULL;
  g_autofree char *plain = NULL;

  /* The id printed alone is the file's SHA-256, and the file is in the
   * bundle under it. */
  g_assert_cmpstr (photo_id, ==, sha256);
  g_assert_true (g_file_test (copied, G_FILE_TEST_IS_REGULAR));

  photo = listed_photo (id, 0, 1);
  g_assert_cmpstr (json_object_get_string_member (photo, "id"), ==, sha256);
  g_assert_cmpstr (json_object_get_string_member (photo, "caption"), ==, "Lễ hội đua ghe ngo");
  g_assert_cmpstr (json_object_get_string_member (photo, "creator"), ==, "Hoàng Kha");
  g_assert_true (json_object_get_boolean_member (photo, "featured"));

  plain = cli_run_ok ("photo", "list", id, NULL);
  cli_assert_contains (plain, sha256);
  cli_assert_contains (plain, "Hoàng Kha");
}

static void
test_add_with_options (void)
{
  g_autofree char *id = cli_import_seed ();
  g_autofree char *first = make_photo ("first.jpg");
  g_autofree char *second = make_photo ("second.jpg");
  g_autofree char *first_id = add_photo (id, first, NULL);
  g_autofree char *second_id = add_photo (id, second, "--caption", "Đua ghe trên sông Maspero",
                                          "--alt", "Ba chiếc ghe ngo", "--featured", NULL);
  g_autoptr(JsonObject) photo = listed_photo (id, 1, 2);
  g_autofree char *summary = cli_run_ok ("draft", "show", id, NULL);

  g_assert_cmpstr (second_id, !=, first_id);
  g_assert_cmpstr (json_object_get_string_member (photo, "id"), ==, second_id);
  g_assert_cmpstr (json_object_get_string_member (photo, "caption"), ==,
                   "Đua ghe trên sông Maspero");
  /* Not given: still from the file. */
  g_assert_cmpstr (json_object_get_string_member (photo, "creator"), ==, "Hoàng Kha");
  g_assert_true (json_object_get_boolean_member (photo, "featured"));
  cli_assert_contains (summary, "Photos: 2");
  cli_assert_contains (summary, "Đua ghe trên sông Maspero");
}

static void
test_set_and_remove (void)
{
  g_autofree char *id = cli_import_seed ();
  g_autofree char *path = make_photo ("set.jpg");
  g_autofree char *photo_id = add_photo (id, path, NULL);
  g_autofree char *prefix = g_strndup (photo_id, 8);
  g_autofree char *short_prefix = g_strndup (photo_id, 7);
  g_autoptr(JsonObject) photo = NULL;
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *err3 = NULL;

  cli_run_quiet ("photo", "set", id, prefix, "caption", "Khán giả hai bên bờ", NULL);
  g_free (cli_run_ok ("photo", "set", id, photo_id, "city", "Sóc Trăng", NULL));
  g_free (cli_run_ok ("photo", "set", id, prefix, "credit", "", NULL));
  photo = listed_photo (id, 0, 1);
  g_assert_cmpstr (json_object_get_string_member (photo, "caption"), ==, "Khán giả hai bên bờ");
  g_assert_cmpstr (json_object_get_string_member (photo, "city"), ==, "Sóc Trăng");
  g_assert_false (json_object_has_member (photo, "credit_line"));
  g_assert_false (json_object_has_member (photo, "credit-line"));

  g_assert_cmpint (cli_run (NULL, NULL, &err, "photo", "set", id, short_prefix, "caption", "x",
                            NULL), ==, 2);
  cli_assert_contains (err, "8");
  g_assert_cmpint (cli_run (NULL, NULL, &err2, "photo", "set", id, prefix, "colour", "x", NULL),
                   ==, 2);
  cli_assert_contains (err2, "caption, alt, creator, credit, copyright, source, city");
  g_assert_cmpint (cli_run (NULL, NULL, &err3, "photo", "set", id, "0000000000", "caption", "x",
                            NULL), ==, 1);
  cli_assert_contains (err3, "has no photo");

  cli_run_quiet ("photo", "remove", id, prefix, NULL);
  g_assert_null (listed_photo (id, 0, 0));
  g_assert_cmpint (cli_run (NULL, NULL, NULL, "photo", "remove", id, prefix, NULL), ==, 1);
}

static void
test_add_errors (void)
{
  g_autofree char *id = cli_import_seed ();
  g_autofree char *path = make_photo ("twice.jpg");
  g_autofree char *not_image = fixture_tmp_path ("notes.jpg");
  g_autofree char *photo_id = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *err3 = NULL;
  g_autoptr(JsonObject) still = NULL;

  g_assert_true (g_file_set_contents (not_image, "Đây không phải là ảnh\n", -1, NULL));
  g_assert_cmpint (cli_run (NULL, &out, &err, "photo", "add", id, not_image, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  cli_assert_contains (err, "notes.jpg");
  g_assert_null (listed_photo (id, 0, 0));

  photo_id = add_photo (id, path, NULL);
  g_assert_cmpint (cli_run (NULL, NULL, &err2, "photo", "add", id, path, NULL), ==, 1);
  cli_assert_contains (err2, "already has this photo");
  still = listed_photo (id, 0, 1);
  g_assert_cmpstr (json_object_get_string_member (still, "id"), ==, photo_id);

  g_assert_cmpint (cli_run (NULL, NULL, &err3, "photo", "add",
                            "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", path, NULL), ==, 1);
  cli_assert_contains (err3, "no draft with id");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  fixture_init ();

  g_test_add_func ("/cli/photo/add-from-metadata", test_add_from_metadata);
  g_test_add_func ("/cli/photo/add-with-options", test_add_with_options);
  g_test_add_func ("/cli/photo/set-and-remove", test_set_and_remove);
  g_test_add_func ("/cli/photo/add-errors", test_add_errors);

  return g_test_run ();
}
