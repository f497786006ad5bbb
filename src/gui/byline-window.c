/* byline-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reporter's workspace: the library on the left, the open article in
 * the editor with its details panel, and what the store says about it
 * (saved, not saved and why, read-only, changed by another program). One
 * article at a time; switching releases the previous one to the store,
 * which writes it if needed.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "byline-photo-card.h"
#include "byline-window-private.h"

G_DEFINE_FINAL_TYPE (BylineWindow, byline_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

BylineWindow *
byline_window_new (BylineApplication *application)
{
  BylineWindow *self;

  g_return_val_if_fail (BYLINE_IS_APPLICATION (application), NULL);

  self = g_object_new (BYLINE_TYPE_WINDOW,
                       "application", application,
                       "store", byline_application_get_draft_store (application),
                       NULL);
  byline_publish_bar_set_outbox (self->publish_bar, byline_application_get_outbox (application));
  g_signal_connect_object (byline_application_get_outbox (application), "state-changed",
                           G_CALLBACK (byline_window_update_publish_button), self, G_CONNECT_SWAPPED);

  return self;
}

void
byline_window_toast (BylineWindow *self,
                     const char   *title)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (BYLINE_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  /* AdwToast titles are Pango markup in libadwaita 1.2; draft titles and
   * error messages are not. */
  markup = g_markup_escape_text (title, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

/* The state of the article ---------------------------------------------- */

static void
update_title (BylineWindow *self)
{
  const char *title = self->article != NULL ? byline_article_get_title (self->article) : NULL;

  if (self->article == NULL)
    adw_window_title_set_title (self->window_title, _("Byline"));
  else
    adw_window_title_set_title (self->window_title,
                                title != NULL && *title != '\0' ? title : _("Untitled"));
}

static const char *
save_state_text (BylineSaveState state)
{
  switch (state)
    {
    case BYLINE_SAVE_STATE_SAVED:
      return _("Saved");
    case BYLINE_SAVE_STATE_DIRTY:
    case BYLINE_SAVE_STATE_SAVING:
      return _("Saving…");
    case BYLINE_SAVE_STATE_ERROR:
      return _("Not saved");
    case BYLINE_SAVE_STATE_READ_ONLY:
      return _("Read-only");
    case BYLINE_SAVE_STATE_CONFLICT:
      return _("Changed by another program");
    default:
      g_assert_not_reached ();
    }
}

static void
update_save_state (BylineWindow *self)
{
  const GError *error = NULL;
  BylineSaveState state;

  if (self->article == NULL)
    {
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_revealer_set_reveal_child (self->save_error_revealer, FALSE);
      return;
    }

  state = byline_draft_store_get_save_state (self->store, self->article, &error);
  adw_window_title_set_subtitle (self->window_title, save_state_text (state));

  if (state == BYLINE_SAVE_STATE_ERROR && error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Not saved: %s"), error->message);

      gtk_label_set_label (self->save_error_label, text);
    }
  gtk_revealer_set_reveal_child (self->save_error_revealer, state == BYLINE_SAVE_STATE_ERROR);
}

/* A draft from a newer Byline is shown, never changed: the editor's text
 * views stop taking input and its formatting actions are switched off. */
static void
set_editable (BylineWindow *self,
              gboolean      editable)
{
  static const char * const views[] = { "title_view", "lead_view", "body_view" };
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (self->editor);
  const GVariantType *parameter_type;
  const char *property_name;
  const char *name;
  GType owner;

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GObject *view = gtk_widget_get_template_child (GTK_WIDGET (self->editor),
                                                     BYLINE_TYPE_EDITOR, views[i]);

      if (GTK_IS_TEXT_VIEW (view))
        gtk_text_view_set_editable (GTK_TEXT_VIEW (view), editable);
    }

  /* Undo and redo follow the editor's history and its body's "editable". */
  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &parameter_type, &property_name); i++)
    if (!g_str_equal (name, "editor.find") && !g_str_equal (name, "editor.undo") &&
        !g_str_equal (name, "editor.redo"))
      gtk_widget_action_set_enabled (GTK_WIDGET (self->editor), name, editable);

  gtk_widget_set_sensitive (GTK_WIDGET (self->article_panel), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->photo_strip), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->photo_panel), editable);
  gtk_revealer_set_reveal_child (self->read_only_revealer, !editable);
}

static void
article_changed_cb (BylineWindow *self)
{
  update_title (self);
  byline_window_update_publish_button (self);
}

