/* byline-photo-engine-metadata.c
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
 * Every field's tags are described once in the table below, indexed by
 * BylinePhotoField like the table of BylinePhoto accessors in
 * src/core/byline-photo-metadata.c; reading and writing walk it. The
 * caller holds the Exiv2 lock (byline_photo_metadata_read/write).
 */

#include "config.h"

#include <gexiv2/gexiv2.h>
#include <string.h>

#include "byline-photo-engine-private.h"

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
  const char  *xmp;
  XmpKind      xmp_kind;
  const char  *iptc;        /* read when not NULL */
  gboolean     iptc_write;  /* and written */
  const char  *exif;        /* fallback read when not NULL */
  gboolean     exif_write;  /* and written */
} FieldInfo;

static const FieldInfo fields[BYLINE_PHOTO_N_FIELDS] = {
  [BYLINE_PHOTO_FIELD_CAPTION] = {
    "Xmp.dc.description", XMP_LANG_ALT,
    "Iptc.Application2.Caption", TRUE, "Exif.Image.ImageDescription", FALSE },
  [BYLINE_PHOTO_FIELD_ALT_TEXT] = {
    "Xmp.iptc.AltTextAccessibility", XMP_LANG_ALT,
    NULL, FALSE, NULL, FALSE },
  [BYLINE_PHOTO_FIELD_CREATOR] = {
    "Xmp.dc.creator", XMP_SEQ,
    "Iptc.Application2.Byline", TRUE, "Exif.Image.Artist", TRUE },
  [BYLINE_PHOTO_FIELD_CREDIT_LINE] = {
    "Xmp.photoshop.Credit", XMP_TEXT,
    "Iptc.Application2.Credit", TRUE, NULL, FALSE },
  [BYLINE_PHOTO_FIELD_COPYRIGHT] = {
    "Xmp.dc.rights", XMP_LANG_ALT,
    "Iptc.Application2.Copyright", TRUE, "Exif.Image.Copyright", TRUE },
  [BYLINE_PHOTO_FIELD_SOURCE] = {
    "Xmp.photoshop.Source", XMP_TEXT,
    "Iptc.Application2.Source", TRUE, NULL, FALSE },
  [BYLINE_PHOTO_FIELD_CITY] = {
    "Xmp.photoshop.City", XMP_TEXT,
    "Iptc.Application2.City", TRUE, NULL, FALSE },
  /* IIM dates are CCYYMMDD with no time: read them, but write the date
   * only to XMP, which keeps the time and zone of an ISO 8601 value. */
  [BYLINE_PHOTO_FIELD_DATE_CREATED] = {
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

BylinePhotoCredits *
byline_photo_engine_metadata_read (const char  *path,
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

gboolean
byline_photo_engine_metadata_write (const char                *path,
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
