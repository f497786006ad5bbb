/* byline-site.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "byline-cms.h"

G_BEGIN_DECLS

#define BYLINE_SITE_DEFAULT_CREDIT_TEMPLATE  "BT: {writers} – Hình: {photographers}"
#define BYLINE_SITE_DEFAULT_CAPTION_TEMPLATE "Ảnh: {creator}"
#define BYLINE_SITE_DEFAULT_IMAGE_SIZE_LIMIT 2048

#define BYLINE_TYPE_SITE (byline_site_get_type ())

G_DECLARE_FINAL_TYPE (BylineSite, byline_site, BYLINE, SITE, GObject)

BylineSite *byline_site_new                  (void);
BylineSite *byline_site_new_from_json        (JsonObject   *object);
JsonNode   *byline_site_to_json              (BylineSite   *self);
const char *byline_site_get_id               (BylineSite   *self);
const char *byline_site_get_name             (BylineSite   *self);
void        byline_site_set_name             (BylineSite   *self,
                                              const char   *name);
const char *byline_site_get_url              (BylineSite   *self);
void        byline_site_set_url              (BylineSite   *self,
                                              const char   *url);
const char *byline_site_get_api_root         (BylineSite   *self);
void        byline_site_set_api_root         (BylineSite   *self,
                                              const char   *api_root);
const char *byline_site_get_user             (BylineSite   *self);
void        byline_site_set_user             (BylineSite   *self,
                                              const char   *user);
const char *byline_site_get_backend          (BylineSite   *self);
const char *byline_site_get_credit_template  (BylineSite   *self);
void        byline_site_set_credit_template  (BylineSite   *self,
                                              const char   *credit_template);
const char *byline_site_get_caption_template (BylineSite   *self);
void        byline_site_set_caption_template (BylineSite   *self,
                                              const char   *caption_template);
const char *byline_site_get_ca_file          (BylineSite   *self);
void        byline_site_set_ca_file          (BylineSite   *self,
                                              const char   *ca_file);
const char *byline_site_get_timezone         (BylineSite   *self);
void        byline_site_set_timezone         (BylineSite   *self,
                                              const char   *timezone);
guint       byline_site_get_image_size_limit (BylineSite   *self);
void        byline_site_set_image_size_limit (BylineSite   *self,
                                              guint         limit);
int         byline_site_get_gmt_offset       (BylineSite   *self);
void        byline_site_set_gmt_offset       (BylineSite   *self,
                                              int           seconds);
gboolean    byline_site_get_is_default       (BylineSite   *self);
void        byline_site_set_is_default       (BylineSite   *self,
                                              gboolean      is_default);
void        byline_site_apply_info           (BylineSite   *self,
                                              const BylineCmsSiteInfo *info);
BylineCms  *byline_site_create_cms           (BylineSite   *self,
                                              const char   *password,
                                              GError      **error);

G_END_DECLS
