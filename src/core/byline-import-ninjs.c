/* byline-import-ninjs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IPTC ninjs 2.x (https://www.iptc.org/std/ninjs/ninjs-schema_2.0.json):
 * headlines[] (role "main", else the first) is the title, descriptions[]
 * with role "summary" (or a lone one without a role) the lead, bodies[]
 * the body (text/html through the paste cleaner, text/plain split into
 * paragraphs), subjects[] the category (rel "category") and the tags,
 * "by" the writers (a credit line, or a list of names), plus language,
 * located, slugline, urgency, embargoed and ednote. The flat ninjs 1.x
 * names (headline, body_html, body_text, description_text, byline) are
 * read too, as wires still send them.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "byline-import-private.h"
#include "byline-json-util.h"

/* JsonParser recurses once per nesting level; a file of a million "["
 * would overflow a worker thread's stack. No news item nests this deep. */
#define MAX_JSON_DEPTH 128

static gboolean
json_too_deep (const char *text,
               gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if ((c == '[' || c == '{') && ++depth > MAX_JSON_DEPTH)
        return TRUE;
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return FALSE;
}

static JsonObject *
get_item (JsonArray *array,
          guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
is_ninjs (JsonObject *root)
{
  static const char * const flat[] = { "uri", "headline", "body_html", "body_text" };
  JsonNode *standard = json_object_get_member (root, "standard");

  if (byline_json_peek_array (root, "headlines") != NULL ||
      byline_json_peek_array (root, "bodies") != NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (flat); i++)
    if (byline_json_peek_string (root, flat[i]) != NULL)
      return TRUE;

  return standard != NULL && JSON_NODE_HOLDS_OBJECT (standard) &&
         g_strcmp0 (byline_json_peek_string (json_node_get_object (standard), "name"), "ninjs") == 0;
}

/* The item with @role, else the first without a role, else (when
 * @any_role) the first. */
static JsonObject *
find_by_role (JsonArray  *array,
              const char *role,
              gboolean    any_role)
{
  JsonObject *unnamed = NULL;
  JsonObject *first = NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *item = get_item (array, i);
      const char *item_role;

      if (item == NULL || byline_json_peek_string (item, "value") == NULL)
        continue;

      item_role = byline_json_peek_string (item, "role");
      if (g_strcmp0 (item_role, role) == 0)
        return item;
      if (item_role == NULL && unnamed == NULL)
        unnamed = item;
      if (first == NULL)
        first = item;
    }

  return unnamed != NULL ? unnamed : any_role ? first : NULL;
}

static gboolean
is_html (JsonObject *item)
{
  const char *type = byline_json_peek_string (item, "contenttype");

  return type != NULL && g_ascii_strncasecmp (type, "text/html", 9) == 0;
}

static GPtrArray *
blocks_from (const char *value,
             gboolean    html)
{
  return html ? byline_import_html_fragment (value, -1) : byline_import_plain_paragraphs (value);
}

static char *
text_from (const char *value,
           gboolean    html)
{
  g_autoptr(GPtrArray) blocks = blocks_from (value, html);
  g_autofree char *text = byline_import_blocks_text (blocks);

  g_strdelimit (text, "\n", ' ');
  return g_strstrip (g_steal_pointer (&text));
}

static void
read_headline (BylineArticle *article,
               JsonObject    *root)
{
  JsonObject *headline = find_by_role (byline_json_peek_array (root, "headlines"), "main", TRUE);
  const char *value = headline != NULL ? byline_json_peek_string (headline, "value")
                                        : byline_json_peek_string (root, "headline");

  if (value != NULL)
    {
      g_autofree char *text = text_from (value, headline != NULL && is_html (headline));

      byline_article_set_title (article, text);
    }
}

