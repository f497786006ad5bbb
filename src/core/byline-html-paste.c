/* byline-html-paste.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cleans the text/html a browser or LibreOffice puts on the clipboard into
 * the block model: headings, paragraphs, lists, quotes, bold, italic and
 * web links survive; fonts, colours, classes, images, scripts and tables
 * (flattened to paragraphs) do not.
 *
 * GMarkupParser wants XML and HTML from the clipboard is not: a small
 * tolerant tokenizer walks it once, keeping a capped stack of open
 * elements, so a broken or hostile paste costs linear time and never
 * recurses. Whitespace collapses the way a browser shows it; no-break
 * spaces count as spaces (LibreOffice writes "<p>&nbsp;</p>" for empty
 * lines and browsers "a&nbsp; b" for double spaces).
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "byline-html-entities.h"
#include "byline-import-private.h"

/* Deeper elements are read as if their tags were not there. */
#define MAX_DEPTH 256
#define MAX_NAME 16

typedef enum
{
  ROLE_INLINE,     /* span, font, u, anything unknown: style only */
  ROLE_BLOCK,      /* p, div, td…: a paragraph boundary */
  ROLE_HEADING,
  ROLE_LIST,
  ROLE_ITEM,
  ROLE_QUOTE,
  ROLE_BOLD,
  ROLE_ITALIC,
  ROLE_LINK,
  ROLE_BREAK,      /* br */
  ROLE_RULE,       /* hr: void, and a boundary */
  ROLE_VOID,       /* img, meta…: no content, no end tag */
  ROLE_HIDDEN,     /* head, svg, select: content not shown */
  ROLE_RAW,        /* script, style, title: raw content skipped */
} Role;

typedef struct
{
  const char *name;
  Role        role;
  guint8      level;   /* headings: 2 or 3; lists: 1 when ordered */
} TagInfo;

typedef struct
{
  char      name[MAX_NAME];
  Role      role;
  guint8    level;
  gboolean  bold;
  gboolean  italic;
  gboolean  hidden;
  char     *href;
} Frame;

typedef struct
{
  GArray       *frames;    /* Frame, innermost last */
  BylineInline *inl;
  GPtrArray    *blocks;
  GString      *scratch;
} Cleaner;

