/* test-spell.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Word splitting and spell checking with the real Hunspell dictionaries
 * (hunspell-vi, hunspell-en-us from tools/debian-packages.txt).
 */

#include "config.h"

#include "byline-spell.h"

static char *
word_at (const char            *text,
         const BylineWordRange *range)
{
  const char *start = g_utf8_offset_to_pointer (text, range->start);
  const char *end = g_utf8_offset_to_pointer (text, range->end);

  return g_strndup (start, end - start);
}

static void
assert_words (const char *text,
              gboolean    with_numbers,
              const char *expected[])
{
  g_autoptr(GArray) words = byline_spell_split_words (text, with_numbers);

  g_assert_cmpuint (words->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < words->len; i++)
    {
      g_autofree char *word = word_at (text, &g_array_index (words, BylineWordRange, i));

      g_assert_cmpstr (word, ==, expected[i]);
    }
}

static void
test_spell_split_vietnamese (void)
{
  const char *nfc[] = { "Huyện", "ủy", "Tháp", "Mười", "nhiệm", "vụ", NULL };
  const char *nfd[] = { "Huye\xcc\xa3\xcc\x82n", "u\xcc\x89y", NULL };
  const char *numbers[] = { "Chiều", "ngày", "16", "02", "2023", NULL };
  const char *no_numbers[] = { "Chiều", "ngày", NULL };

  assert_words ("Huyện ủy Tháp Mười: nhiệm vụ.", FALSE, nfc);
  /* Decomposed input: the combining marks stay inside the word. */
  assert_words ("Huye\xcc\xa3\xcc\x82n u\xcc\x89y", FALSE, nfd);
  assert_words ("Chiều ngày 16/02/2023", TRUE, numbers);
  assert_words ("Chiều ngày 16/02/2023", FALSE, no_numbers);
}

static void
test_spell_split_apostrophes (void)
{
  const char *words[] = { "don't", "rock’n’roll", "quoted", NULL };
  const char *none[] = { NULL };

  assert_words ("don't rock’n’roll 'quoted'", FALSE, words);
  assert_words (" — … ' ", FALSE, none);
  assert_words ("", FALSE, none);
}

static void
test_spell_dictionary_tags (void)
{
  g_autofree char *vi = byline_spell_dictionary_for_language ("vi");
  g_autofree char *en = byline_spell_dictionary_for_language ("en");
  g_autofree char *pt = byline_spell_dictionary_for_language ("pt-BR");

  g_assert_cmpstr (vi, ==, "vi_VN");
  g_assert_cmpstr (en, ==, "en_US");
  g_assert_cmpstr (pt, ==, "pt_BR");
  g_assert_null (byline_spell_dictionary_for_language (NULL));
}

static void
test_spell_check_vietnamese (void)
{
  g_autoptr(BylineSpellChecker) checker = byline_spell_checker_new ("vi");
  g_auto(GStrv) suggestions = NULL;

  g_assert_true (byline_spell_checker_has_dictionary (checker));
  g_assert_true (byline_spell_checker_check_word (checker, "Huyện", -1));
  g_assert_true (byline_spell_checker_check_word (checker, "nhiệm", -1));
  /* The dictionary spells "uỷ"; the new-style "ủy" of the seed article,
   * "hòa" and "khỏe" must pass as well. */
  g_assert_true (byline_spell_checker_check_word (checker, "ủy", -1));
  g_assert_true (byline_spell_checker_check_word (checker, "uỷ", -1));
  g_assert_true (byline_spell_checker_check_word (checker, "hòa", -1));
  g_assert_true (byline_spell_checker_check_word (checker, "khỏe", -1));
  g_assert_false (byline_spell_checker_check_word (checker, "xyzqw", -1));
  g_assert_false (byline_spell_checker_check_word (checker, "nhiem", -1));
  /* Acronyms are taken as written; a capitalised misspelling is not. */
  g_assert_true (byline_spell_checker_check_word (checker, "UBND", -1));
  g_assert_true (byline_spell_checker_check_word (checker, "HTX", -1));
  g_assert_false (byline_spell_checker_check_word (checker, "Xyzqw", -1));

  suggestions = byline_spell_checker_suggest (checker, "nhiem", -1, 5);
  g_assert_true (g_strv_contains ((const char * const *) suggestions, "nhiệm"));
  g_assert_cmpuint (g_strv_length (suggestions), <=, 5);
}

static void
test_spell_check_english (void)
{
  g_autoptr(BylineSpellChecker) checker = byline_spell_checker_new ("en");
  g_auto(GStrv) suggestions = NULL;

  g_assert_true (byline_spell_checker_check_word (checker, "don't", -1));
  g_assert_false (byline_spell_checker_check_word (checker, "wrold", -1));
  suggestions = byline_spell_checker_suggest (checker, "wrold", -1, 5);
  g_assert_cmpstr (suggestions[0], ==, "world");

  /* Switching the language switches the dictionary. */
  g_assert_false (byline_spell_checker_check_word (checker, "nhiệm", -1));
  byline_spell_checker_set_language (checker, "vi");
  g_assert_true (byline_spell_checker_check_word (checker, "nhiệm", -1));
}

static void
test_spell_no_dictionary (void)
{
  g_autoptr(BylineSpellChecker) checker = byline_spell_checker_new ("tlh");
  g_auto(GStrv) suggestions = NULL;

  /* Without a dictionary nothing is underlined, and nothing crashes. */
  g_assert_false (byline_spell_checker_has_dictionary (checker));
  g_assert_true (byline_spell_checker_check_word (checker, "xyzqw", -1));
  suggestions = byline_spell_checker_suggest (checker, "xyzqw", -1, 5);
  g_assert_cmpuint (g_strv_length (suggestions), ==, 0);
}

static void
test_spell_ignore_and_add (void)
{
  g_autoptr(BylineSpellChecker) checker = byline_spell_checker_new ("vi");
  g_autoptr(BylineSpellChecker) again = NULL;

  g_assert_false (byline_spell_checker_check_word (checker, "xyzqw", -1));
  byline_spell_checker_ignore_word (checker, "xyzqw");
  g_assert_true (byline_spell_checker_check_word (checker, "xyzqw", -1));

  /* Added words persist (in the isolated config folder of this test). */
  byline_spell_checker_add_word (checker, "Byline");
  again = byline_spell_checker_new ("vi");
  g_assert_true (byline_spell_checker_check_word (again, "Byline", -1));
  g_assert_false (byline_spell_checker_check_word (again, "xyzqw", -1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/spell/split/vietnamese", test_spell_split_vietnamese);
  g_test_add_func ("/spell/split/apostrophes", test_spell_split_apostrophes);
  g_test_add_func ("/spell/dictionary-tags", test_spell_dictionary_tags);
  g_test_add_func ("/spell/check/vietnamese", test_spell_check_vietnamese);
  g_test_add_func ("/spell/check/english", test_spell_check_english);
  g_test_add_func ("/spell/no-dictionary", test_spell_no_dictionary);
  g_test_add_func ("/spell/ignore-and-add", test_spell_ignore_and_add);

  return g_test_run ();
}
