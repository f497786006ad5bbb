/* gui-shot.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the screenshot programs share: the interface language, pictures that
 * read as photos, and a window saved as a PNG.
 */

#pragma once

#include <gtk/gtk.h>

/* The user's locale, and the translations from BYLINE_LOCALEDIR if set
 * (the build's po folder), else the installed ones. */
void   gui_shot_init_locale (void);
/* A sky-to-river scene with a sun, written as a JPEG in the fixtures'
 * folder. @grain: the sigma of the noise added, like a real photo's (and
 * as hard to compress); 0 for none. */
char  *gui_shot_make_scene  (const char *name,
                             double      hue_shift,
                             int         width,
                             int         height,
                             double      grain);
/* Runs the main loop for @msec: layout, frames, thumbnails from workers. */
void   gui_shot_spin_for    (guint       msec);
/* @window as drawn now, into @path (g_error() if it cannot be written). */
void   gui_shot_save_png    (GtkWidget  *window,
                             const char *path);
