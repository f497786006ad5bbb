/* test-photo-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The photo strip, panel and cards as the window wires them: real JPEGs
 * made at test time with Vietnamese credits in their XMP, attached through
 * the path the file chooser uses, then edited, featured, moved, removed
 * and put into the text.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "byline-editor.h"
#include "byline-photo-card.h"
#include "byline-photo-panel.h"
#include "byline-photo-strip.h"
#include "byline-photo-tile.h"
#include "photo-fixtures.h"

typedef struct
{
  GtkWindow     *window;
  BylinePhotoStrip *strip;
  BylinePhotoPanel *panel;
  BylineEditor  *editor;
  BylineArticle *article;
  GFile         *bundle_dir;
  guint          inserted;
} Fixture;

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds; fails after 60 s (a hang,
 * not a speed measurement). */
#define SPIN_UNTIL(condition) \
  G_STMT_START { \
    gboolean timed_out_ = FALSE; \
    guint source_ = g_timeout_add_seconds (60, timeout_cb, &timed_out_); \
    while (!(condition) && !timed_out_) \
      g_main_context_iteration (NULL, TRUE); \
    g_assert_false (timed_out_); \
    g_source_remove (source_); \
  } G_STMT_END

static void
spin_until_idle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* The window's wiring, as byline-window.c is meant to do it. ---------- */

static void
selected_photo_cb (BylinePhotoStrip *strip,
                   GParamSpec       *pspec,
                   Fixture          *fixture)
{
  byline_photo_panel_set_photo (fixture->panel, byline_photo_strip_get_selected_photo (strip),
                                byline_photo_strip_get_bundle_dir (strip));
}

static void
insert_photo_cb (BylinePhotoStrip *strip,
                 const char       *photo_id,
                 Fixture          *fixture)
{
  fixture->inserted++;
  byline_photo_card_insert (fixture->editor, photo_id);
}

static GtkWidget *
create_photo_widget_cb (BylineEditor *editor,
                        const char   *photo_id,
                        Fixture      *fixture)
{
  return byline_photo_card_create_for_editor (editor, photo_id, fixture->bundle_dir);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *bundle = g_build_filename (g_get_user_data_dir (), "drafts", "test", NULL);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  /* Not made here: a new draft's bundle does not exist before its first
   * save, and attaching a photo must not fail on that. */
  fixture->bundle_dir = g_file_new_for_path (bundle);
  fixture->article = byline_article_new ();

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 700);
  fixture->strip = BYLINE_PHOTO_STRIP (byline_photo_strip_new ());
  fixture->panel = BYLINE_PHOTO_PANEL (byline_photo_panel_new ());
  fixture->editor = BYLINE_EDITOR (byline_editor_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (fixture->editor), TRUE);

  g_signal_connect (fixture->editor, "create-photo-widget", G_CALLBACK (create_photo_widget_cb), fixture);
  g_signal_connect (fixture->strip, "notify::selected-photo", G_CALLBACK (selected_photo_cb), fixture);
  g_signal_connect (fixture->strip, "insert-photo", G_CALLBACK (insert_photo_cb), fixture);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->editor));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->strip));
  gtk_paned_set_start_child (GTK_PANED (paned), box);
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (fixture->panel));
  gtk_window_set_child (fixture->window, paned);

  byline_editor_set_article (fixture->editor, fixture->article);
  byline_photo_strip_set_article (fixture->strip, fixture->article, fixture->bundle_dir);
  byline_photo_strip_watch_editor (fixture->strip, fixture->editor);
  gtk_window_present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *strip = GTK_WIDGET (fixture->strip);

  g_object_add_weak_pointer (G_OBJECT (strip), (gpointer *) &strip);
  gtk_window_destroy (fixture->window);
  spin_until_idle ();
  /* Nothing (a pending import, a thumbnail) keeps the strip alive. */
  g_assert_null (strip);

  g_clear_object (&fixture->article);
  g_clear_object (&fixture->bundle_dir);
}

/* Helpers ------------------------------------------------------------- */

