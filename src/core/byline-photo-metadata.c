/* byline-photo-metadata.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Photographers' credits arrive in three generations of metadata. XMP is
 * always UTF-8 and wins. IPTC IIM has no declared encoding unless record
 * 1:90 says ESC % G; Vietnamese agencies still send Latin-1 or Windows-1258
 * IIM, and guessing turns "Hoàng" into mojibake that then gets published,
 * so an IIM record without the marker is ignored. EXIF Artist/Copyright is
 * the last resort (cameras write the owner's name there).
 *
 * Every field is described once in the table below; reading, writing,
 * copying and hashing all walk that table.
 */

#include "config.h"

#include <gexiv2/gexiv2.h>
#include <string.h>

#include "byline-photo-metadata.h"
#include "byline-photo-private.h"
#include "byline-text.h"

#define IIM_UTF8 "\x1b%G"
#define LANG_DEFAULT "lang=\"x-default\" "

typedef enum
{
  XMP_TEXT,
  XMP_LANG_ALT,
  XMP_SEQ,
} XmpKind;

typedef struct
{
  const char *(*get) (BylinePhoto *photo);
  void        (*set) (BylinePhoto *photo,
                      const char  *value);
  const char  *xmp;
  XmpKind      xmp_kind;
  const char  *iptc;        /* read when not NULL */
  gboolean     iptc_write;  /* and written */
  const char  *exif;        /* fallback read when not NULL */
  gboolean     exif_write;  /* and written */
} FieldInfo;

static const FieldInfo fields[BYLINE_PHOTO_N_FIELDS] = {
  [BYLINE_PHOTO_FIELD_CAPTION] = {
    byline_photo_get_caption, byline_photo_set_caption,
    "Xmp.dc.description", XMP_LANG_ALT,
    "Iptc.Application2.Caption", TRUE, "Exif.Image.ImageDescription", FALSE },
  [BYLINE_PHOTO_FIELD_ALT_TEXT] = {
    byline_photo_get_alt_text, byline_photo_set_alt_text,
    "Xmp.iptc.AltTextAccessibility", XMP_LANG_ALT,
    NULL, FALSE, NULL, FALSE },
  [BYLINE_PHOTO_FIELD_CREATOR] = {
    byline_photo_get_creator, byline_photo_set_creator,
    "Xmp.dc.creator", XMP_SEQ,
    "Iptc.Application2.Byline", TRUE, "Exif.Image.Artist", TRUE },
  [BYLINE_PHOTO_FIELD_CREDIT_LINE] = {
    byline_photo_get_credit_line, byline_photo_set_credit_line,
    "Xmp.photoshop.Credit", XMP_TEXT,
    "Iptc.Application2.Credit", TRUE, NULL, FALSE },
  [BYLINE_PHOTO_FIELD_COPYRIGHT] = {
    byline_photo_get_copyright, byline_photo_set_copyright,
    "Xmp.dc.rights", XMP_LANG_ALT,
    "Iptc.Application2.Copyright", TRUE, "Exif.Image.Copyright", TRUE },
  [BYLINE_PHOTO_FIELD_SOURCE] = {
    byline_photo_get_source, byline_photo_set_source,
    "Xmp.photoshop.Source", XMP_TEXT,
    "Iptc.Application2.Source", TRUE, NULL, FALSE },
  [BYLINE_PHOTO_FIELD_CITY] = {
    byline_photo_get_city, byline_photo_set_city,
    "Xmp.photoshop.City", XMP_TEXT,
    "Iptc.Application2.City", TRUE, NULL, FALSE },
  /* IIM dates are CCYYMMDD with no time: read them, but write the date
   * only to XMP, which keeps the time and zone of an ISO 8601 value. */
  [BYLINE_PHOTO_FIELD_DATE_CREATED] = {
    byline_photo_get_date_created, byline_photo_set_date_created,
    "Xmp.photoshop.DateCreated", XMP_TEXT,
    "Iptc.Application2.DateCreated", FALSE, NULL, FALSE },
};

/* Exiv2 0.27 does not know Iptc4xmpCore:AltTextAccessibility, so a value
 * set by name would become plain text. A datum that already exists keeps
 * its type, hence this packet: it declares the property as a lang-alt. */
