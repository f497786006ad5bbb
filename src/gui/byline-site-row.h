/* byline-site-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "byline-site-list.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_SITE_ROW (byline_site_row_get_type ())

G_DECLARE_FINAL_TYPE (BylineSiteRow, byline_site_row, BYLINE, SITE_ROW, AdwExpanderRow)

GtkWidget  *byline_site_row_new               (BylineSiteList *sites,
                                               BylineSite     *site);
BylineSite *byline_site_row_get_site          (BylineSiteRow  *self);
GtkCheckButton *byline_site_row_get_default_button (BylineSiteRow *self);

G_END_DECLS
