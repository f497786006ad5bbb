/* byline-spell.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spell checking with Enchant (Hunspell dictionaries), and the word
 * splitting it needs. No GTK here: the editor maps the character ranges
 * returned by byline_spell_split_words() onto its buffers.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  guint start;   /* in characters, inclusive */
  guint end;     /* in characters, exclusive */
} BylineWordRange;

#define BYLINE_TYPE_SPELL_CHECKER (byline_spell_checker_get_type ())

G_DECLARE_FINAL_TYPE (BylineSpellChecker, byline_spell_checker, BYLINE, SPELL_CHECKER, GObject)

/* The words of @text (NUL-terminated UTF-8) as character ranges. A word is a
 * run of letters and digits with the combining marks that belong to them
 * (Vietnamese "nhiệm" in NFD is one word), joined by an apostrophe between
 * two letters ("don't", "l'eau"). Runs of digits alone are not words to
 * spell-check, but they are words to count: see @with_numbers. */
GArray             *byline_spell_split_words           (const char          *text,
                                                        gboolean             with_numbers);
/* The enchant dictionary tag for an article language: "vi" → "vi_VN",
 * "en" → "en_US"; anything else is passed through with '-' turned to '_'. */
char               *byline_spell_dictionary_for_language (const char        *language);

/* A checker for @language (BCP 47, as in the article). When no dictionary
 * is installed for it, every word is correct and has_dictionary() says so. */
BylineSpellChecker *byline_spell_checker_new           (const char          *language);
const char         *byline_spell_checker_get_language  (BylineSpellChecker  *self);
void                byline_spell_checker_set_language  (BylineSpellChecker  *self,
                                                        const char          *language);
gboolean            byline_spell_checker_has_dictionary (BylineSpellChecker *self);
gboolean            byline_spell_checker_check_word    (BylineSpellChecker  *self,
                                                        const char          *word,
                                                        gssize               length);
/* At most @max_suggestions NFC suggestions, best first; NULL-terminated. */
GStrv               byline_spell_checker_suggest       (BylineSpellChecker  *self,
                                                        const char          *word,
                                                        gssize               length,
                                                        guint                max_suggestions);
/* Adds @word to the user's personal dictionary for this language. */
void                byline_spell_checker_add_word      (BylineSpellChecker  *self,
                                                        const char          *word);
/* Accepts @word for the rest of the session. */
void                byline_spell_checker_ignore_word   (BylineSpellChecker  *self,
                                                        const char          *word);

G_END_DECLS
