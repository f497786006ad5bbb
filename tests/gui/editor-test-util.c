/* editor-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the editor's test programs share: an editor in a window with an
 * article of every kind of block, ways to find text and tags, real keys,
 * and undo through the editor's actions.
 */

#include "config.h"

#include <string.h>

#include <gdk/x11/gdkx.h>

#include "editor-test-util.h"

void
spin_until_idle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

gboolean
spin_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

guint
char_offset (const char *text,
             const char *needle)
{
  const char *found = strstr (text, needle);

  g_assert_nonnull (found);
  return g_utf8_pointer_to_offset (text, found);
}

static BylineBlock *
paragraph_with_marks (void)
{
  const char *text = "Chiều ngày 16/02/2023, Đoàn công tác đến xã Mỹ Quí.";
  BylineBlock *block = byline_block_new (BYLINE_BLOCK_PARAGRAPH, text);

  byline_block_add_mark (block, BYLINE_MARK_BOLD, 0, 5, NULL);
  byline_block_add_mark (block, BYLINE_MARK_ITALIC, char_offset (text, "ngày"), char_offset (text, "ngày") + 4, NULL);
  byline_block_add_mark (block, BYLINE_MARK_LINK, char_offset (text, "xã Mỹ Quí"),
                         char_offset (text, "xã Mỹ Quí") + 9, "https://thapmuoi.dongthap.gov.vn/");
  return block;
}

BylineArticle *
new_full_article (void)
{
  BylineArticle *article = byline_article_new ();
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  g_autoptr(BylinePhoto) photo = byline_photo_new (PHOTO_ID, "jpg");

  byline_photo_set_caption (photo, "Đoàn công tác làm việc tại xã Mỹ Quí");
  byline_article_add_photo (article, photo);
  byline_article_set_title (article, "Kiểm tra Chương trình hành động của Huyện ủy");
  byline_article_set_lead (article, "Đoàn công tác của Ban Thường vụ Huyện ủy làm việc với xã Mỹ Quí.");

  g_ptr_array_add (blocks, byline_block_new_heading (2, "Nhiệm vụ năm 2023"));
  g_ptr_array_add (blocks, paragraph_with_marks ());
  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_QUOTE, "Quan tâm sâu sát công tác lãnh đạo."));
  g_ptr_array_add (blocks, byline_block_new_list_item (FALSE, "Mã vùng trồng lúa"));
  g_ptr_array_add (blocks, byline_block_new_list_item (FALSE, "NTM nâng cao"));
  g_ptr_array_add (blocks, byline_block_new_list_item (TRUE, "Chính quyền phục vụ nhân dân"));
  g_ptr_array_add (blocks, byline_block_new_photo (PHOTO_ID));
  g_ptr_array_add (blocks, byline_block_new_heading (3, "Kết luận"));
  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "BT: Nguyễn Thu – Hình: Hoàng Kha"));
  byline_article_set_blocks (article, blocks);

  return article;
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  BylineArticle *(*make_article) (void) = (gpointer) data;

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->editor = BYLINE_EDITOR (byline_editor_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  gtk_window_set_default_size (fixture->window, 1000, 700);
  fixture->article = make_article != NULL ? make_article () : byline_article_new ();
  byline_editor_set_article (fixture->editor, fixture->article);
  gtk_window_present (fixture->window);
  spin_until_idle ();
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->editor), (gpointer *) &fixture->editor);
  gtk_window_destroy (fixture->window);
  spin_until_idle ();
  /* No reference cycles: the editor goes with its window. */
  g_assert_null (fixture->editor);
  g_clear_object (&fixture->article);
}

GtkTextBuffer *
body_of (Fixture *fixture)
{
  return GTK_TEXT_BUFFER (byline_editor_get_body_buffer (fixture->editor));
}

GObject *
child_of (Fixture    *fixture,
          const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (fixture->editor), BYLINE_TYPE_EDITOR, name);
}

char *
dup_slice (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
}

void
iter_at_text (GtkTextBuffer *buffer,
              const char    *needle,
              GtkTextIter   *start,
              GtkTextIter   *end)
{
  g_autofree char *text = dup_slice (buffer);
  guint offset = char_offset (text, needle);

  gtk_text_buffer_get_iter_at_offset (buffer, start, offset);
  gtk_text_buffer_get_iter_at_offset (buffer, end, offset + g_utf8_strlen (needle, -1));
}

gboolean
has_tag_named (const GtkTextIter *iter,
               const char        *name)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (gtk_text_iter_get_buffer (iter));

  return gtk_text_iter_has_tag (iter, gtk_text_tag_table_lookup (table, name));
}

void
assert_blocks_equal (GPtrArray *actual,
                     GPtrArray *expected)
{
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < actual->len; i++)
    {
      if (!byline_block_equal (actual->pdata[i], expected->pdata[i]))
        g_error ("block %u differs: \"%s\" (kind %d, %u marks) vs \"%s\" (kind %d, %u marks)", i,
                 byline_block_get_text (actual->pdata[i]), byline_block_get_kind (actual->pdata[i]),
                 byline_block_get_n_marks (actual->pdata[i]),
                 byline_block_get_text (expected->pdata[i]), byline_block_get_kind (expected->pdata[i]),
                 byline_block_get_n_marks (expected->pdata[i]));
    }
}

gboolean
can_undo (Fixture *fixture)
{
  BylineBodyHistory *history = byline_body_buffer_get_history (byline_editor_get_body_buffer (fixture->editor));

  return byline_body_history_get_can_undo (history);
}

gboolean
can_redo (Fixture *fixture)
{
  BylineBodyHistory *history = byline_body_buffer_get_history (byline_editor_get_body_buffer (fixture->editor));

  return byline_body_history_get_can_redo (history);
}

/* Undo and redo as the menu and the shortcuts do: through the editor's
 * actions, which must be enabled. */
void
undo (Fixture *fixture)
{
  g_assert_true (can_undo (fixture));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.undo", NULL));
}

void
redo (Fixture *fixture)
{
  g_assert_true (can_redo (fixture));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.redo", NULL));
}

/* Real key presses through the X server (XTEST), as a user types them:
 * checks that the shortcuts reach the editor, and reach it once (a
 * shortcut handled twice would toggle bold off). */
void
press_keys (Fixture    *fixture,
            const char *keys)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  const char *argv[] = { "xdotool", "windowfocus", "--sync", xid, "key", "--clearmodifiers", keys, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}
