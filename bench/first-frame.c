/* first-frame.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An LD_PRELOAD probe that measures any GTK 4 application the same way:
 * at the first GdkFrameClock::after-paint of the process it appends
 *
 *   <CLOCK_REALTIME in µs> <VmRSS in kB> <CPU time of the process in µs>
 *
 * to the file named by BENCH_FIRST_FRAME_FILE and ends the process at
 * once (_exit: a clean shutdown is not what is measured). The launching
 * shell takes T0 with `date +%s%6N` just before exec; the difference is
 * exec → first painted frame. The CPU time (all threads, user + system)
 * is what a loaded machine does not inflate. See /work/shared/recipes.md, "Start-up time".
 *
 * The hook is an emission hook on the signal, not a handler on one frame
 * clock: it sees every clock of every window without knowing the app.
 */

#include "config.h"

#include <fcntl.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

static long
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return strtol (line + strlen ("VmRSS:"), NULL, 10);
}

static gboolean
after_paint_hook (GSignalInvocationHint *hint,
                  guint                  n_param_values,
                  const GValue          *param_values,
                  gpointer               user_data)
{
  gint64 now = g_get_real_time ();
  struct rusage usage;
  const char *path = g_getenv ("BENCH_FIRST_FRAME_FILE");
  char line[64];
  int fd, length;

  if (path == NULL)
    return FALSE;

  getrusage (RUSAGE_SELF, &usage);
  length = g_snprintf (line, sizeof line, "%" G_GINT64_FORMAT " %ld %ld\n", now, rss_kb (),
                       (long) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000
                       + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
  fd = open (path, O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (fd >= 0)
    {
      if (write (fd, line, length) != length)
        perror ("first-frame");
      close (fd);
    }
  _exit (0);
}

__attribute__ ((constructor)) static void
first_frame_init (void)
{
  /* The class must exist for the signal to have an id; referencing it
   * before gtk_init is harmless (GObject initialises itself). */
  gpointer klass = g_type_class_ref (GDK_TYPE_FRAME_CLOCK);
  guint signal_id = g_signal_lookup ("after-paint", GDK_TYPE_FRAME_CLOCK);

  g_signal_add_emission_hook (signal_id, 0, after_paint_hook, NULL, NULL);
  g_type_class_unref (klass);
}
