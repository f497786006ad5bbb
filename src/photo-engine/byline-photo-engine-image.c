/* byline-photo-engine-image.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pixels, with libvips. vips_thumbnail does the heavy part: it
 * shrinks on load (a JPEG decodes straight at 1/2, 1/4 or 1/8 scale by
 * libjpeg itself), streams the rest, rotates upright and converts to
 * sRGB, so a 24 MP photo never sits in memory at full size
 * (bench/thumbnails.c).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "byline-photo-engine-private.h"

/* What WordPress accepts as an image upload and every browser shows. */
static const struct
{
  const char *loader;
  const char *mime_type;
  const char *extension;
} formats[] = {
  { "jpegload", "image/jpeg", "jpg" },
  { "pngload", "image/png", "png" },
  { "webpload", "image/webp", "webp" },
  { "gifload", "image/gif", "gif" },
};

static int
find_format (const char  *path,
             GError     **error)
{
  const char *type_name = vips_foreign_find_load (path);
  const char *nickname;

  if (type_name == NULL)
    {
      byline_photo_engine_set_vips_error (error, BYLINE_PHOTO_ERROR_NOT_AN_IMAGE,
                                          _("This file is not a photo. Byline accepts JPEG, PNG, WebP and GIF images."));
      return -1;
    }

  nickname = vips_nickname_find (g_type_from_name (type_name));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_strcmp0 (nickname, formats[i].loader) == 0)
        return i;
    }

  g_set_error_literal (error, BYLINE_PHOTO_ERROR, BYLINE_PHOTO_ERROR_UNSUPPORTED,
                       _("This kind of image cannot be published. Save it as JPEG, PNG or WebP and attach it again."));
  return -1;
}

/* Decodes the whole file once. The header alone says nothing about a
 * JPEG cut short; a small shrink-on-load thumbnail still reads every
 * byte of the compressed data, at a fraction of a full decode's cost. */
