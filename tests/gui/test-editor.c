/* test-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor as a user drives it: load an article, type, format through
 * the actions, paste HTML, find and replace, and check what reaches the
 * model.
 */

#include "config.h"

#include <string.h>

#include "byline-find-bar.h"
#include "byline-spell-adapter.h"
#include "editor-test-util.h"

static void
test_editor_load (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkTextBuffer *buffer = body_of (fixture);
  BylineBodyBuffer *body = BYLINE_BODY_BUFFER (buffer);
  g_autofree char *text = dup_slice (buffer);
  GtkTextIter iter, start, end;
  GtkTextChildAnchor *anchor;
  GtkWidget **widgets;
  guint n_widgets;
  g_autofree char *title = NULL;

  g_assert_cmpstr (text, ==,
                   "Nhiệm vụ năm 2023\n"
                   "Chiều ngày 16/02/2023, Đoàn công tác đến xã Mỹ Quí.\n"
                   "Quan tâm sâu sát công tác lãnh đạo.\n"
                   "Mã vùng trồng lúa\n"
                   "NTM nâng cao\n"
                   "Chính quyền phục vụ nhân dân\n"
                   "\xef\xbf\xbc\n"
                   "Kết luận\n"
                   "BT: Nguyễn Thu – Hình: Hoàng Kha");

  /* Paragraph styles, one per line. */
  {
    const BylineParagraphStyle styles[] = {
      BYLINE_PARAGRAPH_STYLE_HEADING2, BYLINE_PARAGRAPH_STYLE_PARAGRAPH,
      BYLINE_PARAGRAPH_STYLE_QUOTE, BYLINE_PARAGRAPH_STYLE_BULLETED,
      BYLINE_PARAGRAPH_STYLE_BULLETED, BYLINE_PARAGRAPH_STYLE_NUMBERED,
      BYLINE_PARAGRAPH_STYLE_PARAGRAPH, BYLINE_PARAGRAPH_STYLE_HEADING3,
      BYLINE_PARAGRAPH_STYLE_PARAGRAPH,
    };

    for (guint line = 0; line < G_N_ELEMENTS (styles); line++)
      {
        gtk_text_buffer_get_iter_at_line (buffer, &iter, line);
        g_assert_cmpint (byline_body_buffer_get_paragraph_style (body, &iter), ==, styles[line]);
      }
    gtk_text_buffer_get_iter_at_line (buffer, &iter, 0);
    g_assert_true (has_tag_named (&iter, "heading2"));
    gtk_text_buffer_get_iter_at_line (buffer, &iter, 3);
    g_assert_true (has_tag_named (&iter, "list-bullet"));
  }

  /* Inline marks. */
  iter_at_text (buffer, "Chiều", &start, &end);
  g_assert_true (has_tag_named (&start, "bold"));
  g_assert_true (gtk_text_iter_ends_tag (&end, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "bold")));
  iter_at_text (buffer, "ngày", &start, &end);
  g_assert_true (has_tag_named (&start, "italic"));
  g_assert_false (has_tag_named (&start, "bold"));
  iter_at_text (buffer, "Mỹ", &start, &end);
  g_assert_cmpstr (byline_body_buffer_get_link (body, &start, &start, &end), ==, "https://thapmuoi.dongthap.gov.vn/");
  {
    g_autofree char *linked = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (linked, ==, "xã Mỹ Quí");
  }

  /* The photo is an anchor with its id and a card. */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 6);
  anchor = gtk_text_iter_get_child_anchor (&iter);
  g_assert_nonnull (anchor);
  g_assert_cmpstr (byline_body_buffer_get_anchor_photo (anchor), ==, PHOTO_ID);
  widgets = gtk_text_child_anchor_get_widgets (anchor, &n_widgets);
  g_assert_cmpuint (n_widgets, ==, 1);
  g_free (widgets);

  /* Title and lead. */
  {
    GtkTextView *title_view = GTK_TEXT_VIEW (child_of (fixture, "title_view"));
    GtkTextBuffer *title_buffer = gtk_text_view_get_buffer (title_view);

    gtk_text_buffer_get_bounds (title_buffer, &start, &end);
    title = gtk_text_buffer_get_text (title_buffer, &start, &end, FALSE);
    g_assert_cmpstr (title, ==, "Kiểm tra Chương trình hành động của Huyện ủy");
  }
}

