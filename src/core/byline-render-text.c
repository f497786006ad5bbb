/* byline-render-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plain text and Markdown renderers: for e-mail to the desk, wire
 * copy and export. Markdown escapes the characters that would otherwise
 * turn a reporter's text into markup.
 */

#include "config.h"

#include <string.h>

#include "byline-render-private.h"

typedef struct
{
  GString                   *out;
  BylineArticle             *article;
  const BylineRenderOptions *options;
  gboolean                   markdown;
} TextContext;

static void
plain_escape (GString    *out,
              const char *text,
              gsize       length,
              gboolean    at_start)
{
  g_string_append_len (out, text, length);
}

static void
no_mark (GString          *out,
         const BylineMark *mark)
{
}

static const BylineInlineSyntax plain_syntax = {
  no_mark,
  no_mark,
  plain_escape,
};

/* An ordered-list marker ("2023." or "1)") at the start of a block. */
static gsize
list_marker_length (const char *text,
                    gsize       length)
{
  gsize i = 0;

  while (i < length && g_ascii_isdigit (text[i]))
    i++;

  if (i > 0 && i < length && (text[i] == '.' || text[i] == ')'))
    return i;

  return 0;
}

static void
markdown_escape (GString    *out,
                 const char *text,
                 gsize       length,
                 gboolean    at_start)
{
  gsize digits = at_start ? list_marker_length (text, length) : 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];
      gboolean line_start = at_start && i == 0;

      if (strchr ("\\`*_[]<>#&|", c) != NULL ||
          (line_start && strchr ("-+=", c) != NULL) ||
          (digits > 0 && i == digits))
        g_string_append_c (out, '\\');
      g_string_append_c (out, c);
    }
}

/* A link target inside (…): parentheses, backslashes and spaces would end
 * or break it. */
