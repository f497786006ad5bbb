/* byline-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The HTML renderers. WordPress validates a block by re-running its save()
 * on the parsed attributes and comparing the markup, so the WordPress
 * output must match what the block editor itself writes, byte for byte
 * (checked against WordPress 6.1's block-library). Every user string is
 * escaped here and nowhere else.
 */

#include "config.h"

#include <string.h>

#include "byline-model-private.h"
#include "byline-render-private.h"

#define DEFAULT_CREDIT_TEMPLATE "BT: {writers} – Hình: {photographers}"
#define DEFAULT_CAPTION_TEMPLATE "Ảnh: {creator}"

void
byline_render_options_init (BylineRenderOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->with_credit_line = TRUE;
}

const BylineRenderOptions *
byline_render_options_or_default (const BylineRenderOptions *options,
                                  BylineRenderOptions       *storage)
{
  if (options != NULL)
    return options;

  byline_render_options_init (storage);
  return storage;
}

/* g_markup_escape_text() also escapes ' and ", so one function serves
 * text and attribute values. */
void
byline_render_escape_html (GString    *out,
                           const char *text,
                           gsize       length,
                           gboolean    at_start)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);

  for (const char *p = escaped; *p != '\0'; p++)
    {
      /* A line break typed inside a paragraph (Shift+Enter). */
      if (*p == '\n')
        g_string_append (out, "<br>");
      else
        g_string_append_c (out, *p);
    }
}

/* Only links a reader can follow safely: no javascript:, data: or
 * relative URLs that would resolve against the site. */
gboolean
byline_render_href_is_allowed (const char *href)
{
  const char *scheme = href != NULL ? g_uri_peek_scheme (href) : NULL;

  return g_strcmp0 (scheme, "http") == 0 ||
         g_strcmp0 (scheme, "https") == 0 ||
         g_strcmp0 (scheme, "mailto") == 0;
}

char *
byline_render_dup_photo_src (BylinePhoto *photo)
{
  const char *url = byline_photo_get_media_url (photo);

  if (byline_photo_get_media_id (photo) > 0 && url != NULL)
    return g_strdup (url);

  return byline_photo_dup_bundle_path (photo);
}

BylinePhoto *
byline_render_find_block_photo (BylineArticle     *article,
                                const BylineBlock *block)
{
  return byline_article_find_photo (article, byline_block_get_photo_id (block));
}

/* A photo block whose photo is gone renders as nothing, separator
 * included. */
gboolean
byline_render_block_is_void (BylineArticle     *article,
                             const BylineBlock *block)
{
  return byline_block_get_kind (block) == BYLINE_BLOCK_PHOTO &&
         byline_render_find_block_photo (article, block) == NULL;
}

guint
byline_render_group_end (GPtrArray *blocks,
                         guint      start)
{
  const BylineBlock *first = g_ptr_array_index (blocks, start);
  BylineBlockKind kind = byline_block_get_kind (first);
  guint end = start + 1;

  if (kind != BYLINE_BLOCK_LIST_ITEM && kind != BYLINE_BLOCK_QUOTE)
    return end;

  while (end < blocks->len)
    {
      const BylineBlock *next = g_ptr_array_index (blocks, end);

      if (byline_block_get_kind (next) != kind ||
          byline_block_get_ordered (next) != byline_block_get_ordered (first))
        break;
      end++;
    }

  return end;
}

/* Outer marks first: those that started earlier, then the longer. */
static int
compare_nesting (gconstpointer a,
                 gconstpointer b)
{
  const BylineMark *ma = *(const BylineMark * const *) a;
  const BylineMark *mb = *(const BylineMark * const *) b;

  if (ma->start != mb->start)
    return ma->start < mb->start ? -1 : 1;
  if (ma->end != mb->end)
    return ma->end > mb->end ? -1 : 1;
  return (int) ma->kind - (int) mb->kind;
}

/* The marks that apply to [start, end): links must not nest, so only the
 * first allowed link counts. */
