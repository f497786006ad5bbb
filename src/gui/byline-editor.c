/* byline-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Title, lead and body of one article. The title and lead go to the model
 * on every change (short strings); the body is converted to blocks after a
 * pause in typing, on focus-out and on byline_editor_flush(), so a keystroke
 * costs an edit of the GtkTextBuffer and nothing more. Saving is the
 * store's business, in its worker: the editor never waits for it.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "byline-application.h"
#include "byline-body-history.h"
#include "byline-body-view.h"
#include "byline-editor.h"
#include "byline-find-bar.h"
#include "byline-import.h"
#include "byline-spell-adapter.h"
#include "byline-text.h"

/* A pause in typing this long sends the body to the model… */
#define FLUSH_DELAY_MS 300
/* …and a burst of typing never holds it back longer than this. */
#define FLUSH_MAX_DELAY_USEC (G_USEC_PER_SEC)
#define WORDS_PER_MINUTE 200
#define DEFAULT_LANGUAGE "vi"

struct _BylineEditor
{
  GtkWidget           parent_instance;

  /* Template */
  GtkWidget          *box;
  GtkScrolledWindow  *scroller;
  GtkWidget          *header;
  GtkTextView        *title_view;
  GtkTextView        *lead_view;
  GtkTextView        *body_view;
  GtkWidget          *title_placeholder;
  GtkWidget          *lead_placeholder;
  GtkLabel           *counts_label;
  BylineFindBar      *find_bar;
  GtkPopover         *link_popover;
  GtkEntry           *link_entry;
  GtkToggleButton    *bold_button;
  GtkToggleButton    *italic_button;
  GtkToggleButton    *style_buttons[BYLINE_PARAGRAPH_STYLE_NUMBERED + 1];

  BylineArticle      *article;
  BylineBodyBuffer   *body;
  BylineSpellChecker *spell;
  /* The article's block array when body and model last agreed: a different
   * array means someone else changed the body. */
  GPtrArray          *synced_blocks;
  /* Words per block (BylineBlock → count) at the last count. */
  GHashTable         *block_words;
  GtkTextMark        *link_start;
  GtkTextMark        *link_end;
  GCancellable       *cancellable;
  guint               flush_source;
  guint               resize_source;
  guint               caret_source;
  GtkTextView        *caret_view;
  gint64              first_pending;
  guint               body_dirty : 1;
  guint               syncing : 1;
  guint               loading : 1;
};

G_DEFINE_FINAL_TYPE (BylineEditor, byline_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  N_PROPS
};

enum {
  CREATE_PHOTO_WIDGET,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const struct {
  const char           *action;
  const char           *button;
  BylineParagraphStyle  style;
} paragraph_actions[] = {
  { "editor.paragraph", "paragraph_button", BYLINE_PARAGRAPH_STYLE_PARAGRAPH },
  { "editor.heading2", "heading2_button", BYLINE_PARAGRAPH_STYLE_HEADING2 },
  { "editor.heading3", "heading3_button", BYLINE_PARAGRAPH_STYLE_HEADING3 },
  { "editor.quote", "quote_button", BYLINE_PARAGRAPH_STYLE_QUOTE },
  { "editor.bulleted-list", "bulleted_button", BYLINE_PARAGRAPH_STYLE_BULLETED },
  { "editor.numbered-list", "numbered_button", BYLINE_PARAGRAPH_STYLE_NUMBERED },
};

static char *
dup_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Counts ---------------------------------------------------------------- */

static guint
count_characters (BylineArticle *article)
{
  GPtrArray *blocks = byline_article_get_blocks (article);
  const char *title = byline_article_get_title (article);
  const char *lead = byline_article_get_lead (article);
  guint chars = 0;

  if (title != NULL)
    chars += g_utf8_strlen (title, -1);
  if (lead != NULL)
    chars += g_utf8_strlen (lead, -1);
  for (guint i = 0; i < blocks->len; i++)
    chars += byline_block_get_n_chars (blocks->pdata[i]);

  return chars;
}

/* Counting the words of a 50,000-word body takes ~7 ms, at every pause in
 * typing. Blocks are immutable and a flush replaces only the edited ones
 * (the others are the same objects), so the count of each block is kept
 * until the next count and only new blocks are counted. No word spans two
 * blocks: the sum is byline_article_count_words()'s body count. */
static guint
count_body_words (BylineEditor *self,
                  GPtrArray    *blocks)
{
  g_autoptr(GHashTable) counted = NULL;
  guint words = 0;

  counted = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) byline_block_unref, NULL);
  for (guint i = 0; i < blocks->len; i++)
    {
      BylineBlock *block = blocks->pdata[i];
      gpointer known;
      guint n;

      if (self->block_words != NULL &&
          g_hash_table_lookup_extended (self->block_words, block, NULL, &known))
        n = GPOINTER_TO_UINT (known);
      else
        n = byline_text_count_words (byline_block_get_text (block));
      /* A block present twice: insert unrefs the key it does not keep. */
      g_hash_table_insert (counted, byline_block_ref (block), GUINT_TO_POINTER (n));
      words += n;
    }

  g_clear_pointer (&self->block_words, g_hash_table_unref);
  self->block_words = g_steal_pointer (&counted);
  return words;
}

