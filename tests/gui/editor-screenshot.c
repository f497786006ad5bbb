/* editor-screenshot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders the editor and the article panel with the seed article to a PNG,
 * for people to look at (not a test: nothing is asserted).
 *
 *   tests/headless-run _build/tests/gui/editor-screenshot SEED.txt OUT.png
 *
 * Translations come from BYLINE_LOCALEDIR when set (LANGUAGE=vi for the
 * Vietnamese interface).
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "byline-article-panel.h"
#include "byline-editor.h"
#include "byline-find-bar.h"
#include "byline-import.h"

/* The seed is a page copied from a district website: three lines of page
 * furniture, the headline, paragraphs, and the credit line. */
static BylineArticle *
article_from_seed (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_auto(GStrv) all = NULL;
  g_auto(GStrv) writers = NULL;
  g_auto(GStrv) photographers = NULL;
  BylineArticle *article = byline_article_new ();
  const char *tags[] = { "Huyện ủy", "Mỹ Quí", "NTM", NULL };

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);

  all = g_strsplit (contents, "\n", -1);
  for (guint i = 0; all[i] != NULL; i++)
    if (*g_strstrip (all[i]) != '\0')
      g_ptr_array_add (lines, all[i]);
  g_assert (lines->len > 6);

  byline_article_set_language (article, "vi");
  byline_article_set_title (article, lines->pdata[3]);
  byline_article_set_lead (article, lines->pdata[4]);
  for (guint i = 5; i + 1 < lines->len; i++)
    {
      BylineBlock *block = byline_block_new (BYLINE_BLOCK_PARAGRAPH, lines->pdata[i]);
      const char *name = strstr (lines->pdata[i], "Nguyễn Văn Vũ Minh");

      /* What a reporter does first: the official's name in bold. */
      if (name != NULL)
        {
          guint start = g_utf8_pointer_to_offset (lines->pdata[i], name);

          byline_block_add_mark (block, BYLINE_MARK_BOLD, start, start + 18, NULL);
        }
      g_ptr_array_add (blocks, block);
    }
  /* The desk's usual additions, so every paragraph style shows. */
  if (g_getenv ("BYLINE_SCREENSHOT_STYLES") != NULL)
    {
      g_ptr_array_insert (blocks, 1 - 1, byline_block_new_heading (2, "05 nhiệm vụ đột phá năm 2023"));
      g_ptr_array_insert (blocks, 2 - 1, byline_block_new_list_item (TRUE, "Xây dựng mã vùng trồng lúa tại HTX Phước Tiến"));
      g_ptr_array_insert (blocks, 3 - 1, byline_block_new_list_item (TRUE, "Chương trình xây dựng NTM nâng cao"));
      g_ptr_array_insert (blocks, 4 - 1, byline_block_new_list_item (FALSE, "Đổi mới lề lối làm việc"));
      g_ptr_array_insert (blocks, 5 - 1, byline_block_new (BYLINE_BLOCK_QUOTE, "Quan tâm sâu sát công tác lãnh đạo thực hiện các nhiệm vụ chính trị."));
      g_ptr_array_insert (blocks, 6 - 1, byline_block_new_heading (3, "Phát biểu chỉ đạo"));
    }
  if (byline_import_parse_credit_line (lines->pdata[lines->len - 1], &writers, &photographers))
    {
      byline_article_set_writers (article, (const char * const *) writers);
      byline_article_set_photographers (article, (const char * const *) photographers);
    }
  byline_article_set_blocks (article, blocks);
  byline_article_set_category (article, "Tin tức");
  byline_article_set_tags (article, tags);
  byline_article_set_dateline (article, "Tháp Mười");
  byline_article_set_slugline (article, "kiem-tra-my-qui");

  return article;
}

static GtkWidget *editor_widget;

static GtkWidget *
build_window (BylineArticle *article)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *panes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *editor = byline_editor_new ();
  GtkWidget *panel = byline_article_panel_new ();

  editor_widget = editor;
  byline_editor_set_article (BYLINE_EDITOR (editor), article);
  byline_article_panel_set_article (BYLINE_ARTICLE_PANEL (panel), article);
  gtk_widget_set_hexpand (editor, TRUE);
  gtk_widget_set_size_request (panel, 340, -1);
  gtk_widget_add_css_class (panel, "background");

  gtk_box_append (GTK_BOX (panes), editor);
  gtk_box_append (GTK_BOX (panes), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (panes), panel);
  gtk_widget_set_vexpand (panes, TRUE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (byline_article_get_title (article), _("Byline")));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), panes);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);

  return window;
}

static void
spin_for (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
save_png (GtkWidget  *window,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Could not write %s", path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  const char *localedir = g_getenv ("BYLINE_LOCALEDIR");
  GtkWidget *window;

  if (argc != 3)
    {
      g_printerr ("Usage: %s SEED.txt OUT.png\n", argv[0]);
      return 2;
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_init ();
  adw_init ();
  gtk_css_provider_load_from_resource (css, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  article = article_from_seed (argv[1]);
  window = build_window (article);
  gtk_window_present (GTK_WINDOW (window));
  if (g_getenv ("BYLINE_SCREENSHOT_FIND") != NULL)
    {
      GObject *find_bar = gtk_widget_get_template_child (editor_widget, BYLINE_TYPE_EDITOR, "find_bar");

      gtk_widget_activate_action (editor_widget, "editor.find", NULL);
      byline_find_bar_set_search_text (BYLINE_FIND_BAR (find_bar), g_getenv ("BYLINE_SCREENSHOT_FIND"));
    }
  if (g_getenv ("BYLINE_SCREENSHOT_LINK") != NULL)
    {
      GtkTextBuffer *buffer = GTK_TEXT_BUFFER (byline_editor_get_body_buffer (BYLINE_EDITOR (editor_widget)));
      GtkTextIter start, end;

      spin_for (500);
      gtk_text_buffer_get_iter_at_line_offset (buffer, &start, 0, 10);
      gtk_text_buffer_get_iter_at_line_offset (buffer, &end, 0, 31);
      gtk_text_buffer_select_range (buffer, &start, &end);
      gtk_widget_grab_focus (GTK_WIDGET (byline_editor_get_body_view (BYLINE_EDITOR (editor_widget))));
      gtk_widget_activate_action (editor_widget, "editor.link", NULL);
    }
  /* Layout, the first frames and the idle spell check. */
  spin_for (1500);

  /* Popovers are windows of their own: only a shot of the screen has them. */
  if (g_getenv ("BYLINE_SCREENSHOT_SCREEN") != NULL)
    {
      const char *import[] = { "import", "-window", "root", argv[2], NULL };
      g_autoptr(GError) error = NULL;

      if (!g_spawn_sync (NULL, (char **) import, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
    }
  else
    save_png (window, argv[2]);
  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
