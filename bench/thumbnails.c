/* thumbnails.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why libvips and not gdk-pixbuf for photos: 256 px thumbnails of N camera
 * sized (24 MP) JPEGs, made by vips_thumbnail (shrink-on-load) and by
 * gdk_pixbuf_new_from_file_at_scale, each in its own child process so the
 * peak RSS of one does not hide the other's. Prints a Markdown table.
 *
 *   thumbnails [--count N] [--runs R] [--size PX] [--dir DIR] [--format jpeg|png]
 *
 * The test photos are generated once (noise and shapes, so they compress
 * like photos, not like flat test cards) and kept in DIR for later runs.
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <vips/vips.h>

#define WIDTH 6000
#define HEIGHT 4000

static int count = 50;
static int runs = 3;
static int size = 256;
static char *dir = NULL;
static char *format = NULL;
static char *method = NULL;

static GOptionEntry entries[] = {
  { "count", 'n', 0, G_OPTION_ARG_INT, &count, "Number of photos (default 50)", "N" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Runs per method; the median is shown (default 3)", "R" },
  { "size", 's', 0, G_OPTION_ARG_INT, &size, "Thumbnail size (default 256)", "PX" },
  { "dir", 'd', 0, G_OPTION_ARG_FILENAME, &dir, "Where the photos are kept", "DIR" },
  { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "jpeg (default) or png", "FORMAT" },
  { "method", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &method, NULL, NULL },
  { NULL }
};

static char *
photo_path (int i)
{
  g_autofree char *name = g_strdup_printf ("photo-%03d.%s", i,
                                          g_str_equal (format, "png") ? "png" : "jpg");

  return g_build_filename (dir, name, NULL);
}

/* Smooth blotches (low-resolution noise blown up) for "scene", fine noise
 * for sensor grain, a few rectangles for edges. A few MB each, like a
 * real 24 MP JPEG at quality 90. */
static void
make_photo (const char *path,
            int         seed)
{
  VipsImage *t[8] = { NULL };

  if (vips_gaussnoise (&t[0], WIDTH / 40, HEIGHT / 40, "sigma", 60.0, "mean", 128.0, "seed", seed, NULL)
      || vips_resize (t[0], &t[1], 40.0, NULL)
      || vips_gaussnoise (&t[2], WIDTH, HEIGHT, "sigma", 6.0, "mean", 0.0, "seed", seed + 1000, NULL)
      || vips_add (t[1], t[2], &t[3], NULL)
      || vips_cast_uchar (t[3], &t[4], NULL)
      || vips_copy (t[4], &t[5], NULL))
    vips_error_exit ("generating %s", path);

  for (int r = 0; r < 12; r++)
    vips_draw_rect1 (t[5], (r * 37 + seed * 11) % 256,
                     (r * 997 + seed * 131) % (WIDTH - 800), (r * 661 + seed * 71) % (HEIGHT - 600),
                     300 + r * 40, 200 + r * 30, "fill", TRUE, NULL);

  {
    VipsImage *bands[3] = { t[5], t[5], t[5] };

    if (vips_bandjoin (bands, &t[6], 3, NULL)
        || vips_copy (t[6], &t[7], "interpretation", VIPS_INTERPRETATION_sRGB, NULL)
        || (g_str_equal (format, "png")
            ? vips_pngsave (t[7], path, NULL)
            : vips_jpegsave (t[7], path, "Q", 90, NULL)))
      vips_error_exit ("saving %s", path);
  }

  for (guint i = 0; i < G_N_ELEMENTS (t); i++)
    g_clear_object (&t[i]);
}

static void
ensure_photos (void)
{
  g_mkdir_with_parents (dir, 0700);
  for (int i = 0; i < count; i++)
    {
      g_autofree char *path = photo_path (i);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_printerr ("generating %s\n", path);
          make_photo (path, i + 1);
        }
    }
}

static void
thumbnail_vips (const char *path)
{
  VipsImage *image = NULL;
  size_t length;
  void *pixels;

  /* vips_thumbnail is lazy: writing to memory is what decodes. */
  if (vips_thumbnail (path, &image, size, "height", size, NULL)
      || (pixels = vips_image_write_to_memory (image, &length)) == NULL)
    vips_error_exit ("%s", path);

  g_free (pixels);
  g_object_unref (image);
}

static void
thumbnail_pixbuf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file_at_scale (path, size, size, TRUE, &error);

  if (pixbuf == NULL)
    g_error ("%s: %s", path, error->message);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* In the child: time R runs over all photos, print "median_s cpu_s
 * max_rss_kb" (CPU time of all runs, divided by R: the machine may be
 * shared, and CPU time is what another process cannot inflate). */