static const TagInfo tags[] = {
  { "a", ROLE_LINK, 0 },
  { "address", ROLE_BLOCK, 0 },
  { "area", ROLE_VOID, 0 },
  { "article", ROLE_BLOCK, 0 },
  { "aside", ROLE_BLOCK, 0 },
  { "b", ROLE_BOLD, 0 },
  { "base", ROLE_VOID, 0 },
  { "blockquote", ROLE_QUOTE, 0 },
  { "br", ROLE_BREAK, 0 },
  { "button", ROLE_HIDDEN, 0 },
  { "caption", ROLE_BLOCK, 0 },
  { "center", ROLE_BLOCK, 0 },
  { "col", ROLE_VOID, 0 },
  { "dd", ROLE_BLOCK, 0 },
  { "details", ROLE_BLOCK, 0 },
  { "dir", ROLE_LIST, 0 },
  { "div", ROLE_BLOCK, 0 },
  { "dl", ROLE_BLOCK, 0 },
  { "dt", ROLE_BLOCK, 0 },
  { "em", ROLE_ITALIC, 0 },
  { "embed", ROLE_VOID, 0 },
  /* A caption without its photo is orphaned text: photos are attached to
   * an article as files, with their credits, never pasted. */
  { "figcaption", ROLE_HIDDEN, 0 },
  { "figure", ROLE_BLOCK, 0 },
  { "footer", ROLE_BLOCK, 0 },
  { "form", ROLE_BLOCK, 0 },
  { "h1", ROLE_HEADING, 2 },
  { "h2", ROLE_HEADING, 2 },
  { "h3", ROLE_HEADING, 3 },
  { "h4", ROLE_HEADING, 3 },
  { "h5", ROLE_HEADING, 3 },
  { "h6", ROLE_HEADING, 3 },
  { "head", ROLE_HIDDEN, 0 },
  { "header", ROLE_BLOCK, 0 },
  { "hr", ROLE_RULE, 0 },
  { "i", ROLE_ITALIC, 0 },
  { "iframe", ROLE_RAW, 0 },
  { "img", ROLE_VOID, 0 },
  { "input", ROLE_VOID, 0 },
  { "li", ROLE_ITEM, 0 },
  { "link", ROLE_VOID, 0 },
  { "main", ROLE_BLOCK, 0 },
  { "math", ROLE_HIDDEN, 0 },
  { "menu", ROLE_LIST, 0 },
  { "meta", ROLE_VOID, 0 },
  { "nav", ROLE_BLOCK, 0 },
  { "noscript", ROLE_RAW, 0 },
  { "object", ROLE_HIDDEN, 0 },
  { "ol", ROLE_LIST, 1 },
  { "p", ROLE_BLOCK, 0 },
  { "param", ROLE_VOID, 0 },
  { "pre", ROLE_BLOCK, 0 },
  { "script", ROLE_RAW, 0 },
  { "section", ROLE_BLOCK, 0 },
  { "select", ROLE_HIDDEN, 0 },
  { "source", ROLE_VOID, 0 },
  { "strong", ROLE_BOLD, 0 },
  { "style", ROLE_RAW, 0 },
  { "summary", ROLE_BLOCK, 0 },
  { "svg", ROLE_HIDDEN, 0 },
  { "table", ROLE_BLOCK, 0 },
  { "td", ROLE_BLOCK, 0 },
  { "template", ROLE_RAW, 0 },
  { "textarea", ROLE_RAW, 0 },
  { "th", ROLE_BLOCK, 0 },
  { "title", ROLE_RAW, 0 },
  { "tr", ROLE_BLOCK, 0 },
  { "track", ROLE_VOID, 0 },
  { "ul", ROLE_LIST, 0 },
  { "video", ROLE_HIDDEN, 0 },
  { "wbr", ROLE_VOID, 0 },
  { "xmp", ROLE_RAW, 0 },
};

/* What browsers make of &#128;–&#159;: Windows-1252, as old pages meant. */
static const gunichar windows_1252[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* ---------------------------------------------------------------- entities */

static int
compare_entity (const void *key,
                const void *item)
{
  return strcmp (key, ((const BylineHtmlEntity *) item)->name);
}

static void
append_code_point (GString  *out,
                   guint64   code)
{
  if (code >= 0x80 && code <= 0x9F)
    code = windows_1252[code - 0x80];
  if (code == 0)
    return;
  if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
    code = 0xFFFD;

  g_string_append_unichar (out, code);
}

/* Decodes the character reference at @amp; returns where to go on. */
static const char *
decode_entity (const char *amp,
               const char *end,
               GString    *out)
{
  const char *p = amp + 1;
  char name[33];
  gsize n = 0;

  if (p < end && *p == '#')
    {
      gboolean hex = p + 1 < end && (p[1] == 'x' || p[1] == 'X');
      guint64 code = 0;
      const char *digits = p + (hex ? 2 : 1);

      for (p = digits; p < end && (hex ? g_ascii_isxdigit (*p) : g_ascii_isdigit (*p)); p++)
        code = MIN (code * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (*p) : *p - '0'), 0x110000);
      if (p == digits)
        goto literal;

      append_code_point (out, code);
      return p < end && *p == ';' ? p + 1 : p;
    }

  while (p < end && g_ascii_isalnum (*p) && n < sizeof name - 1)
    name[n++] = *p++;
  name[n] = '\0';

  /* "&copy" without ";" is read as a browser would, except before "=",
   * which is a query string in a link ("?a=1&copy=2"). */
  if (n > 0 && (p >= end || *p != '='))
    {
      const BylineHtmlEntity *entity = bsearch (name, byline_html_entities,
                                                G_N_ELEMENTS (byline_html_entities),
                                                sizeof (BylineHtmlEntity), compare_entity);
      if (entity != NULL)
        {
          g_string_append_unichar (out, entity->code);
          return p < end && *p == ';' ? p + 1 : p;
        }
    }

literal:
  g_string_append_c (out, '&');
  return amp + 1;
}

