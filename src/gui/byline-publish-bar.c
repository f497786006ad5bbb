/* byline-publish-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under the editor: where the open article is on its way to the site.
 * Queued (offline), sending photo k of n with the bytes, published with
 * the link, failed with why and what to do, or changed on the site by the
 * desk. It reads the outbox and its journal; the buttons act on the
 * outbox directly (retry, cancel, resolve a conflict).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "byline-publish-bar.h"

struct _BylinePublishBar
{
  GtkWidget          parent_instance;

  BylineOutbox      *outbox;
  char              *article_id;
  BylineOutboxState  state;
  AdwMessageDialog  *conflict_dialog;

  /* Template widgets */
  GtkRevealer       *revealer;
  GtkWidget         *box;
  GtkImage          *icon;
  GtkLabel          *label;
  GtkProgressBar    *progress;
  GtkLinkButton     *link_button;
  GtkWidget         *resolve_button;
  GtkWidget         *retry_button;
  GtkWidget         *cancel_button;
};

G_DEFINE_FINAL_TYPE (BylinePublishBar, byline_publish_bar, GTK_TYPE_WIDGET)

static const char *
sending_text (BylineOutboxState state)
{
  switch ((int) state)
    {
    case BYLINE_OUTBOX_STATE_PREPARING_PHOTOS:
      return _("Preparing the photos…");
    case BYLINE_OUTBOX_STATE_RESERVING:
    case BYLINE_OUTBOX_STATE_UPLOADING:
      return _("Sending…");
    case BYLINE_OUTBOX_STATE_WRITING_POST:
      return _("Writing the post…");
    case BYLINE_OUTBOX_STATE_VERIFYING:
      return _("Checking the post on the site…");
    default:
      return NULL;
    }
}

static void
show (BylinePublishBar *self,
      const char       *icon_name,
      const char       *style,
      const char       *text)
{
  static const char * const styles[] = { "error", "warning", "success" };

  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_label_set_label (self->label, text);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (self->box, styles[i]);
  if (style != NULL)
    gtk_widget_add_css_class (self->box, style);
}

static void
show_buttons (BylinePublishBar *self,
              gboolean          retry,
              gboolean          cancel,
              gboolean          resolve,
              const char       *link)
{
  gtk_widget_set_visible (self->retry_button, retry);
  gtk_widget_set_visible (self->cancel_button, cancel);
  gtk_widget_set_visible (self->resolve_button, resolve);
  gtk_widget_set_visible (GTK_WIDGET (self->link_button), link != NULL);
  if (link != NULL)
    gtk_link_button_set_uri (self->link_button, link);
}

static void
show_journal (BylinePublishBar          *self,
              const BylineOutboxJournal *journal)
{
  g_autofree char *message = byline_outbox_journal_dup_message (journal);
  g_autofree char *waiting = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->progress), sending_text (self->state) != NULL);
  switch ((int) self->state)
    {
    case BYLINE_OUTBOX_STATE_QUEUED:
      show (self, "mail-send-symbolic", NULL, _("Queued: it goes out as soon as the site can be reached"));
      show_buttons (self, FALSE, TRUE, FALSE, NULL);
      break;
    case BYLINE_OUTBOX_STATE_WAITING:
      if (journal->error_detail != NULL)
        waiting = g_strdup_printf (_("Waiting to try again (%s). It goes out by itself."), journal->error_detail);
      show (self, "network-offline-symbolic", NULL,
            waiting != NULL ? waiting : _("Waiting for the network. It goes out by itself."));
      show_buttons (self, TRUE, TRUE, FALSE, NULL);
      break;
    case BYLINE_OUTBOX_STATE_DONE:
      show (self, "emblem-ok-symbolic", "success",
            journal->update ? _("Updated on the site") : _("Published"));
      show_buttons (self, FALSE, FALSE, FALSE, journal->link);
      break;
    case BYLINE_OUTBOX_STATE_FAILED:
      show (self, "dialog-error-symbolic", "error", message);
      show_buttons (self, TRUE, TRUE, FALSE, NULL);
      break;
    case BYLINE_OUTBOX_STATE_CONFLICT:
      show (self, "dialog-warning-symbolic", "warning", message);
      show_buttons (self, FALSE, FALSE, TRUE, NULL);
      break;
    default:
      show (self, "emblem-synchronizing-symbolic", NULL, sending_text (self->state));
      show_buttons (self, FALSE, FALSE, FALSE, NULL);
      gtk_progress_bar_pulse (self->progress);
      break;
    }
}

