/* byline-photo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text fields of a photo are one table (property, JSON member) so the
 * getters, setters, properties and JSON cannot drift apart.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-article.h"
#include "byline-model-private.h"
#include "byline-photo.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_EXTENSION,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_MEDIA_ID,
  /* The text fields, in the order of text_members */
  PROP_MIME_TYPE,
  PROP_ORIGINAL_NAME,
  PROP_CAPTION,
  PROP_ALT_TEXT,
  PROP_CREATOR,
  PROP_CREDIT_LINE,
  PROP_COPYRIGHT,
  PROP_SOURCE,
  PROP_DATE_CREATED,
  PROP_CITY,
  PROP_MEDIA_URL,
  N_PROPS
};

#define FIRST_TEXT PROP_MIME_TYPE
#define N_TEXTS (N_PROPS - FIRST_TEXT)

/* JSON members of the text fields; the property names use dashes. */
static const char * const text_members[N_TEXTS] = {
  "mime_type", "original_name", "caption", "alt_text", "creator",
  "credit_line", "copyright", "source", "date_created", "city", "media_url",
};

struct _BylinePhoto
{
  GObject  parent_instance;

  char    *id;
  char    *extension;
  guint    width;
  guint    height;
  gint64   media_id;
  char    *texts[N_TEXTS];
};

G_DEFINE_FINAL_TYPE (BylinePhoto, byline_photo, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static gboolean
extension_is_valid (const char *extension)
{
  gsize len = extension != NULL ? strlen (extension) : 0;

  if (len < 1 || len > 5)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (extension[i]) && !g_ascii_islower (extension[i]))
      return FALSE;

  return TRUE;
}

static const char *
get_text (BylinePhoto *self,
          guint        prop_id)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO (self), NULL);
  g_assert (prop_id >= FIRST_TEXT && prop_id < N_PROPS);

  return self->texts[prop_id - FIRST_TEXT];
}