/* The article page is built with the window but stays hidden until the
 * first frame is painted, or until an article is shown before that: the
 * editor stack is homogeneous, so GTK measures every visible page, and
 * measuring the editor, its panels and their icons for a page nobody
 * sees yet was about 40 ms before the first frame. Once shown it stays,
 * so the layout afterwards is the one it always was.
 *
 * It is measured once as soon as it shows, as it was when the stack
 * measured it hidden: allocated before its text views had laid out their
 * text, the body's scrolled window found the scrollbar it needs only
 * while allocating and queued a resize from inside the allocation (GTK
 * 4.8 then warns that it snapshots widgets without an allocation). */
static void
reveal_article_page (BylineWindow *self)
{
  if (gtk_widget_get_visible (self->article_page))
    return;

  gtk_widget_set_visible (self->article_page, TRUE);
  gtk_widget_measure (self->article_page, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_measure (self->article_page, GTK_ORIENTATION_VERTICAL, -1, NULL, NULL, NULL, NULL);
}

static void
first_frame_cb (GdkFrameClock *frame_clock,
                BylineWindow  *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, first_frame_cb, self);
  reveal_article_page (self);
}

/**
 * byline_window_show_article:
 * @article: (nullable): an article the store tracks
 *
 * Puts @article in the editor, releasing the article shown before.
 */
void
byline_window_show_article (BylineWindow  *self,
                            BylineArticle *article)
{
  g_return_if_fail (BYLINE_IS_WINDOW (self));
  g_return_if_fail (article == NULL || BYLINE_IS_ARTICLE (article));

  if (self->article == article)
    return;

  /* What was typed goes into the old article before the store lets go. */
  byline_editor_flush (self->editor);
  if (self->article != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->article, article_changed_cb, self);
      if (article != NULL)
        byline_draft_store_release (self->store, self->article);
    }
  g_set_object (&self->article, article);

  g_clear_object (&self->bundle_dir);
  if (article != NULL)
    self->bundle_dir = byline_draft_store_get_bundle_dir (self->store, byline_article_get_id (article));
  byline_editor_set_article (self->editor, article);
  byline_article_panel_set_article (self->article_panel, article);
  byline_photo_strip_set_article (self->photo_strip, article, self->bundle_dir);
  gtk_stack_set_visible_child_name (self->panel_stack, "article");
  if (article != NULL)
    {
      g_signal_connect_object (article, "changed", G_CALLBACK (article_changed_cb), self,
                               G_CONNECT_SWAPPED);
      set_editable (self, !byline_draft_store_is_read_only (self->store, article));
    }

  byline_publish_bar_set_article_id (self->publish_bar, article != NULL ? byline_article_get_id (article) : NULL);
  byline_window_update_publish_button (self);
  gtk_widget_set_visible (GTK_WIDGET (self->panel_button), article != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", article != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", article != NULL);
  if (article != NULL)
    reveal_article_page (self);
  gtk_stack_set_visible_child_name (self->editor_stack, article != NULL ? "article" : "empty");
  byline_library_pane_select_draft (self->library_pane,
                                    article != NULL ? byline_article_get_id (article) : NULL);
  update_title (self);
  update_save_state (self);
}

/* Shows the empty page and lets the store write and forget the article. */
void
byline_window_close_article (BylineWindow *self)
{
  g_autoptr(BylineArticle) article = NULL;

  g_return_if_fail (BYLINE_IS_WINDOW (self));

  if (self->article == NULL)
    return;

  article = g_object_ref (self->article);
  byline_window_show_article (self, NULL);
  byline_draft_store_release (self->store, article);
}

BylineArticle *
byline_window_get_article (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);

  return self->article;
}

static void
draft_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BylineWindow) self = user_data;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  article = byline_draft_store_open_finish (BYLINE_DRAFT_STORE (object), result, &error);
  if (article == NULL)
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("Could not open the draft: %s"), error->message);
      byline_window_toast (self, text);
      return;
    }

  if (BYLINE_DRAFT_STORE (object) == self->store)
    byline_window_show_article (self, article);
}

