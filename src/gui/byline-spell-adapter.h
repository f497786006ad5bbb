/* byline-spell-adapter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spell checking for a GtkTextView: misspelled words get the tag
 * "misspelled" (an error underline), checked on idle one changed paragraph
 * at a time, with suggestions in the view's context menu.
 */

#pragma once

#include <gtk/gtk.h>

#include "byline-spell.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_SPELL_ADAPTER (byline_spell_adapter_get_type ())

G_DECLARE_FINAL_TYPE (BylineSpellAdapter, byline_spell_adapter, BYLINE, SPELL_ADAPTER, GObject)

/* The adapter lives as long as @view (it is attached to it). */
BylineSpellAdapter *byline_spell_adapter_attach     (GtkTextView        *view,
                                                     BylineSpellChecker *checker);
/* The adapter attached to @view, or NULL. */
BylineSpellAdapter *byline_spell_adapter_get_for_view (GtkTextView      *view);
/* Checks every paragraph still waiting, now (tests, before a screenshot). */
void                byline_spell_adapter_check_now  (BylineSpellAdapter *self);
/* Prepares the context menu for the word at @iter, as a right click does:
 * returns the menu section, empty when the word is spelled right. */
GMenuModel         *byline_spell_adapter_update_menu (BylineSpellAdapter *self,
                                                      const GtkTextIter  *iter);

G_END_DECLS
