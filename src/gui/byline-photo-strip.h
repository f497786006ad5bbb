/* byline-photo-strip.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The article's photos as a row of thumbnails: attach (file chooser, drop,
 * paste), reorder, feature, remove, insert into the text, and select one
 * for the photo panel.
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-article.h"
#include "byline-editor.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_PHOTO_STRIP (byline_photo_strip_get_type ())

G_DECLARE_FINAL_TYPE (BylinePhotoStrip, byline_photo_strip, BYLINE, PHOTO_STRIP, GtkWidget)

GtkWidget     *byline_photo_strip_new                (void);
BylineArticle *byline_photo_strip_get_article        (BylinePhotoStrip *self);
GFile         *byline_photo_strip_get_bundle_dir     (BylinePhotoStrip *self);
/* @bundle_dir is the draft's folder (byline_draft_store_get_bundle_dir()):
 * attached photos are copied into it. Pending imports of the previous
 * article are cancelled. */
void           byline_photo_strip_set_article        (BylinePhotoStrip *self,
                                                      BylineArticle    *article,
                                                      GFile            *bundle_dir);
/* Imports @files (a list of GFile) one after the other into the bundle and
 * adds them to the article: the file chooser, a drop and a paste all come
 * here. Problems show in the strip's message bar. */
void           byline_photo_strip_add_files          (BylinePhotoStrip *self,
                                                      GListModel       *files);
/* Attaches the image or the files on @clipboard; FALSE (and nothing done)
 * when it holds neither, so a text paste can go on. */
gboolean       byline_photo_strip_paste              (BylinePhotoStrip *self,
                                                      GdkClipboard     *clipboard);
/* Lets @editor take photos too: files dropped on it and images pasted into
 * its text (when the clipboard has no text) are attached through the strip.
 * A rich paste with text and images (a web page) stays the editor's. */
void           byline_photo_strip_watch_editor       (BylinePhotoStrip *self,
                                                      BylineEditor     *editor);
/* TRUE while files are being imported. */
gboolean       byline_photo_strip_get_busy           (BylinePhotoStrip *self);
BylinePhoto   *byline_photo_strip_get_selected_photo (BylinePhotoStrip *self);
void           byline_photo_strip_set_selected_photo (BylinePhotoStrip *self,
                                                      BylinePhoto      *photo);
/* The text of the message bar, NULL when it is hidden. */
const char    *byline_photo_strip_get_message        (BylinePhotoStrip *self);
/* The tile showing @photo_id, if it is realised in the list (tests). */
GtkWidget     *byline_photo_strip_get_tile           (BylinePhotoStrip *self,
                                                      const char       *photo_id);

G_END_DECLS
