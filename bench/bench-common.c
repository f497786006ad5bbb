/* bench-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <vips/vips.h>

#include "bench-common.h"
#include "byline-block.h"

/* Smooth blotches (low-resolution noise blown up) for the scene, fine
 * noise for the grain, rectangles for edges. */
static void
make_photo (const char *path,
            int         width,
            int         height,
            int         seed)
{
  VipsImage *t[8] = { NULL };

  if (vips_gaussnoise (&t[0], width / 40, height / 40, "sigma", 60.0, "mean", 128.0, "seed", seed, NULL)
      || vips_resize (t[0], &t[1], 40.0, NULL)
      || vips_gaussnoise (&t[2], width, height, "sigma", 6.0, "mean", 0.0, "seed", seed + 1000, NULL)
      || vips_add (t[1], t[2], &t[3], NULL)
      || vips_cast_uchar (t[3], &t[4], NULL)
      || vips_copy (t[4], &t[5], NULL))
    vips_error_exit ("generating %s", path);

  for (int r = 0; r < 12; r++)
    vips_draw_rect1 (t[5], (r * 37 + seed * 11) % 256,
                     (r * 997 + seed * 131) % (width - width / 7),
                     (r * 661 + seed * 71) % (height - height / 6),
                     width / 20 + r * 40, height / 20 + r * 30, "fill", TRUE, NULL);

  {
    VipsImage *bands[3] = { t[5], t[5], t[5] };

    if (vips_bandjoin (bands, &t[6], 3, NULL)
        || vips_copy (t[6], &t[7], "interpretation", VIPS_INTERPRETATION_sRGB, NULL)
        || (g_str_has_suffix (path, ".png")
            ? vips_pngsave (t[7], path, NULL)
            : vips_jpegsave (t[7], path, "Q", 90, NULL)))
      vips_error_exit ("saving %s", path);
  }

  for (guint i = 0; i < G_N_ELEMENTS (t); i++)
    g_clear_object (&t[i]);
}

void
bench_ensure_photo (const char *path,
                    int         width,
                    int         height,
                    int         seed)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  g_mkdir_with_parents (dir, 0700);
  g_printerr ("generating %s\n", path);
  make_photo (path, width, height, seed);
}

double
bench_now (void)
{
  return g_get_monotonic_time () / 1e6;
}

double
bench_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static long
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, field)) == NULL)
    return -1;

  return strtol (line + strlen (field), NULL, 10);
}

long
bench_rss_kb (void)
{
  return status_kb ("VmRSS:");
}

long
bench_peak_rss_kb (void)
{
  return status_kb ("VmHWM:");
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_quantile (double *values,
                guint   n_values,
                double  q)
{
  guint rank;

  g_assert (n_values > 0);

  qsort (values, n_values, sizeof (double), compare_doubles);
  rank = (guint) (q * n_values + 0.999999);
  return values[CLAMP (rank, 1, n_values) - 1];
}

double
bench_median (double *values,
              guint   n_values)
{
  g_assert (n_values > 0);

  qsort (values, n_values, sizeof (double), compare_doubles);
  if (n_values % 2 == 1)
    return values[n_values / 2];
  return (values[n_values / 2 - 1] + values[n_values / 2]) / 2;
}

void
bench_report (const char *key,
              const char *format,
              ...)
{
  va_list args;

  printf ("%s ", key);
  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  printf ("\n");
  fflush (stdout);
}

GPtrArray *
bench_paragraphs (const char *path,
                  guint       n_words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) paragraphs = NULL;
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  guint words = 0;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("%s: %s", path, error->message);
  paragraphs = g_strsplit (text, "\n\n", -1);

  while (words < n_words)
    for (guint i = 0; paragraphs[i] != NULL && words < n_words; i++)
      {
        g_autofree char *paragraph = g_strstrip (g_strdup (paragraphs[i]));
        g_auto(GStrv) split = NULL;

        if (*paragraph == '\0')
          continue;
        split = g_strsplit_set (paragraph, " \n", -1);
        words += g_strv_length (split);
        g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, paragraph));
      }

  return blocks;
}
