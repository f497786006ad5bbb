/* byline-spell-adapter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Changed paragraphs are marked with an invisible tag, "spell-unchecked";
 * an idle handler checks a few of them per main loop iteration. Typing in a
 * 50,000-word article checks one paragraph, not the article.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "byline-spell-adapter.h"

#define ADAPTER_KEY      "byline-spell-adapter"
#define MAX_SUGGESTIONS  5
/* Time one idle run may take before giving the frame back. */
#define IDLE_BUDGET_USEC 4000

struct _BylineSpellAdapter
{
  GObject             parent_instance;

  GtkTextView        *view;      /* unowned: the view owns us */
  GtkTextBuffer      *buffer;
  BylineSpellChecker *checker;
  GtkTextTag         *misspelled;
  GtkTextTag         *unchecked;
  GMenu              *menu;
  GSimpleActionGroup *actions;
  GtkTextMark        *word_start;
  GtkTextMark        *word_end;
  guint               idle_source;
  int                 cursor_line;
};

G_DEFINE_FINAL_TYPE (BylineSpellAdapter, byline_spell_adapter, G_TYPE_OBJECT)

static gboolean check_idle_cb (gpointer user_data);

static void
schedule_check (BylineSpellAdapter *self)
{
  if (self->idle_source == 0)
    self->idle_source = g_idle_add_full (G_PRIORITY_LOW, check_idle_cb, self, NULL);
}

/* Marks the lines from @start to @end as needing a check. */
static void
invalidate_lines (BylineSpellAdapter *self,
                  const GtkTextIter  *start,
                  const GtkTextIter  *end)
{
  GtkTextIter from = *start, to = *end;

  gtk_text_iter_set_line_offset (&from, 0);
  if (!gtk_text_iter_ends_line (&to))
    gtk_text_iter_forward_to_line_end (&to);
  if (gtk_text_iter_equal (&from, &to))
    return;

  gtk_text_buffer_apply_tag (self->buffer, self->unchecked, &from, &to);
  schedule_check (self);
}

static void
invalidate_all (BylineSpellAdapter *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->misspelled, &start, &end);
  /* An empty text has nothing to check; asking for the dictionary would
   * load it while the editor is being built (see byline-spell.c). */
  if (!gtk_text_iter_equal (&start, &end) && byline_spell_checker_has_dictionary (self->checker))
    invalidate_lines (self, &start, &end);
}

static void
check_line (BylineSpellAdapter *self,
            const GtkTextIter  *line_start)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) words = NULL;
  GtkTextIter end = *line_start, next_line = *line_start, caret;
  int offset = gtk_text_iter_get_offset (line_start);
  int caret_offset = -1;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &caret, gtk_text_buffer_get_insert (self->buffer));
  if (gtk_widget_has_focus (GTK_WIDGET (self->view)) &&
      gtk_text_iter_get_line (&caret) == gtk_text_iter_get_line (line_start))
    caret_offset = gtk_text_iter_get_offset (&caret);

  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  /* The newline too: a tag left on it would bring this line back forever. */
  if (!gtk_text_iter_forward_line (&next_line))
    gtk_text_iter_forward_to_end (&next_line);
  gtk_text_buffer_remove_tag (self->buffer, self->misspelled, line_start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->unchecked, line_start, &next_line);

  /* The slice keeps one U+FFFC per photo anchor, so offsets match. */
  text = gtk_text_buffer_get_slice (self->buffer, line_start, &end, TRUE);
  words = byline_spell_split_words (text, FALSE);
  for (guint i = 0; i < words->len; i++)
    {
      const BylineWordRange *range = &g_array_index (words, BylineWordRange, i);
      const char *word = g_utf8_offset_to_pointer (text, range->start);
      const char *word_end = g_utf8_offset_to_pointer (word, range->end - range->start);
      GtkTextIter start_iter, end_iter;

      /* The word being typed is not finished: no red line under every
       * half-typed word. It is checked when the caret leaves the line. */
      if (offset + (int) range->end == caret_offset)
        continue;
      if (byline_spell_checker_check_word (self->checker, word, word_end - word))
        continue;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &start_iter, offset + range->start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end_iter, offset + range->end);
      gtk_text_buffer_apply_tag (self->buffer, self->misspelled, &start_iter, &end_iter);
    }
}

/* Checks the next waiting line; FALSE when none is left. */
static gboolean
check_next_line (BylineSpellAdapter *self)
{
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  if (!gtk_text_iter_has_tag (&iter, self->unchecked) &&
      !gtk_text_iter_forward_to_tag_toggle (&iter, self->unchecked))
    return FALSE;
  if (!gtk_text_iter_has_tag (&iter, self->unchecked))
    return FALSE;

  gtk_text_iter_set_line_offset (&iter, 0);
  check_line (self, &iter);

  return TRUE;
}

