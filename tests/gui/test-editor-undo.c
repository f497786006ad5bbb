/* test-editor-undo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Undo and redo in the body as a reporter uses them: formatting comes and
 * goes with the text, typing undoes by words, a paste is one step, and a
 * loaded article cannot be undone.
 */

#include "config.h"

#include <string.h>

#include "editor-test-util.h"

static GtkTextTag *
tag_named (GtkTextBuffer *buffer,
           const char    *name)
{
  return gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
}

/* Keystrokes as GtkTextView commits them: each one a user action at the
 * caret. */
static void
type_text (GtkTextBuffer *buffer,
           const char    *text)
{
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, c, g_utf8_next_char (c) - c, TRUE);
      gtk_text_buffer_end_user_action (buffer);
    }
}

static char *
body_text (Fixture *fixture)
{
  return dup_slice (body_of (fixture));
}

#define assert_body_text(fixture, expected) \
  G_STMT_START { \
    g_autofree char *text_ = body_text (fixture); \
    g_assert_cmpstr (text_, ==, (expected)); \
  } G_STMT_END

static gboolean
block_has_mark (BylineBlock    *block,
                BylineMarkKind  kind)
{
  for (guint i = 0; i < byline_block_get_n_marks (block); i++)
    if (byline_block_get_mark (block, i)->kind == kind)
      return TRUE;

  return FALSE;
}

static void
test_editor_undo_format (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkTextBuffer *buffer = body_of (fixture);
  g_autoptr(GPtrArray) original = g_ptr_array_ref (byline_article_get_blocks (fixture->article));
  GtkTextIter start, end;

  /* Bold a word of the quote, undo, redo. */
  iter_at_text (buffer, "Quan tâm", &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.bold", NULL));
  iter_at_text (buffer, "Quan tâm", &start, &end);
  g_assert_true (has_tag_named (&start, "bold"));
  byline_editor_flush (fixture->editor);
  g_assert_true (block_has_mark (byline_article_get_blocks (fixture->article)->pdata[2], BYLINE_MARK_BOLD));

  undo (fixture);
  iter_at_text (buffer, "Quan tâm", &start, &end);
  g_assert_false (has_tag_named (&start, "bold"));
  /* The selection the format was made on comes back with it. */
  {
    GtkTextIter sel_start, sel_end;

    g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end));
    g_assert_true (gtk_text_iter_equal (&sel_start, &start));
    g_assert_true (gtk_text_iter_equal (&sel_end, &end));
  }
  g_assert_false (can_undo (fixture));
  /* The model follows by itself, as after typing: autosave sees it. */
  SPIN_UNTIL (!block_has_mark (byline_article_get_blocks (fixture->article)->pdata[2], BYLINE_MARK_BOLD));
  assert_blocks_equal (byline_article_get_blocks (fixture->article), original);

  redo (fixture);
  g_assert_false (can_redo (fixture));
  iter_at_text (buffer, "Quan tâm", &start, &end);
  g_assert_true (has_tag_named (&start, "bold"));
  g_assert_true (gtk_text_iter_ends_tag (&end, tag_named (buffer, "bold")));
  byline_editor_flush (fixture->editor);
  g_assert_true (block_has_mark (byline_article_get_blocks (fixture->article)->pdata[2], BYLINE_MARK_BOLD));

  /* A new edit after an undo drops what could be redone. */
  undo (fixture);
  g_assert_true (can_redo (fixture));
  iter_at_text (buffer, "Quan tâm", &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.italic", NULL));
  g_assert_false (can_redo (fixture));
}