static void
test_editor_toolbar_state (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkTextBuffer *buffer = body_of (fixture);
  GtkToggleButton *bold = GTK_TOGGLE_BUTTON (child_of (fixture, "bold_button"));
  GtkToggleButton *italic = GTK_TOGGLE_BUTTON (child_of (fixture, "italic_button"));
  GtkToggleButton *heading2 = GTK_TOGGLE_BUTTON (child_of (fixture, "heading2_button"));
  GtkToggleButton *bulleted = GTK_TOGGLE_BUTTON (child_of (fixture, "bulleted_button"));
  GtkTextIter start, end;

  /* The caret inside bold text: Bold is pressed. */
  iter_at_text (buffer, "Chiều", &start, &end);
  gtk_text_iter_forward_char (&start);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_true (gtk_toggle_button_get_active (bold));
  g_assert_false (gtk_toggle_button_get_active (italic));
  g_assert_false (gtk_toggle_button_get_active (heading2));

  /* In the heading and in a list item. */
  gtk_text_buffer_get_iter_at_line (buffer, &start, 0);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_true (gtk_toggle_button_get_active (heading2));
  g_assert_false (gtk_toggle_button_get_active (bold));
  gtk_text_buffer_get_iter_at_line (buffer, &start, 3);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_true (gtk_toggle_button_get_active (bulleted));
  g_assert_false (gtk_toggle_button_get_active (heading2));

  /* Clicking a pressed style button leaves it pressed and changes nothing. */
  gtk_widget_activate (GTK_WIDGET (bulleted));
  g_assert_true (gtk_toggle_button_get_active (bulleted));
  g_assert_cmpint (byline_body_buffer_get_paragraph_style (BYLINE_BODY_BUFFER (buffer), &start), ==,
                   BYLINE_PARAGRAPH_STYLE_BULLETED);

  /* Bold toggled at the caret shows before anything is typed. */
  gtk_text_buffer_get_iter_at_line (buffer, &start, 3);
  gtk_text_iter_forward_to_line_end (&start);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.bold", NULL));
  g_assert_true (gtk_toggle_button_get_active (bold));
}

static void
test_editor_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) blocks = byline_body_buffer_dup_blocks (byline_editor_get_body_buffer (fixture->editor));
  GPtrArray *before = g_ptr_array_ref (byline_article_get_blocks (fixture->article));

  assert_blocks_equal (blocks, byline_article_get_blocks (fixture->article));

  /* Loading and flushing without an edit changes nothing in the model. */
  byline_editor_flush (fixture->editor);
  g_assert_true (byline_article_get_blocks (fixture->article) == before);
  g_ptr_array_unref (before);

  /* A line break inside a paragraph stays inside it. */
  {
    g_autoptr(BylineBodyBuffer) other = byline_body_buffer_new ();
    g_autoptr(GPtrArray) broken = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
    g_autoptr(GPtrArray) again = NULL;
    BylineBlock *block = byline_block_new (BYLINE_BLOCK_QUOTE, "Dòng một\nDòng hai");

    byline_block_add_mark (block, BYLINE_MARK_BOLD, 5, 14, NULL);
    g_ptr_array_add (broken, block);
    byline_body_buffer_set_blocks (other, broken);
    g_assert_cmpint (gtk_text_buffer_get_line_count (GTK_TEXT_BUFFER (other)), ==, 1);
    gtk_text_buffer_insert_at_cursor (GTK_TEXT_BUFFER (other), "> ", -1);
    again = byline_body_buffer_dup_blocks (other);
    g_assert_cmpstr (byline_block_get_text (again->pdata[0]), ==, "> Dòng một\nDòng hai");
    g_assert_cmpuint (byline_block_get_mark (again->pdata[0], 0)->start, ==, 7);
    g_assert_cmpuint (byline_block_get_mark (again->pdata[0], 0)->end, ==, 16);
  }

  /* And again through a second buffer: text → blocks → text → blocks. */
  {
    g_autoptr(BylineBodyBuffer) other = byline_body_buffer_new ();
    g_autoptr(GPtrArray) again = NULL;

    byline_body_buffer_set_blocks (other, blocks);
    again = byline_body_buffer_dup_blocks (other);
    assert_blocks_equal (again, blocks);
  }
}

static void
test_editor_edit (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkTextBuffer *buffer = body_of (fixture);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  GtkTextIter start, end;
  BylineBlock *block;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "Tiêu đề phụ\nĐoạn văn đầu tiên có chữ đậm.\nTrích dẫn", -1);

  /* Typing never waits for the model: nothing has reached it yet. */
  g_assert_cmpuint (byline_article_get_blocks (fixture->article)->len, ==, 0);

  iter_at_text (buffer, "chữ đậm", &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.bold", NULL));

  gtk_text_buffer_get_iter_at_line_offset (buffer, &start, 0, 3);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.heading2", NULL));

  gtk_text_buffer_get_iter_at_line (buffer, &start, 2);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.quote", NULL));

  /* The pause after typing sends the body to the model by itself. */
  SPIN_UNTIL (byline_article_get_blocks (fixture->article)->len > 0);

  g_ptr_array_add (expected, byline_block_new_heading (2, "Tiêu đề phụ"));
  block = byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Đoạn văn đầu tiên có chữ đậm.");
  byline_block_add_mark (block, BYLINE_MARK_BOLD, 21, 28, NULL);
  g_ptr_array_add (expected, block);
  g_ptr_array_add (expected, byline_block_new (BYLINE_BLOCK_QUOTE, "Trích dẫn"));
  assert_blocks_equal (byline_article_get_blocks (fixture->article), expected);
}