static GPtrArray *
marks_covering (const BylineBlock *block,
                guint              start,
                guint              end)
{
  GPtrArray *active = g_ptr_array_new ();
  gboolean have_link = FALSE;

  for (guint i = 0; i < byline_block_get_n_marks (block); i++)
    {
      const BylineMark *mark = byline_block_get_mark (block, i);

      if (mark->start > start || mark->end < end)
        continue;
      if (mark->kind == BYLINE_MARK_LINK &&
          (have_link || !byline_render_href_is_allowed (mark->href)))
        continue;
      have_link |= mark->kind == BYLINE_MARK_LINK;
      g_ptr_array_add (active, (gpointer) mark);
    }

  g_ptr_array_sort (active, compare_nesting);
  return active;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *) a;
  guint ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

/* Every offset where a mark starts or ends, sorted. */
static GArray *
mark_boundaries (const BylineBlock *block)
{
  GArray *bounds = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_chars = byline_block_get_n_chars (block);
  guint zero = 0;

  g_array_append_val (bounds, zero);
  g_array_append_val (bounds, n_chars);
  for (guint i = 0; i < byline_block_get_n_marks (block); i++)
    {
      const BylineMark *mark = byline_block_get_mark (block, i);

      g_array_append_val (bounds, mark->start);
      g_array_append_val (bounds, mark->end);
    }

  g_array_sort (bounds, compare_uint);
  return bounds;
}

/* Closes the open marks above the first @keep, opens the missing ones. */
static void
transition (GString                  *out,
            GPtrArray                *open,
            GPtrArray                *wanted,
            const BylineInlineSyntax *syntax)
{
  guint keep = 0;

  while (keep < open->len && keep < wanted->len &&
         g_ptr_array_index (open, keep) == g_ptr_array_index (wanted, keep))
    keep++;

  while (open->len > keep)
    {
      syntax->close (out, g_ptr_array_index (open, open->len - 1));
      g_ptr_array_set_size (open, open->len - 1);
    }

  for (guint i = keep; i < wanted->len; i++)
    {
      syntax->open (out, g_ptr_array_index (wanted, i));
      g_ptr_array_add (open, g_ptr_array_index (wanted, i));
    }
}

/**
 * byline_render_inline:
 *
 * Writes the text of @block with its marks as properly nested spans:
 * overlapping ranges are split, never crossed.
 */
void
byline_render_inline (GString                  *out,
                      const BylineBlock        *block,
                      const BylineInlineSyntax *syntax)
{
  g_autoptr(GArray) bounds = mark_boundaries (block);
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  const char *text = byline_block_get_text (block);

  for (guint i = 0; i + 1 < bounds->len; i++)
    {
      guint start = g_array_index (bounds, guint, i);
      guint end = g_array_index (bounds, guint, i + 1);
      g_autoptr(GPtrArray) wanted = NULL;
      const char *from;
      const char *to;

      if (start == end)
        continue;

      wanted = marks_covering (block, start, end);
      transition (out, open, wanted, syntax);
      from = g_utf8_offset_to_pointer (text, start);
      to = g_utf8_offset_to_pointer (from, end - start);
      syntax->escape (out, from, to - from, start == 0);
    }

  transition (out, open, none, syntax);
}

/* Credit line */

/* The creators of the photos, in order, each once. */
static char **
dup_photo_creators (BylineArticle *article)
{
  GListModel *photos = byline_article_get_photos (article);
  g_autoptr(GPtrArray) creators = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr(BylinePhoto) photo = g_list_model_get_item (photos, i);

      if (byline_photo_get_creator (photo) != NULL)
        g_ptr_array_add (creators, (gpointer) byline_photo_get_creator (photo));
    }
  g_ptr_array_add (creators, NULL);

  /* dup_strv drops the duplicates. */
  return byline_model_dup_strv ((const char * const *) creators->pdata);
}

typedef struct
{
  const char *name;
  char       *value;    /* NULL when the list is empty */
} Placeholder;

