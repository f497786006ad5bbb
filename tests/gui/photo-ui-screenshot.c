/* photo-ui-screenshot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: renders the editor, the photo strip and the photo panel with
 * three photos to a PNG, to look at.
 *   tests/headless-run _build/tests/gui/photo-ui-screenshot OUT.png
 * With BYLINE_SCREENSHOT_MENU=1 the second photo's context menu is open and
 * a damaged file was dropped (the message bar shows); the whole screen is
 * grabbed then, as popovers are windows of their own. With
 * BYLINE_SCREENSHOT_EMPTY=1 there are no photos.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "byline-editor.h"
#include "byline-photo-card.h"
#include "byline-photo-panel.h"
#include "byline-photo-strip.h"
#include "byline-photo-tile.h"
#include "gui-shot.h"
#include "photo-fixtures.h"

static BylinePhotoStrip *strip;
static BylinePhotoPanel *panel;
static GFile *bundle_dir;

static GtkWidget *
create_photo_widget_cb (BylineEditor *editor,
                        const char   *photo_id,
                        gpointer      user_data)
{
  return byline_photo_card_create_for_editor (editor, photo_id, bundle_dir);
}

static void
selected_photo_cb (BylinePhotoStrip *self)
{
  byline_photo_panel_set_photo (panel, byline_photo_strip_get_selected_photo (self), bundle_dir);
}

static void
insert_photo_cb (BylinePhotoStrip *self,
                 const char       *photo_id,
                 BylineEditor     *editor)
{
  byline_photo_card_insert (editor, photo_id);
}

static GtkWidget *
build_window (BylineArticle *article,
              BylineEditor **editor_out)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *main_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *editor = byline_editor_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (byline_article_get_title (article), _("Byline")));
  gtk_box_append (GTK_BOX (outer), header);

  strip = BYLINE_PHOTO_STRIP (byline_photo_strip_new ());
  panel = BYLINE_PHOTO_PANEL (byline_photo_panel_new ());
  gtk_widget_set_size_request (GTK_WIDGET (panel), 360, -1);
  gtk_widget_set_vexpand (editor, TRUE);
  g_signal_connect (editor, "create-photo-widget", G_CALLBACK (create_photo_widget_cb), NULL);
  g_signal_connect (strip, "notify::selected-photo", G_CALLBACK (selected_photo_cb), NULL);
  g_signal_connect (strip, "insert-photo", G_CALLBACK (insert_photo_cb), editor);

  gtk_box_append (GTK_BOX (main_box), editor);
  gtk_box_append (GTK_BOX (main_box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (main_box), GTK_WIDGET (strip));
  gtk_paned_set_start_child (GTK_PANED (paned), main_box);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), TRUE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (panel));
  gtk_paned_set_position (GTK_PANED (paned), 1280 - 380);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (outer), paned);

  adw_window_set_content (ADW_WINDOW (window), outer);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  byline_editor_set_article (BYLINE_EDITOR (editor), article);
  *editor_out = BYLINE_EDITOR (editor);
  return window;
}

static BylineArticle *
new_article (void)
{
  BylineArticle *article = byline_article_new ();
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);

  byline_article_set_title (article, "Sôi nổi Lễ hội đua ghe ngo trên sông Maspero");
  byline_article_set_lead (article, "Chiều 16/02, hàng nghìn người dân và du khách đổ về hai bên bờ sông "
                           "để cổ vũ 56 đội ghe ngo tranh tài.");
  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH,
                   "Ngay từ sáng sớm, các đội ghe ngo đã có mặt tại bến để chuẩn bị cho lượt đua đầu tiên. "
                   "Tiếng trống, tiếng hò reo vang khắp một đoạn sông dài hơn hai cây số."));
  byline_article_set_blocks (article, blocks);
  return article;
}

static void
attach_photos (BylineArticle *article)
{
  g_autofree char *a = gui_shot_make_scene ("DSC_0042.JPG", 0, 1200, 800, 0);
  g_autofree char *b = gui_shot_make_scene ("DSC_0043.JPG", 40, 1200, 800, 0);
  g_autofree char *c = gui_shot_make_scene ("DSC_0051.JPG", -30, 800, 1000, 0);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  const char *paths[] = { a, b, c };

  fixture_exiv2_modify (a, "set Xmp.dc.description LangAlt lang=x-default Các đội ghe ngo xuất phát ở lượt đua đầu tiên",
                        "set Xmp.dc.creator XmpSeq Hoàng Kha",
                        "set Xmp.photoshop.Credit Ảnh: Hoàng Kha / Báo Đồng Tháp",
                        "set Xmp.dc.rights LangAlt lang=x-default © Báo Đồng Tháp",
                        "set Xmp.photoshop.City Sóc Trăng",
                        "set Xmp.photoshop.DateCreated 2023-02-16",
                        "set Xmp.photoshop.Source Báo Đồng Tháp",
                        "set Xmp.iptc.AltTextAccessibility LangAlt lang=x-default Hai chiếc ghe ngo dài rẽ sóng, người dân cổ vũ trên bờ",
                        NULL);
  fixture_exiv2_modify (b, "set Xmp.dc.description LangAlt lang=x-default Người dân cổ vũ hai bên bờ sông",
                        "set Xmp.dc.creator XmpSeq Nguyễn Thu", NULL);
  fixture_exiv2_modify (c, "set Xmp.dc.description LangAlt lang=x-default Đội ghe về nhất",
                        "set Xmp.iptc.AltTextAccessibility LangAlt lang=x-default Các tay chèo giơ cao cúp vô địch",
                        NULL);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);

      g_list_store_append (files, file);
    }
  if (g_getenv ("BYLINE_SCREENSHOT_MENU") != NULL)
    {
      g_autofree char *broken = fixture_tmp_path ("IMG_2210.JPG");
      g_autofree char *contents = NULL;
      g_autoptr(GFile) broken_file = NULL;
      gsize length;

      g_file_get_contents (a, &contents, &length, NULL);
      g_file_set_contents (broken, contents, length / 4, NULL);
      broken_file = g_file_new_for_path (broken);
      g_list_store_append (files, broken_file);
    }
  byline_photo_strip_add_files (strip, G_LIST_MODEL (files));
  while (byline_photo_strip_get_busy (strip))
    g_main_context_iteration (NULL, TRUE);
  g_assert (g_list_model_get_n_items (byline_article_get_photos (article)) == 3);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  g_autofree char *bundle = NULL;
  g_autoptr(BylinePhoto) first = NULL;
  BylineEditor *editor;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  GtkWidget *window;

  if (argc != 2)
    {
      g_printerr ("Usage: %s OUT.png\n", argv[0]);
      return 2;
    }

  gui_shot_init_locale ();

  gtk_init ();
  adw_init ();
  fixture_init ();
  gtk_css_provider_load_from_resource (css, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  bundle = g_build_filename (g_get_user_data_dir (), "drafts", "screenshot", NULL);
  g_mkdir_with_parents (bundle, 0700);
  bundle_dir = g_file_new_for_path (bundle);

  article = new_article ();
  window = build_window (article, &editor);
  byline_photo_strip_set_article (strip, article, bundle_dir);
  gtk_window_present (GTK_WINDOW (window));
  if (g_getenv ("BYLINE_SCREENSHOT_EMPTY") != NULL)
    {
      /* A new draft: the empty strip and panel. */
      gui_shot_spin_for (1500);
      gui_shot_save_png (window, argv[1]);
      gtk_window_destroy (GTK_WINDOW (window));
      return 0;
    }
  attach_photos (article);

  /* The first photo into the text after the first paragraph, the second
   * left without alt text (its tile warns), the first shown in the panel. */
  first = g_list_model_get_item (byline_article_get_photos (article), 0);
  buffer = GTK_TEXT_BUFFER (byline_editor_get_body_buffer (editor));
  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_activate_action (GTK_WIDGET (strip), "photo-strip.insert", "s", byline_photo_get_id (first));
  byline_photo_strip_set_selected_photo (strip, first);

  /* Layout, the first frames and the thumbnails from the worker. */
  gui_shot_spin_for (2500);

  if (g_getenv ("BYLINE_SCREENSHOT_MENU") != NULL)
    {
      g_autoptr(BylinePhoto) second = g_list_model_get_item (byline_article_get_photos (article), 1);
      const char *argv_import[] = { "import", "-window", "root", argv[1], NULL };
      g_autoptr(GError) error = NULL;

      byline_photo_tile_popup_menu (BYLINE_PHOTO_TILE (byline_photo_strip_get_tile (strip, byline_photo_get_id (second))));
      gui_shot_spin_for (800);
      if (!g_spawn_sync (NULL, (char **) argv_import, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, &error))
        g_error ("import: %s", error->message);
    }
  else
    gui_shot_save_png (window, argv[1]);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&bundle_dir);

  return 0;
}
