/* byline-site-setup.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-site-list.h"

G_BEGIN_DECLS

char       *byline_site_normalize_url   (const char          *url);
void        byline_site_add_async       (BylineSiteList      *list,
                                         const char          *url,
                                         const char          *user,
                                         const char          *password,
                                         const char          *ca_file,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
void        byline_site_add_named_async (BylineSiteList      *list,
                                         const char          *name,
                                         const char          *url,
                                         const char          *user,
                                         const char          *password,
                                         const char          *ca_file,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
BylineSite *byline_site_add_finish      (BylineSiteList      *list,
                                         GAsyncResult        *result,
                                         GError             **error);
void        byline_site_connect_async   (BylineSite          *site,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
BylineCms  *byline_site_connect_finish  (BylineSite          *site,
                                         GAsyncResult        *result,
                                         GError             **error);
void        byline_site_forget_async    (BylineSiteList      *list,
                                         BylineSite          *site,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean    byline_site_forget_finish   (BylineSiteList      *list,
                                         GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
