/* byline-cli-photo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-cli photo: attach photos to a draft (copied into its bundle, the
 * credits read from the file's metadata) and edit their fields.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "byline-cli-private.h"
#include "byline-photo-import.h"

/* A prefix shorter than this could match by chance in a week of photos. */
#define PHOTO_PREFIX_MIN 8

typedef void (*PhotoSetFunc) (BylinePhoto *photo,
                              const char  *value);

static const struct
{
  const char   *name;
  PhotoSetFunc  set;
} photo_fields[] = {
  { "caption", byline_photo_set_caption },
  { "alt", byline_photo_set_alt_text },
  { "creator", byline_photo_set_creator },
  { "credit", byline_photo_set_credit_line },
  { "copyright", byline_photo_set_copyright },
  { "source", byline_photo_set_source },
  { "city", byline_photo_set_city },
};

static PhotoSetFunc
find_photo_field (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (photo_fields); i++)
    {
      if (strcmp (photo_fields[i].name, name) == 0)
        return photo_fields[i].set;
    }
  return NULL;
}

/* The photo of @article whose id starts with @prefix, when exactly one. */
static BylinePhoto *
find_photo (BylineArticle  *article,
            const char     *prefix,
            GError        **error)
{
  GListModel *photos = byline_article_get_photos (article);
  g_autoptr(BylinePhoto) found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr(BylinePhoto) photo = g_list_model_get_item (photos, i);

      if (!g_str_has_prefix (byline_photo_get_id (photo), prefix))
        continue;
      if (found != NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("“%s” names more than one photo of the draft: give more of its id"),
                       prefix);
          return NULL;
        }
      found = g_steal_pointer (&photo);
    }

  if (found == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("draft “%s” has no photo “%s”"), byline_article_get_id (article), prefix);
  return g_steal_pointer (&found);
}

static gboolean
check_photo_prefix (const char    *prefix,
                    BylineCliExit *status)
{
  if (strlen (prefix) >= PHOTO_PREFIX_MIN)
    return TRUE;

  *status = byline_cli_usage_printf (_("give at least %d characters of the photo’s id"),
                                     PHOTO_PREFIX_MIN);
  return FALSE;
}

/* The draft @id, opened for writing: FALSE (and the store closed) when it
 * is missing or read-only. */
static BylineArticle *
open_writable (BylineDraftStore  *store,
               const char        *id,
               GError           **error)
{
  g_autoptr(BylineArticle) article = byline_cli_draft_open (store, id, error);

  if (article == NULL || !byline_cli_draft_check_writable (store, article, error))
    return NULL;
  return g_steal_pointer (&article);
}

static BylineCliExit
finish (BylineDraftStore *store,
        BylineArticle    *article,
        BylineCliExit     status)
{
  g_autoptr(GError) error = NULL;

  if (article != NULL)
    byline_draft_store_release (store, article);
  if (!byline_cli_store_close (store, &error))
    return byline_cli_fail (error);
  return status;
}

/* add --------------------------------------------------------------------- */

static char *add_caption;
static char *add_alt;
static char *add_creator;
static char *add_credit;
static char *add_copyright;
static gboolean add_featured;

static const GOptionEntry add_entries[] = {
  { "caption", 0, 0, G_OPTION_ARG_STRING, &add_caption, N_("The caption"), N_("TEXT") },
  { "alt", 0, 0, G_OPTION_ARG_STRING, &add_alt, N_("The alternative text, for readers who cannot see the photo"), N_("TEXT") },
  { "creator", 0, 0, G_OPTION_ARG_STRING, &add_creator, N_("Who took the photo"), N_("NAME") },
  { "credit", 0, 0, G_OPTION_ARG_STRING, &add_credit, N_("The credit line"), N_("TEXT") },
  { "copyright", 0, 0, G_OPTION_ARG_STRING, &add_copyright, N_("The copyright notice"), N_("TEXT") },
  { "featured", 0, 0, G_OPTION_ARG_NONE, &add_featured, N_("Make it the featured photo"), NULL },
  { NULL }
};

