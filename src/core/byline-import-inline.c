/* byline-import-inline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The block builder every importer shares, so that text, Markdown and
 * pasted HTML collapse whitespace and count mark offsets the same way.
 */

#include "config.h"

#include <string.h>

#include "byline-import-private.h"
#include "byline-text.h"

typedef struct
{
  BylineMarkKind  kind;
  guint           start;
  guint           end;
  char           *href;
} InlineMark;

struct _BylineInline
{
  GString  *text;
  guint     n_chars;
  GArray   *marks;          /* InlineMark */
  int       last[3];        /* index of the last mark of each kind, or -1 */
  gboolean  pending_space;
  gboolean  space_bold;
  gboolean  space_italic;
  char     *space_href;
};

static void
inline_mark_clear (gpointer data)
{
  InlineMark *mark = data;

  g_clear_pointer (&mark->href, g_free);
}

static void
byline_inline_reset (BylineInline *self)
{
  g_assert (self != NULL);

  g_string_truncate (self->text, 0);
  self->n_chars = 0;
  g_array_set_size (self->marks, 0);
  self->last[0] = self->last[1] = self->last[2] = -1;
  self->pending_space = FALSE;
  g_clear_pointer (&self->space_href, g_free);
}

BylineInline *
byline_inline_new (void)
{
  BylineInline *self = g_new0 (BylineInline, 1);

  self->text = g_string_new (NULL);
  self->marks = g_array_new (FALSE, TRUE, sizeof (InlineMark));
  g_array_set_clear_func (self->marks, inline_mark_clear);
  byline_inline_reset (self);
  return self;
}

void
byline_inline_free (BylineInline *self)
{
  if (self == NULL)
    return;

  byline_inline_reset (self);
  g_string_free (self->text, TRUE);
  g_array_unref (self->marks);
  g_free (self);
}

/* Extends the last mark of @kind when it ends where this run starts, so a
 * word split over several runs (<b>a</b><b>b</b>) keeps one mark. */
static void
extend_mark (BylineInline   *self,
             BylineMarkKind  kind,
             guint           start,
             guint           end,
             const char     *href)
{
  InlineMark mark = { kind, start, end, NULL };
  int last = self->last[kind];

  if (last >= 0)
    {
      InlineMark *prev = &g_array_index (self->marks, InlineMark, last);

      if (prev->end == start && g_strcmp0 (prev->href, href) == 0)
        {
          prev->end = end;
          return;
        }
    }

  mark.href = g_strdup (href);
  g_array_append_val (self->marks, mark);
  self->last[kind] = self->marks->len - 1;
}

static void
append_run (BylineInline *self,
            const char   *run,
            gsize         length,
            gboolean      bold,
            gboolean      italic,
            const char    *href)
{
  guint start = self->n_chars;

  g_string_append_len (self->text, run, length);
  self->n_chars += g_utf8_strlen (run, length);

  if (bold)
    extend_mark (self, BYLINE_MARK_BOLD, start, self->n_chars, NULL);
  if (italic)
    extend_mark (self, BYLINE_MARK_ITALIC, start, self->n_chars, NULL);
  if (href != NULL)
    extend_mark (self, BYLINE_MARK_LINK, start, self->n_chars, href);
}

/* The space between two runs carries only the style both sides share:
 * "<b>word </b>next" must not make the space bold. */
static void
flush_space (BylineInline *self,
             gboolean      bold,
             gboolean      italic,
             const char   *href)
{
  if (!self->pending_space)
    return;

  append_run (self, " ", 1,
              bold && self->space_bold,
              italic && self->space_italic,
              g_strcmp0 (href, self->space_href) == 0 ? href : NULL);
  self->pending_space = FALSE;
  g_clear_pointer (&self->space_href, g_free);
}

static void
note_space (BylineInline *self,
            gboolean      bold,
            gboolean      italic,
            const char   *href)
{
  if (self->n_chars == 0 || self->pending_space)
    return;

  self->pending_space = TRUE;
  self->space_bold = bold;
  self->space_italic = italic;
  self->space_href = g_strdup (href);
}

/* A run that starts with combining marks ("e<b>\u0301</b>") belongs to
 * the last character: compose them there, keeping that character's
 * marks, so the offsets stay right. Returns where the rest starts. */