void
byline_window_open_draft (BylineWindow *self,
                          const char   *id)
{
  g_return_if_fail (BYLINE_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  byline_draft_store_open_async (self->store, id, self->cancellable,
                                 draft_opened_cb, g_object_ref (self));
}

/* Photos ------------------------------------------------------------------ */

static GtkWidget *
create_photo_widget_cb (BylineWindow *self,
                        const char   *photo_id)
{
  return byline_photo_card_create_for_editor (self->editor, photo_id, self->bundle_dir);
}

static void
selected_photo_cb (BylineWindow *self)
{
  BylinePhoto *photo = byline_photo_strip_get_selected_photo (self->photo_strip);

  byline_photo_panel_set_photo (self->photo_panel, photo, self->bundle_dir);
  /* Picking a photo shows its credits beside it. */
  if (photo != NULL)
    gtk_stack_set_visible_child_name (self->panel_stack, "photo");
}

static void
insert_photo_cb (BylineWindow *self,
                 const char   *photo_id)
{
  byline_photo_card_insert (self->editor, photo_id);
}

void
byline_window_attach_photos (BylineWindow *self,
                             GListModel   *files)
{
  g_return_if_fail (BYLINE_IS_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  if (self->article == NULL)
    {
      byline_window_toast (self, _("Open an article to attach photos to it"));
      return;
    }
  byline_photo_strip_add_files (self->photo_strip, files);
}

static void
draft_activated_cb (BylineWindow *self,
                    const char   *id)
{
  byline_window_open_draft (self, id);
}

/* What the store says ---------------------------------------------------- */

static void
save_state_changed_cb (BylineWindow  *self,
                       BylineArticle *article)
{
  if (article == self->article)
    update_save_state (self);
}

static void
save_failed_cb (BylineWindow  *self,
                BylineArticle *article,
                const GError  *error)
{
  g_autofree char *text = NULL;
  const char *title;

  if (article == self->article)
    {
      update_save_state (self);
      return;
    }

  /* A released article that still could not be written. */
  title = byline_article_get_title (article);
  text = g_strdup_printf (_("“%s” was not saved: %s"),
                          title != NULL && *title != '\0' ? title : _("Untitled"),
                          error->message);
  byline_window_toast (self, text);
}

static void
show_problem (BylineWindow *self,
              const char   *message)
{
  g_autofree char *text = g_strdup_printf (_("A damaged draft was set aside: %s"), message);

  byline_window_toast (self, text);
}

static void
problem_cb (BylineWindow *self,
            const char   *id,
            const char   *message)
{
  /* The problems of the load come together in store_loaded(); the store
   * emits them too, right after it counts as loaded. */
  if (self->load_reported)
    show_problem (self, message);
}

static void
external_change_cb (BylineWindow  *self,
                    BylineArticle *old,
                    BylineArticle *new)
{
  if (old != self->article)
    return;

  /* The store already tracks @new: nothing to release. */
  g_signal_handlers_disconnect_by_func (self->article, article_changed_cb, self);
  g_clear_object (&self->article);
  byline_window_show_article (self, new);
  byline_window_toast (self, _("The draft was changed by another program and has been reloaded"));
}

static void
conflict_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      BylineWindow     *self)
{
  g_autoptr(BylineArticle) mine = g_object_get_data (G_OBJECT (dialog), "article");
  BylineArticle *kept;

  g_object_steal_data (G_OBJECT (dialog), "article");
  if (!byline_draft_store_is_tracked (self->store, mine))
    return;

  kept = byline_draft_store_resolve_conflict (self->store, mine, g_str_equal (response, "mine"));
  if (mine == self->article && kept != mine)
    {
      g_signal_handlers_disconnect_by_func (self->article, article_changed_cb, self);
      g_clear_object (&self->article);
      byline_window_show_article (self, kept);
    }
}

static void
conflict_cb (BylineWindow  *self,
             BylineArticle *mine,
             BylineArticle *theirs)
{
  AdwMessageDialog *dialog;

  if (mine != self->article)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Draft Changed by Another Program"),
                                                       _("This draft was changed on disk while you were editing it. Which version do you want to keep?")));
  adw_message_dialog_add_responses (dialog,
                                    "theirs", _("Use the _Other Version"),
                                    "mine", _("Keep _Mine"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "mine", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "mine");
  adw_message_dialog_set_close_response (dialog, "mine");
  g_object_set_data_full (G_OBJECT (dialog), "article", g_object_ref (mine), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
byline_window_store_loaded (BylineWindow *self,
                            gboolean      reopen,
                            const GError *error)
{
  const char * const *recovered;
  GPtrArray *problems;

  g_return_if_fail (BYLINE_IS_WINDOW (self));

  self->load_reported = TRUE;
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not read the drafts: %s"), error->message);

      byline_window_toast (self, text);
    }

  /* One toast, however many: a damaged folder of drafts must not bury
   * the window in notices. */
  problems = byline_draft_store_get_load_problems (self->store);
  if (problems != NULL && problems->len == 1)
    show_problem (self, ((BylineDraftProblem *) g_ptr_array_index (problems, 0))->message);
  else if (problems != NULL && problems->len > 1)
    {
      const char *first = ((BylineDraftProblem *) g_ptr_array_index (problems, 0))->message;
      g_autofree char *text = g_strdup_printf (ngettext ("%u damaged draft was set aside, the first: %s",
                                                         "%u damaged drafts were set aside, the first: %s",
                                                         problems->len),
                                               problems->len, first);

      byline_window_toast (self, text);
    }

  recovered = byline_draft_store_get_recovered_ids (self->store);
  if (!reopen || recovered == NULL || recovered[0] == NULL)
    return;

  {
    guint n = g_strv_length ((char **) recovered);
    g_autofree char *text = g_strdup_printf (ngettext ("Recovered %u article that was open when Byline stopped",
                                                       "Recovered %u articles that were open when Byline stopped",
                                                       n), n);

    byline_window_toast (self, text);
  }
  /* One article per window: the most recent opens, the others wait in
   * the library. */
  byline_window_open_draft (self, recovered[0]);
}

/* Window state ------------------------------------------------------------ */

static void
byline_window_save_state (BylineWindow *self)
{
  int width;
  int height;

  g_assert (BYLINE_IS_WINDOW (self));

  /* The default size is the unmaximized size: what we want to restore. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static void
byline_window_restore_state (BylineWindow *self)
{
  g_assert (BYLINE_IS_WINDOW (self));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
byline_window_close_request (GtkWindow *window)
{
  BylineWindow *self = BYLINE_WINDOW (window);

  byline_window_save_state (self);
  /* The last keystrokes reach the store now; the application writes them
   * with the store's final save once the last window is gone. */
  byline_window_close_article (self);

  return GTK_WINDOW_CLASS (byline_window_parent_class)->close_request (window);
}

static void
byline_window_constructed (GObject *object)
{
  BylineWindow *self = BYLINE_WINDOW (object);

  G_OBJECT_CLASS (byline_window_parent_class)->constructed (object);

  g_assert (BYLINE_IS_DRAFT_STORE (self->store));
  self->load_reported = byline_draft_store_get_loaded (self->store);

  g_signal_connect_object (self->store, "save-state-changed", G_CALLBACK (save_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "save-failed", G_CALLBACK (save_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "problem", G_CALLBACK (problem_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "external-change", G_CALLBACK (external_change_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "conflict", G_CALLBACK (conflict_cb), self, G_CONNECT_SWAPPED);
  byline_library_pane_set_store (self->library_pane, self->store);

  g_signal_connect_object (self->editor, "create-photo-widget", G_CALLBACK (create_photo_widget_cb), self, G_CONNECT_SWAPPED);
  byline_photo_strip_watch_editor (self->photo_strip, self->editor);
}

/* Left to itself, GTK focuses the first focusable widget when the window
 * shows: the header bar's New Article button. Typing at start-up then lost
 * the first word, and its space pressed the button, creating an
 * "Untitled" draft with the rest. Until an article is open, the library's
 * search takes what is typed: visible, and nothing is created. */
static void
byline_window_map (GtkWidget *widget)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  GTK_WIDGET_CLASS (byline_window_parent_class)->map (widget);

  if (!gtk_widget_get_visible (self->article_page))
    {
      GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);

      g_signal_handlers_disconnect_by_func (frame_clock, first_frame_cb, self);
      g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (first_frame_cb), self, 0);
    }

  if (self->article == NULL)
    gtk_widget_child_focus (GTK_WIDGET (self->library_pane), GTK_DIR_TAB_FORWARD);
}

static void
byline_window_dispose (GObject *object)
{
  BylineWindow *self = BYLINE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->article != NULL && self->store != NULL)
    byline_window_close_article (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->bundle_dir);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (byline_window_parent_class)->dispose (object);
}

static void
byline_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BylineWindow *self = BYLINE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BylineWindow *self = BYLINE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_window_class_init (BylineWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = byline_window_constructed;
  object_class->dispose = byline_window_dispose;
  object_class->get_property = byline_window_get_property;
  object_class->set_property = byline_window_set_property;
  widget_class->map = byline_window_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         BYLINE_TYPE_DRAFT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  window_class->close_request = byline_window_close_request;

  g_type_ensure (BYLINE_TYPE_LIBRARY_PANE);
  g_type_ensure (BYLINE_TYPE_EDITOR);
  g_type_ensure (BYLINE_TYPE_ARTICLE_PANEL);
  g_type_ensure (BYLINE_TYPE_PHOTO_STRIP);
  g_type_ensure (BYLINE_TYPE_PHOTO_PANEL);
  g_type_ensure (BYLINE_TYPE_PUBLISH_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/byline-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, article_page);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, library_pane);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, article_panel);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, save_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, photo_strip);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, photo_panel);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, panel_stack);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, publish_bar);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, publish_button);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, panel_button);
  gtk_widget_class_bind_template_callback (widget_class, draft_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_photo_cb);
  gtk_widget_class_bind_template_callback (widget_class, insert_photo_cb);

  byline_window_class_add_actions (widget_class);
  byline_window_class_add_publish_actions (widget_class);
}

static void
byline_window_init (BylineWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.publish", FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->panel_button), FALSE);
  self->settings = g_settings_new (BASE_ID);
  byline_window_restore_state (self);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}
