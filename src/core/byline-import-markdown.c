/* byline-import-markdown.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Markdown that writers use, not all of CommonMark: ATX and setext
 * headings, paragraphs (hard-wrapped lines joined), bulleted and numbered
 * lists (nested lists flattened: the body is flat), quotes, fenced code
 * (kept as plain text), **bold**, *italic*, [links](url), <autolinks>,
 * `code` (plain text), images (dropped) and backslash escapes. The first
 * level-1 heading is the title; a wholly italic paragraph right under it
 * is the lead (what byline_render_markdown writes); a closing credit line
 * paragraph gives the writers and photographers.
 *
 * No recursion and no unbounded look-ahead: every scan forward is either
 * capped or remembered when it fails, so a hostile file stays linear.
 */

#include "config.h"

#include <string.h>

#include "byline-import-private.h"

/* How far a link's text and target may reach, in bytes. */
#define MAX_LINK_TEXT 1000
#define MAX_LINK_TARGET 2000
#define MAX_CODE_RUN 16

typedef enum
{
  STATE_NONE,
  STATE_PARAGRAPH,
  STATE_QUOTE,
  STATE_ITEM,
  STATE_FENCE,
} State;

typedef struct
{
  BylineArticle *article;
  GPtrArray     *blocks;
  BylineInline  *inl;
  GString       *pending;     /* raw inline text of the open block */
  State          state;
  gboolean       ordered;
  char           fence_char;
  guint          fence_len;
  gboolean       seen_heading;
  gboolean       title_first;  /* the title came before any block */
} Parser;

/* ---------------------------------------------------------------- inline */

typedef enum
{
  TOKEN_TEXT,
  TOKEN_EM,       /* one * or _ */
  TOKEN_STRONG,   /* ** or __ */
  TOKEN_LINK_OPEN,
  TOKEN_LINK_CLOSE,
} TokenKind;

typedef struct
{
  TokenKind   kind;
  const char *start;
  gsize       length;
  char        ch;
  gboolean    can_open;
  gboolean    can_close;
  int         match;      /* the paired delimiter, or -1 */
  char       *href;       /* TOKEN_LINK_OPEN: NULL when the link is unsafe */
} Token;

typedef struct
{
  const char *text;
  const char *end;
  GArray     *tokens;
  const char *link_close;         /* the ']' ending the open link */
  const char *link_resume;        /* where to go on after its ')' */
  const char *no_code_after[MAX_CODE_RUN + 1];
} Lexer;

static void
token_clear (gpointer data)
{
  Token *token = data;

  g_clear_pointer (&token->href, g_free);
}

static void
add_token (Lexer      *lexer,
           TokenKind   kind,
           const char *start,
           gsize       length)
{
  Token token = { kind, start, length, 0, FALSE, FALSE, -1, NULL };

  g_array_append_val (lexer->tokens, token);
}

static gunichar
char_before (Lexer      *lexer,
             const char *p)
{
  return p > lexer->text ? g_utf8_get_char (g_utf8_find_prev_char (lexer->text, p)) : ' ';
}

static gunichar
char_at (Lexer      *lexer,
         const char *p)
{
  return p < lexer->end ? g_utf8_get_char (p) : ' ';
}

/* CommonMark's flanking rules, which keep "a * b" and snake_case literal. */
static void
add_delimiters (Lexer      *lexer,
                const char *start,
                gsize       n)
{
  gunichar before = char_before (lexer, start);
  gunichar after = char_at (lexer, start + n);
  gboolean left = !g_unichar_isspace (after) &&
                  (!g_unichar_ispunct (after) || g_unichar_isspace (before) || g_unichar_ispunct (before));
  gboolean right = !g_unichar_isspace (before) &&
                   (!g_unichar_ispunct (before) || g_unichar_isspace (after) || g_unichar_ispunct (after));
  gboolean can_open = left, can_close = right;

  if (*start == '_')
    {
      can_open = left && (!right || g_unichar_ispunct (before));
      can_close = right && (!left || g_unichar_ispunct (after));
    }

  if (n > 3)
    {
      add_token (lexer, TOKEN_TEXT, start, n);
      return;
    }

  for (gsize i = 0; i < n;)
    {
      gsize width = n - i >= 2 ? 2 : 1;
      Token *token;

      add_token (lexer, width == 2 ? TOKEN_STRONG : TOKEN_EM, start + i, width);
      token = &g_array_index (lexer->tokens, Token, lexer->tokens->len - 1);
      token->ch = *start;
      token->can_open = can_open;
      token->can_close = can_close;
      i += width;
    }
}

