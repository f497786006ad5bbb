/* byline-sites-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences → Sites: the sites articles go to, and adding one. Adding
 * checks the address and the application password against the site
 * before anything is saved (byline_site_add_async()); the password goes
 * to the keyring only, and when there is no keyring the site is not
 * added and the page says why.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "byline-cms.h"
#include "byline-secret.h"
#include "byline-site-row.h"
#include "byline-site-setup.h"
#include "byline-sites-page.h"

struct _BylineSitesPage
{
  AdwPreferencesPage  parent_instance;

  BylineSiteList     *sites;
  GCancellable       *cancellable;
  /* The first default button; the others join its radio group. */
  GtkCheckButton     *radio_leader;

  /* Template widgets */
  GtkListBox         *site_list;
  AdwEntryRow        *url_row;
  AdwEntryRow        *user_row;
  AdwPasswordEntryRow *password_row;
  GtkLabel           *error_label;
  GtkSpinner         *spinner;
  GtkWidget          *add_button;
};

G_DEFINE_FINAL_TYPE (BylineSitesPage, byline_sites_page, ADW_TYPE_PREFERENCES_PAGE)

static const char *
field_text (gpointer row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The trimmed address and user; TRUE when all three fields are filled. */
static gboolean
read_fields (BylineSitesPage  *self,
             char            **url,
             char            **user)
{
  *url = g_strstrip (g_strdup (field_text (self->url_row)));
  *user = g_strstrip (g_strdup (field_text (self->user_row)));

  return **url != '\0' && **user != '\0' && *field_text (self->password_row) != '\0';
}

static void
update_add_button (BylineSitesPage *self)
{
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;
  gboolean complete = read_fields (self, &url, &user);

  gtk_widget_set_sensitive (self->add_button, self->cancellable == NULL && complete);
}

static void
fields_changed_cb (BylineSitesPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_add_button (self);
}

/* What went wrong, in the user's words, with what the site or the system
 * said in parentheses. */
static char *
describe_add_error (const GError *error)
{
  if (g_error_matches (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_AUTH))
    return g_strdup_printf (_("The user name or the application password is wrong (%s)"), error->message);
  if (g_error_matches (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_FORBIDDEN))
    return g_strdup_printf (_("This user may not write posts on the site (%s)"), error->message);
  if (g_error_matches (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_NETWORK))
    return g_strdup_printf (_("Cannot reach the site: check the address and the connection (%s)"), error->message);
  if (g_error_matches (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_TLS))
    return g_strdup_printf (_("The site’s certificate is not trusted (%s)"), error->message);
  if (g_error_matches (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_NOT_FOUND) ||
      g_error_matches (error, BYLINE_CMS_ERROR, BYLINE_CMS_ERROR_PROTOCOL))
    return g_strdup_printf (_("This does not look like a WordPress site (%s)"), error->message);
  if (g_error_matches (error, BYLINE_SECRET_ERROR, BYLINE_SECRET_ERROR_NO_KEYRING))
    return g_strdup_printf (_("There is no keyring to keep the password in, so the site was not added (%s)"),
                            error->message);

  return g_strdup_printf (_("Could not add the site: %s"), error->message);
}

static void
set_busy (BylineSitesPage *self,
          gboolean         busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->url_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->user_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
  update_add_button (self);
}

static void
site_added_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BylineSitesPage) self = user_data;
  g_autoptr(BylineSite) site = NULL;
  g_autoptr(GError) error = NULL;

  site = byline_site_add_finish (BYLINE_SITE_LIST (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (site == NULL)
    {
      g_autofree char *text = describe_add_error (error);

      gtk_label_set_label (self->error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  /* The first site is where articles go. */
  if (byline_site_list_get_default (self->sites) == NULL)
    {
      byline_site_list_set_default (self->sites, site);
      byline_site_list_save (self->sites, NULL);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
}

void
byline_sites_page_add_site (BylineSitesPage *self)
{
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;

  g_return_if_fail (BYLINE_IS_SITES_PAGE (self));

  if (!read_fields (self, &url, &user) || self->cancellable != NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  byline_site_add_async (self->sites, url, user, field_text (self->password_row), NULL,
                         self->cancellable, site_added_cb, g_object_ref (self));
}

gboolean
byline_sites_page_get_busy (BylineSitesPage *self)
{
  g_return_val_if_fail (BYLINE_IS_SITES_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

BylineSiteList *
byline_sites_page_get_sites (BylineSitesPage *self)
{
  g_return_val_if_fail (BYLINE_IS_SITES_PAGE (self), NULL);

  return self->sites;
}

static GtkWidget *
create_site_row (gpointer item,
                 gpointer user_data)
{
  BylineSitesPage *self = user_data;
  GtkWidget *row = byline_site_row_new (self->sites, item);
  GtkCheckButton *button = byline_site_row_get_default_button (BYLINE_SITE_ROW (row));

  if (self->radio_leader == NULL)
    g_set_weak_pointer (&self->radio_leader, button);
  else
    gtk_check_button_set_group (button, self->radio_leader);

  return row;
}

static GtkWidget *
create_placeholder (void)
{
  GtkWidget *label = gtk_label_new (_("No sites yet. Add one below to publish."));

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

GtkWidget *
byline_sites_page_new (BylineSiteList *sites)
{
  BylineSitesPage *self;

  g_return_val_if_fail (BYLINE_IS_SITE_LIST (sites), NULL);

  self = g_object_new (BYLINE_TYPE_SITES_PAGE, NULL);
  self->sites = g_object_ref (sites);
  gtk_list_box_bind_model (self->site_list, G_LIST_MODEL (sites), create_site_row, self, NULL);

  return GTK_WIDGET (self);
}

static void
byline_sites_page_dispose (GObject *object)
{
  BylineSitesPage *self = BYLINE_SITES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->radio_leader);
  if (self->site_list != NULL)
    gtk_list_box_bind_model (self->site_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_SITES_PAGE);
  g_clear_object (&self->sites);

  G_OBJECT_CLASS (byline_sites_page_parent_class)->dispose (object);
}

static void
byline_sites_page_class_init (BylineSitesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_sites_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/byline-sites-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineSitesPage, site_list);
  gtk_widget_class_bind_template_child (widget_class, BylineSitesPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, BylineSitesPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, BylineSitesPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, BylineSitesPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, BylineSitesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, BylineSitesPage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, byline_sites_page_add_site);
}

static void
byline_sites_page_init (BylineSitesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_placeholder (self->site_list, create_placeholder ());
}