static char *
make_photo (const char *name,
            const char *caption,
            const char *creator,
            const char *credit)
{
  char *path = fixture_make_image (name, 640, 480, 3);
  g_autofree char *description = g_strconcat ("set Xmp.dc.description LangAlt lang=x-default ", caption, NULL);
  g_autofree char *by = g_strconcat ("set Xmp.dc.creator XmpSeq ", creator, NULL);
  g_autofree char *credit_line = g_strconcat ("set Xmp.photoshop.Credit ", credit, NULL);

  fixture_exiv2_modify (path, description, by, credit_line, NULL);
  return path;
}

static void
attach (Fixture            *fixture,
        const char * const *paths)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);

      g_list_store_append (files, file);
    }

  byline_photo_strip_add_files (fixture->strip, G_LIST_MODEL (files));
  g_assert_true (byline_photo_strip_get_busy (fixture->strip));
  SPIN_UNTIL (!byline_photo_strip_get_busy (fixture->strip));
}

static guint
n_photos (Fixture *fixture)
{
  return g_list_model_get_n_items (byline_article_get_photos (fixture->article));
}

static BylinePhoto *
photo_at (Fixture *fixture,
          guint    position)
{
  g_autoptr(BylinePhoto) photo = g_list_model_get_item (byline_article_get_photos (fixture->article), position);

  return photo;
}

static BylinePhotoTile *
tile_of (Fixture     *fixture,
         BylinePhoto *photo)
{
  GtkWidget *tile = NULL;

  SPIN_UNTIL ((tile = byline_photo_strip_get_tile (fixture->strip, byline_photo_get_id (photo))) != NULL);
  return BYLINE_PHOTO_TILE (tile);
}

/* Three photos: two with Vietnamese credits, one PNG without any. */
static void
attach_three (Fixture *fixture)
{
  g_autofree char *a = make_photo ("DSC_0042.JPG", "Lễ hội đua ghe ngo trên sông Maspero",
                                   "Hoàng Kha", "Ảnh: Hoàng Kha / Báo Đồng Tháp");
  g_autofree char *b = make_photo ("DSC_0043.jpg", "Người dân đổ về hai bên bờ sông",
                                   "Nguyễn Thu", "Ảnh: Nguyễn Thu");
  g_autofree char *c = fixture_make_image ("chup-man-hinh.png", 400, 300, 3);

  attach (fixture, (const char * const[]) { a, b, c, NULL });
  g_assert_null (byline_photo_strip_get_message (fixture->strip));
  g_assert_cmpuint (n_photos (fixture), ==, 3);
}

static gboolean
body_has_photo (Fixture    *fixture,
                const char *photo_id)
{
  GPtrArray *blocks = byline_article_get_blocks (fixture->article);

  for (guint i = 0; i < blocks->len; i++)
    if (byline_block_get_kind (blocks->pdata[i]) == BYLINE_BLOCK_PHOTO
        && g_strcmp0 (byline_block_get_photo_id (blocks->pdata[i]), photo_id) == 0)
      return TRUE;
  return FALSE;
}

/* Tests --------------------------------------------------------------- */

