/* byline-site.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One publishing site as the user set it up. Its password is in the
 * keyring (byline-secret.h), never here.
 */

#include "config.h"

#include "byline-cms-wordpress.h"
#include "byline-site.h"

struct _BylineSite
{
  GObject   parent_instance;

  /* Indexed by PROP_ID … PROP_TIMEZONE - 1: one path serves every string
   * property, its JSON member and its accessors. */
  char     *strings[10];
  guint     image_size_limit;
  int       gmt_offset;
  gboolean  is_default;
};

G_DEFINE_FINAL_TYPE (BylineSite, byline_site, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_URL,
  PROP_API_ROOT,
  PROP_USER,
  PROP_BACKEND,
  PROP_CREDIT_TEMPLATE,
  PROP_CAPTION_TEMPLATE,
  PROP_CA_FILE,
  PROP_TIMEZONE,
  PROP_IMAGE_SIZE_LIMIT,
  PROP_GMT_OFFSET,
  PROP_IS_DEFAULT,
  N_PROPS
};

#define IS_STRING_PROP(p) ((p) >= PROP_ID && (p) <= PROP_TIMEZONE)

static GParamSpec *properties[N_PROPS];

static void
set_string (BylineSite *self,
            guint       prop_id,
            const char *value)
{
  char **slot = &self->strings[prop_id - 1];

  g_assert (IS_STRING_PROP (prop_id));

  if (g_strcmp0 (*slot, value) == 0)
    return;

  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static const char *
get_string (BylineSite *self,
            guint       prop_id)
{
  g_assert (IS_STRING_PROP (prop_id));

  return self->strings[prop_id - 1];
}

static void
byline_site_finalize (GObject *object)
{
  BylineSite *self = (BylineSite *) object;

  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_free (self->strings[i]);

  G_OBJECT_CLASS (byline_site_parent_class)->finalize (object);
}

static void
byline_site_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BylineSite *self = BYLINE_SITE (object);

  if (IS_STRING_PROP (prop_id))
    g_value_set_string (value, get_string (self, prop_id));
  else if (prop_id == PROP_IMAGE_SIZE_LIMIT)
    g_value_set_uint (value, self->image_size_limit);
  else if (prop_id == PROP_GMT_OFFSET)
    g_value_set_int (value, self->gmt_offset);
  else if (prop_id == PROP_IS_DEFAULT)
    g_value_set_boolean (value, self->is_default);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
byline_site_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BylineSite *self = BYLINE_SITE (object);

  if (IS_STRING_PROP (prop_id))
    set_string (self, prop_id, g_value_get_string (value));
  else if (prop_id == PROP_IMAGE_SIZE_LIMIT)
    byline_site_set_image_size_limit (self, g_value_get_uint (value));
  else if (prop_id == PROP_GMT_OFFSET)
    byline_site_set_gmt_offset (self, g_value_get_int (value));
  else if (prop_id == PROP_IS_DEFAULT)
    byline_site_set_is_default (self, g_value_get_boolean (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
byline_site_class_init (BylineSiteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = byline_site_finalize;
  object_class->get_property = byline_site_get_property;
  object_class->set_property = byline_site_set_property;

  properties[PROP_ID] = string_pspec ("id");
  properties[PROP_NAME] = string_pspec ("name");
  properties[PROP_URL] = string_pspec ("url");
  properties[PROP_API_ROOT] = string_pspec ("api-root");
  properties[PROP_USER] = string_pspec ("user");
  properties[PROP_BACKEND] = string_pspec ("backend");
  properties[PROP_CREDIT_TEMPLATE] = string_pspec ("credit-template");
  properties[PROP_CAPTION_TEMPLATE] = string_pspec ("caption-template");
  properties[PROP_CA_FILE] = string_pspec ("ca-file");
  properties[PROP_TIMEZONE] = string_pspec ("timezone");
  /* Photos are scaled down to this many pixels on the long side. */
  properties[PROP_IMAGE_SIZE_LIMIT] =
    g_param_spec_uint ("image-size-limit", NULL, NULL, 256, 16384,
                       BYLINE_SITE_DEFAULT_IMAGE_SIZE_LIMIT, flags);
  properties[PROP_GMT_OFFSET] =
    g_param_spec_int ("gmt-offset", NULL, NULL, -14 * 3600, 14 * 3600, 0, flags);
  properties[PROP_IS_DEFAULT] = g_param_spec_boolean ("is-default", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_site_init (BylineSite *self)
{
  self->strings[PROP_ID - 1] = g_uuid_string_random ();
  self->strings[PROP_BACKEND - 1] = g_strdup ("wordpress");
  self->strings[PROP_CREDIT_TEMPLATE - 1] = g_strdup (BYLINE_SITE_DEFAULT_CREDIT_TEMPLATE);
  self->strings[PROP_CAPTION_TEMPLATE - 1] = g_strdup (BYLINE_SITE_DEFAULT_CAPTION_TEMPLATE);
  self->image_size_limit = BYLINE_SITE_DEFAULT_IMAGE_SIZE_LIMIT;
}

/**
 * byline_site_new:
 *
 * Returns: (transfer full): a site with a new id and the default templates
 */
BylineSite *
byline_site_new (void)
{
  return g_object_new (BYLINE_TYPE_SITE, NULL);
}

/* JSON member names are the property names with '_' for '-'. */
static char *
member_name (GParamSpec *pspec)
{
  return g_strdelimit (g_strdup (pspec->name), "-", '_');
}

/**
 * byline_site_to_json:
 *
 * Returns: (transfer full): the site as an object; unset strings are left
 *   out
 */
JsonNode *
byline_site_to_json (BylineSite *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);

  json_builder_begin_object (builder);
  for (guint prop_id = PROP_ID; prop_id < N_PROPS; prop_id++)
    {
      g_autofree char *name = member_name (properties[prop_id]);

      if (IS_STRING_PROP (prop_id) && get_string (self, prop_id) == NULL)
        continue;
      json_builder_set_member_name (builder, name);
      if (IS_STRING_PROP (prop_id))
        json_builder_add_string_value (builder, get_string (self, prop_id));
      else if (prop_id == PROP_IMAGE_SIZE_LIMIT)
        json_builder_add_int_value (builder, self->image_size_limit);
      else if (prop_id == PROP_GMT_OFFSET)
        json_builder_add_int_value (builder, self->gmt_offset);
      else
        json_builder_add_boolean_value (builder, self->is_default);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* A member of the wrong type or out of range is ignored: the default
 * stays, the file is still usable. */
static void
set_from_member (BylineSite *self,
                 guint       prop_id,
                 JsonNode   *node)
{
  GParamSpec *pspec = properties[prop_id];
  GType wanted = IS_STRING_PROP (prop_id) ? G_TYPE_STRING :
                 prop_id == PROP_IS_DEFAULT ? G_TYPE_BOOLEAN : G_TYPE_INT64;
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) converted = G_VALUE_INIT;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != wanted)
    return;

  json_node_get_value (node, &value);
  g_value_init (&converted, pspec->value_type);
  if (g_value_transform (&value, &converted) && !g_param_value_validate (pspec, &converted))
    g_object_set_property (G_OBJECT (self), pspec->name, &converted);
}

/**
 * byline_site_new_from_json:
 *
 * Returns: (transfer full) (nullable): the site, or %NULL if @object has
 *   no id or url
 */
BylineSite *
byline_site_new_from_json (JsonObject *object)
{
  g_autoptr(BylineSite) self = byline_site_new ();

  g_return_val_if_fail (object != NULL, NULL);

  for (guint prop_id = PROP_ID; prop_id < N_PROPS; prop_id++)
    {
      g_autofree char *name = member_name (properties[prop_id]);
      JsonNode *node = json_object_get_member (object, name);

      if (node != NULL)
        set_from_member (self, prop_id, node);
    }

  if (!json_object_has_member (object, "id") || byline_site_get_url (self) == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

#define STRING_ACCESSORS(field, PROP)                                  \
const char *                                                           \
byline_site_get_##field (BylineSite *self)                             \
{                                                                      \
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);                  \
  return get_string (self, PROP);                                      \
}

#define STRING_SETTER(field, PROP)                                     \
void                                                                   \
byline_site_set_##field (BylineSite *self,                             \
                         const char *value)                            \
{                                                                      \
  g_return_if_fail (BYLINE_IS_SITE (self));                            \
  set_string (self, PROP, value);                                      \
}

STRING_ACCESSORS (id, PROP_ID)
STRING_ACCESSORS (name, PROP_NAME)
STRING_SETTER (name, PROP_NAME)
STRING_ACCESSORS (url, PROP_URL)
STRING_SETTER (url, PROP_URL)
STRING_ACCESSORS (api_root, PROP_API_ROOT)
STRING_SETTER (api_root, PROP_API_ROOT)
STRING_ACCESSORS (user, PROP_USER)
STRING_SETTER (user, PROP_USER)
STRING_ACCESSORS (backend, PROP_BACKEND)
STRING_ACCESSORS (credit_template, PROP_CREDIT_TEMPLATE)
STRING_SETTER (credit_template, PROP_CREDIT_TEMPLATE)
STRING_ACCESSORS (caption_template, PROP_CAPTION_TEMPLATE)
STRING_SETTER (caption_template, PROP_CAPTION_TEMPLATE)
STRING_ACCESSORS (ca_file, PROP_CA_FILE)
STRING_SETTER (ca_file, PROP_CA_FILE)
STRING_ACCESSORS (timezone, PROP_TIMEZONE)
STRING_SETTER (timezone, PROP_TIMEZONE)

guint
byline_site_get_image_size_limit (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), 0);

  return self->image_size_limit;
}

void
byline_site_set_image_size_limit (BylineSite *self,
                                  guint       limit)
{
  g_return_if_fail (BYLINE_IS_SITE (self));

  if (self->image_size_limit == limit)
    return;

  self->image_size_limit = limit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMAGE_SIZE_LIMIT]);
}