static void
read_lead (BylineArticle *article,
           JsonObject    *root)
{
  JsonObject *summary = find_by_role (byline_json_peek_array (root, "descriptions"), "summary", FALSE);
  g_autofree char *text = NULL;

  if (summary != NULL)
    text = text_from (byline_json_peek_string (summary, "value"), is_html (summary));
  else if (byline_json_peek_string (root, "description_html") != NULL)
    text = text_from (byline_json_peek_string (root, "description_html"), TRUE);
  else if (byline_json_peek_string (root, "description_text") != NULL)
    text = text_from (byline_json_peek_string (root, "description_text"), FALSE);

  if (text != NULL)
    byline_article_set_lead (article, text);
}

/* HTML first, as it keeps headings, lists and marks. */
static GPtrArray *
read_body (JsonObject *root)
{
  JsonArray *bodies = byline_json_peek_array (root, "bodies");
  JsonObject *plain = NULL;

  for (guint i = 0; bodies != NULL && i < json_array_get_length (bodies); i++)
    {
      JsonObject *body = get_item (bodies, i);
      const char *type;

      if (body == NULL || byline_json_peek_string (body, "value") == NULL)
        continue;
      if (is_html (body))
        return blocks_from (byline_json_peek_string (body, "value"), TRUE);

      type = byline_json_peek_string (body, "contenttype");
      if (plain == NULL && (type == NULL || g_ascii_strncasecmp (type, "text/plain", 10) == 0))
        plain = body;
    }

  if (plain != NULL)
    return blocks_from (byline_json_peek_string (plain, "value"), FALSE);
  if (byline_json_peek_string (root, "body_html") != NULL)
    return blocks_from (byline_json_peek_string (root, "body_html"), TRUE);
  if (byline_json_peek_string (root, "body_text") != NULL)
    return blocks_from (byline_json_peek_string (root, "body_text"), FALSE);

  return g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
}