static void
decode_text (const char *p,
             const char *end,
             GString    *out)
{
  g_string_truncate (out, 0);

  while (p < end)
    {
      const char *amp = memchr (p, '&', end - p);

      if (amp == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }

      g_string_append_len (out, p, amp - p);
      p = decode_entity (amp, end, out);
    }
}

/* ---------------------------------------------------------------- style */

static void
apply_declaration (const char *property,
                   const char *value,
                   gboolean   *bold,
                   gboolean   *italic)
{
  if (strcmp (property, "font-weight") == 0)
    {
      if (g_ascii_isdigit (*value))
        *bold = atoi (value) >= 600;
      else if (strcmp (value, "bold") == 0 || strcmp (value, "bolder") == 0)
        *bold = TRUE;
      else if (strcmp (value, "normal") == 0 || strcmp (value, "lighter") == 0)
        *bold = FALSE;
    }
  else if (strcmp (property, "font-style") == 0)
    {
      if (strcmp (value, "italic") == 0 || strcmp (value, "oblique") == 0)
        *italic = TRUE;
      else if (strcmp (value, "normal") == 0)
        *italic = FALSE;
    }
}

/* Only weight and slant mean something in the block model; Google Docs
 * wraps everything in <b style="font-weight:normal">, hence "off" too. */
static void
apply_style (const char *style,
             gboolean   *bold,
             gboolean   *italic)
{
  g_autofree char *lower = g_ascii_strdown (style, -1);
  g_auto(GStrv) declarations = g_strsplit (lower, ";", -1);

  for (guint i = 0; declarations[i] != NULL; i++)
    {
      char *colon = strchr (declarations[i], ':');
      char *important;

      if (colon == NULL)
        continue;
      *colon = '\0';
      important = strstr (colon + 1, "!important");
      if (important != NULL)
        *important = '\0';

      apply_declaration (g_strstrip (declarations[i]), g_strstrip (colon + 1), bold, italic);
    }
}

/* ---------------------------------------------------------------- frames */

static void
frame_clear (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->href, g_free);
}

static Frame *
top_frame (Cleaner *cleaner)
{
  if (cleaner->frames->len == 0)
    return NULL;

  return &g_array_index (cleaner->frames, Frame, cleaner->frames->len - 1);
}

static const TagInfo *
lookup_tag (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    if (strcmp (tags[i].name, name) == 0)
      return &tags[i];

  return NULL;
}

static gboolean
is_boundary (Role role)
{
  return role == ROLE_BLOCK || role == ROLE_HEADING || role == ROLE_LIST ||
         role == ROLE_ITEM || role == ROLE_QUOTE;
}

/* The kind of the block being closed: the innermost heading, list item
 * or quote decides; a paragraph inside a list item is a list item. */
static void
flush (Cleaner *cleaner)
{
  BylineBlockKind kind = BYLINE_BLOCK_PARAGRAPH;
  guint level = 0;
  gboolean ordered = FALSE;
  BylineBlock *block;

  for (guint i = cleaner->frames->len; i-- > 0;)
    {
      const Frame *frame = &g_array_index (cleaner->frames, Frame, i);

      if (frame->role == ROLE_HEADING)
        {
          kind = BYLINE_BLOCK_HEADING;
          level = frame->level;
          break;
        }
      if (frame->role == ROLE_ITEM)
        {
          kind = BYLINE_BLOCK_LIST_ITEM;
          for (guint j = i; j-- > 0;)
            if (g_array_index (cleaner->frames, Frame, j).role == ROLE_LIST)
              {
                ordered = g_array_index (cleaner->frames, Frame, j).level == 1;
                break;
              }
          break;
        }
      if (frame->role == ROLE_QUOTE)
        {
          kind = BYLINE_BLOCK_QUOTE;
          break;
        }
    }

  block = byline_inline_finish (cleaner->inl, kind, level, ordered);
  if (block != NULL)
    g_ptr_array_add (cleaner->blocks, block);
}