static void
test_editor_undo_paragraph_style (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkTextBuffer *buffer = body_of (fixture);
  BylineBodyBuffer *body = BYLINE_BODY_BUFFER (buffer);
  g_autoptr(GPtrArray) original = g_ptr_array_ref (byline_article_get_blocks (fixture->article));
  GtkTextIter iter;

  /* The paragraph with marks becomes a heading, then back. */
  gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, 1, 3);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.heading2", NULL));
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 1);
  g_assert_cmpint (byline_body_buffer_get_paragraph_style (body, &iter), ==, BYLINE_PARAGRAPH_STYLE_HEADING2);

  undo (fixture);
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 1);
  g_assert_cmpint (byline_body_buffer_get_paragraph_style (body, &iter), ==, BYLINE_PARAGRAPH_STYLE_PARAGRAPH);
  g_assert_false (has_tag_named (&iter, "heading2"));
  byline_editor_flush (fixture->editor);
  assert_blocks_equal (byline_article_get_blocks (fixture->article), original);

  redo (fixture);
  byline_editor_flush (fixture->editor);
  g_assert_cmpint (byline_block_get_kind (byline_article_get_blocks (fixture->article)->pdata[1]), ==,
                   BYLINE_BLOCK_HEADING);
  /* The marks of the paragraph are still there, in the heading. */
  g_assert_cmpuint (byline_block_get_n_marks (byline_article_get_blocks (fixture->article)->pdata[1]), ==, 3);

  /* Backspace at the start of a line joins it to the heading above (the
   * joined line takes the heading's style); undo splits them again, each
   * with its own style. */
  undo (fixture);
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 1);
  g_assert_true (gtk_text_buffer_backspace (buffer, &iter, TRUE, TRUE));
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 0);
  g_assert_cmpint (byline_body_buffer_get_paragraph_style (body, &iter), ==, BYLINE_PARAGRAPH_STYLE_HEADING2);
  g_assert_cmpint (gtk_text_buffer_get_line_count (buffer), ==, (int) original->len - 1);
  undo (fixture);
  byline_editor_flush (fixture->editor);
  assert_blocks_equal (byline_article_get_blocks (fixture->article), original);

  /* Enter at the end of the heading starts a plain paragraph; undo leaves
   * the heading alone. */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 0);
  gtk_text_iter_forward_to_line_end (&iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  type_text (buffer, "\nMở");
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 1);
  g_assert_cmpint (byline_body_buffer_get_paragraph_style (body, &iter), ==, BYLINE_PARAGRAPH_STYLE_PARAGRAPH);
  undo (fixture);
  undo (fixture);
  byline_editor_flush (fixture->editor);
  assert_blocks_equal (byline_article_get_blocks (fixture->article), original);
  redo (fixture);
  redo (fixture);
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 0);
  g_assert_cmpint (byline_body_buffer_get_paragraph_style (body, &iter), ==, BYLINE_PARAGRAPH_STYLE_HEADING2);
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 1);
  g_assert_cmpint (byline_body_buffer_get_paragraph_style (body, &iter), ==, BYLINE_PARAGRAPH_STYLE_PARAGRAPH);
  undo (fixture);
  undo (fixture);

  /* A list item made a quote, then back: the list keeps its kind. */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 5);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.quote", NULL));
  undo (fixture);
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 5);
  g_assert_cmpint (byline_body_buffer_get_paragraph_style (body, &iter), ==, BYLINE_PARAGRAPH_STYLE_NUMBERED);
}

