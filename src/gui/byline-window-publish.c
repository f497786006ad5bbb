/* byline-window-publish.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One click: Publish picks the site (asks only when there are several),
 * runs the pre-flight check against the site's cached categories and
 * tags, shows what blocks or deserves a second look, and queues the
 * article in the outbox, which sends it now or when the network is back.
 * The publish bar under the editor follows it from there.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "byline-publish-plan.h"
#include "byline-site-terms.h"
#include "byline-window-private.h"

typedef struct
{
  BylineWindow  *window;
  BylineArticle *article;
  BylineSite    *site;
} Publish;

static void
publish_free (Publish *publish)
{
  g_object_unref (publish->window);
  g_object_unref (publish->article);
  g_object_unref (publish->site);
  g_free (publish);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Publish, publish_free)

static BylineApplication *
window_app (BylineWindow *self)
{
  return BYLINE_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static void
queued_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Publish) publish = user_data;
  g_autoptr(GError) error = NULL;

  if (!byline_outbox_queue_finish (BYLINE_OUTBOX (object), result, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not publish: %s"), error->message);

      byline_window_toast (publish->window, text);
    }
}

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Publish *publish = user_data;
  BylineWindow *self = publish->window;
  g_autoptr(GError) error = NULL;

  /* A failed save is shown by the save state; the journal carries its
   * own copy of the article, so publishing goes on. */
  byline_draft_store_flush_finish (BYLINE_DRAFT_STORE (object), result, &error);
  byline_outbox_queue_async (byline_application_get_outbox (window_app (self)),
                             publish->article, publish->site, BYLINE_PUBLISH_STATUS_PUBLISH,
                             byline_draft_store_is_read_only (self->store, publish->article),
                             NULL, queued_cb, publish);
}

/* What goes to the site is on disk first: the draft is written (its
 * folder made, for a brand-new article), then queued. */
static void
queue (Publish *publish)
{
  byline_draft_store_flush_async (publish->window->store, NULL, flushed_cb, publish);
}

static void
preflight_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       Publish          *publish)
{
  if (g_str_equal (response, "publish"))
    queue (g_steal_pointer (&publish));
  else
    publish_free (publish);
}

/* "• one\n• two": the problems as the dialog lists them. */
static char *
list_problems (GPtrArray *problems)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const BylinePublishProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_printf (text, "%s• %s", i > 0 ? "\n" : "", problem->message);
    }
  return g_string_free (text, FALSE);
}