static gboolean
check_idle_cb (gpointer user_data)
{
  BylineSpellAdapter *self = user_data;
  gint64 deadline = g_get_monotonic_time () + IDLE_BUDGET_USEC;

  while (g_get_monotonic_time () < deadline)
    if (!check_next_line (self))
      {
        self->idle_source = 0;
        return G_SOURCE_REMOVE;
      }

  return G_SOURCE_CONTINUE;
}

void
byline_spell_adapter_check_now (BylineSpellAdapter *self)
{
  g_return_if_fail (BYLINE_IS_SPELL_ADAPTER (self));

  while (check_next_line (self))
    ;
  g_clear_handle_id (&self->idle_source, g_source_remove);
}

static void
insert_text_after_cb (BylineSpellAdapter *self,
                      GtkTextIter        *end,
                      const char         *text,
                      int                 length)
{
  GtkTextIter start = *end;

  gtk_text_iter_backward_chars (&start, g_utf8_strlen (text, length));
  invalidate_lines (self, &start, end);
}

static void
delete_range_after_cb (BylineSpellAdapter *self,
                       GtkTextIter        *start,
                       GtkTextIter        *end)
{
  invalidate_lines (self, start, end);
}

static void
cursor_moved_cb (BylineSpellAdapter *self)
{
  GtkTextIter caret, line;
  int previous = self->cursor_line;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &caret, gtk_text_buffer_get_insert (self->buffer));
  self->cursor_line = gtk_text_iter_get_line (&caret);

  /* Leaving a line finishes the word typed there: check it again. */
  if (previous != self->cursor_line && previous >= 0 &&
      previous < gtk_text_buffer_get_line_count (self->buffer))
    {
      gtk_text_buffer_get_iter_at_line (self->buffer, &line, previous);
      invalidate_lines (self, &line, &line);
    }
}

static void
language_changed_cb (BylineSpellAdapter *self)
{
  invalidate_all (self);
}

/* Context menu ----------------------------------------------------------- */

/* The word around @iter, by the same splitting as the checker. */
static gboolean
word_bounds_at (BylineSpellAdapter *self,
                const GtkTextIter  *iter,
                GtkTextIter        *start,
                GtkTextIter        *end)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) words = NULL;
  GtkTextIter line_start = *iter, line_end = *iter;
  guint position = gtk_text_iter_get_line_offset (iter);

  gtk_text_iter_set_line_offset (&line_start, 0);
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  text = gtk_text_buffer_get_slice (self->buffer, &line_start, &line_end, TRUE);
  words = byline_spell_split_words (text, FALSE);

  for (guint i = 0; i < words->len; i++)
    {
      const BylineWordRange *range = &g_array_index (words, BylineWordRange, i);

      if (position < range->start || position > range->end)
        continue;
      *start = *end = line_start;
      gtk_text_iter_set_line_offset (start, range->start);
      gtk_text_iter_set_line_offset (end, range->end);
      return TRUE;
    }

  return FALSE;
}

static char *
dup_word (BylineSpellAdapter *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->word_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &end, self->word_end);

  return gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
}

GMenuModel *
byline_spell_adapter_update_menu (BylineSpellAdapter *self,
                                  const GtkTextIter  *iter)
{
  g_auto(GStrv) suggestions = NULL;
  g_autofree char *word = NULL;
  g_autoptr(GMenu) section = NULL;
  GtkTextIter start, end;

  g_return_val_if_fail (BYLINE_IS_SPELL_ADAPTER (self), NULL);

  g_menu_remove_all (self->menu);
  if (!word_bounds_at (self, iter, &start, &end) ||
      !gtk_text_iter_has_tag (&start, self->misspelled))
    return G_MENU_MODEL (self->menu);

  gtk_text_buffer_move_mark (self->buffer, self->word_start, &start);
  gtk_text_buffer_move_mark (self->buffer, self->word_end, &end);
  word = dup_word (self);
  suggestions = byline_spell_checker_suggest (self->checker, word, -1, MAX_SUGGESTIONS);

  section = g_menu_new ();
  for (guint i = 0; suggestions[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (suggestions[i], NULL);

      g_menu_item_set_action_and_target_value (item, "spell.replace",
                                               g_variant_new_string (suggestions[i]));
      g_menu_append_item (section, item);
    }
  if (suggestions[0] == NULL)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Suggestions"), "spell.none");

      g_menu_append_item (section, item);
    }
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (section));

  g_clear_object (&section);
  section = g_menu_new ();
  g_menu_append (section, _("_Add to Dictionary"), "spell.add");
  g_menu_append (section, _("_Ignore"), "spell.ignore");
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (section));

  return G_MENU_MODEL (self->menu);
}