static void
update_counts (BylineEditor *self)
{
  g_autofree char *words_text = NULL;
  g_autofree char *chars_text = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *label = NULL;
  guint words = 0, chars = 0, minutes;

  if (self->article != NULL)
    {
      words = byline_text_count_words (byline_article_get_title (self->article)) +
              byline_text_count_words (byline_article_get_lead (self->article)) +
              count_body_words (self, byline_article_get_blocks (self->article));
      chars = count_characters (self->article);
    }
  minutes = (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE;

  words_text = g_strdup_printf (ngettext ("%u word", "%u words", words), words);
  chars_text = g_strdup_printf (ngettext ("%u character", "%u characters", chars), chars);
  /* Translators: reading time */
  time_text = g_strdup_printf (ngettext ("%u min read", "%u min read", minutes), minutes);
  /* Translators: word count · character count · reading time */
  label = g_strdup_printf (_("%s · %s · %s"), words_text, chars_text, time_text);

  gtk_label_set_label (self->counts_label, label);
}

/* Body ↔ model ---------------------------------------------------------- */

static void
remember_synced_blocks (BylineEditor *self)
{
  g_clear_pointer (&self->synced_blocks, g_ptr_array_unref);
  if (self->article != NULL)
    self->synced_blocks = g_ptr_array_ref (byline_article_get_blocks (self->article));
}

void
byline_editor_flush (BylineEditor *self)
{
  g_return_if_fail (BYLINE_IS_EDITOR (self));

  g_clear_handle_id (&self->flush_source, g_source_remove);
  if (self->article == NULL)
    return;

  if (self->body_dirty)
    {
      g_autoptr(GPtrArray) blocks = byline_body_buffer_dup_blocks (self->body);

      self->syncing = TRUE;
      byline_article_set_blocks (self->article, blocks);
      self->syncing = FALSE;
      self->body_dirty = FALSE;
      remember_synced_blocks (self);
    }

  update_counts (self);
}

static gboolean
flush_timeout_cb (gpointer user_data)
{
  BylineEditor *self = user_data;

  self->flush_source = 0;
  byline_editor_flush (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_flush (BylineEditor *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->flush_source != 0)
    {
      if (now - self->first_pending >= FLUSH_MAX_DELAY_USEC)
        return;
      g_clear_handle_id (&self->flush_source, g_source_remove);
    }
  else
    self->first_pending = now;

  self->flush_source = g_timeout_add (FLUSH_DELAY_MS, flush_timeout_cb, self);
}

static void
body_blocks_changed_cb (BylineEditor *self)
{
  self->body_dirty = TRUE;
  schedule_flush (self);
}

static void
load_body (BylineEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->body);
  GtkTextIter iter;
  int offset;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  offset = gtk_text_iter_get_offset (&iter);

  if (self->article != NULL)
    byline_body_buffer_set_blocks (self->body, byline_article_get_blocks (self->article));
  else
    {
      /* Through set_blocks(): an empty editor has no undo back into the
       * article it showed. */
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      byline_body_buffer_set_blocks (self->body, none);
    }
  self->body_dirty = FALSE;
  remember_synced_blocks (self);

  /* An outside change (a photo removed) keeps the caret where it was. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

/* Photo cards ----------------------------------------------------------- */

static GtkWidget *
create_default_photo_widget (BylineEditor *self,
                             const char   *photo_id)
{
  BylinePhoto *photo = NULL;
  const char *caption = NULL;
  GtkWidget *box, *image, *label;

  if (self->article != NULL)
    photo = byline_article_find_photo (self->article, photo_id);
  if (photo != NULL)
    caption = byline_photo_get_caption (photo);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "byline-photo-placeholder");
  gtk_widget_set_size_request (box, 420, -1);

  image = gtk_image_new_from_icon_name ("image-x-generic-symbolic");
  gtk_image_set_pixel_size (GTK_IMAGE (image), 32);
  gtk_widget_add_css_class (image, "dim-label");
  gtk_box_append (GTK_BOX (box), image);

  label = gtk_label_new (caption != NULL && *caption != '\0' ? caption : _("Photo"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static void
body_insert_child_anchor_cb (BylineEditor       *self,
                             GtkTextIter        *location,
                             GtkTextChildAnchor *anchor)
{
  const char *photo_id = byline_body_buffer_get_anchor_photo (anchor);
  GtkWidget *widget = NULL;

  if (photo_id == NULL)
    return;

  g_signal_emit (self, signals[CREATE_PHOTO_WIDGET], 0, photo_id, &widget);
  if (widget == NULL)
    widget = create_default_photo_widget (self, photo_id);

  gtk_text_view_add_child_at_anchor (self->body_view, widget, anchor);
}

/* Title and lead -------------------------------------------------------- */

static void
update_placeholders (BylineEditor *self)
{
  gtk_widget_set_visible (self->title_placeholder,
                          gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (self->title_view)) == 0);
  gtk_widget_set_visible (self->lead_placeholder,
                          gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (self->lead_view)) == 0);
}

static void
field_changed_cb (BylineEditor  *self,
                  GtkTextBuffer *buffer)
{
  g_autofree char *text = NULL;

  update_placeholders (self);
  if (self->article == NULL || self->loading)
    return;

  /* Title and lead are single paragraphs: a pasted line break is a space. */
  text = dup_view_text (buffer == gtk_text_view_get_buffer (self->title_view) ? self->title_view : self->lead_view);
  g_strdelimit (text, "\r\n", ' ');

  self->syncing = TRUE;
  if (buffer == gtk_text_view_get_buffer (self->title_view))
    byline_article_set_title (self->article, text);
  else
    byline_article_set_lead (self->article, text);
  self->syncing = FALSE;

  schedule_flush (self);
}

/* Shows @value in @view unless it already shows it (same NFC text): no
 * cursor jump when the model only normalised what was typed. */
static void
load_field (BylineEditor *self,
            GtkTextView  *view,
            const char   *value)
{
  g_autofree char *text = dup_view_text (view);
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

  g_strdelimit (nfc, "\r\n", ' ');
  if (g_strcmp0 (nfc, value != NULL ? value : "") == 0)
    return;

  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), value != NULL ? value : "", -1);
  self->loading = FALSE;
}

