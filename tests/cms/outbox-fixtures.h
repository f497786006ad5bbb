/* outbox-fixtures.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the outbox tests share, against the fake site and the real
 * WordPress alike: a seed-like article with real photos, a site with its
 * cached terms, and synchronous waits on the outbox.
 */

#pragma once

#include "byline-outbox.h"

G_BEGIN_DECLS

#define OFX_TITLE "Kiểm tra Chương trình hành động của Huyện ủy năm 2023 tại xã Mỹ Quí"
#define OFX_LEAD  "Chiều ngày 16/02/2023, Đoàn công tác của Ban Thường vụ Huyện ủy Tháp Mười " \
                  "đến làm việc với xã Mỹ Quí."
#define OFX_CATEGORY "Thời sự"

typedef struct
{
  GFile         *drafts;
  char          *bundle;      /* drafts/<article id> */
  BylineArticle *article;
  BylineSite    *site;
  BylineSiteList *sites;
  GString       *states;      /* "queued,preparing-photos,…" as emitted */
  guint          n_published;
  char          *link;
} Ofx;

void           ofx_init             (void);
/* The article with @n_photos photos (Vietnamese XMP credits, the
 * photographer, GPS in EXIF; their sources are anh-N.jpg in
 * fixture_tmp_path()), its bundle, a site for @url/@api_root/@user, in a
 * site list. */
Ofx           *ofx_new              (guint           n_photos,
                                     const char     *url,
                                     const char     *api_root,
                                     const char     *user);
void           ofx_free             (Ofx            *ofx);
/* Writes the site's terms cache: categories and tags (id, name pairs,
 * NULL-terminated after the capabilities). */
void           ofx_save_terms       (Ofx            *ofx,
                                     const char * const *capabilities,
                                     const BylineCmsTerm *categories,
                                     guint           n_categories,
                                     const BylineCmsTerm *tags,
                                     guint           n_tags);
BylineOutbox  *ofx_outbox_new       (Ofx            *ofx,
                                     BylineNetwork  *network,
                                     BylineOutboxCmsFunc func,
                                     gpointer        data);
gboolean       ofx_queue            (Ofx            *ofx,
                                     BylineOutbox   *outbox,
                                     BylinePublishStatus status,
                                     GError        **error);
guint          ofx_resume           (BylineOutbox   *outbox);
/* Spins until the article is DONE, FAILED or CONFLICT, or the outbox is
 * idle with nothing due (a job stopped by the test hook). */
BylineOutboxState ofx_wait          (Ofx            *ofx,
                                     BylineOutbox   *outbox);
BylineOutboxJournal *ofx_read_journal (Ofx          *ofx);
/* Spins the main loop for @ms milliseconds. */
void           ofx_spin             (guint           ms);

G_END_DECLS
