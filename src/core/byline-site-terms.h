/* byline-site-terms.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-site.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_SITE_TERMS (byline_site_terms_get_type ())

/* What the editor needs of a site offline: its categories and tags, and
 * what the user may do there. */
typedef struct
{
  GPtrArray  *categories;    /* of BylineCmsTerm */
  GPtrArray  *tags;          /* of BylineCmsTerm */
  char      **capabilities;  /* of the user */
  GDateTime  *fetched;
} BylineSiteTerms;

GType            byline_site_terms_get_type       (void) G_GNUC_CONST;
BylineSiteTerms *byline_site_terms_new            (void);
BylineSiteTerms *byline_site_terms_copy           (const BylineSiteTerms *terms);
void             byline_site_terms_free           (BylineSiteTerms       *terms);
char            *byline_site_terms_path           (BylineSite            *site);
BylineSiteTerms *byline_site_terms_load           (const char            *path,
                                                   GError               **error);
gboolean         byline_site_terms_save           (const char            *path,
                                                   const BylineSiteTerms *terms,
                                                   GError               **error);
void             byline_site_terms_load_async     (BylineSite            *site,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
BylineSiteTerms *byline_site_terms_load_finish    (GAsyncResult          *result,
                                                   GError               **error);
void             byline_site_terms_refresh_async  (BylineSite            *site,
                                                   BylineCms             *cms,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
BylineSiteTerms *byline_site_terms_refresh_finish (GAsyncResult          *result,
                                                   gboolean              *from_cache,
                                                   GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineSiteTerms, byline_site_terms_free)

G_END_DECLS
