/* byline-sites-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "byline-site-list.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_SITES_PAGE (byline_sites_page_get_type ())

G_DECLARE_FINAL_TYPE (BylineSitesPage, byline_sites_page, BYLINE, SITES_PAGE, AdwPreferencesPage)

GtkWidget      *byline_sites_page_new       (BylineSiteList  *sites);
BylineSiteList *byline_sites_page_get_sites (BylineSitesPage *self);
/* What the Add Site button does with the three fields. */
void            byline_sites_page_add_site  (BylineSitesPage *self);
/* TRUE while a site is being checked and added. */
gboolean        byline_sites_page_get_busy  (BylineSitesPage *self);

G_END_DECLS