static void
markdown_append_destination (GString    *out,
                             const char *href)
{
  for (const char *p = href; *p != '\0'; p++)
    {
      if (*p == ' ')
        g_string_append (out, "%20");
      else
        {
          if (strchr ("()\\<>", *p) != NULL)
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
    }
}

static void
markdown_open (GString          *out,
               const BylineMark *mark)
{
  static const char * const openers[] = {
    [BYLINE_MARK_BOLD] = "**",
    [BYLINE_MARK_ITALIC] = "*",
    [BYLINE_MARK_LINK] = "[",
  };

  g_string_append (out, openers[mark->kind]);
}

static void
markdown_close (GString          *out,
                const BylineMark *mark)
{
  if (mark->kind != BYLINE_MARK_LINK)
    {
      markdown_open (out, mark);
      return;
    }

  g_string_append (out, "](");
  markdown_append_destination (out, mark->href);
  g_string_append_c (out, ')');
}

static const BylineInlineSyntax markdown_syntax = {
  markdown_open,
  markdown_close,
  markdown_escape,
};

static void
append_inline (TextContext       *ctx,
               const BylineBlock *block)
{
  byline_render_inline (ctx->out, block, ctx->markdown ? &markdown_syntax : &plain_syntax);
}

static void
append_escaped (TextContext *ctx,
                const char  *text)
{
  if (ctx->markdown)
    markdown_escape (ctx->out, text, strlen (text), TRUE);
  else
    g_string_append (ctx->out, text);
}

/* One paragraph of text, marked up as @prefix text @suffix in Markdown. */
static void
append_paragraph (TextContext *ctx,
                  const char  *prefix,
                  const char  *text,
                  const char  *suffix)
{
  if (text == NULL)
    return;

  if (ctx->out->len > 0)
    g_string_append (ctx->out, "\n\n");
  if (ctx->markdown)
    g_string_append (ctx->out, prefix);
  append_escaped (ctx, text);
  if (ctx->markdown)
    g_string_append (ctx->out, suffix);
}

static void
render_list (TextContext *ctx,
             GPtrArray   *blocks,
             guint        start,
             guint        end)
{
  gboolean ordered = byline_block_get_ordered (g_ptr_array_index (blocks, start));

  for (guint i = start; i < end; i++)
    {
      if (ordered)
        g_string_append_printf (ctx->out, "%u. ", i - start + 1);
      else
        g_string_append (ctx->out, "- ");
      append_inline (ctx, g_ptr_array_index (blocks, i));
      if (i + 1 < end)
        g_string_append_c (ctx->out, '\n');
    }
}

static void
render_quote (TextContext *ctx,
              GPtrArray   *blocks,
              guint        start,
              guint        end)
{
  for (guint i = start; i < end; i++)
    {
      if (i > start)
        g_string_append (ctx->out, ctx->markdown ? "\n>\n" : "\n\n");
      if (ctx->markdown)
        g_string_append (ctx->out, "> ");
      append_inline (ctx, g_ptr_array_index (blocks, i));
    }
}

static void
markdown_image (TextContext *ctx,
                BylinePhoto *photo)
{
  g_autofree char *path = byline_photo_dup_bundle_path (photo);
  const char *alt = byline_photo_get_alt_text (photo);

  g_string_append (ctx->out, "![");
  if (alt != NULL)
    markdown_escape (ctx->out, alt, strlen (alt), FALSE);
  g_string_append (ctx->out, "](");
  markdown_append_destination (ctx->out, path);
  g_string_append_c (ctx->out, ')');
}

static void
render_photo (TextContext *ctx,
              BylinePhoto *photo)
{
  g_autofree char *caption = byline_render_caption (photo, ctx->options);

  if (ctx->markdown)
    {
      markdown_image (ctx, photo);
      if (caption != NULL)
        g_string_append (ctx->out, "\n");
    }

  if (caption != NULL)
    {
      if (ctx->markdown)
        g_string_append_c (ctx->out, '*');
      append_escaped (ctx, caption);
      if (ctx->markdown)
        g_string_append_c (ctx->out, '*');
    }
}

static void
render_group (TextContext *ctx,
              GPtrArray   *blocks,
              guint        start,
              guint        end)
{
  const BylineBlock *block = g_ptr_array_index (blocks, start);

  switch (byline_block_get_kind (block))
    {
    case BYLINE_BLOCK_PARAGRAPH:
      append_inline (ctx, block);
      break;
    case BYLINE_BLOCK_HEADING:
      if (ctx->markdown)
        g_string_append (ctx->out, byline_block_get_level (block) == 2 ? "## " : "### ");
      append_inline (ctx, block);
      break;
    case BYLINE_BLOCK_LIST_ITEM:
      render_list (ctx, blocks, start, end);
      break;
    case BYLINE_BLOCK_QUOTE:
      render_quote (ctx, blocks, start, end);
      break;
    case BYLINE_BLOCK_PHOTO:
      render_photo (ctx, byline_render_find_block_photo (ctx->article, block));
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
group_is_empty (TextContext *ctx,
                GPtrArray   *blocks,
                guint        start)
{
  const BylineBlock *block = g_ptr_array_index (blocks, start);
  BylinePhoto *photo;

  if (byline_block_get_kind (block) != BYLINE_BLOCK_PHOTO)
    return FALSE;

  /* Plain text shows a photo by its caption alone. */
  photo = byline_render_find_block_photo (ctx->article, block);
  return photo == NULL ||
         (!ctx->markdown && byline_photo_get_caption (photo) == NULL &&
          byline_photo_get_creator (photo) == NULL);
}

static char *
render_text (BylineArticle             *article,
             const BylineRenderOptions *options,
             gboolean                   markdown)
{
  BylineRenderOptions defaults;
  GPtrArray *blocks = byline_article_get_blocks (article);
  g_autofree char *credit = NULL;
  TextContext ctx = {
    g_string_new (NULL),
    article,
    byline_render_options_or_default (options, &defaults),
    markdown,
  };

  append_paragraph (&ctx, "# ", byline_article_get_title (article), "");
  append_paragraph (&ctx, "*", byline_article_get_lead (article), "*");

  for (guint i = 0, end; i < blocks->len; i = end)
    {
      end = byline_render_group_end (blocks, i);
      if (group_is_empty (&ctx, blocks, i))
        continue;
      if (ctx.out->len > 0)
        g_string_append (ctx.out, "\n\n");
      render_group (&ctx, blocks, i, end);
    }

  if (ctx.options->with_credit_line)
    credit = byline_render_credit_line (article, ctx.options);
  append_paragraph (&ctx, "", credit, "");

  if (ctx.out->len > 0)
    g_string_append_c (ctx.out, '\n');
  return g_string_free (ctx.out, FALSE);
}

/**
 * byline_render_text:
 * @options: (nullable): the options, %NULL for the defaults
 *
 * Returns: (transfer full): title, lead, body and credit line as plain
 *   text, paragraphs separated by blank lines
 */
char *
byline_render_text (BylineArticle             *article,
                    const BylineRenderOptions *options)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  return render_text (article, options, FALSE);
}

/**
 * byline_render_markdown:
 * @options: (nullable): the options, %NULL for the defaults
 *
 * Returns: (transfer full): the article as CommonMark; photos refer to
 *   their files in the bundle
 */
char *
byline_render_markdown (BylineArticle             *article,
                        const BylineRenderOptions *options)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  return render_text (article, options, TRUE);
}