static void
test_editor_typing_rules (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkTextBuffer *buffer = body_of (fixture);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  GtkTextIter iter, start, end;
  BylineBlock *block;

  /* Enter at the end of the heading starts a normal paragraph. */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 0);
  gtk_text_iter_forward_to_line_end (&iter);
  gtk_text_buffer_insert (buffer, &iter, "\nMở đầu", -1);

  /* Typing after a bold word goes on in bold. */
  iter_at_text (buffer, "Chiều", &start, &end);
  gtk_text_buffer_insert (buffer, &end, " nay", -1);

  /* Joining two lines keeps the style of the first: the quote swallows
   * the first list item. */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 4);
  start = iter;
  gtk_text_iter_backward_char (&start);
  gtk_text_buffer_delete (buffer, &start, &iter);

  /* A combining mark typed on its own after its letter (some input
   * methods do): the model gets NFC, and the marks after it still fit. */
  iter_at_text (buffer, "Chiều", &start, &end);
  gtk_text_buffer_insert (buffer, &start, "Hoa ", -1);
  iter_at_text (buffer, "Hoa ", &start, &end);
  gtk_text_iter_backward_char (&end);
  gtk_text_buffer_insert (buffer, &end, "\xcc\x80", -1);

  /* Bold toggled with no selection applies to what is typed next. */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 1);
  gtk_text_iter_forward_to_line_end (&iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.bold", NULL));
  gtk_text_buffer_insert_at_cursor (buffer, " ngay", -1);

  byline_editor_flush (fixture->editor);

  g_ptr_array_add (expected, byline_block_new_heading (2, "Nhiệm vụ năm 2023"));
  block = byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Mở đầu ngay");
  byline_block_add_mark (block, BYLINE_MARK_BOLD, 6, 11, NULL);
  g_ptr_array_add (expected, block);
  {
    const char *text = "Hoà Chiều nay ngày 16/02/2023, Đoàn công tác đến xã Mỹ Quí.";

    block = byline_block_new (BYLINE_BLOCK_PARAGRAPH, text);
    byline_block_add_mark (block, BYLINE_MARK_BOLD, 0, 13, NULL);
    byline_block_add_mark (block, BYLINE_MARK_ITALIC, 14, 18, NULL);
    byline_block_add_mark (block, BYLINE_MARK_LINK, char_offset (text, "xã"), char_offset (text, "xã") + 9,
                           "https://thapmuoi.dongthap.gov.vn/");
    g_ptr_array_add (expected, block);
  }
  g_ptr_array_add (expected, byline_block_new (BYLINE_BLOCK_QUOTE, "Quan tâm sâu sát công tác lãnh đạo.Mã vùng trồng lúa"));
  g_ptr_array_add (expected, byline_block_new_list_item (FALSE, "NTM nâng cao"));
  g_ptr_array_add (expected, byline_block_new_list_item (TRUE, "Chính quyền phục vụ nhân dân"));
  g_ptr_array_add (expected, byline_block_new_photo (PHOTO_ID));
  g_ptr_array_add (expected, byline_block_new_heading (3, "Kết luận"));
  g_ptr_array_add (expected, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "BT: Nguyễn Thu – Hình: Hoàng Kha"));
  assert_blocks_equal (byline_article_get_blocks (fixture->article), expected);
}

