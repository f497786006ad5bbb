/* byline-import-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain text the way newsrooms mail it: the headline on the first line,
 * paragraphs split on blank lines, and a closing credit line
 * ("BT: Nguyễn Thu – Hình: Hoàng Kha") that is data, not body text.
 *
 * Text copied from a news portal starts with the portal's clutter
 * ("Xuất bản thông tin", a breadcrumb, the headline glued to a "null"),
 * then the headline again. When a short line among the first few repeats
 * an earlier line (or the end of one), the last such line is the headline
 * and what comes before it is dropped.
 *
 * Whitespace: lines are trimmed, lines of a paragraph are joined with a
 * space, and runs of spaces, tabs and no-break spaces become one space
 * (the seed article has "đề ra\u00A0 05"): a paragraph of a web article
 * has no use for a double space, and a lone no-break space typed to hold
 * "5 km" together would equally be lost by the site's editor.
 */

#include "config.h"

#include <string.h>

#include "byline-import-private.h"
#include "byline-text.h"

/* How far down the clutter before the repeated headline may reach. */
#define CLUTTER_WINDOW 8
/* The portal's breadcrumb names the category of the article. */
#define PORTAL_CATEGORY_PREFIX "Chi tiết bài viết "

typedef enum
{
  ROLE_WRITER = 1 << 0,
  ROLE_PHOTOGRAPHER = 1 << 1,
} CreditRole;

typedef struct
{
  char  *text;
  guint  paragraph;
} Line;

/* ---------------------------------------------------------------- credit */

static char *
collapse_spaces (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      const char *start = p;

      while (*p && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p != start && out->len > 0 && *p)
        g_string_append_c (out, ' ');

      start = p;
      while (*p && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      g_string_append_len (out, start, p - start);
    }

  return g_string_free (out, FALSE);
}

static char *
fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *trimmed = collapse_spaces (folded);

  return byline_text_normalize (trimmed, -1, NULL);
}

static CreditRole
classify_word (const char *word)
{
  static const char * const writers[] = {
    "bt", "bài", "bài viết", "tin", "tin bài", "text", "words", "story",
    "writer", "writers", "reporter", "reporters", "author", "authors",
  };
  static const char * const photographers[] = {
    "hình", "ảnh", "hình ảnh", "photo", "photos", "photograph",
    "photographs", "picture", "pictures", "image", "images",
  };

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    if (strcmp (word, writers[i]) == 0)
      return ROLE_WRITER;

  for (guint i = 0; i < G_N_ELEMENTS (photographers); i++)
    if (strcmp (word, photographers[i]) == 0)
      return ROLE_PHOTOGRAPHER;

  return 0;
}

/* "BT", "Hình", "Bài và ảnh", "Text & photos", "Tin/ảnh": every part must
 * be a known label, else this is not a credit line. */
static CreditRole
classify_label (const char *label)
{
  g_autofree char *folded = fold (label);
  g_auto(GStrv) parts = NULL;
  CreditRole roles = 0;

  if (*folded == '\0')
    return 0;

  parts = g_regex_split_simple ("\\s+(?:và|and)\\s+|\\s*[,/&+]\\s*", folded, 0, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      CreditRole role = classify_word (parts[i]);

      if (role == 0)
        return 0;
      roles |= role;
    }

  return roles;
}

static gboolean
is_plausible_name (const char *name)
{
  guint words = 1;
  gboolean has_letter = FALSE;

  if (*name == '\0' || g_utf8_strlen (name, -1) > 60)
    return FALSE;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      words += c == ' ';
      has_letter |= g_unichar_isalpha (c);
    }

  /* A sentence that happens to contain a colon is not a list of names. */
  return has_letter && words <= 6;
}

static gboolean
add_names (const char *names,
           CreditRole  roles,
           GPtrArray  *writers,
           GPtrArray  *photographers)
{
  g_auto(GStrv) parts = g_regex_split_simple ("\\s*[,;]\\s*|\\s+(?:và|and|&)\\s+", names, 0, 0);
  guint n = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *name = collapse_spaces (parts[i]);

      if (*name == '\0')
        continue;
      if (!is_plausible_name (name))
        return FALSE;

      if ((roles & ROLE_WRITER) && !g_ptr_array_find_with_equal_func (writers, name, g_str_equal, NULL))
        g_ptr_array_add (writers, g_strdup (name));
      if ((roles & ROLE_PHOTOGRAPHER) && !g_ptr_array_find_with_equal_func (photographers, name, g_str_equal, NULL))
        g_ptr_array_add (photographers, g_strdup (name));
      n++;
    }

  return n > 0;
}

