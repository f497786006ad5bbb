/* replay.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fuzz harnesses without libFuzzer: one test per file of the seed
 * corpus and of the regressions (inputs that once crashed), fed to the
 * same LLVMFuzzerTestOneInput. Built with the normal compiler, so every
 * finding stays fixed in the ordinary tiers, under ASan too.
 *
 * FUZZ_NAME (set at build time) is the harness: "article-json" reads
 * tests/fuzz/corpus/article-json/ and tests/fuzz/regressions/article-json/.
 */

#include "config.h"

#include <stdint.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
replay_file (gconstpointer user_data)
{
  const char *path = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;
  uint8_t *copy;

  g_file_get_contents (path, &data, &size, &error);
  g_assert_no_error (error);
  /* An exact-size copy, as libFuzzer gives: ASan sees a read past the end. */
  copy = g_memdup2 (data, size);
  LLVMFuzzerTestOneInput (copy, size);
  g_free (copy);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static guint
add_folder (const char *kind)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "fuzz", kind, FUZZ_NAME, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *test = g_strdup_printf ("/fuzz-replay/%s/%s/%s", FUZZ_NAME, kind, file);

      g_test_add_data_func_full (test, g_build_filename (folder, file, NULL), replay_file, g_free);
    }
  return names->len;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* The seed corpus is never empty: an empty folder would test nothing. */
  if (add_folder ("corpus") == 0)
    g_error ("No seed corpus for %s", FUZZ_NAME);
  add_folder ("regressions");

  return g_test_run ();
}