static void
test_editor_undo_link (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkTextBuffer *buffer = body_of (fixture);
  BylineBodyBuffer *body = BYLINE_BODY_BUFFER (buffer);
  GtkEditable *entry = GTK_EDITABLE (child_of (fixture, "link_entry"));
  g_autoptr(GPtrArray) original = g_ptr_array_ref (byline_article_get_blocks (fixture->article));
  GtkTextIter start, end;

  /* Removing a link drops its tag from the table; undo brings the link
   * back with its address. */
  iter_at_text (buffer, "Mỹ", &start, &end);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.link", NULL));
  gtk_editable_set_text (entry, "");
  g_signal_emit_by_name (entry, "activate");
  iter_at_text (buffer, "Mỹ", &start, &end);
  g_assert_null (byline_body_buffer_get_link (body, &start, NULL, NULL));

  undo (fixture);
  iter_at_text (buffer, "Mỹ", &start, &end);
  g_assert_cmpstr (byline_body_buffer_get_link (body, &start, &start, &end), ==, "https://thapmuoi.dongthap.gov.vn/");
  {
    g_autofree char *linked = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (linked, ==, "xã Mỹ Quí");
  }
  byline_editor_flush (fixture->editor);
  assert_blocks_equal (byline_article_get_blocks (fixture->article), original);

  /* A new link on a selection, undone and redone. */
  iter_at_text (buffer, "Kết luận", &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.link", NULL));
  gtk_editable_set_text (entry, "baodongthap.vn");
  g_signal_emit_by_name (entry, "activate");
  undo (fixture);
  iter_at_text (buffer, "Kết luận", &start, &end);
  g_assert_null (byline_body_buffer_get_link (body, &start, NULL, NULL));
  redo (fixture);
  iter_at_text (buffer, "Kết luận", &start, &end);
  g_assert_cmpstr (byline_body_buffer_get_link (body, &start, NULL, NULL), ==, "https://baodongthap.vn");
}

static void
test_editor_undo_delete (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkTextBuffer *buffer = body_of (fixture);
  BylineBodyBuffer *body = BYLINE_BODY_BUFFER (buffer);
  g_autoptr(GPtrArray) original = g_ptr_array_ref (byline_article_get_blocks (fixture->article));
  g_autofree char *before = body_text (fixture);
  GtkTextIter start, end, iter;

  /* The heading and the bold word after it, cut at once. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  iter_at_text (buffer, "Chiều", &iter, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_text_buffer_delete_selection (buffer, TRUE, TRUE));
  byline_editor_flush (fixture->editor);
  g_assert_cmpuint (byline_article_get_blocks (fixture->article)->len, ==, original->len - 1);

  undo (fixture);
  assert_body_text (fixture, before);
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 0);
  g_assert_cmpint (byline_body_buffer_get_paragraph_style (body, &iter), ==, BYLINE_PARAGRAPH_STYLE_HEADING2);
  iter_at_text (buffer, "Chiều", &start, &end);
  g_assert_true (has_tag_named (&start, "bold"));
  g_assert_false (has_tag_named (&start, "heading2"));
  g_assert_true (gtk_text_iter_ends_tag (&end, tag_named (buffer, "bold")));
  byline_editor_flush (fixture->editor);
  assert_blocks_equal (byline_article_get_blocks (fixture->article), original);

  /* Redo cuts it again; undo once more gives the same article. */
  redo (fixture);
  byline_editor_flush (fixture->editor);
  g_assert_cmpuint (byline_article_get_blocks (fixture->article)->len, ==, original->len - 1);
  undo (fixture);
  byline_editor_flush (fixture->editor);
  assert_blocks_equal (byline_article_get_blocks (fixture->article), original);

  /* Text an input method left decomposed (a lone combining mark after
   * its letter) comes back character for character, so the bold over it
   * still ends where it did. */
  iter_at_text (buffer, "Chiều", &start, &end);
  gtk_text_buffer_insert (buffer, &start, "Hoa", -1);
  gtk_text_buffer_insert (buffer, &start, "\xcc\x80 ", -1);
  g_free (before);
  before = body_text (fixture);
  {
    g_autoptr(GPtrArray) decomposed = byline_body_buffer_dup_blocks (body);
    g_autoptr(GPtrArray) again = NULL;

    gtk_text_buffer_get_iter_at_line (buffer, &start, 1);
    iter_at_text (buffer, "Chiều", &iter, &end);
    gtk_text_buffer_select_range (buffer, &start, &end);
    g_assert_true (gtk_text_buffer_delete_selection (buffer, TRUE, TRUE));
    undo (fixture);
    assert_body_text (fixture, before);
    again = byline_body_buffer_dup_blocks (body);
    assert_blocks_equal (again, decomposed);
    iter_at_text (buffer, "Chiều", &start, &end);
    g_assert_true (gtk_text_iter_ends_tag (&end, tag_named (buffer, "bold")));
  }
  undo (fixture);
  undo (fixture);
  byline_editor_flush (fixture->editor);
  assert_blocks_equal (byline_article_get_blocks (fixture->article), original);

  /* Backspace over a bold word and its list neighbours, key by key. */
  iter_at_text (buffer, "NTM nâng cao", &start, &end);
  gtk_text_buffer_place_cursor (buffer, &start);
  for (guint i = 0; i < 3; i++)
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      g_assert_true (gtk_text_buffer_backspace (buffer, &iter, TRUE, TRUE));
    }
  undo (fixture);
  undo (fixture);
  byline_editor_flush (fixture->editor);
  assert_blocks_equal (byline_article_get_blocks (fixture->article), original);
}

