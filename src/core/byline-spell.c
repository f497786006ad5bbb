/* byline-spell.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <enchant.h>
#include <string.h>

#include "byline-spell.h"

struct _BylineSpellChecker
{
  GObject        parent_instance;

  char          *language;
  /* Both made on first use: see get_dict(). */
  EnchantBroker *broker;
  EnchantDict   *dict;
  gboolean       loaded;
};

G_DEFINE_FINAL_TYPE (BylineSpellChecker, byline_spell_checker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_word_char (gunichar c,
              gboolean in_word)
{
  /* Combining marks only continue a word: a stray accent is not one. */
  return g_unichar_isalnum (c) || (in_word && g_unichar_ismark (c));
}

/* An apostrophe belongs to the word when a letter follows it: "don't",
 * "l'eau", but not the closing quote in 'nhiệm'. */
static gboolean
apostrophe_joins (const char *next)
{
  return *next != '\0' && g_unichar_isalpha (g_utf8_get_char (next));
}

static void
add_range (GArray   *words,
           guint     start,
           guint     end,
           gboolean  has_digit,
           gboolean  with_numbers)
{
  BylineWordRange range = { start, end };

  if (end > start && (with_numbers || !has_digit))
    g_array_append_val (words, range);
}

GArray *
byline_spell_split_words (const char *text,
                          gboolean    with_numbers)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (BylineWordRange));
  gboolean in_word = FALSE;
  gboolean has_digit = FALSE;
  guint start = 0;
  guint offset = 0;

  g_return_val_if_fail (text != NULL, words);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      gunichar c = g_utf8_get_char (p);

      if (is_word_char (c, in_word) ||
          (in_word && is_apostrophe (c) && apostrophe_joins (g_utf8_next_char (p))))
        {
          if (!in_word)
            start = offset, has_digit = FALSE;
          in_word = TRUE;
          has_digit |= g_unichar_isdigit (c);
          continue;
        }

      if (in_word)
        add_range (words, start, offset, has_digit, with_numbers);
      in_word = FALSE;
    }

  if (in_word)
    add_range (words, start, offset, has_digit, with_numbers);

  return words;
}

char *
byline_spell_dictionary_for_language (const char *language)
{
  char *tag;

  if (language == NULL || *language == '\0')
    return NULL;
  if (g_ascii_strcasecmp (language, "vi") == 0)
    return g_strdup ("vi_VN");
  if (g_ascii_strcasecmp (language, "en") == 0)
    return g_strdup ("en_US");

  tag = g_strdup (language);
  g_strdelimit (tag, "-", '_');
  return tag;
}

static gboolean
is_tone_mark (gunichar c)
{
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

/* Vietnamese writes the tone of a final "oa", "oe", "uy" on either vowel:
 * "hòa"/"hoà", "thủy"/"thuỷ", "ủy"/"uỷ". Both spellings are in everyday
 * use (the seed article has "Huyện ủy") while the Hunspell dictionary
 * knows only one, so a word is also tried with the tone moved to the other
 * vowel. Returns NULL when the word has no such ending. */
static char *
vietnamese_other_tone_placement (const char *word,
                                 gssize      length)
{
  g_autofree char *nfd = g_utf8_normalize (word, length, G_NORMALIZE_NFD);
  g_autofree gunichar *chars = NULL;
  glong n = 0, tone = -1;
  gunichar first, second;
  GString *out;

  if (nfd == NULL)
    return NULL;
  chars = g_utf8_to_ucs4_fast (nfd, -1, &n);

  for (glong i = 0; i < n; i++)
    if (is_tone_mark (chars[i]))
      tone = i;

  /* Tone right after the first vowel of the final pair ("o\u0300a"), or
   * after the last letter ("oa\u0300"). */
  if (tone == n - 1 && n >= 3)
    {
      first = g_unichar_tolower (chars[n - 3]);
      second = g_unichar_tolower (chars[n - 2]);
    }
  else if (tone == n - 2 && n >= 3)
    {
      first = g_unichar_tolower (chars[n - 3]);
      second = g_unichar_tolower (chars[n - 1]);
    }
  else
    return NULL;

  if (!((first == 'o' && (second == 'a' || second == 'e')) || (first == 'u' && second == 'y')))
    return NULL;

  /* Either way it is the same swap of the last two code points. */
  out = g_string_new (NULL);
  for (glong i = 0; i < n - 2; i++)
    g_string_append_unichar (out, chars[i]);
  g_string_append_unichar (out, chars[n - 1]);
  g_string_append_unichar (out, chars[n - 2]);

  {
    g_autofree char *decomposed = g_string_free (out, FALSE);
    return g_utf8_normalize (decomposed, -1, G_NORMALIZE_NFC);
  }
}

/* "UBND", "HTX", "NTM": newsrooms write agencies and programmes as
 * acronyms that no dictionary has; flagging them all would bury the real
 * mistakes, so words in capitals are taken as written. */
static gboolean
is_acronym (const char *word,
            gssize      length)
{
  guint letters = 0;

  for (const char *p = word; p < word + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      letters += g_unichar_isupper (c);
    }

  return letters >= 2;
}

/* The dictionary of the language, loaded when a word is first checked
 * and not when the checker is made: enchant loads its provider modules
 * and the dictionary (about 10 ms), and the editor makes its checker
 * before the window's first frame, which shows no article yet. */
static EnchantDict *
get_dict (BylineSpellChecker *self)
{
  g_autofree char *tag = NULL;

  g_assert (BYLINE_IS_SPELL_CHECKER (self));

  if (self->loaded)
    return self->dict;

  self->loaded = TRUE;
  tag = byline_spell_dictionary_for_language (self->language);
  if (self->broker == NULL)
    self->broker = enchant_broker_init ();
  if (tag != NULL && enchant_broker_dict_exists (self->broker, tag))
    self->dict = enchant_broker_request_dict (self->broker, tag);

  return self->dict;
}

static void
unload_dict (BylineSpellChecker *self)
{
  g_assert (BYLINE_IS_SPELL_CHECKER (self));

  if (self->dict != NULL)
    enchant_broker_free_dict (self->broker, g_steal_pointer (&self->dict));
  self->loaded = FALSE;
}

BylineSpellChecker *
byline_spell_checker_new (const char *language)
{
  return g_object_new (BYLINE_TYPE_SPELL_CHECKER, "language", language, NULL);
}

const char *
byline_spell_checker_get_language (BylineSpellChecker *self)
{
  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (self), NULL);

  return self->language;
}

