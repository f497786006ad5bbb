/* outbox-fixtures.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "outbox-fixtures.h"
#include "../core/photo-fixtures.h"

void
ofx_init (void)
{
  fixture_init ();
}

static BylinePhoto *
make_photo (const char *bundle,
            guint       index)
{
  g_autofree char *name = g_strdup_printf ("anh-%u.jpg", index);
  g_autofree char *source = fixture_make_image (name, 1600 + index * 10, 1000, 3);
  g_autofree char *caption = g_strdup_printf ("set Xmp.dc.description LangAlt lang=x-default "
                                              "Đoàn công tác làm việc tại xã Mỹ Quí %u", index);
  g_autoptr(GError) error = NULL;
  BylinePhoto *photo;

  /* Where it was taken, as a phone records it: the derivative must not
   * carry it to the site. */
  fixture_exiv2_modify (source, caption,
                        "set Xmp.dc.creator XmpSeq Hoàng Kha",
                        "set Xmp.photoshop.Credit Báo Đồng Tháp",
                        "set Exif.GPSInfo.GPSLatitudeRef Ascii N",
                        "set Exif.GPSInfo.GPSLatitude Rational 10/1 31/1 1234/100",
                        "set Exif.GPSInfo.GPSLongitudeRef Ascii E",
                        "set Exif.GPSInfo.GPSLongitude Rational 105/1 52/1 4321/100",
                        NULL);
  photo = fixture_import (source, bundle, &error);
  g_assert_no_error (error);
  byline_photo_set_alt_text (photo, "Cán bộ xã Mỹ Quí và đoàn công tác");
  return photo;
}

static void
fill_article (BylineArticle *article,
              const char    *bundle,
              guint          n_photos)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  const char * const writers[] = { "Nguyễn Thu", NULL };
  const char * const tags[] = { "Tháp Mười", "Nông thôn mới", NULL };

  byline_article_set_title (article, OFX_TITLE);
  byline_article_set_lead (article, OFX_LEAD);
  byline_article_set_category (article, OFX_CATEGORY);
  byline_article_set_tags (article, tags);
  byline_article_set_writers (article, writers);

  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH,
                   "Thực hiện chương trình hành động của Huyện ủy và Kế hoạch phát triển kinh "
                   "tế - xã hội của UBND huyện năm 2023."));
  for (guint i = 0; i < n_photos; i++)
    {
      g_autoptr(BylinePhoto) photo = make_photo (bundle, i + 1);

      byline_article_add_photo (article, photo);
      g_ptr_array_add (blocks, byline_block_new_photo (byline_photo_get_id (photo)));
    }
  g_ptr_array_add (blocks, byline_block_new (BYLINE_BLOCK_PARAGRAPH,
                   "Phát biểu tại buổi làm việc, đồng chí Bí thư Huyện ủy đề nghị Đảng ủy xã "
                   "quan tâm sâu sát công tác lãnh đạo."));
  byline_article_set_blocks (article, blocks);
}

static void
state_changed_cb (BylineOutbox *outbox,
                  const char   *article_id,
                  BylineOutboxState  state,
                  Ofx          *ofx)
{
  if (g_strcmp0 (article_id, byline_article_get_id (ofx->article)) != 0)
    return;
  if (ofx->states->len > 0)
    g_string_append_c (ofx->states, ',');
  g_string_append (ofx->states, byline_outbox_state_to_string (state));
}

static void
published_cb (BylineOutbox *outbox,
              const char   *article_id,
              const char   *link,
              Ofx          *ofx)
{
  ofx->n_published++;
  g_free (ofx->link);
  ofx->link = g_strdup (link);
}

Ofx *
ofx_new (guint       n_photos,
         const char *url,
         const char *api_root,
         const char *user)
{
  Ofx *ofx = g_new0 (Ofx, 1);
  g_autofree char *drafts = g_build_filename (g_get_user_data_dir (), "drafts", NULL);
  g_autofree char *sites = g_build_filename (g_get_user_config_dir (), "sites.json", NULL);

  ofx->drafts = g_file_new_for_path (drafts);
  ofx->article = byline_article_new ();
  ofx->bundle = g_build_filename (drafts, byline_article_get_id (ofx->article), NULL);
  g_assert_cmpint (g_mkdir_with_parents (ofx->bundle, 0700), ==, 0);
  fill_article (ofx->article, ofx->bundle, n_photos);

  ofx->site = byline_site_new ();
  byline_site_set_name (ofx->site, "Báo Thử");
  byline_site_set_url (ofx->site, url);
  byline_site_set_api_root (ofx->site, api_root);
  byline_site_set_user (ofx->site, user);
  byline_site_set_timezone (ofx->site, "Asia/Ho_Chi_Minh");
  byline_site_set_gmt_offset (ofx->site, 7 * 3600);
  byline_article_set_site (ofx->article, byline_site_get_id (ofx->site));
  ofx->sites = byline_site_list_new (sites);
  byline_site_list_add (ofx->sites, ofx->site);
  ofx->states = g_string_new (NULL);
  return ofx;
}