/* Backslash escapes hold in link targets too: "\<" is "<". */
static char *
unescape (const char *start,
          const char *stop)
{
  GString *out = g_string_sized_new (stop - start);

  for (const char *p = start; p < stop; p++)
    {
      if (*p == '\\' && p + 1 < stop && g_ascii_ispunct (p[1]))
        p++;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* The ')' ending "(target)" right after a link's ']', or NULL; sets
 * *target to the target without its angle brackets or title. */
static const char *
scan_link_target (Lexer       *lexer,
                  const char  *p,
                  char       **target)
{
  const char *limit = MIN (lexer->end, p + MAX_LINK_TARGET);
  const char *start, *stop;

  if (p >= lexer->end || *p != '(')
    return NULL;

  for (p++; p < limit && (*p == ' ' || *p == '\n'); p++)
    ;
  if (p < limit && *p == '<')
    {
      start = ++p;
      while (p < limit && *p != '>' && *p != '\n')
        p++;
      if (p >= limit || *p != '>')
        return NULL;
      stop = p++;
    }
  else
    {
      guint depth = 0;

      /* Balanced parentheses belong to the target: "alert(1)". */
      for (start = p; p < limit && *p != ' ' && *p != '\n'; p++)
        if (*p == '\\' && p + 1 < limit)
          p++;
        else if (*p == '(')
          depth++;
        else if (*p == ')' && depth-- == 0)
          break;
      stop = p;
    }

  /* An optional "title", which we do not keep. */
  while (p < limit && *p != ')')
    p++;
  if (p >= limit)
    return NULL;

  *target = unescape (start, stop);
  return p;
}

/* The ']' matching the '[' at @p, or NULL. */
static const char *
scan_link_text (Lexer      *lexer,
                const char *p)
{
  const char *limit = MIN (lexer->end, p + MAX_LINK_TEXT);
  guint depth = 0;

  for (p++; p < limit; p++)
    {
      if (*p == '\\' && p + 1 < limit)
        p++;
      else if (*p == '[')
        depth++;
      else if (*p == ']' && depth-- == 0)
        return p;
    }

  return NULL;
}

/* Handles "[" and "![" at @p; returns where to go on, or NULL if it is
 * not a link. */
static const char *
lex_link (Lexer      *lexer,
          const char *p)
{
  gboolean image = *p == '!';
  const char *open = image ? p + 1 : p;
  const char *close;
  const char *paren;
  g_autofree char *target = NULL;

  if (lexer->link_close != NULL || open >= lexer->end || *open != '[')
    return NULL;

  close = scan_link_text (lexer, open);
  if (close == NULL)
    return NULL;
  paren = scan_link_target (lexer, close + 1, &target);
  if (paren == NULL)
    return NULL;

  /* Images have no place in the body (photos are attached, with credits). */
  if (image)
    return paren + 1;

  add_token (lexer, TOKEN_LINK_OPEN, p, 1);
  g_array_index (lexer->tokens, Token, lexer->tokens->len - 1).href = byline_import_clean_href (target);
  lexer->link_close = close;
  lexer->link_resume = paren + 1;
  return open + 1;
}

static const char *
lex_autolink (Lexer      *lexer,
              const char *p)
{
  const char *limit = MIN (lexer->end, p + MAX_LINK_TARGET);
  const char *q;
  g_autofree char *target = NULL;
  g_autofree char *href = NULL;

  for (q = p + 1; q < limit && *q != '>' && *q != ' ' && *q != '\n' && *q != '<'; q++)
    ;
  if (q >= limit || *q != '>' || lexer->link_close != NULL)
    return NULL;

  target = g_strndup (p + 1, q - p - 1);
  href = byline_import_clean_href (target);
  if (href == NULL || strchr (href, ':') == NULL)
    return NULL;

  add_token (lexer, TOKEN_LINK_OPEN, p, 1);
  g_array_index (lexer->tokens, Token, lexer->tokens->len - 1).href = g_steal_pointer (&href);
  add_token (lexer, TOKEN_TEXT, p + 1, q - p - 1);
  add_token (lexer, TOKEN_LINK_CLOSE, q, 1);
  return q + 1;
}

static gsize
run_length (Lexer      *lexer,
            const char *p,
            char        ch)
{
  gsize n = 0;

  while (p + n < lexer->end && p[n] == ch)
    n++;

  return n;
}

/* `code`: its content is literal text. When no closing run of a length
 * exists after some point, none exists after any later point either:
 * remembering that keeps a text full of lone backticks linear. */
static const char *
lex_code (Lexer      *lexer,
          const char *p)
{
  gsize n = run_length (lexer, p, '`');
  const char *content = p + n;

  if (n > MAX_CODE_RUN)
    {
      add_token (lexer, TOKEN_TEXT, p, n);
      return p + n;
    }

  if (lexer->no_code_after[n] == NULL || p < lexer->no_code_after[n])
    for (const char *q = content; q < lexer->end; q++)
      {
        gsize m;

        if (*q != '`')
          continue;
        m = run_length (lexer, q, '`');
        if (m == n)
          {
            add_token (lexer, TOKEN_TEXT, content, q - content);
            return q + n;
          }
        q += m - 1;
      }

  lexer->no_code_after[n] = p;
  add_token (lexer, TOKEN_TEXT, p, n);
  return p + n;
}

static const char *
lex_special (Lexer      *lexer,
             const char *p)
{
  const char *next = NULL;

  switch (*p)
    {
    case '\\':
      if (p + 1 < lexer->end && g_ascii_ispunct (p[1]))
        {
          add_token (lexer, TOKEN_TEXT, p + 1, 1);
          return p + 2;
        }
      break;
    case '*':
    case '_':
      {
        gsize n = run_length (lexer, p, *p);

        add_delimiters (lexer, p, n);
        return p + n;
      }
    case '`':
      return lex_code (lexer, p);
    case '[':
    case '!':
      next = lex_link (lexer, p);
      break;
    case '<':
      next = lex_autolink (lexer, p);
      break;
    default:
      break;
    }

  if (next != NULL)
    return next;

  add_token (lexer, TOKEN_TEXT, p, 1);
  return p + 1;
}

static void
lex (Lexer *lexer)
{
  const char *p = lexer->text;

  while (p < lexer->end)
    {
      const char *run = p;

      if (p == lexer->link_close)
        {
          add_token (lexer, TOKEN_LINK_CLOSE, p, 1);
          p = lexer->link_resume;
          lexer->link_close = lexer->link_resume = NULL;
          continue;
        }

      while (p < lexer->end && p != lexer->link_close && strchr ("\\*_`[!<", *p) == NULL)
        p++;
      if (p > run)
        {
          add_token (lexer, TOKEN_TEXT, run, p - run);
          continue;
        }

      p = lex_special (lexer, p);
    }
}

/* Pairs each closing delimiter with the last unpaired opener of the same
 * character and width: one slot per kind, so this is linear. */
static void
match_delimiters (GArray *tokens)
{
  int openers[2][2] = { { -1, -1 }, { -1, -1 } };

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);
      int *slot;

      if (token->kind != TOKEN_EM && token->kind != TOKEN_STRONG)
        continue;

      slot = &openers[token->ch == '_'][token->kind == TOKEN_STRONG];
      if (token->can_close && *slot >= 0)
        {
          g_array_index (tokens, Token, *slot).match = i;
          token->match = *slot;
          *slot = -1;
        }
      else if (token->can_open)
        *slot = i;
    }
}