static void
test_editor_incremental (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkTextBuffer *buffer = body_of (fixture);
  g_autoptr(GPtrArray) original = g_ptr_array_ref (byline_article_get_blocks (fixture->article));
  GPtrArray *blocks;
  GtkTextIter start, end;

  /* Typing in one paragraph converts that paragraph only: the others are
   * the very same blocks as before. */
  iter_at_text (buffer, "NTM", &start, &end);
  gtk_text_buffer_insert (buffer, &end, " mới", -1);
  byline_editor_flush (fixture->editor);
  blocks = byline_article_get_blocks (fixture->article);
  g_assert_cmpuint (blocks->len, ==, original->len);
  for (guint i = 0; i < blocks->len; i++)
    if (i == 4)
      g_assert_cmpstr (byline_block_get_text (blocks->pdata[i]), ==, "NTM mới nâng cao");
    else
      {
        g_assert_true (blocks->pdata[i] == original->pdata[i]);
      }

  /* Joining two lines, then formatting one word of the result. */
  gtk_text_buffer_get_iter_at_line (buffer, &end, 4);
  start = end;
  gtk_text_iter_backward_char (&start);
  gtk_text_buffer_delete (buffer, &start, &end);
  byline_editor_flush (fixture->editor);
  iter_at_text (buffer, "lúa", &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.italic", NULL));
  byline_editor_flush (fixture->editor);

  blocks = byline_article_get_blocks (fixture->article);
  g_assert_cmpuint (blocks->len, ==, original->len - 1);
  g_assert_cmpstr (byline_block_get_text (blocks->pdata[3]), ==, "Mã vùng trồng lúaNTM mới nâng cao");
  g_assert_cmpuint (byline_block_get_n_marks (blocks->pdata[3]), ==, 1);
  g_assert_true (blocks->pdata[5] == original->pdata[6]);

  /* What the cache gives is what a fresh conversion gives. */
  {
    g_autoptr(BylineBodyBuffer) fresh = byline_body_buffer_new ();
    g_autoptr(GPtrArray) again = NULL;

    byline_body_buffer_set_blocks (fresh, blocks);
    gtk_text_buffer_insert_at_cursor (GTK_TEXT_BUFFER (fresh), "", -1);
    again = byline_body_buffer_dup_blocks (fresh);
    assert_blocks_equal (again, blocks);
  }
}

static void
test_editor_link (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkTextBuffer *buffer = body_of (fixture);
  GtkEditable *entry = GTK_EDITABLE (child_of (fixture, "link_entry"));
  GtkTextIter start, end;
  BylineBlock *paragraph;
  int n_tags;

  /* Add a link to a selection; a bare host name gets https://. */
  iter_at_text (buffer, "Đoàn công tác", &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.link", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child_of (fixture, "link_popover"))));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  gtk_editable_set_text (entry, "dongthap.gov.vn");
  g_signal_emit_by_name (entry, "activate");
  byline_editor_flush (fixture->editor);

  paragraph = byline_article_get_blocks (fixture->article)->pdata[1];
  g_assert_cmpuint (byline_block_get_n_marks (paragraph), ==, 4);
  g_assert_cmpstr (byline_block_get_mark (paragraph, 2)->href, ==, "https://dongthap.gov.vn");

  /* With the caret in an existing link, the action edits that link; an
   * empty address removes it. */
  iter_at_text (buffer, "Mỹ", &start, &end);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.link", NULL));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "https://thapmuoi.dongthap.gov.vn/");
  n_tags = gtk_text_tag_table_get_size (gtk_text_buffer_get_tag_table (buffer));
  gtk_editable_set_text (entry, "");
  g_signal_emit_by_name (entry, "activate");
  /* The link's tag goes with the link. */
  g_assert_cmpint (gtk_text_tag_table_get_size (gtk_text_buffer_get_tag_table (buffer)), ==, n_tags - 1);
  byline_editor_flush (fixture->editor);

  paragraph = byline_article_get_blocks (fixture->article)->pdata[1];
  g_assert_cmpuint (byline_block_get_n_marks (paragraph), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (byline_block_get_mark (paragraph, i)->href, !=, "https://thapmuoi.dongthap.gov.vn/");
}

static void
test_editor_paste_html (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char html[] =
    "<meta charset=\"utf-8\"><h2 style=\"color:red\">Tiêu đề</h2>"
    "<p>Đoạn <b>đậm</b> và <a href=\"https://example.com/\">liên kết</a>.</p>"
    "<ul><li>Một</li><li>Hai</li></ul><script>alert(1)</script>";
  GtkTextView *view = byline_editor_get_body_view (fixture->editor);
  GtkTextBuffer *buffer = body_of (fixture);
  g_autoptr(GBytes) bytes = g_bytes_new_static (html, strlen (html));
  g_autoptr(GdkContentProvider) provider = gdk_content_provider_new_for_bytes ("text/html", bytes);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  GPtrArray *blocks;
  BylineBlock *paragraph;

  g_assert_true (gdk_clipboard_set_content (clipboard, provider));
  g_signal_emit_by_name (view, "paste-clipboard");

  /* The clipboard is read asynchronously. */
  SPIN_UNTIL (gtk_text_buffer_get_char_count (buffer) > 0);
  byline_editor_flush (fixture->editor);

  blocks = byline_article_get_blocks (fixture->article);
  g_assert_cmpuint (blocks->len, ==, 4);
  g_assert_cmpint (byline_block_get_kind (blocks->pdata[0]), ==, BYLINE_BLOCK_HEADING);
  g_assert_cmpuint (byline_block_get_level (blocks->pdata[0]), ==, 2);
  g_assert_cmpstr (byline_block_get_text (blocks->pdata[0]), ==, "Tiêu đề");

  paragraph = blocks->pdata[1];
  g_assert_cmpstr (byline_block_get_text (paragraph), ==, "Đoạn đậm và liên kết.");
  g_assert_cmpuint (byline_block_get_n_marks (paragraph), ==, 2);
  g_assert_cmpint (byline_block_get_mark (paragraph, 0)->kind, ==, BYLINE_MARK_BOLD);
  g_assert_cmpuint (byline_block_get_mark (paragraph, 0)->start, ==, 5);
  g_assert_cmpuint (byline_block_get_mark (paragraph, 0)->end, ==, 8);
  g_assert_cmpint (byline_block_get_mark (paragraph, 1)->kind, ==, BYLINE_MARK_LINK);
  g_assert_cmpstr (byline_block_get_mark (paragraph, 1)->href, ==, "https://example.com/");

  g_assert_cmpint (byline_block_get_kind (blocks->pdata[2]), ==, BYLINE_BLOCK_LIST_ITEM);
  g_assert_false (byline_block_get_ordered (blocks->pdata[2]));
  g_assert_cmpstr (byline_block_get_text (blocks->pdata[3]), ==, "Hai");
}

static void
test_editor_paste_plain (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkTextView *view = byline_editor_get_body_view (fixture->editor);
  GtkTextBuffer *buffer = body_of (fixture);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  GtkTextIter iter;
  guint n_chars;

  /* Without text/html the default paste runs, and the paragraph keeps its
   * style. */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 0);
  gtk_text_iter_forward_to_line_end (&iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gdk_clipboard_set_text (clipboard, " và kế hoạch");
  n_chars = gtk_text_buffer_get_char_count (buffer);
  g_signal_emit_by_name (view, "paste-clipboard");
  SPIN_UNTIL (gtk_text_buffer_get_char_count (buffer) != (int) n_chars);
  byline_editor_flush (fixture->editor);

  g_assert_cmpstr (byline_block_get_text (byline_article_get_blocks (fixture->article)->pdata[0]), ==,
                   "Nhiệm vụ năm 2023 và kế hoạch");
  g_assert_cmpint (byline_block_get_kind (byline_article_get_blocks (fixture->article)->pdata[0]), ==,
                   BYLINE_BLOCK_HEADING);
}

static BylineArticle *
new_find_article (void)
{
  BylineArticle *article = byline_article_new ();
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);

  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Huyện ủy Tháp Mười chỉ đạo."));
  g_ptr_array_add (blocks, byline_block_new_heading (2, "HUYỆN ỦY và huyện đoàn"));
  byline_article_set_blocks (article, blocks);

  return article;
}

static void
test_editor_find_replace (Fixture       *fixture,
                          gconstpointer  data)
{
  BylineFindBar *find_bar = BYLINE_FIND_BAR (child_of (fixture, "find_bar"));
  GtkTextBuffer *buffer = body_of (fixture);
  GtkTextTag *match = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "search-match");
  GPtrArray *blocks;
  GtkTextIter start, end;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.find", NULL));
  g_assert_true (byline_find_bar_get_revealed (find_bar));

  byline_find_bar_set_search_text (find_bar, "huyện");
  g_assert_cmpuint (byline_find_bar_get_n_matches (find_bar), ==, 3);
  iter_at_text (buffer, "HUYỆN", &start, &end);
  g_assert_true (gtk_text_iter_has_tag (&start, match));

  /* Next selects the first match, then the next, then wraps around. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_true (byline_find_bar_find (find_bar, TRUE));
  g_assert_true (byline_find_bar_find (find_bar, TRUE));
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  g_assert_cmpint (gtk_text_iter_get_line (&start), ==, 1);
  g_assert_cmpint (gtk_text_iter_get_line_offset (&start), ==, 0);

  byline_find_bar_set_replace_text (find_bar, "Quận");
  g_assert_cmpuint (byline_find_bar_replace_all (find_bar), ==, 3);
  g_assert_cmpuint (byline_find_bar_get_n_matches (find_bar), ==, 0);
  byline_editor_flush (fixture->editor);

  blocks = byline_article_get_blocks (fixture->article);
  g_assert_cmpstr (byline_block_get_text (blocks->pdata[0]), ==, "Quận ủy Tháp Mười chỉ đạo.");
  g_assert_cmpstr (byline_block_get_text (blocks->pdata[1]), ==, "Quận ỦY và Quận đoàn");
  g_assert_cmpint (byline_block_get_kind (blocks->pdata[1]), ==, BYLINE_BLOCK_HEADING);

  /* Replace all is one undo step, and the heading stays a heading. */
  undo (fixture);
  byline_editor_flush (fixture->editor);
  blocks = byline_article_get_blocks (fixture->article);
  g_assert_cmpstr (byline_block_get_text (blocks->pdata[0]), ==, "Huyện ủy Tháp Mười chỉ đạo.");
  g_assert_cmpstr (byline_block_get_text (blocks->pdata[1]), ==, "HUYỆN ỦY và huyện đoàn");
  g_assert_cmpint (byline_block_get_kind (blocks->pdata[1]), ==, BYLINE_BLOCK_HEADING);
  g_assert_false (can_undo (fixture));
  redo (fixture);
  byline_editor_flush (fixture->editor);
  blocks = byline_article_get_blocks (fixture->article);
  g_assert_cmpstr (byline_block_get_text (blocks->pdata[1]), ==, "Quận ỦY và Quận đoàn");
  g_assert_cmpint (byline_block_get_kind (blocks->pdata[1]), ==, BYLINE_BLOCK_HEADING);
}

static void
test_editor_counts (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkTextBuffer *buffer = body_of (fixture);
  GtkTextBuffer *title = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child_of (fixture, "title_view")));
  GString *body = g_string_new (NULL);
  GtkTextIter end;

  g_assert_cmpstr (byline_editor_get_counts_text (fixture->editor), ==, "0 words · 0 characters · 0 min read");

  gtk_text_buffer_set_text (title, "Một", -1);
  byline_editor_flush (fixture->editor);
  g_assert_cmpstr (byline_article_get_title (fixture->article), ==, "Một");
  g_assert_cmpstr (byline_editor_get_counts_text (fixture->editor), ==, "1 word · 3 characters · 1 min read");

  /* 400 words of body: 401 words in all, 3 minutes at 200 words a minute. */
  for (guint i = 0; i < 400; i++)
    g_string_append (body, i == 0 ? "từ" : " từ");
  gtk_text_buffer_set_text (buffer, body->str, -1);
  g_string_free (body, TRUE);
  byline_editor_flush (fixture->editor);
  g_assert_cmpstr (byline_editor_get_counts_text (fixture->editor), ==, "401 words · 1202 characters · 3 min read");

  /* The editor counts block by block and keeps the counts of the blocks
   * an edit left alone: it must still agree with the model's own count. */
  gtk_text_buffer_set_text (buffer, "Một hai ba.\nBốn, năm-sáu 16/02/2023\nbảy", -1);
  byline_editor_flush (fixture->editor);
  g_assert_cmpuint (byline_article_count_words (fixture->article), ==, 1 + 7);
  g_assert_cmpstr (byline_editor_get_counts_text (fixture->editor), ==, "8 words · 40 characters · 1 min read");
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " tám chín", -1);
  byline_editor_flush (fixture->editor);
  g_assert_cmpuint (byline_article_count_words (fixture->article), ==, 1 + 9);
  g_assert_cmpstr (byline_editor_get_counts_text (fixture->editor), ==, "10 words · 49 characters · 1 min read");
}

