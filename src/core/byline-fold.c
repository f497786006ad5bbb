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

static void
append_folded (GString  *out,
               gunichar  c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (c == 0x0110 || c == 0x0111)   /* Đ đ: a letter, not d + a mark */
    {
      g_string_append_c (out, 'd');
      return;
    }

  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n; i++)
    {
      char utf8[8];
      g_autofree char *folded = NULL;

      if (is_mark (decomposed[i]))
        continue;
      /* Vietnamese letters decompose to an ASCII base and marks. */
      if (decomposed[i] < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower ((char) decomposed[i]));
          continue;
        }
      utf8[g_unichar_to_utf8 (decomposed[i], utf8)] = '\0';
      folded = g_utf8_casefold (utf8, -1);
      g_string_append (out, folded);
    }
}

/**
 * byline_fold_for_search:
 * @text: valid UTF-8
 *
 * The same as casefolding the NFD form with every mark removed, and đ/Đ
 * turned into d, but character by character: ASCII, most of any text,
 * takes a fast path (search folds whole article files).
 *
 * Returns: (transfer full): the folded text
 */
char *
byline_fold_for_search (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0';)
    {
      if ((guchar) *p < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower (*p));
          p++;
          continue;
        }
      append_folded (out, g_utf8_get_char (p));
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
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