/* Given options win over what the file's metadata said. */
static void
apply_add_options (BylinePhoto *photo)
{
  if (add_caption != NULL)
    byline_photo_set_caption (photo, add_caption);
  if (add_alt != NULL)
    byline_photo_set_alt_text (photo, add_alt);
  if (add_creator != NULL)
    byline_photo_set_creator (photo, add_creator);
  if (add_credit != NULL)
    byline_photo_set_credit_line (photo, add_credit);
  if (add_copyright != NULL)
    byline_photo_set_copyright (photo, add_copyright);
}

static BylinePhoto *
import_photo (BylineDraftStore  *store,
              BylineArticle     *article,
              const char        *path,
              GError           **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFile) bundle = byline_draft_store_get_bundle_dir (store,
                                                               byline_article_get_id (article));
  g_autoptr(GAsyncResult) result = NULL;

  byline_photo_import_async (file, bundle, NULL, byline_cli_result_cb, &result);
  return byline_photo_import_finish (byline_cli_run_async_until_done (&result), error);
}

static BylineCliExit
photo_add (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BylineDraftStore) store = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(BylinePhoto) photo = NULL;
  g_autoptr(GError) error = NULL;
  BylineCliExit status;

  context = byline_cli_option_context_new (_("ID FILE"),
                                           _("Attaches a photo (JPEG, PNG, WebP or GIF) to a draft "
                                             "and prints the photo’s id. The fields not given are "
                                             "read from the file’s XMP, IPTC or EXIF metadata."),
                                           add_entries);
  if (!byline_cli_parse (context, &argc, &argv, 2, 2, &status))
    return status;
  if ((store = byline_cli_store_open (&error)) == NULL)
    return byline_cli_fail (error);
  if ((article = open_writable (store, argv[1], &error)) == NULL)
    return finish (store, NULL, byline_cli_fail (error));

  if ((photo = import_photo (store, article, argv[2], &error)) == NULL)
    return finish (store, article, byline_cli_fail_printf ("%s: %s", argv[2], error->message));
  if (byline_article_find_photo (article, byline_photo_get_id (photo)) != NULL)
    return finish (store, article,
                   byline_cli_fail_printf (_("draft “%s” already has this photo (%s)"),
                                           argv[1], byline_photo_get_id (photo)));

  apply_add_options (photo);
  byline_article_add_photo (article, photo);
  if (add_featured)
    byline_article_set_featured_photo (article, byline_photo_get_id (photo));

  status = finish (store, article, BYLINE_CLI_EXIT_OK);
  if (status == BYLINE_CLI_EXIT_OK)
    printf ("%s\n", byline_photo_get_id (photo));
  return status;
}

/* list -------------------------------------------------------------------- */

static gboolean list_json;

static const GOptionEntry list_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &list_json, N_("Print a JSON array"), NULL },
  { NULL }
};

static JsonNode *
photo_to_json (BylineArticle *article,
               BylinePhoto   *photo)
{
  JsonNode *node = byline_photo_to_json (photo);
  gboolean featured = g_strcmp0 (byline_article_get_featured_photo (article),
                                 byline_photo_get_id (photo)) == 0;

  json_object_set_boolean_member (json_node_get_object (node), "featured", featured);
  return node;
}

static void
print_photo_field (const char *label,
                   const char *value)
{
  if (value != NULL && *value != '\0')
    printf ("  %-11s %s\n", label, value);
}

static void
print_photo (BylineArticle *article,
             BylinePhoto   *photo)
{
  gboolean featured = g_strcmp0 (byline_article_get_featured_photo (article),
                                 byline_photo_get_id (photo)) == 0;

  printf ("%s%s\n", byline_photo_get_id (photo), featured ? _(" [featured]") : "");
  print_photo_field (_("file:"), byline_photo_get_original_name (photo));
  print_photo_field (_("caption:"), byline_photo_get_caption (photo));
  print_photo_field (_("alt:"), byline_photo_get_alt_text (photo));
  print_photo_field (_("creator:"), byline_photo_get_creator (photo));
  print_photo_field (_("credit:"), byline_photo_get_credit_line (photo));
  print_photo_field (_("copyright:"), byline_photo_get_copyright (photo));
  print_photo_field (_("source:"), byline_photo_get_source (photo));
  print_photo_field (_("city:"), byline_photo_get_city (photo));
}

