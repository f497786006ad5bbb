/* byline-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BYLINE_TEXT_ERROR (byline_text_error_quark ())

typedef enum
{
  BYLINE_TEXT_ERROR_INVALID_UTF8,
} BylineTextError;

GQuark    byline_text_error_quark (void);
char     *byline_text_normalize   (const char  *text,
                                   gssize       length,
                                   GError     **error);
gboolean  byline_text_is_nfc      (const char  *text);
/* Letters and digits runs, a Vietnamese syllable one word; NULL is 0. */
guint     byline_text_count_words (const char  *text);

G_END_DECLS