static void
add_unique (GPtrArray  *names,
            const char *name)
{
  if (name != NULL && *name != '\0' &&
      !g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
    g_ptr_array_add (names, (gpointer) name);
}

static void
read_subjects (BylineArticle *article,
               JsonObject    *root)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  JsonArray *subjects = byline_json_peek_array (root, "subjects");
  JsonArray *keywords = byline_json_peek_array (root, "keywords");
  const char *category = NULL;

  if (subjects == NULL)
    subjects = byline_json_peek_array (root, "subject");

  for (guint i = 0; subjects != NULL && i < json_array_get_length (subjects); i++)
    {
      JsonObject *subject = get_item (subjects, i);
      const char *name = subject != NULL ? byline_json_peek_string (subject, "name") : NULL;

      if (name == NULL)
        continue;
      if (category == NULL && g_strcmp0 (byline_json_peek_string (subject, "rel"), "category") == 0)
        category = name;
      else
        add_unique (tags, name);
    }

  for (guint i = 0; keywords != NULL && i < json_array_get_length (keywords); i++)
    {
      JsonNode *node = json_array_get_element (keywords, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        add_unique (tags, json_node_get_string (node));
    }

  if (category != NULL)
    byline_article_set_category (article, category);
  if (tags->len > 0)
    {
      g_ptr_array_add (tags, NULL);
      byline_article_set_tags (article, (const char * const *) tags->pdata);
    }
}

/* "by" is free text: a credit line ("BT: A – Hình: B"), or names
 * ("A, B và C"), maybe after "By". */
static void
read_by (BylineArticle *article,
         JsonObject    *root)
{
  const char *by = byline_json_peek_string (root, "by");
  g_auto(GStrv) writers = NULL;
  g_auto(GStrv) photographers = NULL;
  g_autofree char *as_credit = NULL;

  if (by == NULL)
    by = byline_json_peek_string (root, "byline");
  if (by == NULL)
    return;

  while (g_ascii_isspace (*by))
    by++;
  if (g_ascii_strncasecmp (by, "by ", 3) == 0)
    by += 3;

  as_credit = g_strconcat ("BT: ", by, NULL);
  if (byline_import_parse_credit_line (by, &writers, &photographers) ||
      byline_import_parse_credit_line (as_credit, &writers, &photographers))
    {
      byline_article_set_writers (article, (const char * const *) writers);
      byline_article_set_photographers (article, (const char * const *) photographers);
    }
  else if (*by != '\0')
    {
      const char *single[] = { by, NULL };

      byline_article_set_writers (article, single);
    }
}

static void
read_newsroom_fields (BylineArticle *article,
                      JsonObject    *root)
{
  JsonNode *urgency = json_object_get_member (root, "urgency");
  const char *embargoed = byline_json_peek_string (root, "embargoed");

  if (byline_json_peek_string (root, "language") != NULL)
    byline_article_set_language (article, byline_json_peek_string (root, "language"));
  if (byline_json_peek_string (root, "located") != NULL)
    byline_article_set_dateline (article, byline_json_peek_string (root, "located"));
  if (byline_json_peek_string (root, "slugline") != NULL)
    byline_article_set_slugline (article, byline_json_peek_string (root, "slugline"));
  if (byline_json_peek_string (root, "ednote") != NULL)
    byline_article_set_desk_note (article, byline_json_peek_string (root, "ednote"));

  if (urgency != NULL && JSON_NODE_HOLDS_VALUE (urgency) &&
      json_node_get_value_type (urgency) != G_TYPE_STRING)
    {
      gint64 value = json_node_get_int (urgency);

      if (value >= 1 && value <= 9)
        byline_article_set_priority (article, value);
    }

  if (embargoed != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (embargoed, utc);

      if (when != NULL)
        byline_article_set_embargo (article, when);
    }
}

static gboolean
is_empty_strv (const char * const *strv)
{
  return strv == NULL || strv[0] == NULL;
}

/* A body that ends with the credit line (our own renderer can write one)
 * must not keep it as text; what "by" said wins. */
static void
take_body_credit (BylineArticle *article,
                  GPtrArray     *blocks)
{
  g_autoptr(BylineArticle) scratch = byline_article_new ();

  if (!byline_import_take_credit_block (scratch, blocks))
    return;

  if (is_empty_strv (byline_article_get_writers (article)))
    byline_article_set_writers (article, byline_article_get_writers (scratch));
  if (is_empty_strv (byline_article_get_photographers (article)))
    byline_article_set_photographers (article, byline_article_get_photographers (scratch));
}

static JsonObject *
parse_root (JsonParser  *parser,
            const char  *text,
            gsize        length,
            GError     **error)
{
  g_autoptr(GError) json_error = NULL;
  JsonNode *root;

  if (json_too_deep (text, length))
    {
      g_set_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_INVALID_JSON,
                   _("The file is not valid JSON: it nests deeper than %u levels."),
                   MAX_JSON_DEPTH);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, text, length, &json_error))
    {
      /* json-glib may quote a token cut in the middle of a character
       * (found by tests/fuzz/fuzz-import-ninjs). */
      g_autofree char *reason = g_utf8_make_valid (json_error->message, -1);

      g_set_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_INVALID_JSON,
                   _("The file is not valid JSON: %s"), reason);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) || !is_ninjs (json_node_get_object (root)))
    {
      g_set_error_literal (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_NOT_NINJS,
                           _("The file is JSON but not a ninjs news item: it has no headlines and no bodies."));
      return NULL;
    }

  return json_node_get_object (root);
}

BylineArticle *
byline_import_ninjs (const char  *text,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  JsonObject *root;

  root = parse_root (parser, text, length, error);
  if (root == NULL)
    return NULL;

  article = byline_article_new ();
  read_headline (article, root);
  read_lead (article, root);
  read_subjects (article, root);
  read_by (article, root);
  read_newsroom_fields (article, root);

  blocks = read_body (root);
  take_body_credit (article, blocks);

  if (!byline_import_finish_article (article, blocks, error))
    return NULL;

  return g_steal_pointer (&article);
}