static gboolean
field_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      BylineEditor          *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;

  /* Enter moves on: title → lead → body. */
  gtk_widget_grab_focus (view == GTK_WIDGET (self->title_view) ? GTK_WIDGET (self->lead_view)
                                                               : GTK_WIDGET (self->body_view));
  return TRUE;
}

static void
update_language (BylineEditor *self)
{
  const char *language = NULL;

  if (self->article != NULL)
    language = byline_article_get_language (self->article);

  byline_spell_checker_set_language (self->spell, language != NULL ? language : DEFAULT_LANGUAGE);
}

static void
article_changed_cb (BylineEditor *self)
{
  if (self->syncing)
    return;

  load_field (self, self->title_view, byline_article_get_title (self->article));
  load_field (self, self->lead_view, byline_article_get_lead (self->article));
  update_language (self);

  if (byline_article_get_blocks (self->article) != self->synced_blocks)
    {
      /* Nothing typed is lost: pending edits win over an outside change. */
      if (self->body_dirty)
        byline_editor_flush (self);
      else
        load_body (self);
    }

  /* Counting a long article costs a few ms: not on every key typed in the
   * side panel. */
  schedule_flush (self);
}

/* Formatting actions ---------------------------------------------------- */

/* The toolbar shows what is at the caret: pressed Bold inside bold text,
 * pressed H2 in a heading. Setting "active" does not activate the action
 * (that happens on "clicked"), so this cannot loop. */