static void
update (BylinePublishBar *self)
{
  BylineOutboxJournal *journal = NULL;

  self->state = BYLINE_OUTBOX_STATE_NONE;
  if (self->outbox != NULL && self->article_id != NULL)
    {
      self->state = byline_outbox_get_state (self->outbox, self->article_id);
      journal = byline_outbox_dup_journal (self->outbox, self->article_id);
    }

  if (journal != NULL && self->state != BYLINE_OUTBOX_STATE_NONE)
    show_journal (self, journal);
  gtk_revealer_set_reveal_child (self->revealer, journal != NULL && self->state != BYLINE_OUTBOX_STATE_NONE);
  g_clear_pointer (&journal, byline_outbox_journal_free);
}

/* The conflict ----------------------------------------------------------- */

static void
conflict_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      BylinePublishBar *self)
{
  g_autoptr(GError) error = NULL;
  BylineOutboxResolution resolution;

  if (g_str_equal (response, "open"))
    {
      BylineOutboxJournal *journal = byline_outbox_dup_journal (self->outbox, self->article_id);

      if (journal != NULL && journal->link != NULL)
        gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), journal->link, GDK_CURRENT_TIME);
      g_clear_pointer (&journal, byline_outbox_journal_free);
      return;
    }
  if (!g_str_equal (response, "overwrite") && !g_str_equal (response, "cancel"))
    return;

  resolution = g_str_equal (response, "overwrite") ? BYLINE_OUTBOX_RESOLVE_OVERWRITE : BYLINE_OUTBOX_RESOLVE_CANCEL;
  if (!byline_outbox_resolve_conflict (self->outbox, self->article_id, resolution, &error))
    show (self, "dialog-error-symbolic", "error", error->message);
}

