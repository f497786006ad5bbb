/* byline-photo-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The photo error domain, on its own so that the photo engine module can
 * link it (src/photo-engine/meson.build): a quark is a string, so the
 * module's copy and the program's give the same domain.
 */

#include "config.h"

#include "byline-photo-import.h"

G_DEFINE_QUARK (byline-photo-error-quark, byline_photo_error)
