/* byline-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entry points of the importers: checks that the bytes are text at all
 * (binary, UTF-16, invalid UTF-8, empty), picks the format, and reads files
 * in a worker thread. The formats live in byline-import-text.c,
 * byline-import-markdown.c and byline-import-ninjs.c.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "byline-import-private.h"
#include "byline-text.h"

/* Articles are a few kilobytes; a file this big is a mistake (a video, a
 * database dump) and would only freeze the editor. */
#define MAX_IMPORT_SIZE (20 * 1024 * 1024)

G_DEFINE_QUARK (byline-import-error-quark, byline_import_error)


/* ---------------------------------------------------------------- checks */

static gboolean
looks_binary (const char *data,
              gsize       length)
{
  gsize sample = MIN (length, 64 * 1024);
  gsize controls = 0;

  if (memchr (data, '\0', length) != NULL)
    return TRUE;

  for (gsize i = 0; i < sample; i++)
    {
      guchar c = data[i];

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F)
        controls++;
    }

  /* Real text has next to none; a few stray ones (a form feed, an escape
   * pasted from a terminal) must not reject an article. */
  return controls > 8 && controls * 100 > sample;
}

/* Windows Notepad's "Unicode" is UTF-16 with a byte order mark; it is
 * text, so convert it instead of calling it binary. */
static GBytes *
convert_utf16 (GBytes *bytes)
{
  gsize length = 0;
  const guchar *data = g_bytes_get_data (bytes, &length);
  const char *charset = NULL;
  char *utf8;
  gsize written = 0;

  if (length >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    charset = "UTF-16LE";
  else if (length >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    charset = "UTF-16BE";
  else
    return g_bytes_ref (bytes);

  utf8 = g_convert ((const char *) data + 2, length - 2, "UTF-8", charset,
                    NULL, &written, NULL);
  if (utf8 == NULL)
    return g_bytes_ref (bytes);

  return g_bytes_new_take (utf8, written);
}

static void
set_invalid_utf8_error (const char  *data,
                        gsize        offset,
                        GError     **error)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;

  g_set_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_INVALID_UTF8,
               _("The file is not UTF-8 text: line %u has an invalid byte (byte %lu of the file). Save it as UTF-8 (Unicode) and import it again."),
               line, (gulong) offset + 1);
}

void
byline_import_set_empty_error (GError **error)
{
  g_set_error_literal (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_EMPTY,
                       _("There is nothing to import: the file has no headline and no text."));
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0xFEFF)
      return FALSE;

  return TRUE;
}

/* CRLF (Windows) and CR (old Mac) line ends become LF, in place. */
static void
unify_newlines (char *text)
{
  char *out = text;

  for (const char *in = text; *in; in++)
    {
      if (in[0] == '\r' && in[1] == '\n')
        continue;
      *out++ = in[0] == '\r' ? '\n' : in[0];
    }
  *out = '\0';
}

/* Valid NFC UTF-8 without a byte order mark, or NULL with @error set. */
static char *
bytes_to_text (GBytes  *bytes,
               GError **error)
{
  g_autoptr(GBytes) converted = convert_utf16 (bytes);
  gsize length = 0;
  const char *data = g_bytes_get_data (converted, &length);
  const char *end = NULL;
  char *text;

  if (data == NULL || length == 0)
    {
      byline_import_set_empty_error (error);
      return NULL;
    }

  if (looks_binary (data, length))
    {
      g_set_error_literal (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_BINARY,
                           _("The file is not text: it looks like a picture, a program or another binary file."));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      set_invalid_utf8_error (data, end - data, error);
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  text = byline_text_normalize (data, length, NULL);
  unify_newlines (text);
  if (is_blank (text))
    {
      g_free (text);
      byline_import_set_empty_error (error);
      return NULL;
    }

  return text;
}

/* ---------------------------------------------------------------- formats */

static gboolean
has_suffix (const char *name,
            const char *suffix)
{
  gsize n = strlen (name), s = strlen (suffix);

  return n >= s && g_ascii_strcasecmp (name + n - s, suffix) == 0;
}

static BylineImportFormat
format_from_name (const char  *file_name,
                  GError     **error)
{
  static const char * const documents[] = { ".doc", ".docx", ".odt", ".rtf", ".pdf", ".pages" };

  if (file_name == NULL)
    return BYLINE_IMPORT_FORMAT_AUTO;

  if (has_suffix (file_name, ".txt") || has_suffix (file_name, ".text"))
    return BYLINE_IMPORT_FORMAT_TEXT;
  if (has_suffix (file_name, ".md") || has_suffix (file_name, ".markdown"))
    return BYLINE_IMPORT_FORMAT_MARKDOWN;
  if (has_suffix (file_name, ".json") || has_suffix (file_name, ".ninjs"))
    return BYLINE_IMPORT_FORMAT_NINJS;

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    if (has_suffix (file_name, documents[i]))
      {
        g_set_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_UNKNOWN_FORMAT,
                     _("Byline cannot read %s documents. Save the document as plain text (.txt) or Markdown (.md) and import that."),
                     documents[i] + 1);
        return -1;
      }

  return BYLINE_IMPORT_FORMAT_AUTO;
}