static void
show_preflight (Publish   *publish,
                GPtrArray *problems)
{
  gboolean blocked = byline_publish_problems_block (problems);
  g_autofree char *body = list_problems (problems);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (publish->window),
                                                       blocked ? _("Cannot Publish Yet") : _("Publish Anyway?"),
                                                       body));
  if (blocked)
    adw_message_dialog_add_response (dialog, "close", _("_OK"));
  else
    {
      adw_message_dialog_add_responses (dialog,
                                        "close", _("_Cancel"),
                                        "publish", _("_Publish Anyway"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "publish", ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_widget_add_css_class (GTK_WIDGET (dialog), "byline-preflight");
  g_signal_connect (dialog, "response", G_CALLBACK (preflight_response_cb), publish);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
terms_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Publish) publish = user_data;
  g_autoptr(BylineSiteTerms) terms = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  BylineWindow *self = publish->window;

  /* No cache yet is one of the problems the check reports. */
  terms = byline_site_terms_load_finish (result, NULL);
  problems = byline_publish_check (publish->article, publish->site, terms,
                                   byline_draft_store_is_read_only (self->store, publish->article),
                                   now);
  if (problems->len == 0)
    queue (g_steal_pointer (&publish));
  else
    show_preflight (g_steal_pointer (&publish), problems);
}

/**
 * byline_window_publish_to:
 * @site: where to publish the open article
 *
 * What Publish does once the site is known: the check, then the outbox.
 */
void
byline_window_publish_to (BylineWindow *self,
                          BylineSite   *site)
{
  Publish *publish;

  g_return_if_fail (BYLINE_IS_WINDOW (self));
  g_return_if_fail (BYLINE_IS_SITE (site));

  if (self->article == NULL)
    return;

  byline_editor_flush (self->editor);
  publish = g_new0 (Publish, 1);
  publish->window = g_object_ref (self);
  publish->article = g_object_ref (self->article);
  publish->site = g_object_ref (site);
  byline_site_terms_load_async (site, self->cancellable, terms_loaded_cb, publish);
}

static void
site_chosen_cb (AdwMessageDialog *dialog,
                const char       *response,
                BylineWindow     *self)
{
  BylineSite *site = byline_site_list_lookup (byline_application_get_sites (window_app (self)), response);

  if (site != NULL)
    byline_window_publish_to (self, site);
}

static void
choose_site (BylineWindow   *self,
             BylineSiteList *sites)
{
  BylineSite *fallback = byline_site_list_get_default (sites);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (sites));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Publish to Which Site?"), NULL));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylineSite) site = g_list_model_get_item (G_LIST_MODEL (sites), i);
      const char *name = byline_site_get_name (site);

      adw_message_dialog_add_response (dialog, byline_site_get_id (site),
                                       name != NULL && *name != '\0' ? name : byline_site_get_url (site));
    }
  if (fallback != NULL)
    {
      adw_message_dialog_set_default_response (dialog, byline_site_get_id (fallback));
      adw_message_dialog_set_response_appearance (dialog, byline_site_get_id (fallback), ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (site_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  BylineApplication *app = window_app (self);
  BylineSiteList *sites = byline_application_get_sites (app);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (sites));
  BylineSite *on_site;

  if (self->article == NULL)
    return;

  /* Update goes where the post is, in one click: the question is for a
   * first publication with several sites. */
  if (byline_article_get_remote_post_id (self->article) > 0 &&
      (on_site = byline_site_list_lookup (sites, byline_article_get_remote_site (self->article))) != NULL)
    {
      byline_window_publish_to (self, on_site);
      return;
    }

  if (n == 0)
    {
      byline_window_toast (self, _("Add the site to publish to, then publish again"));
      byline_application_show_preferences (app, "sites");
      return;
    }
  if (n == 1)
    {
      g_autoptr(BylineSite) site = g_list_model_get_item (G_LIST_MODEL (sites), 0);

      byline_window_publish_to (self, site);
      return;
    }
  choose_site (self, sites);
}

/* Between queued and done the outbox has it: publishing again waits. */
static gboolean
on_its_way (BylineWindow *self)
{
  BylineOutbox *outbox = byline_application_get_outbox (window_app (self));
  BylineOutboxState state;

  if (outbox == NULL || self->article == NULL)
    return FALSE;

  state = byline_outbox_get_state (outbox, byline_article_get_id (self->article));
  return state != BYLINE_OUTBOX_STATE_NONE && state != BYLINE_OUTBOX_STATE_DONE &&
         state != BYLINE_OUTBOX_STATE_FAILED && state != BYLINE_OUTBOX_STATE_CONFLICT;
}

/* "Update" for an article the site already has. */
void
byline_window_update_publish_button (BylineWindow *self)
{
  gboolean published = self->article != NULL && byline_article_get_remote_post_id (self->article) > 0;

  /* The outbox may speak while the window is being disposed. */
  if (self->publish_button == NULL || self->store == NULL)
    return;

  gtk_widget_set_visible (self->publish_button, self->article != NULL);
  gtk_button_set_label (GTK_BUTTON (self->publish_button), published ? _("_Update") : _("_Publish"));
  gtk_widget_set_tooltip_text (self->publish_button,
                               published ? _("Send the changes to the site") : _("Publish on the site"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.publish",
                                 self->article != NULL && !on_its_way (self) &&
                                 !byline_draft_store_is_read_only (self->store, self->article));
}

void
byline_window_class_add_publish_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.publish", NULL, publish_action);
}
