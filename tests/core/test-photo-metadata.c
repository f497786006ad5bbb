/* test-photo-metadata.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Credits pre-filled from files written by the exiv2 CLI, the way agency
 * and camera files arrive.
 */

#include "config.h"

#include <string.h>

#include "photo-fixtures.h"

#define CAPTION "Lễ hội đua ghe ngo trên sông Maspero, Sóc Trăng"
#define ALT "Những chiếc ghe ngo rẽ sóng giữa tiếng reo hò"
#define CREATOR "Hoàng Kha"
#define CREDIT "Ảnh: Hoàng Kha / Báo Đồng Tháp"
#define COPYRIGHT "© 2024 Báo Đồng Tháp"
#define CITY "Cao Lãnh"
/* "Cao Lãnh" with a decomposed ã (a + combining tilde), as some Mac and
 * Windows input methods type it. */
#define CITY_NFD "Cao La\xcc\x83nh"
#define IIM_UTF8 "set Iptc.Envelope.CharacterSet String \x1b%G"

static void
assert_field (const BylinePhotoCredits *credits,
              BylinePhotoField          field,
              const char               *expected)
{
  g_assert_cmpstr (byline_photo_credits_get (credits, field), ==, expected);
}

static void
assert_exiv2 (const char *printed,
              const char *key,
              const char *expected)
{
  g_autofree char *value = fixture_exiv2_value (printed, key);

  g_assert_cmpstr (value, ==, expected);
}