static void
test_attach (Fixture       *fixture,
             gconstpointer  data)
{
  BylinePhoto *first, *third;
  BylinePhotoTile *tile;

  attach_three (fixture);

  first = photo_at (fixture, 0);
  g_assert_cmpstr (byline_photo_get_original_name (first), ==, "DSC_0042.JPG");
  g_assert_cmpstr (byline_photo_get_caption (first), ==, "Lễ hội đua ghe ngo trên sông Maspero");
  g_assert_cmpstr (byline_photo_get_creator (first), ==, "Hoàng Kha");
  g_assert_cmpstr (byline_photo_get_credit_line (first), ==, "Ảnh: Hoàng Kha / Báo Đồng Tháp");
  g_assert_cmpstr (byline_photo_get_original_name (photo_at (fixture, 1)), ==, "DSC_0043.jpg");
  third = photo_at (fixture, 2);
  g_assert_cmpstr (byline_photo_get_original_name (third), ==, "chup-man-hinh.png");
  g_assert_null (byline_photo_get_creator (third));

  /* The files are in the bundle, under their hash. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GFile) file = NULL;
      g_autofree char *relative = byline_photo_dup_bundle_path (photo_at (fixture, i));

      file = g_file_resolve_relative_path (fixture->bundle_dir, relative);
      g_assert_true (g_file_query_exists (file, NULL));
    }

  /* Thumbnails arrive from the worker; the first photo is featured. */
  for (guint i = 0; i < 3; i++)
    {
      tile = tile_of (fixture, photo_at (fixture, i));
      SPIN_UNTIL (gtk_picture_get_paintable (byline_photo_tile_get_picture (tile)) != NULL);
      g_assert_cmpint (gdk_paintable_get_intrinsic_width (gtk_picture_get_paintable (byline_photo_tile_get_picture (tile))), ==, 256);
      g_assert_true (gtk_widget_get_visible (byline_photo_tile_get_featured_badge (tile)) == (i == 0));
    }

  /* The last photo added is the one the panel shows. */
  g_assert_true (byline_photo_strip_get_selected_photo (fixture->strip) == third);
  g_assert_true (byline_photo_panel_get_photo (fixture->panel) == third);
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *a = make_photo ("a.jpg", "Chợ nổi", "Hoàng Kha", "Ảnh: Hoàng Kha");
  g_autofree char *copy = fixture_tmp_path ("same-photo-other-name.jpg");
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (a, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));

  attach (fixture, (const char * const[]) { a, NULL });
  g_assert_null (byline_photo_strip_get_message (fixture->strip));
  attach (fixture, (const char * const[]) { copy, a, NULL });

  g_assert_cmpuint (n_photos (fixture), ==, 1);
  g_assert_cmpstr (byline_photo_strip_get_message (fixture->strip), ==,
                   "This photo is already in the article\nThis photo is already in the article");

  /* A new batch starts with a clean message bar. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->strip), "photo-strip.dismiss-message", NULL);
  g_assert_null (byline_photo_strip_get_message (fixture->strip));
}

static void
test_corrupt (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *good = make_photo ("good.jpg", "Cầu Cao Lãnh", "Hoàng Kha", "Ảnh: Hoàng Kha");
  g_autofree char *truncated = fixture_tmp_path ("cut-short.jpg");
  g_autofree char *text = fixture_tmp_path ("notes.jpg");
  g_autofree char *contents = NULL;
  g_autofree char *photos_dir = NULL;
  g_auto(GStrv) names = NULL;
  const char *message;
  gsize length;

  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (truncated, contents, length / 3, NULL));
  g_assert_true (g_file_set_contents (text, "Không phải ảnh, chỉ là ghi chú.", -1, NULL));

  attach (fixture, (const char * const[]) { truncated, text, NULL });

  g_assert_cmpuint (n_photos (fixture), ==, 0);
  message = byline_photo_strip_get_message (fixture->strip);
  g_assert_nonnull (message);
  g_test_message ("message: %s", message);
  g_assert_nonnull (strstr (message, "Could not add “cut-short.jpg”: "));
  g_assert_nonnull (strstr (message, "Could not add “notes.jpg”: "));
  /* Shown, not only stored. */
  SPIN_UNTIL (gtk_widget_get_mapped (gtk_widget_get_first_child (GTK_WIDGET (fixture->strip))));

  /* Nothing half-imported is left in the bundle. */
  photos_dir = g_build_filename (g_file_peek_path (fixture->bundle_dir), "photos", NULL);
  names = fixture_list_dir (photos_dir);
  g_assert_cmpuint (g_strv_length (names), ==, 0);

  /* A good photo after the bad ones still goes in. */
  attach (fixture, (const char * const[]) { good, NULL });
  g_assert_cmpuint (n_photos (fixture), ==, 1);
  g_assert_null (byline_photo_strip_get_message (fixture->strip));
}