static const char xmp_template[] =
  "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
  "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
  "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
  "<rdf:Description rdf:about=\"\""
  " xmlns:Iptc4xmpCore=\"http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/\">"
  "<Iptc4xmpCore:AltTextAccessibility><rdf:Alt>"
  "<rdf:li xml:lang=\"x-default\">-</rdf:li>"
  "</rdf:Alt></Iptc4xmpCore:AltTextAccessibility>"
  "</rdf:Description></rdf:RDF></x:xmpmeta>"
  "<?xpacket end=\"w\"?>";

/* Exiv2 0.27's XMP toolkit is not thread-safe unless initialised with a
 * lock, and gexiv2 does not pass one: imports and derivatives run in
 * worker threads, so every use of Exiv2 takes this. */
static GMutex exiv2_mutex;

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

/* Exiv2 renders a lang-alt as `lang="x-default" A, lang="vi" B`, x-default
 * first. gexiv2's list form splits on every comma (gexiv2 issue 61), so
 * parse the string: the x-default entry, else the first one. */
static char *
lang_alt_pick_default (const char *rendered)
{
  const char *start = rendered;
  const char *end;

  if (g_str_has_prefix (start, "lang=\""))
    {
      start = strchr (start + strlen ("lang=\""), '"');
      if (start == NULL)
        return NULL;
      start++;
      if (*start == ' ')
        start++;
    }

  end = strstr (start, ", lang=\"");
  return end != NULL ? g_strndup (start, end - start) : g_strdup (start);
}

static char *
read_tag_string (GExiv2Metadata *metadata,
                 const char     *tag)
{
  g_autoptr(GError) error = NULL;
  char *value;

  if (!gexiv2_metadata_try_has_tag (metadata, tag, NULL))
    return NULL;

  value = gexiv2_metadata_try_get_tag_string (metadata, tag, &error);
  if (error != NULL)
    g_debug ("Could not read %s: %s", tag, error->message);

  return value;
}

static char *
read_tag_joined (GExiv2Metadata *metadata,
                 const char     *tag)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) values = NULL;

  if (!gexiv2_metadata_try_has_tag (metadata, tag, NULL))
    return NULL;

  values = gexiv2_metadata_try_get_tag_multiple (metadata, tag, &error);
  if (values == NULL)
    {
      g_debug ("Could not read %s: %s", tag, error ? error->message : "empty");
      return NULL;
    }

  return g_strjoinv (", ", values);
}

static char *
read_xmp (GExiv2Metadata  *metadata,
          const FieldInfo *info)
{
  g_autofree char *rendered = NULL;

  switch (info->xmp_kind)
    {
    case XMP_SEQ:
      return read_tag_joined (metadata, info->xmp);

    case XMP_LANG_ALT:
      rendered = read_tag_string (metadata, info->xmp);
      return rendered != NULL ? lang_alt_pick_default (rendered) : NULL;

    case XMP_TEXT:
    default:
      return read_tag_string (metadata, info->xmp);
    }
}

static gboolean
iim_declares_utf8 (GExiv2Metadata *metadata)
{
  g_autofree char *charset = read_tag_string (metadata, "Iptc.Envelope.CharacterSet");

  return g_strcmp0 (charset, IIM_UTF8) == 0;
}

static void
read_field (GExiv2Metadata     *metadata,
            BylinePhotoCredits *credits,
            BylinePhotoField    field,
            gboolean            iim_utf8)
{
  const FieldInfo *info = &fields[field];
  g_autofree char *value = read_xmp (metadata, info);

  /* byline_photo_credits_set drops invalid UTF-8 and blank values, so an
   * empty XMP field falls through to IIM and EXIF. */
  byline_photo_credits_set (credits, field, value);
  if (credits->fields[field] == NULL && iim_utf8 && info->iptc != NULL)
    {
      g_free (value);
      value = read_tag_joined (metadata, info->iptc);
      byline_photo_credits_set (credits, field, value);
    }
  if (credits->fields[field] == NULL && info->exif != NULL)
    {
      g_free (value);
      value = read_tag_string (metadata, info->exif);
      byline_photo_credits_set (credits, field, value);
    }
}