static gboolean
check_decodes (const char  *path,
               guint       *width,
               guint       *height,
               GError     **error)
{
  g_autoptr(BylineVipsImage) header = NULL;
  g_autoptr(BylineVipsImage) thumbnail = NULL;
  double mean;

  header = vips_image_new_from_file (path, "access", VIPS_ACCESS_SEQUENTIAL,
                                     "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL);
  if (header == NULL
      || vips_image_get_width (header) <= 0
      || vips_image_get_height (header) <= 0
      || vips_thumbnail (path, &thumbnail, 64, "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL) != 0
      || vips_avg (thumbnail, &mean, NULL) != 0)
    {
      byline_photo_engine_set_vips_error (error, BYLINE_PHOTO_ERROR_CORRUPT,
                                          _("This photo is damaged or incomplete. Copy it again from the camera or the sender, then attach it again."));
      return FALSE;
    }

  *width = vips_image_get_width (header);
  *height = vips_image_get_height (header);
  if (vips_image_get_orientation_swap (header))
    {
      guint swap = *width;

      *width = *height;
      *height = swap;
    }

  return TRUE;
}

gboolean
byline_photo_engine_identify (const char  *path,
                              const char **mime_type,
                              const char **extension,
                              guint       *width,
                              guint       *height,
                              GError     **error)
{
  int format = find_format (path, error);

  if (format < 0 || !check_decodes (path, width, height, error))
    return FALSE;

  *mime_type = formats[format].mime_type;
  *extension = formats[format].extension;
  return TRUE;
}

static void
set_derivative_failed (GError **error)
{
  byline_photo_engine_set_vips_error (error, BYLINE_PHOTO_ERROR_FAILED,
                                      _("Could not prepare the photo for upload. Try attaching it again."));
}

/* Only the header: enough to know whether the result needs alpha and
 * whether there is a colour profile to convert from, and that the file
 * is there and is an image. */
gboolean
byline_photo_engine_read_header (const char  *path,
                                 gboolean    *has_alpha,
                                 gboolean    *has_profile,
                                 GError     **error)
{
  g_autoptr(BylineVipsImage) header = vips_image_new_from_file (path, NULL);

  if (header == NULL)
    {
      set_derivative_failed (error);
      return FALSE;
    }

  *has_alpha = vips_image_hasalpha (header);
  *has_profile = vips_image_get_typeof (header, VIPS_META_ICC_NAME) != 0;
  return TRUE;
}

gboolean
byline_photo_engine_render (const char  *source_path,
                            guint        max_edge,
                            gboolean     has_alpha,
                            gboolean     has_profile,
                            const char  *out_path,
                            GError     **error)
{
  g_autoptr(BylineVipsImage) image = NULL;
  int failed;

  /* "height" too, so max_edge bounds the longest edge whichever it is;
   * VIPS_SIZE_DOWN never enlarges a small photo. The profile goes with
   * the other metadata, so an Adobe RGB photo is converted to sRGB first;
   * without one, vips 8.14 would still "convert" and turn grey into RGB. */
  failed = vips_thumbnail (source_path, &image, max_edge,
                           "height", max_edge,
                           "size", VIPS_SIZE_DOWN,
                           "export_profile", has_profile ? "srgb" : NULL,
                           "fail_on", VIPS_FAIL_ON_TRUNCATED,
                           NULL);
  if (failed == 0 && has_alpha)
    failed = vips_pngsave (image, out_path, "strip", TRUE, NULL);
  else if (failed == 0)
    failed = vips_jpegsave (image, out_path, "Q", 85, "strip", TRUE,
                            "optimize_coding", TRUE, NULL);

  if (failed != 0)
    set_derivative_failed (error);

  return failed == 0;
}

/* Whatever came in (grey, 16-bit PNG, CMYK, with or without alpha), out
 * goes 8-bit sRGB with alpha: the one layout the GUI handles. */
static VipsImage *
to_rgba8 (VipsImage *in)
{
  g_autoptr(BylineVipsImage) srgb = NULL;
  g_autoptr(BylineVipsImage) uchar = NULL;
  VipsImage *rgba = NULL;

  if (vips_colourspace (in, &srgb, VIPS_INTERPRETATION_sRGB, NULL) != 0
      || vips_cast_uchar (srgb, &uchar, NULL) != 0)
    return NULL;

  if (vips_image_get_bands (uchar) == 4)
    return g_steal_pointer (&uchar);
  if (vips_image_get_bands (uchar) == 3
      && vips_bandjoin_const1 (uchar, &rgba, 255.0, NULL) == 0)
    return rgba;

  vips_error ("byline", "unexpected %d bands", vips_image_get_bands (uchar));
  return NULL;
}

BylinePhotoThumbnail *
byline_photo_engine_thumbnail (const char  *path,
                               guint        size,
                               GError     **error)
{
  g_autoptr(BylineVipsImage) image = NULL;
  g_autoptr(BylineVipsImage) rgba = NULL;
  BylinePhotoThumbnail *thumbnail;
  gpointer pixels = NULL;
  size_t length = 0;

  if (vips_thumbnail (path, &image, size, "height", size, "size", VIPS_SIZE_DOWN, NULL) != 0
      || (rgba = to_rgba8 (image)) == NULL
      || (pixels = vips_image_write_to_memory (rgba, &length)) == NULL)
    {
      byline_photo_engine_set_vips_error (error, BYLINE_PHOTO_ERROR_FAILED,
                                          _("Could not show a preview of this photo."));
      return NULL;
    }

  thumbnail = g_new0 (BylinePhotoThumbnail, 1);
  thumbnail->width = vips_image_get_width (rgba);
  thumbnail->height = vips_image_get_height (rgba);
  thumbnail->rowstride = (gsize) thumbnail->width * 4;
  thumbnail->pixels = g_bytes_new_with_free_func (pixels, length, g_free, pixels);
  g_assert (length == thumbnail->rowstride * thumbnail->height);

  return thumbnail;
}