static void
test_editor_title_and_lead (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkTextBuffer *title = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child_of (fixture, "title_view")));
  GtkTextBuffer *lead = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child_of (fixture, "lead_view")));
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  /* Typed NFD reaches the model as NFC, and a pasted line break as a space. */
  gtk_text_buffer_set_text (title, "Huye\xcc\xa3\xcc\x82n u\xcc\x89y\nTháp Mười", -1);
  g_assert_cmpstr (byline_article_get_title (fixture->article), ==, "Huyện ủy Tháp Mười");
  gtk_text_buffer_set_text (lead, "Sapo", -1);
  g_assert_cmpstr (byline_article_get_lead (fixture->article), ==, "Sapo");

  /* A change from elsewhere shows up. */
  byline_article_set_lead (fixture->article, "Sapo mới");
  gtk_text_buffer_get_bounds (lead, &start, &end);
  shown = gtk_text_buffer_get_text (lead, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, "Sapo mới");
}

static GtkWidget *
create_photo_widget_cb (BylineEditor *editor,
                        const char   *photo_id,
                        gpointer      user_data)
{
  GtkWidget *label = gtk_label_new (photo_id);

  gtk_widget_set_name (label, "test-photo-card");
  return label;
}

static void
test_editor_photo_widget (void)
{
  g_autoptr(BylineArticle) article = new_full_article ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *editor = byline_editor_new ();
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (byline_editor_get_body_buffer (BYLINE_EDITOR (editor)));
  GtkTextChildAnchor *anchor;
  GtkWidget **widgets;
  GtkTextIter iter;
  guint n_widgets;

  /* The photo pane makes the cards: the first handler's widget is used. */
  g_signal_connect (editor, "create-photo-widget", G_CALLBACK (create_photo_widget_cb), NULL);
  gtk_window_set_child (window, editor);
  byline_editor_set_article (BYLINE_EDITOR (editor), article);

  gtk_text_buffer_get_iter_at_line (buffer, &iter, 6);
  anchor = gtk_text_iter_get_child_anchor (&iter);
  g_assert_nonnull (anchor);
  widgets = gtk_text_child_anchor_get_widgets (anchor, &n_widgets);
  g_assert_cmpuint (n_widgets, ==, 1);
  g_assert_cmpstr (gtk_widget_get_name (widgets[0]), ==, "test-photo-card");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (widgets[0])), ==, PHOTO_ID);
  g_free (widgets);

  gtk_window_destroy (window);
  spin_until_idle ();
}