void
byline_spell_checker_set_language (BylineSpellChecker *self,
                                   const char         *language)
{
  g_return_if_fail (BYLINE_IS_SPELL_CHECKER (self));

  if (g_strcmp0 (self->language, language) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (language);
  unload_dict (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

gboolean
byline_spell_checker_has_dictionary (BylineSpellChecker *self)
{
  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (self), FALSE);

  return get_dict (self) != NULL;
}

gboolean
byline_spell_checker_check_word (BylineSpellChecker *self,
                                 const char         *word,
                                 gssize              length)
{
  g_autofree char *other = NULL;

  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (self), TRUE);
  g_return_val_if_fail (word != NULL, TRUE);

  if (length < 0)
    length = strlen (word);
  if (length == 0 || is_acronym (word, length) || get_dict (self) == NULL)
    return TRUE;
  if (enchant_dict_check (self->dict, word, length) == 0)
    return TRUE;

  other = vietnamese_other_tone_placement (word, length);
  return other != NULL && enchant_dict_check (self->dict, other, -1) == 0;
}

GStrv
byline_spell_checker_suggest (BylineSpellChecker *self,
                              const char         *word,
                              gssize              length,
                              guint               max_suggestions)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  char **suggestions;
  size_t n = 0;

  g_return_val_if_fail (BYLINE_IS_SPELL_CHECKER (self), NULL);
  g_return_val_if_fail (word != NULL, NULL);

  if (get_dict (self) == NULL)
    return g_strv_builder_end (builder);

  suggestions = enchant_dict_suggest (self->dict, word, length, &n);
  for (size_t i = 0; i < n && i < max_suggestions; i++)
    {
      g_autofree char *nfc = g_utf8_normalize (suggestions[i], -1, G_NORMALIZE_NFC);

      if (nfc != NULL)
        g_strv_builder_add (builder, nfc);
    }
  if (suggestions != NULL)
    enchant_dict_free_string_list (self->dict, suggestions);

  return g_strv_builder_end (builder);
}

void
byline_spell_checker_add_word (BylineSpellChecker *self,
                               const char         *word)
{
  g_return_if_fail (BYLINE_IS_SPELL_CHECKER (self));
  g_return_if_fail (word != NULL);

  if (get_dict (self) != NULL)
    enchant_dict_add (self->dict, word, -1);
}

void
byline_spell_checker_ignore_word (BylineSpellChecker *self,
                                  const char         *word)
{
  g_return_if_fail (BYLINE_IS_SPELL_CHECKER (self));
  g_return_if_fail (word != NULL);

  if (get_dict (self) != NULL)
    enchant_dict_add_to_session (self->dict, word, -1);
}

static void
byline_spell_checker_finalize (GObject *object)
{
  BylineSpellChecker *self = BYLINE_SPELL_CHECKER (object);

  unload_dict (self);
  g_clear_pointer (&self->broker, enchant_broker_free);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (byline_spell_checker_parent_class)->finalize (object);
}

static void
byline_spell_checker_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BylineSpellChecker *self = BYLINE_SPELL_CHECKER (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_spell_checker_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BylineSpellChecker *self = BYLINE_SPELL_CHECKER (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      byline_spell_checker_set_language (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_spell_checker_class_init (BylineSpellCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_spell_checker_finalize;
  object_class->get_property = byline_spell_checker_get_property;
  object_class->set_property = byline_spell_checker_set_property;

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_spell_checker_init (BylineSpellChecker *self)
{
}
