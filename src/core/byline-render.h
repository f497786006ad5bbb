/* byline-render.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renderers of an article: WordPress block HTML, plain text, Markdown and
 * ninjs 2.x. Every user string that goes into HTML is escaped; absent
 * fields are left out, never rendered as "null" or "(null)".
 */

#pragma once

#include <json-glib/json-glib.h>

#include "byline-article.h"

G_BEGIN_DECLS

typedef struct
{
  /* Closing credit line, with {writers} and {photographers}; NULL for the
   * Vietnamese default "BT: {writers} – Hình: {photographers}". A part
   * whose list is empty is dropped with its separator. */
  const char *credit_template;
  /* Suffix appended to each caption, with {creator}; NULL for the default
   * "Ảnh: {creator}". Nothing is appended when the photo has no creator. */
  const char *caption_template;
  /* Whether the closing credit line is rendered. */
  gboolean    with_credit_line;
} BylineRenderOptions;

void        byline_render_options_init   (BylineRenderOptions       *options);
/* The credit line alone, e.g. "BT: Nguyễn Thu – Hình: Hoàng Kha"; NULL when
 * there are neither writers nor photographers. */
char       *byline_render_credit_line    (BylineArticle             *article,
                                          const BylineRenderOptions *options);
/* The caption of a photo with its suffix: "Caption. Ảnh: Creator". */
char       *byline_render_caption        (BylinePhoto               *photo,
                                          const BylineRenderOptions *options);
/* The post content in WordPress block markup (<!-- wp:paragraph --> …),
 * photos as core/image blocks with wp-image-<media id> when uploaded. */
char       *byline_render_wordpress      (BylineArticle             *article,
                                          const BylineRenderOptions *options);
/* Addition to the first contract: the body as plain HTML without the
 * WordPress block comments and classes (used in ninjs and the document). */
char       *byline_render_html_fragment  (BylineArticle             *article,
                                          const BylineRenderOptions *options);
/* A standalone HTML document (for export). */
char       *byline_render_html_document  (BylineArticle             *article,
                                          const BylineRenderOptions *options);
char       *byline_render_text           (BylineArticle             *article,
                                          const BylineRenderOptions *options);
char       *byline_render_markdown       (BylineArticle             *article,
                                          const BylineRenderOptions *options);
JsonNode   *byline_render_ninjs          (BylineArticle             *article,
                                          const BylineRenderOptions *options);

G_END_DECLS