static BylineArticle *
new_long_article (void)
{
  BylineArticle *article = byline_article_new ();
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);

  byline_article_set_title (article, "Kiểm tra Chương trình hành động");
  for (guint i = 0; i < 40; i++)
    g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH,
                                               "Thực hiện chương trình hành động của Huyện ủy và Kế hoạch "
                                               "phát triển kinh tế - xã hội của UBND huyện năm 2023."));
  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Kết thúc."));
  byline_article_set_blocks (article, blocks);

  return article;
}

static void
test_editor_follow_caret (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child_of (fixture, "scroller")));
  GtkTextIter iter;

  SPIN_UNTIL (gtk_adjustment_get_upper (adjustment) > 2 * gtk_adjustment_get_page_size (adjustment));

  /* Focusing the long body does not jump to its end. */
  gtk_widget_grab_focus (GTK_WIDGET (byline_editor_get_body_view (fixture->editor)));
  spin_until_idle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  /* The page follows the caret down to a match found at the end… */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.find", NULL));
  byline_find_bar_set_search_text (BYLINE_FIND_BAR (child_of (fixture, "find_bar")), "kết thúc");
  g_assert_true (byline_find_bar_find (BYLINE_FIND_BAR (child_of (fixture, "find_bar")), TRUE));
  SPIN_UNTIL (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) >=
              gtk_adjustment_get_upper (adjustment) - 100);

  /* …and back up to the title. */
  gtk_widget_grab_focus (GTK_WIDGET (child_of (fixture, "title_view")));
  {
    GtkTextBuffer *title = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child_of (fixture, "title_view")));

    gtk_text_buffer_get_start_iter (title, &iter);
    gtk_text_buffer_place_cursor (title, &iter);
  }
  SPIN_UNTIL (gtk_adjustment_get_value (adjustment) == 0);
}

