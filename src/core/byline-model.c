/* byline-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text that users type or import is normalised once, here, on its way into
 * the model; article.json is read with one set of strict getters so every
 * wrong type is reported the same way, naming the field.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-article.h"
#include "byline-model-private.h"
#include "byline-text.h"

/* NULL and "" both mean absent. Invalid UTF-8 (a Latin-1 IPTC field, a
 * broken paste) is user text all the same: repair it rather than drop it. */
char *
byline_model_dup_text (const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL || text[0] == '\0')
    return NULL;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  return byline_text_normalize (text, -1, NULL);
}

/* Returns TRUE when *field really changed. */
gboolean
byline_model_set_text (char       **field,
                       const char  *value)
{
  g_autofree char *text = byline_model_dup_text (value);

  g_assert (field != NULL);

  if (g_strcmp0 (*field, text) == 0)
    return FALSE;

  g_free (*field);
  *field = g_steal_pointer (&text);
  return TRUE;
}

/* Normalised, without empty entries and duplicates; never NULL. */
char **
byline_model_dup_strv (const char * const *strv)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      g_autofree char *text = byline_model_dup_text (strv[i]);
      g_autofree char *stripped = NULL;

      if (text == NULL)
        continue;
      stripped = g_strstrip (g_steal_pointer (&text));
      if (stripped[0] == '\0' ||
          g_ptr_array_find_with_equal_func (seen, stripped, g_str_equal, NULL))
        continue;
      g_strv_builder_add (builder, stripped);
      g_ptr_array_add (seen, g_steal_pointer (&stripped));
    }

  return g_strv_builder_end (builder);
}

/* The id is a file name in the bundle: exactly 64 lower-case hex digits,
 * so it can never hold "/" or "..". */
gboolean
byline_photo_id_is_valid (const char *id)
{
  if (id == NULL || strlen (id) != 64)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;

  return TRUE;
}

/* @problem is already translated. */
void
byline_json_set_invalid (GError     **error,
                         const char  *where,
                         const char  *member,
                         const char  *problem)
{
  g_autofree char *field = where != NULL ? g_strconcat (where, ".", member, NULL)
                                         : g_strdup (member);

  g_set_error (error, BYLINE_ARTICLE_ERROR, BYLINE_ARTICLE_ERROR_INVALID,
               /* Translators: the first %s is a field of article.json, e.g.
                * “body[2].marks[0].type”, the second what is wrong with it,
                * e.g. “must be a string”. */
               _("Invalid article: “%s” %s"), field, problem);
}

/* The member's node, or NULL when it is absent or null. */
static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

