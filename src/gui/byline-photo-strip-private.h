/* byline-photo-strip-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the strip (list, actions, selection) and its attach half
 * (byline-photo-strip-attach.c: import, paste, drops, file chooser).
 */

#pragma once

#include <adwaita.h>

#include "byline-photo-strip.h"

G_BEGIN_DECLS

struct _BylinePhotoStrip
{
  GtkWidget           parent_instance;

  BylineArticle      *article;
  GFile              *bundle_dir;
  GtkSingleSelection *selection;
  /* Tiles by photo id, to badge and find them without walking the list. */
  GHashTable         *tiles;

  /* Files waiting to be imported, one at a time so they land in the
   * order they were chosen. */
  GQueue              queue;
  GCancellable       *cancellable;
  gboolean            busy;
  GString            *message;

  /* What "Undo" after a removal puts back. */
  BylinePhoto        *removed_photo;
  guint               removed_position;
  gboolean            removed_featured;
  gboolean            moving;
  GPtrArray          *removed_blocks;
  GPtrArray          *blocks_after_removal;

  AdwToastOverlay    *toast_overlay;
  GtkLabel           *count_label;
  GtkSpinner         *spinner;
  GtkRevealer        *message_revealer;
  GtkLabel           *message_label;
  GtkStack           *stack;
  GtkListView        *list_view;
};

void           byline_photo_strip_show_message          (BylinePhotoStrip *self,
                                                         const char       *text);
void           byline_photo_strip_clear_message         (BylinePhotoStrip *self);
void           byline_photo_strip_set_busy              (BylinePhotoStrip *self,
                                                         gboolean          busy);
void           byline_photo_strip_cancel_imports        (BylinePhotoStrip *self);
GtkDropTarget *byline_photo_strip_new_files_drop_target (BylinePhotoStrip *self);
void           byline_photo_strip_add_action            (GtkWidget        *widget,
                                                         const char       *action_name,
                                                         GVariant         *parameter);
void           byline_photo_strip_paste_action          (GtkWidget        *widget,
                                                         const char       *action_name,
                                                         GVariant         *parameter);

G_END_DECLS
