/* editor-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "byline-body-buffer.h"
#include "byline-body-history.h"
#include "byline-editor.h"

G_BEGIN_DECLS

#define PHOTO_ID "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

typedef struct
{
  GtkWindow     *window;
  BylineEditor  *editor;
  BylineArticle *article;
} Fixture;

/* Runs the main loop until @condition holds; fails after 10 s (a hang,
 * not a speed measurement). */
#define SPIN_UNTIL(condition) \
  G_STMT_START { \
    gboolean timed_out_ = FALSE; \
    guint source_ = g_timeout_add_seconds (10, spin_timeout_cb, &timed_out_); \
    while (!(condition) && !timed_out_) \
      g_main_context_iteration (NULL, TRUE); \
    g_assert_false (timed_out_); \
    g_source_remove (source_); \
  } G_STMT_END

void           spin_until_idle     (void);
gboolean       spin_timeout_cb     (gpointer           user_data);
guint          char_offset         (const char        *text,
                                    const char        *needle);
/* Every kind of block and mark. */
BylineArticle *new_full_article    (void);
/* @data: a function making the article, or NULL for an empty one. */
void           fixture_set_up      (Fixture           *fixture,
                                    gconstpointer      data);
void           fixture_tear_down   (Fixture           *fixture,
                                    gconstpointer      data);
GtkTextBuffer *body_of             (Fixture           *fixture);
GObject       *child_of            (Fixture           *fixture,
                                    const char        *name);
char          *dup_slice           (GtkTextBuffer     *buffer);
void           iter_at_text        (GtkTextBuffer     *buffer,
                                    const char        *needle,
                                    GtkTextIter       *start,
                                    GtkTextIter       *end);
gboolean       has_tag_named       (const GtkTextIter *iter,
                                    const char        *name);
void           assert_blocks_equal (GPtrArray         *actual,
                                    GPtrArray         *expected);
gboolean       can_undo            (Fixture           *fixture);
gboolean       can_redo            (Fixture           *fixture);
/* Through the editor's actions, as the shortcuts do; asserts there is
 * something to undo (redo). */
void           undo                (Fixture           *fixture);
void           redo                (Fixture           *fixture);
void           press_keys          (Fixture           *fixture,
                                    const char        *keys);

G_END_DECLS