/* The byte offset of the last -, – or — in @segment, or -1. */
static gssize
find_last_dash (const char *segment)
{
  gssize found = -1;

  for (const char *p = segment; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '-' || c == 0x2013 || c == 0x2014)
        found = p - segment;
    }

  return found;
}

/* Drops what surrounds a credit line but is not part of it: the "/." that
 * ends a Vietnamese article, a final period, parentheses. */
static char *
strip_credit_line (const char *line)
{
  g_autofree char *nfc = byline_text_normalize (line, -1, NULL);
  g_autofree char *text = collapse_spaces (nfc);
  gsize len = strlen (text);

  while (len > 0 && (text[len - 1] == '.' || text[len - 1] == '/' || text[len - 1] == ' '))
    text[--len] = '\0';

  if (len > 2 && text[0] == '(' && text[len - 1] == ')')
    return g_strndup (text + 1, len - 2);

  return g_steal_pointer (&text);
}

static GStrv
steal_strv (GPtrArray *array)
{
  g_ptr_array_add (array, NULL);
  return (GStrv) g_ptr_array_free (array, FALSE);
}

/**
 * byline_import_parse_credit_line:
 * @line: one line of text
 * @writers: (out) (optional): the writers, %NULL-terminated
 * @photographers: (out) (optional): the photographers, %NULL-terminated
 *
 * Recognises a closing credit line: parts "Label: names" separated by -,
 * – or — (spaces optional), labels such as BT, Bài, Tin, Text (writers),
 * Hình, Ảnh, Photos (photographers) or both joined ("Bài và ảnh"), names
 * separated by ",", "và", "and" or "&".
 *
 * Returns: %TRUE if @line is a credit line; on %FALSE the out arguments
 *   are set to %NULL
 */
gboolean
byline_import_parse_credit_line (const char  *line,
                                 GStrv       *writers,
                                 GStrv       *photographers)
{
  g_autoptr(GPtrArray) found_writers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) found_photographers = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  g_auto(GStrv) segments = NULL;
  g_autofree char *label = NULL;
  guint n;

  g_return_val_if_fail (line != NULL, FALSE);

  if (writers != NULL)
    *writers = NULL;
  if (photographers != NULL)
    *photographers = NULL;

  if (!g_utf8_validate (line, -1, NULL) || g_utf8_strlen (line, 200) >= 200)
    return FALSE;

  text = strip_credit_line (line);
  segments = g_strsplit (text, ":", -1);
  n = g_strv_length (segments);
  if (n < 2)
    return FALSE;

  label = g_strdup (segments[0]);
  for (guint i = 1; i < n; i++)
    {
      gssize dash = i + 1 < n ? find_last_dash (segments[i]) : (gssize) strlen (segments[i]);
      CreditRole roles = classify_label (label);
      g_autofree char *names = NULL;

      if (dash < 0 || roles == 0)
        return FALSE;

      names = g_strndup (segments[i], dash);
      if (!add_names (names, roles, found_writers, found_photographers))
        return FALSE;

      g_free (label);
      label = i + 1 < n ? g_strdup (segments[i] + dash + (segments[i][dash] == '-' ? 1 : 3)) : NULL;
    }

  if (writers != NULL)
    *writers = steal_strv (g_steal_pointer (&found_writers));
  if (photographers != NULL)
    *photographers = steal_strv (g_steal_pointer (&found_photographers));

  return TRUE;
}

/* ---------------------------------------------------------------- text */

static void
line_clear (gpointer data)
{
  Line *line = data;

  g_clear_pointer (&line->text, g_free);
}

static GArray *
split_lines (const char *text)
{
  g_auto(GStrv) raw = g_strsplit (text, "\n", -1);
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  guint paragraph = 0;

  g_array_set_clear_func (lines, line_clear);

  for (guint i = 0; raw[i] != NULL; i++)
    {
      Line line = { collapse_spaces (raw[i]), paragraph };

      if (*line.text == '\0')
        {
          g_free (line.text);
          paragraph++;
          continue;
        }

      g_array_append_val (lines, line);
    }

  return lines;
}

