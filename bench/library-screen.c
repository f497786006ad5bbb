/* library-screen.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The library on screen: the real application's window opened on the
 * library of `bench/library prepare ROOT` (the index present, as on
 * every start but the first), run inside tests/headless-run like
 * bench/startup:
 *
 *   library-screen ROOT
 *
 * makes $XDG_DATA_HOME/<app id> a link to ROOT (headless-run gives
 * throwaway XDG folders), activates the application and waits for the
 * first GdkFrameClock::after-paint at which the Drafts list holds every
 * draft of the store and shows rows. Prints for bench/run: seconds
 * (activate → that frame), cpu_seconds (all threads, the same span), exec_seconds (from
 * BENCH_T0_US, the launching shell's clock just before exec, when set),
 * n_items, rss_kb (at that frame), search_seconds (typing a query until
 * the list is filtered, with the search entry's own 150 ms delay).
 */

#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <unistd.h>

#include "bench-common.h"
#include "byline-application.h"
#include "byline-library-pane.h"
#include "byline-window.h"

typedef struct
{
  BylineDraftStore *store;
  GListModel       *drafts;
  GtkWidget        *pane;
  gboolean          shown;
  double            shown_at;
  gint64            shown_real_time;
  double            cpu;
  long              rss_kb;
} Probe;

static void
iterate_until (const gboolean *done)
{
  while (!*done)
    g_main_context_iteration (NULL, TRUE);
}

/* A row of a mapped list view under @widget: what a user sees. */
static gboolean
shows_rows (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_LIST_VIEW (widget))
    return gtk_widget_get_first_child (widget) != NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_rows (child))
      return TRUE;
  return FALSE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Probe         *probe)
{
  guint n;

  if (probe->shown || !byline_draft_store_get_loaded (probe->store))
    return;
  n = g_list_model_get_n_items (byline_draft_store_get_library (probe->store,
                                                               BYLINE_LIBRARY_VIEW_DRAFTS));
  if (n == 0 || g_list_model_get_n_items (probe->drafts) != n || !shows_rows (probe->pane))
    return;

  probe->shown_at = bench_now ();
  probe->shown_real_time = g_get_real_time ();
  probe->cpu = bench_cpu_time ();
  probe->rss_kb = bench_rss_kb ();
  probe->shown = TRUE;
}

static void
link_library (const char *root)
{
  g_autofree char *data = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  g_autofree char *absolute = g_canonicalize_filename (root, NULL);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  if (symlink (absolute, data) != 0)
    g_error ("%s: %s", data, g_strerror (errno));
}

static void
search (Probe *probe)
{
  GtkEditable *entry = GTK_EDITABLE (gtk_widget_get_template_child (probe->pane,
                                                                    BYLINE_TYPE_LIBRARY_PANE,
                                                                    "search_entry"));
  guint n = g_list_model_get_n_items (probe->drafts);
  double start = bench_now ();

  gtk_editable_set_text (entry, "4217");
  while (g_list_model_get_n_items (probe->drafts) == n)
    g_main_context_iteration (NULL, TRUE);
  bench_report ("search_seconds", "%.4f", bench_now () - start);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BylineApplication) app = NULL;
  const char *t0 = g_getenv ("BENCH_T0_US");
  Probe probe = { 0 };
  GdkFrameClock *clock;
  BylineWindow *window;
  double start, cpu_start;

  if (argc != 2)
    {
      g_printerr ("usage: library-screen ROOT (inside tests/headless-run)\n");
      return 2;
    }
  link_library (argv[1]);

  gtk_init ();
  adw_init ();
  app = byline_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  start = bench_now ();
  cpu_start = bench_cpu_time ();
  g_application_activate (G_APPLICATION (app));
  window = BYLINE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  probe.store = byline_application_get_draft_store (app);
  probe.pane = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), BYLINE_TYPE_WINDOW,
                                                            "library_pane");
  probe.drafts = byline_library_pane_get_model (BYLINE_LIBRARY_PANE (probe.pane),
                                                BYLINE_LIBRARY_VIEW_DRAFTS);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &probe);
  iterate_until (&probe.shown);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, &probe);

  bench_report ("seconds", "%.4f", probe.shown_at - start);
  bench_report ("cpu_seconds", "%.4f", probe.cpu - cpu_start);
  if (t0 != NULL)
    bench_report ("exec_seconds", "%.4f",
                  (probe.shown_real_time - g_ascii_strtoll (t0, NULL, 10)) / (double) G_USEC_PER_SEC);
  bench_report ("n_items", "%u", g_list_model_get_n_items (probe.drafts));
  bench_report ("rss_kb", "%ld", probe.rss_kb);
  search (&probe);

  /* Not measured: the store's last save of session.json and the index. */
  gtk_window_destroy (GTK_WINDOW (window));
  while (byline_application_get_saving (app))
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
