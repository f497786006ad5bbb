/* byline-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "byline-preferences-window.h"
#include "byline-sites-page.h"

struct _BylinePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  BylineSiteList       *sites;

  /* Template widgets */
  GtkSpinButton        *autosave_delay;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_SITES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BylinePreferencesWindow, byline_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

BylinePreferencesWindow *
byline_preferences_window_new (GSettings      *settings,
                               BylineSiteList *sites)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (sites == NULL || BYLINE_IS_SITE_LIST (sites), NULL);

  return g_object_new (BYLINE_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       "sites", sites,
                       NULL);
}

/* Publish with no site configured comes here. */
void
byline_preferences_window_show_sites (BylinePreferencesWindow *self)
{
  g_return_if_fail (BYLINE_IS_PREFERENCES_WINDOW (self));

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (self), "sites");
}

static void
byline_preferences_window_constructed (GObject *object)
{
  BylinePreferencesWindow *self = BYLINE_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (byline_preferences_window_parent_class)->constructed (object);

  g_settings_bind (self->settings, "autosave-delay",
                   self->autosave_delay, "value",
                   G_SETTINGS_BIND_DEFAULT);

  if (self->sites != NULL)
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                ADW_PREFERENCES_PAGE (byline_sites_page_new (self->sites)));
}

static void
byline_preferences_window_dispose (GObject *object)
{
  BylinePreferencesWindow *self = BYLINE_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->sites);

  G_OBJECT_CLASS (byline_preferences_window_parent_class)->dispose (object);
}

static void
byline_preferences_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  BylinePreferencesWindow *self = BYLINE_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_SITES:
      self->sites = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_preferences_window_class_init (BylinePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = byline_preferences_window_constructed;
  object_class->dispose = byline_preferences_window_dispose;
  object_class->set_property = byline_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SITES] =
    g_param_spec_object ("sites", NULL, NULL,
                         BYLINE_TYPE_SITE_LIST,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/byline-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BylinePreferencesWindow, autosave_delay);
}

static void
byline_preferences_window_init (BylinePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