static void
secondary_pressed_cb (BylineSpellAdapter *self,
                      int                 n_press,
                      double              x,
                      double              y)
{
  GtkTextIter iter;
  int buffer_x, buffer_y;

  /* Only prepares the menu: the view's own gesture shows it. */
  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET,
                                         x, y, &buffer_x, &buffer_y);
  gtk_text_view_get_iter_at_location (self->view, &iter, buffer_x, buffer_y);
  byline_spell_adapter_update_menu (self, &iter);
}

static void
replace_action_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  BylineSpellAdapter *self = user_data;
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->word_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &end, self->word_end);

  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete (self->buffer, &start, &end);
  gtk_text_buffer_insert (self->buffer, &start, g_variant_get_string (parameter, NULL), -1);
  gtk_text_buffer_end_user_action (self->buffer);
}

static void
add_action_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  BylineSpellAdapter *self = user_data;
  g_autofree char *word = dup_word (self);

  byline_spell_checker_add_word (self->checker, word);
  invalidate_all (self);
}

static void
ignore_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  BylineSpellAdapter *self = user_data;
  g_autofree char *word = dup_word (self);

  byline_spell_checker_ignore_word (self->checker, word);
  invalidate_all (self);
}

static const GActionEntry spell_actions[] = {
  { "replace", replace_action_cb, "s" },
  { "add", add_action_cb },
  { "ignore", ignore_action_cb },
};

/* GObject ---------------------------------------------------------------- */

static void
byline_spell_adapter_finalize (GObject *object)
{
  BylineSpellAdapter *self = BYLINE_SPELL_ADAPTER (object);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_object (&self->checker);
  g_clear_object (&self->buffer);
  g_clear_object (&self->menu);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (byline_spell_adapter_parent_class)->finalize (object);
}

static void
byline_spell_adapter_class_init (BylineSpellAdapterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_spell_adapter_finalize;
}

static void
byline_spell_adapter_init (BylineSpellAdapter *self)
{
  self->cursor_line = -1;
  self->menu = g_menu_new ();
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), spell_actions,
                                   G_N_ELEMENTS (spell_actions), self);
}

static void
setup_buffer (BylineSpellAdapter *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  GtkTextIter start;

  self->misspelled = gtk_text_tag_table_lookup (table, "misspelled");
  if (self->misspelled == NULL)
    self->misspelled = gtk_text_buffer_create_tag (self->buffer, "misspelled",
                                                   "underline", PANGO_UNDERLINE_ERROR,
                                                   NULL);
  self->unchecked = gtk_text_tag_table_lookup (table, "spell-unchecked");
  if (self->unchecked == NULL)
    self->unchecked = gtk_text_buffer_create_tag (self->buffer, "spell-unchecked", NULL);

  gtk_text_buffer_get_start_iter (self->buffer, &start);
  self->word_start = gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE);
  self->word_end = gtk_text_buffer_create_mark (self->buffer, NULL, &start, FALSE);

  g_signal_connect_object (self->buffer, "insert-text",
                           G_CALLBACK (insert_text_after_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "delete-range",
                           G_CALLBACK (delete_range_after_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "notify::cursor-position",
                           G_CALLBACK (cursor_moved_cb), self, G_CONNECT_SWAPPED);
}

BylineSpellAdapter *
byline_spell_adapter_get_for_view (GtkTextView *view)
{
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  return g_object_get_data (G_OBJECT (view), ADAPTER_KEY);
}

BylineSpellAdapter *
byline_spell_adapter_attach (GtkTextView        *view,
                             BylineSpellChecker *checker)
{
  BylineSpellAdapter *self;
  GtkGesture *gesture;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);
  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (checker), NULL);

  self = g_object_new (BYLINE_TYPE_SPELL_ADAPTER, NULL);
  self->view = view;
  self->buffer = g_object_ref (gtk_text_view_get_buffer (view));
  self->checker = g_object_ref (checker);
  setup_buffer (self);

  g_signal_connect_object (checker, "notify::language",
                           G_CALLBACK (language_changed_cb), self, G_CONNECT_SWAPPED);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (secondary_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (gesture));

  gtk_widget_insert_action_group (GTK_WIDGET (view), "spell", G_ACTION_GROUP (self->actions));
  gtk_text_view_set_extra_menu (view, G_MENU_MODEL (self->menu));

  /* The view owns the adapter and drops it when it goes away. */
  g_object_set_data_full (G_OBJECT (view), ADAPTER_KEY, self, g_object_unref);
  invalidate_all (self);

  return self;
}