/* Pops the frames down to and including @index, flushing first when a
 * block ends with them. */
static void
pop_to (Cleaner *cleaner,
        guint    index)
{
  for (guint i = index; i < cleaner->frames->len; i++)
    if (is_boundary (g_array_index (cleaner->frames, Frame, i).role))
      {
        flush (cleaner);
        break;
      }

  g_array_set_size (cleaner->frames, index);
}

/* The innermost open frame named @name, searching no further out than a
 * frame with a role in @stop (-1 for none), or -1. */
static int
find_open (Cleaner    *cleaner,
           const char *name,
           int         stop)
{
  for (guint i = cleaner->frames->len; i-- > 0;)
    {
      const Frame *frame = &g_array_index (cleaner->frames, Frame, i);

      if (strcmp (frame->name, name) == 0)
        return i;
      if ((int) frame->role == stop)
        return -1;
    }

  return -1;
}

/* HTML's implied end tags that clipboards rely on: a block closes an
 * open <p>, a <li> closes the previous item of its list. */
static void
close_implied (Cleaner       *cleaner,
               const TagInfo *info)
{
  Frame *top = top_frame (cleaner);
  int open;

  if (top != NULL && strcmp (top->name, "p") == 0)
    pop_to (cleaner, cleaner->frames->len - 1);

  if (info->role == ROLE_ITEM && (open = find_open (cleaner, "li", ROLE_LIST)) >= 0)
    pop_to (cleaner, open);
}

static void
push_frame (Cleaner       *cleaner,
            const char    *name,
            const TagInfo *info,
            const char    *href,
            const char    *style)
{
  const Frame *parent = top_frame (cleaner);
  Frame frame = { { 0 }, info ? info->role : ROLE_INLINE, info ? info->level : 0,
                  parent && parent->bold, parent && parent->italic, parent && parent->hidden,
                  NULL };

  if (cleaner->frames->len >= MAX_DEPTH)
    return;

  g_strlcpy (frame.name, name, sizeof frame.name);
  frame.bold |= frame.role == ROLE_BOLD;
  frame.italic |= frame.role == ROLE_ITALIC;
  frame.hidden |= frame.role == ROLE_HIDDEN;
  if (style != NULL)
    apply_style (style, &frame.bold, &frame.italic);

  if (frame.role == ROLE_LINK)
    frame.href = byline_import_clean_href (href);
  else if (parent != NULL)
    frame.href = g_strdup (parent->href);

  g_array_append_val (cleaner->frames, frame);
}

static gboolean
in_heading_or_item (Cleaner *cleaner)
{
  for (guint i = cleaner->frames->len; i-- > 0;)
    {
      Role role = g_array_index (cleaner->frames, Frame, i).role;

      if (role == ROLE_HEADING || role == ROLE_ITEM)
        return TRUE;
    }

  return FALSE;
}

static void
start_tag (Cleaner    *cleaner,
           const char *name,
           const char *href,
           const char *style,
           gboolean    self_closing)
{
  const TagInfo *info = lookup_tag (name);
  Role role = info ? info->role : ROLE_INLINE;

  switch (role)
    {
    case ROLE_BREAK:
      /* A line break inside a heading or an item is a space; elsewhere
       * it ends the paragraph, as the block model has no line breaks. */
      if (in_heading_or_item (cleaner))
        byline_inline_append (cleaner->inl, " ", 1, FALSE, FALSE, NULL);
      else
        flush (cleaner);
      return;
    case ROLE_RULE:
      close_implied (cleaner, info);
      flush (cleaner);
      return;
    case ROLE_VOID:
      return;
    case ROLE_BLOCK:
    case ROLE_HEADING:
    case ROLE_LIST:
    case ROLE_ITEM:
    case ROLE_QUOTE:
      close_implied (cleaner, info);
      flush (cleaner);
      break;
    case ROLE_INLINE:
    case ROLE_BOLD:
    case ROLE_ITALIC:
    case ROLE_LINK:
    case ROLE_HIDDEN:
    case ROLE_RAW:
    default:
      break;
    }

  if (!self_closing)
    push_frame (cleaner, name, info, href, style);
}