static BylinePhotoCredits *
read_locked (const char  *path,
             GError     **error)
{
  g_autoptr(GExiv2Metadata) metadata = gexiv2_metadata_new ();
  BylinePhotoCredits *credits;
  gboolean iim_utf8;

  if (!gexiv2_metadata_open_path (metadata, path, error))
    return NULL;

  credits = byline_photo_credits_new ();
  iim_utf8 = iim_declares_utf8 (metadata);
  for (guint i = 0; i < BYLINE_PHOTO_N_FIELDS; i++)
    read_field (metadata, credits, i, iim_utf8);

  return credits;
}

BylinePhotoCredits *
byline_photo_metadata_read (const char  *path,
                            GError     **error)
{
  BylinePhotoCredits *credits;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  byline_photo_libs_init ();
  g_mutex_lock (&exiv2_mutex);
  credits = read_locked (path, error);
  g_mutex_unlock (&exiv2_mutex);

  return credits;
}

static gboolean
write_xmp (GExiv2Metadata  *metadata,
           const FieldInfo *info,
           const char      *value,
           GError         **error)
{
  g_autofree char *lang_alt = NULL;
  const char *values[] = { value, NULL };

  if (value == NULL)
    {
      /* Only the template's alt text can be there already. */
      if (gexiv2_metadata_try_has_tag (metadata, info->xmp, NULL))
        return gexiv2_metadata_try_clear_tag (metadata, info->xmp, error);
      return TRUE;
    }

  switch (info->xmp_kind)
    {
    case XMP_SEQ:
      /* One entry: splitting a free-text name list on commas would break
       * "Nguyễn Văn A, Jr." and buys nothing on the way back. */
      return gexiv2_metadata_try_set_tag_multiple (metadata, info->xmp, values, error);

    case XMP_LANG_ALT:
      /* The explicit language keeps a caption that itself starts with
       * `lang="` from being parsed as a qualifier. */
      lang_alt = g_strconcat (LANG_DEFAULT, value, NULL);
      return gexiv2_metadata_try_set_tag_string (metadata, info->xmp, lang_alt, error);

    case XMP_TEXT:
    default:
      return gexiv2_metadata_try_set_tag_string (metadata, info->xmp, value, error);
    }
}

static gboolean
write_field (GExiv2Metadata  *metadata,
             const FieldInfo *info,
             const char      *value,
             GError         **error)
{
  if (!write_xmp (metadata, info, value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;
  if (info->iptc_write
      && !gexiv2_metadata_try_set_tag_string (metadata, info->iptc, value, error))
    return FALSE;
  if (info->exif_write
      && !gexiv2_metadata_try_set_tag_string (metadata, info->exif, value, error))
    return FALSE;

  return TRUE;
}

static gboolean
write_locked (const char                *path,
              const BylinePhotoCredits  *credits,
              GError                   **error)
{
  g_autoptr(GExiv2Metadata) metadata = gexiv2_metadata_new ();

  if (!gexiv2_metadata_open_buf (metadata, (const guint8 *) xmp_template,
                                 sizeof xmp_template - 1, error))
    return FALSE;

  /* Declared first: readers decide how to decode the rest from it. */
  if (!gexiv2_metadata_try_set_tag_string (metadata, "Iptc.Envelope.CharacterSet",
                                           IIM_UTF8, error))
    return FALSE;

  for (guint i = 0; i < BYLINE_PHOTO_N_FIELDS; i++)
    {
      if (!write_field (metadata, &fields[i], credits->fields[i], error))
        return FALSE;
    }

  /* save_file replaces the file's EXIF, IPTC and XMP with ours: nothing
   * of the original (GPS, serial numbers) survives. */
  return gexiv2_metadata_save_file (metadata, path, error);
}

gboolean
byline_photo_metadata_write (const char                *path,
                             const BylinePhotoCredits  *credits,
                             GError                   **error)
{
  gboolean written;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (credits != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  byline_photo_libs_init ();
  g_mutex_lock (&exiv2_mutex);
  written = write_locked (path, credits, error);
  g_mutex_unlock (&exiv2_mutex);

  return written;
}
