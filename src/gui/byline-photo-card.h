/* byline-photo-card.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A photo block of the body as the editor shows it: the picture and its
 * caption with the credit suffix, as it will be published.
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-editor.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_PHOTO_CARD (byline_photo_card_get_type ())

G_DECLARE_FINAL_TYPE (BylinePhotoCard, byline_photo_card, BYLINE, PHOTO_CARD, GtkWidget)

GtkWidget   *byline_photo_card_new         (BylinePhoto     *photo,
                                            GFile           *bundle_dir);
BylinePhoto *byline_photo_card_get_photo   (BylinePhotoCard *self);
/* "Caption. Ảnh: Creator", as shown under the picture. */
const char  *byline_photo_card_get_caption (BylinePhotoCard *self);
GtkPicture  *byline_photo_card_get_picture (BylinePhotoCard *self);

/* For BylineEditor::create-photo-widget: the card of @photo_id of the
 * editor's article, NULL when the article has no such photo (the editor
 * then shows its placeholder). */
GtkWidget   *byline_photo_card_create_for_editor (BylineEditor *editor,
                                                  const char   *photo_id,
                                                  GFile        *bundle_dir);
/* Puts a photo block for @photo_id into the editor's text at the caret
 * (after the current paragraph when the caret is inside one). */
void         byline_photo_card_insert            (BylineEditor *editor,
                                                  const char   *photo_id);

G_END_DECLS
