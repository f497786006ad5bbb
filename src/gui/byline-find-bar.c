/* byline-find-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Find and replace in a text view: case-insensitive (GTK compares casefolded
 * NFD text, so "HUYỆN" finds "Huyện"), every match highlighted with a tag,
 * replace all in one undo step.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "byline-find-bar.h"

#define SEARCH_FLAGS (GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_TEXT_ONLY)
/* Highlighting stops here: past a few thousand, more yellow helps nobody
 * and would cost a frame on a very long article. */
#define MAX_HIGHLIGHTS 5000
#define REFRESH_DELAY_MS 250

struct _BylineFindBar
{
  GtkWidget       parent_instance;

  GtkSearchBar   *search_bar;
  GtkSearchEntry *search_entry;
  GtkEntry       *replace_entry;
  GtkLabel       *matches_label;

  GtkTextView    *view;
  GtkTextBuffer  *buffer;
  GtkTextTag     *match_tag;
  gulong          changed_handler;
  guint           refresh_source;
  guint           n_matches;
};

G_DEFINE_FINAL_TYPE (BylineFindBar, byline_find_bar, GTK_TYPE_WIDGET)

static const char *
search_text (BylineFindBar *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

static void
update_matches_label (BylineFindBar *self)
{
  g_autofree char *text = NULL;

  if (*search_text (self) == '\0')
    text = g_strdup ("");
  else if (self->n_matches == 0)
    text = g_strdup (_("No matches"));
  else
    text = g_strdup_printf (ngettext ("%u match", "%u matches", self->n_matches), self->n_matches);

  gtk_label_set_label (self->matches_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "find.replace-all", self->n_matches > 0);
}

static void
highlight_matches (BylineFindBar *self)
{
  const char *needle = search_text (self);
  GtkTextIter start, end, match_start, match_end;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->n_matches = 0;
  if (self->buffer == NULL)
    return;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->match_tag, &start, &end);

  if (*needle != '\0' && gtk_search_bar_get_search_mode (self->search_bar))
    while (gtk_text_iter_forward_search (&start, needle, SEARCH_FLAGS, &match_start, &match_end, NULL))
      {
        if (self->n_matches++ < MAX_HIGHLIGHTS)
          gtk_text_buffer_apply_tag (self->buffer, self->match_tag, &match_start, &match_end);
        start = match_end;
      }

  update_matches_label (self);
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  BylineFindBar *self = user_data;

  self->refresh_source = 0;
  highlight_matches (self);

  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (BylineFindBar *self)
{
  /* Matches go stale as the user edits with the bar open; catch up once
   * typing pauses rather than on every key. */
  if (gtk_search_bar_get_search_mode (self->search_bar) && self->refresh_source == 0)
    self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

static void
select_match (BylineFindBar     *self,
              const GtkTextIter *start,
              const GtkTextIter *end)
{
  gtk_text_buffer_select_range (self->buffer, start, end);
  if (self->view != NULL)
    gtk_text_view_scroll_to_mark (self->view, gtk_text_buffer_get_insert (self->buffer),
                                  0.1, FALSE, 0.0, 0.5);
}

gboolean
byline_find_bar_find (BylineFindBar *self,
                      gboolean       forward)
{
  const char *needle;
  GtkTextIter from, match_start, match_end, sel_start, sel_end;
  gboolean found;

  g_return_val_if_fail (BYLINE_IS_FIND_BAR (self), FALSE);

  needle = search_text (self);
  if (self->buffer == NULL || *needle == '\0')
    return FALSE;

  gtk_text_buffer_get_selection_bounds (self->buffer, &sel_start, &sel_end);
  if (forward)
    {
      from = sel_end;
      found = gtk_text_iter_forward_search (&from, needle, SEARCH_FLAGS, &match_start, &match_end, NULL);
      if (!found)
        {
          gtk_text_buffer_get_start_iter (self->buffer, &from);
          found = gtk_text_iter_forward_search (&from, needle, SEARCH_FLAGS, &match_start, &match_end, NULL);
        }
    }
  else
    {
      from = sel_start;
      found = gtk_text_iter_backward_search (&from, needle, SEARCH_FLAGS, &match_start, &match_end, NULL);
      if (!found)
        {
          gtk_text_buffer_get_end_iter (self->buffer, &from);
          found = gtk_text_iter_backward_search (&from, needle, SEARCH_FLAGS, &match_start, &match_end, NULL);
        }
    }

  if (found)
    select_match (self, &match_start, &match_end);

  return found;
}

/* Whether the selection is exactly one match, so Replace replaces it. */
static gboolean
selection_is_match (BylineFindBar *self,
                    GtkTextIter   *start,
                    GtkTextIter   *end)
{
  GtkTextIter match_start, match_end;

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, start, end))
    return FALSE;

  return gtk_text_iter_forward_search (start, search_text (self), SEARCH_FLAGS,
                                       &match_start, &match_end, end) &&
         gtk_text_iter_equal (&match_start, start) &&
         gtk_text_iter_equal (&match_end, end);
}

static void
replace_range (BylineFindBar *self,
               GtkTextIter   *start,
               GtkTextIter   *end)
{
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));

  gtk_text_buffer_delete (self->buffer, start, end);
  gtk_text_buffer_insert (self->buffer, start, replacement, -1);
}