static void
end_tag (Cleaner    *cleaner,
         const char *name)
{
  const TagInfo *info = lookup_tag (name);
  int open = find_open (cleaner, name, -1);

  if (open >= 0)
    pop_to (cleaner, open);
  else if (info != NULL && is_boundary (info->role))
    flush (cleaner);   /* a stray </p> still ends a paragraph */
}

static void
add_text (Cleaner    *cleaner,
          const char *start,
          const char *end)
{
  const Frame *top = top_frame (cleaner);

  if (start == end || (top != NULL && top->hidden))
    return;

  decode_text (start, end, cleaner->scratch);
  byline_inline_append (cleaner->inl, cleaner->scratch->str, cleaner->scratch->len,
                        top != NULL && top->bold, top != NULL && top->italic,
                        top != NULL ? top->href : NULL);
}

/* ---------------------------------------------------------------- tokenizer */

static const char *
find_text (const char *p,
           const char *end,
           const char *needle)
{
  gsize n = strlen (needle);

  for (; p + n <= end; p++)
    {
      p = memchr (p, needle[0], end - p);
      if (p == NULL || p + n > end)
        return NULL;
      if (memcmp (p, needle, n) == 0)
        return p;
    }

  return NULL;
}

/* The start of "</name" (any case) at or after @p, or @end. */
static const char *
find_end_tag (const char *p,
              const char *end,
              const char *name)
{
  gsize n = strlen (name);

  while ((p = memchr (p, '<', end - p)) != NULL)
    {
      if (p + 2 + n <= end && p[1] == '/' && g_ascii_strncasecmp (p + 2, name, n) == 0 &&
          (p + 2 + n == end || !g_ascii_isalnum (p[2 + n])))
        return p;
      p++;
    }

  return end;
}

static const char *
read_name (const char *p,
           const char *end,
           char        name[MAX_NAME])
{
  gsize n = 0;

  for (; p < end && (g_ascii_isalnum (*p) || *p == ':' || *p == '-' || *p == '_'); p++)
    if (n < MAX_NAME - 1)
      name[n++] = g_ascii_tolower (*p);
  name[n] = '\0';

  return p;
}

static const char *
read_value (const char  *p,
            const char  *end,
            const char **value,
            gsize       *length)
{
  if (p < end && (*p == '"' || *p == '\''))
    {
      const char *close = memchr (p + 1, *p, end - p - 1);

      *value = p + 1;
      *length = (close ? close : end) - (p + 1);
      return close ? close + 1 : end;
    }

  *value = p;
  while (p < end && !g_ascii_isspace (*p) && *p != '>')
    p++;
  *length = p - *value;
  return p;
}

/* Reads the attributes up to and past '>'; keeps href and style. */
static const char *
read_attributes (const char  *p,
                 const char  *end,
                 GString     *scratch,
                 char       **href,
                 char       **style,
                 gboolean    *self_closing)
{
  while (p < end)
    {
      char name[MAX_NAME];
      const char *value = NULL;
      gsize length = 0;

      if (g_ascii_isspace (*p))
        {
          p++;
          continue;
        }
      if (*p == '>')
        return p + 1;
      if (*p == '/')
        {
          *self_closing = p + 1 < end && p[1] == '>';
          p++;
          continue;
        }

      p = read_name (p, end, name);
      if (*name == '\0')
        p++;
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p < end && *p == '=')
        {
          for (p++; p < end && g_ascii_isspace (*p); p++)
            ;
          p = read_value (p, end, &value, &length);
        }

      if (value == NULL)
        continue;
      decode_text (value, value + length, scratch);
      if (strcmp (name, "href") == 0 && *href == NULL)
        *href = g_strdup (scratch->str);
      else if (strcmp (name, "style") == 0 && *style == NULL)
        *style = g_strdup (scratch->str);
    }

  return end;
}

