/* byline-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared between byline-window.c (the article and the store) and
 * byline-window-actions.c (what the user asks for).
 */

#pragma once

#include "byline-article-panel.h"
#include "byline-draft-store.h"
#include "byline-editor.h"
#include "byline-library-pane.h"
#include "byline-photo-panel.h"
#include "byline-photo-strip.h"
#include "byline-publish-bar.h"
#include "byline-window.h"

G_BEGIN_DECLS

struct _BylineWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  BylineDraftStore     *store;
  /* The article in the editor, tracked by the store. */
  BylineArticle        *article;
  /* Its folder, where its photos are. */
  GFile                *bundle_dir;
  GCancellable         *cancellable;
  /* Whether the store's load (and its problems) has been shown. */
  gboolean              load_reported;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *editor_stack;
  GtkWidget            *article_page;
  AdwStatusPage        *empty_page;
  BylineLibraryPane    *library_pane;
  BylineEditor         *editor;
  BylineArticlePanel   *article_panel;
  GtkRevealer          *read_only_revealer;
  GtkRevealer          *save_error_revealer;
  GtkLabel             *save_error_label;
  BylinePhotoStrip     *photo_strip;
  BylinePhotoPanel     *photo_panel;
  GtkStack             *panel_stack;
  BylinePublishBar     *publish_bar;
  GtkWidget            *publish_button;
  GtkToggleButton      *panel_button;
};

void byline_window_show_article    (BylineWindow  *self,
                                    BylineArticle *article);
void byline_window_close_article   (BylineWindow  *self);
/* A toast; @title is plain text (escaped here). */
void byline_window_toast           (BylineWindow  *self,
                                    const char    *title);
void byline_window_class_add_actions (GtkWidgetClass *widget_class);
void byline_window_class_add_publish_actions (GtkWidgetClass *widget_class);
void byline_window_update_publish_button (BylineWindow *self);

G_END_DECLS
