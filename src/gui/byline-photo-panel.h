/* byline-photo-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Caption, alt text and credits of one photo, edited in place, with what
 * its metadata says about it (size, date, city, source).
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-photo.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_PHOTO_PANEL (byline_photo_panel_get_type ())

G_DECLARE_FINAL_TYPE (BylinePhotoPanel, byline_photo_panel, BYLINE, PHOTO_PANEL, GtkWidget)

GtkWidget   *byline_photo_panel_new       (void);
BylinePhoto *byline_photo_panel_get_photo (BylinePhotoPanel *self);
/* NULL @photo shows "No Photo Selected". @bundle_dir is where its file is,
 * for the preview. */
void         byline_photo_panel_set_photo (BylinePhotoPanel *self,
                                           BylinePhoto      *photo,
                                           GFile            *bundle_dir);
/* The row editing @field ("caption", "alt-text", "creator", "credit-line",
 * "copyright"), for tests. */
GtkEditable *byline_photo_panel_get_row   (BylinePhotoPanel *self,
                                           const char       *field);

G_END_DECLS