static void
resolve_clicked_cb (BylinePublishBar *self)
{
  g_autoptr(BylineOutboxJournal) journal = NULL;
  g_autofree char *message = NULL;
  AdwMessageDialog *dialog;

  journal = byline_outbox_dup_journal (self->outbox, self->article_id);
  if (journal == NULL || self->conflict_dialog != NULL)
    return;

  message = byline_outbox_journal_dup_message (journal);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("The Post Was Changed on the Site"), message));
  adw_message_dialog_add_responses (dialog,
                                    "close", _("_Decide Later"),
                                    "cancel", _("_Cancel Publishing"),
                                    "open", _("_Open on the Site"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "close");
  adw_message_dialog_set_response_enabled (dialog, "open", journal->link != NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self, 0);
  g_set_weak_pointer (&self->conflict_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Buttons and signals ------------------------------------------------------ */

static void
retry_clicked_cb (BylinePublishBar *self)
{
  g_autoptr(GError) error = NULL;

  if (!byline_outbox_retry (self->outbox, self->article_id, &error))
    show (self, "dialog-error-symbolic", "error", error->message);
}

static void
cancel_clicked_cb (BylinePublishBar *self)
{
  g_autoptr(GError) error = NULL;

  if (!byline_outbox_cancel (self->outbox, self->article_id, &error))
    show (self, "dialog-error-symbolic", "error", error->message);
  update (self);
}

static void
state_changed_cb (BylinePublishBar *self,
                  const char       *article_id,
                  int               state)
{
  if (g_strcmp0 (article_id, self->article_id) != 0)
    return;

  update (self);
  /* The desk's edit needs an answer; ask once, when it happens. */
  if (state == BYLINE_OUTBOX_STATE_CONFLICT && gtk_widget_get_mapped (GTK_WIDGET (self)))
    resolve_clicked_cb (self);
}

static void
progress_cb (BylinePublishBar *self,
             const char       *article_id,
             int               state,
             guint             photo,
             guint             n_photos,
             gint64            sent,
             gint64            total)
{
  g_autofree char *text = NULL;
  g_autofree char *sent_text = NULL;
  g_autofree char *total_text = NULL;

  if (g_strcmp0 (article_id, self->article_id) != 0 || state != BYLINE_OUTBOX_STATE_UPLOADING ||
      n_photos == 0)
    return;

  sent_text = g_format_size (sent);
  total_text = g_format_size (total);
  /* Translators: "Sending photo 1 of 3 (1.2 MB of 2.5 MB)" */
  text = g_strdup_printf (_("Sending photo %u of %u (%s of %s)"), photo, n_photos, sent_text, total_text);
  gtk_label_set_label (self->label, text);
  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress, (double) sent / (double) total);
  else
    gtk_progress_bar_pulse (self->progress);
}

void
byline_publish_bar_set_outbox (BylinePublishBar *self,
                               BylineOutbox     *outbox)
{
  g_return_if_fail (BYLINE_IS_PUBLISH_BAR (self));
  g_return_if_fail (outbox == NULL || BYLINE_IS_OUTBOX (outbox));

  if (self->outbox != NULL)
    g_signal_handlers_disconnect_by_data (self->outbox, self);
  g_set_object (&self->outbox, outbox);
  if (outbox != NULL)
    {
      g_signal_connect_object (outbox, "state-changed", G_CALLBACK (state_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (outbox, "progress", G_CALLBACK (progress_cb), self, G_CONNECT_SWAPPED);
    }
  update (self);
}

void
byline_publish_bar_set_article_id (BylinePublishBar *self,
                                   const char       *article_id)
{
  g_return_if_fail (BYLINE_IS_PUBLISH_BAR (self));

  g_free (self->article_id);
  self->article_id = g_strdup (article_id);
  update (self);
}

BylineOutboxState
byline_publish_bar_get_state (BylinePublishBar *self)
{
  g_return_val_if_fail (BYLINE_IS_PUBLISH_BAR (self), BYLINE_OUTBOX_STATE_NONE);

  return self->state;
}

const char *
byline_publish_bar_get_text (BylinePublishBar *self)
{
  g_return_val_if_fail (BYLINE_IS_PUBLISH_BAR (self), NULL);

  return gtk_label_get_label (self->label);
}

GtkWidget *
byline_publish_bar_new (void)
{
  return g_object_new (BYLINE_TYPE_PUBLISH_BAR, NULL);
}

static void
byline_publish_bar_dispose (GObject *object)
{
  BylinePublishBar *self = BYLINE_PUBLISH_BAR (object);

  byline_publish_bar_set_outbox (self, NULL);
  g_clear_weak_pointer (&self->conflict_dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_PUBLISH_BAR);
  g_clear_pointer (&self->article_id, g_free);

  G_OBJECT_CLASS (byline_publish_bar_parent_class)->dispose (object);
}

static void
byline_publish_bar_class_init (BylinePublishBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_publish_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/byline-publish-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, BylinePublishBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, BylinePublishBar, box);
  gtk_widget_class_bind_template_child (widget_class, BylinePublishBar, icon);
  gtk_widget_class_bind_template_child (widget_class, BylinePublishBar, label);
  gtk_widget_class_bind_template_child (widget_class, BylinePublishBar, progress);
  gtk_widget_class_bind_template_child (widget_class, BylinePublishBar, link_button);
  gtk_widget_class_bind_template_child (widget_class, BylinePublishBar, resolve_button);
  gtk_widget_class_bind_template_child (widget_class, BylinePublishBar, retry_button);
  gtk_widget_class_bind_template_child (widget_class, BylinePublishBar, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, resolve_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "byline-publish-bar");
}

static void
byline_publish_bar_init (BylinePublishBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