static void
update_toolbar (BylineEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->body);
  BylineParagraphStyle style;
  GtkTextIter start, end;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  gtk_toggle_button_set_active (self->bold_button,
                                byline_body_buffer_has_mark (self->body, &start, BYLINE_MARK_BOLD));
  gtk_toggle_button_set_active (self->italic_button,
                                byline_body_buffer_has_mark (self->body, &start, BYLINE_MARK_ITALIC));

  style = byline_body_buffer_get_paragraph_style (self->body, &start);
  for (guint i = 0; i < G_N_ELEMENTS (self->style_buttons); i++)
    gtk_toggle_button_set_active (self->style_buttons[i], i == style);
}

static void
paragraph_style_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BylineEditor *self = BYLINE_EDITOR (widget);
  GtkTextIter start, end;

  gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->body), &start, &end);
  for (guint i = 0; i < G_N_ELEMENTS (paragraph_actions); i++)
    if (g_str_equal (action_name, paragraph_actions[i].action))
      byline_body_buffer_set_paragraph_style (self->body, &start, &end, paragraph_actions[i].style);
  update_toolbar (self);
}

static void
mark_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BylineEditor *self = BYLINE_EDITOR (widget);
  GtkTextIter start, end;

  gtk_text_buffer_get_selection_bounds (GTK_TEXT_BUFFER (self->body), &start, &end);
  byline_body_buffer_toggle_mark (self->body, &start, &end,
                                  g_str_equal (action_name, "editor.bold") ? BYLINE_MARK_BOLD
                                                                           : BYLINE_MARK_ITALIC);
  update_toolbar (self);
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BylineEditor *self = BYLINE_EDITOR (widget);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->body);
  GtkTextIter start, end, link_start, link_end;
  GdkRectangle location;
  const char *href;
  graphene_point_t point;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  href = byline_body_buffer_get_link (self->body, &start, &link_start, &link_end);
  if (href != NULL && gtk_text_iter_equal (&start, &end))
    start = link_start, end = link_end;

  gtk_text_buffer_move_mark (buffer, self->link_start, &start);
  gtk_text_buffer_move_mark (buffer, self->link_end, &end);
  gtk_editable_set_text (GTK_EDITABLE (self->link_entry), href != NULL ? href : "");

  gtk_text_view_get_iter_location (self->body_view, &start, &location);
  gtk_text_view_buffer_to_window_coords (self->body_view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x, location.y, &location.x, &location.y);
  if (gtk_widget_compute_point (GTK_WIDGET (self->body_view), GTK_WIDGET (self),
                                &GRAPHENE_POINT_INIT (location.x, location.y), &point))
    {
      location.x = point.x;
      location.y = point.y;
      gtk_popover_set_pointing_to (self->link_popover, &location);
    }

  gtk_popover_popup (self->link_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->link_entry));
}

/* A bare "vnexpress.net/…" is a web address, not a relative path. */
static char *
normalize_href (const char *text)
{
  g_autofree char *href = g_strstrip (g_strdup (text));

  if (*href != '\0' && g_uri_peek_scheme (href) == NULL)
    return g_strconcat ("https://", href, NULL);

  return g_steal_pointer (&href);
}

static void
link_entry_activate_cb (BylineEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->body);
  g_autofree char *href = normalize_href (gtk_editable_get_text (GTK_EDITABLE (self->link_entry)));
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_mark (buffer, &start, self->link_start);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, self->link_end);

  gtk_text_buffer_begin_user_action (buffer);
  if (gtk_text_iter_equal (&start, &end) && *href != '\0')
    {
      /* No text selected: the address itself becomes the link text. */
      int offset = gtk_text_iter_get_offset (&start);

      gtk_text_buffer_insert (buffer, &end, href, -1);
      gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
    }
  byline_body_buffer_set_link (self->body, &start, &end, href);
  gtk_text_buffer_end_user_action (buffer);

  gtk_popover_popdown (self->link_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  byline_find_bar_reveal (BYLINE_EDITOR (widget)->find_bar);
}

/* Undo ------------------------------------------------------------------ */

static void
update_undo_actions (BylineEditor *self)
{
  BylineBodyHistory *history = byline_body_buffer_get_history (self->body);
  gboolean editable = gtk_text_view_get_editable (self->body_view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo",
                                 editable && byline_body_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo",
                                 editable && byline_body_history_get_can_redo (history));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BylineEditor *self = BYLINE_EDITOR (widget);
  BylineBodyHistory *history = byline_body_buffer_get_history (self->body);

  /* A draft shown read-only is never changed, not even back. */
  if (!gtk_text_view_get_editable (self->body_view))
    return;

  if (g_str_equal (action_name, "editor.undo"))
    byline_body_history_undo (history);
  else
    byline_body_history_redo (history);

  gtk_text_view_scroll_mark_onscreen (self->body_view, gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self->body)));
  update_toolbar (self);
}