int
byline_site_get_gmt_offset (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), 0);

  return self->gmt_offset;
}

void
byline_site_set_gmt_offset (BylineSite *self,
                            int         seconds)
{
  g_return_if_fail (BYLINE_IS_SITE (self));

  if (self->gmt_offset == seconds)
    return;

  self->gmt_offset = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GMT_OFFSET]);
}

gboolean
byline_site_get_is_default (BylineSite *self)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), FALSE);

  return self->is_default;
}

void
byline_site_set_is_default (BylineSite *self,
                            gboolean    is_default)
{
  g_return_if_fail (BYLINE_IS_SITE (self));

  is_default = !!is_default;
  if (self->is_default == is_default)
    return;

  self->is_default = is_default;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_DEFAULT]);
}

/**
 * byline_site_apply_info:
 *
 * Takes the API root, name and time zone that discovery found.
 */
void
byline_site_apply_info (BylineSite              *self,
                        const BylineCmsSiteInfo *info)
{
  g_return_if_fail (BYLINE_IS_SITE (self));
  g_return_if_fail (info != NULL);

  byline_site_set_api_root (self, info->api_root);
  if (info->name != NULL && *info->name != '\0')
    byline_site_set_name (self, info->name);
  byline_site_set_timezone (self, info->timezone_string != NULL && *info->timezone_string != '\0'
                                  ? info->timezone_string : NULL);
  byline_site_set_gmt_offset (self, info->gmt_offset);
}

/**
 * byline_site_create_cms:
 * @password: (nullable): the application password, from the keyring
 *
 * Returns: (transfer full) (nullable): a client for the site's backend
 */
BylineCms *
byline_site_create_cms (BylineSite  *self,
                        const char  *password,
                        GError     **error)
{
  g_return_val_if_fail (BYLINE_IS_SITE (self), NULL);
  g_return_val_if_fail (g_strcmp0 (byline_site_get_backend (self), "wordpress") == 0, NULL);

  return BYLINE_CMS (byline_cms_wordpress_new (byline_site_get_url (self),
                                               byline_site_get_api_root (self),
                                               byline_site_get_user (self), password,
                                               byline_site_get_ca_file (self), error));
}
