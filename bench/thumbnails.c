/* thumbnails.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 256 px thumbnails of N camera sized (24 MP) photos, each method in its
 * own child process so the peak RSS of one does not hide the other's:
 *
 *   byline       byline_photo_thumbnail_async() for all N at once from a
 *                main loop, as the photo tray asks for them; a 1 ms
 *                timeout measures the longest the main loop went unserved,
 *                and how much of that the main thread spent working
 *   vips         vips_thumbnail() directly, one after the other
 *   pixbuf       gdk_pixbuf_new_from_file() + gdk_pixbuf_scale_simple():
 *                decode the whole photo, then scale (the issue's peer)
 *   pixbuf-at-scale  gdk_pixbuf_new_from_file_at_scale(), which asks
 *                libjpeg to decode at 1/2, 1/4 or 1/8 scale
 *
 *   thumbnails [--count N] [--runs R] [--size PX] [--dir DIR] [--format jpeg|png]
 *
 * Prints "key value" lines (see bench/run) and a Markdown table on stderr.
 * CPU time is reported next to wall time: the machine may be shared, and
 * CPU time is what another process cannot inflate.
 *
 * Why libvips is no faster than gdk-pixbuf's fast path on a JPEG: both
 * use libjpeg's scaled decode (VIPS_INFO says "loading with factor 8
 * pre-shrink"), which skips most of the inverse DCT but must still
 * Huffman-decode every coefficient of the file, and that is the bulk of
 * the time on a 7 MB photo. libvips's gain is elsewhere: formats without
 * scaled decoding (PNG, WebP), far less memory, and sequential access.
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>
#include <vips/vips.h>

#include "bench-common.h"
#include "byline-photo-thumbnail.h"

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

static const char * const methods[] = { "byline", "vips", "pixbuf", "pixbuf-at-scale" };

static char *
photo_path (int i)
{
  g_autofree char *name = g_strdup_printf ("photo-%03d.%s", i,
                                          g_str_equal (format, "png") ? "png" : "jpg");

  return g_build_filename (dir, name, NULL);
}

static void
ensure_photos (void)
{
  for (int i = 0; i < count; i++)
    {
      g_autofree char *path = photo_path (i);

      bench_ensure_photo (path, WIDTH, HEIGHT, i + 1);
    }
}

static void
thumbnail_vips (const char *path)
{
  VipsImage *image = NULL;
  size_t length;
  void *pixels;

  /* The options Byline uses. vips_thumbnail is lazy: writing to memory is
   * what decodes. */
  if (vips_thumbnail (path, &image, size, "height", size, "size", VIPS_SIZE_DOWN, NULL)
      || (pixels = vips_image_write_to_memory (image, &length)) == NULL)
    vips_error_exit ("%s", path);

  g_free (pixels);
  g_object_unref (image);
}

static void
thumbnail_pixbuf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) full = gdk_pixbuf_new_from_file (path, &error);
  g_autoptr(GdkPixbuf) scaled = NULL;
  int width, height;

  if (full == NULL)
    g_error ("%s: %s", path, error->message);

  width = gdk_pixbuf_get_width (full);
  height = gdk_pixbuf_get_height (full);
  if (width >= height)
    scaled = gdk_pixbuf_scale_simple (full, size, MAX (1, height * size / width), GDK_INTERP_BILINEAR);
  else
    scaled = gdk_pixbuf_scale_simple (full, MAX (1, width * size / height), size, GDK_INTERP_BILINEAR);
}

static void
thumbnail_pixbuf_at_scale (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file_at_scale (path, size, size, TRUE, &error);

  if (pixbuf == NULL)
    g_error ("%s: %s", path, error->message);
}

/* Byline's way ----------------------------------------------------------- */

/* A gap between two ticks is the main loop unserved; the main thread's
 * own CPU time in that gap tells work on the main thread (a real stall
 * of the app) from the thread waiting for a core (a loaded machine, or
 * the decoding workers of the same process). */
typedef struct
{
  int     pending;
  gint64  last_tick;
  gint64  last_cpu;
  gint64  max_gap;
  gint64  max_gap_cpu;
  gint64  max_cpu;
} Watch;

static gint64
thread_cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
tick_cb (gpointer user_data)
{
  Watch *watch = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_usec ();

  if (now - watch->last_tick > watch->max_gap)
    {
      watch->max_gap = now - watch->last_tick;
      watch->max_gap_cpu = cpu - watch->last_cpu;
    }
  watch->max_cpu = MAX (watch->max_cpu, cpu - watch->last_cpu);
  watch->last_tick = now;
  watch->last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static void
thumbnail_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Watch *watch = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylinePhotoThumbnail) thumbnail = byline_photo_thumbnail_finish (result, &error);

  if (thumbnail == NULL)
    g_error ("thumbnail: %s", error->message);
  watch->pending--;
}

/* All N requested at once, as the photo tray does; measures the gaps
 * between two ticks of a 1 ms timeout (minus the 1 ms). */