/* The title and lead ride inside the body view (its header): their own
 * Ctrl+Z passes through the body's controller and must go on to them. */
static gboolean
undo_shortcut_cb (GtkWidget *view,
                  GVariant  *args,
                  gpointer   user_data)
{
  if (!gtk_widget_has_focus (view))
    return FALSE;

  return gtk_widget_activate_action (view, g_variant_get_string (args, NULL), NULL);
}

/* Ctrl+Z in the body is the body's undo, with its formatting; in the
 * title, the lead and the entries it stays theirs. */
static void
add_undo_shortcuts (BylineEditor *self)
{
  static const struct {
    const char *trigger;
    const char *action;
  } undo_shortcuts[] = {
    { "<Control>z", "editor.undo" },
    { "<Control><Shift>z", "editor.redo" },
    { "<Control>y", "editor.redo" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  for (guint i = 0; i < G_N_ELEMENTS (undo_shortcuts); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (undo_shortcuts[i].trigger),
                                                gtk_callback_action_new (undo_shortcut_cb, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (undo_shortcuts[i].action));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }

  /* Before GtkTextView's own bindings, which would ask GtkTextHistory. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self->body_view), controller);
}

/* Paste ----------------------------------------------------------------- */

/* Browsers put text/html on the clipboard as UTF-8, except old Firefox
 * builds, which use UTF-16 with a byte order mark. */
static char *
decode_html (GBytes *bytes)
{
  gsize length;
  const guchar *data = g_bytes_get_data (bytes, &length);

  if (length >= 2 && data[0] == 0xff && data[1] == 0xfe)
    return g_convert ((const char *) data + 2, length - 2, "UTF-8", "UTF-16LE", NULL, NULL, NULL);

  return g_utf8_make_valid ((const char *) data, length);
}

static void
paste_blocks (BylineEditor *self,
              GPtrArray    *blocks)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->body);
  GtkTextIter iter;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  byline_body_buffer_insert_blocks (self->body, &iter, blocks);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_buffer_end_user_action (buffer);

  gtk_text_view_scroll_mark_onscreen (self->body_view, gtk_text_buffer_get_insert (buffer));
}

static void
html_spliced_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BylineEditor) self = user_data;
  GOutputStream *stream = G_OUTPUT_STREAM (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *html = NULL;

  if (g_output_stream_splice_finish (stream, result, &error) < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the pasted HTML: %s", error->message);
      return;
    }

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  html = decode_html (bytes);
  if (html != NULL)
    blocks = byline_import_html_fragment (html, -1);

  if (blocks != NULL && blocks->len > 0)
    paste_blocks (self, blocks);
  else
    gtk_text_buffer_paste_clipboard (GTK_TEXT_BUFFER (self->body),
                                     gtk_widget_get_clipboard (GTK_WIDGET (self->body_view)),
                                     NULL, TRUE);
}

static void
html_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BylineEditor) self = user_data;
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GOutputStream) output = NULL;
  g_autoptr(GError) error = NULL;

  input = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, NULL, &error);
  if (input == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the clipboard: %s", error->message);
      return;
    }

  output = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (output, input,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, self->cancellable,
                                html_spliced_cb, g_object_ref (self));
}

static void
body_paste_clipboard_cb (BylineEditor *self,
                         GtkTextView  *view)
{
  static const char *mime_types[] = { "text/html", NULL };
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));

  /* A paste right after typing is an undo step of its own. */
  byline_body_history_break_group (byline_body_buffer_get_history (self->body));

  /* Rich paste keeps headings, lists, quotes, bold, italic and links and
   * drops everything else; plain text goes the default way. */
  if (!gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard), "text/html"))
    return;

  g_signal_stop_emission_by_name (view, "paste-clipboard");
  gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, self->cancellable,
                            html_read_cb, g_object_ref (self));
}

/* Shortcuts ------------------------------------------------------------- */

/* The editor's shortcuts come from the application's one table; a local
 * controller makes them work wherever the editor is put (a test window, a
 * window without the application's accelerators). */