static void
test_panel (Fixture       *fixture,
            gconstpointer  data)
{
  BylinePhoto *photo;
  BylinePhotoTile *tile;
  GtkWidget *badge;

  attach_three (fixture);
  photo = photo_at (fixture, 0);
  byline_photo_strip_set_selected_photo (fixture->strip, photo);
  g_assert_true (byline_photo_panel_get_photo (fixture->panel) == photo);

  g_assert_cmpstr (gtk_editable_get_text (byline_photo_panel_get_row (fixture->panel, "creator")), ==, "Hoàng Kha");
  g_assert_cmpstr (gtk_editable_get_text (byline_photo_panel_get_row (fixture->panel, "alt-text")), ==, "");

  /* No alt text: the tile warns, and says why. */
  tile = tile_of (fixture, photo);
  badge = byline_photo_tile_get_warning_badge (tile);
  g_assert_true (gtk_widget_get_visible (badge));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (badge), ==, "No alt text");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (byline_photo_tile_get_warning_badge (tile_of (fixture, photo_at (fixture, 2)))),
                   ==, "No alt text\nNo credit");

  /* Typing in the panel edits the photo; decomposed input is stored NFC. */
  gtk_editable_set_text (byline_photo_panel_get_row (fixture->panel, "caption"),
                         "Đua ghe ngo mu\xcc\x80" "a lu\xcc\x83");
  g_assert_cmpstr (byline_photo_get_caption (photo), ==, "Đua ghe ngo mùa lũ");
  gtk_editable_set_text (byline_photo_panel_get_row (fixture->panel, "credit-line"), "Ảnh: TTXVN");
  g_assert_cmpstr (byline_photo_get_credit_line (photo), ==, "Ảnh: TTXVN");
  gtk_editable_set_text (byline_photo_panel_get_row (fixture->panel, "copyright"), "© Báo Đồng Tháp");
  g_assert_cmpstr (byline_photo_get_copyright (photo), ==, "© Báo Đồng Tháp");

  gtk_editable_set_text (byline_photo_panel_get_row (fixture->panel, "alt-text"),
                         "Hai chiếc ghe ngo rẽ sóng, hàng trăm người cổ vũ trên bờ");
  g_assert_cmpstr (byline_photo_get_alt_text (photo), ==, "Hai chiếc ghe ngo rẽ sóng, hàng trăm người cổ vũ trên bờ");
  g_assert_false (gtk_widget_get_visible (badge));

  /* A change from elsewhere (the model) shows in the panel. */
  byline_photo_set_creator (photo, "Lê Minh");
  g_assert_cmpstr (gtk_editable_get_text (byline_photo_panel_get_row (fixture->panel, "creator")), ==, "Lê Minh");

  /* Clearing the creator and the credit brings the warning back. */
  gtk_editable_set_text (byline_photo_panel_get_row (fixture->panel, "creator"), "");
  gtk_editable_set_text (byline_photo_panel_get_row (fixture->panel, "credit-line"), "");
  g_assert_true (gtk_widget_get_visible (badge));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (badge), ==, "No credit");
}

static char *
dup_order (Fixture *fixture)
{
  g_autoptr(GString) order = g_string_new (NULL);

  for (guint i = 0; i < n_photos (fixture); i++)
    g_string_append_printf (order, "%s%s", i > 0 ? " " : "",
                            byline_photo_get_original_name (photo_at (fixture, i)));
  return g_string_free (g_steal_pointer (&order), FALSE);
}

#define ASSERT_ORDER(fixture, expected) \
  G_STMT_START { \
    g_autofree char *order_ = dup_order (fixture); \
    g_assert_cmpstr (order_, ==, expected); \
  } G_STMT_END

