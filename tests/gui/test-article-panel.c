/* test-article-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The metadata rows beside the editor, both ways: what is typed reaches
 * the article, what changes in the article shows in the rows.
 */

#include "config.h"

#include <adwaita.h>

#include "byline-article-panel.h"

static void
spin_until_idle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

typedef struct
{
  GtkWindow          *window;
  BylineArticlePanel *panel;
  BylineArticle      *article;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->panel = BYLINE_ARTICLE_PANEL (byline_article_panel_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->panel));
  fixture->article = byline_article_new ();
  byline_article_set_category (fixture->article, "Thời sự");
  byline_article_panel_set_article (fixture->panel, fixture->article);
  gtk_window_present (fixture->window);
  spin_until_idle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->panel), (gpointer *) &fixture->panel);
  gtk_window_destroy (fixture->window);
  spin_until_idle ();
  g_assert_null (fixture->panel);
  g_clear_object (&fixture->article);
}

static GObject *
child_of (Fixture    *fixture,
          const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (fixture->panel), BYLINE_TYPE_ARTICLE_PANEL, name);
}

static void
set_row (Fixture    *fixture,
         const char *name,
         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child_of (fixture, name)), text);
}

static const char *
row_text (Fixture    *fixture,
          const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (child_of (fixture, name)));
}

static void
test_panel_text_rows (Fixture       *fixture,
                      gconstpointer  data)
{
  g_assert_cmpstr (row_text (fixture, "category_row"), ==, "Thời sự");

  /* Typed text goes to the article, in NFC. */
  set_row (fixture, "category_row", "Kinh te\xcc\x82\xcc\x81");
  g_assert_cmpstr (byline_article_get_category (fixture->article), ==, "Kinh tế");
  set_row (fixture, "dateline_row", "Tháp Mười");
  g_assert_cmpstr (byline_article_get_dateline (fixture->article), ==, "Tháp Mười");
  set_row (fixture, "slugline_row", "kiem-tra-my-qui");
  g_assert_cmpstr (byline_article_get_slugline (fixture->article), ==, "kiem-tra-my-qui");

  /* Emptied, the field is absent. */
  set_row (fixture, "dateline_row", "");
  g_assert_null (byline_article_get_dateline (fixture->article));

  /* And the other way. */
  byline_article_set_slugline (fixture->article, "my-qui");
  g_assert_cmpstr (row_text (fixture, "slugline_row"), ==, "my-qui");
}

static void
test_panel_lists (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *tags[] = { "Huyện ủy", "Mỹ Quí", "NTM", NULL };
  const char *writers[] = { "Nguyễn Thu", NULL };
  const char *photographers[] = { "Hoàng Kha", "Lê Văn", NULL };

  set_row (fixture, "tags_row", "Huyện ủy, Mỹ Quí ,, NTM,");
  g_assert_cmpstrv (byline_article_get_tags (fixture->article), tags);
  /* Half-typed text stays as typed: no echo of the model's clean list. */
  g_assert_cmpstr (row_text (fixture, "tags_row"), ==, "Huyện ủy, Mỹ Quí ,, NTM,");

  set_row (fixture, "writers_row", "Nguyễn Thu");
  g_assert_cmpstrv (byline_article_get_writers (fixture->article), writers);

  byline_article_set_photographers (fixture->article, photographers);
  g_assert_cmpstr (row_text (fixture, "photographers_row"), ==, "Hoàng Kha, Lê Văn");
}

static void
test_panel_language_and_priority (Fixture       *fixture,
                                  gconstpointer  data)
{
  AdwComboRow *language = ADW_COMBO_ROW (child_of (fixture, "language_row"));
  GtkAdjustment *priority = GTK_ADJUSTMENT (child_of (fixture, "priority_adjustment"));

  adw_combo_row_set_selected (language, 1);
  g_assert_cmpstr (byline_article_get_language (fixture->article), ==, "en");
  adw_combo_row_set_selected (language, 0);
  g_assert_cmpstr (byline_article_get_language (fixture->article), ==, "vi");
  byline_article_set_language (fixture->article, "en");
  g_assert_cmpuint (adw_combo_row_get_selected (language), ==, 1);

  g_assert_cmpfloat (gtk_adjustment_get_value (priority), ==, 5);
  gtk_adjustment_set_value (priority, 2);
  g_assert_cmpuint (byline_article_get_priority (fixture->article), ==, 2);
  byline_article_set_priority (fixture->article, 9);
  g_assert_cmpfloat (gtk_adjustment_get_value (priority), ==, 9);
}

