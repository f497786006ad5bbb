/* gui-shot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <vips/vips.h>

#include "gui-shot.h"
#include "photo-fixtures.h"

void
gui_shot_init_locale (void)
{
  const char *localedir = g_getenv ("BYLINE_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* Film grain over @image: a noisy JPEG is as big as a real photo. */
static VipsImage *
add_grain (VipsImage *image,
           double     grain)
{
  VipsImage *noise = NULL, *sum = NULL, *out = NULL;

  vips_gaussnoise (&noise, vips_image_get_width (image), vips_image_get_height (image),
                   "sigma", grain, "mean", 0.0, NULL);
  vips_add (image, noise, &sum, NULL);
  vips_cast_uchar (sum, &out, NULL);
  g_object_unref (noise);
  g_object_unref (sum);
  return out;
}

/* Reads as a photo at thumbnail size, unlike plain noise. */
char *
gui_shot_make_scene (const char *name,
                     double      hue_shift,
                     int         width,
                     int         height,
                     double      grain)
{
  g_autofree char *path = fixture_tmp_path (name);
  VipsImage *xyz = NULL, *x = NULL, *y = NULL, *r = NULL, *g = NULL, *b = NULL;
  VipsImage *joined = NULL, *out = NULL;
  VipsImage *bands[3];
  double ink[3] = { 255, 230, 160 };

  vips_xyz (&xyz, width, height, NULL);
  vips_extract_band (xyz, &x, 0, NULL);
  vips_extract_band (xyz, &y, 1, NULL);
  vips_linear1 (y, &r, -150.0 / height, 230 - hue_shift, NULL);
  vips_linear1 (x, &g, 60.0 / width, 110 + hue_shift / 2, NULL);
  vips_linear1 (y, &b, -120.0 / height, 200 + hue_shift, NULL);
  bands[0] = r; bands[1] = g; bands[2] = b;
  vips_bandjoin (bands, &joined, 3, NULL);
  vips_cast_uchar (joined, &out, NULL);
  vips_draw_circle (out, ink, 3, width * 2 / 3, height / 3, height / 8, "fill", TRUE, NULL);
  ink[0] = 40; ink[1] = 70 + hue_shift / 3; ink[2] = 90;
  vips_draw_rect (out, ink, 3, 0, height * 2 / 3, width, height / 3, "fill", TRUE, NULL);
  if (grain > 0)
    {
      VipsImage *grainy = add_grain (out, grain);

      g_object_unref (out);
      out = grainy;
    }
  if (vips_image_write_to_file (out, path, NULL) != 0)
    g_error ("%s: %s", path, vips_error_buffer ());

  g_object_unref (xyz); g_object_unref (x); g_object_unref (y);
  g_object_unref (r); g_object_unref (g); g_object_unref (b);
  g_object_unref (joined); g_object_unref (out);
  return g_steal_pointer (&path);
}

void
gui_shot_spin_for (guint msec)
{
  gint64 end = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

void
gui_shot_save_png (GtkWidget  *window,
                   const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Could not write %s", path);
}