static int
run_method (void)
{
  void (*thumbnail) (const char *) = g_str_equal (method, "vips") ? thumbnail_vips : thumbnail_pixbuf;
  g_autofree double *times = NULL;
  struct rusage usage;

  if (g_str_equal (method, "generate"))
    {
      if (VIPS_INIT ("thumbnails"))
        vips_error_exit (NULL);
      ensure_photos ();
      return 0;
    }

  /* Only the vips child starts libvips (and loads its modules), so the
   * gdk-pixbuf figures carry none of its weight. No operation cache: run
   * 2 must decode again, as a real app would. */
  if (thumbnail == thumbnail_vips)
    {
      if (VIPS_INIT ("thumbnails"))
        vips_error_exit (NULL);
      vips_cache_set_max (0);
    }

  times = g_new0 (double, runs);
  for (int r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();

      for (int i = 0; i < count; i++)
        {
          g_autofree char *path = photo_path (i);

          thumbnail (path);
        }
      times[r] = (g_get_monotonic_time () - start) / 1e6;
    }

  qsort (times, runs, sizeof (double), compare_doubles);
  getrusage (RUSAGE_SELF, &usage);
  printf ("%f %f %ld\n", times[runs / 2],
          (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
           + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6) / runs,
          usage.ru_maxrss);
  return 0;
}

typedef struct
{
  double median_s;
  double cpu_s;
  long   rss_kb;
} Figures;

/* Linux keeps ru_maxrss across execve: a child forked from a parent that
 * had decoded photos would report the parent's peak. So the parent never
 * touches pixels (generation runs in a child too) and stays a few MB. */
static char *
spawn_self (const char *argv0,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *count_arg = g_strdup_printf ("--count=%d", count);
  g_autofree char *runs_arg = g_strdup_printf ("--runs=%d", runs);
  g_autofree char *size_arg = g_strdup_printf ("--size=%d", size);
  g_autofree char *dir_arg = g_strdup_printf ("--dir=%s", dir);
  g_autofree char *format_arg = g_strdup_printf ("--format=%s", format);
  g_autofree char *method_arg = g_strdup_printf ("--method=%s", name);
  const char *argv[] = { argv0, count_arg, runs_arg, size_arg, dir_arg, format_arg, method_arg, NULL };
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                     &out, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", name, error->message);

  return g_steal_pointer (&out);
}

static Figures
measure (const char *argv0,
         const char *name)
{
  g_autofree char *out = spawn_self (argv0, name);
  Figures figures;

  if (sscanf (out, "%lf %lf %ld", &figures.median_s, &figures.cpu_s, &figures.rss_kb) != 3)
    g_error ("%s: unexpected output %s", name, out);

  return figures;
}

static void
print_row (const char    *name,
           const Figures *figures)
{
  printf ("| %s | %.2f | %.0f | %.2f | %.0f |\n", name, figures->median_s,
          figures->median_s * 1000 / count, figures->cpu_s, figures->rss_kb / 1024.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- thumbnail speed, libvips vs gdk-pixbuf");
  g_autoptr(GError) error = NULL;
  g_autofree char *generated = NULL;
  Figures vips, pixbuf;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || count < 1 || runs < 1 || size < 1)
    {
      g_printerr ("%s\n", error ? error->message : "count, runs and size must be positive");
      return 2;
    }
  if (format == NULL)
    format = g_strdup ("jpeg");
  if (!g_str_equal (format, "jpeg") && !g_str_equal (format, "png"))
    {
      g_printerr ("--format is jpeg or png\n");
      return 2;
    }
  if (dir == NULL)
    dir = g_build_filename (g_get_tmp_dir (), "byline-bench-thumbnails", NULL);
  if (method != NULL)
    return run_method ();

  generated = spawn_self (argv[0], "generate");
  vips = measure (argv[0], "vips");
  pixbuf = measure (argv[0], "pixbuf");

  printf ("%d photos of %dx%d (24 MP %s) to %d px, median of %d runs, "
          "each method in its own process\n\n", count, WIDTH, HEIGHT,
          g_str_equal (format, "png") ? "PNG" : "JPEG, Q90", size, runs);
  printf ("| method | wall s (median) | ms / photo | CPU s / run | peak RSS MB |\n");
  printf ("|---|---:|---:|---:|---:|\n");
  print_row ("vips_thumbnail (shrink-on-load)", &vips);
  print_row ("gdk_pixbuf_new_from_file_at_scale", &pixbuf);
  printf ("\ngdk-pixbuf / vips: %.2fx the wall time, %.2fx the CPU time, %.2fx the peak RSS\n",
          pixbuf.median_s / vips.median_s, pixbuf.cpu_s / vips.cpu_s,
          (double) pixbuf.rss_kb / vips.rss_kb);

  return 0;
}
