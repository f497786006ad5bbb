/* byline-photo-metadata.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Between a BylinePhoto and its credits snapshot, and between a file and
 * the snapshot through the photo engine, which does the XMP / IPTC IIM /
 * EXIF work with gexiv2 (src/photo-engine/byline-photo-engine-metadata.c,
 * whose table of tags is indexed by the same BylinePhotoField).
 */

#include "config.h"

#include "byline-photo-engine.h"
#include "byline-photo-metadata.h"

typedef struct
{
  const char *(*get) (BylinePhoto *photo);
  void        (*set) (BylinePhoto *photo,
                      const char  *value);
} FieldAccess;

static const FieldAccess fields[BYLINE_PHOTO_N_FIELDS] = {
  [BYLINE_PHOTO_FIELD_CAPTION] = { byline_photo_get_caption, byline_photo_set_caption },
  [BYLINE_PHOTO_FIELD_ALT_TEXT] = { byline_photo_get_alt_text, byline_photo_set_alt_text },
  [BYLINE_PHOTO_FIELD_CREATOR] = { byline_photo_get_creator, byline_photo_set_creator },
  [BYLINE_PHOTO_FIELD_CREDIT_LINE] = { byline_photo_get_credit_line, byline_photo_set_credit_line },
  [BYLINE_PHOTO_FIELD_COPYRIGHT] = { byline_photo_get_copyright, byline_photo_set_copyright },
  [BYLINE_PHOTO_FIELD_SOURCE] = { byline_photo_get_source, byline_photo_set_source },
  [BYLINE_PHOTO_FIELD_CITY] = { byline_photo_get_city, byline_photo_set_city },
  [BYLINE_PHOTO_FIELD_DATE_CREATED] = { byline_photo_get_date_created, byline_photo_set_date_created },
};

/* Exiv2 0.27's XMP toolkit is not thread-safe unless initialised with a
 * lock, and gexiv2 does not pass one: imports and derivatives run in
 * worker threads, so every use of Exiv2 takes this. */
static GMutex exiv2_mutex;

BylinePhotoCredits *
byline_photo_credits_new_from_photo (BylinePhoto *photo)
{
  BylinePhotoCredits *credits;

  g_return_val_if_fail (BYLINE_IS_PHOTO (photo), NULL);

  credits = byline_photo_credits_new ();
  for (guint i = 0; i < BYLINE_PHOTO_N_FIELDS; i++)
    byline_photo_credits_set (credits, i, fields[i].get (photo));

  return credits;
}

void
byline_photo_credits_apply (const BylinePhotoCredits *credits,
                            BylinePhoto              *photo)
{
  g_return_if_fail (credits != NULL);
  g_return_if_fail (BYLINE_IS_PHOTO (photo));

  for (guint i = 0; i < BYLINE_PHOTO_N_FIELDS; i++)
    {
      if (credits->fields[i] != NULL)
        fields[i].set (photo, credits->fields[i]);
    }
}

BylinePhotoCredits *
byline_photo_metadata_read (const char  *path,
                            GError     **error)
{
  const BylinePhotoEngine *engine;
  BylinePhotoCredits *credits;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(engine = byline_photo_engine_get (error)))
    return NULL;

  g_mutex_lock (&exiv2_mutex);
  credits = engine->metadata_read (path, error);
  g_mutex_unlock (&exiv2_mutex);

  return credits;
}

gboolean
byline_photo_metadata_write (const char                *path,
                             const BylinePhotoCredits  *credits,
                             GError                   **error)
{
  const BylinePhotoEngine *engine;
  gboolean written;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (credits != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(engine = byline_photo_engine_get (error)))
    return FALSE;

  g_mutex_lock (&exiv2_mutex);
  written = engine->metadata_write (path, credits, error);
  g_mutex_unlock (&exiv2_mutex);

  return written;
}