static void
test_editor_undo_photo (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkTextBuffer *buffer = body_of (fixture);
  g_autoptr(GPtrArray) original = g_ptr_array_ref (byline_article_get_blocks (fixture->article));
  GtkTextChildAnchor *anchor;
  GtkWidget **widgets;
  GtkTextIter start, end;
  guint n_widgets;

  /* The photo card's line, deleted with the key. */
  gtk_text_buffer_get_iter_at_line (buffer, &start, 6);
  gtk_text_buffer_get_iter_at_line (buffer, &end, 7);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_text_buffer_delete_selection (buffer, TRUE, TRUE));
  {
    g_autofree char *text = body_text (fixture);
    g_assert_null (strstr (text, "\xef\xbf\xbc"));
  }

  undo (fixture);
  gtk_text_buffer_get_iter_at_line (buffer, &start, 6);
  anchor = gtk_text_iter_get_child_anchor (&start);
  g_assert_nonnull (anchor);
  g_assert_cmpstr (byline_body_buffer_get_anchor_photo (anchor), ==, PHOTO_ID);
  /* …with its card. */
  widgets = gtk_text_child_anchor_get_widgets (anchor, &n_widgets);
  g_assert_cmpuint (n_widgets, ==, 1);
  g_free (widgets);
  byline_editor_flush (fixture->editor);
  assert_blocks_equal (byline_article_get_blocks (fixture->article), original);

  redo (fixture);
  byline_editor_flush (fixture->editor);
  g_assert_cmpuint (byline_article_get_blocks (fixture->article)->len, ==, original->len - 1);
  undo (fixture);
  byline_editor_flush (fixture->editor);
  assert_blocks_equal (byline_article_get_blocks (fixture->article), original);
}

static void
test_editor_undo_typing (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkTextBuffer *buffer = body_of (fixture);
  GtkTextIter iter;

  /* A word and its space are one step, as in GtkTextView. */
  type_text (buffer, "một hai ba");
  undo (fixture);
  assert_body_text (fixture, "một hai ");
  undo (fixture);
  assert_body_text (fixture, "một ");
  undo (fixture);
  assert_body_text (fixture, "");
  g_assert_false (can_undo (fixture));
  redo (fixture);
  redo (fixture);
  redo (fixture);
  assert_body_text (fixture, "một hai ba");
  g_assert_false (can_redo (fixture));

  /* Enter ends a step too, and the new paragraph is one of its own. */
  type_text (buffer, "\nbốn");
  undo (fixture);
  assert_body_text (fixture, "một hai ba\n");
  undo (fixture);
  assert_body_text (fixture, "một hai ba");

  /* Bold switched on between two words is a step between them. */
  type_text (buffer, " năm");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.bold", NULL));
  type_text (buffer, "sáu");
  byline_editor_flush (fixture->editor);
  g_assert_true (block_has_mark (byline_article_get_blocks (fixture->article)->pdata[0], BYLINE_MARK_BOLD));
  undo (fixture);
  assert_body_text (fixture, "một hai ba năm");
  byline_editor_flush (fixture->editor);
  g_assert_false (block_has_mark (byline_article_get_blocks (fixture->article)->pdata[0], BYLINE_MARK_BOLD));

  /* A caret moved away and back ends the step. */
  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  type_text (buffer, "m");
  undo (fixture);
  assert_body_text (fixture, "một hai ba năm");

  /* Backspace, key by key, undoes by words as well: a word with the
   * space before it. */
  for (guint i = 0; i < 6; i++)
    {
      gtk_text_buffer_get_end_iter (buffer, &iter);
      g_assert_true (gtk_text_buffer_backspace (buffer, &iter, TRUE, TRUE));
    }
  assert_body_text (fixture, "một hai ");
  undo (fixture);
  assert_body_text (fixture, "một hai ba");
  undo (fixture);
  assert_body_text (fixture, "một hai ba năm");
}