static void
test_editor_outside_change (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *text = NULL;

  /* Removing the photo in the model removes its card from the text. */
  g_assert_true (byline_article_remove_photo (fixture->article, PHOTO_ID));
  text = dup_slice (body_of (fixture));
  g_assert_null (strstr (text, "\xef\xbf\xbc"));
  g_assert_nonnull (strstr (text, "Kết luận"));
}

static void
test_editor_keyboard (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkTextBuffer *buffer = body_of (fixture);
  BylineFindBar *find_bar = BYLINE_FIND_BAR (child_of (fixture, "find_bar"));
  GtkTextIter start, end;

  gtk_widget_grab_focus (GTK_WIDGET (byline_editor_get_body_view (fixture->editor)));
  iter_at_text (buffer, "Quan tâm", &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);

  press_keys (fixture, "ctrl+b");
  SPIN_UNTIL (({ iter_at_text (buffer, "Quan tâm", &start, &end); has_tag_named (&start, "bold"); }));
  press_keys (fixture, "ctrl+i");
  SPIN_UNTIL (({ iter_at_text (buffer, "Quan tâm", &start, &end); has_tag_named (&start, "italic"); }));
  /* Still bold: the shortcut ran once. */
  g_assert_true (has_tag_named (&start, "bold"));

  press_keys (fixture, "ctrl+alt+2");
  SPIN_UNTIL (byline_body_buffer_get_paragraph_style (BYLINE_BODY_BUFFER (buffer), &start) ==
              BYLINE_PARAGRAPH_STYLE_HEADING2);

  /* Shift+Enter breaks the line inside the paragraph. */
  gtk_text_buffer_get_iter_at_line (buffer, &start, 1);
  gtk_text_iter_forward_chars (&start, 5);
  gtk_text_buffer_place_cursor (buffer, &start);
  press_keys (fixture, "shift+Return");
  SPIN_UNTIL (gtk_text_buffer_get_char_count (buffer) > 0 &&
              ({ g_autofree char *text = dup_slice (buffer); strstr (text, "Chiều\xe2\x80\xa8 ngày") != NULL; }));
  byline_editor_flush (fixture->editor);
  g_assert_cmpstr (byline_block_get_text (byline_article_get_blocks (fixture->article)->pdata[1]), ==,
                   "Chiều\n ngày 16/02/2023, Đoàn công tác đến xã Mỹ Quí.");

  /* Enter in the title goes on to the lead, not to a new line. */
  gtk_widget_grab_focus (GTK_WIDGET (child_of (fixture, "title_view")));
  press_keys (fixture, "Return");
  SPIN_UNTIL (gtk_widget_has_focus (GTK_WIDGET (child_of (fixture, "lead_view"))));
  g_assert_cmpstr (byline_article_get_title (fixture->article), ==, "Kiểm tra Chương trình hành động của Huyện ủy");

  press_keys (fixture, "ctrl+f");
  SPIN_UNTIL (byline_find_bar_get_revealed (find_bar));
}

