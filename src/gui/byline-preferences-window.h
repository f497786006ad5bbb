/* byline-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "byline-site-list.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_PREFERENCES_WINDOW (byline_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (BylinePreferencesWindow, byline_preferences_window, BYLINE, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @sites: (nullable): adds the Sites page */
BylinePreferencesWindow *byline_preferences_window_new        (GSettings               *settings,
                                                               BylineSiteList          *sites);
void                     byline_preferences_window_show_sites (BylinePreferencesWindow *self);

G_END_DECLS
