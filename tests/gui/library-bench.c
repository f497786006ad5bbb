/* library-bench.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: prints how the window copes with a big library.
 *   N=10000 tests/headless-run _build/tests/gui/library-bench
 * Writes N drafts as another process would, then opens the window twice
 * (first load scans the bundles, the second reads index.json) and prints
 * the time to a loaded store, to the first frame with the list, and to a
 * search over everything.
 */

#include "config.h"

#include <adwaita.h>

#include "byline-application.h"
#include "byline-library-pane.h"
#include "byline-window.h"
#include "draft-store-testutil.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static void
frame_cb (GdkFrameClock *clock,
          gboolean      *painted)
{
  *painted = TRUE;
}

static void
run_once (BylineApplication *app,
          guint              n,
          const char        *label)
{
  gint64 start = g_get_monotonic_time ();
  gboolean painted = FALSE;
  BylineWindow *window;
  GListModel *drafts;
  GtkEditable *search;
  gpointer pane;

  g_application_activate (G_APPLICATION (app));
  window = BYLINE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  pane = gtk_widget_get_template_child (GTK_WIDGET (window), BYLINE_TYPE_WINDOW, "library_pane");
  drafts = byline_library_pane_get_model (pane, BYLINE_LIBRARY_VIEW_DRAFTS);
  WAIT_UNTIL (byline_draft_store_get_loaded (byline_application_get_draft_store (app)));
  g_print ("%s: store loaded after %.3f s\n", label, seconds_since (start));
  WAIT_UNTIL (g_list_model_get_n_items (drafts) == n);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (frame_cb), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  WAIT_UNTIL (painted);
  g_print ("%s: %u rows listed and painted after %.3f s\n", label, n, seconds_since (start));

  search = GTK_EDITABLE (gtk_widget_get_template_child (pane, BYLINE_TYPE_LIBRARY_PANE, "search_entry"));
  start = g_get_monotonic_time ();
  gtk_editable_set_text (search, "so 4217");
  WAIT_UNTIL (g_list_model_get_n_items (drafts) < n);
  g_print ("%s: search found %u after %.3f s (with the entry's 150 ms delay)\n", label,
           g_list_model_get_n_items (drafts), seconds_since (start));

  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (window)), frame_cb, &painted);
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (!byline_application_get_saving (app));
}

int
main (int   argc,
      char *argv[])
{
  guint n = g_getenv ("N") != NULL ? atoi (g_getenv ("N")) : 10000;
  g_autofree char *root = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  g_autoptr(BylineApplication) app = NULL;
  gint64 start = g_get_monotonic_time ();

  gtk_init ();
  adw_init ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Bài số %u: Mỹ Quí ra quân làm thủy lợi", i);
      g_autofree char *id = write_article (root, title, "Chiều ngày 16/02/2023, Đoàn công tác của Ban Thường vụ Huyện ủy",
                                           "Thực hiện chương trình hành động của Huyện ủy và Kế hoạch phát triển kinh tế.");
    }
  g_print ("wrote %u drafts in %.3f s\n", n, seconds_since (start));

  app = byline_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  run_once (app, n, "first start (scan)");
  run_once (app, n, "second start (index)");
  return 0;
}
