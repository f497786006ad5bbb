/* byline-photo-tile.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One thumbnail of the photo strip: the picture, a star on the featured
 * photo, a warning when the alt text or the credit is missing, and the
 * context menu of the strip's actions for this photo.
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-photo.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_PHOTO_TILE (byline_photo_tile_get_type ())

G_DECLARE_FINAL_TYPE (BylinePhotoTile, byline_photo_tile, BYLINE, PHOTO_TILE, GtkWidget)

GtkWidget   *byline_photo_tile_new              (void);
BylinePhoto *byline_photo_tile_get_photo        (BylinePhotoTile *self);
/* @bundle_dir is where the photo's file lives; NULL @photo unbinds. */
void         byline_photo_tile_set_photo        (BylinePhotoTile *self,
                                                 BylinePhoto     *photo,
                                                 GFile           *bundle_dir);
void         byline_photo_tile_set_featured     (BylinePhotoTile *self,
                                                 gboolean         featured);
/* Widgets the tests look at. */
GtkPicture  *byline_photo_tile_get_picture      (BylinePhotoTile *self);
GtkWidget   *byline_photo_tile_get_warning_badge (BylinePhotoTile *self);
GtkWidget   *byline_photo_tile_get_featured_badge (BylinePhotoTile *self);
void         byline_photo_tile_popup_menu       (BylinePhotoTile *self);

G_END_DECLS