static void
thumbnails_byline (Watch *watch_out)
{
  Watch watch = { 0 };
  guint tick_id;

  watch.last_tick = g_get_monotonic_time ();
  watch.last_cpu = thread_cpu_usec ();
  tick_id = g_timeout_add (1, tick_cb, &watch);
  for (int i = 0; i < count; i++)
    {
      g_autofree char *path = photo_path (i);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      watch.pending++;
      byline_photo_thumbnail_async (file, size, NULL, thumbnail_done_cb, &watch);
    }
  while (watch.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick_id);

  if (watch.max_gap > watch_out->max_gap)
    {
      watch_out->max_gap = watch.max_gap;
      watch_out->max_gap_cpu = watch.max_gap_cpu;
    }
  watch_out->max_cpu = MAX (watch_out->max_cpu, watch.max_cpu);
}

/* In the child --------------------------------------------------------- */

static int
run_method (void)
{
  void (*thumbnail) (const char *) = NULL;
  g_autofree double *times = g_new0 (double, runs);
  Watch stalls = { 0 };
  double cpu_start;

  if (g_str_equal (method, "vips"))
    thumbnail = thumbnail_vips;
  else if (g_str_equal (method, "pixbuf"))
    thumbnail = thumbnail_pixbuf;
  else if (g_str_equal (method, "pixbuf-at-scale"))
    thumbnail = thumbnail_pixbuf_at_scale;
  else if (!g_str_equal (method, "byline"))
    g_error ("unknown method %s", method);

  /* Only the vips children start libvips (and load its modules), so the
   * gdk-pixbuf figures carry none of its weight. No operation cache: run
   * 2 must decode again, as a real app would. Byline starts it itself. */
  if (thumbnail == thumbnail_vips)
    {
      if (VIPS_INIT ("thumbnails"))
        vips_error_exit (NULL);
      vips_cache_set_max (0);
    }

  cpu_start = bench_cpu_time ();
  for (int r = 0; r < runs; r++)
    {
      double start = bench_now ();

      if (thumbnail == NULL)
        thumbnails_byline (&stalls);
      else
        for (int i = 0; i < count; i++)
          {
            g_autofree char *path = photo_path (i);

            thumbnail (path);
          }
      times[r] = bench_now () - start;
    }

  printf ("%f %f %ld %f %f %f\n", bench_median (times, runs), (bench_cpu_time () - cpu_start) / runs,
          bench_peak_rss_kb (), MAX (0, stalls.max_gap - 1000) / 1000.0, stalls.max_gap_cpu / 1000.0,
          stalls.max_cpu / 1000.0);
  return 0;
}

typedef struct
{
  double median_s;
  double cpu_s;
  long   rss_kb;
  double max_stall_ms;
  double max_stall_cpu_ms;
  double max_main_cpu_ms;
} Figures;

/* Linux keeps ru_maxrss across execve: a child forked from a parent that
 * had decoded photos would report the parent's peak (VmHWM starts afresh,
 * but the parent stays small anyway: generation runs in a child too). */
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

  if (sscanf (out, "%lf %lf %ld %lf %lf %lf", &figures.median_s, &figures.cpu_s, &figures.rss_kb,
              &figures.max_stall_ms, &figures.max_stall_cpu_ms, &figures.max_main_cpu_ms) != 6)
    g_error ("%s: unexpected output %s", name, out);

  return figures;
}

static void
report (const char    *name,
        const Figures *figures)
{
  g_autofree char *key = g_strdelimit (g_strdup (name), "-", '_');
  g_autofree char *ms = g_strdup_printf ("%s_ms_per_photo", key);
  g_autofree char *cpu = g_strdup_printf ("%s_cpu_ms_per_photo", key);
  g_autofree char *rss = g_strdup_printf ("%s_peak_rss_kb", key);

  bench_report (ms, "%.1f", figures->median_s * 1000 / count);
  bench_report (cpu, "%.1f", figures->cpu_s * 1000 / count);
  bench_report (rss, "%ld", figures->rss_kb);
  g_printerr ("| %s | %.2f | %.0f | %.0f | %.0f |\n", name, figures->median_s,
              figures->median_s * 1000 / count, figures->cpu_s * 1000 / count,
              figures->rss_kb / 1024.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- thumbnail speed, Byline vs gdk-pixbuf");
  g_autoptr(GError) error = NULL;
  g_autofree char *generated = NULL;
  Figures figures[G_N_ELEMENTS (methods)];

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

  if (method != NULL && g_str_equal (method, "generate"))
    {
      if (VIPS_INIT ("thumbnails"))
        vips_error_exit (NULL);
      ensure_photos ();
      return 0;
    }
  if (method != NULL)
    return run_method ();

  generated = spawn_self (argv[0], "generate");
  for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
    figures[m] = measure (argv[0], methods[m]);

  g_printerr ("%d photos of %dx%d (24 MP %s) to %d px, median of %d runs, "
              "each method in its own process\n\n", count, WIDTH, HEIGHT,
              g_str_equal (format, "png") ? "PNG" : "JPEG, Q90", size, runs);
  g_printerr ("| method | wall s (median) | ms / photo | CPU ms / photo | peak RSS MB |\n");
  g_printerr ("|---|---:|---:|---:|---:|\n");
  for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
    report (methods[m], &figures[m]);
  bench_report ("byline_max_stall_ms", "%.1f", figures[0].max_stall_ms);
  bench_report ("byline_max_stall_cpu_ms", "%.1f", figures[0].max_stall_cpu_ms);
  bench_report ("byline_max_main_cpu_ms", "%.1f", figures[0].max_main_cpu_ms);
  bench_report ("thumbnail_count", "%d", count);

  return 0;
}