static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *strip;
  BylinePhoto *second;
  g_autofree char *second_id = NULL;
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);

  attach_three (fixture);
  strip = GTK_WIDGET (fixture->strip);
  second = photo_at (fixture, 1);
  second_id = g_strdup (byline_photo_get_id (second));

  /* Feature: the article says so and the star moves. */
  g_assert_true (gtk_widget_activate_action (strip, "photo-strip.feature", "s", second_id));
  g_assert_cmpstr (byline_article_get_featured_photo (fixture->article), ==, second_id);
  g_assert_true (gtk_widget_get_visible (byline_photo_tile_get_featured_badge (tile_of (fixture, second))));
  g_assert_false (gtk_widget_get_visible (byline_photo_tile_get_featured_badge (tile_of (fixture, photo_at (fixture, 0)))));

  /* Reorder from the context menu's actions. */
  ASSERT_ORDER (fixture, "DSC_0042.JPG DSC_0043.jpg chup-man-hinh.png");
  gtk_widget_activate_action (strip, "photo-strip.move-right", "s", second_id);
  ASSERT_ORDER (fixture, "DSC_0042.JPG chup-man-hinh.png DSC_0043.jpg");
  gtk_widget_activate_action (strip, "photo-strip.move-right", "s", second_id);
  ASSERT_ORDER (fixture, "DSC_0042.JPG chup-man-hinh.png DSC_0043.jpg");
  gtk_widget_activate_action (strip, "photo-strip.move-left", "s", second_id);
  gtk_widget_activate_action (strip, "photo-strip.move-left", "s", second_id);
  ASSERT_ORDER (fixture, "DSC_0043.jpg DSC_0042.JPG chup-man-hinh.png");
  g_assert_cmpstr (byline_article_get_featured_photo (fixture->article), ==, second_id);

  /* Alt+Right and Alt+Left act on the selected photo, which stays
   * selected (the panel stays open). */
  byline_photo_strip_set_selected_photo (fixture->strip, second);
  gtk_widget_activate_action (strip, "photo-strip.selected", "s", "photo-strip.move-right");
  ASSERT_ORDER (fixture, "DSC_0042.JPG DSC_0043.jpg chup-man-hinh.png");
  g_assert_true (byline_photo_strip_get_selected_photo (fixture->strip) == second);
  g_assert_true (byline_photo_panel_get_photo (fixture->panel) == second);
  gtk_widget_activate_action (strip, "photo-strip.selected", "s", "photo-strip.move-left");
  ASSERT_ORDER (fixture, "DSC_0043.jpg DSC_0042.JPG chup-man-hinh.png");

  /* Remove: the photo and its place in the text go; Undo brings both. */
  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Chiều 16/02, hàng nghìn người xem đua ghe."));
  g_ptr_array_add (blocks, byline_block_new_photo (second_id));
  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Kết luận."));
  byline_article_set_blocks (fixture->article, blocks);
  g_assert_true (body_has_photo (fixture, second_id));

  gtk_widget_activate_action (strip, "photo-strip.remove", "s", second_id);
  g_assert_null (byline_article_find_photo (fixture->article, second_id));
  g_assert_false (body_has_photo (fixture, second_id));
  g_assert_cmpuint (byline_article_get_blocks (fixture->article)->len, ==, 2);
  ASSERT_ORDER (fixture, "DSC_0042.JPG chup-man-hinh.png");
  spin_until_idle ();
  g_assert_null (byline_photo_strip_get_tile (fixture->strip, second_id));

  gtk_widget_activate_action (strip, "photo-strip.undo-remove", NULL);
  ASSERT_ORDER (fixture, "DSC_0043.jpg DSC_0042.JPG chup-man-hinh.png");
  g_assert_true (body_has_photo (fixture, second_id));
  g_assert_cmpstr (byline_article_get_featured_photo (fixture->article), ==, second_id);
}

static GtkDropTarget *
drop_target_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  g_assert_not_reached ();
}

/* What a drop does once GTK has delivered it: the handlers of the tiles'
 * and the strip's drop targets, with the values a drag would carry. */
static gboolean
drop_value (GtkWidget    *widget,
            const GValue *value)
{
  gboolean accepted = FALSE;

  g_signal_emit_by_name (drop_target_of (widget), "drop", value, 10.0, 10.0, &accepted);
  return accepted;
}

