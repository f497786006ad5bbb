/* byline-photo-credits.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BylinePhotoCredits, the plain snapshot of a photo's credit fields. No
 * GType and no BylinePhoto here: the photo engine module links this file
 * too (src/photo-engine/meson.build), to hand back what it read.
 */

#include "config.h"

#include <string.h>

#include "byline-photo-metadata.h"
#include "byline-text.h"

BylinePhotoCredits *
byline_photo_credits_new (void)
{
  return g_new0 (BylinePhotoCredits, 1);
}

void
byline_photo_credits_free (BylinePhotoCredits *credits)
{
  if (credits == NULL)
    return;

  for (guint i = 0; i < BYLINE_PHOTO_N_FIELDS; i++)
    g_free (credits->fields[i]);
  g_free (credits);
}

const char *
byline_photo_credits_get (const BylinePhotoCredits *credits,
                          BylinePhotoField          field)
{
  g_return_val_if_fail (credits != NULL, NULL);
  g_return_val_if_fail (field < BYLINE_PHOTO_N_FIELDS, NULL);

  return credits->fields[field];
}

void
byline_photo_credits_set (BylinePhotoCredits *credits,
                          BylinePhotoField    field,
                          const char         *value)
{
  g_autofree char *nfc = NULL;

  g_return_if_fail (credits != NULL);
  g_return_if_fail (field < BYLINE_PHOTO_N_FIELDS);

  if (value != NULL)
    nfc = byline_text_normalize (value, -1, NULL);
  if (nfc != NULL)
    g_strstrip (nfc);
  if (nfc != NULL && nfc[0] == '\0')
    g_clear_pointer (&nfc, g_free);

  g_free (credits->fields[field]);
  credits->fields[field] = g_steal_pointer (&nfc);
}

char *
byline_photo_credits_dup_digest (const BylinePhotoCredits *credits)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (credits != NULL, NULL);

  /* Length-prefixed, so ("ab", "c") and ("a", "bc") differ, and absent
   * differs from empty. Bump the version when the written metadata
   * changes, so derivatives made by an older Byline are not reused. */
  g_checksum_update (checksum, (const guchar *) "byline-credits-1", -1);
  for (guint i = 0; i < BYLINE_PHOTO_N_FIELDS; i++)
    {
      const char *value = credits->fields[i];
      guint64 length = value != NULL ? strlen (value) + 1 : 0;

      g_checksum_update (checksum, (const guchar *) &length, sizeof length);
      if (value != NULL)
        g_checksum_update (checksum, (const guchar *) value, length);
    }

  return g_strndup (g_checksum_get_string (checksum), 16);
}
