/* test-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "byline-text.h"

/* "Nguyễn Mỹ Quí" typed with a decomposing input method: e + combining
 * circumflex + combining tilde, y + combining tilde, i + combining acute. */
#define DECOMPOSED "Nguye\xcc\x82\xcc\x83n My\xcc\x83 Qui\xcc\x81"
#define PRECOMPOSED "Nguy\xe1\xbb\x85n M\xe1\xbb\xb9 Qu\xc3\xad"

static void
test_text_normalize_vietnamese (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nfc = NULL;

  g_assert_false (byline_text_is_nfc (DECOMPOSED));
  g_assert_true (byline_text_is_nfc (PRECOMPOSED));

  nfc = byline_text_normalize (DECOMPOSED, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nfc, ==, PRECOMPOSED);
}

static void
test_text_normalize_length (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nfc = NULL;

  /* Only the first word: the length is honoured, not the nul. */
  nfc = byline_text_normalize (DECOMPOSED, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nfc, ==, "Nguy\xe1\xbb\x85n");
}

static void
test_text_normalize_invalid (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nfc = NULL;

  /* Latin-1 "Quí": what an IPTC record without the UTF-8 marker holds. */
  nfc = byline_text_normalize ("Qu\xed", -1, &error);
  g_assert_error (error, BYLINE_TEXT_ERROR, BYLINE_TEXT_ERROR_INVALID_UTF8);
  g_assert_null (nfc);
  g_assert_nonnull (strstr (error->message, "byte 2"));
}

static void
test_text_normalize_long (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *nfc = NULL;
  guint i = 0;

  /* Long decomposed text, normalised in pieces, must equal the whole:
   * runs of non-ASCII characters of every length cross the piece edges,
   * and so does "a" followed by marks that reorder (dot below, U+0323,
   * sorts before circumflex, U+0302: "ậ"). */
  while (text->len < 64 * 1024)
    {
      g_string_append (text, DECOMPOSED);
      g_string_append (expected, PRECOMPOSED);
      for (guint j = 0; j < i % 7; j++)
        {
          g_string_append (text, "a\xcc\x82\xcc\xa3");
          g_string_append (expected, "\xe1\xba\xad");
        }
      g_string_append_c (text, i++ % 3 ? ' ' : '\n');
      g_string_append_c (expected, text->str[text->len - 1]);
    }

  nfc = byline_text_normalize (text->str, text->len, NULL);
  g_assert_cmpstr (nfc, ==, expected->str);
  g_assert_true (byline_text_is_nfc (expected->str));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/text/normalize/vietnamese", test_text_normalize_vietnamese);
  g_test_add_func ("/text/normalize/length", test_text_normalize_length);
  g_test_add_func ("/text/normalize/invalid", test_text_normalize_invalid);
  g_test_add_func ("/text/normalize/long", test_text_normalize_long);

  return g_test_run ();
}