static gboolean
is_headline_like (const char *text)
{
  glong chars = g_utf8_strlen (text, -1);
  guint spaces = 0;

  for (const char *p = text; *p; p++)
    spaces += *p == ' ';

  /* Short words like a category name ("Tin tức") repeat too often to say
   * anything; a headline has a few words and no final period. */
  return chars >= 12 && chars < 200 && spaces >= 2 && text[strlen (text) - 1] != '.';
}

static gboolean
ends_with_words (const char *text,
                 const char *suffix)
{
  gsize n = strlen (text), s = strlen (suffix);

  return n >= s && strcmp (text + n - s, suffix) == 0 && (n == s || text[n - s - 1] == ' ');
}

/* Portal clutter is menu items and breadcrumbs: short, no sentence. */
static gboolean
is_clutter_like (const char *text)
{
  gsize n = strlen (text);

  return g_utf8_strlen (text, -1) < 200 && strchr (".!?", text[n - 1]) == NULL &&
         !g_str_has_suffix (text, "…");
}

/* The index of the headline: 0, or the last line of the first few that
 * repeats an earlier one (see the top of this file), when everything
 * before it looks like clutter and a body follows it. */
static guint
find_headline (GArray *lines)
{
  guint window = MIN (lines->len, CLUTTER_WINDOW);
  guint clutter = 0;

  while (clutter < window && is_clutter_like (g_array_index (lines, Line, clutter).text))
    clutter++;

  for (guint j = MIN (clutter, lines->len - 1); j-- > 1;)
    {
      const char *candidate = g_array_index (lines, Line, j).text;

      if (!is_headline_like (candidate))
        continue;

      for (guint i = 0; i < j; i++)
        if (ends_with_words (g_array_index (lines, Line, i).text, candidate))
          return j;
    }

  return 0;
}

static void
take_portal_category (BylineArticle *article,
                      GArray        *lines,
                      guint          headline)
{
  for (guint i = 0; i < headline; i++)
    {
      const char *text = g_array_index (lines, Line, i).text;

      if (g_str_has_prefix (text, PORTAL_CATEGORY_PREFIX) &&
          g_utf8_strlen (text + strlen (PORTAL_CATEGORY_PREFIX), -1) <= 60)
        {
          byline_article_set_category (article, text + strlen (PORTAL_CATEGORY_PREFIX));
          return;
        }
    }
}

static void
take_credit_line (BylineArticle *article,
                  GArray        *lines)
{
  g_auto(GStrv) writers = NULL;
  g_auto(GStrv) photographers = NULL;

  if (lines->len < 2 ||
      !byline_import_parse_credit_line (g_array_index (lines, Line, lines->len - 1).text,
                                        &writers, &photographers))
    return;

  byline_article_set_writers (article, (const char * const *) writers);
  byline_article_set_photographers (article, (const char * const *) photographers);
  g_array_set_size (lines, lines->len - 1);
}

static GPtrArray *
build_paragraphs (GArray *lines,
                  guint   first)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  g_autoptr(BylineInline) inl = byline_inline_new ();

  for (guint i = first; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      byline_inline_append (inl, line->text, -1, FALSE, FALSE, NULL);
      byline_inline_append (inl, " ", 1, FALSE, FALSE, NULL);

      if (i + 1 == lines->len || g_array_index (lines, Line, i + 1).paragraph != line->paragraph)
        {
          BylineBlock *block = byline_inline_finish (inl, BYLINE_BLOCK_PARAGRAPH, 0, FALSE);

          if (block != NULL)
            g_ptr_array_add (blocks, block);
        }
    }

  return blocks;
}

BylineArticle *
byline_import_text (const char  *text,
                    GError     **error)
{
  g_autoptr(GArray) lines = split_lines (text);
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GPtrArray) blocks = NULL;
  guint headline;

  /* The caller has rejected blank text, so there is a line; the credit
   * line comes off first (never the only line) so it is never the
   * headline. */
  g_assert (lines->len > 0);
  take_credit_line (article, lines);

  headline = find_headline (lines);
  take_portal_category (article, lines, headline);
  byline_article_set_title (article, g_array_index (lines, Line, headline).text);

  blocks = build_paragraphs (lines, headline + 1);
  if (!byline_import_finish_article (article, blocks, error))
    return NULL;

  return g_steal_pointer (&article);
}