static BylineCliExit
photo_list (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BylineDraftStore) store = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(GError) error = NULL;
  GListModel *photos;
  BylineCliExit status;

  context = byline_cli_option_context_new (_("ID"), _("Lists the photos of a draft, in order."),
                                           list_entries);
  if (!byline_cli_parse (context, &argc, &argv, 1, 1, &status))
    return status;
  if ((store = byline_cli_store_open (&error)) == NULL)
    return byline_cli_fail (error);
  if ((article = byline_cli_draft_open (store, argv[1], &error)) == NULL)
    return finish (store, NULL, byline_cli_fail (error));

  photos = byline_article_get_photos (article);
  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr(BylinePhoto) photo = g_list_model_get_item (photos, i);

      if (list_json)
        json_array_add_element (array, photo_to_json (article, photo));
      else
        print_photo (article, photo);
    }
  if (list_json)
    byline_cli_print_json_array (g_steal_pointer (&array));

  return finish (store, article, BYLINE_CLI_EXIT_OK);
}

/* set and remove ---------------------------------------------------------- */

static BylineCliExit
photo_set (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BylineDraftStore) store = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(BylinePhoto) photo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fields = byline_cli_join_names (photo_fields, G_N_ELEMENTS (photo_fields),
                                                   sizeof photo_fields[0]);
  g_autofree char *description = NULL;
  PhotoSetFunc set;
  BylineCliExit status;

  context = byline_cli_option_context_new (_("ID PHOTO FIELD VALUE"),
                                           _("Sets a field of a photo of a draft. PHOTO is the "
                                             "photo’s id or its first 8 characters or more. An "
                                             "empty VALUE clears the field."),
                                           NULL);
  description = g_strdup_printf (_("Fields: %s."), fields);
  g_option_context_set_description (context, description);
  if (!byline_cli_parse (context, &argc, &argv, 4, 4, &status) ||
      !check_photo_prefix (argv[2], &status))
    return status;
  if ((set = find_photo_field (argv[3])) == NULL)
    return byline_cli_usage_printf (_("unknown field “%s”; the fields are: %s"), argv[3], fields);
  if (!g_utf8_validate (argv[4], -1, NULL))
    return byline_cli_usage_printf (_("the value is not valid UTF-8"));

  if ((store = byline_cli_store_open (&error)) == NULL)
    return byline_cli_fail (error);
  if ((article = open_writable (store, argv[1], &error)) == NULL)
    return finish (store, NULL, byline_cli_fail (error));
  if ((photo = find_photo (article, argv[2], &error)) == NULL)
    return finish (store, article, byline_cli_fail (error));

  set (photo, argv[4]);
  return finish (store, article, BYLINE_CLI_EXIT_OK);
}

static BylineCliExit
photo_remove (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BylineDraftStore) store = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(BylinePhoto) photo = NULL;
  g_autoptr(GError) error = NULL;
  BylineCliExit status;

  context = byline_cli_option_context_new (_("ID PHOTO"),
                                           _("Removes a photo from a draft, with the places in "
                                             "the text that showed it."),
                                           NULL);
  if (!byline_cli_parse (context, &argc, &argv, 2, 2, &status) ||
      !check_photo_prefix (argv[2], &status))
    return status;
  if ((store = byline_cli_store_open (&error)) == NULL)
    return byline_cli_fail (error);
  if ((article = open_writable (store, argv[1], &error)) == NULL)
    return finish (store, NULL, byline_cli_fail (error));
  if ((photo = find_photo (article, argv[2], &error)) == NULL)
    return finish (store, article, byline_cli_fail (error));

  byline_article_remove_photo (article, byline_photo_get_id (photo));
  return finish (store, article, BYLINE_CLI_EXIT_OK);
}

static const BylineCliSubcommand photo_commands[] = {
  { "add", N_("Attach a photo to a draft"), photo_add },
  { "list", N_("List the photos of a draft"), photo_list },
  { "set", N_("Set a field of a photo (caption, credits…)"), photo_set },
  { "remove", N_("Remove a photo from a draft"), photo_remove },
};

BylineCliExit
byline_cli_photo_run (int    argc,
                      char **argv)
{
  return byline_cli_dispatch ("photo", photo_commands, G_N_ELEMENTS (photo_commands), argc, argv);
}