static void
test_editor_undo_paste (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char html[] = "<h2>Tiêu đề</h2><p>Đoạn <b>đậm</b>.</p><ul><li>Một</li><li>Hai</li></ul>";
  GtkTextView *view = byline_editor_get_body_view (fixture->editor);
  GtkTextBuffer *buffer = body_of (fixture);
  g_autoptr(GBytes) bytes = g_bytes_new_static (html, strlen (html));
  g_autoptr(GdkContentProvider) provider = gdk_content_provider_new_for_bytes ("text/html", bytes);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  int n_chars;

  /* Typing right before a rich paste: the paste is one step of its own. */
  type_text (buffer, "Mở");
  g_assert_true (gdk_clipboard_set_content (clipboard, provider));
  n_chars = gtk_text_buffer_get_char_count (buffer);
  g_signal_emit_by_name (view, "paste-clipboard");
  SPIN_UNTIL (gtk_text_buffer_get_char_count (buffer) > n_chars);
  byline_editor_flush (fixture->editor);
  g_assert_cmpuint (byline_article_get_blocks (fixture->article)->len, ==, 4);
  type_text (buffer, "x");

  undo (fixture);
  undo (fixture);
  assert_body_text (fixture, "Mở");
  byline_editor_flush (fixture->editor);
  g_assert_cmpuint (byline_article_get_blocks (fixture->article)->len, ==, 1);
  g_assert_cmpint (byline_block_get_kind (byline_article_get_blocks (fixture->article)->pdata[0]), ==,
                   BYLINE_BLOCK_PARAGRAPH);
  redo (fixture);
  byline_editor_flush (fixture->editor);
  g_assert_cmpuint (byline_article_get_blocks (fixture->article)->len, ==, 4);
  g_assert_true (block_has_mark (byline_article_get_blocks (fixture->article)->pdata[1], BYLINE_MARK_BOLD));

  /* Plain text pasted after typing: one step as well. */
  gdk_clipboard_set_text (clipboard, " và kế hoạch");
  n_chars = gtk_text_buffer_get_char_count (buffer);
  g_signal_emit_by_name (view, "paste-clipboard");
  SPIN_UNTIL (gtk_text_buffer_get_char_count (buffer) > n_chars);
  type_text (buffer, "y");
  undo (fixture);
  undo (fixture);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, n_chars);
}

static void
test_editor_undo_after_load (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkTextBuffer *buffer = body_of (fixture);
  g_autofree char *loaded = body_text (fixture);
  g_autoptr(BylineArticle) other = byline_article_new ();

  /* A loaded article cannot be undone back to an empty body. */
  g_assert_false (can_undo (fixture));
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.undo", NULL);
  assert_body_text (fixture, loaded);

  /* Nor can the next article be undone into the previous one. */
  type_text (buffer, "Sửa ");
  g_assert_true (can_undo (fixture));
  byline_editor_set_article (fixture->editor, other);
  g_assert_false (can_undo (fixture));
  g_assert_false (can_redo (fixture));
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.undo", NULL);
  assert_body_text (fixture, "");

  /* Back to the first: what was typed was saved, and is no undo step. */
  byline_editor_set_article (fixture->editor, fixture->article);
  g_assert_false (can_undo (fixture));
  g_assert_true (g_str_has_prefix (byline_block_get_text (byline_article_get_blocks (fixture->article)->pdata[0]),
                                   "Sửa "));
}