static void
replace_current (BylineFindBar *self)
{
  GtkTextIter start, end;

  if (self->buffer == NULL || *search_text (self) == '\0')
    return;

  if (selection_is_match (self, &start, &end))
    {
      gtk_text_buffer_begin_user_action (self->buffer);
      replace_range (self, &start, &end);
      gtk_text_buffer_end_user_action (self->buffer);
      gtk_text_buffer_place_cursor (self->buffer, &start);
    }

  byline_find_bar_find (self, TRUE);
}

guint
byline_find_bar_replace_all (BylineFindBar *self)
{
  const char *needle;
  GtkTextIter iter, match_start, match_end;
  guint count = 0;

  g_return_val_if_fail (BYLINE_IS_FIND_BAR (self), 0);

  needle = search_text (self);
  if (self->buffer == NULL || *needle == '\0')
    return 0;

  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  while (gtk_text_iter_forward_search (&iter, needle, SEARCH_FLAGS, &match_start, &match_end, NULL))
    {
      /* Searching goes on after the replacement, never inside it, so a
       * replacement that contains the search text cannot loop. */
      replace_range (self, &match_start, &match_end);
      iter = match_start;
      count++;
    }
  gtk_text_buffer_end_user_action (self->buffer);

  highlight_matches (self);

  return count;
}

static void
search_changed_cb (BylineFindBar *self)
{
  highlight_matches (self);
}

static void
search_activate_cb (BylineFindBar *self)
{
  byline_find_bar_find (self, TRUE);
}

static void
search_next_cb (BylineFindBar *self)
{
  byline_find_bar_find (self, TRUE);
}

static void
search_previous_cb (BylineFindBar *self)
{
  byline_find_bar_find (self, FALSE);
}

static void
search_stop_cb (BylineFindBar *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (self->view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
replace_activate_cb (BylineFindBar *self)
{
  replace_current (self);
}

static void
search_mode_changed_cb (BylineFindBar *self)
{
  /* Closing the bar takes the highlights away with it. */
  highlight_matches (self);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BylineFindBar *self = BYLINE_FIND_BAR (widget);

  if (g_str_equal (action_name, "find.next"))
    byline_find_bar_find (self, TRUE);
  else if (g_str_equal (action_name, "find.previous"))
    byline_find_bar_find (self, FALSE);
  else if (g_str_equal (action_name, "find.replace"))
    replace_current (self);
  else if (g_str_equal (action_name, "find.replace-all"))
    byline_find_bar_replace_all (self);
}

void
byline_find_bar_set_view (BylineFindBar *self,
                          GtkTextView   *view)
{
  GtkTextTagTable *table;

  g_return_if_fail (BYLINE_IS_FIND_BAR (self));
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));
  g_return_if_fail (self->view == NULL);

  self->view = view;
  self->buffer = g_object_ref (gtk_text_view_get_buffer (view));
  table = gtk_text_buffer_get_tag_table (self->buffer);
  self->match_tag = gtk_text_tag_table_lookup (table, "search-match");
  if (self->match_tag == NULL)
    self->match_tag = gtk_text_buffer_create_tag (self->buffer, "search-match",
                                                  "background", "rgba(246,211,45,0.5)",
                                                  NULL);
  self->changed_handler = g_signal_connect_object (self->buffer, "changed",
                                                   G_CALLBACK (buffer_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
}

void
byline_find_bar_reveal (BylineFindBar *self)
{
  GtkTextIter start, end;

  g_return_if_fail (BYLINE_IS_FIND_BAR (self));

  if (self->buffer != NULL &&
      gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end) &&
      gtk_text_iter_get_line (&start) == gtk_text_iter_get_line (&end))
    {
      g_autofree char *selected = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), selected);
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

gboolean
byline_find_bar_get_revealed (BylineFindBar *self)
{
  g_return_val_if_fail (BYLINE_IS_FIND_BAR (self), FALSE);

  return gtk_search_bar_get_search_mode (self->search_bar);
}

void
byline_find_bar_set_search_text (BylineFindBar *self,
                                 const char    *text)
{
  g_return_if_fail (BYLINE_IS_FIND_BAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* search-changed is delayed by GtkSearchEntry; callers want the result now. */
  highlight_matches (self);
}

void
byline_find_bar_set_replace_text (BylineFindBar *self,
                                  const char    *text)
{
  g_return_if_fail (BYLINE_IS_FIND_BAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->replace_entry), text != NULL ? text : "");
}

guint
byline_find_bar_get_n_matches (BylineFindBar *self)
{
  g_return_val_if_fail (BYLINE_IS_FIND_BAR (self), 0);

  return self->n_matches;
}

GtkWidget *
byline_find_bar_new (void)
{
  return g_object_new (BYLINE_TYPE_FIND_BAR, NULL);
}

static void
byline_find_bar_dispose (GObject *object)
{
  BylineFindBar *self = BYLINE_FIND_BAR (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_signal_handler (&self->changed_handler, self->buffer);
  g_clear_object (&self->buffer);
  self->view = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_FIND_BAR);

  G_OBJECT_CLASS (byline_find_bar_parent_class)->dispose (object);
}

static void
byline_find_bar_class_init (BylineFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_find_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/byline-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, replace_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineFindBar, matches_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, replace_activate_cb);

  gtk_widget_class_install_action (widget_class, "find.next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "find.previous", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "find.replace", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "find.replace-all", NULL, find_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
byline_find_bar_init (BylineFindBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}