static void
test_panel_embargo (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *row = GTK_WIDGET (child_of (fixture, "embargo_row"));
  g_autoptr(GDateTime) local = g_date_time_new_local (2026, 12, 1, 8, 30, 0);
  g_autoptr(GDateTime) expected = g_date_time_to_utc (local);
  GDateTime *embargo;

  /* Local time in, UTC stored. */
  set_row (fixture, "embargo_row", "2026-12-01 08:30");
  embargo = byline_article_get_embargo (fixture->article);
  g_assert_nonnull (embargo);
  g_assert_true (g_date_time_equal (embargo, expected));
  g_assert_cmpint (g_date_time_get_utc_offset (embargo), ==, 0);
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* Not a date: flagged, and the article keeps its embargo. */
  set_row (fixture, "embargo_row", "2026-13-01 08:30");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (g_date_time_equal (byline_article_get_embargo (fixture->article), expected));
  set_row (fixture, "embargo_row", "mai 8 giờ");
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  /* Empty: no embargo. */
  set_row (fixture, "embargo_row", "");
  g_assert_null (byline_article_get_embargo (fixture->article));
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  byline_article_set_embargo (fixture->article, expected);
  g_assert_cmpstr (row_text (fixture, "embargo_row"), ==, "2026-12-01 08:30");
}

static void
test_panel_desk_note (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkTextBuffer *note = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child_of (fixture, "desk_note_view")));

  gtk_text_buffer_set_text (note, "Chờ ảnh từ Hoàng Kha.\nĐăng sau 9 giờ.", -1);
  g_assert_cmpstr (byline_article_get_desk_note (fixture->article), ==, "Chờ ảnh từ Hoàng Kha.\nĐăng sau 9 giờ.");
}

static void
test_panel_switch_article (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(BylineArticle) other = byline_article_new ();

  byline_article_panel_set_article (fixture->panel, other);
  g_assert_cmpstr (row_text (fixture, "category_row"), ==, "");

  /* The first article is no longer edited by the rows. */
  set_row (fixture, "category_row", "Thể thao");
  g_assert_cmpstr (byline_article_get_category (other), ==, "Thể thao");
  g_assert_cmpstr (byline_article_get_category (fixture->article), ==, "Thời sự");

  byline_article_panel_set_article (fixture->panel, NULL);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (child_of (fixture, "scroller"))));
}

static void
test_panel_parse_helpers (void)
{
  const char *none[] = { NULL };
  g_auto(GStrv) empty = byline_article_panel_split_list (" , ,");
  g_autoptr(GDateTime) leap = byline_article_panel_parse_embargo ("2028-02-29 23:59");

  g_assert_cmpstrv (empty, none);
  g_assert_nonnull (leap);
  g_assert_null (byline_article_panel_parse_embargo ("2027-02-29 10:00"));
  g_assert_null (byline_article_panel_parse_embargo ("2026-12-01 24:00"));
  g_assert_null (byline_article_panel_parse_embargo ("2026-12-01 08:30x"));
  g_assert_null (byline_article_panel_parse_embargo ("2026-12-01"));
  g_assert_null (byline_article_panel_parse_embargo (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/article-panel/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("text-rows", test_panel_text_rows);
  ADD ("lists", test_panel_lists);
  ADD ("language-and-priority", test_panel_language_and_priority);
  ADD ("embargo", test_panel_embargo);
  ADD ("desk-note", test_panel_desk_note);
  ADD ("switch-article", test_panel_switch_article);
  g_test_add_func ("/article-panel/parse-helpers", test_panel_parse_helpers);

#undef ADD

  return g_test_run ();
}