static gboolean
line_starts_markdown (const char *line)
{
  while (*line == ' ')
    line++;

  if (line[0] == '#')
    {
      while (*line == '#')
        line++;
      return *line == ' ';
    }

  return g_str_has_prefix (line, "> ") ||
         ((line[0] == '-' || line[0] == '*') && line[1] == ' ');
}

/* Markdown when a line starts like a heading, quote or list, or the text
 * has paired emphasis or a link. A news text has none of these. */
static gboolean
sniff_markdown (const char *text)
{
  const char *link;

  if (line_starts_markdown (text))
    return TRUE;

  for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    if (line_starts_markdown (p + 1))
      return TRUE;

  link = strstr (text, "](");
  if (link != NULL && memchr (text, '[', link - text) != NULL)
    return TRUE;

  for (const char *p = strstr (text, "**"); p != NULL; p = strstr (p + 2, "**"))
    if (p[2] != ' ' && p[2] != '\0' && strstr (p + 2, "**") != NULL)
      return TRUE;

  return FALSE;
}

static BylineImportFormat
sniff_format (const char *text)
{
  const char *p = text;

  while (g_ascii_isspace (*p))
    p++;

  if (*p == '{')
    return BYLINE_IMPORT_FORMAT_NINJS;
  if (sniff_markdown (p))
    return BYLINE_IMPORT_FORMAT_MARKDOWN;
  return BYLINE_IMPORT_FORMAT_TEXT;
}

/**
 * byline_import_bytes:
 * @bytes: the content of a file
 * @format: its format, or %BYLINE_IMPORT_FORMAT_AUTO
 * @file_name: (nullable): its name, which decides the format when @format
 *   is %BYLINE_IMPORT_FORMAT_AUTO
 * @error: return location for a #GError in %BYLINE_IMPORT_ERROR
 *
 * Parses @bytes into a new article. Safe to call from a worker thread.
 *
 * Returns: (transfer full): the article, or %NULL with @error set
 */
BylineArticle *
byline_import_bytes (GBytes              *bytes,
                     BylineImportFormat   format,
                     const char          *file_name,
                     GError             **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (format == BYLINE_IMPORT_FORMAT_AUTO)
    {
      format = format_from_name (file_name, error);
      if ((int) format < 0)
        return NULL;
    }

  text = bytes_to_text (bytes, error);
  if (text == NULL)
    return NULL;

  if (format == BYLINE_IMPORT_FORMAT_AUTO)
    format = sniff_format (text);

  switch (format)
    {
    case BYLINE_IMPORT_FORMAT_TEXT:
      return byline_import_text (text, error);
    case BYLINE_IMPORT_FORMAT_MARKDOWN:
      return byline_import_markdown (text, error);
    case BYLINE_IMPORT_FORMAT_NINJS:
      return byline_import_ninjs (text, strlen (text), error);
    case BYLINE_IMPORT_FORMAT_AUTO:
    default:
      g_set_error (error, BYLINE_IMPORT_ERROR, BYLINE_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("Byline does not know this kind of file."));
      return NULL;
    }
}

/* ---------------------------------------------------------------- files */

typedef struct
{
  GFile              *file;
  BylineImportFormat  format;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *import = data;

  g_clear_object (&import->file);
  g_free (import);
}

static GBytes *
load_file (GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  char *contents = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;

  /* Checked before reading and again after, for files that grow. */
  if (g_file_info_get_size (info) <= MAX_IMPORT_SIZE &&
      !g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  if (g_file_info_get_size (info) > MAX_IMPORT_SIZE || length > MAX_IMPORT_SIZE)
    {
      g_autofree char *size = g_format_size (MAX (length, (gsize) g_file_info_get_size (info)));

      g_free (contents);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("The file is too big to import (%s). An article file must be smaller than 20 MB."),
                   size);
      return NULL;
    }

  return g_bytes_new_take (contents, length);
}