static void
add_shortcuts (BylineEditor *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  const BylineShortcut *shortcuts;
  guint n_shortcuts;

  shortcuts = byline_application_get_shortcuts (&n_shortcuts);
  for (guint i = 0; i < n_shortcuts; i++)
    {
      if (!g_str_has_prefix (shortcuts[i].action, "editor."))
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (shortcuts[i].accels) && shortcuts[i].accels[j] != NULL; j++)
        gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                              gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].accels[j]),
                                                                gtk_named_action_new (shortcuts[i].action)));
    }

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* GTK 4.8 measures a text view that is not itself scrolled before its
 * text is laid out, as 0 high, and does not ask again once the layout is
 * done: after loading text, ask again ourselves. */
static gboolean
resize_views_cb (gpointer user_data)
{
  BylineEditor *self = user_data;

  self->resize_source = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self->title_view));
  gtk_widget_queue_resize (GTK_WIDGET (self->lead_view));
  gtk_widget_queue_resize (GTK_WIDGET (self->body_view));

  return G_SOURCE_REMOVE;
}

static void
queue_resize_views (BylineEditor *self)
{
  if (self->resize_source == 0)
    self->resize_source = g_idle_add_full (GDK_PRIORITY_REDRAW + 10, resize_views_cb, self, NULL);
}

/* Following the caret ---------------------------------------------------- */

/* The body keeps its own caret in view. Title and lead ride in the body's
 * top margin, so when their caret moves the body scrolls to show them,
 * once the frame's layout has placed the text. */
#define CARET_MARGIN 48

static gboolean
scroll_to_caret_cb (gpointer user_data)
{
  BylineEditor *self = user_data;
  GtkTextView *view = self->caret_view;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkTextIter iter;
  GdkRectangle caret;
  graphene_point_t point;
  double value, page_size, y;

  self->caret_source = 0;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (view, &iter, &caret);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, caret.x, caret.y, &caret.x, &caret.y);
  if (!gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (self->body_view),
                                 &GRAPHENE_POINT_INIT (caret.x, caret.y), &point))
    return G_SOURCE_REMOVE;

  /* From the body's widget coordinates to its scrolled content. */
  value = gtk_adjustment_get_value (adjustment);
  page_size = gtk_adjustment_get_page_size (adjustment);
  y = point.y + value;
  if (y - CARET_MARGIN < value)
    gtk_adjustment_set_value (adjustment, y - CARET_MARGIN);
  else if (y + caret.height + CARET_MARGIN > value + page_size)
    gtk_adjustment_set_value (adjustment, y + caret.height + CARET_MARGIN - page_size);

  return G_SOURCE_REMOVE;
}

static void
header_cursor_moved_cb (GtkTextBuffer *buffer,
                        GParamSpec    *pspec,
                        BylineEditor  *self)
{
  self->caret_view = buffer == gtk_text_view_get_buffer (self->title_view) ? self->title_view
                                                                             : self->lead_view;
  if (self->caret_source == 0)
    self->caret_source = g_idle_add_full (GDK_PRIORITY_REDRAW + 10, scroll_to_caret_cb, self, NULL);
}

/* Public API ------------------------------------------------------------ */

BylineArticle *
byline_editor_get_article (BylineEditor *self)
{
  g_return_val_if_fail (BYLINE_IS_EDITOR (self), NULL);

  return self->article;
}

void
byline_editor_set_article (BylineEditor  *self,
                           BylineArticle *article)
{
  g_return_if_fail (BYLINE_IS_EDITOR (self));
  g_return_if_fail (article == NULL || BYLINE_IS_ARTICLE (article));

  if (self->article == article)
    return;

  /* What was typed into the previous article goes to it first. */
  byline_editor_flush (self);
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article, article_changed_cb, self);
  g_set_object (&self->article, article);

  self->loading = TRUE;
  load_field (self, self->title_view, article != NULL ? byline_article_get_title (article) : NULL);
  load_field (self, self->lead_view, article != NULL ? byline_article_get_lead (article) : NULL);
  self->loading = FALSE;
  update_placeholders (self);
  update_language (self);
  load_body (self);
  update_counts (self);
  queue_resize_views (self);

  if (article != NULL)
    g_signal_connect_object (article, "changed", G_CALLBACK (article_changed_cb), self,
                             G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

BylineBodyBuffer *
byline_editor_get_body_buffer (BylineEditor *self)
{
  g_return_val_if_fail (BYLINE_IS_EDITOR (self), NULL);

  return self->body;
}

GtkTextView *
byline_editor_get_body_view (BylineEditor *self)
{
  g_return_val_if_fail (BYLINE_IS_EDITOR (self), NULL);

  return self->body_view;
}

const char *
byline_editor_get_counts_text (BylineEditor *self)
{
  g_return_val_if_fail (BYLINE_IS_EDITOR (self), NULL);

  return gtk_label_get_label (self->counts_label);
}

GtkWidget *
byline_editor_new (void)
{
  return g_object_new (BYLINE_TYPE_EDITOR, NULL);
}

/* GObject and GtkWidget ------------------------------------------------- */

static void
body_focus_leave_cb (BylineEditor *self)
{
  byline_editor_flush (self);
}

static void
byline_editor_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (byline_editor_parent_class)->map (widget);

  queue_resize_views (BYLINE_EDITOR (widget));
}