static void
emit_tokens (GArray       *tokens,
             BylineInline *inl)
{
  int bold = 0, italic = 0;
  const char *href = NULL;

  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *token = &g_array_index (tokens, Token, i);
      int step = token->match > (int) i ? 1 : -1;

      switch (token->kind)
        {
        case TOKEN_TEXT:
          byline_inline_append (inl, token->start, token->length, bold > 0, italic > 0, href);
          break;
        case TOKEN_EM:
        case TOKEN_STRONG:
          if (token->match < 0)
            byline_inline_append (inl, token->start, token->length, bold > 0, italic > 0, href);
          else if (token->kind == TOKEN_STRONG)
            bold += step;
          else
            italic += step;
          break;
        case TOKEN_LINK_OPEN:
          href = token->href;
          break;
        case TOKEN_LINK_CLOSE:
          href = NULL;
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
parse_inline (const char   *text,
              gsize         length,
              BylineInline *inl)
{
  Lexer lexer = { text, text + length, NULL, NULL, NULL, { NULL } };

  lexer.tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  g_array_set_clear_func (lexer.tokens, token_clear);

  lex (&lexer);
  match_delimiters (lexer.tokens);
  emit_tokens (lexer.tokens, inl);

  g_array_unref (lexer.tokens);
}

/* ---------------------------------------------------------------- blocks */

static void
add_block (Parser          *parser,
           BylineBlockKind  kind,
           guint            level,
           gboolean         ordered)
{
  BylineBlock *block = byline_inline_finish (parser->inl, kind, level, ordered);

  if (block != NULL)
    g_ptr_array_add (parser->blocks, block);
}

static void
flush (Parser *parser)
{
  if (parser->pending->len > 0)
    {
      if (parser->state == STATE_FENCE)
        byline_inline_append (parser->inl, parser->pending->str, parser->pending->len, FALSE, FALSE, NULL);
      else
        parse_inline (parser->pending->str, parser->pending->len, parser->inl);
    }

  switch (parser->state)
    {
    case STATE_QUOTE:
      add_block (parser, BYLINE_BLOCK_QUOTE, 0, FALSE);
      break;
    case STATE_ITEM:
      add_block (parser, BYLINE_BLOCK_LIST_ITEM, 0, parser->ordered);
      break;
    case STATE_NONE:
    case STATE_PARAGRAPH:
    case STATE_FENCE:
    default:
      add_block (parser, BYLINE_BLOCK_PARAGRAPH, 0, FALSE);
      break;
    }

  g_string_truncate (parser->pending, 0);
}

static void
append_line (Parser     *parser,
             const char *line)
{
  gsize len = strlen (line);

  /* A backslash at the end is a hard line break: a space, here. */
  if (len > 0 && line[len - 1] == '\\' && parser->state != STATE_FENCE)
    len--;

  g_string_append_len (parser->pending, line, len);
  g_string_append_c (parser->pending, '\n');
}

static void
add_heading (Parser     *parser,
             guint       level,
             const char *text,
             gsize       length)
{
  parse_inline (text, length, parser->inl);

  /* The first heading, at level 1, is the article's title. */
  if (level == 1 && !parser->seen_heading)
    {
      g_autoptr(BylineBlock) title = byline_inline_finish (parser->inl, BYLINE_BLOCK_PARAGRAPH, 0, FALSE);

      if (title != NULL)
        byline_article_set_title (parser->article, byline_block_get_text (title));
      parser->title_first = parser->blocks->len == 0;
    }
  else
    add_block (parser, BYLINE_BLOCK_HEADING, level <= 2 ? 2 : 3, FALSE);

  parser->seen_heading = TRUE;
}

static const char *
skip_indent (const char *line,
             guint       max)
{
  for (guint i = 0; i < max && *line == ' '; i++)
    line++;

  return line;
}

static gboolean
try_atx_heading (Parser     *parser,
                 const char *line)
{
  const char *p = skip_indent (line, 3);
  const char *end;
  guint level = 0;

  while (p[level] == '#')
    level++;
  if (level == 0 || level > 6 || (p[level] != ' ' && p[level] != '\t' && p[level] != '\0'))
    return FALSE;

  p += level;
  end = p + strlen (p);
  while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  /* "## Title ##": the closing hashes are not part of the title. */
  {
    const char *hashes = end;

    while (hashes > p && hashes[-1] == '#')
      hashes--;
    if (hashes == p || hashes[-1] == ' ' || hashes[-1] == '\t')
      end = hashes;
  }

  flush (parser);
  parser->state = STATE_NONE;
  add_heading (parser, level, p, end - p);
  return TRUE;
}

/* "===" or "---" under a paragraph makes it a heading of level 1 or 2. */
static gboolean
try_setext_underline (Parser     *parser,
                      const char *line)
{
  const char *p = skip_indent (line, 3);
  char ch = *p;
  gsize n;

  if (parser->state != STATE_PARAGRAPH || (ch != '=' && ch != '-'))
    return FALSE;

  n = strspn (p, ch == '=' ? "=" : "-");
  if (p[n + strspn (p + n, " \t")] != '\0')
    return FALSE;

  while (parser->pending->len > 0 && parser->pending->str[parser->pending->len - 1] == '\n')
    g_string_truncate (parser->pending, parser->pending->len - 1);
  add_heading (parser, ch == '=' ? 1 : 2, parser->pending->str, parser->pending->len);
  g_string_truncate (parser->pending, 0);
  parser->state = STATE_NONE;
  return TRUE;
}

static gboolean
is_thematic_break (const char *line)
{
  const char *p = skip_indent (line, 3);
  char ch = *p;
  guint n = 0;

  if (ch != '-' && ch != '*' && ch != '_')
    return FALSE;

  for (; *p; p++)
    {
      if (*p == ch)
        n++;
      else if (*p != ' ' && *p != '\t')
        return FALSE;
    }

  return n >= 3;
}

static gboolean
try_fence (Parser     *parser,
           const char *line)
{
  const char *p = skip_indent (line, 3);
  gsize n;

  if (*p != '`' && *p != '~')
    return FALSE;
  n = strspn (p, *p == '`' ? "`" : "~");
  if (n < 3)
    return FALSE;

  if (parser->state == STATE_FENCE)
    {
      if (*p != parser->fence_char || n < parser->fence_len || p[n + strspn (p + n, " \t")] != '\0')
        return FALSE;
      flush (parser);
      parser->state = STATE_NONE;
      return TRUE;
    }

  flush (parser);
  parser->state = STATE_FENCE;
  parser->fence_char = *p;
  parser->fence_len = n;
  return TRUE;
}

/* "- item", "* item", "+ item", "1. item", "1) item": returns the text of
 * the item, or NULL. */
static const char *
list_marker (const char *line,
             gboolean    any_indent,
             gboolean   *ordered,
             guint64    *number)
{
  const char *p = any_indent ? line + strspn (line, " \t") : skip_indent (line, 3);
  gsize digits = strspn (p, "0123456789");

  if ((*p == '-' || *p == '*' || *p == '+') && (p[1] == ' ' || p[1] == '\t' || p[1] == '\0'))
    {
      *ordered = FALSE;
      return p[1] == '\0' ? p + 1 : p + 2;
    }

  if (digits >= 1 && digits <= 9 && (p[digits] == '.' || p[digits] == ')') &&
      (p[digits + 1] == ' ' || p[digits + 1] == '\t' || p[digits + 1] == '\0'))
    {
      *ordered = TRUE;
      *number = g_ascii_strtoull (p, NULL, 10);
      return p[digits + 1] == '\0' ? p + digits + 1 : p + digits + 2;
    }

  return NULL;
}

static gboolean
try_list_item (Parser     *parser,
               const char *line)
{
  gboolean ordered = FALSE;
  guint64 number = 1;
  const char *text = list_marker (line, parser->state == STATE_ITEM, &ordered, &number);

  if (text == NULL)
    return FALSE;

  /* Inside a paragraph, only "1." starts a list: a wrapped line that
   * begins "2023. Năm" is text. */
  if (parser->state == STATE_PARAGRAPH && ordered && number != 1)
    return FALSE;

  flush (parser);
  parser->state = STATE_ITEM;
  parser->ordered = ordered;
  append_line (parser, text);
  return TRUE;
}

static gboolean
try_quote (Parser     *parser,
           const char *line)
{
  const char *p = skip_indent (line, 3);

  if (*p != '>')
    return FALSE;

  p++;
  if (*p == ' ')
    p++;

  if (parser->state != STATE_QUOTE)
    {
      flush (parser);
      parser->state = STATE_QUOTE;
    }

  /* A bare ">" separates two paragraphs of the quote. */
  if (p[strspn (p, " \t")] == '\0')
    flush (parser);
  else
    append_line (parser, p);
  return TRUE;
}

static void
parse_line (Parser     *parser,
            const char *line)
{
  if (try_fence (parser, line))
    return;

  if (parser->state == STATE_FENCE)
    {
      append_line (parser, line);
      return;
    }

  if (line[strspn (line, " \t")] == '\0')
    {
      flush (parser);
      parser->state = STATE_NONE;
      return;
    }

  if (try_atx_heading (parser, line) || try_setext_underline (parser, line))
    return;

  if (is_thematic_break (line))
    {
      flush (parser);
      parser->state = STATE_NONE;
      return;
    }

  if (try_quote (parser, line) || try_list_item (parser, line))
    return;

  /* Anything else continues the open block (lazily, as in CommonMark). */
  if (parser->state == STATE_NONE)
    parser->state = STATE_PARAGRAPH;
  append_line (parser, line);
}

/* Our own Markdown (byline_render_markdown) writes the lead as a wholly
 * italic paragraph right under the title; so do many writers. */
static void
take_lead (Parser *parser)
{
  BylineBlock *first;
  const BylineMark *mark;

  if (!parser->title_first || parser->blocks->len == 0)
    return;

  first = g_ptr_array_index (parser->blocks, 0);
  if (byline_block_get_kind (first) != BYLINE_BLOCK_PARAGRAPH || byline_block_get_n_marks (first) != 1)
    return;

  mark = byline_block_get_mark (first, 0);
  if (mark->kind != BYLINE_MARK_ITALIC || mark->start != 0 ||
      mark->end != g_utf8_strlen (byline_block_get_text (first), -1))
    return;

  byline_article_set_lead (parser->article, byline_block_get_text (first));
  g_ptr_array_remove_index (parser->blocks, 0);
}

BylineArticle *
byline_import_markdown (const char  *text,
                        GError     **error)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  g_autoptr(BylineInline) inl = byline_inline_new ();
  g_autoptr(GString) pending = g_string_new (NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  Parser parser = { article, blocks, inl, pending, STATE_NONE, FALSE, 0, 0, FALSE, FALSE };

  for (guint i = 0; lines[i] != NULL; i++)
    parse_line (&parser, lines[i]);
  flush (&parser);

  take_lead (&parser);
  byline_import_take_credit_block (article, blocks);

  if (!byline_import_finish_article (article, blocks, error))
    return NULL;

  return g_steal_pointer (&article);
}