static gboolean
node_holds (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* Every getter checks a member the same way: an absent (or null) member is
 * no error, since optional fields are omitted, so it gives TRUE and a NULL
 * *out; a member of another kind is reported naming the field. Values are
 * told apart by @value_type, arrays and objects by @node_type alone.
 * @problem is marked with N_(): translated only when it is reported. */
static gboolean
get_checked_member (JsonObject    *object,
                    const char    *where,
                    const char    *member,
                    JsonNodeType   node_type,
                    GType          value_type,
                    const char    *problem,
                    JsonNode     **out,
                    GError       **error)
{
  JsonNode *node = get_member (object, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;

  if (JSON_NODE_TYPE (node) != node_type ||
      (node_type == JSON_NODE_VALUE && json_node_get_value_type (node) != value_type))
    {
      byline_json_set_invalid (error, where, member, _(problem));
      return FALSE;
    }

  *out = node;
  return TRUE;
}

gboolean
byline_json_get_string (JsonObject  *object,
                        const char  *where,
                        const char  *member,
                        char       **out,
                        GError     **error)
{
  JsonNode *node;

  g_assert (out != NULL && *out == NULL);

  if (!get_checked_member (object, where, member, JSON_NODE_VALUE, G_TYPE_STRING,
                           /* Translators: completes “Invalid article: “field” %s”. */
                           N_("must be a string"), &node, error))
    return FALSE;

  if (node != NULL)
    *out = byline_model_dup_text (json_node_get_string (node));
  return TRUE;
}

gboolean
byline_json_get_int (JsonObject  *object,
                     const char  *where,
                     const char  *member,
                     gint64       min,
                     gint64       max,
                     gint64      *out,
                     GError     **error)
{
  JsonNode *node;
  gint64 value;

  if (!get_checked_member (object, where, member, JSON_NODE_VALUE, G_TYPE_INT64,
                           /* Translators: completes “Invalid article: “field” %s”. */
                           N_("must be an integer"), &node, error))
    return FALSE;

  if (node == NULL)
    return TRUE;

  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);
      /* Translators: completes “Invalid article: “field” %s”; the %s are
       * two numbers. */
      g_autofree char *problem = g_strdup_printf (_("must be between %s and %s"), low, high);

      byline_json_set_invalid (error, where, member, problem);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

gboolean
byline_json_get_bool (JsonObject  *object,
                      const char  *where,
                      const char  *member,
                      gboolean    *out,
                      GError     **error)
{
  JsonNode *node;

  if (!get_checked_member (object, where, member, JSON_NODE_VALUE, G_TYPE_BOOLEAN,
                           /* Translators: completes “Invalid article: “field” %s”. */
                           N_("must be true or false"), &node, error))
    return FALSE;

  if (node != NULL)
    *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
byline_json_get_array (JsonObject  *object,
                       const char  *where,
                       const char  *member,
                       JsonArray  **out,
                       GError     **error)
{
  JsonNode *node;

  if (!get_checked_member (object, where, member, JSON_NODE_ARRAY, G_TYPE_INVALID,
                           /* Translators: completes “Invalid article: “field” %s”. */
                           N_("must be an array"), &node, error))
    return FALSE;

  if (node != NULL)
    *out = json_node_get_array (node);
  return TRUE;
}

gboolean
byline_json_get_object (JsonObject  *object,
                        const char  *where,
                        const char  *member,
                        JsonObject **out,
                        GError     **error)
{
  JsonNode *node;

  if (!get_checked_member (object, where, member, JSON_NODE_OBJECT, G_TYPE_INVALID,
                           /* Translators: completes “Invalid article: “field” %s”. */
                           N_("must be an object"), &node, error))
    return FALSE;

  if (node != NULL)
    *out = json_node_get_object (node);
  return TRUE;
}

gboolean
byline_json_get_strv (JsonObject   *object,
                      const char   *where,
                      const char   *member,
                      char       ***out,
                      GError      **error)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  JsonArray *array = NULL;

  g_assert (out != NULL && *out == NULL);

  if (!byline_json_get_array (object, where, member, &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!node_holds (node, G_TYPE_STRING))
        {
          byline_json_set_invalid (error, where, member,
                                   /* Translators: completes “Invalid article: “field” %s”. */
                                   _("must be an array of strings"));
          return FALSE;
        }
      g_ptr_array_add (strings, (gpointer) json_node_get_string (node));
    }
  g_ptr_array_add (strings, NULL);

  *out = byline_model_dup_strv ((const char * const *) strings->pdata);
  return TRUE;
}

gboolean
byline_json_get_date_time (JsonObject  *object,
                           const char  *where,
                           const char  *member,
                           GDateTime  **out,
                           GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) date_time = NULL;

  g_assert (out != NULL && *out == NULL);

  if (!byline_json_get_string (object, where, member, &text, error))
    return FALSE;

  if (text == NULL)
    return TRUE;

  /* Without a zone a date would silently take the machine's. */
  date_time = g_date_time_new_from_iso8601 (text, NULL);
  if (date_time == NULL)
    {
      byline_json_set_invalid (error, where, member,
                               /* Translators: completes “Invalid article: “field” %s”. */
                               _("must be an ISO 8601 date and time with a time zone"));
      return FALSE;
    }

  *out = g_date_time_to_utc (date_time);
  return TRUE;
}

/* The index-th element of array "member", which must be an object. */
JsonObject *
byline_json_element_object (JsonArray   *array,
                            guint        index,
                            const char  *where,
                            const char  *member,
                            GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);
  g_autofree char *name = NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);

  name = g_strdup_printf ("%s[%u]", member, index);
  byline_json_set_invalid (error, where, name, _("must be an object"));
  return NULL;
}

void
byline_json_add_string (JsonBuilder *builder,
                        const char  *member,
                        const char  *value)
{
  if (value == NULL || value[0] == '\0')
    return;

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

void
byline_json_add_strv (JsonBuilder        *builder,
                      const char         *member,
                      const char * const *strv)
{
  if (strv == NULL || strv[0] == NULL)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

void
byline_json_add_date_time (JsonBuilder *builder,
                           const char  *member,
                           GDateTime   *date_time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  if (date_time == NULL)
    return;

  utc = g_date_time_to_utc (date_time);
  text = g_date_time_format_iso8601 (utc);
  byline_json_add_string (builder, member, text);
}