static const char *
read_tag (Cleaner    *cleaner,
          const char *p,
          const char *end)
{
  g_autofree char *href = NULL;
  g_autofree char *style = NULL;
  gboolean closing = p[1] == '/';
  gboolean self_closing = FALSE;
  char name[MAX_NAME];
  const TagInfo *info;

  p = read_name (p + (closing ? 2 : 1), end, name);
  p = read_attributes (p, end, cleaner->scratch, &href, &style, &self_closing);

  if (closing)
    {
      end_tag (cleaner, name);
      return p;
    }

  start_tag (cleaner, name, href, style, self_closing);

  info = lookup_tag (name);
  if (info != NULL && info->role == ROLE_RAW && !self_closing)
    {
      /* Script and style text is not markup: skip it whole, then close. */
      p = find_end_tag (p, end, name);
      end_tag (cleaner, name);
      if (p < end)
        {
          const char *close = memchr (p, '>', end - p);

          p = close ? close + 1 : end;
        }
    }

  return p;
}

/* Comments, doctypes, processing instructions, CDATA: skipped. */
static const char *
skip_markup_declaration (const char *p,
                         const char *end)
{
  const char *close;

  if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
    {
      close = find_text (p + 4, end, "-->");
      return close ? close + 3 : end;
    }

  close = memchr (p, '>', end - p);
  return close ? close + 1 : end;
}

static void
clean (Cleaner    *cleaner,
       const char *p,
       const char *end)
{
  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);

      if (lt == NULL)
        lt = end;
      add_text (cleaner, p, lt);
      p = lt;
      if (p >= end)
        break;

      if (p + 1 < end && (p[1] == '!' || p[1] == '?'))
        p = skip_markup_declaration (p, end);
      else if (p + 1 < end && (g_ascii_isalpha (p[1]) ||
                               (p[1] == '/' && p + 2 < end && g_ascii_isalpha (p[2]))))
        p = read_tag (cleaner, p, end);
      else
        {
          add_text (cleaner, p, p + 1);
          p++;
        }
    }

  flush (cleaner);
}

/* Clipboard HTML is UTF-8 on Linux; anything else is repaired rather than
 * refused, and NUL bytes (never text) are dropped. */
static char *
to_valid_utf8 (const char *html,
               gsize       length)
{
  g_autofree char *copy = g_malloc (length + 1);
  gsize n = 0;

  for (gsize i = 0; i < length; i++)
    if (html[i] != '\0')
      copy[n++] = html[i];
  copy[n] = '\0';

  return g_utf8_make_valid (copy, n);
}

/**
 * byline_import_html_fragment:
 * @html: text/html from the clipboard
 * @length: its length in bytes, or -1 when nul-terminated
 *
 * Returns: (transfer container) (element-type BylineBlock): the blocks,
 *   maybe none
 */
GPtrArray *
byline_import_html_fragment (const char *html,
                             gssize      length)
{
  g_autofree char *text = NULL;
  Cleaner cleaner;

  g_return_val_if_fail (html != NULL || length == 0, NULL);

  text = to_valid_utf8 (html ? html : "", length < 0 ? strlen (html) : (gsize) length);

  cleaner.frames = g_array_new (FALSE, TRUE, sizeof (Frame));
  g_array_set_clear_func (cleaner.frames, frame_clear);
  cleaner.inl = byline_inline_new ();
  cleaner.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  cleaner.scratch = g_string_new (NULL);

  clean (&cleaner, text, text + strlen (text));

  g_array_unref (cleaner.frames);
  byline_inline_free (cleaner.inl);
  g_string_free (cleaner.scratch, TRUE);
  return cleaner.blocks;
}