static BylineArticle *
new_spell_article (void)
{
  BylineArticle *article = byline_article_new ();
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);

  byline_article_set_language (article, "vi");
  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH, "Huyện ủy giao xyzqw nhiem vụ."));
  byline_article_set_blocks (article, blocks);

  return article;
}

static gboolean
misspelled (GtkTextBuffer *buffer,
            const char    *word)
{
  GtkTextIter start, end;

  iter_at_text (buffer, word, &start, &end);
  return has_tag_named (&start, "misspelled");
}

static gboolean
menu_has_label (GMenuModel *menu,
                const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *item = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &item) &&
              g_strcmp0 (item, label) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

static void
test_editor_spell (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkTextBuffer *buffer = body_of (fixture);
  GtkTextView *view = byline_editor_get_body_view (fixture->editor);
  BylineSpellAdapter *adapter = byline_spell_adapter_get_for_view (view);
  GMenuModel *menu;
  GtkTextIter start, end;
  g_autoptr(GVariant) target = NULL;

  spin_until_idle ();
  g_assert_false (misspelled (buffer, "Huyện"));
  g_assert_false (misspelled (buffer, "ủy"));
  g_assert_true (misspelled (buffer, "xyzqw"));
  g_assert_true (misspelled (buffer, "nhiem"));

  /* Suggestions in the context menu, then replacing through it. */
  iter_at_text (buffer, "nhiem", &start, &end);
  gtk_text_iter_forward_char (&start);
  menu = byline_spell_adapter_update_menu (adapter, &start);
  g_assert_true (menu_has_label (menu, "nhiệm"));
  g_assert_true (menu_has_label (menu, "_Add to Dictionary"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "spell.replace", "s", "nhiệm"));
  spin_until_idle ();
  byline_editor_flush (fixture->editor);
  g_assert_cmpstr (byline_block_get_text (byline_article_get_blocks (fixture->article)->pdata[0]), ==,
                   "Huyện ủy giao xyzqw nhiệm vụ.");
  g_assert_false (misspelled (buffer, "nhiệm"));

  /* A correctly spelled word has no menu of its own. */
  iter_at_text (buffer, "Huyện", &start, &end);
  menu = byline_spell_adapter_update_menu (adapter, &start);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 0);

  /* Ignore. */
  iter_at_text (buffer, "xyzqw", &start, &end);
  byline_spell_adapter_update_menu (adapter, &start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "spell.ignore", NULL));
  spin_until_idle ();
  g_assert_false (misspelled (buffer, "xyzqw"));

  /* The article's language picks the dictionary. */
  byline_article_set_language (fixture->article, "en");
  spin_until_idle ();
  g_assert_true (misspelled (buffer, "Huyện"));

  /* Typing checks only the line typed in; the word at the caret waits
   * until the caret leaves its line. */
  byline_article_set_language (fixture->article, "vi");
  spin_until_idle ();
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_insert_at_cursor (buffer, "\nMột qqqzz", -1);
  spin_until_idle ();
  g_assert_false (misspelled (buffer, "qqqzz"));
  g_assert_false (misspelled (buffer, "Huyện"));
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  spin_until_idle ();
  g_assert_true (misspelled (buffer, "qqqzz"));
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

  ADD ("load", new_full_article, test_editor_load);
  ADD ("round-trip", new_full_article, test_editor_round_trip);
  ADD ("toolbar-state", new_full_article, test_editor_toolbar_state);
  ADD ("edit", NULL, test_editor_edit);
  ADD ("typing-rules", new_full_article, test_editor_typing_rules);
  ADD ("incremental", new_full_article, test_editor_incremental);
  ADD ("link", new_full_article, test_editor_link);
  ADD ("paste-html", NULL, test_editor_paste_html);
  ADD ("paste-plain", new_full_article, test_editor_paste_plain);
  ADD ("find-replace", new_find_article, test_editor_find_replace);
  ADD ("counts", NULL, test_editor_counts);
  ADD ("title-and-lead", NULL, test_editor_title_and_lead);
  ADD ("outside-change", new_full_article, test_editor_outside_change);
  ADD ("spell", new_spell_article, test_editor_spell);
  ADD ("keyboard", new_full_article, test_editor_keyboard);
  ADD ("follow-caret", new_long_article, test_editor_follow_caret);

#undef ADD
  g_test_add_func ("/editor/photo-widget", test_editor_photo_widget);

  return g_test_run ();
}
