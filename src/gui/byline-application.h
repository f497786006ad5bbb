/* byline-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "byline-draft-store.h"
#include "byline-outbox.h"
#include "byline-site-list.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_APPLICATION (byline_application_get_type ())

G_DECLARE_FINAL_TYPE (BylineApplication, byline_application, BYLINE, APPLICATION, AdwApplication)

typedef struct
{
  const char *action;
  const char *accels[3];
} BylineShortcut;

BylineApplication    *byline_application_new           (void);
GSettings            *byline_application_get_settings    (BylineApplication *self);
BylineDraftStore     *byline_application_get_draft_store (BylineApplication *self);
BylineSiteList       *byline_application_get_sites       (BylineApplication *self);
BylineOutbox         *byline_application_get_outbox      (BylineApplication *self);
gboolean              byline_application_get_saving      (BylineApplication *self);
void                  byline_application_show_preferences (BylineApplication *self,
                                                           const char        *page);
const BylineShortcut *byline_application_get_shortcuts (guint             *n_shortcuts);

G_END_DECLS