static void
byline_editor_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  gtk_widget_measure (BYLINE_EDITOR (widget)->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
byline_editor_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  BylineEditor *self = BYLINE_EDITOR (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  /* The link popover is ours, so placing it is too. */
  gtk_popover_present (self->link_popover);
}

static void
byline_editor_dispose (GObject *object)
{
  BylineEditor *self = BYLINE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  if (self->article != NULL)
    byline_editor_flush (self);
  g_clear_handle_id (&self->flush_source, g_source_remove);
  g_clear_handle_id (&self->resize_source, g_source_remove);
  g_clear_handle_id (&self->caret_source, g_source_remove);
  if (self->link_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->link_popover));
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_EDITOR);
  g_clear_object (&self->article);
  g_clear_pointer (&self->synced_blocks, g_ptr_array_unref);
  g_clear_pointer (&self->block_words, g_hash_table_unref);

  G_OBJECT_CLASS (byline_editor_parent_class)->dispose (object);
}

static void
byline_editor_finalize (GObject *object)
{
  BylineEditor *self = BYLINE_EDITOR (object);

  g_clear_object (&self->body);
  g_clear_object (&self->spell);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (byline_editor_parent_class)->finalize (object);
}

static void
byline_editor_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BylineEditor *self = BYLINE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_editor_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BylineEditor *self = BYLINE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      byline_editor_set_article (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_editor_class_init (BylineEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_editor_dispose;
  object_class->finalize = byline_editor_finalize;
  object_class->get_property = byline_editor_get_property;
  object_class->set_property = byline_editor_set_property;

  widget_class->map = byline_editor_map;
  widget_class->measure = byline_editor_measure;
  widget_class->size_allocate = byline_editor_size_allocate;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         BYLINE_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BylineEditor::create-photo-widget:
   * @photo_id: the id of the photo
   *
   * Asks for the card that shows a photo of the body. The first handler
   * returning a widget wins; without one the editor shows a labelled
   * placeholder.
   *
   * Returns: (transfer full) (nullable): a new widget
   */
  signals[CREATE_PHOTO_WIDGET] =
    g_signal_new ("create-photo-widget",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_first_wins, NULL, NULL,
                  GTK_TYPE_WIDGET, 1, G_TYPE_STRING);

  g_type_ensure (BYLINE_TYPE_BODY_VIEW);
  g_type_ensure (BYLINE_TYPE_FIND_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/byline-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineEditor, box);
  gtk_widget_class_bind_template_child (widget_class, BylineEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, BylineEditor, header);
  gtk_widget_class_bind_template_child (widget_class, BylineEditor, title_view);
  gtk_widget_class_bind_template_child (widget_class, BylineEditor, lead_view);
  gtk_widget_class_bind_template_child (widget_class, BylineEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, BylineEditor, counts_label);
  gtk_widget_class_bind_template_child (widget_class, BylineEditor, find_bar);
  gtk_widget_class_bind_template_child (widget_class, BylineEditor, link_popover);
  gtk_widget_class_bind_template_child (widget_class, BylineEditor, link_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineEditor, bold_button);
  gtk_widget_class_bind_template_child (widget_class, BylineEditor, italic_button);
  for (guint i = 0; i < G_N_ELEMENTS (paragraph_actions); i++)
    gtk_widget_class_bind_template_child_full (widget_class, paragraph_actions[i].button, FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, link_entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "editor.bold", NULL, mark_action);
  gtk_widget_class_install_action (widget_class, "editor.italic", NULL, mark_action);
  gtk_widget_class_install_action (widget_class, "editor.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "editor.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, undo_action);
  for (guint i = 0; i < G_N_ELEMENTS (paragraph_actions); i++)
    gtk_widget_class_install_action (widget_class, paragraph_actions[i].action, NULL,
                                     paragraph_style_action);

  gtk_widget_class_set_css_name (widget_class, "byline-editor");
}

/* GtkTextView has no placeholder text: a dim label over the empty view.
 * It is a text view overlay, not a GtkOverlay around the view, because in
 * GTK 4.8 a wrapping text view inside a GtkOverlay is measured 0 high. */
static GtkWidget *
add_placeholder (GtkTextView *view,
                 const char  *text,
                 const char  *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, style_class);
  gtk_widget_add_css_class (label, "byline-placeholder");
  gtk_widget_set_can_target (label, FALSE);
  gtk_text_view_add_overlay (view, label, 0, 0);

  return label;
}

