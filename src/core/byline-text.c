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

#include "byline-text.h"

G_DEFINE_QUARK (byline-text-error-quark, byline_text_error)

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
                   "Invalid UTF-8 at byte %" G_GSIZE_FORMAT,
                   (gsize) (end - text));
      return NULL;
    }

  return g_utf8_normalize (text, length, G_NORMALIZE_NFC);
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

  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  return nfc != NULL && strcmp (nfc, text) == 0;
}