static void
test_drop (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) files_value = G_VALUE_INIT;
  g_autofree char *d = make_photo ("dropped.jpg", "Bến Ninh Kiều", "Lê Minh", "Ảnh: Lê Minh");
  g_autoptr(GFile) file = g_file_new_for_path (d);
  g_autoptr(GSList) list = g_slist_prepend (NULL, file);

  attach_three (fixture);

  /* Drag the last photo onto the first one: it takes its place. */
  g_value_init (&value, BYLINE_TYPE_PHOTO);
  g_value_set_object (&value, photo_at (fixture, 2));
  g_assert_true (drop_value (GTK_WIDGET (tile_of (fixture, photo_at (fixture, 0))), &value));
  ASSERT_ORDER (fixture, "chup-man-hinh.png DSC_0042.JPG DSC_0043.jpg");

  /* And the first onto the last. */
  g_value_set_object (&value, photo_at (fixture, 0));
  g_assert_true (drop_value (GTK_WIDGET (tile_of (fixture, photo_at (fixture, 2))), &value));
  ASSERT_ORDER (fixture, "DSC_0042.JPG DSC_0043.jpg chup-man-hinh.png");

  /* Files from a file manager, dropped on the strip. */
  g_value_init (&files_value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&files_value, gdk_file_list_new_from_list (list));
  g_assert_true (drop_value (GTK_WIDGET (fixture->strip), &files_value));
  SPIN_UNTIL (!byline_photo_strip_get_busy (fixture->strip));
  ASSERT_ORDER (fixture, "DSC_0042.JPG DSC_0043.jpg chup-man-hinh.png dropped.jpg");
  g_assert_cmpstr (byline_photo_get_credit_line (photo_at (fixture, 3)), ==, "Ảnh: Lê Minh");
}

static void
test_insert (Fixture       *fixture,
             gconstpointer  data)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (byline_editor_get_body_buffer (fixture->editor));
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  BylinePhoto *photo;
  GtkTextChildAnchor *anchor;
  GtkWidget **widgets;
  BylinePhotoCard *card;
  GPtrArray *body;
  GtkTextIter iter;
  guint n_widgets;

  attach_three (fixture);
  photo = photo_at (fixture, 0);

  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Đoạn một."));
  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Đoạn hai."));
  byline_article_set_blocks (fixture->article, blocks);

  /* The caret in the middle of the first paragraph: the photo goes after it. */
  gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, 0, 3);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_activate_action (GTK_WIDGET (fixture->strip), "photo-strip.insert", "s", byline_photo_get_id (photo));
  g_assert_cmpuint (fixture->inserted, ==, 1);

  body = byline_article_get_blocks (fixture->article);
  g_assert_cmpuint (body->len, ==, 3);
  g_assert_cmpstr (byline_block_get_text (body->pdata[0]), ==, "Đoạn một.");
  g_assert_cmpint (byline_block_get_kind (body->pdata[1]), ==, BYLINE_BLOCK_PHOTO);
  g_assert_cmpstr (byline_block_get_photo_id (body->pdata[1]), ==, byline_photo_get_id (photo));
  g_assert_cmpstr (byline_block_get_text (body->pdata[2]), ==, "Đoạn hai.");

  /* The card in the text: picture and caption with the credit suffix. */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 1);
  anchor = gtk_text_iter_get_child_anchor (&iter);
  g_assert_nonnull (anchor);
  widgets = gtk_text_child_anchor_get_widgets (anchor, &n_widgets);
  g_assert_cmpuint (n_widgets, ==, 1);
  g_assert_true (BYLINE_IS_PHOTO_CARD (widgets[0]));
  card = BYLINE_PHOTO_CARD (widgets[0]);
  g_free (widgets);

  g_assert_cmpstr (byline_photo_card_get_caption (card), ==, "Lễ hội đua ghe ngo trên sông Maspero. Ảnh: Hoàng Kha");
  SPIN_UNTIL (gtk_picture_get_paintable (byline_photo_card_get_picture (card)) != NULL);

  /* Live: an edit in the panel shows at once in the text. */
  byline_photo_strip_set_selected_photo (fixture->strip, photo);
  gtk_editable_set_text (byline_photo_panel_get_row (fixture->panel, "caption"), "Ghe ngo về đích");
  g_assert_cmpstr (byline_photo_card_get_caption (card), ==, "Ghe ngo về đích. Ảnh: Hoàng Kha");
}