static void
set_text (BylinePhoto *self,
          guint        prop_id,
          const char  *value)
{
  g_return_if_fail (BYLINE_IS_PHOTO (self));
  g_assert (prop_id >= FIRST_TEXT && prop_id < N_PROPS);

  if (byline_model_set_text (&self->texts[prop_id - FIRST_TEXT], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
byline_photo_finalize (GObject *object)
{
  BylinePhoto *self = (BylinePhoto *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->extension, g_free);
  for (guint i = 0; i < N_TEXTS; i++)
    g_clear_pointer (&self->texts[i], g_free);

  G_OBJECT_CLASS (byline_photo_parent_class)->finalize (object);
}

static void
byline_photo_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BylinePhoto *self = BYLINE_PHOTO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_EXTENSION:
      g_value_set_string (value, self->extension);
      break;
    case PROP_WIDTH:
      g_value_set_uint (value, self->width);
      break;
    case PROP_HEIGHT:
      g_value_set_uint (value, self->height);
      break;
    case PROP_MEDIA_ID:
      g_value_set_int64 (value, self->media_id);
      break;
    default:
      if (prop_id >= FIRST_TEXT && prop_id < N_PROPS)
        g_value_set_string (value, get_text (self, prop_id));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_photo_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BylinePhoto *self = BYLINE_PHOTO (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_EXTENSION:
      self->extension = g_value_dup_string (value);
      break;
    case PROP_WIDTH:
      byline_photo_set_size (self, g_value_get_uint (value), self->height);
      break;
    case PROP_HEIGHT:
      byline_photo_set_size (self, self->width, g_value_get_uint (value));
      break;
    case PROP_MEDIA_ID:
      byline_photo_set_media_id (self, g_value_get_int64 (value));
      break;
    default:
      if (prop_id >= FIRST_TEXT && prop_id < N_PROPS)
        set_text (self, prop_id, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_text_properties (void)
{
  for (guint i = FIRST_TEXT; i < N_PROPS; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (text_members[i - FIRST_TEXT]), "_", '-');

      /* Property names must outlive the class: intern them. */
      properties[i] = g_param_spec_string (g_intern_string (name), NULL, NULL, NULL,
                                           G_PARAM_READWRITE |
                                           G_PARAM_EXPLICIT_NOTIFY |
                                           G_PARAM_STATIC_STRINGS);
    }
}

static void
byline_photo_class_init (BylinePhotoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_photo_finalize;
  object_class->get_property = byline_photo_get_property;
  object_class->set_property = byline_photo_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXTENSION] =
    g_param_spec_string ("extension", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WIDTH] =
    g_param_spec_uint ("width", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEIGHT] =
    g_param_spec_uint ("height", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEDIA_ID] =
    g_param_spec_int64 ("media-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  install_text_properties ();

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_photo_init (BylinePhoto *self)
{
}

/**
 * byline_photo_new:
 * @id: the SHA-256 of the file, 64 lower-case hex digits
 * @extension: the file's extension, 1 to 5 of [a-z0-9]
 */
BylinePhoto *
byline_photo_new (const char *id,
                  const char *extension)
{
  g_return_val_if_fail (byline_photo_id_is_valid (id), NULL);
  g_return_val_if_fail (extension_is_valid (extension), NULL);

  return g_object_new (BYLINE_TYPE_PHOTO,
                       "id", id,
                       "extension", extension,
                       NULL);
}

static gboolean
read_texts (BylinePhoto  *self,
            JsonObject   *object,
            const char   *where,
            GError      **error)
{
  for (guint i = 0; i < N_TEXTS; i++)
    if (!byline_json_get_string (object, where, text_members[i], &self->texts[i], error))
      return FALSE;

  return TRUE;
}

static gboolean
read_numbers (BylinePhoto  *self,
              JsonObject   *object,
              const char   *where,
              GError      **error)
{
  gint64 width = 0;
  gint64 height = 0;

  if (!byline_json_get_int (object, where, "width", 0, G_MAXUINT, &width, error) ||
      !byline_json_get_int (object, where, "height", 0, G_MAXUINT, &height, error) ||
      !byline_json_get_int (object, where, "media_id", 0, G_MAXINT64, &self->media_id, error))
    return FALSE;

  self->width = width;
  self->height = height;
  return TRUE;
}

BylinePhoto *
byline_photo_new_from_json_at (JsonObject  *object,
                        const char  *where,
                        GError     **error)
{
  g_autoptr(BylinePhoto) self = NULL;
  g_autofree char *id = NULL;
  g_autofree char *extension = NULL;

  if (!byline_json_get_string (object, where, "id", &id, error) ||
      !byline_json_get_string (object, where, "extension", &extension, error))
    return NULL;

  /* Both become a file name in the bundle: never trust them. */
  if (!byline_photo_id_is_valid (id))
    {
      /* Translators: completes “Invalid article: “field” %s”. */
      byline_json_set_invalid (error, where, "id", _("must be 64 lower-case hex digits"));
      return NULL;
    }
  if (!extension_is_valid (extension))
    {
      /* Translators: completes “Invalid article: “field” %s”. */
      byline_json_set_invalid (error, where, "extension", _("must be 1 to 5 of a-z and 0-9"));
      return NULL;
    }

  self = byline_photo_new (id, extension);
  if (!read_texts (self, object, where, error) ||
      !read_numbers (self, object, where, error))
    return NULL;

  return g_steal_pointer (&self);
}

BylinePhoto *
byline_photo_new_from_json (JsonObject  *object,
                            GError     **error)
{
  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return byline_photo_new_from_json_at (object, "photo", error);
}

static void
add_uint (JsonBuilder *builder,
          const char  *member,
          gint64       value)
{
  if (value == 0)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

JsonNode *
byline_photo_to_json (BylinePhoto *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (BYLINE_IS_PHOTO (self), NULL);

  json_builder_begin_object (builder);
  byline_json_add_string (builder, "id", self->id);
  byline_json_add_string (builder, "extension", self->extension);
  add_uint (builder, "width", self->width);
  add_uint (builder, "height", self->height);
  add_uint (builder, "media_id", self->media_id);
  for (guint i = 0; i < N_TEXTS; i++)
    byline_json_add_string (builder, text_members[i], self->texts[i]);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

const char *
byline_photo_get_id (BylinePhoto *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO (self), NULL);

  return self->id;
}

const char *
byline_photo_get_extension (BylinePhoto *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO (self), NULL);

  return self->extension;
}

char *
byline_photo_dup_bundle_path (BylinePhoto *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO (self), NULL);

  return g_strdup_printf ("photos/%s.%s", self->id, self->extension);
}

guint
byline_photo_get_width (BylinePhoto *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO (self), 0);

  return self->width;
}

guint
byline_photo_get_height (BylinePhoto *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO (self), 0);

  return self->height;
}

void
byline_photo_set_size (BylinePhoto *self,
                       guint        width,
                       guint        height)
{
  g_return_if_fail (BYLINE_IS_PHOTO (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->width != width)
    {
      self->width = width;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH]);
    }
  if (self->height != height)
    {
      self->height = height;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEIGHT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
byline_photo_get_media_id (BylinePhoto *self)
{
  g_return_val_if_fail (BYLINE_IS_PHOTO (self), 0);

  return self->media_id;
}

void
byline_photo_set_media_id (BylinePhoto *self,
                           gint64       media_id)
{
  g_return_if_fail (BYLINE_IS_PHOTO (self));
  g_return_if_fail (media_id >= 0);

  if (self->media_id == media_id)
    return;

  self->media_id = media_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEDIA_ID]);
}

#define TEXT_ACCESSORS(name, PROP)                                      \
  const char *                                                          \
  byline_photo_get_##name (BylinePhoto *self)                           \
  {                                                                     \
    return get_text (self, PROP);                                       \
  }                                                                     \
                                                                        \
  void                                                                  \
  byline_photo_set_##name (BylinePhoto *self,                           \
                           const char  *value)                          \
  {                                                                     \
    set_text (self, PROP, value);                                       \
  }

TEXT_ACCESSORS (mime_type, PROP_MIME_TYPE)
TEXT_ACCESSORS (original_name, PROP_ORIGINAL_NAME)
TEXT_ACCESSORS (caption, PROP_CAPTION)
TEXT_ACCESSORS (alt_text, PROP_ALT_TEXT)
TEXT_ACCESSORS (creator, PROP_CREATOR)
TEXT_ACCESSORS (credit_line, PROP_CREDIT_LINE)
TEXT_ACCESSORS (copyright, PROP_COPYRIGHT)
TEXT_ACCESSORS (source, PROP_SOURCE)
TEXT_ACCESSORS (date_created, PROP_DATE_CREATED)
TEXT_ACCESSORS (city, PROP_CITY)
TEXT_ACCESSORS (media_url, PROP_MEDIA_URL)
