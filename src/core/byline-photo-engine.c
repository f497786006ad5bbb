/* byline-photo-engine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finding and opening libbyline-photo-engine. It is opened once and never
 * closed: libvips and Exiv2 cannot be unloaded cleanly, and the strings
 * and tables the engine hands out must outlive every caller.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "byline-photo-engine.h"
#include "byline-photo-import.h"

typedef struct
{
  const BylinePhotoEngine *engine;
  GError                  *error;
} Loaded;

static char *
dup_module_path (void)
{
  const char *dir = g_getenv ("BYLINE_PHOTO_ENGINE_DIR");

  if (dir == NULL || dir[0] == '\0')
    dir = PHOTO_ENGINE_DIR;

  return g_build_filename (dir, "libbyline-photo-engine." G_MODULE_SUFFIX, NULL);
}

static const BylinePhotoEngine *
open_engine (const char  *path,
             char       **detail)
{
  BylinePhotoEngineGetVtable get_vtable = NULL;
  const BylinePhotoEngine *engine;
  GModule *module;

  /* Local binding: the engine's copies of libvips's and Exiv2's symbols
   * must not become visible to modules GTK or GIO open later. */
  module = g_module_open (path, G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      *detail = g_strdup (g_module_error ());
      return NULL;
    }

  if (!g_module_symbol (module, BYLINE_PHOTO_ENGINE_SYMBOL, (gpointer *) &get_vtable)
      || get_vtable == NULL)
    {
      *detail = g_strdup (g_module_error ());
      g_module_close (module);
      return NULL;
    }

  engine = get_vtable ();
  if (engine == NULL || engine->abi != BYLINE_PHOTO_ENGINE_ABI)
    {
      *detail = g_strdup_printf ("%s: ABI %u, expected %u", path,
                                 engine != NULL ? engine->abi : 0, BYLINE_PHOTO_ENGINE_ABI);
      g_module_close (module);
      return NULL;
    }

  g_module_make_resident (module);
  return engine;
}

static gpointer
load_once (gpointer data)
{
  Loaded *loaded = g_new0 (Loaded, 1);
  g_autofree char *path = dup_module_path ();
  g_autofree char *detail = NULL;

  loaded->engine = open_engine (path, &detail);
  if (loaded->engine == NULL)
    {
      /* The detail names the file and the loader's reason: what a bug
       * report needs, next to what the user can do about it. */
      g_debug ("Could not load the photo engine: %s", detail);
      loaded->error = g_error_new (BYLINE_PHOTO_ERROR, BYLINE_PHOTO_ERROR_NO_ENGINE,
                                   _("Byline cannot work with photos: its photo engine is missing or damaged (%s). Reinstall Byline."),
                                   detail);
    }

  return loaded;
}

const BylinePhotoEngine *
byline_photo_engine_get (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  const Loaded *loaded;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  loaded = g_once (&once, load_once, NULL);
  if (loaded->engine == NULL)
    g_propagate_error (error, g_error_copy (loaded->error));

  return loaded->engine;
}
