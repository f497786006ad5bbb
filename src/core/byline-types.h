/* byline-types.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Forward declarations of the core types, so headers can refer to one
 * another without including each other. */
typedef struct _BylineArticle    BylineArticle;
typedef struct _BylineBlock      BylineBlock;
typedef struct _BylineDraftStore BylineDraftStore;
typedef struct _BylinePhoto      BylinePhoto;

G_END_DECLS
