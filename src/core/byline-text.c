/* byline-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every string Byline stores or sends is valid UTF-8 in NFC. Vietnamese can
 * be typed precomposed ("ệ") or decomposed ("ê" + dot below + …) depending on
 * the input method; the CMS compares bytes, so we normalise at the edges.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-text.h"

/* Pieces end before an ASCII character at least this far apart. */
#define NFC_PIECE 4096

G_DEFINE_QUARK (byline-text-error-quark, byline_text_error)

/* g_utf8_normalize() in GLib 2.74 slows down with the square of the
 * length of Vietnamese text (400 KB of it take seconds, 20 MB hours), so
 * long text is normalised in pieces. A piece ends before an ASCII
 * character: none composes with what precedes it or is reordered across
 * it, so the pieces give the same result as the whole. */
static char *
normalize_in_pieces (const char *text,
                     const char *end)
{
  GString *out = g_string_sized_new (end - text);

  while (text < end)
    {
      const char *cut = text + MIN ((gsize) (end - text), NFC_PIECE);
      g_autofree char *piece = NULL;

      while (cut < end && (guchar) *cut >= 0x80)
        cut++;

      piece = g_utf8_normalize (text, cut - text, G_NORMALIZE_NFC);
      g_string_append (out, piece);
      text = cut;
    }

  return g_string_free (out, FALSE);
}

/**
 * byline_text_normalize:
 * @text: the text
 * @length: the length of @text in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * Validates @text as UTF-8 and returns it in Unicode Normalization Form C.
 *
 * Returns: (transfer full): the NFC text, or %NULL with @error set
 */
char *
byline_text_normalize (const char  *text,
                       gssize       length,
                       GError     **error)
{
  const char *end = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate_len (text, length < 0 ? strlen (text) : (gsize) length, &end))
    {
      g_set_error (error,
                   BYLINE_TEXT_ERROR,
                   BYLINE_TEXT_ERROR_INVALID_UTF8,
                   _("Invalid UTF-8 at byte %lu"),
                   (gulong) (end - text));
      return NULL;
    }

  return normalize_in_pieces (text, end);
}

/**
 * byline_text_is_nfc:
 * @text: valid UTF-8
 *
 * Returns: %TRUE if @text is already in NFC
 */
gboolean
byline_text_is_nfc (const char *text)
{
  g_autofree char *nfc = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  nfc = byline_text_normalize (text, -1, NULL);
  return nfc != NULL && strcmp (nfc, text) == 0;
}

static gboolean
is_word_char (gunichar c,
              gboolean in_word)
{
  GUnicodeType type = g_unichar_type (c);

  return g_unichar_isalnum (c) ||
         (in_word && (type == G_UNICODE_NON_SPACING_MARK ||
                      type == G_UNICODE_SPACING_MARK));
}

static gboolean
is_joiner (gunichar c)
{
  return (c != 0 && c < 0x80 && strchr ("/.,-'", (int) c) != NULL) ||
         c == 0x2019; /* ’ */
}

/* A word is a run of letters and digits (with their combining marks): a
 * Vietnamese syllable counts as one word, as newsrooms count them. One
 * joiner between two such runs keeps them one word, as word processors
 * do: "16/02/2023", "2.000", "COVID-19", "don't". */
guint
byline_text_count_words (const char *text)
{
  gboolean in_word = FALSE;
  guint n = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word_char = is_word_char (c, in_word);

      if (!word_char && in_word && is_joiner (c))
        word_char = g_unichar_isalnum (g_utf8_get_char (g_utf8_next_char (p)));

      if (word_char && !in_word)
        n++;
      in_word = word_char;
    }

  return n;
}