/* Splits the literal between two placeholders into the separator (its
 * leading run of spaces and punctuation, " – ") and the label of the next
 * part ("Hình: "), so that a part can be dropped with its separator. */
static const char *
separator_end (const char *literal,
               const char *literal_end)
{
  const char *p = literal;

  while (p < literal_end && !g_unichar_isalnum (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return p;
}

static const char *
find_placeholder (const char   *from,
                  Placeholder  *placeholders,
                  guint         n_placeholders,
                  Placeholder **found)
{
  const char *best = NULL;

  for (guint i = 0; i < n_placeholders; i++)
    {
      const char *at = strstr (from, placeholders[i].name);

      if (at != NULL && (best == NULL || at < best))
        {
          best = at;
          *found = &placeholders[i];
        }
    }

  return best;
}

/* Template expansion where a placeholder with no value takes its label and
 * the separator before it (or after it, for the first part) with it. */
static char *
expand_template (const char  *template,
                 Placeholder *placeholders,
                 guint        n_placeholders)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *label = template;
  const char *pending_separator = NULL;
  gsize pending_separator_len = 0;
  gboolean any = FALSE;
  Placeholder *found = NULL;
  const char *at;

  while ((at = find_placeholder (label, placeholders, n_placeholders, &found)) != NULL)
    {
      const char *next = at + strlen (found->name);
      const char *next_label;

      if (found->value != NULL)
        {
          if (any)
            g_string_append_len (out, pending_separator, pending_separator_len);
          g_string_append_len (out, label, at - label);
          g_string_append (out, found->value);
          any = TRUE;
        }

      /* What follows up to the next placeholder: separator, then label. */
      next_label = separator_end (next, next + strlen (next));
      if (find_placeholder (next, placeholders, n_placeholders, &found) == NULL)
        next_label = next;
      pending_separator = next;
      pending_separator_len = next_label - next;
      label = next_label;
    }

  if (!any)
    return NULL;

  g_string_append (out, label);
  return byline_model_dup_text (out->str);
}

/**
 * byline_render_credit_line:
 *
 * Returns: (transfer full) (nullable): the closing line, or %NULL when the
 *   article has neither writers nor photographers
 */
char *
byline_render_credit_line (BylineArticle             *article,
                           const BylineRenderOptions *options)
{
  BylineRenderOptions defaults;
  g_auto(GStrv) creators = NULL;
  const char * const *photographers;
  const char * const *writers;
  Placeholder placeholders[2];
  char *line;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  options = byline_render_options_or_default (options, &defaults);
  writers = byline_article_get_writers (article);
  photographers = byline_article_get_photographers (article);
  if (photographers[0] == NULL)
    photographers = (const char * const *) (creators = dup_photo_creators (article));

  placeholders[0].name = "{writers}";
  placeholders[0].value = writers[0] != NULL ? g_strjoinv (", ", (char **) writers) : NULL;
  placeholders[1].name = "{photographers}";
  placeholders[1].value = photographers[0] != NULL ? g_strjoinv (", ", (char **) photographers) : NULL;

  line = expand_template (options->credit_template != NULL ? options->credit_template
                                                           : DEFAULT_CREDIT_TEMPLATE,
                          placeholders, G_N_ELEMENTS (placeholders));

  g_free (placeholders[0].value);
  g_free (placeholders[1].value);
  return line;
}

/* Sentence-ending punctuation after which the suffix needs no ". ". */
static gboolean
ends_sentence (const char *text)
{
  const char *last = g_utf8_find_prev_char (text, text + strlen (text));
  gunichar c = last != NULL ? g_utf8_get_char (last) : 0;

  if (c == 0x2026) /* … */
    return TRUE;

  return c != 0 && c < 0x80 && strchr (".!?:;", (int) c) != NULL;
}

/**
 * byline_render_caption:
 *
 * Returns: (transfer full) (nullable): "Caption. Ảnh: Creator", or %NULL
 *   when the photo has neither caption nor creator
 */
char *
byline_render_caption (BylinePhoto               *photo,
                       const BylineRenderOptions *options)
{
  BylineRenderOptions defaults;
  g_autofree char *suffix = NULL;
  const char *caption;
  const char *creator;
  Placeholder placeholder;

  g_return_val_if_fail (BYLINE_IS_PHOTO (photo), NULL);

  options = byline_render_options_or_default (options, &defaults);
  caption = byline_photo_get_caption (photo);
  creator = byline_photo_get_creator (photo);

  placeholder.name = "{creator}";
  placeholder.value = (char *) creator;
  if (creator != NULL)
    suffix = expand_template (options->caption_template != NULL ? options->caption_template
                                                                : DEFAULT_CAPTION_TEMPLATE,
                              &placeholder, 1);

  if (caption == NULL || suffix == NULL)
    return g_strdup (caption != NULL ? caption : suffix);

  return g_strconcat (caption, ends_sentence (caption) ? " " : ". ", suffix, NULL);
}

/* HTML */

static void append_escaped_attribute (GString    *out,
                                      const char *value);

static void
html_open (GString          *out,
           const BylineMark *mark)
{
  switch (mark->kind)
    {
    case BYLINE_MARK_BOLD:
      g_string_append (out, "<strong>");
      break;
    case BYLINE_MARK_ITALIC:
      g_string_append (out, "<em>");
      break;
    case BYLINE_MARK_LINK:
      g_string_append (out, "<a href=\"");
      append_escaped_attribute (out, mark->href);
      g_string_append (out, "\">");
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
html_close (GString          *out,
            const BylineMark *mark)
{
  static const char * const closers[] = {
    [BYLINE_MARK_BOLD] = "</strong>",
    [BYLINE_MARK_ITALIC] = "</em>",
    [BYLINE_MARK_LINK] = "</a>",
  };

  g_string_append (out, closers[mark->kind]);
}

static const BylineInlineSyntax html_syntax = {
  html_open,
  html_close,
  byline_render_escape_html,
};

typedef struct
{
  GString                   *out;
  BylineArticle             *article;
  const BylineRenderOptions *options;
  /* WordPress block markup, or plain HTML */
  gboolean                   wordpress;
} HtmlContext;

static void
begin_block (HtmlContext *ctx,
             const char  *name,
             const char  *attributes)
{
  if (!ctx->wordpress)
    return;

  g_string_append_printf (ctx->out, "<!-- wp:%s%s%s -->\n",
                          name, attributes != NULL ? " " : "",
                          attributes != NULL ? attributes : "");
}

static void
end_block (HtmlContext *ctx,
           const char  *name)
{
  if (ctx->wordpress)
    g_string_append_printf (ctx->out, "\n<!-- /wp:%s -->", name);
}

/* Blocks at the same level are separated by a blank line, as WordPress's
 * serializer joins them; plain HTML gets one line per element. */
static void
separate (HtmlContext *ctx,
          gsize        level_start)
{
  if (ctx->out->len > level_start)
    g_string_append (ctx->out, ctx->wordpress ? "\n\n" : "\n");
}

static void
render_text_element (HtmlContext       *ctx,
                     const char        *block_name,
                     const char        *tag,
                     const char        *wp_class,
                     const BylineBlock *block)
{
  begin_block (ctx, block_name, NULL);
  g_string_append_printf (ctx->out, "<%s", tag);
  if (ctx->wordpress && wp_class != NULL)
    g_string_append_printf (ctx->out, " class=\"%s\"", wp_class);
  g_string_append_c (ctx->out, '>');
  byline_render_inline (ctx->out, block, &html_syntax);
  g_string_append_printf (ctx->out, "</%s>", tag);
  end_block (ctx, block_name);
}

/* WordPress 6.1 writes headings without a class ("className": false in
 * its block.json); 6.2 added "wp-block-heading" and still accepts the
 * class-less form through a deprecation, so this form is valid on both. */
static void
render_heading (HtmlContext       *ctx,
                const BylineBlock *block)
{
  guint level = byline_block_get_level (block);
  char tag[3] = { 'h', (char) ('0' + level), '\0' };

  if (ctx->wordpress && level != 2)
    g_string_append_printf (ctx->out, "<!-- wp:heading {\"level\":%u} -->\n", level);
  else
    begin_block (ctx, "heading", NULL);
  g_string_append_printf (ctx->out, "<%s>", tag);
  byline_render_inline (ctx->out, block, &html_syntax);
  g_string_append_printf (ctx->out, "</%s>", tag);
  end_block (ctx, "heading");
}

static void
render_list (HtmlContext *ctx,
             GPtrArray   *blocks,
             guint        start,
             guint        end)
{
  gboolean ordered = byline_block_get_ordered (g_ptr_array_index (blocks, start));
  const char *tag = ordered ? "ol" : "ul";
  gsize level_start;

  begin_block (ctx, "list", ordered ? "{\"ordered\":true}" : NULL);
  g_string_append_printf (ctx->out, "<%s>", tag);
  level_start = ctx->out->len;
  for (guint i = start; i < end; i++)
    {
      if (!ctx->wordpress || i > start)
        separate (ctx, ctx->wordpress ? level_start : 0);
      render_text_element (ctx, "list-item", "li", NULL, g_ptr_array_index (blocks, i));
    }
  g_string_append_printf (ctx->out, "%s</%s>", ctx->wordpress ? "" : "\n", tag);
  end_block (ctx, "list");
}

static void
render_quote (HtmlContext *ctx,
              GPtrArray   *blocks,
              guint        start,
              guint        end)
{
  gsize level_start;

  begin_block (ctx, "quote", NULL);
  g_string_append (ctx->out, ctx->wordpress ? "<blockquote class=\"wp-block-quote\">" : "<blockquote>");
  level_start = ctx->out->len;
  for (guint i = start; i < end; i++)
    {
      if (!ctx->wordpress || i > start)
        separate (ctx, ctx->wordpress ? level_start : 0);
      render_text_element (ctx, "paragraph", "p", NULL, g_ptr_array_index (blocks, i));
    }
  g_string_append_printf (ctx->out, "%s</blockquote>", ctx->wordpress ? "" : "\n");
  end_block (ctx, "quote");
}

/* An attribute value: escaped, and on one line (a pasted alt text may
 * hold line breaks). */
static void
append_escaped_attribute (GString    *out,
                          const char *value)
{
  g_autofree char *escaped = g_markup_escape_text (value, -1);

  g_string_append (out, g_strdelimit (escaped, "\r\n\t", ' '));
}

static void
append_attribute (GString    *out,
                  const char *name,
                  const char *value)
{
  g_string_append_printf (out, " %s=\"", name);
  if (value != NULL)
    append_escaped_attribute (out, value);
  g_string_append_c (out, '"');
}

static void
render_photo (HtmlContext *ctx,
              BylinePhoto *photo)
{
  g_autofree char *caption = byline_render_caption (photo, ctx->options);
  g_autofree char *src = byline_render_dup_photo_src (photo);
  gint64 media_id = byline_photo_get_media_id (photo);

  if (ctx->wordpress && media_id > 0)
    g_string_append_printf (ctx->out,
                            "<!-- wp:image {\"id\":%" G_GINT64_FORMAT ",\"sizeSlug\":\"large\"} -->\n",
                            media_id);
  else
    begin_block (ctx, "image", "{\"sizeSlug\":\"large\"}");

  g_string_append (ctx->out, ctx->wordpress ? "<figure class=\"wp-block-image size-large\"><img"
                                            : "<figure><img");
  append_attribute (ctx->out, "src", src);
  append_attribute (ctx->out, "alt", byline_photo_get_alt_text (photo));
  if (ctx->wordpress && media_id > 0)
    g_string_append_printf (ctx->out, " class=\"wp-image-%" G_GINT64_FORMAT "\"", media_id);
  g_string_append (ctx->out, "/>");

  if (caption != NULL)
    {
      g_string_append (ctx->out, ctx->wordpress ? "<figcaption class=\"wp-element-caption\">"
                                                : "<figcaption>");
      byline_render_escape_html (ctx->out, caption, strlen (caption), FALSE);
      g_string_append (ctx->out, "</figcaption>");
    }
  g_string_append (ctx->out, "</figure>");
  end_block (ctx, "image");
}

static void
render_group (HtmlContext *ctx,
              GPtrArray   *blocks,
              guint        start,
              guint        end)
{
  const BylineBlock *block = g_ptr_array_index (blocks, start);

  switch (byline_block_get_kind (block))
    {
    case BYLINE_BLOCK_PARAGRAPH:
      render_text_element (ctx, "paragraph", "p", NULL, block);
      break;
    case BYLINE_BLOCK_HEADING:
      render_heading (ctx, block);
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

static void
render_credit_paragraph (HtmlContext *ctx)
{
  g_autofree char *line = NULL;
  g_autoptr(BylineBlock) block = NULL;

  if (!ctx->options->with_credit_line)
    return;

  line = byline_render_credit_line (ctx->article, ctx->options);
  if (line == NULL)
    return;

  block = byline_block_new (BYLINE_BLOCK_PARAGRAPH, line);
  separate (ctx, 0);
  render_text_element (ctx, "paragraph", "p", NULL, block);
}

static char *
render_html (BylineArticle             *article,
             const BylineRenderOptions *options,
             gboolean                   wordpress)
{
  BylineRenderOptions defaults;
  GPtrArray *blocks = byline_article_get_blocks (article);
  HtmlContext ctx = {
    g_string_new (NULL),
    article,
    byline_render_options_or_default (options, &defaults),
    wordpress,
  };

  for (guint i = 0, end; i < blocks->len; i = end)
    {
      end = byline_render_group_end (blocks, i);
      if (byline_render_block_is_void (article, g_ptr_array_index (blocks, i)))
        continue;
      separate (&ctx, 0);
      render_group (&ctx, blocks, i, end);
    }
  render_credit_paragraph (&ctx);

  return g_string_free (ctx.out, FALSE);
}

/**
 * byline_render_wordpress:
 * @options: (nullable): the options, %NULL for the defaults
 *
 * The post content only: the title and the lead (the excerpt) are
 * separate fields of a WordPress post.
 *
 * Returns: (transfer full): the block markup
 */
char *
byline_render_wordpress (BylineArticle             *article,
                         const BylineRenderOptions *options)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  return render_html (article, options, TRUE);
}

/**
 * byline_render_html_fragment:
 *
 * Returns: (transfer full): the body as plain HTML, one element a line
 */
char *
byline_render_html_fragment (BylineArticle             *article,
                             const BylineRenderOptions *options)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  return render_html (article, options, FALSE);
}

static void
append_element (GString    *out,
                const char *open,
                const char *text,
                const char *close)
{
  if (text == NULL)
    return;

  g_string_append (out, open);
  byline_render_escape_html (out, text, strlen (text), FALSE);
  g_string_append (out, close);
}

char *
byline_render_html_document (BylineArticle             *article,
                             const BylineRenderOptions *options)
{
  g_autofree char *body = NULL;
  const char *language;
  GString *out;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  body = byline_render_html_fragment (article, options);
  language = byline_article_get_language (article);
  out = g_string_new ("<!DOCTYPE html>\n<html");
  if (language != NULL)
    append_attribute (out, "lang", language);
  g_string_append (out, ">\n<head>\n<meta charset=\"utf-8\">\n");
  append_element (out, "<title>", byline_article_get_title (article), "</title>\n");
  g_string_append (out, "</head>\n<body>\n<article>\n");
  append_element (out, "<h1>", byline_article_get_title (article), "</h1>\n");
  append_element (out, "<p class=\"lead\"><strong>", byline_article_get_lead (article),
                  "</strong></p>\n");
  g_string_append (out, body);
  if (body[0] != '\0')
    g_string_append_c (out, '\n');
  g_string_append (out, "</article>\n</body>\n</html>\n");

  return g_string_free (out, FALSE);
}