static void
import_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ImportData *import = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  GError *error = NULL;
  BylineArticle *article;

  bytes = load_file (import->file, cancellable, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  name = g_file_get_basename (import->file);
  article = byline_import_bytes (bytes, import->format, name, &error);
  if (article == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, article, g_object_unref);
}

/**
 * byline_import_file_async:
 * @file: the file to import
 * @format: its format, or %BYLINE_IMPORT_FORMAT_AUTO (from the name, then
 *   the content)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads and parses @file in a worker thread. Files over 20 MB are refused
 * with %G_IO_ERROR_MESSAGE_TOO_LARGE.
 */
void
byline_import_file_async (GFile               *file,
                          BylineImportFormat   format,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *import;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  import = g_new0 (ImportData, 1);
  import->file = g_object_ref (file);
  import->format = format;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_import_file_async);
  g_task_set_task_data (task, import, import_data_free);
  g_task_run_in_thread (task, import_file_thread);
}

/**
 * byline_import_file_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the article, or %NULL with @error set
 */
BylineArticle *
byline_import_file_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == byline_import_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---------------------------------------------------------------- shared */

/**
 * byline_import_guess_language:
 * @text: NFC text
 *
 * Vietnamese is the only language told apart: its letters ă, đ, ơ, ư and
 * the precomposed tones (U+1EA0–U+1EF9) are rare elsewhere, but an English
 * text may quote a name ("Hà Nội"), hence a share rather than a single hit.
 *
 * Returns: "vi" or %NULL
 */
const char *
byline_import_guess_language (const char *text)
{
  guint letters = 0, vietnamese = 0;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        continue;

      letters++;
      if ((c >= 0x1EA0 && c <= 0x1EF9) ||
          c == 0x0103 || c == 0x0102 || c == 0x0111 || c == 0x0110 ||
          c == 0x01A1 || c == 0x01A0 || c == 0x01B0 || c == 0x01AF)
        vietnamese++;
    }

  return vietnamese >= 3 && vietnamese * 50 >= letters ? "vi" : NULL;
}

char *
byline_import_blocks_text (GPtrArray *blocks)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      const char *block_text = byline_block_get_text (g_ptr_array_index (blocks, i));

      if (block_text != NULL)
        g_string_append_printf (text, "%s\n", block_text);
    }

  return g_string_free (text, FALSE);
}

static gboolean
is_absent (const char *text)
{
  return text == NULL || *text == '\0';
}

gboolean
byline_import_finish_article (BylineArticle  *article,
                              GPtrArray      *blocks,
                              GError        **error)
{
  g_autofree char *body = NULL;
  g_autofree char *all = NULL;
  const char *title = byline_article_get_title (article);

  if (blocks->len == 0 && is_absent (title))
    {
      byline_import_set_empty_error (error);
      return FALSE;
    }

  byline_article_set_blocks (article, blocks);
  if (!is_absent (byline_article_get_language (article)))
    return TRUE;

  body = byline_import_blocks_text (blocks);
  all = g_strconcat (is_absent (title) ? "" : title, "\n", body, NULL);
  byline_article_set_language (article, byline_import_guess_language (all));
  return TRUE;
}

gboolean
byline_import_take_credit_block (BylineArticle *article,
                                 GPtrArray     *blocks)
{
  g_auto(GStrv) writers = NULL;
  g_auto(GStrv) photographers = NULL;
  BylineBlock *last;

  if (blocks->len == 0)
    return FALSE;

  last = g_ptr_array_index (blocks, blocks->len - 1);
  if (byline_block_get_kind (last) != BYLINE_BLOCK_PARAGRAPH ||
      !byline_import_parse_credit_line (byline_block_get_text (last), &writers, &photographers))
    return FALSE;

  byline_article_set_writers (article, (const char * const *) writers);
  byline_article_set_photographers (article, (const char * const *) photographers);
  g_ptr_array_remove_index (blocks, blocks->len - 1);
  return TRUE;
}

static void
add_paragraph (BylineInline *inl,
               GPtrArray    *blocks)
{
  BylineBlock *block = byline_inline_finish (inl, BYLINE_BLOCK_PARAGRAPH, 0, FALSE);

  if (block != NULL)
    g_ptr_array_add (blocks, block);
}

GPtrArray *
byline_import_plain_paragraphs (const char *text)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_block_unref);
  g_autoptr(BylineInline) inl = byline_inline_new ();
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (is_blank (lines[i]))
        {
          add_paragraph (inl, blocks);
          continue;
        }

      byline_inline_append (inl, lines[i], -1, FALSE, FALSE, NULL);
      byline_inline_append (inl, "\n", 1, FALSE, FALSE, NULL);
    }

  add_paragraph (inl, blocks);
  return blocks;
}
