/* byline-cms-wordpress.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "byline-cms.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_CMS_WORDPRESS (byline_cms_wordpress_get_type ())

G_DECLARE_FINAL_TYPE (BylineCmsWordpress, byline_cms_wordpress, BYLINE, CMS_WORDPRESS, GObject)

BylineCmsWordpress *byline_cms_wordpress_new              (const char          *site_url,
                                                          const char          *api_root,
                                                          const char          *user,
                                                          const char          *password,
                                                          const char          *ca_file,
                                                          GError             **error);
const char         *byline_cms_wordpress_get_site_url     (BylineCmsWordpress  *self);
const char         *byline_cms_wordpress_get_api_root     (BylineCmsWordpress  *self);
void                byline_cms_wordpress_set_api_root     (BylineCmsWordpress  *self,
                                                          const char          *api_root);
guint               byline_cms_wordpress_get_timeout      (BylineCmsWordpress  *self);
void                byline_cms_wordpress_set_timeout      (BylineCmsWordpress  *self,
                                                          guint                seconds);
char               *byline_cms_wordpress_build_url        (const char          *api_root,
                                                          const char          *route,
                                                          const char * const  *params);
gboolean            byline_cms_wordpress_redirect_allowed (GUri                *from,
                                                          GUri                *to);

G_END_DECLS