static BylinePhotoCredits *
read_credits (const char *path)
{
  g_autoptr(GError) error = NULL;
  BylinePhotoCredits *credits = byline_photo_metadata_read (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (credits);
  return credits;
}

static void
test_metadata_xmp_vietnamese (void)
{
  g_autofree char *path = fixture_make_image ("xmp.jpg", 64, 48, 3);
  g_autoptr(BylinePhotoCredits) credits = NULL;

  fixture_exiv2_modify (path,
                        "set Xmp.dc.description LangAlt lang=x-default " CAPTION,
                        "set Xmp.iptc.AltTextAccessibility LangAlt lang=x-default " ALT,
                        "set Xmp.dc.creator XmpSeq " CREATOR,
                        "set Xmp.photoshop.Credit " CREDIT,
                        "set Xmp.dc.rights LangAlt lang=x-default " COPYRIGHT,
                        "set Xmp.photoshop.Source TTXVN",
                        "set Xmp.photoshop.City " CITY_NFD,
                        "set Xmp.photoshop.DateCreated 2024-02-10T08:30:00+07:00",
                        /* XMP wins over a UTF-8 IIM and EXIF that disagree. */
                        IIM_UTF8,
                        "set Iptc.Application2.Caption String Chú thích cũ",
                        "set Exif.Image.Artist Người khác",
                        NULL);

  credits = read_credits (path);
  assert_field (credits, BYLINE_PHOTO_FIELD_CAPTION, CAPTION);
  assert_field (credits, BYLINE_PHOTO_FIELD_ALT_TEXT, ALT);
  assert_field (credits, BYLINE_PHOTO_FIELD_CREATOR, CREATOR);
  assert_field (credits, BYLINE_PHOTO_FIELD_CREDIT_LINE, CREDIT);
  assert_field (credits, BYLINE_PHOTO_FIELD_COPYRIGHT, COPYRIGHT);
  assert_field (credits, BYLINE_PHOTO_FIELD_SOURCE, "TTXVN");
  assert_field (credits, BYLINE_PHOTO_FIELD_CITY, CITY);
  assert_field (credits, BYLINE_PHOTO_FIELD_DATE_CREATED, "2024-02-10T08:30:00+07:00");
}

static void
test_metadata_xmp_lang_alt (void)
{
  g_autofree char *path = fixture_make_image ("langalt.jpg", 64, 48, 3);
  g_autoptr(BylinePhotoCredits) credits = NULL;

  /* Commas inside the text, a second language, several creators. */
  fixture_exiv2_modify (path,
                        "set Xmp.dc.description LangAlt lang=en-US Boat race, Soc Trang",
                        "set Xmp.dc.description LangAlt lang=x-default Đua ghe, Sóc Trăng, 2024",
                        "set Xmp.dc.creator XmpSeq Hoàng Kha",
                        "set Xmp.dc.creator XmpSeq Nguyễn Mỹ Quí",
                        NULL);

  credits = read_credits (path);
  assert_field (credits, BYLINE_PHOTO_FIELD_CAPTION, "Đua ghe, Sóc Trăng, 2024");
  assert_field (credits, BYLINE_PHOTO_FIELD_CREATOR, "Hoàng Kha, Nguyễn Mỹ Quí");
  assert_field (credits, BYLINE_PHOTO_FIELD_ALT_TEXT, NULL);
}

static void
test_metadata_iim_utf8 (void)
{
  g_autofree char *path = fixture_make_image ("iim.jpg", 64, 48, 3);
  g_autoptr(BylinePhotoCredits) credits = NULL;

  fixture_exiv2_modify (path,
                        IIM_UTF8,
                        "set Iptc.Application2.Caption String " CAPTION,
                        "set Iptc.Application2.Byline String " CREATOR,
                        "set Iptc.Application2.Credit String " CREDIT,
                        "set Iptc.Application2.Copyright String " COPYRIGHT,
                        "set Iptc.Application2.Source String TTXVN",
                        "set Iptc.Application2.City String " CITY,
                        "set Iptc.Application2.DateCreated Date 2024-02-10",
                        NULL);

  credits = read_credits (path);
  assert_field (credits, BYLINE_PHOTO_FIELD_CAPTION, CAPTION);
  assert_field (credits, BYLINE_PHOTO_FIELD_CREATOR, CREATOR);
  assert_field (credits, BYLINE_PHOTO_FIELD_CREDIT_LINE, CREDIT);
  assert_field (credits, BYLINE_PHOTO_FIELD_COPYRIGHT, COPYRIGHT);
  assert_field (credits, BYLINE_PHOTO_FIELD_SOURCE, "TTXVN");
  assert_field (credits, BYLINE_PHOTO_FIELD_CITY, CITY);
  assert_field (credits, BYLINE_PHOTO_FIELD_DATE_CREATED, "2024-02-10");
  assert_field (credits, BYLINE_PHOTO_FIELD_ALT_TEXT, NULL);
}

static void
test_metadata_iim_latin1_ignored (void)
{
  g_autofree char *path = fixture_make_image ("latin1.jpg", 64, 48, 3);
  g_autoptr(BylinePhotoCredits) credits = NULL;

  /* Latin-1 bytes, no 1:90 marker: "Hoàng" would come out as mojibake.
   * Even the pure-ASCII source is not trusted from such a record. */
  fixture_exiv2_modify (path,
                        "set Iptc.Application2.Caption String L\xea h\xf4i",
                        "set Iptc.Application2.Byline String Ho\xe0ng Kha",
                        "set Iptc.Application2.Source String TTXVN",
                        NULL);

  credits = read_credits (path);
  for (guint i = 0; i < BYLINE_PHOTO_N_FIELDS; i++)
    assert_field (credits, i, NULL);
}

static void
test_metadata_exif_fallback (void)
{
  g_autofree char *path = fixture_make_image ("exif.jpg", 64, 48, 3);
  g_autoptr(BylinePhotoCredits) credits = NULL;

  fixture_exiv2_modify (path,
                        "set Iptc.Application2.Byline String Ho\xe0ng Kha",
                        "set Exif.Image.Artist " CREATOR,
                        "set Exif.Image.Copyright " COPYRIGHT,
                        /* Latin-1 in EXIF: not valid UTF-8, dropped. */
                        "set Exif.Image.ImageDescription L\xea h\xf4i",
                        NULL);

  credits = read_credits (path);
  assert_field (credits, BYLINE_PHOTO_FIELD_CREATOR, CREATOR);
  assert_field (credits, BYLINE_PHOTO_FIELD_COPYRIGHT, COPYRIGHT);
  assert_field (credits, BYLINE_PHOTO_FIELD_CAPTION, NULL);
}

static void
test_metadata_write_round_trip (void)
{
  g_autofree char *path = fixture_make_image ("write.jpg", 64, 48, 3);
  g_autoptr(BylinePhotoCredits) written = byline_photo_credits_new ();
  g_autoptr(BylinePhotoCredits) credits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = NULL;

  byline_photo_credits_set (written, BYLINE_PHOTO_FIELD_CAPTION, "lang=\"vi\" bắt đầu như một thẻ");
  byline_photo_credits_set (written, BYLINE_PHOTO_FIELD_ALT_TEXT, ALT);
  byline_photo_credits_set (written, BYLINE_PHOTO_FIELD_CREATOR, CREATOR);
  byline_photo_credits_set (written, BYLINE_PHOTO_FIELD_CREDIT_LINE, CREDIT);
  byline_photo_credits_set (written, BYLINE_PHOTO_FIELD_COPYRIGHT, COPYRIGHT);
  byline_photo_credits_set (written, BYLINE_PHOTO_FIELD_CITY, CITY_NFD);
  byline_photo_credits_set (written, BYLINE_PHOTO_FIELD_DATE_CREATED, "2024-02-10");
  g_assert_true (byline_photo_metadata_write (path, written, &error));
  g_assert_no_error (error);

  credits = read_credits (path);
  for (guint i = 0; i < BYLINE_PHOTO_N_FIELDS; i++)
    assert_field (credits, i, byline_photo_credits_get (written, i));
  assert_field (credits, BYLINE_PHOTO_FIELD_CITY, CITY);
  assert_field (credits, BYLINE_PHOTO_FIELD_SOURCE, NULL);

  /* And what other tools see: */
  printed = fixture_exiv2_print (path);
  assert_exiv2 (printed, "Iptc.Envelope.CharacterSet", "\x1b%G");
  assert_exiv2 (printed, "Iptc.Application2.Byline", CREATOR);
  assert_exiv2 (printed, "Iptc.Application2.Credit", CREDIT);
  assert_exiv2 (printed, "Exif.Image.Artist", CREATOR);
  assert_exiv2 (printed, "Xmp.iptc.AltTextAccessibility", "lang=\"x-default\" " ALT);
  assert_exiv2 (printed, "Xmp.photoshop.Source", NULL);
}

static void
test_metadata_credits_digest (void)
{
  g_autoptr(BylinePhotoCredits) a = byline_photo_credits_new ();
  g_autoptr(BylinePhotoCredits) b = byline_photo_credits_new ();
  g_autofree char *empty = byline_photo_credits_dup_digest (a);
  g_autofree char *digest_a = NULL;
  g_autofree char *digest_b = NULL;

  g_assert_cmpuint (strlen (empty), ==, 16);

  /* Same text in another field, or split differently: another digest. */
  byline_photo_credits_set (a, BYLINE_PHOTO_FIELD_CAPTION, "ab");
  byline_photo_credits_set (a, BYLINE_PHOTO_FIELD_ALT_TEXT, "c");
  byline_photo_credits_set (b, BYLINE_PHOTO_FIELD_CAPTION, "a");
  byline_photo_credits_set (b, BYLINE_PHOTO_FIELD_ALT_TEXT, "bc");
  digest_a = byline_photo_credits_dup_digest (a);
  digest_b = byline_photo_credits_dup_digest (b);
  g_assert_cmpstr (digest_a, !=, digest_b);
  g_assert_cmpstr (digest_a, !=, empty);

  /* NFC first: the same words typed two ways are the same credits. */
  g_clear_pointer (&digest_a, g_free);
  g_clear_pointer (&digest_b, g_free);
  byline_photo_credits_set (a, BYLINE_PHOTO_FIELD_CITY, CITY_NFD);
  byline_photo_credits_set (b, BYLINE_PHOTO_FIELD_CAPTION, "ab");
  byline_photo_credits_set (b, BYLINE_PHOTO_FIELD_ALT_TEXT, "  c ");
  byline_photo_credits_set (b, BYLINE_PHOTO_FIELD_CITY, CITY);
  digest_a = byline_photo_credits_dup_digest (a);
  digest_b = byline_photo_credits_dup_digest (b);
  g_assert_cmpstr (digest_a, ==, digest_b);
}

static void
test_metadata_not_an_image (void)
{
  g_autofree char *path = fixture_tmp_path ("notes.jpg");
  g_autoptr(GError) error = NULL;
  BylinePhotoCredits *credits;

  g_assert_true (g_file_set_contents (path, "Ghi chú phỏng vấn\n", -1, NULL));
  credits = byline_photo_metadata_read (path, &error);
  g_assert_null (credits);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  fixture_init ();

  g_test_add_func ("/photo/metadata/xmp-vietnamese", test_metadata_xmp_vietnamese);
  g_test_add_func ("/photo/metadata/xmp-lang-alt", test_metadata_xmp_lang_alt);
  g_test_add_func ("/photo/metadata/iim-utf8", test_metadata_iim_utf8);
  g_test_add_func ("/photo/metadata/iim-latin1-ignored", test_metadata_iim_latin1_ignored);
  g_test_add_func ("/photo/metadata/exif-fallback", test_metadata_exif_fallback);
  g_test_add_func ("/photo/metadata/write-round-trip", test_metadata_write_round_trip);
  g_test_add_func ("/photo/metadata/credits-digest", test_metadata_credits_digest);
  g_test_add_func ("/photo/metadata/not-an-image", test_metadata_not_an_image);

  return g_test_run ();
}
