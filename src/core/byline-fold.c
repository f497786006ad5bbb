/* byline-fold.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Vietnamese is often typed (and searched) without its diacritics: a reader
 * looking for "Mỹ Quí" types "my qui". Folding removes case and every
 * combining mark, and maps đ/Đ (a letter of its own, not d + a mark, so NFD
 * leaves it alone) to d.
 */

#include "config.h"

#include <string.h>

#include "byline-fold.h"

static gboolean
is_mark (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_NON_SPACING_MARK ||
         type == G_UNICODE_SPACING_MARK ||
         type == G_UNICODE_ENCLOSING_MARK;
}

/**
 * byline_fold_for_search:
 * @text: valid UTF-8
 *
 * Returns: (transfer full): @text case-folded, without combining marks, with
 *   đ and Đ turned into d
 */
char *
byline_fold_for_search (const char *text)
{
  g_autofree char *nfd = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (nfd == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (nfd));
  for (const char *p = nfd; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_mark (c))
        continue;
      if (c == 0x0110 || c == 0x0111)   /* Đ đ */
        c = 'd';
      g_string_append_unichar (out, c);
    }

  folded = g_string_free (out, FALSE);
  return g_utf8_casefold (folded, -1);
}

/**
 * byline_fold_split_query:
 * @query: what the user typed
 *
 * Returns: (transfer full): the folded, non-empty, whitespace-separated terms
 */
char **
byline_fold_split_query (const char *query)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (query != NULL, NULL);

  folded = byline_fold_for_search (query);
  words = g_strsplit_set (folded, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_strv_builder_add (builder, words[i]);

  return g_strv_builder_end (builder);
}

/**
 * byline_fold_matches:
 * @folded_haystack: text folded with byline_fold_for_search()
 * @folded_terms: terms from byline_fold_split_query()
 *
 * Returns: %TRUE if every term occurs in @folded_haystack
 */
gboolean
byline_fold_matches (const char         *folded_haystack,
                     const char * const *folded_terms)
{
  g_return_val_if_fail (folded_haystack != NULL, FALSE);
  g_return_val_if_fail (folded_terms != NULL, FALSE);

  for (guint i = 0; folded_terms[i] != NULL; i++)
    if (strstr (folded_haystack, folded_terms[i]) == NULL)
      return FALSE;

  return TRUE;
}
