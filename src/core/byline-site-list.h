/* byline-site-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-site.h"

G_BEGIN_DECLS

#define BYLINE_SITE_LIST_VERSION 1

#define BYLINE_SITE_ERROR (byline_site_error_quark ())

typedef enum
{
  BYLINE_SITE_ERROR_CORRUPT,
  BYLINE_SITE_ERROR_NEWER_VERSION,
  BYLINE_SITE_ERROR_NO_CACHE,
} BylineSiteError;

#define BYLINE_TYPE_SITE_LIST (byline_site_list_get_type ())

G_DECLARE_FINAL_TYPE (BylineSiteList, byline_site_list, BYLINE, SITE_LIST, GObject)

GQuark          byline_site_error_quark          (void);
char           *byline_site_list_default_path    (void);
BylineSiteList *byline_site_list_new             (const char      *path);
const char     *byline_site_list_get_path        (BylineSiteList  *self);
gboolean        byline_site_list_load            (BylineSiteList  *self,
                                                  GError         **error);
gboolean        byline_site_list_save            (BylineSiteList  *self,
                                                  GError         **error);
void            byline_site_list_add             (BylineSiteList  *self,
                                                  BylineSite      *site);
gboolean        byline_site_list_remove          (BylineSiteList  *self,
                                                  const char      *id);
BylineSite     *byline_site_list_lookup          (BylineSiteList  *self,
                                                  const char      *id);
BylineSite     *byline_site_list_find            (BylineSiteList  *self,
                                                  const char      *name_or_id);
BylineSite     *byline_site_list_get_default     (BylineSiteList  *self);
void            byline_site_list_set_default     (BylineSiteList  *self,
                                                  BylineSite      *site);

G_END_DECLS