static void
setup_field (BylineEditor *self,
             GtkTextView  *view)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect_object (gtk_text_view_get_buffer (view), "changed",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (field_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (view), keys);
}

static gboolean
body_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     BylineEditor          *self)
{
  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter) ||
      (state & GDK_MODIFIER_MASK) != GDK_SHIFT_MASK)
    return FALSE;

  /* Shift+Enter: a line break inside the paragraph (U+2028), not a new
   * paragraph. */
  gtk_text_buffer_insert_interactive_at_cursor (GTK_TEXT_BUFFER (self->body), "\xe2\x80\xa8", -1, TRUE);
  gtk_text_view_scroll_mark_onscreen (self->body_view, gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self->body)));
  return TRUE;
}

static void
setup_body (BylineEditor *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkTextIter start;

  self->body = byline_body_buffer_new ();
  gtk_text_view_set_buffer (self->body_view, GTK_TEXT_BUFFER (self->body));
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self->body), &start);
  self->link_start = gtk_text_buffer_create_mark (GTK_TEXT_BUFFER (self->body), NULL, &start, TRUE);
  self->link_end = gtk_text_buffer_create_mark (GTK_TEXT_BUFFER (self->body), NULL, &start, FALSE);

  g_signal_connect_object (self->body, "blocks-changed",
                           G_CALLBACK (body_blocks_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->body, "insert-child-anchor",
                           G_CALLBACK (body_insert_child_anchor_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->body, "notify::cursor-position",
                           G_CALLBACK (update_toolbar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->body, "blocks-changed",
                           G_CALLBACK (update_toolbar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->body_view, "paste-clipboard",
                           G_CALLBACK (body_paste_clipboard_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (byline_body_buffer_get_history (self->body), "notify::can-undo",
                           G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (byline_body_buffer_get_history (self->body), "notify::can-redo",
                           G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->body_view, "notify::editable",
                           G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (focus, "leave", G_CALLBACK (body_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->body_view), focus);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (body_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->body_view), keys);

  byline_find_bar_set_view (self->find_bar, self->body_view);
  add_undo_shortcuts (self);
  update_undo_actions (self);
}

static void
byline_editor_init (BylineEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (paragraph_actions); i++)
    self->style_buttons[paragraph_actions[i].style] =
      GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (self), BYLINE_TYPE_EDITOR,
                                                        paragraph_actions[i].button));
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_parent (GTK_WIDGET (self->link_popover), GTK_WIDGET (self));
  byline_body_view_set_header (BYLINE_BODY_VIEW (self->body_view), self->header);

  self->title_placeholder = add_placeholder (self->title_view, _("Title"), "byline-title");
  self->lead_placeholder = add_placeholder (self->lead_view, _("Lead"), "byline-lead");
  setup_field (self, self->title_view);
  setup_field (self, self->lead_view);
  setup_body (self);

  self->spell = byline_spell_checker_new (DEFAULT_LANGUAGE);
  byline_spell_adapter_attach (self->lead_view, self->spell);
  byline_spell_adapter_attach (self->body_view, self->spell);

  g_signal_connect_object (gtk_text_view_get_buffer (self->title_view), "notify::cursor-position",
                           G_CALLBACK (header_cursor_moved_cb), self, 0);
  g_signal_connect_object (gtk_text_view_get_buffer (self->lead_view), "notify::cursor-position",
                           G_CALLBACK (header_cursor_moved_cb), self, 0);

  add_shortcuts (self);
  update_placeholders (self);
  update_counts (self);
}
