/* byline-site-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One site in Preferences → Sites: name and address, the default radio,
 * and, expanded, its credit-line and caption templates and photo size.
 * Every change is written to sites.json at once (no secret is in it).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "byline-site-row.h"
#include "byline-site-setup.h"

struct _BylineSiteRow
{
  AdwExpanderRow  parent_instance;

  BylineSiteList *sites;
  BylineSite     *site;
  guint           loading : 1;

  /* Template widgets */
  GtkCheckButton *default_button;
  AdwEntryRow    *credit_row;
  AdwEntryRow    *caption_row;
  GtkSpinButton  *size_spin;
  GtkWidget      *remove_button;
};

G_DEFINE_FINAL_TYPE (BylineSiteRow, byline_site_row, ADW_TYPE_EXPANDER_ROW)

static void
save_sites (BylineSiteRow *self)
{
  g_autoptr(GError) error = NULL;

  if (!byline_site_list_save (self->sites, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not save the sites: %s"), error->message);

      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), text);
    }
}

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static void
templates_applied_cb (BylineSiteRow *self)
{
  byline_site_set_credit_template (self->site,
                                   nonempty (gtk_editable_get_text (GTK_EDITABLE (self->credit_row))));
  byline_site_set_caption_template (self->site,
                                    nonempty (gtk_editable_get_text (GTK_EDITABLE (self->caption_row))));
  save_sites (self);
}

static void
size_changed_cb (BylineSiteRow *self)
{
  if (self->loading)
    return;

  byline_site_set_image_size_limit (self->site, gtk_spin_button_get_value_as_int (self->size_spin));
  save_sites (self);
}

static void
default_toggled_cb (BylineSiteRow *self)
{
  if (self->loading || !gtk_check_button_get_active (self->default_button))
    return;

  byline_site_list_set_default (self->sites, self->site);
  save_sites (self);
}

static void
forgotten_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BylineSiteRow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!byline_site_forget_finish (BYLINE_SITE_LIST (object), result, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not remove the site: %s"), error->message);

      gtk_widget_set_sensitive (self->remove_button, TRUE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), text);
    }
}

static void
remove_clicked_cb (BylineSiteRow *self)
{
  gtk_widget_set_sensitive (self->remove_button, FALSE);
  byline_site_forget_async (self->sites, self->site, NULL, forgotten_cb, g_object_ref (self));
}

static void
load_site (BylineSiteRow *self)
{
  const char *name = byline_site_get_name (self->site);
  g_autofree char *subtitle = NULL;

  self->loading = TRUE;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 nonempty (name) != NULL ? name : byline_site_get_url (self->site));
  /* Translators: a site's address and the user Byline signs in as */
  subtitle = g_strdup_printf (_("%s · %s"), byline_site_get_url (self->site),
                              byline_site_get_user (self->site));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  gtk_check_button_set_active (self->default_button, byline_site_get_is_default (self->site));
  gtk_editable_set_text (GTK_EDITABLE (self->credit_row),
                         or_empty (byline_site_get_credit_template (self->site)));
  gtk_editable_set_text (GTK_EDITABLE (self->caption_row),
                         or_empty (byline_site_get_caption_template (self->site)));
  gtk_spin_button_set_value (self->size_spin, byline_site_get_image_size_limit (self->site));
  self->loading = FALSE;
}

static void
site_default_changed_cb (BylineSiteRow *self)
{
  self->loading = TRUE;
  gtk_check_button_set_active (self->default_button, byline_site_get_is_default (self->site));
  self->loading = FALSE;
}

GtkWidget *
byline_site_row_new (BylineSiteList *sites,
                     BylineSite     *site)
{
  BylineSiteRow *self;

  g_return_val_if_fail (BYLINE_IS_SITE_LIST (sites), NULL);
  g_return_val_if_fail (BYLINE_IS_SITE (site), NULL);

  self = g_object_new (BYLINE_TYPE_SITE_ROW, NULL);
  self->sites = g_object_ref (sites);
  self->site = g_object_ref (site);
  load_site (self);
  g_signal_connect_object (site, "notify::is-default", G_CALLBACK (site_default_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

BylineSite *
byline_site_row_get_site (BylineSiteRow *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE_ROW (self), NULL);

  return self->site;
}

GtkCheckButton *
byline_site_row_get_default_button (BylineSiteRow *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE_ROW (self), NULL);

  return self->default_button;
}

static void
byline_site_row_dispose (GObject *object)
{
  BylineSiteRow *self = BYLINE_SITE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_SITE_ROW);
  g_clear_object (&self->site);
  g_clear_object (&self->sites);

  G_OBJECT_CLASS (byline_site_row_parent_class)->dispose (object);
}

static void
byline_site_row_class_init (BylineSiteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_site_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/byline-site-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineSiteRow, default_button);
  gtk_widget_class_bind_template_child (widget_class, BylineSiteRow, credit_row);
  gtk_widget_class_bind_template_child (widget_class, BylineSiteRow, caption_row);
  gtk_widget_class_bind_template_child (widget_class, BylineSiteRow, size_spin);
  gtk_widget_class_bind_template_child (widget_class, BylineSiteRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, templates_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, size_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, default_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
byline_site_row_init (BylineSiteRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
