/* byline-json-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-json-util.h"

/* Returns: (transfer none) (nullable): the member's string, owned by @object */
const char *
byline_json_peek_string (JsonObject *object,
                         const char *member)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (member != NULL, NULL);

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* Returns: (transfer none) (nullable): the member's array, owned by @object */
JsonArray *
byline_json_peek_array (JsonObject *object,
                        const char *member)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (member != NULL, NULL);

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

/* Returns: the node's number as an integer, @fallback when it is absent,
 * null or not a number (json-glib's getters raise a critical on an object
 * or an array: found by tests/fuzz/fuzz-wordpress-reply). */
gint64
byline_json_node_peek_int (JsonNode *node,
                           gint64    fallback)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return json_node_get_int (node);
    case G_TYPE_DOUBLE:
      {
        double value = json_node_get_double (node);

        /* A number beyond gint64 (a broken or hostile reply) is no id;
         * converting it would be undefined behaviour. */
        if (!(value >= (double) G_MININT64 && value < (double) G_MAXINT64))
          return fallback;
        return (gint64) value;
      }
    default:
      return fallback;
    }
}

/* Returns: the member as an integer, as byline_json_node_peek_int() */
gint64
byline_json_peek_int (JsonObject *object,
                      const char *member,
                      gint64      fallback)
{
  g_return_val_if_fail (object != NULL, fallback);
  g_return_val_if_fail (member != NULL, fallback);

  return byline_json_node_peek_int (json_object_get_member (object, member), fallback);
}

/* Returns: (transfer full) (nullable): a copy of the member's string */
char *
byline_json_dup_string (JsonObject *object,
                        const char *member)
{
  return g_strdup (byline_json_peek_string (object, member));
}

/* Leaves the member out when @value is NULL; "" is written, since it means
 * something to the other side (WordPress clears an excerpt with it). For
 * article.json, where "" is absent too, see byline_json_add_string(). */
void
byline_json_add_nullable_string (JsonBuilder *builder,
                                 const char  *member,
                                 const char  *value)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (member != NULL);

  if (value == NULL)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}