static const char *
compose_with_last (BylineInline *self,
                   const char   *run)
{
  const char *p = run;
  const char *last;
  g_autoptr(GString) joined = NULL;
  g_autofree char *composed = NULL;

  while (*p && g_unichar_ismark (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (p == run || self->n_chars == 0 || self->pending_space)
    return run;

  last = g_utf8_find_prev_char (self->text->str, self->text->str + self->text->len);
  joined = g_string_new_len (last, self->text->str + self->text->len - last);
  g_string_append_len (joined, run, p - run);
  composed = byline_text_normalize (joined->str, joined->len, NULL);

  g_string_truncate (self->text, last - self->text->str);
  g_string_append (self->text, composed);
  self->n_chars += g_utf8_strlen (composed, -1) - 1;
  return p;
}

static gboolean
is_dropped_char (gunichar c)
{
  /* Zero-width space and stray byte order marks come with pasted text and
   * are invisible in the editor; other control characters are noise. */
  return c == 0x200B || c == 0xFEFF ||
         (g_unichar_type (c) == G_UNICODE_CONTROL && !g_unichar_isspace (c));
}

void
byline_inline_append (BylineInline *self,
                      const char   *text,
                      gssize        length,
                      gboolean      bold,
                      gboolean      italic,
                      const char   *href)
{
  g_autofree char *nfc = NULL;
  const char *p;
  const char *run = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  nfc = byline_text_normalize (text, length, NULL);
  if (nfc == NULL)
    return;

  for (p = compose_with_last (self, nfc); ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean breaks = c == 0 || g_unichar_isspace (c) || is_dropped_char (c);

      if (breaks && run != NULL)
        {
          flush_space (self, bold, italic, href);
          append_run (self, run, p - run, bold, italic, href);
          run = NULL;
        }
      else if (!breaks && run == NULL)
        run = p;

      if (c == 0)
        break;
      if (g_unichar_isspace (c))
        note_space (self, bold, italic, href);
    }
}

static BylineBlock *
new_block (BylineBlockKind  kind,
           guint            level,
           gboolean         ordered,
           const char      *text)
{
  switch (kind)
    {
    case BYLINE_BLOCK_HEADING:
      return byline_block_new_heading (level, text);
    case BYLINE_BLOCK_LIST_ITEM:
      return byline_block_new_list_item (ordered, text);
    case BYLINE_BLOCK_PARAGRAPH:
    case BYLINE_BLOCK_QUOTE:
    case BYLINE_BLOCK_PHOTO:
    default:
      return byline_block_new (kind, text);
    }
}

BylineBlock *
byline_inline_finish (BylineInline    *self,
                      BylineBlockKind  kind,
                      guint            level,
                      gboolean         ordered)
{
  g_autofree char *nfc = NULL;
  BylineBlock *block;
  guint n_chars;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->n_chars == 0)
    {
      byline_inline_reset (self);
      return NULL;
    }

  /* Runs are normalised one by one; a combining mark that starts a run
   * ("e<b>\u0301</b>") only composes here, and the marks are clamped. */
  nfc = byline_text_normalize (self->text->str, self->text->len, NULL);
  n_chars = g_utf8_strlen (nfc, -1);
  block = new_block (kind, level, ordered, nfc);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const InlineMark *mark = &g_array_index (self->marks, InlineMark, i);
      guint end = MIN (mark->end, n_chars);

      if (mark->start < end)
        byline_block_add_mark (block, mark->kind, mark->start, end, mark->href);
    }

  byline_inline_reset (self);
  return block;
}

/**
 * byline_import_clean_href:
 * @href: a link target from pasted or imported text
 *
 * Only web and mail links survive an import: "javascript:", "data:",
 * relative links and the like would be dangerous or broken on the site.
 *
 * Returns: (transfer full) (nullable): the trimmed link, or %NULL
 */
char *
byline_import_clean_href (const char *href)
{
  static const char * const schemes[] = { "http://", "https://", "mailto:" };
  g_autofree char *trimmed = NULL;

  if (href == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (href));
  for (const char *p = trimmed; *p; p++)
    if ((guchar) *p < 0x20 || *p == ' ' || *p == 0x7F)
      return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_ascii_strncasecmp (trimmed, schemes[i], strlen (schemes[i])) == 0 &&
        trimmed[strlen (schemes[i])] != '\0')
      return g_steal_pointer (&trimmed);

  return NULL;
}