void
ofx_free (Ofx *ofx)
{
  g_object_unref (ofx->drafts);
  g_free (ofx->bundle);
  g_object_unref (ofx->article);
  g_object_unref (ofx->site);
  g_object_unref (ofx->sites);
  g_string_free (ofx->states, TRUE);
  g_free (ofx->link);
  g_free (ofx);
}

static GPtrArray *
terms_array (const BylineCmsTerm *terms,
             guint                n)
{
  GPtrArray *array = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_cms_term_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, byline_cms_term_copy (&terms[i]));
  return array;
}

void
ofx_save_terms (Ofx                 *ofx,
                const char * const  *capabilities,
                const BylineCmsTerm *categories,
                guint                n_categories,
                const BylineCmsTerm *tags,
                guint                n_tags)
{
  g_autoptr(BylineSiteTerms) terms = byline_site_terms_new ();
  g_autofree char *path = byline_site_terms_path (ofx->site);
  g_autoptr(GError) error = NULL;

  g_ptr_array_unref (terms->categories);
  terms->categories = terms_array (categories, n_categories);
  g_ptr_array_unref (terms->tags);
  terms->tags = terms_array (tags, n_tags);
  g_strfreev (terms->capabilities);
  terms->capabilities = g_strdupv ((char **) capabilities);
  byline_site_terms_save (path, terms, &error);
  g_assert_no_error (error);
}

BylineOutbox *
ofx_outbox_new (Ofx                 *ofx,
                BylineNetwork       *network,
                BylineOutboxCmsFunc  func,
                gpointer             data)
{
  BylineOutbox *outbox = byline_outbox_new (ofx->drafts, ofx->sites, network);

  byline_outbox_set_cms_func (outbox, func, data, NULL);
  byline_outbox_set_backoff (outbox, 20, 200);
  g_signal_connect (outbox, "state-changed", G_CALLBACK (state_changed_cb), ofx);
  g_signal_connect (outbox, "published", G_CALLBACK (published_cb), ofx);
  return outbox;
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

gboolean
ofx_queue (Ofx                 *ofx,
           BylineOutbox        *outbox,
           BylinePublishStatus  status,
           GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  byline_outbox_queue_async (outbox, ofx->article, ofx->site, status, FALSE, NULL,
                             result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return byline_outbox_queue_finish (outbox, result, error);
}

guint
ofx_resume (BylineOutbox *outbox)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  byline_outbox_resume_async (outbox, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  n = byline_outbox_resume_finish (outbox, result, &error);
  g_assert_no_error (error);
  return n;
}

static gboolean
is_final (BylineOutboxState state)
{
  return state == BYLINE_OUTBOX_STATE_DONE || state == BYLINE_OUTBOX_STATE_FAILED ||
         state == BYLINE_OUTBOX_STATE_CONFLICT || state == BYLINE_OUTBOX_STATE_NONE;
}

BylineOutboxState
ofx_wait (Ofx          *ofx,
          BylineOutbox *outbox)
{
  const char *id = byline_article_get_id (ofx->article);

  /* A stopped job leaves the outbox (state NONE) without anything in
   * flight; otherwise some source is always pending until a final state. */
  while (!is_final (byline_outbox_get_state (outbox, id)) || byline_outbox_get_busy (outbox))
    g_main_context_iteration (NULL, TRUE);
  return byline_outbox_get_state (outbox, id);
}

BylineOutboxJournal *
ofx_read_journal (Ofx *ofx)
{
  g_autoptr(GFile) bundle = g_file_new_for_path (ofx->bundle);
  g_autoptr(GError) error = NULL;
  BylineOutboxJournal *journal = byline_outbox_journal_read (bundle, &error);

  g_assert_no_error (error);
  return journal;
}

static gboolean
spin_done_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
ofx_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, spin_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}