static void
test_editor_undo_keyboard (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkTextBuffer *buffer = body_of (fixture);
  GtkTextBuffer *title = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child_of (fixture, "title_view")));
  GtkTextIter start, end;

  gtk_widget_grab_focus (GTK_WIDGET (byline_editor_get_body_view (fixture->editor)));
  iter_at_text (buffer, "Quan tâm", &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);

  press_keys (fixture, "ctrl+b");
  SPIN_UNTIL (({ iter_at_text (buffer, "Quan tâm", &start, &end); has_tag_named (&start, "bold"); }));
  press_keys (fixture, "ctrl+z");
  SPIN_UNTIL (({ iter_at_text (buffer, "Quan tâm", &start, &end); !has_tag_named (&start, "bold"); }));
  press_keys (fixture, "ctrl+shift+z");
  SPIN_UNTIL (({ iter_at_text (buffer, "Quan tâm", &start, &end); has_tag_named (&start, "bold"); }));
  press_keys (fixture, "ctrl+z");
  SPIN_UNTIL (!can_undo (fixture));
  press_keys (fixture, "ctrl+y");
  SPIN_UNTIL (can_undo (fixture));
  iter_at_text (buffer, "Quan tâm", &start, &end);
  g_assert_true (has_tag_named (&start, "bold"));

  /* Real typing through the view and its input method: word steps. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  {
    static const char * const keys[] = { "space", "a", "b", "c", "space", "d", "e", "f" };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      press_keys (fixture, keys[i]);
  }
  SPIN_UNTIL (({ g_autofree char *text = body_text (fixture); g_str_has_suffix (text, "Hoàng Kha abc def"); }));
  press_keys (fixture, "ctrl+z");
  SPIN_UNTIL (({ g_autofree char *text = body_text (fixture); g_str_has_suffix (text, "Hoàng Kha abc "); }));
  press_keys (fixture, "ctrl+z");
  SPIN_UNTIL (({ g_autofree char *text = body_text (fixture); g_str_has_suffix (text, "Hoàng Kha "); }));
  iter_at_text (buffer, "Quan tâm", &start, &end);
  g_assert_true (has_tag_named (&start, "bold"));

  /* In the title, Ctrl+Z is the title's own undo; the body is left alone. */
  gtk_widget_grab_focus (GTK_WIDGET (child_of (fixture, "title_view")));
  gtk_text_buffer_get_end_iter (title, &end);
  gtk_text_buffer_place_cursor (title, &end);
  press_keys (fixture, "x");
  SPIN_UNTIL (g_str_has_suffix (byline_article_get_title (fixture->article), "x"));
  press_keys (fixture, "ctrl+z");
  SPIN_UNTIL (!g_str_has_suffix (byline_article_get_title (fixture->article), "x"));
  iter_at_text (buffer, "Quan tâm", &start, &end);
  g_assert_true (has_tag_named (&start, "bold"));
  g_assert_true (can_undo (fixture));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, make, func) \
  g_test_add ("/editor/" path, Fixture, (gconstpointer) make, fixture_set_up, func, fixture_tear_down)

  ADD ("undo-format", new_full_article, test_editor_undo_format);
  ADD ("undo-paragraph-style", new_full_article, test_editor_undo_paragraph_style);
  ADD ("undo-link", new_full_article, test_editor_undo_link);
  ADD ("undo-delete", new_full_article, test_editor_undo_delete);
  ADD ("undo-photo", new_full_article, test_editor_undo_photo);
  ADD ("undo-typing", NULL, test_editor_undo_typing);
  ADD ("undo-paste", NULL, test_editor_undo_paste);
  ADD ("undo-after-load", new_full_article, test_editor_undo_after_load);
  ADD ("undo-keyboard", new_full_article, test_editor_undo_keyboard);

#undef ADD

  return g_test_run ();
}