static void
test_paste (Fixture       *fixture,
            gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->strip));
  guchar pixels[16 * 12 * 4];
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *pasted_dir = g_build_filename (g_get_user_cache_dir (), APP_ID, "pasted", NULL);
  g_auto(GStrv) left = NULL;
  BylinePhoto *photo;

  for (guint i = 0; i < sizeof pixels; i++)
    pixels[i] = (i % 4 == 3) ? 255 : (guchar) (i * 7);
  bytes = g_bytes_new (pixels, sizeof pixels);
  texture = gdk_memory_texture_new (16, 12, GDK_MEMORY_R8G8B8A8, bytes, 16 * 4);

  /* Text alone is not for the strip. */
  gdk_clipboard_set_text (clipboard, "chỉ là chữ");
  g_assert_false (byline_photo_strip_paste (fixture->strip, clipboard));

  gdk_clipboard_set_texture (clipboard, texture);
  g_assert_true (byline_photo_strip_paste (fixture->strip, clipboard));
  SPIN_UNTIL (n_photos (fixture) == 1 && !byline_photo_strip_get_busy (fixture->strip));

  photo = photo_at (fixture, 0);
  g_assert_cmpstr (byline_photo_get_mime_type (photo), ==, "image/png");
  g_assert_cmpuint (byline_photo_get_width (photo), ==, 16);
  g_assert_cmpuint (byline_photo_get_height (photo), ==, 12);
  g_assert_true (g_str_has_prefix (byline_photo_get_original_name (photo), "Pasted image "));

  /* The bundle has its copy; the one in the cache is gone. */
  left = fixture_list_dir (pasted_dir);
  g_assert_cmpuint (g_strv_length (left), ==, 0);
}

/* Pasting into the text: an image or copied files are attached, text is
 * typed as usual. */
static void
test_paste_into_editor (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkTextView *view = byline_editor_get_body_view (fixture->editor);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  g_autofree char *a = make_photo ("copied.jpg", "Cầu Cao Lãnh", "Hoàng Kha", "Ảnh: Hoàng Kha");
  g_autoptr(GFile) file = g_file_new_for_path (a);
  g_autoptr(GSList) list = g_slist_prepend (NULL, file);
  GdkFileList *files = gdk_file_list_new_from_list (list);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gdk_clipboard_set_text (clipboard, "Chữ thường");
  g_signal_emit_by_name (view, "paste-clipboard");
  SPIN_UNTIL (gtk_text_buffer_get_char_count (buffer) > 0);
  spin_until_idle ();
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "Chữ thường");
  g_assert_cmpuint (n_photos (fixture), ==, 0);

  gdk_clipboard_set (clipboard, GDK_TYPE_FILE_LIST, files);
  g_boxed_free (GDK_TYPE_FILE_LIST, files);
  g_signal_emit_by_name (view, "paste-clipboard");
  SPIN_UNTIL (n_photos (fixture) == 1 && !byline_photo_strip_get_busy (fixture->strip));
  g_assert_cmpstr (byline_photo_get_creator (photo_at (fixture, 0)), ==, "Hoàng Kha");
  /* No path typed into the article. */
  g_clear_pointer (&text, g_free);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "Chữ thường");
}

static void
test_switch_article (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *a = make_photo ("slow.jpg", "Chợ nổi", "Hoàng Kha", "Ảnh: Hoàng Kha");
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = g_file_new_for_path (a);
  g_autoptr(BylineArticle) other = byline_article_new ();

  /* Switching drafts while a photo is being imported: it does not land in
   * the next draft. */
  g_list_store_append (files, file);
  byline_photo_strip_add_files (fixture->strip, G_LIST_MODEL (files));
  byline_photo_strip_set_article (fixture->strip, other, fixture->bundle_dir);
  g_assert_false (byline_photo_strip_get_busy (fixture->strip));
  spin_until_idle ();
  g_usleep (G_USEC_PER_SEC / 4);
  spin_until_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (byline_article_get_photos (other)), ==, 0);
  g_assert_cmpuint (n_photos (fixture), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();
  fixture_init ();

#define ADD(path, func) \
  g_test_add ("/photo-ui/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("attach", test_attach);
  ADD ("duplicate", test_duplicate);
  ADD ("corrupt", test_corrupt);
  ADD ("panel", test_panel);
  ADD ("actions", test_actions);
  ADD ("drop", test_drop);
  ADD ("insert", test_insert);
  ADD ("paste", test_paste);
  ADD ("paste-into-editor", test_paste_into_editor);
  ADD ("switch-article", test_switch_article);

#undef ADD

  return g_test_run ();
}
