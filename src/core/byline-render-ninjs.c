/* byline-render-ninjs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * IPTC ninjs 2.0 (http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json).
 * The schema forbids additional properties, so only its own names are
 * used: the writers go to "by", the desk note to "ednote", the dateline
 * to "located", photos to "associations" of type "picture".
 */

#include "config.h"

#include "byline-model-private.h"
#include "byline-render-private.h"

#define NINJS_SCHEMA "http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json"

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  byline_json_add_string (builder, member, value);
}

/* [{"role": role, "value": value}], or nothing when value is absent. */
static void
add_values (JsonBuilder *builder,
            const char  *member,
            const char  *role,
            const char  *contenttype,
            const char  *value)
{
  if (value == NULL || value[0] == '\0')
    return;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "role", role);
  add_string (builder, "contenttype", contenttype);
  add_string (builder, "value", value);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

static void
add_standard (JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "standard");
  json_builder_begin_object (builder);
  add_string (builder, "name", "ninjs");
  add_string (builder, "version", "2.0");
  add_string (builder, "schema", NINJS_SCHEMA);
  json_builder_end_object (builder);
}

static void
add_subject_list (JsonBuilder        *builder,
                  const char         *rel,
                  const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      json_builder_begin_object (builder);
      add_string (builder, "name", names[i]);
      add_string (builder, "rel", rel);
      json_builder_end_object (builder);
    }
}

static void
add_subjects (JsonBuilder   *builder,
              BylineArticle *article)
{
  const char *category = byline_article_get_category (article);
  const char * const category_list[] = { category, NULL };
  const char * const *tags = byline_article_get_tags (article);

  if (category == NULL && tags[0] == NULL)
    return;

  json_builder_set_member_name (builder, "subjects");
  json_builder_begin_array (builder);
  if (category != NULL)
    add_subject_list (builder, "category", category_list);
  add_subject_list (builder, "tag", tags);
  json_builder_end_array (builder);
}

static void
add_body (JsonBuilder               *builder,
          BylineArticle             *article,
          const BylineRenderOptions *options)
{
  g_autofree char *html = byline_render_html_fragment (article, options);
  g_autofree char *text = byline_article_dup_body_text (article);

  if (html[0] == '\0')
    return;

  json_builder_set_member_name (builder, "bodies");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "role", "main");
  add_string (builder, "contenttype", "text/html");
  json_builder_set_member_name (builder, "charcount");
  json_builder_add_int_value (builder, g_utf8_strlen (text, -1));
  add_string (builder, "value", html);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

static void
add_rendition (JsonBuilder *builder,
               BylinePhoto *photo)
{
  const char *url = byline_photo_get_media_url (photo);

  json_builder_set_member_name (builder, "renditions");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "name", "original");
  /* "href" must be an absolute URI: only once uploaded. */
  add_string (builder, "href", url);
  add_string (builder, "contenttype", byline_photo_get_mime_type (photo));
  if (byline_photo_get_width (photo) > 0 && byline_photo_get_height (photo) > 0)
    {
      json_builder_set_member_name (builder, "width");
      json_builder_add_int_value (builder, byline_photo_get_width (photo));
      json_builder_set_member_name (builder, "height");
      json_builder_add_int_value (builder, byline_photo_get_height (photo));
    }
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

static void
add_picture (JsonBuilder               *builder,
             BylinePhoto               *photo,
             const char                *name,
             const BylineRenderOptions *options)
{
  g_autofree char *uri = g_strconcat ("urn:byline:photo:", byline_photo_get_id (photo), NULL);
  g_autofree char *caption = byline_render_caption (photo, options);

  json_builder_begin_object (builder);
  add_string (builder, "name", name);
  add_string (builder, "uri", uri);
  add_string (builder, "type", "picture");
  add_string (builder, "representationtype", "partial");
  add_values (builder, "descriptions", "caption", "text/plain", caption);
  add_string (builder, "by", byline_photo_get_creator (photo));
  add_string (builder, "copyrightholder", byline_photo_get_credit_line (photo));
  add_string (builder, "copyrightnotice", byline_photo_get_copyright (photo));
  add_string (builder, "located", byline_photo_get_city (photo));
  add_rendition (builder, photo);
  json_builder_end_object (builder);
}

static void
add_associations (JsonBuilder               *builder,
                  BylineArticle             *article,
                  const BylineRenderOptions *options)
{
  GListModel *photos = byline_article_get_photos (article);
  const char *featured = byline_article_get_featured_photo (article);
  guint n = g_list_model_get_n_items (photos);

  if (n == 0)
    return;

  json_builder_set_member_name (builder, "associations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylinePhoto) photo = g_list_model_get_item (photos, i);
      g_autofree char *name = NULL;

      if (g_strcmp0 (byline_photo_get_id (photo), featured) == 0)
        name = g_strdup ("featureimage");
      else
        name = g_strdup_printf ("picture%u", i + 1);
      add_picture (builder, photo, name, options);
    }
  json_builder_end_array (builder);
}

static void
add_dates (JsonBuilder   *builder,
           BylineArticle *article)
{
  g_autofree char *version = NULL;

  /* The modification time orders versions, as the spec asks. */
  version = g_strdup_printf ("%" G_GINT64_FORMAT,
                             g_date_time_to_unix (byline_article_get_modified (article)));
  add_string (builder, "version", version);
  byline_json_add_date_time (builder, "firstcreated", byline_article_get_created (article));
  byline_json_add_date_time (builder, "versioncreated", byline_article_get_modified (article));
  byline_json_add_date_time (builder, "embargoed", byline_article_get_embargo (article));
}

static void
add_header (JsonBuilder   *builder,
            BylineArticle *article)
{
  g_autofree char *uri = g_strconcat ("urn:uuid:", byline_article_get_id (article), NULL);
  const char * const *writers = byline_article_get_writers (article);
  g_autofree char *by = writers[0] != NULL ? g_strjoinv (", ", (char **) writers) : NULL;

  add_string (builder, "uri", uri);
  add_standard (builder);
  add_string (builder, "type", "text");
  add_string (builder, "representationtype", "full");
  add_dates (builder, article);
  add_string (builder, "pubstatus", "usable");
  if (byline_article_get_priority (article) > 0)
    {
      json_builder_set_member_name (builder, "urgency");
      json_builder_add_int_value (builder, byline_article_get_priority (article));
    }
  add_string (builder, "ednote", byline_article_get_desk_note (article));
  add_string (builder, "language", byline_article_get_language (article));
  add_string (builder, "slugline", byline_article_get_slugline (article));
  add_string (builder, "by", by);
  add_string (builder, "located", byline_article_get_dateline (article));
}

/**
 * byline_render_ninjs:
 * @options: (nullable): the options, %NULL for the defaults
 *
 * Returns: (transfer full): a ninjs 2.0 object; the body is plain HTML
 */
JsonNode *
byline_render_ninjs (BylineArticle             *article,
                     const BylineRenderOptions *options)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  BylineRenderOptions defaults;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  options = byline_render_options_or_default (options, &defaults);

  json_builder_begin_object (builder);
  add_header (builder, article);
  add_values (builder, "headlines", "main", "text/plain", byline_article_get_title (article));
  add_values (builder, "descriptions", "summary", "text/plain", byline_article_get_lead (article));
  add_body (builder, article, options);
  add_subjects (builder, article);
  add_associations (builder, article, options);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
